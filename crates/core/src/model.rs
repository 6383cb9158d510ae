//! The records Coachlog keeps, as plain data.
//!
//! Every type here is what a store function returns and what crosses the
//! interchange file, the CLI's `--json` and (later) IPC. Inputs for writes are
//! the `*Input` structs; they carry no id. Enumerations serialize as
//! lower_snake_case strings, dates as `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, Period, ReleaseVersion};
use crate::error::Error;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map($name)
            }
        }
    )*};
}

id_type! {
    /// Id of a [`Person`].
    PersonId;
    /// Id of a [`OneOnOne`].
    OneOnOneId;
    /// Id of an [`AgendaItem`].
    AgendaItemId;
    /// Id of an [`Update`].
    UpdateId;
    /// Id of a [`CustomerLink`].
    LinkId;
    /// Id of a [`CheckIn`].
    CheckInId;
    /// Id of a [`Requisition`].
    RequisitionId;
    /// Id of a [`LoopMember`].
    LoopMemberId;
    /// Id of an [`Interview`].
    InterviewId;
    /// Id of a [`Walkthrough`].
    WalkthroughId;
    /// Id of a [`Win`].
    WinId;
    /// Id of a [`CdfReview`].
    CdfReviewId;
    /// Id of a [`Milestone`].
    MilestoneId;
    /// Id of an entry of the Trash.
    TrashId;
}

/// Declares a string-backed enumeration: `as_str`, `label`, `ALL`, `FromStr`
/// (case-insensitive, `-` and ` ` accepted for `_`) with an error that lists
/// the choices, `Display`, serde, and SQL conversions.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($(#[$vdoc:meta])* $variant:ident = $s:literal / $label:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant,)* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable snake_case name stored in the database and files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)* }
            }

            /// A human-readable label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                let wanted = s.trim().to_lowercase().replace(['-', ' '], "_");
                $(if wanted == $s { return Ok($name::$variant); })*
                let choices: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                Err(Error::invalid(format!(
                    "'{}' is not {}; choose one of: {}.", s.trim(), $what, choices.join(", ")
                )))
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                // Stored values are canonical: match them without allocating.
                $(if s == $s { return Ok($name::$variant); })*
                s.parse().map_err(|e: Error| rusqlite::types::FromSqlError::Other(e.to_string().into()))
            }
        }
    };
}

string_enum! {
    /// A person's job family (the handbook's Product job families, plus EM and other).
    JobFamily, "a job family" {
        /// Product Manager.
        ProductManager = "product_manager" / "Product Manager",
        /// Senior Product Manager.
        SeniorProductManager = "senior_product_manager" / "Senior Product Manager",
        /// Principal Product Manager.
        PrincipalProductManager = "principal_product_manager" / "Principal Product Manager",
        /// Group Manager, Product.
        GroupManagerProduct = "group_manager_product" / "Group Manager, Product",
        /// Director of Product.
        DirectorOfProduct = "director_of_product" / "Director of Product",
        /// VP of Product.
        Vp = "vp" / "VP",
        /// EVP of Product.
        Evp = "evp" / "EVP",
        /// Engineering Manager.
        EngineeringManager = "engineering_manager" / "Engineering Manager",
        /// Anything else.
        Other = "other" / "Other",
    }
}

string_enum! {
    /// The handbook's organizational layer.
    Level, "a level" {
        /// Individual contributor.
        Ic = "ic" / "IC",
        /// Manager.
        Manager = "manager" / "Manager",
        /// Director.
        Director = "director" / "Director",
        /// Senior leader.
        SeniorLeader = "senior_leader" / "Senior Leader",
        /// Executive.
        Executive = "executive" / "Executive",
    }
}

string_enum! {
    /// The kind of a person's scope in the product hierarchy.
    ScopeKind, "a scope kind" {
        /// One group.
        Group = "group" / "Group",
        /// A stage.
        Stage = "stage" / "Stage",
        /// A section.
        Section = "section" / "Section",
        /// A collection of groups.
        CollectionOfGroups = "collection_of_groups" / "Collection of groups",
    }
}

