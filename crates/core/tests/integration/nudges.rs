//! The overdue review (`coachlog_core::nudges`) against `docs/catalogue.md`,
//! "The overdue review".
//!
//! - One table of small cases per rule: [`check`] builds a fresh in-memory
//!   database (real migrations, `tracking_since` = [`CREATED`]), runs a
//!   setup, reviews it on `as_of` and compares the items whose key starts
//!   with one of the given prefixes with literal `"key due overdue_days"`
//!   lines, in the review's order (overdue and due soon together).
//! - The order and the key catalogue on whole lists; snooze and dismiss.
//! - Two properties over random small databases (a tiny deterministic
//!   PRNG): the review equals [`oracle`], a second, deliberately naive
//!   reading of the catalogue written here with its own calendar arithmetic;
//!   and logging the activity a nudge asks for on `as_of` removes that
//!   nudge (and leaves nothing overdue for the same thing).

use std::cmp::Reverse;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use coachlog_core::calendar::{Period, ReleaseVersion};
use coachlog_core::dashboard::{self, Status};
use coachlog_core::model::*;
use coachlog_core::nudges::Practice;
use coachlog_core::nudges::{self, Nudge, Records, Rule};
use coachlog_core::store::{
    agenda, cdf, customers, hiring, nudge_state, one_on_ones, people, updates, walkthroughs, wins,
};
use coachlog_core::{settings, Db, Tx};
use rusqlite::Connection;

use crate::support::{d, pm, Rng, Suite, World, CREATED};

// ---------------------------------------------------------------------------
// The world builder (`support::World`) with the table cases' defaults.
// ---------------------------------------------------------------------------

/// The table cases, as a [`Suite`] marker.
enum Tables {}

/// [`World`] with the table cases' defaults: only what a rule reads is
/// given, the rest is fixed (no notes, tags or interviewers; items close as
/// DONE, requisitions as filled).
type W = Suite<Tables>;

impl W {
    /// A database created on [`CREATED`].
    fn new() -> W {
        W::of(World::created(CREATED))
    }

    fn created(day: NaiveDate) -> W {
        W::of(World {
            db: Db::open_in_memory(day).unwrap(),
        })
    }

    fn person(&mut self, name: &str, since: &str) -> PersonId {
        self.world.person(name, since, |_| {})
    }

    fn person_with(
        &mut self,
        name: &str,
        since: &str,
        edit: impl FnOnce(&mut PersonInput),
    ) -> PersonId {
        self.world.person(name, since, edit)
    }

    fn one_on_one(&mut self, p: PersonId, date: &str, status: OneOnOneStatus) {
        self.world.one_on_one(p, date, status, &[], "");
    }

    fn item(
        &mut self,
        p: PersonId,
        tag: OpenTag,
        by: RaisedBy,
        opened: &str,
        timing: Option<&str>,
    ) -> AgendaItemId {
        let text = format!("{} item", tag.label());
        self.world.item(p, tag, by, opened, timing, &text)
    }

    fn close(&mut self, item: AgendaItemId, on: &str) {
        self.world.close(item, CloseTag::Done, on);
    }

    fn update(
        &mut self,
        p: Option<PersonId>,
        kind: UpdateKind,
        period: &str,
        status: UpdateStatus,
        done_on: Option<&str>,
    ) {
        self.world.update(p, kind, period, status, done_on, None);
    }

    fn link(&mut self, p: PersonId, team: &str, since: &str) -> LinkId {
        self.world.link(p, team, "Issue tracking", since)
    }

    fn check_in(&mut self, link: LinkId, date: &str, epic_updated: bool) {
        self.world.check_in(link, date, epic_updated, "");
    }

    fn walkthrough(&mut self, date: &str, stages: &[&str]) {
        let n = walkthroughs::list(self.conn(), None, None).unwrap().len();
        let input = WalkthroughInput {
            date: d(date),
            title: format!("Walkthrough {n}"),
            stages: stages.iter().map(|s| s.to_string()).collect(),
            categories: vec![],
            findings: String::new(),
            issue_link: None,
        };
        self.write(|tx| walkthroughs::insert(tx, &input));
    }

    fn requisition(&mut self, opened: &str) -> RequisitionId {
        self.world.requisition("Senior PM, Plan", opened)
    }

    fn close_requisition(&mut self, r: RequisitionId, on: &str) {
        self.world
            .close_requisition(r, RequisitionStatus::Filled, on);
    }

    fn interview(&mut self, r: RequisitionId, date: &str) {
        self.world
            .interview(r, date, &format!("Candidate {date}"), vec![]);
    }

    fn win(&mut self, p: PersonId, noted: &str) -> WinId {
        self.world.win(p, noted, "Shipped it")
    }

    fn share(&mut self, w: WinId, on: &str) {
        self.world.share(w, on, Some("staff meeting"));
    }

    /// A skip-level report of `manager`, since `since`.
    fn report(&mut self, name: &str, since: &str, manager: PersonId) -> PersonId {
        let input = PersonInput::skip_level(name, d(since), manager);
        self.write(|tx| people::insert(tx, &input)).id
    }

    fn cdf(&mut self, p: PersonId, date: &str) {
        let input = CdfReviewInput::new(p, d(date), &["Strategy"]);
        self.write(|tx| cdf::insert(tx, &input));
    }

    /// A 1:1 with these coaching tags.
    fn tagged(&mut self, p: PersonId, date: &str, status: OneOnOneStatus, tags: &[&str]) {
        self.world.one_on_one(p, date, status, tags, "");
    }

    /// Every item of the review on `as_of` (snoozes and dismissals not applied).
    fn review(&self, as_of: &str) -> Vec<Nudge> {
        review(self.conn(), d(as_of))
    }

    /// What the leader sees on `as_of`, due-soon items included.
    fn visible(&self, as_of: &str) -> Vec<String> {
        nudges::overdue(self.conn(), d(as_of), true)
            .unwrap()
            .into_iter()
            .map(|n| n.key)
            .collect()
    }
}

fn review(conn: &Connection, as_of: NaiveDate) -> Vec<Nudge> {
    let records = Records::load(conn, as_of).unwrap();
    let settings = settings::load(conn).unwrap();
    nudges::review(&records, &settings, as_of)
}

fn line(n: &Nudge) -> String {
    format!("{} {} {}", n.key, n.due, n.overdue_days)
}

/// Builds a fresh database with `setup`, reviews it on `as_of`, keeps the
/// items whose key starts with one of `only` (every item when empty) and
/// compares them, in order, with `expected` (`"key due overdue_days"`).
fn check(setup: impl FnOnce(&mut W), as_of: &str, only: &[&str], expected: &[&str]) {
    let mut w = W::new();
    setup(&mut w);
    let got: Vec<String> = w
        .review(as_of)
        .iter()
        .filter(|n| only.is_empty() || only.iter().any(|p| n.key.starts_with(p)))
        .map(line)
        .collect();
    assert_eq!(got, expected, "as of {as_of}, keys starting with {only:?}");
}

// ---------------------------------------------------------------------------
// Rule 1: one_on_one.
// ---------------------------------------------------------------------------

const ONE: &[&str] = &["one_on_one:"];

#[test]
fn one_on_one_is_due_a_cadence_after_base_start_with_a_three_day_window() {
    // Ada reports since before tracking began: base_start = 2026-01-05, due 01-12.
    let ada = |w: &mut W| {
        w.person("Ada", "2025-06-01");
    };
    check(ada, "2026-01-08", ONE, &[]); // −4: not yet due soon
    check(
        ada,
        "2026-01-09",
        ONE,
        &["one_on_one:1:2026-01-12 2026-01-12 -3"],
    );
    check(
        ada,
        "2026-01-12",
        ONE,
        &["one_on_one:1:2026-01-12 2026-01-12 0"],
    ); // due today
    check(
        ada,
        "2026-01-13",
        ONE,
        &["one_on_one:1:2026-01-12 2026-01-12 1"],
    ); // due yesterday
    check(
        ada,
        "2026-03-09",
        ONE,
        &["one_on_one:1:2026-01-12 2026-01-12 56"],
    );
}

#[test]
fn one_on_one_counts_only_held_one_on_ones_up_to_as_of() {
    let base = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.held(ada, "2026-02-27"); // a Friday: due 03-06
        w.one_on_one(ada, "2026-03-06", OneOnOneStatus::Skipped);
        w.one_on_one(ada, "2026-03-09", OneOnOneStatus::Cancelled);
        w.held(ada, "2026-03-12"); // after as_of: does not exist yet
    };
    check(
        base,
        "2026-03-10",
        ONE,
        &["one_on_one:1:2026-03-06 2026-03-06 4"],
    );
    // Held on as_of: the next one is due in 7 days, outside the window.
    check(
        |w| {
            base(w);
            w.held(PersonId(1), "2026-03-10");
        },
        "2026-03-10",
        ONE,
        &[],
    );
    // From 03-12 on, the 03-12 1:1 counts: a new key.
    check(
        base,
        "2026-03-19",
        ONE,
        &["one_on_one:1:2026-03-19 2026-03-19 0"],
    );
}

#[test]
fn one_on_one_cadence_override_beats_the_setting() {
    let with = |cadence: Option<u32>, setting: Option<&'static str>| {
        move |w: &mut W| {
            if let Some(s) = setting {
                w.set("one_on_one_every_days", s);
            }
            let ada = w.person_with("Ada", "2025-06-01", |p| p.cadence_days = cadence);
            w.held(ada, "2026-02-27");
        }
    };
    check(
        with(Some(14), None),
        "2026-03-10",
        ONE,
        &["one_on_one:1:2026-03-13 2026-03-13 -3"],
    );
    check(
        with(None, Some("14")),
        "2026-03-10",
        ONE,
        &["one_on_one:1:2026-03-13 2026-03-13 -3"],
    );
    check(
        with(Some(5), Some("14")),
        "2026-03-10",
        ONE,
        &["one_on_one:1:2026-03-04 2026-03-04 6"],
    );
}

#[test]
fn one_on_one_across_month_year_and_leap_day_ends() {
    let held = |date: &'static str, cadence: u32| {
        move |w: &mut W| {
            let ada = w.person_with("Ada", "2025-06-01", |p| p.cadence_days = Some(cadence));
            w.held(ada, date);
        }
    };
    check(
        held("2026-01-24", 7),
        "2026-01-31",
        ONE,
        &["one_on_one:1:2026-01-31 2026-01-31 0"],
    );
    check(
        held("2026-01-24", 7),
        "2026-02-01",
        ONE,
        &["one_on_one:1:2026-01-31 2026-01-31 1"],
    );
    check(
        held("2026-12-25", 7),
        "2026-12-29",
        ONE,
        &["one_on_one:1:2027-01-01 2027-01-01 -3"],
    );
    check(
        held("2026-12-25", 7),
        "2027-01-02",
        ONE,
        &["one_on_one:1:2027-01-01 2027-01-01 1"],
    );
    check(
        held("2028-02-22", 7),
        "2028-02-29",
        ONE,
        &["one_on_one:1:2028-02-29 2028-02-29 0"],
    );
    check(
        held("2028-02-22", 7),
        "2028-03-01",
        ONE,
        &["one_on_one:1:2028-02-29 2028-02-29 1"],
    );
    check(
        held("2028-02-28", 1),
        "2028-03-01",
        ONE,
        &["one_on_one:1:2028-02-29 2028-02-29 1"],
    );
    check(
        held("2027-02-28", 1),
        "2027-03-01",
        ONE,
        &["one_on_one:1:2027-03-01 2027-03-01 0"],
    );
}

#[test]
fn one_on_one_for_people_added_or_archived_mid_month() {
    // Added on 03-18 (after tracking began): base_start is their since.
    let bea = |w: &mut W| {
        w.person("Bea", "2026-03-18");
    };
    check(
        bea,
        "2026-03-26",
        ONE,
        &["one_on_one:1:2026-03-25 2026-03-25 1"],
    );
    // Not active before since, even when the first 1:1 would be due soon.
    let cy = |w: &mut W| {
        w.person_with("Cy", "2026-03-18", |p| p.cadence_days = Some(1));
    };
    check(cy, "2026-03-17", ONE, &[]);
    check(
        cy,
        "2026-03-18",
        ONE,
        &["one_on_one:1:2026-03-19 2026-03-19 -1"],
    );
    // Archived on 03-09: active on 03-08, not on 03-09.
    let archived = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.held(ada, "2026-03-02");
        w.archive(ada, "2026-03-09");
    };
    check(
        archived,
        "2026-03-08",
        ONE,
        &["one_on_one:1:2026-03-09 2026-03-09 -1"],
    );
    check(archived, "2026-03-09", ONE, &[]);
    check(archived, "2026-04-30", ONE, &[]);
}

#[test]
fn untracked_people_raise_nothing_from_rules_1_to_6_8_and_11_to_13() {
    // Everything Ada has would be overdue if she were tracked; only the
    // leader's own items remain.
    let untracked = |w: &mut W| {
        let ada = w.person_with("Ada", "2025-06-01", |p| {
            p.tracked = false;
            p.scope.stages = vec!["Plan".into()];
        });
        w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-01-09", None);
        w.item(
            ada,
            OpenTag::Todo,
            RaisedBy::Person,
            "2026-01-09",
            Some("2026-01-20"),
        );
        w.link(ada, "Support", "2026-01-06");
        w.win(ada, "2026-01-09");
    };
    check(
        untracked,
        "2026-04-10",
        &[],
        &[
            "update:leader:portfolio_direction:2026-01 2026-01-15 85",
            "update:leader:portfolio_direction:2026-02 2026-02-19 50",
            "walkthrough:2026-02 2026-02-28 41",
            "update:leader:portfolio_direction:2026-03 2026-03-19 22",
            "walkthrough:2026-03 2026-03-31 10",
        ],
    );
}

#[test]
fn one_on_one_is_floored_at_tracking_since() {
    // A 1:1 held before tracking began (an import): due from base_start.
    let before = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.held(ada, "2025-12-30");
    };
    check(
        before,
        "2026-01-12",
        ONE,
        &["one_on_one:1:2026-01-12 2026-01-12 0"],
    );
    // tracking_since moved later: base_start follows it.
    let later = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.held(ada, "2026-02-02");
        w.set("tracking_since", "2026-03-01");
    };
    check(
        later,
        "2026-03-09",
        ONE,
        &["one_on_one:1:2026-03-08 2026-03-08 1"],
    );
}

