//! `coachlog agenda …`: each person's living agenda.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{
    AgendaItem, AgendaItemEdit, AgendaItemId, AgendaItemInput, CloseTag, OneOnOneId, OpenTag,
    RaisedBy, Timing,
};
use coachlog_core::store::{agenda, one_on_ones, people};
use coachlog_core::Result;

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::Ctx;
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog agenda …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Open an item on someone's agenda.
    Add(AddArgs),
    /// Change an item (only the options given change).
    Edit(EditArgs),
    /// Close an item with a ready-to-remove tag.
    Close {
        /// The item's id.
        id: i64,
        /// FYI, DONE, MOVE, DUPLICATE, WONT, WHY, IDEA, THANKS, SORRY or FEEDBACK.
        tag: CloseTag,
        /// The day it was closed [default: the 1:1's date with --in, else today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
        /// The 1:1 it was closed in.
        #[arg(long = "in", value_name = "ONE_ON_ONE_ID")]
        in_one_on_one: Option<i64>,
    },
    /// Reopen a closed item: it carries into the next 1:1 again.
    Reopen {
        /// The item's id.
        id: i64,
    },
    /// List agenda items (open ones unless --all or --closed).
    List {
        /// Only this person's agenda (name, part of it, or id).
        person: Option<String>,
        /// Include closed items.
        #[arg(long, conflicts_with = "closed")]
        all: bool,
        /// Only closed items.
        #[arg(long)]
        closed: bool,
        /// Only items with this open tag.
        #[arg(long)]
        tag: Option<OpenTag>,
    },
    /// Show one item in full.
    Show {
        /// The item's id.
        id: i64,
    },
    /// Move an agenda item to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog agenda add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Whose agenda (name, part of it, or id).
    pub person: String,
    /// What the item says.
    pub text: String,
    /// TODO (they do it), DOTO (you do it), DISCUSS, REVIEW, HELP (their request) or THINK.
    #[arg(long)]
    pub tag: OpenTag,
    /// When it is due: a date (2026-05-14) or a release version (19.2).
    #[arg(long)]
    pub timing: Option<Timing>,
    /// Who raised it: leader or person [default: person for HELP, else leader].
    #[arg(long = "by", value_name = "WHO")]
    pub by: Option<RaisedBy>,
    /// The day it was opened [default: the 1:1's date with --in, else today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub opened: Option<NaiveDate>,
    /// The 1:1 it was raised in.
    #[arg(long = "in", value_name = "ONE_ON_ONE_ID")]
    pub in_one_on_one: Option<i64>,
}

/// `coachlog agenda edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The item's id.
    pub id: i64,
    /// New text.
    #[arg(long)]
    pub text: Option<String>,
    /// New open tag (only while the item is open).
    #[arg(long)]
    pub tag: Option<OpenTag>,
    /// New timing: a date or a release version.
    #[arg(long)]
    pub timing: Option<Timing>,
    /// Remove the timing.
    #[arg(long, conflicts_with = "timing")]
    pub no_timing: bool,
    /// Who raised it: leader or person.
    #[arg(long = "by", value_name = "WHO")]
    pub by: Option<RaisedBy>,
}

/// Runs an `agenda` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::AgendaItem, id),
        Cmd::Add(a) => add(ctx, a),
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::Close {
            id,
            tag,
            on,
            in_one_on_one,
        } => {
            let mut db = ctx.write()?;
            let in_one_on_one = in_one_on_one.map(OneOnOneId);
            let on = match (on, in_one_on_one) {
                (Some(d), _) => d,
                (None, Some(o)) => one_on_ones::get(db.conn(), o)?.date,
                (None, None) => ctx.today,
            };
            let item =
                db.write(|tx| agenda::close(tx, AgendaItemId(id), tag, on, in_one_on_one))?;
            written(
                ctx,
                &item,
                format!("Closed item #{} as {} on {on}.", item.id, tag.label()),
            )
        }
        Cmd::Reopen { id } => {
            let mut db = ctx.write()?;
            let item = db.write(|tx| agenda::reopen(tx, AgendaItemId(id)))?;
            written(ctx, &item, format!("Reopened item #{}.", item.id))
        }
        Cmd::List {
            person,
            all,
            closed,
            tag,
        } => list(ctx, person.as_deref(), all, closed, tag),
        Cmd::Show { id } => show(ctx, AgendaItemId(id)),
    }
}

