//! The rule table: one row per rule of the catalogue, with everything every
//! front end says about it — its label, its wording in counts, the practice
//! (coverage-grid column) it belongs to, whose items it raises — and the
//! function that applies it. Today, the coverage grid, the digest, the
//! summary's renderers, the CLI and the UI (through the generated
//! `ui/src/lib/bindings/ruleTable.ts`) all read this table.
//!
//! **Adding a rule:** a variant of [`Rule`] (its id), a function in the
//! module of its practice, a row here (and a [`Practice`] column if it is a
//! new practice owed per PM), and table-driven tests in `crates/core/tests/`
//! (ARCHITECTURE.md, "A new rule", lists every file).

use serde::Serialize;

use super::{
    agenda, coaching, customers, hiring, people, updates, walkthroughs, wins, Items, Review,
};
use crate::model::{Person, PersonId};
use crate::rule::Rule;

/// A column of the coverage grid: a practice owed per PM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Practice {
    /// 1:1s by cadence.
    OneOnOne,
    /// Answering HELP requests.
    Requests,
    /// TODO/DOTO actions with a timing.
    Actions,
    /// Next release, 3-month vision and OKR updates.
    Updates,
    /// Internal-customer check-ins and category epics.
    Customers,
    /// Raising wins to senior leadership.
    Wins,
    /// CDF reviews.
    CdfReviews,
    /// Career conversations.
    CareerConversations,
    /// Skip-level meetings with the PM's own reports (counted on the row of
    /// the skip-level reports' manager).
    SkipLevels,
}

/// Whose items a rule raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    /// A tracked person's (rules 1–6 and 11–13).
    Person,
    /// A skip-level report's (rule 14): the item's person is the report, who
    /// is never tracked; per PM (the coverage grid, the summary) it counts
    /// with the report's manager (`reports_to`).
    Report,
    /// The leader's own, with no person (rules 7–10).
    Leader,
}

/// One row of the rule table.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Its heading on screen and in summaries ("1:1s", "Requests"…).
    pub label: &'static str,
    /// One item, in a count ("1 request").
    pub one: &'static str,
    /// Several items, in a count ("2 requests").
    pub many: &'static str,
    /// The coverage-grid column it counts in, if any.
    pub practice: Option<Practice>,
    /// Whose items it raises.
    pub whose: Whose,
    /// Applies the rule (not part of the data the front ends see).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub(super) apply: fn(&Review<'_>, &mut Items),
}

