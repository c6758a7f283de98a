#!/usr/bin/env python3
"""Benchmark of `vigie build` at three sizes, side by side with DuckDB, Hugo and cmark.

Not part of the test run: it takes minutes and its figures depend on the machine. Results and
budgets are kept in BENCHMARKS.md (see that file for how to reproduce them).

For each size (10k = 10 000 cases and 100 notes, 100k = 100 000 and 1 000, 1m = 1 000 000 and
10 000) the script
  1. generates the synthetic content once with `vigie generate` (cached under --work),
  2. runs `vigie build --timings` --runs times and keeps the median of each stage, of the process
     wall time and of the peak resident memory,
  3. unless --no-compare, runs on the same input, when the tools are present:
     - Vigie again on the cases alone (same folder with no notes), the fair figure to set against
       DuckDB (builds before the "read notes" stage existed read the notes' front matter in "validate"),
     - DuckDB (in its own `python3 -c` process): read_csv, then the core tables written as CSV,
     - Hugo on the same notes with minimal single and list layouts,
     - the cmark command-line tool on the bodies of the same notes, in one process,
  4. prints one block per size, and the targets of the issue with PASS or MISS.

Wall times come from time.perf_counter around each process; peak resident memory from
os.wait4's ru_maxrss (kilobytes on Linux), so each tool is measured in its own process. On a shared
machine, each run waits for the machine to be idle, and a run during which other processes used
the CPU is measured again (see "Shared machines" in BENCHMARKS.md).

Standard library only; DuckDB is imported in the child process, never here.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Each size: its label → (cases, notes).
SIZES = {
    "10k": (10_000, 100),
    "100k": (100_000, 1_000),
    "1m": (1_000_000, 10_000),
    # Not in the default sizes: about 1.1 GB of CSV, a minute to generate; it checks that memory
    # does not grow with the number of cases (issue 20) and that the time per case holds.
    "10m": (10_000_000, 10_000),
}

# The targets of the issue, checked at every size (they are stated for 1 M cases and 10 k notes).
TARGET_RATIO_TO_DUCKDB_PLUS_HUGO = 0.25  # full vigie build ≤ ¼ of DuckDB + Hugo
TARGET_PEAK_RSS_MIB = 1024  # peak memory ≤ 1 GiB
TARGET_MARKDOWN_TO_CMARK = 1.3  # "render markdown" stage within 1.3× of the cmark CLI
# read + validate + aggregate must be faster than DuckDB's import-and-aggregate (ratio < 1).

# Vigie's stage names may change, so stages are matched by words in their names.
READ_AND_AGGREGATE_WORDS = ("load", "validate", "compute")
MARKDOWN_WORDS = ("markdown",)

# A Vigie run longer than this, or with a larger peak memory, is not repeated (the table then says
# how many runs it has): a 1 M build that slow or that big is a result in itself.
DEFAULT_SINGLE_RUN_OVER_SECONDS = 600.0
SINGLE_RUN_OVER_MIB = 8 * 1024

# Before each measured run, wait (up to --wait-quiet seconds) until other processes use less than
# this share of one core, so that a compilation next door does not end up in the figures.
QUIET_CPU_SHARE = 0.15

# A run during which other processes used more than this share of one core on average is disturbed:
# it is measured again, at most --retries more times (the last attempt is kept whatever it shows).
# Vigie's own file writes show up here as kernel work of about 0.05 core, below that. /proc/stat
# counts in 10 ms ticks, so less than DISTURBED_MIN_CPU_SECONDS never counts as a disturbance.
DISTURBED_CPU_SHARE = 0.10
DISTURBED_MIN_CPU_SECONDS = 0.05

# The two settings of the measuring policy, set once by main() from the command line.
quiet_wait_seconds = 0.0  # --wait-quiet
retries_per_run = 0  # --retries
rebuild_over_previous = False  # --rebuild


# --------------------------------------------------------------------------------------------
# Measuring one process


@dataclass
class Measurement:
    """One run of one process: wall seconds, peak resident memory and what it printed."""

    seconds: float
    peak_rss_kib: int
    exit_code: int
    stdout: str
    stderr: str
    cpu_seconds: float  # user + system time of the process (and the children it waited for)
    others_cpu_seconds: float  # CPU time the rest of the machine used meanwhile: interference
    discarded: int = 0  # earlier attempts of this run thrown away as disturbed

    @property
    def disturbed(self) -> bool:
        return (self.others_cpu_seconds > DISTURBED_CPU_SHARE * self.seconds
                and self.others_cpu_seconds > DISTURBED_MIN_CPU_SECONDS)

    @property
    def peak_rss_mib(self) -> float:
        return self.peak_rss_kib / 1024


def machine_busy_seconds() -> float:
    """CPU seconds all processes have used since boot (all cores), from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle, iowait = fields[3], fields[4]
    return (sum(fields[:8]) - idle - iowait) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet_machine() -> None:
    """Waits until the machine is idle over one second, or until quiet_wait_seconds have passed."""
    deadline = time.monotonic() + quiet_wait_seconds
    while True:
        before = machine_busy_seconds()
        time.sleep(1.0)
        if machine_busy_seconds() - before < QUIET_CPU_SHARE or time.monotonic() >= deadline:
            return


