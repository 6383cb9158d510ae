//! `coachlog hiring …`: requisitions, interview loops and interviews.

use std::collections::HashMap;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{
    Interview, InterviewId, InterviewInput, Level, LoopMember, LoopMemberInput, Participant,
    PersonId, Requisition, RequisitionId, RequisitionInput, RequisitionStatus,
};
use coachlog_core::store::{hiring, people};
use coachlog_core::{Error, Result};
use serde::Serialize;

use crate::args::date;
use crate::cmd::person::nothing_to_change;
use crate::context::Ctx;
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog hiring …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Open a requisition.
    Open {
        /// The role's title.
        title: String,
        /// The role's level: ic, manager, director, senior_leader, executive.
        #[arg(long)]
        level: Level,
        /// The day it opened [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        opened: Option<NaiveDate>,
    },
    /// Change a requisition's title, level or opening date.
    Edit {
        /// The requisition's id.
        id: i64,
        /// New title.
        #[arg(long)]
        title: Option<String>,
        /// New level.
        #[arg(long)]
        level: Option<Level>,
        /// New opening date.
        #[arg(long, value_name = "DATE", value_parser = date)]
        opened: Option<NaiveDate>,
    },
    /// Close a requisition as filled or cancelled.
    Close {
        /// The requisition's id.
        id: i64,
        /// filled or cancelled.
        status: RequisitionStatus,
        /// The day it closed [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
    },
    /// Reopen a closed requisition.
    Reopen {
        /// The requisition's id.
        id: i64,
    },
    /// List requisitions (open ones unless --all).
    List {
        /// Include filled and cancelled ones.
        #[arg(long)]
        all: bool,
    },
    /// Show a requisition with its loop and interviews.
    Show {
        /// The requisition's id.
        id: i64,
    },
    /// Manage a requisition's interview loop.
    #[command(subcommand)]
    Loop(LoopCmd),
    /// Record an interview.
    Interview(InterviewArgs),
    /// Change an interview: its day, candidate or interviewers.
    InterviewEdit(InterviewEditArgs),
    /// Move an interview to the Trash (`coachlog trash restore` brings it back).
    InterviewDelete {
        /// The interview's id.
        id: i64,
    },
    /// Move a requisition, its loop and its interviews to the Trash
    /// (`coachlog trash restore` brings them back).
    Delete {
        /// The requisition's id.
        id: i64,
    },
    /// List interviews, newest first.
    Interviews {
        /// Only this requisition's.
        requisition: Option<i64>,
    },
}

/// `coachlog hiring loop …`
#[derive(Debug, Subcommand)]
pub enum LoopCmd {
    /// Add someone to the loop: a person of your team or a free name.
    Add {
        /// The requisition's id.
        requisition: i64,
        /// A person of your team (name, part of it, or id).
        #[arg(long, required_unless_present = "name", conflicts_with = "name")]
        person: Option<String>,
        /// Someone outside your team, by name.
        #[arg(long)]
        name: Option<String>,
        /// Their role in the loop, e.g. "peer PM".
        #[arg(long)]
        role: Option<String>,
        /// They will work with the new hire.
        #[arg(long)]
        works_with_hire: bool,
    },
    /// Remove someone from a loop (to the Trash: `coachlog trash restore` brings them back).
    Remove {
        /// The loop member's id (`coachlog hiring loop list REQ` shows them).
        member: i64,
    },
    /// List a requisition's loop.
    List {
        /// The requisition's id.
        requisition: i64,
    },
}

/// `coachlog hiring interview`
#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// The requisition's id.
    pub requisition: i64,
    /// The candidate's name.
    #[arg(long)]
    pub candidate: String,
    /// The day of the interview [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// An interviewer: a person of your team (name or id) or anyone else's name (repeatable).
    #[arg(long = "interviewer", value_name = "PERSON_OR_NAME")]
    pub interviewers: Vec<String>,
}

