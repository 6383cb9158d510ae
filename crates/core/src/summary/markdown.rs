//! The summary as GitLab-flavoured Markdown, ready to paste into a merge
//! request or an issue: a headline table of PMs × practices, the wins for
//! senior leadership, the leader's portfolio direction, walkthroughs and
//! hiring, the overdue list at month end, and one section per PM. What is
//! still open is a task-list item (`- [ ]`), what is done a checked one.
//!
//! **Escaping.** Every user text goes through [`inline`]: whitespace runs
//! (line breaks included) become one space, and the characters that could
//! start Markdown or HTML — `` \ ` * _ [ ] < > | ~ & $ # `` — are
//! backslash-escaped, so a name like `a|b<script>` stays text inside one
//! table cell. Links go through [`link`]. Notes and findings (only with
//! `include_notes`) are shown verbatim in fenced code blocks, longer than any
//! backtick run they contain. No raw HTML is ever written.

use std::fmt::Write;

use crate::kinds::RecordKind;
use crate::nudges::Practice;

use super::{month_name, text, Grade, Outcome, PersonMonth, Summary, UpdateDue};

/// Escapes user text for inline Markdown (see the module docs).
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut gap = false;
    for c in s.trim().chars() {
        if c.is_whitespace() || c.is_control() {
            gap = true;
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link to `url` labelled "link": the destination between `<…>` with
/// `\ < > &` backslash-escaped, so it can neither end early nor decode an
/// entity; whitespace (never stored) is percent-encoded.
pub fn link(url: &str) -> String {
    let mut dest = String::with_capacity(url.len() + 4);
    for c in url.trim().chars() {
        match c {
            '\\' | '<' | '>' | '&' => {
                dest.push('\\');
                dest.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(dest, "%{b:02X}");
                }
            }
            c => dest.push(c),
        }
    }
    format!("[link](<{dest}>)")
}

/// A code span holding `s` on one line: delimited by a backtick run longer
/// than any inside it, padded with spaces when it starts or ends with one.
pub fn code(s: &str) -> String {
    let flat: String = s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let ticks = "`".repeat(longest + 1);
    if flat.starts_with('`') || flat.ends_with('`') {
        format!("{ticks} {flat} {ticks}")
    } else {
        format!("{ticks}{flat}{ticks}")
    }
}

/// A fenced code block holding `body` verbatim, indented by `indent`.
pub(crate) fn fenced(out: &mut String, body: &str, indent: &str) {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let mut longest = 0;
    let mut run = 0;
    for c in body.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    let _ = writeln!(out, "{indent}{fence}text");
    for line in body.trim_end().lines() {
        let clean: String = line
            .chars()
            .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
            .collect();
        if clean.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{clean}");
        }
    }
    let _ = writeln!(out, "{indent}{fence}");
}

fn cell(p: &PersonMonth, practice: Practice) -> String {
    let grade = p.grade_of(practice);
    let note = text::cell_note(p, practice);
    if note.is_empty() {
        grade.symbol().to_string()
    } else {
        format!("{} {note}", grade.symbol())
    }
}

/// A 1:1's date and status, then its notes in a fenced block (or "No notes.").
pub(crate) fn one_on_one_notes(o: &mut String, one: &super::OneOnOneNotes) {
    let _ = writeln!(
        o,
        "**1:1 on {}** ({})\n",
        one.date,
        text::status(one.status)
    );
    if one.notes.trim().is_empty() {
        let _ = writeln!(o, "No notes.\n");
    } else {
        fenced(o, &one.notes, "");
        o.push('\n');
    }
}

pub(crate) fn checkbox(done: bool) -> &'static str {
    if done {
        "- [x]"
    } else {
        "- [ ]"
    }
}

fn update_line(out: &mut String, u: &UpdateDue) {
    let _ = write!(
        out,
        "{} {}, {}",
        checkbox(u.outcome != Outcome::Missing),
        text::update_title(u),
        text::update_outcome(u)
    );
    if let Some(l) = &u.link {
        let _ = write!(out, " · {}", link(l));
    }
    out.push('\n');
}

