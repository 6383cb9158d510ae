//! Each person's 1:1s with their notes, and the living agenda raised and
//! closed in them.

use chrono::{Datelike, NaiveDate};

use super::cdf_history::cdf_reviews;
use super::customer_history::internal_customers;
use super::days::{business_day, days_between, on_or_after_weekday, plus};
use super::rng::{Rng, Stream};
use super::text::{
    fill_in, Topic, CANCELLED, CAREER_CONVERSATIONS, HOLIDAY, ITEMS_DISCUSS, ITEMS_DOTO,
    ITEMS_HELP, ITEMS_REVIEW, ITEMS_THINK, ITEMS_TODO, NEXT_TIME, ONBOARDING, ONBOARDING_ITEMS,
    OPENERS, SKIPPED, TOPICS,
};
use super::update_history::person_updates;
use super::win_history::person_wins;
use super::world::World;
use super::DemoReport;
use crate::calendar::{self};
use crate::error::Result;
use crate::model::{
    AgendaItemId, AgendaItemInput, CloseTag, OneOnOneInput, OneOnOneStatus, OpenTag, RaisedBy,
    Timing,
};
use crate::store::{agenda, one_on_ones, people};

pub(super) fn person_history(w: &World<'_>, idx: usize, report: &mut DemoReport) -> Result<()> {
    let p = &w.team[idx];
    if let Some((base, end)) = w.window(p) {
        one_on_ones_and_agenda(w, idx, base, end, report)?;
        if p.tracked {
            person_updates(w, idx, base, end, report)?;
            internal_customers(w, idx, base, end, report)?;
            person_wins(w, idx, base, end, report)?;
            cdf_reviews(w, idx, base, end, report)?;
        }
    }
    if let Some(a) = p.archived_on {
        people::archive(w.tx, w.ids[idx], a)?;
    }
    Ok(())
}

/// The days by which a tracked person's career conversations are planned
/// (held in the first held 1:1 on or after each), about twice a year, and
/// the stream that words them. Someone who joined has the first within
/// their first two months; where the plant says so, none in the last half
/// year.
fn career_days(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
) -> (Vec<NaiveDate>, Rng) {
    let p = &w.team[idx];
    let mut rng = Rng::new(w.seed, Stream::Careers, idx);
    let mut days = Vec::new();
    if !p.tracked {
        return (days, rng);
    }
    let latest = if p.plant.no_career {
        end.min(plus(w.today, -190))
    } else {
        end
    };
    let joined = p.since >= w.start;
    let mut day = plus(
        base,
        if joined {
            rng.range(30, 60)
        } else {
            rng.range(7, 120)
        },
    );
    while day <= latest {
        days.push(day);
        day = plus(day, rng.range(150, 180));
    }
    (days, rng)
}

/// How an agenda item ends.
#[derive(Debug, Clone, Copy)]
pub(super) enum Fate {
    /// Closed in the 1:1 that raised it.
    Now(CloseTag),
    /// Closed in the n-th held 1:1 after the one that raised it.
    Later(usize, CloseTag),
    /// Closed between 1:1s on that day.
    On(NaiveDate, CloseTag),
}

pub(super) struct Pending {
    pub(super) id: AgendaItemId,
    /// The held 1:1 (counted from 0) that closes it.
    pub(super) at: usize,
    pub(super) tag: CloseTag,
}

pub(super) fn status_for(rng: &mut Rng, d: NaiveDate) -> OneOnOneStatus {
    let holiday = (d.month() == 12 && d.day() >= 22) || (d.month() == 1 && d.day() <= 2);
    if holiday && rng.percent(70) {
        if rng.percent(50) {
            OneOnOneStatus::Cancelled
        } else {
            OneOnOneStatus::Skipped
        }
    } else {
        match rng.below(100) {
            0..=5 => OneOnOneStatus::Skipped,
            6..=10 => OneOnOneStatus::Cancelled,
            _ => OneOnOneStatus::Held,
        }
    }
}

