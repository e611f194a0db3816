"""Table of the rules about ids and links (nytta.rules.references): duplicate ids,
unresolved references and cycles."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import SECOND_BENEFIT, Case, case, check_case, plan_block

from nytta.rules.examples import benefit_block

INTERVENTION = "  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}\n"
LINKS_TO_SECOND = {"goals: [service]": "goals: [service]\n    leads_to: [snabbt]"}
FOLLOW_UP = (
    "follow_ups:\n  - date: 2026-09-30\n    author: anna\n    proposals:\n"
    "      - {id: fler-handlaggare, text: Förstärk handläggningen}\n"
    "    decisions:\n"
    "      - {text: Två handläggare till, date: 2026-10-15, decided_by: Styrgruppen, proposal: fler-handlaggare}\n"
)

CASES = [
    # duplicate-id: the second use's `id` value
    case(
        "duplicate-id",
        "a stakeholder with a person's id",
        "stakeholders:\n  - {id: sokande, name: Sökande, category: citizens}\n"
        "  - {id: anna, name: Anna som grupp, category: citizens}\n",
        ("duplicate-id", 17, 10),
    ),
    case(
        "duplicate-id",
        "an indicator with its benefit's id",
        benefit_block(replace={"- id: dagar": "- id: kortare-tid"}),
        ("duplicate-id", 30, 13),
    ),
    case(
        "duplicate-id",
        "a chain node with a goal's id",
        "chain:\n" + INTERVENTION + "  - {id: service, type: effect, name: Snabbare service}\n",
        ("duplicate-id", 21, 10),
    ),
    case(
        "duplicate-id",
        "ids that only look alike",
        "goals:\n  - {id: service, name: Snabbare beslut}\n"
        "  - {id: service-2, name: Rättssäkerhet}\n  - {id: Service, name: Service}\n",
    ),
    case(
        "duplicate-id",
        "a proposal with a goal's id",
        FOLLOW_UP.replace("fler-handlaggare", "service"),
        ("duplicate-id", 47, 14),
        ("unknown-reference", 49, 91),  # the decision names the goal: the first use of the id
    ),
    # unknown-reference: the reference's value (the list item in a list)
    case(
        "unknown-reference",
        "a misspelt benefit owner",
        benefit_block(replace={"owner: anna": "owner: anne"}),
        ("unknown-reference", 24, 12),
    ),
    case(
        "unknown-reference",
        "an owner who is a stakeholder",
        benefit_block(replace={"owner: anna": "owner: sokande"}),
        ("unknown-reference", 24, 12),
    ),
    case(
        "unknown-reference",
        "the second recipient",
        benefit_block(replace={"recipients: [sokande]": "recipients: [sokande, foretag]"}),
        ("unknown-reference", 25, 27),
    ),
    case(
        "unknown-reference",
        "the second chain link",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid, kortare-tiden]}\n",
        ("unknown-reference", 20, 86),
    ),
    case(
        "unknown-reference",
        "a measurer who is a stakeholder",
        benefit_block(replace={"measured_by: anna": "measured_by: sokande"}),
        ("unknown-reference", 37, 22),
    ),
    case("unknown-reference", "an approver", plan_block(replace={"by: karin": "by: karn"}), ("unknown-reference", 10, 12)),
    case(
        "unknown-reference",
        "a follow-up's author who is a stakeholder",
        FOLLOW_UP.replace("author: anna", "author: sokande"),
        ("unknown-reference", 45, 13),
    ),
    case(
        "unknown-reference",
        "a decision's proposal that is a goal",
        FOLLOW_UP.replace("proposal: fler-handlaggare", "proposal: service"),
        ("unknown-reference", 49, 91),
    ),
    case("unknown-reference", "a follow-up's author and a decision's proposal that resolve", FOLLOW_UP),
    case(
        "unknown-reference",
        "a goal parent and owner that resolve",
        "goals:\n  - {id: service, name: Snabbare beslut, parent: vision}\n  - {id: vision, name: Vision, owner: karin}\n",
    ),
    # chain-cycle: the link that closes the cycle
    case(
        "chain-cycle",
        "a chain node that leads to itself",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid, e-tjanst]}\n",
        ("chain-cycle", 20, 86),
    ),
    case(
        "chain-cycle",
        "three chain nodes: the link back to the first of the loop",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [digital]}\n"
        "  - {id: digital, type: change, name: Digital ansökan, leads_to: [snabbare]}\n"
        "  - {id: snabbare, type: effect, name: Snabbare handläggning, leads_to: [kortare-tid, digital]}\n",
        ("chain-cycle", 22, 87),
    ),
    case(
        "chain-cycle",
        "three goal parents",
        "goals:\n  - {id: service, name: Snabbare beslut, parent: a}\n  - {id: a, name: Delmål A, parent: b}\n"
        "  - {id: b, name: Delmål B, parent: service}\n",
        ("chain-cycle", 20, 37),
    ),
    case(
        "chain-cycle",
        "two benefits that lead to each other",
        benefit_block(replace=LINKS_TO_SECOND) + SECOND_BENEFIT + "    leads_to: [kortare-tid]\n",
        ("chain-cycle", 52, 16),
    ),
    case(
        "chain-cycle",
        "a benefit that leads to another",
        benefit_block(replace=LINKS_TO_SECOND) + SECOND_BENEFIT + "    goals: [service]\n",
    ),
    case(
        "chain-cycle",
        "an output that two nodes lead to",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [digital]}\n"
        "  - {id: utbildning, type: intervention, name: Utbildning, leads_to: [digital]}\n"
        "  - {id: digital, type: output, name: Digital ansökan, leads_to: [kortare-tid]}\n",
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
