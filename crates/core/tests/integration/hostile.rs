//! Hostile and huge input through the core: the store refuses what it must
//! with its user-worded message and writes nothing; it keeps what it must
//! byte for byte (every payload of the XSS corpus); it stays usable with
//! 100,000 agenda items for one person; the import parser survives deep and
//! huge JSON; and no search text ever reaches SQLite as FTS syntax.
//!
//! Timings are printed (`cargo test -p coachlog-core --test integration hostile:: -- --nocapture`),
//! never asserted.

use std::time::Instant;

use coachlog_core::model::*;
use coachlog_core::store::{
    agenda, customers, drafts, one_on_ones, people, search, walkthroughs, wins,
};
use coachlog_core::{interchange, nudges, Db, ErrorKind};

use crate::support::{self, d, db, dump, export_json, plan_scope, pm, refused_as, CREATED};

#[allow(dead_code)]
#[path = "../../../../tests/e2e/payloads/corpus.rs"]
mod corpus;

/// A Product Manager in [`plan_scope`] since the database was created.
fn person(name: &str) -> PersonInput {
    PersonInput {
        scope: plan_scope(),
        ..pm(name, CREATED)
    }
}

fn item(person: PersonId, text: &str) -> AgendaItemInput {
    AgendaItemInput {
        person_id: person,
        text: text.into(),
        open_tag: OpenTag::Discuss,
        timing: None,
        raised_by: RaisedBy::Leader,
        opened_on: d("2026-01-06"),
        opened_in: None,
    }
}

/// A database (created on [`CREATED`]) with Ada (id 1) and one
/// internal-customer link.
fn setup() -> (Db, Person, CustomerLink) {
    let mut db = db();
    let ada = db
        .write(|tx| people::insert(tx, &person("Ada Anchor")))
        .unwrap();
    let link = db
        .write(|tx| {
            customers::insert_link(
                tx,
                &CustomerLinkInput {
                    person_id: ada.id,
                    team: "Support".into(),
                    category: "Billing".into(),
                    since: d(CREATED),
                },
            )
        })
        .unwrap();
    (db, ada, link)
}

