"""Writers killed at random moments leave every file whole (a short run of
``benchmarks/kill_writes.py``; the script itself runs 200 kills)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import ROOT


def _script() -> object:
    spec = importlib.util.spec_from_file_location("kill_writes", ROOT / "benchmarks" / "kill_writes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_killed_writers_leave_old_or_new_files_and_no_temporary_file(tmp_path: Path) -> None:
    tally = _script().kill_rounds(tmp_path, kills=12, seed=7)  # type: ignore[attr-defined]
    assert tally.kills == 12 and tally.old + tally.new == 12
    assert tally.corrupt == [] and tally.stale == set()
