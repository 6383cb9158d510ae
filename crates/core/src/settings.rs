//! The leader's settings: every setting of the practice catalogue, with its
//! default, stored as text in the `setting` table (absent = default).
//!
//! To add a setting: add a field to [`Settings`], a row to [`KEYS`], and arms
//! to `apply` and `value_of`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::calendar::{self, ReleaseAnchor, ReleaseDay, ReleaseVersion};
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::validate;

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    /// 1:1 cadence in days; a person may override it.
    pub one_on_one_every_days: u32,
    /// Business days within which a HELP item without timing is due.
    pub request_reply_business_days: u32,
    /// The monthly release day.
    pub release_day: ReleaseDay,
    /// Maps release versions to months.
    pub release_anchor: ReleaseAnchor,
    /// First month of the fiscal year (1–12).
    pub fiscal_year_start_month: u32,
    /// Internal-customer check-in cadence in days.
    pub internal_customer_every_days: u32,
    /// How often every stage on the team should be walked through.
    pub stage_walkthrough_every_days: u32,
    /// Days an open requisition may go without a loop member who works with the hire.
    pub hiring_peer_grace_days: u32,
    /// Days an open requisition may go without an interview.
    pub requisition_stale_days: u32,
    /// Days within which a win should be shared with leadership.
    pub win_share_days: u32,
    /// Days between CDF reviews.
    pub cdf_review_every_days: u32,
    /// Days between career conversations.
    pub career_conversation_every_days: u32,
    /// The coaching tag that marks a held 1:1 as a career conversation.
    pub career_tag: String,
    /// Days between skip-level meetings with each skip-level report.
    pub skip_level_every_days: u32,
    /// Nothing is owed before this day.
    pub tracking_since: NaiveDate,
    /// Whether the desktop app shows the daily digest notification.
    pub notifications: bool,
    /// The local time of day of the daily digest, as (hour, minute).
    pub notify_at: (u32, u32),
    /// Days a deleted record stays in the Trash before it is purged.
    pub trash_days: u32,
}

impl Settings {
    /// The defaults, with `tracking_since` given (it has no fixed default:
    /// it is the day the database was created).
    pub fn defaults(tracking_since: NaiveDate) -> Settings {
        Settings {
            one_on_one_every_days: 7,
            request_reply_business_days: 2,
            release_day: ReleaseDay::default(),
            release_anchor: ReleaseAnchor::default(),
            fiscal_year_start_month: 2,
            internal_customer_every_days: 30,
            stage_walkthrough_every_days: 90,
            hiring_peer_grace_days: 7,
            requisition_stale_days: 14,
            win_share_days: 7,
            cdf_review_every_days: 90,
            career_conversation_every_days: 182,
            career_tag: "career".to_string(),
            skip_level_every_days: 91,
            tracking_since,
            notifications: true,
            notify_at: (9, 0),
            trash_days: 30,
        }
    }

    /// The release day of version `v` under these settings.
    pub fn release_date(&self, v: ReleaseVersion) -> NaiveDate {
        calendar::version_release_date(v, self.release_anchor, self.release_day)
    }