string_enum! {
    /// What happened to a scheduled 1:1.
    OneOnOneStatus, "a 1:1 status" {
        /// The 1:1 took place.
        Held = "held" / "Held",
        /// It was skipped (by either side).
        Skipped = "skipped" / "Skipped",
        /// It was cancelled.
        Cancelled = "cancelled" / "Cancelled",
    }
}

string_enum! {
    /// An open tag of the living agenda (the handbook's hallway format).
    OpenTag, "an open agenda tag" {
        /// The person will do it.
        Todo = "todo" / "TODO",
        /// The leader will do it.
        Doto = "doto" / "DOTO",
        /// To talk about.
        Discuss = "discuss" / "DISCUSS",
        /// Something to review.
        Review = "review" / "REVIEW",
        /// A request for context or advice.
        Help = "help" / "HELP",
        /// Something to think about.
        Think = "think" / "THINK",
    }
}

string_enum! {
    /// A ready-to-remove tag: giving one to an item closes it.
    CloseTag, "a closing agenda tag" {
        /// For your information.
        Fyi = "fyi" / "FYI",
        /// Done.
        Done = "done" / "DONE",
        /// Moved elsewhere.
        Move = "move" / "MOVE",
        /// A duplicate of another item.
        Duplicate = "duplicate" / "DUPLICATE",
        /// Won't do.
        Wont = "wont" / "WONT",
        /// Question answered.
        Why = "why" / "WHY",
        /// An idea, noted.
        Idea = "idea" / "IDEA",
        /// Thanks given.
        Thanks = "thanks" / "THANKS",
        /// Apology given.
        Sorry = "sorry" / "SORRY",
        /// Feedback given.
        Feedback = "feedback" / "FEEDBACK",
    }
}

string_enum! {
    /// Who raised an agenda item.
    RaisedBy, "a raised-by value (leader or person)" {
        /// The leader (the user).
        Leader = "leader" / "Leader",
        /// The person whose agenda it is.
        Person = "person" / "Person",
    }
}

string_enum! {
    /// The kind of an accountability update.
    UpdateKind, "an update kind" {
        /// The next release, monthly.
        NextRelease = "next_release" / "Next release",
        /// The 3-month vision, monthly.
        ThreeMonthVision = "three_month_vision" / "3-month vision",
        /// OKRs, per fiscal quarter.
        Okrs = "okrs" / "OKRs",
        /// The leader's portfolio direction, monthly.
        PortfolioDirection = "portfolio_direction" / "Portfolio direction",
    }
}

string_enum! {
    /// Where an accountability update stands.
    UpdateStatus, "an update status" {
        /// Not started.
        NotStarted = "not_started" / "Not started",
        /// In review.
        InReview = "in_review" / "In review",
        /// Done (has a done date).
        Done = "done" / "Done",
    }
}

string_enum! {
    /// Where a requisition stands.
    RequisitionStatus, "a requisition status" {
        /// Still hiring.
        Open = "open" / "Open",
        /// Someone was hired.
        Filled = "filled" / "Filled",
        /// Closed without a hire.
        Cancelled = "cancelled" / "Cancelled",
    }
}

/// A person's scope: kind, section, stage and group names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scope {
    /// Group, stage, section or collection of groups.
    pub kind: ScopeKind,
    /// The section name, if any.
    pub section: Option<String>,
    /// Stage names.
    pub stages: Vec<String>,
    /// Group names.
    pub groups: Vec<String>,
}

/// A member of the leader's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Person {
    /// Stable id.
    pub id: PersonId,
    /// Display name, unique (compared case-insensitively).
    pub name: String,
    /// Job title as written, e.g. "Senior Product Manager, Plan".
    pub title: String,
    /// Job family.
    pub job_family: JobFamily,
    /// Organizational level.
    pub level: Level,
    /// Scope in the product hierarchy.
    pub scope: Scope,
    /// The day they started reporting to the leader.
    pub since: NaiveDate,
    /// 1:1 cadence in days, overriding the setting.
    pub cadence_days: Option<u32>,
    /// Whether their practices are followed.
    pub tracked: bool,
    /// The day they were archived (left the team); `None` while active.
    pub archived_on: Option<NaiveDate>,
    /// For a skip-level report: the manager on the team they report to.
    /// A skip-level report is never tracked; a held 1:1 with them is a
    /// skip-level meeting.
    pub reports_to: Option<PersonId>,
}

