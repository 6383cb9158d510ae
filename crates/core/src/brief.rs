//! The brief before a 1:1: everything the leader wants in view before
//! talking with one person, on one page.
//!
//! [`build`] reads it from the database for a person and a day — the open
//! agenda (carried-over items first), what the leader owes them, their wins
//! since the last held 1:1, their items of the overdue list (due soon
//! included), the CDF focus areas in force, career conversations, this
//! month's updates and the quarter's OKRs, their internal customers and the
//! next release day — and [`markdown`] renders it as GitLab-flavoured
//! Markdown. The JSON is the [`Brief`] itself (`docs/cli.md`, "brief").
//!
//! **The day.** The brief describes the end of `as_of`: agenda items opened
//! after it do not exist yet and items closed after it are still open; 1:1s,
//! wins, CDF reviews and check-ins dated after it do not count, and a win
//! shared after it is unshared. Updates show their record as it is (status,
//! done date, objectives and scores). The clock is never read.
//!
//! A brief is private coaching material: it quotes agenda items, win texts
//! and OKRs. Unlike the monthly summary it is not made to be shared.

use std::fmt::Write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::coaching::{self, AgendaBalance, Career, CdfStatus};
use crate::dashboard::{self, Release};
use crate::error::{Error, Result};
use crate::model::{
    AgendaItem, LinkId, Objective, OpenTag, Person, PersonId, RaisedBy, Update, UpdateId,
    UpdateKind, UpdateStatus, WinId,
};
use crate::nudges::{self, Nudge, Rule};
use crate::practice::{
    cadence, is_request, item_due, link_start, next_due, next_one_on_one, owner,
};
use crate::settings;
use crate::store::{agenda, customers, people, updates, wins};
use crate::summary::{markdown_code as code, markdown_escape as inline, markdown_link as link};
use crate::words::count;

/// Everything to have in view before a 1:1 with one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Brief {
    /// The day it describes (the end of it).
    pub as_of: NaiveDate,
    /// The person.
    pub person: Person,
    /// For a skip-level report: the name of the manager they report to.
    pub reports_to: Option<String>,
    /// Their 1:1 cadence in days (their override, else the setting).
    pub cadence_days: u32,
    /// Their last held 1:1 on or before `as_of`.
    pub last_held: Option<NaiveDate>,
    /// When the next 1:1 is due by the cadence.
    pub next_one_on_one: NaiveDate,
    /// The open agenda at the end of `as_of`: carried-over items first, then
    /// the items opened after the last held 1:1; each part oldest first (by
    /// opening day, then id).
    pub agenda: Vec<BriefItem>,
    /// The first day of the agenda balance (the last
    /// [`coaching::BALANCE_DAYS`] days, ending on `as_of`).
    pub balance_from: NaiveDate,
    /// Who raised the items opened in those days.
    pub agenda_balance: AgendaBalance,
    /// What the leader owes them: open DOTO items and the requests for
    /// context or advice they raised (HELP), earliest due first (no due
    /// date last), then oldest first.
    pub owed: Vec<BriefItem>,
    /// The day after which wins are listed: the last held 1:1 (`None`:
    /// every win so far).
    pub wins_since: Option<NaiveDate>,
    /// Their wins noted after the last held 1:1, oldest first.
    pub wins: Vec<BriefWin>,
    /// Their items of the overdue list on `as_of`, due soon included, in the
    /// list's order (snoozed and dismissed ones left out, as the leader sees
    /// the list), from their records only ([`nudges::overdue_of`]).
    pub overdue: Vec<Nudge>,
    /// The CDF review in force and when the next is due.
    pub cdf: CdfStatus,
    /// Career conversations.
    pub career: Career,
    /// This month's next-release and 3-month-vision updates and the
    /// quarter's OKRs, in that order.
    pub updates: Vec<BriefUpdate>,
    /// Their internal customers active on `as_of`, by team, then category.
    pub customers: Vec<BriefCustomer>,
    /// The next release day on or after `as_of`.
    pub next_release: Release,
}

