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
//! with `people: 8`, is an interim dotted-line PM who is not tracked.
//!
//! For each tracked person the history has weekly 1:1s (some skipped or
//! cancelled, more of them around the end-of-year break) with Markdown coaching
//! notes and coaching tags; a living agenda whose items are raised in a 1:1 and
//! closed in a later one (or between 1:1s) with a ready-to-remove tag; monthly
//! next-release and 3-month-vision updates and quarterly OKRs, mostly done with
//! MR links; one or two internal customers with roughly monthly check-ins; and
//! wins, most shared with leadership within a week. The leader has a monthly
//! portfolio direction, monthly walkthroughs that span stages and categories,
//! and one open requisition ("Senior Product Manager, Verify:Pipeline
//! Authoring") whose loop includes a PM who will work with the hire. A few
//! things are deliberately left for the nudges: an overdue 1:1, an unanswered
//! request for advice, two actions past their timing, a lapsed internal
//! customer and an unshared win.
//!
//! **Big mode.** People beyond the curated eight are generated from the group
//! catalogue and first/last-name lists (a numeric suffix keeps names unique);
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
//!   of its person and link; only timings (due dates) and the periods of
//!   updates not yet done may lie ahead.
//!
//! To add a kind of record: add a count to [`DemoReport`], a `Stream` for
//! its randomness, and a function called from [`fill`] that writes it through
//! its store module.

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::model::{
    AgendaItemId, AgendaItemInput, CheckInInput, CloseTag, CustomerLinkInput, InterviewInput,
    JobFamily, Level, LoopMemberInput, OneOnOneInput, OneOnOneStatus, OpenTag, Participant,
    PersonId, PersonInput, RaisedBy, RequisitionInput, RequisitionStatus, Scope, ScopeKind, Timing,
    UpdateInput, UpdateKind, UpdateStatus, WalkthroughInput, WinInput,
};
use crate::settings::{self, Settings};
use crate::store::{agenda, customers, hiring, one_on_ones, people, updates, walkthroughs, wins};

/// The most people [`fill`] generates.
pub const MAX_PEOPLE: usize = 1000;
/// The longest history [`fill`] generates, in months (20 years).
pub const MAX_MONTHS: u32 = 240;
/// The seed of the default demo.
pub const DEFAULT_SEED: u64 = 2026;

/// What demo to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoOptions {
    /// How many people (1 to [`MAX_PEOPLE`]); the first eight are the curated
    /// demo team, the rest are generated. Default 7.
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
    /// People (archived ones included).
    pub people: usize,
    /// 1:1s, whatever their status.
    pub one_on_ones: usize,
    /// Agenda items, open or closed.
    pub agenda_items: usize,
    /// Accountability updates, the leader's portfolio direction included.
    pub updates: usize,
    /// Internal-customer links, archived ones included.
    pub customer_links: usize,
    /// Check-ins with internal customers.
    pub check_ins: usize,
    /// Requisitions, open or closed.
    pub requisitions: usize,
    /// Interviews.
    pub interviews: usize,
    /// Walkthroughs.
    pub walkthroughs: usize,
    /// Wins.
    pub wins: usize,
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
            people: 0,
            one_on_ones: 0,
            agenda_items: 0,
            updates: 0,
            customer_links: 0,
            check_ins: 0,
            requisitions: 0,
            interviews: 0,
            walkthroughs: 0,
            wins: 0,
            tracking_since: start,
        };
        let mut ids = Vec::with_capacity(team.len());
        for p in &team {
            ids.push(people::insert(tx, &p.input())?.id);
            report.people += 1;
        }
        let w = World {
            conn: tx,
            settings,
            today,
            start,
            seed: options.seed,
            team,
            ids,
        };
        for idx in 0..w.team.len() {
            person_history(&w, idx, &mut report)?;
        }
        portfolio_direction(&w, &mut report)?;
        walkthrough_history(&w, &mut report)?;
        hiring_history(&w, &mut report)?;
        settings::set(tx, "tracking_since", &calendar::format_date(start))?;
        Ok(report)
    })
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

/// The tables whose rows make a database non-empty: table, one, many.
const RECORD_TABLES: &[(&str, &str, &str)] = &[
    ("person", "person", "people"),
    ("one_on_one", "1:1", "1:1s"),
    ("agenda_item", "agenda item", "agenda items"),
    ("accountability_update", "update", "updates"),
    (
        "customer_link",
        "internal-customer link",
        "internal-customer links",
    ),
    ("check_in", "check-in", "check-ins"),
    ("requisition", "requisition", "requisitions"),
    ("loop_member", "loop member", "loop members"),
    ("interview", "interview", "interviews"),
    ("walkthrough", "walkthrough", "walkthroughs"),
    ("win", "win", "wins"),
];

