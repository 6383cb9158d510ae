//! The calendar feed: the leader's coming due dates as an iCalendar file
//! (RFC 5545) to import into any calendar (`coachlog calendar`, Settings →
//! Calendar → Save… in the app).
//!
//! **What is in it**, for the days from `today` to [`CalendarOptions::months`]
//! months later: the next 1:1 due per tracked person (on today when it is
//! overdue), each release day, each PM's next-release, 3-month-vision and
//! OKR updates not yet done, the leader's walkthrough month ends not yet
//! walked, and the leader's portfolio milestones. The due dates are the
//! overdue review's ([`nudges::review_until`]), so the feed and Today never
//! disagree; the release days are [`dashboard::upcoming_releases`].
//!
//! **Invariants.**
//! - All-day events only (`DTSTART;VALUE=DATE`, `DTEND` the next day).
//! - Each event's `UID` names what the event is, never when it falls —
//!   `oneonone-<person id>@coachlog`, `release-2027-01@coachlog`,
//!   `update-<person id>-okrs-fy28-q1@coachlog`, `walkthrough-2027-01@coachlog`,
//!   `milestone-<id>@coachlog` — so importing a newer file updates the
//!   events instead of adding copies; UIDs are unique within a file.
//! - No private text: titles are built from names, kinds, periods, versions
//!   and milestone titles; never notes, agenda items or findings.
//! - Deterministic: `DTSTAMP` is `today` at midnight UTC, events are sorted
//!   by day then UID, so the same database and day give the same bytes.
//! - Text is escaped (`\` `;` `,` and line breaks), lines are folded at 75
//!   octets (never inside a UTF-8 character) and end with CRLF.

use std::collections::BTreeSet;

use chrono::{Days, Months, NaiveDate};
use rusqlite::Connection;

use crate::dashboard;
use crate::error::{Error, Result};
use crate::model::UpdateKind;
use crate::nudges::{self, Records, Rule};
use crate::settings;
use crate::store::milestones;

/// How many months ahead the feed reaches by default.
pub const MONTHS_DEFAULT: u32 = 3;
/// The most months ahead the feed reaches (two years).
pub const MONTHS_MAX: u32 = 24;

/// What goes in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarOptions {
    /// Months ahead from today, 1 to [`MONTHS_MAX`].
    pub months: u32,
}

impl CalendarOptions {
    /// These options, if `months` is 1 to [`MONTHS_MAX`]; `Invalid`
    /// otherwise.
    pub fn checked(self) -> Result<CalendarOptions> {
        if !(1..=MONTHS_MAX).contains(&self.months) {
            return Err(Error::invalid(format!(
                "The calendar covers 1 to {MONTHS_MAX} months ahead; got {}.",
                self.months
            )));
        }
        Ok(self)
    }
}

impl Default for CalendarOptions {
    fn default() -> Self {
        CalendarOptions {
            months: MONTHS_DEFAULT,
        }
    }
}

/// One all-day event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Its stable id, e.g. `release-2027-01@coachlog`.
    pub uid: String,
    /// Its day.
    pub date: NaiveDate,
    /// Its title (plain text; escaped when written).
    pub summary: String,
    /// Its category: `1:1`, `Release`, `Update`, `Walkthrough` or
    /// `Milestone`.
    pub category: &'static str,
}

/// The last day of the feed: `months` months after `today`, less a day.
fn last_day(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_add_months(Months::new(months))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(NaiveDate::MAX)
}

