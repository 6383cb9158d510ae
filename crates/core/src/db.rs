//! Opening the one database file: checks, pragmas, migrations, backups.
//!
//! **Invariants.**
//! - Nothing is written to a file Coachlog refuses. An existing file is
//!   checked read-only first — an SQLite header, Coachlog's
//!   `application_id`, a `user_version` this program knows, every table,
//!   index and trigger of that version unchanged, and (for files up to
//!   [`CHECK_AT_OPEN_MAX_BYTES`]) `PRAGMA integrity_check` — and only then
//!   written to. A refusal is [`Error::Corrupt`] or [`Error::SchemaTooNew`]
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
//! - An encrypted file (SQLCipher, see [`crate::crypto`]) is opened with
//!   [`Db::open_with_key`]: the key is the first thing set on every
//!   connection, before SQLite reads a page, and the `Db` keeps it for the
//!   copies it makes (backups are encrypted with the same passphrase). A
//!   file without the SQLite header is taken for an encrypted one when its
//!   size is a whole number of pages; without a passphrase, or with one that
//!   does not open it, it is refused ([`Error::Passphrase`]) untouched.
//!
//! To change the schema, add `migrations/NNNN_name.sql` and append it to
//! [`MIGRATIONS`]; never edit a released file, and commit a fixture database
//! of the new version in `crates/core/tests/fixtures/` (see
//! `docs/reliability.md`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::crypto::Passphrase;
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
    (
        "0005_history_indexes",
        include_str!("../../../migrations/0005_history_indexes.sql"),
    ),
    (
        "0006_search_by_date",
        include_str!("../../../migrations/0006_search_by_date.sql"),
    ),
];

/// The write-ahead log's size, in pages, at which a connection whose
/// checkpoints are deferred ([`Db::defer_checkpoints`]) still checkpoints
/// at commit: a backstop in case its process stops checkpointing.
pub const DEFERRED_CHECKPOINT_PAGES: i64 = 10_000;

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite `application_id` marking a Coachlog database ("CoLg").
pub const APPLICATION_ID: i32 = 0x436F_4C67;

/// Files (database plus write-ahead log) up to this size get a
/// `PRAGMA integrity_check` every time they are opened (about 5 ms per MiB,
/// so at most about 40 ms); larger ones are checked (`quick_check`) on every
/// backup instead, and on demand with [`Db::check`].
pub const CHECK_AT_OPEN_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// SQLite's page cache of a connection to an encrypted file, in KiB (the
/// default is 2 MiB). SQLCipher decrypts a page each time SQLite reads it
/// from the file; with the working set of the screens kept decrypted in
/// memory, queries cost what they cost on a plain file (docs/performance.md,
/// "Encryption at rest"). Filled only as pages are read.
pub const ENCRYPTED_CACHE_KIB: i64 = 32 * 1024;

/// Pages copied per step of the online backup.
const BACKUP_STEP_PAGES: i32 = 256;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

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
    /// it, is refused with [`Error::Passphrase`] and left untouched.
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
        if !check_file(path, key).map_err(|e| with_restore_hint(e, path))? {
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
            Ok(()) => Ok(Db {
                conn,
                path: Some(path.to_path_buf()),
                backup,
                key,
            }),
            Err(e) => {
                side.close_untouched(conn);
                Err(with_restore_hint(e, path))
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

/// The last path component, for messages and side-file names.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "coachlog.sqlite".into())
}

/// `path` with `suffix` appended to its file name (`-wal`, `-shm`…).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The folder a file is in (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Opens a connection to an existing file (`create`: or a new one) with the
/// busy timeout, mapping "cannot open" to a message about the folder.
pub(crate) fn open_connection(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ffi::ErrorCode::CannotOpen => {
            Error::Io(format!(
                "cannot open {}: the folder does not exist or is not writable.",
                path.display()
            ))
        }
        other => Error::from(other),
    })?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// Sets the SQLCipher key of a connection that has not read anything yet.
/// The passphrase goes to SQLite as a bound string (rusqlite quotes it), and
/// SQLCipher derives the key from it (PBKDF2, see [`crate::crypto`]).
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<()> {
    // SQLCipher logs a failed page check (a wrong key) to standard error;
    // the refusal says it better. (A process-wide setting.)
    let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
    conn.pragma_update(None, "key", key.expose())
        .map_err(|e| Error::Internal(format!("SQLCipher did not take the key: {e}")))
}

