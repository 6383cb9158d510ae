//! Calendar arithmetic behind Coachlog's practice rules.
//!
//! The practice catalogue talks about time in a handful of ways, and this
//! module is the single place where that vocabulary is turned into dates:
//!
//! * **Dates** are written strictly as `YYYY-MM-DD` ([`parse_date`],
//!   [`format_date`]).
//! * **Months** (`YYYY-MM`, [`Month`]) and **fiscal quarters** (`FY27-Q1`,
//!   [`FiscalQuarter`]) are the two kinds of reporting [`Period`]. A fiscal
//!   year is named after the calendar year in which it *ends*: with a
//!   February start, February 2026 – January 2027 is FY27.
//! * **Release days** ([`ReleaseDay`], [`release_day`]): every month has one
//!   release day, either its third Thursday (the default, setting value
//!   `third-thursday`) or a fixed day of the month from 1 to 28 (e.g. `22`).
//! * **Release versions** ([`ReleaseVersion`], `X.Y` with `Y` in `0..=11`)
//!   ship one a month. A [`ReleaseAnchor`] (`18.0=2025-05` by default) ties
//!   one version to one month; version `X.Y` then ships
//!   `12·(X − A) + (Y − B)` months after the anchor month `A.B`
//!   ([`version_month`], [`month_version`], [`version_release_date`]).
//! * **Business days** are Monday to Friday, with no holidays
//!   ([`add_business_days`]); [`days_between`] counts calendar days.
//!
//! Nothing here reads the clock: every function takes the dates it works on
//! as arguments, so the rules are deterministic and easy to test.
//!
//! Every value that appears in settings or stored data has a textual form:
//! it implements [`FromStr`] and [`Display`](fmt::Display), and serde
//! (de)serializes it as that same string. Parse errors are [`ParseError`]s
//! whose message is meant to be shown to the user as is.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// Error for text that is not a valid calendar value; the message is
/// user-facing and says what was expected, e.g.
/// "'2026-13' is not a month: expected YYYY-MM, e.g. 2026-04".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// Smallest year accepted in the textual forms (`YYYY-MM-DD`, `YYYY-MM`).
const MIN_TEXT_YEAR: i32 = 1000;
/// Largest year accepted in the textual forms (`YYYY-MM-DD`, `YYYY-MM`).
const MAX_TEXT_YEAR: i32 = 9999;

/// The months' English names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parses a run of ASCII digits; `None` if empty, not all digits, or too big.
fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a strict `YYYY-MM-DD` date (exactly ten characters, zero padded,
/// year 1000–9999). Surrounding whitespace is ignored.
///
/// `2026-2-3` is rejected as malformed, and `2026-02-30` as
/// "'2026-02-30' is not a real date: February 2026 has 28 days (2026 is not
/// a leap year)".
///
/// # Errors
/// A [`ParseError`] with a user-facing message when the text is not such a
/// date.
pub fn parse_date(s: &str) -> Result<NaiveDate, ParseError> {
    let s = s.trim();
    let shape = || {
        ParseError(format!(
            "'{s}' is not a date: expected YYYY-MM-DD, e.g. 2026-04-16"
        ))
    };
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(shape());
    }
    let year = parse_digits(&s[0..4]).ok_or_else(shape)?;
    let month = parse_digits(&s[5..7]).ok_or_else(shape)?;
    let day = parse_digits(&s[8..10]).ok_or_else(shape)?;
    // Four digits always fit in an i32.
    let year = year as i32;
    if year < MIN_TEXT_YEAR {
        return Err(ParseError(format!(
            "'{s}' is not a date: the year must be between {MIN_TEXT_YEAR} and {MAX_TEXT_YEAR}"
        )));
    }
    if !(1..=12).contains(&month) {
        return Err(ParseError(format!(
            "'{s}' is not a real date: there is no month {month:02} (months go from 01 to 12)"
        )));
    }
    let dim = days_in_month(year, month);
    if day == 0 {
        return Err(ParseError(format!(
            "'{s}' is not a real date: days of the month start at 01"
        )));
    }
    if day > dim {
        let name = MONTH_NAMES[(month - 1) as usize];
        let leap_note = if month == 2 && !is_leap_year(year) {
            format!(" ({year} is not a leap year)")
        } else {
            String::new()
        };
        return Err(ParseError(format!(
            "'{s}' is not a real date: {name} {year} has {dim} days{leap_note}"
        )));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(shape)
}

/// Formats a date as `YYYY-MM-DD` (the form [`parse_date`] reads back for
/// years 1000–9999).
pub fn format_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Implements `Serialize`/`Deserialize` through `Display`/`FromStr`, so the
/// value travels as its textual form.
macro_rules! serde_as_string {
    ($ty:ty, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(FromStrVisitor::<$ty>::new($expecting))
            }
        }
    };
}

/// Serde visitor that accepts a string and parses it with `FromStr`.
struct FromStrVisitor<T> {
    expecting: &'static str,
    target: PhantomData<T>,
}

impl<T> FromStrVisitor<T> {
    fn new(expecting: &'static str) -> Self {
        FromStrVisitor {
            expecting,
            target: PhantomData,
        }
    }
}

impl<T> de::Visitor<'_> for FromStrVisitor<T>
where
    T: FromStr<Err = ParseError>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(|e: ParseError| E::custom(e))
    }
}

/// A calendar month, written `YYYY-MM` (e.g. `2026-04`).
///
/// Any month of a year that chrono can represent can be built with
/// [`Month::new`] or [`Month::of`]; the textual form (and so serde) is
/// limited to years 1000–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month `month` (1..=12) of `year`; `None` if the month number is
    /// out of range or the year is outside what chrono can represent.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        let years = NaiveDate::MIN.year()..=NaiveDate::MAX.year();
        if (1..=12).contains(&month) && years.contains(&year) {
            Some(Month { year, month })
        } else {
            None
        }
    }

    /// The month that contains `d`.
    pub fn of(d: NaiveDate) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    /// The calendar year, e.g. 2026.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month number, 1 (January) to 12 (December).
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(&self) -> NaiveDate {
        self.day(1)
    }

    /// The last day of the month (28, 29, 30 or 31).
    pub fn last_day(&self) -> NaiveDate {
        self.day(days_in_month(self.year, self.month))
    }

    /// Day `day` of this month; `day` must exist in the month.
    fn day(&self, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, day)
            .expect("Month only holds years chrono can represent")
    }

    /// The following month (December is followed by January of next year).
    ///
    /// # Panics
    /// Past the last year chrono can represent (about year 262,000).
    pub fn next(&self) -> Month {
        self.add_months(1)
    }

    /// The preceding month (January is preceded by December of last year).
    ///
    /// # Panics
    /// Before the first year chrono can represent (about year −262,000).
    pub fn prev(&self) -> Month {
        self.add_months(-1)
    }

    /// The month `n` months later (earlier when `n` is negative).
    ///
    /// # Panics
    /// If the result is outside the years chrono can represent; see
    /// [`Month::checked_add_months`] for a non-panicking version.
    pub fn add_months(&self, n: i32) -> Month {
        self.checked_add_months(i64::from(n))
            .expect("month arithmetic went outside the years chrono can represent")
    }

    /// The month `n` months later (earlier when `n` is negative), or `None`
    /// if that is outside the years chrono can represent.
    pub fn checked_add_months(&self, n: i64) -> Option<Month> {
        Month::from_index(self.index().checked_add(n)?)
    }

    /// Whether `d` falls in this month.
    pub fn contains(&self, d: NaiveDate) -> bool {
        Month::of(d) == *self
    }

    /// Months since January of year 0 (negative before it).
    fn index(&self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(index: i64) -> Option<Month> {
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        // rem_euclid(12) is in 0..12, so the cast is lossless.
        Month::new(year, index.rem_euclid(12) as u32 + 1)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = ParseError;

    /// Parses a strict `YYYY-MM` (exactly seven characters, year 1000–9999).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let shape = || {
            ParseError(format!(
                "'{s}' is not a month: expected YYYY-MM, e.g. 2026-04"
            ))
        };
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return Err(shape());
        }
        let year = parse_digits(&s[0..4]).ok_or_else(shape)? as i32;
        let month = parse_digits(&s[5..7]).ok_or_else(shape)?;
        if year < MIN_TEXT_YEAR {
            return Err(ParseError(format!(
                "'{s}' is not a month: the year must be between {MIN_TEXT_YEAR} and {MAX_TEXT_YEAR}"
            )));
        }
        Month::new(year, month).ok_or_else(shape)
    }
}

