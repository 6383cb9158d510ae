//! Small helpers shared by the commands' text and JSON output.

use std::collections::HashMap;

use chrono::NaiveDate;
use coachlog_core::calendar;
use coachlog_core::model::{JobFamily, Level, Participant, PersonId, Scope, ScopeKind};
use coachlog_core::{Error, Result};
use serde::Serialize;

/// Pretty JSON of `value`, with a final line break.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Internal(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// A date, or blank.
pub fn date(d: Option<NaiveDate>) -> String {
    d.map(calendar::format_date).unwrap_or_default()
}

/// `text`, or `—` when blank (for detail views).
pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}

/// Multi-line text on one line (for a table cell, which cuts it to width).
pub fn summary(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub use coachlog_core::words::count;

/// A person's name from the map, or `#id` if unknown.
pub fn name_of(names: &HashMap<PersonId, String>, id: PersonId) -> String {
    names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
}

/// A hiring participant as text.
pub fn participant(names: &HashMap<PersonId, String>, p: &Participant) -> String {
    match p {
        Participant::Person(id) => name_of(names, *id),
        Participant::Name(n) => n.clone(),
    }
}

/// A one-line summary of a scope, e.g. `Group: Project Management (Plan)`.
pub fn scope(s: &Scope) -> String {
    let section = s.section.iter().cloned().collect::<Vec<_>>();
    let (main, extra): (&[String], &[String]) = match s.kind {
        ScopeKind::Group | ScopeKind::CollectionOfGroups => (&s.groups, &s.stages),
        ScopeKind::Stage => (&s.stages, &section),
        ScopeKind::Section => (&section, &[]),
    };
    let mut out = s.kind.label().to_string();
    if !main.is_empty() {
        out.push_str(": ");
        out.push_str(&main.join(", "));
    }
    if !extra.is_empty() {
        out.push_str(&format!(" ({})", extra.join(", ")));
    }
    out
}

/// The usual level of a job family (the handbook's layers).
pub fn level_of(family: JobFamily) -> Level {
    match family {
        JobFamily::ProductManager
        | JobFamily::SeniorProductManager
        | JobFamily::PrincipalProductManager
        | JobFamily::Other => Level::Ic,
        JobFamily::GroupManagerProduct | JobFamily::EngineeringManager => Level::Manager,
        JobFamily::DirectorOfProduct => Level::Director,
        JobFamily::Vp => Level::SeniorLeader,
        JobFamily::Evp => Level::Executive,
    }
}

/// Lines `label: value` with the labels aligned.
pub fn fields(rows: &[(&str, String)]) -> String {
    let w = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, value) in rows {
        let pad = " ".repeat(w - label.chars().count());
        out.push_str(&format!("  {label}:{pad} {value}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_summaries() {
        let s = |kind, section: Option<&str>, stages: &[&str], groups: &[&str]| Scope {
            kind,
            section: section.map(str::to_string),
            stages: stages.iter().map(|s| s.to_string()).collect(),
            groups: groups.iter().map(|s| s.to_string()).collect(),
        };
        let cases = [
            (
                s(
                    ScopeKind::Group,
                    Some("Dev"),
                    &["Plan"],
                    &["Project Management"],
                ),
                "Group: Project Management (Plan)",
            ),
            (
                s(ScopeKind::Stage, Some("Dev"), &["Plan"], &[]),
                "Stage: Plan (Dev)",
            ),
            (s(ScopeKind::Section, Some("Dev"), &[], &[]), "Section: Dev"),
            (
                s(ScopeKind::CollectionOfGroups, None, &[], &["A", "B"]),
                "Collection of groups: A, B",
            ),
            (s(ScopeKind::Group, None, &[], &[]), "Group"),
        ];
        for (scope_in, expected) in cases {
            assert_eq!(scope(&scope_in), expected);
        }
    }

    #[test]
    fn summaries() {
        assert_eq!(
            summary("\n  **Risk** \n\n- the  launch"),
            "**Risk** - the launch"
        );
        assert_eq!(summary("  \n"), "");
    }
}
