//! The tray icon and "Start at login in the tray": reminders with the window
//! closed.
//!
//! - **The login entry** is the one fact of the setting: the autostart
//!   plugin (`tauri-plugin-autostart`) writes it — on Linux an XDG autostart
//!   file, `~/.config/autostart/Coachlog.desktop`, whose command starts the
//!   app with [`TRAY_ARG`] — and [`at_login`] asks the plugin whether it is
//!   there. It is an OS setting of this user, not of a database, so it is
//!   not in the `setting` table nor in `coachlog settings`; the Settings
//!   screen reads and sets it through [`at_login`] and [`set_at_login`].
//! - **The tray icon** ([`build`]) has a menu of [`TrayAction`]s: Open
//!   Today, Log a 1:1 (the window shown on that screen) and Quit. On Linux it
//!   needs libayatana-appindicator3 at run time; where it is missing (or the
//!   tray cannot be made) the app starts without a tray and says so in one
//!   log line.
//! - **With the tray and the login entry**, closing the window hides it
//!   ([`hides_on_close`]): the app keeps running, so the daily digest
//!   ([`crate::notify`]) still comes. Started with [`TRAY_ARG`] it comes up
//!   without its window. Without either, closing quits, as it always did,
//!   and the window is always shown (a hidden window with no tray would be
//!   out of reach).

use std::panic::{catch_unwind, AssertUnwindSafe};

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;

use crate::error::IpcError;

/// The argument the login entry starts the app with: no window, the tray.
pub const TRAY_ARG: &str = "--tray";

/// The tray icon's id.
const TRAY_ID: &str = "coachlog";

/// The label of the app's main window.
const MAIN_WINDOW: &str = "main";

/// What the tray menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayAction {
    /// Shows the window on Today.
    OpenToday,
    /// Shows the window on Log a 1:1.
    LogOneOnOne,
    /// Quits the app (the window, the tray and the daily digest).
    Quit,
}

impl TrayAction {
    /// The menu's items, in order.
    pub const ALL: [TrayAction; 3] = [
        TrayAction::OpenToday,
        TrayAction::LogOneOnOne,
        TrayAction::Quit,
    ];

    /// The menu item's id.
    pub fn id(self) -> &'static str {
        match self {
            TrayAction::OpenToday => "open-today",
            TrayAction::LogOneOnOne => "log-one-on-one",
            TrayAction::Quit => "quit",
        }
    }

    /// The menu item's words.
    pub fn label(self) -> &'static str {
        match self {
            TrayAction::OpenToday => "Open Today",
            TrayAction::LogOneOnOne => "Log a 1:1",
            TrayAction::Quit => "Quit Coachlog",
        }
    }

    /// The action of a menu item's id; `None` for an id the menu lacks.
    pub fn from_id(id: &str) -> Option<TrayAction> {
        TrayAction::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The screen the window opens on: a route of `ui/src/lib/screens.ts`
    /// (its hash is `#/<route>`); `None` for Quit.
    pub fn route(self) -> Option<&'static str> {
        match self {
            TrayAction::OpenToday => Some("today"),
            TrayAction::LogOneOnOne => Some("log"),
            TrayAction::Quit => None,
        }
    }
}

/// The script that takes the page to `route`: it sets the hash, and the
/// UI's router, which follows `hashchange`, opens the screen (an unsaved
/// 1:1 is kept as a draft, as on any navigation).
pub fn route_script(route: &str) -> String {
    let hash = serde_json::Value::String(format!("#/{route}"));
    format!("window.location.hash = {hash};")
}

/// Whether the app was started by the login entry (with [`TRAY_ARG`]).
pub fn started_in_tray(args: impl IntoIterator<Item = String>) -> bool {
    args.into_iter().skip(1).any(|a| a == TRAY_ARG)
}

/// Whether closing the window hides it instead of quitting: only with a
/// tray to bring it back and the login entry on.
pub fn hides_on_close(has_tray: bool, at_login: bool) -> bool {
    has_tray && at_login
}

/// Managed when the tray icon was made: the app has a tray.
pub struct HasTray;

/// Whether the app has a tray icon.
pub fn has_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<HasTray>().is_some()
}

/// Whether the login entry is there ("Start at login in the tray" is on).
pub fn at_login<R: Runtime>(app: &AppHandle<R>) -> Result<bool, IpcError> {
    app.autolaunch().is_enabled().map_err(|e| {
        IpcError::internal(format!(
            "Coachlog could not read its start-at-login entry: {e}."
        ))
    })
}

/// Writes (`on`) or removes the login entry; returns whether it is there.
pub fn set_at_login<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<bool, IpcError> {
    let manager = app.autolaunch();
    let done = if on {
        manager.enable()
    } else {
        manager.disable()
    };
    done.map_err(|e| {
        IpcError::internal(format!(
            "Coachlog could not {} its start-at-login entry (on Linux \
             ~/.config/autostart/): {e}. Check that the folder can be written, then try again.",
            if on { "write" } else { "remove" }
        ))
    })?;
    at_login(app)
}

/// Whether closing the window should hide it now (see [`hides_on_close`]).
/// A login entry that cannot be read counts as off: closing quits.
pub fn keeps_running<R: Runtime>(app: &AppHandle<R>) -> bool {
    hides_on_close(has_tray(app), at_login(app).unwrap_or(false))
}

