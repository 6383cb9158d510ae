//! The packet as GitLab-flavoured Markdown, escaped as the summary's is
//! (`summary::markdown`): every user text through `inline`, links through
//! `link`, notes verbatim in fenced code blocks; no raw HTML.

use std::fmt::Write;

use crate::nudges::Practice;
use crate::summary::markdown::{checkbox, fenced, inline, link, one_on_one_notes};
use crate::summary::text;
use crate::summary::{month_name, Outcome};

use super::{days_text, History, ItemFlow};

/// The sentence at the top that says what is and is not in the packet.
pub(super) fn privacy_note(h: &History) -> &'static str {
    if h.includes_notes {
        "Private: this packet includes 1:1 notes, agenda item texts and CDF notes and focus \
         areas. Do not share it."
    } else {
        "1:1 notes, agenda item texts and CDF notes and focus areas are not included."
    }
}

/// "3 opened, 2 closed (median 4 days to close), 1 open at the end" (no
/// median when none closed).
pub(super) fn flow_text(f: &ItemFlow) -> String {
    let median = f
        .median_days_to_close
        .map(|d| format!(" (median {} to close)", days_text(d)))
        .unwrap_or_default();
    format!(
        "{} opened, {} closed{median}, {} open at the end",
        f.opened, f.closed, f.open_at_end
    )
}

/// "Priya Raman · Senior PM · on the team since 2025-01-06 · left 2026-03-01".
pub(super) fn who(h: &History, escape: impl Fn(&str) -> String) -> String {
    let mut s = escape(&h.name);
    if !h.title.trim().is_empty() {
        let _ = write!(s, " · {}", escape(&h.title));
    }
    let _ = write!(s, " · on the team since {}", h.since);
    if let Some(a) = h.archived_on {
        let _ = write!(s, " · left {a}");
    }
    s
}

