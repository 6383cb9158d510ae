//! `coachlog demo`: fills an empty database with a realistic demo team, so a
//! new user sees every practice working at once; with bigger options the same
//! generator makes large datasets for benchmarks.
//!
//! **The default team** ([`DemoOptions::default`]: 7 people, 4 months of
//! history): a Director of Product (the leader, who is not one of the people)
//! with PMs across the Plan and Create stages (section Dev) and Verify (section
//! CI) — a Senior PM, a PM, a Principal PM on a 14-day 1:1 cadence, a Group
//! Manager, Product over a collection of Create groups, a PM who joined about a
//! month ago (with the filled requisition that hired her), and a Senior PM who
//! left the team about six weeks ago (archived). An eighth person, asked for
//! with `people: 8`, is an interim dotted-line PM who is not tracked. When
//! the Group Manager is on the team, her two PMs come too, as skip-level
//! reports (`reports_to` her, untracked), after the direct reports: so the
//! default demo has nine people.
//!
//! For each tracked person the history has weekly 1:1s (some skipped or
//! cancelled, more of them around the end-of-year break) with Markdown coaching
//! notes and coaching tags; a living agenda whose items are raised in a 1:1 and
//! closed in a later one (or between 1:1s) with a ready-to-remove tag; monthly
//! next-release and 3-month-vision updates and quarterly OKRs, mostly done with
//! MR links, the OKRs with their objectives and key results (scored once the
//! quarter is over, partly while it runs); one or two internal customers with
//! roughly monthly check-ins; wins, most shared with leadership within a
//! week; a CDF review every two to three months with one to three focus
//! areas (one often carried over), private notes and mostly a link to the
//! review sheet; and a career conversation about twice a year — a held 1:1
//! tagged `career` (everyday growth talk is tagged `growth`). The leader
//! meets each skip-level report every six to ten weeks. The leader has a monthly
//! portfolio direction, monthly walkthroughs that span stages and categories,
//! and one open requisition ("Senior Product Manager, Verify:Pipeline
//! Authoring") whose loop includes a PM who will work with the hire, and a
//! few portfolio milestones around the releases (one last month, one on the
//! release in flight, one a few weeks ahead, one four releases out). A few
//! things are deliberately left for the nudges: an overdue 1:1, an unanswered
//! request for advice, two actions past their timing, a lapsed internal
//! customer, an unshared win, two CDF reviews that slipped past three months
//! and a skip-level not held for over a quarter. One PM has had no career
//! conversation for half a year; that shows only in histories longer than
//! six months, since nothing is owed before `tracking_since`. Templates
//! stay Coachlog's defaults, but for one person's own 1:1 template (the
//! Principal PM's).
//!
//! **Big mode.** People beyond the curated eight are generated from the group
//! catalogue and first/last-name lists (a numeric suffix keeps names unique;
//! they have no skip-level reports);
//! most are on the team from the start, some join during the history (each
//! with a filled requisition) and some leave. Internal-customer links churn
//! every year or two. The work is linear in people × months; the time goes to
//! SQLite (the store's checks and the full-text index), not to generating.
//! Measured on 2 cores: 100 people × 10 years (about 140,000 records) in
//! about 11 s, 1000 people × 20 years (2.8 million records, 1.9 GB) in about
//! 4 minutes.
//!
//! **Invariants.**
//! - [`fill`] only writes into a database with no people and no records, and
//!   writes everything in one [`Db::write`] transaction through the store
//!   functions, so every validation applies and a failure changes nothing.
//!   Last, it sets `tracking_since` to the start of the history.
//! - Deterministic: the same `today`, options and settings give the same
//!   database, id for id (so `coachlog export` is identical). The clock is
//!   never read. Randomness is a SplitMix64 generator with one independent
//!   stream per (kind of record, person), so a change to how one kind is
//!   generated does not reshuffle the others.
//! - Every record is dated on or before `today` and within the active period
//!   of its person and link; only timings (due dates), the periods of
//!   updates not yet done and the leader's milestones may lie ahead.
//!
//! To add a kind of record: a `Stream` for its randomness, and a
//! `*_history` module whose function, called from [`fill`], writes it through
//! its store module and counts it in [`DemoReport::records`].

mod catalogue;
mod cdf_history;
mod customer_history;
mod days;
mod hiring_history;
mod milestone_history;
mod one_on_one_history;
mod rng;
mod skip_level_history;
mod team;
mod text;
mod update_history;
mod walkthrough_history;
mod win_history;
mod world;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::kinds::Counts;
use crate::model::TemplateKind;
use crate::settings;
use crate::store::{self, people, templates};

use hiring_history::hiring_history;
use milestone_history::milestone_history;
use one_on_one_history::person_history;
use skip_level_history::skip_level_history;
use team::plan_team;
use update_history::portfolio_direction;
use walkthrough_history::walkthrough_history;
use world::World;

/// The most people [`fill`] generates.
pub const MAX_PEOPLE: usize = 1000;
/// The longest history [`fill`] generates, in months (20 years).
pub const MAX_MONTHS: u32 = 240;
/// The seed of the default demo.
pub const DEFAULT_SEED: u64 = 2026;

