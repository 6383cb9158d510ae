//! Backups and restore on real files: verified, self-contained copies named
//! by UTC time; the automatic schedule and the rolling set on disk; restore
//! with its checks, its refusals (nothing changed) and its safety copy.

use std::path::{Path, PathBuf};

use coachlog_core::backup::{self, BackupKind};
use coachlog_core::db::SCHEMA_VERSION;
use coachlog_core::store::people;
use coachlog_core::{Db, ErrorKind};
use rusqlite::Connection;

use crate::support::{
    add_person, age, column, d, dump, listing, side, user_version, utc, FileState, TODAY,
};

/// A database with one person, Ada, in a fresh folder.
fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.sqlite");
    let mut db = Db::open(&path, d(TODAY)).unwrap();
    add_person(&mut db, "Ada Lovelace");
    (dir, path)
}

fn names(path: &Path) -> Vec<String> {
    let db = Db::open(path, d(TODAY)).unwrap();
    people::list(db.conn(), Default::default())
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn a_backup_is_a_checked_self_contained_copy_named_by_utc_time() {
    let (dir, path) = database();
    age(&path);
    let before = FileState::of(&path);
    let at = utc("2026-11-27T09:30:00Z");
    let made = backup::create(&path, at, None).unwrap();
    assert_eq!(
        made.path,
        dir.path().join("backups/coachlog-20261127T093000Z.sqlite")
    );
    assert_eq!(made.taken_at, at);
    assert_eq!(made.kind, BackupKind::Rolling);
    assert_eq!(made.bytes, std::fs::metadata(&made.path).unwrap().len());
    // Self-contained: rollback-journal mode, no side files; the same data.
    let bytes = std::fs::read(&made.path).unwrap();
    assert_eq!((bytes[18], bytes[19]), (1, 1));
    assert_eq!(
        listing(&dir.path().join("backups")),
        ["coachlog-20261127T093000Z.sqlite"]
    );
    assert_eq!(backup::verify(&made.path, None).unwrap(), SCHEMA_VERSION);
    assert_eq!(
        dump(&Connection::open(&made.path).unwrap()),
        dump(&Connection::open(&path).unwrap())
    );
    // Reading for a backup wrote nothing to the database.
    assert!(FileState::of(&path) == before);
    assert_eq!(listing(dir.path()), ["backups", "coachlog.sqlite"]);
    // A second one in the same second gets its own name.
    let again = backup::create(&path, at, None).unwrap();
    assert_eq!(
        again.path.file_name().unwrap(),
        "coachlog-20261127T093000Z-2.sqlite"
    );
    let listed = backup::list(&path).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].path, again.path, "newest first");
    assert_eq!(backup::latest(&path).unwrap().unwrap().path, again.path);
}

