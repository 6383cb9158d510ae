//! The Trash (`trash` and `id_floor` tables): deleting a record moves it,
//! with what goes with it, out of the live tables; a restore puts it back
//! as it was, with the same ids.
//!
//! **How.** [`delete`] follows the record's plan — which rows go with it
//! (deleting a person takes all their records; a link its check-ins; a
//! requisition its loop and interviews; a 1:1 leaves the agenda items
//! raised or closed in it, with `opened_in` / `closed_in` emptied) — and
//! writes each row, as SQLite holds it, into one `trash` entry before
//! deleting it (children before parents). [`restore`] writes the rows back
//! in the reverse order (parents first) and undoes the emptied references,
//! so the search index's triggers rebuild the same entries and an export
//! after the restore is byte for byte the export before the deletion. The
//! snoozed or dismissed nudge keys that name a trashed record go and come
//! back with it. New records are numbered above every id that went to the
//! Trash (`id_floor`, `store::new_id`), so a restore never finds
//! its id taken.
//!
//! Everything else reads the live tables only: a trashed record is in no
//! list, search, nudge, summary or export. An entry is purged
//! `trash_days` (a setting) after the day it was deleted
//! ([`purge_expired`]).
//!
//! Tests: `crates/core/tests/integration/store/trash.rs`.

use chrono::{Days, NaiveDate};
use rusqlite::types::Value as Sql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::kinds::{Counts, RecordKind};
use crate::model::{
    AgendaItemId, CdfReviewId, CheckInId, InterviewId, LinkId, LoopMemberId, MilestoneId,
    OneOnOneId, Participant, PersonId, RequisitionId, TrashId, UpdateId, WalkthroughId, WinId,
};
use crate::rule::Rule;
use crate::store::{
    agenda, cdf, customers, hiring, milestones, one_on_ones, people, updates, walkthroughs, wins,
};

/// An entry of the Trash: one deleted record and what went with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrashEntry {
    /// The entry's id (`coachlog trash restore ID`).
    pub id: TrashId,
    /// The kind of the record deleted.
    pub kind: RecordKind,
    /// Its id, which a restore gives it back.
    pub record_id: i64,
    /// What it was, for the leader: "1:1 with Priya Raman on 2026-05-02".
    pub label: String,
    /// The day it was deleted.
    pub deleted_on: NaiveDate,
    /// The day it is purged (deleted for good), by the `trash_days` setting.
    pub purge_on: NaiveDate,
    /// The records that went with it, itself included, by kind.
    pub records: Counts,
}

/// What a row is in an entry: one to write again, or one whose references
/// the deletion emptied, to set back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Insert,
    Revert,
}

/// One row of an entry, as SQLite held it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Row {
    table: String,
    op: Op,
    row: Map<String, Json>,
}

/// The rows of one deletion, in the order they were taken (children first),
/// and how many records of each kind they hold. With `dry`, rows are only
/// counted, and nothing is read or written beyond that.
struct Plan<'a> {
    conn: &'a Connection,
    dry: bool,
    rows: Vec<Row>,
    records: Counts,
}

