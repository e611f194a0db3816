"""Rules about follow-ups (`follow_ups`): proposals left without a decision, and decisions
that do not say when they were taken or by whom."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model import followups
from nytta.rules.registry import Context, rule

_EARLIER = (
    "follow_ups:\n"
    "  - date: 2026-06-30\n"
    "    author: anna\n"
    "    commentary: Handläggningstiden minskar långsammare än planerat.\n"
    "    proposals:\n"
    "      - {id: fler-handlaggare, text: Förstärk handläggningen med två årsarbetare under hösten}\n"
)
_LATER = "  - date: 2026-09-30\n    author: anna\n    commentary: Tiden är nu nära planen.\n"
_DECIDED = (
    "    decisions:\n"
    "      - {text: Två handläggare förstärker hösten 2026, date: 2026-09-30, decided_by: Styrgruppen,"
    " proposal: fler-handlaggare}\n"
)
_UNDECIDED_BY = "      - {text: Två handläggare förstärker hösten 2026, date: 2026-09-30, proposal: fler-handlaggare}  # <-\n"

#: How long a quoted proposal or decision may be in a message.
QUOTE_LENGTH = 60


@rule(
    "open-proposal",
    severity=Severity.WARNING,
    passing=_EARLIER + _LATER + _DECIDED,
    failing=_EARLIER.replace("hösten}\n", "hösten}  # <-\n") + _LATER,
)
def open_proposal(ctx: Context) -> Iterator[Diagnostic]:
    """A proposal has no decision though a later follow-up has been held.

    A proposal (beslutsförslag) in a follow-up is for the steering group to decide on. By
    the next follow-up it should have a decision: an entry in some follow-up's `decisions`
    whose `proposal` names the proposal's id. A proposal written as text alone has no id,
    so give it one (`{id, text}`) to record its decision. Proposals of the latest
    follow-up are not reported: they are what the steering group decides on now.
    """
    latest = followups.latest(ctx.plan, ctx.as_of)
    if latest is None:
        return
    for placed in followups.open_proposals(ctx.plan, ctx.as_of):
        if placed.entry.date >= latest.date:
            continue
        proposal = placed.proposal
        if proposal.id is not None:
            message = _(
                "proposal '{id}' from the follow-up of {date} still has no decision at the follow-up of {latest}",
                id=proposal.id,
                date=placed.entry.date,
                latest=latest.date,
            )
            yield ctx.at(placed.path, message)
        else:
            message = _(
                "proposal '{text}' from the follow-up of {date} still has no decision at the follow-up of {latest}; "
                "give it an id and name that id in the decision's 'proposal'",
                text=quoted(proposal.text),
                date=placed.entry.date,
                latest=latest.date,
            )
            yield ctx.at(placed.path, message)


@rule(
    "incomplete-decision",
    passing=_EARLIER + _LATER + _DECIDED,
    failing=_EARLIER + _LATER + "    decisions:\n" + _UNDECIDED_BY,
)
def incomplete_decision(ctx: Context) -> Iterator[Diagnostic]:
    """A decision does not say when it was taken or who took it.

    A decision (beslut) in a follow-up's `decisions` records what was decided (`text`),
    the day it was decided (`date`) and who decided it (`decided_by`: the steering group,
    or the manager who decided), so that the decision history can be trusted later.
    """
    for entry in ctx.plan.follow_ups:
        for placed in followups.decisions(entry):
            no_date = placed.decision.date is None and not ctx.doc.was_dropped((*placed.path, "date"))
            no_one = not placed.decision.decided_by and not ctx.doc.was_dropped((*placed.path, "decided_by"))
            text = quoted(placed.decision.text)
            if no_date and no_one:
                message = _("decision '{text}' has neither a date nor who took it: add date and decided_by", text=text)
            elif no_date:
                message = _("decision '{text}' has no date: add date, the day it was taken", text=text)
            elif no_one:
                message = _(
                    "decision '{text}' does not say who took it: add decided_by (the steering group, or who decided)",
                    text=text,
                )
            else:
                continue
            yield ctx.at(placed.path, message)


def quoted(text: str) -> str:
    """A text as a message quotes it: on one line, cut short after a whole word with '…'."""
    line = " ".join(text.split())
    if len(line) <= QUOTE_LENGTH:
        return line
    cut = line[:QUOTE_LENGTH]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;:") + "…"
