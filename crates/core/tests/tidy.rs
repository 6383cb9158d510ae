//! The invariants of ARCHITECTURE.md that the compiler cannot check, checked
//! by reading the sources (in the manner of rust-analyzer's `tidy.rs`).
//!
//! Each check names the file and line of what it found, and says what to do
//! instead. `cargo test -p coachlog-core --test tidy` runs them alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Every file under `dir` (relative to the root) whose name ends in `ext`,
/// sorted.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.to_string_lossy().ends_with(ext) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), ext, &mut out);
    out.sort();
    out
}

/// A path as the failure messages show it: relative to the root.
fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The lines of a Rust file that are code: comment lines (`//`, `///`,
/// `//!`) are left out, and so is the code after a `#[cfg(test)]` line (a
/// file's test module comes last).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

/// Whether `word` stands in `line` as a whole word.
fn has_word(line: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// The SQL statement words of `line` that write or configure, if any:
/// `SELECT`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`, `PRAGMA`.
fn sql_in(line: &str) -> Option<&'static str> {
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    for (i, w) in words.iter().enumerate() {
        match *w {
            "SELECT" => return Some("SELECT"),
            "PRAGMA" => return Some("PRAGMA"),
            "INSERT" if at(i + 1) == "INTO" || at(i + 1) == "OR" => return Some("INSERT"),
            "DELETE" if at(i + 1) == "FROM" => return Some("DELETE FROM"),
            "UPDATE" if at(i + 2) == "SET" => return Some("UPDATE … SET"),
            _ => {}
        }
    }
    None
}

/// Fails with every finding, one per line.
fn check(what: &str, findings: Vec<String>) {
    assert!(
        findings.is_empty(),
        "{what}:\n{}",
        findings
            .iter()
            .map(|f| format!("  {f}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The names of a manifest's dependencies, with their lines: those of the
/// sections whose header contains `section` (`dependencies` for all,
/// `[dependencies]` for the program's own).
fn dependencies(manifest: &Path, section: &str) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let mut in_deps = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line.contains(section);
            continue;
        }
        if in_deps && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                out.push((i + 1, name.trim().to_string()));
            }
        }
    }
    out
}

/// The D-Bus crates the desktop ships (the single-instance, notification
/// and keyring code all talk D-Bus): one version of each in the lock file,
/// or the binary carries two D-Bus stacks (zbus 5 and 6 did, until
/// notify-rust was held at 4.18; docs/performance.md).
const DBUS_CRATES: &[&str] = &[
    "zbus",
    "zbus_macros",
    "zbus_names",
    "zvariant",
    "zvariant_derive",
];

#[test]
fn the_app_ships_one_version_of_each_dbus_crate() {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let mut versions: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = DBUS_CRATES
                .iter()
                .find(|c| n.trim_matches('"') == **c)
                .copied();
        } else if let (Some(n), Some(v)) = (name, line.strip_prefix("version = ")) {
            versions
                .entry(n)
                .or_default()
                .push(v.trim_matches('"').to_string());
            name = None;
        }
    }
    assert!(
        versions.contains_key("zbus"),
        "Cargo.lock lists no zbus: the check reads the lock file wrongly"
    );
    check(
        "Cargo.lock has two versions of a D-Bus crate (hold back the crate that pulls the \
         newer one: `cargo tree -i zbus@<version>` names it)",
        versions
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(n, v)| format!("{n}: {}", v.join(", ")))
            .collect(),
    );
}

#[test]
fn the_core_has_no_tauri_tokio_or_ui_dependency() {
    let manifest = root().join("crates/core/Cargo.toml");
    let banned = [
        "tauri",
        "tokio",
        "wry",
        "tao",
        "gtk",
        "webkit",
        "clap",
        "rpassword",
    ];
    let findings = dependencies(&manifest, "dependencies")
        .into_iter()
        .filter(|(_, name)| banned.iter().any(|b| name.starts_with(b)))
        .map(|(line, name)| {
            format!(
                "{}:{line}: the core depends on `{name}`; keep it free of the desktop shell, \
                 async runtimes and terminals (put this in src-tauri or crates/cli)",
                shown(&manifest)
            )
        })
        .collect();
    check("the core must stay a plain library", findings);
}

