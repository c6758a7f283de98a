#!/usr/bin/env bash
# The benchmark (not part of the test run): installs the comparison tools when missing (apt: hugo,
# cmark, time; pip: duckdb), builds the release vigie, then runs scripts/benchmark.py with the
# arguments given here (e.g. --sizes 10k,100k --runs 3 --markdown-out /tmp/results.md).
# VIGIE_SCRATCH_PATH=DIR builds into DIR instead of .build (to leave a working tree's build alone).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v cmark >/dev/null 2>&1 || missing+=(cmark)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "benchmark: installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c "import duckdb" >/dev/null 2>&1; then
    echo "benchmark: installing duckdb (pip)"
    python3 -m pip install --quiet duckdb 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages duckdb
fi

scratch=(--scratch-path "${VIGIE_SCRATCH_PATH:-.build}")
swift build -c release --product vigie "${scratch[@]}" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin_path="$(swift build -c release --product vigie "${scratch[@]}" --show-bin-path)"
test -x "$bin_path/vigie" || { echo "benchmark: compilation failed" >&2; exit 1; }

# --vigie comes first so that one given on the command line wins.
exec python3 scripts/benchmark.py --vigie "$bin_path/vigie" "$@"
