//! Date helpers of the generator.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use crate::calendar::{self};

pub(super) fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    d + TimeDelta::days(days)
}

pub(super) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    calendar::days_between(from, to)
}

/// The first day on or after `d` that is weekday `wd` (0 = Monday).
pub(super) fn on_or_after_weekday(d: NaiveDate, wd: u32) -> NaiveDate {
    let now = d.weekday().num_days_from_monday();
    plus(d, i64::from((wd + 7 - now) % 7))
}

/// `d`, or the Monday after it when it falls on a weekend.
pub(super) fn business_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => plus(d, 2),
        Weekday::Sun => plus(d, 1),
        _ => d,
    }
}

/// `d`, or the Monday after it when it falls on Friday or a weekend (people
/// start on Monday to Thursday so that their 1:1 weekday stays in the week).
pub(super) fn early_week_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Fri => plus(d, 3),
        Weekday::Sat => plus(d, 2),
        Weekday::Sun => plus(d, 1),
        _ => d,
    }
}
