"""Table of the rules about follow-ups (nytta.rules.followups): proposals left without a
decision, and decisions that do not say when or by whom; their messages in English and
Swedish."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from rule_table import Case, case, check_case

from conftest import run_check
from nytta.i18n import set_language
from nytta.rules.examples import apply_fragment

JUNE = (
    "follow_ups:\n"
    "  - date: 2026-06-30\n"
    "    author: anna\n"
    "    commentary: Handläggningstiden minskar långsammare än planerat.\n"
    "    proposals:\n"
    "      - {id: fler-handlaggare, text: Förstärk handläggningen med två årsarbetare under hösten}\n"
)
SEPTEMBER = "  - date: 2026-09-30\n    author: anna\n    commentary: Tiden är nu nära planen.\n"
DECIDED = "{text: Två handläggare förstärker hösten 2026, date: 2026-09-30, decided_by: Styrgruppen, proposal: fler-handlaggare}"


def decisions(*items: str) -> str:
    return "    decisions:\n" + "".join(f"      - {item}\n" for item in items)


CASES = [
    # open-proposal: the proposal
    case("open-proposal", "no decision by the next follow-up", JUNE + SEPTEMBER, ("open-proposal", 48, 9)),
    case("open-proposal", "decided at the next follow-up", JUNE + SEPTEMBER + decisions(DECIDED)),
    case("open-proposal", "decided at the follow-up that proposed it", JUNE + decisions(DECIDED) + SEPTEMBER),
    case(
        "open-proposal",
        "a proposal of the latest follow-up",
        "follow_ups:\n" + SEPTEMBER + JUNE.removeprefix("follow_ups:\n").replace("2026-06-30", "2026-10-31"),
    ),
    case(
        "open-proposal",
        "a proposal written as text: at the text",
        JUNE.replace("{id: fler-handlaggare, text: Förstärk", "Förstärk").replace("hösten}", "hösten") + SEPTEMBER,
        ("open-proposal", 48, 9),
    ),
    case(
        "open-proposal",
        "a proposal in block style: at its first key",
        JUNE.replace(
            "{id: fler-handlaggare, text: Förstärk handläggningen med två årsarbetare under hösten}",
            "id: fler-handlaggare\n        text: Förstärk handläggningen",
        )
        + SEPTEMBER,
        ("open-proposal", 48, 9),
    ),
    case(
        "open-proposal",
        "the decision names another proposal",
        JUNE + SEPTEMBER + decisions(DECIDED.replace("proposal: fler-handlaggare", "proposal: annat")),
        ("open-proposal", 48, 9),
        ("unknown-reference", 53, 109),
    ),
    case(
        "open-proposal",
        "a later follow-up after the as-of date does not count",
        JUNE + SEPTEMBER.replace("2026-09-30", "2026-12-15"),
    ),
    case("open-proposal", "two follow-ups on one date", JUNE + SEPTEMBER.replace("2026-09-30", "2026-06-30")),
    case(
        "open-proposal",
        "a decision taken after the as-of date does not answer",
        JUNE + SEPTEMBER + decisions(DECIDED.replace("date: 2026-09-30", "date: 2026-12-15")),
        ("open-proposal", 48, 9),
    ),
    # incomplete-decision: the decision
    case(
        "incomplete-decision",
        "without who decided",
        JUNE + SEPTEMBER + decisions(DECIDED.replace(" decided_by: Styrgruppen,", "")),
        ("incomplete-decision", 53, 9),
    ),
    case(
        "incomplete-decision",
        "without a date",
        JUNE + SEPTEMBER + decisions(DECIDED.replace(" date: 2026-09-30,", "")),
        ("incomplete-decision", 53, 9),
    ),
    case(
        "incomplete-decision",
        "written as text alone: at the text",
        JUNE + SEPTEMBER + decisions("Två handläggare förstärker hösten 2026"),
        ("incomplete-decision", 53, 9),
        ("open-proposal", 48, 9),
    ),
    case("incomplete-decision", "with a date and who decided", JUNE + SEPTEMBER + decisions(DECIDED)),
    case(
        "incomplete-decision",
        "a date that is no date is a shape error alone",
        JUNE + SEPTEMBER + decisions(DECIDED.replace("date: 2026-09-30", "date: 2026-09-31")),
        ("schema", 53, 62),
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


def _messages(write_plan, fragment: str, rule: str) -> list[str]:
    found = run_check(write_plan(apply_fragment(fragment)), as_of=_dt.date(2026, 11, 27))
    return [d.message for d in found if d.rule == rule]


TEXT_PROPOSAL = JUNE.replace("{id: fler-handlaggare, text: Förstärk", "Förstärk").replace("hösten}", "hösten") + SEPTEMBER


def test_open_proposal_messages(write_plan) -> None:
    assert _messages(write_plan, JUNE + SEPTEMBER, "open-proposal") == [
        "proposal 'fler-handlaggare' from the follow-up of 2026-06-30 still has no decision at the follow-up of 2026-09-30"
    ]
    assert _messages(write_plan, TEXT_PROPOSAL, "open-proposal") == [
        "proposal 'Förstärk handläggningen med två årsarbetare under hösten' from the follow-up of 2026-06-30 "
        "still has no decision at the follow-up of 2026-09-30; give it an id and name that id in the decision's 'proposal'"
    ]
    set_language("sv")
    assert _messages(write_plan, JUNE + SEPTEMBER, "open-proposal") == [
        "beslutsförslaget 'fler-handlaggare' från uppföljningen 2026-06-30 har fortfarande inget beslut vid "
        "uppföljningen 2026-09-30"
    ]
    assert _messages(write_plan, TEXT_PROPOSAL, "open-proposal") == [
        "beslutsförslaget 'Förstärk handläggningen med två årsarbetare under hösten' från uppföljningen 2026-06-30 "
        "har fortfarande inget beslut vid uppföljningen 2026-09-30; ge förslaget ett id och ange det id:t som "
        "beslutets 'proposal'"
    ]


INCOMPLETE = [
    DECIDED.replace(" decided_by: Styrgruppen,", ""),
    DECIDED.replace(" date: 2026-09-30,", ""),
    "{text: Ärendena fördelas om mellan enheterna så att väntetiden blir lika i hela kommunen, proposal: fler-handlaggare}",
]


def test_incomplete_decision_messages(write_plan) -> None:
    fragment = JUNE + SEPTEMBER + decisions(*INCOMPLETE)
    assert _messages(write_plan, fragment, "incomplete-decision") == [
        "decision 'Två handläggare förstärker hösten 2026' does not say who took it: "
        "add decided_by (the steering group, or who decided)",
        "decision 'Två handläggare förstärker hösten 2026' has no date: add date, the day it was taken",
        "decision 'Ärendena fördelas om mellan enheterna så att väntetiden…' has neither a date nor who took it: "
        "add date and decided_by",
    ]
    set_language("sv")
    assert _messages(write_plan, fragment, "incomplete-decision") == [
        "beslutet 'Två handläggare förstärker hösten 2026' anger inte vem som fattade det: "
        "lägg till decided_by (styrgruppen, eller den som beslutade)",
        "beslutet 'Två handläggare förstärker hösten 2026' saknar datum: lägg till date, dagen då det fattades",
        "beslutet 'Ärendena fördelas om mellan enheterna så att väntetiden…' saknar både datum och vem som "
        "fattade det: lägg till date och decided_by",
    ]
