#!/usr/bin/env bash
# Runs the tests that need a real OS keyring (crates/secrets/tests/
# system_keyring.rs and the ignored keyring test of crates/cli/tests/
# encryption.rs) on Linux: a throw-away session bus (dbus-run-session)
# with its own gnome-keyring-daemon and an unlocked keyring in a temporary
# HOME, so the user's own keyring is never touched.
# Needs: dbus-daemon (dbus-run-session) and gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "keyring.sh needs $tool (apt install dbus gnome-keyring)" >&2; exit 1; }
done
cargo test -p coachlog-secrets --test system_keyring --locked --no-run
cargo test -p coachlog-cli --test encryption --locked --no-run
# cargo and rustup stay where they are when HOME changes.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# Inside the session as outside: the first failing suite fails the script
# (without set -e a failure would be hidden when the next suite passed).
HOME="$home" XDG_DATA_HOME="$home/.local/share" dbus-run-session -- bash -c '
    set -euo pipefail
    echo -n "throw-away" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    sleep 1
    cargo test -p coachlog-secrets --test system_keyring --locked -- --ignored "$@"
    cargo test -p coachlog-cli --test encryption --locked -- --ignored "$@"
' keyring "$@"