fn require_empty(conn: &Connection) -> Result<()> {
    let mut found = Vec::new();
    for (table, one, many) in RECORD_TABLES {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if n > 0 {
            found.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
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

// ---------------------------------------------------------------------------
// Randomness

/// The independent random streams, one per kind of record.
#[derive(Debug, Clone, Copy)]
enum Stream {
    Team = 1,
    OneOnOnes,
    Updates,
    Customers,
    Wins,
    Portfolio,
    Walkthroughs,
    Hiring,
}

/// SplitMix64 (Steele, Lea & Flood): tiny, fast, and good enough for
/// plausible data. Not for anything secret.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: Stream, index: usize) -> Rng {
        let mut r = Rng(seed);
        let a = r.next_u64();
        r.0 = a ^ (stream as u64).wrapping_mul(0xD1B5_4A32_D192_ED03);
        let b = r.next_u64();
        r.0 = b ^ (index as u64).wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`; `lo` when `hi < lo`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True `p` times in a hundred.
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `lines`.
    fn line(&mut self, lines: &[&'static str]) -> &'static str {
        lines[self.below(lines.len())]
    }

    /// One of `items`, chosen in proportion to its weight.
    fn weighted<T: Copy>(&mut self, items: &[(T, usize)]) -> T {
        let total: usize = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[items.len() - 1].0
    }
}

// ---------------------------------------------------------------------------
// Dates

fn plus(d: NaiveDate, days: i64) -> NaiveDate {
    d + TimeDelta::days(days)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    calendar::days_between(from, to)
}

/// The first day on or after `d` that is weekday `wd` (0 = Monday).
fn on_or_after_weekday(d: NaiveDate, wd: u32) -> NaiveDate {
    let now = d.weekday().num_days_from_monday();
    plus(d, i64::from((wd + 7 - now) % 7))
}

/// `d`, or the Monday after it when it falls on a weekend.
fn business_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => plus(d, 2),
        Weekday::Sun => plus(d, 1),
        _ => d,
    }
}

/// `d`, or the Monday after it when it falls on Friday or a weekend (people
/// start on Monday to Thursday so that their 1:1 weekday stays in the week).
fn early_week_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Fri => plus(d, 3),
        Weekday::Sat => plus(d, 2),
        Weekday::Sun => plus(d, 1),
        _ => d,
    }
}

// ---------------------------------------------------------------------------
// The team

/// One group of the product hierarchy, with its categories.
struct GroupInfo {
    section: &'static str,
    stage: &'static str,
    group: &'static str,
    categories: &'static [&'static str],
}

const fn g(
    section: &'static str,
    stage: &'static str,
    group: &'static str,
    categories: &'static [&'static str],
) -> GroupInfo {
    GroupInfo {
        section,
        stage,
        group,
        categories,
    }
}

/// A GitLab-like product hierarchy; groups of one stage are adjacent.
const GROUPS: &[GroupInfo] = &[
    g(
        "Dev",
        "Plan",
        "Project Management",
        &["Team Planning", "Issue Tracking", "Time Tracking"],
    ),
    g(
        "Dev",
        "Plan",
        "Product Planning",
        &["Portfolio Management", "Requirements Management"],
    ),
    g(
        "Dev",
        "Plan",
        "Knowledge",
        &["Wiki", "Markdown", "Text Editors"],
    ),
    g(
        "Dev",
        "Plan",
        "Optimize",
        &["Value Stream Management", "DORA Metrics"],
    ),
    g(
        "Dev",
        "Create",
        "Source Code",
        &["Source Code Management", "Repository Management"],
    ),
    g(
        "Dev",
        "Create",
        "Code Review",
        &["Code Review Workflow", "Merge Request Approvals"],
    ),
    g(
        "Dev",
        "Create",
        "Editor Extensions",
        &["Editor Extensions", "Web IDE"],
    ),
    g(
        "Dev",
        "Create",
        "Remote Development",
        &["Remote Development", "Workspaces"],
    ),
    g(
        "CI",
        "Verify",
        "Pipeline Execution",
        &["Continuous Integration", "Merge Trains"],
    ),
    g(
        "CI",
        "Verify",
        "Pipeline Authoring",
        &["Pipeline Composition", "CI/CD Catalog"],
    ),
    g(
        "CI",
        "Verify",
        "Runner",
        &["GitLab Runner", "Fleet Visibility"],
    ),
    g(
        "CI",
        "Verify",
        "Pipeline Security",
        &["Secrets Management", "Build Artifacts"],
    ),
    g(
        "CI",
        "Package",
        "Package Registry",
        &["Package Registry", "Dependency Proxy"],
    ),
    g(
        "CI",
        "Package",
        "Container Registry",
        &["Container Registry", "Virtual Registry"],
    ),
    g(
        "CD",
        "Deploy",
        "Environments",
        &["Environment Management", "Deployment Management"],
    ),
    g(
        "CD",
        "Deploy",
        "Continuous Delivery",
        &["Feature Flags", "Release Orchestration"],
    ),
    g(
        "Sec",
        "Application Security Testing",
        "Static Analysis",
        &["SAST", "Secret Detection"],
    ),
    g(
        "Sec",
        "Application Security Testing",
        "Composition Analysis",
        &["Dependency Scanning", "License Compliance"],
    ),
    g(
        "Sec",
        "Application Security Testing",
        "Dynamic Analysis",
        &["DAST", "API Security"],
    ),
    g(
        "Sec",
        "Security Risk Management",
        "Security Insights",
        &["Vulnerability Management", "Security Dashboards"],
    ),
    g(
        "Sec",
        "Security Risk Management",
        "Security Policies",
        &["Security Policy Management"],
    ),
    g(
        "Analytics",
        "Monitor",
        "Observability",
        &["Tracing", "Error Tracking", "Metrics"],
    ),
    g(
        "Data Science",
        "AI-powered",
        "Duo Chat",
        &["Duo Chat", "Code Suggestions"],
    ),
    g(
        "Fulfillment",
        "Fulfillment",
        "Subscription Management",
        &["Subscription Management", "Seat Usage"],
    ),
];

fn group_info(name: &str) -> &'static GroupInfo {
    GROUPS
        .iter()
        .find(|g| g.group == name)
        .expect("curated groups are in the catalogue")
}

/// Internal customers: teams that dogfood the product.
const TEAMS: &[&str] = &[
    "Infrastructure",
    "Support",
    "Security",
    "Marketing Ops",
    "Quality Engineering",
    "Delivery",
    "Data",
    "IT",
    "Customer Success",
    "Technical Writing",
    "Professional Services",
    "Sales Engineering",
    "Developer Relations",
];

const FIRST_NAMES: &[&str] = &[
    "Aaliyah",
    "Abebe",
    "Adaeze",
    "Ahmed",
    "Aiko",
    "Alejandro",
    "Ana",
    "Anders",
    "Anjali",
    "Arjun",
    "Astrid",
    "Ayesha",
    "Bao",
    "Beatriz",
    "Camille",
    "Carlos",
    "Chiara",
    "Chinedu",
    "Dana",
    "Daniel",
    "Dmitri",
    "Elif",
    "Emeka",
    "Emma",
    "Farah",
    "Felipe",
    "Freya",
    "Gabriel",
    "Hana",
    "Hiroshi",
    "Inês",
    "Ivan",
    "Jamal",
    "Javier",
    "Ji-woo",
    "Joanna",
    "Kai",
    "Kavya",
    "Kofi",
    "Lars",
    "Layla",
    "Leila",
    "Lucía",
    "Malik",
    "Mariam",
    "Mateo",
    "Maya",
    "Mehmet",
    "Mia",
    "Min-jun",
    "Nadia",
    "Naveen",
    "Nia",
    "Niamh",
    "Nikolai",
    "Noah",
    "Olu",
    "Omar",
    "Paulo",
    "Rafael",
    "Rania",
    "Ravi",
    "Rosa",
    "Ruth",
    "Saanvi",
    "Samir",
    "Sara",
    "Seán",
    "Siddharth",
    "Siobhan",
    "Tariq",
    "Thandiwe",
    "Tomás",
    "Valentina",
    "Wei",
    "Yara",
    "Yusuf",
    "Zainab",
    "Zoe",
];

const LAST_NAMES: &[&str] = &[
    "Abdullah",
    "Adeyemi",
    "Andersson",
    "Banerjee",
    "Bianchi",
    "Chatterjee",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fernández",
    "Fischer",
    "García",
    "Gupta",
    "Haddad",
    "Hansen",
    "Hoang",
    "Ibrahim",
    "Ivanova",
    "Jensen",
    "Kamau",
    "Kaur",
    "Kim",
    "Kowalski",
    "Kuznetsov",
    "Larsen",
    "Le",
    "López",
    "Mahlangu",
    "Martins",
    "Mbeki",
    "Mehta",
    "Moreau",
    "Müller",
    "Murphy",
    "Nakamura",
    "Ndlovu",
    "Nguyen",
    "Novak",
    "Nowak",
    "O'Brien",
    "Oliveira",
    "Osei",
    "Park",
    "Patel",
    "Pereira",
    "Petrov",
    "Quispe",
    "Rahman",
    "Ramírez",
    "Reyes",
    "Sato",
    "Schmidt",
    "Silva",
    "Singh",
    "Sokolova",
    "Suzuki",
    "Taylor",
    "Thompson",
    "Torres",
    "van den Berg",
    "Vargas",
    "Volkov",
    "Walsh",
    "Wang",
    "Williams",
    "Yamamoto",
    "Yılmaz",
    "Zhang",
    "Zulu",
];

/// Things deliberately left for the nudges to find.
#[derive(Debug, Clone, Copy, Default)]
struct Plant {
    /// The last two 1:1s skipped and cancelled: the 1:1 is overdue.
    overdue_one_on_one: bool,
    /// An open TODO or DOTO whose timing has passed.
    overdue_action: Option<OpenTag>,
    /// An open HELP request, unanswered for days.
    open_help: bool,
    /// The first internal customer has had no check-in for weeks.
    lapsed_link: bool,
    /// A win noted ten days ago, not shared yet.
    unshared_win: bool,
}

#[derive(Debug, Clone, Copy)]
enum Tenure {
    /// On the team since this many days before the history starts.
    Before(i64),
    /// Joined about a month ago.
    Joiner,
    /// On the team since this many days before the history; left about six
    /// weeks ago.
    Leaver(i64),
}

struct Curated {
    name: &'static str,
    first: &'static str,
    title: &'static str,
    family: JobFamily,
    level: Level,
    kind: ScopeKind,
    groups: &'static [&'static str],
    tenure: Tenure,
    cadence: Option<u32>,
    tracked: bool,
    weekday: u32,
    em: &'static str,
    teams: &'static [&'static str],
    plant: Plant,
}

/// The demo team, in the order people are taken.
const CURATED: &[Curated] = &[
    Curated {
        name: "Amara Okafor",
        first: "Amara",
        title: "Senior Product Manager, Plan:Project Management",
        family: JobFamily::SeniorProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Project Management"],
        tenure: Tenure::Before(610),
        cadence: None,
        tracked: true,
        weekday: 1,
        em: "Tomasz",
        teams: &["Support", "Marketing Ops"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: Some(OpenTag::Todo),
            open_help: false,
            lapsed_link: false,
            unshared_win: true,
        },
    },
    Curated {
        name: "Diego Hernández",
        first: "Diego",
        title: "Product Manager, Create:Source Code",
        family: JobFamily::ProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Source Code"],
        tenure: Tenure::Before(260),
        cadence: None,
        tracked: true,
        weekday: 2,
        em: "Aisha",
        teams: &["Infrastructure"],
        plant: Plant {
            overdue_one_on_one: true,
            overdue_action: None,
            open_help: false,
            lapsed_link: false,
            unshared_win: false,
        },
    },
    Curated {
        name: "Priya Raman",
        first: "Priya",
        title: "Principal Product Manager, Verify:Pipeline Execution",
        family: JobFamily::PrincipalProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Pipeline Execution"],
        tenure: Tenure::Before(900),
        cadence: Some(14),
        tracked: true,
        weekday: 3,
        em: "Lars",
        teams: &["Delivery", "Quality Engineering"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: None,
            open_help: false,
            lapsed_link: true,
            unshared_win: false,
        },
    },
    Curated {
        name: "Mei Lin Chen",
        first: "Mei Lin",
        title: "Group Manager, Product, Create",
        family: JobFamily::GroupManagerProduct,
        level: Level::Manager,
        kind: ScopeKind::CollectionOfGroups,
        groups: &["Code Review", "Editor Extensions"],
        tenure: Tenure::Before(480),
        cadence: None,
        tracked: true,
        weekday: 0,
        em: "Rafael",
        teams: &["Security"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: Some(OpenTag::Doto),
            open_help: false,
            lapsed_link: false,
            unshared_win: false,
        },
    },
    Curated {
        name: "Jonas Becker",
        first: "Jonas",
        title: "Product Manager, Verify:Runner",
        family: JobFamily::ProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Runner"],
        tenure: Tenure::Before(150),
        cadence: None,
        tracked: true,
        weekday: 1,
        em: "Nadia",
        teams: &["Infrastructure", "IT"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: None,
            open_help: true,
            lapsed_link: false,
            unshared_win: false,
        },
    },
    Curated {
        name: "Fatima Al-Sayed",
        first: "Fatima",
        title: "Product Manager, Plan:Product Planning",
        family: JobFamily::ProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Product Planning"],
        tenure: Tenure::Joiner,
        cadence: None,
        tracked: true,
        weekday: 2,
        em: "Kofi",
        teams: &["Customer Success"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: None,
            open_help: false,
            lapsed_link: false,
            unshared_win: false,
        },
    },
    Curated {
        name: "Sofia Rossi",
        first: "Sofia",
        title: "Senior Product Manager, Plan:Knowledge",
        family: JobFamily::SeniorProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Knowledge"],
        tenure: Tenure::Leaver(700),
        cadence: None,
        tracked: true,
        weekday: 3,
        em: "Hiroshi",
        teams: &["Technical Writing"],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: None,
            open_help: false,
            lapsed_link: false,
            unshared_win: false,
        },
    },
    Curated {
        name: "Kenji Watanabe",
        first: "Kenji",
        title: "Senior Product Manager, Verify:Pipeline Security (interim)",
        family: JobFamily::SeniorProductManager,
        level: Level::Ic,
        kind: ScopeKind::Group,
        groups: &["Pipeline Security"],
        tenure: Tenure::Before(60),
        cadence: None,
        tracked: false,
        weekday: 0,
        em: "Valentina",
        teams: &[],
        plant: Plant {
            overdue_one_on_one: false,
            overdue_action: None,
            open_help: false,
            lapsed_link: false,
            unshared_win: false,
        },
    },
];

/// One person of the demo team, with what the generator needs to know.
struct Profile {
    name: String,
    first: String,
    title: String,
    family: JobFamily,
    level: Level,
    kind: ScopeKind,
    section: &'static str,
    stage: &'static str,
    groups: Vec<&'static str>,
    categories: Vec<&'static str>,
    since: NaiveDate,
    archived_on: Option<NaiveDate>,
    cadence: Option<u32>,
    tracked: bool,
    /// 1:1 weekday, 0 (Monday) to 3 (Thursday).
    weekday: u32,
    /// The engineering manager counterpart's first name.
    em: &'static str,
    /// Preferred internal customers.
    teams: Vec<&'static str>,
    link_count: usize,
    plant: Plant,
}

impl Profile {
    fn input(&self) -> PersonInput {
        PersonInput {
            name: self.name.clone(),
            title: self.title.clone(),
            job_family: self.family,
            level: self.level,
            scope: Scope {
                kind: self.kind,
                section: Some(self.section.to_string()),
                stages: vec![self.stage.to_string()],
                groups: self.groups.iter().map(|g| g.to_string()).collect(),
            },
            since: self.since,
            cadence_days: self.cadence,
            tracked: self.tracked,
        }
    }

    fn active_on(&self, d: NaiveDate) -> bool {
        self.since <= d && self.archived_on.is_none_or(|a| a > d)
    }

    /// The group (or stage) the person's work is about, for text.
    fn area(&self) -> &'static str {
        self.groups.first().copied().unwrap_or(self.stage)
    }

    fn next_title(&self) -> &'static str {
        match self.family {
            JobFamily::ProductManager => "Senior Product Manager",
            JobFamily::SeniorProductManager => "Principal Product Manager",
            JobFamily::PrincipalProductManager => "Group Manager, Product",
            JobFamily::GroupManagerProduct => "Director of Product",
            _ => "the next level",
        }
    }
}

fn categories_of(stage: &str, groups: &[&'static str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for gi in GROUPS {
        let mine = if groups.is_empty() {
            gi.stage == stage
        } else {
            groups.contains(&gi.group)
        };
        if mine {
            out.extend(gi.categories.iter().copied());
        }
    }
    out
}

fn plan_team(today: NaiveDate, start: NaiveDate, seed: u64, size: usize) -> Vec<Profile> {
    let span = days_between(start, today);
    let mut used: HashSet<String> = CURATED.iter().map(|c| c.name.to_lowercase()).collect();
    let mut team = Vec::with_capacity(size);
    for c in CURATED.iter().take(size) {
        team.push(curated_profile(c, today, start, span));
    }
    for i in CURATED.len()..size {
        team.push(generated_profile(i, seed, today, start, span, &mut used));
    }
    team
}

fn curated_profile(c: &Curated, today: NaiveDate, start: NaiveDate, span: i64) -> Profile {
    let info = group_info(c.groups[0]);
    let (since, archived_on) = match c.tenure {
        Tenure::Before(days) => (plus(start, -days), None),
        Tenure::Joiner => (early_week_day(plus(today, -(33.min(span / 2)))), None),
        Tenure::Leaver(days) => (plus(start, -days), Some(plus(today, -(40.min(span / 3))))),
    };
    let weekday = match c.tenure {
        Tenure::Joiner => since.weekday().num_days_from_monday(),
        _ => c.weekday,
    };
    Profile {
        name: c.name.to_string(),
        first: c.first.to_string(),
        title: c.title.to_string(),
        family: c.family,
        level: c.level,
        kind: c.kind,
        section: info.section,
        stage: info.stage,
        groups: c.groups.to_vec(),
        categories: categories_of(info.stage, c.groups),
        since,
        archived_on,
        cadence: c.cadence,
        tracked: c.tracked,
        weekday,
        em: c.em,
        teams: c.teams.to_vec(),
        link_count: c.teams.len(),
        plant: c.plant,
    }
}

fn generated_profile(
    i: usize,
    seed: u64,
    today: NaiveDate,
    start: NaiveDate,
    span: i64,
    used: &mut HashSet<String>,
) -> Profile {
    let mut rng = Rng::new(seed, Stream::Team, i);
    let gi_index = rng.below(GROUPS.len());
    let info = &GROUPS[gi_index];
    let (family, level, kind) = rng.weighted(&[
        ((JobFamily::ProductManager, Level::Ic, ScopeKind::Group), 45),
        (
            (JobFamily::SeniorProductManager, Level::Ic, ScopeKind::Group),
            35,
        ),
        (
            (
                JobFamily::PrincipalProductManager,
                Level::Ic,
                ScopeKind::Stage,
            ),
            10,
        ),
        (
            (
                JobFamily::GroupManagerProduct,
                Level::Manager,
                ScopeKind::CollectionOfGroups,
            ),
            10,
        ),
    ]);
    let groups: Vec<&'static str> = match kind {
        ScopeKind::Stage => Vec::new(),
        ScopeKind::CollectionOfGroups => {
            let mut gs = vec![info.group];
            if let Some(next) = GROUPS.get(gi_index + 1).filter(|n| n.stage == info.stage) {
                gs.push(next.group);
            } else if let Some(prev) = gi_index
                .checked_sub(1)
                .map(|p| &GROUPS[p])
                .filter(|p| p.stage == info.stage)
            {
                gs.push(prev.group);
            }
            gs
        }
        _ => vec![info.group],
    };
    let title = match family {
        JobFamily::ProductManager => format!("Product Manager, {}:{}", info.stage, info.group),
        JobFamily::SeniorProductManager => {
            format!("Senior Product Manager, {}:{}", info.stage, info.group)
        }
        JobFamily::PrincipalProductManager => format!("Principal Product Manager, {}", info.stage),
        _ => format!("Group Manager, Product, {}", info.stage),
    };
    let first = *rng.pick(FIRST_NAMES);
    let mut name = format!("{first} {}", rng.pick(LAST_NAMES));
    for _ in 0..3 {
        if !used.contains(&name.to_lowercase()) {
            break;
        }
        name = format!("{first} {}", rng.pick(LAST_NAMES));
    }
    if used.contains(&name.to_lowercase()) {
        let mut n = 2;
        while used.contains(&format!("{name} {n}").to_lowercase()) {
            n += 1;
        }
        name = format!("{name} {n}");
    }
    used.insert(name.to_lowercase());

    // Most are on the team from the start; some join during the history and
    // some leave.
    let joins = span > 60 && rng.percent(15);
    let since = if joins {
        early_week_day(plus(start, rng.range(14, span * 9 / 10)))
    } else {
        plus(start, -rng.range(30, 1500))
    };
    let active_from = since.max(start);
    let active_days = days_between(active_from, today);
    let archived_on = if active_days > 150 && rng.percent(8) {
        Some(plus(active_from, rng.range(90, active_days - 14)))
    } else {
        None
    };
    let weekday = if joins {
        since.weekday().num_days_from_monday()
    } else {
        rng.below(4) as u32
    };
    let cadence = if rng.percent(10) { Some(14) } else { None };
    let tracked = !rng.percent(3);
    let link_count = 1 + usize::from(rng.percent(45));
    Profile {
        name,
        first: first.to_string(),
        title,
        family,
        level,
        kind,
        section: info.section,
        stage: info.stage,
        categories: categories_of(info.stage, &groups),
        groups,
        since,
        archived_on,
        cadence,
        tracked,
        weekday,
        em: rng.line(FIRST_NAMES),
        teams: Vec::new(),
        link_count,
        plant: Plant::default(),
    }
}

// ---------------------------------------------------------------------------
// Text

/// Replaces each `{key}` of `template` by its value in `vars`.
fn fill_in(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 48);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &after[..close];
        match vars.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => {
                debug_assert!(false, "unknown placeholder {{{key}}} in {template:?}");
                out.push_str(&rest[open..open + close + 2]);
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

const CUSTOMERS: &[&str] = &[
    "a large financial-services customer",
    "a public-sector account",
    "an EMEA telco",
    "a Fortune 500 retailer",
    "a fast-growing fintech",
    "a regulated healthcare customer",
    "a self-managed Ultimate customer",
    "an APAC automotive customer",
];

const PAINS: &[&str] = &[
    "slow pipelines on large merge requests",
    "permissions that are too coarse for their on-call rotation",
    "no audit trail for setting changes",
    "search that times out on big projects",
    "noisy notifications",
    "the migration from their old tooling",
    "API rate limits in their automation",
    "no bulk edit",
    "flaky status checks",
    "settings that are hard to find",
];

/// A topic of 1:1 notes: its coaching tag, heading and fragments.
struct Topic {
    tag: &'static str,
    heading: &'static str,
    weight: usize,
    lines: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        tag: "delivery",
        heading: "Delivery",
        weight: 30,
        lines: &[
            "{group} is on track for {release}; the {category} MVC merged early in the milestone, so {first} is pulling the next issue forward.",
            "Two {group} deliverables slipped from {release} to {next}. We talked about cutting scope rather than stretching the milestone: ship the boring solution first.",
            "Reviewed the {next} planning issue together. Too many \"P2s\"; {first} will pick the one outcome that matters and label the rest as stretch.",
            "{group} is down a backend engineer this milestone. {first} and {em} agreed to move the {category} API work to {next} and to say so in the release post.",
            "Release post items for {release} are in. {first} wants a second pair of eyes on the {category} headline: lead with the user problem, not the feature name.",
            "Kickoff prep for {next}: {first} will record the {group} kickoff video and link the planning issue from the direction page.",
            "The {shipped} retro surfaced late UX reviews again. {first} will add a design-ready checkpoint to the {group} workflow labels.",
        ],
    },
    Topic {
        tag: "feedback",
        heading: "Feedback",
        weight: 22,
        lines: &[
            "Feedback on the {category} direction page: strong on the *why*, thin on what we will **not** do. Asked for a \"What's next and why\" section with three concrete bets.",
            "Shared positive feedback from {peer}: {first}'s async updates in {slack} are the clearest in the section. Told {first} directly: keep doing exactly that.",
            "SBI feedback: in this week's sync (situation) {first} committed the team to a date before checking with {em} (behaviour), and engineering felt cornered (impact). Agreed that {first} checks with {em} before any external commitment.",
            "{first} asked how the customer call went. Good discovery questions; next time leave more silence after asking about the workaround, that's where the insight was.",
            "The {category} opportunity canvas is solid. Suggested adding a \"who is this not for\" section before taking it to the PLT.",
            "Feedback from {em}: {first} is great at unblocking engineers, but issue descriptions lack acceptance criteria. We looked at two examples together.",
        ],
    },
    Topic {
        tag: "career",
        heading: "Career",
        weight: 12,
        lines: &[
            "Career conversation: {first} wants to grow toward {next_title}. We mapped the career development framework and picked *strategy* and *influence* as the two competencies for this quarter.",
            "Growth plan check-in: the stretch assignment (owning the {category} section of the {stage} direction page) is going well; one more cross-stage example would make the promotion case.",
            "{first} is curious about people management. Suggested shadowing me on the next hiring loop and mentoring the next PM who joins {stage}.",
            "Talked about visibility: {first} will present the {category} roadmap at the next {stage} stage review instead of me.",
        ],
    },
    Topic {
        tag: "growth",
        heading: "Growth",
        weight: 16,
        lines: &[
            "{first} is reading *Continuous Discovery Habits*; agreed on one customer touchpoint a week for {category}.",
            "Socratic session: what would make {category} *lovable* rather than viable? {first}'s answer was about the first-run experience; turning it into an issue.",
            "Worked on data-driven framing: {first} will pull the {category} usage metrics before the next prioritisation call instead of relying on upvotes.",
            "{first} wants to write more. Suggested publishing the {category} research synthesis as a handbook page and sharing it in {slack}.",
            "Practised saying no: role-played the conversation with {team} about the {category} request that doesn't fit {quarter}.",
        ],
    },
    Topic {
        tag: "risk",
        heading: "Risk",
        weight: 14,
        lines: &[
            "Risk: {customer} is blocked by a bug in {category} and may escalate. {first} has a workaround; I'll make sure the account team has it before the renewal call.",
            "Possible surprise: the {category} deprecation planned for {next} affects more users than we thought. {first} will draft a migration guide and the breaking-change announcement.",
            "A security fix in {group} may eat a week of {next}. No customer impact yet; {first} will flag it in the planning issue.",
            "Attrition risk? {first} mentioned a recruiter ping. Not looking, but workload is the theme; I noted to rebalance {group} scope next quarter.",
            "The {category} error budget is burning: two incidents since {shipped}. {first} wants reliability work ahead of the next feature, and I agree.",
        ],
    },
    Topic {
        tag: "stakeholders",
        heading: "Stakeholders",
        weight: 12,
        lines: &[
            "{team} asked for {category} changes outside the roadmap. Coached {first} to route it through the intake issue and to say \"not now\" with a reason.",
            "Sales wants a date for the next {category} feature for {customer}. Reminder: we share direction, not dates; {first} will join the call with the solutions architect.",
            "Boundary with {peer}'s group: who owns the {category} settings page? {first} will propose a DRI in the issue and tag both EMs.",
            "{first} is pulled into many Slack threads from {team}. Suggested a fortnightly office hour instead.",
        ],
    },
    Topic {
        tag: "strategy",
        heading: "Strategy",
        weight: 12,
        lines: &[
            "Walked through the {stage} 3-month vision. {first} wants to bet on {category} adoption over new features; agreed, let's make it the {quarter} OKR.",
            "Discussed the {quarter} OKRs: {first}'s KR on {category} usage is ambitious. Keep it, but define a leading indicator we can see within the quarter.",
            "A competitor shipped something close to {category}. {first} will write a short comparison; no knee-jerk roadmap change.",
            "Pricing question: should the new {category} capability be Premium or Ultimate? {first} will apply buyer-based tiering and bring a proposal.",
        ],
    },
    Topic {
        tag: "wellbeing",
        heading: "Wellbeing",
        weight: 7,
        lines: &[
            "{first} is taking a week of PTO after {release}. Agreed on a coverage issue; {peer} is the backup.",
            "Workload check: {first} is in too many meetings. We dropped two recurring syncs and moved them async.",
            "{first} sounded tired. Talked about sustainable pace and encouraged a Family & Friends Day to actually switch off.",
        ],
    },
    Topic {
        tag: "hiring",
        heading: "Hiring",
        weight: 4,
        lines: &[
            "{first} is on an interview loop; we calibrated the product-sense question and what a strong answer looks like.",
            "Referrals: {first} knows a strong PM for the open Verify role and will submit a referral this week.",
        ],
    },
];

const ONBOARDING: Topic = Topic {
    tag: "onboarding",
    heading: "Onboarding",
    weight: 0,
    lines: &[
        "Onboarding check: {first} is through the product onboarding issue up to the {stage} direction pages. Next: shadow {peer}'s release planning.",
        "{first} met the {group} engineering team; {em} is keen to pair on the {next} planning issue.",
        "Asked {first} for fresh-eyes feedback on {category}: first impressions are gold, write them down before they fade.",
        "Agreed on 30/60/90-day goals: know the {category} users; own the {next} planning; publish an updated direction page.",
    ],
};

const OPENERS: &[&str] = &[
    "{first} came in energised after the {release} kickoff.",
    "Short one today: {first} is heads-down on {next} planning.",
    "{first} seemed tired; three customer escalations this week.",
    "Good energy. {first} opened with a demo of the latest {category} iteration.",
    "Started with a workload check: manageable, but tight.",
    "{first} joined from the airport on the way back from a customer visit.",
    "We started late (my previous meeting overran), so we kept it focused.",
    "{first} brought news from the {stage} PM sync.",
];

const NEXT_TIME: &[&str] = &[
    "**Next time**: revisit the {category} metrics once the {shipped} data is in.",
    "**Next time**: {first} brings the draft {quarter} OKRs.",
    "**Next time**: how did the conversation with {team} go?",
    "**Next time**: follow up on the {group} capacity question with {em}.",
];

const SKIPPED: &[&str] = &[
    "Skipped: {first} was at a customer onsite.",
    "Skipped, {first} on PTO. Async update left in the agenda doc.",
    "Skipped: I was at the PLT offsite; urgent items went to Slack.",
    "Skipped: release-day fire drill for {release}.",
    "Skipped by mutual agreement; nothing urgent on the agenda.",
];

const CANCELLED: &[&str] = &[
    "Cancelled: Family & Friends Day.",
    "Cancelled, {first} out sick. Hope you feel better!",
    "Cancelled; clashed with the quarterly product key review.",
    "Cancelled: public holiday for {first}.",
    "Cancelled at short notice (a customer escalation on my side).",
];

const HOLIDAY: &[&str] = &[
    "Cancelled: end-of-year break.",
    "Skipped, both of us out for the holidays.",
];

const ITEMS_HELP: &[&str] = &[
    "Need context on how the {stage} direction ties into the {quarter} OKRs",
    "Advice on pushing back on a late scope request from Sales for {category}",
    "Can you intro me to someone in {team} for {category} research?",
    "How should I frame the {category} pricing question for the PLT?",
    "Help getting UX research time for {category} in {next}",
    "What's the history behind last year's {category} decision?",
    "Need a sponsor for the {group} cross-stage proposal",
];

const ITEMS_TODO: &[&str] = &[
    "Update the {category} direction page with the {next} plan",
    "Record the {group} kickoff video for {next}",
    "Write the opportunity canvas for the next {category} iteration",
    "Share the {category} JTBD refresh with the team",
    "Open the release post items for {release}",
    "Run five customer interviews on {category}",
    "Add a usage dashboard for {category} and link it from the direction page",
    "Draft the {quarter} OKRs for {group}",
    "Write the deprecation notice for the old {category} settings",
];

const ITEMS_DOTO: &[&str] = &[
    "Raise the {group} headcount ask in staff meeting",
    "Connect {first} with the {team} lead about dogfooding {category}",
    "Review the {group} 3-month vision MR",
    "Clarify with the VP whether {category} is in the FY plan",
    "Get {first} a slot at the next product key review to present {category}",
    "Share {first}'s {category} win with the PLT",
    "Ask the {stage} design manager about UX coverage for {next}",
];

const ITEMS_DISCUSS: &[&str] = &[
    "What does {next_title} look like for {first}?",
    "Engineering capacity in {group} for {next}",
    "Learnings from the {shipped} retro",
    "Should {group} own the {category} API surface?",
    "Feedback from {team} on {category}",
    "Balancing tech debt and features in {next}",
];

const ITEMS_REVIEW: &[&str] = &[
    "{category} direction page MR",
    "Opportunity canvas for {category}",
    "Pricing tier proposal for {category}",
    "{group} {quarter} OKR draft",
    "Release post draft for {release}",
];

const ITEMS_THINK: &[&str] = &[
    "What would make {category} lovable?",
    "Where does {category} fit in the platform story for {quarter}?",
    "Is there a simpler MVC for the {category} epic?",
    "Which metric best shows {category} success?",
];

const ONBOARDING_ITEMS: &[(OpenTag, RaisedBy, &str)] = &[
    (
        OpenTag::Todo,
        RaisedBy::Person,
        "Work through the product manager onboarding issue",
    ),
    (
        OpenTag::Doto,
        RaisedBy::Leader,
        "Introduce {first} to the {group} EM, designer and quality counterparts",
    ),
    (
        OpenTag::Todo,
        RaisedBy::Person,
        "Schedule coffee chats with the {stage} PMs",
    ),
    (
        OpenTag::Help,
        RaisedBy::Person,
        "Which customers should I talk to first about {category}?",
    ),
];

const WINS: &[&str] = &[
    "{first} shipped the {category} MVC in {shipped}; it made the release post's top features.",
    "{customer} renewed and expanded, citing the {category} improvements {first}'s group delivered in {shipped}.",
    "{first} ran six customer interviews on {category} and turned them into a validated problem statement the whole stage now uses.",
    "{group} hit its {quarter} KR on {category} adoption two weeks early.",
    "{first} presented the {category} direction at the product key review; the CPO called out the clarity of the 3-month vision.",
    "Closed a long-standing top-voted {category} issue: {first} negotiated the scope down to something shippable in one milestone.",
    "{team} moved off their internal tooling onto {category} after {first} led the dogfooding effort.",
    "{first}'s {category} blog post was the most-read product post of the month.",
    "The {category} migration finished on schedule with zero downtime, thanks to {first}'s coordination across three groups.",
    // Last: only for people on the team for half a year or more.
    "{first} mentored a new PM through their first release; great feedback from the {group} team.",
];

const SHARED_WHERE: &[&str] = &[
    "#product-leadership Slack",
    "PLT weekly sync",
    "Product key review",
    "E-group weekly update",
    "CPO staff meeting",
    "#whats-happening-at-gitlab",
];

const CHECK_IN_OPENERS: &[&str] = &[
    "Monthly sync with {team} about {category}.",
    "Dogfooding check-in with {team} on {category}.",
    "Caught up with the {team} DRI for {category}.",
    "Async check-in with {team} in their Slack channel ({category}).",
];

const CHECK_IN_BODIES: &[&str] = &[
    "Top pain point: {pain}. Logged it as feedback on the category epic.",
    "Happy with the last two releases; they asked for a heads-up before the {next} changes land.",
    "Still blocked by {pain}; {first} will share the workaround and a timeline.",
    "They adopted the new {category} settings and retired a homegrown script.",
    "Usage is flat; they haven't tried the {shipped} improvements yet. {first} will run a short demo.",
    "Asked them to validate the problem statement for the next {category} iteration; they agreed to two interviews.",
];

const JOURNEYS: &[&str] = &[
    "plan to production, issue to deployment",
    "first-time setup of a new project with CI/CD",
    "reviewing a large merge request as a new contributor",
    "triaging a failing pipeline from a notification",
    "an enterprise admin rolling out a group template",
    "portfolio planning with epics and roadmaps",
    "fixing a vulnerability from detection to merge",
    "onboarding a team from another tool",
    "following a feature from the planning board to the release post",
];

const WORKED: &[&str] = &[
    "The empty state of {cat1} explained what to do next.",
    "Moving between {stage1} and {stage2} felt seamless.",
    "Docs links landed on the right page every time.",
    "The onboarding checklist got us to a first result in under ten minutes.",
];

const FRICTION: &[&str] = &[
    "the settings live three levels deep; we got lost twice",
    "the error message did not say how to fix the problem",
    "the terminology differs from the neighbouring stage for the same concept",
    "there is no undo; we had to start over",
    "the page took more than six seconds to load on a big project",
    "the feature is only discoverable through the docs",
    "the API and the UI disagree on defaults",
];

const FOLLOW_UPS: &[&str] = &[
    "open a UX issue for {cat1} and add it to the {stage1} prioritisation",
    "align terminology between {cat1} and {cat2} with Technical Writing",
    "bring {cat2} to the next cross-stage design review",
    "ask the {stage2} PM to own the hand-off step",
];

// ---------------------------------------------------------------------------
// Writing

/// What every generator step reads.
struct World<'a> {
    conn: &'a Connection,
    settings: Settings,
    today: NaiveDate,
    start: NaiveDate,
    seed: u64,
    team: Vec<Profile>,
    ids: Vec<PersonId>,
}

impl World<'_> {
    /// The first and last day of `p`'s records: from the later of joining and
    /// the history's start to the day before leaving (or today).
    fn window(&self, p: &Profile) -> Option<(NaiveDate, NaiveDate)> {
        let base = p.since.max(self.start);
        let end = p
            .archived_on
            .map_or(self.today, |a| plus(a, -1))
            .min(self.today);
        (base <= end).then_some((base, end))
    }

    /// The month whose release is in flight on `d`.
    fn release_month(&self, d: NaiveDate) -> Month {
        let m = Month::of(d);
        if calendar::release_day(m, self.settings.release_day) < d {
            m.next()
        } else {
            m
        }
    }

    fn version_of(&self, m: Month) -> String {
        calendar::month_version(m, self.settings.release_anchor)
            .map_or_else(|| "the next release".to_string(), |v| v.to_string())
    }

    fn quarter_of(&self, d: NaiveDate) -> FiscalQuarter {
        FiscalQuarter::containing(Month::of(d), self.settings.fiscal_year_start_month)
    }

    /// A first name of someone else on the team.
    fn peer_of(&self, idx: usize, rng: &mut Rng) -> String {
        if self.team.len() < 2 {
            return "a peer PM".to_string();
        }
        let mut j = rng.below(self.team.len() - 1);
        if j >= idx {
            j += 1;
        }
        self.team[j].first.clone()
    }

    /// The placeholders of text about `p` on day `d`.
    fn vars(&self, idx: usize, d: NaiveDate, rng: &mut Rng) -> Vec<(&'static str, String)> {
        let p = &self.team[idx];
        let release = self.release_month(d);
        let slack = format!("#g_{}", p.area().to_lowercase().replace(' ', "_"));
        vec![
            ("first", p.first.clone()),
            ("group", p.area().to_string()),
            ("stage", p.stage.to_string()),
            ("category", rng.pick(&p.categories).to_string()),
            ("release", self.version_of(release)),
            ("shipped", self.version_of(release.prev())),
            ("next", self.version_of(release.next())),
            ("team", rng.pick(TEAMS).to_string()),
            ("em", p.em.to_string()),
            ("peer", self.peer_of(idx, rng)),
            ("customer", rng.pick(CUSTOMERS).to_string()),
            ("quarter", self.quarter_of(d).to_string()),
            ("next_title", p.next_title().to_string()),
            ("slack", slack),
            ("pain", rng.pick(PAINS).to_string()),
        ]
    }

    /// A release-version timing for an item opened on `d`: the release in
    /// flight (if at least three days away) or one after, plus `ahead`.
    fn release_timing(&self, d: NaiveDate, ahead: i32) -> Option<Timing> {
        let mut m = Month::of(d);
        if calendar::release_day(m, self.settings.release_day) < plus(d, 3) {
            m = m.next();
        }
        calendar::month_version(m.add_months(ahead), self.settings.release_anchor)
            .map(Timing::Release)
    }
}

fn person_history(w: &World<'_>, idx: usize, report: &mut DemoReport) -> Result<()> {
    let p = &w.team[idx];
    if let Some((base, end)) = w.window(p) {
        one_on_ones_and_agenda(w, idx, base, end, report)?;
        if p.tracked {
            person_updates(w, idx, base, end, report)?;
            internal_customers(w, idx, base, end, report)?;
            person_wins(w, idx, base, end, report)?;
        }
    }
    if let Some(a) = p.archived_on {
        people::archive(w.conn, w.ids[idx], a)?;
    }
    Ok(())
}

/// How an agenda item ends.
#[derive(Debug, Clone, Copy)]
enum Fate {
    /// Closed in the 1:1 that raised it.
    Now(CloseTag),
    /// Closed in the n-th held 1:1 after the one that raised it.
    Later(usize, CloseTag),
    /// Closed between 1:1s on that day.
    On(NaiveDate, CloseTag),
}

struct Pending {
    id: AgendaItemId,
    /// The held 1:1 (counted from 0) that closes it.
    at: usize,
    tag: CloseTag,
}

fn status_for(rng: &mut Rng, d: NaiveDate) -> OneOnOneStatus {
    let holiday = (d.month() == 12 && d.day() >= 22) || (d.month() == 1 && d.day() <= 2);
    if holiday && rng.percent(70) {
        if rng.percent(50) {
            OneOnOneStatus::Cancelled
        } else {
            OneOnOneStatus::Skipped
        }
    } else {
        match rng.below(100) {
            0..=5 => OneOnOneStatus::Skipped,
            6..=10 => OneOnOneStatus::Cancelled,
            _ => OneOnOneStatus::Held,
        }
    }
}

fn one_on_ones_and_agenda(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::OneOnOnes, idx);
    let cadence = if p.tracked {
        p.cadence.unwrap_or(w.settings.one_on_one_every_days)
    } else {
        28
    };
    let cadence = i64::from(cadence.max(1));

    // The schedule: the person's weekday, every `cadence` days, now and then
    // a day late.
    let mut dates = Vec::new();
    let mut d = on_or_after_weekday(base, p.weekday);
    while d <= end {
        let late = plus(d, 1);
        dates.push(if cadence >= 3 && late <= end && rng.percent(12) {
            late
        } else {
            d
        });
        d = plus(d, cadence);
    }
    let mut statuses: Vec<OneOnOneStatus> =
        dates.iter().map(|d| status_for(&mut rng, *d)).collect();
    let n = dates.len();
    let joined = p.since >= w.start;
    if joined && n > 0 {
        statuses[0] = OneOnOneStatus::Held;
    }
    if p.archived_on.is_some() && n > 0 {
        statuses[n - 1] = OneOnOneStatus::Held;
    }
    if p.plant.overdue_one_on_one && n >= 3 {
        statuses[n - 3] = OneOnOneStatus::Held;
        statuses[n - 2] = OneOnOneStatus::Skipped;
        statuses[n - 1] = OneOnOneStatus::Cancelled;
    }
    let held: Vec<usize> = (0..n)
        .filter(|i| statuses[*i] == OneOnOneStatus::Held)
        .collect();
    let last_held = held.last().copied();
    let latest_held_by = |day: NaiveDate| held.iter().rev().copied().find(|i| dates[*i] <= day);
    let plant_action_at = p
        .plant
        .overdue_action
        .and_then(|_| latest_held_by(plus(w.today, -8)));
    let plant_help_at = if p.plant.open_help {
        latest_held_by(plus(w.today, -5))
    } else {
        None
    };

    let mut pending: Vec<Pending> = Vec::new();
    let mut held_no = 0usize;
    for (pos, (&date, &status)) in dates.iter().zip(&statuses).enumerate() {
        let mut vars = w.vars(idx, date, &mut rng);
        if status != OneOnOneStatus::Held {
            let holiday =
                (date.month() == 12 && date.day() >= 22) || (date.month() == 1 && date.day() <= 2);
            let pool = if holiday {
                HOLIDAY
            } else if status == OneOnOneStatus::Skipped {
                SKIPPED
            } else {
                CANCELLED
            };
            one_on_ones::insert(
                w.conn,
                &OneOnOneInput {
                    person_id: pid,
                    date,
                    status,
                    notes: fill_in(rng.line(pool), &vars),
                    tags: Vec::new(),
                },
            )?;
            report.one_on_ones += 1;
            continue;
        }

        let leaving = p.archived_on.is_some() && Some(pos) == last_held;
        let first_of_joiner = joined && pos == 0;
        let carried = pending.len();
        let closing: Vec<Pending> = if leaving {
            std::mem::take(&mut pending)
        } else {
            let (now, later): (Vec<Pending>, Vec<Pending>) =
                pending.into_iter().partition(|it| it.at <= held_no);
            pending = later;
            now
        };
        let new_items = if leaving || !p.tracked {
            0
        } else if first_of_joiner {
            ONBOARDING_ITEMS.len()
        } else {
            rng.weighted(&[(0, 22), (1, 40), (2, 28), (3, 10)])
        };

        let (notes, tags) = held_notes(
            w,
            idx,
            date,
            &mut rng,
            &vars,
            NotesShape {
                carried,
                closing: closing.len(),
                added: new_items,
                first_of_joiner,
                leaving,
            },
        );
        let o = one_on_ones::insert(
            w.conn,
            &OneOnOneInput {
                person_id: pid,
                date,
                status,
                notes,
                tags,
            },
        )?;
        report.one_on_ones += 1;

        for it in closing {
            let tag = if leaving { CloseTag::Move } else { it.tag };
            agenda::close(w.conn, it.id, tag, date, Some(o.id))?;
        }
        for k in 0..new_items {
            // Fresh picks per item: a category, a team…
            vars = w.vars(idx, date, &mut rng);
            let onboarding = ONBOARDING_ITEMS.get(k).filter(|_| first_of_joiner);
            let (tag, raised, text, timing, fate) = match onboarding {
                Some(&(tag, raised, text)) => {
                    let fate = Fate::Later(1 + k % 3, CloseTag::Done);
                    (tag, raised, fill_in(text, &vars), None, fate)
                }
                None => new_item(w, &mut rng, date, &vars),
            };
            let id = agenda::insert(
                w.conn,
                &AgendaItemInput {
                    person_id: pid,
                    text,
                    open_tag: tag,
                    timing,
                    raised_by: raised,
                    opened_on: date,
                    opened_in: Some(o.id),
                },
            )?
            .id;
            report.agenda_items += 1;
            match fate {
                Fate::Now(t) => {
                    agenda::close(w.conn, id, t, date, Some(o.id))?;
                }
                Fate::Later(k, t) => pending.push(Pending {
                    id,
                    at: held_no + k,
                    tag: t,
                }),
                Fate::On(day, t) if day <= end => {
                    agenda::close(w.conn, id, t, day, None)?;
                }
                Fate::On(_, t) => pending.push(Pending {
                    id,
                    at: held_no + 1,
                    tag: t,
                }),
            }
        }

        // Left for the nudges: an action past its timing, an unanswered request.
        let planted: Option<(OpenTag, RaisedBy, &str, Option<Timing>)> =
            match p.plant.overdue_action {
                Some(OpenTag::Doto) if plant_action_at == Some(pos) => Some((
                    OpenTag::Doto,
                    RaisedBy::Person,
                    "Get the {group} headcount ask onto the staff meeting agenda",
                    Some(Timing::Date(plus(date, 4))),
                )),
                Some(tag) if plant_action_at == Some(pos) => Some((
                    tag,
                    RaisedBy::Leader,
                    "Send the {category} research synthesis to the {stage} EMs",
                    Some(Timing::Date(plus(date, 5))),
                )),
                _ if plant_help_at == Some(pos) => Some((
                    OpenTag::Help,
                    RaisedBy::Person,
                    "Need your read on the {category} escalation before I reply to {customer}",
                    None,
                )),
                _ => None,
            };
        if let Some((tag, raised, text, timing)) = planted {
            agenda::insert(
                w.conn,
                &AgendaItemInput {
                    person_id: pid,
                    text: fill_in(text, &vars),
                    open_tag: tag,
                    timing,
                    raised_by: raised,
                    opened_on: date,
                    opened_in: Some(o.id),
                },
            )?;
            report.agenda_items += 1;
        }
        held_no += 1;
    }
    Ok(())
}

/// A new item of the living agenda raised in a 1:1 on `date`.
fn new_item(
    w: &World<'_>,
    rng: &mut Rng,
    date: NaiveDate,
    vars: &[(&'static str, String)],
) -> (OpenTag, RaisedBy, String, Option<Timing>, Fate) {
    use CloseTag as C;
    let tag = rng.weighted(&[
        (OpenTag::Help, 18),
        (OpenTag::Todo, 30),
        (OpenTag::Doto, 18),
        (OpenTag::Discuss, 16),
        (OpenTag::Review, 10),
        (OpenTag::Think, 8),
    ]);
    let action_timing = |rng: &mut Rng| -> Option<Timing> {
        if !rng.percent(55) {
            None
        } else if rng.percent(60) {
            Some(Timing::Date(plus(date, rng.range(3, 21))))
        } else {
            w.release_timing(date, rng.below(2) as i32)
        }
    };
    let (pool, raised, timing, fate) = match tag {
        OpenTag::Help => {
            let timing = if rng.percent(15) {
                Some(Timing::Date(plus(date, rng.range(1, 5))))
            } else {
                None
            };
            let fate = if rng.percent(55) {
                let day = calendar::add_business_days(date, 1 + rng.below(2) as u32);
                Fate::On(day, *rng.pick(&[C::Thanks, C::Done, C::Why, C::Fyi]))
            } else {
                Fate::Later(1, *rng.pick(&[C::Thanks, C::Done, C::Fyi]))
            };
            (ITEMS_HELP, RaisedBy::Person, timing, fate)
        }
        OpenTag::Todo => {
            let raised = if rng.percent(50) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let timing = action_timing(rng);
            let later = rng.weighted(&[(1, 35), (2, 35), (3, 20), (4, 10)]);
            let close = rng.weighted(&[
                (C::Done, 75),
                (C::Wont, 8),
                (C::Move, 10),
                (C::Duplicate, 3),
                (C::Fyi, 4),
            ]);
            (ITEMS_TODO, raised, timing, Fate::Later(later, close))
        }
        OpenTag::Doto => {
            let raised = if rng.percent(60) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let timing = action_timing(rng);
            let fate = if rng.percent(30) {
                Fate::On(business_day(plus(date, rng.range(1, 6))), C::Done)
            } else {
                let close = rng.weighted(&[(C::Done, 70), (C::Sorry, 10), (C::Fyi, 20)]);
                Fate::Later(1 + rng.below(3), close)
            };
            (ITEMS_DOTO, raised, timing, fate)
        }
        OpenTag::Discuss => {
            let raised = if rng.percent(50) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let close = rng.weighted(&[
                (C::Fyi, 40),
                (C::Done, 25),
                (C::Feedback, 20),
                (C::Idea, 15),
            ]);
            let fate = if rng.percent(30) {
                Fate::Now(close)
            } else {
                Fate::Later(1 + rng.below(2), close)
            };
            (ITEMS_DISCUSS, raised, None, fate)
        }
        OpenTag::Review => {
            let timing = if rng.percent(30) {
                Some(Timing::Date(plus(date, rng.range(2, 10))))
            } else {
                None
            };
            let close = if rng.percent(50) {
                C::Feedback
            } else {
                C::Done
            };
            (
                ITEMS_REVIEW,
                RaisedBy::Person,
                timing,
                Fate::Later(1 + rng.below(2), close),
            )
        }
        OpenTag::Think => {
            let close = rng.weighted(&[(C::Idea, 50), (C::Fyi, 25), (C::Wont, 25)]);
            (
                ITEMS_THINK,
                RaisedBy::Leader,
                None,
                Fate::Later(2 + rng.below(4), close),
            )
        }
    };
    let fate = match fate {
        Fate::On(day, t) if day > w.today => Fate::Later(1, t),
        f => f,
    };
    (tag, raised, fill_in(rng.line(pool), vars), timing, fate)
}

/// What the notes of a held 1:1 say about the living agenda and the moment.
#[derive(Debug, Clone, Copy)]
struct NotesShape {
    carried: usize,
    closing: usize,
    added: usize,
    first_of_joiner: bool,
    leaving: bool,
}

fn held_notes(
    w: &World<'_>,
    idx: usize,
    date: NaiveDate,
    rng: &mut Rng,
    vars: &[(&'static str, String)],
    shape: NotesShape,
) -> (String, Vec<String>) {
    let p = &w.team[idx];
    let mut parts: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();

    if shape.first_of_joiner {
        parts.push(fill_in(
            "Welcome, {first}! First 1:1. Walked through how I run 1:1s: one living agenda that \
             we keep modifying (not a new doc each week), the hallway tags (HELP, TODO, DOTO…), \
             and the monthly update flow aligned to the releases.",
            vars,
        ));
    } else if shape.leaving {
        parts.push(fill_in(
            "Last 1:1 before {first} moves to a new team. Thanked {first} for the {group} work; \
             open items handed over.",
            vars,
        ));
        tags.push("career".to_string());
        tags.push("transition".to_string());
    } else if rng.percent(60) {
        parts.push(fill_in(rng.line(OPENERS), vars));
    }

    let recent_joiner = p.since >= w.start && days_between(p.since, date) <= 45;
    let mut chosen: Vec<&Topic> = Vec::new();
    if recent_joiner {
        chosen.push(&ONBOARDING);
    }
    let wanted = if shape.leaving {
        1
    } else {
        2 + usize::from(rng.percent(40))
    };
    let weights: Vec<(usize, usize)> = TOPICS
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.weight))
        .collect();
    let mut guard = 0;
    while chosen.len() < wanted && guard < 20 {
        guard += 1;
        let t = &TOPICS[rng.weighted(&weights)];
        if !chosen.iter().any(|c| c.tag == t.tag) {
            chosen.push(t);
        }
    }
    for t in chosen {
        if rng.percent(30) && t.lines.len() > 1 {
            let a = rng.below(t.lines.len());
            let b = (a + 1 + rng.below(t.lines.len() - 1)) % t.lines.len();
            parts.push(format!(
                "**{}**\n- {}\n- {}",
                t.heading,
                fill_in(t.lines[a], vars),
                fill_in(t.lines[b], vars)
            ));
        } else {
            parts.push(format!(
                "**{}**\n{}",
                t.heading,
                fill_in(rng.line(t.lines), vars)
            ));
        }
        if !tags.iter().any(|x| x == t.tag) {
            tags.push(t.tag.to_string());
        }
    }

    if shape.carried + shape.added > 0 {
        let mut line = if shape.carried > 0 {
            match shape.carried {
                1 => "**Agenda**: went through the one open item".to_string(),
                n => format!("**Agenda**: went through the {n} open items"),
            }
        } else {
            "**Agenda**: nothing carried over".to_string()
        };
        if shape.closing > 0 {
            line.push_str(&format!("; {} ready to remove", shape.closing));
        }
        if shape.added > 0 {
            line.push_str(&format!("; {} new", shape.added));
        }
        line.push('.');
        parts.push(line);
    }
    if !shape.leaving && rng.percent(25) {
        parts.push(fill_in(rng.line(NEXT_TIME), vars));
    }
    (parts.join("\n\n"), tags)
}

fn mr_link(rng: &mut Rng, d: NaiveDate) -> String {
    let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(d), d).max(0) as u64;
    format!(
        "https://gitlab.com/gitlab-com/www-gitlab-com/-/merge_requests/{}",
        20_000 + days * 55 + rng.below(50) as u64
    )
}

fn okr_link(rng: &mut Rng, d: NaiveDate) -> String {
    let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(d), d).max(0) as u64;
    format!(
        "https://gitlab.com/gitlab-com/gitlab-OKRs/-/work_items/{}",
        1_000 + days * 4 + rng.below(4) as u64
    )
}

/// An update that is owed, and the days it may be done on.
struct Owed {
    /// The PM, or `None` for the leader.
    person: Option<PersonId>,
    kind: UpdateKind,
    period: Period,
    due: NaiveDate,
    /// When it is done on time: days from `due`, earliest and latest.
    early: (i64, i64),
    /// Never done before this day (the start of the person's history).
    floor: NaiveDate,
    /// Never done after this day (the end of the person's history).
    end: NaiveDate,
}

/// One accountability update: mostly done on time, some late, a few stuck in
/// review or missing; when the planned day is still ahead, in review or not
/// started.
fn write_update(w: &World<'_>, rng: &mut Rng, owed: Owed, report: &mut DemoReport) -> Result<()> {
    let Owed {
        person,
        kind,
        period,
        due,
        early,
        floor,
        end,
    } = owed;
    let roll = rng.below(100);
    let planned = match roll {
        0..=2 => return Ok(()),
        3..=5 => None,
        6..=12 => Some(plus(due, rng.range(2, 16))),
        _ => Some(plus(due, rng.range(early.0, early.1))),
    };
    let link_day = planned.unwrap_or(due).min(w.today);
    let link = if kind == UpdateKind::Okrs {
        okr_link(rng, link_day)
    } else {
        mr_link(rng, link_day)
    };
    let (status, done_on, link) = match planned {
        None => (UpdateStatus::InReview, None, Some(link)),
        Some(d) => {
            let d = d.max(floor);
            if d <= end {
                (UpdateStatus::Done, Some(d), Some(link))
            } else if end < w.today {
                // They left before doing it.
                return Ok(());
            } else if days_between(w.today, d) <= 7 {
                (UpdateStatus::InReview, None, Some(link))
            } else {
                (UpdateStatus::NotStarted, None, None)
            }
        }
    };
    updates::insert(
        w.conn,
        &UpdateInput {
            person_id: person,
            kind,
            period,
            status,
            done_on,
            link,
        },
    )?;
    report.updates += 1;
    Ok(())
}

fn person_updates(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Updates, idx);
    let fy = w.settings.fiscal_year_start_month;
    let last = Month::of(w.today);
    let mut m = Month::of(base);
    while m <= last {
        let due = calendar::release_day(m, w.settings.release_day);
        let owed = due >= base && p.archived_on.is_none_or(|a| due < a);
        if owed {
            let period = Period::Month(m);
            // The next-release update of M is written before M's release.
            write_update(
                w,
                &mut rng,
                Owed {
                    person: Some(pid),
                    kind: UpdateKind::NextRelease,
                    period,
                    due,
                    early: (-12, -1),
                    floor: base,
                    end,
                },
                report,
            )?;
            write_update(
                w,
                &mut rng,
                Owed {
                    person: Some(pid),
                    kind: UpdateKind::ThreeMonthVision,
                    period,
                    due,
                    early: (-8, 1),
                    floor: base,
                    end,
                },
                report,
            )?;
            let q = FiscalQuarter::containing(m, fy);
            if q.first_month(fy) == m {
                write_update(
                    w,
                    &mut rng,
                    Owed {
                        person: Some(pid),
                        kind: UpdateKind::Okrs,
                        period: Period::Quarter(q),
                        due,
                        early: (-14, 2),
                        floor: base,
                        end,
                    },
                    report,
                )?;
            }
        }
        m = m.next();
    }
    Ok(())
}

fn portfolio_direction(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let mut rng = Rng::new(w.seed, Stream::Portfolio, 0);
    let last = Month::of(w.today);
    let mut m = Month::of(w.start);
    while m <= last {
        let due = calendar::release_day(m, w.settings.release_day);
        if due >= w.start {
            write_update(
                w,
                &mut rng,
                Owed {
                    person: None,
                    kind: UpdateKind::PortfolioDirection,
                    period: Period::Month(m),
                    due,
                    early: (-6, 3),
                    floor: w.start,
                    end: w.today,
                },
                report,
            )?;
        }
        m = m.next();
    }
    Ok(())
}

fn internal_customers(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Customers, idx);
    let count = if p.link_count == 0 { 1 } else { p.link_count };
    // (team, category) of this person's links not archived yet.
    let mut active: Vec<(&'static str, &'static str)> = Vec::new();
    for slot in 0..count {
        let mut since = if p.since < w.start {
            p.since.max(plus(w.start, -rng.range(0, 120)))
        } else {
            plus(base, rng.range(3, 14))
        };
        let mut generation = 0usize;
        while since <= end {
            let category = p.categories[(slot + generation) % p.categories.len()];
            let preferred = p.teams.get(slot).copied().filter(|_| generation == 0);
            let mut team = preferred.unwrap_or_else(|| *rng.pick(TEAMS));
            let mut tries = 0;
            while active.contains(&(team, category)) && tries < TEAMS.len() {
                team =
                    TEAMS[(TEAMS.iter().position(|t| *t == team).unwrap_or(0) + 1) % TEAMS.len()];
                tries += 1;
            }
            let link = customers::insert_link(
                w.conn,
                &CustomerLinkInput {
                    person_id: pid,
                    team: team.to_string(),
                    category: category.to_string(),
                    since,
                },
            )?;
            report.customer_links += 1;
            active.push((team, category));

            let life_end = plus(since, rng.range(300, 1000));
            let archive = if life_end <= end {
                Some(life_end)
            } else {
                p.archived_on
            };
            // Check-ins happen before the link (or the person) goes, and
            // stop early on a lapsed link.
            let stop = archive.unwrap_or(plus(w.today, 1)).min(plus(end, 1));
            let lapsed =
                archive.is_none() && ((p.plant.lapsed_link && slot == 0) || rng.percent(4));
            let cutoff = if lapsed {
                plus(w.today, -rng.range(45, 60))
            } else {
                w.today
            };
            let mut d = business_day(plus(since.max(w.start), rng.range(3, 20)));
            while d < stop && d <= cutoff {
                let epic_updated = rng.percent(55);
                let mut vars = w.vars(idx, d, &mut rng);
                if let Some(v) = vars.iter_mut().find(|(k, _)| *k == "team") {
                    v.1 = team.to_string();
                }
                if let Some(v) = vars.iter_mut().find(|(k, _)| *k == "category") {
                    v.1 = category.to_string();
                }
                let epic = if epic_updated {
                    "Internal customer section of the category epic updated."
                } else {
                    "Epic not updated yet; notes are in the agenda doc."
                };
                let notes = format!(
                    "{} {}\n\n{}",
                    fill_in(rng.line(CHECK_IN_OPENERS), &vars),
                    fill_in(rng.line(CHECK_IN_BODIES), &vars),
                    epic
                );
                customers::insert_check_in(
                    w.conn,
                    &CheckInInput {
                        link_id: link.id,
                        date: d,
                        epic_updated,
                        notes,
                    },
                )?;
                report.check_ins += 1;
                let gap = if rng.percent(10) {
                    rng.range(36, 50)
                } else {
                    rng.range(21, 33)
                };
                d = business_day(plus(d, gap));
            }
            match archive {
                Some(a) => {
                    customers::archive_link(w.conn, link.id, a)?;
                    active.retain(|k| *k != (team, category));
                    if p.archived_on == Some(a) {
                        break;
                    }
                    since = a;
                    generation += 1;
                }
                None => break,
            }
        }
    }
    Ok(())
}

fn person_wins(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Wins, idx);
    let planted = if p.plant.unshared_win {
        Some(business_day(plus(w.today, -10)).max(base)).filter(|d| *d <= end)
    } else {
        None
    };
    let limit = planted.map_or(end, |d| plus(d, -1));
    let mut d = business_day(plus(base, rng.range(10, 45)));
    while d <= limit {
        let vars = w.vars(idx, d, &mut rng);
        let win = wins::insert(
            w.conn,
            &WinInput {
                person_id: pid,
                noted_on: d,
                text: fill_in(win_line(&mut rng, p, d), &vars),
            },
        )?;
        report.wins += 1;
        let lag = match rng.below(100) {
            0..=69 => rng.range(0, 3),
            70..=89 => rng.range(4, 6),
            _ => rng.range(8, 14),
        };
        let shared = business_day(plus(d, lag));
        let forgotten = days_between(d, w.today) <= 90 && rng.percent(3);
        if shared <= w.today && !forgotten {
            wins::share(w.conn, win.id, shared, Some(rng.line(SHARED_WHERE)))?;
        }
        d = business_day(plus(d, rng.range(25, 75)));
    }
    if let Some(d) = planted {
        let vars = w.vars(idx, d, &mut rng);
        wins::insert(
            w.conn,
            &WinInput {
                person_id: pid,
                noted_on: d,
                text: fill_in(win_line(&mut rng, p, d), &vars),
            },
        )?;
        report.wins += 1;
    }
    Ok(())
}

/// A win's text; newcomers do not mentor yet.
fn win_line(rng: &mut Rng, p: &Profile, d: NaiveDate) -> &'static str {
    if days_between(p.since, d) < 180 {
        rng.line(&WINS[..WINS.len() - 1])
    } else {
        rng.line(WINS)
    }
}

/// The stages of the tracked people active on `d`, sorted.
fn team_stages(w: &World<'_>, d: NaiveDate) -> Vec<&'static str> {
    let mut stages: Vec<&'static str> = w
        .team
        .iter()
        .filter(|p| p.tracked && p.active_on(d))
        .map(|p| p.stage)
        .collect();
    stages.sort_unstable();
    stages.dedup();
    stages
}

fn walkthrough_history(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let mut rng = Rng::new(w.seed, Stream::Walkthroughs, 0);
    let mut rotation = 0usize;
    let last = Month::of(w.today);
    let mut m = Month::of(w.start);
    while m <= last {
        let lo = m.first_day().max(w.start);
        let hi = m.last_day().min(w.today);
        let mut stages = team_stages(w, lo);
        if stages.is_empty() {
            stages.push(w.team[0].stage);
        }
        let per_month = 1 + stages.len() / 6;
        let mut previous = lo;
        for k in 0..per_month {
            let mut day = plus(m.first_day(), 8 + 7 * k as i64 + rng.range(0, 6));
            if day < lo {
                day = plus(lo, rng.range(0, days_between(lo, hi).min(6)));
            }
            let day = business_day(day.max(previous));
            if day > hi {
                break;
            }
            previous = plus(day, 1);
            let s1 = stages[rotation % stages.len()];
            let s2 = stages[(rotation + 1) % stages.len()];
            rotation += 2;
            let mut covered = vec![s1];
            if s2 != s1 {
                covered.push(s2);
            }
            let cat_of = |stage: &str, rng: &mut Rng| -> &'static str {
                let cats = categories_of(stage, &[]);
                cats[rng.below(cats.len())]
            };
            let c1 = cat_of(s1, &mut rng);
            let mut c2 = cat_of(s2, &mut rng);
            if c2 == c1 {
                c2 = categories_of(s2, &[])
                    .into_iter()
                    .find(|c| *c != c1)
                    .unwrap_or(c1);
            }
            let mut categories = vec![c1.to_string()];
            if c2 != c1 {
                categories.push(c2.to_string());
            }
            let vars: Vec<(&'static str, String)> = vec![
                ("cat1", c1.to_string()),
                ("cat2", c2.to_string()),
                ("stage1", s1.to_string()),
                ("stage2", s2.to_string()),
            ];
            let journey = rng.pick(JOURNEYS);
            let i1 = rng.below(FRICTION.len());
            let i2 = (i1 + 1 + rng.below(FRICTION.len() - 1)) % FRICTION.len();
            let (f1, f2) = (FRICTION[i1], FRICTION[i2]);
            let findings = format!(
                "## Summary\nWalked through {journey} as a new user on a Premium trial, across {}.\n\n\
                 ## What worked\n- {}\n\n\
                 ## Friction\n- **{c1}** ({s1}): {f1}\n- **{c2}** ({s2}): {f2}\n\n\
                 ## Follow-ups\n- [ ] {}\n- [ ] {}\n- [ ] Share the recording in #product",
                covered.join(" and "),
                fill_in(rng.line(WORKED), &vars),
                fill_in(FOLLOW_UPS[rng.below(2)], &vars),
                fill_in(FOLLOW_UPS[2 + rng.below(2)], &vars),
            );
            let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(day), day).max(0);
            walkthroughs::insert(
                w.conn,
                &WalkthroughInput {
                    date: day,
                    title: format!("Product walk-through: {journey}"),
                    stages: covered.iter().map(|s| s.to_string()).collect(),
                    categories,
                    findings,
                    issue_link: Some(format!(
                        "https://gitlab.com/gitlab-com/Product/-/issues/{}",
                        5_000 + days * 3 + rng.range(0, 2)
                    )),
                },
            )?;
            report.walkthroughs += 1;
        }
        m = m.next();
    }
    Ok(())
}

/// Up to `n` tracked people active on `d`, other than `except`, found by a
/// bounded number of random tries (so the cost does not grow with the team).
fn some_colleagues(
    w: &World<'_>,
    rng: &mut Rng,
    d: NaiveDate,
    except: Option<usize>,
    n: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    for _ in 0..32 {
        if out.len() >= n {
            break;
        }
        let j = rng.below(w.team.len());
        if Some(j) != except && !out.contains(&j) && w.team[j].tracked && w.team[j].active_on(d) {
            out.push(j);
        }
    }
    out
}

fn candidate_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn hiring_history(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let mut rng = Rng::new(w.seed, Stream::Hiring, 0);

    // The filled requisition behind each person who joined during the history.
    for (idx, p) in w.team.iter().enumerate() {
        if p.since <= w.start {
            continue;
        }
        let closed = plus(p.since, -rng.range(14, 30));
        let opened = plus(closed, -rng.range(45, 80)).max(w.start);
        if days_between(opened, closed) < 21 {
            continue;
        }
        let req = hiring::insert_requisition(
            w.conn,
            &RequisitionInput {
                title: p.title.clone(),
                level: p.level,
                opened_on: opened,
            },
        )?;
        report.requisitions += 1;
        let em = format!("{} {}", p.em, rng.pick(LAST_NAMES));
        hiring::insert_loop_member(
            w.conn,
            &LoopMemberInput {
                requisition_id: req.id,
                member: Participant::Name(em.clone()),
                role: format!("Engineering Manager, {}", p.area()),
                works_with_hire: true,
            },
        )?;
        let peers = some_colleagues(w, &mut rng, opened, Some(idx), 2);
        for (k, j) in peers.iter().enumerate() {
            hiring::insert_loop_member(
                w.conn,
                &LoopMemberInput {
                    requisition_id: req.id,
                    member: Participant::Person(w.ids[*j]),
                    role: if k == 0 {
                        "Peer PM".to_string()
                    } else {
                        "Cross-stage PM interview".to_string()
                    },
                    works_with_hire: k == 0,
                },
            )?;
        }
        let mut panel: Vec<Participant> = vec![Participant::Name(em)];
        panel.extend(peers.iter().map(|j| Participant::Person(w.ids[*j])));
        let interviews = 2 + rng.below(3);
        let room = days_between(plus(opened, 7), plus(closed, -3)).max(0);
        for k in 0..=interviews {
            let last = k == interviews;
            let day = if last {
                plus(closed, -rng.range(3, 6).min(days_between(opened, closed)))
            } else {
                plus(opened, 7 + room * k as i64 / (interviews as i64 + 1))
            };
            let candidate = if last {
                p.name.clone()
            } else {
                candidate_name(&mut rng)
            };
            let who = if last {
                panel.clone()
            } else {
                vec![panel[k % panel.len()].clone()]
            };
            hiring::insert_interview(
                w.conn,
                &InterviewInput {
                    requisition_id: req.id,
                    date: business_day(day).min(closed),
                    candidate,
                    interviewers: who,
                },
            )?;
            report.interviews += 1;
        }
        hiring::close_requisition(w.conn, req.id, RequisitionStatus::Filled, closed)?;
    }

    // The open requisition, with a PM who will work with the hire in the loop.
    let opened = plus(w.today, -40).max(w.start);
    let req = hiring::insert_requisition(
        w.conn,
        &RequisitionInput {
            title: "Senior Product Manager, Verify:Pipeline Authoring".to_string(),
            level: Level::Ic,
            opened_on: opened,
        },
    )?;
    report.requisitions += 1;
    let eligible = |p: &Profile| p.tracked && p.active_on(opened) && p.active_on(w.today);
    let peer = w
        .team
        .iter()
        .position(|p| eligible(p) && p.stage == "Verify")
        .or_else(|| w.team.iter().position(eligible));
    let other = peer.and_then(|first| {
        w.team.iter().enumerate().position(|(j, p)| {
            j != first && eligible(p) && p.family != JobFamily::GroupManagerProduct
        })
    });
    let hannah = Participant::Name("Hannah Schmidt".to_string());
    let lucas = Participant::Name("Lucas Moreau".to_string());
    let grace = Participant::Name("Grace Liu".to_string());
    let mut members: Vec<(Participant, String, bool)> = Vec::new();
    if let Some(j) = peer {
        members.push((
            Participant::Person(w.ids[j]),
            format!("Peer PM, {}", w.team[j].area()),
            true,
        ));
    }
    members.push((
        hannah.clone(),
        "Engineering Manager, Pipeline Authoring".to_string(),
        true,
    ));
    members.push((lucas.clone(), "Product Designer, Verify".to_string(), true));
    if let Some(j) = other {
        members.push((
            Participant::Person(w.ids[j]),
            "Cross-stage PM interview".to_string(),
            false,
        ));
    }
    members.push((grace, "Recruiter".to_string(), false));
    for (member, role, works_with_hire) in members {
        hiring::insert_loop_member(
            w.conn,
            &LoopMemberInput {
                requisition_id: req.id,
                member,
                role,
                works_with_hire,
            },
        )?;
    }
    let person = |j: Option<usize>| j.map(|j| Participant::Person(w.ids[j]));
    let panels: Vec<Vec<Participant>> = vec![
        person(peer).into_iter().chain([hannah.clone()]).collect(),
        [lucas.clone()].into_iter().chain(person(other)).collect(),
        vec![hannah.clone(), lucas.clone()],
        person(peer).into_iter().chain([lucas]).collect(),
        person(other).into_iter().chain([hannah]).collect(),
    ];
    const CANDIDATES: &[&str] = &[
        "Anika Sharma",
        "Marcus Johnson",
        "Elena Popescu",
        "Tobias Lindqvist",
        "Nomvula Dlamini",
        "Rahul Iyer",
    ];
    let mut day = business_day(plus(opened, 8));
    let mut k = 0;
    while day <= w.today {
        hiring::insert_interview(
            w.conn,
            &InterviewInput {
                requisition_id: req.id,
                date: day,
                candidate: CANDIDATES[k % CANDIDATES.len()].to_string(),
                interviewers: panels[k % panels.len()].clone(),
            },
        )?;
        report.interviews += 1;
        k += 1;
        day = business_day(plus(day, rng.range(5, 9)));
    }
    Ok(())
}
