"""Shared helpers: write a plan into a temporary folder and check it."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from nytta.check import CheckOptions, check_paths
from nytta.diagnostics import Diagnostic

AS_OF = _dt.date(2026, 11, 27)
SPEC_DIR = Path(__file__).parent / "data" / "spec"


def run_check(path: Path, as_of: _dt.date = AS_OF, **options: object) -> list[Diagnostic]:
    return list(check_paths([path], CheckOptions(as_of=as_of, **options)).result.diagnostics)  # type: ignore[arg-type]


@pytest.fixture
def write_plan(tmp_path: Path):
    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    from nytta.cli import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err
