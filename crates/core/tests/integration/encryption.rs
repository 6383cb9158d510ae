//! Encryption at rest: with encryption on, no record text reaches the disk in
//! the clear — not in the database file, its write-ahead log or any backup —
//! and every refusal or failure leaves the file as it was.

use std::path::{Path, PathBuf};

use coachlog_core::crypto::{self, FailAt};
use coachlog_core::model::*;
use coachlog_core::{backup, store, Db, ErrorKind, Passphrase};

use crate::support::{d, export_json, listing, person_input, side, utc, Rng, TODAY};

/// Text that appears nowhere else, one per kind of record, and one set
/// written after encryption.
const BEFORE: [&str; 3] = [
    "ZebraNoteMarkerQ7", // a 1:1 note
    "ZebraAgendaMarkerQ7",
    "ZebraWinMarkerQ7",
];
const AFTER: [&str; 3] = [
    "OkapiNoteMarkerX3",
    "OkapiAgendaMarkerX3",
    "OkapiWinMarkerX3",
];

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.into()).unwrap()
}

/// Writes a person with a 1:1 note, an agenda item and a win carrying
/// `markers`; returns the person's id.
fn write_markers(db: &mut Db, name: &str, markers: [&str; 3], day: &str) {
    db.write(|tx| {
        let p = store::people::insert(tx, &person_input(name))?;
        store::one_on_ones::insert(
            tx,
            &OneOnOneInput {
                person_id: p.id,
                date: d(day),
                status: OneOnOneStatus::Held,
                notes: format!("Talked about {} and the roadmap.", markers[0]),
                tags: vec![],
            },
        )?;
        store::agenda::insert(
            tx,
            &AgendaItemInput {
                person_id: p.id,
                text: format!("Follow up on {}", markers[1]),
                open_tag: OpenTag::Todo,
                timing: None,
                raised_by: RaisedBy::Leader,
                opened_on: d(day),
                opened_in: None,
            },
        )?;
        store::wins::insert(
            tx,
            &WinInput {
                person_id: p.id,
                noted_on: d(day),
                text: format!("Shipped {}", markers[2]),
            },
        )?;
        Ok(())
    })
    .unwrap();
}

/// Every file that holds the database's bytes: the file, its logs, every
/// file in the backups folder and the copies next to it.
fn files_of(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [path.parent().unwrap().to_path_buf(), backup::folder(path)] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            if e.metadata().unwrap().is_file() {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// The files (of `files`) whose raw bytes contain `marker`.
fn holding(files: &[PathBuf], marker: &str) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap();
            bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
        })
        .cloned()
        .collect()
}

