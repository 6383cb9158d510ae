//! The `requisition`, `loop_member`, `interview` and `interviewer` tables.
//!
//! Tests: `crates/core/tests/integration/store/hiring.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{
    Interview, InterviewId, InterviewInput, LoopMember, LoopMemberId, LoopMemberInput, Participant,
    PersonId, Requisition, RequisitionId, RequisitionInput, RequisitionStatus,
};
use crate::store::people;
use crate::validate::{self, NAME_MAX};

const REQ_COLUMNS: &str = "id, title, level, opened_on, status, closed_on";

fn req_from_row(r: &Row<'_>) -> rusqlite::Result<Requisition> {
    Ok(Requisition {
        id: r.get(0)?,
        title: r.get(1)?,
        level: r.get(2)?,
        opened_on: r.get(3)?,
        status: r.get(4)?,
        closed_on: r.get(5)?,
    })
}

fn participant(person: Option<crate::model::PersonId>, name: Option<String>) -> Participant {
    match (person, name) {
        (Some(p), _) => Participant::Person(p),
        (None, n) => Participant::Name(n.unwrap_or_default()),
    }
}

fn clean_participant(conn: &Connection, p: &Participant, what: &str) -> Result<Participant> {
    Ok(match p {
        Participant::Person(id) => {
            people::get(conn, *id)?;
            Participant::Person(*id)
        }
        Participant::Name(n) => Participant::Name(validate::name(what, n, NAME_MAX)?),
    })
}

fn split(p: &Participant) -> (Option<crate::model::PersonId>, Option<&str>) {
    match p {
        Participant::Person(id) => (Some(*id), None),
        Participant::Name(n) => (None, Some(n.as_str())),
    }
}

fn same_participant(a: &Participant, b: &Participant) -> bool {
    match (a, b) {
        (Participant::Person(x), Participant::Person(y)) => x == y,
        (Participant::Name(x), Participant::Name(y)) => validate::key(x) == validate::key(y),
        _ => false,
    }
}

/// Opens a requisition.
pub fn insert_requisition(tx: &Tx<'_>, input: &RequisitionInput) -> Result<Requisition> {
    insert_requisition_with_id(tx, None, input, RequisitionStatus::Open, None)
}

pub(crate) fn insert_requisition_with_id(
    tx: &Tx<'_>,
    id: Option<RequisitionId>,
    input: &RequisitionInput,
    status: RequisitionStatus,
    closed_on: Option<NaiveDate>,
) -> Result<Requisition> {
    crate::validate::in_years("day the requisition opened", input.opened_on)?;
    let title = validate::name("requisition title", &input.title, NAME_MAX)?;
    check_closing(status, closed_on, input.opened_on)?;
    tx.execute(
        "INSERT INTO requisition (id, title, level, opened_on, status, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::new_id(tx, "requisition", id.map(|i| i.0))?,
            title,
            input.level,
            input.opened_on,
            status,
            closed_on
        ],
    )?;
    get_requisition(tx, RequisitionId(tx.last_insert_rowid()))
}

fn check_closing(
    status: RequisitionStatus,
    closed_on: Option<NaiveDate>,
    opened: NaiveDate,
) -> Result<()> {
    match (status, closed_on) {
        (RequisitionStatus::Open, Some(d)) => Err(Error::invalid(format!(
            "An open requisition has no closing date, but {d} was given; leave it out."
        ))),
        (s, None) if s != RequisitionStatus::Open => Err(Error::invalid(format!(
            "A {} requisition needs the day it closed; give the closing date (YYYY-MM-DD).",
            s.as_str()
        ))),
        (_, Some(d)) => validate::not_before("closing date", d, "the day it was opened", opened),
        _ => Ok(()),
    }
}

/// Changes a requisition's title, level or opening date.
pub fn update_requisition(
    tx: &Tx<'_>,
    id: RequisitionId,
    input: &RequisitionInput,
) -> Result<Requisition> {
    crate::validate::in_years("day the requisition opened", input.opened_on)?;
    let title = validate::name("requisition title", &input.title, NAME_MAX)?;
    let before = get_requisition(tx, id)?;
    check_closing(before.status, before.closed_on, input.opened_on)?;
    let first: Option<NaiveDate> = tx.query_row(
        "SELECT min(date) FROM interview WHERE requisition_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if let Some(first) = first.filter(|f| *f < input.opened_on) {
        return Err(Error::invalid(format!(
            "This requisition has an interview on {first}, before the new opening date {}.",
            input.opened_on
        )));
    }
    tx.execute(
        "UPDATE requisition SET title = ?2, level = ?3, opened_on = ?4 WHERE id = ?1",
        params![id, title, input.level, input.opened_on],
    )?;
    get_requisition(tx, id)
}

