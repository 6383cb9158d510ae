//! `store::drafts`: a 1:1 being written survives until logged or discarded.

use coachlog_core::model::*;
use coachlog_core::store::drafts;

use crate::support::{add_person, d, db, refused};

#[test]
fn save_replace_get_and_discard() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let mut draft = Draft {
        person_id: p.id,
        date: d("2026-01-06"),
        status: OneOnOneStatus::Held,
        notes: "Half a thought".into(),
        tags: vec!["career".into()],
        new_items: vec![NewItem {
            text: "ask about".into(),
            open_tag: OpenTag::Help,
            timing: None,
            raised_by: RaisedBy::Person,
        }],
        close_items: vec![],
    };
    db.write(|tx| drafts::save(tx, &draft)).unwrap();
    draft.notes.push_str(" and the rest");
    db.write(|tx| drafts::save(tx, &draft)).unwrap();
    assert_eq!(drafts::get(db.conn(), p.id).unwrap(), Some(draft.clone()));
    assert_eq!(drafts::list(db.conn()).unwrap().len(), 1);
    db.write(|tx| drafts::discard(tx, p.id)).unwrap();
    assert_eq!(drafts::get(db.conn(), p.id).unwrap(), None);
    let orphan = Draft {
        person_id: PersonId(77),
        ..draft
    };
    refused(&mut db, "There is no person with id 77", |tx| {
        drafts::save(tx, &orphan)
    });
}
