//! `coachlog cdf …`: Career Development Framework reviews, each with the 1
//! to 3 focus areas a PM works on until the next.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{CdfReview, CdfReviewId, CdfReviewInput};
use coachlog_core::store::{cdf, people};
use coachlog_core::Result;

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::{read_text, Ctx};
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog cdf …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Record a PM's CDF review with its 1 to 3 focus areas.
    Add(AddArgs),
    /// Change a CDF review (only the options given change).
    Edit(EditArgs),
    /// List CDF reviews, newest first.
    List {
        /// Only this PM's (name, part of it, or id).
        person: Option<String>,
    },
    /// Show a CDF review with its focus areas and notes.
    Show {
        /// The review's id.
        id: i64,
    },
    /// Move a CDF review to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog cdf add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Whose review (name, part of it, or id).
    pub person: String,
    /// The day of the review [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// A focus area to improve until the next review (1 to 3: repeat the option).
    #[arg(long = "focus", value_name = "TEXT")]
    pub focus: Vec<String>,
    /// Private notes (Markdown).
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Read the notes from a file (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// The review document's URL.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
}

/// `coachlog cdf edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The review's id.
    pub id: i64,
    /// Move it to another PM.
    #[arg(long)]
    pub person: Option<String>,
    /// New date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// Replace the focus areas (repeat for several, 1 to 3).
    #[arg(long = "focus", value_name = "TEXT")]
    pub focus: Vec<String>,
    /// Replace the notes.
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Replace the notes with a file's text (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// New link.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Remove the link.
    #[arg(long, conflicts_with = "link")]
    pub no_link: bool,
}

/// Runs a `cdf` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Add(a) => add(ctx, a),
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::List { person } => list(ctx, person.as_deref()),
        Cmd::Show { id } => show(ctx, CdfReviewId(id)),
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::CdfReview, id),
    }
}

fn written(ctx: &Ctx, r: &CdfReview, line: String) -> Result<String> {
    if ctx.json {
        json(r)
    } else {
        Ok(line + "\n")
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<String> {
    let notes = read_text(a.notes, a.notes_file.as_deref())?.unwrap_or_default();
    let mut db = ctx.write()?;
    let person = people::resolve(db.conn(), &a.person)?;
    let input = CdfReviewInput {
        person_id: person.id,
        date: a.date.unwrap_or(ctx.today),
        focus: a.focus,
        notes,
        link: a.link,
    };
    let r = db.write(|tx| cdf::insert(tx, &input))?;
    let line = format!(
        "Recorded CDF review #{} for {} on {} ({}).",
        r.id,
        person.name,
        r.date,
        render::count(r.focus.len(), "focus area", "focus areas")
    );
    written(ctx, &r, line)
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    let changes_nothing = a.person.is_none()
        && a.date.is_none()
        && a.focus.is_empty()
        && a.notes.is_none()
        && a.notes_file.is_none()
        && a.link.is_none()
        && !a.no_link;
    if changes_nothing {
        return Err(nothing_to_change("cdf edit"));
    }
    let notes = read_text(a.notes, a.notes_file.as_deref())?;
    let mut db = ctx.write()?;
    let id = CdfReviewId(a.id);
    let before = cdf::get(db.conn(), id)?;
    let mut input = CdfReviewInput {
        person_id: before.person_id,
        date: before.date,
        focus: before.focus,
        notes: before.notes,
        link: before.link,
    };
    if let Some(p) = &a.person {
        input.person_id = people::resolve(db.conn(), p)?.id;
    }
    if let Some(d) = a.date {
        input.date = d;
    }
    if !a.focus.is_empty() {
        input.focus = a.focus;
    }
    if let Some(n) = notes {
        input.notes = n;
    }
    if a.no_link {
        input.link = None;
    } else if a.link.is_some() {
        input.link = a.link;
    }
    let r = db.write(|tx| cdf::update(tx, id, &input))?;
    let name = people::get(db.conn(), r.person_id)?.name;
    let line = format!("Updated CDF review #{} for {name} on {}.", r.id, r.date);
    written(ctx, &r, line)
}

fn list(ctx: &Ctx, person: Option<&str>) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let person = person.map(|p| people::resolve(conn, p)).transpose()?;
    let list = cdf::list(conn, person.as_ref().map(|p| p.id))?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(match person {
            Some(p) => format!(
                "No CDF reviews of {} yet; `coachlog cdf add \"{}\" --focus TEXT` records one.\n",
                p.name, p.name
            ),
            None => {
                "No CDF reviews yet; `coachlog cdf add PERSON --focus TEXT` records one.\n".into()
            }
        });
    }
    let names = people::names(conn)?;
    let table = Table::of(
        vec![
            col("ID").right(),
            col("DATE"),
            col("PERSON").max(24),
            col("FOCUS AREAS").max(70),
            col("NOTES").max(30),
            col("LINK").max(40),
        ],
        &list,
        |r| {
            [
                r.id.to_string(),
                r.date.to_string(),
                render::name_of(&names, r.person_id),
                r.focus.join("; "),
                render::summary(&r.notes),
                r.link.clone().unwrap_or_default(),
            ]
        },
    );
    Ok(table.render())
}

fn show(ctx: &Ctx, id: CdfReviewId) -> Result<String> {
    let db = ctx.read()?;
    let r = cdf::get(db.conn(), id)?;
    if ctx.json {
        return json(&r);
    }
    let name = people::get(db.conn(), r.person_id)?.name;
    let mut out = format!("CDF review #{} of {name} on {}\n", r.id, r.date);
    out.push_str(&render::fields(&[(
        "Link",
        render::or_dash(r.link.as_deref().unwrap_or("")),
    )]));
    out.push_str("\nFocus areas until the next review:\n");
    for (i, f) in r.focus.iter().enumerate() {
        out.push_str(&format!("  {}. {f}\n", i + 1));
    }
    if !r.notes.trim().is_empty() {
        out.push_str("\nNotes:\n");
        out.push_str(r.notes.trim_end());
        out.push('\n');
    }
    Ok(out)
}
