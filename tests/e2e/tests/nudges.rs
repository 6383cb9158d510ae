//! The overdue review in the real app: Today lists what the practice rules
//! say is overdue; acting on a nudge and snoozing another both take them off
//! the list, and the database agrees (checked with the `coachlog` command).

use chrono::{Days, NaiveDate};
use coachlog_e2e::clock::today;
use coachlog_e2e::{block_on, cli, serial, App};
use serde_json::Value;

/// The two nudges on Today: Ada's request for advice and her unshared win.
const REQUEST: &str = "[data-testid='nudge-item'][data-key='request:1']";
const WIN: &str = "[data-testid='nudge-item'][data-key='win_unshared:1']";

fn ago(days: u64) -> String {
    (today() - Days::new(days)).format("%Y-%m-%d").to_string()
}

fn keys(db: &std::path::Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--json", "overdue", "--due-soon"];
    args.extend_from_slice(extra);
    let list: Value = serde_json::from_str(&cli(db, &args)).expect("overdue --json is JSON");
    list.as_array()
        .expect("an array")
        .iter()
        .map(|n| n["key"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn acting_on_one_nudge_and_snoozing_another_clear_them_from_today() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("nudges", |db| {
            cli(db, &["person", "add", "Ada Lovelace", "--since", &ago(60)]);
            cli(db, &["settings", "set", "tracking_since", &ago(30)]);
            // A request for advice, ten days old: overdue (rule 2).
            cli(
                db,
                &[
                    "agenda",
                    "add",
                    "ada",
                    "Need pricing context",
                    "--tag",
                    "HELP",
                    "--by",
                    "person",
                    "--opened",
                    &ago(10),
                ],
            );
            // A win noted twenty days ago and never shared: overdue (rule 11).
            cli(
                db,
                &[
                    "win",
                    "add",
                    "ada",
                    "Launched merge trains",
                    "--noted",
                    &ago(20),
                ],
            );
        })
        .await;
        let db = app.db_path().to_path_buf();
        let before = keys(&db, &[]);
        app.ensure(
            before.iter().any(|k| k == "request:1") && before.iter().any(|k| k == "win_unshared:1"),
            format!("the CLI should list both nudges: {before:?}"),
        )
        .await;

        // Today lists both, by their keys.
        app.click("[data-testid='nav-today']").await;
        let request = app.find(REQUEST).await;
        let win = app.find(WIN).await;
        let message = app.text_of(&request).await;
        app.ensure(
            message.contains("Ada Lovelace") && message.contains("overdue"),
            format!("the request nudge reads {message:?}"),
        )
        .await;

        // Act on the request: one click closes it.
        let act = app.find_in(&request, "[data-testid='nudge-act']").await;
        app.click_on(&act, "the request's action").await;
        app.wait_none("the request leaves Today", REQUEST).await;

        // Snooze the win with the first quick pick.
        let snooze = app.find_in(&win, "[data-testid='nudge-snooze']").await;
        app.click_on(&snooze, "the win's snooze button").await;
        let until_field = app.find("[data-testid='snooze-until']").await;
        let until = app.prop(&until_field, "value").await.unwrap_or_default();
        app.click("[data-testid='snooze-confirm']").await;
        app.wait_none("the win leaves Today", WIN).await;

        // The database agrees: the request is closed, the win is snoozed
        // through `until` and comes back the day after.
        let after = keys(&db, &[]);
        app.ensure(
            !after
                .iter()
                .any(|k| k == "request:1" || k == "win_unshared:1"),
            format!("both should be gone: {after:?}"),
        )
        .await;
        let until = NaiveDate::parse_from_str(&until, "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("the snooze date {until:?} is not a date: {e}"));
        let back = (until + Days::new(1)).format("%Y-%m-%d").to_string();
        let later = keys(&db, &["--as-of", &back]);
        app.ensure(
            later.iter().any(|k| k == "win_unshared:1"),
            format!("the win should be back on {back}: {later:?}"),
        )
        .await;
        let item: Value = serde_json::from_str(&cli(&db, &["--json", "agenda", "show", "1"]))
            .expect("agenda show --json is JSON");
        app.ensure(
            item["closed_on"] == Value::String(today().format("%Y-%m-%d").to_string()),
            format!("the request should be closed today: {item}"),
        )
        .await;

        app.quit().await;
    });
}
