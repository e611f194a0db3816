"""Wall time and peak memory of nytta on a generated portfolio, beside check-jsonschema.

Owns the portfolio benchmark: it writes a synthetic portfolio with generate_portfolio.py
(into a temporary folder, or DIR with --keep) and times, in alternating order each round,
`nytta check DIR` (as is, and with `NYTTA_JOBS=1`: in one process, to show what the
process pool gains), `nytta status DIR -f json`, `nytta report DIR` (HTML) and — when
`check-jsonschema` is on PATH — `check-jsonschema --schemafile DIR/schema.json <plan files>` against the schema written by
`nytta schema -o`. The nytta commands run with `--as-of 2026-11-27`, the date the portfolio
is built to pass, so the result does not depend on today's date. Peak RSS is taken per
command from `/usr/bin/time -f %M`, or from `os.wait4` when that is absent.

Usage: python benchmarks/portfolio_speed.py [--plans 200] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generate_portfolio import generate

AS_OF = "2026-11-27"
GNU_TIME = Path("/usr/bin/time")
CHECK, STATUS, REPORT, JSONSCHEMA = "nytta check", "nytta status -f json", "nytta report (html)", "check-jsonschema"
CHECK_SERIAL = "nytta check, 1 process"


@dataclass
class Sample:
    """One run of one command."""

    wall: float
    peak_kb: int
    exit_code: int


@dataclass
class Series:
    """Every timed run of one command."""

    command: list[str]
    samples: list[Sample] = field(default_factory=list)

    @property
    def median_wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def median_peak_mb(self) -> float:
        return statistics.median(s.peak_kb for s in self.samples) / 1024

    @property
    def exit_codes(self) -> str:
        return ",".join(str(code) for code in sorted({s.exit_code for s in self.samples}))


def nytta_command() -> list[str]:
    """The `nytta` script beside this interpreter, else `python -m nytta`."""
    beside = Path(sys.executable).parent / "nytta"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "nytta"]


def _timed_with_gnu_time(command: list[str]) -> Sample:
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        started = time.perf_counter()
        done = subprocess.run(
            [str(GNU_TIME), "-f", "%M", "-o", report.name, *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        wall = time.perf_counter() - started
        lines = Path(report.name).read_text().split()
    return Sample(wall, int(lines[-1]) if lines else 0, done.returncode)


def _timed_with_wait4(command: list[str]) -> Sample:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Sample(wall, peak_kb, process.returncode)


def timed(command: list[str]) -> Sample:
    """Wall seconds, peak RSS of the command's own process (KiB) and its exit code."""
    if GNU_TIME.exists():
        return _timed_with_gnu_time(command)
    return _timed_with_wait4(command)


def plan_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml"))


def commands(directory: Path) -> dict[str, list[str]]:
    """The commands to compare; check-jsonschema only when it is installed."""
    nytta = nytta_command()
    found = {
        CHECK: [*nytta, "check", str(directory), "--as-of", AS_OF],
        CHECK_SERIAL: ["env", "NYTTA_JOBS=1", *nytta, "check", str(directory), "--as-of", AS_OF],
        STATUS: [*nytta, "status", str(directory), "-f", "json", "--as-of", AS_OF],
        REPORT: [*nytta, "report", str(directory), "--as-of", AS_OF, "-o", os.devnull],
    }
    validator = shutil.which("check-jsonschema")
    if validator:
        schema = directory / "schema.json"
        subprocess.run([*nytta, "schema", "-o", str(schema)], check=True)
        found[JSONSCHEMA] = [validator, "--schemafile", str(schema), *map(str, plan_files(directory))]
    return found


def measure(named: dict[str, list[str]], runs: int) -> dict[str, Series]:
    """One untimed warm-up round, then ``runs`` rounds with the commands alternated."""
    for command in named.values():
        timed(command)
    series = {name: Series(command) for name, command in named.items()}
    for _ in range(runs):
        for name, command in named.items():
            series[name].samples.append(timed(command))
    return series


def _ratio(value: float, reference: Series | None) -> str:
    return f"{value / reference.median_wall:.2f}x" if reference else "-"


def table(series: dict[str, Series], runs: int) -> str:
    """Median/min/max wall seconds, median peak MB, ratios to nytta check and check-jsonschema."""
    reference, validator = series[CHECK], series.get(JSONSCHEMA)
    header = f"{'command':<22} {'median s':>9} {'min s':>7} {'max s':>7} {'peak MB':>8} {'/check':>7}"
    header += f" {'/jsonschema':>11}" if validator else ""
    lines = [header + f"  exit   ({runs} runs each)"]
    for name, s in series.items():
        walls = [sample.wall for sample in s.samples]
        line = (
            f"{name:<22} {s.median_wall:>9.3f} {min(walls):>7.3f} {max(walls):>7.3f} "
            f"{s.median_peak_mb:>8.1f} {_ratio(s.median_wall, reference):>7}"
        )
        line += f" {_ratio(s.median_wall, validator):>11}" if validator else ""
        lines.append(line + f"  {s.exit_codes}")
    return "\n".join(lines)


def warnings(series: dict[str, Series]) -> list[str]:
    found = []
    if series[CHECK].exit_codes != "0":
        found.append(f"warning: nytta check exited {series[CHECK].exit_codes} on the generated portfolio (expected 0)")
    if JSONSCHEMA not in series:
        found.append("note: check-jsonschema is not on PATH; it was left out")
    return found


def run(directory: Path, plans: int, runs: int) -> None:
    started = time.perf_counter()
    files = generate(directory, plans)
    print(f"generated {len(files)} plans in {time.perf_counter() - started:.1f} s under {directory}")
    series = measure(commands(directory), runs)
    print(table(series, runs))
    for line in warnings(series):
        print(line, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate into DIR and leave it there")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep.resolve(), args.plans, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="nytta-portfolio-") as directory:
        run(Path(directory), args.plans, args.runs)


if __name__ == "__main__":
    main()