def run_measured(command: list[str], log_dir: Path, read_stdout: bool = True) -> Measurement:
    """Runs `command`, timing it with perf_counter and reading its peak RSS from os.wait4.

    Output goes to files in `log_dir` (not pipes), so a chatty process cannot block on a full pipe
    and the parent does no work while the child runs. With `read_stdout` false the output stays in
    the file only (cmark's HTML is tens of megabytes at 1 M).
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    if quiet_wait_seconds > 0:
        wait_for_quiet_machine()
    out_path, err_path = log_dir / "stdout.txt", log_dir / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        busy_before = machine_busy_seconds()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        busy_during = machine_busy_seconds() - busy_before
    cpu_seconds = usage.ru_utime + usage.ru_stime
    process.returncode = os.waitstatus_to_exitcode(status)  # keeps Popen from waiting again
    return Measurement(
        seconds=seconds,
        peak_rss_kib=usage.ru_maxrss,
        exit_code=process.returncode,
        stdout=out_path.read_text(errors="replace") if read_stdout else "",
        stderr=err_path.read_text(errors="replace"),
        cpu_seconds=cpu_seconds,
        others_cpu_seconds=max(0.0, busy_during - cpu_seconds),
    )


def run_undisturbed(command: list[str], log_dir: Path, read_stdout: bool = True) -> Measurement:
    """run_measured, repeated (up to retries_per_run times) while other processes disturbed it."""
    for attempt in range(retries_per_run + 1):
        measurement = run_measured(command, log_dir, read_stdout=read_stdout)
        measurement.discarded = attempt
        if not measurement.disturbed or measurement.exit_code != 0 or attempt == retries_per_run:
            return measurement
        print(f"  (disturbed: other processes used {measurement.others_cpu_seconds:.2f} CPU s during "
              f"{measurement.seconds:.2f} s; measuring again)", flush=True)
    raise AssertionError("unreachable")


def require_success(measurement: Measurement, what: str) -> None:
    """Stops the benchmark with the tool's own output when a run failed."""
    if measurement.exit_code != 0:
        sys.stderr.write(measurement.stdout[-4000:] + measurement.stderr[-4000:])
        sys.exit(f"benchmark: {what} failed with exit status {measurement.exit_code}")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --------------------------------------------------------------------------------------------
# Preparing the inputs (cached by size and seed)


@dataclass
class Inputs:
    """The files of one size: Vigie's content folder (and a copy without notes), a Hugo site and
    the cmark input."""

    label: str
    cases: int
    notes: int
    content_dir: Path
    cases_only_dir: Path
    hugo_site: Path
    cmark_input: Path

    @property
    def cases_csv(self) -> Path:
        return self.content_dir / "cases" / "cases.csv"


def set_aside(path: Path, work: Path) -> None:
    """Moves a previous output out of the way, to be deleted when the benchmark ends.

    Deleting it right before the next run would slow that run down: on ext4 without a journal (this
    machine's root file system) new inodes skip those freed in the last 30 s, so creating 10,000
    folders right after deleting 10,000 took Vigie's write stage from 0.8 s to 8 s over four
    back-to-back runs, and slows Hugo alike."""
    if not path.exists():
        return
    trash = work / "trash"
    trash.mkdir(parents=True, exist_ok=True)
    path.rename(trash / f"{path.name}-{time.monotonic_ns()}")


def empty_trash(work: Path) -> None:
    shutil.rmtree(work / "trash", ignore_errors=True)


def prepare_inputs(vigie: Path, label: str, seed: int, work: Path) -> Inputs:
    """Generates (once) the content of one size, and the Hugo and cmark inputs made from it."""
    cases, notes = SIZES[label]
    base = work / f"input-{label}-seed{seed}"
    inputs = Inputs(label, cases, notes, base / "content", base / "content-cases-only", base / "hugo-site",
                    base / "cmark-input.md")
    done_marker = base / "complete"
    if done_marker.exists():
        write_cases_only_content(inputs)
        return inputs
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    print(f"generating {label}: {cases} cases, {notes} notes (seed {seed}) …", flush=True)
    subprocess.run(
        [str(vigie), "generate", "--cases", str(cases), "--notes", str(notes), "--seed", str(seed),
         "--output", str(inputs.content_dir)],
        check=True, stdout=subprocess.DEVNULL,
    )
    note_files = sorted((inputs.content_dir / "notes").glob("*.md"))
    write_cases_only_content(inputs)
    write_hugo_site(inputs.hugo_site, note_files)
    write_cmark_input(inputs.cmark_input, note_files)
    done_marker.write_text("ok\n")
    return inputs


