//! The one database file: opening it (checks, pragmas, migrations), writing
//! to it ([`Db::write`]), its backups and its encryption, and the other
//! files the front ends write. Everything in the core that touches the file
//! system is in this folder.
//!
//! The modules form layers, each using only those above it:
//! - `passphrase` — [`Passphrase`], a valid passphrase that is never printed.
//! - `schema` — [`MIGRATIONS`], [`SCHEMA_VERSION`], applying migrations and
//!   comparing a file's schema with the one its version should have.
//! - `file` — the SQLite file itself: connections, keys, the read-only
//!   checks, creating a new file, consistent copies, installing a file.
//! - [`backup`] — verified copies next to the file, their rotation, restore.
//! - [`crypto`] — turning encryption on and off in place.
//! - [`output`] — the default database path, and output files written
//!   atomically.
//! - this module — [`Db`]: opening a file in order, and [`Db::write`].
//!
//! **Invariants.**
//! - Nothing is written to a file Coachlog refuses. An existing file is
//!   checked read-only first — an SQLite header, Coachlog's
//!   `application_id`, a `user_version` this program knows, every table,
//!   index and trigger of that version unchanged, and (for files up to
//!   [`CHECK_AT_OPEN_MAX_BYTES`]) `PRAGMA integrity_check` — and only then
//!   written to. A refusal is [`Error::Corrupt`](crate::Error::Corrupt) or [`Error::SchemaTooNew`](crate::Error::SchemaTooNew)
//!   naming the file and the problem, and it names the latest backup and
//!   `coachlog restore` when one exists next to the file. There is no
//!   fallback to an empty or in-memory database.
//! - The schema version is SQLite's `user_version`; migration `N` (the N-th
//!   file in `migrations/`) brings it from `N-1` to `N`. Before an existing
//!   file is migrated, a verified copy is written next to it with SQLite's
//!   online backup API. All pending migrations then run in one transaction,
//!   in the file's own journal mode, and only after they committed is the
//!   file switched to WAL: a failure leaves the file byte for byte as it was.
//! - A new file is built under a temporary name in the same folder and
//!   linked into place only when complete, so a crash while creating it
//!   leaves either no file or a whole one — never an empty file that the
//!   next start would refuse.
//! - Pragmas are per connection and set here, never in migrations:
//!   `foreign_keys = ON`, `journal_mode = WAL`, `synchronous = FULL` (see
//!   `docs/reliability.md` for why FULL), a 5-second busy timeout.
//! - Every write goes through [`Db::write`]: one `BEGIN IMMEDIATE` transaction.
//! - An encrypted file (SQLCipher, see [`crypto`]) is opened with
//!   [`Db::open_with_key`]: the key is the first thing set on every
//!   connection, before SQLite reads a page, and the `Db` keeps it for the
//!   copies it makes (backups are encrypted with the same passphrase). A
//!   file without the SQLite header is taken for an encrypted one when its
//!   size is a whole number of pages; without a passphrase, or with one that
//!   does not open it, it is refused ([`Error::Passphrase`](crate::Error::Passphrase)) untouched.
//!
//! To change the schema, add `migrations/NNNN_name.sql` and append it to
//! [`MIGRATIONS`]; never edit a released file, and commit a fixture database
//! of the new version in `crates/core/tests/fixtures/` (see
//! `docs/reliability.md`).

pub mod backup;
pub mod crypto;
mod file;
pub mod output;
mod passphrase;
mod schema;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::Result;
use file::{
    check_file, copy_database, create_new, enable_wal, file_name, inspect, open_existing,
    run_check, SideFiles,
};
use schema::migrate;

pub use file::{CHECK_AT_OPEN_MAX_BYTES, ENCRYPTED_CACHE_KIB};

/// Removes a database file and its SQLite side files (`-wal`, `-shm`,
/// `-journal`), ignoring what is not there: for a front end that created a
/// file for a command that then failed. Close every connection to it first.
pub fn remove_database(path: &Path) {
    file::remove_with_side_files(path);
}
pub use passphrase::{Passphrase, MAX_PASSPHRASE_BYTES};
pub use schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};

/// The write-ahead log's size, in pages, at which a connection whose
/// checkpoints are deferred ([`Db::defer_checkpoints`]) still checkpoints
/// at commit: a backstop in case its process stops checkpointing.
pub const DEFERRED_CHECKPOINT_PAGES: i64 = 10_000;

