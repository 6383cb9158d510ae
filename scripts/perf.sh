#!/usr/bin/env bash
# Issue 6, items 9, 10 and 12, measured in one run (docs/performance.md,
# "Start-up, memory, size and IPC"): Coachlog against an empty Tauri window
# (bench/empty-window) built with the same tauri and release profile, on the
# same machine, under one Xvfb display and one private D-Bus session.
#
#   9.  start-up to the Today screen painted: median and p90 of RUNS runs
#   10. idle memory (PSS of the process tree), binary sizes, the .deb
#   12. one save (p99) and a search over >= 100k notes (p95) through IPC
#
# Builds first: the .deb with scripts/release.sh (which builds ui/dist and
# the release app), then the empty window and the `coachlog` command
# (release), then the IPC benchmark (tests/e2e/tests/perf.rs, ignored by the
# test suite). Prints one table; every figure also goes to
# target/perf/results.json. Not part of the test command. About 20 minutes
# with warm build caches, of which the measurements take about ten.
#
# Usage: scripts/perf.sh        Environment: RUNS (default 20), WARMUP (2),
# IDLE (seconds before reading memory, 5), PERF_SKIP_BUILD=1 (measure what
# is already built).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'perf: %s\n' "$*" >&2; exit 1; }

missing=()
for tool in cargo npm node python3 xvfb-run dbus-run-session WebKitWebDriver tauri-driver timeout; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ "${#missing[@]}" -eq 0 ] || die "missing: ${missing[*]}. Run scripts/setup.sh --test first."

started=$(date +%s)
target="${CARGO_TARGET_DIR:-target}"

if [ "${PERF_SKIP_BUILD:-0}" != 1 ]; then
  say "building the .deb (scripts/release.sh: ui/dist, then the release app)"
  scripts/release.sh
  # One package per command, as release.sh builds the app: building them
  # together would unify their dependencies' features and rebuild the app.
  say "building the empty window and the coachlog command (release)"
  cargo build --release --locked -p coachlog-empty-window
  cargo build --release --locked -p coachlog-cli
  say "building the IPC benchmark (tests/e2e/tests/perf.rs)"
  cargo test -p coachlog-e2e --locked --test perf --no-run
fi

deb=$(ls -t "$target"/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || say "no .deb in $target/release/bundle/deb: its size is left out"

# The app reads COACHLOG_DB; a value from the caller's shell must never point
# the benchmark at a real database (perf.py also drops every COACHLOG_*).
unset COACHLOG_DB
say "measuring under Xvfb"
timeout --kill-after=30s "${PERF_TIMEOUT:-60m}" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  python3 bench/perf/perf.py \
    --app "$target/release/coachlog-desktop" \
    --empty "$target/release/coachlog-empty-window" \
    --cli "$target/release/coachlog" \
    --deb "$deb" \
    --runs "${RUNS:-20}" --warmup "${WARMUP:-2}" --idle "${IDLE:-5}" \
    --out "$target/perf" \
    --ipc-cmd "cargo test -q -p coachlog-e2e --locked --test perf -- --ignored --nocapture --test-threads=1"

printf 'perf: done in %ss (builds included); figures in %s/perf/results.json\n' \
  "$(( $(date +%s) - started ))" "$target"
