//! `settings`: every setting, its default and its validation.

use coachlog_core::calendar::ReleaseDay;
use coachlog_core::settings::{self, KEYS};

use crate::support::{d, db, dump, CREATED};

#[test]
fn defaults_match_the_catalogue() {
    let db = db();
    let s = settings::load(db.conn()).unwrap();
    assert_eq!(s.one_on_one_every_days, 7);
    assert_eq!(s.request_reply_business_days, 2);
    assert_eq!(s.release_day, ReleaseDay::ThirdThursday);
    assert_eq!(s.release_anchor.to_string(), "18.0=2025-05");
    assert_eq!(s.fiscal_year_start_month, 2);
    assert_eq!(s.internal_customer_every_days, 30);
    assert_eq!(s.stage_walkthrough_every_days, 90);
    assert_eq!(s.hiring_peer_grace_days, 7);
    assert_eq!(s.requisition_stale_days, 14);
    assert_eq!(s.win_share_days, 7);
    assert_eq!(s.tracking_since, d(CREATED));
    assert!(s.notifications);
    assert_eq!(s.notify_at, (9, 0));
    assert_eq!(settings::list(db.conn()).unwrap().len(), KEYS.len());
}

#[test]
fn set_validates_and_stores_the_canonical_value() {
    let mut db = db();
    let s = db
        .write(|tx| settings::set(tx, "release_day", " 22 "))
        .unwrap();
    assert_eq!(s.release_day, ReleaseDay::Fixed(22));
    let s = db
        .write(|tx| settings::set(tx, "release_day", "third-thursday"))
        .unwrap();
    assert_eq!(s.release_day, ReleaseDay::ThirdThursday);
    let cases = [
        ("release_day", "29", "between 1 and 28"),
        ("release_day", "0", "between 1 and 28"),
        (
            "one_on_one_every_days",
            "0",
            "must be between 1 and 366 days",
        ),
        (
            "one_on_one_every_days",
            "weekly",
            "takes a whole number of days",
        ),
        (
            "fiscal_year_start_month",
            "13",
            "month number from 1 (January) to 12",
        ),
        ("release_anchor", "18.12=2025-05", "X.11"),
        ("tracking_since", "2026-02-30", "not a real date"),
        (
            "no_such_setting",
            "1",
            "There is no setting 'no_such_setting'",
        ),
    ];
    for (key, value, needle) in cases {
        let before = dump(db.conn());
        let err = db.write(|tx| settings::set(tx, key, value)).unwrap_err();
        assert!(err.to_string().contains(needle), "{key}={value}: {err}");
        assert_eq!(before, dump(db.conn()));
    }
}