/// The transaction of one [`Db::write`], and the only way to reach the
/// store's write functions: they take a `&Tx`, which nothing but
/// [`Db::write`] can make, so a write outside a transaction does not
/// compile. It reads like a [`Connection`] (it dereferences to one), so the
/// store's read functions run inside it too.
pub struct Tx<'a>(Transaction<'a>);

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.0
    }
}

/// An open Coachlog database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    backup: Option<PathBuf>,
    /// The passphrase the file was opened with (`None`: a plain file).
    key: Option<Passphrase>,
}

impl Db {
    /// Opens the database at `path`, creating it when missing, and migrates
    /// it to [`SCHEMA_VERSION`]. `today` becomes `tracking_since` of a new
    /// database and dates the pre-migration backup's name.
    ///
    /// A file that is not a usable Coachlog database is refused without a
    /// byte written to it (see the module documentation).
    ///
    /// Open a file once per process: the header check reads it with plain
    /// file I/O, and on POSIX systems closing that read releases the locks
    /// another connection of the same process holds on the file. (To back
    /// up an open database use [`crate::backup::create`], which does not.)
    pub fn open(path: &Path, today: NaiveDate) -> Result<Db> {
        Db::open_inner(path, today, MIGRATIONS, None)
    }

    /// [`Db::open`] for a file that may be encrypted: `key` opens an
    /// encrypted file and is kept for its backups. A plain file opens as is
    /// whatever `key` is (the passphrase is not used: new files are plain
    /// too; [`crate::crypto::encrypt`] turns encryption on).
    ///
    /// An encrypted file without `key`, or with a `key` that does not open
    /// it, is refused with [`Error::Passphrase`](crate::Error::Passphrase) and left untouched.
    pub fn open_with_key(path: &Path, today: NaiveDate, key: Option<&Passphrase>) -> Result<Db> {
        Db::open_inner(path, today, MIGRATIONS, key)
    }

    /// [`Db::open`] with another list of migrations: for the tests that
    /// inject a failure into a migration step. Not for production use.
    #[doc(hidden)]
    pub fn open_with_migrations(
        path: &Path,
        today: NaiveDate,
        migrations: &[(&str, &str)],
    ) -> Result<Db> {
        Db::open_inner(path, today, migrations, None)
    }

    fn open_inner(
        path: &Path,
        today: NaiveDate,
        migrations: &[(&str, &str)],
        key: Option<&Passphrase>,
    ) -> Result<Db> {
        let shown = path.display().to_string();
        if !check_file(path, key).map_err(|e| backup::with_restore_hint(e, path))? {
            create_new(path, today, migrations)?;
        }
        let side = SideFiles::before(path);
        let (mut conn, keyed) = open_existing(path, key)?;
        let key = if keyed { key.cloned() } else { None };
        let mut backup = None;
        match prepare_file(
            &mut conn,
            path,
            &shown,
            today,
            migrations,
            key.as_ref(),
            &mut backup,
        ) {
            Ok(()) => {
                // A file accepted: private to its owner, as new ones are.
                file::keep_private(path)?;
                Ok(Db {
                    conn,
                    path: Some(path.to_path_buf()),
                    backup,
                    key,
                })
            }
            Err(e) => {
                side.close_untouched(conn);
                Err(backup::with_restore_hint(e, path))
            }
        }
    }

