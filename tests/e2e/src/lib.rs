//! The end-to-end harness: starts the built Coachlog desktop app through
//! `tauri-driver` (which drives it with WebKitWebDriver) on a fresh, empty
//! database, and gives the tests a small vocabulary over the real webview's
//! DOM — wait for, click, type, read, screenshot.
//!
//! Every [`App`] owns:
//! - a temporary folder holding its database (`COACHLOG_DB`) and its
//!   `XDG_DATA_HOME` / `XDG_CONFIG_HOME` / `XDG_CACHE_HOME`, so nothing of the
//!   user's own data is read or written;
//! - its own `tauri-driver` on two free ports, stopped with SIGTERM when the
//!   `App` is dropped — also when a test panics — after which any process it
//!   started that is still alive (WebKitWebDriver, the app) is stopped by pid.
//!
//! The tests need an X display and a D-Bus session bus (the app's
//! single-instance lock lives on the bus): `scripts/e2e.sh` runs them under
//! `xvfb-run` and `dbus-run-session`. See `docs/testing.md`.
//!
//! Environment:
//! - `COACHLOG_APP`: the app binary (default `target/debug/coachlog-desktop`).
//! - `TAURI_DRIVER`: the `tauri-driver` binary (default: `PATH`, then
//!   `~/.cargo/bin`).
//! - `E2E_TIMEOUT_SECS`: how long a wait may take before it fails (default 20).
//! - `E2E_SCREENSHOTS`: where [`App::screenshot`] writes (default
//!   `docs/screenshots`); `0` turns screenshots off.
//! - `E2E_TRACE=1`: print each step (with `-- --nocapture`).
//!
//! Do not set `WEBKIT_DISABLE_COMPOSITING_MODE=1` for these tests: with it,
//! WebKitWebDriver's screenshot of some screens never answers.

pub mod clock;

use std::collections::HashMap;
use std::fs;
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tempfile::TempDir;

/// The repository's root (this crate lives in `tests/e2e`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs one test's async body on a fresh single-threaded runtime.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("start a tokio runtime")
        .block_on(future)
}

/// One app at a time: the driver's app, its single-instance lock and the
/// screen are shared, so tests take this lock even when the harness runs
/// them in parallel.
pub fn serial() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

fn timeout() -> Duration {
    let secs = std::env::var("E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

const POLL: Duration = Duration::from_millis(100);

/// With `E2E_TRACE=1`, prints each step to stderr (seen with `--nocapture`).
fn trace(what: impl std::fmt::Display) {
    if std::env::var_os("E2E_TRACE").is_some_and(|v| v == "1") {
        eprintln!(
            "[e2e {:?}] {what}",
            std::time::SystemTime::UNIX_EPOCH
                .elapsed()
                .unwrap_or_default()
                .as_millis()
                % 1_000_000
        );
    }
}

/// Runs one WebDriver command with a time limit, so that a command the
/// driver never answers fails the test instead of hanging the run.
async fn bounded<T, E: std::fmt::Display>(
    what: &str,
    command: impl Future<Output = Result<T, E>>,
) -> Result<T, String> {
    match tokio::time::timeout(timeout(), command).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(format!("{what}: {e}")),
        Err(_) => Err(format!(
            "{what}: no answer from the driver within {:?}",
            timeout()
        )),
    }
}

/// The app binary to drive.
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("COACHLOG_APP").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|p| !p.is_empty())
        .map_or_else(|| repo_root().join("target"), PathBuf::from);
    target.join("debug").join("coachlog-desktop")
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join("tauri-driver");
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let candidate = home.join(".cargo/bin/tauri-driver");
    if candidate.is_file() {
        return candidate;
    }
    panic!(
        "tauri-driver is not installed. Install it with `cargo install tauri-driver --locked \
         --version '^2'` (scripts/setup.sh --test does), or set TAURI_DRIVER."
    );
}

