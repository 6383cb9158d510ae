//! The leader's portfolio milestones: a few around the demo's releases, so
//! Today's release calendar, the person pages, the summary and the calendar
//! feed all show some — one that passed last month, one tied to the release
//! in flight, one on a day a few weeks ahead, and one beyond Today's 90 days.

use super::days::{business_day, plus};
use super::walkthrough_history::team_stages;
use super::world::World;
use super::DemoReport;
use crate::calendar::{self, Month};
use crate::error::Result;
use crate::model::MilestoneInput;
use crate::store::milestones;

pub(super) fn milestone_history(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let stages = team_stages(w, w.today);
    let stage = |i: usize| stages.get(i).map(|s| s.to_string());
    let in_flight = w.release_month(w.today);
    let version = |m: Month| calendar::month_version(m, w.settings.release_anchor);
    let mut inputs = Vec::new();
    if let Some(v) = version(in_flight.prev()).filter(|_| in_flight.prev() >= Month::of(w.start)) {
        let mut past = MilestoneInput::on_release("Code review beta opens to all customers", v);
        past.stages.extend(stage(1));
        inputs.push(past);
    }
    if let Some(v) = version(in_flight) {
        let mut ga = MilestoneInput::on_release("Portfolio GA: planning suite", v);
        ga.stages.extend(stage(0));
        ga.link = Some("https://gitlab.example.com/groups/product/-/epics/412".into());
        ga.notes = "Launch readiness review two weeks before; marketing owns the blog post.".into();
        inputs.push(ga);
    }
    let mut pricing = MilestoneInput::new(
        "Pricing and packaging change takes effect",
        business_day(plus(w.today, 24)),
    );
    pricing.stages.extend(stage(0));
    pricing.stages.extend(stage(2));
    inputs.push(pricing);
    if let Some(v) = version(in_flight.add_months(4)) {
        inputs.push(MilestoneInput::on_release(
            "Deprecations removed (breaking-change release)",
            v,
        ));
    }
    for input in inputs {
        milestones::insert(w.tx, &input)?;
        report.records.milestones += 1;
    }
    Ok(())
}
