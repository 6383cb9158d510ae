//! Every screen passes axe-core's WCAG 2 A and AA rules in the real webview.
//!
//! axe-core (the `axe-core` npm package, installed with the UI's other
//! packages) is injected through WebDriver into the running app, never
//! shipped with it. The screens come from the app itself: every sidebar link
//! (the UI's screen table), a person's page and Log a 1:1 for that person,
//! the keyboard-shortcut overlay, and the first-run screen of an empty
//! database. Both themes are checked: the light one, and the dark one the app
//! follows when the desktop asks for it (GTK's dark variant).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use coachlog_e2e::{block_on, cli, repo_root, serial, App};
use serde_json::Value;

/// The WCAG rule sets the issue asks for: WCAG 2.0 and 2.1, levels A and AA.
const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

fn axe_source() -> String {
    let path: PathBuf = repo_root().join("ui/node_modules/axe-core/axe.min.js");
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): the UI's npm packages are not installed. \
             Run scripts/setup.sh --test first.",
            path.display()
        )
    })
}

/// Waits until the screen `route` is shown and has loaded its data.
async fn settled(app: &App, route: &str) {
    app.find(&format!("[data-testid='screen-{route}']")).await;
    app.wait_until(&format!("the {route} screen to load its data"), || async {
        let loading = app
            .js(
                "const m = document.querySelector('main') || document.body; \
                 return /Loading/.test(m.innerText);",
            )
            .await;
        (loading == Value::Bool(false)).then_some(())
    })
    .await;
    // Transitions (toasts, the theme's colour fades) end before axe reads colours.
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// Runs axe on the page as it is now; one line per failing rule and element.
async fn violations(app: &App, what: &str) -> Vec<String> {
    let present = app.js("return typeof window.axe;").await;
    if present.as_str() != Some("object") {
        app.js(&format!("{}\nreturn typeof window.axe;", axe_source()))
            .await;
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];
         window.axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }}, resultTypes: ['violations'] }})
           .then(r => done(r.violations.map(v => ({{
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).slice(0, 5)
           }}))))
           .catch(e => done([{{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }}]));"
    );
    let found = match tokio::time::timeout(
        Duration::from_secs(60),
        app.client().execute_async(&script, vec![]),
    )
    .await
    {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => panic!("{}", app.failure(format!("axe on {what}: {e}")).await),
        Err(_) => panic!(
            "{}",
            app.failure(format!("axe on {what} did not finish in 60 s"))
                .await
        ),
    };
    let mut lines = Vec::new();
    for v in found.as_array().cloned().unwrap_or_default() {
        let nodes: Vec<String> = v["nodes"]
            .as_array()
            .map(|n| {
                n.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        lines.push(format!(
            "{what}: {} ({}) {}\n    {}",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or(""),
            nodes.join("\n    ")
        ));
    }
    lines
}

/// Visits every screen of a demo database and collects what axe finds.
async fn every_screen(app: &App, theme: &str) -> Vec<String> {
    let mut found = Vec::new();
    settled(app, "today").await;

    // Every sidebar entry: the links are drawn from the UI's screen table.
    let routes: Vec<String> = app
        .js(
            "return [...document.querySelectorAll('[data-testid^=\"nav-\"]')] \
             .map(a => a.getAttribute('data-testid').slice(4));",
        )
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.as_str().map(str::to_string))
        .collect();
    app.ensure(routes.len() >= 10, format!("the sidebar lists {routes:?}"))
        .await;
    for route in &routes {
        app.click(&format!("[data-testid='nav-{route}']")).await;
        settled(app, route).await;
        found.extend(violations(app, &format!("{theme} {route}")).await);
    }

    // A person's page, and Log a 1:1 for them (with their brief).
    app.click("[data-testid='nav-team']").await;
    settled(app, "team").await;
    let person = app.find("a[href^='#/person/']").await;
    let href = app.attr(&person, "href").await.unwrap_or_default();
    let id = href.trim_start_matches("#/person/").to_string();
    app.click_on(&person, "the first person on Team").await;
    settled(app, "person").await;
    found.extend(violations(app, &format!("{theme} person {id}")).await);
    app.js(&format!("location.hash = '#/log/{id}'; return true;"))
        .await;
    settled(app, "log").await;
    found.extend(violations(app, &format!("{theme} log {id}")).await);

    // The keyboard-shortcut overlay (a modal dialog).
    app.click("[data-testid='shortcuts-button']").await;
    app.find("dialog[open]").await;
    found.extend(violations(app, &format!("{theme} shortcuts overlay")).await);
    found
}

fn demo(db: &Path) {
    cli(db, &["demo"]);
}

fn assert_clean(found: Vec<String>) {
    assert!(
        found.is_empty(),
        "axe-core found {} WCAG 2 A/AA violation(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_screen_passes_wcag_a_and_aa_in_the_light_theme() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_with("axe-light", demo).await;
        let dark = app
            .js("return matchMedia('(prefers-color-scheme: dark)').matches;")
            .await;
        app.ensure(
            dark == Value::Bool(false),
            "the light run is in the light theme",
        )
        .await;
        let found = every_screen(&app, "light").await;
        app.quit().await;

        // The first-run screen of an empty database.
        let app = App::launch("axe-first-run").await;
        app.find("[data-testid='first-run']").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let mut found = found;
        found.extend(violations(&app, "light first run").await);
        app.quit().await;
        assert_clean(found);
    });
}

#[test]
fn every_screen_passes_wcag_a_and_aa_in_the_dark_theme() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch_env("axe-dark", &[("GTK_THEME", "Adwaita:dark")], demo).await;
        let dark = app
            .js("return matchMedia('(prefers-color-scheme: dark)').matches;")
            .await;
        app.ensure(
            dark == Value::Bool(true),
            "GTK's dark variant did not reach the page as prefers-color-scheme: dark",
        )
        .await;
        let found = every_screen(&app, "dark").await;
        app.quit().await;
        assert_clean(found);
    });
}
