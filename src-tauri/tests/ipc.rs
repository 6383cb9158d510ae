//! The IPC boundary, through Tauri's mock runtime and the app's real
//! configuration and capability: every command's JSON answer and, for
//! writes, its `{ kind, message }` error. Each test gets its own temporary
//! database.

mod common;

use std::path::Path;

use coachlog_desktop::{AppState, IpcError, COMMANDS};
use common::*;
use serde_json::{json, Value};

// --- The boundary itself ------------------------------------------------------

#[test]
fn every_command_is_registered_and_allowed_by_the_capability() {
    let app = app();
    for cmd in COMMANDS {
        if let Err(e) = app.invoke(cmd, json!({})) {
            let text = e.to_string();
            assert!(
                !text.contains("not allowed") && !text.contains("not found"),
                "{cmd}: {text}"
            );
        }
    }
}

#[test]
fn anything_else_is_refused() {
    let app = app();
    let unknown = app.invoke("drop_everything", json!({})).unwrap_err();
    assert!(unknown.to_string().contains("not found"), "{unknown}");
    for cmd in [
        "plugin:fs|read_text_file",
        "plugin:shell|execute",
        "plugin:window|close",
    ] {
        let e = app.invoke(cmd, json!({})).unwrap_err();
        assert!(
            e.to_string().contains("not allowed") || e.to_string().contains("not found"),
            "{cmd}: {e}"
        );
    }
    // The notification plugin is registered (the daily digest calls it from
    // Rust) but the window is granted none of its permissions.
    for cmd in [
        "plugin:notification|notify",
        "plugin:notification|request_permission",
        "plugin:notification|is_permission_granted",
    ] {
        let e = app.invoke(cmd, json!({})).unwrap_err();
        assert!(e.to_string().contains("not allowed"), "{cmd}: {e}");
    }
}

#[test]
fn the_capability_grants_exactly_the_commands() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main.json");
    let capability: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Nothing else: no dialog (Rust raises those), no file system access.
    assert_eq!(granted, expected);
    assert_eq!(capability["windows"], json!(["main"]));
}

#[test]
fn api_ts_has_a_function_for_every_command() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api.ts");
    let api = std::fs::read_to_string(path).unwrap();
    for cmd in COMMANDS {
        assert!(
            api.contains(&format!("('{cmd}'")),
            "api.ts does not call {cmd}"
        );
    }
    assert_eq!(
        api.matches("invoke<").count(),
        1,
        "api.ts calls invoke in one place"
    );
}

#[test]
fn malformed_arguments_are_refused_before_the_core_runs() {
    let app = app();
    // Tauri reports argument errors as plain strings; api.ts turns them into
    // ApiError { kind: "internal" }.
    let e = app
        .invoke("person_get", json!({ "id": "three" }))
        .unwrap_err();
    assert!(e.is_string(), "{e}");
    let e = app
        .invoke("names", json!({ "kind": "colour" }))
        .unwrap_err();
    assert!(e.as_str().unwrap().contains("colour"), "{e}");
}

// --- App, settings, names, demo -----------------------------------------------

#[test]
fn app_info_reports_the_database() {
    let app = app();
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["db_path"].as_str().unwrap().ends_with("notes.sqlite"));
    assert_eq!(info["schema_version"], coachlog_core::db::SCHEMA_VERSION);
    assert_eq!(info["is_empty"], true);
    assert_eq!(info["startup_error"], Value::Null);
    assert!(coachlog_core::calendar::parse_date(info["today"].as_str().unwrap()).is_ok());
    let mut keys: Vec<&String> = info.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "db_path",
            "is_empty",
            "schema_version",
            "startup_error",
            "today",
            "version"
        ]
    );
    app.add_person("Ada");
    assert_eq!(app.ok("app_info", json!({}))["is_empty"], false);
}

#[test]
fn a_database_that_cannot_be_opened_is_reported_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(&path, "these are not the notes you are looking for").unwrap();
    let state = AppState::open(Ok(path.clone()), day(CREATED));
    let app = with_state(state, dir);
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["db_path"], path.display().to_string());
    assert_eq!(info["schema_version"], Value::Null);
    assert_eq!(info["startup_error"]["kind"], "corrupt");
    assert!(info["startup_error"]["message"]
        .as_str()
        .unwrap()
        .contains("is not a Coachlog database"));
    // Every other command answers with the same error; the file is untouched.
    app.refused(
        "people_list",
        json!({ "includeArchived": false }),
        "corrupt",
        "is not a Coachlog database",
    );
    app.refused(
        "person_add",
        json!({ "input": person("Ada") }),
        "corrupt",
        "left untouched",
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "these are not the notes you are looking for"
    );
}

#[test]
fn a_startup_error_without_a_path_is_reported_too() {
    let error = IpcError::new(coachlog_core::ErrorKind::Io, "no home folder");
    let app = with_state(AppState::failed("", error), tempfile::tempdir().unwrap());
    assert_eq!(
        app.ok("app_info", json!({}))["startup_error"],
        json!({ "kind": "io", "message": "no home folder" })
    );
    app.refused("overview", json!({}), "io", "no home folder");
}

#[test]
fn settings_list_and_set() {
    let app = app();
    let list = app.ok("settings_list", json!({}));
    assert_eq!(
        list.as_array().unwrap().len(),
        coachlog_core::settings::KEYS.len()
    );
    assert_eq!(
        list[0],
        json!({
            "key": "one_on_one_every_days",
            "value": "7",
            "default": "7",
            "description": "1:1 cadence in days; a person may override it"
        })
    );
    let after = app.ok(
        "settings_set",
        json!({ "key": "one_on_one_every_days", "value": " 14 " }),
    );
    assert_eq!(after[0]["value"], "14");
    assert_eq!(after[0]["default"], "7");
    app.refused(
        "settings_set",
        json!({ "key": "colour", "value": "blue" }),
        "invalid",
        "There is no setting 'colour'",
    );
    app.refused(
        "settings_set",
        json!({ "key": "release_day", "value": "31" }),
        "invalid",
        "31",
    );
}

#[test]
fn names_offer_what_was_typed() {
    let app = app();
    assert_eq!(app.ok("names", json!({ "kind": "stage" })), json!([]));
    app.add_person("Ada");
    assert_eq!(app.ok("names", json!({ "kind": "stage" })), json!(["Plan"]));
    assert_eq!(
        app.ok("names", json!({ "kind": "group" })),
        json!(["Project Management"])
    );
    assert_eq!(app.ok("names", json!({ "kind": "team" })), json!([]));
}

#[test]
fn demo_fill_fills_an_empty_database_only() {
    let app = app();
    let report = app.ok("demo_fill", json!({}));
    // Seven followed people, and the Group Manager's two skip-level reports.
    assert_eq!(report["people"], 9);
    let mut keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "agenda_items",
            "cdf_reviews",
            "check_ins",
            "customer_links",
            "interviews",
            "loop_members",
            "milestones",
            "one_on_ones",
            "people",
            "requisitions",
            "tracking_since",
            "updates",
            "walkthroughs",
            "wins"
        ]
    );
    assert_eq!(app.ok("app_info", json!({}))["is_empty"], false);
    assert_eq!(
        app.ok("people_list", json!({ "includeArchived": true }))
            .as_array()
            .unwrap()
            .len(),
        9
    );
    let (kind, _) = app.err("demo_fill", json!({}));
    assert_eq!(kind, "conflict");
}

// --- People -------------------------------------------------------------------

