//! The interchange file: the whole database as one versioned JSON document.
//!
//! `coachlog export` writes it ([`export`], then [`to_json`]); `coachlog
//! import` reads it ([`parse`]) and loads it into an empty database
//! ([`import`]). The format is documented for people in `docs/interchange.md`
//! and for machines in `docs/coachlog-export.schema.json`.
//!
//! **Shape.** One JSON object: `format` (always [`FORMAT`]), `format_version`
//! ([`FORMAT_VERSION`]), `settings` (every setting as its text value, keyed by
//! name, the values `coachlog settings set` takes) and one list per record
//! kind — `people`, `one_on_ones`, `agenda_items`, `updates`,
//! `customer_links`, `check_ins`, `requisitions`, `loop_members`,
//! `interviews`, `walkthroughs`, `wins`, `cdf_reviews`, `milestones` — then the leader's
//! `templates`, and their working state, `drafts` (1:1s being written) and
//! `nudge_states` (snoozed and dismissed nudges) — whose records are the [`crate::model`] and
//! [`crate::store::nudge_state`] types as they serialize: dates
//! `YYYY-MM-DD`, enumerations lower_snake_case, absent values `null`, every
//! field always written.
//!
//! **Invariants.**
//! - Records refer to each other by their database ids, which are kept: an
//!   import recreates every record under the id it has in the file.
//! - Every list is sorted by id (drafts by person, nudge states by key); the
//!   file carries no timestamp and no other value of the moment, so the
//!   same database always gives the same bytes, and export → import → export
//!   is byte-identical.
//! - [`to_json`] is deterministic: 2-space indentation, fields in declaration
//!   order, settings by key, a trailing newline.
//! - [`parse`] refuses what it does not understand: a file that is not a
//!   Coachlog export, a newer `format_version`, an unknown or missing field
//!   (at the top level and in every record).
//! - [`import`] only loads into an empty database. It checks the whole
//!   document (ids unique per list, every reference resolving to a record in
//!   the file, dates within years 1000–9999, settings valid) and then writes
//!   every record through the store's own insert functions, so every record
//!   passes the same validation as one typed in by hand — all inside one
//!   transaction: a refused or interrupted import leaves the database exactly
//!   as it was.
//! - `format_version` is bumped on every incompatible change; files of older
//!   versions keep importing: [`parse`] first brings them up to the current
//!   version ([`upgrade`]), filling what they could not hold with its
//!   empty value.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::calendar;
use crate::db::{Db, Tx};
use crate::error::{Error, Result};
use crate::kinds::{Counts, RecordKind};
use crate::model::{
    AgendaItem, AgendaItemInput, CdfReview, CdfReviewInput, CheckIn, CheckInInput, CustomerLink,
    CustomerLinkInput, Draft, Interview, InterviewInput, LinkId, LoopMember, LoopMemberInput,
    Milestone, MilestoneInput, OneOnOne, OneOnOneInput, Participant, Person, PersonId, PersonInput,
    Requisition, RequisitionInput, RequisitionStatus, Template, TemplateKind, Update, UpdateInput,
    Walkthrough, WalkthroughInput, Win, WinInput,
};
use crate::settings::{self, Settings, KEYS};
use crate::store::nudge_state::{self, KeyState};
use crate::store::{
    self, agenda, cdf, customers, drafts, hiring, milestones, one_on_ones, people, templates,
    updates, walkthroughs, wins,
};

/// The value of the `format` field of every Coachlog export.
pub const FORMAT: &str = "coachlog";

/// The version of the format this program writes, and the newest it reads.
///
/// - 1: the first.
/// - 2: `people[].reports_to`, `updates[].objectives`, `cdf_reviews`,
///   `templates`.
/// - 3: `milestones`.
pub const FORMAT_VERSION: u32 = 3;

/// The largest id a file may carry: 2³⁶ − 1 (68,719,476,735). Every JSON
/// reader represents it exactly, and the search index keeps a record's id
/// in 38 bits of its rowid (migration 0006), which leaves room for as many
/// records again to be added after an import.
pub const MAX_ID: i64 = (1 << 36) - 1;

/// Years a date in the file may have, as everywhere in Coachlog.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// The lists of a [`Document`] that are not records: the leader's
/// templates, drafts and nudge states.
pub const OTHER_LISTS: [&str; 3] = ["templates", "drafts", "nudge_states"];

/// The lists of a [`Document`], in the file's order (the names of its
/// fields after `format`, `format_version` and `settings`): one per
/// [`RecordKind`], then [`OTHER_LISTS`].
pub fn lists() -> impl Iterator<Item = &'static str> {
    RecordKind::ALL.iter().map(|k| k.key()).chain(OTHER_LISTS)
}

/// The whole database as one document: what `coachlog export` writes and
/// `coachlog import` reads.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`FORMAT`] (`"coachlog"`).
    pub format: String,
    /// The format version the file was written with; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Every setting as its text value (as `coachlog settings set` takes it),
    /// keyed by the names of [`settings::KEYS`]. On import a missing key takes
    /// its default, except `tracking_since`, which is required.
    #[serde(deserialize_with = "map_without_duplicates")]
    pub settings: BTreeMap<String, String>,
    /// The team, archived people included.
    pub people: Vec<Person>,
    /// Every 1:1.
    pub one_on_ones: Vec<OneOnOne>,
    /// Every agenda item, open and closed.
    pub agenda_items: Vec<AgendaItem>,
    /// Accountability updates and the leader's portfolio direction.
    pub updates: Vec<Update>,
    /// Internal-customer links, archived ones included.
    pub customer_links: Vec<CustomerLink>,
    /// Check-ins with internal customers.
    pub check_ins: Vec<CheckIn>,
    /// Requisitions, open and closed.
    pub requisitions: Vec<Requisition>,
    /// Members of the requisitions' interview loops.
    pub loop_members: Vec<LoopMember>,
    /// Interviews held for the requisitions.
    pub interviews: Vec<Interview>,
    /// Product walkthroughs.
    pub walkthroughs: Vec<Walkthrough>,
    /// PMs' wins.
    pub wins: Vec<Win>,
    /// CDF reviews.
    pub cdf_reviews: Vec<CdfReview>,
    /// The leader's portfolio milestones.
    pub milestones: Vec<Milestone>,
    /// The templates the leader wrote (Coachlog's own defaults are not
    /// written), by kind, the default first, then by person.
    pub templates: Vec<Template>,
    /// 1:1s being written (at most one per person), sorted by person id.
    pub drafts: Vec<Draft>,
    /// Snoozed and dismissed nudge keys, sorted by key. Keys name records by
    /// their ids, which an import keeps.
    pub nudge_states: Vec<KeyState>,
}

