//! The interchange file: export → import → export, what import refuses, and
//! the JSON Schema in `docs/`.
//!
//! Every test starts from [`filled`], a database with records of every kind
//! written through the store's public functions, or from an empty one.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use coachlog_core::interchange::{self, Document, ImportReport, FORMAT_VERSION};
use coachlog_core::model::*;
use coachlog_core::settings::{self, KEYS};
use coachlog_core::store::nudge_state;
use coachlog_core::store::{
    agenda, cdf, customers, drafts, hiring, milestones, one_on_ones, people, search, templates,
    updates, walkthroughs, wins,
};
use coachlog_core::{Db, ErrorKind};
use serde_json::{json, Value};

use crate::support::{
    d, db, db_on, dump_with_search_index, export_json, file_db, person_input, plan_scope, CREATED,
};

/// A Senior Product Manager of two groups of the stage Plan since `since`.
fn person(name: &str, since: &str) -> PersonInput {
    PersonInput {
        title: "Senior Product Manager, Plan".into(),
        scope: Scope {
            groups: vec!["Project Management".into(), "Product Planning".into()],
            ..plan_scope()
        },
        since: d(since),
        ..person_input(name)
    }
}

/// The day the import targets, in memory and in files, are created:
/// another day than the source's [`CREATED`].
const TARGET_CREATED: &str = "2026-07-01";

