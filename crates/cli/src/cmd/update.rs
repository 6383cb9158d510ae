//! `coachlog update …`: accountability updates and portfolio direction.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::calendar::Period;
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{Objective, Update, UpdateId, UpdateInput, UpdateKind, UpdateStatus};
use coachlog_core::store::{people, updates};
use coachlog_core::{okrs, Db, Result};

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::{read_text, Ctx};
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog update …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Record a PM's update, or your portfolio direction (no person).
    Add(AddArgs),
    /// Change an update (only the options given change).
    Edit(EditArgs),
    /// Mark an update done.
    Done {
        /// The update's id.
        id: i64,
        /// The day it was done [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
        /// The MR or issue URL.
        #[arg(long, value_name = "URL")]
        link: Option<String>,
    },
    /// List updates, newest period first.
    List {
        /// Only this PM's (name, part of it, or id).
        #[arg(conflicts_with = "leader")]
        person: Option<String>,
        /// Only your own (portfolio direction).
        #[arg(long)]
        leader: bool,
        /// Only this period: a month (2026-05) or a fiscal quarter (FY27-Q1).
        #[arg(long)]
        period: Option<Period>,
        /// Only this kind.
        #[arg(long)]
        kind: Option<UpdateKind>,
    },
    /// Show an update, with an OKR update's objectives and key results.
    Show {
        /// The update's id.
        id: i64,
        /// Print only the objectives, in the outline format `--objectives` reads.
        #[arg(long)]
        outline: bool,
    },
    /// Move an update to the Trash (`coachlog trash restore` brings it back).
    Delete {
        /// Its id.
        id: i64,
    },
}

/// `coachlog update add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The PM (name, part of it, or id); leave out for portfolio direction.
    pub person: Option<String>,
    /// next_release, three_month_vision, okrs or portfolio_direction.
    #[arg(long)]
    pub kind: UpdateKind,
    /// A month (2026-05), or a fiscal quarter for OKRs (FY27-Q1).
    #[arg(long)]
    pub period: Period,
    /// not_started, in_review or done [default: done with --done-on, else not_started].
    #[arg(long)]
    pub status: Option<UpdateStatus>,
    /// The day it was done.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub done_on: Option<NaiveDate>,
    /// The MR or issue URL.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// An OKR update's objectives and key results, from a file in the outline
    /// format (- for standard input; see `docs/cli.md`).
    #[arg(long, value_name = "FILE")]
    pub objectives: Option<PathBuf>,
}

/// `coachlog update edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The update's id.
    pub id: i64,
    /// Give it to this PM.
    #[arg(long, conflicts_with = "leader")]
    pub person: Option<String>,
    /// Make it yours (portfolio direction).
    #[arg(long)]
    pub leader: bool,
    /// New kind.
    #[arg(long)]
    pub kind: Option<UpdateKind>,
    /// New period.
    #[arg(long)]
    pub period: Option<Period>,
    /// New status (a status other than done clears the done date).
    #[arg(long)]
    pub status: Option<UpdateStatus>,
    /// New done date (marks it done).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub done_on: Option<NaiveDate>,
    /// New link.
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Remove the link.
    #[arg(long, conflicts_with = "link")]
    pub no_link: bool,
    /// Replace the objectives and key results with a file's outline (- for
    /// standard input).
    #[arg(long, value_name = "FILE")]
    pub objectives: Option<PathBuf>,
    /// Remove the objectives and key results.
    #[arg(long, conflicts_with = "objectives")]
    pub no_objectives: bool,
}

/// Runs an `update` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::Update, id),
        Cmd::Add(a) => add(ctx, a),
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::Done { id, on, link } => {
            let mut db = ctx.write()?;
            let on = on.unwrap_or(ctx.today);
            let u = db.write(|tx| updates::mark_done(tx, UpdateId(id), on, link.as_deref()))?;
            let line = format!(
                "Marked update #{} ({}) done on {on}.",
                u.id,
                describe(&db, &u)?
            );
            written(ctx, &u, line)
        }
        Cmd::List {
            person,
            leader,
            period,
            kind,
        } => list(ctx, person.as_deref(), leader, period, kind),
        Cmd::Show { id, outline } => show(ctx, UpdateId(id), outline),
    }
}

/// The objectives of the outline in `file` (- for standard input).
fn objectives_from(file: &Path) -> Result<Vec<Objective>> {
    let text = read_text(None, Some(file))?.unwrap_or_default();
    okrs::parse(&text)
}

/// ", 2 objectives, 5 key results" (nothing without objectives).
fn okr_counts(u: &Update) -> String {
    if u.objectives.is_empty() {
        return String::new();
    }
    let krs: usize = u.objectives.iter().map(|o| o.key_results.len()).sum();
    format!(
        ", {}, {}",
        render::count(u.objectives.len(), "objective", "objectives"),
        render::count(krs, "key result", "key results")
    )
}

fn written(ctx: &Ctx, u: &Update, line: String) -> Result<String> {
    if ctx.json {
        json(u)
    } else {
        Ok(line + "\n")
    }
}

