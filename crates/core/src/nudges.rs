//! The overdue review: the eleven nudge rules of the practice catalogue
//! (`PRACTICES.md`, "Nudge rules (exact)") as one pure function of
//! (records, settings, as_of).
//!
//! [`Records::load`] reads what the rules need in a few queries;
//! [`review`] applies the rules, the snapshot reading and the order, and
//! knows nothing of SQL or the clock. Snoozed and dismissed keys are
//! filtered afterwards by [`visible`], so the monthly summary can count them.
//!
//! **Snapshot.** Rules read the records as they stood at the end of `as_of`:
//! anything dated after it does not exist yet, anything closed, done, shared
//! or archived after it is still open. Facts without dates (tracked, loop
//! members, tags, settings) take their current value.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::error::Result;
use crate::model::{
    AgendaItem, CustomerLink, LinkId, OpenTag, Person, PersonId, RaisedBy, Requisition,
    RequisitionId, UpdateKind, Walkthrough, Win,
};
use crate::overview::{base_start, cadence, is_request, timing_date};
use crate::settings::Settings;
use crate::store::nudge_state::{self, KeyState};
use crate::store::{agenda, customers, hiring, people, walkthroughs, wins};
use crate::validate;

/// How many days ahead an item counts as due soon.
pub const DUE_SOON_DAYS: u64 = 3;

/// The eleven rules, numbered as in the catalogue (the number is the order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 1. A 1:1 is due by the person's cadence.
    OneOnOne = 1,
    /// 2. A HELP request raised by the person awaits an answer.
    Request = 2,
    /// 3. A TODO or DOTO with a timing is due.
    Action = 3,
    /// 4. A monthly or quarterly update (or the portfolio direction) is due.
    Update = 4,
    /// 5. An internal customer is due a check-in.
    CustomerCheckIn = 5,
    /// 6. A category epic's internal-customer section is due an update.
    CustomerEpic = 6,
    /// 7. A month has no walkthrough.
    Walkthrough = 7,
    /// 8. A stage on the team is due a walkthrough.
    StageWalkthrough = 8,
    /// 9. An open requisition's loop has nobody who will work with the hire.
    HiringPeer = 9,
    /// 10. An open requisition has had no interview for a while.
    RequisitionStale = 10,
    /// 11. A win has not been shared with senior leadership.
    WinUnshared = 11,
}

impl Rule {
    /// Every rule in catalogue order.
    pub const ALL: [Rule; 11] = [
        Rule::OneOnOne,
        Rule::Request,
        Rule::Action,
        Rule::Update,
        Rule::CustomerCheckIn,
        Rule::CustomerEpic,
        Rule::Walkthrough,
        Rule::StageWalkthrough,
        Rule::HiringPeer,
        Rule::RequisitionStale,
        Rule::WinUnshared,
    ];

    /// The rule id used in keys and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::OneOnOne => "one_on_one",
            Rule::Request => "request",
            Rule::Action => "action",
            Rule::Update => "update",
            Rule::CustomerCheckIn => "customer_check_in",
            Rule::CustomerEpic => "customer_epic",
            Rule::Walkthrough => "walkthrough",
            Rule::StageWalkthrough => "stage_walkthrough",
            Rule::HiringPeer => "hiring_peer",
            Rule::RequisitionStale => "requisition_stale",
            Rule::WinUnshared => "win_unshared",
        }
    }

    /// A short label for grouping on screen ("1:1s", "requests"…).
    pub fn label(self) -> &'static str {
        match self {
            Rule::OneOnOne => "1:1s",
            Rule::Request => "requests",
            Rule::Action => "actions",
            Rule::Update => "updates",
            Rule::CustomerCheckIn => "customer check-ins",
            Rule::CustomerEpic => "category epics",
            Rule::Walkthrough => "walkthroughs",
            Rule::StageWalkthrough => "stage walkthroughs",
            Rule::HiringPeer => "hiring loops",
            Rule::RequisitionStale => "stale requisitions",
            Rule::WinUnshared => "wins to share",
        }
    }
}

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

