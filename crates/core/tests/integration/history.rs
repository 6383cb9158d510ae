//! A person's review packet (`coachlog_core::history`): its figures over a
//! window, the window's edges, its privacy, and its Markdown (valid GFM,
//! through the shared walker), HTML (inert) and JSON on the demo team.

use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::history::{self, History, HistoryFormat, HistoryOptions, Window};
use coachlog_core::model::*;
use coachlog_core::store::{cdf, one_on_ones, people};
use coachlog_core::summary::Outcome;
use coachlog_core::ErrorKind;

use crate::support::{d, gfm, World, TODAY};

use CloseTag::Done;
use OneOnOneStatus::*;
use OpenTag::*;
use RaisedBy::{Leader, Person as Them};

/// The sections of every packet's Markdown, in order (private notes last,
/// only with notes).
const SECTIONS: [&str; 8] = [
    "1:1s",
    "Career conversations",
    "Requests and actions",
    "Updates",
    "Internal customers",
    "Wins",
    "Hiring",
    "CDF reviews",
];

const PRIVATE: [&str; 5] = [
    "SENTINEL-one-on-one-note",
    "SENTINEL-agenda-text",
    "SENTINEL-cdf-note",
    "SENTINEL-cdf-focus",
    "https://docs.example/SENTINEL-cdf-link",
];

fn window(from: &str, to: &str) -> Window {
    Window::new(Some(d(from)), Some(d(to)), d(to)).unwrap()
}

fn packet(w: &World, p: PersonId, win: Window, notes: bool) -> History {
    history::build(
        w.conn(),
        p,
        win,
        &HistoryOptions {
            include_notes: notes,
        },
    )
    .unwrap()
}

/// Every format of `h`.
fn renders(h: &History) -> Vec<(HistoryFormat, String)> {
    HistoryFormat::ALL
        .into_iter()
        .map(|f| (f, history::render(h, f)))
        .collect()
}