/// Every rule, in catalogue order (the row's index is the rule's number − 1).
pub static RULES: [RuleInfo; 14] = [
    RuleInfo {
        rule: Rule::OneOnOne,
        label: "1:1s",
        one: "1:1",
        many: "1:1s",
        practice: Some(Practice::OneOnOne),
        whose: Whose::Person,
        apply: people::one_on_one,
    },
    RuleInfo {
        rule: Rule::Request,
        label: "Requests",
        one: "request",
        many: "requests",
        practice: Some(Practice::Requests),
        whose: Whose::Person,
        apply: agenda::request,
    },
    RuleInfo {
        rule: Rule::Action,
        label: "Actions",
        one: "action",
        many: "actions",
        practice: Some(Practice::Actions),
        whose: Whose::Person,
        apply: agenda::action,
    },
    RuleInfo {
        rule: Rule::Update,
        label: "Updates",
        one: "update",
        many: "updates",
        practice: Some(Practice::Updates),
        whose: Whose::Person,
        apply: updates::update,
    },
    RuleInfo {
        rule: Rule::CustomerCheckIn,
        label: "Customer check-ins",
        one: "customer check-in",
        many: "customer check-ins",
        practice: Some(Practice::Customers),
        whose: Whose::Person,
        apply: customers::check_in,
    },
    RuleInfo {
        rule: Rule::CustomerEpic,
        label: "Category epics",
        one: "category epic",
        many: "category epics",
        practice: Some(Practice::Customers),
        whose: Whose::Person,
        apply: customers::epic,
    },
    RuleInfo {
        rule: Rule::Walkthrough,
        label: "Walkthroughs",
        one: "walkthrough",
        many: "walkthroughs",
        practice: None,
        whose: Whose::Leader,
        apply: walkthroughs::walkthrough,
    },
    RuleInfo {
        rule: Rule::StageWalkthrough,
        label: "Stage walkthroughs",
        one: "stage walkthrough",
        many: "stage walkthroughs",
        practice: None,
        whose: Whose::Leader,
        apply: walkthroughs::stage,
    },
    RuleInfo {
        rule: Rule::HiringPeer,
        label: "Hiring loops",
        one: "hiring loop",
        many: "hiring loops",
        practice: None,
        whose: Whose::Leader,
        apply: hiring::peer,
    },
    RuleInfo {
        rule: Rule::RequisitionStale,
        label: "Stale requisitions",
        one: "stale requisition",
        many: "stale requisitions",
        practice: None,
        whose: Whose::Leader,
        apply: hiring::stale,
    },
    RuleInfo {
        rule: Rule::WinUnshared,
        label: "Wins to share",
        one: "win to share",
        many: "wins to share",
        practice: Some(Practice::Wins),
        whose: Whose::Person,
        apply: wins::unshared,
    },
    RuleInfo {
        rule: Rule::CdfReview,
        label: "CDF reviews",
        one: "CDF review",
        many: "CDF reviews",
        practice: Some(Practice::CdfReviews),
        whose: Whose::Person,
        apply: coaching::cdf_review,
    },
    RuleInfo {
        rule: Rule::CareerConversation,
        label: "Career conversations",
        one: "career conversation",
        many: "career conversations",
        practice: Some(Practice::CareerConversations),
        whose: Whose::Person,
        apply: coaching::career_conversation,
    },
    RuleInfo {
        rule: Rule::SkipLevel,
        label: "Skip-levels",
        one: "skip-level",
        many: "skip-levels",
        practice: Some(Practice::SkipLevels),
        whose: Whose::Report,
        apply: coaching::skip_level,
    },
];

/// One column of the coverage grid.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PracticeInfo {
    /// The practice.
    pub practice: Practice,
    /// Its column heading.
    pub label: &'static str,
}

/// The coverage grid's columns, in order.
pub static PRACTICES: [PracticeInfo; 9] = [
    PracticeInfo {
        practice: Practice::OneOnOne,
        label: "1:1s",
    },
    PracticeInfo {
        practice: Practice::Requests,
        label: "Requests",
    },
    PracticeInfo {
        practice: Practice::Actions,
        label: "Actions",
    },
    PracticeInfo {
        practice: Practice::Updates,
        label: "Updates",
    },
    PracticeInfo {
        practice: Practice::Customers,
        label: "Internal customers",
    },
    PracticeInfo {
        practice: Practice::Wins,
        label: "Wins",
    },
    PracticeInfo {
        practice: Practice::CdfReviews,
        label: "CDF reviews",
    },
    PracticeInfo {
        practice: Practice::CareerConversations,
        label: "Career conversations",
    },
    PracticeInfo {
        practice: Practice::SkipLevels,
        label: "Skip-levels",
    },
];

impl Rule {
    /// Its row of [`RULES`].
    pub fn info(self) -> &'static RuleInfo {
        &RULES[usize::from(self.number()) - 1]
    }

    /// Its heading ("1:1s", "Requests"…).
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// `n` of its items: "1 request", "2 requests".
    pub fn count(self, n: usize) -> String {
        let info = self.info();
        crate::words::count(n, info.one, info.many)
    }

    /// The coverage-grid column it counts in, if any.
    pub fn practice(self) -> Option<Practice> {
        self.info().practice
    }

    /// Whether its items concern a person — a tracked person, or a
    /// skip-level report — rather than the leader.
    pub fn is_personal(self) -> bool {
        self.info().whose != Whose::Leader
    }

    /// The PM on whose row an item of this rule about `person` counts, per
    /// PM (the coverage grid, the summary's figures per PM): the person
    /// themself; for a skip-level report's item (rule 14), their manager
    /// (`reports_to`); `None` for the leader's items.
    pub fn counted_with(self, person: &Person) -> Option<PersonId> {
        match self.info().whose {
            Whose::Person => Some(person.id),
            Whose::Report => person.reports_to,
            Whose::Leader => None,
        }
    }
}

