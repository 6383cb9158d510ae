//! Wins, most shared with leadership within a week.

use chrono::NaiveDate;

use super::days::{business_day, days_between, plus};
use super::rng::{Rng, Stream};
use super::team::Profile;
use super::text::{fill_in, SHARED_WHERE, WINS};
use super::world::World;
use super::DemoReport;
use crate::error::Result;
use crate::model::WinInput;
use crate::store::wins;

pub(super) fn person_wins(
    w: &World<'_>,
    idx: usize,
    base: NaiveDate,
    end: NaiveDate,
    report: &mut DemoReport,
) -> Result<()> {
    let p = &w.team[idx];
    let pid = w.ids[idx];
    let mut rng = Rng::new(w.seed, Stream::Wins, idx);
    let planted = if p.plant.unshared_win {
        Some(business_day(plus(w.today, -10)).max(base)).filter(|d| *d <= end)
    } else {
        None
    };
    let limit = planted.map_or(end, |d| plus(d, -1));
    let mut d = business_day(plus(base, rng.range(10, 45)));
    // Notes a win on `d`.
    let mut note = |rng: &mut Rng, d: NaiveDate| {
        let vars = w.vars(idx, d, rng);
        let text = fill_in(win_line(rng, p, d), &vars);
        report.records.wins += 1;
        wins::insert(w.tx, &WinInput::new(pid, d, text))
    };
    while d <= limit {
        let win = note(&mut rng, d)?;
        let lag = match rng.below(100) {
            0..=69 => rng.range(0, 3),
            70..=89 => rng.range(4, 6),
            _ => rng.range(8, 14),
        };
        let shared = business_day(plus(d, lag));
        let forgotten = days_between(d, w.today) <= 90 && rng.percent(3);
        if shared <= w.today && !forgotten {
            wins::share(w.tx, win.id, shared, Some(rng.line(SHARED_WHERE)))?;
        }
        d = business_day(plus(d, rng.range(25, 75)));
    }
    if let Some(d) = planted {
        note(&mut rng, d)?;
    }
    Ok(())
}

/// A win's text; newcomers do not mentor yet.
pub(super) fn win_line(rng: &mut Rng, p: &Profile, d: NaiveDate) -> &'static str {
    if days_between(p.since, d) < 180 {
        rng.line(&WINS[..WINS.len() - 1])
    } else {
        rng.line(WINS)
    }
}
