//! OKR objectives as a plain-text outline, for the command line and for
//! anyone who writes OKRs in an editor:
//!
//! ```text
//! Make Pipeline Execution the fastest way to ship
//!   - Cut p95 pipeline duration on gitlab-org/gitlab to 30 minutes [0.7]
//!   - Ship merge trains for self-managed [1.0]
//! Grow adoption among enterprise customers
//!   - Raise weekly active projects by 20%
//! ```
//!
//! - A line without indentation is an objective.
//! - An indented line (spaces or tabs) starting with `- ` (or `* `) is a key
//!   result of the objective above it.
//! - A key result may end with its score in brackets, from 0.0 to 1.0 with
//!   at most two decimals: `[0.7]`, `[1]`, `[0.85]`. Without one it is not
//!   scored yet; `[-]` says so explicitly (needed only when the text itself
//!   ends with a number in brackets).
//! - Blank lines are ignored. An objective line starting with `\` is taken
//!   as written after it (for a text that starts with `- ` or ends with a
//!   number in brackets).
//!
//! [`outline`] writes this format and [`parse`] reads it back: for every
//! list of objectives the store accepts, `parse(&outline(x)) == x`. Limits
//! (how many, how long) are the store's (`store::updates`).

use crate::error::{Error, Result};
use crate::model::{KeyResult, Objective, Score};

/// What a trailing `[…]` of a line is.
enum Bracket {
    /// `[0.7]`: a score.
    Score(Score),
    /// `[-]`: explicitly not scored.
    Unscored,
}

/// A trailing `[…]` of `text` that means something to the outline (a
/// score, `[-]`, or a mistaken percentage), with the text before it.
/// `Ok(None)` when the line ends otherwise.
fn trailing_bracket(text: &str, line: usize) -> Result<Option<(Bracket, &str)>> {
    let t = text.trim_end();
    let Some(open) = t.strip_suffix(']').and_then(|s| s.rfind('[')) else {
        return Ok(None);
    };
    let inside = t[open + 1..t.len() - 1].trim();
    let before = t[..open].trim_end();
    if inside == "-" {
        return Ok(Some((Bracket::Unscored, before)));
    }
    let numeric = !inside.is_empty()
        && inside.chars().any(|c| c.is_ascii_digit())
        && inside.chars().all(|c| c.is_ascii_digit() || c == '.');
    if numeric {
        let score = inside.parse::<Score>().map_err(|e| {
            Error::invalid(format!(
                "Objectives, line {line}: {e} (If the brackets are part of the text, not a \
                 score, end the line with [-].)"
            ))
        })?;
        return Ok(Some((Bracket::Score(score), before)));
    }
    if let Some(percent) = inside.strip_suffix('%').map(str::trim) {
        if percent.chars().any(|c| c.is_ascii_digit())
            && percent.chars().all(|c| c.is_ascii_digit() || c == '.')
        {
            return Err(Error::invalid(format!(
                "Objectives, line {line}: scores go from 0.0 to 1.0, not in percent; write \
                 [{}] rather than [{inside}].",
                percent_as_score(percent)
            )));
        }
    }
    Ok(None)
}

/// `70` → `0.7`, for the hint about a percentage.
fn percent_as_score(percent: &str) -> String {
    match percent.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => {
            let s = format!("{:.2}", p / 100.0);
            let s = s.trim_end_matches('0');
            if s.ends_with('.') {
                format!("{s}0")
            } else {
                s.to_string()
            }
        }
        _ => "0.7".to_string(),
    }
}

