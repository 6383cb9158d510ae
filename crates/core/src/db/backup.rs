//! Backups: automatic, verified, rolling copies of the database, and restore.
//!
//! A backup is a copy of the database written with SQLite's online backup
//! API ([`create`]): one consistent moment of the file, made self-contained
//! (rollback-journal mode, no `-wal`), checked with `PRAGMA quick_check`
//! and flushed to disk under a temporary name before it gets its own. The
//! copies live in a `backups/` folder next to the database, named after the
//! database and the UTC time passed in: `coachlog-20261127T093000Z.sqlite`
//! for `coachlog.sqlite` (a second one in the same second gets `-2`).
//!
//! **When.** Before an import (the front end calls [`before_import`]), before a
//! migration ([`crate::Db::open`] writes `coachlog.sqlite.v1-….backup` next
//! to the file), on demand (`coachlog backup`), and automatically at most
//! every [`INTERVAL_MINUTES`] while something changed: the core cannot read
//! the clock, so the front end asks [`due`] (or calls [`automatic`]) with
//! the time of the last backup, now, and whether anything changed — the
//! CLI after each command that wrote, the desktop shell from a timer.
//!
//! **Never blocking the UI.** [`create`] opens its own connection to the
//! file and copies inside one read transaction in steps: in WAL mode a
//! reader never blocks the writer, so the app keeps saving while a backup
//! runs. The desktop shell runs it on a blocking thread
//! (`tauri::async_runtime::spawn_blocking`), never on the thread that
//! serves IPC commands and never holding the lock of the app's own `Db`.
//!
//! **Rolling set.** After each automatic or manual backup, [`rotate`]
//! deletes what the pure function [`to_delete`] selects under [`RETENTION`]:
//! the 48 most recent, the newest of each of the last 14 days and the
//! newest of each of the last 8 weeks are kept. Safety copies made by
//! [`restore`] (`…-before-restore.sqlite`, `…-damaged.sqlite`) are never
//! deleted automatically.
//!
//! **Restore.** [`restore`] checks the backup (header, `application_id`,
//! schema version and tables, `quick_check`), copies it next to the
//! database, takes an exclusive lock on the database (so it refuses while
//! the app has the file open), keeps a copy of the current file in
//! `backups/`, and renames the restored copy over the database — one atomic
//! step; a stale `-wal` of the old file is removed so it cannot be replayed
//! into the restored one.
//!
//! **Encrypted databases.** Every function that opens a database takes the
//! passphrase (`key`, e.g. [`crate::Db::key`]); the backups of an encrypted
//! database are encrypted with the same passphrase (see [`crate::crypto`]),
//! and a plain file is opened as is whatever the key.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::file;
use super::passphrase::Passphrase;
use super::schema::MIGRATIONS;
use crate::error::{Error, Result};

/// The folder next to the database that holds its backups.
pub const FOLDER: &str = "backups";

/// Automatic backups are made at most this often (while something changed).
pub const INTERVAL_MINUTES: i64 = 30;

/// How many backups of the rolling set [`rotate`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Retention {
    /// The most recent backups, whenever they were made.
    pub recent: usize,
    /// The newest backup of each of this many UTC days, ending today.
    pub daily: usize,
    /// The newest backup of each of this many ISO weeks (Monday to Sunday,
    /// UTC), ending with this week.
    pub weekly: usize,
}

/// The rolling set Coachlog keeps: 48 recent, 14 daily, 8 weekly — at most
/// 70 files, about a day of work at full detail and two months in all.
pub const RETENTION: Retention = Retention {
    recent: 48,
    daily: 14,
    weekly: 8,
};

/// What a file in `backups/` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// A backup of the rolling set (automatic or `coachlog backup`).
    Rolling,
    /// The database as it was just before a restore replaced it (a verified
    /// copy; restorable).
    BeforeRestore,
    /// A raw copy of a damaged database that a restore replaced (kept for
    /// rescue attempts; not restorable as is).
    Damaged,
}

/// One file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupFile {
    /// Where it is.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub path: PathBuf,
    /// When it was taken (from its name).
    pub taken_at: DateTime<Utc>,
    /// Its size in bytes.
    pub bytes: u64,
    /// What it is.
    pub kind: BackupKind,
    /// The `-N` of a second backup in the same second (1 for the first).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    seq: u32,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Restored {
    /// The database file that was replaced.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub database: PathBuf,
    /// The backup it was replaced with.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub restored_from: PathBuf,
    /// The backup's schema version (an older one is upgraded at next open).
    pub schema_version: i64,
    /// The copy of the replaced file, if there was one.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub safety_copy: Option<PathBuf>,
}

