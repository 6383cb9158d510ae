//! What every command needs: the database path, today, the output mode, and
//! the two ways of opening the database.
//!
//! **Rules.**
//! - The path is `--db`, else `$COACHLOG_DB`, else `coachlog.sqlite` in the
//!   platform data folder (the desktop app uses the same file).
//! - Read-only commands never create a database: on a missing file they fail
//!   with a not-found error that says how to start.
//! - A write command may create the database; if the command then fails, the
//!   file it created is removed again, so a refused write leaves no trace.
//! - An encrypted database's passphrase is looked for only when the file is
//!   encrypted, once per run, in this order: `--passphrase-file`,
//!   `COACHLOG_PASSPHRASE`, the system keyring, and — only when standard
//!   input is a terminal — a prompt that does not echo. Otherwise the
//!   command fails with the `passphrase` kind (exit code 7).

use std::cell::{Cell, OnceCell};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use coachlog_core::db::output;
use coachlog_core::store::trash;
use coachlog_core::{crypto, Db, Error, Passphrase, Result};
use coachlog_secrets::{KeyStore, SystemKeyStore};

/// The state shared by every command of one run.
#[derive(Debug)]
pub struct Ctx {
    /// The database file.
    pub path: PathBuf,
    /// Whether the path is the platform default (its folder may be created).
    pub default_path: bool,
    /// The day the command acts on.
    pub today: NaiveDate,
    /// Print JSON instead of text.
    pub json: bool,
    /// `--passphrase-file`.
    pub passphrase_file: Option<PathBuf>,
    /// `COACHLOG_PASSPHRASE`, taken out of the environment when the run
    /// starts (or why it is not a passphrase).
    env_passphrase: std::result::Result<Option<Passphrase>, String>,
    created: Cell<bool>,
    /// Whether a command opened the database for writing (only then can it
    /// have changed: read-only commands use [`Ctx::read`]).
    opened_for_writing: Cell<bool>,
    /// The passphrase once found (`None`: the database is not encrypted).
    key: OnceCell<Option<Passphrase>>,
    /// Whether it came from the system keyring (for the message when it
    /// does not open the file).
    from_keyring: Cell<bool>,
}

impl Ctx {
    /// A context for `path` (`None`: the platform default).
    pub fn new(
        path: Option<PathBuf>,
        today: NaiveDate,
        json: bool,
        passphrase_file: Option<PathBuf>,
    ) -> Result<Ctx> {
        let (path, default_path) = match path {
            Some(p) if !p.as_os_str().is_empty() => (p, false),
            _ => (output::default_path()?, true),
        };
        // Taken out of the environment at once (see `given_passphrase`).
        let env_passphrase = coachlog_secrets::take_from_env().map_err(|e| e.to_string());
        Ok(Ctx {
            path,
            default_path,
            today,
            json,
            passphrase_file,
            env_passphrase,
            created: Cell::new(false),
            opened_for_writing: Cell::new(false),
            key: OnceCell::new(),
            from_keyring: Cell::new(false),
        })
    }

    /// Whether the database file exists (an import's dry run reads it, or
    /// rehearses on an empty database when there is none).
    pub fn exists(&self) -> Result<bool> {
        self.path
            .try_exists()
            .map_err(|e| Error::Io(format!("cannot read {}: {e}", self.path.display())))
    }

    /// Refuses a database file that does not exist yet, saying how to start
    /// one: for the commands that work on an existing file only.
    pub fn require_database(&self) -> Result<()> {
        if self.exists()? {
            return Ok(());
        }
        Err(Error::not_found(format!(
            "No database at {} yet; add someone with `coachlog person add` or try \
             `coachlog demo`.",
            self.path.display()
        )))
    }

    /// Opens an existing database for reading; never creates one.
    pub fn read(&self) -> Result<Db> {
        self.require_database()?;
        self.open()
    }

    /// Opens the database for writing, creating it (and, for the default
    /// path, its folder) when missing, and purges what is past its time in
    /// the Trash.
    pub fn write(&self) -> Result<Db> {
        if !self.exists()? {
            if self.default_path {
                output::create_folder(&self.path)?;
            }
            self.created.set(true);
        }
        self.opened_for_writing.set(true);
        let mut db = self.open()?;
        // Entries of the Trash past their trash_days go for good.
        db.write(|tx| trash::purge_expired(tx, self.today))?;
        Ok(db)
    }

    /// Whether this run opened the database with [`Ctx::write`]. Opening a
    /// file can touch it without changing a record (the first open of a
    /// restored copy switches its journal to WAL), so the automatic backup
    /// asks this, not only whether the file's size or time changed.
    pub fn opened_for_writing(&self) -> bool {
        self.opened_for_writing.get()
    }

    fn open(&self) -> Result<Db> {
        let key = self.key()?;
        let db = Db::open_with_key(&self.path, self.today, key)?;
        if let Some(backup) = db.migration_backup() {
            eprintln!(
                "note: the database was upgraded to this version of Coachlog; the previous \
                 version was saved as {}",
                backup.display()
            );
        }
        Ok(db)
    }