def write_cases_only_content(inputs: Inputs) -> None:
    """The same content folder with an empty notes/ (the case file hard-linked, not copied)."""
    target = inputs.cases_only_dir
    if (target / "cases" / "cases.csv").exists():
        return
    (target / "cases").mkdir(parents=True, exist_ok=True)
    (target / "notes").mkdir(exist_ok=True)
    for name in ("site.yaml", "milestones.yaml"):
        shutil.copyfile(inputs.content_dir / name, target / name)
    os.link(inputs.cases_csv, target / "cases" / "cases.csv")


HUGO_CONFIG = """\
baseURL = "https://vigie.example.org/"
languageCode = "fr"
title = "Vigie — comparaison Hugo"
"""

HUGO_SINGLE = """\
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}</main></body></html>
"""

HUGO_LIST = """\
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>
</main></body></html>
"""


def write_hugo_site(site: Path, note_files: list[Path]) -> None:
    """A tiny Hugo site whose content/notes/ holds the same Markdown files (front matter included).

    The notes' front matter (title, date, summary, tags) is Hugo-compatible YAML, so the files are
    copied unchanged. Hugo's defaults stay on (tag pages, RSS, sitemap), as Vigie makes those too.
    """
    (site / "content" / "notes").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(HUGO_CONFIG)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    for note in note_files:
        shutil.copyfile(note, site / "content" / "notes" / note.name)


