//! Import from oikio, an open-source desktop app for 1:1s: its data file
//! (`oikio-data.json`) or its export (the same lists, without `meta`, with
//! `exportedAt`). What maps to what is `docs/import.md`, in a leader's
//! words; in short:
//!
//! - `persons`: a `teammate` is a tracked person, the `manager` an untracked
//!   one, each matched to an existing person by name (compared as names are
//!   everywhere: trimmed, Unicode lower-cased) or created; the title and the
//!   meeting frequency (a cadence of 7, 14, 30 or 91 days) come along for a
//!   new person; `goals` and `notes` become closed FYI agenda items on the
//!   person's `createdAt` day.
//! - `meetings`: held 1:1s on their UTC day, the HTML notes converted to
//!   Markdown ([`super::html`]), talking points and next topics as
//!   sections, `mood` as a coaching tag `mood-N`; two meetings of one person
//!   on one day become one 1:1.
//! - `actionItems`: agenda items of the meeting's person opened in that 1:1
//!   (DOTO when the user owes it, else TODO); completed ones closed DONE.
//! - `personNotes`: closed FYI agenda items; `talkingPoints` (when a file
//!   has them): DISCUSS items, closed DONE when completed; `meetingSkips`: skipped 1:1s;
//!   `templates` (user-made): the leader's 1:1 template, when they have none.
//!
//! **Idempotence.** Importing a file twice adds nothing the second time,
//! without a record of what was imported: every record is looked for
//! before it is written, by what a leader would call "the same" — a person
//! by name, a 1:1 by person and day (Coachlog keeps one a day), an agenda
//! item by person, opening day and text (the file's k-th such item is there
//! when the database holds k, so identical items of one meeting all come
//! in). So the check also holds after the
//! database went through an export and an import of its own, and a second
//! oikio file that overlaps the first (a later export) adds only what is
//! new. What it cannot know: an imported item whose text the leader edited
//! comes back, once, on the next import of the same file.
//!
//! Tests: `crates/core/tests/integration/import_oikio.rs`.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::{Map, Value};

use super::{add_item, add_open_item, place_of, Seen};
use crate::calendar;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::kinds::RecordKind;
use crate::model::{
    AgendaItemInput, CloseTag, OneOnOneId, OneOnOneInput, OneOnOneStatus, OpenTag, PersonId,
    PersonInput, RaisedBy, TemplateKind, Timing,
};
use crate::store::{one_on_ones, templates};
use crate::validate;

