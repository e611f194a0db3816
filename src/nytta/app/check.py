"""``nytta check``: validate plans against format v1 and the method's rules."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import rule_ids, settings
from nytta.app.errors import UsageProblem
from nytta.results.check import CheckReport


@dataclass(frozen=True)
class Options:
    paths: tuple[Path, ...]
    as_of: _dt.date
    config: Path | None = None
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    strict: bool = False
    only_plans: bool = False
    since: str | None = None  # a git revision to compare each plan with


def run(options: Options) -> CheckReport:
    """Every finding of every plan under the paths, with the rules they name."""
    from nytta.check import CheckOptions, check_paths
    from nytta.load.files import MissingPath
    from nytta.load.git import GitError
    from nytta.rules.registry import all_rules

    config = settings(options.config)
    check_options = CheckOptions(
        as_of=options.as_of,
        severities=config.severities,
        select=rule_ids(options.select, "--select"),
        ignore=rule_ids(options.ignore, "--ignore"),
        only_plans=options.only_plans,
        since=options.since,
    )
    try:
        checked = check_paths(list(options.paths), check_options)
    except (MissingPath, GitError) as exc:
        raise UsageProblem(str(exc)) from None
    rules = {rule_id: rule.info() for rule_id, rule in all_rules().items()}
    return CheckReport(checked.result, rules, tuple(checked.skipped), options.strict)