#[test]
fn person_add_get_update_archive() {
    let app = app();
    let ada = app.ok("person_add", json!({ "input": person("  Ada Lovelace ") }));
    // The person as given, the name trimmed, with an id and not archived.
    let mut added = person("Ada Lovelace");
    added["id"] = json!(1);
    added["archived_on"] = Value::Null;
    // A direct report: no manager of their own on the team.
    added["reports_to"] = Value::Null;
    assert_eq!(ada, added);
    assert_eq!(app.ok("person_get", json!({ "id": 1 })), ada);
    let mut changed = person("Ada Lovelace");
    changed["cadence_days"] = json!(14);
    assert_eq!(
        app.ok("person_update", json!({ "id": 1, "input": changed }))["cadence_days"],
        14
    );
    let archived = app.ok("person_archive", json!({ "id": 1, "on": "2026-03-01" }));
    assert_eq!(archived["archived_on"], "2026-03-01");
    assert_eq!(
        app.ok("people_list", json!({ "includeArchived": false })),
        json!([])
    );
    assert_eq!(
        app.ok("people_list", json!({ "includeArchived": true }))[0]["id"],
        1
    );
    assert_eq!(
        app.ok("person_unarchive", json!({ "id": 1 }))["archived_on"],
        Value::Null
    );
    assert_eq!(
        app.ok("people_list", json!({ "includeArchived": false }))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn person_errors() {
    let app = app();
    let (kind, message) = app.err("person_add", json!({ "input": person("  ") }));
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("invalid", "The name is empty; give one.")
    );
    app.add_person("Ada");
    app.refused(
        "person_add",
        json!({ "input": person("ada") }),
        "conflict",
        "already a person named 'Ada'",
    );
    app.refused(
        "person_get",
        json!({ "id": 999 }),
        "not_found",
        "There is no person with id 999",
    );
    app.refused(
        "person_update",
        json!({ "id": 999, "input": person("Bo") }),
        "not_found",
        "id 999",
    );
    app.refused(
        "person_archive",
        json!({ "id": 1, "on": "2025-01-01" }),
        "invalid",
        "archive date",
    );
    app.refused(
        "person_unarchive",
        json!({ "id": 1 }),
        "conflict",
        "is not archived",
    );
    app.ok("person_archive", json!({ "id": 1, "on": "2026-03-01" }));
    app.refused(
        "person_archive",
        json!({ "id": 1, "on": "2026-03-02" }),
        "conflict",
        "already archived",
    );
}

// --- 1:1s, drafts and the agenda ----------------------------------------------

fn log_input(person: i64, date: &str, close: Value) -> Value {
    json!({
        "one_on_one": { "person_id": person, "date": date, "status": "held", "notes": "Talked about roadmap risks", "tags": ["career"] },
        "new_items": [{ "text": "Draft the Q3 OKRs", "open_tag": "todo", "timing": "2026-02-20", "raised_by": "leader" }],
        "close_items": close
    })
}

#[test]
fn one_on_one_log_opens_and_closes_items_and_discards_the_draft() {
    let app = app();
    let ada = app.add_person("Ada");
    let help = app.ok(
        "agenda_add",
        json!({ "input": { "person_id": ada, "text": "Advice on hiring", "open_tag": "help", "timing": null, "raised_by": "person", "opened_on": "2026-02-01", "opened_in": null } }),
    );
    let draft = json!({
        "person_id": ada, "date": "2026-02-10", "status": "held", "notes": "half", "tags": [],
        "new_items": [], "close_items": []
    });
    assert_eq!(app.ok("draft_save", json!({ "draft": draft })), Value::Null);
    let logged = app.ok(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-10", json!([{ "id": help["id"], "tag": "done" }])) }),
    );
    assert_eq!(
        logged["one_on_one"],
        json!({ "id": 1, "person_id": ada, "date": "2026-02-10", "status": "held", "notes": "Talked about roadmap risks", "tags": ["career"] })
    );
    assert_eq!(logged["opened"][0]["text"], "Draft the Q3 OKRs");
    assert_eq!(logged["opened"][0]["timing"], "2026-02-20");
    assert_eq!(logged["opened"][0]["opened_in"], 1);
    assert_eq!(logged["closed"][0]["close_tag"], "done");
    assert_eq!(logged["closed"][0]["closed_in"], 1);
    assert_eq!(app.ok("draft_get", json!({ "personId": ada })), Value::Null);

    assert_eq!(
        app.ok("one_on_one_get", json!({ "id": 1 })),
        logged["one_on_one"]
    );
    let list = app.ok(
        "one_on_ones_list",
        json!({ "personId": ada, "from": "2026-02-01", "to": null }),
    );
    assert_eq!(list, json!([logged["one_on_one"]]));
    assert_eq!(
        app.ok("one_on_ones_list", json!({ "from": "2026-03-01" })),
        json!([])
    );
    assert_eq!(
        app.ok("one_on_one_months", json!({})),
        json!([{ "month": "2026-02", "one_on_ones": 1 }])
    );
    let updated = app.ok(
        "one_on_one_update",
        json!({ "id": 1, "input": { "person_id": ada, "date": "2026-02-10", "status": "held", "notes": "Edited", "tags": [] } }),
    );
    assert_eq!(updated["notes"], "Edited");
}

#[test]
fn one_on_one_errors_leave_nothing_behind() {
    let app = app();
    let ada = app.add_person("Ada");
    app.ok(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-10", json!([])) }),
    );
    app.refused(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-10", json!([])) }),
        "conflict",
        "already a 1:1",
    );
    app.refused(
        "one_on_one_log",
        json!({ "input": log_input(999, "2026-02-11", json!([])) }),
        "not_found",
        "id 999",
    );
    // A bad closure fails the whole log: no second 1:1, no second new item.
    app.refused(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-17", json!([{ "id": 77, "tag": "done" }])) }),
        "not_found",
        "agenda item with id 77",
    );
    assert_eq!(
        app.ok("one_on_ones_list", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.ok("agenda_list", json!({})).as_array().unwrap().len(),
        1
    );
    app.refused(
        "one_on_one_get",
        json!({ "id": 5 }),
        "not_found",
        "no 1:1 with id 5",
    );
    app.refused(
        "one_on_one_update",
        json!({ "id": 5, "input": { "person_id": ada, "date": "2026-02-10", "status": "held", "notes": "", "tags": [] } }),
        "not_found",
        "id 5",
    );
}

#[test]
fn drafts_save_get_discard() {
    let app = app();
    let ada = app.add_person("Ada");
    assert_eq!(app.ok("draft_get", json!({ "personId": ada })), Value::Null);
    app.ok(
        "agenda_add",
        json!({ "input": { "person_id": ada, "text": "Pricing", "open_tag": "discuss", "timing": null, "raised_by": "leader", "opened_on": "2026-02-01", "opened_in": null } }),
    );
    let draft = json!({
        "person_id": ada, "date": "2026-02-10", "status": "held", "notes": "so far", "tags": ["growth"],
        "new_items": [{ "text": "Share the deck", "open_tag": "doto", "timing": "19.2", "raised_by": "leader" }],
        "close_items": [{ "id": 1, "tag": "fyi" }]
    });
    app.ok("draft_save", json!({ "draft": draft }));
    assert_eq!(app.ok("draft_get", json!({ "personId": ada })), draft);
    assert_eq!(
        app.ok("draft_discard", json!({ "personId": ada })),
        Value::Null
    );
    assert_eq!(app.ok("draft_get", json!({ "personId": ada })), Value::Null);
    let mut stray = draft.clone();
    stray["person_id"] = json!(999);
    app.refused(
        "draft_save",
        json!({ "draft": stray }),
        "not_found",
        "id 999",
    );
    // An item that is not there (deleted since, say from the command line)
    // leaves the draft, whose notes are kept.
    let mut unknown_item = draft.clone();
    unknown_item["close_items"] = json!([{ "id": 3, "tag": "fyi" }, { "id": 1, "tag": "fyi" }]);
    app.ok("draft_save", json!({ "draft": unknown_item }));
    assert_eq!(app.ok("draft_get", json!({ "personId": ada })), draft);
}

#[test]
fn agenda_add_list_update_close_reopen() {
    let app = app();
    let ada = app.add_person("Ada");
    let item = app.ok(
        "agenda_add",
        json!({ "input": { "person_id": ada, "text": "Review the pricing page", "open_tag": "review", "timing": "19.2", "raised_by": "leader", "opened_on": "2026-02-01", "opened_in": null } }),
    );
    assert_eq!(
        item,
        json!({
            "id": 1, "person_id": ada, "text": "Review the pricing page", "open_tag": "review",
            "timing": "19.2", "raised_by": "leader", "opened_on": "2026-02-01", "opened_in": null,
            "close_tag": null, "closed_on": null, "closed_in": null
        })
    );
    assert_eq!(
        app.ok(
            "agenda_list",
            json!({ "personId": ada, "open": true, "tag": "review" })
        ),
        json!([item])
    );
    assert_eq!(app.ok("agenda_list", json!({ "open": false })), json!([]));
    let edited = app.ok(
        "agenda_update",
        json!({ "id": 1, "edit": { "text": "Review pricing", "open_tag": "discuss", "timing": null, "raised_by": "person" } }),
    );
    assert_eq!(
        (edited["text"].clone(), edited["timing"].clone()),
        (json!("Review pricing"), Value::Null)
    );
    let closed = app.ok(
        "agenda_close",
        json!({ "id": 1, "tag": "wont", "on": "2026-02-03", "inOneOnOne": null }),
    );
    assert_eq!(
        (closed["close_tag"].clone(), closed["closed_on"].clone()),
        (json!("wont"), json!("2026-02-03"))
    );
    assert_eq!(
        app.ok("agenda_reopen", json!({ "id": 1 }))["closed_on"],
        Value::Null
    );
}

#[test]
fn agenda_errors() {
    let app = app();
    let ada = app.add_person("Ada");
    let input = |timing: &str| json!({ "input": { "person_id": ada, "text": "Call", "open_tag": "todo", "timing": timing, "raised_by": "leader", "opened_on": "2026-02-01", "opened_in": null } });
    app.refused(
        "agenda_add",
        input("2026-01-01"),
        "invalid",
        "before the item was opened",
    );
    app.ok("agenda_add", input("2026-03-01"));
    app.refused(
        "agenda_reopen",
        json!({ "id": 1 }),
        "conflict",
        "already open",
    );
    app.ok(
        "agenda_close",
        json!({ "id": 1, "tag": "done", "on": "2026-02-02" }),
    );
    app.refused(
        "agenda_close",
        json!({ "id": 1, "tag": "done", "on": "2026-02-02" }),
        "conflict",
        "already closed",
    );
    app.refused(
        "agenda_update",
        json!({ "id": 9, "edit": { "text": "x", "open_tag": "todo", "timing": null, "raised_by": "leader" } }),
        "not_found",
        "id 9",
    );
    let mut blank = input("2026-03-01");
    blank["input"]["text"] = json!("   ");
    app.refused("agenda_add", blank, "invalid", "agenda item");
}

// --- Accountability updates ---------------------------------------------------

#[test]
fn updates_add_list_update_done() {
    let app = app();
    let ada = app.add_person("Ada");
    let input = json!({ "person_id": ada, "kind": "next_release", "period": "2026-02", "status": "in_review", "done_on": null, "link": null });
    let u = app.ok("update_add", json!({ "input": input }));
    assert_eq!(
        u,
        json!({ "id": 1, "person_id": ada, "kind": "next_release", "period": "2026-02", "status": "in_review", "done_on": null, "link": null, "objectives": [] })
    );
    let okrs = json!({ "person_id": ada, "kind": "okrs", "period": "FY27-Q1", "status": "not_started", "done_on": null, "link": null });
    app.ok("update_add", json!({ "input": okrs }));
    let direction = json!({ "person_id": null, "kind": "portfolio_direction", "period": "2026-02", "status": "not_started", "done_on": null, "link": null });
    app.ok("update_add", json!({ "input": direction }));
    assert_eq!(
        app.ok(
            "updates_list",
            json!({ "personId": ada, "leaderOnly": false })
        )
        .as_array()
        .unwrap()
        .len(),
        2
    );
    assert_eq!(
        app.ok("updates_list", json!({ "leaderOnly": true }))[0]["kind"],
        "portfolio_direction"
    );
    assert_eq!(
        app.ok(
            "updates_list",
            json!({ "leaderOnly": false, "period": "FY27-Q1", "kind": "okrs" })
        )[0]["period"],
        "FY27-Q1"
    );
    let mut changed = input.clone();
    changed["link"] = json!("https://gitlab.com/x/-/merge_requests/1");
    assert_eq!(
        app.ok("update_update", json!({ "id": 1, "input": changed }))["link"],
        "https://gitlab.com/x/-/merge_requests/1"
    );
    let done = app.ok(
        "update_done",
        json!({ "id": 1, "on": "2026-02-12", "link": null }),
    );
    assert_eq!(
        (done["status"].clone(), done["done_on"].clone()),
        (json!("done"), json!("2026-02-12"))
    );
    assert_eq!(done["link"], "https://gitlab.com/x/-/merge_requests/1");
}

#[test]
fn update_errors() {
    let app = app();
    let ada = app.add_person("Ada");
    let bad = json!({ "person_id": ada, "kind": "okrs", "period": "2026-02", "status": "not_started", "done_on": null, "link": null });
    app.refused(
        "update_add",
        json!({ "input": bad }),
        "invalid",
        "OKRs are per fiscal quarter",
    );
    let done = json!({ "person_id": ada, "kind": "next_release", "period": "2026-02", "status": "done", "done_on": null, "link": null });
    app.refused(
        "update_add",
        json!({ "input": done }),
        "invalid",
        "needs the day it was done",
    );
    app.refused(
        "update_update",
        json!({ "id": 4, "input": bad }),
        "invalid",
        "OKRs",
    );
    app.refused(
        "update_done",
        json!({ "id": 4, "on": "2026-02-12" }),
        "not_found",
        "id 4",
    );
    app.refused(
        "updates_list",
        json!({ "personId": ada, "leaderOnly": true }),
        "invalid",
        "not both",
    );
}

// --- Internal customers -------------------------------------------------------

#[test]
fn customer_links_and_check_ins() {
    let app = app();
    let ada = app.add_person("Ada");
    let input = json!({ "person_id": ada, "team": "Support", "category": "Code Review", "since": "2026-01-10" });
    let link = app.ok("customer_link_add", json!({ "input": input }));
    assert_eq!(
        link,
        json!({ "id": 1, "person_id": ada, "team": "Support", "category": "Code Review", "since": "2026-01-10", "archived_on": null })
    );
    assert_eq!(
        app.ok(
            "customer_links_list",
            json!({ "personId": ada, "includeArchived": false })
        ),
        json!([link])
    );
    let mut changed = input.clone();
    changed["team"] = json!("Customer Support");
    assert_eq!(
        app.ok("customer_link_update", json!({ "id": 1, "input": changed }))["team"],
        "Customer Support"
    );
    let check_in = app.ok(
        "check_in_add",
        json!({ "input": { "link_id": 1, "date": "2026-02-02", "epic_updated": true, "notes": "Asked about SLAs" } }),
    );
    assert_eq!(
        check_in,
        json!({ "id": 1, "link_id": 1, "date": "2026-02-02", "epic_updated": true, "notes": "Asked about SLAs" })
    );
    assert_eq!(
        app.ok("check_ins_list", json!({ "linkId": 1 })),
        json!([check_in])
    );
    assert_eq!(
        app.ok("check_ins_list", json!({ "personId": ada })),
        json!([check_in])
    );
    assert_eq!(
        app.ok(
            "customer_link_archive",
            json!({ "id": 1, "on": "2026-03-01" })
        )["archived_on"],
        "2026-03-01"
    );
    assert_eq!(
        app.ok("customer_links_list", json!({ "includeArchived": false })),
        json!([])
    );
    assert_eq!(
        app.ok("names", json!({ "kind": "team" })),
        json!(["Customer Support"])
    );
    app.refused(
        "check_in_add",
        json!({ "input": { "link_id": 1, "date": "2026-03-05", "epic_updated": false, "notes": "" } }),
        "invalid",
        "was archived on 2026-03-01",
    );
    app.refused(
        "customer_link_archive",
        json!({ "id": 1, "on": "2026-03-02" }),
        "conflict",
        "already archived",
    );
    assert_eq!(
        app.ok("customer_link_unarchive", json!({ "id": 1 }))["archived_on"],
        Value::Null
    );
    app.refused(
        "customer_link_unarchive",
        json!({ "id": 1 }),
        "conflict",
        "is not archived",
    );
    app.refused(
        "customer_link_add",
        json!({ "input": changed }),
        "conflict",
        "already has",
    );
    app.refused(
        "customer_link_update",
        json!({ "id": 8, "input": input }),
        "not_found",
        "id 8",
    );
}

// --- Hiring -------------------------------------------------------------------

#[test]
fn requisitions_loops_and_interviews() {
    let app = app();
    let ada = app.add_person("Ada");
    let req = app.ok(
        "requisition_open",
        json!({ "input": { "title": "Senior PM, Plan", "level": "ic", "opened_on": "2026-01-15" } }),
    );
    assert_eq!(
        req,
        json!({ "id": 1, "title": "Senior PM, Plan", "level": "ic", "opened_on": "2026-01-15", "status": "open", "closed_on": null })
    );
    assert_eq!(
        app.ok("requisitions_list", json!({ "includeClosed": false })),
        json!([req])
    );
    let renamed = app.ok(
        "requisition_update",
        json!({ "id": 1, "input": { "title": "Senior PM, Plan:Project", "level": "ic", "opened_on": "2026-01-15" } }),
    );
    assert_eq!(renamed["title"], "Senior PM, Plan:Project");
    let member = app.ok(
        "loop_add",
        json!({ "input": { "requisition_id": 1, "member": { "person": ada }, "role": "peer PM", "works_with_hire": true } }),
    );
    assert_eq!(
        member,
        json!({ "id": 1, "requisition_id": 1, "member": { "person": ada }, "role": "peer PM", "works_with_hire": true })
    );
    app.ok(
        "loop_add",
        json!({ "input": { "requisition_id": 1, "member": { "name": "Grace (Eng)" }, "role": "", "works_with_hire": false } }),
    );
    assert_eq!(
        app.ok("loop_list", json!({ "requisitionId": 1 }))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let removed = app.ok("record_delete", json!({ "kind": "loop_member", "id": 2 }));
    assert_eq!(removed["kind"], "loop_member");
    assert_eq!(
        app.ok("loop_list", json!({ "requisitionId": 1 })),
        json!([member])
    );
    let interview = app.ok(
        "interview_add",
        json!({ "input": { "requisition_id": 1, "date": "2026-02-01", "candidate": "Alan", "interviewers": [{ "person": ada }, { "name": "Grace" }] } }),
    );
    assert_eq!(
        interview,
        json!({ "id": 1, "requisition_id": 1, "date": "2026-02-01", "candidate": "Alan", "interviewers": [{ "person": ada }, { "name": "Grace" }] })
    );
    assert_eq!(
        app.ok("interviews_list", json!({ "requisitionId": 1 })),
        json!([interview])
    );
    assert_eq!(app.ok("interviews_list", json!({})), json!([interview]));
    let closed = app.ok(
        "requisition_close",
        json!({ "id": 1, "status": "filled", "on": "2026-02-20" }),
    );
    assert_eq!(
        (closed["status"].clone(), closed["closed_on"].clone()),
        (json!("filled"), json!("2026-02-20"))
    );
    assert_eq!(
        app.ok("requisitions_list", json!({ "includeClosed": false })),
        json!([])
    );
    assert_eq!(
        app.ok("requisition_reopen", json!({ "id": 1 }))["status"],
        "open"
    );
}

#[test]
fn hiring_errors() {
    let app = app();
    app.refused(
        "requisition_open",
        json!({ "input": { "title": "", "level": "ic", "opened_on": "2026-01-15" } }),
        "invalid",
        "requisition title is empty",
    );
    app.ok(
        "requisition_open",
        json!({ "input": { "title": "PM", "level": "ic", "opened_on": "2026-01-15" } }),
    );
    app.refused(
        "requisition_update",
        json!({ "id": 3, "input": { "title": "PM", "level": "ic", "opened_on": "2026-01-15" } }),
        "not_found",
        "id 3",
    );
    app.refused(
        "requisition_close",
        json!({ "id": 1, "status": "open", "on": "2026-02-01" }),
        "invalid",
        "filled or cancelled",
    );
    app.refused(
        "requisition_reopen",
        json!({ "id": 1 }),
        "conflict",
        "already open",
    );
    app.ok("loop_add", json!({ "input": { "requisition_id": 1, "member": { "name": "Grace" }, "role": "", "works_with_hire": false } }));
    app.refused("loop_add", json!({ "input": { "requisition_id": 1, "member": { "name": "grace" }, "role": "", "works_with_hire": false } }), "conflict", "already in the loop");
    app.refused(
        "record_delete",
        json!({ "kind": "loop_member", "id": 42 }),
        "not_found",
        "id 42",
    );
    app.refused("interview_add", json!({ "input": { "requisition_id": 1, "date": "2026-01-01", "candidate": "Alan", "interviewers": [] } }), "invalid", "interview date");
}

// --- Walkthroughs and wins ----------------------------------------------------

#[test]
fn walkthroughs_add_list_update() {
    let app = app();
    let input = json!({ "date": "2026-02-12", "title": "Plan to Verify", "stages": ["Plan", "Verify"], "categories": ["Boards"], "findings": "- confusing", "issue_link": null });
    let w = app.ok("walkthrough_add", json!({ "input": input }));
    assert_eq!(
        w,
        json!({ "id": 1, "date": "2026-02-12", "title": "Plan to Verify", "stages": ["Plan", "Verify"], "categories": ["Boards"], "findings": "- confusing", "issue_link": null })
    );
    assert_eq!(
        app.ok(
            "walkthroughs_list",
            json!({ "from": "2026-02-01", "to": "2026-02-28" })
        ),
        json!([w])
    );
    assert_eq!(
        app.ok("walkthroughs_list", json!({ "from": "2026-03-01" })),
        json!([])
    );
    let mut changed = input.clone();
    changed["issue_link"] = json!("https://gitlab.com/g/p/-/issues/1");
    assert_eq!(
        app.ok("walkthrough_update", json!({ "id": 1, "input": changed }))["issue_link"],
        "https://gitlab.com/g/p/-/issues/1"
    );
    app.refused(
        "walkthrough_add",
        json!({ "input": input }),
        "conflict",
        "already a walkthrough",
    );
    let mut bad = input.clone();
    bad["issue_link"] = json!("javascript:alert(1)");
    app.refused(
        "walkthrough_update",
        json!({ "id": 1, "input": bad }),
        "invalid",
        "is not a web link",
    );
    app.refused(
        "walkthrough_update",
        json!({ "id": 7, "input": input }),
        "not_found",
        "id 7",
    );
}

#[test]
fn wins_add_list_update_share() {
    let app = app();
    let ada = app.add_person("Ada");
    let win = app.ok("win_add", json!({ "input": { "person_id": ada, "noted_on": "2026-02-03", "text": "Shipped search" } }));
    assert_eq!(
        win,
        json!({ "id": 1, "person_id": ada, "noted_on": "2026-02-03", "text": "Shipped search", "shared_on": null, "shared_where": null })
    );
    assert_eq!(
        app.ok(
            "wins_list",
            json!({ "personId": ada, "unsharedOnly": true })
        ),
        json!([win])
    );
    assert_eq!(
        app.ok("win_update", json!({ "id": 1, "input": { "person_id": ada, "noted_on": "2026-02-03", "text": "Shipped fast search" } }))["text"],
        "Shipped fast search"
    );
    let shared = app.ok(
        "win_share",
        json!({ "id": 1, "on": "2026-02-05", "place": "staff meeting" }),
    );
    assert_eq!(
        (shared["shared_on"].clone(), shared["shared_where"].clone()),
        (json!("2026-02-05"), json!("staff meeting"))
    );
    assert_eq!(
        app.ok("wins_list", json!({ "unsharedOnly": true })),
        json!([])
    );
    app.refused(
        "win_share",
        json!({ "id": 1, "on": "2026-02-06" }),
        "conflict",
        "already shared",
    );
    assert_eq!(
        app.ok("win_unshare", json!({ "id": 1 }))["shared_on"],
        Value::Null
    );
    app.refused(
        "win_unshare",
        json!({ "id": 1 }),
        "conflict",
        "has not been shared",
    );
    app.refused(
        "win_share",
        json!({ "id": 1, "on": "2026-01-01", "place": null }),
        "invalid",
        "sharing date",
    );
    app.refused(
        "win_add",
        json!({ "input": { "person_id": ada, "noted_on": "2026-02-03", "text": "" } }),
        "invalid",
        "win",
    );
    app.refused(
        "win_update",
        json!({ "id": 5, "input": { "person_id": ada, "noted_on": "2026-02-03", "text": "x" } }),
        "not_found",
        "id 5",
    );
}

// --- Search and the day -------------------------------------------------------

#[test]
fn search_finds_notes_by_word() {
    let app = app();
    let ada = app.add_person("Ada");
    app.ok(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-10", json!([])) }),
    );
    let hits = app.ok("search", json!({ "text": "roadm", "limit": 10 }));
    assert_eq!(
        hits,
        json!([{ "kind": "one_on_one", "id": 1, "person_id": ada, "person": "Ada", "date": "2026-02-10", "snippet": "Talked about roadmap risks", "parts": [{ "text": "Talked about ", "matched": false }, { "text": "roadmap", "matched": true }, { "text": " risks", "matched": false }] }])
    );
    assert_eq!(
        app.ok("search", json!({ "text": "nothing-like-it" })),
        json!([])
    );
    app.refused(
        "search",
        json!({ "text": "   " }),
        "invalid",
        "at least one word",
    );
}

#[test]
fn overview_shape() {
    let app = app();
    let ada = app.add_person("Ada");
    // The overview is built for the real today; date the 1:1 from it.
    let today = coachlog_desktop::clock::today();
    let held = (today - chrono::Days::new(3)).to_string();
    let next_due = (today + chrono::Days::new(4)).to_string();
    let input = json!({
        "one_on_one": { "person_id": ada, "date": held, "status": "held", "notes": "", "tags": [] },
        "new_items": [{ "text": "Draft the OKRs", "open_tag": "todo", "timing": null, "raised_by": "leader" }],
        "close_items": []
    });
    app.ok("one_on_one_log", json!({ "input": input }));
    let o = app.ok("overview", json!({}));
    let mut keys: Vec<&String> = o.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "actions",
            "counts",
            "milestones",
            "open_requisitions",
            "people",
            "requests",
            "today",
            "unshared_wins"
        ]
    );
    assert_eq!(o["today"], today.to_string());
    assert_eq!(o["people"][0]["person"]["name"], "Ada");
    assert_eq!(o["people"][0]["last_held"], held);
    assert_eq!(o["people"][0]["next_due"], next_due);
    assert_eq!(o["people"][0]["open_items"], 1);
    assert_eq!(
        o["actions"][0],
        json!({
            "item": app.ok("agenda_list", json!({}))[0],
            "person": "Ada",
            "due": null,
            "owner": "person"
        })
    );
    assert_eq!(o["requests"], json!([]));
    assert_eq!(o["counts"]["people"], 1);
    assert_eq!(o["counts"]["open_actions"], 1);
}

// --- Nudges, coverage and releases --------------------------------------------

#[test]
fn overdue_lists_what_needs_the_leader_that_day() {
    let app = app();
    let ada = app.add_person("Ada");
    // Created on 5 January: Ada's first 1:1 was due a week later, and
    // January's updates on its release day (Thursday the 15th).
    let list = app.ok("overdue", json!({ "asOf": "2026-01-20", "dueSoon": false }));
    assert_eq!(
        list[0],
        json!({
            "key": "one_on_one:1:2026-01-12",
            "rule": "one_on_one",
            "person_id": ada,
            "person": "Ada",
            "owner": null,
            "subject": "1:1 with Ada",
            "period": null,
            "due": "2026-01-12",
            "overdue_days": 8,
            "message": "1:1 with Ada is 8 days overdue (none held yet; due 2026-01-12).",
            "record_id": null
        })
    );
    let keys: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "one_on_one:1:2026-01-12",
            "update:leader:portfolio_direction:2026-01",
            "update:1:next_release:2026-01",
            "update:1:three_month_vision:2026-01",
        ]
    );
    // Three days before the updates fall due they are "due soon".
    let soon = app.ok("overdue", json!({ "asOf": "2026-01-12", "dueSoon": true }));
    let days: Vec<(&str, i64)> = soon
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["rule"].as_str().unwrap(),
                n["overdue_days"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("one_on_one", 0),
            ("update", -3),
            ("update", -3),
            ("update", -3)
        ]
    );
    assert_eq!(
        app.ok("overdue", json!({ "asOf": "2026-01-12", "dueSoon": false })),
        json!([])
    );
    // No day: today, by the computer's clock.
    let today = app.ok("overdue", json!({ "asOf": null, "dueSoon": false }));
    assert!(today
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["overdue_days"].as_i64().unwrap() > 0));
    app.refused(
        "overdue",
        json!({ "asOf": "2026-02-30", "dueSoon": false }),
        "invalid",
        "not a real date",
    );
}