impl Person {
    /// Whether the person is active on `day`: `since <= day` and not archived
    /// on or before it.
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        self.since <= day && self.archived_on.is_none_or(|a| a > day)
    }
}

/// What is needed to add or replace a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonInput {
    /// Display name.
    pub name: String,
    /// Job title.
    #[serde(default)]
    pub title: String,
    /// Job family.
    pub job_family: JobFamily,
    /// Level.
    pub level: Level,
    /// Scope.
    pub scope: Scope,
    /// Reporting since.
    pub since: NaiveDate,
    /// Cadence override in days.
    #[serde(default)]
    pub cadence_days: Option<u32>,
    /// Tracked (default yes; never for a skip-level report).
    #[serde(default = "yes")]
    pub tracked: bool,
    /// For a skip-level report: their manager on the team.
    #[serde(default)]
    pub reports_to: Option<PersonId>,
}

impl PersonInput {
    /// A tracked product manager, an individual contributor with an empty
    /// group scope, reporting since `since`, on the default cadence: change
    /// what differs with `PersonInput { …, ..PersonInput::new(name, since) }`.
    pub fn new(name: impl Into<String>, since: NaiveDate) -> PersonInput {
        PersonInput {
            name: name.into(),
            title: String::new(),
            job_family: JobFamily::ProductManager,
            level: Level::Ic,
            scope: Scope {
                kind: ScopeKind::Group,
                section: None,
                stages: Vec::new(),
                groups: Vec::new(),
            },
            since,
            cadence_days: None,
            tracked: true,
            reports_to: None,
        }
    }

    /// A skip-level report of `manager`: not tracked, otherwise as
    /// [`PersonInput::new`].
    pub fn skip_level(name: impl Into<String>, since: NaiveDate, manager: PersonId) -> PersonInput {
        PersonInput {
            tracked: false,
            reports_to: Some(manager),
            ..PersonInput::new(name, since)
        }
    }
}

fn yes() -> bool {
    true
}

impl From<&Person> for PersonInput {
    fn from(p: &Person) -> Self {
        PersonInput {
            name: p.name.clone(),
            title: p.title.clone(),
            job_family: p.job_family,
            level: p.level,
            scope: p.scope.clone(),
            since: p.since,
            cadence_days: p.cadence_days,
            tracked: p.tracked,
            reports_to: p.reports_to,
        }
    }
}

/// A 1:1 with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OneOnOne {
    /// Stable id.
    pub id: OneOnOneId,
    /// With whom.
    pub person_id: PersonId,
    /// When.
    pub date: NaiveDate,
    /// Held, skipped or cancelled.
    pub status: OneOnOneStatus,
    /// Private coaching notes, Markdown.
    pub notes: String,
    /// Coaching tags (career, feedback, risk, growth…), as typed.
    pub tags: Vec<String>,
}

/// What is needed to log or replace a 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OneOnOneInput {
    /// With whom.
    pub person_id: PersonId,
    /// When.
    pub date: NaiveDate,
    /// Held, skipped or cancelled.
    pub status: OneOnOneStatus,
    /// Private notes, Markdown.
    #[serde(default)]
    pub notes: String,
    /// Coaching tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl OneOnOneInput {
    /// A held 1:1 without notes or tags.
    pub fn new(person_id: PersonId, date: NaiveDate) -> OneOnOneInput {
        OneOnOneInput {
            person_id,
            date,
            status: OneOnOneStatus::Held,
            notes: String::new(),
            tags: Vec::new(),
        }
    }
}

/// When an agenda item is due: a date, or a release version such as `19.2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub enum Timing {
    /// A calendar date.
    Date(NaiveDate),
    /// The release day of a release version.
    Release(ReleaseVersion),
}

impl fmt::Display for Timing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timing::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Timing::Release(v) => v.fmt(f),
        }
    }
}

