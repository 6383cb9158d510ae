//! Damaged and foreign files: a generated corpus of more than 1,000 files
//! made from a real Coachlog database with data — truncations at many
//! offsets, bit flips in the header, the schema and data pages, zeroed
//! pages, runs of random bytes, random files, other programs' SQLite
//! databases, newer and invalid schema versions, wrong application ids and
//! invalid header fields — each opened with `Db::open` inside
//! `catch_unwind`.
//!
//! Every file must either open (a flip in a note's text cannot be seen, and
//! then reading everything must work or report the damage as `corrupt`), or
//! be refused as `corrupt` (the message naming the file and, since a backup
//! lies next to it, `coachlog restore --latest`) or `schema_too_new` (both
//! version numbers). Whatever happens: no panic, not a byte and not the
//! modification time of the file changed, and no `-wal`, `-shm`, `-journal`
//! or temporary file left next to it.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use coachlog_core::db::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use coachlog_core::{backup, interchange, Db, ErrorKind};
use rusqlite::Connection;

use crate::support::{age, d, demo_file, env_number, listing, utc, FileState, Rng, TODAY};

/// One damaged file: what was done to it, and its bytes.
struct Case {
    label: String,
    bytes: Vec<u8>,
}

fn case(label: impl Into<String>, bytes: Vec<u8>) -> Case {
    Case {
        label: label.into(),
        bytes,
    }
}

fn put_u32(bytes: &mut [u8], at: usize, v: u32) {
    bytes[at..at + 4].copy_from_slice(&v.to_be_bytes());
}

/// Another program's SQLite database, or an odd one, built by SQLite.
fn sqlite_file(dir: &Path, name: &str, setup: &str) -> Vec<u8> {
    let path = dir.join(name);
    let c = Connection::open(&path).unwrap();
    c.execute_batch(setup).unwrap();
    c.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    bytes
}

