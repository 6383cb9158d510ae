//! The brief before a 1:1 (`coachlog_core::brief`): what each section
//! holds on a day, at its edges, and its Markdown as GitLab reads it.

use chrono::NaiveDate;
use coachlog_core::brief::{self, Brief, SECTIONS};
use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::model::*;
use coachlog_core::nudges::{self, Rule};
use coachlog_core::store::{cdf, people, updates};
use coachlog_core::ErrorKind;

use crate::support::{d, gfm, World, TODAY};

use CloseTag::Done;
use OpenTag::*;
use RaisedBy::{Leader, Person as Them};

/// The day of the briefs below: a Wednesday, the day before May 2026's
/// release (the third Thursday, 2026-05-21, release 19.0).
const AS_OF: &str = "2026-05-20";

struct Ada {
    w: World,
    ada: PersonId,
    /// The open items, by name.
    old_discuss: AgendaItemId,
    leader_discuss: AgendaItemId,
    todo_19: AgendaItemId,
    raised_in_last: AgendaItemId,
    doto: AgendaItemId,
    help: AgendaItemId,
    hostile: AgendaItemId,
}

/// Ada, a PM since before tracking began (2026-01-05), with something in
/// every section of her brief on [`AS_OF`], and records after it that must
/// not show; Ben, whose records must not show in Ada's brief.
fn ada() -> Ada {
    let mut w = World::created("2026-01-05");
    let ada = w.person("Ada Lovelace", "2025-06-01", |p| {
        p.title = "Senior PM, Plan".into()
    });
    let ben = w.person("Ben", "2025-06-01", |_| {});

    w.held(ada, "2026-04-08");
    w.one_on_one(ada, "2026-04-22", OneOnOneStatus::Held, &[" Career "], "");
    w.held(ada, "2026-05-06");
    w.one_on_one(ada, "2026-05-13", OneOnOneStatus::Skipped, &[], "");
    w.held(ada, "2026-05-27"); // after the day
    w.held(ben, "2026-05-19");

    // Closed after the day: still open on it, and the oldest.
    let old_discuss = w.item(ada, Discuss, Them, "2026-03-01", None, "Pricing tiers");
    w.close(old_discuss, Done, "2026-05-25");
    let leader_discuss = w.item(ada, Discuss, Leader, "2026-04-01", None, "Team offsite");
    let todo_19 = w.item(
        ada,
        Todo,
        Them,
        "2026-04-20",
        Some("19.0"),
        "Ship the survey",
    );
    let raised_in_last = w.item(ada, Think, Leader, "2026-05-06", None, "Career path");
    let doto = w.item(
        ada,
        Doto,
        Leader,
        "2026-05-10",
        Some("2026-05-30"),
        "Intro to sales",
    );
    // Opened on a Friday: due two business days later, on Tuesday 19th.
    let help = w.item(ada, Help, Them, "2026-05-15", None, "Advice on the roadmap");
    let hostile = w.item(
        ada,
        Review,
        Them,
        "2026-05-16",
        None,
        "a|b <script>x</script> *c*",
    );
    // Closed on or before the day, or opened after it: not on the agenda.
    let closed = w.item(ada, Review, Them, "2026-04-10", None, "Closed review");
    w.close(closed, Done, "2026-05-06");
    w.item(ada, Think, Them, "2026-05-21", None, "Opened tomorrow");
    w.item(
        ben,
        Doto,
        Leader,
        "2026-05-01",
        Some("2026-05-02"),
        "Ben's item",
    );

    // Wins: before and on the day of the last held 1:1 (not listed), after
    // it (one shared by the day, one shared after it), after the day.
    w.win(ada, "2026-05-01", "Old win");
    w.win(ada, "2026-05-06", "Win of the 1:1 day");
    let shared = w.win(ada, "2026-05-10", "Closed the Acme deal");
    w.share(shared, "2026-05-12", Some("Staff meeting"));
    let later = w.win(ada, "2026-05-15", "Launched pricing");
    w.share(later, "2026-05-22", None);
    w.win(ada, "2026-05-21", "Tomorrow's win");
    w.win(ben, "2026-05-10", "Ben's win");

    let cdf_input = CdfReviewInput {
        link: Some("https://gitlab.example.com/cdf/1".into()),
        ..CdfReviewInput::new(
            ada,
            d("2026-03-01"),
            &["Write shorter updates", "Own the | narrative"],
        )
    };
    w.write(|tx| cdf::insert(tx, &cdf_input));
    let future = CdfReviewInput::new(ada, d("2026-05-25"), &["Future focus"]);
    w.write(|tx| cdf::insert(tx, &future));

    w.update(
        Some(ada),
        UpdateKind::NextRelease,
        "2026-05",
        UpdateStatus::Done,
        Some("2026-05-18"),
        Some("https://gitlab.example.com/mr/9"),
    );
    w.update(
        Some(ada),
        UpdateKind::ThreeMonthVision,
        "2026-05",
        UpdateStatus::InReview,
        None,
        None,
    );
    let okrs = UpdateInput {
        objectives: vec![Objective {
            text: "Grow adoption".into(),
            key_results: vec![
                KeyResult {
                    text: "10 new customers".into(),
                    score: Some(Score::new(0.7).unwrap()),
                },
                KeyResult {
                    text: "NPS 40".into(),
                    score: None,
                },
            ],
        }],
        ..UpdateInput::new(Some(ada), UpdateKind::Okrs, "FY27-Q2".parse().unwrap())
    };
    w.write(|tx| updates::insert(tx, &okrs));

    let support = w.link(ada, "Support", "Epics", "2026-02-01");
    w.check_in(support, "2026-04-10", true, "");
    w.check_in(support, "2026-05-12", false, "");
    w.check_in(support, "2026-05-25", true, "");
    let gone = w.link(ada, "Sales", "Billing", "2026-02-01");
    w.archive_link(gone, "2026-05-01");

    Ada {
        w,
        ada,
        old_discuss,
        leader_discuss,
        todo_19,
        raised_in_last,
        doto,
        help,
        hostile,
    }
}

