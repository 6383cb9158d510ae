//! What a script in the page cannot do, in the real app: the commands that
//! write a file or change the whole database ask the leader in a native
//! dialog that Rust opens, so a script calling them straight through the
//! IPC — with any arguments — gets `cancelled` when the leader says no, and
//! nothing is saved, encrypted, restored or emptied. And the window never
//! leaves the app's own page, whatever the page sets `location` to.
//!
//! The app runs with its dialogs [refusing](Dialogs::Refuse) (the test
//! build answers them from `COACHLOG_TEST_DIALOGS`; a real leader would be
//! looking at the question).

use std::fs;
use std::path::Path;
use std::time::Duration;

use coachlog_e2e::{block_on, cli, serial, App, Dialogs};
use serde_json::{json, Value};

const PERSON: &str = "Philippa Privateer";

/// Calls `cmd` with `args` through the IPC, as any script in the page can;
/// returns `{ ok }` or `{ error: { kind, message } }`.
async fn invoke(app: &App, cmd: &str, args: Value) -> Value {
    let result = tokio::time::timeout(
        Duration::from_secs(30),
        app.client().execute_async(
            "const [cmd, args] = arguments; const done = arguments[arguments.length - 1]; \
             window.__TAURI_INTERNALS__.invoke(cmd, args) \
               .then((ok) => done({ ok: ok === undefined ? null : ok }), (error) => done({ error }));",
            vec![json!(cmd), args],
        ),
    )
    .await;
    match result {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => panic!("{}", app.failure(format!("{cmd}: {e}")).await),
        Err(_) => panic!(
            "{}",
            app.failure(format!("{cmd} did not answer in 30 s")).await
        ),
    }
}

/// Asserts that `reply` is the error of kind `kind`.
async fn refused(app: &App, cmd: &str, reply: &Value, kind: &str) {
    app.ensure(
        reply["error"]["kind"] == json!(kind),
        format!("{cmd} answered {reply}, not a `{kind}` error"),
    )
    .await;
}

fn contains(file: &Path, text: &str) -> bool {
    let bytes = fs::read(file).unwrap_or_default();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn a_script_cannot_save_encrypt_restore_or_empty_without_the_leaders_yes() {
    let _one_app_at_a_time = serial();
    std::env::set_var("COACHLOG_KEYRING", "off");
    std::env::remove_var("COACHLOG_PASSPHRASE");
    block_on(async {
        let app = App::launch_answering("guard", Dialogs::Refuse, |db| {
            cli(db, &["person", "add", PERSON, "--since", "2026-01-05"]);
            cli(db, &["backup"]);
        })
        .await;
        app.find("[data-testid='screen-today']").await;
        let db = app.db_path().to_path_buf();

        // Save: the page gives no path (one it adds is ignored) and the
        // refused dialog means no file anywhere.
        let today = coachlog_e2e::clock::today();
        let month = today.format("%Y-%m").to_string();
        let reply = invoke(
            &app,
            "summary_save",
            json!({ "month": month, "format": "markdown", "includeNotes": true,
                    "path": app.dir().join("stolen.md").display().to_string() }),
        )
        .await;
        refused(&app, "summary_save", &reply, "cancelled").await;
        let written: Vec<_> = fs::read_dir(app.dir())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md") || n.ends_with(".html"))
            .collect();
        app.ensure(
            written.is_empty(),
            format!("files were written: {written:?}"),
        )
        .await;

        // Encrypt: refused; the file still reads in the clear.
        let reply = invoke(
            &app,
            "encryption_enable",
            json!({ "passphrase": "a script's own passphrase", "remember": false }),
        )
        .await;
        refused(&app, "encryption_enable", &reply, "cancelled").await;
        let status = invoke(&app, "encryption_status", json!({})).await;
        app.ensure(
            status["ok"]["encrypted"] == json!(false),
            format!("encryption_status: {status}"),
        )
        .await;
        app.ensure(contains(&db, PERSON), "the database is still in the clear")
            .await;

        // Restore: refused; a person added since the backup is still there.
        let backups = invoke(&app, "backups_list", json!({})).await;
        let file = backups["ok"]["backups"][0]["path"]
            .as_str()
            .map(str::to_string);
        app.ensure(file.is_some(), format!("backups_list: {backups}"))
            .await;
        cli(
            &db,
            &["person", "add", "Later Lou", "--since", "2026-02-02"],
        );
        let reply = invoke(&app, "backup_restore", json!({ "file": file })).await;
        refused(&app, "backup_restore", &reply, "cancelled").await;
        let people = cli(&db, &["--json", "person", "list"]);
        app.ensure(people.contains("Later Lou"), "the restore did not happen")
            .await;

        // Empty the Trash: refused; the deleted person can still come back.
        let people: Value = serde_json::from_str(&people).unwrap();
        let lou = people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == json!("Later Lou"))
            .map(|p| p["id"].clone())
            .unwrap();
        let reply = invoke(
            &app,
            "record_delete",
            json!({ "kind": "person", "id": lou }),
        )
        .await;
        app.ensure(reply["ok"].is_object(), format!("record_delete: {reply}"))
            .await;
        let reply = invoke(&app, "trash_empty", json!({})).await;
        refused(&app, "trash_empty", &reply, "cancelled").await;
        let trash = cli(&db, &["--json", "trash", "list"]);
        app.ensure(trash.contains("Later Lou"), format!("the Trash: {trash}"))
            .await;

        // Each was a question to the leader, in a dialog the page cannot answer.
        let asked = app.dialogs_asked();
        app.ensure(
            asked
                == [
                    format!("Save the summary of {}", today.format("%B %Y")),
                    "Encrypt your notes?".to_string(),
                    "Restore this backup?".to_string(),
                    "Empty the Trash?".to_string(),
                ],
            format!("the app asked {asked:?}"),
        )
        .await;

        // The window stays on the app's page whatever the page navigates to.
        let start = app.js("return location.href;").await;
        for target in [
            "https://example.com/",
            "data:text/html,<h1>elsewhere</h1>",
            "file:///etc/hostname",
        ] {
            app.js(&format!(
                "setTimeout(() => {{ location.href = {}; }}, 0); return true;",
                json!(target)
            ))
            .await;
            tokio::time::sleep(Duration::from_millis(700)).await;
            let now = app.js("return location.href;").await;
            app.ensure(
                now == start,
                format!("after navigating to {target} the window shows {now}"),
            )
            .await;
            app.find("[data-testid='screen-today']").await;
        }

        app.quit().await;
    });
}
