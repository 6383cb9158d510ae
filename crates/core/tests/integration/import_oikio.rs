//! Import from oikio (`coachlog_core::import::oikio`): the sample file of
//! `tests/fixtures/oikio-data.json` record by record, a generated year of
//! 1:1s for 8 people, each refusal (with nothing written), merges,
//! completed items due after today, the dry run, and a second import that
//! adds nothing.

use coachlog_core::import::oikio::{self, Options, Report};
use coachlog_core::kinds::RecordKind;
use coachlog_core::model::{CloseTag, OneOnOneStatus, OpenTag, RaisedBy, TemplateKind, Timing};
use coachlog_core::store::{agenda, one_on_ones, people, templates};
use coachlog_core::Db;
use serde_json::{json, Value};

use crate::support::{d, db, dump};

const SAMPLE: &str = include_str!("../fixtures/oikio-data.json");

fn options(today: &str) -> Options {
    Options {
        today: d(today),
        dry_run: false,
    }
}

fn import(db: &mut Db, text: &str, today: &str) -> Report {
    let file = oikio::parse(text).unwrap();
    oikio::import(db, &file, options(today)).unwrap()
}

/// Whether Markdown has a `<` that is not backslash-escaped.
fn raw_html(md: &str) -> bool {
    md.char_indices()
        .any(|(i, c)| c == '<' && !md[..i].ends_with('\\'))
}

