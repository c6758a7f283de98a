#!/usr/bin/env bash
# One command for publishers: set up, compile Vigie (release) and build the default site
# from content/ into _site/. Extra arguments go to `vigie build` (e.g. --output public).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
swift build -c release --product vigie 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
test -x .build/release/vigie || { echo "build-site: compilation failed" >&2; exit 1; }
exec .build/release/vigie build "$@"
