//! `coachlog overview`: what a leader sees first.
//!
//! Facts only, built by the core's `overview::build`: the team with each
//! person's last held 1:1 and next 1:1 by cadence, open requests and actions
//! with their due dates, open requisitions and unshared wins, as of today.
//! What is overdue by the practice rules is `coachlog overdue`.

use coachlog_core::model::RaisedBy;
use coachlog_core::overview::{build, Overview};
use coachlog_core::Result;

use crate::context::Ctx;
use crate::render::{self, json};
use crate::table::{col, Table};

/// Runs `overview`.
pub fn run(ctx: &Ctx) -> Result<String> {
    let db = ctx.read()?;
    let o = build(db.conn(), ctx.today)?;
    if ctx.json {
        return json(&o);
    }
    Ok(text(&o))
}

fn text(o: &Overview) -> String {
    let mut out = format!("Coachlog overview for {}\n", o.today);

    let team = Table::of(
        vec![
            col("NAME").max(28),
            col("LEVEL"),
            col("SCOPE").max(40),
            col("LAST 1:1"),
            col("DAYS").right(),
            col("NEXT 1:1"),
            col("OPEN").right(),
            col("TRACKED"),
        ],
        &o.people,
        |m| {
            [
                m.person.name.clone(),
                m.person.level.label().to_string(),
                render::scope(&m.person.scope),
                m.last_held
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "never".into()),
                m.days_since_last.map(|d| d.to_string()).unwrap_or_default(),
                m.next_due.to_string(),
                m.open_items.to_string(),
                if m.person.tracked { "yes" } else { "no" }.to_string(),
            ]
        },
    );
    out.push_str(&team.section(
        &format!("Team ({})", o.people.len()),
        Some(
            "No one on your team yet; add someone with `coachlog person add NAME` or try \
             `coachlog demo`.",
        ),
    ));

    for (title, items) in [
        ("Open requests (HELP)", &o.requests),
        ("Actions (TODO, DOTO)", &o.actions),
    ] {
        let t = Table::of(
            vec![
                col("ID").right(),
                col("DUE"),
                col("PERSON").max(24),
                col("TAG"),
                col("OWNER"),
                col("TEXT").max(50),
                col("TIMING"),
                col("OPENED"),
            ],
            items,
            |i| {
                let owner = match i.owner {
                    RaisedBy::Leader => "you".to_string(),
                    RaisedBy::Person => i.person.clone(),
                };
                [
                    i.item.id.to_string(),
                    render::date(i.due),
                    i.person.clone(),
                    i.item.open_tag.label().to_string(),
                    owner,
                    i.item.text.clone(),
                    i.item.timing.map(|t| t.to_string()).unwrap_or_default(),
                    i.item.opened_on.to_string(),
                ]
            },
        );
        out.push_str(&t.section(&format!("{title} ({})", items.len()), Some("None.")));
    }

    let requisitions = Table::of(
        vec![
            col("ID").right(),
            col("TITLE").max(36),
            col("LEVEL"),
            col("OPENED"),
            col("DAYS").right(),
            col("LOOP").right(),
            col("PEER"),
            col("INTERVIEWS").right(),
            col("LAST INTERVIEW"),
        ],
        &o.open_requisitions,
        |r| {
            [
                r.requisition.id.to_string(),
                r.requisition.title.clone(),
                r.requisition.level.label().to_string(),
                r.requisition.opened_on.to_string(),
                r.days_open.to_string(),
                r.loop_members.to_string(),
                if r.has_peer { "yes" } else { "no" }.to_string(),
                r.interviews.to_string(),
                render::date(r.last_interview),
            ]
        },
    );
    out.push_str(&requisitions.section(
        &format!("Open requisitions ({})", o.open_requisitions.len()),
        Some("None."),
    ));

    let wins = Table::of(
        vec![
            col("ID").right(),
            col("NOTED"),
            col("DAYS").right(),
            col("PERSON").max(24),
            col("TEXT").max(60),
        ],
        &o.unshared_wins,
        |w| {
            [
                w.win.id.to_string(),
                w.win.noted_on.to_string(),
                w.days_since_noted.to_string(),
                w.person.clone(),
                w.win.text.clone(),
            ]
        },
    );
    out.push_str(&wins.section(
        &format!("Unshared wins ({})", o.unshared_wins.len()),
        Some("None."),
    ));

    out.push_str(&super::milestone::table(&o.milestones).section(
        &format!(
            "Milestones in the next {} days ({})",
            coachlog_core::overview::MILESTONE_DAYS,
            o.milestones.len()
        ),
        Some("None; `coachlog milestone add TITLE --date D` adds one."),
    ));

    let c = &o.counts;
    out.push_str(&format!(
        "\n{} ({} tracked), {} open on agendas ({}, {}), {}, {}.\n",
        render::count(c.people, "person", "people"),
        c.tracked,
        render::count(c.open_items, "item", "items"),
        render::count(c.open_requests, "request", "requests"),
        render::count(c.open_actions, "action", "actions"),
        render::count(c.open_requisitions, "open requisition", "open requisitions"),
        render::count(c.unshared_wins, "unshared win", "unshared wins"),
    ));
    out
}