/// Whether an automatic backup is due: something `changed` since the last
/// backup and there is none yet, or the last one is at least
/// [`INTERVAL_MINUTES`] old. A last backup "in the future" (the clock was
/// turned back) counts as due, so backups do not stop.
pub fn due(last: Option<DateTime<Utc>>, now: DateTime<Utc>, changed: bool) -> bool {
    if !changed {
        return false;
    }
    match last {
        None => true,
        Some(last) => now < last || now - last >= TimeDelta::minutes(INTERVAL_MINUTES),
    }
}

/// The rolling set's retention: given when each backup was taken and now,
/// the indexes (ascending) of the backups to delete.
///
/// Kept: the `recent` newest; for each UTC day among the `daily` days ending
/// with now's, the newest backup of that day; for each ISO week among the
/// `weekly` weeks ending with now's, the newest of that week. Of equal
/// times, the one earlier in `stamps` counts as newer. Applying it again to
/// what it keeps deletes nothing.
pub fn to_delete(stamps: &[DateTime<Utc>], now: DateTime<Utc>, keep: Retention) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stamps.len()).collect();
    order.sort_by(|&a, &b| stamps[b].cmp(&stamps[a]).then(a.cmp(&b)));
    let mut kept = vec![false; stamps.len()];
    for &i in order.iter().take(keep.recent) {
        kept[i] = true;
    }
    let today = now.date_naive();
    let this_week = monday(today);
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<NaiveDate> = Vec::new();
    for &i in &order {
        let day = stamps[i].date_naive();
        if day <= today && (today - day).num_days() < keep.daily as i64 && !days.contains(&day) {
            days.push(day);
            kept[i] = true;
        }
        let week = monday(day);
        if week <= this_week
            && (this_week - week).num_weeks() < keep.weekly as i64
            && !weeks.contains(&week)
        {
            weeks.push(week);
            kept[i] = true;
        }
    }
    (0..stamps.len()).filter(|&i| !kept[i]).collect()
}

fn monday(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The backups folder of the database at `db_path`.
pub fn folder(db_path: &Path) -> PathBuf {
    file::folder_of(db_path).join(FOLDER)
}

/// The database's file name without its extension: the backups' prefix.
fn stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "coachlog".into())
}

const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// The name of a rolling backup of `db_path` taken at `at`:
/// `coachlog-20261127T093000Z.sqlite` for `coachlog.sqlite`.
pub fn file_name(db_path: &Path, at: DateTime<Utc>) -> String {
    name_for(&stem(db_path), at, 1, BackupKind::Rolling)
}

fn name_for(stem: &str, at: DateTime<Utc>, seq: u32, kind: BackupKind) -> String {
    let seq = if seq > 1 {
        format!("-{seq}")
    } else {
        String::new()
    };
    let label = match kind {
        BackupKind::Rolling => "",
        BackupKind::BeforeRestore => "-before-restore",
        BackupKind::Damaged => "-damaged",
    };
    format!("{stem}-{}{seq}{label}.sqlite", at.format(STAMP))
}

/// Reads a backup's name back: its time, its `-N` and its kind.
fn parse_name(stem: &str, name: &str) -> Option<(DateTime<Utc>, u32, BackupKind)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".sqlite")?;
    if rest.len() < 16 || !rest.is_char_boundary(16) {
        return None;
    }
    let (stamp, tail) = rest.split_at(16);
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let (tail, kind) = if let Some(t) = tail.strip_suffix("-before-restore") {
        (t, BackupKind::BeforeRestore)
    } else if let Some(t) = tail.strip_suffix("-damaged") {
        (t, BackupKind::Damaged)
    } else {
        (tail, BackupKind::Rolling)
    };
    let seq = match tail {
        "" => 1,
        t => {
            let digits = t.strip_prefix('-')?;
            if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.parse::<u32>().ok().filter(|n| *n >= 2)?
        }
    };
    Some((at, seq, kind))
}

