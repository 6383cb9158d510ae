//! Import from CSV: a spreadsheet of 1:1s, and optionally one of agenda
//! items (`docs/import.md`, examples in `docs/examples/`).
//!
//! - The 1:1s file: a header row, then one 1:1 a row. Columns (names matched
//!   case-insensitively, in any order): `person` and `date` (required),
//!   `status` (held, skipped or cancelled; empty is held), `notes`
//!   (Markdown) and `tags` (separated by `;`).
//! - The items file: `person`, `date` (the day it was opened), `kind` and
//!   `text` (required), `due` (a date or a release version), `closed` (the
//!   day it was closed) and `raised_by` (leader or person). A kind is an
//!   open tag (TODO, DOTO, HELP, …: an item opened so, closed DONE on
//!   `closed` if given) or a closing one (FYI, DONE, …: an item opened as
//!   DISCUSS and closed so, on `closed` or else on `date`). An item is
//!   opened in the 1:1 of its person and day, if there is one, and closed
//!   in the 1:1 of its closing day, if any.
//!
//! Fields are RFC 4180: quoted fields may hold commas, quotes (doubled) and
//! line breaks. Rows are counted as a spreadsheet does, the header being
//! row 1. A person not in the database is added as a tracked person (or
//! refused, with [`NewPeople::Refuse`]); rows of one person and day become
//! one 1:1, and a second import of the file adds nothing, as with oikio
//! (see [`super`]).
//!
//! Tests: `crates/core/tests/integration/import_csv.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{add_item, add_open_item, place_of, Meeting, Options, Report, Seen};
use crate::calendar;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::model::{
    AgendaItemInput, CloseTag, OneOnOneInput, OneOnOneStatus, OpenTag, PersonInput, RaisedBy,
    Timing,
};
use crate::store::{one_on_ones, people};
use crate::validate;

/// The columns of the 1:1s file: name, required.
const ONE_ON_ONE_COLUMNS: &[(&str, bool)] = &[
    ("person", true),
    ("date", true),
    ("status", false),
    ("notes", false),
    ("tags", false),
];

/// The columns of the items file: name, required.
const ITEM_COLUMNS: &[(&str, bool)] = &[
    ("person", true),
    ("date", true),
    ("kind", true),
    ("text", true),
    ("due", false),
    ("closed", false),
    ("raised_by", false),
];

/// CSV files, read and checked: every date is a date, every status and kind
/// one Coachlog knows. Made by [`parse`]; written by [`import`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    rows: Vec<Row>,
    items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    place: String,
    person: String,
    day: NaiveDate,
    status: OneOnOneStatus,
    notes: String,
    tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    place: String,
    person: String,
    day: NaiveDate,
    open_tag: OpenTag,
    /// How and when it was closed, if it was.
    closed: Option<(CloseTag, NaiveDate)>,
    text: String,
    timing: Option<Timing>,
    raised_by: RaisedBy,
}

/// What to do with a person of the file who is not in the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NewPeople {
    /// Add them as tracked people.
    #[default]
    Add,
    /// Refuse the import, naming them and their rows.
    Refuse,
}

/// Reads the 1:1s file and, if given, the items file. Refuses bad input
/// naming the row and column (`row 14, column date: "2026-02-30" is not a
/// date (YYYY-MM-DD).`).
pub fn parse(one_on_ones: &str, items: Option<&str>) -> Result<File> {
    let mut file = File::default();
    let table = Table::read(one_on_ones, "", ONE_ON_ONE_COLUMNS)?;
    for (place, f) in table.rows() {
        let status = match f.get("status") {
            "" => OneOnOneStatus::Held,
            s => s.parse().map_err(|e: Error| at(&place, "status", e))?,
        };
        file.rows.push(Row {
            person: name(&f, &place)?,
            day: date(&place, "date", f.get("date"))?,
            status,
            notes: f.get("notes").replace("\r\n", "\n"),
            tags: f
                .get("tags")
                .split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            place,
        });
    }
    if let Some(items) = items {
        file.items = parse_items(items, "items file, ")?;
    }
    Ok(file)
}

/// Reads one CSV file of either kind, told apart by its header (an items
/// file has `kind` and `text` columns): the app's Import, which takes one
/// file at a time.
pub fn parse_one(text: &str) -> Result<File> {
    let header = headers(text)?;
    if header.iter().any(|h| h == "kind") && header.iter().any(|h| h == "text") {
        Ok(File {
            rows: Vec::new(),
            items: parse_items(text, "")?,
        })
    } else {
        parse(text, None)
    }
}

