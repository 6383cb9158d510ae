//! The monthly summary (`coachlog_core::summary`) against `docs/catalogue.md`,
//! "The monthly summary" and its "Privacy".
//!
//! - [`may`] builds a hand-made May 2026 through the real store: three
//!   tracked PMs (one archived mid-month, one with a hostile name), an
//!   untracked one, one who left in April and one who joins in June, with
//!   1:1s held, skipped and cancelled, requests closed on time and late, an
//!   update done late and a missing one, a link with no check-in, a win
//!   shared the next month, a walkthrough covering two stages, hiring, and
//!   records dated on 1 June that must not count at month end. May is the
//!   first month of FY27-Q2, so OKRs are due.
//! - Figure-by-figure tests compare [`summary::build`] with numbers worked
//!   out by hand in the comments.
//! - The month-end snapshot is tested on its edge (records dated on the 1st
//!   of the next month) against the plain review of a database that never
//!   had them.
//! - Every renderer has a snapshot in `tests/snapshots/summary/`; a change
//!   fails with a line diff, and `UPDATE_SNAPSHOTS=1` rewrites them. The
//!   Markdown is parsed by pulldown-cmark (GFM tables and task lists), the
//!   HTML is scanned for anything that could run or load, and the CSV is
//!   read back by a small RFC 4180 parser.

use std::path::PathBuf;

use chrono::NaiveDate;
use coachlog_core::calendar::{Month, Period};
use coachlog_core::model::*;
use coachlog_core::nudges::Practice;
use coachlog_core::nudges::{self, Records, Rule};
use coachlog_core::settings;
use coachlog_core::store::{
    agenda, cdf, customers, hiring, nudge_state, one_on_ones, updates, walkthroughs, wins,
};
use coachlog_core::summary::{self, Format, Grade, Outcome, Summary, SummaryOptions};

use crate::support::{d, gfm, Suite, World};

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

// ---------------------------------------------------------------------------
// The world builder (`support::World`) with the summary's defaults.
// ---------------------------------------------------------------------------

/// The summary tests, as a [`Suite`] marker.
enum Summaries {}

/// [`World`] with the summary's defaults: an update's status follows from
/// its done date, check-ins carry private notes, a win may be shared at
/// once, and walkthroughs have a category and an issue link.
type W = Suite<Summaries>;

impl W {
    fn created(day: &str) -> W {
        W::of(World::created(day))
    }

    fn update(
        &mut self,
        p: Option<PersonId>,
        kind: UpdateKind,
        period: &str,
        done: Option<&str>,
        link: Option<&str>,
    ) -> UpdateId {
        let status = if done.is_some() {
            UpdateStatus::Done
        } else {
            UpdateStatus::InReview
        };
        self.world.update(p, kind, period, status, done, link)
    }

    fn check_in(&mut self, link: LinkId, date: &str, epic: bool) {
        self.world
            .check_in(link, date, epic, "Private check-in notes");
    }

    fn win(
        &mut self,
        p: PersonId,
        noted: &str,
        text: &str,
        shared: Option<(&str, Option<&str>)>,
    ) -> WinId {
        let id = self.world.win(p, noted, text);
        if let Some((on, place)) = shared {
            self.share(id, on, place);
        }
        id
    }

    fn walkthrough(&mut self, date: &str, title: &str, stages: &[&str], findings: &str) {
        let input = WalkthroughInput {
            date: d(date),
            title: title.into(),
            stages: stages.iter().map(|s| s.to_string()).collect(),
            categories: vec!["Boards".into()],
            findings: findings.into(),
            issue_link: Some("https://gitlab.example.com/walkthroughs/issues/1".into()),
        };
        self.write(|tx| walkthroughs::insert(tx, &input));
    }

    fn cdf(&mut self, p: PersonId, date: &str, focus: &[&str], notes: &str, link: Option<&str>) {
        let input = CdfReviewInput {
            notes: notes.into(),
            link: link.map(str::to_string),
            ..CdfReviewInput::new(p, d(date), focus)
        };
        self.write(|tx| cdf::insert(tx, &input));
    }

    fn summary(&self, m: &str, options: SummaryOptions) -> Summary {
        summary::build(self.conn(), month(m), &options).unwrap()
    }
}

/// Texts that are private by default: none may appear in a default summary.
const PRIVATE: [&str; 6] = [
    "pricing launch",
    "Secret findings",
    "Ask about the pricing committee",
    "Draft the Q3 narrative",
    "Discuss the reorg",
    "Private check-in notes",
];

/// The hostile name: a table separator and a tag.
const HOSTILE: &str = "a|b<script>";

struct May {
    w: W,
    priya: PersonId,
    marco: PersonId,
    hostile: PersonId,
    support: LinkId,
    q1: RequisitionId,
}

