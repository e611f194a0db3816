"""Shared helpers: write a plan into a temporary folder and check it."""

from __future__ import annotations

import ast
import datetime as _dt
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from nytta.check import CheckOptions, check_paths
from nytta.diagnostics import Diagnostic
from nytta.load.plan import PlanDocument, load_plan

# The tests assert English unless they ask for Swedish, whatever the machine's locale says
# (nytta speaks Swedish under LANG=sv_SE…); they set the language themselves where it matters.
for _variable in ("NYTTA_LANG", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


def _speak_english() -> None:
    from nytta.i18n import set_language

    set_language("en")


# Every module and every test starts in English: an in-process ``nytta --lang sv …``
# (run_cli) leaves the language it chose behind, and renderers and compute speak the
# current language (a module's fixtures are made before a test's).
_english_for_each_module = pytest.fixture(autouse=True, scope="module")(_speak_english)
_english_for_each_test = pytest.fixture(autouse=True)(_speak_english)

AS_OF = _dt.date(2026, 11, 27)
TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
PLANS = ROOT / "plans"
SPEC_DIR = DATA / "spec"

#: The keys of the JSON contracts (format §6, "The figures as JSON"), in their order: a plan,
#: a benefit and an indicator of `status`, a trend of a plan or benefit, and `calc`.
STATUS_PLAN_KEYS = ["file", "id", "title", "status", "benefits", "trend"]
STATUS_BENEFIT_KEYS = ["id", "polarity", "status", "indicators", "trend"]
STATUS_TREND_KEYS = ["since", "previous_status", "direction"]
STATUS_INDICATOR_KEYS = [
    "id",
    "unit",
    "direction",
    "baseline",
    "target",
    "latest",
    "planned",
    "achievement",
    "progress",
    "status",
    "forecast",
    "forecast_meets_target",
    "next_due",
    "overdue",
]
CALC_KEYS = [
    "plan",
    "currency",
    "discount_rate",
    "base_year",
    "years",
    "benefits",
    "benefits_by_category",
    "costs",
    "costs_by_kind",
    "net",
    "discounted_net",
    "npv",
    "benefit_cost_ratio",
    "payback_year",
    "discounted_payback_year",
    "realised_to_date",
    # the additions of issue 16 (Inera's measures), after the contract's keys of §7
    "rate_source",
    "hours_per_fte",
    "employer_contributions",
    "ranged",
    "scenarios",
    "sensitivity",
    "category_shares",
    "value_by_recipient",
    "released_time",
    "unvalued",
]


def spec_document() -> PlanDocument:
    """The spec's example plan, loaded (a fresh document each call)."""
    doc = load_plan(SPEC_DIR / "bygglov-e-tjanst.yaml", "bygglov-e-tjanst.yaml")
    assert doc is not None
    return doc


def run_check(path: Path, as_of: _dt.date = AS_OF, **options: object) -> list[Diagnostic]:
    return list(check_paths([path], CheckOptions(as_of=as_of, **options)).result.diagnostics)  # type: ignore[arg-type]


@pytest.fixture
def write_plan(tmp_path: Path):
    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def modules_loaded(statements: str, packages: Iterable[str], *argv: str) -> list[str]:
    """The modules of ``packages`` (top-level names) that a fresh interpreter has loaded
    after running ``statements`` with ``argv`` as ``sys.argv[1:]``. The list is printed last
    on stderr, so that what the statements print cannot get in its way."""
    wanted = sorted(set(packages))
    code = f"import sys\n{statements}\nprint(sorted(m for m in sys.modules if m.split('.')[0] in {wanted!r}), file=sys.stderr)\n"
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stderr.strip().splitlines()[-1])  # type: ignore[no-any-return]


CLI_MAIN = "from nytta.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass"


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    from nytta.cli import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


#: A falling indicator of days whose straight-line forecast passes below zero.
DAYS_PLAN = """\
nytta: 1
plan: {{id: p, title: Plan, phase: realise}}
people: [{{id: anna, name: Anna}}]
stakeholders: [{{id: s, name: S, category: citizens}}]
goals: [{{id: g, name: G}}]
benefits:
  - id: b
    name: Kortare handläggning
    owner: anna
    recipients: [s]
    goals: [g]
    indicators:
      - id: i
        name: Handläggningstid
        unit: {unit}
        direction: {direction}
{extra}        baseline: {{value: 10, date: 2025-01-01}}
        targets: [{{date: 2026-01-01, value: {target}}}]
        measurements:
          - {{date: 2025-04-01, value: {first}}}
          - {{date: 2025-07-01, value: {second}}}
          - {{date: 2025-10-01, value: {third}}}
"""


def days_plan(
    tmp_path: Path,
    *,
    unit: str = "dagar",
    direction: str = "decrease",
    target: float = 2,
    values: tuple[float, float, float] = (7, 4, 2.2),
    bounds: str | None = None,
) -> PlanDocument:
    extra = f"        bounds: {bounds}\n" if bounds else ""
    text = DAYS_PLAN.format(
        unit=unit, direction=direction, extra=extra, target=target, first=values[0], second=values[1], third=values[2]
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None
    assert [d for d in doc.diagnostics if d.rule == "schema"] == []
    return doc


def as_json(value: Any) -> Any:
    """What an editor's YAML language server hands the schema: dates as strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value
