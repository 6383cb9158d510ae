//! The IPC benchmark of `scripts/perf.sh` (docs/performance.md, issue 6
//! item 12): saves and searches timed in the real webview, around the same
//! `invoke` that `ui/src/lib/api.ts` calls, on a large database.
//!
//! Ignored: the end-to-end suite never runs it. `scripts/perf.sh` runs it
//! with `--ignored` under its Xvfb and D-Bus session, with the release app
//! in `COACHLOG_APP` and the database to copy in `PERF_SEARCH_DB`; it prints
//! one line `PERF_IPC {json}` with p50/p95/p99 of each series.

use std::time::Duration;

use coachlog_e2e::{block_on, serial, App};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};

/// One 1:1 logged with notes, tags and one new agenda item: the save.
const SAVES: usize = 1000;
/// Full-text searches for the 50 best hits, as the Search screen asks.
const SEARCHES: usize = 200;
/// The draft autosave of the Log screen (a secondary series).
const DRAFTS: usize = 200;

/// Words of the demo team's notes, from very common to rare; two-word
/// queries and prefixes too (the last word of a search is a prefix).
const QUERIES: &[&str] = &[
    "customer",
    "direction page",
    "pricing",
    "OKRs",
    "escalations",
    "kickoff",
    "retro",
    "capacity",
    "dogfooding",
    "lovable",
    "deprecation notice",
    "research",
    "release post",
    "onsite",
    "metrics",
    "headcount",
    "canvas",
    "vision",
    "airport",
    "feedback",
];

/// Runs in the page: an async WebDriver script (its last argument is the
/// callback). Times each `invoke` with `performance.now()`.
const BENCH: &str = r#"
const [saves, searches, drafts, queries, done] = arguments;
const invoke = window.__TAURI_INTERNALS__.invoke;
const rank = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.max(0, Math.ceil(p / 100 * s.length) - 1)]; };
const stats = (v) => ({ n: v.length, p50: rank(v, 50), p95: rank(v, 95), p99: rank(v, 99), max: Math.max(...v),
  mean: v.reduce((a, b) => a + b, 0) / v.length });
const timed = async (cmd, args) => { const t = performance.now(); const r = await invoke(cmd, args); return [performance.now() - t, r]; };
(async () => {
  const today = (await invoke('app_info')).today;
  const day = (i) => { const d = new Date(today + 'T12:00:00Z'); d.setUTCDate(d.getUTCDate() - i); return d.toISOString().slice(0, 10); };
  const person = await invoke('person_add', { input: {
    name: 'Benchmark Person', title: 'Senior Product Manager, Plan', job_family: 'senior_product_manager', level: 'ic',
    scope: { kind: 'group', section: 'Dev', stages: ['Plan'], groups: ['Project Management'] },
    since: day(saves + 30), cadence_days: null, tracked: true } });
  const logInput = (i) => ({ input: {
    one_on_one: { person_id: person.id, date: day(i), status: 'held',
      notes: `Talked about the roadmap risks for the next release (${i}); customer feedback on pricing, and the **next steps**.`,
      tags: ['career'] },
    new_items: [{ text: `Draft the OKRs for the next quarter (${i})`, open_tag: 'todo', timing: null, raised_by: 'leader' }],
    close_items: [] } });
  const draft = (i) => ({ draft: { person_id: person.id, date: today, status: 'held',
    notes: `A draft being typed, version ${i}: roadmap, pricing, hiring.`, tags: [], new_items: [], close_items: [] } });

  // Warm-up: the first calls of each kind are not counted.
  for (let i = 0; i < 10; i++) await invoke('search', { text: queries[i % queries.length], limit: 50 });
  for (let i = 0; i < 10; i++) await invoke('draft_save', draft(i));

  const search = []; let hits = 0; const byQuery = {};
  for (let i = 0; i < searches; i++) {
    const text = queries[i % queries.length];
    const [t, r] = await timed('search', { text, limit: 50 });
    search.push(t); hits += r.length; (byQuery[text] ??= []).push(t);
  }
  const perQuery = Object.fromEntries(Object.entries(byQuery).map(([q, v]) => [q, rank(v, 50)]));
  // The common case: today's 1:1, each with another PM (new people, added first).
  const pms = [];
  for (let i = 0; i < saves; i++) {
    pms.push(await invoke('person_add', { input: {
      name: `Benchmark PM ${i}`, title: 'Product Manager, Plan', job_family: 'product_manager', level: 'ic',
      scope: { kind: 'group', section: 'Dev', stages: ['Plan'], groups: ['Project Management'] },
      since: day(30), cadence_days: null, tracked: true } }));
  }
  const save = [];
  for (let i = 0; i < saves; i++) {
    const input = logInput(i);
    input.input.one_on_one.person_id = pms[i].id;
    input.input.one_on_one.date = today;
    save.push((await timed('one_on_one_log', input))[0]);
  }
  // Backdated: one PM's 1:1s on the 1,000 days before today, newest first.
  const backdated = [];
  for (let i = 0; i < saves; i++) backdated.push((await timed('one_on_one_log', logInput(i)))[0]);
  const draftTimes = [];
  for (let i = 0; i < drafts; i++) draftTimes.push((await timed('draft_save', draft(i)))[0]);
  // WebKit rounds performance.now() to whole milliseconds: say if it did.
  const steps = [...save, ...backdated, ...search].map((a) => Math.abs(a - Math.round(a))).filter((x) => x > 1e-6);
  done({ save: stats(save), save_backdated: stats(backdated), search: { ...stats(search), hits_mean: hits / searches, median_by_query: perQuery }, draft: stats(draftTimes),
    timer_fractional: steps.length > 0 });
})().catch((e) => done({ error: (e && (e.message || JSON.stringify(e))) || String(e) }));
"#;

#[test]
#[ignore = "a benchmark: scripts/perf.sh runs it"]
fn ipc_saves_and_searches() {
    let _serial = serial();
    let source = std::env::var_os("PERF_SEARCH_DB")
        .expect("PERF_SEARCH_DB: the database to search (scripts/perf.sh makes it)");
    block_on(async {
        let app = App::launch_with("perf-ipc", |db| {
            std::fs::copy(&source, db).expect("copy the search database");
        })
        .await;
        app.find("[data-testid='screen-today']").await;
        // WebDriver stops a script after 30 s by default; this one takes longer.
        let long = TimeoutConfiguration::new(Some(Duration::from_secs(600)), None, None);
        if let Err(e) = app.client().update_timeouts(long).await {
            panic!(
                "{}",
                app.failure(format!("set the script timeout: {e}")).await
            );
        }
        let result = tokio::time::timeout(
            Duration::from_secs(600),
            app.client().execute_async(
                BENCH,
                vec![json!(SAVES), json!(SEARCHES), json!(DRAFTS), json!(QUERIES)],
            ),
        )
        .await;
        let result = match result {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => panic!(
                "{}",
                app.failure(format!("the benchmark failed: {e}")).await
            ),
            Err(_) => panic!(
                "{}",
                app.failure("the benchmark took over 10 minutes").await
            ),
        };
        if result.get("error").is_some_and(|e| !e.is_null()) || result == Value::Null {
            panic!(
                "{}",
                app.failure(format!("the benchmark failed: {result}")).await
            );
        }
        println!("PERF_IPC {result}");
        app.quit().await;
    });
}
