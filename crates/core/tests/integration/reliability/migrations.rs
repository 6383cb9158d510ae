//! Migrations: a committed fixture database of every released schema
//! version (`crates/core/tests/fixtures/coachlog-vN.sqlite`, every table with
//! rows) upgrades to the current version with its data; a failure injected
//! at each migration step leaves the file byte for byte as it was.
//!
//! The fixtures are what a released Coachlog left behind: the migrations up
//! to that version, `application_id`, `user_version`, WAL mode, closed
//! cleanly. They are written once, by [`write_missing_fixtures`], and then
//! never regenerated: a released version's file does not change. When a
//! migration is added, run
//! `COACHLOG_WRITE_FIXTURES=1 cargo test -p coachlog-core --test integration reliability::migrations::write_missing_fixtures -- --ignored`
//! (after adding rows for its new tables to [`fixture_rows`]) and commit the
//! new file.

use std::path::{Path, PathBuf};

use coachlog_core::db::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use coachlog_core::{interchange, store, Db, ErrorKind};
use rusqlite::Connection;

use crate::support::{
    age, column, d, db_on, dump, integrity, listing, side, user_version, FileState, TODAY,
};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(version: i64) -> PathBuf {
    fixtures().join(format!("coachlog-v{version}.sqlite"))
}

