//! Date and period parsing (`coachlog_core::calendar`, `model::Timing`).
//!
//! The input is text. The whole of it, and each of its whitespace-separated
//! tokens, is given to every parser: `parse_date`, and the `FromStr` of
//! `Month`, `FiscalQuarter`, `Period`, `ReleaseDay`, `ReleaseVersion`,
//! `ReleaseAnchor` and `Timing`. Checked:
//!
//! - no parser panics; a refusal has a message;
//! - a value that parses prints (`Display`) as text that parses back to the
//!   same value, and prints the same again;
//! - serde (the form used in files and settings) agrees with `FromStr`;
//! - the values that parsed are then used as valid inputs of the
//!   arithmetic — `add_business_days` (with the numbers of the input, up to
//!   ten million business days), `release_day`, `version_month`,
//!   `version_release_date`, `month_version`, `FiscalQuarter::containing`,
//!   `first_month`, `Period::{months, first_day, last_day, contains}` — which
//!   must not panic and must agree with each other (see each check).
#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use coachlog_core::calendar::{
    self, FiscalQuarter, Month, Period, ReleaseAnchor, ReleaseDay, ReleaseVersion,
};
use coachlog_core::model::Timing;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;

/// The most business days added: ten million is some 38,000 years, so every
/// date of years 1000–9999 stays inside chrono's range (±262,000 years).
const MAX_BUSINESS_DAYS: u32 = 10_000_000;

#[derive(Default)]
struct Found {
    dates: Vec<NaiveDate>,
    months: Vec<Month>,
    quarters: Vec<FiscalQuarter>,
    periods: Vec<Period>,
    days: Vec<ReleaseDay>,
    versions: Vec<ReleaseVersion>,
    anchors: Vec<ReleaseAnchor>,
    numbers: Vec<u32>,
}

/// `FromStr` → `Display` → `FromStr` gives the same value, and the same text.
fn round_trip<T, E>(s: &str) -> Option<T>
where
    T: FromStr<Err = E> + Display + PartialEq + Debug,
    E: Display,
{
    match s.parse::<T>() {
        Ok(v) => {
            let shown = v.to_string();
            match shown.parse::<T>() {
                Ok(again) => {
                    assert_eq!(again, v, "{s:?} → {shown:?} parsed back differently");
                    assert_eq!(again.to_string(), shown, "{s:?}: Display is not stable");
                }
                Err(e) => panic!("{s:?} parsed as {v:?}, but its Display {shown:?} does not: {e}"),
            }
            Some(v)
        }
        Err(e) => {
            assert!(
                !e.to_string().trim().is_empty(),
                "{s:?}: empty error message"
            );
            None
        }
    }
}

/// serde (a JSON string) accepts exactly what `FromStr` accepts, as the same value.
fn serde_agrees<T>(s: &str, parsed: &Option<T>)
where
    T: DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::Value::String(s.to_string());
    let via_serde = serde_json::from_value::<T>(json).ok();
    assert_eq!(&via_serde, parsed, "{s:?}: serde and FromStr disagree");
}

fn try_all(s: &str, found: &mut Found) {
    match calendar::parse_date(s) {
        Ok(d) => {
            let shown = calendar::format_date(d);
            assert_eq!(calendar::parse_date(&shown), Ok(d), "{s:?} → {shown:?}");
            assert!(
                (1000..=9999).contains(&d.year()),
                "{s:?}: year out of range"
            );
            found.dates.push(d);
        }
        Err(e) => assert!(!e.0.trim().is_empty(), "{s:?}: empty error message"),
    }
    let m = round_trip::<Month, _>(s);
    serde_agrees(s, &m);
    found.months.extend(m);
    let q = round_trip::<FiscalQuarter, _>(s);
    serde_agrees(s, &q);
    found.quarters.extend(q);
    let p = round_trip::<Period, _>(s);
    serde_agrees(s, &p);
    // A period is a month or a quarter, whichever parses.
    let either = m.map(Period::Month).or(q.map(Period::Quarter));
    assert_eq!(
        p, either,
        "{s:?}: Period disagrees with Month / FiscalQuarter"
    );
    found.periods.extend(p);
    let r = round_trip::<ReleaseDay, _>(s);
    serde_agrees(s, &r);
    found.days.extend(r);
    let v = round_trip::<ReleaseVersion, _>(s);
    serde_agrees(s, &v);
    found.versions.extend(v);
    let a = round_trip::<ReleaseAnchor, _>(s);
    serde_agrees(s, &a);
    found.anchors.extend(a);
    if let Some(t) = round_trip::<Timing, _>(s) {
        match t {
            Timing::Date(d) => found.dates.push(d),
            Timing::Release(v) => found.versions.push(v),
        }
    }
    if let Ok(n) = s.trim().parse::<u32>() {
        found.numbers.push(n);
    }
}

