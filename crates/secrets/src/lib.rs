//! Where the passphrase of an encrypted Coachlog database comes from, for
//! the command line and the desktop app alike.
//!
//! - [`take_from_env`]: `COACHLOG_PASSPHRASE`, for scripts and tests (taken
//!   out of the environment once read);
//! - [`from_file`]: the first line of a private file (`--passphrase-file`), so the
//!   passphrase stays out of the process list and the shell history;
//! - a [`KeyStore`]: the OS keyring ([`SystemKeyStore`]: Keychain on macOS,
//!   Credential Manager on Windows, the Secret Service — GNOME Keyring,
//!   KWallet — elsewhere), one entry per database, under the service name
//!   [`SERVICE`] and the database's canonical path; [`MemoryKeyStore`] for
//!   tests.
//!
//! The order of the sources and the prompt are the front end's business.
//! No keyring (a server, CI, a session without a Secret Service) is a normal
//! answer, never a panic: [`KeyStore::available`] is false and
//! [`KeyStore::get`] answers `Ok(None)`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use coachlog_core::{Error, Passphrase, Result};

/// The keyring service name of Coachlog's entries.
pub const SERVICE: &str = "Coachlog";

/// The environment variable that gives the passphrase.
pub const ENV: &str = "COACHLOG_PASSPHRASE";

/// Refuses a passphrase file that its group or other users may read or write.
#[cfg(unix)]
fn check_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        // A missing file is reported by the read, with its own message.
        return Ok(());
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::invalid(format!(
            "The passphrase file {} can be read by other users (its mode is {mode:o}); make \
             it private with `chmod 600 {}` and try again.",
            path.display(),
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> Result<()> {
    Ok(())
}

/// The environment variable that turns the system keyring off (`off`, `0`
/// or `no`): for scripts, tests and machines whose keyring misbehaves.
pub const KEYRING_ENV: &str = "COACHLOG_KEYRING";

/// The passphrase in `COACHLOG_PASSPHRASE`, if it is set, and the variable
/// removed from this process's environment, so no program it starts (the
/// desktop app's web content processes) inherits it. Call it early, before
/// other threads start. Set but empty, or not a valid passphrase, is an
/// [`Error::Invalid`] naming the variable.
pub fn take_from_env() -> Result<Option<Passphrase>> {
    let value = std::env::var(ENV);
    if std::env::var_os(ENV).is_some() {
        std::env::remove_var(ENV);
    }
    match value {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(Error::invalid(format!(
            "{ENV} is not valid UTF-8 text; set it to the passphrase."
        ))),
        Ok(text) if text.is_empty() => Err(Error::invalid(format!(
            "{ENV} is set but empty; set it to the passphrase, or unset it."
        ))),
        Ok(text) => Passphrase::new(text)
            .map(Some)
            .map_err(|e| Error::invalid(format!("{ENV}: {e}"))),
    }
}

/// The passphrase in the first line of the file at `path` (its line break
/// removed, `\n` or `\r\n`; the rest of the file is ignored). A file that
/// other users may read is refused: the passphrase would not be secret.
pub fn from_file(path: &Path) -> Result<Passphrase> {
    let shown = path.display();
    check_private(path)?;
    // The file's text is overwritten when dropped, like the passphrase.
    let bytes = zeroize::Zeroizing::new(std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found(format!(
            "The passphrase file {shown} does not exist; give the file that holds the \
             passphrase."
        )),
        _ => Error::Io(format!("cannot read the passphrase file {shown}: {e}")),
    })?);
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::invalid(format!(
            "The passphrase file {shown} is not UTF-8 text; save it as UTF-8."
        ))
    })?;
    let first = text.split('\n').next().unwrap_or("");
    let first = first.strip_suffix('\r').unwrap_or(first);
    if first.is_empty() {
        return Err(Error::invalid(format!(
            "The passphrase file {shown} is empty (its first line is blank); write the \
             passphrase on its first line."
        )));
    }
    Passphrase::new(first.to_string())
        .map_err(|e| Error::invalid(format!("The passphrase file {shown}: {e}")))
}

/// Where passphrases are kept between runs, one per database.
pub trait KeyStore {
    /// Whether the store can be used at all (false: no keyring here).
    fn available(&self) -> bool;
    /// A short description for messages: "the system keyring".
    fn describe(&self) -> String;
    /// The passphrase kept for the database at `db`, if any (`Ok(None)` too
    /// when the store is not available).
    fn get(&self, db: &Path) -> Result<Option<Passphrase>>;
    /// Keeps `passphrase` for the database at `db`, replacing any.
    fn set(&self, db: &Path, passphrase: &Passphrase) -> Result<()>;
    /// Forgets the database's passphrase; returns whether there was one.
    fn delete(&self, db: &Path) -> Result<bool>;
}

