//! A person's packet for review season (`docs/history.md`): one person's
//! whole story in a window of days — their 1:1s by status and coaching tags
//! month by month, requests and actions opened and closed and how fast,
//! every update due with its outcome, link and OKR scores, internal
//! customers and check-ins, wins, the interviews and loops they joined, CDF
//! reviews and career conversations — as data, and pure renderers of it to
//! GitLab-flavoured Markdown, one self-contained HTML file with an SVG
//! timeline, and JSON.
//!
//! **Shape.** [`build`] reads the database and returns a [`History`];
//! [`markdown`], [`html`] and [`json`] render it and know nothing of SQL;
//! [`export`] does both, for the front ends. It reuses the monthly
//! summary's pieces: its data types where the meaning is the same
//! ([`TagCount`], [`UpdateDue`], [`WinNoted`], …), its update outcomes, its
//! phrases, its Markdown and HTML escaping and its style sheet.
//!
//! **Invariants.**
//! - Privacy, as the summary's: unless [`HistoryOptions::include_notes`], a
//!   `History` holds no 1:1 notes, agenda item texts, CDF notes, focus areas
//!   or CDF links — not even in fields a renderer leaves out. Check-in notes
//!   and candidates' names are never included.
//! - Deterministic: the same database, person, window and options give the
//!   same bytes. The clock is never read: the front ends pass the window.
//! - Every user text is escaped for its format.

mod build;
mod html;
mod markdown;

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::model::{CdfReviewId, InterviewId, LinkId, Objective, PersonId, RequisitionId};
use crate::summary::{ItemText, OneOnOneDay, OneOnOneNotes, TagCount, UpdateDue, WinNoted};

pub use build::build;
pub use html::html;
pub use markdown::markdown;

/// The longest window a packet covers: ten years.
pub const MAX_MONTHS: u32 = 120;

/// What a packet includes beyond the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct HistoryOptions {
    /// Add the 1:1 notes, the texts of the agenda items opened or closed in
    /// the window, and the CDF reviews' focus areas, notes and links. Off by
    /// default: they are private coaching material.
    pub include_notes: bool,
}

/// The days a packet covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Window {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl Window {
    /// The window from `from` to `to`, each defaulting from `today`: `to`
    /// to today, `from` to the day after the same day six months before
    /// `to` (the six months ending on `to`). Refused when `from` is after
    /// `to` or the window is longer than [`MAX_MONTHS`].
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Result<Window> {
        let to = to.unwrap_or(today);
        let from = match from {
            Some(f) => f,
            None => Window::six_months_to(to),
        };
        if from > to {
            return Err(Error::invalid(format!(
                "The window starts on {from}, after it ends on {to}; choose a start on or before \
                 its end."
            )));
        }
        if to
            .checked_sub_months(Months::new(MAX_MONTHS))
            .is_some_and(|limit| from <= limit)
        {
            return Err(Error::invalid(format!(
                "A packet covers at most {} years; {from} to {to} is longer. Choose a later \
                 start.",
                MAX_MONTHS / 12
            )));
        }
        Ok(Window { from, to })
    }

    /// The first day of the six months ending on `to`.
    pub fn six_months_to(to: NaiveDate) -> NaiveDate {
        to.checked_sub_months(Months::new(6))
            .and_then(|d| d.succ_opt())
            .unwrap_or(NaiveDate::MIN)
    }

    /// Whether `day` is in the window.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The months the window touches, in order.
    pub fn months(&self) -> Vec<Month> {
        let last = Month::of(self.to);
        std::iter::successors(Some(Month::of(self.from)), |m| Some(m.next()))
            .take_while(|m| *m <= last)
            .collect()
    }
}

