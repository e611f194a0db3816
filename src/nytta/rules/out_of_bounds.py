"""Values an indicator cannot take (the rule `value-out-of-bounds`).

An indicator's bounds are those it states (`bounds: {lower, upper}`) or, where it states
none, those its unit gives (``model.bounds``: a count, a duration, an amount or a percentage
is never negative, and a percentage is at most 100). A baseline, target or measurement
beyond them, inline or in the CSV file, is almost always a slip of the keyboard (a sign, a
misplaced decimal, a percentage written as 0–1 000); and stated bounds whose lower is above
their upper bound can hold no value at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.bounds import Bound, Limits, limits
from nytta.model.plan import Baseline, Target
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule, written

_MEASURED = "- {date: 2026-09-30, value: 25}"


@rule(
    "value-out-of-bounds",
    severity=Severity.WARNING,
    passing=benefit_block(),
    failing=benefit_block(replace={_MEASURED: "- {date: 2026-09-30, value: -25}"}, mark="value: -25"),
)
def value_out_of_bounds(ctx: Context) -> Iterator[Diagnostic]:
    """A baseline, target or measurement lies outside the values the indicator can take.

    The bounds are the indicator's own `bounds: {lower, upper}`, or else those of its unit:
    a count, a duration or an amount of money (`dagar`, `ärenden`, `kr` …) is never
    negative, and a percentage (`%`) lies within 0–100. A value beyond them is usually a
    slip: a minus sign too many, a misplaced decimal point. Stated bounds whose `lower` is
    above `upper` are reported too.
    """
    for _owner, indicator in ctx.indicators():
        stated = indicator.bounds
        if stated is not None and stated.lower is not None and stated.upper is not None and stated.lower > stated.upper:
            message = _(
                "the bounds of '{id}' are the wrong way round: lower {lower} is above upper {upper}",
                id=indicator.id,
                lower=written(stated.lower),
                upper=written(stated.upper),
            )
            yield ctx.at((*stated.path, "lower"), message)
            continue
        bounds = limits(indicator)
        points: list[Baseline | Target] = [indicator.baseline] if indicator.baseline is not None else []
        for point in [*points, *indicator.targets]:
            beyond = _beyond(bounds, point.value, indicator.id, indicator.unit)
            if beyond is not None:
                yield ctx.at((*point.path, "value"), beyond)
        for obs in ctx.doc.observations_of(indicator.id):
            beyond = _beyond(bounds, obs.value, indicator.id, indicator.unit)
            if beyond is not None:
                yield ctx.at_observation(obs, "value", beyond)


def _beyond(bounds: Limits, value: float | str, ident: str, unit: str) -> str | None:
    """The message about a value beyond the bounds, or None (text values are not compared)."""
    if isinstance(value, str):
        return None
    crossed = bounds.crossed(value)
    if crossed is None:
        return None
    why = _origin(crossed, unit)
    if crossed is bounds.lower:
        return _(
            "{value} is below the lower bound {bound} of '{id}'{why}",
            value=written(value),
            bound=written(crossed.value),
            id=ident,
            why=why,
        )
    return _(
        "{value} is above the upper bound {bound} of '{id}'{why}",
        value=written(value),
        bound=written(crossed.value),
        id=ident,
        why=why,
    )


def _origin(bound: Bound, unit: str) -> str:
    """Where a bound comes from, when the unit gave it: `` (a value in dagar cannot be negative)``."""
    if not bound.from_unit:
        return ""
    if bound.value == 0:
        return _(" (a value in {unit} cannot be negative)", unit=unit)
    return _(" (a percentage is at most 100)")
