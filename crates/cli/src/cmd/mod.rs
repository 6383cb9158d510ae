//! The command tree: one module per noun, each with its clap definitions
//! next to the code that runs them.
//!
//! **How to add a command.** Add a variant (with doc comments: they are the
//! help text) to the module's `Cmd` enum, handle it in that module's `run`,
//! and return the text to print: a one-line confirmation for a write, a
//! table for a listing, or `render::json(&record)` when `ctx.json` is set.
//! Open the database with `ctx.read()` (never creates a file) for read-only
//! commands and `ctx.write()` for writes, and make every write one
//! `db.write(|tx| …)` transaction. Errors are the core's `Error`; `main`
//! maps their kind to the exit code. Then add an example to `docs/cli.md`
//! and a case to `tests/cli.rs`.

pub mod agenda;
pub mod backup;
pub mod brief;
pub mod calendar;
pub mod cdf;
pub mod crypt;
pub mod customer;
pub mod data;
pub mod hiring;
pub mod history;
pub mod milestone;
pub mod nudge;
pub mod one_on_one;
pub mod overview;
pub mod person;
pub mod search;
pub mod settings;
pub mod summary;
pub mod template;
pub mod trash;
pub mod update;
pub mod walkthrough;
pub mod win;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use coachlog_core::Result;

use crate::args::date;
use crate::context::Ctx;

const GLOBAL: &str = "Global options";

/// Coachlog: a product leader's log of coaching practices.
///
/// Your team, 1:1s and their living agendas, accountability updates,
/// internal customers, hiring, walkthroughs, wins and CDF reviews, in one
/// local SQLite file. People may be named by id or by (a unique part of) their name.
#[derive(Debug, Parser)]
#[command(name = "coachlog", version, max_term_width = 100)]
pub struct Cli {
    /// The database file [default: coachlog.sqlite in your data folder; env: COACHLOG_DB].
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "COACHLOG_DB",
        hide_env = true,
        help_heading = GLOBAL
    )]
    pub db: Option<PathBuf>,
    /// The passphrase of an encrypted database: the first line of FILE [env: COACHLOG_PASSPHRASE].
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub passphrase_file: Option<PathBuf>,
    /// Print JSON (records as stored) instead of tables and sentences.
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,
    /// Act as if today were this day (YYYY-MM-DD), for scripts and tests.
    #[arg(
        long,
        global = true,
        value_name = "DATE",
        value_parser = date,
        hide_short_help = true,
        help_heading = GLOBAL
    )]
    pub today: Option<NaiveDate>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// What to look at first: the team, open requests and actions, hiring, unshared wins.
    Overview,
    /// What needs you: the overdue review by the practice rules.
    Overdue(nudge::OverdueArgs),
    /// Hide a nudge until a day (it shows again the day after).
    Snooze(nudge::SnoozeArgs),
    /// Hide a nudge for good.
    Dismiss(nudge::KeyArgs),
    /// Bring back a snoozed or dismissed nudge.
    Undo(nudge::KeyArgs),
    /// The brief before a 1:1: open agenda, what you owe, wins, overdue, CDF, career, OKRs.
    Brief(brief::BriefArgs),
    /// Your team: add, edit, list, show, archive.
    #[command(subcommand)]
    Person(person::Cmd),
    /// 1:1s: log (with agenda items opened and closed), edit, list, show.
    #[command(subcommand, name = "one-on-one", visible_alias = "1on1")]
    OneOnOne(one_on_one::Cmd),
    /// The living agenda: add, edit, close, reopen, list items.
    #[command(subcommand)]
    Agenda(agenda::Cmd),
    /// Accountability updates (next release, 3-month vision, OKRs) and portfolio direction.
    #[command(subcommand)]
    Update(update::Cmd),
    /// Internal customers and check-ins.
    #[command(subcommand)]
    Customer(customer::Cmd),
    /// Requisitions, interview loops and interviews.
    #[command(subcommand)]
    Hiring(hiring::Cmd),
    /// Product walkthroughs.
    #[command(subcommand)]
    Walkthrough(walkthrough::Cmd),
    /// PMs' wins and sharing them with senior leadership.
    #[command(subcommand)]
    Win(win::Cmd),
    /// CDF reviews: a PM's Career Development Framework reviews and their focus areas.
    #[command(subcommand)]
    Cdf(cdf::Cmd),
    /// Your portfolio milestones: on a day or a release's day, shown on Today and in the summary.
    #[command(subcommand)]
    Milestone(milestone::Cmd),
    /// Templates that pre-fill a new 1:1's notes and a new walkthrough's findings.
    #[command(subcommand)]
    Template(template::Cmd),
    /// The practice settings (cadences, release day, fiscal year…).
    #[command(subcommand)]
    Settings(settings::Cmd),
    /// Search 1:1 notes, agenda items, check-ins, walkthroughs, wins, CDF reviews and milestones.
    Search(search::SearchArgs),
    /// The month's summary for a merge request: Markdown, HTML with charts, CSV or JSON.
    Summary(summary::SummaryArgs),
    /// Write the whole database as a JSON interchange file.
    Export(data::ExportArgs),
    /// Load an export file into an empty or new database, or another tool's
    /// history (`--from oikio`) into this one.
    Import(data::ImportArgs),
    /// Fill an empty database with an invented team to try Coachlog.
    Demo(data::DemoArgs),
    /// Print the path of the database in use.
    Path,
    /// Back up the database now (a verified copy in the backups folder next to it).
    Backup,
    /// List the backups next to the database, newest first.
    Backups,
    /// Replace the database with a backup (the current file is kept as a copy first).
    Restore(backup::RestoreArgs),
    /// Encrypt the database and its backups with a passphrase (kept in the system keyring).
    Encrypt(crypt::EncryptArgs),
    /// Turn encryption off again: the database and its backups become plain files.
    Decrypt,
    /// Deleted records: list, restore, empty (`<noun> delete ID` puts them there).
    #[command(subcommand)]
    Trash(trash::Cmd),
    /// The Team screen's grid: each tracked PM against each practice, today.
    Coverage,
    /// The next release days, with their versions.
    Releases(nudge::ReleasesArgs),
    /// The calendar feed (iCalendar): 1:1s, updates, walkthroughs, releases and milestones ahead.
    Calendar(calendar::CalendarArgs),
}

