//! The overdue review on a large database: 100 people × 10 years of weekly
//! 1:1s with their agenda items, updates and check-ins (the demo generator,
//! seed 7). Prints the median and p90 of each phase; the target is under
//! 20 ms for the whole review in the core (docs/performance.md).
//!
//! `cargo bench -p coachlog-core --bench overdue [-- --people N --years Y]`
//! The database is generated once into target/bench/ and reused.

mod support;

use coachlog_core::nudges::{self, Records};
use coachlog_core::{calendar, settings, Db};
use support::{arg, bench_dir, demo_database, time_runs};

fn measure(label: &str, runs: usize, f: impl FnMut() -> usize) {
    let (t, n) = time_runs(runs, f);
    println!(
        "{label:<38} median {:>8.2} ms   p90 {:>8.2} ms   min {:>8.2} ms   ({n} items, {runs} runs)",
        t.median, t.p90, t.min,
    );
}

fn main() {
    let people = arg("--people", 100);
    let years = arg("--years", 10);
    let today = calendar::parse_date("2026-11-27").unwrap();
    let path = bench_dir().join(format!("overdue-{people}p-{years}y.sqlite"));
    demo_database(&path, today, people, years * 12);
    let db = Db::open(&path, today).unwrap();
    let conn = db.conn();
    let counts: (i64, i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM one_on_one), (SELECT count(*) FROM agenda_item),
                    (SELECT count(*) FROM accountability_update), (SELECT count(*) FROM check_in)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    println!(
        "database: {people} people x {years} years: {} 1:1s, {} agenda items, {} updates, {} check-ins",
        counts.0, counts.1, counts.2, counts.3
    );
    println!("file: {}", path.display());
    let s = settings::load(conn).unwrap();
    let records = Records::load(conn, today).unwrap();
    let runs = 30;
    measure("load records (SQL)", runs, || {
        let r = Records::load(conn, today).unwrap();
        r.items.len()
    });
    measure("review (rules only, in memory)", runs, || {
        nudges::review(&records, &s, today).len()
    });
    measure("overdue review end to end (core)", runs, || {
        nudges::overdue(conn, today, true).unwrap().len()
    });
    measure("overdue review one year ago (snapshot)", runs, || {
        nudges::overdue(conn, today - chrono::Days::new(365), true)
            .unwrap()
            .len()
    });
}