/// The key result's text after an indented line's bullet (`- ` or `* `).
fn bullet(rest: &str) -> Option<&str> {
    let mut chars = rest.chars();
    match chars.next() {
        Some('-' | '*') => {
            let after = chars.as_str();
            if after.is_empty() || after.starts_with([' ', '\t']) {
                Some(after.trim_start())
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Reads objectives and key results from the outline format (see the module
/// documentation). An empty text (or only blank lines) is no objectives.
///
/// # Errors
/// [`Error::Invalid`], naming the line, for a key result before any
/// objective, an indented line without `- `, an unindented `- ` line, a
/// score on an objective, a key result without text, or a score out of
/// range.
pub fn parse(text: &str) -> Result<Vec<Objective>> {
    let mut out: Vec<Objective> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if !indented {
            if let Some(literal) = raw.strip_prefix('\\') {
                out.push(Objective {
                    text: literal.trim_end().to_string(),
                    key_results: Vec::new(),
                });
                continue;
            }
            if bullet(raw).is_some() {
                return Err(Error::invalid(format!(
                    "Objectives, line {line}: a line starting with '- ' is a key result, and \
                     key results are indented under their objective (e.g. two spaces). Write \
                     the objective itself without '- '."
                )));
            }
            if let Ok(Some((Bracket::Score(_), _))) | Err(_) = trailing_bracket(raw, line) {
                return Err(Error::invalid(format!(
                    "Objectives, line {line}: an objective has no score of its own; score its \
                     key results instead (indented lines such as '  - Ship X [0.7]'). If the \
                     brackets are part of the objective, start the line with \\."
                )));
            }
            out.push(Objective {
                text: raw.trim_end().to_string(),
                key_results: Vec::new(),
            });
            continue;
        }
        let rest = raw.trim_start();
        let Some(body) = bullet(rest) else {
            return Err(Error::invalid(format!(
                "Objectives, line {line}: an indented line is a key result and starts with \
                 '- ', as in '  - Raise weekly active projects by 20% [0.7]'. Start objectives \
                 at the beginning of the line."
            )));
        };
        let Some(objective) = out.last_mut() else {
            return Err(Error::invalid(format!(
                "Objectives, line {line}: this key result comes before any objective; write \
                 its objective on an unindented line above it."
            )));
        };
        let (text, score) = match trailing_bracket(body, line)? {
            Some((Bracket::Score(s), before)) => (before, Some(s)),
            Some((Bracket::Unscored, before)) => (before, None),
            None => (body.trim_end(), None),
        };
        if text.is_empty() {
            return Err(Error::invalid(format!(
                "Objectives, line {line}: the key result has no text; say what is measured \
                 after '- '."
            )));
        }
        objective.key_results.push(KeyResult {
            text: text.to_string(),
            score,
        });
    }
    Ok(out)
}

/// Writes objectives in the outline format that [`parse`] reads: each
/// objective on its own line, its key results under it indented by two
/// spaces, each with its score when scored. No objectives give "".
pub fn outline(objectives: &[Objective]) -> String {
    let mut out = String::new();
    for o in objectives {
        let plain = !o.text.starts_with('\\')
            && bullet(&o.text).is_none()
            && !matches!(trailing_bracket(&o.text, 0), Ok(Some(_)) | Err(_));
        if !plain {
            out.push('\\');
        }
        out.push_str(&o.text);
        out.push('\n');
        for kr in &o.key_results {
            out.push_str("  - ");
            out.push_str(&kr.text);
            match kr.score {
                Some(s) => out.push_str(&format!(" [{s}]")),
                // A text that ends with brackets of its own keeps them.
                None if !matches!(trailing_bracket(&kr.text, 0), Ok(None)) => out.push_str(" [-]"),
                None => {}
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(text: &str, score: Option<f64>) -> KeyResult {
        KeyResult {
            text: text.into(),
            score: score.map(|s| Score::new(s).unwrap()),
        }
    }

    fn objective(text: &str, key_results: Vec<KeyResult>) -> Objective {
        Objective {
            text: text.into(),
            key_results,
        }
    }

    #[test]
    fn reads_objectives_key_results_and_scores() {
        let text = "\
Make Pipeline Execution the fastest way to ship
  - Cut p95 pipeline duration to 30 minutes [0.7]
\t* Ship merge trains for self-managed [1]

Grow adoption among enterprise customers
    -   Raise weekly active projects by 20%   
  - Interview 8 customers [ 0.85 ]
Write the FY27 direction
";
        assert_eq!(
            parse(text).unwrap(),
            vec![
                objective(
                    "Make Pipeline Execution the fastest way to ship",
                    vec![
                        kr("Cut p95 pipeline duration to 30 minutes", Some(0.7)),
                        kr("Ship merge trains for self-managed", Some(1.0)),
                    ]
                ),
                objective(
                    "Grow adoption among enterprise customers",
                    vec![
                        kr("Raise weekly active projects by 20%", None),
                        kr("Interview 8 customers", Some(0.85)),
                    ]
                ),
                objective("Write the FY27 direction", vec![]),
            ]
        );
        assert_eq!(parse("").unwrap(), vec![]);
        assert_eq!(parse("\n  \n\r\n").unwrap(), vec![]);
        assert_eq!(
            parse("A\r\n  - B [0.5]\r\n").unwrap(),
            vec![objective("A", vec![kr("B", Some(0.5))])]
        );
    }

    #[test]
    fn brackets_that_are_not_scores_stay_in_the_text() {
        assert_eq!(
            parse("Launch [beta]\n  - Ship [GA] to 10 customers\n  - Fix bug [#1234]\n").unwrap(),
            vec![objective(
                "Launch [beta]",
                vec![
                    kr("Ship [GA] to 10 customers", None),
                    kr("Fix bug [#1234]", None)
                ]
            )]
        );
        assert_eq!(
            parse("O\n  - Hit 2.0 [1.0] [-]\n").unwrap(),
            vec![objective("O", vec![kr("Hit 2.0 [1.0]", None)])]
        );
        assert_eq!(
            parse("\\- not a key result [0.5]\n").unwrap(),
            vec![objective("- not a key result [0.5]", vec![])]
        );
    }

    #[test]
    fn mistakes_name_their_line_and_the_fix() {
        let cases = [
            (
                "  - Orphan [0.5]\n",
                "line 1: this key result comes before any objective",
            ),
            (
                "O\n  Not a bullet\n",
                "line 2: an indented line is a key result and starts with '- '",
            ),
            (
                "- Objective as a bullet\n",
                "line 1: a line starting with '- ' is a key result",
            ),
            ("O [0.5]\n", "line 1: an objective has no score of its own"),
            ("O\n\n  - [0.5]\n", "line 3: the key result has no text"),
            ("O\n  -\n", "line 2: the key result has no text"),
            (
                "O\n  - X [1.5]\n",
                "line 2: A key result's score is from 0.0 to 1.0; 1.5 is not.",
            ),
            (
                "O\n  - X [0.755]\n",
                "line 2: A key result's score has at most two decimals",
            ),
            (
                "O\n  - X [70%]\n",
                "line 2: scores go from 0.0 to 1.0, not in percent; write [0.7] rather than [70%].",
            ),
            ("O\n  -X\n", "line 2: an indented line is a key result"),
        ];
        for (text, message) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::Invalid);
            let m = e.to_string();
            assert!(m.starts_with("Objectives, line "), "{text:?}: {m}");
            assert!(m.contains(message), "{text:?}: {m}");
        }
    }

    #[test]
    fn the_outline_reads_back_as_it_was_written() {
        let objectives = vec![
            objective(
                "Make Pipeline Execution the fastest way to ship",
                vec![
                    kr("Cut p95 pipeline duration to 30 minutes", Some(0.7)),
                    kr("Ship merge trains", Some(1.0)),
                    kr("Score zero", Some(0.0)),
                    kr("Two decimals", Some(0.85)),
                    kr("Not scored yet", None),
                ],
            ),
            objective("No key results yet", vec![]),
        ];
        let text = outline(&objectives);
        assert_eq!(
            text,
            "\
Make Pipeline Execution the fastest way to ship
  - Cut p95 pipeline duration to 30 minutes [0.7]
  - Ship merge trains [1.0]
  - Score zero [0.0]
  - Two decimals [0.85]
  - Not scored yet
No key results yet
"
        );
        assert_eq!(parse(&text).unwrap(), objectives);
        assert_eq!(outline(&[]), "");
    }

    #[test]
    fn texts_that_look_like_the_format_round_trip() {
        let tricky = vec![
            objective(
                "- starts like a key result",
                vec![kr("- starts with a dash", None)],
            ),
            objective("* starts like a star", vec![kr("* star", Some(0.5))]),
            objective(
                "ends like a score [0.5]",
                vec![kr("ends like a score [0.5]", None)],
            ),
            objective("\\starts with a backslash", vec![kr("ends with [-]", None)]),
            objective(
                "ends in percent [50%]",
                vec![kr("ends in percent [50%]", None)],
            ),
            objective(
                "ends [beta]",
                vec![kr("ends [beta]", None), kr("x [1.0]", Some(0.25))],
            ),
        ];
        let text = outline(&tricky);
        assert_eq!(parse(&text).unwrap(), tricky, "{text}");
    }

    #[test]
    fn any_texts_the_store_accepts_round_trip() {
        // A small deterministic generator over the characters the format
        // gives a meaning to.
        let mut state: u64 = 0x2026_0112;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % n
        };
        let alphabet = [
            '-', '*', '[', ']', '\\', '0', '1', '5', '.', '%', ' ', 'a', 'Z', 'é',
        ];
        let text = |next: &mut dyn FnMut(usize) -> usize| loop {
            let len = 1 + next(12);
            let t: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let t = t.trim().to_string();
            if !t.is_empty() {
                return t;
            }
        };
        for _ in 0..5_000 {
            let objectives: Vec<Objective> = (0..1 + next(3))
                .map(|_| Objective {
                    text: text(&mut next),
                    key_results: (0..next(4))
                        .map(|_| KeyResult {
                            text: text(&mut next),
                            score: (next(2) == 0)
                                .then(|| Score::new(next(101) as f64 / 100.0).unwrap()),
                        })
                        .collect(),
                })
                .collect();
            let written = outline(&objectives);
            assert_eq!(parse(&written).unwrap(), objectives, "{written}");
        }
    }
}
