//! Plain-English phrases shared by the Markdown and HTML renderers. They
//! carry no user text, so each renderer escapes only what it adds.

use crate::model::OneOnOneStatus;
use crate::nudges::Practice;
use crate::nudges::Rule;

use super::{ActionCounts, Grade, Outcome, PersonMonth, UpdateDue, WinNoted};

pub(crate) use crate::words::count;

/// "Next release 2026-05", "OKRs FY27-Q2".
pub(crate) fn update_title(u: &UpdateDue) -> String {
    format!("{} {}", u.kind.label(), u.period)
}

/// "due 2026-05-21: done late (2026-06-03)".
pub(crate) fn update_outcome(u: &UpdateDue) -> String {
    match (u.outcome, u.done_on) {
        (Outcome::Missing, _) | (_, None) => format!("due {}: missing", u.due),
        (o, Some(d)) => format!("due {}: {} ({d})", u.due, o.label()),
    }
}

/// The short figure next to a grade in the headline grid ("3/4", "1 late").
pub(super) fn cell_note(p: &PersonMonth, practice: Practice) -> String {
    let grade = p.grade_of(practice);
    if grade == Grade::NotApplicable {
        return String::new();
    }
    match practice {
        Practice::OneOnOne => {
            let o = &p.one_on_ones;
            if o.expected == 0 {
                format!("{} held", o.held)
            } else {
                format!("{}/{}", o.held, o.expected)
            }
        }
        Practice::Requests => {
            let r = &p.requests;
            match grade {
                Grade::Missed => format!("{} overdue", p.overdue(Rule::Request)),
                Grade::Partly => format!("{} late", r.closed - r.closed_on_time),
                _ if r.closed > 0 => format!("{} closed", r.closed),
                _ => format!("{} open", r.open_at_end),
            }
        }
        Practice::Actions => match grade {
            Grade::Missed => format!("{} overdue", p.overdue(Rule::Action)),
            _ => format!(
                "{} open",
                p.actions.person.open_at_end + p.actions.leader.open_at_end
            ),
        },
        Practice::Updates => {
            let n = |o: Outcome| p.updates.iter().filter(|u| u.outcome == o).count();
            match grade {
                Grade::Missed => format!("{} missing", n(Outcome::Missing)),
                Grade::Partly => format!("{} late", n(Outcome::DoneLate)),
                _ => format!("{} on time", n(Outcome::DoneOnTime)),
            }
        }
        Practice::Customers => match grade {
            Grade::Missed => format!(
                "{} overdue",
                p.overdue(Rule::CustomerCheckIn) + p.overdue(Rule::CustomerEpic)
            ),
            Grade::Partly => format!("{} quiet", p.customers.without_check_in.len()),
            _ => count(p.customers.check_ins, "check-in", "check-ins"),
        },
        Practice::Wins => match grade {
            Grade::Missed => format!("{} overdue", p.overdue(Rule::WinUnshared)),
            Grade::Partly => format!("{} late", super::grade::not_shared_in_month(p)),
            _ => format!("{} shared", p.wins.shared),
        },
        Practice::CdfReviews => match grade {
            Grade::Missed => "overdue".into(),
            _ => String::new(),
        },
        Practice::CareerConversations => match grade {
            Grade::Missed => "overdue".into(),
            _ => String::new(),
        },
        Practice::SkipLevels => match grade {
            Grade::Missed => format!("{} overdue", p.overdue(Rule::SkipLevel)),
            _ => count(p.skip_level_reports, "report", "reports"),
        },
    }
}

/// "3 held, 1 skipped, 1 cancelled; expected 4 (every 7 days)".
pub(super) fn one_on_ones(p: &PersonMonth) -> String {
    let o = &p.one_on_ones;
    format!(
        "{} held, {} skipped, {} cancelled; expected {} (every {} days)",
        o.held, o.skipped, o.cancelled, o.expected, o.cadence_days
    )
}

