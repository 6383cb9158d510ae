//! Settings → Data through the IPC boundary: an oikio or CSV import
//! previewed (a dry run) and then written from the file Rust held under a
//! token; the whole database exported and imported into a new file. The
//! page never names a file: paths it sends are ignored, tokens name only
//! files the leader chose, and a cancelled dialog changes nothing.

mod common;

use common::*;
use serde_json::{json, Value};

const CSV: &str = include_str!("../../docs/examples/one-on-ones.csv");
const OIKIO: &str = include_str!("../../crates/core/tests/fixtures/oikio-data.json");

fn people(app: &App) -> Vec<String> {
    let list = app.ok("people_list", json!({ "includeArchived": true }));
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// Writes `text` as `name` beside the database and queues it as the Open
/// dialog's next answer.
fn chosen(app: &App, name: &str, text: &str) -> std::path::PathBuf {
    let path = app.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    app.dialogs.open_next(path.clone());
    path
}

#[test]
fn a_csv_import_is_previewed_then_written_once_from_the_file_held() {
    let app = app();
    chosen(&app, "one-on-ones.csv", CSV);
    let preview = app.ok("import_preview", json!({}));
    assert_eq!(preview["file"], "one-on-ones.csv");
    assert_eq!(preview["source"], "csv");
    assert_eq!(preview["report"]["dry_run"], true);
    assert_eq!(preview["report"]["added"]["people"], 2);
    assert_eq!(preview["report"]["added"]["one_on_ones"], 4);
    assert_eq!(
        preview["report"]["created"],
        json!(["Ana Ruiz", "Ben Okafor"])
    );
    assert!(preview["text"]
        .as_str()
        .unwrap()
        .contains("Would add 2 people"));
    assert!(people(&app).is_empty(), "a preview wrote");
    assert_eq!(app.dialogs.asked(), ["Import from oikio or CSV"]);

    // The file changes on disk after the preview: what was previewed is
    // what goes in.
    std::fs::write(
        app.dir.path().join("one-on-ones.csv"),
        "person,date\nEve,2026-01-05\n",
    )
    .unwrap();
    let token = preview["token"].clone();
    let done = app.ok("import_apply", json!({ "token": token }));
    assert_eq!(done["report"]["dry_run"], false);
    assert_eq!(done["report"]["added"], preview["report"]["added"]);
    assert_eq!(people(&app), ["Ana Ruiz", "Ben Okafor"]);
    // A token is used once.
    app.refused(
        "import_apply",
        json!({ "token": token }),
        "not_found",
        "no longer waiting",
    );
}

#[test]
fn an_oikio_file_is_told_apart_and_a_second_import_adds_nothing() {
    let app = app();
    for round in 0..2 {
        chosen(&app, "oikio-data.json", OIKIO);
        let preview = app.ok("import_preview", json!({}));
        assert_eq!(preview["source"], "oikio");
        let done = app.ok("import_apply", json!({ "token": preview["token"] }));
        let added = &done["report"]["added"];
        if round == 0 {
            assert_eq!(added["people"], 3, "{done}");
        } else {
            let total: i64 = added
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_i64().unwrap())
                .sum();
            assert_eq!(total, 0, "{done}");
        }
    }
}

#[test]
fn the_page_cannot_name_a_file_and_bad_files_are_refused_with_nothing_held() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.csv");
    std::fs::write(&secret, CSV).unwrap();
    // No dialog answer: cancelled, whatever path the page sends.
    app.refused(
        "import_preview",
        json!({ "path": secret, "file": secret }),
        "cancelled",
        "Nothing was imported",
    );
    // A token the page made up names nothing.
    app.refused(
        "import_apply",
        json!({ "token": "import-1" }),
        "not_found",
        "Import…",
    );
    app.refused(
        "import_apply",
        json!({ "token": secret.display().to_string() }),
        "not_found",
        "no longer waiting",
    );
    // A bad file: its row named, nothing held (the next token is new).
    chosen(&app, "bad.csv", "person,date\nAna,2026-02-30\n");
    app.refused(
        "import_preview",
        json!({}),
        "invalid",
        "row 2, column date: \"2026-02-30\" is not a date (YYYY-MM-DD).",
    );
    app.refused(
        "import_apply",
        json!({ "token": "import-1" }),
        "not_found",
        "no longer waiting",
    );
    // A cancelled preview forgets its file.
    chosen(&app, "one-on-ones.csv", CSV);
    let preview = app.ok("import_preview", json!({}));
    app.ok("import_cancel", json!({ "token": preview["token"] }));
    app.refused(
        "import_apply",
        json!({ "token": preview["token"] }),
        "not_found",
        "no longer",
    );
    assert!(people(&app).is_empty());
}

#[test]
fn the_whole_database_goes_out_and_into_a_new_file_never_over_the_open_one() {
    let app = app();
    app.add_person("Ada");
    let out = tempfile::tempdir().unwrap();
    // Cancelled: nothing written.
    app.refused(
        "database_export",
        json!({ "path": out.path() }),
        "cancelled",
        "Nothing was saved",
    );
    app.dialogs.save_into(Some(out.path().to_path_buf()));
    let saved = app.ok("database_export", json!({}));
    let path = std::path::PathBuf::from(saved["path"].as_str().unwrap());
    assert!(path.starts_with(out.path()));
    assert!(path
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("coachlog-export-"));
    let text = std::fs::read_to_string(&path).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["people"][0]["name"], "Ada");
    assert_eq!(saved["bytes"], text.len());

    // Into a new file: the export is read, then saved as a new database.
    app.dialogs.open_next(path.clone());
    let made = app.ok("database_import", json!({}));
    let new = out.path().join("coachlog-imported.sqlite");
    assert_eq!(made["path"], new.display().to_string());
    assert_eq!(made["report"]["people"], 1);
    let db = coachlog_core::Db::open(&new, day(CREATED)).unwrap();
    assert_eq!(
        coachlog_core::interchange::to_json(
            &coachlog_core::interchange::export(db.conn()).unwrap()
        ),
        text
    );
    drop(db);
    // Not over a file that is there, and never over the open database.
    app.dialogs.open_next(path.clone());
    app.refused(
        "database_import",
        json!({}),
        "conflict",
        "choose a new file name",
    );
    app.dialogs.open_next(path.clone());
    app.dialogs.save_to(Some(db_file(&app.dir)));
    app.refused(
        "database_import",
        json!({}),
        "conflict",
        "is the database Coachlog has open",
    );
    assert_eq!(people(&app), ["Ada"]);
    // A file that is not an export: refused before the Save dialog.
    let asked = app.dialogs.asked().len();
    let not_export = chosen(&app, "not-an-export.json", "{\"persons\": []}");
    app.refused("database_import", json!({}), "invalid", "");
    assert_eq!(
        app.dialogs.asked().len(),
        asked + 1,
        "only the Open dialog asked"
    );
    assert!(not_export.exists());
}