#[test]
fn no_sql_and_no_rusqlite_outside_the_core() {
    let mut findings = Vec::new();
    for manifest in ["crates/cli/Cargo.toml", "src-tauri/Cargo.toml"] {
        let path = root().join(manifest);
        for (line, name) in dependencies(&path, "[dependencies]") {
            if name == "rusqlite" {
                findings.push(format!(
                    "{manifest}:{line}: depends on rusqlite; the database is the core's alone"
                ));
            }
        }
    }
    for dir in ["crates/cli/src", "src-tauri/src"] {
        for path in files(dir, ".rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in code_lines(&text) {
                if has_word(line, "rusqlite") {
                    findings.push(format!("{}:{n}: names rusqlite", shown(&path)));
                }
                if let Some(sql) = sql_in(line) {
                    findings.push(format!(
                        "{}:{n}: SQL ({sql}) outside the core",
                        shown(&path)
                    ));
                }
            }
        }
    }
    check(
        "the CLI and the shell call the core; SQL belongs in crates/core (a store module)",
        findings,
    );
}

#[test]
fn migrations_set_no_pragma() {
    let mut findings = Vec::new();
    for path in files("migrations", ".sql") {
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("--").next().unwrap_or("");
            if has_word(&code.to_uppercase(), "PRAGMA") {
                findings.push(format!("{}:{}: PRAGMA in a migration", shown(&path), i + 1));
            }
        }
    }
    check(
        "pragmas are per connection and set in crates/core/src/db, never in migrations",
        findings,
    );
}

#[test]
fn the_core_touches_files_only_in_its_database_folder() {
    let mut findings = Vec::new();
    for path in files("crates/core/src", ".rs") {
        let rel = shown(&path);
        if rel.starts_with("crates/core/src/db/") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in code_lines(&text) {
            for what in [
                "std::fs",
                "tempfile",
                "directories",
                "File::open",
                "File::create",
            ] {
                if line.contains(what) {
                    findings.push(format!("{rel}:{n}: uses {what}"));
                }
            }
        }
    }
    check(
        "the core reads and writes files only in crates/core/src/db (the database, its \
         backups, output files)",
        findings,
    );
}

#[test]
fn the_clock_lint_is_allowed_only_in_clock_modules() {
    let mut findings = Vec::new();
    for dir in ["crates", "src-tauri", "tests", "bench", "fuzz"] {
        for path in files(dir, ".rs") {
            let rel = shown(&path);
            if rel.contains("/target/") || path.file_name().is_some_and(|n| n == "clock.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, line) in text.lines().enumerate() {
                let lint = concat!("clippy::", "disallowed_methods");
                let allows = line.contains(&format!("allow({lint}"))
                    || line.contains(&format!("expect({lint}"));
                if allows && !line.trim_start().starts_with("//") {
                    findings.push(format!(
                        "{rel}:{}: allows clippy::disallowed_methods",
                        i + 1
                    ));
                }
            }
        }
    }
    check(
        "the clock is read only in a front end's clock.rs; pass `today` in instead",
        findings,
    );
}

/// The functions of a Rust file: name, first line, signature, and body
/// (up to the next item at the same indentation).
fn functions(text: &str) -> Vec<(String, usize, String, String)> {
    let lines: Vec<&str> = code_lines(text).map(|(_, l)| l).collect();
    let numbers: Vec<usize> = code_lines(text).map(|(n, _)| n).collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = lines[i];
            !l.starts_with(' ') && (l.contains("fn ") && !l.starts_with("impl"))
        })
        .collect();
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let text = lines[start..end].join("\n");
        let (signature, body) = text.split_once('{').unwrap_or((&text, ""));
        let name = signature
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .split(['(', '<'])
            .next()
            .unwrap_or("")
            .to_string();
        out.push((
            name,
            numbers[start],
            signature.to_string(),
            body.to_string(),
        ));
    }
    out
}

