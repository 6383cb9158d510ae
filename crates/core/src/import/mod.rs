//! Imports from other tools into the current database (new or not), beside
//! Coachlog's own interchange (`crate::interchange`, which fills an empty
//! database): `oikio` reads oikio's data file or export, `csv` a spreadsheet
//! of 1:1s (and, optionally, one of agenda items).
//!
//! Every source shares what is here: the [`Options`], the [`Report`], the
//! dry run (`run`: the same writes, rehearsed and rolled back), and the
//! writers that make a second import of the same file add nothing — a
//! person is matched by name (`person`), a 1:1 by person and day
//! (`write_one_on_ones`, which merges two of one day), an agenda item by
//! person, opening day and text (`add_item`).
//!
//! **Adding a source:** a module here with a `parse` (the file's text to
//! checked records, refusing bad input with the record's place named) and
//! an `import` that calls `run` with a writer made of the functions here
//! (and the store's), and returns the report.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::kinds::{Counts, RecordKind};
use crate::model::{
    AgendaItemInput, CloseTag, OneOnOneId, OneOnOneInput, OneOnOneStatus, PersonId, PersonInput,
};
use crate::store::{agenda, one_on_ones, people};
use crate::validate;

pub mod csv;
pub mod html;
pub mod oikio;

/// How to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The import day (today): a completed action item whose due date is
    /// later is closed on it.
    pub today: NaiveDate,
    /// Rehearse only: check and count everything, write nothing.
    pub dry_run: bool,
}

/// What an import added (or, for a dry run, would add).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// Whether this was a dry run (nothing written).
    pub dry_run: bool,
    /// Records added, by kind.
    pub added: Counts,
    /// Records of the file already in the database (an earlier import of
    /// it, or the same 1:1 entered by hand), by kind: not added again.
    pub already_there: Counts,
    /// People of the file matched to people already in the database, by name.
    pub matched: Vec<String>,
    /// People of the file added as new people.
    pub created: Vec<String>,
    /// Matched people whose "since" moved earlier, to their first record
    /// in the file.
    pub since_moved: Vec<String>,
    /// Meetings (or rows) merged into another 1:1 of the same person on the same day
    /// (another meeting of the file, or one already in the database).
    pub merged_meetings: usize,
    /// Skips on a day that already has a 1:1 of that person: not added.
    pub skips_on_a_meeting_day: usize,
    /// Completed action items whose later day (of the meeting and the due
    /// date) is after the import day: closed on the import day.
    pub closed_on_import_day: usize,
    /// Templates added as 1:1 templates.
    pub templates_added: usize,
    /// Templates not imported, each with why.
    pub templates_not_imported: Vec<String>,
}

impl fmt::Display for Report {
    /// The report in a leader's words, one fact a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.dry_run { "Would add" } else { "Added" };
        let added = self.added.nonzero();
        if added.is_empty() && self.templates_added == 0 {
            writeln!(f, "{verb} nothing: everything in the file is already here.")?;
        } else {
            let mut parts = vec![added]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            if self.templates_added > 0 {
                parts.push(crate::words::count(
                    self.templates_added,
                    "1:1 template",
                    "1:1 templates",
                ));
            }
            writeln!(f, "{verb} {}.", parts.join(", "))?;
        }
        if !self.matched.is_empty() {
            writeln!(f, "Matched by name: {}.", self.matched.join(", "))?;
        }
        if !self.created.is_empty() {
            writeln!(f, "New people: {}.", self.created.join(", "))?;
        }
        let there = self.already_there.nonzero();
        if !there.is_empty() {
            writeln!(f, "Already here, not added again: {there}.")?;
        }
        if !self.since_moved.is_empty() {
            writeln!(
                f,
                "Reporting since moved earlier, to their first record in the file: {}.",
                self.since_moved.join(", ")
            )?;
        }
        if self.merged_meetings > 0 {
            writeln!(
                f,
                "{} merged into another 1:1 of the same person on the same day.",
                crate::words::count(self.merged_meetings, "meeting", "meetings")
            )?;
        }
        if self.skips_on_a_meeting_day > 0 {
            writeln!(
                f,
                "{} left out: that day already has a 1:1 with the person.",
                crate::words::count(self.skips_on_a_meeting_day, "skip", "skips")
            )?;
        }
        if self.closed_on_import_day > 0 {
            writeln!(
                f,
                "{} closed on the import day: due after it, and the file keeps no \
                 completion date.",
                crate::words::count(
                    self.closed_on_import_day,
                    "completed action item",
                    "completed action items"
                )
            )?;
        }
        for t in &self.templates_not_imported {
            writeln!(f, "Not imported: {t}.")?;
        }
        if self.dry_run {
            writeln!(f, "Dry run: nothing was written.")?;
        }
        Ok(())
    }
}

