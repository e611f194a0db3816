"""Rules about the benefit calculation (nyttokalkyl): valuations, costs, rates and periods."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.enums import Category, Polarity
from nytta.model.plan import HourlyCost, Range
from nytta.model.units import hours_per_unit
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, rule, written

Path = tuple[str | int, ...]

_CALC = "calculation:\n  base_year: 2025\n  first_year: 2025\n  last_year: 2028\n  discount_rate: 0.03\n"
_COSTS = "costs:\n  - {id: utveckling, name: Utveckling, kind: investment, amounts: {2025: 500000}}\n"
_REDEPLOY = {
    "category: quality": "category: redeployment\n    alternative_use: Tiden går till tillsyn",
    "    indicators:": "    valuation: {unit_value: 6000}\n    indicators:",
}
#: The keys a range's ends may be written as (``lägst`` …), in the models' order.
_RANGE_KEYS = {"low": ("low", "lägst", "lagst"), "likely": ("likely", "troligt"), "high": ("high", "högst", "hogst")}


def _ends(ctx: Context, estimate: float | Range, path: Path) -> Iterator[tuple[str, float, Path]]:
    """The values of an estimate with the key each is written under and its path: one
    value (no key) for a number, the three ends of a range under their keys as written."""
    if not isinstance(estimate, Range):
        yield "", estimate, path
        return
    written_at = estimate.path or path
    located = ctx.doc.yaml.positions.values if ctx.doc.yaml is not None else {}
    for end, keys in _RANGE_KEYS.items():
        key = next((k for k in keys if (*written_at, k) in located), end)
        yield key, getattr(estimate, end), (*written_at, key)


@rule(
    "missing-valuation",
    passing=benefit_block(replace=_REDEPLOY) + _CALC,
    failing=benefit_block(replace={"category: quality": "category: financial"}, mark="- id: kortare-tid") + _CALC,
)
def missing_valuation(ctx: Context) -> Iterator[Diagnostic]:
    """A financial or redeployment benefit has no valuation.

    Financial benefits (budget that is taken out) and redeployment benefits (resources
    freed for other use, omfördelningsnytta) are worth money: give `valuation` with
    `unit_value` (kronor per unit of indicator change per year), and optionally
    `volume` and `attribution`. A `size` does not replace the valuation of these two
    categories. A quality or environment benefit need not be valued in money: it may
    carry a `size` (small, moderate or large) instead, as a deliberate choice (see
    `missing-size`).
    """
    for item in ctx.benefits():
        if item.category in (Category.FINANCIAL, Category.REDEPLOYMENT) and ctx.absent(item, "valuation"):
            sized = item.size is not None
            if item.category is Category.FINANCIAL and sized:
                message = _(
                    "financial benefit '{id}' has no valuation (a size does not replace it for a financial benefit)", id=item.id
                )
            elif item.category is Category.FINANCIAL:
                message = _("financial benefit '{id}' has no valuation", id=item.id)
            elif sized:
                message = _(
                    "redeployment benefit '{id}' has no valuation (a size does not replace it for a redeployment benefit)",
                    id=item.id,
                )
            else:
                message = _("redeployment benefit '{id}' has no valuation", id=item.id)
            yield ctx.at(item.path, message)


@rule(
    "missing-size",
    severity=Severity.WARNING,
    passing=benefit_block(replace={"category: quality": "category: quality\n    size: moderate"}) + _CALC,
    failing=benefit_block(mark="- id: kortare-tid") + _CALC,
)
def missing_size(ctx: Context) -> Iterator[Diagnostic]:
    """A quality or environment benefit has neither a valuation nor a size.

    In a plan with a nyttokalkyl (a `calculation` block), every benefit is either valued
    in money or given a `size`: small, moderate or large (liten, måttlig, stor), so that
    the calculation can list the benefits not valued in money beside its figures.
    Quality and environment benefits are often not valued in money; say how large the
    benefit is instead. Dis-benefits are not asked for a size.
    """
    if ctx.plan.calculation is None:
        return
    for item in ctx.benefits():
        if (
            item.category in (Category.QUALITY, Category.ENVIRONMENT)
            and item.polarity is Polarity.BENEFIT
            and ctx.absent(item, "valuation")
            and ctx.absent(item, "size")
        ):
            message = _(
                "benefit '{id}' has neither a valuation nor a size; give one of them, a size as small, moderate or large",
                id=item.id,
            )
            yield ctx.at(item.path, message)


@rule(
    "hourly-cost-unit",
    severity=Severity.WARNING,
    passing=benefit_block(
        replace={
            "category: quality": "category: redeployment\n    alternative_use: Tiden går till tillsyn",
            "    indicators:": "    valuation: {unit_value: {monthly_salary: 38000}, volume: 12}\n    indicators:",
            "unit: days": "unit: timmar",
        }
    )
    + _CALC,
    failing=benefit_block(
        replace={
            "category: quality": "category: redeployment\n    alternative_use: Tiden går till tillsyn",
            "    indicators:": "    valuation:\n      unit_value: {monthly_salary: 38000}  # <-\n    indicators:",
        }
    )
    + _CALC,
)
def hourly_cost_unit(ctx: Context) -> Iterator[Diagnostic]:
    """A valuation at an hourly cost has an indicator not measured in hours or minutes.

    `unit_value: {monthly_salary: …}` values each hour at the hourly cost worked out from
    the monthly salary (monthly salary / (hours_per_fte / 12) × (1 + employer_contributions)).
    That is only right when the benefit's valuation indicator (its primary one, or else its
    first) counts hours or minutes (`timmar`, `h`, `minuter` …): otherwise each unit of the
    indicator is valued as if it were an hour.
    """
    for item in ctx.benefits():
        valuation = item.valuation
        indicator = item.valuation_indicator
        if valuation is None or not isinstance(valuation.unit_value, HourlyCost) or indicator is None:
            continue
        if hours_per_unit(indicator.unit) is None:
            message = _(
                "benefit '{id}' is valued at an hourly cost (monthly_salary), but its indicator '{indicator}' "
                "is measured in '{unit}', not in hours or minutes",
                id=item.id,
                indicator=indicator.id,
                unit=indicator.unit,
            )
            yield ctx.at((*valuation.path, "unit_value"), message)


@rule(
    "missing-alternative-use",
    severity=Severity.WARNING,
    passing=benefit_block(replace=_REDEPLOY) + _CALC,
    failing=benefit_block(
        replace={
            "category: quality": "category: redeployment",
            "    indicators:": "    valuation: {unit_value: 6000}\n    indicators:",
        },
        mark="- id: kortare-tid",
    )
    + _CALC,
)
def missing_alternative_use(ctx: Context) -> Iterator[Diagnostic]:
    """A redeployment benefit does not say what the freed resources go to.

    A redeployment benefit (omfördelningsnytta) only becomes a benefit when the freed
    time or money is used for something else: say what in `alternative_use`.
    """
    for item in ctx.benefits():
        if item.category is Category.REDEPLOYMENT and item.polarity is Polarity.BENEFIT and ctx.absent(item, "alternative_use"):
            message = _("redeployment benefit '{id}' does not say what the freed resources go to (alternative_use)", id=item.id)
            yield ctx.at(item.path, message)


@rule(
    "missing-calculation",
    passing=_COSTS + _CALC,
    failing=_COSTS.replace("costs:", "costs:  # <-", 1),
)
def missing_calculation(ctx: Context) -> Iterator[Diagnostic]:
    """The plan has costs or valuations but no `calculation`.

    The nyttokalkyl needs `base_year`, `first_year`, `last_year` and
    `discount_rate` (Inera's default is 0.03).
    """
    if not ctx.absent(ctx.plan, "calculation"):
        return
    if ctx.plan.costs:
        yield ctx.at(("costs",), _("the plan has costs but no calculation block"), at_key=True)
        return
    for item in ctx.benefits():
        if item.valuation is not None:
            yield ctx.at((*item.path, "valuation"), _("the plan has valuations but no calculation block"), at_key=True)
            return


@rule(
    "flow-outside-period",
    passing=_COSTS + _CALC,
    failing="costs:\n  - id: utveckling\n    name: Utveckling\n    kind: investment\n    amounts:\n"
    "      2025: 500000\n      2030: 100000  # <-\n" + _CALC,
)
def flow_outside_period(ctx: Context) -> Iterator[Diagnostic]:
    """A cost falls in a year outside the calculation period.

    Every year in a cost's `amounts` lies within `first_year`..`last_year` of the
    calculation, or the nyttokalkyl would silently leave it out.
    """
    calc = ctx.plan.calculation
    if calc is None:
        return
    for cost in ctx.plan.costs:
        for year in cost.amounts:
            if not calc.first_year <= year <= calc.last_year:
                yield ctx.at(
                    (*cost.path, "amounts", year),
                    _(
                        "cost '{id}' has an amount in {year}, outside the calculation period {first}–{last}",
                        id=cost.id,
                        year=year,
                        first=calc.first_year,
                        last=calc.last_year,
                    ),
                    at_key=True,
                )


@rule(
    "range-order",
    passing=benefit_block(
        replace={
            "category: quality": "category: financial",
            "    indicators:": "    valuation:\n      unit_value: {lägst: 5000, troligt: 6000, högst: 8000}\n    indicators:",
        }
    )
    + _CALC,
    failing=benefit_block(
        replace={
            "category: quality": "category: financial",
            "    indicators:": "    valuation:\n      unit_value: {low: 7000, likely: 6000, high: 8000}  # <-\n    indicators:",
        }
    )
    + _CALC,
)
def range_order(ctx: Context) -> Iterator[Diagnostic]:
    """A range is not in order: its low value is above its likely one, or its likely value above its high one.

    An estimate written as a range `{low, likely, high}` (`{lägst, troligt, högst}`) gives
    the lowest, the likely and the highest value: low ≤ likely ≤ high. The nyttokalkyl's
    low scenario takes every low value at once, and its high scenario every high one, so a
    range out of order turns them around.
    """
    for item in ctx.benefits():
        if item.valuation is None:
            continue
        for field, estimate in item.valuation.estimates():
            values = _out_of_order(estimate)
            if isinstance(estimate, Range) and values is not None:
                message = _(
                    "{field} of '{id}' is a range out of order: low {low}, likely {likely}, high {high} "
                    "(write it so that low ≤ likely ≤ high)",
                    field=field,
                    id=item.id,
                    **values,
                )
                yield ctx.at(estimate.path, message)
    for cost in ctx.plan.costs:
        for year, amount in cost.amounts.items():
            values = _out_of_order(amount)
            if isinstance(amount, Range) and values is not None:
                message = _(
                    "the {year} amount of cost '{id}' is a range out of order: low {low}, likely {likely}, high {high} "
                    "(write it so that low ≤ likely ≤ high)",
                    year=year,
                    id=cost.id,
                    **values,
                )
                yield ctx.at(amount.path, message)


def _out_of_order(estimate: float | Range) -> dict[str, str] | None:
    """The three values of a range as written, when it is not low ≤ likely ≤ high; else None."""
    if not isinstance(estimate, Range) or estimate.low <= estimate.likely <= estimate.high:
        return None
    return {"low": written(estimate.low), "likely": written(estimate.likely), "high": written(estimate.high)}


@rule(
    "invalid-rate",
    passing=_CALC,
    failing=_CALC.replace("discount_rate: 0.03", "discount_rate: 3  # <-"),
)
def invalid_rate(ctx: Context) -> Iterator[Diagnostic]:
    """A calculation parameter is out of range.

    `discount_rate` is a fraction between 0 and 0.2 (3 % is 0.03); `base_year` lies in
    `first_year`..`last_year`, `first_year` is not after `last_year` and both lie in 1900–2200;
    a valuation's `attribution` is between 0 and 1 and its `volume` is not negative, each
    value of a range too.
    """
    calc = ctx.plan.calculation
    if calc is not None:
        if not 0 <= calc.discount_rate <= 0.2:
            message = _("discount rate {rate} is outside 0–0.2 (write 3 % as 0.03)", rate=written(calc.discount_rate))
            yield ctx.at((*calc.path, "discount_rate"), message)
        years = (("first_year", calc.first_year), ("last_year", calc.last_year))
        outside = [key for key, year in years if not 1900 <= year <= 2200]
        if outside:
            yield ctx.at(
                (*calc.path, outside[0]),
                _(
                    "the calculation period {first}–{last} lies outside the years 1900–2200",
                    first=calc.first_year,
                    last=calc.last_year,
                ),
            )
        elif calc.first_year > calc.last_year:
            message = _("first_year {first} is after last_year {last}", first=calc.first_year, last=calc.last_year)
            yield ctx.at((*calc.path, "first_year"), message)
        elif not calc.first_year <= calc.base_year <= calc.last_year:
            message = _(
                "base_year {base} is outside {first}–{last}", base=calc.base_year, first=calc.first_year, last=calc.last_year
            )
            yield ctx.at((*calc.path, "base_year"), message)
    for item in ctx.benefits():
        valuation = item.valuation
        if valuation is None:
            continue
        for key, value, path in _ends(ctx, valuation.attribution, (*valuation.path, "attribution")):
            if 0 <= value <= 1:
                continue
            if key:
                message = _("attribution {key}: {value} of '{id}' is outside 0–1", key=key, value=written(value), id=item.id)
            else:
                message = _("attribution {value} of '{id}' is outside 0–1", value=written(value), id=item.id)
            yield ctx.at(path, message)
        for key, value, path in _ends(ctx, valuation.volume, (*valuation.path, "volume")):
            if value >= 0:
                continue
            if key:
                message = _("volume {key}: {value} of '{id}' is negative", key=key, value=written(value), id=item.id)
            else:
                message = _("volume {value} of '{id}' is negative", value=written(value), id=item.id)
            yield ctx.at(path, message)