/// [`refused_as`], and the refusal is of invalid input.
fn refused<T: std::fmt::Debug>(
    db: &mut Db,
    what: &str,
    needle: &str,
    f: impl FnOnce(&coachlog_core::Tx<'_>) -> coachlog_core::Result<T>,
) {
    let err = refused_as(db, what, needle, f);
    assert_eq!(err.kind(), ErrorKind::Invalid, "{what}: {err}");
}

#[test]
fn ten_megabyte_texts_are_refused_with_the_length_message_and_nothing_is_written() {
    let (mut db, ada, link) = setup();
    let big = "coaching notes ".repeat(10 * 1024 * 1024 / 15 + 1);
    let n = big.trim_end().chars().count();
    let started = Instant::now();
    refused(
        &mut db,
        "a 10 MB 1:1 note",
        &format!("The notes is {n} characters long; the most is 200000. Shorten it or split it."),
        |tx| {
            coachlog_core::store::log::one_on_one(
                tx,
                &LogInput {
                    one_on_one: OneOnOneInput {
                        person_id: ada.id,
                        date: d("2026-02-02"),
                        status: OneOnOneStatus::Held,
                        notes: big.clone(),
                        tags: vec![],
                    },
                    new_items: vec![NewItem {
                        text: "a fine item".into(),
                        open_tag: OpenTag::Todo,
                        timing: None,
                        raised_by: RaisedBy::Leader,
                    }],
                    close_items: vec![],
                },
            )
        },
    );
    println!("10 MB note refused in {:.1?}", started.elapsed());
    refused(&mut db, "a 10 MB agenda item", "the most is 10000", |tx| {
        agenda::insert(tx, &item(ada.id, &big))
    });
    refused(&mut db, "a 10 MB win", "the most is 10000", |tx| {
        wins::insert(
            tx,
            &WinInput {
                person_id: ada.id,
                noted_on: d("2026-02-02"),
                text: big.clone(),
            },
        )
    });
    refused(&mut db, "10 MB findings", "the most is 200000", |tx| {
        walkthroughs::insert(
            tx,
            &WalkthroughInput {
                date: d("2026-02-02"),
                title: "Big".into(),
                stages: vec![],
                categories: vec![],
                findings: big.clone(),
                issue_link: None,
            },
        )
    });
    refused(
        &mut db,
        "10 MB check-in notes",
        "the most is 200000",
        |tx| {
            customers::insert_check_in(
                tx,
                &CheckInInput {
                    link_id: link.id,
                    date: d("2026-02-02"),
                    epic_updated: false,
                    notes: big.clone(),
                },
            )
        },
    );
    refused(&mut db, "a 10 MB draft", "characters long", |tx| {
        drafts::save(
            tx,
            &Draft {
                person_id: ada.id,
                date: d("2026-02-02"),
                status: OneOnOneStatus::Held,
                notes: big.clone(),
                tags: vec![],
                new_items: vec![],
                close_items: vec![],
            },
        )
    });
    refused(
        &mut db,
        "a 10 MB name",
        "the most is 200. Shorten it.",
        |tx| people::insert(tx, &person(&big)),
    );
    // Just under the limit is kept whole.
    let most = "x".repeat(200_000);
    let kept = db
        .write(|tx| {
            one_on_ones::insert(
                tx,
                &OneOnOneInput {
                    person_id: ada.id,
                    date: d("2026-02-03"),
                    status: OneOnOneStatus::Held,
                    notes: most.clone(),
                    tags: vec![],
                },
            )
        })
        .unwrap();
    assert_eq!(kept.notes.len(), 200_000);
}

#[test]
fn control_characters_are_refused_in_names_and_tabs_and_line_breaks_are_kept_in_notes() {
    let (mut db, ada, _) = setup();
    for c in corpus::refused_controls()
        .into_iter()
        .chain(['\t', '\n', '\r'])
    {
        refused(
            &mut db,
            &format!("a name with U+{:04X}", c as u32),
            "The name contains a control character (a tab, a line break or similar); keep it \
             to one plain line.",
            |tx| people::insert(tx, &person(&format!("Bad{c}Name"))),
        );
    }
    for c in corpus::refused_controls() {
        let what = format!("notes with U+{:04X}", c as u32);
        refused(
            &mut db,
            &what,
            "The notes contains a control character that is not a line break or a tab; remove it.",
            |tx| {
                one_on_ones::insert(
                    tx,
                    &OneOnOneInput {
                        person_id: ada.id,
                        date: d("2026-02-02"),
                        status: OneOnOneStatus::Held,
                        notes: format!("before{c}after"),
                        tags: vec![],
                    },
                )
            },
        );
        refused(
            &mut db,
            &format!("an agenda item with U+{:04X}", c as u32),
            "control character",
            |tx| agenda::insert(tx, &item(ada.id, &format!("before{c}after"))),
        );
    }
    let notes = "line one\n\tindented\r\nline three";
    let kept = db
        .write(|tx| {
            one_on_ones::insert(
                tx,
                &OneOnOneInput {
                    person_id: ada.id,
                    date: d("2026-02-02"),
                    status: OneOnOneStatus::Held,
                    notes: notes.into(),
                    tags: vec![],
                },
            )
        })
        .unwrap();
    assert_eq!(one_on_ones::get(db.conn(), kept.id).unwrap().notes, notes);
}

#[test]
fn every_payload_of_the_corpus_is_stored_and_read_back_byte_for_byte() {
    let (mut db, ada, link) = setup();
    let payloads = corpus::corpus();
    let started = Instant::now();
    db.write(|tx| {
        for (i, p) in payloads.iter().enumerate() {
            let day = d("2026-01-06") + chrono::Days::new(i as u64);
            let a = agenda::insert(tx, &item(ada.id, &p.text))?;
            assert_eq!(agenda::get(tx, a.id)?.text, p.text, "agenda item {}", p.id);
            let w = wins::insert(
                tx,
                &WinInput {
                    person_id: ada.id,
                    noted_on: day,
                    text: p.text.clone(),
                },
            )?;
            assert_eq!(wins::get(tx, w.id)?.text, p.text, "win {}", p.id);
            let o = one_on_ones::insert(
                tx,
                &OneOnOneInput {
                    person_id: ada.id,
                    date: day,
                    status: OneOnOneStatus::Held,
                    notes: p.text.clone(),
                    tags: vec![],
                },
            )?;
            assert_eq!(one_on_ones::get(tx, o.id)?.notes, p.text, "1:1 {}", p.id);
            let c = customers::insert_check_in(
                tx,
                &CheckInInput {
                    link_id: link.id,
                    date: day,
                    epic_updated: false,
                    notes: p.text.clone(),
                },
            )?;
            assert_eq!(
                customers::get_check_in(tx, c.id)?.notes,
                p.text,
                "check-in {}",
                p.id
            );
            let title = if p.is_one_line() && p.text.chars().count() <= 200 {
                p.text.clone()
            } else {
                format!("Walkthrough {}", p.id)
            };
            let wt = walkthroughs::insert(
                tx,
                &WalkthroughInput {
                    date: day,
                    title: title.clone(),
                    stages: vec![],
                    categories: vec![],
                    findings: p.text.clone(),
                    issue_link: None,
                },
            )?;
            let back = walkthroughs::get(tx, wt.id)?;
            assert_eq!(
                (back.title, back.findings),
                (title, p.text.clone()),
                "walkthrough {}",
                p.id
            );
            if p.is_one_line() && p.text.chars().count() <= 190 {
                let name = format!("{} ~{}", p.text, p.id);
                let person = people::insert(tx, &person(&name))?;
                assert_eq!(people::get(tx, person.id)?.name, name, "person {}", p.id);
            }
        }
        Ok(())
    })
    .unwrap();
    println!(
        "stored {} payloads in 5–6 record kinds each in {:.1?}",
        payloads.len(),
        started.elapsed()
    );
    // The export round-trips them too.
    let doc = interchange::export(db.conn()).unwrap();
    let json = interchange::to_json(&doc);
    let mut copy = support::db();
    interchange::import(&mut copy, &interchange::parse(&json).unwrap()).unwrap();
    assert_eq!(export_json(&copy), json);
}

#[test]
fn a_hundred_thousand_agenda_items_for_one_person_are_stored_and_every_view_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("big.sqlite"), d(CREATED)).unwrap();
    let ada = db
        .write(|tx| people::insert(tx, &person("Ada Anchor")))
        .unwrap();
    let started = Instant::now();
    db.write(|tx| {
        for i in 0..100_000u32 {
            let mut input = item(
                ada.id,
                &format!("Item {i}: follow up on the pricing experiment {}", i % 97),
            );
            match i % 3 {
                0 => {
                    input.open_tag = OpenTag::Help;
                    input.raised_by = RaisedBy::Person;
                }
                1 => {
                    input.open_tag = OpenTag::Todo;
                    input.timing = Some(Timing::Date(d("2026-01-20")));
                }
                _ => {}
            }
            agenda::insert(tx, &input)?;
        }
        Ok(())
    })
    .unwrap();
    println!(
        "insert 100k agenda items (one transaction): {:.1?}",
        started.elapsed()
    );

    let t = Instant::now();
    let open = agenda::list(
        db.conn(),
        agenda::Filter {
            person: Some(ada.id),
            open: Some(true),
            tag: None,
        },
    )
    .unwrap();
    println!("list the person's open agenda (100k): {:.1?}", t.elapsed());
    assert_eq!(open.len(), 100_000);

    let t = Instant::now();
    let review = nudges::overdue(db.conn(), d("2026-11-27"), false).unwrap();
    println!(
        "overdue review (100k items): {:.1?}, {} nudges",
        t.elapsed(),
        review.len()
    );
    let requests = review
        .iter()
        .filter(|n| n.key.starts_with("request:"))
        .count();
    let actions = review
        .iter()
        .filter(|n| n.key.starts_with("action:"))
        .count();
    assert_eq!((requests, actions), (33_334, 33_333));

    let t = Instant::now();
    let hits = search::search(db.conn(), "pricing experiment", 50).unwrap();
    println!(
        "search 'pricing experiment' (100k items): {:.1?}",
        t.elapsed()
    );
    assert_eq!(hits.len(), 50);
    let t = Instant::now();
    let hits = search::search(db.conn(), "Item 99999", 50).unwrap();
    println!("search 'Item 99999' (100k items): {:.1?}", t.elapsed());
    assert!(hits.iter().any(|h| h.snippet.contains("Item 99999")));

    // One more write still goes through, quickly.
    let t = Instant::now();
    db.write(|tx| agenda::insert(tx, &item(ada.id, "one more")))
        .unwrap();
    println!("one more agenda item (100k already): {:.1?}", t.elapsed());
}

