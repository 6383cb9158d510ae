//! The `agenda_item` table: each person's living agenda.
//!
//! Open items carry into every next 1:1 until a ready-to-remove tag closes
//! them; closing keeps the open tag so history stays readable.
//!
//! Tests: `crates/core/tests/integration/store/agenda.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{
    AgendaItem, AgendaItemEdit, AgendaItemId, AgendaItemInput, CloseTag, OneOnOneId, OpenTag,
    PersonId, Timing,
};
use crate::store::{one_on_ones, people};
use crate::validate::{self, ITEM_MAX};

const COLUMNS: &str = "id, person_id, text, open_tag, timing_date, timing_release, raised_by, \
                       opened_on, opened_in, close_tag, closed_on, closed_in";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    let date: Option<NaiveDate> = r.get(4)?;
    let release: Option<String> = r.get(5)?;
    let timing = match (date, release) {
        (Some(d), _) => Some(Timing::Date(d)),
        (None, Some(v)) => Some(Timing::Release(v.parse().map_err(
            |e: crate::calendar::ParseError| {
                rusqlite::Error::FromSqlConversionFailure(
                    5,
                    rusqlite::types::Type::Text,
                    e.0.into(),
                )
            },
        )?)),
        (None, None) => None,
    };
    Ok(AgendaItem {
        id: r.get(0)?,
        person_id: r.get(1)?,
        text: r.get(2)?,
        open_tag: r.get(3)?,
        timing,
        raised_by: r.get(6)?,
        opened_on: r.get(7)?,
        opened_in: r.get(8)?,
        close_tag: r.get(9)?,
        closed_on: r.get(10)?,
        closed_in: r.get(11)?,
    })
}

fn timing_columns(t: Option<Timing>) -> (Option<NaiveDate>, Option<String>) {
    match t {
        Some(Timing::Date(d)) => (Some(d), None),
        Some(Timing::Release(v)) => (None, Some(v.to_string())),
        None => (None, None),
    }
}

fn check_timing(timing: Option<Timing>, opened_on: NaiveDate) -> Result<()> {
    if let Some(Timing::Date(d)) = timing {
        validate::in_years("timing", d)?;
        if d < opened_on {
            return Err(Error::invalid(format!(
                "The timing {d} is before the item was opened ({opened_on}); give a date on or \
                 after {opened_on}, or a release version."
            )));
        }
    }
    Ok(())
}

/// Refuses a release-version timing whose release day is before the item was
/// opened (checked when a timing is given or changed; an import keeps what
/// was accepted under earlier settings).
fn check_release(conn: &Connection, timing: Option<Timing>, opened_on: NaiveDate) -> Result<()> {
    if let Some(Timing::Release(v)) = timing {
        let settings = crate::settings::load(conn)?;
        let day = crate::practice::timing_date(Timing::Release(v), &settings);
        if day < opened_on {
            return Err(Error::invalid(format!(
                "Release {v} shipped on {day}, before the item was opened ({opened_on}); give a \
                 later release or a date."
            )));
        }
    }
    Ok(())
}

fn check_in_one_on_one(
    conn: &Connection,
    id: Option<OneOnOneId>,
    person: PersonId,
    role: &str,
) -> Result<()> {
    if let Some(id) = id {
        let o = one_on_ones::get(conn, id)?;
        if o.person_id != person {
            return Err(Error::invalid(format!(
                "1:1 {id} is with someone else; an item can only be {role} in a 1:1 with the \
                 person whose agenda holds it."
            )));
        }
    }
    Ok(())
}

/// Which items [`list`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this person's agenda.
    pub person: Option<PersonId>,
    /// `Some(true)`: open items only; `Some(false)`: closed only.
    pub open: Option<bool>,
    /// Only items with this open tag.
    pub tag: Option<OpenTag>,
}

/// Opens an item on a person's agenda.
pub fn insert(tx: &Tx<'_>, input: &AgendaItemInput) -> Result<AgendaItem> {
    check_release(tx, input.timing, input.opened_on)?;
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<AgendaItemId>,
    input: &AgendaItemInput,
) -> Result<AgendaItem> {
    crate::validate::in_years("day the item was opened", input.opened_on)?;
    let text = validate::text("agenda item", &input.text, ITEM_MAX, true)?;
    check_timing(input.timing, input.opened_on)?;
    people::require_active(tx, input.person_id, input.opened_on, "new agenda item")?;
    check_in_one_on_one(tx, input.opened_in, input.person_id, "raised")?;
    let (date, release) = timing_columns(input.timing);
    tx.execute(
        "INSERT INTO agenda_item (id, person_id, text, open_tag, timing_date, timing_release,
                                  raised_by, opened_on, opened_in)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            super::new_id(tx, "agenda_item", id.map(|i| i.0))?,
            input.person_id,
            text,
            input.open_tag,
            date,
            release,
            input.raised_by,
            input.opened_on,
            input.opened_in
        ],
    )?;
    get(tx, AgendaItemId(tx.last_insert_rowid()))
}