/// An oikio file, read and checked: every reference resolves and every date
/// is a date. Made by [`parse`]; written by [`import`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    persons: Vec<Person>,
    meetings: Vec<Meeting>,
    actions: Vec<Action>,
    skips: Vec<Skip>,
    notes: Vec<Note>,
    talking_points: Vec<TalkingPoint>,
    templates: Vec<Template>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    place: String,
    id: i64,
    name: String,
    manager: bool,
    title: String,
    cadence: Option<u32>,
    goals: Option<String>,
    notes: Option<String>,
    created: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Meeting {
    place: String,
    id: i64,
    /// Index into `persons`.
    person: usize,
    day: NaiveDate,
    title: Option<String>,
    notes: Option<String>,
    talking_points: Option<String>,
    next_topics: Option<String>,
    mood: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Action {
    place: String,
    /// Index into `meetings`.
    meeting: usize,
    description: String,
    completed: bool,
    tags: Vec<String>,
    due: Option<NaiveDate>,
    mine: bool,
    progress: Vec<(NaiveDate, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Skip {
    place: String,
    person: usize,
    day: NaiveDate,
    until: Option<NaiveDate>,
    reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    place: String,
    person: usize,
    day: NaiveDate,
    content: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct TalkingPoint {
    place: String,
    person: usize,
    day: NaiveDate,
    content: String,
    completed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Template {
    place: String,
    name: String,
    category: String,
    content: String,
}

pub use super::{Options, Report};

// ---------------------------------------------------------------------------
// Reading the file

/// Reads an oikio file: the live data file or an export. Refuses what is
/// not one, naming the record's place (`meetings[3].date: "2025-13-01" is
/// not a date …`).
pub fn parse(text: &str) -> Result<File> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::invalid(format!(
            "This is not an oikio file: it is not JSON ({e}). Give the oikio-data.json file or \
             an export from oikio."
        ))
    })?;
    let Value::Object(root) = value else {
        return Err(Error::invalid(
            "This is not an oikio file: its JSON is not an object with lists such as \"persons\" \
             and \"meetings\".",
        ));
    };
    if !["persons", "meetings", "actionItems"]
        .iter()
        .any(|k| root.contains_key(*k))
    {
        return Err(Error::invalid(
            "This is not an oikio file: it has none of the lists \"persons\", \"meetings\" and \
             \"actionItems\". (A Coachlog export imports with `coachlog import FILE`.)",
        ));
    }

    let mut persons = Vec::new();
    let mut person_ids = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (place, o) in list(&root, "persons")? {
        let id = id(o, &place, "id")?;
        if person_ids.insert(id, persons.len()).is_some() {
            return Err(at(
                &place,
                "id",
                format!("{id} is also the id of an earlier person"),
            ));
        }
        let name = string(o, &place, "name")?;
        let name = validate::name("name", &name, validate::NAME_MAX)
            .map_err(|e| at(&place, "name", e.to_string()))?;
        if let Some(other) = names.insert(validate::key(&name), place.clone()) {
            return Err(at(
                &place,
                "name",
                format!("\"{name}\" is also the name of {other}; Coachlog's names are unique"),
            ));
        }
        let manager = match string(o, &place, "role")?.as_str() {
            "manager" => true,
            "teammate" => false,
            other => {
                return Err(at(
                    &place,
                    "role",
                    format!("\"{other}\" is not a role; oikio writes \"manager\" or \"teammate\""),
                ))
            }
        };
        let cadence = match optional_string(o, &place, "meetingFrequencyGoal")?.as_deref() {
            None | Some("") => None,
            Some("weekly") => Some(7),
            Some("biweekly") => Some(14),
            Some("monthly") => Some(30),
            Some("quarterly") => Some(91),
            Some(other) => {
                return Err(at(
                    &place,
                    "meetingFrequencyGoal",
                    format!(
                        "\"{other}\" is not a frequency; oikio writes weekly, biweekly, monthly \
                         or quarterly"
                    ),
                ))
            }
        };
        persons.push(Person {
            id,
            name,
            manager,
            title: optional_string(o, &place, "title")?
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default(),
            cadence,
            goals: optional_text(o, &place, "goals")?,
            notes: optional_text(o, &place, "notes")?,
            created: day(o, &place, "createdAt")?,
            place,
        });
    }
    let person_of = |o: &Map<String, Value>, place: &str| -> Result<usize> {
        let pid = id(o, place, "personId")?;
        person_ids.get(&pid).copied().ok_or_else(|| {
            at(
                place,
                "personId",
                format!("there is no person with id {pid} in the file"),
            )
        })
    };

    let mut meetings = Vec::new();
    let mut meeting_ids = HashMap::new();
    for (place, o) in list(&root, "meetings")? {
        let id = id(o, &place, "id")?;
        if meeting_ids.insert(id, meetings.len()).is_some() {
            return Err(at(
                &place,
                "id",
                format!("{id} is also the id of an earlier meeting"),
            ));
        }
        let mood = match o.get("mood") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_u64() {
                Some(n @ 1..=5) => Some(n as u8),
                _ => return Err(at(&place, "mood", format!("{v} is not a mood from 1 to 5"))),
            },
        };
        meetings.push(Meeting {
            id,
            person: person_of(o, &place)?,
            day: day(o, &place, "date")?,
            title: optional_text(o, &place, "title")?,
            notes: optional_text(o, &place, "notes")?,
            talking_points: optional_text(o, &place, "talkingPoints")?,
            next_topics: optional_text(o, &place, "nextTopics")?,
            mood,
            place,
        });
    }

    let mut actions = Vec::new();
    for (place, o) in list(&root, "actionItems")? {
        let mid = id(o, &place, "meetingId")?;
        let meeting = *meeting_ids.get(&mid).ok_or_else(|| {
            at(
                &place,
                "meetingId",
                format!("there is no meeting with id {mid} in the file"),
            )
        })?;
        let tags = match o.get("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    t.as_str().map(|s| s.trim().to_string()).ok_or_else(|| {
                        at(&place, &format!("tags[{i}]"), format!("{t} is not a tag"))
                    })
                })
                .filter(|t| t.as_ref().map_or(true, |s| !s.is_empty()))
                .collect::<Result<Vec<_>>>()?,
            Some(v) => return Err(at(&place, "tags", format!("{v} is not a list of tags"))),
        };
        let mut progress = Vec::new();
        for (p, n) in list(o, "progressNotes")? {
            let p = format!("{place}.{p}");
            if let Some(text) = optional_text(n, &p, "text")? {
                progress.push((day(n, &p, "createdAt")?, text));
            }
        }
        let mine = match optional_string(o, &place, "assignedTo")?.as_deref() {
            Some("me") => true,
            None | Some("other") | Some("") => false,
            Some(other) => {
                return Err(at(
                    &place,
                    "assignedTo",
                    format!("\"{other}\" is not an owner; oikio writes \"me\" or \"other\""),
                ))
            }
        };
        let completed = flag(o, &place, "completed")?;
        actions.push(Action {
            meeting,
            description: string(o, &place, "description")?,
            completed,
            tags,
            due: optional_day(o, &place, "dueDate")?,
            mine,
            progress,
            place,
        });
    }

    let mut skips = Vec::new();
    for (place, o) in list(&root, "meetingSkips")? {
        skips.push(Skip {
            person: person_of(o, &place)?,
            day: day(o, &place, "skippedAt")?,
            until: optional_day(o, &place, "skippedUntil")?,
            reason: optional_text(o, &place, "reason")?,
            place,
        });
    }

    let mut notes = Vec::new();
    for (place, o) in list(&root, "personNotes")? {
        let Some(content) = optional_text(o, &place, "content")? else {
            continue;
        };
        notes.push(Note {
            person: person_of(o, &place)?,
            day: day(o, &place, "createdAt")?,
            content,
            place,
        });
    }

    // Not in the file's lists in the versions seen, but the app has them.
    let mut talking_points = Vec::new();
    for (place, o) in list(&root, "talkingPoints")? {
        let Some(content) = optional_text(o, &place, "content")? else {
            continue;
        };
        talking_points.push(TalkingPoint {
            person: person_of(o, &place)?,
            day: day(o, &place, "createdAt")?,
            completed: flag(o, &place, "completed")?,
            content,
            place,
        });
    }

    let mut templates = Vec::new();
    for (place, o) in list(&root, "templates")? {
        if o.get("isDefault").and_then(Value::as_bool) == Some(true) {
            continue; // oikio's built-in templates, not the leader's.
        }
        templates.push(Template {
            name: string(o, &place, "name")?,
            category: optional_string(o, &place, "category")?.unwrap_or_default(),
            content: optional_string(o, &place, "content")?.unwrap_or_default(),
            place,
        });
    }

    Ok(File {
        persons,
        meetings,
        actions,
        skips,
        notes,
        talking_points,
        templates,
    })
}

