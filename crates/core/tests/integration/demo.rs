//! `coachlog demo`: the generated team, its determinism, its refusal of a
//! non-empty database, and the bigger datasets for benchmarks.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use coachlog_core::demo::{self, DemoOptions, DemoReport};
use coachlog_core::model::*;
use coachlog_core::rule::Rule;
use coachlog_core::store::{
    self, agenda, cdf, customers, hiring, one_on_ones, people, templates, updates, walkthroughs,
    wins,
};
use coachlog_core::{nudges, settings, Db, ErrorKind};
use serde_json::{json, Value};

use crate::support::{d, pm};

const TODAY: &str = "2026-04-16";

fn filled(today: NaiveDate, options: &DemoOptions) -> (Db, DemoReport) {
    let mut db = Db::open_in_memory(today).unwrap();
    let report = demo::fill(&mut db, today, options)
        .unwrap_or_else(|e| panic!("demo on {today} with {options:?}: {e}"));
    (db, report)
}

/// Every record of the database, through the store's list functions.
struct Everything {
    people: Vec<Person>,
    one_on_ones: Vec<OneOnOne>,
    items: Vec<AgendaItem>,
    updates: Vec<Update>,
    links: Vec<CustomerLink>,
    check_ins: Vec<CheckIn>,
    requisitions: Vec<Requisition>,
    loop_members: Vec<LoopMember>,
    interviews: Vec<Interview>,
    walkthroughs: Vec<Walkthrough>,
    wins: Vec<Win>,
    cdf_reviews: Vec<CdfReview>,
}

fn everything(db: &Db) -> Everything {
    let c = db.conn();
    let requisitions = hiring::list_requisitions(c, true).unwrap();
    let loop_members = requisitions
        .iter()
        .flat_map(|r| hiring::list_loop(c, r.id).unwrap())
        .collect();
    Everything {
        people: people::list(
            c,
            people::Filter {
                include_archived: true,
            },
        )
        .unwrap(),
        one_on_ones: one_on_ones::list(c, Default::default()).unwrap(),
        items: agenda::list(c, Default::default()).unwrap(),
        updates: updates::list(c, Default::default()).unwrap(),
        links: customers::list_links(
            c,
            customers::LinkFilter {
                person: None,
                include_archived: true,
            },
        )
        .unwrap(),
        check_ins: customers::list_check_ins(c, None, None).unwrap(),
        requisitions,
        loop_members,
        interviews: hiring::list_interviews(c, None).unwrap(),
        walkthroughs: walkthroughs::list(c, None, None).unwrap(),
        wins: wins::list(c, Default::default()).unwrap(),
        cdf_reviews: cdf::list(c, None).unwrap(),
    }
}

/// The whole database as JSON, settings included.
fn dump(db: &Db) -> Value {
    let e = everything(db);
    json!({
        "settings": settings::list(db.conn()).unwrap(),
        "people": e.people,
        "one_on_ones": e.one_on_ones,
        "agenda_items": e.items,
        "updates": e.updates,
        "customer_links": e.links,
        "check_ins": e.check_ins,
        "requisitions": e.requisitions,
        "loop_members": e.loop_members,
        "interviews": e.interviews,
        "walkthroughs": e.walkthroughs,
        "wins": e.wins,
        "cdf_reviews": e.cdf_reviews,
        "templates": templates::list(db.conn()).unwrap(),
    })
}

/// The report's counts are the database's, kind by kind.
fn check_report(db: &Db, e: &Everything, r: &DemoReport) {
    assert_eq!(store::counts(db.conn()).unwrap(), r.records);
    let c = &r.records;
    assert_eq!(c.people, e.people.len());
    assert_eq!(c.one_on_ones, e.one_on_ones.len());
    assert_eq!(c.agenda_items, e.items.len());
    assert_eq!(c.updates, e.updates.len());
    assert_eq!(c.customer_links, e.links.len());
    assert_eq!(c.check_ins, e.check_ins.len());
    assert_eq!(c.requisitions, e.requisitions.len());
    assert_eq!(c.loop_members, e.loop_members.len());
    assert_eq!(c.interviews, e.interviews.len());
    assert_eq!(c.walkthroughs, e.walkthroughs.len());
    assert_eq!(c.wins, e.wins.len());
    assert_eq!(c.cdf_reviews, e.cdf_reviews.len());
}

