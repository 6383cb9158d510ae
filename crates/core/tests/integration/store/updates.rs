//! `store::updates`: accountability updates.

use coachlog_core::model::*;
use coachlog_core::store::updates::{self, Filter};

use crate::support::{add_person, d, db, refused};

fn input(person: Option<PersonId>, kind: UpdateKind, period: &str) -> UpdateInput {
    UpdateInput {
        person_id: person,
        kind,
        period: period.parse().unwrap(),
        status: UpdateStatus::InReview,
        done_on: None,
        link: None,
        objectives: Vec::new(),
    }
}

#[test]
fn updates_are_checked_for_kind_period_person_and_done_date() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let cases: Vec<(UpdateInput, &str)> = vec![
        (
            input(Some(p.id), UpdateKind::Okrs, "2026-05"),
            "OKRs are per fiscal quarter",
        ),
        (
            input(Some(p.id), UpdateKind::NextRelease, "FY27-Q1"),
            "Next release updates are monthly",
        ),
        (
            input(None, UpdateKind::NextRelease, "2026-05"),
            "belongs to a person",
        ),
        (
            input(Some(p.id), UpdateKind::PortfolioDirection, "2026-05"),
            "leave the person out",
        ),
        (
            UpdateInput {
                status: UpdateStatus::Done,
                ..input(Some(p.id), UpdateKind::NextRelease, "2026-05")
            },
            "An update marked done needs the day it was done",
        ),
        (
            UpdateInput {
                done_on: Some(d("2026-05-01")),
                ..input(Some(p.id), UpdateKind::NextRelease, "2026-05")
            },
            "has a done date (2026-05-01); mark it done",
        ),
        (
            UpdateInput {
                link: Some("not a link".into()),
                ..input(Some(p.id), UpdateKind::NextRelease, "2026-05")
            },
            "is not a web link",
        ),
        (
            input(Some(PersonId(42)), UpdateKind::NextRelease, "2026-05"),
            "There is no person with id 42",
        ),
    ];
    for (i, needle) in cases {
        refused(&mut db, needle, |tx| updates::insert(tx, &i));
    }
}

#[test]
fn mark_done_keeps_the_link_and_lists_filter() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let mut i = input(Some(p.id), UpdateKind::ThreeMonthVision, "2026-05");
    i.link = Some("https://gitlab.com/g/p/-/merge_requests/7".into());
    let u = db.write(|tx| updates::insert(tx, &i)).unwrap();
    let done = db
        .write(|tx| updates::mark_done(tx, u.id, d("2026-05-18"), None))
        .unwrap();
    assert_eq!(done.status, UpdateStatus::Done);
    assert_eq!(done.done_on, Some(d("2026-05-18")));
    assert_eq!(
        done.link.as_deref(),
        Some("https://gitlab.com/g/p/-/merge_requests/7")
    );
    refused(&mut db, "is already done", |tx| {
        updates::mark_done(tx, u.id, d("2026-05-19"), None)
    });
    let pd = db
        .write(|tx| updates::insert(tx, &input(None, UpdateKind::PortfolioDirection, "2026-05")))
        .unwrap();
    let okr = db
        .write(|tx| updates::insert(tx, &input(Some(p.id), UpdateKind::Okrs, "FY27-Q2")))
        .unwrap();
    let leader = updates::list(
        db.conn(),
        Filter {
            person: Some(None),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(leader.iter().map(|u| u.id).collect::<Vec<_>>(), vec![pd.id]);
    let quarter = updates::list(
        db.conn(),
        Filter {
            period: Some("FY27-Q2".parse().unwrap()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        quarter.iter().map(|u| u.id).collect::<Vec<_>>(),
        vec![okr.id]
    );
    assert_eq!(
        updates::list(db.conn(), Filter::default()).unwrap().len(),
        3
    );
}

#[test]
fn okr_updates_hold_objectives_and_scored_key_results() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let okrs = UpdateInput {
        objectives: vec![Objective {
            text: "  Make planning effortless ".into(),
            key_results: vec![
                KeyResult {
                    text: "Roadmaps load in 1 s".into(),
                    score: Some("0.7".parse().unwrap()),
                },
                KeyResult {
                    text: "3 pilots".into(),
                    score: None,
                },
            ],
        }],
        ..input(Some(p.id), UpdateKind::Okrs, "FY27-Q1")
    };
    let u = db.write(|tx| updates::insert(tx, &okrs)).unwrap();
    assert_eq!(u.objectives[0].text, "Make planning effortless");
    assert_eq!(
        u.objectives[0].key_results[0].score.unwrap().to_string(),
        "0.7"
    );
    assert_eq!(updates::get(db.conn(), u.id).unwrap(), u);
    // Marking it done keeps them.
    let done = db
        .write(|tx| updates::mark_done(tx, u.id, d("2026-02-20"), None))
        .unwrap();
    assert_eq!(done.objectives, u.objectives);

    refused(&mut db, "Only an OKR update holds objectives", |tx| {
        updates::insert(
            tx,
            &UpdateInput {
                objectives: okrs.objectives.clone(),
                ..input(Some(p.id), UpdateKind::NextRelease, "2026-02")
            },
        )
    });
    refused(&mut db, "The objective 1 is empty", |tx| {
        updates::insert(
            tx,
            &UpdateInput {
                objectives: vec![Objective {
                    text: " ".into(),
                    key_results: vec![],
                }],
                ..input(Some(p.id), UpdateKind::Okrs, "FY27-Q2")
            },
        )
    });
}

#[test]
fn scores_are_from_0_to_1_with_two_decimals_at_most() {
    for (text, shown) in [
        ("0", "0.0"),
        ("1", "1.0"),
        ("0.7", "0.7"),
        ("0.85", "0.85"),
        (" 0.05 ", "0.05"),
    ] {
        let s: Score = text.parse().unwrap();
        assert_eq!(s.to_string(), shown, "{text}");
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            serde_json::json!(s.value())
        );
        assert_eq!(
            serde_json::from_value::<Score>(serde_json::json!(s.value())).unwrap(),
            s
        );
    }
    for bad in ["1.5", "-0.1", "0.755", "NaN", "abc", "inf"] {
        assert!(bad.parse::<Score>().is_err(), "{bad}");
    }
    assert!(serde_json::from_str::<Score>("0.333").is_err());
}
