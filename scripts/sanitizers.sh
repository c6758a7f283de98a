#!/usr/bin/env bash
# Builds `vigie` with AddressSanitizer and with ThreadSanitizer (each in its own scratch folder),
# runs the end-to-end tests against each binary (VIGIE_BINARY) and one large generated build, and
# fails on any sanitizer report.
#
#   bash scripts/sanitizers.sh                 # address, then thread
#   bash scripts/sanitizers.sh address         # one of them
#   VIGIE_SANITIZER_CASES=20000 bash scripts/sanitizers.sh thread   # a smaller generated build
#
# Every sanitized process writes its reports to a file of its own (log_path), so a report is seen
# even when a test does not look at stderr, or a child is killed on purpose. Not part of
# scripts/test.sh: on 2 cores the two builds and runs take long (see README, "Sanitizers").
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
cases="${VIGIE_SANITIZER_CASES:-200000}"
notes="${VIGIE_SANITIZER_NOTES:-2000}"
timer() { date +%s; }
failed=0

bash scripts/setup.sh || exit 1

# The test bundle is the ordinary one: only the binary it runs is sanitized.
echo "== swift build --build-tests (the tests that drive the sanitized binary)"
swift build --build-tests 2>&1 | grep -E 'error:' || true
[ -x .build/debug/vigie ] || { echo "sanitizers: swift build failed"; exit 1; }

for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan; variable=ASAN_OPTIONS ;;
        thread) scratch=.build-tsan; variable=TSAN_OPTIONS ;;
        *) echo "sanitizers: unknown sanitizer '$sanitizer' (address or thread)" >&2; exit 2 ;;
    esac
    reports=$(mktemp -d -t "vigie-$sanitizer.XXXXXX")
    work=$(mktemp -d -t "vigie-$sanitizer-work.XXXXXX")

    echo
    echo "== $sanitizer: swift build --scratch-path $scratch --sanitize=$sanitizer"
    start=$(timer)
    if ! swift build --scratch-path "$scratch" --sanitize="$sanitizer" --product vigie 2>&1 \
        | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Merging|Planning|Wrapping)'; then
        :
    fi
    binary="$PWD/$scratch/debug/vigie"
    [ -x "$binary" ] || { echo "sanitizers: the $sanitizer build failed"; failed=1; continue; }
    echo "$sanitizer build: $(( $(timer) - start )) s"

    # halt_on_error (ASan): the first error stops the process, so the test that ran it fails
    # too. Leaks are not looked for: `vigie build` keeps its build values on purpose until the
    # process ends (SiteBuilder's `freeingMemory: false`, which LeakSanitizer reports as leaks).
    # TSan reports every race it sees and exits 66 at the end.
    if [ "$sanitizer" = address ]; then
        options="log_path=$reports/report:halt_on_error=1:detect_leaks=0:strip_path_prefix=$PWD/"
    else
        options="log_path=$reports/report:halt_on_error=0:exitcode=66:strip_path_prefix=$PWD/"
    fi

    echo "== $sanitizer: end-to-end tests against $scratch/debug/vigie"
    start=$(timer)
    env "$variable=$options" VIGIE_BINARY="$binary" swift test --skip-build --filter VigieEndToEndTests \
        > "$work/tests.log" 2>&1
    status=$?
    grep -E '^✘|Test run with' "$work/tests.log" | tail -n 40
    echo "$sanitizer end-to-end tests: $(( $(timer) - start )) s (exit $status)"
    [ "$status" -eq 0 ] || failed=1

    echo "== $sanitizer: generated build, $cases cases, $notes notes, 14 small extra platforms"
    start=$(timer)
    # Generated with the ordinary binary (generation is not what is under test), built with the
    # sanitized one; extra platforms make more pages (at this size none of their cells is small).
    .build/debug/vigie generate --cases "$cases" --notes "$notes" --extra-platforms 14 --seed 2018 \
        --output "$work/content" >/dev/null || failed=1
    env "$variable=$options" "$binary" build --content "$work/content" --output "$work/site" 2>&1 | tail -n 3
    status=${PIPESTATUS[0]}
    echo "$sanitizer generated build: $(( $(timer) - start )) s (exit $status)"
    [ "$status" -eq 0 ] || failed=1

    count=$(find "$reports" -type f | wc -l)
    if [ "$count" -gt 0 ]; then
        echo "$sanitizer: $count process(es) wrote a report:"
        for file in "$reports"/*; do
            echo "--- $file"
            head -n 60 "$file"
        done
        failed=1
    else
        echo "$sanitizer: no report"
    fi
    rm -rf "$work"
    [ "$count" -gt 0 ] || rm -rf "$reports"
done

echo
if [ "$failed" -eq 0 ]; then echo "sanitizers: ${sanitizers[*]}: clean"; else echo "sanitizers: ${sanitizers[*]}: FAILED"; fi
exit "$failed"
