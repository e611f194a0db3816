"""Generated files stay in step with their source, and the schema accepts real plans."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from conftest import SPEC_DIR, as_json
from nytta.load.yaml import parse_yaml
from nytta.model.schema import plan_schema, schema_text
from nytta.rules.docs import rules_markdown

ROOT = Path(__file__).resolve().parents[1]
PLANS = [*sorted((ROOT / "plans").glob("*.yaml")), SPEC_DIR / "bygglov-e-tjanst.yaml"]


def test_committed_schema_matches_the_models() -> None:
    assert (ROOT / "docs" / "nytta-plan.schema.json").read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: nytta schema -o docs/nytta-plan.schema.json"
    )


def test_committed_rule_reference_matches_the_registry() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "regenerate with: python -m nytta.rules.docs > docs/rules.md"
    )


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_plans_validate_against_the_json_schema(path: Path) -> None:
    data = as_json(parse_yaml(path.read_text(encoding="utf-8")).data)
    jsonschema.Draft202012Validator(plan_schema()).validate(data)


def test_schema_rejects_an_unknown_key_and_a_bad_enum() -> None:
    validator = jsonschema.Draft202012Validator(plan_schema())
    base = as_json(parse_yaml((SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8")).data)
    base["benefits"][0]["ownr"] = "anna"
    base["benefits"][1]["category"] = "kvalite"
    messages = [e.message for e in validator.iter_errors(base)]
    assert len(messages) == 2


RANGED = """\
nytta: 1
plan: {id: ranged, title: Intervall, phase: plan}
benefits:
  - id: tid
    name: Frigjord tid
    category: omfördelning
    valuation:
      unit_value: {månadslön: {lägst: 34000, troligt: 38000, högst: 42000}}
      volume: {lagst: 800, troligt: 1000, hogst: 1200}
      attribution: {low: 0.6, likely: 0.8, high: 0.9}
  - {id: service, name: Bättre service, category: kvalitet, size: stor}
  - {id: miljo, name: Mindre utsläpp, category: environment, size: moderate}
costs:
  - {id: licens, name: Licens, kind: drift, amounts: {2025: 100000, 2026: {lägst: 80000, troligt: 100000, högst: 150000}}}
calculation:
  base_year: 2025
  first_year: 2025
  last_year: 2029
  discount_rate: 0.03
  rate_source: Ineras standardvärde
  hours_per_fte: 1700
  employer_contributions: 0.54
"""


def _ranged() -> dict:
    return as_json(parse_yaml(RANGED).data)


def test_schema_accepts_ranges_salaries_and_sizes_under_their_swedish_keys() -> None:
    data = _ranged()
    assert list(jsonschema.Draft202012Validator(plan_schema()).iter_errors(data)) == []
    data["benefits"][0]["valuation"]["unit_value"] = {"manadslon": 38000}
    data["benefits"][1]["size"] = "mattlig"
    assert list(jsonschema.Draft202012Validator(plan_schema()).iter_errors(data)) == []


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("benefits", 0, "valuation", "volume"), {"lägst": 800, "troligt": 1000}),  # no high end
        (("benefits", 0, "valuation", "volume"), {"low": 800, "lägst": 800, "likely": 1000, "high": 1200}),  # low twice
        (("benefits", 0, "valuation", "attribution"), {"low": 0.6, "likely": 0.8, "high": 0.9, "mid": 0.7}),
        (("benefits", 0, "valuation", "unit_value"), {"monthly_salary": 38000, "månadslön": 38000}),
        (("benefits", 1, "size"), "enorm"),
        (("calculation", "hours_per_fte"), 0),
        (("calculation", "employer_contributions"), -0.1),
    ],
)
def test_schema_rejects_a_broken_range_salary_size_or_calculation_parameter(where: tuple, value: object) -> None:
    data = _ranged()
    parent = data
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert list(jsonschema.Draft202012Validator(plan_schema()).iter_errors(data)) != []


def test_the_models_read_what_the_schema_accepts() -> None:
    """The ranged plan the schema accepts is also a plan without shape errors to the models."""
    from nytta.model.validate import validate_plan

    result = validate_plan(parse_yaml(RANGED).data)
    assert result.issues == [] and result.plan is not None
    valuation = result.plan.benefits[0].valuation
    assert valuation is not None
    assert (valuation.volume.low, valuation.volume.likely, valuation.volume.high) == (800, 1000, 1200)  # type: ignore[union-attr]