/// Opens an existing database with `key` if it needs one. Returns the
/// connection and whether the key is in use: a plain file is opened without
/// it. Nothing is written: a connection that fails is closed without a
/// checkpoint. An encrypted file that `key` does not open is
/// [`Error::Passphrase`]; without a key SQLite's own error surfaces at the
/// first read (see [`inspect`]).
pub(crate) fn open_existing(path: &Path, key: Option<&Passphrase>) -> Result<(Connection, bool)> {
    let Some(key) = key else {
        return Ok((open_connection(path, false)?, false));
    };
    let side = SideFiles::before(path);
    let conn = open_connection(path, false)?;
    apply_key(&conn, key)?;
    match probe(&conn) {
        Ok(()) => {
            conn.pragma_update(None, "cache_size", -ENCRYPTED_CACHE_KIB)?;
            return Ok((conn, true));
        }
        Err(e) if !is_not_a_database(&e) => {
            side.close_untouched(conn);
            return Err(damaged(&path.display().to_string(), e));
        }
        Err(_) => side.close_untouched_always(conn),
    }
    // Not with this key: a plain file opens without one.
    let plain = open_connection(path, false)?;
    if probe(&plain).is_ok() {
        return Ok((plain, false));
    }
    side.close_untouched_always(plain);
    Err(wrong_passphrase(path))
}

/// The refusal of a passphrase that does not open `path`.
pub(crate) fn wrong_passphrase(path: &Path) -> Error {
    Error::Passphrase(format!(
        "The passphrase does not open {}; check it, or the file is damaged. It was left \
         untouched.",
        path.display()
    ))
}

/// The refusal of an encrypted-looking file opened without a passphrase.
pub(crate) fn passphrase_needed(path: &Path) -> Error {
    Error::Passphrase(format!(
        "{} looks encrypted (it has no SQLite header), and no passphrase was given. Give it \
         with COACHLOG_PASSPHRASE, --passphrase-file FILE or the system keyring; if the file \
         is not encrypted, it is damaged or not a Coachlog database. It was left untouched.",
        path.display()
    ))
}

/// Reads the first page: fails with "not a database" when the key is wrong.
fn probe(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|_| ())
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.code == rusqlite::ffi::ErrorCode::NotADatabase)
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

/// Which SQLite side files were next to a database before a connection of
/// ours opened it.
pub(crate) struct SideFiles {
    wal: bool,
}

impl SideFiles {
    /// Notes the side files of `path` now.
    pub(crate) fn before(path: &Path) -> SideFiles {
        SideFiles {
            wal: with_suffix(path, "-wal").exists(),
        }
    }

    /// Closes `conn` without writing to the file: a write-ahead log that was
    /// already there is not checkpointed into it, as SQLite would otherwise
    /// do on closing the last connection. (The `-wal` and `-shm` files that
    /// SQLite creates for its reads when there was none, it removes itself
    /// on closing; they are not removed here, because another process may
    /// have opened the database in the meantime and be using them.)
    pub(crate) fn close_untouched(&self, conn: Connection) {
        if self.wal {
            let _ = conn.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            );
        }
        drop(conn);
    }

    /// Closes `conn` without a checkpoint in any case: for a connection that
    /// could not read the file (a wrong key), which must not try to fold a
    /// log into it.
    pub(crate) fn close_untouched_always(&self, conn: Connection) {
        let _ = conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
        drop(conn);
    }
}

/// Checks what is at `path` before SQLite sees it: the file system's answer
/// (a folder, an empty file) and then the first 100 bytes, the SQLite
/// header. Returns whether the file exists.
///
/// A file without the SQLite header whose size is a whole number of pages
/// may be encrypted: with `key` it is left to SQLCipher to open (see
/// [`open_existing`]); without, it is refused with [`Error::Passphrase`].
///
/// It reads the file with plain file I/O. On POSIX systems closing that file
/// releases every lock this process holds on it, SQLite's included, so it is
/// only called before this process has the database open (see
/// [`check_path`] for what may be called while it is).
pub(crate) fn check_file(path: &Path, key: Option<&Passphrase>) -> Result<bool> {
    if !check_path(path)? {
        return Ok(false);
    }
    match check_header(path) {
        Err(Error::Corrupt(_)) if key.is_some() && looks_encrypted(path)? => Ok(true),
        Err(Error::Corrupt(_)) if looks_encrypted(path)? => Err(passphrase_needed(path)),
        other => other.map(|()| true),
    }
}

