//! A small world builder over the real store, for the overdue review and
//! the monthly summary: each record kind is written through the store's
//! public functions with every field given, and a refusal panics (the tests
//! write only valid records). A suite with its own defaults uses a
//! [`Suite`] of it.

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use coachlog_core::model::*;
use coachlog_core::store::{agenda, customers, hiring, one_on_ones, people, updates, wins};
use coachlog_core::{settings, Db};
use rusqlite::Connection;

use super::{d, db_on, pm};

pub struct World {
    pub db: Db,
}

impl World {
    /// An empty in-memory database created on `day` (its `tracking_since`).
    pub fn created(day: &str) -> World {
        World { db: db_on(day) }
    }

    pub fn conn(&self) -> &Connection {
        self.db.conn()
    }

    /// Runs `f` as one write, which must succeed.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&coachlog_core::Tx<'_>) -> coachlog_core::Result<T>,
    ) -> T {
        self.db.write(f).unwrap()
    }

    /// Writes around the store's checks, for states an import of an older
    /// file (or an older version of the app) can leave behind.
    pub fn sql(&self, sql: &str) {
        self.conn().execute_batch(sql).unwrap();
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.write(|tx| settings::set(tx, key, value));
    }

    /// A [`pm`] since `since`, as `edit` changes them.
    pub fn person(
        &mut self,
        name: &str,
        since: &str,
        edit: impl FnOnce(&mut PersonInput),
    ) -> PersonId {
        let mut input = pm(name, since);
        edit(&mut input);
        self.write(|tx| people::insert(tx, &input)).id
    }

    pub fn archive(&mut self, p: PersonId, on: &str) {
        self.write(|tx| people::archive(tx, p, d(on)));
    }

    pub fn one_on_one(
        &mut self,
        p: PersonId,
        date: &str,
        status: OneOnOneStatus,
        tags: &[&str],
        notes: &str,
    ) {
        let input = OneOnOneInput {
            person_id: p,
            date: d(date),
            status,
            notes: notes.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        };
        self.write(|tx| one_on_ones::insert(tx, &input));
    }

    /// A held 1:1 with neither tags nor notes.
    pub fn held(&mut self, p: PersonId, date: &str) {
        self.one_on_one(p, date, OneOnOneStatus::Held, &[], "");
    }

    pub fn item(
        &mut self,
        p: PersonId,
        tag: OpenTag,
        by: RaisedBy,
        opened: &str,
        timing: Option<&str>,
        text: &str,
    ) -> AgendaItemId {
        let input = AgendaItemInput {
            person_id: p,
            text: text.into(),
            open_tag: tag,
            timing: timing.map(|t| t.parse().unwrap()),
            raised_by: by,
            opened_on: d(opened),
            opened_in: None,
        };
        self.write(|tx| agenda::insert(tx, &input)).id
    }

    pub fn close(&mut self, item: AgendaItemId, tag: CloseTag, on: &str) {
        self.write(|tx| agenda::close(tx, item, tag, d(on), None));
    }

    pub fn update(
        &mut self,
        p: Option<PersonId>,
        kind: UpdateKind,
        period: &str,
        status: UpdateStatus,
        done_on: Option<&str>,
        link: Option<&str>,
    ) -> UpdateId {
        let input = UpdateInput {
            person_id: p,
            kind,
            period: period.parse().unwrap(),
            status,
            done_on: done_on.map(d),
            link: link.map(str::to_string),
            objectives: Vec::new(),
        };
        self.write(|tx| updates::insert(tx, &input)).id
    }

    pub fn link(&mut self, p: PersonId, team: &str, category: &str, since: &str) -> LinkId {
        let input = CustomerLinkInput {
            person_id: p,
            team: team.into(),
            category: category.into(),
            since: d(since),
        };
        self.write(|tx| customers::insert_link(tx, &input)).id
    }

    pub fn archive_link(&mut self, id: LinkId, on: &str) {
        self.write(|tx| customers::archive_link(tx, id, d(on)));
    }

    pub fn check_in(&mut self, link: LinkId, date: &str, epic_updated: bool, notes: &str) {
        let input = CheckInInput {
            link_id: link,
            date: d(date),
            epic_updated,
            notes: notes.into(),
        };
        self.write(|tx| customers::insert_check_in(tx, &input));
    }

    pub fn requisition(&mut self, title: &str, opened: &str) -> RequisitionId {
        let input = RequisitionInput {
            title: title.into(),
            level: Level::Ic,
            opened_on: d(opened),
        };
        self.write(|tx| hiring::insert_requisition(tx, &input)).id
    }

    pub fn close_requisition(&mut self, r: RequisitionId, status: RequisitionStatus, on: &str) {
        self.write(|tx| hiring::close_requisition(tx, r, status, d(on)));
    }

    pub fn loop_member(&mut self, r: RequisitionId, member: Participant, works_with_hire: bool) {
        let input = LoopMemberInput {
            requisition_id: r,
            member,
            role: "interviewer".into(),
            works_with_hire,
        };
        self.write(|tx| hiring::insert_loop_member(tx, &input));
    }

    pub fn interview(
        &mut self,
        r: RequisitionId,
        date: &str,
        candidate: &str,
        interviewers: Vec<Participant>,
    ) {
        let input = InterviewInput {
            requisition_id: r,
            date: d(date),
            candidate: candidate.into(),
            interviewers,
        };
        self.write(|tx| hiring::insert_interview(tx, &input));
    }

    pub fn win(&mut self, p: PersonId, noted: &str, text: &str) -> WinId {
        let input = WinInput {
            person_id: p,
            noted_on: d(noted),
            text: text.into(),
        };
        self.write(|tx| wins::insert(tx, &input)).id
    }

    pub fn share(&mut self, w: WinId, on: &str, place: Option<&str>) {
        self.write(|tx| wins::share(tx, w, d(on), place));
    }
}

/// A [`World`] with a suite's own defaults: the suite names a marker type
/// `S` and writes its shorter methods in an `impl Suite<S>` block; those
/// come before the world's methods of the same name, and every other method
/// is the world's.
pub struct Suite<S> {
    pub world: World,
    suite: PhantomData<S>,
}

impl<S> Suite<S> {
    pub fn of(world: World) -> Suite<S> {
        Suite {
            world,
            suite: PhantomData,
        }
    }
}

impl<S> Deref for Suite<S> {
    type Target = World;

    fn deref(&self) -> &World {
        &self.world
    }
}

impl<S> DerefMut for Suite<S> {
    fn deref_mut(&mut self) -> &mut World {
        &mut self.world
    }
}
