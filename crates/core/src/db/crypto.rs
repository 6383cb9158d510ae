//! Encryption at rest (opt-in): SQLCipher, turned on and off in place.
//!
//! An encrypted Coachlog file is an SQLCipher 4 database: every page of the
//! file, of its write-ahead log and of its backups is AES-256 encrypted and
//! authenticated (HMAC-SHA512), with SQLCipher 4's default settings — 4096-byte
//! pages, and the key derived from the passphrase with PBKDF2-HMAC-SHA512 at
//! 256,000 iterations and a random per-file salt (the file's first 16 bytes).
//! The key derivation runs once per connection opened (the figure is in
//! `docs/performance.md`); queries afterwards cost a few percent.
//!
//! **Threat model** (`docs/security.md`): it protects a copied or stolen file
//! and its backups. It does not protect a running, unlocked session (the
//! passphrase and the records are in the process's memory), and a lost
//! passphrase means lost data: there is no recovery.
//!
//! **Turning it on and off.** [`encrypt`] and [`decrypt`] convert the
//! database in place, and with it every backup Coachlog keeps of it (the
//! `backups/` folder and the pre-migration copies next to the file), so
//! encrypting leaves no plain copy that Coachlog made and decrypting leaves
//! every copy readable again. The order is what keeps a failure harmless:
//!
//! 1. a verified backup of the database as it is ([`backup::create`]);
//! 2. each backup converted to a copy under a temporary name in its folder,
//!    checked (schema, `quick_check`, the same number of rows in every
//!    table), flushed and renamed over the old one;
//! 3. the database converted the same way while an exclusive lock keeps every
//!    other program out; only then is its log folded into it and the checked
//!    copy renamed over it, and the folder flushed.
//!
//! A failure before step 3's rename leaves the database byte for byte as it
//! was (a backup may be converted already; running the same command again
//! finishes the work). Old blocks of the replaced files may remain on the
//! disk itself until the file system reuses them: file systems and SSDs
//! offer no secure erase, so a disk that held plain records should be
//! encrypted as a whole (FileVault, BitLocker, LUKS) for full protection.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::backup;
use super::file;
use super::passphrase::Passphrase;
use super::schema::MIGRATIONS;
use crate::error::{Error, Result};

/// What [`encrypt`] or [`decrypt`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Converted {
    /// The database file, now encrypted (or plain).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub database: PathBuf,
    /// The verified backup taken first (converted like the others).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub backup: PathBuf,
    /// The backups converted, the first one included.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub converted: Vec<PathBuf>,
    /// Backups left as they were: on decrypting, encrypted ones that the
    /// passphrase does not open (made with an earlier passphrase).
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub skipped: Vec<PathBuf>,
}

/// Whether the file at `path` is (or looks) encrypted: it exists and has no
/// SQLite header, and its size is a whole number of pages. A missing or
/// plain file is not.
///
/// It reads the file with plain file I/O: call it before this process opens
/// the database (on POSIX systems closing the read releases the locks the
/// process holds on it); once open, ask [`crate::Db::is_encrypted`].
pub fn is_encrypted(path: &Path) -> Result<bool> {
    if !file::check_path(path)? {
        return Ok(false);
    }
    file::looks_encrypted(path)
}

/// Where a conversion may be made to fail, for the tests that prove a
/// failure changes nothing. Not for production use.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailAt {
    /// Never.
    Nowhere,
    /// After the database's converted copy was written, before it is checked.
    AfterCopy,
    /// After everything was checked, just before the database is replaced.
    BeforeSwitch,
}

/// Turns encryption on: the database at `path` and every backup Coachlog
/// keeps of it are encrypted with `passphrase` (see the module
/// documentation for the steps). `at` (UTC) names the backup taken first.
///
/// Refused with [`Error::Conflict`] when the file is already encrypted, and
/// with [`Error::Io`] while another program (the app) has it open.
pub fn encrypt(path: &Path, passphrase: &Passphrase, at: DateTime<Utc>) -> Result<Converted> {
    encrypt_failing(path, passphrase, at, FailAt::Nowhere)
}

