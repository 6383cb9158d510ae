//! Reads the top-level tauri.conf.json and declares the app's commands, so
//! that each gets an `allow-<command>` permission for capabilities/main.json.

include!("src/command_names.rs");

fn main() {
    ensure_frontend_dist();
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}

/// `generate_context!` embeds `ui/dist` and fails to compile when it is
/// missing. So that the shell (and its IPC tests) build before the UI has
/// been built, write a placeholder page that says what to do; `npm run build`
/// in ui/ replaces it (Vite empties its output folder).
fn ensure_frontend_dist() {
    let dist = std::path::Path::new("../ui/dist");
    let index = dist.join("index.html");
    if index.exists() {
        return;
    }
    println!(
        "cargo:warning=ui/dist is missing: embedding a placeholder page. \
         Run `npm ci && npm run build` in ui/ and build again for the real app."
    );
    std::fs::create_dir_all(dist).expect("create ui/dist");
    std::fs::write(&index, PLACEHOLDER).expect("write ui/dist/index.html");
}

const PLACEHOLDER: &str = "<!doctype html>
<html lang=\"en\">
<head><meta charset=\"utf-8\"><title>Coachlog</title></head>
<body>
<h1>Coachlog</h1>
<p>The interface has not been built. In the repository, run
<code>npm ci &amp;&amp; npm run build</code> in <code>ui/</code>, then build the app again.</p>
</body>
</html>
";
