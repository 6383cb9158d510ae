//! The app's state: the one open database, or why it is not open; the means
//! to close it, change the file and open it again (restore a backup, encrypt
//! or decrypt it) while the app runs; and where its passphrase is kept.
//!
//! **Invariant:** database work never runs on the main (UI) thread. Every
//! command goes through [`AppState::read`] or [`AppState::write`], which take
//! the database's lock on a blocking worker thread
//! (`tauri::async_runtime::spawn_blocking`), so the window stays responsive
//! while a command runs. [`AppState::swap`] and the backups
//! ([`crate::backups`]) run on worker threads too.
//!
//! **Locks.** `db` guards the open [`Db`] (or the error that keeps it
//! closed); commands hold it while they run. `maintenance` lets one backup
//! or one swap run at a time: a backup reads the file through its own
//! connection, and a swap must not close, replace or reopen the file under
//! it (on POSIX, `Db::open`'s header check would even release that
//! connection's locks). The order is always `maintenance`, then `db`.
//! `status` mirrors why the database is not open, so [`AppState::startup_error`]
//! answers at once even while a swap holds `db`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use chrono::{DateTime, NaiveDate, Utc};
use coachlog_core::db::output::{self, DB_ENV};
use coachlog_core::{crypto, Db, ErrorKind, Passphrase};
use coachlog_secrets::{KeyStore, MemoryKeyStore};
use serde::Serialize;

use crate::error::IpcError;

/// The open database, or why it is not open.
type Slot = Result<Db, IpcError>;

/// What the automatic backups remember between checks.
#[derive(Debug, Default, Clone, Copy)]
pub struct BackupMemory {
    /// `Db::total_changes` of the open connection when the last backup was
    /// taken (or when the database was opened).
    pub changes_at_backup: u64,
    /// When this session's last automatic backup was taken.
    pub last_automatic: Option<DateTime<Utc>>,
}

/// Where passphrases are kept between runs: the OS keyring in the app, an
/// in-memory one in tests.
pub type Keys = Arc<dyn KeyStore + Send + Sync>;

/// Where the passphrase of the open database came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// None: the database is not encrypted (or not open).
    None,
    /// `COACHLOG_PASSPHRASE`.
    Environment,
    /// The OS keyring.
    Keyring,
    /// Typed in the app (on the Unlock screen, or when turning encryption on).
    Typed,
}

/// What every command works on.
pub struct AppState {
    db: Arc<Mutex<Slot>>,
    status: Arc<RwLock<Option<IpcError>>>,
    maintenance: Arc<Mutex<()>>,
    memory: Arc<Mutex<BackupMemory>>,
    source: Arc<Mutex<KeySource>>,
    keys: Keys,
    path: Option<PathBuf>,
    db_path: String,
}

/// Locks `m`, also after a panic in another holder: a panic inside a write
/// drops its transaction (a rollback), so what is behind the lock is still
/// consistent.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A database as the app keeps it open: its write-ahead log checkpointed by
/// the background task of [`crate::checkpoints`], not inside a save
/// (`Db::defer_checkpoints`). Should the setting fail, SQLite's own
/// checkpoints stay: slower saves now and then, nothing worse.
fn app_mode(slot: Slot) -> Slot {
    if let Ok(db) = &slot {
        if let Err(e) = db.defer_checkpoints() {
            eprintln!("coachlog: checkpoints stay in the saves: {e}");
        }
    }
    slot
}

impl AppState {
    fn with(slot: Slot, path: Option<PathBuf>, db_path: String) -> AppState {
        let slot = app_mode(slot);
        let changes = slot.as_ref().map_or(0, Db::total_changes);
        let source = match &slot {
            Ok(db) if db.is_encrypted() => KeySource::Typed,
            _ => KeySource::None,
        };
        AppState {
            source: Arc::new(Mutex::new(source)),
            keys: Arc::new(MemoryKeyStore::unavailable()),
            status: Arc::new(RwLock::new(slot.as_ref().err().cloned())),
            db: Arc::new(Mutex::new(slot)),
            maintenance: Arc::new(Mutex::new(())),
            memory: Arc::new(Mutex::new(BackupMemory {
                changes_at_backup: changes,
                last_automatic: None,
            })),
            path,
            db_path,
        }
    }

    /// State over an already open database (tests use this with a
    /// temporary file).
    pub fn new(db: Db) -> AppState {
        let path = db.path().map(Path::to_path_buf);
        let db_path = path
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        AppState::with(Ok(db), path, db_path)
    }