/// What an import loaded: the number of records of each kind, drafts and
/// snoozed or dismissed nudges.
#[derive(Serialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportReport {
    /// Records of each kind.
    #[serde(flatten)]
    pub records: Counts,
    /// Templates the leader wrote.
    pub templates: usize,
    /// Drafts of 1:1s.
    pub drafts: usize,
    /// Snoozed or dismissed nudges.
    pub nudge_states: usize,
}

impl Document {
    /// How many records of `kind` the document holds.
    pub fn len(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Person => self.people.len(),
            RecordKind::OneOnOne => self.one_on_ones.len(),
            RecordKind::AgendaItem => self.agenda_items.len(),
            RecordKind::Update => self.updates.len(),
            RecordKind::CustomerLink => self.customer_links.len(),
            RecordKind::CheckIn => self.check_ins.len(),
            RecordKind::Requisition => self.requisitions.len(),
            RecordKind::LoopMember => self.loop_members.len(),
            RecordKind::Interview => self.interviews.len(),
            RecordKind::Walkthrough => self.walkthroughs.len(),
            RecordKind::Win => self.wins.len(),
            RecordKind::CdfReview => self.cdf_reviews.len(),
            RecordKind::Milestone => self.milestones.len(),
        }
    }
}

impl ImportReport {
    /// The number of records of each kind in `doc`.
    pub fn of(doc: &Document) -> ImportReport {
        let mut records = Counts::default();
        for &kind in RecordKind::ALL {
            *records.get_mut(kind) = doc.len(kind);
        }
        ImportReport {
            records,
            templates: doc.templates.len(),
            drafts: doc.drafts.len(),
            nudge_states: doc.nudge_states.len(),
        }
    }

    /// All records together, templates, drafts and nudge states included.
    pub fn total(&self) -> usize {
        self.records.total() + self.templates + self.drafts + self.nudge_states
    }
}

impl fmt::Display for ImportReport {
    /// E.g. `3 people, 12 1:1s, 0 agenda items, …, 1 template, 0 drafts, 0
    /// snoozed or dismissed nudges`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, {} drafts, {} snoozed or dismissed nudges",
            self.records,
            crate::words::count(self.templates, "template", "templates"),
            self.drafts,
            self.nudge_states
        )
    }
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/// Reads the whole database into a [`Document`], every list sorted by id.
///
/// The reads happen in one read transaction (unless `conn` is already inside
/// one), so the document is a consistent snapshot.
pub fn export(conn: &Connection) -> Result<Document> {
    if conn.is_autocommit() {
        let tx = conn.unchecked_transaction()?;
        let doc = read_all(&tx)?;
        tx.commit()?;
        Ok(doc)
    } else {
        read_all(conn)
    }
}

fn read_all(conn: &Connection) -> Result<Document> {
    let current = settings::load(conn)?;
    let mut settings = BTreeMap::new();
    for info in KEYS {
        settings.insert(info.key.to_string(), current.value_of(info.key)?);
    }

    let mut people = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )?;
    people.sort_by_key(|r| r.id);
    let mut one_on_ones = one_on_ones::list(conn, one_on_ones::Filter::default())?;
    one_on_ones.sort_by_key(|r| r.id);
    let mut agenda_items = agenda::list(conn, agenda::Filter::default())?;
    agenda_items.sort_by_key(|r| r.id);
    let mut updates = updates::list(conn, updates::Filter::default())?;
    updates.sort_by_key(|r| r.id);
    let mut customer_links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: None,
            include_archived: true,
        },
    )?;
    customer_links.sort_by_key(|r| r.id);
    let mut check_ins = customers::list_check_ins(conn, None, None)?;
    check_ins.sort_by_key(|r| r.id);
    let mut requisitions = hiring::list_requisitions(conn, true)?;
    requisitions.sort_by_key(|r| r.id);
    let mut loop_members = Vec::new();
    for r in &requisitions {
        loop_members.extend(hiring::list_loop(conn, r.id)?);
    }
    loop_members.sort_by_key(|r| r.id);
    let mut interviews = hiring::list_interviews(conn, None)?;
    interviews.sort_by_key(|r| r.id);
    let mut walkthroughs = walkthroughs::list(conn, None, None)?;
    walkthroughs.sort_by_key(|r| r.id);
    let mut wins = wins::list(conn, wins::Filter::default())?;
    wins.sort_by_key(|r| r.id);
    let mut cdf_reviews = cdf::list(conn, None)?;
    cdf_reviews.sort_by_key(|r| r.id);
    let mut milestones = milestones::list(conn)?;
    milestones.sort_by_key(|r| r.id);
    let templates = templates::list(conn)?;
    let mut drafts = drafts::list(conn)?;
    drafts.sort_by_key(|r| r.person_id);
    let mut nudge_states: Vec<KeyState> = nudge_state::all(conn)?.into_values().collect();
    nudge_states.sort_by(|a, b| a.key.cmp(&b.key));

    Ok(Document {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        settings,
        people,
        one_on_ones,
        agenda_items,
        updates,
        customer_links,
        check_ins,
        requisitions,
        loop_members,
        interviews,
        walkthroughs,
        wins,
        cdf_reviews,
        milestones,
        templates,
        drafts,
        nudge_states,
    })
}

