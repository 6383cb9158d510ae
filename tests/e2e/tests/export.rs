//! The monthly summary exported from the app: on the demo database, Ctrl+E
//! opens Export; a month and a format are chosen, the preview shows the
//! summary, "Copy Markdown" puts it on the clipboard, and "Save as…" — the
//! app's own Save dialog, opened by Rust and answered by the test build
//! into the test's folder — writes a file that is byte for byte what
//! `coachlog summary` prints, for Markdown and HTML. The default export holds none of the month's 1:1 notes; with
//! "Include private notes" they appear, behind a warning.

use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};
use coachlog_e2e::{block_on, cli, serial, App};
use fantoccini::key::Key;
use serde_json::Value;

/// `YYYY-MM`, `months` months before `day`'s month.
fn month_before(day: NaiveDate, months: u32) -> String {
    let d = day.with_day(1).unwrap() - Months::new(months);
    d.format("%Y-%m").to_string()
}

/// "October 2026" for "2026-10", as the summary's title says it.
fn month_name(month: &str) -> String {
    let d = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").unwrap();
    d.format("%B %Y").to_string()
}

/// Waits until the preview shows `month`, `format` and the notes option.
async fn preview_shows(app: &App, month: &str, format: &str, notes: bool) {
    app.find(&format!(
        "[data-testid='export-preview'][data-key='{month}|{format}|{notes}'][aria-busy='false']"
    ))
    .await;
}

/// Picks `month` in the month picker.
async fn pick_month(app: &App, month: &str) {
    app.click(&format!("#ex-month option[value='{month}']"))
        .await;
    let select = app.find("#ex-month").await;
    let value = app.prop(&select, "value").await.unwrap_or_default();
    app.ensure(
        value == month,
        format!("the month picker shows {value}, not {month}"),
    )
    .await;
}

/// Clicks "Save as…" and waits until the screen says where it saved: the
/// app's Save dialog (answered by the test build into the app's saved
/// folder) offered the file name `name` under the title naming `month`.
/// Checks that the file is `expected` byte for byte (what `coachlog summary`
/// prints, in the `format` named). Returns the file's bytes.
async fn save_as(app: &App, month: &str, name: &str, format: &str, expected: &str) -> Vec<u8> {
    let path = app.saved_folder().join(name);
    let asked_before = app.dialogs_asked().len();
    app.click("[data-testid='export-save']").await;
    app.find_text("[data-testid='export-saved']", &path.display().to_string())
        .await;
    let saved =
        std::fs::read(&path).unwrap_or_else(|e| panic!("{} was not written: {e}", path.display()));
    app.ensure(
        saved == expected.as_bytes(),
        format!(
            "the saved {format} ({} bytes) differs from `coachlog summary` ({} bytes)",
            saved.len(),
            expected.len()
        ),
    )
    .await;
    let asked = app.dialogs_asked();
    let title = format!("Save the summary of {}", month_name(month));
    app.ensure(
        asked.len() == asked_before + 1 && asked.last() == Some(&title),
        format!("the app asked {asked:?}, not once more {title:?}"),
    )
    .await;
    saved
}

