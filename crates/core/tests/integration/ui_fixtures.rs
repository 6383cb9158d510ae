//! The answers of the UI's test backend (`ui/src/dev/mockBackend.ts`),
//! made by the real core: the demo team on [`TODAY`], and under each read
//! command's name what its core call returns (for list and get commands,
//! every record of the kind, which the backend filters by the command's
//! arguments; for `summary_preview` the previous month in each format; for
//! `search` a few words; `history_preview` the review packets of the two
//! people of `brief` in the default window (`history_window`), by person id; `person_page` every person's, `brief` and
//! `brief_markdown` two tracked people's, by person id; `agenda_balance`
//! the last 90 days), in `ui/src/dev/fixtures.json`. The UI's tests
//! and its browser preview answer from this file instead of computing
//! anything of their own, so what they show is what the core says.
//!
//! Regenerate after a change to the core's answers:
//! `COACHLOG_WRITE_UI_FIXTURES=1 cargo test -p coachlog-core --test integration ui_fixtures`.
//! Without the variable the test fails when the committed file is stale
//! (the drift test, as for the TypeScript bindings).

use std::path::Path;

use coachlog_core::calendar::Month;
use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::history::{self, HistoryFormat, HistoryOptions};
use coachlog_core::store::names::{self, NameKind};
use coachlog_core::store::{
    agenda, customers, drafts, hiring, one_on_ones, people, search, updates, walkthroughs, wins,
};
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::{brief, coaching, dashboard, nudges, overview, settings, Db};
use serde_json::{json, Map, Value};

use crate::support::{d, TODAY};

/// Words the fixtures hold search results for (the UI's tests search them).
const SEARCHES: &[&str] = &["roadmap", "pricing", "customer", "onboarding"];

/// How many people the fixtures hold a brief of.
const BRIEFS: usize = 2;

/// The file, from the repository root.
const FILE: &str = "ui/src/dev/fixtures.json";

fn value<T: serde::Serialize>(v: coachlog_core::Result<T>) -> Value {
    serde_json::to_value(v.unwrap()).unwrap()
}