/// `coachlog hiring interview-edit`
#[derive(Debug, Args)]
pub struct InterviewEditArgs {
    /// The interview's id (`coachlog hiring interviews` shows them).
    pub id: i64,
    /// New candidate name.
    #[arg(long)]
    pub candidate: Option<String>,
    /// New day.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub date: Option<NaiveDate>,
    /// Replace the interviewers: a person of your team (name or id) or anyone else's name (repeatable).
    #[arg(long = "interviewer", value_name = "PERSON_OR_NAME")]
    pub interviewers: Vec<String>,
    /// Remove every interviewer.
    #[arg(long, conflicts_with = "interviewers")]
    pub no_interviewers: bool,
}

/// What `hiring show --json` prints.
#[derive(Debug, Serialize)]
struct RequisitionView {
    requisition: Requisition,
    loop_members: Vec<LoopMember>,
    interviews: Vec<Interview>,
}

/// Runs a `hiring` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Open {
            title,
            level,
            opened,
        } => {
            let mut db = ctx.write()?;
            let input = RequisitionInput {
                title,
                level,
                opened_on: opened.unwrap_or(ctx.today),
            };
            let r = db.write(|tx| hiring::insert_requisition(tx, &input))?;
            written(
                ctx,
                &r,
                format!(
                    "Opened requisition #{}: {} ({}).",
                    r.id,
                    r.title,
                    r.level.label()
                ),
            )
        }
        Cmd::Edit {
            id,
            title,
            level,
            opened,
        } => {
            if title.is_none() && level.is_none() && opened.is_none() {
                return Err(nothing_to_change("hiring edit"));
            }
            let mut db = ctx.write()?;
            let id = RequisitionId(id);
            let before = hiring::get_requisition(db.conn(), id)?;
            let input = RequisitionInput {
                title: title.unwrap_or(before.title),
                level: level.unwrap_or(before.level),
                opened_on: opened.unwrap_or(before.opened_on),
            };
            let r = db.write(|tx| hiring::update_requisition(tx, id, &input))?;
            written(
                ctx,
                &r,
                format!("Updated requisition #{}: {}.", r.id, r.title),
            )
        }
        Cmd::Close { id, status, on } => {
            let mut db = ctx.write()?;
            let on = on.unwrap_or(ctx.today);
            let r = db.write(|tx| hiring::close_requisition(tx, RequisitionId(id), status, on))?;
            written(
                ctx,
                &r,
                format!(
                    "Closed requisition #{} ({}) as {} on {on}.",
                    r.id,
                    r.title,
                    r.status.as_str()
                ),
            )
        }
        Cmd::Reopen { id } => {
            let mut db = ctx.write()?;
            let r = db.write(|tx| hiring::reopen_requisition(tx, RequisitionId(id)))?;
            written(
                ctx,
                &r,
                format!("Reopened requisition #{} ({}).", r.id, r.title),
            )
        }
        Cmd::List { all } => list(ctx, all),
        Cmd::Show { id } => show(ctx, RequisitionId(id)),
        Cmd::Loop(c) => run_loop(ctx, c),
        Cmd::Interview(a) => interview(ctx, a),
        Cmd::InterviewEdit(a) => interview_edit(ctx, a),
        Cmd::InterviewDelete { id } => super::trash::delete(ctx, RecordKind::Interview, id),
        Cmd::Delete { id } => super::trash::delete(ctx, RecordKind::Requisition, id),
        Cmd::Interviews { requisition } => interviews(ctx, requisition.map(RequisitionId)),
    }
}

fn written(ctx: &Ctx, r: &Requisition, line: String) -> Result<String> {
    if ctx.json {
        json(r)
    } else {
        Ok(line + "\n")
    }
}

