//! Value parsers shared by the command definitions.
//!
//! They reuse the core's parsers so that the CLI accepts exactly what the
//! core does, and clap reports a bad value with the core's message (and exit
//! code 2, like every usage error).

use chrono::NaiveDate;
use clap::Args;
use coachlog_core::calendar;
use coachlog_core::db::output::Existing;
use coachlog_core::model::CloseTag;

/// A strict `YYYY-MM-DD` date.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    calendar::parse_date(s).map_err(|e| e.0)
}

/// A release version `X.Y`, e.g. `19.8`.
pub fn release(s: &str) -> Result<calendar::ReleaseVersion, String> {
    s.parse().map_err(|e: calendar::ParseError| e.0)
}

/// `--from` / `--to`: the days a list keeps (`#[command(flatten)]`).
#[derive(Debug, Clone, Copy, Args)]
pub struct DateRange {
    /// Only on or after this day.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub from: Option<NaiveDate>,
    /// Only on or before this day.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub to: Option<NaiveDate>,
}

/// `ITEM=TAG`, e.g. `12=done`: an agenda item id and a closing tag.
pub fn close_spec(s: &str) -> Result<(i64, CloseTag), String> {
    let (item, tag) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}' is not ITEM=TAG; write e.g. 12=done."))?;
    let item: i64 = item.trim().trim_start_matches('#').parse().map_err(|_| {
        format!(
            "'{}' is not an agenda item id; write e.g. 12=done.",
            item.trim()
        )
    })?;
    let tag: CloseTag = tag
        .parse()
        .map_err(|e: coachlog_core::Error| e.to_string())?;
    Ok((item, tag))
}

/// `--force` as the core's choice about an existing output file.
pub fn existing(force: bool) -> Existing {
    if force {
        Existing::Replace
    } else {
        Existing::Refuse
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_specs() {
        assert_eq!(close_spec("12=done").unwrap(), (12, CloseTag::Done));
        assert_eq!(close_spec("#3 = WONT").unwrap(), (3, CloseTag::Wont));
        assert_eq!(
            close_spec("12").unwrap_err(),
            "'12' is not ITEM=TAG; write e.g. 12=done."
        );
        assert!(close_spec("x=done")
            .unwrap_err()
            .contains("not an agenda item id"));
        assert!(close_spec("1=later")
            .unwrap_err()
            .contains("not a closing agenda tag"));
    }

    #[test]
    fn dates_are_strict() {
        assert!(date("2026-02-28").is_ok());
        assert!(date("2026-02-30").unwrap_err().contains("not a real date"));
        assert!(date("2026-2-3").is_err());
    }
}
