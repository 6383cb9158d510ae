//! Accountability updates: each PM's monthly updates and quarterly OKRs,
//! and the leader's portfolio direction.

use chrono::NaiveDate;

use super::days::{days_between, plus};
use super::rng::{Rng, Stream};
use super::text::{fill_in, OKR_OBJECTIVES};
use super::world::World;
use super::DemoReport;
use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::error::Result;
use crate::model::{KeyResult, Objective, PersonId, Score, UpdateInput, UpdateKind, UpdateStatus};
use crate::store::updates;

pub(super) fn mr_link(rng: &mut Rng, d: NaiveDate) -> String {
    let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(d), d).max(0) as u64;
    format!(
        "https://gitlab.com/gitlab-com/www-gitlab-com/-/merge_requests/{}",
        20_000 + days * 55 + rng.below(50) as u64
    )
}

pub(super) fn okr_link(rng: &mut Rng, d: NaiveDate) -> String {
    let days = days_between(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(d), d).max(0) as u64;
    format!(
        "https://gitlab.com/gitlab-com/gitlab-OKRs/-/work_items/{}",
        1_000 + days * 4 + rng.below(4) as u64
    )
}

/// An update that is owed, and the days it may be done on.
pub(super) struct Owed {
    /// The PM, or `None` for the leader.
    pub(super) person: Option<PersonId>,
    pub(super) kind: UpdateKind,
    pub(super) period: Period,
    pub(super) due: NaiveDate,
    /// When it is done on time: days from `due`, earliest and latest.
    pub(super) early: (i64, i64),
    /// Never done before this day (the start of the person's history).
    pub(super) floor: NaiveDate,
    /// Never done after this day (the end of the person's history).
    pub(super) end: NaiveDate,
    /// For OKRs: the objectives it holds once started.
    pub(super) objectives: Vec<Objective>,
}

/// One accountability update: mostly done on time, some late, a few stuck in
/// review or missing; when the planned day is still ahead, in review or not
/// started.
pub(super) fn write_update(
    w: &World<'_>,
    rng: &mut Rng,
    owed: Owed,
    report: &mut DemoReport,
) -> Result<()> {
    let Owed {
        person,
        kind,
        period,
        due,
        early,
        floor,
        end,
        objectives,
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
    let objectives = if status == UpdateStatus::NotStarted {
        Vec::new()
    } else {
        objectives
    };
    updates::insert(
        w.tx,
        &UpdateInput {
            person_id: person,
            kind,
            period,
            status,
            done_on,
            link,
            objectives,
        },
    )?;
    report.records.updates += 1;
    Ok(())
}

pub(super) fn person_updates(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Updates, idx);
    let mut okr_rng = Rng::new(w.seed, Stream::Okrs, idx);
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
                    objectives: Vec::new(),
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
                    objectives: Vec::new(),
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
                        objectives: okr_objectives(w, idx, &mut okr_rng, q, due),
                    },
                    report,
                )?;
            }
        }
        m = m.next();
    }
    Ok(())
}

/// The objectives of `idx`'s OKRs for quarter `q` (due on `due`): two or
/// three, each with two or three key results; scored once the quarter is
/// over (most around 0.7, GitLab's "good"), partly scored while it runs.
pub(super) fn okr_objectives(
    w: &World<'_>,
    idx: usize,
    rng: &mut Rng,
    q: FiscalQuarter,
    due: NaiveDate,
) -> Vec<Objective> {
    let fy = w.settings.fiscal_year_start_month;
    let last_day = q.months(fy)[2].last_day();
    let first_day = q.first_month(fy).first_day();
    let over = last_day < w.today;
    let running = !over && first_day <= w.today;
    let vars = w.vars(idx, due, rng);
    let count = 2 + usize::from(rng.percent(40));
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < count {
        let i = rng.below(OKR_OBJECTIVES.len());
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked
        .into_iter()
        .map(|i| {
            let (text, krs) = OKR_OBJECTIVES[i];
            let n = krs.len().min(2 + usize::from(rng.percent(60)));
            let key_results = krs[..n]
                .iter()
                .map(|kr| {
                    let scored = over || (running && rng.percent(50));
                    let score = if scored {
                        let tenths: u8 = if over {
                            rng.weighted(&[(3, 10), (5, 15), (6, 20), (7, 25), (8, 15), (10, 15)])
                        } else {
                            rng.weighted(&[(0, 20), (2, 30), (3, 30), (5, 20)])
                        };
                        Score::new(f64::from(tenths) / 10.0).ok()
                    } else {
                        None
                    };
                    KeyResult {
                        text: fill_in(kr, &vars),
                        score,
                    }
                })
                .collect();
            Objective {
                text: fill_in(text, &vars),
                key_results,
            }
        })
        .collect()
}

pub(super) fn portfolio_direction(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
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
                    objectives: Vec::new(),
                },
                report,
            )?;
        }
        m = m.next();
    }
    Ok(())
}
