//! The records the rules read: a snapshot of the database at the end of
//! one day, read in a few queries.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::calendar::Period;
use crate::error::Result;
use crate::model::{
    AgendaItem, CustomerLink, LinkId, OpenTag, Person, PersonId, Requisition, RequisitionId,
    UpdateKind, Walkthrough, Win,
};
use crate::settings;
use crate::store::{agenda, customers, hiring, people, walkthroughs, wins};
use crate::validate;

/// The key of the updates owed: person (`None`: the leader), kind, period.
pub type UpdateKey = (Option<PersonId>, UpdateKind, Period);

/// The records as they stood at the end of one day — exactly what the rules
/// read, and no more: [`Records::load`] lets SQLite do the snapshot reading
/// (dated after the day: not there yet; closed, done or shared after it:
/// still open) and the aggregation (last 1:1, last check-in…), so the review
/// stays fast on years of history.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The day of the snapshot.
    pub as_of: NaiveDate,
    /// Everyone, archived included (the rules pick who is active).
    pub people: Vec<Person>,
    /// The last held 1:1 on or before the day, per person (a one-element list).
    pub held: HashMap<PersonId, Vec<NaiveDate>>,
    /// The last CDF review on or before the day, per person.
    pub cdf_reviews: HashMap<PersonId, NaiveDate>,
    /// The career tag the records were read with (the `career_tag` setting
    /// in force, trimmed and lower-cased as a coaching tag's `name_key`).
    pub career_tag: String,
    /// The last held 1:1 on or before the day whose coaching tags include
    /// [`Records::career_tag`], per person: their last career conversation.
    pub career: HashMap<PersonId, NaiveDate>,
    /// Agenda items open at the end of the day whose tag a rule reads
    /// (HELP, TODO, DOTO).
    pub items: Vec<AgendaItem>,
    /// The periods with an update done on or before the day, per (person,
    /// kind), sorted: the update rule walks every month of every PM's
    /// history, and a binary search in a short list stays in the cache where
    /// a set of every key (190,000 on 800 PMs × 10 years) does not.
    pub done_updates: HashMap<(Option<PersonId>, UpdateKind), Vec<Period>>,
    /// The keys with updates but none done by the day, with the newest
    /// update's id (the record to act on).
    pub open_updates: HashMap<UpdateKey, i64>,
    /// Every internal-customer link.
    pub links: Vec<CustomerLink>,
    /// Per link: the last check-in and the last one with the epic updated,
    /// on or before the day.
    pub check_ins: HashMap<LinkId, (Option<NaiveDate>, Option<NaiveDate>)>,
    /// Every requisition.
    pub requisitions: Vec<Requisition>,
    /// Requisitions with a loop member who works with the hire.
    pub with_peer: HashSet<RequisitionId>,
    /// Interview dates on or before the day, per requisition.
    pub interviews: HashMap<RequisitionId, Vec<NaiveDate>>,
    /// Walkthroughs dated on or before the day.
    pub walkthroughs: Vec<Walkthrough>,
    /// Wins noted on or before the day and not shared by its end.
    pub wins: Vec<Win>,
}

impl Records {
    /// Reads the records as they stood at the end of `as_of`.
    pub fn load(conn: &Connection, as_of: NaiveDate) -> Result<Records> {
        let mut held: HashMap<PersonId, Vec<NaiveDate>> = HashMap::new();
        // One index seek per person (one_on_one_held).
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, (SELECT max(o.date) FROM one_on_one o
                           WHERE o.person_id = p.id AND o.status = 'held' AND o.date <= ?1)
             FROM person p",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))? {
            if let (p, Some(d)) = row? {
                held.insert(p, vec![d]);
            }
        }

