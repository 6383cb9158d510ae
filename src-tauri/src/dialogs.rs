//! The questions Rust asks the leader in native dialogs: where to save a
//! file, which file to open (to import it), and whether to go ahead with what cannot be undone (encrypting,
//! decrypting, restoring a backup, emptying the Trash).
//!
//! **Invariant:** the page never chooses a path nor confirms for the
//! leader. Commands that write a file or change the whole database take no
//! path and no "yes" from the page: they ask here, and a script in the page
//! calling them gets a dialog it cannot answer. [`Native`] asks through the
//! dialog plugin (from Rust only: the window has no dialog permission);
//! [`Scripted`] answers in the IPC tests, and — only in a build with the
//! `test-dialogs` feature, which `scripts/e2e.sh` makes — from
//! `COACHLOG_TEST_DIALOGS` for the end-to-end suite, which cannot reach a
//! native dialog through WebDriver.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// A Save As question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAs {
    /// The dialog's title ("Save the summary of May 2026").
    pub title: String,
    /// The file name offered.
    pub file_name: String,
    /// The only extension offered (without the dot), and its label.
    pub extension: &'static str,
    /// What files of that extension are ("Markdown").
    pub kind: &'static str,
}

/// An Open question: which file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFile {
    /// The dialog's title ("Import from oikio or CSV").
    pub title: String,
    /// The extensions offered (without the dot), and what files of them are
    /// ("oikio or CSV").
    pub extensions: &'static [&'static str],
    /// What files of those extensions are.
    pub kind: &'static str,
}

/// A question that needs a yes before something that cannot be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    /// The dialog's title.
    pub title: String,
    /// What will happen, in full.
    pub message: String,
    /// The button that goes ahead ("Encrypt").
    pub ok: String,
}

/// Asks the leader.
pub trait Dialogs: Send + Sync {
    /// The file the leader chose, or `None` when they cancelled.
    fn save_as(&self, question: &SaveAs) -> Option<PathBuf>;
    /// The file the leader chose to open, or `None` when they cancelled.
    fn open_file(&self, question: &OpenFile) -> Option<PathBuf>;
    /// Whether the leader said yes.
    fn confirm(&self, question: &Confirm) -> bool;
}

/// The app's dialogs (managed state).
#[derive(Clone)]
pub struct AppDialogs(pub Arc<dyn Dialogs>);

impl AppDialogs {
    /// Asks `question` on a worker thread (a native dialog blocks the thread
    /// that waits for it; it must not be the main one).
    pub async fn save_as(&self, question: SaveAs) -> Option<PathBuf> {
        let dialogs = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || dialogs.save_as(&question))
            .await
            .ok()
            .flatten()
    }

    /// Asks `question` on a worker thread.
    pub async fn open_file(&self, question: OpenFile) -> Option<PathBuf> {
        let dialogs = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || dialogs.open_file(&question))
            .await
            .ok()
            .flatten()
    }

    /// Asks `question` on a worker thread; a dialog that fails is a no.
    pub async fn confirm(&self, question: Confirm) -> bool {
        let dialogs = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || dialogs.confirm(&question))
            .await
            .unwrap_or(false)
    }
}

/// The platform's own dialogs.
pub struct Native<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> Native<R> {
    /// Dialogs over the window of `app`.
    pub fn new(app: AppHandle<R>) -> Native<R> {
        Native { app }
    }
}

impl<R: Runtime> Dialogs for Native<R> {
    fn save_as(&self, q: &SaveAs) -> Option<PathBuf> {
        self.app
            .dialog()
            .file()
            .set_title(&q.title)
            .set_file_name(&q.file_name)
            .add_filter(q.kind, &[q.extension])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    }

    fn open_file(&self, q: &OpenFile) -> Option<PathBuf> {
        self.app
            .dialog()
            .file()
            .set_title(&q.title)
            .add_filter(q.kind, q.extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }

    fn confirm(&self, q: &Confirm) -> bool {
        self.app
            .dialog()
            .message(&q.message)
            .title(&q.title)
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom(
                q.ok.clone(),
                "Cancel".into(),
            ))
            .blocking_show()
    }
}

