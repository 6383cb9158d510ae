//! The leader's day at a glance: the team with its next 1:1s, open requests
//! for context or advice, open actions, open requisitions, unshared wins and
//! the portfolio milestones of the next [`MILESTONE_DAYS`] days.
//!
//! These are facts, not nudges: the overdue review with the exact practice
//! rules lives in [`crate::nudges`]. What is shared with it — the due date
//! of a 1:1 and of an agenda item — comes from [`crate::practice`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar;
use crate::coaching::{self, AgendaBalance, Career, CdfStatus, SkipLevelReport};
use crate::error::Result;
use crate::model::{AgendaItem, Milestone, OpenTag, Person, PersonId, RaisedBy, Requisition, Win};
use crate::practice::{is_request, item_due, next_one_on_one, owner};
use crate::settings;
use crate::store::{agenda, customers, hiring, milestones, one_on_ones, people, updates, wins};

/// How far ahead Today and a person's page show portfolio milestones: the
/// next 90 days, today included.
pub const MILESTONE_DAYS: u64 = 90;

/// The milestones from `from` to [`MILESTONE_DAYS`] days later, by day.
pub fn upcoming_milestones(conn: &Connection, from: NaiveDate) -> Result<Vec<Milestone>> {
    let last = from
        .checked_add_days(chrono::Days::new(MILESTONE_DAYS))
        .unwrap_or(NaiveDate::MAX);
    milestones::between(conn, from, last)
}

/// One person on the Today screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonSummary {
    /// The person.
    pub person: Person,
    /// Their last held 1:1 on or before today.
    pub last_held: Option<NaiveDate>,
    /// Days from the last held 1:1 to today.
    pub days_since_last: Option<i64>,
    /// When the next 1:1 is due by their cadence.
    pub next_due: NaiveDate,
    /// Open agenda items.
    pub open_items: usize,
    /// Open HELP items they raised.
    pub open_requests: usize,
}

/// An open agenda item with what the Today screen needs around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OpenItem {
    /// The item.
    pub item: AgendaItem,
    /// The name of the person whose agenda holds it.
    pub person: String,
    /// When it is due, if it has a due date.
    pub due: Option<NaiveDate>,
    /// Who owes it: the person (TODO, and HELP answers are owed by the
    /// leader) — see [`owner`].
    pub owner: RaisedBy,
}

/// An unshared win with its person's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WinSummary {
    /// The win.
    pub win: Win,
    /// Whose win.
    pub person: String,
    /// Days since it was noted.
    pub days_since_noted: i64,
}

/// An open requisition with its hiring facts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequisitionSummary {
    /// The requisition (its fields appear at this level).
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub requisition: Requisition,
    /// Days since it opened.
    pub days_open: i64,
    /// Loop members.
    pub loop_members: usize,
    /// Whether a loop member will work with the new hire.
    pub has_peer: bool,
    /// Interviews held so far (on or before today).
    pub interviews: usize,
    /// The last interview's date.
    pub last_interview: Option<NaiveDate>,
}

/// Totals for the Today screen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Active people.
    pub people: usize,
    /// Of whom tracked.
    pub tracked: usize,
    /// Open agenda items of active people.
    pub open_items: usize,
    /// Open HELP requests raised by people.
    pub open_requests: usize,
    /// Open TODO and DOTO items.
    pub open_actions: usize,
    /// Open requisitions.
    pub open_requisitions: usize,
    /// Unshared wins.
    pub unshared_wins: usize,
}

/// The Today screen's data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overview {
    /// The day it was built for.
    pub today: NaiveDate,
    /// Active people, next 1:1 due first.
    pub people: Vec<PersonSummary>,
    /// Open HELP requests raised by people, earliest due first.
    pub requests: Vec<OpenItem>,
    /// Open TODO and DOTO items, earliest due first (no timing last).
    pub actions: Vec<OpenItem>,
    /// Open requisitions with their hiring facts, newest first.
    pub open_requisitions: Vec<RequisitionSummary>,
    /// Wins not yet shared with leadership, oldest first.
    pub unshared_wins: Vec<WinSummary>,
    /// The leader's portfolio milestones of the next [`MILESTONE_DAYS`]
    /// days, by day (shown with the release calendar).
    pub milestones: Vec<Milestone>,
    /// Totals.
    pub counts: Totals,
}