#[test]
fn nudges_snooze_dismiss_and_undo() {
    let app = app();
    app.add_person("Ada");
    let keys = |as_of: &str| -> Vec<String> {
        app.ok("overdue", json!({ "asOf": as_of, "dueSoon": false }))
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["key"].as_str().unwrap().to_string())
            .collect()
    };
    let one_on_one = "one_on_one:1:2026-01-12";
    let update = "update:1:next_release:2026-01";
    assert_eq!(
        app.ok(
            "nudge_snooze",
            json!({ "key": one_on_one, "until": "2026-01-22" })
        ),
        json!({ "key": one_on_one, "snoozed_until": "2026-01-22", "dismissed": false })
    );
    assert_eq!(
        app.ok("nudge_dismiss", json!({ "key": update })),
        json!({ "key": update, "snoozed_until": null, "dismissed": true })
    );
    let shown = keys("2026-01-20");
    assert!(
        !shown.iter().any(|k| k == one_on_one || k == update),
        "{shown:?}"
    );
    // Snoozed until the 22nd: back on the 23rd. Dismissed: gone for good.
    assert!(keys("2026-01-23").iter().any(|k| k == one_on_one));
    assert!(!keys("2026-01-23").iter().any(|k| k == update));
    assert_eq!(app.ok("nudge_undo", json!({ "key": update })), Value::Null);
    assert!(keys("2026-01-20").iter().any(|k| k == update));

    app.refused(
        "nudge_snooze",
        json!({ "key": "nonsense", "until": "2026-01-22" }),
        "invalid",
        "is not a nudge key",
    );
    app.refused(
        "nudge_dismiss",
        json!({ "key": "colour:blue" }),
        "invalid",
        "is not a nudge key",
    );
    app.refused(
        "nudge_undo",
        json!({ "key": update }),
        "not_found",
        "neither snoozed nor dismissed",
    );
}

