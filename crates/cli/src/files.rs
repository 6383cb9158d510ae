//! Writing an output file safely, for commands with `-o FILE` (`summary`;
//! `export` has the same rules).
//!
//! **Rules.** The file is written to a temporary file in the target's
//! folder, flushed to disk and renamed into place, so it is never seen
//! half-written; an existing file is replaced only when asked (`--force`),
//! and otherwise the command stops with a conflict (exit 4) before doing any
//! work.

use std::io::Write;
use std::path::Path;

use coachlog_core::{Error, Result};

/// The error for an existing file that `--force` would replace.
pub fn already_exists(path: &Path) -> Error {
    Error::conflict(format!(
        "{} already exists; choose another file name, or add --force to replace it.",
        path.display()
    ))
}

/// Refuses early when `target` exists and may not be replaced.
pub fn check_new(target: &Path, replace: bool) -> Result<()> {
    if !replace && target.exists() {
        return Err(already_exists(target));
    }
    Ok(())
}

/// Writes `bytes` to `target` atomically (see the module docs), refusing to
/// replace an existing file unless `replace`.
pub fn write_atomically(target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let shown = target.display();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
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
    let persisted = if replace {
        tmp.persist(target)
    } else {
        tmp.persist_noclobber(target)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(target)
        } else {
            io(e.error)
        }
    })?;
    Ok(())
}