impl FromStr for Timing {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if s.contains('-') {
            Ok(Timing::Date(calendar::parse_date(s)?))
        } else if s.contains('.') {
            Ok(Timing::Release(s.parse()?))
        } else {
            Err(Error::invalid(format!(
                "'{s}' is not a timing: give a date like 2026-05-14 or a release version like 19.2."
            )))
        }
    }
}

impl Serialize for Timing {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timing {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An item of a person's living agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaItem {
    /// Stable id.
    pub id: AgendaItemId,
    /// Whose agenda holds it.
    pub person_id: PersonId,
    /// What it says (Markdown).
    pub text: String,
    /// Its open tag; kept after closing.
    pub open_tag: OpenTag,
    /// When it is due, if it has a timing.
    pub timing: Option<Timing>,
    /// Who raised it.
    pub raised_by: RaisedBy,
    /// The day it was opened.
    pub opened_on: NaiveDate,
    /// The 1:1 it was raised in.
    pub opened_in: Option<OneOnOneId>,
    /// The ready-to-remove tag that closed it.
    pub close_tag: Option<CloseTag>,
    /// The day it was closed.
    pub closed_on: Option<NaiveDate>,
    /// The 1:1 it was closed in.
    pub closed_in: Option<OneOnOneId>,
}

impl AgendaItem {
    /// Whether the item is still open (carries into the next 1:1).
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}

/// What is needed to open an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaItemInput {
    /// Whose agenda.
    pub person_id: PersonId,
    /// What it says.
    pub text: String,
    /// Open tag.
    pub open_tag: OpenTag,
    /// Optional timing.
    #[serde(default)]
    pub timing: Option<Timing>,
    /// Who raised it.
    pub raised_by: RaisedBy,
    /// Opened on.
    pub opened_on: NaiveDate,
    /// Raised in this 1:1.
    #[serde(default)]
    pub opened_in: Option<OneOnOneId>,
}

impl AgendaItemInput {
    /// An item without timing, raised outside a 1:1.
    pub fn new(
        person_id: PersonId,
        text: impl Into<String>,
        open_tag: OpenTag,
        raised_by: RaisedBy,
        opened_on: NaiveDate,
    ) -> AgendaItemInput {
        AgendaItemInput {
            person_id,
            text: text.into(),
            open_tag,
            timing: None,
            raised_by,
            opened_on,
            opened_in: None,
        }
    }
}

/// The editable parts of an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaItemEdit {
    /// New text.
    pub text: String,
    /// New open tag (only while open).
    pub open_tag: OpenTag,
    /// New timing.
    pub timing: Option<Timing>,
    /// Who raised it.
    pub raised_by: RaisedBy,
}

/// An accountability update (or the leader's portfolio direction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Update {
    /// Stable id.
    pub id: UpdateId,
    /// The PM; `None` for the leader's portfolio direction.
    pub person_id: Option<PersonId>,
    /// Kind.
    pub kind: UpdateKind,
    /// Month (`2026-05`) or fiscal quarter for OKRs (`FY27-Q2`).
    pub period: Period,
    /// Status.
    pub status: UpdateStatus,
    /// Done date, present exactly when done.
    pub done_on: Option<NaiveDate>,
    /// MR or issue URL.
    pub link: Option<String>,
    /// For OKRs: the objectives, each with its key results (empty for every
    /// other kind).
    pub objectives: Vec<Objective>,
}

/// What is needed to add or replace an update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UpdateInput {
    /// The PM, or `None` for portfolio direction.
    #[serde(default)]
    pub person_id: Option<PersonId>,
    /// Kind.
    pub kind: UpdateKind,
    /// Period.
    pub period: Period,
    /// Status.
    pub status: UpdateStatus,
    /// Done date (required when done).
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    /// MR link.
    #[serde(default)]
    pub link: Option<String>,
    /// For OKRs: objectives and key results.
    #[serde(default)]
    pub objectives: Vec<Objective>,
}

impl UpdateInput {
    /// A PM's update (`person_id`), or the leader's portfolio direction
    /// (`None`), not started and without a link.
    pub fn new(person_id: Option<PersonId>, kind: UpdateKind, period: Period) -> UpdateInput {
        UpdateInput {
            person_id,
            kind,
            period,
            status: UpdateStatus::NotStarted,
            done_on: None,
            link: None,
            objectives: Vec::new(),
        }
    }
}

