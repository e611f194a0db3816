"""What several commands share: configuration, languages, rule ids, files that must exist."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nytta.app.errors import UsageProblem
from nytta.i18n import _

if TYPE_CHECKING:
    from nytta.config import Config

LANGUAGES = ("sv", "en")


def settings(config: Path | None) -> Config:
    """The configuration named by ``--config``, else the ``nytta.toml`` found from here."""
    from nytta.config import ConfigError, find_config, load_config
    from nytta.rules.registry import all_rules

    if config is not None and not config.is_file():
        raise UsageProblem(_("no such configuration file: {file}", file=config))
    try:
        return load_config(config or find_config(Path.cwd()), set(all_rules()))
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None


def check_language(lang: str | None) -> None:
    """``--lang`` names one of the languages (None: not given)."""
    if lang is not None and lang not in LANGUAGES:
        raise UsageProblem(_("--lang '{lang}' is not one of {choices}", lang=lang, choices=", ".join(LANGUAGES)))


def rule_ids(ids: frozenset[str], option: str) -> frozenset[str]:
    """``ids`` when every one names a rule; else the first unknown one, with a suggestion."""
    from nytta.rules.registry import all_rules, suggest

    known = all_rules()
    for rule_id in sorted(ids):
        if rule_id not in known:
            raise UsageProblem(_("{option}: unknown rule '{id}'", option=option, id=rule_id) + suggest(rule_id, known))
    return ids


def existing_file(path: Path) -> None:
    """``path`` is a regular file; else say what it is instead."""
    try:
        if path.is_file():
            return
        there = path.exists()
    except OSError as exc:  # e.g. a name longer than the system allows
        raise UsageProblem(_("cannot use {path}: {reason}", path=path, reason=exc.strerror or exc)) from None
    if there and path.is_dir():
        raise UsageProblem(_("{path} is a folder; name a plan file", path=path))
    if there:
        raise UsageProblem(_("{path} is not a regular file (a pipe or device); name a plan file", path=path))
    raise UsageProblem(_("no such file: {path}", path=path))


def no_plans(paths: list[Path]) -> UsageProblem:
    return UsageProblem(_("no plan files found in {paths}", paths=", ".join(str(p) for p in paths)))


def language(languages: list[str], lang: str | None) -> str:
    """The language asked for, else the one language given (of a single plan, or shared by
    all plans), else Swedish."""
    if lang:
        return lang
    return languages[0] if len(languages) == 1 else "sv"
