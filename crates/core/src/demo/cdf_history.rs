//! CDF reviews: every two to three months per tracked PM, each with one to
//! three focus areas (one often carried over from the last review), private
//! notes and, for most, a link to the review sheet.

use chrono::NaiveDate;

use super::days::{business_day, plus};
use super::rng::{Rng, Stream};
use super::text::{
    fill_in, CDF_CLOSINGS, CDF_FOCUS_IC, CDF_FOCUS_MANAGER, CDF_OPENINGS, CDF_PROGRESS,
    CDF_STRENGTHS,
};
use super::world::World;
use super::DemoReport;
use crate::error::Result;
use crate::model::{CdfReviewInput, Level};
use crate::store::cdf;

/// The days of `idx`'s reviews between `base` and `end`: the first within
/// the cycle the history starts in (or two to three months after joining),
/// then every 60 to 85 days, so none is overdue; where the review slipped
/// (the plant), one review over three months ago and none since.
fn review_days(w: &World<'_>, idx: usize, base: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let p = &w.team[idx];
    let mut rng = Rng::new(w.seed, Stream::CdfReviews, idx);
    if p.plant.overdue_cdf {
        let day = business_day(plus(w.today, -rng.range(98, 106))).max(base);
        return if day <= end { vec![day] } else { Vec::new() };
    }
    let joined = p.since >= w.start;
    let mut day = business_day(plus(
        base,
        if joined {
            rng.range(55, 80)
        } else {
            rng.range(3, 35)
        },
    ));
    let mut days = Vec::new();
    while day <= end {
        days.push(day);
        day = business_day(plus(day, rng.range(60, 85)));
    }
    days
}

pub(super) fn cdf_reviews(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    // Text comes from its own stream, so the days stay put when it changes.
    let mut rng = Rng::new(w.seed, Stream::CdfReviews, idx + 1_000_000);
    let pool = if p.level == Level::Ic {
        CDF_FOCUS_IC
    } else {
        CDF_FOCUS_MANAGER
    };
    let mut previous: Vec<String> = Vec::new();
    for day in review_days(w, idx, base, end) {
        let vars = w.vars(idx, day, &mut rng);
        // One to three areas; one of the last review's often stays.
        let wanted = rng.weighted(&[(1, 20), (2, 50), (3, 30)]);
        let mut focus: Vec<String> = Vec::new();
        if !previous.is_empty() && rng.percent(45) {
            focus.push(rng.pick(&previous).clone());
        }
        let mut guard = 0;
        while focus.len() < wanted && guard < 20 {
            guard += 1;
            let area = fill_in(rng.line(pool), &vars);
            if !focus.contains(&area) && !previous.contains(&area) {
                focus.push(area);
            }
        }
        let mut notes = vec![fill_in(rng.line(CDF_OPENINGS), &vars)];
        if let Some(last) = previous.first() {
            let progress = fill_in(rng.line(CDF_PROGRESS), &vars);
            notes.push(format!(
                "**Since the last review** ({})\n- {progress}",
                area_name(last)
            ));
        }
        notes.push(format!(
            "**Strengths**\n- {}",
            fill_in(rng.line(CDF_STRENGTHS), &vars)
        ));
        notes.push(fill_in(rng.line(CDF_CLOSINGS), &vars));
        let link = rng.percent(70).then(|| review_sheet(&mut rng));
        cdf::insert(
            w.tx,
            &CdfReviewInput {
                person_id: pid,
                date: day,
                focus: focus.clone(),
                notes: notes.join("\n\n"),
                link,
            },
        )?;
        report.records.cdf_reviews += 1;
        previous = focus;
    }
    Ok(())
}

/// The competency a focus area is about: its words before the colon.
fn area_name(focus: &str) -> &str {
    focus.split(':').next().unwrap_or(focus).trim()
}

/// A link to the review's CDF sheet (a made-up document id).
fn review_sheet(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    let id: String = (0..44)
        .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
        .collect();
    format!("https://docs.google.com/spreadsheets/d/{id}/edit")
}
