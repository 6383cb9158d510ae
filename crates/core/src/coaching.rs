//! A person's coaching facts beyond the 1:1 cadence: the agenda balance (who
//! puts the items on the agenda), the CDF review in force with its focus
//! areas, career conversations and, for a manager, their skip-level reports
//! with the last skip-level meeting.
//!
//! These are facts, not nudges — the rules that make some of them overdue
//! live in [`crate::nudges`] — shared by the person page
//! ([`crate::overview::person_page`]), the Team screen
//! ([`team_agenda_balance`]), the brief before a 1:1 ([`crate::brief`]) and
//! the monthly summary, so that each is defined once. Every function takes
//! the day it describes; none reads the clock.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::calendar;
use crate::error::Result;
use crate::model::{AgendaItem, CdfReviewId, Person, PersonId, RaisedBy};
use crate::practice::{base_start, next_due};
use crate::settings::Settings;
use crate::store::{cdf, people};
use crate::validate;

/// The handbook's sentence on agenda balance (GitLab handbook, 1-1s). Every
/// front end shows it, from here, next to a balance where the leader raised
/// more than half of the items ([`AgendaBalance::warning`]).
pub const AGENDA_BALANCE_WARNING: &str = "If the manager puts more than half of the items on \
                                          the agenda this is an indication that something is \
                                          wrong";

/// The days of the agenda balance on the person page and the Team screen:
/// the 90 days ending on the day shown.
pub const BALANCE_DAYS: u32 = 90;

/// Who put the items on a person's agenda: the items opened in a period (any
/// tag, open or closed since), split by who raised them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaBalance {
    /// Items the person raised.
    pub raised_by_person: u32,
    /// Items the leader raised.
    pub raised_by_leader: u32,
    /// [`AGENDA_BALANCE_WARNING`] when the leader raised more than half of
    /// the items; `None` otherwise (and when none was opened).
    pub warning: Option<&'static str>,
}

impl AgendaBalance {
    /// The balance of `person` items raised by the person and `leader` by
    /// the leader.
    pub fn new(person: u32, leader: u32) -> AgendaBalance {
        AgendaBalance {
            raised_by_person: person,
            raised_by_leader: leader,
            warning: (u64::from(leader) * 2 > u64::from(person) + u64::from(leader))
                .then_some(AGENDA_BALANCE_WARNING),
        }
    }

    /// The balance of the `items` opened from `first` to `last` (inclusive);
    /// other items are not counted.
    pub fn of<'a>(
        items: impl IntoIterator<Item = &'a AgendaItem>,
        first: NaiveDate,
        last: NaiveDate,
    ) -> AgendaBalance {
        let (mut person, mut leader) = (0, 0);
        for i in items {
            if first <= i.opened_on && i.opened_on <= last {
                match i.raised_by {
                    RaisedBy::Person => person += 1,
                    RaisedBy::Leader => leader += 1,
                }
            }
        }
        AgendaBalance::new(person, leader)
    }

    /// Items opened in the period.
    pub fn total(&self) -> u32 {
        self.raised_by_person + self.raised_by_leader
    }

    /// Whether the leader raised more than half of the items.
    pub fn leader_more_than_half(&self) -> bool {
        self.warning.is_some()
    }

    /// The leader's share in whole percent (rounded half up), or `None`
    /// when no item was opened.
    pub fn leader_percent(&self) -> Option<u32> {
        let total = u64::from(self.total());
        (total > 0).then(|| ((u64::from(self.raised_by_leader) * 200 + total) / (total * 2)) as u32)
    }
}

/// The first and last days of the [`BALANCE_DAYS`] ending on `day`.
pub fn balance_window(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (day - Days::new(u64::from(BALANCE_DAYS) - 1), day)
}