/// Every backup of the database at `db_path`, newest first (none when the
/// folder does not exist).
pub fn list(db_path: &Path) -> Result<Vec<BackupFile>> {
    let dir = folder(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Io(format!(
                "cannot read the backups folder {}: {e}",
                dir.display()
            )))
        }
    };
    let stem = stem(db_path);
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, seq, kind)) = parse_name(&stem, &name) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        out.push(BackupFile {
            path: entry.path(),
            taken_at,
            bytes: meta.len(),
            kind,
            seq,
        });
    }
    out.sort_by(|a, b| {
        (b.taken_at, b.seq, b.path.as_os_str()).cmp(&(a.taken_at, a.seq, a.path.as_os_str()))
    });
    Ok(out)
}

/// The newest backup of the rolling set, if any.
pub fn latest(db_path: &Path) -> Result<Option<BackupFile>> {
    Ok(list(db_path)?
        .into_iter()
        .find(|b| b.kind == BackupKind::Rolling))
}

/// A name in the backups folder that is not taken yet.
fn free_path(db_path: &Path, at: DateTime<Utc>, kind: BackupKind) -> (PathBuf, u32) {
    let dir = folder(db_path);
    let stem = stem(db_path);
    let mut seq = 1;
    loop {
        let path = dir.join(name_for(&stem, at, seq, kind));
        if !path.exists() {
            return (path, seq);
        }
        seq += 1;
    }
}

fn make_folder(db_path: &Path) -> Result<()> {
    let dir = folder(db_path);
    file::create_private_folder(&dir).map_err(|e| {
        Error::Io(format!(
            "cannot create the backups folder {}: {e}",
            dir.display()
        ))
    })
}

/// Makes a verified backup of the database at `db_path` now (`at`, UTC),
/// into the backups folder, without opening it as a [`crate::Db`] (no
/// migration) and through its own connection, so it may run on another
/// thread while the app keeps writing. The database must be a usable
/// Coachlog file; it is only read. `key`: its passphrase, if it is
/// encrypted (the backup is encrypted with it too).
pub fn create(db_path: &Path, at: DateTime<Utc>, key: Option<&Passphrase>) -> Result<BackupFile> {
    let shown = db_path.display().to_string();
    let hint = |e: Error| with_restore_hint(e, db_path);
    // Metadata only: the app may have the file open, and reading it with
    // plain file I/O would release its locks (POSIX). SQLite reads the rest.
    if !file::check_path(db_path).map_err(hint)? {
        return Err(Error::not_found(format!(
            "There is no database at {shown} to back up."
        )));
    }
    let side = file::SideFiles::before(db_path);
    let (conn, keyed) = file::open_existing(db_path, key)?;
    let key = if keyed { key } else { None };
    let made = (|| {
        file::inspect(&conn, &shown, MIGRATIONS, None).map_err(hint)?;
        make_folder(db_path)?;
        let (target, seq) = free_path(db_path, at, BackupKind::Rolling);
        let bytes = file::copy_database(&conn, &target, key).map_err(|e| match e {
            Error::Corrupt(m) => hint(Error::Corrupt(format!(
                "{shown} could not be backed up: {m} The database was left untouched."
            ))),
            other => other,
        })?;
        Ok(BackupFile {
            path: target,
            taken_at: at,
            bytes,
            kind: BackupKind::Rolling,
            seq,
        })
    })();
    if made.is_err() {
        side.close_untouched(conn);
    }
    made
}

/// The backup before an import: of the database at `db_path` if the file
/// exists (an import only goes into an empty database, but a file given by
/// mistake is kept this way too). Front ends call it before
/// [`crate::interchange::import`]; a failure should stop the import.
pub fn before_import(
    db_path: &Path,
    at: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<Option<BackupFile>> {
    if !file::check_path(db_path)? {
        return Ok(None);
    }
    create(db_path, at, key).map(Some)
}

/// Deletes the backups of the rolling set that [`to_delete`] selects;
/// returns the files deleted.
pub fn rotate(db_path: &Path, now: DateTime<Utc>, keep: Retention) -> Result<Vec<PathBuf>> {
    let rolling: Vec<BackupFile> = list(db_path)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Rolling)
        .collect();
    let stamps: Vec<DateTime<Utc>> = rolling.iter().map(|b| b.taken_at).collect();
    let mut deleted = Vec::new();
    for i in to_delete(&stamps, now, keep) {
        let path = &rolling[i].path;
        std::fs::remove_file(path).map_err(|e| {
            Error::Io(format!(
                "cannot delete the old backup {}: {e}",
                path.display()
            ))
        })?;
        deleted.push(path.clone());
    }
    Ok(deleted)
}