/// `Priya Raman's next release update for 2026-05`.
fn describe(db: &Db, u: &Update) -> Result<String> {
    let whose = match u.person_id {
        Some(p) => format!("{}'s", people::get(db.conn(), p)?.name),
        None => "your".to_string(),
    };
    Ok(format!(
        "{whose} {} for {}",
        u.kind.label().to_lowercase().replace("okrs", "OKRs"),
        u.period
    ))
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<String> {
    let objectives = a
        .objectives
        .as_deref()
        .map(objectives_from)
        .transpose()?
        .unwrap_or_default();
    let mut db = ctx.write()?;
    let person = a
        .person
        .as_deref()
        .map(|p| people::resolve(db.conn(), p))
        .transpose()?;
    let status = a.status.unwrap_or(if a.done_on.is_some() {
        UpdateStatus::Done
    } else {
        UpdateStatus::NotStarted
    });
    let input = UpdateInput {
        person_id: person.map(|p| p.id),
        kind: a.kind,
        period: a.period,
        status,
        done_on: a.done_on,
        link: a.link,
        objectives,
    };
    let u = db.write(|tx| updates::insert(tx, &input))?;
    let line = format!(
        "Added update #{}: {} ({}{}).",
        u.id,
        describe(&db, &u)?,
        u.status.label().to_lowercase(),
        okr_counts(&u)
    );
    written(ctx, &u, line)
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    if a.person.is_none()
        && !a.leader
        && a.kind.is_none()
        && a.period.is_none()
        && a.status.is_none()
        && a.done_on.is_none()
        && a.link.is_none()
        && !a.no_link
        && a.objectives.is_none()
        && !a.no_objectives
    {
        return Err(nothing_to_change("update edit"));
    }
    let objectives = a.objectives.as_deref().map(objectives_from).transpose()?;
    let mut db = ctx.write()?;
    let id = UpdateId(a.id);
    let before = updates::get(db.conn(), id)?;
    let mut input = UpdateInput {
        person_id: before.person_id,
        kind: before.kind,
        period: before.period,
        status: before.status,
        done_on: before.done_on,
        link: before.link,
        objectives: before.objectives,
    };
    if let Some(p) = &a.person {
        input.person_id = Some(people::resolve(db.conn(), p)?.id);
    }
    if a.leader {
        input.person_id = None;
    }
    if let Some(k) = a.kind {
        input.kind = k;
    }
    if let Some(p) = a.period {
        input.period = p;
    }
    if let Some(d) = a.done_on {
        input.done_on = Some(d);
        input.status = UpdateStatus::Done;
    }
    if let Some(s) = a.status {
        input.status = s;
        if s != UpdateStatus::Done {
            input.done_on = None;
        }
    }
    if a.no_link {
        input.link = None;
    } else if a.link.is_some() {
        input.link = a.link;
    }
    if a.no_objectives {
        input.objectives.clear();
    } else if let Some(o) = objectives {
        input.objectives = o;
    }
    let u = db.write(|tx| updates::update(tx, id, &input))?;
    let line = format!(
        "Changed update #{}: {}{}.",
        u.id,
        describe(&db, &u)?,
        okr_counts(&u)
    );
    written(ctx, &u, line)
}

fn list(
    ctx: &Ctx,
    person: Option<&str>,
    leader: bool,
    period: Option<Period>,
    kind: Option<UpdateKind>,
) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let who = match (person, leader) {
        (Some(p), _) => Some(Some(people::resolve(conn, p)?.id)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let list = updates::list(
        conn,
        updates::Filter {
            person: who,
            kind,
            period,
        },
    )?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(
            "No updates recorded; `coachlog update add PERSON --kind K --period P` adds one.\n"
                .into(),
        );
    }
    let names = people::names(conn)?;
    let mut columns = vec![
        col("ID").right(),
        col("PERSON").max(24),
        col("KIND"),
        col("PERIOD"),
        col("STATUS"),
        col("DONE"),
        col("LINK").max(60),
    ];
    // OKR content, when any update listed has some.
    let with_okrs = list.iter().any(|u| !u.objectives.is_empty());
    if with_okrs {
        columns.push(col("OBJECTIVES"));
    }
    let mut t = Table::new(columns);
    for u in &list {
        let krs: usize = u.objectives.iter().map(|o| o.key_results.len()).sum();
        t.row([
            u.id.to_string(),
            u.person_id
                .map(|p| render::name_of(&names, p))
                .unwrap_or_else(|| "(you)".into()),
            u.kind.as_str().to_string(),
            u.period.to_string(),
            u.status.as_str().to_string(),
            render::date(u.done_on),
            u.link.clone().unwrap_or_default(),
            if u.objectives.is_empty() {
                String::new()
            } else {
                format!("{} ({krs} KRs)", u.objectives.len())
            },
        ]);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, id: UpdateId, outline: bool) -> Result<String> {
    let db = ctx.read()?;
    let u = updates::get(db.conn(), id)?;
    if ctx.json {
        return json(&u);
    }
    if outline {
        return Ok(okrs::outline(&u.objectives));
    }
    let mut out = format!("Update #{}: {}\n", u.id, describe(&db, &u)?);
    out.push_str(&render::fields(&[
        ("Status", u.status.label().to_string()),
        ("Done", render::or_dash(&render::date(u.done_on))),
        ("Link", render::or_dash(u.link.as_deref().unwrap_or(""))),
    ]));
    if u.kind == UpdateKind::Okrs {
        if u.objectives.is_empty() {
            out.push_str(&format!(
                "\nNo objectives recorded; `coachlog update edit {} --objectives FILE` adds them.\n",
                u.id
            ));
        } else {
            out.push_str("\nObjectives and key results:\n\n");
            out.push_str(&okrs::outline(&u.objectives));
        }
    }
    Ok(out)
}
