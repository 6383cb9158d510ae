//! End-to-end tests of the `coachlog` binary: each runs the built program
//! over a temporary database with `--today` fixed, and checks what a user or
//! a script sees: the output, the JSON shapes, the exit code, and — for every
//! refused command — that the database file did not change.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;
use common::{Env, Run, TODAY};

/// The instant every run sees unless a test gives its own ([`at`]): backup
/// names and the backup cadence never depend on when the tests run.
const NOW: &str = "2026-11-27T12:00:00Z";

fn coachlog() -> Command {
    let mut c = common::binary();
    c.env("COACHLOG_NOW", NOW);
    c
}

fn output(mut c: Command, stdin: Option<&str>) -> Run {
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the coachlog binary runs");
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
    }
    Run::of(child.wait_with_output().unwrap())
}

impl Env {
    fn command(&self, db: &Path, args: &[&str]) -> Command {
        common::on(coachlog(), db, args)
    }

    /// Runs against this env's database.
    fn run(&self, args: &[&str]) -> Run {
        output(self.command(&self.db(), args), None)
    }

    /// Runs with `stdin` as standard input.
    fn run_with_input(&self, args: &[&str], stdin: &str) -> Run {
        output(self.command(&self.db(), args), Some(stdin))
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "coachlog {args:?} failed: {}", r.stderr);
        assert_eq!(r.stderr, "", "coachlog {args:?} wrote to stderr");
        r.stdout
    }

    /// Runs with `--json`, expects success, and parses the output.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }

    /// The database file's bytes (and whether side files exist).
    fn snapshot(&self) -> (Vec<u8>, bool) {
        let mut wal = self.db().into_os_string();
        wal.push("-wal");
        (std::fs::read(self.db()).unwrap(), Path::new(&wal).exists())
    }

    /// Runs a command that must be refused with `code` and a message
    /// containing `message`, leaving the database file byte for byte as it was.
    fn refused(&self, args: &[&str], code: i32, message: &str) {
        let before = self.snapshot();
        let r = self.run(args);
        assert_eq!(r.code, code, "coachlog {args:?}: {r:?}");
        assert!(
            r.stderr.starts_with("error: ") && r.stderr.contains(message),
            "coachlog {args:?}: expected {message:?} in {:?}",
            r.stderr
        );
        assert_eq!(r.stdout, "", "coachlog {args:?} printed to stdout");
        assert!(
            self.snapshot() == before,
            "coachlog {args:?} changed the database"
        );
    }
}

/// Priya (with an open TODO #1 and a 1:1 #1 today) and Marco, both since
/// 2026-01-05.
fn team() -> Env {
    let env = Env::new();
    env.ok(&[
        "person",
        "add",
        "Priya Raman",
        "--title",
        "Senior PM, Plan",
        "--family",
        "senior_product_manager",
        "--stage",
        "Plan",
        "--group",
        "Project Management",
        "--since",
        "2026-01-05",
    ]);
    env.ok(&[
        "person",
        "add",
        "Marco Rossi",
        "--stage",
        "Create",
        "--since",
        "2026-01-05",
    ]);
    env.ok(&[
        "one-on-one",
        "log",
        "priya",
        "--todo",
        "Draft the roadmap narrative",
    ]);
    env
}