/// The agenda balance of `person` over `first..=last` (the items of their
/// agenda opened in it, whoever raised them).
pub fn agenda_balance(
    conn: &Connection,
    person: PersonId,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<AgendaBalance> {
    // One range of agenda_item_by_person: the person's items.
    let mut stmt = conn.prepare_cached(
        "SELECT raised_by, count(*) FROM agenda_item
         WHERE person_id = ?1 AND opened_on BETWEEN ?2 AND ?3
         GROUP BY raised_by",
    )?;
    let rows = stmt.query_map(params![person, first, last], |r| {
        Ok((r.get::<_, RaisedBy>(0)?, r.get::<_, u32>(1)?))
    })?;
    let (mut by_person, mut by_leader) = (0, 0);
    for row in rows {
        match row? {
            (RaisedBy::Person, n) => by_person = n,
            (RaisedBy::Leader, n) => by_leader = n,
        }
    }
    Ok(AgendaBalance::new(by_person, by_leader))
}

/// The agenda balance of everyone with an item opened in `first..=last`, in
/// one query bounded by the period (the items still open, and those closed
/// since `first`: an item opened in the period is one of them).
pub fn agenda_balances(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<PersonId, AgendaBalance>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, raised_by, count(*) FROM (
             SELECT person_id, raised_by FROM agenda_item INDEXED BY agenda_item_by_closed
             WHERE closed_on IS NULL AND opened_on BETWEEN ?1 AND ?2
             UNION ALL
             SELECT person_id, raised_by FROM agenda_item INDEXED BY agenda_item_by_closed
             WHERE closed_on >= ?1 AND opened_on BETWEEN ?1 AND ?2)
         GROUP BY person_id, raised_by",
    )?;
    let rows = stmt.query_map(params![first, last], |r| {
        Ok((
            r.get::<_, PersonId>(0)?,
            r.get::<_, RaisedBy>(1)?,
            r.get::<_, u32>(2)?,
        ))
    })?;
    let mut counts: HashMap<PersonId, (u32, u32)> = HashMap::new();
    for row in rows {
        let (p, by, n) = row?;
        let c = counts.entry(p).or_default();
        match by {
            RaisedBy::Person => c.0 = n,
            RaisedBy::Leader => c.1 = n,
        }
    }
    Ok(counts
        .into_iter()
        .map(|(p, (person, leader))| (p, AgendaBalance::new(person, leader)))
        .collect())
}

/// One person's agenda balance on the Team screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonBalance {
    /// The person.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// Whether their practices are followed.
    pub tracked: bool,
    /// Their balance over the period.
    pub balance: AgendaBalance,
}

/// The agenda balance of the whole team over a period (the Team screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamBalance {
    /// The period's first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Everyone active on `to`, by name (case-insensitively), then id; with
    /// no item opened in the period, a balance of zeros.
    pub people: Vec<PersonBalance>,
}

/// The agenda balance of everyone active on `to` over `from..=to`, in one
/// call (the Team screen asks for [`balance_window`] of today).
pub fn team_agenda_balance(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<TeamBalance> {
    if from > to {
        return Err(crate::Error::invalid(format!(
            "The period starts on {from}, after it ends ({to}); give the earlier day first."
        )));
    }
    let balances = agenda_balances(conn, from, to)?;
    let mut people: Vec<PersonBalance> = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )?
    .into_iter()
    .filter(|p| p.is_active_on(to))
    .map(|p| PersonBalance {
        balance: balances.get(&p.id).copied().unwrap_or_default(),
        person_id: p.id,
        name: p.name,
        tracked: p.tracked,
    })
    .collect();
    people.sort_by_cached_key(|p| (validate::key(&p.name), p.person_id));
    Ok(TeamBalance { from, to, people })
}

/// The focus areas of a CDF review, in force until the next review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CdfFocus {
    /// The review.
    pub cdf_review_id: CdfReviewId,
    /// When it was held.
    pub date: NaiveDate,
    /// Its 1 to 3 focus areas.
    pub focus: Vec<String>,
    /// The review document's URL.
    pub link: Option<String>,
}

/// Where a person stands on CDF reviews on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CdfStatus {
    /// Their latest review on or before the day (latest by date, then id),
    /// whose focus areas are in force; `None` before their first.
    pub last: Option<CdfFocus>,
    /// When the next is due: `max(last review, base_start) +
    /// cdf_review_every_days`.
    pub next_due: NaiveDate,
}

/// `person`'s CDF review in force on `day` and when the next is due.
pub fn cdf_status(
    conn: &Connection,
    person: &Person,
    settings: &Settings,
    day: NaiveDate,
) -> Result<CdfStatus> {
    let last = cdf::latest_on(conn, person.id, day)?.map(|r| CdfFocus {
        cdf_review_id: r.id,
        date: r.date,
        focus: r.focus,
        link: r.link,
    });
    Ok(CdfStatus {
        next_due: next_due(
            last.as_ref().map(|l| l.date),
            base_start(person, settings),
            settings.cdf_review_every_days,
        ),
        last,
    })
}

/// Where a person stands on career conversations on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Career {
    /// The coaching tag that marks a held 1:1 as a career conversation (the
    /// `career_tag` setting).
    pub tag: String,
    /// The last held 1:1 on or before the day tagged with it.
    pub last: Option<NaiveDate>,
    /// Days from it to the day.
    pub days_since: Option<i64>,
    /// When the next is due: `max(last, base_start) +
    /// career_conversation_every_days`.
    pub next_due: NaiveDate,
}

