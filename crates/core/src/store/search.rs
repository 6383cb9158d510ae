//! Full-text search over 1:1 notes, agenda items, check-in notes,
//! walkthroughs and wins (the FTS5 table `search_index`, kept current by
//! triggers in the schema).
//!
//! Tests: `crates/core/tests/store/search.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::PersonId;

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A 1:1's notes.
    OneOnOne,
    /// An agenda item.
    AgendaItem,
    /// A check-in's notes.
    CheckIn,
    /// A walkthrough's title or findings.
    Walkthrough,
    /// A win.
    Win,
}

impl HitKind {
    fn from_code(code: i64) -> Option<HitKind> {
        Some(match code {
            1 => HitKind::OneOnOne,
            2 => HitKind::AgendaItem,
            3 => HitKind::CheckIn,
            4 => HitKind::Walkthrough,
            5 => HitKind::Win,
            _ => return None,
        })
    }

    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            HitKind::OneOnOne => "1:1",
            HitKind::AgendaItem => "agenda item",
            HitKind::CheckIn => "check-in",
            HitKind::Walkthrough => "walkthrough",
            HitKind::Win => "win",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hit {
    /// What kind of record matched.
    pub kind: HitKind,
    /// The record's id (in its own table).
    pub id: i64,
    /// The person it belongs to, if any.
    pub person_id: Option<PersonId>,
    /// That person's name.
    pub person: Option<String>,
    /// The record's date (1:1, opened, check-in, walkthrough, noted).
    pub date: NaiveDate,
    /// An excerpt around the match, as plain text.
    pub snippet: String,
    /// The same excerpt cut into parts, the matched words marked, so a
    /// screen can highlight them without parsing anything.
    pub parts: Vec<SnippetPart>,
}

/// A piece of a search excerpt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SnippetPart {
    /// The text, exactly as stored (never markup).
    pub text: String,
    /// Whether it is a matched word.
    pub matched: bool,
}

/// The markers FTS5 puts around matches: private-use code points, which
/// `validate::text` lets through but no keyboard types, so they cannot be
/// confused with the note's own text (as `**` was with Markdown bold).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

fn split_marked(marked: &str) -> Vec<SnippetPart> {
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut matched = false;
    let mut current = String::new();
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    matched,
                });
            }
            matched = c == OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart {
            text: current,
            matched,
        });
    }
    parts
}

/// Turns what the user typed into a safe FTS5 query: every word is quoted
/// (so operators and punctuation are plain text) and the last one matches as
/// a prefix. All words must match.
pub fn fts_query(text: &str) -> Result<String> {
    // Control characters (a NUL would end the query string inside SQLite)
    // separate words like spaces do.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(Error::invalid("Give at least one word to search for."));
    }
    if words.len() > 32 {
        return Err(Error::invalid("Search for at most 32 words at a time."));
    }
    let last = words.len() - 1;
    Ok(words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            if i == last {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" "))
}

/// Finds records containing every word of `text`, best matches first.
pub fn search(conn: &Connection, text: &str, limit: usize) -> Result<Vec<Hit>> {
    let query = fts_query(text)?;
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, snippet(search_index, 0, char(57344), char(57345), '…', 16) FROM search_index
         WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![query, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut hits = Vec::with_capacity(rows.len());
    for (rowid, marked) in rows {
        let parts = split_marked(&marked);
        let Some(kind) = HitKind::from_code(rowid % 8) else {
            continue;
        };
        let id = rowid / 8;
        let sql = match kind {
            HitKind::OneOnOne => "SELECT o.person_id, p.name, o.date FROM one_on_one o JOIN person p ON p.id = o.person_id WHERE o.id = ?1",
            HitKind::AgendaItem => "SELECT a.person_id, p.name, a.opened_on FROM agenda_item a JOIN person p ON p.id = a.person_id WHERE a.id = ?1",
            HitKind::CheckIn => "SELECT l.person_id, p.name, c.date FROM check_in c JOIN customer_link l ON l.id = c.link_id JOIN person p ON p.id = l.person_id WHERE c.id = ?1",
            HitKind::Walkthrough => "SELECT NULL, NULL, date FROM walkthrough WHERE id = ?1",
            HitKind::Win => "SELECT w.person_id, p.name, w.noted_on FROM win w JOIN person p ON p.id = w.person_id WHERE w.id = ?1",
        };
        // Prepared once per kind and connection, not once per hit.
        let (person_id, person, date) = conn.prepare_cached(sql)?.query_row([id], |r| {
            Ok((
                r.get::<_, Option<PersonId>>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get(2)?,
            ))
        })?;
        hits.push(Hit {
            kind,
            id,
            person_id,
            person,
            date,
            snippet: parts.iter().map(|p| p.text.as_str()).collect(),
            parts,
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_snippets_split_into_plain_parts() {
        let part = |t: &str, m: bool| SnippetPart {
            text: t.into(),
            matched: m,
        };
        assert_eq!(
            split_marked("…the \u{E000}roadmap\u{E001} is **bold**"),
            vec![
                part("…the ", false),
                part("roadmap", true),
                part(" is **bold**", false)
            ]
        );
        assert_eq!(split_marked("\u{E000}a\u{E001}"), vec![part("a", true)]);
        assert!(split_marked("").is_empty());
    }

    #[test]
    fn queries_quote_every_word_and_prefix_the_last() {
        let cases = [
            ("roadmap", "\"roadmap\"*"),
            ("  career   growth ", "\"career\" \"growth\"*"),
            ("a\"b OR c", "\"a\"\"b\" \"OR\" \"c\"*"),
            ("NEAR(x y)", "\"NEAR(x\" \"y)\"*"),
            ("a\u{0}b", "\"a\" \"b\"*"),
        ];
        for (input, expected) in cases {
            assert_eq!(fts_query(input).unwrap(), expected, "{input}");
        }
        assert!(fts_query("   ").is_err());
    }
}