/// The key of the updates owed: person (`None`: the leader), kind, period.
pub type UpdateKey = (Option<PersonId>, UpdateKind, Period);

/// The records as they stood at the end of one day — exactly what the rules
/// read, and no more: [`Records::load`] lets SQLite do the snapshot reading
/// (dated after the day: not there yet; closed, done or shared after it:
/// still open) and the aggregation (last 1:1, last check-in…), so the review
/// stays fast on years of history.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The day of the snapshot.
    pub as_of: NaiveDate,
    /// Everyone, archived included (the rules pick who is active).
    pub people: Vec<Person>,
    /// The last held 1:1 on or before the day, per person (a one-element list).
    pub held: HashMap<PersonId, Vec<NaiveDate>>,
    /// Agenda items open at the end of the day whose tag a rule reads
    /// (HELP, TODO, DOTO).
    pub items: Vec<AgendaItem>,
    /// The periods with an update done on or before the day, per (person,
    /// kind), sorted: the update rule walks every month of every PM's
    /// history, and a binary search in a short list stays in the cache where
    /// a set of every key (190,000 on 800 PMs × 10 years) does not.
    pub done_updates: HashMap<(Option<PersonId>, UpdateKind), Vec<Period>>,
    /// The keys with updates but none done by the day, with the newest
    /// update's id (the record to act on).
    pub open_updates: HashMap<UpdateKey, i64>,
    /// Every internal-customer link.
    pub links: Vec<CustomerLink>,
    /// Per link: the last check-in and the last one with the epic updated,
    /// on or before the day.
    pub check_ins: HashMap<LinkId, (Option<NaiveDate>, Option<NaiveDate>)>,
    /// Every requisition.
    pub requisitions: Vec<Requisition>,
    /// Requisitions with a loop member who works with the hire.
    pub with_peer: HashSet<RequisitionId>,
    /// Interview dates on or before the day, per requisition.
    pub interviews: HashMap<RequisitionId, Vec<NaiveDate>>,
    /// Walkthroughs dated on or before the day.
    pub walkthroughs: Vec<Walkthrough>,
    /// Wins noted on or before the day and not shared by its end.
    pub wins: Vec<Win>,
}

impl Records {
    /// Reads the records as they stood at the end of `as_of`.
    pub fn load(conn: &Connection, as_of: NaiveDate) -> Result<Records> {
        let mut held: HashMap<PersonId, Vec<NaiveDate>> = HashMap::new();
        // One index seek per person (one_on_one_held).
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, (SELECT max(o.date) FROM one_on_one o
                           WHERE o.person_id = p.id AND o.status = 'held' AND o.date <= ?1)
             FROM person p",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))? {
            if let (p, Some(d)) = row? {
                held.insert(p, vec![d]);
            }
        }

