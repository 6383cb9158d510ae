//! The `one_on_one` and `one_on_one_tag` tables.
//!
//! Tests: `crates/core/tests/integration/store/one_on_ones.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{OneOnOne, OneOnOneId, OneOnOneInput, PersonId};
use crate::store::people;
use crate::validate::{self, NOTES_MAX};

const COLUMNS: &str = "id, person_id, date, status, notes";

fn from_row(r: &Row<'_>) -> rusqlite::Result<OneOnOne> {
    Ok(OneOnOne {
        id: r.get(0)?,
        person_id: r.get(1)?,
        date: r.get(2)?,
        status: r.get(3)?,
        notes: r.get(4)?,
        tags: Vec::new(),
    })
}

fn load_tags(conn: &Connection, o: &mut OneOnOne) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT name FROM one_on_one_tag WHERE one_on_one_id = ?1 ORDER BY position",
    )?;
    o.tags = stmt
        .query_map([o.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Which 1:1s [`list`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this person's.
    pub person: Option<PersonId>,
    /// Only on or after this day.
    pub from: Option<NaiveDate>,
    /// Only on or before this day.
    pub to: Option<NaiveDate>,
}

/// Checks and cleans a 1:1 (no database access).
pub fn validate(input: &OneOnOneInput) -> Result<OneOnOneInput> {
    validate::in_years("1:1 date", input.date)?;
    let mut out = input.clone();
    out.notes = validate::text("notes", &input.notes, NOTES_MAX, false)?;
    out.tags = validate::names_of_length("coaching tag", &input.tags, validate::TAG_MAX)?;
    Ok(out)
}

fn check(conn: &Connection, o: &OneOnOneInput, except: Option<OneOnOneId>) -> Result<()> {
    let person = people::require_active(conn, o.person_id, o.date, "1:1")?;
    let same_day: Option<OneOnOneId> = conn
        .query_row(
            "SELECT id FROM one_on_one WHERE person_id = ?1 AND date = ?2",
            params![o.person_id, o.date],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = same_day.filter(|other| Some(*other) != except) {
        return Err(Error::conflict(format!(
            "There is already a 1:1 with {} on {} (id {other}); edit that one instead.",
            person.name, o.date
        )));
    }
    Ok(())
}

fn write_tags(tx: &Tx<'_>, id: OneOnOneId, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM one_on_one_tag WHERE one_on_one_id = ?1", [id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO one_on_one_tag (one_on_one_id, position, name, name_key) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, t) in tags.iter().enumerate() {
        stmt.execute(params![id, i as i64, t, validate::key(t)])?;
    }
    Ok(())
}

/// Logs a 1:1.
pub fn insert(tx: &Tx<'_>, input: &OneOnOneInput) -> Result<OneOnOne> {
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<OneOnOneId>,
    input: &OneOnOneInput,
) -> Result<OneOnOne> {
    let o = validate(input)?;
    check(tx, &o, None)?;
    tx.execute(
        "INSERT INTO one_on_one (id, person_id, date, status, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            super::new_id(tx, "one_on_one", id.map(|i| i.0))?,
            o.person_id,
            o.date,
            o.status,
            o.notes
        ],
    )?;
    let id = OneOnOneId(tx.last_insert_rowid());
    write_tags(tx, id, &o.tags)?;
    get(tx, id)
}

/// Replaces a 1:1's details.
pub fn update(tx: &Tx<'_>, id: OneOnOneId, input: &OneOnOneInput) -> Result<OneOnOne> {
    let o = validate(input)?;
    let before = get(tx, id)?;
    check(tx, &o, Some(id))?;
    if before.person_id != o.person_id {
        let linked: i64 = tx.query_row(
            "SELECT count(*) FROM agenda_item WHERE opened_in = ?1 OR closed_in = ?1",
            [id],
            |r| r.get(0),
        )?;
        if linked > 0 {
            return Err(Error::invalid(format!(
                "This 1:1 has {linked} agenda item(s) raised or closed in it, so it cannot move \
                 to another person. Log a new 1:1 instead."
            )));
        }
    }
    tx.execute(
        "UPDATE one_on_one SET person_id = ?2, date = ?3, status = ?4, notes = ?5 WHERE id = ?1",
        params![id, o.person_id, o.date, o.status, o.notes],
    )?;
    if before.date != o.date {
        move_items(tx, id, before.date, o.date)?;
    }
    write_tags(tx, id, &o.tags)?;
    get(tx, id)
}

/// A 1:1 moved from `from` to `to`: the items raised in it on that day are
/// now raised on the new day, and those closed in it closed on it — unless
/// that would close an item before it was opened, or open one after its
/// timing, which is refused.
fn move_items(tx: &Tx<'_>, id: OneOnOneId, from: NaiveDate, to: NaiveDate) -> Result<()> {
    let broken: Option<i64> = tx
        .query_row(
            "WITH moved AS (
                 SELECT id,
                        CASE WHEN opened_in = ?1 AND opened_on = ?2 THEN ?3 ELSE opened_on END AS o,
                        CASE WHEN closed_in = ?1 AND closed_on = ?2 THEN ?3 ELSE closed_on END AS c,
                        timing_date AS t
                 FROM agenda_item WHERE opened_in = ?1 OR closed_in = ?1)
             SELECT id FROM moved WHERE c < o OR t < o LIMIT 1",
            params![id, from, to],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(item) = broken {
        return Err(Error::invalid(format!(
            "Moving the 1:1 to {to} would put agenda item {item} (raised or closed in it) before \
             its opening or past its timing; choose a day between them, or change the item \
             first."
        )));
    }
    // One statement, so an item raised and closed in this 1:1 moves whole.
    tx.execute(
        "UPDATE agenda_item
         SET opened_on = CASE WHEN opened_in = ?1 AND opened_on = ?2 THEN ?3 ELSE opened_on END,
             closed_on = CASE WHEN closed_in = ?1 AND closed_on = ?2 THEN ?3 ELSE closed_on END
         WHERE opened_in = ?1 OR closed_in = ?1",
        params![id, from, to],
    )?;
    Ok(())
}

/// The person's 1:1 on `day`, if any (there is at most one).
pub fn on_day(conn: &Connection, person: PersonId, day: NaiveDate) -> Result<Option<OneOnOne>> {
    let id: Option<OneOnOneId> = conn
        .query_row(
            "SELECT id FROM one_on_one WHERE person_id = ?1 AND date = ?2",
            params![person, day],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| get(conn, id)).transpose()
}

/// One 1:1 by id.
pub fn get(conn: &Connection, id: OneOnOneId) -> Result<OneOnOne> {
    let mut o = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM one_on_one WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found(format!(
                "There is no 1:1 with id {id}; `coachlog one-on-one list` shows them."
            ))
        })?;
    load_tags(conn, &mut o)?;
    Ok(o)
}

