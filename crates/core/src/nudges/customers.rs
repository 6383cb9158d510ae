//! Rules 5 and 6 over internal customers: `customer_check_in` (at least a
//! monthly check-in) and `customer_epic` (the category epic's
//! internal-customer section kept up to date).

use chrono::NaiveDate;

use super::{last_or_none, when, Items, Raised, Review, Rule};
use crate::model::{CustomerLink, Person};
use crate::practice::{link_start, next_due};

/// Rule 5: per active link of a followed person, `due = max(last check-in,
/// base_start(link)) + internal_customer_every_days`.
pub(super) fn check_in(r: &Review<'_>, out: &mut Items) {
    for (link, p, (last, _)) in active_links(r) {
        let message = |due: NaiveDate, days: i64| {
            let what = format!("{}'s check-in with {}", p.name, link.team);
            sentence(&what, days, last, due)
        };
        raise(r, out, Rule::CustomerCheckIn, link, p, last, message);
    }
}

/// Rule 6: per such link, `due = max(last check-in with the epic updated,
/// base_start(link)) + internal_customer_every_days`.
pub(super) fn epic(r: &Review<'_>, out: &mut Items) {
    for (link, p, (_, last)) in active_links(r) {
        let message = |due: NaiveDate, days: i64| {
            let what = format!(
                "The internal-customer section of {}'s {} epic",
                p.name, link.category
            );
            sentence(&what, days, last, due)
        };
        raise(r, out, Rule::CustomerEpic, link, p, last, message);
    }
}

type LastCheckIns = (Option<NaiveDate>, Option<NaiveDate>);

/// The links active on the day whose person is followed, with the person
/// and the dates of the last check-in and the last one with the epic updated.
fn active_links<'a>(
    r: &'a Review<'_>,
) -> impl Iterator<Item = (&'a CustomerLink, &'a Person, LastCheckIns)> + 'a {
    r.records.links.iter().filter_map(move |link| {
        let p = r.followed(link.person_id)?;
        let last = r
            .records
            .check_ins
            .get(&link.id)
            .copied()
            .unwrap_or_default();
        link.is_active_on(r.as_of).then_some((link, p, last))
    })
}

fn raise(
    r: &Review<'_>,
    out: &mut Items,
    rule: Rule,
    link: &CustomerLink,
    p: &Person,
    last: Option<NaiveDate>,
    message: impl FnOnce(NaiveDate, i64) -> String,
) {
    let due = next_due(
        last,
        link_start(link, p, r.settings),
        r.settings.internal_customer_every_days,
    );
    let raised = Raised {
        rule,
        key: format!("{}:{}:{}", rule.as_str(), link.id, r.floor(due)),
        person: Some(p),
        owner: None,
        subject: format!("{} ({})", link.team, link.category),
        period: None,
        due,
        record_id: Some(link.id.0),
    };
    out.push(raised, message);
}

/// "… is 3 days overdue (last 2026-04-02; due 2026-05-02)."
fn sentence(what: &str, days: i64, last: Option<NaiveDate>, due: NaiveDate) -> String {
    format!(
        "{what} is {} ({}; due {due}).",
        when(days),
        last_or_none(last)
    )
}