fn hash(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn no_record_text_reaches_the_disk_once_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.sqlite");
    let today = d(TODAY);
    {
        let mut db = Db::open(&path, today).unwrap();
        write_markers(&mut db, "Ada Lovelace", BEFORE, "2026-11-20");
        // A plain backup with the records, and an open database with a log.
        backup::create(&path, utc("2026-11-27T08:00:00Z"), None).unwrap();
        assert!(side(&path, "-wal").exists());
        // Before encryption the markers are on the disk: the check can fail.
        let files = files_of(&path);
        for m in BEFORE {
            let found = holding(&files, m);
            assert!(found.len() >= 2, "{m} only in {found:?}");
        }
    }
    let before = export_json(&Db::open(&path, today).unwrap());
    assert!(!crypto::is_encrypted(&path).unwrap());

    let key = pass("correct horse battery staple");
    let done = crypto::encrypt(&path, &key, utc("2026-11-27T09:00:00Z")).unwrap();
    assert!(crypto::is_encrypted(&path).unwrap());
    assert_eq!(done.database, path);
    assert!(done.converted.contains(&done.backup), "{done:?}");
    assert_eq!(done.converted.len(), 2, "{done:?}");
    assert!(done.skipped.is_empty());

    // Keep working on the encrypted file: the log gets frames, backups are made.
    let mut db = Db::open_with_key(&path, today, Some(&key)).unwrap();
    assert!(db.is_encrypted());
    assert_eq!(export_json(&db), before);
    write_markers(&mut db, "Grace Hopper", AFTER, "2026-11-26");
    let wal = side(&path, "-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    let made = backup::create(&path, utc("2026-11-27T09:30:00Z"), db.key()).unwrap();
    assert!(crypto::is_encrypted(&made.path).unwrap());
    db.backup_to(&dir.path().join("copy.sqlite")).unwrap();
    backup::automatic(&path, utc("2026-11-27T10:30:00Z"), true, db.key())
        .unwrap()
        .unwrap();

    // While open (file, log, backups) and after closing: no marker anywhere.
    let files = files_of(&path);
    assert!(files.contains(&wal), "{files:?}");
    assert!(files.len() >= 6, "{files:?}");
    for m in BEFORE.iter().chain(&AFTER) {
        assert_eq!(holding(&files, m), Vec::<PathBuf>::new(), "{m}");
    }
    let after = export_json(&db);
    drop(db);
    let files = files_of(&path);
    for m in BEFORE.iter().chain(&AFTER) {
        assert_eq!(holding(&files, m), Vec::<PathBuf>::new(), "{m}");
    }
    for b in backup::list(&path).unwrap() {
        assert_eq!(
            backup::verify(&b.path, Some(&key)).unwrap(),
            coachlog_core::db::SCHEMA_VERSION
        );
        let e = backup::verify(&b.path, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
    }

    // Decrypting brings back plain files with exactly the same records.
    let undone = crypto::decrypt(&path, &key, utc("2026-11-27T11:00:00Z")).unwrap();
    assert!(!crypto::is_encrypted(&path).unwrap());
    assert!(undone.skipped.is_empty(), "{undone:?}");
    let db = Db::open(&path, today).unwrap();
    assert!(!db.is_encrypted());
    assert_eq!(export_json(&db), after);
    drop(db);
    for b in backup::list(&path).unwrap() {
        assert!(
            !crypto::is_encrypted(&b.path).unwrap(),
            "{}",
            b.path.display()
        );
        backup::verify(&b.path, None).unwrap();
    }
    let files = files_of(&path);
    for m in AFTER {
        assert!(holding(&files, m).len() >= 2, "{m}");
    }
}

/// An encrypted database with records, closed.
fn encrypted_file(dir: &Path, key: &Passphrase) -> PathBuf {
    let path = dir.join("coachlog.sqlite");
    let mut db = Db::open(&path, d(TODAY)).unwrap();
    write_markers(&mut db, "Ada Lovelace", BEFORE, "2026-11-20");
    drop(db);
    crypto::encrypt(&path, key, utc("2026-11-27T09:00:00Z")).unwrap();
    path
}

#[test]
fn a_missing_or_wrong_passphrase_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let key = pass("the right one");
    let path = encrypted_file(dir.path(), &key);
    let wrong = pass("the wrong one");

    // A file that was not closed cleanly: its log holds committed frames.
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("coachlog.sqlite");
    {
        let mut db = Db::open_with_key(&path, d(TODAY), Some(&key)).unwrap();
        write_markers(&mut db, "Grace Hopper", AFTER, "2026-11-26");
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(side(&path, "-wal"), side(&copy, "-wal")).unwrap();
    }

    for file in [&path, &copy] {
        let states = |f: &Path| [hash(f), std::fs::read(side(f, "-wal")).unwrap_or_default()];
        let was = states(file);
        let none = Db::open(file, d(TODAY)).unwrap_err();
        assert_eq!(none.kind(), ErrorKind::Passphrase, "{none}");
        assert_eq!(none.kind().as_str(), "passphrase");
        let m = none.to_string();
        assert!(
            m.contains("looks encrypted") && m.contains("COACHLOG_PASSPHRASE"),
            "{m}"
        );
        assert!(
            m.contains("--passphrase-file") && m.contains("keyring"),
            "{m}"
        );
        let bad = Db::open_with_key(file, d(TODAY), Some(&wrong)).unwrap_err();
        assert_eq!(bad.kind(), ErrorKind::Passphrase, "{bad}");
        assert!(bad.to_string().contains("does not open"), "{bad}");
        let e = backup::create(file, utc("2026-11-27T12:00:00Z"), Some(&wrong)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
        let e = backup::verify(file, Some(&wrong)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
        let e = crypto::decrypt(file, &wrong, utc("2026-11-27T12:00:00Z")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
        let e = crypto::encrypt(file, &key, utc("2026-11-27T12:00:00Z")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
        assert_eq!(states(file), was, "{}", file.display());
    }
    // The crashed copy's frames are there with the right key.
    let db = Db::open_with_key(&copy, d(TODAY), Some(&key)).unwrap();
    let n: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);

    // Decrypting a plain file is refused too.
    let plain = dir.path().join("plain.sqlite");
    Db::open(&plain, d(TODAY)).unwrap();
    let e = crypto::decrypt(&plain, &key, utc("2026-11-27T12:00:00Z")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    // A plain file opens whatever passphrase is given, and stays plain.
    let db = Db::open_with_key(&plain, d(TODAY), Some(&key)).unwrap();
    assert!(!db.is_encrypted() && db.key().is_none());
}

#[test]
fn a_failure_while_encrypting_leaves_the_database_as_it_was() {
    for fail in [FailAt::AfterCopy, FailAt::BeforeSwitch] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("coachlog.sqlite");
        let mut db = Db::open(&path, d(TODAY)).unwrap();
        write_markers(&mut db, "Ada Lovelace", BEFORE, "2026-11-20");
        drop(db);
        let was = hash(&path);
        let key = pass("a passphrase");
        let e =
            crypto::encrypt_failing(&path, &key, utc("2026-11-27T09:00:00Z"), fail).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Internal, "{fail:?}: {e}");
        assert_eq!(hash(&path), was, "{fail:?}");
        assert!(!crypto::is_encrypted(&path).unwrap());
        // No temporary file is left behind.
        let names = listing(dir.path());
        assert!(
            names.iter().all(|n| !n.starts_with('.')),
            "{fail:?}: {names:?}"
        );
        // The backup made first is encrypted already; the database still
        // opens as it is, and encrypting again finishes the work.
        Db::open(&path, d(TODAY)).unwrap();
        let done = crypto::encrypt(&path, &key, utc("2026-11-27T09:05:00Z")).unwrap();
        assert!(crypto::is_encrypted(&path).unwrap());
        let files = files_of(&path);
        for m in BEFORE {
            assert_eq!(
                holding(&files, m),
                Vec::<PathBuf>::new(),
                "{fail:?} {m} {done:?}"
            );
        }
    }
    // And the same for decrypting.
    let dir = tempfile::tempdir().unwrap();
    let key = pass("a passphrase");
    let path = encrypted_file(dir.path(), &key);
    let was = hash(&path);
    for fail in [FailAt::AfterCopy, FailAt::BeforeSwitch] {
        let e =
            crypto::decrypt_failing(&path, &key, utc("2026-11-27T10:00:00Z"), fail).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Internal, "{fail:?}: {e}");
        assert_eq!(hash(&path), was, "{fail:?}");
    }
}

#[test]
fn an_encrypted_backup_is_restored_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let key = pass("restore me");
    let path = encrypted_file(dir.path(), &key);
    let (made, at_backup) = {
        let db = Db::open_with_key(&path, d(TODAY), Some(&key)).unwrap();
        let made = backup::create(&path, utc("2026-11-27T10:00:00Z"), db.key()).unwrap();
        (made, export_json(&db))
    };
    {
        let mut db = Db::open_with_key(&path, d(TODAY), Some(&key)).unwrap();
        write_markers(&mut db, "Grace Hopper", AFTER, "2026-11-26");
    }
    let was = hash(&path);
    let e = backup::restore(&path, &made.path, utc("2026-11-27T11:00:00Z"), None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
    let wrong = pass("not it");
    let e =
        backup::restore(&path, &made.path, utc("2026-11-27T11:00:00Z"), Some(&wrong)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
    assert_eq!(hash(&path), was);

    let done = backup::restore(&path, &made.path, utc("2026-11-27T11:00:00Z"), Some(&key)).unwrap();
    let safety = done.safety_copy.unwrap();
    assert!(crypto::is_encrypted(&safety).unwrap());
    assert!(crypto::is_encrypted(&path).unwrap());
    let db = Db::open_with_key(&path, d(TODAY), Some(&key)).unwrap();
    assert_eq!(export_json(&db), at_backup);
}

#[test]
fn what_looks_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let f = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let mut rng = Rng::new(3);
    let plain = dir.path().join("plain.sqlite");
    Db::open(&plain, d(TODAY)).unwrap();
    let mut damaged_header = hash(&plain);
    damaged_header[..16].fill(0);
    let cases = [
        (dir.path().join("missing.sqlite"), false),
        (plain.clone(), false),
        (f("text.txt", b"hello, not a database\n"), false),
        (f("odd-size", &rng.bytes(4097)), false),
        (f("one-page", &rng.bytes(4096)), true),
        (f("damaged-header", &damaged_header), false),
    ];
    for (path, want) in &cases {
        assert_eq!(
            crypto::is_encrypted(path).unwrap(),
            *want,
            "{}",
            path.display()
        );
    }
    // A random page is refused as "looks encrypted" without a passphrase,
    // and as a wrong passphrase with one; a damaged plain header stays
    // "damaged".
    let random = &cases[4].0;
    let e = Db::open(random, d(TODAY)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
    let e = Db::open_with_key(random, d(TODAY), Some(&pass("x"))).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Passphrase, "{e}");
    let e = Db::open(&cases[5].0, d(TODAY)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Corrupt, "{e}");
    let e = Db::open_with_key(&cases[5].0, d(TODAY), Some(&pass("x"))).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Corrupt, "{e}");
}

#[test]
fn an_encrypted_database_is_upgraded_with_an_encrypted_copy_first() {
    use coachlog_core::db::MIGRATIONS;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.sqlite");
    let older = &MIGRATIONS[..MIGRATIONS.len() - 1];
    {
        let db = Db::open_with_migrations(&path, d(TODAY), older).unwrap();
        db.conn()
            .execute(
                "INSERT INTO person (name, name_key, title, job_family, level, scope_kind, \
                 since, tracked) VALUES (?1, lower(?1), 'PM', 'product_manager', 'ic', \
                 'group', '2025-01-06', 1)",
                [BEFORE[0]],
            )
            .unwrap();
    }
    let key = pass("upgrade me");
    crypto::encrypt(&path, &key, utc("2026-11-27T09:00:00Z")).unwrap();
    let db = Db::open_with_key(&path, d(TODAY), Some(&key)).unwrap();
    let copy = db.migration_backup().unwrap().to_path_buf();
    drop(db);
    assert!(crypto::is_encrypted(&copy).unwrap(), "{}", copy.display());
    assert_eq!(holding(&files_of(&path), BEFORE[0]), Vec::<PathBuf>::new());
    // Decrypting turns the pre-upgrade copy back into a plain file too.
    let done = crypto::decrypt(&path, &key, utc("2026-11-27T10:00:00Z")).unwrap();
    assert!(done.converted.contains(&copy), "{done:?}");
    assert!(!crypto::is_encrypted(&copy).unwrap());
    assert_eq!(
        backup::verify(&copy, None).unwrap(),
        coachlog_core::db::SCHEMA_VERSION - 1
    );
}
