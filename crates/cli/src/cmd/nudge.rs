//! `coachlog overdue`, `snooze`, `dismiss`, `undo`: the overdue review; and
//! the views built on it, `coverage` and `releases`.
//!
//! The rules are the core's (`coachlog_core::nudges`); this module only picks
//! the day, prints the list and records what the leader did with a key.

use chrono::NaiveDate;
use clap::Args;
use coachlog_core::dashboard::{self, Status};
use coachlog_core::nudges::{self, Nudge};
use coachlog_core::store::nudge_state;
use coachlog_core::Result;

use crate::args::date;
use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog overdue`
#[derive(Debug, Args)]
pub struct OverdueArgs {
    /// Review the records as they stood at the end of this day [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_of: Option<NaiveDate>,
    /// Also list what falls due within the next three days.
    #[arg(long)]
    pub due_soon: bool,
}

/// `coachlog snooze`
#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// The nudge key, as `coachlog overdue` shows it.
    pub key: String,
    /// Hide it through this day; it shows again the day after.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub until: NaiveDate,
}

/// `coachlog dismiss` and `coachlog undo`
#[derive(Debug, Args)]
pub struct KeyArgs {
    /// The nudge key, as `coachlog overdue` shows it.
    pub key: String,
}

/// Runs `overdue`.
pub fn overdue(ctx: &Ctx, a: OverdueArgs) -> Result<String> {
    let db = ctx.read()?;
    let as_of = a.as_of.unwrap_or(ctx.today);
    let list = nudges::overdue(db.conn(), as_of, a.due_soon)?;
    if ctx.json {
        return json(&list);
    }
    Ok(text(&list, as_of, a.due_soon))
}

fn text(list: &[Nudge], as_of: NaiveDate, due_soon: bool) -> String {
    let overdue = list.iter().filter(|n| n.is_overdue()).count();
    let soon = list.len() - overdue;
    if list.is_empty() {
        return format!(
            "Nothing is overdue{} as of {as_of}.\n",
            if due_soon { " or due soon" } else { "" }
        );
    }
    let mut out = format!(
        "{} overdue{} as of {as_of}:\n",
        overdue,
        if due_soon {
            format!(", {soon} due soon")
        } else {
            String::new()
        }
    );
    let mut t = Table::new(vec![
        col("DAYS").right(),
        col("DUE"),
        col("RULE"),
        col("PERSON").max(22),
        col("WHAT").max(70),
        col("KEY"),
    ]);
    for n in list {
        t.row([
            n.overdue_days.to_string(),
            n.due.to_string(),
            n.rule.label().to_string(),
            n.person.clone().unwrap_or_default(),
            n.message.clone(),
            n.key.clone(),
        ]);
    }
    out.push_str(&t.render());
    out.push_str("\nHide one with `coachlog snooze KEY --until DATE` or `coachlog dismiss KEY`.\n");
    out
}

/// Runs `snooze`.
pub fn snooze(ctx: &Ctx, a: SnoozeArgs) -> Result<String> {
    let mut db = ctx.read()?;
    let state = db.write(|tx| nudge_state::snooze(tx, &a.key, a.until))?;
    if ctx.json {
        return json(&state);
    }
    Ok(format!(
        "Snoozed {} until {}; it shows again on {}.\n",
        state.key,
        a.until,
        a.until + chrono::Days::new(1)
    ))
}

/// Runs `dismiss`.
pub fn dismiss(ctx: &Ctx, a: KeyArgs) -> Result<String> {
    let mut db = ctx.read()?;
    let state = db.write(|tx| nudge_state::dismiss(tx, &a.key))?;
    if ctx.json {
        return json(&state);
    }
    Ok(format!(
        "Dismissed {}; `coachlog undo {}` brings it back.\n",
        state.key, state.key
    ))
}

/// Runs `undo`.
pub fn undo(ctx: &Ctx, a: KeyArgs) -> Result<String> {
    let mut db = ctx.read()?;
    db.write(|tx| nudge_state::undo(tx, &a.key))?;
    if ctx.json {
        return json(&serde_json::json!({ "key": a.key.trim(), "restored": true }));
    }
    Ok(format!(
        "{} is no longer snoozed or dismissed.\n",
        a.key.trim()
    ))
}

/// `coachlog releases`
#[derive(Debug, Args)]
pub struct ReleasesArgs {
    /// How many release days, from today's on.
    #[arg(
        long,
        default_value_t = 6,
        value_parser = clap::value_parser!(u32).range(1..=dashboard::RELEASES_MAX as i64)
    )]
    pub count: u32,
}

/// Runs `coverage`: the Team screen's grid as a table, its JSON as the app
/// reads it.
pub fn coverage(ctx: &Ctx) -> Result<String> {
    let db = ctx.read()?;
    let grid = dashboard::coverage(db.conn(), ctx.today)?;
    if ctx.json {
        return json(&grid);
    }
    let mut columns = vec![col("PM").max(28)];
    columns.extend(grid.practices.iter().map(|p| col(p.label())));
    let mut t = Table::new(columns);
    for row in &grid.rows {
        let mut cells = vec![row.name.clone()];
        cells.extend(row.cells.iter().map(|c| match c.status {
            Status::Overdue => format!("overdue {}", c.overdue),
            Status::DueSoon => format!("soon {}", c.due_soon),
            Status::OnTrack => "ok".to_string(),
            Status::NotApplicable => "—".to_string(),
        }));
        t.row(cells);
    }
    let mut out = t.section(
        &format!("Coverage on {} ({} PMs)", grid.as_of, grid.rows.len()),
        Some("No tracked PMs yet: add the PMs you coach with `coachlog person add`."),
    );
    if !grid.rows.is_empty() {
        out.push_str(
            "\nok: nothing overdue or due within three days; soon N: N due within three days; \
             overdue N: N overdue (snoozed ones count); —: nothing owed.\n",
        );
    }
    Ok(out)
}

/// Runs `releases`: the release calendar.
pub fn releases(ctx: &Ctx, a: ReleasesArgs) -> Result<String> {
    let db = ctx.read()?;
    let list = dashboard::releases(db.conn(), ctx.today, a.count as usize)?;
    if ctx.json {
        return json(&list);
    }
    let t = Table::of(
        vec![
            col("VERSION"),
            col("MONTH"),
            col("RELEASE DAY"),
            col("IN").right(),
        ],
        &list,
        |r| {
            [
                r.version.clone().unwrap_or_else(|| "—".into()),
                r.month.clone(),
                r.date.to_string(),
                format!("{} days", dashboard::days_until(ctx.today, r.date)),
            ]
        },
    );
    Ok(t.section("Next release days", None))
}
