"""More hostile input: huge files, odd CSV, symlinks, pipes, devices and rare YAML features.

Every case states the outcome nytta promises for it: a finding located by file, line and
column (all ≥ 1), or a run that cannot go on ending with one line and exit code 2 — never
an internal error, never a hang, never data read from outside the repository, never rows
silently lost.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from nytta.load import csv as csv_loading
from nytta.load import plan as plan_loading
from nytta.load.plan import MAX_BYTES
from nytta.load.yaml import MAX_NODES, parse_yaml
from test_fuzz import BASE_TEXT, assert_clean, base_plan, dump

AS_OF = "2026-11-27"
HEADER = "indicator,date,value,source,note,kind\n"
#: Every command a user runs on a plan, each of which must end cleanly.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check", "--format", "json"),
    ("status", "--format", "json"),
    ("calc", "--format", "json"),
    ("report", "--format", "md"),
    ("report",),
)


def check_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    argv = ["check", str(path), "--format", "json", "--as-of", AS_OF]
    code, out, err = run_cli(argv, capsys)
    assert_clean(argv, code, out, err)
    return code, json.loads(out)


def all_commands(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[tuple[str, ...], tuple[int, str, str]]:
    """Run every command on ``path``; each must end cleanly. Returns what each printed."""
    results = {}
    for command in COMMANDS:
        argv = [*command, str(path), "--as-of", AS_OF]
        results[command] = run_cli(argv, capsys)
        assert_clean(argv, *results[command])
    return results


def findings(report: dict[str, Any], rule: str | None = None) -> list[dict[str, Any]]:
    """The findings (of one rule), each checked to be located."""
    found = [f for f in report["findings"] if rule is None or f["rule"] == rule]
    for finding in found:
        assert finding["file"] and finding["line"] >= 1 and finding["column"] >= 1, finding
    return found


def plan_with_csv(folder: Path, csv: str | bytes, name: str = "m.csv") -> Path:
    """The base plan in ``folder`` with its measurements in ``name``."""
    data = base_plan()
    data["plan"]["measurements_file"] = name
    plan = folder / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    target = folder / name
    if isinstance(csv, bytes):
        target.write_bytes(csv)
    else:
        target.write_text(csv, encoding="utf-8", newline="")
    return plan


def measurements_file_line(plan: Path) -> int:
    return next(i for i, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "measurements_file" in line)


# -- size ------------------------------------------------------------------------------------

FIFTY_MB = 50_000_000


def test_a_50_mb_plan_is_read_whole_in_reasonable_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """50 MB is under the 64 MiB limit, so the plan is read; the bulk is one benefit's
    description, which reaches the report whole."""
    assert FIFTY_MB < MAX_BYTES
    description = "x" * FIFTY_MB
    text = BASE_TEXT.replace(
        "    name: Kortare handläggningstid\n", f"    name: Kortare handläggningstid\n    description: {description}\n", 1
    )
    plan = tmp_path / "huge.yaml"
    plan.write_text(text, encoding="utf-8")
    assert plan.stat().st_size > FIFTY_MB
    started = time.perf_counter()
    code, report = check_json(plan, capsys)
    assert (code, report["errors"]) == (0, 0)
    for command in (("status", "--format", "json"), ("calc", "--format", "json")):
        argv = [*command, str(plan), "--as-of", AS_OF]
        code, out, err = run_cli(argv, capsys)
        assert_clean(argv, code, out, err)
        assert code == 0
    argv = ["report", "--format", "md", str(plan), "--as-of", AS_OF]
    code, out, err = run_cli(argv, capsys)
    assert_clean(argv, code, out, err)
    assert code == 0 and description in out
    assert time.perf_counter() - started < 60


def test_a_plan_above_the_size_limit_is_refused_without_reading_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "too-large.yaml"
    with plan.open("wb") as handle:  # sparse: the size is there, the disk space is not
        handle.write(BASE_TEXT.encode("utf-8"))
        handle.truncate(MAX_BYTES + 1)
    started = time.perf_counter()
    code, report = check_json(plan, capsys)
    assert code == 1
    [finding] = findings(report)
    assert (finding["rule"], finding["line"], finding["column"]) == ("yaml-syntax", 1, 1)
    assert "too large" in finding["message"]
    results = all_commands(plan, capsys)
    assert all(code == 1 for code, _, _ in results.values())
    assert time.perf_counter() - started < 10


def test_a_measurements_file_above_the_size_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_with_csv(tmp_path, HEADER)
    with (tmp_path / "m.csv").open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)
    _, report = check_json(plan, capsys)
    [finding] = findings(report, "measurements-file")
    assert finding["line"] == measurements_file_line(plan) and "too large" in finding["message"]


def test_very_many_measurements_are_all_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """100 000 CSV rows: the last actual one is the latest, the duplicates are all found."""
    start = _dt.date(2025, 1, 1)
    rows = [
        f"dagar,{start + _dt.timedelta(days=i % 600)},{30 - i % 7},,,{'actual' if i < 600 else 'forecast'}"
        for i in range(100_000)
    ]
    rows.append("dagar,2026-08-01,21,,,actual")  # the same date as an earlier actual row
    rows.append("dagar,2026-10-30,21,,,actual")  # the latest of them all
    plan = plan_with_csv(tmp_path, HEADER + "\n".join(rows) + "\n")
    started = time.perf_counter()
    _, report = check_json(plan, capsys)
    [duplicate] = findings(report, "duplicate-measurement")
    assert (duplicate["file"].rsplit("/", 1)[-1], duplicate["line"]) == ("m.csv", 100_002)
    code, out, _ = run_cli(["status", str(plan), "--format", "json", "--as-of", AS_OF], capsys)
    latest = json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]["latest"]
    assert code == 0 and latest == {"value": 21.0, "date": "2026-10-30"}
    assert time.perf_counter() - started < 60


def test_a_plan_of_too_many_values_is_refused_before_it_fills_the_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``[0,0,0,…`` costs two bytes per value in the file and hundreds once loaded: past
    MAX_NODES values composing stops, with one finding, and every command ends cleanly."""
    plan = tmp_path / "nollor.yaml"
    plan.write_text(BASE_TEXT + "extra: [" + "0," * MAX_NODES + "0]\n", encoding="utf-8")
    started = time.perf_counter()
    code, report = check_json(plan, capsys)
    [finding] = findings(report)
    assert (code, finding["rule"], finding["line"], finding["column"]) == (1, "yaml-syntax", 1, 1)
    assert "more than 500 000 values" in finding["message"] and "measurements file" in finding["message"]
    assert time.perf_counter() - started < 20
    assert all(code == 1 for code, _, _ in all_commands(plan, capsys).values())


