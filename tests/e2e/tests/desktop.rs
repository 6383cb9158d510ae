//! The desktop app end to end: the built binary, its real webview, driven
//! through WebDriver as a leader would use it. Each test starts the app on a
//! new, empty database. Run with `scripts/e2e.sh` (see docs/testing.md).

use std::time::Duration;

use coachlog_e2e::{block_on, serial, App};

const PERSON: &str = "Priya Raman";
const TITLE: &str = "Senior Product Manager, Plan";
const OTHER: &str = "Marco Rossi";
/// A word that appears only in the 1:1's notes, to search for.
const WORD: &str = "periwinkle";
const TODO_TEXT: &str = "Draft the Q3 vision MR";
const HELP_TEXT: &str = "Context on pricing for the VP review";

/// From the first-run screen, "Start empty" opens the Add a person dialog.
async fn start_empty(app: &App) {
    let first = app.find("[data-testid='first-run']").await;
    let text = app.text_of(&first).await;
    app.ensure(
        text.contains("Welcome to Coachlog"),
        format!("the first-run screen has no welcome: {text:?}"),
    )
    .await;
    // It names the database it opened: the test's own, empty file.
    let db = app.db_path().display().to_string();
    app.ensure(
        text.contains(&db),
        format!("the first-run screen does not show the database {db}: {text:?}"),
    )
    .await;
    app.click("[data-testid='first-run-empty']").await;
    app.find_text("[data-testid='person-form'] h2", "Add a person")
        .await;
}

/// Fills the open Add a person dialog and saves it; lands on the person's page.
async fn add_person(app: &App, name: &str, title: &str, group: &str, cadence: &str) {
    app.find("[data-testid='person-form']").await;
    app.type_into("#pf-name", name).await;
    app.type_into("#pf-title", title).await;
    app.type_into("#pf-section", "Dev").await;
    app.type_into("#pf-groups", &format!("{group}\n")).await;
    if !cadence.is_empty() {
        app.type_into("#pf-cadence", cadence).await;
    }
    app.click("[data-testid='person-save']").await;
    app.find_text("[data-testid='person-heading']", name).await;
    app.find_text("[data-testid='notice']", &format!("Added {name}."))
        .await;
}