// ---------------------------------------------------------------------------
// Rule 2: request.
// ---------------------------------------------------------------------------

const REQ: &[&str] = &["request:"];

fn help(opened: &'static str, timing: Option<&'static str>) -> impl Fn(&mut W) + Copy {
    move |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.item(ada, OpenTag::Help, RaisedBy::Person, opened, timing);
    }
}

#[test]
fn request_without_timing_is_due_business_days_after_it_was_opened() {
    // Friday + 2 = Tuesday.
    check(help("2026-01-09", None), "2026-01-09", REQ, &[]);
    check(
        help("2026-01-09", None),
        "2026-01-10",
        REQ,
        &["request:1 2026-01-13 -3"],
    );
    check(
        help("2026-01-09", None),
        "2026-01-13",
        REQ,
        &["request:1 2026-01-13 0"],
    );
    check(
        help("2026-01-09", None),
        "2026-01-14",
        REQ,
        &["request:1 2026-01-13 1"],
    );
    // Saturday + 2 = Tuesday; Sunday + 2 = Tuesday; Wednesday + 2 = Friday.
    check(
        help("2026-01-10", None),
        "2026-01-14",
        REQ,
        &["request:1 2026-01-13 1"],
    );
    check(
        help("2026-01-11", None),
        "2026-01-14",
        REQ,
        &["request:1 2026-01-13 1"],
    );
    check(
        help("2026-01-07", None),
        "2026-01-10",
        REQ,
        &["request:1 2026-01-09 1"],
    );
    // Year end: Thursday 2026-12-31 + 2 = Monday 2027-01-04.
    check(
        help("2026-12-31", None),
        "2027-01-04",
        REQ,
        &["request:1 2027-01-04 0"],
    );
}

#[test]
fn request_reply_business_days_setting() {
    let with = |n: &'static str| {
        move |w: &mut W| {
            w.set("request_reply_business_days", n);
            help("2026-01-09", None)(w);
        }
    };
    check(with("1"), "2026-01-13", REQ, &["request:1 2026-01-12 1"]); // Friday + 1 = Monday
    check(with("5"), "2026-01-13", REQ, &["request:1 2026-01-16 -3"]); // Friday + 5 = Friday
    check(with("6"), "2026-01-20", REQ, &["request:1 2026-01-19 1"]); // Friday + 6 = Monday
}

#[test]
fn request_with_timing_is_due_on_its_date_or_release_day() {
    check(
        help("2026-01-09", Some("2026-02-27")),
        "2026-02-27",
        REQ,
        &["request:1 2026-02-27 0"],
    );
    // 19.2 ships 14 months after 18.0 = 2025-05: July 2026, third Thursday 07-16.
    check(
        help("2026-01-09", Some("19.2")),
        "2026-07-17",
        REQ,
        &["request:1 2026-07-16 1"],
    );
    // With a fixed release day, the 22nd.
    check(
        |w| {
            w.set("release_day", "22");
            help("2026-01-09", Some("19.2"))(w);
        },
        "2026-07-19",
        REQ,
        &["request:1 2026-07-22 -3"],
    );
    // With another anchor: 19.0 = 2026-06 puts 19.2 in August (third Thursday 08-20).
    check(
        |w| {
            w.set("release_anchor", "19.0=2026-06");
            help("2026-01-09", Some("19.2"))(w);
        },
        "2026-08-20",
        REQ,
        &["request:1 2026-08-20 0"],
    );
}

#[test]
fn help_items_raised_by_the_leader_are_not_requests() {
    let leader = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.item(ada, OpenTag::Help, RaisedBy::Leader, "2026-01-09", None);
        w.item(
            ada,
            OpenTag::Help,
            RaisedBy::Leader,
            "2026-01-09",
            Some("2026-01-20"),
        );
    };
    check(leader, "2026-02-02", &["request:", "action:"], &[]);
}

#[test]
fn request_snapshot_opened_and_closed_around_as_of() {
    let closed = |on: &'static str| {
        move |w: &mut W| {
            help("2026-01-09", None)(w);
            w.close(AgendaItemId(1), on);
        }
    };
    check(closed("2026-01-14"), "2026-01-14", REQ, &[]); // closed on as_of: resolved
    check(
        closed("2026-01-15"),
        "2026-01-14",
        REQ,
        &["request:1 2026-01-13 1"],
    ); // closed later: open
    check(help("2026-01-15", None), "2026-01-14", REQ, &[]); // opened later: does not exist
}

#[test]
fn request_of_untracked_or_archived_people_raise_nothing() {
    let untracked = |w: &mut W| {
        let ada = w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
        w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-01-09", None);
    };
    check(untracked, "2026-01-20", REQ, &[]);
    let archived = |w: &mut W| {
        help("2026-01-09", None)(w);
        w.archive(PersonId(1), "2026-01-16");
    };
    check(archived, "2026-01-15", REQ, &["request:1 2026-01-13 2"]);
    check(archived, "2026-01-16", REQ, &[]);
}

#[test]
fn request_is_floored_at_tracking_since() {
    // Opened Wednesday 2025-12-31, due Friday 2026-01-02, before tracking began (01-05).
    check(
        help("2025-12-31", None),
        "2026-01-06",
        REQ,
        &["request:1 2026-01-05 1"],
    );
}

#[test]
fn the_farthest_release_versions_are_never_due_and_do_not_break_the_review() {
    // Release versions go up to 999.11, which ships about a thousand years
    // from now: inside the calendar, never due.
    let far = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.item(
            ada,
            OpenTag::Help,
            RaisedBy::Person,
            "2026-01-09",
            Some("19.0"),
        );
        w.item(
            ada,
            OpenTag::Todo,
            RaisedBy::Person,
            "2026-01-09",
            Some("19.0"),
        );
        w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-01-09", None);
        w.sql(
            "UPDATE agenda_item SET timing_release = '999.0' WHERE id = 1;
               UPDATE agenda_item SET timing_release = '999.11' WHERE id = 2;",
        );
    };
    check(
        far,
        "2026-01-14",
        &["request:", "action:"],
        &["request:3 2026-01-13 1"],
    );
}

// ---------------------------------------------------------------------------
// Rule 3: action.
// ---------------------------------------------------------------------------

#[test]
fn action_is_due_on_its_timing_and_shows_its_owner() {
    let mut w = W::new();
    let ada = w.person("Ada", "2025-06-01");
    w.item(
        ada,
        OpenTag::Todo,
        RaisedBy::Leader,
        "2026-03-02",
        Some("2026-03-31"),
    );
    w.item(
        ada,
        OpenTag::Doto,
        RaisedBy::Person,
        "2026-03-02",
        Some("18.11"),
    ); // 2026-04-16
    for (tag, timing) in [
        (OpenTag::Todo, None),
        (OpenTag::Doto, None),
        (OpenTag::Discuss, Some("2026-03-03")),
        (OpenTag::Review, Some("2026-03-03")),
        (OpenTag::Think, Some("2026-03-03")),
    ] {
        w.item(ada, tag, RaisedBy::Person, "2026-03-02", timing);
    }
    // "key due overdue_days person owner"
    let got = |as_of: &str| -> Vec<String> {
        w.review(as_of)
            .into_iter()
            .filter(|n| n.rule == Rule::Action)
            .map(|n| format!("{} {:?} {:?}", line(&n), n.person, n.owner))
            .collect()
    };
    assert_eq!(got("2026-03-27"), Vec::<String>::new());
    assert_eq!(
        got("2026-03-28"),
        vec![r#"action:1 2026-03-31 -3 Some("Ada") Some(Person)"#]
    );
    assert_eq!(
        got("2026-04-13"),
        vec![
            r#"action:1 2026-03-31 13 Some("Ada") Some(Person)"#,
            r#"action:2 2026-04-16 -3 Some("Ada") Some(Leader)"#,
        ]
    );
}

#[test]
fn action_month_end_and_untracked_owner() {
    let todo = |tracked: bool| {
        move |w: &mut W| {
            let ada = w.person_with("Ada", "2025-06-01", |p| p.tracked = tracked);
            w.item(
                ada,
                OpenTag::Todo,
                RaisedBy::Person,
                "2026-03-02",
                Some("2026-03-31"),
            );
        }
    };
    check(
        todo(true),
        "2026-03-31",
        &["action:"],
        &["action:1 2026-03-31 0"],
    );
    check(
        todo(true),
        "2026-04-01",
        &["action:"],
        &["action:1 2026-03-31 1"],
    );
    // On an untracked person's agenda: nothing, whoever owns it.
    check(todo(false), "2026-04-01", &["action:"], &[]);
}

// ---------------------------------------------------------------------------
// Rule 4: update.
// ---------------------------------------------------------------------------

#[test]
fn updates_monthly_and_quarterly_with_the_window() {
    let ada = |w: &mut W| {
        w.person("Ada", "2025-06-01");
    };
    let only: &[&str] = &["update:1:"];
    check(ada, "2026-01-11", only, &[]);
    // January's release day is 01-15. FY26-Q4 (Nov 2025–Jan 2026) was due 2025-11-20,
    // before base_start: not owed.
    check(
        ada,
        "2026-01-12",
        only,
        &[
            "update:1:next_release:2026-01 2026-01-15 -3",
            "update:1:three_month_vision:2026-01 2026-01-15 -3",
        ],
    );
    // February's release day (02-19) opens FY27-Q1.
    check(
        ada,
        "2026-02-16",
        only,
        &[
            "update:1:next_release:2026-01 2026-01-15 32",
            "update:1:three_month_vision:2026-01 2026-01-15 32",
            "update:1:next_release:2026-02 2026-02-19 -3",
            "update:1:okrs:FY27-Q1 2026-02-19 -3",
            "update:1:three_month_vision:2026-02 2026-02-19 -3",
        ],
    );
}

#[test]
fn updates_done_by_as_of_count_and_only_then() {
    let done = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.update(
            Some(ada),
            UpdateKind::NextRelease,
            "2026-01",
            UpdateStatus::Done,
            Some("2026-01-14"),
        );
        w.update(
            Some(ada),
            UpdateKind::ThreeMonthVision,
            "2026-01",
            UpdateStatus::Done,
            Some("2026-01-20"),
        );
        w.update(
            Some(ada),
            UpdateKind::Okrs,
            "FY27-Q1",
            UpdateStatus::InReview,
            None,
        );
        w.update(
            Some(ada),
            UpdateKind::NextRelease,
            "2026-02",
            UpdateStatus::NotStarted,
            None,
        );
    };
    let only: &[&str] = &["update:1:"];
    check(
        done,
        "2026-01-19",
        only,
        &["update:1:three_month_vision:2026-01 2026-01-15 4"],
    );
    check(done, "2026-01-20", only, &[]);
    check(
        done,
        "2026-02-20",
        only,
        &[
            "update:1:next_release:2026-02 2026-02-19 1",
            "update:1:okrs:FY27-Q1 2026-02-19 1",
            "update:1:three_month_vision:2026-02 2026-02-19 1",
        ],
    );
}

#[test]
fn updates_in_may_2026_a_month_starting_on_a_friday() {
    // Third Thursday of May 2026 is the 21st; May opens FY27-Q2 (May–Jul).
    let since = |s: &'static str| {
        move |w: &mut W| {
            w.person("Ada", s);
        }
    };
    let only: &[&str] = &["update:1:"];
    check(since("2026-05-01"), "2026-05-17", only, &[]);
    check(
        since("2026-05-01"),
        "2026-05-18",
        only,
        &[
            "update:1:next_release:2026-05 2026-05-21 -3",
            "update:1:okrs:FY27-Q2 2026-05-21 -3",
            "update:1:three_month_vision:2026-05 2026-05-21 -3",
        ],
    );
    // Added on the release day: owed. Added the day after: May is not owed.
    check(
        since("2026-05-21"),
        "2026-05-25",
        only,
        &[
            "update:1:next_release:2026-05 2026-05-21 4",
            "update:1:okrs:FY27-Q2 2026-05-21 4",
            "update:1:three_month_vision:2026-05 2026-05-21 4",
        ],
    );
    check(since("2026-05-22"), "2026-05-25", only, &[]);
    check(
        since("2026-05-22"),
        "2026-06-15",
        only,
        &[
            "update:1:next_release:2026-06 2026-06-18 -3",
            "update:1:three_month_vision:2026-06 2026-06-18 -3",
        ],
    );
}

#[test]
fn updates_in_january_2026_a_month_starting_on_a_thursday() {
    // The first day is a Thursday: the third Thursday is the 15th, not the 22nd.
    let ada = |w: &mut W| {
        w.set("tracking_since", "2026-01-01");
        w.person("Ada", "2025-06-01");
    };
    check(
        ada,
        "2026-01-16",
        &["update:1:next_release:"],
        &["update:1:next_release:2026-01 2026-01-15 1"],
    );
}

#[test]
fn updates_with_a_fixed_release_day() {
    let fixed = |w: &mut W| {
        w.set("release_day", "22");
        w.person("Ada", "2026-05-01");
    };
    check(
        fixed,
        "2026-05-19",
        &["update:1:"],
        &[
            "update:1:next_release:2026-05 2026-05-22 -3",
            "update:1:okrs:FY27-Q2 2026-05-22 -3",
            "update:1:three_month_vision:2026-05 2026-05-22 -3",
        ],
    );
}

