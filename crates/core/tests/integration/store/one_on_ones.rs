//! `store::one_on_ones`, including logging a 1:1 with its agenda changes.

use coachlog_core::model::*;
use coachlog_core::store::{agenda, drafts, one_on_ones};

use crate::support::{add_person, d, db, dump, refused};

fn input(person: PersonId, date: &str) -> OneOnOneInput {
    OneOnOneInput {
        person_id: person,
        date: d(date),
        status: OneOnOneStatus::Held,
        notes: "## Career\nWants to lead the **roadmap** review.".into(),
        tags: vec!["career".into(), "Growth".into()],
    }
}

#[test]
fn insert_list_and_update() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let first = db
        .write(|tx| one_on_ones::insert(tx, &input(p.id, "2026-01-06")))
        .unwrap();
    let second = db
        .write(|tx| one_on_ones::insert(tx, &input(p.id, "2026-01-13")))
        .unwrap();
    assert_eq!(first.tags, vec!["career", "Growth"]);
    let listed = one_on_ones::list(
        db.conn(),
        one_on_ones::Filter {
            person: Some(p.id),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        listed.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![second.id, first.id]
    );
    let mut changed = input(p.id, "2026-01-13");
    changed.status = OneOnOneStatus::Skipped;
    changed.tags = vec![];
    let updated = db
        .write(|tx| one_on_ones::update(tx, second.id, &changed))
        .unwrap();
    assert_eq!(updated.status, OneOnOneStatus::Skipped);
    assert!(updated.tags.is_empty());
}

#[test]
fn bad_one_on_ones_are_refused() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    db.write(|tx| one_on_ones::insert(tx, &input(p.id, "2026-01-06")))
        .unwrap();
    refused(
        &mut db,
        "There is already a 1:1 with Ada on 2026-01-06",
        |tx| one_on_ones::insert(tx, &input(p.id, "2026-01-06")),
    );
    refused(&mut db, "There is no person with id 99", |tx| {
        one_on_ones::insert(tx, &input(PersonId(99), "2026-01-07"))
    });
    refused(&mut db, "has reported to you since 2025-06-01", |tx| {
        one_on_ones::insert(tx, &input(p.id, "2025-05-01"))
    });
    let mut bad = input(p.id, "2026-01-08");
    bad.notes = "a\u{0}b".into();
    refused(&mut db, "control character", |tx| {
        one_on_ones::insert(tx, &bad)
    });
    db.write(|tx| coachlog_core::store::people::archive(tx, p.id, d("2026-02-01")))
        .unwrap();
    refused(&mut db, "was archived on 2026-02-01", |tx| {
        one_on_ones::insert(tx, &input(p.id, "2026-02-02"))
    });
}

#[test]
fn log_opens_and_closes_items_in_one_transaction_and_clears_the_draft() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let old = db
        .write(|tx| {
            agenda::insert(
                tx,
                &AgendaItemInput {
                    person_id: p.id,
                    text: "Share the Q3 plan".into(),
                    open_tag: OpenTag::Todo,
                    timing: None,
                    raised_by: RaisedBy::Leader,
                    opened_on: d("2026-01-02"),
                    opened_in: None,
                },
            )
        })
        .unwrap();
    db.write(|tx| {
        drafts::save(
            tx,
            &Draft {
                person_id: p.id,
                date: d("2026-01-06"),
                status: OneOnOneStatus::Held,
                notes: "half".into(),
                tags: vec![],
                new_items: vec![],
                close_items: vec![],
            },
        )
    })
    .unwrap();
    let log = LogInput {
        one_on_one: input(p.id, "2026-01-06"),
        new_items: vec![
            NewItem {
                text: "How do I pitch this to the VP?".into(),
                open_tag: OpenTag::Help,
                timing: None,
                raised_by: RaisedBy::Person,
            },
            NewItem {
                text: "Review the vision MR".into(),
                open_tag: OpenTag::Doto,
                timing: Some("19.2".parse().unwrap()),
                raised_by: RaisedBy::Leader,
            },
        ],
        close_items: vec![ItemClosure {
            id: old.id,
            tag: CloseTag::Done,
        }],
    };
    let logged = db
        .write(|tx| coachlog_core::store::log::one_on_one(tx, &log))
        .unwrap();
    assert_eq!(logged.opened.len(), 2);
    assert!(logged
        .opened
        .iter()
        .all(|i| i.opened_in == Some(logged.one_on_one.id) && i.opened_on == d("2026-01-06")));
    assert_eq!(logged.closed[0].close_tag, Some(CloseTag::Done));
    assert_eq!(logged.closed[0].closed_in, Some(logged.one_on_one.id));
    assert_eq!(
        logged.closed[0].open_tag,
        OpenTag::Todo,
        "closing keeps the open tag"
    );
    assert!(drafts::get(db.conn(), p.id).unwrap().is_none());
}

