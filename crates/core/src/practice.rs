//! The practice catalogue's small shared definitions (`docs/practices.md`,
//! "Dates used by the rules"): when someone's tracking starts, their 1:1
//! cadence, the date of a timing, which agenda items are requests and who
//! owes an item.
//!
//! Pure functions of records and settings, with no SQL: the store, the
//! overview, the overdue review and the summary all read these, so each
//! definition is written once. This module imports only the model, the
//! calendar and the settings, so anything may import it.

use chrono::{Days, NaiveDate};

use crate::calendar;
use crate::model::{AgendaItem, CustomerLink, OpenTag, Person, RaisedBy, Timing};
use crate::settings::Settings;

/// The day a person's tracking starts: `max(since, tracking_since)`
/// (`base_start(person)` of the catalogue).
pub fn base_start(person: &Person, settings: &Settings) -> NaiveDate {
    person.since.max(settings.tracking_since)
}

/// The day an internal-customer link's tracking starts:
/// `max(link.since, person.since, tracking_since)` (`base_start(link)`).
pub fn link_start(link: &CustomerLink, person: &Person, settings: &Settings) -> NaiveDate {
    link.since.max(base_start(person, settings))
}

/// The 1:1 cadence in days for a person (their override, else the setting).
pub fn cadence(person: &Person, settings: &Settings) -> u32 {
    person
        .cadence_days
        .unwrap_or(settings.one_on_one_every_days)
}

/// `from + days` calendar days.
pub fn plus(from: NaiveDate, days: u32) -> NaiveDate {
    from + Days::new(u64::from(days))
}

/// A recurring practice's due date: `max(last, start) + every` days, or
/// `start + every` when it never happened.
pub fn next_due(last: Option<NaiveDate>, start: NaiveDate, every: u32) -> NaiveDate {
    plus(last.map_or(start, |l| l.max(start)), every)
}

/// When the next 1:1 is due: `max(last held, base_start) + cadence`.
pub fn next_one_on_one(
    person: &Person,
    last_held: Option<NaiveDate>,
    settings: &Settings,
) -> NaiveDate {
    next_due(
        last_held,
        base_start(person, settings),
        cadence(person, settings),
    )
}

/// The date of a timing: the date itself, or the release day of a version.
pub fn timing_date(timing: Timing, settings: &Settings) -> NaiveDate {
    match timing {
        Timing::Date(d) => d,
        Timing::Release(v) => {
            calendar::version_release_date(v, settings.release_anchor, settings.release_day)
        }
    }
}

/// Whether an item is a request for context or advice (HELP raised by the person).
pub fn is_request(item: &AgendaItem) -> bool {
    item.open_tag == OpenTag::Help && item.raised_by == RaisedBy::Person
}

/// Whether an item is an action (TODO or DOTO).
pub fn is_action(item: &AgendaItem) -> bool {
    matches!(item.open_tag, OpenTag::Todo | OpenTag::Doto)
}

/// When a request is due before the floor: its timing's date, or
/// `request_reply_business_days` business days after it was opened.
pub fn request_due(item: &AgendaItem, settings: &Settings) -> NaiveDate {
    match item.timing {
        Some(t) => timing_date(t, settings),
        None => calendar::add_business_days(item.opened_on, settings.request_reply_business_days),
    }
}

/// When an open agenda item is due: its timing's date; for a HELP item raised
/// by the person without timing, `request_reply_business_days` business days
/// after it was opened; otherwise none. Never before `tracking_since`.
pub fn item_due(item: &AgendaItem, settings: &Settings) -> Option<NaiveDate> {
    let due = if is_request(item) {
        Some(request_due(item, settings))
    } else {
        item.timing.map(|t| timing_date(t, settings))
    };
    due.map(|d| d.max(settings.tracking_since))
}

/// Who owes an item: TODO the person, DOTO and answers to HELP the leader;
/// other tags whoever raised it.
pub fn owner(item: &AgendaItem) -> RaisedBy {
    match item.open_tag {
        OpenTag::Todo => RaisedBy::Person,
        OpenTag::Doto | OpenTag::Help => RaisedBy::Leader,
        _ => item.raised_by,
    }
}

/// Whether something opened on `opened` and closed (done, shared…) on
/// `closed` was still open at the end of `day`.
pub fn open_on(opened: NaiveDate, closed: Option<NaiveDate>, day: NaiveDate) -> bool {
    opened <= day && closed.is_none_or(|c| c > day)
}