/// May 2026, hand-built. `tracking_since` is 2026-04-01 (the day the
/// database was created); release days are 2026-04-16, 2026-05-21 and
/// 2026-06-18 (third Thursdays); May opens FY27-Q2.
fn may() -> May {
    let mut w = W::created("2026-04-01");
    let priya = w.person("Priya Raman", "2026-01-05", |p| {
        p.scope.stages = vec!["Plan".into()];
    });
    let marco = w.person("Marco Rossi", "2026-01-05", |p| {
        p.scope.stages = vec!["Create".into()];
        p.cadence_days = Some(14);
    });
    let hostile = w.person(HOSTILE, "2026-05-01", |p| {
        p.scope.stages = vec!["Verify".into()];
    });
    let dana = w.person("Dana Untracked", "2026-01-05", |p| p.tracked = false);
    let old = w.person("Old Timer", "2026-01-05", |_| {});
    w.archive(old, "2026-04-20");
    w.person("Noor June", "2026-06-01", |_| {});
    w.held(dana, "2026-05-05");

    // Priya's 1:1s: 3 held, 1 skipped, 1 cancelled in May; expected 31 / 7 = 4.
    w.held(priya, "2026-04-27");
    w.one_on_one(
        priya,
        "2026-05-04",
        OneOnOneStatus::Held,
        &["Career", "feedback"],
        "We talked about the pricing launch.\n\n- *slow* reviews\n```\ncode\n```",
    );
    w.one_on_one(priya, "2026-05-11", OneOnOneStatus::Held, &[" career "], "");
    w.one_on_one(priya, "2026-05-18", OneOnOneStatus::Skipped, &[], "");
    w.one_on_one(priya, "2026-05-25", OneOnOneStatus::Cancelled, &[], "");
    w.one_on_one(priya, "2026-05-28", OneOnOneStatus::Held, &["Risk"], "");
    w.held(priya, "2026-06-01");

    // Priya's requests (HELP raised by her).
    use OpenTag::*;
    use RaisedBy::{Leader, Person};
    // Fri May 1 + 2 business days = Tue May 5: closed that day, on time.
    let r1 = w.item(
        priya,
        Help,
        Person,
        "2026-05-01",
        None,
        "Ask about the pricing committee",
    );
    w.close(r1, CloseTag::Thanks, "2026-05-05");
    // Mon May 4 → Wed May 6: closed May 11, late.
    let r2 = w.item(
        priya,
        Help,
        Person,
        "2026-05-04",
        None,
        "Need context on the reorg",
    );
    w.close(r2, CloseTag::Done, "2026-05-11");
    // Tue Apr 28 → Thu Apr 30: closed in May (late), opened in April.
    let r3 = w.item(
        priya,
        Help,
        Person,
        "2026-04-28",
        None,
        "Intro to the data team",
    );
    w.close(r3, CloseTag::Done, "2026-05-04");
    // Due by its timing in June: open at the end of May, closed in June.
    let r4 = w.item(
        priya,
        Help,
        Person,
        "2026-05-20",
        Some("2026-06-10"),
        "Advice on hiring",
    );
    w.close(r4, CloseTag::Done, "2026-06-02");
    // Raised by the leader: not a request.
    let r5 = w.item(
        priya,
        Help,
        Leader,
        "2026-05-06",
        None,
        "Leader's own question",
    );
    w.close(r5, CloseTag::Fyi, "2026-05-07");
    // Tue May 26 → Thu May 28: open at month end, overdue on June 1.
    w.item(
        priya,
        Help,
        Person,
        "2026-05-26",
        None,
        "Feedback on the pricing page",
    );

    // Priya's actions: TODO 1 opened, 1 closed, 1 open at end; DOTO the same.
    let a1 = w.item(
        priya,
        Todo,
        Leader,
        "2026-05-04",
        None,
        "Draft the Q3 narrative",
    );
    w.close(a1, CloseTag::Done, "2026-05-11");
    w.item(
        priya,
        Todo,
        Person,
        "2026-04-06",
        None,
        "Write the persona doc",
    );
    let a3 = w.item(
        priya,
        Doto,
        Leader,
        "2026-05-18",
        Some("2026-05-25"),
        "Book the design review",
    );
    w.close(a3, CloseTag::Done, "2026-06-03");
    let a4 = w.item(
        priya,
        Doto,
        Leader,
        "2026-04-06",
        None,
        "Share the org chart",
    );
    w.close(a4, CloseTag::Done, "2026-05-20");
    w.item(
        priya,
        Discuss,
        Leader,
        "2026-05-04",
        None,
        "Discuss the reorg",
    );

    // Priya's updates. April's are done; May's next release is done on time
    // (twice: the earliest counts), the 3-month vision late with no link on
    // the done record, OKRs missing.
    w.update(
        Some(priya),
        UpdateKind::NextRelease,
        "2026-04",
        Some("2026-04-10"),
        None,
    );
    w.update(
        Some(priya),
        UpdateKind::ThreeMonthVision,
        "2026-04",
        Some("2026-04-15"),
        None,
    );
    w.update(
        Some(priya),
        UpdateKind::NextRelease,
        "2026-05",
        Some("2026-05-25"),
        Some("https://gitlab.example.com/mr/2"),
    );
    w.update(
        Some(priya),
        UpdateKind::NextRelease,
        "2026-05",
        Some("2026-05-20"),
        Some("https://gitlab.example.com/mr/1"),
    );
    w.update(
        Some(priya),
        UpdateKind::ThreeMonthVision,
        "2026-05",
        None,
        Some("https://gitlab.example.com/mr/3"),
    );
    w.update(
        Some(priya),
        UpdateKind::ThreeMonthVision,
        "2026-05",
        Some("2026-06-03"),
        None,
    );

    // Priya's internal customers: Security checked in twice; Support not in
    // May (and on June 1); Legal archived in April.
    let security = w.link(priya, "Security", "Portfolio Management", "2026-02-01");
    w.check_in(security, "2026-05-06", true);
    w.check_in(security, "2026-05-27", false);
    let support = w.link(priya, "Support", "Epics", "2026-02-01");
    w.check_in(support, "2026-04-10", false);
    w.check_in(support, "2026-06-01", true);
    let legal = w.link(priya, "Legal", "Compliance", "2026-02-01");
    w.db.write(|tx| customers::archive_link(tx, legal, d("2026-04-30")))
        .unwrap();

    // Priya's wins: 2 noted in May, 2 shared in May (one noted in April);
    // the one noted on May 26 is shared in June.
    w.win(
        priya,
        "2026-04-28",
        "Unblocked the billing migration",
        Some(("2026-05-05", Some("#product-leadership"))),
    );
    w.win(
        priya,
        "2026-05-07",
        "Shipped *pricing* v2 | big <win>",
        Some(("2026-05-12", Some("staff meeting"))),
    );
    w.win(
        priya,
        "2026-05-26",
        "Closed the Acme deal",
        Some(("2026-06-02", None)),
    );

    // Marco: archived on May 15. One 1:1 held, one cancelled; a 14-day
    // cadence over May 1–14 expects 1. His last held 1:1 (May 6) would be
    // overdue on June 1, but he is not active on May 31.
    w.one_on_one(
        marco,
        "2026-05-06",
        OneOnOneStatus::Held,
        &["Growth"],
        "Marco's notes",
    );
    w.one_on_one(marco, "2026-05-13", OneOnOneStatus::Cancelled, &[], "");
    // Tue May 5 → Thu May 7: closed May 13, late.
    let m1 = w.item(
        marco,
        Help,
        Person,
        "2026-05-05",
        None,
        "How to pitch the roadmap",
    );
    w.close(m1, CloseTag::Done, "2026-05-13");
    w.archive(marco, "2026-05-15");

    // The hostile name: weekly 1:1s from May 1, all updates done on time.
    for day in ["2026-05-05", "2026-05-12", "2026-05-19", "2026-05-26"] {
        w.held(hostile, day);
    }
    for kind in [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision] {
        w.update(
            Some(hostile),
            kind,
            "2026-05",
            Some("2026-05-21"),
            Some("https://gitlab.example.com/a|b?x=<y>&z=1"),
        );
    }
    w.update(
        Some(hostile),
        UpdateKind::Okrs,
        "FY27-Q2",
        Some("2026-05-21"),
        None,
    );

    // The leader's portfolio direction: April's missing (overdue at month
    // end), May's done a day late.
    w.update(
        None,
        UpdateKind::PortfolioDirection,
        "2026-05",
        Some("2026-05-22"),
        Some("https://gitlab.example.com/pd/5"),
    );

    // Hiring: Q1 open at the end of May (filled on June 1), no peer in its
    // loop; Q2 filled in May; Q3 cancelled in May; Q4 opened June 1.
    let q1 = w.requisition("Senior PM, Verify", "2026-04-01");
    w.db.write(|tx| {
        hiring::insert_loop_member(
            tx,
            &LoopMemberInput {
                requisition_id: q1,
                member: Participant::Person(priya),
                role: "hiring manager's peer".into(),
                works_with_hire: false,
            },
        )
    })
    .unwrap();
    w.interview(
        q1,
        "2026-05-12",
        "Casey",
        vec![
            Participant::Person(priya),
            Participant::Name("Alex External".into()),
        ],
    );
    w.interview(
        q1,
        "2026-05-13",
        "Jordan",
        vec![Participant::Person(marco), Participant::Person(priya)],
    );
    w.interview(q1, "2026-06-01", "Kim", vec![Participant::Person(priya)]);
    w.close_requisition(q1, RequisitionStatus::Filled, "2026-06-01");
    let q2 = w.requisition("PM, Plan", "2026-03-01");
    w.interview(q2, "2026-04-10", "Lee", vec![Participant::Person(priya)]);
    w.close_requisition(q2, RequisitionStatus::Filled, "2026-05-20");
    let q3 = w.requisition("Group Manager, Create", "2026-05-10");
    w.close_requisition(q3, RequisitionStatus::Cancelled, "2026-05-25");
    w.requisition("PM, Secure", "2026-06-01");

    // Walkthroughs: two in May (the first covers two stages; "plan" is the
    // same stage as "Plan"), one on June 1.
    w.walkthrough(
        "2026-05-14",
        "Plan & Create walkthrough",
        &["Plan", "Create"],
        "Secret findings: onboarding is *slow*",
    );
    w.walkthrough("2026-05-28", "Verify <pipelines>", &["plan", "Verify"], "");
    w.walkthrough(
        "2026-06-01",
        "June walkthrough",
        &["Secure"],
        "More findings",
    );

    // Milestones: one in May on 19.0's release day, one in June, none
    // counted in July; their notes never show.
    w.write(|tx| {
        let mut ga =
            MilestoneInput::on_release("Portfolio GA *beta* | all", "19.0".parse().unwrap());
        ga.stages = vec!["Plan".into(), "Create".into()];
        ga.link = Some("https://gitlab.example.com/epics/12".into());
        ga.notes = "Secret milestone notes".into();
        coachlog_core::store::milestones::insert(tx, &ga)
    });
    w.write(|tx| {
        coachlog_core::store::milestones::insert(
            tx,
            &MilestoneInput::new("Pricing <change>", d("2026-06-30")),
        )
    });
    w.write(|tx| {
        coachlog_core::store::milestones::insert(
            tx,
            &MilestoneInput::new("Offsite", d("2026-07-01")),
        )
    });

    // Dismissed and snoozed items still count.
    w.db.write(|tx| nudge_state::dismiss(tx, &format!("hiring_peer:{q1}")))
        .unwrap();
    w.db.write(|tx| {
        nudge_state::snooze(
            tx,
            &format!("customer_check_in:{support}:2026-05-10"),
            d("2026-06-30"),
        )
    })
    .unwrap();

    // Coaching, added last so that every id above stays as it was.
    // Priya's CDF reviews: March's, May's (in force at the end of May, with
    // private notes) and June's (after the month).
    w.cdf(
        priya,
        "2026-03-10",
        &["Stakeholder updates"],
        "March CDF notes",
        None,
    );
    w.cdf(
        priya,
        "2026-05-12",
        &[
            "Sharpen the pricing narrative",
            "Delegate | release <posts>",
        ],
        "CDF secret notes: ready for Principal in a year",
        Some("https://gitlab.example.com/cdf/7"),
    );
    w.cdf(priya, "2026-06-02", &["June focus area"], "", None);
    // Priya's skip-level reports: Sam met twice in May (and a cancelled
    // 1:1), Tess not at all, Uma left on May 20 (not counted); Marco's
    // report Vic does not count, as Marco left on May 15.
    let skip = |w: &mut W, name: &str, manager: PersonId| {
        w.person(name, "2026-02-01", |p| {
            p.tracked = false;
            p.reports_to = Some(manager);
        })
    };
    let sam = skip(&mut w, "Sam Skip", priya);
    w.held(sam, "2026-05-07");
    w.held(sam, "2026-05-21");
    w.one_on_one(sam, "2026-05-28", OneOnOneStatus::Cancelled, &[], "");
    skip(&mut w, "Tess Skip", priya);
    let uma = skip(&mut w, "Uma Skip", priya);
    w.held(uma, "2026-05-10");
    w.archive(uma, "2026-05-20");
    let vic = skip(&mut w, "Vic Skip", marco);
    w.held(vic, "2026-05-08");
    // The leader raised the hostile-named PM's only item of May.
    let h1 = w.item(
        hostile,
        Discuss,
        Leader,
        "2026-05-12",
        None,
        "Talk about the launch plan",
    );
    w.close(h1, CloseTag::Done, "2026-05-19");

    May {
        w,
        priya,
        marco,
        hostile,
        support,
        q1,
    }
}

