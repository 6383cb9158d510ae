//! The monthly summary (`docs/catalogue.md`, "The monthly summary"): the
//! month's figures per tracked PM and for the leader, as data, and pure
//! renderers of that data to GitLab-flavoured Markdown, one self-contained
//! HTML file with charts, CSV and JSON.
//!
//! **Shape.** [`build`] reads the database once and returns a [`Summary`];
//! [`markdown`], [`html`], [`csv`] and [`json`] turn a `Summary` into text
//! and know nothing of SQL. [`export`] does both, for the front ends. The JSON
//! is the `Summary` itself; every field is documented in `docs/summary.md`.
//!
//! **Invariants.**
//! - Privacy: unless [`SummaryOptions::include_notes`], a `Summary` holds no
//!   1:1 notes, agenda item texts, walkthrough findings, CDF notes or CDF
//!   focus areas — not even in
//!   fields a renderer leaves out — so every format of the default summary is
//!   safe to paste into a shared merge request.
//! - Deterministic: the same database and options give the same `Summary`,
//!   byte-identical renderings, and no timestamp unless
//!   [`SummaryOptions::generated_on`] is given. The clock is never read.
//! - Outcomes read today's records (an update done after the month shows as
//!   done late); only "overdue at month end" reads the records as they stood
//!   at the end of the month's last day (see [`build`]).
//! - Renderers escape every user text for their format: a name cannot break a
//!   Markdown table, a CSV row or the HTML, nor inject markup.
//!
//! **How to add a figure.** Add the field to the data type here (with a doc
//! comment), compute it in `build.rs`, add a row in `csv.rs` and a line in the
//! Markdown and HTML renderers, describe it in `docs/summary.md`, and extend
//! the figure tests in `crates/core/tests/integration/summary.rs`; then rewrite the
//! snapshots with `UPDATE_SNAPSHOTS=1` and read their diff.

pub(crate) mod build;
mod csv;
mod grade;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod text;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::{FiscalQuarter, Month, Period};
use crate::coaching::AgendaBalance;
use crate::error::{Error, Result};
use crate::model::{
    AgendaItemId, CdfReviewId, CloseTag, LinkId, MilestoneId, OneOnOneStatus, OpenTag, PersonId,
    RequisitionId, UpdateKind, WalkthroughId, WinId,
};
use crate::nudges::Practice;
use crate::nudges::Rule;

pub use build::build;
pub use csv::csv;
pub use grade::{grade, Grade};
pub use html::esc as html_escape;
pub use html::html;
pub use markdown::{
    code as markdown_code, inline as markdown_escape, link as markdown_link, markdown,
};

/// What a summary includes beyond the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SummaryOptions {
    /// Add the month's 1:1 notes, the agenda item texts (open at the end of
    /// the month, or closed in it), walkthrough findings, and the CDF focus
    /// areas in force and the month's CDF reviews with their notes. Off by
    /// default: they are private coaching material.
    pub include_notes: bool,
    /// A day to print as "generated on"; `None` (the default) prints no date,
    /// so the same database always gives the same bytes.
    pub generated_on: Option<NaiveDate>,
}

/// The month's summary: per tracked PM active in the month, and for the leader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    /// The month, `YYYY-MM`.
    pub month: Month,
    /// Its first day.
    pub first_day: NaiveDate,
    /// Its last day.
    pub last_day: NaiveDate,
    /// Its release day (the `release_day` setting).
    pub release_day: NaiveDate,
    /// The fiscal quarter that starts in this month, when it does (OKRs are
    /// then due in it).
    pub okr_quarter: Option<FiscalQuarter>,
    /// The `tracking_since` setting: nothing is owed before it.
    pub tracking_since: NaiveDate,
    /// Whether notes, agenda texts and findings are included.
    pub includes_notes: bool,
    /// The day the summary was made, only when asked for.
    pub generated_on: Option<NaiveDate>,
    /// Tracked people active in the month, by name (case-insensitively), then id.
    pub people: Vec<PersonMonth>,
    /// The leader's own figures.
    pub leader: LeaderMonth,
}

