#!/usr/bin/env bash
# The larger runs of the reliability suites (docs/reliability.md). The test
# command runs each once, bounded to a few seconds; this runs them longer:
#
#   crash safety   COACHLOG_CRASH_RUNS SIGKILLed writers (default 1000) for
#                  each seed in SEEDS
#   damaged files  the generated corpus (about 1,285 files, +10% with a live
#                  write-ahead log) once per seed in SEEDS: other damage at
#                  other places each time
#
#   SEEDS="1 2 3" COACHLOG_CRASH_RUNS=2000 scripts/reliability.sh
#
# The XSS corpus is run whole by the test command already (710 payloads
# through every screen: scripts/e2e.sh hostile).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${SEEDS:-"1 2 3 4 5"}
runs=${COACHLOG_CRASH_RUNS:-1000}
started=$SECONDS

cargo test -p coachlog-core --test integration --locked --no-run
for seed in $seeds; do
    echo "==> crash safety: $runs runs, seed $seed"
    COACHLOG_CRASH_RUNS=$runs COACHLOG_CRASH_SEED=$seed \
        cargo test -q -p coachlog-core --test integration --locked reliability::crash::acknowledged_commits_survive -- --nocapture
    echo "==> damaged files: seed $seed"
    COACHLOG_CORPUS_SEED=$seed \
        cargo test -q -p coachlog-core --test integration --locked reliability::corpus::a_thousand -- --nocapture
done
echo "reliability.sh: seeds $seeds passed in $((SECONDS - started)) s"