fn one_on_one(
    p: PersonId,
    date: &str,
    status: OneOnOneStatus,
    notes: &str,
    tags: &[&str],
) -> OneOnOneInput {
    OneOnOneInput {
        person_id: p,
        date: d(date),
        status,
        notes: notes.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

fn item(
    p: PersonId,
    text: &str,
    tag: OpenTag,
    timing: Option<&str>,
    raised_by: RaisedBy,
    opened: &str,
    opened_in: Option<OneOnOneId>,
) -> AgendaItemInput {
    AgendaItemInput {
        person_id: p,
        text: text.into(),
        open_tag: tag,
        timing: timing.map(|t| t.parse().unwrap()),
        raised_by,
        opened_on: d(opened),
        opened_in,
    }
}

/// A database with at least one record of every kind, every optional field
/// used somewhere, closed and archived states, Unicode and Markdown.
fn filled() -> Db {
    let mut db = db();
    db.write(|tx| {
        // People: an active PM with a cadence override, one archived with old
        // 1:1s, and an untracked manager with a Unicode name.
        let mut ada = person("Ada Lovelace", "2025-06-01");
        ada.cadence_days = Some(14);
        let ada = people::insert(tx, &ada)?.id;
        let mut bo = person("Bo Ström", "2025-01-15");
        bo.job_family = JobFamily::ProductManager;
        bo.scope = Scope {
            kind: ScopeKind::Stage,
            section: None,
            stages: vec!["Create".into()],
            groups: vec![],
        };
        let bo = people::insert(tx, &bo)?.id;
        let mut chloe = person("Chloé Ñandú 李", "2025-09-01");
        chloe.title = String::new();
        chloe.job_family = JobFamily::GroupManagerProduct;
        chloe.level = Level::Manager;
        chloe.tracked = false;
        chloe.scope = Scope {
            kind: ScopeKind::CollectionOfGroups,
            section: None,
            stages: vec!["Create".into(), "Verify".into()],
            groups: vec![],
        };
        let chloe = people::insert(tx, &chloe)?.id;
        // A skip-level report of Chloé's (met once, below).
        let dev = people::insert(
            tx,
            &PersonInput::skip_level("Dev Patel", d("2025-09-01"), chloe),
        )?
        .id;

        // 1:1s of every status; Markdown, emoji and diacritics in notes.
        let notes =
            "## Career\n\n- wants more exposure to **pricing**\n- 🚀 ship the *boards* MVP\n\n\
                     | risk | owner |\n| --- | --- |\n| scope creep | Ada |\n\n\tindented `code`";
        let a1 = one_on_ones::insert(
            tx,
            &one_on_one(
                ada,
                "2026-01-06",
                OneOnOneStatus::Held,
                notes,
                &["career", "Feedback"],
            ),
        )?
        .id;
        let a2 = one_on_ones::insert(
            tx,
            &one_on_one(ada, "2026-01-13", OneOnOneStatus::Held, "", &[]),
        )?
        .id;
        one_on_ones::insert(
            tx,
            &one_on_one(ada, "2026-01-20", OneOnOneStatus::Skipped, "", &[]),
        )?;
        one_on_ones::insert(
            tx,
            &one_on_one(
                ada,
                "2026-01-27",
                OneOnOneStatus::Cancelled,
                "Sick day.",
                &[],
            ),
        )?;
        let b1 = one_on_ones::insert(
            tx,
            &one_on_one(
                bo,
                "2025-03-01",
                OneOnOneStatus::Held,
                "Old notes — naïve café ☕",
                &["risk"],
            ),
        )?
        .id;
        let b2 = one_on_ones::insert(
            tx,
            &one_on_one(
                bo,
                "2025-09-10",
                OneOnOneStatus::Held,
                "Last one before leaving.",
                &["growth"],
            ),
        )?
        .id;

        // Agenda: open HELP, closed TODO with a release timing (closed in a
        // 1:1), closed DOTO with a date timing (closed outside a 1:1), and an
        // archived person's closed item.
        let help = agenda::insert(
            tx,
            &item(
                ada,
                "How do I pitch **pricing** to Sales?",
                OpenTag::Help,
                None,
                RaisedBy::Person,
                "2026-01-06",
                Some(a1),
            ),
        )?
        .id;
        let todo = agenda::insert(
            tx,
            &item(
                ada,
                "Draft the 19.2 kickoff",
                OpenTag::Todo,
                Some("19.2"),
                RaisedBy::Leader,
                "2026-01-06",
                Some(a1),
            ),
        )?
        .id;
        agenda::close(tx, todo, CloseTag::Done, d("2026-01-13"), Some(a2))?;
        let doto = agenda::insert(
            tx,
            &item(
                ada,
                "Intro to the pricing lead",
                OpenTag::Doto,
                Some("2026-02-01"),
                RaisedBy::Leader,
                "2026-01-13",
                None,
            ),
        )?
        .id;
        agenda::close(tx, doto, CloseTag::Wont, d("2026-01-20"), None)?;
        agenda::insert(
            tx,
            &item(
                ada,
                "Think about a stage-level roadmap",
                OpenTag::Think,
                None,
                RaisedBy::Leader,
                "2026-01-13",
                Some(a2),
            ),
        )?;
        let old = agenda::insert(
            tx,
            &item(
                bo,
                "Discuss the hand-over plan",
                OpenTag::Discuss,
                None,
                RaisedBy::Person,
                "2025-03-01",
                Some(b1),
            ),
        )?
        .id;
        agenda::close(tx, old, CloseTag::Thanks, d("2025-09-10"), Some(b2))?;

        // Updates: done with a link, in review, OKRs for a quarter, and the
        // leader's portfolio direction marked done.
        let update = |p: Option<PersonId>,
                      kind,
                      period: &str,
                      status,
                      done: Option<&str>,
                      link: Option<&str>| UpdateInput {
            person_id: p,
            kind,
            period: period.parse().unwrap(),
            status,
            done_on: done.map(d),
            link: link.map(str::to_string),
            objectives: Vec::new(),
        };
        updates::insert(
            tx,
            &update(
                Some(ada),
                UpdateKind::NextRelease,
                "2026-01",
                UpdateStatus::Done,
                Some("2026-01-10"),
                Some("https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1"),
            ),
        )?;
        updates::insert(
            tx,
            &update(
                Some(ada),
                UpdateKind::ThreeMonthVision,
                "2026-01",
                UpdateStatus::InReview,
                None,
                None,
            ),
        )?;
        updates::insert(
            tx,
            &UpdateInput {
                objectives: vec![
                    Objective {
                        text: "Make planning effortless".into(),
                        key_results: vec![
                            KeyResult {
                                text: "Roadmap views load in under 1 s".into(),
                                score: Some(Score::new(0.7).unwrap()),
                            },
                            KeyResult {
                                text: "3 enterprise pilots of boards".into(),
                                score: None,
                            },
                        ],
                    },
                    Objective {
                        text: "Grow the team's pricing skill".into(),
                        key_results: vec![],
                    },
                ],
                ..update(
                    Some(ada),
                    UpdateKind::Okrs,
                    "FY27-Q1",
                    UpdateStatus::NotStarted,
                    None,
                    None,
                )
            },
        )?;
        let pd = updates::insert(
            tx,
            &update(
                None,
                UpdateKind::PortfolioDirection,
                "2026-01",
                UpdateStatus::NotStarted,
                None,
                None,
            ),
        )?
        .id;
        updates::mark_done(
            tx,
            pd,
            d("2026-01-16"),
            Some("https://gitlab.com/gitlab-com/www/-/merge_requests/42"),
        )?;

        // Internal customers: a link archived and then added again, with
        // check-ins, and another PM's active link.
        let link = |p, team: &str, category: &str, since: &str| CustomerLinkInput {
            person_id: p,
            team: team.into(),
            category: category.into(),
            since: d(since),
        };
        let l1 = customers::insert_link(
            tx,
            &link(ada, "Support Engineering", "Issue tracking", "2025-07-01"),
        )?
        .id;
        let check_in = |l, date: &str, epic, notes: &str| CheckInInput {
            link_id: l,
            date: d(date),
            epic_updated: epic,
            notes: notes.into(),
        };
        customers::insert_check_in(
            tx,
            &check_in(l1, "2025-08-01", true, "Synced on the **epic**."),
        )?;
        customers::insert_check_in(tx, &check_in(l1, "2025-09-01", false, ""))?;
        customers::archive_link(tx, l1, d("2025-10-01"))?;
        let l2 = customers::insert_link(
            tx,
            &link(ada, "support engineering", "Issue Tracking", "2025-11-01"),
        )?
        .id;
        customers::insert_check_in(tx, &check_in(l2, "2026-01-08", true, "Back on track 👍"))?;
        customers::insert_link(tx, &link(chloe, "Sales — EMEA", "Pipelines", "2025-09-01"))?;

        // Hiring: a filled requisition with a loop of team members and a free
        // name, interviews with person and free-name interviewers; an open one.
        let req = hiring::insert_requisition(
            tx,
            &RequisitionInput {
                title: "Senior PM, Plan".into(),
                level: Level::Ic,
                opened_on: d("2025-12-01"),
            },
        )?
        .id;
        let member = |m, role: &str, works| LoopMemberInput {
            requisition_id: req,
            member: m,
            role: role.into(),
            works_with_hire: works,
        };
        hiring::insert_loop_member(tx, &member(Participant::Person(ada), "peer PM", true))?;
        hiring::insert_loop_member(
            tx,
            &member(
                Participant::Name("Dana Recruiter".into()),
                "recruiter",
                false,
            ),
        )?;
        hiring::insert_loop_member(tx, &member(Participant::Person(chloe), "", false))?;
        let interview = |date: &str, candidate: &str, who: Vec<Participant>| InterviewInput {
            requisition_id: req,
            date: d(date),
            candidate: candidate.into(),
            interviewers: who,
        };
        hiring::insert_interview(
            tx,
            &interview(
                "2025-12-10",
                "Eve Candidate",
                vec![
                    Participant::Person(ada),
                    Participant::Name("Dana Recruiter".into()),
                ],
            ),
        )?;
        hiring::insert_interview(
            tx,
            &interview(
                "2025-12-12",
                "Frank Ñúñez",
                vec![Participant::Person(chloe)],
            ),
        )?;
        hiring::insert_interview(tx, &interview("2025-12-15", "Gus Nobody", vec![]))?;
        hiring::close_requisition(tx, req, RequisitionStatus::Filled, d("2025-12-20"))?;
        hiring::insert_requisition(
            tx,
            &RequisitionInput {
                title: "Director of Product, Dev".into(),
                level: Level::Director,
                opened_on: d("2026-01-02"),
            },
        )?;

        // Walkthroughs.
        walkthroughs::insert(
            tx,
            &WalkthroughInput {
                date: d("2026-01-09"),
                title: "Plan: issue boards 🧭".into(),
                stages: vec!["Plan".into(), "Create".into()],
                categories: vec!["Boards".into()],
                findings: "1. Confusing empty state\n2. `Ctrl+K` does nothing\n\n> quote".into(),
                issue_link: Some("https://gitlab.com/gitlab-org/gitlab/-/issues/123".into()),
            },
        )?;
        walkthroughs::insert(
            tx,
            &WalkthroughInput {
                date: d("2025-12-15"),
                title: "Verify onboarding".into(),
                stages: vec![],
                categories: vec![],
                findings: String::new(),
                issue_link: None,
            },
        )?;

        // Wins: shared with a place, shared without, unshared.
        let win = |p, noted: &str, text: &str| WinInput {
            person_id: p,
            noted_on: d(noted),
            text: text.into(),
        };
        let w1 = wins::insert(
            tx,
            &win(
                ada,
                "2026-01-07",
                "Launched the **pricing** page — +20 % sign-ups 📈",
            ),
        )?
        .id;
        wins::share(tx, w1, d("2026-01-09"), Some("#product-leadership"))?;
        let w2 = wins::insert(tx, &win(bo, "2025-06-01", "Shipped Create's *first* MVC"))?.id;
        wins::share(tx, w2, d("2025-06-02"), None)?;
        wins::insert(tx, &win(chloe, "2026-01-10", "Hired two PMs in a month"))?;

        // Bo leaves the team after all of that.
        people::archive(tx, bo, d("2025-12-31"))?;

        // A draft and nudge states.
        drafts::save(
            tx,
            &Draft {
                person_id: ada,
                date: d("2026-02-03"),
                status: OneOnOneStatus::Held,
                notes: "Half-written… about *pricing*".into(),
                tags: vec!["growth".into()],
                new_items: vec![NewItem {
                    text: "Follow up with Sales".into(),
                    open_tag: OpenTag::Todo,
                    timing: Some("2026-02-10".parse().unwrap()),
                    raised_by: RaisedBy::Person,
                }],
                close_items: vec![ItemClosure {
                    id: help,
                    tag: CloseTag::Done,
                }],
            },
        )?;
        nudge_state::snooze(tx, &format!("one_on_one:{ada}:2026-01-20"), d("2026-01-25"))?;
        nudge_state::dismiss(tx, "walkthrough:2025-12")?;
        nudge_state::snooze(tx, &format!("win_unshared:{w1}"), d("2026-01-30"))?;
        nudge_state::dismiss(tx, &format!("win_unshared:{w1}"))?;

        // A skip-level meeting.
        one_on_ones::insert(
            tx,
            &one_on_one(
                dev,
                "2026-01-07",
                OneOnOneStatus::Held,
                "Skip-level: onboarding",
                &[],
            ),
        )?;

        // CDF reviews, and the leader's templates.
        let mut review = CdfReviewInput::new(
            ada,
            d("2025-09-15"),
            &["Roadmap storytelling", "Pricing 🚀"],
        );
        review.notes = "Strong *execution*; practise the narrative.".into();
        review.link = Some("https://docs.example.com/cdf/ada".into());
        cdf::insert(tx, &review)?;
        cdf::insert(
            tx,
            &CdfReviewInput::new(ada, d("2025-12-15"), &["Stakeholder alignment"]),
        )?;
        templates::set(tx, TemplateKind::OneOnOne, None, "## Their items\n- \n")?;
        templates::set(
            tx,
            TemplateKind::OneOnOne,
            Some(ada),
            "## Pricing corner\n- \n",
        )?;
        templates::set(tx, TemplateKind::Walkthrough, None, "")?;

        // The leader's milestones: one on a day, one on a release's day
        // (which moves with the release_day set below).
        let mut ga = MilestoneInput::new("Portfolio GA 🚀", d("2026-02-12"));
        ga.stages = vec!["Plan".into(), "Create".into()];
        ga.link = Some("https://gitlab.example.com/epics/9".into());
        ga.notes = "Readiness *review* first.".into();
        milestones::insert(tx, &ga)?;
        milestones::insert(
            tx,
            &MilestoneInput::on_release("Breaking changes", "19.0".parse().unwrap()),
        )?;

        // Settings other than the defaults.
        settings::set(tx, "release_day", "22")?;
        settings::set(tx, "fiscal_year_start_month", "1")?;
        settings::set(tx, "win_share_days", "5")?;
        Ok(())
    })
    .unwrap();
    db
}

fn export(db: &Db) -> Document {
    interchange::export(db.conn()).unwrap()
}

fn empty_db() -> Db {
    db_on(TARGET_CREATED)
}

// ---------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------

#[test]
fn export_import_export_is_byte_identical() {
    let source = filled();
    let first = export_json(&source);
    let doc = interchange::parse(&first).unwrap();
    assert_eq!(doc, export(&source));

    // A target created on another day: the import keeps the exported
    // tracking_since and settings.
    let mut target = empty_db();
    let report = interchange::import(&mut target, &doc).unwrap();
    assert_eq!(report, ImportReport::of(&doc));
    assert_eq!(report.records.people, 4);
    assert_eq!(
        report.total(),
        doc.people.len()
            + doc.one_on_ones.len()
            + doc.agenda_items.len()
            + doc.updates.len()
            + doc.customer_links.len()
            + doc.check_ins.len()
            + doc.requisitions.len()
            + doc.loop_members.len()
            + doc.interviews.len()
            + doc.cdf_reviews.len()
            + doc.milestones.len()
            + doc.templates.len()
            + doc.walkthroughs.len()
            + doc.wins.len()
            + doc.drafts.len()
            + doc.nudge_states.len()
    );
    assert!(
        report
            .to_string()
            .starts_with("4 people, 7 1:1s, 5 agenda items"),
        "{report}"
    );

    let second = export_json(&target);
    assert_eq!(first, second);
    // Below the export: every table, the search index included, is the same
    // (settings aside: the import writes every setting, defaults included).
    let records = |db: &Db| {
        let mut tables = dump_with_search_index(db.conn());
        tables.remove("setting");
        tables
    };
    assert_eq!(records(&source), records(&target));

    let s = settings::load(target.conn()).unwrap();
    assert_eq!(s.tracking_since, d(CREATED));
    assert_eq!(s.value_of("release_day").unwrap(), "22");
}

#[test]
fn export_is_complete_sorted_and_deterministic() {
    let db = filled();
    let doc = export(&db);
    let value = serde_json::to_value(&doc).unwrap();
    for list in interchange::lists() {
        let records = value[list].as_array().unwrap_or_else(|| panic!("{list}"));
        assert!(
            !records.is_empty(),
            "{list} is empty: the fixture should fill every kind"
        );
    }
    fn sorted<K: Ord + Copy>(ids: impl Iterator<Item = K>) -> bool {
        let ids: Vec<K> = ids.collect();
        ids.windows(2).all(|w| w[0] < w[1])
    }
    assert!(sorted(doc.people.iter().map(|r| r.id)));
    assert!(sorted(doc.one_on_ones.iter().map(|r| r.id)));
    assert!(sorted(doc.agenda_items.iter().map(|r| r.id)));
    assert!(sorted(doc.updates.iter().map(|r| r.id)));
    assert!(sorted(doc.customer_links.iter().map(|r| r.id)));
    assert!(sorted(doc.check_ins.iter().map(|r| r.id)));
    assert!(sorted(doc.requisitions.iter().map(|r| r.id)));
    assert!(sorted(doc.loop_members.iter().map(|r| r.id)));
    assert!(sorted(doc.interviews.iter().map(|r| r.id)));
    assert!(sorted(doc.walkthroughs.iter().map(|r| r.id)));
    assert!(sorted(doc.wins.iter().map(|r| r.id)));
    assert!(sorted(doc.drafts.iter().map(|r| r.person_id)));
    assert!(doc.nudge_states.windows(2).all(|w| w[0].key < w[1].key));

    // The states the fixture promises are in the file.
    assert!(doc.people.iter().any(|p| p.archived_on.is_some()));
    assert!(doc.customer_links.iter().any(|l| l.archived_on.is_some()));
    assert!(doc.agenda_items.iter().any(|a| a.closed_in.is_some()));
    assert!(doc
        .requisitions
        .iter()
        .any(|r| r.status == RequisitionStatus::Filled));
    assert!(doc
        .updates
        .iter()
        .any(|u| u.person_id.is_none() && u.status == UpdateStatus::Done));
    assert!(doc.wins.iter().any(|w| w.shared_where.is_some()));
    assert_eq!(
        doc.settings
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        KEYS.iter().map(|k| k.key).collect::<BTreeSet<_>>()
    );

    let json = interchange::to_json(&doc);
    assert!(
        json.starts_with(
            "{\n  \"format\": \"coachlog\",\n  \"format_version\": 3,\n  \"settings\": {\n    \""
        ),
        "{}",
        &json[..80]
    );
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
    assert!(
        json.contains("\"Chloé Ñandú 李\""),
        "Unicode is written as is"
    );
    assert!(
        json.contains("\"archived_on\": null"),
        "absent values are written as null"
    );
    assert_eq!(
        json,
        export_json(&db),
        "the same database gives the same bytes"
    );
    assert_eq!(
        json,
        interchange::to_json(&interchange::parse(&json).unwrap())
    );
}

#[test]
fn an_empty_database_round_trips() {
    let db = empty_db();
    let first = export_json(&db);
    let mut target = db_on("2020-01-01");
    let report = interchange::import(&mut target, &interchange::parse(&first).unwrap()).unwrap();
    assert_eq!(report.total(), 0);
    assert_eq!(export_json(&target), first);
}

#[test]
fn search_finds_imported_records() {
    let source = filled();
    let mut target = empty_db();
    interchange::import(&mut target, &export(&source)).unwrap();
    let hits = |db: &Db| search::search(db.conn(), "pricing", 50).unwrap();
    let found = hits(&target);
    assert!(found.len() >= 3, "{found:?}");
    assert_eq!(found, hits(&source));
    assert_eq!(
        search::search(target.conn(), "naive cafe", 5)
            .unwrap()
            .len(),
        1
    );
}

/// Edits cannot reach states that an import of their export would refuse
/// (moving a `since` after existing records, archiving or closing before
/// later activity): the store refuses each, so every database round trips.
#[test]
fn edits_cannot_reach_states_that_import_would_refuse() {
    let mut db = db_on("2025-01-01");
    let (p, link, req) = db
        .write(|tx| {
            let p = people::insert(tx, &person("Ines", "2025-01-01"))?;
            let link = customers::insert_link(
                tx,
                &CustomerLinkInput {
                    person_id: p.id,
                    team: "Docs".into(),
                    category: "Wiki".into(),
                    since: d("2025-02-01"),
                },
            )?;
            customers::insert_check_in(
                tx,
                &CheckInInput {
                    link_id: link.id,
                    date: d("2025-03-10"),
                    epic_updated: false,
                    notes: String::new(),
                },
            )?;
            updates::insert(
                tx,
                &UpdateInput {
                    person_id: Some(p.id),
                    kind: UpdateKind::NextRelease,
                    period: "2025-02".parse().unwrap(),
                    status: UpdateStatus::Done,
                    done_on: Some(d("2025-02-10")),
                    link: None,
                    objectives: Vec::new(),
                },
            )?;
            one_on_ones::insert(
                tx,
                &one_on_one(p.id, "2025-04-10", OneOnOneStatus::Held, "", &[]),
            )?;
            let req = hiring::insert_requisition(
                tx,
                &RequisitionInput {
                    title: "PM".into(),
                    level: Level::Ic,
                    opened_on: d("2025-01-10"),
                },
            )?;
            hiring::insert_interview(
                tx,
                &InterviewInput {
                    requisition_id: req.id,
                    date: d("2025-02-20"),
                    candidate: "Kim".into(),
                    interviewers: vec![Participant::Person(p.id)],
                },
            )?;
            Ok((p, link, req))
        })
        .unwrap();
    let before = export_json(&db);
    let mut later = PersonInput::from(&p);
    later.since = d("2025-03-01");
    let refusals: Vec<(coachlog_core::Error, &str)> = vec![
        (
            db.write(|tx| customers::archive_link(tx, link.id, d("2025-03-01")))
                .unwrap_err(),
            "has a check-in on 2025-03-10, after the archive date",
        ),
        (
            db.write(|tx| people::update(tx, p.id, &later)).unwrap_err(),
            "before the new 'since' date",
        ),
        (
            db.write(|tx| people::archive(tx, p.id, d("2025-04-01")))
                .unwrap_err(),
            "has a 1:1 on 2025-04-10, after the archive date",
        ),
        (
            db.write(|tx| {
                hiring::close_requisition(tx, req.id, RequisitionStatus::Cancelled, d("2025-02-01"))
            })
            .unwrap_err(),
            "has an interview on 2025-02-20, after the closing date",
        ),
    ];
    for (err, needle) in refusals {
        assert!(err.to_string().contains(needle), "{err}");
    }
    assert_eq!(
        before,
        export_json(&db),
        "a refused edit changed the database"
    );
    let mut target = empty_db();
    interchange::import(&mut target, &interchange::parse(&before).unwrap()).unwrap();
    assert_eq!(before, export_json(&target));
}

// ---------------------------------------------------------------------------
// What import refuses
// ---------------------------------------------------------------------------

/// Imports `doc` into a new database file and asserts that it is refused
/// with a message containing `needle`, and that the file is byte for byte
/// what it was before.
fn refused_into_file(doc: &Document, needle: &str) -> coachlog_core::Error {
    let dir = tempfile::tempdir().unwrap();
    let path = file_db(dir.path(), "target.sqlite", TARGET_CREATED);
    let before = std::fs::read(&path).unwrap();
    let mut db = Db::open(&path, d(TARGET_CREATED)).unwrap();
    let err = interchange::import(&mut db, doc).unwrap_err();
    assert!(
        err.to_string().contains(needle),
        "expected «{needle}» in «{err}»"
    );
    assert_eq!(
        export_json(&db),
        export_json(&empty_db()),
        "the database still has nothing in it"
    );
    drop(db);
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");
    err
}

#[test]
fn a_dangling_reference_is_refused_and_named() {
    let mut doc = export(&filled());
    let i = doc.one_on_ones.len() - 1;
    doc.one_on_ones[i].person_id = PersonId(9);
    let id = doc.one_on_ones[i].id;
    let err = refused_into_file(
        &doc,
        &format!("one_on_ones[{i}] (id {id}) refers to person 9, which is not in the file."),
    );
    assert_eq!(err.kind(), ErrorKind::Invalid);

    let mut doc = export(&filled());
    doc.agenda_items[1].closed_in = Some(OneOnOneId(77));
    refused_into_file(
        &doc,
        &format!(
            "agenda_items[1] (id {}) refers to 1:1 77 (closed_in), which is not in the file.",
            doc.agenda_items[1].id
        ),
    );

    let mut doc = export(&filled());
    doc.interviews[0]
        .interviewers
        .push(Participant::Person(PersonId(42)));
    refused_into_file(
        &doc,
        "interviews[0] (id 1) refers to person 42 (interviewers), which is not in the file.",
    );

    let mut doc = export(&filled());
    doc.check_ins[0].link_id = LinkId(5);
    refused_into_file(
        &doc,
        "check_ins[0] (id 1) refers to internal-customer link 5, which is not in the file.",
    );

    let mut doc = export(&filled());
    doc.drafts[0].close_items[0].id = AgendaItemId(500);
    refused_into_file(
        &doc,
        "drafts[0] (person 1) refers to agenda item 500 (close_items), which is not in the file.",
    );
}

#[test]
fn a_duplicate_id_is_refused_and_named() {
    let mut doc = export(&filled());
    doc.wins[2].id = doc.wins[0].id;
    refused_into_file(
        &doc,
        "wins[2] (id 1): the id 1 is also used by wins[0]; ids must be unique within a list.",
    );

    let mut doc = export(&filled());
    doc.people[1].id = PersonId(0);
    refused_into_file(
        &doc,
        "people[1] (id 0): ids are whole numbers from 1 to 68719476735.",
    );
}

/// The store refuses a record of the last lists only after every other
/// record was written: the one transaction leaves nothing behind.
#[test]
fn an_interrupted_import_leaves_nothing() {
    let mut doc = export(&filled());
    let i = doc.wins.len() - 1;
    doc.wins[i].text = "   ".into();
    let id = doc.wins[i].id;
    let err = refused_into_file(
        &doc,
        &format!("wins[{i}] (id {id}): The win is empty; write something."),
    );
    assert_eq!(err.kind(), ErrorKind::Invalid);

    // The very last write of an import: a nudge key the store refuses.
    let mut doc = export(&filled());
    let i = doc.nudge_states.len() - 1;
    doc.nudge_states[i].key = "soon:1".into();
    refused_into_file(
        &doc,
        &format!("nudge_states[{i}] (soon:1): 'soon:1' is not a nudge key"),
    );

    // A value the database itself refuses, whichever layer catches it (a
    // coaching tag longer than the tag table's 100 characters).
    let mut doc = export(&filled());
    doc.one_on_ones[0].tags.push("t".repeat(150));
    refused_into_file(&doc, "one_on_ones[0] (id 1): ");

    // A conflict between two records of the file.
    let mut doc = export(&filled());
    doc.people[2].name = "ada lovelace".into();
    refused_into_file(
        &doc,
        "people[2] (id 3): There is already a person named 'Ada Lovelace' (id 1).",
    );

    // A record dated outside its person's time on the team.
    let mut doc = export(&filled());
    doc.one_on_ones[0].date = d("2024-01-01");
    refused_into_file(
        &doc,
        "one_on_ones[0] (id 1): Ada Lovelace has reported to you since 2025-06-01",
    );
}

#[test]
fn inconsistent_pairs_and_dates_are_refused() {
    let mut doc = export(&filled());
    let i = doc
        .agenda_items
        .iter()
        .position(|a| a.closed_on.is_some())
        .unwrap();
    doc.agenda_items[i].close_tag = None;
    refused_into_file(&doc, "but no close_tag");

    let mut doc = export(&filled());
    doc.requisitions[1].closed_on = Some(d("2026-02-01"));
    refused_into_file(
        &doc,
        "requisitions[1] (id 2): an open requisition has no closing date",
    );

    let mut doc = export(&filled());
    doc.people[0].archived_on = Some(d("2025-01-01"));
    refused_into_file(
        &doc,
        "people[0] (id 1): the archive date (2025-01-01) is before the 'since' date (2025-06-01).",
    );

    let mut doc = export(&filled());
    doc.walkthroughs[0].date = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    refused_into_file(
        &doc,
        "walkthroughs[0] (id 1): the date +10000-01-01 is out of range",
    );

    let mut doc = export(&filled());
    doc.updates[0].done_on = None;
    refused_into_file(
        &doc,
        "updates[0] (id 1): An update marked done needs the day it was done",
    );
}

/// A done update (or an internal-customer link) dated before its person's
/// `since` is a state no edit reaches — moving `since` later past it is
/// refused — and the import refuses it the same way: the person goes in
/// with the earlier date, their records follow, and setting the file's
/// `since` last is refused, naming the person's place in the file. Nothing
/// is written (`docs/interchange.md`, "What import checks").
#[test]
fn a_done_update_or_link_before_its_persons_since_is_refused() {
    let source = export(&filled());
    let ada = &source.people[0];
    assert_eq!(
        (ada.name.as_str(), ada.since),
        ("Ada Lovelace", d("2025-06-01"))
    );
    let refusal = "people[0] (id 1): Ada Lovelace has records from 2025-05-20, before the new \
                   'since' date 2025-06-01; use 2025-05-20 or earlier.";

    let mut doc = source.clone();
    let u = &mut doc.updates[0];
    assert_eq!((u.person_id, u.status), (Some(ada.id), UpdateStatus::Done));
    u.done_on = Some(d("2025-05-20"));
    let err = refused_into_file(&doc, refusal);
    assert_eq!(err.kind(), ErrorKind::Invalid);

    let mut doc = source.clone();
    assert_eq!(doc.customer_links[0].person_id, ada.id);
    doc.customer_links[0].since = d("2025-05-20");
    refused_into_file(&doc, refusal);

    // On or after `since`, the same update goes in.
    let mut doc = source.clone();
    doc.updates[0].done_on = Some(ada.since);
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    assert_eq!(export_json(&target), interchange::to_json(&doc));
}

#[test]
fn settings_are_validated() {
    let mut doc = export(&filled());
    doc.settings.insert("release_day".into(), "31".into());
    refused_into_file(
        &doc,
        "settings.release_day: A fixed release day must be between 1 and 28",
    );

    let mut doc = export(&filled());
    doc.settings.insert("colour".into(), "blue".into());
    refused_into_file(&doc, "settings: There is no setting 'colour'.");

    let mut doc = export(&filled());
    doc.settings.remove("tracking_since");
    refused_into_file(&doc, "settings: tracking_since is missing");

    // Other missing settings take their defaults.
    let mut doc = export(&filled());
    doc.settings.remove("release_day");
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    assert_eq!(
        settings::load(target.conn())
            .unwrap()
            .value_of("release_day")
            .unwrap(),
        "third-thursday"
    );
}

#[test]
fn a_database_with_records_is_refused_and_unchanged() {
    let doc = export(&filled());
    let mut target = empty_db();
    target
        .write(|tx| people::insert(tx, &person("Zed", "2026-01-01")))
        .unwrap();
    let before = dump_with_search_index(target.conn());
    let err = interchange::import(&mut target, &doc).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let msg = err.to_string();
    assert!(msg.contains("already has records (1 person)"), "{msg}");
    assert!(msg.contains("--db new.sqlite"), "{msg}");
    assert_eq!(dump_with_search_index(target.conn()), before);

    // Importing twice is refused the same way.
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    let before = dump_with_search_index(target.conn());
    assert_eq!(
        interchange::import(&mut target, &doc).unwrap_err().kind(),
        ErrorKind::Conflict
    );
    assert_eq!(dump_with_search_index(target.conn()), before);

    // A dismissed nudge is the leader's data too.
    let mut target = empty_db();
    target
        .write(|tx| nudge_state::dismiss(tx, "walkthrough:2026-01"))
        .unwrap();
    assert!(interchange::import(&mut target, &doc)
        .unwrap_err()
        .to_string()
        .contains("1 snoozed or dismissed nudge)"));
}

#[test]
fn changed_settings_alone_do_not_make_a_database_non_empty() {
    let doc = export(&filled());
    let mut target = empty_db();
    target
        .write(|tx| settings::set(tx, "one_on_one_every_days", "3"))
        .unwrap();
    interchange::import(&mut target, &doc).unwrap();
    assert_eq!(export_json(&target), interchange::to_json(&doc));
}

#[test]
fn an_import_into_a_file_persists() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_db(dir.path(), "restored.sqlite", TARGET_CREATED);
    let source = filled();
    let first = export_json(&source);
    {
        let mut db = Db::open(&path, d(TARGET_CREATED)).unwrap();
        interchange::import(&mut db, &interchange::parse(&first).unwrap()).unwrap();
    }
    let db = Db::open(&path, d("2026-08-01")).unwrap();
    assert_eq!(export_json(&db), first);
}

// ---------------------------------------------------------------------------
// What parse refuses
// ---------------------------------------------------------------------------

fn parse_err(json: &str) -> String {
    let err = interchange::parse(json).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    err.to_string()
}

fn exported_value() -> Value {
    serde_json::to_value(export(&filled())).unwrap()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

#[test]
fn files_that_are_not_coachlog_exports_are_refused() {
    for input in [
        "",
        "not json at all",
        "[]",
        "{}",
        "\"coachlog\"",
        r#"{"format": "other", "format_version": 1}"#,
        r#"{"format": 1}"#,
    ] {
        let msg = parse_err(input);
        assert!(
            msg.starts_with("This is not a Coachlog export"),
            "{input:?}: {msg}"
        );
    }
    let msg = parse_err("{\"format\": \"coachlog\",\n \"format_version\": 1,,}");
    assert!(
        msg.contains("not valid JSON") && msg.contains("line 2 column"),
        "{msg}"
    );
}

#[test]
fn a_newer_format_version_is_refused_with_both_numbers() {
    let mut v = exported_value();
    v["format_version"] = json!(FORMAT_VERSION + 1);
    v["a_list_of_the_future"] = json!([]);
    let msg = parse_err(&pretty(&v));
    assert!(
        msg.contains(&format!("format version {}", FORMAT_VERSION + 1)),
        "{msg}"
    );
    assert!(msg.contains(&format!("up to {FORMAT_VERSION}")), "{msg}");

    v["format_version"] = json!(0);
    assert!(parse_err(&pretty(&v)).contains("format_version"));
}

#[test]
fn unknown_and_missing_fields_are_refused() {
    // Top level (a typo of a list name), with its position.
    let json = export_json(&filled()).replacen("\"people\":", "\"peple\":", 1);
    let msg = parse_err(&json);
    assert!(
        msg.contains("unknown field `peple`") && msg.contains("at line"),
        "{msg}"
    );

    // In a record.
    let mut v = exported_value();
    v["people"][1]["nickname"] = json!("Bo");
    assert_eq!(
        parse_err(&pretty(&v)),
        "The export cannot be read: people[1] (id 2): unknown field `nickname`; the fields here \
         are: archived_on, cadence_days, id, job_family, level, name, reports_to, scope, since, title, \
         tracked."
    );

    // Nested in a record.
    let mut v = exported_value();
    v["people"][0]["scope"]["sectoin"] = json!("Dev");
    assert!(parse_err(&pretty(&v)).contains("people[0] (id 1): unknown field `scope.sectoin`"));

    // An optional field left out.
    let mut v = exported_value();
    v["wins"][2].as_object_mut().unwrap().remove("shared_on");
    assert!(parse_err(&pretty(&v)).contains("wins[2] (id 3): the field `shared_on` is missing"));

    // A required field left out: serde's message, with the record and position.
    let mut v = exported_value();
    v["check_ins"][1].as_object_mut().unwrap().remove("date");
    let msg = parse_err(&pretty(&v));
    assert!(
        msg.contains("check_ins[1] (id 2): missing field `date`") && msg.contains("at line"),
        "{msg}"
    );

    // A setting given twice.
    let json = export_json(&filled()).replacen(
        "\"release_day\": \"22\",",
        "\"release_day\": \"22\",\n    \"release_day\": \"3\",",
        1,
    );
    assert!(parse_err(&json).contains("the setting `release_day` is given twice"));
}

#[test]
fn bad_values_are_reported_with_record_and_position() {
    let mut v = exported_value();
    v["people"][1]["since"] = json!("yesterday");
    let msg = parse_err(&pretty(&v));
    assert!(
        msg.contains("people[1] (id 2)") && msg.contains("YYYY-MM-DD") && msg.contains("at line"),
        "{msg}"
    );

    let mut v = exported_value();
    v["updates"][2]["status"] = json!("maybe");
    let msg = parse_err(&pretty(&v));
    assert!(
        msg.contains("updates[2] (id 3): unknown variant `maybe`"),
        "{msg}"
    );

    let mut v = exported_value();
    v["agenda_items"][0]["timing"] = json!("soon");
    assert!(parse_err(&pretty(&v)).contains("agenda_items[0] (id 1): 'soon' is not a timing"));
}

// ---------------------------------------------------------------------------
// The JSON Schema in docs/
// ---------------------------------------------------------------------------

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/coachlog-export.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A small validator for the JSON Schema keywords the schema uses. It
/// refuses keywords it does not know, so the schema cannot lean on one that
/// is silently skipped here; `pattern` is the one it does not evaluate.
/// Besides validating, it requires every object of the document to have
/// exactly the properties its schema lists, so the schema cannot drift from
/// the format in either direction.
struct Validator<'a> {
    root: &'a Value,
    errors: Vec<String>,
}

const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "$ref",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "maxItems",
    "minItems",
    "multipleOf",
    "anyOf",
    "oneOf",
    "allOf",
    "if",
    "then",
    "else",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
];

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("unsupported $ref {r}"));
            resolve(root, &root["$defs"][name])
        }
        None => schema,
    }
}

