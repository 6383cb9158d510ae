//! The data layer: one module per table (or per small family of tables),
//! each holding its SQL, its row mapping and its query functions.
//!
//! Every function takes a [`rusqlite::Connection`]; pass a transaction
//! (from [`crate::Db::write`]) for writes so that a whole operation lands or
//! none of it does. Write functions validate their input first (pure checks),
//! then check references against the database, then write.
//!
//! How to add a table: add a migration, a module here with `from_row`,
//! `insert`/`update`/`get`/`list`, the record types in [`crate::model`], a
//! section in [`crate::interchange`], and a test module in
//! `crates/core/tests/integration/store/`.

pub mod agenda;
pub mod app_state;
pub mod cdf;
pub mod customers;
pub mod drafts;
pub mod hiring;
pub mod log;
pub mod milestones;
pub mod names;
pub mod nudge_state;
pub mod one_on_ones;
pub mod people;
pub mod search;
pub mod templates;
pub mod trash;
pub mod updates;
pub mod walkthroughs;
pub mod wins;

use rusqlite::Connection;

use crate::kinds::{Counts, RecordKind};

/// Whether the database holds no records (settings aside): no record of
/// any [`RecordKind`]. One index probe per table.
pub fn is_empty(conn: &Connection) -> crate::Result<bool> {
    for kind in RecordKind::ALL {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", kind.table());
        if conn.query_row(&sql, [], |r| r.get::<_, bool>(0))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether the database is as good as new: no record, and nothing in the
/// Trash. The first-run screen and the demo team are for such a database
/// only — a leader who deleted their last person still has the Trash.
pub fn is_new(conn: &Connection) -> crate::Result<bool> {
    Ok(is_empty(conn)?
        && !conn.query_row("SELECT EXISTS (SELECT 1 FROM trash)", [], |r| {
            r.get::<_, bool>(0)
        })?)
}

/// How many records of each kind the database holds (archived, closed and
/// done ones included). Counts every row: for reports and checks, not for a
/// screen of a large database.
pub fn counts(conn: &Connection) -> crate::Result<Counts> {
    let mut counts = Counts::default();
    for &kind in RecordKind::ALL {
        let sql = format!("SELECT count(*) FROM {}", kind.table());
        *counts.get_mut(kind) = conn.query_row(&sql, [], |r| r.get::<_, i64>(0))? as usize;
    }
    Ok(counts)
}

/// The id of a new record of `table`: `given` (an import keeps its ids), or
/// one above both the table's highest id and the highest id of the table
/// that went to the Trash ([`trash`]), so that a restore finds its id free.
pub(crate) fn new_id(
    tx: &crate::db::Tx<'_>,
    table: &str,
    given: Option<i64>,
) -> crate::Result<i64> {
    if let Some(id) = given {
        return Ok(id);
    }
    let id = tx.query_row(
        &format!(
            "SELECT max(coalesce((SELECT max(id) FROM {table}), 0),
                        coalesce((SELECT max_id FROM id_floor WHERE tbl = ?1), 0)) + 1"
        ),
        [table],
        |r| r.get(0),
    )?;
    Ok(id)
}

/// The `WHERE` clause of a list query, made of the filters that are set
/// only: SQLite plans each combination with its indexes, which a
/// `(?1 IS NULL OR col = ?1)` condition would defeat (it scans the table).
/// Values are always bound, never written into the SQL.
#[derive(Default)]
pub(crate) struct Conditions<'a> {
    terms: Vec<&'static str>,
    values: Vec<&'a dyn rusqlite::ToSql>,
}

impl<'a> Conditions<'a> {
    /// Adds `term`, whose `?` placeholders take `values` in order.
    pub(crate) fn add(&mut self, term: &'static str, values: &[&'a dyn rusqlite::ToSql]) {
        self.terms.push(term);
        self.values.extend_from_slice(values);
    }

    /// ` WHERE a AND b`, or nothing.
    pub(crate) fn sql(&self) -> String {
        if self.terms.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.terms.join(" AND "))
        }
    }

    /// The values to bind, in the order of the placeholders.
    pub(crate) fn values(&self) -> impl rusqlite::Params + '_ {
        rusqlite::params_from_iter(self.values.iter())
    }
}
