//! The one place where the CLI reads the clock.
//!
//! **Invariant.** Nothing else in Coachlog reads the current date: the core
//! takes "today" as a parameter, and the CLI computes it here once per run
//! (unless `--today` overrides it), and the instant for backups (unless
//! `COACHLOG_NOW` overrides it). `clippy.toml` bans clock reads elsewhere.

use chrono::{DateTime, NaiveDate, Utc};

/// The machine's local calendar date.
#[allow(clippy::disallowed_methods)]
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The current instant in UTC (for backup names and the backup cadence).
#[allow(clippy::disallowed_methods)]
pub fn now_utc() -> DateTime<Utc> {
    Utc::now()
}