    /// State for a database that could not be opened: the app still starts,
    /// [`crate::commands::app_info`] reports `error`, and every other command
    /// answers with it. Nothing falls back to another database. With a path
    /// (not empty), its backups can still be listed and restored.
    pub fn failed(db_path: impl Into<String>, error: IpcError) -> AppState {
        let db_path = db_path.into();
        let path = (!db_path.is_empty()).then(|| PathBuf::from(&db_path));
        AppState::with(Err(error), path, db_path)
    }

    /// Opens (creating or migrating) the database at `path`, or keeps the
    /// reason it failed. No passphrase and no keyring: an encrypted file is
    /// refused with `passphrase` (see [`AppState::open_with`]).
    pub fn open(path: Result<PathBuf, IpcError>, today: NaiveDate) -> AppState {
        AppState::open_with(
            path,
            today,
            Ok(None),
            Arc::new(MemoryKeyStore::unavailable()),
        )
    }

    /// Opens the database at `path` as the app does at start. An encrypted
    /// file is opened with `env_key` (`COACHLOG_PASSPHRASE`), else with the
    /// passphrase kept in `keys` for it; when neither opens it, the state
    /// keeps the `passphrase` error and the UI shows its Unlock screen. A
    /// plain file opens as it is. `keys` is kept for Unlock and Settings.
    pub fn open_with(
        path: Result<PathBuf, IpcError>,
        today: NaiveDate,
        env_key: Result<Option<Passphrase>, IpcError>,
        keys: Keys,
    ) -> AppState {
        let path = match path {
            Err(e) => return AppState::failed("", e).with_keys(keys),
            Ok(path) => path,
        };
        let shown = path.display().to_string();
        let mut source = KeySource::None;
        // Reads the file's first bytes: before this process opens it.
        let slot = match crypto::is_encrypted(&path) {
            Err(e) => Err(e.into()),
            // A plain file opens as it is, whatever COACHLOG_PASSPHRASE says.
            Ok(false) => Db::open(&path, today).map_err(IpcError::from),
            // A COACHLOG_PASSPHRASE that is not a valid passphrase, named.
            Ok(true) => match env_key {
                Err(e) => Err(e),
                Ok(env_key) => {
                    // Without a key the core answers `passphrase`, in its words.
                    let mut tried =
                        Db::open_with_key(&path, today, env_key.as_ref()).map_err(IpcError::from);
                    if env_key.is_some() {
                        source = KeySource::Environment;
                    }
                    if is_passphrase(&tried) {
                        match keys.get(&path) {
                            Ok(Some(key)) => {
                                tried = Db::open_with_key(&path, today, Some(&key))
                                    .map_err(IpcError::from);
                                source = KeySource::Keyring;
                            }
                            Ok(None) => {}
                            Err(e) => eprintln!("coachlog: {e}"),
                        }
                    }
                    if tried.is_err() {
                        source = KeySource::None;
                    }
                    tried
                }
            },
        };
        let state = AppState::with(slot, Some(path), shown).with_keys(keys);
        *lock(&state.source) = source;
        state
    }

    /// The same state with `keys` as its keyring (tests give an in-memory
    /// one; the app the OS keyring).
    pub fn with_keys(mut self, keys: Keys) -> AppState {
        self.keys = keys;
        self
    }

    /// The keyring.
    pub fn keys(&self) -> Keys {
        self.keys.clone()
    }

    /// Where the open database's passphrase came from.
    pub fn key_source(&self) -> KeySource {
        *lock(&self.source)
    }

    /// Records where the open database's passphrase came from.
    pub fn set_key_source(&self, source: KeySource) {
        *lock(&self.source) = source;
    }

    /// The database file as shown to the user.
    pub fn db_path(&self) -> &str {
        &self.db_path
    }

    /// The database file, when there is one (not in memory, path known).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Why the database is not open (it could not be opened at start, or
    /// reopened after a swap), if it is not. Answers at once.
    pub fn startup_error(&self) -> Option<IpcError> {
        self.status
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// What the automatic backups remember.
    pub fn backup_memory(&self) -> BackupMemory {
        *lock(&self.memory)
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
        let db = self.db.clone();
        blocking(move || match &mut *lock(&db) {
            Ok(db) => f(db).map_err(IpcError::from),
            Err(e) => Err(e.clone()),
        })
        .await?
    }

    /// Runs `f` on a worker thread with the file's path while no backup or
    /// swap runs (the `maintenance` lock) and the app's own database stays
    /// open; with its passphrase (`None` for a plain file or when it is not
    /// open) and `changes`, its `total_changes` when `f` starts (0 when it is
    /// not open); `f` may update the backup memory.
    pub(crate) async fn maintain<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, Option<&Passphrase>, u64, &mut BackupMemory) -> Result<T, IpcError>
            + Send
            + 'static,
    {
        let path = self.backup_path()?;
        let (db, maintenance, memory) = (
            self.db.clone(),
            self.maintenance.clone(),
            self.memory.clone(),
        );
        blocking(move || {
            let _one_at_a_time = lock(&maintenance);
            let (changes, key) = match &*lock(&db) {
                Ok(db) => (db.total_changes(), db.key().cloned()),
                Err(_) => (0, None),
            };
            let mut memory = lock(&memory);
            f(&path, key.as_ref(), changes, &mut memory)
        })
        .await?
    }

