"""Table of the rules about indicators (nytta.rules.indicators): presence, completeness,
baseline, targets, the direction of the final target, and numeric values."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import WITH_CSV, Case, case, check_case

from conftest import run_check
from nytta.rules.examples import apply_fragment, benefit_block
from nytta.rules.indicators import INDICATOR_LINES
from nytta.rules.registry import number, written

TARGET = "- {date: 2026-12-31, value: 20}"
MEASURED = "{date: 2026-09-30, value: 25}"
QUALITATIVE = {
    "unit: days": "unit: betyg\n        kind: qualitative",
    "direction: decrease": "direction: increase",
    TARGET: "- {date: 2026-12-31, value: Bra}",
    MEASURED: "{date: 2026-09-30, value: Godkänd}",
}
QUALITATIVE_BASELINE = {**QUALITATIVE, "value: 40,": "value: Dålig,"}
INCREASE = {"direction: decrease": "direction: increase"}
DISBENEFIT = {"category: quality": "category: quality\n    polarity: disbenefit"}
MAINTAIN = {"direction: decrease": "direction: maintain\n        tolerance: 5"}


def final_target(value: str, **replace: str) -> str:
    """The base benefit with its final target's value changed (and other text replaced)."""
    return benefit_block(replace={**replace, TARGET: f"- {{date: 2026-12-31, value: {value}}}"})


CASES = [
    # missing-indicator: the benefit's `- id` line
    case(
        "missing-indicator",
        "an empty list of indicators",
        benefit_block(drop=INDICATOR_LINES, replace={"indicators:": "indicators: []"}),
        ("missing-indicator", 22, 5),
        ("no-follow-up-after-close", 22, 5),
    ),
    case("missing-indicator", "a qualitative indicator is one", benefit_block(replace=QUALITATIVE_BASELINE)),
    # indicator-incomplete: the indicator's `- id` line, once for all it lacks
    case("indicator-incomplete", "no measurer", benefit_block(drop=("measured_by: anna",)), ("indicator-incomplete", 30, 9)),
    case(
        "indicator-incomplete",
        "no source and no schedule",
        benefit_block(drop=("frequency: quarterly", "source: Ärendesystemet")),
        ("indicator-incomplete", 30, 9),
        ("no-follow-up-after-close", 22, 5),
    ),
    case(
        "indicator-incomplete",
        "follow-up dates instead of a frequency",
        benefit_block(replace={"frequency: quarterly": "follow_up_dates: [2027-03-31, 2027-09-30]"}),
    ),
    # missing-baseline: the indicator's `- id` line
    case(
        "missing-baseline",
        "a baseline with no value",
        benefit_block(replace={"baseline: {value: 40, date: 2024-12-31}": "baseline:"}),
        ("missing-baseline", 30, 9),
    ),
    case("missing-baseline", "a qualitative indicator needs none", benefit_block(drop=("baseline:",), replace=QUALITATIVE)),
    # missing-target: the indicator's `- id` line
    case(
        "missing-target",
        "an empty list of targets",
        benefit_block(drop=(TARGET,), replace={"targets:": "targets: []"}),
        ("missing-target", 30, 9),
    ),
    case(
        "missing-target",
        "a qualitative indicator needs none",
        benefit_block(drop=("targets:", TARGET), replace={k: v for k, v in QUALITATIVE_BASELINE.items() if k != TARGET}),
    ),
    # target-direction: the final target's value
    case("target-direction", "increase, with a lower target", final_target("20", **INCREASE), ("target-direction", 40, 39)),
    case("target-direction", "decrease, with the target equal to the baseline", final_target("40"), ("target-direction", 40, 39)),
    case(
        "target-direction",
        "the final target wrong, the one before right",
        benefit_block(replace={TARGET: "- {date: 2026-06-30, value: 30}\n          - {date: 2026-12-31, value: 41}"}),
        ("target-direction", 41, 39),
    ),
    case(
        "target-direction",
        "the final target right, the one before wrong",
        benefit_block(replace={TARGET: "- {date: 2026-06-30, value: 45}\n          " + TARGET}),
    ),
    case(
        "target-direction",
        "in block style",
        benefit_block(replace={TARGET: "- date: 2026-12-31\n            value: 50"}),
        ("target-direction", 41, 20),
    ),
    case("target-direction", "maintain, beyond the tolerance", final_target("46", **MAINTAIN), ("target-direction", 41, 39)),
    case("target-direction", "maintain, at the tolerance", final_target("45", **MAINTAIN)),
    case(
        "target-direction",
        "maintain, without a tolerance",
        final_target("41", **{"direction: decrease": "direction: maintain"}),
        ("target-direction", 40, 39),
    ),
    case(
        "target-direction",
        "a dis-benefit that shows an improvement",
        final_target("20", **DISBENEFIT),
        ("target-direction", 41, 39),
    ),
    case("target-direction", "a dis-benefit with the harm tolerated", final_target("45", **DISBENEFIT)),
    # non-numeric-value: the value
    case(
        "non-numeric-value",
        "a baseline with a decimal comma",
        benefit_block(replace={"value: 40,": "value: '40,0',"}),
        ("non-numeric-value", 38, 27),
    ),
    case("non-numeric-value", "a target in words", final_target("tjugo"), ("non-numeric-value", 40, 39)),
    case(
        "non-numeric-value",
        "a value in the measurements file: its cell",
        WITH_CSV,
        ("non-numeric-value", 2, 18, "matningar.csv"),
        files={"matningar.csv": "indicator,date,value\ndagar,2026-06-30,trettio\n"},
    ),
    case("non-numeric-value", "text values of a qualitative indicator", benefit_block(replace=QUALITATIVE_BASELINE)),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


def test_a_large_target_is_quoted_whole_in_the_message(tmp_path: Path) -> None:
    """Numbers from the plan are quoted as written and computed ones to 12 digits, never
    cut to 6 significant digits (``1.23457e+07``)."""
    snippet = final_target("23456789", **MAINTAIN).replace("value: 40,", "value: 12345678,")
    plan = tmp_path / "plan.yaml"
    plan.write_text(apply_fragment(snippet), encoding="utf-8")
    messages = [d.message for d in run_check(plan) if d.rule == "target-direction"]
    assert messages == [
        "the final target 23456789 of 'dagar' differs from the baseline 12345678 by 11111111, more than the tolerance 5"
    ]


@pytest.mark.parametrize(
    ("value", "shown"), [(1234567.0, "1234567"), (100.3 - 100, "0.3"), (0.7 + 0.4, "1.1"), (0.03, "0.03"), (5e20, "5e+20")]
)
def test_a_computed_number_is_shown_to_twelve_digits(value: float, shown: str) -> None:
    assert number(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(1300000.0, "1300000"), (0.65, "0.65"), (12345678.9, "12345678.9")])
def test_a_number_from_the_plan_is_shown_as_written(value: float, shown: str) -> None:
    assert written(value) == shown


def test_two_measurements_on_one_date_are_quoted_as_written(tmp_path: Path) -> None:
    twice = "{date: 2026-09-30, value: 1234567.5}\n          - {date: 2026-09-30, value: 7654321.25}"
    plan = tmp_path / "plan.yaml"
    plan.write_text(apply_fragment(benefit_block(replace={MEASURED: twice})), encoding="utf-8")
    messages = [d.message for d in run_check(plan) if d.rule == "duplicate-measurement"]
    assert messages == ["'dagar' already has an actual measurement dated 2026-09-30 (1234567.5); this one is 7654321.25"]