/// The summary as GitLab-flavoured Markdown (see the module docs).
pub fn markdown(s: &Summary) -> String {
    let mut out = String::new();
    let month = month_name(s.month);
    let o = &mut out;
    let _ = writeln!(o, "# Monthly summary: {month}\n");
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
    let _ = writeln!(o, "{meta}\n");
    if s.includes_notes {
        let _ = writeln!(
            o,
            "**Private:** this summary includes 1:1 notes, agenda item texts, walkthrough \
             findings, CDF notes and focus areas. Do not paste it where others can read it.\n"
        );
    } else {
        let _ = writeln!(
            o,
            "1:1 notes, agenda item texts, walkthrough findings, CDF notes and focus areas are \
             not included.\n"
        );
    }

    headline(o, s, &month);
    wins(o, s, &month);
    leader(o, s, &month);
    overdue(o, s);
    people(o, s, &month);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn headline(o: &mut String, s: &Summary, month: &str) {
    let _ = writeln!(o, "## Practices at a glance\n");
    if s.people.is_empty() {
        let _ = writeln!(o, "No tracked PM was active in {month}.\n");
        return;
    }
    let mut header = String::from("| PM |");
    let mut rule = String::from("| --- |");
    for p in Practice::all() {
        let _ = write!(header, " {} |", p.label());
        rule.push_str(" :---: |");
    }
    header.push_str(" Overdue at month end |");
    rule.push_str(" ---: |");
    let _ = writeln!(o, "{header}\n{rule}");
    for p in &s.people {
        let _ = write!(o, "| {} |", inline(&p.name));
        for practice in Practice::all() {
            let _ = write!(o, " {} |", cell(p, practice));
        }
        let _ = writeln!(o, " {} |", p.overdue_total());
    }
    let _ = writeln!(
        o,
        "\n{} on track · {} partly · {} missed · {} nothing owed. How each practice is graded:\n",
        Grade::Ok.symbol(),
        Grade::Partly.symbol(),
        Grade::Missed.symbol(),
        Grade::NotApplicable.symbol()
    );
    for (practice, line) in LEGEND {
        let line = format!("**{}**{line}", practice.label());
        let _ = writeln!(o, "- {line}");
    }
    o.push('\n');
}

/// How the grid is graded, one line per practice (also in docs/summary.md).
const LEGEND: [(Practice, &str); 9] = [
    (
        Practice::OneOnOne,
        " (held/expected): ✅ held at least the expected number (days active in the month \
     ÷ cadence, rounded down); ⚠️ one short; ❌ two or more short, or none held.",
    ),
    (
        Practice::Requests,
        ": ❌ one is overdue at month end; ⚠️ one was closed in the month after its due; \
     ✅ otherwise.",
    ),
    (
        Practice::Actions,
        ": ❌ one is overdue at month end; ✅ otherwise.",
    ),
    (
        Practice::Updates,
        ": ❌ one due in the month is missing; ⚠️ one was done late; ✅ all done on time.",
    ),
    (
        Practice::Customers,
        ": ❌ a check-in or category epic is overdue at month end; ⚠️ a link \
     had no check-in in the month; ✅ otherwise.",
    ),
    (
        Practice::Wins,
        ": ❌ a win is unshared past its share-by day at month end; ⚠️ a win noted in the \
     month was not shared in it; ✅ otherwise.",
    ),
    (
        Practice::CdfReviews,
        ": ❌ one is overdue at month end; ✅ otherwise; — when the PM left before month end.",
    ),
    (
        Practice::CareerConversations,
        ": ❌ one is overdue at month end; ✅ otherwise; — when the PM left before month end.",
    ),
    (
        Practice::SkipLevels,
        " (with the PM's own reports): ❌ one is overdue at month end; ✅ otherwise; — when \
     the PM has no skip-level report.",
    ),
];

fn wins(o: &mut String, s: &Summary, month: &str) {
    let _ = writeln!(o, "## Wins for senior leadership\n");
    let noted: u32 = s.people.iter().map(|p| p.wins.noted).sum();
    let shared: u32 = s.people.iter().map(|p| p.wins.shared).sum();
    let _ = writeln!(
        o,
        "{} in {month}; {} in {month}.\n",
        text::count(noted, "win noted", "wins noted"),
        text::count(
            shared,
            "win shared with leadership",
            "wins shared with leadership"
        )
    );
    let mut any = false;
    for p in &s.people {
        for w in &p.wins.noted_in_month {
            any = true;
            let _ = write!(
                o,
                "{} **{}** ({}): {}",
                checkbox(w.shared_on.is_some()),
                inline(&p.name),
                w.noted_on,
                inline(&w.text)
            );
            o.push_str(&text::win_shared(w, |t| inline(t).to_string()));
            o.push('\n');
        }
    }
    if any {
        o.push('\n');
    }
}

fn leader(o: &mut String, s: &Summary, month: &str) {
    let l = &s.leader;
    let _ = writeln!(o, "## Leader\n\n### Portfolio direction\n");
    match &l.portfolio_direction {
        Some(u) => {
            update_line(o, u);
            o.push('\n');
        }
        None => {
            let _ = writeln!(o, "None was due in {month}.\n");
        }
    }

    let _ = writeln!(o, "### {}\n", RecordKind::Walkthrough.label());
    let _ = writeln!(
        o,
        "{}\n",
        text::walkthroughs(l.walkthroughs.len(), &l.stages_covered, month, inline)
    );
    for w in &l.walkthroughs {
        let _ = write!(o, "- {} · **{}**", w.date, inline(&w.title));
        if !w.stages.is_empty() {
            let names: Vec<String> = w.stages.iter().map(|s| inline(s)).collect();
            let _ = write!(o, " · stages: {}", names.join(", "));
        }
        o.push('\n');
        if let Some(f) = w.findings.as_deref().filter(|f| !f.trim().is_empty()) {
            o.push('\n');
            fenced(o, f, "  ");
            o.push('\n');
        }
    }
    if !l.walkthroughs.is_empty() {
        o.push('\n');
    }

    let next = month_name(s.month.next());
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        RecordKind::Milestone.label(),
        text::milestones(l.milestones.len(), month, &next)
    );
    for m in &l.milestones {
        let _ = write!(
            o,
            "- {} · **{}**{}",
            m.date,
            inline(&m.title),
            text::milestone_details(m, inline)
        );
        if let Some(url) = &m.link {
            let _ = write!(o, " · {}", link(url));
        }
        o.push('\n');
    }
    if !l.milestones.is_empty() {
        o.push('\n');
    }

    let h = &l.hiring;
    let _ = writeln!(
        o,
        "### Hiring\n\n{} open at the end of {month} · {} filled in {month} · {} in {month}.\n",
        text::count(h.open_at_end.len() as u32, "requisition", "requisitions"),
        h.filled.len(),
        text::count(h.interviews, "interview", "interviews")
    );
    for r in &h.open_at_end {
        let _ = writeln!(o, "- [ ] {} (opened {})", inline(&r.title), r.opened_on);
    }
    for r in &h.filled {
        let closed = r.closed_on.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            o,
            "- [x] {} (opened {}, filled {closed})",
            inline(&r.title),
            r.opened_on
        );
    }
    if !h.open_at_end.is_empty() || !h.filled.is_empty() {
        o.push('\n');
    }

    let _ = writeln!(o, "### {}\n", Practice::SkipLevels.label());
    if l.skip_levels.is_empty() {
        let _ = writeln!(
            o,
            "No one on your team had skip-level reports on {}.\n",
            s.last_day
        );
    } else {
        let _ = writeln!(
            o,
            "Skip-level 1:1s held in {month}, per manager with skip-level reports on {}:\n",
            s.last_day
        );
        let _ = writeln!(
            o,
            "| Manager | Skip-level reports | Met in {month} | Held 1:1s |\n| --- | ---: | ---: | ---: |"
        );
        for m in &l.skip_levels {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                inline(&m.name),
                m.reports,
                m.reports_met,
                m.held
            );
        }
        o.push('\n');
    }
}

