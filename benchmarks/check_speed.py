"""Wall time of `nytta --help` and `nytta check` on one plan: median of repeated runs.

Usage: python benchmarks/check_speed.py [--runs N] [PLAN]
The commands are alternated in each round so that machine noise falls on both alike;
`python -c pass` is timed beside them as the interpreter's own start-up floor.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _nytta() -> list[str]:
    found = shutil.which("nytta")
    return [found] if found else [sys.executable, "-m", "nytta"]


def _time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("plan", nargs="?", default=str(ROOT / "plans" / "automatiserad-arendehantering.yaml"))
    args = parser.parse_args()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "nytta --help": [*_nytta(), "--help"],
        "nytta check PLAN": [*_nytta(), "check", args.plan],
    }
    for command in commands.values():  # warm the file cache
        _time(command)
    timings: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            timings[name].append(_time(command))
    print(f"{'command':<20} {'median s':>9} {'min s':>7} {'max s':>7}  ({args.runs} runs each)")
    for name, values in timings.items():
        print(f"{name:<20} {statistics.median(values):>9.3f} {min(values):>7.3f} {max(values):>7.3f}")


if __name__ == "__main__":
    main()
