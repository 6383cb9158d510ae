//! The `app_state` table: what the app remembers about itself between
//! starts — not a record (never exported, searched or put in the Trash) and
//! not a setting (the leader does not set it, `coachlog settings` does not
//! list it).
//!
//! One fact so far: the day the daily digest last counted as shown
//! ([`digest_shown_on`]), so that a restart on the same day — the app
//! started at login, quit and opened again — does not show it twice. The
//! day is passed in: the core never reads the clock.
//!
//! Tests: `crates/core/tests/integration/store/app_state.rs`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::db::Tx;
use crate::error::Result;

/// The key of the day the daily digest was last shown.
const DIGEST_SHOWN_ON: &str = "digest_shown_on";

fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_state WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?)
}

fn set(tx: &Tx<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO app_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The day the daily digest last counted as shown; `None` before the first
/// one. A value this version cannot read counts as none: at worst the
/// digest is shown once more, never locked away.
pub fn digest_shown_on(conn: &Connection) -> Result<Option<NaiveDate>> {
    Ok(get(conn, DIGEST_SHOWN_ON)?.and_then(|v| crate::calendar::parse_date(&v).ok()))
}

/// Remembers `day` as the day the daily digest was shown.
pub fn set_digest_shown_on(tx: &Tx<'_>, day: NaiveDate) -> Result<()> {
    crate::validate::in_years("digest day", day)?;
    set(tx, DIGEST_SHOWN_ON, &crate::calendar::format_date(day))
}
