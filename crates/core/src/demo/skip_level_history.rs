//! Skip-level 1:1s: the leader meets each report of their managers every six
//! to ten weeks (the handbook: "at least quarterly"); where the plant says
//! so, the last one was over a quarter ago and its follow-up was cancelled.

use chrono::NaiveDate;

use super::days::{on_or_after_weekday, plus};
use super::rng::{Rng, Stream};
use super::text::{fill_in, SKIP_LEVEL_BODIES, SKIP_LEVEL_CANCELLED, SKIP_LEVEL_OPENERS};
use super::world::World;
use super::DemoReport;
use crate::error::Result;
use crate::model::{OneOnOneInput, OneOnOneStatus};
use crate::store::{one_on_ones, people};

pub(super) fn skip_level_history(w: &World<'_>, idx: usize, report: &mut DemoReport) -> Result<()> {
    let p = &w.team[idx];
    if let Some((base, end)) = w.window(p) {
        let mut rng = Rng::new(w.seed, Stream::SkipLevels, idx);
        let mut meetings: Vec<(NaiveDate, OneOnOneStatus)> = Vec::new();
        // The plant: none held in the last hundred days or so.
        let latest = if p.plant.overdue_skip_level {
            end.min(plus(w.today, -rng.range(100, 112)))
        } else {
            end
        };
        let mut day = on_or_after_weekday(
            plus(base, rng.range(5, 30)).min(latest).max(base),
            p.weekday,
        );
        // The first is held even when the plant's limit falls before it.
        while day <= end && (meetings.is_empty() || day <= latest) {
            meetings.push((day, OneOnOneStatus::Held));
            day = on_or_after_weekday(plus(day, rng.range(42, 70)), p.weekday);
        }
        if p.plant.overdue_skip_level {
            let rebooked = on_or_after_weekday(plus(w.today, -rng.range(12, 18)), p.weekday);
            let after = meetings.last().map_or(base, |(d, _)| plus(*d, 1));
            if rebooked >= after && rebooked <= end {
                meetings.push((rebooked, OneOnOneStatus::Cancelled));
            }
        }
        let mut last_body = usize::MAX;
        for (date, status) in meetings {
            let vars = w.vars(idx, date, &mut rng);
            let (notes, tags) = if status == OneOnOneStatus::Held {
                let mut body = rng.below(SKIP_LEVEL_BODIES.len());
                if body == last_body {
                    body = (body + 1) % SKIP_LEVEL_BODIES.len();
                }
                last_body = body;
                let (tag, text) = SKIP_LEVEL_BODIES[body];
                let notes = format!(
                    "{}\n\n{}",
                    fill_in(rng.line(SKIP_LEVEL_OPENERS), &vars),
                    fill_in(text, &vars)
                );
                (notes, vec!["skip-level".to_string(), tag.to_string()])
            } else {
                (fill_in(rng.line(SKIP_LEVEL_CANCELLED), &vars), Vec::new())
            };
            one_on_ones::insert(
                w.tx,
                &OneOnOneInput {
                    person_id: w.ids[idx],
                    date,
                    status,
                    notes,
                    tags,
                },
            )?;
            report.records.one_on_ones += 1;
        }
    }
    if let Some(a) = p.archived_on {
        people::archive(w.tx, w.ids[idx], a)?;
    }
    Ok(())
}
