//! Opening the one database file: checks, pragmas, migrations, backups.
//!
//! **Invariants.**
//! - The schema version is SQLite's `user_version`; migration `N` (the N-th
//!   file in `migrations/`) brings it from `N-1` to `N`. All pending migrations
//!   run in one transaction: a failure leaves the file exactly as it was.
//! - A file whose version is newer than [`SCHEMA_VERSION`] is refused with
//!   [`Error::SchemaTooNew`] before anything is written to it.
//! - Before an existing file is migrated, a copy is written next to it with
//!   SQLite's online backup API.
//! - Pragmas are per connection and set here, never in migrations.
//! - Every write goes through [`Db::write`]: one `BEGIN IMMEDIATE` transaction.
//!
//! To change the schema, add `migrations/NNNN_name.sql` and append it to
//! [`MIGRATIONS`]; never edit a released file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// The migrations, in order. Index + 1 is the schema version each produces.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../../../migrations/0001_initial.sql"),
    ),
    (
        "0002_drafts",
        include_str!("../../../migrations/0002_drafts.sql"),
    ),
    (
        "0003_nudge_state",
        include_str!("../../../migrations/0003_nudge_state.sql"),
    ),
    (
        "0004_review_indexes",
        include_str!("../../../migrations/0004_review_indexes.sql"),
    ),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite `application_id` marking a Coachlog database ("CoLg").
pub const APPLICATION_ID: i32 = 0x436F_4C67;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open Coachlog database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    backup: Option<PathBuf>,
}

impl Db {
    /// Opens the database at `path`, creating it when missing, and migrates
    /// it to [`SCHEMA_VERSION`]. `today` becomes `tracking_since` of a new
    /// database and dates the pre-migration backup's name.
    pub fn open(path: &Path, today: NaiveDate) -> Result<Db> {
        let shown = path.display().to_string();
        let existed = check_file(path)?;
        let flags = if existed {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ffi::ErrorCode::CannotOpen =>
            {
                Error::Io(format!(
                    "cannot open {shown}: the folder does not exist or is not writable."
                ))
            }
            other => Error::from(other),
        })?;
        let mut db = Db {
            conn,
            path: Some(path.to_path_buf()),
            backup: None,
        };
        db.prepare(&shown, existed, today)?;
        Ok(db)
    }

    /// Opens a fresh in-memory database (for tests and dry runs).
    pub fn open_in_memory(today: NaiveDate) -> Result<Db> {
        let conn = Connection::open_in_memory()?;
        let mut db = Db {
            conn,
            path: None,
            backup: None,
        };
        db.prepare(":memory:", false, today)?;
        Ok(db)
    }

    fn prepare(&mut self, shown: &str, existed: bool, today: NaiveDate) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        // Read-only checks first: nothing is written to a file we refuse.
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not_a_database(shown, e))?;
        let app_id: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if objects > 0 && app_id != APPLICATION_ID {
            return Err(Error::Corrupt(format!(
                "{shown} is an SQLite database, but not a Coachlog one. It was left untouched; \
                 choose another file."
            )));
        }
        if version > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                path: shown.to_string(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if existed && version > 0 && version < SCHEMA_VERSION {
            self.backup = Some(self.backup_before_migration(version, today)?);
        }
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.path.is_some() {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Io(format!(
                    "{shown}: SQLite could not switch to write-ahead logging (got {mode})."
                )));
            }
        }
        // FULL: in WAL mode NORMAL may lose the last commits on power loss; a
        // 1:1 note is worth the fsync.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        migrate(&mut self.conn, version, today)
    }

    fn backup_before_migration(&self, from: i64, today: NaiveDate) -> Result<PathBuf> {
        let path = self.path.as_ref().expect("file databases only");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "coachlog.sqlite".into());
        let mut target = path.with_file_name(format!("{name}.v{from}-{today}.backup"));
        let mut n = 2;
        while target.exists() {
            target = path.with_file_name(format!("{name}.v{from}-{today}-{n}.backup"));
            n += 1;
        }
        backup_to(&self.conn, &target)?;
        Ok(target)
    }

    /// The connection, for reads. Writes go through [`Db::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The backup written before this open's migration, if one was needed.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Runs `f` in one immediate transaction: all of its writes land, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Writes a consistent copy of the database to `target` (online backup),
    /// and checks it with `PRAGMA quick_check`.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        backup_to(&self.conn, target)
    }
}

/// Checks what is at `path` before SQLite sees it. Returns whether it exists.
fn check_file(path: &Path) -> Result<bool> {
    use std::io::Read;
    let shown = path.display();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::Io(format!("cannot read {shown}: {e}"))),
        Ok(m) if m.is_dir() => Err(Error::Io(format!(
            "{shown} is a folder; give the path of a database file, e.g. {}.",
            path.join("coachlog.sqlite").display()
        ))),
        Ok(m) if m.len() == 0 => Err(Error::Corrupt(format!(
            "{shown} is empty (0 bytes), so it is not a Coachlog database. It was left \
             untouched; delete it to start afresh, or restore a backup."
        ))),
        Ok(_) => {
            let mut header = [0u8; 16];
            let mut f = std::fs::File::open(path)
                .map_err(|e| Error::Io(format!("cannot read {shown}: {e}")))?;
            let n = f.read(&mut header)?;
            if n < 16 || &header != SQLITE_HEADER {
                return Err(Error::Corrupt(format!(
                    "{shown} is not a Coachlog database (it is not an SQLite file). It was left \
                     untouched; choose another file or restore a backup."
                )));
            }
            Ok(true)
        }
    }
}

fn not_a_database(shown: &str, e: rusqlite::Error) -> Error {
    match Error::from(e) {
        Error::Corrupt(_) => Error::Corrupt(format!(
            "{shown} is damaged or not a Coachlog database. It was left untouched; restore a \
             backup or choose another file."
        )),
        other => other,
    }
}

fn migrate(conn: &mut Connection, from: i64, today: NaiveDate) -> Result<()> {
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)
            .map_err(|e| Error::Internal(format!("migration {name} failed: {e}")))?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('tracking_since', ?1)",
            [today.format("%Y-%m-%d").to_string()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn backup_to(conn: &Connection, target: &Path) -> Result<()> {
    use rusqlite::backup::Backup;
    let shown = target.display();
    if target.exists() {
        return Err(Error::Io(format!(
            "{shown} already exists; choose a new file name for the backup."
        )));
    }
    let mut dest = Connection::open(target)
        .map_err(|e| Error::Io(format!("cannot write the backup {shown}: {e}")))?;
    {
        let backup = Backup::new(conn, &mut dest)?;
        backup.run_to_completion(256, Duration::from_millis(0), None)?;
    }
    let check: String = dest.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        drop(dest);
        let _ = std::fs::remove_file(target);
        return Err(Error::Io(format!(
            "the backup {shown} failed its check ({check}); nothing was changed."
        )));
    }
    Ok(())
}