/// "4 opened, 3 closed (1 on time), 2 open at month end".
pub(super) fn requests(p: &PersonMonth) -> String {
    let r = &p.requests;
    format!(
        "{} opened, {} closed ({} on time), {} open at month end",
        r.opened, r.closed, r.closed_on_time, r.open_at_end
    )
}

/// "1 opened, 1 closed, 1 open at month end".
pub(super) fn actions(c: &ActionCounts) -> String {
    format!(
        "{} opened, {} closed, {} open at month end",
        c.opened, c.closed, c.open_at_end
    )
}

/// "2 check-ins; 2 links active".
pub(super) fn customers(p: &PersonMonth) -> String {
    format!(
        "{}; {}",
        count(p.customers.check_ins, "check-in", "check-ins"),
        count(p.customers.links_active, "link active", "links active")
    )
}

/// "2 noted, 2 shared".
pub(super) fn wins(p: &PersonMonth) -> String {
    format!("{} noted, {} shared", p.wins.noted, p.wins.shared)
}

/// "3 raised by them, 5 by you (63% by you)", or "none opened".
pub(super) fn agenda_balance(p: &PersonMonth) -> String {
    let b = &p.agenda_balance;
    match b.leader_percent() {
        None => "none opened".into(),
        Some(pct) => format!(
            "{} raised by them, {} by you ({pct}% by you)",
            b.raised_by_person, b.raised_by_leader
        ),
    }
}

/// "You raised 5 of the 8 items opened in May 2026. The handbook: “If the
/// manager puts more than half …”" when the leader raised more than half of
/// them; `month` as the renderer shows it.
pub(super) fn agenda_warning(p: &PersonMonth, month: &str) -> Option<String> {
    let b = &p.agenda_balance;
    b.warning.map(|w| {
        let raised = match (b.raised_by_leader, b.total()) {
            (1, 1) => format!("You raised the only item opened in {month}."),
            (l, t) if l == t => format!("You raised all {t} items opened in {month}."),
            (l, t) => format!("You raised {l} of the {t} items opened in {month}."),
        };
        format!("{raised} The handbook: “{w}.”")
    })
}

/// "2 skip-level reports" or "none".
pub(super) fn skip_level_reports(p: &PersonMonth) -> String {
    match p.skip_level_reports {
        0 => "no skip-level reports".into(),
        n => crate::words::count(n, "skip-level report", "skip-level reports"),
    }
}

/// "requests 1, updates 2" or "none".
pub(super) fn overdue(p: &PersonMonth) -> String {
    let parts: Vec<String> = p
        .overdue_at_month_end
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| format!("{} {}", c.rule.info().many, c.count))
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        format!("{}: {}", p.overdue_total(), parts.join(", "))
    }
}

/// "held", "skipped", "cancelled".
pub(crate) fn status(s: OneOnOneStatus) -> &'static str {
    match s {
        OneOnOneStatus::Held => "held",
        OneOnOneStatus::Skipped => "skipped",
        OneOnOneStatus::Cancelled => "cancelled",
    }
}

