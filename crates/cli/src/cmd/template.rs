//! `coachlog template …`: the Markdown that pre-fills a new 1:1's notes (your
//! default, or one person's own) and a new walkthrough's findings.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};
use coachlog_core::model::{PersonId, Template, TemplateKind};
use coachlog_core::store::people;
use coachlog_core::store::templates::{self, InForce, Source};
use coachlog_core::{Db, Error, Result};
use serde::Serialize;

use crate::context::{read_text, Ctx};
use crate::render::json;
use crate::table::{col, Table};

/// `coachlog template …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Print the template in force, and where it comes from.
    Show {
        #[command(flatten)]
        which: Which,
    },
    /// Write a template: yours for 1:1 notes, a person's own, or the walkthrough one.
    Set(SetArgs),
    /// Remove a template you wrote, so that the next one down applies again.
    Reset {
        #[command(flatten)]
        which: Which,
    },
    /// List the templates you wrote (Coachlog's defaults apply to the rest).
    List,
}

/// Which template: your 1:1 notes default, a person's own, or the walkthrough one.
#[derive(Debug, Args)]
pub struct Which {
    /// A person's own 1:1 notes template (name, part of it, or id) [default: your default].
    #[arg(long, conflicts_with = "walkthrough")]
    pub person: Option<String>,
    /// The walkthrough findings template instead of the 1:1 notes one.
    #[arg(long)]
    pub walkthrough: bool,
}

/// `coachlog template set`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("body").required(true).args(["file", "text", "stdin"])))]
pub struct SetArgs {
    #[command(flatten)]
    pub which: Which,
    /// Read the template from a file (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The template itself ("" pre-fills nothing).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// `-`: read the template from standard input.
    #[arg(value_name = "-", value_parser = ["-"])]
    pub stdin: Option<String>,
}

/// What `template reset --json` prints.
#[derive(Debug, Serialize)]
struct ResetView {
    /// The template removed (`null`: there was none).
    removed: Option<Template>,
    /// The template in force now.
    in_force: InForce,
}

/// Runs a `template` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Show { which } => show(ctx, &which),
        Cmd::Set(a) => set(ctx, a),
        Cmd::Reset { which } => reset(ctx, &which),
        Cmd::List => list(ctx),
    }
}

/// The kind and the person (with their name) `which` names.
fn resolve(db: &Db, which: &Which) -> Result<(TemplateKind, Option<(PersonId, String)>)> {
    if which.walkthrough {
        return Ok((TemplateKind::Walkthrough, None));
    }
    let person = which
        .person
        .as_deref()
        .map(|p| people::resolve(db.conn(), p).map(|p| (p.id, p.name)))
        .transpose()?;
    Ok((TemplateKind::OneOnOne, person))
}

/// "Priya Raman's own 1:1 notes template", "your default 1:1 notes
/// template", "your walkthrough findings template".
fn whose(kind: TemplateKind, person: Option<&str>) -> String {
    match (kind, person) {
        (TemplateKind::Walkthrough, _) => "your walkthrough findings template".into(),
        (_, Some(name)) => format!("{name}'s own 1:1 notes template"),
        (_, None) => "your default 1:1 notes template".into(),
    }
}

/// Where the template in force comes from, in words.
fn source(t: &InForce, person: Option<&str>) -> String {
    let what = match t.kind {
        TemplateKind::OneOnOne => "1:1 notes template",
        TemplateKind::Walkthrough => "walkthrough findings template",
    };
    let whose = match person {
        Some(name) => format!("The {what} for {name}"),
        None => format!("The {what}"),
    };
    let from = match (t.source, person) {
        (Source::Person, Some(name)) => format!("{name}'s own"),
        (Source::Person, None) => "their own".into(),
        (Source::Leader, Some(_)) => "your default (they have none of their own)".into(),
        (Source::Leader, None) => "yours".into(),
        (Source::Coachlog, Some(_)) => {
            "Coachlog's default (neither they nor you have written one)".into()
        }
        (Source::Coachlog, None) => "Coachlog's default (you have not written one)".into(),
    };
    format!("{whose} is {from}.")
}

fn show(ctx: &Ctx, which: &Which) -> Result<String> {
    let db = ctx.read()?;
    let (kind, person) = resolve(&db, which)?;
    let t = templates::in_force(db.conn(), kind, person.as_ref().map(|p| p.0))?;
    if ctx.json {
        return json(&t);
    }
    let name = person.as_ref().map(|p| p.1.as_str());
    let mut out = format!("{}\n\n", source(&t, name));
    if t.body.is_empty() {
        out.push_str("(empty: a new one starts blank)\n");
    } else {
        out.push_str(&t.body);
        if !t.body.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

fn set(ctx: &Ctx, a: SetArgs) -> Result<String> {
    let stdin = a.stdin.as_ref().map(PathBuf::from);
    let body = read_text(a.text, a.file.as_deref().or(stdin.as_deref()))?
        .ok_or_else(|| Error::invalid("Give the template with --file FILE, --text TEXT or -."))?;
    let mut db = ctx.write()?;
    let (kind, person) = resolve(&db, &a.which)?;
    let t = db.write(|tx| templates::set(tx, kind, person.as_ref().map(|p| p.0), &body))?;
    if ctx.json {
        return json(&t);
    }
    let what = whose(kind, person.as_ref().map(|p| p.1.as_str()));
    let size = match t.body.lines().count() {
        0 => "empty: it pre-fills nothing".to_string(),
        n => crate::render::count(n, "line", "lines"),
    };
    Ok(format!("Set {what} ({size}).\n"))
}

fn reset(ctx: &Ctx, which: &Which) -> Result<String> {
    let mut db = ctx.write()?;
    let (kind, person) = resolve(&db, which)?;
    let id = person.as_ref().map(|p| p.0);
    let (removed, in_force) = db.write(|tx| {
        let removed = templates::reset(tx, kind, id)?;
        Ok((removed, templates::in_force(tx, kind, id)?))
    })?;
    if ctx.json {
        return json(&ResetView { removed, in_force });
    }
    let name = person.as_ref().map(|p| p.1.as_str());
    let now = match in_force.source {
        Source::Leader => "your default",
        _ => "Coachlog's default",
    };
    Ok(match (removed, kind, name) {
        (Some(_), _, _) => format!("Removed {}; {now} applies again.\n", whose(kind, name)),
        (None, TemplateKind::Walkthrough, _) => {
            format!("You have no walkthrough findings template to remove; {now} applies.\n")
        }
        (None, _, Some(name)) => {
            format!("{name} has no 1:1 notes template of their own to remove; {now} applies.\n")
        }
        (None, _, None) => {
            format!("You have no default 1:1 notes template to remove; {now} applies.\n")
        }
    })
}

fn list(ctx: &Ctx) -> Result<String> {
    let db = ctx.read()?;
    let list = templates::list(db.conn())?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok("You have written no templates; Coachlog's defaults apply \
                   (`coachlog template show` prints one).\n"
            .into());
    }
    let names = people::names(db.conn())?;
    let table = Table::of(
        vec![
            col("KIND"),
            col("FOR").max(24),
            col("LINES").right(),
            col("FIRST LINE").max(50),
        ],
        &list,
        |t| {
            [
                t.kind.as_str().to_string(),
                match t.person_id {
                    Some(p) => crate::render::name_of(&names, p),
                    None => "(your default)".into(),
                },
                t.body.lines().count().to_string(),
                t.body
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .to_string(),
            ]
        },
    );
    Ok(table.render())
}