    /// Opens a fresh in-memory database (for tests and dry runs).
    pub fn open_in_memory(today: NaiveDate) -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn, 0, today, MIGRATIONS)?;
        Ok(Db {
            conn,
            path: None,
            backup: None,
            key: None,
        })
    }

    /// The connection, for reads. Writes go through [`Db::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The passphrase the file was opened with: `None` for a plain file.
    /// Pass it to the functions of [`crate::backup`] for this database.
    pub fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    /// Whether the file is encrypted (it was opened with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The backup written before this open's migration, if one was needed.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Rows changed through this connection since it was opened: a shell can
    /// remember it at each backup and pass `changed` to
    /// [`crate::backup::due`] when it differs.
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// For a long-running process (the desktop app): a commit no longer
    /// copies the write-ahead log into the database file once the log holds
    /// SQLite's default 1,000 pages — that checkpoint, and its fsync, landed
    /// inside about one save in a hundred and made it ten times slower
    /// (docs/performance.md) — but only at [`DEFERRED_CHECKPOINT_PAGES`], as
    /// a backstop. The process calls [`Db::checkpoint`] off the write path
    /// instead. A short-lived process need not: closing the last connection
    /// checkpoints.
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.conn.query_row(
            &format!("PRAGMA wal_autocheckpoint = {DEFERRED_CHECKPOINT_PAGES}"),
            [],
            |r| r.get::<_, i64>(0),
        )?;
        Ok(())
    }

    /// Copies the committed pages of the write-ahead log into the database
    /// file without waiting for other connections (a PASSIVE checkpoint;
    /// pages a reader still needs wait for the next one). Returns the pages
    /// the log holds and how many of them are now in the file (both 0 when
    /// it is empty, -1 for an in-memory database).
    pub fn checkpoint(&self) -> Result<(i64, i64)> {
        let (log, copied) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })?;
        Ok((log, copied))
    }

    /// A number that changes when another connection — the command line,
    /// another window — commits a change to the database (SQLite's
    /// `data_version`; this connection's own writes leave it as it is): a
    /// front end that keeps the database open asks it to know when to read
    /// again.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction: all of its writes land, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = Tx(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?);
        let out = f(&tx)?;
        tx.0.commit()?;
        Ok(out)
    }

    /// Runs `f` in one immediate transaction and rolls it back, whatever
    /// it returns: a rehearsal of a write (an import's `--dry-run`), which
    /// meets every check the real write meets and leaves the file as it was.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = Tx(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?);
        let out = f(&tx);
        tx.0.rollback()?;
        out
    }

    /// Installs SQLite's statement trace on the connection (see
    /// [`rusqlite::Connection::trace_v2`]): for the query-plan test, which
    /// checks every statement the screens and writes run.
    #[doc(hidden)]
    pub fn trace_v2<F>(
        &mut self,
        mask: rusqlite::trace::TraceEventCodes,
        f: Option<F>,
    ) -> Result<()>
    where
        F: Fn(rusqlite::trace::TraceEvent<'_>) + Send + 'static,
    {
        self.conn.trace_v2(mask, f)?;
        Ok(())
    }

    /// Writes a consistent copy of the database to `target` (online backup),
    /// and checks it with `PRAGMA quick_check`. Refuses to replace a file.
    /// The copy of an encrypted database is encrypted with the same passphrase.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        copy_database(&self.conn, target, self.key.as_ref()).map(|_| ())
    }

    /// Runs `PRAGMA quick_check` (or, with `full`, `PRAGMA integrity_check`,
    /// which also compares every index with its table) over the whole file
    /// and returns the problems found; empty means sound.
    pub fn check(&self, full: bool) -> Result<Vec<String>> {
        let pragma = if full {
            "PRAGMA integrity_check"
        } else {
            "PRAGMA quick_check"
        };
        Ok(run_check(&self.conn, pragma)?)
    }
}

/// Checks, migrates and sets up an existing file (see the module
/// documentation for the order, which is what keeps a refused or failed
/// file unchanged).
fn prepare_file(
    conn: &mut Connection,
    path: &Path,
    shown: &str,
    today: NaiveDate,
    migrations: &[(&str, &str)],
    key: Option<&Passphrase>,
    backup: &mut Option<PathBuf>,
) -> Result<()> {
    // Read-only checks first: nothing is written to a file we refuse.
    let version = inspect(conn, shown, migrations, Some(path))?;
    // Not writes: per-connection settings.
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: in WAL mode NORMAL may lose the last commits on power loss; a
    // 1:1 note is worth the fsync (docs/reliability.md).
    conn.pragma_update(None, "synchronous", "FULL")?;
    if version < migrations.len() as i64 {
        *backup = Some(backup_before_migration(conn, path, version, today, key)?);
        migrate(conn, version, today, migrations)?;
    }
    // Only now, with the migrations committed, may the header change.
    enable_wal(conn, shown)
}

/// The verified copy written next to a file before it is migrated:
/// `coachlog.sqlite.v1-2026-11-27.backup` (its version and the day).
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    from: i64,
    today: NaiveDate,
    key: Option<&Passphrase>,
) -> Result<PathBuf> {
    let name = file_name(path);
    let mut target = path.with_file_name(format!("{name}.v{from}-{today}.backup"));
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{name}.v{from}-{today}-{n}.backup"));
        n += 1;
    }
    copy_database(conn, &target, key)?;
    Ok(target)
}