        // One index seek per person (cdf_review_by_person_date).
        let mut cdf_reviews = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, (SELECT max(c.date) FROM cdf_review c
                           WHERE c.person_id = p.id AND c.date <= ?1)
             FROM person p",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))? {
            if let (p, Some(d)) = row? {
                cdf_reviews.insert(p, d);
            }
        }

        // Per person, the held 1:1s newest first (one_on_one_held), each
        // tried against the tag table's key (one_on_one_id, name_key) until
        // one carries the career tag: a walk as long as the time since the
        // last career conversation, not the whole history.
        let career_tag = validate::key(&settings::load(conn)?.career_tag);
        let mut career = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT p.id,
                    (SELECT o.date FROM one_on_one o
                     WHERE o.person_id = p.id AND o.status = 'held' AND o.date <= ?1
                       AND EXISTS (SELECT 1 FROM one_on_one_tag t
                                   WHERE t.one_on_one_id = o.id AND t.name_key = ?2)
                     ORDER BY o.date DESC LIMIT 1)
             FROM person p",
        )?;
        for row in stmt.query_map(params![as_of, career_tag], |r| Ok((r.get(0)?, r.get(1)?)))? {
            if let (p, Some(d)) = row? {
                career.insert(p, d);
            }
        }

        // Done keys come back as one list of periods per (person, kind), which
        // is far cheaper to read than a row per period on years of history.
        let mut done_updates: HashMap<_, Vec<Period>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, kind, group_concat(period, ' ') FROM accountability_update
             WHERE status = 'done' AND done_on <= ?1 GROUP BY person_id, kind",
        )?;
        let mut rows = stmt.query([as_of])?;
        while let Some(r) = rows.next()? {
            let person: Option<PersonId> = r.get(0)?;
            let kind: UpdateKind = r.get(1)?;
            let periods: String = r.get(2)?;
            let list = done_updates.entry((person, kind)).or_default();
            for period in periods.split(' ') {
                list.push(period.parse()?);
            }
            list.sort_unstable();
            list.dedup();
        }
        let mut open_updates = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, kind, period, max(id) FROM accountability_update
             WHERE NOT (status = 'done' AND done_on <= ?1)
             GROUP BY person_id, kind, period",
        )?;
        let mut rows = stmt.query([as_of])?;
        while let Some(r) = rows.next()? {
            let period: String = r.get(2)?;
            open_updates.insert((r.get(0)?, r.get(1)?, period.parse()?), r.get(3)?);
        }

        // Two index seeks per link (check_in_by_link_date), not a walk
        // through every check-in of the history.
        let mut check_ins = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT l.id,
                    (SELECT max(c.date) FROM check_in c WHERE c.link_id = l.id AND c.date <= ?1),
                    (SELECT max(c.date) FROM check_in c
                     WHERE c.link_id = l.id AND c.date <= ?1 AND c.epic_updated)
             FROM customer_link l",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (link, last, epic): (LinkId, Option<NaiveDate>, Option<NaiveDate>) = row?;
            if let Some(last) = last {
                check_ins.insert(link, (Some(last), epic));
            }
        }

        let mut interviews: HashMap<RequisitionId, Vec<NaiveDate>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT requisition_id, date FROM interview WHERE date <= ?1 ORDER BY date",
        )?;
        for row in stmt.query_map([as_of], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (r, d) = row?;
            interviews.entry(r).or_default().push(d);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT DISTINCT requisition_id FROM loop_member WHERE works_with_hire = 1",
        )?;
        let with_peer = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<RequisitionId>>>()?;

        Ok(Records {
            as_of,
            people: people::list(
                conn,
                people::Filter {
                    include_archived: true,
                },
            )?,
            held,
            cdf_reviews,
            career_tag,
            career,
            items: agenda::open_on(conn, as_of, &[OpenTag::Help, OpenTag::Todo, OpenTag::Doto])?,
            done_updates,
            open_updates,
            links: customers::list_links(
                conn,
                customers::LinkFilter {
                    person: None,
                    include_archived: true,
                },
            )?,
            check_ins,
            requisitions: hiring::list_requisitions(conn, true)?,
            with_peer,
            interviews,
            walkthroughs: walkthroughs::list(conn, None, Some(as_of))?,
            wins: wins::unshared_on(conn, as_of)?,
        })
    }
}

