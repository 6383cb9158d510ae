//! The `win` table: PMs' wins and when they were raised to senior leadership.
//!
//! Tests: `crates/core/tests/integration/store/wins.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{PersonId, Win, WinId, WinInput};
use crate::store::people;
use crate::validate::{self, ITEM_MAX, NAME_MAX};

const COLUMNS: &str = "id, person_id, noted_on, text, shared_on, shared_where";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Win> {
    Ok(Win {
        id: r.get(0)?,
        person_id: r.get(1)?,
        noted_on: r.get(2)?,
        text: r.get(3)?,
        shared_on: r.get(4)?,
        shared_where: r.get(5)?,
    })
}

/// Which wins [`list`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this person's.
    pub person: Option<PersonId>,
    /// Only wins not yet shared.
    pub unshared_only: bool,
}

/// Notes a PM's win.
pub fn insert(tx: &Tx<'_>, input: &WinInput) -> Result<Win> {
    insert_with_id(tx, None, input, None, None)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<WinId>,
    input: &WinInput,
    shared_on: Option<NaiveDate>,
    shared_where: Option<&str>,
) -> Result<Win> {
    crate::validate::in_years("day the win was noted", input.noted_on)?;
    let text = validate::text("win", &input.text, ITEM_MAX, true)?;
    let shared_where = validate::optional_name("place shared", shared_where, NAME_MAX)?;
    people::require_active(tx, input.person_id, input.noted_on, "win")?;
    check_shared(input.noted_on, shared_on, shared_where.as_deref())?;
    tx.execute(
        "INSERT INTO win (id, person_id, noted_on, text, shared_on, shared_where)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::new_id(tx, "win", id.map(|i| i.0))?,
            input.person_id,
            input.noted_on,
            text,
            shared_on,
            shared_where
        ],
    )?;
    get(tx, WinId(tx.last_insert_rowid()))
}

fn check_shared(noted: NaiveDate, shared_on: Option<NaiveDate>, place: Option<&str>) -> Result<()> {
    match (shared_on, place) {
        (Some(d), _) => validate::not_before("sharing date", d, "the day the win was noted", noted),
        (None, Some(_)) => Err(Error::invalid(
            "A place was given but no sharing date; give the day the win was shared.",
        )),
        (None, None) => Ok(()),
    }
}

/// Changes a win's text, date or person.
pub fn update(tx: &Tx<'_>, id: WinId, input: &WinInput) -> Result<Win> {
    crate::validate::in_years("day the win was noted", input.noted_on)?;
    let text = validate::text("win", &input.text, ITEM_MAX, true)?;
    let before = get(tx, id)?;
    people::require_active(tx, input.person_id, input.noted_on, "win")?;
    check_shared(
        input.noted_on,
        before.shared_on,
        before.shared_where.as_deref(),
    )?;
    tx.execute(
        "UPDATE win SET person_id = ?2, noted_on = ?3, text = ?4 WHERE id = ?1",
        params![id, input.person_id, input.noted_on, text],
    )?;
    get(tx, id)
}

/// Records that a win was raised to senior leadership on `on`, and where.
pub fn share(tx: &Tx<'_>, id: WinId, on: NaiveDate, place: Option<&str>) -> Result<Win> {
    crate::validate::in_years("sharing date", on)?;
    let w = get(tx, id)?;
    if let Some(d) = w.shared_on {
        return Err(Error::conflict(format!(
            "Win {id} was already shared on {d}; unshare it first to change that."
        )));
    }
    let place = validate::optional_name("place shared", place, NAME_MAX)?;
    check_shared(w.noted_on, Some(on), place.as_deref())?;
    tx.execute(
        "UPDATE win SET shared_on = ?2, shared_where = ?3 WHERE id = ?1",
        params![id, on, place],
    )?;
    get(tx, id)
}

/// Clears a win's sharing date.
pub fn unshare(tx: &Tx<'_>, id: WinId) -> Result<Win> {
    let w = get(tx, id)?;
    if w.shared_on.is_none() {
        return Err(Error::conflict(format!("Win {id} has not been shared.")));
    }
    tx.execute(
        "UPDATE win SET shared_on = NULL, shared_where = NULL WHERE id = ?1",
        [id],
    )?;
    get(tx, id)
}

/// One win by id.
pub fn get(conn: &Connection, id: WinId) -> Result<Win> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM win WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no win with id {id}; `coachlog win list` shows them."
        ))
    })
}

/// Wins, newest first.
pub fn list(conn: &Connection, filter: Filter) -> Result<Vec<Win>> {
    let mut w = crate::store::Conditions::default();
    if let Some(p) = &filter.person {
        w.add("person_id = ?", &[p]);
    }
    if filter.unshared_only {
        w.add("shared_on IS NULL", &[]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM win{} ORDER BY noted_on DESC, id DESC",
        w.sql()
    ))?;
    let out = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Wins noted or shared between `first` and `last` (inclusive), by noting
/// date, then id: a month's wins in the summary.
pub fn noted_or_shared_between(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<Win>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM win
         WHERE noted_on BETWEEN ?1 AND ?2 OR shared_on BETWEEN ?1 AND ?2
         ORDER BY noted_on, id"
    ))?;
    let wins = stmt
        .query_map(params![first, last], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(wins)
}

/// Wins noted on or before `day` and not shared by its end, by id. The
/// snapshot the overdue review reads.
pub fn unshared_on(conn: &Connection, day: NaiveDate) -> Result<Vec<Win>> {
    // Two ranges of win_by_shared (not yet shared, shared after the day);
    // sorted here, as an ORDER BY id would send SQLite through every win in
    // id order instead.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM win WHERE shared_on IS NULL AND +noted_on <= ?1
         UNION ALL
         SELECT {COLUMNS} FROM win WHERE shared_on > ?1 AND +noted_on <= ?1"
    ))?;
    let mut out = stmt
        .query_map([day], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    out.sort_by_key(|w| w.id);
    Ok(out)
}