def markdown_body(text: str) -> str:
    """The note without its YAML front matter (cmark would read it as a rule and a heading)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + len("\n---\n"):]
    return text


def write_cmark_input(path: Path, note_files: list[Path]) -> None:
    """All note bodies concatenated into one file, so cmark renders them in one process."""
    with open(path, "w", encoding="utf-8") as out:
        for note in note_files:
            out.write(markdown_body(note.read_text(encoding="utf-8")))
            out.write("\n\n")


# --------------------------------------------------------------------------------------------
# Running Vigie


@dataclass
class VigieRun:
    """One `vigie build --timings`: its stages (seconds, in printed order) and the process figures."""

    stages: dict[str, float]
    measurement: Measurement


def parse_timings(stdout: str) -> dict[str, float]:
    """Reads every `timing: <stage>: <seconds>` line, whatever the stage names are."""
    stages: dict[str, float] = {}
    for line in stdout.splitlines():
        if not line.startswith("timing: "):
            continue
        name, _, seconds = line[len("timing: "):].rpartition(":")
        stages[name.strip()] = float(seconds)
    return stages


def run_vigie(vigie: Path, templates: Path, content: Path, name: str, work: Path, run_index: int) -> VigieRun:
    """Builds one content folder into a fresh output folder and reads the stage timings. The
    cache (charts' PNG files, notes' rendered Markdown) is the benchmark's own: the first run of
    each size draws every chart and renders every note, the later ones find them, as a publisher's
    rebuild does (the median is then a rebuild's; Hugo keeps no such cache). With
    `--rebuild`, every timed run builds over the site the run before it left in the same folder
    (the first over one built untimed), as a publisher republishes."""
    output = work / f"out-vigie-{name}"
    command = [str(vigie), "build", "--content", str(content), "--templates", str(templates),
               "--output", str(output), "--timings", "--cache-dir", str(work / "cache")]
    if not rebuild_over_previous:
        set_aside(output, work)
    elif not output.exists():
        # The site the timed rebuilds go over: built once, untimed.
        print(f"  (building {name} once, untimed, for the rebuilds to go over)", flush=True)
        require_success(run_undisturbed(command, work / "logs" / f"vigie-{name}-first"), f"vigie build ({name})")
    measurement = run_undisturbed(command, work / "logs" / f"vigie-{name}-{run_index}")
    require_success(measurement, f"vigie build ({name})")
    return VigieRun(parse_timings(measurement.stdout), measurement)


def run_vigie_repeatedly(vigie: Path, templates: Path, inputs: Inputs, work: Path, runs: int,
                         single_run_over: float) -> list[VigieRun]:
    """Runs Vigie `runs` times, or once when the first run is longer than `single_run_over`
    seconds or needs more than SINGLE_RUN_OVER_MIB."""
    results: list[VigieRun] = []
    for index in range(runs):
        run = run_vigie(vigie, templates, inputs.content_dir, inputs.label, work, index)
        results.append(run)
        print(f"  vigie {inputs.label} run {index + 1}: {run.measurement.seconds:.2f} s, "
              f"{run.measurement.peak_rss_mib:.0f} MiB, {run.measurement.cpu_seconds:.2f} CPU s; "
              f"other processes meanwhile: {run.measurement.others_cpu_seconds:.2f} CPU s", flush=True)
        too_long = run.measurement.seconds > single_run_over
        too_big = run.measurement.peak_rss_mib > SINGLE_RUN_OVER_MIB
        if index == 0 and (too_long or too_big):
            print(f"  (longer than {single_run_over:.0f} s or larger than {SINGLE_RUN_OVER_MIB} MiB: "
                  "not repeated)", flush=True)
            break
    return results


# --------------------------------------------------------------------------------------------
# Running the comparison tools


# Runs in its own `python3 -c` process so that DuckDB's memory is measured apart from ours.
# argv: the case CSV, the output folder. Prints the seconds of import-and-aggregate alone.
DUCKDB_PROGRAM = r"""
import sys, time
start = time.perf_counter()
import duckdb
csv_path, out_dir = sys.argv[1], sys.argv[2]
def quoted(text):
    return "'" + text.replace("'", "''") + "'"
imported = time.perf_counter()
con = duckdb.connect()
con.execute(
    "CREATE TABLE cases AS SELECT * FROM read_csv(" + quoted(csv_path) + ", header = true, "
    "types = {'case_id': 'VARCHAR', 'region': 'VARCHAR', 'revenue_loss_pct': 'DOUBLE'})"
)
tables = {
    "by_platform": "SELECT platform, count(*) AS cases FROM cases GROUP BY platform ORDER BY platform",
    "by_status": "SELECT status, count(*) AS cases FROM cases GROUP BY status ORDER BY status",
    "by_region": "SELECT region, count(*) AS cases FROM cases GROUP BY region ORDER BY region",
    "by_week": "SELECT strftime(reported_on, '%G-W%V') AS week, count(*) AS cases FROM cases "
               "GROUP BY week ORDER BY week",
    "platform_issue": "SELECT platform, issue, count(*) AS cases FROM "
                      "(SELECT platform, unnest(string_split(issues, '|')) AS issue FROM cases) "
                      "GROUP BY platform, issue ORDER BY platform, issue",
    "revenue_loss_quartiles": "SELECT platform, "
                              "quantile_cont(revenue_loss_pct, 0.25) AS q1, "
                              "quantile_cont(revenue_loss_pct, 0.5) AS median, "
                              "quantile_cont(revenue_loss_pct, 0.75) AS q3 "
                              "FROM cases WHERE revenue_loss_pct IS NOT NULL "
                              "GROUP BY platform ORDER BY platform",
}
for name, sql in tables.items():
    con.execute("COPY (" + sql + ") TO " + quoted(out_dir + "/" + name + ".csv") + " (HEADER)")
con.close()
end = time.perf_counter()
print(f"import-and-aggregate: {end - imported:.4f}")
print(f"python-and-duckdb-import: {imported - start:.4f}")
"""


@dataclass
class ToolRuns:
    """Repeated runs of one comparison tool; `inner` holds a time the tool reports about itself."""

    name: str
    measurements: list[Measurement] = field(default_factory=list)
    inner_seconds: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return median([m.seconds for m in self.measurements])

    @property
    def peak_rss_mib(self) -> float:
        return median([m.peak_rss_mib for m in self.measurements])

    @property
    def inner(self) -> float:
        return median(self.inner_seconds)

    @property
    def others_cpu_seconds(self) -> float:
        return median([m.others_cpu_seconds for m in self.measurements])

    @property
    def discarded(self) -> int:
        return sum(m.discarded for m in self.measurements)


def run_vigie_cases_only(vigie: Path, templates: Path, inputs: Inputs, work: Path, runs: int) -> list[VigieRun]:
    """Runs Vigie on the cases alone, to set its read + validate + aggregate against DuckDB's."""
    results = [run_vigie(vigie, templates, inputs.cases_only_dir, f"{inputs.label}-cases-only", work, index)
               for index in range(runs)]
    seconds = median([sum(s for name, s in run.stages.items() if any(w in name for w in READ_AND_AGGREGATE_WORDS))
                      for run in results])
    print(f"  vigie {inputs.label} cases only: load + validate + compute {seconds:.2f} s", flush=True)
    return results


def run_duckdb(inputs: Inputs, work: Path, runs: int) -> ToolRuns:
    """Imports the case CSV into DuckDB and writes the core tables as CSV, `runs` times."""
    result = ToolRuns("duckdb")
    output = work / f"out-duckdb-{inputs.label}"
    for index in range(runs):
        set_aside(output, work)
        output.mkdir(parents=True)
        command = [sys.executable, "-c", DUCKDB_PROGRAM, str(inputs.cases_csv), str(output)]
        measurement = run_undisturbed(command, work / "logs" / f"duckdb-{inputs.label}-{index}")
        require_success(measurement, f"duckdb ({inputs.label})")
        result.measurements.append(measurement)
        for line in measurement.stdout.splitlines():
            if line.startswith("import-and-aggregate: "):
                result.inner_seconds.append(float(line.split(": ")[1]))
    return result


def run_hugo(inputs: Inputs, work: Path, runs: int) -> ToolRuns:
    """Builds the tiny Hugo site holding the same notes, `runs` times, into a fresh folder (with
    `--rebuild`, over the site the previous run wrote, the first over one built untimed)."""
    result = ToolRuns("hugo")
    output = work / f"out-hugo-{inputs.label}"
    for index in range(runs):
        command = ["hugo", "--quiet", "-s", str(inputs.hugo_site), "-d", str(output)]
        if not rebuild_over_previous:
            set_aside(output, work)
            set_aside(inputs.hugo_site / "resources", work)
        elif not output.exists():
            require_success(run_undisturbed(command, work / "logs" / f"hugo-{inputs.label}-first"), f"hugo ({inputs.label})")
        measurement = run_undisturbed(command, work / "logs" / f"hugo-{inputs.label}-{index}")
        require_success(measurement, f"hugo ({inputs.label})")
        result.measurements.append(measurement)
    return result


def run_cmark(inputs: Inputs, work: Path, runs: int) -> ToolRuns:
    """Renders every note body with the cmark CLI in one process, HTML written to a file."""
    result = ToolRuns("cmark")
    output = work / f"out-cmark-{inputs.label}.html"
    for index in range(runs):
        # cmark writes to stdout; run_measured sends that to a file, the same cost as writing one.
        command = ["cmark", str(inputs.cmark_input)]
        measurement = run_undisturbed(command, work / "logs" / f"cmark-{inputs.label}-{index}", read_stdout=False)
        require_success(measurement, f"cmark ({inputs.label})")
        result.measurements.append(measurement)
    shutil.copyfile(work / "logs" / f"cmark-{inputs.label}-0" / "stdout.txt", output)
    return result


def available_tools() -> dict[str, bool]:
    """Which comparison tools this machine has (benchmark.sh installs them)."""
    return {
        "duckdb": importlib.util.find_spec("duckdb") is not None,
        "hugo": shutil.which("hugo") is not None,
        "cmark": shutil.which("cmark") is not None,
    }


# --------------------------------------------------------------------------------------------
# Results of one size


@dataclass
class SizeResult:
    """Everything measured at one size."""

    inputs: Inputs
    vigie_runs: list[VigieRun]
    cases_only_runs: list[VigieRun] = field(default_factory=list)
    duckdb: ToolRuns | None = None
    hugo: ToolRuns | None = None
    cmark: ToolRuns | None = None

    def stage_names(self) -> list[str]:
        names: list[str] = []
        for run in self.vigie_runs:
            names += [name for name in run.stages if name not in names]
        return names

    def stage_median(self, name: str) -> float:
        return median([run.stages[name] for run in self.vigie_runs if name in run.stages])

    def stages_matching(self, words: tuple[str, ...], runs: list[VigieRun] | None = None) -> float:
        """Median over runs of the summed stages whose names hold one of `words`."""
        sums = [sum(s for name, s in run.stages.items() if any(w in name for w in words))
                for run in (self.vigie_runs if runs is None else runs)]
        return median(sums)

    @property
    def vigie_seconds(self) -> float:
        return median([run.measurement.seconds for run in self.vigie_runs])

    @property
    def vigie_peak_rss_mib(self) -> float:
        return median([run.measurement.peak_rss_mib for run in self.vigie_runs])

    @property
    def vigie_cpu_seconds(self) -> float:
        return median([run.measurement.cpu_seconds for run in self.vigie_runs])

    @property
    def others_cpu_seconds(self) -> float:
        """Median CPU time used by other processes during a Vigie run: 0 on a quiet machine."""
        return median([run.measurement.others_cpu_seconds for run in self.vigie_runs])

    @property
    def discarded(self) -> int:
        """Disturbed Vigie runs measured again (full builds and cases-only builds)."""
        return sum(run.measurement.discarded for run in self.vigie_runs + self.cases_only_runs)

    @property
    def read_and_aggregate_seconds(self) -> float:
        """Load + validate + compute of the cases alone when measured, else of the full build."""
        return self.stages_matching(READ_AND_AGGREGATE_WORDS, self.cases_only_runs or None)

    @property
    def markdown_seconds(self) -> float:
        return self.stages_matching(MARKDOWN_WORDS)


@dataclass
class TargetCheck:
    """One target of the issue at one size: what was measured against what limit."""

    target: str
    measured: str
    limit: str
    passed: bool | None  # None: not measurable (a tool is missing)

    @property
    def verdict(self) -> str:
        return "n/a" if self.passed is None else ("PASS" if self.passed else "MISS")


def check_targets(result: SizeResult) -> list[TargetCheck]:
    """The per-size targets: time against DuckDB + Hugo, memory, Markdown against cmark,
    read + validate + aggregate against DuckDB's import-and-aggregate."""
    checks: list[TargetCheck] = []
    if result.duckdb and result.hugo:
        ratio = result.vigie_seconds / (result.duckdb.seconds + result.hugo.seconds)
        checks.append(TargetCheck("vigie build / (DuckDB + Hugo)", f"{ratio:.2f}",
                                  f"≤ {TARGET_RATIO_TO_DUCKDB_PLUS_HUGO:.2f}",
                                  ratio <= TARGET_RATIO_TO_DUCKDB_PLUS_HUGO))
    else:
        checks.append(TargetCheck("vigie build / (DuckDB + Hugo)", "–", "≤ 0.25", None))
    peak = result.vigie_peak_rss_mib
    checks.append(TargetCheck("vigie peak RSS", f"{peak:.0f} MiB", f"≤ {TARGET_PEAK_RSS_MIB} MiB",
                              peak <= TARGET_PEAK_RSS_MIB))
    if result.cmark:
        ratio = result.markdown_seconds / result.cmark.seconds
        checks.append(TargetCheck("render markdown / cmark CLI", f"{ratio:.2f}×",
                                  f"≤ {TARGET_MARKDOWN_TO_CMARK}×", ratio <= TARGET_MARKDOWN_TO_CMARK))
    else:
        checks.append(TargetCheck("render markdown / cmark CLI", "–", f"≤ {TARGET_MARKDOWN_TO_CMARK}×", None))
    if result.duckdb:
        ratio = result.read_and_aggregate_seconds / result.duckdb.inner
        checks.append(TargetCheck("load + validate + compute / DuckDB import-and-aggregate",
                                  f"{ratio:.2f} ({result.read_and_aggregate_seconds:.2f} s / {result.duckdb.inner:.2f} s)",
                                  "< 1", ratio < 1))
    else:
        checks.append(TargetCheck("load + validate + compute / DuckDB import-and-aggregate", "–", "< 1", None))
    return checks


def check_scaling(results: list[SizeResult]) -> TargetCheck | None:
    """Build time no worse than linear: from the smallest to the largest size measured, time may
    grow at most as much as the number of cases."""
    if len(results) < 2:
        return None
    small, large = results[0], results[-1]
    growth = large.vigie_seconds / small.vigie_seconds
    allowed = large.inputs.cases / small.inputs.cases
    return TargetCheck(f"build time {small.inputs.label} → {large.inputs.label} (×{allowed:.0f} cases)",
                       f"×{growth:.1f}", f"≤ ×{allowed:.0f}", growth <= allowed)


# --------------------------------------------------------------------------------------------
# Tables


def format_table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    """A table as aligned plain text, or as a Markdown pipe table."""
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]
    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(row) for row in rows])


