//! Every screen's core call on a database of over a million records, next to
//! the same SQL run by the `sqlite3` command-line shell on the same file
//! (issue 6, item 11: the core within 1.5× of it).
//!
//! For each screen, the core functions that `src-tauri/src/commands.rs`
//! calls for it run once with SQLite's statement trace on, which records
//! every statement they execute with its bound values written in
//! (`sqlite3_expanded_sql`). Then:
//!
//! - **core**: the same calls, trace off, warm, on a connection of its own
//!   (`foreign_keys` on, like the app's).
//! - **sqlite3**: those statements, in the same order, written `reps` times
//!   into one script with `.output /dev/null`, run by one `sqlite3 -batch`
//!   process; from its wall time the time of the same process running a
//!   one-line script (start, open, read the schema) is subtracted, and the
//!   rest divided by `reps`. The shell prepares and formats every row as
//!   text; the core maps every row to its records (and runs the rules).
//!
//! Five rounds, core runs and a shell process taking turns so that a busy
//! moment of the machine falls on both; the table gives the medians and
//! their ratio, and the ratio of the best runs (less sensitive to a loaded
//! machine). The target is a ratio of at most 1.5.
//!
//! `cargo bench -p coachlog-core --bench screens [-- --people N --years Y --only NAME]`
//! (defaults 800 people × 10 years, seed 7: about 1.1 million records). The
//! database is generated once into target/bench/ and reused. Needs the
//! `sqlite3` shell (`sudo apt-get install sqlite3`).

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use coachlog_core::calendar::{self, Month};
use coachlog_core::dashboard;
use coachlog_core::model::PersonId;
use coachlog_core::nudges::{self, Records};
use coachlog_core::overview;
use coachlog_core::settings;
use coachlog_core::store::{
    agenda, customers, drafts, hiring, one_on_ones, people, search, updates, walkthroughs, wins,
};
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::Db;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::Connection;
use support::{arg, bench_dir, demo_database, median, ms};

/// The target of issue 6, item 11.
const TARGET: f64 = 1.5;

/// One screen: its name, what the UI calls, and the core calls.
struct Screen {
    name: &'static str,
    calls: &'static str,
    run: Box<dyn Fn(&Connection) -> usize>,
}

fn screens(today: NaiveDate, person: PersonId, word: &'static str) -> Vec<Screen> {
    let month = Month::new(2026, 10).unwrap();
    vec![
        Screen {
            name: "Today",
            calls: "overview, overdue(due soon), releases(3)",
            run: Box::new(move |c| {
                let o = overview::build(c, today).unwrap();
                let n = nudges::overdue(c, today, true).unwrap();
                let s = settings::load(c).unwrap();
                let r = dashboard::upcoming_releases(&s, today, 3);
                o.people.len() + n.len() + r.len()
            }),
        },
        Screen {
            name: "Team coverage",
            calls: "coverage",
            run: Box::new(move |c| {
                let records = Records::load(c, today).unwrap();
                let s = settings::load(c).unwrap();
                let review = nudges::review(&records, &s, today);
                let cov = dashboard::coverage_of(&records, &review, today);
                cov.rows.len()
            }),
        },
        Screen {
            name: "Person page",
            calls: "person_get, agenda_list, one_on_ones_list, updates_list, customer_links_list, \
                    check_ins_list, wins_list, interviews_list, requisitions_list",
            run: Box::new(move |c| {
                let p = Some(person);
                people::get(c, person).unwrap();
                agenda::list(
                    c,
                    agenda::Filter {
                        person: p,
                        open: None,
                        tag: None,
                    },
                )
                .unwrap()
                .len()
                    + one_on_ones::list(
                        c,
                        one_on_ones::Filter {
                            person: p,
                            from: None,
                            to: None,
                        },
                    )
                    .unwrap()
                    .len()
                    + updates::list(
                        c,
                        updates::Filter {
                            person: Some(p),
                            kind: None,
                            period: None,
                        },
                    )
                    .unwrap()
                    .len()
                    + customers::list_links(
                        c,
                        customers::LinkFilter {
                            person: p,
                            include_archived: true,
                        },
                    )
                    .unwrap()
                    .len()
                    + customers::list_check_ins(c, None, p).unwrap().len()
                    + wins::list(
                        c,
                        wins::Filter {
                            person: p,
                            unshared_only: false,
                        },
                    )
                    .unwrap()
                    .len()
                    + hiring::list_interviews(c, None).unwrap().len()
                    + hiring::list_requisitions(c, true).unwrap().len()
            }),
        },
        Screen {
            name: "Log a 1:1",
            calls: "agenda_list(open), one_on_ones_list, draft_get",
            run: Box::new(move |c| {
                let p = Some(person);
                agenda::list(
                    c,
                    agenda::Filter {
                        person: p,
                        open: Some(true),
                        tag: None,
                    },
                )
                .unwrap()
                .len()
                    + one_on_ones::list(
                        c,
                        one_on_ones::Filter {
                            person: p,
                            from: None,
                            to: None,
                        },
                    )
                    .unwrap()
                    .len()
                    + drafts::get(c, person).unwrap().map_or(0, |_| 1)
            }),
        },
        Screen {
            name: "Accountability",
            calls: "updates_list (all)",
            run: Box::new(|c| updates::list(c, updates::Filter::default()).unwrap().len()),
        },
        Screen {
            name: "Internal customers",
            calls: "customer_links_list, check_ins_list (all)",
            run: Box::new(|c| {
                customers::list_links(
                    c,
                    customers::LinkFilter {
                        person: None,
                        include_archived: false,
                    },
                )
                .unwrap()
                .len()
                    + customers::list_check_ins(c, None, None).unwrap().len()
            }),
        },
        Screen {
            name: "Hiring",
            calls: "requisitions_list(open), interviews_list (all), loop_list per requisition",
            run: Box::new(|c| {
                let reqs = hiring::list_requisitions(c, false).unwrap();
                let iv = hiring::list_interviews(c, None).unwrap();
                let loops: usize = reqs
                    .iter()
                    .map(|r| hiring::list_loop(c, r.id).unwrap().len())
                    .sum();
                reqs.len() + iv.len() + loops
            }),
        },
        Screen {
            name: "Walkthroughs",
            calls: "walkthroughs_list (all)",
            run: Box::new(|c| walkthroughs::list(c, None, None).unwrap().len()),
        },
        Screen {
            name: "Wins",
            calls: "wins_list (all)",
            run: Box::new(|c| wins::list(c, wins::Filter::default()).unwrap().len()),
        },
        Screen {
            name: "Search",
            calls: "search (50 best)",
            run: Box::new(move |c| search::search(c, word, 50).unwrap().len()),
        },
        Screen {
            name: "Settings",
            calls: "settings_list",
            run: Box::new(|c| settings::list(c).unwrap().len()),
        },
        Screen {
            name: "Export: summary of a month",
            calls: "summary_preview(2026-10, markdown)",
            run: Box::new(move |c| {
                let options = SummaryOptions {
                    include_notes: false,
                    generated_on: None,
                };
                summary::export(c, month, &options, Format::Markdown)
                    .unwrap()
                    .len()
            }),
        },
        Screen {
            name: "Export: its months",
            calls: "one_on_one_months",
            run: Box::new(|c| one_on_ones::months(c).unwrap().len()),
        },
    ]
}

