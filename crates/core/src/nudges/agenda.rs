//! Rules 2 and 3 over the living agenda: `request` (a HELP item raised by
//! the person awaits an answer) and `action` (a TODO or DOTO with a timing).

use super::{when, Items, Raised, Review, Rule};
use crate::model::{AgendaItem, Person, RaisedBy};
use crate::practice::{is_action, is_request, open_on, owner, request_due, timing_date};

/// The open items of followed people on the day, with their person.
fn open_items<'a>(
    r: &'a Review<'_>,
    keep: fn(&AgendaItem) -> bool,
) -> impl Iterator<Item = (&'a AgendaItem, &'a Person)> + 'a {
    r.records.items.iter().filter_map(move |item| {
        let p = r.followed(item.person_id)?;
        (keep(item) && open_on(item.opened_on, item.closed_on, r.as_of)).then_some((item, p))
    })
}

/// Rule 2: per open HELP item raised by the person, `due = its timing's
/// date, or request_reply_business_days business days after it was opened`.
pub(super) fn request(r: &Review<'_>, out: &mut Items) {
    for (item, p) in open_items(r, is_request) {
        let raised = Raised {
            rule: Rule::Request,
            key: format!("request:{}", item.id),
            person: Some(p),
            owner: Some(RaisedBy::Leader),
            subject: item.text.clone(),
            period: None,
            due: request_due(item, r.settings),
            record_id: Some(item.id.0),
        };
        out.push(raised, |due, days| {
            format!(
                "{}'s request is {} (opened {}; due {due}).",
                p.name,
                when(days),
                item.opened_on
            )
        });
    }
}

/// Rule 3: per open TODO or DOTO item with a timing, `due = its timing's
/// date`; the owner is the person for a TODO, the leader for a DOTO.
pub(super) fn action(r: &Review<'_>, out: &mut Items) {
    for (item, p) in open_items(r, is_action) {
        let Some(timing) = item.timing else { continue };
        let owner = owner(item);
        let raised = Raised {
            rule: Rule::Action,
            key: format!("action:{}", item.id),
            person: Some(p),
            owner: Some(owner),
            subject: item.text.clone(),
            period: None,
            due: timing_date(timing, r.settings),
            record_id: Some(item.id.0),
        };
        out.push(raised, |due, days| {
            let whose = match owner {
                RaisedBy::Person => format!("{}'s TODO", p.name),
                RaisedBy::Leader => format!("Your DOTO for {}", p.name),
            };
            format!("{whose} is {} (timing {timing}; due {due}).", when(days))
        });
    }
}
