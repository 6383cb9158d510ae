//! Import from CSV (`coachlog_core::import::csv`): the example files of
//! `docs/examples/` row by row, RFC 4180 quoting and a byte-order mark,
//! header names in any case and order, each kind of bad file refused with
//! the row and column named and nothing written, `NewPeople::Refuse`, the
//! dry run, and a second import that adds nothing.

use coachlog_core::import::csv::{self, NewPeople};
use coachlog_core::import::{Options, Report};
use coachlog_core::model::{CloseTag, OneOnOneStatus, OpenTag, RaisedBy, Timing};
use coachlog_core::store::{agenda, one_on_ones, people};
use coachlog_core::Db;

use crate::support::{add_person, d, db, dump};

const ONE_ON_ONES: &str = include_str!("../../../../docs/examples/one-on-ones.csv");
const ITEMS: &str = include_str!("../../../../docs/examples/agenda-items.csv");

fn options(dry_run: bool) -> Options {
    Options {
        today: d("2026-03-01"),
        dry_run,
    }
}

fn import(db: &mut Db, one_on_ones: &str, items: Option<&str>) -> Report {
    let file = csv::parse(one_on_ones, items).unwrap();
    csv::import(db, &file, options(false), NewPeople::Add).unwrap()
}

/// The error of importing the files, after checking that nothing changed.
fn refused(db: &mut Db, one_on_ones: &str, items: Option<&str>, new: NewPeople) -> String {
    let before = dump(db.conn());
    let err = csv::parse(one_on_ones, items)
        .and_then(|file| csv::import(db, &file, options(false), new))
        .expect_err("the import should be refused");
    assert_eq!(dump(db.conn()), before, "a refused import wrote: {err}");
    err.to_string()
}

#[test]
fn the_example_files_import_row_by_row() {
    let mut db = db();
    let r = import(&mut db, ONE_ON_ONES, Some(ITEMS));
    assert_eq!(r.created, ["Ana Ruiz", "Ben Okafor"]);
    assert_eq!(r.added.people, 2);
    // Five rows, two of them Ben's on one day.
    assert_eq!(r.added.one_on_ones, 4);
    assert_eq!(r.merged_meetings, 1);
    assert_eq!(r.added.agenda_items, 4);

    let c = db.conn();
    let ana = people::find_by_name(c, "ana ruiz").unwrap().unwrap();
    assert!(ana.tracked);
    assert_eq!(ana.since, d("2026-01-08"));
    let first = one_on_ones::on_day(c, ana.id, d("2026-01-08"))
        .unwrap()
        .unwrap();
    assert_eq!(first.status, OneOnOneStatus::Held);
    assert_eq!(
        first.notes,
        "Talked about the **Q1 roadmap**, hiring and the \"beta\" customers."
    );
    assert_eq!(first.tags, ["career", "feedback"]);
    let skipped = one_on_ones::on_day(c, ana.id, d("2026-01-22"))
        .unwrap()
        .unwrap();
    assert_eq!(skipped.status, OneOnOneStatus::Skipped);
    let cancelled = one_on_ones::on_day(c, ana.id, d("2026-02-05"))
        .unwrap()
        .unwrap();
    assert_eq!(cancelled.status, OneOnOneStatus::Cancelled);

    let ben = people::find_by_name(c, "Ben Okafor").unwrap().unwrap();
    let merged = one_on_ones::on_day(c, ben.id, d("2026-01-09"))
        .unwrap()
        .unwrap();
    assert_eq!(
        merged.notes,
        "First 1:1.\n- Goals for the quarter\n- Team rituals\n\n---\n\nFollow-up in the \
         afternoon about the launch plan."
    );
    assert_eq!(merged.tags, ["growth", "risk"]);

    let items = agenda::list(
        c,
        agenda::Filter {
            person: Some(ana.id),
            ..Default::default()
        },
    )
    .unwrap();
    let todo = items.iter().find(|i| i.open_tag == OpenTag::Todo).unwrap();
    assert_eq!(todo.text, "Share the Q1 roadmap draft");
    assert_eq!(todo.timing, Some(Timing::Date(d("2026-01-20"))));
    assert_eq!(todo.close_tag, Some(CloseTag::Done));
    assert_eq!(todo.closed_on, Some(d("2026-01-21")));
    assert_eq!(todo.opened_in, Some(first.id));
    assert_eq!(todo.raised_by, RaisedBy::Person);
    let help = items.iter().find(|i| i.open_tag == OpenTag::Help).unwrap();
    assert_eq!(help.text, "Advice on the pricing page, before the launch");
    assert_eq!(help.timing, Some("19.2".parse().unwrap()));
    assert!(help.close_tag.is_none());

    let bens = agenda::list(
        c,
        agenda::Filter {
            person: Some(ben.id),
            ..Default::default()
        },
    )
    .unwrap();
    let doto = bens.iter().find(|i| i.open_tag == OpenTag::Doto).unwrap();
    assert_eq!(doto.raised_by, RaisedBy::Leader);
    assert_eq!(doto.opened_in, Some(merged.id));
    let fyi = bens
        .iter()
        .find(|i| i.close_tag == Some(CloseTag::Fyi))
        .unwrap();
    assert_eq!(fyi.open_tag, OpenTag::Discuss);
    assert_eq!(fyi.closed_on, Some(d("2026-01-09")));
    assert_eq!(fyi.closed_in, Some(merged.id));
}