def test_a_plan_just_under_the_value_limit_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "nollor.yaml"
    text = BASE_TEXT + "extra: [" + "0," * 1000 + "0]\n"
    plan.write_text(text, encoding="utf-8")
    positions = parse_yaml(text).positions
    under = len(positions.values) + len(positions.keys)  # one position per node composed (no aliases here)
    assert under > 1000
    import nytta.load.compose as composing

    for limit, refused in ((under, False), (under - 1, True)):
        composing.MAX_NODES = limit
        try:
            _, report = check_json(plan, capsys)
        finally:
            composing.MAX_NODES = MAX_NODES
        assert any("values, far more" in f["message"] for f in findings(report)) is refused, limit


def test_rows_past_the_csv_row_limit_are_refused_at_the_first_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_loading, "MAX_ROWS", 50)
    rows = [f"dagar,{_dt.date(2025, 1, 1) + _dt.timedelta(days=i)},25,,," for i in range(80)]
    plan = plan_with_csv(tmp_path, HEADER + "\n\n".join(rows) + "\n")  # blank lines do not count
    code, report = check_json(plan, capsys)
    [finding] = findings(report, "measurements-file")
    assert code == 1 and (finding["line"], finding["column"]) == (2 + 2 * 50, 1)
    assert finding["message"].startswith("more than 50 measurement rows")
    assert finding["file"].endswith("m.csv")