/// Builds the overview for `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<Overview> {
    let settings = settings::load(conn)?;
    let everyone = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )?;
    let names: HashMap<PersonId, &str> = everyone.iter().map(|p| (p.id, p.name.as_str())).collect();
    let active: Vec<&Person> = everyone.iter().filter(|p| p.is_active_on(today)).collect();

    let mut last_held: HashMap<PersonId, NaiveDate> = HashMap::new();
    {
        // One index seek per person (one_on_one_held), as the review does.
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, (SELECT max(o.date) FROM one_on_one o
                           WHERE o.person_id = p.id AND o.status = 'held' AND o.date <= ?1)
             FROM person p",
        )?;
        let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for row in rows {
            if let (id, Some(d)) = row? {
                last_held.insert(id, d);
            }
        }
    }

    let open = agenda::list(
        conn,
        agenda::Filter {
            open: Some(true),
            ..Default::default()
        },
    )?;
    let mut requests = Vec::new();
    let mut actions = Vec::new();
    let mut action_count = 0;
    let mut open_items: HashMap<PersonId, (usize, usize)> = HashMap::new();
    let active_by_id: HashMap<PersonId, &Person> = active.iter().map(|p| (p.id, *p)).collect();
    for item in open {
        let Some(&person) = active_by_id.get(&item.person_id) else {
            continue;
        };
        let counts = open_items.entry(person.id).or_default();
        counts.0 += 1;
        let entry = OpenItem {
            person: person.name.clone(),
            due: item_due(&item, &settings),
            owner: owner(&item),
            item,
        };
        if is_request(&entry.item) {
            counts.1 += 1;
            requests.push(entry);
        } else if matches!(entry.item.open_tag, OpenTag::Todo | OpenTag::Doto) {
            action_count += 1;
            actions.push(entry);
        }
    }
    // Each name lower-cased once, not in every comparison.
    let by_due = |i: &OpenItem| (i.due.is_none(), i.due, i.person.to_lowercase(), i.item.id);
    requests.sort_by_cached_key(by_due);
    actions.sort_by_cached_key(by_due);

    let mut summaries: Vec<PersonSummary> = active
        .iter()
        .map(|p| {
            let held = last_held.get(&p.id).copied();
            let (items, reqs) = open_items.get(&p.id).copied().unwrap_or_default();
            PersonSummary {
                person: (*p).clone(),
                last_held: held,
                days_since_last: held.map(|h| calendar::days_between(h, today)),
                next_due: next_one_on_one(p, held, &settings),
                open_items: items,
                open_requests: reqs,
            }
        })
        .collect();
    summaries.sort_by(|a, b| {
        (!a.person.tracked, a.next_due, a.person.name.to_lowercase()).cmp(&(
            !b.person.tracked,
            b.next_due,
            b.person.name.to_lowercase(),
        ))
    });

    let mut unshared: Vec<WinSummary> = wins::list(
        conn,
        wins::Filter {
            person: None,
            unshared_only: true,
        },
    )?
    .into_iter()
    .filter(|w| w.noted_on <= today)
    .map(|w| WinSummary {
        person: names
            .get(&w.person_id)
            .copied()
            .unwrap_or_default()
            .to_string(),
        days_since_noted: calendar::days_between(w.noted_on, today),
        win: w,
    })
    .collect();
    unshared.reverse();

    let mut requisitions = Vec::new();
    for r in hiring::list_requisitions(conn, false)? {
        if r.opened_on > today {
            continue;
        }
        let members = hiring::list_loop(conn, r.id)?;
        let held: Vec<NaiveDate> = hiring::list_interviews(conn, Some(r.id))?
            .into_iter()
            .map(|i| i.date)
            .filter(|d| *d <= today)
            .collect();
        requisitions.push(RequisitionSummary {
            days_open: calendar::days_between(r.opened_on, today),
            loop_members: members.len(),
            has_peer: members.iter().any(|m| m.works_with_hire),
            interviews: held.len(),
            last_interview: held.iter().max().copied(),
            requisition: r,
        });
    }

    let counts = Totals {
        people: summaries.len(),
        tracked: summaries.iter().filter(|s| s.person.tracked).count(),
        open_items: summaries.iter().map(|s| s.open_items).sum(),
        open_requests: requests.len(),
        open_actions: action_count,
        open_requisitions: requisitions.len(),
        unshared_wins: unshared.len(),
    };
    Ok(Overview {
        today,
        people: summaries,
        requests,
        actions,
        open_requisitions: requisitions,
        unshared_wins: unshared,
        milestones: upcoming_milestones(conn, today)?,
        counts,
    })
}

