//! Encryption at rest in the app: the Unlock screen, and turning encryption
//! on and off from Settings — the core's `crypto` on the app's database,
//! with the passphrase kept in the OS keyring when the leader asks for it.
//!
//! - **At start** ([`crate::run`]): the passphrase of an encrypted file comes
//!   from `COACHLOG_PASSPHRASE`, then from the keyring; when neither opens
//!   the file the app starts on its Unlock screen (`app_info.startup_error`
//!   of kind `passphrase`), and [`unlock`] opens it with what was typed.
//! - **On** ([`enable`]) and **off** ([`disable`]) close the database,
//!   convert it (and its backups) with `crypto::encrypt` / `crypto::decrypt`
//!   on a worker thread, and open it again with the new key
//!   ([`AppState::swap`]). A failure leaves the file as it was and reopens
//!   it with the old key.
//! - **The passphrase** crosses IPC once per command, becomes a
//!   [`Passphrase`] at once (zeroed when dropped), and is never written to a
//!   log or put in a message.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use coachlog_core::{crypto, ErrorKind, Passphrase};
use serde::Serialize;

use crate::error::IpcError;
use crate::state::{AppState, KeySource};

/// The Encryption section of Settings, and what the Unlock screen offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EncryptionStatus {
    /// Whether the database file is encrypted (also when it is locked).
    pub encrypted: bool,
    /// Whether it is open (false on the Unlock screen).
    pub unlocked: bool,
    /// Where the passphrase of the open database came from.
    pub key_source: KeySource,
    /// Whether there is an OS keyring to remember the passphrase in.
    pub keyring_available: bool,
    /// The keyring, in words ("the system keyring (Secret Service), under
    /// \"Coachlog\"").
    pub keyring_name: String,
    /// Whether the keyring holds a passphrase for this database.
    pub remembered: bool,
}

/// A passphrase as typed; `invalid` (empty, too long, a control character)
/// in the core's words, which never repeat it.
fn passphrase(text: String) -> Result<Passphrase, IpcError> {
    Passphrase::new(text).map_err(IpcError::from)
}

/// The database's encryption status.
pub async fn status(state: &AppState) -> Result<EncryptionStatus, IpcError> {
    let locked = state
        .startup_error()
        .is_some_and(|e| e.kind == ErrorKind::Passphrase.as_str());
    let encrypted = if state.startup_error().is_some() {
        locked
    } else {
        state.read(|db| Ok(db.is_encrypted())).await?
    };
    let keys = state.keys();
    let path = state.path().map(|p| p.to_path_buf());
    let key_source = state.key_source();
    let unlocked = state.startup_error().is_none();
    tauri::async_runtime::spawn_blocking(move || {
        let keyring_available = keys.available();
        // Only asks whether an entry exists; a keyring error counts as none.
        let remembered = keyring_available
            && path
                .as_deref()
                .is_some_and(|p| matches!(keys.get(p), Ok(Some(_))));
        EncryptionStatus {
            encrypted,
            unlocked,
            key_source: if unlocked {
                key_source
            } else {
                KeySource::None
            },
            keyring_available,
            keyring_name: keys.describe(),
            remembered,
        }
    })
    .await
    .map_err(|e| IpcError::internal(format!("the keyring task failed: {e}")))
}

/// Keeps the passphrase in the keyring when asked to (and there is one); a
/// keyring that fails does not undo what was done: the status then says
/// the passphrase is not remembered, and the UI says so.
async fn remember(state: &AppState, key: Passphrase, wanted: bool) {
    let (keys, path) = (state.keys(), state.path().map(|p| p.to_path_buf()));
    let _ = tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = path else { return };
        let kept = if wanted && keys.available() {
            keys.set(&path, &key)
        } else {
            keys.delete(&path).map(|_| ())
        };
        if let Err(e) = kept {
            eprintln!("coachlog: {e}");
        }
    })
    .await;
}

/// Opens the locked database with `passphrase`; with `remember`, keeps it in
/// the keyring. `passphrase` when it does not open the file.
pub async fn unlock(
    state: &AppState,
    passphrase_text: String,
    remember_it: bool,
    today: NaiveDate,
) -> Result<EncryptionStatus, IpcError> {
    let key = passphrase(passphrase_text)?;
    state.unlock(today, key.clone()).await?;
    state.set_key_source(KeySource::Typed);
    if remember_it {
        remember(state, key, true).await;
    }
    status(state).await
}

/// Converts the open database's file (and its backups) with `f`, which
/// answers the passphrase to reopen it with ([`AppState::swap`]); a failure
/// reopens it with the old one. A database that is not open is refused with
/// the reason.
async fn convert<F>(state: &AppState, today: NaiveDate, f: F) -> Result<(), IpcError>
where
    F: FnOnce(&Path) -> Result<Option<Passphrase>, IpcError> + Send + 'static,
{
    if let Some(e) = state.startup_error() {
        return Err(e);
    }
    state
        .swap(today, move |path, open_with| {
            *open_with = f(path)?;
            Ok(())
        })
        .await
}

/// Turns encryption on with `passphrase` (the database and its backups are
/// converted, then reopened with it); with `remember`, keeps it in the
/// keyring.
pub async fn enable(
    state: &AppState,
    passphrase_text: String,
    remember_it: bool,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<EncryptionStatus, IpcError> {
    let key = passphrase(passphrase_text)?;
    let new_key = key.clone();
    convert(state, today, move |path| {
        crypto::encrypt(path, &new_key, now)?;
        Ok(Some(new_key))
    })
    .await?;
    state.set_key_source(KeySource::Typed);
    remember(state, key, remember_it).await;
    status(state).await
}

/// Turns encryption off; `passphrase` is the current one (asked again, so
/// that an unlocked, unattended app cannot be decrypted by anyone passing
/// by). The keyring's entry for the database is removed.
pub async fn disable(
    state: &AppState,
    passphrase_text: String,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<EncryptionStatus, IpcError> {
    let key = passphrase(passphrase_text)?;
    convert(state, today, move |path| {
        crypto::decrypt(path, &key, now)?;
        Ok(None)
    })
    .await?;
    state.set_key_source(KeySource::None);
    if let Some(path) = state.path().map(|p| p.to_path_buf()) {
        let keys = state.keys();
        let _ = tauri::async_runtime::spawn_blocking(move || keys.delete(&path)).await;
    }
    status(state).await
}
