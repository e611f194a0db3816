"""Rules about indicators (nyttoindikatorer): presence, completeness, baseline, targets, values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nytta.diagnostics import Diagnostic
from nytta.i18n import N_, _
from nytta.model.enums import Direction, IndicatorKind, Phase
from nytta.model.plan import Benefit, Indicator
from nytta.model.types import number_hint
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, number, rule, written

#: The lines of the example benefit's one indicator (left out to show a benefit without any).
INDICATOR_LINES = (
    "- id: dagar",
    "name: Handläggningstid",
    "unit:",
    "direction:",
    "method:",
    "source:",
    "frequency:",
    "measured_by:",
    "baseline:",
    "targets:",
    "date: 2026-",
    "measurements:",
)


def quantitative(ctx: Context) -> Iterator[tuple[Benefit, Indicator]]:
    for owner, indicator in ctx.indicators():
        if indicator.kind is IndicatorKind.QUANTITATIVE:
            yield owner, indicator


@rule(
    "missing-indicator",
    passing=benefit_block(),
    failing=benefit_block(
        drop=("indicators:", *INDICATOR_LINES),
        mark="- id: kortare-tid",
    ),
)
def missing_indicator(ctx: Context) -> Iterator[Diagnostic]:
    """A benefit has no indicator (nyttoindikator).

    A benefit that cannot be measured cannot be followed up: give it at least one
    indicator with a baseline and a target.
    """
    for item in ctx.benefits():
        if ctx.absent(item, "indicators"):
            yield ctx.at(item.path, _("benefit '{id}' has no indicator", id=item.id))


@rule(
    "indicator-incomplete",
    error_from=Phase.PLAN,
    passing=benefit_block(),
    failing=benefit_block(drop=("method: Median per kvartal",), mark="- id: dagar"),
)
def indicator_incomplete(ctx: Context) -> Iterator[Diagnostic]:
    """An indicator lacks a method, a source, a measurer, or a schedule.

    Each indicator says how it is measured (`method`), from which data source
    (`source`), who measures it (`measured_by`, mätansvarig) and when: a
    `frequency` or `follow_up_dates`.
    """
    for _owner, indicator in ctx.indicators():
        lacking = [key for key in ("method", "source", "measured_by") if ctx.absent(indicator, key)]
        if ctx.absent(indicator, "frequency") and ctx.absent(indicator, "follow_up_dates"):
            lacking.append(_("frequency or follow_up_dates"))
        if lacking:
            yield ctx.at(indicator.path, _("indicator '{id}' lacks {keys}", id=indicator.id, keys=", ".join(lacking)))


@rule(
    "missing-baseline",
    error_from=Phase.SPECIFY,
    passing=benefit_block(),
    failing=benefit_block(drop=("baseline:",), mark="- id: dagar"),
)
def missing_baseline(ctx: Context) -> Iterator[Diagnostic]:
    """A quantitative indicator has no baseline (nollmätning).

    Without a baseline measured before the change there is nothing to compare the
    follow-up measurements with. Error from the specify phase, a warning in identify.
    """
    for _owner, indicator in quantitative(ctx):
        if ctx.absent(indicator, "baseline"):
            yield ctx.at(indicator.path, _("indicator '{id}' has no baseline (nollmätning)", id=indicator.id))


@rule(
    "missing-target",
    error_from=Phase.PLAN,
    passing=benefit_block(),
    failing=benefit_block(drop=("targets:", "{date: 2026-12-31, value: 20}"), mark="- id: dagar"),
)
def missing_target(ctx: Context) -> Iterator[Diagnostic]:
    """A quantitative indicator has no target (målvärde).

    Give at least the final target with its date; intermediate targets (delmål) before it
    make the planned trajectory.
    """
    for _owner, indicator in quantitative(ctx):
        if ctx.absent(indicator, "targets"):
            yield ctx.at(indicator.path, _("indicator '{id}' has no target (målvärde)", id=indicator.id))


@rule(
    "target-direction",
    passing=benefit_block(),
    failing=benefit_block(replace={"{date: 2026-12-31, value: 20}": "{date: 2026-12-31, value: 45}"}, mark="value: 45"),
)
def target_direction(ctx: Context) -> Iterator[Diagnostic]:
    """The final target does not go the way the indicator says is better.

    For a benefit the final target must improve on the baseline in the indicator's
    direction (`increase`: higher, `decrease`: lower). For a dis-benefit (onytta) the
    target is the harm tolerated, so it must not show an improvement. For `maintain`
    it may differ from the baseline by at most `tolerance` (default 0).
    """
    for owner, indicator in quantitative(ctx):
        final = indicator.final_target
        if indicator.baseline is None or final is None:
            continue
        base, goal = indicator.baseline.value, final.value
        if not _numbers(base, goal):
            continue
        message = _direction_problem(owner, indicator, base, goal)
        if message:
            yield ctx.at((*final.path, "value"), message)


def _numbers(*values: Any) -> bool:
    return all(isinstance(v, float) for v in values)


def _direction_problem(owner: Benefit, indicator: Indicator, base: float, goal: float) -> str | None:
    values = {"id": indicator.id, "target": written(goal), "baseline": written(base)}
    if indicator.direction is Direction.MAINTAIN:
        tolerance = indicator.tolerance or 0.0
        if abs(goal - base) > tolerance:
            return _(
                "the final target {target} of '{id}' differs from the baseline {baseline} by "
                "{difference}, more than the tolerance {tolerance}",
                difference=number(abs(goal - base)),
                tolerance=number(tolerance),
                **values,
            )
        return None
    sign = 1 if indicator.direction is Direction.INCREASE else -1
    gain = sign * (goal - base)
    if not owner.is_disbenefit and gain <= 0:
        if sign > 0:
            return _(
                "the final target {target} of '{id}' does not improve on the baseline {baseline} "
                "(direction increase: it should be higher)",
                **values,
            )
        return _(
            "the final target {target} of '{id}' does not improve on the baseline {baseline} "
            "(direction decrease: it should be lower)",
            **values,
        )
    if owner.is_disbenefit and gain > 0:
        return _(
            "the final target {target} of dis-benefit indicator '{id}' shows an improvement on "
            "the baseline {baseline}; a dis-benefit's target is the harm tolerated",
            **values,
        )
    return None


@rule(
    "non-numeric-value",
    passing=benefit_block(),
    failing=benefit_block(replace={"{date: 2026-09-30, value: 25}": '{date: 2026-09-30, value: "25,5"}'}, mark='"25,5"'),
)
def non_numeric_value(ctx: Context) -> Iterator[Diagnostic]:
    """A quantitative baseline, target or measurement value is not a number.

    Values of quantitative indicators are YAML numbers: write `25.5`, not `"25,5"`
    (in the measurements CSV, the decimal comma belongs with the semicolon dialect).
    Qualitative indicators may have text values.
    """
    for _owner, indicator in quantitative(ctx):
        if indicator.baseline is not None and isinstance(indicator.baseline.value, str):
            yield ctx.at((*indicator.baseline.path, "value"), _not_number("baseline", indicator.baseline.value))
        for target in indicator.targets:
            if isinstance(target.value, str):
                yield ctx.at((*target.path, "value"), _not_number("target", target.value))
        for obs in ctx.doc.observations_of(indicator.id):
            if isinstance(obs.value, str):
                yield ctx.at_observation(obs, "value", _not_number("measurement", obs.value))


#: What non-numeric-value says about a value of each kind, without and with the number meant.
_NOT_A_NUMBER = {
    "baseline": (
        N_("the baseline value '{value}' is not a number"),
        N_("the baseline value '{value}' is not a number; write {hint}"),
    ),
    "target": (
        N_("the target value '{value}' is not a number"),
        N_("the target value '{value}' is not a number; write {hint}"),
    ),
    "measurement": (
        N_("the measurement value '{value}' is not a number"),
        N_("the measurement value '{value}' is not a number; write {hint}"),
    ),
}


def _not_number(what: str, value: str) -> str:
    hint = number_hint(value)
    plain, with_hint = _NOT_A_NUMBER[what]
    return _(plain, value=value) if hint is None else _(with_hint, value=value, hint=hint)
