"""The files a command reads, so that its ``--output`` never overwrites one of them.

A command's inputs are the plans it names or finds in the folders it names, the
measurements file of each of those plans, its configuration file and (for ``report``) the
templates folder. An output that is one of them — by name, through a symlink or as a hard
link: the same file on disk — is refused before anything is read or written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from nytta.app.errors import UsageProblem
from nytta.i18n import _


def refuse_input_as_output(output: Path | None, plans: Sequence[Path], *others: Path | None) -> None:
    """Refuse ``output`` when it is the same file as an input. ``plans`` are plan files and
    folders searched for plans, as the command takes them; ``others`` are further files read,
    or folders whose every file is read (None: none)."""
    if output is None:
        return
    try:
        written = os.stat(output)  # through symlinks
    except OSError:
        return  # a file that does not exist (yet) is no input
    for candidate in _inputs(plans, [p for p in others if p is not None], output):
        try:
            same = os.path.samestat(written, os.stat(candidate))
        except OSError:
            continue
        if same:
            raise UsageProblem(
                _(
                    "--output {output} would overwrite {input}, which this command reads; nothing was written",
                    output=output,
                    input=candidate,
                )
            )


def config_in_effect(config: Path | None) -> Path | None:
    """The configuration file a command reads: the one given, else the one found from here."""
    from nytta.config import find_config

    return config if config is not None else find_config(Path.cwd())


def _inputs(plans: Sequence[Path], others: list[Path], output: Path) -> Iterator[Path]:
    from nytta.load.files import MissingPath, discover

    yield from [*plans, *others]
    for other in others:
        if other.is_dir():
            yield from (p for p in other.rglob("*") if p.is_file())
    for path in plans:
        try:
            found = [candidate.path for candidate in discover([path])]
        except (MissingPath, OSError):  # a missing path: the command itself says so
            continue
        yield from found
        yield from _measurements_files(found, output)


def _measurements_files(plans: Iterable[Path], output: Path) -> Iterator[Path]:
    """The measurements file of each plan that could name ``output``. A plan's text is read
    cheaply first: only a plan that has a measurements file and mentions the output's name
    (as given, or of the file a symlink leads to) is loaded to resolve its measurements file."""
    from nytta.load.plan import load_plan, read_text, resolve_inside

    names = {output.name, Path(os.path.realpath(output)).name}
    for plan in plans:
        text, _ = read_text(plan, plan.as_posix())
        if not text or "measurements_file" not in text or not any(name in text for name in names):
            continue
        doc = load_plan(plan, plan.as_posix())
        relative = doc.plan.plan.measurements_file if doc is not None and doc.plan is not None else None
        target = resolve_inside(plan, relative)[0] if relative else None
        if target is not None:
            yield target
