//! `coachlog customer …`: PMs' internal customers and the check-ins with them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{CheckInId, CheckInInput, CustomerLink, CustomerLinkInput, LinkId};
use coachlog_core::store::{customers, people};
use coachlog_core::Result;

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::{read_text, Ctx};
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog customer …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Give a PM an internal customer: a team, for a category.
    Add {
        /// The PM (name, part of it, or id).
        person: String,
        /// The internal customer (a team).
        #[arg(long)]
        team: String,
        /// The category.
        #[arg(long)]
        category: String,
        /// Since when [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        since: Option<NaiveDate>,
    },
    /// Change a link (only the options given change).
    Edit(EditArgs),
    /// Archive a link: no check-ins are owed after that day.
    Archive {
        /// The link's id.
        id: i64,
        /// The day it ended [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
    },
    /// Make an archived link active again.
    Unarchive {
        /// The link's id.
        id: i64,
    },
    /// List internal-customer links (active ones unless --all).
    List {
        /// Only this PM's (name, part of it, or id).
        person: Option<String>,
        /// Include archived links.
        #[arg(long)]
        all: bool,
    },
    /// Record a check-in with an internal customer.
    CheckIn {
        /// The link's id (`coachlog customer list` shows them).
        link: i64,
        /// The day of the check-in [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        date: Option<NaiveDate>,
        /// The internal-customer section of the category epic was updated.
        #[arg(long)]
        epic_updated: bool,
        /// Notes (Markdown).
        #[arg(long, conflicts_with = "notes_file")]
        notes: Option<String>,
        /// Read the notes from a file (- for standard input).
        #[arg(long, value_name = "FILE")]
        notes_file: Option<PathBuf>,
    },
    /// Change a check-in (only the options given change).
    CheckInEdit {
        /// The check-in's id (`coachlog customer check-ins` shows them).
        id: i64,
        /// New day.
        #[arg(long, value_name = "DATE", value_parser = date)]
        date: Option<NaiveDate>,
        /// The epic's internal-customer section was updated.
        #[arg(long, conflicts_with = "epic_not_updated")]
        epic_updated: bool,
        /// The epic's internal-customer section was not updated.
        #[arg(long)]
        epic_not_updated: bool,
        /// Replace the notes.
        #[arg(long, conflicts_with = "notes_file")]
        notes: Option<String>,
        /// Replace the notes with a file's text (- for standard input).
        #[arg(long, value_name = "FILE")]
        notes_file: Option<PathBuf>,
    },
    /// Move a check-in to the Trash (`coachlog trash restore` brings it back).
    CheckInDelete {
        /// The check-in's id.
        id: i64,
    },
    /// Move a link and its check-ins to the Trash (`coachlog trash restore`
    /// brings them back). To stop owing check-ins, archive it instead.
    Delete {
        /// The link's id.
        id: i64,
    },
    /// List check-ins, newest first.
    CheckIns {
        /// Only this link's.
        #[arg(conflicts_with = "person")]
        link: Option<i64>,
        /// Only this PM's links (name, part of it, or id).
        #[arg(long)]
        person: Option<String>,
    },
}

/// `coachlog customer edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The link's id.
    pub id: i64,
    /// Move it to another PM.
    #[arg(long)]
    pub person: Option<String>,
    /// New team.
    #[arg(long)]
    pub team: Option<String>,
    /// New category.
    #[arg(long)]
    pub category: Option<String>,
    /// New 'since' date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,
}