/// The key of a database's entry: its canonical path (the absolute path
/// when it cannot be resolved, e.g. before the file exists).
pub fn account(db: &Path) -> String {
    let resolved = db
        .canonicalize()
        .or_else(|_| std::path::absolute(db))
        .unwrap_or_else(|_| db.to_path_buf());
    resolved.to_string_lossy().into_owned()
}

/// The OS keyring (see the crate documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemKeyStore {
    disabled: bool,
}

impl SystemKeyStore {
    /// The system keyring, unless `COACHLOG_KEYRING` is `off`, `0` or `no`.
    pub fn new() -> SystemKeyStore {
        let disabled = std::env::var(KEYRING_ENV)
            .map(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "off" | "0" | "no"))
            .unwrap_or(false);
        SystemKeyStore { disabled }
    }

    fn entry(&self, db: &Path) -> Result<Option<keyring::Entry>> {
        if !self.available() {
            return Ok(None);
        }
        match keyring::Entry::new(SERVICE, &account(db)) {
            Ok(e) => Ok(Some(e)),
            Err(keyring::Error::NoDefaultStore) => Ok(None),
            Err(e) => Err(keyring_error(e)),
        }
    }
}

fn keyring_error(e: keyring::Error) -> Error {
    Error::Io(format!(
        "the system keyring failed ({e}); give the passphrase with COACHLOG_PASSPHRASE or \
         --passphrase-file instead."
    ))
}

impl KeyStore for SystemKeyStore {
    fn available(&self) -> bool {
        !self.disabled && keyring::Entry::store_status().is_ok()
    }

    fn describe(&self) -> String {
        let kind = if cfg!(target_os = "macos") {
            "the macOS Keychain"
        } else if cfg!(windows) {
            "the Windows Credential Manager"
        } else {
            "the system keyring (Secret Service)"
        };
        format!("{kind}, under \"{SERVICE}\"")
    }

    fn get(&self, db: &Path) -> Result<Option<Passphrase>> {
        let Some(entry) = self.entry(db)? else {
            return Ok(None);
        };
        match entry.get_password() {
            Ok(text) => Passphrase::new(text).map(Some).map_err(|e| {
                Error::invalid(format!(
                    "The passphrase kept in the keyring for {} is not valid ({e}); remove \
                     the entry and give the passphrase another way.",
                    db.display()
                ))
            }),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error(e)),
        }
    }

    fn set(&self, db: &Path, passphrase: &Passphrase) -> Result<()> {
        let Some(entry) = self.entry(db)? else {
            return Err(Error::Io(
                "there is no system keyring here to keep the passphrase in.".into(),
            ));
        };
        entry
            .set_password(passphrase.expose())
            .map_err(keyring_error)
    }

    fn delete(&self, db: &Path) -> Result<bool> {
        let Some(entry) = self.entry(db)? else {
            return Ok(false);
        };
        match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(keyring_error(e)),
        }
    }
}

/// A keyring in memory, for tests (and a front end that must not keep
/// anything).
#[derive(Debug, Default)]
pub struct MemoryKeyStore {
    entries: Mutex<HashMap<String, Passphrase>>,
    unavailable: bool,
}

impl MemoryKeyStore {
    /// An empty, available store.
    pub fn new() -> MemoryKeyStore {
        MemoryKeyStore::default()
    }

