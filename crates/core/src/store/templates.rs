//! The `template` table: the Markdown that pre-fills a new 1:1's notes
//! (the leader's default, or one person's own) and a new walkthrough's
//! findings. Where the leader has written none, Coachlog's own defaults
//! ([`DEFAULT_ONE_ON_ONE`], [`DEFAULT_WALKTHROUGH`]) apply.
//!
//! Tests: `crates/core/tests/integration/store/templates.rs`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{PersonId, Template, TemplateKind};
use crate::store::people;
use crate::validate;

/// The most characters a template may have.
pub const TEMPLATE_MAX: usize = 20_000;

/// Coachlog's 1:1 notes template: the PM's items first (it is their
/// meeting), then the leader's, then the two conversations a 1:1 should
/// make room for — career and feedback.
pub const DEFAULT_ONE_ON_ONE: &str = "\
## Their items
- 

## My items
- 

## Career and growth
- 

## Feedback
- Given: 
- Received: 
";

/// Coachlog's walkthrough findings template, after the handbook's Product
/// Walk Through: what was walked, where the experience held together across
/// stages and categories, where it did not, and what follows.
pub const DEFAULT_WALKTHROUGH: &str = "\
## Scenario walked through
- 

## What worked across stages and categories
- 

## Friction and gaps
- 

## Follow-ups (issues to open, owners)
- [ ] 
";

/// Where the template in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The person's own 1:1 template.
    Person,
    /// The leader's default.
    Leader,
    /// Coachlog's default.
    Coachlog,
}

/// The template in force for a kind (and a person), and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InForce {
    /// What it pre-fills.
    pub kind: TemplateKind,
    /// Whose 1:1s it was asked for.
    pub person_id: Option<PersonId>,
    /// The Markdown.
    pub body: String,
    /// Where it comes from.
    pub source: Source,
}

/// Coachlog's own template of `kind`.
pub fn default_body(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::OneOnOne => DEFAULT_ONE_ON_ONE,
        TemplateKind::Walkthrough => DEFAULT_WALKTHROUGH,
    }
}

fn check_person(conn: &Connection, kind: TemplateKind, person: Option<PersonId>) -> Result<()> {
    if let Some(p) = person {
        if kind != TemplateKind::OneOnOne {
            return Err(Error::invalid(
                "Only the 1:1 notes template can be a person's own; the walkthrough template \
                 is one for all walkthroughs. Leave the person out.",
            ));
        }
        people::get(conn, p)?;
    }
    Ok(())
}

/// The template the leader wrote for `kind` (and `person`), if any.
pub fn get(
    conn: &Connection,
    kind: TemplateKind,
    person: Option<PersonId>,
) -> Result<Option<Template>> {
    check_person(conn, kind, person)?;
    Ok(conn
        .query_row(
            "SELECT body FROM template WHERE kind = ?1 AND person_id IS ?2",
            params![kind, person],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .map(|body| Template {
            kind,
            person_id: person,
            body,
        }))
}

/// The template in force for `kind`: for a person's 1:1s, their own, else
/// the leader's default, else Coachlog's; for walkthroughs, the leader's,
/// else Coachlog's.
pub fn in_force(
    conn: &Connection,
    kind: TemplateKind,
    person: Option<PersonId>,
) -> Result<InForce> {
    let found = match person {
        Some(p) => get(conn, kind, Some(p))?.map(|t| (t.body, Source::Person)),
        None => None,
    };
    let found = match found {
        Some(f) => Some(f),
        None => get(conn, kind, None)?.map(|t| (t.body, Source::Leader)),
    };
    let (body, source) =
        found.unwrap_or_else(|| (default_body(kind).to_string(), Source::Coachlog));
    Ok(InForce {
        kind,
        person_id: person,
        body,
        source,
    })
}

/// Writes the leader's template for `kind` (and `person`), replacing the
/// one there was. An empty body is a template too: nothing is pre-filled.
pub fn set(
    tx: &Tx<'_>,
    kind: TemplateKind,
    person: Option<PersonId>,
    body: &str,
) -> Result<Template> {
    check_person(tx, kind, person)?;
    validate::text("template", body, TEMPLATE_MAX, false)?;
    // Blank lines at either end go; the spaces after a line's "- " stay, so
    // the cursor lands after them.
    let kept = body
        .trim_start_matches(['\n', '\r'])
        .trim_end_matches(['\n', '\r']);
    let body = if kept.trim().is_empty() {
        String::new()
    } else {
        format!("{kept}\n")
    };
    tx.execute(
        "DELETE FROM template WHERE kind = ?1 AND person_id IS ?2",
        params![kind, person],
    )?;
    tx.execute(
        "INSERT INTO template (kind, person_id, body) VALUES (?1, ?2, ?3)",
        params![kind, person, body],
    )?;
    Ok(Template {
        kind,
        person_id: person,
        body,
    })
}

/// Removes the leader's template for `kind` (and `person`): the next one
/// down applies again (the leader's default, or Coachlog's). Returns the
/// template removed, so that a front end can offer to put it back;
/// `None` when there was none.
pub fn reset(
    tx: &Tx<'_>,
    kind: TemplateKind,
    person: Option<PersonId>,
) -> Result<Option<Template>> {
    let before = get(tx, kind, person)?;
    tx.execute(
        "DELETE FROM template WHERE kind = ?1 AND person_id IS ?2",
        params![kind, person],
    )?;
    Ok(before)
}

/// Every template the leader wrote: by kind, the default first, then by
/// person id.
pub fn list(conn: &Connection) -> Result<Vec<Template>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, person_id, body FROM template
         ORDER BY kind, person_id IS NOT NULL, person_id",
    )?;
    let out = stmt
        .query_map([], |r| {
            Ok(Template {
                kind: r.get(0)?,
                person_id: r.get(1)?,
                body: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}