/// The document as the export file's text: pretty-printed JSON with 2-space
/// indentation and a trailing newline. The same document always gives the
/// same bytes.
pub fn to_json(doc: &Document) -> String {
    let mut out = serde_json::to_string_pretty(doc)
        .expect("a Document has only string map keys, so it always serializes");
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------

/// Reads an export file's text into a [`Document`].
///
/// Refused, with an [`Error::Invalid`] that says where: text that is not JSON
/// or not a Coachlog export ("This is not a Coachlog export: …"), a
/// `format_version` newer than [`FORMAT_VERSION`], and any field that is
/// unknown, missing or of the wrong type (with its line and column, and the
/// record it is in, e.g. `people[2] (id 5)`). What the values mean is checked
/// by [`import`].
pub fn parse(json: &str) -> Result<Document> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        Error::invalid(format!(
            "This is not a Coachlog export: it is not valid JSON ({}).",
            serde_message(&e)
        ))
    })?;
    check_header(&value)?;
    let current =
        value.get("format_version").and_then(Value::as_u64) == Some(FORMAT_VERSION.into());
    let (value, doc) = if current {
        // From the text, so that an error has its line and column.
        let doc = serde_json::from_str::<Document>(json);
        (value, doc)
    } else {
        let value = upgrade(value);
        let doc = serde_json::from_value::<Document>(value.clone());
        (value, doc)
    };
    let doc = doc.map_err(|e| {
        let place = locate(&value, &bare_message(&e))
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        Error::invalid(format!(
            "The export cannot be read: {place}{}.",
            serde_message(&e)
        ))
    })?;
    let canonical = serde_json::to_value(&doc)
        .map_err(|e| Error::Internal(format!("re-serializing the export failed: {e}")))?;
    check_fields(&value, &canonical)?;
    Ok(doc)
}

/// Brings a file of an older format version up to [`FORMAT_VERSION`]: each
/// field a later version added is given its empty value where the file has
/// none (`format_version` itself stays as written), and each list a later
/// version added is placed where the current version writes it. Version 1
/// → 2: `people[].reports_to` null, `updates[].objectives` `[]`, empty
/// `cdf_reviews` and `templates` lists. Version 2 → 3: an empty
/// `milestones` list.
pub fn upgrade(value: Value) -> Value {
    let Value::Object(top) = value else {
        return value;
    };
    let version = top.get("format_version").and_then(Value::as_u64);
    let added: &[&str] = match version {
        Some(1) => &["cdf_reviews", "milestones", "templates"],
        Some(2) => &["milestones"],
        _ => return Value::Object(top),
    };
    let fill = |list: Option<Value>, field: &str, empty: Value| match list {
        Some(Value::Array(records)) if version == Some(1) => Value::Array(
            records
                .into_iter()
                .map(|mut r| {
                    if let Value::Object(o) = &mut r {
                        o.entry(field).or_insert_with(|| empty.clone());
                    }
                    r
                })
                .collect(),
        ),
        Some(other) => other,
        None => Value::Null,
    };
    let mut out = serde_json::Map::new();
    let mut top = top;
    let add_missing = |out: &mut serde_json::Map<String, Value>,
                       top: &serde_json::Map<String, Value>| {
        for list in added {
            if !out.contains_key(*list) && !top.contains_key(*list) {
                out.insert(list.to_string(), Value::Array(Vec::new()));
            }
        }
    };
    for key in top.keys().cloned().collect::<Vec<_>>() {
        let field = top.remove(&key);
        let field = match key.as_str() {
            "people" => fill(field, "reports_to", Value::Null),
            "updates" => fill(field, "objectives", Value::Array(Vec::new())),
            _ => field.unwrap_or(Value::Null),
        };
        if key == "drafts" {
            add_missing(&mut out, &top);
        }
        out.insert(key, field);
    }
    add_missing(&mut out, &top);
    Value::Object(out)
}

/// Checks `format` and `format_version` before anything else, so that a file
/// from a newer Coachlog is reported as such and not as unknown fields.
fn check_header(value: &Value) -> Result<()> {
    let not_ours = |why: &str| {
        Error::invalid(format!(
            "This is not a Coachlog export: {why}. An export is the JSON object `coachlog export` \
             writes, starting with \"format\": \"{FORMAT}\"."
        ))
    };
    let Value::Object(top) = value else {
        return Err(not_ours("it is not a JSON object"));
    };
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => return Err(not_ours(&format!("its format is \"{f}\""))),
        Some(_) => return Err(not_ours("its \"format\" is not text")),
        None => return Err(not_ours("it has no \"format\" field")),
    }
    let version = top.get("format_version").and_then(Value::as_u64);
    match version {
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(Error::invalid(format!(
            "This export is format version {v}, but this Coachlog reads format versions up to \
             {FORMAT_VERSION}. Import it with a newer Coachlog; nothing was imported."
        ))),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(Error::invalid(format!(
            "The export's format_version is missing or not a whole number from 1 to \
             {FORMAT_VERSION}; write the version the file was exported with (this Coachlog \
             writes {FORMAT_VERSION})."
        ))),
    }
}

/// serde_json's message without its position.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// serde_json's message with its position in words, and a hint for dates
/// (chrono's own messages do not say what a date looks like).
fn serde_message(e: &serde_json::Error) -> String {
    let mut msg = bare_message(e);
    if matches!(
        msg.as_str(),
        "input contains invalid characters"
            | "premature end of input"
            | "input is out of range"
            | "trailing input"
    ) {
        msg.push_str(" (dates are written YYYY-MM-DD, e.g. 2026-04-16)");
    }
    if e.line() > 0 {
        format!("{msg}, at line {} column {}", e.line(), e.column())
    } else {
        msg
    }
}

/// Where a record is in the file, for messages: `people[2] (id 5)`.
fn place(list: &str, index: usize, id: impl fmt::Display) -> String {
    format!("{list}[{index}] (id {id})")
}

fn place_of_value(list: &str, index: usize, record: &Value) -> String {
    match record.get("id") {
        Some(id) if !id.is_null() => place(list, index, id),
        _ => format!("{list}[{index}]"),
    }
}

