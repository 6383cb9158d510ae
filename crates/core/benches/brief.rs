//! The brief before a 1:1 on the overdue bench's database: 100 people × 10
//! years (the demo generator, seed 7). For the PM with the longest history
//! and for a median one, prints the median and p90 of building the brief and
//! of rendering its Markdown; the target is under 20 ms for the brief in
//! the core, built and rendered (docs/performance.md).
//!
//! `cargo bench -p coachlog-core --bench brief [-- --people N --years Y]`
//! The database is the overdue bench's, generated once into target/bench/.

mod support;

use coachlog_core::brief;
use coachlog_core::model::PersonId;
use coachlog_core::store::people;
use coachlog_core::{calendar, Db};
use support::{arg, bench_dir, demo_database, time_runs};

fn measure(label: &str, runs: usize, f: impl FnMut() -> usize) {
    let (t, n) = time_runs(runs, f);
    println!(
        "{label:<44} median {:>8.2} ms   p90 {:>8.2} ms   max {:>8.2} ms   ({n} bytes or items, {runs} runs)",
        t.median, t.p90, t.max,
    );
}

fn main() {
    let people_n = arg("--people", 100);
    let years = arg("--years", 10);
    let today = calendar::parse_date("2026-11-27").unwrap();
    let path = bench_dir().join(format!("overdue-{people_n}p-{years}y.sqlite"));
    demo_database(&path, today, people_n, years * 12);
    let db = Db::open(&path, today).unwrap();
    let conn = db.conn();

    // The tracked PMs active today, by the size of their agenda's history.
    let mut pms: Vec<(i64, PersonId, String)> = people::list(
        conn,
        people::Filter {
            include_archived: false,
        },
    )
    .unwrap()
    .into_iter()
    .filter(|p| p.tracked)
    .map(|p| {
        let items: i64 = conn
            .query_row(
                "SELECT count(*) FROM agenda_item WHERE person_id = ?1",
                [p.id],
                |r| r.get(0),
            )
            .unwrap();
        (items, p.id, p.name)
    })
    .collect();
    pms.sort();
    let largest = pms.last().unwrap().clone();
    let middle = pms[pms.len() / 2].clone();
    println!(
        "database: {people_n} people x {years} years; {} tracked PMs active today",
        pms.len()
    );
    println!("file: {}", path.display());

    let runs = 30;
    // For comparison: the whole team's review, of which the brief's overdue
    // section is the person's part (read from their records only).
    measure("the whole team's overdue review", runs, || {
        coachlog_core::nudges::overdue(conn, today, true)
            .unwrap()
            .len()
    });
    for (label, (items, id, name)) in [("longest history", largest), ("median history", middle)] {
        let b = brief::build(conn, id, today).unwrap();
        println!(
            "{label}: {name} ({items} agenda items ever; {} open, {} on the overdue list)",
            b.agenda.len(),
            b.overdue.len()
        );
        measure(&format!("brief::build ({label})"), runs, || {
            brief::build(conn, id, today).unwrap().agenda.len()
        });
        measure(&format!("brief::markdown ({label})"), runs, || {
            brief::markdown(&b).len()
        });
        measure(&format!("build + markdown ({label})"), runs, || {
            brief::render_markdown(conn, id, today).unwrap().len()
        });
        measure(
            &format!("build + markdown a year ago ({label})"),
            runs,
            || {
                brief::render_markdown(conn, id, today - chrono::Days::new(365))
                    .unwrap()
                    .len()
            },
        );
    }
}
