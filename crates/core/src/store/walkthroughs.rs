//! The `walkthrough` and `walkthrough_scope` tables.
//!
//! Tests: `crates/core/tests/integration/store/walkthroughs.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{Walkthrough, WalkthroughId, WalkthroughInput};
use crate::validate::{self, NAME_MAX, NOTES_MAX};

const COLUMNS: &str = "id, date, title, findings, issue_link";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Walkthrough> {
    Ok(Walkthrough {
        id: r.get(0)?,
        date: r.get(1)?,
        title: r.get(2)?,
        stages: Vec::new(),
        categories: Vec::new(),
        findings: r.get(3)?,
        issue_link: r.get(4)?,
    })
}

fn load_scope(conn: &Connection, w: &mut Walkthrough) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name FROM walkthrough_scope WHERE walkthrough_id = ?1 ORDER BY kind, position",
    )?;
    let rows = stmt.query_map([w.id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
    for row in rows {
        let (kind, name) = row?;
        if kind == "stage" {
            w.stages.push(name);
        } else {
            w.categories.push(name);
        }
    }
    Ok(())
}

/// Checks and cleans a walkthrough (no database access).
pub fn validate(input: &WalkthroughInput) -> Result<WalkthroughInput> {
    Ok(WalkthroughInput {
        date: input.date,
        title: validate::name("walkthrough title", &input.title, NAME_MAX)?,
        stages: validate::names("stage", &input.stages)?,
        categories: validate::names("category", &input.categories)?,
        findings: validate::text("findings", &input.findings, NOTES_MAX, false)?,
        issue_link: validate::link("issue link", input.issue_link.as_deref())?,
    })
}

/// Checks that the walkthrough `id`, just put back by a restore, does not
/// repeat another's title on its day.
pub(crate) fn check_restored(conn: &Connection, id: WalkthroughId) -> Result<()> {
    let w = get(conn, id)?;
    let input = WalkthroughInput {
        date: w.date,
        title: w.title,
        stages: w.stages,
        categories: w.categories,
        findings: w.findings,
        issue_link: w.issue_link,
    };
    check_unique(conn, &input, Some(id))
}

fn check_unique(
    conn: &Connection,
    w: &WalkthroughInput,
    except: Option<WalkthroughId>,
) -> Result<()> {
    // Titles are compared like every other name: trimmed, Unicode lower-cased.
    let mut stmt =
        conn.prepare_cached("SELECT id, title FROM walkthrough WHERE date = ?1 AND id IS NOT ?2")?;
    let same_day = stmt
        .query_map(params![w.date, except], |r| {
            Ok((r.get::<_, WalkthroughId>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let dup = same_day
        .into_iter()
        .find(|(_, title)| validate::key(title) == validate::key(&w.title))
        .map(|(id, _)| id);
    match dup {
        Some(id) => Err(Error::conflict(format!(
            "There is already a walkthrough '{}' on {} (id {id}); edit that one instead.",
            w.title, w.date
        ))),
        None => Ok(()),
    }
}

fn write_scope(tx: &Tx<'_>, id: WalkthroughId, w: &WalkthroughInput) -> Result<()> {
    tx.execute(
        "DELETE FROM walkthrough_scope WHERE walkthrough_id = ?1",
        [id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO walkthrough_scope (walkthrough_id, kind, position, name, name_key)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (kind, names) in [("stage", &w.stages), ("category", &w.categories)] {
        for (i, n) in names.iter().enumerate() {
            stmt.execute(params![id, kind, i as i64, n, validate::key(n)])?;
        }
    }
    Ok(())
}

/// Records a walkthrough.
pub fn insert(tx: &Tx<'_>, input: &WalkthroughInput) -> Result<Walkthrough> {
    insert_with_id(tx, None, input)
}

pub(crate) fn insert_with_id(
    tx: &Tx<'_>,
    id: Option<WalkthroughId>,
    input: &WalkthroughInput,
) -> Result<Walkthrough> {
    crate::validate::in_years("walkthrough date", input.date)?;
    let w = validate(input)?;
    check_unique(tx, &w, None)?;
    tx.execute(
        "INSERT INTO walkthrough (id, date, title, findings, issue_link) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![super::new_id(tx, "walkthrough", id.map(|i| i.0))?, w.date, w.title, w.findings, w.issue_link],
    )?;
    let id = WalkthroughId(tx.last_insert_rowid());
    write_scope(tx, id, &w)?;
    get(tx, id)
}

/// Replaces a walkthrough's details.
pub fn update(tx: &Tx<'_>, id: WalkthroughId, input: &WalkthroughInput) -> Result<Walkthrough> {
    crate::validate::in_years("walkthrough date", input.date)?;
    let w = validate(input)?;
    get(tx, id)?;
    check_unique(tx, &w, Some(id))?;
    tx.execute(
        "UPDATE walkthrough SET date = ?2, title = ?3, findings = ?4, issue_link = ?5 WHERE id = ?1",
        params![id, w.date, w.title, w.findings, w.issue_link],
    )?;
    write_scope(tx, id, &w)?;
    get(tx, id)
}

/// One walkthrough by id.
pub fn get(conn: &Connection, id: WalkthroughId) -> Result<Walkthrough> {
    let mut w = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM walkthrough WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found(format!(
                "There is no walkthrough with id {id}; `coachlog walkthrough list` shows them."
            ))
        })?;
    load_scope(conn, &mut w)?;
    Ok(w)
}

/// Walkthroughs, newest first, optionally within [from, to].
pub fn list(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Walkthrough>> {
    let mut w = crate::store::Conditions::default();
    if let Some(from) = &from {
        w.add("date >= ?", &[from]);
    }
    if let Some(to) = &to {
        w.add("date <= ?", &[to]);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM walkthrough{} ORDER BY date DESC, id DESC",
        w.sql()
    ))?;
    let mut out = stmt
        .query_map(w.values(), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Every listed walkthrough's stages and categories in one query.
    let index: std::collections::HashMap<WalkthroughId, usize> =
        out.iter().enumerate().map(|(i, w)| (w.id, i)).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT walkthrough_id, kind, name FROM walkthrough_scope
         WHERE walkthrough_id IN (SELECT id FROM walkthrough{})
         ORDER BY walkthrough_id, kind, position",
        w.sql()
    ))?;
    let mut rows = stmt.query(w.values())?;
    while let Some(r) = rows.next()? {
        let id: WalkthroughId = r.get(0)?;
        let kind: String = r.get(1)?;
        if let Some(w) = index.get(&id).map(|&i| &mut out[i]) {
            if kind == "stage" {
                w.stages.push(r.get(2)?);
            } else {
                w.categories.push(r.get(2)?);
            }
        }
    }
    Ok(out)
}

/// Distinct names used for stages or categories (`kind` = "stage" or
/// "category") in walkthroughs, for offering them again.
pub fn scope_names(conn: &Connection, kind: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT min(name) FROM walkthrough_scope WHERE kind = ?1 GROUP BY name_key ORDER BY name_key",
    )?;
    let names = stmt
        .query_map([kind], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}
