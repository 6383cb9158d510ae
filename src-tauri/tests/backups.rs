//! Backups through the IPC boundary (mock runtime, the app's real
//! configuration and capability): `backups_list`, `backup_now` and
//! `backup_restore`, and the database being closed, replaced and opened
//! again while the app runs. Each test gets its own temporary folder.

use std::path::{Path, PathBuf};

use coachlog_core::Db;
use coachlog_desktop::AppState;
use serde_json::{json, Value};

mod common;
use common::*;

/// The kinds of `backups`, sorted (a backup and a restore's safety copy
/// taken in the same second have no order).
fn kinds(backups: &[Value]) -> Vec<&str> {
    let mut kinds: Vec<&str> = backups
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    kinds.sort_unstable();
    kinds
}

#[test]
fn back_up_now_list_and_restore_then_keep_working() {
    let app = app();
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    let info = app.ok("backups_list", json!({}));
    let folder = app.dir.path().join("backups");
    assert_eq!(info["folder"], folder.display().to_string());
    assert_eq!(info["backups"], json!([]));
    assert_eq!(info["last_automatic"], Value::Null);
    assert_eq!(info["interval_minutes"], 30);

    app.add_person("Ada");
    let made = app.ok("backup_now", json!({}));
    let backup = PathBuf::from(made["path"].as_str().unwrap());
    assert_eq!(backup.parent(), Some(folder.as_path()));
    assert_eq!(made["kind"], "rolling");
    assert!(made["bytes"].as_u64().unwrap() > 0);
    assert_eq!(
        coachlog_core::backup::verify(&backup, None).unwrap(),
        coachlog_core::db::SCHEMA_VERSION
    );
    assert_eq!(app.backups(), vec![made.clone()]);

    // Written after the backup: gone after the restore, kept in the
    // before-restore copy.
    app.add_person("Bea");
    let restored = app.ok("backup_restore", json!({ "file": made["path"] }));
    assert_eq!(restored["restored_from"], made["path"]);
    assert_eq!(
        restored["database"],
        db_file(&app.dir).display().to_string()
    );
    let safety = restored["safety_copy"].as_str().unwrap().to_string();
    assert!(safety.ends_with("-before-restore.sqlite"), "{safety}");
    assert_eq!(app.names(), ["Ada"]);
    assert_eq!(app.ok("app_info", json!({}))["startup_error"], Value::Null);
    assert_eq!(kinds(&app.backups()), ["before_restore", "rolling"]);

    // The reopened database takes writes, and the restore can be undone.
    app.add_person("Cy");
    assert_eq!(app.names(), ["Ada", "Cy"]);
    app.ok("backup_restore", json!({ "file": safety }));
    assert_eq!(app.names(), ["Ada", "Bea"]);
    app.add_person("Dee");
    assert_eq!(app.names(), ["Ada", "Bea", "Dee"]);
}

#[test]
fn only_a_listed_backup_can_be_restored() {
    let app = app();
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    app.add_person("Ada");
    // Another Coachlog database, valid, but not one of the backups.
    let elsewhere = app.dir.path().join("other.sqlite");
    drop(Db::open(&elsewhere, day("2026-01-05")).unwrap());
    for file in [
        elsewhere.display().to_string(),
        db_file(&app.dir).display().to_string(),
        "backups/../notes.sqlite".to_string(),
        String::new(),
    ] {
        app.refused(
            "backup_restore",
            json!({ "file": file }),
            "not_found",
            "is not one of the backups",
        );
    }
    assert_eq!(app.names(), ["Ada"]);
    assert!(app.backups().is_empty());
}

/// Overwrites a stretch in the middle of `file` (past the header).
fn damage(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    assert!(bytes.len() > 8192, "{} bytes", bytes.len());
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(file, bytes).unwrap();
}

#[test]
fn a_damaged_backup_is_refused_and_the_database_stays_as_it_was() {
    let app = app();
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    app.add_person("Ada");
    let made = app.ok("backup_now", json!({}));
    app.add_person("Bea");
    damage(Path::new(made["path"].as_str().unwrap()));
    app.refused(
        "backup_restore",
        json!({ "file": made["path"] }),
        "corrupt",
        "nothing was changed",
    );
    // Closed and opened again around the refused restore: same data, still
    // writable, no safety copy made.
    assert_eq!(app.names(), ["Ada", "Bea"]);
    app.add_person("Cy");
    assert_eq!(app.names(), ["Ada", "Bea", "Cy"]);
    assert_eq!(kinds(&app.backups()), ["rolling"]);
    assert_eq!(app.ok("app_info", json!({}))["startup_error"], Value::Null);
}

#[test]
fn a_database_that_cannot_be_opened_can_be_restored_from_its_latest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_file(&dir);
    {
        // Written and backed up by an earlier run (a Tauri app keeps its
        // state to the end of the process, so not through a second app).
        let mut db = Db::open(&path, day("2026-01-05")).unwrap();
        let ada: coachlog_core::model::PersonInput = serde_json::from_value(person("Ada")).unwrap();
        db.write(|tx| coachlog_core::store::people::insert(tx, &ada))
            .unwrap();
        drop(db);
        coachlog_core::backup::create(&path, coachlog_desktop::clock::now_utc(), None).unwrap();
    }
    let original = std::fs::read(&path).unwrap();
    damage(&path);
    let damaged = std::fs::read(&path).unwrap();
    assert_ne!(original, damaged);

    let app = with_state(AppState::open(Ok(path.clone()), day("2026-01-05")), dir);
    // The leader says yes to the native confirmation.
    app.dialogs.confirm_with(true);
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["startup_error"]["kind"], "corrupt");
    // Refused without a byte written: no backup of a damaged file either.
    app.refused(
        "people_list",
        json!({ "includeArchived": true }),
        "corrupt",
        "",
    );
    app.refused("backup_now", json!({}), "corrupt", "");
    assert_eq!(std::fs::read(&path).unwrap(), damaged);

    // Its backups are listed all the same, and the latest restores it.
    let backups = app.backups();
    assert_eq!(kinds(&backups), ["rolling"]);
    let restored = app.ok("backup_restore", json!({ "file": backups[0]["path"] }));
    assert!(restored["safety_copy"].is_string());
    assert_eq!(app.ok("app_info", json!({}))["startup_error"], Value::Null);
    assert_eq!(app.names(), ["Ada"]);
    app.add_person("Bea");
    assert_eq!(app.names(), ["Ada", "Bea"]);
    // The damaged file is kept in the folder (a verified copy if SQLite
    // could still read it, a raw one otherwise), next to the backup.
    let backups = app.backups();
    let kept = kinds(&backups);
    assert!(
        kept == ["before_restore", "rolling"] || kept == ["damaged", "rolling"],
        "{kept:?}"
    );
}
