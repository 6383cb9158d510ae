//! Reminders with the window closed, in the real app: Settings → "Start at
//! login in the tray" writes the login entry (an XDG autostart file that
//! starts the app with `--tray`) and removes it; the app started that way
//! makes its tray under Xvfb — where no StatusNotifier host draws it — and
//! keeps running without crashing.
//!
//! The tray's menu cannot be clicked through WebDriver (it is not part of
//! the webview); its actions are tested in `src-tauri/src/tray.rs`.

use std::time::Duration;

use coachlog_e2e::{block_on, cli, run_app_with, serial, App};

#[test]
fn tray_at_login_writes_and_removes_the_login_entry() {
    let _one_app_at_a_time = serial();
    block_on(async {
        // Past the first-run screen: someone on the team.
        let app = App::launch_with("tray_at_login", |db| {
            cli(
                db,
                &["person", "add", "Zora Ndlovu", "--since", "2026-01-05"],
            );
        })
        .await;
        app.click("[data-testid='nav-settings']").await;
        let switch = "[data-testid='tray-at-login']";
        app.find(switch).await;
        // The harness gives the app its own HOME: the entry goes there.
        let entry = app.dir().join("home/.config/autostart/Coachlog.desktop");
        app.ensure(!entry.exists(), "a login entry before any was asked for")
            .await;

        app.click(switch).await;
        let text = app
            .wait_until("the login entry to be written", || {
                let entry = entry.clone();
                async move { std::fs::read_to_string(entry).ok() }
            })
            .await;
        let exec = text.lines().find_map(|l| l.strip_prefix("Exec="));
        app.ensure(
            exec.is_some_and(|e| e.contains("coachlog-desktop") && e.ends_with(" --tray")),
            format!("the login entry does not start the app in the tray:\n{text}"),
        )
        .await;

        app.click(switch).await;
        app.wait_until("the login entry to be removed", || {
            let gone = !entry.exists();
            async move { gone.then_some(()) }
        })
        .await;
        app.quit().await;
    });
}

#[test]
fn started_at_login_the_app_runs_in_the_tray_without_crashing() {
    let _one_app_at_a_time = serial();
    let dir = tempfile::Builder::new()
        .prefix("coachlog-e2e-tray-")
        .tempdir()
        .unwrap();
    let db = dir.path().join("coachlog.sqlite");
    let (ended, output) = run_app_with(&db, dir.path(), &["--tray"], Duration::from_secs(8));
    assert!(
        ended.is_none(),
        "the app started with --tray ended ({ended:?}) instead of running in the tray:\n{output}"
    );
    assert!(
        !output.contains("no tray icon") && !output.contains("panicked"),
        "the app could not make its tray under Xvfb:\n{output}"
    );
    // The app opened its database while in the tray.
    assert!(db.exists(), "no database at {}:\n{output}", db.display());
}
