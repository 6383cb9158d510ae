//! Hostile text in the real app: the generated XSS corpus
//! (`tests/e2e/payloads/corpus.rs`, 700+ payloads) is stored through the
//! app's own commands as people's names and titles, group names, 1:1 notes
//! and tags, agenda items, walkthrough titles and findings, wins, team names,
//! check-in notes, requisitions, candidates, loop members, update links and a
//! draft; then every screen is shown and, on each, the test asserts that
//!
//! - no payload ran: `window.__pwned` is undefined (every payload would count
//!   it up), and no `securitypolicyviolation` event fired (a payload that got
//!   into the DOM as markup but was stopped by the CSP would fire one);
//! - no payload called the IPC: every IPC request the page made after the
//!   fill (recorded by a wrapper around `window.fetch`, which Tauri's IPC
//!   goes through on Linux) is one of the app's read commands, and no
//!   sentinel win (`PWNED-IPC-<n>`, which only an executed payload can
//!   write) exists at the end;
//! - no live markup from a payload is in the DOM: no event-handler attribute,
//!   no `javascript:`/`data:` URL, no foreign script, frame, object or base,
//!   and inside rendered Markdown only the elements Markdown itself makes;
//! - the app and its WebKit processes hold no INET/INET6 socket.
//!
//! Run with `scripts/e2e.sh hostile` (see docs/testing.md and docs/security.md).

use std::collections::BTreeSet;
use std::fs;
use std::time::{Duration, Instant};

use coachlog_e2e::{block_on, serial, App};
use serde_json::{json, Value};

#[allow(dead_code)]
#[path = "../payloads/corpus.rs"]
mod corpus;

/// A date `offset` days from the app's today, resolved in the page.
fn day(offset: i64) -> Value {
    json!({ "$day": offset })
}

/// The month (`YYYY-MM`) of the app's today plus `offset` days.
fn month_of_day(offset: i64) -> Value {
    json!({ "$month_of_day": offset })
}

fn call(cmd: &str, args: Value) -> Value {
    json!({ "cmd": cmd, "args": args })
}

/// What the fill stores, and where.
struct Fill {
    calls: Vec<Value>,
    people: usize,
    one_on_ones: usize,
    agenda_items: usize,
    walkthroughs: usize,
    wins: usize,
    links: usize,
    check_ins: usize,
    requisitions: usize,
}

const NOTES_PER_RECORD: usize = 10;

/// Person 1's "since": before the sentinel win's date (2020-01-01).
const SENTINEL_SINCE: &str = "2019-06-01";

