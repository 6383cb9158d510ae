//! The real OS keyring, end to end: set, get, replace, delete an entry under
//! a database path of its own. Ignored by default — it needs a keyring (on
//! Linux a Secret Service on the session bus) and must not touch a
//! developer's own entries unasked. `scripts/keyring.sh` runs it on a
//! throw-away session bus with its own gnome-keyring.

use coachlog_core::Passphrase;
use coachlog_secrets::{KeyStore, SystemKeyStore};

#[test]
#[ignore = "needs a system keyring: run scripts/keyring.sh"]
fn the_system_keyring_keeps_gets_and_forgets_a_passphrase() {
    let store = SystemKeyStore::new();
    assert!(
        store.available(),
        "no system keyring is available (on Linux: a Secret Service on the session bus)"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.sqlite");
    std::fs::write(&db, b"").unwrap();
    assert_eq!(store.get(&db).unwrap(), None);
    assert!(!store.delete(&db).unwrap());

    let first = Passphrase::new("first passphrase ✓".into()).unwrap();
    store.set(&db, &first).unwrap();
    assert_eq!(store.get(&db).unwrap(), Some(first));
    // The same file by another spelling of its path.
    let other = dir.path().join(".").join("coachlog.sqlite");
    let second = Passphrase::new("second passphrase".into()).unwrap();
    store.set(&other, &second).unwrap();
    assert_eq!(store.get(&db).unwrap(), Some(second));
    // Another database has no entry.
    assert_eq!(store.get(&dir.path().join("other.sqlite")).unwrap(), None);

    assert!(store.delete(&db).unwrap());
    assert_eq!(store.get(&db).unwrap(), None);
    assert!(!store.delete(&db).unwrap());
}