/// Answers without asking: saves go into a folder (under the name offered),
/// opens get the next of the files queued ([`Scripted::open_next`]),
/// confirmations get one answer; every question is kept, so a test can see
/// what was asked. At first every save is cancelled and every confirmation
/// refused.
#[derive(Debug, Default)]
pub struct Scripted {
    save_into: Mutex<Option<PathBuf>>,
    save_to: Mutex<Option<PathBuf>>,
    open: Mutex<std::collections::VecDeque<PathBuf>>,
    confirm: Mutex<bool>,
    asked: Mutex<Vec<String>>,
    log: Mutex<Option<PathBuf>>,
}

impl Scripted {
    /// Saves go into `dir` from now on (`None`: cancelled).
    pub fn save_into(&self, dir: Option<PathBuf>) {
        *lock(&self.save_into) = dir;
    }

    /// Saves go to exactly `file` from now on, whatever the name offered (as
    /// when the leader types a name of their own); `None` goes back to
    /// [`Scripted::save_into`].
    pub fn save_to(&self, file: Option<PathBuf>) {
        *lock(&self.save_to) = file;
    }

    /// The next Open question gets `file` (after those queued before it);
    /// with none queued, an Open is cancelled.
    pub fn open_next(&self, file: PathBuf) {
        lock(&self.open).push_back(file);
    }

    /// Confirmations get `yes` from now on.
    pub fn confirm_with(&self, yes: bool) {
        *lock(&self.confirm) = yes;
    }

    /// The titles of the questions asked so far, in order.
    pub fn asked(&self) -> Vec<String> {
        lock(&self.asked).clone()
    }

    /// Each question's title is also appended, one per line, to `file`
    /// (for a test in another process).
    pub fn log_to(&self, file: Option<PathBuf>) {
        *lock(&self.log) = file;
    }

    /// Answers from `COACHLOG_TEST_DIALOGS` (`save-into=FOLDER`, `confirm=yes`
    /// or `confirm=no`, `log=FILE`, `open=FILE` — once per file, answered
    /// in order — separated by `;`), when it is set.
    #[cfg(feature = "test-dialogs")]
    pub fn from_env() -> Option<Scripted> {
        let spec = std::env::var("COACHLOG_TEST_DIALOGS").ok()?;
        let out = Scripted::default();
        for part in spec.split(';') {
            match part.split_once('=') {
                Some(("save-into", dir)) => out.save_into(Some(PathBuf::from(dir))),
                Some(("confirm", yes)) => out.confirm_with(yes == "yes"),
                Some(("log", file)) => out.log_to(Some(PathBuf::from(file))),
                Some(("open", file)) => out.open_next(PathBuf::from(file)),
                _ => {}
            }
        }
        Some(out)
    }

    fn ask(&self, title: &str) {
        lock(&self.asked).push(title.to_string());
        if let Some(file) = lock(&self.log).as_ref() {
            use std::io::Write;
            let line = format!("{}\n", title.replace('\n', " "));
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(file)
                .and_then(|mut f| f.write_all(line.as_bytes()));
            if let Err(e) = written {
                eprintln!("coachlog: cannot log the dialog to {}: {e}", file.display());
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Dialogs for Scripted {
    fn save_as(&self, q: &SaveAs) -> Option<PathBuf> {
        self.ask(&q.title);
        if let Some(file) = lock(&self.save_to).clone() {
            return Some(file);
        }
        lock(&self.save_into)
            .as_ref()
            .map(|dir| dir.join(&q.file_name))
    }

    fn open_file(&self, q: &OpenFile) -> Option<PathBuf> {
        self.ask(&q.title);
        lock(&self.open).pop_front()
    }

    fn confirm(&self, q: &Confirm) -> bool {
        self.ask(&q.title);
        *lock(&self.confirm)
    }
}

/// The dialogs of a starting app: the platform's, or — in a test-dialogs
/// build with `COACHLOG_TEST_DIALOGS` set — scripted answers.
pub fn for_app<R: Runtime>(app: &AppHandle<R>) -> AppDialogs {
    #[cfg(feature = "test-dialogs")]
    if let Some(scripted) = Scripted::from_env() {
        return AppDialogs(Arc::new(scripted));
    }
    AppDialogs(Arc::new(Native::new(app.clone())))
}
