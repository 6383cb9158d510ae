//! Backups and encryption in the real app: "Back up now" and "Restore…" in
//! Settings (checked with the `coachlog` command on the same file), then
//! encryption turned on with a passphrase — the file, its log and every
//! backup lose the note's text — and two more starts of the app on the
//! encrypted file: with `COACHLOG_PASSPHRASE` it opens on Today at once;
//! without it, on the Unlock screen, which refuses a wrong passphrase.
//!
//! The OS keyring is turned off (`COACHLOG_KEYRING=off`): the test session's
//! D-Bus has no Secret Service, and the test must not depend on one.

use std::fs;
use std::path::{Path, PathBuf};

use coachlog_e2e::{block_on, cli, serial, App};
use fantoccini::key::Key;

const PERSON: &str = "Zebulon Quartermaine";
const NOTE: &str = "Quokka migration plan";
const LATE: &str = "Lucinda Latecomer";
const SECRET: &str = "correct horse battery staple";

fn contains(file: &Path, text: &str) -> bool {
    let bytes = fs::read(file).unwrap_or_default();
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// The database, its log and every file in its backups folder.
fn files_of(db: &Path) -> Vec<PathBuf> {
    let mut files = vec![db.to_path_buf()];
    let wal = db.with_file_name("coachlog.sqlite-wal");
    if wal.exists() {
        files.push(wal);
    }
    let backups = db.with_file_name("backups");
    for entry in fs::read_dir(&backups).expect("the backups folder exists") {
        files.push(entry.unwrap().path());
    }
    files
}

/// Copies the database, its log and its backups from `from` (a database
/// file) into the folder `to`.
fn copy_database(from: &Path, to: &Path) {
    fs::create_dir_all(to.join("backups")).unwrap();
    for f in files_of(from) {
        let relative = f.strip_prefix(from.parent().unwrap()).unwrap();
        fs::copy(&f, to.join(relative)).unwrap();
    }
}

/// Puts the kept files next to the new app's database `db`.
fn restore_kept(kept: &Path, db: &Path) {
    copy_database(&kept.join("coachlog.sqlite"), db.parent().unwrap());
}

#[test]
fn back_up_restore_and_encrypt_from_settings_then_start_with_the_passphrase() {
    let _one_app_at_a_time = serial();
    std::env::set_var("COACHLOG_KEYRING", "off");
    std::env::remove_var("COACHLOG_PASSPHRASE");
    let kept = tempfile::tempdir().unwrap();

    block_on(async {
        let app = App::launch_with("backups", |db| {
            cli(db, &["person", "add", PERSON, "--since", "2026-10-01"]);
            cli(
                db,
                &[
                    "agenda", "add", "zebulon", NOTE, "--tag", "TODO", "--by", "leader",
                ],
            );
        })
        .await;
        app.click("[data-testid='nav-settings']").await;
        app.find("[data-testid='backups-folder']").await;
        let rows = "[data-testid='backup-row']";
        let before = app.all(rows).await.len();

        app.click("[data-testid='backup-now']").await;
        app.find_text("[data-testid='notice']", "Backed up").await;
        app.wait_until("the new backup in the list", || async {
            (app.all(rows).await.len() == before + 1).then_some(())
        })
        .await;
        // Scroll the screen (not the window) to the section.
        app.js("const main = document.getElementById('main'); \
             const s = document.querySelector(\"[data-testid='settings-backups']\"); \
             main.scrollTop += s.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;")
            .await;
        app.screenshot("settings-backups").await;

        // Written after that backup, by the command-line tool on the same file.
        cli(
            app.db_path(),
            &["person", "add", LATE, "--since", "2026-10-01"],
        );
        assert!(cli(app.db_path(), &["--json", "person", "list"]).contains(LATE));

        // The newest backup is listed first.
        app.click(&format!("{rows} [data-testid='backup-restore']"))
            .await;
        // Rust asks in a native dialog (the test build answers yes); the
        // page asks nothing of its own.
        app.find_text("[data-testid='notice']", "Restored the backup")
            .await;
        app.find("[data-testid='backup-row'][data-kind='before_restore']")
            .await;
        let people = cli(app.db_path(), &["--json", "person", "list"]);
        assert!(people.contains(PERSON), "{people}");
        assert!(
            !people.contains(LATE),
            "the restore kept a later write: {people}"
        );
        // Readable before encryption (so the check below means something).
        assert!(contains(app.db_path(), PERSON));

        // Encryption on, from Settings.
        app.click("[data-testid='encryption-on']").await;
        app.find_text("[data-testid='encryption-warning']", "your notes are lost")
            .await;
        app.type_into("[data-testid='encryption-passphrase']", SECRET)
            .await;
        app.type_into("[data-testid='encryption-confirm']", SECRET)
            .await;
        app.find_text("[data-testid='encryption-strength']", "Strong")
            .await;
        app.click("[data-testid='encryption-submit']").await;
        app.find_text("[data-testid='encryption-state']", "On.")
            .await;
        app.find_text(
            "[data-testid='encryption-key']",
            "asks for the passphrase at every start",
        )
        .await;
        // Both asked the leader in a native dialog first (the test build
        // answers yes).
        assert_eq!(
            app.dialogs_asked(),
            ["Restore this backup?", "Encrypt your notes?"]
        );
        // Still working on the reopened, encrypted database.
        app.click("[data-testid='nav-team']").await;
        app.find_text("[data-testid='team-row']", PERSON).await;
        let files = files_of(app.db_path());
        assert!(files.len() >= 3, "{files:?}");
        for f in &files {
            assert!(!contains(f, NOTE), "{} holds the note's text", f.display());
            assert!(!contains(f, PERSON), "{} holds the name", f.display());
        }
        copy_database(app.db_path(), kept.path());
        app.quit().await;
    });

    // A script or test gives the passphrase in COACHLOG_PASSPHRASE.
    std::env::set_var("COACHLOG_PASSPHRASE", SECRET);
    block_on(async {
        let app = App::launch_with("backups-env", |db| restore_kept(kept.path(), db)).await;
        app.find("[data-testid='screen-today']").await;
        app.click("[data-testid='nav-team']").await;
        app.find_text("[data-testid='team-row']", PERSON).await;
        app.quit().await;
    });
    std::env::remove_var("COACHLOG_PASSPHRASE");

    // Without it (and no keyring), the app asks.
    block_on(async {
        let app = App::launch_with("backups-unlock", |db| restore_kept(kept.path(), db)).await;
        app.find("[data-testid='unlock']").await;
        app.type_into("[data-testid='unlock-passphrase']", "not the passphrase\n")
            .await;
        app.find_text(
            "[data-testid='unlock-error']",
            "does not open this database",
        )
        .await;
        app.screenshot("unlock").await;
        let field = app.find("[data-testid='unlock-passphrase']").await;
        let select_all = format!("{}a{}", Key::Control, Key::Null);
        app.type_keys(&field, &select_all).await;
        app.type_keys(&field, &format!("{SECRET}\n")).await;
        app.find("[data-testid='screen-today']").await;
        app.click("[data-testid='nav-team']").await;
        app.find_text("[data-testid='team-row']", PERSON).await;
        app.quit().await;
    });
}
