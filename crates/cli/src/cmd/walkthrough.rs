//! `coachlog walkthrough …`: product walkthroughs.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{Walkthrough, WalkthroughId, WalkthroughInput};
use coachlog_core::store::walkthroughs;
use coachlog_core::Result;

use crate::args::{date, DateRange};
use crate::cmd::person::nothing_to_change;
use crate::context::{read_text, Ctx};
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog walkthrough …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Record a walkthrough.
    Add(AddArgs),
    /// Change a walkthrough (only the options given change).
    Edit(EditArgs),
    /// List walkthroughs, newest first.
    List {
        #[command(flatten)]
        range: DateRange,
    },
    /// Show a walkthrough with its findings.
    Show {
        /// The walkthrough's id.
        id: i64,
    },
    /// Move a walkthrough to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog walkthrough add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What was walked through.
    pub title: String,
    /// The day of the walkthrough [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// A stage covered (repeatable).
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// A category covered (repeatable).
    #[arg(long = "category", value_name = "CATEGORY")]
    pub categories: Vec<String>,
    /// Findings (Markdown).
    #[arg(long, conflicts_with = "findings_file")]
    pub findings: Option<String>,
    /// Read the findings from a file (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub findings_file: Option<PathBuf>,
    /// The walkthrough issue's URL.
    #[arg(long, value_name = "URL")]
    pub issue: Option<String>,
}

/// `coachlog walkthrough edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The walkthrough's id.
    pub id: i64,
    /// New title.
    #[arg(long)]
    pub title: Option<String>,
    /// New date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// Replace the stages (repeatable).
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// Remove every stage.
    #[arg(long, conflicts_with = "stages")]
    pub no_stages: bool,
    /// Replace the categories (repeatable).
    #[arg(long = "category", value_name = "CATEGORY")]
    pub categories: Vec<String>,
    /// Remove every category.
    #[arg(long, conflicts_with = "categories")]
    pub no_categories: bool,
    /// Replace the findings.
    #[arg(long, conflicts_with = "findings_file")]
    pub findings: Option<String>,
    /// Replace the findings with a file's text (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub findings_file: Option<PathBuf>,
    /// New issue URL.
    #[arg(long, value_name = "URL")]
    pub issue: Option<String>,
    /// Remove the issue link.
    #[arg(long, conflicts_with = "issue")]
    pub no_issue: bool,
}

/// Runs a `walkthrough` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::Walkthrough, id),
        Cmd::Add(a) => {
            let findings = read_text(a.findings, a.findings_file.as_deref())?.unwrap_or_default();
            let input = WalkthroughInput {
                date: a.date.unwrap_or(ctx.today),
                title: a.title,
                stages: a.stages,
                categories: a.categories,
                findings,
                issue_link: a.issue,
            };
            walkthroughs::validate(&input)?;
            let mut db = ctx.write()?;
            let w = db.write(|tx| walkthroughs::insert(tx, &input))?;
            written(
                ctx,
                &w,
                format!(
                    "Recorded walkthrough #{} '{}' on {}.",
                    w.id, w.title, w.date
                ),
            )
        }
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::List { range } => list(ctx, range),
        Cmd::Show { id } => show(ctx, WalkthroughId(id)),
    }
}

fn written(ctx: &Ctx, w: &Walkthrough, line: String) -> Result<String> {
    if ctx.json {
        json(w)
    } else {
        Ok(line + "\n")
    }
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    let nothing = a.title.is_none()
        && a.date.is_none()
        && a.stages.is_empty()
        && !a.no_stages
        && a.categories.is_empty()
        && !a.no_categories
        && a.findings.is_none()
        && a.findings_file.is_none()
        && a.issue.is_none()
        && !a.no_issue;
    if nothing {
        return Err(nothing_to_change("walkthrough edit"));
    }
    let findings = read_text(a.findings, a.findings_file.as_deref())?;
    let mut db = ctx.write()?;
    let id = WalkthroughId(a.id);
    let before = walkthroughs::get(db.conn(), id)?;
    let input = WalkthroughInput {
        date: a.date.unwrap_or(before.date),
        title: a.title.unwrap_or(before.title),
        stages: match (a.no_stages, a.stages.is_empty()) {
            (true, _) => Vec::new(),
            (false, true) => before.stages,
            (false, false) => a.stages,
        },
        categories: match (a.no_categories, a.categories.is_empty()) {
            (true, _) => Vec::new(),
            (false, true) => before.categories,
            (false, false) => a.categories,
        },
        findings: findings.unwrap_or(before.findings),
        issue_link: if a.no_issue {
            None
        } else {
            a.issue.or(before.issue_link)
        },
    };
    let w = db.write(|tx| walkthroughs::update(tx, id, &input))?;
    written(
        ctx,
        &w,
        format!("Updated walkthrough #{} '{}'.", w.id, w.title),
    )
}

fn list(ctx: &Ctx, range: DateRange) -> Result<String> {
    let db = ctx.read()?;
    let list = walkthroughs::list(db.conn(), range.from, range.to)?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(
            "No walkthroughs recorded; `coachlog walkthrough add TITLE` records one.\n".into(),
        );
    }
    let mut t = Table::new(vec![
        col("ID").right(),
        col("DATE"),
        col("TITLE").max(40),
        col("STAGES").max(30),
        col("CATEGORIES").max(30),
        col("ISSUE").max(60),
    ]);
    for w in &list {
        t.row([
            w.id.to_string(),
            w.date.to_string(),
            w.title.clone(),
            w.stages.join(", "),
            w.categories.join(", "),
            w.issue_link.clone().unwrap_or_default(),
        ]);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, id: WalkthroughId) -> Result<String> {
    let db = ctx.read()?;
    let w = walkthroughs::get(db.conn(), id)?;
    if ctx.json {
        return json(&w);
    }
    let mut out = format!("Walkthrough #{}: {}\n", w.id, w.title);
    out.push_str(&render::fields(&[
        ("Date", w.date.to_string()),
        ("Stages", render::or_dash(&w.stages.join(", "))),
        ("Categories", render::or_dash(&w.categories.join(", "))),
        (
            "Issue",
            render::or_dash(w.issue_link.as_deref().unwrap_or("")),
        ),
    ]));
    out.push('\n');
    if w.findings.trim().is_empty() {
        out.push_str("(no findings)\n");
    } else {
        out.push_str(w.findings.trim_end());
        out.push('\n');
    }
    Ok(out)
}