fn written(ctx: &Ctx, item: &AgendaItem, line: String) -> Result<String> {
    if ctx.json {
        json(item)
    } else {
        Ok(line + "\n")
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<String> {
    let mut db = ctx.write()?;
    let person = people::resolve(db.conn(), &a.person)?;
    let opened_in = a.in_one_on_one.map(OneOnOneId);
    let opened_on = match (a.opened, opened_in) {
        (Some(d), _) => d,
        (None, Some(o)) => one_on_ones::get(db.conn(), o)?.date,
        (None, None) => ctx.today,
    };
    let raised_by = a.by.unwrap_or(if a.tag == OpenTag::Help {
        RaisedBy::Person
    } else {
        RaisedBy::Leader
    });
    let input = AgendaItemInput {
        person_id: person.id,
        text: a.text,
        open_tag: a.tag,
        timing: a.timing,
        raised_by,
        opened_on,
        opened_in,
    };
    let item = db.write(|tx| agenda::insert(tx, &input))?;
    written(
        ctx,
        &item,
        format!(
            "Added {} item #{} to {}'s agenda.",
            item.open_tag.label(),
            item.id,
            person.name
        ),
    )
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    if a.text.is_none() && a.tag.is_none() && a.timing.is_none() && !a.no_timing && a.by.is_none() {
        return Err(nothing_to_change("agenda edit"));
    }
    let mut db = ctx.write()?;
    let id = AgendaItemId(a.id);
    let before = agenda::get(db.conn(), id)?;
    let edit = AgendaItemEdit {
        text: a.text.unwrap_or(before.text),
        open_tag: a.tag.unwrap_or(before.open_tag),
        timing: if a.no_timing {
            None
        } else {
            a.timing.or(before.timing)
        },
        raised_by: a.by.unwrap_or(before.raised_by),
    };
    let item = db.write(|tx| agenda::update(tx, id, &edit))?;
    written(ctx, &item, format!("Updated item #{}.", item.id))
}

fn list(
    ctx: &Ctx,
    person: Option<&str>,
    all: bool,
    closed: bool,
    tag: Option<OpenTag>,
) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let person = person.map(|p| people::resolve(conn, p)).transpose()?;
    let open = match (all, closed) {
        (true, _) => None,
        (false, true) => Some(false),
        (false, false) => Some(true),
    };
    let items = agenda::list(
        conn,
        agenda::Filter {
            person: person.as_ref().map(|p| p.id),
            open,
            tag,
        },
    )?;
    if ctx.json {
        return json(&items);
    }
    if items.is_empty() {
        let whose = person
            .map(|p| format!(" on {}'s agenda", p.name))
            .unwrap_or_default();
        return Ok(match open {
            Some(true) => format!("Nothing open{whose}.\n"),
            Some(false) => format!("Nothing closed{whose}.\n"),
            None => format!("No agenda items{whose}.\n"),
        });
    }
    let names = people::names(conn)?;
    let mut columns = vec![col("ID").right()];
    if person.is_none() {
        columns.push(col("PERSON").max(24));
    }
    columns.extend([
        col("TAG"),
        col("TEXT").max(50),
        col("TIMING"),
        col("BY"),
        col("OPENED"),
    ]);
    if open != Some(true) {
        columns.extend([col("CLOSED"), col("AS")]);
    }
    let mut t = Table::new(columns);
    for i in &items {
        let mut row = vec![i.id.to_string()];
        if person.is_none() {
            row.push(render::name_of(&names, i.person_id));
        }
        row.extend([
            i.open_tag.label().to_string(),
            i.text.clone(),
            i.timing.map(|t| t.to_string()).unwrap_or_default(),
            i.raised_by.as_str().to_string(),
            i.opened_on.to_string(),
            render::date(i.closed_on),
            i.close_tag
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
        ]);
        t.row(row);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, id: AgendaItemId) -> Result<String> {
    let db = ctx.read()?;
    let item = agenda::get(db.conn(), id)?;
    if ctx.json {
        return json(&item);
    }
    let person = people::get(db.conn(), item.person_id)?;
    let mut out = format!(
        "{} item #{} on {}'s agenda\n",
        item.open_tag.label(),
        item.id,
        person.name
    );
    let closed = match (item.close_tag, item.closed_on) {
        (Some(t), Some(d)) => format!("{} on {d}", t.label()),
        _ => "open".into(),
    };
    out.push_str(&render::fields(&[
        (
            "Timing",
            render::or_dash(&item.timing.map(|t| t.to_string()).unwrap_or_default()),
        ),
        ("Raised by", item.raised_by.label().to_string()),
        ("Opened", item.opened_on.to_string()),
        (
            "Raised in",
            render::or_dash(
                &item
                    .opened_in
                    .map(|o| format!("1:1 #{o}"))
                    .unwrap_or_default(),
            ),
        ),
        ("Status", closed),
        (
            "Closed in",
            render::or_dash(
                &item
                    .closed_in
                    .map(|o| format!("1:1 #{o}"))
                    .unwrap_or_default(),
            ),
        ),
    ]));
    out.push('\n');
    out.push_str(item.text.trim_end());
    out.push('\n');
    Ok(out)
}