/// Where a file to import comes from, told apart by its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportSource"))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// oikio's data file or export (JSON).
    Oikio,
    /// A CSV of 1:1s or of agenda items ([`csv::parse_one`]).
    Csv,
}

impl Source {
    /// JSON is oikio's; anything else is read as CSV.
    pub fn of(text: &str) -> Source {
        match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{') | Some('[') => Source::Oikio,
            _ => Source::Csv,
        }
    }

    /// Its name for the leader.
    pub fn label(self) -> &'static str {
        match self {
            Source::Oikio => "oikio",
            Source::Csv => "CSV",
        }
    }
}

/// Imports one file of either source, told apart by [`Source::of`] (the
/// app's Import, which takes one file at a time; new people are added).
pub fn any(db: &mut Db, text: &str, options: Options) -> Result<(Source, Report)> {
    let source = Source::of(text);
    let report = match source {
        Source::Oikio => oikio::import(db, &oikio::parse(text)?, options)?,
        Source::Csv => csv::import(db, &csv::parse_one(text)?, options, csv::NewPeople::Add)?,
    };
    Ok((source, report))
}

/// Runs `write` in one transaction — or, with `dry_run`, rehearses it and
/// rolls it back — and returns its report. Any refusal leaves the database
/// as it was.
pub(crate) fn run(
    db: &mut Db,
    options: Options,
    write: impl FnOnce(&Tx<'_>, &mut Report) -> Result<()>,
) -> Result<Report> {
    let go = |tx: &Tx<'_>| {
        let mut report = Report {
            dry_run: options.dry_run,
            ..Report::default()
        };
        write(tx, &mut report)?;
        Ok(report)
    };
    if options.dry_run {
        db.rehearse(go)
    } else {
        db.write(go)
    }
}

/// A store refusal, prefixed with the place of the record that caused it.
pub(crate) fn place_of(place: &str, e: Error) -> Error {
    match e {
        Error::Invalid(m) | Error::Conflict(m) | Error::NotFound(m) => {
            Error::Invalid(format!("{place}: {m}"))
        }
        other => other,
    }
}

/// The person of the file called `name`: the one of the database with that
/// name (compared as names are everywhere), whose "since" moves back to
/// `first` (their first day in the file) if it is later; else a new person,
/// `new` with `first` as since. `place` names the record in errors.
pub(crate) fn person(
    tx: &Tx<'_>,
    place: &str,
    name: &str,
    first: NaiveDate,
    new: impl FnOnce() -> PersonInput,
    report: &mut Report,
) -> Result<PersonId> {
    match people::find_by_name(tx, name)? {
        Some(existing) => {
            report.matched.push(existing.name.clone());
            *report.already_there.get_mut(RecordKind::Person) += 1;
            if existing.since > first {
                let input = PersonInput {
                    since: first,
                    ..PersonInput::from(&existing)
                };
                people::update(tx, existing.id, &input).map_err(|e| place_of(place, e))?;
                report.since_moved.push(existing.name.clone());
            }
            Ok(existing.id)
        }
        None => {
            let input = PersonInput {
                since: first,
                ..new()
            };
            let added = people::insert(tx, &input).map_err(|e| place_of(place, e))?;
            report.created.push(added.name.clone());
            *report.added.get_mut(RecordKind::Person) += 1;
            Ok(added.id)
        }
    }
}

/// A 1:1 as a file has it, before the file's 1:1s of one person and day are
/// merged into one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Meeting {
    /// Where it is in the file, for errors.
    pub place: String,
    /// Its order among the file's 1:1s of the same person and day.
    pub order: i64,
    /// The 1:1 as it would be written alone.
    pub input: OneOnOneInput,
}

