//! Views built on the overdue review: the per-PM coverage grid, the daily
//! notification digest and the release calendar.
//!
//! Each view is a pure function of the review's nudges (or the settings) and
//! a day, with a companion that reads them from the database for the front
//! ends (`coverage`, `releases`, `todays_digest`).

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::{self, Month};
use crate::error::Result;
use crate::model::{Person, PersonId};
use crate::nudges::{Nudge, Practice, Records, Rule};
use crate::settings::Settings;

/// Where one PM stands on one practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing owed (e.g. no internal customers).
    NotApplicable,
    /// Nothing overdue or due within three days.
    OnTrack,
    /// Something falls due within three days.
    DueSoon,
    /// Something is overdue.
    Overdue,
}

/// One cell of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cell {
    /// The practice (column).
    pub practice: Practice,
    /// Its status.
    pub status: Status,
    /// How many items are overdue.
    pub overdue: usize,
    /// How many are due soon.
    pub due_soon: usize,
    /// The most overdue item's message, for a tooltip.
    pub worst: Option<String>,
}

/// One row of the grid: a tracked PM active on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Row {
    /// The PM.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// One cell per practice of [`crate::nudges::PRACTICES`], in order.
    pub cells: Vec<Cell>,
}

/// The per-PM × practice coverage grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Coverage {
    /// The day it describes.
    pub as_of: NaiveDate,
    /// The columns.
    pub practices: Vec<Practice>,
    /// One row per tracked PM active on `as_of`, by name.
    pub rows: Vec<Row>,
}

/// The coverage grid of `as_of`, read from the database: the records of the
/// day, their review and [`coverage_of`].
pub fn coverage(conn: &Connection, as_of: NaiveDate) -> Result<Coverage> {
    let records = Records::load(conn, as_of)?;
    let settings = crate::settings::load(conn)?;
    let review = crate::nudges::review(&records, &settings, as_of);
    Ok(coverage_of(&records, &review, as_of))
}

/// Builds the coverage grid from the review of `as_of`. It counts every item
/// of the review, snoozed or dismissed ones included: hiding a nudge does
/// not make the practice on track. An item counts on the row of
/// [`Rule::counted_with`]: the PM's own items on their row, and a skip-level
/// report's (rule 14) on the row of their manager (`reports_to`) — when that
/// manager is a row (tracked and active); a manager who is not tracked has
/// no row, and their reports' skip-levels show only in the review. Internal
/// customers are "not applicable" for a PM with no active link, and
/// skip-levels for a PM with no skip-level report active on `as_of`.
pub fn coverage_of(records: &Records, nudges: &[Nudge], as_of: NaiveDate) -> Coverage {
    let mut people: Vec<&Person> = records
        .people
        .iter()
        .filter(|p| p.tracked && p.is_active_on(as_of))
        .collect();
    people.sort_by_key(|p| (p.name.to_lowercase(), p.id));
    // Each row's nudges, active links and skip-level reports, in one pass
    // over each (not one pass per person and practice: that was quadratic
    // on a large team).
    let everyone: HashMap<PersonId, &Person> = records.people.iter().map(|p| (p.id, p)).collect();
    let mut by_person: HashMap<PersonId, Vec<&Nudge>> = HashMap::new();
    for n in nudges {
        let row = n
            .person_id
            .and_then(|p| everyone.get(&p))
            .and_then(|p| n.rule.counted_with(p));
        if let Some(row) = row {
            by_person.entry(row).or_default().push(n);
        }
    }
    let with_reports: HashSet<PersonId> = records
        .people
        .iter()
        .filter(|p| p.is_active_on(as_of))
        .filter_map(|p| p.reports_to)
        .collect();
    let with_links: HashSet<PersonId> = records
        .links
        .iter()
        .filter(|l| l.is_active_on(as_of))
        .map(|l| l.person_id)
        .collect();
    let none = Vec::new();
    let rows = people
        .into_iter()
        .map(|p| {
            let owed = |practice: Practice| match practice {
                Practice::Customers => with_links.contains(&p.id),
                Practice::SkipLevels => with_reports.contains(&p.id),
                _ => true,
            };
            let theirs = by_person.get(&p.id).unwrap_or(&none);
            let cells = Practice::all()
                .map(|practice| {
                    let mine: Vec<&Nudge> = theirs
                        .iter()
                        .copied()
                        .filter(|n| n.rule.practice() == Some(practice))
                        .collect();
                    let overdue = mine.iter().filter(|n| n.is_overdue()).count();
                    let due_soon = mine.len() - overdue;
                    let status = if overdue > 0 {
                        Status::Overdue
                    } else if due_soon > 0 {
                        Status::DueSoon
                    } else if !owed(practice) {
                        Status::NotApplicable
                    } else {
                        Status::OnTrack
                    };
                    Cell {
                        practice,
                        status,
                        overdue,
                        due_soon,
                        worst: mine
                            .iter()
                            .max_by_key(|n| n.overdue_days)
                            .map(|n| n.message.clone()),
                    }
                })
                .collect();
            Row {
                person_id: p.id,
                name: p.name.clone(),
                cells,
            }
        })
        .collect();
    Coverage {
        as_of,
        practices: Practice::all().collect(),
        rows,
    }
}

/// The daily digest of `today` as the leader sees it (snoozed and dismissed
/// items out), or `None` when notifications are off or nothing is overdue.
pub fn todays_digest(conn: &Connection, today: NaiveDate) -> Result<Option<String>> {
    if !crate::settings::load(conn)?.notifications {
        return Ok(None);
    }
    Ok(digest(&crate::nudges::overdue(conn, today, false)?))
}

