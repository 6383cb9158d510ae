//! Coaching the whole PM in the real app: the Brief panel on the person page
//! shows what to have in view before a 1:1 (the CDF focus areas among it),
//! and a CDF review recorded from the person page reaches the database and
//! takes the "CDF review" item off the overdue list.

use chrono::Duration;
use coachlog_e2e::clock::today;
use coachlog_e2e::{block_on, cli, serial, App};
use serde_json::Value;

const PM: &str = "Mara Quist";
const OLD_FOCUS: &str = "Customer interviews every sprint";
const NEW_FOCUS: &str = "Writing the 3-month vision";
const AGENDA: &str = "Pricing page experiment";

fn json(db: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&cli(db, &all)).expect("the CLI's --json is JSON")
}

fn overdue_rules(db: &std::path::Path, person: &str) -> Vec<String> {
    let as_of = today().to_string();
    json(db, &["overdue", "--as-of", &as_of])
        .as_array()
        .expect("overdue --json is a list")
        .iter()
        .filter(|n| n["person"].as_str() == Some(person))
        .filter_map(|n| n["rule"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_brief_panel_shows_the_focus_areas_and_a_cdf_review_recorded_in_the_app_resolves_rule_12() {
    let _one_app_at_a_time = serial();
    let since = (today() - Duration::days(400)).to_string();
    let reviewed = (today() - Duration::days(100)).to_string();
    block_on(async {
        let app = App::launch_with("coaching", |db| {
            cli(db, &["person", "add", PM, "--since", &since]);
            cli(
                db,
                &["cdf", "add", PM, "--date", &reviewed, "--focus", OLD_FOCUS],
            );
            cli(db, &["agenda", "add", PM, AGENDA, "--tag", "HELP"]);
        })
        .await;
        let db = app.db_path().to_path_buf();
        app.find("[data-testid='screen-today']").await;
        app.ensure(
            overdue_rules(&db, PM).contains(&"cdf_review".to_string()),
            "a review 100 days old is overdue (rule 12)",
        )
        .await;

        let id = json(&db, &["person", "list"])[0]["id"].as_i64().unwrap();
        app.js(&format!("location.hash = '#/person/{id}'; return true;"))
            .await;
        app.find_text("[data-testid='person-heading']", PM).await;

        // The brief: the agenda and the focus areas of the last review.
        app.find_text("[data-testid='brief-panel']", AGENDA).await;
        app.find_text("[data-testid='brief-panel']", OLD_FOCUS)
            .await;
        app.screenshot("brief").await;

        // Record today's review from the person page.
        app.click("[data-testid='cdf-add']").await;
        app.find("[data-testid='cdf-date']").await;
        app.type_into("[data-testid='cdf-focus-0']", NEW_FOCUS)
            .await;
        app.type_into("[data-testid='cdf-notes']", "Agreed the next steps")
            .await;
        app.click("[data-testid='cdf-save']").await;
        app.find_text("[data-testid='cdf-review']", NEW_FOCUS).await;

        let reviews = json(&db, &["cdf", "list", PM]);
        let reviews = reviews.as_array().expect("cdf list --json is a list");
        app.ensure(
            reviews.len() == 2,
            format!("two reviews in the database: {reviews:?}"),
        )
        .await;
        app.ensure(
            !overdue_rules(&db, PM).contains(&"cdf_review".to_string()),
            "the review of today took rule 12's item off the overdue list",
        )
        .await;
        // The focus areas in view are the new review's.
        app.find_text("[data-testid='brief-panel']", NEW_FOCUS)
            .await;
        app.quit().await;
    });
}