#[test]
fn the_sample_file_imports_record_by_record() {
    let mut db = db();
    let r = import(&mut db, SAMPLE, "2026-01-05");
    assert_eq!(r.added.people, 3);
    // Five meetings on four person-days, and one skip.
    assert_eq!(r.added.one_on_ones, 5);
    assert_eq!(r.merged_meetings, 1);
    // Goals and notes, four action items, one person note.
    assert_eq!(r.added.agenda_items, 7);
    assert_eq!(r.added.total(), 15);
    assert_eq!(r.templates_added, 1);
    assert_eq!(
        r.templates_not_imported.len(),
        1,
        "{:?}",
        r.templates_not_imported
    );
    assert_eq!(r.closed_on_import_day, 1);
    assert_eq!(r.created, ["Dana Whitfield", "Priya Raman", "Tomás Ortega"]);
    assert!(r.matched.is_empty());

    let c = db.conn();
    let dana = people::find_by_name(c, "dana whitfield").unwrap().unwrap();
    assert!(!dana.tracked);
    assert_eq!(dana.cadence_days, Some(14));
    assert_eq!(dana.title, "VP of Product");
    let priya = people::find_by_name(c, "Priya Raman").unwrap().unwrap();
    assert!(priya.tracked);
    assert_eq!(priya.cadence_days, Some(7));
    assert_eq!(priya.since, d("2025-01-06"));
    // Tomás's first meeting is 00:30 at +02:00: the 7th, in UTC.
    let tomas = people::find_by_name(c, "Tomás Ortega").unwrap().unwrap();
    assert_eq!(tomas.since, d("2025-01-07"));
    assert_eq!(tomas.cadence_days, Some(30));

    let first = one_on_ones::on_day(c, priya.id, d("2025-01-10"))
        .unwrap()
        .unwrap();
    assert_eq!(first.status, OneOnOneStatus::Held);
    assert_eq!(first.tags, ["mood-4"]);
    assert!(first
        .notes
        .starts_with("## First 1:1\n\nTalked about the **roadmap** and *hiring*."));
    assert!(first.notes.contains("- Q1 priorities\n- Design partner"));
    assert!(first
        .notes
        .contains("### Talking points\n\nRoadmap  \nHiring plan"));
    assert!(first
        .notes
        .contains("### Next topics\n\nReview the \\<draft\\> OKRs"));
    assert!(!first.notes.contains("alert"));
    let merged = one_on_ones::on_day(c, priya.id, d("2025-01-17"))
        .unwrap()
        .unwrap();
    assert_eq!(merged.tags, ["mood-3", "mood-5"]);
    assert!(merged.notes.starts_with(
        "Follow-up: see [the issue](https://gitlab.com/gitlab-org/gitlab/-/issues/1)."
    ));
    assert!(merged
        .notes
        .contains("---\n\n## Quick sync\n\nAgreed on the demo date."));
    let skip = one_on_ones::on_day(c, tomas.id, d("2025-02-06"))
        .unwrap()
        .unwrap();
    assert_eq!(skip.status, OneOnOneStatus::Skipped);
    assert_eq!(skip.notes, "Skipped until 2025-02-20. Tomás on PTO");
    for o in one_on_ones::list(c, Default::default()).unwrap() {
        assert!(!raw_html(&o.notes), "{}", o.notes);
    }

    let items = agenda::list(c, Default::default()).unwrap();
    let item = |start: &str| {
        items
            .iter()
            .find(|i| i.text.starts_with(start))
            .unwrap_or_else(|| panic!("no item {start}: {items:#?}"))
    };
    let goals = item("Goals (from oikio): Own the roadmap");
    assert_eq!(
        (goals.opened_on, goals.closed_on),
        (d("2025-01-06"), Some(d("2025-01-06")))
    );
    assert_eq!(goals.close_tag, Some(CloseTag::Fyi));
    assert_eq!(
        item("Notes (from oikio): Prefers").close_tag,
        Some(CloseTag::Fyi)
    );
    let hiring = item("Send the hiring plan to Dana (#hiring)");
    assert_eq!(hiring.open_tag, OpenTag::Doto);
    assert_eq!(hiring.raised_by, RaisedBy::Leader);
    assert_eq!(hiring.opened_in, Some(first.id));
    assert_eq!(hiring.timing, Some(Timing::Date(d("2025-01-15"))));
    // Done on the later of the meeting day and the due date.
    assert_eq!(
        (hiring.close_tag, hiring.closed_on),
        (Some(CloseTag::Done), Some(d("2025-01-15")))
    );
    assert_eq!(hiring.closed_in, None);
    let okrs = item("Draft Q1 OKRs (#okrs #q1)");
    assert_eq!(
        okrs.text,
        "Draft Q1 OKRs (#okrs #q1)\n- 2025-01-20: First draft shared"
    );
    assert_eq!(okrs.open_tag, OpenTag::Todo);
    assert!(okrs.is_open());
    let mentor = item("Find a mentor");
    assert_eq!(
        (mentor.person_id, mentor.opened_on),
        (tomas.id, d("2025-01-07"))
    );
    assert!(mentor.is_open());
    // Due in 2031, after the import day: closed on the import day.
    let room = item("Book the demo room");
    assert_eq!(room.opened_in, Some(merged.id));
    assert_eq!(room.closed_on, Some(d("2026-01-05")));
    let note = item("Interested in the Group Manager path.");
    assert_eq!(
        (note.opened_on, note.close_tag),
        (d("2025-02-01"), Some(CloseTag::Fyi))
    );

    let t = templates::get(c, TemplateKind::OneOnOne, None)
        .unwrap()
        .unwrap();
    assert!(t.body.starts_with("## Wins"));
}

#[test]
fn a_second_import_adds_nothing() {
    let mut db = db();
    import(&mut db, SAMPLE, "2026-01-05");
    let before = dump(db.conn());
    let r = import(&mut db, SAMPLE, "2026-01-06");
    assert_eq!(r.added.total(), 0, "{r:#?}");
    assert_eq!(r.templates_added, 0);
    assert_eq!(r.already_there.people, 3);
    assert_eq!(r.already_there.one_on_ones, 5);
    assert_eq!(r.already_there.agenda_items, 7);
    assert_eq!(r.matched.len(), 3);
    assert_eq!(dump(db.conn()), before);
    assert!(r.to_string().contains("Added nothing"), "{r}");
}

