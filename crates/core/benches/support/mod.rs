//! What the benches share: their arguments, the cached demo databases and
//! the summary of a run's times. (`mod support;` in each bench; Cargo does
//! not take this folder for a bench of its own.)
#![allow(dead_code)] // Each bench uses part of it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use coachlog_core::demo::{self, DemoOptions};
use coachlog_core::Db;

/// The value after `name` on the command line (`-- --people 100`), or
/// `default`.
pub fn arg(name: &str, default: u32) -> u32 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `target/bench/`, where the generated databases are kept between runs.
pub fn bench_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Generates the demo generator's database of `people` × `months` (seed 7)
/// at `path`, unless it is there: built under a temporary name and renamed
/// when complete, so an interrupted run never leaves half a dataset.
pub fn demo_database(path: &Path, today: NaiveDate, people: u32, months: u32) {
    if path.exists() {
        return;
    }
    let start = Instant::now();
    let tmp = path.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    let mut db = Db::open(&tmp, today).unwrap();
    let options = DemoOptions {
        people: people as usize,
        months,
        seed: 7,
    };
    let report = demo::fill(&mut db, today, &options).unwrap();
    drop(db);
    std::fs::rename(&tmp, path).unwrap();
    println!(
        "generated {} in {:.1} s: {report:?}",
        path.display(),
        start.elapsed().as_secs_f64()
    );
}

/// A run's times in milliseconds.
pub struct Stats {
    pub median: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
}

/// Sorts `times` and summarises them.
pub fn stats(times: &mut [Duration]) -> Stats {
    times.sort();
    let n = times.len();
    Stats {
        median: ms(times[n / 2]),
        p90: ms(times[n * 9 / 10]),
        min: ms(times[0]),
        max: ms(times[n - 1]),
    }
}

/// Runs `f` `runs` times; returns the times and `f`'s last answer (a count
/// of what it produced, kept from being optimised away).
pub fn time_runs(runs: usize, mut f: impl FnMut() -> usize) -> (Stats, usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs {
        let start = Instant::now();
        n = std::hint::black_box(f());
        times.push(start.elapsed());
    }
    (stats(&mut times), n)
}

/// The median of some values.
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
