//! `coachlog encrypt` / `decrypt` and every other command on an encrypted
//! database, run through the built binary: the passphrase from
//! `COACHLOG_PASSPHRASE` or `--passphrase-file`, the exit code of a missing or
//! wrong one (7), and the file unchanged by every refusal.
//!
//! The system keyring is turned off (`COACHLOG_KEYRING=off`), so these tests
//! never touch the keyring of the machine that runs them.

use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{Env, Run};

const PASS: &str = "tall giraffe reads the news";
const MARKER: &str = "PangolinSecretMarker41";

impl Env {
    /// A command on the database, without any passphrase source.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = common::binary();
        c.env_remove("COACHLOG_PASSPHRASE")
            .env("COACHLOG_KEYRING", "off")
            .env("COACHLOG_NOW", "2026-11-27T09:00:00Z")
            .stdin(Stdio::null());
        common::on(c, &self.db(), args)
    }

    fn run_with(&self, mut c: Command) -> Run {
        Run::of(c.output().expect("the coachlog binary runs"))
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.command(args))
    }

    /// With `COACHLOG_PASSPHRASE`.
    fn run_env(&self, pass: &str, args: &[&str]) -> Run {
        let mut c = self.command(args);
        c.env("COACHLOG_PASSPHRASE", pass);
        self.run_with(c)
    }

    fn ok(&self, run: Run) -> String {
        assert_eq!(run.code, 0, "{run:?}");
        run.stdout
    }
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// A database with a person and a 1:1 note carrying [`MARKER`].
fn team(env: &Env) {
    env.ok(env.run(&[
        "person",
        "add",
        "Ada Lovelace",
        "--title",
        "PM",
        "--since",
        "2025-01-06",
    ]));
    env.ok(env.run(&[
        "one-on-one",
        "log",
        "Ada",
        "--date",
        "2026-11-20",
        "--notes",
        &format!("Talked about {MARKER}."),
    ]));
}

#[test]
fn encrypt_then_use_every_way_of_giving_the_passphrase_then_decrypt() {
    let env = Env::new();
    team(&env);
    let before = env.ok(env.run(&["export"]));
    assert!(contains(&bytes(&env.db()), MARKER));

    // No passphrase and no terminal: refused, nothing changed.
    let was = bytes(&env.db());
    let run = env.run(&["encrypt"]);
    assert_eq!(run.code, 7, "{run:?}");
    assert!(run.stderr.contains("COACHLOG_PASSPHRASE"), "{run:?}");
    assert_eq!(bytes(&env.db()), was);

    let out = env.ok(env.run_env(PASS, &["encrypt"]));
    assert!(out.contains("Encrypted"), "{out}");
    assert!(out.contains("no system keyring"), "{out}");
    assert!(out.contains("no way to recover"), "{out}");
    assert!(!contains(&bytes(&env.db()), MARKER));
    for b in std::fs::read_dir(env.dir.path().join("backups")).unwrap() {
        let b = b.unwrap().path();
        assert!(!contains(&bytes(&b), MARKER), "{}", b.display());
    }

    // Encrypting again is refused as a conflict.
    let run = env.run_env(PASS, &["encrypt"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("already encrypted"), "{run:?}");

    // Every other command, with the passphrase from the environment...
    assert_eq!(env.ok(env.run_env(PASS, &["export"])), before);
    let found = env.ok(env.run_env(PASS, &["search", MARKER]));
    assert!(found.contains("Ada Lovelace"), "{found}");
    env.ok(env.run_env(PASS, &["person", "add", "Grace Hopper", "--title", "PM"]));
    // ...or from a file (its line break is not part of it).
    let pf = env.file("pass.txt");
    private_file(&pf, &format!("{PASS}\n"));
    let mut c = env.command(&["person", "list"]);
    c.arg("--passphrase-file").arg(&pf);
    let listed = env.ok(env.run_with(c));
    assert!(listed.contains("Grace Hopper"), "{listed}");
    let mut c = env.command(&["backup"]);
    c.arg("--passphrase-file").arg(&pf);
    env.ok(env.run_with(c));
    assert!(!contains(&bytes(&env.db()), MARKER));

    // Decrypt: the same records, in a plain file again.
    let mut c = env.command(&["decrypt"]);
    c.arg("--passphrase-file").arg(&pf);
    let out = env.ok(env.run_with(c));
    assert!(out.contains("plain SQLite files again"), "{out}");
    assert!(contains(&bytes(&env.db()), MARKER));
    let listed = env.ok(env.run(&["person", "list"]));
    assert!(listed.contains("Grace Hopper"), "{listed}");
    let run = env.run(&["decrypt"]);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("not encrypted"), "{run:?}");
}