/// Finds the record that a deserialization error of the whole document is
/// about: the first record (in the lists' order) that fails to deserialize
/// with the same message, else the first that fails at all.
fn locate(value: &Value, message: &str) -> Option<String> {
    fn scan<T: DeserializeOwned>(value: &Value, list: &str, message: &str) -> Vec<(String, bool)> {
        let Some(Value::Array(records)) = value.get(list) else {
            return Vec::new();
        };
        records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                T::deserialize(r)
                    .err()
                    .map(|e| (place_of_value(list, i, r), e.to_string() == message))
            })
            .collect()
    }
    let failures = [
        scan::<Person>(value, "people", message),
        scan::<OneOnOne>(value, "one_on_ones", message),
        scan::<AgendaItem>(value, "agenda_items", message),
        scan::<Update>(value, "updates", message),
        scan::<CustomerLink>(value, "customer_links", message),
        scan::<CheckIn>(value, "check_ins", message),
        scan::<Requisition>(value, "requisitions", message),
        scan::<LoopMember>(value, "loop_members", message),
        scan::<Interview>(value, "interviews", message),
        scan::<Walkthrough>(value, "walkthroughs", message),
        scan::<Win>(value, "wins", message),
        scan::<CdfReview>(value, "cdf_reviews", message),
        scan::<Milestone>(value, "milestones", message),
        scan::<Draft>(value, "drafts", message),
        scan::<KeyState>(value, "nudge_states", message),
    ]
    .concat();
    failures
        .iter()
        .find(|(_, same)| *same)
        .or(failures.first())
        .map(|(p, _)| p.clone())
}

/// Compares the fields of every record in the file with those of the record
/// as it serializes: the model types ignore unknown fields and take a missing
/// optional one as empty, but a file with either is not what export writes.
fn check_fields(input: &Value, canonical: &Value) -> Result<()> {
    let (Value::Object(input), Value::Object(canonical)) = (input, canonical) else {
        return Ok(());
    };
    for (list, records) in canonical {
        let (Value::Array(records), Some(Value::Array(given))) = (records, input.get(list)) else {
            continue;
        };
        for (i, (record, given)) in records.iter().zip(given).enumerate() {
            let mut path = Vec::new();
            if let Err(why) = same_fields(given, record, &mut path) {
                return Err(Error::invalid(format!(
                    "The export cannot be read: {}: {why}.",
                    place_of_value(list, i, given)
                )));
            }
        }
    }
    Ok(())
}

fn same_fields(given: &Value, canonical: &Value, path: &mut Vec<String>) -> Result<(), String> {
    match (given, canonical) {
        (Value::Object(g), Value::Object(c)) => {
            let field = |path: &Vec<String>, key: &str| {
                let mut all = path.clone();
                all.push(key.to_string());
                all.join(".")
            };
            if let Some(key) = g.keys().find(|k| !c.contains_key(*k)) {
                let known: Vec<&str> = c.keys().map(String::as_str).collect();
                return Err(format!(
                    "unknown field `{}`; the fields here are: {}",
                    field(path, key),
                    known.join(", ")
                ));
            }
            if let Some(key) = c.keys().find(|k| !g.contains_key(*k)) {
                return Err(format!(
                    "the field `{}` is missing; give it (null when it has no value)",
                    field(path, key)
                ));
            }
            for (key, c_value) in c {
                path.push(key.clone());
                same_fields(&g[key], c_value, path)?;
                path.pop();
            }
            Ok(())
        }
        (Value::Array(g), Value::Array(c)) => {
            for (i, (g, c)) in g.iter().zip(c).enumerate() {
                path.push(i.to_string());
                same_fields(g, c, path)?;
                path.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Deserializes a JSON object into a map, refusing a key given twice (serde
/// would keep the last silently).
fn map_without_duplicates<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    struct MapVisitor;
    impl<'de> Visitor<'de> for MapVisitor {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of settings, each a text value")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the setting `{key}` is given twice"
                    )));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(MapVisitor)
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/// Imports `doc` into a new database file at `path`, which must not exist
/// (`conflict` otherwise): the app's "Import database…". On any failure the
/// file made is removed, so nothing is left behind.
pub fn import_into_new_file(
    path: &std::path::Path,
    today: NaiveDate,
    doc: &Document,
) -> Result<ImportReport> {
    crate::db::output::check_new(path, crate::db::output::Existing::Refuse).map_err(|_| {
        Error::conflict(format!(
            "{} is already there; an export is imported into a new database only, so choose \
             a new file name.",
            path.display()
        ))
    })?;
    let imported = Db::open(path, today).and_then(|mut db| import(&mut db, doc));
    if imported.is_err() {
        crate::db::remove_database(path);
    }
    imported
}

/// Loads `doc` into `db`, which must be empty (no people and no records of
/// any kind; settings do not count and are replaced by the file's, the
/// exported `tracking_since` included).
///
/// The whole document is checked first — ids unique per list and within
/// 1..=[`MAX_ID`], every reference resolving to a record in the file, dates
/// within years 1000–9999, settings valid — then every record is written
/// through the store's insert functions with its id, so it passes the same
/// validation as one entered by hand; all of it in one transaction. Any
/// failure leaves the database exactly as it was. Errors say where the
/// record is in the file, e.g. `people[2] (id 5): The name is empty; give
/// one.`; a database that is not empty is refused with [`Error::Conflict`].
pub fn import(db: &mut Db, doc: &Document) -> Result<ImportReport> {
    let settings = check_document(doc)?;
    db.write(|tx| {
        require_empty(tx)?;
        write_records(tx, doc)?;
        settings::save_all(tx, &settings)?;
        Ok(ImportReport::of(doc))
    })
}

fn require_empty(conn: &Connection) -> Result<()> {
    let mut found = Vec::new();
    if !store::is_empty(conn)? {
        found.push(store::counts(conn)?.nonzero());
    }
    for (table, one, many) in [
        ("draft", "draft", "drafts"),
        (
            "nudge_state",
            "snoozed or dismissed nudge",
            "snoozed or dismissed nudges",
        ),
        // A trashed record keeps its id for its restore.
        ("trash", "entry in the Trash", "entries in the Trash"),
    ] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if n > 0 {
            found.push(crate::words::count(n, one, many));
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    Err(Error::conflict(format!(
        "This database already has records ({}), and an import only goes into an empty one; \
         nothing was imported. Import into a new file instead, e.g. `coachlog --db new.sqlite \
         import FILE`.",
        found.join(", ")
    )))
}

/// Prefixes a store error with the record's place in the file. A store
/// refusal (invalid, conflict, not found) is a fault of the file, so it
/// becomes [`Error::Invalid`].
fn at(place: &str, e: Error) -> Error {
    match e {
        Error::Invalid(m) | Error::Conflict(m) | Error::NotFound(m) => {
            Error::Invalid(format!("{place}: {m}"))
        }
        Error::Internal(m) => Error::Internal(format!("{place}: {m}")),
        other => other,
    }
}

fn missing(place: &str, what: &str, id: impl fmt::Display, field: Option<&str>) -> Error {
    let field = field.map(|f| format!(" ({f})")).unwrap_or_default();
    Error::invalid(format!(
        "{place} refers to {what} {id}{field}, which is not in the file."
    ))
}

fn check_date(place: &str, field: &str, d: NaiveDate) -> Result<()> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{place}: the {field} {d} is out of range; dates go from 1000-01-01 to 9999-12-31."
        )))
    }
}