fn list(ctx: &Ctx, all: bool) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let list = hiring::list_requisitions(conn, all)?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(if all {
            "No requisitions yet; `coachlog hiring open TITLE --level L` opens one.\n".into()
        } else {
            "No open requisitions; `coachlog hiring list --all` includes closed ones.\n".into()
        });
    }
    let mut t = Table::new(vec![
        col("ID").right(),
        col("TITLE").max(40),
        col("LEVEL"),
        col("OPENED"),
        col("STATUS"),
        col("CLOSED"),
        col("LOOP").right(),
        col("INTERVIEWS").right(),
        col("LAST INTERVIEW"),
    ]);
    for r in &list {
        let members = hiring::list_loop(conn, r.id)?;
        let ivs = hiring::list_interviews(conn, Some(r.id))?;
        t.row([
            r.id.to_string(),
            r.title.clone(),
            r.level.label().to_string(),
            r.opened_on.to_string(),
            r.status.as_str().to_string(),
            render::date(r.closed_on),
            members.len().to_string(),
            ivs.len().to_string(),
            render::date(ivs.iter().map(|i| i.date).max()),
        ]);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, id: RequisitionId) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    let view = RequisitionView {
        requisition: hiring::get_requisition(conn, id)?,
        loop_members: hiring::list_loop(conn, id)?,
        interviews: hiring::list_interviews(conn, Some(id))?,
    };
    if ctx.json {
        return json(&view);
    }
    let r = &view.requisition;
    let names = people::names(conn)?;
    let mut out = format!("Requisition #{}: {}\n", r.id, r.title);
    let status = match r.closed_on {
        Some(d) => format!("{} on {d}", r.status.as_str()),
        None => r.status.as_str().to_string(),
    };
    out.push_str(&render::fields(&[
        ("Level", r.level.label().to_string()),
        ("Opened", r.opened_on.to_string()),
        ("Status", status),
    ]));
    out.push_str(&loop_table(&names, &view.loop_members).section(
        "Loop",
        Some("No one yet; `coachlog hiring loop add REQ --person P` adds someone."),
    ));
    out.push_str(
        &interview_table(&names, &view.interviews, false).section("Interviews", Some("None yet.")),
    );
    Ok(out)
}

fn loop_table(names: &HashMap<PersonId, String>, members: &[LoopMember]) -> Table {
    let mut t = Table::new(vec![
        col("ID").right(),
        col("MEMBER").max(30),
        col("ROLE").max(30),
        col("WORKS WITH HIRE"),
    ]);
    for m in members {
        t.row([
            m.id.to_string(),
            render::participant(names, &m.member),
            m.role.clone(),
            if m.works_with_hire { "yes" } else { "no" }.to_string(),
        ]);
    }
    t
}

fn interview_table(
    names: &HashMap<PersonId, String>,
    interviews: &[Interview],
    with_requisition: bool,
) -> Table {
    let mut columns = vec![col("ID").right(), col("DATE")];
    if with_requisition {
        columns.push(col("REQ").right());
    }
    columns.extend([col("CANDIDATE").max(30), col("INTERVIEWERS").max(60)]);
    let mut t = Table::new(columns);
    for i in interviews {
        let mut row = vec![i.id.to_string(), i.date.to_string()];
        if with_requisition {
            row.push(i.requisition_id.to_string());
        }
        row.push(i.candidate.clone());
        row.push(
            i.interviewers
                .iter()
                .map(|p| render::participant(names, p))
                .collect::<Vec<_>>()
                .join(", "),
        );
        t.row(row);
    }
    t
}

