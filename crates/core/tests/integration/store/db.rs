//! Opening files, migrations, refusals and the pre-migration backup.

use coachlog_core::db::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use coachlog_core::{Db, ErrorKind};
use rusqlite::Connection;

use crate::support::{
    add_person, column, d, db, db_on, dump, file_db, integrity, person_input, user_version,
};

#[test]
fn a_new_file_gets_every_migration_and_tracking_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let db = Db::open(&path, d("2026-03-02")).unwrap();
    assert!(db.migration_backup().is_none());
    let settings = coachlog_core::settings::load(db.conn()).unwrap();
    assert_eq!(settings.tracking_since, d("2026-03-02"));
    let (fk, mode, app): (i64, String, i32) = db
        .conn()
        .query_row(
            "SELECT (SELECT foreign_keys FROM pragma_foreign_keys), (SELECT journal_mode FROM pragma_journal_mode), (SELECT application_id FROM pragma_application_id)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((fk, mode.as_str(), app), (1, "wal", APPLICATION_ID));
    drop(db);
    assert_eq!(
        user_version(&Connection::open(&path).unwrap()),
        SCHEMA_VERSION
    );
}

#[test]
fn reopening_keeps_data_and_tracking_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    let mut db = Db::open(&path, d("2026-03-02")).unwrap();
    add_person(&mut db, "Ada Lovelace");
    drop(db);
    let db = Db::open(&path, d("2026-09-09")).unwrap();
    let people = coachlog_core::store::people::list(db.conn(), Default::default()).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(
        coachlog_core::settings::load(db.conn())
            .unwrap()
            .tracking_since,
        d("2026-03-02")
    );
}

#[test]
fn every_migration_applies_from_empty_and_the_schema_is_sound() {
    let db = db();
    assert_eq!(user_version(db.conn()), MIGRATIONS.len() as i64);
    assert_eq!(integrity(db.conn()), "ok");
    let fk_problems: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_db(dir.path(), "future.sqlite", "2026-03-02");
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path, d("2026-03-03")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SchemaTooNew);
    let message = err.to_string();
    assert!(
        message.contains(&format!("version {}", SCHEMA_VERSION + 5)),
        "{message}"
    );
    assert!(
        message.contains(&format!("up to {SCHEMA_VERSION}")),
        "{message}"
    );
    assert!(message.contains("left untouched"), "{message}");
    assert_eq!(before, std::fs::read(&path).unwrap());
}

#[test]
fn files_that_are_not_coachlog_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.sqlite", Vec::new(), "is empty (0 bytes)"),
        (
            "notes.txt",
            b"my notes, not a database\n".repeat(100),
            "not an SQLite file",
        ),
        ("short.sqlite", b"SQLite".to_vec(), "not an SQLite file"),
    ];
    for (name, bytes, needle) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let err = Db::open(&path, d("2026-03-03")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Corrupt, "{name}");
        assert!(err.to_string().contains(needle), "{name}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was modified");
    }
    // Another program's SQLite database.
    let path = dir.path().join("other.sqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path, d("2026-03-03")).unwrap_err();
    assert!(err.to_string().contains("not a Coachlog one"), "{err}");
    assert_eq!(before, std::fs::read(&path).unwrap());
}

#[test]
fn a_folder_or_a_missing_parent_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let err = Db::open(dir.path(), d("2026-03-03")).unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    let err = Db::open(&dir.path().join("no/such/dir/c.sqlite"), d("2026-03-03")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.to_string().contains("does not exist"), "{err}");
}

/// Builds a version-1 database by hand (as a released 0.1 would have left it).
fn version_one_file(path: &std::path::Path) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(MIGRATIONS[0].1).unwrap();
    c.pragma_update(None, "user_version", 1).unwrap();
    c.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    c.execute_batch(
        "INSERT INTO setting VALUES ('tracking_since', '2025-01-06');
         INSERT INTO person (id, name, name_key, job_family, level, scope_kind, since)
         VALUES (1, 'Grace Hopper', 'grace hopper', 'product_manager', 'ic', 'group', '2025-01-06');
         INSERT INTO one_on_one (id, person_id, date, status, notes)
         VALUES (1, 1, '2025-02-03', 'held', 'Talked about compilers.');",
    )
    .unwrap();
}

#[test]
fn migrating_an_existing_file_writes_a_verified_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    version_one_file(&path);
    let db = Db::open(&path, d("2026-03-03")).unwrap();
    let backup = db
        .migration_backup()
        .expect("a backup before migrating")
        .to_path_buf();
    assert_eq!(
        backup.file_name().unwrap().to_string_lossy(),
        "old.sqlite.v1-2026-03-03.backup"
    );
    drop(db);
    assert_eq!(user_version(&Connection::open(&backup).unwrap()), 1);
    assert_eq!(
        user_version(&Connection::open(&path).unwrap()),
        SCHEMA_VERSION
    );
    let notes: String = Connection::open(&backup)
        .unwrap()
        .query_row("SELECT notes FROM one_on_one WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(notes, "Talked about compilers.");
    // The migrated file still has the data and its search index.
    let db = Db::open(&path, d("2026-03-03")).unwrap();
    assert!(
        db.migration_backup().is_none(),
        "no second migration, no second backup"
    );
    let hits = coachlog_core::store::search::search(db.conn(), "compilers", 10).unwrap();
    assert_eq!(hits.len(), 1);
}

