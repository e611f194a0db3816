"""The trend (nytta.compute.trend): each benefit's and the plan's status at the previous
follow-up beside today's, better, same or worse; in the status text (English and Swedish)
and the status JSON."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from conftest import run_cli
from nytta.app.analysis import analyse
from nytta.compute.trend import direction, previous_follow_up, previous_quarter_end
from nytta.load.plan import load_plan
from nytta.results.status import PlanStatus, Status, Trend, TrendDirection
from nytta.rules.examples import apply_fragment, benefit_block

AS_OF = _dt.date(2026, 12, 3)
#: The base plan's measurement: the indicator falls from 40 days (2024-12-31) to 20 (2026-12-31).
BASE_MEASUREMENT = "          - {date: 2026-09-30, value: 25}\n"


def plan_text(*measurements: tuple[str, float], follow_ups: tuple[str, ...] = ()) -> str:
    """The example plan with these measurements of `dagar` and follow-ups on these dates."""
    rows = "".join(f"          - {{date: {day}, value: {value}}}\n" for day, value in measurements)
    text = apply_fragment(benefit_block(replace={BASE_MEASUREMENT: rows}))
    if follow_ups:
        text += "follow_ups:\n" + "".join(f"  - {{date: {day}, author: anna}}\n" for day in follow_ups)
    return text


def status_of(tmp_path: Path, text: str, as_of: _dt.date = AS_OF) -> PlanStatus:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml", explicit=True)
    assert doc is not None and doc.plan is not None
    return analyse(doc, as_of).status


# 25 days on 2026-09-30 is at risk, 23 on track; 21 on 2026-11-30 on track, 30 off track.
CASES = [
    ("better", (("2026-09-30", 25), ("2026-11-30", 21)), Status.AT_RISK, Status.ON_TRACK, TrendDirection.BETTER),
    ("same", (("2026-09-30", 23), ("2026-11-30", 21)), Status.ON_TRACK, Status.ON_TRACK, TrendDirection.SAME),
    ("worse", (("2026-09-30", 25), ("2026-11-30", 30)), Status.AT_RISK, Status.OFF_TRACK, TrendDirection.WORSE),
]


@pytest.mark.parametrize(("name", "measurements", "before", "now", "way"), CASES, ids=[c[0] for c in CASES])
def test_trend_since_the_previous_quarter_end(tmp_path, name, measurements, before, now, way) -> None:
    status = status_of(tmp_path, plan_text(*measurements))
    [benefit] = status.benefits
    assert benefit.status is now
    assert benefit.trend == Trend(_dt.date(2026, 9, 30), before, way)
    assert status.trend == Trend(_dt.date(2026, 9, 30), before, way)


def test_a_follow_up_before_the_as_of_date_takes_precedence_over_the_quarter_end(tmp_path) -> None:
    # On 2026-10-31 the latest known measurement was 30 days: off track (at risk on 2026-09-30).
    measurements = (("2026-09-30", 25), ("2026-10-31", 30), ("2026-11-30", 21))
    text = plan_text(*measurements, follow_ups=("2026-06-30", "2026-10-31", "2026-12-03", "2026-12-15"))
    status = status_of(tmp_path, text)
    assert status.benefits[0].trend == Trend(_dt.date(2026, 10, 31), Status.OFF_TRACK, TrendDirection.BETTER)
    without = status_of(tmp_path, plan_text(*measurements))
    assert without.benefits[0].trend == Trend(_dt.date(2026, 9, 30), Status.AT_RISK, TrendDirection.BETTER)


def test_no_comparable_status_then_has_no_direction(tmp_path) -> None:
    # Nothing measured by 2026-09-30 after the realisation start: no data then.
    status = status_of(tmp_path, plan_text(("2026-11-30", 21)))
    assert status.benefits[0].trend == Trend(_dt.date(2026, 9, 30), Status.NO_DATA, None)


@pytest.mark.parametrize(
    ("as_of", "end"),
    [
        ("2026-12-03", "2026-09-30"),
        ("2026-10-01", "2026-09-30"),
        ("2026-09-30", "2026-06-30"),
        ("2026-04-01", "2026-03-31"),
        ("2026-01-15", "2025-12-31"),
        ("2026-01-01", "2025-12-31"),
        ("0001-04-01", "0001-03-31"),
        ("0001-03-31", None),
    ],
)
def test_previous_quarter_end(as_of: str, end: str | None) -> None:
    expected = _dt.date.fromisoformat(end) if end else None
    assert previous_quarter_end(_dt.date.fromisoformat(as_of)) == expected


def test_no_trend_on_the_first_day(tmp_path) -> None:
    status = status_of(tmp_path, plan_text(("2026-09-30", 25)), _dt.date.min)
    assert status.trend is None and status.benefits[0].trend is None


def test_previous_follow_up_is_strictly_before_the_as_of_date(tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-09-30", 25), follow_ups=("2026-11-15", "2026-12-03")), encoding="utf-8")
    doc = load_plan(path, "plan.yaml", explicit=True)
    assert doc is not None
    assert previous_follow_up(doc, AS_OF) == _dt.date(2026, 11, 15)
    assert previous_follow_up(doc, _dt.date(2026, 11, 15)) == _dt.date(2026, 9, 30)


@pytest.mark.parametrize(
    ("before", "now", "way"),
    [
        (Status.MISSED, Status.ACHIEVED, TrendDirection.BETTER),
        (Status.ACHIEVED, Status.MISSED, TrendDirection.WORSE),
        (Status.OFF_TRACK, Status.AT_RISK, TrendDirection.BETTER),
        (Status.ON_TRACK, Status.ACHIEVED, TrendDirection.BETTER),
        (Status.AT_RISK, Status.AT_RISK, TrendDirection.SAME),
        (Status.NO_DATA, Status.ON_TRACK, None),
        (Status.ON_TRACK, Status.NO_DATA, None),
        (Status.NOT_STARTED, Status.NOT_STARTED, None),
        (Status.QUALITATIVE, Status.QUALITATIVE, None),
        (Status.NO_BASELINE, Status.AT_RISK, None),
    ],
)
def test_direction(before: Status, now: Status, way: TrendDirection | None) -> None:
    assert direction(before, now) is way


def test_status_json_has_the_trend_last(tmp_path, capsys) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-09-30", 25), ("2026-11-30", 21)), encoding="utf-8")
    code, out, _ = run_cli(["status", str(path), "--format", "json", "--as-of", "2026-12-03"], capsys)
    [plan] = json.loads(out)["plans"]
    expected = {"since": "2026-09-30", "previous_status": "at_risk", "direction": "better"}
    assert code == 0 and list(plan)[-1] == "trend" and plan["trend"] == expected
    [benefit] = plan["benefits"]
    assert list(benefit)[-1] == "trend" and benefit["trend"] == expected


def test_status_json_trend_without_direction_is_null(tmp_path, capsys) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-11-30", 21)), encoding="utf-8")
    _code, out, _ = run_cli(["status", str(path), "--format", "json", "--as-of", "2026-12-03"], capsys)
    benefit = json.loads(out)["plans"][0]["benefits"][0]
    assert benefit["trend"] == {"since": "2026-09-30", "previous_status": "no_data", "direction": None}


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "Trend since the previous follow-up (2026-09-30):",
                "  exempel: at risk → off track (worse)",
                "  kortare-tid: at risk → off track (worse)",
            ],
        ),
        (
            "sv",
            [
                "Trend sedan föregående uppföljning (2026-09-30):",
                "  exempel: risk för avvikelse → avviker (sämre)",
                "  kortare-tid: risk för avvikelse → avviker (sämre)",
            ],
        ),
    ],
)
def test_status_text_shows_the_trend(tmp_path, capsys, lang: str, lines: list[str]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-09-30", 25), ("2026-11-30", 30)), encoding="utf-8")
    code, out, _ = run_cli(["--lang", lang, "status", str(path), "--as-of", "2026-12-03"], capsys)
    text = out.splitlines()
    start = text.index(lines[0])
    assert code == 0 and text[start : start + 3] == lines


def test_status_text_without_direction_says_dash(tmp_path, capsys) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-11-30", 21)), encoding="utf-8")
    _code, out, _ = run_cli(["--lang", "sv", "status", str(path), "--as-of", "2026-12-03"], capsys)
    assert "  kortare-tid: mätvärden saknas → enligt plan (–)" in out.splitlines()


@pytest.mark.parametrize(
    ("lang", "plan_line", "benefit_line"),
    [
        ("en", "· Since 2026-09-30: better (was at risk)", "Status: **On track** · Since 2026-09-30: better (was at risk)"),
        (
            "sv",
            "· Sedan 2026-09-30: bättre (var risk för avvikelse)",
            "Status: **Enligt plan** · Sedan 2026-09-30: bättre (var risk för avvikelse)",
        ),
    ],
)
def test_plan_report_shows_the_trend_beside_each_status(tmp_path, capsys, lang, plan_line, benefit_line) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(("2026-09-30", 25), ("2026-11-30", 21)), encoding="utf-8")
    code, out, _ = run_cli(["--lang", lang, "report", str(path), "--as-of", "2026-12-03", "-f", "md"], capsys)
    lines = out.splitlines()
    assert code == 0 and benefit_line in lines
    assert any(line.endswith(plan_line) for line in lines)


@pytest.mark.parametrize(
    ("lang", "cells"),
    [
        ("en", "| **Off track** | Since 2026-10-31: worse (was at risk) |"),
        ("sv", "| **Avviker** | Sedan 2026-10-31: sämre (var risk för avvikelse) |"),
    ],
)
def test_portfolio_report_has_a_trend_column(tmp_path, capsys, lang, cells) -> None:
    (tmp_path / "a.yaml").write_text(plan_text(("2026-09-30", 25), ("2026-11-30", 21)), encoding="utf-8")
    worse = plan_text(("2026-10-31", 25), ("2026-11-30", 30), follow_ups=("2026-10-31",)).replace("id: exempel", "id: b")
    (tmp_path / "b.yaml").write_text(worse, encoding="utf-8")
    code, out, _ = run_cli(["--lang", lang, "report", str(tmp_path), "--as-of", "2026-12-03", "-f", "md"], capsys)
    assert code == 0 and "| Trend |" in out
    assert any(cells in line for line in out.splitlines())


def test_status_text_of_several_plans_has_a_trend_column(tmp_path, capsys) -> None:
    (tmp_path / "a.yaml").write_text(plan_text(("2026-09-30", 25), ("2026-11-30", 21)), encoding="utf-8")
    other = plan_text(("2026-09-30", 25), ("2026-11-30", 30)).replace("id: exempel", "id: b")
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    code, out, _ = run_cli(["--lang", "sv", "status", str(tmp_path), "--as-of", "2026-12-03"], capsys)
    assert code == 0 and "Trend" in out
    assert "bättre (risk för avvikelse, 2026-09-30)" in out and "sämre (risk för avvikelse, 2026-09-30)" in out
