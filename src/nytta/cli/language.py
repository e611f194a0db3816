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
from nytta.i18n import LANGUAGES, N_, _, choose, locale_language, set_language

#: The parser's own words, marked for the catalogue; shown through ``_()``.
PARSER_WORDS = (
    N_("Usage: "),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
)
_EXTRAS = re.compile(r"\[(default: (?P<default>.*)|required)\]$")


def requested(args: Sequence[str]) -> tuple[str, str | None]:
    """The language of this run and the ``--lang`` given on the command line (if any)."""
    explicit = _option_value(args, "--lang")
    configured = None
    if not explicit and not os.environ.get("NYTTA_LANG"):
        configured = _configured(_option_value(args, "--config"))
    lang = choose(explicit, os.environ, configured)
    if lang not in LANGUAGES:
        _speak_the_locale()  # to say so
        if explicit:
            raise UsageProblem(_("--lang '{lang}' is not one of {choices}", lang=lang, choices=", ".join(LANGUAGES)))
        raise UsageProblem(_("NYTTA_LANG '{lang}' is not one of {choices}", lang=lang, choices=", ".join(LANGUAGES)))
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
    _speak_the_locale()  # a configuration that names no language, or a wrong one, leaves it to the locale
    try:
        return configured_language(path)
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None


def _speak_the_locale() -> None:
    """Speak the locale's language: the one to say that the language asked for is wrong in."""
    set_language(locale_language(os.environ))


def translated(command: Any) -> Any:
    """``command`` (and its subcommands) with help texts in the current language."""
    from nytta.cli.options import shown_help

    command.context_class = _Context
    if command.help:
        command.help = _(command.help)
    command.short_help = _(command.short_help) if command.short_help else None
    command.options_metavar = _(command.options_metavar) if command.options_metavar else None
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = _(command.subcommand_metavar)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = shown_help(param.help)
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
    return _parser_complaint(" ".join(exc.format_message().split()))


def _parser_complaint(message: str) -> str:
    """The parser's other complaints, recognised by their English text."""
    if message == "Missing command.":
        return _("missing command (see nytta --help)")
    match = re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", message)
    if match and match[2]:
        return _("no such command '{name}'; did you mean {choices}?", name=match[1], choices=match[2])
    if match:
        return _("no such command '{name}'", name=match[1])
    match = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if match:
        return _("unexpected extra argument: {argument}", argument=match[1])
    match = re.fullmatch(r"Option '(.*)' requires (?:an argument|\d+ arguments)\.", message)
    if match:
        return _("Option '{option}' requires an argument.", option=match[1])
    match = re.fullmatch(r"Option '(.*)' does not take a value\.", message)
    if match:
        return _("Option '{option}' does not take a value.", option=match[1])
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
    """An option's help (the ``--help`` option's is still English here) with typer's extras translated."""
    match = _EXTRAS.search(text)
    if match is None:
        return _(text)
    extra = _("[required]") if match["default"] is None else _("[default: {value}]", value=match["default"])
    help_text = text[: match.start()].rstrip()
    return f"{_(help_text)} {extra}" if help_text else extra


class _Context(click.Context):
    formatter_class = _Formatter