fn overdue(o: &mut String, s: &Summary) {
    let d = &s.leader.overdue_at_month_end;
    let _ = writeln!(
        o,
        "## Overdue at month end\n\nThe overdue list as of {}, over the records as they stood at \
         the end of {}: {}. Snoozed and dismissed items count.\n",
        d.as_of,
        d.records_as_of,
        text::count(d.total, "item", "items")
    );
    let _ = writeln!(o, "| Rule | Overdue |\n| --- | ---: |");
    for c in &d.by_rule {
        let _ = writeln!(o, "| {}. {} | {} |", c.rule as u8, c.rule.label(), c.count);
    }
    let _ = writeln!(o, "| **Total** | **{}** |\n", d.total);
    for n in &d.items {
        let _ = write!(o, "- [ ] {} {}", inline(&n.message), code(&n.key));
        if n.hidden {
            o.push_str(" (snoozed or dismissed)");
        }
        o.push('\n');
    }
    if !d.items.is_empty() {
        o.push('\n');
    }
}

fn people(o: &mut String, s: &Summary, month: &str) {
    if s.people.is_empty() {
        return;
    }
    let _ = writeln!(o, "## People\n");
    for p in &s.people {
        let _ = writeln!(o, "### {}\n", inline(&p.name));
        if let Some(note) = text::active_note(p, s.first_day, s.last_day) {
            let _ = writeln!(o, "{note}\n");
        }
        let rows = text::practice_rows(p, |t| inline(t).to_string());
        let _ = writeln!(o, "| Practice | {month} |\n| --- | --- |");
        for row in rows {
            let _ = writeln!(o, "| {} | {} |", row.label, row.value);
        }
        o.push('\n');
        if let Some(w) = text::agenda_warning(p, month) {
            let _ = writeln!(o, "> **Agenda balance:** {w}\n");
        }
        if p.updates.is_empty() {
            let _ = writeln!(o, "No update was due in {month}.\n");
        } else {
            let _ = writeln!(o, "Updates due in {month}:\n");
            for u in &p.updates {
                update_line(o, u);
            }
            o.push('\n');
        }
        if let Some(n) = &p.notes {
            let _ = writeln!(o, "#### Private notes of {}\n", inline(&p.name));
            for one in &n.one_on_ones {
                one_on_one_notes(o, one);
            }
            match &n.focus_areas {
                Some(f) => {
                    let _ = writeln!(o, "**CDF focus areas** (from the review of {}):\n", f.date);
                    for area in &f.focus {
                        let _ = writeln!(o, "- {}", inline(area));
                    }
                    o.push('\n');
                }
                None => {
                    let _ = writeln!(
                        o,
                        "**CDF focus areas:** no CDF review by the end of {month}.\n"
                    );
                }
            }
            for r in &n.cdf_review_notes {
                let _ = write!(o, "**CDF review on {}**", r.date);
                if let Some(l) = &r.link {
                    let _ = write!(o, " ({})", link(l));
                }
                o.push_str("\n\n");
                if r.notes.trim().is_empty() {
                    let _ = writeln!(o, "No notes.\n");
                } else {
                    fenced(o, &r.notes, "");
                    o.push('\n');
                }
            }
            for (title, items) in [
                (format!("Open at the end of {month}:"), &n.open_items),
                (format!("Closed in {month}:"), &n.closed_items),
            ] {
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(o, "{title}\n");
                for i in items {
                    let closed = match (i.close_tag, i.closed_on) {
                        (Some(t), Some(d)) => format!(", closed {d} as {}", t.label()),
                        _ => String::new(),
                    };
                    let _ = writeln!(
                        o,
                        "{} {} #{} (opened {}{closed}): {}",
                        checkbox(i.closed_on.is_some()),
                        i.open_tag.label(),
                        i.item_id,
                        i.opened_on,
                        inline(&i.text)
                    );
                }
                o.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markup_and_flattens_lines() {
        let cases = [
            ("Priya Raman", "Priya Raman"),
            ("a|b<script>", "a\\|b\\<script\\>"),
            ("  two\nlines\t here ", "two lines here"),
            (
                "*bold* _it_ `code` [x](y) ~s~ &amp; $m$ #1",
                "\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) \\~s\\~ \\&amp; \\$m\\$ \\#1",
            ),
            ("back\\slash", "back\\\\slash"),
        ];
        for (input, want) in cases {
            assert_eq!(inline(input), want, "{input:?}");
        }
    }

    #[test]
    fn links_cannot_end_early() {
        assert_eq!(
            link("https://x.test/a?b=1&c=<2>"),
            "[link](<https://x.test/a?b=1\\&c=\\<2\\>>)"
        );
    }

    #[test]
    fn code_spans_outgrow_backtick_runs() {
        assert_eq!(code("update:1:okrs:FY27-Q2"), "`update:1:okrs:FY27-Q2`");
        assert_eq!(
            code("stage_walkthrough:a``b:2026-05-01"),
            "```stage_walkthrough:a``b:2026-05-01```"
        );
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn fences_outgrow_backtick_runs() {
        let mut out = String::new();
        fenced(&mut out, "a ```` b", "");
        assert_eq!(out, "`````text\na ```` b\n`````\n");
    }
}
