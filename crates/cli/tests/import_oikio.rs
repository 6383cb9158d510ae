//! `coachlog import --from oikio FILE [--dry-run]`: the report a leader
//! reads (text and `--json`), a dry run that leaves the database byte for
//! byte as it was, a second import that adds nothing, refusals, and the
//! default `import` still reading Coachlog's own export.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::{Env, Run};

const SAMPLE: &str = include_str!("../../core/tests/fixtures/oikio-data.json");

fn run(db: &Path, args: &[&str]) -> Run {
    let mut c: Command = common::on(common::binary(), db, args);
    c.env("COACHLOG_NOW", "2026-11-27T12:00:00Z");
    Run::of(c.output().unwrap())
}

fn ok(env: &Env, args: &[&str]) -> String {
    let r = run(&env.db(), args);
    assert_eq!(r.code, 0, "coachlog {args:?}: {}", r.stderr);
    r.stdout
}

/// The database file's bytes, and its write-ahead log's if there is one.
fn bytes(env: &Env) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut wal = env.db().into_os_string();
    wal.push("-wal");
    (std::fs::read(env.db()).unwrap(), std::fs::read(wal).ok())
}

/// The files in the backups folder.
fn backups(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.file("backups"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// An env with Priya on the team and the sample file written beside it.
fn env_with_sample() -> (Env, String) {
    let env = Env::new();
    ok(
        &env,
        &["person", "add", "Priya Raman", "--since", "2025-01-01"],
    );
    let file = env.file("oikio-data.json");
    std::fs::write(&file, SAMPLE).unwrap();
    (env, file.to_str().unwrap().to_string())
}

#[test]
fn a_dry_run_prints_the_report_and_writes_nothing() {
    let (env, file) = env_with_sample();
    let before = bytes(&env);
    let kept = backups(&env);
    let out = ok(&env, &["import", "--from", "oikio", &file, "--dry-run"]);
    assert!(
        out.contains("Would add 2 people, 5 1:1s, 7 agenda items, 1 1:1 template."),
        "{out}"
    );
    assert!(out.contains("Matched by name: Priya Raman."), "{out}");
    assert!(
        out.contains("New people: Dana Whitfield, Tomás Ortega."),
        "{out}"
    );
    assert!(out.contains("1 meeting merged into another 1:1"), "{out}");
    assert!(
        out.contains("Not imported: the template \"With Dana\""),
        "{out}"
    );
    assert!(out.ends_with("Dry run: nothing was written.\n"), "{out}");
    assert_eq!(bytes(&env), before, "the dry run changed the database");
    assert_eq!(backups(&env), kept, "the dry run made a backup");
}

#[test]
fn a_dry_run_without_a_database_creates_none() {
    let env = Env::new();
    let file = env.file("oikio-data.json");
    std::fs::write(&file, SAMPLE).unwrap();
    let out = ok(
        &env,
        &[
            "import",
            "--from",
            "oikio",
            file.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(out.contains("Would add 3 people"), "{out}");
    assert!(!env.db().exists());
}

#[test]
fn an_import_prints_the_same_report_and_a_second_adds_nothing() {
    let (env, file) = env_with_sample();
    let dry = ok(&env, &["import", "--from", "oikio", &file, "--dry-run"]);
    let real = ok(&env, &["import", "--from", "oikio", &file]);
    assert_eq!(
        real,
        dry.replace("Would add", "Added")
            .replace("Dry run: nothing was written.\n", "")
    );
    let people = ok(&env, &["--json", "person", "list", "--all"]);
    assert!(people.contains("Tomás Ortega"), "{people}");
    let export = ok(&env, &["export"]);
    let again = ok(&env, &["import", "--from", "oikio", &file]);
    assert!(
        again.contains("Added nothing: everything in the file is already here."),
        "{again}"
    );
    assert!(
        again.contains("Already here, not added again: 3 people, 5 1:1s, 7 agenda items."),
        "{again}"
    );
    assert_eq!(ok(&env, &["export"]), export);
}

#[test]
fn json_gives_the_report_as_data() {
    let (env, file) = env_with_sample();
    let out = ok(&env, &["--json", "import", "--from", "oikio", &file]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["dry_run"], false);
    assert_eq!(v["added"]["people"], 2);
    assert_eq!(v["added"]["one_on_ones"], 5);
    assert_eq!(v["added"]["agenda_items"], 7);
    assert_eq!(v["matched"], serde_json::json!(["Priya Raman"]));
    assert_eq!(v["templates_added"], 1);
    assert_eq!(v["closed_on_import_day"], 1, "the demo room, due in 2031");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let (env, _) = env_with_sample();
    let bad = env.file("bad.json");
    let cases = [
        ("{ nope", "it is not JSON"),
        (
            &*SAMPLE.replace("\"2025-01-17\"", "\"2025-13-01\""),
            "meetings[1].date: \"2025-13-01\" is not a date",
        ),
        (
            &*SAMPLE.replace(
                "\"personId\": 3,\n      \"date\"",
                "\"personId\": 9,\n      \"date\"",
            ),
            "meetings[3].personId: there is no person with id 9 in the file.",
        ),
    ];
    for (text, message) in cases {
        std::fs::write(&bad, text).unwrap();
        let before = bytes(&env);
        let r = run(
            &env.db(),
            &["import", "--from", "oikio", bad.to_str().unwrap()],
        );
        assert_eq!(r.code, 2, "{message}: {r:?}");
        assert!(r.stderr.contains(message), "{message}: {}", r.stderr);
        assert_eq!(r.stdout, "");
        assert_eq!(bytes(&env), before, "{message}: the database changed");
    }
}

#[test]
fn the_default_import_is_still_coachlogs_own_export() {
    let (env, file) = env_with_sample();
    let r = run(&env.file("new.sqlite"), &["import", &file]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("not a Coachlog export"), "{}", r.stderr);
    let r = run(&env.file("new.sqlite"), &["import", &file, "--dry-run"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("--dry-run goes with --from oikio"),
        "{}",
        r.stderr
    );
    // And a Coachlog export into a new file works as before.
    let exported = env.file("export.json");
    ok(&env, &["export", "-o", exported.to_str().unwrap()]);
    let r = run(
        &env.file("copy.sqlite"),
        &["import", exported.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Imported "), "{}", r.stdout);
}
