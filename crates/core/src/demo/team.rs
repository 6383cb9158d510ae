//! The team: the curated eight and, in big mode, generated people.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::catalogue::{group_info, FIRST_NAMES, GROUPS, LAST_NAMES};
use super::days::{days_between, early_week_day, plus};
use super::rng::{Rng, Stream};
use crate::model::{JobFamily, Level, OpenTag, PersonId, PersonInput, Scope, ScopeKind};

/// Things deliberately left for the nudges to find.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Plant {
    /// The last two 1:1s skipped and cancelled: the 1:1 is overdue.
    pub(super) overdue_one_on_one: bool,
    /// An open TODO or DOTO whose timing has passed.
    pub(super) overdue_action: Option<OpenTag>,
    /// An open HELP request, unanswered for days.
    pub(super) open_help: bool,
    /// The first internal customer has had no check-in for weeks.
    pub(super) lapsed_link: bool,
    /// A win noted ten days ago, not shared yet.
    pub(super) unshared_win: bool,
    /// The CDF review slipped: the last one was over three months ago.
    pub(super) overdue_cdf: bool,
    /// No career conversation for over half a year (it shows in histories
    /// longer than that; the floor hides it in shorter ones).
    pub(super) no_career: bool,
    /// A skip-level report not met for over a quarter.
    pub(super) overdue_skip_level: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Tenure {
    /// On the team since this many days before the history starts.
    Before(i64),
    /// Joined about a month ago.
    Joiner,
    /// On the team since this many days before the history; left about six
    /// weeks ago.
    Leaver(i64),
}

pub(super) struct Curated {
    pub(super) name: &'static str,
    pub(super) first: &'static str,
    pub(super) title: &'static str,
    pub(super) family: JobFamily,
    pub(super) level: Level,
    pub(super) kind: ScopeKind,
    pub(super) groups: &'static [&'static str],
    pub(super) tenure: Tenure,
    pub(super) cadence: Option<u32>,
    pub(super) tracked: bool,
    pub(super) weekday: u32,
    pub(super) em: &'static str,
    pub(super) teams: &'static [&'static str],
    pub(super) plant: Plant,
}

/// The demo team, in the order people are taken.
pub(super) const CURATED: &[Curated] = &[
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
            overdue_cdf: false,
            no_career: true,
            overdue_skip_level: false,
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
            overdue_cdf: false,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: true,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: false,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: true,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: false,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: false,
            no_career: false,
            overdue_skip_level: false,
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
            overdue_cdf: false,
            no_career: false,
            overdue_skip_level: false,
        },
    },
];

/// A skip-level report of the curated team: a PM who reports to one of the
/// leader's managers, and whom the leader meets in skip-level 1:1s.
pub(super) struct CuratedReport {
    pub(super) name: &'static str,
    pub(super) first: &'static str,
    pub(super) title: &'static str,
    pub(super) family: JobFamily,
    pub(super) group: &'static str,
    /// The manager's name, one of [`CURATED`].
    pub(super) manager: &'static str,
    /// On the team since this many days before the history starts.
    pub(super) before: i64,
    pub(super) weekday: u32,
    pub(super) em: &'static str,
    /// Not met for over a quarter: the skip-level is overdue.
    pub(super) overdue: bool,
}

/// The skip-level reports, added after the direct reports when their
/// manager is on the demo team.
pub(super) const SKIP_LEVELS: &[CuratedReport] = &[
    CuratedReport {
        name: "Tomás Ferreira",
        first: "Tomás",
        title: "Product Manager, Create:Code Review",
        family: JobFamily::ProductManager,
        group: "Code Review",
        manager: "Mei Lin Chen",
        before: 320,
        weekday: 3,
        em: "Ingrid",
        overdue: false,
    },
    CuratedReport {
        name: "Aisling Murphy",
        first: "Aisling",
        title: "Senior Product Manager, Create:Editor Extensions",
        family: JobFamily::SeniorProductManager,
        group: "Editor Extensions",
        manager: "Mei Lin Chen",
        before: 540,
        weekday: 1,
        em: "Pedro",
        overdue: true,
    },
];