pub(super) fn one_on_ones_and_agenda(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::OneOnOnes, idx);
    let cadence = if p.tracked {
        p.cadence.unwrap_or(w.settings.one_on_one_every_days)
    } else {
        28
    };
    let cadence = i64::from(cadence.max(1));

    // The schedule: the person's weekday, every `cadence` days, now and then
    // a day late.
    let mut dates = Vec::new();
    let mut d = on_or_after_weekday(base, p.weekday);
    while d <= end {
        let late = plus(d, 1);
        dates.push(if cadence >= 3 && late <= end && rng.percent(12) {
            late
        } else {
            d
        });
        d = plus(d, cadence);
    }
    let mut statuses: Vec<OneOnOneStatus> =
        dates.iter().map(|d| status_for(&mut rng, *d)).collect();
    let n = dates.len();
    let joined = p.since >= w.start;
    if joined && n > 0 {
        statuses[0] = OneOnOneStatus::Held;
    }
    if p.archived_on.is_some() && n > 0 {
        statuses[n - 1] = OneOnOneStatus::Held;
    }
    if p.plant.overdue_one_on_one && n >= 3 {
        statuses[n - 3] = OneOnOneStatus::Held;
        statuses[n - 2] = OneOnOneStatus::Skipped;
        statuses[n - 1] = OneOnOneStatus::Cancelled;
    }
    let held: Vec<usize> = (0..n)
        .filter(|i| statuses[*i] == OneOnOneStatus::Held)
        .collect();
    let last_held = held.last().copied();
    let latest_held_by = |day: NaiveDate| held.iter().rev().copied().find(|i| dates[*i] <= day);
    let plant_action_at = p
        .plant
        .overdue_action
        .and_then(|_| latest_held_by(plus(w.today, -8)));
    let plant_help_at = if p.plant.open_help {
        latest_held_by(plus(w.today, -5))
    } else {
        None
    };

    let (career_days, mut career_rng) = career_days(w, idx, base, end);
    let mut careers = career_days.into_iter().peekable();

    let mut pending: Vec<Pending> = Vec::new();
    let mut held_no = 0usize;
    for (pos, (&date, &status)) in dates.iter().zip(&statuses).enumerate() {
        let mut vars = w.vars(idx, date, &mut rng);
        if status != OneOnOneStatus::Held {
            let holiday =
                (date.month() == 12 && date.day() >= 22) || (date.month() == 1 && date.day() <= 2);
            let pool = if holiday {
                HOLIDAY
            } else if status == OneOnOneStatus::Skipped {
                SKIPPED
            } else {
                CANCELLED
            };
            one_on_ones::insert(
                w.tx,
                &OneOnOneInput {
                    person_id: pid,
                    date,
                    status,
                    notes: fill_in(rng.line(pool), &vars),
                    tags: Vec::new(),
                },
            )?;
            report.records.one_on_ones += 1;
            continue;
        }

        let leaving = p.archived_on.is_some() && Some(pos) == last_held;
        let first_of_joiner = joined && pos == 0;
        let carried = pending.len();
        let closing: Vec<Pending> = if leaving {
            std::mem::take(&mut pending)
        } else {
            let (now, later): (Vec<Pending>, Vec<Pending>) =
                pending.into_iter().partition(|it| it.at <= held_no);
            pending = later;
            now
        };
        let new_items = if leaving || !p.tracked {
            0
        } else if first_of_joiner {
            ONBOARDING_ITEMS.len()
        } else {
            rng.weighted(&[(0, 22), (1, 40), (2, 28), (3, 10)])
        };

        // A career conversation when one is planned by now (not in a first
        // or last 1:1).
        let career = if !leaving && !first_of_joiner && careers.peek().is_some_and(|c| *c <= date) {
            while careers.next_if(|c| *c <= date).is_some() {}
            Some(fill_in(career_rng.line(CAREER_CONVERSATIONS), &vars))
        } else {
            None
        };
        let (notes, tags) = held_notes(
            w,
            idx,
            date,
            &mut rng,
            &vars,
            career,
            NotesShape {
                carried,
                closing: closing.len(),
                added: new_items,
                first_of_joiner,
                leaving,
            },
        );
        let o = one_on_ones::insert(
            w.tx,
            &OneOnOneInput {
                person_id: pid,
                date,
                status,
                notes,
                tags,
            },
        )?;
        report.records.one_on_ones += 1;

        for it in closing {
            let tag = if leaving { CloseTag::Move } else { it.tag };
            agenda::close(w.tx, it.id, tag, date, Some(o.id))?;
        }
        for k in 0..new_items {
            // Fresh picks per item: a category, a team…
            vars = w.vars(idx, date, &mut rng);
            let onboarding = ONBOARDING_ITEMS.get(k).filter(|_| first_of_joiner);
            let (tag, raised, text, timing, fate) = match onboarding {
                Some(&(tag, raised, text)) => {
                    let fate = Fate::Later(1 + k % 3, CloseTag::Done);
                    (tag, raised, fill_in(text, &vars), None, fate)
                }
                None => new_item(w, &mut rng, date, &vars),
            };
            let id = agenda::insert(
                w.tx,
                &AgendaItemInput {
                    person_id: pid,
                    text,
                    open_tag: tag,
                    timing,
                    raised_by: raised,
                    opened_on: date,
                    opened_in: Some(o.id),
                },
            )?
            .id;
            report.records.agenda_items += 1;
            match fate {
                Fate::Now(t) => {
                    agenda::close(w.tx, id, t, date, Some(o.id))?;
                }
                Fate::Later(k, t) => pending.push(Pending {
                    id,
                    at: held_no + k,
                    tag: t,
                }),
                Fate::On(day, t) if day <= end => {
                    agenda::close(w.tx, id, t, day, None)?;
                }
                Fate::On(_, t) => pending.push(Pending {
                    id,
                    at: held_no + 1,
                    tag: t,
                }),
            }
        }

        // Left for the nudges: an action past its timing, an unanswered request.
        let planted: Option<(OpenTag, RaisedBy, &str, Option<Timing>)> =
            match p.plant.overdue_action {
                Some(OpenTag::Doto) if plant_action_at == Some(pos) => Some((
                    OpenTag::Doto,
                    RaisedBy::Person,
                    "Get the {group} headcount ask onto the staff meeting agenda",
                    Some(Timing::Date(plus(date, 4))),
                )),
                Some(tag) if plant_action_at == Some(pos) => Some((
                    tag,
                    RaisedBy::Leader,
                    "Send the {category} research synthesis to the {stage} EMs",
                    Some(Timing::Date(plus(date, 5))),
                )),
                _ if plant_help_at == Some(pos) => Some((
                    OpenTag::Help,
                    RaisedBy::Person,
                    "Need your read on the {category} escalation before I reply to {customer}",
                    None,
                )),
                _ => None,
            };
        if let Some((tag, raised, text, timing)) = planted {
            agenda::insert(
                w.tx,
                &AgendaItemInput {
                    person_id: pid,
                    text: fill_in(text, &vars),
                    open_tag: tag,
                    timing,
                    raised_by: raised,
                    opened_on: date,
                    opened_in: Some(o.id),
                },
            )?;
            report.records.agenda_items += 1;
        }
        held_no += 1;
    }
    Ok(())
}