def seconds_text(value: float) -> str:
    return "–" if value != value else f"{value:.3f}"  # NaN when a figure is missing


def tool_seconds(tool: ToolRuns | None) -> str:
    return seconds_text(tool.seconds) if tool else "–"


def tool_rss(tool: ToolRuns | None) -> str:
    return f"{tool.peak_rss_mib:.0f}" if tool else "–"


def stage_table(results: list[SizeResult], markdown: bool) -> str:
    """Vigie: median seconds per stage, process wall time and peak RSS, one row per size."""
    names: list[str] = []
    for result in results:
        names += [name for name in result.stage_names() if name not in names]
    headers = ["size", "cases", "notes", "runs"] + names + ["stages sum", "wall total", "CPU s", "peak RSS MiB", "others' CPU s", "disturbed runs redone"]
    rows = []
    for r in results:
        stage_cells = [seconds_text(r.stage_median(name)) for name in names]
        stages_sum = median([sum(run.stages.values()) for run in r.vigie_runs])
        rows.append([r.inputs.label, f"{r.inputs.cases:,}", f"{r.inputs.notes:,}", str(len(r.vigie_runs))]
                    + stage_cells + [seconds_text(stages_sum), seconds_text(r.vigie_seconds),
                                     f"{r.vigie_cpu_seconds:.2f}", f"{r.vigie_peak_rss_mib:.0f}",
                                     f"{r.others_cpu_seconds:.2f}", str(r.discarded)])
    return format_table(headers, rows, markdown)


