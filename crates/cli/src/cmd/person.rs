//! `coachlog person …`: the team.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{JobFamily, Level, Person, PersonId, PersonInput, Scope, ScopeKind};
use coachlog_core::store::people;
use coachlog_core::{Error, Result};

use crate::args::date;
use crate::context::Ctx;
use crate::render::{self, json};
use crate::table::{col, Table};

/// `coachlog person …`
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add someone to your team.
    Add(AddArgs),
    /// Change someone's details (only the options given change).
    Edit(EditArgs),
    /// List the team (active people; --all includes archived ones).
    List {
        /// Include archived people.
        #[arg(long)]
        all: bool,
    },
    /// Show someone's details, open agenda, recent 1:1s, customers, updates and wins.
    Show {
        /// Name (or a unique part of it) or id.
        person: String,
    },
    /// Their review packet: their whole story in a window (default: the last 6 months) as
    /// Markdown, HTML with a timeline, or JSON; private notes only with --include-notes.
    History(super::history::HistoryArgs),
    /// Archive someone who left the team; their records stay.
    Archive {
        /// Name (or a unique part of it) or id.
        person: String,
        /// The day they left [default: today].
        #[arg(long, value_name = "DATE", value_parser = date)]
        on: Option<NaiveDate>,
    },
    /// Move someone and all their records to the Trash (`coachlog trash
    /// restore` brings them back). To keep their records, archive them.
    Delete {
        /// Name (or a unique part of it) or id.
        person: String,
    },
    /// Make an archived person active again.
    Unarchive {
        /// Name (or a unique part of it) or id.
        person: String,
    },
}

/// `coachlog person add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their name, unique on the team.
    pub name: String,
    /// Job title as written, e.g. "Senior Product Manager, Plan".
    #[arg(long)]
    pub title: Option<String>,
    /// Job family: product_manager, senior_product_manager, principal_product_manager,
    /// group_manager_product, director_of_product, vp, evp, engineering_manager, other.
    #[arg(long, value_name = "FAMILY", default_value = "product_manager")]
    pub family: JobFamily,
    /// Level: ic, manager, director, senior_leader, executive [default: from the family].
    #[arg(long)]
    pub level: Option<Level>,
    /// Scope kind: group, stage, section, collection_of_groups [default: from the names given].
    #[arg(long, value_name = "KIND")]
    pub scope_kind: Option<ScopeKind>,
    /// Section name.
    #[arg(long)]
    pub section: Option<String>,
    /// A stage in their scope (repeat for several).
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// A group in their scope (repeat for several).
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    /// The day they started reporting to you [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,
    /// Their 1:1 cadence in days, overriding the `one_on_one_every_days` setting.
    #[arg(long, value_name = "DAYS")]
    pub cadence: Option<u32>,
    /// Do not follow their practices (not a direct report).
    #[arg(long, conflicts_with = "tracked")]
    pub untracked: bool,
    /// Follow their practices (the default, but for a skip-level report, who
    /// is never tracked).
    #[arg(long)]
    pub tracked: bool,
    /// A skip-level report: the manager on your team they report to (name,
    /// part of it, or id). Not tracked; you hold skip-level 1:1s with them.
    #[arg(long, value_name = "MANAGER")]
    pub reports_to: Option<String>,
}