/// An agenda item in the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BriefItem {
    /// The item.
    pub item: AgendaItem,
    /// Opened on or before the day of the last held 1:1 (raised in it, or
    /// earlier): it was on the agenda when that 1:1 ended and carries into
    /// the next.
    pub carried_over: bool,
    /// Days from its opening to `as_of`.
    pub days_open: i64,
    /// When it is due (timing; for a request without timing, the reply
    /// days), if it is.
    pub due: Option<NaiveDate>,
    /// Who owes it (see [`owner`]).
    pub owner: RaisedBy,
}

/// A win in the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BriefWin {
    /// The win.
    pub win_id: WinId,
    /// Noted on.
    pub noted_on: NaiveDate,
    /// What happened.
    pub text: String,
    /// Shared with leadership on (on or before `as_of`), if it was.
    pub shared_on: Option<NaiveDate>,
    /// Where it was shared.
    pub shared_where: Option<String>,
}

/// An update owed in the period of `as_of`, with its record if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BriefUpdate {
    /// Next release, 3-month vision or OKRs.
    pub kind: UpdateKind,
    /// The month of `as_of`, or its fiscal quarter for OKRs.
    pub period: Period,
    /// Due: the release day of the month (of the quarter's first month for
    /// OKRs).
    pub due: NaiveDate,
    /// The record shown: the earliest done one, else the newest; `None`
    /// when none is recorded.
    pub update_id: Option<UpdateId>,
    /// Its status (`None`: none recorded).
    pub status: Option<UpdateStatus>,
    /// Its done date.
    pub done_on: Option<NaiveDate>,
    /// Its link.
    pub link: Option<String>,
    /// For OKRs: the objectives with their key results and scores.
    pub objectives: Vec<Objective>,
}

/// An internal customer in the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BriefCustomer {
    /// The link.
    pub link_id: LinkId,
    /// The internal customer (a team).
    pub team: String,
    /// The category.
    pub category: String,
    /// Since.
    pub since: NaiveDate,
    /// The last check-in on or before `as_of`.
    pub last_check_in: Option<NaiveDate>,
    /// Days from it to `as_of`.
    pub days_since_check_in: Option<i64>,
    /// The last check-in with the category epic updated.
    pub last_epic_update: Option<NaiveDate>,
    /// When the next check-in is due (`internal_customer_every_days`).
    pub next_check_in_due: NaiveDate,
}

