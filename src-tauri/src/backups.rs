//! Backups in the app: the automatic ones, "Back up now" and restore — the
//! core's `backup` module on the app's database, off the UI thread.
//!
//! - **Automatic.** [`start`] spawns a task that every [`CHECK_EVERY`] calls
//!   [`automatic`]: `backup::automatic(path, now, changed, key)`, where `changed`
//!   means `Db::total_changes` of the app's connection moved since the last
//!   backup (or since the database was opened). The core makes a verified
//!   copy when one is due — at most every 30 minutes while something
//!   changed — and rotates the rolling set (48 recent, 14 daily, 8 weekly).
//! - **On exit.** When the app's last window has closed, [`on_exit`] runs
//!   the same check once more, so the work of the last half hour is not left
//!   without a backup for longer than the interval allows: a backup is made
//!   if something changed and the last one is 30 minutes old or more. (Not
//!   on every exit: an app opened and closed every few minutes would
//!   otherwise push the older backups out of the 48 recent ones.)
//! - **Now.** [`back_up_now`] makes one whatever the interval, then rotates.
//! - **Restore.** [`restore`] accepts only a file of the database's backups
//!   folder as [`list`] shows it, closes the database, lets the core restore
//!   it (which checks the backup and keeps the current file in the folder),
//!   and reopens it ([`AppState::swap`]).
//!
//! Each runs on a blocking worker thread, one at a time (the state's
//! `maintenance` lock), and reads the file through its own connection:
//! commands keep running while a backup is taken (WAL mode).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use coachlog_core::backup::{self, BackupFile, BackupKind, Restored};
use coachlog_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};

use crate::clock;
use crate::error::IpcError;
use crate::state::AppState;

/// How often the task asks whether an automatic backup is due.
pub const CHECK_EVERY: Duration = Duration::from_secs(120);

/// The Backups section of Settings.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupsInfo {
    /// The backups folder, as shown to the user.
    pub folder: String,
    /// Every backup, newest first.
    pub backups: Vec<BackupFile>,
    /// When this session's last automatic backup was taken, if one was.
    pub last_automatic: Option<DateTime<Utc>>,
    /// Automatic backups are made at most this often while something changed.
    pub interval_minutes: i64,
}

/// Makes an automatic backup at `now` if one is due (see the module
/// documentation). Answers with the backup made, if any.
pub async fn automatic(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Option<BackupFile>, IpcError> {
    if state.startup_error().is_some() {
        return Ok(None);
    }
    state
        .maintain(move |path, key, changes, memory| {
            let changed = changes != memory.changes_at_backup;
            let made = backup::automatic(path, now, changed, key)?;
            if made.is_some() {
                memory.changes_at_backup = changes;
                memory.last_automatic = Some(now);
            }
            Ok(made)
        })
        .await
}

/// Makes a backup at `now` whatever the interval, and rotates the set.
pub async fn back_up_now(state: &AppState, now: DateTime<Utc>) -> Result<BackupFile, IpcError> {
    if let Some(e) = state.startup_error() {
        return Err(e);
    }
    state
        .maintain(move |path, key, changes, memory| {
            let made = backup::create(path, now, key)?;
            backup::rotate(path, now, backup::RETENTION)?;
            memory.changes_at_backup = changes;
            Ok(made)
        })
        .await
}

/// The backups of the database, newest first — also when it could not be
/// opened (its path is known), so a damaged file can be restored.
pub async fn list(state: &AppState) -> Result<BackupsInfo, IpcError> {
    let last_automatic = state.backup_memory().last_automatic;
    state
        .maintain(move |path, _, _, _| {
            Ok(BackupsInfo {
                folder: backup::folder(path).display().to_string(),
                backups: backup::list(path)?,
                last_automatic,
                interval_minutes: backup::INTERVAL_MINUTES,
            })
        })
        .await
}

/// Replaces the database with the backup `file` (one of [`list`]'s), at
/// `now`; the database is closed for it and opened again (as of `today`).
pub async fn restore(
    state: &AppState,
    file: String,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Restored, IpcError> {
    let chosen = state
        .maintain(move |path, _, _, _| listed_backup(path, &file))
        .await?;
    state
        .swap(today, move |path, key| {
            backup::restore(path, &chosen, now, key.as_ref()).map_err(IpcError::from)
        })
        .await
}

/// `file` if it is one of the database's restorable backups; refused
/// otherwise, so the command cannot be pointed at any other file.
fn listed_backup(db_path: &Path, file: &str) -> Result<PathBuf, IpcError> {
    let wanted = Path::new(file);
    let found = backup::list(db_path)?
        .into_iter()
        .find(|b| b.path == wanted)
        .ok_or_else(|| {
            IpcError::new(
                ErrorKind::NotFound,
                format!(
                    "{file} is not one of the backups in {}; choose one from the list.",
                    backup::folder(db_path).display()
                ),
            )
        })?;
    if found.kind == BackupKind::Damaged {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            format!(
                "{file} is the raw copy of a damaged database, kept for rescue attempts; it \
                 cannot be restored as it is. Choose another backup."
            ),
        ));
    }
    Ok(found.path)
}