def interference_text(result: SizeResult) -> str:
    """CPU seconds other processes used during the median run of each tool (0 on a quiet machine)."""
    def cell(tool: ToolRuns | None) -> str:
        return f"{tool.others_cpu_seconds:.1f}" if tool else "–"
    return f"{result.others_cpu_seconds:.1f} / {cell(result.duckdb)} / {cell(result.hugo)}"


def comparison_table(results: list[SizeResult], markdown: bool) -> str:
    """Vigie beside DuckDB, Hugo and cmark, with the ratios the targets are about."""
    headers = ["size", "vigie s", "duckdb s", "duckdb queries s", "hugo s", "cmark s",
               "vigie read+aggregate s (cases only)", "vigie / (duckdb + hugo)", "markdown / cmark",
               "read+aggregate / duckdb queries", "RSS MiB vigie / duckdb / hugo / cmark",
               "others' CPU s during vigie / duckdb / hugo"]
    rows = []
    for r in results:
        ratio = (f"{r.vigie_seconds / (r.duckdb.seconds + r.hugo.seconds):.2f}"
                 if r.duckdb and r.hugo else "–")
        markdown_ratio = f"{r.markdown_seconds / r.cmark.seconds:.2f}×" if r.cmark else "–"
        read_ratio = f"{r.read_and_aggregate_seconds / r.duckdb.inner:.2f}" if r.duckdb else "–"
        rss = f"{r.vigie_peak_rss_mib:.0f} / {tool_rss(r.duckdb)} / {tool_rss(r.hugo)} / {tool_rss(r.cmark)}"
        rows.append([r.inputs.label, seconds_text(r.vigie_seconds), tool_seconds(r.duckdb),
                     seconds_text(r.duckdb.inner) if r.duckdb else "–", tool_seconds(r.hugo),
                     tool_seconds(r.cmark), seconds_text(r.read_and_aggregate_seconds), ratio,
                     markdown_ratio, read_ratio, rss, interference_text(r)])
    return format_table(headers, rows, markdown)