impl Records {
    /// The snapshot of [`Records::load`] as far as one person's items need
    /// it: that person (with their manager, for rule 14) and only their
    /// 1:1s, CDF reviews, open items, updates, links and check-ins and wins.
    /// The leader's records (requisitions, interviews, walkthroughs) are left
    /// out, so rules 7–10 say nothing true of this snapshot: only the
    /// person's own items of a review of it are meaningful, and they are
    /// exactly those of the whole snapshot ([`super::overdue_of`]). Every
    /// query is bounded by the person's indexes.
    pub fn load_for(conn: &Connection, as_of: NaiveDate, person: PersonId) -> Result<Records> {
        let me = people::get(conn, person)?;
        let mut who = vec![me.clone()];
        if let Some(m) = me.reports_to {
            who.push(people::get(conn, m)?);
        }

        let held_on: Option<NaiveDate> = conn
            .prepare_cached(
                "SELECT max(date) FROM one_on_one
                 WHERE person_id = ?1 AND status = 'held' AND date <= ?2",
            )?
            .query_row(params![person, as_of], |r| r.get(0))?;
        let held = held_on.map(|d| (person, vec![d])).into_iter().collect();
        let cdf_on: Option<NaiveDate> = conn
            .prepare_cached("SELECT max(date) FROM cdf_review WHERE person_id = ?1 AND date <= ?2")?
            .query_row(params![person, as_of], |r| r.get(0))?;
        let cdf_reviews = cdf_on.map(|d| (person, d)).into_iter().collect();
        let career_tag = validate::key(&settings::load(conn)?.career_tag);
        let career_on: Option<NaiveDate> = conn
            .prepare_cached(
                "SELECT o.date FROM one_on_one o
                 WHERE o.person_id = ?1 AND o.status = 'held' AND o.date <= ?2
                   AND EXISTS (SELECT 1 FROM one_on_one_tag t
                               WHERE t.one_on_one_id = o.id AND t.name_key = ?3)
                 ORDER BY o.date DESC LIMIT 1",
            )?
            .query_row(params![person, as_of, career_tag], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        let career = career_on.map(|d| (person, d)).into_iter().collect();

        let mut done_updates: HashMap<_, Vec<Period>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT kind, group_concat(period, ' ') FROM accountability_update
             WHERE person_id = ?1 AND status = 'done' AND done_on <= ?2 GROUP BY kind",
        )?;
        let mut rows = stmt.query(params![person, as_of])?;
        while let Some(r) = rows.next()? {
            let kind: UpdateKind = r.get(0)?;
            let periods: String = r.get(1)?;
            let list = done_updates.entry((Some(person), kind)).or_default();
            for period in periods.split(' ') {
                list.push(period.parse()?);
            }
            list.sort_unstable();
            list.dedup();
        }
        let mut open_updates = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT kind, period, max(id) FROM accountability_update
             WHERE person_id = ?1 AND NOT (status = 'done' AND done_on <= ?2)
             GROUP BY kind, period",
        )?;
        let mut rows = stmt.query(params![person, as_of])?;
        while let Some(r) = rows.next()? {
            let period: String = r.get(1)?;
            open_updates.insert((Some(person), r.get(0)?, period.parse()?), r.get(2)?);
        }

        let check_ins = customers::last_check_ins(conn, person, as_of)?
            .into_iter()
            .filter(|(_, (last, _))| last.is_some())
            .collect();
        let mut items = agenda::open_for(conn, person, as_of)?;
        items.retain(|i| matches!(i.open_tag, OpenTag::Help | OpenTag::Todo | OpenTag::Doto));
        let mut unshared = wins::list(
            conn,
            wins::Filter {
                person: Some(person),
                unshared_only: false,
            },
        )?;
        unshared.retain(|w| w.noted_on <= as_of && w.shared_on.is_none_or(|s| s > as_of));
        unshared.sort_by_key(|w| w.id);

        Ok(Records {
            as_of,
            people: who,
            held,
            cdf_reviews,
            career_tag,
            career,
            items,
            done_updates,
            open_updates,
            links: customers::list_links(
                conn,
                customers::LinkFilter {
                    person: Some(person),
                    include_archived: true,
                },
            )?,
            check_ins,
            requisitions: Vec::new(),
            with_peer: HashSet::new(),
            interviews: HashMap::new(),
            walkthroughs: Vec::new(),
            wins: unshared,
        })
    }
}
