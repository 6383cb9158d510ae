//! Rules 12 to 14, coaching the whole PM: `cdf_review` (a CDF review at
//! least every `cdf_review_every_days`), `career_conversation` (a held 1:1
//! tagged `career_tag` at least every `career_conversation_every_days`) and
//! `skip_level` (a held 1:1 with each skip-level report at least every
//! `skip_level_every_days`).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{when, Items, Raised, Review, Rule};
use crate::model::{Person, PersonId};
use crate::practice::{base_start, next_due};

/// Rule 12: per followed person, `due = max(last CDF review, base_start) +
/// cdf_review_every_days`.
pub(super) fn cdf_review(r: &Review<'_>, out: &mut Items) {
    let every = r.settings.cdf_review_every_days;
    for &p in &r.followed {
        let last = r.records.cdf_reviews.get(&p.id).copied();
        let due = next_due(last, base_start(p, r.settings), every);
        let item = Raised {
            rule: Rule::CdfReview,
            key: format!("cdf_review:{}:{}", p.id, r.floor(due)),
            person: Some(p),
            owner: None,
            subject: format!("CDF review of {}", p.name),
            period: None,
            due,
            record_id: None,
        };
        out.push(item, |due, days| match last {
            Some(l) => format!(
                "CDF review of {} is {} (last {l}, every {every} days; due {due}).",
                p.name,
                when(days)
            ),
            None => format!(
                "CDF review of {} is {} (none yet; due {due}).",
                p.name,
                when(days)
            ),
        });
    }
}

/// Rule 13: per followed person, `due = max(last held 1:1 tagged
/// career_tag, base_start) + career_conversation_every_days`.
pub(super) fn career_conversation(r: &Review<'_>, out: &mut Items) {
    let every = r.settings.career_conversation_every_days;
    let tag = r.settings.career_tag.trim();
    for &p in &r.followed {
        let last = r.records.career.get(&p.id).copied();
        let due = next_due(last, base_start(p, r.settings), every);
        let item = Raised {
            rule: Rule::CareerConversation,
            key: format!("career_conversation:{}:{}", p.id, r.floor(due)),
            person: Some(p),
            owner: None,
            subject: format!("Career conversation with {}", p.name),
            period: None,
            due,
            record_id: None,
        };
        out.push(item, |due, days| match last {
            Some(l) => format!(
                "Career conversation with {} is {} (last held 1:1 tagged {tag} {l}, every \
                 {every} days; due {due}).",
                p.name,
                when(days)
            ),
            None => format!(
                "Career conversation with {} is {} (no held 1:1 tagged {tag} yet; due {due}).",
                p.name,
                when(days)
            ),
        });
    }
}

/// Rule 14: per skip-level report S active on the day whose manager
/// (`reports_to`) is active on it — tracked or not — `due = max(last held
/// 1:1 with S, base_start(S)) + skip_level_every_days`. Any held 1:1 with S
/// counts, one from before S had a manager included. The item's person is S.
pub(super) fn skip_level(r: &Review<'_>, out: &mut Items) {
    let every = r.settings.skip_level_every_days;
    let everyone: HashMap<PersonId, &Person> = r.records.people.iter().map(|p| (p.id, p)).collect();
    for s in &r.records.people {
        let Some(manager) = s.reports_to.and_then(|m| everyone.get(&m)) else {
            continue;
        };
        if !(s.is_active_on(r.as_of) && manager.is_active_on(r.as_of)) {
            continue;
        }
        let last = r
            .records
            .held
            .get(&s.id)
            .and_then(|dates| dates.iter().rev().find(|d| **d <= r.as_of))
            .copied();
        let due = next_due(last, base_start(s, r.settings), every);
        let item = Raised {
            rule: Rule::SkipLevel,
            key: format!("skip_level:{}:{}", s.id, r.floor(due)),
            person: Some(s),
            owner: None,
            subject: format!("Skip-level with {} (reports to {})", s.name, manager.name),
            period: None,
            due,
            record_id: None,
        };
        out.push(item, |due: NaiveDate, days| match last {
            Some(l) => format!(
                "Skip-level with {} (reports to {}) is {} (last held {l}, every {every} days; \
                 due {due}).",
                s.name,
                manager.name,
                when(days)
            ),
            None => format!(
                "Skip-level with {} (reports to {}) is {} (none held yet; due {due}).",
                s.name,
                manager.name,
                when(days)
            ),
        });
    }
}