        // Done keys come back as one list of periods per (person, kind), which
        // is far cheaper to read than a row per period on years of history.
        let mut done_updates: HashMap<_, Vec<Period>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, kind, group_concat(period, ' ') FROM accountability_update
             WHERE status = 'done' AND done_on <= ?1 GROUP BY person_id, kind",
        )?;
        let mut rows = stmt.query([as_of])?;
        while let Some(r) = rows.next()? {
            let person: Option<PersonId> = r.get(0)?;
            let kind: UpdateKind = r.get(1)?;
            let periods: String = r.get(2)?;
            let list = done_updates.entry((person, kind)).or_default();
            for period in periods.split(' ') {
                list.push(period.parse()?);
            }
            list.sort_unstable();
            list.dedup();
        }
        let mut open_updates = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, kind, period, max(id) FROM accountability_update
             WHERE NOT (status = 'done' AND done_on <= ?1)
             GROUP BY person_id, kind, period",
        )?;
        let mut rows = stmt.query([as_of])?;
        while let Some(r) = rows.next()? {
            let period: String = r.get(2)?;
            open_updates.insert((r.get(0)?, r.get(1)?, period.parse()?), r.get(3)?);
        }

        // Two index seeks per link (check_in_by_link_date), not a walk
        // through every check-in of the history.
        let mut check_ins = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT l.id,
                    (SELECT max(c.date) FROM check_in c WHERE c.link_id = l.id AND c.date <= ?1),
                    (SELECT max(c.date) FROM check_in c
                     WHERE c.link_id = l.id AND c.date <= ?1 AND c.epic_updated)
             FROM customer_link l",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (link, last, epic): (LinkId, Option<NaiveDate>, Option<NaiveDate>) = row?;
            if let Some(last) = last {
                check_ins.insert(link, (Some(last), epic));
            }
        }

        let mut interviews: HashMap<RequisitionId, Vec<NaiveDate>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT requisition_id, date FROM interview WHERE date <= ?1 ORDER BY date",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (r, d) = row?;
            interviews.entry(r).or_default().push(d);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT DISTINCT requisition_id FROM loop_member WHERE works_with_hire = 1",
        )?;
        let with_peer = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<RequisitionId>>>()?;

        Ok(Records {
            as_of,
            people: people::list(
                conn,
                people::Filter {
                    include_archived: true,
                },
            )?,
            held,
            items: agenda::open_on(conn, as_of, &[OpenTag::Help, OpenTag::Todo, OpenTag::Doto])?,
            done_updates,
            open_updates,
            links: customers::list_links(
                conn,
                customers::LinkFilter {
                    person: None,
                    include_archived: true,
                },
            )?,
            check_ins,
            requisitions: hiring::list_requisitions(conn, true)?,
            with_peer,
            interviews,
            walkthroughs: walkthroughs::list(conn, None, Some(as_of))?,
            wins: wins::unshared_on(conn, as_of)?,
        })
    }
}

fn open_on(opened: NaiveDate, closed: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    opened <= as_of && closed.is_none_or(|c| c > as_of)
}

fn plus(d: NaiveDate, days: u32) -> NaiveDate {
    d + Days::new(u64::from(days))
}