fn flag(o: &Map<String, Value>, place: &str, key: &str) -> Result<bool> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(v) => Err(at(place, key, format!("{v} is not true or false"))),
    }
}

fn at(place: &str, field: &str, message: impl fmt::Display) -> Error {
    Error::invalid(format!("{place}.{field}: {message}."))
}

fn list<'a>(
    root: &'a Map<String, Value>,
    key: &str,
) -> Result<Vec<(String, &'a Map<String, Value>)>> {
    match root.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let place = format!("{key}[{i}]");
                v.as_object()
                    .map(|o| (place.clone(), o))
                    .ok_or_else(|| Error::invalid(format!("{place}: is not a record (an object).")))
            })
            .collect(),
        Some(_) => Err(Error::invalid(format!("{key}: is not a list."))),
    }
}

fn id(o: &Map<String, Value>, place: &str, key: &str) -> Result<i64> {
    match o.get(key) {
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| at(place, key, format!("{n} is not a whole number"))),
        // Some versions keep ids as strings of digits.
        Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
            Ok(s.trim().parse().expect("checked"))
        }
        Some(v) => Err(at(place, key, format!("{v} is not an id"))),
        None => Err(at(place, key, "is missing")),
    }
}

fn string(o: &Map<String, Value>, place: &str, key: &str) -> Result<String> {
    optional_string(o, place, key)?.ok_or_else(|| at(place, key, "is missing"))
}