fn default_summary(m: &May) -> Summary {
    m.w.summary("2026-05", SummaryOptions::default())
}

// ---------------------------------------------------------------------------
// Figures.
// ---------------------------------------------------------------------------

#[test]
fn the_month_and_who_is_in_it() {
    let m = may();
    let s = default_summary(&m);
    assert_eq!(s.month, month("2026-05"));
    assert_eq!(
        (s.first_day, s.last_day),
        (d("2026-05-01"), d("2026-05-31"))
    );
    assert_eq!(s.release_day, d("2026-05-21"));
    assert_eq!(s.okr_quarter.map(|q| q.to_string()), Some("FY27-Q2".into()));
    assert_eq!(s.tracking_since, d("2026-04-01"));
    assert!(!s.includes_notes);
    assert_eq!(s.generated_on, None);
    // Tracked and active in May, by name: not Dana (untracked), Old Timer
    // (left in April) or Noor (joins in June). Marco left mid-May.
    let names: Vec<&str> = s.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, [HOSTILE, "Marco Rossi", "Priya Raman"]);
    let marco = &s.people[1];
    assert_eq!(marco.person_id, m.marco);
    assert_eq!(marco.archived_on, Some(d("2026-05-15")));
    assert_eq!(
        (marco.active_from, marco.active_to),
        (d("2026-05-01"), d("2026-05-14"))
    );
    let hostile = &s.people[0];
    assert_eq!(hostile.person_id, m.hostile);
    assert_eq!(
        (hostile.active_from, hostile.active_to),
        (d("2026-05-01"), d("2026-05-31"))
    );
}

fn person(s: &Summary, id: PersonId) -> &summary::PersonMonth {
    s.people.iter().find(|p| p.person_id == id).unwrap()
}

#[test]
fn one_on_ones_held_skipped_cancelled_and_expected_by_cadence() {
    let m = may();
    let s = default_summary(&m);
    let p = person(&s, m.priya);
    let o = &p.one_on_ones;
    assert_eq!((o.held, o.skipped, o.cancelled), (3, 1, 1));
    assert_eq!((o.cadence_days, o.expected), (7, 4));
    let dates: Vec<(NaiveDate, OneOnOneStatus)> =
        o.dates.iter().map(|x| (x.date, x.status)).collect();
    assert_eq!(
        dates,
        [
            (d("2026-05-04"), OneOnOneStatus::Held),
            (d("2026-05-11"), OneOnOneStatus::Held),
            (d("2026-05-18"), OneOnOneStatus::Skipped),
            (d("2026-05-25"), OneOnOneStatus::Cancelled),
            (d("2026-05-28"), OneOnOneStatus::Held),
        ]
    );
    // Tags of held 1:1s, lower-cased and trimmed, most used first.
    let tags: Vec<(&str, u32)> = p
        .coaching_tags
        .iter()
        .map(|t| (t.tag.as_str(), t.count))
        .collect();
    assert_eq!(tags, [("career", 2), ("feedback", 1), ("risk", 1)]);

    // Marco: 14 active days at a 14-day cadence expect 1; he held 1.
    let marco = person(&s, m.marco);
    let o = &marco.one_on_ones;
    assert_eq!(
        (o.held, o.skipped, o.cancelled, o.cadence_days, o.expected),
        (1, 0, 1, 14, 1)
    );
    // The hostile name: 4 held of 4 expected.
    let h = person(&s, m.hostile);
    assert_eq!((h.one_on_ones.held, h.one_on_ones.expected), (4, 4));
}

#[test]
fn requests_opened_closed_on_time_and_late_and_open_at_the_end() {
    let m = may();
    let s = default_summary(&m);
    let r = person(&s, m.priya).requests;
    // Opened in May: r1, r2, r4, r6 (r5 is the leader's). Closed in May:
    // r1 (on time), r2 and r3 (late). Open at the end: r4, r6.
    assert_eq!(
        (r.opened, r.closed, r.closed_on_time, r.open_at_end),
        (4, 3, 1, 2)
    );
    let r = person(&s, m.marco).requests;
    assert_eq!(
        (r.opened, r.closed, r.closed_on_time, r.open_at_end),
        (1, 1, 0, 0)
    );
}

#[test]
fn the_request_due_has_the_tracking_since_floor() {
    let mut w = W::created("2026-04-01");
    let p = w.person("Ana", "2026-04-01", |_| {});
    // Fri May 1 + 2 business days = Tue May 5, floored to Fri May 8.
    let on_time = w.item(p, OpenTag::Help, RaisedBy::Person, "2026-05-01", None, "a");
    w.close(on_time, CloseTag::Done, "2026-05-07");
    let late = w.item(p, OpenTag::Help, RaisedBy::Person, "2026-05-01", None, "b");
    w.close(late, CloseTag::Done, "2026-05-11");
    // A timing by release version: 19.0 ships in 2026-05 (anchor 18.0 = 2025-05), May 21.
    let by_release = w.item(
        p,
        OpenTag::Help,
        RaisedBy::Person,
        "2026-05-01",
        Some("19.0"),
        "c",
    );
    w.close(by_release, CloseTag::Done, "2026-05-21");
    let before = w.summary("2026-05", SummaryOptions::default()).people[0].requests;
    assert_eq!((before.closed, before.closed_on_time), (3, 1));
    w.set("tracking_since", "2026-05-08");
    let after = w.summary("2026-05", SummaryOptions::default()).people[0].requests;
    assert_eq!((after.closed, after.closed_on_time), (3, 2));
}

#[test]
fn actions_split_by_owner() {
    let m = may();
    let s = default_summary(&m);
    let a = person(&s, m.priya).actions;
    assert_eq!(
        (a.person.opened, a.person.closed, a.person.open_at_end),
        (1, 1, 1)
    );
    assert_eq!(
        (a.leader.opened, a.leader.closed, a.leader.open_at_end),
        (1, 1, 1)
    );
}

/// kind:period, due, outcome, done on, link.
type UpdateRow<'a> = (
    String,
    NaiveDate,
    Outcome,
    Option<NaiveDate>,
    Option<&'a str>,
);