/// Rows for the tables that exist at `version`: small, but real — what a
/// leader would have typed, with every table (and, through the triggers,
/// the search index) filled.
fn fixture_rows(version: i64) -> Vec<&'static str> {
    let mut sql = vec![
        "INSERT INTO setting (key, value) VALUES
            ('tracking_since', '2025-01-06'),
            ('one_on_one_every_days', '14'),
            ('release_day', 'third-thursday')",
        "INSERT INTO person (id, name, name_key, title, job_family, level, scope_kind, section,
                             since, cadence_days, tracked, archived_on) VALUES
            (1, 'Grace Hopper', 'grace hopper', 'Senior PM, Plan', 'senior_product_manager',
             'ic', 'group', 'Dev', '2025-01-06', NULL, 1, NULL),
            (2, 'Ada Lovelace', 'ada lovelace', 'Group Manager, Create', 'group_manager_product',
             'manager', 'stage', 'Dev', '2025-02-03', 21, 1, NULL),
            (3, 'Alan Turing', 'alan turing', '', 'engineering_manager', 'manager', 'section',
             NULL, '2025-01-06', NULL, 0, '2025-06-30')",
        "INSERT INTO person_scope (person_id, kind, position, name, name_key) VALUES
            (1, 'stage', 0, 'Plan', 'plan'),
            (1, 'group', 0, 'Project Management', 'project management'),
            (2, 'stage', 0, 'Create', 'create')",
        "INSERT INTO one_on_one (id, person_id, date, status, notes) VALUES
            (1, 1, '2025-02-03', 'held', 'Talked about compilers and the roadmap review.'),
            (2, 1, '2025-02-17', 'skipped', ''),
            (3, 2, '2025-02-10', 'held', 'Pricing experiments; wants more exposure to sales.')",
        "INSERT INTO one_on_one_tag (one_on_one_id, position, name, name_key) VALUES
            (1, 0, 'Career', 'career'),
            (1, 1, 'feedback', 'feedback'),
            (3, 0, 'Growth', 'growth')",
        "INSERT INTO agenda_item (id, person_id, text, open_tag, timing_date, timing_release,
                                  raised_by, opened_on, opened_in, close_tag, closed_on,
                                  closed_in) VALUES
            (1, 1, 'Draft the Q3 roadmap narrative', 'todo', '2025-03-01', NULL, 'leader',
             '2025-02-03', 1, NULL, NULL, NULL),
            (2, 1, 'Introduce her to the pricing lead', 'doto', NULL, '17.10', 'leader',
             '2025-02-03', 1, 'done', '2025-02-17', 2),
            (3, 2, 'How to handle the escalation from billing?', 'help', NULL, NULL, 'person',
             '2025-02-10', 3, NULL, NULL, NULL)",
        "INSERT INTO accountability_update (id, person_id, kind, period, status, done_on, link)
         VALUES
            (1, 1, 'next_release', '2025-02', 'done', '2025-02-05',
             'https://gitlab.com/gitlab-com/www-gitlab-com/-/merge_requests/1'),
            (2, 2, 'okrs', 'FY26-Q1', 'in_review', NULL, NULL),
            (3, NULL, 'portfolio_direction', '2025-02', 'not_started', NULL, NULL)",
        "INSERT INTO customer_link (id, person_id, team, team_key, category, category_key, since,
                                    archived_on) VALUES
            (1, 1, 'Customer Success', 'customer success', 'Portfolio Management',
             'portfolio management', '2025-01-06', NULL),
            (2, 2, 'Support', 'support', 'Code Review', 'code review', '2025-02-03',
             '2025-05-01')",
        "INSERT INTO check_in (id, link_id, date, epic_updated, notes) VALUES
            (1, 1, '2025-02-12', 1, 'Walked through the new roadmap view.'),
            (2, 2, '2025-03-03', 0, '')",
        "INSERT INTO requisition (id, title, level, opened_on, status, closed_on) VALUES
            (1, 'Senior PM, Plan', 'ic', '2025-01-20', 'open', NULL),
            (2, 'Director of Product', 'director', '2025-01-06', 'filled', '2025-03-14')",
        "INSERT INTO loop_member (id, requisition_id, person_id, name, role, works_with_hire)
         VALUES
            (1, 1, 1, NULL, 'peer PM', 1),
            (2, 1, NULL, 'Sam from Design', 'designer', 0)",
        "INSERT INTO interview (id, requisition_id, date, candidate) VALUES
            (1, 1, '2025-02-20', 'Alex Kim'),
            (2, 2, '2025-02-01', 'Jo Park')",
        "INSERT INTO interviewer (interview_id, position, person_id, name) VALUES
            (1, 0, 1, NULL),
            (1, 1, NULL, 'Sam from Design'),
            (2, 0, 2, NULL)",
        "INSERT INTO walkthrough (id, date, title, findings, issue_link) VALUES
            (1, '2025-02-18', 'Plan: from epic to roadmap',
             'Creating a roadmap takes 14 clicks; the empty state does not explain epics.',
             'https://gitlab.com/gitlab-com/Product/-/issues/1')",
        "INSERT INTO walkthrough_scope (walkthrough_id, kind, position, name, name_key) VALUES
            (1, 'stage', 0, 'Plan', 'plan'),
            (1, 'category', 0, 'Roadmaps', 'roadmaps')",
        "INSERT INTO win (id, person_id, noted_on, text, shared_on, shared_where) VALUES
            (1, 1, '2025-02-14', 'Shipped roadmap sharing; 3 enterprise customers adopted it',
             '2025-02-20', '#product-leadership'),
            (2, 2, '2025-03-03', 'Cut review time in half with suggested reviewers', NULL, NULL)",
    ];
    if version >= 2 {
        sql.push(
            r#"INSERT INTO draft (person_id, body) VALUES
            (2, '{"person_id":2,"date":"2025-03-10","status":"held","notes":"Half-written: pricing follow-up","tags":["growth"],"new_items":[{"text":"Share the pricing memo","open_tag":"doto","timing":null,"raised_by":"leader"}],"close_items":[{"id":3,"tag":"thanks"}]}')"#,
        );
    }
    if version >= 3 {
        sql.push(
            "INSERT INTO nudge_state (key, snoozed_until, dismissed) VALUES
            ('request:3', '2025-03-20', 0),
            ('win_unshared:2', NULL, 1)",
        );
    }
    if version >= 7 {
        sql.push(
            r#"INSERT INTO trash (id, kind, record_id, label, deleted_on, counts, rows) VALUES
            (1, 'win', 3, 'Grace Hopper''s win: Ran the first compiler workshop', '2025-03-06',
             '{"people":0,"one_on_ones":0,"agenda_items":0,"updates":0,"customer_links":0,"check_ins":0,"requisitions":0,"loop_members":0,"interviews":0,"walkthroughs":0,"wins":1}',
             '[{"table":"nudge_state","op":"insert","row":{"dismissed":0,"key":"win_unshared:3","snoozed_until":"2025-03-12"}},{"table":"win","op":"insert","row":{"id":3,"noted_on":"2025-03-04","person_id":1,"shared_on":null,"shared_where":null,"text":"Ran the first compiler workshop"}}]')"#,
        );
        sql.push("INSERT INTO id_floor (tbl, max_id) VALUES ('win', 3)");
    }
    if version >= 8 {
        sql.push("UPDATE person SET reports_to = 2 WHERE id = 3");
        sql.push(
            "INSERT INTO cdf_review (id, person_id, date, focus, notes, link) VALUES
            (1, 1, '2025-02-24', 'Roadmap storytelling' || char(10) || 'Stakeholder alignment',
             'Strong on tooling; practise the narrative before the roadmap review.',
             'https://docs.example.com/cdf/grace-2025-02')",
        );
        sql.push(
            "INSERT INTO template (kind, person_id, body) VALUES
            ('one_on_one', NULL, '## Their items' || char(10) || '- ' || char(10)),
            ('one_on_one', 1, '## Compilers corner' || char(10) || '- ' || char(10)),
            ('walkthrough', NULL, '## Scenario' || char(10) || '- ' || char(10))",
        );
        sql.push(
            r#"UPDATE accountability_update SET objectives =
            '[{"text":"Make code review effortless","key_results":[{"text":"Median review time under 4 hours","score":0.7},{"text":"Suggested reviewers on every MR","score":null}]}]'
            WHERE id = 2"#,
        );
        sql.push(
            r#"INSERT INTO trash (id, kind, record_id, label, deleted_on, counts, rows) VALUES
            (2, 'cdf_review', 2, 'Ada Lovelace''s CDF review on 2025-03-03', '2025-03-06',
             '{"cdf_reviews":1}',
             '[{"table":"cdf_review","op":"insert","row":{"id":2,"person_id":2,"date":"2025-03-03","focus":"Pricing","notes":"","link":null}}]')"#,
        );
        sql.push("INSERT INTO id_floor (tbl, max_id) VALUES ('cdf_review', 2)");
    }
    if version >= 9 {
        sql.push(
            "INSERT INTO milestone (id, title, date, release, stages, link, notes) VALUES
            (1, 'Portfolio GA', '2026-03-19', '18.10', 'Plan' || char(10) || 'Create',
             'https://gitlab.example.com/groups/dev/-/epics/7', 'Readiness review first.'),
            (2, 'Compiler summit', '2025-04-02', NULL, '', NULL, '')",
        );
        sql.push(
            r#"INSERT INTO trash (id, kind, record_id, label, deleted_on, counts, rows) VALUES
            (3, 'milestone', 3, 'Milestone "Pricing change" on 2025-05-01', '2025-03-06',
             '{"milestones":1}',
             '[{"table":"milestone","op":"insert","row":{"id":3,"title":"Pricing change","date":"2025-05-01","release":null,"stages":"Plan","link":null,"notes":""}}]')"#,
        );
        sql.push("INSERT INTO id_floor (tbl, max_id) VALUES ('milestone', 3)");
    }
    if version >= 10 {
        sql.push("INSERT INTO app_state (key, value) VALUES ('digest_shown_on', '2025-03-06')");
    }
    sql
}