/// Runs a `customer` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Add {
            person,
            team,
            category,
            since,
        } => {
            let mut db = ctx.write()?;
            let p = people::resolve(db.conn(), &person)?;
            let input = CustomerLinkInput {
                person_id: p.id,
                team,
                category,
                since: since.unwrap_or(ctx.today),
            };
            let l = db.write(|tx| customers::insert_link(tx, &input))?;
            written(
                ctx,
                &l,
                format!(
                    "Linked {} to internal customer {} for {} (link {}).",
                    p.name, l.team, l.category, l.id
                ),
            )
        }
        Cmd::Edit(a) => {
            if a.person.is_none() && a.team.is_none() && a.category.is_none() && a.since.is_none() {
                return Err(nothing_to_change("customer edit"));
            }
            let mut db = ctx.write()?;
            let id = LinkId(a.id);
            let before = customers::get_link(db.conn(), id)?;
            let input = CustomerLinkInput {
                person_id: match &a.person {
                    Some(p) => people::resolve(db.conn(), p)?.id,
                    None => before.person_id,
                },
                team: a.team.unwrap_or(before.team),
                category: a.category.unwrap_or(before.category),
                since: a.since.unwrap_or(before.since),
            };
            let l = db.write(|tx| customers::update_link(tx, id, &input))?;
            written(ctx, &l, format!("Updated link {}.", l.id))
        }
        Cmd::Archive { id, on } => {
            let mut db = ctx.write()?;
            let on = on.unwrap_or(ctx.today);
            let l = db.write(|tx| customers::archive_link(tx, LinkId(id), on))?;
            written(
                ctx,
                &l,
                format!(
                    "Archived link {} ({}, {}) on {on}.",
                    l.id, l.team, l.category
                ),
            )
        }
        Cmd::Unarchive { id } => {
            let mut db = ctx.write()?;
            let l = db.write(|tx| customers::unarchive_link(tx, LinkId(id)))?;
            written(
                ctx,
                &l,
                format!(
                    "Link {} ({}, {}) is active again.",
                    l.id, l.team, l.category
                ),
            )
        }
        Cmd::List { person, all } => list(ctx, person.as_deref(), all),
        Cmd::CheckIn {
            link,
            date,
            epic_updated,
            notes,
            notes_file,
        } => {
            let notes = read_text(notes, notes_file.as_deref())?.unwrap_or_default();
            let mut db = ctx.write()?;
            let input = CheckInInput {
                link_id: LinkId(link),
                date: date.unwrap_or(ctx.today),
                epic_updated,
                notes,
            };
            let c = db.write(|tx| customers::insert_check_in(tx, &input))?;
            if ctx.json {
                return json(&c);
            }
            let l = customers::get_link(db.conn(), c.link_id)?;
            Ok(format!(
                "Recorded check-in #{} with {} ({}) on {}{}.\n",
                c.id,
                l.team,
                l.category,
                c.date,
                if c.epic_updated { ", epic updated" } else { "" }
            ))
        }
        Cmd::CheckInEdit {
            id,
            date,
            epic_updated,
            epic_not_updated,
            notes,
            notes_file,
        } => {
            let notes = read_text(notes, notes_file.as_deref())?;
            if date.is_none() && !epic_updated && !epic_not_updated && notes.is_none() {
                return Err(nothing_to_change("customer check-in-edit"));
            }
            let mut db = ctx.write()?;
            let before = customers::get_check_in(db.conn(), CheckInId(id))?;
            let input = CheckInInput {
                link_id: before.link_id,
                date: date.unwrap_or(before.date),
                epic_updated: (before.epic_updated || epic_updated) && !epic_not_updated,
                notes: notes.unwrap_or(before.notes),
            };
            let c = db.write(|tx| customers::update_check_in(tx, before.id, &input))?;
            if ctx.json {
                return json(&c);
            }
            Ok(format!(
                "Changed check-in #{}: {}{}.\n",
                c.id,
                c.date,
                if c.epic_updated { ", epic updated" } else { "" }
            ))
        }
        Cmd::CheckInDelete { id } => super::trash::delete(ctx, RecordKind::CheckIn, id),
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::CustomerLink, id),
        Cmd::CheckIns { link, person } => check_ins(ctx, link, person.as_deref()),
    }
}

fn written(ctx: &Ctx, l: &CustomerLink, line: String) -> Result<String> {
    if ctx.json {
        json(l)
    } else {
        Ok(line + "\n")
    }
}

fn list(ctx: &Ctx, person: Option<&str>, all: bool) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let person = person.map(|p| people::resolve(conn, p)).transpose()?;
    let links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: person.map(|p| p.id),
            include_archived: all,
        },
    )?;
    if ctx.json {
        return json(&links);
    }
    if links.is_empty() {
        return Ok("No internal customers; `coachlog customer add PERSON --team T --category C` adds one.\n".into());
    }
    let names = people::names(conn)?;
    let mut columns = vec![
        col("ID").right(),
        col("PERSON").max(24),
        col("TEAM").max(30),
        col("CATEGORY").max(30),
        col("SINCE"),
    ];
    if all {
        columns.push(col("ARCHIVED"));
    }
    let mut t = Table::new(columns);
    for l in &links {
        t.row([
            l.id.to_string(),
            render::name_of(&names, l.person_id),
            l.team.clone(),
            l.category.clone(),
            l.since.to_string(),
            render::date(l.archived_on),
        ]);
    }
    Ok(t.render())
}

fn check_ins(ctx: &Ctx, link: Option<i64>, person: Option<&str>) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let link = link.map(LinkId);
    if let Some(l) = link {
        customers::get_link(conn, l)?;
    }
    let person = person.map(|p| people::resolve(conn, p)).transpose()?;
    let list = customers::list_check_ins(conn, link, person.map(|p| p.id))?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(
            "No check-ins recorded; `coachlog customer check-in LINK_ID` records one.\n".into(),
        );
    }
    let names = people::names(conn)?;
    let links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: None,
            include_archived: true,
        },
    )?;
    let mut t = Table::new(vec![
        col("ID").right(),
        col("DATE"),
        col("LINK").right(),
        col("PERSON").max(24),
        col("TEAM").max(24),
        col("CATEGORY").max(24),
        col("EPIC"),
        col("NOTES").max(40),
    ]);
    for c in &list {
        let l = links.iter().find(|l| l.id == c.link_id);
        t.row([
            c.id.to_string(),
            c.date.to_string(),
            c.link_id.to_string(),
            l.map(|l| render::name_of(&names, l.person_id))
                .unwrap_or_default(),
            l.map(|l| l.team.clone()).unwrap_or_default(),
            l.map(|l| l.category.clone()).unwrap_or_default(),
            if c.epic_updated { "updated" } else { "" }.to_string(),
            render::summary(&c.notes),
        ]);
    }
    Ok(t.render())
}