/// Runs one command; returns what to print on standard output.
///
/// Around it: a backup before `import` (of an existing database), and after
/// any command that changed the database, the automatic backup when one is
/// due (`coachlog_core::backup::due`: at most every 30 minutes).
pub fn run(ctx: &Ctx, command: Command) -> Result<String> {
    let automatic = !matches!(
        command,
        Command::Backup
            | Command::Backups
            | Command::Restore(_)
            | Command::Encrypt(_)
            | Command::Decrypt
    );
    let before = backup::Fingerprint::of(&ctx.path);
    if let Command::Import(a) = &command {
        if !a.dry_run {
            backup::before_import(ctx)?;
        }
    }
    let out = dispatch(ctx, command)?;
    if automatic {
        backup::after_command(ctx, &before);
    }
    Ok(out)
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<String> {
    match command {
        Command::Overview => overview::run(ctx),
        Command::Overdue(a) => nudge::overdue(ctx, a),
        Command::Snooze(a) => nudge::snooze(ctx, a),
        Command::Dismiss(a) => nudge::dismiss(ctx, a),
        Command::Undo(a) => nudge::undo(ctx, a),
        Command::Brief(a) => brief::run(ctx, a),
        Command::Person(c) => person::run(ctx, c),
        Command::OneOnOne(c) => one_on_one::run(ctx, c),
        Command::Agenda(c) => agenda::run(ctx, c),
        Command::Update(c) => update::run(ctx, c),
        Command::Customer(c) => customer::run(ctx, c),
        Command::Hiring(c) => hiring::run(ctx, c),
        Command::Walkthrough(c) => walkthrough::run(ctx, c),
        Command::Win(c) => win::run(ctx, c),
        Command::Cdf(c) => cdf::run(ctx, c),
        Command::Milestone(c) => milestone::run(ctx, c),
        Command::Template(c) => template::run(ctx, c),
        Command::Settings(c) => settings::run(ctx, c),
        Command::Search(a) => search::run(ctx, a),
        Command::Summary(a) => summary::run(ctx, a),
        Command::Export(a) => data::export(ctx, a),
        Command::Import(a) => data::import(ctx, a),
        Command::Demo(a) => data::demo(ctx, a),
        Command::Path => data::path(ctx),
        Command::Backup => backup::create(ctx),
        Command::Backups => backup::list(ctx),
        Command::Restore(a) => backup::restore(ctx, a),
        Command::Encrypt(a) => crypt::encrypt(ctx, a),
        Command::Decrypt => crypt::decrypt(ctx),
        Command::Trash(c) => trash::run(ctx, c),
        Command::Coverage => nudge::coverage(ctx),
        Command::Releases(a) => nudge::releases(ctx, a),
        Command::Calendar(a) => calendar::run(ctx, a),
    }
}
