"""What the commands share: the common options (declared once), option parsing, and ``emit``.

``emit`` renders a command's result in the chosen format (see ``nytta.render.registry``)
and writes it to stdout or the ``--output`` file.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nytta.app.errors import UsageProblem
from nytta.render.registry import RENDERERS, RenderOptions, choices

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from nytta.render.registry import Rendered
    from nytta.results.plans import Unreadable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of standard output.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="The date to follow up on, YYYY-MM-DD (default today).")]
Config = Annotated[Path | None, typer.Option("--config", help="nytta.toml to use instead of the one found.")]
Lang = Annotated[str | None, typer.Option("--lang", help="sv or en (default: the plans' language, else sv).")]
Plan = Annotated[Path, typer.Argument(help="The plan file.")]


def _format(kind: str, note: str = "") -> Any:
    """The ``--format`` option of a command whose results are of ``kind``: its choices from the registry."""
    return typer.Option("--format", "-f", help=f"{choices(kind)}{note}.")  # from the renderer registry


CheckFormat = Annotated[str | None, _format("check", " (default text; github under GITHUB_ACTIONS)")]
StatusFormat = Annotated[str, _format("status")]
CalcFormat = Annotated[str, _format("calc")]
ReportFormat = Annotated[str, _format("report")]
DiffFormat = Annotated[str, _format("diff", " (md for a merge request)")]
ExportFormat = Annotated[str | None, _format("register", " (default: from the FILE's suffix, else csv)")]


def parse_date(text: str | None, option: str = "--as-of") -> _dt.date:
    """A date written YYYY-MM-DD (None: today)."""
    if text is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"{option} '{text}' is not a date written YYYY-MM-DD") from None


def split_ids(values: list[str] | None) -> frozenset[str]:
    """Rule ids given as repeated and comma-separated options."""
    return frozenset(part.strip() for value in values or [] for part in value.split(",") if part.strip())


def checked_format(kind: str, fmt: str) -> str:
    if fmt not in RENDERERS[kind]:
        raise UsageProblem(f"--format '{fmt}' is not one of {', '.join(RENDERERS[kind])}")
    return fmt


def emit(kind: str, fmt: str, result: object, output: Path | None, templates: Path | None = None) -> None:
    """Render ``result`` as ``fmt`` and write it to ``output`` (None: standard output)."""
    options = RenderOptions(color=_use_color(output), templates=templates)
    write(RENDERERS[kind][fmt](result, options), output)


def write(rendered: Rendered, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(_text(rendered))  # one write: a closed pipe is not an error
        return
    from nytta.write.output import write_output

    data = rendered if isinstance(rendered, bytes) else _text(rendered).encode("utf-8")
    try:
        write_output(output, data)
    except OSError as exc:
        raise UsageProblem(f"cannot write {output}: {exc.strerror or exc}") from None


def _text(rendered: Rendered) -> str:
    """The whole text of a rendering (given whole or in pieces)."""
    if isinstance(rendered, bytes):
        raise UsageProblem("this format writes a binary file: give --output FILE")
    return rendered if isinstance(rendered, str) else "".join(rendered)


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def say_unreadable(unreadable: Iterable[Unreadable]) -> None:
    """Name each plan that could not be read, on stderr."""
    for item in unreadable:
        problem = item.problem
        where = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}" if problem else item.file
        print(f"nytta: skipped {item.file}: the plan cannot be read ({where}); run nytta check", file=sys.stderr)


def findings_exit(unreadable: Sequence[Unreadable]) -> int:
    """Exit 1 when some plan could not be read, else 0."""
    return EXIT_FINDINGS if unreadable else EXIT_OK