/// The date `days` from today in the webview's local time, as YYYY-MM-DD.
async fn date_in(app: &App, days: i64) -> String {
    let script = format!(
        "const d = new Date(); d.setDate(d.getDate() + {days}); \
         return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' \
         + String(d.getDate()).padStart(2, '0');"
    );
    app.js(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_leader_adds_a_person_logs_a_one_on_one_finds_it_and_archives_the_person() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("leader_workflow").await;

        // 1. An empty database opens on the first-run screen; start empty.
        start_empty(&app).await;

        // 2. Add two people; both are on the roster with level, scope and cadence.
        add_person(&app, PERSON, TITLE, "Project Management", "14").await;
        app.click("[data-testid='nav-team']").await;
        app.click("[data-testid='team-add']").await;
        add_person(
            &app,
            OTHER,
            "Product Manager, Verify",
            "Pipeline Execution",
            "",
        )
        .await;
        app.click("[data-testid='nav-team']").await;
        let row_text = app.text_with("[data-testid='team-row']", PERSON).await;
        for expected in [
            TITLE,
            "IC",
            "Group: Project Management (Dev)",
            "every 14 days",
        ] {
            app.ensure(
                row_text.contains(expected),
                format!("the roster row lacks {expected:?}: {row_text:?}"),
            )
            .await;
        }
        app.find_text("[data-testid='team-row']", OTHER).await;
        app.find_text("#main h1 + p", "2 people").await;
        app.screenshot("team").await;

        // 3. Log a 1:1, keyboard first: the picker has the focus, typing filters,
        //    Enter picks; notes in Markdown; a TODO and a HELP added inline;
        //    Ctrl+Enter saves.
        app.click("[data-testid='nav-log']").await;
        app.find("[data-testid='log-person-input']").await;
        app.wait_until("the person picker to have the focus", || async {
            (app.focused().await == "log-person").then_some(())
        })
        .await;
        app.type_focused("pri").await;
        app.wait_until("the picker to offer only Priya", || async {
            let offered = app.texts("[data-testid='log-person-option']").await;
            (offered.len() == 1 && offered[0].contains(PERSON)).then_some(())
        })
        .await;
        app.type_focused("\n").await;
        app.find_text("[data-testid='log-person-name']", PERSON)
            .await;
        app.wait_until("the notes to have the focus", || async {
            (app.focused().await == "log-notes").then_some(())
        })
        .await;
        let notes = format!(
            "## Q3 planning\n\nWe walked through the **{WORD}** pricing experiment.\n\
             - Shipping the beta in 17.4\n- Feedback: great customer interviews"
        );
        app.type_focused(&notes).await;
        // The live preview renders the Markdown.
        app.find_text("[data-testid='log-notes-preview'] strong", WORD)
            .await;
        app.find_text("[data-testid='log-notes-preview'] h2", "Q3 planning")
            .await;
        app.type_into("#log-tags", "roadmap, pricing").await;
        let due = date_in(&app, 7).await;
        app.type_into("#log-new-text", &format!("TODO: {TODO_TEXT} @{due}\n"))
            .await;
        app.type_into("#log-new-text", &format!("HELP: {HELP_TEXT}\n"))
            .await;
        let todo_text = app
            .text_with("[data-testid='log-new-item']", TODO_TEXT)
            .await;
        app.ensure(
            todo_text.contains("TODO") && todo_text.contains(&due),
            format!("the new TODO item reads {todo_text:?}"),
        )
        .await;
        let help_text = app
            .text_with("[data-testid='log-new-item']", HELP_TEXT)
            .await;
        app.ensure(
            help_text.contains("HELP"),
            format!("the new HELP item reads {help_text:?}"),
        )
        .await;
        // Typed work is kept as a draft while the 1:1 is being written.
        app.find_text("[data-testid='log-draft-status']", "Draft saved")
            .await;
        app.screenshot("log").await;
        app.click("#log-notes").await;
        app.ctrl_enter().await;
        app.find_text(
            "[data-testid='notice']",
            &format!("Logged the 1:1 with {PERSON} (2 items added)."),
        )
        .await;

        // 4. The person's page: both items on the living agenda, the notes on
        //    the timeline. Then Today: the request and the action.
        app.find_text("[data-testid='person-heading']", PERSON)
            .await;
        let item_text = app
            .text_with("[data-testid='agenda-item']", TODO_TEXT)
            .await;
        app.ensure(
            item_text.contains("TODO"),
            format!("agenda item: {item_text:?}"),
        )
        .await;
        let item_text = app
            .text_with("[data-testid='agenda-item']", HELP_TEXT)
            .await;
        app.ensure(
            item_text.contains("HELP") && item_text.contains("raised by them"),
            format!("the HELP item should be raised by {PERSON}: {item_text:?}"),
        )
        .await;
        app.find_text("[data-testid='timeline-notes']", WORD).await;
        app.find_text("[data-testid='person-timeline'] summary", "roadmap")
            .await;
        app.screenshot("person").await;

        app.click("[data-testid='nav-today']").await;
        let request_text = app
            .text_with("[data-testid='today-request']", HELP_TEXT)
            .await;
        app.ensure(
            request_text.contains(PERSON),
            format!("the request on Today does not name {PERSON}: {request_text:?}"),
        )
        .await;
        app.find_text("[data-testid='today-action']", TODO_TEXT)
            .await;
        app.find_text("[data-testid='today-person']", PERSON).await;
        app.find_text("[data-testid='today-person']", OTHER).await;
        app.screenshot("today").await;

        // 5. Search a word of the notes; the result leads to the 1:1.
        app.click("[data-testid='nav-search']").await;
        app.type_into("[data-testid='search-input']", WORD).await;
        let hit = app
            .find_text(
                "[data-testid='search-result'][data-kind='one_on_one']",
                PERSON,
            )
            .await;
        let href = app.attr(&hit, "href").await.unwrap_or_default();
        app.ensure(
            href.contains("#/person/") && href.contains("focus=oneonone-"),
            format!("the search result links to {href:?}, not to the 1:1"),
        )
        .await;
        app.screenshot("search").await;
        app.click_on(&hit, "the search result").await;
        app.find_text("[data-testid='person-heading']", PERSON)
            .await;
        let target = href.rsplit("focus=").next().unwrap_or_default().to_string();
        let css = format!("details#{target}.focused[open] [data-testid='timeline-notes']");
        app.find_text(&css, WORD).await;

        // 6. Archive the person: they leave the active roster (and Today).
        app.click("[data-testid='nav-team']").await;
        let row = app.find_text("[data-testid='team-row']", PERSON).await;
        let archive = app.find_in(&row, "[data-testid='team-archive']").await;
        app.click_on(&archive, "Archive").await;
        app.find_text("[data-testid='notice']", &format!("Archived {PERSON}"))
            .await;
        app.wait_no_text("[data-testid='team-row']", PERSON).await;
        app.find_text("[data-testid='team-row']", OTHER).await;
        app.find_text("#main h1 + p", "1 person").await;
        app.click("[data-testid='team-show-archived']").await;
        let row_text = app.text_with("[data-testid='team-row']", PERSON).await;
        app.ensure(
            row_text.contains("archived"),
            format!("the archived row has no archived badge: {row_text:?}"),
        )
        .await;
        app.click("[data-testid='nav-today']").await;
        app.find_text("[data-testid='today-person']", OTHER).await;
        app.wait_no_text("[data-testid='today-person']", PERSON)
            .await;

        // 9 (rest). Settings, with the database in use.
        app.click("[data-testid='nav-settings']").await;
        app.find("[data-testid='setting-row']").await;
        app.find_text(
            "[data-testid='settings-db-path']",
            &app.db_path().display().to_string(),
        )
        .await;
        app.screenshot("settings").await;

        app.quit().await;
    });
}