/// Every record is dated on or before `today`, and within the active period
/// of its person (and link).
fn check_dates(e: &Everything, today: NaiveDate, tracking_since: NaiveDate) {
    let person = |id: PersonId| e.people.iter().find(|p| p.id == id).unwrap();
    let active = |id: PersonId, day: NaiveDate, what: &str| {
        let p = person(id);
        assert!(
            day <= today,
            "{what} of {} on {day} is after {today}",
            p.name
        );
        assert!(
            p.is_active_on(day),
            "{what} of {} on {day}, not active then",
            p.name
        );
        assert!(
            day >= tracking_since,
            "{what} of {} on {day} is before the history",
            p.name
        );
    };
    for p in &e.people {
        assert!(p.since <= today, "{} since {}", p.name, p.since);
        assert!(
            p.archived_on.is_none_or(|a| a <= today && a > p.since),
            "{p:?}"
        );
    }
    for o in &e.one_on_ones {
        active(o.person_id, o.date, "1:1");
    }
    for i in &e.items {
        active(i.person_id, i.opened_on, "agenda item");
        if let Some(c) = i.closed_on {
            assert!(c <= today && c >= i.opened_on, "{i:?}");
        }
        if let Some(Timing::Date(t)) = i.timing {
            assert!(t >= i.opened_on, "{i:?}");
        }
        for in_id in [i.opened_in, i.closed_in].into_iter().flatten() {
            let o = e.one_on_ones.iter().find(|o| o.id == in_id).unwrap();
            assert_eq!(o.person_id, i.person_id);
            assert_eq!(o.status, OneOnOneStatus::Held, "{i:?} in a 1:1 not held");
        }
        if let (Some(o), Some(c)) = (i.closed_in, i.closed_on) {
            assert_eq!(e.one_on_ones.iter().find(|x| x.id == o).unwrap().date, c);
        }
    }
    for u in &e.updates {
        if let Some(done) = u.done_on {
            assert!(done <= today && done >= tracking_since, "{u:?}");
            if let Some(p) = u.person_id {
                let p = person(p);
                assert!(
                    done >= p.since && p.archived_on.is_none_or(|a| done < a),
                    "{u:?}"
                );
            }
        }
    }
    for l in &e.links {
        assert!(l.since <= today && l.archived_on.is_none_or(|a| a <= today && a >= l.since));
        assert!(person(l.person_id).is_active_on(l.since), "{l:?}");
    }
    for c in &e.check_ins {
        let l = e.links.iter().find(|l| l.id == c.link_id).unwrap();
        assert!(c.date <= today && c.date >= l.since, "{c:?}");
        assert!(
            l.archived_on.is_none_or(|a| c.date < a),
            "{c:?} after {l:?}"
        );
        active(l.person_id, c.date, "check-in");
    }
    for r in &e.requisitions {
        assert!(
            r.opened_on <= today && r.opened_on >= tracking_since,
            "{r:?}"
        );
        assert!(r.closed_on.is_none_or(|c| c <= today), "{r:?}");
    }
    for i in &e.interviews {
        let r = e
            .requisitions
            .iter()
            .find(|r| r.id == i.requisition_id)
            .unwrap();
        assert!(
            i.date >= r.opened_on && i.date <= r.closed_on.unwrap_or(today),
            "{i:?}"
        );
    }
    for w in &e.walkthroughs {
        assert!(w.date <= today && w.date >= tracking_since, "{w:?}");
    }
    for r in &e.cdf_reviews {
        active(r.person_id, r.date, "CDF review");
        assert!((1..=3).contains(&r.focus.len()), "{r:?}");
        assert!(person(r.person_id).tracked, "{r:?}");
    }
    for p in e.people.iter().filter(|p| p.reports_to.is_some()) {
        let manager = person(p.reports_to.unwrap());
        assert!(!p.tracked && manager.reports_to.is_none(), "{p:?}");
        assert!(p.archived_on == manager.archived_on, "{p:?} {manager:?}");
    }
    for w in &e.wins {
        active(w.person_id, w.noted_on, "win");
        assert!(
            w.shared_on.is_none_or(|s| s <= today && s >= w.noted_on),
            "{w:?}"
        );
    }
}