#[test]
fn okrs_across_the_fiscal_year_boundary_in_january() {
    // Start month 2: FY27-Q4 = Nov 2026–Jan 2027 (due 2026-11-19); FY28-Q1 starts Feb 2027
    // (due 2027-02-18). January opens no quarter.
    let feb = |w: &mut W| {
        w.set("tracking_since", "2026-11-01");
        w.person("Ada", "2025-06-01");
    };
    let only: &[&str] = &["update:1:okrs:"];
    check(
        feb,
        "2027-01-25",
        only,
        &["update:1:okrs:FY27-Q4 2026-11-19 67"],
    );
    check(
        feb,
        "2027-02-15",
        only,
        &[
            "update:1:okrs:FY27-Q4 2026-11-19 88",
            "update:1:okrs:FY28-Q1 2027-02-18 -3",
        ],
    );
    // Start month 1: FY26 = Jan–Dec 2026, FY27-Q1 is January 2027 (due 2027-01-21).
    let jan = |w: &mut W| {
        w.set("fiscal_year_start_month", "1");
        w.set("tracking_since", "2026-10-01");
        w.person("Ada", "2025-06-01");
    };
    check(
        jan,
        "2027-01-18",
        only,
        &[
            "update:1:okrs:FY26-Q4 2026-10-15 95",
            "update:1:okrs:FY27-Q1 2027-01-21 -3",
        ],
    );
    // A done FY27-Q4 clears it whatever month it was done in.
    check(
        |w| {
            feb(w);
            w.update(
                Some(PersonId(1)),
                UpdateKind::Okrs,
                "FY27-Q4",
                UpdateStatus::Done,
                Some("2027-01-31"),
            );
        },
        "2027-02-15",
        only,
        &["update:1:okrs:FY28-Q1 2027-02-18 -3"],
    );
}

#[test]
fn portfolio_direction_is_the_leaders_monthly_update() {
    let only: &[&str] = &["update:leader:"];
    check(
        |_| {},
        "2026-01-12",
        only,
        &["update:leader:portfolio_direction:2026-01 2026-01-15 -3"],
    );
    // Tracking from 01-16: January's (due 01-15) is not owed.
    let later = |w: &mut W| w.set("tracking_since", "2026-01-16");
    check(
        later,
        "2026-02-16",
        only,
        &["update:leader:portfolio_direction:2026-02 2026-02-19 -3"],
    );
    check(
        |w| {
            later(w);
            w.update(
                None,
                UpdateKind::PortfolioDirection,
                "2026-02",
                UpdateStatus::Done,
                Some("2026-02-16"),
            );
        },
        "2026-02-16",
        only,
        &[],
    );
    // Year end: December's release day is 12-17.
    check(
        |w| w.set("tracking_since", "2026-12-01"),
        "2027-01-04",
        only,
        &["update:leader:portfolio_direction:2026-12 2026-12-17 18"],
    );
}

#[test]
fn updates_of_untracked_archived_or_not_yet_started_people() {
    let only: &[&str] = &["update:1:"];
    check(
        |w| {
            w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
        },
        "2026-02-20",
        only,
        &[],
    );
    let archived = |on: &'static str| {
        move |w: &mut W| {
            let ada = w.person("Ada", "2025-06-01");
            w.archive(ada, on);
        }
    };
    check(archived("2026-01-16"), "2026-01-16", only, &[]);
    check(
        archived("2026-01-17"),
        "2026-01-16",
        only,
        &[
            "update:1:next_release:2026-01 2026-01-15 1",
            "update:1:three_month_vision:2026-01 2026-01-15 1",
        ],
    );
    check(
        |w| {
            w.person("Ada", "2026-01-17");
        },
        "2026-01-16",
        only,
        &[],
    );
}

// ---------------------------------------------------------------------------
// Rules 5 and 6: customer_check_in and customer_epic.
// ---------------------------------------------------------------------------

const CUST: &[&str] = &["customer_check_in:", "customer_epic:"];

fn support(w: &mut W) -> LinkId {
    let ada = w.person("Ada", "2025-06-01");
    w.link(ada, "Support", "2026-02-10")
}

#[test]
fn customer_check_in_and_epic_are_due_from_base_start_of_the_link() {
    let link = |w: &mut W| {
        support(w);
    };
    check(link, "2026-03-08", CUST, &[]);
    check(
        link,
        "2026-03-12",
        CUST,
        &[
            "customer_check_in:1:2026-03-12 2026-03-12 0",
            "customer_epic:1:2026-03-12 2026-03-12 0",
        ],
    );
}

#[test]
fn customer_check_ins_with_and_without_the_epic() {
    let plain = |w: &mut W| {
        let l = support(w);
        w.check_in(l, "2026-03-01", false);
    };
    check(
        plain,
        "2026-03-28",
        CUST,
        &[
            "customer_epic:1:2026-03-12 2026-03-12 16",
            "customer_check_in:1:2026-03-31 2026-03-31 -3",
        ],
    );
    let epic = |w: &mut W| {
        let l = support(w);
        w.check_in(l, "2026-03-01", false);
        w.check_in(l, "2026-03-05", true);
        w.check_in(l, "2026-04-06", false); // after as_of
    };
    check(
        epic,
        "2026-04-05",
        CUST,
        &[
            "customer_check_in:1:2026-04-04 2026-04-04 1",
            "customer_epic:1:2026-04-04 2026-04-04 1",
        ],
    );
}

#[test]
fn customer_link_base_start_uses_person_since_and_tracking_since() {
    // The person's since after the link's since (the store now refuses this
    // edit, but the rule still says max of the three): base_start(link) = 02-20.
    let moved = |w: &mut W| {
        support(w);
        w.sql("UPDATE person SET since = '2026-02-20' WHERE id = 1");
    };
    check(
        moved,
        "2026-03-22",
        CUST,
        &[
            "customer_check_in:1:2026-03-22 2026-03-22 0",
            "customer_epic:1:2026-03-22 2026-03-22 0",
        ],
    );
    // tracking_since later than both: 03-01 + 30 = 03-31.
    let tracking = |w: &mut W| {
        support(w);
        w.set("tracking_since", "2026-03-01");
    };
    check(
        tracking,
        "2026-04-01",
        CUST,
        &[
            "customer_check_in:1:2026-03-31 2026-03-31 1",
            "customer_epic:1:2026-03-31 2026-03-31 1",
        ],
    );
}

#[test]
fn customer_links_archived_or_of_people_not_followed() {
    let archived = |on: &'static str| {
        move |w: &mut W| {
            let l = support(w);
            w.archive_link(l, on);
        }
    };
    check(archived("2026-03-12"), "2026-03-12", CUST, &[]);
    check(
        archived("2026-03-13"),
        "2026-03-12",
        CUST,
        &[
            "customer_check_in:1:2026-03-12 2026-03-12 0",
            "customer_epic:1:2026-03-12 2026-03-12 0",
        ],
    );
    let untracked = |w: &mut W| {
        let ada = w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
        w.link(ada, "Support", "2026-02-10");
    };
    check(untracked, "2026-04-01", CUST, &[]);
    let person_archived = |w: &mut W| {
        support(w);
        w.archive(PersonId(1), "2026-03-20");
    };
    check(person_archived, "2026-04-01", CUST, &[]);
    // The internal_customer_every_days setting.
    check(
        |w| {
            w.set("internal_customer_every_days", "14");
            support(w);
        },
        "2026-02-25",
        CUST,
        &[
            "customer_check_in:1:2026-02-24 2026-02-24 1",
            "customer_epic:1:2026-02-24 2026-02-24 1",
        ],
    );
}

// ---------------------------------------------------------------------------
// Rule 7: walkthrough.
// ---------------------------------------------------------------------------

const WALK: &[&str] = &["walkthrough:"];

#[test]
fn walkthrough_months_start_with_the_first_month_on_or_after_tracking_since() {
    // Tracking since 01-05: January is not owed; February is due 02-28.
    check(|_| {}, "2026-02-24", WALK, &[]);
    check(
        |_| {},
        "2026-02-25",
        WALK,
        &["walkthrough:2026-02 2026-02-28 -3"],
    );
    check(
        |_| {},
        "2026-03-01",
        WALK,
        &["walkthrough:2026-02 2026-02-28 1"],
    );
    check(
        |_| {},
        "2026-03-28",
        WALK,
        &[
            "walkthrough:2026-02 2026-02-28 28",
            "walkthrough:2026-03 2026-03-31 -3",
        ],
    );
    // Tracking since the first of a month: that month counts.
    check(
        |w| w.set("tracking_since", "2026-01-01"),
        "2026-02-01",
        WALK,
        &["walkthrough:2026-01 2026-01-31 1"],
    );
    // Year end and leap day.
    check(
        |w| w.set("tracking_since", "2026-12-01"),
        "2027-01-01",
        WALK,
        &["walkthrough:2026-12 2026-12-31 1"],
    );
    check(
        |w| w.set("tracking_since", "2028-02-01"),
        "2028-02-26",
        WALK,
        &["walkthrough:2028-02 2028-02-29 -3"],
    );
    check(
        |w| w.set("tracking_since", "2028-02-01"),
        "2028-03-01",
        WALK,
        &["walkthrough:2028-02 2028-02-29 1"],
    );
}

#[test]
fn walkthrough_dated_in_the_month_up_to_as_of_counts() {
    check(
        |w| w.walkthrough("2026-02-03", &[]),
        "2026-03-01",
        WALK,
        &[],
    );
    check(
        |w| w.walkthrough("2026-02-27", &[]),
        "2026-02-26",
        WALK,
        &["walkthrough:2026-02 2026-02-28 -2"],
    );
    check(
        |w| w.walkthrough("2026-03-01", &[]),
        "2026-03-02",
        WALK,
        &["walkthrough:2026-02 2026-02-28 2"],
    );
}

// ---------------------------------------------------------------------------
// Rule 8: stage_walkthrough.
// ---------------------------------------------------------------------------

const STAGE: &[&str] = &["stage_walkthrough:"];

fn two_planners(ada_tracked: bool) -> impl Fn(&mut W) + Copy {
    move |w: &mut W| {
        w.person_with("Ada", "2025-06-01", |p| {
            p.scope.stages = vec!["Plan".into()];
            p.tracked = ada_tracked;
        });
        w.person_with("Bea", "2026-03-01", |p| {
            p.scope.stages = vec!["PLAN".into(), "Create".into()]
        });
    }
}

#[test]
fn stage_walkthrough_starts_at_the_earliest_base_start_of_its_people() {
    // Plan: Ada's base_start 01-05 + 90 = 04-05. Create: Bea's 03-01 + 90 = 05-30.
    check(
        two_planners(true),
        "2026-04-06",
        STAGE,
        &["stage_walkthrough:plan:2026-04-05 2026-04-05 1"],
    );
    check(
        two_planners(true),
        "2026-05-31",
        STAGE,
        &[
            "stage_walkthrough:plan:2026-04-05 2026-04-05 56",
            "stage_walkthrough:create:2026-05-30 2026-05-30 1",
        ],
    );
    // Ada untracked: only Bea has Plan.
    check(two_planners(false), "2026-04-06", STAGE, &[]);
    check(
        two_planners(false),
        "2026-05-31",
        STAGE,
        &[
            "stage_walkthrough:create:2026-05-30 2026-05-30 1",
            "stage_walkthrough:plan:2026-05-30 2026-05-30 1",
        ],
    );
    // Ada archived on 04-01: on 04-06 only Bea has Plan.
    let archived = |w: &mut W| {
        two_planners(true)(w);
        w.archive(PersonId(1), "2026-04-01");
    };
    check(archived, "2026-04-06", STAGE, &[]);
    check(archived, "2026-03-31", STAGE, &[]);
    check(archived, "2026-04-01", STAGE, &[]);
    check(
        two_planners(true),
        "2026-04-02",
        STAGE,
        &["stage_walkthrough:plan:2026-04-05 2026-04-05 -3"],
    );
}

#[test]
fn stage_walkthrough_counts_walkthroughs_covering_the_stage_case_insensitively() {
    let covered = |w: &mut W| {
        two_planners(true)(w);
        w.walkthrough("2025-12-01", &["Plan"]); // before the stage start: the start wins
        w.walkthrough("2026-03-10", &["plan", "Verify"]);
        w.walkthrough("2026-04-01", &["Create"]);
        w.walkthrough("2026-06-10", &["PLAN"]); // after as_of
    };
    check(
        covered,
        "2026-06-09",
        STAGE,
        &["stage_walkthrough:plan:2026-06-08 2026-06-08 1"],
    );
    let early = |w: &mut W| {
        two_planners(true)(w);
        w.walkthrough("2025-12-01", &["Plan"]);
    };
    check(
        early,
        "2026-04-06",
        STAGE,
        &["stage_walkthrough:plan:2026-04-05 2026-04-05 1"],
    );
    // Unicode lower-casing, and the key uses the trimmed lower-cased name.
    let unicode = |w: &mut W| {
        w.person_with("Ada", "2025-06-01", |p| {
            p.scope.stages = vec!["ÜBERWACHUNG".into()]
        });
        w.person_with("Bea", "2025-06-01", |p| {
            p.scope.stages = vec!["  Überwachung ".into()]
        });
    };
    check(
        unicode,
        "2026-04-06",
        STAGE,
        &["stage_walkthrough:überwachung:2026-04-05 2026-04-05 1"],
    );
    check(
        |w| {
            unicode(w);
            w.walkthrough("2026-04-06", &["überwachung"]);
        },
        "2026-04-06",
        STAGE,
        &[],
    );
    // The stage_walkthrough_every_days setting.
    check(
        |w| {
            w.set("stage_walkthrough_every_days", "30");
            unicode(w);
        },
        "2026-02-05",
        STAGE,
        &["stage_walkthrough:überwachung:2026-02-04 2026-02-04 1"],
    );
}

// ---------------------------------------------------------------------------
// Rules 9 and 10: hiring_peer and requisition_stale.
// ---------------------------------------------------------------------------

const HIRE: &[&str] = &["hiring_peer:", "requisition_stale:"];

fn req(w: &mut W) -> RequisitionId {
    w.requisition("2026-03-02")
}

#[test]
fn hiring_peer_and_requisition_stale_from_the_opening_day() {
    let open = |w: &mut W| {
        req(w);
    };
    check(open, "2026-03-05", HIRE, &[]);
    check(open, "2026-03-06", HIRE, &["hiring_peer:1 2026-03-09 -3"]);
    check(
        open,
        "2026-03-13",
        HIRE,
        &[
            "hiring_peer:1 2026-03-09 4",
            "requisition_stale:1:2026-03-16 2026-03-16 -3",
        ],
    );
    check(open, "2026-03-01", HIRE, &[]); // opened later: does not exist yet
}

