//! `store::agenda`: the living agenda.

use coachlog_core::model::*;
use coachlog_core::store::agenda::{self, Filter};

use crate::support::{add_person, d, db, refused};

fn item(person: PersonId, text: &str, tag: OpenTag, opened: &str) -> AgendaItemInput {
    AgendaItemInput {
        person_id: person,
        text: text.into(),
        open_tag: tag,
        timing: None,
        raised_by: RaisedBy::Person,
        opened_on: d(opened),
        opened_in: None,
    }
}

#[test]
fn open_items_carry_over_oldest_first_and_closed_ones_follow() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let a = db
        .write(|tx| agenda::insert(tx, &item(p.id, "older", OpenTag::Discuss, "2026-01-02")))
        .unwrap();
    let b = db
        .write(|tx| agenda::insert(tx, &item(p.id, "newer", OpenTag::Help, "2026-01-09")))
        .unwrap();
    let c = db
        .write(|tx| agenda::insert(tx, &item(p.id, "done", OpenTag::Todo, "2026-01-01")))
        .unwrap();
    db.write(|tx| agenda::close(tx, c.id, CloseTag::Done, d("2026-01-09"), None))
        .unwrap();
    let all = agenda::list(
        db.conn(),
        Filter {
            person: Some(p.id),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        all.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![a.id, b.id, c.id]
    );
    let open = agenda::list(
        db.conn(),
        Filter {
            person: Some(p.id),
            open: Some(true),
            tag: None,
        },
    )
    .unwrap();
    assert_eq!(open.len(), 2);
    let help = agenda::list(
        db.conn(),
        Filter {
            person: None,
            open: Some(true),
            tag: Some(OpenTag::Help),
        },
    )
    .unwrap();
    assert_eq!(help.iter().map(|i| i.id).collect::<Vec<_>>(), vec![b.id]);
}

#[test]
fn timing_is_a_date_or_a_release_and_never_before_opening() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let mut with_release = item(p.id, "ship it", OpenTag::Todo, "2026-01-02");
    with_release.timing = Some("19.2".parse().unwrap());
    let i = db.write(|tx| agenda::insert(tx, &with_release)).unwrap();
    assert_eq!(i.timing.unwrap().to_string(), "19.2");
    let mut early = item(p.id, "too early", OpenTag::Todo, "2026-01-10");
    early.timing = Some(Timing::Date(d("2026-01-09")));
    refused(
        &mut db,
        "The timing 2026-01-09 is before the item was opened (2026-01-10)",
        |tx| agenda::insert(tx, &early),
    );
    refused(&mut db, "The agenda item is empty", |tx| {
        agenda::insert(tx, &item(p.id, "  ", OpenTag::Todo, "2026-01-02"))
    });
}

#[test]
fn closing_keeps_the_open_tag_and_reopening_clears_the_closure() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let i = db
        .write(|tx| agenda::insert(tx, &item(p.id, "x", OpenTag::Help, "2026-01-05")))
        .unwrap();
    refused(&mut db, "is before the day the item was opened", |tx| {
        agenda::close(tx, i.id, CloseTag::Thanks, d("2026-01-04"), None)
    });
    let closed = db
        .write(|tx| agenda::close(tx, i.id, CloseTag::Thanks, d("2026-01-06"), None))
        .unwrap();
    assert_eq!(
        (closed.open_tag, closed.close_tag, closed.closed_on),
        (OpenTag::Help, Some(CloseTag::Thanks), Some(d("2026-01-06")))
    );
    refused(
        &mut db,
        "was already closed as THANKS on 2026-01-06",
        |tx| agenda::close(tx, i.id, CloseTag::Done, d("2026-01-07"), None),
    );
    let edit = AgendaItemEdit {
        text: "x".into(),
        open_tag: OpenTag::Todo,
        timing: None,
        raised_by: RaisedBy::Person,
    };
    refused(&mut db, "its open tag stays HELP", |tx| {
        agenda::update(tx, i.id, &edit)
    });
    let reopened = db.write(|tx| agenda::reopen(tx, i.id)).unwrap();
    assert!(reopened.is_open());
    let retagged = db.write(|tx| agenda::update(tx, i.id, &edit)).unwrap();
    assert_eq!(retagged.open_tag, OpenTag::Todo);
}

#[test]
fn an_item_can_only_be_closed_in_a_one_on_one_with_its_person() {
    let mut db = db();
    let a = add_person(&mut db, "Ada");
    let b = add_person(&mut db, "Bob");
    let other = db
        .write(|tx| {
            coachlog_core::store::one_on_ones::insert(
                tx,
                &OneOnOneInput {
                    person_id: b.id,
                    date: d("2026-01-06"),
                    status: OneOnOneStatus::Held,
                    notes: String::new(),
                    tags: vec![],
                },
            )
        })
        .unwrap();
    let i = db
        .write(|tx| agenda::insert(tx, &item(a.id, "x", OpenTag::Todo, "2026-01-05")))
        .unwrap();
    refused(&mut db, "is with someone else", |tx| {
        agenda::close(tx, i.id, CloseTag::Done, d("2026-01-06"), Some(other.id))
    });
}