/// One tracked PM's month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonMonth {
    /// The person.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// Reporting to the leader since.
    pub since: NaiveDate,
    /// Archived on (today's record), if ever.
    pub archived_on: Option<NaiveDate>,
    /// The first day of the month on which they were active.
    pub active_from: NaiveDate,
    /// The last day of the month on which they were active.
    pub active_to: NaiveDate,
    /// 1:1s dated in the month.
    pub one_on_ones: OneOnOnes,
    /// Coaching tags of the held 1:1s of the month, lower-cased, with counts;
    /// most used first, then by tag.
    pub coaching_tags: Vec<TagCount>,
    /// Requests for context or advice (HELP items raised by the person).
    pub requests: Requests,
    /// Actions (TODO and DOTO items on their agenda), split by owner.
    pub actions: Actions,
    /// Updates due in the month, with their outcome: next release and 3-month
    /// vision, and OKRs in the first month of a fiscal quarter.
    pub updates: Vec<UpdateDue>,
    /// Internal customers.
    pub customers: Customers,
    /// Wins.
    pub wins: Wins,
    /// Interviews dated in the month with the person among the interviewers.
    pub interviews: u32,
    /// Agenda items opened in the month (any tag, open or closed since),
    /// split by who raised them.
    pub agenda_balance: AgendaBalance,
    /// CDF reviews dated in the month.
    pub cdf_reviews: u32,
    /// Career conversations: held 1:1s of the month whose coaching tags
    /// include the `career_tag` setting.
    pub career_conversations: u32,
    /// Their skip-level reports: the people active on the month's last day
    /// who report to them (`reports_to`), when they are active on it too.
    pub skip_level_reports: u32,
    /// Their items of the overdue list at month end, counted by rule (the
    /// rules that concern a person, in catalogue order, zeros included; for
    /// `skip_level`, the items of their skip-level reports).
    pub overdue_at_month_end: Vec<RuleCount>,
    /// The grade of each practice, in [`crate::nudges::PRACTICES`] order (see [`grade`]).
    pub coverage: Vec<PracticeGrade>,
    /// Notes and agenda texts; only with [`SummaryOptions::include_notes`].
    pub notes: Option<PersonNotes>,
}

/// 1:1s of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OneOnOnes {
    /// Held.
    pub held: u32,
    /// Skipped.
    pub skipped: u32,
    /// Cancelled.
    pub cancelled: u32,
    /// The person's cadence in days (their override, else the setting).
    pub cadence_days: u32,
    /// How many held 1:1s the cadence asks for in the month: the days on
    /// which the person was active and something was owed (on or after
    /// `base_start`), divided by the cadence, rounded down.
    pub expected: u32,
    /// Each 1:1 of the month, by date (for the cadence chart).
    pub dates: Vec<OneOnOneDay>,
}

/// A 1:1 on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OneOnOneDay {
    /// When.
    pub date: NaiveDate,
    /// Held, skipped or cancelled.
    pub status: OneOnOneStatus,
}

/// A coaching tag and how many held 1:1s of the month carried it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TagCount {
    /// The tag, trimmed and lower-cased.
    pub tag: String,
    /// How many held 1:1s.
    pub count: u32,
}

/// Requests for context or advice: HELP items raised by the person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Requests {
    /// Opened in the month.
    pub opened: u32,
    /// Closed in the month (whenever opened).
    pub closed: u32,
    /// Of those closed in the month, closed on or before their rule-2 due
    /// (`tracking_since` floor included).
    pub closed_on_time: u32,
    /// Open at the end of the month: opened by its last day, not closed by then.
    pub open_at_end: u32,
}

/// Actions of the month, split by who owes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Actions {
    /// TODO items: the person will do them.
    pub person: ActionCounts,
    /// DOTO items: the leader will do them.
    pub leader: ActionCounts,
}