#[test]
fn a_dry_run_reports_the_same_and_writes_nothing() {
    let mut rehearsed = db();
    let before = dump(rehearsed.conn());
    let file = oikio::parse(SAMPLE).unwrap();
    let dry = oikio::import(
        &mut rehearsed,
        &file,
        Options {
            dry_run: true,
            ..options("2026-01-05")
        },
    )
    .unwrap();
    assert_eq!(dump(rehearsed.conn()), before);
    let real = import(&mut db(), SAMPLE, "2026-01-05");
    assert_eq!(
        Report {
            dry_run: false,
            ..dry.clone()
        },
        real
    );
    assert!(dry
        .to_string()
        .contains("Would add 3 people, 5 1:1s, 7 agenda items, 1 1:1 template."));
    assert!(dry.to_string().contains("nothing was written"));
}

#[test]
fn people_are_matched_by_name_and_their_history_goes_to_them() {
    let mut db = db();
    let mut tx_db = |name: &str, since: &str| {
        db.write(|tx| people::insert(tx, &crate::support::pm(name, since)))
            .unwrap()
    };
    let priya = tx_db("  PRIYA raman ", "2025-06-01");
    let r = import(&mut db, SAMPLE, "2026-01-05");
    assert_eq!(r.matched, ["PRIYA raman"]);
    assert_eq!(r.created, ["Dana Whitfield", "Tomás Ortega"]);
    assert_eq!(r.since_moved, ["PRIYA raman"]);
    let after = people::get(db.conn(), priya.id).unwrap();
    assert_eq!(after.since, d("2025-01-06"));
    // A matched person keeps their own title and cadence.
    assert_eq!(after.title, priya.title);
    assert!(one_on_ones::on_day(db.conn(), priya.id, d("2025-01-10"))
        .unwrap()
        .is_some());
}

#[test]
fn a_meeting_on_a_day_with_a_1_1_already_there_merges_into_it() {
    let mut db = db();
    let priya = db
        .write(|tx| people::insert(tx, &crate::support::pm("Priya Raman", "2025-01-01")))
        .unwrap();
    db.write(|tx| {
        one_on_ones::insert(
            tx,
            &coachlog_core::model::OneOnOneInput {
                notes: "My own notes.".into(),
                tags: vec!["career".into()],
                ..coachlog_core::model::OneOnOneInput::new(priya.id, d("2025-01-10"))
            },
        )
    })
    .unwrap();
    let r = import(&mut db, SAMPLE, "2026-01-05");
    assert_eq!(r.merged_meetings, 2);
    assert_eq!(r.added.one_on_ones, 4);
    let o = one_on_ones::on_day(db.conn(), priya.id, d("2025-01-10"))
        .unwrap()
        .unwrap();
    assert!(
        o.notes.starts_with("My own notes.\n\n---\n\n## First 1:1"),
        "{}",
        o.notes
    );
    assert_eq!(o.tags, ["career", "mood-4"]);
    let again = import(&mut db, SAMPLE, "2026-01-05");
    assert_eq!(again.added.total(), 0);
    assert_eq!(
        again.merged_meetings, 1,
        "only the file's own two meetings of the 17th"
    );
}

#[test]
fn completed_items_close_on_the_later_day_or_the_import_day() {
    // (meeting day, due date, import day) → closed on
    let cases = [
        ("2025-03-03", None, "2026-01-05", "2025-03-03"),
        ("2025-03-03", Some("2025-03-10"), "2026-01-05", "2025-03-10"),
        ("2025-03-03", Some("2025-02-01"), "2026-01-05", "2025-03-03"),
        ("2025-03-03", Some("2026-01-05"), "2026-01-05", "2026-01-05"),
        ("2025-03-03", Some("2026-02-01"), "2026-01-05", "2026-01-05"),
    ];
    for (meeting, due, today, want) in cases {
        let file = json!({
            "persons": [{"id": 1, "name": "Ana", "role": "teammate", "createdAt": "2025-01-01T00:00:00Z"}],
            "meetings": [{"id": 1, "personId": 1, "date": meeting, "createdAt": meeting}],
            "actionItems": [{"id": 1, "meetingId": 1, "description": "Do it", "completed": true,
                             "dueDate": due}],
        });
        let mut db = db();
        let r = import(&mut db, &file.to_string(), today);
        let items = agenda::list(db.conn(), Default::default()).unwrap();
        assert_eq!(
            items[0].closed_on,
            Some(d(want)),
            "{meeting} {due:?} {today}"
        );
        let late = due.is_some_and(|due| d(due) > d(today));
        assert_eq!(r.closed_on_import_day, usize::from(late), "{due:?}");
        assert_eq!(r.to_string().contains("closed on the import day"), late);
    }
}