impl Plan<'_> {
    /// Takes the rows of `table` that `filter` (an SQL condition whose `?`s
    /// take `values`) selects: into the entry, then out of the table. Each
    /// counts as a record of `kind` (`None` for the parts of a record: tags,
    /// scopes, interviewers, draft, nudge keys). Returns the rows' ids (of a
    /// table with an `id`).
    fn take(
        &mut self,
        table: &str,
        kind: Option<RecordKind>,
        filter: &str,
        values: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<i64>> {
        let rows = self.select(table, filter, values)?;
        if let Some(kind) = kind {
            *self.records.get_mut(kind) += rows.len();
        }
        let ids = rows
            .iter()
            .filter_map(|r| r.get("id").and_then(Json::as_i64))
            .collect();
        if !self.dry && !rows.is_empty() {
            self.conn
                .execute(&format!("DELETE FROM {table} WHERE {filter}"), values)?;
            self.rows.extend(rows.into_iter().map(|row| Row {
                table: table.to_string(),
                op: Op::Insert,
                row,
            }));
        }
        Ok(ids)
    }

    /// Keeps `columns` (and `id`) of the rows `filter` selects, to set them
    /// back on a restore: for references the deletion empties.
    fn keep(
        &mut self,
        table: &str,
        columns: &[&str],
        filter: &str,
        values: &[&dyn rusqlite::ToSql],
    ) -> Result<()> {
        if self.dry {
            return Ok(());
        }
        let list = std::iter::once("id")
            .chain(columns.iter().copied())
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {list} FROM {table} WHERE {filter}"))?;
        let rows = read_rows(&mut stmt, values)?;
        self.rows.extend(rows.into_iter().map(|row| Row {
            table: table.to_string(),
            op: Op::Revert,
            row,
        }));
        Ok(())
    }

    /// Every column of the rows `filter` selects (counted only when dry).
    fn select(
        &self,
        table: &str,
        filter: &str,
        values: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Map<String, Json>>> {
        if self.dry {
            let n: i64 = self.conn.query_row(
                &format!("SELECT count(*) FROM {table} WHERE {filter}"),
                values,
                |r| r.get(0),
            )?;
            return Ok(vec![Map::new(); n as usize]);
        }
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT * FROM {table} WHERE {filter}"))?;
        read_rows(&mut stmt, values)
    }

    /// The nudge keys that name the record `kind` `id` (see
    /// [`Rule::keyed_by`]).
    fn keys_of(&mut self, kind: RecordKind, id: i64) -> Result<()> {
        for rule in Rule::ALL.into_iter().filter(|r| r.keyed_by() == Some(kind)) {
            let exact = format!("{}:{id}", rule.as_str());
            let prefix = format!("{exact}:");
            self.take(
                "nudge_state",
                None,
                "key = ?1 OR substr(key, 1, length(?2)) = ?2",
                &[&exact, &prefix],
            )?;
        }
        Ok(())
    }

    /// Everything that goes with the record `kind` `id`, children first.
    fn record(&mut self, kind: RecordKind, id: i64) -> Result<()> {
        match kind {
            RecordKind::Person => self.person(id),
            RecordKind::OneOnOne => {
                // The agenda is the person's: items raised or closed in the
                // 1:1 stay, without it.
                for column in ["opened_in", "closed_in"] {
                    self.keep("agenda_item", &[column], &format!("{column} = ?1"), &[&id])?;
                }
                self.take("one_on_one_tag", None, "one_on_one_id = ?1", &[&id])?;
                self.take("one_on_one", Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
            RecordKind::CustomerLink => {
                self.keys_of(kind, id)?;
                self.take(
                    "check_in",
                    Some(RecordKind::CheckIn),
                    "link_id = ?1",
                    &[&id],
                )?;
                self.take("customer_link", Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
            RecordKind::Requisition => {
                self.keys_of(kind, id)?;
                self.take(
                    "interviewer",
                    None,
                    "interview_id IN (SELECT id FROM interview WHERE requisition_id = ?1)",
                    &[&id],
                )?;
                self.take(
                    "interview",
                    Some(RecordKind::Interview),
                    "requisition_id = ?1",
                    &[&id],
                )?;
                self.take(
                    "loop_member",
                    Some(RecordKind::LoopMember),
                    "requisition_id = ?1",
                    &[&id],
                )?;
                self.take("requisition", Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
            RecordKind::Interview => {
                self.take("interviewer", None, "interview_id = ?1", &[&id])?;
                self.take("interview", Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
            RecordKind::Walkthrough => {
                self.take("walkthrough_scope", None, "walkthrough_id = ?1", &[&id])?;
                self.take("walkthrough", Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
            RecordKind::AgendaItem
            | RecordKind::Update
            | RecordKind::CheckIn
            | RecordKind::LoopMember
            | RecordKind::Win
            | RecordKind::CdfReview
            | RecordKind::Milestone => {
                self.keys_of(kind, id)?;
                self.take(kind.table(), Some(kind), "id = ?1", &[&id])?;
                Ok(())
            }
        }
    }

    /// A person and all their records.
    fn person(&mut self, id: i64) -> Result<()> {
        let kind = RecordKind::Person;
        self.keys_of(kind, id)?;
        for item in self.ids("agenda_item", "person_id = ?1", id)? {
            self.keys_of(RecordKind::AgendaItem, item)?;
        }
        for win in self.ids("win", "person_id = ?1", id)? {
            self.keys_of(RecordKind::Win, win)?;
        }
        for link in self.ids("customer_link", "person_id = ?1", id)? {
            self.keys_of(RecordKind::CustomerLink, link)?;
        }
        for review in self.ids("cdf_review", "person_id = ?1", id)? {
            self.keys_of(RecordKind::CdfReview, review)?;
        }
        // Their skip-level reports stay, without a manager until a restore.
        self.keep("person", &["reports_to"], "reports_to = ?1", &[&id])?;
        self.take("template", None, "person_id = ?1", &[&id])?;
        self.take("draft", None, "person_id = ?1", &[&id])?;
        self.take(
            "cdf_review",
            Some(RecordKind::CdfReview),
            "person_id = ?1",
            &[&id],
        )?;
        self.take("win", Some(RecordKind::Win), "person_id = ?1", &[&id])?;
        self.take(
            "check_in",
            Some(RecordKind::CheckIn),
            "link_id IN (SELECT id FROM customer_link WHERE person_id = ?1)",
            &[&id],
        )?;
        self.take(
            "customer_link",
            Some(RecordKind::CustomerLink),
            "person_id = ?1",
            &[&id],
        )?;
        self.take(
            "accountability_update",
            Some(RecordKind::Update),
            "person_id = ?1",
            &[&id],
        )?;
        // Where they interviewed or sat in a loop, the seat goes with them.
        self.take("interviewer", None, "person_id = ?1", &[&id])?;
        self.take(
            "loop_member",
            Some(RecordKind::LoopMember),
            "person_id = ?1",
            &[&id],
        )?;
        self.take(
            "agenda_item",
            Some(RecordKind::AgendaItem),
            "person_id = ?1",
            &[&id],
        )?;
        self.take(
            "one_on_one_tag",
            None,
            "one_on_one_id IN (SELECT id FROM one_on_one WHERE person_id = ?1)",
            &[&id],
        )?;
        self.take(
            "one_on_one",
            Some(RecordKind::OneOnOne),
            "person_id = ?1",
            &[&id],
        )?;
        self.take("person_scope", None, "person_id = ?1", &[&id])?;
        self.take("person", Some(kind), "id = ?1", &[&id])?;
        Ok(())
    }

    /// The ids of `table`'s rows whose `filter` holds for `id`.
    fn ids(&self, table: &str, filter: &str, id: i64) -> Result<Vec<i64>> {
        if self.dry {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT id FROM {table} WHERE {filter}"))?;
        let ids = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}

/// Reads every row of `stmt` as column → JSON value.
fn read_rows(
    stmt: &mut rusqlite::Statement<'_>,
    values: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Map<String, Json>>> {
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let rows = stmt
        .query_map(values, |r| {
            let mut row = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match r.get::<_, Sql>(i)? {
                    Sql::Null => Json::Null,
                    Sql::Integer(n) => Json::from(n),
                    Sql::Real(x) => Json::from(x),
                    Sql::Text(t) => Json::String(t),
                    Sql::Blob(_) => {
                        return Err(rusqlite::Error::InvalidColumnType(
                            i,
                            name.clone(),
                            rusqlite::types::Type::Blob,
                        ))
                    }
                };
                row.insert(name.clone(), value);
            }
            Ok(row)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A JSON value of an entry as the SQL value it was.
fn to_sql(v: &Json) -> Sql {
    match v {
        Json::Null => Sql::Null,
        Json::Bool(b) => Sql::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or_default()),
        },
        Json::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

/// How many records go to the Trash with the record `kind` `id`, itself
/// included (for "Delete Priya Raman and her 214 records?"). Changes
/// nothing.
pub fn preview(conn: &Connection, kind: RecordKind, id: i64) -> Result<Counts> {
    label(conn, kind, id)?;
    let mut plan = Plan {
        conn,
        dry: true,
        rows: Vec::new(),
        records: Counts::default(),
    };
    plan.record(kind, id)?;
    Ok(plan.records)
}

/// Moves the record `kind` `id`, with what goes with it, to the Trash on
/// `today`. [`Error::NotFound`] when there is no such record.
pub fn delete(tx: &Tx<'_>, kind: RecordKind, id: i64, today: NaiveDate) -> Result<TrashEntry> {
    crate::validate::in_years("the day of the deletion", today)?;
    let label = label(tx, kind, id)?;
    let mut plan = Plan {
        conn: tx,
        dry: false,
        rows: Vec::new(),
        records: Counts::default(),
    };
    plan.record(kind, id)?;
    for row in plan.rows.iter().filter(|r| r.op == Op::Insert) {
        if let Some(n) = row.row.get("id").and_then(Json::as_i64) {
            tx.execute(
                "INSERT INTO id_floor (tbl, max_id) VALUES (?1, ?2)
                 ON CONFLICT (tbl) DO UPDATE SET max_id = max(max_id, excluded.max_id)",
                params![row.table, n],
            )?;
        }
    }
    let rows = serde_json::to_string(&plan.rows).map_err(|e| Error::Internal(e.to_string()))?;
    let counts =
        serde_json::to_string(&plan.records).map_err(|e| Error::Internal(e.to_string()))?;
    // Entry ids are never reused either: a script holding an old one
    // cannot restore another entry with it.
    let entry = super::new_id(tx, "trash", None)?;
    tx.execute(
        "INSERT INTO trash (id, kind, record_id, label, deleted_on, counts, rows)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![entry, kind.as_str(), id, label, today, counts, rows],
    )?;
    get(tx, TrashId(tx.last_insert_rowid()))
}

/// The entries of the Trash, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashEntry>> {
    let days = trash_days(conn)?;
    let mut stmt = conn.prepare(
        "SELECT id, kind, record_id, label, deleted_on, counts FROM trash
         ORDER BY deleted_on DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| entry_from_row(r, days))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One entry of the Trash.
pub fn get(conn: &Connection, id: TrashId) -> Result<TrashEntry> {
    let days = trash_days(conn)?;
    conn.query_row(
        "SELECT id, kind, record_id, label, deleted_on, counts FROM trash WHERE id = ?1",
        [id],
        |r| entry_from_row(r, days),
    )
    .optional()?
    .ok_or_else(|| not_in_trash(id))
}

fn not_in_trash(id: TrashId) -> Error {
    Error::not_found(format!(
        "There is nothing in the Trash with id {id}; `coachlog trash list` shows what is there \
         (entries are purged after the trash_days setting)."
    ))
}

fn trash_days(conn: &Connection) -> Result<u32> {
    Ok(crate::settings::load(conn)?.trash_days)
}

fn entry_from_row(r: &rusqlite::Row<'_>, days: u32) -> rusqlite::Result<TrashEntry> {
    let kind: String = r.get(1)?;
    let counts: String = r.get(5)?;
    let deleted_on: NaiveDate = r.get(4)?;
    let bad = |i: usize, e: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    };
    Ok(TrashEntry {
        id: r.get(0)?,
        kind: RecordKind::from_str_id(&kind).ok_or_else(|| bad(1, format!("kind {kind}")))?,
        record_id: r.get(2)?,
        label: r.get(3)?,
        deleted_on,
        purge_on: deleted_on + Days::new(u64::from(days)),
        records: serde_json::from_str(&counts).map_err(|e| bad(5, e.to_string()))?,
    })
}

/// Puts the entry `id` back: every row as it was, with the same ids, and
/// the references the deletion emptied. Refused with [`Error::Conflict`]
/// (and nothing changed) when a record it needs is not there (say, the
/// person of a 1:1, deleted since) or when a record added since takes its
/// place (a person of the same name, a 1:1 on the same day).
pub fn restore(tx: &Tx<'_>, id: TrashId) -> Result<TrashEntry> {
    let entry = get(tx, id)?;
    let rows: String = tx.query_row("SELECT rows FROM trash WHERE id = ?1", [id], |r| r.get(0))?;
    let rows: Vec<Row> = serde_json::from_str(&rows)
        .map_err(|e| Error::Internal(format!("trash entry {id}: {e}")))?;
    for row in rows.iter().rev() {
        let columns: Vec<&String> = row.row.keys().collect();
        let values: Vec<Sql> = row.row.values().map(to_sql).collect();
        let sql = match row.op {
            Op::Insert => format!(
                "INSERT INTO {} ({}) VALUES ({})",
                row.table,
                columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                vec!["?"; columns.len()].join(", ")
            ),
            Op::Revert => format!(
                "UPDATE {} SET {} WHERE id = ?",
                row.table,
                columns
                    .iter()
                    .filter(|c| c.as_str() != "id")
                    .map(|c| format!("\"{c}\" = ?"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let values: Vec<Sql> = match row.op {
            Op::Insert => values,
            Op::Revert => {
                let id = to_sql(row.row.get("id").unwrap_or(&Json::Null));
                row.row
                    .iter()
                    .filter(|(c, _)| c.as_str() != "id")
                    .map(|(_, v)| to_sql(v))
                    .chain([id])
                    .collect()
            }
        };
        tx.execute(&sql, params_from_iter(values))
            .map_err(|e| cannot_restore(&entry, e))?;
    }
    // What the store checks in Rust rather than in SQL, for the records
    // put back: nothing added since may be repeated by them.
    for row in rows.iter().filter(|r| r.op == Op::Insert) {
        let Some(n) = row.row.get("id").and_then(Json::as_i64) else {
            continue;
        };
        let checked = match row.table.as_str() {
            "customer_link" => customers::check_restored_link(tx, LinkId(n)),
            "loop_member" => hiring::check_restored_loop_member(tx, LoopMemberId(n)),
            "walkthrough" => walkthroughs::check_restored(tx, WalkthroughId(n)),
            _ => Ok(()),
        };
        checked.map_err(|e| {
            Error::conflict(format!(
                "\"{}\" (Trash entry {}) cannot be restored: {} Change or delete that first; \
                 nothing was changed.",
                entry.label, entry.id, e
            ))
        })?;
    }
    remove_entries(tx, "id = ?1", &[&id])?;
    Ok(entry)
}

/// Deletes the entries `filter` selects, keeping the highest id in
/// `id_floor` so that no later entry takes it. Returns how many.
fn remove_entries(tx: &Tx<'_>, filter: &str, values: &[&dyn rusqlite::ToSql]) -> Result<usize> {
    tx.execute(
        &format!(
            "INSERT INTO id_floor (tbl, max_id)
             SELECT 'trash', max(id) FROM trash WHERE {filter} HAVING max(id) IS NOT NULL
             ON CONFLICT (tbl) DO UPDATE SET max_id = max(max_id, excluded.max_id)"
        ),
        values,
    )?;
    Ok(tx.execute(&format!("DELETE FROM trash WHERE {filter}"), values)?)
}

/// Why an entry cannot come back, in the leader's words.
fn cannot_restore(entry: &TrashEntry, e: rusqlite::Error) -> Error {
    let what = format!("\"{}\" (Trash entry {})", entry.label, entry.id);
    let text = e.to_string();
    let why = if text.contains("FOREIGN KEY") {
        "a record it belongs to is not there any more — if it is in the Trash too, restore \
         that first (`coachlog trash list`)"
            .to_string()
    } else if text.contains("person.name_key") {
        "someone with the same name was added since; rename them first".to_string()
    } else if text.contains("one_on_one.person_id, one_on_one.date") {
        "another 1:1 with the same person on the same day was logged since; move or delete \
         it first"
            .to_string()
    } else if text.contains("reports_to") {
        "one of the skip-level reports who reported to them is tracked now, and a skip-level \
         report never is; untrack them first"
            .to_string()
    } else if text.contains("UNIQUE") {
        format!("a record added since takes its place ({text}); change or delete that first")
    } else {
        return Error::from(e);
    };
    Error::conflict(format!(
        "{what} cannot be restored: {why}. Nothing was changed."
    ))
}

/// Empties the Trash: every entry is deleted for good. Returns how many.
pub fn empty(tx: &Tx<'_>) -> Result<usize> {
    remove_entries(tx, "1", &[])
}

/// Deletes for good the entries deleted `trash_days` or more days before
/// `today`. Returns how many.
pub fn purge_expired(tx: &Tx<'_>, today: NaiveDate) -> Result<usize> {
    let days = trash_days(tx)?;
    let Some(cutoff) = today.checked_sub_days(Days::new(u64::from(days))) else {
        return Ok(0);
    };
    remove_entries(tx, "deleted_on <= ?1", &[&cutoff])
}

/// What the record `kind` `id` is, in a few words; [`Error::NotFound`] when
/// there is none.
fn label(conn: &Connection, kind: RecordKind, id: i64) -> Result<String> {
    let name = |p: PersonId| -> Result<String> { Ok(people::get(conn, p)?.name) };
    let clip = |s: &str| {
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= 80 {
            flat
        } else {
            format!("{}…", flat.chars().take(79).collect::<String>())
        }
    };
    let text = match kind {
        RecordKind::Person => name(PersonId(id))?,
        RecordKind::OneOnOne => {
            let o = one_on_ones::get(conn, OneOnOneId(id))?;
            format!("1:1 with {} on {}", name(o.person_id)?, o.date)
        }
        RecordKind::AgendaItem => {
            let i = agenda::get(conn, AgendaItemId(id))?;
            format!(
                "{} on {}'s agenda: {}",
                i.open_tag.label(),
                name(i.person_id)?,
                clip(&i.text)
            )
        }
        RecordKind::Update => {
            let u = updates::get(conn, UpdateId(id))?;
            let whose = match u.person_id {
                Some(p) => format!("{}'s", name(p)?),
                None => "Your".to_string(),
            };
            format!("{whose} {} for {}", u.kind.label(), u.period)
        }
        RecordKind::CustomerLink => {
            let l = customers::get_link(conn, LinkId(id))?;
            format!(
                "{}'s internal customer {} ({})",
                name(l.person_id)?,
                l.team,
                l.category
            )
        }
        RecordKind::CheckIn => {
            let c = customers::get_check_in(conn, CheckInId(id))?;
            let l = customers::get_link(conn, c.link_id)?;
            format!("Check-in with {} ({}) on {}", l.team, l.category, c.date)
        }
        RecordKind::Requisition => {
            let r = hiring::get_requisition(conn, RequisitionId(id))?;
            format!("Requisition {}", r.title)
        }
        RecordKind::LoopMember => {
            let m = hiring::get_loop_member(conn, LoopMemberId(id))?;
            let r = hiring::get_requisition(conn, m.requisition_id)?;
            let who = match &m.member {
                Participant::Person(p) => name(*p)?,
                Participant::Name(n) => n.clone(),
            };
            format!("{who} in the loop of {}", r.title)
        }
        RecordKind::Interview => {
            let i = hiring::get_interview(conn, InterviewId(id))?;
            let r = hiring::get_requisition(conn, i.requisition_id)?;
            format!("Interview of {} for {} on {}", i.candidate, r.title, i.date)
        }
        RecordKind::Walkthrough => {
            let w = walkthroughs::get(conn, WalkthroughId(id))?;
            format!("Walkthrough \"{}\" on {}", clip(&w.title), w.date)
        }
        RecordKind::Win => {
            let w = wins::get(conn, WinId(id))?;
            format!("{}'s win: {}", name(w.person_id)?, clip(&w.text))
        }
        RecordKind::CdfReview => {
            let c = cdf::get(conn, CdfReviewId(id))?;
            format!("{}'s CDF review on {}", name(c.person_id)?, c.date)
        }
        RecordKind::Milestone => {
            let m = milestones::get(conn, MilestoneId(id))?;
            format!("Milestone \"{}\" on {}", clip(&m.title), m.date)
        }
    };
    Ok(clip_label(text))
}

/// A label fits the `trash.label` column (400 characters).
fn clip_label(text: String) -> String {
    if text.chars().count() <= 400 {
        text
    } else {
        format!("{}…", text.chars().take(399).collect::<String>())
    }
}
