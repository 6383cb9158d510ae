//! The desktop app's attack surface, read from its configuration: the
//! Content Security Policy in `tauri.conf.json`, the capabilities in
//! `capabilities/`, and the plugins the shell depends on. These tests fail
//! when a change widens the surface; widening it on purpose means changing
//! the allow-lists below and `docs/security.md` in the same change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use coachlog_desktop::COMMANDS;
use serde_json::Value;

/// Plugin (and `core:`) permissions the UI may be granted besides the app's
/// own commands. The notification plugin is used from Rust only (none of its
/// permissions); the dialog plugin's `save` answers the Export screen's
/// "Save as…" with a path and writes nothing.
const PLUGIN_PERMISSIONS: &[&str] = &["dialog:allow-save"];

/// The Tauri plugins the shell may use (each reviewed: what it can do, and
/// which of its permissions the window has, if any).
const PLUGINS: &[&str] = &[
    "tauri-plugin-notification",
    "tauri-plugin-single-instance",
    "tauri-plugin-dialog",
    "tauri-plugin-autostart",
];

/// Forbidden plugins that may still be in Cargo.lock as a library of an
/// allowed one, never registered: (plugin, the allowed plugin needing it).
/// tauri-plugin-dialog links tauri-plugin-fs for its scope types.
const LINKED_ONLY: &[(&str, &str)] = &[("tauri-plugin-fs", "tauri-plugin-dialog")];

/// Plugins that would give the webview the network, a shell or the file
/// system. None may be a dependency of the shell, directly or not.
const FORBIDDEN_PLUGINS: &[&str] = &[
    "tauri-plugin-http",
    "tauri-plugin-shell",
    "tauri-plugin-fs",
    "tauri-plugin-upload",
    "tauri-plugin-websocket",
    "tauri-plugin-process",
    "tauri-plugin-updater",
    "tauri-plugin-opener",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn config() -> Value {
    serde_json::from_str(&read(&repo().join("tauri.conf.json"))).expect("tauri.conf.json is JSON")
}

/// The CSP as directive → sources. Tauri accepts a string or an object whose
/// values are strings or lists of strings.
fn csp() -> BTreeMap<String, Vec<String>> {
    let conf = config();
    let csp = &conf["app"]["security"]["csp"];
    let mut out = BTreeMap::new();
    match csp {
        Value::String(s) => {
            for directive in s.split(';').map(str::trim).filter(|d| !d.is_empty()) {
                let mut words = directive.split_whitespace();
                let name = words.next().unwrap().to_ascii_lowercase();
                out.insert(name, words.map(str::to_string).collect());
            }
        }
        Value::Object(map) => {
            for (name, sources) in map {
                let sources = match sources {
                    Value::String(s) => s.split_whitespace().map(str::to_string).collect(),
                    Value::Array(a) => a
                        .iter()
                        .map(|v| v.as_str().expect("a CSP source is text").to_string())
                        .collect(),
                    other => panic!("CSP directive {name}: unexpected {other}"),
                };
                out.insert(name.to_ascii_lowercase(), sources);
            }
        }
        other => panic!("app.security.csp must be set (a string or an object), found {other}"),
    }
    out
}

#[test]
fn the_csp_allows_no_inline_eval_data_blob_or_remote_script() {
    let csp = csp();
    let script = csp
        .get("script-src")
        .or_else(|| csp.get("default-src"))
        .expect("the CSP has script-src or default-src");
    for bad in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        "data:",
        "blob:",
        "filesystem:",
        "*",
        "http:",
        "https:",
    ] {
        assert!(
            !script.iter().any(|s| s.eq_ignore_ascii_case(bad)),
            "script-src allows {bad}: {script:?}"
        );
    }
    assert_eq!(script, &["'self'"], "script-src is only 'self'");
    // script-src-elem / -attr, if ever added, obey the same rule.
    for name in ["script-src-elem", "script-src-attr"] {
        if let Some(sources) = csp.get(name) {
            assert_eq!(sources, &["'self'"], "{name}");
        }
    }
}

