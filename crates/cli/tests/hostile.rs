//! Hostile and huge input through the `coachlog` binary: every case must end
//! with a clear `error: …` message and the documented exit code (or a
//! result), never a crash, a SQL error or a half-written file, and a refused
//! command must leave the database as it was.
//!
//! Also: the monthly summary's HTML of a month full of XSS payloads (the
//! generated corpus in `tests/e2e/payloads/`) is inert, and the committed
//! corpus file is current.
//!
//! Timings are printed (`-- --nocapture`), never asserted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use serde_json::Value;

mod common;
use common::{on, Env};

#[allow(dead_code)]
#[path = "../../../tests/e2e/payloads/corpus.rs"]
mod corpus;

/// What one run printed and returned; unlike `common::Run`, also a crash,
/// and output that is not UTF-8.
#[derive(Debug)]
struct Run {
    /// `None` when the process was killed by a signal (a crash).
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn of(out: Output) -> Run {
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

fn coachlog() -> Command {
    let mut c = common::binary();
    c.env_remove("COACHLOG_PASSPHRASE");
    c
}

fn output(mut c: Command) -> Run {
    Run::of(
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("the coachlog binary runs"),
    )
}

impl Env {
    fn on(&self, db: &Path, args: &[&str]) -> Run {
        output(on(coachlog(), db, args))
    }

    fn run(&self, args: &[&str]) -> Run {
        self.on(&self.db(), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, Some(0), "coachlog {args:?} failed: {}", r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
    }

    /// The database file and its side files, byte for byte.
    fn snapshot(&self) -> Vec<(String, Option<Vec<u8>>)> {
        ["", "-wal", "-shm", "-journal"]
            .iter()
            .map(|suffix| {
                let mut p = self.db().into_os_string();
                p.push(suffix);
                (suffix.to_string(), std::fs::read(PathBuf::from(p)).ok())
            })
            .filter(|(s, _)| s != "-shm")
            .collect()
    }

    /// Files in the folder, to check that nothing (a temporary file, a new
    /// database) was left behind.
    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with("-shm") && !n.ends_with("-wal"))
            .collect();
        names.sort();
        names
    }
}

/// Asserts a refusal: exit `code`, `error: ` and `message` on stderr, nothing
/// on stdout, and no sign of a crash or a raw SQLite message.
fn assert_refused(r: &Run, what: &str, code: i32, message: &str) {
    assert_eq!(r.code, Some(code), "{what}: {r:?}");
    assert!(
        r.stderr.starts_with("error: ") && r.stderr.contains(message),
        "{what}: expected {message:?} in {:?}",
        r.stderr
    );
    assert_clean(r, what);
}

/// No panic, no SQL or FTS error text, no internal error.
fn assert_clean(r: &Run, what: &str) {
    for bad in [
        "panicked",
        "internal error",
        "SqliteFailure",
        "SQL logic",
        "fts5",
        "syntax error",
        "no such column",
        "no such table",
        "unrecognized token",
        "stack overflow",
        "RUST_BACKTRACE",
    ] {
        assert!(
            !r.stderr.contains(bad),
            "{what}: stderr mentions {bad:?}: {}",
            r.stderr
        );
    }
    assert_ne!(r.code, Some(70), "{what}: internal error: {}", r.stderr);
    assert_ne!(r.code, None, "{what}: killed by a signal: {}", r.stderr);
}

/// A database with one person, Ada Anchor (id 1).
fn with_ada() -> Env {
    let env = Env::new();
    env.ok(&[
        "person",
        "add",
        "Ada Anchor",
        "--since",
        "2026-01-05",
        "--group",
        "Plan",
    ]);
    env
}

// ---- The corpus -------------------------------------------------------------------

#[test]
fn the_corpus_has_over_500_distinct_payloads_and_its_file_is_current() {
    let payloads = corpus::corpus();
    assert!(payloads.len() >= 500, "{} payloads", payloads.len());
    let distinct: std::collections::HashSet<&str> =
        payloads.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(distinct.len(), payloads.len(), "payloads repeat");
    // No NUL, and no control character a note would refuse.
    for p in &payloads {
        assert!(
            !p.text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "payload {} has a control character a note refuses",
            p.id
        );
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/payloads/xss.jsonl");
    let text = corpus::to_jsonl(&payloads);
    if std::env::var_os("COACHLOG_WRITE_PAYLOADS").is_some_and(|v| v == "1") {
        std::fs::write(&file, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "{} is not the generated corpus. Regenerate it with \
         `COACHLOG_WRITE_PAYLOADS=1 cargo test -p coachlog-cli --test hostile corpus`.",
        file.display()
    );
    println!(
        "corpus: {} payloads ({} one-line), {} vectors × {} contexts × 2 effects",
        payloads.len(),
        payloads.iter().filter(|p| p.is_one_line()).count(),
        payloads
            .iter()
            .map(|p| p.vector)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        payloads
            .iter()
            .map(|p| p.context)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    );
}

// ---- The HTML summary ---------------------------------------------------------------

/// The tags of an HTML text: `(name, attribute names, raw attribute text)`.
fn tags(html: &str) -> Vec<(String, Vec<String>, String)> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        i = start;
        let Some(&first) = bytes.get(start) else {
            break;
        };
        if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
            continue;
        }
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let inner = &html[start..end];
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        let rest = inner.trim_start_matches('/')[name.len().min(inner.len())..].to_string();
        // Attribute names: what precedes `=` or stands alone, outside quotes.
        let mut attrs = Vec::new();
        let mut in_quote: Option<char> = None;
        let mut word = String::new();
        for c in rest.chars() {
            match in_quote {
                Some(q) if c == q => in_quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => in_quote = Some(c),
                None if c.is_whitespace() || c == '=' || c == '/' => {
                    if !word.is_empty() {
                        attrs.push(std::mem::take(&mut word).to_ascii_lowercase());
                    }
                }
                None => word.push(c),
            }
        }
        if !word.is_empty() {
            attrs.push(word.to_ascii_lowercase());
        }
        out.push((name, attrs, rest));
        i = end;
    }
    out
}

