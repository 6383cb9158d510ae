//! `store::search`: full-text search kept current by triggers.

use coachlog_core::model::*;
use coachlog_core::store::search::{search, search_newest, HitKind};
use coachlog_core::store::{agenda, one_on_ones, walkthroughs, wins};

use crate::support::{add_person, d, db};

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
    // A new date moves the record in the index; it is found once, dated anew.
    edited.date = d("2025-09-04");
    db.write(|tx| one_on_ones::update(tx, o.id, &edited))
        .unwrap();
    let moved = search(db.conn(), "hiring", 10).unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!((moved[0].id, moved[0].date), (o.id.0, d("2025-09-04")));
    edited.notes.clear();
    db.write(|tx| one_on_ones::update(tx, o.id, &edited))
        .unwrap();
    assert!(search(db.conn(), "hiring", 10).unwrap().is_empty());
}

/// A win noted on `date` with `text`.
fn win(db: &mut coachlog_core::Db, person: PersonId, date: &str, text: &str) -> i64 {
    db.write(|tx| {
        wins::insert(
            tx,
            &WinInput {
                person_id: person,
                noted_on: d(date),
                text: text.into(),
            },
        )
    })
    .unwrap()
    .id
    .0
}

#[test]
fn a_very_common_word_is_ranked_among_its_newest_matches() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    // The best match is the oldest; the ids run against the dates, so only
    // the date can put the newest first.
    let best = win(&mut db, p.id, "2025-07-10", "Roadmap roadmap roadmap");
    let newest = win(
        &mut db,
        p.id,
        "2025-12-01",
        "The roadmap review, with the team, in detail",
    );
    let newer = win(
        &mut db,
        p.id,
        "2025-11-01",
        "A roadmap note among many other words here",
    );
    let old = win(
        &mut db,
        p.id,
        "2025-09-10",
        "The roadmap, once more, among other words",
    );

    let ids = |hits: Vec<coachlog_core::store::search::Hit>| -> Vec<i64> {
        hits.iter().map(|h| h.id).collect()
    };
    // Every match ranked: the best first.
    let all = ids(search(db.conn(), "roadmap", 10).unwrap());
    assert_eq!(all.len(), 4);
    assert_eq!(all[0], best);
    // Only the newest two ranked: the best (and oldest) is not among them.
    let mut two = ids(search_newest(db.conn(), "roadmap", 10, 2).unwrap());
    two.sort();
    let mut expected = vec![newest, newer];
    expected.sort();
    assert_eq!(two, expected);
    // The bound counts matches of the whole query, not of each word.
    let three = ids(search_newest(db.conn(), "roadmap among", 10, 2).unwrap());
    assert_eq!(three.len(), 2);
    assert!(three.contains(&newer) && three.contains(&old), "{three:?}");
    // A bound of 0 is taken as 1; the limit still applies.
    assert_eq!(
        ids(search_newest(db.conn(), "roadmap", 10, 0).unwrap()),
        [newest]
    );
    assert_eq!(search(db.conn(), "roadmap", 1).unwrap().len(), 1);
}

#[test]
fn an_empty_query_is_a_clear_error() {
    let db = db();
    let err = search(db.conn(), "  ", 10).unwrap_err();
    assert_eq!(err.to_string(), "Give at least one word to search for.");
}