/// The long lines of the month's 1:1 notes (list markers and emphasis
/// stripped), which only a private export may contain.
fn note_lines(db: &Path, month: &str) -> Vec<String> {
    let list: Value = serde_json::from_str(&cli(db, &["--json", "one-on-one", "list"]))
        .expect("one-on-one list --json is JSON");
    let mut lines = Vec::new();
    for o in list.as_array().expect("an array") {
        if !o["date"].as_str().unwrap_or_default().starts_with(month) {
            continue;
        }
        for line in o["notes"].as_str().unwrap_or_default().lines() {
            let line = line.trim().trim_start_matches("- ").replace("**", "");
            if line.chars().count() >= 40 {
                lines.push(line);
            }
        }
    }
    lines
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_summary_exported_from_the_app_is_the_clis_byte_for_byte() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("export", |db| {
            cli(db, &["demo"]);
        })
        .await;
        let db = app.db_path().to_path_buf();
        let out = app.saved_folder();
        app.find("[data-testid='screen-today']").await;
        let today = app.today().await;
        let last_month = month_before(today, 1);
        let earlier = month_before(today, 2);

        // 1. Ctrl+E opens Export from anywhere, on last month, Markdown, no notes.
        app.type_focused(&format!("{}e{}", Key::Control, Key::Null))
            .await;
        app.find("[data-testid='screen-export']").await;
        let route = app.route().await;
        app.ensure(route == "#/export", format!("Ctrl+E went to {route}"))
            .await;
        preview_shows(&app, &last_month, "markdown", false).await;
        app.find("[data-testid='export-safe']").await;

        // 2. Last month as HTML: previewed in a sandboxed frame, saved.
        app.click("[data-testid='export-format-html']").await;
        pick_month(&app, &last_month).await;
        preview_shows(&app, &last_month, "html", false).await;
        let frame = app.find("[data-testid='export-html-frame']").await;
        let sandbox = app.attr(&frame, "sandbox").await;
        app.ensure(
            sandbox.as_deref() == Some(""),
            format!("the preview frame's sandbox is {sandbox:?}"),
        )
        .await;
        let expected_html = cli(
            &db,
            &["summary", "--month", &last_month, "--format", "html"],
        );
        let srcdoc = app.prop(&frame, "srcdoc").await.unwrap_or_default();
        app.ensure(
            srcdoc == expected_html,
            "the HTML preview is the summary's HTML",
        )
        .await;
        // And the frame shows it: its document (about:srcdoc) is let through
        // the app's navigation guard.
        let title = format!("Monthly summary: {}", month_name(&last_month));
        let shown = app
            .wait_until("the HTML preview frame to show the summary", || async {
                frame.enter_frame().await.ok()?;
                let h1 = app.client().find(fantoccini::Locator::Css("h1")).await.ok();
                let text = match h1 {
                    Some(h1) => h1.text().await.unwrap_or_default(),
                    None => String::new(),
                };
                app.client().enter_parent_frame().await.ok()?;
                (text == title).then_some(text)
            })
            .await;
        app.ensure(shown == title, format!("the frame shows {shown:?}"))
            .await;
        app.screenshot("export").await;
        let html_name = format!("coachlog-summary-{last_month}.html");
        let html = save_as(&app, &last_month, &html_name, "HTML", &expected_html).await;
        let html_text = String::from_utf8_lossy(&html);
        let notes = note_lines(&db, &last_month);
        app.ensure(
            !notes.is_empty(),
            format!("the demo has 1:1 notes in {last_month}"),
        )
        .await;
        for line in &notes {
            app.ensure(
                !html_text.contains(&html_escape(line)) && !html_text.contains(line.as_str()),
                format!("the default HTML export contains the note {line:?}"),
            )
            .await;
        }

        // 3. The month before, in Markdown: the rendered preview, then the file.
        pick_month(&app, &earlier).await;
        app.click("[data-testid='export-format-markdown']").await;
        preview_shows(&app, &earlier, "markdown", false).await;
        app.find_text(
            "[data-testid='export-rendered'] h1",
            &format!("Monthly summary: {}", month_name(&earlier)),
        )
        .await;
        let rows = app.all("[data-testid='export-rendered'] table tr").await;
        app.ensure(
            rows.len() > 3,
            format!("the headline table has {} rows", rows.len()),
        )
        .await;
        let md_name = format!("coachlog-summary-{earlier}.md");
        let expected_md = cli(&db, &["summary", "--month", &earlier, "--format", "md"]);
        let md = save_as(&app, &earlier, &md_name, "Markdown", &expected_md).await;
        let mut files: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let mut expected = vec![
            format!("coachlog-summary-{last_month}.html"),
            format!("coachlog-summary-{earlier}.md"),
        ];
        files.sort();
        expected.sort();
        app.ensure(
            files == expected,
            format!("only the two summaries are in the folder (no temporary file): {files:?}"),
        )
        .await;

        // The default export is safe to share: none of the month's notes.
        let notes = note_lines(&db, &earlier);
        app.ensure(
            !notes.is_empty(),
            format!("the demo has 1:1 notes in {earlier}"),
        )
        .await;
        let md_text = String::from_utf8_lossy(&md);
        for line in &notes {
            app.ensure(
                !md_text.contains(line.as_str()),
                format!("the default Markdown export contains the note {line:?}"),
            )
            .await;
        }

        // 4. "Copy Markdown" puts the same text on the clipboard: paste it
        // (Ctrl+V, through the X clipboard) into a scratch text area.
        app.click("[data-testid='export-copy']").await;
        app.find_text("[data-testid='notice']", "is on the clipboard as Markdown")
            .await;
        app.js(
            "const t = document.createElement('textarea'); t.id = 'e2e-paste'; \
             document.body.appendChild(t); t.focus(); return true;",
        )
        .await;
        app.type_focused(&format!("{}v{}", Key::Control, Key::Null))
            .await;
        let pasted = app
            .wait_until("the paste", || async {
                let v = app
                    .js("const t = document.getElementById('e2e-paste'); return t ? t.value : '';")
                    .await;
                v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
            })
            .await;
        app.js("document.getElementById('e2e-paste').remove(); return true;")
            .await;
        app.ensure(
            pasted == expected_md,
            format!(
                "the clipboard holds {} bytes, not the {} of the Markdown summary",
                pasted.len(),
                expected_md.len()
            ),
        )
        .await;

        // 5. "Include private notes" warns, and the month's notes are then in
        // the Markdown (its source shown).
        app.click("[data-testid='export-include-notes']").await;
        app.find_text(
            "[data-testid='export-notes-warning']",
            "1:1 notes, agenda item texts and walkthrough findings will be included",
        )
        .await;
        app.click("[data-testid='export-source-toggle']").await;
        preview_shows(&app, &earlier, "markdown", true).await;
        let source = app.find("[data-testid='export-source']").await;
        let private = app.prop(&source, "textContent").await.unwrap_or_default();
        app.ensure(
            notes.iter().any(|line| private.contains(line.as_str())),
            "the private export shows the month's notes",
        )
        .await;

        app.quit().await;
    });
}

