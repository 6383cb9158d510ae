//! Encryption through the IPC boundary (mock runtime, the app's real
//! configuration and capability): where the passphrase comes from at start
//! (`COACHLOG_PASSPHRASE`, then the keyring, else the Unlock screen),
//! `unlock` with a right and a wrong passphrase, and turning encryption on
//! and off while the app runs. The keyring is an in-memory one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coachlog_core::{crypto, Db, ErrorKind, Passphrase};
use coachlog_desktop::state::{KeySource, Keys};
use coachlog_desktop::{AppState, IpcError};
use coachlog_secrets::{KeyStore, MemoryKeyStore};
use serde_json::{json, Value};

mod common;
use common::*;

const SECRET: &str = "correct horse battery staple";
/// A name that shows whether the file's bytes are readable.
const MARKER: &str = "Zebulon Quartermaine";

fn key(text: &str) -> Passphrase {
    Passphrase::new(text.to_string()).unwrap()
}

fn contains(file: &Path, text: &str) -> bool {
    let bytes = std::fs::read(file).unwrap();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// A plain database holding MARKER, written and closed.
fn plain_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = db_file(dir);
    let mut db = Db::open(&path, day("2026-01-05")).unwrap();
    let input: coachlog_core::model::PersonInput = serde_json::from_value(person(MARKER)).unwrap();
    db.write(|tx| coachlog_core::store::people::insert(tx, &input))
        .unwrap();
    drop(db);
    // Fold the log into the file, so its bytes are what is on disk.
    drop(Db::open(&path, day("2026-01-05")).unwrap());
    path
}

/// The same, encrypted with SECRET.
fn encrypted_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = plain_db(dir);
    crypto::encrypt(&path, &key(SECRET), coachlog_desktop::clock::now_utc()).unwrap();
    assert!(!contains(&path, MARKER));
    path
}

fn memory_keys() -> Arc<MemoryKeyStore> {
    Arc::new(MemoryKeyStore::new())
}

fn start(path: &Path, env: Option<&str>, keys: Keys) -> AppState {
    AppState::open_with(
        Ok(path.to_path_buf()),
        day("2026-01-05"),
        Ok(env.map(key)),
        keys,
    )
}

fn error_kind(state: &AppState) -> Option<String> {
    state.startup_error().map(|e| e.kind)
}

#[test]
fn at_start_the_passphrase_comes_from_the_environment_then_the_keyring() {
    // Each case on its own file: a file is opened once per process.
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_db(&dir);
    let state = start(&path, Some(SECRET), memory_keys());
    assert_eq!(error_kind(&state), None);
    assert_eq!(state.key_source(), KeySource::Environment);
    drop(state);

    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_db(&dir);
    let keys = memory_keys();
    keys.set(&path, &key(SECRET)).unwrap();
    // A wrong COACHLOG_PASSPHRASE does not stop the keyring's from working.
    let state = start(&path, Some("not it"), keys);
    assert_eq!(error_kind(&state), None);
    assert_eq!(state.key_source(), KeySource::Keyring);
    drop(state);

    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_db(&dir);
    let before = std::fs::read(&path).unwrap();
    let state = start(&path, Some("not it"), memory_keys());
    assert_eq!(error_kind(&state).as_deref(), Some("passphrase"));
    let message = state.startup_error().unwrap().message;
    assert!(!message.contains("not it"), "{message}");
    drop(state);
    assert_eq!(std::fs::read(&path).unwrap(), before, "written to");

    // A COACHLOG_PASSPHRASE that is no passphrase (set but empty) is named
    // for an encrypted file…
    let empty = || {
        Err(IpcError::new(
            ErrorKind::Invalid,
            "COACHLOG_PASSPHRASE is set but empty; set it to the passphrase, or unset it.",
        ))
    };
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_db(&dir);
    let state = AppState::open_with(Ok(path), day("2026-01-05"), empty(), memory_keys());
    assert_eq!(error_kind(&state).as_deref(), Some("invalid"));
    drop(state);

    // …and a plain file opens as it is, whatever the environment says.
    let dir = tempfile::tempdir().unwrap();
    let path = plain_db(&dir);
    let state = start(&path, Some(SECRET), memory_keys());
    assert_eq!(error_kind(&state), None);
    assert_eq!(state.key_source(), KeySource::None);
    drop(state);
    let state = AppState::open_with(Ok(path), day("2026-01-05"), empty(), memory_keys());
    assert_eq!(error_kind(&state), None);
}

