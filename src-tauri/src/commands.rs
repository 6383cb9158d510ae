//! The IPC commands: thin adapters over the core.
//!
//! Each command takes its (typed, deserialized) arguments, calls one core
//! function — inside [`Db::write`](coachlog_core::Db::write) for writes — on a
//! worker thread, and maps the error to [`IpcError`]. There is no SQL and no
//! rule here. JavaScript passes argument names in camelCase (`personId` for
//! `person_id`); `ui/src/lib/api.ts` is the only caller.

use chrono::NaiveDate;
use coachlog_core::brief::{self, Brief};
use coachlog_core::coaching::{self, TeamBalance};
use coachlog_core::dashboard::{self, Coverage, Release};
use coachlog_core::db::output::{self, Existing};
use coachlog_core::demo::{self, DemoOptions, DemoReport};
use coachlog_core::history::{self, HistoryFormat, HistoryOptions};
use coachlog_core::ics;
use coachlog_core::import;
use coachlog_core::interchange;
use coachlog_core::kinds::{Counts, RecordKind};
use coachlog_core::model::*;
use coachlog_core::nudges::{self, Nudge};
use coachlog_core::overview::{self, Overview, PersonPage};
use coachlog_core::settings::{self, SettingEntry};
use coachlog_core::store::names::{self, NameKind};
use coachlog_core::store::nudge_state::{self, KeyState};
use coachlog_core::store::search::{self as fts, Hit};
use coachlog_core::store::templates::{self, InForce};
use coachlog_core::store::trash::{self, TrashEntry};
use coachlog_core::store::{
    self, agenda, cdf, customers, drafts, hiring, log, milestones, one_on_ones, people, updates,
    walkthroughs, wins,
};
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::{calendar, calendar::Period, ErrorKind, Passphrase};
use serde::Serialize;
use tauri::{Runtime, State};

use crate::backups::{self, BackupsInfo};
use crate::clock;
use crate::dialogs::{AppDialogs, Confirm, OpenFile, SaveAs};
use crate::encryption::{self, EncryptionStatus};
use crate::error::IpcError;
use crate::imports::{self, ImportPreview, Pending};
use crate::state::AppState;
use crate::tray;

/// What a command returns.
type Reply<T> = Result<T, IpcError>;

/// The app and its database, for the status bar, Settings and the first-run
/// screen.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AppInfo {
    /// The app's version.
    pub version: String,
    /// The database file in use (empty if even its path is unknown).
    pub db_path: String,
    /// The database's schema version; `null` when it could not be opened.
    pub schema_version: Option<i32>,
    /// Today, by the computer's clock.
    pub today: NaiveDate,
    /// Whether the database is new: no records and nothing in the Trash
    /// (offer the demo team).
    pub is_empty: bool,
    /// Why the database could not be opened; every other command then fails
    /// with this same error. `null` when all is well.
    pub startup_error: Option<IpcError>,
}

/// The app's version, database and today's date. Never fails because of the
/// database: a database that could not be opened is reported in
/// `startup_error`.
#[tauri::command]
pub async fn app_info<R: Runtime>(
    state: State<'_, AppState>,
    app: tauri::AppHandle<R>,
) -> Reply<AppInfo> {
    let mut info = AppInfo {
        version: app.package_info().version.to_string(),
        db_path: state.db_path().to_string(),
        schema_version: None,
        today: clock::today(),
        is_empty: false,
        startup_error: state.startup_error(),
    };
    if info.startup_error.is_none() {
        info.is_empty = state.read(|db| store::is_new(db.conn())).await?;
        info.schema_version = Some(coachlog_core::db::SCHEMA_VERSION as i32);
    }
    Ok(info)
}

/// Whether "Start at login in the tray" is on: the login entry the app
/// starts with `--tray` is there (an OS setting of this user, not of the
/// database — see [`crate::tray`]).
#[tauri::command]
pub async fn tray_at_login<R: Runtime>(app: tauri::AppHandle<R>) -> Reply<bool> {
    tray::at_login(&app)
}

/// Writes (`enabled`) or removes the login entry; answers whether it is
/// there.
#[tauri::command]
pub async fn tray_at_login_set<R: Runtime>(app: tauri::AppHandle<R>, enabled: bool) -> Reply<bool> {
    tray::set_at_login(&app, enabled)
}

/// Every setting with its value, default and meaning.
#[tauri::command]
pub async fn settings_list(state: State<'_, AppState>) -> Reply<Vec<SettingEntry>> {
    state.read(|db| settings::list(db.conn())).await
}

/// Sets one setting from its text form (validated); answers with every
/// setting, as [`settings_list`] does, so the screen shows what is now in
/// force. Shortening `trash_days` brings the day deleted records are gone
/// for good nearer, so it waits for the leader's yes in a native dialog
/// (`cancelled` on a no).
#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    key: String,
    value: String,
) -> Reply<Vec<SettingEntry>> {
    if key.trim() == "trash_days" {
        let current = state.read(|db| settings::load(db.conn())).await?;
        let mut wanted = current.clone();
        wanted.apply("trash_days", &value).map_err(IpcError::from)?;
        if wanted.trash_days < current.trash_days {
            confirm(
                &dialogs,
                Confirm {
                    title: "Keep deleted records for less time?".into(),
                    message: format!(
                        "Records in the Trash will be deleted for good {} days after they were \
                         deleted, instead of {}. Whatever was deleted longer ago than that is \
                         deleted for good the next time Coachlog starts.",
                        wanted.trash_days, current.trash_days
                    ),
                    ok: "Shorten".into(),
                },
            )
            .await?;
        }
    }
    state
        .write(move |db| {
            db.write(|tx| {
                settings::set(tx, &key, &value)?;
                settings::list(tx)
            })
        })
        .await
}

/// Fills an empty database with the demo team (seven PMs, four months of
/// history ending today). Refused with `conflict` if the database has records.
#[tauri::command]
pub async fn demo_fill(state: State<'_, AppState>) -> Reply<DemoReport> {
    let today = clock::today();
    state
        .write(move |db| demo::fill(db, today, &DemoOptions::default()))
        .await
}

/// Names already used for stages, groups, categories, coaching tags or
/// internal-customer teams, to offer them again.
#[tauri::command]
pub async fn names(state: State<'_, AppState>, kind: NameKind) -> Reply<Vec<String>> {
    state.read(move |db| names::list(db.conn(), kind)).await
}

// --- People -----------------------------------------------------------------

/// The team, by name; archived people too when asked.
#[tauri::command]
pub async fn people_list(state: State<'_, AppState>, include_archived: bool) -> Reply<Vec<Person>> {
    let filter = people::Filter { include_archived };
    state.read(move |db| people::list(db.conn(), filter)).await
}

