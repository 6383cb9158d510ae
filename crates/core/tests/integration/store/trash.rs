//! The Trash: what goes with a deleted record, what a restore gives back,
//! and that nothing else sees a trashed record.

use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::kinds::{Counts, RecordKind};
use coachlog_core::model::*;
use coachlog_core::store::{
    self, agenda, customers, hiring, nudge_state, one_on_ones, people, search, trash, walkthroughs,
    wins,
};
use coachlog_core::{nudges, settings, Db, ErrorKind};

use crate::support::{d, dump_with_search_index, export_json, pm, TODAY};

/// The demo team on [`TODAY`].
fn demo_db() -> Db {
    let mut db = Db::open_in_memory(d(TODAY)).unwrap();
    demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap();
    db
}

fn delete(db: &mut Db, kind: RecordKind, id: i64) -> trash::TrashEntry {
    db.write(|tx| trash::delete(tx, kind, id, d(TODAY)))
        .unwrap()
}

fn restore(db: &mut Db, id: TrashId) -> trash::TrashEntry {
    db.write(|tx| trash::restore(tx, id)).unwrap()
}

/// The first id of `kind` in the database.
fn first(db: &Db, kind: RecordKind) -> i64 {
    db.conn()
        .query_row(&format!("SELECT min(id) FROM {}", kind.table()), [], |r| {
            r.get(0)
        })
        .unwrap()
}

/// Every row of every table and the search index's entries, but for the
/// Trash's own bookkeeping (`id_floor` keeps the highest id ever trashed).
fn rows(db: &Db) -> crate::support::Dump {
    let mut dump = dump_with_search_index(db.conn());
    dump.remove("id_floor");
    dump
}

#[test]
fn every_kind_goes_to_the_trash_and_comes_back_exactly() {
    let mut db = demo_db();
    for &kind in RecordKind::ALL {
        let before = rows(&db);
        let export = export_json(&db);
        let id = first(&db, kind);
        let preview = trash::preview(db.conn(), kind, id).unwrap();
        let entry = delete(&mut db, kind, id);
        assert_eq!(entry.kind, kind);
        assert_eq!(entry.record_id, id);
        assert_eq!(
            entry.records, preview,
            "{kind:?}: the preview counts what goes"
        );
        assert_eq!(entry.records.get(kind), 1, "{kind:?}");
        assert_eq!(entry.purge_on, d("2026-12-27"));
        assert_ne!(export_json(&db), export, "{kind:?}: it left the export");
        assert_eq!(trash::list(db.conn()).unwrap(), vec![entry.clone()]);
        restore(&mut db, entry.id);
        let after = rows(&db);
        for (table, list) in &before {
            assert_eq!(
                after.get(table),
                Some(list),
                "{kind:?}: every row of {table} is back"
            );
        }
        assert_eq!(after.len(), before.len());
        assert_eq!(export_json(&db), export, "{kind:?}: the export is the same");
        assert!(trash::list(db.conn()).unwrap().is_empty());
    }
}

#[test]
fn a_person_takes_all_their_records_and_is_seen_nowhere() {
    let mut db = demo_db();
    let everyone = people::list(db.conn(), Default::default()).unwrap();
    // The first PM by name (not a skip-level report, who has only 1:1s).
    let p = everyone.iter().find(|p| p.tracked).unwrap();
    let overdue_before = nudges::overdue(db.conn(), d(TODAY), true).unwrap();
    assert!(overdue_before.iter().any(|n| n.person_id == Some(p.id)));
    let entry = delete(&mut db, RecordKind::Person, p.id.0);
    assert_eq!(entry.label, p.name);
    let r = entry.records;
    assert_eq!(r.people, 1);
    assert!(
        r.one_on_ones > 5 && r.agenda_items > 5 && r.updates > 3 && r.cdf_reviews > 0,
        "{r:?}"
    );
    assert!(people::list(db.conn(), Default::default())
        .unwrap()
        .iter()
        .all(|q| q.id != p.id));
    let overdue = nudges::overdue(db.conn(), d(TODAY), true).unwrap();
    assert!(overdue.iter().all(|n| n.person_id != Some(p.id)));
    let first_name = p.name.split(' ').next().unwrap();
    let hits = search::search(db.conn(), first_name, 50).unwrap();
    assert!(hits.iter().all(|h| h.person_id != Some(p.id)), "{hits:?}");
    // Their name is free while they are in the Trash.
    assert!(people::resolve(db.conn(), &p.name).is_err());
}