#[test]
fn updates_due_in_the_month_with_outcome_and_link() {
    let m = may();
    let s = default_summary(&m);
    let got: Vec<UpdateRow> = person(&s, m.priya)
        .updates
        .iter()
        .map(|u| {
            (
                format!("{}:{}", u.kind, u.period),
                u.due,
                u.outcome,
                u.done_on,
                u.link.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // The earliest done record's link, not the newest's.
            (
                "next_release:2026-05".into(),
                d("2026-05-21"),
                Outcome::DoneOnTime,
                Some(d("2026-05-20")),
                Some("https://gitlab.example.com/mr/1")
            ),
            // Done in June: late. The done record has no link, so the latest
            // record of the period with one gives it.
            (
                "three_month_vision:2026-05".into(),
                d("2026-05-21"),
                Outcome::DoneLate,
                Some(d("2026-06-03")),
                Some("https://gitlab.example.com/mr/3")
            ),
            (
                "okrs:FY27-Q2".into(),
                d("2026-05-21"),
                Outcome::Missing,
                None,
                None
            ),
        ]
    );
    // Marco was archived before the release day: nothing was due from him.
    assert!(person(&s, m.marco).updates.is_empty());
    // The leader's portfolio direction, done a day late.
    let pd = s.leader.portfolio_direction.as_ref().unwrap();
    assert_eq!(pd.period, Period::Month(month("2026-05")));
    assert_eq!(
        (pd.outcome, pd.done_on),
        (Outcome::DoneLate, Some(d("2026-05-22")))
    );
    assert_eq!(pd.link.as_deref(), Some("https://gitlab.example.com/pd/5"));
}

#[test]
fn okrs_are_due_only_in_the_first_month_of_a_fiscal_quarter() {
    let mut m = may();
    let june = m.w.summary("2026-06", SummaryOptions::default());
    assert_eq!(june.okr_quarter, None);
    let kinds: Vec<UpdateKind> = person(&june, m.priya)
        .updates
        .iter()
        .map(|u| u.kind)
        .collect();
    assert_eq!(
        kinds,
        [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision]
    );
    // With a January fiscal year, quarters start in Jan, Apr, Jul and Oct.
    m.w.set("fiscal_year_start_month", "1");
    assert_eq!(
        m.w.summary("2026-05", SummaryOptions::default())
            .okr_quarter,
        None
    );
    let april = m.w.summary("2026-04", SummaryOptions::default());
    assert_eq!(
        april.okr_quarter.map(|q| q.to_string()),
        Some("FY26-Q2".into())
    );
}

#[test]
fn internal_customers_check_ins_and_a_link_with_no_check_in() {
    let m = may();
    let s = default_summary(&m);
    let c = &person(&s, m.priya).customers;
    assert_eq!((c.check_ins, c.links_active), (2, 2));
    let quiet: Vec<(LinkId, &str, &str)> = c
        .without_check_in
        .iter()
        .map(|l| (l.link_id, l.team.as_str(), l.category.as_str()))
        .collect();
    assert_eq!(quiet, [(m.support, "Support", "Epics")]);
}

#[test]
fn wins_noted_and_shared_and_one_shared_the_next_month() {
    let m = may();
    let s = default_summary(&m);
    let w = &person(&s, m.priya).wins;
    assert_eq!((w.noted, w.shared), (2, 2));
    let texts: Vec<(&str, Option<NaiveDate>)> = w
        .noted_in_month
        .iter()
        .map(|x| (x.text.as_str(), x.shared_on))
        .collect();
    assert_eq!(
        texts,
        [
            ("Shipped *pricing* v2 | big <win>", Some(d("2026-05-12"))),
            ("Closed the Acme deal", Some(d("2026-06-02"))),
        ]
    );
}

#[test]
fn interviews_with_the_person_among_the_interviewers() {
    let m = may();
    let s = default_summary(&m);
    assert_eq!(person(&s, m.priya).interviews, 2);
    assert_eq!(person(&s, m.marco).interviews, 1);
    assert_eq!(person(&s, m.hostile).interviews, 0);
}

#[test]
fn the_leaders_walkthroughs_and_hiring() {
    let m = may();
    let s = default_summary(&m);
    let l = &s.leader;
    let walks: Vec<(NaiveDate, &str, Vec<&str>)> = l
        .walkthroughs
        .iter()
        .map(|w| {
            (
                w.date,
                w.title.as_str(),
                w.stages.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        walks,
        [
            (
                d("2026-05-14"),
                "Plan & Create walkthrough",
                vec!["Plan", "Create"]
            ),
            (
                d("2026-05-28"),
                "Verify <pipelines>",
                vec!["plan", "Verify"]
            ),
        ]
    );
    assert_eq!(l.stages_covered, ["Create", "Plan", "Verify"]);
    assert!(l.walkthroughs.iter().all(|w| w.findings.is_none()));
    let open: Vec<&str> = l
        .hiring
        .open_at_end
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(open, ["Senior PM, Verify"]);
    assert_eq!(l.hiring.open_at_end[0].requisition_id, m.q1);
    let filled: Vec<&str> = l.hiring.filled.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(filled, ["PM, Plan"]);
    assert_eq!(l.hiring.interviews, 2);
}

#[test]
fn overdue_at_month_end_by_rule_with_zeros_and_hidden_items() {
    let m = may();
    let s = default_summary(&m);
    let o = &s.leader.overdue_at_month_end;
    assert_eq!(
        (o.as_of, o.records_as_of),
        (d("2026-06-01"), d("2026-05-31"))
    );
    let counts: Vec<(Rule, u32)> = o.by_rule.iter().map(|c| (c.rule, c.count)).collect();
    assert_eq!(
        counts,
        [
            // Priya's next 1:1 is due June 4 (the one held June 1 does not
            // count either way); Marco is not active on May 31.
            (Rule::OneOnOne, 0),
            // The HELP opened May 26, due May 28.
            (Rule::Request, 1),
            // The DOTO due May 25, closed June 3.
            (Rule::Action, 1),
            // Priya's 3-month vision (done June 3) and OKRs; the leader's
            // April portfolio direction.
            (Rule::Update, 3),
            // Support: last check-in April 10 (the June 1 one does not count).
            (Rule::CustomerCheckIn, 1),
            (Rule::CustomerEpic, 1),
            // April had no walkthrough; May had two.
            (Rule::Walkthrough, 1),
            (Rule::StageWalkthrough, 0),
            // Q1 (filled June 1): no peer in its loop; last interview May 13.
            (Rule::HiringPeer, 1),
            (Rule::RequisitionStale, 1),
            // The May 26 win is due June 2.
            (Rule::WinUnshared, 0),
            // Tracking began April 1: the first CDF review is due June 30,
            // the first career conversation in September; no skip-level
            // reports.
            (Rule::CdfReview, 0),
            (Rule::CareerConversation, 0),
            (Rule::SkipLevel, 0),
        ]
    );
    assert_eq!(o.total, 10);
    assert_eq!(o.items.len(), 10);
    let hidden: Vec<&str> = o
        .items
        .iter()
        .filter(|n| n.hidden)
        .map(|n| n.key.as_str())
        .collect();
    assert_eq!(
        hidden,
        // In the catalogue's order: most overdue first.
        [
            format!("hiring_peer:{}", m.q1),
            format!("customer_check_in:{}:2026-05-10", m.support),
        ]
    );
    // Per person, the same items.
    let p = person(&s, m.priya);
    let mine: Vec<(Rule, u32)> = p
        .overdue_at_month_end
        .iter()
        .map(|c| (c.rule, c.count))
        .collect();
    assert_eq!(
        mine,
        [
            (Rule::OneOnOne, 0),
            (Rule::Request, 1),
            (Rule::Action, 1),
            (Rule::Update, 2),
            (Rule::CustomerCheckIn, 1),
            (Rule::CustomerEpic, 1),
            (Rule::WinUnshared, 0),
            (Rule::CdfReview, 0),
            (Rule::CareerConversation, 0),
            (Rule::SkipLevel, 0),
        ]
    );
    assert_eq!(person(&s, m.marco).overdue_total(), 0);
    assert_eq!(person(&s, m.hostile).overdue_total(), 0);
}

#[test]
fn the_grid_grades_each_practice() {
    let m = may();
    let s = default_summary(&m);
    let grades = |id| -> Vec<Grade> {
        Practice::all()
            .map(|p| person(&s, id).grade_of(p))
            .collect()
    };
    use Grade::*;
    // 1:1s, requests, actions, updates, internal customers, wins, CDF
    // reviews, career conversations, skip-levels (Marco left on May 15:
    // nothing owed at month end; Priya's skip-level reports Sam and Tess
    // are active at month end, and none is overdue).
    assert_eq!(
        grades(m.priya),
        [Partly, Missed, Missed, Missed, Missed, Partly, Ok, Ok, Ok]
    );
    assert_eq!(
        grades(m.marco),
        [
            Ok,
            Partly,
            NotApplicable,
            NotApplicable,
            NotApplicable,
            NotApplicable,
            NotApplicable,
            NotApplicable,
            NotApplicable
        ]
    );
    assert_eq!(
        grades(m.hostile),
        [
            Ok,
            NotApplicable,
            NotApplicable,
            Ok,
            NotApplicable,
            NotApplicable,
            Ok,
            Ok,
            NotApplicable
        ]
    );
}

#[test]
fn the_one_on_one_thresholds() {
    // (held, expected) → grade.
    let cases = [
        ((0, 0), Grade::NotApplicable),
        ((1, 0), Grade::Ok),
        ((4, 4), Grade::Ok),
        ((5, 4), Grade::Ok),
        ((3, 4), Grade::Partly),
        ((2, 4), Grade::Missed),
        ((0, 1), Grade::Missed),
    ];
    let m = may();
    let s = default_summary(&m);
    let mut p = person(&s, m.priya).clone();
    for ((held, expected), want) in cases {
        p.one_on_ones.held = held;
        p.one_on_ones.expected = expected;
        assert_eq!(
            summary::grade(&p, Practice::OneOnOne),
            want,
            "{held}/{expected}"
        );
    }
}

#[test]
fn cdf_reviews_career_conversations_and_skip_levels_per_pm() {
    // Mia manages Sam (never met) and Uma (left in April); Eve, who is not
    // tracked, manages Tom (never met). Ada was reviewed on April 1.
    let mut w = W::created("2026-01-05");
    let mia = w.person("Mia", "2025-06-01", |_| {});
    let ada = w.person("Ada", "2025-06-01", |_| {});
    let eve = w.person("Eve", "2025-06-01", |p| p.tracked = false);
    let report = |w: &mut W, name: &str, manager: PersonId| {
        let input = PersonInput::skip_level(name, d("2025-06-01"), manager);
        w.write(|tx| coachlog_core::store::people::insert(tx, &input))
            .id
    };
    let sam = report(&mut w, "Sam", mia);
    let uma = report(&mut w, "Uma", mia);
    report(&mut w, "Tom", eve);
    w.archive(uma, "2026-04-20");
    let input = CdfReviewInput::new(ada, d("2026-04-01"), &["Strategy"]);
    w.write(|tx| coachlog_core::store::cdf::insert(tx, &input));

    let s = w.summary("2026-05", SummaryOptions::default());
    // On June 1: both CDF reviews of the never reviewed are due April 5,
    // every skip-level April 6; career conversations only in July.
    let o = &s.leader.overdue_at_month_end;
    assert_eq!(
        [Rule::CdfReview, Rule::CareerConversation, Rule::SkipLevel].map(|r| o.count(r)),
        [1, 0, 2]
    );
    // Per PM, a skip-level counts with the report's manager; Tom's manager
    // has no row.
    let coaching = |s: &Summary, id| {
        let p = person(s, id);
        (
            [Rule::CdfReview, Rule::CareerConversation, Rule::SkipLevel].map(|r| p.overdue(r)),
            p.skip_level_reports,
            [
                Practice::CdfReviews,
                Practice::CareerConversations,
                Practice::SkipLevels,
            ]
            .map(|g| p.grade_of(g)),
        )
    };
    use Grade::*;
    assert_eq!(coaching(&s, mia), ([1, 0, 1], 1, [Missed, Ok, Missed]));
    assert_eq!(coaching(&s, ada), ([0, 0, 0], 0, [Ok, Ok, NotApplicable]));
    assert_eq!(
        s.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Ada", "Mia"]
    );
    let md = summary::render(&s, Format::Markdown);
    assert!(md.contains("| ❌ overdue | ✅ | ❌ 1 overdue |"), "{md}");

    // Met in May: on track.
    w.held(sam, "2026-05-20");
    let s = w.summary("2026-05", SummaryOptions::default());
    assert_eq!(coaching(&s, mia), ([1, 0, 0], 1, [Missed, Ok, Ok]));
    let md = summary::render(&s, Format::Markdown);
    assert!(md.contains("| ❌ overdue | ✅ | ✅ 1 report |"), "{md}");
}

#[test]
fn agenda_balance_per_pm_with_the_handbooks_sentence_past_half() {
    // Ada raised 1 item of May and the leader 2 (one closed in May, one in
    // June); Ben's 2 and 2 are even. Items of April 30 and June 1 do not
    // count.
    use OpenTag::*;
    use RaisedBy::{Leader, Person};
    let mut w = W::created("2026-01-05");
    let ada = w.person("Ada", "2025-06-01", |_| {});
    let ben = w.person("Ben", "2025-06-01", |_| {});
    w.item(ada, Discuss, Person, "2026-05-01", None, "x");
    let a = w.item(ada, Discuss, Leader, "2026-05-31", None, "x");
    w.close(a, CloseTag::Done, "2026-06-02");
    let b = w.item(ada, Todo, Leader, "2026-05-10", None, "x");
    w.close(b, CloseTag::Done, "2026-05-11");
    w.item(ada, Discuss, Person, "2026-04-30", None, "x");
    w.item(ada, Discuss, Person, "2026-06-01", None, "x");
    for by in [Person, Person, Leader, Leader] {
        w.item(ben, Help, by, "2026-05-15", None, "x");
    }
    // The sentence's first half, at its edges: one item, all of them.
    let cy = w.person("Cy", "2025-06-01", |_| {});
    w.item(cy, Discuss, Leader, "2026-05-15", None, "x");
    let dee = w.person("Dee", "2025-06-01", |_| {});
    w.item(dee, Discuss, Leader, "2026-05-15", None, "x");
    w.item(dee, Discuss, Leader, "2026-05-16", None, "x");
    let s = w.summary("2026-05", SummaryOptions::default());
    let balance = |id| {
        let b = &person(&s, id).agenda_balance;
        (b.raised_by_person, b.raised_by_leader, b.warning.is_some())
    };
    assert_eq!(balance(ada), (1, 2, true));
    assert_eq!(balance(ben), (2, 2, false));

    let sentence = "You raised 2 of the 3 items opened in May 2026. The handbook: \
                    “If the manager puts more than half of the items on the agenda this is an \
                    indication that something is wrong.”";
    let md = summary::markdown(&s);
    assert!(md.contains(sentence), "{md}");
    assert_eq!(md.matches("The handbook:").count(), 3, "{md}");
    assert!(md.contains("You raised the only item opened in May 2026. The handbook:"));
    assert!(md.contains("You raised all 2 items opened in May 2026. The handbook:"));
    assert!(
        md.contains("| Agenda balance (items opened) | 1 raised by them, 2 by you (67% by you) |")
    );
    let html = summary::html(&s);
    assert!(html.contains(sentence), "{html}");
    let csv = summary::csv(&s);
    for row in [
        "2026-05,1,Ada,agenda_balance.person,1",
        "2026-05,1,Ada,agenda_balance.leader,2",
        "2026-05,2,Ben,agenda_balance.person,2",
    ] {
        assert!(csv.contains(row), "{row} missing from\n{csv}");
    }
    let json: serde_json::Value = serde_json::from_str(&summary::render(&s, Format::Json)).unwrap();
    assert_eq!(
        json["people"][0]["agenda_balance"],
        serde_json::json!({
            "raised_by_person": 1,
            "raised_by_leader": 2,
            "warning": "If the manager puts more than half of the items on the agenda this is an indication that something is wrong"
        })
    );
}

// ---------------------------------------------------------------------------
// The month-end snapshot, on its edge.
// ---------------------------------------------------------------------------

/// A small world, with or without what happens on 1 June: a 1:1 held, a
/// HELP item closed, a win shared, a check-in, a walkthrough covering the
/// stage, an update done, a requisition filled and another opened, a link
/// and a person archived, a person starting.
fn edge(with_june: bool) -> W {
    let mut w = W::created("2026-04-01");
    w.set("stage_walkthrough_every_days", "30");
    let a = w.person("Ada", "2026-04-01", |p| {
        p.scope.stages = vec!["Plan".into()]
    });
    let b = w.person("Bo", "2026-04-01", |_| {});
    w.held(a, "2026-05-20");
    w.held(b, "2026-05-20");
    let help = w.item(
        a,
        OpenTag::Help,
        RaisedBy::Person,
        "2026-05-25",
        None,
        "help",
    );
    let win = w.win(a, "2026-05-20", "a win", None);
    let link = w.link(a, "Support", "Epics", "2026-04-01");
    w.check_in(link, "2026-04-20", true);
    let link2 = w.link(a, "Sales", "Pricing", "2026-04-01");
    let req = w.requisition("PM", "2026-05-01");
    w.walkthrough("2026-05-10", "May", &[], "");
    for kind in [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision] {
        w.update(Some(b), kind, "2026-04", Some("2026-04-10"), None);
        w.update(Some(b), kind, "2026-05", Some("2026-05-10"), None);
        w.update(Some(a), kind, "2026-04", Some("2026-04-10"), None);
    }
    w.update(
        Some(b),
        UpdateKind::Okrs,
        "FY27-Q2",
        Some("2026-05-10"),
        None,
    );
    let late = w.update(Some(a), UpdateKind::NextRelease, "2026-05", None, None);
    if with_june {
        w.held(a, "2026-06-01");
        w.held(b, "2026-06-01");
        w.close(help, CloseTag::Thanks, "2026-06-01");
        w.db.write(|tx| wins::share(tx, win, d("2026-06-01"), None))
            .unwrap();
        w.check_in(link, "2026-06-01", true);
        w.db.write(|tx| customers::archive_link(tx, link2, d("2026-06-01")))
            .unwrap();
        w.walkthrough("2026-06-01", "June", &["Plan"], "");
        w.db.write(|tx| updates::mark_done(tx, late, d("2026-06-01"), None))
            .unwrap();
        w.close_requisition(req, RequisitionStatus::Filled, "2026-06-01");
        w.requisition("EM", "2026-06-01");
        w.archive(b, "2026-06-01");
        w.person("Cy", "2026-06-01", |p| {
            p.scope.stages = vec!["Create".into()]
        });
    }
    w
}

fn keys(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut k: Vec<String> = items.into_iter().collect();
    k.sort();
    k
}

#[test]
fn month_end_reads_the_records_as_they_stood_at_the_end_of_the_last_day() {
    let with = edge(true);
    let without = edge(false);
    let summary = with.summary("2026-05", SummaryOptions::default());
    let got = keys(
        summary
            .leader
            .overdue_at_month_end
            .items
            .iter()
            .map(|n| n.key.clone()),
    );
    // The plain review on June 1 of a database that never had the June 1
    // records is the same list, item for item.
    let june1 = d("2026-06-01");
    let s = settings::load(without.db.conn()).unwrap();
    let records = Records::load(without.db.conn(), june1).unwrap();
    let want = keys(
        nudges::review(&records, &s, june1)
            .into_iter()
            .filter(|n| n.is_overdue())
            .map(|n| n.key),
    );
    assert_eq!(got, want);
    // And each June 1 record would have changed it: the naive review on
    // June 1 of the real database differs.
    let records = Records::load(with.db.conn(), june1).unwrap();
    let naive = keys(
        nudges::review(&records, &s, june1)
            .into_iter()
            .filter(|n| n.is_overdue())
            .map(|n| n.key),
    );
    let rules = |ks: &[String]| -> Vec<String> {
        let mut r: Vec<String> = ks
            .iter()
            .map(|k| k.split(':').next().unwrap().to_string())
            .collect();
        r.sort();
        r.dedup();
        r
    };
    assert_eq!(
        rules(&got),
        [
            "customer_check_in",
            "customer_epic",
            "hiring_peer",
            "one_on_one",
            "request",
            "requisition_stale",
            "stage_walkthrough",
            "update",
            "walkthrough",
            "win_unshared"
        ]
    );
    assert!(naive.len() < got.len(), "naive {naive:?} vs {got:?}");
    // Who is active is judged on May 31: Bo (archived June 1) counts, Cy
    // (since June 1) does not appear at all.
    let bo_one_on_one = got.iter().filter(|k| k.starts_with("one_on_one:")).count();
    assert_eq!(bo_one_on_one, 2, "{got:?}");
    assert!(summary.people.iter().any(|p| p.name == "Bo"));
    assert!(!summary.people.iter().any(|p| p.name == "Cy"));
}

#[test]
fn month_end_of_a_month_ending_on_the_last_day_of_the_year() {
    let mut w = W::created("2026-11-02");
    let p = w.person("Ada", "2026-11-02", |_| {});
    w.held(p, "2026-12-24");
    w.held(p, "2027-01-01");
    let s = w.summary("2026-12", SummaryOptions::default());
    let o = &s.leader.overdue_at_month_end;
    assert_eq!(
        (o.as_of, o.records_as_of),
        (d("2027-01-01"), d("2026-12-31"))
    );
    // Dec 24 + 7 = Dec 31 < Jan 1: overdue by one day, the Jan 1 1:1 aside.
    assert_eq!(o.count(Rule::OneOnOne), 1);
}

// ---------------------------------------------------------------------------
// Privacy.
// ---------------------------------------------------------------------------

fn all_formats(s: &Summary) -> Vec<(Format, String)> {
    Format::ALL
        .iter()
        .map(|f| (*f, summary::render(s, *f)))
        .collect()
}

#[test]
fn by_default_no_note_agenda_text_or_finding_appears_in_any_format() {
    let m = may();
    let s = default_summary(&m);
    // Every agenda item text, 1:1 note and finding of the database.
    let conn = m.w.db.conn();
    let mut secrets: Vec<String> = PRIVATE.iter().map(|s| s.to_string()).collect();
    secrets.extend(
        agenda::list(conn, agenda::Filter::default())
            .unwrap()
            .into_iter()
            .map(|i| i.text),
    );
    secrets.extend(
        one_on_ones::list(conn, one_on_ones::Filter::default())
            .unwrap()
            .into_iter()
            .map(|o| o.notes)
            .filter(|n| !n.is_empty()),
    );
    secrets.extend(
        walkthroughs::list(conn, None, None)
            .unwrap()
            .into_iter()
            .map(|w| w.findings)
            .filter(|f| !f.is_empty()),
    );
    // CDF notes and focus areas are coaching content too.
    for r in cdf::list(conn, None).unwrap() {
        secrets.extend(r.focus);
        if !r.notes.is_empty() {
            secrets.push(r.notes);
        }
    }
    assert!(secrets.len() > 20);
    for (format, text) in all_formats(&s) {
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{format:?} shows {secret:?}"
            );
            let escaped = summary::markdown_escape(secret);
            assert!(!text.contains(&escaped), "{format:?} shows {escaped:?}");
            let escaped = summary::html_escape(secret);
            assert!(!text.contains(&escaped), "{format:?} shows {escaped:?}");
        }
    }
    // Not even in the data.
    assert!(s.people.iter().all(|p| p.notes.is_none()));
    // What is fine to share is there: names, win texts, walkthrough titles
    // and stages, requisition titles, internal-customer names, update links.
    let md = summary::markdown(&s);
    for fine in [
        "Priya Raman",
        "Closed the Acme deal",
        "Plan \\& Create walkthrough",
        "Senior PM, Verify",
        "Support (Epics)",
        "https://gitlab.example.com/mr/1",
    ] {
        assert!(md.contains(fine), "{fine:?} missing");
    }
}

#[test]
fn with_notes_the_months_notes_items_and_findings_appear() {
    let m = may();
    let s = m.w.summary(
        "2026-05",
        SummaryOptions {
            include_notes: true,
            generated_on: None,
        },
    );
    assert!(s.includes_notes);
    let n = person(&s, m.priya).notes.as_ref().unwrap();
    assert_eq!(n.one_on_ones.len(), 5);
    assert!(n.one_on_ones[0]
        .notes
        .starts_with("We talked about the pricing launch."));
    let open: Vec<&str> = n.open_items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        open,
        [
            "Write the persona doc",
            "Discuss the reorg",
            "Book the design review",
            "Advice on hiring",
            "Feedback on the pricing page"
        ]
    );
    // Closed after the month: open at its end, without a closing tag.
    assert!(n
        .open_items
        .iter()
        .all(|i| i.closed_on.is_none() && i.close_tag.is_none()));
    let closed: Vec<&str> = n.closed_items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        closed,
        [
            "Intro to the data team",
            "Ask about the pricing committee",
            "Leader's own question",
            "Need context on the reorg",
            "Draft the Q3 narrative",
            "Share the org chart"
        ]
    );
    assert_eq!(
        s.leader.walkthroughs[0].findings.as_deref(),
        Some("Secret findings: onboarding is *slow*")
    );
    let md = summary::markdown(&s);
    for shown in [
        "pricing launch",
        "Secret findings",
        "Ask about the pricing committee",
        "Discuss the reorg",
    ] {
        assert!(md.contains(shown), "{shown:?} missing");
    }
    // The CDF focus areas in force at the end of May (the review of May 12,
    // not June's), and May's review with its notes.
    let f = n.focus_areas.as_ref().unwrap();
    assert_eq!(f.date, d("2026-05-12"));
    assert_eq!(
        f.focus,
        [
            "Sharpen the pricing narrative",
            "Delegate | release <posts>"
        ]
    );
    assert_eq!(n.cdf_review_notes.len(), 1);
    assert_eq!(
        n.cdf_review_notes[0].notes,
        "CDF secret notes: ready for Principal in a year"
    );
    for (format, text) in all_formats(&s) {
        if matches!(format, Format::Csv) {
            // The CSV carries figures only, whatever the options.
            assert!(!text.contains("Sharpen the pricing"), "{format:?}");
            continue;
        }
        assert!(text.contains("Sharpen the pricing narrative"), "{format:?}");
        assert!(text.contains("CDF secret notes"), "{format:?}");
        assert!(!text.contains("June focus area"), "{format:?}");
    }
    // Check-in notes are never part of the summary.
    for (format, text) in all_formats(&s) {
        assert!(!text.contains("Private check-in notes"), "{format:?}");
    }
}