/// A note on a PM who joined or left during the month, if they did.
pub(super) fn active_note(
    p: &PersonMonth,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Option<String> {
    let joined = (p.active_from > first).then(|| format!("joined on {}", p.since));
    let left = p
        .archived_on
        .filter(|a| *a <= last)
        .map(|a| format!("left the team on {a}"));
    let what: Vec<String> = joined.into_iter().chain(left).collect();
    (!what.is_empty()).then(|| {
        format!(
            "{}; figures cover {} to {}.",
            capitalise(&what.join(" and ")),
            p.active_from,
            p.active_to
        )
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// " · shared 2026-05-20 in #product", " · shared 2026-05-20" or
/// " · not shared yet"; `escape` escapes the place (user text) for the
/// renderer.
pub(crate) fn win_shared(w: &WinNoted, escape: impl Fn(&str) -> String) -> String {
    match (w.shared_on, &w.shared_where) {
        (Some(d), Some(place)) => format!(" · shared {d} in {}", escape(place)),
        (Some(d), None) => format!(" · shared {d}"),
        (None, _) => " · not shared yet".to_string(),
    }
}

/// "2 walkthroughs in May 2026; stages covered: Create, Plan." (or "no
/// stage"); `month` is as the renderer shows it, `escape` escapes the stage
/// names (user text).
pub(super) fn walkthroughs(
    walkthroughs: usize,
    stages: &[String],
    month: &str,
    escape: impl Fn(&str) -> String,
) -> String {
    let stages = if stages.is_empty() {
        "no stage".to_string()
    } else {
        stages
            .iter()
            .map(|s| escape(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{} in {month}; stages covered: {stages}.",
        count(walkthroughs as u32, "walkthrough", "walkthroughs")
    )
}

/// The milestones line: "2 milestones in May 2026 and June 2026." (or "No
/// milestone …").
pub(super) fn milestones(n: usize, month: &str, next: &str) -> String {
    if n == 0 {
        format!("No milestone in {month} or {next}.")
    } else {
        format!(
            "{} in {month} and {next}:",
            count(n as u32, "milestone", "milestones")
        )
    }
}

/// A milestone's details after its title: " · release 19.8 · stages: Plan,
/// Create" (names through `escape`).
pub(super) fn milestone_details(
    m: &super::MilestoneMonth,
    escape: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    if let Some(v) = &m.release {
        out.push_str(&format!(" · release {}", escape(v)));
    }
    if !m.stages.is_empty() {
        let names: Vec<String> = m.stages.iter().map(|s| escape(s)).collect();
        out.push_str(&format!(" · stages: {}", names.join(", ")));
    }
    out
}

/// One row of a person's practice table.
pub(super) struct PracticeRow {
    /// Its title.
    pub label: &'static str,
    /// The practice whose grade it shows, if any.
    pub practice: Option<Practice>,
    /// The figures.
    pub value: String,
}

/// The rows of a person's practice table. `escape` escapes
/// the user text inside values (tag, team and category names) for a renderer
/// that writes values as they are; one that escapes whole values passes
/// the text through.
pub(super) fn practice_rows(p: &PersonMonth, escape: impl Fn(&str) -> String) -> [PracticeRow; 13] {
    let tags = if p.coaching_tags.is_empty() {
        "none".to_string()
    } else {
        p.coaching_tags
            .iter()
            .map(|t| format!("{} {}", escape(&t.tag), t.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let quiet = if p.customers.without_check_in.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = p
            .customers
            .without_check_in
            .iter()
            .map(|l| format!("{} ({})", escape(&l.team), escape(&l.category)))
            .collect();
        format!("; no check-in: {}", names.join(", "))
    };
    let graded = |practice: Practice, value: String| PracticeRow {
        label: practice.label(),
        practice: Some(practice),
        value,
    };
    let row = |label: &'static str, practice: Option<Practice>, value: String| PracticeRow {
        label,
        practice,
        value,
    };
    [
        graded(Practice::OneOnOne, one_on_ones(p)),
        row("Coaching tags (held 1:1s)", None, tags),
        graded(Practice::Requests, requests(p)),
        row(
            "Actions: TODO (theirs)",
            Some(Practice::Actions),
            actions(&p.actions.person),
        ),
        row("Actions: DOTO (yours)", None, actions(&p.actions.leader)),
        graded(Practice::Customers, format!("{}{quiet}", customers(p))),
        graded(Practice::Wins, wins(p)),
        row("Interviews", None, p.interviews.to_string()),
        row("Agenda balance (items opened)", None, agenda_balance(p)),
        graded(Practice::CdfReviews, p.cdf_reviews.to_string()),
        graded(
            Practice::CareerConversations,
            p.career_conversations.to_string(),
        ),
        graded(Practice::SkipLevels, skip_level_reports(p)),
        row("Overdue at month end", None, overdue(p)),
    ]
}
