//! The leader's monthly product walkthroughs.

use chrono::NaiveDate;

use super::days::{business_day, days_between, plus};
use super::rng::{Rng, Stream};
use super::team::categories_of;
use super::text::{fill_in, FOLLOW_UPS, FRICTION, JOURNEYS, WORKED};
use super::world::World;
use super::DemoReport;
use crate::calendar::Month;
use crate::error::Result;
use crate::model::WalkthroughInput;
use crate::store::walkthroughs;

/// The stages of the tracked people active on `d`, sorted.
pub(super) fn team_stages(w: &World<'_>, d: NaiveDate) -> Vec<&'static str> {
    let mut stages: Vec<&'static str> = w
        .team
        .iter()
        .filter(|p| p.tracked && p.active_on(d))
        .map(|p| p.stage)
        .collect();
    stages.sort_unstable();
    stages.dedup();
    stages
}

pub(super) fn walkthrough_history(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let mut rng = Rng::new(w.seed, Stream::Walkthroughs, 0);
    let mut rotation = 0usize;
    let last = Month::of(w.today);
    let mut m = Month::of(w.start);
    while m <= last {
        let lo = m.first_day().max(w.start);
        let hi = m.last_day().min(w.today);
        let mut stages = team_stages(w, lo);
        if stages.is_empty() {
            stages.push(w.team[0].stage);
        }
        let per_month = 1 + stages.len() / 6;
        let mut previous = lo;
        for k in 0..per_month {
            let mut day = plus(m.first_day(), 8 + 7 * k as i64 + rng.range(0, 6));
            if day < lo {
                day = plus(lo, rng.range(0, days_between(lo, hi).min(6)));
            }
            let day = business_day(day.max(previous));
            if day > hi {
                break;
            }
            previous = plus(day, 1);
            let s1 = stages[rotation % stages.len()];
            let s2 = stages[(rotation + 1) % stages.len()];
            rotation += 2;
            let mut covered = vec![s1];
            if s2 != s1 {
                covered.push(s2);
            }
            let cat_of = |stage: &str, rng: &mut Rng| -> &'static str {
                let cats = categories_of(stage, &[]);
                cats[rng.below(cats.len())]
            };
            let c1 = cat_of(s1, &mut rng);
            let mut c2 = cat_of(s2, &mut rng);
            if c2 == c1 {
                c2 = categories_of(s2, &[])
                    .into_iter()
                    .find(|c| *c != c1)
                    .unwrap_or(c1);
            }
            let mut categories = vec![c1.to_string()];
            if c2 != c1 {
                categories.push(c2.to_string());
            }
            let vars: Vec<(&'static str, String)> = vec![
                ("cat1", c1.to_string()),
                ("cat2", c2.to_string()),
                ("stage1", s1.to_string()),
                ("stage2", s2.to_string()),
            ];
            let journey = rng.pick(JOURNEYS);
            let i1 = rng.below(FRICTION.len());
            let i2 = (i1 + 1 + rng.below(FRICTION.len() - 1)) % FRICTION.len();
            let (f1, f2) = (FRICTION[i1], FRICTION[i2]);
            let findings = format!(
                "## Summary\nWalked through {journey} as a new user on a Premium trial, across {}.\n\n\
                 ## What worked\n- {}\n\n\
                 ## Friction\n- **{c1}** ({s1}): {f1}\n- **{c2}** ({s2}): {f2}\n\n\
                 ## Follow-ups\n- [ ] {}\n- [ ] {}\n- [ ] Share the recording in #product",
                covered.join(" and "),
                fill_in(rng.line(WORKED), &vars),
                fill_in(FOLLOW_UPS[rng.below(2)], &vars),
                fill_in(FOLLOW_UPS[2 + rng.below(2)], &vars),
            );
            let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(day), day).max(0);
            walkthroughs::insert(
                w.tx,
                &WalkthroughInput {
                    date: day,
                    title: format!("Product walk-through: {journey}"),
                    stages: covered.iter().map(|s| s.to_string()).collect(),
                    categories,
                    findings,
                    issue_link: Some(format!(
                        "https://gitlab.com/gitlab-com/Product/-/issues/{}",
                        5_000 + days * 3 + rng.range(0, 2)
                    )),
                },
            )?;
            report.records.walkthroughs += 1;
        }
        m = m.next();
    }
    Ok(())
}