/// Every answer, by command name.
fn answers(db: &mut Db) -> Value {
    let today = d(TODAY);
    let report = demo::fill(db, today, &DemoOptions::default()).unwrap();
    let c = db.conn();
    let mut names_by_kind = Map::new();
    for kind in [
        NameKind::Stage,
        NameKind::Group,
        NameKind::Category,
        NameKind::Tag,
        NameKind::Team,
    ] {
        let key = serde_json::to_value(kind).unwrap();
        names_by_kind.insert(
            key.as_str().unwrap().to_string(),
            value(names::list(c, kind)),
        );
    }
    let month = Month::of(today).prev();
    let mut previews = Map::new();
    for (format, name) in [
        (Format::Markdown, "md"),
        (Format::Html, "html"),
        (Format::Csv, "csv"),
        (Format::Json, "json"),
    ] {
        // With notes: the Markdown only (the Export screen's default format).
        let with_notes: &[bool] = if format == Format::Markdown {
            &[false, true]
        } else {
            &[false]
        };
        for &include_notes in with_notes {
            let options = SummaryOptions {
                include_notes,
                generated_on: None,
            };
            let key = format!("{name}{}", if include_notes { "+notes" } else { "" });
            let text = summary::export(c, month, &options, format).unwrap();
            previews.insert(key, Value::String(text));
        }
    }
    let mut searches = Map::new();
    for word in SEARCHES {
        searches.insert(word.to_string(), value(search::search(c, word, 50)));
    }
    let requisitions = hiring::list_requisitions(c, true).unwrap();
    let mut loops = Vec::new();
    for r in &requisitions {
        loops.extend(hiring::list_loop(c, r.id).unwrap());
    }
    // Every person's page; the brief of the first two tracked people (by
    // name), as data and as Markdown, keyed by person id.
    let everyone = people::list(
        c,
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap();
    let mut pages = Map::new();
    for p in &everyone {
        pages.insert(
            p.id.to_string(),
            value(overview::person_page(c, p.id, today)),
        );
    }
    let mut briefs = Map::new();
    let mut brief_texts = Map::new();
    for p in everyone
        .iter()
        .filter(|p| p.tracked && p.is_active_on(today))
        .take(BRIEFS)
    {
        briefs.insert(p.id.to_string(), value(brief::build(c, p.id, today)));
        brief_texts.insert(
            p.id.to_string(),
            Value::String(brief::render_markdown(c, p.id, today).unwrap()),
        );
    }
    // The review packets of the same people, in the default window.
    let window = history::Window::new(None, None, today).unwrap();
    let mut packets = Map::new();
    for p in everyone
        .iter()
        .filter(|p| p.tracked && p.is_active_on(today))
        .take(BRIEFS)
    {
        let mut texts = Map::new();
        for (format, include_notes) in [
            (HistoryFormat::Markdown, false),
            (HistoryFormat::Markdown, true),
            (HistoryFormat::Html, false),
            (HistoryFormat::Json, false),
        ] {
            let options = HistoryOptions { include_notes };
            let key = format!(
                "{}{}",
                format.extension(),
                if include_notes { "+notes" } else { "" }
            );
            let text = history::export(c, p.id, window, &options, format).unwrap();
            texts.insert(key, Value::String(text));
        }
        packets.insert(p.id.to_string(), Value::Object(texts));
    }
    let (from, to) = coaching::balance_window(today);
    json!({
        "today": today,
        "summary_month": month.to_string(),
        "history_window": window,
        "answers": {
            "demo_fill": report,
            "settings_list": value(settings::list(c)),
            "names": names_by_kind,
            "people_list": value(people::list(c, people::Filter { include_archived: true })),
            "one_on_ones_list": value(one_on_ones::list(c, one_on_ones::Filter::default())),
            "one_on_one_months": value(one_on_ones::months(c)),
            "draft_get": value(drafts::list(c)),
            "agenda_list": value(agenda::list(c, agenda::Filter::default())),
            "updates_list": value(updates::list(c, updates::Filter::default())),
            "customer_links_list": value(customers::list_links(
                c,
                customers::LinkFilter { person: None, include_archived: true },
            )),
            "check_ins_list": value(customers::list_check_ins(c, None, None)),
            "requisitions_list": requisitions,
            "loop_list": loops,
            "interviews_list": value(hiring::list_interviews(c, None)),
            "walkthroughs_list": value(walkthroughs::list(c, None, None)),
            "wins_list": value(wins::list(c, wins::Filter { person: None, unshared_only: false })),
            "cdf_reviews_list": value(coachlog_core::store::cdf::list(c, None)),
            "milestones_list": value(coachlog_core::store::milestones::list(c)),
            "template_get": templates_in_force(c),
            "overview": value(overview::build(c, today)),
            "overdue": value(nudges::overdue(c, today, true)),
            "coverage": value(dashboard::coverage(c, today)),
            "releases": value(dashboard::releases(c, today, 12)),
            "summary_preview": previews,
            "history_preview": packets,
            "search": searches,
            "person_page": pages,
            "brief": briefs,
            "brief_markdown": brief_texts,
            "agenda_balance": value(coaching::team_agenda_balance(c, from, to)),
        }
    })
}

/// `template_get`'s answers: the walkthrough template, the 1:1 template
/// for no one (the leader's default) and for each person, by person id.
fn templates_in_force(c: &rusqlite::Connection) -> Value {
    use coachlog_core::model::TemplateKind;
    use coachlog_core::store::templates;
    let mut all = vec![
        templates::in_force(c, TemplateKind::OneOnOne, None).unwrap(),
        templates::in_force(c, TemplateKind::Walkthrough, None).unwrap(),
    ];
    for p in people::list(
        c,
        people::Filter {
            include_archived: true,
        },
    )
    .unwrap()
    {
        all.push(templates::in_force(c, TemplateKind::OneOnOne, Some(p.id)).unwrap());
    }
    serde_json::to_value(all).unwrap()
}

#[test]
fn ui_fixtures_are_the_cores_answers() {
    let mut db = Db::open_in_memory(d(TODAY)).unwrap();
    let fresh = serde_json::to_string_pretty(&answers(&mut db)).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(FILE);
    if std::env::var_os("COACHLOG_WRITE_UI_FIXTURES").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{FILE} is not what the core answers now. Regenerate it with \
         `COACHLOG_WRITE_UI_FIXTURES=1 cargo test -p coachlog-core --test integration \
         ui_fixtures` and commit it."
    );
}
