//! Rule 1, `one_on_one`: a 1:1 is due by the person's cadence.

use super::{when, Items, Raised, Review, Rule};
use crate::practice::{base_start, cadence, next_due};

/// Per followed person: `due = max(last held 1:1, base_start) + cadence`.
pub(super) fn one_on_one(r: &Review<'_>, out: &mut Items) {
    for &p in &r.followed {
        let last = r
            .records
            .held
            .get(&p.id)
            .and_then(|dates| dates.iter().rev().find(|d| **d <= r.as_of))
            .copied();
        let every = cadence(p, r.settings);
        let due = next_due(last, base_start(p, r.settings), every);
        let item = Raised {
            rule: Rule::OneOnOne,
            key: format!("one_on_one:{}:{}", p.id, r.floor(due)),
            person: Some(p),
            owner: None,
            subject: format!("1:1 with {}", p.name),
            period: None,
            due,
            record_id: None,
        };
        out.push(item, |due, days| match last {
            Some(l) => format!(
                "1:1 with {} is {} (last held {l}, every {every} days; due {due}).",
                p.name,
                when(days)
            ),
            None => format!(
                "1:1 with {} is {} (none held yet; due {due}).",
                p.name,
                when(days)
            ),
        });
    }
}
