"""The benchmark portfolio generator writes plans that `nytta check` passes without errors.

Owns the guard on benchmarks/generate_portfolio.py: three small plans, inline and CSV
measurements in both dialects, checked in-process. Run with `pytest tests/test_benchmark_generator.py`.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from nytta.check import CheckOptions, check_paths
from nytta.load.csv import read_measurements

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate_portfolio.py"
AS_OF = _dt.date(2026, 11, 27)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_portfolio", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_generated_plans_check_without_errors_in_both_csv_dialects(tmp_path: Path) -> None:
    generator = _load_generator()
    plans = generator.generate(tmp_path, plans=3, benefits=3, months=6, csv_share=0.67, seed=1)
    assert len(plans) == 3 and all(p.is_file() and p.suffix == ".yaml" for p in plans)

    result = check_paths([tmp_path], CheckOptions(as_of=AS_OF)).result
    assert len(result.files) == 3
    assert result.errors == 0, [f"{d.file}:{d.line} {d.rule} {d.message}" for d in result.diagnostics]

    csv_files = sorted(tmp_path.rglob("*.measurements.csv"))
    delimiters = {read_measurements(f.read_text(encoding="utf-8")).delimiter for f in csv_files}
    assert delimiters == {",", ";"}
    assert len(csv_files) < len(plans), "at least one plan keeps its measurements inline"


def test_same_seed_gives_same_portfolio(tmp_path: Path) -> None:
    generator = _load_generator()
    first = generator.generate(tmp_path / "a", plans=2, benefits=2, months=3, seed=7)
    second = generator.generate(tmp_path / "b", plans=2, benefits=2, months=3, seed=7)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
