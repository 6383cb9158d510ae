//! Building a [`Summary`] from the database: a dozen queries bounded by the
//! month's dates (the only SQL of the summary), the overdue review at month
//! end, and plain counting.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::coaching::AgendaBalance;
use crate::error::Result;
use crate::model::{
    AgendaItem, CdfReview, CustomerLink, LinkId, OneOnOneStatus, OpenTag, Person, PersonId,
    RequisitionStatus, Update, UpdateKind, UpdateStatus, Win,
};
use crate::nudges::Practice;
use crate::nudges::{self, Records, Rule};
use crate::practice::{base_start, cadence, is_request, item_due};
use crate::settings::{self, Settings};
use crate::store::{cdf, customers, hiring, milestones, nudge_state, people, walkthroughs};
use crate::validate;

use super::{
    grade, ActionCounts, Actions, CdfReviewNotes, Customers, FocusAreas, Hiring, ItemText,
    LeaderMonth, LinkRef, MilestoneMonth, OneOnOneDay, OneOnOneNotes, OneOnOnes, Outcome, Overdue,
    OverdueItem, PersonMonth, PersonNotes, PracticeGrade, Requests, RequisitionRef, RuleCount,
    SkipLevels, Summary, SummaryOptions, TagCount, UpdateDue, WalkthroughMonth, WinNoted, Wins,
};

