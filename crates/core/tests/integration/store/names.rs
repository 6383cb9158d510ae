//! `store::names` and `store::is_empty`.

use coachlog_core::model::*;
use coachlog_core::store::names::{self, NameKind};
use coachlog_core::store::{self, customers, one_on_ones, walkthroughs};

use crate::support::{add_person, d, db, NAME_KINDS};

#[test]
fn names_are_remembered_once_per_spelling_from_every_source() {
    let mut db = db();
    assert!(store::is_empty(db.conn()).unwrap());
    for kind in NAME_KINDS {
        assert!(names::list(db.conn(), kind).unwrap().is_empty(), "{kind:?}");
    }
    let ada = add_person(&mut db, "Ada");
    assert!(!store::is_empty(db.conn()).unwrap());
    db.write(|tx| {
        walkthroughs::insert(
            tx,
            &WalkthroughInput {
                date: d("2026-02-12"),
                title: "Tour".into(),
                stages: vec!["plan".into(), "Verify".into()],
                categories: vec!["Boards".into()],
                findings: String::new(),
                issue_link: None,
            },
        )?;
        customers::insert_link(
            tx,
            &CustomerLinkInput {
                person_id: ada.id,
                team: "Support".into(),
                category: "boards".into(),
                since: d("2026-01-10"),
            },
        )?;
        one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: ada.id,
                date: d("2026-01-12"),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec!["career".into()],
            },
        )
    })
    .unwrap();
    let cases = [
        (NameKind::Stage, vec!["Plan", "Verify"]),
        (NameKind::Group, vec!["Project Management"]),
        (NameKind::Category, vec!["Boards"]),
        (NameKind::Tag, vec!["career"]),
        (NameKind::Team, vec!["Support"]),
    ];
    for (kind, expected) in cases {
        assert_eq!(names::list(db.conn(), kind).unwrap(), expected, "{kind:?}");
    }
}