// ---------------------------------------------------------------------------
// Renderers.
// ---------------------------------------------------------------------------

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/summary")
}

/// A line diff of `want` → `got` (longest common subsequence), with three
/// lines of context around each change.
fn diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.split('\n').collect();
    let b: Vec<&str> = got.split('\n').collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', i + 1, a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', i + 1, a[i]));
            i += 1;
        } else {
            ops.push(('+', j + 1, b[j]));
            j += 1;
        }
    }
    let near = |k: usize| {
        ops[k.saturating_sub(3)..(k + 4).min(ops.len())]
            .iter()
            .any(|o| o.0 != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (op, line, text)) in ops.iter().enumerate() {
        if near(k) {
            if skipped {
                out.push_str("   …\n");
                skipped = false;
            }
            out.push_str(&format!("{op}{line:>5} {text}\n"));
        } else {
            skipped = true;
        }
    }
    out
}

/// Compares `got` with the committed snapshot `name`, or rewrites it when
/// `UPDATE_SNAPSHOTS=1`.
fn snapshot(name: &str, got: &str) {
    let path = snapshot_dir().join(name);
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(snapshot_dir()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run `UPDATE_SNAPSHOTS=1 cargo test -p coachlog-core --test integration summary::` \
             and review the new file",
            path.display()
        )
    });
    if want != got {
        panic!(
            "the {name} summary changed (- snapshot, + now):\n{}\nIf the change is intended, run \
             `UPDATE_SNAPSHOTS=1 cargo test -p coachlog-core --test integration summary::` and review the diff.",
            diff(&want, got)
        );
    }
}