#[test]
fn bad_files_are_refused_with_the_place_named_and_nothing_written() {
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    let edit = |pointer: &str, value: Value| {
        let mut v = sample.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        v.to_string()
    };
    let without = |pointer: &str, key: &str| {
        let mut v = sample.clone();
        v.pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
        v.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        ("{ not json".into(), "it is not JSON"),
        ("[1, 2]".into(), "not an oikio file"),
        ("{\"people\": []}".into(), "not an oikio file"),
        (
            edit("/meetings/3/personId", json!(99)),
            "meetings[3].personId: there is no person with id 99 in the file.",
        ),
        (
            edit("/meetings/0/date", json!("2025-13-01")),
            "meetings[0].date: \"2025-13-01\" is not a date",
        ),
        (
            edit("/meetingSkips/0/skippedAt", json!("2025-02-30")),
            "meetingSkips[0].skippedAt: \"2025-02-30\" is not a date",
        ),
        (
            edit("/actionItems/1/dueDate", json!("soon")),
            "actionItems[1].dueDate: \"soon\" is not a date",
        ),
        (
            edit("/actionItems/1/meetingId", json!(42)),
            "actionItems[1].meetingId: there is no meeting with id 42",
        ),
        (
            without("/personNotes/0", "personId"),
            "personNotes[0].personId: is missing.",
        ),
        (
            without("/persons/1", "createdAt"),
            "persons[1].createdAt: is missing.",
        ),
        (
            edit("/persons/1/role", json!("boss")),
            "persons[1].role: \"boss\" is not a role",
        ),
        (
            edit("/persons/2/name", json!(" priya RAMAN")),
            "persons[2].name: \"priya RAMAN\" is also the name of persons[1]",
        ),
        (
            edit("/persons/2/meetingFrequencyGoal", json!("daily")),
            "persons[2].meetingFrequencyGoal: \"daily\" is not a frequency",
        ),
        (
            edit("/meetings/1/mood", json!(7)),
            "meetings[1].mood: 7 is not a mood from 1 to 5",
        ),
        (
            edit("/meetings/1/id", json!(1)),
            "meetings[1].id: 1 is also the id",
        ),
        (edit("/meetings", json!({})), "meetings: is not a list."),
        (
            edit("/meetings/2", json!("x")),
            "meetings[2]: is not a record",
        ),
        (
            edit("/actionItems/0/completed", json!("yes")),
            "actionItems[0].completed",
        ),
    ];
    for (text, needle) in cases {
        let err = oikio::parse(&text).expect_err(needle);
        assert!(err.to_string().contains(needle), "{needle}: {err}");
    }
}

#[test]
fn a_refusal_by_the_store_names_the_place_and_writes_nothing() {
    // Priya is on the team, but left before the file's history ends.
    let mut db = db();
    let priya = db
        .write(|tx| people::insert(tx, &crate::support::pm("Priya Raman", "2024-01-01")))
        .unwrap();
    db.write(|tx| people::archive(tx, priya.id, d("2025-01-12")))
        .unwrap();
    let before = dump(db.conn());
    let file = oikio::parse(SAMPLE).unwrap();
    let err = oikio::import(&mut db, &file, options("2026-01-05")).unwrap_err();
    assert!(err.to_string().starts_with("meetings[1]: "), "{err}");
    assert_eq!(dump(db.conn()), before);
}

