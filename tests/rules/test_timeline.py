"""Table of the rules about dates (nytta.rules.timeline): the order of dates, measurements
in time, follow-up after the project closes, and overdue measurements."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from rule_table import WITH_CSV, Case, case, check_case, plan_block

from nytta.rules.examples import benefit_block

TARGET = "- {date: 2026-12-31, value: 20}"
MEASURED = "- {date: 2026-09-30, value: 25}"
CSV = "matningar.csv"
HEADER = "indicator,date,value\n"
PERIOD = "period: {start: 2025-01-01, end: 2025-12-31}"
LAST_MEASURED_MARCH = {MEASURED: "- {date: 2026-03-31, value: 31}"}


def targets(*lines: str) -> str:
    """The base benefit with these targets instead of its one."""
    return benefit_block(replace={TARGET: "\n          ".join(lines)})


def measurements(*lines: str) -> str:
    """The base benefit with these measurements instead of its one."""
    return benefit_block(replace={MEASURED: "\n          ".join(lines)})


def monthly(last: str) -> str:
    return benefit_block(replace={"frequency: quarterly": "frequency: monthly", MEASURED: f"- {{date: {last}, value: 25}}"})


CASES = [
    # date-order: the date that is out of order (a window's start)
    case(
        "date-order",
        "two targets on one date: the second",
        targets("- {date: 2026-12-31, value: 30}", TARGET),
        ("date-order", 41, 20),
    ),
    case(
        "date-order", "a target on the baseline date", targets("- {date: 2024-12-31, value: 30}", TARGET), ("date-order", 40, 20)
    ),
    case(
        "date-order", "a target before the baseline", targets("- {date: 2024-06-30, value: 30}", TARGET), ("date-order", 40, 20)
    ),
    case(
        "date-order",
        "each target earlier than the latest before it",
        targets(TARGET, "- {date: 2026-06-30, value: 30}", "- {date: 2026-09-30, value: 25}"),
        ("date-order", 41, 20),
        ("date-order", 42, 20),
    ),
    case(
        "date-order",
        "a realisation that starts after it ends",
        benefit_block(replace={"start: 2025-06-01": "start: 2029-01-01"}),
        ("date-order", 28, 26),
    ),
    case(
        "date-order",
        "a period that starts after it ends, in block style",
        plan_block(replace={PERIOD: "period:\n    start: 2026-01-01\n    end: 2025-12-31"}),
        ("date-order", 9, 12),
    ),
    case(
        "date-order",
        "a target on the realisation start (a warning)",
        targets("- {date: 2025-06-01, value: 35}", TARGET),
        ("date-order", 40, 20),
    ),
    case(
        "date-order",
        "a target before the realisation start (a warning)",
        targets("- {date: 2025-03-31, value: 38}", TARGET),
        ("date-order", 40, 20),
    ),
    case("date-order", "a target the day after the realisation start", targets("- {date: 2025-06-02, value: 35}", TARGET)),
    case("date-order", "targets in order after the baseline", targets("- {date: 2025-12-31, value: 35}", TARGET)),
    case("date-order", "a period of one day", plan_block(replace={PERIOD: "period: {start: 2025-01-01, end: 2025-01-01}"})),
    # measurement-before-baseline: the measurement's date
    case(
        "measurement-before-baseline",
        "on the baseline date with another value",
        measurements("- {date: 2024-12-31, value: 39}", MEASURED),
        ("measurement-before-baseline", 42, 20),
    ),
    case(
        "measurement-before-baseline",
        "on the baseline date with the baseline's value",
        measurements("- {date: 2024-12-31, value: 40}", MEASURED),
    ),
    case(
        "measurement-before-baseline",
        "a row of the measurements file: its date",
        WITH_CSV,
        ("measurement-before-baseline", 2, 7, CSV),
        files={CSV: HEADER + "dagar,2024-06-30,42\n"},
    ),
    # future-measurement: the measurement's date
    case(
        "future-measurement",
        "a row of the measurements file: its date",
        WITH_CSV,
        ("future-measurement", 2, 7, CSV),
        files={CSV: HEADER + "dagar,2027-01-31,19\n"},
    ),
    case(
        "future-measurement",
        "the day after the as-of date",
        benefit_block(),
        ("future-measurement", 42, 20),
        ("measurement-overdue", 30, 9),
        as_of=_dt.date(2026, 9, 29),
    ),
    case("future-measurement", "a forecast", measurements(MEASURED, "- {date: 2027-03-31, value: 18, kind: forecast}")),
    # duplicate-measurement: the second measurement's date
    case(
        "duplicate-measurement",
        "a row of the measurements file on an inline date",
        WITH_CSV,
        ("duplicate-measurement", 3, 7, CSV),
        files={CSV: "indicator;date;value\ndagar;2026-06-30;30\ndagar;2026-09-30;24,5\n"},
    ),
    case(
        "duplicate-measurement",
        "a forecast on the date of an actual value",
        measurements(MEASURED, "- {date: 2026-09-30, value: 24, kind: forecast}"),
    ),
    # no-follow-up-after-close: the benefit's `- id` line
    case(
        "no-follow-up-after-close",
        "a frequency within a realisation that ends before the close",
        benefit_block(replace={"end: 2028-12-31": "end: 2025-10-31"}),
        ("no-follow-up-after-close", 22, 5),
    ),
    case(
        "no-follow-up-after-close",
        "a follow-up date after the close",
        benefit_block(
            replace={"end: 2028-12-31": "end: 2025-10-31", "frequency: quarterly": "follow_up_dates: [2025-09-30, 2026-06-30]"}
        ),
    ),
    case(
        "no-follow-up-after-close",
        "a period without an end",
        plan_block(replace={PERIOD: "period: {start: 2025-01-01}"})
        + benefit_block(replace={"end: 2028-12-31": "end: 2025-10-31"}),
    ),
    # measurement-overdue: the indicator's `- id` line
    case(
        "measurement-overdue",
        "quarterly, one day past the 21 days' grace",
        benefit_block(replace=LAST_MEASURED_MARCH),
        ("measurement-overdue", 30, 9),
        as_of=_dt.date(2026, 7, 22),
    ),
    case(
        "measurement-overdue",
        "quarterly, on the last day of grace",
        benefit_block(replace=LAST_MEASURED_MARCH),
        as_of=_dt.date(2026, 7, 21),
    ),
    case("measurement-overdue", "monthly, past the 7 days' grace", monthly("2026-10-15"), ("measurement-overdue", 30, 9)),
    case("measurement-overdue", "monthly, within grace", monthly("2026-10-25")),
    case(
        "measurement-overdue",
        "a follow-up date 30 days past",
        benefit_block(replace={"frequency: quarterly": "follow_up_dates: [2026-09-30, 2026-10-15]"}),
        ("measurement-overdue", 30, 9),
    ),
    case(
        "measurement-overdue",
        "a follow-up date within its grace",
        benefit_block(replace={"frequency: quarterly": "follow_up_dates: [2026-09-30, 2026-10-31]"}),
    ),
    case(
        "measurement-overdue",
        "never measured: due from the realisation start",
        benefit_block(drop=("measurements:", MEASURED)),
        ("measurement-overdue", 30, 9),
    ),
    case(
        "measurement-overdue",
        "measured in the measurements file",
        WITH_CSV + benefit_block(replace=LAST_MEASURED_MARCH),
        ("measurement-gap", 2, 7, CSV),  # no measurement for the second quarter
        files={CSV: HEADER + "dagar,2026-09-30,25\n"},
    ),
    case(
        "measurement-overdue",
        "before the realise phase",
        plan_block(replace={"phase: realise": "phase: plan"}) + benefit_block(replace=LAST_MEASURED_MARCH),
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