    /// A store that behaves like a machine without a keyring.
    pub fn unavailable() -> MemoryKeyStore {
        MemoryKeyStore {
            entries: Mutex::default(),
            unavailable: true,
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Passphrase>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl KeyStore for MemoryKeyStore {
    fn available(&self) -> bool {
        !self.unavailable
    }

    fn describe(&self) -> String {
        "the in-memory keyring".into()
    }

    fn get(&self, db: &Path) -> Result<Option<Passphrase>> {
        if self.unavailable {
            return Ok(None);
        }
        Ok(self.entries().get(&account(db)).cloned())
    }

    fn set(&self, db: &Path, passphrase: &Passphrase) -> Result<()> {
        if self.unavailable {
            return Err(Error::Io(
                "there is no system keyring here to keep the passphrase in.".into(),
            ));
        }
        self.entries().insert(account(db), passphrase.clone());
        Ok(())
    }

    fn delete(&self, db: &Path) -> Result<bool> {
        Ok(self.entries().remove(&account(db)).is_some())
    }
}

/// Whether two paths name the same database (the same keyring entry).
pub fn same_database(a: &Path, b: &Path) -> bool {
    account(a) == account(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coachlog_core::ErrorKind;

    #[test]
    fn a_passphrase_file_gives_its_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("plain", "open sesame", Ok("open sesame")),
            ("newline", "open sesame\n", Ok("open sesame")),
            ("crlf", "open sesame\r\nsecond line\n", Ok("open sesame")),
            ("spaces kept", "  spaced  \n", Ok("  spaced  ")),
            ("empty", "", Err((ErrorKind::Invalid, "is empty"))),
            (
                "blank line",
                "\nsecret",
                Err((ErrorKind::Invalid, "is empty")),
            ),
            (
                "tab",
                "a\tb\n",
                Err((ErrorKind::Invalid, "control character")),
            ),
        ];
        for (name, content, want) in cases {
            let path = dir.path().join(name);
            write_private(&path, content.as_bytes());
            match (from_file(&path), want) {
                (Ok(p), Ok(text)) => assert_eq!(p.expose(), text, "{name}"),
                (Err(e), Err((kind, says))) => {
                    assert_eq!(e.kind(), kind, "{name}: {e}");
                    let m = e.to_string();
                    assert!(m.contains(says) && m.contains(name), "{name}: {m}");
                }
                (got, want) => panic!("{name}: {got:?}, wanted {want:?}"),
            }
        }
        write_private(&dir.path().join("latin1"), &[0xE9, b'\n']);
        let e = from_file(&dir.path().join("latin1")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
        let e = from_file(&dir.path().join("missing")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
        assert!(e.to_string().contains("does not exist"), "{e}");
    }

    /// Writes a file only its owner may read.
    fn write_private(path: &Path, bytes: &[u8]) {
        std::fs::write(path, bytes).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_passphrase_file_others_may_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        for mode in [0o644, 0o640, 0o604, 0o660] {
            std::fs::write(&path, "open sesame\n").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let e = from_file(&path).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Invalid, "{mode:o}: {e}");
            assert!(e.to_string().contains("chmod 600"), "{e}");
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert_eq!(from_file(&path).unwrap().expose(), "open sesame");
    }

    #[test]
    fn the_passphrase_leaves_the_environment_once_taken() {
        // The only test of this binary that touches COACHLOG_PASSPHRASE.
        std::env::set_var(ENV, "from the environment");
        let p = take_from_env().unwrap().unwrap();
        assert_eq!(p.expose(), "from the environment");
        assert!(std::env::var_os(ENV).is_none());
        assert!(take_from_env().unwrap().is_none());
        std::env::set_var(ENV, "");
        assert!(take_from_env().unwrap_err().to_string().contains("empty"));
        assert!(std::env::var_os(ENV).is_none());
    }

    #[test]
    fn the_memory_store_keeps_one_passphrase_per_database() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.sqlite");
        let b = dir.path().join("b.sqlite");
        std::fs::write(&a, b"").unwrap();
        let store = MemoryKeyStore::new();
        assert!(store.available());
        assert!(store.get(&a).unwrap().is_none());
        let p = Passphrase::new("one".into()).unwrap();
        store.set(&a, &p).unwrap();
        // The same file by another spelling of its path.
        let other = dir.path().join(".").join("a.sqlite");
        assert_eq!(store.get(&other).unwrap(), Some(p));
        assert!(store.get(&b).unwrap().is_none());
        assert!(store.delete(&a).unwrap());
        assert!(!store.delete(&a).unwrap());
        assert!(store.get(&a).unwrap().is_none());

        let none = MemoryKeyStore::unavailable();
        assert!(!none.available());
        assert!(none.get(&a).unwrap().is_none());
        let e = none
            .set(&a, &Passphrase::new("x".into()).unwrap())
            .unwrap_err();
        assert!(e.to_string().contains("no system keyring"), "{e}");
    }

    #[test]
    fn the_system_store_can_be_turned_off() {
        // Not touching the real keyring: only the switch is tested here.
        let store = SystemKeyStore { disabled: true };
        assert!(!store.available());
        let db = Path::new("/nonexistent/coachlog.sqlite");
        assert!(store.get(db).unwrap().is_none());
        assert!(!store.delete(db).unwrap());
        assert!(store
            .set(db, &Passphrase::new("x".into()).unwrap())
            .is_err());
    }
}