/// Builds the brief of `person` as of the end of `as_of`.
pub fn build(conn: &Connection, person: PersonId, as_of: NaiveDate) -> Result<Brief> {
    crate::validate::in_years("day of the brief", as_of)?;
    let p = people::get(conn, person)?;
    if as_of < p.since {
        return Err(Error::invalid(format!(
            "{} has reported to you since {}; there is nothing to brief on {as_of}. Give a day \
             on or after {}.",
            p.name, p.since, p.since
        )));
    }
    let settings = settings::load(conn)?;
    let last_held = coaching::last_held(conn, p.id, as_of)?;

    let mut agenda: Vec<BriefItem> = agenda::open_for(conn, p.id, as_of)?
        .into_iter()
        .map(|item| BriefItem {
            carried_over: last_held.is_some_and(|h| item.opened_on <= h),
            days_open: calendar::days_between(item.opened_on, as_of),
            due: item_due(&item, &settings),
            owner: owner(&item),
            item,
        })
        .collect();
    // Stable: oldest first within each part, as read.
    agenda.sort_by_key(|i| !i.carried_over);
    let mut owed: Vec<BriefItem> = agenda
        .iter()
        .filter(|i| i.item.open_tag == OpenTag::Doto || is_request(&i.item))
        .cloned()
        .collect();
    owed.sort_by_key(|i| (i.due.is_none(), i.due, i.item.opened_on, i.item.id));

    let (balance_from, _) = coaching::balance_window(as_of);
    let agenda_balance = coaching::agenda_balance(conn, p.id, balance_from, as_of)?;

    let mut win_list: Vec<BriefWin> = wins::list(
        conn,
        wins::Filter {
            person: Some(p.id),
            unshared_only: false,
        },
    )?
    .into_iter()
    .filter(|w| w.noted_on <= as_of && last_held.is_none_or(|h| w.noted_on > h))
    .map(|w| {
        let shared = w.shared_on.filter(|s| *s <= as_of);
        BriefWin {
            win_id: w.id,
            noted_on: w.noted_on,
            text: w.text,
            shared_on: shared,
            shared_where: shared.and(w.shared_where),
        }
    })
    .collect();
    win_list.sort_by_key(|w| (w.noted_on, w.win_id));

    let overdue: Vec<Nudge> = nudges::overdue_of(conn, as_of, p.id, true)?;

    let month = Month::of(as_of);
    let fy = settings.fiscal_year_start_month;
    let quarter = FiscalQuarter::containing(month, fy);
    let release = calendar::release_day(month, settings.release_day);
    let mut updates_out = Vec::with_capacity(3);
    for (kinds, period, due) in [
        (
            &[UpdateKind::NextRelease, UpdateKind::ThreeMonthVision][..],
            Period::Month(month),
            release,
        ),
        (
            &[UpdateKind::Okrs][..],
            Period::Quarter(quarter),
            calendar::release_day(quarter.first_month(fy), settings.release_day),
        ),
    ] {
        let recorded = updates::list(
            conn,
            updates::Filter {
                person: Some(Some(p.id)),
                kind: None,
                period: Some(period),
            },
        )?;
        for &kind in kinds {
            updates_out.push(brief_update(&recorded, kind, period, due));
        }
    }

    let last_check_ins = customers::last_check_ins(conn, p.id, as_of)?;
    let mut links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: Some(p.id),
            include_archived: true,
        },
    )?;
    links.retain(|l| l.is_active_on(as_of));
    links.sort_by_cached_key(|l| {
        (
            crate::validate::key(&l.team),
            crate::validate::key(&l.category),
            l.id,
        )
    });
    let customers_out = links
        .into_iter()
        .map(|l| {
            let (last, epic) = last_check_ins.get(&l.id).copied().unwrap_or_default();
            BriefCustomer {
                next_check_in_due: next_due(
                    last,
                    link_start(&l, &p, &settings),
                    settings.internal_customer_every_days,
                ),
                link_id: l.id,
                team: l.team,
                category: l.category,
                since: l.since,
                last_check_in: last,
                days_since_check_in: last.map(|d| calendar::days_between(d, as_of)),
                last_epic_update: epic,
            }
        })
        .collect();

    let reports_to = match p.reports_to {
        Some(m) => Some(people::get(conn, m)?.name),
        None => None,
    };
    let next_release = dashboard::upcoming_releases(&settings, as_of, 1)
        .into_iter()
        .next()
        .expect("a release day falls in every month");
    Ok(Brief {
        as_of,
        reports_to,
        cadence_days: cadence(&p, &settings),
        last_held,
        next_one_on_one: next_one_on_one(&p, last_held, &settings),
        agenda,
        balance_from,
        agenda_balance,
        owed,
        wins_since: last_held,
        wins: win_list,
        overdue,
        cdf: coaching::cdf_status(conn, &p, &settings, as_of)?,
        career: coaching::career(conn, &p, &settings, as_of)?,
        updates: updates_out,
        customers: customers_out,
        next_release,
        person: p,
    })
}

/// The brief of `person` as of the end of `as_of`, as Markdown
/// ([`build`], then [`markdown`]): what the desktop's "Copy as Markdown"
/// asks for.
pub fn render_markdown(conn: &Connection, person: PersonId, as_of: NaiveDate) -> Result<String> {
    Ok(markdown(&build(conn, person, as_of)?))
}

/// The update of `kind` to show among the `recorded` ones of its period: the
/// earliest done (by done date, then id), else the newest (by id).
fn brief_update(
    recorded: &[Update],
    kind: UpdateKind,
    period: Period,
    due: NaiveDate,
) -> BriefUpdate {
    let same = recorded.iter().filter(|u| u.kind == kind);
    let shown = same
        .clone()
        .filter(|u| u.status == UpdateStatus::Done)
        .min_by_key(|u| (u.done_on, u.id))
        .or_else(|| same.max_by_key(|u| u.id));
    BriefUpdate {
        kind,
        period,
        due,
        update_id: shown.map(|u| u.id),
        status: shown.map(|u| u.status),
        done_on: shown.and_then(|u| u.done_on),
        link: shown.and_then(|u| u.link.clone()),
        objectives: shown.map(|u| u.objectives.clone()).unwrap_or_default(),
    }
}

