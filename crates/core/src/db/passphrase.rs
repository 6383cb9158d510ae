//! The passphrase of an encrypted database.

use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The longest passphrase accepted, in bytes.
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

/// A passphrase for an encrypted database.
///
/// Valid by construction ([`Passphrase::new`]); its text is not printed by
/// `Debug` and is overwritten with zeros when it is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Checks a passphrase: not empty, at most [`MAX_PASSPHRASE_BYTES`]
    /// bytes, and no control characters (a NUL would cut it short in SQLite,
    /// and a newline or tab is almost always a mistake of copying).
    pub fn new(text: String) -> Result<Passphrase> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(Error::invalid(
                "The passphrase is empty; give one (a few words are easy to remember and hard to \
                 guess).",
            ));
        }
        if text.len() > MAX_PASSPHRASE_BYTES {
            return Err(Error::invalid(format!(
                "The passphrase is {} bytes long; use at most {MAX_PASSPHRASE_BYTES}.",
                text.len()
            )));
        }
        if text.chars().any(char::is_control) {
            return Err(Error::invalid(
                "The passphrase contains a control character (a tab, a line break or NUL); \
                 type it again without one.",
            ));
        }
        Ok(Passphrase(text))
    }

    /// The passphrase's text: to hand it to SQLCipher or a keyring only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrases_are_checked() {
        assert!(Passphrase::new("correct horse battery staple".into()).is_ok());
        assert!(Passphrase::new("ünïcödé ✓".into()).is_ok());
        for (text, says) in [
            (String::new(), "empty"),
            ("x".repeat(MAX_PASSPHRASE_BYTES + 1), "at most 1024"),
            ("with\nnewline".into(), "control character"),
            ("nul\0inside".into(), "control character"),
            ("tab\there".into(), "control character"),
        ] {
            let e = Passphrase::new(text).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::Invalid);
            assert!(e.to_string().contains(says), "{e}");
        }
        assert!(Passphrase::new("x".repeat(MAX_PASSPHRASE_BYTES)).is_ok());
    }

    #[test]
    fn debug_shows_no_passphrase() {
        let p = Passphrase::new("hunter2-secret".into()).unwrap();
        let shown = format!("{p:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(p.expose(), "hunter2-secret");
    }
}