    /// Sets one setting from its text form, validating it.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<()> {
        let v = value.trim();
        let days = |field: &str, max: u32| -> Result<u32> {
            let n: u32 = v.parse().map_err(|_| {
                Error::invalid(format!("{field} takes a whole number of days; got '{v}'."))
            })?;
            validate::days(field, n, max)
        };
        match key {
            "one_on_one_every_days" => self.one_on_one_every_days = days(key, 366)?,
            "request_reply_business_days" => self.request_reply_business_days = days(key, 60)?,
            "release_day" => self.release_day = v.parse()?,
            "release_anchor" => self.release_anchor = v.parse()?,
            "fiscal_year_start_month" => {
                self.fiscal_year_start_month = match v.parse::<u32>() {
                    Ok(m @ 1..=12) => m,
                    _ => {
                        return Err(Error::invalid(format!(
                            "fiscal_year_start_month is a month number from 1 (January) to 12 \
                             (December); got '{v}'."
                        )))
                    }
                }
            }
            "internal_customer_every_days" => self.internal_customer_every_days = days(key, 366)?,
            "stage_walkthrough_every_days" => self.stage_walkthrough_every_days = days(key, 732)?,
            "hiring_peer_grace_days" => self.hiring_peer_grace_days = days(key, 366)?,
            "requisition_stale_days" => self.requisition_stale_days = days(key, 366)?,
            "win_share_days" => self.win_share_days = days(key, 366)?,
            "cdf_review_every_days" => self.cdf_review_every_days = days(key, 366)?,
            "career_conversation_every_days" => {
                self.career_conversation_every_days = days(key, 732)?
            }
            "career_tag" => self.career_tag = validate::name("career_tag", v, validate::TAG_MAX)?,
            "skip_level_every_days" => self.skip_level_every_days = days(key, 366)?,
            "tracking_since" => self.tracking_since = calendar::parse_date(v)?,
            "notifications" => {
                self.notifications = match v.to_ascii_lowercase().as_str() {
                    "on" | "yes" | "true" => true,
                    "off" | "no" | "false" => false,
                    _ => {
                        return Err(Error::invalid(format!(
                            "notifications is on or off; got '{v}'."
                        )))
                    }
                }
            }
            "notify_at" => self.notify_at = parse_time(v)?,
            "trash_days" => self.trash_days = days(key, 3650)?,
            _ => return Err(unknown(key)),
        }
        Ok(())
    }

    /// The text form of one setting.
    pub fn value_of(&self, key: &str) -> Result<String> {
        Ok(match key {
            "one_on_one_every_days" => self.one_on_one_every_days.to_string(),
            "request_reply_business_days" => self.request_reply_business_days.to_string(),
            "release_day" => self.release_day.to_string(),
            "release_anchor" => self.release_anchor.to_string(),
            "fiscal_year_start_month" => self.fiscal_year_start_month.to_string(),
            "internal_customer_every_days" => self.internal_customer_every_days.to_string(),
            "stage_walkthrough_every_days" => self.stage_walkthrough_every_days.to_string(),
            "hiring_peer_grace_days" => self.hiring_peer_grace_days.to_string(),
            "requisition_stale_days" => self.requisition_stale_days.to_string(),
            "win_share_days" => self.win_share_days.to_string(),
            "cdf_review_every_days" => self.cdf_review_every_days.to_string(),
            "career_conversation_every_days" => self.career_conversation_every_days.to_string(),
            "career_tag" => self.career_tag.clone(),
            "skip_level_every_days" => self.skip_level_every_days.to_string(),
            "tracking_since" => calendar::format_date(self.tracking_since),
            "notifications" => if self.notifications { "on" } else { "off" }.to_string(),
            "notify_at" => format!("{:02}:{:02}", self.notify_at.0, self.notify_at.1),
            "trash_days" => self.trash_days.to_string(),
            _ => return Err(unknown(key)),
        })
    }
}

fn parse_time(v: &str) -> Result<(u32, u32)> {
    let bad = || {
        Error::invalid(format!(
            "notify_at is a time of day as HH:MM, from 00:00 to 23:59, e.g. 09:00; got '{v}'."
        ))
    };
    let (h, m) = v.split_once(':').ok_or_else(bad)?;
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 || v.len() > 5 {
        return Err(bad());
    }
    Ok((h, m))
}

/// A setting's key and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SettingInfo {
    /// The key used by `coachlog settings set`.
    pub key: &'static str,
    /// What it means, in a leader's words.
    pub description: &'static str,
}

/// Every setting, in the catalogue's order.
pub const KEYS: &[SettingInfo] = &[
    SettingInfo {
        key: "one_on_one_every_days",
        description: "1:1 cadence in days; a person may override it",
    },
    SettingInfo {
        key: "request_reply_business_days",
        description: "business days to answer a HELP request that has no timing",
    },
    SettingInfo {
        key: "release_day",
        description: "monthly release day: third-thursday, or a fixed day 1-28",
    },
    SettingInfo {
        key: "release_anchor",
        description: "maps release versions to months, as A.B=YYYY-MM",
    },
    SettingInfo {
        key: "fiscal_year_start_month",
        description: "first month of the fiscal year (1-12); defines OKR quarters",
    },
    SettingInfo {
        key: "internal_customer_every_days",
        description: "check in with each internal customer at least this often",
    },
    SettingInfo {
        key: "stage_walkthrough_every_days",
        description: "walk through every stage on the team this often",
    },
    SettingInfo {
        key: "hiring_peer_grace_days",
        description: "days an open requisition may lack a loop member who works with the hire",
    },
    SettingInfo {
        key: "requisition_stale_days",
        description: "days an open requisition may go without an interview",
    },
    SettingInfo {
        key: "win_share_days",
        description: "days to share a PM's win with senior leadership",
    },
    SettingInfo {
        key: "cdf_review_every_days",
        description: "days between a PM's CDF reviews",
    },
    SettingInfo {
        key: "career_conversation_every_days",
        description: "days between a PM's career conversations",
    },
    SettingInfo {
        key: "career_tag",
        description: "the coaching tag that marks a held 1:1 as a career conversation",
    },
    SettingInfo {
        key: "skip_level_every_days",
        description: "days between skip-level meetings with each skip-level report",
    },
    SettingInfo {
        key: "notifications",
        description: "desktop notification with the day's overdue digest: on or off",
    },
    SettingInfo {
        key: "notify_at",
        description: "local time of the daily digest notification (HH:MM)",
    },
    SettingInfo {
        key: "trash_days",
        description: "days a deleted record stays in the Trash before it is purged",
    },
    SettingInfo {
        key: "tracking_since",
        description: "nothing is owed before this day (YYYY-MM-DD)",
    },
];

