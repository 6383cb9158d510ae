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
//! `crates/core/tests/store/`.

pub mod agenda;
pub mod customers;
pub mod drafts;
pub mod hiring;
pub mod log;
pub mod names;
pub mod nudge_state;
pub mod one_on_ones;
pub mod people;
pub mod search;
pub mod updates;
pub mod walkthroughs;
pub mod wins;

use rusqlite::Connection;

/// Whether the database holds no records (settings aside): nobody on the
/// team, no requisition, walkthrough or portfolio direction. Every other
/// record hangs off a person or a requisition.
pub fn is_empty(conn: &Connection) -> crate::Result<bool> {
    let empty = conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM person)
            AND NOT EXISTS (SELECT 1 FROM requisition)
            AND NOT EXISTS (SELECT 1 FROM walkthrough)
            AND NOT EXISTS (SELECT 1 FROM accountability_update)",
        [],
        |r| r.get(0),
    )?;
    Ok(empty)
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
