"""The progress callback of status, report and export: once per plan file, in file order."""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PLANS
from nytta.app import export, report, status
from nytta.batch import PARALLEL_FROM
from nytta.load.files import discover

AS_OF = _dt.date(2026, 11, 27)
GOOD = PLANS / "digitala-vardbesok.yaml"

#: Each command with progress: run it on paths, and the files of the plans it could not read.
Command = Callable[[list[Path], Callable[[str], None]], list[str]]


def _status(paths: list[Path], progress: Callable[[str], None]) -> list[str]:
    return [u.file for u in status.run(status.Options(tuple(paths), AS_OF), progress=progress).unreadable]


def _report(paths: list[Path], progress: Callable[[str], None]) -> list[str]:
    return [u.file for u in report.run(report.Options(tuple(paths), AS_OF), progress=progress).unreadable]


def _export(paths: list[Path], progress: Callable[[str], None]) -> list[str]:
    return [u.file for u in export.run(export.Options(tuple(paths), AS_OF), progress=progress).unreadable]


COMMANDS = pytest.mark.parametrize("command", [_status, _report, _export], ids=["status", "report", "export"])


def _found(paths: list[Path]) -> list[str]:
    return [candidate.display for candidate in discover(paths)]


@COMMANDS
def test_each_plan_of_the_plans_folder_once_in_order(command: Command) -> None:
    seen: list[str] = []
    assert command([PLANS], seen.append) == []
    assert seen == _found([PLANS])
    assert [Path(file).name for file in seen] == [
        "automatiserad-arendehantering.yaml",
        "digitala-vardbesok.yaml",
        "forskoleplats-e-tjanst.yaml",
    ]


@COMMANDS
def test_an_unreadable_plan_is_reported_too_and_a_non_plan_is_not(command: Command, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(GOOD, tmp_path / "sub" / "good.yaml")
    (tmp_path / "bad.yaml").write_text("nytta: 1\nplan: [\n", encoding="utf-8")
    (tmp_path / "other.yaml").write_text("just: config\n", encoding="utf-8")
    seen: list[str] = []
    unreadable = command([tmp_path], seen.append)
    assert seen == [file for file in _found([tmp_path]) if not file.endswith("other.yaml")]
    assert [Path(file).relative_to(tmp_path).as_posix() for file in seen] == ["bad.yaml", "sub/good.yaml"]
    assert unreadable == [(tmp_path / "bad.yaml").as_posix()]


@COMMANDS
def test_named_files_are_reported_in_the_order_given(command: Command) -> None:
    files = [PLANS / "forskoleplats-e-tjanst.yaml", GOOD]
    seen: list[str] = []
    command(files, seen.append)
    assert seen == [file.as_posix() for file in files]


@COMMANDS
def test_file_order_holds_when_the_work_is_shared_out(command: Command, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NYTTA_JOBS", "3")  # forked workers even on one core (status and report)
    for number in range(PARALLEL_FROM + 2):
        shutil.copy(GOOD, tmp_path / f"plan-{number:02}.yaml")
    seen: list[str] = []
    command([tmp_path], seen.append)
    assert seen == _found([tmp_path])
    assert len(seen) == PARALLEL_FROM + 2
