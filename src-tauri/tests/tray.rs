//! "Start at login in the tray" on the mock runtime: the setting is the
//! login entry itself, written and removed by the autostart plugin.
//!
//! One test in its own binary: it points `HOME` (where the plugin writes,
//! `~/.config/autostart/`) at a temporary folder, which no other test in
//! the process may see changing.

mod common;

use serde_json::json;

#[test]
fn turning_it_on_writes_the_login_entry_and_off_removes_it() {
    let home = tempfile::tempdir().unwrap();
    std::env::set_var("HOME", home.path());
    // XDG_CONFIG_HOME at its default: the plugin writes under ~/.config.
    std::env::set_var("XDG_CONFIG_HOME", home.path().join(".config"));
    let entry = home.path().join(".config/autostart/Coachlog.desktop");

    let app = common::app();
    assert_eq!(app.ok("tray_at_login", json!({})), json!(false));
    assert!(!entry.exists());

    assert_eq!(
        app.ok("tray_at_login_set", json!({ "enabled": true })),
        json!(true)
    );
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(text.starts_with("[Desktop Entry]\n"), "{text}");
    let exec = text
        .lines()
        .find_map(|l| l.strip_prefix("Exec="))
        .unwrap_or_else(|| panic!("no Exec line in {text}"));
    // This very program, started in the tray.
    let me = std::env::current_exe().unwrap();
    assert_eq!(exec, format!("{} --tray", me.display()));
    assert_eq!(app.ok("tray_at_login", json!({})), json!(true));
    // On again changes nothing.
    assert_eq!(
        app.ok("tray_at_login_set", json!({ "enabled": true })),
        json!(true)
    );
    assert_eq!(std::fs::read_to_string(&entry).unwrap(), text);

    assert_eq!(
        app.ok("tray_at_login_set", json!({ "enabled": false })),
        json!(false)
    );
    assert!(!entry.exists());
    assert_eq!(app.ok("tray_at_login", json!({})), json!(false));
    // Off again is not an error.
    assert_eq!(
        app.ok("tray_at_login_set", json!({ "enabled": false })),
        json!(false)
    );

    // A value that is not a yes or no is refused by the command's signature
    // (Tauri's own message; the UI names it an internal error), and writes
    // nothing.
    let refused = app.invoke("tray_at_login_set", json!({ "enabled": "yes" }));
    let message = refused.expect_err("a string for a boolean was accepted");
    assert!(
        message.to_string().contains("expected a boolean"),
        "{message}"
    );
    assert!(!entry.exists());
}