/// Builds the calls that store the corpus. Ids are predictable: the database
/// is new and empty, so the n-th record of a kind gets id n.
fn plan(payloads: &[corpus::Payload]) -> Fill {
    let texts: Vec<&str> = payloads.iter().map(|p| p.text.as_str()).collect();
    let n = texts.len();
    let names: Vec<&str> = payloads
        .iter()
        .filter(|p| p.is_one_line() && p.text.chars().count() <= 180)
        .map(|p| p.text.as_str())
        .collect();
    let short: Vec<&str> = names
        .iter()
        .copied()
        .filter(|t| t.chars().count() <= 90)
        .collect();
    let name = |i: usize| names[i % names.len()];
    let chunk = |k: usize| -> String {
        (0..NOTES_PER_RECORD)
            .map(|j| texts[(k * NOTES_PER_RECORD + j) % n])
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let chunks = n.div_ceil(NOTES_PER_RECORD);
    let mut calls = Vec::new();

    // People: Ada Anchor (id 1, the sentinel's target) and 200 with payload
    // names, titles and group names.
    let person = |name: String, title: &str, group: &str| {
        json!({ "input": {
            "name": name, "title": title, "job_family": "product_manager", "level": "ic",
            "scope": { "kind": "group", "section": "Dev", "stages": [], "groups": [group] },
            "since": day(-400), "cadence_days": null, "tracked": true,
        }})
    };
    // Ada reports since 2019, so that a payload's sentinel win (noted on
    // 2020-01-01) would be accepted: the check on the wins is not vacuous.
    let mut ada = person("Ada Anchor".into(), "Senior PM", "Plan");
    ada["input"]["since"] = json!(SENTINEL_SINCE);
    calls.push(call("person_add", ada));
    let people = 200;
    for i in 0..people {
        calls.push(call(
            "person_add",
            person(format!("{} ~{i}", name(i)), name(i + 7), name(i + 13)),
        ));
    }
    // 1:1s (yesterday) for people 2…: every payload in the notes, eight
    // agenda items each (overdue TODOs, HELP requests, DISCUSS), a payload tag.
    let mut agenda_items = 0;
    for k in 0..chunks {
        let items: Vec<Value> = (0..8)
            .map(|j| {
                let (tag, timing, by) = match j % 3 {
                    0 => ("todo", day(-1), "leader"),
                    1 => ("help", Value::Null, "person"),
                    _ => ("discuss", Value::Null, "leader"),
                };
                json!({ "text": texts[(k * 8 + j) % n], "open_tag": tag, "timing": timing,
                        "raised_by": by })
            })
            .collect();
        agenda_items += items.len();
        calls.push(call(
            "one_on_one_log",
            json!({ "input": {
                "one_on_one": { "person_id": k + 2, "date": day(-1), "status": "held",
                                "notes": chunk(k), "tags": [short[k % short.len()]] },
                "new_items": items, "close_items": [],
            }}),
        ));
    }
    // The rest of the corpus as Ada's agenda, so every payload is an item.
    for (i, t) in texts.iter().enumerate().skip(chunks * 8) {
        let (tag, by) = if i % 2 == 0 {
            ("help", "person")
        } else {
            ("discuss", "leader")
        };
        calls.push(call(
            "agenda_add",
            json!({ "input": { "person_id": 1, "text": t, "open_tag": tag, "timing": null,
                               "raised_by": by, "opened_on": day(-2), "opened_in": null }}),
        ));
        agenda_items += 1;
    }
    // Wins: every other payload, spread over 40 people.
    let mut wins = 0;
    for (i, t) in texts.iter().enumerate().step_by(2) {
        calls.push(call(
            "win_add",
            json!({ "input": { "person_id": i % 40 + 1, "noted_on": day(-((i % 20) as i64)),
                               "text": t }}),
        ));
        wins += 1;
    }
    // Walkthroughs: payload titles and findings.
    for k in 0..chunks {
        calls.push(call(
            "walkthrough_add",
            json!({ "input": { "date": day(-(k as i64)), "title": name(k + 31), "stages": ["Plan"],
                               "categories": [], "findings": chunk(k), "issue_link": null }}),
        ));
    }
    // Internal customers: 100 payload team names; check-ins with payload notes.
    let links = 100;
    for i in 0..links {
        calls.push(call(
            "customer_link_add",
            json!({ "input": { "person_id": i % 40 + 2, "team": name(i + 200),
                               "category": format!("Category {i}"), "since": day(-300) }}),
        ));
    }
    for k in 0..chunks {
        calls.push(call(
            "check_in_add",
            json!({ "input": { "link_id": k + 1, "date": day(-((k % 10) as i64) - 1),
                               "epic_updated": k % 2 == 0, "notes": chunk(k) }}),
        ));
    }
    // Hiring: requisition titles, loop members, candidates.
    let requisitions = 20;
    for i in 0..requisitions {
        calls.push(call(
            "requisition_open",
            json!({ "input": { "title": name(i + 300), "level": "ic", "opened_on": day(-60) }}),
        ));
        calls.push(call(
            "loop_add",
            json!({ "input": { "requisition_id": i + 1, "member": { "name": name(i + 330) },
                               "role": name(i + 360), "works_with_hire": false }}),
        ));
        calls.push(call(
            "interview_add",
            json!({ "input": { "requisition_id": i + 1, "date": day(-10),
                               "candidate": name(i + 390),
                               "interviewers": [{ "name": name(i + 420) }] }}),
        ));
    }
    // Update links: valid web links that carry markup in their query.
    for i in 0..10 {
        let js = corpus::script(10_000 + i, corpus::Effect::Ipc);
        let link = match i % 3 {
            0 => format!("https://example.com/?q=\"><img/src=x/onerror={js}>"),
            1 => format!("https://example.com/#'><script>{js}</script>"),
            _ => format!("https://example.com/x\"onmouseover=\"{js}"),
        };
        calls.push(call(
            "update_add",
            json!({ "input": { "person_id": i + 2, "kind": "next_release",
                               "period": month_of_day(0), "status": "in_review",
                               "done_on": null, "link": link }}),
        ));
    }
    // A draft for Ada: the Log screen restores it into its live preview.
    calls.push(call(
        "draft_save",
        json!({ "draft": {
            "person_id": 1, "date": day(0), "status": "held",
            "notes": (0..60).map(|i| texts[i]).collect::<Vec<_>>().join("\n\n"),
            "tags": [short[0]],
            "new_items": [{ "text": texts[60], "open_tag": "todo", "timing": null,
                            "raised_by": "leader" }],
            "close_items": [],
        }}),
    ));
    Fill {
        calls,
        people: people + 1,
        one_on_ones: chunks,
        agenda_items,
        walkthroughs: chunks,
        wins,
        links,
        check_ins: chunks,
        requisitions,
    }
}

/// Sends `calls` through `window.__TAURI_INTERNALS__.invoke`, in order, in
/// batches (each within the driver's script time limit).
const FILL: &str = r#"
const [batch, today] = arguments;
const done = arguments[arguments.length - 1];
const base = new Date(today + 'T12:00:00Z');
const iso = (d) => d.toISOString().slice(0, 10);
const resolve = (v) => {
  if (Array.isArray(v)) return v.map(resolve);
  if (v && typeof v === 'object') {
    if ('$day' in v) { const d = new Date(base); d.setUTCDate(d.getUTCDate() + v.$day); return iso(d); }
    if ('$month_of_day' in v) { const d = new Date(base); d.setUTCDate(d.getUTCDate() + v.$month_of_day); return iso(d).slice(0, 7); }
    const o = {};
    for (const k of Object.keys(v)) o[k] = resolve(v[k]);
    return o;
  }
  return v;
};
(async () => {
  let ok = 0;
  for (const c of batch) {
    const args = resolve(c.args);
    try {
      await window.__TAURI_INTERNALS__.invoke(c.cmd, args);
      ok += 1;
    } catch (e) {
      done({ ok, error: c.cmd + ': ' + JSON.stringify(e), args: JSON.stringify(args).slice(0, 400) });
      return;
    }
  }
  done({ ok });
})();
"#;

/// Installed after the fill and before any screen is shown: records every
/// IPC request (Tauri's IPC is a `fetch` to `ipc://localhost/<command>` on
/// Linux, falling back to `window.ipc.postMessage`), any other network API
/// use, and CSP violations.
const INSTRUMENT: &str = r#"
if (!window.__hostile) {
  const log = { ipc: [], other: [], posts: [], violations: [], sentinels: [] };
  window.__hostile = log;
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : (input && input.url) || String(input);
    const m = /^(?:ipc:\/\/localhost|http:\/\/ipc\.localhost)\/([^?#]*)/.exec(url);
    if (m) {
      const cmd = decodeURIComponent(m[1]);
      log.ipc.push(cmd);
      const body = init && typeof init.body === 'string' ? init.body : '';
      if (body.includes('PWNED-IPC')) log.sentinels.push(cmd + ' ' + body.slice(0, 200));
    } else {
      log.other.push('fetch ' + url.slice(0, 200));
    }
    return realFetch.apply(this, arguments);
  };
  try {
    if (window.ipc && typeof window.ipc.postMessage === 'function') {
      const realPost = window.ipc.postMessage.bind(window.ipc);
      window.ipc.postMessage = function (data) {
        log.posts.push(String(data).slice(0, 200));
        return realPost(data);
      };
    }
  } catch (e) { log.posts.push('could not wrap window.ipc: ' + e); }
  const realOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    log.other.push('xhr ' + String(url).slice(0, 200));
    return realOpen.apply(this, arguments);
  };
  const RealWebSocket = window.WebSocket;
  window.WebSocket = function (url) { log.other.push('websocket ' + url); return new RealWebSocket(...arguments); };
  if (navigator.sendBeacon) {
    const realBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = function (url) { log.other.push('beacon ' + url); return realBeacon(...arguments); };
  }
  const realWindowOpen = window.open;
  window.open = function (url) { log.other.push('window.open ' + url); return realWindowOpen.apply(this, arguments); };
  document.addEventListener('securitypolicyviolation', (e) => {
    log.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '').slice(0, 120));
  }, true);
}
return true;
"#;