/// The one-line daily digest of what is overdue — "5 items need you: 2 1:1s,
/// 1 request, 2 updates." — or `None` when nothing is. Never one line per
/// item. Pass the nudges the leader sees (snoozed and dismissed ones out).
pub fn digest(nudges: &[Nudge]) -> Option<String> {
    let overdue: Vec<&Nudge> = nudges.iter().filter(|n| n.is_overdue()).collect();
    if overdue.is_empty() {
        return None;
    }
    let parts: Vec<String> = Rule::ALL
        .iter()
        .filter_map(|&rule| {
            let n = overdue.iter().filter(|x| x.rule == rule).count();
            (n > 0).then(|| rule.count(n))
        })
        .collect();
    let total = overdue.len();
    Some(format!(
        "{total} {} you: {}.",
        if total == 1 {
            "item needs"
        } else {
            "items need"
        },
        parts.join(", ")
    ))
}

/// A monthly release on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Release {
    /// The release version shipping that month (e.g. "19.7"), if the anchor
    /// reaches back that far.
    pub version: Option<String>,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The release day.
    pub date: NaiveDate,
}

/// The most release days [`releases`] gives at once.
pub const RELEASES_MAX: usize = 60;

/// The next `count` release days on or after `from`, by the release day and
/// anchor of the database's settings.
pub fn releases(conn: &Connection, from: NaiveDate, count: usize) -> Result<Vec<Release>> {
    if !(1..=RELEASES_MAX).contains(&count) {
        return Err(crate::Error::invalid(format!(
            "Ask for 1 to {RELEASES_MAX} release days (five years); got {count}."
        )));
    }
    Ok(upcoming_releases(
        &crate::settings::load(conn)?,
        from,
        count,
    ))
}

/// The next `count` release days on or after `from`, by the settings'
/// release day and anchor.
pub fn upcoming_releases(settings: &Settings, from: NaiveDate, count: usize) -> Vec<Release> {
    let mut out = Vec::with_capacity(count);
    let mut m = Month::of(from);
    while out.len() < count {
        let date = calendar::release_day(m, settings.release_day);
        if date >= from {
            out.push(Release {
                version: calendar::month_version(m, settings.release_anchor).map(|v| v.to_string()),
                month: m.to_string(),
                date,
            });
        }
        m = m.next();
    }
    out
}

/// The days until `date` from `today` (negative when past).
pub fn days_until(today: NaiveDate, date: NaiveDate) -> i64 {
    calendar::days_between(today, date)
}

/// The next day at or after `today` on which the daily digest is due, given
/// the day it was last shown (`None`: never). Shown at most once a day.
pub fn next_digest_day(today: NaiveDate, last_shown: Option<NaiveDate>) -> NaiveDate {
    match last_shown {
        Some(d) if d >= today => d + Days::new(1),
        _ => today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nudges::Rule;

    fn nudge(rule: Rule, overdue_days: i64) -> Nudge {
        Nudge {
            key: format!("{}:{overdue_days}", rule.as_str()),
            rule,
            person_id: None,
            person: None,
            owner: None,
            subject: String::new(),
            period: None,
            due: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            overdue_days,
            message: String::new(),
            record_id: None,
        }
    }

    #[test]
    fn the_digest_counts_overdue_items_by_rule_in_catalogue_order() {
        let cases: Vec<(Vec<Nudge>, Option<&str>)> = vec![
            (vec![], None),
            (vec![nudge(Rule::OneOnOne, -2)], None),
            (
                vec![nudge(Rule::Request, 1)],
                Some("1 item needs you: 1 request."),
            ),
            (
                vec![
                    nudge(Rule::Update, 3),
                    nudge(Rule::OneOnOne, 1),
                    nudge(Rule::Request, 4),
                    nudge(Rule::OneOnOne, 9),
                    nudge(Rule::Update, 1),
                    nudge(Rule::WinUnshared, 0),
                ],
                Some("5 items need you: 2 1:1s, 1 request, 2 updates."),
            ),
            (
                vec![nudge(Rule::WinUnshared, 2), nudge(Rule::WinUnshared, 5)],
                Some("2 items need you: 2 wins to share."),
            ),
            (
                vec![
                    nudge(Rule::SkipLevel, 4),
                    nudge(Rule::CdfReview, 1),
                    nudge(Rule::CareerConversation, 9),
                    nudge(Rule::SkipLevel, 2),
                ],
                Some("4 items need you: 1 CDF review, 1 career conversation, 2 skip-levels."),
            ),
        ];
        for (nudges, want) in cases {
            assert_eq!(digest(&nudges).as_deref(), want);
        }
    }

    #[test]
    fn releases_start_on_or_after_the_day() {
        let s = Settings::defaults(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let d = |s: &str| calendar::parse_date(s).unwrap();
        let r = upcoming_releases(&s, d("2026-11-20"), 2);
        // November 2026's third Thursday (the 19th) has passed.
        assert_eq!(
            r.iter()
                .map(|r| (r.version.clone().unwrap(), r.date))
                .collect::<Vec<_>>(),
            vec![
                ("19.7".to_string(), d("2026-12-17")),
                ("19.8".to_string(), d("2027-01-21"))
            ]
        );
        let r = upcoming_releases(&s, d("2026-11-19"), 1);
        assert_eq!(r[0].date, d("2026-11-19"));
    }

    #[test]
    fn the_digest_is_due_once_a_day() {
        let d = |s: &str| calendar::parse_date(s).unwrap();
        assert_eq!(next_digest_day(d("2026-11-27"), None), d("2026-11-27"));
        assert_eq!(
            next_digest_day(d("2026-11-27"), Some(d("2026-11-26"))),
            d("2026-11-27")
        );
        assert_eq!(
            next_digest_day(d("2026-11-27"), Some(d("2026-11-27"))),
            d("2026-11-28")
        );
    }
}