/// Builds the fixture of `version` at `path` as that release would have.
fn build_fixture(path: &Path, version: i64) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("BEGIN").unwrap();
    for (_, sql) in &MIGRATIONS[..version as usize] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    for sql in fixture_rows(version) {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
    conn.close().unwrap();
}

/// Writes the fixture of every version that has none yet. Never rewrites
/// one: a released version's file is history.
#[test]
#[ignore = "writes committed fixtures; run with COACHLOG_WRITE_FIXTURES=1"]
fn write_missing_fixtures() {
    if std::env::var_os("COACHLOG_WRITE_FIXTURES").is_none() {
        return;
    }
    std::fs::create_dir_all(fixtures()).unwrap();
    for version in 1..=SCHEMA_VERSION {
        let path = fixture(version);
        if !path.exists() {
            build_fixture(&path, version);
            println!("wrote {}", path.display());
        }
    }
}

/// A copy of the fixture of `version` in `dir`, optionally switched to the
/// rollback journal (as a file copied by other tools may be).
fn copy_fixture(dir: &Path, version: i64, rollback_journal: bool) -> PathBuf {
    let path = dir.join(format!("coachlog-v{version}.sqlite"));
    std::fs::copy(fixture(version), &path).unwrap();
    if rollback_journal {
        let c = Connection::open(&path).unwrap();
        let mode: String = c
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        c.close().unwrap();
    }
    age(&path);
    path
}

