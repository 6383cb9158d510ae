//! The `person` and `person_scope` tables.
//!
//! Tests: `crates/core/tests/integration/store/people.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{Person, PersonId, PersonInput, Scope};
use crate::validate::{self, NAME_MAX};

const COLUMNS: &str = "id, name, title, job_family, level, scope_kind, section, since, \
                       cadence_days, tracked, archived_on, reports_to";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        title: r.get(2)?,
        job_family: r.get(3)?,
        level: r.get(4)?,
        scope: Scope {
            kind: r.get(5)?,
            section: r.get(6)?,
            stages: Vec::new(),
            groups: Vec::new(),
        },
        since: r.get(7)?,
        cadence_days: r.get(8)?,
        tracked: r.get(9)?,
        archived_on: r.get(10)?,
        reports_to: r.get(11)?,
    })
}

fn load_scope(conn: &Connection, person: &mut Person) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name FROM person_scope WHERE person_id = ?1 ORDER BY kind, position",
    )?;
    let rows = stmt.query_map([person.id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
    for row in rows {
        let (kind, name) = row?;
        if kind == "stage" {
            person.scope.stages.push(name);
        } else {
            person.scope.groups.push(name);
        }
    }
    Ok(())
}

/// Which people [`list`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Include archived people.
    pub include_archived: bool,
}

/// Checks and cleans a person's input (no database access).
pub fn validate(input: &PersonInput) -> Result<PersonInput> {
    let mut out = input.clone();
    out.name = validate::name("name", &input.name, NAME_MAX)?;
    out.title = validate::line("job title", &input.title, NAME_MAX)?;
    out.scope.section =
        validate::optional_name("section", input.scope.section.as_deref(), NAME_MAX)?;
    out.scope.stages = validate::names("stage", &input.scope.stages)?;
    out.scope.groups = validate::names("group", &input.scope.groups)?;
    if let Some(days) = input.cadence_days {
        validate::days("1:1 cadence", days, 366)?;
    }
    Ok(out)
}

