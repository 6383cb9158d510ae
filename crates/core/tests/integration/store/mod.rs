//! The store's tests, whose modules mirror `crates/core/src/store/` (plus
//! `db` for opening and migrations).
//!
//! Every test starts from [`crate::support::db`], an in-memory database
//! with the real migrations applied, or from a temporary file where the
//! file matters.

mod agenda;
mod app_state;
mod cdf;
mod customers;
mod db;
mod drafts;
mod hiring;
mod milestones;
mod names;
mod one_on_ones;
mod overview;
mod people;
mod search;
mod settings;
mod templates;
mod trash;
mod updates;
mod walkthroughs;
mod wins;