/// The state of the page: payload flags, dangerous markup, and how much
/// payload text is on screen.
const CHECK: &str = r#"
const out = {
  pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
  by: typeof window.__pwnedBy === 'undefined' ? null : String(window.__pwnedBy),
  bad: [], md: 0, shown: 0, hostile: window.__hostile || null,
};
const MD_OK = new Set(['P','H1','H2','H3','H4','H5','H6','A','CODE','PRE','TABLE','THEAD','TBODY',
  'TR','TH','TD','UL','OL','LI','BLOCKQUOTE','STRONG','EM','DEL','S','HR','BR','SPAN']);
const URL_ATTRS = new Set(['href','src','action','formaction','xlink:href','data','background',
  'poster','codebase','cite','srcset','ping','manifest','icon','dynsrc','lowsrc']);
const squash = (v) => v.replace(/[\u0000-\u0020\u00a0\u200b-\u200f\u2028-\u202e\u2060\ufeff]/g, '').toLowerCase();
const BAD_SCHEME = /^(javascript|vbscript|data|blob|file|filesystem):/;
const ASSETS = new URL('/assets/', location.href).href;
const inspect = (root, where) => {
  for (const el of root.querySelectorAll('*')) {
    const t = el.tagName.toUpperCase();
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      const v = squash(a.value);
      if (n.startsWith('on')) out.bad.push(`${where}: <${t} ${n}>`);
      else if (URL_ATTRS.has(n) && BAD_SCHEME.test(v)) out.bad.push(`${where}: <${t} ${n}="${v.slice(0, 60)}">`);
      else if (n === 'style' && /expression|url\(|@import|javascript/.test(v)) out.bad.push(`${where}: <${t} style="${v.slice(0, 60)}">`);
    }
    if (t === 'SCRIPT') {
      const own = where === 'app' && el.src && el.src.startsWith(ASSETS);
      if (!own) out.bad.push(`${where}: <script ${el.src || el.textContent.slice(0, 60)}>`);
    }
    if (['OBJECT','EMBED','FRAME','FRAMESET','APPLET','PORTAL','BASE','LINK'].includes(t)) {
      const ownCss = t === 'LINK' && where === 'app' && el.rel === 'stylesheet' && el.href.startsWith(ASSETS);
      if (!ownCss) out.bad.push(`${where}: <${t}>`);
    }
    if (t === 'META' && el.httpEquiv && !(el.httpEquiv.toLowerCase() === 'content-security-policy' && el.parentElement && el.parentElement.tagName === 'HEAD')) {
      out.bad.push(`${where}: <meta http-equiv=${el.httpEquiv}>`);
    }
    if (t === 'IFRAME') {
      const summary = where === 'app' && el.getAttribute('data-testid') === 'export-html-frame';
      if (!summary || el.getAttribute('sandbox') !== '' || el.hasAttribute('src')) {
        out.bad.push(`${where}: <iframe ${el.outerHTML.slice(0, 120)}>`);
      } else {
        // The summary's HTML, parsed (not run): the same rules inside it.
        const doc = new DOMParser().parseFromString(el.srcdoc || '', 'text/html');
        inspect(doc, 'summary');
        out.summaryTags = doc.querySelectorAll('*').length;
      }
    }
  }
  for (const md of root.querySelectorAll('.md')) {
    out.md += 1;
    for (const el of md.querySelectorAll('*')) {
      if (!MD_OK.has(el.tagName.toUpperCase())) out.bad.push(`${where} Markdown: <${el.tagName.toLowerCase()}>`);
    }
    for (const a of md.querySelectorAll('a[href]')) {
      if (!/^(https?:|mailto:|#)/i.test(a.getAttribute('href').trim())) out.bad.push(`${where} Markdown: <a href="${a.getAttribute('href').slice(0, 60)}">`);
    }
  }
};
inspect(document, 'app');
out.shown = (document.body.innerText.match(/pwned/g) || []).length;
return out;
"#;

/// Waits two animation frames and `ms` more, so that anything a payload
/// could have triggered (image errors, focus, toggles) has happened.
async fn settle(app: &App, ms: u64) {
    let _ = tokio::time::timeout(
        Duration::from_secs(10),
        app.client().execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        ),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// Opens every `<details>` on the screen (1:1 notes, findings…), so their
/// Markdown is rendered too.
async fn open_details(app: &App) {
    app.js("document.querySelectorAll('details').forEach((d) => { d.open = true; }); return true;")
        .await;
}

/// An INET/INET6 socket held by the app or one of its processes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Socket {
    pid: u32,
    process: String,
    table: String,
    local: String,
    remote: String,
    state: String,
}

/// `0100007F:1F90` → `127.0.0.1:8080`; IPv6 shown as hex groups.
fn address(hex: &str) -> String {
    let (ip, port) = hex.split_once(':').unwrap_or((hex, "0"));
    let port = u16::from_str_radix(port, 16).unwrap_or(0);
    if ip.len() == 8 {
        let n = u32::from_str_radix(ip, 16).unwrap_or(0).to_le_bytes();
        format!("{}.{}.{}.{}:{port}", n[0], n[1], n[2], n[3])
    } else {
        format!("[{ip}]:{port}")
    }
}

/// Every INET/INET6 socket (TCP, UDP, raw) the app's processes hold: their
/// socket inodes (from `/proc/<pid>/fd`) looked up in `/proc/<pid>/net/*`.
fn inet_sockets(app: &App) -> (Vec<(u32, String)>, Vec<Socket>) {
    let processes = app.app_processes();
    let mut found = Vec::new();
    for (pid, process) in &processes {
        let mut inodes = BTreeSet::new();
        if let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) {
            for fd in fds.flatten() {
                if let Ok(target) = fs::read_link(fd.path()) {
                    let t = target.to_string_lossy();
                    if let Some(ino) = t.strip_prefix("socket:[").and_then(|s| s.strip_suffix(']'))
                    {
                        inodes.insert(ino.to_string());
                    }
                }
            }
        }
        for table in [
            "tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6",
        ] {
            let Ok(text) = fs::read_to_string(format!("/proc/{pid}/net/{table}")) else {
                continue;
            };
            for line in text.lines().skip(1) {
                let f: Vec<&str> = line.split_whitespace().collect();
                if f.len() > 9 && inodes.contains(f[9]) {
                    found.push(Socket {
                        pid: *pid,
                        process: process.clone(),
                        table: table.to_string(),
                        local: address(f[1]),
                        remote: address(f[2]),
                        state: f[3].to_string(),
                    });
                }
            }
        }
    }
    found.sort();
    found.dedup();
    (processes, found)
}

/// Commands the screens may send while they are only being looked at.
fn is_read_command(cmd: &str) -> bool {
    const READS: &[&str] = &[
        "app_info",
        "settings_list",
        "names",
        "search",
        "overview",
        "overdue",
        "coverage",
        "releases",
        // Export's month choices; Settings' encryption section.
        "one_on_one_months",
        "encryption_status",
        // Log a 1:1 keeps the draft while the form is open (and typed into).
        "draft_save",
        // Every screen asks every 1.5 s whether another program (the CLI)
        // wrote to the database (ui/src/lib/sync.ts).
        "data_version",
        // The start-up probe (ui/src/lib/probe.ts): once per page load, two
        // frames after Today's first data; carries nothing, changes nothing.
        // It lands after the recorder when that is installed first.
        "startup_painted",
        // The person page, the Brief panel (its Markdown is fetched ahead
        // for Copy as Markdown) and the Team screen's agenda balance.
        "person_page",
        "brief",
        "brief_markdown",
        "agenda_balance",
        // Settings' Desktop section: whether the login entry is there.
        "tray_at_login",
        // Export's Person tab: the packet's preview.
        "history_preview",
    ];
    READS.contains(&cmd)
        || cmd.ends_with("_list")
        || cmd.ends_with("_get")
        || cmd.ends_with("_preview")
}

struct Screens {
    visited: Vec<String>,
    ipc_total: usize,
    shown_total: usize,
    md_total: usize,
    sockets: Vec<Socket>,
    processes: BTreeSet<String>,
    /// The most sockets seen on WebDriver's automation channel at once.
    webdriver: usize,
    automation: Option<String>,
    last: Instant,
}

/// Checks the screen now showing; fails with everything found.
async fn check(app: &App, screen: &str, expect_payloads: bool, seen: &mut Screens) {
    let started = Instant::now();
    settle(app, 250).await;
    let state = app.js(CHECK).await;
    let bad: Vec<String> = state["bad"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default();
    let hostile = &state["hostile"];
    let list = |k: &str| -> Vec<String> {
        hostile[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or("?").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let ipc = list("ipc");
    let unexpected: Vec<&String> = ipc.iter().filter(|c| !is_read_command(c)).collect();
    let shown = state["shown"].as_u64().unwrap_or(0) as usize;
    let md = state["md"].as_u64().unwrap_or(0) as usize;
    println!(
        "{screen} ({:.1?} since the last check, {:.1?} checking): {shown} payload texts shown, \
         {md} Markdown blocks, {} IPC calls so far{}",
        seen.last.elapsed(),
        started.elapsed(),
        ipc.len(),
        state
            .get("summaryTags")
            .and_then(Value::as_u64)
            .map(|n| format!(", summary frame with {n} elements checked"))
            .unwrap_or_default()
    );
    let mut problems = Vec::new();
    if !state["pwned"].is_null() {
        problems.push(format!(
            "a payload ran: window.__pwned = {}, last by payload {}",
            state["pwned"], state["by"]
        ));
    }
    if hostile.is_null() {
        problems.push("the IPC recorder is gone (the page was reloaded?)".to_string());
    }
    if !bad.is_empty() {
        problems.push(format!("live markup in the page:\n  {}", bad.join("\n  ")));
    }
    if !unexpected.is_empty() {
        problems.push(format!("IPC calls that are not reads: {unexpected:?}"));
    }
    for (k, what) in [
        ("sentinels", "IPC calls carrying a payload's sentinel"),
        (
            "violations",
            "Content-Security-Policy violations (markup from a payload got into the page)",
        ),
        ("other", "network requests other than the IPC"),
        ("posts", "IPC sent through window.ipc.postMessage"),
    ] {
        let v = list(k);
        if !v.is_empty() {
            problems.push(format!("{what}: {v:?}"));
        }
    }
    if expect_payloads && shown == 0 {
        problems.push("no payload text is shown: the screen did not render the records".into());
    }
    let (processes, all_sockets) = inet_sockets(app);
    // WebDriver's own channel: WebKitWebDriver starts the app with
    // WEBKIT_INSPECTOR_SERVER=127.0.0.1:<port> and drives it through that
    // loopback port. It exists only under test automation; anything else is
    // the app's own network use.
    let automation = processes
        .first()
        .and_then(|(pid, _)| fs::read(format!("/proc/{pid}/environ")).ok())
        .and_then(|env| {
            env.split(|b| *b == 0)
                .filter_map(|kv| std::str::from_utf8(kv).ok())
                .find_map(|kv| {
                    kv.strip_prefix("WEBKIT_INSPECTOR_SERVER=")
                        .map(String::from)
                })
        });
    let port_of = |a: &str| a.rsplit(':').next().unwrap_or_default().to_string();
    let loopback = |a: &str| a.starts_with("127.0.0.1:") || a.starts_with("0.0.0.0:");
    let (webdriver, sockets): (Vec<Socket>, Vec<Socket>) = all_sockets.into_iter().partition(|s| {
        automation.as_deref().is_some_and(|server| {
            let port = port_of(server);
            server.starts_with("127.0.0.1:")
                && loopback(&s.local)
                && loopback(&s.remote)
                && (port_of(&s.local) == port || port_of(&s.remote) == port)
        })
    });
    seen.webdriver = seen.webdriver.max(webdriver.len());
    seen.automation = automation.clone();
    if processes.is_empty() {
        let tree = std::process::Command::new("ps")
            .args(["-eo", "pid,ppid,comm,args"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        problems.push(format!(
            "the app's process ({}) was not found under tauri-driver:\n{tree}",
            coachlog_e2e::app_binary().display()
        ));
    }
    if !sockets.is_empty() {
        problems.push(format!(
            "INET sockets held by the app (WebDriver's channel {automation:?} aside): {sockets:#?}"
        ));
    }
    seen.processes.extend(processes.into_iter().map(|(_, c)| c));
    seen.sockets.extend(sockets);
    if !problems.is_empty() {
        app.ensure(false, format!("{screen}: {}", problems.join("\n")))
            .await;
    }
    seen.visited.push(screen.to_string());
    seen.last = Instant::now();
    seen.ipc_total = ipc.len();
    seen.shown_total += shown;
    seen.md_total += md;
}

/// Goes to `hash` and waits until `ready` matches at least `at_least` elements.
async fn show(app: &App, hash: &str, ready: &str, at_least: usize) {
    app.js(&format!("location.hash = {}; return true;", json!(hash)))
        .await;
    app.wait_until(&format!("{hash}: {at_least} × `{ready}`"), || async move {
        (app.all(ready).await.len() >= at_least).then_some(())
    })
    .await;
}

/// Waits until the element matching `css` has `needle` in its text (read in
/// the page: WebDriver's rendered text of a very large element is slow).
async fn contains(app: &App, css: &str, needle: &str) {
    let script = format!(
        "const e = document.querySelector({}); return !!e && e.textContent.includes({});",
        json!(css),
        json!(needle)
    );
    app.wait_until(&format!("`{css}` to contain {needle:?}"), || {
        let script = script.clone();
        async move { (app.js(&script).await == Value::Bool(true)).then_some(()) }
    })
    .await;
}

#[test]
fn hostile_text_in_every_screen_runs_no_script_and_calls_no_ipc() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let started = Instant::now();
        let payloads = corpus::corpus();
        let fill = plan(&payloads);
        let app = App::launch("hostile").await;
        app.find("[data-testid='first-run']").await;

        // 1. Store the corpus through the app's own commands.
        let info = tokio::time::timeout(
            Duration::from_secs(20),
            app.client().execute_async(
                "const done = arguments[arguments.length - 1]; \
                 window.__TAURI_INTERNALS__.invoke('app_info').then(done, (e) => done({ error: e }));",
                vec![],
            ),
        )
        .await;
        let info = info.ok().and_then(Result::ok).unwrap_or(Value::Null);
        let today = info["today"].as_str().unwrap_or_default().to_string();
        app.ensure(today.len() == 10, format!("app_info: {info}"))
            .await;
        let fill_started = Instant::now();
        for batch in fill.calls.chunks(150) {
            let result = tokio::time::timeout(
                Duration::from_secs(60),
                app.client()
                    .execute_async(FILL, vec![Value::Array(batch.to_vec()), json!(today)]),
            )
            .await;
            let result = match result {
                Ok(Ok(v)) => v,
                Ok(Err(e)) => panic!("{}", app.failure(format!("the fill failed: {e}")).await),
                Err(_) => panic!("{}", app.failure("the fill took over a minute").await),
            };
            app.ensure(
                result["error"].is_null(),
                format!("a fill command was refused: {result}"),
            )
            .await;
        }
        let fill_time = fill_started.elapsed();
        println!(
            "filled {} payloads through {} IPC calls in {fill_time:.1?}: {} people, {} 1:1s, {} agenda \
             items, {} walkthroughs, {} wins, {} internal-customer links, {} check-ins, {} \
             requisitions (with loops and interviews), 10 update links, 1 draft",
            payloads.len(),
            fill.calls.len(),
            fill.people,
            fill.one_on_ones,
            fill.agenda_items,
            fill.walkthroughs,
            fill.wins,
            fill.links,
            fill.check_ins,
            fill.requisitions,
        );

        // 2. Reload on the filled database; record from now on.
        app.js("location.hash = '#/today'; setTimeout(() => location.reload(), 0); return true;")
            .await;
        app.find("[data-testid='screen-today']").await;
        app.js(INSTRUMENT).await;
        let mut seen = Screens {
            visited: Vec::new(),
            ipc_total: 0,
            shown_total: 0,
            md_total: 0,
            sockets: Vec::new(),
            processes: BTreeSet::new(),
            webdriver: 0,
            automation: None,
            last: Instant::now(),
        };
        // Today as loaded (before the recorder), then shown again through it.
        check(&app, "Today (first paint)", true, &mut seen).await;
        show(&app, "#/team", "[data-testid='team-row']", fill.people).await;
        check(&app, "Team", true, &mut seen).await;
        show(&app, "#/today", "[data-testid='nudge-item']", 1).await;
        app.find("[data-testid='today-request']").await;
        check(&app, "Today", true, &mut seen).await;

        // Person pages: Ada (the rest of the corpus on her agenda, wins) and
        // four people with payload names, notes, items, links and updates.
        for id in [1, 2, 3, 12, 41, 150] {
            show(
                &app,
                &format!("#/person/{id}"),
                "[data-testid='person-heading']",
                1,
            )
            .await;
            if id == 1 {
                app.wait_until("Ada's agenda", || async {
                    (app.all("[data-testid='agenda-item']").await.len() >= 100).then_some(())
                })
                .await;
            } else if id <= 41 {
                app.find("[data-testid='timeline-entry']").await;
            }
            open_details(&app).await;
            check(&app, &format!("Person {id}"), true, &mut seen).await;
        }

        // Log a 1:1 for Ada: the draft's payloads in the live preview, then
        // more typed in.
        show(&app, "#/log/1", "[data-testid='log-notes-preview'].md", 1).await;
        contains(&app, "[data-testid='log-notes-preview']", "pwned").await;
        check(&app, "Log a 1:1 (draft in the preview)", true, &mut seen).await;
        // Short: every keystroke re-renders the preview of the whole draft.
        let typed = "\n<img src=x onerror=window.__pwned=1>";
        let typing = Instant::now();
        app.type_into("#log-notes", typed).await;
        println!(
            "typed {} characters into an {}-character note with its live preview: {:.0?} a key",
            typed.chars().count(),
            (0..60)
                .map(|i| payloads[i].text.chars().count() + 2)
                .sum::<usize>(),
            typing.elapsed() / typed.chars().count() as u32
        );
        app.find_text("[data-testid='log-draft-status']", "Draft saved")
            .await;
        check(&app, "Log a 1:1 (typed)", true, &mut seen).await;

        show(&app, "#/accountability", "[data-testid='acc-grid']", 1).await;
        check(&app, "Accountability", true, &mut seen).await;
        // The screens whose records fold their text into `<details>`.
        for (hash, ready, at_least, screen) in [
            (
                "#/customers",
                "[data-testid='customer-row']",
                fill.links,
                "Internal customers",
            ),
            (
                "#/hiring",
                "[data-testid='requisition']",
                fill.requisitions,
                "Hiring",
            ),
            (
                "#/walkthroughs",
                "[data-testid='walkthrough']",
                fill.walkthroughs,
                "Walkthroughs",
            ),
        ] {
            show(&app, hash, ready, at_least).await;
            open_details(&app).await;
            check(&app, screen, true, &mut seen).await;
        }
        show(&app, "#/wins", "[data-testid='win']", fill.wins).await;
        check(&app, "Wins", true, &mut seen).await;
        show(&app, "#/search", "[data-testid='search-input']", 1).await;
        for word in ["onerror", "script", "javascript", "pwned"] {
            let input = app.find("[data-testid='search-input']").await;
            let _ = tokio::time::timeout(Duration::from_secs(20), input.clear()).await;
            app.type_keys(&input, &format!("{word}\n")).await;
            app.find_text("[data-testid='search-result'] mark", word)
                .await;
            check(&app, &format!("Search {word:?}"), true, &mut seen).await;
        }

        // The month's summary, with notes: the Markdown preview, then the
        // HTML one (a sandboxed frame, checked as parsed HTML).
        let month = app
            .js("const d = new Date(); d.setDate(d.getDate() - 1); \
                 return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');")
            .await;
        let month = month.as_str().unwrap_or_default().to_string();
        // How long the core takes for it (the rest of the preview's time is
        // the webview rendering the Markdown).
        let core = Instant::now();
        let size = tokio::time::timeout(
            Duration::from_secs(30),
            app.client().execute_async(
                "const [month, done] = [arguments[0], arguments[arguments.length - 1]]; \
                 window.__TAURI_INTERNALS__.invoke('summary_preview', \
                   { month, format: 'markdown', includeNotes: true }) \
                   .then((t) => done(t.length), (e) => done(-1));",
                vec![json!(month)],
            ),
        )
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or(Value::Null);
        println!(
            "summary_preview (Markdown with notes) over IPC: {size} characters in {:.1?}",
            core.elapsed()
        );
        let export = Instant::now();
        show(
            &app,
            &format!("#/export?month={month}"),
            "[data-testid='screen-export']",
            1,
        )
        .await;
        render_export(&app, "Monthly summary").await;
        let first = export.elapsed();
        let export = Instant::now();
        app.click("[data-testid='export-include-notes']").await;
        render_export(&app, "Private notes of").await;
        println!(
            "Export preview (Markdown): {first:.1?} without notes, then {:.1?} with them",
            export.elapsed()
        );
        check(&app, "Export (Markdown with notes)", true, &mut seen).await;
        app.click("[data-testid='export-format-html']").await;
        app.wait_until("the HTML summary", || async {
            let srcdoc = app
                .js(
                    "const f = document.querySelector(\"[data-testid='export-html-frame']\"); \
                     return f ? f.srcdoc : '';",
                )
                .await;
            srcdoc
                .as_str()
                .is_some_and(|s| s.contains("pwned"))
                .then_some(())
        })
        .await;
        check(&app, "Export (HTML with notes)", false, &mut seen).await;

        show(&app, "#/settings", "[data-testid='setting-row']", 1).await;
        check(&app, "Settings", false, &mut seen).await;

        // 3. The recorder saw the app's own reads (so it works), and no
        // payload's sentinel win exists.
        let calls = app.js("return window.__hostile.ipc;").await;
        let calls: BTreeSet<String> = calls
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        for expected in ["people_list", "person_get", "wins_list", "search"] {
            app.ensure(
                calls.contains(expected),
                format!("the IPC recorder missed {expected}: it saw {calls:?}"),
            )
            .await;
        }
        let wins = wins_by_ipc(&app).await;
        let texts: Vec<&str> = wins
            .as_array()
            .map(|a| a.iter().filter_map(|w| w["text"].as_str()).collect())
            .unwrap_or_default();
        let sentinels: Vec<&&str> = texts
            .iter()
            .filter(|t| t.starts_with("PWNED-IPC-"))
            .collect();
        app.ensure(
            sentinels.is_empty(),
            format!("payloads called the IPC and added wins: {sentinels:?}"),
        )
        .await;
        app.ensure(
            texts.len() == fill.wins,
            format!("expected {} wins, found {}: {wins}", fill.wins, texts.len()),
        )
        .await;

        println!(
            "hostile: {} payloads; {} screens visited ({}); {} payload texts and {} Markdown \
             blocks shown; {} IPC calls, all reads: {:?}; app processes {:?}: INET sockets {} \
             (besides up to {} on WebDriver's channel {:?}); {:.1?} in all",
            payloads.len(),
            seen.visited.len(),
            seen.visited.join(", "),
            seen.shown_total,
            seen.md_total,
            seen.ipc_total,
            calls,
            seen.processes,
            seen.sockets.len(),
            seen.webdriver,
            seen.automation,
            started.elapsed()
        );

        // 4. No note text reaches the app's output: a copy of this database,
        // opened by the binary started as a user starts it (Today painted,
        // the daily digest sent), for a few seconds.
        let copy = tempfile::tempdir().expect("a temporary folder");
        for suffix in ["", "-wal", "-shm"] {
            let mut from = app.db_path().as_os_str().to_owned();
            from.push(suffix);
            if std::path::Path::new(&from).exists() {
                fs::copy(&from, copy.path().join(format!("coachlog.sqlite{suffix}")))
                    .expect("copy the database");
            }
        }
        app.quit().await;
        let output = coachlog_e2e::run_app_for(
            &copy.path().join("coachlog.sqlite"),
            copy.path(),
            Duration::from_secs(5),
        );
        let lower = output.to_lowercase();
        let leaked: Vec<&str> = ["pwned", "onerror", "<script", "ada anchor", "category 1"]
            .into_iter()
            .filter(|n| lower.contains(n))
            .collect();
        assert!(
            leaked.is_empty(),
            "the app's output contains note text ({leaked:?}):\n{output}"
        );
        println!(
            "the app's own output over 5 s on this database: {} bytes, no note text{}",
            output.len(),
            if output.is_empty() {
                String::new()
            } else {
                format!(":\n{output}")
            }
        );
    });
}

#[test]
fn a_search_for_a_nul_character_gets_results_or_a_message_not_an_internal_error() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("hostile_search_nul").await;
        app.click("[data-testid='first-run-empty']").await;
        app.find("[data-testid='person-form']").await;
        app.type_into("#pf-name", "Ada Anchor").await;
        app.click("[data-testid='person-save']").await;
        app.find("[data-testid='person-heading']").await;
        // A link in a note can carry any query: `[x](#/search?q=a%00b)`.
        app.js("location.hash = '#/search?q=a%00b'; return true;")
            .await;
        app.find("[data-testid='screen-search']").await;
        let outcome = app
            .wait_until("the search to answer", || async {
                if let Some(t) = app.all("[data-testid='error-toast']").await.first() {
                    return Some(app.text_of(t).await);
                }
                (!app.all("[data-testid='search-empty']").await.is_empty()).then(String::new)
            })
            .await;
        let shown = app
            .js(
                "return [document.querySelector(\"[data-testid='search-input']\").value, \
                 document.body.innerText.slice(0, 400)];",
            )
            .await;
        println!("search for a NUL: outcome {outcome:?}, screen {shown}");
        app.ensure(
            !outcome.contains("internal error") && !outcome.contains("unterminated"),
            format!("a search for \"a\\0b\" failed inside SQLite: {outcome:?}"),
        )
        .await;
        // The command itself, as any caller of the IPC would send it.
        for text in ["a\u{0}b", "\u{0}", "pricing\u{0}"] {
            let answer = tokio::time::timeout(
                Duration::from_secs(20),
                app.client().execute_async(
                    "const [text, done] = [arguments[0], arguments[arguments.length - 1]]; \
                     window.__TAURI_INTERNALS__.invoke('search', { text, limit: 5 }) \
                       .then((hits) => done({ hits }), (error) => done({ error }));",
                    vec![json!(text)],
                ),
            )
            .await;
            let answer = answer.ok().and_then(Result::ok).unwrap_or(Value::Null);
            println!("search {text:?} over IPC: {answer}");
            app.ensure(
                answer["hits"].is_array() || (answer["error"]["kind"] == "invalid"),
                format!(
                    "search {text:?} over IPC: neither results nor a message for the user: {answer}"
                ),
            )
            .await;
        }
        app.quit().await;
    });
}