#[test]
fn the_default_demo_is_a_realistic_team() {
    let today = d(TODAY);
    let (db, report) = filled(today, &DemoOptions::default());
    let e = everything(&db);
    check_report(&db, &e, &report);
    assert_eq!(report.tracking_since, d("2025-12-16"));
    assert_eq!(
        settings::load(db.conn()).unwrap().tracking_since,
        report.tracking_since
    );
    check_dates(&e, today, report.tracking_since);

    // Every kind of record is there.
    for (kind, n) in report.records.iter() {
        assert!(n > 0, "no {}", kind.many());
    }

    // 6 to 8 PMs across two or three stages, in Product job families, and
    // the Group Manager's two PMs as skip-level reports.
    let direct = e.people.iter().filter(|p| p.reports_to.is_none()).count();
    assert!((6..=8).contains(&direct), "{direct}");
    let reports: Vec<&Person> = e.people.iter().filter(|p| p.reports_to.is_some()).collect();
    assert_eq!(reports.len(), 2);
    for r in &reports {
        let manager = e
            .people
            .iter()
            .find(|p| Some(p.id) == r.reports_to)
            .unwrap();
        assert_eq!(manager.job_family, JobFamily::GroupManagerProduct);
        assert!(!r.tracked);
    }
    let stages: BTreeSet<&str> = e
        .people
        .iter()
        .flat_map(|p| p.scope.stages.iter().map(String::as_str))
        .collect();
    assert!((2..=3).contains(&stages.len()), "{stages:?}");
    let sections: BTreeSet<&str> = e
        .people
        .iter()
        .filter_map(|p| p.scope.section.as_deref())
        .collect();
    assert!(sections.len() >= 2, "{sections:?}");
    assert!(e
        .people
        .iter()
        .any(|p| p.job_family == JobFamily::SeniorProductManager));
    assert!(e
        .people
        .iter()
        .any(|p| p.job_family == JobFamily::PrincipalProductManager));
    assert!(e
        .people
        .iter()
        .any(|p| p.job_family == JobFamily::GroupManagerProduct && p.level == Level::Manager));
    // Someone joined about a month ago, one is on a 14-day cadence, one left.
    assert!(e
        .people
        .iter()
        .any(|p| p.since > today - chrono::Days::new(45)));
    assert!(e.people.iter().any(|p| p.cadence_days == Some(14)));
    assert_eq!(
        e.people.iter().filter(|p| p.archived_on.is_some()).count(),
        1
    );

    // Weekly 1:1s, mostly held, with notes and coaching tags.
    let held: Vec<&OneOnOne> = e
        .one_on_ones
        .iter()
        .filter(|o| o.status == OneOnOneStatus::Held)
        .collect();
    assert!(
        held.len() * 10 >= e.one_on_ones.len() * 7,
        "{} of {}",
        held.len(),
        e.one_on_ones.len()
    );
    assert!(e
        .one_on_ones
        .iter()
        .any(|o| o.status != OneOnOneStatus::Held));
    assert!(held
        .iter()
        .all(|o| o.notes.len() > 80 && !o.tags.is_empty()));
    let notes: BTreeSet<&str> = held.iter().map(|o| o.notes.as_str()).collect();
    assert_eq!(notes.len(), held.len(), "notes repeat word for word");
    let tags: BTreeSet<&str> = held
        .iter()
        .flat_map(|o| o.tags.iter().map(String::as_str))
        .collect();
    for tag in ["career", "feedback", "risk", "growth", "delivery"] {
        assert!(tags.contains(tag), "no {tag} tag in {tags:?}");
    }
    assert!(
        !held.iter().any(|o| o.notes.contains('{')),
        "a placeholder was left"
    );

    // A living agenda: most items closed in a later 1:1, some open, some overdue.
    let closed = e.items.iter().filter(|i| !i.is_open()).count();
    assert!(closed * 2 > e.items.len());
    assert!(e
        .items
        .iter()
        .any(|i| i.closed_in.is_some() && i.closed_in != i.opened_in));
    let open: Vec<&AgendaItem> = e.items.iter().filter(|i| i.is_open()).collect();
    assert!(open
        .iter()
        .any(|i| i.open_tag == OpenTag::Help && i.raised_by == RaisedBy::Person));
    let overdue_actions = open
        .iter()
        .filter(|i| matches!(i.open_tag, OpenTag::Todo | OpenTag::Doto))
        .filter(|i| matches!(i.timing, Some(Timing::Date(t)) if t < today))
        .count();
    assert!(overdue_actions >= 2, "{overdue_actions} overdue actions");
    assert!(e
        .items
        .iter()
        .any(|i| matches!(i.timing, Some(Timing::Release(_)))));
    let close_tags: BTreeSet<CloseTag> = e.items.iter().filter_map(|i| i.close_tag).collect();
    assert!(close_tags.len() >= 4, "{close_tags:?}");

    // Updates: mostly done with MR links; the leader's portfolio direction; OKRs.
    let done = e
        .updates
        .iter()
        .filter(|u| u.status == UpdateStatus::Done)
        .count();
    assert!(done * 10 >= e.updates.len() * 7);
    assert!(e
        .updates
        .iter()
        .filter(|u| u.status == UpdateStatus::Done)
        .all(|u| u
            .link
            .as_deref()
            .is_some_and(|l| l.starts_with("https://gitlab.com/"))));
    assert!(e.updates.iter().any(|u| u.link.as_deref().is_some_and(
        |l| l.starts_with("https://gitlab.com/gitlab-com/www-gitlab-com/-/merge_requests/")
    )));
    assert!(e
        .updates
        .iter()
        .any(|u| u.kind == UpdateKind::PortfolioDirection));
    assert!(e.updates.iter().any(|u| u.kind == UpdateKind::Okrs
        && matches!(u.period, coachlog_core::calendar::Period::Quarter(_))));
    assert!(e.updates.iter().any(|u| u.status != UpdateStatus::Done));

    // Internal customers: one or two per PM, one lapsed.
    let lapsed = e.links.iter().filter(|l| l.archived_on.is_none()).any(|l| {
        let last = e
            .check_ins
            .iter()
            .filter(|c| c.link_id == l.id)
            .map(|c| c.date)
            .max();
        last.is_some_and(|last| last < today - chrono::Days::new(31))
    });
    assert!(lapsed, "no lapsed internal customer");
    assert!(
        e.check_ins.iter().any(|c| c.epic_updated) && e.check_ins.iter().any(|c| !c.epic_updated)
    );

    // Hiring: one open requisition whose loop has a PM who works with the hire.
    let open_reqs: Vec<&Requisition> = e
        .requisitions
        .iter()
        .filter(|r| r.status == RequisitionStatus::Open)
        .collect();
    assert_eq!(open_reqs.len(), 1);
    assert_eq!(
        open_reqs[0].title,
        "Senior Product Manager, Verify:Pipeline Authoring"
    );
    assert!(e
        .loop_members
        .iter()
        .any(|m| m.requisition_id == open_reqs[0].id
            && m.works_with_hire
            && matches!(m.member, Participant::Person(_))));
    let interviews: Vec<&Interview> = e
        .interviews
        .iter()
        .filter(|i| i.requisition_id == open_reqs[0].id)
        .collect();
    assert!(interviews.len() >= 3);
    assert!(interviews
        .iter()
        .flat_map(|i| &i.interviewers)
        .any(|p| matches!(p, Participant::Person(_))));
    assert!(interviews
        .iter()
        .flat_map(|i| &i.interviewers)
        .any(|p| matches!(p, Participant::Name(_))));
    assert!(e
        .requisitions
        .iter()
        .any(|r| r.status == RequisitionStatus::Filled));

    // Walkthroughs span stages and categories, monthly.
    assert!(e.walkthroughs.len() >= 4);
    for w in &e.walkthroughs {
        assert!(w.stages.len() >= 2 && w.categories.len() >= 2, "{w:?}");
        assert!(w.findings.contains("## Friction") && w.issue_link.is_some());
    }

    // Wins for several PMs, mostly shared, one left unshared for over a week.
    let winners: BTreeSet<PersonId> = e.wins.iter().map(|w| w.person_id).collect();
    assert!(winners.len() >= 3);
    let shared = e.wins.iter().filter(|w| w.shared_on.is_some()).count();
    assert!(
        shared * 3 >= e.wins.len() * 2,
        "{shared} of {}",
        e.wins.len()
    );
    assert!(e
        .wins
        .iter()
        .any(|w| w.shared_on.is_none() && w.noted_on < today - chrono::Days::new(7)));

    // Coaching the whole PM: a CDF history, career conversations, skip-levels
    // and OKR content, with what is left for rules 12 and 14.
    let overdue = nudges::overdue(db.conn(), today, false).unwrap();
    let named = |rule: Rule| -> BTreeSet<String> {
        overdue
            .iter()
            .filter(|n| n.rule == rule)
            .filter_map(|n| n.person.clone())
            .collect()
    };
    assert_eq!(
        named(Rule::CdfReview),
        BTreeSet::from(["Jonas Becker".to_string(), "Priya Raman".to_string()])
    );
    assert_eq!(
        named(Rule::SkipLevel),
        BTreeSet::from(["Aisling Murphy".to_string()])
    );
    // Four months are too short for a career conversation to be overdue.
    assert!(named(Rule::CareerConversation).is_empty());
    let reviewed: BTreeSet<PersonId> = e.cdf_reviews.iter().map(|r| r.person_id).collect();
    let tracked_before: Vec<&Person> = e
        .people
        .iter()
        .filter(|p| p.tracked && p.since < report.tracking_since)
        .collect();
    assert!(tracked_before.iter().all(|p| reviewed.contains(&p.id)));
    assert!(e.cdf_reviews.iter().any(|r| r.focus.len() == 1));
    assert!(e.cdf_reviews.iter().any(|r| r.focus.len() >= 2));
    assert!(e.cdf_reviews.iter().any(|r| r.link.is_some()));
    assert!(e
        .cdf_reviews
        .iter()
        .all(|r| r.notes.contains("**Strengths**")));
    let career =
        |o: &&OneOnOne| o.status == OneOnOneStatus::Held && o.tags.iter().any(|t| t == "career");
    let careers: Vec<&OneOnOne> = e.one_on_ones.iter().filter(career).collect();
    assert!(careers.len() >= 3, "{}", careers.len());
    // About twice a year: at most one in four months, none for Amara.
    for p in tracked_before.iter().filter(|p| p.archived_on.is_none()) {
        let n = careers.iter().filter(|o| o.person_id == p.id).count();
        let most = if p.name == "Amara Okafor" { 0 } else { 1 };
        assert!(n <= most, "{n} career conversations of {}", p.name);
    }
    for r in &reports {
        let held: Vec<&OneOnOne> = e
            .one_on_ones
            .iter()
            .filter(|o| o.person_id == r.id && o.status == OneOnOneStatus::Held)
            .collect();
        assert!(!held.is_empty(), "{}", r.name);
        assert!(held
            .iter()
            .all(|o| o.tags.iter().any(|t| t == "skip-level")));
    }
    let okrs: Vec<&Update> = e
        .updates
        .iter()
        .filter(|u| u.kind == UpdateKind::Okrs && u.status != UpdateStatus::NotStarted)
        .collect();
    assert!(!okrs.is_empty());
    for u in &okrs {
        assert!((2..=3).contains(&u.objectives.len()), "{u:?}");
        assert!(u
            .objectives
            .iter()
            .all(|o| (2..=3).contains(&o.key_results.len())));
    }
    let scores: Vec<Option<f64>> = okrs
        .iter()
        .flat_map(|u| &u.objectives)
        .flat_map(|o| &o.key_results)
        .map(|k| k.score.map(|s| s.value()))
        .collect();
    assert!(scores.iter().any(|s| s.is_some_and(|v| v > 0.0 && v < 1.0)));
    assert!(scores.iter().any(|s| s.is_none()));
    assert!(e
        .updates
        .iter()
        .filter(|u| u.kind != UpdateKind::Okrs)
        .all(|u| u.objectives.is_empty()));
    // The templates are Coachlog's, but for the Principal PM's own.
    let own = templates::list(db.conn()).unwrap();
    assert_eq!(own.len(), 1);
    let priya = e.people.iter().find(|p| p.name == "Priya Raman").unwrap();
    assert_eq!(own[0].person_id, Some(priya.id));
    assert!(
        own[0].body.starts_with("## Pipeline Execution"),
        "{}",
        own[0].body
    );
}

