//! The files the front ends write besides the database: where the database
//! lives by default, and output files (exports, summaries) written so they
//! are never seen half-written. Both the CLI and the desktop app use these,
//! so the two agree on the file and on the rules.
//!
//! **Rules for an output file.** It is private to you (mode 0600 on Unix,
//! as the database is). It is written to a temporary file in the
//! target's folder, flushed to disk and renamed into place (then the folder
//! is flushed), so it is never seen half-written; an existing file is
//! replaced only when asked, and a refused or failed write leaves the
//! target as it was and no temporary file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::file::{create_private_folder, folder_of, sync_folder};
use crate::error::{Error, Result};

/// The environment variable that names the database file.
pub const DB_ENV: &str = "COACHLOG_DB";

/// The database's file name in the platform data folder.
pub const DB_FILE: &str = "coachlog.sqlite";

/// The default database: `coachlog.sqlite` in the platform data folder
/// (`~/.local/share/coachlog/` on Linux). The folder is not created here.
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "coachlog")
        .map(|dirs| dirs.data_dir().join(DB_FILE))
        .ok_or_else(|| {
            Error::Io(format!(
                "Coachlog cannot find your home folder to keep its database in (is HOME set?); \
                 set {DB_ENV} to the path of the database file, or give it with --db PATH."
            ))
        })
}

/// Creates the folder of the database `path` (and its parents) if missing,
/// private to you (mode 0700 on Unix).
pub fn create_folder(path: &Path) -> Result<()> {
    let dir = folder_of(path);
    create_private_folder(dir).map_err(|e| {
        Error::Io(format!(
            "Coachlog cannot create the folder {}: {e}. Check its permissions, or set {DB_ENV} \
             to the path of the database file.",
            dir.display()
        ))
    })
}

/// Whether an existing output file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (the user chose it in a Save dialog, or gave `--force`).
    Replace,
    /// Refuse with [`Error::Conflict`].
    Refuse,
}

/// The error for an existing file that may not be replaced.
pub fn already_exists(path: &Path) -> Error {
    Error::conflict(format!(
        "{} already exists; choose another file name, or add --force to replace it.",
        path.display()
    ))
}

/// Refuses early, before any work, when `target` exists and may not be
/// replaced.
pub fn check_new(target: &Path, existing: Existing) -> Result<()> {
    if existing == Existing::Refuse && target.exists() {
        return Err(already_exists(target));
    }
    Ok(())
}

/// Writes `bytes` to `target` atomically (see the module documentation).
pub fn write_atomically(target: &Path, bytes: &[u8], existing: Existing) -> Result<()> {
    let shown = target.display();
    let dir = folder_of(target);
    if !dir.is_dir() {
        return Err(Error::Io(format!(
            "cannot write {shown}: the folder {} does not exist.",
            dir.display()
        )));
    }
    if target.exists() && !target.is_file() {
        return Err(Error::Io(format!(
            "cannot write {shown}: it is not a regular file; choose a file name."
        )));
    }
    let io = |e: std::io::Error| Error::Io(format!("cannot write {shown}: {e}"));
    let mut tmp = tempfile::Builder::new()
        .prefix(".coachlog-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = match existing {
        Existing::Replace => tmp.persist(target),
        Existing::Refuse => tmp.persist_noclobber(target),
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(target)
        } else {
            io(e.error)
        }
    })?;
    sync_folder(dir);
    Ok(())
}