#[test]
fn every_renderer_matches_its_snapshot() {
    let m = may();
    let s = default_summary(&m);
    for (format, text) in all_formats(&s) {
        snapshot(&format!("may.{}", format.extension()), &text);
    }
    let notes = m.w.summary(
        "2026-05",
        SummaryOptions {
            include_notes: true,
            generated_on: Some(d("2026-06-02")),
        },
    );
    snapshot("may-notes.md", &summary::markdown(&notes));
    snapshot("may-notes.html", &summary::html(&notes));
}

#[test]
fn the_same_database_and_month_give_the_same_bytes() {
    let m = may();
    let a = all_formats(&default_summary(&m));
    let b = all_formats(&default_summary(&m));
    assert_eq!(a, b);
    // A month with nobody in it still renders every format.
    let empty = W::created("2026-04-01");
    let s = empty.summary("2026-05", SummaryOptions::default());
    assert!(s.people.is_empty());
    assert!(summary::markdown(&s).contains("No tracked PM was active in May 2026."));
    for (format, text) in all_formats(&s) {
        assert!(text.ends_with('\n'), "{format:?}");
    }
}

#[test]
fn the_markdown_is_valid_gfm_with_the_expected_tables_and_tasks() {
    let m = may();
    for notes in [false, true] {
        let s = m.w.summary(
            "2026-05",
            SummaryOptions {
                include_notes: notes,
                generated_on: None,
            },
        );
        let md = summary::markdown(&s);
        let parsed = gfm::parse(&md);
        assert_eq!(
            parsed.html,
            Vec::<String>::new(),
            "raw HTML in the Markdown"
        );

        // The headline table: a header and one row per PM, eleven columns,
        // the hostile name whole in its cell.
        let headline = &parsed.tables[0];
        assert_eq!(
            headline[0],
            [
                "PM",
                "1:1s",
                "Requests",
                "Actions",
                "Updates",
                "Internal customers",
                "Wins",
                "CDF reviews",
                "Career conversations",
                "Skip-levels",
                "Overdue at month end"
            ]
        );
        let rows: Vec<&Vec<String>> = headline[1..].iter().collect();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == 11));
        assert_eq!(rows[0][0], HOSTILE);
        assert_eq!(
            rows[0][1..],
            [
                "✅ 4/4",
                "—",
                "—",
                "✅ 3 on time",
                "—",
                "—",
                "✅",
                "✅",
                "—",
                "0"
            ]
        );
        assert_eq!(rows[1][0], "Marco Rossi");
        assert_eq!(
            rows[1][1..],
            [
                "✅ 1/1",
                "⚠️ 1 late",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "0"
            ]
        );
        assert_eq!(rows[2][0], "Priya Raman");
        assert_eq!(
            rows[2][1..],
            [
                "⚠️ 3/4",
                "❌ 1 overdue",
                "❌ 1 overdue",
                "❌ 1 missing",
                "❌ 2 overdue",
                "⚠️ 1 late",
                "✅",
                "✅",
                "✅ 2 reports",
                "6"
            ]
        );

        // The leader's skip-levels: Priya's two reports active at month end
        // (Uma left on May 20), Sam met twice; Marco left on May 15.
        assert_eq!(
            parsed.tables[1],
            [
                [
                    "Manager",
                    "Skip-level reports",
                    "Met in May 2026",
                    "Held 1:1s"
                ],
                ["Priya Raman", "2", "1", "2"]
            ]
        );

        // Overdue at month end: fourteen rules and a total.
        let overdue = &parsed.tables[2];
        assert_eq!(overdue[0], ["Rule", "Overdue"]);
        assert_eq!(overdue.len(), 1 + 14 + 1);
        assert_eq!(overdue[1], ["1. 1:1s", "0"]);
        assert_eq!(overdue[4], ["4. Updates", "3"]);
        assert_eq!(overdue[14], ["14. Skip-levels", "0"]);
        assert_eq!(overdue[15], ["Total", "10"]);

        // One figures table per PM, two columns each.
        assert_eq!(parsed.tables.len(), 3 + 3);
        for t in &parsed.tables[3..] {
            assert_eq!(t[0], ["Practice", "May 2026"]);
            assert_eq!(t.len(), 14);
            assert!(t.iter().all(|r| r.len() == 2));
        }
        let priya = &parsed.tables[5];
        assert_eq!(
            priya[13],
            [
                "Overdue at month end",
                "6: requests 1, actions 1, updates 2, customer check-ins 1, category epics 1"
            ]
        );
        assert_eq!(
            priya[6][1],
            "2 check-ins; 2 links active; no check-in: Support (Epics)"
        );

        // Task lists: wins (2 shared), portfolio direction (done), hiring
        // (1 open, 1 filled), 10 overdue items, updates (hostile 3 done;
        // Priya 2 done, 1 missing), and with notes the agenda items (Priya's
        // 5 open and 6 closed, Marco's 1 closed, the hostile-named PM's 1
        // closed).
        let open = parsed.tasks.iter().filter(|t| !**t).count();
        let done = parsed.tasks.iter().filter(|t| **t).count();
        if notes {
            assert_eq!((open, done), (1 + 10 + 1 + 5, 2 + 1 + 1 + 3 + 2 + 8));
        } else {
            assert_eq!((open, done), (1 + 10 + 1, 2 + 1 + 1 + 3 + 2));
        }
    }
}

