//! `store::search`: full-text search kept current by triggers.

use coachlog_core::model::*;
use coachlog_core::store::search::{search, HitKind};
use coachlog_core::store::{agenda, one_on_ones, walkthroughs, wins};

use crate::fixture::{add_person, d, db};

#[test]
fn finds_notes_items_walkthroughs_and_wins_and_follows_edits() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let o = db
        .write(|tx| {
            one_on_ones::insert(
                tx,
                &OneOnOneInput {
                    person_id: p.id,
                    date: d("2026-01-06"),
                    status: OneOnOneStatus::Held,
                    notes: "Discussed the pricing experiment".into(),
                    tags: vec![],
                },
            )
        })
        .unwrap();
    db.write(|tx| {
        agenda::insert(
            tx,
            &AgendaItemInput {
                person_id: p.id,
                text: "Pricing page copy".into(),
                open_tag: OpenTag::Todo,
                timing: None,
                raised_by: RaisedBy::Leader,
                opened_on: d("2026-01-06"),
                opened_in: Some(o.id),
            },
        )
    })
    .unwrap();
    db.write(|tx| {
        walkthroughs::insert(
            tx,
            &WalkthroughInput {
                date: d("2026-01-07"),
                title: "Café onboarding".into(),
                stages: vec![],
                categories: vec![],
                findings: "Pricing unclear".into(),
                issue_link: None,
            },
        )
    })
    .unwrap();
    db.write(|tx| {
        wins::insert(
            tx,
            &WinInput {
                person_id: p.id,
                noted_on: d("2026-01-08"),
                text: "Pricing launch went well".into(),
            },
        )
    })
    .unwrap();

    let hits = search(db.conn(), "pricing", 10).unwrap();
    let mut kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    kinds.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        kinds,
        vec![
            HitKind::AgendaItem,
            HitKind::OneOnOne,
            HitKind::Walkthrough,
            HitKind::Win
        ]
    );
    let note = hits.iter().find(|h| h.kind == HitKind::OneOnOne).unwrap();
    assert_eq!(
        (note.id, note.person.as_deref(), note.date),
        (o.id.0, Some("Ada"), d("2026-01-06"))
    );
    assert_eq!(note.snippet, "Discussed the pricing experiment");
    let matched: Vec<&str> = note
        .parts
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(matched, vec!["pricing"]);

    // Prefix on the last word, diacritics folded, every word required.
    assert_eq!(search(db.conn(), "pric", 10).unwrap().len(), 4);
    assert_eq!(search(db.conn(), "cafe", 10).unwrap().len(), 1);
    assert_eq!(
        search(db.conn(), "pricing experiment", 10).unwrap().len(),
        1
    );
    // Operators typed by the user are plain words, not syntax errors.
    assert!(search(db.conn(), "pricing OR \"", 10).unwrap().is_empty());

    let mut edited = OneOnOneInput {
        person_id: p.id,
        date: d("2026-01-06"),
        status: OneOnOneStatus::Held,
        notes: "Now about hiring".into(),
        tags: vec![],
    };
    db.write(|tx| one_on_ones::update(tx, o.id, &edited))
        .unwrap();
    assert_eq!(search(db.conn(), "experiment", 10).unwrap().len(), 0);
    assert_eq!(search(db.conn(), "hiring", 10).unwrap().len(), 1);
    edited.notes.clear();
    db.write(|tx| one_on_ones::update(tx, o.id, &edited))
        .unwrap();
    assert!(search(db.conn(), "hiring", 10).unwrap().is_empty());
}

#[test]
fn an_empty_query_is_a_clear_error() {
    let db = db();
    let err = search(db.conn(), "  ", 10).unwrap_err();
    assert_eq!(err.to_string(), "Give at least one word to search for.");
}
