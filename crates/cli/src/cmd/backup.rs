//! Backups: `backup`, `backups` and `restore`, the backup before `import`,
//! and the automatic backup after a command that changed the database.
//!
//! The backups live in a `backups/` folder next to the database (see
//! `coachlog_core::backup`). Their names carry the UTC time: the clock's, or
//! `COACHLOG_NOW` (RFC 3339, e.g. `2026-11-27T09:30:00Z`) for scripts and
//! tests, as `--today` is for dates.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use clap::Args;
use coachlog_core::backup::{self, BackupFile, BackupKind};
use coachlog_core::{Error, Result};

use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog restore`
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore (see `coachlog backups`).
    #[arg(value_name = "FILE", required_unless_present = "latest")]
    pub file: Option<PathBuf>,
    /// Restore the newest backup in the backups folder.
    #[arg(long, conflicts_with = "file")]
    pub latest: bool,
}

/// The time backups are named after: `COACHLOG_NOW`, else the clock.
pub fn now() -> Result<DateTime<Utc>> {
    match std::env::var("COACHLOG_NOW") {
        Ok(s) if !s.is_empty() => DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| {
                Error::invalid(format!(
                    "COACHLOG_NOW is {s:?}, not a time like 2026-11-27T09:30:00Z."
                ))
            }),
        _ => Ok(crate::clock::now_utc()),
    }
}

/// Runs `backup`: a verified backup now, then the rolling set's rotation.
pub fn create(ctx: &Ctx) -> Result<String> {
    ctx.require_database()?;
    let now = now()?;
    let made = backup::create(&ctx.path, now, ctx.key()?)?;
    backup::rotate(&ctx.path, now, backup::RETENTION)?;
    if ctx.json {
        return json(&made);
    }
    Ok(format!(
        "Backed up {} to {} ({}).\n",
        ctx.path.display(),
        made.path.display(),
        size(made.bytes)
    ))
}

/// Runs `backups`: every backup next to the database, newest first.
pub fn list(ctx: &Ctx) -> Result<String> {
    let all = backup::list(&ctx.path)?;
    if ctx.json {
        return json(&all);
    }
    if all.is_empty() {
        return Ok(format!(
            "No backups of {} yet; make one with `coachlog backup`.\n",
            ctx.path.display()
        ));
    }
    let mut table = Table::new(vec![
        col("TAKEN (UTC)"),
        col("KIND"),
        col("SIZE").right(),
        col("FILE").max(200),
    ]);
    for b in &all {
        table.row([
            b.taken_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            kind(b.kind).to_string(),
            size(b.bytes),
            b.path.display().to_string(),
        ]);
    }
    Ok(format!(
        "{}{} in {}\n",
        table.render(),
        crate::render::count(all.len(), "backup", "backups"),
        backup::folder(&ctx.path).display()
    ))
}

/// Runs `restore`.
pub fn restore(ctx: &Ctx, a: RestoreArgs) -> Result<String> {
    let from: PathBuf = match a.file {
        Some(f) => f,
        None => match backup::latest(&ctx.path)? {
            Some(b) => b.path,
            None => {
                return Err(Error::not_found(format!(
                    "There are no backups of {} in {}; give a backup file instead.",
                    ctx.path.display(),
                    backup::folder(&ctx.path).display()
                )))
            }
        },
    };
    // Restoring onto a new machine: the default data folder may not exist yet.
    if ctx.default_path {
        coachlog_core::db::output::create_folder(&ctx.path)?;
    }
    let key = ctx.key_for(&from)?;
    let done = backup::restore(&ctx.path, &from, now()?, key.as_ref())?;
    if ctx.json {
        return json(&done);
    }
    let kept = match &done.safety_copy {
        Some(p) => format!(" The file it replaced was kept as {}.", p.display()),
        None => String::new(),
    };
    Ok(format!(
        "Restored {} from {}.{kept}\n",
        done.database.display(),
        done.restored_from.display()
    ))
}

fn kind(k: BackupKind) -> &'static str {
    match k {
        BackupKind::Rolling => "backup",
        BackupKind::BeforeRestore => "before restore",
        BackupKind::Damaged => "damaged",
    }
}

/// `412 KB`, `3.1 MB`.
fn size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else {
        format!("{:.1} MB", b / KB / KB)
    }
}

/// The backup before `import` (`coachlog_core::backup::before_import`).
pub fn before_import(ctx: &Ctx) -> Result<Option<BackupFile>> {
    backup::before_import(&ctx.path, now()?, ctx.key()?)
}

/// What the database files looked like: size and modification time of the
/// file and its write-ahead log. A command that wrote changes it (its commit
/// grows the log, and closing folds the log into the file).
#[derive(Debug, PartialEq, Eq)]
pub struct Fingerprint(Vec<Option<(u64, SystemTime)>>);

impl Fingerprint {
    /// The fingerprint of the database at `path` now.
    pub fn of(path: &Path) -> Fingerprint {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        Fingerprint(
            [path.to_path_buf(), PathBuf::from(wal)]
                .iter()
                .map(|p| {
                    std::fs::metadata(p)
                        .ok()
                        .and_then(|m| Some((m.len(), m.modified().ok()?)))
                })
                .collect(),
        )
    }
}

/// After a command that succeeded: if it opened the database for writing
/// and the file changed, the automatic backup when due (at most every 30
/// minutes). A failure is a warning; the command's own work is done.
pub fn after_command(ctx: &Ctx, before: &Fingerprint) {
    if !ctx.opened_for_writing() || !ctx.path.exists() || Fingerprint::of(&ctx.path) == *before {
        return;
    }
    let made = now().and_then(|now| backup::automatic(&ctx.path, now, true, ctx.key()?));
    if let Err(e) = made {
        eprintln!("warning: the automatic backup failed: {e}");
    }
}