/// The corpus, deterministic for a seed.
fn corpus(base: &[u8], scratch: &Path, rng: &mut Rng) -> Vec<Case> {
    let page = usize::from(u16::from_be_bytes([base[16], base[17]]));
    let pages = base.len() / page;
    let mut out = Vec::new();
    let flip = |at: usize, bit: u8| {
        let mut b = base.to_vec();
        b[at] ^= 1 << bit;
        b
    };

    // Truncations: the first bytes, every page boundary and around it, and
    // random offsets.
    let mut lengths: Vec<usize> = vec![0, 1, 15, 16, 17, 50, 99, 100, 101, 511, 512, 1024];
    for k in 1..pages {
        lengths.extend([k * page - 1, k * page, k * page + 1]);
    }
    for _ in 0..60 {
        lengths.push(rng.below(base.len() as u64) as usize);
    }
    lengths.sort_unstable();
    lengths.dedup();
    lengths.retain(|&n| n < base.len());
    for n in lengths {
        out.push(case(format!("truncated to {n} bytes"), base[..n].to_vec()));
    }

    // One bit flipped in every byte of the 100-byte header, and again in a
    // random bit of random header bytes.
    for at in 0..100 {
        let bit = rng.below(8) as u8;
        out.push(case(
            format!("header byte {at} bit {bit} flipped"),
            flip(at, bit),
        ));
    }
    for _ in 0..50 {
        let (a, b) = (rng.below(100) as usize, rng.below(100) as usize);
        let mut bytes = flip(a, rng.below(8) as u8);
        bytes[b] ^= 1 << rng.below(8);
        out.push(case(format!("header bytes {a} and {b} flipped"), bytes));
    }

    // Flips in the rest of page 1 (the schema's root page) and in the first
    // pages, which hold the schema's SQL, and in the data pages.
    for _ in 0..100 {
        let at = 100 + rng.below((page - 100) as u64) as usize;
        let bit = rng.below(8) as u8;
        out.push(case(
            format!("page 1 byte {at} bit {bit} flipped"),
            flip(at, bit),
        ));
    }
    for _ in 0..120 {
        let at = page + rng.below((page * 7) as u64) as usize;
        let bit = rng.below(8) as u8;
        out.push(case(
            format!("schema area byte {at} bit {bit} flipped"),
            flip(at, bit),
        ));
    }
    for _ in 0..250 {
        let at = page + rng.below((base.len() - page) as u64) as usize;
        let bit = rng.below(8) as u8;
        out.push(case(format!("byte {at} bit {bit} flipped"), flip(at, bit)));
    }

    // Every page zeroed in turn.
    for k in 0..pages {
        let mut bytes = base.to_vec();
        bytes[k * page..(k + 1) * page].fill(0);
        out.push(case(format!("page {} zeroed", k + 1), bytes));
    }

    // Runs of random bytes written over the file.
    for _ in 0..100 {
        let len = 1 + rng.below(256) as usize;
        let at = rng.below((base.len() - len) as u64) as usize;
        let mut bytes = base.to_vec();
        bytes[at..at + len].copy_from_slice(&rng.bytes(len));
        out.push(case(format!("{len} random bytes at {at}"), bytes));
    }

    // Random files, with and without an SQLite header.
    for i in 0..40u32 {
        let len = [1usize, 100, 512, 4096, 65_536][i as usize % 5] + rng.below(100) as usize;
        let mut bytes = rng.bytes(len);
        if i % 2 == 1 && len >= 16 {
            bytes[..16].copy_from_slice(b"SQLite format 3\0");
        }
        out.push(case(format!("random file of {len} bytes ({i})"), bytes));
    }
    out.push(case("a text file", b"Notes for my 1:1s\n".repeat(300)));
    out.push(case(
        "an export file",
        br#"{"format":"coachlog","format_version":1}"#.to_vec(),
    ));

    // Other SQLite databases.
    let coachlog_schema: String = MIGRATIONS.iter().map(|(_, sql)| *sql).collect();
    let others: Vec<(&str, String)> = vec![
        ("an empty SQLite database", "VACUUM;".into()),
        (
            "an empty SQLite database in WAL mode",
            "PRAGMA journal_mode = WAL;".into(),
        ),
        (
            "another program's database",
            "CREATE TABLE t (x); INSERT INTO t VALUES (1);".into(),
        ),
        (
            "another program's database with an application id",
            "PRAGMA application_id = 252006673; PRAGMA user_version = 4; CREATE TABLE t (x);"
                .into(),
        ),
        (
            "Coachlog's tables without its application id",
            format!("{coachlog_schema} PRAGMA user_version = {SCHEMA_VERSION};"),
        ),
        (
            "Coachlog's application id without any tables",
            format!("PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 4;"),
        ),
        (
            "Coachlog's application id and tables at version 0",
            format!("{coachlog_schema} PRAGMA application_id = {APPLICATION_ID};"),
        ),
        (
            "Coachlog's application id at version 2 without tables",
            format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 2; \
                 CREATE TABLE person (x);"
            ),
        ),
        (
            "Coachlog version 1 with a table changed",
            format!(
                "{} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;",
                MIGRATIONS[0].1.replace(
                    "CHECK (length(name) BETWEEN 1 AND 200)",
                    "CHECK (length(name) BETWEEN 1 AND 20)"
                )
            ),
        ),
    ];
    for (label, setup) in others {
        out.push(case(label, sqlite_file(scratch, "other.sqlite", &setup)));
    }

    // Schema versions: newer ones, and impossible ones.
    for v in [
        5i64,
        6,
        99,
        1000,
        i64::from(i32::MAX),
        0,
        -1,
        i64::from(i32::MIN),
    ] {
        let mut bytes = base.to_vec();
        put_u32(&mut bytes, 60, v as i32 as u32);
        out.push(case(format!("user_version {v}"), bytes));
    }
    // Application ids.
    for id in [0u32, 1, APPLICATION_ID as u32 ^ 1, 0x0F05_5112, u32::MAX] {
        let mut bytes = base.to_vec();
        put_u32(&mut bytes, 68, id);
        out.push(case(format!("application_id {id:#x}"), bytes));
    }
    // Header fields with values SQLite refuses or that contradict the file.
    let fields: Vec<(&str, usize, Vec<u8>)> = vec![
        ("page size 512", 16, vec![0x02, 0x00]),
        ("page size 1024", 16, vec![0x04, 0x00]),
        ("page size 65536", 16, vec![0x00, 0x01]),
        ("page size 3", 16, vec![0x00, 0x03]),
        ("page size 0", 16, vec![0x00, 0x00]),
        ("write version 3", 18, vec![3]),
        ("read version 3", 19, vec![3]),
        ("write and read version 0", 18, vec![0, 0]),
        ("reserved bytes 32", 20, vec![32]),
        ("payload fractions", 21, vec![65, 33, 33]),
        ("database size 0", 28, vec![0, 0, 0, 0]),
        ("database size huge", 28, vec![0x7F, 0xFF, 0xFF, 0xFF]),
        ("first freelist page bogus", 32, vec![0, 0, 0x10, 0]),
        ("freelist count bogus", 36, vec![0, 0, 0, 99]),
        ("schema format 5", 44, vec![0, 0, 0, 5]),
        ("schema format 0", 44, vec![0, 0, 0, 0]),
        ("auto-vacuum root page", 52, vec![0, 0, 0, 7]),
        ("text encoding UTF-16le", 56, vec![0, 0, 0, 2]),
        ("text encoding UTF-16be", 56, vec![0, 0, 0, 3]),
        ("text encoding 9", 56, vec![0, 0, 0, 9]),
    ];
    for (label, at, value) in fields {
        let mut bytes = base.to_vec();
        bytes[at..at + value.len()].copy_from_slice(&value);
        out.push(case(label, bytes));
    }
    out
}

