//! `store::people`.

use coachlog_core::model::*;
use coachlog_core::store::people::{self, Filter};
use coachlog_core::ErrorKind;

use crate::support::{add_person, d, db, person_input, pm, refused};

#[test]
fn insert_and_get_round_trip_with_scope() {
    let mut db = db();
    let p = add_person(&mut db, "  Priya Raman ");
    assert_eq!(p.name, "Priya Raman");
    assert_eq!(p.scope.stages, vec!["Plan"]);
    assert_eq!(p.scope.groups, vec!["Project Management"]);
    assert!(p.tracked);
    assert_eq!(people::get(db.conn(), p.id).unwrap(), p);
}

#[test]
fn bad_people_are_refused_with_specific_messages() {
    let mut db = db();
    add_person(&mut db, "Priya Raman");
    let long = "x".repeat(201);
    let cases: Vec<(PersonInput, &str)> = vec![
        (person_input(""), "The name is empty"),
        (
            person_input(&long),
            "The name is 201 characters long; the most is 200",
        ),
        (
            person_input("priya raman"),
            "There is already a person named 'Priya Raman'",
        ),
        (
            PersonInput {
                cadence_days: Some(0),
                ..person_input("Zed")
            },
            "The 1:1 cadence must be between 1 and 366 days",
        ),
        (
            PersonInput {
                scope: Scope {
                    stages: vec!["Plan".into(), "plan".into()],
                    ..person_input("Zed").scope
                },
                ..person_input("Zed")
            },
            "The stage 'plan' is listed twice",
        ),
    ];
    for (input, needle) in cases {
        refused(&mut db, needle, |tx| people::insert(tx, &input));
    }
}

#[test]
fn update_replaces_details_and_scope() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let mut input = PersonInput::from(&p);
    input.name = "Ada Lovelace".into();
    input.scope.stages = vec!["Create".into(), "Verify".into()];
    input.cadence_days = Some(14);
    let q = db.write(|tx| people::update(tx, p.id, &input)).unwrap();
    assert_eq!(q.name, "Ada Lovelace");
    assert_eq!(q.scope.stages, vec!["Create", "Verify"]);
    assert_eq!(q.cadence_days, Some(14));
}

#[test]
fn archive_hides_from_the_default_list_and_unarchive_restores() {
    let mut db = db();
    let a = add_person(&mut db, "Ada");
    add_person(&mut db, "Bob");
    refused(&mut db, "is before Ada's 'since' date", |tx| {
        people::archive(tx, a.id, d("2020-01-01"))
    });
    let archived = db
        .write(|tx| people::archive(tx, a.id, d("2026-02-01")))
        .unwrap();
    assert_eq!(archived.archived_on, Some(d("2026-02-01")));
    assert!(!archived.is_active_on(d("2026-02-01")));
    assert!(archived.is_active_on(d("2026-01-31")));
    let names = |f| {
        people::list(db.conn(), f)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(Filter::default()), vec!["Bob"]);
    assert_eq!(
        names(Filter {
            include_archived: true
        }),
        vec!["Ada", "Bob"]
    );
    refused(&mut db, "already archived", |tx| {
        people::archive(tx, a.id, d("2026-03-01"))
    });
    db.write(|tx| people::unarchive(tx, a.id)).unwrap();
    assert_eq!(people::list(db.conn(), Filter::default()).unwrap().len(), 2);
}

#[test]
fn resolve_by_id_exact_name_or_unique_part() {
    let mut db = db();
    let a = add_person(&mut db, "Ada Lovelace");
    add_person(&mut db, "Adam Smith");
    let conn = db.conn();
    assert_eq!(people::resolve(conn, &a.id.to_string()).unwrap().id, a.id);
    assert_eq!(people::resolve(conn, "ada lovelace").unwrap().id, a.id);
    assert_eq!(people::resolve(conn, "love").unwrap().id, a.id);
    assert_eq!(
        people::resolve(conn, "ada").unwrap().id,
        a.id,
        "a whole word wins"
    );
    let err = people::resolve(conn, "ad").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("matches 2 people"), "{err}");
    let err = people::resolve(conn, "Zoe").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        people::resolve(conn, "999").unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn since_cannot_move_after_existing_records() {
    let mut db = db();
    let a = add_person(&mut db, "Ada");
    db.write(|tx| {
        coachlog_core::store::one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: a.id,
                date: d("2025-07-01"),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec![],
            },
        )
    })
    .unwrap();
    let mut input = PersonInput::from(&a);
    input.since = d("2025-08-01");
    refused(&mut db, "has records from 2025-07-01", |tx| {
        people::update(tx, a.id, &input)
    });
}