#[test]
fn talking_points_and_template_text_come_in_when_a_file_has_them() {
    let file = json!({
        "persons": [{"id": 1, "name": "Ana", "role": "teammate", "createdAt": "2025-01-01T00:00:00Z"}],
        "meetings": [{"id": 1, "personId": 1, "date": "2025-02-03",
                      "notes": "## Topic 1\n- budget <3\n\n## Topic 2\n- ",
                      "createdAt": "2025-02-03T10:00:00Z"}],
        "talkingPoints": [
            {"id": 1, "personId": 1, "content": "Conference budget", "completed": false,
             "createdAt": "2025-02-10T09:00:00Z"},
            {"id": 2, "personId": 1, "content": "Offsite dates", "completed": true,
             "createdAt": "2025-01-20T09:00:00Z"},
        ],
    });
    let mut db = db();
    let r = import(&mut db, &file.to_string(), "2026-01-05");
    assert_eq!(r.added.agenda_items, 2);
    let items = agenda::list(db.conn(), Default::default()).unwrap();
    let open = items
        .iter()
        .find(|i| i.text == "Conference budget")
        .unwrap();
    assert_eq!((open.open_tag, open.is_open()), (OpenTag::Discuss, true));
    let done = items.iter().find(|i| i.text == "Offsite dates").unwrap();
    assert_eq!(
        (done.close_tag, done.closed_on),
        (Some(CloseTag::Done), Some(d("2025-01-20")))
    );
    // Notes a template filled (Markdown typed in a text box) stay as written.
    let ana = people::find_by_name(db.conn(), "Ana").unwrap().unwrap();
    let o = one_on_ones::on_day(db.conn(), ana.id, d("2025-02-03"))
        .unwrap()
        .unwrap();
    assert_eq!(o.notes, "## Topic 1\n- budget <3\n\n## Topic 2\n-");
    assert_eq!(
        import(&mut db, &file.to_string(), "2026-01-05")
            .added
            .total(),
        0
    );
}

#[test]
fn identical_action_items_of_one_meeting_all_come_in_once() {
    let action =
        |id: u32| json!({"id": id, "meetingId": 1, "description": "Follow up", "completed": false});
    let file = json!({
        "persons": [{"id": 1, "name": "Ana", "role": "teammate", "createdAt": "2025-01-01T00:00:00Z"}],
        "meetings": [{"id": 1, "personId": 1, "date": "2025-02-03", "createdAt": "2025-02-03T10:00:00Z"}],
        "actionItems": [action(1), action(2)],
    })
    .to_string();
    let mut db = db();
    assert_eq!(import(&mut db, &file, "2026-01-05").added.agenda_items, 2);
    let again = import(&mut db, &file, "2026-01-05");
    assert_eq!(
        (again.added.agenda_items, again.already_there.agenda_items),
        (0, 2)
    );
}

#[test]
fn a_missing_list_is_an_empty_one() {
    let file = json!({"persons": [{"id": 1, "name": "Ana", "role": "teammate",
                                   "createdAt": "2025-01-01T00:00:00.000Z"}],
                      "exportedAt": "2025-06-01T00:00:00.000Z"});
    let r = import(&mut db(), &file.to_string(), "2026-01-05");
    assert_eq!(r.added.nonzero(), "1 person");
}

