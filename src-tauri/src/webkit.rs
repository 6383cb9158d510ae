//! WebKitGTK's settings, applied before the window exists.
//!
//! Coachlog draws its pages without WebKitGTK's accelerated compositing mode
//! (`WEBKIT_DISABLE_COMPOSITING_MODE=1`), unless the environment it was
//! started from sets that variable itself (`=0` turns compositing back on).
//! Its screens are text and forms, with nothing to gain from GPU layers,
//! while the compositing mode costs an OpenGL context per window; and on a
//! machine without a usable GPU (a virtual machine, a remote desktop, Xvfb)
//! every frame goes through software OpenGL. Measured under Xvfb
//! (docs/performance.md, "Start-up"): a frame of the full Today screen took
//! about 100 ms with compositing and 8 ms without, and the app's processes
//! used about 100 MiB less memory. Turning it off is also the usual cure for
//! the blank windows WebKitGTK shows with some graphics drivers.
//!
//! `bench/empty-window`, the baseline of the start-up benchmark, makes the
//! same choice, so that both are measured alike.

/// The variable WebKitGTK reads when it starts its web process.
pub const COMPOSITING_VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The value to set [`COMPOSITING_VAR`] to, given its value now: `"1"` when
/// it is unset, nothing when the user set it.
pub fn compositing_value(current: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    match current {
        None => Some("1"),
        Some(_) => None,
    }
}

/// Applies the settings above. Call it first in `main`, before any thread
/// starts (it sets an environment variable).
pub fn configure() {
    if cfg!(target_os = "linux") {
        if let Some(value) = compositing_value(std::env::var_os(COMPOSITING_VAR).as_deref()) {
            std::env::set_var(COMPOSITING_VAR, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn compositing_is_off_unless_the_environment_says_otherwise() {
        assert_eq!(compositing_value(None), Some("1"));
        assert_eq!(compositing_value(Some(OsStr::new("0"))), None);
        assert_eq!(compositing_value(Some(OsStr::new("1"))), None);
        assert_eq!(compositing_value(Some(OsStr::new(""))), None);
    }
}