/// How one file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Opened, and everything read back.
    Opened,
    /// Opened; reading everything then reported the damage as corrupt.
    OpenedDamageFoundOnRead,
    /// Opened; reading everything then failed on text that is not UTF-8
    /// (a flipped bit in a note), reported as an internal error.
    OpenedInvalidTextFoundOnRead,
    /// Refused as damaged or not a Coachlog database.
    Corrupt,
    /// Refused as possibly encrypted (no SQLite header, whole pages): the
    /// message asks for the passphrase and names the backup in case the
    /// file is damaged instead.
    LooksEncrypted,
    /// Refused as newer than this program.
    SchemaTooNew,
}

/// Opens the file; if it opens, reads everything in it.
fn open_and_read(db_path: &Path, backup: &Path) -> Result<Outcome, String> {
    match Db::open(db_path, d(TODAY)) {
        Ok(db) => match interchange::export(db.conn()) {
            Ok(_) => Ok(Outcome::Opened),
            Err(e) if e.kind() == ErrorKind::Corrupt => Ok(Outcome::OpenedDamageFoundOnRead),
            Err(e) if e.kind() == ErrorKind::Internal && e.to_string().contains("utf-8") => {
                Ok(Outcome::OpenedInvalidTextFoundOnRead)
            }
            Err(e) => Err(format!(
                "opened, then reading failed as {:?}: {e}",
                e.kind()
            )),
        },
        Err(e) => {
            let m = e.to_string();
            match e.kind() {
                ErrorKind::Corrupt
                    if m.contains(&db_path.display().to_string())
                        && m.contains("left untouched")
                        && m.contains("coachlog restore --latest")
                        && m.contains(&backup.display().to_string()) =>
                {
                    Ok(Outcome::Corrupt)
                }
                ErrorKind::Passphrase
                    if m.contains(&db_path.display().to_string())
                        && m.contains("looks encrypted")
                        && m.contains("COACHLOG_PASSPHRASE")
                        && m.contains("left untouched")
                        && m.contains("coachlog restore --latest")
                        && m.contains(&backup.display().to_string()) =>
                {
                    Ok(Outcome::LooksEncrypted)
                }
                ErrorKind::SchemaTooNew if m.contains(&format!("up to {SCHEMA_VERSION}")) => {
                    Ok(Outcome::SchemaTooNew)
                }
                kind => Err(format!("refused as {kind:?} with an unclear message: {m}")),
            }
        }
    }
}