/// The start tags used in an HTML document, in order of appearance.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(k) = html[i..].find('<') {
        let start = i + k + 1;
        let name: String = html[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        if !name.is_empty() {
            out.push(name.to_ascii_lowercase());
        }
        i = start;
        if i >= bytes.len() {
            break;
        }
    }
    out
}

#[test]
fn the_html_is_self_contained_and_inert() {
    let m = may();
    for notes in [false, true] {
        let s = m.w.summary(
            "2026-05",
            SummaryOptions {
                include_notes: notes,
                generated_on: None,
            },
        );
        let html = summary::html(&s);
        let lower = html.to_ascii_lowercase();
        for banned in [
            "<script",
            "url(",
            "@import",
            "src=",
            "href=",
            "<link",
            "<img",
            "<iframe",
            "<object",
            "javascript:",
            " on",
        ] {
            if banned == " on" {
                // No event handler attribute (onload=, onclick=…).
                assert!(
                    !lower.contains(" onload=")
                        && !lower.contains(" onclick=")
                        && !lower.contains(" onerror=")
                );
                continue;
            }
            assert!(!lower.contains(banned), "{banned:?} in the HTML");
        }
        // Web addresses only inside the update links, printed as text.
        let mut rest = html.clone();
        let mut links: Vec<String> = s
            .people
            .iter()
            .flat_map(|p| p.updates.iter().filter_map(|u| u.link.clone()))
            .chain(
                s.people
                    .iter()
                    .filter_map(|p| p.notes.as_ref())
                    .flat_map(|n| n.cdf_review_notes.iter().filter_map(|r| r.link.clone())),
            )
            .chain(
                s.leader
                    .portfolio_direction
                    .iter()
                    .filter_map(|u| u.link.clone()),
            )
            .chain(s.leader.milestones.iter().filter_map(|m| m.link.clone()))
            .map(|l| format!("<span class=\"link\">{}</span>", summary::html_escape(&l)))
            .collect();
        links.sort_by_key(|l| (std::cmp::Reverse(l.len()), l.clone()));
        links.dedup();
        for l in &links {
            assert!(rest.contains(l.as_str()), "{l}");
            rest = rest.replace(l.as_str(), "");
        }
        assert!(!rest.contains("http://") && !rest.contains("https://"));
        // Only these elements, whatever the user typed.
        let allowed = [
            "!doctype",
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "header",
            "h1",
            "h2",
            "h3",
            "h4",
            "p",
            "strong",
            "section",
            "figure",
            "figcaption",
            "svg",
            "g",
            "text",
            "rect",
            "circle",
            "line",
            "path",
            "ul",
            "li",
            "span",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "pre",
        ];
        for t in tags(&html) {
            assert!(allowed.contains(&t.as_str()), "unexpected element <{t}>");
        }
        // The hostile name is text.
        assert!(html.contains("a|b&lt;script&gt;"));
        assert!(!html.contains(HOSTILE));
        // Printing.
        assert!(html.contains("@media print"));
        assert!(html.contains("@page"));
        // The three charts.
        assert_eq!(html.matches("<svg ").count(), 3);
    }
}

