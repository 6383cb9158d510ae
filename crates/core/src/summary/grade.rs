//! The headline grid's grades: one per PM × practice, from the month's
//! figures alone. The thresholds are documented in `docs/summary.md`
//! ("How the grid is graded"); keep the two in step.

use serde::Serialize;

use crate::calendar::Month;
use crate::nudges::{Practice, Rule};

use super::{Outcome, PersonMonth};

/// How a PM did on one practice in the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Nothing was owed or happened in the month.
    NotApplicable,
    /// On track: ✅.
    Ok,
    /// Partly: ⚠️.
    Partly,
    /// Missed: ❌.
    Missed,
}

impl Grade {
    /// ✅, ⚠️, ❌, or — for nothing owed.
    pub fn symbol(self) -> &'static str {
        match self {
            Grade::NotApplicable => "—",
            Grade::Ok => "✅",
            Grade::Partly => "⚠️",
            Grade::Missed => "❌",
        }
    }

    /// "on track", "partly", "missed", "nothing owed".
    pub fn label(self) -> &'static str {
        match self {
            Grade::NotApplicable => "nothing owed",
            Grade::Ok => "on track",
            Grade::Partly => "partly",
            Grade::Missed => "missed",
        }
    }

    /// The stable snake_case name (as in JSON and CSV).
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::NotApplicable => "not_applicable",
            Grade::Ok => "ok",
            Grade::Partly => "partly",
            Grade::Missed => "missed",
        }
    }
}

/// Grades one practice of one PM's month (its `coverage` field aside):
///
/// - **1:1s** — ✅ held ≥ expected; ⚠️ one short (at least one held); ❌
///   two or more short, or none held; — when none was expected and none held
///   (one held when none was expected is ✅).
/// - **Requests** — ❌ a request overdue at month end; else ⚠️ one closed in
///   the month after its due; else ✅; — when none was opened, closed or open.
/// - **Actions** — ❌ an action overdue at month end; else ✅; — when none
///   was opened, closed or open.
/// - **Updates** — ❌ one due in the month is missing; else ⚠️ one was done
///   late; else ✅; — when none was due.
/// - **Internal customers** — ❌ a check-in or category epic overdue at
///   month end; else ⚠️ a link active in the month had no check-in in it;
///   else ✅; — when no link was active.
/// - **Wins** — ❌ a win unshared past `win_share_days` at month end; else
///   ⚠️ a win noted in the month was not shared in it; else ✅; — when no win
///   was noted or shared.
/// - **CDF reviews**, **Career conversations** — ❌ one is overdue at month
///   end; else ✅; — when the PM left before the month's last day.
/// - **Skip-levels** — ❌ a skip-level with one of their skip-level reports
///   is overdue at month end; else ✅; — when they have none.
pub fn grade(p: &PersonMonth, practice: Practice) -> Grade {
    let worst_or_ok = |missed: bool, partly: bool| {
        if missed {
            Grade::Missed
        } else if partly {
            Grade::Partly
        } else {
            Grade::Ok
        }
    };
    match practice {
        Practice::OneOnOne => {
            let o = &p.one_on_ones;
            if o.expected == 0 {
                if o.held > 0 {
                    Grade::Ok
                } else {
                    Grade::NotApplicable
                }
            } else if o.held >= o.expected {
                Grade::Ok
            } else if o.held > 0 && o.held + 1 == o.expected {
                Grade::Partly
            } else {
                Grade::Missed
            }
        }
        Practice::Requests => {
            let r = &p.requests;
            if r.opened == 0 && r.closed == 0 && r.open_at_end == 0 {
                Grade::NotApplicable
            } else {
                worst_or_ok(p.overdue(Rule::Request) > 0, r.closed_on_time < r.closed)
            }
        }
        Practice::Actions => {
            let a = &p.actions;
            let any = [a.person, a.leader]
                .iter()
                .any(|c| c.opened + c.closed + c.open_at_end > 0);
            if !any {
                Grade::NotApplicable
            } else {
                worst_or_ok(p.overdue(Rule::Action) > 0, false)
            }
        }
        Practice::Updates => {
            if p.updates.is_empty() {
                Grade::NotApplicable
            } else {
                worst_or_ok(
                    p.updates.iter().any(|u| u.outcome == Outcome::Missing),
                    p.updates.iter().any(|u| u.outcome == Outcome::DoneLate),
                )
            }
        }
        Practice::Customers => {
            if p.customers.links_active == 0 {
                Grade::NotApplicable
            } else {
                worst_or_ok(
                    p.overdue(Rule::CustomerCheckIn) + p.overdue(Rule::CustomerEpic) > 0,
                    !p.customers.without_check_in.is_empty(),
                )
            }
        }
        Practice::Wins => {
            let w = &p.wins;
            let overdue = p.overdue(Rule::WinUnshared) > 0;
            if w.noted == 0 && w.shared == 0 && !overdue {
                Grade::NotApplicable
            } else {
                worst_or_ok(overdue, not_shared_in_month(p) > 0)
            }
        }
        Practice::CdfReviews | Practice::CareerConversations => {
            let rule = if practice == Practice::CdfReviews {
                Rule::CdfReview
            } else {
                Rule::CareerConversation
            };
            if p.active_to < Month::of(p.active_to).last_day() {
                Grade::NotApplicable
            } else {
                worst_or_ok(p.overdue(rule) > 0, false)
            }
        }
        Practice::SkipLevels => {
            if p.skip_level_reports == 0 {
                Grade::NotApplicable
            } else {
                worst_or_ok(p.overdue(Rule::SkipLevel) > 0, false)
            }
        }
    }
}

/// Wins noted in the month and not shared in it (shared later, or not yet).
pub(super) fn not_shared_in_month(p: &PersonMonth) -> u32 {
    // `active_to` is a day of the month summarised.
    let month = Month::of(p.active_to);
    p.wins
        .noted_in_month
        .iter()
        .filter(|w| w.shared_on.is_none_or(|s| Month::of(s) != month))
        .count() as u32
}
