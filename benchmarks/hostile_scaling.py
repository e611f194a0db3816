"""How the cost of each hostile input shape grows: time and peak memory at ×1, ×4 and ×16.

Owns the scaling check of issue 14. Each shape is a plan (and for one a measurements file)
written here, at a base size and at four and sixteen times it; each is given to the command
a person would run on it, in a child process of its own that runs the command once on a
small input (so start-up and imports are left out), then on this one, and reports the time
that took and the process's peak resident memory. Linear cost shows as a
time ratio near 4 and 16 (less while the fixed cost dominates) and memory that grows no
faster. The shapes:

- findings on one line: a flow mapping of N unknown keys on the plan's first line → ``check``
- a dense chain graph: chain nodes that each lead to every other (N links) → ``check``
- a long word in a name: a chain node and a benefit named by one word of N characters → ``report``
- a long chain: N chain nodes, each leading to the next → ``report``
- a wide CSV: a measurements header of N columns and a row as wide → ``check``

Usage: python benchmarks/hostile_scaling.py [--scale 1] [--src DIR] [--timeout 300] [SHAPE ...]
``--scale`` multiplies every base size; ``--src DIR`` runs another source tree (a worktree of
an earlier commit) with ``PYTHONPATH=DIR/src``; a run past ``--timeout`` seconds is reported
as such. Exit status 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTORS = (1, 4, 16)
AS_OF = "2026-11-27"
HEAD = "nytta: 1\nplan: {id: p, title: Plan, phase: identify}\n"
BENEFIT = (
    "benefits:\n  - {id: b, name: NAME, owner: anna, category: quality, "
    "indicators: [{id: i, name: I, unit: st, baseline: {value: 1, date: 2025-01-01}}]}\n"
)
PEOPLE = "people:\n  - {id: anna, name: Anna}\n"

#: Runs the command in-process on a small input (so that what it imports is loaded), then
#: on the real one, and prints {"seconds", "peak_kb"} of the second run on the real stdout.
CHILD = """
import json, os, resource, sys, time
from contextlib import redirect_stderr, redirect_stdout
from nytta.cli import main
warm, argv = sys.argv[1], sys.argv[2:]
def run(args):
    with open(os.devnull, "w") as null, redirect_stdout(null), redirect_stderr(null):
        try:
            main(args)
        except SystemExit:
            pass
run([warm if arg == argv[-3] else arg for arg in argv])
started = time.perf_counter()
run(argv)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak_kb = peak // 1024 if sys.platform == "darwin" else peak
print(json.dumps({"seconds": seconds, "peak_kb": peak_kb}), file=sys.__stdout__)
"""


@dataclass(frozen=True)
class Shape:
    """A hostile shape: its name, what its size counts, the base size, and how to write it
    (into a folder, at a size) and which command reads it."""

    name: str
    unit: str
    base: int
    write: Callable[[Path, int], Path]
    command: tuple[str, ...]


def findings_on_one_line(folder: Path, size: int) -> Path:
    keys = ", ".join(f"unknown_key_{i}: 1" for i in range(size))
    return _plan(folder, "{nytta: 1, plan: {id: p, title: Plan, phase: identify}, " + keys + "}\n")


def dense_chain(folder: Path, links: int) -> Path:
    count = max(2, round(math.sqrt(links)))
    ids = [f"n{i}" for i in range(count)]
    nodes = "".join(f"  - {{id: {node}, type: change, name: N, leads_to: [{', '.join(ids)}]}}\n" for node in ids)
    return _plan(folder, HEAD + "chain:\n" + nodes)


def long_word(folder: Path, size: int) -> Path:
    word = "W" * size
    chain = f"chain:\n  - {{id: c, type: intervention, name: {word}, leads_to: [b]}}\n"
    return _plan(folder, HEAD + PEOPLE + chain + BENEFIT.replace("NAME", word))


def long_chain(folder: Path, size: int) -> Path:
    nodes = "".join(f"  - {{id: c{i}, type: change, name: Steg {i}, leads_to: [c{i + 1}]}}\n" for i in range(size - 1))
    last = f"  - {{id: c{size - 1}, type: effect, name: Sist, leads_to: [b]}}\n"
    return _plan(folder, HEAD + PEOPLE + "chain:\n" + nodes + last + BENEFIT.replace("NAME", "Nytta"))


def wide_csv(folder: Path, columns: int) -> Path:
    plan = _plan(folder, HEAD.replace("phase: identify}", "phase: identify, measurements_file: m.csv}") + PEOPLE + BENEFIT)
    header = "indicator,date,value," + ",".join(f"c{i}" for i in range(columns))
    (folder / "m.csv").write_text(f"{header}\ni,2026-01-31,2{',x' * columns}\n", encoding="utf-8")
    return plan


def _plan(folder: Path, text: str) -> Path:
    path = folder / "plan.yaml"
    path.write_text(text.replace("NAME", "Nytta"), encoding="utf-8")
    return path


SHAPES = (
    Shape("findings on one line", "keys", 1_000, findings_on_one_line, ("check",)),
    Shape("dense chain graph", "links", 10_000, dense_chain, ("check",)),
    Shape("long word in a name", "chars", 2_000, long_word, ("report", "--format", "html")),
    Shape("long chain", "nodes", 1_000, long_chain, ("report", "--format", "html")),
    Shape("wide CSV", "columns", 10_000, wide_csv, ("check",)),
)


def measure(shape: Shape, size: int, env: dict[str, str], timeout: float) -> dict[str, float] | None:
    """Time and peak memory of the shape's command on an input of ``size`` (None: timed out)."""
    with tempfile.TemporaryDirectory(prefix="nytta-hostile-") as folder:
        (Path(folder) / "warm").mkdir()
        warm = shape.write(Path(folder) / "warm", 10)
        plan = shape.write(Path(folder), size)
        argv = [sys.executable, "-c", CHILD, str(warm), *shape.command, str(plan), "--as-of", AS_OF]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            return None
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"{shape.name} at {size}: the child failed\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _source(folder: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if folder:
        path = Path(folder).resolve()
        env["PYTHONPATH"] = str(path / "src" if (path / "src" / "nytta").is_dir() else path)
    else:
        env["PYTHONPATH"] = str(ROOT / "src")
    return env


def _row(shape: Shape, factor: int, size: int, result: dict[str, float] | None, first: float | None) -> str:
    label = shape.name if factor == 1 else ""
    if result is None:
        return f"{label:<22} ×{factor:<3} {size:>9,} {shape.unit:<8} {'timed out':>10}"
    growth = f"×{result['seconds'] / first:5.1f}" if first else "     "
    return (
        f"{label:<22} ×{factor:<3} {size:>9,} {shape.unit:<8} {result['seconds']:>8.2f} s {growth}"
        f"  {result['peak_kb'] / 1024:>8.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--src", help="a source tree to run instead of this one")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run counts as timed out")
    parser.add_argument("shapes", nargs="*", help="names (or the start of names) of the shapes to run")
    args = parser.parse_args()
    env = _source(args.src)
    chosen = [s for s in SHAPES if not args.shapes or any(s.name.startswith(name) for name in args.shapes)]
    print(f"{'shape':<22} {'size':<18} {'time':>10} {'growth':>6}  {'peak':>8}")
    for shape in chosen:
        first: float | None = None
        for factor in FACTORS:
            size = max(1, round(shape.base * args.scale * factor))
            result = measure(shape, size, env, args.timeout)
            if factor == 1 and result is not None:
                first = max(result["seconds"], 1e-9)
            print(_row(shape, factor, size, result, first), flush=True)
            if result is None:
                break


if __name__ == "__main__":
    main()