/// The write-ahead log and its index of the base database while a writer
/// has committed changes that are not yet checkpointed.
fn live_log(base: &[u8], scratch: &Path) -> (Vec<u8>, Vec<u8>) {
    let path = scratch.join("live.sqlite");
    std::fs::write(&path, base).unwrap();
    let c = Connection::open(&path).unwrap();
    c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    c.execute_batch(
        "UPDATE win SET text = text || ' (edited)';
         UPDATE person SET title = 'Edited' WHERE id = 1;",
    )
    .unwrap();
    let wal = std::fs::read(crate::support::side(&path, "-wal")).unwrap();
    let shm = std::fs::read(crate::support::side(&path, "-shm")).unwrap();
    assert!(wal.len() > 4096, "the log holds pages");
    (wal, shm)
}

#[test]
fn a_thousand_damaged_or_foreign_files_never_crash_and_are_never_modified() {
    let seed = env_number("COACHLOG_CORPUS_SEED", 6);
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let scratch = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let db_path = work.path().join("coachlog.sqlite");
    // A real database with data, and one backup of it next to it.
    demo_file(&db_path);
    let base = std::fs::read(&db_path).unwrap();
    let backup = backup::create(&db_path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    std::fs::remove_file(&db_path).unwrap();
    assert_eq!(listing(work.path()), ["backups"]);
    let folder = ["backups", "coachlog.sqlite"];
    let backups = listing(&backup::folder(&db_path));
    let cases = corpus(&base, scratch.path(), &mut rng);
    assert!(cases.len() >= 1000, "only {} files", cases.len());

    // COACHLOG_CORPUS_REPORT=1 lists every file's outcome.
    let report = std::env::var_os("COACHLOG_CORPUS_REPORT").is_some();
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut outcomes: BTreeMap<(bool, Outcome), usize> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    // Every tenth file once more with a write-ahead log (and its index) next
    // to it, as a crash leaves them: a refused file's log must not be
    // checkpointed into it either.
    let log = live_log(&base, scratch.path());
    let runs: Vec<(&Case, bool)> = cases
        .iter()
        .map(|c| (c, false))
        .chain(cases.iter().step_by(10).map(|c| (c, true)))
        .collect();
    let wal_path = crate::support::side(&db_path, "-wal");
    let shm_path = crate::support::side(&db_path, "-shm");
    for &(c, with_log) in &runs {
        std::fs::write(&db_path, &c.bytes).unwrap();
        age(&db_path);
        let mut expected_files: Vec<&str> = folder.to_vec();
        if with_log {
            std::fs::write(&wal_path, &log.0).unwrap();
            std::fs::write(&shm_path, &log.1).unwrap();
            age(&wal_path);
            expected_files.extend(["coachlog.sqlite-shm", "coachlog.sqlite-wal"]);
            expected_files.sort_unstable();
        }
        let before = FileState::of(&db_path);
        let wal_before = with_log.then(|| FileState::of(&wal_path));
        let result = catch_unwind(AssertUnwindSafe(|| open_and_read(&db_path, &backup.path)));
        let label = format!("{}{}", c.label, if with_log { " (with a log)" } else { "" });
        let mut problems = Vec::new();
        let mut opened = false;
        match result {
            Err(_) => problems.push("panicked".to_string()),
            Ok(Err(why)) => problems.push(why),
            Ok(Ok(outcome)) => {
                opened = matches!(
                    outcome,
                    Outcome::Opened
                        | Outcome::OpenedDamageFoundOnRead
                        | Outcome::OpenedInvalidTextFoundOnRead
                );
                *outcomes.entry((with_log, outcome)).or_default() += 1;
                if report {
                    println!("corpus file: {label} => {outcome:?}");
                }
            }
        }
        // A file that opened with a log had the log recovered into it, as
        // SQLite does on every open after a crash: that is not damage
        // handling. Everything else must be exactly as it was.
        if !(with_log && opened) {
            if FileState::of(&db_path) != before {
                problems.push("the file was modified".into());
            }
            if let Some(wal_before) = &wal_before {
                if FileState::of(&wal_path) != *wal_before {
                    problems.push("its write-ahead log was modified".into());
                }
            }
            if listing(work.path()) != expected_files
                || listing(&backup::folder(&db_path)) != backups
            {
                problems.push(format!("files left behind: {:?}", listing(work.path())));
            }
        }
        if !problems.is_empty() {
            let keep = scratch
                .path()
                .join(format!("failed-{}.sqlite", failures.len()));
            std::fs::write(&keep, &c.bytes).unwrap();
            failures.push(format!("{label}: {}", problems.join("; ")));
        }
        for f in listing(work.path()) {
            if f != "backups" {
                std::fs::remove_file(work.path().join(f)).unwrap();
            }
        }
    }
    std::panic::set_hook(quiet);
    let count = |with_log: bool, o: Outcome| outcomes.get(&(with_log, o)).copied().unwrap_or(0);
    for with_log in [false, true] {
        println!(
            "corpus{}: {} opened and read back, {} opened with damage found on reading ({} of \
             them text that is not UTF-8), {} refused as corrupt, {} refused as possibly \
             encrypted, {} refused as too new",
            if with_log { " with a log" } else { "" },
            count(with_log, Outcome::Opened),
            count(with_log, Outcome::OpenedDamageFoundOnRead)
                + count(with_log, Outcome::OpenedInvalidTextFoundOnRead),
            count(with_log, Outcome::OpenedInvalidTextFoundOnRead),
            count(with_log, Outcome::Corrupt),
            count(with_log, Outcome::LooksEncrypted),
            count(with_log, Outcome::SchemaTooNew),
        );
    }
    if !failures.is_empty() {
        let _ = scratch.keep();
        panic!(
            "{} of {} files failed:\n{}",
            failures.len(),
            runs.len(),
            failures.join("\n")
        );
    }
    println!(
        "corpus: {} damaged files (+{} with a log) from a {}-byte database, seed {seed}, in \
         {:.1} s; 0 panics, 0 files modified, 0 files left behind",
        cases.len(),
        runs.len() - cases.len(),
        base.len(),
        started.elapsed().as_secs_f64()
    );
    // Most damage is found when the file is opened.
    assert!(
        count(false, Outcome::Corrupt) * 2 > cases.len(),
        "{outcomes:?}"
    );
}

/// The price of checking a file at open: `quick_check` and
/// `integrity_check` on a large generated database, for docs/reliability.md.
/// A measurement, not a check; run it with
/// `cargo test -p coachlog-core --test integration reliability::corpus::check_cost -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement for the docs"]
fn check_cost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.sqlite");
    {
        let mut db = Db::open(&path, d(TODAY)).unwrap();
        let options = coachlog_core::demo::DemoOptions {
            people: 60,
            months: 48,
            seed: 1,
        };
        coachlog_core::demo::fill(&mut db, d(TODAY), &options).unwrap();
    }
    let mib = std::fs::metadata(&path).unwrap().len() as f64 / 1024.0 / 1024.0;
    let c = Connection::open(&path).unwrap();
    for pragma in ["PRAGMA quick_check", "PRAGMA integrity_check"] {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let started = Instant::now();
            let answer: String = c.query_row(pragma, [], |r| r.get(0)).unwrap();
            assert_eq!(answer, "ok");
            best = best.min(started.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "{pragma}: {best:.0} ms on {mib:.1} MiB ({:.1} ms per MiB)",
            best / mib
        );
    }
}