fn optional_string(o: &Map<String, Value>, place: &str, key: &str) -> Result<Option<String>> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(at(place, key, format!("{v} is not text"))),
    }
}

/// Text that is kept only when it says something.
fn optional_text(o: &Map<String, Value>, place: &str, key: &str) -> Result<Option<String>> {
    Ok(optional_string(o, place, key)?
        .map(|s| s.trim().replace("\r\n", "\n"))
        .filter(|s| !s.is_empty()))
}

fn day(o: &Map<String, Value>, place: &str, key: &str) -> Result<NaiveDate> {
    optional_day(o, place, key)?.ok_or_else(|| at(place, key, "is missing"))
}

/// A date or an ISO 8601 timestamp, read as its UTC day.
fn optional_day(o: &Map<String, Value>, place: &str, key: &str) -> Result<Option<NaiveDate>> {
    let Some(s) = optional_string(o, place, key)? else {
        return Ok(None);
    };
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    utc_day(s).map(Some).ok_or_else(|| {
        at(
            place,
            key,
            format!(
                "\"{s}\" is not a date; oikio writes dates like 2025-03-14 or \
                 2025-03-14T09:30:00.000Z"
            ),
        )
    })
}

fn utc_day(s: &str) -> Option<NaiveDate> {
    let d = if s.len() == 10 {
        calendar::parse_date(s).ok()?
    } else if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        t.with_timezone(&Utc).date_naive()
    } else {
        // A timestamp without a zone is UTC, as JavaScript's toISOString writes.
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
            .ok()?
            .date()
    };
    validate::in_years("date", d).ok()?;
    Some(d)
}

// ---------------------------------------------------------------------------
// Writing it

/// Imports `file` into the database in one transaction (or, with
/// `dry_run`, rehearses it and rolls it back): every record goes through
/// the store's checks, and a refusal names the record's place in the file
/// and leaves the database as it was. See the module docs for idempotence.
pub fn import(db: &mut Db, file: &File, options: Options) -> Result<Report> {
    super::run(db, options, |tx, report| write(tx, file, options, report))
}

