//! The summary as one self-contained HTML file: inline CSS, three inline SVG
//! charts (practice coverage, 1:1 cadence per PM over the month, overdue by
//! rule at month end), then the same sections as the Markdown. It prints well
//! to PDF (`@page` and `@media print` rules).
//!
//! **Self-contained and inert.** No `<script>`, no `<link>`, no `<img>`, no
//! `src=` or `href=` attribute, no `url(` or `@import` in the CSS, no web
//! address except update links printed as text; a Content-Security-Policy
//! meta tag forbids loading anything even so. Every user text goes through
//! [`esc`].

use std::fmt::Write;

use chrono::{Datelike, Weekday};

use crate::kinds::RecordKind;
use crate::model::OneOnOneStatus;
use crate::nudges::{Practice, PRACTICES};

use super::{month_name, text, Grade, Outcome, Summary, UpdateDue};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub(crate) const STYLE: &str = "
:root { --ok: #1a7f37; --partly: #9a6700; --missed: #cf222e; --na: #8c959f;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink); max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem;
  margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .95rem; margin: 1rem 0 .5rem; }
p { margin: .4rem 0; }
.meta, .muted { color: var(--muted); }
.private { border: 2px solid var(--missed); padding: .5rem .75rem; border-radius: 4px; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.tasks { list-style: none; padding-left: .25rem; }
ul.tasks li { margin: .15rem 0; }
.box { display: inline-block; width: 1.2em; }
.done { color: var(--ok); }
.open { color: var(--missed); }
.link { font-family: ui-monospace, 'SF Mono', Menlo, monospace; font-size: .85em;
  word-break: break-all; }
pre { white-space: pre-wrap; background: var(--soft); padding: .5rem .75rem;
  border-radius: 4px; font: 12px/1.4 ui-monospace, 'SF Mono', Menlo, monospace; }
figure { margin: .5rem 0 1.5rem; }
figcaption { color: var(--muted); font-size: .85rem; }
svg { max-width: 100%; height: auto; }
svg text { font: 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; fill: var(--ink); }
svg text.cell { fill: #fff; font-weight: 600; }
svg text.small { font-size: 9px; fill: var(--muted); }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  figure, table, section.person { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

fn grade_color(g: Grade) -> &'static str {
    match g {
        Grade::Ok => "#1a7f37",
        Grade::Partly => "#9a6700",
        Grade::Missed => "#cf222e",
        Grade::NotApplicable => "#afb8c1",
    }
}

fn grade_mark(g: Grade) -> &'static str {
    match g {
        Grade::Ok => "✓",
        Grade::Partly => "!",
        Grade::Missed => "✗",
        Grade::NotApplicable => "–",
    }
}

/// The start of a self-contained, inert HTML file up to `<body>`: the
/// Content-Security-Policy that forbids loading anything, the title
/// (escaped here) and the inline [`STYLE`].
pub(crate) fn head(o: &mut String, title: &str) {
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

/// The summary as one self-contained HTML file (see the module docs).
pub fn html(s: &Summary) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let o = &mut out;
    let month = month_name(s.month);
    head(o, &format!("Monthly summary: {month}"));
    let _ = writeln!(o, "<header>\n<h1>Monthly summary: {}</h1>", esc(&month));
    let mut meta = format!(
        "{} to {} · release day {}",
        s.first_day, s.last_day, s.release_day
    );
    if let Some(q) = s.okr_quarter {
        let _ = write!(meta, " · first month of {q}: OKRs due");
    }
    if let Some(d) = s.generated_on {
        let _ = write!(meta, " · generated on {d}");
    }
    let _ = writeln!(o, "<p class=\"meta\">{}</p>", esc(&meta));
    if s.includes_notes {
        let _ = writeln!(
            o,
            "<p class=\"private\"><strong>Private:</strong> this summary includes 1:1 notes, \
             agenda item texts, walkthrough findings, CDF notes and focus areas. Do not share \
             it.</p>"
        );
    } else {
        let _ = writeln!(
            o,
            "<p class=\"meta\">1:1 notes, agenda item texts, walkthrough findings, CDF notes \
             and focus areas are not included.</p>"
        );
    }
    o.push_str("</header>\n");

    coverage(o, s, &month);
    cadence(o, s, &month);
    wins(o, s, &month);
    leader(o, s, &month);
    overdue(o, s);
    people(o, s, &month);
    o.push_str("</body>\n</html>\n");
    out
}

fn coverage(o: &mut String, s: &Summary, month: &str) {
    let _ = writeln!(
        o,
        "<section id=\"coverage\">\n<h2>Practices at a glance</h2>"
    );
    if s.people.is_empty() {
        let _ = writeln!(
            o,
            "<p>No tracked PM was active in {}.</p>\n</section>",
            esc(month)
        );
        return;
    }
    let (label_w, col_w, row_h, head_h) = (190, 122, 24, 24);
    let overdue_w = 90;
    let width = label_w + col_w * PRACTICES.len() + overdue_w;
    let height = head_h + row_h * s.people.len() + 4;
    let _ = writeln!(
        o,
        "<figure>\n<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         role=\"img\" aria-label=\"Practice coverage per PM\">"
    );
    for (i, p) in Practice::all().enumerate() {
        let x = label_w + col_w * i + col_w / 2;
        let _ = writeln!(
            o,
            "<text x=\"{x}\" y=\"16\" text-anchor=\"middle\">{}</text>",
            esc(p.label())
        );
    }
    let _ = writeln!(
        o,
        "<text x=\"{}\" y=\"16\" text-anchor=\"middle\">Overdue</text>",
        label_w + col_w * PRACTICES.len() + overdue_w / 2
    );
    for (r, p) in s.people.iter().enumerate() {
        let y = head_h + row_h * r;
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            y + 16,
            esc(&clip(&p.name, 28))
        );
        for (i, practice) in Practice::all().enumerate() {
            let g = p.grade_of(practice);
            let note = text::cell_note(p, practice);
            let x = label_w + col_w * i;
            let _ = writeln!(
                o,
                "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" \
                 fill=\"{}\"/><text class=\"cell\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                esc(&format!(
                    "{}, {}: {}{}",
                    p.name,
                    practice.label(),
                    g.label(),
                    if note.is_empty() { String::new() } else { format!(" ({note})") }
                )),
                x + 2,
                y + 2,
                col_w - 4,
                row_h - 4,
                grade_color(g),
                x + col_w / 2,
                y + 16,
                esc(format!("{} {note}", grade_mark(g)).trim_end())
            );
        }
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            label_w + col_w * PRACTICES.len() + overdue_w / 2,
            y + 16,
            p.overdue_total()
        );
    }
    o.push_str("</svg>\n");
    let _ = writeln!(
        o,
        "<figcaption>✓ on track · ! partly · ✗ missed · – nothing owed; \
         the last column counts each PM's items overdue at month end.</figcaption>\n</figure>"
    );
    o.push_str("<ul class=\"muted\">\n");
    for (practice, line) in LEGEND {
        let line = format!("<strong>{}</strong>{line}", practice.label());
        let _ = writeln!(o, "<li>{line}</li>");
    }
    o.push_str("</ul>\n</section>\n");
}

