//! The Coachlog desktop shell: a Tauri v2 window over `coachlog-core`.
//!
//! **Architecture invariants.**
//! - Commands are adapters ([`commands`]): parse, call one core function,
//!   map the error to [`IpcError`]. No SQL and no rules here.
//! - Database work runs on worker threads, never on the UI thread
//!   ([`state::AppState`]).
//! - Backups ([`backups`]) are taken on worker threads through their own
//!   connection; restoring one closes the database and opens it again
//!   ([`AppState::swap`]).
//! - No save checkpoints the write-ahead log: a background task does, every
//!   few seconds ([`checkpoints`]).
//! - An encrypted database is opened with `COACHLOG_PASSPHRASE`, the OS
//!   keyring's passphrase, or the one typed on the Unlock screen
//!   ([`encryption`]); the passphrase never reaches a log or a message.
//! - The clock is read in [`clock`] only ([`clock::today`], and
//!   [`clock::now`] for the daily digest's schedule).
//! - A database that cannot be opened does not stop the app: it starts and
//!   shows why ([`commands::app_info`]); it never falls back to another file.
//! - The UI can invoke exactly the commands of `COMMANDS`, each allowed by
//!   `capabilities/main.json`; there is no other permission but the core
//!   defaults the window needs (none of the notification plugin's: the daily
//!   digest, [`notify`], is sent from Rust; none of the dialog plugin's:
//!   Rust asks where to save and for a yes, [`dialogs`]).
//! - With a tray and "Start at login in the tray" on, closing the window
//!   hides it and the app keeps running for the daily digest; started at
//!   login (`--tray`) it shows no window ([`tray`]).
//! - The window never leaves the app's origin ([`is_app_url`], checked by
//!   the shell on every navigation).
//!
//! See `docs/desktop.md`.

pub mod backups;
pub mod bindings;
pub mod checkpoints;
pub mod clock;
pub mod commands;
pub mod dialogs;
pub mod encryption;
pub mod error;
pub mod imports;
pub mod notify;
pub mod probe;
pub mod state;
pub mod tray;

#[macro_use]
mod command_names;

/// The tests' records (`person`…), shared with the IPC tests.
#[cfg(test)]
#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use tauri::{Manager, Runtime};

pub use command_names::COMMANDS;

/// The invoke handler of the commands of `for_each_command!`.
macro_rules! handler {
    ($($module:ident :: $name:ident),* $(,)?) => {
        tauri::generate_handler![$($module::$name),*]
    };
}
pub use error::IpcError;
pub use state::AppState;

/// The app's commands, state and notification plugin on `builder`:
/// `tauri::Builder::default()` when running, `tauri::test::mock_builder()`
/// in tests.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        // Called from Rust only (the daily digest, see `notify`): the window
        // is granted none of its permissions.
        .plugin(tauri_plugin_notification::init())
        // Native dialogs, raised from Rust only ([`dialogs`]): the window is
        // granted none of the plugin's permissions.
        .plugin(tauri_plugin_dialog::init())
        // "Start at login in the tray" ([`tray`]): the login entry starts the
        // app with `--tray`. Called from Rust only: the window is granted
        // none of the plugin's permissions.
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .arg(tray::TRAY_ARG)
                .build(),
        )
        .plugin(guard())
        .manage(state)
        .manage(imports::Pending::default())
        .invoke_handler(for_each_command!(handler))
}

/// The app's own plugin: it refuses every navigation away from the app's
/// origin (a link in a note, a script setting `location`), whatever the
/// page does, and gives the app its native dialogs unless a test gave it
/// scripted ones ([`dialogs::AppDialogs`], managed before the build).
fn guard<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("coachlog-guard")
        .on_navigation(|_, url| is_app_url(url))
        .setup(|app, _| {
            if app.try_state::<dialogs::AppDialogs>().is_none() {
                app.manage(dialogs::for_app(app));
            }
            Ok(())
        })
        .build()
}

/// Whether `url` is the app's own page: `tauri://localhost` (Linux, macOS)
/// or `http(s)://tauri.localhost` (Windows) — or `about:srcdoc`, the
/// document a frame gets from its `srcdoc` (the Export screen's HTML
/// preview, in a frame whose sandbox allows nothing). WebKitGTK asks this
/// for every frame's navigation, not only the window's.
pub fn is_app_url(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        "about" => url.path() == "srcdoc",
        _ => false,
    }
}

/// The app's configuration, assets and permissions, read from the top-level
/// `tauri.conf.json` at compile time.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!("../tauri.conf.json")
}

/// Runs the app on the default database until its window closes.
pub fn run() {
    // The passphrase of an encrypted file: COACHLOG_PASSPHRASE, then the OS
    // keyring; else the app starts on its Unlock screen. Taken out of the
    // environment first thing, before any thread or web process starts.
    let env_key = coachlog_secrets::take_from_env().map_err(IpcError::from);
    let keys: state::Keys = std::sync::Arc::new(coachlog_secrets::SystemKeyStore::new());
    let state = AppState::open_with(state::database_path(), clock::today(), env_key, keys);
    if let Some(e) = state.startup_error() {
        eprintln!("coachlog: the database could not be opened: {e}");
    }
    // Registered first, as the plugin asks: a second start hands over to
    // the running app, which brings its window to the front.
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            // The login entry of a running app changes nothing.
            if !tray::started_in_tray(args) {
                focus_main_window(app)
            }
        }))
        .setup(|app| {
            tray::start(app.handle(), tray::started_in_tray(std::env::args()));
            purge_trash(app.handle());
            notify::start(app.handle());
            backups::start(app.handle());
            checkpoints::start(app.handle());
            Ok(())
        });
    app_builder(builder, state)
        // With the tray and "Start at login in the tray", closing the window
        // hides it: the app (and the daily digest) keeps running.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if tray::keeps_running(window.app_handle()) {
                    api.prevent_close();
                    if let Err(e) = window.hide() {
                        eprintln!("coachlog: the window could not be hidden: {e}");
                    }
                }
            }
        })
        .build(context())
        .expect("Coachlog could not start its window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                backups::on_exit(app);
            }
        });
}

/// Purges, on a worker thread, the entries of the Trash past `trash_days`.
fn purge_trash<R: Runtime>(app: &tauri::AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        if state.startup_error().is_some() {
            return;
        }
        let today = clock::today();
        let purged = state
            .write(move |db| db.write(|tx| coachlog_core::store::trash::purge_expired(tx, today)))
            .await;
        if let Err(e) = purged {
            eprintln!("coachlog: the Trash could not be purged: {}", e.message);
        }
    });
}

fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
