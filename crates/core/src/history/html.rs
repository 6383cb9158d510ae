//! The packet as one self-contained HTML file: the summary's head (a
//! Content-Security-Policy that forbids loading anything) and style sheet,
//! a small inline SVG timeline of the window (1:1s, updates, wins and CDF
//! reviews as marks on a month axis), then the same sections as the
//! Markdown. No script, no `src=` or `href=`, links printed as text; every
//! user text through `esc`.

use std::fmt::Write;

use crate::calendar::{self, MONTH_NAMES};
use crate::model::OneOnOneStatus;
use crate::nudges::Practice;
use crate::summary::html::{checkbox, esc, head, one_on_one_notes};
use crate::summary::text;
use crate::summary::{month_name, Outcome};

use super::markdown::{check_in_days, flow_text, item_closed, privacy_note, who};
use super::History;

/// The packet as one self-contained HTML file.
pub fn html(h: &History) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let o = &mut out;
    head(o, &format!("Review packet: {}", h.name));
    let _ = writeln!(
        o,
        "<header>\n<h1>Review packet: {}</h1>\n<p class=\"meta\">{}</p>\n<p class=\"meta\">{} to {}</p>",
        esc(&h.name),
        who(h, esc),
        h.window.from,
        h.window.to
    );
    let class = if h.includes_notes { "private" } else { "meta" };
    let _ = writeln!(
        o,
        "<p class=\"{class}\">{}</p>\n</header>",
        esc(privacy_note(h))
    );

    timeline(o, h);

    let c = &h.one_on_ones;
    let _ =
        writeln!(
        o,
        "<section id=\"one-on-ones\">\n<h2>{}</h2>\n<p>{} held, {} skipped, {} cancelled.</p>\n\
         <table>\n<thead><tr><th>Month</th><th>Held</th><th>Skipped</th><th>Cancelled</th>\
         <th>Coaching tags (held 1:1s)</th></tr></thead>\n<tbody>",
        Practice::OneOnOne.label(),
        c.held, c.skipped, c.cancelled
    );
    for m in &h.months {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&month_name(m.month)),
            m.one_on_ones.held,
            m.one_on_ones.skipped,
            m.one_on_ones.cancelled,
            tags(&m.coaching_tags)
        );
    }
    let _ = writeln!(
        o,
        "<tr><th>Total</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th>{}</th></tr>\n</tbody>\n</table>\n</section>",
        c.held,
        c.skipped,
        c.cancelled,
        tags(&h.coaching_tags)
    );

    let _ = writeln!(
        o,
        "<section id=\"career\">\n<h2>{}</h2>",
        Practice::CareerConversations.label()
    );
    if h.career_conversations.is_empty() {
        let _ = writeln!(
            o,
            "<p>No held 1:1 tagged “{}” in the window.</p>",
            esc(&h.career_tag)
        );
    } else {
        let days: Vec<String> = h
            .career_conversations
            .iter()
            .map(|d| d.to_string())
            .collect();
        let _ = writeln!(
            o,
            "<p>{} (held 1:1s tagged “{}”): {}.</p>",
            esc(&text::count(
                h.career_conversations.len() as u32,
                "career conversation",
                "career conversations"
            )),
            esc(&h.career_tag),
            days.join(", ")
        );
    }
    o.push_str("</section>\n");

    o.push_str(
        "<section id=\"items\">\n<h2>Requests and actions</h2>\n<table>\n<thead><tr><th>Items</th>\
         <th>In the window</th></tr></thead>\n<tbody>\n",
    );
    for (label, f) in [
        ("Requests (HELP, raised by them)", &h.requests),
        ("Actions: TODO (theirs)", &h.actions_person),
        ("Actions: DOTO (yours)", &h.actions_leader),
    ] {
        let _ = writeln!(
            o,
            "<tr><td>{label}</td><td>{}</td></tr>",
            esc(&flow_text(f))
        );
    }
    o.push_str("</tbody>\n</table>\n</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"updates\">\n<h2>{}</h2>",
        Practice::Updates.label()
    );
    if h.updates.is_empty() {
        o.push_str("<p>No update was due in the window.</p>\n");
    } else {
        o.push_str("<ul class=\"tasks\">\n");
        for u in &h.updates {
            let d = &u.due;
            let _ = write!(
                o,
                "<li>{} {}, {}",
                checkbox(d.outcome != Outcome::Missing),
                esc(&text::update_title(d)),
                esc(&text::update_outcome(d))
            );
            if let Some(l) = &d.link {
                let _ = write!(o, " · <span class=\"link\">{}</span>", esc(l));
            }
            if !u.objectives.is_empty() {
                o.push_str("\n<ul>\n");
                for obj in &u.objectives {
                    let _ = write!(o, "<li>{}<ul>", esc(&obj.text));
                    for kr in &obj.key_results {
                        let score = kr
                            .score
                            .map_or_else(|| "no score".into(), |s| s.to_string());
                        let _ = write!(o, "<li>{} · {score}</li>", esc(&kr.text));
                    }
                    o.push_str("</ul></li>\n");
                }
                o.push_str("</ul>\n");
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"customers\">\n<h2>{}</h2>",
        Practice::Customers.label()
    );
    if h.customers.is_empty() {
        o.push_str("<p>No internal customer in the window.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for c in &h.customers {
            let days = check_in_days(c);
            let _ = writeln!(
                o,
                "<li><strong>{}</strong> ({}): {}{}</li>",
                esc(&c.team),
                esc(&c.category),
                text::count(c.check_ins.len() as u32, "check-in", "check-ins"),
                days
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"wins\">\n<h2>{}</h2>\n<p>{} in the window; {} in it.</p>",
        Practice::Wins.label(),
        text::count(h.wins.len() as u32, "win noted", "wins noted"),
        text::count(
            h.wins_shared,
            "win shared with senior leadership",
            "wins shared with senior leadership"
        )
    );
    if !h.wins.is_empty() {
        o.push_str("<ul class=\"tasks\">\n");
        for w in &h.wins {
            let _ = writeln!(
                o,
                "<li>{} {}: {}{}</li>",
                checkbox(w.shared_on.is_some()),
                w.noted_on,
                esc(&w.text),
                text::win_shared(w, esc)
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    o.push_str("<section id=\"hiring\">\n<h2>Hiring</h2>\n");
    if h.interviews.is_empty() && h.loops.is_empty() {
        o.push_str("<p>No interview or interview loop in the window.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for i in &h.interviews {
            let _ = writeln!(
                o,
                "<li>Interviewed on {} for {}</li>",
                i.date,
                esc(&i.requisition)
            );
        }
        for l in &h.loops {
            let role = if l.role.trim().is_empty() {
                String::new()
            } else {
                format!(" as {}", esc(&l.role))
            };
            let _ = writeln!(
                o,
                "<li>In the interview loop of {}{role} (opened {})</li>",
                esc(&l.requisition),
                l.opened_on
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    let _ = writeln!(
        o,
        "<section id=\"cdf\">\n<h2>{}</h2>",
        Practice::CdfReviews.label()
    );
    if h.cdf_reviews.is_empty() {
        o.push_str("<p>No CDF review in the window.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for r in &h.cdf_reviews {
            let _ = write!(o, "<li>CDF review on {}", r.date);
            if let Some(l) = &r.link {
                let _ = write!(o, " · <span class=\"link\">{}</span>", esc(l));
            }
            if let Some(focus) = &r.focus {
                o.push_str("<ul>");
                for area in focus {
                    let _ = write!(o, "<li>Focus: {}</li>", esc(area));
                }
                o.push_str("</ul>");
            }
            if let Some(n) = r.notes.as_deref().filter(|n| !n.trim().is_empty()) {
                let _ = write!(o, "\n<pre>{}</pre>", esc(n.trim_end()));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    if let Some(n) = &h.notes {
        o.push_str("<section id=\"notes\">\n<h2>Private notes</h2>\n");
        for one in &n.one_on_ones {
            one_on_one_notes(o, one);
        }
        if !n.items.is_empty() {
            o.push_str(
                "<p>Agenda items opened or closed in the window:</p>\n<ul class=\"tasks\">\n",
            );
            for i in &n.items {
                let _ = writeln!(
                    o,
                    "<li>{} {} #{} (opened {}{}): {}</li>",
                    checkbox(i.closed_on.is_some()),
                    i.open_tag.label(),
                    i.item_id,
                    i.opened_on,
                    item_closed(i),
                    esc(&i.text)
                );
            }
            o.push_str("</ul>\n");
        }
        o.push_str("</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    out
}

fn tags(t: &[crate::summary::TagCount]) -> String {
    if t.is_empty() {
        "none".into()
    } else {
        t.iter()
            .map(|t| format!("{} {}", esc(&t.tag), t.count))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The timeline: one row per kind of record, a mark per record on a day
/// axis with a tick and a label per month (every few months on a long
/// window).
fn timeline(o: &mut String, h: &History) {
    let (label_w, plot_w, row_h, top) = (110usize, 640usize, 26usize, 24usize);
    let rows = [
        Practice::OneOnOne,
        Practice::Updates,
        Practice::Wins,
        Practice::CdfReviews,
    ]
    .map(Practice::label);
    let width = label_w + plot_w + 20;
    let height = top + row_h * rows.len() + 40;
    let span = calendar::days_between(h.window.from, h.window.to).max(1) as f64;
    let x_of = |d: chrono::NaiveDate| {
        let days = calendar::days_between(h.window.from, d) as f64;
        label_w as f64 + days / span * plot_w as f64
    };
    let y_of = |row: usize| top + row_h * row + row_h / 2;
    let _ = writeln!(
        o,
        "<section id=\"timeline\">\n<h2>Timeline</h2>\n<figure>\n<svg viewBox=\"0 0 {width} \
         {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Timeline of \
         {} from {} to {}\">",
        esc(&h.name),
        h.window.from,
        h.window.to
    );
    let months = h.window.months();
    let every = months.len().div_ceil(12).max(1);
    let axis = top + row_h * rows.len();
    for (i, m) in months.iter().enumerate() {
        let x = x_of(m.first_day().max(h.window.from));
        let _ = writeln!(
            o,
            "<line x1=\"{x:.1}\" y1=\"{top}\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#d1d9e0\"/>",
            axis + 4
        );
        if i % every == 0 {
            let name = &MONTH_NAMES[(m.month() - 1) as usize][..3];
            let _ = writeln!(
                o,
                "<text class=\"small\" x=\"{:.1}\" y=\"{}\">{name} {}</text>",
                x + 2.0,
                axis + 16,
                m.year()
            );
        }
    }
    for (r, label) in rows.iter().enumerate() {
        let y = y_of(r);
        let _ = writeln!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{label}</text>\
             <line x1=\"{label_w}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#eaeef2\"/>",
            label_w - 8,
            y + 4,
            label_w + plot_w
        );
    }
    let mark = |o: &mut String, title: String, shape: String| {
        let _ = writeln!(o, "<g><title>{}</title>{shape}</g>", esc(&title));
    };
    let y = y_of(0);
    for d in &h.one_on_one_dates {
        let x = x_of(d.date);
        let shape = match d.status {
            OneOnOneStatus::Held => {
                format!("<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"4\" fill=\"#1a7f37\"/>")
            }
            OneOnOneStatus::Skipped => format!(
                "<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"4\" fill=\"#fff\" stroke=\"#9a6700\" \
                 stroke-width=\"1.5\"/>"
            ),
            OneOnOneStatus::Cancelled => format!(
                "<path d=\"M{:.1} {} L{:.1} {} M{:.1} {} L{:.1} {}\" stroke=\"#cf222e\" \
                 stroke-width=\"2\"/>",
                x - 4.0,
                y - 4,
                x + 4.0,
                y + 4,
                x - 4.0,
                y + 4,
                x + 4.0,
                y - 4
            ),
        };
        mark(
            o,
            format!("1:1 on {} ({})", d.date, text::status(d.status)),
            shape,
        );
    }
    let y = y_of(1);
    for u in &h.updates {
        let d = &u.due;
        let x = x_of(d.due);
        let (fill, stroke) = match d.outcome {
            Outcome::DoneOnTime => ("#1a7f37", "#1a7f37"),
            Outcome::DoneLate => ("#9a6700", "#9a6700"),
            Outcome::Missing => ("#fff", "#cf222e"),
        };
        mark(
            o,
            format!("{}, {}", text::update_title(d), text::update_outcome(d)),
            format!(
                "<path d=\"M{x:.1} {} L{:.1} {y} L{x:.1} {} L{:.1} {y} Z\" fill=\"{fill}\" \
                 stroke=\"{stroke}\" stroke-width=\"1.5\"/>",
                y - 5,
                x + 5.0,
                y + 5,
                x - 5.0
            ),
        );
    }
    let y = y_of(2);
    for w in &h.wins {
        let x = x_of(w.noted_on);
        let fill = if w.shared_on.is_some() {
            "#8250df"
        } else {
            "#fff"
        };
        mark(
            o,
            format!(
                "Win noted {}{}",
                w.noted_on,
                text::win_shared(w, str::to_string)
            ),
            format!(
                "<path d=\"M{x:.1} {} L{:.1} {} L{:.1} {} Z\" fill=\"{fill}\" stroke=\"#8250df\" \
                 stroke-width=\"1.5\"/>",
                y - 5,
                x + 5.0,
                y + 4,
                x - 5.0,
                y + 4
            ),
        );
    }
    let y = y_of(3);
    for r in &h.cdf_reviews {
        let x = x_of(r.date);
        mark(
            o,
            format!("CDF review on {}", r.date),
            format!(
                "<rect x=\"{:.1}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#0969da\"/>",
                x - 4.5,
                y - 4
            ),
        );
    }
    o.push_str("</svg>\n");
    o.push_str(
        "<figcaption>1:1s: ● held, ○ skipped, ✗ cancelled · updates on their due day: ◆ on time \
         (green), late (amber), ◇ missing · wins: ▲ shared, △ not yet · ■ CDF reviews.\
         </figcaption>\n</figure>\n</section>\n",
    );
}