/// Checks what the app needs around it before anything starts, so that a
/// run outside `scripts/e2e.sh` fails with a message rather than a hang.
fn check_environment() -> PathBuf {
    let missing = |var: &str| !matches!(std::env::var_os(var), Some(v) if !v.is_empty());
    if missing("DISPLAY") || missing("DBUS_SESSION_BUS_ADDRESS") {
        panic!(
            "the end-to-end tests need an X display and a D-Bus session bus. Run them with \
             scripts/e2e.sh, or under `xvfb-run -a dbus-run-session -- cargo test -p coachlog-e2e`."
        );
    }
    let app = app_binary();
    assert!(
        app.is_file(),
        "the app binary {} does not exist. Build the UI and the app first: \
         `npm --prefix ui run build && cargo build -p coachlog-desktop` (scripts/e2e.sh does).",
        app.display()
    );
    app
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free local port")
}

fn port_open(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

// ---- Processes ------------------------------------------------------------------

/// Parent pid of every process, from `/proc`.
fn parents() -> HashMap<u32, u32> {
    let mut out = HashMap::new();
    let Ok(entries) = fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if let Ok(stat) = fs::read_to_string(entry.path().join("stat")) {
            // "pid (comm) state ppid …": comm may hold spaces and parentheses.
            if let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) {
                if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
                    out.insert(pid, ppid);
                }
            }
        }
    }
    out
}

/// Every process below `root` (children, grandchildren…).
fn descendants(root: u32) -> Vec<u32> {
    let parents = parents();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(parents.iter().filter(|(_, pp)| **pp == p).map(|(c, _)| *c));
        i += 1;
    }
    found.remove(0);
    found
}

/// Whether a process is running (a zombie is not).
fn alive(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

#[derive(Clone, Copy)]
enum Sig {
    Term,
    Kill,
}

fn signal(pid: u32, sig: Sig) {
    let sig = match sig {
        Sig::Term => rustix::process::Signal::TERM,
        Sig::Kill => rustix::process::Signal::KILL,
    };
    if let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        let _ = rustix::process::kill_process(pid, sig);
    }
}

/// Sends SIGTERM to `pids`, waits up to `grace` for them to go, then SIGKILL.
fn terminate(pids: &[u32], grace: Duration) {
    let live: Vec<u32> = pids.iter().copied().filter(|p| alive(*p)).collect();
    if live.is_empty() {
        return;
    }
    for p in &live {
        signal(*p, Sig::Term);
    }
    let start = Instant::now();
    while start.elapsed() < grace && live.iter().any(|p| alive(*p)) {
        std::thread::sleep(POLL);
    }
    for p in live.iter().filter(|p| alive(**p)) {
        signal(*p, Sig::Kill);
    }
}

/// A running `tauri-driver`. Dropping it stops it with SIGTERM (never
/// SIGKILL first: that leaves WebKitWebDriver holding the output and the
/// test command hangs), then stops whatever it started that is still alive.
struct Driver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Driver {
    fn start(env: &[(&str, PathBuf)], log: PathBuf) -> Driver {
        let port = free_port();
        let native_port = loop {
            let p = free_port();
            if p != port {
                break p;
            }
        };
        let out = fs::File::create(&log).expect("create the driver log");
        let err = out.try_clone().expect("clone the driver log handle");
        let mut cmd = Command::new(tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start tauri-driver");
        let mut driver = Driver { child, port, log };
        let start = Instant::now();
        while !(port_open(port) && port_open(native_port)) {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "tauri-driver exited ({status}) before listening.\n{}",
                    driver.log_tail()
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "tauri-driver did not listen on ports {port} and {native_port} within 30 s.\n{}",
                driver.log_tail()
            );
            std::thread::sleep(POLL);
        }
        driver
    }

    fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let from = lines.len().saturating_sub(60);
        format!(
            "--- last lines of {} ---\n{}",
            self.log.display(),
            lines[from..].join("\n")
        )
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let pid = self.child.id();
        let below = descendants(pid);
        if matches!(self.child.try_wait(), Ok(None)) {
            signal(pid, Sig::Term);
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) {
                if !matches!(self.child.try_wait(), Ok(None)) {
                    break;
                }
                std::thread::sleep(POLL);
            }
            if matches!(self.child.try_wait(), Ok(None)) {
                let _ = self.child.kill();
                let _ = self.child.wait();
            }
        }
        // tauri-driver kills WebKitWebDriver; the app it launched may outlive it.
        terminate(&below, Duration::from_secs(5));
    }
}