#[test]
fn the_csp_names_no_remote_source_and_shuts_objects_frames_and_forms() {
    let csp = csp();
    // The only http(s) source: Tauri's own IPC endpoint (custom protocol on
    // Windows and Android), which never leaves the machine.
    let local = ["http://ipc.localhost", "ipc:"];
    for (name, sources) in &csp {
        for s in sources {
            let lower = s.to_ascii_lowercase();
            let remote = lower.starts_with("http:")
                || lower.starts_with("https:")
                || lower.starts_with("ws:")
                || lower.starts_with("wss:")
                || lower.contains('*')
                || (lower.contains('.') && !lower.starts_with('\''));
            assert!(
                !remote || local.contains(&lower.as_str()),
                "{name} allows the remote source {s}"
            );
        }
    }
    for name in ["object-src", "frame-src", "base-uri", "form-action"] {
        assert_eq!(
            csp.get(name).map(Vec::as_slice),
            Some(&["'none'".to_string()][..]),
            "{name} must be 'none'"
        );
    }
    for name in ["img-src", "style-src", "font-src", "default-src"] {
        let sources = csp.get(name).unwrap_or_else(|| panic!("{name} is set"));
        assert!(
            !sources.iter().any(|s| {
                let s = s.to_ascii_lowercase();
                s == "'unsafe-inline'" || s == "data:" || s == "blob:" || s == "*"
            }),
            "{name}: {sources:?}"
        );
    }
    let connect = csp.get("connect-src").expect("connect-src is set");
    assert!(
        connect
            .iter()
            .all(|s| local.contains(&s.to_ascii_lowercase().as_str())),
        "connect-src reaches beyond the IPC: {connect:?}"
    );
}

#[test]
fn the_config_loads_nothing_remote_and_keeps_tauris_own_csp_handling() {
    let conf = config();
    let security = &conf["app"]["security"];
    assert_ne!(
        security["dangerousDisableAssetCspModification"],
        Value::Bool(true),
        "Tauri must keep adding the hashes of its own scripts"
    );
    assert!(
        security["assetProtocol"]["enable"] != Value::Bool(true),
        "the asset protocol (files from disk in the webview) is off"
    );
    assert!(
        security["dangerousRemoteDomainIpcAccess"].is_null(),
        "no remote domain gets IPC access"
    );
    assert_eq!(
        conf["app"]["withGlobalTauri"],
        Value::Bool(false),
        "window.__TAURI__ is not injected"
    );
    assert!(
        conf["build"]["devUrl"].is_null(),
        "no dev server URL: the UI is embedded"
    );
    let dist = conf["build"]["frontendDist"].as_str().unwrap_or_default();
    assert!(
        !dist.contains("://"),
        "frontendDist is a folder, not a URL: {dist}"
    );
    for window in conf["app"]["windows"].as_array().into_iter().flatten() {
        let url = window["url"].as_str().unwrap_or("index.html");
        assert!(!url.contains("://"), "a window loads a URL: {url}");
    }
}

