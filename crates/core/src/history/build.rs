//! Building a [`History`] from the database: the person's records through
//! the store, two queries of their own (interviews and loops), and counting.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::calendar::{self, FiscalQuarter, Period};
use crate::error::Result;
use crate::model::{
    AgendaItem, OneOnOne, OneOnOneStatus, OpenTag, PersonId, Update, UpdateKind, UpdateStatus,
};
use crate::practice::{base_start, is_request};
use crate::settings;
use crate::store::{agenda, cdf, customers, one_on_ones, people, updates, wins};
use crate::summary::build::{sorted_texts, update_due};
use crate::summary::{OneOnOneDay, OneOnOneNotes, TagCount, WinNoted};
use crate::validate;

use super::{
    median, CdfReviewHeld, CheckInDay, CustomerHistory, History, HistoryNotes, HistoryOptions,
    HistoryUpdate, InterviewJoined, ItemFlow, LoopJoined, MonthOneOnOnes, StatusCounts, Window,
};

/// Builds `person`'s packet for `window` (see the module docs). Everything
/// reads today's records: an update done after the window shows as done
/// late, a win shared after it shows its sharing date. `not_found` for an
/// unknown person.
pub fn build(
    conn: &Connection,
    person: PersonId,
    window: Window,
    options: &HistoryOptions,
) -> Result<History> {
    let p = people::get(conn, person)?;
    let settings = settings::load(conn)?;
    let notes = options.include_notes;
    let (from, to) = (window.from, window.to);
    let career_key = validate::key(&settings.career_tag);

    // 1:1s, oldest first.
    let mut ones = one_on_ones::list(
        conn,
        one_on_ones::Filter {
            person: Some(person),
            from: Some(from),
            to: Some(to),
        },
    )?;
    ones.reverse();
    let mut by_month: BTreeMap<calendar::Month, Vec<&OneOnOne>> = window
        .months()
        .into_iter()
        .map(|m| (m, Vec::new()))
        .collect();
    for o in &ones {
        by_month
            .entry(calendar::Month::of(o.date))
            .or_default()
            .push(o);
    }
    let months = by_month
        .into_iter()
        .map(|(month, os)| MonthOneOnOnes {
            month,
            one_on_ones: counts(&os),
            coaching_tags: tag_counts(&os),
        })
        .collect();
    let all: Vec<&OneOnOne> = ones.iter().collect();
    let career_conversations = ones
        .iter()
        .filter(|o| o.status == OneOnOneStatus::Held)
        .filter(|o| o.tags.iter().any(|t| validate::key(t) == career_key))
        .map(|o| o.date)
        .collect();

    // Agenda items.
    let items = agenda::list(
        conn,
        agenda::Filter {
            person: Some(person),
            open: None,
            tag: None,
        },
    )?;
    let flow = |keep: &dyn Fn(&AgendaItem) -> bool| {
        let mine: Vec<&AgendaItem> = items.iter().filter(|i| keep(i)).collect();
        let closed: Vec<&AgendaItem> = mine
            .iter()
            .copied()
            .filter(|i| i.closed_on.is_some_and(|c| window.contains(c)))
            .collect();
        ItemFlow {
            opened: mine.iter().filter(|i| window.contains(i.opened_on)).count() as u32,
            closed: closed.len() as u32,
            open_at_end: mine
                .iter()
                .filter(|i| i.opened_on <= to && i.closed_on.is_none_or(|c| c > to))
                .count() as u32,
            median_days_to_close: median(
                closed
                    .iter()
                    .filter_map(|i| i.closed_on.map(|c| calendar::days_between(i.opened_on, c)))
                    .collect(),
            ),
        }
    };
    let requests = flow(&|i| is_request(i));
    let actions_person = flow(&|i| i.open_tag == OpenTag::Todo);
    let actions_leader = flow(&|i| i.open_tag == OpenTag::Doto);

    // Updates due in the window.
    let recorded = updates::list(
        conn,
        updates::Filter {
            person: Some(Some(person)),
            kind: None,
            period: None,
        },
    )?;
    let fy = settings.fiscal_year_start_month;
    let owed_from = base_start(&p, &settings);
    let mut due_updates = Vec::new();
    for month in window.months() {
        let release = calendar::release_day(month, settings.release_day);
        if !window.contains(release) || release < owed_from || !p.is_active_on(release) {
            continue;
        }
        let quarter = FiscalQuarter::containing(month, fy);
        let mut owed = vec![
            (UpdateKind::NextRelease, Period::Month(month)),
            (UpdateKind::ThreeMonthVision, Period::Month(month)),
        ];
        if quarter.first_month(fy) == month {
            owed.push((UpdateKind::Okrs, Period::Quarter(quarter)));
        }
        for (kind, period) in owed {
            due_updates.push(HistoryUpdate {
                due: update_due(&recorded, Some(person), kind, period, release),
                objectives: objectives(&recorded, kind, period),
            });
        }
    }

    // Internal customers active in the window, with their check-ins in it.
    let mut links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: Some(person),
            include_archived: true,
        },
    )?;
    links.retain(|l| l.since <= to && l.archived_on.is_none_or(|a| a > from));
    links.sort_by_cached_key(|l| (validate::key(&l.team), validate::key(&l.category), l.id));
    let mut check_ins = customers::list_check_ins(conn, None, Some(person))?;
    check_ins.retain(|c| window.contains(c.date));
    check_ins.sort_by_key(|c| (c.date, c.id));
    let customers_out = links
        .into_iter()
        .map(|l| CustomerHistory {
            check_ins: check_ins
                .iter()
                .filter(|c| c.link_id == l.id)
                .map(|c| CheckInDay {
                    date: c.date,
                    epic_updated: c.epic_updated,
                })
                .collect(),
            link_id: l.id,
            team: l.team,
            category: l.category,
            since: l.since,
            archived_on: l.archived_on,
        })
        .collect();

    // Wins.
    let mine = wins::list(
        conn,
        wins::Filter {
            person: Some(person),
            unshared_only: false,
        },
    )?;
    let wins_shared = mine
        .iter()
        .filter(|w| w.shared_on.is_some_and(|s| window.contains(s)))
        .count() as u32;
    let mut wins_out: Vec<WinNoted> = mine
        .into_iter()
        .filter(|w| window.contains(w.noted_on))
        .map(|w| WinNoted {
            win_id: w.id,
            noted_on: w.noted_on,
            text: w.text,
            shared_on: w.shared_on,
            shared_where: w.shared_where,
        })
        .collect();
    wins_out.sort_by_key(|w| (w.noted_on, w.win_id));

    // CDF reviews.
    let mut reviews = cdf::list(conn, Some(person))?;
    reviews.retain(|r| window.contains(r.date));
    reviews.sort_by_key(|r| (r.date, r.id));
    let cdf_reviews = reviews
        .into_iter()
        .map(|r| CdfReviewHeld {
            cdf_review_id: r.id,
            date: r.date,
            focus: notes.then_some(r.focus),
            notes: notes.then_some(r.notes),
            link: r.link.filter(|_| notes),
        })
        .collect();

    let private = notes.then(|| HistoryNotes {
        one_on_ones: ones
            .iter()
            .map(|o| OneOnOneNotes {
                date: o.date,
                status: o.status,
                notes: o.notes.clone(),
            })
            .collect(),
        items: sorted_texts(
            items.iter().filter(|i| {
                window.contains(i.opened_on) || i.closed_on.is_some_and(|c| window.contains(c))
            }),
            |i| (i.opened_on, i.id),
            to,
        ),
    });

    Ok(History {
        person_id: p.id,
        name: p.name.clone(),
        title: p.title.clone(),
        since: p.since,
        archived_on: p.archived_on,
        window,
        includes_notes: notes,
        one_on_ones: counts(&all),
        one_on_one_dates: ones
            .iter()
            .map(|o| OneOnOneDay {
                date: o.date,
                status: o.status,
            })
            .collect(),
        coaching_tags: tag_counts(&all),
        months,
        requests,
        actions_person,
        actions_leader,
        updates: due_updates,
        customers: customers_out,
        wins: wins_out,
        wins_shared,
        interviews: interviews(conn, person, window)?,
        loops: loops(conn, person, window)?,
        cdf_reviews,
        career_tag: settings.career_tag.clone(),
        career_conversations,
        notes: private,
    })
}