/// The packet as GitLab-flavoured Markdown.
pub fn markdown(h: &History) -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "# Review packet: {}\n", inline(&h.name));
    let _ = writeln!(
        o,
        "{}\n\n{} to {}\n",
        who(h, inline),
        h.window.from,
        h.window.to
    );
    let note = privacy_note(h);
    if h.includes_notes {
        let _ = writeln!(o, "**{note}**\n");
    } else {
        let _ = writeln!(o, "{note}\n");
    }

    let c = &h.one_on_ones;
    let _ = writeln!(
        o,
        "## {}\n\n{} held, {} skipped, {} cancelled.\n",
        Practice::OneOnOne.label(),
        c.held,
        c.skipped,
        c.cancelled
    );
    let _ = writeln!(
        o,
        "| Month | Held | Skipped | Cancelled | Coaching tags (held 1:1s) |\n\
         | --- | ---: | ---: | ---: | --- |"
    );
    for m in &h.months {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            month_name(m.month),
            m.one_on_ones.held,
            m.one_on_ones.skipped,
            m.one_on_ones.cancelled,
            tags(&m.coaching_tags)
        );
    }
    let _ = writeln!(
        o,
        "| **Total** | **{}** | **{}** | **{}** | {} |\n",
        c.held,
        c.skipped,
        c.cancelled,
        tags(&h.coaching_tags)
    );

    let _ = writeln!(o, "## {}\n", Practice::CareerConversations.label());
    if h.career_conversations.is_empty() {
        let _ = writeln!(
            o,
            "No held 1:1 tagged {} in the window.\n",
            crate::summary::markdown::code(&h.career_tag)
        );
    } else {
        let days: Vec<String> = h
            .career_conversations
            .iter()
            .map(|d| d.to_string())
            .collect();
        let _ = writeln!(
            o,
            "{} (held 1:1s tagged {}): {}.\n",
            text::count(
                h.career_conversations.len() as u32,
                "career conversation",
                "career conversations"
            ),
            crate::summary::markdown::code(&h.career_tag),
            days.join(", ")
        );
    }

    let _ = writeln!(
        o,
        "## Requests and actions\n\n| Items | In the window |\n| --- | --- |"
    );
    for (label, f) in [
        ("Requests (HELP, raised by them)", &h.requests),
        ("Actions: TODO (theirs)", &h.actions_person),
        ("Actions: DOTO (yours)", &h.actions_leader),
    ] {
        let _ = writeln!(o, "| {label} | {} |", flow_text(f));
    }
    o.push('\n');

    let _ = writeln!(o, "## {}\n", Practice::Updates.label());
    if h.updates.is_empty() {
        let _ = writeln!(o, "No update was due in the window.\n");
    } else {
        for u in &h.updates {
            let d = &u.due;
            let _ = write!(
                o,
                "{} {}, {}",
                checkbox(d.outcome != Outcome::Missing),
                text::update_title(d),
                text::update_outcome(d)
            );
            if let Some(l) = &d.link {
                let _ = write!(o, " · {}", link(l));
            }
            o.push('\n');
            for obj in &u.objectives {
                let _ = writeln!(o, "  - {}", inline(&obj.text));
                for kr in &obj.key_results {
                    let score = kr
                        .score
                        .map_or_else(|| "no score".into(), |s| s.to_string());
                    let _ = writeln!(o, "    - {} · {score}", inline(&kr.text));
                }
            }
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## {}\n", Practice::Customers.label());
    if h.customers.is_empty() {
        let _ = writeln!(o, "No internal customer in the window.\n");
    } else {
        for c in &h.customers {
            let days = check_in_days(c);
            let _ = writeln!(
                o,
                "- **{}** ({}): {}{}",
                inline(&c.team),
                inline(&c.category),
                text::count(c.check_ins.len() as u32, "check-in", "check-ins"),
                days
            );
        }
        o.push('\n');
    }

    let _ = writeln!(
        o,
        "## {}\n\n{} in the window; {} in it.\n",
        Practice::Wins.label(),
        text::count(h.wins.len() as u32, "win noted", "wins noted"),
        text::count(
            h.wins_shared,
            "win shared with senior leadership",
            "wins shared with senior leadership"
        )
    );
    for w in &h.wins {
        let _ = writeln!(
            o,
            "{} {}: {}{}",
            checkbox(w.shared_on.is_some()),
            w.noted_on,
            inline(&w.text),
            text::win_shared(w, inline)
        );
    }
    if !h.wins.is_empty() {
        o.push('\n');
    }

    let _ = writeln!(o, "## Hiring\n");
    if h.interviews.is_empty() && h.loops.is_empty() {
        let _ = writeln!(o, "No interview or interview loop in the window.\n");
    } else {
        for i in &h.interviews {
            let _ = writeln!(
                o,
                "- Interviewed on {} for {}",
                i.date,
                inline(&i.requisition)
            );
        }
        for l in &h.loops {
            let role = if l.role.trim().is_empty() {
                String::new()
            } else {
                format!(" as {}", inline(&l.role))
            };
            let _ = writeln!(
                o,
                "- In the interview loop of {}{role} (opened {})",
                inline(&l.requisition),
                l.opened_on
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## {}\n", Practice::CdfReviews.label());
    if h.cdf_reviews.is_empty() {
        let _ = writeln!(o, "No CDF review in the window.\n");
    }
    for r in &h.cdf_reviews {
        let _ = write!(o, "- CDF review on {}", r.date);
        if let Some(l) = &r.link {
            let _ = write!(o, " · {}", link(l));
        }
        o.push('\n');
        for area in r.focus.iter().flatten() {
            let _ = writeln!(o, "  - Focus: {}", inline(area));
        }
        if let Some(n) = r.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            o.push('\n');
            fenced(o, n, "  ");
            o.push('\n');
        }
    }
    if !h.cdf_reviews.is_empty() {
        o.push('\n');
    }

    if let Some(n) = &h.notes {
        let _ = writeln!(o, "## Private notes\n");
        for one in &n.one_on_ones {
            one_on_one_notes(o, one);
        }
        if !n.items.is_empty() {
            let _ = writeln!(o, "Agenda items opened or closed in the window:\n");
            for i in &n.items {
                let _ = writeln!(
                    o,
                    "{} {} #{} (opened {}{}): {}",
                    checkbox(i.closed_on.is_some()),
                    i.open_tag.label(),
                    i.item_id,
                    i.opened_on,
                    item_closed(i),
                    inline(&i.text)
                );
            }
            o.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The check-ins' days: ", 2026-02-02 (epic updated), 2026-03-02", or nothing.
pub(super) fn check_in_days(c: &super::CustomerHistory) -> String {
    c.check_ins
        .iter()
        .map(|d| {
            if d.epic_updated {
                format!(", {} (epic updated)", d.date)
            } else {
                format!(", {}", d.date)
            }
        })
        .collect()
}

/// ", closed 2026-05-02 as DONE", or nothing while open.
pub(super) fn item_closed(i: &crate::summary::ItemText) -> String {
    match (i.close_tag, i.closed_on) {
        (Some(t), Some(d)) => format!(", closed {d} as {}", t.label()),
        _ => String::new(),
    }
}

fn tags(t: &[crate::summary::TagCount]) -> String {
    if t.is_empty() {
        "none".into()
    } else {
        t.iter()
            .map(|t| format!("{} {}", inline(&t.tag), t.count))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