#[test]
fn the_person_page_brief_and_agenda_balance_read_today_or_the_day_asked() {
    let app = app();
    let ada = app.add_person("Ada");
    let today = coachlog_desktop::clock::today();

    let page = app.ok("person_page", json!({ "id": ada }));
    assert_eq!(page["as_of"], today.to_string());
    assert_eq!(page["person"]["name"], "Ada");
    assert_eq!(page["agenda_balance"]["raised_by_leader"], 0);
    app.refused("person_page", json!({ "id": 999 }), "not_found", "");

    let brief = app.ok("brief", json!({ "personId": ada, "asOf": "2026-01-20" }));
    assert_eq!(brief["as_of"], "2026-01-20");
    assert_eq!(brief["person"]["name"], "Ada");
    assert_eq!(
        app.ok("brief", json!({ "personId": ada }))["as_of"],
        today.to_string()
    );
    let md = app.ok(
        "brief_markdown",
        json!({ "personId": ada, "asOf": "2026-01-20" }),
    );
    assert!(md.as_str().unwrap().starts_with("# Brief: Ada\n"), "{md}");
    app.refused(
        "brief",
        json!({ "personId": ada, "asOf": "2026-02-30" }),
        "invalid",
        "",
    );
    app.refused(
        "brief_markdown",
        json!({ "personId": 999 }),
        "not_found",
        "",
    );

    let team = app.ok("agenda_balance", json!({}));
    assert_eq!(team["to"], today.to_string());
    let window = app.ok("agenda_balance", json!({ "to": "2026-05-20" }));
    assert_eq!(window["from"], "2026-02-20");
    assert_eq!(window["people"][0]["name"], "Ada");
    let asked = app.ok(
        "agenda_balance",
        json!({ "from": "2026-05-01", "to": "2026-05-20" }),
    );
    assert_eq!(asked["from"], "2026-05-01");
    app.refused(
        "agenda_balance",
        json!({ "from": "2026-05-21", "to": "2026-05-20" }),
        "invalid",
        "give the earlier day first",
    );
}

