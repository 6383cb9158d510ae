//! The start-up probe for `scripts/perf.sh` (docs/performance.md, "Start-up,
//! memory, size and IPC").
//!
//! The Today screen calls [`startup_painted`] once, two animation frames
//! after its first data has rendered. With `COACHLOG_PROBE_STARTUP=1` in the
//! app's environment the command prints [`MARKER`] on standard output, which
//! the benchmark reads as "the Today screen is on screen"; otherwise it does
//! nothing. It takes no argument and carries no user data.

use std::io::Write;

/// The line printed when the Today screen has been painted.
pub const MARKER: &str = "coachlog-probe: painted";

/// The environment variable that turns the probe on (`1`).
pub const ENV: &str = "COACHLOG_PROBE_STARTUP";

/// Whether the probe is on in this process.
fn enabled() -> bool {
    std::env::var_os(ENV).is_some_and(|v| v == "1")
}

/// Prints [`MARKER`] on standard output when the probe is on; does nothing
/// otherwise. Never fails.
#[tauri::command]
pub fn startup_painted() {
    if enabled() {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{MARKER}");
        let _ = out.flush();
    }
}