#[test]
fn unlock_with_a_wrong_then_the_right_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = encrypted_db(&dir);
    let before = std::fs::read(&path).unwrap();
    let keys = memory_keys();
    let app = with_state(start(&path, None, keys.clone()), dir);
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);

    let info = app.ok("app_info", json!({}));
    assert_eq!(info["startup_error"]["kind"], "passphrase");
    assert_eq!(info["schema_version"], Value::Null);
    app.refused(
        "people_list",
        json!({ "includeArchived": true }),
        "passphrase",
        "",
    );
    let status = app.ok("encryption_status", json!({}));
    assert_eq!(
        status,
        json!({
            "encrypted": true,
            "unlocked": false,
            "key_source": "none",
            "keyring_available": true,
            "keyring_name": "the in-memory keyring",
            "remembered": false
        })
    );

    let typo = "correct horse battery stable";
    let message = app.refused(
        "unlock",
        json!({ "passphrase": typo, "remember": true }),
        "passphrase",
        "",
    );
    assert!(
        !message.contains(typo),
        "the message repeats the passphrase: {message}"
    );
    app.refused(
        "unlock",
        json!({ "passphrase": "", "remember": false }),
        "invalid",
        "empty",
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "written to");
    assert_eq!(
        keys.get(&path).unwrap(),
        None,
        "a wrong passphrase was remembered"
    );
    assert_eq!(
        app.ok("app_info", json!({}))["startup_error"]["kind"],
        "passphrase"
    );

    let status = app.ok("unlock", json!({ "passphrase": SECRET, "remember": true }));
    assert_eq!(status["unlocked"], true);
    assert_eq!(status["key_source"], "typed");
    assert_eq!(status["remembered"], true);
    assert_eq!(keys.get(&path).unwrap(), Some(key(SECRET)));
    assert_eq!(app.ok("app_info", json!({}))["startup_error"], Value::Null);
    assert_eq!(app.names(), [MARKER]);
    app.add_person("Ada");
    assert_eq!(app.names(), ["Ada", MARKER]);
}

#[test]
fn encrypt_reopen_back_up_restore_and_decrypt() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_db(&dir);
    let keys = memory_keys();
    let app = with_state(start(&path, None, keys.clone()), dir);
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    app.ok("backup_now", json!({}));
    let plain_backup = PathBuf::from(app.backups()[0]["path"].as_str().unwrap());
    assert!(contains(&plain_backup, MARKER));
    let status = app.ok("encryption_status", json!({}));
    assert_eq!(status["encrypted"], false);
    assert_eq!(status["key_source"], "none");

    app.refused(
        "encryption_enable",
        json!({ "passphrase": "", "remember": false }),
        "invalid",
        "empty",
    );
    let on = app.ok(
        "encryption_enable",
        json!({ "passphrase": SECRET, "remember": true }),
    );
    assert_eq!(on["encrypted"], true);
    assert_eq!(on["unlocked"], true);
    assert_eq!(on["key_source"], "typed");
    assert_eq!(on["remembered"], true);
    // The file and every backup are encrypted; the app works on.
    assert!(crypto::is_encrypted(&path).unwrap());
    assert!(!contains(&path, MARKER));
    assert!(!contains(&plain_backup, MARKER));
    assert_eq!(app.names(), [MARKER]);
    app.add_person("Ada");
    app.refused(
        "encryption_enable",
        json!({ "passphrase": SECRET, "remember": false }),
        "conflict",
        "already encrypted",
    );

    // Backups of the encrypted database are encrypted and restorable.
    let made = app.ok("backup_now", json!({}));
    let encrypted_backup = PathBuf::from(made["path"].as_str().unwrap());
    assert!(!contains(&encrypted_backup, MARKER));
    app.add_person("Bea");
    app.ok("backup_restore", json!({ "file": made["path"] }));
    assert_eq!(app.names(), ["Ada", MARKER]);

    // Off: the current passphrase is asked for again.
    let message = app.refused(
        "encryption_disable",
        json!({ "passphrase": "not it" }),
        "passphrase",
        "",
    );
    assert!(!message.contains("not it"), "{message}");
    assert!(crypto::is_encrypted(&path).unwrap());
    assert_eq!(app.names(), ["Ada", MARKER]);
    let off = app.ok("encryption_disable", json!({ "passphrase": SECRET }));
    assert_eq!(off["encrypted"], false);
    assert_eq!(off["key_source"], "none");
    assert_eq!(off["remembered"], false);
    assert_eq!(keys.get(&path).unwrap(), None);
    assert!(!crypto::is_encrypted(&path).unwrap());
    assert!(
        contains(&encrypted_backup, MARKER),
        "the backup was not decrypted"
    );
    app.add_person("Cy");
    assert_eq!(app.names(), ["Ada", "Cy", MARKER]);
    app.refused(
        "encryption_disable",
        json!({ "passphrase": SECRET }),
        "conflict",
        "",
    );
}

#[test]
fn without_a_keyring_nothing_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = plain_db(&dir);
    let app = with_state(
        start(&path, None, Arc::new(MemoryKeyStore::unavailable())),
        dir,
    );
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    let on = app.ok(
        "encryption_enable",
        json!({ "passphrase": SECRET, "remember": true }),
    );
    assert_eq!(on["encrypted"], true);
    assert_eq!(on["keyring_available"], false);
    assert_eq!(on["remembered"], false);
    assert_eq!(app.names(), [MARKER]);
}
