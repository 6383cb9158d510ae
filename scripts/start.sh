#!/usr/bin/env bash
# Installs what is missing, builds Coachlog (the desktop app and the
# `coachlog` command) and starts the app on the default database: the
# platform data folder's coachlog.sqlite (COACHLOG_DB chooses another). On a
# new database the app's first screen offers an empty start or a demo team.
#
# Without a display (e.g. over SSH), it builds everything and shows the
# command-line overview instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

printf '==> building the interface (ui/dist)\n'
npm --prefix ui run --silent build -- --logLevel warn
printf '==> building Coachlog (release; the first build takes about 10 minutes)\n'
cargo build --release --locked -p coachlog-desktop -p coachlog-cli

target="${CARGO_TARGET_DIR:-target}"
app=$target/release/coachlog-desktop
cli=$target/release/coachlog
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  db=$("$cli" path)
  printf '\nNo display here, so the desktop app cannot open; this is the command line on %s.\n' "$db"
  if [ ! -s "$db" ]; then
    printf 'The database is new: filling it with the demo team (start empty instead with `coachlog person add`).\n'
    "$cli" demo
  fi
  "$cli" overview
  printf '\nOn a desktop, run %s. The command line is %s (try `%s --help`).\n' "$app" "$cli" "$cli"
  exit 0
fi
printf '==> starting %s\n' "$app"
exec "$app"
