"""Follow up many plans: each plan's status and, for the portfolio report, its nyttokalkyl
and the few facts the portfolio shows.

Each plan file is loaded, analysed (see ``nytta.app.analysis``) and let go in turn (see
``nytta.batch``: in file order, over the CPU cores for a large portfolio), so only these
small results stay in memory, never the plans.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

from nytta.app.analysis import Analysis, analyse
from nytta.batch import in_order
from nytta.config import Config
from nytta.load.files import Candidate, discover
from nytta.load.plan import PlanDocument, load_plan
from nytta.model import followups
from nytta.results.followup import FollowUp, PlanSummary


def follow_up(
    paths: list[Path],
    as_of: _dt.date,
    settings: Config | None = None,
    *,
    summaries: bool = False,
) -> Iterator[FollowUp]:
    """Each plan under ``paths`` followed up on ``as_of``, in file order; the configuration's
    thresholds apply to plans without their own. YAML files found by search that are not
    plans are left out. Raises ``MissingPath`` (before loading anything) for a path that
    does not exist."""
    followed = in_order(_follow_up_file, discover(paths), as_of, settings, summaries)
    return (f for f in followed if f is not None)


def _follow_up_file(candidate: Candidate, as_of: _dt.date, settings: Config | None, summaries: bool) -> FollowUp | None:
    doc = load_plan(candidate.path, candidate.display, explicit=candidate.explicit)
    if doc is None:
        return None
    return follow_up_document(doc, as_of, settings, summaries=summaries)


def follow_up_document(
    doc: PlanDocument,
    as_of: _dt.date,
    settings: Config | None = None,
    *,
    summaries: bool = False,
) -> FollowUp:
    """One loaded plan followed up (see :func:`follow_up`)."""
    if doc.plan is None:
        return FollowUp(doc.file, problem=doc.diagnostics[0] if doc.diagnostics else None)
    analysis = analyse(doc, as_of, settings)
    return FollowUp(doc.file, analysis.status, summarise(analysis) if summaries else None)


def summarise(analysis: Analysis) -> PlanSummary:
    plan = analysis.plan
    categories = tuple(b.category.value if b.category else None for b in plan.benefits)
    proposals = tuple((p.entry.date, p.proposal.text.strip()) for p in followups.open_proposals(plan, analysis.as_of))
    language = str(plan.plan.language.value)
    return PlanSummary(plan.plan.title, plan.plan.organisation, language, categories, analysis.calc, proposals)
