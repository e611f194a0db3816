"""Table of the rules about the effect chain (nytta.rules.reach): goals reached,
interventions and benefits connected."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import SECOND_BENEFIT, Case, case, check_case

from nytta.rules.examples import BASE_PLAN, benefit_block

INTERVENTION = "  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}\n"
LINKS_TO_SECOND = {"goals: [service]": "goals: [service]\n    leads_to: [snabbt]"}
ONLY_THROUGH_SECOND = {"goals: [service]": "leads_to: [snabbt]"}

CASES = [
    # missing-goal: the benefit's `- id` line
    case(
        "missing-goal",
        "a second benefit with no goals",
        benefit_block() + SECOND_BENEFIT,
        ("missing-goal", 43, 5),
        ("unreached-benefit", 43, 5),
    ),
    case(
        "missing-goal",
        "led to by a benefit that reaches a goal: still none of its own",
        benefit_block(replace=LINKS_TO_SECOND) + SECOND_BENEFIT,
        ("missing-goal", 44, 5),
    ),
    case(
        "missing-goal",
        "a goal reached through the benefit it leads to",
        benefit_block(replace=ONLY_THROUGH_SECOND) + SECOND_BENEFIT + "    goals: [service]\n",
    ),
    # orphan-intervention: the intervention's `- id` line
    case(
        "orphan-intervention",
        "an intervention whose output leads nowhere",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [blankett]}\n"
        "  - {id: blankett, type: output, name: Digital blankett}\n"
        "  - {id: utbildning, type: intervention, name: Utbildning, leads_to: [kortare-tid]}\n",
        ("orphan-intervention", 20, 5),
    ),
    case(
        "orphan-intervention",
        "an intervention that leads to a goal only",
        "chain:\n" + INTERVENTION + "  - {id: utbildning, type: intervention, name: Utbildning, leads_to: [service]}\n",
        ("orphan-intervention", 21, 5),
    ),
    case(
        "orphan-intervention",
        "through an output to the benefit",
        "chain:\n  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [blankett]}\n"
        "  - {id: blankett, type: output, name: Digital blankett, leads_to: [kortare-tid]}\n",
    ),
    # unreached-benefit: the benefit's `- id` line
    case(
        "unreached-benefit",
        "a second benefit no chain node leads to",
        benefit_block() + SECOND_BENEFIT + "    goals: [service]\n",
        ("unreached-benefit", 43, 5),
    ),
    case(
        "unreached-benefit",
        "reached through the benefit that leads to it",
        benefit_block(replace=LINKS_TO_SECOND) + SECOND_BENEFIT + "    goals: [service]\n",
    ),
    case("unreached-benefit", "a plan without a chain", "#! whole file\n" + BASE_PLAN.replace("chain:\n" + INTERVENTION, "")),
    case("unreached-benefit", "an empty chain", "chain: []\n"),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
