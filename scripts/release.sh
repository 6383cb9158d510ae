#!/usr/bin/env bash
# Builds the release .deb of the desktop app (not part of the test command).
#
# The Tauri CLI bundles from a folder holding tauri.conf.json next to the
# crate's Cargo.toml, and refuses a workspace root; the project keeps its
# config at the top level. So this writes a temporary copy of the config into
# src-tauri/ with paths adjusted, bundles with it, and removes it again.
# Output: target/release/bundle/deb/*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

npm --prefix ui run --silent build -- --logLevel warn
tmp=src-tauri/tauri.conf.json
[ -e "$tmp" ] && { echo "release: $tmp exists; remove it first" >&2; exit 1; }
trap 'rm -f "$tmp"' EXIT
node -e '
  const fs = require("fs");
  const c = JSON.parse(fs.readFileSync("tauri.conf.json", "utf8"));
  c.build = { ...(c.build || {}), frontendDist: "../ui/dist" };
  delete c.build.beforeBuildCommand; delete c.build.beforeDevCommand; delete c.build.devUrl;
  if (c.bundle && Array.isArray(c.bundle.icon)) c.bundle.icon = c.bundle.icon.map(p => p.replace(/^src-tauri\//, ""));
  fs.writeFileSync(process.argv[1], JSON.stringify(c, null, 2));
' "$tmp"
TAURI_APP_PATH=src-tauri npx --prefix ui tauri build --bundles deb
ls -l "${CARGO_TARGET_DIR:-target}"/release/bundle/deb/*.deb
