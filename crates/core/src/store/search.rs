//! Full-text search over 1:1 notes, agenda items, check-in notes,
//! walkthroughs, wins, CDF reviews and milestones (the FTS5 table `search_index`, kept
//! current by triggers in the schema).
//!
//! **Ranking.** Best matches first (FTS5's bm25), among the newest
//! [`RANKED_NEWEST`] records that contain every word. Ranking reads each
//! candidate's length, so ranking all 67,000 records that say "customer" in
//! a ten-year history took 70 ms; a word that common is ranked within its
//! newest matches, found in the index's order without ranking (the rowid
//! starts with the record's date, see migration 0006). A search with fewer
//! matches ranks them all.
//!
//! Tests: `crates/core/tests/integration/store/search.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
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
    /// A CDF review's focus areas or notes.
    CdfReview,
    /// A portfolio milestone's title or notes.
    Milestone,
}

impl HitKind {
    fn from_code(code: i64) -> Option<HitKind> {
        Some(match code {
            1 => HitKind::OneOnOne,
            2 => HitKind::AgendaItem,
            3 => HitKind::CheckIn,
            4 => HitKind::Walkthrough,
            5 => HitKind::Win,
            6 => HitKind::CdfReview,
            7 => HitKind::Milestone,
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
            HitKind::CdfReview => "CDF review",
            HitKind::Milestone => "milestone",
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
    let chars = text.chars().count();
    if chars > crate::validate::SEARCH_MAX {
        return Err(Error::invalid(format!(
            "The search is {chars} characters long; search for at most {} (a few words).",
            crate::validate::SEARCH_MAX
        )));
    }
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

/// How many of the newest matching records a search ranks (see the module
/// documentation).
pub const RANKED_NEWEST: usize = 5_000;

/// The bits of a `search_index` rowid (migration 0006): the record's date
/// (days since 1000-01-01) above [`ID_BITS`] + 3 bits, then its id, then the
/// source table's code in the lowest three bits.
const ID_BITS: u32 = 38;

/// The source table's code and the record's id in a `search_index` rowid.
fn decode_rowid(rowid: i64) -> (i64, i64) {
    (rowid & 7, (rowid >> 3) & ((1 << ID_BITS) - 1))
}

/// Finds records containing every word of `text`, best matches first,
/// among the newest [`RANKED_NEWEST`] of them.
pub fn search(conn: &Connection, text: &str, limit: usize) -> Result<Vec<Hit>> {
    search_newest(conn, text, limit, RANKED_NEWEST)
}

/// [`search`] ranking the newest `newest` matches (at least 1): for tests of
/// the bound. Not for production use.
#[doc(hidden)]
pub fn search_newest(
    conn: &Connection,
    text: &str,
    limit: usize,
    newest: usize,
) -> Result<Vec<Hit>> {
    let query = fts_query(text)?;
    // The oldest rowid to rank: the newest-th match in rowid (= date) order,
    // or every match when there are fewer.
    let floor: i64 = conn
        .prepare_cached(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1
             ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
        )?
        .query_row(params![query, newest.max(1) as i64 - 1], |r| r.get(0))
        .optional()?
        .unwrap_or(i64::MIN);
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, snippet(search_index, 0, char(57344), char(57345), '…', 16) FROM search_index
         WHERE search_index MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![query, limit as i64, floor], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut hits = Vec::with_capacity(rows.len());
    for (rowid, marked) in rows {
        let parts = split_marked(&marked);
        let (code, id) = decode_rowid(rowid);
        let Some(kind) = HitKind::from_code(code) else {
            continue;
        };
        let sql = match kind {
            HitKind::OneOnOne => "SELECT o.person_id, p.name, o.date FROM one_on_one o JOIN person p ON p.id = o.person_id WHERE o.id = ?1",
            HitKind::AgendaItem => "SELECT a.person_id, p.name, a.opened_on FROM agenda_item a JOIN person p ON p.id = a.person_id WHERE a.id = ?1",
            HitKind::CheckIn => "SELECT l.person_id, p.name, c.date FROM check_in c JOIN customer_link l ON l.id = c.link_id JOIN person p ON p.id = l.person_id WHERE c.id = ?1",
            HitKind::Walkthrough => "SELECT NULL, NULL, date FROM walkthrough WHERE id = ?1",
            HitKind::Win => "SELECT w.person_id, p.name, w.noted_on FROM win w JOIN person p ON p.id = w.person_id WHERE w.id = ?1",
            HitKind::CdfReview => "SELECT c.person_id, p.name, c.date FROM cdf_review c JOIN person p ON p.id = c.person_id WHERE c.id = ?1",
            HitKind::Milestone => "SELECT NULL, NULL, date FROM milestone WHERE id = ?1",
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
    fn rowids_decode_to_the_source_and_id_whatever_the_date() {
        let conn = Connection::open_in_memory().unwrap();
        for (date, id, code) in [
            ("1000-01-01", 1, 1),
            ("2026-11-27", 12_345, 2),
            ("9999-12-31", (1_i64 << 36) - 1, 5),
            ("9999-12-31", (1_i64 << 38) - 1, 3),
        ] {
            // The expression of the migration's triggers.
            let rowid: i64 = conn
                .query_row(
                    "SELECT ((CAST(julianday(?1) AS INTEGER) - 2086302) << 41) | (?2 << 3) | ?3",
                    params![date, id, code],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(rowid > 0, "{date}");
            assert_eq!(decode_rowid(rowid), (code, id), "{date} {id}");
        }
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
