//! Correcting the record in the real app: a 1:1 deleted from the person
//! page comes back with Undo; deleting a person asks first, saying what goes
//! with them, and Settings → Trash brings them back; emptying the Trash
//! waits for the leader's yes in a native dialog. And the open app shows
//! what the `coachlog` command writes to the same file meanwhile.

use coachlog_e2e::{block_on, cli, serial, App};
use serde_json::Value;

const PERSON: &str = "Zora Ndlovu";
const NOTE: &str = "Walked through the quokka onboarding funnel";
const LATE: &str = "Lark Latimer";

fn json(db: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&cli(db, &all)).expect("the CLI's --json is JSON")
}

fn count(db: &std::path::Path, args: &[&str]) -> usize {
    json(db, args).as_array().map_or(0, Vec::len)
}

#[test]
fn delete_with_undo_restore_from_the_trash_and_empty_it_with_a_yes() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("trash", |db| {
            cli(db, &["person", "add", PERSON, "--since", "2026-01-05"]);
            cli(
                db,
                &[
                    "one-on-one",
                    "log",
                    PERSON,
                    "--date",
                    "2026-02-02",
                    "--notes",
                    NOTE,
                ],
            );
            cli(
                db,
                &["win", "add", PERSON, "Shipped the onboarding checklist"],
            );
        })
        .await;
        let db = app.db_path().to_path_buf();
        app.find("[data-testid='screen-today']").await;
        let id = json(&db, &["person", "list"])[0]["id"].as_i64().unwrap();
        app.js(&format!("location.hash = '#/person/{id}'; return true;"))
            .await;
        app.find_text("[data-testid='person-heading']", PERSON)
            .await;

        // A 1:1 goes at once, with an Undo in the notice.
        app.click("[data-testid='delete-record'][data-kind='one_on_one']")
            .await;
        app.find_text("[data-testid='notice']", "to the Trash")
            .await;
        app.ensure(
            count(&db, &["one-on-one", "list"]) == 0,
            "the 1:1 left the database",
        )
        .await;
        app.click("[data-testid='notice-action']").await;
        app.find_text("[data-testid='notice']", "Restored").await;
        let back = json(&db, &["one-on-one", "list"]);
        app.ensure(
            back[0]["notes"].as_str() == Some(NOTE),
            format!("the 1:1 is back as it was: {back}"),
        )
        .await;
        app.find_text("[data-testid='timeline-entry']", "quokka")
            .await;

        // A person asks first, naming what goes with them.
        app.click("[data-testid='delete-record'][data-kind='person']")
            .await;
        let question = app
            .text_with("[data-testid='confirm-dialog']", "1 1:1")
            .await;
        app.ensure(
            question.contains("1 win") && question.contains("Trash for 30 days"),
            format!("the confirmation says {question:?}"),
        )
        .await;
        app.screenshot("delete-person").await;
        app.click("[data-testid='confirm-ok']").await;
        app.find_text("[data-testid='notice']", PERSON).await;
        app.ensure(
            count(&db, &["person", "list", "--all"]) == 0,
            "the person left the database",
        )
        .await;

        // Settings → Trash brings them back, with their records.
        app.click("[data-testid='nav-settings']").await;
        let entry = app.find_text("[data-testid='trash-entry']", PERSON).await;
        let restore = app.find_in(&entry, "[data-testid='trash-restore']").await;
        app.screenshot("settings-trash").await;
        app.click_on(&restore, "Restore").await;
        app.wait_no_text("[data-testid='trash-entry']", PERSON)
            .await;
        app.ensure(
            count(&db, &["one-on-one", "list"]) == 1 && count(&db, &["win", "list"]) == 1,
            "the person came back with their 1:1 and win",
        )
        .await;

        // A deletion made by the command line shows up in the open app.
        let win = json(&db, &["win", "list"])[0]["id"].as_i64().unwrap();
        cli(&db, &["win", "delete", &win.to_string()]);
        app.find_text("[data-testid='trash-entry']", "Shipped the onboarding")
            .await;

        // Emptying asks in a native dialog (the test build answers yes).
        app.click("[data-testid='trash-empty']").await;
        app.find("[data-testid='trash-empty-state']").await;
        app.ensure(
            app.dialogs_asked() == ["Empty the Trash?"],
            format!("the app asked {:?}", app.dialogs_asked()),
        )
        .await;
        app.ensure(count(&db, &["trash", "list"]) == 0, "the Trash is empty")
            .await;

        // And a person added by the command line appears on the Team screen.
        app.click("[data-testid='nav-team']").await;
        app.find_text("[data-testid='team-row']", PERSON).await;
        cli(&db, &["person", "add", LATE, "--since", "2026-03-02"]);
        app.find_text("[data-testid='team-row']", LATE).await;

        app.quit().await;
    });
}