fn brief_of(w: &World, p: PersonId, as_of: &str) -> Brief {
    brief::build(w.conn(), p, d(as_of)).unwrap()
}

#[test]
fn the_open_agenda_is_carried_over_items_first_then_oldest_first() {
    let a = ada();
    let b = brief_of(&a.w, a.ada, AS_OF);
    assert_eq!(b.last_held, Some(d("2026-05-06")));
    let rows: Vec<(AgendaItemId, bool, i64, Option<NaiveDate>)> = b
        .agenda
        .iter()
        .map(|i| (i.item.id, i.carried_over, i.days_open, i.due))
        .collect();
    assert_eq!(
        rows,
        [
            (a.old_discuss, true, 80, None),
            (a.leader_discuss, true, 49, None),
            // 19.0's release day.
            (a.todo_19, true, 30, Some(d("2026-05-21"))),
            // Raised in the last 1:1: carried into the next.
            (a.raised_in_last, true, 14, None),
            (a.doto, false, 10, Some(d("2026-05-30"))),
            (a.help, false, 5, Some(d("2026-05-19"))),
            (a.hostile, false, 4, None),
        ]
    );
    // Closed after the day: open on it, with no closing tag shown as closed.
    assert_eq!(b.agenda[0].item.id, a.old_discuss);
    assert_eq!(b.agenda[2].owner, Them);
    assert_eq!(b.agenda[4].owner, Leader);
}

#[test]
fn what_the_leader_owes_is_dotos_and_their_requests_by_due_date() {
    let a = ada();
    let b = brief_of(&a.w, a.ada, AS_OF);
    let owed: Vec<(AgendaItemId, Option<NaiveDate>)> =
        b.owed.iter().map(|i| (i.item.id, i.due)).collect();
    assert_eq!(
        owed,
        [
            (a.help, Some(d("2026-05-19"))),
            (a.doto, Some(d("2026-05-30")))
        ]
    );
}

#[test]
fn wins_since_the_last_held_one_on_one_with_whether_shared_by_the_day() {
    let a = ada();
    let b = brief_of(&a.w, a.ada, AS_OF);
    assert_eq!(b.wins_since, Some(d("2026-05-06")));
    let wins: Vec<(&str, Option<NaiveDate>, Option<&str>)> = b
        .wins
        .iter()
        .map(|w| (w.text.as_str(), w.shared_on, w.shared_where.as_deref()))
        .collect();
    assert_eq!(
        wins,
        [
            (
                "Closed the Acme deal",
                Some(d("2026-05-12")),
                Some("Staff meeting")
            ),
            // Shared after the day: unshared on it.
            ("Launched pricing", None, None),
        ]
    );
}