#[test]
fn deep_and_huge_json_is_refused_by_the_import_parser_without_a_crash() {
    let header = "{\"format\":\"coachlog\",\"format_version\":1,\"people\":";
    let cases: Vec<(&str, String)> = vec![
        ("1M nested arrays", "[".repeat(1_000_000)),
        ("1M nested objects", "{\"a\":".repeat(1_000_000)),
        (
            "nesting inside an export",
            format!("{header}{}", "[".repeat(1_000_000)),
        ),
        (
            "nesting inside a record",
            format!("{header}[{{\"id\":1,\"name\":{}}}]}}", "[".repeat(100_000)),
        ),
        (
            "a 20 MB name",
            format!(
                "{header}[{{\"id\":1,\"name\":\"{}\"}}]}}",
                "x".repeat(20 << 20)
            ),
        ),
        (
            "300k empty records",
            format!("{header}[{}]}}", vec!["{}"; 300_000].join(",")),
        ),
        (
            "a huge number",
            format!("{header}[{{\"id\":1{}}}]}}", "0".repeat(100_000)),
        ),
        (
            "a lone surrogate",
            format!("{header}[{{\"id\":1,\"name\":\"\\ud800\"}}]}}"),
        ),
        (
            "a NUL escape in a name",
            format!("{header}[{{\"id\":1,\"name\":\"a\\u0000b\"}}]}}"),
        ),
    ];
    for (what, text) in cases {
        let t = Instant::now();
        let err = interchange::parse(&text).expect_err(what);
        println!(
            "parse {what} ({} bytes): refused in {:.1?}",
            text.len(),
            t.elapsed()
        );
        assert_eq!(err.kind(), ErrorKind::Invalid, "{what}: {err}");
        assert!(
            err.to_string().len() < 2_000,
            "{what}: a {}-byte message",
            err.to_string().len()
        );
    }
}