#[test]
fn backups_run_while_the_app_keeps_writing() {
    let (_dir, path) = database();
    let mut db = Db::open(&path, d(TODAY)).unwrap();
    // A write transaction is open in the app: the backup does not wait for
    // it and does not see it.
    db.conn().execute_batch("BEGIN IMMEDIATE").unwrap();
    db.conn()
        .execute(
            "UPDATE person SET title = 'uncommitted' WHERE name = 'Ada Lovelace'",
            [],
        )
        .unwrap();
    let made = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    db.conn().execute_batch("COMMIT").unwrap();
    let title: String = Connection::open(&made.path)
        .unwrap()
        .query_row("SELECT title FROM person", [], |r| r.get(0))
        .unwrap();
    assert_ne!(title, "uncommitted");
    // Backups on another thread while the app commits.
    let p = path.clone();
    let worker = std::thread::spawn(move || {
        (0..5)
            .map(|i| {
                let at = utc("2026-11-27T10:00:00Z") + chrono::TimeDelta::minutes(i);
                backup::create(&p, at, None).unwrap()
            })
            .collect::<Vec<_>>()
    });
    for i in 0..50 {
        add_person(&mut db, &format!("Person {i}"));
    }
    let made = worker.join().unwrap();
    for b in made {
        assert_eq!(backup::verify(&b.path, None).unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn automatic_backups_come_at_most_every_thirty_minutes_and_roll() {
    let (_dir, path) = database();
    let start = utc("2026-11-27T09:00:00Z");
    assert!(backup::automatic(&path, start, false, None)
        .unwrap()
        .is_none());
    assert!(backup::automatic(&path, start, true, None)
        .unwrap()
        .is_some());
    let later = |m: i64| start + chrono::TimeDelta::minutes(m);
    assert!(backup::automatic(&path, later(29), true, None)
        .unwrap()
        .is_none());
    assert!(backup::automatic(&path, later(30), true, None)
        .unwrap()
        .is_some());
    assert!(backup::automatic(&path, later(90), false, None)
        .unwrap()
        .is_none());
    // Three days of changes every half hour: the set rolls.
    let mut now = later(60);
    for _ in 0..(3 * 48) {
        backup::automatic(&path, now, true, None).unwrap().unwrap();
        now += chrono::TimeDelta::minutes(30);
    }
    let left = backup::list(&path).unwrap();
    let stamps: Vec<_> = left.iter().map(|b| b.taken_at).collect();
    // 48 recent, plus the newest of each earlier day; nothing else.
    assert_eq!(left.len(), 48 + 2, "{stamps:?}");
    assert!(backup::to_delete(&stamps, now, backup::RETENTION).is_empty());
    assert_eq!(
        listing(&backup::folder(&path)).len(),
        left.len(),
        "no temporary files left"
    );
}

#[test]
fn a_backup_of_a_damaged_database_is_refused_and_changes_nothing() {
    let (dir, path) = database();
    backup::create(&path, utc("2026-11-27T08:00:00Z"), None).unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    bytes[page..2 * page].fill(0xAB); // page 2: a table's root
    std::fs::write(&path, &bytes).unwrap();
    age(&path);
    let before = FileState::of(&path);
    let err = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    let m = err.to_string();
    assert!(m.contains("could not be backed up"), "{m}");
    assert!(m.contains("coachlog restore --latest"), "{m}");
    assert!(FileState::of(&path) == before);
    assert_eq!(backup::list(&path).unwrap().len(), 1, "no copy kept");
    assert_eq!(listing(dir.path()), ["backups", "coachlog.sqlite"]);
}

#[test]
fn restore_puts_the_backup_back_and_keeps_the_replaced_file() {
    let (dir, path) = database();
    let made = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    {
        let mut db = Db::open(&path, d(TODAY)).unwrap();
        add_person(&mut db, "Grace Hopper");
    }
    let done = backup::restore(&path, &made.path, utc("2026-11-27T10:00:00Z"), None).unwrap();
    assert_eq!(done.database, path);
    assert_eq!(done.restored_from, made.path);
    assert_eq!(done.schema_version, SCHEMA_VERSION);
    let safety = done.safety_copy.unwrap();
    assert_eq!(
        safety.file_name().unwrap(),
        "coachlog-20261127T100000Z-before-restore.sqlite"
    );
    assert_eq!(names(&path), ["Ada Lovelace"]);
    assert_eq!(names(&safety), ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(listing(dir.path()), ["backups", "coachlog.sqlite"]);
    let kinds: Vec<BackupKind> = backup::list(&path)
        .unwrap()
        .iter()
        .map(|b| b.kind)
        .collect();
    assert_eq!(kinds, [BackupKind::BeforeRestore, BackupKind::Rolling]);
    // The safety copy undoes the restore.
    backup::restore(&path, &safety, utc("2026-11-27T10:05:00Z"), None).unwrap();
    assert_eq!(names(&path), ["Ada Lovelace", "Grace Hopper"]);
}

#[test]
fn restore_refuses_what_is_not_a_valid_backup_and_changes_nothing() {
    let (dir, path) = database();
    let made = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database").unwrap();
    let newer = dir.path().join("newer.sqlite");
    std::fs::copy(&made.path, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let damaged = dir.path().join("damaged.sqlite");
    let mut bytes = std::fs::read(&made.path).unwrap();
    let n = bytes.len();
    bytes[n - 4096..n - 2048].fill(0x5A); // inside the last page
    std::fs::write(&damaged, &bytes).unwrap();
    age(&path);
    let before = FileState::of(&path);
    let backups_before = listing(&backup::folder(&path));
    let cases: [(&Path, ErrorKind, &str); 6] = [
        (&other, ErrorKind::Corrupt, "not a Coachlog one"),
        (&text, ErrorKind::Corrupt, "not an SQLite file"),
        (&newer, ErrorKind::Corrupt, "schema version"),
        (&damaged, ErrorKind::Corrupt, "damaged"),
        (
            &dir.path().join("missing.sqlite"),
            ErrorKind::NotFound,
            "does not exist",
        ),
        (&path, ErrorKind::Invalid, "is the database itself"),
    ];
    for (file, kind, needle) in cases {
        let err = backup::restore(&path, file, utc("2026-11-27T10:00:00Z"), None).unwrap_err();
        assert_eq!(err.kind(), kind, "{file:?}: {err}");
        let m = err.to_string();
        assert!(m.contains(needle), "{file:?}: {m}");
        if kind == ErrorKind::Corrupt {
            assert!(m.contains("nothing was changed"), "{m}");
        }
        assert!(FileState::of(&path) == before, "{file:?}");
        assert_eq!(listing(&backup::folder(&path)), backups_before, "{file:?}");
        assert!(
            !listing(dir.path()).iter().any(|f| f.starts_with('.')),
            "{file:?}"
        );
    }
}

#[test]
fn restore_refuses_while_the_database_is_open_elsewhere() {
    let (dir, path) = database();
    let made = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    let app = Db::open(&path, d(TODAY)).unwrap();
    let err = backup::restore(&path, &made.path, utc("2026-11-27T10:00:00Z"), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    assert!(
        err.to_string().contains("is open in another program"),
        "{err}"
    );
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(backup::list(&path).unwrap().len(), 1);
    assert!(!listing(dir.path()).iter().any(|f| f.starts_with('.')));
    drop(app);
    backup::restore(&path, &made.path, utc("2026-11-27T10:00:00Z"), None).unwrap();
}

#[test]
fn restore_replaces_a_damaged_file_and_never_replays_its_stale_log() {
    let (dir, path) = database();
    let made = backup::create(&path, utc("2026-11-27T09:00:00Z"), None).unwrap();
    // Another database's write-ahead log, left next to a file that was then
    // damaged: replayed into the restored file, it would corrupt it.
    let stranger = dir.path().join("stranger.sqlite");
    {
        let mut db = Db::open(&stranger, d(TODAY)).unwrap();
        add_person(&mut db, "Stranger");
        db.conn()
            .pragma_update(None, "wal_autocheckpoint", 0)
            .unwrap();
        db.conn()
            .execute("UPDATE person SET title = 'FROM A STALE LOG'", [])
            .unwrap();
        std::fs::copy(side(&stranger, "-wal"), side(&path, "-wal")).unwrap();
    }
    let mut garbage = std::fs::read(&path).unwrap();
    garbage[0..100].fill(0x42);
    std::fs::write(&path, &garbage).unwrap();
    let err = Db::open(&path, d(TODAY)).unwrap_err();
    assert!(
        err.to_string().contains("coachlog restore --latest"),
        "{err}"
    );

    let done = backup::restore(&path, &made.path, utc("2026-11-27T10:00:00Z"), None).unwrap();
    let copy = done.safety_copy.unwrap();
    assert_eq!(
        copy.file_name().unwrap(),
        "coachlog-20261127T100000Z-damaged.sqlite"
    );
    let kept = std::fs::read(&copy).unwrap();
    let first_difference = kept.iter().zip(&garbage).position(|(a, b)| a != b);
    assert!(
        kept.len() == garbage.len() && first_difference.is_none(),
        "not a raw copy: {} bytes, {} expected, first difference at {first_difference:?}",
        kept.len(),
        garbage.len()
    );
    assert!(side(&copy, "-wal").exists(), "with its log");
    assert!(!side(&path, "-wal").exists());
    let db = Db::open(&path, d(TODAY)).unwrap();
    let titles: Vec<String> = column(db.conn(), "SELECT title FROM person");
    assert!(
        !titles.iter().any(|t| t == "FROM A STALE LOG"),
        "{titles:?}"
    );
    assert_eq!(names(&path), ["Ada Lovelace"]);
}

#[test]
fn restore_into_a_missing_file_and_of_an_older_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.sqlite");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coachlog-v1.sqlite");
    let done = backup::restore(&path, &fixture, utc("2026-11-27T10:00:00Z"), None).unwrap();
    assert_eq!(done.schema_version, 1);
    assert!(done.safety_copy.is_none());
    // Upgraded when next opened, with its own pre-migration copy.
    let db = Db::open(&path, d(TODAY)).unwrap();
    assert!(db.migration_backup().is_some());
    assert_eq!(
        people::list(db.conn(), Default::default()).unwrap().len(),
        2
    );
}

#[test]
fn a_new_database_appears_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    // A temporary file left by a creation that was killed does not matter.
    std::fs::write(dir.path().join(".new.sqlite.new-1"), b"half").unwrap();
    let db = Db::open(&path, d(TODAY)).unwrap();
    drop(db);
    assert_eq!(listing(dir.path()), [".new.sqlite.new-1", "new.sqlite"]);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!((bytes[18], bytes[19]), (2, 2), "WAL mode");
    let c = Connection::open(&path).unwrap();
    assert_eq!(user_version(&c), SCHEMA_VERSION);
}

#[test]
fn a_refusal_without_backups_still_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.sqlite");
    std::fs::write(&path, b"").unwrap();
    let err = Db::open(&path, d(TODAY)).unwrap_err();
    let m = err.to_string();
    assert!(m.contains("is empty (0 bytes)"), "{m}");
    assert!(m.contains("Restore a backup if you have one"), "{m}");
    assert!(!m.contains("coachlog restore"), "{m}");
}