fn parse_items(text: &str, label: &str) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    let table = Table::read(text, label, ITEM_COLUMNS)?;
    for (place, f) in table.rows() {
        let day = date(&place, "date", f.get("date"))?;
        let kind = f.get("kind");
        let (open_tag, close_tag) = if let Ok(t) = kind.parse::<OpenTag>() {
            (t, None)
        } else if let Ok(t) = kind.parse::<CloseTag>() {
            (OpenTag::Discuss, Some(t))
        } else {
            let kinds: Vec<&str> = OpenTag::ALL
                .iter()
                .map(|t| t.label())
                .chain(CloseTag::ALL.iter().map(|t| t.label()))
                .collect();
            return Err(at(
                &place,
                "kind",
                format!(
                    "\"{kind}\" is not a kind; write one of {}",
                    kinds.join(", ")
                ),
            ));
        };
        let closed_on = match f.get("closed") {
            "" => None,
            s => Some(date(&place, "closed", s)?),
        };
        if let Some(on) = closed_on {
            if on < day {
                return Err(at(
                    &place,
                    "closed",
                    format!("{on} is before the day the item was opened ({day})"),
                ));
            }
        }
        let closed = match (close_tag, closed_on) {
            (Some(tag), on) => Some((tag, on.unwrap_or(day))),
            (None, Some(on)) => Some((CloseTag::Done, on)),
            (None, None) => None,
        };
        let timing = match f.get("due") {
            "" => None,
            s => Some(s.parse::<Timing>().map_err(|_| {
                at(
                    &place,
                    "due",
                    format!(
                        "\"{s}\" is not a date (YYYY-MM-DD) nor a release version (such as \
                         19.2)"
                    ),
                )
            })?),
        };
        let raised_by = match f.get("raised_by") {
            // Requests and the person's own tasks are theirs; the rest the
            // leader's.
            "" if matches!(open_tag, OpenTag::Todo | OpenTag::Help | OpenTag::Review) => {
                RaisedBy::Person
            }
            "" => RaisedBy::Leader,
            s => s.parse().map_err(|e: Error| at(&place, "raised_by", e))?,
        };
        let text = f.get("text").replace("\r\n", "\n");
        if text.is_empty() {
            return Err(at(&place, "text", "is empty; give the item's text"));
        }
        items.push(Item {
            person: name(&f, &place)?,
            day,
            open_tag,
            closed,
            text,
            timing,
            raised_by,
            place,
        });
    }
    Ok(items)
}

/// A CSV file's rows, each with its place, and its columns by name.
struct Table {
    columns: HashMap<String, usize>,
    rows: Vec<(String, csv::StringRecord)>,
}

impl Table {
    /// Each row's place and fields.
    fn rows(&self) -> impl Iterator<Item = (String, Fields<'_>)> {
        self.rows.iter().map(|(place, record)| {
            (
                place.clone(),
                Fields {
                    columns: &self.columns,
                    record,
                },
            )
        })
    }
}

/// One data row: its fields by column name.
struct Fields<'a> {
    columns: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Fields<'_> {
    /// The field of `column`, trimmed; empty when the file has no such
    /// column.
    fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }
}

/// The header of `text`, lower-cased and trimmed.
fn headers(text: &str) -> Result<Vec<String>> {
    let mut reader = reader(text);
    let header = reader
        .headers()
        .map_err(|e| Error::invalid(format!("row 1: {e}.")))?;
    Ok(header.iter().map(|h| h.trim().to_lowercase()).collect())
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes())
}

impl Table {
    /// The data rows of `text`, each with its place (`{label}row N`), after
    /// checking the header: every required column there, none unknown or twice
    /// (a column without a name is left out).
    fn read(text: &str, label: &str, known: &[(&str, bool)]) -> Result<Table> {
        let header = headers(text)?;
        let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
        let mut columns = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            let h = h.replace([' ', '-'], "_");
            if h.is_empty() {
                continue; // A column without a name, as spreadsheets leave.
            }
            if !names.contains(&h.as_str()) {
                return Err(Error::invalid(format!(
                    "{label}row 1: \"{h}\" is not a column Coachlog reads; the columns are {} \
                 (header names in any order and case).",
                    names.join(", ")
                )));
            }
            if columns.insert(h.clone(), i).is_some() {
                return Err(Error::invalid(format!(
                    "{label}row 1: the column \"{h}\" is there twice; keep one."
                )));
            }
        }
        let missing: Vec<&str> = known
            .iter()
            .filter(|(n, required)| *required && !columns.contains_key(*n))
            .map(|(n, _)| *n)
            .collect();
        if !missing.is_empty() {
            return Err(Error::invalid(format!(
                "{label}row 1: the header has no {} column; the first row names the columns ({}).",
                missing.join(" and no "),
                names.join(", ")
            )));
        }
        let mut rows = Vec::new();
        for (n, record) in reader(text).into_records().enumerate() {
            let place = format!("{label}row {}", n + 2);
            let record = record.map_err(|e| Error::invalid(format!("{place}: {e}.")))?;
            if record.len() != header.len() {
                return Err(Error::invalid(format!(
                    "{place}: it has {} fields, the header {}; a field that holds a comma must be \
                 in double quotes.",
                    record.len(),
                    header.len()
                )));
            }
            rows.push((place, record));
        }
        Ok(Table { columns, rows })
    }
}