/// The obvious definition, one day at a time (for small `n`).
fn naive_business_days(d: NaiveDate, n: u32) -> NaiveDate {
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().expect("in range");
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

fn check_business_days(d: NaiveDate, n: u32, m: u32) {
    let n = n % (MAX_BUSINESS_DAYS + 1);
    let m = m % (MAX_BUSINESS_DAYS + 1);
    let r = calendar::add_business_days(d, n);
    if n == 0 {
        assert_eq!(r, d);
    } else {
        assert!(r > d, "{d} + {n} business days = {r}, not after {d}");
        assert!(
            !matches!(r.weekday(), Weekday::Sat | Weekday::Sun),
            "{d} + {n} business days = {r}, a weekend"
        );
        // n business days take at least n calendar days, and at most a
        // week per five of them plus the rest and one weekend.
        let span = calendar::days_between(d, r);
        let most = i64::from(n / 5) * 7 + i64::from(n % 5) + 2;
        assert!(span >= i64::from(n) && span <= most, "{d} + {n} = {r}");
    }
    if n <= 64 {
        assert_eq!(r, naive_business_days(d, n), "{d} + {n} business days");
    }
    // Adding n then m is adding n + m.
    if n + m <= MAX_BUSINESS_DAYS {
        assert_eq!(
            calendar::add_business_days(r, m),
            calendar::add_business_days(d, n + m),
            "{d} + {n} + {m} business days"
        );
    }
}

fn check_release_day(m: Month, rule: ReleaseDay) {
    let day = calendar::release_day(m, rule);
    assert!(m.contains(day), "release day {day} of {m} is not in it");
    match rule {
        ReleaseDay::ThirdThursday => {
            assert_eq!(day.weekday(), Weekday::Thu, "{m}: {day}");
            assert!((15..=21).contains(&day.day()), "{m}: {day}");
        }
        ReleaseDay::Fixed(n) => {
            let last = m.last_day().day();
            assert_eq!(day.day(), u32::from(n).clamp(1, last), "{m} day {n}: {day}");
        }
    }
}

fn check_quarter(q: FiscalQuarter, fy: u32) {
    let months = q.months(fy);
    assert_eq!(months[1], months[0].next());
    assert_eq!(months[2], months[1].next());
    for m in months {
        assert_eq!(
            FiscalQuarter::containing(m, fy),
            q,
            "{m} with FY start {fy}"
        );
    }
    let p = Period::Quarter(q);
    assert_eq!(p.months(fy), months.to_vec());
    let (first, last) = (p.first_day(fy), p.last_day(fy));
    assert_eq!(first, months[0].first_day());
    assert_eq!(last, months[2].last_day());
    assert!(p.contains(first, fy) && p.contains(last, fy));
    if let Some(before) = first.pred_opt() {
        assert!(!p.contains(before, fy));
    }
    if let Some(after) = last.succ_opt() {
        assert!(!p.contains(after, fy));
    }
    assert_eq!(q.next().first_month(fy), months[2].next(), "{q} next");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        // The parsers take &str; the lossy text still must not break them.
        try_all(&String::from_utf8_lossy(data), &mut Found::default());
        return;
    };
    let mut found = Found::default();
    try_all(text, &mut found);
    for token in text.split_whitespace().take(16) {
        try_all(token, &mut found);
    }

    // Fiscal years start in a month 1..=12: the numbers of the input that
    // are month numbers, else February (the default setting).
    let mut fys: Vec<u32> = found.numbers.iter().map(|n| n % 12 + 1).take(3).collect();
    if fys.is_empty() {
        fys.push(2);
    }
    let numbers: Vec<u32> = if found.numbers.is_empty() {
        vec![0, 1, 7]
    } else {
        found.numbers.iter().copied().take(4).collect()
    };

    for &d in found.dates.iter().take(4) {
        for &n in &numbers {
            for &m in numbers.iter().rev() {
                check_business_days(d, n, m);
            }
        }
        let month = Month::of(d);
        assert!(month.contains(d));
        for &fy in &fys {
            let q = FiscalQuarter::containing(month, fy);
            assert!(
                Period::Quarter(q).contains(d, fy),
                "{d} not in {q} (FY start {fy})"
            );
        }
    }

    let mut months = found.months.clone();
    months.extend(found.anchors.iter().map(|a| a.month()));
    // Hand-built fixed days outside 1..=28 are clamped (release_day's docs).
    let mut rules = found.days.clone();
    rules.push(ReleaseDay::ThirdThursday);
    rules.extend(
        found
            .numbers
            .iter()
            .take(2)
            .map(|n| ReleaseDay::Fixed(*n as u8)),
    );
    for &m in months.iter().take(4) {
        for &rule in &rules {
            check_release_day(m, rule);
        }
        for &fy in &fys {
            let q = FiscalQuarter::containing(m, fy);
            assert!(q.months(fy).contains(&m), "{m} not in {q} (FY start {fy})");
            check_quarter(q, fy);
        }
    }
    for &q in found.quarters.iter().take(4) {
        for &fy in &fys {
            check_quarter(q, fy);
        }
    }
    for &p in found.periods.iter().take(4) {
        for &fy in &fys {
            let months = p.months(fy);
            assert!(p.first_day(fy) <= p.last_day(fy));
            assert_eq!(p.first_day(fy), months[0].first_day());
        }
    }

    let mut anchors = found.anchors.clone();
    anchors.push(ReleaseAnchor::default());
    for &a in anchors.iter().take(4) {
        assert_eq!(calendar::version_month(a.version(), a), a.month());
        assert_eq!(calendar::month_version(a.month(), a), Some(a.version()));
        for &v in found.versions.iter().take(4) {
            let m = calendar::version_month(v, a);
            assert_eq!(calendar::month_version(m, a), Some(v), "{v} with {a}");
            for &rule in &rules {
                let d = calendar::version_release_date(v, a, rule);
                assert_eq!(d, calendar::release_day(m, rule), "{v} with {a}");
            }
        }
        for &m in found.months.iter().take(4) {
            if let Some(v) = calendar::month_version(m, a) {
                assert_eq!(calendar::version_month(v, a), m, "{m} with {a}");
            }
        }
    }
});