#[test]
fn there_is_a_fixture_of_every_released_version_with_every_table_filled() {
    for version in 1..=SCHEMA_VERSION {
        let path = fixture(version);
        assert!(
            path.exists(),
            "no fixture for schema version {version}: see the module documentation"
        );
        let dir = tempfile::tempdir().unwrap();
        let copy = copy_fixture(dir.path(), version, false);
        let c = Connection::open(&copy).unwrap();
        assert_eq!(user_version(&c), version);
        let app: i32 = c
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        assert_eq!(integrity(&c), "ok");
        // Exactly the schema of that version.
        let fresh = Connection::open_in_memory().unwrap();
        for (_, sql) in &MIGRATIONS[..version as usize] {
            fresh.execute_batch(sql).unwrap();
        }
        let schema = |c: &Connection| -> Vec<(String, String)> {
            c.prepare("SELECT type, name FROM sqlite_schema ORDER BY name")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(schema(&c), schema(&fresh), "v{version}");
        // Every table has rows, the search index included.
        let tables: Vec<String> = column(
            &c,
            "SELECT name FROM sqlite_schema WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'",
        );
        for t in tables {
            let n: i64 = c
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            assert!(n > 0, "v{version}: table {t} is empty");
        }
    }
}

/// A Trash entry keeps its rows as the schema of the day held them; one
/// written by any earlier version comes back on the current one (a
/// migration that changes a table's columns rewrites `trash.rows`).
#[test]
fn trash_entries_of_every_version_restore_on_the_current_one() {
    let mut checked = 0;
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(dir.path(), version, false);
        let mut db = Db::open(&path, d(TODAY)).unwrap();
        for entry in store::trash::list(db.conn()).unwrap() {
            let restored = db
                .write(|tx| store::trash::restore(tx, entry.id))
                .unwrap_or_else(|e| {
                    panic!("v{version}: entry {} ({}): {e}", entry.id, entry.label)
                });
            let there: bool = db
                .conn()
                .query_row(
                    &format!(
                        "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)",
                        restored.kind.table()
                    ),
                    [restored.record_id],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(there, "v{version}: {} is back", restored.label);
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixture has a Trash entry");
}

#[test]
fn every_fixture_upgrades_to_the_current_version_with_all_its_data() {
    let fresh = db_on(TODAY);
    let current_schema = schema_sql(fresh.conn());
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = copy_fixture(dir.path(), version, false);
        let before = {
            let c = Connection::open(&path).unwrap();
            dump(&c)
        };
        let db = Db::open(&path, d(TODAY)).unwrap();
        let conn = db.conn();
        assert_eq!(user_version(conn), SCHEMA_VERSION, "v{version}");
        assert_eq!(integrity(conn), "ok", "v{version}");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0, "v{version}");
        assert_eq!(schema_sql(conn), current_schema, "v{version}");
        // Every row of every table it had is still there, unchanged (in the
        // columns it had: a later migration may add columns, with defaults).
        let after = dump(conn);
        for (table, rows) in &before {
            let columns: std::collections::HashSet<&str> = rows
                .iter()
                .flat_map(|r| r.split('|'))
                .filter_map(|cv| cv.split_once('=').map(|(c, _)| c))
                .collect();
            let projected: Option<Vec<String>> = after.get(table).map(|rows| {
                let mut rows: Vec<String> = rows
                    .iter()
                    .map(|r| {
                        r.split('|')
                            .filter(|cv| {
                                cv.split_once('=').is_some_and(|(c, _)| columns.contains(c))
                            })
                            .collect::<Vec<_>>()
                            .join("|")
                    })
                    .collect();
                rows.sort();
                rows
            });
            let mut rows = rows.clone();
            rows.sort();
            assert_eq!(projected, Some(rows), "v{version}: {table}");
        }
        // The data reads back through the store as the records it was.
        let people = store::people::list(conn, Default::default()).unwrap();
        assert!(people.iter().any(|p| p.name == "Grace Hopper"));
        let hits = store::search::search(conn, "compilers", 10).unwrap();
        assert_eq!(hits.len(), 1, "v{version}: search");
        let doc = interchange::export(conn).unwrap();
        assert_eq!(doc.people.len(), 3);
        assert_eq!(doc.one_on_ones.len(), 3);
        assert_eq!(doc.agenda_items.len(), 3);
        assert_eq!(doc.updates.len(), 3);
        assert_eq!(doc.customer_links.len(), 2);
        assert_eq!(doc.check_ins.len(), 2);
        assert_eq!(doc.requisitions.len(), 2);
        assert_eq!(doc.loop_members.len(), 2);
        assert_eq!(doc.interviews.len(), 2);
        assert_eq!(doc.walkthroughs.len(), 1);
        assert_eq!(doc.wins.len(), 2);
        assert_eq!(doc.drafts.len(), usize::from(version >= 2));
        assert_eq!(doc.nudge_states.len(), if version >= 3 { 2 } else { 0 });
        assert_eq!(doc.settings["tracking_since"], "2025-01-06");
        // The file is in WAL mode now, and a copy of the old version was kept.
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let backup = db.migration_backup().map(Path::to_path_buf);
        drop(db);
        if version < SCHEMA_VERSION {
            let backup = backup.expect("a backup before migrating");
            let c = Connection::open(&backup).unwrap();
            assert_eq!(user_version(&c), version);
            assert_eq!(dump(&c), before, "v{version}: the backup is the old file");
        } else {
            assert!(backup.is_none());
        }
        // A second open migrates nothing.
        let again = Db::open(&path, d(TODAY)).unwrap();
        assert!(again.migration_backup().is_none());
    }
}

fn schema_sql(conn: &Connection) -> Vec<(String, Option<String>)> {
    conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'search_index_%' ORDER BY name",
    )
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The migrations with step `k` (1-based) made to fail after doing its work.
fn failing_at(k: usize) -> Vec<(&'static str, String)> {
    MIGRATIONS
        .iter()
        .enumerate()
        .map(|(i, (name, sql))| {
            let sql = if i + 1 == k {
                format!("{sql}\n;INSERT INTO injected_failure VALUES (1);")
            } else {
                sql.to_string()
            };
            (*name, sql)
        })
        .collect()
}

#[test]
fn a_failure_at_each_migration_step_leaves_the_file_byte_for_byte_unchanged() {
    let mut cases = 0;
    for version in 1..SCHEMA_VERSION {
        for rollback_journal in [false, true] {
            for step in (version + 1)..=SCHEMA_VERSION {
                let dir = tempfile::tempdir().unwrap();
                let path = copy_fixture(dir.path(), version, rollback_journal);
                let before = FileState::of(&path);
                let files_before = listing(dir.path());
                let owned = failing_at(step as usize);
                let migrations: Vec<(&str, &str)> =
                    owned.iter().map(|(n, s)| (*n, s.as_str())).collect();
                let label = format!(
                    "v{version} ({}) failing at step {step}",
                    if rollback_journal {
                        "rollback journal"
                    } else {
                        "WAL"
                    }
                );
                let err = Db::open_with_migrations(&path, d(TODAY), &migrations).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Internal, "{label}");
                let name = MIGRATIONS[step as usize - 1].0;
                assert!(
                    err.to_string()
                        .contains(&format!("migration {name} failed")),
                    "{label}: {err}"
                );
                assert!(
                    FileState::of(&path) == before,
                    "{label}: the file changed (bytes or modification time)"
                );
                // No -wal, -shm or -journal left; only the pre-migration backup added.
                let added: Vec<String> = listing(dir.path())
                    .into_iter()
                    .filter(|f| !files_before.contains(f))
                    .collect();
                assert_eq!(added.len(), 1, "{label}: {added:?}");
                assert!(added[0].ends_with(".backup"), "{label}: {added:?}");
                for s in ["-wal", "-shm", "-journal"] {
                    assert!(!side(&path, s).exists(), "{label}: {s} left behind");
                }
                // The file still opens and migrates with the real migrations.
                let db = Db::open(&path, d(TODAY)).unwrap();
                assert_eq!(user_version(db.conn()), SCHEMA_VERSION, "{label}");
                cases += 1;
            }
        }
    }
    // Every pending step of every older fixture (v1: all but one, …, the
    // previous version: one), in both journal modes.
    let steps: i64 = (1..SCHEMA_VERSION).map(|v| SCHEMA_VERSION - v).sum();
    assert_eq!(cases, 2 * steps);
}

/// The order that makes it work: with the switch to WAL before migrating (as
/// Coachlog did before), a failed migration of a rollback-journal file left
/// its header changed.
#[test]
fn switching_to_wal_before_migrating_would_have_changed_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), 1, true);
    let before = std::fs::read(&path).unwrap();
    assert_eq!((before[18], before[19]), (1, 1), "a rollback-journal file");
    let c = Connection::open(&path).unwrap();
    let _: String = c
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    drop(c);
    let after = std::fs::read(&path).unwrap();
    assert_eq!((after[18], after[19]), (2, 2));
    assert_ne!(before, after);
}