#[test]
fn a_second_import_adds_nothing_and_a_dry_run_writes_nothing() {
    let mut db = db();
    let file = csv::parse(ONE_ON_ONES, Some(ITEMS)).unwrap();
    let before = dump(db.conn());
    let rehearsed = csv::import(&mut db, &file, options(true), NewPeople::Add).unwrap();
    assert_eq!(dump(db.conn()), before);
    assert!(rehearsed.dry_run);

    let first = import(&mut db, ONE_ON_ONES, Some(ITEMS));
    assert_eq!(rehearsed.added, first.added);
    let after = dump(db.conn());
    let second = import(&mut db, ONE_ON_ONES, Some(ITEMS));
    assert_eq!(second.added.total(), 0, "{second}");
    assert_eq!(second.already_there, first.added);
    assert_eq!(second.matched, ["Ana Ruiz", "Ben Okafor"]);
    assert_eq!(dump(db.conn()), after);
    assert!(second.to_string().contains("Added nothing"));
}

#[test]
fn quoting_a_byte_order_mark_and_headers_in_any_case_and_order() {
    let mut db = db();
    let text = "\u{feff}Tags,NOTES,Date,Person\r\n\
                \" a ; b ;\",\"line one, with a comma\r\nline \"\"two\"\"\",2026-01-05,Cleo Park\r\n";
    let r = import(&mut db, text, None);
    assert_eq!(r.created, ["Cleo Park"]);
    let c = db.conn();
    let cleo = people::find_by_name(c, "Cleo Park").unwrap().unwrap();
    let o = one_on_ones::on_day(c, cleo.id, d("2026-01-05"))
        .unwrap()
        .unwrap();
    assert_eq!(o.notes, "line one, with a comma\nline \"two\"");
    assert_eq!(o.tags, ["a", "b"]);
    assert_eq!(o.status, OneOnOneStatus::Held);
}

#[test]
fn people_are_matched_by_name_and_since_moves_back() {
    let mut db = db();
    let ana = add_person(&mut db, "Ana Ruiz");
    let r = import(&mut db, "person,date\n  ANA RUIZ ,2020-01-06\n", None);
    assert_eq!(r.matched, ["Ana Ruiz"]);
    assert!(r.created.is_empty());
    assert_eq!(r.since_moved, ["Ana Ruiz"]);
    let c = db.conn();
    assert_eq!(people::get(c, ana.id).unwrap().since, d("2020-01-06"));
}