/// Counts of one owner's actions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActionCounts {
    /// Opened in the month.
    pub opened: u32,
    /// Closed in the month.
    pub closed: u32,
    /// Open at the end of the month.
    pub open_at_end: u32,
}

/// How an update due in the month turned out, by today's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The earliest done date is on or before the due date.
    DoneOnTime,
    /// Done, but after the due date (possibly after the month).
    DoneLate,
    /// No update of that person, kind and period is done.
    Missing,
}

impl Outcome {
    /// A short label: "done on time", "done late", "missing".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::DoneOnTime => "done on time",
            Outcome::DoneLate => "done late",
            Outcome::Missing => "missing",
        }
    }

    /// The stable snake_case name (as in JSON and CSV).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::DoneOnTime => "done_on_time",
            Outcome::DoneLate => "done_late",
            Outcome::Missing => "missing",
        }
    }
}

/// An update due in the month and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UpdateDue {
    /// Kind.
    pub kind: UpdateKind,
    /// Period: the month, or the fiscal quarter for OKRs.
    pub period: Period,
    /// Due: the month's release day.
    pub due: NaiveDate,
    /// Done on time, done late or missing.
    pub outcome: Outcome,
    /// The earliest done date, if done.
    pub done_on: Option<NaiveDate>,
    /// The earliest done update's link; else the link of the latest update of
    /// that period (by record id) that has one; else none.
    pub link: Option<String>,
}

/// Internal customers of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Customers {
    /// Check-ins dated in the month, over all the person's links.
    pub check_ins: u32,
    /// Links active during the month.
    pub links_active: u32,
    /// Links active during the month with no check-in in it, by team, then
    /// category, then id.
    pub without_check_in: Vec<LinkRef>,
}

/// An internal-customer link, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LinkRef {
    /// The link.
    pub link_id: LinkId,
    /// The internal customer (a team).
    pub team: String,
    /// The category.
    pub category: String,
}

/// Wins of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Wins {
    /// Noted in the month.
    pub noted: u32,
    /// Shared with senior leadership in the month, whenever noted.
    pub shared: u32,
    /// The wins noted in the month, by date, then id.
    pub noted_in_month: Vec<WinNoted>,
}

/// A win noted in the month (win texts are not private).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WinNoted {
    /// The win.
    pub win_id: WinId,
    /// Noted on.
    pub noted_on: NaiveDate,
    /// What happened.
    pub text: String,
    /// Shared with leadership on (today's record; may be after the month).
    pub shared_on: Option<NaiveDate>,
    /// Where it was shared.
    pub shared_where: Option<String>,
}

/// A rule and a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleCount {
    /// The rule.
    pub rule: Rule,
    /// How many overdue items.
    pub count: u32,
}

/// One practice's grade for one PM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PracticeGrade {
    /// The practice.
    pub practice: Practice,
    /// ✅, ⚠️, ❌ or "nothing owed".
    pub grade: Grade,
}

/// A PM's private material of the month (only with `include_notes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonNotes {
    /// The 1:1s of the month with their notes, by date.
    pub one_on_ones: Vec<OneOnOneNotes>,
    /// Agenda items open at the end of the month, by opening date, then id.
    pub open_items: Vec<ItemText>,
    /// Agenda items closed in the month, by closing date, then id.
    pub closed_items: Vec<ItemText>,
    /// The focus areas of their latest CDF review on or before the month's
    /// last day (latest by date, then id); `None` before their first.
    pub focus_areas: Option<FocusAreas>,
    /// The CDF reviews dated in the month with their notes, by date, then id.
    pub cdf_review_notes: Vec<CdfReviewNotes>,
}

/// The focus areas of a CDF review (coaching content: only with notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FocusAreas {
    /// The review.
    pub cdf_review_id: CdfReviewId,
    /// When it was held.
    pub date: NaiveDate,
    /// Its 1 to 3 focus areas.
    pub focus: Vec<String>,
}

