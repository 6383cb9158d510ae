//! The one place where the CLI reads the clock.
//!
//! **Invariant.** Nothing else in Coachlog reads the current date: the core
//! takes "today" as a parameter, and the CLI computes it here once per run
//! (unless `--today` overrides it). `clippy.toml` bans `Local::now` elsewhere.

use chrono::NaiveDate;

/// The machine's local calendar date.
#[allow(clippy::disallowed_methods)]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