#[test]
fn bad_files_are_refused_with_the_row_and_column_named_and_nothing_written() {
    let too_long_tag = format!(
        "person,date,tags\nAna,2026-01-05,ok\nBo,2026-01-06,{}\n",
        "x".repeat(101)
    );
    let cases: &[(&str, Option<&str>, &str)] = &[
        (
            "person,date\nAna,2026-01-05\nAna,2026-02-30\n",
            None,
            "row 3, column date: \"2026-02-30\" is not a date (YYYY-MM-DD).",
        ),
        ("person,date\nAna,\n", None, "row 2, column date: is empty"),
        (
            "person,notes\nAna,x\n",
            None,
            "row 1: the header has no date column",
        ),
        (
            "person,date,mood\nAna,2026-01-05,4\n",
            None,
            "\"mood\" is not a column",
        ),
        (
            "person,date,Date\n",
            None,
            "the column \"date\" is there twice",
        ),
        (
            "person,date,status\nAna,2026-01-05,maybe\n",
            None,
            "row 2, column status: 'maybe' is not a 1:1 status",
        ),
        (
            "person,date\nAna,2026-01-05,x\n",
            None,
            "row 2: it has 3 fields, the header 2",
        ),
        (" ,date\n", None, "the header has no person column"),
        (
            "person,date\n\" \",2026-01-05\n",
            None,
            "row 2, column person: The person is empty",
        ),
        (
            "",
            None,
            "row 1: the header has no person and no date column",
        ),
        (
            "person,date\nAna,2026-01-05\n",
            Some("person,date,kind,text\nAna,2026-01-05,MAYBE,x\n"),
            "items file, row 2, column kind: \"MAYBE\" is not a kind",
        ),
        (
            "person,date\nAna,2026-01-05\n",
            Some("person,date,kind,text,closed\nAna,2026-01-05,TODO,x,2026-01-04\n"),
            "items file, row 2, column closed: 2026-01-04 is before the day the item was opened",
        ),
        (
            "person,date\nAna,2026-01-05\n",
            Some("person,date,kind,text,closed\nAna,2026-01-05,TODO,x,2026-12-04\n"),
            "items file, row 2, column closed: 2026-12-04 is after today (2026-03-01)",
        ),
        (
            "person,date\nAna,2026-01-05\n",
            Some("person,date,kind,text,due\nAna,2026-01-05,TODO,x,soon\n"),
            "items file, row 2, column due: \"soon\" is not a date",
        ),
        (
            "person,date\nAna,2026-01-05\n",
            Some("person,date,kind,text\nAna,2026-01-05,TODO,\n"),
            "items file, row 2, column text: is empty",
        ),
        (&too_long_tag, None, "row 3: The coaching tag"),
    ];
    for (one_on_ones, items, needle) in cases {
        let mut db = db();
        add_person(&mut db, "Existing Person");
        let err = refused(&mut db, one_on_ones, *items, NewPeople::Add);
        assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    }
}

#[test]
fn new_people_can_be_refused_by_name_and_row() {
    let mut db = db();
    add_person(&mut db, "Ana Ruiz");
    let err = refused(
        &mut db,
        "person,date\nAna Ruiz,2026-01-05\nZed,2026-01-06\nZed,2026-01-07\n",
        Some("person,date,kind,text\nYan,2026-01-05,FYI,x\n"),
        NewPeople::Refuse,
    );
    assert!(
        err.starts_with(
            "Not in Coachlog: \"Zed\" (row 3, row 4); \"Yan\" (items file, row 2). Add them first"
        ),
        "{err}"
    );
    // Everyone known: it goes in.
    let file = csv::parse("person,date\nana ruiz,2026-01-05\n", None).unwrap();
    let r = csv::import(&mut db, &file, options(false), NewPeople::Refuse).unwrap();
    assert_eq!(r.added.one_on_ones, 1);
}

#[test]
fn one_file_of_either_kind_is_told_apart_by_its_header() {
    let mut db = db();
    add_person(&mut db, "Ana Ruiz");
    let items = csv::parse_one(ITEMS).unwrap();
    let r = csv::import(&mut db, &items, options(false), NewPeople::Add).unwrap();
    assert_eq!(r.added.agenda_items, 4);
    assert_eq!(r.added.one_on_ones, 0);
    let rows = csv::parse_one(ONE_ON_ONES).unwrap();
    assert_eq!(rows, csv::parse(ONE_ON_ONES, None).unwrap());
}
