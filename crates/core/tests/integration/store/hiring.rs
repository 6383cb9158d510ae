//! `store::hiring`: requisitions, loops and interviews.

use coachlog_core::model::*;
use coachlog_core::store::hiring;

use crate::support::{add_person, d, db, refused};

fn req() -> RequisitionInput {
    RequisitionInput {
        title: "Senior PM, Verify".into(),
        level: Level::Ic,
        opened_on: d("2026-02-02"),
    }
}

#[test]
fn requisitions_open_close_and_reopen() {
    let mut db = db();
    let r = db
        .write(|tx| hiring::insert_requisition(tx, &req()))
        .unwrap();
    assert_eq!(r.status, RequisitionStatus::Open);
    refused(
        &mut db,
        "Close a requisition as filled or cancelled",
        |tx| hiring::close_requisition(tx, r.id, RequisitionStatus::Open, d("2026-03-01")),
    );
    refused(&mut db, "is before the day it was opened", |tx| {
        hiring::close_requisition(tx, r.id, RequisitionStatus::Filled, d("2026-01-01"))
    });
    let filled = db
        .write(|tx| hiring::close_requisition(tx, r.id, RequisitionStatus::Filled, d("2026-04-01")))
        .unwrap();
    assert_eq!(filled.closed_on, Some(d("2026-04-01")));
    assert!(hiring::list_requisitions(db.conn(), false)
        .unwrap()
        .is_empty());
    assert_eq!(hiring::list_requisitions(db.conn(), true).unwrap().len(), 1);
    db.write(|tx| hiring::reopen_requisition(tx, r.id)).unwrap();
    assert_eq!(
        hiring::list_requisitions(db.conn(), false).unwrap().len(),
        1
    );
}

#[test]
fn loops_take_people_or_names_once() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let r = db
        .write(|tx| hiring::insert_requisition(tx, &req()))
        .unwrap();
    let member = LoopMemberInput {
        requisition_id: r.id,
        member: Participant::Person(p.id),
        role: "peer PM".into(),
        works_with_hire: true,
    };
    let m = db
        .write(|tx| hiring::insert_loop_member(tx, &member))
        .unwrap();
    assert!(m.works_with_hire);
    refused(&mut db, "already in the loop", |tx| {
        hiring::insert_loop_member(tx, &member)
    });
    let outside = LoopMemberInput {
        requisition_id: r.id,
        member: Participant::Name("Sam (EM)".into()),
        role: "EM".into(),
        works_with_hire: true,
    };
    db.write(|tx| hiring::insert_loop_member(tx, &outside))
        .unwrap();
    assert_eq!(hiring::list_loop(db.conn(), r.id).unwrap().len(), 2);
    db.write(|tx| hiring::remove_loop_member(tx, m.id)).unwrap();
    assert_eq!(hiring::list_loop(db.conn(), r.id).unwrap().len(), 1);
    refused(&mut db, "no loop member with id", |tx| {
        hiring::remove_loop_member(tx, m.id)
    });
}

#[test]
fn interviews_fall_within_the_requisition_and_are_not_duplicated() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let r = db
        .write(|tx| hiring::insert_requisition(tx, &req()))
        .unwrap();
    let interview = InterviewInput {
        requisition_id: r.id,
        date: d("2026-02-10"),
        candidate: "Jordan Lee".into(),
        interviewers: vec![Participant::Person(p.id), Participant::Name("Sam".into())],
    };
    let i = db
        .write(|tx| hiring::insert_interview(tx, &interview))
        .unwrap();
    assert_eq!(i.interviewers, interview.interviewers);
    refused(&mut db, "already has an interview on 2026-02-10", |tx| {
        hiring::insert_interview(tx, &interview)
    });
    let early = InterviewInput {
        date: d("2026-01-10"),
        ..interview.clone()
    };
    refused(
        &mut db,
        "is before the day the requisition was opened",
        |tx| hiring::insert_interview(tx, &early),
    );
    let twice = InterviewInput {
        date: d("2026-02-11"),
        interviewers: vec![
            Participant::Name("Sam".into()),
            Participant::Name("sam".into()),
        ],
        ..interview.clone()
    };
    refused(&mut db, "listed twice", |tx| {
        hiring::insert_interview(tx, &twice)
    });
    assert_eq!(
        hiring::list_interviews(db.conn(), Some(r.id))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn participants_are_team_members_by_id_full_name_or_one_whole_word() {
    let mut db = db();
    let p = add_person(&mut db, "Samantha Lee");
    let q = add_person(&mut db, "Jo Lee");
    let conn = db.conn();
    let person = |t: &str| hiring::resolve_participant(conn, t).unwrap();
    assert_eq!(person("samantha lee"), Participant::Person(p.id));
    assert_eq!(person(&q.id.to_string()), Participant::Person(q.id));
    assert_eq!(person("Samantha"), Participant::Person(p.id));
    assert_eq!(person(" Sam "), Participant::Name("Sam".into()));
    let err = hiring::resolve_participant(conn, "lee").unwrap_err();
    assert!(err.to_string().contains("'lee' matches 2 people"), "{err}");
    assert!(hiring::resolve_participant(conn, "999").is_err());
    assert!(hiring::resolve_participant(conn, "").is_err());
}

#[test]
fn interviews_are_edited_in_their_requisition() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let r = db
        .write(|tx| hiring::insert_requisition(tx, &req()))
        .unwrap();
    let other = db
        .write(|tx| {
            hiring::insert_requisition(
                tx,
                &RequisitionInput::new("PM, Plan", Level::Ic, d("2026-02-02")),
            )
        })
        .unwrap();
    let i = db
        .write(|tx| {
            hiring::insert_interview(tx, &InterviewInput::new(r.id, d("2026-02-10"), "Alex Kim"))
        })
        .unwrap();
    let j = db
        .write(|tx| {
            hiring::insert_interview(tx, &InterviewInput::new(r.id, d("2026-02-12"), "Jo Park"))
        })
        .unwrap();
    let edit = InterviewInput {
        interviewers: vec![Participant::Person(p.id), Participant::Name("Sam".into())],
        ..InterviewInput::new(r.id, d("2026-02-11"), "Alex Kim-Lee")
    };
    let changed = db
        .write(|tx| hiring::update_interview(tx, i.id, &edit))
        .unwrap();
    assert_eq!(changed.date, d("2026-02-11"));
    assert_eq!(changed.candidate, "Alex Kim-Lee");
    assert_eq!(changed.interviewers, edit.interviewers);
    assert_eq!(hiring::get_interview(db.conn(), i.id).unwrap(), changed);
    // Keeping its own date and candidate is no conflict with itself; taking
    // another interview's is.
    db.write(|tx| hiring::update_interview(tx, i.id, &edit))
        .unwrap();
    refused(&mut db, "already has an interview", |tx| {
        hiring::update_interview(
            tx,
            i.id,
            &InterviewInput::new(r.id, d("2026-02-12"), "Jo Park"),
        )
    });
    refused(&mut db, "cannot move to another", |tx| {
        hiring::update_interview(
            tx,
            j.id,
            &InterviewInput::new(other.id, d("2026-02-12"), "Jo Park"),
        )
    });
    refused(&mut db, "before", |tx| {
        hiring::update_interview(
            tx,
            j.id,
            &InterviewInput::new(r.id, d("2026-01-01"), "Jo Park"),
        )
    });
}
