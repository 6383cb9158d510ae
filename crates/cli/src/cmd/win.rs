//! `coachlog win …`: PMs' wins and sharing them with senior leadership.

use chrono::NaiveDate;
use clap::Subcommand;
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{Win, WinId, WinInput};
use coachlog_core::store::{people, wins};
use coachlog_core::Result;

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::Ctx;
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog win …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Note a PM's win.
    Add {
        /// Whose win (name, part of it, or id).
        person: String,
        /// What happened.
        text: String,
        /// The day it was noted [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        noted: Option<NaiveDate>,
    },
    /// Change a win (only the options given change).
    Edit {
        /// The win's id.
        id: i64,
        /// Move it to another PM.
        #[arg(long)]
        person: Option<String>,
        /// New text.
        #[arg(long)]
        text: Option<String>,
        /// New date noted.
        #[arg(long, value_name = "DATE", value_parser = date)]
        noted: Option<NaiveDate>,
    },
    /// Record that a win was shared with senior leadership.
    Share {
        /// The win's id.
        id: i64,
        /// The day it was shared [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
        /// Where, e.g. "#product-leadership" or "staff meeting".
        #[arg(long = "where", value_name = "TEXT")]
        place: Option<String>,
    },
    /// Clear a win's sharing date.
    Unshare {
        /// The win's id.
        id: i64,
    },
    /// List wins, newest first.
    List {
        /// Only this PM's (name, part of it, or id).
        person: Option<String>,
        /// Only wins not shared yet.
        #[arg(long)]
        unshared: bool,
    },
    /// Move a win to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// Runs a `win` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::Win, id),
        Cmd::Add {
            person,
            text,
            noted,
        } => {
            let mut db = ctx.write()?;
            let p = people::resolve(db.conn(), &person)?;
            let input = WinInput {
                person_id: p.id,
                noted_on: noted.unwrap_or(ctx.today),
                text,
            };
            let w = db.write(|tx| wins::insert(tx, &input))?;
            written(ctx, &w, format!("Noted win #{} for {}.", w.id, p.name))
        }
        Cmd::Edit {
            id,
            person,
            text,
            noted,
        } => {
            if person.is_none() && text.is_none() && noted.is_none() {
                return Err(nothing_to_change("win edit"));
            }
            let mut db = ctx.write()?;
            let id = WinId(id);
            let before = wins::get(db.conn(), id)?;
            let input = WinInput {
                person_id: match &person {
                    Some(p) => people::resolve(db.conn(), p)?.id,
                    None => before.person_id,
                },
                noted_on: noted.unwrap_or(before.noted_on),
                text: text.unwrap_or(before.text),
            };
            let w = db.write(|tx| wins::update(tx, id, &input))?;
            written(ctx, &w, format!("Updated win #{}.", w.id))
        }
        Cmd::Share { id, on, place } => {
            let mut db = ctx.write()?;
            let on = on.unwrap_or(ctx.today);
            let w = db.write(|tx| wins::share(tx, WinId(id), on, place.as_deref()))?;
            let place = w
                .shared_where
                .as_deref()
                .map(|p| format!(" in {p}"))
                .unwrap_or_default();
            written(ctx, &w, format!("Shared win #{} on {on}{place}.", w.id))
        }
        Cmd::Unshare { id } => {
            let mut db = ctx.write()?;
            let w = db.write(|tx| wins::unshare(tx, WinId(id)))?;
            written(ctx, &w, format!("Win #{} is unshared again.", w.id))
        }
        Cmd::List { person, unshared } => {
            let db = ctx.read()?;
            let conn = db.conn();
            let person = person
                .as_deref()
                .map(|p| people::resolve(conn, p))
                .transpose()?;
            let list = wins::list(
                conn,
                wins::Filter {
                    person: person.map(|p| p.id),
                    unshared_only: unshared,
                },
            )?;
            if ctx.json {
                return json(&list);
            }
            if list.is_empty() {
                return Ok(if unshared {
                    "No unshared wins.\n".into()
                } else {
                    "No wins noted yet; `coachlog win add PERSON TEXT` notes one.\n".into()
                });
            }
            let names = people::names(conn)?;
            let mut t = Table::new(vec![
                col("ID").right(),
                col("NOTED"),
                col("PERSON").max(24),
                col("TEXT").max(50),
                col("SHARED"),
                col("WHERE").max(30),
            ]);
            for w in &list {
                t.row([
                    w.id.to_string(),
                    w.noted_on.to_string(),
                    render::name_of(&names, w.person_id),
                    w.text.clone(),
                    render::date(w.shared_on),
                    w.shared_where.clone().unwrap_or_default(),
                ]);
            }
            Ok(t.render())
        }
    }
}

fn written(ctx: &Ctx, w: &Win, line: String) -> Result<String> {
    if ctx.json {
        json(w)
    } else {
        Ok(line + "\n")
    }
}
