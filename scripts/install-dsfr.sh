#!/usr/bin/env bash
# Installs the files of the DSFR theme (templates/themes/dsfr/, chosen by `theme: dsfr` in
# site.yaml) that are not in the repository: the State design system's stylesheet, the icons and
# fonts it refers to, and its licence, taken from the django-dsfr wheel on PyPI (pinned version and
# SHA-256). The wheel is downloaded once into .cache/ (ignored by git); the site serves the files
# itself, never from a CDN. Quiet and quick when they are already installed.
#
#   bash scripts/install-dsfr.sh [--templates DIR]     # default: templates
set -euo pipefail

version="3.6.1"
sha256="c59bb7db779d7a605f5be26c9d9f0dfe4a44073f861148df5a22c85bdb250067"
wheel="django_dsfr-${version}-py3-none-any.whl"
repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
templates="$repository/templates"
if [ "${1:-}" = "--templates" ] && [ -n "${2:-}" ]; then
    # Relative to where the command was run, as `vigie build --templates` reads it.
    templates="$(cd "$2" 2>/dev/null && pwd)" || { echo "install-dsfr: no folder $2" >&2; exit 1; }
elif [ $# -gt 0 ]; then
    echo "usage: bash scripts/install-dsfr.sh [--templates DIR]" >&2; exit 2
fi
cd "$repository"
target="$templates/themes/dsfr/assets/dsfr"
stamp="$target/.installed"
cache=".cache/dsfr"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "django-dsfr $version" ]; then
    exit 0
fi
[ -d "$templates/themes/dsfr" ] || { echo "install-dsfr: no theme folder $templates/themes/dsfr" >&2; exit 1; }

mkdir -p "$cache"
if ! echo "$sha256  $cache/$wheel" | sha256sum --check --status 2>/dev/null; then
    echo "install-dsfr: downloading django-dsfr $version from PyPI"
    rm -f "$cache/$wheel"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$cache" "django-dsfr==$version" \
        || { echo "install-dsfr: could not download django-dsfr $version (is PyPI reachable?)" >&2; exit 1; }
    echo "$sha256  $cache/$wheel" | sha256sum --check --status \
        || { echo "install-dsfr: $cache/$wheel does not have the expected SHA-256" >&2; exit 1; }
fi

# Only what the pages load: dsfr.min.css, then every file its url()s name (fonts, icons),
# found by reading the stylesheet, so a file it needs cannot be left out. Written beside the
# target and renamed, so a failed run leaves no half-installed theme.
staging="$target.partial"
rm -rf "$staging"
python3 - "$cache/$wheel" "$staging" "$version" <<'PY'
import os, re, sys, zipfile
wheel, staging, version = sys.argv[1:]
dist = "dsfr/static/dsfr/dist/"
with zipfile.ZipFile(wheel) as archive:
    names = set(archive.namelist())
    def copy(member, relative):
        path = os.path.join(staging, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(archive.read(member))
    css = archive.read(dist + "dsfr.min.css").decode("utf-8")
    copy(dist + "dsfr.min.css", "dsfr.min.css")
    wanted = set()
    for match in re.finditer(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", css):
        url = match.group(2)
        if url.startswith("data:"):
            continue
        if re.match(r"^[a-z]+:|^/", url):
            sys.exit(f"install-dsfr: dsfr.min.css refers to {url}, outside the package")
        wanted.add(os.path.normpath(url.split("#")[0].split("?")[0]))
    for relative in sorted(wanted):
        if dist + relative not in names:
            sys.exit(f"install-dsfr: dsfr.min.css refers to {relative}, which the package lacks")
        copy(dist + relative, relative)
    # The code is under the MIT licence, which asks that its notice travel with the copies.
    copy("LICENSE", "LICENSE.txt")
    with open(os.path.join(staging, ".installed"), "w") as stamp:
        stamp.write(f"django-dsfr {version}")
    print(f"install-dsfr: dsfr.min.css and {len(wanted)} files it refers to")
PY
rm -rf "$target"
mv "$staging" "$target"