/// Closes an open requisition as filled or cancelled on `on`.
pub fn close_requisition(
    tx: &Tx<'_>,
    id: RequisitionId,
    status: RequisitionStatus,
    on: NaiveDate,
) -> Result<Requisition> {
    crate::validate::in_years("closing date", on)?;
    let r = get_requisition(tx, id)?;
    if status == RequisitionStatus::Open {
        return Err(Error::invalid(
            "Close a requisition as filled or cancelled.",
        ));
    }
    if let Some(d) = r.closed_on {
        return Err(Error::conflict(format!(
            "Requisition {id} is already {} (on {d}); reopen it first.",
            r.status.as_str()
        )));
    }
    check_closing(status, Some(on), r.opened_on)?;
    let last: Option<NaiveDate> = tx.query_row(
        "SELECT max(date) FROM interview WHERE requisition_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if let Some(last) = last.filter(|d| *d > on) {
        return Err(Error::invalid(format!(
            "Requisition {id} has an interview on {last}, after the closing date {on}; close it \
             on {last} or later."
        )));
    }
    tx.execute(
        "UPDATE requisition SET status = ?2, closed_on = ?3 WHERE id = ?1",
        params![id, status, on],
    )?;
    get_requisition(tx, id)
}

/// Reopens a closed requisition.
pub fn reopen_requisition(tx: &Tx<'_>, id: RequisitionId) -> Result<Requisition> {
    let r = get_requisition(tx, id)?;
    if r.status == RequisitionStatus::Open {
        return Err(Error::conflict(format!(
            "Requisition {id} is already open."
        )));
    }
    tx.execute(
        "UPDATE requisition SET status = 'open', closed_on = NULL WHERE id = ?1",
        [id],
    )?;
    get_requisition(tx, id)
}

/// One requisition by id.
pub fn get_requisition(conn: &Connection, id: RequisitionId) -> Result<Requisition> {
    conn.query_row(
        &format!("SELECT {REQ_COLUMNS} FROM requisition WHERE id = ?1"),
        [id],
        req_from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no requisition with id {id}; `coachlog hiring list --all` shows them."
        ))
    })
}

/// Requisitions, open ones first, newest first.
pub fn list_requisitions(conn: &Connection, include_closed: bool) -> Result<Vec<Requisition>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {REQ_COLUMNS} FROM requisition WHERE (?1 OR status = 'open')
         ORDER BY status <> 'open', opened_on DESC, id DESC"
    ))?;
    let out = stmt
        .query_map([include_closed], req_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Checks that the loop member `id`, just put back by a restore, is not in
/// its loop twice (someone added again since it was deleted).
pub(crate) fn check_restored_loop_member(conn: &Connection, id: LoopMemberId) -> Result<()> {
    let m = get_loop_member(conn, id)?;
    for existing in list_loop(conn, m.requisition_id)? {
        if existing.id != id && same_participant(&existing.member, &m.member) {
            return Err(Error::conflict(format!(
                "That person is already in the loop of requisition {} (member {}).",
                m.requisition_id, existing.id
            )));
        }
    }
    Ok(())
}

/// Adds someone to a requisition's interview loop.
pub fn insert_loop_member(tx: &Tx<'_>, input: &LoopMemberInput) -> Result<LoopMember> {
    insert_loop_member_with_id(tx, None, input)
}

pub(crate) fn insert_loop_member_with_id(
    tx: &Tx<'_>,
    id: Option<LoopMemberId>,
    input: &LoopMemberInput,
) -> Result<LoopMember> {
    get_requisition(tx, input.requisition_id)?;
    let member = clean_participant(tx, &input.member, "loop member's name")?;
    let role = validate::line("role", &input.role, NAME_MAX)?;
    for existing in list_loop(tx, input.requisition_id)? {
        if same_participant(&existing.member, &member) {
            return Err(Error::conflict(format!(
                "That person is already in the loop of requisition {} (member {}).",
                input.requisition_id, existing.id
            )));
        }
    }
    let (person, name) = split(&member);
    tx.execute(
        "INSERT INTO loop_member (id, requisition_id, person_id, name, role, works_with_hire)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::new_id(tx, "loop_member", id.map(|i| i.0))?,
            input.requisition_id,
            person,
            name,
            role,
            input.works_with_hire
        ],
    )?;
    let id = LoopMemberId(tx.last_insert_rowid());
    list_loop(tx, input.requisition_id)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::Internal("loop member vanished after insert".into()))
}