/// Runs the app binary directly (no WebDriver), as a user starts it, on the
/// database `db` with its XDG folders under `dir`, for `time`; then stops it
/// (SIGTERM, then SIGKILL) with every process it started, and returns what
/// it wrote to standard output and standard error. Needs the same display
/// and session bus as [`App::launch`]; stop any [`App`] first (the
/// single-instance lock would hand the start over to it).
pub fn run_app_for(db: &Path, dir: &Path, time: Duration) -> String {
    run_app_with(db, dir, &[], time).1
}

/// [`run_app_for`] with `args` on the command line (as the login entry's
/// `--tray`); also returns how the app ended if it ended within `time`
/// (`None`: it was still running and was stopped).
pub fn run_app_with(
    db: &Path,
    dir: &Path,
    args: &[&str],
    time: Duration,
) -> (Option<ExitStatus>, String) {
    let app = check_environment();
    let log = dir.join("app-output.log");
    let out = fs::File::create(&log).expect("create the app's output log");
    let err = out.try_clone().expect("clone the log handle");
    let mut cmd = Command::new(app);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .env("COACHLOG_DB", db)
        .env("NO_AT_BRIDGE", "1");
    for (var, sub) in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("HOME", "home"),
    ] {
        let p = dir.join(sub);
        fs::create_dir_all(&p).expect("create an XDG folder");
        cmd.env(var, p);
    }
    let mut child = cmd.spawn().expect("start the app");
    let start = Instant::now();
    let mut ended = None;
    while start.elapsed() < time {
        if let Ok(Some(status)) = child.try_wait() {
            ended = Some(status);
            break;
        }
        std::thread::sleep(POLL);
    }
    let below = descendants(child.id());
    terminate(&[child.id()], Duration::from_secs(5));
    let _ = child.wait();
    terminate(&below, Duration::from_secs(2));
    (ended, fs::read_to_string(&log).unwrap_or_default())
}

// ---- The app ---------------------------------------------------------------------

/// Runs the `coachlog` command (`$COACHLOG_CLI`, else the debug build next to
/// the app) on `db` with `args`, and returns its standard output; panics with
/// its error output when it fails. Used to prepare a database before the app
/// starts, and to check what the app wrote.
pub fn cli(db: &Path, args: &[&str]) -> String {
    let binary = std::env::var_os("COACHLOG_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| app_binary().with_file_name("coachlog"));
    let out = std::process::Command::new(&binary)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()));
    assert!(
        out.status.success(),
        "coachlog {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How the app's native dialogs answer in a test (the end-to-end build has
/// the `test-dialogs` feature: WebDriver cannot reach a native dialog, so
/// the app reads its answers from `COACHLOG_TEST_DIALOGS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialogs {
    /// Save As saves into [`App::saved_folder`] under the name offered;
    /// every confirmation is a yes.
    Agree,
    /// Save As is cancelled; every confirmation is a no.
    Refuse,
}

/// Whether the app binary reads `COACHLOG_TEST_DIALOGS` (built with the
/// `test-dialogs` feature): without it, the first native dialog would wait
/// for a click that never comes.
fn answers_dialogs(app: &Path) -> bool {
    static ANSWERS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWERS.get_or_init(|| {
        let bytes = fs::read(app).unwrap_or_default();
        let needle = b"COACHLOG_TEST_DIALOGS";
        bytes.windows(needle.len()).any(|w| w == needle)
    })
}

/// The app under test, started on an empty database, with its WebDriver session.
pub struct App {
    client: Client,
    name: String,
    db: PathBuf,
    env: Vec<(&'static str, PathBuf)>,
    driver: Driver,
    // Last, so that it is removed after the driver has stopped.
    dir: TempDir,
}

impl App {
    /// Starts the app on a fresh, empty database. `name` names the test (for
    /// the failure screenshot and logs).
    pub async fn launch(name: &str) -> App {
        App::launch_with(name, |_| {}).await
    }

    /// Starts the app on a database that `seed` fills first (it gets the
    /// database path; see [`cli`] for the `coachlog` command). Its dialogs
    /// [agree](Dialogs::Agree).
    pub async fn launch_with(name: &str, seed: impl FnOnce(&Path)) -> App {
        App::launch_answering(name, Dialogs::Agree, seed).await
    }

