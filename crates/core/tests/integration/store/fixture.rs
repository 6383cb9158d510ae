//! Shared test fixtures.

use chrono::NaiveDate;
use coachlog_core::model::*;
use coachlog_core::store::people;
use coachlog_core::Db;

/// Parses a `YYYY-MM-DD` literal.
pub fn d(s: &str) -> NaiveDate {
    coachlog_core::calendar::parse_date(s).unwrap()
}

/// The day the fixture database is created (its `tracking_since`).
pub const CREATED: &str = "2026-01-05";

/// A fresh in-memory database with the real migrations.
pub fn db() -> Db {
    Db::open_in_memory(d(CREATED)).unwrap()
}

/// A person input with sensible defaults.
pub fn person_input(name: &str) -> PersonInput {
    PersonInput {
        name: name.into(),
        title: "Senior Product Manager".into(),
        job_family: JobFamily::SeniorProductManager,
        level: Level::Ic,
        scope: Scope {
            kind: ScopeKind::Group,
            section: Some("Dev".into()),
            stages: vec!["Plan".into()],
            groups: vec!["Project Management".into()],
        },
        since: d("2025-06-01"),
        cadence_days: None,
        tracked: true,
    }
}

/// Adds a person and returns them.
pub fn add_person(db: &mut Db, name: &str) -> Person {
    db.write(|tx| people::insert(tx, &person_input(name)))
        .unwrap()
}

/// A full export-like dump of every table, for "nothing changed" checks.
pub fn dump(db: &Db) -> String {
    let conn = db.conn();
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cells.push(format!("{v:?}"));
                }
                Ok(cells.join("|"))
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{t}: {}\n", row.unwrap()));
        }
    }
    out
}

/// Asserts that `f` fails with an error whose message contains `needle`, and
/// that the database is unchanged afterwards.
pub fn refused<T: std::fmt::Debug>(
    db: &mut Db,
    needle: &str,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> coachlog_core::Result<T>,
) -> coachlog_core::Error {
    let before = dump(db);
    let err = db.write(f).expect_err("the write should be refused");
    assert!(
        err.to_string().contains(needle),
        "expected an error containing {needle:?}, got {:?}",
        err.to_string()
    );
    assert_eq!(before, dump(db), "a refused write changed the database");
    err
}