#[test]
fn the_overdue_section_is_their_part_of_the_list_with_due_soon() {
    let a = ada();
    let b = brief_of(&a.w, a.ada, AS_OF);
    let all = nudges::overdue(a.w.conn(), d(AS_OF), true).unwrap();
    let theirs: Vec<_> = all
        .into_iter()
        .filter(|n| n.person_id == Some(a.ada))
        .collect();
    assert_eq!(b.overdue, theirs);
    let has = |rule: Rule, record: Option<AgendaItemId>| {
        b.overdue
            .iter()
            .any(|n| n.rule == rule && record.is_none_or(|r| n.record_id == Some(r.0)))
    };
    // The 1:1 (due May 13: the skipped one does not count), the request one
    // day late, the TODO due tomorrow (soon), not the DOTO due on the 30th.
    assert!(has(Rule::OneOnOne, None));
    assert!(has(Rule::Request, Some(a.help)));
    assert!(has(Rule::Action, Some(a.todo_19)));
    assert!(!has(Rule::Action, Some(a.doto)));
    assert!(b.overdue.iter().all(|n| n.overdue_days >= -3));
}

#[test]
fn cdf_career_updates_customers_and_the_next_release() {
    let a = ada();
    let b = brief_of(&a.w, a.ada, AS_OF);
    // The review of March 1 (May 25's is after the day): due 90 days later.
    let last = b.cdf.last.as_ref().unwrap();
    assert_eq!(last.date, d("2026-03-01"));
    assert_eq!(last.focus, ["Write shorter updates", "Own the | narrative"]);
    assert_eq!(b.cdf.next_due, d("2026-05-30"));
    // The tag " Career " matches the setting `career`.
    assert_eq!(b.career.last, Some(d("2026-04-22")));
    assert_eq!(b.career.days_since, Some(28));
    assert_eq!(b.career.next_due, d("2026-10-21"));

    let updates: Vec<(UpdateKind, String, NaiveDate, Option<UpdateStatus>, usize)> = b
        .updates
        .iter()
        .map(|u| {
            (
                u.kind,
                u.period.to_string(),
                u.due,
                u.status,
                u.objectives.len(),
            )
        })
        .collect();
    assert_eq!(
        updates,
        [
            (
                UpdateKind::NextRelease,
                "2026-05".into(),
                d("2026-05-21"),
                Some(UpdateStatus::Done),
                0
            ),
            (
                UpdateKind::ThreeMonthVision,
                "2026-05".into(),
                d("2026-05-21"),
                Some(UpdateStatus::InReview),
                0
            ),
            (
                UpdateKind::Okrs,
                "FY27-Q2".into(),
                d("2026-05-21"),
                Some(UpdateStatus::NotStarted),
                1
            ),
        ]
    );
    assert_eq!(b.updates[0].done_on, Some(d("2026-05-18")));

    // The archived link is gone; the check-in of the 25th is after the day.
    assert_eq!(b.customers.len(), 1);
    let c = &b.customers[0];
    assert_eq!((c.team.as_str(), c.category.as_str()), ("Support", "Epics"));
    assert_eq!(c.last_check_in, Some(d("2026-05-12")));
    assert_eq!(c.days_since_check_in, Some(8));
    assert_eq!(c.last_epic_update, Some(d("2026-04-10")));
    assert_eq!(c.next_check_in_due, d("2026-06-11"));

    assert_eq!(b.next_release.date, d("2026-05-21"));
    assert_eq!(b.next_release.version.as_deref(), Some("19.0"));
    assert_eq!(b.next_one_on_one, d("2026-05-13"));
}

#[test]
fn the_brief_reads_the_day_not_the_last_record() {
    // Day by day, the edges of each section.
    let a = ada();
    let cases: [(&str, usize, Option<&str>, usize); 5] = [
        // (day, open items, last held, wins listed)
        ("2026-03-01", 1, None, 0),
        ("2026-04-08", 2, Some("2026-04-08"), 0),
        ("2026-05-06", 4, Some("2026-05-06"), 0),
        ("2026-05-10", 5, Some("2026-05-06"), 1),
        ("2026-05-27", 7, Some("2026-05-27"), 0),
    ];
    for (day, open, held, wins) in cases {
        let b = brief_of(&a.w, a.ada, day);
        assert_eq!(b.agenda.len(), open, "{day}");
        assert_eq!(b.last_held, held.map(d), "{day}");
        assert_eq!(b.wins.len(), wins, "{day}");
        assert!(b.agenda.iter().all(|i| i.item.opened_on <= d(day)));
    }
}

