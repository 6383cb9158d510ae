//! Errors as they cross IPC: `{ kind, message }`.

use serde::Serialize;

/// A failed command, as the UI receives it: the core's `ErrorKind` name
/// (`invalid`, `not_found`, `conflict`, `schema_too_new`, `corrupt`, `io`,
/// `internal`) and a message written for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IpcError {
    /// The kind of failure; stable, for the UI to branch on.
    #[ts(as = "coachlog_core::ErrorKind")]
    pub kind: String,
    /// What went wrong and what to do, for the user.
    pub message: String,
}

impl IpcError {
    /// An error of `kind` with `message`.
    pub fn new(kind: coachlog_core::ErrorKind, message: impl Into<String>) -> IpcError {
        IpcError {
            kind: kind.as_str().to_string(),
            message: message.into(),
        }
    }

    /// A failure of the shell itself (never the user's doing).
    pub fn internal(message: impl Into<String>) -> IpcError {
        IpcError::new(coachlog_core::ErrorKind::Internal, message)
    }
}

impl From<coachlog_core::Error> for IpcError {
    fn from(e: coachlog_core::Error) -> Self {
        IpcError::new(e.kind(), e.to_string())
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coachlog_core::Error;

    fn json(e: Error) -> String {
        serde_json::to_string(&IpcError::from(e)).unwrap()
    }

    #[test]
    fn core_errors_serialize_as_kind_and_message() {
        let cases = [
            (
                Error::invalid("The name is empty; give one."),
                r#"{"kind":"invalid","message":"The name is empty; give one."}"#,
            ),
            (
                Error::not_found("There is no person with id 9."),
                r#"{"kind":"not_found","message":"There is no person with id 9."}"#,
            ),
            (
                Error::conflict("Already there."),
                r#"{"kind":"conflict","message":"Already there."}"#,
            ),
            (
                Error::Corrupt("damaged".into()),
                r#"{"kind":"corrupt","message":"damaged"}"#,
            ),
            (
                Error::Io("disk full".into()),
                r#"{"kind":"io","message":"disk full"}"#,
            ),
            (
                Error::Internal("boom".into()),
                r#"{"kind":"internal","message":"internal error: boom"}"#,
            ),
            (
                Error::SchemaTooNew {
                    path: "/x.sqlite".into(),
                    found: 9,
                    supported: 2,
                },
                r#"{"kind":"schema_too_new","message":"/x.sqlite uses database schema version 9, but this Coachlog only knows versions up to 2. It was left untouched; open it with a newer Coachlog."}"#,
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(json(error), expected);
        }
    }
}
