"""``nytta calc``: the nyttokalkyl of one plan."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.errors import UsageProblem
from nytta.results.calc import CalcReport


@dataclass(frozen=True)
class Options:
    plan: Path
    as_of: _dt.date
    rate: float | None = None  # a discount rate instead of the plan's, for a sensitivity run


def run(options: Options) -> CalcReport:
    from nytta.app.plans import one_plan, unreadable_plan
    from nytta.compute.calc import MissingCalculation, calculate

    doc = one_plan(options.plan)
    if doc.plan is None:
        return CalcReport(None, (unreadable_plan(doc),))
    try:
        return CalcReport(calculate(doc, options.as_of, options.rate))
    except MissingCalculation as exc:
        raise UsageProblem(str(exc)) from None
