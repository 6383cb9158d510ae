//! `store::customers`: internal-customer links and check-ins.

use coachlog_core::model::*;
use coachlog_core::store::customers::{self, LinkFilter};

use crate::support::{add_person, d, db, refused};

fn link(person: PersonId, team: &str) -> CustomerLinkInput {
    CustomerLinkInput {
        person_id: person,
        team: team.into(),
        category: "Code Review".into(),
        since: d("2026-01-05"),
    }
}

fn check_in(link: LinkId, date: &str) -> CheckInInput {
    CheckInInput {
        link_id: link,
        date: d(date),
        epic_updated: true,
        notes: "They want merge trains.".into(),
    }
}

#[test]
fn links_are_unique_while_active_and_check_ins_respect_archiving() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let l = db
        .write(|tx| customers::insert_link(tx, &link(p.id, "Infrastructure")))
        .unwrap();
    refused(
        &mut db,
        "already has infrastructure as an internal customer",
        |tx| customers::insert_link(tx, &link(p.id, "infrastructure")),
    );
    db.write(|tx| customers::insert_check_in(tx, &check_in(l.id, "2026-01-20")))
        .unwrap();
    refused(
        &mut db,
        "is before the link to Infrastructure started",
        |tx| customers::insert_check_in(tx, &check_in(l.id, "2026-01-01")),
    );
    db.write(|tx| customers::archive_link(tx, l.id, d("2026-02-01")))
        .unwrap();
    refused(
        &mut db,
        "was archived on 2026-02-01; a check-in on 2026-02-03 cannot be recorded",
        |tx| customers::insert_check_in(tx, &check_in(l.id, "2026-02-03")),
    );
    // An archived link no longer blocks a new one for the same team.
    db.write(|tx| customers::insert_link(tx, &link(p.id, "Infrastructure")))
        .unwrap();
    refused(&mut db, "already covers Infrastructure", |tx| {
        customers::unarchive_link(tx, l.id)
    });
    assert_eq!(
        customers::list_links(
            db.conn(),
            LinkFilter {
                person: Some(p.id),
                include_archived: false
            }
        )
        .unwrap()
        .len(),
        1
    );
    assert_eq!(
        customers::list_links(
            db.conn(),
            LinkFilter {
                person: Some(p.id),
                include_archived: true
            }
        )
        .unwrap()
        .len(),
        2
    );
    let by_person = customers::list_check_ins(db.conn(), None, Some(p.id)).unwrap();
    assert_eq!(by_person.len(), 1);
    assert!(by_person[0].epic_updated);
}

#[test]
fn link_since_cannot_pass_its_first_check_in() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let l = db
        .write(|tx| customers::insert_link(tx, &link(p.id, "Support")))
        .unwrap();
    db.write(|tx| customers::insert_check_in(tx, &check_in(l.id, "2026-01-10")))
        .unwrap();
    let mut later = link(p.id, "Support");
    later.since = d("2026-01-15");
    refused(&mut db, "has a check-in on 2026-01-10", |tx| {
        customers::update_link(tx, l.id, &later)
    });
}
