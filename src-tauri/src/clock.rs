//! The one place the desktop app reads the clock.

use chrono::{NaiveDate, NaiveDateTime};

/// Today's date in the computer's time zone.
#[allow(clippy::disallowed_methods)] // This is the front end's clock module.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The local date and time of day (for the daily digest's schedule).
#[allow(clippy::disallowed_methods)] // This is the front end's clock module.
pub fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The time now in UTC, to the second (names the backups, whose names
/// keep whole seconds).
#[allow(clippy::disallowed_methods)] // This is the front end's clock module.
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(0)
}
