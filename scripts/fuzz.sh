#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for a fixed time each and reports
# executions and crashes (docs/fuzzing.md). Not part of the test command.
#
#   scripts/fuzz.sh                      every target, 60 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh     longer
#   scripts/fuzz.sh import dates         some targets only
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 60)
#   FUZZ_SANITIZER  address (default), leak, or none (faster; the core has no
#                   unsafe code, so ASan mostly watches the dependencies)
#   FUZZ_ARGS       extra libFuzzer flags, e.g. "-seed=1 -max_len=4096"
#
# Only stable Rust is needed: RUSTC_BOOTSTRAP=1 lets stable rustc take the
# nightly flags cargo-fuzz passes. Each target first replays its regression
# cases (fuzz/regressions/<target>/), then fuzzes from its committed seeds
# (fuzz/corpus/<target>/, read only) and what earlier runs found
# (fuzz/work/<target>/, not committed). A crash is saved under
# fuzz/artifacts/<target>/ and makes the script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
sanitizer=${FUZZ_SANITIZER:-address}
extra=${FUZZ_ARGS:-}
all_targets=(import dates markdown)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is missing; installing it (cargo install cargo-fuzz --locked)"
    cargo install cargo-fuzz --locked
fi

echo "Building the fuzz targets (sanitizer: $sanitizer)..."
cargo fuzz build -s "$sanitizer" >/dev/null

log_dir=fuzz/work/logs
mkdir -p "$log_dir"
failed=0
summary=()
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

for t in "${targets[@]}"; do
    if [ ! -f "fuzz/fuzz_targets/$t.rs" ]; then
        echo "no fuzz target '$t' (have: ${all_targets[*]})" >&2
        exit 2
    fi
    mkdir -p "fuzz/work/$t" "fuzz/corpus/$t" "fuzz/artifacts/$t"
    dict=()
    if [ -f "fuzz/dict/$t.dict" ]; then dict=("-dict=fuzz/dict/$t.dict"); fi

    # 1. The regression cases: each must run clean.
    shopt -s nullglob
    cases=(fuzz/regressions/"$t"/*)
    shopt -u nullglob
    regress=()
    for c in "${cases[@]}"; do
        case "$c" in *.md) continue ;; esac
        regress+=("$c")
    done
    if [ ${#regress[@]} -gt 0 ]; then
        echo "== $t: replaying ${#regress[@]} regression case(s)"
        if ! cargo fuzz run -s "$sanitizer" "$t" "${regress[@]}" -- -runs=1 \
            >"$log_dir/$t.regressions.log" 2>&1; then
            echo "   REGRESSION: a case of fuzz/regressions/$t crashes again;" \
                "see $log_dir/$t.regressions.log"
            failed=1
            summary+=("$t: regression case crashes")
            continue
        fi
    fi

    # 2. Fuzz for a fixed time.
    echo "== $t: fuzzing for ${seconds}s"
    log="$log_dir/$t.log"
    before=$(ls "fuzz/artifacts/$t" | wc -l)
    set +e
    # shellcheck disable=SC2086
    cargo fuzz run -s "$sanitizer" "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=30 \
        "${dict[@]}" $extra >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(ls "fuzz/work/$t" | wc -l)
    after=$(ls "fuzz/artifacts/$t" | wc -l)
    crashes=$((after - before))
    if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    line="$t: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), corpus ${corpus} inputs, ${crashes} crash(es)"
    summary+=("$line")
    echo "   $line"
    if [ "$crashes" -ne 0 ]; then
        failed=1
        echo "   CRASH (exit $rc): see $log and fuzz/artifacts/$t/"
        grep -m1 -A3 -E "panicked at|ERROR: (libFuzzer|AddressSanitizer)" "$log" | sed 's/^/   | /' || true
    fi
done

echo
echo "Fuzzing summary ($started, ${seconds}s per target, sanitizer $sanitizer, $(rustc --version)):"
for s in "${summary[@]}"; do echo "  $s"; done
if [ "$failed" -ne 0 ]; then
    echo "FAILED: a target crashed (reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <artifact>)"
    exit 1
fi
echo "0 crashes."