/// The smallest page SQLite and SQLCipher use; an encrypted file is a whole
/// number of pages.
const MIN_PAGE: u64 = 512;

/// Whether the file at `path` could be an encrypted database: no SQLite
/// header, a size that is a whole, non-zero number of pages, and not the
/// rest of a plain header (bytes 21–23 are 64, 32, 32 in every SQLite file;
/// in an encrypted one they are ciphertext), so a plain file whose first
/// bytes were damaged is still called damaged. Reads the first 24 bytes
/// with plain file I/O (see [`check_file`] for when that is safe).
pub(crate) fn looks_encrypted(path: &Path) -> Result<bool> {
    use std::io::Read;
    let shown = path.display();
    let io = |e: std::io::Error| Error::Io(format!("cannot read {shown}: {e}"));
    let mut f = std::fs::File::open(path).map_err(io)?;
    let len = f.metadata().map_err(io)?.len();
    if len < MIN_PAGE || len % MIN_PAGE != 0 {
        return Ok(false);
    }
    let mut head = [0u8; 24];
    f.read_exact(&mut head).map_err(io)?;
    Ok(&head[..16] != SQLITE_HEADER && head[21..24] != [64, 32, 32])
}

/// The file-system part of [`check_file`]: metadata only, so it is safe in a
/// process that has the database open. Returns whether the file exists.
pub(crate) fn check_path(path: &Path) -> Result<bool> {
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
             untouched; delete it to start afresh."
        ))),
        Ok(_) => Ok(true),
    }
}

/// The header part of [`check_file`].
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let shown = path.display();
    let mut header = [0u8; 100];
    let mut f =
        std::fs::File::open(path).map_err(|e| Error::Io(format!("cannot read {shown}: {e}")))?;
    let mut n = 0;
    while n < header.len() {
        match f.read(&mut header[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Io(format!("cannot read {shown}: {e}"))),
        }
    }
    if n < 16 || &header[..16] != SQLITE_HEADER {
        return Err(Error::Corrupt(format!(
            "{shown} is not a Coachlog database (it is not an SQLite file). It was left \
             untouched; choose another file."
        )));
    }
    if n < 100 {
        return Err(Error::Corrupt(format!(
            "{shown} is damaged: at {n} bytes it is too short to be a database. It was left \
             untouched."
        )));
    }
    // The file format's write and read versions: 1 (rollback journal) or 2
    // (WAL), both the same in every file SQLite writes.
    let (write, read) = (header[18], header[19]);
    if !matches!(write, 1 | 2) || write != read {
        return Err(Error::Corrupt(format!(
            "{shown} is damaged: its header is not valid (file format versions {write} and \
             {read}). It was left untouched."
        )));
    }
    Ok(())
}

/// Adds the way out to a refusal: the latest backup and how to restore it.
pub(crate) fn with_restore_hint(e: Error, path: &Path) -> Error {
    match e {
        // A file that looks encrypted may be a damaged one too.
        Error::Passphrase(m) => match crate::backup::latest(path) {
            Ok(Some(b)) => Error::Passphrase(format!(
                "{m} If it is damaged, the latest backup, from {}, is {}: restore it with \
                 `coachlog restore --latest`, which keeps a copy of this file first.",
                b.taken_at.format("%Y-%m-%d %H:%M UTC"),
                b.path.display()
            )),
            _ => Error::Passphrase(m),
        },
        Error::Corrupt(m) => {
            let hint = match crate::backup::latest(path) {
                Ok(Some(b)) => format!(
                    " The latest backup, from {}, is {}: restore it with `coachlog restore \
                     --latest`, which keeps a copy of this file first.",
                    b.taken_at.format("%Y-%m-%d %H:%M UTC"),
                    b.path.display()
                ),
                _ => " Restore a backup if you have one, or choose another file.".into(),
            };
            Error::Corrupt(format!("{m}{hint}"))
        }
        other => other,
    }
}

/// Maps an SQLite failure while reading an existing file: everything but
/// "busy", "cannot open", "permission" and "out of memory" means the file is
/// damaged (or not a database), and says so with SQLite's own words.
pub(crate) fn damaged(shown: &str, e: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        if matches!(
            f.code,
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::OutOfMemory
                | ErrorCode::DiskFull
        ) {
            return Error::from(e);
        }
    }
    Error::Corrupt(format!(
        "{shown} is damaged or is not a Coachlog database (SQLite: {e}). It was left untouched."
    ))
}

