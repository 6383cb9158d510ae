//! `coachlog calendar`: the calendar feed (iCalendar), to import into a
//! calendar app. What is in it is the core's (`coachlog_core::ics`).

use std::path::PathBuf;

use clap::Args;
use coachlog_core::db::output;
use coachlog_core::ics::{self, CalendarOptions, MONTHS_DEFAULT, MONTHS_MAX};
use coachlog_core::Result;
use serde::Serialize;

use crate::args::existing;
use crate::context::Ctx;
use crate::render::json;

/// `coachlog calendar`
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Months ahead from today.
    #[arg(
        long,
        default_value_t = MONTHS_DEFAULT,
        value_parser = clap::value_parser!(u32).range(1..=MONTHS_MAX as i64)
    )]
    pub months: u32,
    /// Write to this file (e.g. coachlog.ics) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists (as when refreshing an imported feed).
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What `calendar -o FILE --json` prints.
#[derive(Debug, Serialize)]
struct Written<'a> {
    path: &'a std::path::Path,
    events: usize,
    months: u32,
}

/// Runs `calendar`.
pub fn run(ctx: &Ctx, a: CalendarArgs) -> Result<String> {
    if let Some(out) = &a.output {
        output::check_new(out, existing(a.force))?;
    }
    let options = CalendarOptions { months: a.months };
    let db = ctx.read()?;
    let events = ics::events(db.conn(), ctx.today, options)?;
    let text = ics::render(&events, ctx.today);
    let Some(out) = a.output else {
        return Ok(text);
    };
    output::write_atomically(&out, text.as_bytes(), existing(a.force))?;
    if ctx.json {
        return json(&Written {
            path: &out,
            events: events.len(),
            months: a.months,
        });
    }
    Ok(format!(
        "Wrote {} for the next {} to {}; import it into your calendar (importing a newer file \
         updates the same events).\n",
        coachlog_core::words::count(events.len(), "event", "events"),
        coachlog_core::words::count(a.months, "month", "months"),
        out.display()
    ))
}