fn counts(os: &[&OneOnOne]) -> StatusCounts {
    let n = |s: OneOnOneStatus| os.iter().filter(|o| o.status == s).count() as u32;
    StatusCounts {
        held: n(OneOnOneStatus::Held),
        skipped: n(OneOnOneStatus::Skipped),
        cancelled: n(OneOnOneStatus::Cancelled),
    }
}

/// Coaching tags of the held 1:1s among `os`, lower-cased, counted; most
/// used first, then by tag.
fn tag_counts(os: &[&OneOnOne]) -> Vec<TagCount> {
    let mut by_tag: BTreeMap<String, u32> = BTreeMap::new();
    for o in os.iter().filter(|o| o.status == OneOnOneStatus::Held) {
        for t in &o.tags {
            *by_tag.entry(validate::key(t)).or_default() += 1;
        }
    }
    let mut out: Vec<TagCount> = by_tag
        .into_iter()
        .map(|(tag, count)| TagCount { tag, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
    out
}

/// The OKR objectives of (`kind`, `period`): the earliest done update's,
/// else the latest update's (by id); none for other kinds.
fn objectives(
    recorded: &[Update],
    kind: UpdateKind,
    period: Period,
) -> Vec<crate::model::Objective> {
    if kind != UpdateKind::Okrs {
        return Vec::new();
    }
    let same = || {
        recorded
            .iter()
            .filter(move |u| u.kind == kind && u.period == period)
    };
    same()
        .filter(|u| u.status == UpdateStatus::Done)
        .filter_map(|u| u.done_on.map(|d| ((d, u.id), u)))
        .min_by_key(|(k, _)| *k)
        .map(|(_, u)| u)
        .or_else(|| same().max_by_key(|u| u.id))
        .map(|u| u.objectives.clone())
        .unwrap_or_default()
}

/// Interviews dated in the window with `person` among the interviewers.
fn interviews(conn: &Connection, person: PersonId, w: Window) -> Result<Vec<InterviewJoined>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT i.id, i.date, r.id, r.title
         FROM interviewer iv
         JOIN interview i ON i.id = iv.interview_id
         JOIN requisition r ON r.id = i.requisition_id
         WHERE iv.person_id = ?1 AND i.date BETWEEN ?2 AND ?3
         ORDER BY i.date, i.id",
    )?;
    let rows = stmt.query_map(params![person, w.from, w.to], |r| {
        Ok(InterviewJoined {
            interview_id: r.get(0)?,
            date: r.get(1)?,
            requisition_id: r.get(2)?,
            requisition: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The interview loops `person` is in, of requisitions open during the
/// window (opened by its end, not closed before its start).
fn loops(conn: &Connection, person: PersonId, w: Window) -> Result<Vec<LoopJoined>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.title, r.opened_on, r.closed_on, m.role
         FROM loop_member m JOIN requisition r ON r.id = m.requisition_id
         WHERE m.person_id = ?1 AND r.opened_on <= ?3
           AND (r.closed_on IS NULL OR r.closed_on >= ?2)
         ORDER BY r.opened_on, r.id, m.id",
    )?;
    let rows = stmt.query_map(params![person, w.from, w.to], |r| {
        Ok(LoopJoined {
            requisition_id: r.get(0)?,
            requisition: r.get(1)?,
            opened_on: r.get(2)?,
            closed_on: r.get::<_, Option<NaiveDate>>(3)?,
            role: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
