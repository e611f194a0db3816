"""Table of the rules about the benefit calculation (nytta.rules.calculation): valuations,
costs, rates and the calculation period."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import CALC, Case, case, check_case

from nytta.rules.examples import benefit_block

VALUED = {"    indicators:": "    valuation: {unit_value: 6000}\n    indicators:"}
FINANCIAL = {"category: quality": "category: financial", **VALUED}


def costs(*amounts: str) -> str:
    """A `costs` block: one cost per `amounts` mapping, the first an investment."""
    lines = [f"  - {{id: kostnad-{n}, name: Kostnad {n}, kind: investment, amounts: {{{a}}}}}" for n, a in enumerate(amounts, 1)]
    return "costs:\n" + "\n".join(lines) + "\n"


def valuation(text: str) -> str:
    """The base benefit made financial, with this valuation."""
    return (
        benefit_block(
            replace={"category: quality": "category: financial", "    indicators:": f"    valuation: {text}\n    indicators:"}
        )
        + CALC
    )


CASES = [
    # missing-valuation: the benefit's `- id` line
    case(
        "missing-valuation",
        "a redeployment benefit",
        benefit_block(replace={"category: quality": "category: redeployment\n    alternative_use: Tillsyn"}) + CALC,
        ("missing-valuation", 22, 5),
    ),
    case("missing-valuation", "a valued financial benefit", benefit_block(replace=FINANCIAL) + CALC),
    case("missing-valuation", "a quality benefit needs none", benefit_block() + CALC),
    # missing-alternative-use: the benefit's `- id` line
    case(
        "missing-alternative-use",
        "a redeployment benefit, block-style valuation",
        benefit_block(
            replace={
                "category: quality": "category: redeployment",
                "    indicators:": "    valuation:\n      unit_value: 6000\n    indicators:",
            }
        )
        + CALC,
        ("missing-alternative-use", 22, 5),
    ),
    case(
        "missing-alternative-use",
        "a redeployment dis-benefit needs none",
        benefit_block(
            replace={
                "category: quality": "category: redeployment\n    polarity: disbenefit",
                **VALUED,
                "- {date: 2026-12-31, value: 20}": "- {date: 2026-12-31, value: 45}",
            }
        )
        + CALC,
    ),
    case("missing-alternative-use", "a financial benefit needs none", benefit_block(replace=FINANCIAL) + CALC),
    # missing-calculation: the `costs` key, or the first valuation's key
    case(
        "missing-calculation",
        "costs in block style",
        "costs:\n  - id: utveckling\n    name: Utveckling\n    kind: investment\n    amounts: {2025: 500000}\n",
        ("missing-calculation", 43, 1),
    ),
    case("missing-calculation", "a valuation and no costs", benefit_block(replace=FINANCIAL), ("missing-calculation", 29, 5)),
    case("missing-calculation", "neither costs nor valuations", benefit_block()),
    # flow-outside-period: the year's key
    case(
        "flow-outside-period",
        "a year before first_year",
        costs("2024: 100000, 2025: 500000") + CALC,
        ("flow-outside-period", 44, 66),
    ),
    case(
        "flow-outside-period",
        "a year after last_year in each of two costs",
        costs("2025: 500000, 2029: 1", "2026: 50000, 2031: 50000") + CALC,
        ("flow-outside-period", 44, 80),
        ("flow-outside-period", 45, 79),
    ),
    case(
        "flow-outside-period",
        "in block style",
        "costs:\n  - id: drift\n    name: Drift\n    kind: running\n    amounts:\n      2026: 50000\n      2029: 50000\n" + CALC,
        ("flow-outside-period", 49, 7),
    ),
    case("flow-outside-period", "first_year and last_year themselves", costs("2025: 500000, 2028: 100000") + CALC),
    case("flow-outside-period", "no calculation to compare with", costs("2030: 500000"), ("missing-calculation", 43, 1)),
    # invalid-rate: the parameter out of range
    case("invalid-rate", "a negative discount rate", CALC.replace("0.03", "-0.01"), ("invalid-rate", 47, 18)),
    case(
        "invalid-rate",
        "base_year before first_year",
        CALC.replace("base_year: 2025", "base_year: 2024"),
        ("invalid-rate", 44, 14),
    ),
    case(
        "invalid-rate",
        "first_year after last_year",
        CALC.replace("first_year: 2025", "first_year: 2029"),
        ("invalid-rate", 45, 15),
    ),
    case(
        "invalid-rate",
        "last_year beyond 2200: last_year",
        CALC.replace("last_year: 2028", "last_year: 2500"),
        ("invalid-rate", 46, 14),
    ),
    case(
        "invalid-rate",
        "first_year before 1900: first_year",
        CALC.replace("first_year: 2025", "first_year: 1800"),
        ("invalid-rate", 45, 15),
    ),
    case("invalid-rate", "an attribution above 1", valuation("{unit_value: 6000, attribution: 1.5}"), ("invalid-rate", 29, 48)),
    case("invalid-rate", "a negative volume", valuation("{unit_value: 6000, volume: -2}"), ("invalid-rate", 29, 43)),
    case(
        "invalid-rate",
        "the edges: rate 0.2, base_year last_year, attribution 1, volume 0",
        valuation("{unit_value: 6000, volume: 0, attribution: 1}")
        .replace("0.03", "0.2")
        .replace("base_year: 2025", "base_year: 2028"),
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