#[test]
fn coverage_is_a_grid_of_pms_and_practices() {
    let app = app();
    let ada = app.add_person("Ada");
    let today = coachlog_desktop::clock::today();
    let grid = app.ok("coverage", json!({}));
    assert_eq!(grid["as_of"], today.to_string());
    assert_eq!(
        grid["practices"],
        json!([
            "one_on_one",
            "requests",
            "actions",
            "updates",
            "customers",
            "wins",
            "cdf_reviews",
            "career_conversations",
            "skip_levels"
        ])
    );
    let row = &grid["rows"][0];
    assert_eq!(
        (row["person_id"].clone(), row["name"].clone()),
        (json!(ada), json!("Ada"))
    );
    let cells = row["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 9);
    // No 1:1 since she joined: overdue, with the worst item's message.
    assert_eq!(cells[0]["practice"], "one_on_one");
    assert_eq!(cells[0]["status"], "overdue");
    assert_eq!(cells[0]["overdue"], 1);
    assert!(cells[0]["worst"]
        .as_str()
        .unwrap()
        .starts_with("1:1 with Ada is "));
    assert_eq!(
        cells[1],
        json!({ "practice": "requests", "status": "on_track", "overdue": 0, "due_soon": 0, "worst": null })
    );
    assert_eq!(cells[4]["status"], "not_applicable");
    let error = IpcError::new(coachlog_core::ErrorKind::Io, "no home folder");
    let failed = with_state(AppState::failed("", error), tempfile::tempdir().unwrap());
    failed.refused("coverage", json!({}), "io", "no home folder");
}

#[test]
fn releases_are_the_next_release_days() {
    use chrono::Datelike;
    let app = app();
    let today = coachlog_desktop::clock::today();
    let list = app.ok("releases", json!({ "count": 3 }));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let mut previous = today - chrono::Days::new(1);
    for r in list {
        let mut keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["date", "month", "version"]);
        let date = day(r["date"].as_str().unwrap());
        // The default release day: the third Thursday of the month.
        assert_eq!(date.weekday(), chrono::Weekday::Thu);
        assert!((15..=21).contains(&date.day()), "{date}");
        assert!(date > previous, "{date} after {previous}");
        assert_eq!(r["month"], date.format("%Y-%m").to_string());
        // The anchor 18.0 = May 2025 gives every later month a version.
        let months = (date.year() - 2025) * 12 + date.month() as i32 - 5;
        assert_eq!(
            r["version"],
            format!("{}.{}", 18 + months / 12, months % 12)
        );
        previous = date;
    }
    assert!(previous >= today);
    app.refused("releases", json!({ "count": 0 }), "invalid", "1 to 60");
    app.refused("releases", json!({ "count": 61 }), "invalid", "got 61");
}