fn write(tx: &Tx<'_>, file: &File, options: Options, report: &mut Report) -> Result<()> {
    let ids = write_people(tx, file, report)?;
    let mut seen = Seen::new();

    for (p, person) in file.persons.iter().enumerate() {
        for (label, text) in [("Goals", &person.goals), ("Notes", &person.notes)] {
            if let Some(text) = text {
                let item = closed_item(
                    ids[p],
                    format!("{label} (from oikio): {text}"),
                    person.created,
                );
                add_item(
                    tx,
                    &item,
                    CloseTag::Fyi,
                    person.created,
                    None,
                    report,
                    &mut seen,
                )
                .map_err(|e| place_of(&format!("{}.{}", person.place, label.to_lowercase()), e))?;
            }
        }
    }

    let one_on_ones = write_meetings(tx, file, &ids, report)?;

    for a in &file.actions {
        let m = &file.meetings[a.meeting];
        let day = m.day;
        let text = action_text(a);
        let timing = a.due.map(|d| Timing::Date(d.max(day)));
        let item = AgendaItemInput {
            timing,
            opened_in: Some(one_on_ones[a.meeting]),
            ..AgendaItemInput::new(
                ids[m.person],
                text,
                if a.mine { OpenTag::Doto } else { OpenTag::Todo },
                if a.mine {
                    RaisedBy::Leader
                } else {
                    RaisedBy::Person
                },
                day,
            )
        };
        let closing = if a.completed {
            let later = a.due.map_or(day, |d| d.max(day));
            if later > options.today {
                report.closed_on_import_day += 1;
                Some(options.today.max(day))
            } else {
                Some(later)
            }
        } else {
            None
        };
        let result = match closing {
            Some(on) => {
                let closed_in = (on == day).then_some(one_on_ones[a.meeting]);
                add_item(tx, &item, CloseTag::Done, on, closed_in, report, &mut seen)
            }
            None => add_open_item(tx, &item, report, &mut seen),
        };
        result.map_err(|e| place_of(&a.place, e))?;
    }

    for n in &file.notes {
        let item = closed_item(ids[n.person], n.content.clone(), n.day);
        add_item(tx, &item, CloseTag::Fyi, n.day, None, report, &mut seen)
            .map_err(|e| place_of(&n.place, e))?;
    }

    for t in &file.talking_points {
        let item = AgendaItemInput::new(
            ids[t.person],
            t.content.clone(),
            OpenTag::Discuss,
            RaisedBy::Leader,
            t.day,
        );
        let result = if t.completed {
            add_item(tx, &item, CloseTag::Done, t.day, None, report, &mut seen)
        } else {
            add_open_item(tx, &item, report, &mut seen)
        };
        result.map_err(|e| place_of(&t.place, e))?;
    }

    for s in &file.skips {
        let person = ids[s.person];
        if let Some(existing) = one_on_ones::on_day(tx, person, s.day)? {
            if existing.status == OneOnOneStatus::Skipped {
                *report.already_there.get_mut(RecordKind::OneOnOne) += 1;
            } else {
                report.skips_on_a_meeting_day += 1;
            }
            continue;
        }
        let mut notes = String::new();
        if let Some(until) = s.until {
            notes.push_str(&format!("Skipped until {until}."));
        }
        if let Some(reason) = &s.reason {
            if !notes.is_empty() {
                notes.push(' ');
            }
            notes.push_str(&super::html::to_markdown(&escape_html(reason)));
        }
        let input = OneOnOneInput {
            status: OneOnOneStatus::Skipped,
            notes,
            ..OneOnOneInput::new(person, s.day)
        };
        one_on_ones::insert(tx, &input).map_err(|e| place_of(&s.place, e))?;
        *report.added.get_mut(RecordKind::OneOnOne) += 1;
    }

    write_templates(tx, file, report)
}

fn write_people(tx: &Tx<'_>, file: &File, report: &mut Report) -> Result<Vec<PersonId>> {
    // Each person's first day in the file: they must be on the team then.
    let mut first: Vec<NaiveDate> = file.persons.iter().map(|p| p.created).collect();
    let mut seen = |p: usize, d: NaiveDate| first[p] = first[p].min(d);
    for m in &file.meetings {
        seen(m.person, m.day);
    }
    for s in &file.skips {
        seen(s.person, s.day);
    }
    for n in &file.notes {
        seen(n.person, n.day);
    }
    for t in &file.talking_points {
        seen(t.person, t.day);
    }
    file.persons
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let new = || PersonInput {
                title: p.title.clone(),
                cadence_days: p.cadence,
                tracked: !p.manager,
                ..PersonInput::new(p.name.clone(), first[i])
            };
            super::person(tx, &p.place, &p.name, first[i], new, report)
        })
        .collect()
}