/// Shows the main window on `route`.
pub fn open_on<R: Runtime>(app: &AppHandle<R>, route: &str) -> tauri::Result<()> {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        window.eval(route_script(route))?;
        window.unminimize()?;
        window.show()?;
        window.set_focus()?;
    }
    Ok(())
}

/// Does what the menu item `id` says.
pub fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let Some(action) = TrayAction::from_id(id) else {
        return;
    };
    match action.route() {
        Some(route) => {
            if let Err(e) = open_on(app, route) {
                eprintln!("coachlog: the tray could not open the window: {e}");
            }
        }
        None => app.exit(0),
    }
}

/// Runs `make`, turning a panic into an error: on Linux the tray library
/// panics when libayatana-appindicator3 (or libappindicator3) cannot be
/// loaded, and the app must still start.
pub fn without_panic<T>(make: impl FnOnce() -> tauri::Result<T>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(make)) {
        Ok(Ok(made)) => Ok(made),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "the tray library panicked".into())),
    }
}

/// Makes the tray icon and its menu. Where it cannot (no tray library),
/// logs why and returns `false`: the app runs without a tray, and closing
/// its window quits.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> bool {
    let made = without_panic(|| {
        let items = TrayAction::ALL
            .into_iter()
            .map(|a| MenuItem::with_id(app, a.id(), a.label(), true, None::<&str>))
            .collect::<tauri::Result<Vec<_>>>()?;
        let refs: Vec<&dyn tauri::menu::IsMenuItem<R>> = items
            .iter()
            .map(|i| i as &dyn tauri::menu::IsMenuItem<R>)
            .collect();
        let menu = Menu::with_items(app, &refs)?;
        let mut tray = TrayIconBuilder::with_id(TRAY_ID)
            .tooltip("Coachlog")
            .menu(&menu)
            .on_menu_event(|app, event| on_menu(app, event.id().as_ref()));
        if let Some(icon) = app.default_window_icon() {
            tray = tray.icon(icon.clone());
        }
        tray.build(app)
    });
    match made {
        Ok(_) => {
            app.manage(HasTray);
            true
        }
        Err(e) => {
            eprintln!(
                "coachlog: no tray icon ({}); the app runs with its window only, and closing \
                 it quits. On Debian or Ubuntu, install libayatana-appindicator3-1 for the tray.",
                e.lines().next().unwrap_or_default()
            );
            false
        }
    }
}

/// At start-up: makes the tray and hides the window when started by the
/// login entry — unless there is no tray, then the window stays.
pub fn start<R: Runtime>(app: &AppHandle<R>, in_tray: bool) {
    let has_tray = build(app);
    if !in_tray {
        return;
    }
    match app.get_webview_window(MAIN_WINDOW) {
        Some(window) if has_tray => {
            if let Err(e) = window.hide() {
                eprintln!("coachlog: the window could not be hidden in the tray: {e}");
            }
        }
        _ => eprintln!("coachlog: started with {TRAY_ARG} but without a tray: showing the window."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_menu_item_is_one_action_on_a_screen_of_the_ui() {
        let screens = include_str!("../../ui/src/lib/screens.ts");
        for action in TrayAction::ALL {
            assert_eq!(TrayAction::from_id(action.id()), Some(action));
            if let Some(route) = action.route() {
                assert!(
                    screens.contains(&format!("route: '{route}'")),
                    "{action:?} opens '{route}', which is not a route of screens.ts"
                );
            }
        }
        assert_eq!(TrayAction::from_id("open"), None);
        assert_eq!(TrayAction::OpenToday.route(), Some("today"));
        assert_eq!(TrayAction::LogOneOnOne.route(), Some("log"));
        assert_eq!(TrayAction::Quit.route(), None);
        // Log a 1:1 has the words of its place in the sidebar.
        assert!(screens.contains("label: 'Log a 1:1'"));
    }

    #[test]
    fn the_route_script_only_sets_the_hash() {
        assert_eq!(route_script("log"), r##"window.location.hash = "#/log";"##);
        assert_eq!(
            route_script("today"),
            r##"window.location.hash = "#/today";"##
        );
    }

    #[test]
    fn only_the_login_entry_starts_in_the_tray() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(started_in_tray(args(&["coachlog-desktop", "--tray"])));
        assert!(!started_in_tray(args(&["coachlog-desktop"])));
        // The program's own path is not an argument.
        assert!(!started_in_tray(args(&["--tray"])));
    }

    #[test]
    fn closing_hides_only_with_a_tray_and_the_login_entry() {
        let cases = [
            (true, true, true),
            (true, false, false),
            (false, true, false),
            (false, false, false),
        ];
        for (has_tray, at_login, hides) in cases {
            assert_eq!(
                hides_on_close(has_tray, at_login),
                hides,
                "{has_tray} {at_login}"
            );
        }
    }

    #[test]
    fn a_tray_library_that_panics_is_an_error_not_a_crash() {
        let missing = without_panic::<()>(|| {
            panic!("Failed to load ayatana-appindicator3 or appindicator3 dynamic library")
        });
        assert_eq!(
            missing.unwrap_err(),
            "Failed to load ayatana-appindicator3 or appindicator3 dynamic library"
        );
        assert_eq!(without_panic(|| Ok(7)), Ok(7));
    }
}