serde_as_string!(Month, "a month like 2026-04");

/// Panics unless `fiscal_year_start_month` is a month number.
fn check_start_month(fiscal_year_start_month: u32) {
    assert!(
        (1..=12).contains(&fiscal_year_start_month),
        "fiscal_year_start_month must be between 1 and 12, got {fiscal_year_start_month}"
    );
}

/// A fiscal quarter, written `FY27-Q1`.
///
/// The fiscal year is named by the calendar year in which it ends and is
/// stored in full (2027 for FY27). Which months a quarter covers depends on
/// the fiscal year's start month (1..=12): with a February start FY27-Q1 is
/// February–April 2026 and FY27-Q4 is November 2026 – January 2027; with a
/// January start FY26 is January–December 2026.
///
/// The textual form uses two digits for fiscal years 2000–2099 (`FY27-Q1`);
/// other years are written with four digits (`FY1999-Q4`) so that every
/// value round-trips, and parsing accepts both forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct FiscalQuarter {
    year: i32,
    quarter: u8,
}

impl FiscalQuarter {
    /// Quarter `quarter` (1..=4) of fiscal year `year` (in full, e.g. 2027);
    /// `None` if the quarter is out of range.
    pub fn new(year: i32, quarter: u8) -> Option<Self> {
        (1..=4)
            .contains(&quarter)
            .then_some(FiscalQuarter { year, quarter })
    }

    /// The fiscal quarter that contains month `m` for a fiscal year starting
    /// in month `fiscal_year_start_month`.
    ///
    /// # Panics
    /// If `fiscal_year_start_month` is not in 1..=12.
    pub fn containing(m: Month, fiscal_year_start_month: u32) -> FiscalQuarter {
        check_start_month(fiscal_year_start_month);
        let into_year = (i64::from(m.month) - i64::from(fiscal_year_start_month)).rem_euclid(12);
        let last_month_index = m.index() - into_year + 11;
        FiscalQuarter {
            // Month indexes come from i32 years, so the year fits an i32
            // (the fiscal year can be at most one more than the calendar year).
            year: last_month_index.div_euclid(12) as i32,
            quarter: (into_year / 3 + 1) as u8,
        }
    }

    /// The first month of the quarter.
    ///
    /// # Panics
    /// If `fiscal_year_start_month` is not in 1..=12, or the month is outside
    /// the years chrono can represent.
    pub fn first_month(&self, fiscal_year_start_month: u32) -> Month {
        check_start_month(fiscal_year_start_month);
        // The fiscal year ends in month (start − 1) of `year`, i.e. December
        // for a January start; it starts eleven months before that.
        let last_month = (fiscal_year_start_month + 10) % 12;
        let year_start = i64::from(self.year) * 12 + i64::from(last_month) - 11;
        Month::from_index(year_start + 3 * (i64::from(self.quarter) - 1))
            .expect("fiscal quarter outside the years chrono can represent")
    }

    /// The three months of the quarter, in order.
    ///
    /// # Panics
    /// As [`FiscalQuarter::first_month`].
    pub fn months(&self, fiscal_year_start_month: u32) -> [Month; 3] {
        let first = self.first_month(fiscal_year_start_month);
        [first, first.add_months(1), first.add_months(2)]
    }

    /// The fiscal year in full, e.g. 2027 for FY27.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The quarter number, 1 to 4.
    pub fn quarter(&self) -> u8 {
        self.quarter
    }

    /// The following quarter (Q4 is followed by Q1 of the next fiscal year).
    pub fn next(&self) -> Self {
        if self.quarter >= 4 {
            FiscalQuarter {
                year: self.year + 1,
                quarter: 1,
            }
        } else {
            FiscalQuarter {
                year: self.year,
                quarter: self.quarter + 1,
            }
        }
    }
}

impl fmt::Display for FiscalQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (2000..=2099).contains(&self.year) {
            write!(f, "FY{:02}-Q{}", self.year - 2000, self.quarter)
        } else {
            write!(f, "FY{:04}-Q{}", self.year, self.quarter)
        }
    }
}

impl FromStr for FiscalQuarter {
    type Err = ParseError;

    /// Parses `FY27-Q1` (`fy` and `q` in any case); a two-digit year `yy`
    /// means 20yy, and a four-digit year is taken as is.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let shape = || {
            ParseError(format!(
                "'{s}' is not a fiscal quarter: expected FYyy-Qn, e.g. FY27-Q1"
            ))
        };
        if !s.is_ascii() || s.len() < 2 || !s[..2].eq_ignore_ascii_case("fy") {
            return Err(shape());
        }
        let (year, quarter) = s[2..].split_once('-').ok_or_else(shape)?;
        let year = match year.len() {
            2 => 2000 + parse_digits(year).ok_or_else(shape)? as i32,
            4 => parse_digits(year).ok_or_else(shape)? as i32,
            _ => return Err(shape()),
        };
        let quarter = match quarter.as_bytes() {
            [q, n] if q.eq_ignore_ascii_case(&b'q') && n.is_ascii_digit() => n - b'0',
            _ => return Err(shape()),
        };
        FiscalQuarter::new(year, quarter).ok_or_else(|| {
            ParseError(format!(
                "'{s}' is not a fiscal quarter: quarters go from Q1 to Q4"
            ))
        })
    }
}

serde_as_string!(FiscalQuarter, "a fiscal quarter like FY27-Q1");

/// A reporting period: a month (`2026-04`) or a fiscal quarter (`FY27-Q1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub enum Period {
    /// A calendar month.
    Month(Month),
    /// A fiscal quarter.
    Quarter(FiscalQuarter),
}