#[test]
fn hiring_peer_is_resolved_by_a_loop_member_who_works_with_the_hire() {
    let free = |works: bool| {
        move |w: &mut W| {
            let r = req(w);
            w.loop_member(r, Participant::Name("Eve".into()), works);
        }
    };
    check(
        free(false),
        "2026-03-10",
        HIRE,
        &["hiring_peer:1 2026-03-09 1"],
    );
    check(free(true), "2026-03-10", HIRE, &[]);
    let team = |w: &mut W| {
        let ada = w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
        let r = req(w);
        w.loop_member(r, Participant::Person(ada), true);
    };
    check(team, "2026-03-10", HIRE, &[]);
}

#[test]
fn requisition_stale_counts_interviews_up_to_as_of() {
    let interviewed = |w: &mut W| {
        let r = req(w);
        w.interview(r, "2026-03-10");
        w.interview(r, "2026-03-26"); // after as_of
        w.loop_member(r, Participant::Name("Eve".into()), true);
    };
    check(
        interviewed,
        "2026-03-25",
        HIRE,
        &["requisition_stale:1:2026-03-24 2026-03-24 1"],
    );
    check(interviewed, "2026-03-26", HIRE, &[]);
    check(
        interviewed,
        "2026-04-07",
        HIRE,
        &["requisition_stale:1:2026-04-09 2026-04-09 -2"],
    );
    check(
        |w| {
            w.set("requisition_stale_days", "3");
            w.set("hiring_peer_grace_days", "1");
            req(w);
        },
        "2026-03-06",
        HIRE,
        &[
            "hiring_peer:1 2026-03-03 3",
            "requisition_stale:1:2026-03-05 2026-03-05 1",
        ],
    );
}

#[test]
fn requisition_closed_after_as_of_is_still_open() {
    let closed = |w: &mut W| {
        let r = req(w);
        w.close_requisition(r, "2026-03-14");
    };
    check(
        closed,
        "2026-03-13",
        HIRE,
        &[
            "hiring_peer:1 2026-03-09 4",
            "requisition_stale:1:2026-03-16 2026-03-16 -3",
        ],
    );
    check(closed, "2026-03-14", HIRE, &[]);
}

#[test]
fn requisition_opened_before_tracking_since_is_floored() {
    let old = |w: &mut W| {
        w.requisition("2025-12-01");
    };
    check(
        old,
        "2026-01-06",
        HIRE,
        &[
            "hiring_peer:1 2026-01-05 1",
            "requisition_stale:1:2026-01-05 2026-01-05 1",
        ],
    );
}

// ---------------------------------------------------------------------------
// Rule 11: win_unshared.
// ---------------------------------------------------------------------------

const WIN: &[&str] = &["win_unshared:"];

#[test]
fn win_unshared_is_due_win_share_days_after_it_was_noted() {
    let noted = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.win(ada, "2026-03-02");
    };
    check(noted, "2026-03-05", WIN, &[]);
    check(noted, "2026-03-06", WIN, &["win_unshared:1 2026-03-09 -3"]);
    check(noted, "2026-03-10", WIN, &["win_unshared:1 2026-03-09 1"]);
    check(noted, "2026-03-01", WIN, &[]); // noted later: does not exist yet
    check(
        |w| {
            w.set("win_share_days", "1");
            noted(w);
        },
        "2026-03-10",
        WIN,
        &["win_unshared:1 2026-03-03 7"],
    );
}

#[test]
fn win_shared_after_as_of_is_still_unshared() {
    let shared = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        let win = w.win(ada, "2026-03-02");
        w.share(win, "2026-03-11");
    };
    check(shared, "2026-03-10", WIN, &["win_unshared:1 2026-03-09 1"]);
    check(shared, "2026-03-11", WIN, &[]);
}

#[test]
fn win_of_people_not_followed_or_before_tracking() {
    let untracked = |w: &mut W| {
        let ada = w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
        w.win(ada, "2026-03-02");
    };
    check(untracked, "2026-03-20", WIN, &[]);
    let archived = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.win(ada, "2026-03-02");
        w.archive(ada, "2026-03-12");
    };
    check(
        archived,
        "2026-03-11",
        WIN,
        &["win_unshared:1 2026-03-09 2"],
    );
    check(archived, "2026-03-12", WIN, &[]);
    let old = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.win(ada, "2025-12-20");
    };
    check(old, "2026-01-05", WIN, &["win_unshared:1 2026-01-05 0"]);
}

// ---------------------------------------------------------------------------
// Rule 12: cdf_review.
// ---------------------------------------------------------------------------

const CDF: &[&str] = &["cdf_review:"];

#[test]
fn cdf_review_is_due_every_90_days_from_base_start_with_a_three_day_window() {
    // Never reviewed: due 90 days after base_start (tracking began 01-05).
    let ada = |w: &mut W| {
        w.person("Ada", "2025-06-01");
    };
    check(ada, "2026-04-01", CDF, &[]); // −4: not yet due soon
    check(
        ada,
        "2026-04-02",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 -3"],
    );
    check(
        ada,
        "2026-04-05",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 0"],
    ); // due today
    check(
        ada,
        "2026-04-06",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 1"],
    );
    // Joined after tracking began: from their since.
    let bea = |w: &mut W| {
        w.person("Bea", "2026-03-18");
    };
    check(
        bea,
        "2026-06-16",
        CDF,
        &["cdf_review:1:2026-06-16 2026-06-16 0"],
    );
}

#[test]
fn cdf_review_counts_reviews_up_to_as_of() {
    let reviewed = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.cdf(ada, "2026-02-10");
    };
    check(
        reviewed,
        "2026-05-12",
        CDF,
        &["cdf_review:1:2026-05-11 2026-05-11 1"],
    );
    // A review dated after as_of does not exist yet.
    let later = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.cdf(ada, "2026-04-10");
    };
    check(
        later,
        "2026-04-06",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 1"],
    );
    check(later, "2026-04-10", CDF, &[]); // reviewed that day: due 07-09
    check(
        later,
        "2026-07-10",
        CDF,
        &["cdf_review:1:2026-07-09 2026-07-09 1"],
    );
    // The setting.
    check(
        |w| {
            reviewed(w);
            w.set("cdf_review_every_days", "30");
        },
        "2026-03-13",
        CDF,
        &["cdf_review:1:2026-03-12 2026-03-12 1"],
    );
}

#[test]
fn cdf_review_starts_no_earlier_than_tracking_since() {
    // A review before tracking began (an import) leaves base_start in charge.
    let before = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.cdf(ada, "2025-12-01");
    };
    check(
        before,
        "2026-04-06",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 1"],
    );
    // tracking_since moved later: base_start follows it.
    let later = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.cdf(ada, "2026-02-10");
        w.set("tracking_since", "2026-03-01");
    };
    check(
        later,
        "2026-05-30",
        CDF,
        &["cdf_review:1:2026-05-30 2026-05-30 0"],
    );
}

#[test]
fn cdf_review_only_for_followed_people() {
    let archived = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.archive(ada, "2026-04-06");
    };
    check(
        archived,
        "2026-04-05",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 0"],
    );
    check(archived, "2026-04-06", CDF, &[]);
    let untracked = |w: &mut W| {
        w.person_with("Ada", "2025-06-01", |p| p.tracked = false);
    };
    check(untracked, "2026-06-01", CDF, &[]);
    // Nor for a skip-level report (never tracked): rule 14 follows them.
    let report = |w: &mut W| {
        let mia = w.person("Mia", "2025-06-01");
        w.report("Sam", "2025-06-01", mia);
    };
    check(
        report,
        "2026-04-06",
        CDF,
        &["cdf_review:1:2026-04-05 2026-04-05 1"],
    );
}

// ---------------------------------------------------------------------------
// Rule 13: career_conversation.
// ---------------------------------------------------------------------------

const CAREER: &[&str] = &["career_conversation:"];

#[test]
fn career_conversation_is_due_every_182_days_from_base_start() {
    let ada = |w: &mut W| {
        w.person("Ada", "2025-06-01");
    };
    check(ada, "2026-07-02", CAREER, &[]);
    check(
        ada,
        "2026-07-03",
        CAREER,
        &["career_conversation:1:2026-07-06 2026-07-06 -3"],
    );
    check(
        ada,
        "2026-07-06",
        CAREER,
        &["career_conversation:1:2026-07-06 2026-07-06 0"],
    );
    check(
        ada,
        "2026-07-07",
        CAREER,
        &["career_conversation:1:2026-07-06 2026-07-06 1"],
    );
    // tracking_since moved later: from there.
    check(
        |w| {
            ada(w);
            w.set("tracking_since", "2026-03-01");
        },
        "2026-08-30",
        CAREER,
        &["career_conversation:1:2026-08-30 2026-08-30 0"],
    );
}

#[test]
fn career_conversation_counts_only_held_one_on_ones_tagged_career_up_to_as_of() {
    let base = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.tagged(
            ada,
            "2026-02-02",
            OneOnOneStatus::Held,
            &["growth", " Career "],
        );
        // None of these counts on 08-04.
        w.tagged(ada, "2026-03-02", OneOnOneStatus::Held, &["feedback"]);
        w.tagged(ada, "2026-03-09", OneOnOneStatus::Skipped, &["career"]);
        w.tagged(ada, "2026-03-16", OneOnOneStatus::Cancelled, &["career"]);
        w.tagged(ada, "2026-03-23", OneOnOneStatus::Held, &["careers"]);
        w.tagged(ada, "2026-08-10", OneOnOneStatus::Held, &["CAREER"]);
    };
    check(
        base,
        "2026-08-04",
        CAREER,
        &["career_conversation:1:2026-08-03 2026-08-03 1"],
    );
    // From 08-10 on, the 1:1 tagged in capitals counts.
    check(base, "2026-08-10", CAREER, &[]);
    check(
        base,
        "2027-02-09",
        CAREER,
        &["career_conversation:1:2027-02-08 2027-02-08 1"],
    );
    // The setting's cadence.
    check(
        |w| {
            base(w);
            w.set("career_conversation_every_days", "30");
        },
        "2026-03-05",
        CAREER,
        &["career_conversation:1:2026-03-04 2026-03-04 1"],
    );
}

#[test]
fn career_tag_is_a_setting_compared_trimmed_and_lower_cased() {
    let tags = |setting: &'static str| {
        move |w: &mut W| {
            let ada = w.person("Ada", "2025-06-01");
            w.tagged(ada, "2026-02-02", OneOnOneStatus::Held, &["Growth"]);
            w.tagged(ada, "2026-03-02", OneOnOneStatus::Held, &["career"]);
            w.tagged(ada, "2026-04-06", OneOnOneStatus::Held, &[" évolution "]);
            w.set("career_tag", setting);
        }
    };
    // The default: the 03-02 1:1 (due 08-31).
    check(
        tags("career"),
        "2026-09-01",
        CAREER,
        &["career_conversation:1:2026-08-31 2026-08-31 1"],
    );
    // Another tag, in other case and spacing: the 02-02 1:1 (due 08-03).
    check(
        tags("  GROWTH "),
        "2026-08-04",
        CAREER,
        &["career_conversation:1:2026-08-03 2026-08-03 1"],
    );
    // Compared code point by code point after Unicode lower-casing (due 10-05).
    check(
        tags("ÉVOLUTION"),
        "2026-10-06",
        CAREER,
        &["career_conversation:1:2026-10-05 2026-10-05 1"],
    );
    // A tag no 1:1 carries: none yet, due from base_start.
    check(
        tags("mentoring"),
        "2026-07-07",
        CAREER,
        &["career_conversation:1:2026-07-06 2026-07-06 1"],
    );
}

#[test]
fn career_conversation_only_for_followed_people() {
    let setup = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        w.person_with("Bob", "2025-06-01", |p| p.tracked = false);
        w.report("Sam", "2025-06-01", ada);
        w.archive(ada, "2026-07-07");
    };
    check(
        setup,
        "2026-07-06",
        CAREER,
        &["career_conversation:1:2026-07-06 2026-07-06 0"],
    );
    check(setup, "2026-07-07", CAREER, &[]);
}

// ---------------------------------------------------------------------------
// Rule 14: skip_level.
// ---------------------------------------------------------------------------

const SKIP: &[&str] = &["skip_level:"];

/// Mia (1), a PM who manages Sam (2), a skip-level report; both since before
/// tracking began.
fn mia_and_sam(w: &mut W) -> (PersonId, PersonId) {
    let mia = w.person("Mia", "2025-06-01");
    let sam = w.report("Sam", "2025-06-01", mia);
    (mia, sam)
}

#[test]
fn skip_level_is_due_every_91_days_from_base_start_of_the_report() {
    let never = |w: &mut W| {
        mia_and_sam(w);
    };
    check(never, "2026-04-02", SKIP, &[]);
    check(
        never,
        "2026-04-03",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 -3"],
    );
    check(
        never,
        "2026-04-06",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 0"],
    );
    check(
        never,
        "2026-04-07",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 1"],
    );
    // A report who joined later: from their since.
    let later = |w: &mut W| {
        let mia = w.person("Mia", "2025-06-01");
        w.report("Sam", "2026-03-18", mia);
    };
    check(
        later,
        "2026-06-17",
        SKIP,
        &["skip_level:2:2026-06-17 2026-06-17 0"],
    );
    // tracking_since moved later: from there.
    check(
        |w| {
            let (_, sam) = mia_and_sam(w);
            w.held(sam, "2026-02-02");
            w.set("tracking_since", "2026-03-01");
        },
        "2026-05-31",
        SKIP,
        &["skip_level:2:2026-05-31 2026-05-31 0"],
    );
}

#[test]
fn skip_level_counts_held_one_on_ones_with_the_report_up_to_as_of() {
    let base = |w: &mut W| {
        let (mia, sam) = mia_and_sam(w);
        w.held(sam, "2026-02-02");
        w.one_on_one(sam, "2026-02-09", OneOnOneStatus::Skipped);
        w.one_on_one(sam, "2026-02-16", OneOnOneStatus::Cancelled);
        w.held(mia, "2026-04-27"); // with the manager: not a skip-level
        w.held(sam, "2026-05-10"); // after as_of
    };
    check(
        base,
        "2026-05-05",
        SKIP,
        &["skip_level:2:2026-05-04 2026-05-04 1"],
    );
    check(base, "2026-05-10", SKIP, &[]);
    check(
        |w| {
            base(w);
            w.set("skip_level_every_days", "30");
        },
        "2026-03-05",
        SKIP,
        &["skip_level:2:2026-03-04 2026-03-04 1"],
    );
}

