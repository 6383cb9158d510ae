//! Reliability: crash safety, damaged and foreign files, backups and
//! restore, and the migration of every released schema version. What each
//! module proves, and what it does not, is in `docs/reliability.md`.

mod backups;
mod corpus;
mod crash;
mod migrations;
