#!/usr/bin/env bash
# Headless Chromium screenshots of every page kind at phone (375 px) and desktop (1280 px) widths,
# to look at before a release: bash scripts/screenshots.sh [SITE_DIR] [OUT_DIR]
#
# Page kinds: home, statistics, open data, the platform list and one platform page (and the
# catch-all one), the notes list, one note and one tag page, methodology, glossary, commitments, the
# publications calendar, a stored release (overview, statistics, data), the 404 page. Files are
# named <page>-<width>.png; their list is printed and written to OUT_DIR/index.txt, with a mark on
# any page wider than its window (content pushed off screen).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
site="${1:-_site}"
out="${2:-screenshots}"
if ! command -v chromium >/dev/null 2>&1; then
    echo "screenshots: installing chromium" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
[ -f "$site/index.html" ] || { echo "screenshots: no site in $site (run scripts/build-site.sh first)" >&2; exit 1; }
mkdir -p "$out"
site_abs="$(cd "$site" && pwd)"

first_dir() {  # first sub-folder of $1 holding an index.html, skipping the names given after it
    local dir="$1"; shift
    [ -d "$site_abs/$dir" ] || return 0
    for candidate in $(ls "$site_abs/$dir" | sort); do
        local skip=0
        for excluded in "$@"; do [ "$candidate" = "$excluded" ] && skip=1; done
        [ "$skip" = 0 ] && [ -f "$site_abs/$dir/$candidate/index.html" ] && { echo "$candidate"; return 0; }
    done
}

pages=(index.html statistiques/index.html donnees/index.html plateformes/index.html)
platform="$(first_dir plateformes)"
[ -n "$platform" ] && pages+=("plateformes/$platform/index.html")
# The catch-all platform reads differently ("Autres plateformes", at /plateformes/autres/): look at it too.
[ -f "$site_abs/plateformes/autres/index.html" ] && [ "$platform" != autres ] && pages+=(plateformes/autres/index.html)
pages+=(notes/index.html)
note="$(first_dir notes themes methodologie)"
[ -n "$note" ] && pages+=("notes/$note/index.html")
tag="$(first_dir notes/themes)"
[ -n "$tag" ] && pages+=("notes/themes/$tag/index.html")
for page in methodologie/index.html glossaire/index.html plan-du-site/index.html progres/index.html publications/index.html; do
    [ -f "$site_abs/$page" ] && pages+=("$page")
done
release="$(ls "$site_abs/publications" 2>/dev/null | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | sort | head -n 1 || true)"
if [ -n "$release" ]; then
    for page in index.html statistiques/index.html donnees/index.html; do
        [ -f "$site_abs/publications/$release/$page" ] && pages+=("publications/$release/$page")
    done
fi
[ -f "$site_abs/404.html" ] && pages+=(404.html)

: > "$out/index.txt"
# With Selenium (installed by checks/install.sh) each shot holds the whole page: the window is
# resized to the page's height. Without it, Chromium alone takes a fixed 3 000 px of each page.
if python3 -c 'import selenium' 2>/dev/null && command -v chromedriver >/dev/null 2>&1; then
    SE_AVOID_STATS=true python3 - "$(command -v chromedriver)" "$(command -v chromium)" "$site_abs" "$out" "${pages[@]}" <<'PY' | tee -a "$out/index.txt"
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

driver_path, browser_path, site, out, pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
    options.add_argument(argument)
options.binary_location = browser_path
driver = webdriver.Chrome(options=options, service=Service(driver_path))
try:
    for page in pages:
        name = page[: -len("index.html")] if page.endswith("index.html") else page
        name = name.strip("/").replace("/", "-").removesuffix(".html") or "accueil"
        for width in (375, 1280):
            driver.set_window_size(width, 1000)
            driver.get(f"file://{site}/{page}")
            height = driver.execute_script("return Math.min(16000, document.documentElement.scrollHeight)")
            driver.set_window_size(width, height + (driver.get_window_size()["height"] - driver.execute_script("return window.innerHeight")))
            overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
            path = f"{out}/{name}-{width}.png"
            driver.save_screenshot(path)
            # A page wider than the window pushes content off screen: say so next to the file.
            print(path + ("  (wider than the window: horizontal scrolling)" if overflow else ""))
finally:
    driver.quit()
PY
else
    for page in "${pages[@]}"; do
        name="$(echo "${page%index.html}" | sed 's#/$##; s#/#-#g')"
        [ -z "$name" ] && name="accueil"
        name="${name%.html}"
        for width in 375 1280; do
            file="$out/$name-$width.png"
            chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
                --screenshot="$file" --window-size="$width,3000" "file://$site_abs/$page" >/dev/null 2>&1
            echo "$file" | tee -a "$out/index.txt"
        done
    done
fi
