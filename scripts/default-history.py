#!/usr/bin/env python3
"""Makes the stored releases of the default content: for each past date, oldest first, a copy of
content/ whose case file is the one that stood on that date (cases reported later left out, later
referrals and closures undone), released there with `vigie release`, and the release folder copied
back into content/publications/. Run from the repository root after `swift build`:

    python3 scripts/default-history.py 2018-12-20 2019-01-31

The current publication is then released in content/ itself with `.build/debug/vigie release`.
"""
import csv, io, os, re, shutil, subprocess, sys, tempfile

def case_file_as_of(text, day):
    rows = list(csv.reader(io.StringIO(text)))
    header, out = rows[0], [rows[0]]
    col = {name: i for i, name in enumerate(header)}
    for row in rows[1:]:
        if not row or row[col["reported_on"]] > day:
            continue
        row = list(row)
        if row[col["referred_on"]] and row[col["referred_on"]] > day:
            row[col["referred_on"]] = ""
            row[col["status"]] = "qualified"
        if row[col["closed_on"]] and row[col["closed_on"]] > day:
            row[col["closed_on"]] = ""
            row[col["outcome"]] = ""
            row[col["status"]] = "in_mediation" if row[col["referred_on"]] else "qualified"
        out.append(row)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(out)
    return buffer.getvalue()

def milestones_as_of(text, day):
    """Commitments done after `day` were still open then: late if already due, else in progress."""
    blocks = re.split(r"(?m)^(?=  - id:)", text)
    out = []
    for block in blocks:
        done = re.search(r"(?m)^    done_on: *(\d{4}-\d{2}-\d{2})\n", block)
        if done and done.group(1) > day:
            due = re.search(r"(?m)^    due: *(\d{4}-\d{2}-\d{2})", block)
            status = "late" if due and due.group(1) < day else "in_progress"
            block = block.replace(done.group(0), "")
            block = re.sub(r"(?m)^    status: *done$", "    status: " + status, block)
        out.append(block)
    return "".join(out)

def main(dates):
    for day in sorted(dates):
        work = tempfile.mkdtemp(prefix="vigie-history-")
        content = os.path.join(work, "content")
        shutil.copytree("content", content)
        site = os.path.join(content, "site.yaml")
        text = open(site, encoding="utf-8").read()
        text = re.sub(r"(?m)^publication_date: .*$", "publication_date: " + day, text)
        text = re.sub(r"(?m)^next_publication: .*\n", "", text)
        # The accessibility statement could not be dated after the publication, nor audit a page
        # of a release that did not exist yet.
        text = re.sub(r"(?m)^(    statement_date: *)(\d{4}-\d{2}-\d{2})$", lambda m: m.group(1) + min(m.group(2), day), text)
        text = re.sub(r"(?m)^      - /publications/(\d{4}-\d{2}-\d{2})/.*\n",
                      lambda m: m.group(0) if m.group(1) < day else "", text)
        open(site, "w", encoding="utf-8").write(text)
        for name in os.listdir(os.path.join(content, "cases")):
            path = os.path.join(content, "cases", name)
            text = case_file_as_of(open(path, encoding="utf-8").read(), day)
            open(path, "w", encoding="utf-8").write(text)
        # Notes written after that date did not exist yet, nor could a commitment cite them.
        later = []
        for name in os.listdir(os.path.join(content, "notes")):
            path = os.path.join(content, "notes", name)
            match = re.search(r"(?m)^date: *(\d{4}-\d{2}-\d{2})", open(path, encoding="utf-8").read())
            if match and match.group(1) > day:
                later.append(name[:-3])
                os.remove(path)
        # Nor could an earlier note link to them: such a link is kept as its text.
        for name in os.listdir(os.path.join(content, "notes")):
            path = os.path.join(content, "notes", name)
            text = open(path, encoding="utf-8").read()
            for slug in later:
                text = re.sub(r"\[([^\]]*)\]\((?:\.\./|/notes/)" + re.escape(slug) + r"/?(?:#[^)]*)?\)", r"\1", text)
            open(path, "w", encoding="utf-8").write(text)
        # Nor could the accessibility statement name their pages, or a theme page that may not exist yet.
        text = open(site, encoding="utf-8").read()
        for slug in later:
            text = re.sub(r"(?m)^      - /notes/" + re.escape(slug) + r"/?\n", "", text)
        text = re.sub(r"(?m)^      - /notes/themes/.*\n", "", text)
        open(site, "w", encoding="utf-8").write(text)
        path = os.path.join(content, "milestones.yaml")
        text = milestones_as_of(open(path, encoding="utf-8").read(), day)
        for slug in later:
            text = re.sub(r"(?m)^    source: *notes/" + re.escape(slug) + r"\n", "", text)
        open(path, "w", encoding="utf-8").write(text)
        subprocess.run([".build/debug/vigie", "release", "--content", content], check=True)
        shutil.copytree(os.path.join(content, "publications", day), os.path.join("content", "publications", day))
        shutil.rmtree(work)

if __name__ == "__main__":
    main(sys.argv[1:])