/// [`encrypt`] with a failure injected at `fail`. Not for production use.
#[doc(hidden)]
pub fn encrypt_failing(
    path: &Path,
    passphrase: &Passphrase,
    at: DateTime<Utc>,
    fail: FailAt,
) -> Result<Converted> {
    let shown = path.display();
    if !exists(path)? {
        return Err(Error::not_found(format!(
            "There is no database at {shown} to encrypt."
        )));
    }
    if is_encrypted(path)? {
        return Err(Error::conflict(format!(
            "{shown} is already encrypted; to change its passphrase, decrypt it and encrypt it \
             again."
        )));
    }
    convert(path, None, Some(passphrase), at, fail)
}

/// Turns encryption off: the database at `path` and the backups that
/// `passphrase` opens are written back as plain SQLite files. `at` (UTC)
/// names the backup taken first.
///
/// Refused with [`Error::Conflict`] when the file is not encrypted and with
/// [`Error::Passphrase`] when the passphrase does not open it.
pub fn decrypt(path: &Path, passphrase: &Passphrase, at: DateTime<Utc>) -> Result<Converted> {
    decrypt_failing(path, passphrase, at, FailAt::Nowhere)
}

/// [`decrypt`] with a failure injected at `fail`. Not for production use.
#[doc(hidden)]
pub fn decrypt_failing(
    path: &Path,
    passphrase: &Passphrase,
    at: DateTime<Utc>,
    fail: FailAt,
) -> Result<Converted> {
    let shown = path.display();
    if !exists(path)? {
        return Err(Error::not_found(format!(
            "There is no database at {shown} to decrypt."
        )));
    }
    if !is_encrypted(path)? {
        return Err(Error::conflict(format!(
            "{shown} is not encrypted; there is nothing to decrypt."
        )));
    }
    convert(path, Some(passphrase), None, at, fail)
}

fn exists(path: &Path) -> Result<bool> {
    file::check_path(path)
}

/// The whole conversion of a database and its backups from `from` to `to`.
fn convert(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    at: DateTime<Utc>,
    fail: FailAt,
) -> Result<Converted> {
    // The database must open as it is before anything is written.
    {
        let side = file::SideFiles::before(path);
        let (conn, keyed) = file::open_existing(path, from)?;
        let checked = if keyed != from.is_some() {
            Err(file::passphrase_needed(path))
        } else {
            file::inspect(&conn, &path.display().to_string(), MIGRATIONS, None).map(|_| ())
        };
        side.close_untouched(conn);
        checked.map_err(|e| backup::with_restore_hint(e, path))?;
    }
    let first = backup::create(path, at, from)?;
    let mut converted = Vec::new();
    let mut skipped = Vec::new();
    for copy in copies_of(path)? {
        match convert_copy(&copy, from, to)? {
            true => converted.push(copy),
            false => skipped.push(copy),
        }
    }
    convert_database(path, from, to, fail)?;
    Ok(Converted {
        database: path.to_path_buf(),
        backup: first.path,
        converted,
        skipped,
    })
}

