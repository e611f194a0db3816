"""What a plan report shows of the plan's follow-ups and of its measurement series: the
latest commentary, what the steering group is asked to decide, the decision history, and
the gaps in periodic series for the data quality section.

"Att ta ställning till" (decisions to take) gathers, in this order: the proposals no
decision answers yet, a missing approval, the benefits that missed their target, are off
track or at risk, and the overdue measurements.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nytta.diagnostics import Diagnostic
from nytta.model import followups
from nytta.model.enums import Frequency, Polarity
from nytta.model.plan import Plan
from nytta.render.report.benefits import Row
from nytta.render.report.formatting import Formatter, harm_share
from nytta.render.report.labels import TEXT
from nytta.results.analysis import PlanAnalysis
from nytta.results.status import BenefitStatus, PlanStatus, Status
from nytta.rules import gaps

#: The benefit statuses the steering group is asked to act on, worst first, and their words.
ATTENTION = {Status.MISSED: "missed_benefit", Status.OFF_TRACK: "off_track_benefit", Status.AT_RISK: "at_risk_benefit"}


@dataclass(frozen=True)
class CommentaryView:
    """The latest follow-up's commentary: a heading (its date), who wrote it, its paragraphs."""

    heading: str
    author: str
    paragraphs: tuple[str, ...]


def commentary(fmt: Formatter, plan: Plan, as_of: _dt.date, names: Mapping[str, str]) -> CommentaryView | None:
    """The commentary of the latest follow-up on ``as_of`` that has one; None when none has."""
    written = [e for e in followups.known(plan, as_of) if e.commentary and e.commentary.strip()]
    if not written:
        return None
    entry = written[-1]
    assert entry.commentary is not None
    paragraphs = paragraphs_of(entry.commentary)
    heading = TEXT[fmt.lang]["commentary_heading"].format(date=fmt.date(entry.date))
    author = names.get(entry.author or "", entry.author or "")
    return CommentaryView(heading, author, paragraphs)


def paragraphs_of(text: str) -> tuple[str, ...]:
    """The paragraphs of a text from the plan, each on one line: separated by blank lines
    when it has any (a literal ``|`` block, or lines in quotes), else by its line breaks (a
    folded ``>`` block keeps a line break only where a blank line was)."""
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text.strip()) else text.split("\n")
    return tuple(" ".join(part.split()) for part in parts if part.strip())


def decisions_to_take(fmt: Formatter, analysis: PlanAnalysis, plan: Plan) -> tuple[Row, ...]:
    """Everything under "Att ta ställning till", each a label and what it is about."""
    text = TEXT[fmt.lang]
    rows = [
        Row(text["proposal_label"].format(date=fmt.date(p.entry.date)), (p.proposal.text.strip(),))
        for p in followups.open_proposals(plan, analysis.as_of)
    ]
    if any(d.rule == "missing-approval" for d in analysis.diagnostics):
        rows.append(Row(text["approval_label"], (text["approval_missing"],)))
    rows += _benefits(fmt, analysis.status)
    for benefit in analysis.status.benefits:
        rows += [Row(i.name, (f"{text['overdue_measurement']} {fmt.date(i.next_due)}",)) for i in benefit.indicators if i.overdue]
    return tuple(rows)


def _benefits(fmt: Formatter, status: PlanStatus) -> list[Row]:
    """The benefits that missed their target, then those off track, then those at risk, each
    with the share of the planned improvement (of the accepted harm) that decided it."""
    text = TEXT[fmt.lang]
    rows = []
    for worst, words in ATTENTION.items():
        for benefit in (b for b in status.benefits if b.status is worst):
            share = _share(fmt, benefit)
            rows.append(Row(benefit.name, (text[words] + (f" ({share})" if share else ""),)))
    return rows


def _share(fmt: Formatter, benefit: BenefitStatus) -> str:
    """``79 % av den planerade förbättringen``: the deciding indicator's achievement (for a
    dis-benefit its share of the accepted harm); empty for a missed target or without one."""
    chosen = [i for i in benefit.indicators if i.primary] or [i for i in benefit.indicators if i.status is benefit.status]
    if benefit.status is Status.MISSED or not chosen or chosen[0].achievement is None:
        return ""
    disbenefit = benefit.polarity is Polarity.DISBENEFIT
    share = harm_share(chosen[0]) if disbenefit else chosen[0].achievement
    key = "reason_harm" if disbenefit else "reason_track"
    return TEXT[fmt.lang][key].format(share=fmt.percent(share)) if share is not None else ""


def decision_history(fmt: Formatter, plan: Plan, as_of: _dt.date, names: Mapping[str, str]) -> tuple[Row, ...]:
    """Each decision known on ``as_of``, oldest first: its date; what was decided, by whom,
    and the proposal it answers."""
    proposals = followups.proposal_by_id(plan)
    rows = []
    for placed in followups.decision_history(plan, as_of):
        decision = placed.decision
        proposal = proposals.get(decision.proposal or "")
        answered = proposal.text.strip() if proposal is not None else (decision.proposal or "–")
        decided_by = names.get(decision.decided_by or "", decision.decided_by or "–")
        rows.append(Row(fmt.date(placed.date), (decision.text.strip(), decided_by, answered)))
    return tuple(rows)


def gap_rows(fmt: Formatter, analysis: PlanAnalysis, findings: Sequence[Diagnostic]) -> tuple[Row, ...]:
    """Each gap in a periodic series that `nytta check` reported (so a gap the configuration
    turns off or a comment suppresses is not listed): the indicator; the missing periods,
    and the measurements before and after."""
    doc = analysis.doc
    reported = {(d.file, d.line, d.column) for d in findings if d.rule == "measurement-gap"}
    assert doc.plan is not None
    rows = []
    for benefit in doc.plan.benefits:
        for indicator in benefit.indicators:
            for gap, after in gaps.indicator_gaps(doc, indicator, analysis.as_of):
                place = doc.at_observation("measurement-gap", after, "date", "")
                if (place.file, place.line, place.column) in reported:
                    assert indicator.frequency is not None
                    rows.append(Row(indicator.name, (_periods(fmt, gap, indicator.frequency), _between(fmt, gap))))
    return tuple(rows)


def _periods(fmt: Formatter, gap: gaps.Gap, frequency: Frequency) -> str:
    text = TEXT[fmt.lang]
    labels = gaps.period_labels(gap, frequency, text["quarter"], text["half_year"])
    if gap.count > gaps.LISTED:
        return text["periods_range"].format(first=labels[0], last=labels[-1], n=gap.count)
    if len(labels) == 1:
        return labels[0]
    return text["periods_and"].format(items=", ".join(labels[:-1]), last=labels[-1])


def _between(fmt: Formatter, gap: gaps.Gap) -> str:
    return TEXT[fmt.lang]["gap_between"].format(before=fmt.date(gap.before), after=fmt.date(gap.after))
