"""Status reasons and calculation messages in Swedish: the words of the glossary and Swedish
numbers (decimal comma, no-break space between thousands, a minus sign), one case per
branch of §5.3. The English reasons are asserted in test_compute_status."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_compute_status import load_text, measured, one, plan_text

from conftest import AS_OF, spec_document
from nytta.compute.calc import MissingCalculation, calculate
from nytta.compute.status import plan_status
from nytta.i18n import set_language
from nytta.results.status import Status, status_label

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    set_language("sv")
    yield
    set_language("en")


def test_spec_example_reason_in_swedish() -> None:
    status = plan_status(spec_document(), AS_OF)
    reason = status.benefits[0].indicators[0].reason
    assert reason == (
        f"27 days mot planerat 25,5 den 2026-09-30 (skillnad +1,5): 91{NBSP}% av planerad förbättring, "
        f"enligt plan (minst 90{NBSP}%)"
    )
    harm = status.benefits[2].indicators[0].reason
    assert harm == (
        f"25 hours mot planerat 20 den 2026-09-30 (skillnad +5): måluppfyllelse 75{NBSP}%, "
        f"risk för avvikelse (minst 70{NBSP}%, under 90{NBSP}%)"
    )
    assert status.reason == "sämst av 3 nyttor: farre-kompletteringar har status risk för avvikelse"


def test_thresholds_in_swedish(tmp_path: Path) -> None:
    off = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 70)))
    assert (
        off.reason
        == f"70 days mot planerat 50 den 2025-02-20 (skillnad +20): 60{NBSP}% av planerad förbättring, avviker (under 70{NBSP}%)"
    )


def test_large_and_negative_figures_are_written_the_swedish_way(tmp_path: Path) -> None:
    result = one(
        tmp_path,
        "2025-03-01",
        baseline="{value: 200000, date: 2025-01-01}",
        targets="[{date: 2025-04-11, value: 100000}]",
        measurements=measured(("2025-02-20", 148765.5)),
    )
    planned = 200000 - 100000 * 50 / 100
    assert planned == 150000
    assert result.reason.startswith(f"148{NBSP}765,5 days mot planerat 150{NBSP}000 den 2025-02-20 (skillnad −1{NBSP}234,5): ")


def test_achieved_and_missed_in_swedish(tmp_path: Path) -> None:
    achieved = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", -5)))
    assert achieved.reason == "−5 days den 2025-02-20 når det slutliga målvärdet 0 till 2025-04-11"
    missed = one(tmp_path, "2025-05-01", measurements=measured(("2025-04-20", 10.25)))
    assert missed.reason == "10,25 days den 2025-04-20 når inte det slutliga målvärdet 0 till 2025-04-11; det fattas 10,25"


@pytest.mark.parametrize(
    ("benefit", "as_of", "reason"),
    [
        (
            {"realisation": "{start: 2025-06-01}"},
            "2025-05-31",
            "ingen mätning än; realiseringen börjar 2025-06-01, efter 2025-05-31",
        ),
        (
            {"realisation": "{start: 2025-06-01}"},
            "2025-06-01",
            "inget utfall till och med 2025-06-01, fast realiseringen började 2025-06-01",
        ),
        ({}, "2025-04-10", "ingen mätning än; det första målvärdet gäller 2025-04-11, efter 2025-04-10"),
        ({}, "2025-04-11", "inget utfall till och med 2025-04-11, fast det första målvärdet gällde 2025-04-11"),
    ],
)
def test_without_measurements_in_swedish(tmp_path: Path, benefit: dict[str, str], as_of: str, reason: str) -> None:
    assert one(tmp_path, as_of, benefit).reason == reason


@pytest.mark.parametrize(
    ("indicator", "reason"),
    [
        ({"baseline": None}, "nollmätning saknas, så det finns inget att jämföra med"),
        ({"baseline": "{value: okänd, date: 2025-01-01}"}, "nollmätningen 'okänd' är inte ett tal"),
        ({"targets": None}, "målvärde saknas, så det finns ingen planerad utveckling att jämföra med"),
    ],
)
def test_missing_baseline_or_target_in_swedish(tmp_path: Path, indicator: dict[str, str | None], reason: str) -> None:
    assert one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 60)), **indicator).reason == reason


def test_maintain_and_flat_plan_in_swedish(tmp_path: Path) -> None:
    kept = one(
        tmp_path,
        "2025-03-01",
        direction="maintain",
        tolerance="5",
        targets="[{date: 2025-04-11, value: 100}]",
        measurements=measured(("2025-02-20", 95.5)),
    )
    assert kept.reason == "95,5 days den 2025-02-20 mot nollmätningen 100: skillnad −4,5, inom toleransen ±5"
    flat = one(
        tmp_path,
        "2025-02-15",
        {"realisation": "{start: 2025-03-01}"},
        targets="[{date: 2025-06-01, value: 50}]",
        measurements=measured(("2025-02-01", 101)),
    )
    assert flat.reason == (
        "101 days mot planerat 100 den 2025-02-01: ingen förändring är planerad än; utfallets förändring −1 < 0"
    )


def test_qualitative_and_roll_up_in_swedish(tmp_path: Path) -> None:
    result = one(
        tmp_path,
        "2025-03-01",
        kind="qualitative",
        baseline="{value: låg, date: 2025-01-01}",
        targets="[{date: 2025-04-11, value: hög}]",
    )
    assert result.reason == "kvalitativ indikator: följs upp genom bedömning, inte mot en planerad utveckling"
    doc = load_text(tmp_path, plan_text(({}, [{"measurements": measured(("2025-02-20", 60))}])))
    status = plan_status(doc, _dt.date(2025, 3, 1))
    assert status.reason == "den enda nyttan, b0, har status risk för avvikelse"
    assert status.benefits[0].reason == "den enda indikatorn, b0-i0, har status risk för avvikelse"


def test_status_labels_follow_the_language() -> None:
    assert [status_label(s) for s in (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA)] == [
        "enligt plan",
        "risk för avvikelse",
        "avviker",
        "mätvärden saknas",
    ]
    set_language("en")
    assert status_label(Status.NOT_STARTED) == "not started"


def test_a_plan_without_a_calculation_says_so_in_swedish(tmp_path: Path) -> None:
    doc = load_text(tmp_path, plan_text(({}, [{}])))
    with pytest.raises(MissingCalculation, match="planen har inget block 'calculation'"):
        calculate(doc, AS_OF)