def targets_table(results: list[SizeResult], markdown: bool) -> str:
    """Every target at every size, then the scaling target, each with PASS, MISS or n/a."""
    rows = []
    for r in results:
        for check in check_targets(r):
            rows.append([r.inputs.label, check.target, check.measured, check.limit, check.verdict])
    scaling = check_scaling(results)
    if scaling:
        rows.append(["all", scaling.target, scaling.measured, scaling.limit, scaling.verdict])
    return format_table(["size", "target", "measured", "limit", "verdict"], rows, markdown)


def print_size_block(result: SizeResult) -> None:
    """The terminal report of one size, printed as soon as it is measured."""
    r = result
    totals = [run.measurement.seconds for run in r.vigie_runs]
    print()
    print(f"== {r.inputs.label}: {r.inputs.cases:,} cases, {r.inputs.notes:,} notes "
          f"(median of {len(r.vigie_runs)} run(s)) ==")
    rows = [[name, seconds_text(r.stage_median(name))] for name in r.stage_names()]
    rows.append(["wall total", f"{seconds_text(r.vigie_seconds)}  (min {min(totals):.3f}, max {max(totals):.3f})"])
    rows.append(["peak RSS", f"{r.vigie_peak_rss_mib:.0f} MiB"])
    rows.append(["CPU (user + system)", f"{r.vigie_cpu_seconds:.2f} s"])
    rows.append(["other processes' CPU", f"{r.others_cpu_seconds:.2f} s during a run (0 when the machine is quiet); "
                                         f"{r.discarded} disturbed run(s) redone"])
    for tool in (r.duckdb, r.hugo, r.cmark):
        if tool:
            extra = f", queries alone {tool.inner:.3f} s" if tool.inner_seconds else ""
            cpu = median([m.cpu_seconds for m in tool.measurements])
            rows.append([tool.name, f"{tool.seconds:.3f} s, {cpu:.2f} CPU s, {tool.peak_rss_mib:.0f} MiB{extra} "
                                    f"(other processes meanwhile: {tool.others_cpu_seconds:.2f} CPU s; "
                                    f"{tool.discarded} disturbed run(s) redone)"])
    print(format_table(["vigie stage / tool", "median seconds"], rows, markdown=False))
    print()
    print(format_table(["target", "measured", "limit", "verdict"],
                       [[c.target, c.measured, c.limit, c.verdict] for c in check_targets(r)], markdown=False))
    sys.stdout.flush()


# --------------------------------------------------------------------------------------------
# The machine


def command_output(command: list[str]) -> str:
    """First line of a command's output, or '–' when it cannot be run."""
    try:
        text = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:
        return "–"
    return text.strip().splitlines()[0] if text.strip() else "–"


def repository_commit() -> str:
    """The repository's HEAD, marked when the working tree has changes (Vigie is built from it)."""
    commit = command_output(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"])
    status = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--untracked-files=no"],
                            capture_output=True, text=True, check=False).stdout
    return commit + (" with uncommitted changes" if status.strip() else "")


def machine_description(vigie: Path, vigie_commit: str) -> list[tuple[str, str]]:
    """What the figures were measured on: cores, memory, CPU, OS, toolchain and tool versions."""
    cpu = "–"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_kib = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kib = int(line.split()[1])
    os_name = "–"
    if Path("/etc/os-release").exists():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    duckdb_version = command_output([sys.executable, "-c", "import duckdb; print(duckdb.__version__)"])
    return [
        ("date", command_output(["date"])),
        ("cores (nproc)", command_output(["nproc"])),
        ("load average at start", " ".join(f"{value:.2f}" for value in os.getloadavg())),
        ("memory", f"{memory_kib / 1024 / 1024:.1f} GiB"),
        ("CPU", cpu),
        ("OS", f"{os_name}, kernel {platform.release()}"),
        ("Swift", command_output(["swift", "--version"])),
        ("vigie", f"{vigie} (release build of {vigie_commit})"),
        ("Python", platform.python_version()),
        ("DuckDB", duckdb_version),
        ("Hugo", command_output(["hugo", "version"])),
        ("cmark", command_output(["cmark", "--version"])),
    ]


def markdown_report(results: list[SizeResult], machine: list[tuple[str, str]], command: str) -> str:
    """The results section for BENCHMARKS.md: the machine, the command, and the three tables."""
    parts = ["### Machine", "", format_table(["", ""], [[k, v] for k, v in machine], markdown=True), "",
             f"Command: `{command}`", "",
             "### Vigie, median seconds per stage", "", stage_table(results, markdown=True), "",
             "### Side by side", "", comparison_table(results, markdown=True), "",
             "### Targets", "", targets_table(results, markdown=True), ""]
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# Command line