impl<'a> Validator<'a> {
    fn valid(&self, schema: &'a Value, value: &Value) -> bool {
        let mut probe = Validator {
            root: self.root,
            errors: Vec::new(),
        };
        probe.check(schema, value, "", false);
        probe.errors.is_empty()
    }

    fn check(&mut self, schema: &'a Value, value: &Value, path: &str, exact: bool) {
        let schema = resolve(self.root, schema);
        let obj = schema.as_object().expect("a schema is an object");
        for k in obj.keys() {
            assert!(
                KEYWORDS.contains(&k.as_str()),
                "unknown schema keyword {k} at {path}"
            );
        }
        let mut errs: Vec<String> = Vec::new();
        if let Some(t) = obj.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
                _ => panic!("bad type"),
            };
            let ok = types.iter().any(|t| match *t {
                "object" => value.is_object(),
                "array" => value.is_array(),
                "string" => value.is_string(),
                "integer" => value.is_i64() || value.is_u64(),
                "number" => value.is_number(),
                "boolean" => value.is_boolean(),
                "null" => value.is_null(),
                other => panic!("type {other}"),
            });
            if !ok {
                self.errors
                    .push(format!("{path}: {value} is not of type {t}"));
                return;
            }
        }
        if let Some(e) = obj.get("enum") {
            if !e.as_array().unwrap().contains(value) {
                errs.push(format!("{value} is not one of {e}"));
            }
        }
        if let Some(c) = obj.get("const") {
            if c != value {
                errs.push(format!("{value} is not {c}"));
            }
        }
        if let (Some(n), Some(min)) = (value.as_f64(), obj.get("minimum").and_then(Value::as_f64)) {
            if n < min {
                errs.push(format!("{n} < {min}"));
            }
        }
        if let (Some(n), Some(max)) = (value.as_f64(), obj.get("maximum").and_then(Value::as_f64)) {
            if n > max {
                errs.push(format!("{n} > {max}"));
            }
        }
        if let (Some(n), Some(step)) = (
            value.as_f64(),
            obj.get("multipleOf").and_then(Value::as_f64),
        ) {
            let k = n / step;
            if (k - k.round()).abs() > 1e-9 {
                errs.push(format!("{n} is not a multiple of {step}"));
            }
        }
        if let Some(s) = value.as_str() {
            let n = s.chars().count() as u64;
            if obj
                .get("minLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| n < m)
            {
                errs.push(format!("{s:?} is too short"));
            }
            if obj
                .get("maxLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| n > m)
            {
                errs.push(format!("{s:?} is too long"));
            }
        }
        if let (Some(a), Some(max)) = (
            value.as_array(),
            obj.get("maxItems").and_then(Value::as_u64),
        ) {
            if a.len() as u64 > max {
                errs.push(format!("{} items > {max}", a.len()));
            }
        }
        if let (Some(a), Some(min)) = (
            value.as_array(),
            obj.get("minItems").and_then(Value::as_u64),
        ) {
            if (a.len() as u64) < min {
                errs.push(format!("{} items < {min}", a.len()));
            }
        }
        if let (Some(props), Some(o)) = (
            obj.get("properties").and_then(Value::as_object),
            value.as_object(),
        ) {
            if obj.get("type").is_some() {
                for r in obj
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if !o.contains_key(r.as_str().unwrap()) {
                        errs.push(format!("missing required {r}"));
                    }
                }
                if obj.get("additionalProperties") == Some(&Value::Bool(false)) {
                    for k in o.keys().filter(|k| !props.contains_key(*k)) {
                        errs.push(format!("property {k} is not in the schema"));
                    }
                }
                if exact {
                    for k in props.keys().filter(|k| !o.contains_key(*k)) {
                        errs.push(format!(
                            "the schema lists {k}, which the export does not write"
                        ));
                    }
                }
            }
        }
        self.errors
            .extend(errs.into_iter().map(|e| format!("{path}: {e}")));
        if let (Some(items), Some(a)) = (obj.get("items"), value.as_array()) {
            for (i, v) in a.iter().enumerate() {
                self.check(items, v, &format!("{path}[{i}]"), exact);
            }
        }
        if let (Some(props), Some(o)) = (
            obj.get("properties").and_then(Value::as_object),
            value.as_object(),
        ) {
            for (k, v) in o {
                if let Some(s) = props.get(k) {
                    self.check(s, v, &format!("{path}.{k}"), exact);
                }
            }
        }
        if let Some(any) = obj.get("anyOf").and_then(Value::as_array) {
            match any.iter().find(|s| self.valid(s, value)) {
                Some(s) => self.check(s, value, path, exact),
                None => self
                    .errors
                    .push(format!("{path}: {value} matches no anyOf branch")),
            }
        }
        if let Some(one) = obj.get("oneOf").and_then(Value::as_array) {
            let matching: Vec<&'a Value> = one.iter().filter(|s| self.valid(s, value)).collect();
            if matching.len() == 1 {
                self.check(matching[0], value, path, exact);
            } else {
                self.errors.push(format!(
                    "{path}: {value} matches {} oneOf branches",
                    matching.len()
                ));
            }
        }
        for s in obj
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.check(s, value, path, false);
        }
        if let Some(cond) = obj.get("if") {
            let branch = if self.valid(cond, value) {
                obj.get("then")
            } else {
                obj.get("else")
            };
            if let Some(b) = branch {
                self.check(b, value, path, false);
            }
        }
    }
}

