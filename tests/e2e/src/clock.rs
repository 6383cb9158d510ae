//! The end-to-end tests' one read of the clock: the app's "today" is the
//! machine's local date, so a test that checks dates must read it too.

/// Today by the same clock the app reads.
#[allow(clippy::disallowed_methods)]
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
