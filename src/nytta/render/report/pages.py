"""Reports that are pages of a set: the links between them, and what a portfolio shows of each plan
beyond its follow-up (the benefit owners of its deviations).

`nytta report plans/ -o rapport/` writes `index.html` and one report per plan; the index
links to each plan's report and each plan's report back to the index, all by relative
links. The application builds these from the plans it followed up; a plain
`PortfolioReport` or `PlanReport` renders as a single page without links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from nytta.results.report import PlanReport, PortfolioReport

_HREF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")


@dataclass(frozen=True)
class PlanFacts:
    """What the portfolio shows of one plan beyond its status and summary."""

    owners: Mapping[str, str] = field(default_factory=dict)  # benefit id → the benefit owner's name
    href: str = ""  # the plan's own report, relative to the portfolio page; "" when there is none


@dataclass(frozen=True)
class LinkedPortfolio(PortfolioReport):
    """A portfolio report with the facts of each plan followed, in the same order."""

    facts: tuple[PlanFacts, ...] = ()


@dataclass(frozen=True)
class LinkedPlan(PlanReport):
    """A plan report that is one page of a portfolio: it links back to the portfolio page."""

    index_href: str = ""


def safe_href(href: str) -> str:
    """A relative link to a file nytta named (letters, digits, '.', '_', '-', in folders), as
    markup so that Markdown keeps it whole; anything else is no link."""
    return Markup(href) if _HREF.fullmatch(href) else ""