impl Practice {
    /// The columns, in order.
    pub fn all() -> impl Iterator<Item = Practice> {
        PRACTICES.iter().map(|p| p.practice)
    }

    /// Its row of [`PRACTICES`].
    pub fn info(self) -> &'static PracticeInfo {
        PRACTICES
            .iter()
            .find(|p| p.practice == self)
            .expect("every practice has a row")
    }

    /// Its column heading.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// Its stable snake_case id (as in JSON and CSV).
    pub fn as_str(self) -> &'static str {
        match self {
            Practice::OneOnOne => "one_on_one",
            Practice::Requests => "requests",
            Practice::Actions => "actions",
            Practice::Updates => "updates",
            Practice::Customers => "customers",
            Practice::Wins => "wins",
            Practice::CdfReviews => "cdf_reviews",
            Practice::CareerConversations => "career_conversations",
            Practice::SkipLevels => "skip_levels",
        }
    }

    /// The rules counted in this column.
    pub fn rules(self) -> impl Iterator<Item = Rule> {
        RULES
            .iter()
            .filter(move |r| r.practice == Some(self))
            .map(|r| r.rule)
    }
}

/// The rule table as the front ends see it: the rules and the practices,
/// without the functions.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalogue {
    /// Every rule, in catalogue order.
    pub rules: Vec<RuleInfo>,
    /// The coverage grid's columns, in order.
    pub practices: Vec<PracticeInfo>,
}

/// The rule table, for the front ends.
pub fn catalogue() -> Catalogue {
    Catalogue {
        rules: RULES.to_vec(),
        practices: PRACTICES.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_its_rule_in_catalogue_order() {
        assert_eq!(RULES.len(), Rule::ALL.len());
        for (row, rule) in RULES.iter().zip(Rule::ALL) {
            assert_eq!(row.rule, rule);
            assert!(!row.label.is_empty() && !row.one.is_empty() && !row.many.is_empty());
        }
        assert_eq!(Rule::Request.count(1), "1 request");
        assert_eq!(Rule::WinUnshared.count(2), "2 wins to share");
        assert_eq!(Rule::CdfReview.count(1), "1 CDF review");
        assert_eq!(Rule::CareerConversation.count(2), "2 career conversations");
        assert_eq!(Rule::SkipLevel.count(2), "2 skip-levels");
    }

    #[test]
    fn items_count_with_the_person_or_a_reports_manager() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let person = |id: i64, reports_to: Option<i64>| Person {
            id: PersonId(id),
            name: format!("P{id}"),
            title: String::new(),
            job_family: crate::model::JobFamily::ProductManager,
            level: crate::model::Level::Ic,
            scope: crate::model::Scope {
                kind: crate::model::ScopeKind::Group,
                section: None,
                stages: vec![],
                groups: vec![],
            },
            since: day,
            cadence_days: None,
            tracked: reports_to.is_none(),
            archived_on: None,
            reports_to: reports_to.map(PersonId),
        };
        let (pm, report) = (person(1, None), person(2, Some(1)));
        for row in &RULES {
            let want = match row.whose {
                Whose::Person | Whose::Report => Some(PersonId(1)),
                Whose::Leader => None,
            };
            let who = if row.whose == Whose::Report {
                &report
            } else {
                &pm
            };
            assert_eq!(row.rule.counted_with(who), want, "{:?}", row.rule);
            assert_eq!(row.rule.is_personal(), row.whose != Whose::Leader);
        }
        assert_eq!(Rule::SkipLevel.info().whose, Whose::Report);
    }

    #[test]
    fn practice_ids_are_their_serialized_names() {
        for p in Practice::all() {
            assert_eq!(
                serde_json::to_value(p).unwrap(),
                serde_json::Value::from(p.as_str())
            );
            assert!(p.rules().count() > 0, "{p:?} has no rule");
        }
    }
}