// --- The monthly summary --------------------------------------------------------

/// An app with Ada and one held 1:1 in February 2026 (notes "Talked about
/// roadmap risks", an action "Draft the Q3 OKRs").
fn app_with_a_month() -> App {
    let app = app();
    let ada = app.add_person("Ada");
    app.ok(
        "one_on_one_log",
        json!({ "input": log_input(ada, "2026-02-10", json!([])) }),
    );
    app
}

fn preview(app: &App, format: &str, include_notes: bool) -> String {
    let v = app.ok(
        "summary_preview",
        json!({ "month": "2026-02", "format": format, "includeNotes": include_notes }),
    );
    v.as_str()
        .unwrap_or_else(|| panic!("summary_preview answers a string: {v}"))
        .to_string()
}

#[test]
fn summary_preview_renders_the_month_in_every_format() {
    let app = app_with_a_month();
    let md = preview(&app, "markdown", false);
    assert!(md.contains("February 2026"), "{md}");
    assert!(md.contains("Ada"), "{md}");
    // The default summary is safe to share: no notes, no item texts.
    assert!(!md.contains("roadmap risks"), "{md}");
    assert!(!md.contains("Draft the Q3 OKRs"), "{md}");
    assert_eq!(preview(&app, "md", false), md, "md is markdown");
    let private = preview(&app, "markdown", true);
    assert!(private.contains("Talked about roadmap risks"), "{private}");

    let html = preview(&app, "html", false);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("roadmap risks"));

    let csv = preview(&app, "csv", false);
    assert!(
        csv.starts_with("month,person_id,person,metric,value\r\n"),
        "{csv}"
    );
    let data: Value = serde_json::from_str(&preview(&app, "json", false)).unwrap();
    assert_eq!(data["month"], "2026-02");
    assert_eq!(data["includes_notes"], false);
    assert_eq!(data["people"][0]["name"], "Ada");
    assert_eq!(data["people"][0]["one_on_ones"]["held"], 1);
    assert_eq!(data["generated_on"], Value::Null, "no date: same bytes");
}

#[test]
fn summary_preview_errors() {
    let app = app();
    let args = |month: &str, format: &str| json!({ "month": month, "format": format, "includeNotes": false });
    app.refused(
        "summary_preview",
        args("2026-13", "markdown"),
        "invalid",
        "'2026-13' is not a month",
    );
    app.refused(
        "summary_preview",
        args("Feb 2026", "html"),
        "invalid",
        "expected YYYY-MM",
    );
    app.refused(
        "summary_preview",
        args("2026-02", "pdf"),
        "invalid",
        "'pdf' is not a summary format",
    );
    // A month without records is an empty summary, not an error.
    let empty = app.ok("summary_preview", args("2026-02", "markdown"));
    assert!(empty.as_str().unwrap().contains("February 2026"));
}

#[test]
fn summary_save_writes_where_the_leader_chose_in_the_dialog() {
    let app = app_with_a_month();
    let dir = tempfile::tempdir().unwrap();
    let save = |format: &str, include_notes: bool| {
        app.ok(
            "summary_save",
            json!({ "month": "2026-02", "format": format, "includeNotes": include_notes }),
        )
    };
    app.dialogs.save_into(Some(dir.path().to_path_buf()));
    for (format, name) in [
        ("markdown", "coachlog-summary-2026-02.md"),
        ("html", "coachlog-summary-2026-02.html"),
        ("csv", "coachlog-summary-2026-02.csv"),
        ("json", "coachlog-summary-2026-02.json"),
    ] {
        let path = dir.path().join(name);
        let saved = save(format, false);
        let expected = preview(&app, format, false);
        assert_eq!(
            saved,
            json!({ "path": path.display().to_string(), "bytes": expected.len() })
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            expected,
            "{format}"
        );
    }
    // With the notes, the name says so.
    let private = save("markdown", true);
    assert!(private["path"]
        .as_str()
        .unwrap()
        .ends_with("coachlog-summary-2026-02-private.md"));
    assert_eq!(
        app.dialogs.asked().last().unwrap(),
        "Save the summary of February 2026"
    );
    // Nothing else is left in the folder: no temporary file.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "coachlog-summary-2026-02-private.md",
            "coachlog-summary-2026-02.csv",
            "coachlog-summary-2026-02.html",
            "coachlog-summary-2026-02.json",
            "coachlog-summary-2026-02.md"
        ]
    );
}

#[test]
fn summary_save_takes_no_path_from_the_page_and_writes_nothing_when_cancelled() {
    let app = app_with_a_month();
    let dir = tempfile::tempdir().unwrap();
    // The page's own path is not an argument: it is ignored, nothing is
    // written there, and without the leader's answer nothing is written.
    let bashrc = dir.path().join(".bashrc");
    std::fs::write(&bashrc, "keep me").unwrap();
    app.refused(
        "summary_save",
        json!({ "month": "2026-02", "format": "markdown", "includeNotes": true, "path": bashrc }),
        "cancelled",
        "Nothing was saved",
    );
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "keep me");
    assert_eq!(app.dialogs.asked(), ["Save the summary of February 2026"]);
    // Bad requests are refused before any dialog.
    let args = |month: &str, format: &str| json!({ "month": month, "format": format, "includeNotes": false });
    app.refused(
        "summary_save",
        args("2026-00", "markdown"),
        "invalid",
        "'2026-00' is not a month",
    );
    app.refused(
        "summary_save",
        args("2026-02", "docx"),
        "invalid",
        "'docx' is not a summary format",
    );
    assert_eq!(app.dialogs.asked().len(), 1);
    // A folder that cannot be written: an io error, and nothing left.
    app.dialogs
        .save_into(Some(dir.path().join("no-such-folder")));
    app.refused(
        "summary_save",
        args("2026-02", "markdown"),
        "io",
        "does not exist",
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [".bashrc"]);
}

#[test]
fn the_window_may_open_no_dialog() {
    let app = app();
    for cmd in [
        "plugin:dialog|save",
        "plugin:dialog|open",
        "plugin:dialog|message",
        "plugin:dialog|ask",
        "plugin:dialog|confirm",
    ] {
        let e = app.invoke(cmd, json!({})).unwrap_err();
        assert!(e.to_string().contains("not allowed"), "{cmd}: {e}");
    }
}

/// The Export screen previews the HTML summary in `<iframe srcdoc sandbox="">`.
/// A srcdoc document inherits the app's CSP, whose `style-src` allows no
/// inline style — except the summary's one stylesheet, by its hash. When the
/// core changes that stylesheet, this test gives the new hash to put in
/// tauri.conf.json (else the preview shows unstyled).
#[test]
fn the_csp_allows_the_summary_stylesheet_by_its_hash() {
    use base64::Engine;
    use sha2::Digest;
    let app = app_with_a_month();
    let html = preview(&app, "html", true);
    assert_eq!(html.matches("<style").count(), 1, "one stylesheet");
    assert!(!html.contains("style="), "no style attributes");
    let css = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(css, _)| css)
        .expect("the summary has a <style> element");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(css));
    let conf: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tauri.conf.json"))
            .unwrap(),
    )
    .unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(
        csp["style-src"],
        format!("'self' 'sha256-{hash}'"),
        "tauri.conf.json's style-src must allow the summary's stylesheet and nothing else inline"
    );
    // No frame-src is needed for srcdoc (it loads nothing); frames stay off.
    assert_eq!(csp["frame-src"], "'none'");
    assert_eq!(csp["script-src"], "'self'");
}

// --- A person's review packet ---------------------------------------------------

