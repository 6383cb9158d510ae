//! Portfolio milestones and the calendar feed in the real app: a milestone
//! added with the command line shows on Today's release calendar (the app
//! notices the other program's write), and Settings → Calendar → "Save…" —
//! the app's own Save dialog, opened by Rust and answered by the test build
//! into the test's folder — writes the iCalendar feed, byte for byte what
//! `coachlog calendar` prints, with the milestone in it and no 1:1 notes.

use chrono::Days;
use coachlog_e2e::{block_on, cli, serial, App};

#[test]
fn a_milestone_shows_on_today_and_the_calendar_is_saved_from_settings() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("calendar", |db| {
            cli(db, &["demo"]);
        })
        .await;
        let db = app.db_path().to_path_buf();
        app.find("[data-testid='screen-today']").await;
        let day = (app.today().await + Days::new(10)).to_string();

        // 1. A milestone from the command line shows on Today's release calendar.
        cli(
            &db,
            &[
                "milestone",
                "add",
                "Portfolio GA",
                "--date",
                &day,
                "--notes",
                "Private launch notes",
            ],
        );
        app.find_text("[data-testid='today-milestone']", "Portfolio GA")
            .await;
        app.screenshot("today-milestones").await;

        // 2. Settings → Calendar → Save…: the shell asks where, and writes.
        app.js("location.hash = '#/settings'; return null;").await;
        app.find("[data-testid='calendar-section']").await;
        let path = app.saved_folder().join("coachlog.ics");
        let asked_before = app.dialogs_asked().len();
        app.click("[data-testid='calendar-save']").await;
        app.find_text(
            "[data-testid='calendar-saved']",
            &path.display().to_string(),
        )
        .await;
        let asked = app.dialogs_asked();
        app.ensure(
            asked.len() == asked_before + 1
                && asked.last().map(String::as_str) == Some("Save the Coachlog calendar"),
            format!("the app asked {asked:?}"),
        )
        .await;
        let saved = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} was not written: {e}", path.display()));
        let expected = cli(&db, &["calendar"]);
        app.ensure(
            saved == expected,
            format!(
                "the saved calendar ({} bytes) differs from `coachlog calendar` ({} bytes)",
                saved.len(),
                expected.len()
            ),
        )
        .await;
        let compact = day.replace('-', "");
        app.ensure(
            saved.contains(&format!("DTSTART;VALUE=DATE:{compact}\r\n"))
                && saved.contains("SUMMARY:Milestone: Portfolio GA\r\n")
                && saved.contains("BEGIN:VCALENDAR\r\n")
                && !saved.contains("Private launch notes"),
            "the feed holds the milestone as an all-day event, without its notes",
        )
        .await;
        app.quit().await;
    });
}
