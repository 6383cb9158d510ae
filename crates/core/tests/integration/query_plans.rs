//! No shipped query reads a whole table that grows with history.
//!
//! The test runs a broad workload over the demo dataset — every screen's
//! core call as `src-tauri/src/commands.rs` makes it, every write of the
//! store, the overdue review, coverage, a month's summary in every format,
//! search, the interchange export, drafts and nudge state — on one
//! connection with SQLite's statement trace on (`trace_v2`), so every
//! statement the core runs on that connection is captured, whichever code
//! path prepared it. The trace is that connection's own (`trace_v2` keeps
//! its callback per connection) and collects into the workload's own
//! [`Seen`], not into anything global: the other tests of this binary, which
//! run alongside on their own connections, cannot add a statement to it.
//! Then it asks SQLite for each distinct statement's plan
//! (`EXPLAIN QUERY PLAN`) and fails on any `SCAN` of a table that is not in
//! [`BOUNDED`] (tables whose size is bounded by the team, not by history) —
//! including `SCAN … USING (COVERING) INDEX`, which reads a whole index.
//!
//! A scan is allowed only where the workload step says the caller asked for
//! every record ([`Step::reads_all`]), for the few statements that must read
//! a whole table wherever they run ([`MUST_READ_ALL`]), each with the reason
//! next to it, and for SQLite's foreign-key check of an insert into a parent
//! table ([`fk_check_of_insert`]). The plans do not depend on the data's
//! size: Coachlog never runs `ANALYZE`, so SQLite plans from the schema
//! alone, and a small demo database gives the plans a million-record one
//! gets.
//!
//! Not traced: `demo::fill` and `interchange::import`, which run before the
//! trace is installed; their SQL is the store's inserts, traced here through
//! the store, and one `count(*)` per table of a database that must be empty.
//!
//! `cargo test -p coachlog-core --test integration query_plans:: -- --nocapture` prints
//! every statement and its plan.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use coachlog_core::calendar::{Month, Period};
use coachlog_core::dashboard;
use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::interchange;
use coachlog_core::model::*;
use coachlog_core::nudges::{self, Records};
use coachlog_core::overview;
use coachlog_core::settings;
use coachlog_core::store::names;
use coachlog_core::store::{
    self, agenda, customers, drafts, hiring, nudge_state, one_on_ones, people, search, updates,
    walkthroughs, wins,
};
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::{Db, Tx};
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::Connection;

use crate::support::{d, db_on, person_input, NAME_KINDS, TODAY};

/// Tables whose size is bounded by the team, not by the years of history:
/// scanning them is cheap at any age of the database.
const BOUNDED: &[(&str, &str)] = &[
    ("setting", "one row per setting of the catalogue"),
    ("person", "the team: tens of people, archived ones included"),
    ("person_scope", "a few stages and groups per person"),
    ("customer_link", "a few internal customers per PM"),
    ("draft", "at most one draft per person"),
    (
        "requisition",
        "open and closed requisitions: a handful a year",
    ),
    ("loop_member", "a few interviewers per requisition"),
    (
        "milestone",
        "the leader's portfolio milestones: a handful a quarter",
    ),
    (
        "nudge_state",
        "one row per nudge the leader snoozed or dismissed by hand; the review needs them all",
    ),
    ("search_index_config", "FTS5's own settings: a row or two"),
];

/// Statements that must read a whole table wherever they run: a part of the
/// statement, the table, and why. Keep this short.
const MUST_READ_ALL: &[(&str, &str, &str)] = &[
    (
        "SELECT person_id, kind, group_concat(period, ' ') FROM accountability_update",
        "accountability_update",
        "the Updates rule owes every month since each PM started, so the review reads every \
         done (person, kind, period) key, from the covering index accountability_update_state \
         (docs/performance.md)",
    ),
    (
        "SELECT person_id, kind, period, max(id) FROM accountability_update",
        "accountability_update",
        "the same rule's keys not done by the day, from the same covering index",
    ),
    (
        "SELECT min(name) FROM one_on_one_tag GROUP BY name_key ORDER BY count(*) DESC",
        "one_on_one_tag",
        "coaching tags offered most used first: counting uses reads every tag",
    ),
    (
        "SELECT NOT EXISTS (SELECT 1 FROM person)",
        "*",
        "whether the database is empty: each NOT EXISTS stops at the first row",
    ),
];

/// One step of the workload: a label and whether the caller asked for every
/// record of some tables (then scanning those is what it must do).
struct Step {
    label: &'static str,
    /// Tables this step reads whole on purpose, and why.
    reads_all: &'static [&'static str],
    why: &'static str,
}

