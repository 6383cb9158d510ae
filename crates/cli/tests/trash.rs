//! Deleting, the Trash, the edits that complete the log, and the views the
//! command line shares with the app (coverage, release calendar) — through
//! the built `coachlog` on a demo database.

mod common;

use common::{binary, on, Env, Run};
use serde_json::Value;

impl Env {
    fn run(&self, args: &[&str]) -> Run {
        Run::of(
            on(binary(), &self.db(), args)
                .env("COACHLOG_NOW", "2026-11-27T10:00:00Z")
                .env("COACHLOG_KEYRING", "off")
                .output()
                .unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "coachlog {args:?}: {run:?}");
        run.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// The ids listed by a `--json` listing.
    fn ids(&self, args: &[&str]) -> Vec<i64> {
        self.json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect()
    }

    /// Every key of `overdue --due-soon --json`.
    fn keys(&self) -> Vec<String> {
        self.json(&["overdue", "--due-soon"])
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["key"].as_str().unwrap().to_string())
            .collect()
    }
}

fn demo() -> Env {
    let env = Env::new();
    env.ok(&["demo"]);
    env
}

#[test]
fn a_deleted_one_on_one_person_and_win_leave_every_list_and_come_back_exactly() {
    let env = demo();
    let before = env.ok(&["export"]);
    let one_on_ones = env.ids(&["one-on-one", "list"]);
    let o = one_on_ones[0];
    let o_json = env.json(&["one-on-one", "show", &o.to_string()]);
    let o_person = o_json["person"]["name"].as_str().unwrap().to_string();

    // A 1:1.
    let out = env.ok(&["one-on-one", "delete", &o.to_string()]);
    assert!(
        out.contains("to the Trash") && out.contains("trash restore 1"),
        "{out}"
    );
    assert!(!env.ids(&["one-on-one", "list"]).contains(&o));
    let show = env.run(&["one-on-one", "show", &o.to_string()]);
    assert_eq!(show.code, 3, "{show:?}");

    // A win, with its nudge.
    let key = env
        .keys()
        .into_iter()
        .find(|k| k.starts_with("win_unshared:"))
        .expect("the demo has a win to share");
    let w: i64 = key["win_unshared:".len()..].parse().unwrap();
    let wins = env.json(&["win", "list"]);
    let win = wins
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == w)
        .unwrap();
    let text = win["text"].as_str().unwrap().to_string();
    let word = text
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    env.ok(&["win", "delete", &w.to_string()]);
    assert!(!env.ids(&["win", "list"]).contains(&w));
    assert!(!env.keys().contains(&format!("win_unshared:{w}")));
    let hits = env.json(&["search", &word]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| !(h["kind"] == "win" && h["id"] == w)),
        "{hits}"
    );

    // A person, with all their records.
    let people = env.json(&["person", "list", "--all"]);
    let p = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] != o_person.as_str() && p["tracked"] == true)
        .unwrap()
        .clone();
    let pid = p["id"].as_i64().unwrap();
    let name = p["name"].as_str().unwrap();
    let out = env.ok(&["person", "delete", name]);
    assert!(
        out.contains(&format!("Moved {name} to the Trash, with ")),
        "{out}"
    );
    assert!(env
        .json(&["person", "list", "--all"])
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["id"] != pid));
    let overdue = env.json(&["overdue", "--due-soon"]);
    assert!(overdue
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["person_id"] != pid));
    let first = name.split(' ').next().unwrap();
    let hits = env.json(&["search", first]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["person_id"] != pid),
        "{hits}"
    );
    assert_ne!(env.ok(&["export"]), before);

    // The Trash lists all three, newest first, and gives them back.
    let trash = env.json(&["trash", "list"]);
    let kinds: Vec<&str> = trash
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["person", "win", "one_on_one"]);
    let listed = env.ok(&["trash", "list"]);
    assert!(
        listed.contains(name) && listed.contains("2026-12-27"),
        "{listed}"
    );
    for id in ["3", "2", "1"] {
        env.ok(&["trash", "restore", id]);
    }
    assert_eq!(
        env.ok(&["export"]),
        before,
        "the export is byte for byte the same"
    );
    assert!(env.json(&["trash", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn every_noun_deletes_and_the_trash_empties_only_when_asked() {
    let env = demo();
    let first = |args: &[&str]| env.ids(args)[0].to_string();
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (
            vec!["agenda", "delete"],
            first(&["agenda", "list"]),
            "agenda_item",
        ),
        (
            vec!["update", "delete"],
            first(&["update", "list"]),
            "update",
        ),
        (
            vec!["customer", "check-in-delete"],
            first(&["customer", "check-ins"]),
            "check_in",
        ),
        (
            vec!["customer", "delete"],
            first(&["customer", "list"]),
            "customer_link",
        ),
        (
            vec!["walkthrough", "delete"],
            first(&["walkthrough", "list"]),
            "walkthrough",
        ),
        (
            vec!["hiring", "interview-delete"],
            first(&["hiring", "interviews"]),
            "interview",
        ),
        (
            vec!["hiring", "delete"],
            first(&["hiring", "list", "--all"]),
            "requisition",
        ),
    ];
    for (command, id, kind) in &cases {
        let mut args = command.clone();
        args.push(id);
        let mut json = vec!["--json"];
        json.extend_from_slice(&args);
        let entry: Value = serde_json::from_str(&env.ok(&json)).unwrap();
        assert_eq!(entry["kind"], *kind, "{command:?}");
        assert_eq!(entry["record_id"].to_string(), *id, "{command:?}");
    }
    let refused = env.run(&["trash", "empty"]);
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(refused.stderr.contains("--yes"), "{refused:?}");
    assert_eq!(
        env.json(&["trash", "list"]).as_array().unwrap().len(),
        cases.len()
    );
    let out = env.ok(&["trash", "empty", "--yes"]);
    assert!(out.contains("7 entries deleted for good"), "{out}");
    let gone = env.run(&["trash", "restore", "1"]);
    assert_eq!(gone.code, 3, "{gone:?}");
    // Deleting what is not there changes nothing.
    let run = env.run(&["win", "delete", "9999"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("no win with id 9999"), "{run:?}");
}

#[test]
fn entries_are_purged_after_trash_days() {
    let env = demo();
    env.ok(&["settings", "set", "trash_days", "5"]);
    let w = env.ids(&["win", "list"])[0].to_string();
    env.ok(&["win", "delete", &w]);
    // Five days on, a write purges it.
    let later = Run::of(
        on(binary(), &env.db(), &["person", "add", "Zoe Park"])
            .args(["--today", "2026-12-02"])
            .output()
            .unwrap(),
    );
    assert_eq!(later.code, 0, "{later:?}");
    assert!(env.json(&["trash", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn check_ins_interviews_and_one_on_one_days_can_be_corrected() {
    let env = demo();
    let c = env.json(&["customer", "check-ins"])[0].clone();
    let id = c["id"].to_string();
    let changed = env.json(&[
        "customer",
        "check-in-edit",
        &id,
        "--notes",
        "Corrected notes",
        "--epic-not-updated",
    ]);
    assert_eq!(changed["notes"], "Corrected notes");
    assert_eq!(changed["epic_updated"], false);
    assert_eq!(changed["date"], c["date"]);
    let nothing = env.run(&["customer", "check-in-edit", &id]);
    assert_eq!(nothing.code, 2, "{nothing:?}");

    let i = env.json(&["hiring", "interviews"])[0].clone();
    let id = i["id"].to_string();
    let changed = env.json(&[
        "hiring",
        "interview-edit",
        &id,
        "--candidate",
        "Robin Ito",
        "--interviewer",
        "Sam from Design",
    ]);
    assert_eq!(changed["candidate"], "Robin Ito");
    assert_eq!(
        changed["interviewers"],
        serde_json::json!([{ "name": "Sam from Design" }])
    );
    assert_eq!(changed["date"], i["date"]);

    // A 1:1 moves to a free day of its person, not to a taken one.
    let list = env.json(&["one-on-one", "list"]);
    let o = &list[0];
    let taken = list
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["person_id"] == o["person_id"] && x["id"] != o["id"])
        .unwrap();
    let refused = env.run(&[
        "one-on-one",
        "edit",
        &o["id"].to_string(),
        "--date",
        taken["date"].as_str().unwrap(),
    ]);
    assert_ne!(refused.code, 0, "{refused:?}");
}

#[test]
fn coverage_and_releases_are_the_apps_views() {
    let env = demo();
    let grid = env.json(&["coverage"]);
    assert_eq!(grid["as_of"], "2026-11-27");
    assert_eq!(grid["practices"][0], "one_on_one");
    assert!(grid["rows"].as_array().unwrap().len() >= 6);
    let text = env.ok(&["coverage"]);
    assert!(
        text.contains("Internal customers") && text.contains("overdue"),
        "{text}"
    );
    let releases = env.json(&["releases", "--count", "2"]);
    assert_eq!(releases.as_array().unwrap().len(), 2);
    assert_eq!(releases[0]["date"], "2026-12-17");
    assert_eq!(releases[0]["version"], "19.7");
    let bad = env.run(&["releases", "--count", "0"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[test]
fn the_systems_sqlite3_reads_a_coachlog_file_as_sound() {
    // Debian 12's sqlite3 (3.40) called every row of three tables damaged
    // before migration 0007 (docs/data.md).
    let env = demo();
    env.ok(&["win", "delete", "1"]);
    let out = std::process::Command::new("sqlite3")
        .arg(env.db())
        .arg("PRAGMA integrity_check")
        .output()
        .expect("the system's sqlite3 (scripts/setup.sh installs it)");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
}