#[test]
fn every_write_of_the_store_goes_through_a_transaction() {
    let mut findings = Vec::new();
    let mut sources = files("crates/core/src/store", ".rs");
    sources.extend(
        ["settings.rs", "interchange.rs"]
            .iter()
            .map(|f| root().join("crates/core/src").join(f)),
    );
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        for (name, line, signature, body) in functions(&text) {
            let takes_connection = signature.contains("&Connection");
            let writes = body
                .lines()
                .filter_map(sql_in)
                .any(|w| w != "SELECT" && w != "PRAGMA");
            if takes_connection && writes {
                findings.push(format!(
                    "{}:{line}: `{name}` writes but takes a &Connection",
                    shown(&path)
                ));
            }
        }
    }
    check(
        "store functions that write take a `&Tx` (only Db::write makes one), so a write \
         outside one transaction does not compile",
        findings,
    );
}

/// The core's modules (`nudges`, `store::agenda`, `db::backup`…) and the
/// modules each one names (`use crate::…` and `crate::…` paths in code).
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("crates/core/src");
    let module_of = |path: &Path| -> String {
        let rel = path.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        parts.join("::")
    };
    let sources = files("crates/core/src", ".rs");
    let modules: BTreeSet<String> = sources.iter().map(|p| module_of(p)).collect();
    // The longest module that a path starting with `crate::` names.
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len())
            .rev()
            .map(|k| parts[..k].join("::"))
            .find(|m| modules.contains(m))
    };
    let mut graph = BTreeMap::new();
    for path in &sources {
        let me = module_of(path);
        let text = std::fs::read_to_string(path).unwrap();
        let code: Vec<&str> = code_lines(&text).map(|(_, l)| l).collect();
        let code = code.join("\n");
        let mut names = BTreeSet::new();
        let mut rest = code.as_str();
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':');
            if rest[path.len()..].trim_start().starts_with("::{")
                || rest[path.len()..].starts_with("::{")
            {
                // `use crate::store::{agenda, people}`: each name in the braces.
                let inner = rest[path.len()..]
                    .split_once('{')
                    .and_then(|(_, r)| r.split_once('}'))
                    .map_or("", |(inner, _)| inner);
                for item in inner.split(',') {
                    let item = item.trim().split("::").next().unwrap_or("").trim();
                    if !item.is_empty() && item != "self" {
                        names.extend(resolve(&format!("{path}::{item}")));
                    }
                }
            }
            names.extend(resolve(path));
        }
        names.remove(&me);
        graph.insert(me, names);
    }
    graph
}

#[test]
fn the_cores_modules_do_not_import_each_other_in_a_loop() {
    let graph = module_graph();
    assert!(graph.len() > 40, "read only {} modules", graph.len());
    // A depth-first search; a back edge is a loop.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        loops: &mut BTreeSet<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut path: Vec<String> = stack[i..].to_vec();
            path.push(m.to_string());
            loops.insert(path.join(" → "));
            return;
        }
        if done.contains(m) {
            return;
        }
        stack.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, stack, done, loops);
        }
        stack.pop();
        done.insert(m.to_string());
    }
    let mut loops = BTreeSet::new();
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut loops);
    }
    check(
        "modules of crates/core/src that import each other (move what both need into a \
         module below them, as practice.rs and rule.rs are)",
        loops.into_iter().collect(),
    );
}