#[test]
fn a_longer_history_has_a_pm_overdue_for_a_career_conversation() {
    let today = d(TODAY);
    let options = DemoOptions {
        months: 9,
        ..DemoOptions::default()
    };
    let (db, report) = filled(today, &options);
    let e = everything(&db);
    check_report(&db, &e, &report);
    check_dates(&e, today, report.tracking_since);
    let overdue = nudges::overdue(db.conn(), today, false).unwrap();
    let careers: Vec<&str> = overdue
        .iter()
        .filter(|n| n.rule == Rule::CareerConversation)
        .filter_map(|n| n.person.as_deref())
        .collect();
    assert_eq!(careers, ["Amara Okafor"]);
    // About twice a year for the others.
    let priya = e.people.iter().find(|p| p.name == "Priya Raman").unwrap();
    let n = e
        .one_on_ones
        .iter()
        .filter(|o| o.person_id == priya.id && o.tags.iter().any(|t| t == "career"))
        .count();
    assert!((1..=2).contains(&n), "{n}");
    assert!(overdue.iter().any(|n| n.rule == Rule::SkipLevel));
}

#[test]
fn the_same_day_and_options_give_the_same_database() {
    let today = d(TODAY);
    let options = DemoOptions::default();
    let (a, ra) = filled(today, &options);
    let (b, rb) = filled(today, &options);
    assert_eq!(ra, rb);
    assert_eq!(dump(&a), dump(&b));

    // Another seed: the same team, another history.
    let (c, _) = filled(today, &DemoOptions { seed: 7, ..options });
    let names = |db: &Db| {
        everything(db)
            .people
            .into_iter()
            .map(|p| p.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&c));
    assert_ne!(dump(&a)["one_on_ones"], dump(&c)["one_on_ones"]);
}

