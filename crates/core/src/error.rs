//! The one error type of the core.
//!
//! Every message is written for the person using Coachlog: it says what was
//! wrong and what to do. The [`ErrorKind`] is the small, stable classification
//! the CLI maps to exit codes and the desktop shell sends across IPC as
//! `{ kind, message }`.

use serde::Serialize;

/// Result alias used throughout the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of failure an [`Error`] is; stable names for scripts and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Bad input: a value the user can correct.
    Invalid,
    /// A record that was named does not exist.
    NotFound,
    /// The write would duplicate or contradict an existing record.
    Conflict,
    /// The database file is newer than this program.
    SchemaTooNew,
    /// The file is not a Coachlog database, or is damaged.
    Corrupt,
    /// Reading or writing a file failed.
    Io,
    /// The database is encrypted and no passphrase, or a wrong one, was given.
    Passphrase,
    /// The leader cancelled a dialog or said no to a confirmation; nothing
    /// changed (the desktop app's native dialogs).
    Cancelled,
    /// A bug or an unexpected SQLite failure.
    Internal,
}

impl ErrorKind {
    /// The kind's stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invalid => "invalid",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::SchemaTooNew => "schema_too_new",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::Io => "io",
            ErrorKind::Passphrase => "passphrase",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Internal => "internal",
        }
    }
}

/// A failure of a core operation, with a user-worded message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input; the message names the field and what to do.
    #[error("{0}")]
    Invalid(String),
    /// A named record does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The write would duplicate or contradict an existing record.
    #[error("{0}")]
    Conflict(String),
    /// The database was written by a newer Coachlog.
    #[error(
        "{path} uses database schema version {found}, but this Coachlog only knows versions up \
         to {supported}. It was left untouched; open it with a newer Coachlog."
    )]
    SchemaTooNew {
        /// The database file.
        path: String,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this program knows.
        supported: i64,
    },
    /// The file is not a Coachlog database or is damaged.
    #[error("{0}")]
    Corrupt(String),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(String),
    /// The database is encrypted and the passphrase is missing or does not
    /// open it; the message says how to give one.
    #[error("{0}")]
    Passphrase(String),
    /// The leader cancelled or said no; nothing changed.
    #[error("{0}")]
    Cancelled(String),
    /// An unexpected failure inside SQLite or the core.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The error's kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid(_) => ErrorKind::Invalid,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::SchemaTooNew { .. } => ErrorKind::SchemaTooNew,
            Error::Corrupt(_) => ErrorKind::Corrupt,
            Error::Io(_) => ErrorKind::Io,
            Error::Passphrase(_) => ErrorKind::Passphrase,
            Error::Cancelled(_) => ErrorKind::Cancelled,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }

    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(message: impl Into<String>) -> Error {
        Error::Invalid(message.into())
    }

    /// Shorthand for [`Error::NotFound`].
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::NotFound(message.into())
    }

    /// Shorthand for [`Error::Conflict`].
    pub fn conflict(message: impl Into<String>) -> Error {
        Error::Conflict(message.into())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =>
            {
                Error::Corrupt(format!(
                    "the file is not a Coachlog database or is damaged ({e}). It was left \
                     untouched; restore a backup or choose another file."
                ))
            }
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
            {
                Error::Io(
                    "the database is busy in another program (is Coachlog open elsewhere?). \
                     Try again in a moment."
                        .into(),
                )
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ReadOnly => {
                Error::Io("the database file is read-only; check its permissions.".into())
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::DiskFull => {
                Error::Io("the disk is full; free some space and try again.".into())
            }
            _ => Error::Internal(e.to_string()),
        }
    }
}

impl From<crate::calendar::ParseError> for Error {
    /// Calendar messages become sentences like every other message: a capital
    /// first letter and a full stop.
    fn from(e: crate::calendar::ParseError) -> Self {
        let mut m = e.0;
        if let Some(first) = m.chars().next().filter(char::is_ascii_lowercase) {
            m.replace_range(..1, &first.to_ascii_uppercase().to_string());
        }
        if !m.ends_with(['.', '!', '?']) {
            m.push('.');
        }
        Error::Invalid(m)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}
