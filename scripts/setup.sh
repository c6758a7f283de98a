#!/usr/bin/env bash
# Installs what Vigie needs to build on a fresh Debian machine: cmark (libcmark-dev), SQLite
# (libsqlite3-dev, for /donnees/vigie.sqlite), libpq (libpq-dev, for cases read from PostgreSQL), pkg-config, the sqlite3 command the tests read
# that file with, and librsvg's rsvg-convert with the DejaVu fonts (librsvg2-bin, fonts-dejavu-core:
# the PNG of each chart), and the DSFR theme's files when content/site.yaml chooses `theme: dsfr`
# (scripts/install-dsfr.sh). Quiet and quick when they are already there.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libcmark 2>/dev/null; then missing+=(libcmark-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then missing+=(libsqlite3-dev); fi
if ! pkg-config --exists libpq 2>/dev/null; then missing+=(libpq-dev); fi
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The DSFR theme's files, when content/site.yaml chooses it (scripts/install-dsfr.sh: from PyPI, once).
if grep -qE '^theme:[[:space:]]*"?dsfr"?[[:space:]]*$' content/site.yaml 2>/dev/null; then
    bash "$(dirname "${BASH_SOURCE[0]}")/install-dsfr.sh"
fi
command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH (Swift 6.1 or later is needed)" >&2; exit 1; }
