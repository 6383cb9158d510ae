#!/usr/bin/env bash
# Reproduces docs/performance.md: the overdue review on 100 people x 10 years,
# in the core (cargo bench) and through the CLI's --json (whole process, as a
# script would call it). Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
# The screens bench compares the core with the `sqlite3` shell on the same file.
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "scripts/bench.sh needs the sqlite3 shell: sudo apt-get install sqlite3 (or scripts/setup.sh --test)." >&2
  exit 1
fi

cargo bench -p coachlog-core --bench overdue --locked
db=target/bench/overdue-100p-10y.sqlite
# The brief before a 1:1, on the same database (docs/performance.md).
cargo bench -p coachlog-core --bench brief --locked

cargo build --release --locked -p coachlog-cli
cli="${CARGO_TARGET_DIR:-target}/release/coachlog"
python3 - "$cli" "$db" "$runs" <<'PY'
import subprocess, sys, time
cli, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = [cli, "--db", db, "--today", "2026-11-27", "--json", "overdue"]
subprocess.run(cmd, check=True, capture_output=True)  # warm the page cache
times = []
for _ in range(runs):
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"CLI `coachlog --json overdue` (process start to exit)  median {times[len(times)//2]:8.2f} ms   "
      f"p90 {times[len(times)*9//10]:8.2f} ms   min {times[0]:8.2f} ms   ({len(out)} bytes, {runs} runs)")
PY

# Encryption at rest (docs/performance.md): the same queries on a plain and an
# encrypted copy of the 100 x 10 database, the key derivation, and the CLI.
cargo bench -p coachlog-core --bench encryption --locked
python3 - "$cli" "$runs" <<'PY'
import os, subprocess, sys
import time
cli, runs = sys.argv[1], int(sys.argv[2])
env = dict(os.environ, COACHLOG_PASSPHRASE="correct horse battery staple", COACHLOG_KEYRING="off")
for name in ("plain", "encrypted"):
    db = f"target/bench/encryption/{name}/coachlog.sqlite"
    cmd = [cli, "--db", db, "--today", "2026-11-27", "--json", "overdue"]
    subprocess.run(cmd, check=True, capture_output=True, env=env)  # warm the page cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, env=env).stdout
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"CLI `coachlog --json overdue`, {name:<9} (process start to exit)  median "
          f"{times[len(times)//2]:8.2f} ms   p90 {times[len(times)*9//10]:8.2f} ms   ({len(out)} bytes, {runs} runs)")
PY

# Every screen on 1.1 million records next to the same SQL in the sqlite3
# shell (docs/performance.md, "Screens on a 1M-record database"). The first
# run generates the database (about 1.5 minutes, 800 MB in target/bench/).
cargo bench -p coachlog-core --bench screens --locked