#[test]
fn a_one_on_one_leaves_its_agenda_items_behind_without_it() {
    let mut db = demo_db();
    let item = agenda::list(db.conn(), Default::default())
        .unwrap()
        .into_iter()
        .find(|i| i.opened_in.is_some() && i.closed_in.is_some() && i.opened_in != i.closed_in)
        .unwrap();
    let o = item.opened_in.unwrap();
    let entry = delete(&mut db, RecordKind::OneOnOne, o.0);
    assert_eq!(entry.records.agenda_items, 0, "items stay");
    let after = agenda::get(db.conn(), item.id).unwrap();
    assert_eq!(after.opened_in, None);
    assert_eq!(after.closed_in, item.closed_in);
    assert_eq!(after.text, item.text);
    restore(&mut db, entry.id);
    assert_eq!(agenda::get(db.conn(), item.id).unwrap(), item);
}

#[test]
fn a_new_record_never_takes_the_id_of_a_trashed_one() {
    let mut db = demo_db();
    let last: i64 = db
        .conn()
        .query_row("SELECT max(id) FROM win", [], |r| r.get(0))
        .unwrap();
    let w = wins::get(db.conn(), WinId(last)).unwrap();
    let entry = delete(&mut db, RecordKind::Win, last);
    let new = db
        .write(|tx| wins::insert(tx, &WinInput::new(w.person_id, w.noted_on, "Another win")))
        .unwrap();
    assert!(new.id.0 > last, "{} took {last}'s place", new.id);
    restore(&mut db, entry.id);
    assert_eq!(wins::get(db.conn(), WinId(last)).unwrap(), w);
}

#[test]
fn nudge_keys_go_and_come_back_with_their_record() {
    let mut db = demo_db();
    let item = agenda::list(
        db.conn(),
        agenda::Filter {
            open: Some(true),
            tag: Some(OpenTag::Help),
            ..Default::default()
        },
    )
    .unwrap()
    .remove(0);
    let key = format!("request:{}", item.id);
    let other = format!("request:{}0", item.id);
    db.write(|tx| {
        nudge_state::dismiss(tx, &key)?;
        nudge_state::dismiss(tx, &other)
    })
    .unwrap();
    let entry = delete(&mut db, RecordKind::AgendaItem, item.id.0);
    assert_eq!(nudge_state::get(db.conn(), &key).unwrap(), None);
    assert!(
        nudge_state::get(db.conn(), &other).unwrap().is_some(),
        "another item's key stays"
    );
    restore(&mut db, entry.id);
    assert!(
        nudge_state::get(db.conn(), &key)
            .unwrap()
            .unwrap()
            .dismissed
    );
}

#[test]
fn a_restore_that_cannot_be_done_changes_nothing_and_says_why() {
    let mut db = demo_db();
    let o = one_on_ones::list(db.conn(), Default::default())
        .unwrap()
        .remove(0);
    let first = delete(&mut db, RecordKind::OneOnOne, o.id.0);
    let person = delete(&mut db, RecordKind::Person, o.person_id.0);
    let before = dump_with_search_index(db.conn());
    let e = db.write(|tx| trash::restore(tx, first.id)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("restore that first"), "{e}");
    assert_eq!(dump_with_search_index(db.conn()), before);
    // Someone of the same name, added since.
    let name = person.label.clone();
    db.write(|tx| people::insert(tx, &pm(&name, "2026-01-05")))
        .unwrap();
    let e = db.write(|tx| trash::restore(tx, person.id)).unwrap_err();
    assert!(e.to_string().contains("same name"), "{e}");
    // A 1:1 on the same day, added since.
    let mut db = demo_db();
    let entry = delete(&mut db, RecordKind::OneOnOne, o.id.0);
    db.write(|tx| one_on_ones::insert(tx, &OneOnOneInput::new(o.person_id, o.date)))
        .unwrap();
    let e = db.write(|tx| trash::restore(tx, entry.id)).unwrap_err();
    assert!(e.to_string().contains("same day"), "{e}");
}

#[test]
fn a_restore_does_not_repeat_what_was_added_again_since() {
    // What the store refuses in Rust rather than in SQL is refused on a
    // restore too: an active internal customer, a loop seat, a
    // walkthrough's title on its day.
    let mut db = demo_db();
    let link = customers::list_links(db.conn(), Default::default())
        .unwrap()
        .into_iter()
        .find(|l| l.archived_on.is_none())
        .unwrap();
    let entry = delete(&mut db, RecordKind::CustomerLink, link.id.0);
    db.write(|tx| {
        customers::insert_link(
            tx,
            &CustomerLinkInput {
                person_id: link.person_id,
                team: link.team.to_uppercase(),
                category: link.category.clone(),
                since: link.since,
            },
        )
    })
    .unwrap();
    let before = dump_with_search_index(db.conn());
    let e = db.write(|tx| trash::restore(tx, entry.id)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("already has"), "{e}");
    assert!(e.to_string().contains("nothing was changed"), "{e}");
    assert_eq!(dump_with_search_index(db.conn()), before);

    let member = first(&db, RecordKind::LoopMember);
    let m = hiring::get_loop_member(db.conn(), LoopMemberId(member)).unwrap();
    let entry = delete(&mut db, RecordKind::LoopMember, member);
    db.write(|tx| {
        hiring::insert_loop_member(
            tx,
            &LoopMemberInput {
                requisition_id: m.requisition_id,
                member: m.member.clone(),
                role: m.role.clone(),
                works_with_hire: m.works_with_hire,
            },
        )
    })
    .unwrap();
    let e = db.write(|tx| trash::restore(tx, entry.id)).unwrap_err();
    assert!(e.to_string().contains("already in the loop"), "{e}");

    let w = walkthroughs::list(db.conn(), None, None).unwrap().remove(0);
    let entry = delete(&mut db, RecordKind::Walkthrough, w.id.0);
    db.write(|tx| walkthroughs::insert(tx, &WalkthroughInput::new(w.date, w.title.clone())))
        .unwrap();
    let e = db.write(|tx| trash::restore(tx, entry.id)).unwrap_err();
    assert!(e.to_string().contains("already a walkthrough"), "{e}");
}