#[test]
fn each_invariant_of_architecture_md_names_its_check() {
    let path = root().join("ARCHITECTURE.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut findings = Vec::new();
    let mut seen = 0;
    for (i, line) in text.lines().enumerate() {
        if !line.contains("**Architecture Invariant:**") {
            continue;
        }
        seen += 1;
        // The invariant's list item: its line and those indented under it.
        let paragraph: String = text
            .lines()
            .skip(i)
            .enumerate()
            .take_while(|(k, l)| *k == 0 || l.starts_with("  "))
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        let Some(check) = paragraph.split("Checked by ").nth(1) else {
            findings.push(format!("ARCHITECTURE.md:{}: says no `Checked by …`", i + 1));
            continue;
        };
        // Every `path` it names exists.
        for named in check.split('`').skip(1).step_by(2) {
            let file = named.split("::").next().unwrap_or(named);
            let file = file.split_whitespace().next().unwrap_or(file);
            if file.contains('/') && !root().join(file.trim_end_matches('/')).exists() {
                findings.push(format!(
                    "ARCHITECTURE.md:{}: names `{named}`, which does not exist",
                    i + 1
                ));
            }
        }
    }
    assert!(seen >= 5, "ARCHITECTURE.md has only {seen} invariants");
    check(
        "an invariant is a test or a lint, named in its paragraph (`Checked by …`)",
        findings,
    );
}

/// Where a rule's label may also stand, as text of something else, and why.
const LABEL_ELSEWHERE: &[(&str, &str, &str)] = &[
    (
        "Walkthroughs",
        "ui/src/lib/screens.ts",
        "the Walkthroughs screen's name in the sidebar",
    ),
    (
        "Walkthroughs",
        "ui/src/screens/Walkthroughs.svelte",
        "the Walkthroughs screen's title",
    ),
    (
        "1:1s",
        "crates/core/src/kinds.rs",
        "the plural of the 1:1 record kind",
    ),
    (
        "CDF reviews",
        "crates/core/src/kinds.rs",
        "the plural of the CDF review record kind",
    ),
    (
        "1:1s",
        "crates/cli/src/cmd/person.rs",
        "the person's 1:1 cadence field in `coachlog person show`",
    ),
    (
        "Actions",
        "ui/src/screens/Customers.svelte",
        "the hidden header of a column of buttons",
    ),
    (
        "Actions",
        "ui/src/screens/Team.svelte",
        "the hidden header of a column of buttons",
    ),
    (
        "Actions",
        "ui/src/screens/Today.svelte",
        "the hidden header of a column of buttons",
    ),
];

#[test]
fn each_rule_label_is_written_once() {
    let mut sources = files("crates", ".rs");
    sources.extend(files("src-tauri/src", ".rs"));
    sources.extend(files("ui/src", ".ts"));
    sources.extend(files("ui/src", ".svelte"));
    let sources: Vec<(String, String)> = sources
        .into_iter()
        .map(|p| (shown(&p), p))
        .filter(|(rel, _)| {
            !(rel.contains("/tests/")
                || rel.contains("/benches/")
                || rel.ends_with(".test.ts")
                || rel.starts_with("ui/src/lib/bindings/")
                || rel.starts_with("ui/src/test/")
                || rel.contains("/target/"))
        })
        .map(|(rel, p)| {
            let text = std::fs::read_to_string(&p).unwrap();
            let code: Vec<&str> = if rel.ends_with(".rs") {
                code_lines(&text).map(|(_, l)| l).collect()
            } else {
                text.lines().collect()
            };
            (rel, code.join("\n"))
        })
        .collect();
    let mut findings = Vec::new();
    for row in &coachlog_core::nudges::RULES {
        let label = row.label;
        let quoted = [
            format!("\"{label}\""),
            format!("'{label}'"),
            format!(">{label}<"),
        ];
        let homes: Vec<&String> = sources
            .iter()
            .filter(|(_, text)| quoted.iter().any(|q| text.contains(q.as_str())))
            .map(|(rel, _)| rel)
            .filter(|rel| {
                !LABEL_ELSEWHERE
                    .iter()
                    .any(|(l, file, _)| *l == label && rel.as_str() == *file)
            })
            .collect();
        if homes != ["crates/core/src/nudges/table.rs"] {
            findings.push(format!("the label {label:?} is written in {homes:?}"));
        }
    }
    check(
        "a rule's label lives in the rule table (crates/core/src/nudges/table.rs); front ends \
         read it there (the UI through ui/src/lib/bindings/ruleTable.ts)",
        findings,
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    // Each check would catch its own example.
    assert_eq!(
        sql_in("conn.execute(\"DELETE FROM person\", [])"),
        Some("DELETE FROM")
    );
    assert_eq!(
        sql_in("\"UPDATE win SET shared_on = ?1\""),
        Some("UPDATE … SET")
    );
    assert_eq!(
        sql_in("\"INSERT INTO win (text) VALUES (?1)\""),
        Some("INSERT")
    );
    assert_eq!(sql_in("let select = Select::new();"), None);
    assert!(has_word("use rusqlite::Connection;", "rusqlite"));
    assert!(!has_word("use rusqlite_migration;", "rusqlite"));
    let planted = "pub fn add(conn: &Connection) -> Result<()> {\n    conn.execute(\"INSERT INTO win (text) VALUES ('x')\", [])?;\n    Ok(())\n}\n";
    let f = functions(planted);
    assert_eq!(f.len(), 1);
    assert!(f[0].2.contains("&Connection") && f[0].3.contains("INSERT INTO"));
}