#[test]
fn skip_level_counts_a_one_on_one_held_before_they_had_a_manager() {
    // Sam was a PM of the leader's (tracked), met on 02-02, then moved under
    // Mia: that 1:1 still counts, and Sam no longer raises rules 1, 12, 13.
    let moved = |w: &mut W| {
        let mia = w.person("Mia", "2025-06-01");
        let sam = w.person("Sam", "2025-06-01");
        w.held(sam, "2026-02-02");
        let input = PersonInput::skip_level("Sam", d("2025-06-01"), mia);
        w.write(|tx| people::update(tx, sam, &input));
    };
    check(
        moved,
        "2026-05-05",
        &[
            "skip_level:",
            "one_on_one:2:",
            "cdf_review:2:",
            "career_conversation:2:",
        ],
        &["skip_level:2:2026-05-04 2026-05-04 1"],
    );
}

#[test]
fn skip_level_needs_the_report_and_their_manager_active_and_nothing_more() {
    // The manager need not be tracked.
    let untracked = |w: &mut W| {
        let mia = w.person_with("Mia", "2025-06-01", |p| p.tracked = false);
        w.report("Sam", "2025-06-01", mia);
    };
    check(
        untracked,
        "2026-04-07",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 1"],
    );
    // The manager archived: no skip-level with their reports from that day.
    let manager_left = |on: &'static str| {
        move |w: &mut W| {
            let (mia, _) = mia_and_sam(w);
            w.archive(mia, on);
        }
    };
    check(manager_left("2026-04-07"), "2026-04-07", SKIP, &[]);
    check(
        manager_left("2026-04-08"),
        "2026-04-07",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 1"],
    );
    // The report archived.
    let report_left = |w: &mut W| {
        let (_, sam) = mia_and_sam(w);
        w.archive(sam, "2026-04-07");
    };
    check(
        report_left,
        "2026-04-06",
        SKIP,
        &["skip_level:2:2026-04-06 2026-04-06 0"],
    );
    check(report_left, "2026-04-07", SKIP, &[]);
    // The manager not on the team yet.
    let manager_later = |w: &mut W| {
        w.set("skip_level_every_days", "30");
        let mia = w.person("Mia", "2026-03-01");
        w.report("Sam", "2025-06-01", mia);
    };
    check(manager_later, "2026-02-28", SKIP, &[]);
    check(
        manager_later,
        "2026-03-01",
        SKIP,
        &["skip_level:2:2026-02-04 2026-02-04 25"],
    );
    // Nobody without a manager is a skip-level report.
    let alone = |w: &mut W| {
        w.person("Ada", "2025-06-01");
        w.person_with("Bob", "2025-06-01", |p| p.tracked = false);
    };
    check(alone, "2026-06-01", SKIP, &[]);
}

// ---------------------------------------------------------------------------
// Rules 12–14 together: the issue's scenario, fields, keys, order and the
// coverage grid.
// ---------------------------------------------------------------------------

#[test]
fn a_pm_behind_on_cdf_career_and_a_skip_level_and_what_resolves_each() {
    // As of D = 2026-11-27: Ada's last CDF review is 100 days old, her last
    // 1:1 tagged career 200 days old (weekly untagged 1:1s since), and her
    // report Sam was last met 95 days ago.
    let mut w = W::created(d("2025-01-06"));
    let ada = w.person("Ada", "2025-01-06");
    let sam = w.report("Sam", "2025-01-06", ada);
    let day = |n: u64| (d("2026-11-27") - Days::new(n)).to_string();
    w.cdf(ada, &day(100)); // 2026-08-19
    w.tagged(ada, &day(200), OneOnOneStatus::Held, &["career", "growth"]); // 2026-05-11
    for n in (4..200).step_by(7) {
        w.tagged(ada, &day(n), OneOnOneStatus::Held, &["feedback"]);
    }
    w.held(sam, &day(95)); // 2026-08-24
    let coaching = |w: &W| -> Vec<String> {
        w.review("2026-11-27")
            .iter()
            .filter(|n| {
                matches!(
                    n.rule,
                    Rule::CdfReview | Rule::CareerConversation | Rule::SkipLevel
                )
            })
            .map(line)
            .collect()
    };
    assert_eq!(
        coaching(&w),
        vec![
            "career_conversation:1:2026-11-09 2026-11-09 18",
            "cdf_review:1:2026-11-17 2026-11-17 10",
            "skip_level:2:2026-11-23 2026-11-23 4",
        ]
    );
    let review = w.review("2026-11-27");
    let find = |rule: Rule| review.iter().find(|n| n.rule == rule).unwrap();
    let cdf_item = find(Rule::CdfReview);
    assert_eq!(
        (
            cdf_item.person_id,
            cdf_item.person.as_deref(),
            cdf_item.record_id
        ),
        (Some(ada), Some("Ada"), None)
    );
    assert_eq!(cdf_item.subject, "CDF review of Ada");
    assert_eq!(
        cdf_item.message,
        "CDF review of Ada is 10 days overdue (last 2026-08-19, every 90 days; due 2026-11-17)."
    );
    assert_eq!(
        find(Rule::CareerConversation).message,
        "Career conversation with Ada is 18 days overdue (last held 1:1 tagged career \
         2026-05-11, every 182 days; due 2026-11-09)."
    );
    let skip = find(Rule::SkipLevel);
    assert_eq!(
        (skip.person_id, skip.person.as_deref(), skip.record_id),
        (Some(sam), Some("Sam"), None)
    );
    assert_eq!(skip.subject, "Skip-level with Sam (reports to Ada)");
    assert_eq!(
        skip.message,
        "Skip-level with Sam (reports to Ada) is 4 days overdue (last held 2026-08-24, every 91 \
         days; due 2026-11-23)."
    );

    // Acting on each, on D, removes it and only it.
    w.cdf(ada, "2026-11-27");
    assert_eq!(
        coaching(&w),
        vec![
            "career_conversation:1:2026-11-09 2026-11-09 18",
            "skip_level:2:2026-11-23 2026-11-23 4",
        ]
    );
    w.tagged(ada, "2026-11-27", OneOnOneStatus::Held, &["Career"]);
    assert_eq!(coaching(&w), vec!["skip_level:2:2026-11-23 2026-11-23 4"]);
    w.held(sam, "2026-11-27");
    assert_eq!(coaching(&w), Vec::<String>::new());
}

#[test]
fn coaching_messages_when_nothing_happened_yet() {
    let mut w = W::new();
    let mia = w.person("Mia", "2025-06-01");
    w.report("Sam", "2025-06-01", mia);
    w.set("cdf_review_every_days", "2");
    w.set("career_conversation_every_days", "3");
    w.set("skip_level_every_days", "4");
    let messages: Vec<String> = w
        .review("2026-01-09")
        .into_iter()
        .filter(|n| n.rule >= Rule::CdfReview)
        .map(|n| n.message)
        .collect();
    assert_eq!(
        messages,
        vec![
            "CDF review of Mia is 2 days overdue (none yet; due 2026-01-07).",
            "Career conversation with Mia is 1 day overdue (no held 1:1 tagged career yet; due \
             2026-01-08).",
            "Skip-level with Sam (reports to Mia) is due today (none held yet; due 2026-01-09).",
        ]
    );
}

#[test]
fn coaching_items_in_order_with_their_keys() {
    // Same days overdue: by rule, then person (case-insensitively), then key.
    let setup = |w: &mut W| {
        w.set("cdf_review_every_days", "91");
        w.set("career_conversation_every_days", "91");
        let zoe = w.person("zoe", "2025-06-01"); // 1
        let al = w.person("Al", "2025-06-01"); // 2
        w.report("Bo", "2025-06-01", zoe); // 3
        w.report("ann", "2025-06-01", al); // 4
    };
    check(
        setup,
        "2026-04-08",
        &["cdf_review:", "career_conversation:", "skip_level:"],
        &[
            "cdf_review:2:2026-04-06 2026-04-06 2",
            "cdf_review:1:2026-04-06 2026-04-06 2",
            "career_conversation:2:2026-04-06 2026-04-06 2",
            "career_conversation:1:2026-04-06 2026-04-06 2",
            "skip_level:4:2026-04-06 2026-04-06 2",
            "skip_level:3:2026-04-06 2026-04-06 2",
        ],
    );
}

#[test]
fn coverage_counts_a_skip_level_on_the_managers_row() {
    let mut w = W::new();
    let mia = w.person("Mia", "2025-06-01"); // a tracked PM with a report
    let ada = w.person("Ada", "2025-06-01"); // a tracked PM without one
    let em = w.person_with("Eve", "2025-06-01", |p| p.tracked = false); // not a row
    let sam = w.report("Sam", "2025-06-01", mia);
    w.report("Tom", "2025-06-01", em);
    w.held(ada, "2026-04-01");
    w.cdf(ada, "2026-04-01");
    w.tagged(mia, "2026-04-01", OneOnOneStatus::Held, &["career"]);
    let grid = dashboard::coverage(w.conn(), d("2026-04-07")).unwrap();
    assert_eq!(
        grid.practices[6..],
        [
            Practice::CdfReviews,
            Practice::CareerConversations,
            Practice::SkipLevels
        ]
    );
    let cells = |name: &str| -> Vec<(Practice, Status, usize)> {
        let row = grid.rows.iter().find(|r| r.name == name).unwrap();
        row.cells[6..]
            .iter()
            .map(|c| (c.practice, c.status, c.overdue))
            .collect()
    };
    assert_eq!(
        grid.rows
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Ada", "Mia"]
    );
    assert_eq!(
        cells("Mia"),
        [
            (Practice::CdfReviews, Status::Overdue, 1),
            (Practice::CareerConversations, Status::OnTrack, 0),
            (Practice::SkipLevels, Status::Overdue, 1),
        ]
    );
    assert_eq!(
        cells("Ada"),
        [
            (Practice::CdfReviews, Status::OnTrack, 0),
            (Practice::CareerConversations, Status::OnTrack, 0),
            (Practice::SkipLevels, Status::NotApplicable, 0),
        ]
    );
    // Met: on track; the report archived: nothing owed.
    w.held(sam, "2026-04-07");
    let grid = dashboard::coverage(w.conn(), d("2026-04-07")).unwrap();
    let mia_row = grid.rows.iter().find(|r| r.name == "Mia").unwrap();
    assert_eq!(mia_row.cells[8].status, Status::OnTrack);
    w.archive(sam, "2026-04-08");
    let grid = dashboard::coverage(w.conn(), d("2026-04-08")).unwrap();
    let mia_row = grid.rows.iter().find(|r| r.name == "Mia").unwrap();
    assert_eq!(mia_row.cells[8].status, Status::NotApplicable);
    // The digest names them in the rule table's words.
    let overdue = nudges::overdue(w.conn(), d("2026-07-08"), false).unwrap();
    let digest = dashboard::digest(&overdue).unwrap();
    assert!(
        digest.contains("2 CDF reviews, 1 career conversation, 1 skip-level."),
        "{digest}"
    );
}

// ---------------------------------------------------------------------------
// The order and the keys.
// ---------------------------------------------------------------------------

#[test]
fn order_is_overdue_days_then_rule_then_person_then_key() {
    let setup = |w: &mut W| {
        w.set("tracking_since", "2026-03-01");
        let bob = w.person("Bob", "2025-06-01"); // id 1: "Bob" < "alice" byte-wise, not case-insensitively
        let alice = w.person("alice", "2025-06-01"); // id 2
        w.item(bob, OpenTag::Help, RaisedBy::Person, "2026-03-12", None); // Thursday + 2 = Monday 03-16
        w.item(
            alice,
            OpenTag::Todo,
            RaisedBy::Person,
            "2026-03-02",
            Some("2026-03-17"),
        );
        w.win(alice, "2026-03-09");
        w.requisition("2026-03-01");
    };
    check(
        setup,
        "2026-03-17",
        &[],
        &[
            "one_on_one:2:2026-03-08 2026-03-08 9",
            "one_on_one:1:2026-03-08 2026-03-08 9",
            "hiring_peer:1 2026-03-08 9",
            "requisition_stale:1:2026-03-15 2026-03-15 2",
            "request:1 2026-03-16 1",
            "win_unshared:1 2026-03-16 1",
            "action:2 2026-03-17 0",
            "update:leader:portfolio_direction:2026-03 2026-03-19 -2",
            "update:2:next_release:2026-03 2026-03-19 -2",
            "update:2:three_month_vision:2026-03 2026-03-19 -2",
            "update:1:next_release:2026-03 2026-03-19 -2",
            "update:1:three_month_vision:2026-03 2026-03-19 -2",
        ],
    );
}

#[test]
fn order_compares_keys_as_text() {
    let eleven = |w: &mut W| {
        let ada = w.person("Ada", "2025-06-01");
        for _ in 0..11 {
            w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-01-09", None);
        }
    };
    check(
        eleven,
        "2026-01-14",
        REQ,
        &[
            "request:1 2026-01-13 1",
            "request:10 2026-01-13 1",
            "request:11 2026-01-13 1",
            "request:2 2026-01-13 1",
            "request:3 2026-01-13 1",
            "request:4 2026-01-13 1",
            "request:5 2026-01-13 1",
            "request:6 2026-01-13 1",
            "request:7 2026-01-13 1",
            "request:8 2026-01-13 1",
            "request:9 2026-01-13 1",
        ],
    );
}

