//! `coachlog`: the command line over the Coachlog database.
//!
//! A thin adapter: it parses arguments (clap), reads the clock once
//! ([`clock::today`], unless `--today` is given), calls the core, and prints
//! text or JSON. Errors go to standard error as `error: <message>` and the
//! exit code tells their kind (see [`exit_code`] and `docs/cli.md`).

mod args;
mod clock;
mod cmd;
mod context;
mod render;
mod table;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use coachlog_core::{Error, ErrorKind};

use crate::cmd::Cli;
use crate::context::Ctx;

/// The exit code for an error kind (clap's usage errors exit with 2 too).
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Invalid => 2,
        ErrorKind::NotFound => 3,
        ErrorKind::Conflict => 4,
        ErrorKind::SchemaTooNew | ErrorKind::Corrupt => 5,
        ErrorKind::Io => 6,
        ErrorKind::Passphrase => 7,
        ErrorKind::Cancelled => 1,
        ErrorKind::Internal => 70,
    }
}

fn fail(e: &Error) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(exit_code(e.kind()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = cli.today.unwrap_or_else(clock::today);
    let ctx = match Ctx::new(cli.db, today, cli.json, cli.passphrase_file) {
        Ok(ctx) => ctx,
        Err(e) => return fail(&e),
    };
    match cmd::run(&ctx, cli.command) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // `coachlog … | head` closing the pipe early is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(&Error::Io(format!("cannot write the output: {e}"))),
            }
        }
        Err(e) => {
            ctx.discard_if_created();
            fail(&ctx.explain(e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_by_kind() {
        let cases = [
            (ErrorKind::Invalid, 2),
            (ErrorKind::NotFound, 3),
            (ErrorKind::Conflict, 4),
            (ErrorKind::SchemaTooNew, 5),
            (ErrorKind::Corrupt, 5),
            (ErrorKind::Io, 6),
            (ErrorKind::Passphrase, 7),
            (ErrorKind::Cancelled, 1),
            (ErrorKind::Internal, 70),
        ];
        for (kind, code) in cases {
            assert_eq!(exit_code(kind), code, "{kind:?}");
        }
    }

    #[test]
    fn the_command_tree_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
