"""Byte equality of nytta's output before and after a refactor.

Owns the equality check: it checks out REF (default 6808755) into a temporary
`git worktree add --detach`, then runs the same nytta commands twice with this venv's
interpreter (`python -m nytta`): once with `PYTHONPATH=<worktree>/src` (the reference) and
once with `PYTHONPATH=<this repository>/src` (the current tree). nytta finds its report
templates beside its own source (`<tree>/templates`), so each side renders with its own.
Both sides read the same inputs: plans/ (the folder and each plan alone), the spec example
tests/data/spec/bygglov-e-tjanst.yaml, a copy of it with one target changed (for `diff`)
and a 50-plan portfolio from generate_portfolio.py, all written once into a temporary
folder. Each case compares stdout, stderr, the exit code and the files written with `-o`;
temporary paths are replaced by a placeholder first. Help texts may change in a refactor:
a difference there is reported as "help differs" and does not fail the run. The xlsx export
is left out: openpyxl stamps the time of writing into docProps/core.xml and the zip entries.

Usage: python benchmarks/equality.py [--ref 6808755] [--plans 50] [--workers 2]
Exit status: 0 when every case other than help texts is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generate_portfolio import generate

ROOT = Path(__file__).resolve().parents[1]
AS_OF = ("--as-of", "2026-11-27")
SPEC = "tests/data/spec/bygglov-e-tjanst.yaml"
COMMANDS = ("check", "status", "calc", "report", "diff", "rules", "explain", "schema", "record", "import", "init", "export")
OUT = "{out}"  # in a case's arguments: the folder for its -o files
TMP_MARK = b"<TMP>"
TREE_MARK = b"<TREE>"
DIFF_LINES = 40


@dataclass(frozen=True)
class Case:
    """One nytta command line; ``outputs`` are the files it writes into ``{out}``."""

    name: str
    args: tuple[str, ...]
    outputs: tuple[str, ...] = ()
    is_help: bool = False


@dataclass(frozen=True)
class Side:
    """A source tree to run nytta from."""

    label: str
    tree: Path


@dataclass
class Run:
    """What one side produced for one case: stream or file name -> normalised bytes."""

    exit_code: int
    streams: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Inputs:
    """The input files shared by both sides."""

    tmp: Path
    portfolio: Path
    spec_changed: Path


def environment(tree: Path) -> dict[str, str]:
    """A fixed environment for nytta, importing it from ``tree``/src."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"GITHUB_ACTIONS", "GITLAB_CI", "LC_ALL", "PYTHONPATH", "FORCE_COLOR"}
    }
    env.update(NO_COLOR="1", COLUMNS="120", TERM="dumb", LANG="C.UTF-8", TZ="UTC", NYTTA_JOBS="1", PYTHONPATH=str(tree / "src"))
    return env