#[test]
fn scope_names_are_remembered_once_per_key() {
    let mut db = db();
    add_person(&mut db, "Ada");
    let mut other = person_input("Bob");
    other.scope.stages = vec!["plan".into(), "Verify".into()];
    db.write(|tx| people::insert(tx, &other)).unwrap();
    let stages = people::scope_names(db.conn(), "stage").unwrap();
    assert_eq!(stages.len(), 2, "{stages:?}");
}

#[test]
fn resolve_prefers_a_whole_word_then_a_prefix_then_any_part() {
    let mut db = db();
    let priya = add_person(&mut db, "Priya Raman");
    let priyanka = add_person(&mut db, "Priyanka Shah");
    let conn = db.conn();
    assert_eq!(people::resolve(conn, "priya").unwrap().id, priya.id);
    assert_eq!(people::resolve(conn, "priyanka").unwrap().id, priyanka.id);
    assert_eq!(people::resolve(conn, "sha").unwrap().id, priyanka.id);
    assert_eq!(people::resolve(conn, "aman").unwrap().id, priya.id);
    let err = people::resolve(conn, "pri").unwrap_err();
    assert!(err.to_string().contains("matches 2 people"), "{err}");
}

#[test]
fn archiving_before_existing_records_is_refused_but_the_same_day_is_fine() {
    let mut db = db();
    let a = add_person(&mut db, "Ada");
    db.write(|tx| {
        coachlog_core::store::one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: a.id,
                date: d("2026-03-05"),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec![],
            },
        )
    })
    .unwrap();
    refused(
        &mut db,
        "Ada has a 1:1 on 2026-03-05, after the archive date 2026-03-01",
        |tx| people::archive(tx, a.id, d("2026-03-01")),
    );
    db.write(|tx| people::archive(tx, a.id, d("2026-03-05")))
        .unwrap();
}

#[test]
fn skip_level_reports_name_a_manager_and_are_never_tracked() {
    let mut db = db();
    let manager = db
        .write(|tx| people::insert(tx, &pm("Grace Manager", "2025-06-01")))
        .unwrap();
    let report = db
        .write(|tx| {
            people::insert(
                tx,
                &PersonInput::skip_level("Sam Report", d("2025-06-01"), manager.id),
            )
        })
        .unwrap();
    assert_eq!(report.reports_to, Some(manager.id));
    assert!(!report.tracked);
    refused(&mut db, "skip-level reports are never tracked", |tx| {
        people::insert(
            tx,
            &PersonInput {
                tracked: true,
                ..PersonInput::skip_level("Tam", d("2025-06-01"), manager.id)
            },
        )
    });
    refused(&mut db, "not one of your managers", |tx| {
        people::insert(
            tx,
            &PersonInput::skip_level("Uma", d("2025-06-01"), report.id),
        )
    });
    refused(&mut db, "no person with id 99 to report to", |tx| {
        people::insert(
            tx,
            &PersonInput::skip_level("Vic", d("2025-06-01"), PersonId(99)),
        )
    });
    refused(&mut db, "cannot report to themselves", |tx| {
        people::update(
            tx,
            report.id,
            &PersonInput {
                reports_to: Some(report.id),
                ..PersonInput::from(&report)
            },
        )
    });
    // A manager with skip-level reports is not one.
    let other = db
        .write(|tx| people::insert(tx, &pm("Other Manager", "2025-06-01")))
        .unwrap();
    refused(&mut db, "has skip-level reports (Sam Report)", |tx| {
        people::update(
            tx,
            manager.id,
            &PersonInput {
                tracked: false,
                reports_to: Some(other.id),
                ..PersonInput::from(&manager)
            },
        )
    });
    // Moving a report to another manager, and making them a direct report.
    let moved = db
        .write(|tx| {
            people::update(
                tx,
                report.id,
                &PersonInput {
                    reports_to: Some(other.id),
                    ..PersonInput::from(&report)
                },
            )
        })
        .unwrap();
    assert_eq!(moved.reports_to, Some(other.id));
    let direct = db
        .write(|tx| {
            people::update(
                tx,
                report.id,
                &PersonInput {
                    reports_to: None,
                    tracked: true,
                    ..PersonInput::from(&moved)
                },
            )
        })
        .unwrap();
    assert_eq!((direct.reports_to, direct.tracked), (None, true));
}