/// Changes an item's text, open tag (only while open), timing or raiser.
pub fn update(tx: &Tx<'_>, id: AgendaItemId, edit: &AgendaItemEdit) -> Result<AgendaItem> {
    let text = validate::text("agenda item", &edit.text, ITEM_MAX, true)?;
    let before = get(tx, id)?;
    if !before.is_open() && edit.open_tag != before.open_tag {
        return Err(Error::invalid(format!(
            "Item {id} is closed, so its open tag stays {}; reopen it first to change the tag.",
            before.open_tag.label()
        )));
    }
    check_timing(edit.timing, before.opened_on)?;
    if edit.timing != before.timing {
        check_release(tx, edit.timing, before.opened_on)?;
    }
    let (date, release) = timing_columns(edit.timing);
    tx.execute(
        "UPDATE agenda_item SET text = ?2, open_tag = ?3, timing_date = ?4, timing_release = ?5,
                raised_by = ?6
         WHERE id = ?1",
        params![id, text, edit.open_tag, date, release, edit.raised_by],
    )?;
    get(tx, id)
}

/// Closes an item with a ready-to-remove tag on `on`, optionally in a 1:1.
pub fn close(
    tx: &Tx<'_>,
    id: AgendaItemId,
    tag: CloseTag,
    on: NaiveDate,
    in_one_on_one: Option<OneOnOneId>,
) -> Result<AgendaItem> {
    crate::validate::in_years("closing date", on)?;
    let item = get(tx, id)?;
    if let (Some(t), Some(d)) = (item.close_tag, item.closed_on) {
        return Err(Error::conflict(format!(
            "Item {id} was already closed as {} on {d}; reopen it first to close it again.",
            t.label()
        )));
    }
    validate::not_before(
        "closing date",
        on,
        "the day the item was opened",
        item.opened_on,
    )?;
    check_in_one_on_one(tx, in_one_on_one, item.person_id, "closed")?;
    tx.execute(
        "UPDATE agenda_item SET close_tag = ?2, closed_on = ?3, closed_in = ?4 WHERE id = ?1",
        params![id, tag, on, in_one_on_one],
    )?;
    get(tx, id)
}

/// Reopens a closed item: it carries over again.
pub fn reopen(tx: &Tx<'_>, id: AgendaItemId) -> Result<AgendaItem> {
    let item = get(tx, id)?;
    if item.is_open() {
        return Err(Error::conflict(format!("Item {id} is already open.")));
    }
    tx.execute(
        "UPDATE agenda_item SET close_tag = NULL, closed_on = NULL, closed_in = NULL WHERE id = ?1",
        [id],
    )?;
    get(tx, id)
}

/// How many items of the person's agenda were opened on `day` with exactly
/// this text (as stored: see [`validate::text`]) — how an import knows the
/// items it brought in before.
pub fn count_same(
    conn: &Connection,
    person: PersonId,
    day: NaiveDate,
    text: &str,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM agenda_item WHERE person_id = ?1 AND opened_on = ?2 AND text = ?3",
    )?;
    let n: i64 = stmt.query_row(params![person, day, text], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// One item by id.
pub fn get(conn: &Connection, id: AgendaItemId) -> Result<AgendaItem> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM agenda_item WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no agenda item with id {id}; `coachlog agenda list PERSON --all` shows them."
        ))
    })
}

/// Items, open ones first, oldest first (carried-over items lead the agenda);
/// closed ones after, most recently closed first.
pub fn list(conn: &Connection, filter: Filter) -> Result<Vec<AgendaItem>> {
    let mut w = crate::store::Conditions::default();
    if let Some(p) = &filter.person {
        w.add("person_id = ?", &[p]);
    }
    match filter.open {
        Some(true) => w.add("closed_on IS NULL", &[]),
        Some(false) => w.add("closed_on IS NOT NULL", &[]),
        None => {}
    }
    if let Some(tag) = &filter.tag {
        w.add("open_tag = ?", &[tag]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_item{}
         ORDER BY closed_on IS NOT NULL, closed_on DESC, opened_on, id",
        w.sql()
    ))?;
    let items = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// Items open at the end of `day` (opened on or before it, not closed by
/// it) with one of `tags`, by id. The snapshot the overdue review reads.
pub fn open_on(conn: &Connection, day: NaiveDate, tags: &[OpenTag]) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_item WHERE closed_on IS NULL AND opened_on <= ?1
         UNION ALL
         SELECT {COLUMNS} FROM agenda_item INDEXED BY agenda_item_by_closed
         WHERE closed_on > ?1 AND opened_on <= ?1
         ORDER BY id"
    ))?;
    let items = stmt
        .query_map([day], from_row)?
        .filter(|i| i.as_ref().map_or(true, |i| tags.contains(&i.open_tag)))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// `person`'s items open at the end of `day` (opened on or before it, not
/// closed by it), oldest first (by opening day, then id): their agenda as it
/// stood that day. Two ranges of agenda_item_by_person.
pub fn open_for(conn: &Connection, person: PersonId, day: NaiveDate) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_item
         WHERE person_id = ?1 AND closed_on IS NULL AND opened_on <= ?2
         UNION ALL
         SELECT {COLUMNS} FROM agenda_item
         WHERE person_id = ?1 AND closed_on > ?2 AND opened_on <= ?2
         ORDER BY opened_on, id"
    ))?;
    let items = stmt
        .query_map(params![person, day], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// Items that touch the days `first..=last`: opened by `last` and not closed
/// before `first` (every item opened, closed or open at the end of the
/// period is one of them), by id. What the monthly summary reads.
pub fn touching(conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agenda_item WHERE closed_on IS NULL AND opened_on <= ?2
         UNION ALL
         SELECT {COLUMNS} FROM agenda_item INDEXED BY agenda_item_by_closed
         WHERE closed_on >= ?1 AND opened_on <= ?2
         ORDER BY id"
    ))?;
    let items = stmt
        .query_map(params![first, last], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}