def test_the_csv_row_limit_is_far_above_a_real_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Twenty indicators measured daily for ten years is well within the limit."""
    assert csv_loading.MAX_ROWS >= 20 * 3653 * 2 and MAX_NODES >= 100 * 5000


# -- numbers at the edge of the float range --------------------------------------------------


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        (("calculation", "discount_rate"), -1, "discount factor"),
        (("calculation", "discount_rate"), 1e308, "discount factor"),
        (("calculation", "base_year"), 10**11, "discount factor"),
        (("benefits", 0, "valuation", "unit_value"), -1.7e308, "overflows"),
    ],
)
def test_a_calculation_that_cannot_be_computed_is_a_one_line_exit_2(
    where: tuple[str | int, ...], value: float, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """calc says why in one line; the report leaves the calculation out and still renders."""
    data = base_plan()
    parent: Any = data
    for part in where[:-1]:
        parent = parent[part]
    parent[where[-1]] = value
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    results = all_commands(plan, capsys)
    code, _, err = results[("calc", "--format", "json")]
    assert code == 2 and words in err
    assert results[("report",)][0] == 0


def test_figures_that_overflow_are_null_in_the_status_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """planned(t) between -1e308 and 1e308 is beyond the float range: null, not NaN (which is no JSON)."""
    data = base_plan()
    indicator = data["benefits"][0]["indicators"][0]
    indicator["baseline"]["value"], indicator["targets"][0]["value"] = -1e308, 1e308
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    results = all_commands(plan, capsys)
    code, out, _ = results[("status", "--format", "json")]
    figures = json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]
    assert code == 0
    assert (figures["planned"], figures["achievement"]) == (None, None)
    assert figures["latest"] == {"value": 25.0, "date": "2026-09-30"}


# -- CSV -------------------------------------------------------------------------------------

MILLION = 1_000_000

#: (name, CSV text, the expected CSV findings as (line, column, rule, words in the message)).
CSV_CASES: list[tuple[str, str, list[tuple[int, int, str, str]]]] = [
    (
        "quotes",
        HEADER + 'dagar,2026-10-31,"25","a ""quoted"" source",,actual\n"dagar","2026-11-01","2,5",,,\n',
        [(3, 22, "non-numeric-value", "'2,5' is not a number")],
    ),
    (
        "unclosed-quote",
        HEADER + 'dagar,2026-10-31,25,"never closed,,\ndagar,2026-11-01,24,,,\n',
        [(2, 1, "measurements-file", "row has 4 fields")],
    ),
    (
        "embedded-newline",
        HEADER + 'dagar,2026-10-30,25,,"line one\nline two",actual\ndagar,2026-11-31,24,,,\n',
        [(4, 7, "measurements-file", "'2026-11-31' is not a date")],
    ),
    (
        "embedded-crlf",
        HEADER.replace("\n", "\r\n") + 'dagar,2026-10-30,25,,"one\r\ntwo",actual\r\ndagar,2026-11-31,24,,,\r\n',
        [(4, 7, "measurements-file", "'2026-11-31' is not a date")],
    ),
    (
        "bom-in-the-middle",
        HEADER + "dagar,2026-10-30,25,,,\n\ufeffdagar,2026-10-31,24,,,\n",
        [(3, 1, "measurements-file", "unknown indicator")],
    ),
    ("bom-in-a-value", HEADER + "dagar,2026-10-30,\ufeff25,,,\n", [(2, 18, "non-numeric-value", "not a number")]),
    (
        "mixed-separators",
        HEADER + "dagar;2026-10-30;25,5;;;\ndagar,2026-10-31,24,,,\n",
        [(2, 1, "measurements-file", "row has 2 fields")],
    ),
    (
        "mixed-header",
        "indicator;date,value\ndagar;2026-10-30,25\n",
        [
            (1, 1, "measurements-file", "lacks the column 'indicator'"),
            (1, 1, "measurements-file", "lacks the column 'date'"),
            (1, 1, "measurements-file", "unknown column 'indicator;date'"),
        ],
    ),
    ("nul-in-a-value", HEADER + "dagar,2026-10-30,2\x005,,,\n", [(2, 18, "non-numeric-value", "not a number")]),
    ("nul-in-an-indicator", HEADER + "dag\x00ar,2026-10-30,25,,,\n", [(2, 1, "measurements-file", "unknown indicator")]),
    ("header-only", HEADER, []),
    ("header-only-without-newline", HEADER.rstrip("\n"), []),
    ("carriage-returns-only", HEADER.replace("\n", "\r") + "dagar,2026-10-31,bad,,,\r", [(2, 18, "non-numeric-value", "'bad'")]),
    (
        "line-separator-in-a-note",
        HEADER + "dagar,2026-10-30,25,,a\u2028b,\ndagar,2026-10-31,bad,,,\n",
        [(3, 18, "non-numeric-value", "'bad'")],
    ),
    (
        "nan-and-infinity",
        HEADER + "dagar,2026-10-29,nan,,,\ndagar,2026-10-30,inf,,,\ndagar,2026-10-31,-1e400,,,\n",
        [(2, 18, "non-numeric-value", "'nan'"), (3, 18, "non-numeric-value", "'inf'"), (4, 18, "non-numeric-value", "'-1e400'")],
    ),
    (
        "million-character-note",
        HEADER + f"dagar,2026-10-30,24,,{'n' * MILLION},\ndagar,2026-10-31,bad,,,\n",
        [(3, 18, "non-numeric-value", "'bad'")],
    ),
    (
        "million-character-quoted-lines",
        HEADER + 'dagar,2026-10-30,24,,"' + "x\n" * (MILLION // 2) + '",\ndagar,2026-10-31,bad,,,\n',
        [(MILLION // 2 + 3, 18, "non-numeric-value", "'bad'")],
    ),
    (
        "million-character-value",
        HEADER + f"dagar,2026-10-30,{'1' * MILLION},,,\n",
        [(2, 18, "non-numeric-value", "not a number")],
    ),
    (
        "million-character-indicator",
        HEADER + f"{'d' * MILLION},2026-10-30,25,,,\n",
        [(2, 1, "measurements-file", "unknown indicator")],
    ),
]


@pytest.mark.parametrize(("csv", "expected"), [pytest.param(c, e, id=n) for n, c, e in CSV_CASES])
def test_odd_csv_gives_located_findings(
    csv: str, expected: list[tuple[int, int, str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_with_csv(tmp_path, csv)
    _, report = check_json(plan, capsys)
    got = [f for f in findings(report) if f["file"].endswith("m.csv")]
    assert [(f["line"], f["column"], f["rule"]) for f in got] == [(line, col, rule) for line, col, rule, _ in expected]
    for finding, (_, _, _, words) in zip(got, expected):
        assert words in finding["message"]
    all_commands(plan, capsys)


def test_rows_after_a_million_character_field_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The csv module stops at fields above 128 KiB; nytta reads them, so no row after one is lost."""
    plan = plan_with_csv(tmp_path, HEADER + f"dagar,2026-10-29,26,,{'n' * MILLION},\ndagar,2026-10-30,23,,,\n")
    code, out, _ = run_cli(["status", str(plan), "--format", "json", "--as-of", AS_OF], capsys)
    assert code == 0
    latest = json.loads(out)["plans"][0]["benefits"][0]["indicators"][0]["latest"]
    assert latest == {"value": 23.0, "date": "2026-10-30"}