/// Runs a script through `sqlite3 -batch FILE` and returns the wall time.
fn sqlite3(db: &Path, script: &str) -> Duration {
    use std::io::Write;
    let start = Instant::now();
    let mut child = Command::new("sqlite3")
        .arg("-batch")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start sqlite3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let elapsed = start.elapsed();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

fn main() {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        eprintln!(
            "error: this benchmark compares the core with the `sqlite3` shell, which is not \
             installed.\nInstall it with `sudo apt-get install sqlite3` (or \
             `scripts/setup.sh --test`) and run it again."
        );
        std::process::exit(2);
    }
    let people = arg("--people", 800);
    let years = arg("--years", 10);
    let today = calendar::parse_date("2026-11-27").unwrap();
    let dir = bench_dir();
    let path = dir.join(format!("screens-{people}p-{years}y.sqlite"));
    demo_database(&path, today, people, years * 12);
    // Open once the way the app does (checks, migrations to this version).
    {
        let db = Db::open(&path, today).unwrap();
        if let Some(b) = db.migration_backup() {
            // Our own cache, regenerated at will: no need for the copy.
            let _ = std::fs::remove_file(b);
        }
    }

    let mut conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let version: String = conn
        .query_row("SELECT sqlite_version()", [], |r| r.get(0))
        .unwrap();
    let shell = Command::new("sqlite3").arg("-version").output().unwrap();
    let shell = String::from_utf8_lossy(&shell.stdout);
    let shell = shell.split(' ').next().unwrap_or("?").to_string();

    let counts = coachlog_core::store::counts(&conn).unwrap();
    let total = counts.total();
    let parts: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{n} {}", k.many()))
        .collect();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database: {} ({:.0} MB)", path.display(), size as f64 / 1e6);
    println!("records: {total} in all: {}", parts.join(", "));
    println!("core: SQLite {version} (bundled SQLCipher); shell: sqlite3 {shell}");

    // The person of the Person and Log screens: the one with the most 1:1s.
    let person: PersonId = conn
        .query_row(
            "SELECT p.id FROM person p WHERE p.archived_on IS NULL
             ORDER BY (SELECT count(*) FROM one_on_one o WHERE o.person_id = p.id) DESC, p.id
             LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let word = "roadmap";

    let captured: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&captured);
    let trace = move |e: TraceEvent<'_>| {
        if let TraceEvent::Stmt(stmt, text) = e {
            // Trigger programs and FTS5's own statements run inside the
            // statement that caused them; the shell runs them the same way.
            let sql = stmt.sql();
            if text.starts_with("--") || sql.contains("'main'.'search_index_") {
                return;
            }
            if let Some(s) = stmt.expanded_sql() {
                sink.lock().unwrap().push(s);
            }
        }
    };

    // `-- --only NAME`: only the screens whose name contains NAME.
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.to_lowercase());
    let mut rows = Vec::new();
    for screen in screens(today, person, word) {
        if only
            .as_ref()
            .is_some_and(|o| !screen.name.to_lowercase().contains(o))
        {
            continue;
        }
        // The SQL the screen runs, values written in.
        captured.lock().unwrap().clear();
        conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(trace.clone()))
            .unwrap();
        let n = (screen.run)(&conn);
        conn.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
            .unwrap();
        let statements = std::mem::take(&mut *captured.lock().unwrap());

        // The core, warm: `runs` runs per round.
        (screen.run)(&conn);
        let first = Instant::now();
        (screen.run)(&conn);
        let once = ms(first.elapsed());
        let runs = ((400.0 / once.max(0.01)) as usize).clamp(1, 20);
        // The shell: the same statements, `reps` times in one process,
        // minus a process that only starts, opens and reads the schema.
        let reps = ((1000.0 / once.max(0.001)) as usize).clamp(3, 5000);
        let mut script = String::from(".output /dev/null\nSELECT count(*) FROM sqlite_schema;\n");
        let base = script.clone();
        for _ in 0..reps {
            for s in &statements {
                script.push_str(s);
                script.push_str(";\n");
            }
        }
        // Five rounds, core and shell taking turns, so that a busy moment of
        // the machine falls on both.
        let mut core_times = Vec::new();
        let mut shell_times = Vec::new();
        for _ in 0..5 {
            for _ in 0..runs {
                let t = Instant::now();
                std::hint::black_box((screen.run)(&conn));
                core_times.push(ms(t.elapsed()));
            }
            let full = sqlite3(&path, &script);
            let empty = sqlite3(&path, &base);
            shell_times.push(ms(full.saturating_sub(empty)) / reps as f64);
        }
        let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let (core_best, shell_best) = (best(&core_times), best(&shell_times));
        let core = median(core_times);
        let shell = median(shell_times);
        let ratio = core / shell;
        let ratio_best = core_best / shell_best;
        println!(
            "{:<36} core {:>9.2} ms   sqlite3 {:>9.2} ms   ratio {:>5.2}   best {:>5.2}   ({} \
             statements, {n} rows/items, {} runs, {reps} reps){}",
            screen.name,
            core,
            shell,
            ratio,
            ratio_best,
            statements.len(),
            runs * 5,
            if ratio > TARGET { "   OVER TARGET" } else { "" }
        );
        rows.push((screen, core, shell, ratio, ratio_best, statements.len()));
    }

    println!();
    println!(
        "| screen | core calls | statements | core | sqlite3 | ratio | ratio of the best runs |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (screen, core, shell, ratio, ratio_best, statements) in &rows {
        println!(
            "| {} | {} | {statements} | {core:.2} ms | {shell:.2} ms | **{ratio:.2}×** | \
             {ratio_best:.2}× |",
            screen.name, screen.calls
        );
    }
    // Where the time of the review screens goes: SQL and row mapping
    // (Records::load) against the rules and the views, in memory.
    println!("\nthe parts of the review screens (median of 15 runs):");
    let records = Records::load(&conn, today).unwrap();
    let s = settings::load(&conn).unwrap();
    let review = nudges::review(&records, &s, today);
    let part = |label: &str, f: &dyn Fn() -> usize| {
        let t = median(
            (0..15)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(f());
                    ms(t.elapsed())
                })
                .collect(),
        );
        println!("  {label:<44} {t:>8.2} ms");
    };
    part("Records::load (the review's SQL)", &|| {
        Records::load(&conn, today).unwrap().items.len()
    });
    part("nudges::review (the eleven rules)", &|| {
        nudges::review(&records, &s, today).len()
    });
    part("dashboard::coverage (the grid)", &|| {
        dashboard::coverage_of(&records, &review, today).rows.len()
    });
    part("overview::build", &|| {
        overview::build(&conn, today).unwrap().people.len()
    });
    part("summary::build (October 2026)", &|| {
        let options = SummaryOptions {
            include_notes: false,
            generated_on: None,
        };
        summary::build(&conn, Month::new(2026, 10).unwrap(), &options)
            .unwrap()
            .people
            .len()
    });

    let over: Vec<&str> = rows
        .iter()
        .filter(|r| r.3 > TARGET)
        .map(|r| r.0.name)
        .collect();
    if !over.is_empty() {
        println!("\nover {TARGET}×: {}", over.join(", "));
    }
}
