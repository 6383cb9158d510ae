//! Rule 4, `update`: each PM's monthly next-release and 3-month-vision
//! updates and quarterly OKRs, and the leader's monthly portfolio direction.

use chrono::NaiveDate;

use super::{when, Items, Raised, Review, Rule};
use crate::calendar::{self, FiscalQuarter, Month, Period};
use crate::model::{Person, PersonId, UpdateKind};
use crate::practice::base_start;

/// One update owed: whose, which kind and period, when due, and the
/// periods of that person and kind done by the day (sorted).
struct Owed<'a> {
    person: Option<&'a Person>,
    kind: UpdateKind,
    period: Period,
    due: NaiveDate,
    done: &'a [Period],
}

/// Per followed person, `next_release` and `three_month_vision` for each
/// month M (due on M's release day) and `okrs` for each fiscal quarter (due
/// on the release day of its first month), from `base_start` to the
/// horizon; per month from `tracking_since`, the leader's
/// `portfolio_direction`. An item for each one not done.
pub(super) fn update(r: &Review<'_>, out: &mut Items) {
    let settings = r.settings;
    let horizon = r.horizon();
    let release_day = |m: Month| calendar::release_day(m, settings.release_day);
    let fy = settings.fiscal_year_start_month;
    // (period, due) of the monthly updates and of the OKRs from `start`.
    let monthly =
        |start: NaiveDate| months(start, horizon).map(move |m| (Period::Month(m), release_day(m)));
    let quarterly = |start: NaiveDate| {
        std::iter::successors(Some(FiscalQuarter::containing(Month::of(start), fy)), |q| {
            Some(q.next())
        })
        .map(move |q| (Period::Quarter(q), release_day(q.first_month(fy))))
        .take_while(move |(_, due)| *due <= horizon)
    };
    for &p in &r.followed {
        let start = base_start(p, settings);
        for kind in [UpdateKind::NextRelease, UpdateKind::ThreeMonthVision] {
            owe_each(r, out, Some(p), kind, start, monthly(start));
        }
        owe_each(r, out, Some(p), UpdateKind::Okrs, start, quarterly(start));
    }
    let start = settings.tracking_since;
    let kind = UpdateKind::PortfolioDirection;
    owe_each(r, out, None, kind, start, monthly(start));
}

/// Adds an item for each (period, due) of `owed` due on or after `start`
/// whose update of `person` (`None`: the leader) and `kind` is not done.
/// The done periods are looked up once; each period is then a binary search
/// in them.
fn owe_each(
    r: &Review<'_>,
    out: &mut Items,
    person: Option<&Person>,
    kind: UpdateKind,
    start: NaiveDate,
    owed: impl Iterator<Item = (Period, NaiveDate)>,
) {
    let done = done(r, person.map(|p| p.id), kind);
    for (period, due) in owed.filter(|(_, due)| *due >= start) {
        owe(
            r,
            out,
            Owed {
                person,
                kind,
                period,
                due,
                done,
            },
        );
    }
}

/// Every month from the one of `from` to the one of `to`.
fn months(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = Month> {
    let last = Month::of(to);
    std::iter::successors(Some(Month::of(from)), |m| Some(m.next())).take_while(move |m| *m <= last)
}

/// The periods of a person's (or the leader's) updates of one kind done by
/// the day, sorted.
fn done<'a>(r: &Review<'a>, person: Option<PersonId>, kind: UpdateKind) -> &'a [Period] {
    r.records
        .done_updates
        .get(&(person, kind))
        .map_or(&[], Vec::as_slice)
}

/// Adds the item for an update owed, unless it is done.
fn owe(r: &Review<'_>, out: &mut Items, owed: Owed<'_>) {
    let Owed {
        person,
        kind,
        period,
        due,
        done,
    } = owed;
    if done.binary_search(&period).is_ok() {
        return;
    }
    let person_id = person.map(|p| p.id);
    let who = person.map_or("leader".to_string(), |p| p.id.to_string());
    let raised = Raised {
        rule: Rule::Update,
        key: format!("update:{who}:{}:{period}", kind.as_str()),
        person,
        owner: None,
        subject: kind.label().to_string(),
        period: Some(period.to_string()),
        due,
        record_id: r
            .records
            .open_updates
            .get(&(person_id, kind, period))
            .copied(),
    };
    out.push(raised, |due, days| match person {
        Some(p) => format!(
            "{}'s {} update for {period} is {} (due {due}).",
            p.name,
            match kind {
                UpdateKind::NextRelease => "next-release",
                UpdateKind::ThreeMonthVision => "3-month vision",
                UpdateKind::Okrs => "OKR",
                UpdateKind::PortfolioDirection => "portfolio direction",
            },
            when(days)
        ),
        None => format!(
            "Your portfolio direction for {period} is {} (due {due}).",
            when(days)
        ),
    });
}