/// An oikio export of a year of weekly 1:1s for 8 people (one of them the
/// leader's manager), written from the format description: HTML notes,
/// moods, action items of both owners with due dates and progress notes,
/// skips, person notes, templates.
pub fn generated_year() -> (Value, usize, usize) {
    let names = [
        "Dana Whitfield",
        "Priya Raman",
        "Tomás Ortega",
        "Mei Chen",
        "Olu Adeyemi",
        "Sara Lindqvist",
        "Kofi Mensah",
        "Aiyana Begay",
    ];
    let start = d("2025-01-06");
    let mut persons = Vec::new();
    let mut meetings = Vec::new();
    let mut actions = Vec::new();
    let mut skips = Vec::new();
    let mut notes = Vec::new();
    let (mut one_on_ones, mut items) = (0, 0);
    for (p, name) in names.iter().enumerate() {
        let pid = p as i64 + 1;
        let frequency = ["weekly", "biweekly", "monthly", "quarterly"][p % 4];
        persons.push(json!({
            "id": pid, "name": name, "role": if p == 0 { "manager" } else { "teammate" },
            "title": "Product Manager", "meetingFrequencyGoal": frequency,
            "goals": if p % 2 == 1 { json!(format!("Grow {name}'s scope")) } else { Value::Null },
            "createdAt": format!("{start}T08:00:00.000Z"),
        }));
        if p % 2 == 1 {
            items += 1;
        }
        for week in 0..52 {
            let day = start + chrono::Days::new(week * 7 + p as u64 % 5);
            if week % 13 == 5 {
                skips.push(json!({"id": skips.len() + 1, "personId": pid,
                    "skippedAt": format!("{day}T12:00:00.000Z"), "skippedUntil": day.to_string()}));
                one_on_ones += 1;
                continue;
            }
            let mid = meetings.len() as i64 + 1;
            meetings.push(json!({
                "id": mid, "personId": pid, "date": format!("{day}T{:02}:30:00.000Z", 9 + week % 8),
                "title": format!("Week {week}"),
                "notes": format!("<p>Week <b>{week}</b> with {name} &amp; the team.</p><ul><li>Roadmap</li><li>Risks &lt;high&gt;</li></ul>"),
                "talkingPoints": "Roadmap\nHiring", "nextTopics": "OKRs",
                "mood": week % 5 + 1, "createdAt": format!("{day}T10:00:00.000Z"),
            }));
            one_on_ones += 1;
            for k in 0..2u64 {
                let due = day + chrono::Days::new(7 * (k + 1));
                actions.push(json!({
                    "id": actions.len() + 1, "meetingId": mid,
                    "description": format!("Action {k} of week {week}"),
                    "completed": week % 3 != 0, "assignedTo": if k == 0 { "me" } else { "other" },
                    "dueDate": due.to_string(), "tags": ["roadmap"],
                    "progressNotes": [{"id": 1, "text": "Started", "createdAt": format!("{day}T11:00:00.000Z")}],
                    "createdAt": format!("{day}T10:05:00.000Z"),
                }));
                items += 1;
            }
            if week % 10 == 0 {
                notes.push(json!({"id": notes.len() + 1, "personId": pid,
                    "content": format!("Note of week {week}"), "createdAt": format!("{day}T18:00:00.000Z")}));
                items += 1;
            }
        }
    }
    let file = json!({
        "persons": persons, "meetings": meetings, "actionItems": actions,
        "meetingSkips": skips, "personNotes": notes,
        "templates": [{"id": 9, "name": "Weekly", "content": "## Wins\n- ", "category": "teammate",
                       "isDefault": false, "createdAt": "2025-01-01T00:00:00.000Z"}],
        "exportedAt": "2026-01-02T10:00:00.000Z",
    });
    (file, one_on_ones, items)
}

#[test]
fn a_generated_year_for_8_people_imports_in_one_step_and_once() {
    let (file, one_on_ones, items) = generated_year();
    let text = serde_json::to_string_pretty(&file).unwrap();
    let mut db = db();
    let r = import(&mut db, &text, "2026-01-05");
    assert_eq!(r.added.people, 8);
    assert_eq!(r.added.one_on_ones, one_on_ones);
    assert_eq!(r.added.agenda_items, items);
    assert_eq!(r.added.get(RecordKind::Win), 0);
    assert_eq!(r.templates_added, 1);
    let counts = coachlog_core::store::counts(db.conn()).unwrap();
    assert_eq!(counts, r.added);
    for o in one_on_ones::list(db.conn(), Default::default()).unwrap() {
        assert!(!raw_html(&o.notes), "{}", o.notes);
    }
    let before = dump(db.conn());
    let again = import(&mut db, &text, "2026-01-05");
    assert_eq!(again.added.total(), 0);
    assert_eq!(dump(db.conn()), before);
}
