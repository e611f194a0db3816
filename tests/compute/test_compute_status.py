"""Indicator, benefit and plan status (format §5): the spec's figures and every branch of §5.3."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, PLANS, SPEC_DIR, STATUS_INDICATOR_KEYS, spec_document
from nytta.compute.status import plan_status
from nytta.compute.trajectory import Curve, planned_curve
from nytta.load.plan import Observation, PlanDocument, load_plan
from nytta.model.enums import MeasurementKind
from nytta.model.plan import Thresholds
from nytta.render.status_json import status_json
from nytta.results.status import IndicatorStatus, PlanStatus, Status

D = _dt.date.fromisoformat

#: Baseline 100 on 2025-01-01, final target 0 on 2025-04-11: planned falls by 1 a day.
INDICATOR = {
    "id": "i",
    "name": "Indicator",
    "unit": "days",
    "direction": "decrease",
    "baseline": "{value: 100, date: 2025-01-01}",
    "targets": "[{date: 2025-04-11, value: 0}]",
}
BENEFIT = {"name": "Benefit", "owner": "anna", "recipients": "[s]", "goals": "[g]"}


Fields = dict[str, str | None]


def plan_text(*benefits: tuple[Fields, list[Fields]]) -> str:
    """A small plan with the given (benefit fields, [indicator fields]); None leaves a key out."""
    lines = [
        "nytta: 1",
        "plan: {id: p, title: Plan, phase: realise}",
        "people: [{id: anna, name: Anna}]",
        "stakeholders: [{id: s, name: S, category: citizens}]",
        "goals: [{id: g, name: G}]",
        "benefits:",
    ]
    for number, (benefit, indicators) in enumerate(benefits):
        fields = BENEFIT | {"id": f"b{number}"} | benefit
        lines += [*_mapping(fields, "  "), "    indicators:"]
        for index, indicator in enumerate(indicators):
            lines += _mapping(INDICATOR | {"id": f"{fields['id']}-i{index}"} | indicator, "      ")
    return "\n".join(lines) + "\n"


def _mapping(fields: Fields, indent: str) -> list[str]:
    rows = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return [f"{indent}- {rows[0]}", *(f"{indent}  {row}" for row in rows[1:])]


def load_text(tmp_path: Path, text: str) -> PlanDocument:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path, "plan.yaml")
    assert doc is not None and doc.plan is not None, doc and doc.diagnostics
    assert [d for d in doc.diagnostics if d.rule == "schema"] == []
    return doc


def one(tmp_path: Path, as_of: str, benefit: Fields | None = None, **indicator: str | None) -> IndicatorStatus:
    """The status of the single indicator of a one-benefit plan on ``as_of``."""
    doc = load_text(tmp_path, plan_text((benefit or {}, [indicator])))
    return plan_status(doc, D(as_of)).benefits[0].indicators[0]


def measured(*pairs: tuple[str, float | str]) -> str:
    return "[" + ", ".join(f"{{date: {day}, value: {value}}}" for day, value in pairs) + "]"


@pytest.fixture(scope="module")
def spec() -> PlanStatus:
    return plan_status(spec_document(), AS_OF)


# -- the example of the format ---------------------------------------------------------


def test_spec_example_gives_the_documented_figures(spec: PlanStatus) -> None:
    assert spec.status is Status.AT_RISK
    first = spec.benefits[0]
    assert (first.id, first.status) == ("kortare-handlaggning", Status.ON_TRACK)
    indicator = first.indicators[0]
    assert indicator.planned == pytest.approx(25.5)
    assert indicator.achievement == pytest.approx(15 / 16.5)
    assert round(indicator.achievement, 3) == 0.909
    assert indicator.progress == pytest.approx(15 / 21)
    assert indicator.status is Status.ON_TRACK
    assert round(indicator.forecast or 0, 2) == 24.21
    assert indicator.forecast_meets_target is False
    assert (indicator.next_due, indicator.overdue) == (D("2026-12-31"), False)


def test_spec_example_reason_states_expected_actual_ratio_and_threshold(spec: PlanStatus) -> None:
    reason = spec.benefits[0].indicators[0].reason
    assert reason == "27 days vs planned 25.5 at 2026-09-30 (difference +1.5): 91 % of planned improvement, on track ≥ 90 %"


def test_spec_example_other_benefits(spec: PlanStatus) -> None:
    by_id = {b.id: b for b in spec.benefits}
    assert by_id["farre-kompletteringar"].status is Status.AT_RISK
    harm = by_id["mer-administration"].indicators[0]
    assert (harm.planned, harm.planned_gain, harm.actual_gain) == (20, -20, -25)
    assert harm.achievement == pytest.approx(0.75)
    assert harm.progress == pytest.approx(1.25)  # the tolerated harm is exceeded by a quarter
    assert by_id["mer-administration"].status is Status.AT_RISK


def test_spec_example_json_contract(spec: PlanStatus) -> None:
    document = json.loads(json.dumps(status_json([spec], AS_OF)))
    assert document["as_of"] == "2026-11-27"
    plan = document["plans"][0]
    assert (plan["file"], plan["id"], plan["status"]) == ("bygglov-e-tjanst.yaml", "bygglov-e-tjanst", "at_risk")
    benefit = plan["benefits"][0]
    assert {k: benefit[k] for k in ("id", "polarity", "status")} == {
        "id": "kortare-handlaggning",
        "polarity": "benefit",
        "status": "on_track",
    }
    indicator = benefit["indicators"][0]
    assert list(indicator) == STATUS_INDICATOR_KEYS
    assert indicator["baseline"] == {"value": 42, "date": "2024-12-31"}
    assert indicator["target"] == {"value": 21, "date": "2026-12-31"}
    assert indicator["latest"] == {"value": 27, "date": "2026-09-30"}
    assert indicator["achievement"] == 15 / 16.5  # full precision
    assert round(indicator["forecast"], 2) == 24.21
    assert (indicator["next_due"], indicator["overdue"]) == ("2026-12-31", False)


# -- planned trajectory -------------------------------------------------------------------


def test_planned_trajectory_holds_the_baseline_until_realisation_start(tmp_path: Path) -> None:
    targets = "[{date: 2025-03-01, value: 50}, {date: 2025-03-11, value: 0}]"
    text = plan_text(({"realisation": "{start: 2025-02-01}"}, [{"targets": targets}]))
    benefit = load_text(tmp_path, text).plan.benefits[0]  # type: ignore[union-attr]
    curve = planned_curve(benefit, benefit.indicators[0])
    assert isinstance(curve, Curve)
    values = [curve.at(D(day)) for day in ("2024-06-01", "2025-01-15", "2025-02-01", "2025-02-15", "2025-03-06", "2026-01-01")]
    assert values == [100, 100, 100, 75, 25, 0]


def test_realisation_start_after_the_first_target_does_not_hide_the_targets(tmp_path: Path) -> None:
    text = plan_text(({"realisation": "{start: 2025-05-01}"}, [{}]))
    benefit = load_text(tmp_path, text).plan.benefits[0]  # type: ignore[union-attr]
    curve = planned_curve(benefit, benefit.indicators[0])
    assert curve is not None and (curve.at(D("2025-02-20")), curve.at(D("2025-06-01"))) == (50, 0)


# -- every branch of §5.3 -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status", "achievement"),
    [
        (54, Status.ON_TRACK, 0.92),
        (55, Status.ON_TRACK, 0.9),
        (60, Status.AT_RISK, 0.8),
        (65, Status.AT_RISK, 0.7),
        (70, Status.OFF_TRACK, 0.6),
    ],
)
def test_achievement_against_thresholds(tmp_path: Path, value: float, status: Status, achievement: float) -> None:
    result = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", value)))
    assert (result.planned, result.planned_gain, result.actual_gain) == (50, 50, 100 - value)
    assert result.achievement == pytest.approx(achievement)
    assert result.status is status


def test_reason_names_the_deciding_threshold(tmp_path: Path) -> None:
    at_risk = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 60)))
    assert at_risk.reason.endswith("80 % of planned improvement, at risk: ≥ 70 %, < 90 %")
    off = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 70)))
    assert off.reason == "70 days vs planned 50 at 2025-02-20 (difference +20): 60 % of planned improvement, off track < 70 %"


def test_plan_thresholds_and_override(tmp_path: Path) -> None:
    text = plan_text(({}, [{"measurements": measured(("2025-02-20", 60))}]))
    text = text.replace("phase: realise}", "phase: realise, thresholds: {on_track: 0.8, at_risk: 0.5}}")
    doc = load_text(tmp_path, text)
    assert plan_status(doc, D("2025-03-01")).status is Status.ON_TRACK
    stricter = Thresholds(on_track=0.95, at_risk=0.85)
    assert plan_status(doc, D("2025-03-01"), stricter).status is Status.OFF_TRACK


def test_increase_direction(tmp_path: Path) -> None:
    result = one(
        tmp_path,
        "2025-03-01",
        direction="increase",
        baseline="{value: 0, date: 2025-01-01}",
        targets="[{date: 2025-04-11, value: 100}]",
        measurements=measured(("2025-02-20", 45)),
    )
    assert (result.planned, result.achievement, result.progress, result.status) == (50, 0.9, 0.45, Status.ON_TRACK)


def test_achieved_when_the_final_target_is_reached_early(tmp_path: Path) -> None:
    result = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-01", 30), ("2025-02-20", -5)))
    assert result.status is Status.ACHIEVED
    assert result.progress == pytest.approx(1.05)


def test_missed_when_the_final_target_was_measured_and_not_met(tmp_path: Path) -> None:
    result = one(tmp_path, "2025-05-01", measurements=measured(("2025-04-20", 10)))
    assert result.status is Status.MISSED
    assert result.reason == "10 days at 2025-04-20 misses the final target 0 due 2025-04-11 by 10"


def test_not_missed_while_the_final_target_has_not_been_measured(tmp_path: Path) -> None:
    result = one(tmp_path, "2025-05-01", measurements=measured(("2025-04-01", 10)))
    assert (result.planned, result.status) == (10, Status.ON_TRACK)


@pytest.mark.parametrize(
    ("benefit", "as_of", "status"),
    [
        ({"realisation": "{start: 2025-06-01}"}, "2025-05-31", Status.NOT_STARTED),
        ({"realisation": "{start: 2025-06-01}"}, "2025-06-01", Status.NO_DATA),
        ({}, "2025-04-10", Status.NOT_STARTED),  # no realisation start: the first target date decides
        ({}, "2025-04-11", Status.NO_DATA),
    ],
)
def test_without_measurements(tmp_path: Path, benefit: dict[str, str], as_of: str, status: Status) -> None:
    assert one(tmp_path, as_of, benefit).status is status


def test_only_actual_measurements_count(tmp_path: Path) -> None:
    forecast_only = "[{date: 2025-02-20, value: 60, kind: forecast}]"
    assert one(tmp_path, "2025-05-01", measurements=forecast_only).status is Status.NO_DATA


@pytest.mark.parametrize(
    ("indicator", "status"),
    [
        ({"baseline": None}, Status.NO_BASELINE),
        ({"baseline": "{value: okänd, date: 2025-01-01}"}, Status.NO_BASELINE),
        ({"targets": None}, Status.NO_TARGET),
        ({"baseline": None, "targets": None}, Status.NO_BASELINE),
    ],
)
def test_missing_baseline_or_target(tmp_path: Path, indicator: dict[str, str | None], status: Status) -> None:
    result = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 60)), **indicator)
    assert result.status is status
    assert (result.achievement, result.forecast) == (None, None)


def test_qualitative_indicator_with_text_values(tmp_path: Path) -> None:
    result = one(
        tmp_path,
        "2025-03-01",
        kind="qualitative",
        unit="grade",
        baseline="{value: låg, date: 2025-01-01}",
        targets="[{date: 2025-04-11, value: hög}]",
        measurements=measured(("2025-02-20", "medel")),
    )
    assert result.status is Status.QUALITATIVE
    assert result.latest is not None and result.latest.value == "medel"
    assert (result.planned, result.achievement, result.forecast) == (None, None, None)


def test_qualitative_indicator_with_numbers_is_qualitative(tmp_path: Path) -> None:
    result = one(tmp_path, "2025-03-01", kind="qualitative", measurements=measured(("2025-02-20", 54)))
    assert result.status is Status.QUALITATIVE
    assert (result.planned, result.achievement, result.progress, result.forecast) == (None, None, None, None)


@pytest.mark.parametrize(("value", "status"), [(100, Status.ON_TRACK), (99, Status.ON_TRACK), (101, Status.OFF_TRACK)])
def test_no_change_planned_yet(tmp_path: Path, value: float, status: Status) -> None:
    result = one(
        tmp_path,
        "2025-02-15",
        {"realisation": "{start: 2025-03-01}"},
        targets="[{date: 2025-06-01, value: 50}]",
        measurements=measured(("2025-02-01", value)),
    )
    assert (result.planned, result.planned_gain, result.achievement) == (100, 0, None)
    assert result.status is status


@pytest.mark.parametrize(
    ("tolerance", "value", "status"),
    [
        ("5", 104, Status.ON_TRACK),
        ("5", 95, Status.ON_TRACK),
        ("5", 106, Status.OFF_TRACK),
        (None, 100, Status.ON_TRACK),
        (None, 100.5, Status.OFF_TRACK),
    ],
)
def test_maintain_within_or_outside_tolerance(tmp_path: Path, tolerance: str | None, value: float, status: Status) -> None:
    result = one(
        tmp_path,
        "2025-03-01",
        direction="maintain",
        tolerance=tolerance,
        targets="[{date: 2025-04-11, value: 100}]",
        measurements=measured(("2025-02-20", value)),
    )
    assert result.status is status
    assert ("within" if status is Status.ON_TRACK else "outside") in result.reason


@pytest.mark.parametrize(
    ("value", "status"),
    [(0, Status.ON_TRACK), (11, Status.ON_TRACK), (12, Status.AT_RISK), (14, Status.OFF_TRACK), (25, Status.OFF_TRACK)],
)
def test_disbenefit_is_judged_against_the_tolerated_harm(tmp_path: Path, value: float, status: Status) -> None:
    # Harm planned to grow from 0 to 20 by 2025-04-11: planned 10 on 2025-02-20.
    result = one(
        tmp_path,
        "2025-05-01",
        {"polarity": "disbenefit"},
        baseline="{value: 0, date: 2025-01-01}",
        targets="[{date: 2025-04-11, value: 20}]",
        measurements=measured(("2025-02-20", value)),
    )
    assert (result.planned, result.planned_gain) == (10, -10)
    assert result.status is status  # never achieved nor missed: rule 4 is for benefits


def test_benefit_takes_its_primary_indicator(tmp_path: Path) -> None:
    doc = load_text(
        tmp_path,
        plan_text(
            (
                {},
                [
                    {"measurements": measured(("2025-02-20", 70))},
                    {"primary": "true", "measurements": measured(("2025-02-20", 54))},
                ],
            )
        ),
    )
    assert plan_status(doc, D("2025-03-01")).benefits[0].status is Status.ON_TRACK


def test_benefit_without_primary_takes_the_worst_and_skips_qualitative(tmp_path: Path) -> None:
    doc = load_text(
        tmp_path,
        plan_text(
            (
                {},
                [
                    {"measurements": measured(("2025-02-20", 54))},
                    {"measurements": measured(("2025-02-20", 60))},
                    {
                        "kind": "qualitative",
                        "baseline": "{value: låg, date: 2025-01-01}",
                        "targets": "[{date: 2025-04-11, value: hög}]",
                    },
                ],
            )
        ),
    )
    benefit = plan_status(doc, D("2025-03-01")).benefits[0]
    assert [i.status for i in benefit.indicators] == [Status.ON_TRACK, Status.AT_RISK, Status.QUALITATIVE]
    assert benefit.status is Status.AT_RISK


def test_plan_takes_the_worst_benefit_including_disbenefits(tmp_path: Path) -> None:
    harm = {"baseline": "{value: 0, date: 2025-01-01}", "targets": "[{date: 2025-04-11, value: 20}]"}
    doc = load_text(
        tmp_path,
        plan_text(
            ({}, [{"measurements": measured(("2025-02-20", 54))}]),
            ({"polarity": "disbenefit"}, [harm | {"measurements": measured(("2025-02-20", 12))}]),
            ({"realisation": "{start: 2026-01-01}"}, [{}]),
        ),
    )
    status = plan_status(doc, D("2025-03-01"))
    assert [b.status for b in status.benefits] == [Status.ON_TRACK, Status.AT_RISK, Status.NOT_STARTED]
    assert status.status is Status.AT_RISK
    assert status.reason == "worst of 3 benefit(s): b1 is at_risk"


# -- forecast, next due, overdue ----------------------------------------------------------


def test_no_forecast_from_a_single_measurement_after_the_baseline(tmp_path: Path) -> None:
    result = one(tmp_path, "2025-03-01", measurements=measured(("2025-02-20", 54)))
    assert (result.forecast, result.forecast_meets_target) == (None, None)


def test_forecast_is_the_least_squares_line_at_the_final_target_date(tmp_path: Path) -> None:
    # Baseline (0, 100), (50, 50), (60, 40) lie on y = 100 − x: the forecast on day 100 is 0.
    result = one(tmp_path, "2025-03-05", measurements=measured(("2025-02-20", 50), ("2025-03-02", 40)))
    assert result.forecast == pytest.approx(0)
    assert result.forecast_meets_target is True
    slower = one(tmp_path, "2025-03-05", measurements=measured(("2025-02-20", 60), ("2025-03-02", 52)))
    assert slower.forecast is not None and slower.forecast > 0 and slower.forecast_meets_target is False


def test_next_due_and_overdue(tmp_path: Path) -> None:
    monthly = {"frequency": "monthly", "measurements": measured(("2025-01-31", 70))}
    in_grace = one(tmp_path, "2025-03-07", **monthly)
    assert (in_grace.next_due, in_grace.overdue) == (D("2025-02-28"), False)
    assert one(tmp_path, "2025-03-08", **monthly).overdue is True
    # a measurement after the as-of date does not move next_due
    assert one(
        tmp_path, "2025-02-27", **monthly | {"measurements": measured(("2025-01-31", 70), ("2025-02-28", 60))}
    ).next_due == D("2025-02-28")


def test_a_measurement_on_the_as_of_date_counts(tmp_path: Path) -> None:
    pairs = measured(("2025-02-10", 54), ("2025-02-20", 70))
    assert one(tmp_path, "2025-02-19", measurements=pairs).latest.date == D("2025-02-10")  # type: ignore[union-attr]
    assert one(tmp_path, "2025-02-20", measurements=pairs).status is Status.OFF_TRACK


# -- measurements after the as-of date never count ----------------------------------------

_SPEC_DOC = spec_document()
_INDICATORS = ["handlaggningstid", "kompletteringstid", "forvaltningstid"]


@st.composite
def _observations(draw: st.DrawFn, after: _dt.date) -> Observation:
    return Observation(
        draw(st.sampled_from(_INDICATORS)),
        draw(st.dates(min_value=after + _dt.timedelta(days=1), max_value=_dt.date(2031, 12, 31))),
        draw(st.floats(min_value=-1000, max_value=1000, allow_nan=False)),
        draw(st.sampled_from(list(MeasurementKind))),
        None,
        None,
    )


@settings(max_examples=60, deadline=None)
@given(as_of=st.dates(min_value=_dt.date(2024, 6, 1), max_value=_dt.date(2027, 6, 30)), data=st.data())
def test_status_never_depends_on_measurements_after_the_as_of_date(as_of: _dt.date, data: st.DataObject) -> None:
    assert _SPEC_DOC is not None
    later = data.draw(st.lists(_observations(as_of), max_size=8))
    known = [o for o in _SPEC_DOC.observations if o.date <= as_of]
    without = dataclasses.replace(_SPEC_DOC, observations=known, _by_indicator=None)
    with_later = dataclasses.replace(_SPEC_DOC, observations=[*later, *known, *later], _by_indicator=None)
    assert plan_status(with_later, as_of) == plan_status(without, as_of)


@pytest.mark.parametrize("count", [0, 1, 4])
def test_the_status_json_text_is_the_contract_document_written_plan_by_plan(count: int) -> None:
    """``status --format json`` writes one plan at a time; the text is exactly what dumping
    the whole document at once gives."""
    from nytta.app.plans import iter_plans
    from nytta.render.status_json import status_json_text

    plans = [SPEC_DIR / "bygglov-e-tjanst.yaml", *sorted(PLANS.glob("*.yaml"))]
    statuses = [plan_status(doc, AS_OF) for doc in iter_plans(plans[:count], [])]
    assert len(statuses) == count
    whole = json.dumps(status_json(statuses, AS_OF), ensure_ascii=False, indent=2) + "\n"
    assert "".join(status_json_text(statuses, AS_OF)) == whole
