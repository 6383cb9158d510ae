//! The `draft` table: a 1:1 being written, one per person.
//!
//! Drafts are saved as the leader types (the desktop app debounces saves), so
//! they are checked only for size and references, not for completeness: a
//! half-written note is still worth keeping.
//!
//! Tests: `crates/core/tests/integration/store/drafts.rs`.

use rusqlite::{params, Connection, OptionalExtension};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{Draft, PersonId};
use crate::store::{agenda, people};
use crate::validate::{self, ITEMS_PER_ONE_ON_ONE_MAX, ITEM_MAX, NOTES_MAX};

/// Saves (replaces) the draft of `draft.person_id`.
///
/// An item to close that is not there any more (deleted since, say from the
/// command line) is left out of the draft rather than refusing it: the
/// notes are what must not be lost.
pub fn save(tx: &Tx<'_>, draft: &Draft) -> Result<()> {
    crate::validate::in_years("draft's date", draft.date)?;
    people::get(tx, draft.person_id)?;
    for (what, n) in [
        ("new agenda items", draft.new_items.len()),
        ("items to close", draft.close_items.len()),
    ] {
        if n > ITEMS_PER_ONE_ON_ONE_MAX {
            return Err(Error::invalid(format!(
                "The draft has {n} {what}; a 1:1 takes at most {ITEMS_PER_ONE_ON_ONE_MAX}."
            )));
        }
    }
    validate::names_of_length("coaching tag", &draft.tags, validate::TAG_MAX)?;
    let mut draft = draft.clone();
    draft.close_items.retain(|c| agenda::get(tx, c.id).is_ok());
    let draft = &draft;
    for c in &draft.close_items {
        let item = agenda::get(tx, c.id)?;
        if item.person_id != draft.person_id {
            return Err(Error::invalid(format!(
                "Agenda item {} is on someone else's agenda; it cannot be closed in this 1:1.",
                c.id
            )));
        }
    }
    let notes = draft.notes.chars().count();
    if notes > NOTES_MAX {
        return Err(Error::invalid(format!(
            "The notes are {notes} characters long; the most is {NOTES_MAX}. Shorten them."
        )));
    }
    if draft
        .new_items
        .iter()
        .any(|i| i.text.chars().count() > ITEM_MAX)
    {
        return Err(Error::invalid(format!(
            "A new agenda item is longer than {ITEM_MAX} characters; shorten it."
        )));
    }
    let body = serde_json::to_string(draft).map_err(|e| Error::Internal(e.to_string()))?;
    tx.execute(
        "INSERT INTO draft (person_id, body) VALUES (?1, ?2)
         ON CONFLICT (person_id) DO UPDATE SET body = excluded.body",
        params![draft.person_id, body],
    )?;
    Ok(())
}

/// The draft for a person, if one is kept.
pub fn get(conn: &Connection, person: PersonId) -> Result<Option<Draft>> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body FROM draft WHERE person_id = ?1",
            [person],
            |r| r.get(0),
        )
        .optional()?;
    body.map(|b| {
        serde_json::from_str(&b).map_err(|e| {
            Error::Corrupt(format!(
                "the saved draft for person {person} is unreadable: {e}"
            ))
        })
    })
    .transpose()
}

/// Every kept draft, by person id.
pub fn list(conn: &Connection) -> Result<Vec<Draft>> {
    let mut stmt = conn.prepare("SELECT person_id FROM draft ORDER BY person_id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<PersonId>>>()?;
    ids.into_iter()
        .filter_map(|id| get(conn, id).transpose())
        .collect()
}

/// Discards a person's draft (no error when there is none).
pub fn discard(tx: &Tx<'_>, person: PersonId) -> Result<()> {
    tx.execute("DELETE FROM draft WHERE person_id = ?1", [person])?;
    Ok(())
}