fn check_dates(place: &str, dates: &[(&str, Option<NaiveDate>)]) -> Result<()> {
    for (field, d) in dates {
        if let Some(d) = d {
            check_date(place, field, *d)?;
        }
    }
    Ok(())
}

fn check_not_before(
    place: &str,
    what: &str,
    later: Option<NaiveDate>,
    reference: &str,
    earlier: NaiveDate,
) -> Result<()> {
    if let Some(later) = later.filter(|l| *l < earlier) {
        return Err(Error::invalid(format!(
            "{place}: the {what} ({later}) is before {reference} ({earlier})."
        )));
    }
    Ok(())
}

/// Checks that every id of a list is in range and unique; returns id → index.
fn index_ids(list: &str, ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, usize>> {
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if !(1..=MAX_ID).contains(&id) {
            return Err(Error::invalid(format!(
                "{}: ids are whole numbers from 1 to {MAX_ID}.",
                place(list, i, id)
            )));
        }
        if let Some(first) = seen.insert(id, i) {
            return Err(Error::invalid(format!(
                "{}: the id {id} is also used by {list}[{first}]; ids must be unique within a list.",
                place(list, i, id)
            )));
        }
    }
    Ok(seen)
}

/// Everything that can be checked without the database: the header, the
/// settings, ids, references, dates and the pairs of fields the store sets
/// together. Returns the settings to save.
fn check_document(doc: &Document) -> Result<Settings> {
    if doc.format != FORMAT {
        return Err(Error::invalid(format!(
            "This is not a Coachlog export: its format is \"{}\", not \"{FORMAT}\".",
            doc.format
        )));
    }
    if doc.format_version > FORMAT_VERSION || doc.format_version == 0 {
        return Err(Error::invalid(format!(
            "This export is format version {}, but this Coachlog reads format versions 1 to \
             {FORMAT_VERSION}. Import it with a newer Coachlog; nothing was imported.",
            doc.format_version
        )));
    }
    let settings = check_settings(&doc.settings)?;

    let people = index_ids("people", doc.people.iter().map(|r| r.id.0))?;
    let one_on_ones = index_ids("one_on_ones", doc.one_on_ones.iter().map(|r| r.id.0))?;
    index_ids("agenda_items", doc.agenda_items.iter().map(|r| r.id.0))?;
    index_ids("updates", doc.updates.iter().map(|r| r.id.0))?;
    let links = index_ids("customer_links", doc.customer_links.iter().map(|r| r.id.0))?;
    index_ids("check_ins", doc.check_ins.iter().map(|r| r.id.0))?;
    let requisitions = index_ids("requisitions", doc.requisitions.iter().map(|r| r.id.0))?;
    index_ids("loop_members", doc.loop_members.iter().map(|r| r.id.0))?;
    index_ids("interviews", doc.interviews.iter().map(|r| r.id.0))?;
    index_ids("walkthroughs", doc.walkthroughs.iter().map(|r| r.id.0))?;
    index_ids("wins", doc.wins.iter().map(|r| r.id.0))?;
    index_ids("cdf_reviews", doc.cdf_reviews.iter().map(|r| r.id.0))?;
    index_ids("milestones", doc.milestones.iter().map(|r| r.id.0))?;
    let agenda_items: HashSet<i64> = doc.agenda_items.iter().map(|r| r.id.0).collect();

    let person = |here: &str, id: PersonId, field: Option<&str>| -> Result<()> {
        if people.contains_key(&id.0) {
            Ok(())
        } else {
            Err(missing(here, "person", id, field))
        }
    };
    let participant = |here: &str, p: &Participant, field: &str| -> Result<()> {
        match p {
            Participant::Person(id) => person(here, *id, Some(field)),
            Participant::Name(_) => Ok(()),
        }
    };

    for (i, p) in doc.people.iter().enumerate() {
        let here = place("people", i, p.id);
        check_dates(
            &here,
            &[
                ("since date", Some(p.since)),
                ("archive date", p.archived_on),
            ],
        )?;
        check_not_before(
            &here,
            "archive date",
            p.archived_on,
            "the 'since' date",
            p.since,
        )?;
        if let Some(m) = p.reports_to {
            person(&here, m, Some("reports_to"))?;
        }
    }
    for (i, o) in doc.one_on_ones.iter().enumerate() {
        let here = place("one_on_ones", i, o.id);
        person(&here, o.person_id, None)?;
        check_date(&here, "date", o.date)?;
    }
    for (i, a) in doc.agenda_items.iter().enumerate() {
        let here = place("agenda_items", i, a.id);
        person(&here, a.person_id, None)?;
        for (field, id) in [("opened_in", a.opened_in), ("closed_in", a.closed_in)] {
            if let Some(id) = id.filter(|id| !one_on_ones.contains_key(&id.0)) {
                return Err(missing(&here, "1:1", id, Some(field)));
            }
        }
        let timing = match a.timing {
            Some(crate::model::Timing::Date(d)) => Some(d),
            _ => None,
        };
        check_dates(
            &here,
            &[
                ("opening date", Some(a.opened_on)),
                ("timing", timing),
                ("closing date", a.closed_on),
            ],
        )?;
        match (a.close_tag, a.closed_on) {
            (Some(_), Some(_)) | (None, None) => {}
            (Some(t), None) => {
                return Err(Error::invalid(format!(
                    "{here}: the item is closed as {} but has no closed_on date; give the day it \
                     was closed.",
                    t.label()
                )))
            }
            (None, Some(d)) => {
                return Err(Error::invalid(format!(
                    "{here}: the item has a closed_on date ({d}) but no close_tag; give the tag it \
                     was closed with, or leave the date out."
                )))
            }
        }
        if a.closed_in.is_some() && a.closed_on.is_none() {
            return Err(Error::invalid(format!(
                "{here}: the item is open but has a closed_in 1:1; leave closed_in out."
            )));
        }
    }
    for (i, u) in doc.updates.iter().enumerate() {
        let here = place("updates", i, u.id);
        if let Some(p) = u.person_id {
            person(&here, p, None)?;
        }
        check_dates(&here, &[("done date", u.done_on)])?;
    }
    for (i, l) in doc.customer_links.iter().enumerate() {
        let here = place("customer_links", i, l.id);
        person(&here, l.person_id, None)?;
        check_dates(
            &here,
            &[
                ("since date", Some(l.since)),
                ("archive date", l.archived_on),
            ],
        )?;
        check_not_before(
            &here,
            "archive date",
            l.archived_on,
            "the day the link started",
            l.since,
        )?;
    }
    for (i, c) in doc.check_ins.iter().enumerate() {
        let here = place("check_ins", i, c.id);
        if !links.contains_key(&c.link_id.0) {
            return Err(missing(&here, "internal-customer link", c.link_id, None));
        }
        check_date(&here, "date", c.date)?;
    }
    for (i, m) in doc.milestones.iter().enumerate() {
        check_date(&place("milestones", i, m.id), "date", m.date)?;
    }
    for (i, r) in doc.requisitions.iter().enumerate() {
        let here = place("requisitions", i, r.id);
        check_dates(
            &here,
            &[
                ("opening date", Some(r.opened_on)),
                ("closing date", r.closed_on),
            ],
        )?;
        match (r.status, r.closed_on) {
            (RequisitionStatus::Open, Some(d)) => {
                return Err(Error::invalid(format!(
                    "{here}: an open requisition has no closing date, but {d} was given; leave it \
                     out."
                )))
            }
            (s, None) if s != RequisitionStatus::Open => {
                return Err(Error::invalid(format!(
                    "{here}: a {} requisition needs the day it closed; give the closing date \
                     (YYYY-MM-DD).",
                    s.as_str()
                )))
            }
            _ => {}
        }
    }
    for (i, m) in doc.loop_members.iter().enumerate() {
        let here = place("loop_members", i, m.id);
        if !requisitions.contains_key(&m.requisition_id.0) {
            return Err(missing(&here, "requisition", m.requisition_id, None));
        }
        participant(&here, &m.member, "member")?;
    }
    for (i, v) in doc.interviews.iter().enumerate() {
        let here = place("interviews", i, v.id);
        if !requisitions.contains_key(&v.requisition_id.0) {
            return Err(missing(&here, "requisition", v.requisition_id, None));
        }
        for p in &v.interviewers {
            participant(&here, p, "interviewers")?;
        }
        check_date(&here, "date", v.date)?;
    }
    for (i, w) in doc.walkthroughs.iter().enumerate() {
        check_date(&place("walkthroughs", i, w.id), "date", w.date)?;
    }
    for (i, w) in doc.wins.iter().enumerate() {
        let here = place("wins", i, w.id);
        person(&here, w.person_id, None)?;
        check_dates(
            &here,
            &[
                ("date noted", Some(w.noted_on)),
                ("sharing date", w.shared_on),
            ],
        )?;
    }
    for (i, c) in doc.cdf_reviews.iter().enumerate() {
        let here = place("cdf_reviews", i, c.id);
        person(&here, c.person_id, None)?;
        check_date(&here, "date", c.date)?;
    }
    let mut templated: HashMap<(TemplateKind, Option<PersonId>), usize> = HashMap::new();
    for (i, t) in doc.templates.iter().enumerate() {
        let here = format!("templates[{i}] ({})", t.kind);
        if let Some(p) = t.person_id {
            person(&here, p, Some("person_id"))?;
        }
        if let Some(first) = templated.insert((t.kind, t.person_id), i) {
            return Err(Error::invalid(format!(
                "{here}: templates[{first}] is the same template (kind and person); give each \
                 once."
            )));
        }
    }
    let mut drafted: HashMap<PersonId, usize> = HashMap::new();
    for (i, d) in doc.drafts.iter().enumerate() {
        let here = format!("drafts[{i}] (person {})", d.person_id);
        person(&here, d.person_id, None)?;
        if let Some(first) = drafted.insert(d.person_id, i) {
            return Err(Error::invalid(format!(
                "{here}: drafts[{first}] is for the same person; a person has at most one draft."
            )));
        }
        check_date(&here, "date", d.date)?;
        for c in &d.close_items {
            if !agenda_items.contains(&c.id.0) {
                return Err(missing(&here, "agenda item", c.id, Some("close_items")));
            }
        }
    }
    let mut keys: HashMap<&str, usize> = HashMap::new();
    for (i, n) in doc.nudge_states.iter().enumerate() {
        let here = format!("nudge_states[{i}] ({})", n.key);
        if let Some(first) = keys.insert(n.key.trim(), i) {
            return Err(Error::invalid(format!(
                "{here}: nudge_states[{first}] has the same key; give each key once."
            )));
        }
        check_dates(&here, &[("snoozed_until date", n.snoozed_until)])?;
        if !n.dismissed && n.snoozed_until.is_none() {
            return Err(Error::invalid(format!(
                "{here}: the nudge is neither snoozed nor dismissed; give snoozed_until or set \
                 dismissed to true, or leave the entry out."
            )));
        }
    }
    Ok(settings)
}