/// What demo to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoOptions {
    /// How many of the leader's direct reports (1 to [`MAX_PEOPLE`]); the
    /// first eight are the curated demo team, the rest are generated. The
    /// curated Group Manager (the fourth) brings her two skip-level reports
    /// on top. Default 7.
    pub people: usize,
    /// How many months of history, ending today (1 to [`MAX_MONTHS`]).
    /// Default 4.
    pub months: u32,
    /// The seed of the pseudo-random choices; the same seed gives the same
    /// database. Default [`DEFAULT_SEED`].
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            people: 7,
            months: 4,
            seed: DEFAULT_SEED,
        }
    }
}

/// How many records of each kind [`fill`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemoReport {
    /// Records of each kind (archived, closed and done ones included).
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub records: Counts,
    /// The first day of the history, now the `tracking_since` setting.
    pub tracking_since: NaiveDate,
}

/// Fills the empty database `db` with a demo team and `options.months` of
/// history ending on `today`, and sets `tracking_since` to the first day of
/// that history.
///
/// # Errors
/// [`Error::Invalid`] for options out of range; [`Error::Conflict`] when the
/// database already has people or records (nothing is written then); any
/// store error, which would be a bug of the generator.
pub fn fill(db: &mut Db, today: NaiveDate, options: &DemoOptions) -> Result<DemoReport> {
    check_options(options)?;
    let start = history_start(today, options.months)?;
    db.write(|tx| {
        require_empty(tx)?;
        let settings = settings::load(tx)?;
        let team = plan_team(today, start, options.seed, options.people);
        let mut report = DemoReport {
            records: Counts::default(),
            tracking_since: start,
        };
        let mut ids = Vec::with_capacity(team.len());
        for p in &team {
            let manager = p.reports_to.map(|m| ids[m]);
            ids.push(people::insert(tx, &p.input(manager))?.id);
            report.records.people += 1;
        }
        let direct = team.iter().take_while(|p| p.reports_to.is_none()).count();
        let w = World {
            tx,
            settings,
            today,
            start,
            seed: options.seed,
            team,
            ids,
            direct,
        };
        for idx in 0..w.team.len() {
            if w.team[idx].reports_to.is_some() {
                skip_level_history(&w, idx, &mut report)?;
            } else {
                person_history(&w, idx, &mut report)?;
            }
        }
        portfolio_direction(&w, &mut report)?;
        walkthrough_history(&w, &mut report)?;
        hiring_history(&w, &mut report)?;
        milestone_history(&w, &mut report)?;
        person_template(&w)?;
        settings::set(tx, "tracking_since", &calendar::format_date(start))?;
        Ok(report)
    })
}

/// The leader keeps Coachlog's default templates, and one of their own for
/// the Principal PM's fortnightly 1:1s, to show a person's template.
fn person_template(w: &World<'_>) -> Result<()> {
    let Some(idx) = w.team.iter().position(|p| p.name == "Priya Raman") else {
        return Ok(());
    };
    let body = format!(
        "## {area}: what changed in two weeks\n- \n\n\
         ## Cross-stage work\n- \n\n\
         ## CDF focus areas: evidence since last time\n- \n\n\
         ## What I can unblock\n- \n",
        area = w.team[idx].area()
    );
    templates::set(w.tx, TemplateKind::OneOnOne, Some(w.ids[idx]), &body)?;
    Ok(())
}

fn check_options(options: &DemoOptions) -> Result<()> {
    if options.people == 0 || options.people > MAX_PEOPLE {
        return Err(Error::invalid(format!(
            "The demo team has 1 to {MAX_PEOPLE} people; got {}.",
            options.people
        )));
    }
    if options.months == 0 || options.months > MAX_MONTHS {
        return Err(Error::invalid(format!(
            "The demo history is 1 to {MAX_MONTHS} months long (20 years); got {}.",
            options.months
        )));
    }
    Ok(())
}

fn history_start(today: NaiveDate, months: u32) -> Result<NaiveDate> {
    today
        .checked_sub_months(Months::new(months))
        .filter(|d| d.year() >= 1000)
        .ok_or_else(|| {
            Error::invalid(format!(
                "A history of {months} months before {today} would start before the year 1000; \
                 choose a later day or a shorter history."
            ))
        })
}

fn require_empty(conn: &Connection) -> Result<()> {
    let mut found: Vec<String> = store::counts(conn)?
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| kind.count(n))
        .collect();
    let trashed: i64 = conn.query_row("SELECT count(*) FROM trash", [], |r| r.get(0))?;
    if trashed > 0 {
        found.push(crate::words::count(
            trashed,
            "entry in the Trash",
            "entries in the Trash",
        ));
    }
    if found.is_empty() {
        return Ok(());
    }
    // With people, they are what the user will recognise; otherwise list all.
    let has_people = found[0].ends_with("people") || found[0].ends_with("person");
    let what = if has_people || found.len() == 1 {
        found[0].clone()
    } else {
        let last = found.pop().unwrap_or_default();
        format!("{} and {last}", found.join(", "))
    };
    Err(Error::conflict(format!(
        "This database already has {what}; the demo team only goes into an empty database. Use \
         --db to choose a new file."
    )))
}
