#!/usr/bin/env bash
# End-to-end tests: builds the UI and the desktop app, then drives the real
# app through its webview (tauri-driver + WebKitWebDriver) under Xvfb and a
# private D-Bus session. Each test starts the app on a new, empty database in
# a temporary folder; the run rewrites the screenshots in docs/screenshots/
# (or in $E2E_SCREENSHOTS: scripts/test.sh points it under target/).
#
# Usage: scripts/e2e.sh [test name filter]     (scripts/test.sh runs it)
# Needs what `scripts/setup.sh --test` installs. Exits non-zero on any failure.
# Environment: E2E_TIMEOUT (whole run, default 20m), E2E_TIMEOUT_SECS (one
# wait, default 20), E2E_SCREENSHOTS (folder, or 0 for none), see docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

missing=()
for tool in cargo npm xvfb-run dbus-run-session WebKitWebDriver tauri-driver timeout; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ "${#missing[@]}" -eq 0 ] || die "missing: ${missing[*]}. Run scripts/setup.sh --test first."
[ -d ui/node_modules ] || die "the UI's npm packages are not installed. Run scripts/setup.sh --test first."

started=$(date +%s)

say "building the UI (ui/dist)"
npm --prefix ui run --silent build -- --logLevel warn

say "building the app (target/debug/coachlog-desktop) and the coachlog command"
# With `test-dialogs`, the app answers its native dialogs (Save As, the
# confirmations before what cannot be undone) from COACHLOG_TEST_DIALOGS,
# which each test sets: WebDriver cannot reach a native dialog. Without that
# variable it asks as usual. scripts/setup.sh's build has no such feature.
cargo build -p coachlog-desktop -p coachlog-cli --features coachlog-desktop/test-dialogs --locked

say "building the end-to-end tests"
cargo test -p coachlog-e2e --locked --no-run

say "running the end-to-end tests under Xvfb"
# The app reads COACHLOG_DB (set per test by the harness); a value from the
# caller's shell must never point the tests at a real database.
unset COACHLOG_DB
export COACHLOG_APP="${COACHLOG_APP:-${CARGO_TARGET_DIR:-$PWD/target}/debug/coachlog-desktop}"
# One app at a time (the harness also serialises): the single-instance lock
# and the screen are shared. `timeout` stops the whole process group if
# something hangs, so CI never waits forever.
status=0
timeout --kill-after=30s "${E2E_TIMEOUT:-20m}" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  cargo test -p coachlog-e2e --locked -- --test-threads=1 "$@" || status=$?

elapsed=$(( $(date +%s) - started ))
if [ "$status" -eq 0 ]; then
  printf 'e2e: passed in %ss; screenshots in %s\n' "$elapsed" "${E2E_SCREENSHOTS:-docs/screenshots/}"
else
  [ "$status" -eq 124 ] && printf 'e2e: timed out after %s\n' "${E2E_TIMEOUT:-20m}" >&2
  printf 'e2e: FAILED (exit %s) after %ss; failure screenshots and driver logs in target/e2e-artifacts/\n' \
    "$status" "$elapsed" >&2
fi
exit "$status"