/// How the grid is graded (HTML; the same words as the Markdown legend).
const LEGEND: [(Practice, &str); 9] = [
    (
        Practice::OneOnOne,
        " (held/expected): on track when at least the expected number was \
     held (days active in the month ÷ cadence, rounded down); partly one short; missed two or \
     more short, or none held.",
    ),
    (
        Practice::Requests,
        ": missed when one is overdue at month end; partly when one was \
     closed in the month after its due; on track otherwise.",
    ),
    (
        Practice::Actions,
        ": missed when one is overdue at month end; on track otherwise.",
    ),
    (
        Practice::Updates,
        ": missed when one due in the month is missing; partly when one was \
     done late; on track when all were done on time.",
    ),
    (
        Practice::Customers,
        ": missed when a check-in or category epic is overdue at \
     month end; partly when a link had no check-in in the month; on track otherwise.",
    ),
    (
        Practice::Wins,
        ": missed when a win is unshared past its share-by day at month end; \
     partly when a win noted in the month was not shared in it; on track otherwise.",
    ),
    (
        Practice::CdfReviews,
        ": missed when one is overdue at month end; on track otherwise; nothing owed when \
     the PM left before month end.",
    ),
    (
        Practice::CareerConversations,
        ": missed when one is overdue at month end; on track otherwise; nothing owed when \
     the PM left before month end.",
    ),
    (
        Practice::SkipLevels,
        " (with the PM's own reports): missed when one is overdue at month end; on track \
     otherwise; nothing owed when the PM has no skip-level report.",
    ),
];

