//! The `accountability_update` table: PMs' monthly and quarterly updates and
//! the leader's portfolio direction.
//!
//! Tests: `crates/core/tests/integration/store/updates.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::calendar::Period;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{
    KeyResult, Objective, PersonId, Update, UpdateId, UpdateInput, UpdateKind, UpdateStatus,
};
use crate::store::people;
use crate::validate;

const COLUMNS: &str = "id, person_id, kind, period, status, done_on, link, objectives";

/// The most objectives an OKR update may hold, and key results per objective.
pub const OBJECTIVES_MAX: usize = 20;
/// The most characters an objective or a key result may have.
pub const OBJECTIVE_MAX: usize = 1_000;

/// An update from a row of [`COLUMNS`] (in that order).
pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Update> {
    let period: String = r.get(3)?;
    let objectives: String = r.get(7)?;
    Ok(Update {
        id: r.get(0)?,
        person_id: r.get(1)?,
        kind: r.get(2)?,
        period: period.parse().map_err(|e: crate::calendar::ParseError| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.0.into())
        })?,
        status: r.get(4)?,
        done_on: r.get(5)?,
        link: r.get(6)?,
        objectives: serde_json::from_str(&objectives).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, e.into())
        })?,
    })
}

/// Checks an OKR update's objectives and key results: each text one line,
/// not empty; at most [`OBJECTIVES_MAX`] of each.
fn objectives(kind: UpdateKind, list: &[Objective]) -> Result<Vec<Objective>> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    if kind != UpdateKind::Okrs {
        return Err(Error::invalid(format!(
            "Only an OKR update holds objectives; this is a {} update. Leave them out, or \
             make it an OKR update.",
            kind.label()
        )));
    }
    if list.len() > OBJECTIVES_MAX {
        return Err(Error::invalid(format!(
            "{} objectives were given; the most is {OBJECTIVES_MAX}.",
            list.len()
        )));
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, o) in list.iter().enumerate() {
        let what = format!("objective {}", i + 1);
        let text = validate::name(&what, &o.text, OBJECTIVE_MAX)?;
        if o.key_results.len() > OBJECTIVES_MAX {
            return Err(Error::invalid(format!(
                "The {what} has {} key results; the most is {OBJECTIVES_MAX}.",
                o.key_results.len()
            )));
        }
        let mut key_results = Vec::with_capacity(o.key_results.len());
        for (j, kr) in o.key_results.iter().enumerate() {
            key_results.push(KeyResult {
                text: validate::name(
                    &format!("key result {} of {what}", j + 1),
                    &kr.text,
                    OBJECTIVE_MAX,
                )?,
                score: kr.score,
            });
        }
        out.push(Objective { text, key_results });
    }
    Ok(out)
}

fn objectives_json(list: &[Objective]) -> Result<String> {
    serde_json::to_string(list).map_err(|e| Error::Internal(e.to_string()))
}

/// Which updates [`list`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this person's (`Some(None)`: only the leader's).
    pub person: Option<Option<PersonId>>,
    /// Only this kind.
    pub kind: Option<UpdateKind>,
    /// Only this period.
    pub period: Option<Period>,
}

/// Checks an update's fields against each other (no database access).
pub fn validate(input: &UpdateInput) -> Result<UpdateInput> {
    if let Some(d) = input.done_on {
        crate::validate::in_years("done date", d)?;
    }
    let mut out = input.clone();
    out.link = validate::link("link", input.link.as_deref())?;
    out.objectives = objectives(input.kind, &input.objectives)?;
    match (input.kind, input.person_id) {
        (UpdateKind::PortfolioDirection, Some(_)) => {
            return Err(Error::invalid(
                "Portfolio direction is the leader's own update; leave the person out.",
            ))
        }
        (UpdateKind::PortfolioDirection, None) => {}
        (kind, None) => {
            return Err(Error::invalid(format!(
                "A {} update belongs to a person; name the PM.",
                kind.label()
            )))
        }
        _ => {}
    }
    match (input.kind, input.period) {
        (UpdateKind::Okrs, Period::Month(m)) => {
            return Err(Error::invalid(format!(
                "OKRs are per fiscal quarter; give a quarter like FY27-Q1, not the month {m}."
            )))
        }
        (UpdateKind::Okrs, Period::Quarter(_)) => {}
        (kind, Period::Quarter(q)) => {
            return Err(Error::invalid(format!(
                "{} updates are monthly; give a month like 2026-05, not the quarter {q}.",
                kind.label()
            )))
        }
        _ => {}
    }
    match (input.status, input.done_on) {
        (UpdateStatus::Done, None) => {
            return Err(Error::invalid(
                "An update marked done needs the day it was done; give the done date \
                 (YYYY-MM-DD).",
            ))
        }
        (status, Some(d)) if status != UpdateStatus::Done => {
            return Err(Error::invalid(format!(
            "The update is '{}' but has a done date ({d}); mark it done, or leave the date out.",
            status.label()
        )))
        }
        _ => {}
    }
    Ok(out)
}