fn packet_args(person: i64, format: &str, include_notes: bool) -> Value {
    json!({ "personId": person, "from": "2026-01-01", "to": "2026-03-31", "format": format, "includeNotes": include_notes })
}

#[test]
fn history_preview_renders_the_packet_in_every_format_and_keeps_notes_private() {
    let app = app_with_a_month();
    let ada = app.ok("people_list", json!({ "includeArchived": true }))[0]["id"]
        .as_i64()
        .unwrap();
    let text = |format: &str, notes: bool| {
        app.ok("history_preview", packet_args(ada, format, notes))
            .as_str()
            .unwrap()
            .to_string()
    };
    let md = text("markdown", false);
    assert!(md.starts_with("# Review packet: Ada\n"), "{md}");
    assert!(
        md.contains("| February 2026 | 1 | 0 | 0 | career 1 |"),
        "{md}"
    );
    assert!(!md.contains("roadmap risks"), "{md}");
    assert!(text("markdown", true).contains("Talked about roadmap risks"));
    let html = text("html", false);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    // The same stylesheet as the summary's: the CSP's hash lets the
    // Export screen's sandboxed preview show it styled.
    assert_eq!(html.matches("<style").count(), 1);
    assert!(!html.contains("style="));
    assert_eq!(
        html.split_once("<style>")
            .unwrap()
            .1
            .split_once("</style>")
            .unwrap()
            .0,
        preview(&app, "html", false)
            .split_once("<style>")
            .unwrap()
            .1
            .split_once("</style>")
            .unwrap()
            .0
    );
    let data: Value = serde_json::from_str(&text("json", false)).unwrap();
    assert_eq!(
        data["window"],
        json!({ "from": "2026-01-01", "to": "2026-03-31" })
    );
    assert_eq!(data["one_on_ones"]["held"], 1);

    app.refused(
        "history_preview",
        json!({ "personId": ada, "from": "2026-04-01", "to": "2026-03-31", "format": "markdown", "includeNotes": false }),
        "invalid",
        "after it ends on 2026-03-31",
    );
    app.refused(
        "history_preview",
        json!({ "personId": ada, "from": "2026-02-30", "to": null, "format": "markdown", "includeNotes": false }),
        "invalid",
        "2026-02-30",
    );
    app.refused(
        "history_preview",
        packet_args(ada, "csv", false),
        "invalid",
        "'csv' is not a packet format",
    );
    app.refused(
        "history_preview",
        packet_args(ada + 99, "markdown", false),
        "not_found",
        "",
    );
}

#[test]
fn history_save_writes_where_the_leader_chose_and_takes_no_path_from_the_page() {
    let app = app_with_a_month();
    let ada = app.ok("people_list", json!({ "includeArchived": true }))[0]["id"]
        .as_i64()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Cancelled: nothing written, whatever path the page sends.
    let bashrc = dir.path().join(".bashrc");
    std::fs::write(&bashrc, "keep me").unwrap();
    let mut args = packet_args(ada, "markdown", true);
    args["path"] = json!(bashrc);
    app.refused("history_save", args, "cancelled", "Nothing was saved");
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "keep me");
    assert_eq!(app.dialogs.asked(), ["Save Ada's review packet"]);
    // Bad requests are refused before any dialog.
    app.refused(
        "history_save",
        packet_args(ada, "docx", false),
        "invalid",
        "'docx'",
    );
    app.refused(
        "history_save",
        packet_args(ada + 99, "html", false),
        "not_found",
        "",
    );
    assert_eq!(app.dialogs.asked().len(), 1);

    app.dialogs.save_into(Some(dir.path().to_path_buf()));
    for (format, notes, name) in [
        (
            "markdown",
            false,
            "coachlog-packet-ada-2026-01-01-2026-03-31.md",
        ),
        (
            "html",
            false,
            "coachlog-packet-ada-2026-01-01-2026-03-31.html",
        ),
        (
            "json",
            true,
            "coachlog-packet-ada-2026-01-01-2026-03-31-private.json",
        ),
    ] {
        let saved = app.ok("history_save", packet_args(ada, format, notes));
        let path = dir.path().join(name);
        let expected = app.ok("history_preview", packet_args(ada, format, notes));
        let expected = expected.as_str().unwrap();
        assert_eq!(
            saved,
            json!({ "path": path.display().to_string(), "bytes": expected.len() })
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            expected,
            "{format}"
        );
    }
}

#[test]
fn startup_painted_answers_null_and_takes_nothing() {
    // The start-up probe of scripts/perf.sh: prints a marker only with
    // COACHLOG_PROBE_STARTUP=1 (not set here), and answers null either way.
    let app = app();
    assert_eq!(app.ok("startup_painted", json!({})), Value::Null);
}

// --- Deleting, the Trash, corrections ------------------------------------------

#[test]
fn a_deletion_goes_to_the_trash_and_comes_back_with_the_same_ids() {
    let app = app_with_a_month();
    let people = app.ok("people_list", json!({ "includeArchived": true }));
    let p = people[0]["id"].as_i64().unwrap();
    let count_before = app.ok(
        "one_on_ones_list",
        json!({ "person": p, "from": null, "to": null }),
    );
    let preview = app.ok(
        "record_delete_preview",
        json!({ "kind": "person", "id": p }),
    );
    assert_eq!(preview["people"], 1);
    assert_eq!(
        preview["one_on_ones"],
        count_before.as_array().unwrap().len()
    );
    let entry = app.ok("record_delete", json!({ "kind": "person", "id": p }));
    assert_eq!(entry["kind"], "person");
    assert_eq!(entry["record_id"], p);
    assert_eq!(entry["records"], preview);
    app.refused("person_get", json!({ "id": p }), "not_found", "");
    assert_eq!(app.ok("trash_list", json!({})), json!([entry]));
    let back = app.ok("trash_restore", json!({ "id": entry["id"] }));
    assert_eq!(back["id"], entry["id"]);
    assert_eq!(app.ok("person_get", json!({ "id": p }))["id"], p);
    assert_eq!(
        app.ok(
            "one_on_ones_list",
            json!({ "person": p, "from": null, "to": null })
        ),
        count_before
    );
    assert_eq!(app.ok("trash_list", json!({})), json!([]));
    app.refused(
        "trash_restore",
        json!({ "id": entry["id"] }),
        "not_found",
        "nothing in the Trash",
    );
    app.refused(
        "record_delete",
        json!({ "kind": "win", "id": 4242 }),
        "not_found",
        "4242",
    );
    // Not a kind of record: refused by the arguments' type, before the core.
    assert!(app
        .invoke("record_delete", json!({ "kind": "wizard", "id": 1 }))
        .is_err());
}

#[test]
fn the_trash_empties_only_after_a_yes_in_the_native_dialog() {
    let app = app();
    let ada = app.add_person("Ada");
    assert_eq!(app.ok("trash_empty", json!({})), 0, "nothing to ask about");
    assert!(app.dialogs.asked().is_empty());
    app.ok("record_delete", json!({ "kind": "person", "id": ada }));
    app.refused("trash_empty", json!({}), "cancelled", "Nothing was changed");
    assert_eq!(app.dialogs.asked(), ["Empty the Trash?"]);
    assert_eq!(app.ok("trash_list", json!({})).as_array().unwrap().len(), 1);
    app.dialogs.confirm_with(true);
    assert_eq!(app.ok("trash_empty", json!({})), 1);
    assert_eq!(app.ok("trash_list", json!({})), json!([]));
}

#[test]
fn check_ins_and_interviews_are_edited() {
    let app = app();
    let ada = app.add_person("Ada");
    let link = app.ok(
        "customer_link_add",
        json!({ "input": { "person_id": ada, "team": "Support", "category": "Code Review", "since": "2026-01-05" } }),
    );
    let c = app.ok(
        "check_in_add",
        json!({ "input": { "link_id": link["id"], "date": "2026-02-02", "epic_updated": false, "notes": "" } }),
    );
    let changed = app.ok(
        "check_in_update",
        json!({ "id": c["id"], "input": { "link_id": link["id"], "date": "2026-02-03", "epic_updated": true, "notes": "Late note" } }),
    );
    assert_eq!(changed["date"], "2026-02-03");
    assert_eq!(changed["epic_updated"], true);
    assert_eq!(changed["notes"], "Late note");
    let r = app.ok(
        "requisition_open",
        json!({ "input": { "title": "Senior PM", "level": "ic", "opened_on": "2026-01-10" } }),
    );
    let i = app.ok(
        "interview_add",
        json!({ "input": { "requisition_id": r["id"], "date": "2026-02-01", "candidate": "Alan", "interviewers": [] } }),
    );
    let changed = app.ok(
        "interview_update",
        json!({ "id": i["id"], "input": { "requisition_id": r["id"], "date": "2026-02-02", "candidate": "Alan Kay", "interviewers": [{ "person": ada }] } }),
    );
    assert_eq!(changed["candidate"], "Alan Kay");
    assert_eq!(changed["interviewers"], json!([{ "person": ada }]));
}

