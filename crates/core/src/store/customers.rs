//! The `customer_link` and `check_in` tables: internal customers.
//!
//! Tests: `crates/core/tests/integration/store/customers.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{
    CheckIn, CheckInId, CheckInInput, CustomerLink, CustomerLinkInput, LinkId, PersonId,
};
use crate::store::people;
use crate::validate::{self, NAME_MAX, NOTES_MAX};

const LINK_COLUMNS: &str = "id, person_id, team, category, since, archived_on";
const CHECK_IN_COLUMNS: &str = "id, link_id, date, epic_updated, notes";

fn link_from_row(r: &Row<'_>) -> rusqlite::Result<CustomerLink> {
    Ok(CustomerLink {
        id: r.get(0)?,
        person_id: r.get(1)?,
        team: r.get(2)?,
        category: r.get(3)?,
        since: r.get(4)?,
        archived_on: r.get(5)?,
    })
}

fn check_in_from_row(r: &Row<'_>) -> rusqlite::Result<CheckIn> {
    Ok(CheckIn {
        id: r.get(0)?,
        link_id: r.get(1)?,
        date: r.get(2)?,
        epic_updated: r.get(3)?,
        notes: r.get(4)?,
    })
}

/// Which links [`list_links`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkFilter {
    /// Only this person's.
    pub person: Option<PersonId>,
    /// Include archived links.
    pub include_archived: bool,
}

fn clean_link(input: &CustomerLinkInput) -> Result<CustomerLinkInput> {
    let mut out = input.clone();
    out.team = validate::name("internal customer (team)", &input.team, NAME_MAX)?;
    out.category = validate::name("category", &input.category, NAME_MAX)?;
    Ok(out)
}

fn check_link(conn: &Connection, l: &CustomerLinkInput, except: Option<LinkId>) -> Result<()> {
    let person = people::require_active(conn, l.person_id, l.since, "internal-customer link")?;
    let dup: Option<LinkId> = conn
        .query_row(
            "SELECT id FROM customer_link
             WHERE person_id = ?1 AND team_key = ?2 AND category_key = ?3 AND archived_on IS NULL
               AND id IS NOT ?4",
            params![
                l.person_id,
                validate::key(&l.team),
                validate::key(&l.category),
                except
            ],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = dup {
        return Err(Error::conflict(format!(
            "{} already has {} as an internal customer for {} (link {id}).",
            person.name, l.team, l.category
        )));
    }
    Ok(())
}

/// Checks that the link `id`, just put back by a restore, does not repeat
/// an active link of the same person, team and category.
pub(crate) fn check_restored_link(conn: &Connection, id: LinkId) -> Result<()> {
    let l = get_link(conn, id)?;
    if l.archived_on.is_some() {
        return Ok(());
    }
    let input = CustomerLinkInput {
        person_id: l.person_id,
        team: l.team,
        category: l.category,
        since: l.since,
    };
    check_link(conn, &input, Some(id))
}

/// Adds an internal customer to a PM.
pub fn insert_link(tx: &Tx<'_>, input: &CustomerLinkInput) -> Result<CustomerLink> {
    insert_link_with_id(tx, None, input)
}

pub(crate) fn insert_link_with_id(
    tx: &Tx<'_>,
    id: Option<LinkId>,
    input: &CustomerLinkInput,
) -> Result<CustomerLink> {
    crate::validate::in_years("internal customer's since date", input.since)?;
    let l = clean_link(input)?;
    check_link(tx, &l, None)?;
    tx.execute(
        "INSERT INTO customer_link (id, person_id, team, team_key, category, category_key, since)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            super::new_id(tx, "customer_link", id.map(|i| i.0))?,
            l.person_id,
            l.team,
            validate::key(&l.team),
            l.category,
            validate::key(&l.category),
            l.since
        ],
    )?;
    get_link(tx, LinkId(tx.last_insert_rowid()))
}