def test_a_latin1_csv_is_refused_at_the_measurements_file_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_with_csv(tmp_path, (HEADER + "dagar,2026-10-30,25,,S\xe4ffle,\n").encode("latin-1"))
    _, report = check_json(plan, capsys)
    [finding] = findings(report, "measurements-file")
    assert finding["line"] == measurements_file_line(plan) and "not UTF-8" in finding["message"]


# -- symlinks --------------------------------------------------------------------------------


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file nytta reads the bytes of, resolved."""
    seen: list[Path] = []
    original = plan_loading.read_text

    def spy(path: Path, display: str) -> tuple[str | None, Any]:
        seen.append(Path(path).resolve())
        return original(path, display)

    monkeypatch.setattr(plan_loading, "read_text", spy)
    return seen


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository (a folder with .git) with a plans folder, and a secret outside it."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plans").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("indicator,date,value\nSECRET-ROW,2026-10-31,not-a-number\n", encoding="utf-8")
    return repo


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_measurements_symlink_out_of_the_repository_is_refused_and_not_read(
    link: str, repository: Path, reads: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    plans = repository / "plans"
    outside = repository.parent / "outside"
    if link == "file":
        (plans / "m.csv").symlink_to(outside / "secret.csv")
        name = "m.csv"
    else:
        (plans / "data").symlink_to(outside, target_is_directory=True)
        name = "data/secret.csv"
    data = base_plan()
    data["plan"]["measurements_file"] = name
    plan = plans / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    _, report = check_json(plan, capsys)
    [finding] = findings(report, "measurements-file")
    assert finding["line"] == measurements_file_line(plan)
    assert "outside the repository" in finding["message"]
    results = all_commands(plan, capsys)
    printed = json.dumps(report) + "".join(out + err for _, out, err in results.values())
    assert "SECRET-ROW" not in printed
    assert reads and all(path.is_relative_to(repository) for path in reads), reads


def test_a_measurements_symlink_inside_the_repository_is_followed(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plans = repository / "plans"
    (repository / "shared.csv").write_text(HEADER + "dagar,2026-10-31,bad,,,\n", encoding="utf-8")
    (plans / "m.csv").symlink_to("../shared.csv")
    data = base_plan()
    data["plan"]["measurements_file"] = "m.csv"
    (plans / "plan.yaml").write_text(dump(data), encoding="utf-8")
    _, report = check_json(plans / "plan.yaml", capsys)
    [finding] = findings(report, "non-numeric-value")
    assert finding["line"] == 2


def test_a_plan_that_is_a_symlink(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plans = repository / "plans"
    (plans / "real.yaml").write_text(BASE_TEXT, encoding="utf-8")
    (plans / "alias.yaml").symlink_to("real.yaml")
    (plans / "dangling.yaml").symlink_to("nowhere.yaml")
    (plans / "loop.yaml").symlink_to("loop.yaml")
    code, report = check_json(plans, capsys)  # the folder: one plan, read once
    assert (code, report["files"], report["errors"]) == (0, 1, 0)
    code, report = check_json(plans / "alias.yaml", capsys)  # named: read through the link
    assert (code, report["files"]) == (0, 1)
    all_commands(plans / "alias.yaml", capsys)
    for broken in ("dangling.yaml", "loop.yaml"):
        argv = ["check", str(plans / broken), "--as-of", AS_OF]
        code, out, err = run_cli(argv, capsys)
        assert_clean(argv, code, out, err)
        assert code == 2 and "no such file" in err


# -- pipes, devices, unreadable files --------------------------------------------------------


def nytta_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, so that a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "nytta", *args, "--as-of", AS_OF], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def folder_with_fifo(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    (tmp_path / "plan.yaml").write_text(BASE_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    os.mkfifo(tmp_path / "pipe.csv")
    return tmp_path


def test_a_folder_with_a_fifo_is_checked_without_waiting_on_it(folder_with_fifo: Path) -> None:
    done = nytta_subprocess("check", str(folder_with_fifo), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"] == 1


@pytest.mark.parametrize("target", ["pipe.yaml", "/dev/zero"])
def test_a_fifo_or_device_named_as_a_plan_is_a_located_finding(target: str, folder_with_fifo: Path) -> None:
    path = folder_with_fifo / target
    if not path.exists():
        pytest.skip(f"no {target} on this system")
    done = nytta_subprocess("check", str(path), "--format", "json")
    assert done.returncode == 1, done.stderr
    [finding] = json.loads(done.stdout)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("yaml-syntax", 1, 1)
    assert "not a regular file" in finding["message"]
    for command in (("status", "--format", "json"), ("report", "--format", "md")):
        done = nytta_subprocess(*command, str(path))
        assert done.returncode == 1 and "internal error" not in done.stderr, done.stderr
    done = nytta_subprocess("calc", "--format", "json", str(path))  # calc wants a regular file: a usage error
    assert (
        done.returncode == 2
        and done.stderr == f"nytta: error: {path} is not a regular file (a pipe or device); name a plan file\n"
    )
    done = nytta_subprocess("calc", str(folder_with_fifo))
    assert done.returncode == 2 and done.stderr == f"nytta: error: {folder_with_fifo} is a folder; name a plan file\n"


def test_a_fifo_as_measurements_file_is_a_located_finding(folder_with_fifo: Path) -> None:
    data = base_plan()
    data["plan"]["measurements_file"] = "pipe.csv"
    plan = folder_with_fifo / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    done = nytta_subprocess("check", str(plan), "--format", "json")
    [finding] = [f for f in json.loads(done.stdout)["findings"] if f["rule"] == "measurements-file"]
    assert finding["line"] == measurements_file_line(plan) and "not a regular file" in finding["message"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_plan_in_a_folder_is_a_located_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.yaml").write_text(BASE_TEXT, encoding="utf-8")
    locked = tmp_path / "locked.yaml"
    locked.write_text(BASE_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        code, report = check_json(tmp_path, capsys)
    finally:
        locked.chmod(0o644)
    assert code == 1
    [finding] = findings(report)
    assert finding["file"].endswith("locked.yaml") and finding["rule"] == "yaml-syntax"
    assert "cannot read the file" in finding["message"]


# -- YAML ------------------------------------------------------------------------------------

HEAD = "nytta: 1\nplan: {id: x, title: y, phase: identify}\n"

#: (name, YAML text, expected (rule, line, column, words in the message), or None: no YAML problem).
YAML_CASES: list[tuple[str, str, tuple[str, int, int, str] | None]] = [
    ("yaml-1.1-directive", "%YAML 1.1\n---\nnytta: 1\nplan: {id: x, title: yes, phase: identify, tags: [on, off]}\n", None),
    ("yaml-1.3-directive", "%YAML 1.3\n---\n" + HEAD, ("yaml-syntax", 1, 1, "incompatible YAML document")),
    ("yaml-2.0-directive", "%YAML 2.0\n---\n" + HEAD, ("yaml-syntax", 1, 1, "incompatible YAML document")),
    ("binary", HEAD + "people: [{id: p, name: !!binary aGVsbG8=}]\n", ("yaml-syntax", 3, 24, "unsupported YAML tag !!binary")),
    ("set", HEAD + "tags: !!set {a, b}\n", ("yaml-syntax", 3, 7, "unsupported YAML tag !!set")),
    (
        "set-in-plan",
        "nytta: 1\nplan: {id: x, title: y, phase: identify, tags: !!set {? a, ? b}}\n",
        ("yaml-syntax", 2, 48, "unsupported YAML tag !!set"),
    ),
    ("omap", "nytta: 1\nplan: !!omap [id: x, title: y, phase: identify]\n", ("yaml-syntax", 2, 7, "unsupported YAML tag !!omap")),
    ("pairs", "nytta: 1\nplan: !!pairs [id: x, title: y]\n", ("yaml-syntax", 2, 7, "unsupported YAML tag !!pairs")),
    ("local-tag", HEAD + "people: [{id: p, name: !foo bar}]\n", ("yaml-syntax", 3, 24, "unsupported YAML tag !foo")),
    (
        "tag-directive",
        "%TAG !e! tag:example.com,2000:\n---\n" + HEAD + "people: [{id: p, name: !e!foo bar}]\n",
        ("yaml-syntax", 5, 24, "unsupported YAML tag"),
    ),
    ("complex-key-sequence", HEAD + "? [a, b]\n: c\n", ("yaml-syntax", 3, 3, "a mapping key must be a plain value")),
    (
        "complex-key-mapping",
        "nytta: 1\nplan:\n  ? {id: x}\n  : y\n",
        ("yaml-syntax", 3, 5, "a mapping key must be a plain value"),
    ),
    ("anchor-on-a-key", "nytta: 1\nplan: {&k id: x, title: *k, phase: identify}\n", None),
    # a key written as an alias is located at the alias, not at the anchor it repeats
    (
        "alias-as-a-duplicate-key",
        "nytta: 1\nplan: {&k id: x, *k : y, phase: identify}\n",
        ("yaml-syntax", 2, 18, "duplicate key 'id'"),
    ),
    (
        "alias-as-a-duplicate-block-key",
        "nytta: 1\nplan:\n  &k id: x\n  title: t  # a *note*\n  other: &v 3\n  b: *v\n  *k : y\n",
        ("yaml-syntax", 7, 3, "duplicate key 'id' (first used on line 3)"),
    ),
    ("alias-as-a-key", "nytta: 1\nplan: {&k title: x, id: y, phase: identify}\npeople: [{*k : z, id: p, name: n}]\n", None),
    ("long-implicit-key", HEAD + "k" * 2000 + ": 1\n", ("yaml-syntax", 3, 2001, "could not find expected ':'")),
    ("long-explicit-key", HEAD + "? " + "k" * 100_000 + "\n: 1\n", ("schema", 3, 3, "unknown key 'kkkk")),
    ("long-key-in-flow", HEAD + "people: [{id: p, name: n, " + "k" * 100_000 + ": 1}]\n", ("yaml-syntax", 3, 100_027, "")),
    # once an internal error: the message showed repr() of an integer of 6 000 digits
    ("huge-hex-version", "nytta: 0x" + "f" * 5000 + "\n", ("unsupported-version", 1, 8, "is not supported")),
    (
        "huge-octal-amount",
        HEAD + "costs: [{id: c, name: C, kind: investment, amounts: {2025: 0o" + "7" * 6000 + "}}]\n",
        ("schema", 3, 60, "expected a number, got '0o777"),
    ),
    # the message once showed pydantic's placeholder '{value!r}' instead of the value
    ("date-without-zeros", HEAD + "revisions: [{date: 2025-1-1, reason: r}]\n", ("schema", 3, 20, "got '2025-1-1'")),
    ("id-with-a-space", "nytta: 1\nplan: {id: a b, title: y, phase: identify}\n", ("schema", 2, 12, "'a b' is not a valid id")),
    # `$` matched before a final newline: "latt-fa-kontakt\n" was a second id that looked the same
    (
        "id-with-a-trailing-newline",
        'nytta: 1\nplan: {id: "latt-fa-kontakt\\n", title: y, phase: identify}\n',
        ("schema", 2, 12, "'latt-fa-kontakt\\n' is not a valid id"),
    ),
    (
        "block-id-with-a-trailing-newline",
        "nytta: 1\nplan:\n  id: |\n    latt-fa-kontakt\n  title: y\n  phase: identify\n",
        ("schema", 3, 7, "is not a valid id"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=n) for n, t, e in YAML_CASES])
def test_rare_yaml_gives_located_findings(
    text: str, expected: tuple[str, int, int, str] | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    _, report = check_json(plan, capsys)
    located = findings(report)
    assert all("{value" not in f["message"] for f in located)
    problems = [f for f in located if f["rule"] in ("yaml-syntax", "schema", "unsupported-version")]
    if expected is None:
        assert problems == []
    else:
        rule, line, column, words = expected
        assert [(f["rule"], f["line"], f["column"]) for f in problems][:1] == [(rule, line, column)]
        assert words in problems[0]["message"]
    all_commands(plan, capsys)