/// One person.
#[tauri::command]
pub async fn person_get(state: State<'_, AppState>, id: PersonId) -> Reply<Person> {
    state.read(move |db| people::get(db.conn(), id)).await
}

/// Adds a person to the team.
#[tauri::command]
pub async fn person_add(state: State<'_, AppState>, input: PersonInput) -> Reply<Person> {
    state
        .write(move |db| db.write(|tx| people::insert(tx, &input)))
        .await
}

/// Replaces a person's details.
#[tauri::command]
pub async fn person_update(
    state: State<'_, AppState>,
    id: PersonId,
    input: PersonInput,
) -> Reply<Person> {
    state
        .write(move |db| db.write(|tx| people::update(tx, id, &input)))
        .await
}

/// Archives a person on `on` (they left the team); their records stay.
#[tauri::command]
pub async fn person_archive(
    state: State<'_, AppState>,
    id: PersonId,
    on: NaiveDate,
) -> Reply<Person> {
    state
        .write(move |db| db.write(|tx| people::archive(tx, id, on)))
        .await
}

/// Makes an archived person active again.
#[tauri::command]
pub async fn person_unarchive(state: State<'_, AppState>, id: PersonId) -> Reply<Person> {
    state
        .write(move |db| db.write(|tx| people::unarchive(tx, id)))
        .await
}

// --- 1:1s and drafts ----------------------------------------------------------

/// 1:1s, newest first, optionally of one person and within [from, to].
#[tauri::command]
pub async fn one_on_ones_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Reply<Vec<OneOnOne>> {
    let filter = one_on_ones::Filter {
        person: person_id,
        from,
        to,
    };
    state
        .read(move |db| one_on_ones::list(db.conn(), filter))
        .await
}

/// The months with 1:1s and how many, newest first (the Export screen's
/// month picker), without reading every 1:1.
#[tauri::command]
pub async fn one_on_one_months(state: State<'_, AppState>) -> Reply<Vec<one_on_ones::MonthCount>> {
    state.read(|db| one_on_ones::months(db.conn())).await
}

/// One 1:1.
#[tauri::command]
pub async fn one_on_one_get(state: State<'_, AppState>, id: OneOnOneId) -> Reply<OneOnOne> {
    state.read(move |db| one_on_ones::get(db.conn(), id)).await
}

/// Logs a 1:1 with the agenda items opened and closed in it, in one
/// transaction; the person's draft is discarded.
#[tauri::command]
pub async fn one_on_one_log(state: State<'_, AppState>, input: LogInput) -> Reply<Logged> {
    state
        .write(move |db| db.write(|tx| log::one_on_one(tx, &input)))
        .await
}

/// Replaces a 1:1's details.
#[tauri::command]
pub async fn one_on_one_update(
    state: State<'_, AppState>,
    id: OneOnOneId,
    input: OneOnOneInput,
) -> Reply<OneOnOne> {
    state
        .write(move |db| db.write(|tx| one_on_ones::update(tx, id, &input)))
        .await
}

/// The 1:1 being written with a person, if one was saved.
#[tauri::command]
pub async fn draft_get(state: State<'_, AppState>, person_id: PersonId) -> Reply<Option<Draft>> {
    state
        .read(move |db| drafts::get(db.conn(), person_id))
        .await
}

/// Saves (replaces) the 1:1 being written with a person.
#[tauri::command]
pub async fn draft_save(state: State<'_, AppState>, draft: Draft) -> Reply<()> {
    state
        .write(move |db| db.write(|tx| drafts::save(tx, &draft)))
        .await
}

/// Discards the 1:1 being written with a person (no error if there is none).
#[tauri::command]
pub async fn draft_discard(state: State<'_, AppState>, person_id: PersonId) -> Reply<()> {
    state
        .write(move |db| db.write(|tx| drafts::discard(tx, person_id)))
        .await
}

// --- The living agenda --------------------------------------------------------

/// Agenda items: open first (oldest first), then closed (latest first).
/// `open`: `true` open only, `false` closed only, absent both.
#[tauri::command]
pub async fn agenda_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
    open: Option<bool>,
    tag: Option<OpenTag>,
) -> Reply<Vec<AgendaItem>> {
    let filter = agenda::Filter {
        person: person_id,
        open,
        tag,
    };
    state.read(move |db| agenda::list(db.conn(), filter)).await
}

/// Opens an item on a person's agenda.
#[tauri::command]
pub async fn agenda_add(state: State<'_, AppState>, input: AgendaItemInput) -> Reply<AgendaItem> {
    state
        .write(move |db| db.write(|tx| agenda::insert(tx, &input)))
        .await
}

/// Changes an item's text, open tag, timing or raiser.
#[tauri::command]
pub async fn agenda_update(
    state: State<'_, AppState>,
    id: AgendaItemId,
    edit: AgendaItemEdit,
) -> Reply<AgendaItem> {
    state
        .write(move |db| db.write(|tx| agenda::update(tx, id, &edit)))
        .await
}

/// Closes an item with a ready-to-remove tag on `on`, optionally in a 1:1.
#[tauri::command]
pub async fn agenda_close(
    state: State<'_, AppState>,
    id: AgendaItemId,
    tag: CloseTag,
    on: NaiveDate,
    in_one_on_one: Option<OneOnOneId>,
) -> Reply<AgendaItem> {
    state
        .write(move |db| db.write(|tx| agenda::close(tx, id, tag, on, in_one_on_one)))
        .await
}

/// Reopens a closed item.
#[tauri::command]
pub async fn agenda_reopen(state: State<'_, AppState>, id: AgendaItemId) -> Reply<AgendaItem> {
    state
        .write(move |db| db.write(|tx| agenda::reopen(tx, id)))
        .await
}

// --- Accountability updates ---------------------------------------------------

