//! `store::walkthroughs`.

use coachlog_core::model::*;
use coachlog_core::store::walkthroughs;

use crate::support::{d, db, refused};

fn input() -> WalkthroughInput {
    WalkthroughInput {
        date: d("2026-02-12"),
        title: "Plan to Verify handoff".into(),
        stages: vec!["Plan".into(), "Verify".into()],
        categories: vec!["Issue Tracking".into()],
        findings: "- Onboarding is **confusing**".into(),
        issue_link: Some("https://gitlab.com/gitlab-org/gitlab/-/issues/1".into()),
    }
}

#[test]
fn insert_update_and_list_by_range() {
    let mut db = db();
    let w = db.write(|tx| walkthroughs::insert(tx, &input())).unwrap();
    assert_eq!(w.stages, vec!["Plan", "Verify"]);
    refused(
        &mut db,
        "There is already a walkthrough 'Plan to Verify handoff' on 2026-02-12",
        |tx| walkthroughs::insert(tx, &input()),
    );
    let mut changed = input();
    changed.stages = vec!["Create".into()];
    changed.issue_link = None;
    let w2 = db
        .write(|tx| walkthroughs::update(tx, w.id, &changed))
        .unwrap();
    assert_eq!(
        (w2.stages.clone(), w2.issue_link.clone()),
        (vec!["Create".to_string()], None)
    );
    assert_eq!(
        walkthroughs::list(db.conn(), Some(d("2026-02-01")), Some(d("2026-02-28")))
            .unwrap()
            .len(),
        1
    );
    assert!(walkthroughs::list(db.conn(), Some(d("2026-03-01")), None)
        .unwrap()
        .is_empty());
    assert_eq!(
        walkthroughs::scope_names(db.conn(), "category").unwrap(),
        vec!["Issue Tracking"]
    );
}

#[test]
fn links_must_be_urls() {
    let mut db = db();
    let mut bad = input();
    bad.issue_link = Some("javascript:alert(1)".into());
    refused(&mut db, "is not a web link", |tx| {
        walkthroughs::insert(tx, &bad)
    });
}
