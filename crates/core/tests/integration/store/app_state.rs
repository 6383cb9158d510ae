//! `store::app_state`: the day the daily digest was shown, remembered in the
//! database across starts, and never a setting or a record.

use chrono::NaiveDate;
use coachlog_core::store::{self, app_state};
use coachlog_core::{settings, Db};

use crate::support::{d, db, export_json, file_db, refused};

#[test]
fn the_digest_day_is_none_then_the_last_day_remembered() {
    let mut db = db();
    assert_eq!(app_state::digest_shown_on(db.conn()).unwrap(), None);
    db.write(|tx| app_state::set_digest_shown_on(tx, d("2026-01-20")))
        .unwrap();
    assert_eq!(
        app_state::digest_shown_on(db.conn()).unwrap(),
        Some(d("2026-01-20"))
    );
    db.write(|tx| app_state::set_digest_shown_on(tx, d("2026-01-21")))
        .unwrap();
    assert_eq!(
        app_state::digest_shown_on(db.conn()).unwrap(),
        Some(d("2026-01-21"))
    );
}

#[test]
fn the_digest_day_survives_closing_and_opening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_db(dir.path(), "state.sqlite", "2026-01-05");
    let mut first = Db::open(&path, d("2026-01-20")).unwrap();
    first
        .write(|tx| app_state::set_digest_shown_on(tx, d("2026-01-20")))
        .unwrap();
    drop(first);
    let again = Db::open(&path, d("2026-01-20")).unwrap();
    assert_eq!(
        app_state::digest_shown_on(again.conn()).unwrap(),
        Some(d("2026-01-20"))
    );
}

#[test]
fn it_is_not_a_setting_nor_a_record() {
    let mut db = db();
    let before = export_json(&db);
    db.write(|tx| app_state::set_digest_shown_on(tx, d("2026-01-20")))
        .unwrap();
    // Not exported, not counted as a record, not listed as a setting.
    assert_eq!(export_json(&db), before);
    assert!(store::is_empty(db.conn()).unwrap());
    let keys: Vec<&str> = settings::list(db.conn())
        .unwrap()
        .into_iter()
        .map(|e| e.key)
        .collect();
    assert!(!keys.iter().any(|k| k.contains("digest")), "{keys:?}");
    refused(&mut db, "There is no setting 'digest_shown_on'", |tx| {
        settings::set(tx, "digest_shown_on", "2026-01-21")
    });
}

#[test]
fn an_impossible_day_is_refused_and_an_unreadable_one_reads_as_none() {
    let mut db = db();
    let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    refused(&mut db, "The digest day", |tx| {
        app_state::set_digest_shown_on(tx, far)
    });
    db.conn()
        .execute(
            "INSERT INTO app_state (key, value) VALUES ('digest_shown_on', 'soon')",
            [],
        )
        .unwrap();
    assert_eq!(app_state::digest_shown_on(db.conn()).unwrap(), None);
}
