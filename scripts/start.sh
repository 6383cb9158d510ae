#!/usr/bin/env bash
# Installs what is missing, builds Coachlog and starts it on the default
# database (the platform data folder's coachlog.sqlite; COACHLOG_DB overrides).
# A new, empty database is offered the demo team so there is something to see.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --locked -p coachlog-cli
coachlog=target/release/coachlog
db=$("$coachlog" path)
if [ ! -s "$db" ]; then
  printf 'No database at %s yet: filling it with the demo team (start empty instead with `coachlog person add`).\n' "$db"
  "$coachlog" demo
fi
"$coachlog" overview
printf '\nThe coachlog command is at %s; try `%s person list` or `%s --help`.\n' "$coachlog" "$coachlog" "$coachlog"