/// One person's story in a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// The person.
    pub person_id: PersonId,
    /// Their name.
    pub name: String,
    /// Their job title, as written (may be empty).
    pub title: String,
    /// Reporting to the leader since.
    pub since: NaiveDate,
    /// Archived on, if ever.
    pub archived_on: Option<NaiveDate>,
    /// The window.
    pub window: Window,
    /// Whether notes, agenda texts and CDF notes are included.
    pub includes_notes: bool,
    /// Their 1:1s dated in the window, counted by status.
    pub one_on_ones: StatusCounts,
    /// Each 1:1 of the window, by date (the timeline).
    pub one_on_one_dates: Vec<OneOnOneDay>,
    /// Coaching tags of the window's held 1:1s, most used first, then by tag.
    pub coaching_tags: Vec<TagCount>,
    /// Per month the window touches, in order: its 1:1s by status and the
    /// coaching tags of its held ones.
    pub months: Vec<MonthOneOnOnes>,
    /// Requests for context or advice (HELP items raised by the person).
    pub requests: ItemFlow,
    /// TODO items: actions they owe.
    pub actions_person: ItemFlow,
    /// DOTO items: actions the leader owes them.
    pub actions_leader: ItemFlow,
    /// Updates due in the window, by due date, then kind.
    pub updates: Vec<HistoryUpdate>,
    /// Their internal customers active in the window, by team, category, id.
    pub customers: Vec<CustomerHistory>,
    /// Wins noted in the window, by date, then id.
    pub wins: Vec<WinNoted>,
    /// Wins shared with senior leadership in the window, whenever noted.
    pub wins_shared: u32,
    /// Interviews in the window with them among the interviewers, by date, then id.
    pub interviews: Vec<InterviewJoined>,
    /// Interview loops they were in, of requisitions open during the window,
    /// by opening date, then requisition.
    pub loops: Vec<LoopJoined>,
    /// CDF reviews dated in the window, by date, then id.
    pub cdf_reviews: Vec<CdfReviewHeld>,
    /// The coaching tag that marks a career conversation (the `career_tag` setting).
    pub career_tag: String,
    /// Career conversations: held 1:1s of the window tagged with it, by date.
    pub career_conversations: Vec<NaiveDate>,
    /// Notes and agenda texts; only with [`HistoryOptions::include_notes`].
    pub notes: Option<HistoryNotes>,
}

/// 1:1s counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// Held.
    pub held: u32,
    /// Skipped.
    pub skipped: u32,
    /// Cancelled.
    pub cancelled: u32,
}

/// One month of the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthOneOnOnes {
    /// The month (only its days in the window count).
    pub month: Month,
    /// Its 1:1s by status.
    pub one_on_ones: StatusCounts,
    /// Coaching tags of its held 1:1s, most used first, then by tag.
    pub coaching_tags: Vec<TagCount>,
}

/// Agenda items of one kind through the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ItemFlow {
    /// Opened in the window.
    pub opened: u32,
    /// Closed in the window (whenever opened).
    pub closed: u32,
    /// Open at the end of the window's last day.
    pub open_at_end: u32,
    /// The median of the days from opening to closing of those closed in
    /// the window; `None` when none was.
    pub median_days_to_close: Option<f64>,
}

/// An update due in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryUpdate {
    /// Its due date, outcome and link, as the summary reckons them.
    #[serde(flatten)]
    pub due: UpdateDue,
    /// For OKRs, the objectives and key results with their scores: those of
    /// the earliest done update of the quarter, else of its latest update.
    pub objectives: Vec<Objective>,
}

/// An internal customer and its check-ins in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerHistory {
    /// The link.
    pub link_id: LinkId,
    /// The internal customer (a team).
    pub team: String,
    /// The category.
    pub category: String,
    /// Linked since.
    pub since: NaiveDate,
    /// Archived on, if ever.
    pub archived_on: Option<NaiveDate>,
    /// Check-ins dated in the window, by date (their notes are never included).
    pub check_ins: Vec<CheckInDay>,
}

/// A check-in on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckInDay {
    /// When.
    pub date: NaiveDate,
    /// Whether the category epic was updated.
    pub epic_updated: bool,
}

/// An interview the person joined as an interviewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterviewJoined {
    /// The interview.
    pub interview_id: InterviewId,
    /// When.
    pub date: NaiveDate,
    /// Its requisition.
    pub requisition_id: RequisitionId,
    /// The requisition's title.
    pub requisition: String,
}

/// A requisition's interview loop the person was in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoopJoined {
    /// The requisition.
    pub requisition_id: RequisitionId,
    /// Its title.
    pub requisition: String,
    /// Opened on.
    pub opened_on: NaiveDate,
    /// Closed on, if closed.
    pub closed_on: Option<NaiveDate>,
    /// Their role in the loop, as written (may be empty).
    pub role: String,
}

/// A CDF review held in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CdfReviewHeld {
    /// The review.
    pub cdf_review_id: CdfReviewId,
    /// When.
    pub date: NaiveDate,
    /// Its 1 to 3 focus areas; only with notes.
    pub focus: Option<Vec<String>>,
    /// Its notes (Markdown), as written; only with notes.
    pub notes: Option<String>,
    /// The review document's URL; only with notes.
    pub link: Option<String>,
}