#[test]
fn person_add_list_show_and_edit() {
    let env = team();
    let list = env.ok(&["person", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(
        lines[0],
        "ID  NAME         TITLE            LEVEL  SCOPE                             SINCE       1:1 EVERY  TRACKED"
    );
    assert_eq!(
        lines[2],
        " 1  Priya Raman  Senior PM, Plan  IC     Group: Project Management (Plan)  2026-01-05             yes"
    );

    let people = env.json(&["person", "list"]);
    let priya = &people.as_array().unwrap()[1];
    assert_eq!(priya["name"], "Priya Raman");
    assert_eq!(priya["job_family"], "senior_product_manager");
    assert_eq!(priya["level"], "ic");
    assert_eq!(priya["scope"]["kind"], "group");
    assert_eq!(priya["scope"]["stages"], serde_json::json!(["Plan"]));
    assert_eq!(priya["cadence_days"], Value::Null);
    assert_eq!(priya["tracked"], true);

    let edited = env.json(&["person", "edit", "marco", "--cadence", "14", "--untracked"]);
    assert_eq!(edited["cadence_days"], 14);
    assert_eq!(edited["tracked"], false);
    assert_eq!(edited["scope"]["stages"], serde_json::json!(["Create"]));
    assert_eq!(
        env.ok(&["person", "edit", "2", "--no-cadence", "--tracked"]),
        "Updated Marco Rossi (id 2).\n"
    );

    let show = env.ok(&["person", "show", "priya"]);
    assert!(show.starts_with("Priya Raman (id 1)\n"), "{show}");
    assert!(show.contains("Open agenda (1)"), "{show}");
    assert!(show.contains("TODO  Draft the roadmap narrative"), "{show}");
    let view = env.json(&["person", "show", "Priya Raman"]);
    assert_eq!(view["person"]["id"], 1);
    assert_eq!(view["open_agenda"][0]["open_tag"], "todo");
    assert_eq!(view["recent_one_on_ones"][0]["date"], TODAY);

    assert_eq!(
        env.ok(&["person", "archive", "marco", "--on", "2026-12-31"]),
        "Archived Marco Rossi (id 2) on 2026-12-31.\n"
    );
    // Archived from the end of December: still active today.
    assert_eq!(
        env.json(&["person", "list", "--all"])[0]["archived_on"],
        "2026-12-31"
    );
}

#[test]
fn archived_people_leave_the_default_list() {
    let env = team();
    env.ok(&["person", "archive", "marco", "--on", TODAY]);
    assert_eq!(env.json(&["person", "list"]).as_array().unwrap().len(), 1);
    let all = env.ok(&["person", "list", "--all"]);
    assert!(all.lines().next().unwrap().ends_with("ARCHIVED"), "{all}");
    assert!(all.contains("2026-11-27"), "{all}");
    env.ok(&["person", "unarchive", "marco"]);
    assert_eq!(env.json(&["person", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn logging_a_one_on_one_opens_and_closes_items_in_one_step() {
    let env = team();
    let out = env.ok(&[
        "one-on-one",
        "log",
        "priya",
        "--date",
        "2026-12-04",
        "--tag",
        "career",
        "--notes",
        "Discussed the pricing review.",
        "--todo",
        "Write the brief",
        "--doto",
        "Intro to the pricing lead",
        "--help-request",
        "How to escalate?",
        "--close",
        "1=done",
    ]);
    assert_eq!(
        out,
        "Logged 1:1 #2 with Priya Raman on 2026-12-04 (3 new items, 1 closed).\n"
    );
    let items = env.json(&["agenda", "list", "priya", "--all"]);
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 4);
    let by_tag = |tag: &str| items.iter().find(|i| i["open_tag"] == tag).unwrap().clone();
    assert_eq!(by_tag("help")["raised_by"], "person");
    assert_eq!(by_tag("doto")["raised_by"], "leader");
    assert_eq!(by_tag("help")["opened_in"], 2);
    let closed = items.iter().find(|i| i["id"] == 1).unwrap();
    assert_eq!(closed["close_tag"], "done");
    assert_eq!(closed["closed_on"], "2026-12-04");
    assert_eq!(closed["closed_in"], 2);

    let show = env.ok(&["one-on-one", "show", "2"]);
    assert!(show.starts_with("1:1 #2 with Priya Raman on 2026-12-04 (held)\nTags: career\n\nDiscussed the pricing review.\n"), "{show}");
    assert!(show.contains("Closed in this 1:1"), "{show}");
    let view = env.json(&["one-on-one", "show", "2"]);
    assert_eq!(view["opened"].as_array().unwrap().len(), 3);
    assert_eq!(view["closed"][0]["id"], 1);
    assert_eq!(view["person"]["name"], "Priya Raman");

    let logged = env.json(&["one-on-one", "log", "marco", "--status", "skipped"]);
    assert_eq!(logged["one_on_one"]["status"], "skipped");
    assert_eq!(logged["opened"], serde_json::json!([]));

    let notes = env.run_with_input(
        &[
            "one-on-one",
            "edit",
            "3",
            "--notes-file",
            "-",
            "--tag",
            "risk",
        ],
        "# Notes\nfrom stdin\n",
    );
    assert_eq!(notes.code, 0, "{}", notes.stderr);
    let o = env.json(&["one-on-one", "list", "marco"]);
    assert_eq!(o[0]["notes"], "# Notes\nfrom stdin");
    assert_eq!(o[0]["tags"], serde_json::json!(["risk"]));
    let list = env.ok(&["one-on-one", "list", "--from", "2026-12-01"]);
    assert_eq!(list.lines().count(), 2, "{list}");
}

#[test]
fn agenda_items_are_added_edited_closed_and_reopened() {
    let env = team();
    assert_eq!(
        env.ok(&[
            "agenda",
            "add",
            "marco",
            "Can you join the call?",
            "--tag",
            "HELP",
            "--timing",
            "2026-12-02"
        ]),
        "Added HELP item #2 to Marco Rossi's agenda.\n"
    );
    let item = env.json(&["agenda", "show", "2"]);
    assert_eq!(item["raised_by"], "person");
    assert_eq!(item["timing"], "2026-12-02");
    let edited = env.json(&["agenda", "edit", "2", "--timing", "20.2", "--by", "leader"]);
    assert_eq!(edited["timing"], "20.2");
    assert_eq!(edited["raised_by"], "leader");
    assert_eq!(
        env.json(&["agenda", "edit", "2", "--no-timing"])["timing"],
        Value::Null
    );

    let list = env.ok(&["agenda", "list"]);
    assert!(list.starts_with("ID  PERSON       TAG   TEXT"), "{list}");
    assert!(list.contains("HELP  Can you join the call?"), "{list}");
    assert_eq!(
        env.ok(&["agenda", "close", "2", "wont"]),
        "Closed item #2 as WONT on 2026-11-27.\n"
    );
    assert_eq!(
        env.json(&["agenda", "list", "marco"]),
        serde_json::json!([])
    );
    assert_eq!(
        env.json(&["agenda", "list", "--closed", "--tag", "help"])[0]["id"],
        2
    );
    env.ok(&["agenda", "reopen", "2"]);
    assert_eq!(
        env.json(&["agenda", "list", "marco"])[0]["close_tag"],
        Value::Null
    );
    // Closing in a 1:1 takes the 1:1's date.
    let closed = env.json(&["agenda", "close", "1", "done", "--in", "1"]);
    assert_eq!(closed["closed_in"], 1);
    assert_eq!(closed["closed_on"], TODAY);
}

#[test]
fn refused_commands_change_nothing() {
    let env = team();
    env.ok(&[
        "customer",
        "add",
        "marco",
        "--team",
        "Support",
        "--category",
        "Code Review",
        "--since",
        "2026-02-01",
    ]);
    env.ok(&["customer", "archive", "1", "--on", "2026-10-01"]);
    env.ok(&["person", "add", "Priyanka Shah"]);
    env.ok(&[
        "agenda",
        "add",
        "marco",
        "Old item",
        "--tag",
        "discuss",
        "--opened",
        "2026-11-20",
    ]);
    env.ok(&["agenda", "close", "2", "done"]);
    std::fs::write(env.file("taken.json"), "{}").unwrap();
    let long_name = "x".repeat(201);
    let taken = env.file("taken.json");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["person", "add", ""], 2, "The name is empty; give one."),
        (vec!["person", "add", "   "], 2, "The name is empty; give one."),
        (
            vec!["person", "add", &long_name],
            2,
            "The name is 201 characters long; the most is 200. Shorten it.",
        ),
        (
            vec!["person", "add", "priya raman"],
            4,
            "There is already a person named 'Priya Raman' (id 1).",
        ),
        (
            vec!["one-on-one", "log", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (vec!["person", "show", "42"], 3, "There is no person with id 42"),
        (
            vec!["one-on-one", "log", "priy"],
            2,
            "'priy' matches 2 people: Priya Raman (id 1), Priyanka Shah (id 3).",
        ),
        (
            vec!["one-on-one", "log", "marco", "--date", "2026-02-30"],
            2,
            "'2026-02-30' is not a real date: February 2026 has 28 days",
        ),
        (
            vec!["one-on-one", "log", "Priya Raman"],
            4,
            "There is already a 1:1 with Priya Raman on 2026-11-27 (id 1); edit that one instead.",
        ),
        // The 1:1 would be valid; the unknown item undoes all of it.
        (
            vec!["one-on-one", "log", "marco", "--todo", "x", "--close", "99=done"],
            3,
            "There is no agenda item with id 99",
        ),
        (
            vec!["one-on-one", "log", "marco", "--close", "1=done"],
            2,
            "is on someone else's agenda; close it in a 1:1 with them",
        ),
        (
            vec!["agenda", "add", "marco", "Ship it", "--tag", "TODO", "--opened", "2026-11-20", "--timing", "2026-11-19"],
            2,
            "The timing 2026-11-19 is before the item was opened (2026-11-20)",
        ),
        (
            vec!["agenda", "add", "marco", "Ship it", "--tag", "LATER"],
            2,
            "'LATER' is not an open agenda tag; choose one of: todo, doto, discuss, review, help, think.",
        ),
        (
            vec!["agenda", "close", "2", "done"],
            4,
            "Item 2 was already closed as DONE on 2026-11-27",
        ),
        (
            vec!["update", "add", "1", "--kind", "next_release", "--period", "2026-12", "--status", "done"],
            2,
            "An update marked done needs the day it was done",
        ),
        (
            vec!["update", "add", "1", "--kind", "okrs", "--period", "2026-12"],
            2,
            "OKRs are per fiscal quarter",
        ),
        (
            vec!["update", "add", "--kind", "next_release", "--period", "2026-12"],
            2,
            "belongs to a person; name the PM",
        ),
        (
            vec!["settings", "set", "release_day", "29"],
            2,
            "A fixed release day must be between 1 and 28",
        ),
        (vec!["settings", "set", "colour", "blue"], 2, "There is no setting 'colour'."),
        (vec!["settings", "get", "colour"], 2, "There is no setting 'colour'."),
        (
            vec!["customer", "check-in", "1", "--date", "2026-11-01"],
            2,
            "The link to Support (Code Review) was archived on 2026-10-01",
        ),
        (vec!["customer", "check-in", "7"], 3, "There is no internal-customer link with id 7"),
        (vec!["person", "edit", "priya"], 2, "Nothing to change"),
        (vec!["win", "add", "marco", "Shipped", "--noted", "2025-12-01"], 2, "a win on 2025-12-01 is before that"),
        (vec!["hiring", "interview", "5", "--candidate", "Alex"], 3, "There is no requisition with id 5"),
        (vec!["export", "-o", taken.to_str().unwrap()], 4, "already exists; choose another file name, or add --force"),
        (vec!["import", taken.to_str().unwrap()], 2, "not a Coachlog export"),
        (vec!["person", "lst"], 2, "unrecognized subcommand 'lst'"),
        (vec!["person", "add"], 2, "required arguments were not provided"),
    ];
    for (args, code, message) in cases {
        env.refused(&args, code, message);
    }
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "{}");
}

#[test]
fn read_only_commands_never_create_a_database() {
    let env = Env::new();
    let cases: &[&[&str]] = &[
        &["person", "list"],
        &["person", "show", "priya"],
        &["one-on-one", "list"],
        &["agenda", "list"],
        &["update", "list"],
        &["customer", "list"],
        &["hiring", "list"],
        &["walkthrough", "list"],
        &["win", "list"],
        &["search", "roadmap"],
        &["export"],
        &["overview"],
        &["settings", "list"],
        &["settings", "get", "release_day"],
    ];
    let expected = format!(
        "error: No database at {} yet; add someone with `coachlog person add` or try `coachlog demo`.\n",
        env.db().display()
    );
    for args in cases {
        let r = env.run(args);
        assert_eq!(r.code, 3, "{args:?}");
        assert_eq!(r.stderr, expected, "{args:?}");
        assert!(!env.db().exists(), "{args:?} created the file");
    }
    assert_eq!(env.ok(&["path"]), format!("{}\n", env.db().display()));
    assert_eq!(env.json(&["path"])["exists"], false);
}

#[test]
fn a_refused_write_on_a_new_path_leaves_no_file() {
    let env = Env::new();
    for (args, code) in [
        (vec!["person", "add", ""], 2),
        (vec!["one-on-one", "log", "priya"], 3),
        (vec!["settings", "set", "release_day", "29"], 2),
        (vec!["agenda", "close", "1", "done"], 3),
    ] {
        let r = env.run(&args);
        assert_eq!(r.code, code, "{args:?}: {r:?}");
        assert!(!env.db().exists(), "{args:?} left a file");
        assert!(
            std::fs::read_dir(env.dir.path()).unwrap().next().is_none(),
            "{args:?} left side files"
        );
    }
    let r = env.run(&["settings", "set", "release_day", "22"]);
    assert_eq!(r.stdout, "Set release_day to 22.\n");
    assert!(env.db().exists());
    assert_eq!(env.ok(&["settings", "get", "release_day"]), "22\n");
}

#[test]
fn the_database_path_comes_from_db_then_env_then_the_data_folder() {
    let env = Env::new();
    let data = env.file("data");
    let from_env = env.file("env.sqlite");
    let path = |db: Option<&Path>, env_db: Option<&Path>| {
        let mut c = coachlog();
        c.env("XDG_DATA_HOME", &data).env("HOME", env.dir.path());
        if let Some(e) = env_db {
            c.env("COACHLOG_DB", e);
        }
        if let Some(d) = db {
            c.arg("--db").arg(d);
        }
        c.arg("path");
        let r = output(c, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let default = data.join("coachlog").join("coachlog.sqlite");
    if cfg!(target_os = "linux") {
        assert_eq!(path(None, None), format!("{}\n", default.display()));
    }
    assert_eq!(
        path(None, Some(&from_env)),
        format!("{}\n", from_env.display())
    );
    assert_eq!(
        path(Some(&env.db()), Some(&from_env)),
        format!("{}\n", env.db().display())
    );

    // COACHLOG_DB is used by real commands too.
    let mut c = coachlog();
    c.env("COACHLOG_DB", &from_env)
        .args(["--today", TODAY, "person", "add", "Ada"]);
    assert_eq!(output(c, None).code, 0);
    assert!(from_env.exists());

    if cfg!(target_os = "linux") {
        // The default folder is created for a write, never for a read.
        let mut c = coachlog();
        c.env("XDG_DATA_HOME", &data).args(["overview"]);
        assert_eq!(output(c, None).code, 3);
        assert!(!data.exists());
        let mut c = coachlog();
        c.env("XDG_DATA_HOME", &data)
            .args(["--today", TODAY, "person", "add", "Ada"]);
        assert_eq!(output(c, None).code, 0);
        assert!(default.exists());
    }
}

#[test]
fn errors_stay_text_with_json() {
    let env = team();
    let r = env.run(&["--json", "person", "show", "nobody"]);
    assert_eq!(r.code, 3);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .starts_with("error: No one on the team is called 'nobody'"),
        "{}",
        r.stderr
    );
}

#[test]
fn interviewers_are_team_people_or_free_names() {
    let env = team();
    env.ok(&["person", "add", "Priyanka Shah"]);
    env.ok(&["person", "add", "Ravi Shah"]);
    assert_eq!(
        env.ok(&[
            "hiring",
            "open",
            "Senior PM, Plan",
            "--level",
            "ic",
            "--opened",
            "2026-11-01"
        ]),
        "Opened requisition #1: Senior PM, Plan (IC).\n"
    );
    let i = env.json(&[
        "hiring",
        "interview",
        "1",
        "--candidate",
        "Alex Kim",
        "--interviewer",
        "Marco",
        "--interviewer",
        "Sam from Design",
    ]);
    assert_eq!(
        i["interviewers"],
        serde_json::json!([{"person": 2}, {"name": "Sam from Design"}])
    );
    env.refused(
        &[
            "hiring",
            "interview",
            "1",
            "--candidate",
            "Bo",
            "--interviewer",
            "Shah",
        ],
        2,
        "'Shah' matches 2 people",
    );
    env.refused(
        &[
            "hiring",
            "interview",
            "1",
            "--candidate",
            "Bo",
            "--interviewer",
            "9",
        ],
        3,
        "There is no person with id 9",
    );
}

#[test]
fn export_writes_atomically_and_refuses_to_overwrite() {
    let env = team();
    let out = env.file("backup.json");
    let o = out.to_str().unwrap();
    assert_eq!(
        env.ok(&["export", "-o", o]),
        format!("Exported {} to {o}.\n", env.db().display())
    );
    let first = std::fs::read(&out).unwrap();
    assert_eq!(
        String::from_utf8(first.clone()).unwrap(),
        env.ok(&["export"])
    );
    env.refused(&["export", "-o", o], 4, "already exists");
    env.ok(&["person", "add", "Ada"]);
    env.ok(&["export", "-o", o, "--force"]);
    assert_ne!(std::fs::read(&out).unwrap(), first);
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert_eq!(names, Vec::<String>::new());
}

#[test]
fn demo_fills_an_empty_database_once() {
    let env = Env::new();
    let out = env.ok(&["demo", "--people", "3", "--months", "2", "--seed", "7"]);
    assert!(
        out.starts_with(&format!("Filled {} with a demo team", env.db().display())),
        "{out}"
    );
    assert!(out.contains("3 people"), "{out}");
    assert!(
        out.contains("`coachlog person list`") && out.contains("`coachlog overview`"),
        "{out}"
    );
    assert_eq!(
        env.json(&["person", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let overview = env.json(&["overview"]);
    assert!(
        overview["counts"]["people"].as_u64().unwrap() >= 1,
        "{overview}"
    );
    env.refused(&["demo"], 4, "");
}

#[test]
fn overview_states_the_facts() {
    let env = team();
    env.ok(&[
        "one-on-one",
        "log",
        "marco",
        "--date",
        "2026-11-20",
        "--help-request",
        "Pricing context?",
    ]);
    env.ok(&[
        "agenda",
        "add",
        "priya",
        "Ship the survey",
        "--tag",
        "DOTO",
        "--timing",
        "2026-12-01",
    ]);
    env.ok(&["agenda", "add", "priya", "Untimed action", "--tag", "TODO"]);
    env.ok(&[
        "hiring",
        "open",
        "PM, Create",
        "--level",
        "ic",
        "--opened",
        "2026-11-01",
    ]);
    env.ok(&[
        "win",
        "add",
        "marco",
        "Great launch",
        "--noted",
        "2026-11-25",
    ]);
    let text = env.ok(&["overview"]);
    assert!(
        text.starts_with("Coachlog overview for 2026-11-27\n\nTeam (2)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Marco Rossi  IC     Stage: Create                     2026-11-20     7  2026-12-04     1  yes"
        ),
        "{text}"
    );
    assert!(text.contains("Open requests (HELP) (1)"), "{text}");
    assert!(text.contains("Actions (TODO, DOTO) (3)"), "{text}");
    assert!(
        text.contains("2026-12-01  Priya Raman  DOTO  you"),
        "{text}"
    );
    assert!(text.ends_with(
        "2 people (2 tracked), 4 items open on agendas (1 request, 3 actions), 1 open requisition, 1 unshared win.\n"
    ), "{text}");
    let o = env.json(&["overview"]);
    assert_eq!(o["people"][0]["person"]["name"], "Marco Rossi");
    assert_eq!(o["people"][0]["days_since_last"], 7);
    assert_eq!(o["people"][0]["next_due"], "2026-12-04");
    assert_eq!(o["requests"][0]["item"]["text"], "Pricing context?");
    assert_eq!(o["actions"][0]["due"], "2026-12-01");
    assert_eq!(o["requests"][0]["owner"], "leader");
    assert_eq!(o["open_requisitions"][0]["days_open"], 26);
    assert_eq!(o["open_requisitions"][0]["title"], "PM, Create");
    assert_eq!(o["open_requisitions"][0]["has_peer"], false);
    assert_eq!(o["unshared_wins"][0]["days_since_noted"], 2);
}

#[test]
fn a_scripted_session_round_trips_through_export_and_import() {
    let env = Env::new();
    env.ok(&[
        "person",
        "add",
        "Priya Raman",
        "--family",
        "senior_product_manager",
        "--section",
        "Dev",
        "--stage",
        "Plan",
        "--group",
        "Project Management",
        "--since",
        "2026-01-05",
    ]);
    env.ok(&[
        "person",
        "add",
        "Marco Rossi",
        "--stage",
        "Create",
        "--cadence",
        "14",
        "--since",
        "2026-03-02",
    ]);
    env.ok(&[
        "person",
        "add",
        "Dana Lee",
        "--family",
        "engineering_manager",
        "--untracked",
        "--since",
        "2026-03-02",
    ]);
    assert_eq!(
        env.json(&["person", "show", "dana"])["person"]["level"],
        "manager"
    );

    // A 1:1 opens items; the next one closes one of them.
    assert_eq!(
        env.ok(&[
            "one-on-one",
            "log",
            "priya",
            "--date",
            "2026-11-20",
            "--tag",
            "career",
            "--notes",
            "She wants more exposure to pricing strategy.",
            "--todo",
            "Draft the roadmap narrative",
            "--help-request",
            "Intro to the billing PM?"
        ]),
        "Logged 1:1 #1 with Priya Raman on 2026-11-20 (2 new items, 0 closed).\n"
    );
    assert_eq!(
        env.ok(&[
            "one-on-one",
            "log",
            "priya",
            "--close",
            "2=done",
            "--doto",
            "Share the deck"
        ]),
        "Logged 1:1 #2 with Priya Raman on 2026-11-27 (1 new item, 1 closed).\n"
    );
    let open = env.json(&["agenda", "list", "priya"]);
    let ids: Vec<i64> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![1, 3]);

    // Updates.
    assert_eq!(
        env.ok(&[
            "update",
            "add",
            "priya",
            "--kind",
            "next_release",
            "--period",
            "2026-12",
            "--status",
            "in_review"
        ]),
        "Added update #1: Priya Raman's next release for 2026-12 (in review).\n"
    );
    env.ok(&[
        "update",
        "add",
        "priya",
        "--kind",
        "okrs",
        "--period",
        "FY27-Q4",
        "--done-on",
        "2026-11-20",
    ]);
    env.ok(&[
        "update",
        "add",
        "--kind",
        "portfolio_direction",
        "--period",
        "2026-12",
    ]);
    assert_eq!(
        env.ok(&[
            "update",
            "done",
            "1",
            "--link",
            "https://gitlab.com/g/p/-/merge_requests/1"
        ]),
        "Marked update #1 (Priya Raman's next release for 2026-12) done on 2026-11-27.\n"
    );
    assert_eq!(
        env.json(&["update", "list", "--leader"])[0]["kind"],
        "portfolio_direction"
    );
    assert_eq!(
        env.json(&["update", "list", "priya", "--kind", "okrs"])[0]["status"],
        "done"
    );
    let edited = env.json(&["update", "edit", "1", "--status", "in_review"]);
    assert_eq!(edited["done_on"], Value::Null);

    // Internal customers.
    env.ok(&[
        "customer",
        "add",
        "priya",
        "--team",
        "Customer Success",
        "--category",
        "Portfolio Management",
        "--since",
        "2026-02-01",
    ]);
    assert_eq!(
        env.ok(&["customer", "check-in", "1", "--epic-updated", "--notes", "Walked through the roadmap view."]),
        "Recorded check-in #1 with Customer Success (Portfolio Management) on 2026-11-27, epic updated.\n"
    );
    assert_eq!(
        env.json(&["customer", "check-ins", "--person", "priya"])[0]["epic_updated"],
        true
    );
    assert!(env.ok(&["customer", "list"]).contains("Customer Success"));

    // Hiring.
    env.ok(&[
        "hiring",
        "open",
        "Senior PM, Create",
        "--level",
        "ic",
        "--opened",
        "2026-11-02",
    ]);
    assert_eq!(
        env.ok(&[
            "hiring",
            "loop",
            "add",
            "1",
            "--person",
            "marco",
            "--role",
            "peer PM",
            "--works-with-hire"
        ]),
        "Added Marco Rossi to the loop of requisition #1 (member 1, works with the hire).\n"
    );
    env.ok(&["hiring", "loop", "add", "1", "--name", "Sam from Design"]);
    env.ok(&[
        "hiring",
        "interview",
        "1",
        "--candidate",
        "Alex Kim",
        "--date",
        "2026-11-20",
        "--interviewer",
        "Marco Rossi",
    ]);
    assert_eq!(
        env.json(&["hiring", "loop", "list", "1"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        env.ok(&["hiring", "loop", "remove", "2"]),
        "Moved Sam from Design in the loop of Senior PM, Create to the Trash. `coachlog trash \
         restore 1` brings it back until 2026-12-27.\n"
    );
    let show = env.json(&["hiring", "show", "1"]);
    assert_eq!(show["loop_members"].as_array().unwrap().len(), 1);
    assert_eq!(show["interviews"][0]["candidate"], "Alex Kim");
    let interviews = env.ok(&["hiring", "interviews"]);
    assert!(
        interviews.contains("Alex Kim") && interviews.contains("Marco Rossi"),
        "{interviews}"
    );

    // Walkthrough, with findings from a file.
    std::fs::write(
        env.file("findings.md"),
        "## Findings\n\nThe roadmap empty state confuses people.\n",
    )
    .unwrap();
    let findings = env.file("findings.md");
    assert_eq!(
        env.ok(&[
            "walkthrough",
            "add",
            "Plan: epic to roadmap",
            "--date",
            "2026-11-18",
            "--stage",
            "Plan",
            "--category",
            "Roadmaps",
            "--findings-file",
            findings.to_str().unwrap(),
            "--issue",
            "https://gitlab.com/gitlab-com/Product/-/issues/1"
        ]),
        "Recorded walkthrough #1 'Plan: epic to roadmap' on 2026-11-18.\n"
    );
    assert!(env
        .ok(&["walkthrough", "show", "1"])
        .contains("The roadmap empty state confuses people."));

    // A win, shared.
    env.ok(&["win", "add", "marco", "Launched the new editor"]);
    assert_eq!(
        env.json(&["win", "list", "--unshared"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        env.ok(&["win", "share", "1", "--where", "#product-leadership"]),
        "Shared win #1 on 2026-11-27 in #product-leadership.\n"
    );
    assert_eq!(
        env.ok(&["win", "list", "--unshared"]),
        "No unshared wins.\n"
    );

    // Settings.
    assert_eq!(
        env.ok(&["settings", "set", "release_day", "22"]),
        "Set release_day to 22.\n"
    );
    assert_eq!(env.json(&["settings", "get", "release_day"])["value"], "22");

    // Search finds words of the notes, items, findings and wins.
    let hits = env.ok(&["search", "pricing"]);
    assert!(
        hits.contains("1:1") && hits.contains("**pricing**"),
        "{hits}"
    );
    let hits = env.json(&["search", "roadmap", "--limit", "10"]);
    let kinds: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    for kind in ["agenda_item", "check_in", "walkthrough"] {
        assert!(kinds.contains(&kind), "{kind} not in {kinds:?}");
    }

    // Export → import → export is byte-identical.
    let first = env.file("first.json");
    env.ok(&["export", "-o", first.to_str().unwrap()]);
    let copy = env.file("copy.sqlite");
    let mut c = coachlog();
    c.arg("--db")
        .arg(&copy)
        .args(["--today", "2027-01-01", "import"])
        .arg(&first);
    let r = output(c, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains(": 3 people, 2 1:1s, 3 agenda items, 3 updates"),
        "{}",
        r.stdout
    );
    let second = env.file("second.json");
    let mut c = coachlog();
    c.arg("--db").arg(&copy).args(["export", "-o"]).arg(&second);
    assert_eq!(output(c, None).code, 0);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    // Importing again into the now non-empty copy is refused.
    let mut c = coachlog();
    c.arg("--db").arg(&copy).arg("import").arg(&first);
    let r = output(c, None);
    assert_eq!(r.code, 4, "{}", r.stderr);
}

#[test]
fn files_that_are_not_usable_databases_get_their_own_exit_codes() {
    let env = Env::new();
    let newer = env.file("newer.sqlite");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1131367527; PRAGMA user_version = 99;
             CREATE TABLE future (x);",
        )
        .unwrap();
    }
    let text = env.file("notes.txt");
    std::fs::write(&text, "just some notes, not a database\n").unwrap();
    let cases: [(&Path, i32, &str); 3] = [
        (&newer, 5, "uses database schema version 99"),
        (&text, 5, "is not a Coachlog database"),
        (
            env.dir.path(),
            6,
            "is a folder; give the path of a database file",
        ),
    ];
    for (path, code, message) in cases {
        let before = std::fs::metadata(path).unwrap().len();
        for args in [&["person", "list"][..], &["person", "add", "Ada"][..]] {
            let r = output(env.command(path, args), None);
            assert_eq!(r.code, code, "{path:?} {args:?}: {r:?}");
            assert!(
                r.stderr.contains(message),
                "{path:?} {args:?}: {}",
                r.stderr
            );
        }
        // Left untouched, and never removed.
        assert!(path.exists());
        assert_eq!(std::fs::metadata(path).unwrap().len(), before);
    }
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "just some notes, not a database\n"
    );
}

#[test]
fn import_reads_standard_input() {
    let env = team();
    let exported = env.ok(&["export"]);
    let copy = env.file("copy.sqlite");
    let r = output(env.command(&copy, &["import", "-"]), Some(&exported));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let again = output(env.command(&copy, &["export"]), None);
    assert_eq!(again.stdout, exported);
    let counts: Value = serde_json::from_str(
        &output(
            env.command(&env.file("third.sqlite"), &["--json", "import", "-"]),
            Some(&exported),
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(counts["people"], 2);
    assert_eq!(counts["agenda_items"], 1);
}

#[test]
fn overdue_lists_by_the_practice_rules_and_snoozes_dismisses_and_undoes() {
    let env = team();
    env.ok(&["settings", "set", "tracking_since", "2026-11-01"]);
    let item = env.json(&[
        "agenda",
        "add",
        "marco",
        "Need pricing context",
        "--tag",
        "HELP",
        "--by",
        "person",
        "--opened",
        "2026-11-20",
    ]);
    let key = format!("request:{}", item["id"]);
    let find = |args: &[&str]| -> Option<Value> {
        let list = env.json(args);
        list.as_array()
            .unwrap()
            .iter()
            .find(|n| n["key"] == key.as_str())
            .cloned()
    };
    // Friday 2026-11-20 + 2 business days = Tuesday 2026-11-24.
    let n = find(&["overdue"]).expect("the request is overdue");
    assert_eq!(n["rule"], "request");
    assert_eq!(n["person"], "Marco Rossi");
    assert_eq!(n["owner"], "leader");
    assert_eq!(n["subject"], "Need pricing context");
    assert_eq!(n["period"], Value::Null);
    assert_eq!(n["due"], "2026-11-24");
    assert_eq!(n["overdue_days"], 3);
    assert!(n["message"].as_str().unwrap().contains("3 days overdue"));
    // As it stood on an earlier day: due soon, not overdue.
    assert!(find(&["overdue", "--as-of", "2026-11-22"]).is_none());
    let soon = find(&["overdue", "--as-of", "2026-11-22", "--due-soon"]).unwrap();
    assert_eq!(soon["overdue_days"], -2);

    let text = env.ok(&["overdue"]);
    assert!(text.contains(&key), "{text}");
    assert!(
        text.contains("Need pricing context") || text.contains("Marco Rossi's request"),
        "{text}"
    );

    assert_eq!(
        env.ok(&["snooze", &key, "--until", "2026-11-28"]),
        format!("Snoozed {key} until 2026-11-28; it shows again on 2026-11-29.\n")
    );
    assert!(find(&["overdue"]).is_none());
    assert!(find(&["overdue", "--as-of", "2026-11-29"]).is_some());
    env.ok(&["dismiss", &key]);
    assert!(find(&["overdue", "--as-of", "2026-11-29"]).is_none());
    env.ok(&["undo", &key]);
    assert!(find(&["overdue"]).is_some());

    env.refused(
        &["snooze", "later", "--until", "2026-12-01"],
        2,
        "is not a nudge key",
    );
    env.refused(&["undo", &key], 3, "is neither snoozed nor dismissed");

    // Doing what it asks resolves it.
    env.ok(&["agenda", "close", &item["id"].to_string(), "thanks"]);
    assert!(find(&["overdue", "--due-soon"]).is_none());
}

#[test]
fn summary_prints_last_month_in_every_format_and_writes_files_safely() {
    let env = team();
    env.ok(&[
        "one-on-one",
        "log",
        "priya",
        "--date",
        "2026-10-05",
        "--notes",
        "Secret coaching note",
        "--tag",
        "career",
        "--help-request",
        "Private request text",
    ]);
    env.ok(&[
        "win",
        "add",
        "marco",
        "Shipped a|b <b>win</b>",
        "--noted",
        "2026-10-06",
    ]);

    // Default: last month (today is 2026-11-27), Markdown, no notes.
    let md = env.ok(&["summary"]);
    assert!(md.starts_with("# Monthly summary: October 2026\n"), "{md}");
    assert_eq!(
        md,
        env.ok(&["summary", "--month", "2026-10", "--format", "md"])
    );
    // Nothing was owed before tracking_since (the day the database was made).
    assert!(
        md.contains("| Marco Rossi | — | — | — | — | — | ⚠️ 1 late | ✅ | ✅ | — | 0 |\n"),
        "{md}"
    );
    assert!(
        md.contains("| Priya Raman | ✅ 1 held | ✅ 1 open | — | — | — | — | ✅ | ✅ | — | 0 |\n"),
        "{md}"
    );
    assert!(md.contains("Shipped a\\|b \\<b\\>win\\</b\\>"), "{md}");
    for private in ["Secret coaching note", "Private request text"] {
        assert!(!md.contains(private), "{private} in the default summary");
    }
    let with_notes = env.ok(&["summary", "--include-notes"]);
    assert!(with_notes.contains("Secret coaching note"));
    assert!(with_notes.contains("Private request text"));

    // The other formats; --json alone means the JSON format.
    let html = env.ok(&["summary", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    let csv = env.ok(&["summary", "--format", "csv"]);
    assert!(csv.starts_with("month,person_id,person,metric,value\r\n2026-10,"));
    let data = env.json(&["summary"]);
    assert_eq!(data["month"], "2026-10");
    assert_eq!(data["people"][1]["name"], "Priya Raman");
    assert_eq!(data["people"][1]["one_on_ones"]["held"], 1);
    assert_eq!(data["people"][0]["wins"]["noted"], 1);
    assert_eq!(data["generated_on"], Value::Null);
    assert_eq!(env.json(&["summary", "--dated"])["generated_on"], TODAY);

    // -o writes the same bytes atomically, takes the format from the
    // extension, and refuses to replace a file without --force.
    let out = env.file("october.html");
    let o = out.to_str().unwrap();
    assert_eq!(
        env.ok(&["summary", "-o", o]),
        format!("Wrote the October 2026 summary (HTML) to {o}.\n")
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html);
    env.refused(
        &["summary", "-o", o],
        4,
        "already exists; choose another file name, or add --force",
    );
    let written = env.json(&[
        "summary", "-o", o, "--force", "--format", "md", "--month", "2026-11",
    ]);
    assert_eq!(written["format"], "markdown");
    assert_eq!(written["month"], "2026-11");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("# Monthly summary: November 2026"));
    let leftovers: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());

    env.refused(&["summary", "--month", "2026-13"], 2, "is not a month");
    env.refused(&["summary", "--format", "pdf"], 2, "invalid value 'pdf'");
    let missing = Env::new();
    let r = missing.run(&["summary"]);
    assert_eq!(r.code, 3, "{r:?}");
    assert!(!missing.db().exists());
}

#[test]
fn person_history_prints_the_packet_and_writes_files_safely() {
    let env = team();
    env.ok(&[
        "one-on-one",
        "log",
        "priya",
        "--date",
        "2026-06-01",
        "--notes",
        "Secret coaching note",
        "--tag",
        "career",
    ]);
    env.ok(&["one-on-one", "log", "priya", "--date", "2026-05-27"]);

    // Default: the six months ending today (2026-11-27), Markdown, no notes.
    let md = env.ok(&["person", "history", "priya"]);
    assert!(md.starts_with("# Review packet: Priya Raman\n"), "{md}");
    assert!(md.contains("\n2026-05-28 to 2026-11-27\n"), "{md}");
    assert!(md.contains("| June 2026 | 1 | 0 | 0 | career 1 |"), "{md}");
    // The 1:1 of 2026-05-27 is a day before the window.
    assert!(md.contains("| May 2026 | 0 | 0 | 0 | none |"), "{md}");
    assert!(md.contains("1 career conversation (held 1:1s tagged `career`): 2026-06-01."));
    assert!(!md.contains("Secret coaching note"));
    assert!(!md.contains("Draft the roadmap narrative"));
    let private = env.ok(&["person", "history", "priya", "--include-notes"]);
    assert!(private.contains("Secret coaching note"));
    assert!(private.contains("Draft the roadmap narrative"));

    // A window; the other formats; --json alone means the JSON format.
    let may = env.ok(&[
        "person",
        "history",
        "1",
        "--from",
        "2026-05-27",
        "--to",
        "2026-05-27",
    ]);
    assert!(may.contains("| May 2026 | 1 | 0 | 0 | none |"), "{may}");
    let html = env.ok(&["person", "history", "priya", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    assert!(html.contains("<svg"));
    let data = env.json(&["person", "history", "priya"]);
    assert_eq!(data["name"], "Priya Raman");
    assert_eq!(data["window"]["to"], TODAY);
    assert_eq!(data["one_on_ones"]["held"], 2);
    assert_eq!(data["notes"], Value::Null);

    // -o writes the same bytes atomically, takes the format from the
    // extension, and refuses to replace a file without --force.
    let out = env.file("priya.html");
    let o = out.to_str().unwrap();
    assert_eq!(
        env.ok(&["person", "history", "priya", "-o", o]),
        format!("Wrote Priya Raman's packet from 2026-05-28 to 2026-11-27 (HTML) to {o}.\n")
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html);
    env.refused(
        &["person", "history", "priya", "-o", o],
        4,
        "already exists; choose another file name, or add --force",
    );
    let written = env.json(&[
        "person", "history", "priya", "-o", o, "--force", "--format", "md",
    ]);
    assert_eq!(written["format"], "markdown");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);

    env.refused(
        &["person", "history", "priya", "--from", "2026-11-28"],
        2,
        "The window starts on 2026-11-28, after it ends on 2026-11-27",
    );
    env.refused(
        &["person", "history", "priya", "--to", "2026-02-30"],
        2,
        "2026-02-30",
    );
    env.refused(&["person", "history", "nobody"], 3, "nobody");
    env.refused(
        &["person", "history", "priya", "--format", "csv"],
        2,
        "invalid value 'csv'",
    );
}

/// Runs against this env's database at the time `now` (`COACHLOG_NOW`),
/// which names the backups.
fn at(env: &Env, now: &str, args: &[&str]) -> Run {
    let mut c = env.command(&env.db(), args);
    c.env("COACHLOG_NOW", now);
    output(c, None)
}

/// [`at`], expecting success and nothing on standard error.
fn ok_at(env: &Env, now: &str, args: &[&str]) -> String {
    let r = at(env, now, args);
    assert_eq!(r.code, 0, "coachlog {args:?} failed: {}", r.stderr);
    assert_eq!(r.stderr, "", "coachlog {args:?} wrote to stderr");
    r.stdout
}

/// The names in the backups folder next to the env's database.
fn backup_names(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(env.file("backups")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

fn names_in(env: &Env) -> Vec<String> {
    env.json(&["person", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn backups_are_automatic_on_writes_at_most_every_thirty_minutes() {
    let env = Env::new();
    ok_at(
        &env,
        "2026-11-27T09:00:00Z",
        &["person", "add", "Priya Raman"],
    );
    assert_eq!(backup_names(&env), ["team-20261127T090000Z.sqlite"]);
    // A write ten minutes later, a read forty minutes later: no new backup.
    ok_at(
        &env,
        "2026-11-27T09:10:00Z",
        &["person", "add", "Marco Rossi"],
    );
    ok_at(&env, "2026-11-27T09:40:00Z", &["person", "list"]);
    ok_at(&env, "2026-11-27T09:40:00Z", &["overview"]);
    assert_eq!(backup_names(&env).len(), 1);
    // A refused write changes nothing, so no backup either.
    let r = at(
        &env,
        "2026-11-27T09:41:00Z",
        &["person", "add", "Priya Raman"],
    );
    assert_eq!(r.code, 4, "{r:?}");
    assert_eq!(backup_names(&env).len(), 1);
    // A write more than thirty minutes after the last backup: one more.
    ok_at(
        &env,
        "2026-11-27T09:41:00Z",
        &["win", "add", "priya", "Shipped it"],
    );
    assert_eq!(
        backup_names(&env),
        [
            "team-20261127T090000Z.sqlite",
            "team-20261127T094100Z.sqlite"
        ]
    );
}

#[test]
fn backup_backups_and_restore() {
    let env = Env::new();
    ok_at(
        &env,
        "2026-11-27T09:00:00Z",
        &["person", "add", "Priya Raman"],
    );
    let first = env.file("backups/team-20261127T090000Z.sqlite");
    assert!(first.exists());
    ok_at(
        &env,
        "2026-11-27T09:05:00Z",
        &["person", "add", "Marco Rossi"],
    );

    let out = ok_at(&env, "2026-11-27T10:00:00Z", &["backup"]);
    let made = env.file("backups/team-20261127T100000Z.sqlite");
    assert!(
        out.starts_with(&format!(
            "Backed up {} to {} (",
            env.db().display(),
            made.display()
        )) && out.ends_with(" KB).\n"),
        "{out}"
    );
    let json: Value =
        serde_json::from_str(&ok_at(&env, "2026-11-27T10:00:00Z", &["--json", "backup"])).unwrap();
    assert_eq!(json["kind"], "rolling");
    assert_eq!(json["taken_at"], "2026-11-27T10:00:00Z");
    assert!(json["path"]
        .as_str()
        .unwrap()
        .ends_with("team-20261127T100000Z-2.sqlite"));
    assert!(json["bytes"].as_u64().unwrap() > 0);

    let table = env.ok(&["backups"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["TAKEN", "(UTC)", "KIND", "SIZE", "FILE"],
        "{table}"
    );
    assert!(
        lines[1].starts_with("2026-11-27 10:00:00  backup"),
        "{table}"
    );
    assert!(lines[1].contains(" KB  "), "{table}");
    assert!(
        lines[1].ends_with("team-20261127T100000Z-2.sqlite"),
        "{table}"
    );
    assert!(
        lines[3].ends_with("team-20261127T090000Z.sqlite"),
        "{table}"
    );
    assert_eq!(
        lines[4],
        format!("3 backups in {}", env.file("backups").display())
    );
    let listed = env.json(&["backups"]);
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert_eq!(listed[2]["taken_at"], "2026-11-27T09:00:00Z");

    // Back to the first backup: only Priya; the file it replaced is kept.
    let first_s = first.to_str().unwrap();
    let out = ok_at(&env, "2026-11-27T11:00:00Z", &["restore", first_s]);
    let kept = env.file("backups/team-20261127T110000Z-before-restore.sqlite");
    assert_eq!(
        out,
        format!(
            "Restored {} from {}. The file it replaced was kept as {}.\n",
            env.db().display(),
            first.display(),
            kept.display()
        )
    );
    // Reading the restored file touches it (its journal becomes WAL) but
    // changes no record, so it makes no automatic backup.
    let backups = backup_names(&env);
    assert_eq!(names_in(&env), ["Priya Raman"]);
    assert_eq!(backup_names(&env), backups);
    // --latest: the newest backup of the rolling set, not the safety copy.
    let done: Value = serde_json::from_str(&ok_at(
        &env,
        "2026-11-27T11:01:00Z",
        &["--json", "restore", "--latest"],
    ))
    .unwrap();
    assert!(done["restored_from"]
        .as_str()
        .unwrap()
        .ends_with("team-20261127T100000Z-2.sqlite"));
    assert_eq!(done["schema_version"], coachlog_core::db::SCHEMA_VERSION);
    assert_eq!(names_in(&env), ["Marco Rossi", "Priya Raman"]);
    // The safety copy is a backup like the others: it undoes the restore.
    let undo = done["safety_copy"].as_str().unwrap();
    assert!(
        undo.ends_with("team-20261127T110100Z-before-restore.sqlite"),
        "{undo}"
    );
    ok_at(&env, "2026-11-27T11:02:00Z", &["restore", undo]);
    assert_eq!(names_in(&env), ["Priya Raman"]);
}

#[test]
fn restore_refuses_what_it_cannot_restore_and_changes_nothing() {
    let env = Env::new();
    ok_at(
        &env,
        "2026-11-27T09:00:00Z",
        &["person", "add", "Priya Raman"],
    );
    let notes = env.file("notes.txt");
    std::fs::write(&notes, "not a database").unwrap();
    let n = notes.to_str().unwrap();
    env.refused(&["restore", n], 5, "is not a valid Coachlog backup");
    env.refused(&["restore", n], 5, "nothing was changed");
    env.refused(
        &["restore", env.file("missing.sqlite").to_str().unwrap()],
        3,
        "does not exist; `coachlog backups` lists the backups",
    );
    let db = env.db();
    env.refused(
        &["restore", db.to_str().unwrap()],
        2,
        "is the database itself",
    );
    let r = env.run(&["restore"]);
    assert_eq!(r.code, 2, "{r:?}");
    // While another program has the database open. (Not `env.refused`: it
    // reads the file, and on POSIX closing that read would drop this
    // process's SQLite locks, which are what tells the other program.)
    let app = rusqlite::Connection::open(env.db()).unwrap();
    let _: i64 = app
        .query_row("SELECT count(*) FROM person", [], |r| r.get(0))
        .unwrap();
    let r = env.run(&["restore", "--latest"]);
    assert_eq!(r.code, 6, "{r:?}");
    assert!(
        r.stderr.contains("is open in another program"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing was changed"), "{}", r.stderr);
    drop(app);
    assert_eq!(backup_names(&env).len(), 1);
    assert_eq!(names_in(&env), ["Priya Raman"]);
    // Without backups, --latest says so.
    let fresh = Env::new();
    ok_at(&fresh, "2026-11-27T09:00:00Z", &["person", "add", "Ada"]);
    std::fs::remove_dir_all(fresh.file("backups")).unwrap();
    fresh.refused(&["restore", "--latest"], 3, "There are no backups of");
    let missing = Env::new();
    let r = missing.run(&["backup"]);
    assert_eq!(r.code, 3, "{r:?}");
    assert!(r.stderr.contains("No database at"), "{}", r.stderr);
    assert!(!missing.db().exists());
    assert_eq!(
        missing.ok(&["backups"]),
        format!(
            "No backups of {} yet; make one with `coachlog backup`.\n",
            missing.db().display()
        )
    );
}

#[test]
fn a_damaged_database_names_the_latest_backup_and_restore_brings_it_back() {
    let env = Env::new();
    ok_at(
        &env,
        "2026-11-27T09:00:00Z",
        &["person", "add", "Priya Raman"],
    );
    let backup = env.file("backups/team-20261127T090000Z.sqlite");
    // Damage a page in the middle of the file.
    let mut bytes = std::fs::read(env.db()).unwrap();
    bytes[4096..8192].fill(0xAB);
    std::fs::write(env.db(), &bytes).unwrap();
    for args in [&["person", "list"][..], &["person", "add", "Ada"][..]] {
        env.refused(args, 5, "is damaged");
        let r = env.run(args);
        assert!(
            r.stderr.contains("coachlog restore --latest"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&backup.display().to_string()),
            "{}",
            r.stderr
        );
    }
    // Neither can it be backed up.
    env.refused(&["backup"], 5, "could not be backed up");
    let out = ok_at(&env, "2026-11-27T10:00:00Z", &["restore", "--latest"]);
    let kept = env.file("backups/team-20261127T100000Z-damaged.sqlite");
    assert!(
        out.contains(&format!("was kept as {}", kept.display())),
        "{out}"
    );
    assert_eq!(std::fs::read(&kept).unwrap(), bytes);
    assert_eq!(names_in(&env), ["Priya Raman"]);
    // The kept copy is listed as damaged. (Found by its path, not its place
    // in the list: the read above may have made an automatic backup at the
    // real time, which sorts before or after 10:00 depending on the clock.)
    let listed = env.json(&["backups"]);
    let entry = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"] == kept.display().to_string())
        .unwrap_or_else(|| panic!("{} is not listed: {listed}", kept.display()));
    assert_eq!(entry["kind"], "damaged");
}

#[test]
fn import_backs_up_an_existing_database_first() {
    let env = team();
    let exported = env.ok(&["export"]);
    let target = Env::new();
    ok_at(
        &target,
        "2026-11-27T09:00:00Z",
        &["settings", "set", "release_day", "22"],
    );
    assert_eq!(backup_names(&target), ["team-20261127T090000Z.sqlite"]);
    let mut c = target.command(&target.db(), &["import", "-"]);
    c.env("COACHLOG_NOW", "2026-11-27T09:01:00Z");
    let r = output(c, Some(&exported));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        backup_names(&target),
        [
            "team-20261127T090000Z.sqlite",
            "team-20261127T090100Z.sqlite"
        ]
    );
    // The backup before the import is the empty database.
    let before =
        rusqlite::Connection::open(target.file("backups/team-20261127T090100Z.sqlite")).unwrap();
    let people: i64 = before
        .query_row("SELECT count(*) FROM person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(people, 0);
}

#[test]
fn output_files_name_the_real_problem() {
    let env = team();
    let missing = env.file("no-such-folder").join("x.json");
    env.refused(
        &["export", "-o", missing.to_str().unwrap()],
        6,
        "the folder",
    );
    let r = env.run(&["export", "-o", missing.to_str().unwrap()]);
    assert!(
        !r.stderr.contains(".coachlog-"),
        "a temp file name leaked: {}",
        r.stderr
    );
    if Path::new("/dev/null").exists() {
        env.refused(
            &["export", "-o", "/dev/null", "--force"],
            6,
            "is not a regular file",
        );
    }
}