/// The day of `person`'s last held 1:1 on or before `day` whose coaching
/// tags include `tag` (compared trimmed and lower-cased).
pub fn last_career_conversation(
    conn: &Connection,
    person: PersonId,
    tag: &str,
    day: NaiveDate,
) -> Result<Option<NaiveDate>> {
    // The person's held 1:1s (one_on_one_held), newest first, each with one
    // primary-key probe of its tags.
    let mut stmt = conn.prepare_cached(
        "SELECT max(o.date) FROM one_on_one o
         JOIN one_on_one_tag t ON t.one_on_one_id = o.id AND t.name_key = ?3
         WHERE o.person_id = ?1 AND o.status = 'held' AND o.date <= ?2",
    )?;
    Ok(stmt.query_row(params![person, day, validate::key(tag)], |r| r.get(0))?)
}

/// `person`'s career conversations as of `day`.
pub fn career(
    conn: &Connection,
    person: &Person,
    settings: &Settings,
    day: NaiveDate,
) -> Result<Career> {
    let last = last_career_conversation(conn, person.id, &settings.career_tag, day)?;
    Ok(Career {
        tag: settings.career_tag.clone(),
        last,
        days_since: last.map(|l| calendar::days_between(l, day)),
        next_due: next_due(
            last,
            base_start(person, settings),
            settings.career_conversation_every_days,
        ),
    })
}

/// The day of `person`'s last held 1:1 on or before `day`.
pub fn last_held(conn: &Connection, person: PersonId, day: NaiveDate) -> Result<Option<NaiveDate>> {
    // One seek of one_on_one_held.
    let mut stmt = conn.prepare_cached(
        "SELECT max(date) FROM one_on_one
         WHERE person_id = ?1 AND status = 'held' AND date <= ?2",
    )?;
    Ok(stmt.query_row(params![person, day], |r| r.get(0))?)
}

/// A skip-level report of a manager, with the last skip-level meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SkipLevelReport {
    /// The report.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// Their job title.
    pub title: String,
    /// The last held 1:1 with them on or before the day: the last
    /// skip-level meeting.
    pub last_meeting: Option<NaiveDate>,
    /// When the next is due: `max(last meeting, base_start) +
    /// skip_level_every_days`.
    pub next_due: NaiveDate,
}

/// The skip-level reports of `manager` active on `day` (those whose
/// `reports_to` is the manager), by name (case-insensitively), then id.
pub fn skip_level_reports(
    conn: &Connection,
    manager: PersonId,
    settings: &Settings,
    day: NaiveDate,
) -> Result<Vec<SkipLevelReport>> {
    // person_by_reports_to: the manager's reports only.
    let ids: Vec<PersonId> = conn
        .prepare_cached("SELECT id FROM person WHERE reports_to = ?1")?
        .query_map([manager], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let p = people::get(conn, id)?;
        if !p.is_active_on(day) {
            continue;
        }
        let last = last_held(conn, p.id, day)?;
        out.push(SkipLevelReport {
            next_due: next_due(
                last,
                base_start(&p, settings),
                settings.skip_level_every_days,
            ),
            person_id: p.id,
            name: p.name,
            title: p.title,
            last_meeting: last,
        });
    }
    out.sort_by_cached_key(|r| (validate::key(&r.name), r.person_id));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_shows_only_when_the_leader_raised_more_than_half() {
        let cases = [
            (0, 0, false, None),
            (1, 1, false, Some(50)),
            (1, 2, true, Some(67)),
            (2, 1, false, Some(33)),
            (0, 3, true, Some(100)),
            (5, 0, false, Some(0)),
            (3, 5, true, Some(63)),
        ];
        for (person, leader, warned, percent) in cases {
            let b = AgendaBalance::new(person, leader);
            assert_eq!(b.leader_more_than_half(), warned, "{person}/{leader}");
            assert_eq!(b.warning.is_some(), warned);
            assert_eq!(b.leader_percent(), percent, "{person}/{leader}");
        }
        assert_eq!(
            AgendaBalance::new(0, 1).warning,
            Some(
                "If the manager puts more than half of the items on the agenda this is an \
                 indication that something is wrong"
            )
        );
    }

    #[test]
    fn the_window_is_ninety_days_ending_on_the_day() {
        let day = calendar::parse_date("2026-11-27").unwrap();
        let (from, to) = balance_window(day);
        assert_eq!(to, day);
        assert_eq!(calendar::days_between(from, to) + 1, 90);
    }
}
