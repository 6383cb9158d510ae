//! Whole-database commands: `export`, `import`, `demo` and `path`.

use std::path::{Path, PathBuf};

use clap::Args;
use coachlog_core::db::output;
use coachlog_core::{demo, interchange, Result};
use serde::Serialize;

use crate::args::existing;
use crate::context::Ctx;
use crate::render::json;

/// `coachlog export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// `coachlog import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An export file (- for standard input).
    pub file: PathBuf,
}

/// `coachlog demo`
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many direct reports to invent (the fourth, a Group Manager,
    /// brings two skip-level reports).
    #[arg(long)]
    pub people: Option<usize>,
    /// How many months of history to invent, up to today.
    #[arg(long, conflicts_with = "years")]
    pub months: Option<u32>,
    /// How many years of history to invent (12 months each), for large datasets.
    #[arg(long)]
    pub years: Option<u32>,
    /// The random seed (the same seed and day give the same team).
    #[arg(long)]
    pub seed: Option<u64>,
}

/// What `export -o FILE --json` and `path --json` print.
#[derive(Debug, Serialize)]
struct PathInfo<'a> {
    path: &'a Path,
    exists: bool,
}

/// Runs `export`.
pub fn export(ctx: &Ctx, a: ExportArgs) -> Result<String> {
    if let Some(out) = &a.output {
        if !a.force && out.exists() {
            return Err(output::already_exists(out));
        }
    }
    let db = ctx.read()?;
    let doc = interchange::export(db.conn())?;
    let text = interchange::to_json(&doc);
    let Some(out) = a.output else {
        return Ok(text);
    };
    output::write_atomically(&out, text.as_bytes(), existing(a.force))?;
    if ctx.json {
        return json(&PathInfo {
            path: &out,
            exists: true,
        });
    }
    Ok(format!(
        "Exported {} to {}.\n",
        ctx.path.display(),
        out.display()
    ))
}

/// Runs `import`.
pub fn import(ctx: &Ctx, a: ImportArgs) -> Result<String> {
    let text = crate::context::read_text(None, Some(&a.file))?.unwrap_or_default();
    let doc = interchange::parse(&text)?;
    let mut db = ctx.write()?;
    let report = interchange::import(&mut db, &doc)?;
    if ctx.json {
        return json(&report);
    }
    let r = &report;
    Ok(format!(
        "Imported {} into {}: {}.\n",
        a.file.display(),
        ctx.path.display(),
        r.records
    ))
}

/// Runs `demo`.
pub fn demo(ctx: &Ctx, a: DemoArgs) -> Result<String> {
    let defaults = demo::DemoOptions::default();
    let options = demo::DemoOptions {
        people: a.people.unwrap_or(defaults.people),
        months: a
            .months
            .or(a.years.map(|y| y.saturating_mul(12)))
            .unwrap_or(defaults.months),
        seed: a.seed.unwrap_or(defaults.seed),
    };
    let mut db = ctx.write()?;
    let report = demo::fill(&mut db, ctx.today, &options)?;
    if ctx.json {
        return json(&report);
    }
    let r = &report;
    Ok(format!(
        "Filled {} with a demo team and its history since {}: {}.\n\
         Have a look with `coachlog person list` and `coachlog overview`.\n",
        ctx.path.display(),
        r.tracking_since,
        r.records
    ))
}

/// Runs `path`.
pub fn path(ctx: &Ctx) -> Result<String> {
    if ctx.json {
        return json(&PathInfo {
            path: &ctx.path,
            exists: ctx.path.exists(),
        });
    }
    Ok(format!("{}\n", ctx.path.display()))
}