#[test]
fn a_missing_or_wrong_passphrase_exits_7_and_changes_nothing() {
    let env = Env::new();
    team(&env);
    env.ok(env.run_env(PASS, &["encrypt", "--no-keyring"]));
    let was = bytes(&env.db());
    let backups = std::fs::read_dir(env.dir.path().join("backups"))
        .unwrap()
        .count();

    let cases: Vec<(&str, Run)> = vec![
        ("no passphrase, read", env.run(&["overview"])),
        ("no passphrase, write", env.run(&["person", "add", "X Y"])),
        ("no passphrase, backup", env.run(&["backup"])),
        ("no passphrase, decrypt", env.run(&["decrypt"])),
        ("wrong, read", env.run_env("not it", &["overview"])),
        (
            "wrong, write",
            env.run_env("not it", &["person", "add", "X Y"]),
        ),
        ("wrong, decrypt", env.run_env("not it", &["decrypt"])),
        (
            "wrong, restore",
            env.run_env("not it", &["restore", "--latest"]),
        ),
    ];
    for (label, run) in cases {
        assert_eq!(run.code, 7, "{label}: {run:?}");
        assert!(run.stderr.starts_with("error: "), "{label}: {run:?}");
        assert!(
            run.stderr.contains("COACHLOG_PASSPHRASE") || run.stderr.contains("does not open"),
            "{label}: {run:?}"
        );
        assert!(run.stdout.is_empty(), "{label}: {run:?}");
        assert_eq!(bytes(&env.db()), was, "{label}");
    }
    assert_eq!(
        std::fs::read_dir(env.dir.path().join("backups"))
            .unwrap()
            .count(),
        backups
    );

    // A bad passphrase source is its own, clear error.
    let empty = env.file("empty.txt");
    private_file(&empty, "");
    let mut c = env.command(&["overview"]);
    c.arg("--passphrase-file").arg(&empty);
    let run = env.run_with(c);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is empty"), "{run:?}");
    let mut c = env.command(&["overview"]);
    c.arg("--passphrase-file").arg(env.file("missing.txt"));
    let run = env.run_with(c);
    assert_eq!(run.code, 3, "{run:?}");
    let run = env.run_env("", &["overview"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("COACHLOG_PASSPHRASE is set but empty"),
        "{run:?}"
    );
    assert_eq!(bytes(&env.db()), was);

    // A passphrase file others may read is refused, and says how to fix it.
    let shared = env.file("shared.txt");
    std::fs::write(&shared, PASS).unwrap();
    let mut c = env.command(&["overview"]);
    c.arg("--passphrase-file").arg(&shared);
    let run = env.run_with(c);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("chmod 600"), "{run:?}");
    assert_eq!(bytes(&env.db()), was);

    // The passphrase file wins over the environment.
    let pf = env.file("pass.txt");
    private_file(&pf, PASS);
    let mut c = env.command(&["overview"]);
    c.arg("--passphrase-file")
        .arg(&pf)
        .env("COACHLOG_PASSPHRASE", "not it");
    env.ok(env.run_with(c));
}

#[test]
fn a_plain_database_ignores_a_passphrase_and_restore_uses_it() {
    let env = Env::new();
    team(&env);
    // A passphrase in the environment does not matter to a plain file.
    env.ok(env.run_env("anything", &["overview"]));
    env.ok(env.run_env(PASS, &["encrypt"]));
    env.ok(env.run_env(PASS, &["backup"]));
    env.ok(env.run_env(PASS, &["person", "add", "Grace Hopper", "--title", "PM"]));
    let out = env.ok(env.run_env(PASS, &["restore", "--latest"]));
    assert!(out.contains("Restored"), "{out}");
    let listed = env.ok(env.run_env(PASS, &["person", "list"]));
    assert!(!listed.contains("Grace Hopper"), "{listed}");
    assert!(listed.contains("Ada Lovelace"), "{listed}");
    assert!(!contains(&bytes(&env.db()), MARKER));
}