/// Fills `env` with a month (November 2026) of records for `texts`, through
/// the CLI: people's names, 1:1 notes, agenda items, walkthrough titles and
/// findings, wins, internal-customer team names and check-in notes.
fn fill_month(env: &Env, texts: &[String], one_line: &[String]) {
    let mut people = vec!["Ada Anchor".to_string()];
    for (i, name) in one_line.iter().take(30).enumerate() {
        let name = format!("{name} ~{i}");
        env.ok(&["person", "add", "--since", "2026-01-05", "--", &name]);
        people.push(name);
    }
    // 1:1 notes and agenda items: every text, in chunks, one 1:1 a day.
    for (day, chunk) in texts.chunks(60).enumerate() {
        let notes = env.file(&format!("notes-{day}.md"));
        std::fs::write(&notes, chunk.join("\n\n")).unwrap();
        let date = format!("2026-11-{:02}", day + 2);
        let mut args: Vec<String> = vec![
            "one-on-one".into(),
            "log".into(),
            "1".into(),
            "--date".into(),
            date,
            "--notes-file".into(),
            notes.display().to_string(),
        ];
        for t in chunk.iter().take(30) {
            args.push("--todo".into());
            args.push(t.clone());
        }
        for t in chunk.iter().skip(30) {
            args.push("--help-request".into());
            args.push(t.clone());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
    }
    // Walkthroughs: payload titles, payload findings.
    for (i, chunk) in texts.chunks(90).enumerate() {
        let findings = env.file(&format!("findings-{i}.md"));
        std::fs::write(&findings, chunk.join("\n\n")).unwrap();
        let date = format!("2026-11-{:02}", i + 2);
        env.ok(&[
            "walkthrough",
            "add",
            "--date",
            &date,
            "--findings-file",
            &findings.display().to_string(),
            "--",
            &one_line[i % one_line.len()],
        ]);
    }
    // Wins, teams and check-ins.
    for (i, t) in texts.iter().step_by(17).enumerate() {
        let date = format!("2026-11-{:02}", i % 25 + 1);
        let who = (i % people.len() + 1).to_string();
        env.ok(&["win", "add", "--noted", &date, &who, "--", t]);
    }
    for (i, team) in one_line.iter().skip(30).take(10).enumerate() {
        let category = format!("Category {i}");
        env.ok(&[
            "customer",
            "add",
            "1",
            "--since",
            "2026-10-01",
            "--category",
            &category,
            "--team",
            team,
        ]);
        let notes = env.file(&format!("check-in-{i}.md"));
        std::fs::write(&notes, texts[i * 50..(i + 1) * 50].join("\n\n")).unwrap();
        let link = (i + 1).to_string();
        env.ok(&[
            "customer",
            "check-in",
            &link,
            "--date",
            &format!("2026-11-{:02}", i + 3),
            "--notes-file",
            &notes.display().to_string(),
        ]);
    }
}

#[test]
fn the_html_summary_of_a_month_full_of_payloads_is_inert() {
    let payloads = corpus::corpus();
    let texts: Vec<String> = payloads.iter().map(|p| p.text.clone()).collect();
    let one_line: Vec<String> = payloads
        .iter()
        .filter(|p| p.is_one_line() && p.text.chars().count() <= 190)
        .map(|p| p.text.clone())
        .collect();
    assert!(one_line.len() >= 40, "{} one-line payloads", one_line.len());

    // The same shape of month with harmless text, for the summary's own tags.
    let plain = with_ada();
    let plain_texts: Vec<String> = (0..texts.len())
        .map(|i| format!("Plain text {i}\n\n| a | b |\n| --- | --- |\n| c | d |"))
        .collect();
    let plain_names: Vec<String> = (0..one_line.len()).map(|i| format!("Plain {i}")).collect();
    let started = Instant::now();
    fill_month(&plain, &plain_texts, &plain_names);
    let hostile = with_ada();
    fill_month(&hostile, &texts, &one_line);
    println!(
        "summary: filled two months through the CLI in {:.1?}",
        started.elapsed()
    );

    let summary = |env: &Env| {
        env.ok(&[
            "summary",
            "--month",
            "2026-11",
            "--format",
            "html",
            "--include-notes",
        ])
    };
    let baseline = summary(&plain);
    let html = summary(&hostile);
    assert!(
        html.len() > 100_000,
        "the summary is short: {} bytes",
        html.len()
    );

    // The payloads are in it, as text.
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a <script> in the summary");
    assert!(
        lower.contains("&lt;script&gt;"),
        "the payloads are not in the summary"
    );
    let mut found = 0;
    for p in &payloads {
        // A payload with markup must never appear raw.
        if p.text.contains('<') {
            assert!(
                !html.contains(p.text.as_str()),
                "payload {} ({}/{}) appears raw in the HTML",
                p.id,
                p.vector,
                p.context
            );
        }
        if html.contains(&coachlog_escape(&p.text)) {
            found += 1;
        }
    }
    println!(
        "summary: {found} of {} payloads found escaped in {} bytes",
        payloads.len(),
        html.len()
    );
    assert!(
        found >= payloads.len() / 2,
        "only {found} payloads in the summary"
    );

    // Its tags are the summary's own: none comes from a payload.
    let allowed: std::collections::BTreeSet<(String, Vec<String>)> = tags(&baseline)
        .into_iter()
        .map(|(n, a, _)| (n, a))
        .collect();
    for (name, attrs, raw) in tags(&html) {
        assert!(
            allowed.contains(&(name.clone(), attrs.clone())),
            "a tag the summary does not write: <{name}{raw}>"
        );
        assert!(
            !attrs.iter().any(|a| a.starts_with("on")),
            "an event handler: <{name}{raw}>"
        );
        let raw = raw.to_ascii_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(!raw.contains(scheme), "a {scheme} URL in <{name}{raw}>");
        }
    }
}