fn at(place: &str, column: &str, message: impl std::fmt::Display) -> Error {
    let message = message.to_string();
    let message = message.trim_end_matches('.');
    Error::invalid(format!("{place}, column {column}: {message}."))
}

fn name(f: &Fields<'_>, place: &str) -> Result<String> {
    validate::name("person", f.get("person"), validate::NAME_MAX)
        .map_err(|e| at(place, "person", e))
}

fn date(place: &str, column: &str, s: &str) -> Result<NaiveDate> {
    let not_a_date = || at(place, column, format!("\"{s}\" is not a date (YYYY-MM-DD)"));
    if s.is_empty() {
        return Err(at(place, column, "is empty; give a date (YYYY-MM-DD)"));
    }
    let d = calendar::parse_date(s).map_err(|_| not_a_date())?;
    validate::in_years(column, d).map_err(|e| at(place, column, e))?;
    Ok(d)
}

// ---------------------------------------------------------------------------
// Writing it

/// Imports `file` into the database in one transaction (or, with
/// `dry_run`, rehearses it): people first (matched by name, or added — or
/// refused, with [`NewPeople::Refuse`]), then the 1:1s, then the items. A
/// refusal names the row and leaves the database as it was.
pub fn import(db: &mut Db, file: &File, options: Options, new: NewPeople) -> Result<Report> {
    super::run(db, options, |tx, report| {
        write(tx, file, options, new, report)
    })
}

fn write(
    tx: &Tx<'_>,
    file: &File,
    options: Options,
    new: NewPeople,
    report: &mut Report,
) -> Result<()> {
    // Each person of the file (by name key), in order of first mention,
    // with their first day and every place they are named.
    let mut order: Vec<String> = Vec::new();
    let mut people_of: HashMap<String, (String, NaiveDate, Vec<String>)> = HashMap::new();
    let mentions = file
        .rows
        .iter()
        .map(|r| (&r.person, r.day, &r.place))
        .chain(file.items.iter().map(|i| (&i.person, i.day, &i.place)));
    for (name, day, place) in mentions {
        let key = validate::key(name);
        let entry = people_of.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (name.clone(), day, Vec::new())
        });
        entry.1 = entry.1.min(day);
        entry.2.push(place.clone());
    }
    if new == NewPeople::Refuse {
        let mut unknown = Vec::new();
        for key in &order {
            let (name, _, places) = &people_of[key];
            if people::find_by_name(tx, name)?.is_none() {
                unknown.push(format!("\"{name}\" ({})", places.join(", ")));
            }
        }
        if !unknown.is_empty() {
            return Err(Error::invalid(format!(
                "Not in Coachlog: {}. Add them first, or let the import add them as new tracked \
                 people; nothing was imported.",
                unknown.join("; ")
            )));
        }
    }
    let mut ids = HashMap::new();
    for key in &order {
        let (name, first, places) = &people_of[key];
        let id = super::person(
            tx,
            &places[0],
            name,
            *first,
            || PersonInput::new(name.clone(), *first),
            report,
        )?;
        ids.insert(key.clone(), id);
    }
    let id_of = |name: &str| ids[&validate::key(name)];

    let meetings: Vec<Meeting> = file
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| Meeting {
            place: r.place.clone(),
            order: n as i64,
            input: OneOnOneInput {
                status: r.status,
                notes: r.notes.clone(),
                tags: r.tags.clone(),
                ..OneOnOneInput::new(id_of(&r.person), r.day)
            },
        })
        .collect();
    super::write_one_on_ones(tx, &meetings, report)?;

    let mut seen = Seen::new();
    for i in &file.items {
        let person = id_of(&i.person);
        if let Some((_, on)) = i.closed {
            if on > options.today {
                return Err(at(
                    &i.place,
                    "closed",
                    format!(
                        "{on} is after today ({}); leave it empty for an open item",
                        options.today
                    ),
                ));
            }
        }
        let opened_in = one_on_ones::on_day(tx, person, i.day)?.map(|o| o.id);
        let item = AgendaItemInput {
            timing: i.timing,
            opened_in,
            ..AgendaItemInput::new(person, i.text.clone(), i.open_tag, i.raised_by, i.day)
        };
        let result = match i.closed {
            Some((tag, on)) => {
                let closed_in = one_on_ones::on_day(tx, person, on)?.map(|o| o.id);
                add_item(tx, &item, tag, on, closed_in, report, &mut seen)
            }
            None => add_open_item(tx, &item, report, &mut seen),
        };
        result.map_err(|e| place_of(&i.place, e))?;
    }
    Ok(())
}
