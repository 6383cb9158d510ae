//! Requisitions, their loops and interviews.

use chrono::NaiveDate;

use super::catalogue::{FIRST_NAMES, LAST_NAMES};
use super::days::{business_day, days_between, plus};
use super::rng::{Rng, Stream};
use super::team::Profile;
use super::world::World;
use super::DemoReport;
use crate::error::Result;
use crate::model::{
    InterviewInput, JobFamily, Level, LoopMemberInput, Participant, RequisitionInput,
    RequisitionStatus,
};
use crate::store::hiring;

/// Up to `n` tracked people active on `d`, other than `except`, found by a
/// bounded number of random tries (so the cost does not grow with the team).
pub(super) fn some_colleagues(
    w: &World<'_>,
    rng: &mut Rng,
    d: NaiveDate,
    except: Option<usize>,
    n: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    for _ in 0..32 {
        if out.len() >= n {
            break;
        }
        let j = rng.below(w.direct_reports());
        if Some(j) != except && !out.contains(&j) && w.team[j].tracked && w.team[j].active_on(d) {
            out.push(j);
        }
    }
    out
}

pub(super) fn candidate_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

pub(super) fn hiring_history(w: &World<'_>, report: &mut DemoReport) -> Result<()> {
    let mut rng = Rng::new(w.seed, Stream::Hiring, 0);

    // The filled requisition behind each person who joined during the history.
    for (idx, p) in w.team.iter().enumerate() {
        if p.since <= w.start {
            continue;
        }
        let closed = plus(p.since, -rng.range(14, 30));
        let opened = plus(closed, -rng.range(45, 80)).max(w.start);
        if days_between(opened, closed) < 21 {
            continue;
        }
        let req = hiring::insert_requisition(
            w.tx,
            &RequisitionInput {
                title: p.title.clone(),
                level: p.level,
                opened_on: opened,
            },
        )?;
        report.records.requisitions += 1;
        let em = format!("{} {}", p.em, rng.pick(LAST_NAMES));
        hiring::insert_loop_member(
            w.tx,
            &LoopMemberInput {
                requisition_id: req.id,
                member: Participant::Name(em.clone()),
                role: format!("Engineering Manager, {}", p.area()),
                works_with_hire: true,
            },
        )?;
        report.records.loop_members += 1;
        let peers = some_colleagues(w, &mut rng, opened, Some(idx), 2);
        for (k, j) in peers.iter().enumerate() {
            hiring::insert_loop_member(
                w.tx,
                &LoopMemberInput {
                    requisition_id: req.id,
                    member: Participant::Person(w.ids[*j]),
                    role: if k == 0 {
                        "Peer PM".to_string()
                    } else {
                        "Cross-stage PM interview".to_string()
                    },
                    works_with_hire: k == 0,
                },
            )?;
            report.records.loop_members += 1;
        }
        let mut panel: Vec<Participant> = vec![Participant::Name(em)];
        panel.extend(peers.iter().map(|j| Participant::Person(w.ids[*j])));
        let interviews = 2 + rng.below(3);
        let room = days_between(plus(opened, 7), plus(closed, -3)).max(0);
        for k in 0..=interviews {
            let last = k == interviews;
            let day = if last {
                plus(closed, -rng.range(3, 6).min(days_between(opened, closed)))
            } else {
                plus(opened, 7 + room * k as i64 / (interviews as i64 + 1))
            };
            let candidate = if last {
                p.name.clone()
            } else {
                candidate_name(&mut rng)
            };
            let who = if last {
                panel.clone()
            } else {
                vec![panel[k % panel.len()].clone()]
            };
            hiring::insert_interview(
                w.tx,
                &InterviewInput {
                    requisition_id: req.id,
                    date: business_day(day).min(closed),
                    candidate,
                    interviewers: who,
                },
            )?;
            report.records.interviews += 1;
        }
        hiring::close_requisition(w.tx, req.id, RequisitionStatus::Filled, closed)?;
    }

    // The open requisition, with a PM who will work with the hire in the loop.
    let opened = plus(w.today, -40).max(w.start);
    let req = hiring::insert_requisition(
        w.tx,
        &RequisitionInput {
            title: "Senior Product Manager, Verify:Pipeline Authoring".to_string(),
            level: Level::Ic,
            opened_on: opened,
        },
    )?;
    report.records.requisitions += 1;
    let eligible = |p: &Profile| p.tracked && p.active_on(opened) && p.active_on(w.today);
    let peer = w
        .team
        .iter()
        .position(|p| eligible(p) && p.stage == "Verify")
        .or_else(|| w.team.iter().position(eligible));
    let other = peer.and_then(|first| {
        w.team.iter().enumerate().position(|(j, p)| {
            j != first && eligible(p) && p.family != JobFamily::GroupManagerProduct
        })
    });
    let hannah = Participant::Name("Hannah Schmidt".to_string());
    let lucas = Participant::Name("Lucas Moreau".to_string());
    let grace = Participant::Name("Grace Liu".to_string());
    let mut members: Vec<(Participant, String, bool)> = Vec::new();
    if let Some(j) = peer {
        members.push((
            Participant::Person(w.ids[j]),
            format!("Peer PM, {}", w.team[j].area()),
            true,
        ));
    }
    members.push((
        hannah.clone(),
        "Engineering Manager, Pipeline Authoring".to_string(),
        true,
    ));
    members.push((lucas.clone(), "Product Designer, Verify".to_string(), true));
    if let Some(j) = other {
        members.push((
            Participant::Person(w.ids[j]),
            "Cross-stage PM interview".to_string(),
            false,
        ));
    }
    members.push((grace, "Recruiter".to_string(), false));
    for (member, role, works_with_hire) in members {
        hiring::insert_loop_member(
            w.tx,
            &LoopMemberInput {
                requisition_id: req.id,
                member,
                role,
                works_with_hire,
            },
        )?;
        report.records.loop_members += 1;
    }
    let person = |j: Option<usize>| j.map(|j| Participant::Person(w.ids[j]));
    let panels: Vec<Vec<Participant>> = vec![
        person(peer).into_iter().chain([hannah.clone()]).collect(),
        [lucas.clone()].into_iter().chain(person(other)).collect(),
        vec![hannah.clone(), lucas.clone()],
        person(peer).into_iter().chain([lucas]).collect(),
        person(other).into_iter().chain([hannah]).collect(),
    ];
    const CANDIDATES: &[&str] = &[
        "Anika Sharma",
        "Marcus Johnson",
        "Elena Popescu",
        "Tobias Lindqvist",
        "Nomvula Dlamini",
        "Rahul Iyer",
    ];
    let mut day = business_day(plus(opened, 8));
    let mut k = 0;
    while day <= w.today {
        hiring::insert_interview(
            w.tx,
            &InterviewInput {
                requisition_id: req.id,
                date: day,
                candidate: CANDIDATES[k % CANDIDATES.len()].to_string(),
                interviewers: panels[k % panels.len()].clone(),
            },
        )?;
        report.records.interviews += 1;
        k += 1;
        day = business_day(plus(day, rng.range(5, 9)));
    }
    Ok(())
}