/// One row of `coachlog settings list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettingEntry {
    /// Key.
    pub key: &'static str,
    /// Current value.
    pub value: String,
    /// Default value.
    pub default: String,
    /// What it means.
    pub description: &'static str,
}

fn unknown(key: &str) -> Error {
    let keys: Vec<&str> = KEYS.iter().map(|k| k.key).collect();
    Error::invalid(format!(
        "There is no setting '{key}'. The settings are: {}.",
        keys.join(", ")
    ))
}

/// Reads the settings in force.
pub fn load(conn: &Connection) -> Result<Settings> {
    let since: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'tracking_since'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let since = match since {
        Some(s) => calendar::parse_date(&s)?,
        None => {
            return Err(Error::Corrupt(
                "the database has no tracking_since setting.".into(),
            ))
        }
    };
    let mut settings = Settings::defaults(since);
    let mut stmt = conn.prepare("SELECT key, value FROM setting WHERE key <> 'tracking_since'")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (key, value) = row?;
        // A value this version cannot read is ignored for its default rather than
        // locking the user out; `set` never writes one.
        let _ = settings.apply(&key, &value);
    }
    Ok(settings)
}

/// Sets one setting (validated) and returns the settings now in force.
pub fn set(tx: &Tx<'_>, key: &str, value: &str) -> Result<Settings> {
    let mut settings = load(tx)?;
    settings.apply(key, value)?;
    let canonical = settings.value_of(key)?;
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, canonical],
    )?;
    if matches!(key, "release_day" | "release_anchor") {
        follow_releases(tx, &settings)?;
    }
    Ok(settings)
}

/// Moves each milestone tied to a release onto that release's day under
/// `settings` (the `milestone` table keeps the resolved day, see
/// `store::milestones`; that module reads the settings, so the settings
/// cannot call it).
fn follow_releases(tx: &Tx<'_>, settings: &Settings) -> Result<()> {
    let tied: Vec<(i64, String)> = tx
        .prepare("SELECT id, release FROM milestone WHERE release IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, release) in tied {
        let day = settings.release_date(release.parse()?);
        validate::in_years(&format!("release day of {release}"), day)?;
        tx.execute(
            "UPDATE milestone SET date = ?2 WHERE id = ?1 AND date <> ?2",
            params![id, day],
        )?;
    }
    Ok(())
}

/// The current text value of one setting.
pub fn get(conn: &Connection, key: &str) -> Result<String> {
    load(conn)?.value_of(key)
}

/// Writes every setting of `settings` (used by import).
pub fn save_all(tx: &Tx<'_>, settings: &Settings) -> Result<()> {
    for info in KEYS {
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![info.key, settings.value_of(info.key)?],
        )?;
    }
    follow_releases(tx, settings)
}

/// The entry of the setting `key` (trimmed); an unknown key is refused with
/// the list of keys.
pub fn entry(conn: &Connection, key: &str) -> Result<SettingEntry> {
    let key = key.trim();
    load(conn)?.value_of(key)?;
    list(conn)?
        .into_iter()
        .find(|e| e.key == key)
        .ok_or_else(|| Error::Internal(format!("setting {key} is missing from the list")))
}

/// Every setting with its value, default and meaning.
pub fn list(conn: &Connection) -> Result<Vec<SettingEntry>> {
    let current = load(conn)?;
    let defaults = Settings::defaults(current.tracking_since);
    KEYS.iter()
        .map(|info| {
            Ok(SettingEntry {
                key: info.key,
                value: current.value_of(info.key)?,
                default: if info.key == "tracking_since" {
                    "the day the database was created".into()
                } else {
                    defaults.value_of(info.key)?
                },
                description: info.description,
            })
        })
        .collect()
}
