//! The rules of the practice catalogue, by id.
//!
//! Only the ids live here, so that the store (which keeps snoozed and
//! dismissed nudge keys, each starting with a rule's id) can name a rule
//! without reaching up into the review. Everything else about a rule — its
//! label, wording, practice and the function that applies it — is one row of
//! the table in [`crate::nudges::RULES`].

use serde::Serialize;

use crate::kinds::RecordKind;

/// The nudge rules, numbered as in the catalogue (the number is the order).
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
    /// 12. A PM is due a CDF review.
    CdfReview = 12,
    /// 13. A PM is due a career conversation (a held 1:1 tagged `career_tag`).
    CareerConversation = 13,
    /// 14. A skip-level report is due a skip-level meeting.
    SkipLevel = 14,
}

impl Rule {
    /// Every rule in catalogue order.
    pub const ALL: [Rule; 14] = [
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
        Rule::CdfReview,
        Rule::CareerConversation,
        Rule::SkipLevel,
    ];

    /// The rule id used in keys and output (`one_on_one`, `request`…).
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
            Rule::CdfReview => "cdf_review",
            Rule::CareerConversation => "career_conversation",
            Rule::SkipLevel => "skip_level",
        }
    }

    /// The rule whose id is `id`, if any.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == id)
    }

    /// Its number in the catalogue (1 to 14).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The kind of record whose id is the second part of this rule's keys
    /// (`request:<item>`, `one_on_one:<person>:<due>`…), if any: a key goes
    /// to the Trash, and comes back, with that record. (`update` keys name
    /// the person, or `leader`; walkthrough keys name a month or a stage;
    /// `skip_level` keys name the skip-level report, not their manager.)
    pub fn keyed_by(self) -> Option<RecordKind> {
        Some(match self {
            Rule::OneOnOne
            | Rule::Update
            | Rule::CdfReview
            | Rule::CareerConversation
            | Rule::SkipLevel => RecordKind::Person,
            Rule::Request | Rule::Action => RecordKind::AgendaItem,
            Rule::CustomerCheckIn | Rule::CustomerEpic => RecordKind::CustomerLink,
            Rule::HiringPeer | Rule::RequisitionStale => RecordKind::Requisition,
            Rule::WinUnshared => RecordKind::Win,
            Rule::Walkthrough | Rule::StageWalkthrough => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_serialized_names_and_numbers_the_order() {
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(
                serde_json::to_value(rule).unwrap(),
                serde_json::Value::from(rule.as_str())
            );
            assert_eq!(Rule::from_id(rule.as_str()), Some(rule));
            assert_eq!(usize::from(rule.number()), i + 1);
        }
        assert_eq!(Rule::from_id("nope"), None);
    }
}