#[test]
fn a_failing_migration_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    version_one_file(&path);
    // Make migration 2 fail: a table of its name already exists.
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE draft (x)")
        .unwrap();
    let snapshot = |p: &std::path::Path| {
        let c = Connection::open(p).unwrap();
        let tables: Vec<Option<String>> = column(&c, "SELECT sql FROM sqlite_schema ORDER BY name");
        (user_version(&c), tables)
    };
    let before = snapshot(&path);
    let err = Db::open(&path, d("2026-03-03")).unwrap_err();
    assert!(
        err.to_string().contains("migration 0002_drafts failed"),
        "{err}"
    );
    assert_eq!(snapshot(&path), before);
}

#[test]
fn a_failed_write_rolls_back_everything_it_did() {
    let mut db = db();
    let before = dump(db.conn());
    let err = db
        .write(|tx| {
            coachlog_core::store::people::insert(tx, &person_input("One"))?;
            coachlog_core::store::people::insert(tx, &person_input(""))
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(before, dump(db.conn()));
}

#[test]
fn backup_to_writes_a_checked_copy_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("c.sqlite"), d("2026-03-02")).unwrap();
    add_person(&mut db, "Ada");
    let target = dir.path().join("copy.sqlite");
    db.backup_to(&target).unwrap();
    let copy = Db::open(&target, d("2026-03-02")).unwrap();
    assert_eq!(
        coachlog_core::store::people::list(copy.conn(), Default::default())
            .unwrap()
            .len(),
        1
    );
    let err = db.backup_to(&target).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
}

/// Commits `txns` transactions of 20 large 1:1 notes each; returns what a
/// PASSIVE checkpoint then reports: the pages in the log, and copied.
fn write_notes_then_checkpoint(db: &mut Db, txns: i64) -> (i64, i64) {
    let p = add_person(db, "Ada");
    let note = "n".repeat(3_000);
    for t in 0..txns {
        db.write(|tx| {
            for i in 0..20 {
                tx.execute(
                    "INSERT INTO one_on_one (person_id, date, status, notes)
                     VALUES (?1, date('2020-01-01', '+' || ?2 || ' days'), 'held', ?3)",
                    rusqlite::params![p.id.0, t * 20 + i, note],
                )?;
            }
            Ok(())
        })
        .unwrap();
    }
    db.checkpoint().unwrap()
}

#[test]
fn deferred_checkpoints_leave_the_log_to_the_caller_up_to_the_backstop() {
    use coachlog_core::db::DEFERRED_CHECKPOINT_PAGES;
    // SQLite's default: a commit checkpoints once the log passes 1,000 pages.
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("default.sqlite"), d("2026-03-02")).unwrap();
    let (log, _) = write_notes_then_checkpoint(&mut db, 60);
    assert!(
        log < 1_000,
        "the default checkpoints at commit: {log} pages left"
    );

    // Deferred: nothing is copied at commit; `checkpoint` copies it all.
    let path = dir.path().join("deferred.sqlite");
    let mut db = Db::open(&path, d("2026-03-02")).unwrap();
    db.defer_checkpoints().unwrap();
    let auto: i64 = db
        .conn()
        .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
        .unwrap();
    assert_eq!(auto, DEFERRED_CHECKPOINT_PAGES);
    let (log, copied) = write_notes_then_checkpoint(&mut db, 60);
    assert!(log > 1_000, "{log} pages in the log");
    assert_eq!(copied, log);
    // Nothing left to copy; the file holds every note.
    db.write(|tx| {
        tx.execute("UPDATE person SET title = 'PM'", [])?;
        Ok(())
    })
    .unwrap();
    let (log, copied) = db.checkpoint().unwrap();
    assert_eq!(copied, log);
    assert!(log < 10, "{log}");
    drop(db);
    let notes: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM one_on_one", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 1_200);

    // In memory there is no log.
    let db = db_on("2026-03-02");
    assert_eq!(db.checkpoint().unwrap(), (-1, -1));
}

#[cfg(unix)]
#[test]
fn files_coachlog_writes_are_private_to_their_owner() {
    use coachlog_core::db::output::{self, Existing};
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data/coachlog");
    let path = data.join("coachlog.sqlite");
    output::create_folder(&path).unwrap();
    assert_eq!(mode(&data), 0o700, "the data folder");
    let mut db = Db::open(&path, crate::support::d(crate::support::CREATED)).unwrap();
    db.write(|tx| {
        coachlog_core::store::people::insert(tx, &crate::support::pm("Ada", "2026-01-05"))
    })
    .unwrap();
    assert_eq!(mode(&path), 0o600, "the database");
    let wal = crate::support::side(&path, "-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600, "its log");
    let b = coachlog_core::backup::create(&path, crate::support::utc("2026-01-05T10:00:00Z"), None)
        .unwrap();
    assert_eq!(mode(&b.path), 0o600, "a backup");
    assert_eq!(mode(b.path.parent().unwrap()), 0o700, "the backups folder");
    let out = dir.path().join("summary.md");
    output::write_atomically(&out, b"# May", Existing::Refuse).unwrap();
    assert_eq!(mode(&out), 0o600, "an output file");
    drop(db);
    // A file another program left readable to others is made private when
    // Coachlog opens it.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Db::open(&path, crate::support::d(crate::support::CREATED)).unwrap());
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn data_version_changes_when_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let day = crate::support::d(crate::support::CREATED);
    let mut app = Db::open(&path, day).unwrap();
    let first = app.data_version().unwrap();
    // The app's own write does not change it…
    app.write(|tx| {
        coachlog_core::store::people::insert(tx, &crate::support::pm("Ada", "2026-01-05"))
    })
    .unwrap();
    assert_eq!(app.data_version().unwrap(), first);
    // …another connection's does.
    let mut cli = Db::open(&path, day).unwrap();
    cli.write(|tx| {
        coachlog_core::store::people::insert(tx, &crate::support::pm("Bo", "2026-01-05"))
    })
    .unwrap();
    assert_ne!(app.data_version().unwrap(), first);
}