/// The keyring path end to end. Ignored by default (it needs a system
/// keyring and writes to it): `scripts/keyring.sh` runs it on a throw-away
/// Secret Service.
#[test]
#[ignore = "needs a system keyring: run scripts/keyring.sh"]
fn the_keyring_keeps_the_passphrase_between_commands() {
    let env = Env::new();
    team(&env);
    let with_keyring = |args: &[&str], pass: Option<&str>| {
        let mut c = env.command(args);
        c.env_remove("COACHLOG_KEYRING");
        if let Some(p) = pass {
            c.env("COACHLOG_PASSPHRASE", p);
        }
        env.run_with(c)
    };
    let out = env.ok(with_keyring(&["encrypt"], Some(PASS)));
    assert!(out.contains("is kept in"), "{out}");
    // Found in the keyring: no other source needed.
    let listed = env.ok(with_keyring(&["person", "list"], None));
    assert!(listed.contains("Ada Lovelace"), "{listed}");

    // A stale entry (the file re-encrypted without the keyring) is named.
    env.ok(env.run_env(PASS, &["decrypt"]));
    env.ok(env.run_env("another one", &["encrypt"]));
    let was = bytes(&env.db());
    let run = with_keyring(&["person", "list"], None);
    assert_eq!(run.code, 7, "{run:?}");
    assert!(
        run.stderr.contains("came from the system keyring"),
        "{run:?}"
    );
    assert_eq!(bytes(&env.db()), was);

    // decrypt removes the entry.
    let out = env.ok(with_keyring(&["decrypt"], Some("another one")));
    assert!(out.contains("was removed from"), "{out}");
    env.ok(with_keyring(&["encrypt", "--no-keyring"], Some(PASS)));
    let run = with_keyring(&["person", "list"], None);
    assert_eq!(run.code, 7, "{run:?}");
    assert!(
        !run.stderr.contains("came from the system keyring"),
        "{run:?}"
    );
}

/// Runs `coachlog` under a pseudo-terminal (`script`), answering each prompt
/// in `answers` once it shows; returns the exit code and everything the
/// terminal showed.
#[cfg(target_os = "linux")]
fn on_a_terminal(env: &Env, args: &[&str], answers: &[&str]) -> (i32, String) {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let mut line = format!(
        "{} --db {} --today {}",
        env!("CARGO_BIN_EXE_coachlog"),
        env.db().display(),
        common::TODAY
    );
    for a in args {
        line.push(' ');
        line.push_str(a);
    }
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("COACHLOG_PASSPHRASE")
        .env("COACHLOG_KEYRING", "off")
        .env("COACHLOG_NOW", "2026-11-27T09:00:00Z")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script(1) from util-linux runs");
    let shown = Arc::new(Mutex::new(String::new()));
    let mut out = child.stdout.take().unwrap();
    let reader = {
        let shown = Arc::clone(&shown);
        std::thread::spawn(move || {
            let mut buf = [0u8; 1024];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shown
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        })
    };
    let mut input = child.stdin.take().unwrap();
    for (i, answer) in answers.iter().enumerate() {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        // Wait for the (i+1)-th prompt, so that the answer is typed with
        // echo already off.
        while shown.lock().unwrap().matches("assphrase").count() <= i {
            assert!(
                std::time::Instant::now() < deadline,
                "no prompt: {}",
                shown.lock().unwrap()
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        input.write_all(format!("{answer}\n").as_bytes()).unwrap();
        input.flush().unwrap();
    }
    let status = child.wait().unwrap();
    drop(input);
    reader.join().unwrap();
    let text = shown.lock().unwrap().clone();
    (status.code().unwrap_or(-1), text)
}

#[cfg(target_os = "linux")]
#[test]
fn on_a_terminal_the_passphrase_is_asked_without_echo() {
    let env = Env::new();
    team(&env);
    let was = bytes(&env.db());
    let (code, shown) = on_a_terminal(&env, &["encrypt"], &["first try", "second try"]);
    assert_eq!(code, 2, "{shown}");
    assert!(shown.contains("differ"), "{shown}");
    assert_eq!(bytes(&env.db()), was);

    let (code, shown) = on_a_terminal(&env, &["encrypt"], &[PASS, PASS]);
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains("New passphrase") && shown.contains("again"),
        "{shown}"
    );
    assert!(!shown.contains(PASS), "the passphrase was echoed: {shown}");
    assert!(!contains(&bytes(&env.db()), MARKER));

    let (code, shown) = on_a_terminal(&env, &["person", "list"], &[PASS]);
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Ada Lovelace"), "{shown}");
    assert!(!shown.contains(PASS), "{shown}");
    let was = bytes(&env.db());
    let (code, shown) = on_a_terminal(&env, &["person", "list"], &["not it"]);
    assert_eq!(code, 7, "{shown}");
    assert!(shown.contains("does not open"), "{shown}");
    assert_eq!(bytes(&env.db()), was);
}

/// Writes a file only its owner may read, as a passphrase file must be.
fn private_file(path: &std::path::Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}