/// Builds the summary of `month` (`docs/catalogue.md`, "The monthly summary").
///
/// Everything reads today's records — an update done after the month shows
/// as done late, a win shared after it shows its sharing date — except the
/// overdue list at month end. That one is the overdue review with `as_of` =
/// the first day of the next month over the records *as they stood at the
/// end of the month's last day*: the snapshot is loaded as of the last day
/// (so a 1:1, check-in, walkthrough or interview dated on the 1st does not
/// count, and an item closed, a win shared, a requisition closed or a person
/// archived on the 1st still counts as open, unshared or active), and then
/// reviewed on the 1st. Snoozed and dismissed items are counted (and
/// flagged `hidden`).
pub fn build(conn: &Connection, month: Month, options: &SummaryOptions) -> Result<Summary> {
    let settings = settings::load(conn)?;
    let first = month.first_day();
    let last = month.last_day();
    let fy = settings.fiscal_year_start_month;
    let release = calendar::release_day(month, settings.release_day);
    let quarter = FiscalQuarter::containing(month, fy);
    let okr_quarter = (quarter.first_month(fy) == month).then_some(quarter);
    let notes = options.include_notes;

    let everyone = people::list(
        conn,
        people::Filter {
            include_archived: true,
        },
    )?;
    let mut followed: Vec<&Person> = everyone
        .iter()
        .filter(|p| p.tracked && active_in(p.since, p.archived_on, month))
        .collect();
    followed.sort_by_key(|p| (validate::key(&p.name), p.id));

    let one_on_ones = load_one_on_ones(conn, first, last, notes)?;
    let tags = load_tags(conn, first, last)?;
    let items = crate::store::agenda::touching(conn, first, last)?;
    let updates = load_updates(conn, month, okr_quarter)?;
    let links = customers::list_links(
        conn,
        customers::LinkFilter {
            person: None,
            include_archived: true,
        },
    )?;
    let check_ins = load_check_in_counts(conn, first, last)?;
    let wins = crate::store::wins::noted_or_shared_between(conn, first, last)?;
    let (interviews, interviews_by_person) = load_interviews(conn, first, last)?;
    let overdue = month_end(conn, &settings, month)?;
    let mut cdf_by_person: HashMap<PersonId, Vec<CdfReview>> = HashMap::new();
    for r in cdf::between(conn, first, last)? {
        cdf_by_person.entry(r.person_id).or_default().push(r);
    }
    let career_key = validate::key(&settings.career_tag);

    let mut items_by_person: HashMap<PersonId, Vec<&AgendaItem>> = HashMap::new();
    for item in &items {
        items_by_person
            .entry(item.person_id)
            .or_default()
            .push(item);
    }
    let mut wins_by_person: HashMap<PersonId, Vec<&Win>> = HashMap::new();
    for w in &wins {
        wins_by_person.entry(w.person_id).or_default().push(w);
    }
    // Grouped once, not filtered again for every person (quadratic on a
    // large team: 800 PMs x 12,000 overdue items).
    let mut links_by_person: HashMap<PersonId, Vec<&CustomerLink>> = HashMap::new();
    for l in &links {
        links_by_person.entry(l.person_id).or_default().push(l);
    }
    // Each item on the row of the PM it counts with: a skip-level report's
    // (rule 14) with their manager.
    let by_id: HashMap<PersonId, &Person> = everyone.iter().map(|p| (p.id, p)).collect();
    let mut overdue_counts: HashMap<(PersonId, Rule), u32> = HashMap::new();
    for n in &overdue.items {
        let row = n
            .person_id
            .and_then(|p| by_id.get(&p))
            .and_then(|p| n.rule.counted_with(p));
        if let Some(p) = row {
            *overdue_counts.entry((p, n.rule)).or_default() += 1;
        }
    }
    // Skip-level reports active on the month's last day, per manager active on it.
    let mut skip_level_reports: HashMap<PersonId, u32> = HashMap::new();
    for r in everyone.iter().filter(|r| r.is_active_on(last)) {
        if let Some(m) = r.reports_to.and_then(|m| by_id.get(&m)) {
            if m.is_active_on(last) {
                *skip_level_reports.entry(m.id).or_default() += 1;
            }
        }
    }

    let mut people_out = Vec::with_capacity(followed.len());
    for p in followed {
        let active_from = p.since.max(first);
        let active_to = p.archived_on.map_or(last, |a| (a - Days::new(1)).min(last));
        let owed_from = active_from.max(base_start(p, &settings));
        let every = cadence(p, &settings);
        let owed_days = if owed_from > active_to {
            0
        } else {
            calendar::days_between(owed_from, active_to) + 1
        };
        let dates = one_on_ones.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
        let count = |s: OneOnOneStatus| dates.iter().filter(|o| o.status == s).count() as u32;
        let one = OneOnOnes {
            held: count(OneOnOneStatus::Held),
            skipped: count(OneOnOneStatus::Skipped),
            cancelled: count(OneOnOneStatus::Cancelled),
            cadence_days: every,
            expected: u32::try_from(owed_days / i64::from(every)).unwrap_or(0),
            dates: dates
                .iter()
                .map(|o| OneOnOneDay {
                    date: o.date,
                    status: o.status,
                })
                .collect(),
        };

        let mine = items_by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
        let in_month = |d: NaiveDate| first <= d && d <= last;
        let closed_in_month = |i: &AgendaItem| i.closed_on.is_some_and(in_month);
        let open_at_end =
            |i: &AgendaItem| i.opened_on <= last && i.closed_on.is_none_or(|c| c > last);
        let mut requests = Requests::default();
        let mut actions = Actions::default();
        for item in mine {
            if is_request(item) {
                requests.opened += u32::from(in_month(item.opened_on));
                requests.open_at_end += u32::from(open_at_end(item));
                if let Some(closed) = item.closed_on.filter(|c| in_month(*c)) {
                    requests.closed += 1;
                    let on_time = closed <= item_due(item, &settings).unwrap_or(NaiveDate::MAX);
                    requests.closed_on_time += u32::from(on_time);
                }
            }
            let owner: Option<&mut ActionCounts> = match item.open_tag {
                OpenTag::Todo => Some(&mut actions.person),
                OpenTag::Doto => Some(&mut actions.leader),
                _ => None,
            };
            if let Some(c) = owner {
                c.opened += u32::from(in_month(item.opened_on));
                c.closed += u32::from(closed_in_month(item));
                c.open_at_end += u32::from(open_at_end(item));
            }
        }

        let mut due_updates = Vec::new();
        if release >= base_start(p, &settings) && p.is_active_on(release) {
            let mut owed = vec![
                (UpdateKind::NextRelease, Period::Month(month)),
                (UpdateKind::ThreeMonthVision, Period::Month(month)),
            ];
            if let Some(q) = okr_quarter {
                owed.push((UpdateKind::Okrs, Period::Quarter(q)));
            }
            for (kind, period) in owed {
                due_updates.push(update_due(&updates, Some(p.id), kind, period, release));
            }
        }

        let my_links: &[&CustomerLink] =
            links_by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
        let mut customers = Customers {
            check_ins: my_links
                .iter()
                .map(|l| check_ins.get(&l.id).copied().unwrap_or(0))
                .sum(),
            links_active: 0,
            without_check_in: Vec::new(),
        };
        let mut quiet = Vec::new();
        for l in my_links
            .iter()
            .filter(|l| active_in(l.since, l.archived_on, month))
        {
            customers.links_active += 1;
            if !check_ins.contains_key(&l.id) {
                quiet.push(l);
            }
        }
        quiet.sort_by_key(|l| (validate::key(&l.team), validate::key(&l.category), l.id));
        customers.without_check_in = quiet
            .into_iter()
            .map(|l| LinkRef {
                link_id: l.id,
                team: l.team.clone(),
                category: l.category.clone(),
            })
            .collect();

        let my_wins = wins_by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
        let noted_in_month: Vec<WinNoted> = my_wins
            .iter()
            .filter(|w| in_month(w.noted_on))
            .map(|w| WinNoted {
                win_id: w.id,
                noted_on: w.noted_on,
                text: w.text.clone(),
                shared_on: w.shared_on,
                shared_where: w.shared_where.clone(),
            })
            .collect();
        let wins_out = Wins {
            noted: noted_in_month.len() as u32,
            shared: my_wins
                .iter()
                .filter(|w| w.shared_on.is_some_and(in_month))
                .count() as u32,
            noted_in_month,
        };

        let mut coaching_tags: Vec<TagCount> = tags
            .get(&p.id)
            .map(|t| {
                t.iter()
                    .map(|(tag, count)| TagCount {
                        tag: tag.clone(),
                        count: *count,
                    })
                    .collect()
            })
            .unwrap_or_default();
        coaching_tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));

        let overdue_at_month_end = Rule::ALL
            .into_iter()
            .filter(|rule| rule.is_personal())
            .map(|rule| RuleCount {
                rule,
                count: overdue_counts.get(&(p.id, rule)).copied().unwrap_or(0),
            })
            .collect();

        let my_cdf = cdf_by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
        let focus_areas = if notes {
            cdf::latest_on(conn, p.id, last)?.map(|r| FocusAreas {
                cdf_review_id: r.id,
                date: r.date,
                focus: r.focus,
            })
        } else {
            None
        };
        let person_notes = notes.then(|| PersonNotes {
            one_on_ones: dates
                .iter()
                .map(|o| OneOnOneNotes {
                    date: o.date,
                    status: o.status,
                    notes: o.notes.clone(),
                })
                .collect(),
            open_items: sorted_texts(
                mine.iter().filter(|i| open_at_end(i)).copied(),
                |i| (i.opened_on, i.id),
                last,
            ),
            closed_items: sorted_texts(
                mine.iter().filter(|i| closed_in_month(i)).copied(),
                |i| (i.closed_on.unwrap_or(i.opened_on), i.id),
                last,
            ),
            focus_areas,
            cdf_review_notes: my_cdf
                .iter()
                .map(|r| CdfReviewNotes {
                    cdf_review_id: r.id,
                    date: r.date,
                    focus: r.focus.clone(),
                    notes: r.notes.clone(),
                    link: r.link.clone(),
                })
                .collect(),
        });

        let mut person = PersonMonth {
            person_id: p.id,
            name: p.name.clone(),
            since: p.since,
            archived_on: p.archived_on,
            active_from,
            active_to,
            one_on_ones: one,
            coaching_tags,
            requests,
            actions,
            updates: due_updates,
            customers,
            wins: wins_out,
            interviews: interviews_by_person.get(&p.id).copied().unwrap_or(0),
            agenda_balance: AgendaBalance::of(mine.iter().copied(), first, last),
            cdf_reviews: my_cdf.len() as u32,
            career_conversations: tags
                .get(&p.id)
                .and_then(|t| t.get(&career_key))
                .copied()
                .unwrap_or(0),
            skip_level_reports: skip_level_reports.get(&p.id).copied().unwrap_or(0),
            overdue_at_month_end,
            coverage: Vec::new(),
            notes: person_notes,
        };
        person.coverage = Practice::all()
            .map(|practice| PracticeGrade {
                practice,
                grade: grade(&person, practice),
            })
            .collect();
        people_out.push(person);
    }

    let portfolio_direction = (release >= settings.tracking_since).then(|| {
        update_due(
            &updates,
            None,
            UpdateKind::PortfolioDirection,
            Period::Month(month),
            release,
        )
    });

    let mut walks = walkthroughs::list(conn, Some(first), Some(last))?;
    walks.sort_by_key(|w| (w.date, w.id));
    let mut stages: BTreeMap<String, String> = BTreeMap::new();
    for w in &walks {
        for s in &w.stages {
            stages
                .entry(validate::key(s))
                .or_insert_with(|| s.trim().to_string());
        }
    }
    let walkthroughs_out = walks
        .into_iter()
        .map(|w| WalkthroughMonth {
            walkthrough_id: w.id,
            date: w.date,
            title: w.title,
            stages: w.stages,
            findings: notes.then_some(w.findings),
        })
        .collect();

    let milestones_out = milestones::between(conn, first, month.next().last_day())?
        .into_iter()
        .map(|m| MilestoneMonth {
            milestone_id: m.id,
            date: m.date,
            title: m.title,
            release: m.release.map(|v| v.to_string()),
            stages: m.stages,
            link: m.link,
        })
        .collect();

    let requisitions = hiring::list_requisitions(conn, true)?;
    let reference = |r: &crate::model::Requisition| RequisitionRef {
        requisition_id: r.id,
        title: r.title.clone(),
        opened_on: r.opened_on,
        closed_on: r.closed_on,
    };
    let mut open_reqs: Vec<_> = requisitions
        .iter()
        .filter(|r| r.opened_on <= last && r.closed_on.is_none_or(|c| c > last))
        .collect();
    open_reqs.sort_by_key(|r| (r.opened_on, r.id));
    let mut filled: Vec<_> = requisitions
        .iter()
        .filter(|r| {
            r.status == RequisitionStatus::Filled
                && r.closed_on.is_some_and(|c| first <= c && c <= last)
        })
        .collect();
    filled.sort_by_key(|r| (r.closed_on, r.id));

    let skip_levels = skip_levels(&everyone, &one_on_ones, last);

    Ok(Summary {
        month,
        first_day: first,
        last_day: last,
        release_day: release,
        okr_quarter,
        tracking_since: settings.tracking_since,
        includes_notes: notes,
        generated_on: options.generated_on,
        people: people_out,
        leader: LeaderMonth {
            portfolio_direction,
            walkthroughs: walkthroughs_out,
            stages_covered: stages.into_values().collect(),
            milestones: milestones_out,
            hiring: Hiring {
                open_at_end: open_reqs.into_iter().map(reference).collect(),
                filled: filled.into_iter().map(reference).collect(),
                interviews,
            },
            skip_levels,
            overdue_at_month_end: overdue,
        },
    })
}

