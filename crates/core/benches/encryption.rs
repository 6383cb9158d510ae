//! Encryption at rest: the same queries on the plain and on the encrypted
//! copy of the same database (100 people × 10 years, the demo generator,
//! seed 7), and what opening an encrypted file costs (the key derivation).
//! The target is a ratio of at most 1.15 for queries (docs/performance.md,
//! "Encryption at rest").
//!
//! `cargo bench -p coachlog-core --bench encryption [-- --people N --years Y --runs R]`
//! The plain database is generated once into target/bench/ (shared with the
//! overdue bench); the two copies compared live in target/bench/encryption/.
//! The runs of the two copies alternate, so that a slower moment of a busy
//! machine falls on both.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use coachlog_core::calendar::{self, Month};
use coachlog_core::model::PersonId;
use coachlog_core::store::{agenda, one_on_ones, search};
use coachlog_core::summary::{self, SummaryOptions};
use coachlog_core::{crypto, nudges, Db, Passphrase};
use support::{arg, bench_dir, demo_database, stats, time_runs};

/// One query of a screen, on either database.
type Query<'a> = Box<dyn Fn(&Db) -> usize + 'a>;

/// Median and p90 of some times.
fn median_p90(times: &mut [Duration]) -> (f64, f64) {
    let t = stats(times);
    (t.median, t.p90)
}

/// Runs `f` on each database in turn, `runs` times; prints both and the
/// ratio of the medians. Returns the ratio.
fn compare(label: &str, runs: usize, plain: &Db, encrypted: &Db, f: &dyn Fn(&Db) -> usize) -> f64 {
    // One warm-up run each: the first touch reads the pages into the OS
    // cache (and SQLCipher decrypts them into SQLite's).
    let n = f(plain);
    assert_eq!(f(encrypted), n, "{label}: the copies differ");
    let mut a = Vec::with_capacity(runs);
    let mut b = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f(plain));
        a.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(f(encrypted));
        b.push(t.elapsed());
    }
    let (am, a90) = median_p90(&mut a);
    let (bm, b90) = median_p90(&mut b);
    let ratio = bm / am;
    println!(
        "{label:<34} plain {am:>8.2} ms (p90 {a90:>8.2})   encrypted {bm:>8.2} ms (p90 \
         {b90:>8.2})   ratio {ratio:>5.2}   ({n} items, {runs} runs)"
    );
    ratio
}

/// Times `f` alone, `runs` times.
fn measure(label: &str, runs: usize, mut f: impl FnMut()) {
    let (t, _) = time_runs(runs, || {
        f();
        0
    });
    let (m, p90) = (t.median, t.p90);
    println!("{label:<34} median {m:>8.2} ms   p90 {p90:>8.2} ms   ({runs} runs)");
}

