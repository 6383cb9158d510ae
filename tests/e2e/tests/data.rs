//! Settings → Data in the real app: an oikio file and a CSV imported through
//! the app's Open dialog (answered by the test build), each previewed, then
//! imported, the new people showing on Team; a second import of the CSV adds
//! nothing; and the whole database exported through the Save dialog, the
//! same bytes as `coachlog export`.

use std::path::Path;

use coachlog_e2e::{block_on, cli, serial, App, Dialogs};

const OIKIO: &str = include_str!("../../../crates/core/tests/fixtures/oikio-data.json");
const CSV: &str = include_str!("../../../docs/examples/one-on-ones.csv");

/// Import… with the next queued file: waits for the preview to name it and
/// say `would`, then imports and waits for the preview to go.
async fn import(app: &App, file: &str, would: &str) {
    app.click("[data-testid='data-import']").await;
    app.find_text("[data-testid='import-preview']", file).await;
    app.find_text("[data-testid='import-preview-report']", would)
        .await;
    app.click("[data-testid='import-apply']").await;
    app.wait_until("the preview to close after the import", || async {
        let gone = app
            .js("return document.querySelector(\"[data-testid='import-preview']\") === null;")
            .await;
        gone.as_bool().unwrap_or(false).then_some(())
    })
    .await;
}

#[test]
fn oikio_and_csv_come_in_from_settings_and_the_database_goes_out() {
    let _one_app_at_a_time = serial();
    let files = tempfile::tempdir().unwrap();
    let oikio = files.path().join("oikio-data.json");
    let csv = files.path().join("one-on-ones.csv");
    std::fs::write(&oikio, OIKIO).unwrap();
    std::fs::write(&csv, CSV).unwrap();
    let opens: [&Path; 3] = [&oikio, &csv, &csv];
    block_on(async {
        let app = App::launch_opening("data", Dialogs::Agree, &opens, |db| {
            cli(
                db,
                &["person", "add", "Priya Raman", "--since", "2025-01-01"],
            );
        })
        .await;
        app.find("[data-testid='nav-settings']").await;
        app.click("[data-testid='nav-settings']").await;
        app.find("[data-testid='settings-data']").await;

        import(&app, "oikio-data.json", "Matched by name: Priya Raman.").await;
        import(&app, "one-on-ones.csv", "New people: Ana Ruiz, Ben Okafor.").await;
        // The same CSV again: nothing to add.
        app.click("[data-testid='data-import']").await;
        app.find_text("[data-testid='import-preview-report']", "Would add nothing")
            .await;
        app.click("[data-testid='import-cancel']").await;

        // The people and their 1:1s are in the app and in the database.
        app.click("[data-testid='nav-team']").await;
        for name in ["Ana Ruiz", "Ben Okafor", "Tomás Ortega", "Priya Raman"] {
            app.find_text("[data-testid='screen-team']", name).await;
        }
        let listed = cli(app.db_path(), &["1on1", "list", "Ana Ruiz"]);
        app.ensure(
            listed.contains("2026-01-08"),
            format!("Ana's 1:1s: {listed}"),
        )
        .await;

        // The whole database out, as `coachlog export` writes it.
        app.click("[data-testid='nav-settings']").await;
        app.click("[data-testid='data-export']").await;
        let saved = app.saved_folder();
        app.wait_until("the export to be written", || async {
            std::fs::read_dir(&saved).ok()?.flatten().find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("coachlog-export-")
            })
        })
        .await;
        let file = std::fs::read_dir(&saved)
            .unwrap()
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("coachlog-export-")
            })
            .unwrap()
            .path();
        let expected = cli(app.db_path(), &["export"]);
        let written = std::fs::read_to_string(&file).unwrap_or_default();
        app.ensure(written == expected, "the export is `coachlog export`'s")
            .await;
        app.quit().await;
    });
}
