"""The JSON Schema of the plan format, generated from the models (one source of truth)."""

from __future__ import annotations

import json
from typing import Any

from nytta.model.plan import Plan

SCHEMA_ID = "https://nytta.se/schema/plan-v1.json"


def plan_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of format v1, for editors and check-jsonschema."""
    body = Plan.model_json_schema(mode="validation")
    body["properties"]["nytta"] = {"const": 1, "description": "Format version."}
    _or_text(body, "Benefit", "recipients", "Recipient")
    _or_text(body, "FollowUpEntry", "proposals", "Proposal")
    _or_text(body, "FollowUpEntry", "decisions", "Decision")
    _aliased(body, "Range", {"low": ("lägst", "lagst"), "likely": ("troligt",), "high": ("högst", "hogst")})
    _aliased(body, "HourlyCost", {"monthly_salary": ("månadslön", "manadslon")})
    calculation = body["$defs"]["Calculation"]["properties"]
    calculation["hours_per_fte"]["exclusiveMinimum"] = 0
    calculation["employer_contributions"]["minimum"] = 0
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **body,
        "title": "nytta benefit plan, format version 1",
    }


def _or_text(body: dict[str, Any], model: str, key: str, item: str) -> None:
    """The items of ``model.key`` may also be written as text alone (see the models' validators)."""
    body["$defs"][model]["properties"][key]["items"] = {"anyOf": [{"type": "string"}, {"$ref": f"#/$defs/{item}"}]}


def _aliased(body: dict[str, Any], model: str, aliases: dict[str, tuple[str, ...]]) -> None:
    """``model``'s fields may also be written under their Swedish keys (pydantic's schema names
    only the English ones): each field is then required under exactly one of its names."""
    definition = body["$defs"][model]
    properties = definition["properties"]
    for name, others in aliases.items():
        for other in others:
            properties[other] = properties[name]
    definition.pop("required", None)
    definition["allOf"] = [{"oneOf": [{"required": [key]} for key in (name, *others)]} for name, others in aliases.items()]


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
