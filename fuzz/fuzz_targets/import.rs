//! The interchange file (`coachlog_core::interchange`): bytes of a would-be
//! export file → `parse` → `import` into a fresh in-memory database.
//!
//! Checked:
//! - `parse` never panics; a refusal is an `invalid` error with a message;
//! - bytes that are not UTF-8 are refused with a message that says so
//!   (`parse_bytes` below, what a front end does before `parse`), and their
//!   lossy decoding goes through `parse` like any text;
//! - `import` of a parsed document never panics; a refusal is the file's
//!   fault (`invalid`, never `internal` — a database error leaking out) and
//!   leaves the database exactly as it was (its export unchanged);
//! - a successful import exports to a document that parses, and that
//!   document imported into another fresh database exports to the same
//!   bytes (ARCHITECTURE.md: export → import → export is byte-identical).
#![no_main]

use chrono::NaiveDate;
use coachlog_core::interchange::{self, Document};
use coachlog_core::{Db, Error, ErrorKind};
use libfuzzer_sys::fuzz_target;

/// The day the fuzzed databases are created (it only seeds the default
/// `tracking_since`, which an import replaces).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 20).expect("a real date")
}

fn fresh() -> Db {
    Db::open_in_memory(today()).expect("an in-memory database opens")
}

fn export_json(db: &Db) -> String {
    let doc = interchange::export(db.conn()).expect("export of a fuzzed database");
    interchange::to_json(&doc)
}

/// Bytes to a document, as the front ends read a file: refused with a clear
/// message when they are not UTF-8, else `interchange::parse`.
fn parse_bytes(data: &[u8]) -> Result<Document, Error> {
    match std::str::from_utf8(data) {
        Ok(text) => interchange::parse(text),
        Err(e) => Err(Error::invalid(format!(
            "This is not a Coachlog export: it is not UTF-8 text ({e})."
        ))),
    }
}

fn check_refusal(what: &str, e: &Error) {
    assert_eq!(e.kind(), ErrorKind::Invalid, "{what}: {e:?}");
    assert!(!e.to_string().trim().is_empty(), "{what}: empty message");
}

fn check_text(text: &str) {
    let doc = match interchange::parse(text) {
        Ok(doc) => doc,
        Err(e) => return check_refusal("parse", &e),
    };
    let mut db = fresh();
    let empty = export_json(&db);
    match interchange::import(&mut db, &doc) {
        Ok(report) => {
            assert_eq!(report, interchange::ImportReport::of(&doc));
            let json = export_json(&db);
            let again = match interchange::parse(&json) {
                Ok(d) => d,
                Err(e) => panic!("the export of a successful import does not parse: {e}\n{json}"),
            };
            let mut other = fresh();
            if let Err(e) = interchange::import(&mut other, &again) {
                panic!("the export of a successful import does not import: {e}\n{json}");
            }
            let json2 = export_json(&other);
            assert!(
                json == json2,
                "export → import → export is not byte-identical:\n{json}\n---\n{json2}"
            );
        }
        Err(e) => {
            check_refusal("import", &e);
            assert!(
                export_json(&db) == empty,
                "a refused import ({e}) changed the database"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => check_text(text),
        Err(_) => {
            match parse_bytes(data) {
                Ok(_) => panic!("bytes that are not UTF-8 were accepted"),
                Err(e) => {
                    check_refusal("parse_bytes", &e);
                    assert!(e.to_string().contains("UTF-8"), "{e}");
                }
            }
            check_text(&String::from_utf8_lossy(data));
        }
    }
});
