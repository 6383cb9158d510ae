//! The app's state: the one open database, or why it could not be opened.
//!
//! **Invariant:** database work never runs on the main (UI) thread. Every
//! command goes through [`AppState::read`] or [`AppState::write`], which take
//! the database's lock on a blocking worker thread
//! (`tauri::async_runtime::spawn_blocking`), so the window stays responsive
//! while a command runs.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use coachlog_core::{Db, ErrorKind};

use crate::error::IpcError;

/// Environment variable naming the database file (overrides the default).
pub const DB_ENV: &str = "COACHLOG_DB";

/// The database file's name inside the data folder.
pub const DB_FILE: &str = "coachlog.sqlite";

/// What every command works on.
pub struct AppState {
    db: Result<Arc<Mutex<Db>>, IpcError>,
    db_path: String,
}

impl AppState {
    /// State over an already open database (tests use this with a
    /// temporary file).
    pub fn new(db: Db) -> AppState {
        let db_path = db
            .path()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        AppState {
            db: Ok(Arc::new(Mutex::new(db))),
            db_path,
        }
    }

    /// State for a database that could not be opened: the app still starts,
    /// [`crate::commands::app_info`] reports `error`, and every other command
    /// answers with it. Nothing falls back to another database.
    pub fn failed(db_path: impl Into<String>, error: IpcError) -> AppState {
        AppState {
            db: Err(error),
            db_path: db_path.into(),
        }
    }

    /// Opens (creating or migrating) the database at `path`, or keeps the
    /// reason it failed.
    pub fn open(path: Result<PathBuf, IpcError>, today: NaiveDate) -> AppState {
        match path {
            Err(e) => AppState::failed("", e),
            Ok(path) => match Db::open(&path, today) {
                Ok(db) => AppState::new(db),
                Err(e) => AppState::failed(path.display().to_string(), e.into()),
            },
        }
    }

    /// The database file as shown to the user.
    pub fn db_path(&self) -> &str {
        &self.db_path
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<&IpcError> {
        self.db.as_ref().err()
    }

    /// Runs a read on a worker thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> coachlog_core::Result<T> + Send + 'static,
    {
        self.run(move |db| f(db)).await
    }

    /// Runs a write on a worker thread; `f` calls [`Db::write`], so the write
    /// is one transaction.
    pub async fn write<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> coachlog_core::Result<T> + Send + 'static,
    {
        self.run(f).await
    }

    async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> coachlog_core::Result<T> + Send + 'static,
    {
        let db = self.db.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic inside a write drops its transaction (a rollback), so
            // the database behind a poisoned lock is still consistent.
            let mut db = db.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut db)
        })
        .await
        .map_err(|e| IpcError::internal(format!("a database task failed: {e}")))?
        .map_err(IpcError::from)
    }
}

/// The database file: `$COACHLOG_DB` if set, else `coachlog.sqlite` in the
/// platform's data folder (created if missing) — the same file as the CLI's.
pub fn database_path() -> Result<PathBuf, IpcError> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let dirs = directories::ProjectDirs::from("", "", "coachlog").ok_or_else(|| {
        IpcError::new(
            ErrorKind::Io,
            format!(
                "Coachlog cannot find your home folder to keep its database in; set {DB_ENV} \
                 to the path of the database file."
            ),
        )
    })?;
    let dir = dirs.data_dir();
    create_dir(dir)?;
    Ok(dir.join(DB_FILE))
}

fn create_dir(dir: &Path) -> Result<(), IpcError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!(
                "Coachlog cannot create its data folder {}: {e}. Check its permissions, or set \
                 {DB_ENV} to the path of the database file.",
                dir.display()
            ),
        )
    })
}