/// Writes the meetings as 1:1s, one per person and day; returns each
/// meeting's 1:1.
fn write_meetings(
    tx: &Tx<'_>,
    file: &File,
    ids: &[PersonId],
    report: &mut Report,
) -> Result<Vec<OneOnOneId>> {
    let meetings: Vec<super::Meeting> = file
        .meetings
        .iter()
        .map(|m| super::Meeting {
            place: m.place.clone(),
            order: m.id,
            input: OneOnOneInput {
                notes: meeting_notes(m),
                tags: m.mood.map(|n| format!("mood-{n}")).into_iter().collect(),
                ..OneOnOneInput::new(ids[m.person], m.day)
            },
        })
        .collect();
    super::write_one_on_ones(tx, &meetings, report)
}

/// A meeting's notes as Markdown: its title, its notes, then its talking
/// points and next topics as sections.
fn meeting_notes(m: &Meeting) -> String {
    let mut parts = Vec::new();
    if let Some(title) = &m.title {
        parts.push(format!(
            "## {}",
            super::html::to_markdown(&escape_html(title)).replace('\n', " ")
        ));
    }
    if let Some(notes) = &m.notes {
        // A meeting made from a template and never edited keeps the
        // template's text (Markdown typed in a text box), not HTML.
        let md = if super::html::has_markup(notes) {
            super::html::to_markdown(notes)
        } else {
            notes.trim().to_string()
        };
        if !md.is_empty() {
            parts.push(md);
        }
    }
    for (heading, text) in [
        ("Talking points", &m.talking_points),
        ("Next topics", &m.next_topics),
    ] {
        if let Some(text) = text {
            parts.push(format!("### {heading}\n\n{}", plain(text)));
        }
    }
    parts.join("\n\n")
}

/// Plain text (lines kept) as Markdown that shows it as written.
fn plain(text: &str) -> String {
    text.lines()
        .map(|l| super::html::to_markdown(&escape_html(l)))
        .collect::<Vec<_>>()
        .join("  \n")
        .trim()
        .to_string()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn action_text(a: &Action) -> String {
    let mut text = a.description.trim().to_string();
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        text.push_str(&format!(" ({})", tags.join(" ")));
    }
    for (d, note) in &a.progress {
        text.push_str(&format!("\n- {d}: {}", note.replace('\n', " ")));
    }
    text
}

fn closed_item(person: PersonId, text: String, day: NaiveDate) -> AgendaItemInput {
    AgendaItemInput::new(person, text, OpenTag::Discuss, RaisedBy::Leader, day)
}

/// The first user-made template for teammates (or for everyone) becomes the
/// leader's 1:1 template when they have none; Coachlog keeps one, so the
/// others are reported.
fn write_templates(tx: &Tx<'_>, file: &File, report: &mut Report) -> Result<()> {
    let mut current = templates::get(tx, TemplateKind::OneOnOne, None)?.map(|t| t.body);
    for t in &file.templates {
        let body = t.content.trim();
        let fits = t.category != "manager";
        let same = current.as_deref().map(str::trim) == Some(body);
        if same {
            continue;
        }
        if body.is_empty() {
            report
                .templates_not_imported
                .push(format!("the template \"{}\" (it is empty)", t.name));
        } else if !fits {
            report.templates_not_imported.push(format!(
                "the template \"{}\" (for 1:1s with your manager; Coachlog's 1:1 templates are \
                 for your team)",
                t.name
            ));
        } else if current.is_some() {
            report.templates_not_imported.push(format!(
                "the template \"{}\" (you already have a 1:1 template; Coachlog keeps one, and \
                 one per person — `coachlog template set` can take it)",
                t.name
            ));
        } else {
            let added = templates::set(tx, TemplateKind::OneOnOne, None, body)
                .map_err(|e| place_of(&t.place, e))?;
            current = Some(added.body);
            report.templates_added += 1;
        }
    }
    Ok(())
}
