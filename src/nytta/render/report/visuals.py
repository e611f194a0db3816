"""The report's pictures from a plan: indicator charts and the effect chain, in the report's language.

This module only gathers the points and words; `chart` and `chain` draw them (escaping
every text), so what they return is marked as markup for the templates.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from markupsafe import Markup

from nytta.model.bounds import limits
from nytta.model.plan import Benefit, Indicator, Plan
from nytta.model.types import number
from nytta.render.report.chain import ChainNode
from nytta.render.report.chain import chain_mermaid as _mermaid
from nytta.render.report.chain import chain_svg as _svg
from nytta.render.report.chart import ChartData, ChartText, line_chart
from nytta.render.report.formatting import Formatter
from nytta.render.report.labels import CHAIN_KIND, TEXT
from nytta.results.analysis import PlanAnalysis
from nytta.results.status import IndicatorStatus
from nytta.rules.graph import links

_CHART_WORDS = {
    "sv": {
        "baseline": "Nollmätning",
        "planned": "Planerat",
        "target": "Målvärde",
        "original": "Ursprungligt målvärde",
        "actual": "Utfall",
        "forecast": "Prognos",
        "as_of": "Idag",
    },
    "en": {
        "baseline": "Baseline",
        "planned": "Planned",
        "target": "Target",
        "original": "Original target",
        "actual": "Actual",
        "forecast": "Forecast",
        "as_of": "As of",
    },
}


def indicator_chart(
    fmt: Formatter,
    analysis: PlanAnalysis,
    benefit: Benefit,
    indicator: Indicator,
    status: IndicatorStatus,
    originals: Sequence[tuple[_dt.date, float]] = (),
) -> str:
    """An SVG line chart of the indicator, or an empty string for a qualitative one; ``originals``
    are targets as they were before a revision changed them, drawn dashed."""
    if status.status.value == "qualitative":
        return ""
    text = TEXT[fmt.lang]
    as_of = analysis.as_of
    actual = sorted(
        (o.date, float(o.value))
        for o in analysis.doc.observations_of(indicator.id)
        if o.is_actual and o.date <= as_of and number(o.value) is not None
    )
    final = indicator.final_target
    forecast = (final.date, status.forecast) if final is not None and status.forecast is not None else None
    base = indicator.baseline
    bounds = limits(indicator)
    data = ChartData(
        chart_id=f"chart-{indicator.id}",
        title=f"{indicator.name} ({indicator.unit})",
        unit=indicator.unit,
        baseline=(base.date, base.value) if base is not None and isinstance(base.value, float) else None,
        planned=list(analysis.planned_points(indicator)),
        targets=[(t.date, t.value) for t in indicator.targets if isinstance(t.value, float)],
        actual=actual,
        forecast=forecast,
        as_of=as_of,
        value_format=fmt.number,
        date_format=fmt.date,
        original_targets=list(originals),
        bounds=(bounds.lower.value if bounds.lower else None, bounds.upper.value if bounds.upper else None),
    )
    words = _CHART_WORDS[fmt.lang]
    description = f"{text['status']}: {fmt.status(status.status)}. " + (
        f"{words['actual']} {fmt.value(status.latest.value)} {indicator.unit} ({fmt.date(status.latest.date)})."
        if status.latest
        else text["chart_no_data"] + "."
    )
    chart_text = ChartText(
        x_axis=text["chart_x"],
        y_axis=indicator.unit,
        description=description,
        no_data=text["chart_no_data"],
        **words,
    )
    return Markup(line_chart(data, chart_text))


def _chain(plan: Plan, lang: str) -> tuple[list[ChainNode], list[tuple[str, str]]]:
    nodes = [ChainNode(n.id, n.name, n.type.value) for n in plan.chain]
    nodes += [ChainNode(b.id, b.name, "disbenefit" if b.is_disbenefit else "benefit") for b in plan.benefits]
    nodes += [ChainNode(g.id, g.name, "goal") for g in plan.goals]
    edges = [(source, target) for source, targets in links(plan).items() for target, _ in targets]
    return nodes, edges


def chain_svg(plan: Plan, lang: str) -> str:
    """The effect chain as an inline SVG diagram (empty when the plan has no chain or benefits)."""
    if not plan.chain and not plan.benefits:
        return ""
    nodes, edges = _chain(plan, lang)
    text = TEXT[lang]
    return Markup(_svg(nodes, edges, CHAIN_KIND[lang], text["effect_chain"], text["chain_description"]))


def chain_mermaid(plan: Plan, lang: str) -> str:
    """The effect chain as a Mermaid flowchart body (empty when there is nothing to draw)."""
    if not plan.chain and not plan.benefits:
        return ""
    nodes, edges = _chain(plan, lang)
    return Markup(_mermaid(nodes, edges, CHAIN_KIND[lang]))