    /// Closes the database, runs `f` on its file, and opens it again — on a
    /// worker thread, while no backup runs; commands wait for it (they queue
    /// on the database's lock) and then see the reopened database, or the
    /// error that kept it closed (as [`AppState::startup_error`] and
    /// `app_info` do). `f` gets the file and the passphrase it was open
    /// with, which it may change (encrypting or decrypting); the file is
    /// reopened with that passphrase whether `f` succeeded or not. Answers
    /// with `f`'s result.
    pub async fn swap<T, F>(&self, today: NaiveDate, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, &mut Option<Passphrase>) -> Result<T, IpcError> + Send + 'static,
    {
        self.reopen(move |path, mut held| {
            let mut key = held.slot.as_ref().ok().and_then(|db| db.key().cloned());
            // Dropping the `Db` closes its connection: the file is free.
            *held.slot = Err(IpcError::new(
                ErrorKind::Io,
                "The database is being replaced; try again in a moment.",
            ));
            let done = f(path, &mut key);
            held.put(Db::open_with_key(path, today, key.as_ref()).map_err(IpcError::from));
            done
        })
        .await
    }

    /// Opens the database that is not open (it is encrypted and no
    /// passphrase opened it at start) with `key`, on a worker thread. A wrong
    /// passphrase is refused with `passphrase` and the database stays
    /// closed; an open database is left as it is.
    pub async fn unlock(&self, today: NaiveDate, key: Passphrase) -> Result<(), IpcError> {
        self.reopen(move |path, mut held| {
            if held.slot.is_ok() {
                return Ok(());
            }
            let opened = Db::open_with_key(path, today, Some(&key)).map_err(IpcError::from)?;
            held.put(Ok(opened));
            Ok(())
        })
        .await
    }

    /// Runs `f` on a worker thread with the file's path and the database's
    /// slot, holding the `maintenance` lock and then the slot's: for what
    /// closes the database, or opens it ([`Held::put`]).
    async fn reopen<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, Held<'_>) -> Result<T, IpcError> + Send + 'static,
    {
        let path = self.backup_path()?;
        let (db, status, maintenance, memory) = (
            self.db.clone(),
            self.status.clone(),
            self.maintenance.clone(),
            self.memory.clone(),
        );
        blocking(move || {
            let _one_at_a_time = lock(&maintenance);
            let held = Held {
                slot: lock(&db),
                status: &status,
                memory: &memory,
            };
            f(&path, held)
        })
        .await?
    }

    /// The database file, for backups and swaps.
    fn backup_path(&self) -> Result<PathBuf, IpcError> {
        match &self.path {
            Some(p) => Ok(p.clone()),
            None => Err(self.startup_error().unwrap_or_else(|| {
                IpcError::new(
                    ErrorKind::Invalid,
                    "This database lives in memory only; it has no file to back up.",
                )
            })),
        }
    }
}

/// The database's slot, held by [`AppState::reopen`].
struct Held<'a> {
    slot: MutexGuard<'a, Slot>,
    status: &'a RwLock<Option<IpcError>>,
    memory: &'a Mutex<BackupMemory>,
}

impl Held<'_> {
    /// Puts `opened` (a database, or the error that keeps it closed) in the
    /// slot, in app mode: [`AppState::startup_error`] now answers with its
    /// error, if any, and the backups count changes from here.
    fn put(&mut self, opened: Slot) {
        *self.slot = app_mode(opened);
        *self.status.write().unwrap_or_else(PoisonError::into_inner) =
            self.slot.as_ref().err().cloned();
        lock(self.memory).changes_at_backup = self.slot.as_ref().map_or(0, Db::total_changes);
    }
}

fn is_passphrase<T>(r: &Result<T, IpcError>) -> bool {
    matches!(r, Err(e) if e.kind == ErrorKind::Passphrase.as_str())
}

/// Runs `f` on a blocking worker thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("a database task failed: {e}")))
}

/// The database file: `$COACHLOG_DB` if set, else `coachlog.sqlite` in the
/// platform's data folder (created if missing) — the same file as the CLI's.
pub fn database_path() -> Result<PathBuf, IpcError> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let path = output::default_path()?;
    output::create_folder(&path)?;
    Ok(path)
}