/// The detectors above can fail: a payload made to run (here by WebDriver,
/// standing in for a sanitizer hole) and markup put into the page are seen
/// by every check — the flag, the IPC recorder, the sentinel win, the DOM
/// scan and the CSP listener.
#[test]
fn the_checks_catch_a_payload_that_runs() {
    let _one_app_at_a_time = serial();
    block_on(async {
        let app = App::launch("hostile_control").await;
        app.find("[data-testid='first-run']").await;
        let people = vec![call(
            "person_add",
            json!({ "input": {
                "name": "Ada Anchor", "title": "", "job_family": "product_manager", "level": "ic",
                "scope": { "kind": "group", "section": null, "stages": [], "groups": [] },
                "since": SENTINEL_SINCE, "cadence_days": null, "tracked": true,
            }}),
        )];
        let today = app
            .js("const d = new Date(); return d.getFullYear() + '-' + \
                 String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');")
            .await;
        let filled = tokio::time::timeout(
            Duration::from_secs(20),
            app.client()
                .execute_async(FILL, vec![Value::Array(people), today]),
        )
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or(Value::Null);
        app.ensure(filled["ok"] == 1, format!("add Ada: {filled}"))
            .await;
        app.js(INSTRUMENT).await;

        // A payload "runs", and markup gets into the page.
        app.js(&format!(
            "{}; return true;",
            corpus::script(7, corpus::Effect::Ipc)
        ))
        .await;
        app.js(
            "const d = document.createElement('div'); \
             d.innerHTML = '<img src=x onerror=\"window.__pwned=99\"><a href=\"javascript:void(0)\">x</a>'; \
             document.body.appendChild(d); return true;",
        )
        .await;
        settle(&app, 500).await;
        let state = app.js(CHECK).await;
        let hostile = &state["hostile"];
        let has = |k: &str, needle: &str| {
            hostile[k].as_array().is_some_and(|a| {
                a.iter()
                    .any(|v| v.as_str().is_some_and(|s| s.contains(needle)))
            })
        };
        let bad = state["bad"].to_string();
        for (ok, what) in [
            (state["pwned"] == "1", "the flag"),
            (state["by"] == "7", "which payload"),
            (has("ipc", "win_add"), "the IPC recorder"),
            (
                has("sentinels", "PWNED-IPC-7"),
                "the sentinel in the IPC body",
            ),
            (has("violations", "script-src"), "the CSP listener"),
            (bad.contains("onerror"), "the event-handler scan"),
            (bad.contains("javascript:"), "the URL scan"),
        ] {
            app.ensure(ok, format!("{what} missed it: {state}")).await;
        }
        let wins = wins_by_ipc(&app).await;
        app.ensure(
            wins.to_string().contains("\"PWNED-IPC-7\""),
            format!("the sentinel win is not there: {wins}"),
        )
        .await;
        println!("control: every check caught the payload that ran: {state}");
        app.quit().await;
    });
}

