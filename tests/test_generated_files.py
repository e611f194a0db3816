"""Generated files stay in step with their source, and the schema accepts real plans."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import SPEC_DIR
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


def _as_json(value: Any) -> Any:
    """What an editor's YAML language server hands the schema: dates as strings."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_plans_validate_against_the_json_schema(path: Path) -> None:
    data = _as_json(parse_yaml(path.read_text(encoding="utf-8")).data)
    jsonschema.Draft202012Validator(plan_schema()).validate(data)


def test_schema_rejects_an_unknown_key_and_a_bad_enum() -> None:
    validator = jsonschema.Draft202012Validator(plan_schema())
    base = _as_json(parse_yaml((SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8")).data)
    base["benefits"][0]["ownr"] = "anna"
    base["benefits"][1]["category"] = "kvalite"
    messages = [e.message for e in validator.iter_errors(base)]
    assert len(messages) == 2
