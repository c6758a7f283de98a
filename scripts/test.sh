#!/usr/bin/env bash
# The whole test suite: Swift unit and end-to-end tests (with a throw-away PostgreSQL server on
# 127.0.0.1 for the cases_database tests: scripts/postgres-test-server.sh), then the real-world site checks
# (Nu HTML Checker, axe-core in headless Chromium, links, Frictionless, feeds, determinism)
# on the default site, on the same content in the DSFR theme and on a generated one, then a short
# pass of every fuzz target.
# CI runs exactly this (.ci/run).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0
passed_total=0
failed_total=0
log=$(mktemp -t vigie-test.XXXXXX)
step() { printf '\n== %s\n' "$1"; }
# Adds the "N passed, M failed" line of a checker's output (in $log) to the totals.
tally() {
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -n "$line" ]; then
        passed_total=$((passed_total + $(echo "$line" | cut -d' ' -f1)))
        failed_total=$((failed_total + $(echo "$line" | cut -d' ' -f3)))
    else
        failed_total=$((failed_total + 1))
    fi
}
timer() { date +%s; }

step "setup"
bash scripts/setup.sh || exit 1
# The DSFR theme's files (PyPI, once): its Swift tests and site checks build with it.
bash scripts/install-dsfr.sh || exit 1

step "swift build"
start=$(timer)
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Merging|Planning)' || true
[ -x .build/debug/vigie ] || { echo "swift build failed"; exit 1; }
echo "swift build: $(( $(timer) - start )) s"

step "swift test"
start=$(timer)
# A throw-away PostgreSQL server for the tests of cases_database (PostgreSQLCaseSourceTests), stopped
# on exit whatever happens; those tests are skipped only when VIGIE_TEST_DATABASE_URL is unset.
postgres=$(mktemp -d -t vigie-postgres.XXXXXX)
stop_postgres() { bash scripts/postgres-test-server.sh stop "$postgres"; }
trap stop_postgres EXIT
bash scripts/postgres-test-server.sh start "$postgres" || { echo "the PostgreSQL test server did not start"; exit 1; }
VIGIE_TEST_DATABASE_URL=$(cat "$postgres/url") swift test --skip-build > "$log" 2>&1; status=$?
stop_postgres
# Keep failures, suites and the closing line; drop one line per passing test.
grep -vE '^(◇|↳)' "$log" | grep -vE '^✔ Test ("|[A-Za-z_]+\()'
tests=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | tail -n 1 | grep -oE '[0-9]+')
failing=$(grep -cE '^✘ Test ("|[A-Za-z_]+\().* failed after' "$log")
passed_total=$((passed_total + ${tests:-0} - failing))
failed_total=$((failed_total + failing))
if [ "$status" -ne 0 ] && [ "$failing" -eq 0 ]; then failed_total=$((failed_total + 1)); fi
echo "swift test: $(( $(timer) - start )) s (exit $status)"
[ "$status" -eq 0 ] || failed=1

step "site checks"
start=$(timer)
bash checks/install.sh || exit 1
work=$(mktemp -d -t vigie-checks.XXXXXX)
trap 'rm -rf "$work" "$log"; stop_postgres' EXIT
vigie="$PWD/.build/debug/vigie"
"$vigie" build --output "$work/default" || failed=1
"$vigie" generate --cases 4000 --notes 60 --extra-platforms 14 --seed 44 --output "$work/generated-content" >/dev/null || failed=1
"$vigie" build --content "$work/generated-content" --output "$work/generated" || failed=1
# The default content in the DSFR theme (theme: dsfr added to a copy of site.yaml).
cp -R content "$work/dsfr-content" && echo "theme: dsfr" >> "$work/dsfr-content/site.yaml"
"$vigie" build --content "$work/dsfr-content" --output "$work/dsfr" || failed=1

python3 checks/site_check.py "$work/default" --name default \
    --rebuild-cmd "$vigie build --output {out}" > "$log" 2>&1 || failed=1
cat "$log"; tally
python3 checks/site_check.py "$work/generated" --name generated \
    --rebuild-cmd "$vigie build --content $work/generated-content --output {out}" > "$log" 2>&1 || failed=1
cat "$log"; tally
python3 checks/site_check.py "$work/dsfr" --name dsfr \
    --rebuild-cmd "$vigie build --content $work/dsfr-content --output {out}" > "$log" 2>&1 || failed=1
cat "$log"; tally
echo "site checks: $(( $(timer) - start )) s"

step "site checks catch broken sites"
bash checks/test_fixtures.sh > "$log" 2>&1 || failed=1
cat "$log"; tally

step "fuzz smoke"
# Each reader's libFuzzer target (scripts/fuzz.sh): built with AddressSanitizer, every seed of
# Tests/Fuzz/corpus run once, then each target fuzzed for 25 s, two at a time.
start=$(timer)
bash scripts/fuzz.sh smoke 25 > "$log" 2>&1 || failed=1
cat "$log"; tally
echo "fuzz smoke: $(( $(timer) - start )) s"
rm -f "$log"

echo
if [ "$failed" -eq 0 ]; then echo "all test steps passed"; else echo "some test steps failed"; fi
# Swift tests and site checks together.
echo "$passed_total passed, $failed_total failed"
exit "$failed"