    /// The database's passphrase when it is encrypted (`None` when it is
    /// plain or missing), found once per run (see the module documentation).
    pub fn key(&self) -> Result<Option<&Passphrase>> {
        if let Some(found) = self.key.get() {
            return Ok(found.as_ref());
        }
        let found = if crypto::is_encrypted(&self.path)? {
            Some(self.find_passphrase(&self.path)?)
        } else {
            None
        };
        Ok(self.key.get_or_init(|| found).as_ref())
    }

    /// The passphrase for the encrypted file `file` (the database or one of
    /// its backups): the database's sources, in order.
    pub fn key_for(&self, file: &Path) -> Result<Option<Passphrase>> {
        if let Some(key) = self.key()? {
            return Ok(Some(key.clone()));
        }
        if !crypto::is_encrypted(file)? {
            return Ok(None);
        }
        self.find_passphrase(file).map(Some)
    }

    /// A refused passphrase that came from the keyring says so: the entry
    /// is stale (the file was re-encrypted elsewhere, or restored).
    pub fn explain(&self, e: Error) -> Error {
        match e {
            Error::Passphrase(m) if self.from_keyring.get() => Error::Passphrase(format!(
                "{m} (The passphrase came from the system keyring; give the right one with \
                 COACHLOG_PASSPHRASE or --passphrase-file.)"
            )),
            other => other,
        }
    }

    fn find_passphrase(&self, file: &Path) -> Result<Passphrase> {
        if let Some(found) = self.given_passphrase()? {
            return Ok(found);
        }
        match SystemKeyStore::new().get(&self.path) {
            Ok(Some(p)) => {
                self.from_keyring.set(true);
                return Ok(p);
            }
            Ok(None) => {}
            Err(e) => eprintln!("warning: {e}"),
        }
        if std::io::stdin().is_terminal() {
            return prompt(&format!("Passphrase for {}: ", file.display()));
        }
        Err(Error::Passphrase(format!(
            "{} is encrypted; give its passphrase with COACHLOG_PASSPHRASE, --passphrase-file \
             FILE, or keep it in the system keyring (`coachlog encrypt` does), or run the \
             command in a terminal to type it.",
            file.display()
        )))
    }

    /// A passphrase given on this run: `--passphrase-file`, else
    /// `COACHLOG_PASSPHRASE`.
    pub fn given_passphrase(&self) -> Result<Option<Passphrase>> {
        if let Some(file) = &self.passphrase_file {
            return coachlog_secrets::from_file(file).map(Some);
        }
        match &self.env_passphrase {
            Ok(p) => Ok(p.clone()),
            Err(m) => Err(Error::invalid(m.clone())),
        }
    }

    /// After a failed command: removes the database file if this run created
    /// it (with its SQLite side files). Call once every `Db` is dropped.
    pub fn discard_if_created(&self) {
        if !self.created.get() {
            return;
        }
        coachlog_core::db::remove_database(&self.path);
    }
}

/// Asks for a passphrase on the terminal without echoing it.
pub fn prompt(question: &str) -> Result<Passphrase> {
    let text = rpassword::prompt_password(question)
        .map_err(|e| Error::Io(format!("cannot read the passphrase from the terminal: {e}")))?;
    Passphrase::new(text)
}

/// Reads text given inline or from a file (`-` = standard input).
pub fn read_text(inline: Option<String>, file: Option<&Path>) -> Result<Option<String>> {
    match (inline, file) {
        (Some(t), _) => Ok(Some(t)),
        (None, Some(p)) if p.as_os_str() == "-" => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| Error::Io(format!("cannot read standard input: {e}")))?;
            utf8(bytes, "standard input").map(Some)
        }
        (None, Some(p)) => {
            let bytes = std::fs::read(p)
                .map_err(|e| Error::Io(format!("cannot read {}: {e}", p.display())))?;
            utf8(bytes, &p.display().to_string()).map(Some)
        }
        (None, None) => Ok(None),
    }
}

/// Text that is not UTF-8 is bad input (exit 2), not a failing disk.
fn utf8(bytes: Vec<u8>, what: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "{what} is not UTF-8 text (invalid byte at position {}); save it as UTF-8 and try \
             again.",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_keyring_passphrase_says_where_it_came_from() {
        let today = coachlog_core::calendar::parse_date("2026-11-27").unwrap();
        let ctx = Ctx::new(Some("x.sqlite".into()), today, false, None).unwrap();
        let refused = || Error::Passphrase("The passphrase does not open x.sqlite.".into());
        assert_eq!(
            ctx.explain(refused()).to_string(),
            "The passphrase does not open x.sqlite."
        );
        ctx.from_keyring.set(true);
        let m = ctx.explain(refused()).to_string();
        assert!(m.contains("came from the system keyring"), "{m}");
        // Other errors are left as they are.
        assert_eq!(ctx.explain(Error::invalid("bad")).to_string(), "bad");
    }
}