/// An objective of an OKR update, with its key results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// What the objective is.
    pub text: String,
    /// How it is measured.
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
}

/// A key result of an objective, with its score once scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct KeyResult {
    /// What is measured.
    pub text: String,
    /// Its score, from 0.0 to 1.0 (none until scored).
    #[serde(default)]
    pub score: Option<Score>,
}

/// An OKR score: a number from 0.0 to 1.0 with at most two decimals
/// (kept in hundredths, so that it is exact and comparable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
pub struct Score(u8);

impl Score {
    /// The score `value` (0.0 to 1.0, at most two decimals).
    pub fn new(value: f64) -> Result<Score, Error> {
        let hundredths = (value * 100.0).round();
        if !value.is_finite() || !(0.0..=1.0).contains(&value) {
            return Err(Error::invalid(format!(
                "A key result's score is from 0.0 to 1.0; {value} is not."
            )));
        }
        if (hundredths / 100.0 - value).abs() > 1e-9 {
            return Err(Error::invalid(format!(
                "A key result's score has at most two decimals (0.7, 0.85); {value} has more."
            )));
        }
        Ok(Score(hundredths as u8))
    }

    /// Its value, from 0.0 to 1.0.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// In hundredths, from 0 to 100.
    pub fn hundredths(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Score {
    /// `0.7`, `0.85`, `1.0`, `0.0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, rest) = (self.0 / 100, self.0 % 100);
        match rest {
            0 => write!(f, "{whole}.0"),
            r if r % 10 == 0 => write!(f, "{whole}.{}", r / 10),
            r => write!(f, "{whole}.{r:02}"),
        }
    }
}

impl FromStr for Score {
    type Err = Error;
    fn from_str(s: &str) -> Result<Score, Error> {
        let t = s.trim();
        let value: f64 = t.parse().map_err(|_| {
            Error::invalid(format!(
                "'{t}' is not a score; give a number from 0.0 to 1.0, such as 0.7."
            ))
        })?;
        Score::new(value)
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Score, D::Error> {
        let value = f64::deserialize(d)?;
        Score::new(value).map_err(serde::de::Error::custom)
    }
}

/// A PM's internal customer: a team, for a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomerLink {
    /// Stable id.
    pub id: LinkId,
    /// The PM.
    pub person_id: PersonId,
    /// The internal customer (a team).
    pub team: String,
    /// The category.
    pub category: String,
    /// Since when.
    pub since: NaiveDate,
    /// Archived on; `None` while active.
    pub archived_on: Option<NaiveDate>,
}

impl CustomerLink {
    /// Whether the link is active on `day`, as a person is: `since <= day`
    /// and not archived on or before it.
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        self.since <= day && self.archived_on.is_none_or(|a| a > day)
    }
}

/// What is needed to add or replace a customer link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomerLinkInput {
    /// The PM.
    pub person_id: PersonId,
    /// The team.
    pub team: String,
    /// The category.
    pub category: String,
    /// Since.
    pub since: NaiveDate,
}

impl CustomerLinkInput {
    /// A PM's internal customer `team` for `category`, since `since`.
    pub fn new(
        person_id: PersonId,
        team: impl Into<String>,
        category: impl Into<String>,
        since: NaiveDate,
    ) -> CustomerLinkInput {
        CustomerLinkInput {
            person_id,
            team: team.into(),
            category: category.into(),
            since,
        }
    }
}

/// A check-in with an internal customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckIn {
    /// Stable id.
    pub id: CheckInId,
    /// The link.
    pub link_id: LinkId,
    /// When.
    pub date: NaiveDate,
    /// Whether the category epic's internal-customer section was updated.
    pub epic_updated: bool,
    /// Notes, Markdown.
    pub notes: String,
}

/// What is needed to record a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckInInput {
    /// The link.
    pub link_id: LinkId,
    /// When.
    pub date: NaiveDate,
    /// Epic updated.
    #[serde(default)]
    pub epic_updated: bool,
    /// Notes.
    #[serde(default)]
    pub notes: String,
}