/// The automatic backup: when [`due`] (given the newest backup's time), makes
/// one with [`create`] and rotates the set. Returns the new backup, if made.
pub fn automatic(
    db_path: &Path,
    now: DateTime<Utc>,
    changed: bool,
    key: Option<&Passphrase>,
) -> Result<Option<BackupFile>> {
    if !changed {
        return Ok(None);
    }
    let last = latest(db_path)?.map(|b| b.taken_at);
    if !due(last, now, changed) {
        return Ok(None);
    }
    let made = create(db_path, now, key)?;
    rotate(db_path, now, RETENTION)?;
    Ok(Some(made))
}

/// Checks that `file` is a usable Coachlog database this program can open
/// (header, `application_id`, schema version and tables, `quick_check`);
/// returns its schema version. Reads only. `key`: its passphrase, if it is
/// encrypted.
pub fn verify(file: &Path, key: Option<&Passphrase>) -> Result<i64> {
    let shown = file.display().to_string();
    if !file::check_file(file, key)? {
        return Err(Error::not_found(format!("{shown} does not exist.")));
    }
    let side = file::SideFiles::before(file);
    let (conn, _) = file::open_existing(file, key)?;
    let checked = (|| {
        let version = file::inspect(&conn, &shown, MIGRATIONS, None)?;
        let problems =
            file::run_check(&conn, "PRAGMA quick_check").map_err(|e| file::damaged(&shown, e))?;
        if let Some(first) = problems.first() {
            return Err(Error::Corrupt(format!(
                "{shown} is damaged: SQLite's check found a problem ({}).",
                first.trim()
            )));
        }
        Ok(version)
    })();
    side.close_untouched(conn);
    checked
}