const fn step(label: &'static str) -> Step {
    Step {
        label,
        reads_all: &[],
        why: "",
    }
}

/// What the trace saw: each statement's SQL and the steps it ran in.
#[derive(Default)]
struct Seen {
    step: Option<&'static str>,
    statements: BTreeMap<String, BTreeSet<&'static str>>,
    triggers: BTreeSet<String>,
}

struct Traced {
    db: Db,
    seen: Arc<Mutex<Seen>>,
    steps: Vec<Step>,
}

impl Traced {
    fn open(path: &std::path::Path, today: NaiveDate) -> Traced {
        let mut db = Db::open(path, today).unwrap();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let sink = Arc::clone(&seen);
        db.trace_v2(
            TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |e: TraceEvent<'_>| {
                if let TraceEvent::Stmt(stmt, text) = e {
                    let mut s = sink.lock().unwrap();
                    if text.starts_with("--") {
                        // A trigger program starting: its statements run
                        // inside the triggering statement's plan.
                        s.triggers.insert(text.to_string());
                        return;
                    }
                    let step = s.step.unwrap_or("(outside any step)");
                    s.statements
                        .entry(stmt.sql().into_owned())
                        .or_default()
                        .insert(step);
                }
            }),
        )
        .unwrap();
        Traced {
            db,
            seen,
            steps: Vec::new(),
        }
    }

    /// Runs `f` as the step `s`.
    fn run<T>(&mut self, s: Step, f: impl FnOnce(&Connection) -> T) -> T {
        self.seen.lock().unwrap().step = Some(s.label);
        self.steps.push(s);
        let out = f(self.db.conn());
        self.seen.lock().unwrap().step = None;
        out
    }

    /// Runs `f` as the step `s`, in one [`Db::write`].
    fn write<T>(&mut self, s: Step, f: impl FnOnce(&Tx<'_>) -> coachlog_core::Result<T>) -> T {
        self.seen.lock().unwrap().step = Some(s.label);
        self.steps.push(s);
        let out = self.db.write(f).unwrap();
        self.seen.lock().unwrap().step = None;
        out
    }
}

/// A whole-table read in a plan: the table and the plan line.
#[derive(Debug, PartialEq, Eq)]
struct Scan {
    table: String,
    detail: String,
}

/// The plan of `sql` as (depth-indented) lines.
fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|e| panic!("cannot explain {sql}: {e}"));
    // Unbound parameters plan as they do at run time: SQLite plans without
    // looking at the values (no STAT4, no `ANALYZE`).
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let rows: Vec<(i64, i64, String)> = stmt
        .query_map(rusqlite::params_from_iter(nulls), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(3)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut depth: BTreeMap<i64, usize> = BTreeMap::new();
    rows.iter()
        .map(|(id, parent, detail)| {
            let level = depth.get(parent).map_or(0, |l| l + 1);
            depth.insert(*id, level);
            format!("{}{detail}", "  ".repeat(level))
        })
        .collect()
}

/// Names that `sql` gives to tables (`FROM one_on_one o`, `JOIN person AS p`),
/// and the names of its common table expressions.
fn names_in(sql: &str) -> (BTreeMap<String, String>, BTreeSet<String>) {
    const NOT_ALIAS: &[&str] = &[
        "where",
        "join",
        "on",
        "left",
        "inner",
        "cross",
        "natural",
        "order",
        "group",
        "limit",
        "union",
        "indexed",
        "not",
        "using",
        "window",
        "having",
        "as",
        "set",
        "values",
        "select",
        "except",
        "intersect",
        "outer",
        "full",
        "right",
    ];
    let words: Vec<String> = sql
        .replace("'main'.", "")
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut aliases = BTreeMap::new();
    let mut ctes = BTreeSet::new();
    for (i, w) in words.iter().enumerate() {
        if matches!(w.as_str(), "from" | "join" | "update" | "into") {
            if let Some(table) = words.get(i + 1) {
                aliases.insert(table.clone(), table.clone());
                let mut j = i + 2;
                if words.get(j).map(String::as_str) == Some("as") {
                    j += 1;
                }
                if let Some(alias) = words.get(j) {
                    if !NOT_ALIAS.contains(&alias.as_str()) {
                        aliases.insert(alias.clone(), table.clone());
                    }
                }
            }
        }
        // `WITH [RECURSIVE] name`: a common table expression.
        if w == "with" || w == "recursive" {
            if let Some(next) = words.get(i + 1).filter(|n| *n != "recursive") {
                ctes.insert(next.clone());
            }
        }
        // `name AS (` or `name AS MATERIALIZED (`: a common table expression.
        if w == "as" && i > 0 {
            if let Some(next) = words.get(i + 1) {
                if next == "materialized" || next == "select" || next == "not" {
                    ctes.insert(words[i - 1].clone());
                }
            }
        }
    }
    // Comma joins: `FROM a x, b y`.
    let lower = sql.to_lowercase();
    for part in lower.split(',').skip(1) {
        let mut it = part.split_whitespace();
        if let (Some(t), Some(a)) = (it.next(), it.next()) {
            let a = a.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
            if !NOT_ALIAS.contains(&a) && t.chars().all(|c| c.is_alphanumeric() || c == '_') {
                aliases
                    .entry(a.to_string())
                    .or_insert_with(|| t.to_string());
            }
        }
    }
    (aliases, ctes)
}