impl CheckInInput {
    /// A check-in without notes, the epic not updated.
    pub fn new(link_id: LinkId, date: NaiveDate) -> CheckInInput {
        CheckInInput {
            link_id,
            date,
            epic_updated: false,
            notes: String::new(),
        }
    }
}

/// An open (or closed) position being hired for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Requisition {
    /// Stable id.
    pub id: RequisitionId,
    /// Title of the role.
    pub title: String,
    /// Level of the role.
    pub level: Level,
    /// Opened on.
    pub opened_on: NaiveDate,
    /// Status.
    pub status: RequisitionStatus,
    /// Closed on; present exactly when not open.
    pub closed_on: Option<NaiveDate>,
}

/// What is needed to open a requisition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequisitionInput {
    /// Title.
    pub title: String,
    /// Level.
    pub level: Level,
    /// Opened on.
    pub opened_on: NaiveDate,
}

impl RequisitionInput {
    /// A requisition opened on `opened_on`.
    pub fn new(title: impl Into<String>, level: Level, opened_on: NaiveDate) -> RequisitionInput {
        RequisitionInput {
            title: title.into(),
            level,
            opened_on,
        }
    }
}

/// Someone taking part in hiring: a person of the team or a free name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Participant {
    /// A person of the team, by id.
    Person(PersonId),
    /// Someone outside the team, by name.
    Name(String),
}

/// A member of a requisition's interview loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LoopMember {
    /// Stable id.
    pub id: LoopMemberId,
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// Who.
    pub member: Participant,
    /// Their role in the loop (e.g. "hiring manager", "peer PM").
    pub role: String,
    /// Whether they will work with the new hire.
    pub works_with_hire: bool,
}

/// What is needed to add a loop member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LoopMemberInput {
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// Who.
    pub member: Participant,
    /// Role.
    #[serde(default)]
    pub role: String,
    /// Works with the new hire.
    #[serde(default)]
    pub works_with_hire: bool,
}

impl LoopMemberInput {
    /// A loop member without a role who will not work with the new hire.
    pub fn new(requisition_id: RequisitionId, member: Participant) -> LoopMemberInput {
        LoopMemberInput {
            requisition_id,
            member,
            role: String::new(),
            works_with_hire: false,
        }
    }
}

/// An interview held for a requisition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Interview {
    /// Stable id.
    pub id: InterviewId,
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// When.
    pub date: NaiveDate,
    /// The candidate's name.
    pub candidate: String,
    /// Who interviewed.
    pub interviewers: Vec<Participant>,
}

/// What is needed to record an interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InterviewInput {
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// When.
    pub date: NaiveDate,
    /// Candidate.
    pub candidate: String,
    /// Interviewers.
    #[serde(default)]
    pub interviewers: Vec<Participant>,
}

impl InterviewInput {
    /// An interview without interviewers.
    pub fn new(
        requisition_id: RequisitionId,
        date: NaiveDate,
        candidate: impl Into<String>,
    ) -> InterviewInput {
        InterviewInput {
            requisition_id,
            date,
            candidate: candidate.into(),
            interviewers: Vec::new(),
        }
    }
}

/// A product walkthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Walkthrough {
    /// Stable id.
    pub id: WalkthroughId,
    /// When.
    pub date: NaiveDate,
    /// Title.
    pub title: String,
    /// Stages covered.
    pub stages: Vec<String>,
    /// Categories covered.
    pub categories: Vec<String>,
    /// Findings, Markdown.
    pub findings: String,
    /// The walkthrough issue's URL.
    pub issue_link: Option<String>,
}

/// What is needed to add or replace a walkthrough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WalkthroughInput {
    /// When.
    pub date: NaiveDate,
    /// Title.
    pub title: String,
    /// Stages covered.
    #[serde(default)]
    pub stages: Vec<String>,
    /// Categories covered.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Findings.
    #[serde(default)]
    pub findings: String,
    /// Issue link.
    #[serde(default)]
    pub issue_link: Option<String>,
}

impl WalkthroughInput {
    /// A walkthrough covering no stage or category yet, without findings.
    pub fn new(date: NaiveDate, title: impl Into<String>) -> WalkthroughInput {
        WalkthroughInput {
            date,
            title: title.into(),
            stages: Vec::new(),
            categories: Vec::new(),
            findings: String::new(),
            issue_link: None,
        }
    }
}

