"""Golden files of ``nytta status`` and ``nytta calc`` as JSON (the contracts of §7) for every
plan in ``plans/`` and the spec example, as of 2026-11-27: any change to a figure shows in
review as a diff of ``tests/data/golden/``.

The commands run in-process from the repository root with the plan's path relative to it
(so ``file`` reads ``plans/….yaml``). After a deliberate change, rewrite the files and
review the diff::

    NYTTA_UPDATE_GOLDEN=1 .venv/bin/pytest tests/compute/test_golden_json.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import PLANS, ROOT, SPEC_DIR, TESTS, run_cli

GOLDEN = TESTS / "data" / "golden"
AS_OF = "2026-11-27"
SOURCES = {path.stem: path.relative_to(ROOT) for path in [SPEC_DIR / "bygglov-e-tjanst.yaml", *sorted(PLANS.glob("*.yaml"))]}


def output(command: str, plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    code, out, err = run_cli([command, str(plan), "--format", "json", "--as-of", AS_OF], capsys)
    assert code == 0, err
    return out


@pytest.mark.parametrize("command", ["status", "calc"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_json_output_matches_the_golden_file(
    name: str, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = output(command, SOURCES[name], capsys, monkeypatch)
    golden = GOLDEN / f"{name}.{command}.json"
    if os.environ.get("NYTTA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_plan_has_its_golden_files() -> None:
    expected = {f"{name}.{command}.json" for name in SOURCES for command in ("status", "calc")}
    assert {path.name for path in GOLDEN.glob("*.json")} == expected
    assert "plans/digitala-vardbesok.yaml" in {str(path) for path in SOURCES.values()}


def test_the_spec_examples_golden_figures_are_the_contracts() -> None:
    """§7 of the contract lists these for bygglov-e-tjanst.yaml as of 2026-11-27."""
    status = json.loads((GOLDEN / "bygglov-e-tjanst.status.json").read_text(encoding="utf-8"))
    indicator = status["plans"][0]["benefits"][0]["indicators"][0]
    assert status["plans"][0]["status"] == "at_risk"
    assert (indicator["planned"], round(indicator["achievement"], 3), round(indicator["progress"], 3)) == (25.5, 0.909, 0.714)
    assert (round(indicator["forecast"], 2), indicator["forecast_meets_target"]) == (24.21, False)
    assert (indicator["next_due"], indicator["overdue"]) == ("2026-12-31", False)
    calc = json.loads((GOLDEN / "bygglov-e-tjanst.calc.json").read_text(encoding="utf-8"))
    assert calc["benefits"]["2027"] == 432_000
    assert (round(calc["npv"]), round(calc["benefit_cost_ratio"], 3), calc["payback_year"]) == (135_299, 1.104, 2029)
    assert round(calc["realised_to_date"]) == 161_741
