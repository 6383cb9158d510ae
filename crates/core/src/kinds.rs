//! The kinds of record Coachlog keeps: one list, with each kind's table and
//! its words, and [`Counts`] — a number per kind — for everything that
//! counts records (the demo and import reports, "the database is not
//! empty", the benchmarks, the CLI).
//!
//! **Adding a record kind:** a line in the `record_kinds!` invocation
//! below (its [`RecordKind`] variant, its field of [`Counts`], its table
//! and words); then the migration, the model, the store module, the
//! interchange section and the rest of the house (ARCHITECTURE.md, "Where
//! changes go").

use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares the record kinds: the [`RecordKind`] enumeration and its table,
/// and [`Counts`] with one field per kind, in the same order.
macro_rules! record_kinds {
    ($($(#[$doc:meta])* $variant:ident = $id:literal => $field:ident: $table:literal, $one:literal, $many:literal;)*) => {
        /// A kind of record.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum RecordKind { $($(#[$doc])* #[serde(rename = $id)] $variant,)* }

        impl RecordKind {
            /// Every kind, in the order of the export file.
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$variant,)*];

            /// Its id (`person`, `one_on_one`…), as in JSON and the Trash.
            pub fn as_str(self) -> &'static str {
                match self { $(RecordKind::$variant => $id,)* }
            }

            /// The kind whose id is `id`.
            pub fn from_str_id(id: &str) -> Option<RecordKind> {
                match id { $($id => Some(RecordKind::$variant),)* _ => None }
            }

            /// Its name in JSON: the list of the export file and the field of
            /// [`Counts`] (`people`, `one_on_ones`…).
            pub fn key(self) -> &'static str {
                match self { $(RecordKind::$variant => stringify!($field),)* }
            }

            /// Its table in the database.
            pub fn table(self) -> &'static str {
                match self { $(RecordKind::$variant => $table,)* }
            }

            /// One record, in a count ("1 person").
            pub fn one(self) -> &'static str {
                match self { $(RecordKind::$variant => $one,)* }
            }

            /// Several records, in a count ("2 people").
            pub fn many(self) -> &'static str {
                match self { $(RecordKind::$variant => $many,)* }
            }

        }

        /// A number of records of each kind. (Read back with zeros for kinds
        /// it does not name, as those added after it was written.)
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(default)]
        pub struct Counts {
            $(
                #[doc = concat!(" How many ", $many, ".")]
                pub $field: usize,
            )*
        }

        impl Counts {
            /// The number of records of `kind`.
            pub fn get(&self, kind: RecordKind) -> usize {
                match kind { $(RecordKind::$variant => self.$field,)* }
            }

            /// The number of records of `kind`, to change.
            pub fn get_mut(&mut self, kind: RecordKind) -> &mut usize {
                match kind { $(RecordKind::$variant => &mut self.$field,)* }
            }
        }
    };
}

record_kinds! {
    /// A member of the team (`person`).
    Person = "person" => people: "person", "person", "people";
    /// A 1:1 (`one_on_one`).
    OneOnOne = "one_on_one" => one_on_ones: "one_on_one", "1:1", "1:1s";
    /// An item of a living agenda (`agenda_item`).
    AgendaItem = "agenda_item" => agenda_items: "agenda_item", "agenda item", "agenda items";
    /// An accountability update or portfolio direction (`accountability_update`).
    Update = "update" => updates: "accountability_update", "update", "updates";
    /// A PM's internal customer (`customer_link`).
    CustomerLink = "customer_link" => customer_links: "customer_link", "internal-customer link",
        "internal-customer links";
    /// A check-in with an internal customer (`check_in`).
    CheckIn = "check_in" => check_ins: "check_in", "check-in", "check-ins";
    /// A requisition (`requisition`).
    Requisition = "requisition" => requisitions: "requisition", "requisition", "requisitions";
    /// A member of a requisition's interview loop (`loop_member`).
    LoopMember = "loop_member" => loop_members: "loop_member", "loop member", "loop members";
    /// An interview (`interview`).
    Interview = "interview" => interviews: "interview", "interview", "interviews";
    /// A product walkthrough (`walkthrough`).
    Walkthrough = "walkthrough" => walkthroughs: "walkthrough", "walkthrough", "walkthroughs";
    /// A PM's win (`win`).
    Win = "win" => wins: "win", "win", "wins";
    /// A Career Development Framework review (`cdf_review`).
    CdfReview = "cdf_review" => cdf_reviews: "cdf_review", "CDF review", "CDF reviews";
    /// A portfolio milestone of the leader's (`milestone`).
    Milestone = "milestone" => milestones: "milestone", "milestone", "milestones";
}

impl RecordKind {
    /// Its heading on screen: "People", "1:1s", "Internal-customer links".
    pub fn label(self) -> String {
        let many = self.many();
        let mut chars = many.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// `n` records of this kind: "1 person", "3 people".
    pub fn count(self, n: usize) -> String {
        crate::words::count(n, self.one(), self.many())
    }
}

impl Counts {
    /// Each kind with its number, in [`RecordKind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (RecordKind, usize)> + '_ {
        RecordKind::ALL.iter().map(|&k| (k, self.get(k)))
    }

    /// All records together.
    pub fn total(&self) -> usize {
        self.iter().map(|(_, n)| n).sum()
    }

    /// The kinds with records only: "3 people, 1 win" (empty when none).
    pub fn nonzero(&self) -> String {
        let parts: Vec<String> = self
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| k.count(n))
            .collect();
        parts.join(", ")
    }
}

impl fmt::Display for Counts {
    /// Every kind, zeros included: "3 people, 12 1:1s, 0 agenda items, …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.iter().map(|(k, n)| k.count(n)).collect();
        f.write_str(&parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_counts_agree() {
        let mut c = Counts::default();
        for (i, &kind) in RecordKind::ALL.iter().enumerate() {
            *c.get_mut(kind) = i;
            assert!(!kind.table().is_empty() && !kind.label().is_empty());
        }
        assert_eq!(
            c.iter().map(|(_, n)| n).collect::<Vec<_>>(),
            (0..RecordKind::ALL.len()).collect::<Vec<_>>()
        );
        assert_eq!(c.get(RecordKind::OneOnOne), 1);
        assert_eq!(RecordKind::Person.count(1), "1 person");
        assert_eq!(RecordKind::Person.count(3), "3 people");
        let json = serde_json::to_value(c).unwrap();
        assert_eq!(json["one_on_ones"], 1);
        assert_eq!(json.as_object().unwrap().len(), RecordKind::ALL.len());
    }
}