/// A PM's win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Win {
    /// Stable id.
    pub id: WinId,
    /// Whose win.
    pub person_id: PersonId,
    /// Noted on.
    pub noted_on: NaiveDate,
    /// What happened.
    pub text: String,
    /// Shared with senior leadership on.
    pub shared_on: Option<NaiveDate>,
    /// Where it was shared (e.g. "#product-leadership", "staff meeting").
    pub shared_where: Option<String>,
}

/// What is needed to note a win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WinInput {
    /// Whose win.
    pub person_id: PersonId,
    /// Noted on.
    pub noted_on: NaiveDate,
    /// What happened.
    pub text: String,
}

impl WinInput {
    /// A win of `person_id` noted on `noted_on`.
    pub fn new(person_id: PersonId, noted_on: NaiveDate, text: impl Into<String>) -> WinInput {
        WinInput {
            person_id,
            noted_on,
            text: text.into(),
        }
    }
}

/// A Career Development Framework review of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CdfReview {
    /// Stable id.
    pub id: CdfReviewId,
    /// Whose review.
    pub person_id: PersonId,
    /// When it was held.
    pub date: NaiveDate,
    /// The 1 to 3 areas to improve until the next review.
    pub focus: Vec<String>,
    /// Private notes, Markdown.
    pub notes: String,
    /// The review document's URL.
    pub link: Option<String>,
}

/// What is needed to record or replace a CDF review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CdfReviewInput {
    /// Whose review.
    pub person_id: PersonId,
    /// When it was held.
    pub date: NaiveDate,
    /// 1 to 3 focus areas.
    pub focus: Vec<String>,
    /// Private notes.
    #[serde(default)]
    pub notes: String,
    /// Link.
    #[serde(default)]
    pub link: Option<String>,
}

impl CdfReviewInput {
    /// A review of `person_id` on `date` with these focus areas, without
    /// notes or link.
    pub fn new(person_id: PersonId, date: NaiveDate, focus: &[&str]) -> CdfReviewInput {
        CdfReviewInput {
            person_id,
            date,
            focus: focus.iter().map(|f| f.to_string()).collect(),
            notes: String::new(),
            link: None,
        }
    }
}

/// A portfolio milestone: a day the leader's portfolio works towards (a
/// GA, a launch, a special project's deadline) — the leader's own record,
/// not a PM's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Milestone {
    /// Stable id.
    pub id: MilestoneId,
    /// What happens: "Portfolio GA".
    pub title: String,
    /// The day it falls on: the given day, or the release day of `release`
    /// under the release settings in force.
    pub date: NaiveDate,
    /// The release it is tied to, if it is tied to one rather than a day.
    pub release: Option<ReleaseVersion>,
    /// The stages it concerns (shown on the page of the PMs of those stages).
    pub stages: Vec<String>,
    /// The epic's, issue's or plan's URL.
    pub link: Option<String>,
    /// Private notes, Markdown.
    pub notes: String,
}

/// What is needed to add or replace a milestone: a title and either a day
/// or a release version (exactly one of them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MilestoneInput {
    /// What happens.
    pub title: String,
    /// Its day, when it is not tied to a release.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Its release, when it falls on a release day.
    #[serde(default)]
    pub release: Option<ReleaseVersion>,
    /// Stages it concerns.
    #[serde(default)]
    pub stages: Vec<String>,
    /// Link.
    #[serde(default)]
    pub link: Option<String>,
    /// Private notes.
    #[serde(default)]
    pub notes: String,
}

impl MilestoneInput {
    /// A milestone on `date`, without stages, link or notes.
    pub fn new(title: impl Into<String>, date: NaiveDate) -> MilestoneInput {
        MilestoneInput {
            title: title.into(),
            date: Some(date),
            release: None,
            stages: Vec::new(),
            link: None,
            notes: String::new(),
        }
    }

    /// A milestone on the release day of `release`, without stages, link or
    /// notes.
    pub fn on_release(title: impl Into<String>, release: ReleaseVersion) -> MilestoneInput {
        MilestoneInput {
            date: None,
            release: Some(release),
            ..MilestoneInput::new(title, NaiveDate::MIN)
        }
    }
}