#[test]
fn a_nul_in_an_imported_name_is_refused_with_its_place_and_nothing_is_written() {
    let (db, _, _) = setup();
    let mut doc: serde_json::Value = serde_json::from_str(&interchange::to_json(
        &interchange::export(db.conn()).unwrap(),
    ))
    .unwrap();
    doc["people"][0]["name"] = serde_json::Value::from("Ada\u{0}Anchor");
    let doc = interchange::parse(&doc.to_string()).unwrap();
    let mut fresh = support::db();
    let before = dump(fresh.conn());
    let err = interchange::import(&mut fresh, &doc).expect_err("a NUL in a name");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("people[0]"), "{err}");
    assert!(err.to_string().contains("control character"), "{err}");
    assert!(dump(fresh.conn()) == before);
}

#[test]
fn search_text_never_reaches_sqlite_as_fts_syntax() {
    let (mut db, ada, _) = setup();
    db.write(|tx| {
        agenda::insert(
            tx,
            &item(ada.id, "Review the pricing page NEAR the \"end\" of Q3"),
        )?;
        wins::insert(
            tx,
            &WinInput {
                person_id: ada.id,
                noted_on: d("2026-02-02"),
                text: "text:pricing shipped".into(),
            },
        )
    })
    .unwrap();
    let mut queries: Vec<String> = [
        "\"",
        "\"\"",
        "a\" OR \"b",
        "pricing OR x",
        "NEAR(pricing page)",
        "NEAR(pricing page, 2)",
        "text:pricing",
        "{text}:pricing",
        "-pricing",
        "^pricing",
        "pricing*",
        "*",
        "(",
        ")",
        "pricing AND",
        "AND",
        "OR",
        "NOT",
        "NOT pricing",
        ":",
        "+",
        "'",
        "'; DROP TABLE person; --",
        "\\",
        "%",
        "_",
        "[",
        "]",
        "{",
        "}",
        "pricing\u{0}page",
        "\u{0}",
        "rowid:1",
        "search_index:pricing",
        "\u{E000}pricing\u{E001}",
        "\u{202E}gnicirp",
        "😀",
        "",
        "   ",
        "\t\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push("word ".repeat(33));
    queries.push("x".repeat(1_000_000));
    queries.extend(corpus::corpus().into_iter().map(|p| p.text));
    let (mut answered, mut refused) = (0, 0);
    let mut failed = Vec::new();
    for q in &queries {
        match search::search(db.conn(), q, 20) {
            Ok(_) => answered += 1,
            Err(e) if e.kind() == ErrorKind::Invalid => refused += 1,
            Err(e) => failed.push(format!(
                "{:?} → {:?}: {e}",
                q.chars().take(60).collect::<String>(),
                e.kind()
            )),
        }
    }
    println!(
        "{} searches: {answered} answered, {refused} refused with a message",
        queries.len()
    );
    assert!(
        failed.is_empty(),
        "searches that reached SQLite as broken FTS syntax instead of results or a message:\n{}",
        failed.join("\n")
    );
    // Operators are words: "NEAR" and "text:pricing" find the records that contain them.
    assert_eq!(search::search(db.conn(), "NEAR", 20).unwrap().len(), 1);
    assert_eq!(
        search::search(db.conn(), "text:pricing", 20).unwrap().len(),
        1
    );
    assert_eq!(
        search::search(db.conn(), "pricing OR nothing", 20)
            .unwrap()
            .len(),
        0
    );
}

/// A date of the year 26, as an IPC call or a file can give one.
fn year_26() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(26, 5, 1).unwrap()
}

