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