/// A CDF review of the month with its notes (only with notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CdfReviewNotes {
    /// The review.
    pub cdf_review_id: CdfReviewId,
    /// When it was held.
    pub date: NaiveDate,
    /// Its focus areas.
    pub focus: Vec<String>,
    /// Its notes (Markdown), as written.
    pub notes: String,
    /// The review document's URL.
    pub link: Option<String>,
}

/// A 1:1 with its notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OneOnOneNotes {
    /// When.
    pub date: NaiveDate,
    /// Held, skipped or cancelled.
    pub status: OneOnOneStatus,
    /// The notes (Markdown), as written.
    pub notes: String,
}

/// An agenda item with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemText {
    /// The item.
    pub item_id: AgendaItemId,
    /// Its open tag.
    pub open_tag: OpenTag,
    /// What it says.
    pub text: String,
    /// Opened on.
    pub opened_on: NaiveDate,
    /// The tag that closed it, if closed by the end of the month.
    pub close_tag: Option<CloseTag>,
    /// Closed on, if closed by the end of the month.
    pub closed_on: Option<NaiveDate>,
}

/// The leader's month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LeaderMonth {
    /// The portfolio direction due in the month (`None` when its due date is
    /// before `tracking_since`).
    pub portfolio_direction: Option<UpdateDue>,
    /// Walkthroughs dated in the month, by date, then id.
    pub walkthroughs: Vec<WalkthroughMonth>,
    /// The union of the stages they covered (compared trimmed and
    /// lower-cased; first spelling kept), in order of that key.
    pub stages_covered: Vec<String>,
    /// The leader's portfolio milestones dated in the month and the next,
    /// by day, then id (no notes: they are the leader's own).
    pub milestones: Vec<MilestoneMonth>,
    /// Hiring.
    pub hiring: Hiring,
    /// Skip-levels held in the month: per person active on the month's last
    /// day with skip-level reports active on it, by name (case-insensitively),
    /// then id.
    pub skip_levels: Vec<SkipLevels>,
    /// The overdue list at month end.
    pub overdue_at_month_end: Overdue,
}

/// A manager's skip-level reports and the skip-level 1:1s held in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SkipLevels {
    /// The manager.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// Their skip-level reports active on the month's last day.
    pub reports: u32,
    /// How many of those reports had a held 1:1 dated in the month.
    pub reports_met: u32,
    /// Held 1:1s dated in the month with those reports.
    pub held: u32,
}

/// A walkthrough of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WalkthroughMonth {
    /// The walkthrough.
    pub walkthrough_id: WalkthroughId,
    /// When.
    pub date: NaiveDate,
    /// Title.
    pub title: String,
    /// Stages covered, as written.
    pub stages: Vec<String>,
    /// Findings (Markdown); only with `include_notes`.
    pub findings: Option<String>,
}

/// A portfolio milestone of the month or the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MilestoneMonth {
    /// The milestone.
    pub milestone_id: MilestoneId,
    /// The day it falls on.
    pub date: NaiveDate,
    /// Title.
    pub title: String,
    /// The release it is tied to, if any.
    pub release: Option<String>,
    /// Stages it concerns, as written.
    pub stages: Vec<String>,
    /// Its link.
    pub link: Option<String>,
}

/// Hiring in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hiring {
    /// Requisitions open at the end of the month (opened by its last day,
    /// not closed by then), by opening date, then id.
    pub open_at_end: Vec<RequisitionRef>,
    /// Requisitions filled in the month (closed as filled, closed date in
    /// it), by closing date, then id.
    pub filled: Vec<RequisitionRef>,
    /// Interviews dated in the month, for any requisition.
    pub interviews: u32,
}

/// A requisition, by title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequisitionRef {
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// Title of the role.
    pub title: String,
    /// Opened on.
    pub opened_on: NaiveDate,
    /// Closed on (today's record), if closed.
    pub closed_on: Option<NaiveDate>,
}