/// Every copy Coachlog made of the database: the files of the backups folder
/// and the pre-migration backups next to it (`coachlog.sqlite.v1-….backup`).
fn copies_of(path: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = backup::list(path)?.into_iter().map(|b| b.path).collect();
    let prefix = format!("{}.v", file::file_name(path));
    let dir = file::folder_of(path);
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::Io(format!("cannot read the folder {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix)
            && name.ends_with(".backup")
            && entry.metadata().map(|m| m.is_file()).unwrap_or(false)
        {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

/// Converts one backup file in place; returns false when it was left as it
/// is (already converted, or — on decrypting — not opened by the passphrase).
fn convert_copy(copy: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<bool> {
    let shown = copy.display();
    let encrypted = is_encrypted(copy)?;
    match (encrypted, to.is_some()) {
        // Already as wanted (e.g. a second run after a failure).
        (true, true) | (false, false) => return Ok(false),
        _ => {}
    }
    let damaged = is_damaged_copy(copy);
    let tmp = match export(copy, from, to) {
        Ok(tmp) => tmp,
        Err(Error::Passphrase(_)) if to.is_none() => return Ok(false),
        Err(e) if to.is_some() => {
            let what = if damaged {
                "it is a raw copy of a damaged database"
            } else {
                "it could not be read"
            };
            return Err(Error::Io(format!(
                "{shown} cannot be encrypted ({what}: {e}), and a plain copy must not stay \
                 behind. Move it off this disk or delete it, then encrypt again; the database \
                 itself was not changed."
            )));
        }
        Err(e) => return Err(e),
    };
    file::install(&tmp, copy, true).inspect_err(|_| file::remove_with_side_files(&tmp))?;
    // A raw damaged copy may have its log next to it, in the old form.
    for suffix in ["-wal", "-journal", "-shm"] {
        let _ = std::fs::remove_file(file::with_suffix(copy, suffix));
    }
    Ok(true)
}

fn is_damaged_copy(copy: &Path) -> bool {
    copy.file_name()
        .map(|n| n.to_string_lossy().ends_with("-damaged.sqlite"))
        .unwrap_or(false)
}

/// Writes the database at `src` (opened with `from`) to a new file next to
/// it, encrypted with `to` (or plain), and checks the copy: schema, the
/// number of rows of every table, `quick_check`. Returns the copy's path.
fn export(src: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<PathBuf> {
    let side = file::SideFiles::before(src);
    let (conn, keyed) = file::open_existing(src, from)?;
    if keyed != from.is_some() {
        side.close_untouched(conn);
        return Err(file::passphrase_needed(src));
    }
    let tmp = temp_name(src);
    let made = export_from(&conn, src, &tmp, to);
    side.close_untouched(conn);
    match made {
        Ok(()) => Ok(tmp),
        Err(e) => {
            file::remove_with_side_files(&tmp);
            Err(e)
        }
    }
}

fn temp_name(path: &Path) -> PathBuf {
    file::folder_of(path).join(format!(
        ".{}.convert-{}",
        file::file_name(path),
        std::process::id()
    ))
}

/// The schema name the converted copy is attached under.
const TARGET: &str = "coachlog_convert";

fn export_from(conn: &Connection, src: &Path, tmp: &Path, to: Option<&Passphrase>) -> Result<()> {
    let shown = src.display().to_string();
    file::remove_with_side_files(tmp);
    let version = file::inspect(conn, &shown, MIGRATIONS, None)?;
    let counts = row_counts(conn, "main").map_err(|e| file::damaged(&shown, e))?;
    let tmp_text = tmp.to_str().ok_or_else(|| {
        Error::Io(format!(
            "the folder of {shown} has a name that is not UTF-8; SQLCipher cannot write there. \
             Move the database to a folder with a plain name."
        ))
    })?;
    // The connection may not create files (no SQLITE_OPEN_CREATE); an empty
    // file is an empty database to SQLite.
    std::fs::File::create(tmp)
        .map_err(|e| Error::Io(format!("cannot write next to {shown}: {e}")))?;
    file::make_private(tmp)?;
    // KEY '' attaches a plain database (SQLCipher's documented form).
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS {TARGET} KEY ?2"),
        [tmp_text, to.map(Passphrase::expose).unwrap_or("")],
    )?;
    let exported = (|| -> Result<()> {
        conn.query_row(&format!("SELECT sqlcipher_export('{TARGET}')"), [], |_| {
            Ok(())
        })?;
        // sqlcipher_export copies the records, not these header fields.
        conn.pragma_update(Some(TARGET), "user_version", version)?;
        conn.pragma_update(
            Some(TARGET),
            "application_id",
            super::schema::APPLICATION_ID,
        )?;
        Ok(())
    })();
    let detached = conn.execute_batch(&format!("DETACH DATABASE {TARGET}"));
    exported?;
    detached?;
    check_copy(tmp, to, version, &counts, &shown)
}

/// Opens the converted copy as a reader would and compares it with the
/// source's row counts.
fn check_copy(
    tmp: &Path,
    key: Option<&Passphrase>,
    version: i64,
    counts: &[(String, i64)],
    shown: &str,
) -> Result<()> {
    let failed = |what: String| {
        Error::Internal(format!(
            "the converted copy of {shown} did not check out ({what}); it was removed and the \
             file was left as it was."
        ))
    };
    let conn = file::open_connection(tmp, false)?;
    if let Some(key) = key {
        file::apply_key(&conn, key)?;
    }
    let found = file::inspect(&conn, shown, MIGRATIONS, None).map_err(|e| failed(e.to_string()))?;
    if found != version {
        return Err(failed(format!("schema version {found}, not {version}")));
    }
    let problems =
        file::run_check(&conn, "PRAGMA quick_check").map_err(|e| failed(e.to_string()))?;
    if let Some(first) = problems.first() {
        return Err(failed(first.clone()));
    }
    let copied = row_counts(&conn, "main").map_err(|e| failed(e.to_string()))?;
    if copied != counts {
        return Err(failed("the number of rows differs".into()));
    }
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(())
}

/// The number of rows of every table of `schema` (by name), virtual tables
/// left out (their shadow tables are counted).
fn row_counts(conn: &Connection, schema: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM \"{schema}\".sqlite_schema WHERE type = 'table' AND rootpage > 0 \
         ORDER BY name"
    ))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        // A table name from the schema itself, quoted as an identifier.
        let quoted = name.replace('"', "\"\"");
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{schema}\".\"{quoted}\""),
            [],
            |r| r.get(0),
        )?;
        out.push((name, n));
    }
    Ok(out)
}

