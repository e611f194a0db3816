"""`follow_ups` in the models and the JSON Schema: the shapes a follow-up, a proposal and a
decision may take, a round trip through the models, and the schema's verdict on the same
plans; and what the model's helpers know on a date (latest follow-up, open proposals,
decision history)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, as_json
from nytta.load.plan import load_plan
from nytta.load.yaml import parse_yaml
from nytta.model import followups
from nytta.model.plan import Plan
from nytta.model.schema import plan_schema
from nytta.rules.examples import BASE_PLAN

FOLLOW_UPS = """\
follow_ups:
  - date: 2026-06-30
    author: anna
    commentary: >
      Tiden minskar långsammare än planerat.

      Fler ärenden än väntat.
    proposals:
      - {id: fler-handlaggare, text: Förstärk handläggningen}
      - Följ upp varje månad
    decisions:
      - {text: Två handläggare till, date: 2026-07-02, decided_by: Styrgruppen, proposal: fler-handlaggare}
  - date: 2026-09-30
    proposals:
      - id: ny-rutin
        text: Inför en ny rutin för kompletteringar
    decisions:
      - Rutinen införs
"""
D = _dt.date


def _load(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None and doc.diagnostics == [], doc and doc.diagnostics
    return doc.plan


def test_a_follow_up_is_read_with_proposals_and_decisions_as_text_or_mappings(tmp_path: Path) -> None:
    june, september = _load(tmp_path, BASE_PLAN + FOLLOW_UPS).follow_ups
    assert (june.date, june.author) == (D(2026, 6, 30), "anna")
    assert june.commentary == "Tiden minskar långsammare än planerat.\nFler ärenden än väntat.\n"
    assert [(p.id, p.text) for p in june.proposals] == [
        ("fler-handlaggare", "Förstärk handläggningen"),
        (None, "Följ upp varje månad"),
    ]
    [decision] = june.decisions
    assert (decision.text, decision.date, decision.decided_by, decision.proposal) == (
        "Två handläggare till",
        D(2026, 7, 2),
        "Styrgruppen",
        "fler-handlaggare",
    )
    assert (september.author, september.commentary) == (None, None)
    assert [(d.text, d.date, d.decided_by) for d in september.decisions] == [("Rutinen införs", None, None)]


def test_the_models_round_trip(tmp_path: Path) -> None:
    plan = _load(tmp_path, BASE_PLAN + FOLLOW_UPS)
    again = Plan.model_validate(plan.model_dump(mode="json"))  # the data paths stay behind: compare the data
    assert again.model_dump()["follow_ups"] == plan.model_dump()["follow_ups"]
    assert again.model_dump() == plan.model_dump()


def _errors(text: str) -> list[str]:
    data = as_json(parse_yaml(text).data)
    return [e.message for e in jsonschema.Draft202012Validator(plan_schema()).iter_errors(data)]


def test_the_schema_accepts_what_the_models_accept() -> None:
    assert _errors(BASE_PLAN + FOLLOW_UPS) == []
    assert _errors((ROOT / "plans" / "forskoleplats-e-tjanst.yaml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  - date: 2026-09-30\n", "  - datum: 2026-09-30\n"),  # unknown key, and date missing
        ("decided_by: Styrgruppen", "decided_by: Styrgruppen, beslutat: ja"),  # unknown key in a decision
        ("{id: fler-handlaggare, text: Förstärk handläggningen}", "{id: fler handläggare, text: X}"),  # not an id
        ("      - Rutinen införs\n", "      - 42\n"),  # a decision is text or a mapping
    ],
)
def test_the_schema_rejects_what_the_models_reject(tmp_path: Path, old: str, new: str) -> None:
    text = BASE_PLAN + FOLLOW_UPS.replace(old, new)
    assert text != BASE_PLAN + FOLLOW_UPS
    assert _errors(text) != []
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and any(d.rule == "schema" for d in doc.diagnostics)


def test_what_is_known_on_a_date(tmp_path: Path) -> None:
    plan = _load(tmp_path, BASE_PLAN + FOLLOW_UPS)
    assert followups.latest(plan, D(2026, 6, 29)) is None
    latest = followups.latest(plan, D(2026, 9, 30))
    assert latest is not None and latest.date == D(2026, 9, 30)
    assert [p.proposal.text for p in followups.open_proposals(plan, D(2026, 7, 1))] == [
        "Förstärk handläggningen",  # decided the next day
        "Följ upp varje månad",
    ]
    assert [p.proposal.text for p in followups.open_proposals(plan, D(2026, 11, 27))] == [
        "Följ upp varje månad",  # text alone: no decision can name it
        "Inför en ny rutin för kompletteringar",
    ]
    history = followups.decision_history(plan, D(2026, 11, 27))
    assert [(h.date, h.decision.text) for h in history] == [
        (D(2026, 7, 2), "Två handläggare till"),
        (D(2026, 9, 30), "Rutinen införs"),  # undated: its follow-up's date
    ]
    assert [p.path for p in followups.proposals(plan.follow_ups[0])] == [
        ("follow_ups", 0, "proposals", 0),
        ("follow_ups", 0, "proposals", 1),
    ]