/// The headings of the brief's sections, in order: every brief has each of
/// them, with a sentence when there is nothing to list.
pub const SECTIONS: [&str; 9] = [
    "Open agenda",
    "What you owe them",
    "Wins since the last 1:1",
    "On the overdue list",
    "CDF focus areas",
    "Career",
    "Updates and OKRs",
    "Internal customers",
    "Next release",
];

/// "today", "in 3 days", "2 days ago".
fn relative(day: NaiveDate, as_of: NaiveDate) -> String {
    match calendar::days_between(as_of, day) {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// "due 2026-11-30 (in 3 days)", "due 2026-11-25 (2 days overdue)".
fn due_text(due: NaiveDate, as_of: NaiveDate) -> String {
    let days = calendar::days_between(due, as_of);
    if days > 0 {
        format!("due {due} ({} overdue)", count(days, "day", "days"))
    } else {
        format!("due {due} ({})", relative(due, as_of))
    }
}

fn by(raised: RaisedBy) -> &'static str {
    match raised {
        RaisedBy::Person => "them",
        RaisedBy::Leader => "you",
    }
}

fn checkbox(done: bool) -> &'static str {
    if done {
        "- [x]"
    } else {
        "- [ ]"
    }
}

/// The brief as GitLab-flavoured Markdown: a title and one `##` section per
/// heading of [`SECTIONS`], in order. User text is escaped as in the monthly
/// summary (`summary::markdown_escape`): it stays text, inside one table
/// cell or list item; no raw HTML is written.
pub fn markdown(b: &Brief) -> String {
    let mut out = String::with_capacity(4096);
    let o = &mut out;
    let p = &b.person;
    let _ = writeln!(o, "# Brief: {}\n", inline(&p.name));
    let mut meta = vec![format!("As of {}", b.as_of)];
    if !p.title.trim().is_empty() {
        meta.push(inline(&p.title));
    }
    if let Some(m) = &b.reports_to {
        meta.push(format!("skip-level report of {}", inline(m)));
    }
    meta.push(format!("1:1s every {} days", b.cadence_days));
    meta.push(match b.last_held {
        Some(h) => format!("last held {h} ({})", relative(h, b.as_of)),
        None => "no 1:1 held yet".into(),
    });
    meta.push(format!("next 1:1 {}", due_text(b.next_one_on_one, b.as_of)));
    if let Some(a) = p.archived_on.filter(|a| *a <= b.as_of) {
        meta.push(format!("archived on {a}"));
    }
    let _ = writeln!(o, "{}\n", meta.join(" · "));

    agenda_section(o, b);
    owed_section(o, b);
    wins_section(o, b);
    overdue_section(o, b);
    cdf_section(o, b);
    career_section(o, b);
    updates_section(o, b);
    customers_section(o, b);
    let r = &b.next_release;
    let _ = writeln!(
        o,
        "## {}\n\n{} ships on {} ({}).",
        SECTIONS[8],
        match &r.version {
            Some(v) => format!("Release {v}"),
            None => format!("The {} release", r.month),
        },
        r.date,
        relative(r.date, b.as_of)
    );
    out
}

fn item_text(i: &AgendaItem) -> String {
    let text = inline(&i.text);
    if text.is_empty() {
        format!("#{}", i.id)
    } else {
        format!("{text} (#{})", i.id)
    }
}

