//! Whole-database commands: `export`, `import`, `demo` and `path`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use coachlog_core::db::{output, Db};
use coachlog_core::import::{self, csv, oikio};
use coachlog_core::{demo, interchange, Error, Result};
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
    /// What wrote the file: Coachlog's own export (into an empty database),
    /// oikio's data file or export, or a CSV of 1:1s (into this database,
    /// new or not).
    #[arg(long, value_enum, default_value = "coachlog")]
    pub from: Source,
    /// Check the file and say what it would add; write nothing (with
    /// `--from oikio` or `--from csv`).
    #[arg(long)]
    pub dry_run: bool,
    /// A CSV of agenda items to import with the 1:1s (`--from csv`).
    #[arg(long, value_name = "ITEMS_FILE")]
    pub items: Option<PathBuf>,
    /// Refuse the import, naming them, if the CSV names people who are not
    /// in the database (instead of adding them as tracked people).
    #[arg(long)]
    pub no_new_people: bool,
}

/// Where an imported file comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Source {
    /// Coachlog's own export (`coachlog export`).
    Coachlog,
    /// oikio's `oikio-data.json` or its export.
    Oikio,
    /// A CSV of 1:1s (`person,date,status,notes,tags`), see docs/import.md.
    Csv,
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
    if a.from != Source::Csv && (a.items.is_some() || a.no_new_people) {
        return Err(Error::invalid(
            "--items and --no-new-people go with --from csv.",
        ));
    }
    match a.from {
        Source::Oikio => {
            let file = oikio::parse(&text)?;
            return import_into(ctx, &a, |db, options| oikio::import(db, &file, options));
        }
        Source::Csv => {
            let items = match &a.items {
                Some(path) => crate::context::read_text(None, Some(path))?,
                None => None,
            };
            let file = csv::parse(&text, items.as_deref())?;
            let new = if a.no_new_people {
                csv::NewPeople::Refuse
            } else {
                csv::NewPeople::Add
            };
            return import_into(ctx, &a, |db, options| csv::import(db, &file, options, new));
        }
        Source::Coachlog => {}
    }
    if a.dry_run {
        return Err(Error::invalid(
            "--dry-run goes with --from oikio or --from csv; an import of Coachlog's own export only goes \
             into an empty database, so try it on a new file: `coachlog --db new.sqlite import \
             FILE`.",
        ));
    }
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

/// Runs `import --from oikio|csv` with `import`: into this database, new
/// or not; a dry run opens it only to read (or rehearses on an empty one
/// when there is none).
fn import_into(
    ctx: &Ctx,
    a: &ImportArgs,
    import: impl FnOnce(&mut Db, import::Options) -> Result<import::Report>,
) -> Result<String> {
    let options = import::Options {
        today: ctx.today,
        dry_run: a.dry_run,
    };
    let mut db = match (a.dry_run, ctx.exists()?) {
        (true, true) => ctx.read()?,
        (true, false) => Db::open_in_memory(ctx.today)?,
        (false, _) => ctx.write()?,
    };
    let report = import(&mut db, options)?;
    if ctx.json {
        return json(&report);
    }
    Ok(format!(
        "Import of {} into {}:\n{report}",
        a.file.display(),
        ctx.path.display()
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
