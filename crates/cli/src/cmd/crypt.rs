//! `encrypt` and `decrypt`: encryption at rest, turned on and off
//! (`coachlog_core::crypto`; `docs/security.md` for what it protects).
//!
//! The new passphrase comes from `--passphrase-file` or
//! `COACHLOG_PASSPHRASE`, else it is asked twice on the terminal. It is kept
//! in the system keyring unless `--no-keyring` is given or there is none;
//! `decrypt` removes the keyring entry.

use clap::Args;
use coachlog_core::crypto::{self, Converted};
use coachlog_core::{Error, Passphrase, Result};
use coachlog_secrets::{KeyStore, SystemKeyStore};
use serde::Serialize;

use crate::context::{prompt, Ctx};
use crate::render::json;

/// `coachlog encrypt`
#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Do not keep the passphrase in the system keyring: give it each time
    /// (COACHLOG_PASSPHRASE, --passphrase-file, or typed when asked).
    #[arg(long)]
    pub no_keyring: bool,
}

/// What `encrypt` and `decrypt` report with `--json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    converted: &'a Converted,
    /// Encrypt: where the passphrase was kept (`null`: nowhere). Decrypt:
    /// whether a keyring entry was removed.
    keyring: Option<String>,
}

/// Runs `encrypt`.
pub fn encrypt(ctx: &Ctx, a: EncryptArgs) -> Result<String> {
    ctx.require_database()?;
    if crypto::is_encrypted(&ctx.path)? {
        return Err(Error::conflict(format!(
            "{} is already encrypted; to change its passphrase, run `coachlog decrypt`, then \
             `coachlog encrypt` again.",
            ctx.path.display()
        )));
    }
    let passphrase = new_passphrase(ctx)?;
    let done = crypto::encrypt(&ctx.path, &passphrase, super::backup::now()?)?;
    let store = SystemKeyStore::new();
    let (kept, note) = if a.no_keyring {
        (
            None,
            "The passphrase was not kept anywhere (--no-keyring): give it with \
             COACHLOG_PASSPHRASE or --passphrase-file, or type it when asked."
                .to_string(),
        )
    } else if !store.available() {
        (
            None,
            "There is no system keyring here, so the passphrase was not kept: give it with \
             COACHLOG_PASSPHRASE or --passphrase-file, or type it when asked."
                .to_string(),
        )
    } else {
        match store.set(&ctx.path, &passphrase) {
            Ok(()) => (
                Some(store.describe()),
                format!(
                    "The passphrase is kept in {}; Coachlog finds it there.",
                    store.describe()
                ),
            ),
            Err(e) => (
                None,
                format!(
                    "The passphrase could not be kept in the keyring ({e}); give it with \
                     COACHLOG_PASSPHRASE or --passphrase-file, or type it when asked."
                ),
            ),
        }
    };
    if ctx.json {
        return json(&Report {
            converted: &done,
            keyring: kept,
        });
    }
    Ok(format!(
        "Encrypted {} and {}.\n{note}\nKeep the passphrase safe: without it the records cannot \
         be read, and there is no way to recover it.\n",
        done.database.display(),
        copies(done.converted.len())
    ))
}

/// Runs `decrypt`.
pub fn decrypt(ctx: &Ctx) -> Result<String> {
    ctx.require_database()?;
    if !crypto::is_encrypted(&ctx.path)? {
        return Err(Error::conflict(format!(
            "{} is not encrypted; there is nothing to decrypt.",
            ctx.path.display()
        )));
    }
    let Some(passphrase) = ctx.key()? else {
        return Err(Error::Internal(
            "an encrypted database without a passphrase".into(),
        ));
    };
    let done = crypto::decrypt(&ctx.path, passphrase, super::backup::now()?)?;
    let store = SystemKeyStore::new();
    let removed = match store.delete(&ctx.path) {
        Ok(removed) => removed,
        Err(e) => {
            eprintln!("warning: the keyring entry could not be removed: {e}");
            false
        }
    };
    if ctx.json {
        return json(&Report {
            converted: &done,
            keyring: removed.then(|| store.describe()),
        });
    }
    let mut out = format!(
        "Decrypted {} and {}: they are plain SQLite files again.\n",
        done.database.display(),
        copies(done.converted.len())
    );
    if removed {
        out.push_str(&format!(
            "The passphrase was removed from {}.\n",
            store.describe()
        ));
    }
    if !done.skipped.is_empty() {
        out.push_str(&format!(
            "{} stayed encrypted (the passphrase does not open them):\n",
            copies(done.skipped.len())
        ));
        for s in &done.skipped {
            out.push_str(&format!("  {}\n", s.display()));
        }
    }
    Ok(out)
}

fn copies(n: usize) -> String {
    match n {
        1 => "1 backup".into(),
        n => format!("{n} backups"),
    }
}

/// The passphrase to encrypt with: given (file, environment), or typed
/// twice on a terminal.
fn new_passphrase(ctx: &Ctx) -> Result<Passphrase> {
    if let Some(p) = ctx.given_passphrase()? {
        return Ok(p);
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(Error::Passphrase(
            "No passphrase to encrypt with: give it with COACHLOG_PASSPHRASE or \
             --passphrase-file FILE, or run `coachlog encrypt` in a terminal to type it."
                .into(),
        ));
    }
    let first = prompt("New passphrase: ")?;
    let again = prompt("The same passphrase again: ")?;
    if first != again {
        return Err(Error::invalid(
            "The two passphrases differ; nothing was changed. Run `coachlog encrypt` again.",
        ));
    }
    Ok(first)
}
