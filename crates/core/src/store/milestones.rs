//! The `milestone` table: the leader's portfolio milestones, each on a day
//! or on a release's day.
//!
//! A milestone tied to a release keeps that release's day in `date`,
//! resolved with the release settings when it is written, and again by
//! [`crate::settings::set`] when `release_day` or `release_anchor` change;
//! so every reader (Today's calendar, the summary, the search, the calendar
//! feed) reads one column.
//!
//! Tests: `crates/core/tests/integration/store/milestones.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::calendar::ReleaseVersion;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{Milestone, MilestoneId, MilestoneInput};
use crate::settings::{self, Settings};
use crate::validate::{self, NAME_MAX, NOTES_MAX};

const COLUMNS: &str = "id, title, date, release, stages, link, notes";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Milestone> {
    let release: Option<String> = r.get(3)?;
    let release = release
        .map(|v| {
            v.parse::<ReleaseVersion>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
            })
        })
        .transpose()?;
    let stages: String = r.get(4)?;
    Ok(Milestone {
        id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        release,
        stages: stages.lines().map(str::to_string).collect(),
        link: r.get(5)?,
        notes: r.get(6)?,
    })
}

/// Checks and cleans a milestone's input (no database access): a title,
/// exactly one of a day and a release version, stages as names, an http(s)
/// link, notes.
pub fn validate(input: &MilestoneInput) -> Result<MilestoneInput> {
    match (input.date, input.release) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid(
                "A milestone falls on a day or on a release's day, not both; give either the \
                 date or the release version.",
            ))
        }
        (None, None) => {
            return Err(Error::invalid(
                "A milestone needs a day: give its date (YYYY-MM-DD) or the release version it \
                 ships with (X.Y, e.g. 19.2).",
            ))
        }
        (Some(d), None) => validate::in_years("milestone's date", d)?,
        (None, Some(_)) => {}
    }
    Ok(MilestoneInput {
        title: validate::name("milestone title", &input.title, NAME_MAX)?,
        date: input.date,
        release: input.release,
        stages: validate::names("stage", &input.stages)?,
        link: validate::link("link", input.link.as_deref())?,
        notes: validate::text("notes", &input.notes, NOTES_MAX, false)?,
    })
}

/// The day a milestone falls on under `settings`: its date, or the release
/// day of its release.
pub fn day_of(date: Option<NaiveDate>, release: Option<ReleaseVersion>, s: &Settings) -> NaiveDate {
    match (date, release) {
        (Some(d), _) => d,
        (None, Some(v)) => s.release_date(v),
        (None, None) => unreachable!("validate refuses a milestone without a day"),
    }
}

fn resolved(tx: &Tx<'_>, input: &MilestoneInput) -> Result<(MilestoneInput, NaiveDate)> {
    let c = validate(input)?;
    let day = day_of(c.date, c.release, &settings::load(tx)?);
    if let Some(v) = c.release {
        validate::in_years(&format!("release day of {v}"), day)?;
    }
    Ok((c, day))
}

/// Records a milestone.
pub fn insert(tx: &Tx<'_>, input: &MilestoneInput) -> Result<Milestone> {
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<MilestoneId>,
    input: &MilestoneInput,
) -> Result<Milestone> {
    validate(input)?;
    let id = MilestoneId(super::new_id(tx, "milestone", id.map(|i| i.0))?);
    write(
        tx,
        "INSERT INTO milestone (id, title, date, release, stages, link, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        id,
        input,
    )
}

/// Replaces a milestone's details.
pub fn update(tx: &Tx<'_>, id: MilestoneId, input: &MilestoneInput) -> Result<Milestone> {
    validate(input)?;
    get(tx, id)?;
    write(
        tx,
        "UPDATE milestone SET title = ?2, date = ?3, release = ?4, stages = ?5, link = ?6,
         notes = ?7 WHERE id = ?1",
        id,
        input,
    )
}

/// Runs `sql` (an insert or an update whose `?1` is the id and `?2`… the
/// columns in [`COLUMNS`] order) with the cleaned `input` and its day.
fn write(tx: &Tx<'_>, sql: &str, id: MilestoneId, input: &MilestoneInput) -> Result<Milestone> {
    let (c, day) = resolved(tx, input)?;
    tx.execute(
        sql,
        params![
            id,
            c.title,
            day,
            c.release.map(|v| v.to_string()),
            c.stages.join("\n"),
            c.link,
            c.notes
        ],
    )?;
    get(tx, id)
}

/// One milestone by id.
pub fn get(conn: &Connection, id: MilestoneId) -> Result<Milestone> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM milestone WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no milestone with id {id}; `coachlog milestone list` shows them."
        ))
    })
}

/// Every milestone, by day then id (the leader keeps a handful a quarter).
pub fn list(conn: &Connection) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM milestone ORDER BY date, id"
    ))?;
    let out = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Milestones falling from `first` to `last` (inclusive), by day then id.
pub fn between(conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM milestone WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id"
    ))?;
    let out = stmt
        .query_map(params![first, last], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Whether milestone `m` concerns a PM whose stages are `stages` (names
/// compared as everywhere: trimmed, Unicode lower-cased).
pub fn concerns(m: &Milestone, stages: &[String]) -> bool {
    m.stages
        .iter()
        .any(|s| stages.iter().any(|p| validate::key(p) == validate::key(s)))
}
