//! Logging a 1:1: the `one_on_one` row and the agenda changes made in it,
//! over three tables (`one_on_one`, `agenda_item`, `draft`).
//!
//! Tests: `crates/core/tests/integration/store/one_on_ones.rs`.

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{AgendaItemInput, LogInput, Logged};
use crate::store::{agenda, drafts, one_on_ones};

/// Logs a 1:1 together with the agenda changes made in it: new items are
/// opened on the 1:1's date in it, listed items are closed on that date in
/// it, and the person's draft (if any) is discarded. Call inside one
/// transaction ([`crate::Db::write`]) so that all of it lands or none does.
pub fn one_on_one(tx: &Tx<'_>, input: &LogInput) -> Result<Logged> {
    for (what, n) in [
        ("new agenda items", input.new_items.len()),
        ("items to close", input.close_items.len()),
    ] {
        if n > crate::validate::ITEMS_PER_ONE_ON_ONE_MAX {
            return Err(Error::invalid(format!(
                "The 1:1 has {n} {what}; a 1:1 takes at most {}.",
                crate::validate::ITEMS_PER_ONE_ON_ONE_MAX
            )));
        }
    }
    let one_on_one = one_on_ones::insert(tx, &input.one_on_one)?;
    let person = one_on_one.person_id;
    let date = one_on_one.date;
    let mut opened = Vec::with_capacity(input.new_items.len());
    for (i, item) in input.new_items.iter().enumerate() {
        let added = agenda::insert(
            tx,
            &AgendaItemInput {
                person_id: person,
                text: item.text.clone(),
                open_tag: item.open_tag,
                timing: item.timing,
                raised_by: item.raised_by,
                opened_on: date,
                opened_in: Some(one_on_one.id),
            },
        )
        .map_err(|e| prefix(e, &format!("New item {}", i + 1)))?;
        opened.push(added);
    }
    let mut closed = Vec::with_capacity(input.close_items.len());
    for c in &input.close_items {
        let item = agenda::get(tx, c.id)?;
        if item.person_id != person {
            return Err(Error::invalid(format!(
                "Agenda item {} is on someone else's agenda; close it in a 1:1 with them.",
                c.id
            )));
        }
        closed.push(agenda::close(tx, c.id, c.tag, date, Some(one_on_one.id))?);
    }
    drafts::discard(tx, person)?;
    Ok(Logged {
        one_on_one,
        opened,
        closed,
    })
}

fn prefix(e: Error, what: &str) -> Error {
    match e {
        Error::Invalid(m) => Error::Invalid(format!("{what}: {m}")),
        other => other,
    }
}