fn run_loop(ctx: &Ctx, cmd: LoopCmd) -> Result<String> {
    match cmd {
        LoopCmd::Add {
            requisition,
            person,
            name,
            role,
            works_with_hire,
        } => {
            let mut db = ctx.write()?;
            let member = match (person, name) {
                (Some(p), _) => Participant::Person(people::resolve(db.conn(), &p)?.id),
                (None, Some(n)) => Participant::Name(n),
                (None, None) => return Err(Error::invalid("Give --person or --name.")),
            };
            let input = LoopMemberInput {
                requisition_id: RequisitionId(requisition),
                member,
                role: role.unwrap_or_default(),
                works_with_hire,
            };
            let m = db.write(|tx| hiring::insert_loop_member(tx, &input))?;
            if ctx.json {
                return json(&m);
            }
            let names = people::names(db.conn())?;
            Ok(format!(
                "Added {} to the loop of requisition #{} (member {}{}).\n",
                render::participant(&names, &m.member),
                m.requisition_id,
                m.id,
                if m.works_with_hire {
                    ", works with the hire"
                } else {
                    ""
                }
            ))
        }
        LoopCmd::Remove { member } => super::trash::delete(ctx, RecordKind::LoopMember, member),
        LoopCmd::List { requisition } => {
            let db = ctx.read()?;
            let conn = db.conn();
            let id = RequisitionId(requisition);
            hiring::get_requisition(conn, id)?;
            let members = hiring::list_loop(conn, id)?;
            if ctx.json {
                return json(&members);
            }
            if members.is_empty() {
                return Ok(format!(
                    "No one in the loop of requisition #{id} yet; `coachlog hiring loop add {id} --person P` adds someone.\n"
                ));
            }
            Ok(loop_table(&people::names(conn)?, &members).render())
        }
    }
}

fn interview(ctx: &Ctx, a: InterviewArgs) -> Result<String> {
    let mut db = ctx.write()?;
    let interviewers = a
        .interviewers
        .iter()
        .map(|i| hiring::resolve_participant(db.conn(), i))
        .collect::<Result<Vec<_>>>()?;
    let input = InterviewInput {
        requisition_id: RequisitionId(a.requisition),
        date: a.date.unwrap_or(ctx.today),
        candidate: a.candidate,
        interviewers,
    };
    let i = db.write(|tx| hiring::insert_interview(tx, &input))?;
    if ctx.json {
        return json(&i);
    }
    Ok(format!(
        "Recorded interview #{} of {} for requisition #{} on {} ({}).\n",
        i.id,
        i.candidate,
        i.requisition_id,
        i.date,
        render::count(i.interviewers.len(), "interviewer", "interviewers")
    ))
}

fn interview_edit(ctx: &Ctx, a: InterviewEditArgs) -> Result<String> {
    if a.candidate.is_none() && a.date.is_none() && a.interviewers.is_empty() && !a.no_interviewers
    {
        return Err(nothing_to_change("hiring interview-edit"));
    }
    let mut db = ctx.write()?;
    let before = hiring::get_interview(db.conn(), InterviewId(a.id))?;
    let interviewers = if a.no_interviewers {
        Vec::new()
    } else if a.interviewers.is_empty() {
        before.interviewers.clone()
    } else {
        a.interviewers
            .iter()
            .map(|i| hiring::resolve_participant(db.conn(), i))
            .collect::<Result<Vec<_>>>()?
    };
    let input = InterviewInput {
        requisition_id: before.requisition_id,
        date: a.date.unwrap_or(before.date),
        candidate: a.candidate.unwrap_or(before.candidate),
        interviewers,
    };
    let i = db.write(|tx| hiring::update_interview(tx, before.id, &input))?;
    if ctx.json {
        return json(&i);
    }
    Ok(format!(
        "Changed interview #{}: {} on {} ({}).\n",
        i.id,
        i.candidate,
        i.date,
        render::count(i.interviewers.len(), "interviewer", "interviewers")
    ))
}

fn interviews(ctx: &Ctx, requisition: Option<RequisitionId>) -> Result<String> {
    let db = ctx.read()?;
    let conn = db.conn();
    if let Some(r) = requisition {
        hiring::get_requisition(conn, r)?;
    }
    let list = hiring::list_interviews(conn, requisition)?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok("No interviews recorded; `coachlog hiring interview REQ --candidate NAME` records one.\n".into());
    }
    Ok(interview_table(&people::names(conn)?, &list, requisition.is_none()).render())
}