/// The overdue list at month end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overdue {
    /// The review day: the first day of the next month.
    pub as_of: NaiveDate,
    /// The records are read as they stood at the end of this day: the
    /// month's last day.
    pub records_as_of: NaiveDate,
    /// How many items in all.
    pub total: u32,
    /// Counted by rule: all fourteen, in catalogue order, zeros included.
    pub by_rule: Vec<RuleCount>,
    /// The items, in the catalogue's order.
    pub items: Vec<OverdueItem>,
}

/// One overdue item at month end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OverdueItem {
    /// The nudge key.
    pub key: String,
    /// The rule.
    pub rule: Rule,
    /// The person it concerns, if any.
    pub person_id: Option<PersonId>,
    /// Their name.
    pub person: Option<String>,
    /// Due.
    pub due: NaiveDate,
    /// Days overdue on the review day.
    pub overdue_days: i64,
    /// One sentence (it never quotes an agenda item's text).
    pub message: String,
    /// Snoozed or dismissed on the review day; counted all the same.
    pub hidden: bool,
}

/// An output format of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// GitLab-flavoured Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
    /// CSV, one row per person × metric.
    Csv,
    /// The summary data as JSON.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

    /// The usual file extension (and the CLI's name): md, html, csv, json.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// A label: "Markdown", "HTML", "CSV", "JSON".
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            other => Err(Error::invalid(format!(
                "'{other}' is not a summary format; choose one of: md, html, csv, json."
            ))),
        }
    }
}

/// The summary as pretty JSON with a final line break: the [`Summary`]
/// itself (fields documented in `docs/summary.md`).
pub fn json(summary: &Summary) -> String {
    let mut s = serde_json::to_string_pretty(summary)
        .expect("a summary is plain data and always serializes");
    s.push('\n');
    s
}

/// Renders `summary` in `format`.
pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Markdown => markdown(summary),
        Format::Html => html(summary),
        Format::Csv => csv(summary),
        Format::Json => json(summary),
    }
}

/// Builds the summary of `month` and renders it: the one call a front end
/// needs (`coachlog summary`, the desktop's Export screen).
pub fn export(
    conn: &Connection,
    month: Month,
    options: &SummaryOptions,
    format: Format,
) -> Result<String> {
    Ok(render(&build(conn, month, options)?, format))
}

/// The month written out: "May 2026".
pub fn month_name(month: Month) -> String {
    let name = crate::calendar::MONTH_NAMES[(month.month() - 1) as usize];
    format!("{name} {}", month.year())
}

impl PersonMonth {
    /// The grade of one practice.
    pub fn grade_of(&self, practice: Practice) -> Grade {
        self.coverage
            .iter()
            .find(|c| c.practice == practice)
            .map_or(Grade::NotApplicable, |c| c.grade)
    }

    /// Their overdue items at month end for one rule.
    pub fn overdue(&self, rule: Rule) -> u32 {
        self.overdue_at_month_end
            .iter()
            .find(|c| c.rule == rule)
            .map_or(0, |c| c.count)
    }

    /// Their overdue items at month end, all rules.
    pub fn overdue_total(&self) -> u32 {
        self.overdue_at_month_end.iter().map(|c| c.count).sum()
    }
}

impl Overdue {
    /// The count of one rule.
    pub fn count(&self, rule: Rule) -> u32 {
        self.by_rule
            .iter()
            .find(|c| c.rule == rule)
            .map_or(0, |c| c.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_extension_or_name() {
        for f in Format::ALL {
            assert_eq!(f.extension().parse::<Format>().unwrap(), f);
        }
        assert_eq!("Markdown".parse::<Format>().unwrap(), Format::Markdown);
        assert_eq!(
            "pdf".parse::<Format>().unwrap_err().to_string(),
            "'pdf' is not a summary format; choose one of: md, html, csv, json."
        );
    }

    #[test]
    fn labels() {
        assert_eq!(month_name("2026-05".parse().unwrap()), "May 2026");
    }
}