/// Removes someone from an interview loop.
pub fn remove_loop_member(tx: &Tx<'_>, id: LoopMemberId) -> Result<()> {
    let n = tx.execute("DELETE FROM loop_member WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::not_found(format!(
            "There is no loop member with id {id}."
        )));
    }
    Ok(())
}

/// A requisition's interview loop, in the order added.
pub fn list_loop(conn: &Connection, requisition: RequisitionId) -> Result<Vec<LoopMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, requisition_id, person_id, name, role, works_with_hire FROM loop_member
         WHERE requisition_id = ?1 ORDER BY id",
    )?;
    let out = stmt
        .query_map([requisition], |r| {
            Ok(LoopMember {
                id: r.get(0)?,
                requisition_id: r.get(1)?,
                member: participant(r.get(2)?, r.get(3)?),
                role: r.get(4)?,
                works_with_hire: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Records an interview for a requisition.
pub fn insert_interview(tx: &Tx<'_>, input: &InterviewInput) -> Result<Interview> {
    insert_interview_with_id(tx, None, input)
}

pub(crate) fn insert_interview_with_id(
    tx: &Tx<'_>,
    id: Option<InterviewId>,
    input: &InterviewInput,
) -> Result<Interview> {
    let (candidate, interviewers) = check_interview(tx, input, None)?;
    tx.execute(
        "INSERT INTO interview (id, requisition_id, date, candidate) VALUES (?1, ?2, ?3, ?4)",
        params![
            super::new_id(tx, "interview", id.map(|i| i.0))?,
            input.requisition_id,
            input.date,
            candidate
        ],
    )?;
    let id = InterviewId(tx.last_insert_rowid());
    write_interviewers(tx, id, &interviewers)?;
    get_interview(tx, id)
}

/// Changes an interview's date, candidate and interviewers (its requisition
/// stays: to move it, delete it and record it again).
pub fn update_interview(tx: &Tx<'_>, id: InterviewId, input: &InterviewInput) -> Result<Interview> {
    let before = get_interview(tx, id)?;
    if before.requisition_id != input.requisition_id {
        return Err(Error::invalid(format!(
            "Interview {id} is for requisition {}; an interview cannot move to another \
             requisition (delete it and record it there).",
            before.requisition_id
        )));
    }
    let (candidate, interviewers) = check_interview(tx, input, Some(id))?;
    tx.execute(
        "UPDATE interview SET date = ?2, candidate = ?3 WHERE id = ?1",
        params![id, input.date, candidate],
    )?;
    tx.execute("DELETE FROM interviewer WHERE interview_id = ?1", [id])?;
    write_interviewers(tx, id, &interviewers)?;
    get_interview(tx, id)
}

/// Checks an interview (`except`: the one being changed) and returns its
/// cleaned candidate name and interviewers.
fn check_interview(
    conn: &Connection,
    input: &InterviewInput,
    except: Option<InterviewId>,
) -> Result<(String, Vec<Participant>)> {
    crate::validate::in_years("interview date", input.date)?;
    let candidate = validate::name("candidate's name", &input.candidate, NAME_MAX)?;
    let req = get_requisition(conn, input.requisition_id)?;
    validate::not_before(
        "interview date",
        input.date,
        "the day the requisition was opened",
        req.opened_on,
    )?;
    if let Some(closed) = req.closed_on.filter(|c| *c < input.date) {
        return Err(Error::invalid(format!(
            "Requisition {} closed on {closed}; an interview on {} is after that.",
            req.id, input.date
        )));
    }
    let mut interviewers: Vec<Participant> = Vec::new();
    for p in &input.interviewers {
        let p = clean_participant(conn, p, "interviewer's name")?;
        if interviewers.iter().any(|q| same_participant(q, &p)) {
            return Err(Error::invalid(
                "An interviewer is listed twice; give each once.",
            ));
        }
        interviewers.push(p);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, candidate FROM interview WHERE requisition_id = ?1 AND date = ?2",
    )?;
    let same_day = stmt
        .query_map(params![input.requisition_id, input.date], |r| {
            Ok((r.get::<_, InterviewId>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let dup = same_day
        .into_iter()
        .filter(|(other, _)| Some(*other) != except)
        .find(|(_, c)| validate::key(c) == validate::key(&candidate))
        .map(|(id, _)| id);
    if let Some(other) = dup {
        return Err(Error::conflict(format!(
            "{candidate} already has an interview on {} for this requisition (id {other}).",
            input.date
        )));
    }
    Ok((candidate, interviewers))
}

fn write_interviewers(tx: &Tx<'_>, id: InterviewId, interviewers: &[Participant]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO interviewer (interview_id, position, person_id, name) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, p) in interviewers.iter().enumerate() {
        let (person, name) = split(p);
        stmt.execute(params![id, i as i64, person, name])?;
    }
    Ok(())
}

fn load_interviewers(conn: &Connection, i: &mut Interview) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, name FROM interviewer WHERE interview_id = ?1 ORDER BY position",
    )?;
    i.interviewers = stmt
        .query_map([i.id], |r| Ok(participant(r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// One interview by id.
pub fn get_interview(conn: &Connection, id: InterviewId) -> Result<Interview> {
    let mut i = conn
        .query_row(
            "SELECT id, requisition_id, date, candidate FROM interview WHERE id = ?1",
            [id],
            |r| {
                Ok(Interview {
                    id: r.get(0)?,
                    requisition_id: r.get(1)?,
                    date: r.get(2)?,
                    candidate: r.get(3)?,
                    interviewers: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found(format!("There is no interview with id {id}.")))?;
    load_interviewers(conn, &mut i)?;
    Ok(i)
}

/// Interviews, newest first, of one requisition or all.
pub fn list_interviews(
    conn: &Connection,
    requisition: Option<RequisitionId>,
) -> Result<Vec<Interview>> {
    let mut w = crate::store::Conditions::default();
    if let Some(r) = &requisition {
        w.add("requisition_id = ?", &[r]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id FROM interview{} ORDER BY date DESC, id DESC",
        w.sql()
    ))?;
    let ids = stmt
        .query_map(w.values(), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<InterviewId>>>()?;
    ids.into_iter().map(|id| get_interview(conn, id)).collect()
}

/// Finds a loop member by id.
pub fn get_loop_member(conn: &Connection, id: LoopMemberId) -> Result<LoopMember> {
    let requisition: Option<RequisitionId> = conn
        .query_row(
            "SELECT requisition_id FROM loop_member WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let requisition = requisition
        .ok_or_else(|| Error::not_found(format!("There is no loop member with id {id}.")))?;
    list_loop(conn, requisition)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::not_found(format!("There is no loop member with id {id}.")))
}

/// Turns what the user typed for an interviewer or loop member into a
/// participant: a person of the team when it is their id, their full name or
/// one whole word of exactly one person's name (case-insensitively),
/// otherwise a free name. A word shared by several people is refused rather
/// than guessed; partial words are never matched ("Sam" stays a free name
/// when only "Samantha Lee" is on the team).
pub fn resolve_participant(conn: &Connection, text: &str) -> Result<Participant> {
    let t = text.trim();
    if let Ok(n) = t.parse::<i64>() {
        return people::get(conn, PersonId(n)).map(|p| Participant::Person(p.id));
    }
    let key = validate::key(t);
    let everyone = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )?;
    if let Some(p) = everyone.iter().find(|p| validate::key(&p.name) == key) {
        return Ok(Participant::Person(p.id));
    }
    let by_word: Vec<_> = everyone
        .iter()
        .filter(|p| validate::key(&p.name).split_whitespace().any(|w| w == key))
        .collect();
    match by_word.as_slice() {
        [one] => Ok(Participant::Person(one.id)),
        [] => Ok(Participant::Name(validate::name("name", t, NAME_MAX)?)),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|p| format!("{} (id {})", p.name, p.id))
                .collect();
            Err(Error::invalid(format!(
                "'{t}' matches {} people: {}. Give the full name or the id.",
                many.len(),
                names.join(", ")
            )))
        }
    }
}
