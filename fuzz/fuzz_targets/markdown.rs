//! The monthly summary's renderers (`coachlog_core::summary`) over a fuzzed
//! database.
//!
//! **Input.** Text, one record per line, fields separated by tabs; in text
//! fields the two characters `\n` stand for a line break (so notes and
//! findings can have several lines). The first field says what the line
//! adds, through the real store into an in-memory database (a write the store
//! refuses is skipped, as in the app):
//!
//! ```text
//! M  month                                  the month to summarise (default 2026-05)
//! P  name  title  since  archived  cadence  untracked?  stages  groups  section
//! O  person#  day  status#  notes  tags,comma,separated
//! I  person#  day  open-tag#  raised-by#  text  timing  closed-day  close-tag#
//! U  person#|-  kind#  period  status#  done-day  link
//! L  person#  team  category  since  archived
//! C  link#  day  epic-updated?  notes
//! R  title  opened  closed  status#
//! X  requisition#  person#|name  role  works-with-hire?
//! V  requisition#  day  candidate  person#|name
//! T  day  title  stages,comma  findings  categories,comma  issue-link
//! W  person#  day  text  shared-day  where
//! S  setting  value
//! N  key  snooze-day|dismiss
//! ```
//!
//! `person#` and the like pick among the records added so far (modulo their
//! number), `status#` among an enumeration's values; a day is `YYYY-MM-DD`
//! or a number of days from the first of the month.
//!
//! **Checked**, for the summary with and without notes:
//! - `summary::build` succeeds on a database the store accepted, and nothing
//!   panics;
//! - without notes the summary holds no notes, item texts or findings;
//! - Markdown: no raw HTML (pulldown-cmark finds no HTML block or inline
//!   HTML), and every row of every table has as many cells (split on `|`
//!   not escaped by a backslash) as its header;
//! - HTML: no `<script` in any case; every `<` opens a tag the renderer
//!   writes; and the same summary with every `<` of user text replaced by
//!   `‹` renders with exactly as many `<` — so no `<` of user text is raw;
//! - CSV: every row has as many fields as the header; JSON parses.
#![no_main]

use chrono::{Days, NaiveDate};
use coachlog_core::calendar::{self, Month, Period};
use coachlog_core::model::*;
use coachlog_core::store::{
    agenda, customers, hiring, nudge_state, one_on_ones, people, updates, walkthroughs, wins,
};
use coachlog_core::summary::{self, Summary, SummaryOptions};
use coachlog_core::{settings, Db};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser};

/// At most this many lines are read: enough for every kind of record, small
/// enough to keep an execution in milliseconds.
const MAX_LINES: usize = 48;

struct World {
    db: Db,
    month: Month,
    people: Vec<PersonId>,
    links: Vec<LinkId>,
    requisitions: Vec<RequisitionId>,
}

fn text(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn list(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split(',').map(text).collect()
    }
}

fn num(s: &str) -> usize {
    s.trim().parse().unwrap_or(0)
}

fn flag(s: &str) -> bool {
    matches!(s.trim(), "1" | "y" | "yes" | "true")
}

fn pick<T: Copy>(items: &[T], s: &str) -> Option<T> {
    (!items.is_empty()).then(|| items[num(s) % items.len()])
}

fn choose<T: Copy>(all: &[T], s: &str) -> T {
    all[num(s) % all.len()]
}

impl World {
    /// `YYYY-MM-DD`, or days from the first of the month (−400..=400).
    fn day(&self, s: &str) -> Option<NaiveDate> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        if let Ok(d) = calendar::parse_date(s) {
            return Some(d);
        }
        let n: i64 = s.parse().ok()?;
        let first = self.month.first_day();
        let n = n.clamp(-400, 400);
        if n >= 0 {
            first.checked_add_days(Days::new(n as u64))
        } else {
            first.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    }

    fn day_or_first(&self, s: &str) -> NaiveDate {
        self.day(s).unwrap_or_else(|| self.month.first_day())
    }

    fn participant(&self, s: &str) -> Participant {
        match (s.trim().parse::<usize>(), pick(&self.people, s)) {
            (Ok(_), Some(p)) => Participant::Person(p),
            _ => Participant::Name(text(s)),
        }
    }

