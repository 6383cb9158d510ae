#!/usr/bin/env bash
# Runs every test suite of Coachlog, after installing whatever is missing.
# This is the project's one test command; .ci/run calls it.
#
#   formatting, lints and docs:  cargo fmt --check, cargo clippy -D warnings, rustdoc -D warnings
#   Rust tests:                  core (unit + integration), CLI, desktop IPC
#   OS keyring:                  the passphrase through a real Secret Service (gnome-keyring)
#   UI:                          svelte-check, eslint, vitest
#   end to end:                  the real app under Xvfb through WebDriver
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Incremental state pays off for edit-compile loops, not for one run on a clean
# clone, and it doubles target/'s size (a clean CI run once ran out of disk).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n==> %s\n' "$*"; }
failures=()
run() {
  local name=$1; shift
  step "$name"
  if "$@"; then passed+=("$name"); else failures+=("$name"); fi
}
passed=()

step "setup"
# Say so up front when the disk is nearly full: the build needs ~12 GiB, and a
# full disk shows up much later as a linker "Bus error".
free_kib=$(df -Pk . | awk 'NR==2 {print $4}')
if [ "${free_kib:-0}" -lt $((12 * 1024 * 1024)) ]; then
  printf 'warning: only %s MiB free here; a clean build and test run needs about 12 GiB.\n' "$((free_kib / 1024))" >&2
fi
scripts/setup.sh --test
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

run "cargo fmt --check" cargo fmt --all -- --check
run "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
# The end-to-end build's scripted dialogs (scripts/e2e.sh builds with them).
run "cargo clippy (test-dialogs)" cargo clippy -p coachlog-desktop --all-targets --features test-dialogs --locked -- -D warnings
run "rustdoc (core)" env RUSTDOCFLAGS="-D warnings" cargo doc -p coachlog-core --no-deps --locked --quiet
run "cargo test" cargo test --locked

# The passphrase in a real Secret Service (gnome-keyring on a throw-away
# session bus and HOME; the user's own keyring is never touched).
run "OS keyring" scripts/keyring.sh

# A suite that cannot run fails: it is never counted as passed, nor skipped.
missing() { printf '%s\n' "$1" >&2; return 1; }

if [ -f ui/package.json ]; then
  run "ui: type check" npm --prefix ui run --silent check
  run "ui: lint" npm --prefix ui run --silent lint
  run "ui: unit tests" npm --prefix ui run --silent test
else
  run "ui: check, lint, unit tests" missing "ui/package.json is missing: the UI's suites cannot run."
fi

if [ -x scripts/e2e.sh ]; then
  # Screenshots go under target/ here; scripts/e2e.sh alone refreshes the
  # committed ones in docs/screenshots/.
  run "end to end (real app under Xvfb)" env E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-$PWD/target/e2e-screenshots}" scripts/e2e.sh
else
  run "end to end (real app under Xvfb)" missing "scripts/e2e.sh is missing or not executable: the end-to-end suite cannot run."
fi

step "summary"
printf 'suites: %d passed, %d failed\n' "${#passed[@]}" "${#failures[@]}"
for f in "${failures[@]}"; do printf '  failed: %s\n' "$f"; done
[ "${#failures[@]}" -eq 0 ]
