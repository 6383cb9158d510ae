//! The `cdf_review` table: Career Development Framework reviews, each with
//! the 1 to 3 focus areas a PM works on until the next.
//!
//! Tests: `crates/core/tests/integration/store/cdf.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{CdfReview, CdfReviewId, CdfReviewInput, PersonId};
use crate::store::people;
use crate::validate::{self, NOTES_MAX};

/// The most focus areas a review may have ("1 to 3 improvement areas").
pub const FOCUS_MAX: usize = 3;
/// The most characters a focus area may have.
pub const FOCUS_LENGTH_MAX: usize = 300;

const COLUMNS: &str = "id, person_id, date, focus, notes, link";

fn from_row(r: &Row<'_>) -> rusqlite::Result<CdfReview> {
    let focus: String = r.get(3)?;
    Ok(CdfReview {
        id: r.get(0)?,
        person_id: r.get(1)?,
        date: r.get(2)?,
        focus: focus.lines().map(str::to_string).collect(),
        notes: r.get(4)?,
        link: r.get(5)?,
    })
}

/// Checks and cleans a review's input (no database access): 1 to 3 focus
/// areas, each one line; notes; an http(s) link.
pub fn validate(input: &CdfReviewInput) -> Result<CdfReviewInput> {
    crate::validate::in_years("day of the CDF review", input.date)?;
    let mut out = input.clone();
    out.focus = validate::names_of_length("focus area", &input.focus, FOCUS_LENGTH_MAX)?;
    if out.focus.is_empty() {
        return Err(Error::invalid(
            "A CDF review needs 1 to 3 focus areas: the improvement areas the PM works on \
             until the next review. Give at least one.",
        ));
    }
    if out.focus.len() > FOCUS_MAX {
        return Err(Error::invalid(format!(
            "{} focus areas were given; a CDF review has 1 to {FOCUS_MAX}. Keep the ones that \
             matter most until the next review.",
            out.focus.len()
        )));
    }
    out.notes = validate::text("notes", &input.notes, NOTES_MAX, false)?;
    out.link = validate::link("link", input.link.as_deref())?;
    Ok(out)
}

fn check(conn: &Connection, input: &CdfReviewInput, except: Option<CdfReviewId>) -> Result<()> {
    let person = people::require_active(conn, input.person_id, input.date, "CDF review")?;
    let same_day: Option<CdfReviewId> = conn
        .query_row(
            "SELECT id FROM cdf_review WHERE person_id = ?1 AND date = ?2 AND id IS NOT ?3",
            params![input.person_id, input.date, except],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = same_day {
        return Err(Error::conflict(format!(
            "{} already has a CDF review on {} (id {other}); edit that one instead.",
            person.name, input.date
        )));
    }
    Ok(())
}

/// Records a CDF review.
pub fn insert(tx: &Tx<'_>, input: &CdfReviewInput) -> Result<CdfReview> {
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<CdfReviewId>,
    input: &CdfReviewInput,
) -> Result<CdfReview> {
    let c = validate(input)?;
    check(tx, &c, None)?;
    tx.execute(
        "INSERT INTO cdf_review (id, person_id, date, focus, notes, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::new_id(tx, "cdf_review", id.map(|i| i.0))?,
            c.person_id,
            c.date,
            c.focus.join("\n"),
            c.notes,
            c.link
        ],
    )?;
    get(tx, CdfReviewId(tx.last_insert_rowid()))
}

/// Replaces a review's details.
pub fn update(tx: &Tx<'_>, id: CdfReviewId, input: &CdfReviewInput) -> Result<CdfReview> {
    let c = validate(input)?;
    get(tx, id)?;
    check(tx, &c, Some(id))?;
    tx.execute(
        "UPDATE cdf_review SET person_id = ?2, date = ?3, focus = ?4, notes = ?5, link = ?6
         WHERE id = ?1",
        params![id, c.person_id, c.date, c.focus.join("\n"), c.notes, c.link],
    )?;
    get(tx, id)
}

/// One review by id.
pub fn get(conn: &Connection, id: CdfReviewId) -> Result<CdfReview> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM cdf_review WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no CDF review with id {id}; `coachlog cdf list` shows them."
        ))
    })
}

/// Reviews, newest first (then by id, newest first); only `person`'s when
/// given.
pub fn list(conn: &Connection, person: Option<PersonId>) -> Result<Vec<CdfReview>> {
    let mut w = crate::store::Conditions::default();
    if let Some(p) = &person {
        w.add("person_id = ?", &[p]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM cdf_review{} ORDER BY date DESC, id DESC",
        w.sql()
    ))?;
    let out = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// `person`'s latest review on or before `day` (latest by date, then by
/// id): the focus areas in force that day.
pub fn latest_on(conn: &Connection, person: PersonId, day: NaiveDate) -> Result<Option<CdfReview>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM cdf_review WHERE person_id = ?1 AND date <= ?2
                 ORDER BY date DESC, id DESC LIMIT 1"
            ),
            params![person, day],
            from_row,
        )
        .optional()?)
}

/// Reviews dated from `first` to `last` (inclusive), by date then id.
///
/// `CROSS JOIN` keeps SQLite on the person-first plan (one range of
/// cdf_review_by_person_date per person) rather than reading every review of
/// the history: there is no index by date alone.
pub fn between(conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<CdfReview>> {
    let columns: Vec<String> = COLUMNS.split(", ").map(|c| format!("c.{c}")).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM person p CROSS JOIN cdf_review c ON c.person_id = p.id
         WHERE c.date BETWEEN ?1 AND ?2 ORDER BY c.date, c.id",
        columns.join(", ")
    ))?;
    let out = stmt
        .query_map(params![first, last], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}
