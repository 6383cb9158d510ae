//! `coachlog brief PERSON`: the brief before a 1:1, on one page.
//!
//! The brief is the core's (`coachlog_core::brief`): `build` reads it and
//! `markdown` renders it as GitLab-flavoured Markdown; with `--format json`
//! (or the global `--json`) it is printed as data. This module only picks
//! the person, the day and the format.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use coachlog_core::brief;
use coachlog_core::store::people;
use coachlog_core::Result;

use crate::args::date;
use crate::context::Ctx;
use crate::render::json;

/// `coachlog brief`
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// Name (or a unique part of it) or id.
    pub person: String,
    /// The day to brief on: the agenda, wins and overdue list as they stood at its end
    /// [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_of: Option<NaiveDate>,
    /// md (GitLab-flavoured Markdown) or json [default: json with --json, else md].
    #[arg(long, value_enum)]
    pub format: Option<BriefFormat>,
}

/// The formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// GitLab-flavoured Markdown.
    Md,
    /// The brief as data.
    Json,
}

/// Runs `brief`.
pub fn run(ctx: &Ctx, a: BriefArgs) -> Result<String> {
    let db = ctx.read()?;
    let person = people::resolve(db.conn(), &a.person)?;
    let b = brief::build(db.conn(), person.id, a.as_of.unwrap_or(ctx.today))?;
    let format = a.format.unwrap_or(if ctx.json {
        BriefFormat::Json
    } else {
        BriefFormat::Md
    });
    match format {
        BriefFormat::Json => json(&b),
        BriefFormat::Md => Ok(brief::markdown(&b)),
    }
}