/// Updates, newest period first. `personId` for one PM's, `leaderOnly` for the
/// leader's portfolio direction (not both), and optionally one period / kind.
#[tauri::command]
pub async fn updates_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
    leader_only: bool,
    period: Option<Period>,
    kind: Option<UpdateKind>,
) -> Reply<Vec<Update>> {
    let person = match (person_id, leader_only) {
        (Some(_), true) => {
            return Err(IpcError::new(
                ErrorKind::Invalid,
                "Ask for one PM's updates or for the leader's own, not both.",
            ))
        }
        (Some(p), false) => Some(Some(p)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let filter = updates::Filter {
        person,
        kind,
        period,
    };
    state.read(move |db| updates::list(db.conn(), filter)).await
}

/// Adds an update.
#[tauri::command]
pub async fn update_add(state: State<'_, AppState>, input: UpdateInput) -> Reply<Update> {
    state
        .write(move |db| db.write(|tx| updates::insert(tx, &input)))
        .await
}

/// Replaces an update's details.
#[tauri::command]
pub async fn update_update(
    state: State<'_, AppState>,
    id: UpdateId,
    input: UpdateInput,
) -> Reply<Update> {
    state
        .write(move |db| db.write(|tx| updates::update(tx, id, &input)))
        .await
}

/// Marks an update done on `on`, keeping its link unless a new one is given.
#[tauri::command]
pub async fn update_done(
    state: State<'_, AppState>,
    id: UpdateId,
    on: NaiveDate,
    link: Option<String>,
) -> Reply<Update> {
    state
        .write(move |db| db.write(|tx| updates::mark_done(tx, id, on, link.as_deref())))
        .await
}

// --- Internal customers -------------------------------------------------------

/// Internal-customer links, optionally of one PM; archived ones when asked.
#[tauri::command]
pub async fn customer_links_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
    include_archived: bool,
) -> Reply<Vec<CustomerLink>> {
    let filter = customers::LinkFilter {
        person: person_id,
        include_archived,
    };
    state
        .read(move |db| customers::list_links(db.conn(), filter))
        .await
}

/// Adds an internal customer to a PM.
#[tauri::command]
pub async fn customer_link_add(
    state: State<'_, AppState>,
    input: CustomerLinkInput,
) -> Reply<CustomerLink> {
    state
        .write(move |db| db.write(|tx| customers::insert_link(tx, &input)))
        .await
}

/// Replaces a link's details.
#[tauri::command]
pub async fn customer_link_update(
    state: State<'_, AppState>,
    id: LinkId,
    input: CustomerLinkInput,
) -> Reply<CustomerLink> {
    state
        .write(move |db| db.write(|tx| customers::update_link(tx, id, &input)))
        .await
}

/// Archives a link on `on`.
#[tauri::command]
pub async fn customer_link_archive(
    state: State<'_, AppState>,
    id: LinkId,
    on: NaiveDate,
) -> Reply<CustomerLink> {
    state
        .write(move |db| db.write(|tx| customers::archive_link(tx, id, on)))
        .await
}

/// Makes an archived link active again.
#[tauri::command]
pub async fn customer_link_unarchive(
    state: State<'_, AppState>,
    id: LinkId,
) -> Reply<CustomerLink> {
    state
        .write(move |db| db.write(|tx| customers::unarchive_link(tx, id)))
        .await
}

/// Check-ins, newest first: of one link, of one PM's links, or all.
#[tauri::command]
pub async fn check_ins_list(
    state: State<'_, AppState>,
    link_id: Option<LinkId>,
    person_id: Option<PersonId>,
) -> Reply<Vec<CheckIn>> {
    state
        .read(move |db| customers::list_check_ins(db.conn(), link_id, person_id))
        .await
}

/// Records a check-in with an internal customer.
#[tauri::command]
pub async fn check_in_add(state: State<'_, AppState>, input: CheckInInput) -> Reply<CheckIn> {
    state
        .write(move |db| db.write(|tx| customers::insert_check_in(tx, &input)))
        .await
}

// --- Hiring -------------------------------------------------------------------

/// Requisitions, open first; closed ones when asked.
#[tauri::command]
pub async fn requisitions_list(
    state: State<'_, AppState>,
    include_closed: bool,
) -> Reply<Vec<Requisition>> {
    state
        .read(move |db| hiring::list_requisitions(db.conn(), include_closed))
        .await
}

/// Opens a requisition.
#[tauri::command]
pub async fn requisition_open(
    state: State<'_, AppState>,
    input: RequisitionInput,
) -> Reply<Requisition> {
    state
        .write(move |db| db.write(|tx| hiring::insert_requisition(tx, &input)))
        .await
}

/// Changes a requisition's title, level or opening date.
#[tauri::command]
pub async fn requisition_update(
    state: State<'_, AppState>,
    id: RequisitionId,
    input: RequisitionInput,
) -> Reply<Requisition> {
    state
        .write(move |db| db.write(|tx| hiring::update_requisition(tx, id, &input)))
        .await
}

/// Closes an open requisition as filled or cancelled on `on`.
#[tauri::command]
pub async fn requisition_close(
    state: State<'_, AppState>,
    id: RequisitionId,
    status: RequisitionStatus,
    on: NaiveDate,
) -> Reply<Requisition> {
    state
        .write(move |db| db.write(|tx| hiring::close_requisition(tx, id, status, on)))
        .await
}

/// Reopens a closed requisition.
#[tauri::command]
pub async fn requisition_reopen(
    state: State<'_, AppState>,
    id: RequisitionId,
) -> Reply<Requisition> {
    state
        .write(move |db| db.write(|tx| hiring::reopen_requisition(tx, id)))
        .await
}

/// A requisition's interview loop, in the order added.
#[tauri::command]
pub async fn loop_list(
    state: State<'_, AppState>,
    requisition_id: RequisitionId,
) -> Reply<Vec<LoopMember>> {
    state
        .read(move |db| hiring::list_loop(db.conn(), requisition_id))
        .await
}

/// Adds someone to a requisition's interview loop.
#[tauri::command]
pub async fn loop_add(state: State<'_, AppState>, input: LoopMemberInput) -> Reply<LoopMember> {
    state
        .write(move |db| db.write(|tx| hiring::insert_loop_member(tx, &input)))
        .await
}

/// Interviews, newest first, of one requisition or all.
#[tauri::command]
pub async fn interviews_list(
    state: State<'_, AppState>,
    requisition_id: Option<RequisitionId>,
) -> Reply<Vec<Interview>> {
    state
        .read(move |db| hiring::list_interviews(db.conn(), requisition_id))
        .await
}

/// Records an interview.
#[tauri::command]
pub async fn interview_add(state: State<'_, AppState>, input: InterviewInput) -> Reply<Interview> {
    state
        .write(move |db| db.write(|tx| hiring::insert_interview(tx, &input)))
        .await
}

// --- Walkthroughs -------------------------------------------------------------

/// Walkthroughs, newest first, optionally within [from, to].
#[tauri::command]
pub async fn walkthroughs_list(
    state: State<'_, AppState>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Reply<Vec<Walkthrough>> {
    state
        .read(move |db| walkthroughs::list(db.conn(), from, to))
        .await
}

/// Records a walkthrough.
#[tauri::command]
pub async fn walkthrough_add(
    state: State<'_, AppState>,
    input: WalkthroughInput,
) -> Reply<Walkthrough> {
    state
        .write(move |db| db.write(|tx| walkthroughs::insert(tx, &input)))
        .await
}

/// Replaces a walkthrough's details.
#[tauri::command]
pub async fn walkthrough_update(
    state: State<'_, AppState>,
    id: WalkthroughId,
    input: WalkthroughInput,
) -> Reply<Walkthrough> {
    state
        .write(move |db| db.write(|tx| walkthroughs::update(tx, id, &input)))
        .await
}

// --- Wins ---------------------------------------------------------------------

/// Wins, newest first, optionally of one PM and only those not yet shared.
#[tauri::command]
pub async fn wins_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
    unshared_only: bool,
) -> Reply<Vec<Win>> {
    let filter = wins::Filter {
        person: person_id,
        unshared_only,
    };
    state.read(move |db| wins::list(db.conn(), filter)).await
}