/// Replaces a link's details.
pub fn update_link(tx: &Tx<'_>, id: LinkId, input: &CustomerLinkInput) -> Result<CustomerLink> {
    crate::validate::in_years("internal customer's since date", input.since)?;
    let l = clean_link(input)?;
    let before = get_link(tx, id)?;
    check_link(tx, &l, Some(id))?;
    let first: Option<NaiveDate> = tx.query_row(
        "SELECT min(date) FROM check_in WHERE link_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if let Some(first) = first.filter(|f| *f < l.since) {
        return Err(Error::invalid(format!(
            "This link has a check-in on {first}, before the new 'since' date {}; use {first} or \
             earlier.",
            l.since
        )));
    }
    if before.person_id != l.person_id && first.is_some() {
        return Err(Error::invalid(
            "This link has check-ins, so it cannot move to another PM; archive it and add a new \
             link instead.",
        ));
    }
    tx.execute(
        "UPDATE customer_link SET person_id = ?2, team = ?3, team_key = ?4, category = ?5,
                category_key = ?6, since = ?7
         WHERE id = ?1",
        params![
            id,
            l.person_id,
            l.team,
            validate::key(&l.team),
            l.category,
            validate::key(&l.category),
            l.since
        ],
    )?;
    get_link(tx, id)
}

/// Archives a link on `on`: no check-ins are owed after that.
pub fn archive_link(tx: &Tx<'_>, id: LinkId, on: NaiveDate) -> Result<CustomerLink> {
    crate::validate::in_years("archive date", on)?;
    let l = get_link(tx, id)?;
    if let Some(a) = l.archived_on {
        return Err(Error::conflict(format!(
            "Link {id} is already archived (since {a})."
        )));
    }
    validate::not_before("archive date", on, "the day the link started", l.since)?;
    let last: Option<NaiveDate> = tx.query_row(
        "SELECT max(date) FROM check_in WHERE link_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if let Some(last) = last.filter(|d| *d > on) {
        return Err(Error::invalid(format!(
            "The link to {} has a check-in on {last}, after the archive date {on}; archive on \
             {last} or later.",
            l.team
        )));
    }
    tx.execute(
        "UPDATE customer_link SET archived_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    get_link(tx, id)
}

pub(crate) fn set_link_archived(tx: &Tx<'_>, id: LinkId, on: Option<NaiveDate>) -> Result<()> {
    tx.execute(
        "UPDATE customer_link SET archived_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    Ok(())
}

/// Makes an archived link active again.
pub fn unarchive_link(tx: &Tx<'_>, id: LinkId) -> Result<CustomerLink> {
    let l = get_link(tx, id)?;
    if l.archived_on.is_none() {
        return Err(Error::conflict(format!("Link {id} is not archived.")));
    }
    let dup: Option<LinkId> = tx
        .query_row(
            "SELECT id FROM customer_link WHERE person_id = ?1 AND team_key = ?2
               AND category_key = ?3 AND archived_on IS NULL",
            params![
                l.person_id,
                validate::key(&l.team),
                validate::key(&l.category)
            ],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = dup {
        return Err(Error::conflict(format!(
            "Link {other} already covers {} for {}; archive it first.",
            l.team, l.category
        )));
    }
    tx.execute(
        "UPDATE customer_link SET archived_on = NULL WHERE id = ?1",
        [id],
    )?;
    get_link(tx, id)
}

/// One link by id.
pub fn get_link(conn: &Connection, id: LinkId) -> Result<CustomerLink> {
    conn.query_row(
        &format!("SELECT {LINK_COLUMNS} FROM customer_link WHERE id = ?1"),
        [id],
        link_from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(format!(
            "There is no internal-customer link with id {id}; `coachlog customer list --all` shows \
             them."
        ))
    })
}

/// Links ordered by person, team, category.
pub fn list_links(conn: &Connection, filter: LinkFilter) -> Result<Vec<CustomerLink>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINK_COLUMNS} FROM customer_link
         WHERE (?1 IS NULL OR person_id = ?1) AND (?2 OR archived_on IS NULL)
         ORDER BY person_id, team_key, category_key, id"
    ))?;
    let out = stmt
        .query_map(
            params![filter.person, filter.include_archived],
            link_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// A link's last check-ins on or before a day (see [`last_check_ins`]):
/// `(any, with the category epic updated)`.
pub type LastCheckIns = (Option<NaiveDate>, Option<NaiveDate>);

/// For each of `person`'s links (archived ones included): the day of its
/// last check-in on or before `day`, and of the last one with the category
/// epic updated. Two index seeks per link (check_in_by_link_date).
pub fn last_check_ins(
    conn: &Connection,
    person: PersonId,
    day: NaiveDate,
) -> Result<std::collections::HashMap<LinkId, LastCheckIns>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id,
                (SELECT max(c.date) FROM check_in c WHERE c.link_id = l.id AND c.date <= ?2),
                (SELECT max(c.date) FROM check_in c
                 WHERE c.link_id = l.id AND c.date <= ?2 AND c.epic_updated)
         FROM customer_link l WHERE l.person_id = ?1",
    )?;
    let rows = stmt.query_map(params![person, day], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a check-in with an internal customer.
pub fn insert_check_in(tx: &Tx<'_>, input: &CheckInInput) -> Result<CheckIn> {
    insert_check_in_with_id(tx, None, input)
}

pub(crate) fn insert_check_in_with_id(
    tx: &Tx<'_>,
    id: Option<CheckInId>,
    input: &CheckInInput,
) -> Result<CheckIn> {
    crate::validate::in_years("check-in date", input.date)?;
    let notes = validate::text("check-in notes", &input.notes, NOTES_MAX, false)?;
    let link = get_link(tx, input.link_id)?;
    check_check_in_date(&link, input.date)?;
    tx.execute(
        "INSERT INTO check_in (id, link_id, date, epic_updated, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            super::new_id(tx, "check_in", id.map(|i| i.0))?,
            input.link_id,
            input.date,
            input.epic_updated,
            notes
        ],
    )?;
    get_check_in(tx, CheckInId(tx.last_insert_rowid()))
}

