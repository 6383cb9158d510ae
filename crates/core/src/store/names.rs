//! Names the leader has already typed (stages, groups, categories, coaching
//! tags, internal-customer teams), offered again so the same thing is
//! spelled the same way. Read-only.
//!
//! Tests: `crates/core/tests/integration/store/names.rs`.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store::one_on_ones;

/// Which remembered names [`list`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// Stages, from people's scopes and walkthroughs.
    Stage,
    /// Groups, from people's scopes.
    Group,
    /// Categories, from walkthroughs and internal-customer links.
    Category,
    /// Coaching tags of 1:1s, most used first.
    Tag,
    /// Internal-customer teams.
    Team,
}

/// The distinct names of a kind, compared case-insensitively (the first
/// spelling in sort order wins), sorted by name; tags are sorted by use.
pub fn list(conn: &Connection, kind: NameKind) -> Result<Vec<String>> {
    let sql = match kind {
        NameKind::Tag => return one_on_ones::tag_names(conn),
        NameKind::Stage => {
            "SELECT min(name) FROM (
                 SELECT name, name_key FROM person_scope WHERE kind = 'stage'
                 UNION ALL SELECT name, name_key FROM walkthrough_scope WHERE kind = 'stage')
             GROUP BY name_key ORDER BY name_key"
        }
        NameKind::Group => {
            "SELECT min(name) FROM person_scope WHERE kind = 'group'
             GROUP BY name_key ORDER BY name_key"
        }
        NameKind::Category => {
            "SELECT min(name) FROM (
                 SELECT name, name_key FROM walkthrough_scope WHERE kind = 'category'
                 UNION ALL SELECT category, category_key FROM customer_link)
             GROUP BY name_key ORDER BY name_key"
        }
        NameKind::Team => "SELECT min(team) FROM customer_link GROUP BY team_key ORDER BY team_key",
    };
    let mut stmt = conn.prepare(sql)?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}