def ensure_vigie(path: Path) -> Path:
    """The Vigie binary, built in release mode when it is not there yet."""
    if path.exists():
        return path
    print(f"{path} not found: building it (swift build -c release --product vigie) …", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "vigie"], cwd=REPO_ROOT, check=True)
    if not path.exists():
        sys.exit(f"benchmark: {path} still missing after the build")
    return path


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m",
                        help="comma-separated sizes among 10k (100 notes), 100k (1 000), 1m (10 000), 10m (10 000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size and tool; medians are reported")
    parser.add_argument("--vigie", type=Path, default=REPO_ROOT / ".build" / "release" / "vigie",
                        help="the vigie binary (built with swift build -c release when missing)")
    parser.add_argument("--vigie-commit",
                        help="what --vigie was built from, for the report (default: the repository's HEAD)")
    parser.add_argument("--templates", type=Path, default=REPO_ROOT / "templates",
                        help="the templates folder passed to vigie build")
    parser.add_argument("--work", type=Path, default=Path("/tmp/vigie-bench"),
                        help="where generated content (cached by size and seed) and outputs go")
    parser.add_argument("--seed", type=int, default=2018, help="seed of vigie generate")
    parser.add_argument("--markdown-out", type=Path, help="also write the results as Markdown tables here")
    parser.add_argument("--no-compare", action="store_true", help="skip DuckDB, Hugo and cmark")
    parser.add_argument("--wait-quiet", type=float, default=120.0,
                        help="before each run, wait up to this many seconds for other processes to go idle "
                             "(0: do not wait); the tables show the CPU others used during Vigie's runs")
    parser.add_argument("--retries", type=int, default=2,
                        help="how many times a run disturbed by other processes is measured again")
    parser.add_argument("--rebuild", action="store_true",
                        help="build each time over the site the previous run wrote in the same output folder "
                             "(a publisher's rebuild) instead of into a fresh folder")
    parser.add_argument("--single-run-over", type=float, default=DEFAULT_SINGLE_RUN_OVER_SECONDS,
                        help="a size whose first Vigie run takes longer than this many seconds is run once")
    arguments = parser.parse_args()
    arguments.sizes = [size.strip().lower() for size in arguments.sizes.split(",") if size.strip()]
    unknown = [size for size in arguments.sizes if size not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; choose among {', '.join(SIZES)}")
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")
    return arguments


def measure_size(label: str, arguments: argparse.Namespace, vigie: Path, tools: dict[str, bool]) -> SizeResult:
    """Prepares the inputs of one size, then runs Vigie and the comparison tools on them."""
    inputs = prepare_inputs(vigie, label, arguments.seed, arguments.work)
    runs = run_vigie_repeatedly(vigie, arguments.templates.resolve(), inputs, arguments.work,
                                arguments.runs, arguments.single_run_over)
    result = SizeResult(inputs, runs)
    if not arguments.no_compare:
        result.cases_only_runs = run_vigie_cases_only(vigie, arguments.templates.resolve(), inputs,
                                                      arguments.work, len(runs))
        if tools["duckdb"]:
            result.duckdb = run_duckdb(inputs, arguments.work, arguments.runs)
        if tools["hugo"]:
            result.hugo = run_hugo(inputs, arguments.work, arguments.runs)
        if tools["cmark"]:
            result.cmark = run_cmark(inputs, arguments.work, arguments.runs)
    return result


def main() -> None:
    global quiet_wait_seconds, retries_per_run, rebuild_over_previous
    arguments = parse_arguments()
    arguments.work = arguments.work.resolve()
    quiet_wait_seconds = arguments.wait_quiet
    retries_per_run = arguments.retries
    rebuild_over_previous = arguments.rebuild
    vigie = ensure_vigie(arguments.vigie.resolve())
    tools = available_tools()
    if not arguments.no_compare:
        missing = [name for name, present in tools.items() if not present]
        if missing:
            print(f"not compared (not installed): {', '.join(missing)} — scripts/benchmark.sh installs them")
    machine = machine_description(vigie, arguments.vigie_commit or repository_commit())
    for key, value in machine:
        print(f"{key}: {value}")

    empty_trash(arguments.work)  # left by an interrupted benchmark
    results = []
    try:
        for label in arguments.sizes:
            result = measure_size(label, arguments, vigie, tools)
            results.append(result)
            print_size_block(result)
    finally:
        empty_trash(arguments.work)

    print()
    print("== all sizes ==")
    print(stage_table(results, markdown=False))
    print()
    if not arguments.no_compare:
        print(comparison_table(results, markdown=False))
        print()
    print(targets_table(results, markdown=False))

    if arguments.markdown_out:
        command = "scripts/benchmark.py " + " ".join(sys.argv[1:])
        arguments.markdown_out.write_text(markdown_report(results, machine, command))
        print(f"\nMarkdown tables written to {arguments.markdown_out}")


if __name__ == "__main__":
    main()