fn check_check_in_date(link: &CustomerLink, date: NaiveDate) -> Result<()> {
    if let Some(a) = link.archived_on.filter(|a| *a <= date) {
        return Err(Error::invalid(format!(
            "The link to {} ({}) was archived on {a}; a check-in on {date} cannot be recorded. \
             Unarchive the link first, or date the check-in before {a}.",
            link.team, link.category
        )));
    }
    validate::not_before(
        "check-in date",
        date,
        &format!("the link to {} started", link.team),
        link.since,
    )
}

/// Replaces a check-in's details. It may move to another internal-customer
/// link (a check-in logged against the wrong customer), on a date that link
/// was active.
pub fn update_check_in(tx: &Tx<'_>, id: CheckInId, input: &CheckInInput) -> Result<CheckIn> {
    crate::validate::in_years("check-in date", input.date)?;
    let notes = validate::text("check-in notes", &input.notes, NOTES_MAX, false)?;
    get_check_in(tx, id)?;
    let link = get_link(tx, input.link_id)?;
    check_check_in_date(&link, input.date)?;
    tx.execute(
        "UPDATE check_in SET link_id = ?2, date = ?3, epic_updated = ?4, notes = ?5 WHERE id = ?1",
        params![id, input.link_id, input.date, input.epic_updated, notes],
    )?;
    get_check_in(tx, id)
}

/// One check-in by id.
pub fn get_check_in(conn: &Connection, id: CheckInId) -> Result<CheckIn> {
    conn.query_row(
        &format!("SELECT {CHECK_IN_COLUMNS} FROM check_in WHERE id = ?1"),
        [id],
        check_in_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("There is no check-in with id {id}.")))
}

/// Check-ins, newest first, of one link, one person's links, or all.
pub fn list_check_ins(
    conn: &Connection,
    link: Option<LinkId>,
    person: Option<PersonId>,
) -> Result<Vec<CheckIn>> {
    let mut w = crate::store::Conditions::default();
    if let Some(l) = &link {
        w.add("c.link_id = ?", &[l]);
    }
    if let Some(p) = &person {
        w.add(
            "c.link_id IN (SELECT id FROM customer_link WHERE person_id = ?)",
            &[p],
        );
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM check_in c{} ORDER BY c.date DESC, c.id DESC",
        CHECK_IN_COLUMNS
            .split(", ")
            .map(|c| format!("c.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
        w.sql()
    ))?;
    let out = stmt
        .query_map(w.values(), check_in_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}
