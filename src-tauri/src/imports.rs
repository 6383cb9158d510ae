//! Settings → Data: another tool's history in (oikio, CSV), and the whole
//! database out (the interchange JSON) and in (into a new file).
//!
//! **The page never names a file.** Rust asks which file to read in a
//! native Open dialog and where to write in a Save dialog. Between an
//! import's preview (a dry run) and the import itself, the file's text is
//! held here ([`Pending`]) under a token the page gets back, so the import
//! writes exactly what was previewed and the page cannot substitute
//! another file: a token names only text the leader chose.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use coachlog_core::import::{Report, Source};
use coachlog_core::ErrorKind;
use serde::Serialize;

use crate::error::IpcError;
use crate::state::lock;

/// Files chosen for an import, held between preview and import (managed
/// state).
#[derive(Debug, Default)]
pub struct Pending {
    next: AtomicU64,
    files: Mutex<HashMap<String, Chosen>>,
}

/// A file chosen in the Open dialog: its name and text.
#[derive(Debug, Clone)]
struct Chosen {
    name: String,
    text: String,
}

/// What an import did, or would do (`report.dry_run`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportPreview {
    /// Names the file held for [`crate::commands::import_apply`] (after a
    /// preview; empty after the import).
    pub token: String,
    /// The file's name (without its folder).
    pub file: String,
    /// oikio or CSV, as told from its text.
    pub source: Source,
    /// What it adds, by kind; who was matched by name or created; warnings.
    pub report: Report,
    /// The report in a leader's words, one fact a line (as the CLI prints it).
    pub text: String,
}

impl ImportPreview {
    /// The preview (or outcome) of importing `file`, its report also in words.
    pub fn new(token: String, file: String, source: Source, report: Report) -> ImportPreview {
        ImportPreview {
            token,
            file,
            source,
            text: report.to_string(),
            report,
        }
    }
}

impl Pending {
    /// Keeps `name` and `text` and gives the token that names them.
    pub fn hold(&self, name: String, text: String) -> String {
        let token = format!("import-{}", self.next.fetch_add(1, Ordering::Relaxed) + 1);
        lock(&self.files).insert(token.clone(), Chosen { name, text });
        token
    }

    /// Takes the file `token` names, its name and text: `not_found` for a
    /// token it does not name (never given, or used already).
    pub fn take(&self, token: &str) -> Result<(String, String), IpcError> {
        let chosen = lock(&self.files).remove(token);
        chosen.map(|c| (c.name, c.text)).ok_or_else(|| {
            IpcError::new(
                ErrorKind::NotFound,
                "That import is no longer waiting (it was done or cancelled); choose the file \
                 again with Import….",
            )
        })
    }

    /// Forgets the file `token` names (the leader cancelled the preview).
    pub fn forget(&self, token: &str) {
        lock(&self.files).remove(token);
    }
}

/// Reads `path` as UTF-8 text, on a worker thread: its name and text.
pub async fn read_text(path: PathBuf) -> Result<(String, String), IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = std::fs::read(&path).map_err(|e| {
            IpcError::new(
                ErrorKind::Io,
                format!("Cannot read {}: {e}.", path.display()),
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            IpcError::new(
                ErrorKind::Invalid,
                format!(
                    "{name} is not UTF-8 text (invalid byte at position {}); save it as UTF-8 \
                     and import it again.",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Ok((name, text))
    })
    .await
    .map_err(|e| IpcError::internal(format!("the file task failed: {e}")))?
}

/// Whether `a` and `b` are the same file (when both exist), or the same
/// path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
