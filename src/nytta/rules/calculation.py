"""Rules about the benefit calculation (nyttokalkyl): valuations, costs, rates and periods."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.enums import Category, Polarity
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, number, rule

_CALC = "calculation:\n  base_year: 2025\n  first_year: 2025\n  last_year: 2028\n  discount_rate: 0.03\n"
_COSTS = "costs:\n  - {id: utveckling, name: Utveckling, kind: investment, amounts: {2025: 500000}}\n"
_REDEPLOY = {
    "category: quality": "category: redeployment\n    alternative_use: Tiden går till tillsyn",
    "    indicators:": "    valuation: {unit_value: 6000}\n    indicators:",
}


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
    `volume` and `attribution`.
    """
    for item in ctx.benefits():
        if item.category in (Category.FINANCIAL, Category.REDEPLOYMENT) and ctx.absent(item, "valuation"):
            if item.category is Category.FINANCIAL:
                yield ctx.at(item.path, _("financial benefit '{id}' has no valuation", id=item.id))
            else:
                yield ctx.at(item.path, _("redeployment benefit '{id}' has no valuation", id=item.id))


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
    "invalid-rate",
    passing=_CALC,
    failing=_CALC.replace("discount_rate: 0.03", "discount_rate: 3  # <-"),
)
def invalid_rate(ctx: Context) -> Iterator[Diagnostic]:
    """A calculation parameter is out of range.

    `discount_rate` is a fraction between 0 and 0.2 (3 % is 0.03); `base_year` lies in
    `first_year`..`last_year`, `first_year` is not after `last_year` and both lie in 1900–2200;
    a valuation's `attribution` is between 0 and 1 and its `volume` is not negative.
    """
    calc = ctx.plan.calculation
    if calc is not None:
        if not 0 <= calc.discount_rate <= 0.2:
            message = _("discount rate {rate} is outside 0–0.2 (write 3 % as 0.03)", rate=number(calc.discount_rate))
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
        if not 0 <= valuation.attribution <= 1:
            message = _("attribution {value} of '{id}' is outside 0–1", value=number(valuation.attribution), id=item.id)
            yield ctx.at((*valuation.path, "attribution"), message)
        if valuation.volume < 0:
            message = _("volume {value} of '{id}' is negative", value=number(valuation.volume), id=item.id)
            yield ctx.at((*valuation.path, "volume"), message)