fn check_unique_name(conn: &Connection, name: &str, except: Option<PersonId>) -> Result<()> {
    let other: Option<(PersonId, String)> = conn
        .query_row(
            "SELECT id, name FROM person WHERE name_key = ?1",
            [validate::key(name)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match other {
        Some((id, existing)) if Some(id) != except => Err(Error::conflict(format!(
            "There is already a person named '{existing}' (id {id}). Names must be unique: add \
             an initial or a surname."
        ))),
        _ => Ok(()),
    }
}

/// Checks a skip-level report's manager: someone else on the team who is
/// not a skip-level report; and that a skip-level report is not tracked,
/// and has no skip-level reports of their own (`id`: the person edited).
fn check_reports_to(conn: &Connection, id: Option<PersonId>, p: &PersonInput) -> Result<()> {
    if let Some(id) = id {
        let reports: Vec<String> = {
            let mut stmt = conn.prepare_cached(
                "SELECT name FROM person WHERE reports_to = ?1 ORDER BY name_key LIMIT 3",
            )?;
            let names = stmt
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            names
        };
        if p.reports_to.is_some() && !reports.is_empty() {
            return Err(Error::invalid(format!(
                "{} has skip-level reports ({}), so they cannot be a skip-level report \
                 themselves. Move those people to another manager first.",
                p.name,
                reports.join(", ")
            )));
        }
    }
    let Some(manager) = p.reports_to else {
        return Ok(());
    };
    if Some(manager) == id {
        return Err(Error::invalid(format!(
            "{} cannot report to themselves; choose their manager on your team.",
            p.name
        )));
    }
    let m = get(conn, manager).map_err(|_| {
        Error::not_found(format!(
            "There is no person with id {manager} to report to; choose their manager among \
             the people on your team (`coachlog person list --all`)."
        ))
    })?;
    if let Some(theirs) = m.reports_to {
        let above = get(conn, theirs)?.name;
        return Err(Error::invalid(format!(
            "{} is a skip-level report (of {above}), not one of your managers; a skip-level \
             report reports to someone who reports to you.",
            m.name
        )));
    }
    if p.tracked {
        return Err(Error::invalid(format!(
            "{} reports to {}, so they are a skip-level report, and skip-level reports are \
             never tracked: leave 'tracked' off, or remove 'reports to'.",
            p.name, m.name
        )));
    }
    Ok(())
}

fn write_scope(tx: &Tx<'_>, id: PersonId, scope: &Scope) -> Result<()> {
    tx.execute("DELETE FROM person_scope WHERE person_id = ?1", [id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO person_scope (person_id, kind, position, name, name_key)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (kind, names) in [("stage", &scope.stages), ("group", &scope.groups)] {
        for (i, name) in names.iter().enumerate() {
            stmt.execute(params![id, kind, i as i64, name, validate::key(name)])?;
        }
    }
    Ok(())
}

/// Adds a person and returns them.
pub fn insert(tx: &Tx<'_>, input: &PersonInput) -> Result<Person> {
    insert_with_id(tx, None, input)
}

/// Adds a person with a given id (import) or a new one.
pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<PersonId>,
    input: &PersonInput,
) -> Result<Person> {
    crate::validate::in_years("the day they started reporting to you", input.since)?;
    let p = validate(input)?;
    check_unique_name(tx, &p.name, None)?;
    check_reports_to(tx, None, &p)?;
    tx.execute(
        "INSERT INTO person (id, name, name_key, title, job_family, level, scope_kind, section,
                             since, cadence_days, tracked, reports_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            super::new_id(tx, "person", id.map(|i| i.0))?,
            p.name,
            validate::key(&p.name),
            p.title,
            p.job_family,
            p.level,
            p.scope.kind,
            p.scope.section,
            p.since,
            p.cadence_days,
            p.tracked,
            p.reports_to
        ],
    )?;
    let id = PersonId(tx.last_insert_rowid());
    write_scope(tx, id, &p.scope)?;
    get(tx, id)
}

/// Replaces a person's details (not their archive state).
pub fn update(tx: &Tx<'_>, id: PersonId, input: &PersonInput) -> Result<Person> {
    crate::validate::in_years("the day they started reporting to you", input.since)?;
    let p = validate(input)?;
    let before = get(tx, id)?;
    check_unique_name(tx, &p.name, Some(id))?;
    check_reports_to(tx, Some(id), &p)?;
    if let Some(archived) = before.archived_on {
        validate::not_before("archive date", archived, "the new 'since' date", p.since)?;
    }
    let first: Option<NaiveDate> = tx.query_row(
        "SELECT min(d) FROM (
             SELECT min(date) AS d FROM one_on_one WHERE person_id = ?1
             UNION ALL SELECT min(opened_on) FROM agenda_item WHERE person_id = ?1
             UNION ALL SELECT min(noted_on) FROM win WHERE person_id = ?1
             UNION ALL SELECT min(since) FROM customer_link WHERE person_id = ?1
             UNION ALL SELECT min(done_on) FROM accountability_update WHERE person_id = ?1
             UNION ALL SELECT min(date) FROM cdf_review WHERE person_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if let Some(first) = first.filter(|f| *f < p.since) {
        return Err(Error::invalid(format!(
            "{} has records from {first}, before the new 'since' date {}; use {first} or earlier.",
            p.name, p.since
        )));
    }
    tx.execute(
        "UPDATE person SET name = ?2, name_key = ?3, title = ?4, job_family = ?5, level = ?6,
                scope_kind = ?7, section = ?8, since = ?9, cadence_days = ?10, tracked = ?11,
                reports_to = ?12
         WHERE id = ?1",
        params![
            id,
            p.name,
            validate::key(&p.name),
            p.title,
            p.job_family,
            p.level,
            p.scope.kind,
            p.scope.section,
            p.since,
            p.cadence_days,
            p.tracked,
            p.reports_to
        ],
    )?;
    write_scope(tx, id, &p.scope)?;
    get(tx, id)
}

/// Archives a person on `on` (they left the team); their records stay.
pub fn archive(tx: &Tx<'_>, id: PersonId, on: NaiveDate) -> Result<Person> {
    crate::validate::in_years("archive date", on)?;
    let p = get(tx, id)?;
    if let Some(a) = p.archived_on {
        return Err(Error::conflict(format!(
            "{} is already archived (since {a}); unarchive first to change the date.",
            p.name
        )));
    }
    validate::not_before(
        "archive date",
        on,
        &format!("{}'s 'since' date", p.name),
        p.since,
    )?;
    let later: Option<(String, NaiveDate)> = tx
        .query_row(
            "SELECT what, d FROM (
                 SELECT 'a 1:1' AS what, max(date) AS d FROM one_on_one WHERE person_id = ?1
                 UNION ALL SELECT 'an agenda item opened', max(opened_on) FROM agenda_item
                     WHERE person_id = ?1
                 UNION ALL SELECT 'a win noted', max(noted_on) FROM win WHERE person_id = ?1
                 UNION ALL SELECT 'a CDF review', max(date) FROM cdf_review WHERE person_id = ?1)
             WHERE d > ?2 ORDER BY d DESC LIMIT 1",
            params![id, on],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((what, d)) = later {
        return Err(Error::invalid(format!(
            "{} has {what} on {d}, after the archive date {on}; archive on {d} or later.",
            p.name
        )));
    }
    tx.execute(
        "UPDATE person SET archived_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    get(tx, id)
}

/// Sets the archive date directly (import).
pub(crate) fn set_archived(tx: &Tx<'_>, id: PersonId, on: Option<NaiveDate>) -> Result<()> {
    tx.execute(
        "UPDATE person SET archived_on = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    Ok(())
}

/// Makes an archived person active again.
pub fn unarchive(tx: &Tx<'_>, id: PersonId) -> Result<Person> {
    let p = get(tx, id)?;
    if p.archived_on.is_none() {
        return Err(Error::conflict(format!("{} is not archived.", p.name)));
    }
    tx.execute("UPDATE person SET archived_on = NULL WHERE id = ?1", [id])?;
    get(tx, id)
}

/// One person by id.
pub fn get(conn: &Connection, id: PersonId) -> Result<Person> {
    let mut p = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM person WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found(format!(
                "There is no person with id {id}; `coachlog person list --all` shows everyone."
            ))
        })?;
    load_scope(conn, &mut p)?;
    Ok(p)
}

/// Everyone's name by id, archived people included: for showing the
/// people a list of records refers to.
pub fn names(conn: &Connection) -> Result<std::collections::HashMap<PersonId, String>> {
    Ok(list(
        conn,
        Filter {
            include_archived: true,
        },
    )?
    .into_iter()
    .map(|p| (p.id, p.name))
    .collect())
}

/// People ordered by name (case-insensitively), then id.
pub fn list(conn: &Connection, filter: Filter) -> Result<Vec<Person>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM person {} ORDER BY name_key, id",
        if filter.include_archived {
            ""
        } else {
            "WHERE archived_on IS NULL"
        }
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut people = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for p in &mut people {
        load_scope(conn, p)?;
    }
    Ok(people)
}

/// The person with this name, compared as names are everywhere (trimmed,
/// Unicode lower-cased), if there is one.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Person>> {
    let id: Option<PersonId> = conn
        .query_row(
            "SELECT id FROM person WHERE name_key = ?1",
            [validate::key(name)],
            |row| row.get(0),
        )
        .optional()?;
    id.map(|id| get(conn, id)).transpose()
}

/// Finds a person by id (`"3"`), exact name (case-insensitive) or a unique
/// part of a name.
pub fn resolve(conn: &Connection, reference: &str) -> Result<Person> {
    let r = reference.trim();
    if r.is_empty() {
        return Err(Error::invalid("No person was named; give a name or an id."));
    }
    if let Ok(n) = r.parse::<i64>() {
        return get(conn, PersonId(n));
    }
    let key = validate::key(r);
    let exact: Option<PersonId> = conn
        .query_row("SELECT id FROM person WHERE name_key = ?1", [&key], |row| {
            row.get(0)
        })
        .optional()?;
    if let Some(id) = exact {
        return get(conn, id);
    }
    let everyone = list(
        conn,
        Filter {
            include_archived: true,
        },
    )?;
    // Closest first: a whole word of the name, then the start of a word,
    // then anywhere in it. The first tier with any match decides.
    let tiers: [&dyn Fn(&str) -> bool; 3] = [
        &|name| name.split_whitespace().any(|w| w == key),
        &|name| name.split_whitespace().any(|w| w.starts_with(&key)),
        &|name| name.contains(&key),
    ];
    let matches: Vec<&Person> = tiers
        .iter()
        .map(|tier| {
            everyone
                .iter()
                .filter(|p| tier(&validate::key(&p.name)))
                .collect::<Vec<_>>()
        })
        .find(|m| !m.is_empty())
        .unwrap_or_default();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::not_found(format!(
            "No one on the team is called '{r}'; `coachlog person list --all` shows everyone."
        ))),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|p| format!("{} (id {})", p.name, p.id))
                .collect();
            Err(Error::invalid(format!(
                "'{r}' matches {} people: {}. Give more of the name or the id.",
                many.len(),
                names.join(", ")
            )))
        }
    }
}

/// Checks that a person exists and is active on `day`; returns them.
pub fn require_active(
    conn: &Connection,
    id: PersonId,
    day: NaiveDate,
    what: &str,
) -> Result<Person> {
    let p = get(conn, id)?;
    if day < p.since {
        return Err(Error::invalid(format!(
            "{} has reported to you since {}; a {what} on {day} is before that. Change the date, \
             or {}'s 'since' date.",
            p.name, p.since, p.name
        )));
    }
    if let Some(a) = p.archived_on.filter(|a| *a <= day) {
        return Err(Error::invalid(format!(
            "{} was archived on {a}; a {what} on {day} is after that. Change the date, or \
             unarchive {}.",
            p.name, p.name
        )));
    }
    Ok(p)
}

/// Distinct names already used for stages or groups (`kind` = "stage" or
/// "group"), for offering them again.
pub fn scope_names(conn: &Connection, kind: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT min(name) FROM person_scope WHERE kind = ?1 GROUP BY name_key ORDER BY name_key",
    )?;
    let names = stmt
        .query_map([kind], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}
