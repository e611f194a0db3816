"""Table of the rule about gaps in a periodic series (nytta.rules.gaps), its messages in
English and Swedish, and the gap arithmetic with exact dates (format §5.5: calendar months,
month ends kept, the grace of measurement-overdue)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from rule_table import WITH_CSV, Case, case, check_case

from conftest import run_check
from nytta.i18n import set_language
from nytta.model.enums import Frequency
from nytta.rules.examples import apply_fragment, benefit_block
from nytta.rules.gaps import Gap, period_label, series_gaps

MEASURED = "- {date: 2026-09-30, value: 25}"
CSV = "matningar.csv"
D = _dt.date


def series(*dates: str, frequency: str = "quarterly", value: int = 30) -> str:
    """The base benefit measured on ``dates`` (all the same value) at ``frequency``."""
    lines = "\n          ".join(f"- {{date: {day}, value: {value}}}" for day in dates)
    return benefit_block(replace={"frequency: quarterly": f"frequency: {frequency}", MEASURED: lines})


def monthly(*dates: str) -> str:
    return series(*dates, frequency="monthly")


CASES = [
    # measurement-gap: the date of the measurement after the gap
    case(
        "measurement-gap",
        "two quarters missing",
        series("2025-12-31", "2026-09-30"),
        ("measurement-gap", 43, 20),
    ),
    case("measurement-gap", "every quarter measured", series("2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30")),
    case(
        "measurement-gap",
        "two months missing at month ends",
        monthly("2026-01-31", "2026-02-28", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"),
        ("measurement-gap", 44, 20),
    ),
    case(
        "measurement-gap",
        "month ends through February: 01-31 + 1 month is 02-28",
        monthly("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"),
        ("measurement-overdue", 30, 9),
    ),
    case("measurement-gap", "a month measured late is no gap", monthly("2026-09-30", "2026-11-14")),
    case(
        "measurement-gap",
        "a month measured nearer the next due date",
        monthly("2026-09-30", "2026-11-16"),
        ("measurement-gap", 43, 20),
    ),
    case(
        "measurement-gap",
        "two gaps: each at the measurement after it",
        series("2025-06-30", "2025-12-31", "2026-03-31", "2026-09-30"),
        ("measurement-gap", 43, 20),
        ("measurement-gap", 45, 20),
    ),
    case(
        "measurement-gap",
        "a row of the measurements file",
        WITH_CSV + series("2025-12-31"),
        ("measurement-gap", 2, 7, CSV),
        files={CSV: "indicator,date,value\ndagar,2026-09-30,25\n"},
    ),
    case(
        "measurement-gap",
        "a forecast does not fill a gap",
        benefit_block(
            replace={
                MEASURED: "- {date: 2025-12-31, value: 35}\n          - {date: 2026-03-31, value: 31, kind: forecast}\n"
                "          - {date: 2026-06-30, value: 28}\n          " + MEASURED
            }
        ),
        ("measurement-gap", 44, 20),
    ),
    case(
        "measurement-gap",
        "the baseline is not the first measurement",
        series("2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"),
    ),
    case(
        "measurement-gap",
        "follow-up dates without a frequency",
        benefit_block(
            replace={
                "frequency: quarterly": "follow_up_dates: [2025-12-31, 2026-09-30]",
                MEASURED: "- {date: 2025-12-31, value: 35}\n          " + MEASURED,
            }
        ),
    ),
    case(
        "measurement-gap",
        "yearly, a year missing",
        series("2025-01-31", "2027-01-31", frequency="yearly"),
        ("measurement-gap", 43, 20),
        as_of=_dt.date(2027, 2, 15),
    ),
    case("measurement-gap", "yearly, a year measured late", series("2025-01-31", "2026-06-30", frequency="yearly")),
    case(
        "measurement-gap",
        "a measurement after the as-of date is not the end of a gap",
        series("2025-12-31", "2026-12-31"),
        ("future-measurement", 43, 20),
        ("measurement-overdue", 30, 9),
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)


def _messages(write_plan, fragment: str) -> list[str]:
    found = run_check(write_plan(apply_fragment(fragment)), as_of=_dt.date(2026, 11, 27))
    return [d.message for d in found if d.rule == "measurement-gap"]


MONTHS_MISSING = monthly(
    "2026-01-31", "2026-02-28", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"
)


def test_the_message_names_the_missing_months(write_plan) -> None:
    assert _messages(write_plan, MONTHS_MISSING) == [
        "no measurement of 'dagar' for 2026-03 and 2026-04 between the measurements of 2026-02-28 and 2026-05-31"
    ]
    set_language("sv")
    assert _messages(write_plan, MONTHS_MISSING) == [
        "ingen mätning av 'dagar' för 2026-03 och 2026-04 mellan mätningarna 2026-02-28 och 2026-05-31"
    ]


def test_the_message_names_quarters_and_half_years(write_plan) -> None:
    quarters = series("2025-06-30", "2026-03-31", "2026-06-30", "2026-09-30")
    assert _messages(write_plan, quarters) == [
        "no measurement of 'dagar' for Q3 2025 and Q4 2025 between the measurements of 2025-06-30 and 2026-03-31"
    ]
    halves = series("2025-06-30", "2026-06-30", frequency="half_yearly")
    set_language("sv")
    assert _messages(write_plan, halves) == [
        "ingen mätning av 'dagar' för halvår 2 2025 mellan mätningarna 2025-06-30 och 2026-06-30"
    ]
    assert _messages(write_plan, quarters) == [
        "ingen mätning av 'dagar' för kvartal 3 2025 och kvartal 4 2025 mellan mätningarna 2025-06-30 och 2026-03-31"
    ]


def test_a_long_gap_is_named_by_its_first_and_last_period(write_plan) -> None:
    long = monthly("2025-06-30", "2026-10-31")
    assert _messages(write_plan, long) == [
        "no measurement of 'dagar' for 2025-07 to 2026-09 (15 periods) between the measurements of 2025-06-30 and 2026-10-31"
    ]
    set_language("sv")
    assert _messages(write_plan, long) == [
        "ingen mätning av 'dagar' för 2025-07 till 2026-09 (15 perioder) mellan mätningarna 2025-06-30 och 2026-10-31"
    ]


# -- the arithmetic --------------------------------------------------------------------


def test_gaps_follow_month_ends() -> None:
    gaps = series_gaps(Frequency.MONTHLY, [D(2026, 1, 31), D(2026, 2, 28), D(2026, 5, 31)])
    assert gaps == [Gap(D(2026, 2, 28), D(2026, 5, 31), 1, 2)]
    assert gaps[0].due_dates() == [D(2026, 3, 31), D(2026, 4, 30)]


def test_a_month_not_at_its_end_keeps_its_day() -> None:
    gaps = series_gaps(Frequency.MONTHLY, [D(2026, 1, 15), D(2026, 4, 15)])
    assert [g.due_dates() for g in gaps] == [[D(2026, 2, 15), D(2026, 3, 15)]]


@pytest.mark.parametrize(
    ("dates", "missing"),
    [
        (["2026-09-30", "2026-11-07"], []),  # October's, a week late
        (["2026-09-30", "2026-11-14"], []),  # October's, late: nearer 10-31 than 11-30
        (["2026-09-30", "2026-11-15"], []),  # as near both: the earlier
        (["2026-09-30", "2026-11-16"], ["2026-10-31"]),  # November's, early: October has none
        (["2026-09-30", "2026-10-02"], []),  # early for October
        (["2026-09-15", "2026-12-14"], ["2026-10-15", "2026-11-15"]),
    ],
)
def test_a_measurement_stands_for_the_nearest_due_date(dates: list[str], missing: list[str]) -> None:
    gaps = series_gaps(Frequency.MONTHLY, [_dt.date.fromisoformat(d) for d in dates])
    assert [d.isoformat() for g in gaps for d in g.due_dates()] == missing


def test_two_measurements_centuries_apart_are_one_gap_counted_not_listed() -> None:
    (gap,) = series_gaps(Frequency.MONTHLY, [D(1, 1, 31), D(9999, 12, 31)])
    assert (gap.count, gap.first, gap.last) == (119986, D(1, 2, 28), D(9999, 11, 30))


def test_duplicate_and_unsorted_dates() -> None:
    assert series_gaps(Frequency.QUARTERLY, [D(2026, 6, 30), D(2025, 12, 31), D(2026, 6, 30)]) == [
        Gap(D(2025, 12, 31), D(2026, 6, 30), 3, 1)
    ]


@pytest.mark.parametrize(
    ("frequency", "day", "label"),
    [
        (Frequency.MONTHLY, D(2026, 3, 31), "2026-03"),
        (Frequency.QUARTERLY, D(2026, 3, 31), "Q1 2026"),
        (Frequency.QUARTERLY, D(2026, 10, 1), "Q4 2026"),
        (Frequency.HALF_YEARLY, D(2026, 6, 30), "H1 2026"),
        (Frequency.HALF_YEARLY, D(2026, 7, 1), "H2 2026"),
        (Frequency.YEARLY, D(2026, 12, 31), "2026"),
    ],
)
def test_period_labels(frequency: Frequency, day: _dt.date, label: str) -> None:
    assert period_label(day, frequency, "Q{n} {year}", "H{n} {year}") == label
