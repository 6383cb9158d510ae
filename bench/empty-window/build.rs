//! Reads this crate's tauri.conf.json (no capabilities: the one command of
//! an app without an app manifest is allowed to its window).

fn main() {
    tauri_build::build();
}
