//! `coachlog trash …` and every noun's `delete`: a deleted record goes to
//! the Trash with what goes with it, and comes back with `trash restore`
//! until it is purged (`trash_days` after its deletion).

use clap::Subcommand;
use coachlog_core::kinds::{Counts, RecordKind};
use coachlog_core::model::TrashId;
use coachlog_core::store::trash::{self, TrashEntry};
use coachlog_core::{Db, Error, Result};

use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog trash …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List what is in the Trash, most recently deleted first.
    List,
    /// Put an entry back, with everything that went with it and the same ids.
    Restore {
        /// The entry's id (`coachlog trash list` shows them).
        id: i64,
    },
    /// Delete everything in the Trash for good.
    Empty {
        /// Yes, delete it all for good (there is no undo).
        #[arg(long)]
        yes: bool,
    },
}

/// Runs a `trash` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::List => {
            let db = ctx.read()?;
            let entries = trash::list(db.conn())?;
            if ctx.json {
                return json(&entries);
            }
            let table = Table::of(
                vec![
                    col("ID").right(),
                    col("KIND"),
                    col("WHAT").max(60),
                    col("WITH").max(40),
                    col("DELETED"),
                    col("PURGED ON"),
                ],
                &entries,
                |e| {
                    [
                        e.id.to_string(),
                        e.kind.one().to_string(),
                        e.label.clone(),
                        others(e.records, e.kind),
                        e.deleted_on.to_string(),
                        e.purge_on.to_string(),
                    ]
                },
            );
            Ok(table.section(
                &format!("Trash ({})", entries.len()),
                Some("The Trash is empty."),
            ))
        }
        Cmd::Restore { id } => {
            let mut db = ctx.write()?;
            let e = db.write(|tx| trash::restore(tx, TrashId(id)))?;
            if ctx.json {
                return json(&e);
            }
            Ok(format!(
                "Restored {} ({} {}){}.\n",
                e.label,
                e.kind.one(),
                e.record_id,
                with(e.records, e.kind)
            ))
        }
        Cmd::Empty { yes } => {
            if !yes {
                return Err(Error::invalid(
                    "Emptying the Trash deletes its entries for good; add --yes to go ahead.",
                ));
            }
            let mut db = ctx.write()?;
            let n = db.write(trash::empty)?;
            if ctx.json {
                return json(&serde_json::json!({ "purged": n }));
            }
            Ok(format!(
                "Emptied the Trash: {} deleted for good.\n",
                crate::render::count(n, "entry", "entries")
            ))
        }
    }
}

/// Runs a noun's `delete`: moves the record to the Trash.
pub fn delete(ctx: &Ctx, kind: RecordKind, id: i64) -> Result<String> {
    delete_found(ctx, kind, |_| Ok(id))
}

/// [`delete`] of the record `find` names (say, a person by name).
pub fn delete_found(
    ctx: &Ctx,
    kind: RecordKind,
    find: impl FnOnce(&Db) -> Result<i64>,
) -> Result<String> {
    let mut db = ctx.write()?;
    let id = find(&db)?;
    let e = db.write(|tx| trash::delete(tx, kind, id, ctx.today))?;
    if ctx.json {
        return json(&e);
    }
    Ok(moved(&e))
}

/// "Moved … to the Trash, with …; `coachlog trash restore 4` …".
fn moved(e: &TrashEntry) -> String {
    format!(
        "Moved {} to the Trash{}. `coachlog trash restore {}` brings it back until {}.\n",
        e.label,
        with(e.records, e.kind),
        e.id,
        e.purge_on
    )
}

/// ", with 12 1:1s and 3 wins": what went with the record, or nothing.
fn with(records: Counts, kind: RecordKind) -> String {
    let others = others(records, kind);
    if others.is_empty() {
        String::new()
    } else {
        format!(", with {others}")
    }
}

/// The records of an entry other than the deleted one itself.
fn others(mut records: Counts, kind: RecordKind) -> String {
    let own = records.get_mut(kind);
    *own = own.saturating_sub(1);
    records.nonzero()
}