@contextmanager
def reference_worktree(ref: str, parent: Path) -> Iterator[Path]:
    """A detached worktree of ``ref`` under ``parent``, removed afterwards."""
    path = parent / "ref"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--quiet", "--detach", str(path), ref], check=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def verify_side(side: Side) -> None:
    """Fail unless ``side`` imports nytta (and its templates) from its own tree."""
    probe = (
        "import nytta; print(nytta.__file__)\n"
        "try:\n from nytta.render.report.environment import builtin_templates; print(builtin_templates())\n"
        "except ImportError: pass\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=environment(side.tree), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(f"{side.label}: cannot import nytta from {side.tree}/src:\n{result.stderr}")
    for line in result.stdout.splitlines():
        if not Path(line).resolve().is_relative_to(side.tree.resolve()):
            raise SystemExit(f"{side.label}: {line} lies outside {side.tree}")
    print(f"{side.label}: {' | '.join(result.stdout.split())}")


def make_inputs(tmp: Path, plans: int) -> Inputs:
    """The generated portfolio and the changed copy of the spec example, written once."""
    portfolio = tmp / "portfolio"
    generate(portfolio, plans)
    changed = tmp / "changed"
    changed.mkdir()
    spec = ROOT / SPEC
    shutil.copy(spec.with_suffix(".measurements.csv"), changed)
    text = spec.read_text(encoding="utf-8")
    old = "{date: 2026-12-31, value: 21}"
    if old not in text:
        raise SystemExit(f"{SPEC}: the target {old} to change is gone")
    (changed / spec.name).write_text(text.replace(old, "{date: 2026-12-31, value: 18}", 1), encoding="utf-8")
    return Inputs(tmp=tmp, portfolio=portfolio, spec_changed=changed / spec.name)


def plan_files() -> list[str]:
    """Every plan in plans/, relative to the repository."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "plans").glob("*.yaml"))


def check_status_cases(portfolio: str) -> list[Case]:
    """check and status in every format on plans/, the spec example and the portfolio."""
    cases = []
    for target, label in (("plans/", "plans/"), (SPEC, "spec"), (portfolio, "portfolio")):
        cases += [
            Case(f"check -f {fmt} {label}", ("check", "-f", fmt, *AS_OF, target))
            for fmt in ("text", "json", "sarif", "github", "gitlab", "junit")
        ]
        cases += [Case(f"status -f {fmt} {label}", ("status", "-f", fmt, *AS_OF, target)) for fmt in ("text", "json", "csv")]
    return cases


def calc_cases() -> list[Case]:
    """calc in every format on each plan and the spec example."""
    return [
        Case(f"calc -f {fmt} {plan}", ("calc", "-f", fmt, *AS_OF, plan))
        for plan in [*plan_files(), SPEC]
        for fmt in ("text", "json", "csv")
    ]


def report_export_cases(portfolio: str) -> list[Case]:
    """report (md, html) and export (csv, json), written with -o and compared as files."""
    targets = [(plan, plan) for plan in plan_files()]
    targets += [("plans/", "plans/"), (SPEC, "spec"), (portfolio, "portfolio")]
    cases = []
    for target, label in targets:
        for fmt in ("md", "html"):
            out = f"{OUT}/report.{fmt}"
            cases.append(
                Case(f"report -f {fmt} {label}", ("report", "-f", fmt, *AS_OF, "-o", out, target), outputs=(f"report.{fmt}",))
            )
    for target, label in (("plans/", "plans/"), (portfolio, "portfolio")):
        for fmt in ("csv", "json"):
            out = f"{OUT}/register.{fmt}"
            cases.append(
                Case(f"export -f {fmt} {label}", ("export", "-f", fmt, *AS_OF, "-o", out, target), outputs=(f"register.{fmt}",))
            )
    return cases


def other_cases(changed: str) -> list[Case]:
    """diff, rules, explain, schema, the error cases and every help text."""
    cases = [Case(f"diff -f {fmt} spec changed", ("diff", "-f", fmt, SPEC, changed)) for fmt in ("text", "md", "json")]
    cases += [Case("rules", ("rules",)), Case("explain missing-owner", ("explain", "missing-owner")), Case("schema", ("schema",))]
    cases += [
        Case("error: check no/such/file", ("check", *AS_OF, "no/such/file")),
        Case("error: status --format bogus", ("status", "--format", "bogus", *AS_OF, "plans/")),
        Case("error: calc --rate x", ("calc", *AS_OF, "plans/digitala-vardbesok.yaml", "--rate", "x")),
    ]
    cases.append(Case("--help", ("--help",), is_help=True))
    cases += [Case(f"{command} --help", (command, "--help"), is_help=True) for command in COMMANDS]
    return cases


def all_cases(inputs: Inputs) -> list[Case]:
    """Every case, in the order they are reported."""
    portfolio, changed = str(inputs.portfolio), str(inputs.spec_changed)
    return [*check_status_cases(portfolio), *calc_cases(), *report_export_cases(portfolio), *other_cases(changed)]


def normalise(data: bytes, side: Side, tmp: Path) -> bytes:
    """``data`` with the temporary folder and the side's own tree replaced by placeholders."""
    for path, mark in ((side.tree, TREE_MARK), (tmp, TMP_MARK)):
        for spelling in {str(path), str(path.resolve())}:
            data = data.replace(spelling.encode(), mark)
    return data


def run_side(case: Case, side: Side, out: Path, tmp: Path) -> Run:
    """Run ``case`` on ``side``, writing into (and then emptying) ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    args = [arg.replace(OUT, str(out)) for arg in case.args]
    result = subprocess.run(
        [sys.executable, "-m", "nytta", *args], env=environment(side.tree), cwd=ROOT, capture_output=True, check=False
    )
    run = Run(exit_code=result.returncode)
    run.streams["stdout"] = normalise(result.stdout, side, tmp)
    run.streams["stderr"] = normalise(result.stderr, side, tmp)
    for name in case.outputs:
        target = out / name
        run.streams[name] = normalise(target.read_bytes(), side, tmp) if target.exists() else b"<not written>"
    shutil.rmtree(out)
    return run


def short_diff(name: str, old: bytes, new: bytes) -> list[str]:
    """The first lines of a unified diff of one stream."""
    lines = difflib.unified_diff(
        old.decode(errors="replace").splitlines(),
        new.decode(errors="replace").splitlines(),
        f"ref/{name}",
        f"current/{name}",
        lineterm="",
    )
    return [f"    {line}" for line in list(lines)[:DIFF_LINES]]


def compare(ref: Run, current: Run) -> list[str]:
    """The differences between two runs of one case, as report lines (none when identical)."""
    lines = []
    if ref.exit_code != current.exit_code:
        lines.append(f"    exit code: ref {ref.exit_code}, current {current.exit_code}")
    for name, old in ref.streams.items():
        new = current.streams[name]
        if old != new:
            lines += short_diff(name, old, new) or [f"    {name}: differs in bytes the text diff does not show"]
    return lines


def run_case(index: int, case: Case, sides: tuple[Side, Side], tmp: Path) -> tuple[Case, int, list[str]]:
    """Both sides of ``case``, one after the other in the same -o folder: (case, current exit code, diff)."""
    out = tmp / "out" / str(index)
    ref, current = (run_side(case, side, out, tmp) for side in sides)
    return case, current.exit_code, compare(ref, current)


def run_all(cases: list[Case], sides: tuple[Side, Side], tmp: Path, workers: int) -> tuple[int, int, int]:
    """Run and report every case; return (identical, differing, help texts differing)."""
    identical = differ = help_differ = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda item: run_case(item[0], item[1], sides, tmp), enumerate(cases))
        for case, exit_code, lines in results:
            verdict = "same" if not lines else "help differs" if case.is_help else "DIFFERS"
            print(f"{verdict:<13} exit {exit_code}  {case.name}", flush=True)
            if lines:
                print("\n".join(lines), flush=True)
            identical += not lines
            differ += bool(lines) and not case.is_help
            help_differ += bool(lines) and case.is_help
    return identical, differ, help_differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="6808755", help="git revision to compare against (default 6808755)")
    parser.add_argument("--plans", type=int, default=50, help="plans in the generated portfolio (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="cases run at once (default 2)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nytta-equality-") as name:
        tmp = Path(name)
        with reference_worktree(args.ref, tmp) as worktree:
            sides = (Side(f"ref {args.ref}", worktree), Side("current", ROOT))
            for side in sides:
                verify_side(side)
            inputs = make_inputs(tmp, args.plans)
            cases = all_cases(inputs)
            identical, differ, help_differ = run_all(cases, sides, tmp, args.workers)
    note = f"; {help_differ} help texts differ (not counted as failures)" if help_differ else ""
    print(f"{len(cases)} cases: {identical} identical, {differ} differ{note}")
    print(f"total time {time.perf_counter() - started:.1f} s")
    return 0 if differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