#[test]
fn every_write_refuses_a_date_outside_the_years_1000_to_9999() {
    use coachlog_core::kinds::RecordKind;
    use coachlog_core::store::{hiring, nudge_state, trash, updates};
    let mut db = db();
    let p = db
        .write(|tx| people::insert(tx, &person("Priya Raman")))
        .unwrap();
    let day = d(CREATED);
    let o = db
        .write(|tx| one_on_ones::insert(tx, &OneOnOneInput::new(p.id, day)))
        .unwrap();
    let open_item = db.write(|tx| agenda::insert(tx, &item(p.id, "x"))).unwrap();
    let link = db
        .write(|tx| {
            customers::insert_link(
                tx,
                &CustomerLinkInput::new(p.id, "Support", "Code Review", day),
            )
        })
        .unwrap();
    let check_in = db
        .write(|tx| customers::insert_check_in(tx, &CheckInInput::new(link.id, day)))
        .unwrap();
    let req = db
        .write(|tx| {
            hiring::insert_requisition(tx, &RequisitionInput::new("Senior PM", Level::Ic, day))
        })
        .unwrap();
    let interview = db
        .write(|tx| hiring::insert_interview(tx, &InterviewInput::new(req.id, day, "Alex Kim")))
        .unwrap();
    let w = db
        .write(|tx| wins::insert(tx, &WinInput::new(p.id, day, "A win")))
        .unwrap();
    let walk = db
        .write(|tx| walkthroughs::insert(tx, &WalkthroughInput::new(day, "Plan")))
        .unwrap();
    let bad = year_26();
    let year = "not in the years 1000 to 9999";
    refused_as(&mut db, "person since", year, |tx| {
        people::insert(tx, &pm("Ada", "2026-01-05").tap_since(bad))
    });
    refused_as(&mut db, "archive", year, |tx| {
        people::archive(tx, p.id, bad)
    });
    refused_as(&mut db, "1:1", year, |tx| {
        one_on_ones::insert(tx, &OneOnOneInput::new(p.id, bad))
    });
    refused_as(&mut db, "1:1 moved", year, |tx| {
        one_on_ones::update(tx, o.id, &OneOnOneInput::new(p.id, bad))
    });
    refused_as(&mut db, "agenda item", year, |tx| {
        agenda::insert(
            tx,
            &AgendaItemInput {
                opened_on: bad,
                ..item(p.id, "y")
            },
        )
    });
    refused_as(&mut db, "timing", year, |tx| {
        agenda::insert(
            tx,
            &AgendaItemInput {
                timing: Some(Timing::Date(bad)),
                ..item(p.id, "y")
            },
        )
    });
    refused_as(&mut db, "closing", year, |tx| {
        agenda::close(tx, open_item.id, CloseTag::Done, bad, None)
    });
    refused_as(&mut db, "update done", year, |tx| {
        updates::insert(
            tx,
            &UpdateInput {
                status: UpdateStatus::Done,
                done_on: Some(bad),
                ..UpdateInput::new(
                    Some(p.id),
                    UpdateKind::NextRelease,
                    "2026-02".parse().unwrap(),
                )
            },
        )
    });
    refused_as(&mut db, "link", year, |tx| {
        customers::insert_link(
            tx,
            &CustomerLinkInput::new(p.id, "Sales", "Code Review", bad),
        )
    });
    refused_as(&mut db, "check-in", year, |tx| {
        customers::insert_check_in(tx, &CheckInInput::new(link.id, bad))
    });
    refused_as(&mut db, "check-in moved", year, |tx| {
        customers::update_check_in(tx, check_in.id, &CheckInInput::new(link.id, bad))
    });
    refused_as(&mut db, "requisition", year, |tx| {
        hiring::insert_requisition(tx, &RequisitionInput::new("PM", Level::Ic, bad))
    });
    refused_as(&mut db, "interview", year, |tx| {
        hiring::insert_interview(tx, &InterviewInput::new(req.id, bad, "Jo"))
    });
    refused_as(&mut db, "interview moved", year, |tx| {
        hiring::update_interview(
            tx,
            interview.id,
            &InterviewInput::new(req.id, bad, "Alex Kim"),
        )
    });
    refused_as(&mut db, "walkthrough", year, |tx| {
        walkthroughs::insert(tx, &WalkthroughInput::new(bad, "Plan"))
    });
    refused_as(&mut db, "walkthrough moved", year, |tx| {
        walkthroughs::update(tx, walk.id, &WalkthroughInput::new(bad, "Plan"))
    });
    refused_as(&mut db, "win", year, |tx| {
        wins::insert(tx, &WinInput::new(p.id, bad, "Win"))
    });
    refused_as(&mut db, "win shared", year, |tx| {
        wins::share(tx, w.id, bad, None)
    });
    refused_as(&mut db, "snooze", year, |tx| {
        nudge_state::snooze(tx, "request:1", bad)
    });
    refused_as(&mut db, "draft", year, |tx| {
        drafts::save(
            tx,
            &Draft {
                person_id: p.id,
                date: bad,
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec![],
                new_items: vec![],
                close_items: vec![],
            },
        )
    });
    refused_as(&mut db, "deletion", year, |tx| {
        trash::delete(tx, RecordKind::Win, w.id.0, bad)
    });
}

