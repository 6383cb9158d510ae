//! `overview`: the Today screen's facts.

use coachlog_core::model::*;
use coachlog_core::overview::build;
use coachlog_core::store::{agenda, one_on_ones, people};

use crate::support::{add_person, d, db, person_input};

#[test]
fn next_one_on_ones_requests_and_actions_are_ordered_by_due() {
    let mut db = db(); // tracking since 2026-01-05
    let ada = add_person(&mut db, "Ada");
    let mut bob_input = person_input("Bob");
    bob_input.cadence_days = Some(14);
    let bob = db.write(|tx| people::insert(tx, &bob_input)).unwrap();
    db.write(|tx| {
        one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: ada.id,
                date: d("2026-01-12"),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec![],
            },
        )
    })
    .unwrap();
    db.write(|tx| {
        one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: ada.id,
                date: d("2026-01-19"),
                status: OneOnOneStatus::Skipped,
                notes: String::new(),
                tags: vec![],
            },
        )
    })
    .unwrap();
    let item =
        |person: PersonId, tag: OpenTag, by: RaisedBy, opened: &str, timing: Option<Timing>| {
            AgendaItemInput {
                person_id: person,
                text: format!("{tag:?}"),
                open_tag: tag,
                timing,
                raised_by: by,
                opened_on: d(opened),
                opened_in: None,
            }
        };
    // Friday + 2 business days = Tuesday.
    db.write(|tx| {
        agenda::insert(
            tx,
            &item(bob.id, OpenTag::Help, RaisedBy::Person, "2026-01-16", None),
        )
    })
    .unwrap();
    db.write(|tx| {
        agenda::insert(
            tx,
            &item(
                ada.id,
                OpenTag::Todo,
                RaisedBy::Leader,
                "2026-01-06",
                Some("18.9".parse().unwrap()),
            ),
        )
    })
    .unwrap();
    db.write(|tx| {
        agenda::insert(
            tx,
            &item(ada.id, OpenTag::Doto, RaisedBy::Leader, "2026-01-06", None),
        )
    })
    .unwrap();

    let o = build(db.conn(), d("2026-01-20")).unwrap();
    let next: Vec<(&str, chrono::NaiveDate)> = o
        .people
        .iter()
        .map(|s| (s.person.name.as_str(), s.next_due))
        .collect();
    // Ada: last held 01-12 + 7; Bob: never, tracking since 01-05 + 14.
    assert_eq!(
        next,
        vec![("Ada", d("2026-01-19")), ("Bob", d("2026-01-19"))]
    );
    assert_eq!(o.requests.len(), 1);
    assert_eq!(o.requests[0].due, Some(d("2026-01-20")));
    assert_eq!(o.requests[0].owner, RaisedBy::Leader);
    // 18.9 ships in 2026-02: third Thursday is 2026-02-19. The DOTO without timing comes last.
    let actions: Vec<(OpenTag, Option<chrono::NaiveDate>, RaisedBy)> = o
        .actions
        .iter()
        .map(|a| (a.item.open_tag, a.due, a.owner))
        .collect();
    assert_eq!(
        actions,
        vec![
            (OpenTag::Todo, Some(d("2026-02-19")), RaisedBy::Person),
            (OpenTag::Doto, None, RaisedBy::Leader)
        ]
    );
    let ada_summary = o.people.iter().find(|s| s.person.id == ada.id).unwrap();
    assert_eq!(
        (
            ada_summary.last_held,
            ada_summary.open_items,
            ada_summary.open_requests
        ),
        (Some(d("2026-01-12")), 2, 0)
    );
}