struct Ctx<'a> {
    settings: &'a Settings,
    as_of: NaiveDate,
    horizon: NaiveDate,
    out: Vec<Nudge>,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rule: Rule,
        key: String,
        person: Option<&Person>,
        owner: Option<RaisedBy>,
        subject: String,
        period: Option<String>,
        due: NaiveDate,
        record_id: Option<i64>,
        message: impl FnOnce(NaiveDate, i64) -> String,
    ) {
        let due = due.max(self.settings.tracking_since);
        if due > self.horizon {
            return;
        }
        let overdue_days = calendar::days_between(due, self.as_of);
        self.out.push(Nudge {
            key,
            rule,
            person_id: person.map(|p| p.id),
            person: person.map(|p| p.name.clone()),
            owner,
            subject,
            period,
            due,
            overdue_days,
            message: message(due, overdue_days),
            record_id,
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

/// Applies the eleven rules to `records` as they stood at the end of
/// `as_of`, and returns every item that is overdue or due within
/// [`DUE_SOON_DAYS`], in the catalogue's order. Snoozes and dismissals are not
/// applied here (see [`visible`]).
pub fn review(records: &Records, settings: &Settings, as_of: NaiveDate) -> Vec<Nudge> {
    assert_eq!(
        records.as_of, as_of,
        "the records must be loaded as of the day reviewed"
    );
    let mut ctx = Ctx {
        settings,
        as_of,
        horizon: as_of + Days::new(DUE_SOON_DAYS),
        out: Vec::new(),
    };
    let followed: Vec<&Person> = records
        .people
        .iter()
        .filter(|p| p.tracked && p.is_active_on(as_of))
        .collect();
    let by_id: HashMap<PersonId, &Person> = followed.iter().map(|p| (p.id, *p)).collect();

    // 1. one_on_one
    for p in &followed {
        let last = records
            .held
            .get(&p.id)
            .and_then(|dates| dates.iter().rev().find(|d| **d <= as_of))
            .copied();
        let start = base_start(p, settings);
        let every = cadence(p, settings);
        let due = plus(last.map_or(start, |l| l.max(start)), every);
        let key_due = due.max(settings.tracking_since);
        ctx.push(
            Rule::OneOnOne,
            format!("one_on_one:{}:{key_due}", p.id),
            Some(p),
            None,
            format!("1:1 with {}", p.name),
            None,
            due,
            None,
            |due, days| match last {
                Some(l) => format!(
                    "1:1 with {} is {} (last held {l}, every {every} days; due {due}).",
                    p.name,
                    when(days)
                ),
                None => format!(
                    "1:1 with {} is {} (none held yet; due {due}).",
                    p.name,
                    when(days)
                ),
            },
        );
    }

    // 2. request and 3. action
    for item in &records.items {
        let Some(p) = by_id.get(&item.person_id) else {
            continue;
        };
        if !open_on(item.opened_on, item.closed_on, as_of) {
            continue;
        }
        if is_request(item) {
            let due = match item.timing {
                Some(t) => timing_date(t, settings),
                None => calendar::add_business_days(
                    item.opened_on,
                    settings.request_reply_business_days,
                ),
            };
            ctx.push(
                Rule::Request,
                format!("request:{}", item.id),
                Some(p),
                Some(RaisedBy::Leader),
                item.text.clone(),
                None,
                due,
                Some(item.id.0),
                |due, days| {
                    format!(
                        "{}'s request is {} (opened {}; due {due}).",
                        p.name,
                        when(days),
                        item.opened_on
                    )
                },
            );
        } else if matches!(item.open_tag, OpenTag::Todo | OpenTag::Doto) {
            let Some(timing) = item.timing else { continue };
            let due = timing_date(timing, settings);
            let owner = if item.open_tag == OpenTag::Todo {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            ctx.push(
                Rule::Action,
                format!("action:{}", item.id),
                Some(p),
                Some(owner),
                item.text.clone(),
                None,
                due,
                Some(item.id.0),
                |due, days| {
                    let whose = match owner {
                        RaisedBy::Person => format!("{}'s TODO", p.name),
                        RaisedBy::Leader => format!("Your DOTO for {}", p.name),
                    };
                    format!("{whose} is {} (timing {timing}; due {due}).", when(days))
                },
            );
        }
    }

    // 4. update
    // Each (person, kind)'s done periods are looked up once, then each
    // owed period is a binary search in them; the open record only when
    // not done.
    let none: Vec<Period> = Vec::new();
    let done_of = |person: Option<PersonId>, kind: UpdateKind| {
        records
            .done_updates
            .get(&(person, kind))
            .unwrap_or(&none)
            .as_slice()
    };
    let state = |done: &[Period], person: Option<PersonId>, kind: UpdateKind, period: Period| {
        if done.binary_search(&period).is_ok() {
            (true, None)
        } else {
            (
                false,
                records.open_updates.get(&(person, kind, period)).copied(),
            )
        }
    };
    let horizon = ctx.horizon;
    let months_between = |from: NaiveDate| {
        let mut m = Month::of(from);
        let last = Month::of(horizon);
        let mut out = Vec::new();
        while m <= last {
            out.push(m);
            m = m.next();
        }
        out
    };
    let fy = settings.fiscal_year_start_month;
    for p in &followed {
        let start = base_start(p, settings);
        let monthly = [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision]
            .map(|kind| (kind, done_of(Some(p.id), kind)));
        let done_okrs = done_of(Some(p.id), UpdateKind::Okrs);
        for m in months_between(start) {
            let due = calendar::release_day(m, settings.release_day);
            if due < start {
                continue;
            }
            for (kind, done) in monthly {
                update_item(
                    &mut ctx,
                    state(done, Some(p.id), kind, Period::Month(m)),
                    Some(p),
                    kind,
                    Period::Month(m),
                    due,
                );
            }
        }
        let mut q = FiscalQuarter::containing(Month::of(start), fy);
        loop {
            let due = calendar::release_day(q.first_month(fy), settings.release_day);
            if due > ctx.horizon {
                break;
            }
            if due >= start {
                update_item(
                    &mut ctx,
                    state(done_okrs, Some(p.id), UpdateKind::Okrs, Period::Quarter(q)),
                    Some(p),
                    UpdateKind::Okrs,
                    Period::Quarter(q),
                    due,
                );
            }
            q = q.next();
        }
    }
    let done_direction = done_of(None, UpdateKind::PortfolioDirection);
    for m in months_between(settings.tracking_since) {
        let due = calendar::release_day(m, settings.release_day);
        if due < settings.tracking_since {
            continue;
        }
        let kind = UpdateKind::PortfolioDirection;
        update_item(
            &mut ctx,
            state(done_direction, None, kind, Period::Month(m)),
            None,
            kind,
            Period::Month(m),
            due,
        );
    }

    // 5. customer_check_in and 6. customer_epic
    for link in &records.links {
        let Some(p) = by_id.get(&link.person_id) else {
            continue;
        };
        if !(link.since <= as_of && link.archived_on.is_none_or(|a| a > as_of)) {
            continue;
        }
        let start = link.since.max(p.since).max(settings.tracking_since);
        let every = settings.internal_customer_every_days;
        let (last, last_epic) = records.check_ins.get(&link.id).copied().unwrap_or_default();
        let subject = format!("{} ({})", link.team, link.category);
        for (rule, last) in [
            (Rule::CustomerCheckIn, last),
            (Rule::CustomerEpic, last_epic),
        ] {
            let due = plus(last.map_or(start, |l| l.max(start)), every);
            let key_due = due.max(settings.tracking_since);
            ctx.push(
                rule,
                format!("{}:{}:{key_due}", rule.as_str(), link.id),
                Some(p),
                None,
                subject.clone(),
                None,
                due,
                Some(link.id.0),
                |due, days| {
                    let what = if rule == Rule::CustomerCheckIn {
                        format!("{}'s check-in with {}", p.name, link.team)
                    } else {
                        format!(
                            "The internal-customer section of {}'s {} epic",
                            p.name, link.category
                        )
                    };
                    let since = match last {
                        Some(l) => format!("last {l}"),
                        None => "none yet".into(),
                    };
                    format!("{what} is {} ({since}; due {due}).", when(days))
                },
            );
        }
    }

    // 7. walkthrough
    let dated: Vec<&Walkthrough> = records
        .walkthroughs
        .iter()
        .filter(|w| w.date <= as_of)
        .collect();
    let mut m = Month::of(settings.tracking_since);
    if m.first_day() < settings.tracking_since {
        m = m.next();
    }
    let last_month = Month::of(ctx.horizon);
    while m <= last_month {
        if !dated.iter().any(|w| m.contains(w.date)) {
            let month = m;
            ctx.push(
                Rule::Walkthrough,
                format!("walkthrough:{month}"),
                None,
                None,
                format!("Product walkthrough for {month}"),
                Some(month.to_string()),
                month.last_day(),
                None,
                |due, days| {
                    format!(
                        "No product walkthrough in {month} yet; {} (due {due}).",
                        when(days)
                    )
                },
            );
        }
        m = m.next();
    }

    // 8. stage_walkthrough
    let mut stages: BTreeMap<String, (String, NaiveDate)> = BTreeMap::new();
    for p in &followed {
        for stage in &p.scope.stages {
            let key = validate::key(stage);
            let start = base_start(p, settings);
            stages
                .entry(key)
                .and_modify(|e| e.1 = e.1.min(start))
                .or_insert((stage.trim().to_string(), start));
        }
    }
    for (key, (name, start)) in &stages {
        let last = dated
            .iter()
            .filter(|w| w.stages.iter().any(|s| validate::key(s) == *key))
            .map(|w| w.date)
            .max();
        let due = plus(
            last.map_or(*start, |l| l.max(*start)),
            settings.stage_walkthrough_every_days,
        );
        let key_due = due.max(settings.tracking_since);
        ctx.push(
            Rule::StageWalkthrough,
            format!("stage_walkthrough:{key}:{key_due}"),
            None,
            None,
            name.clone(),
            None,
            due,
            None,
            |due, days| {
                let since = match last {
                    Some(l) => format!("last {l}"),
                    None => "none yet".into(),
                };
                format!(
                    "A walkthrough of the {name} stage is {} ({since}; due {due}).",
                    when(days)
                )
            },
        );
    }

    // 9. hiring_peer and 10. requisition_stale
    for r in &records.requisitions {
        if !open_on(r.opened_on, r.closed_on, as_of) {
            continue;
        }
        if !records.with_peer.contains(&r.id) {
            ctx.push(
                Rule::HiringPeer,
                format!("hiring_peer:{}", r.id),
                None,
                None,
                r.title.clone(),
                None,
                plus(r.opened_on, settings.hiring_peer_grace_days),
                Some(r.id.0),
                |due, days| {
                    format!(
                        "The loop for \"{}\" has nobody who will work with the new hire; {} (due {due}).",
                        r.title,
                        when(days)
                    )
                },
            );
        }
        let last = records
            .interviews
            .get(&r.id)
            .and_then(|d| d.iter().rev().find(|d| **d <= as_of))
            .copied();
        let due = plus(
            last.map_or(r.opened_on, |l| l.max(r.opened_on)),
            settings.requisition_stale_days,
        );
        let key_due = due.max(settings.tracking_since);
        ctx.push(
            Rule::RequisitionStale,
            format!("requisition_stale:{}:{key_due}", r.id),
            None,
            None,
            r.title.clone(),
            None,
            due,
            Some(r.id.0),
            |due, days| {
                let since = match last {
                    Some(l) => format!("last interview {l}"),
                    None => "no interview yet".into(),
                };
                format!(
                    "\"{}\" needs interviews: {} ({since}; due {due}).",
                    r.title,
                    when(days)
                )
            },
        );
    }

    // 11. win_unshared
    for w in &records.wins {
        let Some(p) = by_id.get(&w.person_id) else {
            continue;
        };
        if !open_on(w.noted_on, w.shared_on, as_of) {
            continue;
        }
        ctx.push(
            Rule::WinUnshared,
            format!("win_unshared:{}", w.id),
            Some(p),
            None,
            w.text.clone(),
            None,
            plus(w.noted_on, settings.win_share_days),
            Some(w.id.0),
            |due, days| {
                format!(
                    "{}'s win (noted {}) is not shared with leadership; {} (due {due}).",
                    p.name,
                    w.noted_on,
                    when(days)
                )
            },
        );
    }

    let mut out = ctx.out;
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

fn update_item(
    ctx: &mut Ctx<'_>,
    (done, record): (bool, Option<i64>),
    person: Option<&Person>,
    kind: UpdateKind,
    period: Period,
    due: NaiveDate,
) {
    if done {
        return;
    }
    let who = person.map_or("leader".to_string(), |p| p.id.to_string());
    ctx.push(
        Rule::Update,
        format!("update:{who}:{}:{period}", kind.as_str()),
        person,
        None,
        kind.label().to_string(),
        Some(period.to_string()),
        due,
        record,
        |due, days| match person {
            Some(p) => format!(
                "{}'s {} update for {period} is {} (due {due}).",
                p.name,
                match kind {
                    UpdateKind::NextRelease => "next-release",
                    UpdateKind::ThreeMonthVision => "3-month vision",
                    UpdateKind::Okrs => "OKR",
                    UpdateKind::PortfolioDirection => "portfolio direction",
                },
                when(days)
            ),
            None => format!(
                "Your portfolio direction for {period} is {} (due {due}).",
                when(days)
            ),
        },
    );
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
