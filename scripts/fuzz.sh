#!/usr/bin/env bash
# Coverage-guided fuzzing of Vigie's readers with libFuzzer (AddressSanitizer on Swift code).
#
# Usage (from anywhere in the repository):
#   bash scripts/fuzz.sh build                  build the targets into .build-fuzz (release) or .build-fuzz-debug
#   bash scripts/fuzz.sh run TARGET|all SECONDS [libFuzzer options…]
#                                               fuzz one target, or each in turn, for SECONDS each
#   bash scripts/fuzz.sh smoke [SECONDS]        build, run every seed, then fuzz every target for SECONDS
#                                               (default 25, two at a time): the CI pass, which ends
#                                               with "N passed, M failed" (one per target)
#   bash scripts/fuzz.sh regress                run every target once over its seed corpus (no mutation)
#   bash scripts/fuzz.sh list                   the targets
#
# Targets (sources in Tests/Fuzz/<target>/, seed corpus in Tests/Fuzz/corpus/<target>/, dictionary in
# Tests/Fuzz/dictionaries/<target>.dict):
#   FuzzCaseFile   case files: CSV reader and validator, in one pass and in chunks (which must agree)
#   FuzzSiteYAML   a YAML text as site.yaml and as milestones.yaml
#   FuzzNote       a note: front matter (shortcut and Yams must agree), cmark and post-processing, links
#   FuzzTemplate   Mustache: parser, nesting check and renderer (the input is page NUL partial NUL layout)
#
# Environment:
#   FUZZ_CONFIG=release|debug   build configuration (default release: optimised, about ten times the
#                               executions of debug, but a longer first build)
#   FUZZ_JOBS=N                 targets run at once by `run all` (default 1; at most the cores)
#   FUZZ_NICE=N                 niceness of the fuzzers (default 10)
#   FUZZ_SCRATCH=DIR            where the targets are built (default .build-fuzz, or .build-fuzz-debug);
#                               logs, found inputs and findings stay in .build-fuzz
#
# Each run uses -rss_limit_mb=2048 -timeout=10 -print_final_stats=1, the target's dictionary, and
# -detect_leaks=0: Vigie keeps some values for the life of the process on purpose (as in
# scripts/sanitizers.sh), and LeakSanitizer then ran after most inputs (FuzzCaseFile: 14 executions
# a second, 68 % of the time in its scan). It keeps the inputs it finds in .build-fuzz/corpus/<target>/
# (git-ignored; the seeds stay read-only).
# A crash, a timeout or an out-of-memory input is written to .build-fuzz/artifacts/<target>/ and
# makes the command fail: minimize it (`<binary> -minimize_crash=1 -runs=10000 FILE`), turn it into
# a regression test in Tests/, fix Vigie, and keep the reproducer in Tests/Fuzz/corpus/<target>/.
# Installs nothing but what scripts/setup.sh installs (cmark); libFuzzer ships with Swift on Linux.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly targets=(FuzzCaseFile FuzzSiteYAML FuzzNote FuzzTemplate)
readonly config="${FUZZ_CONFIG:-release}"
case "$config" in
    release) scratch=${FUZZ_SCRATCH:-.build-fuzz} ;;
    debug) scratch=${FUZZ_SCRATCH:-.build-fuzz-debug} ;;
    *) echo "fuzz: FUZZ_CONFIG must be release or debug" >&2; exit 2 ;;
esac
readonly scratch
readonly work=.build-fuzz

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

build() {
    bash scripts/setup.sh
    mkdir -p "$work/logs"
    # One -sanitize flag naming both: SwiftPM's `--sanitize fuzzer --sanitize address` passes two,
    # in an order that changes from run to run, and swiftc keeps only the last (one build had
    # AddressSanitizer without coverage, the next coverage without AddressSanitizer, and each
    # change of order compiled everything again). C and C++ dependencies (libyaml, BoringSSL,
    # the cmark arena) are not instrumented; cmark is Debian's library.
    local flags=(-c "$config" --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address)
    # The template target reads the parser's internal API (@testable), which release builds hide.
    [ "$config" = release ] && flags+=(-Xswiftc -enable-testing)
    echo "fuzz: building ${targets[*]} ($config, $scratch)"
    if ! VIGIE_FUZZ=1 swift build "${flags[@]}" >"$work/logs/build.log" 2>&1; then
        grep -E "error:" "$work/logs/build.log" | head -n 20 >&2
        echo "fuzz: the targets did not build; log $work/logs/build.log" >&2
        exit 1
    fi
}

binary() { echo "$scratch/$config/$1"; }

