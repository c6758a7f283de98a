#!/usr/bin/env python3
"""Two builds of Vigie side by side, on the same generated input: `before` and `after` a change.

    python3 scripts/benchmark_versions.py --before /tmp/vigie-old --after .build/release/vigie \
        --before-templates /tmp/old/templates --sizes 10k,100k,1m --runs 5 --markdown-out /tmp/ab.md

Each size's content is generated once by the `before` binary (`vigie generate`, the seed of
scripts/benchmark.py), and each binary builds it with its own templates. The runs alternate
(before, after, after, before, …) so that a change in the machine's load weighs on both alike, and
every figure is the median of the runs: wall seconds, CPU seconds, peak resident memory, and each
stage of `vigie build --timings`. The last column is after / before of the wall time.

It reuses scripts/benchmark.py's measuring (wait4's peak RSS, the interference of other processes,
the generated inputs under --work), so the figures compare with that script's tables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark  # noqa: E402  (the sibling script, imported for its measuring functions)

REPO_ROOT = Path(__file__).resolve().parent.parent


def alternating_order(run_index: int) -> list[str]:
    """before, after, then after, before: each binary runs first half of the time."""
    return ["before", "after"] if run_index % 2 == 0 else ["after", "before"]


def measure(binaries: dict[str, Path], templates: dict[str, Path], inputs: benchmark.Inputs, work: Path,
            runs: int) -> dict[str, list[benchmark.VigieRun]]:
    results: dict[str, list[benchmark.VigieRun]] = {name: [] for name in binaries}
    for index in range(runs):
        for name in alternating_order(index):
            run = benchmark.run_vigie(binaries[name], templates[name], inputs.content_dir, f"{inputs.label}-{name}",
                                      work, index)
            results[name].append(run)
            print(f"  {inputs.label} {name} run {index + 1}: {run.measurement.seconds:.2f} s, "
                  f"{run.measurement.peak_rss_mib:.0f} MiB; others meanwhile "
                  f"{run.measurement.others_cpu_seconds:.2f} CPU s", flush=True)
    return results


def table(rows: list[tuple[str, str, list[benchmark.VigieRun]]], markdown: bool) -> str:
    stages: list[str] = []
    for _, _, runs in rows:
        for run in runs:
            for stage in run.stages:
                if stage not in stages:
                    stages.append(stage)
    headers = ["size", "build", "runs", *stages, "wall s", "CPU s", "peak RSS MiB", "others' CPU s", "after / before"]
    lines: list[list[str]] = []
    before_wall: dict[str, float] = {}
    for size, name, runs in rows:
        wall = benchmark.median([run.measurement.seconds for run in runs])
        if name == "before":
            before_wall[size] = wall
        ratio = f"{wall / before_wall[size]:.3f}" if name == "after" and size in before_wall else ""
        lines.append([
            size, name, str(len(runs)),
            *[benchmark.seconds_text(benchmark.median([run.stages[stage] for run in runs if stage in run.stages]))
              for stage in stages],
            benchmark.seconds_text(wall),
            f"{benchmark.median([run.measurement.cpu_seconds for run in runs]):.2f}",
            f"{benchmark.median([run.measurement.peak_rss_mib for run in runs]):.0f}",
            f"{benchmark.median([run.measurement.others_cpu_seconds for run in runs]):.2f}",
            ratio,
        ])
    return benchmark.format_table(headers, lines, markdown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the vigie binary before the change")
    parser.add_argument("--after", type=Path, required=True, help="the vigie binary after the change")
    parser.add_argument("--before-templates", type=Path, default=REPO_ROOT / "templates")
    parser.add_argument("--after-templates", type=Path, default=REPO_ROOT / "templates")
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--runs", type=int, default=5, help="runs per size and binary; medians are reported")
    parser.add_argument("--work", type=Path, default=Path("/tmp/vigie-bench-versions"))
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--wait-quiet", type=float, default=0.0,
                        help="seconds to wait for an idle machine before each run (0: alternate instead)")
    parser.add_argument("--markdown-out", type=Path)
    parser.add_argument("--rebuild", action="store_true",
                        help="each binary builds over the site its previous run wrote (a publisher's rebuild)")
    arguments = parser.parse_args()

    benchmark.quiet_wait_seconds = arguments.wait_quiet
    benchmark.retries_per_run = 0
    benchmark.rebuild_over_previous = arguments.rebuild
    binaries = {"before": arguments.before.resolve(), "after": arguments.after.resolve()}
    templates = {"before": arguments.before_templates.resolve(), "after": arguments.after_templates.resolve()}
    for name, binary in binaries.items():
        if not binary.is_file():
            parser.error(f"--{name}: no such file {binary}")
    arguments.work = arguments.work.resolve()
    arguments.work.mkdir(parents=True, exist_ok=True)

    rows: list[tuple[str, str, list[benchmark.VigieRun]]] = []
    for size in arguments.sizes.split(","):
        if size not in benchmark.SIZES:
            parser.error(f"unknown size {size}; choose among {', '.join(benchmark.SIZES)}")
        inputs = benchmark.prepare_inputs(binaries["before"], size, arguments.seed, arguments.work)
        results = measure(binaries, templates, inputs, arguments.work, arguments.runs)
        rows += [(size, "before", results["before"]), (size, "after", results["after"])]
    benchmark.empty_trash(arguments.work)  # at the end: deleting between runs slows the next writes

    print(table(rows, markdown=False))
    if arguments.markdown_out:
        arguments.markdown_out.write_text(table(rows, markdown=True) + "\n")


if __name__ == "__main__":
    main()