/// Notes a PM's win.
#[tauri::command]
pub async fn win_add(state: State<'_, AppState>, input: WinInput) -> Reply<Win> {
    state
        .write(move |db| db.write(|tx| wins::insert(tx, &input)))
        .await
}

/// Changes a win's text, date or person.
#[tauri::command]
pub async fn win_update(state: State<'_, AppState>, id: WinId, input: WinInput) -> Reply<Win> {
    state
        .write(move |db| db.write(|tx| wins::update(tx, id, &input)))
        .await
}

/// Records that a win was shared with senior leadership on `on`, and where
/// (`place`, e.g. "staff meeting").
#[tauri::command]
pub async fn win_share(
    state: State<'_, AppState>,
    id: WinId,
    on: NaiveDate,
    place: Option<String>,
) -> Reply<Win> {
    state
        .write(move |db| db.write(|tx| wins::share(tx, id, on, place.as_deref())))
        .await
}

/// Clears a win's sharing.
#[tauri::command]
pub async fn win_unshare(state: State<'_, AppState>, id: WinId) -> Reply<Win> {
    state
        .write(move |db| db.write(|tx| wins::unshare(tx, id)))
        .await
}

// --- CDF reviews and templates ---------------------------------------------------

/// CDF reviews, newest first; only `personId`'s when given.
#[tauri::command]
pub async fn cdf_reviews_list(
    state: State<'_, AppState>,
    person_id: Option<PersonId>,
) -> Reply<Vec<CdfReview>> {
    state.read(move |db| cdf::list(db.conn(), person_id)).await
}

/// Records a CDF review (1 to 3 focus areas, notes, a link).
#[tauri::command]
pub async fn cdf_review_add(state: State<'_, AppState>, input: CdfReviewInput) -> Reply<CdfReview> {
    state
        .write(move |db| db.write(|tx| cdf::insert(tx, &input)))
        .await
}

/// Replaces a CDF review's details.
#[tauri::command]
pub async fn cdf_review_update(
    state: State<'_, AppState>,
    id: CdfReviewId,
    input: CdfReviewInput,
) -> Reply<CdfReview> {
    state
        .write(move |db| db.write(|tx| cdf::update(tx, id, &input)))
        .await
}

/// Every portfolio milestone of the leader's, by day.
#[tauri::command]
pub async fn milestones_list(state: State<'_, AppState>) -> Reply<Vec<Milestone>> {
    state.read(move |db| milestones::list(db.conn())).await
}

/// Adds a milestone (a day or a release version, stages, a link, notes).
#[tauri::command]
pub async fn milestone_add(state: State<'_, AppState>, input: MilestoneInput) -> Reply<Milestone> {
    state
        .write(move |db| db.write(|tx| milestones::insert(tx, &input)))
        .await
}

/// Replaces a milestone's details.
#[tauri::command]
pub async fn milestone_update(
    state: State<'_, AppState>,
    id: MilestoneId,
    input: MilestoneInput,
) -> Reply<Milestone> {
    state
        .write(move |db| db.write(|tx| milestones::update(tx, id, &input)))
        .await
}

/// The template in force for `kind` (and `personId`'s 1:1s), and where it
/// comes from: theirs, the leader's default, or Coachlog's.
#[tauri::command]
pub async fn template_get(
    state: State<'_, AppState>,
    kind: TemplateKind,
    person_id: Option<PersonId>,
) -> Reply<InForce> {
    state
        .read(move |db| templates::in_force(db.conn(), kind, person_id))
        .await
}

/// Writes the leader's template for `kind` (and `personId`); answers the
/// template now in force.
#[tauri::command]
pub async fn template_set(
    state: State<'_, AppState>,
    kind: TemplateKind,
    person_id: Option<PersonId>,
    body: String,
) -> Reply<InForce> {
    state
        .write(move |db| {
            db.write(|tx| {
                templates::set(tx, kind, person_id, &body)?;
                templates::in_force(tx, kind, person_id)
            })
        })
        .await
}

/// Removes the leader's template for `kind` (and `personId`): the next one
/// down applies again. Answers the template removed (for an Undo), or
/// `null` when there was none.
#[tauri::command]
pub async fn template_reset(
    state: State<'_, AppState>,
    kind: TemplateKind,
    person_id: Option<PersonId>,
) -> Reply<Option<Template>> {
    state
        .write(move |db| db.write(|tx| templates::reset(tx, kind, person_id)))
        .await
}

// --- Search and the day -------------------------------------------------------

/// Full-text search across notes, agenda items, check-ins, walkthroughs and
/// wins; best matches first, at most `limit` (default 50).
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    text: String,
    limit: Option<u32>,
) -> Reply<Vec<Hit>> {
    let limit = limit.unwrap_or(50) as usize;
    state
        .read(move |db| fts::search(db.conn(), &text, limit))
        .await
}

/// The Today screen: the team with next 1:1s, open requests and actions,
/// open requisitions and unshared wins.
#[tauri::command]
pub async fn overview(state: State<'_, AppState>) -> Reply<Overview> {
    let today = clock::today();
    state
        .read(move |db| overview::build(db.conn(), today))
        .await
}

/// A person's page as of today: their open agenda, recent 1:1s, updates and
/// wins, the CDF focus areas in force, career conversations, the agenda
/// balance of the last 90 days and, for a manager, their skip-level reports.
#[tauri::command]
pub async fn person_page(state: State<'_, AppState>, id: PersonId) -> Reply<PersonPage> {
    let today = clock::today();
    state
        .read(move |db| overview::person_page(db.conn(), id, today))
        .await
}

