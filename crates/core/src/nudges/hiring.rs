//! Rules 9 and 10 over hiring: `hiring_peer` (the loop includes someone who
//! will work with the new hire) and `requisition_stale` (interviews keep
//! happening).

use super::{when, Items, Raised, Review, Rule};
use crate::model::Requisition;
use crate::practice::{next_due, open_on, plus};

/// The requisitions open at the end of the day.
fn open<'a>(r: &'a Review<'_>) -> impl Iterator<Item = &'a Requisition> + 'a {
    r.records
        .requisitions
        .iter()
        .filter(|q| open_on(q.opened_on, q.closed_on, r.as_of))
}

/// Rule 9: per open requisition with no loop member who works with the new
/// hire, `due = opened + hiring_peer_grace_days`.
pub(super) fn peer(r: &Review<'_>, out: &mut Items) {
    for q in open(r).filter(|q| !r.records.with_peer.contains(&q.id)) {
        let raised = Raised {
            rule: Rule::HiringPeer,
            key: format!("hiring_peer:{}", q.id),
            person: None,
            owner: None,
            subject: q.title.clone(),
            period: None,
            due: plus(q.opened_on, r.settings.hiring_peer_grace_days),
            record_id: Some(q.id.0),
        };
        out.push(raised, |due, days| {
            format!(
                "The loop for \"{}\" has nobody who will work with the new hire; {} (due {due}).",
                q.title,
                when(days)
            )
        });
    }
}

/// Rule 10: per open requisition, `due = max(last interview, opened) +
/// requisition_stale_days`.
pub(super) fn stale(r: &Review<'_>, out: &mut Items) {
    for q in open(r) {
        let last = r
            .records
            .interviews
            .get(&q.id)
            .and_then(|d| d.iter().rev().find(|d| **d <= r.as_of))
            .copied();
        let due = next_due(last, q.opened_on, r.settings.requisition_stale_days);
        let raised = Raised {
            rule: Rule::RequisitionStale,
            key: format!("requisition_stale:{}:{}", q.id, r.floor(due)),
            person: None,
            owner: None,
            subject: q.title.clone(),
            period: None,
            due,
            record_id: Some(q.id.0),
        };
        out.push(raised, |due, days| {
            let since = match last {
                Some(l) => format!("last interview {l}"),
                None => "no interview yet".into(),
            };
            format!(
                "\"{}\" needs interviews: {} ({since}; due {due}).",
                q.title,
                when(days)
            )
        });
    }
}
