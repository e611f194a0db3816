"""Kill ``nytta record`` and ``nytta import`` at random moments and check that no plan or
measurements file is ever left corrupt, and that no temporary file outlives the next write.

Each round copies nothing: it records into the same two example plans (one with an inline
series, one with a CSV) in a scratch folder, kills the writer with SIGKILL after a random
delay, then checks the file: it must read without a finding about its form and hold either
the series it held before or that series plus the new row. Then an ordinary record runs to
completion and the folder must hold no temporary file.

Usage: python benchmarks/kill_writes.py [--kills 200] [--seed 1]
Importable: ``kill_rounds(folder, kills, seed) -> Tally``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: (plan, indicator) pairs: an inline series and a CSV series.
SERIES = (("digitala-vardbesok", "latt-fa-kontakt"), ("forskoleplats-e-tjanst", "samtal-forskola"))


@dataclass
class Tally:
    kills: int = 0
    old: int = 0  # the kill came before the rename: the file is as it was
    new: int = 0  # after it: the file holds the new row
    corrupt: list[str] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)  # temporary files left after a later write


def _nytta(*argv: str) -> list[str]:
    return [sys.executable, "-c", "from nytta.cli import main; main()", *argv]


def _series(plan: Path, indicator: str) -> list[_dt.date] | None:
    """The indicator's measurement dates, or None when the plan (or its CSV) is corrupt."""
    from nytta.load.plan import load_plan

    doc = load_plan(plan, plan.name)
    broken = (
        doc is None or doc.plan is None or any(d.rule in ("yaml-syntax", "schema", "measurements-file") for d in doc.diagnostics)
    )
    if broken or doc is None:
        return None
    return sorted(o.date for o in doc.observations if o.indicator == indicator)


def _days() -> list[_dt.date]:
    start = _dt.date(2000, 1, 1)
    return [start + _dt.timedelta(days=n) for n in range(9000)]


def _one_round(folder: Path, plan: Path, indicator: str, day: _dt.date, rng: random.Random, tally: Tally) -> None:
    before = _series(plan, indicator)
    assert before is not None, f"{plan} was corrupt before the round"
    writer = subprocess.Popen(
        _nytta("record", str(plan), indicator, "50", "--date", day.isoformat()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(rng.uniform(0.05, 0.9))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    tally.kills += 1
    after = _series(plan, indicator)
    if after == before:
        tally.old += 1
    elif after == sorted([*before, day]):
        tally.new += 1
    else:
        tally.corrupt.append(f"{plan.name} after killing the record of {day}")
        return
    _check_next_write(folder, plan, indicator, day, tally)


def _check_next_write(folder: Path, plan: Path, indicator: str, day: _dt.date, tally: Tally) -> None:
    next_day = day + _dt.timedelta(days=9000)  # a date no round uses
    subprocess.run(_nytta("record", str(plan), indicator, "50", "--date", next_day.isoformat()), capture_output=True, check=True)
    left = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
    tally.stale.update(left)


def kill_rounds(folder: Path, kills: int, seed: int = 1) -> Tally:
    """``kills`` rounds over the example plans copied into ``folder``."""
    for name, _ in SERIES:
        for source in (ROOT / "plans").glob(f"{name}.*"):
            shutil.copy(source, folder / source.name)
    rng, tally, days = random.Random(seed), Tally(), _days()
    for n in range(kills):
        name, indicator = SERIES[n % len(SERIES)]
        _one_round(folder, folder / f"{name}.yaml", indicator, days[n], rng, tally)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        tally = kill_rounds(Path(folder), args.kills, args.seed)
    print(
        f"{tally.kills} kills: {tally.old} left the old file, {tally.new} the new one, "
        f"{len(tally.corrupt)} corrupt, {len(tally.stale)} temporary files left after the next write "
        f"({time.perf_counter() - started:.0f} s)"
    )
    for problem in [*tally.corrupt, *sorted(tally.stale)]:
        print("  " + problem)
    sys.exit(1 if tally.corrupt or tally.stale else 0)


if __name__ == "__main__":
    os.environ.setdefault("NYTTA_JOBS", "1")
    main()
