//! What every generator step reads: the transaction, the settings, the day,
//! the team and its ids.

use crate::db::Tx;
use chrono::NaiveDate;

use super::catalogue::TEAMS;
use super::days::plus;
use super::rng::Rng;
use super::team::Profile;
use super::text::{CUSTOMERS, PAINS};
use crate::calendar::{self, FiscalQuarter, Month};
use crate::model::{PersonId, Timing};
use crate::settings::Settings;

/// What every generator step reads.
pub(super) struct World<'a> {
    pub(super) tx: &'a Tx<'a>,
    pub(super) settings: Settings,
    pub(super) today: NaiveDate,
    pub(super) start: NaiveDate,
    pub(super) seed: u64,
    pub(super) team: Vec<Profile>,
    pub(super) ids: Vec<PersonId>,
    /// How many of `team` are direct reports (the first ones).
    pub(super) direct: usize,
}

impl World<'_> {
    /// The first and last day of `p`'s records: from the later of joining and
    /// the history's start to the day before leaving (or today).
    pub(super) fn window(&self, p: &Profile) -> Option<(NaiveDate, NaiveDate)> {
        let base = p.since.max(self.start);
        let end = p
            .archived_on
            .map_or(self.today, |a| plus(a, -1))
            .min(self.today);
        (base <= end).then_some((base, end))
    }

    /// The month whose release is in flight on `d`.
    pub(super) fn release_month(&self, d: NaiveDate) -> Month {
        let m = Month::of(d);
        if calendar::release_day(m, self.settings.release_day) < d {
            m.next()
        } else {
            m
        }
    }

    pub(super) fn version_of(&self, m: Month) -> String {
        calendar::month_version(m, self.settings.release_anchor)
            .map_or_else(|| "the next release".to_string(), |v| v.to_string())
    }

    pub(super) fn quarter_of(&self, d: NaiveDate) -> FiscalQuarter {
        FiscalQuarter::containing(Month::of(d), self.settings.fiscal_year_start_month)
    }

    /// How many of the team are the leader's direct reports: the skip-level
    /// reports come after them.
    pub(super) fn direct_reports(&self) -> usize {
        self.direct
    }

    /// A first name of another of the leader's direct reports (a peer PM,
    /// or for a skip-level report, one of their manager's peers).
    pub(super) fn peer_of(&self, idx: usize, rng: &mut Rng) -> String {
        let direct = self.direct_reports();
        if idx >= direct {
            return match direct {
                0 => "a peer PM".to_string(),
                n => self.team[rng.below(n)].first.clone(),
            };
        }
        if direct < 2 {
            return "a peer PM".to_string();
        }
        let mut j = rng.below(direct - 1);
        if j >= idx {
            j += 1;
        }
        self.team[j].first.clone()
    }

    /// The placeholders of text about `p` on day `d`.
    pub(super) fn vars(
        &self,
        idx: usize,
        d: NaiveDate,
        rng: &mut Rng,
    ) -> Vec<(&'static str, String)> {
        let p = &self.team[idx];
        let release = self.release_month(d);
        let slack = format!("#g_{}", p.area().to_lowercase().replace(' ', "_"));
        vec![
            ("first", p.first.clone()),
            ("group", p.area().to_string()),
            ("stage", p.stage.to_string()),
            ("category", rng.pick(&p.categories).to_string()),
            ("release", self.version_of(release)),
            ("shipped", self.version_of(release.prev())),
            ("next", self.version_of(release.next())),
            ("team", rng.pick(TEAMS).to_string()),
            ("em", p.em.to_string()),
            ("peer", self.peer_of(idx, rng)),
            ("customer", rng.pick(CUSTOMERS).to_string()),
            ("quarter", self.quarter_of(d).to_string()),
            ("next_title", p.next_title().to_string()),
            ("slack", slack),
            ("pain", rng.pick(PAINS).to_string()),
        ]
    }

    /// A release-version timing for an item opened on `d`: the release in
    /// flight (if at least three days away) or one after, plus `ahead`.
    pub(super) fn release_timing(&self, d: NaiveDate, ahead: i32) -> Option<Timing> {
        let mut m = Month::of(d);
        if calendar::release_day(m, self.settings.release_day) < plus(d, 3) {
            m = m.next();
        }
        calendar::month_version(m.add_months(ahead), self.settings.release_anchor)
            .map(Timing::Release)
    }
}
