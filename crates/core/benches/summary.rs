//! The monthly summary on a year of data for 100 PMs (the demo generator,
//! seed 7, ending 2026-11-27): one month's summary, and each of the twelve
//! months of the history, as data and rendered in every format. Prints the
//! median and p90 of each; the target is under 100 ms per month in the core
//! (docs/performance.md).
//!
//! `cargo bench -p coachlog-core --bench summary [-- --people N --months M]`
//! The database is generated once into target/bench/ and reused.

mod support;

use std::time::{Duration, Instant};

use coachlog_core::calendar::{self, Month};
use coachlog_core::summary::{self, Format, SummaryOptions};
use coachlog_core::Db;
use support::{arg, bench_dir, demo_database, time_runs};

fn measure(label: &str, unit: &str, runs: usize, f: impl FnMut() -> usize) {
    let (t, n) = time_runs(runs, f);
    println!(
        "{label:<44} median {:>8.2} ms   p90 {:>8.2} ms   max {:>8.2} ms   ({n} {unit}, {runs} runs)",
        t.median, t.p90, t.max,
    );
}

fn main() {
    let people = arg("--people", 100);
    let months = arg("--months", 12);
    let today = calendar::parse_date("2026-11-27").unwrap();
    let path = bench_dir().join(format!("summary-{people}p-{months}m.sqlite"));
    demo_database(&path, today, people, months);
    let db = Db::open(&path, today).unwrap();
    let conn = db.conn();
    let counts: (i64, i64, i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM one_on_one),
                    (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM accountability_update),
                    (SELECT count(*) FROM check_in)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    println!(
        "database: {} people, {months} months: {} 1:1s, {} agenda items, {} updates, {} check-ins",
        counts.0, counts.1, counts.2, counts.3, counts.4
    );
    println!("file: {}", path.display());

    let last = Month::of(today).prev();
    let all: Vec<Month> = (0..months as i32)
        .map(|i| last.add_months(-i))
        .rev()
        .collect();
    let plain = SummaryOptions::default();
    let notes = SummaryOptions {
        include_notes: true,
        ..SummaryOptions::default()
    };
    let s = summary::build(conn, last, &plain).unwrap();
    println!(
        "{last}: {} PMs, {} overdue at month end",
        s.people.len(),
        s.leader.overdue_at_month_end.total
    );
    let runs = 30;
    measure(&format!("build {last} (data only)"), "PMs", runs, || {
        summary::build(conn, last, &plain).unwrap().people.len()
    });
    measure(&format!("build {last} with notes"), "PMs", runs, || {
        summary::build(conn, last, &notes).unwrap().people.len()
    });
    for format in Format::ALL {
        measure(
            &format!("render {last} as {}", format.label()),
            "bytes",
            runs,
            || summary::render(&s, format).len(),
        );
    }
    measure(
        &format!("export {last} as Markdown (build + render)"),
        "bytes",
        runs,
        || {
            summary::export(conn, last, &plain, Format::Markdown)
                .unwrap()
                .len()
        },
    );
    measure(
        &format!("export {last} as HTML (build + render)"),
        "bytes",
        runs,
        || {
            summary::export(conn, last, &plain, Format::Html)
                .unwrap()
                .len()
        },
    );

    let mut per_month: Vec<(Month, Duration)> = Vec::new();
    let runs_all = 10;
    measure(
        &format!("all {} months {}..{} as Markdown", all.len(), all[0], last),
        "bytes",
        runs_all,
        || {
            let mut bytes = 0;
            for m in &all {
                let start = Instant::now();
                bytes += summary::export(conn, *m, &plain, Format::Markdown)
                    .unwrap()
                    .len();
                per_month.push((*m, start.elapsed()));
            }
            bytes
        },
    );
    let mut worst: Vec<Duration> = Vec::new();
    for m in &all {
        let mut times: Vec<Duration> = per_month
            .iter()
            .filter(|(x, _)| x == m)
            .map(|(_, d)| *d)
            .collect();
        times.sort();
        worst.push(times[times.len() / 2]);
        println!(
            "  {m}: median {:>7.2} ms",
            times[times.len() / 2].as_secs_f64() * 1000.0
        );
    }
    worst.sort();
    println!(
        "slowest month (median): {:.2} ms — target < 100 ms per month",
        worst.last().unwrap().as_secs_f64() * 1000.0
    );
}
