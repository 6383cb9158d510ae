//! An empty Tauri window: the baseline that `scripts/perf.sh` compares the
//! Coachlog app with (start-up to first paint, memory, binary size). The same
//! tauri, features, window size and release profile as `src-tauri`, no
//! plugins, a static page (`dist/`) and one command.
//!
//! The page calls [`painted`] two animation frames after it loaded (so after
//! its first frame was painted), which prints `empty-window: painted` on
//! standard output: the same signal the app's start-up probe gives
//! (`src-tauri/src/probe.rs`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;

/// Prints the marker line the benchmark waits for.
#[tauri::command]
fn painted() {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "empty-window: painted");
    let _ = out.flush();
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