/// The events of the feed for `today`, by day then UID.
pub fn events(conn: &Connection, today: NaiveDate, options: CalendarOptions) -> Result<Vec<Event>> {
    let options = options.checked()?;
    let last = last_day(today, options.months);
    let settings = settings::load(conn)?;
    let mut out = Vec::new();

    let records = Records::load(conn, today)?;
    for n in nudges::review_until(&records, &settings, today, last) {
        match n.rule {
            Rule::OneOnOne => {
                let (Some(id), Some(name)) = (n.person_id, &n.person) else {
                    continue;
                };
                let summary = if n.due < today {
                    format!("1:1 with {name} due (overdue since {})", n.due)
                } else {
                    format!("1:1 with {name} due")
                };
                out.push(Event {
                    uid: format!("oneonone-{id}@coachlog"),
                    date: n.due.max(today),
                    summary,
                    category: "1:1",
                });
            }
            // The PMs' updates; the leader's portfolio direction is not a
            // PM's due date.
            Rule::Update if n.due >= today => {
                let (Some(id), Some(name), Some(period)) = (n.person_id, &n.person, &n.period)
                else {
                    continue;
                };
                // The rule's key is `update:<person id>:<kind>:<period>`.
                let Some(kind) = n
                    .key
                    .split(':')
                    .nth(2)
                    .and_then(|k| k.parse::<UpdateKind>().ok())
                else {
                    continue;
                };
                out.push(Event {
                    uid: format!(
                        "update-{id}-{}-{}@coachlog",
                        kind.as_str(),
                        uid_part(period)
                    ),
                    date: n.due,
                    summary: format!("{} update from {name} due ({period})", kind.label()),
                    category: "Update",
                });
            }
            Rule::Walkthrough if n.due >= today => {
                let Some(month) = &n.period else { continue };
                out.push(Event {
                    uid: format!("walkthrough-{month}@coachlog"),
                    date: n.due,
                    summary: format!("Product walkthrough for {month} due"),
                    category: "Walkthrough",
                });
            }
            _ => {}
        }
    }

    for r in dashboard::upcoming_releases(&settings, today, options.months as usize + 1) {
        if r.date > last {
            break;
        }
        let summary = match &r.version {
            Some(v) => format!("Release {v}"),
            None => format!("Release day ({})", r.month),
        };
        out.push(Event {
            uid: format!("release-{}@coachlog", r.month),
            date: r.date,
            summary,
            category: "Release",
        });
    }

    for m in milestones::between(conn, today, last)? {
        let summary = match m.release {
            Some(v) => format!("Milestone: {} (release {v})", m.title),
            None => format!("Milestone: {}", m.title),
        };
        out.push(Event {
            uid: format!("milestone-{}@coachlog", m.id),
            date: m.date,
            summary,
            category: "Milestone",
        });
    }

    out.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    let mut seen = BTreeSet::new();
    out.retain(|e| seen.insert(e.uid.clone()));
    Ok(out)
}

/// A period or key as a UID part: lower-case letters, digits and `-`.
fn uid_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The feed for `today` as iCalendar text.
pub fn feed(conn: &Connection, today: NaiveDate, options: CalendarOptions) -> Result<String> {
    Ok(render(&events(conn, today, options)?, today))
}

/// `events` as an iCalendar document stamped `today`.
pub fn render(events: &[Event], today: NaiveDate) -> String {
    let stamp = format!("{}T000000Z", today.format("%Y%m%d"));
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Coachlog//Coachlog calendar feed//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Coachlog",
    ] {
        push_line(&mut out, line);
    }
    for e in events {
        let next = e.date.succ_opt().unwrap_or(e.date);
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&e.uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")),
        );
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        push_line(
            &mut out,
            &format!("CATEGORIES:Coachlog,{}", escape(e.category)),
        );
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): `\` `;` `,` backslashed, a line
/// break as `\n`; other control characters dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to lines of at most 75 octets (a continuation
/// starts with one space, which counts), each ended by CRLF, never splitting
/// a UTF-8 character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let cases = [
            ("plain", "plain"),
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
            ("bell\u{7}", "bell"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let check = |line: &str| {
            let mut out = String::new();
            push_line(&mut out, line);
            assert!(out.ends_with("\r\n"));
            let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            for (i, p) in physical.iter().enumerate() {
                assert!(p.len() <= 75, "{p:?} is {} octets", p.len());
                assert_eq!(i > 0, p.starts_with(' '), "{p:?}");
            }
            let unfolded: String = physical
                .iter()
                .enumerate()
                .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
                .collect();
            assert_eq!(unfolded, line);
            physical.len()
        };
        assert_eq!(check(&"x".repeat(75)), 1);
        assert_eq!(check(&"x".repeat(76)), 2);
        assert_eq!(check(&"x".repeat(75 + 74)), 2);
        assert_eq!(check(&"x".repeat(75 + 75)), 3);
        // Three-octet and four-octet characters are never cut.
        check(&format!("SUMMARY:{}", "李".repeat(60)));
        check(&format!("SUMMARY:a{}", "🚀".repeat(40)));
    }

    #[test]
    fn the_feed_reaches_months_ahead_less_a_day() {
        let d = |s: &str| crate::calendar::parse_date(s).unwrap();
        assert_eq!(last_day(d("2026-12-08"), 3), d("2027-03-07"));
        assert_eq!(last_day(d("2026-11-30"), 3), d("2027-02-27"));
        assert_eq!(last_day(d("2026-12-08"), 24), d("2028-12-07"));
    }
}