fn schema_errors(schema: &Value, doc: &Value) -> Vec<String> {
    let mut v = Validator {
        root: schema,
        errors: Vec::new(),
    };
    v.check(schema, doc, "$", true);
    v.errors
}

#[test]
fn the_export_validates_against_the_schema_exactly() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let doc: Value = serde_json::from_str(&export_json(&filled())).unwrap();
    assert_eq!(schema_errors(&schema, &doc), Vec::<String>::new());
    let empty: Value = serde_json::from_str(&export_json(&empty_db())).unwrap();
    assert_eq!(schema_errors(&schema, &empty), Vec::<String>::new());
}

#[test]
fn the_schema_validator_catches_drift() {
    let schema = schema();
    let good = exported_value();
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        schema_errors(&schema, &v)
    };
    assert!(
        !broken(&|v| v["people"][0]["nickname"] = json!("x")).is_empty(),
        "an unknown field"
    );
    assert!(
        !broken(&|v| {
            v["people"][0].as_object_mut().unwrap().remove("title");
        })
        .is_empty(),
        "a missing field"
    );
    assert!(
        !broken(&|v| v["updates"][1]["status"] = json!("maybe")).is_empty(),
        "a bad enum value"
    );
    assert!(
        !broken(&|v| v["updates"][0]["done_on"] = Value::Null).is_empty(),
        "done without a date"
    );
    assert!(
        !broken(&|v| v["loop_members"][0]["member"] = json!({"person": 1, "name": "x"})).is_empty(),
        "a participant with both"
    );
    assert!(
        !broken(&|v| v["wins"][0]["id"] = json!(0)).is_empty(),
        "an id out of range"
    );

    // A field the schema lists but the export does not write is drift too.
    let mut stale = schema.clone();
    stale["$defs"]["win"]["properties"]["likes"] = json!({"type": "integer"});
    assert!(schema_errors(&stale, &good)
        .iter()
        .any(|e| e.contains("likes")));
}