/// `asOf` as given (`YYYY-MM-DD`), or today when it is absent or blank.
fn day_or_today(as_of: Option<&str>) -> Result<NaiveDate, IpcError> {
    match as_of.map(str::trim) {
        None | Some("") => Ok(clock::today()),
        Some(s) => Ok(calendar::parse_date(s).map_err(coachlog_core::Error::from)?),
    }
}

/// The brief before a 1:1 with `personId` as of the end of `asOf`
/// (`YYYY-MM-DD`, default: today), as data.
#[tauri::command]
pub async fn brief(
    state: State<'_, AppState>,
    person_id: PersonId,
    as_of: Option<String>,
) -> Reply<Brief> {
    let as_of = day_or_today(as_of.as_deref())?;
    state
        .read(move |db| brief::build(db.conn(), person_id, as_of))
        .await
}

/// The same brief as GitLab-flavoured Markdown, ready to copy.
#[tauri::command]
pub async fn brief_markdown(
    state: State<'_, AppState>,
    person_id: PersonId,
    as_of: Option<String>,
) -> Reply<String> {
    let as_of = day_or_today(as_of.as_deref())?;
    state
        .read(move |db| brief::render_markdown(db.conn(), person_id, as_of))
        .await
}

/// The agenda balance of everyone active on `to` over `from..=to`
/// (`YYYY-MM-DD` each). `to` defaults to today and `from` to the start of
/// the balance window ending on `to` (the last 90 days).
#[tauri::command]
pub async fn agenda_balance(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Reply<TeamBalance> {
    let to = day_or_today(to.as_deref())?;
    let from = match from.as_deref().map(str::trim) {
        None | Some("") => coaching::balance_window(to).0,
        Some(s) => calendar::parse_date(s).map_err(coachlog_core::Error::from)?,
    };
    state
        .read(move |db| coaching::team_agenda_balance(db.conn(), from, to))
        .await
}

// --- Nudges, coverage and the release calendar --------------------------------

/// What needs the leader on `asOf` (default: today), in the catalogue's
/// order: overdue items, and those due within three days when `dueSoon`.
/// Snoozed and dismissed items are left out. `asOf` is `YYYY-MM-DD`; a past
/// day gives the list as it stood then.
#[tauri::command]
pub async fn overdue(
    state: State<'_, AppState>,
    as_of: Option<String>,
    due_soon: bool,
) -> Reply<Vec<Nudge>> {
    let as_of = match as_of.as_deref().map(str::trim) {
        None | Some("") => clock::today(),
        Some(s) => calendar::parse_date(s).map_err(coachlog_core::Error::from)?,
    };
    state
        .read(move |db| nudges::overdue(db.conn(), as_of, due_soon))
        .await
}

/// Hides a nudge until `until` (inclusive); it shows again the day after.
#[tauri::command]
pub async fn nudge_snooze(
    state: State<'_, AppState>,
    key: String,
    until: NaiveDate,
) -> Reply<KeyState> {
    state
        .write(move |db| db.write(|tx| nudge_state::snooze(tx, &key, until)))
        .await
}

/// Hides a nudge for good (until `nudge_undo`).
#[tauri::command]
pub async fn nudge_dismiss(state: State<'_, AppState>, key: String) -> Reply<KeyState> {
    state
        .write(move |db| db.write(|tx| nudge_state::dismiss(tx, &key)))
        .await
}

/// Forgets a nudge's snooze or dismissal; `not_found` if it had neither.
#[tauri::command]
pub async fn nudge_undo(state: State<'_, AppState>, key: String) -> Reply<()> {
    state
        .write(move |db| db.write(|tx| nudge_state::undo(tx, &key)))
        .await
}

/// The per-PM × practice coverage grid for today. It reads the whole review
/// (snoozed and dismissed items count: hiding a nudge does not put a practice
/// on track).
#[tauri::command]
pub async fn coverage(state: State<'_, AppState>) -> Reply<Coverage> {
    let today = clock::today();
    state
        .read(move |db| dashboard::coverage(db.conn(), today))
        .await
}

/// The next `count` release days from today (today's included), 1 to
/// [`dashboard::RELEASES_MAX`].
#[tauri::command]
pub async fn releases(state: State<'_, AppState>, count: u32) -> Reply<Vec<Release>> {
    let today = clock::today();
    state
        .read(move |db| dashboard::releases(db.conn(), today, count as usize))
        .await
}

// --- Backups -------------------------------------------------------------------

/// The database's backups folder and its backups, newest first, and when
/// this session's last automatic backup was taken. Works when the database
/// could not be opened too (its path is known), for the start-up screen's
/// "Restore the latest backup".
#[tauri::command]
pub async fn backups_list(state: State<'_, AppState>) -> Reply<BackupsInfo> {
    backups::list(&state).await
}

/// Makes a verified backup now (whatever the interval) and rotates the
/// rolling set; answers with the new backup.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Reply<coachlog_core::backup::BackupFile> {
    backups::back_up_now(&state, clock::now_utc()).await
}

/// Replaces the database with `file`, one of `backups_list`'s backups: the
/// database is closed, the core checks the backup and keeps the current file
/// in the backups folder (`…-before-restore.sqlite`, or `…-damaged.sqlite`),
/// and the database is opened again. `not_found` for a file that is not one
/// of the backups; `corrupt` (and nothing changed) for a damaged backup.
#[tauri::command]
pub async fn backup_restore(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    file: String,
) -> Reply<coachlog_core::backup::Restored> {
    let name = std::path::Path::new(&file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.clone());
    // The one question: the page asks none of its own.
    let message = match state.startup_error().map(|e| e.kind) {
        None => format!(
            "Your notes in {} will be replaced by the backup {name}; anything written after it \
             will no longer be in the app. The database as it is now is kept in the backups \
             folder first, as a \"before a restore\" copy, which you can restore to undo this.",
            state.db_path()
        ),
        Some(kind) => format!(
            "The database {} that could not be opened will be replaced by the backup {name}. \
             The file is not deleted: it is kept in the backups folder.{}",
            state.db_path(),
            if kind == ErrorKind::SchemaTooNew.as_str() {
                " What the newer Coachlog wrote since that backup will not be in it; to keep \
                 it, use the newer Coachlog instead."
            } else {
                ""
            }
        ),
    };
    confirm(
        &dialogs,
        Confirm {
            title: "Restore this backup?".into(),
            message,
            ok: "Restore".into(),
        },
    )
    .await?;
    backups::restore(&state, file, clock::now_utc(), clock::today()).await
}

// --- Settings → Data: imports and the whole database ------------------------------

