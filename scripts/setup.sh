#!/usr/bin/env bash
# Installs what Coachlog needs to build, run and test, and nothing that is
# already there: Debian/Ubuntu packages (apt), the Rust toolchain check, the
# UI's npm packages and tauri-driver for the end-to-end tests.
#
# Usage: scripts/setup.sh [--test]    (--test also installs what the tests need)
# Idempotent and quiet when everything is present. Needs root or sudo for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "installing system packages needs root; run as root or install sudo."
  sudo_cmd=(sudo)
fi

# --- System packages --------------------------------------------------------
packages=(build-essential pkg-config libssl-dev)
read_list() { grep -v '^\s*#' "$1" | grep -v '^\s*$' || true; }
[ -f scripts/apt-packages.txt ] && mapfile -t -O "${#packages[@]}" packages < <(read_list scripts/apt-packages.txt)
[ "$want_test" = 1 ] && [ -f scripts/apt-packages-test.txt ] \
  && mapfile -t -O "${#packages[@]}" packages < <(read_list scripts/apt-packages-test.txt)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust ---------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null; then
  say "installing the Rust toolchain with rustup"
  command -v curl >/dev/null || "${sudo_cmd[@]}" apt-get install -y -qq curl ca-certificates >/dev/null
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy \
    || die "could not install Rust; install it from https://rustup.rs and run this again."
  export PATH="$HOME/.cargo/bin:$PATH"
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    command -v rustup >/dev/null && rustup component add "$component" >/dev/null 2>&1 || true
  fi
done

# --- UI (npm) -------------------------------------------------------------------
if [ -f ui/package.json ]; then
  if ! command -v node >/dev/null; then
    say "installing Node.js"
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  # Vite 8 needs Node.js 20.19+ (or 22.12+). Debian 12 and Ubuntu 22.04 ship
  # older ones: install a current Node.js (nodejs.org, NodeSource or your
  # distribution's backports) and run this again.
  node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    process.exit(a > 22 || (a === 22 && b >= 12) || (a === 20 && b >= 19) || a === 21 ? 0 : 1);
  ' || die "the UI needs Node.js 20.19 or newer (found $(node --version)); install a current Node.js (nodejs.org or NodeSource) and run this again."
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "installing the UI's npm packages"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# --- End-to-end test driver ------------------------------------------------------
if [ "$want_test" = 1 ] && [ -d src-tauri ] && ! command -v tauri-driver >/dev/null; then
  if [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    say "installing tauri-driver (WebDriver for the desktop app)"
    cargo install tauri-driver --locked --version '^2' --quiet
  fi
fi
exit 0