/// Skip-levels held in the month (see [`SkipLevels`]): per person active on
/// `last` with skip-level reports active on it, the held 1:1s of the month
/// with those reports. `people` is everyone, `one_on_ones` the month's 1:1s.
fn skip_levels(
    people: &[Person],
    one_on_ones: &HashMap<PersonId, Vec<OneOnOneRow>>,
    last: NaiveDate,
) -> Vec<SkipLevels> {
    let mut reports: HashMap<PersonId, Vec<&Person>> = HashMap::new();
    for r in people.iter().filter(|r| r.is_active_on(last)) {
        if let Some(m) = r.reports_to {
            reports.entry(m).or_default().push(r);
        }
    }
    let mut out: Vec<(String, SkipLevels)> = people
        .iter()
        .filter(|m| m.is_active_on(last))
        .filter_map(|m| {
            let theirs = reports.get(&m.id)?;
            let held: Vec<u32> = theirs
                .iter()
                .map(|r| {
                    one_on_ones.get(&r.id).map_or(0, |os| {
                        os.iter()
                            .filter(|o| o.status == OneOnOneStatus::Held)
                            .count() as u32
                    })
                })
                .collect();
            Some((
                validate::key(&m.name),
                SkipLevels {
                    person_id: m.id,
                    name: m.name.clone(),
                    reports: theirs.len() as u32,
                    reports_met: held.iter().filter(|n| **n > 0).count() as u32,
                    held: held.iter().sum(),
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| (&a.0, a.1.person_id).cmp(&(&b.0, b.1.person_id)));
    out.into_iter().map(|(_, s)| s).collect()
}

/// Active in the month, as a person or a link: `since ≤` its last day and
/// not archived on or before its first day.
fn active_in(since: NaiveDate, archived_on: Option<NaiveDate>, month: Month) -> bool {
    since <= month.last_day() && archived_on.is_none_or(|a| a > month.first_day())
}

/// The outcome of the update of (`person`, `kind`, `period`) due on `due`.
pub(crate) fn update_due(
    updates: &[Update],
    person: Option<PersonId>,
    kind: UpdateKind,
    period: Period,
    due: NaiveDate,
) -> UpdateDue {
    let same: Vec<&Update> = updates
        .iter()
        .filter(|u| u.person_id == person && u.kind == kind && u.period == period)
        .collect();
    let earliest = same
        .iter()
        .filter(|u| u.status == UpdateStatus::Done)
        .filter_map(|u| u.done_on.map(|d| (d, u.id, u)))
        .min_by_key(|(d, id, _)| (*d, *id))
        .map(|(_, _, u)| *u);
    let link = earliest.and_then(|u| u.link.clone()).or_else(|| {
        same.iter()
            .filter(|u| u.link.is_some())
            .max_by_key(|u| u.id)
            .and_then(|u| u.link.clone())
    });
    let done_on = earliest.and_then(|u| u.done_on);
    UpdateDue {
        kind,
        period,
        due,
        outcome: match done_on {
            Some(d) if d <= due => Outcome::DoneOnTime,
            Some(_) => Outcome::DoneLate,
            None => Outcome::Missing,
        },
        done_on,
        link,
    }
}

/// Item texts for the notes, as they stood at the end of `last` (a closure
/// after the month is not shown).
pub(crate) fn sorted_texts<'a, K: Ord>(
    items: impl Iterator<Item = &'a AgendaItem>,
    key: impl Fn(&AgendaItem) -> K,
    last: NaiveDate,
) -> Vec<ItemText> {
    let mut items: Vec<&AgendaItem> = items.collect();
    items.sort_by_key(|i| key(i));
    items
        .into_iter()
        .map(|i| {
            let closed = i.closed_on.filter(|c| *c <= last);
            ItemText {
                item_id: i.id,
                open_tag: i.open_tag,
                text: i.text.clone(),
                opened_on: i.opened_on,
                close_tag: closed.and(i.close_tag),
                closed_on: closed,
            }
        })
        .collect()
}

/// The overdue list at month end (see [`build`]).
fn month_end(conn: &Connection, settings: &Settings, month: Month) -> Result<Overdue> {
    let last = month.last_day();
    let as_of = month.next().first_day();
    let mut records = Records::load(conn, last)?;
    freeze(&mut records, last, as_of);
    let states = nudge_state::all(conn)?;
    let items: Vec<OverdueItem> = nudges::review(&records, settings, as_of)
        .into_iter()
        .filter(|n| n.is_overdue())
        .map(|n| OverdueItem {
            hidden: nudges::is_hidden(states.get(&n.key), as_of),
            key: n.key,
            rule: n.rule,
            person_id: n.person_id,
            person: n.person,
            due: n.due,
            overdue_days: n.overdue_days,
            message: n.message,
        })
        .collect();
    let by_rule: Vec<RuleCount> = Rule::ALL
        .iter()
        .map(|&rule| RuleCount {
            rule,
            count: items.iter().filter(|n| n.rule == rule).count() as u32,
        })
        .collect();
    Ok(Overdue {
        as_of,
        records_as_of: last,
        total: items.len() as u32,
        by_rule,
        items,
    })
}

/// Turns a snapshot loaded as of `end` into one that [`nudges::review`] can
/// read on the later day `as_of` with the same meaning: the records as they
/// stood at the end of `end`.
///
/// [`Records::load`] already leaves out what is dated after `end` among the
/// records it aggregates (1:1s, check-ins, interviews, walkthroughs, done
/// updates, items opened, wins noted). The review then compares the rest
/// with its own `as_of`, so every date after `end` that it would read is
/// undone here: people, links and requisitions that start after `end` are
/// dropped; archiving, closing and sharing after `end` is cleared.
fn freeze(records: &mut Records, end: NaiveDate, as_of: NaiveDate) {
    let after = |d: Option<NaiveDate>| d.filter(|d| *d <= end);
    records.people.retain(|p| p.since <= end);
    for p in &mut records.people {
        p.archived_on = after(p.archived_on);
    }
    records.links.retain(|l| l.since <= end);
    for l in &mut records.links {
        l.archived_on = after(l.archived_on);
    }
    records.requisitions.retain(|r| r.opened_on <= end);
    for r in &mut records.requisitions {
        if r.closed_on.is_some_and(|c| c > end) {
            r.closed_on = None;
            r.status = RequisitionStatus::Open;
        }
    }
    for i in &mut records.items {
        if i.closed_on.is_some_and(|c| c > end) {
            i.closed_on = None;
            i.close_tag = None;
            i.closed_in = None;
        }
    }
    for w in &mut records.wins {
        if w.shared_on.is_some_and(|s| s > end) {
            w.shared_on = None;
            w.shared_where = None;
        }
    }
    records.as_of = as_of;
}

struct OneOnOneRow {
    person_id: PersonId,
    date: NaiveDate,
    status: OneOnOneStatus,
    notes: String,
}

/// The month's 1:1s per person, by date (notes only when asked for).
///
/// `CROSS JOIN` keeps SQLite on the person-first plan (one index range per
/// person) instead of scanning every 1:1 of the history.
fn load_one_on_ones(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
    notes: bool,
) -> Result<HashMap<PersonId, Vec<OneOnOneRow>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.person_id, o.date, o.status, CASE WHEN ?3 THEN o.notes ELSE '' END
         FROM person p CROSS JOIN one_on_one o ON o.person_id = p.id
         WHERE o.date BETWEEN ?1 AND ?2
         ORDER BY o.person_id, o.date, o.id",
    )?;
    let mut out: HashMap<PersonId, Vec<OneOnOneRow>> = HashMap::new();
    let rows = stmt.query_map(params![first, last, notes], |r| {
        Ok(OneOnOneRow {
            person_id: r.get(0)?,
            date: r.get(1)?,
            status: r.get(2)?,
            notes: r.get(3)?,
        })
    })?;
    for row in rows {
        let row = row?;
        out.entry(row.person_id).or_default().push(row);
    }
    Ok(out)
}

/// Coaching tags of the month's held 1:1s per person, lower-cased, counted.
fn load_tags(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<PersonId, BTreeMap<String, u32>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.person_id, t.name
         FROM person p CROSS JOIN one_on_one o ON o.person_id = p.id AND o.status = 'held'
              CROSS JOIN one_on_one_tag t ON t.one_on_one_id = o.id
         WHERE o.date BETWEEN ?1 AND ?2",
    )?;
    let mut out: HashMap<PersonId, BTreeMap<String, u32>> = HashMap::new();
    let rows = stmt.query_map(params![first, last], |r| {
        Ok((r.get::<_, PersonId>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (p, tag) = row?;
        *out.entry(p)
            .or_default()
            .entry(validate::key(&tag))
            .or_default() += 1;
    }
    Ok(out)
}

/// Updates of the month's period (and of the quarter starting in it), by id.
fn load_updates(
    conn: &Connection,
    month: Month,
    quarter: Option<FiscalQuarter>,
) -> Result<Vec<Update>> {
    let month_text = month.to_string();
    let quarter_text = quarter.map_or_else(|| month_text.clone(), |q| q.to_string());
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.person_id, u.kind, u.period, u.status, u.done_on, u.link, u.objectives
         FROM person p CROSS JOIN accountability_update u
              ON u.person_id = p.id AND u.kind IN ('next_release', 'three_month_vision', 'okrs')
                 AND u.period IN (?1, ?2)
         UNION ALL
         SELECT id, person_id, kind, period, status, done_on, link, objectives
         FROM accountability_update
         WHERE person_id IS NULL AND kind = 'portfolio_direction' AND period = ?1
         ORDER BY 1",
    )?;
    let out = stmt
        .query_map(
            params![month_text, quarter_text],
            crate::store::updates::from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Check-ins dated in the month, per link.
fn load_check_in_counts(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<HashMap<LinkId, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, count(*) FROM customer_link l
         JOIN check_in c ON c.link_id = l.id AND c.date BETWEEN ?1 AND ?2
         GROUP BY l.id",
    )?;
    let rows = stmt.query_map(params![first, last], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Interviews dated in the month: how many, and how many per person of
/// the team among the interviewers.
fn load_interviews(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<(u32, HashMap<PersonId, u32>)> {
    let total: u32 = conn
        .prepare_cached("SELECT count(*) FROM interview WHERE date BETWEEN ?1 AND ?2")?
        .query_row(params![first, last], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT iv.person_id, count(DISTINCT i.id) FROM interview i
         JOIN interviewer iv ON iv.interview_id = i.id
         WHERE i.date BETWEEN ?1 AND ?2 AND iv.person_id IS NOT NULL
         GROUP BY iv.person_id",
    )?;
    let rows = stmt.query_map(params![first, last], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((total, rows.collect::<rusqlite::Result<_>>()?))
}
