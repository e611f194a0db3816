"""Table of the rules about the benefit calculation (nytta.rules.calculation): valuations,
costs, rates and the calculation period."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import CALC, Case, case, check_case

from conftest import run_check
from nytta.i18n import set_language
from nytta.rules.examples import EXAMPLE_AS_OF, apply_fragment, benefit_block

VALUED = {"    indicators:": "    valuation: {unit_value: 6000}\n    indicators:"}
HOURLY = {"    indicators:": "    valuation: {unit_value: {monthly_salary: 38000}, volume: 12}\n    indicators:"}
FINANCIAL = {"category: quality": "category: financial", **VALUED}
#: The base benefit (quality, not valued) with a size, so that missing-size is quiet.
SIZED = benefit_block(replace={"category: quality": "category: quality\n    size: moderate"})
#: missing-size at the base benefit's `- id` line, for a case with a calculation block.
UNSIZED = ("missing-size", 22, 5)
REDEPLOYED = {"category: quality": "category: redeployment\n    alternative_use: Tillsyn"}


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
    case("missing-valuation", "a quality benefit needs none", benefit_block() + CALC, UNSIZED),
    case(
        "missing-valuation",
        "a size does not replace a financial benefit's valuation",
        benefit_block(replace={"category: quality": "category: financial\n    size: large"}) + CALC,
        ("missing-valuation", 22, 5),
    ),
    case("missing-valuation", "a sized quality benefit", SIZED + CALC),
    # missing-size: the benefit's `- id` line, in a plan with a calculation block
    case("missing-size", "a quality benefit, neither valued nor sized", benefit_block() + CALC, UNSIZED),
    case(
        "missing-size",
        "an environment benefit",
        benefit_block(replace={"category: quality": "category: environment"}) + CALC,
        UNSIZED,
    ),
    case("missing-size", "a size in English", SIZED + CALC),
    case(
        "missing-size",
        "a size in Swedish (storlek: stor is the value's Swedish word)",
        benefit_block(replace={"category: quality": "category: kvalitet\n    size: stor"}) + CALC,
    ),
    case("missing-size", "a valued quality benefit", benefit_block(replace=VALUED) + CALC),
    case(
        "missing-size",
        "a quality dis-benefit",
        benefit_block(
            replace={
                "category: quality": "category: quality\n    polarity: disbenefit",
                "- {date: 2026-12-31, value: 20}": "- {date: 2026-12-31, value: 45}",
            }
        )
        + CALC,
    ),
    case("missing-size", "no calculation block", benefit_block()),
    case(
        "missing-size",
        "a size that is not a size is a shape error only",
        benefit_block(replace={"category: quality": "category: quality\n    size: huge"}) + CALC,
        ("schema", 28, 11),
    ),
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
    # hourly-cost-unit: the unit_value of a valuation at an hourly cost
    case(
        "hourly-cost-unit",
        "an indicator in days",
        benefit_block(replace={**REDEPLOYED, **HOURLY}) + CALC,
        ("hourly-cost-unit", 30, 29),
    ),
    case(
        "hourly-cost-unit",
        "an indicator in timmar, a ranged salary in block style",
        benefit_block(
            replace={
                **REDEPLOYED,
                "    indicators:": "    valuation:\n      unit_value:\n"
                "        månadslön: {lägst: 34000, troligt: 38000, högst: 42000}"
                "\n    indicators:",
                "unit: days": "unit: timmar",
            }
        )
        + CALC,
    ),
    case(
        "hourly-cost-unit",
        "an indicator in minutes per case",
        benefit_block(replace={**REDEPLOYED, **HOURLY, "unit: days": "unit: minuter per ärende"}) + CALC,
    ),
    case(
        "hourly-cost-unit",
        "the primary indicator decides",
        benefit_block(
            replace={
                **REDEPLOYED,
                **HOURLY,
                "        measurements:": "        primary: true\n        measurements:",
                "unit: days": "unit: h",
            }
        )
        + CALC,
    ),
    case("hourly-cost-unit", "a unit_value in kronor", benefit_block(replace={**REDEPLOYED, **VALUED}) + CALC),
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
        UNSIZED,
    ),
    case(
        "flow-outside-period",
        "a year after last_year in each of two costs",
        costs("2025: 500000, 2029: 1", "2026: 50000, 2031: 50000") + CALC,
        ("flow-outside-period", 44, 80),
        ("flow-outside-period", 45, 79),
        UNSIZED,
    ),
    case(
        "flow-outside-period",
        "in block style",
        "costs:\n  - id: drift\n    name: Drift\n    kind: running\n    amounts:\n      2026: 50000\n      2029: 50000\n" + CALC,
        ("flow-outside-period", 49, 7),
        UNSIZED,
    ),
    case("flow-outside-period", "first_year and last_year themselves", costs("2025: 500000, 2028: 100000") + CALC, UNSIZED),
    case("flow-outside-period", "no calculation to compare with", costs("2030: 500000"), ("missing-calculation", 43, 1)),
    # invalid-rate: the parameter out of range
    case("invalid-rate", "a negative discount rate", CALC.replace("0.03", "-0.01"), ("invalid-rate", 47, 18), UNSIZED),
    case(
        "invalid-rate",
        "base_year before first_year",
        CALC.replace("base_year: 2025", "base_year: 2024"),
        ("invalid-rate", 44, 14),
        UNSIZED,
    ),
    case(
        "invalid-rate",
        "first_year after last_year",
        CALC.replace("first_year: 2025", "first_year: 2029"),
        ("invalid-rate", 45, 15),
        UNSIZED,
    ),
    case(
        "invalid-rate",
        "last_year beyond 2200: last_year",
        CALC.replace("last_year: 2028", "last_year: 2500"),
        ("invalid-rate", 46, 14),
        UNSIZED,
    ),
    case(
        "invalid-rate",
        "first_year before 1900: first_year",
        CALC.replace("first_year: 2025", "first_year: 1800"),
        ("invalid-rate", 45, 15),
        UNSIZED,
    ),
    case("invalid-rate", "an attribution above 1", valuation("{unit_value: 6000, attribution: 1.5}"), ("invalid-rate", 29, 48)),
    case("invalid-rate", "a negative volume", valuation("{unit_value: 6000, volume: -2}"), ("invalid-rate", 29, 43)),
    # range-order: the range's mapping
    case(
        "range-order",
        "a unit_value in Swedish keys, low above likely",
        valuation("{unit_value: {lägst: 9, troligt: 5, högst: 7}}"),
        ("range-order", 29, 29),
    ),
    case(
        "range-order",
        "an attribution in block style, likely above high",
        valuation("\n      unit_value: 6000\n      attribution:\n        low: 0.5\n        likely: 0.9\n        high: 0.8"),
        ("range-order", 32, 9),
    ),
    case(
        "range-order",
        "a ranged monthly salary",
        benefit_block(
            replace={
                **REDEPLOYED,
                "    indicators:": "    valuation:\n      unit_value: {månadslön: {low: 40000, likely: 38000, high: 42000}}"
                "\n    indicators:",
                "unit: days": "unit: timmar",
            }
        )
        + CALC,
        ("range-order", 31, 31),
    ),
    case(
        "range-order",
        "one cost amount of two",
        costs("2025: 500000, 2026: {low: 120000, likely: 100000, high: 150000}") + CALC,
        ("range-order", 44, 86),
        UNSIZED,
    ),
    case(
        "range-order",
        "ranges in order, the ends equal",
        costs("2025: {lägst: 500000, troligt: 500000, högst: 500000}")
        + benefit_block(
            replace={
                "category: quality": "category: financial",
                "    indicators:": "    valuation: {unit_value: {low: 1, likely: 2, high: 3},"
                " volume: {low: 1, likely: 1, high: 1}}\n    indicators:",
            }
        )
        + CALC,
    ),
    case(
        "invalid-rate",
        "a ranged attribution in Swedish keys, block style: each value outside 0–1",
        valuation("\n      attribution:\n        lägst: -0.1\n        troligt: 0.8\n        högst: 1.2\n      unit_value: 6000"),
        ("invalid-rate", 31, 16),
        ("invalid-rate", 33, 16),
    ),
    case(
        "invalid-rate",
        "a ranged volume with a negative low value",
        valuation("{unit_value: 6000, volume: {low: -1250000, likely: 10, high: 20}}"),
        ("invalid-rate", 29, 49),
    ),
    case(
        "invalid-rate",
        "a ranged attribution and volume at their edges",
        valuation("{unit_value: 6000, volume: {low: 0, likely: 10, high: 20}, attribution: {lagst: 0, troligt: 0.5, hogst: 1}}"),
    ),
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


# -- the messages of the rules about estimates and sizes, exactly, with where they are -------

MESSAGES = [
    (
        valuation("{unit_value: {lägst: 9, troligt: 5, högst: 7}}"),
        [
            (
                "range-order",
                29,
                29,
                "unit_value of 'kortare-tid' is a range out of order: low 9, likely 5, high 7"
                " (write it so that low ≤ likely ≤ high)",
                "unit_value för 'kortare-tid' är ett intervall i fel ordning: lägst 9, troligt 5, högst 7"
                " (skriv det så att lägst ≤ troligt ≤ högst)",
            )
        ],
    ),
    (
        costs("2025: 500000, 2026: {low: 1300000, likely: 1250000, high: 1500000.5}") + CALC,
        [
            (
                "missing-size",
                22,
                5,
                "benefit 'kortare-tid' has neither a valuation nor a size; give one of them, a size as small, moderate or large",
                "nyttan 'kortare-tid' har varken värdering (valuation) eller storlek (size); ange en av dem,"
                " storleken som liten, måttlig eller stor",
            ),
            (
                "range-order",
                44,
                86,
                "the 2026 amount of cost 'kostnad-1' is a range out of order: low 1300000, likely 1250000,"
                " high 1500000.5 (write it so that low ≤ likely ≤ high)",
                "beloppet för 2026 i kostnaden 'kostnad-1' är ett intervall i fel ordning: lägst 1300000,"
                " troligt 1250000, högst 1500000.5 (skriv det så att lägst ≤ troligt ≤ högst)",
            ),
        ],
    ),
    (
        valuation("\n      attribution:\n        lägst: -0.1\n        troligt: 0.8\n        högst: 1.2\n      unit_value: 6000"),
        [
            (
                "invalid-rate",
                31,
                16,
                "attribution lägst: -0.1 of 'kortare-tid' is outside 0–1",
                "attribution lägst: -0.1 för 'kortare-tid' ligger utanför 0–1",
            ),
            (
                "invalid-rate",
                33,
                16,
                "attribution högst: 1.2 of 'kortare-tid' is outside 0–1",
                "attribution högst: 1.2 för 'kortare-tid' ligger utanför 0–1",
            ),
        ],
    ),
    (
        valuation("{unit_value: 6000, volume: {low: -1250000, likely: 10, high: 20}}"),
        [
            (
                "invalid-rate",
                29,
                49,
                "volume low: -1250000 of 'kortare-tid' is negative",
                "volume low: -1250000 för 'kortare-tid' är negativ",
            )
        ],
    ),
    (
        benefit_block(replace={**REDEPLOYED, **HOURLY}) + CALC,
        [
            (
                "hourly-cost-unit",
                30,
                29,
                "benefit 'kortare-tid' is valued at an hourly cost (monthly_salary), but its indicator 'dagar'"
                " is measured in 'days', not in hours or minutes",
                "nyttan 'kortare-tid' värderas med en timkostnad (monthly_salary), men dess nyttoindikator 'dagar'"
                " mäts i 'days', inte i timmar eller minuter",
            )
        ],
    ),
    (
        benefit_block(replace={"category: quality": "category: redeployment\n    size: large\n    alternative_use: Tillsyn"})
        + CALC,
        [
            (
                "missing-valuation",
                22,
                5,
                "redeployment benefit 'kortare-tid' has no valuation (a size does not replace it for a redeployment benefit)",
                "omfördelningsnyttan 'kortare-tid' saknar värdering"
                " (en storlek ersätter inte värderingen för en omfördelningsnytta)",
            )
        ],
    ),
]


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("snippet", "expected"), MESSAGES)
def test_messages(snippet: str, expected: list[tuple[str, int, int, str, str]], lang: str, tmp_path: Path) -> None:
    set_language(lang)
    plan = tmp_path / "plan.yaml"
    plan.write_text(apply_fragment(snippet), encoding="utf-8")
    found = sorted((d.rule, d.line, d.column, d.message) for d in run_check(plan, EXAMPLE_AS_OF))
    which = 0 if lang == "en" else 1
    assert found == sorted((rule, line, col, texts[which]) for rule, line, col, *texts in expected)
