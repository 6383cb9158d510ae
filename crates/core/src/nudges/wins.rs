//! Rule 11, `win_unshared`: a PM's win is raised to senior leadership.

use super::{when, Items, Raised, Review, Rule};
use crate::practice::{open_on, plus};

/// Per win of a followed person not shared by the day: `due = noted +
/// win_share_days`.
pub(super) fn unshared(r: &Review<'_>, out: &mut Items) {
    for w in &r.records.wins {
        let Some(p) = r.followed(w.person_id) else {
            continue;
        };
        if !open_on(w.noted_on, w.shared_on, r.as_of) {
            continue;
        }
        let raised = Raised {
            rule: Rule::WinUnshared,
            key: format!("win_unshared:{}", w.id),
            person: Some(p),
            owner: None,
            subject: w.text.clone(),
            period: None,
            due: plus(w.noted_on, r.settings.win_share_days),
            record_id: Some(w.id.0),
        };
        out.push(raised, |due, days| {
            format!(
                "{}'s win (noted {}) is not shared with leadership; {} (due {due}).",
                p.name,
                w.noted_on,
                when(days)
            )
        });
    }
}