/// A new item of the living agenda raised in a 1:1 on `date`.
pub(super) fn new_item(
    w: &World<'_>,
    rng: &mut Rng,
    date: NaiveDate,
    vars: &[(&'static str, String)],
) -> (OpenTag, RaisedBy, String, Option<Timing>, Fate) {
    use CloseTag as C;
    let tag = rng.weighted(&[
        (OpenTag::Help, 18),
        (OpenTag::Todo, 30),
        (OpenTag::Doto, 18),
        (OpenTag::Discuss, 16),
        (OpenTag::Review, 10),
        (OpenTag::Think, 8),
    ]);
    let action_timing = |rng: &mut Rng| -> Option<Timing> {
        if !rng.percent(55) {
            None
        } else if rng.percent(60) {
            Some(Timing::Date(plus(date, rng.range(3, 21))))
        } else {
            w.release_timing(date, rng.below(2) as i32)
        }
    };
    let (pool, raised, timing, fate) = match tag {
        OpenTag::Help => {
            let timing = if rng.percent(15) {
                Some(Timing::Date(plus(date, rng.range(1, 5))))
            } else {
                None
            };
            let fate = if rng.percent(55) {
                let day = calendar::add_business_days(date, 1 + rng.below(2) as u32);
                Fate::On(day, *rng.pick(&[C::Thanks, C::Done, C::Why, C::Fyi]))
            } else {
                Fate::Later(1, *rng.pick(&[C::Thanks, C::Done, C::Fyi]))
            };
            (ITEMS_HELP, RaisedBy::Person, timing, fate)
        }
        OpenTag::Todo => {
            let raised = if rng.percent(50) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let timing = action_timing(rng);
            let later = rng.weighted(&[(1, 35), (2, 35), (3, 20), (4, 10)]);
            let close = rng.weighted(&[
                (C::Done, 75),
                (C::Wont, 8),
                (C::Move, 10),
                (C::Duplicate, 3),
                (C::Fyi, 4),
            ]);
            (ITEMS_TODO, raised, timing, Fate::Later(later, close))
        }
        OpenTag::Doto => {
            let raised = if rng.percent(60) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let timing = action_timing(rng);
            let fate = if rng.percent(30) {
                Fate::On(business_day(plus(date, rng.range(1, 6))), C::Done)
            } else {
                let close = rng.weighted(&[(C::Done, 70), (C::Sorry, 10), (C::Fyi, 20)]);
                Fate::Later(1 + rng.below(3), close)
            };
            (ITEMS_DOTO, raised, timing, fate)
        }
        OpenTag::Discuss => {
            let raised = if rng.percent(50) {
                RaisedBy::Person
            } else {
                RaisedBy::Leader
            };
            let close = rng.weighted(&[
                (C::Fyi, 40),
                (C::Done, 25),
                (C::Feedback, 20),
                (C::Idea, 15),
            ]);
            let fate = if rng.percent(30) {
                Fate::Now(close)
            } else {
                Fate::Later(1 + rng.below(2), close)
            };
            (ITEMS_DISCUSS, raised, None, fate)
        }
        OpenTag::Review => {
            let timing = if rng.percent(30) {
                Some(Timing::Date(plus(date, rng.range(2, 10))))
            } else {
                None
            };
            let close = if rng.percent(50) {
                C::Feedback
            } else {
                C::Done
            };
            (
                ITEMS_REVIEW,
                RaisedBy::Person,
                timing,
                Fate::Later(1 + rng.below(2), close),
            )
        }
        OpenTag::Think => {
            let close = rng.weighted(&[(C::Idea, 50), (C::Fyi, 25), (C::Wont, 25)]);
            (
                ITEMS_THINK,
                RaisedBy::Leader,
                None,
                Fate::Later(2 + rng.below(4), close),
            )
        }
    };
    let fate = match fate {
        Fate::On(day, t) if day > w.today => Fate::Later(1, t),
        f => f,
    };
    (tag, raised, fill_in(rng.line(pool), vars), timing, fate)
}

/// What the notes of a held 1:1 say about the living agenda and the moment.
#[derive(Debug, Clone, Copy)]
pub(super) struct NotesShape {
    pub(super) carried: usize,
    pub(super) closing: usize,
    pub(super) added: usize,
    pub(super) first_of_joiner: bool,
    pub(super) leaving: bool,
}

pub(super) fn held_notes(
    w: &World<'_>,
    idx: usize,
    date: NaiveDate,
    rng: &mut Rng,
    vars: &[(&'static str, String)],
    career: Option<String>,
    shape: NotesShape,
) -> (String, Vec<String>) {
    let p = &w.team[idx];
    let mut parts: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();

    if shape.first_of_joiner {
        parts.push(fill_in(
            "Welcome, {first}! First 1:1. Walked through how I run 1:1s: one living agenda that \
             we keep modifying (not a new doc each week), the hallway tags (HELP, TODO, DOTO…), \
             and the monthly update flow aligned to the releases.",
            vars,
        ));
    } else if shape.leaving {
        parts.push(fill_in(
            "Last 1:1 before {first} moves to a new team. Thanked {first} for the {group} work; \
             open items handed over.",
            vars,
        ));
        tags.push("career".to_string());
        tags.push("transition".to_string());
    } else if rng.percent(60) {
        parts.push(fill_in(rng.line(OPENERS), vars));
    }

    let recent_joiner = p.since >= w.start && days_between(p.since, date) <= 45;
    let mut chosen: Vec<&Topic> = Vec::new();
    if recent_joiner {
        chosen.push(&ONBOARDING);
    }
    let wanted = if shape.leaving {
        1
    } else {
        2 + usize::from(rng.percent(40))
    };
    let weights: Vec<(usize, usize)> = TOPICS
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.weight))
        .collect();
    let mut guard = 0;
    while chosen.len() < wanted && guard < 20 {
        guard += 1;
        let t = &TOPICS[rng.weighted(&weights)];
        if !chosen.iter().any(|c| c.heading == t.heading) {
            chosen.push(t);
        }
    }
    for t in chosen {
        if rng.percent(30) && t.lines.len() > 1 {
            let a = rng.below(t.lines.len());
            let b = (a + 1 + rng.below(t.lines.len() - 1)) % t.lines.len();
            parts.push(format!(
                "**{}**\n- {}\n- {}",
                t.heading,
                fill_in(t.lines[a], vars),
                fill_in(t.lines[b], vars)
            ));
        } else {
            parts.push(format!(
                "**{}**\n{}",
                t.heading,
                fill_in(rng.line(t.lines), vars)
            ));
        }
        if !tags.iter().any(|x| x == t.tag) {
            tags.push(t.tag.to_string());
        }
    }

    if let Some(section) = career {
        parts.push(section);
        if !tags.iter().any(|x| x == "career") {
            tags.push("career".to_string());
        }
    }

    if shape.carried + shape.added > 0 {
        let mut line = if shape.carried > 0 {
            match shape.carried {
                1 => "**Agenda**: went through the one open item".to_string(),
                n => format!("**Agenda**: went through the {n} open items"),
            }
        } else {
            "**Agenda**: nothing carried over".to_string()
        };
        if shape.closing > 0 {
            line.push_str(&format!("; {} ready to remove", shape.closing));
        }
        if shape.added > 0 {
            line.push_str(&format!("; {} new", shape.added));
        }
        line.push('.');
        parts.push(line);
    }
    if !shape.leaving && rng.percent(25) {
        parts.push(fill_in(rng.line(NEXT_TIME), vars));
    }
    (parts.join("\n\n"), tags)
}