#[test]
fn keys_of_the_catalogue() {
    let mut w = W::new();
    w.set("tracking_since", "2026-03-01");
    let ada = w.person_with("Ada", "2025-06-01", |p| {
        p.scope.stages = vec![" Secure Stage ".into()]
    });
    w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-03-02", None);
    w.item(
        ada,
        OpenTag::Doto,
        RaisedBy::Leader,
        "2026-03-02",
        Some("2026-03-20"),
    );
    w.link(ada, "Support", "2026-03-01");
    w.requisition("2026-03-02");
    w.win(ada, "2026-03-02");
    w.set("stage_walkthrough_every_days", "30");
    let keys: Vec<String> = w.review("2026-04-02").into_iter().map(|n| n.key).collect();
    assert_eq!(
        keys,
        vec![
            "request:1",
            "one_on_one:1:2026-03-08",
            "hiring_peer:1",
            "win_unshared:1",
            "requisition_stale:1:2026-03-16",
            "update:leader:portfolio_direction:2026-03",
            "update:1:next_release:2026-03",
            "update:1:three_month_vision:2026-03",
            "action:2",
            "customer_check_in:1:2026-03-31",
            "customer_epic:1:2026-03-31",
            "walkthrough:2026-03",
            "stage_walkthrough:secure stage:2026-03-31",
        ]
    );
}

#[test]
fn nudge_fields_say_what_and_whose() {
    let mut w = W::new();
    let ada = w.person("Ada", "2025-06-01");
    w.item(
        ada,
        OpenTag::Todo,
        RaisedBy::Person,
        "2026-01-06",
        Some("2026-01-20"),
    );
    w.update(
        Some(ada),
        UpdateKind::Okrs,
        "FY27-Q1",
        UpdateStatus::InReview,
        None,
    );
    let review = w.review("2026-03-01");
    let find = |key: &str| {
        review
            .iter()
            .find(|n| n.key == key)
            .unwrap_or_else(|| panic!("{key} missing"))
    };
    let action = find("action:1");
    assert_eq!(
        (
            action.rule,
            action.person.as_deref(),
            action.owner,
            action.period.as_deref()
        ),
        (Rule::Action, Some("Ada"), Some(RaisedBy::Person), None)
    );
    assert_eq!(action.record_id, Some(1));
    let okrs = find("update:1:okrs:FY27-Q1");
    assert_eq!(
        (
            okrs.rule,
            okrs.person.as_deref(),
            okrs.owner,
            okrs.period.as_deref()
        ),
        (Rule::Update, Some("Ada"), None, Some("FY27-Q1"))
    );
    let walk = find("walkthrough:2026-02");
    assert_eq!(
        (walk.person.as_deref(), walk.period.as_deref(), walk.owner),
        (None, Some("2026-02"), None)
    );
    assert!(review
        .iter()
        .all(|n| n.overdue_days == (d("2026-03-01") - n.due).num_days()));
}

// ---------------------------------------------------------------------------
// Snooze and dismiss.
// ---------------------------------------------------------------------------

#[test]
fn snoozed_keys_are_hidden_through_their_date_and_reappear_the_day_after() {
    let mut w = W::new();
    w.person("Ada", "2025-06-01");
    let key = "one_on_one:1:2026-01-12";
    let with_key = |w: &W, as_of: &str| w.visible(as_of).iter().any(|k| k == key);
    assert!(with_key(&w, "2026-01-13"));
    let state =
        w.db.write(|tx| nudge_state::snooze(tx, key, d("2026-01-15")))
            .unwrap();
    assert_eq!(state.snoozed_until, Some(d("2026-01-15")));
    assert!(!with_key(&w, "2026-01-13"));
    assert!(!with_key(&w, "2026-01-15"));
    assert!(with_key(&w, "2026-01-16"));
    // The review itself still holds it (the monthly summary counts it).
    assert!(w.review("2026-01-14").iter().any(|n| n.key == key));
    // Other keys are untouched.
    assert!(w
        .visible("2026-01-14")
        .iter()
        .any(|k| k == "update:1:next_release:2026-01"));
}

#[test]
fn dismissed_keys_are_hidden_for_good_and_undo_restores_them() {
    let mut w = W::new();
    w.person("Ada", "2025-06-01");
    let key = "update:1:next_release:2026-01";
    w.db.write(|tx| nudge_state::dismiss(tx, key)).unwrap();
    assert!(!w.visible("2026-01-20").iter().any(|k| k == key));
    assert!(!w.visible("2027-01-20").iter().any(|k| k == key));
    assert!(w.review("2026-01-20").iter().any(|n| n.key == key));
    // Snoozing a dismissed key keeps it dismissed; undo forgets both.
    w.db.write(|tx| nudge_state::snooze(tx, key, d("2026-01-25")))
        .unwrap();
    assert!(!w.visible("2026-02-20").iter().any(|k| k == key));
    w.db.write(|tx| nudge_state::undo(tx, key)).unwrap();
    assert!(w.visible("2026-01-20").iter().any(|k| k == key));
    assert!(w.db.write(|tx| nudge_state::undo(tx, key)).is_err());
    // Only keys of the catalogue are accepted.
    for bad in ["", "nope", "snooze:1", "one_on_one"] {
        assert!(
            w.db.write(|tx| nudge_state::dismiss(tx, bad)).is_err(),
            "{bad:?}"
        );
    }
}

#[test]
fn every_key_of_the_review_can_be_snoozed_and_dismissed() {
    // The longest keys: a stage walkthrough of a 200-character stage name
    // outside Latin script (629 bytes in UTF-8).
    let mut w = W::new();
    let stage = "段".repeat(200);
    w.person_with("Ada", "2025-06-01", |p| {
        p.scope.stages = vec![stage.clone(), "İSTANBUL".into()]
    });
    let keys: Vec<String> = w.review("2026-04-06").into_iter().map(|n| n.key).collect();
    let long = format!("stage_walkthrough:{stage}:2026-04-05");
    assert!(keys.contains(&long), "{keys:?}");
    assert!(
        keys.contains(&"stage_walkthrough:i\u{307}stanbul:2026-04-05".to_string()),
        "{keys:?}"
    );
    for (i, key) in keys.iter().enumerate() {
        if i % 2 == 0 {
            w.db.write(|tx| nudge_state::snooze(tx, key, d("2026-04-06")))
                .unwrap();
        } else {
            w.db.write(|tx| nudge_state::dismiss(tx, key)).unwrap();
        }
    }
    assert_eq!(w.visible("2026-04-06"), Vec::<String>::new());
    let back = w.visible("2026-04-07");
    let snoozed: Vec<&String> = keys.iter().step_by(2).collect();
    assert!(snoozed.iter().all(|k| back.contains(k)), "{back:?}");
    assert!(
        keys.iter().skip(1).step_by(2).all(|k| !back.contains(k)),
        "{back:?}"
    );
}

#[test]
fn overdue_without_due_soon_keeps_only_overdue_items() {
    let mut w = W::new();
    let ada = w.person("Ada", "2025-06-01");
    w.item(ada, OpenTag::Help, RaisedBy::Person, "2026-01-09", None);
    let keys = |due_soon: bool| -> Vec<String> {
        nudges::overdue(w.conn(), d("2026-01-12"), due_soon)
            .unwrap()
            .into_iter()
            .map(|n| n.key)
            .collect()
    };
    assert_eq!(keys(false), Vec::<String>::new());
    assert_eq!(
        keys(true),
        vec![
            "one_on_one:1:2026-01-12",
            "request:1",
            "update:leader:portfolio_direction:2026-01",
            "update:1:next_release:2026-01",
            "update:1:three_month_vision:2026-01",
        ]
    );
    assert_eq!(
        nudges::overdue(w.conn(), d("2026-01-14"), false)
            .unwrap()
            .iter()
            .map(|n| n.key.as_str())
            .collect::<Vec<_>>(),
        vec!["one_on_one:1:2026-01-12", "request:1",]
    );
}

// ---------------------------------------------------------------------------
// Random small databases.
// ---------------------------------------------------------------------------

const STAGES: &[&str] = &[
    "Plan",
    "plan",
    "Create",
    "Verify",
    "Überwachung",
    "ÜBERWACHUNG",
];