impl Period {
    /// The months the period covers, in order (one for a month, three for a
    /// quarter).
    ///
    /// # Panics
    /// As [`FiscalQuarter::first_month`], for a quarter.
    pub fn months(&self, fiscal_year_start_month: u32) -> Vec<Month> {
        match self {
            Period::Month(m) => vec![*m],
            Period::Quarter(q) => q.months(fiscal_year_start_month).to_vec(),
        }
    }

    /// The first day of the period.
    ///
    /// # Panics
    /// As [`FiscalQuarter::first_month`], for a quarter.
    pub fn first_day(&self, fiscal_year_start_month: u32) -> NaiveDate {
        match self {
            Period::Month(m) => m.first_day(),
            Period::Quarter(q) => q.first_month(fiscal_year_start_month).first_day(),
        }
    }

    /// The last day of the period.
    ///
    /// # Panics
    /// As [`FiscalQuarter::first_month`], for a quarter.
    pub fn last_day(&self, fiscal_year_start_month: u32) -> NaiveDate {
        match self {
            Period::Month(m) => m.last_day(),
            Period::Quarter(q) => q.months(fiscal_year_start_month)[2].last_day(),
        }
    }

    /// Whether `d` falls in the period.
    ///
    /// # Panics
    /// As [`FiscalQuarter::first_month`], for a quarter.
    pub fn contains(&self, d: NaiveDate, fiscal_year_start_month: u32) -> bool {
        self.first_day(fiscal_year_start_month) <= d && d <= self.last_day(fiscal_year_start_month)
    }
}

impl From<Month> for Period {
    fn from(m: Month) -> Self {
        Period::Month(m)
    }
}

impl From<FiscalQuarter> for Period {
    fn from(q: FiscalQuarter) -> Self {
        Period::Quarter(q)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => m.fmt(f),
            Period::Quarter(q) => q.fmt(f),
        }
    }
}

impl FromStr for Period {
    type Err = ParseError;

    /// Parses a month (`2026-04`) or, failing that, a fiscal quarter
    /// (`FY27-Q1`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Quarters start with "FY"; trying only the likely form first keeps
        // this cheap when thousands of stored periods are read.
        let quarter_first = s.trim_start().starts_with(['F', 'f']);
        let month = || s.parse::<Month>().ok().map(Period::Month);
        let quarter = || s.parse::<FiscalQuarter>().ok().map(Period::Quarter);
        let found = if quarter_first {
            quarter().or_else(month)
        } else {
            month().or_else(quarter)
        };
        if let Some(p) = found {
            return Ok(p);
        }
        Err(ParseError(format!(
            "'{}' is not a period: expected a month like 2026-04 or a fiscal quarter like FY27-Q1",
            s.trim()
        )))
    }
}

serde_as_string!(
    Period,
    "a month like 2026-04 or a fiscal quarter like FY27-Q1"
);

/// Which day of each month is its release day; written `third-thursday`
/// (the default) or a day number from `1` to `28`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub enum ReleaseDay {
    /// The third Thursday of the month (between the 15th and the 21st).
    #[default]
    ThirdThursday,
    /// A fixed day of the month, 1 to 28, so that every month has it.
    /// Parsing never produces other values; see [`release_day`] for what
    /// happens if one is built by hand.
    Fixed(u8),
}

impl ReleaseDay {
    /// A fixed release day; `None` unless `day` is in 1..=28.
    pub fn fixed(day: u8) -> Option<ReleaseDay> {
        (1..=28).contains(&day).then_some(ReleaseDay::Fixed(day))
    }
}

impl fmt::Display for ReleaseDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseDay::ThirdThursday => f.write_str("third-thursday"),
            ReleaseDay::Fixed(day) => write!(f, "{day}"),
        }
    }
}

impl FromStr for ReleaseDay {
    type Err = ParseError;

    /// Parses `third-thursday` (any case) or a day number from 1 to 28.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("third-thursday") {
            return Ok(ReleaseDay::ThirdThursday);
        }
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return parse_digits(s)
                .and_then(|day| u8::try_from(day).ok())
                .and_then(ReleaseDay::fixed)
                .ok_or_else(|| {
                    ParseError(format!(
                        "a fixed release day must be between 1 and 28 (so that every month has it); got {s}"
                    ))
                });
        }
        Err(ParseError(format!(
            "'{s}' is not a release day: expected third-thursday or a day of the month from 1 to 28, e.g. 22"
        )))
    }
}

serde_as_string!(
    ReleaseDay,
    "third-thursday or a day of the month from 1 to 28"
);

/// A monthly release version `X.Y`, with `Y` from 0 to 11 (one a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct ReleaseVersion {
    major: u32,
    minor: u32,
}

impl ReleaseVersion {
    /// The largest major number accepted: it keeps every release inside
    /// the calendar (999.11 ships some 980 years after 18.0).
    pub const MAX_MAJOR: u32 = 999;

    /// Version `major.minor`; `None` unless `minor` is in 0..=11 and `major`
    /// at most [`ReleaseVersion::MAX_MAJOR`].
    pub fn new(major: u32, minor: u32) -> Option<Self> {
        (minor <= 11 && major <= Self::MAX_MAJOR).then_some(ReleaseVersion { major, minor })
    }

    /// The major number `X` of `X.Y`.
    pub fn major(&self) -> u32 {
        self.major
    }

    /// The minor number `Y` of `X.Y`, 0 to 11.
    pub fn minor(&self) -> u32 {
        self.minor
    }

    /// Months since version 0.0.
    fn index(&self) -> i64 {
        i64::from(self.major) * 12 + i64::from(self.minor)
    }
}

impl fmt::Display for ReleaseVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for ReleaseVersion {
    type Err = ParseError;

    /// Parses `X.Y`, e.g. `19.2`, with `Y` from 0 to 11.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let shape = || {
            ParseError(format!(
                "'{s}' is not a release version: expected X.Y, e.g. 19.2"
            ))
        };
        let (major, minor) = s.split_once('.').ok_or_else(shape)?;
        let major = parse_digits(major).ok_or_else(shape)?;
        let minor = parse_digits(minor).ok_or_else(shape)?;
        if major > ReleaseVersion::MAX_MAJOR {
            return Err(ParseError(format!(
                "'{s}' is not a release version: the major number goes up to {}",
                ReleaseVersion::MAX_MAJOR
            )));
        }
        ReleaseVersion::new(major, minor).ok_or_else(|| {
            ParseError(format!(
                "release versions go from X.0 to X.11, one a month (after {major}.11 comes {}.0); got {s}",
                u64::from(major) + 1
            ))
        })
    }
}

serde_as_string!(ReleaseVersion, "a release version like 19.2");

/// Ties a release version to the month it ships in, written
/// `VERSION=YYYY-MM`; the default is `18.0=2025-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct ReleaseAnchor {
    version: ReleaseVersion,
    month: Month,
}