/// The summary's escaping (`summary::html::esc`), for looking payloads up.
fn coachlog_escape(s: &str) -> String {
    s.trim_end()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

// ---- Huge input ------------------------------------------------------------------------

#[test]
fn a_ten_megabyte_note_is_refused_and_nothing_is_written() {
    let env = with_ada();
    let big = env.file("big.md");
    let text = "coaching notes ".repeat(10 * 1024 * 1024 / 15 + 1);
    std::fs::write(&big, &text).unwrap();
    let n = text.trim_end().chars().count();
    let message = format!("The notes is {n} characters long; the most is 200000.");
    let big_arg = big.display().to_string();

    let before = env.snapshot();
    let started = Instant::now();
    let r = env.run(&["one-on-one", "log", "ada", "--notes-file", &big_arg]);
    println!("10 MB note refused in {:.1?}", started.elapsed());
    assert_refused(&r, "a 10 MB note", 2, &message);
    assert!(
        env.snapshot() == before,
        "the refused note changed the database"
    );

    // The same for walkthrough findings and check-in notes.
    let r = env.run(&["walkthrough", "add", "Big", "--findings-file", &big_arg]);
    assert_refused(
        &r,
        "10 MB findings",
        2,
        "characters long; the most is 200000",
    );
    assert!(env.snapshot() == before);

    // On a new database: refused, and the file it would have created is gone.
    let fresh = env.file("fresh.sqlite");
    let r = env.on(
        &fresh,
        &["walkthrough", "add", "Big", "--findings-file", &big_arg],
    );
    assert_refused(&r, "10 MB findings, new file", 2, "characters long");
    assert!(!fresh.exists(), "a refused write left {}", fresh.display());

    // Standard input too.
    let mut c = on(
        coachlog(),
        &env.db(),
        &["one-on-one", "log", "ada", "--notes-file", "-"],
    );
    c.stdin(Stdio::from(std::fs::File::open(&big).unwrap()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let r = Run::of(c.output().unwrap());
    assert_refused(&r, "a 10 MB note on stdin", 2, &message);
    assert!(env.snapshot() == before);
}

#[test]
fn a_hundred_thousand_agenda_items_import_and_every_listing_still_works() {
    let env = with_ada();
    let mut doc: Value = serde_json::from_str(&env.ok(&["export"])).unwrap();
    let items: Vec<Value> = (1..=100_000)
        .map(|i| {
            serde_json::json!({
                "id": i,
                "person_id": 1,
                "text": format!("Item {i}: follow up on the pricing experiment {}", i % 97),
                "open_tag": if i % 3 == 0 { "help" } else { "todo" },
                "timing": if i % 2 == 0 { Value::from("2026-01-20") } else { Value::Null },
                "raised_by": if i % 3 == 0 { "person" } else { "leader" },
                "opened_on": "2026-01-06",
                "opened_in": null,
                "close_tag": null,
                "closed_on": null,
                "closed_in": null,
            })
        })
        .collect();
    doc["agenda_items"] = Value::Array(items);
    // Practices count from this day on (the database was started today).
    doc["settings"]["tracking_since"] = Value::from("2026-01-05");
    let file = env.file("big-agenda.json");
    std::fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
    let db = env.file("big.sqlite");

    let time = |what: &str, args: &[&str]| {
        let started = Instant::now();
        let r = env.on(&db, args);
        println!("{what}: {:.1?}", started.elapsed());
        assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
        r.stdout
    };
    let out = time(
        "import 100k agenda items",
        &["import", &file.display().to_string()],
    );
    assert!(out.contains("100000 agenda items"), "{out}");
    let list = time(
        "agenda list ada (100k open)",
        &["--json", "agenda", "list", "ada"],
    );
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(100_000));
    let overdue = time("overdue (100k items)", &["--json", "overdue"]);
    let overdue: Value = serde_json::from_str(&overdue).unwrap();
    // 33,333 HELP requests and 33,333 TODOs with a timing, all overdue.
    assert!(
        overdue.as_array().is_some_and(|a| a.len() >= 66_666),
        "the overdue review lost items: {} nudges",
        overdue.as_array().map_or(0, Vec::len)
    );
    let hits = time(
        "search pricing (100k items)",
        &["--json", "search", "pricing", "--limit", "20"],
    );
    let hits: Value = serde_json::from_str(&hits).unwrap();
    assert_eq!(hits.as_array().map(Vec::len), Some(20));
    time("person show ada", &["person", "show", "ada"]);
    time("overview", &["overview"]);
}

// ---- Control characters, NUL, invalid UTF-8 ---------------------------------------------

#[test]
fn control_characters_are_refused_in_names_and_only_line_breaks_and_tabs_pass_in_notes() {
    let env = with_ada();
    let before = env.snapshot();
    // NUL cannot be an argument at all; every other control character can.
    for c in corpus::refused_controls()
        .into_iter()
        .filter(|c| *c != '\0')
    {
        let name = format!("Bad{c}Name");
        let r = env.run(&["person", "add", &name]);
        assert_refused(
            &r,
            &format!("a name with U+{:04X}", c as u32),
            2,
            "The name contains a control character",
        );
    }
    for c in ['\t', '\n', '\r'] {
        let r = env.run(&["person", "add", &format!("Bad{c}Name")]);
        assert_refused(
            &r,
            "a name with a tab or line break",
            2,
            "control character",
        );
    }
    assert!(
        env.snapshot() == before,
        "refused names changed the database"
    );

    // In notes: NUL and the others refused, tabs and line breaks kept.
    let f = env.file("notes.md");
    let path = f.display().to_string();
    let log = ["one-on-one", "log", "ada", "--notes-file", &path];
    for c in corpus::refused_controls() {
        std::fs::write(&f, format!("before{c}after")).unwrap();
        let r = env.run(&log);
        assert_refused(
            &r,
            &format!("notes with U+{:04X}", c as u32),
            2,
            "The notes contains a control character that is not a line break or a tab",
        );
    }
    assert!(
        env.snapshot() == before,
        "refused notes changed the database"
    );
    std::fs::write(&f, "line one\n\tindented\r\nline three").unwrap();
    let logged = env.json(&log);
    assert_eq!(
        logged["one_on_one"]["notes"],
        "line one\n\tindented\r\nline three"
    );
}

#[test]
fn an_import_file_that_is_not_utf8_is_refused_with_exit_2_and_changes_nothing() {
    let env = Env::new();
    let file = env.file("latin1.json");
    // A valid export header, then a name in Latin-1 (0xE9 = é), and a stray 0xFF.
    let mut bytes =
        b"{\"format\":\"coachlog\",\"format_version\":1,\"people\":[{\"name\":\"Ren".to_vec();
    bytes.extend_from_slice(&[0xE9, 0xFF]);
    bytes.extend_from_slice(b"\"}]}");
    std::fs::write(&file, &bytes).unwrap();
    let arg = file.display().to_string();

    // Into a new database: refused, no file left.
    let before = env.listing();
    let r = env.run(&["import", &arg]);
    assert_clean(&r, "a Latin-1 import");
    assert!(
        r.stderr.contains("UTF-8"),
        "the message does not say the file is not UTF-8: {}",
        r.stderr
    );
    assert_eq!(env.listing(), before, "a refused import left files behind");
    assert_eq!(
        r.code,
        Some(2),
        "a file that is not UTF-8 is bad input (exit 2), not an I/O failure: {}",
        r.stderr
    );

    // Into an existing, empty database: refused, not a byte changed.
    env.ok(&["settings", "set", "one_on_one_every_days", "14"]);
    let before = env.snapshot();
    let r = env.run(&["import", &arg]);
    assert_clean(&r, "a Latin-1 import into an empty database");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        env.snapshot() == before,
        "the refused import changed the database"
    );

    // UTF-16 (with its byte-order mark) is not UTF-8 either.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "{\"format\":\"coachlog\"}"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(&file, utf16).unwrap();
    let r = env.run(&["import", &arg]);
    assert_clean(&r, "a UTF-16 import");
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(env.snapshot() == before);
}

#[test]
fn deeply_nested_and_huge_json_imports_are_refused_without_a_crash() {
    let env = Env::new();
    let header = "{\"format\":\"coachlog\",\"format_version\":1,\"people\":";
    let cases: Vec<(&str, String)> = vec![
        ("100k nested arrays", "[".repeat(100_000)),
        ("100k nested objects", "{\"a\":".repeat(100_000)),
        (
            "nesting inside an export",
            format!("{header}{}", "[".repeat(200_000)),
        ),
        (
            "a 20 MB name",
            format!(
                "{header}[{{\"id\":1,\"name\":\"{}\"}}]}}",
                "x".repeat(20 * 1024 * 1024)
            ),
        ),
        (
            "300k empty records",
            format!("{header}[{}]}}", vec!["{}"; 300_000].join(",")),
        ),
        ("a 1e400 number", format!("{header}[{{\"id\":1e400}}]}}")),
        ("not JSON", "\u{FEFF}coachlog export".to_string()),
        ("empty", String::new()),
    ];
    for (what, text) in cases {
        let file = env.file("import.json");
        std::fs::write(&file, &text).unwrap();
        let started = Instant::now();
        let r = env.run(&["import", &file.display().to_string()]);
        println!(
            "import of {what} ({} bytes): refused in {:.1?}",
            text.len(),
            started.elapsed()
        );
        assert_clean(&r, what);
        assert_eq!(r.code, Some(2), "{what}: {}", r.stderr);
        assert!(r.stderr.starts_with("error: "), "{what}: {}", r.stderr);
        assert!(
            r.stderr.len() < 2_000,
            "{what}: the message is {} bytes long",
            r.stderr.len()
        );
        assert!(
            !env.db().exists(),
            "{what}: a refused import created the database"
        );
    }
}

// ---- Paths -------------------------------------------------------------------------------

#[test]
fn odd_export_paths_give_clear_errors_and_leave_no_partial_file() {
    let env = with_ada();
    let before = env.listing();
    let cases: Vec<(&str, PathBuf, i32, &str)> = vec![
        (
            "a missing folder",
            env.file("no/such/folder/out.json"),
            6,
            "cannot write",
        ),
        (
            "a folder",
            env.dir.path().to_path_buf(),
            4,
            "already exists",
        ),
        ("an existing file", env.db(), 4, "already exists"),
    ];
    for (what, path, code, message) in cases {
        let r = env.run(&["export", "-o", &path.display().to_string()]);
        assert_refused(&r, what, code, message);
        assert_eq!(env.listing(), before, "{what}: files changed");
    }
    // Replacing a folder is refused by the OS; the temporary file is removed.
    let folder = env.file("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let before = env.listing();
    let r = env.run(&["export", "--force", "-o", &folder.display().to_string()]);
    assert_refused(&r, "--force onto a folder", 6, "cannot write");
    assert_eq!(env.listing(), before, "a temporary file was left behind");
    assert!(folder.is_dir());

    // Relative paths with `..` are the user's own paths: they work as the OS says.
    let sub = env.file("sub");
    std::fs::create_dir(&sub).unwrap();
    let export_from_sub = |out: &str| {
        let mut c = on(coachlog(), &env.db(), &["export", "-o", out]);
        c.current_dir(&sub);
        output(c)
    };
    let r = export_from_sub("../up/../out.json");
    assert_refused(&r, "a path through a missing folder", 6, "cannot write");
    let r = export_from_sub("../sub/../out.json");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(env.file("out.json").is_file());

    // A full disk on standard output: /dev/full, where the system has it.
    if Path::new("/dev/full").exists() {
        let mut c = on(coachlog(), &env.db(), &["export"]);
        c.stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .stderr(Stdio::piped());
        let r = Run::of(c.output().unwrap());
        assert_refused(&r, "export to /dev/full", 6, "cannot write the output");
        // Without --force an existing device is never replaced.
        let r = env.run(&["export", "-o", "/dev/full"]);
        assert_refused(&r, "export -o /dev/full", 4, "already exists");
        assert!(
            std::fs::metadata("/dev/full").is_ok_and(|m| !m.is_file()),
            "/dev/full was replaced"
        );
    }
}

#[test]
fn odd_database_paths_give_clear_errors() {
    let env = Env::new();
    let folder = env.file("folder");
    std::fs::create_dir(&folder).unwrap();
    let cases: Vec<(&str, PathBuf, Vec<&str>, i32, &str)> = vec![
        (
            "a missing folder",
            env.file("no/such/folder/db.sqlite"),
            vec!["person", "add", "Ada"],
            6,
            "the folder does not exist",
        ),
        (
            "a folder",
            folder.clone(),
            vec!["person", "list"],
            6,
            "is a folder",
        ),
        (
            "a folder, writing",
            folder,
            vec!["person", "add", "Ada"],
            6,
            "is a folder",
        ),
        (
            "an empty device",
            PathBuf::from("/dev/null"),
            vec!["person", "list"],
            5,
            "is not a Coachlog database",
        ),
    ];
    for (what, path, args, code, message) in cases {
        if what.contains("device") && !path.exists() {
            continue;
        }
        let r = env.on(&path, &args);
        assert_refused(&r, what, code, message);
    }
    assert!(!env.file("no").exists());
    assert!(
        std::fs::metadata("/dev/null").map_or(true, |m| !m.is_file()),
        "/dev/null became a file"
    );
}

// ---- Search --------------------------------------------------------------------------------

#[test]
fn fts_syntax_in_a_search_gives_results_or_a_clear_error_never_a_sql_error() {
    let env = with_ada();
    env.ok(&[
        "win",
        "add",
        "ada",
        "Shipped the pricing page; NEAR the \"end\" of Q3",
    ]);
    let mut queries: Vec<String> = [
        "\"",
        "\"\"",
        "\"\"\"",
        "a\" OR \"b",
        "pricing OR x",
        "NEAR(pricing page)",
        "NEAR(pricing page, 2)",
        "text:pricing",
        "{text}:pricing",
        "- pricing",
        "-pricing",
        "^pricing",
        "pricing*",
        "*",
        "**",
        "pri*ng",
        "(",
        ")",
        "(pricing",
        "pricing AND",
        "AND",
        "OR",
        "NOT",
        "NOT pricing",
        "pricing NOT page",
        ":",
        "::",
        "+",
        "'",
        "''",
        "'; DROP TABLE person; --",
        "\" ; DELETE FROM win; --",
        "\\",
        "%",
        "_",
        "[",
        "]",
        "{",
        "}",
        "pricing\u{0}page",
        "rowid:1",
        "search_index:pricing",
        "pricing)",
        "\"pricing",
        "pricing\"",
        "\u{E000}pricing\u{E001}",
        "😀",
        "\u{202E}gnicirp",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push("word ".repeat(40));
    queries.push("x".repeat(100_000));
    // And every payload of the corpus, as a search.
    queries.extend(corpus::corpus().into_iter().step_by(7).map(|p| p.text));

    let mut results = 0;
    let mut refused = 0;
    for q in &queries {
        if q.contains('\0') {
            continue; // cannot be an argument
        }
        let r = env.run(&["search", "--", q]);
        assert_clean(&r, &format!("search {q:?}"));
        match r.code {
            Some(0) => results += 1,
            Some(2) => {
                refused += 1;
                assert!(
                    r.stderr.starts_with("error: "),
                    "search {q:?}: {}",
                    r.stderr
                );
            }
            other => panic!("search {q:?}: exit {other:?}: {}", r.stderr),
        }
    }
    println!(
        "search: {} queries, {results} answered, {refused} refused with a message",
        queries.len()
    );
    // The database is intact afterwards.
    let wins = env.json(&["win", "list"]);
    assert_eq!(wins.as_array().map(Vec::len), Some(1));
    assert!(env.ok(&["search", "pricing"]).contains("pricing"));
}
