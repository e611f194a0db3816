"""value-out-of-bounds: a baseline, target or measurement (inline or in the CSV file)
beyond the bounds the indicator states or its unit gives, located at the value, in both
languages; and stated bounds the wrong way round."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import Case, case, check_case

from conftest import run_check
from nytta.i18n import set_language
from nytta.rules.examples import apply_fragment, benefit_block

MEASURED = "- {date: 2026-09-30, value: 25}"


NEGATIVE = benefit_block(replace={MEASURED: "- {date: 2026-09-30, value: -25}"})
CAPPED = benefit_block(replace={"direction: decrease": "direction: decrease\n        bounds: {lower: 0, upper: 30}"})

CASES = [
    case("value-out-of-bounds", "a negative number of days", NEGATIVE, ("value-out-of-bounds", 42, 39)),
    case("value-out-of-bounds", "a baseline above a stated upper bound", CAPPED, ("value-out-of-bounds", 39, 27)),
    case("value-out-of-bounds", "every value inside the bounds", benefit_block()),
    case(
        "value-out-of-bounds",
        "a unit without bounds",
        benefit_block(replace={"unit: days": "unit: index", MEASURED: "- {date: 2026-09-30, value: -25}"}),
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


def _found(tmp_path: Path, snippet: str, csv: str | None = None) -> list[tuple[int, int, str]]:
    text = apply_fragment(snippet)
    if csv is not None:
        text = text.replace("plan:\n", "plan:\n  measurements_file: matningar.csv\n", 1)
        (tmp_path / "matningar.csv").write_text(csv, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return [(d.line, d.column, d.message) for d in run_check(plan) if d.rule == "value-out-of-bounds"]


def _at(snippet: str, text: str) -> tuple[int, int]:
    """The line and column of the value after ``text`` in the applied plan."""
    for number, line in enumerate(apply_fragment(snippet).splitlines(), start=1):
        if text in line:
            return number, line.index(text) + len(text) + 1
    raise AssertionError(text)


def test_a_negative_measurement_of_days_is_reported_at_its_value(tmp_path: Path) -> None:
    snippet = benefit_block(replace={MEASURED: "- {date: 2026-09-30, value: -25}"})
    where = _at(snippet, "2026-09-30, value: ")
    english = "-25 is below the lower bound 0 of 'dagar' (a value in days cannot be negative)"
    assert _found(tmp_path, snippet) == [(*where, english)]
    set_language("sv")
    swedish = "-25 ligger under den nedre gränsen 0 för 'dagar' (ett värde i days kan inte vara negativt)"
    assert _found(tmp_path, snippet) == [(*where, swedish)]


def test_a_stated_upper_bound_holds_the_baseline_and_targets(tmp_path: Path) -> None:
    snippet = benefit_block(replace={"direction: decrease": "direction: decrease\n        bounds: {lower: 0, upper: 30}"})
    # the baseline 40 lies above 30; the target 20 and the measurement 25 lie inside
    assert _found(tmp_path, snippet) == [(*_at(snippet, "baseline: {value: "), "40 is above the upper bound 30 of 'dagar'")]


def test_a_percentage_above_100_names_why(tmp_path: Path) -> None:
    snippet = benefit_block(replace={"unit: days": "unit: '%'", MEASURED: "- {date: 2026-09-30, value: 250}"})
    assert [m for *_, m in _found(tmp_path, snippet)] == [
        "250 is above the upper bound 100 of 'dagar' (a percentage is at most 100)"
    ]


def test_a_csv_measurement_is_located_in_the_csv(tmp_path: Path) -> None:
    snippet = benefit_block()
    found = _found(tmp_path, snippet, csv="indicator;date;value\ndagar;2026-10-31;-3,5\n")
    assert [(line, message) for line, _column, message in found] == [
        (2, "-3.5 is below the lower bound 0 of 'dagar' (a value in days cannot be negative)")
    ]


def test_bounds_the_wrong_way_round(tmp_path: Path) -> None:
    snippet = benefit_block(replace={"direction: decrease": "direction: decrease\n        bounds: {lower: 50, upper: 10}"})
    assert [m for *_, m in _found(tmp_path, snippet)] == [
        "the bounds of 'dagar' are the wrong way round: lower 50 is above upper 10"
    ]


@pytest.mark.parametrize("unit", ["index", "poäng"])
def test_a_unit_without_bounds_takes_any_value(tmp_path: Path, unit: str) -> None:
    snippet = benefit_block(replace={"unit: days": f"unit: {unit}", MEASURED: "- {date: 2026-09-30, value: -25}"})
    assert _found(tmp_path, snippet) == []