trait SinceIs {
    fn tap_since(self, since: chrono::NaiveDate) -> Self;
}

impl SinceIs for PersonInput {
    fn tap_since(mut self, since: chrono::NaiveDate) -> Self {
        self.since = since;
        self
    }
}

#[test]
fn drafts_and_searches_are_bounded() {
    let mut db = db();
    let p = db
        .write(|tx| people::insert(tx, &person("Priya Raman")))
        .unwrap();
    let many = vec![NewItem::new("x", OpenTag::Todo, RaisedBy::Leader); 501];
    refused_as(&mut db, "draft items", "at most 500", |tx| {
        drafts::save(
            tx,
            &Draft {
                person_id: p.id,
                date: d(CREATED),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec![],
                new_items: many,
                close_items: vec![],
            },
        )
    });
    refused_as(&mut db, "draft tag", "coaching tag", |tx| {
        drafts::save(
            tx,
            &Draft {
                person_id: p.id,
                date: d(CREATED),
                status: OneOnOneStatus::Held,
                notes: String::new(),
                tags: vec!["t".repeat(101)],
                new_items: vec![],
                close_items: vec![],
            },
        )
    });
    let e = search::search(db.conn(), &"word ".repeat(120), 10).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert!(e.to_string().contains("at most 500"), "{e}");
    // A draft that closes an item deleted since keeps its notes.
    let old = db
        .write(|tx| agenda::insert(tx, &item(p.id, "old")))
        .unwrap();
    let draft = Draft {
        person_id: p.id,
        date: d(CREATED),
        status: OneOnOneStatus::Held,
        notes: "half-written".into(),
        tags: vec![],
        new_items: vec![],
        close_items: vec![ItemClosure {
            id: old.id,
            tag: CloseTag::Done,
        }],
    };
    db.write(|tx| {
        coachlog_core::store::trash::delete(
            tx,
            coachlog_core::kinds::RecordKind::AgendaItem,
            old.id.0,
            d(CREATED),
        )
    })
    .unwrap();
    db.write(|tx| drafts::save(tx, &draft)).unwrap();
    let kept = drafts::get(db.conn(), p.id).unwrap().unwrap();
    assert_eq!(kept.notes, "half-written");
    assert!(kept.close_items.is_empty());
}