/// The whole-table reads in `sql`'s plan of tables not in [`BOUNDED`].
/// `tables`: the schema's tables. A scanned name that is neither a table, an
/// alias of one, a common table expression nor a subquery is an error, so
/// that a plan the checker does not understand fails rather than passes.
fn whole_table_scans(
    conn: &Connection,
    tables: &BTreeSet<String>,
    sql: &str,
) -> Result<Vec<Scan>, String> {
    let (aliases, ctes) = names_in(sql);
    let mut out = Vec::new();
    for line in plan(conn, sql) {
        let detail = line.trim_start();
        let Some(rest) = detail.strip_prefix("SCAN ") else {
            continue;
        };
        if rest.starts_with('(') || rest == "CONSTANT ROW" {
            continue; // a subquery's result or no table at all
        }
        // `main.search_index_config` (FTS5's own statements): drop the schema.
        let name = rest.split(' ').next().unwrap_or("").to_lowercase();
        let name = name.strip_prefix("main.").unwrap_or(&name).to_string();
        let table = if let Some(t) = aliases.get(&name) {
            t.clone()
        } else if tables.contains(&name) {
            name.clone()
        } else if ctes.contains(&name) {
            continue; // the rows of a CTE, whose own reads are planned above
        } else {
            return Err(format!(
                "cannot tell which table `{name}` is in plan line `{detail}` of: {sql}"
            ));
        };
        if !tables.contains(&table) {
            if ctes.contains(&table) {
                continue;
            }
            return Err(format!(
                "`{name}` names no table (`{table}`?) in plan line `{detail}` of: {sql}"
            ));
        }
        if BOUNDED.iter().any(|(b, _)| *b == table) {
            continue;
        }
        if let Some(vtab) = rest.split(" VIRTUAL TABLE INDEX ").nth(1) {
            // FTS5: `M` is a MATCH, `=`/`<`/`>` a rowid constraint; anything
            // else reads the whole index.
            let idx = vtab.split(':').nth(1).unwrap_or("");
            if idx.contains('M') || idx.contains('=') || idx.contains('<') || idx.contains('>') {
                continue;
            }
        }
        out.push(Scan {
            table,
            detail: detail.to_string(),
        });
    }
    Ok(out)
}

/// `sql` on one line.
fn flat(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a scan of `table` in the plan of the `INSERT` `sql` is SQLite's
/// check for child rows that the new parent row would satisfy: `table` has a
/// foreign key to the inserted table. SQLite runs that check only while
/// foreign-key violations are pending (`OP_FkIfZero` skips it otherwise), and
/// with immediate constraints a statement never leaves any pending.
fn fk_check_of_insert(conn: &Connection, sql: &str, table: &str) -> bool {
    let flat = flat(sql);
    let Some(rest) = flat.strip_prefix("INSERT INTO ") else {
        return false;
    };
    let target = rest.split([' ', '(']).next().unwrap_or("");
    let mut stmt = conn
        .prepare("SELECT count(*) FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?2")
        .unwrap();
    let n: i64 = stmt.query_row([table, target], |r| r.get(0)).unwrap();
    n > 0
}

fn schema_tables(conn: &Connection) -> BTreeSet<String> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|n| n.unwrap().to_lowercase())
        .collect()
}

