//! `coachlog import --from csv FILE [--items ITEMS_FILE] [--no-new-people]
//! [--dry-run] [--json]`: the example files of `docs/examples/`, the report
//! (text and `--json`), a second import that adds nothing, and refusals
//! (exit 2, nothing written).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::{Env, Run};

const ONE_ON_ONES: &str = include_str!("../../../docs/examples/one-on-ones.csv");
const ITEMS: &str = include_str!("../../../docs/examples/agenda-items.csv");

fn run(db: &Path, args: &[&str]) -> Run {
    let mut c: Command = common::on(common::binary(), db, args);
    c.env("COACHLOG_NOW", "2026-03-01T12:00:00Z");
    Run::of(c.output().unwrap())
}

/// An env with the example files written beside the database.
fn env_with_examples() -> (Env, String, String) {
    let env = Env::new();
    let rows = env.file("one-on-ones.csv");
    let items = env.file("agenda-items.csv");
    std::fs::write(&rows, ONE_ON_ONES).unwrap();
    std::fs::write(&items, ITEMS).unwrap();
    let s = |p: std::path::PathBuf| p.to_str().unwrap().to_string();
    (env, s(rows), s(items))
}

#[test]
fn the_examples_import_once_and_a_second_import_adds_nothing() {
    let (env, rows, items) = env_with_examples();
    let args = ["import", "--from", "csv", &rows, "--items", &items];
    let dry = run(&env.db(), &[&args[..], &["--dry-run"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry
        .stdout
        .contains("Would add 2 people, 4 1:1s, 4 agenda items."));
    assert!(dry.stdout.contains("Dry run: nothing was written."));
    assert!(!env.db().exists(), "a dry run on no database created one");

    let first = run(&env.db(), &args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first
        .stdout
        .contains("Added 2 people, 4 1:1s, 4 agenda items."));
    assert!(first.stdout.contains("New people: Ana Ruiz, Ben Okafor."));

    let second = run(&env.db(), &[&["--json"], &args[..]].concat());
    assert_eq!(second.code, 0, "{}", second.stderr);
    let report: Value = serde_json::from_str(&second.stdout).unwrap();
    assert_eq!(report["added"]["one_on_ones"], 0);
    assert_eq!(report["added"]["agenda_items"], 0);
    assert_eq!(report["already_there"]["one_on_ones"], 4);
    assert_eq!(
        report["matched"],
        serde_json::json!(["Ana Ruiz", "Ben Okafor"])
    );

    let list = run(&env.db(), &["1on1", "list", "Ana Ruiz"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("2026-01-22"), "{}", list.stdout);
}

#[test]
fn bad_files_and_unknown_people_are_refused_with_nothing_written() {
    let (env, rows, _) = env_with_examples();
    let person = run(
        &env.db(),
        &["person", "add", "Ana Ruiz", "--since", "2025-01-01"],
    );
    assert_eq!(person.code, 0, "{}", person.stderr);
    let before = std::fs::read(env.db()).unwrap();

    let bad = env.file("bad.csv");
    std::fs::write(
        &bad,
        "person,date\nAna Ruiz,2026-01-05\nAna Ruiz,2026-02-30\n",
    )
    .unwrap();
    let r = run(
        &env.db(),
        &["import", "--from", "csv", bad.to_str().unwrap()],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("row 3, column date: \"2026-02-30\" is not a date (YYYY-MM-DD)."),
        "{}",
        r.stderr
    );

    let r = run(
        &env.db(),
        &["import", "--from", "csv", &rows, "--no-new-people"],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("Not in Coachlog: \"Ben Okafor\" (row 4, row 5)."),
        "{}",
        r.stderr
    );

    let r = run(
        &env.db(),
        &["import", "--from", "oikio", &rows, "--no-new-people"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("go with --from csv"), "{}", r.stderr);

    let list = run(&env.db(), &["1on1", "list"]);
    assert!(!list.stdout.contains("2026-01-05"), "{}", list.stdout);
    assert_eq!(std::fs::read(env.db()).unwrap().len(), before.len());
}
