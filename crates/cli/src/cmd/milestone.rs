//! `coachlog milestone …`: the leader's portfolio milestones, on a day or on
//! a release's day.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::calendar::ReleaseVersion;
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{Milestone, MilestoneId, MilestoneInput};
use coachlog_core::store::milestones;
use coachlog_core::Result;

use crate::args::{date, release};
use crate::cmd::person::nothing_to_change;
use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog milestone …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a milestone on a day (--date) or on a release's day (--release).
    Add(AddArgs),
    /// Change a milestone (only the options given change).
    Edit(EditArgs),
    /// List every milestone, soonest first.
    List,
    /// Move a milestone to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog milestone add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What happens, e.g. "Portfolio GA".
    pub title: String,
    /// The day it falls on.
    #[arg(long, value_name = "DATE", value_parser = date, required_unless_present = "release", conflicts_with = "release")]
    pub date: Option<NaiveDate>,
    /// The release it ships with, X.Y: it falls on that release's day.
    #[arg(long, value_name = "X.Y", value_parser = release)]
    pub release: Option<ReleaseVersion>,
    /// A stage it concerns (repeatable): it shows on the page of the PMs of that stage.
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// The epic's, issue's or plan's URL.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Private notes (Markdown); never in the summary or the calendar feed.
    #[arg(long)]
    pub notes: Option<String>,
}

/// `coachlog milestone edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The milestone's id.
    pub id: i64,
    /// New title.
    #[arg(long)]
    pub title: Option<String>,
    /// Move it to this day (no longer tied to a release).
    #[arg(long, value_name = "DATE", value_parser = date, conflicts_with = "release")]
    pub date: Option<NaiveDate>,
    /// Tie it to this release's day instead.
    #[arg(long, value_name = "X.Y", value_parser = release)]
    pub release: Option<ReleaseVersion>,
    /// Replace the stages (repeatable).
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// Remove every stage.
    #[arg(long, conflicts_with = "stages")]
    pub no_stages: bool,
    /// New link.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Remove the link.
    #[arg(long, conflicts_with = "link")]
    pub no_link: bool,
    /// Replace the notes.
    #[arg(long)]
    pub notes: Option<String>,
}

/// Runs a `milestone` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::Milestone, id),
        Cmd::Add(a) => {
            let input = MilestoneInput {
                title: a.title,
                date: a.date,
                release: a.release,
                stages: a.stages,
                link: a.link,
                notes: a.notes.unwrap_or_default(),
            };
            milestones::validate(&input)?;
            let mut db = ctx.write()?;
            let m = db.write(|tx| milestones::insert(tx, &input))?;
            written(ctx, &m, "Added")
        }
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::List => list(ctx),
    }
}

/// "Added milestone #3 'Portfolio GA' on 2027-01-21 (release 19.8)."
fn written(ctx: &Ctx, m: &Milestone, verb: &str) -> Result<String> {
    if ctx.json {
        return json(m);
    }
    Ok(format!(
        "{verb} milestone #{} '{}' on {}{}.\n",
        m.id,
        m.title,
        m.date,
        m.release
            .map(|v| format!(" (release {v})"))
            .unwrap_or_default()
    ))
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    let nothing = a.title.is_none()
        && a.date.is_none()
        && a.release.is_none()
        && a.stages.is_empty()
        && !a.no_stages
        && a.link.is_none()
        && !a.no_link
        && a.notes.is_none();
    if nothing {
        return Err(nothing_to_change("milestone edit"));
    }
    let mut db = ctx.write()?;
    let id = MilestoneId(a.id);
    let before = milestones::get(db.conn(), id)?;
    // A new day or release replaces the other; otherwise it keeps its own.
    let (date, release) = match (a.date, a.release) {
        (Some(d), _) => (Some(d), None),
        (None, Some(v)) => (None, Some(v)),
        (None, None) if before.release.is_some() => (None, before.release),
        (None, None) => (Some(before.date), None),
    };
    let input = MilestoneInput {
        title: a.title.unwrap_or(before.title),
        date,
        release,
        stages: match (a.no_stages, a.stages.is_empty()) {
            (true, _) => Vec::new(),
            (false, true) => before.stages,
            (false, false) => a.stages,
        },
        link: if a.no_link {
            None
        } else {
            a.link.or(before.link)
        },
        notes: a.notes.unwrap_or(before.notes),
    };
    let m = db.write(|tx| milestones::update(tx, id, &input))?;
    written(ctx, &m, "Updated")
}

fn list(ctx: &Ctx) -> Result<String> {
    let db = ctx.read()?;
    let list = milestones::list(db.conn())?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok("No milestones yet; `coachlog milestone add TITLE --date D` adds one.\n".into());
    }
    Ok(table(&list).render())
}

/// Milestones as a table (here and on `coachlog overview`).
pub fn table(list: &[Milestone]) -> Table {
    Table::of(
        vec![
            col("ID").right(),
            col("DATE"),
            col("RELEASE"),
            col("TITLE").max(40),
            col("STAGES").max(30),
            col("LINK").max(60),
        ],
        list,
        |m| {
            [
                m.id.to_string(),
                m.date.to_string(),
                m.release.map(|v| v.to_string()).unwrap_or_default(),
                m.title.clone(),
                m.stages.join(", "),
                m.link.clone().unwrap_or_default(),
            ]
        },
    )
}