#[test]
fn an_entry_id_is_never_given_to_another_entry() {
    let mut db = demo_db();
    let a = db
        .write(|tx| trash::delete(tx, RecordKind::Win, first_win(tx), d(TODAY)))
        .unwrap();
    restore(&mut db, a.id);
    let b = db
        .write(|tx| trash::delete(tx, RecordKind::Win, first_win(tx), d(TODAY)))
        .unwrap();
    assert!(b.id.0 > a.id.0, "entry {} was given again", a.id);
    db.write(trash::empty).unwrap();
    let c = db
        .write(|tx| trash::delete(tx, RecordKind::Win, first_win(tx), d(TODAY)))
        .unwrap();
    assert!(c.id.0 > b.id.0, "entry {} was given again", b.id);
    let e = db.write(|tx| trash::restore(tx, a.id)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn entries_are_purged_after_trash_days_and_the_trash_empties() {
    let mut db = demo_db();
    db.write(|tx| settings::set(tx, "trash_days", "10"))
        .unwrap();
    let old = db
        .write(|tx| trash::delete(tx, RecordKind::Win, first_win(tx), d("2026-11-01")))
        .unwrap();
    let recent = db
        .write(|tx| trash::delete(tx, RecordKind::Win, first_win(tx), d("2026-11-20")))
        .unwrap();
    assert_eq!(old.purge_on, d("2026-11-11"));
    let purged = db
        .write(|tx| trash::purge_expired(tx, d("2026-11-11")))
        .unwrap();
    assert_eq!(purged, 1);
    let left: Vec<TrashId> = trash::list(db.conn())
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(left, vec![recent.id]);
    let e = db.write(|tx| trash::restore(tx, old.id)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(db.write(trash::empty).unwrap(), 1);
    assert!(trash::list(db.conn()).unwrap().is_empty());
}

fn first_win(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("SELECT min(id) FROM win", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn deleting_what_is_not_there_is_not_found_and_changes_nothing() {
    let mut db = demo_db();
    let before = dump_with_search_index(db.conn());
    for &kind in RecordKind::ALL {
        let e = db
            .write(|tx| trash::delete(tx, kind, 999_999, d(TODAY)))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{kind:?}");
    }
    assert_eq!(dump_with_search_index(db.conn()), before);
    assert_eq!(store::counts(db.conn()).unwrap(), {
        let mut c = Counts::default();
        for &kind in RecordKind::ALL {
            *c.get_mut(kind) = db
                .conn()
                .query_row(&format!("SELECT count(*) FROM {}", kind.table()), [], |r| {
                    r.get::<_, i64>(0)
                })
                .unwrap() as usize;
        }
        c
    });
}

#[test]
fn a_database_with_something_in_the_trash_takes_no_import() {
    let doc = coachlog_core::interchange::export(demo_db().conn()).unwrap();
    let mut db = Db::open_in_memory(d(TODAY)).unwrap();
    let p = db
        .write(|tx| people::insert(tx, &pm("Ada Lovelace", "2026-01-05")))
        .unwrap();
    delete(&mut db, RecordKind::Person, p.id.0);
    assert!(coachlog_core::store::is_empty(db.conn()).unwrap());
    let e = coachlog_core::interchange::import(&mut db, &doc).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("1 entry in the Trash"), "{e}");
}

#[test]
fn with_its_last_record_in_the_trash_a_database_is_not_new() {
    let mut db = crate::support::db();
    let p = db
        .write(|tx| people::insert(tx, &pm("Ada", "2026-01-05")))
        .unwrap();
    assert!(!store::is_new(db.conn()).unwrap());
    delete(&mut db, RecordKind::Person, p.id.0);
    assert!(store::is_empty(db.conn()).unwrap());
    assert!(
        !store::is_new(db.conn()).unwrap(),
        "the Trash still holds Ada: no first-run screen, no demo"
    );
    let e = demo::fill(&mut db, d(TODAY), &DemoOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("1 entry in the Trash"), "{e}");
    db.write(trash::empty).unwrap();
    assert!(store::is_new(db.conn()).unwrap());
}
