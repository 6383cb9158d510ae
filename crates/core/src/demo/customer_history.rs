//! Internal customers and their check-ins.

use chrono::NaiveDate;

use super::catalogue::TEAMS;
use super::days::{business_day, plus};
use super::rng::{Rng, Stream};
use super::text::{fill_in, CHECK_IN_BODIES, CHECK_IN_OPENERS};
use super::world::World;
use super::DemoReport;
use crate::error::Result;
use crate::model::{CheckInInput, CustomerLinkInput};
use crate::store::customers;

pub(super) fn internal_customers(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Customers, idx);
    let count = if p.link_count == 0 { 1 } else { p.link_count };
    // (team, category) of this person's links not archived yet.
    let mut active: Vec<(&'static str, &'static str)> = Vec::new();
    for slot in 0..count {
        let mut since = if p.since < w.start {
            p.since.max(plus(w.start, -rng.range(0, 120)))
        } else {
            plus(base, rng.range(3, 14))
        };
        let mut generation = 0usize;
        while since <= end {
            let category = p.categories[(slot + generation) % p.categories.len()];
            let preferred = p.teams.get(slot).copied().filter(|_| generation == 0);
            let mut team = preferred.unwrap_or_else(|| *rng.pick(TEAMS));
            let mut tries = 0;
            while active.contains(&(team, category)) && tries < TEAMS.len() {
                team =
                    TEAMS[(TEAMS.iter().position(|t| *t == team).unwrap_or(0) + 1) % TEAMS.len()];
                tries += 1;
            }
            let link = customers::insert_link(
                w.tx,
                &CustomerLinkInput {
                    person_id: pid,
                    team: team.to_string(),
                    category: category.to_string(),
                    since,
                },
            )?;
            report.records.customer_links += 1;
            active.push((team, category));

            let life_end = plus(since, rng.range(300, 1000));
            let archive = if life_end <= end {
                Some(life_end)
            } else {
                p.archived_on
            };
            // Check-ins happen before the link (or the person) goes, and
            // stop early on a lapsed link.
            let stop = archive.unwrap_or(plus(w.today, 1)).min(plus(end, 1));
            let lapsed =
                archive.is_none() && ((p.plant.lapsed_link && slot == 0) || rng.percent(4));
            let cutoff = if lapsed {
                plus(w.today, -rng.range(45, 60))
            } else {
                w.today
            };
            let mut d = business_day(plus(since.max(w.start), rng.range(3, 20)));
            while d < stop && d <= cutoff {
                let epic_updated = rng.percent(55);
                let mut vars = w.vars(idx, d, &mut rng);
                if let Some(v) = vars.iter_mut().find(|(k, _)| *k == "team") {
                    v.1 = team.to_string();
                }
                if let Some(v) = vars.iter_mut().find(|(k, _)| *k == "category") {
                    v.1 = category.to_string();
                }
                let epic = if epic_updated {
                    "Internal customer section of the category epic updated."
                } else {
                    "Epic not updated yet; notes are in the agenda doc."
                };
                let notes = format!(
                    "{} {}\n\n{}",
                    fill_in(rng.line(CHECK_IN_OPENERS), &vars),
                    fill_in(rng.line(CHECK_IN_BODIES), &vars),
                    epic
                );
                customers::insert_check_in(
                    w.tx,
                    &CheckInInput {
                        link_id: link.id,
                        date: d,
                        epic_updated,
                        notes,
                    },
                )?;
                report.records.check_ins += 1;
                let gap = if rng.percent(10) {
                    rng.range(36, 50)
                } else {
                    rng.range(21, 33)
                };
                d = business_day(plus(d, gap));
            }
            match archive {
                Some(a) => {
                    customers::archive_link(w.tx, link.id, a)?;
                    active.retain(|k| *k != (team, category));
                    if p.archived_on == Some(a) {
                        break;
                    }
                    since = a;
                    generation += 1;
                }
                None => break,
            }
        }
    }
    Ok(())
}
