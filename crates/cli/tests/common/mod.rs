//! The harness of the `coachlog` binary's tests (`cli.rs`, `hostile.rs`,
//! `encryption.rs`): a temporary folder with one database, and the built
//! program run on it with `--today` fixed. Each test file adds the
//! environment it runs the program in, and its own checks.
#![allow(dead_code)] // Each test file uses part of it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day every run sees (`--today`).
pub const TODAY: &str = "2026-11-27";

/// A temporary folder holding one database, `team.sqlite`.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("team.sqlite")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The built `coachlog`, without the `COACHLOG_DB` of whoever runs the tests.
pub fn binary() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    c.env_remove("COACHLOG_DB");
    c
}

/// `c` (the program) on `db` with `--today` fixed: `coachlog --db DB --today
/// TODAY ARGS`.
pub fn on(mut c: Command, db: &Path, args: &[&str]) -> Command {
    c.arg("--db").arg(db).args(["--today", TODAY]).args(args);
    c
}

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// A finished run, which must have exited (not been killed by a signal)
    /// and printed UTF-8.
    pub fn of(out: Output) -> Run {
        Run {
            code: out.status.code().expect("exited normally"),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}
