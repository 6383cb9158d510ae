//! Coaching the whole PM from the command line: CDF reviews, skip-level
//! reports, templates and OKR objectives, and the leader's portfolio
//! milestones and calendar feed — each command's output, its JSON,
//! and for every refusal its exit code, its message and a database left
//! byte for byte as it was.

use std::path::Path;
use std::process::Stdio;

use serde_json::{json, Value};

mod common;
use common::{Env, Run};

impl Env {
    /// Runs `coachlog ARGS` on this env's database, with `stdin` as standard
    /// input (empty when `None`).
    fn run_input(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut child = common::on(common::binary(), &self.db(), args)
            .env("COACHLOG_NOW", "2026-11-27T12:00:00Z")
            .env("COACHLOG_KEYRING", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            let mut input = child.stdin.take().unwrap();
            if let Some(text) = stdin {
                input.write_all(text.as_bytes()).unwrap();
            }
        }
        Run::of(child.wait_with_output().unwrap())
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        self.ok_input(args, None)
    }

    fn ok_input(&self, args: &[&str], stdin: Option<&str>) -> String {
        let r = self.run_input(args, stdin);
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

    fn snapshot(&self) -> (Vec<u8>, bool) {
        let mut wal = self.db().into_os_string();
        wal.push("-wal");
        (std::fs::read(self.db()).unwrap(), Path::new(&wal).exists())
    }

    /// A command refused with `code` and a message containing `message`,
    /// leaving the database file byte for byte as it was.
    fn refused(&self, args: &[&str], code: i32, message: &str) {
        self.refused_input(args, None, code, message);
    }

    fn refused_input(&self, args: &[&str], stdin: Option<&str>, code: i32, message: &str) {
        let before = self.snapshot();
        let r = self.run_input(args, stdin);
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

/// Priya (a PM, id 1) and Mei Lin (a group manager, id 2), both since
/// 2026-01-05.
fn team() -> Env {
    let env = Env::new();
    env.ok(&[
        "person",
        "add",
        "Priya Raman",
        "--stage",
        "Plan",
        "--since",
        "2026-01-05",
    ]);
    env.ok(&[
        "person",
        "add",
        "Mei Lin Chen",
        "--family",
        "group_manager_product",
        "--group",
        "Code Review",
        "--since",
        "2026-01-05",
    ]);
    env
}

#[test]
fn cdf_reviews_are_recorded_listed_shown_edited_and_deleted() {
    let env = team();
    assert_eq!(
        env.ok(&["cdf", "list"]),
        "No CDF reviews yet; `coachlog cdf add PERSON --focus TEXT` records one.\n"
    );
    assert_eq!(
        env.ok_input(
            &[
                "cdf",
                "add",
                "priya",
                "--date",
                "2026-09-10",
                "--focus",
                "Problem validation: five customer interviews a quarter",
                "--focus",
                "Written communication: the decision first",
                "--notes-file",
                "-",
                "--link",
                "https://docs.example.com/cdf/priya",
            ],
            Some("Strong quarter.\n\nPromotion case: one more cross-stage example.\n"),
        ),
        "Recorded CDF review #1 for Priya Raman on 2026-09-10 (2 focus areas).\n"
    );
    let second = env.json(&[
        "cdf",
        "add",
        "Priya Raman",
        "--focus",
        "Stakeholder management",
    ]);
    assert_eq!(
        second,
        json!({
            "id": 2,
            "person_id": 1,
            "date": common::TODAY,
            "focus": ["Stakeholder management"],
            "notes": "",
            "link": null,
        })
    );

    assert_eq!(
        env.ok(&["cdf", "list"]),
        "\
ID  DATE        PERSON       FOCUS AREAS                                                             NOTES                           LINK
 2  2026-11-27  Priya Raman  Stakeholder management
 1  2026-09-10  Priya Raman  Problem validation: five customer interviews a quarter; Written commu…  Strong quarter. Promotion cas…  https://docs.example.com/cdf/priya
"
    );
    assert_eq!(env.json(&["cdf", "list", "mei"]), json!([]));
    assert_eq!(
        env.ok(&["cdf", "list", "mei"]),
        "No CDF reviews of Mei Lin Chen yet; `coachlog cdf add \"Mei Lin Chen\" --focus TEXT` records one.\n"
    );

    assert_eq!(
        env.ok(&["cdf", "show", "1"]),
        "CDF review #1 of Priya Raman on 2026-09-10\n  Link: https://docs.example.com/cdf/priya\n\n\
         Focus areas until the next review:\n  1. Problem validation: five customer interviews a quarter\n  \
         2. Written communication: the decision first\n\n\
         Notes:\nStrong quarter.\n\nPromotion case: one more cross-stage example.\n"
    );

    // Only the options given change.
    assert_eq!(
        env.ok(&[
            "cdf",
            "edit",
            "1",
            "--no-link",
            "--focus",
            "Influence across stages"
        ]),
        "Updated CDF review #1 for Priya Raman on 2026-09-10.\n"
    );
    let one = env.json(&["cdf", "show", "1"]);
    assert_eq!(one["focus"], json!(["Influence across stages"]));
    assert_eq!(one["link"], Value::Null);
    assert_eq!(one["date"], "2026-09-10");
    assert!(one["notes"]
        .as_str()
        .unwrap()
        .starts_with("Strong quarter."));
    let moved = env.json(&[
        "cdf",
        "edit",
        "1",
        "--person",
        "mei",
        "--date",
        "2026-09-11",
        "--notes",
        "",
    ]);
    assert_eq!(moved["person_id"], 2);
    assert_eq!(moved["date"], "2026-09-11");
    assert_eq!(moved["notes"], "");
    assert_eq!(moved["focus"], json!(["Influence across stages"]));

    // A CDF review is found by search, like other notes.
    let hits = env.json(&["search", "stakeholder"]);
    assert_eq!(hits[0]["kind"], "cdf_review", "{hits}");

    // Deleting goes to the Trash, and the Trash gives it back.
    let before = env.json(&["cdf", "show", "2"]);
    let out = env.ok(&["cdf", "delete", "2"]);
    assert_eq!(
        out,
        "Moved Priya Raman's CDF review on 2026-11-27 to the Trash. `coachlog trash restore 1` \
         brings it back until 2026-12-27.\n"
    );
    assert_eq!(env.json(&["cdf", "list", "priya"]), json!([]));
    env.refused(&["cdf", "show", "2"], 3, "There is no CDF review with id 2");
    env.ok(&["trash", "restore", "1"]);
    assert_eq!(env.json(&["cdf", "show", "2"]), before);
}

#[test]
fn refused_cdf_commands_change_nothing() {
    let env = team();
    env.ok(&[
        "cdf",
        "add",
        "priya",
        "--date",
        "2026-09-10",
        "--focus",
        "Iteration",
    ]);
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["cdf", "add", "priya"],
            2,
            "A CDF review needs 1 to 3 focus areas",
        ),
        (
            vec![
                "cdf", "add", "priya", "--focus", "a", "--focus", "b", "--focus", "c", "--focus",
                "d",
            ],
            2,
            "4 focus areas were given; a CDF review has 1 to 3.",
        ),
        (
            vec![
                "cdf",
                "add",
                "priya",
                "--date",
                "2026-09-10",
                "--focus",
                "x",
            ],
            4,
            "Priya Raman already has a CDF review on 2026-09-10 (id 1); edit that one instead.",
        ),
        (
            vec![
                "cdf",
                "add",
                "priya",
                "--date",
                "2025-12-01",
                "--focus",
                "x",
            ],
            2,
            "a CDF review on 2025-12-01 is before that",
        ),
        (
            vec![
                "cdf",
                "add",
                "priya",
                "--focus",
                "x",
                "--link",
                "not a link",
            ],
            2,
            "link",
        ),
        (
            vec!["cdf", "add", "Nobody", "--focus", "x"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (
            vec![
                "cdf",
                "add",
                "priya",
                "--focus",
                "x",
                "--notes",
                "a",
                "--notes-file",
                "n.md",
            ],
            2,
            "cannot be used with",
        ),
        (
            vec!["cdf", "edit", "1"],
            2,
            "Nothing to change: give at least one option; `coachlog cdf edit --help` lists them.",
        ),
        (
            vec!["cdf", "edit", "9", "--focus", "x"],
            3,
            "There is no CDF review with id 9; `coachlog cdf list` shows them.",
        ),
        (
            vec![
                "cdf",
                "edit",
                "1",
                "--link",
                "https://x.example",
                "--no-link",
            ],
            2,
            "cannot be used with",
        ),
        (
            vec!["cdf", "edit", "1", "--date", "2025-12-01"],
            2,
            "is before that",
        ),
        (
            vec!["cdf", "show", "9"],
            3,
            "There is no CDF review with id 9",
        ),
        (vec!["cdf", "delete", "9"], 3, "no CDF review with id 9"),
        (
            vec!["cdf", "list", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
    ];
    for (args, code, message) in cases {
        env.refused(&args, code, message);
    }
}

#[test]
fn skip_level_reports_report_to_a_manager_and_are_not_tracked() {
    let env = team();
    assert_eq!(
        env.ok(&[
            "person",
            "add",
            "Lucas Moreau",
            "--reports-to",
            "mei",
            "--since",
            "2026-02-02"
        ]),
        "Added Lucas Moreau (id 3), a skip-level report of Mei Lin Chen, since 2026-02-02.\n"
    );
    let lucas = env.json(&["person", "show", "lucas"])["person"].clone();
    assert_eq!(lucas["reports_to"], 2);
    assert_eq!(lucas["tracked"], false);

    let list = env.ok(&["person", "list"]);
    assert_eq!(
        list,
        "\
ID  NAME          TITLE  LEVEL    SCOPE               SINCE       1:1 EVERY  TRACKED  REPORTS TO
 3  Lucas Moreau         IC       Group               2026-02-02             no       Mei Lin Chen
 2  Mei Lin Chen         Manager  Group: Code Review  2026-01-05             yes
 1  Priya Raman          IC       Stage: Plan         2026-01-05             yes
"
    );
    let people = env.json(&["person", "list"]);
    let reports: Vec<&Value> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["reports_to"])
        .collect();
    assert_eq!(reports, [&json!(2), &Value::Null, &Value::Null]);
    // --all keeps the ARCHIVED column last.
    let all = env.ok(&["person", "list", "--all"]);
    let header = all.lines().next().unwrap().to_string();
    assert!(
        header.contains("  REPORTS TO  ") && header.ends_with("  ARCHIVED"),
        "{all}"
    );

    let show = env.ok(&["person", "show", "lucas"]);
    assert!(
        show.contains("  Reports to: Mei Lin Chen (a skip-level report)\n"),
        "{show}"
    );
    assert!(
        show.contains("  1:1s:       skip-levels every 91 days (skip_level_every_days)\n"),
        "{show}"
    );

    // A skip-level 1:1 is a 1:1 with them.
    env.ok(&[
        "one-on-one",
        "log",
        "lucas",
        "--notes",
        "Skip-level: how is the team doing?",
    ]);

    // Edits: another manager, or none.
    assert_eq!(
        env.ok(&["person", "edit", "priya", "--reports-to", "mei"]),
        "Updated Priya Raman (id 1): a skip-level report of Mei Lin Chen, not tracked.\n"
    );
    assert_eq!(
        env.json(&["person", "show", "priya"])["person"]["tracked"],
        false
    );
    assert_eq!(
        env.ok(&["person", "edit", "priya", "--no-reports-to"]),
        "Updated Priya Raman (id 1): no longer a skip-level report (not tracked; --tracked follows their practices).\n"
    );
    assert_eq!(
        env.ok(&["person", "edit", "priya", "--tracked"]),
        "Updated Priya Raman (id 1).\n"
    );
    let priya = env.json(&["person", "show", "priya"])["person"].clone();
    assert_eq!(
        (priya["tracked"].clone(), priya["reports_to"].clone()),
        (json!(true), Value::Null)
    );
    // Nobody else reports to anyone: the column goes.
    env.ok(&["person", "edit", "lucas", "--no-reports-to"]);
    assert!(!env.ok(&["person", "list"]).contains("REPORTS TO"));
}

#[test]
fn refused_skip_level_commands_change_nothing() {
    let env = team();
    env.ok(&["person", "add", "Lucas Moreau", "--reports-to", "mei"]);
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec![
                "person",
                "add",
                "Ana Souza",
                "--reports-to",
                "mei",
                "--tracked",
            ],
            2,
            "Ana Souza reports to Mei Lin Chen, so they are a skip-level report, and skip-level \
             reports are never tracked",
        ),
        (
            vec!["person", "add", "Ana Souza", "--reports-to", "lucas"],
            2,
            "Lucas Moreau is a skip-level report (of Mei Lin Chen), not one of your managers",
        ),
        (
            vec!["person", "add", "Ana Souza", "--reports-to", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (
            vec!["person", "add", "Ana Souza", "--tracked", "--untracked"],
            2,
            "cannot be used with",
        ),
        (
            vec![
                "person",
                "edit",
                "priya",
                "--reports-to",
                "mei",
                "--tracked",
            ],
            2,
            "skip-level reports are never tracked",
        ),
        (
            vec!["person", "edit", "mei", "--reports-to", "priya"],
            2,
            "Mei Lin Chen has skip-level reports (Lucas Moreau), so they cannot be a skip-level \
             report themselves",
        ),
        (
            vec!["person", "edit", "priya", "--reports-to", "priya"],
            2,
            "Priya Raman cannot report to themselves",
        ),
        (
            vec!["person", "edit", "lucas", "--tracked"],
            2,
            "skip-level reports are never tracked",
        ),
        (
            vec![
                "person",
                "edit",
                "lucas",
                "--reports-to",
                "mei",
                "--no-reports-to",
            ],
            2,
            "cannot be used with",
        ),
    ];
    for (args, code, message) in cases {
        env.refused(&args, code, message);
    }
}

#[test]
fn templates_are_shown_set_listed_and_reset() {
    let env = team();
    let default = env.ok(&["template", "show"]);
    assert!(
        default.starts_with(
            "The 1:1 notes template is Coachlog's default (you have not written one).\n\n## Their items\n- \n"
        ),
        "{default:?}"
    );
    assert_eq!(
        env.json(&["template", "show", "--walkthrough"])["source"],
        "coachlog"
    );
    assert_eq!(
        env.ok(&["template", "list"]),
        "You have written no templates; Coachlog's defaults apply (`coachlog template show` prints one).\n"
    );

    // Yours, from a file; Priya's own, inline; the walkthrough one, from stdin.
    std::fs::write(
        env.file("mine.md"),
        "\n\n## Wins\n- \n\n## Blockers\n- \n\n",
    )
    .unwrap();
    assert_eq!(
        env.ok(&[
            "template",
            "set",
            "--file",
            env.file("mine.md").to_str().unwrap()
        ]),
        "Set your default 1:1 notes template (5 lines).\n"
    );
    assert_eq!(
        env.ok(&["template", "show", "--person", "priya"]),
        "The 1:1 notes template for Priya Raman is your default (they have none of their own).\n\n\
         ## Wins\n- \n\n## Blockers\n- \n"
    );
    assert_eq!(
        env.ok(&[
            "template",
            "set",
            "--person",
            "priya",
            "--text",
            "## Pricing exposure\n- "
        ]),
        "Set Priya Raman's own 1:1 notes template (2 lines).\n"
    );
    let priya = env.json(&["template", "show", "--person", "priya"]);
    assert_eq!(
        priya,
        json!({"kind": "one_on_one", "person_id": 1, "body": "## Pricing exposure\n- \n", "source": "person"})
    );
    assert_eq!(
        env.ok_input(
            &["template", "set", "--walkthrough", "-"],
            Some("## Journey\n- \n")
        ),
        "Set your walkthrough findings template (2 lines).\n"
    );
    assert_eq!(
        env.ok(&["template", "list"]),
        "\
KIND         FOR             LINES  FIRST LINE
one_on_one   (your default)      5  ## Wins
one_on_one   Priya Raman         2  ## Pricing exposure
walkthrough  (your default)      2  ## Journey
"
    );
    assert_eq!(env.json(&["template", "list"]).as_array().unwrap().len(), 3);

    // Reset: the next one down applies again.
    assert_eq!(
        env.ok(&["template", "reset", "--person", "priya"]),
        "Removed Priya Raman's own 1:1 notes template; your default applies again.\n"
    );
    assert_eq!(
        env.ok(&["template", "reset", "--person", "priya"]),
        "Priya Raman has no 1:1 notes template of their own to remove; your default applies.\n"
    );
    let reset = env.json(&["template", "reset"]);
    assert_eq!(reset["removed"]["body"], "## Wins\n- \n\n## Blockers\n- \n");
    assert_eq!(reset["in_force"]["source"], "coachlog");
    assert_eq!(
        env.ok(&["template", "reset"]),
        "You have no default 1:1 notes template to remove; Coachlog's default applies.\n"
    );
    assert_eq!(
        env.ok(&["template", "reset", "--walkthrough"]),
        "Removed your walkthrough findings template; Coachlog's default applies again.\n"
    );

    // An empty template pre-fills nothing.
    assert_eq!(
        env.ok(&["template", "set", "--text", ""]),
        "Set your default 1:1 notes template (empty: it pre-fills nothing).\n"
    );
    assert_eq!(
        env.ok(&["template", "show"]),
        "The 1:1 notes template is yours.\n\n(empty: a new one starts blank)\n"
    );
}

#[test]
fn refused_template_commands_change_nothing() {
    let env = team();
    env.ok(&["template", "set", "--text", "## Mine"]);
    let long = "x".repeat(20_001);
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["template", "set"],
            2,
            "required arguments were not provided",
        ),
        (
            vec!["template", "set", "--text", "a", "--file", "b.md"],
            2,
            "cannot be used with",
        ),
        (
            vec![
                "template",
                "set",
                "--walkthrough",
                "--person",
                "priya",
                "--text",
                "a",
            ],
            2,
            "cannot be used with",
        ),
        (
            vec!["template", "set", "--person", "Nobody", "--text", "a"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (
            vec!["template", "set", "--text", &long],
            2,
            "the most is 20000",
        ),
        (vec!["template", "set", "x"], 2, "invalid value 'x'"),
        (
            vec!["template", "show", "--person", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
        (
            vec!["template", "reset", "--person", "Nobody"],
            3,
            "No one on the team is called 'Nobody'",
        ),
    ];
    for (args, code, message) in cases {
        env.refused(&args, code, message);
    }
    env.refused_input(
        &["template", "set", "-"],
        Some("\u{0}\u{0}\u{ff}"),
        2,
        "control character",
    );
    assert!(env.ok(&["template", "show"]).ends_with("\n\n## Mine\n"));
}

const OKRS: &str = "\
Make Plan the fastest way to run a roadmap
  - Cut the roadmap page's p95 load time to 2 s [0.7]
  - Ship roadmap sharing to 3 enterprise customers [1.0]

Grow adoption of epics
  - Raise weekly active epics by 20%
";

#[test]
fn okr_updates_carry_objectives_and_key_results() {
    let env = team();
    std::fs::write(env.file("okrs.txt"), OKRS).unwrap();
    let file = env.file("okrs.txt");
    let file = file.to_str().unwrap();
    assert_eq!(
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
            "--objectives",
            file
        ]),
        "Added update #1: Priya Raman's OKRs for FY27-Q4 (done, 2 objectives, 3 key results).\n"
    );
    env.ok(&[
        "update",
        "add",
        "priya",
        "--kind",
        "next_release",
        "--period",
        "2026-12",
    ]);
    let okr = env.json(&["update", "show", "1"]);
    assert_eq!(
        okr["objectives"],
        json!([
            {"text": "Make Plan the fastest way to run a roadmap", "key_results": [
                {"text": "Cut the roadmap page's p95 load time to 2 s", "score": 0.7},
                {"text": "Ship roadmap sharing to 3 enterprise customers", "score": 1.0},
            ]},
            {"text": "Grow adoption of epics", "key_results": [
                {"text": "Raise weekly active epics by 20%", "score": null},
            ]},
        ])
    );
    let list = env.json(&["update", "list"]);
    assert_eq!(list[1]["kind"], "next_release", "{list}");
    assert_eq!(list[1]["objectives"], json!([]), "{list}");

    assert_eq!(
        env.ok(&["update", "list"]),
        "\
ID  PERSON       KIND          PERIOD   STATUS       DONE        LINK  OBJECTIVES
 1  Priya Raman  okrs          FY27-Q4  done         2026-11-20        2 (3 KRs)
 2  Priya Raman  next_release  2026-12  not_started
"
    );
    // Without objectives, no column.
    assert!(!env
        .ok(&["update", "list", "--kind", "next_release"])
        .contains("OBJECTIVES"));

    // The outline reads back as written (but the blank line).
    let outline = env.ok(&["update", "show", "1", "--outline"]);
    assert_eq!(outline, OKRS.replace("\n\n", "\n"));
    let show = env.ok(&["update", "show", "1"]);
    assert!(
        show.starts_with("Update #1: Priya Raman's OKRs for FY27-Q4\n  Status: Done\n  Done:   2026-11-20\n  Link:   —\n\nObjectives and key results:\n\n"),
        "{show}"
    );
    assert!(show.ends_with(&outline), "{show}");

    // Scored at the end of the quarter, from standard input.
    let scored = outline.replace("by 20%", "by 20% [0.4]");
    assert_eq!(
        env.ok_input(&["update", "edit", "1", "--objectives", "-"], Some(&scored)),
        "Changed update #1: Priya Raman's OKRs for FY27-Q4, 2 objectives, 3 key results.\n"
    );
    assert_eq!(env.ok(&["update", "show", "1", "--outline"]), scored);
    // Other edits keep them.
    env.ok(&[
        "update",
        "edit",
        "1",
        "--link",
        "https://gitlab.com/gitlab-com/gitlab-OKRs/-/work_items/7",
    ]);
    assert_eq!(env.ok(&["update", "show", "1", "--outline"]), scored);
    assert_eq!(
        env.ok(&["update", "edit", "1", "--no-objectives"]),
        "Changed update #1: Priya Raman's OKRs for FY27-Q4.\n"
    );
    assert_eq!(env.json(&["update", "show", "1"])["objectives"], json!([]));
    assert_eq!(env.ok(&["update", "show", "1", "--outline"]), "");
    assert!(env.ok(&["update", "show", "1"]).ends_with(
        "\nNo objectives recorded; `coachlog update edit 1 --objectives FILE` adds them.\n"
    ));
}

#[test]
fn refused_objectives_change_nothing() {
    let env = team();
    std::fs::write(env.file("okrs.txt"), OKRS).unwrap();
    std::fs::write(env.file("bad.txt"), "Objective\n  Not a bullet\n").unwrap();
    let okrs = env.file("okrs.txt");
    let okrs = okrs.to_str().unwrap();
    let bad = env.file("bad.txt");
    let bad = bad.to_str().unwrap();
    env.ok(&[
        "update",
        "add",
        "priya",
        "--kind",
        "okrs",
        "--period",
        "FY27-Q4",
        "--objectives",
        okrs,
    ]);
    env.ok(&[
        "update",
        "add",
        "priya",
        "--kind",
        "next_release",
        "--period",
        "2026-12",
    ]);
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec![
                "update",
                "add",
                "priya",
                "--kind",
                "okrs",
                "--period",
                "FY27-Q3",
                "--objectives",
                bad,
            ],
            2,
            "Objectives, line 2: an indented line is a key result and starts with '- '",
        ),
        (
            vec![
                "update",
                "add",
                "priya",
                "--kind",
                "next_release",
                "--period",
                "2026-11",
                "--objectives",
                okrs,
            ],
            2,
            "Only an OKR update holds objectives; this is a Next release update.",
        ),
        (
            vec!["update", "edit", "2", "--objectives", okrs],
            2,
            "Only an OKR update holds objectives",
        ),
        // Another kind, with the objectives still there.
        (
            vec![
                "update",
                "edit",
                "1",
                "--kind",
                "three_month_vision",
                "--period",
                "2026-12",
            ],
            2,
            "Only an OKR update holds objectives",
        ),
        (
            vec!["update", "edit", "1", "--objectives", bad],
            2,
            "Objectives, line 2",
        ),
        (
            vec![
                "update",
                "edit",
                "1",
                "--objectives",
                okrs,
                "--no-objectives",
            ],
            2,
            "cannot be used with",
        ),
        (
            vec!["update", "edit", "1", "--objectives", "missing.txt"],
            6,
            "cannot read missing.txt",
        ),
        (
            vec!["update", "show", "9"],
            3,
            "There is no update with id 9",
        ),
    ];
    for (args, code, message) in cases {
        env.refused(&args, code, message);
    }
    for (outline, message) in [
        (
            "  - Orphan [0.5]\n",
            "Objectives, line 1: this key result comes before any objective",
        ),
        (
            "O\n  - X [1.5]\n",
            "Objectives, line 2: A key result's score is from 0.0 to 1.0; 1.5 is not.",
        ),
        ("O\n  - X [70%]\n", "write [0.7] rather than [70%]"),
        (
            "O [0.5]\n",
            "Objectives, line 1: an objective has no score of its own",
        ),
    ] {
        env.refused_input(
            &["update", "edit", "1", "--objectives", "-"],
            Some(outline),
            2,
            message,
        );
    }
    assert_eq!(
        env.ok(&["update", "show", "1", "--outline"]),
        OKRS.replace("\n\n", "\n")
    );
}

#[test]
fn milestones_are_added_listed_edited_and_deleted() {
    let env = team();
    assert_eq!(
        env.ok(&["milestone", "list"]),
        "No milestones yet; `coachlog milestone add TITLE --date D` adds one.\n"
    );
    assert_eq!(
        env.ok(&[
            "milestone",
            "add",
            "Portfolio GA",
            "--date",
            "2026-12-10",
            "--stage",
            "Plan"
        ]),
        "Added milestone #1 'Portfolio GA' on 2026-12-10.\n"
    );
    // 19.8 ships in January 2027 (18.0 = May 2025), on its third Thursday.
    let tied = env.json(&[
        "milestone",
        "add",
        "Breaking changes",
        "--release",
        "19.8",
        "--link",
        "https://gitlab.example.com/epics/3",
        "--notes",
        "Private: comms plan",
    ]);
    assert_eq!(tied["date"], "2027-01-21");
    assert_eq!(tied["release"], "19.8");
    let list = env.ok(&["milestone", "list"]);
    assert!(list.starts_with("ID  DATE        RELEASE  TITLE"), "{list}");
    assert!(
        list.contains("2027-01-21  19.8     Breaking changes"),
        "{list}"
    );
    // Edits: onto a day (no longer tied), then onto a release again.
    assert_eq!(
        env.ok(&["milestone", "edit", "2", "--date", "2027-01-05"]),
        "Updated milestone #2 'Breaking changes' on 2027-01-05.\n"
    );
    assert_eq!(
        env.ok(&["milestone", "edit", "2", "--release", "19.7", "--no-link"]),
        "Updated milestone #2 'Breaking changes' on 2026-12-17 (release 19.7).\n"
    );
    let edited = env.json(&["milestone", "list"]);
    assert_eq!(edited[1]["link"], Value::Null);
    assert_eq!(edited[1]["notes"], "Private: comms plan", "kept");
    // Refusals name what to do and change nothing.
    env.refused(&["milestone", "edit", "2"], 2, "Nothing to change");
    env.refused(
        &["milestone", "edit", "9", "--title", "x"],
        3,
        "no milestone with id 9",
    );
    env.refused(
        &[
            "milestone",
            "add",
            "GA",
            "--date",
            "2026-12-10",
            "--link",
            "ftp://x",
        ],
        2,
        "not a web link",
    );
    env.refused(
        &["milestone", "add", "GA", "--release", "19.12"],
        2,
        "X.0 to X.11",
    );
    env.refused(
        &[
            "milestone",
            "add",
            "GA",
            "--date",
            "2026-12-10",
            "--release",
            "19.7",
        ],
        2,
        "cannot be used with",
    );
    // Delete goes to the Trash.
    let deleted = env.ok(&["milestone", "delete", "1"]);
    assert!(
        deleted.contains("Milestone \"Portfolio GA\" on 2026-12-10"),
        "{deleted}"
    );
    assert_eq!(
        env.json(&["milestone", "list"]).as_array().unwrap().len(),
        1
    );
}

#[test]
fn a_milestone_appears_in_the_calendar_feed_and_on_today() {
    let env = team();
    env.ok(&[
        "milestone",
        "add",
        "Portfolio GA",
        "--date",
        "2026-12-10",
        "--notes",
        "secret",
    ]);
    // Today's data (`coachlog overview`, the app's Today) shows it.
    let today = env.json(&["overview"]);
    assert_eq!(today["milestones"][0]["title"], "Portfolio GA");
    let text = env.ok(&["overview"]);
    assert!(
        text.contains("Milestones in the next 90 days (1)"),
        "{text}"
    );
    assert!(text.contains("2026-12-10           Portfolio GA"), "{text}");
    // The person page of a PM whose stage it names.
    env.ok(&["milestone", "edit", "1", "--stage", "plan"]);
    assert_eq!(
        env.json(&["person", "show", "priya"])["milestones"][0]["title"],
        "Portfolio GA"
    );
    assert_eq!(
        env.json(&["person", "show", "mei"])["milestones"],
        json!([])
    );
    // The feed, printed and written.
    let feed = env.ok(&["calendar"]);
    assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"), "{feed}");
    assert!(feed.contains(
        "UID:milestone-1@coachlog\r\nDTSTAMP:20261127T000000Z\r\nDTSTART;VALUE=DATE:20261210\r\n\
         DTEND;VALUE=DATE:20261211\r\nSUMMARY:Milestone: Portfolio GA\r\n"
    ));
    assert!(feed.contains("UID:oneonone-1@coachlog\r\n"));
    assert!(feed.contains("UID:release-2026-12@coachlog\r\n"));
    assert!(!feed.contains("secret"));
    let path = env.file("coachlog.ics");
    let p = path.to_str().unwrap();
    let wrote = env.ok(&["calendar", "-o", p, "--months", "1"]);
    assert!(wrote.starts_with("Wrote "), "{wrote}");
    assert!(wrote.contains("for the next 1 month to"), "{wrote}");
    let one_month = std::fs::read_to_string(&path).unwrap();
    assert!(one_month.contains("Milestone: Portfolio GA"));
    assert!(!one_month.contains("release-2027-01"));
    env.refused(&["calendar", "-o", p], 4, "--force");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), one_month);
    env.ok(&["calendar", "-o", p, "--force"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        feed,
        "the same bytes as printed"
    );
    env.refused(&["calendar", "--months", "25"], 2, "25");
}