impl ReleaseAnchor {
    /// The anchor "`version` ships in `month`".
    pub fn new(version: ReleaseVersion, month: Month) -> Self {
        ReleaseAnchor { version, month }
    }

    /// The anchored version.
    pub fn version(&self) -> ReleaseVersion {
        self.version
    }

    /// The month the anchored version ships in.
    pub fn month(&self) -> Month {
        self.month
    }
}

impl Default for ReleaseAnchor {
    /// `18.0=2025-05`.
    fn default() -> Self {
        ReleaseAnchor {
            version: ReleaseVersion {
                major: 18,
                minor: 0,
            },
            month: Month {
                year: 2025,
                month: 5,
            },
        }
    }
}

impl fmt::Display for ReleaseAnchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.version, self.month)
    }
}

impl FromStr for ReleaseAnchor {
    type Err = ParseError;

    /// Parses `VERSION=YYYY-MM`, e.g. `18.0=2025-05`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let context = |e: ParseError| ParseError(format!("'{s}' is not a release anchor: {e}"));
        let (version, month) = s.split_once('=').ok_or_else(|| {
            ParseError(format!(
                "'{s}' is not a release anchor: expected VERSION=YYYY-MM, e.g. 18.0=2025-05"
            ))
        })?;
        Ok(ReleaseAnchor {
            version: version.parse().map_err(context)?,
            month: month.parse().map_err(context)?,
        })
    }
}

serde_as_string!(ReleaseAnchor, "a release anchor like 18.0=2025-05");

/// The release day of month `m` under `rule`.
///
/// A [`ReleaseDay::Fixed`] built by hand outside 1..=28 is clamped into the
/// month (0 becomes the 1st, 31 the month's last day); parsed values never
/// need this.
pub fn release_day(m: Month, rule: ReleaseDay) -> NaiveDate {
    match rule {
        ReleaseDay::ThirdThursday => {
            let first = m.first_day();
            let to_thursday = (Weekday::Thu.num_days_from_monday() + 7
                - first.weekday().num_days_from_monday())
                % 7;
            m.day(1 + to_thursday + 14)
        }
        ReleaseDay::Fixed(day) => {
            let last = days_in_month(m.year, m.month);
            m.day(u32::from(day).clamp(1, last))
        }
    }
}

/// The month in which version `v` ships: `12·(X − A) + (Y − B)` months after
/// the anchor month, for `v = X.Y` and anchor version `A.B`. Versions before
/// the anchor give earlier months.
///
/// # Panics
/// If the month is outside the years chrono can represent (only for absurd
/// major numbers, in the tens of thousands).
pub fn version_month(v: ReleaseVersion, anchor: ReleaseAnchor) -> Month {
    anchor
        .month
        .checked_add_months(v.index() - anchor.version.index())
        .expect("release version ships outside the years chrono can represent")
}

/// The release date of version `v`: the release day (under `rule`) of the
/// month it ships in.
///
/// # Panics
/// As [`version_month`].
pub fn version_release_date(
    v: ReleaseVersion,
    anchor: ReleaseAnchor,
    rule: ReleaseDay,
) -> NaiveDate {
    release_day(version_month(v, anchor), rule)
}

/// The version that ships in month `m` (the inverse of [`version_month`]);
/// `None` if `m` is before version 0.0.
pub fn month_version(m: Month, anchor: ReleaseAnchor) -> Option<ReleaseVersion> {
    let index = anchor.version.index() + (m.index() - anchor.month.index());
    if index < 0 {
        return None;
    }
    ReleaseVersion::new(u32::try_from(index / 12).ok()?, (index % 12) as u32)
}

fn is_business_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn plus_days(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days))
        .expect("date arithmetic went past the last date chrono can represent")
}

/// The `n`-th business day (Monday to Friday; no holidays) strictly after
/// `d`: Friday + 2 is Tuesday, Saturday + 2 is Tuesday, Sunday + 1 is
/// Monday. `n = 0` returns `d` itself, even on a weekend.
///
/// # Panics
/// If the result is past the last date chrono can represent.
pub fn add_business_days(d: NaiveDate, n: u32) -> NaiveDate {
    if n == 0 {
        return d;
    }
    // Any seven consecutive days hold exactly five business days, so skip
    // whole weeks first and walk the last one to five business days.
    let weeks = (n - 1) / 5;
    let mut left = n - weeks * 5;
    let mut day = plus_days(d, u64::from(weeks) * 7);
    while left > 0 {
        day = plus_days(day, 1);
        if is_business_day(day) {
            left -= 1;
        }
    }
    day
}