#[test]
fn a_date_outside_the_years_1000_to_9999_is_refused() {
    let app = app();
    let ada = app.add_person("Ada");
    app.refused(
        "win_add",
        json!({ "input": { "person_id": ada, "noted_on": "0026-05-01", "text": "A win" } }),
        "invalid",
        "not in the years 1000 to 9999",
    );
    app.refused(
        "one_on_one_log",
        json!({ "input": { "one_on_one": { "person_id": ada, "date": "0026-05-01", "status": "held", "notes": "", "tags": [] }, "new_items": [], "close_items": [] } }),
        "invalid",
        "not in the years 1000 to 9999",
    );
    assert_eq!(
        app.ok(
            "wins_list",
            json!({ "person": null, "unsharedOnly": false })
        ),
        json!([])
    );
}

#[test]
fn data_version_changes_when_another_program_writes() {
    let app = app();
    let first = app.ok("data_version", json!({}));
    app.add_person("Ada");
    assert_eq!(
        app.ok("data_version", json!({})),
        first,
        "the app's own write"
    );
    // The command line, say: another connection to the same file.
    let mut other = coachlog_core::Db::open(&db_file(&app.dir), day(CREATED)).unwrap();
    let bo: coachlog_core::model::PersonInput = serde_json::from_value(person("Bo")).unwrap();
    other
        .write(|tx| coachlog_core::store::people::insert(tx, &bo))
        .unwrap();
    assert_ne!(app.ok("data_version", json!({})), first);
}

#[test]
fn the_window_never_leaves_the_app() {
    let ok = |u: &str| coachlog_desktop::is_app_url(&u.parse().unwrap());
    assert!(ok("tauri://localhost/"));
    assert!(ok("tauri://localhost/index.html#/today"));
    assert!(ok("http://tauri.localhost/"));
    assert!(ok("about:srcdoc"), "the Export preview's frame");
    for bad in [
        "https://example.com/",
        "http://localhost:1420/",
        "tauri://evil.example/",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "javascript:alert(1)",
        "about:blank",
    ] {
        assert!(!ok(bad), "{bad}");
    }
}

#[test]
fn shortening_the_trash_days_waits_for_a_yes_and_lengthening_does_not() {
    let app = app();
    let days = |app: &App| -> String {
        let all = app.ok("settings_list", json!({}));
        all.as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "trash_days")
            .unwrap()["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    app.refused(
        "settings_set",
        json!({ "key": "trash_days", "value": "1" }),
        "cancelled",
        "Nothing was changed",
    );
    assert_eq!(days(&app), "30");
    assert_eq!(app.dialogs.asked(), ["Keep deleted records for less time?"]);
    app.ok(
        "settings_set",
        json!({ "key": "trash_days", "value": "90" }),
    );
    assert_eq!(days(&app), "90");
    app.refused(
        "settings_set",
        json!({ "key": "trash_days", "value": "0" }),
        "invalid",
        "trash_days",
    );
    assert_eq!(
        app.dialogs.asked().len(),
        1,
        "no question for a refused value"
    );
    app.dialogs.confirm_with(true);
    app.ok("settings_set", json!({ "key": "trash_days", "value": "7" }));
    assert_eq!(days(&app), "7");
}

#[test]
fn a_name_typed_without_its_extension_replaces_nothing_unasked() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let month = "2026-10";
    let there = dir.path().join("summary.md");
    std::fs::write(&there, "the leader's own file").unwrap();
    app.dialogs.save_to(Some(dir.path().join("summary")));
    app.refused(
        "summary_save",
        json!({ "month": month, "format": "markdown", "includeNotes": false }),
        "conflict",
        "did not ask about replacing it",
    );
    assert_eq!(
        std::fs::read_to_string(&there).unwrap(),
        "the leader's own file"
    );
    app.dialogs.save_to(Some(dir.path().join("other")));
    let saved = app.ok(
        "summary_save",
        json!({ "month": month, "format": "markdown", "includeNotes": false }),
    );
    assert!(
        saved["path"].as_str().unwrap().ends_with("other.md"),
        "{saved}"
    );
}

#[test]
fn what_cannot_be_undone_waits_for_a_yes_in_a_native_dialog() {
    let app = app();
    app.add_person("Ada");
    let made = app.ok("backup_now", json!({}));
    app.add_person("Bo");
    // A script calling the commands on its own gets the question, not the
    // deed: the leader has not said yes.
    app.refused(
        "backup_restore",
        json!({ "file": made["path"] }),
        "cancelled",
        "Nothing was changed",
    );
    app.refused(
        "encryption_enable",
        json!({ "passphrase": "correct horse battery", "remember": false }),
        "cancelled",
        "Nothing was changed",
    );
    assert_eq!(
        app.dialogs.asked(),
        ["Restore this backup?", "Encrypt your notes?"]
    );
    assert_eq!(app.names(), ["Ada", "Bo"]);
    assert_eq!(app.ok("encryption_status", json!({}))["encrypted"], false);
    // A passphrase that cannot be one is refused before any question.
    app.refused(
        "encryption_enable",
        json!({ "passphrase": "", "remember": false }),
        "invalid",
        "empty",
    );
    assert_eq!(app.dialogs.asked().len(), 2);
}

// --- Milestones and the calendar feed ---------------------------------------------

#[test]
fn milestones_are_added_listed_updated_and_in_today_and_the_calendar() {
    let app = app();
    let today = coachlog_desktop::clock::today();
    let day = (today + chrono::Days::new(10)).to_string();
    let added = app.ok(
        "milestone_add",
        json!({ "input": { "title": "Portfolio GA", "date": day, "release": null,
                           "stages": ["Plan"], "link": null, "notes": "private" } }),
    );
    assert_eq!(added["date"], day.as_str());
    let id = added["id"].clone();
    // On a release's day instead: the core finds the day.
    let tied = app.ok(
        "milestone_update",
        json!({ "id": id, "input": { "title": "Portfolio GA", "date": null, "release": "19.8",
                                     "stages": [], "link": null, "notes": "" } }),
    );
    assert_eq!(
        (tied["date"].as_str(), tied["release"].as_str()),
        (Some("2027-01-21"), Some("19.8"))
    );
    assert_eq!(app.ok("milestones_list", json!({})), json!([tied]));
    app.refused(
        "milestone_add",
        json!({ "input": { "title": "GA", "date": day, "release": "19.8",
                           "stages": [], "link": null, "notes": "" } }),
        "invalid",
        "not both",
    );
    // A milestone within 90 days is on Today.
    app.ok(
        "milestone_update",
        json!({ "id": id, "input": { "title": "Portfolio GA", "date": day, "release": null,
                                     "stages": [], "link": null, "notes": "private" } }),
    );
    let overview = app.ok("overview", json!({}));
    assert_eq!(overview["milestones"][0]["title"], "Portfolio GA");

    // The calendar: saved where the leader chose, the core's feed, no notes.
    let dir = tempfile::tempdir().unwrap();
    app.dialogs.save_into(Some(dir.path().to_path_buf()));
    let path = dir.path().join("coachlog.ics");
    let saved = app.ok("calendar_save", json!({ "months": 3 }));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        json!({ "path": path.display().to_string(), "bytes": text.len() })
    );
    assert!(
        text.contains("SUMMARY:Milestone: Portfolio GA\r\n"),
        "{text}"
    );
    assert!(!text.contains("private"));
    assert_eq!(
        app.dialogs.asked().last().unwrap(),
        "Save the Coachlog calendar"
    );
}

#[test]
fn calendar_save_takes_no_path_from_the_page_and_refuses_bad_months_before_asking() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let bashrc = dir.path().join(".bashrc");
    std::fs::write(&bashrc, "keep me").unwrap();
    app.refused(
        "calendar_save",
        json!({ "months": 3, "path": bashrc }),
        "cancelled",
        "Nothing was saved",
    );
    assert_eq!(std::fs::read_to_string(&bashrc).unwrap(), "keep me");
    for months in [0, 25] {
        app.refused(
            "calendar_save",
            json!({ "months": months }),
            "invalid",
            "1 to 24 months",
        );
    }
    assert_eq!(app.dialogs.asked(), ["Save the Coachlog calendar"]);
}