/// How many of the most recent 1:1s, updates and wins [`person_page`] shows.
pub const RECENT: usize = 5;

/// A person at a glance: what `coachlog person show` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonPage {
    /// The day the page describes.
    pub as_of: NaiveDate,
    /// The person.
    pub person: Person,
    /// For a skip-level report: the name of the manager they report to.
    pub reports_to: Option<String>,
    /// Their 1:1 cadence in force, in days (their override, else the setting).
    pub cadence_days: u32,
    /// Their open agenda items, oldest first.
    pub open_agenda: Vec<AgendaItem>,
    /// Their [`RECENT`] latest 1:1s, newest first.
    pub recent_one_on_ones: Vec<crate::model::OneOnOne>,
    /// Their active internal customers.
    pub customers: Vec<crate::model::CustomerLink>,
    /// Their [`RECENT`] latest updates, newest first.
    pub recent_updates: Vec<crate::model::Update>,
    /// Their [`RECENT`] latest wins, newest first.
    pub recent_wins: Vec<Win>,
    /// Their latest CDF review on or before `as_of`, whose focus areas stay
    /// in view until the next, and when the next is due.
    pub cdf: CdfStatus,
    /// Their last career conversation and when the next is due.
    pub career: Career,
    /// The first day of the agenda balance: the last
    /// [`coaching::BALANCE_DAYS`] days, ending on `as_of`.
    pub balance_from: NaiveDate,
    /// Who raised the items of their agenda opened in those days.
    pub agenda_balance: AgendaBalance,
    /// For a manager: their skip-level reports active on `as_of`, by name,
    /// with the last skip-level meeting (empty for anyone else).
    pub skip_level_reports: Vec<SkipLevelReport>,
    /// The leader's milestones of the next [`MILESTONE_DAYS`] days that
    /// name one of their stages, by day.
    pub milestones: Vec<Milestone>,
}

/// The page of the person `id` as of `as_of` (today, for the front ends).
pub fn person_page(conn: &Connection, id: PersonId, as_of: NaiveDate) -> Result<PersonPage> {
    let person = people::get(conn, id)?;
    let settings = settings::load(conn)?;
    let open_agenda = agenda::list(
        conn,
        agenda::Filter {
            person: Some(id),
            open: Some(true),
            tag: None,
        },
    )?;
    let mut recent_one_on_ones = one_on_ones::list(
        conn,
        one_on_ones::Filter {
            person: Some(id),
            ..Default::default()
        },
    )?;
    recent_one_on_ones.truncate(RECENT);
    let customers = customers::list_links(
        conn,
        customers::LinkFilter {
            person: Some(id),
            include_archived: false,
        },
    )?;
    let mut recent_updates = updates::list(
        conn,
        updates::Filter {
            person: Some(Some(id)),
            ..Default::default()
        },
    )?;
    recent_updates.truncate(RECENT);
    let mut recent_wins = wins::list(
        conn,
        wins::Filter {
            person: Some(id),
            unshared_only: false,
        },
    )?;
    recent_wins.truncate(RECENT);
    let (balance_from, _) = coaching::balance_window(as_of);
    let reports_to = match person.reports_to {
        Some(m) => Some(people::get(conn, m)?.name),
        None => None,
    };
    Ok(PersonPage {
        as_of,
        cadence_days: crate::practice::cadence(&person, &settings),
        cdf: coaching::cdf_status(conn, &person, &settings, as_of)?,
        career: coaching::career(conn, &person, &settings, as_of)?,
        balance_from,
        agenda_balance: coaching::agenda_balance(conn, id, balance_from, as_of)?,
        skip_level_reports: coaching::skip_level_reports(conn, id, &settings, as_of)?,
        milestones: upcoming_milestones(conn, as_of)?
            .into_iter()
            .filter(|m| milestones::concerns(m, &person.scope.stages))
            .collect(),
        reports_to,
        person,
        open_agenda,
        recent_one_on_ones,
        customers,
        recent_updates,
        recent_wins,
    })
}
