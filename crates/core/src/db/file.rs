//! The SQLite file itself: connections and their key, the read-only checks
//! of an existing file, creating a new one, consistent copies, and
//! installing a finished file in place. Used by [`super::Db`], backups and
//! encryption.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::passphrase::Passphrase;
use super::schema::{expected_schema, migrate, schema_difference, schema_of, APPLICATION_ID};
use crate::error::{Error, Result};

/// Files (database plus write-ahead log) up to this size get a
/// `PRAGMA integrity_check` every time they are opened (about 5 ms per MiB,
/// so at most about 40 ms); larger ones are checked (`quick_check`) on every
/// backup instead, and on demand with [`Db::check`](super::Db::check).
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

/// Builds a new database under a temporary name next to `path` and links it
/// into place when it is complete. If another process created `path` in the
/// meantime, its file is kept and ours dropped.
pub(crate) fn create_new(path: &Path, today: NaiveDate, migrations: &[(&str, &str)]) -> Result<()> {
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
        make_private(&tmp)?;
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

/// Makes the file at `path` readable and writable by its owner only (mode
/// 0600 on Unix): the database, its log and every copy Coachlog writes hold
/// private notes. SQLite gives a database's `-wal` and `-shm` files the
/// database file's mode, so they follow.
pub(crate) fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
            Error::Io(format!(
                "cannot make {} private to you: {e}",
                path.display()
            ))
        })?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes an existing database file and its side files private to its owner
/// when others may read them (a file from an older Coachlog, or copied
/// in): what [`make_private`] gives new files.
pub(crate) fn keep_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    for suffix in ["", "-wal", "-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let p = with_suffix(path, suffix);
        if let Ok(meta) = std::fs::metadata(&p) {
            if meta.permissions().mode() & 0o077 != 0 {
                make_private(&p)?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates the folder `dir` (and its parents) if missing, private to its
/// owner (mode 0700 on Unix) where Coachlog creates it.
pub(crate) fn create_private_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
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

pub(crate) fn enable_wal(conn: &Connection, shown: &str) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Io(format!(
            "{shown}: SQLite could not switch to write-ahead logging (got {mode})."
        )));
    }
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
        make_private(&tmp)?;
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
