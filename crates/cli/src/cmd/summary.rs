//! `coachlog summary`: the monthly summary as Markdown, HTML, CSV or JSON.
//!
//! The figures and renderers are the core's (`coachlog_core::summary`); this
//! module only picks the month, the format and the destination.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use coachlog_core::calendar::Month;
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::Result;
use serde::Serialize;

use crate::args::existing;
use crate::context::Ctx;
use crate::render::json;
use coachlog_core::db::output;

/// `coachlog summary`
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The month to summarise, YYYY-MM [default: last month].
    #[arg(long, value_name = "YYYY-MM", value_parser = month)]
    pub month: Option<Month>,
    /// md (GitLab-flavoured Markdown), html (one self-contained file with charts), csv or json
    /// [default: from the -o file's extension, else json with --json, else md].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Add the month's 1:1 notes, agenda item texts and walkthrough findings (private: not for a
    /// shared MR).
    #[arg(long)]
    pub include_notes: bool,
    /// Print the day the summary was made (today) in it; by default there is no date, so the
    /// same database gives the same bytes.
    #[arg(long)]
    pub dated: bool,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// GitLab-flavoured Markdown.
    Md,
    /// One self-contained HTML file with charts.
    Html,
    /// CSV, one row per person × metric.
    Csv,
    /// The summary data.
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
        }
    }
}

/// A strict `YYYY-MM` month.
fn month(s: &str) -> std::result::Result<Month, String> {
    s.parse()
        .map_err(|e: coachlog_core::calendar::ParseError| e.0)
}

/// The format named by a file's extension, if it names one.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?;
    match ext.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// What `summary -o FILE --json` prints.
#[derive(Debug, Serialize)]
struct Written<'a> {
    path: &'a Path,
    exists: bool,
    month: String,
    format: Format,
}

/// Runs `summary`.
pub fn run(ctx: &Ctx, a: SummaryArgs) -> Result<String> {
    if let Some(out) = &a.output {
        output::check_new(out, existing(a.force))?;
    }
    let month = a.month.unwrap_or_else(|| Month::of(ctx.today).prev());
    let format = a
        .format
        .map(Format::from)
        .or_else(|| a.output.as_deref().and_then(format_of))
        .unwrap_or(if ctx.json {
            Format::Json
        } else {
            Format::Markdown
        });
    let options = SummaryOptions {
        include_notes: a.include_notes,
        generated_on: a.dated.then_some(ctx.today),
    };
    let db = ctx.read()?;
    let text = summary::export(db.conn(), month, &options, format)?;
    let Some(out) = a.output else {
        return Ok(text);
    };
    output::write_atomically(&out, text.as_bytes(), existing(a.force))?;
    if ctx.json {
        return json(&Written {
            path: &out,
            exists: true,
            month: month.to_string(),
            format,
        });
    }
    Ok(format!(
        "Wrote the {} summary ({}) to {}.\n",
        summary::month_name(month),
        format.label(),
        out.display()
    ))
}
