//! Rules 7 and 8 over product walkthroughs: `walkthrough` (at least one a
//! month) and `stage_walkthrough` (every stage on the team, every
//! `stage_walkthrough_every_days`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{last_or_none, when, Items, Raised, Review, Rule};
use crate::calendar::Month;
use crate::model::Walkthrough;
use crate::practice::{base_start, next_due};
use crate::validate;

/// The walkthroughs dated on or before the day.
fn dated<'a>(r: &'a Review<'_>) -> impl Iterator<Item = &'a Walkthrough> + 'a {
    r.records.walkthroughs.iter().filter(|w| w.date <= r.as_of)
}

/// Rule 7: per calendar month whose first day is on or after
/// `tracking_since`, up to the month of the horizon, with no walkthrough
/// dated in it: `due = the month's last day`.
pub(super) fn walkthrough(r: &Review<'_>, out: &mut Items) {
    let mut m = Month::of(r.settings.tracking_since);
    if m.first_day() < r.settings.tracking_since {
        m = m.next();
    }
    let last_month = Month::of(r.horizon());
    while m <= last_month {
        let month = m;
        if !dated(r).any(|w| month.contains(w.date)) {
            let raised = Raised {
                rule: Rule::Walkthrough,
                key: format!("walkthrough:{month}"),
                person: None,
                owner: None,
                subject: format!("Product walkthrough for {month}"),
                period: Some(month.to_string()),
                due: month.last_day(),
                record_id: None,
            };
            out.push(raised, |due, days| {
                format!(
                    "No product walkthrough in {month} yet; {} (due {due}).",
                    when(days)
                )
            });
        }
        m = m.next();
    }
}

/// Rule 8: per stage in the scope of a followed person, `due = max(last
/// walkthrough covering it, stage start) + stage_walkthrough_every_days`,
/// where the stage starts at the earliest `base_start` of those people.
pub(super) fn stage(r: &Review<'_>, out: &mut Items) {
    // By key (trimmed, lower-cased): the name as first written, and its start.
    let mut stages: BTreeMap<String, (String, NaiveDate)> = BTreeMap::new();
    for &p in &r.followed {
        let start = base_start(p, r.settings);
        for stage in &p.scope.stages {
            stages
                .entry(validate::key(stage))
                .and_modify(|e| e.1 = e.1.min(start))
                .or_insert((stage.trim().to_string(), start));
        }
    }
    for (key, (name, start)) in &stages {
        let last = dated(r)
            .filter(|w| w.stages.iter().any(|s| validate::key(s) == *key))
            .map(|w| w.date)
            .max();
        let due = next_due(last, *start, r.settings.stage_walkthrough_every_days);
        let raised = Raised {
            rule: Rule::StageWalkthrough,
            key: format!("stage_walkthrough:{key}:{}", r.floor(due)),
            person: None,
            owner: None,
            subject: name.clone(),
            period: None,
            due,
            record_id: None,
        };
        out.push(raised, |due, days| {
            format!(
                "A walkthrough of the {name} stage is {} ({}; due {due}).",
                when(days),
                last_or_none(last)
            )
        });
    }
}