#[test]
fn a_log_with_one_bad_item_writes_nothing() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let before = dump(db.conn());
    let log = LogInput {
        one_on_one: input(p.id, "2026-01-06"),
        new_items: vec![
            NewItem {
                text: "fine".into(),
                open_tag: OpenTag::Todo,
                timing: None,
                raised_by: RaisedBy::Leader,
            },
            NewItem {
                text: "too early".into(),
                open_tag: OpenTag::Todo,
                timing: Some(Timing::Date(d("2026-01-01"))),
                raised_by: RaisedBy::Leader,
            },
        ],
        close_items: vec![],
    };
    let err = db
        .write(|tx| coachlog_core::store::log::one_on_one(tx, &log))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("New item 2: The timing 2026-01-01 is before the item was opened"),
        "{err}"
    );
    assert_eq!(before, dump(db.conn()));
}

#[test]
fn tag_names_are_offered_by_use() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    db.write(|tx| one_on_ones::insert(tx, &input(p.id, "2026-01-06")))
        .unwrap();
    let mut other = input(p.id, "2026-01-13");
    other.tags = vec!["CAREER".into()];
    db.write(|tx| one_on_ones::insert(tx, &other)).unwrap();
    let tags = one_on_ones::tag_names(db.conn()).unwrap();
    assert_eq!(tags.len(), 2);
    assert_eq!(coachlog_core::validate::key(&tags[0]), "career");
}

#[test]
fn months_with_one_on_ones_newest_first() {
    let mut db = db();
    assert!(one_on_ones::months(db.conn()).unwrap().is_empty());
    let p = add_person(&mut db, "Priya Raman");
    for date in [
        "2026-01-31",
        "2026-01-05",
        "2026-03-01",
        "2025-12-31",
        "2026-03-31",
    ] {
        db.write(|tx| one_on_ones::insert(tx, &input(p.id, date)))
            .unwrap();
    }
    let months: Vec<(String, u32)> = one_on_ones::months(db.conn())
        .unwrap()
        .iter()
        .map(|m| (m.month.to_string(), m.one_on_ones))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-03".to_string(), 2),
            ("2026-01".to_string(), 2),
            ("2025-12".to_string(), 1)
        ]
    );
}

#[test]
fn moving_a_one_on_one_moves_what_was_raised_and_closed_in_it() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let first = db
        .write(|tx| {
            coachlog_core::store::log::one_on_one(
                tx,
                &LogInput {
                    new_items: vec![NewItem::new(
                        "Draft the vision",
                        OpenTag::Todo,
                        RaisedBy::Leader,
                    )],
                    ..LogInput::new(input(p.id, "2026-02-02"))
                },
            )
        })
        .unwrap();
    let item = first.opened[0].id;
    let o = db
        .write(|tx| one_on_ones::update(tx, first.one_on_one.id, &input(p.id, "2026-02-03")))
        .unwrap();
    assert_eq!(o.date, d("2026-02-03"));
    assert_eq!(
        agenda::get(db.conn(), item).unwrap().opened_on,
        d("2026-02-03")
    );
    // Closed in a later 1:1, which cannot move before the item was opened.
    let later = db
        .write(|tx| {
            coachlog_core::store::log::one_on_one(
                tx,
                &LogInput {
                    close_items: vec![ItemClosure {
                        id: item,
                        tag: CloseTag::Done,
                    }],
                    ..LogInput::new(input(p.id, "2026-02-10"))
                },
            )
        })
        .unwrap();
    refused(&mut db, "before its opening", |tx| {
        one_on_ones::update(tx, later.one_on_one.id, &input(p.id, "2026-02-02"))
    });
    db.write(|tx| one_on_ones::update(tx, later.one_on_one.id, &input(p.id, "2026-02-09")))
        .unwrap();
    assert_eq!(
        agenda::get(db.conn(), item).unwrap().closed_on,
        Some(d("2026-02-09"))
    );
    // Still one 1:1 per person and day.
    refused(&mut db, "already", |tx| {
        one_on_ones::update(tx, later.one_on_one.id, &input(p.id, "2026-02-03"))
    });
}

#[test]
fn an_item_raised_and_closed_in_one_one_on_one_moves_with_it() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let logged = db
        .write(|tx| {
            coachlog_core::store::log::one_on_one(
                tx,
                &LogInput {
                    new_items: vec![NewItem::new(
                        "Quick one",
                        OpenTag::Discuss,
                        RaisedBy::Person,
                    )],
                    ..LogInput::new(input(p.id, "2026-02-02"))
                },
            )
        })
        .unwrap();
    let item = logged.opened[0].id;
    db.write(|tx| {
        agenda::close(
            tx,
            item,
            CloseTag::Fyi,
            d("2026-02-02"),
            Some(logged.one_on_one.id),
        )
    })
    .unwrap();
    db.write(|tx| one_on_ones::update(tx, logged.one_on_one.id, &input(p.id, "2026-02-05")))
        .unwrap();
    let moved = agenda::get(db.conn(), item).unwrap();
    assert_eq!(
        (moved.opened_on, moved.closed_on),
        (d("2026-02-05"), Some(d("2026-02-05")))
    );
}