/// `to − from` in calendar days (negative when `to` is before `from`).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error as DeError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_else(|e| panic!("test date {s}: {e}"))
    }

    fn month(s: &str) -> Month {
        s.parse().unwrap_or_else(|e| panic!("test month {s}: {e}"))
    }

    fn version(s: &str) -> ReleaseVersion {
        s.parse()
            .unwrap_or_else(|e| panic!("test version {s}: {e}"))
    }

    fn quarter(s: &str) -> FiscalQuarter {
        s.parse()
            .unwrap_or_else(|e| panic!("test quarter {s}: {e}"))
    }

    fn deserialize<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T, DeError> {
        let de: StrDeserializer<'_, DeError> = s.into_deserializer();
        T::deserialize(de)
    }

    #[test]
    fn weekdays_used_in_these_tests() {
        let check = |d: &str, w: Weekday| assert_eq!(date(d).weekday(), w, "{d}");
        check("2026-01-01", Weekday::Thu);
        check("2026-05-01", Weekday::Fri);
        check("2026-11-23", Weekday::Mon);
        check("2026-11-27", Weekday::Fri);
        check("2026-12-31", Weekday::Thu);
        check("2027-01-01", Weekday::Fri);
    }

    #[test]
    fn third_thursdays() {
        let check = |m: &str, want: &str| {
            let got = release_day(month(m), ReleaseDay::ThirdThursday);
            assert_eq!(format_date(got), want, "third Thursday of {m}");
            assert_eq!(got.weekday(), Weekday::Thu, "{m}");
        };
        check("2026-01", "2026-01-15"); // starts on a Thursday
        check("2025-05", "2025-05-15"); // starts on a Thursday
        check("2026-05", "2026-05-21"); // starts on a Friday
        check("2026-02", "2026-02-19"); // starts on a Sunday
        check("2026-03", "2026-03-19"); // starts on a Sunday
        check("2026-04", "2026-04-16"); // starts on a Wednesday
        check("2026-07", "2026-07-16"); // starts on a Wednesday
        check("2026-11", "2026-11-19"); // starts on a Sunday
        check("2025-12", "2025-12-18"); // starts on a Monday
        check("2028-02", "2028-02-17"); // leap February
    }

    #[test]
    fn third_thursday_is_always_between_15th_and_21st() {
        let mut m = month("2020-01");
        for _ in 0..240 {
            let d = release_day(m, ReleaseDay::ThirdThursday);
            assert!(m.contains(d) && (15..=21).contains(&d.day()), "{m}: {d}");
            assert_eq!(d.weekday(), Weekday::Thu, "{m}");
            m = m.next();
        }
    }

    #[test]
    fn fixed_release_days() {
        let check = |m: &str, day: u8, want: &str| {
            let got = release_day(month(m), ReleaseDay::Fixed(day));
            assert_eq!(format_date(got), want, "day {day} of {m}");
        };
        check("2026-02", 22, "2026-02-22");
        check("2027-02", 28, "2027-02-28");
        check("2026-04", 1, "2026-04-01");
        check("2026-12", 15, "2026-12-15");
        // Hand-built out-of-range values are clamped into the month.
        check("2026-02", 31, "2026-02-28");
        check("2028-02", 30, "2028-02-29");
        check("2026-04", 0, "2026-04-01");
    }

    #[test]
    fn version_months() {
        let check = |v: &str, anchor: &str, want: &str| {
            let anchor: ReleaseAnchor = anchor.parse().unwrap();
            let got = version_month(version(v), anchor);
            assert_eq!(got.to_string(), want, "{v} with anchor {anchor}");
            assert_eq!(
                month_version(got, anchor),
                Some(version(v)),
                "inverse of {v}"
            );
        };
        let default = "18.0=2025-05";
        check("18.0", default, "2025-05");
        check("18.1", default, "2025-06");
        check("18.7", default, "2025-12");
        check("18.8", default, "2026-01");
        check("18.11", default, "2026-04");
        check("19.0", default, "2026-05");
        check("19.2", default, "2026-07");
        check("17.11", default, "2025-04");
        check("17.0", default, "2024-05");
        check("0.0", default, "2007-05");
        check("20.0", "19.4=2026-03", "2026-11");
        check("19.0", "19.4=2026-03", "2025-11");
        check("3.5", "3.5=1999-12", "1999-12");
        check("4.0", "3.5=1999-12", "2000-07");
    }

    #[test]
    fn month_versions() {
        let check = |m: &str, want: Option<&str>| {
            let got = month_version(month(m), ReleaseAnchor::default());
            assert_eq!(got, want.map(version), "version of {m}");
        };
        check("2025-05", Some("18.0"));
        check("2026-04", Some("18.11"));
        check("2026-05", Some("19.0"));
        check("2007-05", Some("0.0"));
        check("2007-06", Some("0.1"));
        check("2007-04", None);
        check("1000-01", None);
        check("2999-12", Some("992.7"));
        check("3099-12", None);
    }

    #[test]
    fn version_release_dates() {
        let check = |v: &str, rule: ReleaseDay, want: &str| {
            let got = version_release_date(version(v), ReleaseAnchor::default(), rule);
            assert_eq!(format_date(got), want, "{v} under {rule}");
        };
        check("18.0", ReleaseDay::ThirdThursday, "2025-05-15");
        check("18.8", ReleaseDay::ThirdThursday, "2026-01-15");
        check("18.11", ReleaseDay::ThirdThursday, "2026-04-16");
        check("19.0", ReleaseDay::ThirdThursday, "2026-05-21");
        check("19.0", ReleaseDay::Fixed(22), "2026-05-22");
        check("18.9", ReleaseDay::Fixed(28), "2026-02-28");
    }

    #[test]
    fn fiscal_quarters_containing() {
        let check = |m: &str, start: u32, want: &str| {
            let q = FiscalQuarter::containing(month(m), start);
            assert_eq!(q.to_string(), want, "{m} with start month {start}");
            assert!(q.months(start).contains(&month(m)), "{m} in {q}");
        };
        // February start: Feb 2026 – Jan 2027 is FY27.
        check("2026-01", 2, "FY26-Q4");
        check("2026-02", 2, "FY27-Q1");
        check("2026-04", 2, "FY27-Q1");
        check("2026-05", 2, "FY27-Q2");
        check("2026-10", 2, "FY27-Q3");
        check("2026-11", 2, "FY27-Q4");
        check("2026-12", 2, "FY27-Q4");
        check("2027-01", 2, "FY27-Q4");
        check("2027-02", 2, "FY28-Q1");
        // January start: the fiscal year is the calendar year.
        check("2025-12", 1, "FY25-Q4");
        check("2026-01", 1, "FY26-Q1");
        check("2026-03", 1, "FY26-Q1");
        check("2026-04", 1, "FY26-Q2");
        check("2026-12", 1, "FY26-Q4");
        check("2027-01", 1, "FY27-Q1");
        // Other starts.
        check("2026-06", 7, "FY26-Q4");
        check("2026-07", 7, "FY27-Q1");
        check("2026-12", 12, "FY27-Q1");
        check("2026-11", 12, "FY26-Q4");
        check("1999-12", 2, "FY00-Q4");
        check("1999-01", 2, "FY1999-Q4");
    }

    #[test]
    fn fiscal_quarter_months() {
        let check = |q: &str, start: u32, want: [&str; 3]| {
            let got = quarter(q).months(start).map(|m| m.to_string());
            assert_eq!(got, want, "{q} with start month {start}");
            assert_eq!(quarter(q).first_month(start).to_string(), want[0]);
        };
        check("FY27-Q1", 2, ["2026-02", "2026-03", "2026-04"]);
        check("FY27-Q2", 2, ["2026-05", "2026-06", "2026-07"]);
        check("FY27-Q4", 2, ["2026-11", "2026-12", "2027-01"]);
        check("FY26-Q1", 1, ["2026-01", "2026-02", "2026-03"]);
        check("FY26-Q4", 1, ["2026-10", "2026-11", "2026-12"]);
        check("FY27-Q1", 12, ["2026-12", "2027-01", "2027-02"]);
        check("FY27-Q4", 12, ["2027-09", "2027-10", "2027-11"]);
        check("FY27-Q1", 7, ["2026-07", "2026-08", "2026-09"]);
    }

    #[test]
    fn fiscal_quarters_cover_every_month_once() {
        for start in 1..=12 {
            let mut q = FiscalQuarter::containing(month("2024-01"), start);
            let mut expected = q.first_month(start);
            for _ in 0..40 {
                for m in q.months(start) {
                    assert_eq!(m, expected, "start {start}, {q}");
                    assert_eq!(FiscalQuarter::containing(m, start), q, "start {start}");
                    expected = expected.next();
                }
                q = q.next();
            }
        }
    }

    #[test]
    fn fiscal_quarter_next() {
        let check = |q: &str, want: &str| assert_eq!(quarter(q).next().to_string(), want, "{q}");
        check("FY27-Q1", "FY27-Q2");
        check("FY27-Q3", "FY27-Q4");
        check("FY27-Q4", "FY28-Q1");
        check("FY99-Q4", "FY2100-Q1");
    }

    #[test]
    fn periods() {
        let check = |p: &str, start: u32, first: &str, last: &str| {
            let period: Period = p.parse().unwrap();
            assert_eq!(format_date(period.first_day(start)), first, "{p}");
            assert_eq!(format_date(period.last_day(start)), last, "{p}");
            assert!(period.contains(date(first), start) && period.contains(date(last), start));
            assert!(!period.contains(date(first).pred_opt().unwrap(), start));
            assert!(!period.contains(date(last).succ_opt().unwrap(), start));
        };
        check("2026-04", 2, "2026-04-01", "2026-04-30");
        check("FY27-Q1", 2, "2026-02-01", "2026-04-30");
        check("FY27-Q4", 2, "2026-11-01", "2027-01-31");
        check("FY26-Q1", 1, "2026-01-01", "2026-03-31");
        check("FY28-Q4", 2, "2027-11-01", "2028-01-31");
        assert_eq!(
            Period::from(month("2026-04")).months(2),
            vec![month("2026-04")]
        );
        assert_eq!(Period::from(quarter("FY27-Q1")).months(2).len(), 3);
    }

    #[test]
    fn month_arithmetic() {
        let check = |m: &str, first: &str, last: &str, next: &str, prev: &str| {
            let m = month(m);
            assert_eq!(format_date(m.first_day()), first, "first day of {m}");
            assert_eq!(format_date(m.last_day()), last, "last day of {m}");
            assert_eq!(m.next().to_string(), next, "after {m}");
            assert_eq!(m.prev().to_string(), prev, "before {m}");
            assert_eq!(m.next().prev(), m);
            assert!(m.contains(m.first_day()) && m.contains(m.last_day()));
            assert!(!m.contains(m.last_day().succ_opt().unwrap()));
            assert!(!m.contains(m.first_day().pred_opt().unwrap()));
            assert_eq!(Month::of(m.last_day()), m);
        };
        check("2026-01", "2026-01-01", "2026-01-31", "2026-02", "2025-12");
        check("2026-02", "2026-02-01", "2026-02-28", "2026-03", "2026-01");
        check("2028-02", "2028-02-01", "2028-02-29", "2028-03", "2028-01");
        check("2100-02", "2100-02-01", "2100-02-28", "2100-03", "2100-01");
        check("2000-02", "2000-02-01", "2000-02-29", "2000-03", "2000-01");
        check("2026-04", "2026-04-01", "2026-04-30", "2026-05", "2026-03");
        check("2026-12", "2026-12-01", "2026-12-31", "2027-01", "2026-11");
    }

    #[test]
    fn adding_months() {
        let check = |m: &str, n: i32, want: &str| {
            assert_eq!(month(m).add_months(n).to_string(), want, "{m} + {n}");
        };
        check("2026-04", 0, "2026-04");
        check("2026-04", 8, "2026-12");
        check("2026-04", 9, "2027-01");
        check("2026-04", 24, "2028-04");
        check("2026-04", -4, "2025-12");
        check("2026-01", -1, "2025-12");
        check("2026-01", -13, "2024-12");
        check("2026-01", -12 * 30, "1996-01");
    }

    #[test]
    fn month_range_limits() {
        assert_eq!(Month::new(2026, 0), None);
        assert_eq!(Month::new(2026, 13), None);
        assert_eq!(
            Month::new(2026, 12).map(|m| (m.year(), m.month())),
            Some((2026, 12))
        );
        let first = Month::of(NaiveDate::MIN);
        let last = Month::of(NaiveDate::MAX);
        assert_eq!(first.first_day(), NaiveDate::MIN);
        assert_eq!(last.last_day(), NaiveDate::MAX);
        assert_eq!(first.checked_add_months(-1), None);
        assert_eq!(last.checked_add_months(1), None);
        assert_eq!(Month::new(NaiveDate::MAX.year() + 1, 1), None);
        assert_eq!(month("2026-04").checked_add_months(i64::MAX), None);
    }

    #[test]
    fn business_days() {
        let check = |from: &str, n: u32, want: &str| {
            let got = add_business_days(date(from), n);
            assert_eq!(format_date(got), want, "{n} business days after {from}");
        };
        // 2026-11-23 is a Monday.
        check("2026-11-23", 1, "2026-11-24"); // Mon + 1 = Tue
        check("2026-11-23", 4, "2026-11-27"); // Mon + 4 = Fri
        check("2026-11-23", 5, "2026-11-30"); // Mon + 5 = next Mon
        check("2026-11-23", 10, "2026-12-07");
        check("2026-11-24", 1, "2026-11-25"); // Tue + 1 = Wed
        check("2026-11-24", 4, "2026-11-30"); // Tue + 4 = Mon
        check("2026-11-25", 2, "2026-11-27"); // Wed + 2 = Fri
        check("2026-11-25", 3, "2026-11-30"); // Wed + 3 = Mon
        check("2026-11-26", 1, "2026-11-27"); // Thu + 1 = Fri
        check("2026-11-26", 2, "2026-11-30"); // Thu + 2 = Mon
        check("2026-11-27", 1, "2026-11-30"); // Fri + 1 = Mon
        check("2026-11-27", 2, "2026-12-01"); // Fri + 2 = Tue
        check("2026-11-27", 5, "2026-12-04"); // Fri + 5 = Fri
        check("2026-11-28", 1, "2026-11-30"); // Sat + 1 = Mon
        check("2026-11-28", 2, "2026-12-01"); // Sat + 2 = Tue
        check("2026-11-28", 5, "2026-12-04"); // Sat + 5 = Fri
        check("2026-11-28", 10, "2026-12-11"); // Sat + 10 = Fri
        check("2026-11-29", 1, "2026-11-30"); // Sun + 1 = Mon
        check("2026-11-29", 5, "2026-12-04"); // Sun + 5 = Fri
        check("2026-11-29", 6, "2026-12-07"); // Sun + 6 = Mon
        check("2026-12-31", 1, "2027-01-01"); // Thu + 1 = Fri, no holidays
        check("2026-12-31", 2, "2027-01-04"); // across the new year
        check("2028-02-28", 1, "2028-02-29"); // Mon + 1 = leap day (Tue)
                                              // n = 0 is the day itself, even on a weekend.
        check("2026-11-28", 0, "2026-11-28");
        check("2026-11-25", 0, "2026-11-25");
    }

    #[test]
    fn business_days_match_a_day_by_day_walk() {
        let start = date("2026-11-16");
        for offset in 0..14 {
            let from = start + Days::new(offset);
            let mut walked = from;
            for n in 1..=30 {
                walked = walked.succ_opt().unwrap();
                while !is_business_day(walked) {
                    walked = walked.succ_opt().unwrap();
                }
                assert_eq!(add_business_days(from, n), walked, "{from} + {n}");
            }
        }
    }

    #[test]
    fn calendar_days_between() {
        let check = |from: &str, to: &str, want: i64| {
            assert_eq!(days_between(date(from), date(to)), want, "{from} → {to}");
        };
        check("2026-04-16", "2026-04-16", 0);
        check("2026-04-16", "2026-04-17", 1);
        check("2026-04-17", "2026-04-16", -1);
        check("2026-02-28", "2026-03-01", 1);
        check("2028-02-28", "2028-03-01", 2);
        check("2026-01-01", "2027-01-01", 365);
        check("2028-01-01", "2029-01-01", 366);
    }

    #[test]
    fn dates_parse_and_format() {
        let check = |s: &str, want: &str| {
            let d = parse_date(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(format_date(d), want, "{s:?}");
        };
        check("2026-04-16", "2026-04-16");
        check("  2026-04-16\n", "2026-04-16");
        check("2028-02-29", "2028-02-29");
        check("2000-02-29", "2000-02-29");
        check("1000-01-01", "1000-01-01");
        check("9999-12-31", "9999-12-31");
        check("2026-12-31", "2026-12-31");
    }

    #[test]
    fn date_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(parse_date(s), Err(ParseError(want.to_string())), "{s:?}");
        };
        let shape = |s: &str| format!("'{s}' is not a date: expected YYYY-MM-DD, e.g. 2026-04-16");
        for bad in [
            "",
            "2026-2-3",
            "2026-02-3",
            "2026-4-16",
            "26-04-16",
            "2026/04/16",
            "2026-04-16T00:00",
            "20260416",
            "2026-04-1a",
            "+202-04-16",
            "2026-+4-16",
            "2026-04- 6",
            "2026-04-16x",
            "16-04-2026",
            "2026–04–16",
        ] {
            check(bad, &shape(bad));
        }
        check(" 2026-2-3 ", &shape("2026-2-3"));
        check(
            "2026-02-30",
            "'2026-02-30' is not a real date: February 2026 has 28 days (2026 is not a leap year)",
        );
        check(
            "2027-02-29",
            "'2027-02-29' is not a real date: February 2027 has 28 days (2027 is not a leap year)",
        );
        check(
            "2028-02-30",
            "'2028-02-30' is not a real date: February 2028 has 29 days",
        );
        check(
            "2026-04-31",
            "'2026-04-31' is not a real date: April 2026 has 30 days",
        );
        check(
            "2026-01-32",
            "'2026-01-32' is not a real date: January 2026 has 31 days",
        );
        check(
            "2026-13-01",
            "'2026-13-01' is not a real date: there is no month 13 (months go from 01 to 12)",
        );
        check(
            "2026-00-10",
            "'2026-00-10' is not a real date: there is no month 00 (months go from 01 to 12)",
        );
        check(
            "2026-04-00",
            "'2026-04-00' is not a real date: days of the month start at 01",
        );
        check(
            "0999-04-16",
            "'0999-04-16' is not a date: the year must be between 1000 and 9999",
        );
    }

    #[test]
    fn months_parse_and_display() {
        let check = |s: &str, year: i32, m: u32, display: &str| {
            let got: Month = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((got.year(), got.month()), (year, m), "{s:?}");
            assert_eq!(got.to_string(), display);
            assert_eq!(deserialize::<Month>(s).unwrap(), got);
            assert_eq!(display.parse::<Month>().unwrap(), got);
        };
        check("2026-04", 2026, 4, "2026-04");
        check(" 2026-12 ", 2026, 12, "2026-12");
        check("1000-01", 1000, 1, "1000-01");
        check("9999-12", 9999, 12, "9999-12");
        assert_eq!(Month::of(date("2026-04-30")), month("2026-04"));
    }

    #[test]
    fn month_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(
                s.parse::<Month>(),
                Err(ParseError(want.to_string())),
                "{s:?}"
            );
            assert!(deserialize::<Month>(s).is_err());
        };
        let shape = |s: &str| format!("'{s}' is not a month: expected YYYY-MM, e.g. 2026-04");
        for bad in [
            "2026-13",
            "2026-00",
            "2026-4",
            "26-04",
            "2026/04",
            "2026-04-01",
            "202604",
            "",
            "April",
            "2026-+4",
            "2026-1٣",
        ] {
            check(bad, &shape(bad));
        }
        check(
            "0999-04",
            "'0999-04' is not a month: the year must be between 1000 and 9999",
        );
    }

    #[test]
    fn fiscal_quarters_parse_and_display() {
        let check = |s: &str, year: i32, q: u8, display: &str| {
            let got: FiscalQuarter = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((got.year(), got.quarter()), (year, q), "{s:?}");
            assert_eq!(got.to_string(), display, "{s:?}");
            assert_eq!(display.parse::<FiscalQuarter>().unwrap(), got);
            assert_eq!(deserialize::<FiscalQuarter>(s).unwrap(), got);
        };
        check("FY27-Q1", 2027, 1, "FY27-Q1");
        check("fy27-q4", 2027, 4, "FY27-Q4");
        check("Fy05-Q2", 2005, 2, "FY05-Q2");
        check(" FY00-q3 ", 2000, 3, "FY00-Q3");
        check("FY99-Q4", 2099, 4, "FY99-Q4");
        check("FY2031-Q2", 2031, 2, "FY31-Q2");
        check("FY1999-Q2", 1999, 2, "FY1999-Q2");
        check("FY2100-Q1", 2100, 1, "FY2100-Q1");
        assert_eq!(FiscalQuarter::new(2027, 0), None);
        assert_eq!(FiscalQuarter::new(2027, 5), None);
        assert_eq!(FiscalQuarter::new(2027, 4), Some(quarter("FY27-Q4")));
    }

    #[test]
    fn fiscal_quarter_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(
                s.parse::<FiscalQuarter>(),
                Err(ParseError(want.to_string())),
                "{s:?}"
            );
            assert!(deserialize::<FiscalQuarter>(s).is_err());
        };
        let shape =
            |s: &str| format!("'{s}' is not a fiscal quarter: expected FYyy-Qn, e.g. FY27-Q1");
        for bad in [
            "", "FY", "FY27", "FY27Q1", "FY27-1", "FY7-Q1", "FY127-Q1", "FY27-Q", "FY27-Q12",
            "Q1-FY27", "FX27-Q1", "FY2a-Q1", "2026-04", "FY27-Q1x", "FY+7-Q1", "FY27-Q-",
            "FÝ27-Q1",
        ] {
            check(bad, &shape(bad));
        }
        for bad in ["FY27-Q0", "FY27-Q5", "FY27-Q9"] {
            check(
                bad,
                &format!("'{bad}' is not a fiscal quarter: quarters go from Q1 to Q4"),
            );
        }
    }

    #[test]
    fn periods_parse_and_display() {
        let check = |s: &str, want: Period, display: &str| {
            let got: Period = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(got, want, "{s:?}");
            assert_eq!(got.to_string(), display);
            assert_eq!(deserialize::<Period>(s).unwrap(), want);
        };
        check("2026-04", Period::Month(month("2026-04")), "2026-04");
        check("FY27-Q1", Period::Quarter(quarter("FY27-Q1")), "FY27-Q1");
        check(" fy27-q2", Period::Quarter(quarter("FY27-Q2")), "FY27-Q2");
        assert!(Period::from(month("2030-01")) < Period::from(quarter("FY20-Q1")));
    }

    #[test]
    fn period_errors() {
        let check = |s: &str| {
            let want = format!(
                "'{}' is not a period: expected a month like 2026-04 or a fiscal quarter like FY27-Q1",
                s.trim()
            );
            assert_eq!(s.parse::<Period>(), Err(ParseError(want)), "{s:?}");
            assert!(deserialize::<Period>(s).is_err());
        };
        for bad in [
            "",
            "2026-13",
            "FY27-Q5",
            "Q1",
            "2026",
            " april ",
            "2026-04-16",
        ] {
            check(bad);
        }
    }

    #[test]
    fn release_days_parse_and_display() {
        let check = |s: &str, want: ReleaseDay, display: &str| {
            let got: ReleaseDay = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(got, want, "{s:?}");
            assert_eq!(got.to_string(), display);
            assert_eq!(display.parse::<ReleaseDay>().unwrap(), got);
            assert_eq!(deserialize::<ReleaseDay>(s).unwrap(), want);
        };
        check(
            "third-thursday",
            ReleaseDay::ThirdThursday,
            "third-thursday",
        );
        check(
            " Third-Thursday ",
            ReleaseDay::ThirdThursday,
            "third-thursday",
        );
        check("22", ReleaseDay::Fixed(22), "22");
        check("1", ReleaseDay::Fixed(1), "1");
        check("28", ReleaseDay::Fixed(28), "28");
        check("07", ReleaseDay::Fixed(7), "7");
        assert_eq!(ReleaseDay::default(), ReleaseDay::ThirdThursday);
        assert_eq!(ReleaseDay::fixed(28), Some(ReleaseDay::Fixed(28)));
        assert_eq!(ReleaseDay::fixed(29), None);
        assert_eq!(ReleaseDay::fixed(0), None);
    }

    #[test]
    fn release_day_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(
                s.parse::<ReleaseDay>(),
                Err(ParseError(want.to_string())),
                "{s:?}"
            );
            assert!(deserialize::<ReleaseDay>(s).is_err());
        };
        for (bad, got) in [
            ("29", "29"),
            ("31", "31"),
            ("0", "0"),
            ("00", "00"),
            (" 300 ", "300"),
            ("99999999999999999999", "99999999999999999999"),
        ] {
            check(
                bad,
                &format!("a fixed release day must be between 1 and 28 (so that every month has it); got {got}"),
            );
        }
        for bad in ["", "third thursday", "thursday", "-3", "2.5", "22nd", "+22"] {
            check(
                bad,
                &format!("'{bad}' is not a release day: expected third-thursday or a day of the month from 1 to 28, e.g. 22"),
            );
        }
    }

    #[test]
    fn release_versions_parse_and_display() {
        let check = |s: &str, major: u32, minor: u32, display: &str| {
            let got: ReleaseVersion = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((got.major(), got.minor()), (major, minor), "{s:?}");
            assert_eq!(got.to_string(), display);
            assert_eq!(display.parse::<ReleaseVersion>().unwrap(), got);
            assert_eq!(deserialize::<ReleaseVersion>(s).unwrap(), got);
        };
        check("19.2", 19, 2, "19.2");
        check("18.0", 18, 0, "18.0");
        check("18.11", 18, 11, "18.11");
        check(" 0.0 ", 0, 0, "0.0");
        check("999.11", 999, 11, "999.11");
        assert!(version("18.11") < version("19.0"));
        assert!(version("19.2") < version("19.10"));
        assert_eq!(ReleaseVersion::new(19, 12), None);
        assert_eq!(ReleaseVersion::new(19, 11), Some(version("19.11")));
    }

    #[test]
    fn release_version_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(
                s.parse::<ReleaseVersion>(),
                Err(ParseError(want.to_string())),
                "{s:?}"
            );
            assert!(deserialize::<ReleaseVersion>(s).is_err());
        };
        check(
            "19.12",
            "release versions go from X.0 to X.11, one a month (after 19.11 comes 20.0); got 19.12",
        );
        check(
            "1000.0",
            "'1000.0' is not a release version: the major number goes up to 999",
        );
        check(
            "4294967295.99",
            "'4294967295.99' is not a release version: the major number goes up to 999",
        );
        for bad in [
            "",
            "19",
            "19.",
            ".2",
            "v19.2",
            "19.2.1",
            "19,2",
            "-1.0",
            "19.-1",
            "19 .2",
            "a.b",
            "4294967296.0",
        ] {
            check(
                bad,
                &format!("'{bad}' is not a release version: expected X.Y, e.g. 19.2"),
            );
        }
    }

    #[test]
    fn release_anchors_parse_and_display() {
        let check = |s: &str, v: &str, m: &str, display: &str| {
            let got: ReleaseAnchor = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(
                (got.version(), got.month()),
                (version(v), month(m)),
                "{s:?}"
            );
            assert_eq!(got.to_string(), display);
            assert_eq!(display.parse::<ReleaseAnchor>().unwrap(), got);
            assert_eq!(deserialize::<ReleaseAnchor>(s).unwrap(), got);
        };
        check("18.0=2025-05", "18.0", "2025-05", "18.0=2025-05");
        check(" 19.4 = 2026-03 ", "19.4", "2026-03", "19.4=2026-03");
        check("0.11=1999-12", "0.11", "1999-12", "0.11=1999-12");
        assert_eq!(ReleaseAnchor::default().to_string(), "18.0=2025-05");
        assert_eq!(
            ReleaseAnchor::new(version("18.0"), month("2025-05")),
            ReleaseAnchor::default()
        );
    }

    #[test]
    fn release_anchor_errors() {
        let check = |s: &str, want: &str| {
            assert_eq!(
                s.parse::<ReleaseAnchor>(),
                Err(ParseError(want.to_string())),
                "{s:?}"
            );
            assert!(deserialize::<ReleaseAnchor>(s).is_err());
        };
        for bad in ["", "18.0", "18.0 2025-05", "18.0:2025-05"] {
            check(
                bad,
                &format!(
                    "'{bad}' is not a release anchor: expected VERSION=YYYY-MM, e.g. 18.0=2025-05"
                ),
            );
        }
        check(
            "18.0=2025-13",
            "'18.0=2025-13' is not a release anchor: '2025-13' is not a month: expected YYYY-MM, e.g. 2026-04",
        );
        check(
            "18.12=2025-05",
            "'18.12=2025-05' is not a release anchor: release versions go from X.0 to X.11, one a month (after 18.11 comes 19.0); got 18.12",
        );
        check(
            "18=2025-05",
            "'18=2025-05' is not a release anchor: '18' is not a release version: expected X.Y, e.g. 19.2",
        );
        check(
            "18.0=2025-05=x",
            "'18.0=2025-05=x' is not a release anchor: '2025-05=x' is not a month: expected YYYY-MM, e.g. 2026-04",
        );
    }

    #[test]
    fn parse_errors_display_their_message() {
        let e = "2026-13".parse::<Month>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "'2026-13' is not a month: expected YYYY-MM, e.g. 2026-04"
        );
        let boxed: Box<dyn std::error::Error> = Box::new(e.clone());
        assert_eq!(boxed.to_string(), e.0);
        let de_err = deserialize::<Month>("2026-13").unwrap_err();
        assert_eq!(de_err.to_string(), e.0);
    }
}