/// Every capability file's granted permissions, by file.
fn capabilities() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "toml"))
        .map(|p| {
            assert!(
                p.extension().is_some_and(|x| x == "json"),
                "{}: only JSON capabilities are checked here",
                p.display()
            );
            let v = serde_json::from_str(&read(&p)).expect("a capability is JSON");
            (p, v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    // Capabilities written inline in tauri.conf.json count too.
    if let Some(inline) = config()["app"]["security"]["capabilities"].as_array() {
        for c in inline.iter().filter(|c| c.is_object()) {
            out.push((repo().join("tauri.conf.json"), c.clone()));
        }
    }
    out
}

#[test]
fn capabilities_grant_only_the_apps_own_commands_and_the_listed_plugin_permissions() {
    let own: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let caps = capabilities();
    assert!(!caps.is_empty(), "no capability file");
    let mut granted_plugin = Vec::new();
    for (path, cap) in &caps {
        let file = path.display();
        assert!(
            cap.get("remote").is_none(),
            "{file}: grants IPC to remote URLs"
        );
        assert_ne!(
            cap["local"],
            Value::Bool(false),
            "{file}: not for the local app"
        );
        assert_eq!(
            cap["windows"],
            serde_json::json!(["main"]),
            "{file}: windows"
        );
        assert!(
            cap.get("webviews").is_none(),
            "{file}: grants to other webviews"
        );
        for p in cap["permissions"]
            .as_array()
            .expect("permissions is a list")
        {
            let id = match p {
                Value::String(s) => s.as_str(),
                Value::Object(o) => {
                    assert!(
                        o.get("allow").is_none() && o.get("deny").is_none(),
                        "{file}: a scoped permission {p}"
                    );
                    o["identifier"].as_str().expect("a permission identifier")
                }
                other => panic!("{file}: unexpected permission {other}"),
            };
            if own.iter().any(|o| o == id) {
                continue;
            }
            assert!(
                PLUGIN_PERMISSIONS.contains(&id),
                "{file} grants {id:?}, which is neither one of the app's own commands \
                 (COMMANDS) nor in PLUGIN_PERMISSIONS"
            );
            granted_plugin.push(id.to_string());
        }
    }
    assert!(
        !granted_plugin
            .iter()
            .any(|p| p.ends_with(":default") || p.contains('*')),
        "a wildcard or default set: {granted_plugin:?}"
    );
    println!(
        "capabilities: {} own commands, plugin permissions {granted_plugin:?}",
        own.len()
    );
}

/// Cargo.lock's packages: name → the names of the packages they depend on.
fn locked_packages() -> BTreeMap<String, Vec<String>> {
    let lock = read(&repo().join("Cargo.lock"));
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let Some(name) = block
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .map(|n| n.trim_end_matches('"').to_string())
        else {
            continue;
        };
        let deps = block
            .split("dependencies = [")
            .nth(1)
            .map(|d| {
                d.split(']')
                    .next()
                    .unwrap_or_default()
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix('"'))
                    .map(|l| l.split([' ', '"']).next().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default();
        out.entry(name).or_default().extend::<Vec<String>>(deps);
    }
    out
}

/// Every `.rs` file of the shell's sources, concatenated.
fn shell_sources() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "rs") {
            text.push_str(&read(&p));
        }
    }
    text
}

#[test]
fn no_network_shell_or_file_system_plugin_is_a_dependency_or_registered() {
    let manifest = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    let workspace = read(&repo().join("Cargo.toml"));
    let locked = locked_packages();
    let sources = shell_sources();
    for plugin in FORBIDDEN_PLUGINS {
        for (what, text) in [
            ("src-tauri/Cargo.toml", &manifest),
            ("Cargo.toml", &workspace),
        ] {
            assert!(
                !text.lines().any(|l| l.trim_start().starts_with(plugin)),
                "{what} depends on {plugin}"
            );
        }
        let module = plugin.replace('-', "_");
        assert!(!sources.contains(&module), "src-tauri/src uses {module}");
        if locked.contains_key(*plugin) {
            let dependents: Vec<&String> = locked
                .iter()
                .filter(|(_, deps)| deps.iter().any(|d| d == plugin))
                .map(|(name, _)| name)
                .collect();
            let allowed: Vec<&str> = LINKED_ONLY
                .iter()
                .filter(|(p, _)| p == plugin)
                .map(|(_, by)| *by)
                .collect();
            assert!(
                !dependents.is_empty() && dependents.iter().all(|d| allowed.contains(&d.as_str())),
                "Cargo.lock has {plugin}, needed by {dependents:?}; only {allowed:?} may link it"
            );
        }
    }
    let plugins: Vec<&String> = locked
        .keys()
        .filter(|p| p.starts_with("tauri-plugin-"))
        .filter(|p| !LINKED_ONLY.iter().any(|(l, _)| l == p))
        .collect();
    println!("tauri plugins in Cargo.lock: {plugins:?}");
    assert!(
        plugins.iter().all(|p| PLUGINS.contains(&p.as_str())),
        "a new Tauri plugin: {plugins:?}; review it, then add it to PLUGINS and docs/security.md"
    );
}