/// Asks for a file in the native Open dialog and previews its import into
/// this database (oikio or CSV, told apart by its text): a dry run, nothing
/// written. The file's text is held under the answer's `token` for
/// [`import_apply`]; the page never gives a path. `cancelled` when the
/// leader cancels the dialog; `invalid` (with the record's or row's place)
/// for a file that cannot be imported, and nothing is held.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    pending: State<'_, Pending>,
) -> Reply<ImportPreview> {
    let question = OpenFile {
        title: "Import from oikio or CSV".into(),
        extensions: &["json", "csv"],
        kind: "oikio data or export (JSON), CSV",
    };
    let Some(path) = dialogs.open_file(question).await else {
        return Err(IpcError::new(ErrorKind::Cancelled, "Nothing was imported."));
    };
    let (file, text) = imports::read_text(path).await?;
    let (source, report) = run_import(&state, text.clone(), true).await?;
    let token = pending.hold(file.clone(), text);
    Ok(ImportPreview::new(token, file, source, report))
}

/// Imports the file [`import_preview`] held under `token`, exactly the text
/// previewed, in one transaction; `not_found` for a token that names no
/// waiting import (each is used once).
#[tauri::command]
pub async fn import_apply(
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
    token: String,
) -> Reply<ImportPreview> {
    let (file, text) = pending.take(&token)?;
    let (source, report) = run_import(&state, text, false).await?;
    Ok(ImportPreview::new(String::new(), file, source, report))
}

/// Forgets the file held under `token` (the preview was cancelled).
#[tauri::command]
pub async fn import_cancel(pending: State<'_, Pending>, token: String) -> Reply<()> {
    pending.forget(&token);
    Ok(())
}

async fn run_import(
    state: &AppState,
    text: String,
    dry_run: bool,
) -> Reply<(import::Source, import::Report)> {
    let options = import::Options {
        today: clock::today(),
        dry_run,
    };
    state.write(move |db| import::any(db, &text, options)).await
}

/// Writes the whole database as the interchange JSON (the same bytes as
/// `coachlog export`) where the leader chooses in the native Save dialog.
/// `cancelled` when they cancel it.
#[tauri::command]
pub async fn database_export(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
) -> Reply<SavedFile> {
    let question = SaveAs {
        title: "Export the whole database".into(),
        file_name: format!("coachlog-export-{}.json", clock::today()),
        extension: "json",
        kind: "Coachlog export (JSON)",
    };
    save_where_chosen(&state, &dialogs, question, |db| {
        interchange::export(db.conn()).map(|doc| interchange::to_json(&doc))
    })
    .await
}

/// Where [`database_import`] made the new database, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportedDatabase {
    /// The new database file.
    pub path: String,
    /// What it holds.
    pub report: interchange::ImportReport,
}

/// Reads a Coachlog export chosen in the native Open dialog into a new
/// database file chosen in the Save dialog, with the CLI's checks (the
/// whole file checked first, one transaction); never into the open
/// database, nor over any file that exists (`conflict`). The app keeps the
/// database it has open: the page says how to open the new one.
#[tauri::command]
pub async fn database_import(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
) -> Reply<ImportedDatabase> {
    let question = OpenFile {
        title: "Choose a Coachlog export to import".into(),
        extensions: &["json"],
        kind: "Coachlog export (JSON)",
    };
    let Some(source) = dialogs.open_file(question).await else {
        return Err(IpcError::new(ErrorKind::Cancelled, "Nothing was imported."));
    };
    let (_, text) = imports::read_text(source).await?;
    let doc = interchange::parse(&text)?;
    let question = SaveAs {
        title: "Save the imported database as".into(),
        file_name: "coachlog-imported.sqlite".into(),
        extension: "sqlite",
        kind: "Coachlog database",
    };
    let Some(target) = dialogs.save_as(question).await else {
        return Err(IpcError::new(ErrorKind::Cancelled, "Nothing was imported."));
    };
    let target = save_target(target, "sqlite")?;
    if state
        .path()
        .is_some_and(|open| imports::same_file(open, &target))
    {
        return Err(IpcError::new(
            ErrorKind::Conflict,
            format!(
                "{} is the database Coachlog has open; an export is imported into a new \
                 database only, so choose a new file name. Nothing was changed.",
                target.display()
            ),
        ));
    }
    let today = clock::today();
    let path = target.display().to_string();
    let report = tauri::async_runtime::spawn_blocking(move || {
        interchange::import_into_new_file(&target, today, &doc)
    })
    .await
    .map_err(|e| IpcError::internal(format!("the import task failed: {e}")))??;
    Ok(ImportedDatabase { path, report })
}

/// Asks `question` in a native dialog; a no is `cancelled`, nothing done.
async fn confirm(dialogs: &AppDialogs, question: Confirm) -> Reply<()> {
    if dialogs.confirm(question).await {
        Ok(())
    } else {
        Err(IpcError::new(ErrorKind::Cancelled, "Nothing was changed."))
    }
}

// --- Encryption ------------------------------------------------------------------

/// Whether the database is encrypted and open, where its passphrase came
/// from, and whether there is a keyring to remember it in (and it does).
/// Works on the Unlock screen too.
#[tauri::command]
pub async fn encryption_status(state: State<'_, AppState>) -> Reply<EncryptionStatus> {
    encryption::status(&state).await
}

