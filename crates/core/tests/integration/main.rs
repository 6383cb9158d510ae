//! The core's integration tests: one binary, `cargo test -p coachlog-core
//! --test integration`, with one module per topic.

mod support;

mod store;

mod demo;
mod encryption;
mod hostile;
mod interchange;
mod nudges;
mod query_plans;
mod reliability;
mod summary;
