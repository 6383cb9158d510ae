//! Input checks shared by the store modules.
//!
//! Each function takes the field's user-facing name and returns the cleaned
//! value or an [`Error::Invalid`] that says what to fix. They run before any
//! transaction opens.

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// The most characters a name (person, team, stage, title…) may have.
pub const NAME_MAX: usize = 200;
/// The most characters an agenda item or a win may have.
pub const ITEM_MAX: usize = 10_000;
/// The most characters a note (1:1 notes, findings, check-in notes) may have.
pub const NOTES_MAX: usize = 200_000;
/// The most characters a link may have.
pub const LINK_MAX: usize = 2_000;
/// The most names in a list (stages, groups, tags…).
pub const LIST_MAX: usize = 50;
/// The most agenda items one 1:1 (or its draft) may open, and close.
pub const ITEMS_PER_ONE_ON_ONE_MAX: usize = 500;
/// The most characters a search may have.
pub const SEARCH_MAX: usize = 500;

/// The comparison key of a free-text name: trimmed, Unicode lower-cased.
pub fn key(name: &str) -> String {
    // Code point by code point, as the practice catalogue specifies (so a
    // word-final capital sigma becomes σ, not the contextual ς).
    name.trim().chars().flat_map(char::to_lowercase).collect()
}

/// A required one-line name: trimmed, not empty, at most `max` characters, no
/// control characters.
pub fn name(field: &str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(format!("The {field} is empty; give one.")));
    }
    let n = v.chars().count();
    if n > max {
        return Err(Error::invalid(format!(
            "The {field} is {n} characters long; the most is {max}. Shorten it."
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "The {field} contains a control character (a tab, a line break or similar); \
             keep it to one plain line."
        )));
    }
    Ok(v.to_string())
}

/// An optional one-line value: blank becomes `None`.
pub fn optional_name(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value {
        Some(v) if !v.trim().is_empty() => name(field, v, max).map(Some),
        _ => Ok(None),
    }
}

/// A one-line value that may be empty (e.g. a job title).
pub fn line(field: &str, value: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        Ok(String::new())
    } else {
        name(field, value, max)
    }
}

/// Multi-line text (Markdown). Line breaks and tabs are kept; other control
/// characters are refused. `required` refuses blank text.
pub fn text(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    let v = value.trim_end();
    let v = v.trim_start_matches(['\n', '\r']);
    if required && v.trim().is_empty() {
        return Err(Error::invalid(format!(
            "The {field} is empty; write something."
        )));
    }
    let n = v.chars().count();
    if n > max {
        return Err(Error::invalid(format!(
            "The {field} is {n} characters long; the most is {max}. Shorten it or split it."
        )));
    }
    if v.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::invalid(format!(
            "The {field} contains a control character that is not a line break or a tab; \
             remove it."
        )));
    }
    Ok(v.to_string())
}

/// The most characters a coaching tag may have.
pub const TAG_MAX: usize = 100;

/// A list of names (stages, groups…): each checked, blanks dropped,
/// duplicates (by [`key`]) refused.
pub fn names(field: &str, values: &[String]) -> Result<Vec<String>> {
    names_of_length(field, values, NAME_MAX)
}

/// [`names`] with a given longest name.
pub fn names_of_length(field: &str, values: &[String], max: usize) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().filter(|v| !v.trim().is_empty()) {
        let v = name(field, v, max)?;
        if out.iter().any(|o| key(o) == key(&v)) {
            return Err(Error::invalid(format!(
                "The {field} '{v}' is listed twice; give each once."
            )));
        }
        out.push(v);
    }
    if out.len() > LIST_MAX {
        return Err(Error::invalid(format!(
            "{} {field}s were given; the most is {LIST_MAX}.",
            out.len()
        )));
    }
    Ok(out)
}

/// An optional web link: blank becomes `None`; otherwise it must be an
/// `http://` or `https://` URL on one line.
pub fn link(field: &str, value: Option<&str>) -> Result<Option<String>> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let v = name(field, v, LINK_MAX)?;
    let lower = v.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !v.contains(char::is_whitespace) => Ok(Some(v)),
        _ => Err(Error::invalid(format!(
            "The {field} '{v}' is not a web link; give a full URL starting with https://, \
             e.g. https://gitlab.com/group/project/-/merge_requests/1."
        ))),
    }
}

/// Refuses `later` when it is before `earlier`.
pub fn not_before(what: &str, later: NaiveDate, reference: &str, earlier: NaiveDate) -> Result<()> {
    if later < earlier {
        return Err(Error::invalid(format!(
            "The {what} ({later}) is before {reference} ({earlier}); use a date on or after \
             {earlier}."
        )));
    }
    Ok(())
}

/// Refuses a date outside the years 1000 to 9999, the years every date of
/// Coachlog has (and the export can hold): "the 1:1 date 0026-05-01 is not
/// a date between the years 1000 and 9999; …".
pub fn in_years(what: &str, d: chrono::NaiveDate) -> Result<()> {
    use chrono::Datelike;
    if (1000..=9999).contains(&d.year()) {
        return Ok(());
    }
    Err(Error::invalid(format!(
        "The {what} {} is not in the years 1000 to 9999; check the year (four digits, e.g. \
         2026).",
        crate::calendar::format_date(d)
    )))
}

/// A cadence or interval in days, 1 to `max`.
pub fn days(field: &str, value: u32, max: u32) -> Result<u32> {
    if value == 0 || value > max {
        return Err(Error::invalid(format!(
            "The {field} must be between 1 and {max} days; got {value}."
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(name("name", "  Ada  ", 10).unwrap(), "Ada");
        let cases = [
            ("", "The name is empty; give one."),
            ("   ", "The name is empty; give one."),
            (
                "abcdefghijk",
                "The name is 11 characters long; the most is 10. Shorten it.",
            ),
            (
                "a\u{7}b",
                "The name contains a control character (a tab, a line break or similar); keep \
                 it to one plain line.",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(
                name("name", input, 10).unwrap_err().to_string(),
                message,
                "{input:?}"
            );
        }
    }

    #[test]
    fn text_keeps_line_breaks_and_refuses_other_controls() {
        assert_eq!(text("notes", "a\n\tb\n\n", 100, false).unwrap(), "a\n\tb");
        assert!(text("notes", "a\u{0}b", 100, false).is_err());
        assert!(text("notes", " \n ", 100, true).is_err());
        assert_eq!(text("notes", "", 100, false).unwrap(), "");
    }

    #[test]
    fn names_refuse_duplicates_by_key() {
        let list = vec!["Plan".to_string(), " plan ".to_string()];
        assert_eq!(
            names("stage", &list).unwrap_err().to_string(),
            "The stage 'plan' is listed twice; give each once."
        );
        assert_eq!(
            names("stage", &["Plan".into(), "".into(), "Create".into()]).unwrap(),
            vec!["Plan", "Create"]
        );
    }

    #[test]
    fn links_must_be_web_urls() {
        assert_eq!(link("link", Some("  ")).unwrap(), None);
        assert_eq!(
            link("link", Some("https://gitlab.com/a/-/merge_requests/1")).unwrap(),
            Some("https://gitlab.com/a/-/merge_requests/1".into())
        );
        for bad in [
            "gitlab.com/x",
            "javascript:alert(1)",
            "https://",
            "https://a b",
        ] {
            assert!(link("link", Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_lowercase_unicode() {
        assert_eq!(key("  ÉTAPE Plan "), "étape plan");
    }
}
