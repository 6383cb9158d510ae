//! The `nudge_state` table: snoozed and dismissed nudge keys.
//!
//! Tests: `crates/core/tests/integration/store/nudge_state.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::db::Tx;
use crate::error::{Error, Result};

/// What the leader did with one nudge key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeyState {
    /// The nudge key.
    pub key: String,
    /// Hidden while `as_of <= snoozed_until`.
    pub snoozed_until: Option<NaiveDate>,
    /// Hidden for good.
    pub dismissed: bool,
}

/// The longest key accepted, in bytes. The longest keys of the catalogue are
/// stage walkthroughs': a stage name of up to 200 characters, lower-cased
/// (which can lengthen it), at up to 4 bytes a character in UTF-8 — over 500
/// bytes for a 200-character CJK name, and still far under this.
const KEY_MAX_BYTES: usize = 4096;

fn check_key(key: &str) -> Result<&str> {
    let k = key.trim();
    let rule = k.split(':').next().unwrap_or_default();
    let known = crate::rule::Rule::from_id(rule).is_some();
    if k.is_empty() || !k.contains(':') || !known || k.len() > KEY_MAX_BYTES {
        return Err(Error::invalid(format!(
            "'{k}' is not a nudge key; keys look like one_on_one:3:2026-11-20 or request:17 \
             (`coachlog overdue` shows them)."
        )));
    }
    Ok(k)
}

/// Hides `key` until `until` (inclusive); it shows again the day after.
pub fn snooze(tx: &Tx<'_>, key: &str, until: NaiveDate) -> Result<KeyState> {
    crate::validate::in_years("snooze date", until)?;
    let key = check_key(key)?;
    tx.execute(
        "INSERT INTO nudge_state (key, snoozed_until, dismissed) VALUES (?1, ?2, 0)
         ON CONFLICT (key) DO UPDATE SET snoozed_until = excluded.snoozed_until",
        params![key, until],
    )?;
    get(tx, key)?.ok_or_else(|| Error::Internal("snooze did not stick".into()))
}

/// Hides `key` for good (until [`undo`]).
pub fn dismiss(tx: &Tx<'_>, key: &str) -> Result<KeyState> {
    let key = check_key(key)?;
    tx.execute(
        "INSERT INTO nudge_state (key, dismissed) VALUES (?1, 1)
         ON CONFLICT (key) DO UPDATE SET dismissed = 1",
        params![key],
    )?;
    get(tx, key)?.ok_or_else(|| Error::Internal("dismiss did not stick".into()))
}

/// Forgets any snooze or dismissal of `key`.
pub fn undo(tx: &Tx<'_>, key: &str) -> Result<()> {
    let key = check_key(key)?;
    let n = tx.execute("DELETE FROM nudge_state WHERE key = ?1", [key])?;
    if n == 0 {
        return Err(Error::not_found(format!(
            "'{key}' is neither snoozed nor dismissed."
        )));
    }
    Ok(())
}

/// One key's state.
pub fn get(conn: &Connection, key: &str) -> Result<Option<KeyState>> {
    Ok(all(conn)?.remove(key))
}

/// Every snoozed or dismissed key.
pub fn all(conn: &Connection) -> Result<HashMap<String, KeyState>> {
    let mut stmt = conn.prepare_cached("SELECT key, snoozed_until, dismissed FROM nudge_state")?;
    let rows = stmt.query_map([], |r| {
        Ok(KeyState {
            key: r.get(0)?,
            snoozed_until: r.get(1)?,
            dismissed: r.get(2)?,
        })
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let s = row?;
        out.insert(s.key.clone(), s);
    }
    Ok(out)
}