pub(crate) fn clip(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn cadence(o: &mut String, s: &Summary, month: &str) {
    if s.people.is_empty() {
        return;
    }
    let days = s.last_day.day() as usize;
    let (label_w, day_w, row_h, top) = (190, 20, 22, 22);
    let width = label_w + day_w * days + 10;
    let height = top + row_h * s.people.len() + 34;
    let _ = writeln!(
        o,
        "<section id=\"cadence\">\n<h2>1:1 cadence</h2>\n<figure>\n<svg viewBox=\"0 0 {width} \
         {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"1:1s per PM \
         over {}\">",
        esc(month)
    );
    let x_of = |day: u32| label_w + day_w * (day as usize - 1) + day_w / 2;
    let rows_h = row_h * s.people.len();
    for day in 1..=days as u32 {
        let date = s.first_day + chrono::Days::new(u64::from(day - 1));
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            let _ = writeln!(
                o,
                "<rect x=\"{}\" y=\"{top}\" width=\"{day_w}\" height=\"{rows_h}\" fill=\"#f0f2f4\"/>",
                label_w + day_w * (day as usize - 1)
            );
        }
        let _ = writeln!(
            o,
            "<text class=\"small\" x=\"{}\" y=\"14\" text-anchor=\"middle\">{day}</text>",
            x_of(day)
        );
    }
    for (r, p) in s.people.iter().enumerate() {
        let y = top + row_h * r;
        let mid = y + row_h / 2;
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            mid + 4,
            esc(&clip(&p.name, 28))
        );
        let from = p.active_from.day();
        let to = p.active_to.day();
        let _ = writeln!(
            o,
            "<line x1=\"{}\" y1=\"{mid}\" x2=\"{}\" y2=\"{mid}\" stroke=\"#d1d9e0\" stroke-width=\"2\"/>",
            x_of(from) - day_w / 2 + 2,
            x_of(to) + day_w / 2 - 2
        );
        for d in &p.one_on_ones.dates {
            let x = x_of(d.date.day());
            let title = format!("{}: {} ({})", p.name, d.date, text::status(d.status));
            let mark = match d.status {
                OneOnOneStatus::Held => {
                    format!("<circle cx=\"{x}\" cy=\"{mid}\" r=\"6\" fill=\"#1a7f37\"/>")
                }
                OneOnOneStatus::Skipped => format!(
                    "<circle cx=\"{x}\" cy=\"{mid}\" r=\"5\" fill=\"#fff\" stroke=\"#9a6700\" \
                     stroke-width=\"2\"/>"
                ),
                OneOnOneStatus::Cancelled => format!(
                    "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"#cf222e\" \
                     stroke-width=\"2.5\"/>",
                    x - 5,
                    mid - 5,
                    x + 5,
                    mid + 5,
                    x - 5,
                    mid + 5,
                    x + 5,
                    mid - 5
                ),
            };
            let _ = writeln!(o, "<g><title>{}</title>{mark}</g>", esc(&title));
        }
    }
    let ly = top + rows_h + 20;
    let _ = writeln!(
        o,
        "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"#1a7f37\"/><text x=\"{}\" y=\"{}\">held</text>\
         <circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"#9a6700\" stroke-width=\"2\"/>\
         <text x=\"{}\" y=\"{}\">skipped</text>\
         <path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"#cf222e\" stroke-width=\"2.5\"/>\
         <text x=\"{}\" y=\"{}\">cancelled</text>\
         <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d1d9e0\" stroke-width=\"2\"/>\
         <text x=\"{}\" y=\"{}\">days on the team</text>",
        label_w + 6,
        ly,
        label_w + 16,
        ly + 4,
        label_w + 76,
        ly,
        label_w + 86,
        ly + 4,
        label_w + 151,
        ly - 5,
        label_w + 161,
        ly + 5,
        label_w + 151,
        ly + 5,
        label_w + 161,
        ly - 5,
        label_w + 170,
        ly + 4,
        label_w + 246,
        ly,
        label_w + 270,
        ly,
        label_w + 278,
        ly + 4
    );
    let _ = writeln!(
        o,
        "</svg>\n<figcaption>Each 1:1 of {} by day; weekends are shaded.</figcaption>\n</figure>\n</section>",
        esc(month)
    );
}

