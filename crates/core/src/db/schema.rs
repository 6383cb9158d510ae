//! The schema: the migrations in order, applying them, and what a file of
//! each version must contain.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, in order. Index + 1 is the schema version each produces.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../../../migrations/0001_initial.sql"),
    ),
    (
        "0002_drafts",
        include_str!("../../../../migrations/0002_drafts.sql"),
    ),
    (
        "0003_nudge_state",
        include_str!("../../../../migrations/0003_nudge_state.sql"),
    ),
    (
        "0004_review_indexes",
        include_str!("../../../../migrations/0004_review_indexes.sql"),
    ),
    (
        "0005_history_indexes",
        include_str!("../../../../migrations/0005_history_indexes.sql"),
    ),
    (
        "0006_search_by_date",
        include_str!("../../../../migrations/0006_search_by_date.sql"),
    ),
    (
        "0007_trash",
        include_str!("../../../../migrations/0007_trash.sql"),
    ),
    (
        "0008_coaching",
        include_str!("../../../../migrations/0008_coaching.sql"),
    ),
    (
        "0009_milestones",
        include_str!("../../../../migrations/0009_milestones.sql"),
    ),
    (
        "0010_app_state",
        include_str!("../../../../migrations/0010_app_state.sql"),
    ),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite `application_id` marking a Coachlog database ("CoLg").
pub const APPLICATION_ID: i32 = 0x436F_4C67;

/// One object of `sqlite_schema`: type, name, table, SQL.
pub(crate) type SchemaRow = (String, String, String, Option<String>);

/// The schema objects Coachlog created: SQLite's own (`sqlite_…`) left out,
/// and the SQL of the full-text index's shadow tables (written by SQLite's
/// FTS5, which may change between SQLite versions) not compared.
pub(crate) fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaRow>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema \
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let name: String = r.get(1)?;
            let sql: Option<String> = if name.starts_with("search_index_") {
                None
            } else {
                r.get(3)?
            };
            Ok((r.get(0)?, name, r.get(2)?, sql))
        })?
        .collect();
    rows
}

/// The schema a file of `version` has: the migrations up to it, applied to
/// an in-memory database (cached for the built-in [`MIGRATIONS`]).
pub(crate) fn expected_schema(migrations: &[(&str, &str)], version: i64) -> Result<Vec<SchemaRow>> {
    fn build(migrations: &[(&str, &str)]) -> Result<Vec<Vec<SchemaRow>>> {
        let conn = Connection::open_in_memory()?;
        let mut out = Vec::new();
        for (name, sql) in migrations {
            conn.execute_batch(sql)
                .map_err(|e| Error::Internal(format!("migration {name} failed: {e}")))?;
            out.push(schema_of(&conn)?);
        }
        Ok(out)
    }
    static BUILT_IN: OnceLock<std::result::Result<Vec<Vec<SchemaRow>>, String>> = OnceLock::new();
    let index = (version - 1) as usize;
    if std::ptr::eq(migrations, MIGRATIONS) {
        let all = BUILT_IN.get_or_init(|| build(MIGRATIONS).map_err(|e| e.to_string()));
        match all {
            Ok(all) => Ok(all[index].clone()),
            Err(e) => Err(Error::Internal(e.clone())),
        }
    } else {
        Ok(build(&migrations[..=index])?.swap_remove(index))
    }
}

/// What is missing or changed in `found` compared with `expected`, briefly,
/// or `None`. Objects a user added (a view, an index of their own) are not
/// a difference: they do not stop Coachlog from working.
pub(crate) fn schema_difference(expected: &[SchemaRow], found: &[SchemaRow]) -> Option<String> {
    let mut missing = Vec::new();
    let mut changed = Vec::new();
    for e in expected {
        match found.iter().find(|f| f.1 == e.1) {
            None => missing.push(e.1.as_str()),
            Some(f) if f != e => changed.push(e.1.as_str()),
            Some(_) => {}
        }
    }
    let list = |v: &[&str]| {
        let mut s = v.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        if v.len() > 3 {
            s.push_str(&format!(" and {} more", v.len() - 3));
        }
        s
    };
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", list(&missing)));
    }
    if !changed.is_empty() {
        parts.push(format!("changed {}", list(&changed)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

pub(crate) fn migrate(
    conn: &mut Connection,
    from: i64,
    today: NaiveDate,
    migrations: &[(&str, &str)],
) -> Result<()> {
    let target = migrations.len() as i64;
    if from >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated the
    // file while this one waited for the lock.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= target {
        return Ok(());
    }
    for (i, (name, sql)) in migrations.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| Error::Internal(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    if current == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('tracking_since', ?1)",
            [today.format("%Y-%m-%d").to_string()],
        )?;
    }
    tx.commit()?;
    Ok(())
}
