"""Time of the nyttokalkyl itself (``calculate`` in-process, no start-up): median of repeated runs.

Usage: python benchmarks/calc_speed.py [--rounds N] [--src DIR]... PLAN...
Each round runs every source tree once per plan, alternating, in a fresh interpreter that
loads the plan, calculates once to warm up and then times ``--repeat`` calculations; the
median over rounds of the time per calculation is printed per tree and plan. Give ``--src``
twice (a worktree of a reference commit and this tree) to compare them side by side. A plan
a tree cannot read (a format addition it does not know) is reported as such.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from check_speed import ROOT, source_tree

_PROBE = """
import datetime, sys, time
from pathlib import Path
from nytta.compute.calc import calculate
from nytta.load.plan import load_plan
path = Path(sys.argv[1])
doc = load_plan(path, path.name)
as_of = datetime.date(2026, 11, 27)
try:
    calculate(doc, as_of)
except Exception as exc:
    print("unreadable", type(exc).__name__)
    raise SystemExit(0)
repeat = int(sys.argv[2])
started = time.perf_counter()
for _ in range(repeat):
    calculate(doc, as_of)
print((time.perf_counter() - started) / repeat)
"""


def _once(source: Path, plan: str, repeat: int) -> float | None:
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run([sys.executable, "-c", _PROBE, plan, str(repeat)], capture_output=True, text=True, env=env, check=False)
    out = done.stdout.strip()
    if done.returncode or out.startswith("unreadable") or not out:
        return None
    return float(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=50, help="calculations timed per run")
    parser.add_argument("--src", action="append", default=[], metavar="DIR")
    parser.add_argument("plans", nargs="+")
    args = parser.parse_args()
    sources = [source_tree(folder) for folder in (args.src or [str(ROOT)])]
    timings: dict[tuple[str, str], list[float | None]] = {(str(s), p): [] for s in sources for p in args.plans}
    for _ in range(args.rounds):
        for plan in args.plans:
            for source in sources:
                timings[(str(source), plan)].append(_once(source, plan, args.repeat))
    print(f"{'tree':<40} {'plan':<45} {'median ms':>10}  ({args.rounds} rounds × {args.repeat})")
    for (source, plan), values in timings.items():
        found = [v for v in values if v is not None]
        shown = f"{statistics.median(found) * 1000:10.2f}" if found else "  unreadable"
        print(f"{source[-40:]:<40} {'/'.join(Path(plan).parts[-2:]):<45} {shown}")


if __name__ == "__main__":
    main()
