//! The fixtures the integration tests share, one copy of each: dates,
//! databases in memory and in files, people, "nothing changed" checks on a
//! database and on files, and a seeded random number generator.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Days, NaiveDate, Utc};
use coachlog_core::model::*;
use coachlog_core::store::names::NameKind;
use coachlog_core::store::people;
use coachlog_core::Db;
use rusqlite::types::FromSql;
use rusqlite::Connection;

pub mod gfm;
mod world;
pub use world::{Suite, World};

// ---------------------------------------------------------------------------
// Days.
// ---------------------------------------------------------------------------

/// Parses a `YYYY-MM-DD` literal.
pub fn d(s: &str) -> NaiveDate {
    coachlog_core::calendar::parse_date(s).unwrap()
}

/// Parses an RFC 3339 time.
pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The day the in-memory fixture database is created: its `tracking_since`
/// (a Monday).
pub const CREATED: &str = "2026-01-05";

/// The day the tests on database files act on.
pub const TODAY: &str = "2026-11-27";

// ---------------------------------------------------------------------------
// Databases.
// ---------------------------------------------------------------------------

/// A fresh in-memory database with the real migrations, created on
/// [`CREATED`].
pub fn db() -> Db {
    db_on(CREATED)
}

/// A fresh in-memory database with the real migrations, created on `day`.
pub fn db_on(day: &str) -> Db {
    Db::open_in_memory(d(day)).unwrap()
}

/// A new, empty database file `name` in `dir`, created on `day` and closed.
pub fn file_db(dir: &Path, name: &str, day: &str) -> PathBuf {
    let path = dir.join(name);
    drop(Db::open(&path, d(day)).unwrap());
    path
}

/// Creates a real Coachlog database with a small demo team and its history
/// at `path` (closed cleanly: WAL mode, no `-wal` left).
pub fn demo_file(path: &Path) {
    let today = d(TODAY);
    let mut db = Db::open(path, today).unwrap();
    let options = coachlog_core::demo::DemoOptions {
        people: 4,
        months: 2,
        seed: 7,
    };
    coachlog_core::demo::fill(&mut db, today, &options).unwrap();
}

// ---------------------------------------------------------------------------
// People.
// ---------------------------------------------------------------------------

/// A tracked Product Manager (IC) since `since`, in a group scope that names
/// nothing: the plainest person the store accepts.
pub fn pm(name: &str, since: &str) -> PersonInput {
    PersonInput {
        name: name.into(),
        title: "Product Manager".into(),
        job_family: JobFamily::ProductManager,
        level: Level::Ic,
        scope: Scope {
            kind: ScopeKind::Group,
            section: None,
            stages: vec![],
            groups: vec![],
        },
        since: d(since),
        cadence_days: None,
        tracked: true,
        reports_to: None,
    }
}

/// The group Project Management, in the stage Plan of the section Dev.
pub fn plan_scope() -> Scope {
    Scope {
        kind: ScopeKind::Group,
        section: Some("Dev".into()),
        stages: vec!["Plan".into()],
        groups: vec!["Project Management".into()],
    }
}

/// A person input with sensible defaults: a Senior Product Manager in
/// [`plan_scope`] since 2025-06-01.
pub fn person_input(name: &str) -> PersonInput {
    PersonInput {
        title: "Senior Product Manager".into(),
        job_family: JobFamily::SeniorProductManager,
        scope: plan_scope(),
        ..pm(name, "2025-06-01")
    }
}

/// Adds a person ([`person_input`]) and returns them.
pub fn add_person(db: &mut Db, name: &str) -> Person {
    db.write(|tx| people::insert(tx, &person_input(name)))
        .unwrap()
}

/// Every kind of name the store remembers (`store::names`).
pub const NAME_KINDS: [NameKind; 5] = [
    NameKind::Stage,
    NameKind::Group,
    NameKind::Category,
    NameKind::Tag,
    NameKind::Team,
];

/// The interchange export of the whole database, as its JSON text.
pub fn export_json(db: &Db) -> String {
    coachlog_core::interchange::to_json(&coachlog_core::interchange::export(db.conn()).unwrap())
}

// ---------------------------------------------------------------------------
// Reading a database, and "nothing changed".
// ---------------------------------------------------------------------------