/// Replaces the database at `db_path` with the backup `from`, at `at` (UTC,
/// which names the safety copy).
///
/// Refused, with nothing changed, when `from` is not a valid Coachlog
/// backup this program can open, or while another program (the app) has
/// the database open. The current file, if any, is first copied into the
/// backups folder: a verified `…-before-restore.sqlite` copy, or — when it
/// is too damaged for SQLite to read — a raw `…-damaged.sqlite` copy with
/// its `-wal`. Then the checked copy of the backup is renamed over the
/// database in one step. A backup of an older schema is upgraded the next
/// time the database is opened.
///
/// `key`: the passphrase of the backup and of the current database when
/// they are encrypted (a plain one is opened as is). The restored database
/// is encrypted as the backup is.
pub fn restore(
    db_path: &Path,
    from: &Path,
    at: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<Restored> {
    let shown_from = from.display().to_string();
    let invalid = |e: Error| match e {
        Error::Corrupt(m) => Error::Corrupt(format!(
            "{shown_from} is not a valid Coachlog backup, so nothing was restored and nothing \
             was changed: {m}"
        )),
        e @ Error::SchemaTooNew { .. } => Error::Corrupt(format!(
            "{shown_from} is not a backup this Coachlog can restore, so nothing was changed: {e}"
        )),
        other => other,
    };
    if !file::check_file(from, key).map_err(invalid)? {
        return Err(Error::not_found(format!(
            "{shown_from} does not exist; `coachlog backups` lists the backups."
        )));
    }
    if same_file(from, db_path) {
        return Err(Error::invalid(format!(
            "{shown_from} is the database itself; choose a backup to restore."
        )));
    }
    let dir = file::folder_of(db_path);
    if !dir.is_dir() {
        return Err(Error::Io(format!(
            "cannot restore to {}: the folder does not exist.",
            db_path.display()
        )));
    }
    // The backup is only read: closed without a checkpoint into it.
    let side = file::SideFiles::before(from);
    let (src, keyed) = file::open_existing(from, key)?;
    let src_key = if keyed { key } else { None };
    let tmp = dir.join(format!(
        ".{}.restore-{}",
        file::file_name(db_path),
        std::process::id()
    ));
    let copied = (|| -> Result<i64> {
        let version = file::inspect(&src, &shown_from, MIGRATIONS, None).map_err(invalid)?;
        let _ = std::fs::remove_file(&tmp);
        file::copy_database(&src, &tmp, src_key).map_err(invalid)?;
        Ok(version)
    })();
    side.close_untouched(src);
    let version = copied?;
    match replace(db_path, &tmp, at, key) {
        Ok(safety_copy) => Ok(Restored {
            database: db_path.to_path_buf(),
            restored_from: from.to_path_buf(),
            schema_version: version,
            safety_copy,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// How [`restore`] got hold of the current database.
pub(crate) enum Hold {
    /// An exclusive lock: no other connection has the file open; with the
    /// key if the file needed it.
    Locked(Connection, bool),
    /// Another connection has it open.
    Busy,
    /// SQLite cannot read it (damaged beyond opening, or not a database).
    Unreadable,
}

/// [`hold_as`] with `key` if it opens the file, else without a key.
pub(crate) fn hold(db_path: &Path, key: Option<&Passphrase>) -> Hold {
    if key.is_some() {
        match hold_as(db_path, key) {
            Hold::Unreadable => {}
            held => return held,
        }
    }
    hold_as(db_path, None)
}

fn hold_as(db_path: &Path, key: Option<&Passphrase>) -> Hold {
    use rusqlite::ffi::ErrorCode;
    let Ok(conn) = Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return Hold::Unreadable;
    };
    // Whatever happens, closing this connection must not checkpoint a log
    // into a file that may be damaged (the safety copy is taken as it is).
    if conn
        .set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .and_then(|_| match key {
            Some(k) => file::apply_key(&conn, k).map_err(|_| rusqlite::Error::InvalidQuery),
            None => Ok(()),
        })
        .and_then(|()| conn.busy_timeout(std::time::Duration::from_secs(1)))
        .and_then(|()| conn.pragma_update(None, "locking_mode", "EXCLUSIVE"))
        .is_err()
    {
        return Hold::Unreadable;
    }
    match conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;") {
        Ok(()) => Hold::Locked(conn, key.is_some()),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
        {
            Hold::Busy
        }
        Err(_) => Hold::Unreadable,
    }
}

/// Keeps a copy of the current database and renames `tmp` over it.
fn replace(
    db_path: &Path,
    tmp: &Path,
    at: DateTime<Utc>,
    key: Option<&Passphrase>,
) -> Result<Option<PathBuf>> {
    let side = |s: &str| file::with_suffix(db_path, s);
    let present = db_path.exists() || side("-wal").exists() || side("-journal").exists();
    let mut held = None;
    let safety = if present {
        match hold(db_path, key) {
            Hold::Busy => {
                return Err(Error::Io(format!(
                    "{} is open in another program (is the Coachlog app running?). Close it and \
                     restore again; nothing was changed.",
                    db_path.display()
                )))
            }
            Hold::Locked(conn, keyed) => {
                make_folder(db_path)?;
                let (target, _) = free_path(db_path, at, BackupKind::BeforeRestore);
                match file::copy_database(&conn, &target, if keyed { key } else { None }) {
                    Ok(_) => {
                        // Fold the WAL into the old file and stop using one,
                        // under the lock; keep the connection (and the lock)
                        // until the rename, unless that failed and it might
                        // still delete a -wal by name when it closes.
                        let folded = conn
                            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                                r.get::<_, String>(0)
                            })
                            .map(|m| m.eq_ignore_ascii_case("delete"))
                            .unwrap_or(false);
                        if folded {
                            held = Some(conn);
                        }
                        Some(target)
                    }
                    Err(Error::Corrupt(_)) => {
                        // Damaged, but SQLite could lock it. The raw copy
                        // reads the file with plain I/O, which would release
                        // the lock anyway (POSIX): close first.
                        drop(conn);
                        Some(raw_copy(db_path, at)?)
                    }
                    Err(e) => return Err(e),
                }
            }
            Hold::Unreadable => {
                make_folder(db_path)?;
                Some(raw_copy(db_path, at)?)
            }
        }
    } else {
        None
    };
    // The old file's logs must not be replayed into the restored one.
    for s in ["-wal", "-shm", "-journal"] {
        match std::fs::remove_file(side(s)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::Io(format!(
                    "cannot remove {}: {e}; nothing was restored.",
                    side(s).display()
                )))
            }
        }
    }
    if cfg!(not(unix)) {
        // Elsewhere a file open in this process cannot be replaced.
        drop(held.take());
    }
    file::install(tmp, db_path, true)?;
    drop(held);
    Ok(safety)
}

