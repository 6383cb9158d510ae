//! The summary as CSV for spreadsheets: one row per person × metric, with
//! the columns `month,person_id,person,metric,value`. The leader's rows have
//! an empty `person_id` and `person`, except the skip-level rows, which name
//! the manager they count. Metric names are listed in
//! `docs/summary.md`.
//!
//! RFC 4180: CRLF line ends; a field holding a comma, a double quote, CR or
//! LF is quoted, its quotes doubled. A text field that a spreadsheet would
//! run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) is
//! prefixed with `'`. The CSV carries figures, outcomes and links only: no
//! win texts, notes, agenda texts or CDF focus areas, whatever the options.

use std::fmt::Write;

use crate::model::UpdateKind;

use super::{grade::Grade, Summary, UpdateDue};

/// One field, quoted when needed (see the module docs).
pub fn field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

struct Rows<'a> {
    out: String,
    month: String,
    id: String,
    person: &'a str,
}

impl Rows<'_> {
    fn row(&mut self, metric: &str, value: impl ToString) {
        let _ = write!(
            self.out,
            "{},{},{},{},{}\r\n",
            self.month,
            self.id,
            field(self.person),
            field(metric),
            field(&value.to_string())
        );
    }

    fn update(&mut self, prefix: &str, u: &UpdateDue) {
        let key = format!("{prefix}.{}", u.period);
        self.row(&key, u.outcome.as_str());
        if let Some(d) = u.done_on {
            self.row(&format!("{key}.done_on"), d);
        }
        if let Some(l) = &u.link {
            self.row(&format!("{key}.link"), l);
        }
    }
}

fn kind_id(kind: UpdateKind) -> &'static str {
    kind.as_str()
}

/// The summary as CSV (see the module docs).
pub fn csv(s: &Summary) -> String {
    let mut rows = Rows {
        out: String::from("month,person_id,person,metric,value\r\n"),
        month: s.month.to_string(),
        id: String::new(),
        person: "",
    };
    for p in &s.people {
        rows.id = p.person_id.to_string();
        rows.person = &p.name;
        let o = &p.one_on_ones;
        rows.row("one_on_ones.held", o.held);
        rows.row("one_on_ones.skipped", o.skipped);
        rows.row("one_on_ones.cancelled", o.cancelled);
        rows.row("one_on_ones.expected", o.expected);
        rows.row("one_on_ones.cadence_days", o.cadence_days);
        for t in &p.coaching_tags {
            rows.row(&format!("coaching_tag.{}", t.tag), t.count);
        }
        let r = &p.requests;
        rows.row("requests.opened", r.opened);
        rows.row("requests.closed", r.closed);
        rows.row("requests.closed_on_time", r.closed_on_time);
        rows.row("requests.open_at_end", r.open_at_end);
        for (owner, c) in [("person", &p.actions.person), ("leader", &p.actions.leader)] {
            rows.row(&format!("actions.{owner}.opened"), c.opened);
            rows.row(&format!("actions.{owner}.closed"), c.closed);
            rows.row(&format!("actions.{owner}.open_at_end"), c.open_at_end);
        }
        for u in &p.updates {
            rows.update(&format!("update.{}", kind_id(u.kind)), u);
        }
        rows.row("customers.check_ins", p.customers.check_ins);
        rows.row("customers.links_active", p.customers.links_active);
        rows.row(
            "customers.without_check_in",
            p.customers.without_check_in.len(),
        );
        rows.row("wins.noted", p.wins.noted);
        rows.row("wins.shared", p.wins.shared);
        rows.row("interviews", p.interviews);
        rows.row("agenda_balance.person", p.agenda_balance.raised_by_person);
        rows.row("agenda_balance.leader", p.agenda_balance.raised_by_leader);
        rows.row("cdf_reviews", p.cdf_reviews);
        rows.row("career_conversations", p.career_conversations);
        rows.row("skip_level_reports", p.skip_level_reports);
        for c in &p.overdue_at_month_end {
            rows.row(
                &format!("overdue_at_month_end.{}", c.rule.as_str()),
                c.count,
            );
        }
        rows.row("overdue_at_month_end.total", p.overdue_total());
        for c in &p.coverage {
            let g: Grade = c.grade;
            rows.row(&format!("grade.{}", c.practice.as_str()), g.as_str());
        }
    }

    rows.id = String::new();
    rows.person = "";
    let l = &s.leader;
    if let Some(u) = &l.portfolio_direction {
        rows.update("portfolio_direction", u);
    }
    rows.row("walkthroughs", l.walkthroughs.len());
    rows.row("stages_covered", l.stages_covered.len());
    rows.row("milestones", l.milestones.len());
    rows.row("requisitions.open_at_end", l.hiring.open_at_end.len());
    rows.row("requisitions.filled", l.hiring.filled.len());
    rows.row("interviews", l.hiring.interviews);
    for c in &l.overdue_at_month_end.by_rule {
        rows.row(
            &format!("overdue_at_month_end.{}", c.rule.as_str()),
            c.count,
        );
    }
    rows.row("overdue_at_month_end.total", l.overdue_at_month_end.total);
    // Skip-levels: one row per figure, on the manager's person_id and name.
    for k in &l.skip_levels {
        rows.id = k.person_id.to_string();
        rows.person = &k.name;
        rows.row("skip_levels.reports", k.reports);
        rows.row("skip_levels.reports_met", k.reports_met);
        rows.row("skip_levels.held", k.held);
    }
    rows.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=1+1", "'=1+1"),
            ("-x,y", "\"'-x,y\""),
            ("@here", "'@here"),
        ];
        for (input, want) in cases {
            assert_eq!(field(input), want, "{input:?}");
        }
    }
}