/// Step 3: converts the database itself under an exclusive lock.
fn convert_database(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    fail: FailAt,
) -> Result<()> {
    let shown = path.display().to_string();
    let conn = match backup::hold(path, from) {
        backup::Hold::Locked(conn, keyed) if keyed == from.is_some() => conn,
        backup::Hold::Locked(conn, _) => {
            drop(conn);
            return Err(file::passphrase_needed(path));
        }
        backup::Hold::Busy => {
            return Err(Error::Io(format!(
                "{shown} is open in another program (is the Coachlog app running?). Close it and \
                 try again; nothing was changed."
            )))
        }
        backup::Hold::Unreadable => {
            return Err(Error::Corrupt(format!(
                "{shown} could not be read with an exclusive lock; it was left untouched."
            )))
        }
    };
    let tmp = temp_name(path);
    let result = (|| -> Result<()> {
        export_locked(&conn, path, &tmp, to, fail)?;
        if fail == FailAt::BeforeSwitch {
            return Err(Error::Internal("injected failure before the switch".into()));
        }
        // Fold the log into the old file and stop using one, under the lock,
        // so no log of the old file is left to be replayed into the new one.
        let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::Io(format!(
                "{shown}: SQLite could not fold its write-ahead log (got {mode}); nothing was \
                 changed."
            )));
        }
        for suffix in ["-wal", "-shm", "-journal"] {
            match std::fs::remove_file(file::with_suffix(path, suffix)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::Io(format!(
                        "cannot remove {}: {e}; the database was not converted.",
                        file::with_suffix(path, suffix).display()
                    )))
                }
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
        drop(conn);
        file::remove_with_side_files(&tmp);
        return Err(e);
    }
    let mut held = Some(conn);
    if cfg!(not(unix)) {
        // Elsewhere a file open in this process cannot be replaced.
        drop(held.take());
    }
    let installed = file::install(&tmp, path, true);
    drop(held);
    if installed.is_err() {
        file::remove_with_side_files(&tmp);
    }
    installed
}

fn export_locked(
    conn: &Connection,
    path: &Path,
    tmp: &Path,
    to: Option<&Passphrase>,
    fail: FailAt,
) -> Result<()> {
    export_from(conn, path, tmp, to)?;
    if fail == FailAt::AfterCopy {
        return Err(Error::Internal("injected failure after the copy".into()));
    }
    Ok(())
}
