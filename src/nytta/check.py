"""``nytta check`` as a library: load the files, run the rules, apply severities and filters.

Severity is stamped here, never by a rule: the configured severity if there is one,
else the rule's default for the plan's phase. Inline ``# nytta: ignore[rule-id]``
comments, ``--select`` and ``--ignore`` filter the result.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from nytta.diagnostics import CheckResult, Diagnostic, Severity
from nytta.load.plan import PlanDocument, iter_plans
from nytta.model.enums import Phase
from nytta.rules.registry import Context, Rule, all_rules

_IGNORE = re.compile(r"#\s*nytta:\s*ignore\[([^\]]*)\]")


@dataclass(frozen=True)
class CheckOptions:
    as_of: _dt.date
    severities: dict[str, Severity] = field(default_factory=dict)
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    only_plans: bool = False
    since: str | None = None  # a git revision: compare each plan with its version there


@dataclass
class CheckRun:
    """The result plus what the run skipped (YAML files that are not plans)."""

    result: CheckResult
    skipped: list[str]


def check_paths(paths: list[Path], options: CheckOptions) -> CheckRun:
    """Check every plan under ``paths``; raises ``MissingPath`` for a path that does not exist."""
    skipped: list[str] = []
    files: list[str] = []
    diagnostics: list[Diagnostic] = []
    for doc in iter_plans(paths, skipped, options.only_plans):  # one plan in memory at a time
        files.append(doc.file)
        diagnostics.extend(check_document(doc, options, _previous(doc, options.since)))
    result = CheckResult(tuple(files), tuple(sorted(diagnostics, key=lambda d: d.sort_key)))
    return CheckRun(result, skipped)


def _previous(doc: PlanDocument, since: str | None) -> PlanDocument | None:
    """The plan as it was at the git revision ``since`` (None when not asked or not there)."""
    if since is None or doc.source is None:
        return None
    from nytta.diff import load_at_revision, temporary_folder

    with temporary_folder() as folder:
        return load_at_revision(doc.source, since, Path(folder))


def check_document(doc: PlanDocument, options: CheckOptions, previous: PlanDocument | None = None) -> list[Diagnostic]:
    """Every finding for one loaded plan, with severities stamped and filters applied.

    ``previous`` is the plan at an earlier revision, for the rules that compare with it."""
    rules = all_rules()
    found = list(doc.diagnostics)
    if doc.plan is not None:
        context = Context(doc, doc.plan, options.as_of, previous=previous)
        for rule in rules.values():
            if rule.check is not None and _selected(rule.id, options):
                context.rule_id = rule.id
                found.extend(rule.check(context))
    phase = doc.plan.phase if doc.plan is not None else None
    return list(_finish(found, rules, phase, options))


def _selected(rule_id: str, options: CheckOptions) -> bool:
    if options.select and rule_id not in options.select:
        return False
    return rule_id not in options.ignore and options.severities.get(rule_id) is not Severity.OFF


def _finish(
    found: Iterable[Diagnostic], rules: dict[str, Rule], phase: Phase | None, options: CheckOptions
) -> Iterable[Diagnostic]:
    for diagnostic in found:
        if not _selected(diagnostic.rule, options) or _suppressed(diagnostic):
            continue
        rule = rules.get(diagnostic.rule)
        severity = options.severities.get(diagnostic.rule) or (rule.severity_for(phase) if rule else Severity.ERROR)
        yield replace(diagnostic, severity=severity)


def _suppressed(diagnostic: Diagnostic) -> bool:
    if not diagnostic.source_line or "nytta:" not in diagnostic.source_line:
        return False
    for match in _IGNORE.finditer(diagnostic.source_line):
        if diagnostic.rule in {part.strip() for part in match.group(1).split(",")}:
            return True
    return False