/// The read-only checks of an existing file; returns its schema version.
///
/// `check_path`: run `PRAGMA integrity_check` when the file at this path
/// (with its WAL) is at most [`CHECK_AT_OPEN_MAX_BYTES`].
pub(crate) fn inspect(
    conn: &Connection,
    shown: &str,
    migrations: &[(&str, &str)],
    check_path: Option<&Path>,
) -> Result<i64> {
    let target = migrations.len() as i64;
    let int = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| damaged(shown, e))
    };
    let version = int("PRAGMA user_version")?;
    let app_id = int("PRAGMA application_id")?;
    let objects = int("SELECT count(*) FROM sqlite_schema")?;
    if app_id != i64::from(APPLICATION_ID) {
        if objects == 0 && version == 0 {
            return Err(Error::Corrupt(format!(
                "{shown} is an empty SQLite database, not a Coachlog one. It was left untouched; \
                 delete it to start afresh."
            )));
        }
        return Err(Error::Corrupt(format!(
            "{shown} is an SQLite database, but not a Coachlog one. It was left untouched."
        )));
    }
    if version > target {
        return Err(Error::SchemaTooNew {
            path: shown.to_string(),
            found: version,
            supported: target,
        });
    }
    if version < 1 {
        return Err(Error::Corrupt(format!(
            "{shown} is damaged: it is marked as a Coachlog database but its schema version is \
             {version}. It was left untouched."
        )));
    }
    let found = schema_of(conn).map_err(|e| damaged(shown, e))?;
    let expected = expected_schema(migrations, version)?;
    if let Some(difference) = schema_difference(&expected, &found) {
        return Err(Error::Corrupt(format!(
            "{shown} is damaged: its tables do not match Coachlog schema version {version} \
             ({difference}). It was left untouched."
        )));
    }
    if let Some(path) = check_path {
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        if size(path) + size(&with_suffix(path, "-wal")) <= CHECK_AT_OPEN_MAX_BYTES {
            let problems =
                run_check(conn, "PRAGMA integrity_check").map_err(|e| damaged(shown, e))?;
            if let Some(first) = problems.first() {
                let n = problems.len();
                return Err(Error::Corrupt(format!(
                    "{shown} is damaged: SQLite's check found {n} problem{} ({}). It was left \
                     untouched.",
                    if n == 1 { "" } else { "s" },
                    first.trim()
                )));
            }
        }
    }
    Ok(version)
}