/// The demo dataset in a file, and the traced workload over it.
fn workload(dir: &std::path::Path) -> Traced {
    let today = d(TODAY);
    let path = dir.join("plans.sqlite");
    {
        let mut db = Db::open(&path, today).unwrap();
        demo::fill(
            &mut db,
            today,
            &DemoOptions {
                people: 12,
                months: 14,
                seed: 7,
            },
        )
        .unwrap();
    }
    let mut t = Traced::open(&path, today);
    let all_people = t.run(step("people_list"), |c| {
        people::list(
            c,
            people::Filter {
                include_archived: true,
            },
        )
        .unwrap()
    });
    let p = all_people
        .iter()
        .find(|p| p.archived_on.is_none())
        .unwrap()
        .clone();
    let pid = p.id;

    // --- Screens, as src-tauri/src/commands.rs calls the core ------------
    // Today
    t.run(step("overview"), |c| overview::build(c, today).unwrap());
    t.run(step("overdue"), |c| {
        nudges::overdue(c, today, true).unwrap()
    });
    t.run(step("overdue a year ago"), |c| {
        nudges::overdue(c, d("2025-11-27"), false).unwrap()
    });
    t.run(step("releases"), |c| {
        let s = settings::load(c).unwrap();
        dashboard::upcoming_releases(&s, today, 3)
    });
    // Team
    t.run(step("coverage"), |c| {
        let records = Records::load(c, today).unwrap();
        let s = settings::load(c).unwrap();
        let review = nudges::review(&records, &s, today);
        dashboard::coverage_of(&records, &review, today)
    });
    t.run(step("people_list active"), |c| {
        people::list(
            c,
            people::Filter {
                include_archived: false,
            },
        )
        .unwrap()
    });
    t.run(step("agenda balance of the team"), |c| {
        let (from, to) = coachlog_core::coaching::balance_window(today);
        coachlog_core::coaching::team_agenda_balance(c, from, to).unwrap()
    });
    // The person page as one call, and the brief before a 1:1 (today and a
    // year ago, for a PM and for a skip-level report when there is one).
    t.run(step("person_page"), |c| {
        overview::person_page(c, pid, today).unwrap()
    });
    t.run(step("brief"), |c| {
        coachlog_core::brief::render_markdown(c, pid, today).unwrap()
    });
    t.run(step("brief a year ago"), |c| {
        coachlog_core::brief::render_markdown(c, pid, d("2025-11-27")).unwrap()
    });
    if let Some(r) = all_people.iter().find(|p| p.reports_to.is_some()) {
        let rid = r.id;
        t.run(step("brief of a skip-level report"), |c| {
            coachlog_core::brief::render_markdown(c, rid, today).unwrap()
        });
    }
    // Person page
    t.run(step("person page"), |c| {
        people::get(c, pid).unwrap();
        agenda::list(
            c,
            agenda::Filter {
                person: Some(pid),
                open: None,
                tag: None,
            },
        )
        .unwrap();
        one_on_ones::list(
            c,
            one_on_ones::Filter {
                person: Some(pid),
                from: None,
                to: None,
            },
        )
        .unwrap();
        updates::list(
            c,
            updates::Filter {
                person: Some(Some(pid)),
                kind: None,
                period: None,
            },
        )
        .unwrap();
        customers::list_links(
            c,
            customers::LinkFilter {
                person: Some(pid),
                include_archived: true,
            },
        )
        .unwrap();
        customers::list_check_ins(c, None, Some(pid)).unwrap();
        wins::list(
            c,
            wins::Filter {
                person: Some(pid),
                unshared_only: false,
            },
        )
        .unwrap();
        hiring::list_requisitions(c, true).unwrap();
    });
    // Log a 1:1
    let open_items = t.run(step("log screen"), |c| {
        drafts::get(c, pid).unwrap();
        one_on_ones::list(
            c,
            one_on_ones::Filter {
                person: Some(pid),
                from: None,
                to: None,
            },
        )
        .unwrap();
        agenda::list(
            c,
            agenda::Filter {
                person: Some(pid),
                open: Some(true),
                tag: None,
            },
        )
        .unwrap()
    });
    // Accountability
    t.run(
        Step {
            label: "updates_list (Accountability)",
            reads_all: &["accountability_update"],
            why: "the Accountability screen lists every update",
        },
        |c| updates::list(c, updates::Filter::default()).unwrap(),
    );
    t.run(step("updates_list filtered"), |c| {
        updates::list(
            c,
            updates::Filter {
                person: None,
                kind: Some(UpdateKind::NextRelease),
                period: Some(Period::Month(Month::new(2026, 10).unwrap())),
            },
        )
        .unwrap();
        updates::list(
            c,
            updates::Filter {
                person: Some(None),
                kind: None,
                period: None,
            },
        )
        .unwrap();
        updates::list(
            c,
            updates::Filter {
                person: None,
                kind: None,
                period: Some(Period::Month(Month::new(2026, 10).unwrap())),
            },
        )
        .unwrap()
    });
    // Internal customers
    t.run(step("customer_links_list"), |c| {
        customers::list_links(
            c,
            customers::LinkFilter {
                person: None,
                include_archived: false,
            },
        )
        .unwrap();
        customers::list_links(
            c,
            customers::LinkFilter {
                person: None,
                include_archived: true,
            },
        )
        .unwrap()
    });
    let links = t.run(step("links"), |c| {
        customers::list_links(
            c,
            customers::LinkFilter {
                person: Some(pid),
                include_archived: true,
            },
        )
        .unwrap()
    });
    t.run(
        Step {
            label: "check_ins_list (Customers)",
            reads_all: &["check_in"],
            why: "the Customers screen lists every check-in",
        },
        |c| customers::list_check_ins(c, None, None).unwrap(),
    );
    if let Some(l) = links.first() {
        let lid = l.id;
        t.run(step("check_ins of a link"), |c| {
            customers::list_check_ins(c, Some(lid), None).unwrap()
        });
    }
    // Hiring
    let reqs = t.run(step("requisitions_list"), |c| {
        hiring::list_requisitions(c, false).unwrap();
        hiring::list_requisitions(c, true).unwrap()
    });
    t.run(
        Step {
            label: "interviews_list (Hiring, Person page)",
            reads_all: &["interview", "interviewer"],
            why: "Hiring and the Person page list every interview",
        },
        |c| hiring::list_interviews(c, None).unwrap(),
    );
    for r in &reqs {
        let rid = r.id;
        t.run(step("loop_list and interviews of a requisition"), |c| {
            hiring::list_loop(c, rid).unwrap();
            hiring::list_interviews(c, Some(rid)).unwrap()
        });
    }
    // Walkthroughs
    t.run(
        Step {
            label: "walkthroughs_list (Walkthroughs)",
            reads_all: &["walkthrough", "walkthrough_scope"],
            why: "the Walkthroughs screen lists every walkthrough",
        },
        |c| walkthroughs::list(c, None, None).unwrap(),
    );
    t.run(step("walkthroughs in a range"), |c| {
        walkthroughs::list(c, Some(d("2026-01-01")), Some(d("2026-06-30"))).unwrap()
    });
    // Wins
    t.run(
        Step {
            label: "wins_list (Wins)",
            reads_all: &["win"],
            why: "the Wins screen lists every win",
        },
        |c| wins::list(c, wins::Filter::default()).unwrap(),
    );
    t.run(step("unshared wins"), |c| {
        wins::list(
            c,
            wins::Filter {
                person: None,
                unshared_only: true,
            },
        )
        .unwrap()
    });
    // Search
    t.run(step("search"), |c| {
        search::search(c, "roadmap", 50).unwrap();
        search::search(c, "the", 50).unwrap()
    });
    // Settings
    t.run(step("settings_list"), |c| settings::list(c).unwrap());
    for kind in NAME_KINDS {
        t.run(step("names"), |c| names::list(c, kind).unwrap());
    }
    // Export (the monthly summary) — every format, with and without notes.
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        for include_notes in [false, true] {
            t.run(step("summary"), |c| {
                let options = SummaryOptions {
                    include_notes,
                    generated_on: None,
                };
                summary::export(c, Month::new(2026, 10).unwrap(), &options, format).unwrap()
            });
        }
    }
    t.run(
        Step {
            label: "one_on_ones_list, unfiltered (`coachlog one-on-one list`)",
            reads_all: &["one_on_one", "one_on_one_tag"],
            why: "`coachlog one-on-one list` without a person or dates asks for every 1:1",
        },
        |c| one_on_ones::list(c, one_on_ones::Filter::default()).unwrap(),
    );
    t.run(step("months with 1:1s (Export screen)"), |c| {
        one_on_ones::months(c).unwrap()
    });
    t.run(step("one_on_ones in a range"), |c| {
        one_on_ones::list(
            c,
            one_on_ones::Filter {
                person: None,
                from: Some(d("2026-10-01")),
                to: Some(d("2026-10-31")),
            },
        )
        .unwrap()
    });
    // Shells' checks.
    t.run(step("is_empty"), |c| store::is_empty(c).unwrap());
    t.run(step("nudge state"), |c| nudge_state::all(c).unwrap());
    t.run(step("drafts list"), |c| drafts::list(c).unwrap());
    t.run(step("resolve"), |c| {
        people::resolve(c, &p.name).unwrap();
        hiring::resolve_participant(c, &p.name).unwrap()
    });
    // The interchange export writes every record.
    t.run(
        Step {
            label: "interchange export",
            reads_all: &[
                "one_on_one",
                "one_on_one_tag",
                "agenda_item",
                "accountability_update",
                "check_in",
                "interview",
                "interviewer",
                "walkthrough",
                "walkthrough_scope",
                "win",
                "cdf_review",
                "template",
                "nudge_state",
            ],
            why: "the interchange file is every record",
        },
        |c| interchange::export(c).unwrap(),
    );

    // --- Every write of the store ---------------------------------------
    let newbie = t.write(step("person insert"), |c| {
        people::insert(c, &person_input("Plan Tester"))
    });
    let nid = newbie.id;
    t.write(step("person update"), |c| {
        let mut i = person_input("Plan Tester");
        i.title = "Group Manager".into();
        people::update(c, nid, &i)
    });
    let logged = t.write(step("1:1 log"), |c| {
        coachlog_core::store::log::one_on_one(
            c,
            &LogInput {
                one_on_one: OneOnOneInput {
                    person_id: pid,
                    date: today,
                    status: OneOnOneStatus::Held,
                    notes: "Roadmap review".into(),
                    tags: vec!["career".into(), "roadmap".into()],
                },
                new_items: vec![NewItem {
                    text: "Write the plan".into(),
                    open_tag: OpenTag::Todo,
                    timing: Some(Timing::Date(d("2026-12-04"))),
                    raised_by: RaisedBy::Leader,
                }],
                close_items: open_items
                    .iter()
                    .take(1)
                    .map(|i| ItemClosure {
                        id: i.id,
                        tag: CloseTag::Done,
                    })
                    .collect(),
            },
        )
    });
    let oid = logged.one_on_one.id;
    t.write(step("1:1 update"), |c| {
        one_on_ones::update(
            c,
            oid,
            &OneOnOneInput {
                person_id: pid,
                date: today,
                status: OneOnOneStatus::Held,
                notes: "Roadmap review, edited".into(),
                tags: vec!["roadmap".into()],
            },
        )
    });
    t.run(step("1:1 get"), |c| one_on_ones::get(c, oid).unwrap());
    let item = t.write(step("agenda insert"), |c| {
        agenda::insert(
            c,
            &AgendaItemInput {
                person_id: pid,
                text: "Discuss the vision".into(),
                open_tag: OpenTag::Discuss,
                timing: None,
                raised_by: RaisedBy::Person,
                opened_on: today,
                opened_in: None,
            },
        )
    });
    let iid = item.id;
    t.write(step("agenda update"), |c| {
        agenda::update(
            c,
            iid,
            &AgendaItemEdit {
                text: "Discuss the 3-month vision".into(),
                open_tag: OpenTag::Discuss,
                timing: Some(Timing::Date(d("2026-12-11"))),
                raised_by: RaisedBy::Person,
            },
        )
    });
    t.write(step("agenda close"), |c| {
        agenda::close(c, iid, CloseTag::Done, today, Some(oid))
    });
    t.write(step("agenda reopen"), |c| agenda::reopen(c, iid));
    let upd = t.write(step("update insert"), |c| {
        updates::insert(
            c,
            &UpdateInput {
                person_id: Some(nid),
                kind: UpdateKind::NextRelease,
                period: Period::Month(Month::new(2026, 12).unwrap()),
                status: UpdateStatus::NotStarted,
                done_on: None,
                link: None,
                objectives: Vec::new(),
            },
        )
    });
    let uid = upd.id;
    t.write(step("update done"), |c| {
        updates::mark_done(c, uid, today, Some("https://example.com/mr/1"))
    });
    let link = t.write(step("link insert"), |c| {
        customers::insert_link(
            c,
            &CustomerLinkInput {
                person_id: nid,
                team: "Support".into(),
                category: "Tickets".into(),
                since: d("2026-06-01"),
            },
        )
    });
    let lid = link.id;
    t.write(step("link update"), |c| {
        customers::update_link(
            c,
            lid,
            &CustomerLinkInput {
                person_id: nid,
                team: "Support".into(),
                category: "Tickets and chat".into(),
                since: d("2026-06-01"),
            },
        )
    });
    let ci = t.write(step("check-in insert"), |c| {
        customers::insert_check_in(
            c,
            &CheckInInput {
                link_id: lid,
                date: today,
                epic_updated: true,
                notes: "Fine".into(),
            },
        )
    });
    let ciid = ci.id;
    t.write(step("check-in update"), |c| {
        customers::update_check_in(
            c,
            ciid,
            &CheckInInput {
                link_id: lid,
                date: today,
                epic_updated: false,
                notes: "Ok".into(),
            },
        )
    });
    t.write(step("link archive"), |c| {
        customers::archive_link(c, lid, today)
    });
    t.write(step("link unarchive"), |c| {
        customers::unarchive_link(c, lid)
    });
    let req = t.write(step("requisition insert"), |c| {
        hiring::insert_requisition(
            c,
            &RequisitionInput {
                title: "Senior PM, Plan".into(),
                level: Level::Ic,
                opened_on: today,
            },
        )
    });
    let rid = req.id;
    t.write(step("requisition update"), |c| {
        hiring::update_requisition(
            c,
            rid,
            &RequisitionInput {
                title: "Senior PM, Create".into(),
                level: Level::Ic,
                opened_on: today,
            },
        )
    });
    let member = t.write(step("loop insert"), |c| {
        hiring::insert_loop_member(
            c,
            &LoopMemberInput {
                requisition_id: rid,
                member: Participant::Person(pid),
                role: "Peer".into(),
                works_with_hire: true,
            },
        )
    });
    t.write(step("interview insert"), |c| {
        hiring::insert_interview(
            c,
            &InterviewInput {
                requisition_id: rid,
                date: today,
                candidate: "A. Candidate".into(),
                interviewers: vec![Participant::Person(pid), Participant::Name("Guest".into())],
            },
        )
    });
    t.write(step("loop remove"), |c| {
        hiring::remove_loop_member(c, member.id)
    });
    t.write(step("requisition close"), |c| {
        hiring::close_requisition(c, rid, RequisitionStatus::Filled, today)
    });
    t.write(step("requisition reopen"), |c| {
        hiring::reopen_requisition(c, rid)
    });
    let wt = t.write(step("walkthrough insert"), |c| {
        walkthroughs::insert(
            c,
            &WalkthroughInput {
                date: today,
                title: "Onboarding".into(),
                stages: vec!["Plan".into()],
                categories: vec!["Tickets".into()],
                findings: "Too many steps".into(),
                issue_link: None,
            },
        )
    });
    t.write(step("walkthrough update"), |c| {
        walkthroughs::update(
            c,
            wt.id,
            &WalkthroughInput {
                date: today,
                title: "Onboarding again".into(),
                stages: vec!["Create".into()],
                categories: vec![],
                findings: "Fewer steps".into(),
                issue_link: Some("https://example.com/issues/1".into()),
            },
        )
    });
    let win = t.write(step("win insert"), |c| {
        wins::insert(
            c,
            &WinInput {
                person_id: pid,
                noted_on: today,
                text: "Shipped".into(),
            },
        )
    });
    t.write(step("win update"), |c| {
        wins::update(
            c,
            win.id,
            &WinInput {
                person_id: pid,
                noted_on: today,
                text: "Shipped it".into(),
            },
        )
    });
    t.write(step("win share"), |c| {
        wins::share(c, win.id, today, Some("Staff meeting"))
    });
    t.write(step("win unshare"), |c| wins::unshare(c, win.id));
    t.write(step("draft save"), |c| {
        drafts::save(
            c,
            &Draft {
                person_id: pid,
                date: today,
                status: OneOnOneStatus::Held,
                notes: "half written".into(),
                tags: vec![],
                new_items: vec![],
                close_items: vec![],
            },
        )
    });
    t.run(step("draft get"), |c| drafts::get(c, pid).unwrap());
    t.write(step("draft discard"), |c| drafts::discard(c, pid));
    t.write(step("nudge snooze"), |c| {
        nudge_state::snooze(c, "one_on_one:1:2026-11-20", d("2026-12-01"))
    });
    t.write(step("nudge dismiss"), |c| {
        nudge_state::dismiss(c, "one_on_one:1:2026-11-20")
    });
    t.run(step("nudge get"), |c| {
        nudge_state::get(c, "one_on_one:1:2026-11-20").unwrap()
    });
    t.write(step("nudge undo"), |c| {
        nudge_state::undo(c, "one_on_one:1:2026-11-20")
    });
    t.write(step("settings set"), |c| {
        settings::set(c, "release_day", "18")
    });
    t.write(step("person archive"), |c| people::archive(c, nid, today));
    t.write(step("person unarchive"), |c| people::unarchive(c, nid));
    // After the writes: the review and the summary see the new records.
    t.run(step("overdue after writes"), |c| {
        nudges::overdue(c, today, true).unwrap()
    });
    t
}