/// Opens the encrypted database with `passphrase` (the Unlock screen); with
/// `remember`, keeps it in the keyring. `passphrase` when it does not open
/// the file (which stays untouched), `invalid` for an empty one.
#[tauri::command]
pub async fn unlock(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> Reply<EncryptionStatus> {
    encryption::unlock(&state, passphrase, remember, clock::today()).await
}

/// Turns encryption on: the database and its backups are encrypted with
/// `passphrase` and the database is reopened with it; with `remember`, the
/// passphrase is kept in the keyring. `conflict` when it is encrypted
/// already.
#[tauri::command]
pub async fn encryption_enable(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    passphrase: String,
    remember: bool,
) -> Reply<EncryptionStatus> {
    // A passphrase that cannot be one is refused before the question.
    Passphrase::new(passphrase.clone()).map_err(IpcError::from)?;
    confirm(
        &dialogs,
        Confirm {
            title: "Encrypt your notes?".into(),
            message: format!(
                "Coachlog will encrypt {} and every backup of it with the passphrase you gave. \
                 Without the passphrase they cannot be opened, and a lost passphrase cannot be \
                 recovered.",
                state.db_path()
            ),
            ok: "Encrypt".into(),
        },
    )
    .await?;
    encryption::enable(
        &state,
        passphrase,
        remember,
        clock::now_utc(),
        clock::today(),
    )
    .await
}

/// Turns encryption off, given the current `passphrase` (`passphrase` when
/// it is not the one); the keyring forgets it.
#[tauri::command]
pub async fn encryption_disable(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    passphrase: String,
) -> Reply<EncryptionStatus> {
    confirm(
        &dialogs,
        Confirm {
            title: "Turn encryption off?".into(),
            message: format!(
                "Coachlog will write {} and every backup of it back as plain files, which \
                 anyone who can read this computer's disk can read.",
                state.db_path()
            ),
            ok: "Decrypt".into(),
        },
    )
    .await?;
    encryption::disable(&state, passphrase, clock::now_utc(), clock::today()).await
}

// --- The monthly summary --------------------------------------------------------

/// Where `summary_save` wrote the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SavedFile {
    /// The file, as given.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The month (`YYYY-MM`) and format (`markdown`, `html`, `csv`, `json`; `md`
/// too) of a summary request, as the core reads them: `invalid` otherwise.
fn summary_request(
    month: &str,
    format: &str,
    include_notes: bool,
) -> Result<(calendar::Month, SummaryOptions, Format), IpcError> {
    let month: calendar::Month = month.parse().map_err(coachlog_core::Error::from)?;
    let format: Format = format.parse()?;
    let options = SummaryOptions {
        include_notes,
        generated_on: None,
    };
    Ok((month, options, format))
}

/// The summary of `month` in `format`, as text: the Export screen's preview
/// (and what "Copy Markdown" copies). The same bytes as `coachlog summary
/// --month M --format F [--include-notes]`.
#[tauri::command]
pub async fn summary_preview(
    state: State<'_, AppState>,
    month: String,
    format: String,
    include_notes: bool,
) -> Reply<String> {
    let (month, options, format) = summary_request(&month, &format, include_notes)?;
    state
        .read(move |db| summary::export(db.conn(), month, &options, format))
        .await
}

/// Builds the summary of `month` in `format` and saves it where the leader
/// chooses in the native Save dialog, which Rust opens (the page gives no
/// path): written as the CLI's `-o` does, a temporary file in the same
/// folder, flushed, then renamed over the file — never a partial file.
/// `cancelled` when the leader cancels the dialog (nothing written);
/// `invalid` for a bad month or format; `io` when the folder cannot be
/// written.
#[tauri::command]
pub async fn summary_save(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    month: String,
    format: String,
    include_notes: bool,
) -> Reply<SavedFile> {
    let (month, options, format) = summary_request(&month, &format, include_notes)?;
    let question = SaveAs {
        title: format!("Save the summary of {}", summary::month_name(month)),
        file_name: format!(
            "coachlog-summary-{month}{}.{}",
            if include_notes { "-private" } else { "" },
            format.extension()
        ),
        extension: format.extension(),
        kind: format.label(),
    };
    save_where_chosen(&state, &dialogs, question, move |db| {
        summary::export(db.conn(), month, &options, format)
    })
    .await
}

/// Asks where to save in the native Save dialog (`question`), builds the
/// text with `build` and writes it there as the CLI's `-o` does: a
/// temporary file in the same folder, flushed, then renamed over the file.
/// A name typed without the extension gets it (refused as a `conflict` when
/// that file exists: the dialog did not ask about it). `cancelled` when the
/// leader cancels; `io` when the folder cannot be written.
async fn save_where_chosen<F>(
    state: &AppState,
    dialogs: &AppDialogs,
    question: SaveAs,
    build: F,
) -> Reply<SavedFile>
where
    F: FnOnce(&coachlog_core::Db) -> coachlog_core::Result<String> + Send + 'static,
{
    let wanted = question.extension;
    let Some(target) = dialogs.save_as(question).await else {
        return Err(IpcError::new(ErrorKind::Cancelled, "Nothing was saved."));
    };
    let target = save_target(target, wanted)?;
    let text = state.read(build).await?;
    save_text(target, text).await
}

/// The file chosen in a Save dialog, checked ([`check_target`]) and given
/// the extension `wanted` when the name typed had none.
fn save_target(target: std::path::PathBuf, wanted: &str) -> Reply<std::path::PathBuf> {
    check_target(&target)?;
    // The dialog filters by extension; a name typed without it gets it.
    if target.extension().and_then(|e| e.to_str()) == Some(wanted) {
        return Ok(target);
    }
    let mut name = target.into_os_string();
    name.push(format!(".{wanted}"));
    let named = std::path::PathBuf::from(name);
    // The dialog asked before replacing the name typed, not this one.
    if named.exists() {
        return Err(IpcError::new(
            ErrorKind::Conflict,
            format!(
                "{} is already there, and the Save dialog did not ask about replacing it \
                 (the name typed had no .{wanted}). Save again and choose that file to \
                 replace it, or type another name; nothing was saved.",
                named.display()
            ),
        ));
    }
    Ok(named)
}

/// Writes `text` to `target` as the CLI's `-o` does: a temporary file in
/// the same folder, flushed, then renamed over the file — never a partial
/// file.
async fn save_text(target: std::path::PathBuf, text: String) -> Reply<SavedFile> {
    let bytes = text.len() as u64;
    let path = target.display().to_string();
    tauri::async_runtime::spawn_blocking(move || {
        output::write_atomically(&target, text.as_bytes(), Existing::Replace)
    })
    .await
    .map_err(|e| IpcError::internal(format!("the file task failed: {e}")))??;
    Ok(SavedFile { path, bytes })
}

// --- The calendar feed ------------------------------------------------------------

/// Builds the calendar feed (iCalendar: the next 1:1s, updates,
/// walkthroughs, release days and milestones of the next `months` months,
/// 1 to 24) and saves it where the leader chooses in the native Save dialog,
/// as `summary_save` does. The same bytes as `coachlog calendar --months N`.
#[tauri::command]
pub async fn calendar_save(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    months: u32,
) -> Reply<SavedFile> {
    // Refused before the dialog opens.
    let options = ics::CalendarOptions { months }.checked()?;
    let question = SaveAs {
        title: "Save the Coachlog calendar".to_string(),
        file_name: "coachlog.ics".to_string(),
        extension: "ics",
        kind: "iCalendar",
    };
    let today = clock::today();
    save_where_chosen(&state, &dialogs, question, move |db| {
        ics::feed(db.conn(), today, options)
    })
    .await
}

// --- A person's review packet ---------------------------------------------------

/// The window (`YYYY-MM-DD` days; each defaults as the CLI's, from today)
/// and format (`markdown`, `html`, `json`; `md` too) of a packet request,
/// as the core reads them: `invalid` otherwise.
fn history_request(
    from: Option<&str>,
    to: Option<&str>,
    format: &str,
) -> Result<(history::Window, HistoryFormat), IpcError> {
    let day = |s: Option<&str>| {
        s.map(|s| calendar::parse_date(s).map_err(coachlog_core::Error::from))
            .transpose()
    };
    let window = history::Window::new(day(from)?, day(to)?, clock::today())?;
    Ok((window, format.parse()?))
}

/// `person_id`'s review packet for the window in `format`, as text: the
/// Export screen's Person tab preview (and what "Copy Markdown" copies). The
/// same bytes as `coachlog person history ID --from F --to T --format X
/// [--include-notes]`. `not_found` for an unknown person.
#[tauri::command]
pub async fn history_preview(
    state: State<'_, AppState>,
    person_id: PersonId,
    from: Option<String>,
    to: Option<String>,
    format: String,
    include_notes: bool,
) -> Reply<String> {
    let (window, format) = history_request(from.as_deref(), to.as_deref(), &format)?;
    let options = HistoryOptions { include_notes };
    state
        .read(move |db| history::export(db.conn(), person_id, window, &options, format))
        .await
}

/// Builds `person_id`'s packet and saves it where the leader chooses in the
/// native Save dialog, which Rust opens (the page gives no path), as
/// [`summary_save`] does. `cancelled` when the leader cancels (nothing
/// written); `invalid` for a bad window or format and `not_found` for an
/// unknown person, before any dialog.
#[tauri::command]
pub async fn history_save(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
    person_id: PersonId,
    from: Option<String>,
    to: Option<String>,
    format: String,
    include_notes: bool,
) -> Reply<SavedFile> {
    let (window, format) = history_request(from.as_deref(), to.as_deref(), &format)?;
    let person = state
        .read(move |db| people::get(db.conn(), person_id))
        .await?;
    let question = SaveAs {
        title: format!("Save {}'s review packet", person.name),
        file_name: format!(
            "coachlog-packet-{}-{}-{}{}.{}",
            file_stem(&person.name),
            window.from,
            window.to,
            if include_notes { "-private" } else { "" },
            format.extension()
        ),
        extension: format.extension(),
        kind: format.label(),
    };
    let options = HistoryOptions { include_notes };
    save_where_chosen(&state, &dialogs, question, move |db| {
        history::export(db.conn(), person_id, window, &options, format)
    })
    .await
}

/// A name as a file name's part: letters and digits kept (lower-cased),
/// anything else one `-`.
fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "person".into()
    } else {
        out.into()
    }
}