/// A small RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends a record");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("a bare LF ends a record"),
            c => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

fn write_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                if f.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[test]
fn the_csv_round_trips_through_an_rfc_4180_reader() {
    let m = may();
    let s = default_summary(&m);
    let text = summary::csv(&s);
    let rows = parse_csv(&text);
    assert_eq!(write_csv(&rows), text);
    assert_eq!(rows[0], ["month", "person_id", "person", "metric", "value"]);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert!(rows[1..].iter().all(|r| r[0] == "2026-05"));
    let value = |person: &str, metric: &str| -> String {
        rows.iter()
            .find(|r| r[2] == person && r[3] == metric)
            .unwrap_or_else(|| panic!("no row {person:?} {metric:?}"))[4]
            .clone()
    };
    assert_eq!(value(HOSTILE, "one_on_ones.held"), "4");
    assert_eq!(
        value(HOSTILE, "update.next_release.2026-05.link"),
        "https://gitlab.example.com/a|b?x=<y>&z=1"
    );
    assert_eq!(value("Priya Raman", "requests.closed_on_time"), "1");
    assert_eq!(
        value("Priya Raman", "update.three_month_vision.2026-05"),
        "done_late"
    );
    assert_eq!(value("Priya Raman", "update.okrs.FY27-Q2"), "missing");
    assert_eq!(value("Priya Raman", "coaching_tag.career"), "2");
    assert_eq!(value("Priya Raman", "grade.one_on_one"), "partly");
    assert_eq!(value("Marco Rossi", "one_on_ones.expected"), "1");
    // The leader's rows have no person.
    assert_eq!(value("", "portfolio_direction.2026-05"), "done_late");
    assert_eq!(value("", "overdue_at_month_end.update"), "3");
    assert_eq!(value("", "overdue_at_month_end.total"), "10");
    let leader: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[2].is_empty() && r[0] != "month")
        .collect();
    assert!(leader.iter().all(|r| r[1].is_empty()));
    let rules = leader
        .iter()
        .filter(|r| r[3].starts_with("overdue_at_month_end."))
        .count();
    assert_eq!(rules, 14 + 1);
}

#[test]
fn the_json_is_the_summary_and_every_field_is_documented() {
    let m = may();
    let s = m.w.summary(
        "2026-05",
        SummaryOptions {
            include_notes: true,
            generated_on: Some(d("2026-06-02")),
        },
    );
    let text = summary::json(&s);
    assert!(text.ends_with("}\n"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["month"], "2026-05");
    assert_eq!(v["generated_on"], "2026-06-02");
    assert_eq!(v["people"][2]["updates"][1]["outcome"], "done_late");
    assert_eq!(
        v["leader"]["overdue_at_month_end"]["by_rule"][3]["rule"],
        "update"
    );
    assert_eq!(v["people"][2]["coverage"][0]["practice"], "one_on_one");
    assert_eq!(v["people"][2]["coverage"][0]["grade"], "partly");

    fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    out.insert(k.clone());
                    keys(x, out);
                }
            }
            serde_json::Value::Array(xs) => xs.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    let mut all = std::collections::BTreeSet::new();
    keys(&v, &mut all);
    let docs = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/summary.md"),
    )
    .unwrap();
    let missing: Vec<&String> = all
        .iter()
        .filter(|k| !docs.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields not described in docs/summary.md: {missing:?}"
    );
}

#[test]
fn export_renders_what_build_returns() {
    let m = may();
    let options = SummaryOptions::default();
    let s = default_summary(&m);
    for format in Format::ALL {
        assert_eq!(
            summary::export(m.w.db.conn(), month("2026-05"), &options, format).unwrap(),
            summary::render(&s, format)
        );
    }
}

#[test]
fn milestones_of_the_month_and_the_next_show_without_their_notes() {
    let m = may();
    for include_notes in [false, true] {
        let s = m.w.summary(
            "2026-05",
            SummaryOptions {
                include_notes,
                generated_on: None,
            },
        );
        let titles: Vec<&str> = s
            .leader
            .milestones
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(titles, ["Portfolio GA *beta* | all", "Pricing <change>"]);
        assert_eq!(s.leader.milestones[0].release.as_deref(), Some("19.0"));
        for text in [summary::markdown(&s), summary::html(&s), summary::json(&s)] {
            assert!(!text.contains("Secret milestone notes"), "{include_notes}");
        }
    }
}