/// Asserts the HTML loads nothing and runs nothing.
fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script");
    for attr in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(!lower.contains(attr), "{attr} in the HTML");
    }
    // No event handler attribute: ` on…=` inside a tag.
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..end];
        for word in tag.split_whitespace().skip(1) {
            let name = word.split('=').next().unwrap_or("");
            assert!(
                !(name.starts_with("on") && word.contains('=')),
                "an event handler in {tag}"
            );
        }
        rest = &rest[end..];
    }
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn the_figures_of_a_window() {
    let mut w = World::created("2026-01-05");
    w.set("career_tag", "Career");
    let ada = w.person("Ada", "2026-01-05", |_| {});
    let other = w.person("Bo", "2026-01-05", |_| {});
    // 1:1s: two in January (one held with tags, one skipped), one cancelled
    // in February, one held in March tagged career; Bo's do not count.
    w.one_on_one(ada, "2026-01-12", Held, &["Career", "growth"], "");
    w.one_on_one(ada, "2026-01-26", Skipped, &[], "");
    w.one_on_one(ada, "2026-02-09", Cancelled, &[], "");
    w.one_on_one(ada, "2026-03-09", Held, &["growth"], "");
    w.held(other, "2026-01-12");
    // Requests: closed after 2 and 7 days, one open; actions: one TODO
    // closed after 3 days, one DOTO open.
    let r1 = w.item(ada, Help, Them, "2026-01-12", None, "help 1");
    let r2 = w.item(ada, Help, Them, "2026-01-12", None, "help 2");
    w.item(ada, Help, Them, "2026-02-09", None, "help 3");
    w.close(r1, Done, "2026-01-14");
    w.close(r2, Done, "2026-01-19");
    let t = w.item(ada, Todo, Leader, "2026-01-12", None, "todo");
    w.close(t, Done, "2026-01-15");
    w.item(ada, Doto, Leader, "2026-02-09", None, "doto");
    // Updates of February: next release done on time with a link; OKRs of
    // FY27-Q1 (February starts it) done late with objectives.
    w.update(
        Some(ada),
        UpdateKind::NextRelease,
        "2026-02",
        UpdateStatus::Done,
        Some("2026-02-10"),
        Some("https://gitlab.example/next"),
    );
    let mut okrs = UpdateInput::new(Some(ada), UpdateKind::Okrs, "FY27-Q1".parse().unwrap());
    okrs.status = UpdateStatus::Done;
    okrs.done_on = Some(d("2026-03-02"));
    okrs.objectives =
        coachlog_core::okrs::parse("Grow adoption\n  - 10 new customers [0.7]\n").unwrap();
    w.write(|tx| coachlog_core::store::updates::insert(tx, &okrs));
    // Customers, wins, hiring.
    let link = w.link(ada, "Support", "Epics", "2026-01-05");
    w.check_in(link, "2026-02-02", true, "check-in notes are never shown");
    let shared = w.win(ada, "2026-01-20", "Shipped | search");
    w.share(shared, "2026-01-21", Some("#leadership"));
    w.win(ada, "2026-02-20", "Cut churn");
    let req = w.requisition("Senior PM, Plan", "2026-01-10");
    w.loop_member(req, Participant::Person(ada), true);
    w.interview(
        req,
        "2026-02-03",
        "Candidate Name",
        vec![Participant::Person(ada)],
    );
    w.interview(
        req,
        "2026-02-04",
        "Another",
        vec![Participant::Person(other)],
    );

    let h = packet(&w, ada, window("2026-01-01", "2026-03-31"), false);
    assert_eq!(
        (
            h.one_on_ones.held,
            h.one_on_ones.skipped,
            h.one_on_ones.cancelled
        ),
        (2, 1, 1)
    );
    let months: Vec<(String, u32, u32, u32)> = h
        .months
        .iter()
        .map(|m| {
            let c = m.one_on_ones;
            (m.month.to_string(), c.held, c.skipped, c.cancelled)
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-01".into(), 1, 1, 0),
            ("2026-02".into(), 0, 0, 1),
            ("2026-03".into(), 1, 0, 0)
        ]
    );
    let tags: Vec<(&str, u32)> = h
        .coaching_tags
        .iter()
        .map(|t| (t.tag.as_str(), t.count))
        .collect();
    assert_eq!(tags, [("growth", 2), ("career", 1)]);
    assert_eq!(h.career_conversations, [d("2026-01-12")]);
    assert_eq!(
        (h.requests.opened, h.requests.closed, h.requests.open_at_end),
        (3, 2, 1)
    );
    assert_eq!(h.requests.median_days_to_close, Some(4.5));
    assert_eq!(h.actions_person.median_days_to_close, Some(3.0));
    assert_eq!(
        (h.actions_leader.opened, h.actions_leader.open_at_end),
        (1, 1)
    );
    assert_eq!(h.actions_leader.median_days_to_close, None);

    // Updates due on the release days in the window, each with its outcome.
    let shown: Vec<(String, Outcome)> = h
        .updates
        .iter()
        .map(|u| {
            (
                format!("{} {}", u.due.kind.label(), u.due.period),
                u.due.outcome,
            )
        })
        .collect();
    assert!(
        shown.contains(&("Next release 2026-02".into(), Outcome::DoneOnTime)),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("OKRs FY27-Q1".into(), Outcome::DoneLate)),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("3-month vision 2026-03".into(), Outcome::Missing)),
        "{shown:?}"
    );
    let okr = h
        .updates
        .iter()
        .find(|u| u.due.kind == UpdateKind::Okrs)
        .unwrap();
    assert_eq!(
        okr.objectives[0].key_results[0].score.unwrap().to_string(),
        "0.7"
    );

    assert_eq!(h.customers.len(), 1);
    assert_eq!(h.customers[0].check_ins.len(), 1);
    assert!(h.customers[0].check_ins[0].epic_updated);
    assert_eq!((h.wins.len(), h.wins_shared), (2, 1));
    assert_eq!(h.interviews.len(), 1);
    assert_eq!(h.interviews[0].requisition, "Senior PM, Plan");
    assert_eq!(h.loops.len(), 1);

    let md = history::markdown(&h);
    let parsed = gfm::parse(&md);
    assert_eq!(parsed.sections, SECTIONS, "{md}");
    assert!(parsed.html.is_empty(), "{:?}", parsed.html);
    // The month table: a header, three months and a total.
    let table = &parsed.tables[0];
    assert_eq!(table.len(), 5);
    assert_eq!(
        table[1],
        ["January 2026", "1", "1", "0", "career 1, growth 1"]
    );
    assert_eq!(table[4][0], "Total");
    assert_eq!(
        parsed.tables[1][1],
        [
            "Requests (HELP, raised by them)",
            "3 opened, 2 closed (median 4.5 days to close), 1 open at the end"
        ]
    );
    assert!(md.contains("Shipped \\| search"), "{md}");
    assert!(md.contains("    - 10 new customers · 0.7"), "{md}");
    assert!(md.contains("[link](<https://gitlab.example/next>)"), "{md}");
    for hidden in ["Candidate Name", "check-in notes are never shown", "help 1"] {
        for (f, text) in renders(&h) {
            assert!(!text.contains(hidden), "{hidden} in {f:?}");
        }
    }
    assert_inert(&history::html(&h));
}

