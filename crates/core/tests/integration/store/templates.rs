//! `store::templates`: the leader's templates, and which is in force.

use coachlog_core::model::*;
use coachlog_core::store::templates::{self, Source, DEFAULT_ONE_ON_ONE, DEFAULT_WALKTHROUGH};

use crate::support::{add_person, db, refused};

#[test]
fn a_persons_own_then_the_leaders_then_coachlogs() {
    let mut db = db();
    let ada = add_person(&mut db, "Ada");
    let in_force = |db: &coachlog_core::Db, kind, person| {
        let t = templates::in_force(db.conn(), kind, person).unwrap();
        (t.body, t.source)
    };
    let one = TemplateKind::OneOnOne;
    assert_eq!(
        in_force(&db, one, Some(ada.id)),
        (DEFAULT_ONE_ON_ONE.to_string(), Source::Coachlog)
    );
    assert!(DEFAULT_ONE_ON_ONE.contains("## Career"));
    assert!(DEFAULT_WALKTHROUGH.contains("## Follow-ups"));
    db.write(|tx| templates::set(tx, one, None, "## Mine\n- \n\n\n"))
        .unwrap();
    assert_eq!(
        in_force(&db, one, Some(ada.id)),
        ("## Mine\n- \n".to_string(), Source::Leader),
        "trailing blank lines trimmed, one line end kept"
    );
    db.write(|tx| templates::set(tx, one, Some(ada.id), "## Ada's\n"))
        .unwrap();
    assert_eq!(in_force(&db, one, Some(ada.id)).1, Source::Person);
    assert_eq!(in_force(&db, one, None).1, Source::Leader);
    // An empty template is one: nothing is pre-filled.
    db.write(|tx| templates::set(tx, TemplateKind::Walkthrough, None, "  \n"))
        .unwrap();
    assert_eq!(
        in_force(&db, TemplateKind::Walkthrough, None),
        (String::new(), Source::Leader)
    );
    assert_eq!(templates::list(db.conn()).unwrap().len(), 3);
    // Reset: the next one down applies again; the old text comes back to
    // the caller (for an Undo).
    let removed = db
        .write(|tx| templates::reset(tx, one, Some(ada.id)))
        .unwrap();
    assert_eq!(removed.unwrap().body, "## Ada's\n");
    assert_eq!(in_force(&db, one, Some(ada.id)).1, Source::Leader);
    assert_eq!(
        db.write(|tx| templates::reset(tx, one, Some(ada.id)))
            .unwrap(),
        None
    );
}

#[test]
fn bad_templates_are_refused() {
    let mut db = db();
    let ada = add_person(&mut db, "Ada");
    refused(&mut db, "walkthrough template is one for all", |tx| {
        templates::set(tx, TemplateKind::Walkthrough, Some(ada.id), "x")
    });
    refused(&mut db, "no person with id 99", |tx| {
        templates::set(tx, TemplateKind::OneOnOne, Some(PersonId(99)), "x")
    });
    refused(&mut db, "the most is 20000", |tx| {
        templates::set(tx, TemplateKind::OneOnOne, None, &"x".repeat(20_001))
    });
    refused(&mut db, "control character", |tx| {
        templates::set(tx, TemplateKind::OneOnOne, None, "a\u{7}b")
    });
}
