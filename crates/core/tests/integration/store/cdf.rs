//! `store::cdf`: CDF reviews and their focus areas.

use coachlog_core::model::*;
use coachlog_core::store::{cdf, people, search};

use crate::support::{add_person, d, db, refused};

#[test]
fn record_edit_list_and_the_focus_in_force() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let mut first = CdfReviewInput::new(p.id, d("2026-01-12"), &["  Roadmap storytelling ", ""]);
    first.notes = "Strong *execution*.\n\nPractise the narrative.".into();
    first.link = Some(" https://docs.example.com/cdf/ada ".into());
    let a = db.write(|tx| cdf::insert(tx, &first)).unwrap();
    assert_eq!(a.focus, ["Roadmap storytelling"], "trimmed, blanks dropped");
    assert_eq!(a.link.as_deref(), Some("https://docs.example.com/cdf/ada"));
    let b = db
        .write(|tx| {
            cdf::insert(
                tx,
                &CdfReviewInput::new(p.id, d("2026-04-13"), &["Pricing", "Hiring", "Influence"]),
            )
        })
        .unwrap();
    assert_eq!(
        cdf::list(db.conn(), Some(p.id)).unwrap(),
        vec![b.clone(), a.clone()]
    );
    assert_eq!(
        cdf::latest_on(db.conn(), p.id, d("2026-04-12")).unwrap(),
        Some(a.clone())
    );
    assert_eq!(
        cdf::latest_on(db.conn(), p.id, d("2026-04-13")).unwrap(),
        Some(b.clone())
    );
    assert_eq!(
        cdf::latest_on(db.conn(), p.id, d("2026-01-11")).unwrap(),
        None
    );
    assert_eq!(
        cdf::between(db.conn(), d("2026-04-01"), d("2026-04-30")).unwrap(),
        vec![b.clone()]
    );
    let edited = db
        .write(|tx| {
            cdf::update(
                tx,
                a.id,
                &CdfReviewInput {
                    focus: vec!["Roadmap storytelling".into(), "Stakeholders".into()],
                    ..first.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(edited.focus.len(), 2);
    // Focus areas and notes are searchable.
    let hits = search::search(db.conn(), "stakeholders", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, search::HitKind::CdfReview);
    assert_eq!(hits[0].person.as_deref(), Some("Ada"));
    assert_eq!(search::search(db.conn(), "narrative", 10).unwrap().len(), 1);
}

#[test]
fn bad_reviews_are_refused_with_what_to_do() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let ok = CdfReviewInput::new(p.id, d("2026-01-12"), &["Pricing"]);
    db.write(|tx| cdf::insert(tx, &ok)).unwrap();
    let cases: Vec<(CdfReviewInput, &str)> = vec![
        (
            CdfReviewInput::new(p.id, d("2026-02-02"), &[]),
            "needs 1 to 3 focus areas",
        ),
        (
            CdfReviewInput::new(p.id, d("2026-02-02"), &["a", "b", "c", "d"]),
            "4 focus areas were given",
        ),
        (
            CdfReviewInput::new(p.id, d("2026-02-02"), &["a", "A "]),
            "listed twice",
        ),
        (
            CdfReviewInput::new(p.id, d("2026-02-02"), &["line one\nline two"]),
            "control character",
        ),
        (
            CdfReviewInput::new(p.id, d("2026-02-02"), &[&"x".repeat(301)]),
            "the most is 300",
        ),
        (
            CdfReviewInput::new(p.id, d("2025-01-01"), &["Pricing"]),
            "has reported to you since",
        ),
        (
            CdfReviewInput::new(p.id, d("2026-01-12"), &["Pricing"]),
            "already has a CDF review on",
        ),
        (
            CdfReviewInput {
                link: Some("javascript:alert(1)".into()),
                ..CdfReviewInput::new(p.id, d("2026-02-02"), &["Pricing"])
            },
            "http",
        ),
        (
            CdfReviewInput::new(PersonId(99), d("2026-02-02"), &["Pricing"]),
            "no person with id 99",
        ),
    ];
    for (input, needle) in cases {
        refused(&mut db, needle, |tx| cdf::insert(tx, &input));
    }
    // A person's 'since' cannot move past their review, nor their archive
    // date before it.
    let mut later = people::get(db.conn(), p.id).unwrap();
    later.since = d("2026-02-01");
    refused(&mut db, "has records from 2026-01-12", |tx| {
        people::update(tx, p.id, &PersonInput::from(&later))
    });
    refused(&mut db, "a CDF review on 2026-01-12", |tx| {
        people::archive(tx, p.id, d("2026-01-05"))
    });
}