string_enum! {
    /// What a template pre-fills.
    TemplateKind, "a template kind" {
        /// A new 1:1's notes.
        OneOnOne = "one_on_one" / "1:1 notes",
        /// A new walkthrough's findings.
        Walkthrough = "walkthrough" / "Walkthrough findings",
    }
}

/// A template the leader wrote: their default for a kind, or one
/// person's own 1:1 notes template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Template {
    /// What it pre-fills.
    pub kind: TemplateKind,
    /// Whose 1:1s it is for; `None` for the leader's default.
    pub person_id: Option<PersonId>,
    /// The Markdown.
    pub body: String,
}

/// A new agenda item opened while logging a 1:1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewItem {
    /// What it says.
    pub text: String,
    /// Open tag (TODO, DOTO, HELP…).
    pub open_tag: OpenTag,
    /// Optional timing.
    #[serde(default)]
    pub timing: Option<Timing>,
    /// Who raised it.
    pub raised_by: RaisedBy,
}

impl NewItem {
    /// An item without timing.
    pub fn new(text: impl Into<String>, open_tag: OpenTag, raised_by: RaisedBy) -> NewItem {
        NewItem {
            text: text.into(),
            open_tag,
            timing: None,
            raised_by,
        }
    }
}

/// An agenda item to close while logging a 1:1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemClosure {
    /// The item.
    pub id: AgendaItemId,
    /// The ready-to-remove tag.
    pub tag: CloseTag,
}

/// Logging a 1:1: the 1:1 itself and the agenda changes made in it, written
/// in one transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LogInput {
    /// The 1:1.
    pub one_on_one: OneOnOneInput,
    /// Items opened in it (opened on its date, in it).
    #[serde(default)]
    pub new_items: Vec<NewItem>,
    /// Items closed in it (closed on its date, in it).
    #[serde(default)]
    pub close_items: Vec<ItemClosure>,
}

impl LogInput {
    /// Logging `one_on_one` with no agenda change.
    pub fn new(one_on_one: OneOnOneInput) -> LogInput {
        LogInput {
            one_on_one,
            new_items: Vec::new(),
            close_items: Vec::new(),
        }
    }
}

/// What [`LogInput`] produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Logged {
    /// The 1:1 as stored.
    pub one_on_one: OneOnOne,
    /// The items opened.
    pub opened: Vec<AgendaItem>,
    /// The items closed.
    pub closed: Vec<AgendaItem>,
}

/// A 1:1 being written, kept as the leader types so nothing is lost; one
/// per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Draft {
    /// With whom.
    pub person_id: PersonId,
    /// Planned date.
    pub date: NaiveDate,
    /// Planned status.
    pub status: OneOnOneStatus,
    /// Notes typed so far.
    #[serde(default)]
    pub notes: String,
    /// Tags chosen so far.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Items to open.
    #[serde(default)]
    pub new_items: Vec<NewItem>,
    /// Items to close.
    #[serde(default)]
    pub close_items: Vec<ItemClosure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_parse_leniently_and_list_choices_when_wrong() {
        assert_eq!("TODO".parse::<OpenTag>().unwrap(), OpenTag::Todo);
        assert_eq!(
            "in review".parse::<UpdateStatus>().unwrap(),
            UpdateStatus::InReview
        );
        assert_eq!(
            "three-month-vision".parse::<UpdateKind>().unwrap(),
            UpdateKind::ThreeMonthVision
        );
        let err = "later".parse::<OpenTag>().unwrap_err().to_string();
        assert_eq!(
            err,
            "'later' is not an open agenda tag; choose one of: todo, doto, discuss, review, help, think."
        );
    }

    #[test]
    fn timing_parses_dates_and_versions() {
        assert_eq!("19.2".parse::<Timing>().unwrap().to_string(), "19.2");
        assert_eq!(
            "2026-05-14".parse::<Timing>().unwrap().to_string(),
            "2026-05-14"
        );
        assert!("soon".parse::<Timing>().is_err());
        assert!("2026-02-30".parse::<Timing>().is_err());
    }
}
