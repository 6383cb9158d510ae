//! `store::milestones`: the leader's portfolio milestones, on a day or on a
//! release's day.

use coachlog_core::model::*;
use coachlog_core::settings;
use coachlog_core::store::{milestones, search};

use crate::support::{d, db, refused};

fn release(v: &str) -> coachlog_core::calendar::ReleaseVersion {
    v.parse().unwrap()
}

#[test]
fn add_edit_list_and_search() {
    let mut db = db();
    let mut ga = MilestoneInput::new("  Portfolio GA ", d("2026-12-10"));
    ga.stages = vec!["Plan".into(), " ".into(), "Create".into()];
    ga.link = Some(" https://gitlab.example.com/epics/1 ".into());
    ga.notes = "Readiness review *first*.".into();
    let a = db.write(|tx| milestones::insert(tx, &ga)).unwrap();
    assert_eq!(a.title, "Portfolio GA", "trimmed");
    assert_eq!(a.stages, ["Plan", "Create"], "blanks dropped");
    assert_eq!(
        a.link.as_deref(),
        Some("https://gitlab.example.com/epics/1")
    );
    assert_eq!((a.date, a.release), (d("2026-12-10"), None));
    // 19.8 ships in January 2027 (18.0 = May 2025), on its third Thursday.
    let b = db
        .write(|tx| {
            milestones::insert(
                tx,
                &MilestoneInput::on_release("Breaking changes", release("19.8")),
            )
        })
        .unwrap();
    assert_eq!(
        (b.date, b.release),
        (d("2027-01-21"), Some(release("19.8")))
    );
    assert_eq!(
        milestones::list(db.conn()).unwrap(),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(
        milestones::between(db.conn(), d("2027-01-01"), d("2027-01-31")).unwrap(),
        vec![b.clone()]
    );
    assert!(
        milestones::concerns(&a, &[" plan".into()]),
        "names compare as names"
    );
    assert!(!milestones::concerns(&b, &["Plan".into()]));
    // Moving a dated milestone onto a release.
    let moved = db
        .write(|tx| {
            milestones::update(
                tx,
                a.id,
                &MilestoneInput {
                    date: None,
                    release: Some(release("19.7")),
                    ..ga.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(
        (moved.date, moved.release),
        (d("2026-12-17"), Some(release("19.7")))
    );
    // Title and notes are searchable, dated by the milestone's day.
    let hits = search::search(db.conn(), "readiness", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, search::HitKind::Milestone);
    assert_eq!((hits[0].id, hits[0].date), (a.id.0, d("2026-12-17")));
    assert_eq!(search::search(db.conn(), "breaking", 10).unwrap().len(), 1);
}

#[test]
fn a_release_milestone_follows_the_release_settings() {
    let mut db = db();
    let tied = db
        .write(|tx| milestones::insert(tx, &MilestoneInput::on_release("GA", release("19.8"))))
        .unwrap();
    let fixed = db
        .write(|tx| milestones::insert(tx, &MilestoneInput::new("Offsite", d("2027-01-05"))))
        .unwrap();
    db.write(|tx| settings::set(tx, "release_day", "22"))
        .unwrap();
    assert_eq!(
        milestones::get(db.conn(), tied.id).unwrap().date,
        d("2027-01-22")
    );
    db.write(|tx| settings::set(tx, "release_anchor", "18.0=2025-06"))
        .unwrap();
    assert_eq!(
        milestones::get(db.conn(), tied.id).unwrap().date,
        d("2027-02-22")
    );
    assert_eq!(
        milestones::get(db.conn(), fixed.id).unwrap(),
        fixed,
        "a day stays"
    );
    // The search index moved with it.
    let hits = search::search(db.conn(), "GA", 10).unwrap();
    assert_eq!(hits[0].date, d("2027-02-22"));
}

#[test]
fn bad_milestones_are_refused_with_what_to_do() {
    let mut db = db();
    let day = d("2026-12-10");
    let cases: Vec<(MilestoneInput, &str)> = vec![
        (MilestoneInput::new(" ", day), "empty"),
        (
            MilestoneInput {
                release: Some(release("19.8")),
                ..MilestoneInput::new("GA", day)
            },
            "not both",
        ),
        (
            MilestoneInput {
                date: None,
                ..MilestoneInput::new("GA", day)
            },
            "give its date (YYYY-MM-DD) or the release version",
        ),
        (
            MilestoneInput::new("GA", chrono::NaiveDate::from_ymd_opt(999, 12, 31).unwrap()),
            "years 1000 to 9999",
        ),
        (
            MilestoneInput {
                stages: vec!["Plan".into(), "plan".into()],
                ..MilestoneInput::new("GA", day)
            },
            "listed twice",
        ),
        (
            MilestoneInput {
                link: Some("javascript:alert(1)".into()),
                ..MilestoneInput::new("GA", day)
            },
            "not a web link",
        ),
        (MilestoneInput::new("a\nb", day), "control character"),
    ];
    for (input, needle) in cases {
        refused(&mut db, needle, |tx| milestones::insert(tx, &input));
    }
    refused(&mut db, "no milestone with id 9", |tx| {
        milestones::update(tx, MilestoneId(9), &MilestoneInput::new("GA", day))
    });
}