/// The settings of the file, each validated as `coachlog settings set` does.
fn check_settings(values: &BTreeMap<String, String>) -> Result<Settings> {
    let since = values.get("tracking_since").ok_or_else(|| {
        Error::invalid(
            "settings: tracking_since is missing; give the day tracking started (YYYY-MM-DD).",
        )
    })?;
    let since = calendar::parse_date(since)
        .map_err(|e| Error::invalid(format!("settings.tracking_since: {e}.")))?;
    let mut out = Settings::defaults(since);
    for (key, value) in values {
        let known = KEYS.iter().any(|k| k.key == key);
        out.apply(key, value).map_err(|e| {
            if known {
                Error::invalid(format!("settings.{key}: {e}"))
            } else {
                Error::invalid(format!("settings: {e}"))
            }
        })?;
    }
    Ok(out)
}

/// Writes every record of a checked document, in an order that lets the
/// store's checks pass for every state the store itself can reach:
///
/// - people are inserted unarchived, and with their `since` moved back to
///   their earliest internal-customer link or done update if one is earlier
///   (the store lets `since` move later past those); the real `since` and the
///   archive dates are set once everything else is in;
/// - agenda items are closed right after they are inserted;
/// - archived links go first, each with its check-ins and then archived, so
///   that a link archived and added again does not clash with itself and a
///   check-in dated after the archive date (allowed by archiving later) fits;
/// - requisitions are inserted open and closed after their loop members and
///   interviews.
fn write_records(tx: &Tx<'_>, doc: &Document) -> Result<()> {
    // People, with `since` widened where needed.
    let mut earliest: HashMap<PersonId, NaiveDate> = HashMap::new();
    let mut widen = |p: PersonId, d: NaiveDate| {
        let e = earliest.entry(p).or_insert(d);
        *e = (*e).min(d);
    };
    for l in &doc.customer_links {
        widen(l.person_id, l.since);
    }
    for u in &doc.updates {
        if let (Some(p), Some(d)) = (u.person_id, u.done_on) {
            widen(p, d);
        }
    }
    let mut widened = Vec::new();
    for c in &doc.cdf_reviews {
        widen(c.person_id, c.date);
    }
    for (i, p) in doc.people.iter().enumerate() {
        let here = place("people", i, p.id);
        let mut input = PersonInput::from(p);
        // Managers first: everyone goes in without one, then gets theirs.
        input.reports_to = None;
        if let Some(e) = earliest.get(&p.id).filter(|e| **e < p.since) {
            input.since = *e;
            widened.push(i);
        }
        people::insert_with_id(tx, Some(p.id), &input).map_err(|e| at(&here, e))?;
    }
    for (i, p) in doc.people.iter().enumerate() {
        if p.reports_to.is_some() {
            let mut input = people::get(tx, p.id)?;
            input.reports_to = p.reports_to;
            people::update(tx, p.id, &PersonInput::from(&input))
                .map_err(|e| at(&place("people", i, p.id), e))?;
        }
    }
    for (i, t) in doc.templates.iter().enumerate() {
        templates::set(tx, t.kind, t.person_id, &t.body)
            .map_err(|e| at(&format!("templates[{i}] ({})", t.kind), e))?;
    }

    for (i, o) in doc.one_on_ones.iter().enumerate() {
        let input = OneOnOneInput {
            person_id: o.person_id,
            date: o.date,
            status: o.status,
            notes: o.notes.clone(),
            tags: o.tags.clone(),
        };
        one_on_ones::insert_with_id(tx, Some(o.id), &input)
            .map_err(|e| at(&place("one_on_ones", i, o.id), e))?;
    }

    for (i, a) in doc.agenda_items.iter().enumerate() {
        let here = place("agenda_items", i, a.id);
        let input = AgendaItemInput {
            person_id: a.person_id,
            text: a.text.clone(),
            open_tag: a.open_tag,
            timing: a.timing,
            raised_by: a.raised_by,
            opened_on: a.opened_on,
            opened_in: a.opened_in,
        };
        agenda::insert_with_id(tx, Some(a.id), &input).map_err(|e| at(&here, e))?;
        if let (Some(tag), Some(on)) = (a.close_tag, a.closed_on) {
            agenda::close(tx, a.id, tag, on, a.closed_in).map_err(|e| at(&here, e))?;
        }
    }

    for (i, u) in doc.updates.iter().enumerate() {
        let input = UpdateInput {
            person_id: u.person_id,
            kind: u.kind,
            period: u.period,
            status: u.status,
            done_on: u.done_on,
            link: u.link.clone(),
            objectives: u.objectives.clone(),
        };
        updates::insert_with_id(tx, Some(u.id), &input)
            .map_err(|e| at(&place("updates", i, u.id), e))?;
    }

    let mut check_ins_of: HashMap<LinkId, Vec<usize>> = HashMap::new();
    for (i, c) in doc.check_ins.iter().enumerate() {
        check_ins_of.entry(c.link_id).or_default().push(i);
    }
    let archived_first = doc
        .customer_links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.archived_on.is_some())
        .chain(
            doc.customer_links
                .iter()
                .enumerate()
                .filter(|(_, l)| l.archived_on.is_none()),
        );
    for (i, l) in archived_first {
        let here = place("customer_links", i, l.id);
        let input = CustomerLinkInput {
            person_id: l.person_id,
            team: l.team.clone(),
            category: l.category.clone(),
            since: l.since,
        };
        customers::insert_link_with_id(tx, Some(l.id), &input).map_err(|e| at(&here, e))?;
        for &j in check_ins_of
            .get(&l.id)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let c = &doc.check_ins[j];
            let input = CheckInInput {
                link_id: c.link_id,
                date: c.date,
                epic_updated: c.epic_updated,
                notes: c.notes.clone(),
            };
            customers::insert_check_in_with_id(tx, Some(c.id), &input)
                .map_err(|e| at(&place("check_ins", j, c.id), e))?;
        }
        if l.archived_on.is_some() {
            customers::set_link_archived(tx, l.id, l.archived_on).map_err(|e| at(&here, e))?;
        }
    }

    for (i, r) in doc.requisitions.iter().enumerate() {
        let input = RequisitionInput {
            title: r.title.clone(),
            level: r.level,
            opened_on: r.opened_on,
        };
        hiring::insert_requisition_with_id(tx, Some(r.id), &input, RequisitionStatus::Open, None)
            .map_err(|e| at(&place("requisitions", i, r.id), e))?;
    }
    for (i, m) in doc.loop_members.iter().enumerate() {
        let input = LoopMemberInput {
            requisition_id: m.requisition_id,
            member: m.member.clone(),
            role: m.role.clone(),
            works_with_hire: m.works_with_hire,
        };
        hiring::insert_loop_member_with_id(tx, Some(m.id), &input)
            .map_err(|e| at(&place("loop_members", i, m.id), e))?;
    }
    for (i, v) in doc.interviews.iter().enumerate() {
        let input = InterviewInput {
            requisition_id: v.requisition_id,
            date: v.date,
            candidate: v.candidate.clone(),
            interviewers: v.interviewers.clone(),
        };
        hiring::insert_interview_with_id(tx, Some(v.id), &input)
            .map_err(|e| at(&place("interviews", i, v.id), e))?;
    }
    for (i, r) in doc.requisitions.iter().enumerate() {
        if let Some(on) = r.closed_on {
            hiring::close_requisition(tx, r.id, r.status, on)
                .map_err(|e| at(&place("requisitions", i, r.id), e))?;
        }
    }

    for (i, w) in doc.walkthroughs.iter().enumerate() {
        let input = WalkthroughInput {
            date: w.date,
            title: w.title.clone(),
            stages: w.stages.clone(),
            categories: w.categories.clone(),
            findings: w.findings.clone(),
            issue_link: w.issue_link.clone(),
        };
        walkthroughs::insert_with_id(tx, Some(w.id), &input)
            .map_err(|e| at(&place("walkthroughs", i, w.id), e))?;
    }

    for (i, w) in doc.wins.iter().enumerate() {
        let input = WinInput {
            person_id: w.person_id,
            noted_on: w.noted_on,
            text: w.text.clone(),
        };
        wins::insert_with_id(
            tx,
            Some(w.id),
            &input,
            w.shared_on,
            w.shared_where.as_deref(),
        )
        .map_err(|e| at(&place("wins", i, w.id), e))?;
    }

    for (i, c) in doc.cdf_reviews.iter().enumerate() {
        let input = CdfReviewInput {
            person_id: c.person_id,
            date: c.date,
            focus: c.focus.clone(),
            notes: c.notes.clone(),
            link: c.link.clone(),
        };
        cdf::insert_with_id(tx, Some(c.id), &input)
            .map_err(|e| at(&place("cdf_reviews", i, c.id), e))?;
    }

    // A milestone tied to a release is written with its release only: its
    // day follows the file's release settings, saved after the records.
    for (i, m) in doc.milestones.iter().enumerate() {
        let input = MilestoneInput {
            title: m.title.clone(),
            date: m.release.is_none().then_some(m.date),
            release: m.release,
            stages: m.stages.clone(),
            link: m.link.clone(),
            notes: m.notes.clone(),
        };
        milestones::insert_with_id(tx, Some(m.id), &input)
            .map_err(|e| at(&place("milestones", i, m.id), e))?;
    }

    for (i, d) in doc.drafts.iter().enumerate() {
        drafts::save(tx, d).map_err(|e| at(&format!("drafts[{i}] (person {})", d.person_id), e))?;
    }

    for (i, n) in doc.nudge_states.iter().enumerate() {
        let here = format!("nudge_states[{i}] ({})", n.key);
        if let Some(until) = n.snoozed_until {
            nudge_state::snooze(tx, &n.key, until).map_err(|e| at(&here, e))?;
        }
        if n.dismissed {
            nudge_state::dismiss(tx, &n.key).map_err(|e| at(&here, e))?;
        }
    }

    // Last, the people's real `since` dates and archive dates.
    for i in widened {
        let p = &doc.people[i];
        people::update(tx, p.id, &PersonInput::from(p))
            .map_err(|e| at(&place("people", i, p.id), e))?;
    }
    for (i, p) in doc.people.iter().enumerate() {
        if p.archived_on.is_some() {
            people::set_archived(tx, p.id, p.archived_on)
                .map_err(|e| at(&place("people", i, p.id), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_match_the_document_fields() {
        let doc = Document {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            settings: BTreeMap::new(),
            people: vec![],
            one_on_ones: vec![],
            agenda_items: vec![],
            updates: vec![],
            customer_links: vec![],
            check_ins: vec![],
            requisitions: vec![],
            loop_members: vec![],
            interviews: vec![],
            walkthroughs: vec![],
            wins: vec![],
            drafts: vec![],
            nudge_states: vec![],
            cdf_reviews: Vec::new(),
            milestones: Vec::new(),
            templates: Vec::new(),
        };
        let text = to_json(&doc);
        let value: Value = serde_json::from_str(&text).unwrap();
        let keys: HashSet<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for list in lists() {
            assert!(keys.contains(&list), "{list}");
        }
        assert_eq!(keys.len(), lists().count() + 3);
    }

    #[test]
    fn serde_messages_lose_their_position_suffix() {
        let e = serde_json::from_str::<Value>("{\n  \"a\": }").unwrap_err();
        assert_eq!(bare_message(&e), "expected value");
        assert_eq!(serde_message(&e), "expected value, at line 2 column 8");
    }
}