    fn apply(&mut self, line: &str) {
        let f: Vec<&str> = line.split('\t').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("");
        let month = self.month;
        match at(0) {
            "M" => {
                if let Ok(m) = at(1).parse::<Month>() {
                    self.month = m;
                }
            }
            "P" => {
                let stages = list(at(7));
                let groups = list(at(8));
                let section = Some(text(at(9))).filter(|s| !s.is_empty());
                let kind = if !groups.is_empty() {
                    ScopeKind::Group
                } else if !stages.is_empty() {
                    ScopeKind::Stage
                } else if section.is_some() {
                    ScopeKind::Section
                } else {
                    ScopeKind::Group
                };
                let input = PersonInput {
                    name: text(at(1)),
                    title: text(at(2)),
                    job_family: choose(JobFamily::ALL, at(5)),
                    level: choose(Level::ALL, at(5)),
                    scope: Scope {
                        kind,
                        section,
                        stages,
                        groups,
                    },
                    since: self
                        .day(at(3))
                        .unwrap_or_else(|| month.first_day() - Days::new(60)),
                    cadence_days: at(5).trim().parse().ok(),
                    tracked: !flag(at(6)),
                };
                if let Ok(p) = self.db.write(|tx| people::insert(tx, &input)) {
                    self.people.push(p.id);
                    if let Some(on) = self.day(at(4)) {
                        let _ = self.db.write(|tx| people::archive(tx, p.id, on));
                    }
                }
            }
            "O" => {
                let Some(person_id) = pick(&self.people, at(1)) else {
                    return;
                };
                let input = OneOnOneInput {
                    person_id,
                    date: self.day_or_first(at(2)),
                    status: choose(OneOnOneStatus::ALL, at(3)),
                    notes: text(at(4)),
                    tags: list(at(5)),
                };
                let _ = self.db.write(|tx| one_on_ones::insert(tx, &input));
            }
            "I" => {
                let Some(person_id) = pick(&self.people, at(1)) else {
                    return;
                };
                let input = AgendaItemInput {
                    person_id,
                    text: text(at(5)),
                    open_tag: choose(OpenTag::ALL, at(3)),
                    timing: at(6).parse::<Timing>().ok(),
                    raised_by: choose(RaisedBy::ALL, at(4)),
                    opened_on: self.day_or_first(at(2)),
                    opened_in: None,
                };
                if let Ok(item) = self.db.write(|tx| agenda::insert(tx, &input)) {
                    if let Some(on) = self.day(at(7)) {
                        let tag = choose(CloseTag::ALL, at(8));
                        let _ = self
                            .db
                            .write(|tx| agenda::close(tx, item.id, tag, on, None));
                    }
                }
            }
            "U" => {
                let input = UpdateInput {
                    person_id: pick(&self.people, at(1)).filter(|_| at(1).trim() != "-"),
                    kind: choose(UpdateKind::ALL, at(2)),
                    period: at(3).parse::<Period>().unwrap_or(Period::Month(month)),
                    status: choose(UpdateStatus::ALL, at(4)),
                    done_on: self.day(at(5)),
                    link: Some(text(at(6))).filter(|s| !s.is_empty()),
                };
                let _ = self.db.write(|tx| updates::insert(tx, &input));
            }
            "L" => {
                let Some(person_id) = pick(&self.people, at(1)) else {
                    return;
                };
                let input = CustomerLinkInput {
                    person_id,
                    team: text(at(2)),
                    category: text(at(3)),
                    since: self
                        .day(at(4))
                        .unwrap_or_else(|| month.first_day() - Days::new(60)),
                };
                if let Ok(l) = self.db.write(|tx| customers::insert_link(tx, &input)) {
                    self.links.push(l.id);
                    if let Some(on) = self.day(at(5)) {
                        let _ = self.db.write(|tx| customers::archive_link(tx, l.id, on));
                    }
                }
            }
            "C" => {
                let Some(link_id) = pick(&self.links, at(1)) else {
                    return;
                };
                let input = CheckInInput {
                    link_id,
                    date: self.day_or_first(at(2)),
                    epic_updated: flag(at(3)),
                    notes: text(at(4)),
                };
                let _ = self.db.write(|tx| customers::insert_check_in(tx, &input));
            }
            "R" => {
                let input = RequisitionInput {
                    title: text(at(1)),
                    level: Level::Ic,
                    opened_on: self
                        .day(at(2))
                        .unwrap_or_else(|| month.first_day() - Days::new(30)),
                };
                if let Ok(r) = self.db.write(|tx| hiring::insert_requisition(tx, &input)) {
                    self.requisitions.push(r.id);
                    if let Some(on) = self.day(at(3)) {
                        let status = choose(
                            &[RequisitionStatus::Filled, RequisitionStatus::Cancelled],
                            at(4),
                        );
                        let _ = self
                            .db
                            .write(|tx| hiring::close_requisition(tx, r.id, status, on));
                    }
                }
            }
            "X" => {
                let Some(requisition_id) = pick(&self.requisitions, at(1)) else {
                    return;
                };
                let input = LoopMemberInput {
                    requisition_id,
                    member: self.participant(at(2)),
                    role: text(at(3)),
                    works_with_hire: flag(at(4)),
                };
                let _ = self.db.write(|tx| hiring::insert_loop_member(tx, &input));
            }
            "V" => {
                let Some(requisition_id) = pick(&self.requisitions, at(1)) else {
                    return;
                };
                let input = InterviewInput {
                    requisition_id,
                    date: self.day_or_first(at(2)),
                    candidate: text(at(3)),
                    interviewers: vec![self.participant(at(4))],
                };
                let _ = self.db.write(|tx| hiring::insert_interview(tx, &input));
            }
            "T" => {
                let input = WalkthroughInput {
                    date: self.day_or_first(at(1)),
                    title: text(at(2)),
                    stages: list(at(3)),
                    findings: text(at(4)),
                    categories: list(at(5)),
                    issue_link: Some(text(at(6))).filter(|s| !s.is_empty()),
                };
                let _ = self.db.write(|tx| walkthroughs::insert(tx, &input));
            }
            "W" => {
                let Some(person_id) = pick(&self.people, at(1)) else {
                    return;
                };
                let input = WinInput {
                    person_id,
                    noted_on: self.day_or_first(at(2)),
                    text: text(at(3)),
                };
                if let Ok(w) = self.db.write(|tx| wins::insert(tx, &input)) {
                    if let Some(on) = self.day(at(4)) {
                        let place = Some(text(at(5))).filter(|s| !s.is_empty());
                        let _ = self
                            .db
                            .write(|tx| wins::share(tx, w.id, on, place.as_deref()));
                    }
                }
            }
            "S" => {
                let _ = self.db.write(|tx| settings::set(tx, at(1), at(2)));
            }
            "N" => {
                let key = text(at(1));
                if at(2).trim() == "dismiss" {
                    let _ = self.db.write(|tx| nudge_state::dismiss(tx, &key));
                } else {
                    let until = self.day_or_first(at(2));
                    let _ = self.db.write(|tx| nudge_state::snooze(tx, &key, until));
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// The cells of a table row: split on `|`, a backslash escaping the next
/// character (as GFM splits rows, before inline parsing); the leading and
/// trailing pipes do not delimit cells.
fn cells(row: &str) -> usize {
    let t = row.trim();
    let mut n = 1;
    let mut trailing_pipe = false;
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        trailing_pipe = c == '|';
        match c {
            '\\' => {
                chars.next();
            }
            '|' => n += 1,
            _ => {}
        }
    }
    if t.starts_with('|') {
        n -= 1;
    }
    if trailing_pipe && n > 1 {
        n -= 1;
    }
    n
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn check_markdown(md: &str) {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    for event in Parser::new_ext(md, opts) {
        if let Event::Html(h) | Event::InlineHtml(h) = event {
            panic!("raw HTML in the Markdown: {h:?}\n{md}");
        }
    }

    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    let mut tables = 0;
    while i + 1 < lines.len() {
        if lines[i].trim_start().starts_with('|') && is_delimiter_row(lines[i + 1]) {
            tables += 1;
            let header = cells(lines[i]);
            assert_eq!(
                cells(lines[i + 1]),
                header,
                "delimiter row of {:?}",
                lines[i]
            );
            let mut j = i + 2;
            while j < lines.len() && lines[j].trim_start().starts_with('|') {
                assert_eq!(
                    cells(lines[j]),
                    header,
                    "table row {:?} has not the {header} cells of its header {:?}",
                    lines[j],
                    lines[i]
                );
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // The overdue table is always there.
    assert!(tables >= 1, "no table in the Markdown:\n{md}");
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

/// Every element the HTML renderer writes.
const TAGS: &[&str] = &[
    "!DOCTYPE",
    "body",
    "circle",
    "figcaption",
    "figure",
    "g",
    "h1",
    "h2",
    "h3",
    "h4",
    "head",
    "header",
    "html",
    "li",
    "line",
    "meta",
    "p",
    "path",
    "pre",
    "rect",
    "section",
    "span",
    "strong",
    "style",
    "svg",
    "table",
    "tbody",
    "td",
    "text",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

fn check_html(html: &str) {
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "<script in the HTML"
    );
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        let after = rest[name.len()..].chars().next();
        assert!(
            TAGS.contains(&name.as_str()) && matches!(after, Some('>' | ' ' | '/' | '\n')),
            "a `<` that opens no tag of the renderer at byte {at}: {:?}",
            &html[at..(at + 40).min(html.len())]
        );
    }
}

fn defang(s: &mut String) {
    if s.contains('<') {
        *s = s.replace('<', "\u{2039}");
    }
}

fn defang_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        defang(s);
    }
}

/// The summary with every `<` of user text replaced by `‹` (one character
/// for one, so clipping and layout are unchanged).
fn defanged(s: &Summary) -> Summary {
    let mut s = s.clone();
    for p in &mut s.people {
        defang(&mut p.name);
        for t in &mut p.coaching_tags {
            defang(&mut t.tag);
        }
        for u in &mut p.updates {
            defang_opt(&mut u.link);
        }
        for l in &mut p.customers.without_check_in {
            defang(&mut l.team);
            defang(&mut l.category);
        }
        for w in &mut p.wins.noted_in_month {
            defang(&mut w.text);
            defang_opt(&mut w.shared_where);
        }
        if let Some(n) = &mut p.notes {
            for o in &mut n.one_on_ones {
                defang(&mut o.notes);
            }
            for i in n.open_items.iter_mut().chain(n.closed_items.iter_mut()) {
                defang(&mut i.text);
            }
        }
    }
    let l = &mut s.leader;
    if let Some(u) = &mut l.portfolio_direction {
        defang_opt(&mut u.link);
    }
    for w in &mut l.walkthroughs {
        defang(&mut w.title);
        for st in &mut w.stages {
            defang(st);
        }
        defang_opt(&mut w.findings);
    }
    for st in &mut l.stages_covered {
        defang(st);
    }
    for r in l
        .hiring
        .open_at_end
        .iter_mut()
        .chain(l.hiring.filled.iter_mut())
    {
        defang(&mut r.title);
    }
    for n in &mut l.overdue_at_month_end.items {
        defang(&mut n.key);
        defang(&mut n.message);
        defang_opt(&mut n.person);
    }
    s
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// Fields per record of RFC 4180 text (CRLF or LF line ends).
fn csv_widths(csv: &str) -> Vec<usize> {
    let mut widths = Vec::new();
    let mut fields = 1;
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    let mut empty_line = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, _) => {}
            (false, '"') => quoted = true,
            (false, ',') => fields += 1,
            (false, '\r') => {}
            (false, '\n') => {
                widths.push(fields);
                fields = 1;
                empty_line = true;
                continue;
            }
            (false, _) => {}
        }
        empty_line = false;
    }
    assert!(!quoted, "the CSV ends inside a quoted field");
    if !empty_line {
        widths.push(fields);
    }
    widths
}

fn check(s: &Summary, notes: bool) {
    if !notes {
        for p in &s.people {
            assert!(
                p.notes.is_none(),
                "notes of {} without include_notes",
                p.name
            );
        }
        for w in &s.leader.walkthroughs {
            assert!(w.findings.is_none(), "findings without include_notes");
        }
    }
    let md = summary::markdown(s);
    check_markdown(&md);

    let html = summary::html(s);
    check_html(&html);
    let safe = summary::html(&defanged(s));
    assert_eq!(
        html.matches('<').count(),
        safe.matches('<').count(),
        "a `<` of user text is raw in the HTML"
    );

    let csv = summary::csv(s);
    let widths = csv_widths(&csv);
    if let Some(&header) = widths.first() {
        for (i, w) in widths.iter().enumerate() {
            assert_eq!(
                *w, header,
                "CSV record {i} has {w} fields, the header {header}"
            );
        }
    }

    let json = summary::json(s);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("the summary's JSON does not parse: {e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a real date");
    let mut world = World {
        db: Db::open_in_memory(today).expect("an in-memory database opens"),
        month: Month::new(2026, 5).expect("a real month"),
        people: Vec::new(),
        links: Vec::new(),
        requisitions: Vec::new(),
    };
    for line in input.lines().take(MAX_LINES) {
        world.apply(line);
    }
    for notes in [false, true] {
        let options = SummaryOptions {
            include_notes: notes,
            generated_on: None,
        };
        let s = match summary::build(world.db.conn(), world.month, &options) {
            Ok(s) => s,
            Err(e) => panic!("summary::build failed on a database the store accepted: {e:?}"),
        };
        check(&s, notes);
    }
});
