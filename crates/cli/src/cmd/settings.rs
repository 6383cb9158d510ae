//! `coachlog settings …`: the practice settings.

use clap::Subcommand;
use coachlog_core::settings;
use coachlog_core::Result;

use crate::context::Ctx;
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog settings …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List every setting with its value, default and meaning.
    List,
    /// Print one setting's value.
    Get {
        /// The setting's key, e.g. release_day.
        key: String,
    },
    /// Change a setting.
    Set {
        /// The setting's key, e.g. release_day.
        key: String,
        /// The new value, e.g. 22 or third-thursday.
        value: String,
    },
}

/// Runs a `settings` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::List => {
            let db = ctx.read()?;
            let entries = settings::list(db.conn())?;
            if ctx.json {
                return json(&entries);
            }
            let mut t = Table::new(vec![
                col("KEY"),
                col("VALUE"),
                col("DEFAULT").max(32),
                col("MEANING").max(72),
            ]);
            for e in &entries {
                t.row([e.key, &e.value, &e.default, e.description]);
            }
            Ok(t.render())
        }
        Cmd::Get { key } => {
            let db = ctx.read()?;
            let entry = settings::entry(db.conn(), &key)?;
            if ctx.json {
                return json(&entry);
            }
            Ok(format!("{}\n", entry.value))
        }
        Cmd::Set { key, value } => {
            let key = key.trim().to_string();
            // Check the key and value before the file is opened (or created).
            settings::Settings::defaults(ctx.today).apply(&key, &value)?;
            let mut db = ctx.write()?;
            db.write(|tx| settings::set(tx, &key, &value))?;
            let entry = settings::entry(db.conn(), &key)?;
            if ctx.json {
                return json(&entry);
            }
            Ok(format!("Set {} to {}.\n", entry.key, entry.value))
        }
    }
}