/// A 1:1's date and status, then its notes (or "No notes.").
pub(crate) fn one_on_one_notes(o: &mut String, one: &super::OneOnOneNotes) {
    let _ = writeln!(
        o,
        "<p><strong>1:1 on {}</strong> ({})</p>",
        one.date,
        text::status(one.status)
    );
    if one.notes.trim().is_empty() {
        o.push_str("<p class=\"muted\">No notes.</p>\n");
    } else {
        let _ = writeln!(o, "<pre>{}</pre>", esc(one.notes.trim_end()));
    }
}

pub(crate) fn checkbox(done: bool) -> &'static str {
    if done {
        "<span class=\"box done\">☑</span>"
    } else {
        "<span class=\"box open\">☐</span>"
    }
}

fn update_item(o: &mut String, u: &UpdateDue) {
    let _ = write!(
        o,
        "<li>{} {}, {}",
        checkbox(u.outcome != Outcome::Missing),
        esc(&text::update_title(u)),
        esc(&text::update_outcome(u))
    );
    if let Some(l) = &u.link {
        let _ = write!(o, " · <span class=\"link\">{}</span>", esc(l));
    }
    o.push_str("</li>\n");
}

fn wins(o: &mut String, s: &Summary, month: &str) {
    let noted: u32 = s.people.iter().map(|p| p.wins.noted).sum();
    let shared: u32 = s.people.iter().map(|p| p.wins.shared).sum();
    let _ = writeln!(
        o,
        "<section id=\"wins\">\n<h2>Wins for senior leadership</h2>\n<p>{} in {m}; {} in {m}.</p>",
        esc(&text::count(noted, "win noted", "wins noted")),
        esc(&text::count(
            shared,
            "win shared with leadership",
            "wins shared with leadership"
        )),
        m = esc(month)
    );
    let all: Vec<_> = s
        .people
        .iter()
        .flat_map(|p| p.wins.noted_in_month.iter().map(move |w| (p, w)))
        .collect();
    if !all.is_empty() {
        o.push_str("<ul class=\"tasks\">\n");
        for (p, w) in all {
            let _ = write!(
                o,
                "<li>{} <strong>{}</strong> ({}): {}",
                checkbox(w.shared_on.is_some()),
                esc(&p.name),
                w.noted_on,
                esc(&w.text)
            );
            o.push_str(&text::win_shared(w, |t| esc(t).to_string()));
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");
}

fn leader(o: &mut String, s: &Summary, month: &str) {
    let l = &s.leader;
    let m = esc(month);
    o.push_str("<section id=\"leader\">\n<h2>Leader</h2>\n<h3>Portfolio direction</h3>\n");
    match &l.portfolio_direction {
        Some(u) => {
            o.push_str("<ul class=\"tasks\">\n");
            update_item(o, u);
            o.push_str("</ul>\n");
        }
        None => {
            let _ = writeln!(o, "<p>None was due in {m}.</p>");
        }
    }
    let _ = writeln!(
        o,
        "<h3>{}</h3>\n<p>{}</p>",
        RecordKind::Walkthrough.label(),
        text::walkthroughs(l.walkthroughs.len(), &l.stages_covered, &m, esc)
    );
    if !l.walkthroughs.is_empty() {
        o.push_str("<ul>\n");
        for w in &l.walkthroughs {
            let _ = write!(o, "<li>{} · <strong>{}</strong>", w.date, esc(&w.title));
            if !w.stages.is_empty() {
                let names: Vec<String> = w.stages.iter().map(|s| esc(s)).collect();
                let _ = write!(o, " · stages: {}", names.join(", "));
            }
            if let Some(f) = w.findings.as_deref().filter(|f| !f.trim().is_empty()) {
                let _ = write!(o, "\n<pre>{}</pre>", esc(f.trim_end()));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    let next = esc(&month_name(s.month.next()));
    let _ = writeln!(
        o,
        "<h3>{}</h3>\n<p>{}</p>",
        RecordKind::Milestone.label(),
        text::milestones(l.milestones.len(), &m, &next)
    );
    if !l.milestones.is_empty() {
        o.push_str("<ul>\n");
        for ms in &l.milestones {
            let _ = write!(
                o,
                "<li>{} · <strong>{}</strong>{}",
                ms.date,
                esc(&ms.title),
                text::milestone_details(ms, esc)
            );
            if let Some(url) = &ms.link {
                let _ = write!(o, " · <span class=\"link\">{}</span>", esc(url));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    let h = &l.hiring;
    let _ = writeln!(
        o,
        "<h3>Hiring</h3>\n<p>{} open at the end of {m} · {} filled in {m} · {} in {m}.</p>",
        esc(&text::count(
            h.open_at_end.len() as u32,
            "requisition",
            "requisitions"
        )),
        h.filled.len(),
        esc(&text::count(h.interviews, "interview", "interviews"))
    );
    if !h.open_at_end.is_empty() || !h.filled.is_empty() {
        o.push_str("<ul class=\"tasks\">\n");
        for r in &h.open_at_end {
            let _ = writeln!(
                o,
                "<li>{} {} (opened {})</li>",
                checkbox(false),
                esc(&r.title),
                r.opened_on
            );
        }
        for r in &h.filled {
            let closed = r.closed_on.map(|d| d.to_string()).unwrap_or_default();
            let _ = writeln!(
                o,
                "<li>{} {} (opened {}, filled {closed})</li>",
                checkbox(true),
                esc(&r.title),
                r.opened_on
            );
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<h3>{}</h3>", Practice::SkipLevels.label());
    if l.skip_levels.is_empty() {
        let _ = writeln!(
            o,
            "<p>No one on your team had skip-level reports on {}.</p>",
            s.last_day
        );
    } else {
        let _ = writeln!(
            o,
            "<p>Skip-level 1:1s held in {m}, per manager with skip-level reports on {}:</p>\n\
             <table>\n<thead><tr><th>Manager</th><th>Skip-level reports</th>\
             <th>Met in {m}</th><th>Held 1:1s</th></tr></thead>\n<tbody>",
            s.last_day
        );
        for k in &l.skip_levels {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td></tr>",
                esc(&k.name),
                k.reports,
                k.reports_met,
                k.held
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");
}

fn overdue(o: &mut String, s: &Summary) {
    let d = &s.leader.overdue_at_month_end;
    let _ = writeln!(
        o,
        "<section id=\"overdue\">\n<h2>Overdue at month end</h2>\n<p>The overdue list as of {}, \
         over the records as they stood at the end of {}: {}. Snoozed and dismissed items \
         count.</p>",
        d.as_of,
        d.records_as_of,
        esc(&text::count(d.total, "item", "items"))
    );
    let (label_w, bar_w, row_h) = (170, 420, 20);
    let max = d.by_rule.iter().map(|c| c.count).max().unwrap_or(0).max(1);
    let width = label_w + bar_w + 50;
    let height = row_h * d.by_rule.len() + 6;
    let _ = writeln!(
        o,
        "<figure>\n<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         role=\"img\" aria-label=\"Overdue items at month end by rule\">"
    );
    for (i, c) in d.by_rule.iter().enumerate() {
        let y = row_h * i + 3;
        let w = (c.count as usize * bar_w) / max as usize;
        let _ = writeln!(
            o,
            "<g><title>{}: {}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}. {}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\" fill=\"#cf222e\"/>\
             <text x=\"{}\" y=\"{}\">{}</text></g>",
            esc(c.rule.label()),
            c.count,
            label_w - 8,
            y + 13,
            c.rule as u8,
            esc(c.rule.label()),
            y + 2,
            row_h - 6,
            label_w + w + 6,
            y + 13,
            c.count
        );
    }
    o.push_str("</svg>\n</figure>\n");
    o.push_str("<table>\n<thead><tr><th>Rule</th><th>Overdue</th></tr></thead>\n<tbody>\n");
    for c in &d.by_rule {
        let _ = writeln!(
            o,
            "<tr><td>{}. {}</td><td class=\"num\">{}</td></tr>",
            c.rule as u8,
            esc(c.rule.label()),
            c.count
        );
    }
    let _ = writeln!(
        o,
        "<tr><th>Total</th><th class=\"num\">{}</th></tr>\n</tbody>\n</table>",
        d.total
    );
    if !d.items.is_empty() {
        o.push_str("<ul class=\"tasks\">\n");
        for n in &d.items {
            let _ = writeln!(
                o,
                "<li>{} {} <span class=\"link\">{}</span>{}</li>",
                checkbox(false),
                esc(&n.message),
                esc(&n.key),
                if n.hidden {
                    " (snoozed or dismissed)"
                } else {
                    ""
                }
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");
}

fn people(o: &mut String, s: &Summary, month: &str) {
    if s.people.is_empty() {
        return;
    }
    let m = esc(month);
    o.push_str("<section id=\"people\">\n<h2>People</h2>\n");
    for p in &s.people {
        let _ = writeln!(o, "<section class=\"person\">\n<h3>{}</h3>", esc(&p.name));
        if let Some(note) = text::active_note(p, s.first_day, s.last_day) {
            let _ = writeln!(o, "<p class=\"muted\">{}</p>", esc(&note));
        }
        let rows = text::practice_rows(p, str::to_string);
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th>Practice</th><th>{m}</th><th>Grade</th></tr></thead>\n<tbody>"
        );
        for row in rows {
            let grade = row.practice.map(|practice| p.grade_of(practice));
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(row.label),
                esc(&row.value),
                grade
                    .map(|g| format!("{} {}", g.symbol(), g.label()))
                    .unwrap_or_default()
            );
        }
        o.push_str("</tbody>\n</table>\n");
        if let Some(w) = text::agenda_warning(p, month) {
            let _ = writeln!(o, "<p><strong>Agenda balance:</strong> {}</p>", esc(&w));
        }
        if p.updates.is_empty() {
            let _ = writeln!(o, "<p>No update was due in {m}.</p>");
        } else {
            let g = p.grade_of(Practice::Updates);
            let _ = writeln!(
                o,
                "<p>Updates due in {m} ({} {}):</p>\n<ul class=\"tasks\">",
                g.symbol(),
                g.label()
            );
            for u in &p.updates {
                update_item(o, u);
            }
            o.push_str("</ul>\n");
        }
        if let Some(n) = &p.notes {
            let _ = writeln!(o, "<h4>Private notes of {}</h4>", esc(&p.name));
            for one in &n.one_on_ones {
                one_on_one_notes(o, one);
            }
            match &n.focus_areas {
                Some(f) => {
                    let _ = writeln!(
                        o,
                        "<p><strong>CDF focus areas</strong> (from the review of {}):</p>\n<ul>",
                        f.date
                    );
                    for area in &f.focus {
                        let _ = writeln!(o, "<li>{}</li>", esc(area));
                    }
                    o.push_str("</ul>\n");
                }
                None => {
                    let _ = writeln!(
                        o,
                        "<p><strong>CDF focus areas:</strong> no CDF review by the end of {m}.</p>"
                    );
                }
            }
            for r in &n.cdf_review_notes {
                let _ = write!(o, "<p><strong>CDF review on {}</strong>", r.date);
                if let Some(l) = &r.link {
                    let _ = write!(o, " · <span class=\"link\">{}</span>", esc(l));
                }
                o.push_str("</p>\n");
                if r.notes.trim().is_empty() {
                    o.push_str("<p class=\"muted\">No notes.</p>\n");
                } else {
                    let _ = writeln!(o, "<pre>{}</pre>", esc(r.notes.trim_end()));
                }
            }
            for (title, items) in [
                (format!("Open at the end of {month}:"), &n.open_items),
                (format!("Closed in {month}:"), &n.closed_items),
            ] {
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(o, "<p>{}</p>\n<ul class=\"tasks\">", esc(&title));
                for i in items {
                    let closed = match (i.close_tag, i.closed_on) {
                        (Some(t), Some(d)) => format!(", closed {d} as {}", t.label()),
                        _ => String::new(),
                    };
                    let _ = writeln!(
                        o,
                        "<li>{} {} #{} (opened {}{}): {}</li>",
                        checkbox(i.closed_on.is_some()),
                        i.open_tag.label(),
                        i.item_id,
                        i.opened_on,
                        esc(&closed),
                        esc(&i.text)
                    );
                }
                o.push_str("</ul>\n");
            }
        }
        o.push_str("</section>\n");
    }
    o.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("a|b<script>\"x\" & 'y'\u{0}"),
            "a|b&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39; "
        );
    }

    #[test]
    fn the_style_loads_nothing() {
        assert!(!STYLE.contains("url("));
        assert!(!STYLE.contains("@import"));
    }
}