fn agenda_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[0]);
    if b.agenda.is_empty() {
        let _ = writeln!(o, "Nothing is open on the agenda.\n");
    } else {
        let carried = b.agenda.iter().filter(|i| i.carried_over).count();
        let _ = writeln!(
            o,
            "{} open; {} carried over from earlier 1:1s (listed first).\n",
            count(b.agenda.len(), "item", "items"),
            carried
        );
        let _ = writeln!(
            o,
            "| Item | Tag | Raised by | Opened | Timing | Due | Carried over |\n\
             | --- | --- | --- | --- | --- | --- | --- |"
        );
        for i in &b.agenda {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} ({}) | {} | {} | {} |",
                item_text(&i.item),
                i.item.open_tag.label(),
                by(i.item.raised_by),
                i.item.opened_on,
                count(i.days_open, "day", "days"),
                i.item
                    .timing
                    .map_or_else(|| "—".to_string(), |t| t.to_string()),
                i.due
                    .map_or_else(|| "—".to_string(), |d| due_text(d, b.as_of)),
                if i.carried_over { "yes" } else { "no" }
            );
        }
        o.push('\n');
    }
    let a = &b.agenda_balance;
    let balance = match a.leader_percent() {
        None => "no item was opened".to_string(),
        Some(pct) => format!(
            "{} raised by them, {} by you ({pct}% by you)",
            a.raised_by_person, a.raised_by_leader
        ),
    };
    let _ = writeln!(
        o,
        "Agenda balance, {} to {}: {balance}.\n",
        b.balance_from, b.as_of
    );
    if let Some(w) = a.warning {
        let _ = writeln!(o, "> The handbook: “{w}.”\n");
    }
}

fn owed_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[1]);
    if b.owed.is_empty() {
        let _ = writeln!(
            o,
            "Nothing: no DOTO of yours and no request of theirs is open.\n"
        );
        return;
    }
    for i in &b.owed {
        let due = i
            .due
            .map_or_else(|| "no due date".to_string(), |d| due_text(d, b.as_of));
        let what = if is_request(&i.item) {
            "Request"
        } else {
            "DOTO"
        };
        let _ = writeln!(
            o,
            "- [ ] {what}: {} · opened {} · {due}",
            item_text(&i.item),
            i.item.opened_on
        );
    }
    o.push('\n');
}

fn wins_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[2]);
    if b.wins.is_empty() {
        let _ = match b.wins_since {
            Some(h) => writeln!(o, "No win noted since the last 1:1 ({h}).\n"),
            None => writeln!(o, "No win noted yet.\n"),
        };
        return;
    }
    for w in &b.wins {
        let shared = match (w.shared_on, &w.shared_where) {
            (Some(d), Some(place)) => format!("shared {d} in {}", inline(place)),
            (Some(d), None) => format!("shared {d}"),
            (None, _) => "not shared yet".to_string(),
        };
        let _ = writeln!(
            o,
            "{} {}: {} · {shared}",
            checkbox(w.shared_on.is_some()),
            w.noted_on,
            inline(&w.text)
        );
    }
    o.push('\n');
}

fn overdue_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[3]);
    if b.overdue.is_empty() {
        let _ = writeln!(
            o,
            "Nothing of theirs is overdue or due within {} days.\n",
            nudges::DUE_SOON_DAYS
        );
        return;
    }
    for n in &b.overdue {
        let _ = write!(o, "- [ ] {}", inline(&n.message));
        if let (Rule::Request | Rule::Action, Some(id)) = (n.rule, n.record_id) {
            let _ = write!(o, " Item #{id}: {}", inline(&n.subject));
        }
        let _ = writeln!(o, " {}", code(&n.key));
    }
    o.push('\n');
}

/// The sentence for someone whose practices are not followed (untracked,
/// skip-level reports): rules 12 and 13 owe nothing for them, so the brief
/// shows no due date for their CDF reviews or career conversations.
const NOT_FOLLOWED: &str = "Their practices are not followed (not tracked), so nothing is owed.";

fn cdf_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[4]);
    let followed = b.person.tracked;
    let next = due_text(b.cdf.next_due, b.as_of);
    match &b.cdf.last {
        None if !followed => {
            let _ = writeln!(o, "No CDF review yet. {NOT_FOLLOWED}\n");
        }
        None => {
            let _ = writeln!(o, "No CDF review yet; the first is {next}.\n");
        }
        Some(r) => {
            let _ = write!(o, "From the CDF review of {}", r.date);
            if let Some(l) = &r.link {
                let _ = write!(o, " ({})", link(l));
            }
            let _ = writeln!(o, ", in force until the next:\n");
            for (k, f) in r.focus.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", k + 1, inline(f));
            }
            if followed {
                let _ = writeln!(o, "\nThe next CDF review is {next}.\n");
            } else {
                let _ = writeln!(o, "\n{NOT_FOLLOWED}\n");
            }
        }
    }
}