/// 1:1s, newest first.
pub fn list(conn: &Connection, filter: Filter) -> Result<Vec<OneOnOne>> {
    let mut w = crate::store::Conditions::default();
    if let Some(p) = &filter.person {
        w.add("person_id = ?", &[p]);
    }
    if let Some(from) = &filter.from {
        w.add("date >= ?", &[from]);
    }
    if let Some(to) = &filter.to {
        w.add("date <= ?", &[to]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM one_on_one{} ORDER BY date DESC, id DESC",
        w.sql()
    ))?;
    let mut out = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Every listed 1:1's tags in one query (not one query per 1:1), in id
    // order, matched to the 1:1s by walking both lists in id order.
    let mut by_id: Vec<(OneOnOneId, usize)> =
        out.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    by_id.sort_unstable();
    let sql = if w.sql().is_empty() {
        "SELECT one_on_one_id, name FROM one_on_one_tag ORDER BY one_on_one_id, position"
            .to_string()
    } else {
        format!(
            "SELECT one_on_one_id, name FROM one_on_one_tag
             WHERE one_on_one_id IN (SELECT id FROM one_on_one{})
             ORDER BY one_on_one_id, position",
            w.sql()
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(w.values())?;
    let mut next = by_id.iter().peekable();
    while let Some(r) = rows.next()? {
        let id: OneOnOneId = r.get(0)?;
        while next.next_if(|(o, _)| *o < id).is_some() {}
        if let Some(&&(o, i)) = next.peek() {
            if o == id {
                out[i].tags.push(r.get(1)?);
            }
        }
    }
    Ok(out)
}

/// A month with 1:1s, and how many (whatever their status).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthCount {
    pub month: crate::calendar::Month,
    pub one_on_ones: u32,
}

/// The months with at least one 1:1 (whatever its status), newest first,
/// with their number: what the Export screen offers. One index seek per
/// month to find it and one range of `one_on_one_by_date` to count it — not
/// a read of every 1:1 and its tags.
pub fn months(conn: &Connection) -> Result<Vec<MonthCount>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE m(day) AS (
             SELECT max(date) FROM one_on_one
             UNION ALL
             SELECT (SELECT max(o.date) FROM one_on_one o WHERE o.date < date(m.day, 'start of month'))
             FROM m WHERE m.day IS NOT NULL)
         SELECT substr(day, 1, 7),
                (SELECT count(*) FROM one_on_one c
                  WHERE c.date >= date(m.day, 'start of month')
                    AND c.date < date(m.day, 'start of month', '+1 month'))
         FROM m WHERE day IS NOT NULL",
    )?;
    let months = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
        .map(|row| {
            let (month, one_on_ones) = row?;
            let month = month.parse().map_err(|e: crate::calendar::ParseError| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    e.0.into(),
                )
            })?;
            Ok(MonthCount { month, one_on_ones })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(months)
}

/// Coaching tags used so far, for offering them again.
pub fn tag_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT min(name) FROM one_on_one_tag GROUP BY name_key ORDER BY count(*) DESC, name_key",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}
