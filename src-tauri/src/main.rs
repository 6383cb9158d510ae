#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
fn main() {
    // Before any thread starts: it sets an environment variable.
    coachlog_desktop::webkit::configure();
    coachlog_desktop::run();
}