/// Export → Person on the demo database: the first person's packet for the
/// default window (the six months ending today), previewed as HTML in the
/// sandboxed frame, then saved as HTML through the app's Save dialog (opened
/// by Rust, answered by the test build): the file is byte for byte what
/// `coachlog person history` prints, and it holds no private note.
#[test]
fn a_persons_packet_saved_from_the_app_is_the_clis_byte_for_byte() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("export-packet", |db| {
            cli(db, &["demo"]);
        })
        .await;
        let db = app.db_path().to_path_buf();
        app.find("[data-testid='screen-today']").await;
        let to = app.today().await;
        let from = (to - Months::new(6)).succ_opt().unwrap();
        app.type_focused(&format!("{}e{}", Key::Control, Key::Null))
            .await;
        app.click("[data-testid='export-tab-person']").await;
        let select = app.find("[data-testid='packet-person']").await;
        let id = app
            .wait_until("a person to be chosen", || async {
                app.prop(&select, "value").await.filter(|v| !v.is_empty())
            })
            .await;
        app.click("[data-testid='packet-format-html']").await;
        app.find(&format!(
            "[data-testid='packet-preview'][data-key^='{id}|{from}|{to}|html|false|'][aria-busy='false']"
        ))
        .await;
        let expected = cli(
            &db,
            &[
                "person",
                "history",
                &id,
                "--from",
                &from.to_string(),
                "--to",
                &to.to_string(),
                "--format",
                "html",
            ],
        );
        let frame = app.find("[data-testid='packet-html-frame']").await;
        let srcdoc = app.prop(&frame, "srcdoc").await.unwrap_or_default();
        app.ensure(srcdoc == expected, "the HTML preview is the packet's HTML")
            .await;

        let asked_before = app.dialogs_asked().len();
        app.click("[data-testid='packet-save']").await;
        let saved_line = app
            .find_text(
                "[data-testid='packet-saved']",
                &app.saved_folder().display().to_string(),
            )
            .await;
        let shown = app.text_of(&saved_line).await;
        let path = shown
            .split_once("Last saved to ")
            .map(|(_, p)| p.trim().to_string())
            .unwrap_or_default();
        app.ensure(
            path.ends_with(&format!("-{from}-{to}.html")),
            format!("saved to {path}"),
        )
        .await;
        let saved = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path} was not written: {e}"));
        app.ensure(
            saved == expected,
            "the saved packet is `coachlog person history`'s byte for byte",
        )
        .await;
        let private = cli(
            &db,
            &[
                "person",
                "history",
                &id,
                "--from",
                &from.to_string(),
                "--to",
                &to.to_string(),
                "--include-notes",
            ],
        );
        app.ensure(
            private.contains("## Private notes") && !saved.contains("Private notes"),
            "the default packet holds no private notes",
        )
        .await;
        let asked = app.dialogs_asked();
        app.ensure(
            asked.len() == asked_before + 1
                && asked
                    .last()
                    .is_some_and(|t| t.ends_with("'s review packet")),
            format!("the app asked {asked:?}"),
        )
        .await;
        app.quit().await;
    });
}
