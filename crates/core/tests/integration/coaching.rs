//! A person's coaching facts (`coachlog_core::coaching`): the agenda
//! balance on the person page and the Team screen, at the edges of its
//! window, and the CDF, career and skip-level facts of the person page.

use chrono::NaiveDate;
use coachlog_core::coaching::{self, AGENDA_BALANCE_WARNING};
use coachlog_core::model::*;
use coachlog_core::overview;
use coachlog_core::store::{cdf, people};
use coachlog_core::ErrorKind;

use crate::support::{d, World};

use OpenTag::*;
use RaisedBy::{Leader, Person as Them};

#[test]
fn the_balance_counts_items_opened_in_the_window_whoever_closed_them() {
    // (opened, raised by, closed on, counted on 2026-05-20's window)
    let cases = [
        ("2026-02-19", Leader, None, false), // the day before the window
        ("2026-02-20", Leader, None, true),  // its first day
        ("2026-05-20", Them, None, true),    // its last day
        ("2026-05-21", Leader, None, false), // after it
        ("2026-03-01", Them, Some("2026-03-02"), true), // closed inside it
        ("2026-01-10", Leader, Some("2026-03-02"), false), // opened before it
        ("2026-05-01", Leader, Some("2026-06-01"), true), // closed after it
    ];
    for (opened, by, closed, counted) in cases {
        let mut w = World::created("2026-01-05");
        let p = w.person("Pat", "2026-01-05", |_| {});
        let item = w.item(p, Discuss, by, opened, None, "x");
        if let Some(c) = closed {
            w.close(item, CloseTag::Done, c);
        }
        let (from, to) = coaching::balance_window(d("2026-05-20"));
        let one = coaching::agenda_balance(w.conn(), p, from, to).unwrap();
        let team = coaching::team_agenda_balance(w.conn(), from, to).unwrap();
        let want = match (counted, by) {
            (false, _) => (0, 0),
            (true, Them) => (1, 0),
            (true, Leader) => (0, 1),
        };
        let got = (one.raised_by_person, one.raised_by_leader);
        assert_eq!(got, want, "{opened} {by:?} {closed:?}");
        assert_eq!(team.people.len(), 1);
        assert_eq!(team.people[0].balance, one, "{opened} {closed:?}");
        // The person page says the same.
        let page = overview::person_page(w.conn(), p, d("2026-05-20")).unwrap();
        assert_eq!(page.agenda_balance, one);
        assert_eq!(page.balance_from, d("2026-02-20"));
    }
}

#[test]
fn the_team_screen_lists_everyone_active_on_the_last_day_by_name() {
    let mut w = World::created("2026-01-05");
    let zoe = w.person("zoe", "2026-01-05", |_| {});
    let amy = w.person("Amy", "2026-01-05", |p| p.tracked = false);
    let gone = w.person("Gus", "2026-01-05", |_| {});
    w.archive(gone, "2026-05-20");
    w.person("Late", "2026-05-21", |_| {});
    for _ in 0..2 {
        w.item(zoe, Discuss, Leader, "2026-05-01", None, "x");
    }
    w.item(zoe, Help, Them, "2026-05-02", None, "x");
    let t = coaching::team_agenda_balance(w.conn(), d("2026-05-01"), d("2026-05-20")).unwrap();
    let rows: Vec<(&str, bool, u32, u32, bool)> = t
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.tracked,
                p.balance.raised_by_person,
                p.balance.raised_by_leader,
                p.balance.warning.is_some(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("Amy", false, 0, 0, false), ("zoe", true, 1, 2, true)]
    );
    assert_eq!(t.people[1].person_id, zoe);
    assert_eq!(t.people[0].person_id, amy);
    assert_eq!(t.people[1].balance.warning, Some(AGENDA_BALANCE_WARNING));

    // One day is a window; a backwards one is refused, in words.
    assert!(coaching::team_agenda_balance(w.conn(), d("2026-05-01"), d("2026-05-01")).is_ok());
    let err =
        coaching::team_agenda_balance(w.conn(), d("2026-05-02"), d("2026-05-01")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        err.to_string().contains("give the earlier day first"),
        "{err}"
    );
}

#[test]
fn the_person_page_shows_the_focus_areas_in_force_career_and_skip_levels() {
    let mut w = World::created("2026-01-05");
    let mia = w.person("Mia", "2025-06-01", |_| {});
    let first = CdfReviewInput::new(mia, d("2026-02-01"), &["Write it down"]);
    w.write(|tx| cdf::insert(tx, &first));
    let second = CdfReviewInput::new(mia, d("2026-04-01"), &["Delegate", "Say no"]);
    w.write(|tx| cdf::insert(tx, &second));
    w.one_on_one(mia, "2026-03-03", OneOnOneStatus::Held, &["CAREER"], "");
    w.one_on_one(mia, "2026-04-03", OneOnOneStatus::Skipped, &["career"], "");
    let sam = PersonInput::skip_level("Sam", d("2026-02-01"), mia);
    let sam = w.write(|tx| people::insert(tx, &sam)).id;
    let bo = PersonInput::skip_level("bo", d("2026-02-01"), mia);
    w.write(|tx| people::insert(tx, &bo));
    w.held(sam, "2026-03-10");

    // (day, focus in force, next CDF due, last career talk, Sam's last meeting)
    let cases = [
        ("2026-01-31", None, "2026-04-05", None, None),
        (
            "2026-02-01",
            Some(vec!["Write it down"]),
            "2026-05-02",
            None,
            None,
        ),
        (
            "2026-03-31",
            Some(vec!["Write it down"]),
            "2026-05-02",
            Some("2026-03-03"),
            Some("2026-03-10"),
        ),
        (
            "2026-04-01",
            Some(vec!["Delegate", "Say no"]),
            "2026-06-30",
            Some("2026-03-03"),
            Some("2026-03-10"),
        ),
    ];
    for (day, focus, next, career, met) in cases {
        let page = overview::person_page(w.conn(), mia, d(day)).unwrap();
        assert_eq!(page.as_of, d(day));
        assert_eq!(
            page.cdf.last.as_ref().map(|l| l.focus.clone()),
            focus.map(|f| f.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
            "{day}"
        );
        assert_eq!(page.cdf.next_due, d(next), "{day}");
        assert_eq!(page.career.last, career.map(d), "{day}");
        let reports: Vec<(&str, Option<NaiveDate>)> = page
            .skip_level_reports
            .iter()
            .map(|r| (r.name.as_str(), r.last_meeting))
            .collect();
        if d(day) < d("2026-02-01") {
            assert!(reports.is_empty(), "{day}");
        } else {
            assert_eq!(reports, [("bo", None), ("Sam", met.map(d))], "{day}");
        }
    }
    let page = overview::person_page(w.conn(), sam, d("2026-04-01")).unwrap();
    assert_eq!(page.reports_to.as_deref(), Some("Mia"));
    assert!(page.skip_level_reports.is_empty());
}
