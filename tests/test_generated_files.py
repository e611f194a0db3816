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
