//! The Coachlog core: the domain of a product leader's coaching practices,
//! its SQLite store and the rules over it.
//!
//! **Architecture invariants.**
//! - No Tauri, no tokio, no UI: the desktop shell and the CLI are thin
//!   adapters over this crate.
//! - The core never reads the clock: "today" is always a parameter.
//! - The core does no I/O beyond the one database it is given (and the
//!   backup files written next to it).
//! - Every write is one transaction ([`Db::write`]); validation happens
//!   before anything is written, so a refused write changes nothing.
//! - Errors are [`Error`], with messages written for the user.

pub mod brief;
pub mod calendar;
pub mod coaching;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod error;
pub mod history;
pub mod ics;
pub mod import;
pub mod interchange;
pub mod kinds;
pub mod model;
pub mod nudges;
pub mod okrs;
pub mod overview;
pub mod practice;
pub mod rule;
pub mod settings;
pub mod store;
pub mod summary;
pub mod validate;
pub mod words;

pub use db::{backup, crypto};
pub use db::{Db, Passphrase, Tx};
pub use error::{Error, ErrorKind, Result};