#[test]
fn a_database_that_is_not_empty_is_refused_and_left_unchanged() {
    let today = d(TODAY);
    let check = |setup: &dyn Fn(&mut Db), message: &str| {
        let mut db = Db::open_in_memory(today).unwrap();
        setup(&mut db);
        let before = dump(&db);
        let err = demo::fill(&mut db, today, &DemoOptions::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
        assert_eq!(err.to_string(), message);
        assert_eq!(dump(&db), before);
    };
    check(
        &|db| {
            demo::fill(db, today, &DemoOptions::default()).unwrap();
        },
        "This database already has 9 people; the demo team only goes into an empty database. \
         Use --db to choose a new file.",
    );
    check(
        &|db| {
            db.write(|tx| {
                people::insert(
                    tx,
                    &PersonInput {
                        title: String::new(),
                        ..pm("Ada", "2026-01-05")
                    },
                )
            })
            .unwrap();
        },
        "This database already has 1 person; the demo team only goes into an empty database. \
         Use --db to choose a new file.",
    );
    check(
        &|db| {
            db.write(|tx| {
                walkthroughs::insert(
                    tx,
                    &WalkthroughInput {
                        date: d("2026-04-01"),
                        title: "Walk".into(),
                        stages: vec![],
                        categories: vec![],
                        findings: String::new(),
                        issue_link: None,
                    },
                )?;
                hiring::insert_requisition(
                    tx,
                    &RequisitionInput {
                        title: "PM".into(),
                        level: Level::Ic,
                        opened_on: d("2026-04-01"),
                    },
                )
            })
            .unwrap();
        },
        "This database already has 1 requisition and 1 walkthrough; the demo team only goes \
         into an empty database. Use --db to choose a new file.",
    );
}

#[test]
fn options_out_of_range_are_refused() {
    let today = d(TODAY);
    let check = |options: DemoOptions, message: &str| {
        let mut db = Db::open_in_memory(today).unwrap();
        let err = demo::fill(&mut db, today, &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert_eq!(err.to_string(), message);
        assert_eq!(everything(&db).people.len(), 0);
    };
    let base = DemoOptions::default();
    check(
        DemoOptions { people: 0, ..base },
        "The demo team has 1 to 1000 people; got 0.",
    );
    check(
        DemoOptions {
            people: 1001,
            ..base
        },
        "The demo team has 1 to 1000 people; got 1001.",
    );
    check(
        DemoOptions { months: 0, ..base },
        "The demo history is 1 to 240 months long (20 years); got 0.",
    );
    check(
        DemoOptions {
            months: 241,
            ..base
        },
        "The demo history is 1 to 240 months long (20 years); got 241.",
    );
}

#[test]
fn a_bigger_demo_scales() {
    let today = d(TODAY);
    let (_, small) = filled(today, &DemoOptions::default());
    let options = DemoOptions {
        people: 30,
        months: 24,
        seed: 99,
    };
    let (db, big) = filled(today, &options);
    let e = everything(&db);
    check_report(&db, &e, &big);
    check_dates(&e, today, big.tracking_since);
    // 30 direct reports, and the curated Group Manager's two PMs.
    assert_eq!(big.records.people, 32);
    assert_eq!(
        e.people.iter().filter(|p| p.reports_to.is_some()).count(),
        2
    );
    let names: BTreeSet<String> = e.people.iter().map(|p| p.name.to_lowercase()).collect();
    assert_eq!(names.len(), 32);
    // About four times the people over six times the months.
    assert!(
        big.records.one_on_ones > small.records.one_on_ones * 15,
        "{big:?} vs {small:?}"
    );
    assert!(
        big.records.agenda_items > small.records.agenda_items * 15,
        "{big:?} vs {small:?}"
    );
    assert!(
        big.records.updates > small.records.updates * 15,
        "{big:?} vs {small:?}"
    );
    assert!(
        big.records.check_ins > small.records.check_ins * 10,
        "{big:?} vs {small:?}"
    );
    assert!(
        big.records.wins > small.records.wins * 10,
        "{big:?} vs {small:?}"
    );
    assert!(big.records.walkthroughs >= 24);
    let stages: BTreeSet<&str> = e
        .people
        .iter()
        .flat_map(|p| p.scope.stages.iter().map(String::as_str))
        .collect();
    assert!(stages.len() > 3, "{stages:?}");
    // A year or two of history: internal customers change now and then.
    assert!(e.links.iter().any(|l| l.archived_on.is_some()));
}

#[test]
fn any_day_and_history_length_gives_valid_records() {
    for today in [
        "2026-01-01",
        "2028-02-29",
        "2026-12-31",
        "2027-03-06",
        "2026-07-19",
    ] {
        for months in [1, 2, 13] {
            let today = d(today);
            let options = DemoOptions {
                people: 8,
                months,
                seed: 3,
            };
            let (db, report) = filled(today, &options);
            let e = everything(&db);
            check_report(&db, &e, &report);
            check_dates(&e, today, report.tracking_since);
            assert!(
                report.records.one_on_ones > 0 && report.records.requisitions > 0,
                "{today} {months}"
            );
        }
    }
}