/// A random small database: a few people with 1:1s, agenda items, updates,
/// internal customers and wins, plus walkthroughs, portfolio direction and
/// requisitions, under random settings. Writes the store refuses are skipped.
fn random_world(rng: &mut Rng) -> W {
    let mut w = W::created(rng.day(d("2025-11-01"), 150));
    let choices: &[(&str, &[&str])] = &[
        ("one_on_one_every_days", &["1", "3", "7", "14"]),
        ("request_reply_business_days", &["1", "2", "5"]),
        (
            "release_day",
            &["third-thursday", "third-thursday", "22", "1", "15", "28"],
        ),
        (
            "release_anchor",
            &["18.0=2025-05", "19.4=2026-03", "17.11=2025-01"],
        ),
        (
            "fiscal_year_start_month",
            &[
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            ],
        ),
        ("internal_customer_every_days", &["30", "10", "2"]),
        ("stage_walkthrough_every_days", &["90", "20", "2"]),
        ("hiring_peer_grace_days", &["7", "1", "3"]),
        ("requisition_stale_days", &["14", "2", "5"]),
        ("win_share_days", &["7", "1", "3"]),
        ("cdf_review_every_days", &["90", "30", "5"]),
        ("career_conversation_every_days", &["182", "30", "5"]),
        ("career_tag", &["career", " Growth ", "ΣΟΦΊΑ"]),
        ("skip_level_every_days", &["91", "30", "5"]),
    ];
    for (key, values) in choices {
        if rng.chance(50) {
            let v = *rng.pick(values);
            w.set(key, v);
        }
    }
    let names = ["Ada", "bea", "Cy", "dee", "Élise"];
    let people_n = 1 + rng.below(4) as usize;
    for name in names.iter().take(people_n) {
        let since = rng.day(d("2025-09-01"), 300);
        let mut stages: Vec<String> = Vec::new();
        for _ in 0..rng.below(3) {
            let s = rng.pick(STAGES).to_string();
            if !stages.iter().any(|t| t.to_lowercase() == s.to_lowercase()) {
                stages.push(s);
            }
        }
        let cadence = rng.chance(30).then(|| *rng.pick(&[1, 3, 5, 10, 14]));
        let tracked = rng.chance(80);
        let p = w.person_with(name, &since.to_string(), |p| {
            p.scope.stages = stages;
            p.cadence_days = cadence;
            p.tracked = tracked;
        });
        let end = if rng.chance(25) {
            let on = rng.day(since, 200);
            w.archive(p, &on.to_string());
            on
        } else {
            since + Days::new(400)
        };
        let span = (end - since).num_days().max(1) as u64;
        random_person_records(rng, &mut w, p, since, span);
    }
    // Skip-level reports of the people above, some with 1:1s from before
    // they had a manager (a PM of the leader's moved under one of them).
    let managers = people::list(
        w.conn(),
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap();
    for name in ["Sam", "tia", "Ugo"].iter().take(rng.below(4) as usize) {
        let manager = rng.pick(&managers).id;
        let since = rng.day(d("2025-09-01"), 300);
        let moved = rng.chance(30);
        let input = if moved {
            pm(name, &since.to_string())
        } else {
            PersonInput::skip_level(*name, since, manager)
        };
        let Ok(report) = w.db.write(|tx| people::insert(tx, &input)) else {
            continue;
        };
        let end = if rng.chance(25) {
            let on = rng.day(since, 200);
            w.archive(report.id, &on.to_string());
            on
        } else {
            since + Days::new(400)
        };
        let span = (end - since).num_days().max(1) as u64;
        random_person_records(rng, &mut w, report.id, since, span);
        if moved {
            let input = PersonInput::skip_level(*name, since, manager);
            let _ = w.db.write(|tx| people::update(tx, report.id, &input));
        }
    }
    for _ in 0..rng.below(4) {
        let m = rng.below(15);
        let period: Period = format!("{}-{:02}", 2026 + m / 12, m % 12 + 1)
            .parse()
            .unwrap();
        let done_on = rng.chance(60).then(|| rng.day(d("2025-12-01"), 300));
        let input = UpdateInput {
            person_id: None,
            kind: UpdateKind::PortfolioDirection,
            period,
            status: if done_on.is_some() {
                UpdateStatus::Done
            } else {
                UpdateStatus::InReview
            },
            done_on,
            link: None,
            objectives: Vec::new(),
        };
        let _ = w.db.write(|tx| updates::insert(tx, &input));
    }
    for i in 0..rng.below(5) {
        let mut stages: Vec<String> = Vec::new();
        for _ in 0..rng.below(3) {
            let s = rng.pick(STAGES).to_string();
            if !stages.iter().any(|t| t.to_lowercase() == s.to_lowercase()) {
                stages.push(s);
            }
        }
        let input = WalkthroughInput {
            date: rng.day(d("2025-11-01"), 300),
            title: format!("W{i}"),
            stages,
            categories: vec![],
            findings: String::new(),
            issue_link: None,
        };
        let _ = w.db.write(|tx| walkthroughs::insert(tx, &input));
    }
    let everyone = people::list(
        w.conn(),
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap();
    for _ in 0..rng.below(3) {
        let opened = rng.day(d("2025-11-01"), 300);
        let input = RequisitionInput {
            title: "PM".into(),
            level: Level::Ic,
            opened_on: opened,
        };
        let r =
            w.db.write(|tx| hiring::insert_requisition(tx, &input))
                .unwrap()
                .id;
        let closed = rng.chance(30).then(|| rng.day(opened, 60));
        for i in 0..rng.below(3) {
            let member = if rng.chance(50) {
                Participant::Person(rng.pick(&everyone).id)
            } else {
                Participant::Name(format!("Guest {i}"))
            };
            let input = LoopMemberInput {
                requisition_id: r,
                member,
                role: String::new(),
                works_with_hire: rng.chance(40),
            };
            let _ = w.db.write(|tx| hiring::insert_loop_member(tx, &input));
        }
        for i in 0..rng.below(4) {
            let input = InterviewInput {
                requisition_id: r,
                date: rng.day(opened, 60),
                candidate: format!("C{i}"),
                interviewers: vec![],
            };
            let _ = w.db.write(|tx| hiring::insert_interview(tx, &input));
        }
        if let Some(on) = closed {
            let status = *rng.pick(&[RequisitionStatus::Filled, RequisitionStatus::Cancelled]);
            let _ =
                w.db.write(|tx| hiring::close_requisition(tx, r, status, on));
        }
    }
    w
}

fn random_person_records(rng: &mut Rng, w: &mut W, p: PersonId, since: NaiveDate, span: u64) {
    for _ in 0..rng.below(6) {
        let status = *rng.pick(&[
            OneOnOneStatus::Held,
            OneOnOneStatus::Held,
            OneOnOneStatus::Skipped,
            OneOnOneStatus::Cancelled,
        ]);
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..rng.below(3) {
            let t = rng
                .pick(&["career", " Career ", "CAREER", "careers", "growth", "σοφία"])
                .to_string();
            if !tags.iter().any(|u| lower(u) == lower(&t)) {
                tags.push(t);
            }
        }
        let input = OneOnOneInput {
            person_id: p,
            date: rng.day(since, span),
            status,
            notes: String::new(),
            tags,
        };
        let _ = w.db.write(|tx| one_on_ones::insert(tx, &input));
    }
    for _ in 0..rng.below(3) {
        let input = CdfReviewInput::new(p, rng.day(since, span), &["Strategy"]);
        let _ = w.db.write(|tx| cdf::insert(tx, &input));
    }
    for _ in 0..rng.below(6) {
        let opened = rng.day(since, span);
        let timing = match rng.below(3) {
            0 => None,
            1 => Some(Timing::Date(rng.day(opened, 60))),
            _ => Some(Timing::Release(
                ReleaseVersion::new(18 + rng.below(3) as u32, rng.below(12) as u32).unwrap(),
            )),
        };
        let input = AgendaItemInput {
            person_id: p,
            text: "item".into(),
            open_tag: *rng.pick(OpenTag::ALL),
            timing,
            raised_by: *rng.pick(&[RaisedBy::Person, RaisedBy::Leader]),
            opened_on: opened,
            opened_in: None,
        };
        if let Ok(item) = w.db.write(|tx| agenda::insert(tx, &input)) {
            if item.timing.is_some() && rng.chance(3) {
                // A version past the calendar: never due (see the table case).
                w.sql(&format!(
                    "UPDATE agenda_item SET timing_date = NULL, timing_release = '999.11' \
                     WHERE id = {}",
                    item.id
                ));
            }
            if rng.chance(40) {
                let on = rng.day(opened, 60);
                let _ =
                    w.db.write(|tx| agenda::close(tx, item.id, CloseTag::Done, on, None));
            }
        }
    }
    for _ in 0..rng.below(5) {
        let kind = *rng.pick(&[
            UpdateKind::NextRelease,
            UpdateKind::ThreeMonthVision,
            UpdateKind::Okrs,
        ]);
        let period: Period = if kind == UpdateKind::Okrs {
            rng.pick(&[
                "FY26-Q1", "FY26-Q2", "FY26-Q3", "FY26-Q4", "FY27-Q1", "FY27-Q2", "FY27-Q3",
                "FY27-Q4", "FY28-Q1",
            ])
            .parse()
            .unwrap()
        } else {
            let m = rng.below(18);
            format!("{}-{:02}", 2025 + (9 + m) / 12, (9 + m) % 12 + 1)
                .parse()
                .unwrap()
        };
        let status = *rng.pick(&[
            UpdateStatus::Done,
            UpdateStatus::Done,
            UpdateStatus::InReview,
            UpdateStatus::NotStarted,
        ]);
        let done_on = (status == UpdateStatus::Done).then(|| rng.day(since, 300));
        let input = UpdateInput {
            person_id: Some(p),
            kind,
            period,
            status,
            done_on,
            link: None,
            objectives: Vec::new(),
        };
        let _ = w.db.write(|tx| updates::insert(tx, &input));
    }
    for _ in 0..rng.below(3) {
        let link_since = rng.day(since, span);
        let input = CustomerLinkInput {
            person_id: p,
            team: rng.pick(&["Support", "Sales", "Security"]).to_string(),
            category: "Cat".into(),
            since: link_since,
        };
        let Ok(link) = w.db.write(|tx| customers::insert_link(tx, &input)) else {
            continue;
        };
        for _ in 0..rng.below(5) {
            let input = CheckInInput {
                link_id: link.id,
                date: rng.day(link_since, 150),
                epic_updated: rng.chance(50),
                notes: String::new(),
            };
            let _ = w.db.write(|tx| customers::insert_check_in(tx, &input));
        }
        if rng.chance(30) {
            let on = rng.day(link_since, 150);
            let _ = w.db.write(|tx| customers::archive_link(tx, link.id, on));
        }
    }
    for _ in 0..rng.below(4) {
        let noted = rng.day(since, span);
        let input = WinInput {
            person_id: p,
            noted_on: noted,
            text: "win".into(),
        };
        if let Ok(win) = w.db.write(|tx| wins::insert(tx, &input)) {
            if rng.chance(50) {
                let on = rng.day(noted, 20);
                let _ = w.db.write(|tx| wins::share(tx, win.id, on, None));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The oracle: the catalogue read naively, with its own calendar arithmetic.
// ---------------------------------------------------------------------------

/// What the spec says one item is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    key: String,
    rule: u8,
    person: Option<String>,
    /// Only for actions (rule 3).
    owner: Option<RaisedBy>,
    period: Option<String>,
    due: NaiveDate,
    overdue_days: i64,
}

impl Item {
    fn of(n: &Nudge) -> Item {
        Item {
            key: n.key.clone(),
            rule: n.rule as u8,
            person: n.person.clone(),
            owner: if n.rule == Rule::Action {
                n.owner
            } else {
                None
            },
            period: n.period.clone(),
            due: n.due,
            overdue_days: n.overdue_days,
        }
    }
}

fn ymd(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `(year, month)` plus `n` months.
fn add_months((y, m): (i32, u32), n: i64) -> (i32, u32) {
    let i = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

fn last_day((y, m): (i32, u32)) -> NaiveDate {
    let (ny, nm) = add_months((y, m), 1);
    ymd(ny, nm, 1).pred_opt().unwrap()
}

/// `release_day(M)` from the setting's text: the third Thursday, or the fixed day.
fn release_day_of((y, m): (i32, u32), setting: &str) -> NaiveDate {
    if setting == "third-thursday" {
        let thursdays: Vec<u32> = (1..=21)
            .filter(|day| ymd(y, m, *day).weekday() == Weekday::Thu)
            .collect();
        ymd(y, m, thursdays[2])
    } else {
        ymd(y, m, setting.parse().unwrap())
    }
}

/// A timing's date: the date itself, or the release day of the version's
/// month; `None` past any date a calendar can hold (never due).
fn timing_date_of(timing: &str, anchor: &str, release_day: &str) -> Option<NaiveDate> {
    if timing.contains('-') {
        return Some(d(timing));
    }
    let version = |v: &str| -> (i64, i64) {
        let (x, y) = v.split_once('.').unwrap();
        (x.parse().unwrap(), y.parse().unwrap())
    };
    let (a, month) = anchor.split_once('=').unwrap();
    let (ax, ay) = version(a);
    let (x, y) = version(timing);
    let (my, mm) = month.split_once('-').unwrap();
    let (my, mm): (i64, i64) = (my.parse().unwrap(), mm.parse().unwrap());
    let shipped_year = (my * 12 + mm - 1 + 12 * (x - ax) + (y - ay)).div_euclid(12);
    if shipped_year.abs() > 200_000 {
        return None;
    }
    let shipped = add_months((my as i32, mm as u32), 12 * (x - ax) + (y - ay));
    Some(release_day_of(shipped, release_day))
}

fn business_days_after(mut day: NaiveDate, n: u32) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap();
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// For month M and a fiscal year starting in month `start`: whether M opens a
/// quarter, and that quarter's name.
fn quarter_opened_by((y, m): (i32, u32), start: u32) -> Option<String> {
    let into = (i64::from(m) - i64::from(start)).rem_euclid(12);
    if into % 3 != 0 {
        return None;
    }
    let year_start = add_months((y, m), -into);
    let (end_year, _) = add_months(year_start, 11);
    Some(format!("FY{:02}-Q{}", end_year - 2000, into / 3 + 1))
}

fn months_from_to(from: (i32, u32), to: (i32, u32)) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let mut m = from;
    while m <= to {
        out.push(m);
        m = add_months(m, 1);
    }
    out
}

fn month_of(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month())
}

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The overdue and due-soon items on `as_of`, in the spec's order, computed
/// from the store's plain listings.
fn oracle(conn: &Connection, as_of: NaiveDate) -> Vec<Item> {
    let s = settings::load(conn).unwrap();
    let ts = s.tracking_since;
    let soon = as_of + Days::new(3);
    let release_day = s.release_day.to_string();
    let anchor = s.release_anchor.to_string();
    let rd = |m: (i32, u32)| release_day_of(m, &release_day);
    let floor = |due: NaiveDate| due.max(ts);
    let plus = |day: NaiveDate, n: u32| day + Days::new(u64::from(n));
    let active = |since: NaiveDate, archived: Option<NaiveDate>| {
        since <= as_of && archived.is_none_or(|a| a > as_of)
    };
    let open = |opened: NaiveDate, closed: Option<NaiveDate>| {
        opened <= as_of && closed.is_none_or(|c| c > as_of)
    };

    let mut out: Vec<Item> = Vec::new();
    let mut push = |key: String,
                    rule: u8,
                    person: Option<&Person>,
                    owner: Option<RaisedBy>,
                    period: Option<String>,
                    due: NaiveDate| {
        assert_eq!(due, floor(due), "callers floor the due");
        if due <= soon {
            out.push(Item {
                key,
                rule,
                person: person.map(|p| p.name.clone()),
                owner,
                period,
                due,
                overdue_days: (as_of - due).num_days(),
            });
        }
    };

    let everyone = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap();
    let followed: Vec<&Person> = everyone
        .iter()
        .filter(|p| p.tracked && active(p.since, p.archived_on))
        .collect();
    let find = |id: PersonId| followed.iter().copied().find(|p| p.id == id);
    let base = |p: &Person| p.since.max(ts);

    // 1. one_on_one
    for &p in &followed {
        let held = one_on_ones::list(
            conn,
            one_on_ones::Filter {
                person: Some(p.id),
                from: None,
                to: Some(as_of),
            },
        )
        .unwrap();
        let last = held
            .iter()
            .filter(|o| o.status == OneOnOneStatus::Held)
            .map(|o| o.date)
            .max();
        let from = last.map_or(base(p), |l| l.max(base(p)));
        let due = floor(plus(
            from,
            p.cadence_days.unwrap_or(s.one_on_one_every_days),
        ));
        push(
            format!("one_on_one:{}:{due}", p.id),
            1,
            Some(p),
            None,
            None,
            due,
        );
    }

    // 2. request, 3. action
    for item in agenda::list(conn, agenda::Filter::default()).unwrap() {
        let Some(p) = find(item.person_id) else {
            continue;
        };
        if !open(item.opened_on, item.closed_on) {
            continue;
        }
        let timing = match item.timing {
            None => None,
            Some(t) => match timing_date_of(&t.to_string(), &anchor, &release_day) {
                Some(day) => Some(day),
                None => continue, // ships past the calendar: never due
            },
        };
        if item.open_tag == OpenTag::Help && item.raised_by == RaisedBy::Person {
            let due = timing.unwrap_or_else(|| {
                business_days_after(item.opened_on, s.request_reply_business_days)
            });
            push(
                format!("request:{}", item.id),
                2,
                Some(p),
                None,
                None,
                floor(due),
            );
        } else if let (OpenTag::Todo | OpenTag::Doto, Some(due)) = (item.open_tag, timing) {
            let owner = if item.open_tag == OpenTag::Todo {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            push(
                format!("action:{}", item.id),
                3,
                Some(p),
                Some(owner),
                None,
                floor(due),
            );
        }
    }

    // 4. update
    let all_updates = updates::list(conn, updates::Filter::default()).unwrap();
    let done = |person: Option<PersonId>, kind: UpdateKind, period: &str| {
        all_updates.iter().any(|u| {
            u.person_id == person
                && u.kind == kind
                && u.period.to_string() == period
                && u.status == UpdateStatus::Done
                && u.done_on.is_some_and(|d| d <= as_of)
        })
    };
    for &p in &followed {
        for m in months_from_to(month_of(base(p)), month_of(soon)) {
            let due = rd(m);
            if !(base(p) <= due && due <= soon) {
                continue;
            }
            let month = format!("{}-{:02}", m.0, m.1);
            for kind in [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision] {
                if !done(Some(p.id), kind, &month) {
                    push(
                        format!("update:{}:{}:{month}", p.id, kind.as_str()),
                        4,
                        Some(p),
                        None,
                        Some(month.clone()),
                        floor(due),
                    );
                }
            }
            if let Some(q) = quarter_opened_by(m, s.fiscal_year_start_month) {
                if !done(Some(p.id), UpdateKind::Okrs, &q) {
                    push(
                        format!("update:{}:okrs:{q}", p.id),
                        4,
                        Some(p),
                        None,
                        Some(q),
                        floor(due),
                    );
                }
            }
        }
    }
    for m in months_from_to(month_of(ts), month_of(soon)) {
        let due = rd(m);
        let month = format!("{}-{:02}", m.0, m.1);
        if ts <= due && due <= soon && !done(None, UpdateKind::PortfolioDirection, &month) {
            push(
                format!("update:leader:portfolio_direction:{month}"),
                4,
                None,
                None,
                Some(month),
                floor(due),
            );
        }
    }

    // 5. customer_check_in, 6. customer_epic
    let links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: None,
            include_archived: true,
        },
    )
    .unwrap();
    for link in &links {
        let Some(p) = find(link.person_id) else {
            continue;
        };
        if !active(link.since, link.archived_on) {
            continue;
        }
        let start = link.since.max(p.since).max(ts);
        let check_ins: Vec<CheckIn> = customers::list_check_ins(conn, Some(link.id), None)
            .unwrap()
            .into_iter()
            .filter(|c| c.date <= as_of)
            .collect();
        let last = check_ins.iter().map(|c| c.date).max();
        let last_epic = check_ins
            .iter()
            .filter(|c| c.epic_updated)
            .map(|c| c.date)
            .max();
        for (rule, name, last) in [
            (5, "customer_check_in", last),
            (6, "customer_epic", last_epic),
        ] {
            let due = floor(plus(
                last.map_or(start, |l| l.max(start)),
                s.internal_customer_every_days,
            ));
            push(
                format!("{name}:{}:{due}", link.id),
                rule,
                Some(p),
                None,
                None,
                due,
            );
        }
    }

    // 7. walkthrough
    let walks: Vec<Walkthrough> = walkthroughs::list(conn, None, Some(as_of)).unwrap();
    let first = if ts.day() == 1 {
        month_of(ts)
    } else {
        add_months(month_of(ts), 1)
    };
    for m in months_from_to(first, month_of(soon)) {
        if !walks.iter().any(|w| month_of(w.date) == m) {
            let month = format!("{}-{:02}", m.0, m.1);
            push(
                format!("walkthrough:{month}"),
                7,
                None,
                None,
                Some(month),
                floor(last_day(m)),
            );
        }
    }

    // 8. stage_walkthrough
    let mut stages: Vec<(String, NaiveDate)> = Vec::new();
    for &p in &followed {
        for stage in &p.scope.stages {
            let key = lower(stage);
            match stages.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = entry.1.min(base(p)),
                None => stages.push((key, base(p))),
            }
        }
    }
    for (stage, start) in &stages {
        let last = walks
            .iter()
            .filter(|w| w.stages.iter().any(|s| lower(s) == *stage))
            .map(|w| w.date)
            .max();
        let due = floor(plus(
            last.map_or(*start, |l| l.max(*start)),
            s.stage_walkthrough_every_days,
        ));
        push(
            format!("stage_walkthrough:{stage}:{due}"),
            8,
            None,
            None,
            None,
            due,
        );
    }

    // 9. hiring_peer, 10. requisition_stale
    for r in hiring::list_requisitions(conn, true).unwrap() {
        if !open(r.opened_on, r.closed_on) {
            continue;
        }
        if !hiring::list_loop(conn, r.id)
            .unwrap()
            .iter()
            .any(|m| m.works_with_hire)
        {
            push(
                format!("hiring_peer:{}", r.id),
                9,
                None,
                None,
                None,
                floor(plus(r.opened_on, s.hiring_peer_grace_days)),
            );
        }
        let last = hiring::list_interviews(conn, Some(r.id))
            .unwrap()
            .iter()
            .map(|i| i.date)
            .filter(|day| *day <= as_of)
            .max();
        let due = floor(plus(
            last.map_or(r.opened_on, |l| l.max(r.opened_on)),
            s.requisition_stale_days,
        ));
        push(
            format!("requisition_stale:{}:{due}", r.id),
            10,
            None,
            None,
            None,
            due,
        );
    }

    // 11. win_unshared
    for win in wins::list(conn, wins::Filter::default()).unwrap() {
        let Some(p) = find(win.person_id) else {
            continue;
        };
        if open(win.noted_on, win.shared_on) {
            push(
                format!("win_unshared:{}", win.id),
                11,
                Some(p),
                None,
                None,
                floor(plus(win.noted_on, s.win_share_days)),
            );
        }
    }

    // 12. cdf_review, 13. career_conversation
    let career_tag = lower(&s.career_tag);
    for &p in &followed {
        let last = cdf::list(conn, Some(p.id))
            .unwrap()
            .iter()
            .map(|c| c.date)
            .filter(|day| *day <= as_of)
            .max();
        let due = floor(plus(
            last.map_or(base(p), |l| l.max(base(p))),
            s.cdf_review_every_days,
        ));
        push(
            format!("cdf_review:{}:{due}", p.id),
            12,
            Some(p),
            None,
            None,
            due,
        );
        let last = one_on_ones::list(
            conn,
            one_on_ones::Filter {
                person: Some(p.id),
                from: None,
                to: Some(as_of),
            },
        )
        .unwrap()
        .iter()
        .filter(|o| o.status == OneOnOneStatus::Held)
        .filter(|o| o.tags.iter().any(|t| lower(t) == career_tag))
        .map(|o| o.date)
        .max();
        let due = floor(plus(
            last.map_or(base(p), |l| l.max(base(p))),
            s.career_conversation_every_days,
        ));
        push(
            format!("career_conversation:{}:{due}", p.id),
            13,
            Some(p),
            None,
            None,
            due,
        );
    }

    // 14. skip_level
    for report in &everyone {
        let Some(manager) = report
            .reports_to
            .and_then(|m| everyone.iter().find(|p| p.id == m))
        else {
            continue;
        };
        if !(active(report.since, report.archived_on) && active(manager.since, manager.archived_on))
        {
            continue;
        }
        let last = one_on_ones::list(
            conn,
            one_on_ones::Filter {
                person: Some(report.id),
                from: None,
                to: Some(as_of),
            },
        )
        .unwrap()
        .iter()
        .filter(|o| o.status == OneOnOneStatus::Held)
        .map(|o| o.date)
        .max();
        let due = floor(plus(
            last.map_or(base(report), |l| l.max(base(report))),
            s.skip_level_every_days,
        ));
        push(
            format!("skip_level:{}:{due}", report.id),
            14,
            Some(report),
            None,
            None,
            due,
        );
    }

    out.sort_by_key(|i| {
        (
            Reverse(i.overdue_days),
            i.rule,
            i.person.as_ref().map(|n| n.to_lowercase()),
            i.key.clone(),
        )
    });
    out
}

// ---------------------------------------------------------------------------
// Logging the activity a nudge asks for.
// ---------------------------------------------------------------------------

fn id_in(key: &str, at: usize) -> i64 {
    key.split(':').nth(at).unwrap().parse().unwrap()
}

/// Logs, on `as_of` (or, for a month's walkthrough, in that month), the
/// activity `n` asks for.
fn act_on(tx: &Tx<'_>, n: &Nudge, as_of: NaiveDate) {
    let key = n.key.as_str();
    match n.rule {
        Rule::OneOnOne | Rule::SkipLevel => hold(tx, PersonId(id_in(key, 1)), as_of, None),
        Rule::CareerConversation => {
            let tag = settings::load(tx).unwrap().career_tag;
            hold(
                tx,
                PersonId(id_in(key, 1)),
                as_of,
                Some(&tag.to_uppercase()),
            );
        }
        Rule::CdfReview => {
            let input = CdfReviewInput::new(PersonId(id_in(key, 1)), as_of, &["Strategy"]);
            cdf::insert(tx, &input).unwrap();
        }
        Rule::Request | Rule::Action => {
            let item = AgendaItemId(id_in(key, 1));
            if !agenda::get(tx, item).unwrap().is_open() {
                agenda::reopen(tx, item).unwrap(); // closed after as_of: close it on as_of instead
            }
            agenda::close(tx, item, CloseTag::Done, as_of, None).unwrap();
        }
        Rule::Update => {
            let parts: Vec<&str> = key.splitn(4, ':').collect();
            let person = (parts[1] != "leader").then(|| PersonId(parts[1].parse().unwrap()));
            let kind: UpdateKind = parts[2].parse().unwrap();
            let period: Period = parts[3].parse().unwrap();
            let input = UpdateInput {
                person_id: person,
                kind,
                period,
                status: UpdateStatus::Done,
                done_on: Some(as_of),
                link: None,
                objectives: Vec::new(),
            };
            let existing = updates::list(
                tx,
                updates::Filter {
                    person: Some(person),
                    kind: Some(kind),
                    period: Some(period),
                },
            )
            .unwrap();
            match existing.first() {
                Some(u) => updates::update(tx, u.id, &input),
                None => updates::insert(tx, &input),
            }
            .unwrap();
        }
        Rule::CustomerCheckIn | Rule::CustomerEpic => {
            let input = CheckInInput {
                link_id: LinkId(id_in(key, 1)),
                date: as_of,
                epic_updated: n.rule == Rule::CustomerEpic,
                notes: String::new(),
            };
            customers::insert_check_in(tx, &input).unwrap();
        }
        Rule::Walkthrough => {
            let month: coachlog_core::calendar::Month =
                key["walkthrough:".len()..].parse().unwrap();
            let input = WalkthroughInput {
                date: month.last_day().min(as_of),
                title: "Resolving walkthrough".into(),
                stages: vec![],
                categories: vec![],
                findings: String::new(),
                issue_link: None,
            };
            walkthroughs::insert(tx, &input).unwrap();
        }
        Rule::StageWalkthrough => {
            let rest = &key["stage_walkthrough:".len()..];
            let (stage, _due) = rest.rsplit_once(':').unwrap();
            let input = WalkthroughInput {
                date: as_of,
                title: "Resolving stage walkthrough".into(),
                stages: vec![stage.to_uppercase()],
                categories: vec![],
                findings: String::new(),
                issue_link: None,
            };
            walkthroughs::insert(tx, &input).unwrap();
        }
        Rule::HiringPeer => {
            let r = RequisitionId(id_in(key, 1));
            let in_loop = hiring::list_loop(tx, r).unwrap();
            let team = people::list(
                tx,
                people::Filter {
                    include_archived: false,
                },
            )
            .unwrap();
            let member = team
                .iter()
                .map(|p| Participant::Person(p.id))
                .find(|m| !in_loop.iter().any(|l| l.member == *m))
                .unwrap_or_else(|| Participant::Name("Resolving peer".into()));
            let input = LoopMemberInput {
                requisition_id: r,
                member,
                role: "peer".into(),
                works_with_hire: true,
            };
            hiring::insert_loop_member(tx, &input).unwrap();
        }
        Rule::RequisitionStale => {
            let input = InterviewInput {
                requisition_id: RequisitionId(id_in(key, 1)),
                date: as_of,
                candidate: "Resolving candidate".into(),
                interviewers: vec![],
            };
            hiring::insert_interview(tx, &input).unwrap();
        }
        Rule::WinUnshared => {
            let win = WinId(id_in(key, 1));
            if wins::get(tx, win).unwrap().shared_on.is_some() {
                wins::unshare(tx, win).unwrap(); // shared after as_of: share it on as_of instead
            }
            wins::share(tx, win, as_of, Some("staff meeting")).unwrap();
        }
    }
}

/// Holds a 1:1 with `person` on `as_of` (the one of that day, if any, becomes
/// held), with `tag` added to its coaching tags.
fn hold(tx: &Tx<'_>, person: PersonId, as_of: NaiveDate, tag: Option<&str>) {
    let same_day = one_on_ones::list(
        tx,
        one_on_ones::Filter {
            person: Some(person),
            from: Some(as_of),
            to: Some(as_of),
        },
    )
    .unwrap();
    let mut tags = same_day.first().map(|o| o.tags.clone()).unwrap_or_default();
    if let Some(tag) = tag {
        if !tags.iter().any(|t| lower(t) == lower(tag)) {
            tags.push(tag.to_string());
        }
    }
    let input = OneOnOneInput {
        person_id: person,
        date: as_of,
        status: OneOnOneStatus::Held,
        notes: String::new(),
        tags,
    };
    match same_day.first() {
        Some(o) => one_on_ones::update(tx, o.id, &input).map(drop),
        None => one_on_ones::insert(tx, &input).map(drop),
    }
    .unwrap();
}

/// The part of a key that names the thing, without a due date: a recurring
/// lapse of the same thing gets a new key, but must not be overdue right
/// after its activity was logged.
fn thing(n: &Nudge) -> &str {
    match n.rule {
        Rule::OneOnOne
        | Rule::CustomerCheckIn
        | Rule::CustomerEpic
        | Rule::StageWalkthrough
        | Rule::RequisitionStale
        | Rule::CdfReview
        | Rule::CareerConversation
        | Rule::SkipLevel => &n.key[..=n.key.rfind(':').unwrap()],
        _ => &n.key,
    }
}

const WORLDS: u64 = 60;
const DAYS_PER_WORLD: usize = 3;

#[test]
fn review_equals_the_spec_read_naively_on_random_databases() {
    let mut rng = Rng::new(0xC0AC_4106);
    let mut compared = 0;
    let mut rules_seen = [0usize; 15];
    for world in 0..WORLDS {
        let w = random_world(&mut rng);
        let settings = settings::load(w.conn()).unwrap();
        for _ in 0..DAYS_PER_WORLD {
            let as_of = rng.day(d("2025-11-01"), 520);
            let records = Records::load(w.conn(), as_of).unwrap();
            let got: Vec<Item> = nudges::review(&records, &settings, as_of)
                .iter()
                .map(Item::of)
                .collect();
            let want = oracle(w.conn(), as_of);
            assert_eq!(
                got, want,
                "world {world}, as of {as_of}, settings {settings:?}"
            );
            for i in &got {
                rules_seen[i.rule as usize] += 1;
            }
            compared += got.len();
        }
    }
    assert!(compared > 500, "only {compared} items compared");
    for (rule, seen) in rules_seen.iter().enumerate().skip(1) {
        assert!(*seen > 5, "rule {rule} seen only {seen} times");
    }
}

#[test]
fn logging_the_activity_a_nudge_asks_for_removes_it() {
    let mut rng = Rng::new(0x5EED_0004);
    let mut resolved = [0usize; 15];
    for world in 0..WORLDS {
        let mut w = random_world(&mut rng);
        for _ in 0..DAYS_PER_WORLD {
            let as_of = rng.day(d("2025-12-01"), 450);
            let before = review(w.conn(), as_of);
            for n in before.iter().filter(|n| n.is_overdue()) {
                // Act and review in one write, then roll it back (an error
                // out of the write does).
                let mut after = Vec::new();
                let rolled_back = w.db.write(|tx| {
                    act_on(tx, n, as_of);
                    after = review(tx, as_of);
                    Err::<(), _>(coachlog_core::Error::Internal("roll back".into()))
                });
                assert!(rolled_back.is_err());
                assert!(
                    !after.iter().any(|m| m.key == n.key),
                    "world {world}, as of {as_of}: {} still there after its activity",
                    n.key
                );
                let same: Vec<&Nudge> = after
                    .iter()
                    .filter(|m| m.rule == n.rule && m.key.starts_with(thing(n)) && m.is_overdue())
                    .collect();
                assert!(
                    same.is_empty(),
                    "world {world}, as of {as_of}: after acting on {}, still overdue: {same:?}",
                    n.key
                );
                resolved[n.rule as usize] += 1;
            }
        }
    }
    for (rule, count) in resolved.iter().enumerate().skip(1) {
        assert!(*count > 3, "rule {rule} resolved only {count} times");
    }
}