/// Copies the damaged database's bytes (and its -wal and -journal, if any)
/// into the backups folder as `…-damaged.sqlite`.
fn raw_copy(db_path: &Path, at: DateTime<Utc>) -> Result<PathBuf> {
    let (target, _) = free_path(db_path, at, BackupKind::Damaged);
    for s in ["", "-wal", "-journal"] {
        let source = file::with_suffix(db_path, s);
        if !source.exists() {
            continue;
        }
        let dest = file::with_suffix(&target, s);
        std::fs::copy(&source, &dest)
            .and_then(|_| {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o600))?;
                }
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(&dest)?
                    .sync_all()
            })
            .map_err(|e| {
                Error::Io(format!(
                    "cannot copy {} to {}: {e}; nothing was restored.",
                    source.display(),
                    dest.display()
                ))
            })?;
    }
    file::sync_folder(&folder(db_path));
    Ok(target)
}

/// Adds the way out to a refusal: the latest backup and how to restore it.
pub(crate) fn with_restore_hint(e: Error, path: &Path) -> Error {
    match e {
        // A file that looks encrypted may be a damaged one too.
        Error::Passphrase(m) => match latest(path) {
            Ok(Some(b)) => Error::Passphrase(format!(
                "{m} If it is damaged, the latest backup, from {}, is {}: restore it with \
                 `coachlog restore --latest`, which keeps a copy of this file first.",
                b.taken_at.format("%Y-%m-%d %H:%M UTC"),
                b.path.display()
            )),
            _ => Error::Passphrase(m),
        },
        Error::Corrupt(m) => {
            let hint = match latest(path) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn due_needs_a_change_and_thirty_minutes() {
        let now = t("2026-11-27T10:00:00Z");
        let cases = [
            (None, false, false),
            (None, true, true),
            (Some("2026-11-27T09:30:00Z"), true, true),
            (Some("2026-11-27T09:30:01Z"), true, false),
            (Some("2026-11-27T09:59:59Z"), true, false),
            (Some("2026-11-27T09:00:00Z"), false, false),
            (Some("2026-11-20T09:00:00Z"), true, true),
            // The clock was turned back: keep backing up.
            (Some("2026-11-28T09:00:00Z"), true, true),
        ];
        for (last, changed, want) in cases {
            assert_eq!(due(last.map(t), now, changed), want, "{last:?} {changed}");
        }
    }

    fn kept(stamps: &[DateTime<Utc>], now: DateTime<Utc>, keep: Retention) -> Vec<DateTime<Utc>> {
        let gone = to_delete(stamps, now, keep);
        (0..stamps.len())
            .filter(|i| !gone.contains(i))
            .map(|i| stamps[i])
            .collect()
    }

    #[test]
    fn retention_keeps_everything_while_the_set_is_small() {
        let now = t("2026-11-27T10:00:00Z");
        let stamps: Vec<_> = (0..48).map(|i| now - TimeDelta::days(i * 30)).collect();
        assert!(to_delete(&stamps, now, RETENTION).is_empty());
        assert!(to_delete(&[], now, RETENTION).is_empty());
    }

    #[test]
    fn retention_keeps_recent_daily_and_weekly() {
        let keep = Retention {
            recent: 3,
            daily: 2,
            weekly: 2,
        };
        // Thursday 2026-11-26 and the days before.
        let now = t("2026-11-26T18:00:00Z");
        let stamps = [
            t("2026-11-26T17:00:00Z"), // recent
            t("2026-11-26T16:30:00Z"), // recent
            t("2026-11-26T16:00:00Z"), // recent
            t("2026-11-26T15:00:00Z"), // deleted: not the newest of the day
            t("2026-11-25T20:00:00Z"), // newest of yesterday
            t("2026-11-25T10:00:00Z"), // deleted
            t("2026-11-24T23:00:00Z"), // deleted: outside 2 days; same week as now
            t("2026-11-22T12:00:00Z"), // Sunday: newest of last week
            t("2026-11-17T12:00:00Z"), // deleted: last week, older
            t("2026-11-15T12:00:00Z"), // deleted: three weeks ago
        ];
        assert_eq!(to_delete(&stamps, now, keep), vec![3, 5, 6, 8, 9]);
        // Order does not matter.
        let mut reversed = stamps.to_vec();
        reversed.reverse();
        let mut a = kept(&stamps, now, keep);
        let mut b = kept(&reversed, now, keep);
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn retention_of_equal_times_keeps_the_first_listed() {
        let now = t("2026-11-26T18:00:00Z");
        let same = t("2026-11-26T17:00:00Z");
        let keep = Retention {
            recent: 1,
            daily: 1,
            weekly: 1,
        };
        assert_eq!(to_delete(&[same, same, same], now, keep), vec![1, 2]);
    }

    #[test]
    fn retention_keeps_future_backups_as_recent_only() {
        let now = t("2026-11-26T18:00:00Z");
        let keep = Retention {
            recent: 1,
            daily: 1,
            weekly: 1,
        };
        let stamps = [
            t("2026-12-30T00:00:00Z"),
            t("2026-12-29T00:00:00Z"),
            t("2026-11-26T10:00:00Z"),
        ];
        assert_eq!(to_delete(&stamps, now, keep), vec![1]);
    }

    /// A year of work: a backup every 30 minutes during office hours on
    /// weekdays, rotated after each one, as the app does.
    #[test]
    fn a_year_of_rotation_stays_bounded_and_spread() {
        let start = t("2026-01-05T08:00:00Z"); // a Monday
        let mut set: Vec<DateTime<Utc>> = Vec::new();
        let mut now = start;
        let end = start + TimeDelta::days(365);
        let mut most = 0;
        while now < end {
            let office = now.weekday().num_days_from_monday() < 5
                && (8..18).contains(&chrono::Timelike::hour(&now));
            if office {
                set.push(now);
                let gone = to_delete(&set, now, RETENTION);
                set = (0..set.len())
                    .filter(|i| !gone.contains(i))
                    .map(|i| set[i])
                    .collect();
                // Rotating again changes nothing.
                assert!(to_delete(&set, now, RETENTION).is_empty());
                most = most.max(set.len());
            }
            now += TimeDelta::minutes(30);
        }
        assert!(most <= 48 + 14 + 8, "{most}");
        let now = *set.iter().max().unwrap();
        set.sort();
        set.reverse();
        // The 48 most recent are every half hour of the last working days.
        for pair in set[..48].windows(2) {
            let gap = pair[0] - pair[1];
            assert!(gap == TimeDelta::minutes(30) || gap >= TimeDelta::hours(14));
        }
        // One per day for the last 14 days (weekdays only had backups)...
        let days: std::collections::BTreeSet<NaiveDate> = set
            .iter()
            .map(|s| s.date_naive())
            .filter(|d| (now.date_naive() - *d).num_days() < 14)
            .collect();
        assert_eq!(days.len(), 10);
        // ...and one per week for 8 weeks: the oldest kept is the newest of
        // the week seven weeks before this one.
        let weeks: std::collections::BTreeSet<NaiveDate> =
            set.iter().map(|s| monday(s.date_naive())).collect();
        assert_eq!(weeks.len(), 8);
        let oldest = *set.last().unwrap();
        assert_eq!(
            monday(now.date_naive()) - monday(oldest.date_naive()),
            TimeDelta::weeks(7)
        );
    }

    #[test]
    fn names_carry_the_utc_time_and_read_back() {
        let at = t("2026-11-27T09:30:00Z");
        let db = Path::new("/data/coachlog.sqlite");
        assert_eq!(file_name(db, at), "coachlog-20261127T093000Z.sqlite");
        assert_eq!(
            name_for("team", at, 3, BackupKind::BeforeRestore),
            "team-20261127T093000Z-3-before-restore.sqlite"
        );
        for (seq, kind) in [
            (1, BackupKind::Rolling),
            (2, BackupKind::Rolling),
            (1, BackupKind::BeforeRestore),
            (12, BackupKind::Damaged),
        ] {
            let name = name_for("coachlog", at, seq, kind);
            assert_eq!(
                parse_name("coachlog", &name),
                Some((at, seq, kind)),
                "{name}"
            );
        }
        for name in [
            "coachlog-20261127T093000Z.sqlite-wal",
            "coachlog-20261127T093000Z-1.sqlite",
            "coachlog-20261127T093000Z-02.sqlite",
            "coachlog-20261127T093000Z-x.sqlite",
            "coachlog-20261327T093000Z.sqlite",
            "coachlog-2-20261127T093000Z.sqlite",
            "other-20261127T093000Z.sqlite",
            ".coachlog-20261127T093000Z.sqlite.partial-1",
            "coachlog-20261127T093000Z",
        ] {
            assert_eq!(parse_name("coachlog", name), None, "{name}");
        }
    }
}