/// Every win, asked for through the IPC as the UI asks (`Null` when the call
/// fails or takes over 20 s).
async fn wins_by_ipc(app: &App) -> Value {
    tokio::time::timeout(
        Duration::from_secs(20),
        app.client().execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.__TAURI_INTERNALS__.invoke('wins_list', { personId: null, unsharedOnly: false }) \
               .then(done, (e) => done({ error: e }));",
            vec![],
        ),
    )
    .await
    .ok()
    .and_then(Result::ok)
    .unwrap_or(Value::Null)
}

/// Waits for the Export preview to show `needle`, rendered. A summary this
/// large opens as source first ("Large summary: showing the source"): ask for
/// the rendered preview, which is what these checks need.
async fn render_export(app: &App, needle: &str) {
    let script = format!(
        "const r = document.querySelector(\"[data-testid='export-rendered']\"); \
         if (r && r.textContent.includes({n})) return 'rendered'; \
         const s = document.querySelector(\"[data-testid='export-source']\"); \
         if (s && s.textContent.includes({n}) \
             && document.querySelector(\"[data-testid='export-render-large']\")) return 'large'; \
         return null;",
        n = json!(needle)
    );
    let state = app
        .wait_until(&format!("the Export preview to show {needle:?}"), || {
            let script = script.clone();
            async move { app.js(&script).await.as_str().map(str::to_string) }
        })
        .await;
    if state == "large" {
        // The page renders after the click has returned (it says
        // "Rendering the preview…" first); a click the driver waits on could
        // outlast its timeout on a slow machine while the page works.
        app.find("[data-testid='export-render-large']").await;
        app.js(
            "document.querySelector(\"[data-testid='export-render-large']\").click(); return null;",
        )
        .await;
        let start = std::time::Instant::now();
        contains(app, "[data-testid='export-rendered']", needle).await;
        println!(
            "rendered the large summary's preview in {:.1?}",
            start.elapsed()
        );
    }
}