/// Writes the file's 1:1s, one per person and day (Coachlog keeps one a
/// day): those of one day are merged (notes joined, tags united, held if
/// any was held), then merged into the 1:1 already in the database that
/// day, if any, which gains what it lacks. Returns each meeting's 1:1.
pub(crate) fn write_one_on_ones(
    tx: &Tx<'_>,
    meetings: &[Meeting],
    report: &mut Report,
) -> Result<Vec<OneOnOneId>> {
    let mut days: BTreeMap<(NaiveDate, PersonId), Vec<usize>> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        days.entry((m.input.date, m.input.person_id))
            .or_default()
            .push(i);
    }
    let mut out = vec![OneOnOneId(0); meetings.len()];
    for ((day, person), mut group) in days {
        group.sort_by_key(|&i| meetings[i].order);
        let first = &meetings[group[0]];
        report.merged_meetings += group.len() - 1;
        let notes = group
            .iter()
            .map(|&i| meetings[i].input.notes.as_str())
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        let mut tags: Vec<String> = Vec::new();
        for &i in &group {
            add_tags(&mut tags, &meetings[i].input.tags);
        }
        let held = group
            .iter()
            .any(|&i| meetings[i].input.status == OneOnOneStatus::Held);
        let status = if held {
            OneOnOneStatus::Held
        } else {
            first.input.status
        };
        let id = match one_on_ones::on_day(tx, person, day)? {
            None => {
                let input = OneOnOneInput {
                    status,
                    notes,
                    tags,
                    ..OneOnOneInput::new(person, day)
                };
                let added =
                    one_on_ones::insert(tx, &input).map_err(|e| place_of(&first.place, e))?;
                *report.added.get_mut(RecordKind::OneOnOne) += 1;
                added.id
            }
            Some(existing) => {
                // The same 1:1, entered before (by hand or an earlier
                // import): what the file adds to it goes in.
                let mut input = OneOnOneInput {
                    person_id: existing.person_id,
                    date: existing.date,
                    status: if held {
                        OneOnOneStatus::Held
                    } else {
                        existing.status
                    },
                    notes: existing.notes.clone(),
                    tags: existing.tags.clone(),
                };
                let new_notes = !notes.is_empty() && !existing.notes.contains(notes.trim());
                if new_notes {
                    if !input.notes.trim().is_empty() {
                        input.notes.push_str("\n\n---\n\n");
                    }
                    input.notes.push_str(&notes);
                }
                add_tags(&mut input.tags, &tags);
                if input.notes != existing.notes
                    || input.tags != existing.tags
                    || input.status != existing.status
                {
                    one_on_ones::update(tx, existing.id, &input)
                        .map_err(|e| place_of(&first.place, e))?;
                    report.merged_meetings += 1;
                } else {
                    *report.already_there.get_mut(RecordKind::OneOnOne) += 1;
                }
                existing.id
            }
        };
        for &i in &group {
            out[i] = id;
        }
    }
    Ok(out)
}

/// Adds to `tags` those of `more` it lacks (compared as names are).
fn add_tags(tags: &mut Vec<String>, more: &[String]) {
    let mut keys: HashSet<String> = tags.iter().map(|t| validate::key(t)).collect();
    for t in more {
        if keys.insert(validate::key(t)) {
            tags.push(t.clone());
        }
    }
}

/// How many items of a person, opening day and text this import has met so
/// far in the file.
pub(crate) type Seen = HashMap<(PersonId, NaiveDate, String), usize>;

/// Whether the item is there already: the file's k-th item of a person,
/// opening day and text is there when the database holds k such items (so
/// two identical action items of one meeting both come in, once).
fn already(conn: &Connection, item: &AgendaItemInput, seen: &mut Seen) -> Result<bool> {
    let text = validate::text("agenda item", &item.text, validate::ITEM_MAX, true)?;
    let held = agenda::count_same(conn, item.person_id, item.opened_on, &text)?;
    let k = seen
        .entry((item.person_id, item.opened_on, text))
        .or_default();
    *k += 1;
    Ok(held >= *k)
}

/// Adds an open agenda item, unless it is there already.
pub(crate) fn add_open_item(
    tx: &Tx<'_>,
    item: &AgendaItemInput,
    report: &mut Report,
    seen: &mut Seen,
) -> Result<()> {
    if already(tx, item, seen)? {
        *report.already_there.get_mut(RecordKind::AgendaItem) += 1;
        return Ok(());
    }
    agenda::insert(tx, item)?;
    *report.added.get_mut(RecordKind::AgendaItem) += 1;
    Ok(())
}

/// Adds an agenda item closed with `tag` on `on` (in the 1:1 `closed_in`),
/// unless it is there already.
pub(crate) fn add_item(
    tx: &Tx<'_>,
    item: &AgendaItemInput,
    tag: CloseTag,
    on: NaiveDate,
    closed_in: Option<OneOnOneId>,
    report: &mut Report,
    seen: &mut Seen,
) -> Result<()> {
    if already(tx, item, seen)? {
        *report.already_there.get_mut(RecordKind::AgendaItem) += 1;
        return Ok(());
    }
    let added = agenda::insert(tx, item)?;
    agenda::close(tx, added.id, tag, on, closed_in)?;
    *report.added.get_mut(RecordKind::AgendaItem) += 1;
    Ok(())
}
