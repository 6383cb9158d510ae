//! `coachlog search`: full-text search over notes, items, findings and wins.

use clap::Args;
use coachlog_core::store::search;
use coachlog_core::Result;

use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog search`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find (all must match; the last may be the start of a word).
    #[arg(required = true, num_args = 1..)]
    pub words: Vec<String>,
    /// The most results to show.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,
}

/// Runs `search`.
pub fn run(ctx: &Ctx, a: SearchArgs) -> Result<String> {
    let db = ctx.read()?;
    let hits = search::search(db.conn(), &a.words.join(" "), usize::from(a.limit))?;
    if ctx.json {
        return json(&hits);
    }
    if hits.is_empty() {
        return Ok(format!("Nothing matches '{}'.\n", a.words.join(" ")));
    }
    let mut t = Table::new(vec![
        col("KIND"),
        col("ID").right(),
        col("DATE"),
        col("PERSON").max(24),
        col("MATCH").max(80),
    ]);
    for h in &hits {
        t.row([
            h.kind.label().to_string(),
            h.id.to_string(),
            h.date.to_string(),
            h.person.clone().unwrap_or_default(),
            h.parts
                .iter()
                .map(|p| {
                    if p.matched {
                        format!("**{}**", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect::<String>(),
        ]);
    }
    Ok(t.render())
}
