//! `coachlog brief PERSON [--as-of D] [--format md|json]`: the brief before
//! a 1:1 from the terminal — its Markdown, its JSON, and its refusals with
//! their exit codes and messages.

use std::process::Stdio;

use serde_json::Value;

mod common;
use common::{Env, Run};

fn run(env: &Env, args: &[&str]) -> Run {
    let child = common::on(common::binary(), &env.db(), args)
        .env("COACHLOG_KEYRING", "off")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    Run::of(child.wait_with_output().unwrap())
}

fn ok(env: &Env, args: &[&str]) -> String {
    let r = run(env, args);
    assert_eq!(r.code, 0, "coachlog {args:?} failed: {}", r.stderr);
    assert_eq!(r.stderr, "", "coachlog {args:?} wrote to stderr");
    r.stdout
}

/// Priya (id 1) since 2026-01-05, with a 1:1 held on 2026-11-20, an item
/// carried over from before it and a request raised since.
fn team() -> Env {
    let env = Env::new();
    ok(
        &env,
        &[
            "person",
            "add",
            "Priya Raman",
            "--stage",
            "Plan",
            "--since",
            "2026-01-05",
        ],
    );
    ok(
        &env,
        &[
            "agenda",
            "add",
            "priya",
            "Pricing tiers",
            "--tag",
            "discuss",
            "--opened",
            "2026-11-02",
        ],
    );
    ok(&env, &["1on1", "log", "priya", "--date", "2026-11-20"]);
    ok(
        &env,
        &[
            "agenda",
            "add",
            "priya",
            "Advice on the roadmap",
            "--tag",
            "help",
            "--by",
            "person",
            "--opened",
            "2026-11-24",
        ],
    );
    env
}

const SECTIONS: [&str; 9] = [
    "## Open agenda",
    "## What you owe them",
    "## Wins since the last 1:1",
    "## On the overdue list",
    "## CDF focus areas",
    "## Career",
    "## Updates and OKRs",
    "## Internal customers",
    "## Next release",
];

#[test]
fn the_brief_is_markdown_by_default_with_every_section() {
    let env = team();
    let md = ok(&env, &["brief", "priya"]);
    assert!(md.starts_with("# Brief: Priya Raman\n"), "{md}");
    assert!(md.contains("As of 2026-11-27"), "{md}");
    let mut at = 0;
    for s in SECTIONS {
        let i = md[at..]
            .find(&format!("\n{s}\n"))
            .unwrap_or_else(|| panic!("{s} missing or out of order in\n{md}"));
        at += i + 1;
    }
    // The carried-over item first, then the request with its due date
    // (Tuesday + 2 business days = Thursday, lifted to the day the database
    // was created: nothing is owed before tracking began).
    let carried = md.find("Pricing tiers").unwrap();
    let request = md.find("Advice on the roadmap").unwrap();
    assert!(carried < request, "{md}");
    assert!(md.contains("due 2026-11-27 (today)"), "{md}");
    // --format md is the same.
    assert_eq!(ok(&env, &["brief", "Priya Raman", "--format", "md"]), md);
}

#[test]
fn the_json_is_the_brief_as_data() {
    let env = team();
    let out = ok(&env, &["brief", "1", "--format", "json"]);
    let b: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b["as_of"], "2026-11-27");
    assert_eq!(b["person"]["name"], "Priya Raman");
    assert_eq!(b["last_held"], "2026-11-20");
    let agenda = b["agenda"].as_array().unwrap();
    assert_eq!(agenda.len(), 2);
    assert_eq!(agenda[0]["carried_over"], true);
    assert_eq!(agenda[1]["carried_over"], false);
    assert_eq!(b["owed"][0]["due"], "2026-11-27");
    // The global --json gives JSON too, --format md wins over it.
    let global: Value = serde_json::from_str(&ok(&env, &["--json", "brief", "priya"])).unwrap();
    assert_eq!(global, b);
    assert!(ok(&env, &["--json", "brief", "priya", "--format", "md"]).starts_with("# Brief"));
}

#[test]
fn as_of_reads_the_agenda_as_it_stood_that_day() {
    let env = team();
    let b: Value = serde_json::from_str(&ok(
        &env,
        &[
            "brief",
            "priya",
            "--as-of",
            "2026-11-10",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(b["as_of"], "2026-11-10");
    assert_eq!(b["last_held"], Value::Null);
    assert_eq!(b["agenda"].as_array().unwrap().len(), 1);
}

#[test]
fn refusals_say_what_was_wrong_and_what_to_do() {
    let env = team();
    // (args, exit code, message)
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["brief", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (
            &["brief", "priya", "--as-of", "2026-13-01"],
            2,
            "2026-13-01",
        ),
        (&["brief", "priya", "--format", "pdf"], 2, "pdf"),
        (
            &["brief", "priya", "--as-of", "2025-12-31"],
            2,
            "Priya Raman has reported to you since 2026-01-05; there is nothing to brief on \
             2025-12-31. Give a day on or after 2026-01-05.",
        ),
        (&["brief"], 2, "PERSON"),
    ];
    for (args, code, message) in cases {
        let r = run(&env, args);
        assert_eq!(r.code, code, "{args:?}: {r:?}");
        assert!(r.stderr.contains(message), "{args:?}: {:?}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
    }
}