fn check(conn: &Connection, u: &UpdateInput) -> Result<()> {
    if let Some(p) = u.person_id {
        let person = people::get(conn, p)?;
        if let Some(d) = u.done_on {
            validate::not_before(
                "done date",
                d,
                &format!("{}'s 'since' date", person.name),
                person.since,
            )?;
        }
    }
    Ok(())
}

/// Adds an update.
pub fn insert(tx: &Tx<'_>, input: &UpdateInput) -> Result<Update> {
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<UpdateId>,
    input: &UpdateInput,
) -> Result<Update> {
    let u = validate(input)?;
    check(tx, &u)?;
    tx.execute(
        "INSERT INTO accountability_update (id, person_id, kind, period, status, done_on, link,
                                            objectives)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            super::new_id(tx, "accountability_update", id.map(|i| i.0))?,
            u.person_id,
            u.kind,
            u.period.to_string(),
            u.status,
            u.done_on,
            u.link,
            objectives_json(&u.objectives)?
        ],
    )?;
    get(tx, UpdateId(tx.last_insert_rowid()))
}

/// Replaces an update's details.
pub fn update(tx: &Tx<'_>, id: UpdateId, input: &UpdateInput) -> Result<Update> {
    let u = validate(input)?;
    get(tx, id)?;
    check(tx, &u)?;
    tx.execute(
        "UPDATE accountability_update SET person_id = ?2, kind = ?3, period = ?4, status = ?5,
                done_on = ?6, link = ?7, objectives = ?8
         WHERE id = ?1",
        params![
            id,
            u.person_id,
            u.kind,
            u.period.to_string(),
            u.status,
            u.done_on,
            u.link,
            objectives_json(&u.objectives)?
        ],
    )?;
    get(tx, id)
}

/// Marks an update done on `on` (keeps its link unless a new one is given).
pub fn mark_done(tx: &Tx<'_>, id: UpdateId, on: NaiveDate, link: Option<&str>) -> Result<Update> {
    crate::validate::in_years("done date", on)?;
    let before = get(tx, id)?;
    if let (UpdateStatus::Done, Some(d)) = (before.status, before.done_on) {
        return Err(Error::conflict(format!(
            "Update {id} is already done (on {d})."
        )));
    }
    let input = UpdateInput {
        person_id: before.person_id,
        kind: before.kind,
        period: before.period,
        status: UpdateStatus::Done,
        done_on: Some(on),
        link: link.map(str::to_string).or(before.link),
        objectives: before.objectives,
    };
    update(tx, id, &input)
}

/// One update by id.
pub fn get(conn: &Connection, id: UpdateId) -> Result<Update> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM accountability_update WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no update with id {id}; `coachlog update list` shows them."
        ))
    })
}

/// Updates ordered by period (newest first), then person, kind and id.
pub fn list(conn: &Connection, filter: Filter) -> Result<Vec<Update>> {
    let period = filter.period.map(|p| p.to_string());
    let mut w = crate::store::Conditions::default();
    match &filter.person {
        Some(Some(p)) => w.add("person_id = ?", &[p]),
        Some(None) => w.add("person_id IS NULL", &[]),
        None => {}
    }
    if let Some(kind) = &filter.kind {
        w.add("kind = ?", &[kind]);
    }
    if let Some(period) = &period {
        w.add("period = ?", &[period]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM accountability_update{}
         ORDER BY period DESC, person_id, kind, id",
        w.sql()
    ))?;
    let out = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}