/// The first column of every row `sql` returns.
pub fn column<T: FromSql>(conn: &Connection, sql: &str) -> Vec<T> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// `PRAGMA user_version`: the schema version of the file.
pub fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// `PRAGMA integrity_check`'s answer.
pub fn integrity(conn: &Connection) -> String {
    column::<String>(conn, "PRAGMA integrity_check").join("\n")
}

/// Every row of every table, by table, each row as text and the rows sorted.
pub type Dump = BTreeMap<String, Vec<String>>;

/// Every row of every table, the full-text index and its shadow tables left
/// out: for "nothing changed" and "the data is all there" checks.
pub fn dump(conn: &Connection) -> Dump {
    dump_tables(conn, false)
}

/// [`dump`] with the full-text index's documents (`rowid`, `body`): for
/// "the same database" checks below the level of the export.
pub fn dump_with_search_index(conn: &Connection) -> Dump {
    dump_tables(conn, true)
}

fn dump_tables(conn: &Connection, search_index: bool) -> Dump {
    let mut tables: Vec<String> = column(
        conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE 'search_index_%' AND name <> 'search_index' ORDER BY name",
    );
    if search_index {
        tables.push("search_index".into());
    }
    tables
        .into_iter()
        .map(|t| {
            let sql = if t == "search_index" {
                "SELECT rowid, body FROM search_index".to_string()
            } else {
                format!("SELECT * FROM \"{t}\"")
            };
            let mut stmt = conn.prepare(&sql).unwrap();
            // Cells by column name, so that a table rebuilt with its
            // columns in another order (migration 0007) dumps the same.
            let mut names: Vec<(usize, String)> = stmt
                .column_names()
                .enumerate()
                .map(|(i, n)| (i, n.to_string()))
                .collect();
            names.sort_by(|a, b| a.1.cmp(&b.1));
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    names
                        .iter()
                        .map(|(i, name)| {
                            r.get::<_, rusqlite::types::Value>(*i)
                                .map(|v| format!("{name}={v:?}"))
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map(|cells| cells.join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (t, rows)
        })
        .collect()
}

/// Runs `f` as a write that must be refused with `needle` in its message,
/// and asserts that the database is unchanged afterwards ([`dump`]).
pub fn refused<T: std::fmt::Debug>(
    db: &mut Db,
    needle: &str,
    f: impl FnOnce(&coachlog_core::Tx<'_>) -> coachlog_core::Result<T>,
) -> coachlog_core::Error {
    refused_as(db, "the write", needle, f)
}

/// [`refused`], with `what` named in every failure message.
pub fn refused_as<T: std::fmt::Debug>(
    db: &mut Db,
    what: &str,
    needle: &str,
    f: impl FnOnce(&coachlog_core::Tx<'_>) -> coachlog_core::Result<T>,
) -> coachlog_core::Error {
    let before = dump(db.conn());
    let err = db
        .write(f)
        .expect_err(&format!("{what}: the write should be refused"));
    assert!(
        err.to_string().contains(needle),
        "{what}: expected an error containing {needle:?}, got {:?}",
        err.to_string()
    );
    // The tables that changed, not their rows: they may hold megabytes.
    let after = dump(db.conn());
    let changed: BTreeSet<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|t| before.get(*t) != after.get(*t))
        .collect();
    assert!(
        changed.is_empty(),
        "{what}: a refused write changed the database: {changed:?}"
    );
    err
}

// ---------------------------------------------------------------------------
// Files.
// ---------------------------------------------------------------------------

/// The files in a folder (not recursive), sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file's bytes and modification time.
#[derive(Debug, PartialEq, Eq)]
pub struct FileState {
    pub bytes: Vec<u8>,
    pub modified: SystemTime,
}

impl FileState {
    pub fn of(path: &Path) -> FileState {
        FileState {
            bytes: std::fs::read(path).unwrap(),
            modified: std::fs::metadata(path).unwrap().modified().unwrap(),
        }
    }
}

/// Sets a file's modification time to a fixed moment long ago, so that any
/// write, however quick, shows in its mtime.
pub fn age(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
        .unwrap();
}

/// `path` with `suffix` appended to its name.
pub fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

// ---------------------------------------------------------------------------
// Randomness.
// ---------------------------------------------------------------------------

/// SplitMix64: small, seeded, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `xs` (not empty).
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    /// A day in `from..from + span` (at least `from`).
    pub fn day(&mut self, from: NaiveDate, span: u64) -> NaiveDate {
        from + Days::new(self.below(span.max(1)))
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A number from the environment, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
