#!/usr/bin/env bash
# The whole test suite: Swift unit and end-to-end tests, then the real-world site checks
# (Nu HTML Checker, axe-core in headless Chromium, links, Frictionless, feeds, determinism)
# on the default site and on a generated one. CI runs exactly this (.ci/run).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0
step() { printf '\n== %s\n' "$1"; }
timer() { date +%s; }

step "setup"
bash scripts/setup.sh || exit 1

step "swift build"
start=$(timer)
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Merging|Planning)' || true
[ -x .build/debug/vigie ] || { echo "swift build failed"; exit 1; }
echo "swift build: $(( $(timer) - start )) s"

step "swift test"
start=$(timer)
swift test --skip-build 2>&1 | grep -vE '^(◇|↳)' | grep -vE '^✔ Test ' ; status=${PIPESTATUS[0]}
echo "swift test: $(( $(timer) - start )) s (exit $status)"
[ "$status" -eq 0 ] || failed=1

step "site checks"
start=$(timer)
bash checks/install.sh || exit 1
work=$(mktemp -d -t vigie-checks.XXXXXX)
trap 'rm -rf "$work"' EXIT
vigie="$PWD/.build/debug/vigie"
"$vigie" build --output "$work/default" || failed=1
"$vigie" generate --cases 4000 --notes 60 --extra-platforms 14 --seed 44 --output "$work/generated-content" >/dev/null || failed=1
"$vigie" build --content "$work/generated-content" --output "$work/generated" || failed=1

python3 checks/site_check.py "$work/default" --name default \
    --rebuild-cmd "$vigie build --output {out}" || failed=1
python3 checks/site_check.py "$work/generated" --name generated \
    --rebuild-cmd "$vigie build --content $work/generated-content --output {out}" || failed=1
echo "site checks: $(( $(timer) - start )) s"

step "site checks catch broken sites"
bash checks/test_fixtures.sh || failed=1

echo
if [ "$failed" -eq 0 ]; then echo "all test steps passed"; else echo "some test steps failed"; fi
exit "$failed"