#[test]
fn the_schema_lists_every_list_setting_and_enumeration() {
    let schema = schema();
    let top: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["format", "format_version", "settings"];
    expected.extend(interchange::lists());
    assert_eq!(
        top.iter().copied().collect::<BTreeSet<_>>(),
        expected.iter().copied().collect::<BTreeSet<_>>()
    );

    let settings: BTreeSet<&str> = schema["properties"]["settings"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        settings,
        KEYS.iter().map(|k| k.key).collect::<BTreeSet<_>>()
    );

    fn names<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Value {
        Value::from(all.iter().map(|v| as_str(*v)).collect::<Vec<_>>())
    }
    let enums = [
        ("job_family", names(JobFamily::ALL, JobFamily::as_str)),
        ("level", names(Level::ALL, Level::as_str)),
        ("scope_kind", names(ScopeKind::ALL, ScopeKind::as_str)),
        (
            "one_on_one_status",
            names(OneOnOneStatus::ALL, OneOnOneStatus::as_str),
        ),
        ("open_tag", names(OpenTag::ALL, OpenTag::as_str)),
        ("close_tag", names(CloseTag::ALL, CloseTag::as_str)),
        ("raised_by", names(RaisedBy::ALL, RaisedBy::as_str)),
        ("update_kind", names(UpdateKind::ALL, UpdateKind::as_str)),
        (
            "update_status",
            names(UpdateStatus::ALL, UpdateStatus::as_str),
        ),
        (
            "requisition_status",
            names(RequisitionStatus::ALL, RequisitionStatus::as_str),
        ),
    ];
    for (def, values) in enums {
        assert_eq!(schema["$defs"][def]["enum"], values, "{def}");
    }
    assert_eq!(schema["$defs"]["id"]["maximum"], json!(interchange::MAX_ID));
    assert_eq!(
        schema["properties"]["format_version"]["const"],
        json!(FORMAT_VERSION)
    );
}

