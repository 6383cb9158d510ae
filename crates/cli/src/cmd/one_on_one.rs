//! `coachlog one-on-one …`: 1:1s, logged in one line together with the
//! agenda items they open and close.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{
    AgendaItem, AgendaItemId, CloseTag, ItemClosure, LogInput, NewItem, OneOnOne, OneOnOneId,
    OneOnOneInput, OneOnOneStatus, OpenTag, Person, RaisedBy,
};
use coachlog_core::store::{agenda, log, one_on_ones, people};
use coachlog_core::Result;
use serde::Serialize;

use crate::args::{close_spec, date, DateRange};
use crate::cmd::person::nothing_to_change;
use crate::context::{read_text, Ctx};
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog one-on-one …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Log a 1:1, opening and closing agenda items in the same step.
    Log(LogArgs),
    /// Change a 1:1 (only the options given change).
    Edit(EditArgs),
    /// List 1:1s, newest first.
    List {
        /// Only this person's (name, part of it, or id).
        person: Option<String>,
        #[command(flatten)]
        range: DateRange,
    },
    /// Show a 1:1 with its notes and the items raised or closed in it.
    Show {
        /// The 1:1's id.
        id: i64,
    },
    /// Move a 1:1 (its agenda items stay, without it) to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog one-on-one log`
#[derive(Debug, Args)]
pub struct LogArgs {
    /// With whom (name, part of it, or id).
    pub person: String,
    /// The day of the 1:1 [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// held, skipped or cancelled.
    #[arg(long, default_value = "held")]
    pub status: OneOnOneStatus,
    /// Private coaching notes (Markdown).
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Read the notes from a file (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// A coaching tag, e.g. career, feedback, risk, growth (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Open a TODO: an action the person will take (repeatable).
    #[arg(long = "todo", value_name = "TEXT")]
    pub todos: Vec<String>,
    /// Open a DOTO: an action you will take (repeatable).
    #[arg(long = "doto", value_name = "TEXT")]
    pub dotos: Vec<String>,
    /// Open a HELP item: the person's request for context or advice (repeatable).
    #[arg(long = "help-request", value_name = "TEXT")]
    pub help_requests: Vec<String>,
    /// Close an open agenda item in this 1:1, e.g. 12=done (repeatable).
    #[arg(long = "close", value_name = "ITEM=TAG", value_parser = close_spec)]
    pub close: Vec<(i64, CloseTag)>,
}

/// `coachlog one-on-one edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The 1:1's id.
    pub id: i64,
    /// Move it to another person.
    #[arg(long)]
    pub person: Option<String>,
    /// New date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// New status: held, skipped or cancelled.
    #[arg(long)]
    pub status: Option<OneOnOneStatus>,
    /// Replace the notes.
    #[arg(long, conflicts_with = "notes_file")]
    pub notes: Option<String>,
    /// Replace the notes with a file's text (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub notes_file: Option<PathBuf>,
    /// Replace the coaching tags (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove every coaching tag.
    #[arg(long, conflicts_with = "tags")]
    pub no_tags: bool,
}

/// What `one-on-one show --json` prints.
#[derive(Debug, Serialize)]
struct OneOnOneView {
    one_on_one: OneOnOne,
    person: Person,
    opened: Vec<AgendaItem>,
    closed: Vec<AgendaItem>,
}

/// Runs a `one-on-one` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::OneOnOne, id),
        Cmd::Log(a) => log(ctx, a),
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::List { person, range } => list(ctx, person.as_deref(), range),
        Cmd::Show { id } => show(ctx, OneOnOneId(id)),
    }
}