#[test]
fn bad_input_shows_the_message_from_the_core() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("bad_input").await;
        start_empty(&app).await;

        // An empty name: the core refuses it; the dialog stays open.
        app.click("[data-testid='person-save']").await;
        let message = app
            .text_with("[data-testid='error-toast']", "Please check your input")
            .await;
        app.ensure(
            message.contains("The name is empty; give one."),
            format!("the error toast reads {message:?}"),
        )
        .await;
        app.find("[data-testid='person-form']").await;

        // A name that is already taken (in another case, with spaces).
        app.type_into("#pf-name", PERSON).await;
        app.click("[data-testid='person-save']").await;
        app.find_text("[data-testid='person-heading']", PERSON)
            .await;
        app.click("[data-testid='nav-team']").await;
        app.click("[data-testid='team-add']").await;
        app.type_into("#pf-name", "  priya RAMAN ").await;
        app.click("[data-testid='person-save']").await;
        app.find_text(
            "[data-testid='error-toast'] [data-testid='error-message']",
            "There is already a person named 'Priya Raman' (id 1). Names must be unique: add \
             an initial or a surname.",
        )
        .await;
        app.find_text("[data-testid='error-toast']", "Already exists")
            .await;
        // Nothing typed is lost, and nothing was added.
        let name_field = app.find("#pf-name").await;
        let typed = app.prop(&name_field, "value").await.unwrap_or_default();
        app.ensure(
            typed == "  priya RAMAN ",
            format!("the typed name was lost: {typed:?}"),
        )
        .await;
        let rows = app.texts("[data-testid='team-row']").await;
        app.ensure(rows.len() == 1, format!("the roster changed: {rows:?}"))
            .await;

        app.quit().await;
    });
}

#[test]
fn html_in_notes_and_items_renders_as_inert_text() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("xss").await;
        start_empty(&app).await;
        add_person(&app, "Xavier Stone", "Product Manager", "Runner", "").await;

        app.click("[data-testid='person-log']").await;
        app.find_text("[data-testid='log-person-name']", "Xavier Stone")
            .await;
        let img = r#"<img src=x onerror="window.__xss=1">"#;
        let script = "<script>window.__xss=2</script>";
        let notes = format!(
            "Image: {img}\n\nScript: {script}\n\nLink: [click me](javascript:window.__xss=3)"
        );
        app.type_into("#log-notes", &notes).await;
        let item_img = r#"<img src=y onerror="window.__xss=4">"#;
        app.type_into("#log-new-text", &format!("TODO: check {item_img}\n"))
            .await;

        let preview = "[data-testid='log-notes-preview']";
        app.find_text(preview, img).await;
        app.find_text(preview, script).await;
        app.find_text(preview, "click me").await;

        app.click("#log-notes").await;
        app.ctrl_enter().await;
        app.find_text("[data-testid='timeline-notes']", img).await;
        app.find_text("[data-testid='timeline-notes']", script)
            .await;
        app.find_text("[data-testid='agenda-item']", item_img).await;

        let found = app
            .js(
                "return { \
                   xss: typeof window.__xss, \
                   elements: document.querySelectorAll('.md img, .md script, .md [onerror]').length, \
                   jsLinks: [...document.querySelectorAll('.md a')] \
                     .filter((a) => (a.getAttribute('href') || '').toLowerCase().includes('javascript')).length \
                 };",
            )
            .await;
        app.ensure(
            found["xss"] == "undefined",
            format!("a payload ran: window.__xss is {}", found["xss"]),
        )
        .await;
        app.ensure(
            found["elements"] == 0 && found["jsLinks"] == 0,
            format!("live markup in rendered notes: {found}"),
        )
        .await;

        app.quit().await;
    });
}

#[test]
fn starting_the_app_again_hands_over_to_the_running_window() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("single_instance").await;
        app.find("[data-testid='first-run']").await;

        // The running app holds its single-instance name on the session bus.
        let lock = "dev.coachlog.app.SingleInstance";
        if let Some(names) = app.session_bus_names() {
            app.ensure(
                names.iter().any(|n| n.starts_with(lock)),
                format!("no {lock} name on the session bus: {names:?}"),
            )
            .await;
        }

        // The second start must find the running one on the session bus,
        // hand over (the running app focuses its window) and exit, without
        // opening a window of its own.
        let (status, log) = app.start_again(Duration::from_secs(20));
        match status {
            Some(s) => {
                app.ensure(
                    s.success(),
                    format!("the second start failed ({s}):\n{log}"),
                )
                .await
            }
            None => {
                app.ensure(
                    false,
                    format!(
                        "the second start was still running after 20 s: it opened a second \
                         window instead of handing over to the running one.\n{log}"
                    ),
                )
                .await
            }
        }

        // The first window is still there, alone, and still works.
        let windows = app.window_count().await;
        app.ensure(windows == 1, format!("the session has {windows} windows"))
            .await;
        app.click("[data-testid='first-run-empty']").await;
        app.find_text("[data-testid='person-form'] h2", "Add a person")
            .await;

        app.quit().await;
    });
}
