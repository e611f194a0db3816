"""Targets a revision changed, read from the plan's own words, and the plan's change log.

Format v1 records a revision as free text (`revisions: [{date, by, reason, changes}]`),
and a target as its current value only. A target counts as revised when either

- a clause of a revision's `changes` says "från A till B" (or "from A to B"), B is the
  current value of exactly one target, and the clause names that target's date, or its
  indicator or benefit (by id or name); the revision gives the date and who changed it; or
- the target's own `note` says it was changed ("justerat från A", "lowered from A") —
  then the date is that of a revision naming the same change, if any.

A target is *lowered* when the new value asks for less than the old one in the
indicator's direction (for a dis-benefit: when it tolerates more harm). Nothing here
guesses: a clause that fits no target, or more than one, is left as the text it is.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nytta.model.enums import Direction
from nytta.model.plan import Benefit, Indicator, Plan, Revision, Target

_NUMBER = r"-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?"
_FROM_TO = re.compile(
    rf"\b(?:från|from)\s+({_NUMBER})(?:\s+[^\d\s;]+){{0,3}}?\s+(?:till|to)\s+({_NUMBER})(?![\d])",
    re.IGNORECASE,
)
_NOTE_FROM = re.compile(rf"\b(?:från|from)\s+({_NUMBER})(?![\d-])", re.IGNORECASE)
_CHANGED = re.compile(r"justera|sänk|höj|ändra|revider|adjust|lower|raise|revis|chang", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_CLAUSE = re.compile(r";|\n|\.(?=\s|$)")


@dataclass(frozen=True)
class TargetChange:
    """One target whose value a revision changed."""

    benefit: Benefit
    indicator: Indicator
    target: Target
    original: float
    revision: Revision | None  # the entry that made the change, when one names it

    @property
    def current(self) -> float:
        assert isinstance(self.target.value, float)
        return self.target.value

    @property
    def lowered(self) -> bool:
        """The new target asks for less in the indicator's direction (tolerates more harm)."""
        sign = {Direction.INCREASE: 1, Direction.DECREASE: -1}.get(self.indicator.direction, 0)
        return sign * (self.current - self.original) < 0


@dataclass(frozen=True)
class _Candidate:
    benefit: Benefit
    indicator: Indicator
    target: Target


def target_changes(plan: Plan) -> tuple[TargetChange, ...]:
    """Every target of ``plan`` that a revision or the target's own note says was changed."""
    found: dict[tuple[str, _dt.date], TargetChange] = {}
    for revision in sorted(plan.revisions, key=lambda r: r.date or _dt.date.min):
        for change in _from_revision(plan, revision):
            found[(change.indicator.id, change.target.date)] = change
    for change in _from_notes(plan):
        found.setdefault((change.indicator.id, change.target.date), change)
    order = {(i.id, t.date): n for n, (_, i, t) in enumerate(_targets(plan))}
    return tuple(sorted(found.values(), key=lambda c: order[(c.indicator.id, c.target.date)]))


def _targets(plan: Plan) -> Iterator[tuple[Benefit, Indicator, Target]]:
    for benefit in plan.benefits:
        for indicator in benefit.indicators:
            for target in indicator.targets:
                yield benefit, indicator, target


def _from_revision(plan: Plan, revision: Revision) -> Iterator[TargetChange]:
    for clause in _CLAUSE.split(revision.changes or ""):
        dates = {_dt.date.fromisoformat(d) for d in _DATE.findall(clause) if _is_date(d)}
        for old, new in _FROM_TO.findall(_DATE.sub(" ", clause)):
            original, current = _number(old), _number(new)
            if original is None or current is None or _same(original, current):
                continue
            match = _one_target(plan, clause, dates, current)
            if match is not None:
                yield TargetChange(match.benefit, match.indicator, match.target, original, revision)


def _one_target(plan: Plan, clause: str, dates: set[_dt.date], value: float) -> _Candidate | None:
    """The one target with ``value`` that the clause points at by date or by name, if exactly one."""
    candidates = [_Candidate(b, i, t) for b, i, t in _targets(plan) if isinstance(t.value, float) and _same(t.value, value)]
    if dates:
        candidates = [c for c in candidates if c.target.date in dates]
    named = [c for c in candidates if _names(clause, c.indicator) or _names(clause, c.benefit)]
    if named:
        candidates = named
    elif not dates:
        return None
    return candidates[0] if len(candidates) == 1 else None


def _from_notes(plan: Plan) -> Iterator[TargetChange]:
    for benefit, indicator, target in _targets(plan):
        note = target.note or ""
        found = _NOTE_FROM.search(note)
        original = _number(found.group(1)) if found and _CHANGED.search(note) else None
        if original is None or not isinstance(target.value, float) or _same(original, target.value):
            continue
        yield TargetChange(benefit, indicator, target, original, _naming(plan, indicator, original, target.value))


def _naming(plan: Plan, indicator: Indicator, original: float, current: float) -> Revision | None:
    """The latest revision whose text changes this indicator's target from ``original`` to ``current``."""
    for revision in sorted(plan.revisions, key=lambda r: r.date or _dt.date.min, reverse=True):
        text = revision.changes or ""
        pairs = [(_number(a), _number(b)) for a, b in _FROM_TO.findall(_DATE.sub(" ", text))]
        if (original, current) in pairs and _names(text, indicator):
            return revision
    return None


def _names(text: str, item: Benefit | Indicator) -> bool:
    """Whether ``text`` names ``item`` by its id (as a word) or its name."""
    lowered = text.casefold()
    by_id = re.search(rf"(?<![\w-]){re.escape(item.id.casefold())}(?![\w-])", lowered) is not None
    return by_id or item.name.casefold() in lowered


def _number(text: str) -> float | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _is_date(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