#[test]
fn a_record_on_either_edge_is_in_and_a_day_outside_is_out() {
    let mut w = World::created("2026-01-05");
    let ada = w.person("Ada", "2026-01-05", |_| {});
    let link = w.link(ada, "Support", "Epics", "2026-01-05");
    let req = w.requisition("PM", "2026-01-05");
    for day in ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01"] {
        w.held(ada, day);
        w.win(ada, day, &format!("win {day}"));
        w.check_in(link, day, false, "");
        w.interview(req, day, "C", vec![Participant::Person(ada)]);
        let input = CdfReviewInput::new(ada, d(day), &["focus"]);
        w.write(|tx| cdf::insert(tx, &input));
        let item = w.item(ada, Todo, Leader, day, None, "x");
        w.close(item, Done, day);
    }
    let h = packet(&w, ada, window("2026-03-01", "2026-03-31"), false);
    let inside = [d("2026-03-01"), d("2026-03-31")];
    let dates: Vec<_> = h.one_on_one_dates.iter().map(|o| o.date).collect();
    assert_eq!(dates, inside);
    assert_eq!(
        h.wins.iter().map(|x| x.noted_on).collect::<Vec<_>>(),
        inside
    );
    assert_eq!(
        h.customers[0]
            .check_ins
            .iter()
            .map(|c| c.date)
            .collect::<Vec<_>>(),
        inside
    );
    assert_eq!(
        h.interviews.iter().map(|i| i.date).collect::<Vec<_>>(),
        inside
    );
    assert_eq!(
        h.cdf_reviews.iter().map(|r| r.date).collect::<Vec<_>>(),
        inside
    );
    assert_eq!((h.actions_person.opened, h.actions_person.closed), (2, 2));
    assert_eq!(h.actions_person.median_days_to_close, Some(0.0));
    assert_eq!((h.actions_leader.opened, h.actions_leader.closed), (0, 0));
    assert_eq!(h.months.len(), 1);
}

#[test]
fn refusals_name_what_was_wrong() {
    let mut w = World::created("2026-01-05");
    let ada = w.person("Ada", "2026-01-05", |_| {});
    let e = Window::new(
        Some(d("2026-04-02")),
        Some(d("2026-04-01")),
        d("2026-05-01"),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(e
        .to_string()
        .contains("starts on 2026-04-02, after it ends on 2026-04-01"));
    let e = history::build(
        w.conn(),
        PersonId(ada.0 + 100),
        window("2026-01-01", "2026-03-31"),
        &HistoryOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!("pdf".parse::<HistoryFormat>().is_err());
}

#[test]
fn every_packet_of_the_demo_team_is_valid_inert_private_and_deterministic() {
    let mut db = coachlog_core::Db::open_in_memory(d(TODAY)).unwrap();
    demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap();
    let everyone = people::list(
        db.conn(),
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap();
    let win = Window::new(None, None, d(TODAY)).unwrap();
    // Plant private text in the first PM's window: a 1:1's notes, an agenda
    // item, a CDF review's notes, focus and link.
    let planted = everyone.iter().find(|p| p.tracked).unwrap().id;
    let one = one_on_ones::list(
        db.conn(),
        one_on_ones::Filter {
            person: Some(planted),
            from: Some(win.from),
            to: Some(win.to),
        },
    )
    .unwrap()
    .remove(0);
    db.write(|tx| {
        let mut edit = OneOnOneInput::new(planted, one.date);
        edit.status = one.status;
        edit.tags = one.tags.clone();
        edit.notes = format!("{}\n\n{}", one.notes, PRIVATE[0]);
        one_on_ones::update(tx, one.id, &edit)?;
        let item = AgendaItemInput::new(planted, PRIVATE[1], Discuss, Leader, win.to);
        coachlog_core::store::agenda::insert(tx, &item)?;
        let mut review = CdfReviewInput::new(planted, win.to, &[PRIVATE[3]]);
        review.notes = PRIVATE[2].into();
        review.link = Some(PRIVATE[4].into());
        cdf::insert(tx, &review)
    })
    .unwrap();

    for p in &everyone {
        for notes in [false, true] {
            let options = HistoryOptions {
                include_notes: notes,
            };
            let h = history::build(db.conn(), p.id, win, &options).unwrap();
            let again = history::build(db.conn(), p.id, win, &options).unwrap();
            assert_eq!(
                renders(&h),
                renders(&again),
                "{}: not deterministic",
                p.name
            );
            let md = history::markdown(&h);
            let parsed = gfm::parse(&md);
            let mut want: Vec<&str> = SECTIONS.to_vec();
            if notes {
                want.push("Private notes");
            }
            assert_eq!(parsed.sections, want, "{}", p.name);
            assert!(parsed.html.is_empty(), "{}: {:?}", p.name, parsed.html);
            assert_inert(&history::html(&h));
            let json: serde_json::Value = serde_json::from_str(&history::json(&h)).unwrap();
            assert_eq!(json["window"]["from"], win.from.to_string());
            for (f, text) in renders(&h) {
                for secret in PRIVATE {
                    let shown = text.contains(secret);
                    let want = notes && p.id == planted;
                    assert_eq!(
                        shown, want,
                        "{}: {secret} in {f:?} with notes {notes}",
                        p.name
                    );
                }
            }
        }
    }
}
