//! `coachlog person history PERSON`: a person's review packet as Markdown,
//! HTML or JSON.
//!
//! The packet and its renderers are the core's (`coachlog_core::history`);
//! this module only picks the person, the window, the format and the
//! destination.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use coachlog_core::db::output;
use coachlog_core::history::{self, HistoryFormat, HistoryOptions, Window};
use coachlog_core::store::people;
use coachlog_core::Result;
use serde::Serialize;

use crate::args::{date, existing};
use crate::context::Ctx;
use crate::render::json;

/// `coachlog person history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Name (or a unique part of it) or id.
    pub person: String,
    /// The window's first day [default: the day after the same day six months before --to].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub from: Option<NaiveDate>,
    /// The window's last day [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub to: Option<NaiveDate>,
    /// md (GitLab-flavoured Markdown), html (one self-contained file with a timeline) or json
    /// [default: from the -o file's extension, else json with --json, else md].
    #[arg(long, value_enum)]
    pub format: Option<HistoryFormatArg>,
    /// Add the 1:1 notes, agenda item texts and CDF notes and focus areas (private: keep the
    /// packet to yourself).
    #[arg(long)]
    pub include_notes: bool,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormatArg {
    /// GitLab-flavoured Markdown.
    Md,
    /// One self-contained HTML file with a timeline.
    Html,
    /// The packet as data.
    Json,
}

impl From<HistoryFormatArg> for HistoryFormat {
    fn from(f: HistoryFormatArg) -> HistoryFormat {
        match f {
            HistoryFormatArg::Md => HistoryFormat::Markdown,
            HistoryFormatArg::Html => HistoryFormat::Html,
            HistoryFormatArg::Json => HistoryFormat::Json,
        }
    }
}

/// What `person history -o FILE --json` prints.
#[derive(Debug, Serialize)]
struct Written<'a> {
    path: &'a Path,
    person: &'a str,
    window: Window,
    format: HistoryFormat,
}

/// Runs `person history`.
pub fn run(ctx: &Ctx, a: HistoryArgs) -> Result<String> {
    if let Some(out) = &a.output {
        output::check_new(out, existing(a.force))?;
    }
    let window = Window::new(a.from, a.to, ctx.today)?;
    let format = a
        .format
        .map(HistoryFormat::from)
        .or_else(|| {
            let ext = a.output.as_deref()?.extension()?.to_str()?;
            ext.parse().ok()
        })
        .unwrap_or(if ctx.json {
            HistoryFormat::Json
        } else {
            HistoryFormat::Markdown
        });
    let options = HistoryOptions {
        include_notes: a.include_notes,
    };
    let db = ctx.read()?;
    let person = people::resolve(db.conn(), &a.person)?;
    let text = history::export(db.conn(), person.id, window, &options, format)?;
    let Some(out) = a.output else {
        return Ok(text);
    };
    output::write_atomically(&out, text.as_bytes(), existing(a.force))?;
    if ctx.json {
        return json(&Written {
            path: &out,
            person: &person.name,
            window,
            format,
        });
    }
    Ok(format!(
        "Wrote {}'s packet from {} to {} ({}) to {}.\n",
        person.name,
        window.from,
        window.to,
        format.label(),
        out.display()
    ))
}