known() {
    local target
    for target in "${targets[@]}"; do [ "$target" = "$1" ] && return 0; done
    echo "fuzz: unknown target '$1' (one of: ${targets[*]}, all)" >&2
    exit 2
}

# Fuzzes one target for $2 seconds; prints its figures and fails on any finding.
run_one() {
    local target=$1 seconds=$2
    shift 2
    local log="$work/logs/$target.log"
    mkdir -p "$work/corpus/$target" "$work/artifacts/$target" "$work/logs"
    local start status=0
    start=$(date +%s)
    nice -n "${FUZZ_NICE:-10}" "$(binary "$target")" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -print_final_stats=1 \
        -dict="Tests/Fuzz/dictionaries/$target.dict" -artifact_prefix="$work/artifacts/$target/" \
        "$@" "$work/corpus/$target" "Tests/Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
    local elapsed=$(($(date +%s) - start))
    local last execs
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    local cov ft
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    echo "$status" >"$work/logs/$target.status"
    if [ "$status" -eq 0 ]; then
        echo "fuzz: $target ok: ${elapsed}s, ${execs:-?} executions, cov ${cov:-?}, ft ${ft:-?}"
    else
        echo "fuzz: $target FAILED (exit $status) after ${elapsed}s; log $log, input in $work/artifacts/$target/" >&2
        grep -E 'ERROR: |Fatal error|SUMMARY|Test unit written|panic' "$log" | head -n 8 >&2 || true
        return 1
    fi
}

# Runs the targets named ("all" for every one) for $2 seconds each, FUZZ_JOBS at a time.
run() {
    [ $# -ge 2 ] || { usage >&2; exit 2; }
    local which=$1 seconds=$2
    shift 2
    [[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz: SECONDS must be a number" >&2; exit 2; }
    local chosen=("${targets[@]}")
    [ "$which" = all ] || { known "$which"; chosen=("$which"); }
    run_list "$seconds" "${chosen[@]}" -- "$@"
}

# Fuzzes the targets listed after $1 (seconds each), FUZZ_JOBS at a time; libFuzzer options after `--`.
run_list() {
    local seconds=$1
    shift
    local chosen=() options=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do chosen+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    options=("$@")
    local target
    for target in "${chosen[@]}"; do
        [ -x "$(binary "$target")" ] || { echo "fuzz: $target is not built; run 'bash scripts/fuzz.sh build'" >&2; exit 1; }
    done
    local jobs=${FUZZ_JOBS:-1} failed=0 running=0
    for target in "${chosen[@]}"; do
        if [ "$running" -ge "$jobs" ]; then
            wait -n || failed=1
            running=$((running - 1))
        fi
        run_one "$target" "$seconds" ${options[@]+"${options[@]}"} &
        running=$((running + 1))
    done
    while [ "$running" -gt 0 ]; do
        wait -n || failed=1
        running=$((running - 1))
    done
    return "$failed"
}

regress() {
    local target failed=0
    for target in "${targets[@]}"; do
        # Files given one by one are run once each, and nothing is written beside them.
        rm -f "$work/logs/$target.status"
        if find "Tests/Fuzz/corpus/$target" -type f -print0 | xargs -0 "$(binary "$target")" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 \
            >"$work/logs/$target-regress.log" 2>&1; then
            echo "fuzz: $target: every seed passes ($(find "Tests/Fuzz/corpus/$target" -type f | wc -l) files)"
        else
            echo "fuzz: $target FAILED on a seed; log $work/logs/$target-regress.log" >&2
            grep -E 'ERROR: |Fatal error|SUMMARY' "$work/logs/$target-regress.log" | head -n 4 >&2 || true
            echo 1 >"$work/logs/$target.status"
            failed=1
        fi
    done
    return "$failed"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    build) build ;;
    run) run "$@" ;;
    smoke)
        start=$(date +%s)
        build
        echo "fuzz: built in $(($(date +%s) - start)) s"
        mkdir -p "$work/logs"
        regress || true
        # Targets whose seeds failed are not fuzzed: their finding is already known.
        chosen=()
        for target in "${targets[@]}"; do [ -e "$work/logs/$target.status" ] || chosen+=("$target"); done
        [ ${#chosen[@]} -eq 0 ] || FUZZ_JOBS=${FUZZ_JOBS:-2} run_list "${1:-25}" "${chosen[@]}" || true
        passed=0 failed=0
        for target in "${targets[@]}"; do
            if [ "$(cat "$work/logs/$target.status" 2>/dev/null)" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
        done
        echo "fuzz smoke: $(($(date +%s) - start)) s"
        echo "$passed passed, $failed failed"
        [ "$failed" -eq 0 ]
        ;;
    regress) mkdir -p "$work/logs"; regress ;;
    list) printf '%s\n' "${targets[@]}" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
