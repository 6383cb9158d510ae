//! `ics`: the calendar feed, read back with a real iCalendar parser (the
//! `icalendar` crate).

use std::collections::BTreeSet;

use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::ics::{self, CalendarOptions};
use coachlog_core::model::*;
use coachlog_core::store::{agenda, milestones, one_on_ones};
use coachlog_core::Db;
use icalendar::{CalendarComponent, Component, DatePerhapsTime};

use crate::support::{d, TODAY};

fn demo_db() -> Db {
    let mut db = Db::open_in_memory(d(TODAY)).unwrap();
    demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap();
    db
}

/// (uid, day, summary) of every event, as the parser reads them.
fn parsed(text: &str) -> Vec<(String, chrono::NaiveDate, String)> {
    let cal: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
                panic!("not an all-day event: {e:?}");
            };
            let Some(DatePerhapsTime::Date(end)) = e.get_end() else {
                panic!("no all-day end: {e:?}");
            };
            assert_eq!(end, start.succ_opt().unwrap(), "one day long");
            assert!(e.property_value("DTSTAMP").is_some());
            (
                e.get_uid().unwrap().to_string(),
                start,
                e.get_summary().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_demo_feed_parses_with_stable_unique_uids_and_no_private_text() {
    let db = demo_db();
    let today = d(TODAY);
    let text = ics::feed(db.conn(), today, CalendarOptions::default()).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line endings only"
    );
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(
        text.contains("DTSTAMP:20261127T000000Z"),
        "stamped today, not the clock"
    );
    let events = parsed(&text);

    // Unique, and the same on a second run: a re-import updates.
    let uids: BTreeSet<&str> = events.iter().map(|(u, _, _)| u.as_str()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert_eq!(
        ics::feed(db.conn(), today, CalendarOptions::default()).unwrap(),
        text
    );
    // A later day gives the same things the same UIDs: a re-import moves
    // the events rather than adding copies.
    let later = parsed(&ics::feed(db.conn(), d("2026-12-01"), CalendarOptions::default()).unwrap());
    for (uid, _, _) in later.iter().filter(|(u, _, _)| {
        u.starts_with("oneonone-") || u.starts_with("milestone-") || u.starts_with("release-2027-0")
    }) {
        assert!(uids.contains(uid.as_str()), "{uid} is new on a later day");
    }

    // Within the window: today to three months later, less a day.
    assert!(events
        .iter()
        .all(|(_, day, _)| *day >= today && *day <= d("2027-02-26")));
    // Every kind is there.
    let tracked = coachlog_core::store::people::list(db.conn(), Default::default())
        .unwrap()
        .into_iter()
        .filter(|p| p.tracked && p.is_active_on(today))
        .count();
    let count = |prefix: &str| {
        events
            .iter()
            .filter(|(u, _, _)| u.starts_with(prefix))
            .count()
    };
    assert_eq!(
        count("oneonone-"),
        tracked,
        "one next 1:1 per tracked person"
    );
    assert_eq!(
        count("release-"),
        3,
        "December, January and February's release days"
    );
    assert!(events
        .iter()
        .any(|(u, _, s)| u == "release-2026-12@coachlog" && s == "Release 19.7"));
    assert!(count("update-") > 0 && count("walkthrough-") > 0 && count("milestone-") > 0);
    assert!(events
        .iter()
        .any(|(u, _, s)| u.contains("-okrs-") && s.starts_with("OKRs update from ")));
    assert!(events.iter().all(|(u, _, _)| u.ends_with("@coachlog")));

    // No private text: no 1:1 notes, agenda item, milestone note.
    let mut private: Vec<String> = Vec::new();
    for o in one_on_ones::list(db.conn(), Default::default()).unwrap() {
        private.extend(o.notes.lines().filter(|l| l.len() > 12).map(str::to_string));
    }
    for i in agenda::list(db.conn(), Default::default()).unwrap() {
        private.push(i.text);
    }
    for m in milestones::list(db.conn()).unwrap() {
        private.extend(
            m.notes
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    assert!(private.len() > 20);
    let unfolded = text.replace("\r\n ", "");
    for p in &private {
        assert!(
            !unfolded.contains(p.as_str()),
            "private text in the feed: {p}"
        );
    }
}

#[test]
fn milestones_titles_are_escaped_folded_and_read_back_exactly() {
    let mut db = Db::open_in_memory(d(TODAY)).unwrap();
    let title = "GA, beta; \\ launch — 李 🚀 with a title long enough to need folding twice over";
    let m = db
        .write(|tx| milestones::insert(tx, &MilestoneInput::new(title, d("2026-12-03"))))
        .unwrap();
    let tied = db
        .write(|tx| {
            milestones::insert(
                tx,
                &MilestoneInput::on_release("Breaking", "19.8".parse().unwrap()),
            )
        })
        .unwrap();
    let text = ics::feed(db.conn(), d(TODAY), CalendarOptions { months: 3 }).unwrap();
    let events = parsed(&text);
    let uid = format!("milestone-{}@coachlog", m.id);
    let (_, day, summary) = events.iter().find(|(u, _, _)| *u == uid).unwrap();
    assert_eq!(*day, d("2026-12-03"));
    assert_eq!(summary, &format!("Milestone: {title}"));
    let (_, day, summary) = events
        .iter()
        .find(|(u, _, _)| *u == format!("milestone-{}@coachlog", tied.id))
        .unwrap();
    assert_eq!(
        (*day, summary.as_str()),
        (d("2027-01-21"), "Milestone: Breaking (release 19.8)")
    );
    // A month ahead only: the January milestone is not in it.
    let short = parsed(&ics::feed(db.conn(), d(TODAY), CalendarOptions { months: 1 }).unwrap());
    assert!(short
        .iter()
        .all(|(u, _, _)| *u != format!("milestone-{}@coachlog", tied.id)));
    for months in [0, 25] {
        let e = ics::feed(db.conn(), d(TODAY), CalendarOptions { months }).unwrap_err();
        assert!(e.to_string().contains("1 to 24 months"), "{e}");
    }
}
