//! The harness of the IPC tests (`ipc.rs`, `backups.rs`, `encryption.rs`):
//! the app on Tauri's mock runtime with the real configuration and
//! capability, invoked as the UI does.
#![allow(dead_code)] // Each test file uses part of it.

use std::path::PathBuf;
use std::sync::Arc;

use coachlog_core::Db;
use coachlog_desktop::dialogs::{AppDialogs, Dialogs, Scripted};
use coachlog_desktop::{app_builder, context, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod fixtures;
pub use fixtures::person;

/// The app on the mock runtime, and the temporary folder of its database.
pub struct App {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
    /// The answers the app's "native" dialogs give, and what they asked.
    pub dialogs: Arc<Scripted>,
}

/// The day the test databases are created (their `tracking_since`).
pub const CREATED: &str = "2026-01-05";

pub fn day(s: &str) -> chrono::NaiveDate {
    coachlog_core::calendar::parse_date(s).unwrap()
}

pub fn db_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("notes.sqlite")
}

/// The app over a new database in a temporary folder.
pub fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&db_file(&dir), day(CREATED)).unwrap();
    with_state(AppState::new(db), dir)
}

pub fn with_state(state: AppState, dir: tempfile::TempDir) -> App {
    // Native dialogs cannot show on the mock runtime: scripted answers,
    // which cancel and refuse until a test says otherwise.
    let dialogs = Arc::new(Scripted::default());
    let app = app_builder(
        mock_builder().manage(AppDialogs(dialogs.clone() as Arc<dyn Dialogs>)),
        state,
    )
    .build(context())
    .expect("the app builds on the mock runtime");
    let window = match app.get_webview_window("main") {
        Some(w) => w,
        None => WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap(),
    };
    App {
        _app: app,
        window,
        dir,
        dialogs,
    }
}

impl App {
    /// Invokes `cmd` as the UI does (from the app's own origin).
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's origin on Linux (Windows and Android use http://tauri.localhost).
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// The `{ kind, message }` of a command that must fail (and nothing else
    /// in the error).
    pub fn err(&self, cmd: &str, args: Value) -> (String, String) {
        let e = match self.invoke(cmd, args) {
            Ok(v) => panic!("{cmd} succeeded with {v}, but should have failed"),
            Err(e) => e,
        };
        assert_eq!(e.as_object().map(|o| o.len()), Some(2), "{cmd}: {e}");
        let (Some(kind), Some(message)) = (e["kind"].as_str(), e["message"].as_str()) else {
            panic!("{cmd}: not a {{kind, message}} error: {e}");
        };
        (kind.to_string(), message.to_string())
    }

    /// Asserts that `cmd` fails with `kind` and a message containing `part`;
    /// returns the message.
    pub fn refused(&self, cmd: &str, args: Value, kind: &str, part: &str) -> String {
        let (k, message) = self.err(cmd, args);
        assert_eq!(k, kind, "{cmd}: {message}");
        assert!(message.contains(part), "{cmd}: '{message}' lacks '{part}'");
        message
    }

    /// Adds a person; returns their id.
    pub fn add_person(&self, name: &str) -> i64 {
        self.ok("person_add", json!({ "input": person(name) }))["id"]
            .as_i64()
            .unwrap()
    }

    pub fn names(&self) -> Vec<String> {
        self.ok("people_list", json!({ "includeArchived": true }))
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn backups(&self) -> Vec<Value> {
        self.ok("backups_list", json!({}))["backups"]
            .as_array()
            .unwrap()
            .clone()
    }
}
