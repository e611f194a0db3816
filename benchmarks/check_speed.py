"""Wall time of `nytta --help`, `nytta check` and `nytta calc` on one plan: median of repeated runs.

Usage: python benchmarks/check_speed.py [--runs N] [--src DIR]... [PLAN]
The commands are alternated in each round so that machine noise falls on both alike;
`python -c pass` is timed beside them as the interpreter's own start-up floor.
Without --src, nytta is the one on PATH (else `python -m nytta`). Each `--src DIR` (a source
tree, or its src/ folder) times `python -m nytta` with `PYTHONPATH=DIR/src` instead; give it
twice (e.g. a worktree of the commit before a refactor and this tree) to compare them side by
side in one run, their commands alternating in each round.
"""

from __future__ import annotations

import argparse
import os
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


def source_tree(folder: str) -> Path:
    """The folder to put on PYTHONPATH for the source tree ``folder`` (the tree or its src/)."""
    path = Path(folder).resolve()
    for candidate in (path / "src", path):
        if (candidate / "nytta" / "__init__.py").is_file():
            return candidate
    raise SystemExit(f"--src {folder}: no nytta package in it or in its src/")


def _commands(plan: str, sources: list[str]) -> dict[str, tuple[list[str], dict[str, str] | None]]:
    """Name -> (command, environment or None for the inherited one)."""
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {"python -c pass": ([sys.executable, "-c", "pass"], None)}
    if not sources:
        commands["nytta --help"] = ([*_nytta(), "--help"], None)
        commands["nytta check PLAN"] = ([*_nytta(), "check", plan], None)
        commands["nytta calc PLAN"] = ([*_nytta(), "calc", plan, "--format", "json"], None)
    for folder in sources:
        env = {**os.environ, "PYTHONPATH": str(source_tree(folder))}
        commands[f"nytta --help [{folder}]"] = ([sys.executable, "-m", "nytta", "--help"], env)
        commands[f"nytta check PLAN [{folder}]"] = ([sys.executable, "-m", "nytta", "check", plan], env)
        commands[f"nytta calc PLAN [{folder}]"] = ([sys.executable, "-m", "nytta", "calc", plan, "--format", "json"], env)
    return commands


def _time(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--src",
        action="append",
        default=[],
        metavar="DIR",
        help="time `python -m nytta` from this source tree (repeat to compare trees)",
    )
    parser.add_argument("plan", nargs="?", default=str(ROOT / "plans" / "automatiserad-arendehantering.yaml"))
    args = parser.parse_args()
    commands = _commands(args.plan, args.src)
    for name, (command, env) in commands.items():  # warm the file cache; a failing command times nothing useful
        warm = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=env)
        if warm.returncode:
            last = warm.stderr.decode(errors="replace").strip().splitlines()[-1:]
            print(f"warning: {name} exits {warm.returncode}: {' '.join(last)}", file=sys.stderr)
    timings: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (command, env) in commands.items():
            timings[name].append(_time(command, env))
    width = max(20, *(len(name) for name in commands))
    print(f"{'command':<{width}} {'median s':>9} {'min s':>7} {'max s':>7}  ({args.runs} runs each)")
    for name, values in timings.items():
        print(f"{name:<{width}} {statistics.median(values):>9.3f} {min(values):>7.3f} {max(values):>7.3f}")


if __name__ == "__main__":
    main()