/// `coachlog person edit`
#[derive(Debug, Args)]
pub struct EditArgs {
    /// Name (or a unique part of it) or id.
    pub person: String,
    /// New name.
    #[arg(long)]
    pub name: Option<String>,
    /// New job title ("" clears it).
    #[arg(long)]
    pub title: Option<String>,
    /// New job family.
    #[arg(long, value_name = "FAMILY")]
    pub family: Option<JobFamily>,
    /// New level.
    #[arg(long)]
    pub level: Option<Level>,
    /// New scope kind.
    #[arg(long, value_name = "KIND")]
    pub scope_kind: Option<ScopeKind>,
    /// New section.
    #[arg(long)]
    pub section: Option<String>,
    /// Remove the section.
    #[arg(long, conflicts_with = "section")]
    pub no_section: bool,
    /// Replace the stages (repeat for several).
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// Remove every stage.
    #[arg(long, conflicts_with = "stages")]
    pub no_stages: bool,
    /// Replace the groups (repeat for several).
    #[arg(long = "group", value_name = "GROUP")]
    pub groups: Vec<String>,
    /// Remove every group.
    #[arg(long, conflicts_with = "groups")]
    pub no_groups: bool,
    /// New 'since' date.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,
    /// New 1:1 cadence in days.
    #[arg(long, value_name = "DAYS")]
    pub cadence: Option<u32>,
    /// Use the default 1:1 cadence (the setting).
    #[arg(long, conflicts_with = "cadence")]
    pub no_cadence: bool,
    /// Follow their practices.
    #[arg(long, conflicts_with = "untracked")]
    pub tracked: bool,
    /// Stop following their practices.
    #[arg(long)]
    pub untracked: bool,
    /// Make them a skip-level report of this manager on your team (name,
    /// part of it, or id); not tracked unless --tracked is given.
    #[arg(long, value_name = "MANAGER", conflicts_with = "no_reports_to")]
    pub reports_to: Option<String>,
    /// They no longer report to a manager on your team (tracking stays as it
    /// is: add --tracked to follow their practices).
    #[arg(long)]
    pub no_reports_to: bool,
}

impl EditArgs {
    fn changes_nothing(&self) -> bool {
        self.name.is_none()
            && self.title.is_none()
            && self.family.is_none()
            && self.level.is_none()
            && self.scope_kind.is_none()
            && self.section.is_none()
            && !self.no_section
            && self.stages.is_empty()
            && !self.no_stages
            && self.groups.is_empty()
            && !self.no_groups
            && self.since.is_none()
            && self.cadence.is_none()
            && !self.no_cadence
            && !self.tracked
            && !self.untracked
            && self.reports_to.is_none()
            && !self.no_reports_to
    }

    /// Applies the options to `input`; `manager`: the person `--reports-to`
    /// named.
    fn apply(self, input: &mut PersonInput, manager: Option<PersonId>) {
        if let Some(v) = self.name {
            input.name = v;
        }
        if let Some(v) = self.title {
            input.title = v;
        }
        if let Some(v) = self.family {
            input.job_family = v;
        }
        if let Some(v) = self.level {
            input.level = v;
        }
        if let Some(v) = self.scope_kind {
            input.scope.kind = v;
        }
        if self.no_section {
            input.scope.section = None;
        } else if let Some(v) = self.section {
            input.scope.section = Some(v);
        }
        if self.no_stages {
            input.scope.stages.clear();
        } else if !self.stages.is_empty() {
            input.scope.stages = self.stages;
        }
        if self.no_groups {
            input.scope.groups.clear();
        } else if !self.groups.is_empty() {
            input.scope.groups = self.groups;
        }
        if let Some(v) = self.since {
            input.since = v;
        }
        if self.no_cadence {
            input.cadence_days = None;
        } else if let Some(v) = self.cadence {
            input.cadence_days = Some(v);
        }
        if let Some(m) = manager {
            input.reports_to = Some(m);
            // A skip-level report is never tracked, unless asked (which the
            // core refuses, saying why).
            input.tracked = false;
        }
        if self.no_reports_to {
            input.reports_to = None;
        }
        if self.tracked {
            input.tracked = true;
        }
        if self.untracked {
            input.tracked = false;
        }
    }
}

/// Runs a `person` command.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Result<String> {
    match cmd {
        Cmd::Add(a) => add(ctx, a),
        Cmd::Edit(a) => edit(ctx, a),
        Cmd::List { all } => list(ctx, all),
        Cmd::Show { person } => show(ctx, &person),
        Cmd::History(a) => super::history::run(ctx, a),
        Cmd::Archive { person, on } => {
            let mut db = ctx.write()?;
            let p = people::resolve(db.conn(), &person)?;
            let on = on.unwrap_or(ctx.today);
            let p = db.write(|tx| people::archive(tx, p.id, on))?;
            written(
                ctx,
                &p,
                format!("Archived {} (id {}) on {on}.", p.name, p.id),
            )
        }
        Cmd::Delete { person } => super::trash::delete_found(ctx, RecordKind::Person, |db| {
            Ok(people::resolve(db.conn(), &person)?.id.0)
        }),
        Cmd::Unarchive { person } => {
            let mut db = ctx.write()?;
            let p = people::resolve(db.conn(), &person)?;
            let p = db.write(|tx| people::unarchive(tx, p.id))?;
            written(
                ctx,
                &p,
                format!("{} (id {}) is active again.", p.name, p.id),
            )
        }
    }
}