#[test]
fn a_format_1_file_still_imports() {
    // A version 1 file: no reports_to, objectives, CDF reviews, milestones
    // or templates.
    let mut v = exported_value();
    v["format_version"] = json!(1);
    let o = v.as_object_mut().unwrap();
    o.remove("cdf_reviews");
    o.remove("milestones");
    o.remove("templates");
    for p in v["people"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("reports_to");
    }
    for u in v["updates"].as_array_mut().unwrap() {
        u.as_object_mut().unwrap().remove("objectives");
    }
    let doc = interchange::parse(&pretty(&v)).unwrap();
    assert_eq!(doc.format_version, 1);
    assert!(doc.cdf_reviews.is_empty() && doc.templates.is_empty() && doc.milestones.is_empty());
    assert!(doc.people.iter().all(|p| p.reports_to.is_none()));
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    let again = export(&target);
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert_eq!(again.people.len(), doc.people.len());
    assert_eq!(again.one_on_ones.len(), doc.one_on_ones.len());
    // A field version 1 did not have is still unknown in a version 2 file.
    let mut v = exported_value();
    v["people"][0].as_object_mut().unwrap().remove("reports_to");
    assert!(
        parse_err(&pretty(&v)).contains("`people.0.reports_to` is missing")
            || parse_err(&pretty(&v)).contains("reports_to")
    );
}

#[test]
fn a_format_2_file_still_imports_without_milestones() {
    let mut v = exported_value();
    v["format_version"] = json!(2);
    v.as_object_mut().unwrap().remove("milestones");
    let doc = interchange::parse(&pretty(&v)).unwrap();
    assert!(doc.milestones.is_empty() && !doc.cdf_reviews.is_empty());
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    let again = export(&target);
    assert_eq!(again.format_version, FORMAT_VERSION);
    assert_eq!(again.cdf_reviews, doc.cdf_reviews);
    assert!(again.milestones.is_empty());
}

#[test]
fn a_release_milestone_imports_on_its_release_day_under_the_files_settings() {
    let doc = export(&filled());
    let tied = doc.milestones.iter().find(|m| m.release.is_some()).unwrap();
    // 19.0 ships in May 2026; the file's release day is the 22nd.
    assert_eq!(tied.date, d("2026-05-22"));
    let mut target = empty_db();
    interchange::import(&mut target, &doc).unwrap();
    assert_eq!(export(&target).milestones, doc.milestones);
}
