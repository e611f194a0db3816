"""The command line in the chosen language: which language (read before the options are
parsed), the help texts and the option parser's own words translated when shown.

Help texts are marked ``N_()`` where commands and options are declared and translated here
each time the command line runs, so the language can differ from one run to the next.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from typer import _click as click  # the option parser typer ships

from nytta.app.errors import UsageProblem
from nytta.i18n import LANGUAGES, N_, _, choose

#: The parser's own words, marked for the catalogue; shown through ``_()``.
PARSER_WORDS = (N_("Usage: "), N_("Options"), N_("Arguments"), N_("Commands"), N_("Show this message and exit."))
_EXTRAS = re.compile(r"\[(default: (?P<default>.*)|required)\]$")


def requested(args: Sequence[str]) -> tuple[str, str | None]:
    """The language of this run and the ``--lang`` given on the command line (if any)."""
    explicit = _option_value(args, "--lang")
    configured = None
    if not explicit and not os.environ.get("NYTTA_LANG"):
        configured = _configured(_option_value(args, "--config"))
    lang = choose(explicit, os.environ, configured)
    if lang not in LANGUAGES:
        source = "--lang" if explicit else "NYTTA_LANG" if os.environ.get("NYTTA_LANG") else "lang in nytta.toml"
        raise UsageProblem(_("{source} '{lang}' is not one of {choices}", source=source, lang=lang, choices="sv, en"))
    return lang, explicit


def _option_value(args: Sequence[str], name: str) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _configured(config: str | None) -> str | None:
    from nytta.config import ConfigError, configured_language, find_config

    path = Path(config) if config else find_config(Path.cwd())
    if path is None or not path.is_file():
        return None
    try:
        return configured_language(path)
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None


def translated(command: Any) -> Any:
    """``command`` (and its subcommands) with help texts in the current language."""
    command.context_class = _Context
    if command.help:
        command.help = _(command.help)
    command.short_help = _(command.short_help) if command.short_help else None
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
    for sub in getattr(command, "commands", {}).values():
        translated(sub)
    return command


def usage_message(exc: Any) -> str:
    """The option parser's complaint in the current language."""
    if isinstance(exc, click.exceptions.NoSuchOption):
        text = _("no such option: {option}", option=exc.option_name)
        if exc.possibilities:
            text += _("; did you mean {choices}?", choices=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, click.exceptions.MissingParameter) and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx) if exc.ctx else exc.param.name
        return _("missing {what} {name}", what=_(exc.param.param_type_name), name=hint)
    message = " ".join(exc.format_message().split())
    match = re.fullmatch(r"No such command '(.*)'\.", message)
    if match:
        return _("no such command '{name}'", name=match[1])
    match = re.fullmatch(r"Got unexpected extra arguments? \((.*)\)", message)
    if match:
        return _("unexpected extra argument: {argument}", argument=match[1])
    return message


PARAMETER_KINDS = (N_("argument"), N_("option"))  # MissingParameter's param_type_name


class _Formatter(click.HelpFormatter):
    """Headings, the usage line and ``[default: …]`` in the current language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _(prefix or "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _row_text(text)) for term, text in rows], col_max, col_spacing)


def _row_text(text: str) -> str:
    text = _(text)
    match = _EXTRAS.search(text)
    if match is None:
        return text
    extra = _("[required]") if match["default"] is None else _("[default: {value}]", value=match["default"])
    return _(text[: match.start()].rstrip()) + " " + extra if text[: match.start()].strip() else extra


class _Context(click.Context):
    formatter_class = _Formatter