/// Runs a check pragma; returns its rows other than `ok`.
pub(crate) fn run_check(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(pragma)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// One object of `sqlite_schema`: type, name, table, SQL.
type SchemaRow = (String, String, String, Option<String>);

/// The schema objects Coachlog created: SQLite's own (`sqlite_…`) left out,
/// and the SQL of the full-text index's shadow tables (written by SQLite's
/// FTS5, which may change between SQLite versions) not compared.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaRow>> {
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
fn expected_schema(migrations: &[(&str, &str)], version: i64) -> Result<Vec<SchemaRow>> {
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
fn schema_difference(expected: &[SchemaRow], found: &[SchemaRow]) -> Option<String> {
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

/// Builds a new database under a temporary name next to `path` and links it
/// into place when it is complete. If another process created `path` in the
/// meantime, its file is kept and ours dropped.
fn create_new(path: &Path, today: NaiveDate, migrations: &[(&str, &str)]) -> Result<()> {
    let tmp = folder_of(path).join(format!(".{}.new-{}", file_name(path), std::process::id()));
    remove_with_side_files(&tmp);
    let result = (|| {
        let mut conn = open_connection(&tmp, true).map_err(|e| match e {
            Error::Io(_) => Error::Io(format!(
                "cannot open {}: the folder does not exist or is not writable.",
                path.display()
            )),
            other => other,
        })?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrate(&mut conn, 0, today, migrations)?;
        enable_wal(&conn, &path.display().to_string())?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        install(&tmp, path, false)
    })();
    remove_with_side_files(&tmp);
    match result {
        Err(Error::Conflict(_)) => Ok(()), // created meanwhile by another process
        other => other,
    }
}

/// Removes a file and its SQLite side files, ignoring what is not there.
pub(crate) fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Moves the complete file `tmp` to `target` in the same folder, flushing it
/// and the folder to disk. `replace`: replace an existing `target`
/// (atomically); otherwise an existing target is [`Error::Conflict`].
pub(crate) fn install(tmp: &Path, target: &Path, replace: bool) -> Result<()> {
    let shown = target.display();
    let io = |e: std::io::Error| Error::Io(format!("cannot write {shown}: {e}"));
    // Opened for writing: flushing needs it on some platforms (Windows).
    std::fs::OpenOptions::new()
        .write(true)
        .open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    if replace {
        std::fs::rename(tmp, target).map_err(io)?;
    } else {
        match std::fs::hard_link(tmp, target) {
            Ok(()) => {
                let _ = std::fs::remove_file(tmp);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(Error::conflict(format!("{shown} already exists.")));
            }
            // File systems without hard links: check, then rename.
            Err(_) if !target.exists() => std::fs::rename(tmp, target).map_err(io)?,
            Err(_) => return Err(Error::conflict(format!("{shown} already exists."))),
        }
    }
    sync_folder(folder_of(target));
    Ok(())
}

/// Flushes a folder's entries (a rename) to disk where the platform allows.
pub(crate) fn sync_folder(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn enable_wal(conn: &Connection, shown: &str) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Io(format!(
            "{shown}: SQLite could not switch to write-ahead logging (got {mode})."
        )));
    }
    Ok(())
}

fn migrate(
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

/// Copies the database behind `conn` to the new file `target` with SQLite's
/// online backup API, in steps of [`BACKUP_STEP_PAGES`] pages inside one read
/// transaction (so, in WAL mode, writers are never blocked and the copy is
/// one consistent moment). The copy is written under a temporary name,
/// switched to a self-contained rollback-journal file, checked with
/// `PRAGMA quick_check`, flushed to disk and only then given its name.
/// Returns its size in bytes. Refuses to replace an existing `target`.
///
/// `key`: the passphrase of the encrypted database behind `conn`; the copy is
/// encrypted with it too (SQLCipher's backup needs both sides keyed alike).
pub(crate) fn copy_database(
    conn: &Connection,
    target: &Path,
    key: Option<&Passphrase>,
) -> Result<u64> {
    use rusqlite::backup::{Backup, StepResult};
    let shown = target.display();
    if target.exists() {
        return Err(Error::Io(format!(
            "{shown} already exists; choose a new file name for the backup."
        )));
    }
    let tmp = folder_of(target).join(format!(
        ".{}.partial-{}",
        file_name(target),
        std::process::id()
    ));
    remove_with_side_files(&tmp);
    let result = (|| -> Result<()> {
        let mut dest = Connection::open(&tmp)
            .map_err(|e| Error::Io(format!("cannot write the backup {shown}: {e}")))?;
        if let Some(key) = key {
            apply_key(&dest, key)?;
        }
        let began = conn.is_autocommit();
        if began {
            // Hold one read snapshot for every step.
            conn.execute_batch("BEGIN DEFERRED")?;
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })?;
        }
        let copied =
            (|| -> Result<()> {
                let backup = Backup::new(conn, &mut dest)?;
                let mut waits = 0;
                loop {
                    match backup.step(BACKUP_STEP_PAGES)? {
                        StepResult::Done => return Ok(()),
                        StepResult::More => {}
                        _ if waits < 500 => {
                            waits += 1;
                            std::thread::sleep(Duration::from_millis(10));
                        }
                        _ => return Err(Error::Io(
                            "the database stayed busy during the backup; try again in a moment."
                                .into(),
                        )),
                    }
                }
            })();
        if began {
            let _ = conn.execute_batch("COMMIT");
        }
        copied?;
        // The copy carries the source's WAL flag; make it one self-contained file.
        let _: String = dest.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        let problems = run_check(&dest, "PRAGMA quick_check")?;
        if let Some(first) = problems.first() {
            return Err(Error::Corrupt(format!(
                "the backup copy failed SQLite's check ({first}), so the database itself is \
                 probably damaged; the copy was not kept."
            )));
        }
        dest.close().map_err(|(_, e)| Error::from(e))?;
        install(&tmp, target, false).map_err(|e| match e {
            Error::Conflict(_) => Error::Io(format!(
                "{shown} already exists; choose a new file name for the backup."
            )),
            other => other,
        })
    })();
    if result.is_err() {
        remove_with_side_files(&tmp);
    }
    result?;
    Ok(std::fs::metadata(target).map(|m| m.len()).unwrap_or(0))
}