/// One person of the demo team, with what the generator needs to know.
pub(super) struct Profile {
    pub(super) name: String,
    pub(super) first: String,
    pub(super) title: String,
    pub(super) family: JobFamily,
    pub(super) level: Level,
    pub(super) kind: ScopeKind,
    pub(super) section: &'static str,
    pub(super) stage: &'static str,
    pub(super) groups: Vec<&'static str>,
    pub(super) categories: Vec<&'static str>,
    pub(super) since: NaiveDate,
    pub(super) archived_on: Option<NaiveDate>,
    pub(super) cadence: Option<u32>,
    pub(super) tracked: bool,
    /// 1:1 weekday, 0 (Monday) to 3 (Thursday).
    pub(super) weekday: u32,
    /// The engineering manager counterpart's first name.
    pub(super) em: &'static str,
    /// Preferred internal customers.
    pub(super) teams: Vec<&'static str>,
    pub(super) link_count: usize,
    pub(super) plant: Plant,
    /// A skip-level report's manager: their place in the team.
    pub(super) reports_to: Option<usize>,
}

impl Profile {
    /// The person to add; `reports_to` is the manager's id, if any.
    pub(super) fn input(&self, reports_to: Option<PersonId>) -> PersonInput {
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
            reports_to,
        }
    }

    pub(super) fn active_on(&self, d: NaiveDate) -> bool {
        self.since <= d && self.archived_on.is_none_or(|a| a > d)
    }

    /// The group (or stage) the person's work is about, for text.
    pub(super) fn area(&self) -> &'static str {
        self.groups.first().copied().unwrap_or(self.stage)
    }

    pub(super) fn next_title(&self) -> &'static str {
        match self.family {
            JobFamily::ProductManager => "Senior Product Manager",
            JobFamily::SeniorProductManager => "Principal Product Manager",
            JobFamily::PrincipalProductManager => "Group Manager, Product",
            JobFamily::GroupManagerProduct => "Director of Product",
            _ => "the next level",
        }
    }
}

pub(super) fn categories_of(stage: &str, groups: &[&'static str]) -> Vec<&'static str> {
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

pub(super) fn plan_team(
    today: NaiveDate,
    start: NaiveDate,
    seed: u64,
    size: usize,
) -> Vec<Profile> {
    let span = days_between(start, today);
    let mut used: HashSet<String> = CURATED
        .iter()
        .map(|c| c.name)
        .chain(SKIP_LEVELS.iter().map(|r| r.name))
        .map(str::to_lowercase)
        .collect();
    let mut team = Vec::with_capacity(size + SKIP_LEVELS.len());
    for c in CURATED.iter().take(size) {
        team.push(curated_profile(c, today, start, span));
    }
    for i in CURATED.len()..size {
        team.push(generated_profile(i, seed, today, start, span, &mut used));
    }
    // Last, so that the direct reports keep their ids and histories.
    for r in SKIP_LEVELS {
        if let Some(m) = team.iter().position(|p| p.name == r.manager) {
            let report = skip_level_profile(r, m, &team[m], start);
            team.push(report);
        }
    }
    team
}

/// A skip-level report of the manager `team[m]`: on the manager's stage,
/// untracked, leaving when the manager leaves.
pub(super) fn skip_level_profile(
    r: &CuratedReport,
    m: usize,
    manager: &Profile,
    start: NaiveDate,
) -> Profile {
    let info = group_info(r.group);
    Profile {
        name: r.name.to_string(),
        first: r.first.to_string(),
        title: r.title.to_string(),
        family: r.family,
        level: Level::Ic,
        kind: ScopeKind::Group,
        section: info.section,
        stage: info.stage,
        groups: vec![r.group],
        categories: categories_of(info.stage, &[r.group]),
        since: plus(start, -r.before),
        archived_on: manager.archived_on,
        cadence: None,
        tracked: false,
        weekday: r.weekday,
        em: r.em,
        teams: Vec::new(),
        link_count: 0,
        plant: Plant {
            overdue_skip_level: r.overdue,
            ..Plant::default()
        },
        reports_to: Some(m),
    }
}

pub(super) fn curated_profile(
    c: &Curated,
    today: NaiveDate,
    start: NaiveDate,
    span: i64,
) -> Profile {
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
        reports_to: None,
    }
}

pub(super) fn generated_profile(
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
        reports_to: None,
    }
}
