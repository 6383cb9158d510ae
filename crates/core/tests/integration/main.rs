//! The core's integration tests, in one binary:
//! `cargo test -p coachlog-core --test integration`, or one topic's tests
//! by their path (`… --test integration reliability::`, `store::agenda::`).
//!
//! One module per topic. The fixtures they share — dates, databases in
//! memory and in files, people, the world builder over the store, "nothing
//! changed" checks, a seeded random number generator — are in [`support`],
//! one copy of each.

mod support;

mod store;

mod brief;
mod coaching;
mod demo;
mod encryption;
mod history;
mod hostile;
mod ics;
mod import_csv;
mod import_oikio;
mod interchange;
mod nudges;
mod query_plans;
mod reliability;
mod summary;
mod ui_fixtures;