fn log(ctx: &Ctx, a: LogArgs) -> Result<String> {
    let notes = read_text(a.notes, a.notes_file.as_deref())?.unwrap_or_default();
    let mut db = ctx.write()?;
    let person = people::resolve(db.conn(), &a.person)?;
    let day = a.date.unwrap_or(ctx.today);
    let input = OneOnOneInput {
        person_id: person.id,
        date: day,
        status: a.status,
        notes,
        tags: a.tags,
    };
    let new_items = a
        .todos
        .into_iter()
        .map(|t| NewItem::new(t, OpenTag::Todo, RaisedBy::Leader))
        .chain(
            a.dotos
                .into_iter()
                .map(|t| NewItem::new(t, OpenTag::Doto, RaisedBy::Leader)),
        )
        .chain(
            a.help_requests
                .into_iter()
                .map(|t| NewItem::new(t, OpenTag::Help, RaisedBy::Person)),
        )
        .collect();
    let close_items = a
        .close
        .iter()
        .map(|&(item, tag)| ItemClosure {
            id: AgendaItemId(item),
            tag,
        })
        .collect();
    let input = LogInput {
        one_on_one: input,
        new_items,
        close_items,
    };
    let logged = db.write(|tx| log::one_on_one(tx, &input))?;
    if ctx.json {
        return json(&logged);
    }
    let o = &logged.one_on_one;
    let what = if o.status == OneOnOneStatus::Held {
        String::new()
    } else {
        format!(" as {}", o.status.as_str())
    };
    Ok(format!(
        "Logged 1:1 #{} with {} on {}{what} ({} new {}, {} closed).\n",
        o.id,
        person.name,
        o.date,
        logged.opened.len(),
        if logged.opened.len() == 1 {
            "item"
        } else {
            "items"
        },
        logged.closed.len()
    ))
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    let changes_nothing = a.person.is_none()
        && a.date.is_none()
        && a.status.is_none()
        && a.notes.is_none()
        && a.notes_file.is_none()
        && a.tags.is_empty()
        && !a.no_tags;
    if changes_nothing {
        return Err(nothing_to_change("one-on-one edit"));
    }
    let notes = read_text(a.notes, a.notes_file.as_deref())?;
    let mut db = ctx.write()?;
    let id = OneOnOneId(a.id);
    let before = one_on_ones::get(db.conn(), id)?;
    let mut input = OneOnOneInput {
        person_id: before.person_id,
        date: before.date,
        status: before.status,
        notes: before.notes,
        tags: before.tags,
    };
    if let Some(p) = &a.person {
        input.person_id = people::resolve(db.conn(), p)?.id;
    }
    if let Some(d) = a.date {
        input.date = d;
    }
    if let Some(s) = a.status {
        input.status = s;
    }
    if let Some(n) = notes {
        input.notes = n;
    }
    if a.no_tags {
        input.tags.clear();
    } else if !a.tags.is_empty() {
        input.tags = a.tags;
    }
    let o = db.write(|tx| one_on_ones::update(tx, id, &input))?;
    if ctx.json {
        return json(&o);
    }
    let name = people::get(db.conn(), o.person_id)?.name;
    Ok(format!(
        "Updated 1:1 #{} with {name} on {} ({}).\n",
        o.id,
        o.date,
        o.status.as_str()
    ))
}

fn list(ctx: &Ctx, person: Option<&str>, range: DateRange) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let person = person.map(|p| people::resolve(conn, p)).transpose()?;
    let list = one_on_ones::list(
        conn,
        one_on_ones::Filter {
            person: person.as_ref().map(|p| p.id),
            from: range.from,
            to: range.to,
        },
    )?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok("No 1:1s logged yet; `coachlog one-on-one log PERSON` logs one.\n".into());
    }
    let names = people::names(conn)?;
    let mut t = Table::new(vec![
        col("ID").right(),
        col("DATE"),
        col("PERSON").max(30),
        col("STATUS"),
        col("TAGS").max(30),
        col("NOTES").max(50),
    ]);
    for o in &list {
        t.row([
            o.id.to_string(),
            o.date.to_string(),
            render::name_of(&names, o.person_id),
            o.status.as_str().to_string(),
            o.tags.join(", "),
            render::summary(&o.notes),
        ]);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, id: OneOnOneId) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let one_on_one = one_on_ones::get(conn, id)?;
    let person = people::get(conn, one_on_one.person_id)?;
    let items = agenda::list(
        conn,
        agenda::Filter {
            person: Some(person.id),
            ..Default::default()
        },
    )?;
    let opened: Vec<AgendaItem> = items
        .iter()
        .filter(|i| i.opened_in == Some(id))
        .cloned()
        .collect();
    let closed: Vec<AgendaItem> = items
        .into_iter()
        .filter(|i| i.closed_in == Some(id))
        .collect();
    let view = OneOnOneView {
        one_on_one,
        person,
        opened,
        closed,
    };
    if ctx.json {
        return json(&view);
    }
    let o = &view.one_on_one;
    let mut out = format!(
        "1:1 #{} with {} on {} ({})\n",
        o.id,
        view.person.name,
        o.date,
        o.status.as_str()
    );
    if !o.tags.is_empty() {
        out.push_str(&format!("Tags: {}\n", o.tags.join(", ")));
    }
    out.push('\n');
    if o.notes.trim().is_empty() {
        out.push_str("(no notes)\n");
    } else {
        out.push_str(o.notes.trim_end());
        out.push('\n');
    }
    for (title, items, closing) in [
        ("Raised in this 1:1", &view.opened, false),
        ("Closed in this 1:1", &view.closed, true),
    ] {
        let t = Table::of(
            vec![
                col("ID").right(),
                col("TAG"),
                col("TEXT").max(60),
                col(if closing { "CLOSED AS" } else { "STATUS" }),
            ],
            items,
            |i| {
                let status = i
                    .close_tag
                    .map_or_else(|| "open".to_string(), |c| c.label().to_string());
                [
                    i.id.to_string(),
                    i.open_tag.label().to_string(),
                    i.text.clone(),
                    status,
                ]
            },
        );
        out.push_str(&t.section(title, None));
    }
    Ok(out)
}