    /// Starts the app on a database that `seed` fills first, its native
    /// dialogs answering as `dialogs` says.
    pub async fn launch_answering(name: &str, dialogs: Dialogs, seed: impl FnOnce(&Path)) -> App {
        App::start(name, dialogs, &[], &[], seed).await
    }

    /// Starts the app on a database that `seed` fills first, with `extra`
    /// environment variables (`GTK_THEME` for the dark theme, say).
    pub async fn launch_env(
        name: &str,
        extra: &[(&'static str, &str)],
        seed: impl FnOnce(&Path),
    ) -> App {
        App::start(name, Dialogs::Agree, &[], extra, seed).await
    }

    /// [`App::launch_answering`], with the app's Open dialogs answering
    /// `opens`, one file per question, in order (then cancelled).
    pub async fn launch_opening(
        name: &str,
        dialogs: Dialogs,
        opens: &[&Path],
        seed: impl FnOnce(&Path),
    ) -> App {
        App::start(name, dialogs, opens, &[], seed).await
    }

    async fn start(
        name: &str,
        dialogs: Dialogs,
        opens: &[&Path],
        extra: &[(&'static str, &str)],
        seed: impl FnOnce(&Path),
    ) -> App {
        let app = check_environment();
        assert!(
            answers_dialogs(&app),
            "{} was built without the `test-dialogs` feature, so its native dialogs would wait \
             for a click. Build it with `cargo build -p coachlog-desktop --features test-dialogs` \
             (scripts/e2e.sh does).",
            app.display()
        );
        let dir = tempfile::Builder::new()
            .prefix("coachlog-e2e-")
            .tempdir()
            .expect("create a temporary folder");
        let db = dir.path().join("coachlog.sqlite");
        seed(&db);
        let saved = dir.path().join("saved");
        fs::create_dir_all(&saved).expect("create the folder saves go into");
        let answers = match dialogs {
            Dialogs::Agree => format!(
                "save-into={};confirm=yes;log={}",
                saved.display(),
                dir.path().join("dialogs.log").display()
            ),
            Dialogs::Refuse => format!(
                "confirm=no;log={}",
                dir.path().join("dialogs.log").display()
            ),
        };
        let answers = opens
            .iter()
            .fold(answers, |a, file| format!("{a};open={}", file.display()));
        let env: Vec<(&'static str, PathBuf)> = vec![
            ("COACHLOG_TEST_DIALOGS", PathBuf::from(answers)),
            ("COACHLOG_DB", db.clone()),
            ("XDG_DATA_HOME", dir.path().join("data")),
            ("XDG_CONFIG_HOME", dir.path().join("config")),
            ("XDG_CACHE_HOME", dir.path().join("cache")),
            // The autostart plugin writes the login entry under
            // $HOME/.config/autostart: never the real one.
            ("HOME", dir.path().join("home")),
            // No accessibility bus: it only adds D-Bus time-outs here.
            ("NO_AT_BRIDGE", PathBuf::from("1")),
        ];
        let mut env = env;
        env.extend(extra.iter().map(|(k, v)| (*k, PathBuf::from(v))));
        for (k, v) in &env {
            if k.starts_with("XDG_") || *k == "HOME" {
                fs::create_dir_all(v).expect("create an XDG folder");
            }
        }
        trace(format_args!(
            "starting tauri-driver for {name} in {}",
            dir.path().display()
        ));
        let driver = Driver::start(&env, dir.path().join("driver.log"));
        trace(format_args!(
            "tauri-driver listens on {}; starting a session",
            driver.port
        ));

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": app }));
        let client = match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
        {
            Ok(c) => c,
            Err(e) => panic!(
                "could not start a WebDriver session with {}: {e}\n{}",
                app.display(),
                driver.log_tail()
            ),
        };
        trace("session started");
        App {
            client,
            name: name.to_string(),
            db,
            env,
            driver,
            dir,
        }
    }

    /// The WebDriver client, for anything the helpers below do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The database file this app runs on.
    pub fn db_path(&self) -> &Path {
        &self.db
    }

    /// The app's private folder (database, XDG folders, logs).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Where an agreeing Save As dialog saves.
    pub fn saved_folder(&self) -> PathBuf {
        self.dir.path().join("saved")
    }

    /// The titles of the native dialogs the app has asked, in order.
    pub fn dialogs_asked(&self) -> Vec<String> {
        fs::read_to_string(self.dir.path().join("dialogs.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Closes the session (and so the window) and stops the driver.
    pub async fn quit(self) {
        trace("closing the session");
        let App { client, driver, .. } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        drop(driver);
    }

    /// A failure report: `msg`, the current route, the page's visible text,
    /// the driver's log, and a screenshot saved in `target/e2e-artifacts/`.
    /// Use as `panic!("{}", app.failure("…").await)`.
    pub async fn failure(&self, msg: impl AsRef<str>) -> String {
        let msg = msg.as_ref();
        let artifacts = repo_root().join("target/e2e-artifacts");
        let _ = fs::create_dir_all(&artifacts);
        let shot = artifacts.join(format!("{}-failure.png", self.name));
        let shot_note = match bounded("screenshot", self.client.screenshot()).await {
            Ok(png) if fs::write(&shot, &png).is_ok() => format!("screenshot: {}", shot.display()),
            _ => "no screenshot".to_string(),
        };
        let _ = fs::copy(
            &self.driver.log,
            artifacts.join(format!("{}-driver.log", self.name)),
        );
        let state = bounded(
            "read the page",
            self.client.execute(
                "return [location.hash, (document.body ? document.body.innerText : '').slice(0, 1500)];",
                vec![],
            ),
        )
        .await
        .unwrap_or(Value::Null);
        format!(
            "{msg}\nroute: {}\n{shot_note}\nvisible text:\n{}\n{}",
            state[0].as_str().unwrap_or("?"),
            state[1].as_str().unwrap_or("?"),
            self.driver.log_tail()
        )
    }

    /// Fails the test with a [`failure`](App::failure) report unless `ok`.
    pub async fn ensure(&self, ok: bool, msg: impl AsRef<str>) {
        if !ok {
            panic!("{}", self.failure(msg).await);
        }
    }

    /// Polls `check` until it gives `Some`, or fails with `what` after the timeout.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, mut check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        trace(format_args!("waiting for {what}"));
        let start = Instant::now();
        loop {
            if let Some(v) = check().await {
                return v;
            }
            if start.elapsed() > timeout() {
                panic!(
                    "{}",
                    self.failure(format!(
                        "timed out after {:?} waiting for {what}",
                        timeout()
                    ))
                    .await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Every element matching `css` (none is not an error; a driver that
    /// fails or does not answer is: the test fails with its message, rather
    /// than reading it as "no elements").
    pub async fn all(&self, css: &str) -> Vec<Element> {
        match bounded("find", self.client.find_all(Locator::Css(css))).await {
            Ok(found) => found,
            Err(err) => panic!(
                "{}",
                self.failure(format!("could not look for `{css}`: {err}"))
                    .await
            ),
        }
    }

    /// Waits for an element matching `css` that is displayed.
    pub async fn find(&self, css: &str) -> Element {
        self.wait_until(&format!("`{css}` to show"), || async move {
            for e in self.all(css).await {
                if bounded("is displayed", e.is_displayed()).await == Ok(true) {
                    return Some(e);
                }
            }
            None
        })
        .await
    }

    /// The first element matching `css` whose text contains `needle`, now.
    async fn with_text(&self, css: &str, needle: &str) -> Option<Element> {
        for e in self.all(css).await {
            if bounded("text", e.text())
                .await
                .is_ok_and(|t| t.contains(needle))
            {
                return Some(e);
            }
        }
        None
    }

    /// Waits for an element matching `css` whose text contains `needle`.
    pub async fn find_text(&self, css: &str, needle: &str) -> Element {
        self.wait_until(&format!("`{css}` with the text {needle:?}"), || {
            self.with_text(css, needle)
        })
        .await
    }

    /// Waits for an element matching `css` whose text contains `needle`;
    /// returns its whole text.
    pub async fn text_with(&self, css: &str, needle: &str) -> String {
        let e = self.find_text(css, needle).await;
        self.text_of(&e).await
    }

    /// Waits until no element matching `css` contains `needle`.
    pub async fn wait_no_text(&self, css: &str, needle: &str) {
        self.wait_until(
            &format!("no `{css}` with the text {needle:?}"),
            || async move { self.with_text(css, needle).await.is_none().then_some(()) },
        )
        .await;
    }

    /// Waits until nothing matches `css`; `what` names the wait.
    pub async fn wait_none(&self, what: &str, css: &str) {
        self.wait_until(what, || async move {
            self.all(css).await.is_empty().then_some(())
        })
        .await;
    }

    /// The texts of every element matching `css`, now.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.all(css).await {
            out.push(bounded("text", e.text()).await.unwrap_or_default());
        }
        out
    }

    /// Waits for `css` and clicks it.
    pub async fn click(&self, css: &str) {
        trace(format_args!("click {css}"));
        let e = self.find(css).await;
        if let Err(err) = bounded("click", e.click()).await {
            panic!(
                "{}",
                self.failure(format!("could not click `{css}`: {err}"))
                    .await
            );
        }
    }

    /// Clicks an element found earlier.
    pub async fn click_on(&self, e: &Element, what: &str) {
        trace(format_args!("click {what}"));
        if let Err(err) = bounded("click", e.click()).await {
            panic!(
                "{}",
                self.failure(format!("could not click {what}: {err}")).await
            );
        }
    }

    /// The first element matching `css` inside `parent`.
    pub async fn find_in(&self, parent: &Element, css: &str) -> Element {
        match bounded("find", parent.find(Locator::Css(css))).await {
            Ok(e) => e,
            Err(err) => panic!(
                "{}",
                self.failure(format!("no `{css}` in the element: {err}"))
                    .await
            ),
        }
    }

    /// An attribute of an element (`None` when absent).
    pub async fn attr(&self, e: &Element, name: &str) -> Option<String> {
        bounded("attribute", e.attr(name)).await.ok().flatten()
    }

    /// A property of an element, as text (`value` of an input…).
    pub async fn prop(&self, e: &Element, name: &str) -> Option<String> {
        bounded("property", e.prop(name)).await.ok().flatten()
    }

    /// The text of an element ('' when it cannot be read).
    pub async fn text_of(&self, e: &Element) -> String {
        bounded("text", e.text()).await.unwrap_or_default()
    }

    /// How many windows the session sees.
    pub async fn window_count(&self) -> usize {
        match bounded("windows", self.client.windows()).await {
            Ok(w) => w.len(),
            Err(err) => panic!(
                "{}",
                self.failure(format!("could not list the windows: {err}"))
                    .await
            ),
        }
    }

    /// Waits for `css` and types `text` into it (`\n` is the Enter key).
    pub async fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css).await;
        self.type_keys(&e, text).await;
    }

    /// Types `text` into an element (`\n` is the Enter key).
    pub async fn type_keys(&self, e: &Element, text: &str) {
        trace(format_args!("type {text:?}"));
        let keys = text.replace('\n', &Key::Enter.to_string());
        if let Err(err) = bounded("type", e.send_keys(&keys)).await {
            panic!(
                "{}",
                self.failure(format!("could not type {text:?}: {err}"))
                    .await
            );
        }
    }

    /// Types into whatever has the keyboard focus (keyboard-first flows).
    pub async fn type_focused(&self, text: &str) {
        let e = match bounded("the focused element", self.client.active_element()).await {
            Ok(e) => e,
            Err(err) => panic!(
                "{}",
                self.failure(format!("no focused element: {err}")).await
            ),
        };
        self.type_keys(&e, text).await;
    }

    /// Presses Ctrl+Enter in the element that has the focus.
    pub async fn ctrl_enter(&self) {
        let chord = format!("{}{}{}", Key::Control, Key::Enter, Key::Null);
        self.type_focused(&chord).await;
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        match bounded("script", self.client.execute(script, vec![])).await {
            Ok(v) => v,
            Err(err) => panic!(
                "{}",
                self.failure(format!("script failed: {err}\n{script}"))
                    .await
            ),
        }
    }

    /// The `id` (or else `data-testid`) of the focused element.
    pub async fn focused(&self) -> String {
        self.js("const e = document.activeElement; \
             return e ? (e.id || e.getAttribute('data-testid') || e.tagName) : '';")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Today by the webview's clock (the app's "today" is the machine's
    /// local date).
    pub async fn today(&self) -> chrono::NaiveDate {
        let s = self
            .js("const d = new Date(); return d.getFullYear() + '-' \
                 + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');")
            .await;
        chrono::NaiveDate::parse_from_str(s.as_str().unwrap_or_default(), "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("the webview's date {s} is not a date: {e}"))
    }

    /// The current hash route (`#/person/1?focus=…`).
    pub async fn route(&self) -> String {
        self.js("return location.hash;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Dismisses every toast (so screenshots show the screen alone).
    pub async fn dismiss_toasts(&self) {
        for b in self.all(".toasts button[aria-label='Dismiss']").await {
            let _ = bounded("click", b.click()).await;
        }
        self.wait_none("the toasts to go", ".toasts .toast").await;
    }

    /// Saves a screenshot of the window as `<E2E_SCREENSHOTS>/<name>.png`
    /// (default `docs/screenshots`), after dismissing toasts and letting the
    /// layout settle.
    pub async fn screenshot(&self, name: &str) {
        let dir = match std::env::var_os("E2E_SCREENSHOTS") {
            Some(d) if d == "0" => return,
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => repo_root().join("docs/screenshots"),
        };
        self.dismiss_toasts().await;
        // Nothing hovered or half-drawn: wait for two animation frames.
        let _ = bounded(
            "wait for a frame",
            self.client.execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            ),
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = match bounded("screenshot", self.client.screenshot()).await {
            Ok(png) => png,
            Err(err) => panic!(
                "{}",
                self.failure(format!("screenshot {name} failed: {err}"))
                    .await
            ),
        };
        fs::create_dir_all(&dir).expect("create the screenshot folder");
        let path = dir.join(format!("{name}.png"));
        fs::write(&path, png).expect("write the screenshot");
    }

    /// The app's own process (the one running [`app_binary`], started by
    /// WebKitWebDriver under this app's `tauri-driver`) and every process
    /// below it (WebKit's web and network processes…), each with its
    /// command name from `/proc/<pid>/comm`. Linux only; empty elsewhere.
    pub fn app_processes(&self) -> Vec<(u32, String)> {
        let binary = fs::canonicalize(app_binary()).unwrap_or_else(|_| app_binary());
        let comm = |pid: u32| {
            fs::read_to_string(format!("/proc/{pid}/comm"))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for pid in descendants(self.driver.child.id()) {
            let exe = fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            // A rebuilt binary shows as "<path> (deleted)" while it runs.
            let exe = exe.to_string_lossy();
            let exe = exe.strip_suffix(" (deleted)").unwrap_or(&exe);
            if Path::new(exe) == binary && alive(pid) {
                out.push((pid, comm(pid)));
                out.extend(
                    descendants(pid)
                        .into_iter()
                        .filter(|p| alive(*p))
                        .map(|p| (p, comm(p))),
                );
            }
        }
        out
    }

    /// The names owned on the D-Bus session bus (via `dbus-send`), or `None`
    /// when they cannot be listed.
    pub fn session_bus_names(&self) -> Option<Vec<String>> {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--dest=org.freedesktop.DBus",
                "--type=method_call",
                "--print-reply",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.ListNames",
            ])
            .stderr(Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        let text = String::from_utf8_lossy(&out.stdout);
        Some(
            text.lines()
                .filter_map(|l| l.trim().strip_prefix("string \""))
                .map(|l| l.trim_end_matches('"').to_string())
                .collect(),
        )
    }

    /// Starts the app binary a second time, as a user would, with the same
    /// database and environment; returns how it ended within `within` (or
    /// `None`, after stopping it, if it was still running).
    pub fn start_again(&self, within: Duration) -> (Option<ExitStatus>, String) {
        let log = self.dir.path().join("second-start.log");
        let out = fs::File::create(&log).expect("create the second start's log");
        let err = out.try_clone().expect("clone the log handle");
        let mut cmd = Command::new(app_binary());
        cmd.stdin(Stdio::null()).stdout(out).stderr(err);
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start the app a second time");
        let start = Instant::now();
        let status = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break Some(status);
            }
            if start.elapsed() > within {
                let below = descendants(child.id());
                terminate(&[child.id()], Duration::from_secs(5));
                let _ = child.wait();
                terminate(&below, Duration::from_secs(2));
                break None;
            }
            std::thread::sleep(POLL);
        };
        (status, fs::read_to_string(&log).unwrap_or_default())
    }
}