fn career_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[5]);
    let c = &b.career;
    let tag = code(&c.tag);
    if !b.person.tracked {
        let _ = match c.last {
            Some(l) => writeln!(
                o,
                "The last was on {l} ({}; a held 1:1 tagged {tag}). {NOT_FOLLOWED}\n",
                relative(l, b.as_of)
            ),
            None => writeln!(o, "None yet. {NOT_FOLLOWED}\n"),
        };
        return;
    }
    let next = due_text(c.next_due, b.as_of);
    let _ = match c.last {
        Some(l) => writeln!(
            o,
            "The last was on {l} ({}; a held 1:1 tagged {tag}); the next is {next}.\n",
            relative(l, b.as_of)
        ),
        None => writeln!(
            o,
            "None yet (a held 1:1 tagged {tag} is one); the first is {next}.\n"
        ),
    };
}

fn updates_section(o: &mut String, b: &Brief) {
    let _ = writeln!(
        o,
        "## {}\n\n| Update | Period | Due | Status | Link |\n| --- | --- | --- | --- | --- |",
        SECTIONS[6]
    );
    for u in &b.updates {
        let status = match (u.status, u.done_on) {
            (None, _) => "none recorded".to_string(),
            (Some(UpdateStatus::Done), Some(d)) => format!("done {d}"),
            (Some(s), _) => s.label().to_lowercase(),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {status} | {} |",
            u.kind.label(),
            u.period,
            u.due,
            u.link.as_deref().map_or_else(|| "—".to_string(), link)
        );
    }
    o.push('\n');
    for u in b.updates.iter().filter(|u| u.kind == UpdateKind::Okrs) {
        if u.objectives.is_empty() {
            let _ = writeln!(o, "No objectives recorded for {}.\n", u.period);
            continue;
        }
        let _ = writeln!(o, "OKRs {}:\n", u.period);
        for obj in &u.objectives {
            let _ = writeln!(o, "- {}", inline(&obj.text));
            for kr in &obj.key_results {
                let score = kr
                    .score
                    .map_or_else(|| "not scored".to_string(), |s| format!("score {s}"));
                let _ = writeln!(o, "  - {} · {score}", inline(&kr.text));
            }
        }
        o.push('\n');
    }
}

fn customers_section(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## {}\n", SECTIONS[7]);
    if b.customers.is_empty() {
        let _ = writeln!(o, "No internal customers.\n");
        return;
    }
    let _ = writeln!(
        o,
        "| Internal customer | Category | Last check-in | Next check-in | Epic last updated |\n\
         | --- | --- | --- | --- | --- |"
    );
    for c in &b.customers {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            inline(&c.team),
            inline(&c.category),
            c.last_check_in.map_or_else(
                || "none yet".to_string(),
                |d| format!("{d} ({})", relative(d, b.as_of))
            ),
            due_text(c.next_check_in_due, b.as_of),
            c.last_epic_update
                .map_or_else(|| "never".to_string(), |d| d.to_string())
        );
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_worded_from_the_day_of_the_brief() {
        let d = |s: &str| calendar::parse_date(s).unwrap();
        let as_of = d("2026-11-27");
        assert_eq!(relative(d("2026-11-27"), as_of), "today");
        assert_eq!(relative(d("2026-11-28"), as_of), "tomorrow");
        assert_eq!(relative(d("2026-11-30"), as_of), "in 3 days");
        assert_eq!(relative(d("2026-11-20"), as_of), "7 days ago");
        assert_eq!(
            due_text(d("2026-11-26"), as_of),
            "due 2026-11-26 (1 day overdue)"
        );
        assert_eq!(
            due_text(d("2026-11-29"), as_of),
            "due 2026-11-29 (in 2 days)"
        );
    }
}