/// Starts the automatic backup task: every [`CHECK_EVERY`]. Does nothing
/// while the database is not open (the window says why).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(CHECK_EVERY).await;
            let state = app.state::<AppState>();
            if let Err(e) = automatic(&state, clock::now_utc()).await {
                eprintln!("coachlog: the automatic backup failed: {e}");
            }
        }
    });
}

/// The last automatic backup, when the app exits (see the module
/// documentation). Blocks the calling thread: the window is gone by then.
pub fn on_exit<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if let Err(e) = tauri::async_runtime::block_on(automatic(&state, clock::now_utc())) {
        eprintln!("coachlog: the backup at exit failed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use coachlog_core::{settings, Db};

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    async fn change(state: &AppState, value: &'static str) {
        state
            .write(move |db| db.write(|tx| settings::set(tx, "notify_at", value).map(|_| ())))
            .await
            .unwrap();
    }

    #[test]
    fn automatic_backups_follow_changes_and_the_interval() {
        let dir = tempfile::tempdir().unwrap();
        let today = "2026-11-27".parse().unwrap();
        let state = AppState::new(Db::open(&dir.path().join("c.sqlite"), today).unwrap());
        let t0 = at("2026-11-27T09:00:00Z");
        let minutes = |m| t0 + TimeDelta::minutes(m);
        tauri::async_runtime::block_on(async {
            // Nothing changed since the database was opened: no backup.
            assert_eq!(automatic(&state, t0).await.unwrap(), None);
            change(&state, "10:00").await;
            let first = automatic(&state, t0).await.unwrap().expect("a backup");
            assert_eq!(first.taken_at, t0);
            assert_eq!(state.backup_memory().last_automatic, Some(t0));
            // Nothing changed since that backup.
            assert_eq!(automatic(&state, minutes(10)).await.unwrap(), None);
            // Changed, but the last backup is not 30 minutes old: later.
            change(&state, "11:00").await;
            assert_eq!(automatic(&state, minutes(20)).await.unwrap(), None);
            let second = automatic(&state, minutes(35)).await.unwrap().unwrap();
            assert_eq!(second.taken_at, minutes(35));
            // "Back up now" ignores the interval and counts as a backup.
            change(&state, "12:00").await;
            let now = back_up_now(&state, minutes(36)).await.unwrap();
            assert_eq!(automatic(&state, minutes(90)).await.unwrap(), None);
            let info = list(&state).await.unwrap();
            assert_eq!(info.backups, vec![now, second, first]);
            assert_eq!(info.last_automatic, Some(minutes(35)));
            assert_eq!(info.interval_minutes, 30);
        });
    }

    #[test]
    fn an_in_memory_database_has_no_backups() {
        let today = "2026-11-27".parse().unwrap();
        let state = AppState::new(Db::open_in_memory(today).unwrap());
        let e = tauri::async_runtime::block_on(list(&state)).unwrap_err();
        assert_eq!(e.kind, "invalid");
        assert!(e.message.contains("no file to back up"), "{e}");
    }
}