fn main() {
    let people = arg("--people", 100);
    let years = arg("--years", 10);
    let runs = arg("--runs", 30) as usize;
    let today = calendar::parse_date("2026-11-27").unwrap();
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-27T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let bench = bench_dir();
    let source = bench.join(format!("overdue-{people}p-{years}y.sqlite"));
    demo_database(&source, today, people, years * 12);

    // Fresh copies, each in its own folder (their backups go next to them).
    let dir = bench.join("encryption");
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["plain", "encrypted"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let plain_path = dir.join("plain/coachlog.sqlite");
    let enc_path = dir.join("encrypted/coachlog.sqlite");
    {
        let db = Db::open(&source, today).unwrap();
        db.backup_to(&plain_path).unwrap();
        db.backup_to(&enc_path).unwrap();
    }
    let key = Passphrase::new("correct horse battery staple".into()).unwrap();
    let t = Instant::now();
    crypto::encrypt(&enc_path, &key, at).unwrap();
    let size = |p: &Path| std::fs::metadata(p).unwrap().len() as f64 / 1e6;
    println!(
        "database: {people} people x {years} years, {:.1} MB plain, {:.1} MB encrypted; \
         `encrypt` took {:.2} s (with its backup)",
        size(&plain_path),
        size(&enc_path),
        t.elapsed().as_secs_f64()
    );

    // Opening: the key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations)
    // runs once per connection.
    let open_runs = runs.min(20);
    measure("open plain (Db::open)", open_runs, || {
        drop(Db::open(&plain_path, today).unwrap());
    });
    measure("open encrypted (Db::open_with_key)", open_runs, || {
        drop(Db::open_with_key(&enc_path, today, Some(&key)).unwrap());
    });
    measure("  of which the key (first page read)", open_runs, || {
        let conn = rusqlite::Connection::open(&enc_path).unwrap();
        conn.pragma_update(None, "key", key.expose()).unwrap();
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    });

    let plain = Db::open(&plain_path, today).unwrap();
    let encrypted = Db::open_with_key(&enc_path, today, Some(&key)).unwrap();
    let cache = |db: &Db| -> i64 {
        db.conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    };
    println!(
        "page cache (negative: KiB): plain {}, encrypted {}",
        cache(&plain),
        cache(&encrypted)
    );
    let month = Month::of(today).prev();
    let options = &SummaryOptions::default();
    let busiest: i64 = plain
        .conn()
        .query_row(
            "SELECT person_id FROM one_on_one GROUP BY person_id ORDER BY count(*) DESC, \
             person_id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let person = PersonId(busiest);
    let queries: Vec<(String, Query)> = vec![
        (
            "overdue review (nudges::overdue)".into(),
            Box::new(move |db: &Db| nudges::overdue(db.conn(), today, true).unwrap().len()),
        ),
        (
            format!("summary of {month} (build)"),
            Box::new(move |db: &Db| {
                summary::build(db.conn(), month, options)
                    .unwrap()
                    .people
                    .len()
            }),
        ),
        (
            "search \"roadmap\" (50 hits)".into(),
            Box::new(move |db: &Db| search::search(db.conn(), "roadmap", 50).unwrap().len()),
        ),
        (
            "1:1 page (1:1s + agenda)".into(),
            Box::new(move |db: &Db| {
                let meetings = one_on_ones::list(
                    db.conn(),
                    one_on_ones::Filter {
                        person: Some(person),
                        ..Default::default()
                    },
                )
                .unwrap();
                let items = agenda::list(
                    db.conn(),
                    agenda::Filter {
                        person: Some(person),
                        ..Default::default()
                    },
                )
                .unwrap();
                meetings.len() + items.len()
            }),
        ),
    ];

    println!("\nas shipped, warm (the app's long-lived connection):");
    let mut ratios = Vec::new();
    for (label, q) in &queries {
        ratios.push(compare(label, runs, &plain, &encrypted, q.as_ref()));
    }

    println!("\nfirst query after opening (SQLite's cache empty, the OS cache warm; the CLI):");
    let cold_runs = runs.min(10);
    for (label, q) in &queries {
        let mut a = Vec::new();
        let mut b = Vec::new();
        for _ in 0..cold_runs {
            for (times, db) in [
                (&mut a, Db::open(&plain_path, today).unwrap()),
                (
                    &mut b,
                    Db::open_with_key(&enc_path, today, Some(&key)).unwrap(),
                ),
            ] {
                let t = Instant::now();
                std::hint::black_box(q(&db));
                times.push(t.elapsed());
            }
        }
        let (am, a90) = median_p90(&mut a);
        let (bm, b90) = median_p90(&mut b);
        println!(
            "{label:<34} plain {am:>8.2} ms (p90 {a90:>8.2})   encrypted {bm:>8.2} ms (p90 \
             {b90:>8.2})   ratio {:>5.2}   ({cold_runs} runs)",
            bm / am
        );
    }

    println!("\nthe same 2 MiB page cache on both (the raw cost of decrypting pages):");
    encrypted
        .conn()
        .pragma_update(None, "cache_size", cache(&plain))
        .unwrap();
    for (label, q) in &queries {
        compare(label, runs, &plain, &encrypted, q.as_ref());
    }
    println!();
    let worst = ratios.iter().copied().fold(0.0, f64::max);
    println!(
        "worst ratio as shipped {worst:.2} (target <= 1.15): {}",
        if worst <= 1.15 { "met" } else { "NOT met" }
    );
}
