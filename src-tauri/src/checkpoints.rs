//! Checkpoints of the write-ahead log, in the background.
//!
//! SQLite copies the log into the database file (a checkpoint, with an
//! fsync) inside the commit that finds it over 1,000 pages: about one save in
//! a hundred took ten times as long (docs/performance.md, "One save"). The
//! app's connection defers that to a backstop (`Db::defer_checkpoints`, set
//! by [`crate::state`] whenever it opens the database), and [`start`] spawns
//! a task that checkpoints every [`EVERY`] on a worker thread instead. A
//! PASSIVE checkpoint of an empty log costs next to nothing; a save that
//! arrives during one waits for it, a few milliseconds, once in [`EVERY`].
//! Closing the database at exit checkpoints what is left.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::error::IpcError;
use crate::state::AppState;

/// How often the task checkpoints.
pub const EVERY: Duration = Duration::from_secs(5);

/// One checkpoint of the open database: the pages the log held and how many
/// are now in the file. An error when the database is not open.
pub async fn once(state: &AppState) -> Result<(i64, i64), IpcError> {
    state.read(|db| db.checkpoint()).await
}

/// Starts the checkpoint task. While the database is not open (the window
/// says why) each round fails quietly.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(EVERY).await;
            let _ = once(&app.state::<AppState>()).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use coachlog_core::db::DEFERRED_CHECKPOINT_PAGES;
    use coachlog_core::model::WalkthroughInput;
    use coachlog_core::store::walkthroughs;
    use coachlog_core::Db;

    use super::*;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn the_apps_database_is_checkpointed_by_the_task_not_by_its_saves() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(Db::open(&dir.path().join("c.sqlite"), day()).unwrap());
        tauri::async_runtime::block_on(async {
            // 1,200 pages and more of notes: past SQLite's default of 1,000
            // (a commit would have copied them), past nothing that
            // DEFERRED_CHECKPOINT_PAGES lets through.
            let note = "n".repeat(4_000);
            for t in 0..60_i64 {
                let note = note.clone();
                state
                    .write(move |db| {
                        db.write(|tx| {
                            for i in 0..20_i64 {
                                let day = day() - chrono::Days::new((t * 20 + i) as u64);
                                let input = WalkthroughInput {
                                    findings: note.clone(),
                                    ..WalkthroughInput::new(day, "w")
                                };
                                walkthroughs::insert(tx, &input)?;
                            }
                            Ok(())
                        })
                    })
                    .await
                    .unwrap();
            }
            let (log, copied) = once(&state).await.unwrap();
            assert!(log > 1_000, "{log}");
            assert!(log < DEFERRED_CHECKPOINT_PAGES, "{log}");
            assert_eq!(copied, log);
        });
    }

    #[test]
    fn a_database_that_is_not_open_is_an_error_not_a_panic() {
        let state = AppState::failed(
            "",
            IpcError::new(coachlog_core::ErrorKind::Io, "cannot open"),
        );
        let e = tauri::async_runtime::block_on(once(&state)).unwrap_err();
        assert_eq!(e.message, "cannot open");
    }
}