fn written(ctx: &Ctx, p: &Person, line: String) -> Result<String> {
    if ctx.json {
        json(p)
    } else {
        Ok(line + "\n")
    }
}

/// The scope kind implied by the names given, when none is named.
fn implied_kind(a: &AddArgs) -> ScopeKind {
    match (a.groups.len(), a.stages.is_empty(), a.section.is_some()) {
        (n, _, _) if n > 1 => ScopeKind::CollectionOfGroups,
        (1, _, _) => ScopeKind::Group,
        (_, false, _) => ScopeKind::Stage,
        (_, true, true) => ScopeKind::Section,
        _ => ScopeKind::Group,
    }
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<String> {
    let mut input = PersonInput {
        name: a.name.clone(),
        title: a.title.clone().unwrap_or_default(),
        job_family: a.family,
        level: a.level.unwrap_or_else(|| render::level_of(a.family)),
        scope: Scope {
            kind: a.scope_kind.unwrap_or_else(|| implied_kind(&a)),
            section: a.section.clone(),
            stages: a.stages.clone(),
            groups: a.groups.clone(),
        },
        since: a.since.unwrap_or(ctx.today),
        cadence_days: a.cadence,
        // A skip-level report is not tracked unless asked (which the core
        // refuses, saying why).
        tracked: a.tracked || (!a.untracked && a.reports_to.is_none()),
        reports_to: None,
    };
    // Check the input before the file is opened (or created).
    people::validate(&input)?;
    let mut db = ctx.write()?;
    let manager = a
        .reports_to
        .as_deref()
        .map(|m| people::resolve(db.conn(), m))
        .transpose()?;
    input.reports_to = manager.as_ref().map(|m| m.id);
    let p = db.write(|tx| people::insert(tx, &input))?;
    let line = match &manager {
        Some(m) => format!(
            "Added {} (id {}), a skip-level report of {}, since {}.",
            p.name, p.id, m.name, p.since
        ),
        None => format!(
            "Added {} (id {}), reporting since {}.",
            p.name, p.id, p.since
        ),
    };
    written(ctx, &p, line)
}

fn edit(ctx: &Ctx, a: EditArgs) -> Result<String> {
    if a.changes_nothing() {
        return Err(nothing_to_change("person edit"));
    }
    let mut db = ctx.write()?;
    let before = people::resolve(db.conn(), &a.person)?;
    let manager = a
        .reports_to
        .as_deref()
        .map(|m| people::resolve(db.conn(), m))
        .transpose()?;
    let mut input = PersonInput::from(&before);
    a.apply(&mut input, manager.as_ref().map(|m| m.id));
    let p = db.write(|tx| people::update(tx, before.id, &input))?;
    let line = match (&manager, before.reports_to, p.reports_to) {
        (Some(m), _, Some(_)) => format!(
            "Updated {} (id {}): a skip-level report of {}, not tracked.",
            p.name, p.id, m.name
        ),
        (None, Some(_), None) => format!(
            "Updated {} (id {}): no longer a skip-level report{}.",
            p.name,
            p.id,
            if p.tracked {
                ", tracked"
            } else {
                " (not tracked; --tracked follows their practices)"
            }
        ),
        _ => format!("Updated {} (id {}).", p.name, p.id),
    };
    written(ctx, &p, line)
}

/// The error for an edit without options.
pub fn nothing_to_change(command: &str) -> Error {
    Error::invalid(format!(
        "Nothing to change: give at least one option; `coachlog {command} --help` lists them."
    ))
}

fn list(ctx: &Ctx, all: bool) -> Result<String> {
    let db = ctx.read()?;
    let list = people::list(
        db.conn(),
        people::Filter {
            include_archived: all,
        },
    )?;
    if ctx.json {
        return json(&list);
    }
    if list.is_empty() {
        return Ok(if all {
            "No one on your team yet; add someone with `coachlog person add NAME`.\n".into()
        } else {
            "No active people; `coachlog person list --all` includes archived ones.\n".into()
        });
    }
    let mut columns = vec![
        col("ID").right(),
        col("NAME").max(30),
        col("TITLE").max(36),
        col("LEVEL"),
        col("SCOPE").max(40),
        col("SINCE"),
        col("1:1 EVERY").right(),
        col("TRACKED"),
    ];
    // Who reports to whom, when anyone listed is a skip-level report.
    let managers = if list.iter().any(|p| p.reports_to.is_some()) {
        columns.push(col("REPORTS TO").max(30));
        Some(people::names(db.conn())?)
    } else {
        None
    };
    if all {
        columns.push(col("ARCHIVED"));
    }
    let mut t = Table::new(columns);
    for p in &list {
        let mut row = vec![
            p.id.to_string(),
            p.name.clone(),
            p.title.clone(),
            p.level.label().to_string(),
            render::scope(&p.scope),
            p.since.to_string(),
            p.cadence_days.map(|d| format!("{d}d")).unwrap_or_default(),
            if p.tracked { "yes" } else { "no" }.to_string(),
        ];
        if let Some(names) = &managers {
            row.push(
                p.reports_to
                    .map(|m| render::name_of(names, m))
                    .unwrap_or_default(),
            );
        }
        row.push(render::date(p.archived_on));
        t.row(row);
    }
    Ok(t.render())
}

fn show(ctx: &Ctx, reference: &str) -> Result<String> {
    let db = ctx.read()?;
    let person = people::resolve(db.conn(), reference)?;
    let view = coachlog_core::overview::person_page(db.conn(), person.id, ctx.today)?;
    if ctx.json {
        return json(&view);
    }
    let p = &view.person;
    let reports_to = match p.reports_to {
        Some(m) => format!("{} (a skip-level report)", people::get(db.conn(), m)?.name),
        None => "—".to_string(),
    };
    let mut out = format!("{} (id {})\n", p.name, p.id);
    let cadence = match (p.reports_to, p.cadence_days) {
        // Skip-level 1:1s follow their own setting.
        (Some(_), _) => format!(
            "skip-levels every {} days (skip_level_every_days)",
            coachlog_core::settings::load(db.conn())?.skip_level_every_days
        ),
        (None, Some(d)) => format!("every {d} days"),
        (None, None) => format!("every {} days (the default)", view.cadence_days),
    };
    let rows = vec![
        ("Title", render::or_dash(&p.title)),
        ("Job family", p.job_family.label().to_string()),
        ("Level", p.level.label().to_string()),
        ("Scope", render::scope(&p.scope)),
        (
            "Section",
            render::or_dash(p.scope.section.as_deref().unwrap_or("")),
        ),
        ("Stages", render::or_dash(&p.scope.stages.join(", "))),
        ("Groups", render::or_dash(&p.scope.groups.join(", "))),
        ("Since", p.since.to_string()),
        ("1:1s", cadence),
        ("Tracked", if p.tracked { "yes" } else { "no" }.to_string()),
        ("Reports to", reports_to),
        ("Archived", render::or_dash(&render::date(p.archived_on))),
    ];
    out.push_str(&render::fields(&rows));
    out.push('\n');
    out.push_str(&render::fields(&coaching(&view)));
    if let Some(w) = view.agenda_balance.warning {
        out.push_str(&format!("  The handbook: \"{w}.\"\n"));
    }

    let agenda = Table::of(
        vec![
            col("ID").right(),
            col("TAG"),
            col("TEXT").max(50),
            col("TIMING"),
            col("BY"),
            col("OPENED"),
        ],
        &view.open_agenda,
        |i| {
            [
                i.id.to_string(),
                i.open_tag.label().to_string(),
                i.text.clone(),
                i.timing.map(|t| t.to_string()).unwrap_or_default(),
                i.raised_by.as_str().to_string(),
                i.opened_on.to_string(),
            ]
        },
    );
    out.push_str(&agenda.section(
        &format!("Open agenda ({})", view.open_agenda.len()),
        Some("Nothing open."),
    ));
    let one_on_ones = Table::of(
        vec![
            col("ID").right(),
            col("DATE"),
            col("STATUS"),
            col("TAGS").max(30),
            col("NOTES").max(50),
        ],
        &view.recent_one_on_ones,
        |o| {
            [
                o.id.to_string(),
                o.date.to_string(),
                o.status.as_str().to_string(),
                o.tags.join(", "),
                render::summary(&o.notes),
            ]
        },
    );
    out.push_str(&one_on_ones.section("Recent 1:1s", Some("None logged yet.")));
    let customers = Table::of(
        vec![
            col("ID").right(),
            col("TEAM"),
            col("CATEGORY"),
            col("SINCE"),
        ],
        &view.customers,
        |l| {
            [
                l.id.to_string(),
                l.team.clone(),
                l.category.clone(),
                l.since.to_string(),
            ]
        },
    );
    out.push_str(&customers.section("Internal customers", None));
    let updates = Table::of(
        vec![
            col("ID").right(),
            col("KIND"),
            col("PERIOD"),
            col("STATUS"),
            col("DONE"),
            col("LINK").max(50),
        ],
        &view.recent_updates,
        |u| {
            [
                u.id.to_string(),
                u.kind.as_str().to_string(),
                u.period.to_string(),
                u.status.as_str().to_string(),
                render::date(u.done_on),
                u.link.clone().unwrap_or_default(),
            ]
        },
    );
    out.push_str(&updates.section("Recent updates", None));
    let wins = Table::of(
        vec![
            col("ID").right(),
            col("NOTED"),
            col("TEXT").max(50),
            col("SHARED"),
        ],
        &view.recent_wins,
        |w| {
            [
                w.id.to_string(),
                w.noted_on.to_string(),
                w.text.clone(),
                render::date(w.shared_on),
            ]
        },
    );
    out.push_str(&wins.section("Recent wins", None));
    let reports = Table::of(
        vec![
            col("ID").right(),
            col("NAME").max(30),
            col("TITLE").max(36),
            col("LAST SKIP-LEVEL"),
            col("NEXT DUE"),
        ],
        &view.skip_level_reports,
        |r| {
            [
                r.person_id.to_string(),
                r.name.clone(),
                r.title.clone(),
                r.last_meeting
                    .map_or_else(|| "never".to_string(), |d| d.to_string()),
                r.next_due.to_string(),
            ]
        },
    );
    out.push_str(&reports.section("Skip-level reports", None));
    out.push_str(&super::milestone::table(&view.milestones).section(
        &format!(
            "Your milestones for their stages, next {} days",
            coachlog_core::overview::MILESTONE_DAYS
        ),
        None,
    ));
    Ok(out)
}

/// The page's coaching facts: for a followed PM the CDF focus areas in
/// force and career conversations (rules 12 and 13 follow only them); for
/// everyone the agenda balance.
fn coaching(view: &coachlog_core::overview::PersonPage) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    if !view.person.tracked {
        rows.push(("Agenda balance", balance(view)));
        return rows;
    }
    let cdf = match &view.cdf.last {
        Some(r) => format!("{} (review of {})", r.focus.join("; "), r.date),
        None => "no CDF review yet".to_string(),
    };
    rows.push(("CDF focus", cdf));
    rows.push(("Next CDF review", format!("due {}", view.cdf.next_due)));
    let c = &view.career;
    let last = match (c.last, c.days_since) {
        (Some(d), Some(n)) => format!("{d} ({n} days ago)"),
        _ => "none yet".to_string(),
    };
    rows.push((
        "Career talk",
        format!("{last}; next due {} (1:1s tagged {})", c.next_due, c.tag),
    ));
    rows.push(("Agenda balance", balance(view)));
    rows
}

/// Who raised the items of their agenda opened in the balance window.
fn balance(view: &coachlog_core::overview::PersonPage) -> String {
    let b = &view.agenda_balance;
    match b.leader_percent() {
        Some(pct) => format!(
            "{} raised by them, {} by you ({pct}% by you) since {}",
            b.raised_by_person, b.raised_by_leader, view.balance_from
        ),
        None => format!("no item opened since {}", view.balance_from),
    }
}
