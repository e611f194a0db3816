"""What the commands share: the common options (declared once), option parsing, and ``emit``.

``emit`` renders a command's result in the chosen format (see ``nytta.render.registry``)
and writes it to stdout or the ``--output`` file.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from nytta.app.errors import UsageProblem
from nytta.i18n import N_, _
from nytta.render.registry import RENDERERS, RenderOptions, choices
from nytta.render.visible import defused, under_actions, visible

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from nytta.render.registry import Rendered
    from nytta.results.plans import Unreadable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

Output = Annotated[Path | None, typer.Option("--output", "-o", help=N_("Write to FILE instead of standard output."))]
AsOf = Annotated[str | None, typer.Option("--as-of", help=N_("The date to follow up on, YYYY-MM-DD (default today)."))]
Config = Annotated[Path | None, typer.Option("--config", help=N_("nytta.toml to use instead of the one found."))]
Lang = Annotated[str | None, typer.Option("--lang", help=N_("sv or en (default: the plans' language, else sv)."))]
Plan = Annotated[Path, typer.Argument(help=N_("The plan file."))]


#: Each ``--format`` help as declared (in English) → the results' kind and the help's text,
#: which is filled in with the registry's choices each time it is shown.
_FORMAT_HELPS: dict[str, tuple[str, str]] = {}


def _format(kind: str, text: str = N_("{formats}.")) -> Any:
    """The ``--format`` option of a command whose results are of ``kind``: its choices from the registry."""
    declared = text.format(formats=choices(kind))
    _FORMAT_HELPS[declared] = (kind, text)
    return typer.Option("--format", "-f", help=declared)


def shown_help(declared: str) -> str:
    """An option's help (as declared) in the current language; a ``--format`` help lists
    the registry's choices as they are now."""
    if declared in _FORMAT_HELPS:
        kind, text = _FORMAT_HELPS[declared]
        return _(text, formats=choices(kind))
    return _(declared)


CheckFormat = Annotated[str | None, _format("check", N_("{formats} (default text; github under GITHUB_ACTIONS)."))]
StatusFormat = Annotated[str, _format("status")]
CalcFormat = Annotated[str, _format("calc")]
ReportFormat = Annotated[str, _format("report")]
DiffFormat = Annotated[str, _format("diff", N_("{formats} (md for a merge request)."))]
ExportFormat = Annotated[str | None, _format("register", N_("{formats} (default: from the FILE's suffix, else csv)."))]


def parse_date(text: str | None, option: str = "--as-of") -> _dt.date:
    """A date written YYYY-MM-DD (None: today)."""
    if text is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(_("{option} '{text}' is not a date written YYYY-MM-DD", option=option, text=text)) from None


def explicit_language(ctx: typer.Context) -> str | None:
    """The global ``--lang`` when it was given (``nytta --lang en report …``), else None:
    a report's language is its own ``--lang``, else this one, else the plans'."""
    obj = ctx.obj if isinstance(ctx.obj, dict) else {}
    lang = obj.get("lang")
    return lang if isinstance(lang, str) else None


def split_ids(values: list[str] | None) -> frozenset[str]:
    """Rule ids given as repeated and comma-separated options."""
    return frozenset(part.strip() for value in values or [] for part in value.split(",") if part.strip())


def checked_format(kind: str, fmt: str) -> str:
    if fmt not in RENDERERS[kind]:
        raise UsageProblem(_("--format '{format}' is not one of {choices}", format=fmt, choices=", ".join(RENDERERS[kind])))
    return fmt


def emit(kind: str, fmt: str, result: object, output: Path | None, templates: Path | None = None) -> None:
    """Render ``result`` as ``fmt`` and write it to ``output`` (None: standard output)."""
    options = RenderOptions(color=_use_color(output), templates=templates)
    rendered = RENDERERS[kind][fmt](result, options)
    if output is None and fmt != "github" and under_actions() and not isinstance(rendered, bytes):
        rendered = defused(_text(rendered))  # the annotations of ``github`` are meant as commands
    write(rendered, output)


def say(message: str, stream: TextIO | None = None) -> None:
    """One line for a person, on stderr unless ``stream`` is given: what it quotes is made
    visible, and under GitHub Actions it cannot be a workflow command."""
    line = visible(message)
    print(defused(line) if under_actions() else line, file=stream or sys.stderr)


def visible_lines(text: str) -> str:
    """Text of several lines (a file's, a diff of one) with each line made visible."""
    pieces = text.splitlines(keepends=True)
    shown = "".join(visible(piece.rstrip("\r\n")) + piece[len(piece.rstrip("\r\n")) :] for piece in pieces)
    return defused(shown) if under_actions() else shown


def write(rendered: Rendered, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(_text(rendered))  # one write: a closed pipe is not an error
        return
    from nytta.write.output import write_output

    data = rendered if isinstance(rendered, bytes) else _text(rendered).encode("utf-8")
    try:
        write_output(output, data)
    except OSError as exc:
        raise UsageProblem(_("cannot write {file}: {reason}", file=output, reason=exc.strerror or exc)) from None


def _text(rendered: Rendered) -> str:
    """The whole text of a rendering (given whole or in pieces)."""
    if isinstance(rendered, bytes):
        raise UsageProblem(_("this format writes a binary file: give --output FILE"))
    return rendered if isinstance(rendered, str) else "".join(rendered)


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def say_unreadable(unreadable: Iterable[Unreadable]) -> None:
    """Name each plan that could not be read, on stderr."""
    for item in unreadable:
        problem = item.problem
        where = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}" if problem else item.file
        say(_("nytta: skipped {file}: the plan cannot be read ({where}); run nytta check", file=item.file, where=where))


def findings_exit(unreadable: Sequence[Unreadable]) -> int:
    """Exit 1 when some plan could not be read, else 0."""
    return EXIT_FINDINGS if unreadable else EXIT_OK