#[test]
fn no_shipped_query_scans_a_table_that_grows_with_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = workload(dir.path());
    t.db.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .unwrap();
    let seen = std::mem::take(&mut *t.seen.lock().unwrap());
    let tables = schema_tables(t.db.conn());
    assert!(
        seen.statements.len() > 60,
        "the trace caught only {} statements",
        seen.statements.len()
    );
    let allowed = |step: &str, table: &str| {
        t.steps
            .iter()
            .filter(|s| s.label == step)
            .any(|s| s.reads_all.contains(&table))
    };
    let mut failures = Vec::new();
    let mut allowed_scans = 0;
    for (sql, steps) in &seen.statements {
        let plan_lines = plan(t.db.conn(), sql);
        println!(
            "-- in: {}",
            steps.iter().copied().collect::<Vec<_>>().join(", ")
        );
        println!("{}", sql.split_whitespace().collect::<Vec<_>>().join(" "));
        for l in &plan_lines {
            println!("   {l}");
        }
        let scans = whole_table_scans(t.db.conn(), &tables, sql).unwrap_or_else(|e| panic!("{e}"));
        for scan in scans {
            if MUST_READ_ALL.iter().any(|(part, table, _)| {
                flat(sql).starts_with(part) && (*table == "*" || *table == scan.table)
            }) || fk_check_of_insert(t.db.conn(), sql, &scan.table)
            {
                allowed_scans += 1;
                continue;
            }
            let bad: Vec<&str> = steps
                .iter()
                .copied()
                .filter(|s| !allowed(s, &scan.table))
                .collect();
            if bad.is_empty() {
                allowed_scans += 1;
            } else {
                failures.push(format!(
                    "`{}` in step(s) {}: {}\n    {}",
                    scan.detail,
                    bad.join(", "),
                    scan.table,
                    sql.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    println!(
        "{} statements checked, {} trigger programs seen, {allowed_scans} whole reads allowed:",
        seen.statements.len(),
        seen.triggers.len()
    );
    for s in t.steps.iter().filter(|s| !s.reads_all.is_empty()) {
        println!("  {}: {} ({})", s.label, s.reads_all.join(", "), s.why);
    }
    for (part, table, why) in MUST_READ_ALL {
        println!("  {part}…: {table} ({why})");
    }
    assert!(
        failures.is_empty(),
        "{} whole-table scans of tables that grow with history:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The checker catches what it is there to catch.
#[test]
fn the_checker_flags_scans_and_passes_seeks() {
    let conn = db_on(TODAY);
    let conn = conn.conn();
    let tables = schema_tables(conn);
    let scans = |sql: &str| {
        whole_table_scans(conn, &tables, sql)
            .unwrap()
            .into_iter()
            .map(|s| s.table)
            .collect::<Vec<_>>()
    };
    // An unindexed filter: a scan, also under an alias and in a subquery.
    assert_eq!(
        scans("SELECT id FROM one_on_one WHERE notes = ?1"),
        ["one_on_one"]
    );
    assert_eq!(
        scans(
            "SELECT o.id FROM one_on_one o JOIN person p ON p.id = o.person_id WHERE o.notes = ?1"
        ),
        ["one_on_one"]
    );
    assert_eq!(
        scans("SELECT name FROM person WHERE id IN (SELECT person_id FROM win WHERE text = ?1)"),
        ["win"]
    );
    // A scan of a whole index is a whole read too.
    assert_eq!(scans("SELECT count(*) FROM agenda_item"), ["agenda_item"]);
    assert_eq!(
        scans("SELECT person_id FROM win ORDER BY person_id, noted_on"),
        ["win"]
    );
    // The `(?1 IS NULL OR col = ?1)` pattern defeats the index.
    assert_eq!(
        scans("SELECT id FROM agenda_item WHERE (?1 IS NULL OR person_id = ?1)"),
        ["agenda_item"]
    );
    // Full-text search: MATCH and rowid are seeks, anything else reads all.
    assert!(scans("SELECT rowid FROM search_index WHERE search_index MATCH ?1").is_empty());
    assert!(scans("SELECT body FROM search_index WHERE rowid = ?1").is_empty());
    assert_eq!(
        scans("SELECT rowid FROM search_index WHERE body = ?1"),
        ["search_index"]
    );
    // Seeks pass; so do scans of tables bounded by the team.
    assert!(scans("SELECT id FROM one_on_one WHERE person_id = ?1 AND date >= ?2").is_empty());
    assert!(scans("SELECT id FROM person WHERE title = ?1").is_empty());
    assert!(scans("WITH c AS MATERIALIZED (SELECT id FROM win WHERE person_id = ?1) SELECT * FROM c, person WHERE person.id = c.id").is_empty());
    // A name the checker cannot place fails loudly.
    assert!(
        whole_table_scans(conn, &BTreeSet::new(), "SELECT id FROM win WHERE text = ?1").is_err()
    );
    // The FK check of an insert into a parent table is told apart.
    assert!(fk_check_of_insert(
        conn,
        "INSERT INTO one_on_one (id) VALUES (?1)",
        "agenda_item"
    ));
    assert!(!fk_check_of_insert(
        conn,
        "INSERT INTO one_on_one (id) VALUES (?1)",
        "win"
    ));
    assert!(!fk_check_of_insert(
        conn,
        "SELECT id FROM agenda_item",
        "agenda_item"
    ));
}