/// Refuses a target that cannot be a new or replaced file, before any work.
fn check_target(target: &std::path::Path) -> Result<(), IpcError> {
    let shown = target.display();
    if target.as_os_str().is_empty() || !target.is_absolute() {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            format!("'{shown}' is not a full path; choose the file with Save as…."),
        ));
    }
    if target.is_dir() {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            format!("{shown} is a folder; choose a file name in it."),
        ));
    }
    match target.parent() {
        Some(dir) if dir.is_dir() => Ok(()),
        Some(dir) => Err(IpcError::new(
            ErrorKind::Io,
            if dir.exists() {
                format!("Cannot save to {shown}: {} is not a folder.", dir.display())
            } else {
                format!(
                    "Cannot save to {shown}: the folder {} does not exist.",
                    dir.display()
                )
            },
        )),
        None => Err(IpcError::new(
            ErrorKind::Invalid,
            format!("'{shown}' names no file; choose one with Save as…."),
        )),
    }
}

// --- Deleting, the Trash, and the other writers --------------------------------

/// Moves a record, with what goes with it, to the Trash (today); answers
/// with the entry, for the Undo toast (`trash_restore` with its id).
#[tauri::command]
pub async fn record_delete(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> Reply<TrashEntry> {
    let today = clock::today();
    state
        .write(move |db| db.write(|tx| trash::delete(tx, kind, id, today)))
        .await
}

/// How many records of each kind go with a deletion, the record itself
/// included (the confirmation of deleting a person names them). Changes
/// nothing.
#[tauri::command]
pub async fn record_delete_preview(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> Reply<Counts> {
    state
        .read(move |db| trash::preview(db.conn(), kind, id))
        .await
}

/// What is in the Trash, most recently deleted first.
#[tauri::command]
pub async fn trash_list(state: State<'_, AppState>) -> Reply<Vec<TrashEntry>> {
    state.read(|db| trash::list(db.conn())).await
}

/// Puts an entry of the Trash back, with the same ids; `conflict` (and
/// nothing changed) when it cannot come back, saying why.
#[tauri::command]
pub async fn trash_restore(state: State<'_, AppState>, id: TrashId) -> Reply<TrashEntry> {
    state
        .write(move |db| db.write(|tx| trash::restore(tx, id)))
        .await
}

/// Deletes everything in the Trash for good, once the leader says yes in a
/// native dialog that names how many entries go; answers how many went.
#[tauri::command]
pub async fn trash_empty(
    state: State<'_, AppState>,
    dialogs: State<'_, AppDialogs>,
) -> Reply<usize> {
    let entries = state.read(|db| trash::list(db.conn())).await?;
    if entries.is_empty() {
        return Ok(0);
    }
    confirm(
        &dialogs,
        Confirm {
            title: "Empty the Trash?".into(),
            message: format!(
                "{} will be deleted for good; they cannot be restored afterwards.",
                coachlog_core::words::count(entries.len(), "entry", "entries")
            ),
            ok: "Empty the Trash".into(),
        },
    )
    .await?;
    state.write(|db| db.write(trash::empty)).await
}

/// Changes a check-in's day, epic flag and notes.
#[tauri::command]
pub async fn check_in_update(
    state: State<'_, AppState>,
    id: CheckInId,
    input: CheckInInput,
) -> Reply<CheckIn> {
    state
        .write(move |db| db.write(|tx| customers::update_check_in(tx, id, &input)))
        .await
}

/// Changes an interview's day, candidate and interviewers.
#[tauri::command]
pub async fn interview_update(
    state: State<'_, AppState>,
    id: InterviewId,
    input: InterviewInput,
) -> Reply<Interview> {
    state
        .write(move |db| db.write(|tx| hiring::update_interview(tx, id, &input)))
        .await
}

/// A number that changes when another program (the command line) writes to
/// the database: the UI asks it every few seconds and on focus, and reads
/// again when it changed. The app's own writes leave it as it is.
#[tauri::command]
pub async fn data_version(state: State<'_, AppState>) -> Reply<i64> {
    state.read(|db| db.data_version()).await
}