/// The private material of the window (only with `include_notes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryNotes {
    /// The window's 1:1s with their notes, by date.
    pub one_on_ones: Vec<OneOnOneNotes>,
    /// Agenda items opened or closed in the window, by opening date, then
    /// id, as they stood at the end of its last day.
    pub items: Vec<ItemText>,
}

/// An output format of the packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum HistoryFormat {
    /// GitLab-flavoured Markdown.
    Markdown,
    /// One self-contained HTML file with a timeline.
    Html,
    /// The packet's data as JSON.
    Json,
}

impl HistoryFormat {
    /// Every format.
    pub const ALL: [HistoryFormat; 3] = [
        HistoryFormat::Markdown,
        HistoryFormat::Html,
        HistoryFormat::Json,
    ];

    /// The usual file extension: md, html, json.
    pub fn extension(self) -> &'static str {
        match self {
            HistoryFormat::Markdown => "md",
            HistoryFormat::Html => "html",
            HistoryFormat::Json => "json",
        }
    }

    /// A label: "Markdown", "HTML", "JSON".
    pub fn label(self) -> &'static str {
        match self {
            HistoryFormat::Markdown => "Markdown",
            HistoryFormat::Html => "HTML",
            HistoryFormat::Json => "JSON",
        }
    }
}

impl fmt::Display for HistoryFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for HistoryFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<HistoryFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(HistoryFormat::Markdown),
            "html" | "htm" => Ok(HistoryFormat::Html),
            "json" => Ok(HistoryFormat::Json),
            other => Err(Error::invalid(format!(
                "'{other}' is not a packet format; choose one of: md, html, json."
            ))),
        }
    }
}

/// The packet as pretty JSON with a final line break: the [`History`] itself.
pub fn json(history: &History) -> String {
    let mut s = serde_json::to_string_pretty(history)
        .expect("a packet is plain data and always serializes");
    s.push('\n');
    s
}

/// Renders `history` in `format`.
pub fn render(history: &History, format: HistoryFormat) -> String {
    match format {
        HistoryFormat::Markdown => markdown(history),
        HistoryFormat::Html => html(history),
        HistoryFormat::Json => json(history),
    }
}

/// Builds `person`'s packet for `window` and renders it: the one call a
/// front end needs (`coachlog person history`, the Export screen's Person tab).
pub fn export(
    conn: &Connection,
    person: PersonId,
    window: Window,
    options: &HistoryOptions,
    format: HistoryFormat,
) -> Result<String> {
    Ok(render(&build(conn, person, window, options)?, format))
}

/// The median of `values` (sorted here); `None` when there are none.
fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid] as f64
    } else {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    })
}

/// "4 days", "4.5 days", "1 day".
fn days_text(days: f64) -> String {
    if days == 1.0 {
        "1 day".into()
    } else {
        format!("{days} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_default_window_is_the_six_months_ending_today() {
        let w = Window::new(None, None, day("2026-05-15")).unwrap();
        assert_eq!((w.from, w.to), (day("2025-11-16"), day("2026-05-15")));
        let w = Window::new(None, Some(day("2026-08-31")), day("2026-05-15")).unwrap();
        assert_eq!(w.from, day("2026-03-01"));
        assert_eq!(w.months().len(), 6);
    }

    #[test]
    fn windows_are_refused_backwards_or_too_long() {
        let today = day("2026-05-15");
        let e = Window::new(Some(day("2026-05-16")), None, today).unwrap_err();
        assert_eq!(
            e.to_string(),
            "The window starts on 2026-05-16, after it ends on 2026-05-15; choose a start on or \
             before its end."
        );
        assert!(Window::new(Some(day("2016-05-15")), None, today).is_err());
        assert!(Window::new(Some(day("2016-05-16")), None, today).is_ok());
        assert!(Window::new(Some(today), Some(today), today).is_ok());
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3.5));
        assert_eq!(days_text(3.5), "3.5 days");
        assert_eq!(days_text(1.0), "1 day");
        assert_eq!(days_text(2.0), "2 days");
    }

    #[test]
    fn formats_parse() {
        for f in HistoryFormat::ALL {
            assert_eq!(f.extension().parse::<HistoryFormat>().unwrap(), f);
        }
        assert_eq!(
            "csv".parse::<HistoryFormat>().unwrap_err().to_string(),
            "'csv' is not a packet format; choose one of: md, html, json."
        );
    }
}
