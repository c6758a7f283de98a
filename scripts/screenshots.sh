#!/usr/bin/env bash
# Headless Chromium screenshots of the main page kinds at phone (375 px) and desktop (1280 px)
# widths, to look at before a release: bash scripts/screenshots.sh [SITE_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
site="${1:-_site}"
out="${2:-screenshots}"
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
[ -f "$site/index.html" ] || { echo "screenshots: no site in $site (run scripts/build-site.sh first)" >&2; exit 1; }
mkdir -p "$out"
site_abs="$(cd "$site" && pwd)"
platform="$(ls "$site_abs/plateformes" | grep -v index.html | head -n 1)"
pages=(index.html statistiques/index.html "plateformes/$platform/index.html" progres/index.html notes/index.html methodologie/index.html donnees/index.html)
note="$(ls "$site_abs/notes" | grep -vE 'index.html|themes' | head -n 1)"
[ -n "$note" ] && pages+=("notes/$note/index.html")
for page in "${pages[@]}"; do
    name="$(echo "${page%/index.html}" | tr '/' '-')"
    [ "$name" = "index.html" ] && name="accueil"
    for width in 375 1280; do
        height=$([ "$width" = 375 ] && echo 2400 || echo 2000)
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
            --screenshot="$out/$name-$width.png" --window-size="$width,$height" "file://$site_abs/$page" >/dev/null 2>&1
        echo "$out/$name-$width.png"
    done
done
