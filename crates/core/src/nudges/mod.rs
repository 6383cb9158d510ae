//! The overdue review: the nudge rules of the practice catalogue
//! (`docs/practices.md`) as one pure function of (records, settings, as_of).
//!
//! - [`Records::load`] (`records.rs`) reads what the rules need in a few
//!   queries.
//! - [`RULES`] (`table.rs`) is the rule table: each rule's id, label,
//!   wording, practice and the function that applies it.
//! - One module per practice holds its rules' functions: `people` (1:1s),
//!   `agenda` (requests and actions), `updates`, `customers`,
//!   `walkthroughs`, `hiring`, `wins` and `coaching` (CDF reviews, career
//!   conversations, skip-levels). Each reads a [`Review`] and adds
//!   [`Raised`] items to [`Items`].
//! - [`review`] runs every row of the table, then applies the floor, the
//!   horizon and the order; it knows nothing of SQL or the clock.
//! - Snoozed and dismissed keys are filtered afterwards by [`visible`], so
//!   the monthly summary can count them.
//!
//! **Snapshot.** Rules read the records as they stood at the end of `as_of`:
//! anything dated after it does not exist yet, anything closed, done, shared
//! or archived after it is still open. Facts without dates (tracked,
//! reports_to, loop members, tags, settings) take their current value.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar;
use crate::error::Result;
use crate::model::{Person, PersonId, RaisedBy};
use crate::settings::Settings;
use crate::store::nudge_state::{self, KeyState};

mod agenda;
mod coaching;
mod customers;
mod hiring;
mod people;
mod records;
mod table;
mod updates;
mod walkthroughs;
mod wins;

pub use crate::rule::Rule;
pub use records::{Records, UpdateKey};
pub use table::{catalogue, Catalogue, Practice, PracticeInfo, RuleInfo, Whose, PRACTICES, RULES};

/// How many days ahead an item counts as due soon.
pub const DUE_SOON_DAYS: u64 = 3;

/// One thing that needs the leader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Nudge {
    /// Stable key for snooze, dismiss and scripts (see the catalogue's "Keys").
    pub key: String,
    /// Which rule raised it.
    pub rule: Rule,
    /// The person it concerns, if any.
    pub person_id: Option<PersonId>,
    /// That person's name.
    pub person: Option<String>,
    /// For actions: who owes it (TODO the person, DOTO the leader).
    pub owner: Option<RaisedBy>,
    /// What it is about (an item's text, a kind of update, a team, a stage…).
    pub subject: String,
    /// The period, for updates and walkthroughs.
    pub period: Option<String>,
    /// When it was (or is) due.
    pub due: NaiveDate,
    /// `as_of − due` in days: positive when overdue, 0 to −3 when due soon.
    pub overdue_days: i64,
    /// One sentence for the leader.
    pub message: String,
    /// The record to act on: the agenda item, update, link, requisition or win id.
    pub record_id: Option<i64>,
}

impl Nudge {
    /// Whether it is overdue (`due < as_of`).
    pub fn is_overdue(&self) -> bool {
        self.overdue_days > 0
    }
}

/// What every rule reads: the records of the day, the settings, the day,
/// and the people whose practices are followed on it.
pub struct Review<'a> {
    /// The records as they stood at the end of `as_of`.
    pub records: &'a Records,
    /// The settings in force.
    pub settings: &'a Settings,
    /// The day reviewed.
    pub as_of: NaiveDate,
    /// People active on `as_of` and tracked: whose practices rules 1–6 and
    /// 11–13 follow. (Rule 14 follows skip-level reports, who are never
    /// tracked.)
    pub followed: Vec<&'a Person>,
    by_id: HashMap<PersonId, &'a Person>,
    horizon: NaiveDate,
}

impl<'a> Review<'a> {
    fn new(
        records: &'a Records,
        settings: &'a Settings,
        as_of: NaiveDate,
        horizon: NaiveDate,
    ) -> Review<'a> {
        let followed: Vec<&Person> = records
            .people
            .iter()
            .filter(|p| p.tracked && p.is_active_on(as_of))
            .collect();
        let by_id = followed.iter().map(|p| (p.id, *p)).collect();
        Review {
            records,
            settings,
            as_of,
            followed,
            by_id,
            horizon,
        }
    }

    /// The followed person with this id, if they are followed on `as_of`.
    pub fn followed(&self, id: PersonId) -> Option<&'a Person> {
        self.by_id.get(&id).copied()
    }

    /// The last day a due date may fall on and still be listed: due soon
    /// ([`DUE_SOON_DAYS`] ahead) for [`review`], further for
    /// [`review_until`].
    pub fn horizon(&self) -> NaiveDate {
        self.horizon
    }

    /// A due date with the floor applied: never before `tracking_since`.
    /// Keys that carry a due date carry this one.
    pub fn floor(&self, due: NaiveDate) -> NaiveDate {
        due.max(self.settings.tracking_since)
    }
}

/// One item a rule raises, before the floor and the horizon are applied.
pub struct Raised<'a> {
    /// The rule.
    pub rule: Rule,
    /// Its key (see the catalogue's "Keys").
    pub key: String,
    /// The person it concerns, if any.
    pub person: Option<&'a Person>,
    /// For actions and requests: who owes it.
    pub owner: Option<RaisedBy>,
    /// What it is about.
    pub subject: String,
    /// The period, for updates and walkthroughs.
    pub period: Option<String>,
    /// The computed due date.
    pub due: NaiveDate,
    /// The record to act on.
    pub record_id: Option<i64>,
}

/// The items raised so far.
pub struct Items {
    as_of: NaiveDate,
    horizon: NaiveDate,
    tracking_since: NaiveDate,
    out: Vec<Nudge>,
}