#[test]
fn refusals_are_worded_for_the_leader() {
    let a = ada();
    let err = brief::build(a.w.conn(), PersonId(999), d(AS_OF)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = brief::build(a.w.conn(), a.ada, d("2025-05-31")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(
        err.to_string(),
        "Ada Lovelace has reported to you since 2025-06-01; there is nothing to brief on \
         2025-05-31. Give a day on or after 2025-06-01."
    );
    // Their first day is fine.
    assert!(brief::build(a.w.conn(), a.ada, d("2025-06-01")).is_ok());
}

#[test]
fn a_skip_level_reports_brief_names_their_manager() {
    let mut a = ada();
    let input = PersonInput::skip_level("Sam", d("2026-02-01"), a.ada);
    let sam = a.w.write(|tx| people::insert(tx, &input)).id;
    let b = brief_of(&a.w, sam, AS_OF);
    assert_eq!(b.reports_to.as_deref(), Some("Ada Lovelace"));
    let md = brief::markdown(&b);
    assert!(md.contains("skip-level report of Ada Lovelace"), "{md}");
    // Rules 12 and 13 follow only tracked PMs: no CDF or career due date.
    assert!(
        md.contains("No CDF review yet. Their practices are not followed (not tracked), so nothing is owed."),
        "{md}"
    );
    assert!(
        md.contains("None yet. Their practices are not followed"),
        "{md}"
    );
    assert!(
        !md.contains("The next CDF review is") && !md.contains("the first is"),
        "{md}"
    );
}

// ---------------------------------------------------------------------------
// The Markdown.
// ---------------------------------------------------------------------------

#[test]
fn the_markdown_is_valid_gfm_with_every_section_in_order() {
    let a = ada();
    let md = brief::markdown(&brief_of(&a.w, a.ada, AS_OF));
    let p = gfm::parse(&md);
    assert_eq!(p.sections, SECTIONS, "{md}");
    assert_eq!(p.html, Vec::<String>::new(), "raw HTML in {md}");
    // The agenda table: a header and seven rows of seven cells; the hostile
    // text whole in its one cell.
    let agenda = &p.tables[0];
    assert_eq!(
        agenda[0],
        [
            "Item",
            "Tag",
            "Raised by",
            "Opened",
            "Timing",
            "Due",
            "Carried over"
        ]
    );
    assert_eq!(agenda.len(), 8);
    assert!(agenda.iter().all(|r| r.len() == 7), "{agenda:?}");
    assert_eq!(agenda[1][0], format!("Pricing tiers (#{})", a.old_discuss));
    assert_eq!(
        agenda[7][0],
        format!("a|b <script>x</script> *c* (#{})", a.hostile)
    );
    assert_eq!(agenda[3][4], "19.0");
    assert_eq!(agenda[3][5], "due 2026-05-21 (tomorrow)");
    assert_eq!(agenda[6][5], "due 2026-05-19 (1 day overdue)");
    // Owed (two), wins (one shared, one not), overdue items: task lists.
    assert!(p.tasks.len() >= 5, "{:?}", p.tasks);
    assert!(p.tasks.contains(&true));
    for shown in [
        "Own the | narrative",
        "Grow adoption",
        "10 new customers · score 0.7",
        "NPS 40 · not scored",
        "Release 19.0 ships on 2026-05-21 (tomorrow).",
        "2026-04-22 (28 days ago",
    ] {
        assert!(
            md.contains(&coachlog_core::summary::markdown_escape(shown)) || md.contains(shown),
            "{shown:?} missing from\n{md}"
        );
    }
}

#[test]
fn empty_sections_say_so() {
    let mut w = World::created("2026-01-05");
    let eve = w.person("Eve", "2026-05-01", |_| {});
    let md = brief::markdown(&brief_of(&w, eve, "2026-05-01"));
    assert_eq!(gfm::parse(&md).sections, SECTIONS);
    for sentence in [
        "Nothing is open on the agenda.",
        "Agenda balance, 2026-02-01 to 2026-05-01: no item was opened.",
        "Nothing: no DOTO of yours and no request of theirs is open.",
        "No win noted yet.",
        "No CDF review yet; the first is due 2026-07-30 (in 90 days).",
        "None yet (a held 1:1 tagged `career` is one)",
        "No internal customers.",
    ] {
        assert!(md.contains(sentence), "{sentence:?} missing from\n{md}");
    }
}

#[test]
fn the_agenda_balance_quotes_the_handbook_when_the_leader_raised_more_than_half() {
    // (by them, by the leader, quoted)
    let cases = [
        (0, 0, false),
        (1, 1, false),
        (1, 2, true),
        (0, 1, true),
        (3, 2, false),
    ];
    for (them, leader, quoted) in cases {
        let mut w = World::created("2026-01-05");
        let p = w.person("Pat", "2026-01-05", |_| {});
        for _ in 0..them {
            w.item(p, Discuss, Them, "2026-05-01", None, "x");
        }
        for _ in 0..leader {
            w.item(p, Discuss, Leader, "2026-05-01", None, "x");
        }
        // Outside the last 90 days: not counted.
        w.item(p, Discuss, Leader, "2026-02-19", None, "x");
        let b = brief_of(&w, p, AS_OF);
        assert_eq!(b.balance_from, d("2026-02-20"));
        assert_eq!(
            (
                b.agenda_balance.raised_by_person,
                b.agenda_balance.raised_by_leader
            ),
            (them, leader)
        );
        let md = brief::markdown(&b);
        assert_eq!(
            md.contains("> The handbook: “If the manager puts more than half of the items on the agenda this is an indication that something is wrong.”"),
            quoted,
            "{them}/{leader}\n{md}"
        );
    }
}

#[test]
fn every_brief_of_the_demo_team_is_valid_gfm_with_every_section() {
    let mut db = coachlog_core::Db::open_in_memory(d(TODAY)).unwrap();
    demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap();
    let everyone = people::list(
        db.conn(),
        people::Filter {
            include_archived: false,
        },
    )
    .unwrap();
    assert!(!everyone.is_empty());
    for p in &everyone {
        let md = brief::render_markdown(db.conn(), p.id, d(TODAY)).unwrap();
        let parsed = gfm::parse(&md);
        assert_eq!(parsed.sections, SECTIONS, "{}", p.name);
        assert!(parsed.html.is_empty(), "{}: {:?}", p.name, parsed.html);
        assert!(md.starts_with("# Brief: "));
        // The JSON is the brief itself.
        let b = brief::build(db.conn(), p.id, d(TODAY)).unwrap();
        let json = serde_json::to_value(&b).unwrap();
        for key in [
            "agenda",
            "owed",
            "wins",
            "overdue",
            "cdf",
            "career",
            "updates",
            "customers",
            "next_release",
            "agenda_balance",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
    }
}

#[test]
fn one_persons_review_is_their_part_of_the_whole_review() {
    // The brief reads `overdue_of`, which loads only the person's records:
    // on the demo team and on Ada's world with a skip-level report (rule
    // 14), on several days, with and without due soon, it must give exactly
    // the person's items of the whole list, in the same order.
    let mut db = coachlog_core::Db::open_in_memory(d(TODAY)).unwrap();
    demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap();
    let mut a = ada();
    let sam = PersonInput::skip_level("Sam", d("2026-02-01"), a.ada);
    let sam = a.w.write(|tx| people::insert(tx, &sam)).id;
    a.w.held(sam, "2026-02-10");
    let worlds: [(&rusqlite::Connection, &[&str]); 2] = [
        (db.conn(), &["2025-11-27", "2026-06-30", TODAY]),
        (
            a.w.conn(),
            &["2026-03-01", AS_OF, "2026-05-27", "2026-09-01"],
        ),
    ];
    for (conn, days) in worlds {
        let everyone = people::list(
            conn,
            people::Filter {
                include_archived: true,
            },
        )
        .unwrap();
        assert!(everyone.len() > 2);
        for day in days {
            for due_soon in [false, true] {
                let all = nudges::overdue(conn, d(day), due_soon).unwrap();
                for p in &everyone {
                    let want: Vec<_> = all
                        .iter()
                        .filter(|n| n.person_id == Some(p.id))
                        .cloned()
                        .collect();
                    let got = nudges::overdue_of(conn, d(day), p.id, due_soon).unwrap();
                    assert_eq!(got, want, "{} on {day} (due soon: {due_soon})", p.name);
                }
            }
        }
    }
}