impl Items {
    /// Adds `item` with the floor applied, unless it falls due after the
    /// horizon. `message` words it, given the floored due date and the days
    /// overdue.
    pub fn push(&mut self, item: Raised<'_>, message: impl FnOnce(NaiveDate, i64) -> String) {
        let due = item.due.max(self.tracking_since);
        if due > self.horizon {
            return;
        }
        let overdue_days = calendar::days_between(due, self.as_of);
        self.out.push(Nudge {
            key: item.key,
            rule: item.rule,
            person_id: item.person.map(|p| p.id),
            person: item.person.map(|p| p.name.clone()),
            owner: item.owner,
            subject: item.subject,
            period: item.period,
            due,
            overdue_days,
            message: message(due, overdue_days),
            record_id: item.record_id,
        });
    }
}

/// When: "3 days overdue", "due today", "due in 2 days".
pub fn when(overdue_days: i64) -> String {
    match overdue_days {
        1 => "1 day overdue".into(),
        n if n > 1 => format!("{n} days overdue"),
        0 => "due today".into(),
        -1 => "due tomorrow".into(),
        n => format!("due in {} days", -n),
    }
}

/// "last 2026-04-02", or "none yet".
fn last_or_none(last: Option<NaiveDate>) -> String {
    match last {
        Some(l) => format!("last {l}"),
        None => "none yet".into(),
    }
}

/// Applies every rule of [`RULES`] to `records` as they stood at the end of
/// `as_of`, and returns every item that is overdue or due within
/// [`DUE_SOON_DAYS`], in the catalogue's order. Snoozes and dismissals are not
/// applied here (see [`visible`]).
pub fn review(records: &Records, settings: &Settings, as_of: NaiveDate) -> Vec<Nudge> {
    review_until(records, settings, as_of, as_of + Days::new(DUE_SOON_DAYS))
}

/// [`review`] with every item due up to `horizon` (inclusive) rather than
/// within [`DUE_SOON_DAYS`]: what the rules will owe by then if nothing is
/// done meanwhile (the calendar feed's due dates, `crate::ics`).
pub fn review_until(
    records: &Records,
    settings: &Settings,
    as_of: NaiveDate,
    horizon: NaiveDate,
) -> Vec<Nudge> {
    assert_eq!(
        records.as_of, as_of,
        "the records must be loaded as of the day reviewed"
    );
    assert_eq!(
        records.career_tag,
        crate::validate::key(&settings.career_tag),
        "the records must be loaded under the career tag reviewed"
    );
    let ctx = Review::new(records, settings, as_of, horizon.max(as_of));
    let mut items = Items {
        as_of,
        horizon: ctx.horizon(),
        tracking_since: settings.tracking_since,
        out: Vec::new(),
    };
    for row in &RULES {
        (row.apply)(&ctx, &mut items);
    }
    let mut out = items.out;
    // The order of [`order`], with each name lower-cased once rather than in
    // every comparison.
    out.sort_by_cached_key(|n| {
        (
            std::cmp::Reverse(n.overdue_days),
            n.rule,
            n.person.as_ref().map(|s| s.to_lowercase()),
            n.key.clone(),
        )
    });
    out
}

/// The catalogue's order: overdue days descending, then rule, then person
/// name (none first, case-insensitively), then key as text.
pub fn order(a: &Nudge, b: &Nudge) -> Ordering {
    b.overdue_days
        .cmp(&a.overdue_days)
        .then(a.rule.cmp(&b.rule))
        .then_with(|| {
            let name = |n: &Nudge| n.person.as_ref().map(|s| s.to_lowercase());
            name(a).cmp(&name(b))
        })
        .then_with(|| a.key.cmp(&b.key))
}

/// Whether a key is hidden on `as_of`: dismissed, or snoozed until a day on
/// or after `as_of`.
pub fn is_hidden(state: Option<&KeyState>, as_of: NaiveDate) -> bool {
    match state {
        Some(s) => s.dismissed || s.snoozed_until.is_some_and(|until| as_of <= until),
        None => false,
    }
}

/// The nudges the leader sees on `as_of`: those neither dismissed nor snoozed.
pub fn visible(
    nudges: Vec<Nudge>,
    states: &HashMap<String, KeyState>,
    as_of: NaiveDate,
) -> Vec<Nudge> {
    nudges
        .into_iter()
        .filter(|n| !is_hidden(states.get(&n.key), as_of))
        .collect()
}

/// The items of `person` in [`overdue`] — the same items, in the same
/// order — from a snapshot of that person's records only
/// ([`Records::load_for`]), so it does not cost a review of the whole team
/// (the brief before a 1:1 asks for it).
pub fn overdue_of(
    conn: &Connection,
    as_of: NaiveDate,
    person: PersonId,
    due_soon: bool,
) -> Result<Vec<Nudge>> {
    let records = Records::load_for(conn, as_of, person)?;
    let settings = crate::settings::load(conn)?;
    let states = nudge_state::all(conn)?;
    let all = review(&records, &settings, as_of);
    Ok(visible(all, &states, as_of)
        .into_iter()
        .filter(|n| n.person_id == Some(person) && (due_soon || n.is_overdue()))
        .collect())
}

/// Loads records, settings and snoozes and returns what the leader sees on
/// `as_of` — overdue items, plus due-soon ones when `due_soon`.
pub fn overdue(conn: &Connection, as_of: NaiveDate, due_soon: bool) -> Result<Vec<Nudge>> {
    let records = Records::load(conn, as_of)?;
    let settings = crate::settings::load(conn)?;
    let states = nudge_state::all(conn)?;
    let all = review(&records, &settings, as_of);
    Ok(visible(all, &states, as_of)
        .into_iter()
        .filter(|n| due_soon || n.is_overdue())
        .collect())
}
