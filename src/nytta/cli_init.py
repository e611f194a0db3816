"""The `nytta init` command: write a new, commented benefit plan that passes `nytta check`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

DEFAULT_PATH = Path("nyttoplan.yaml")


def register(app: Any) -> None:
    """Add the command to the typer app."""
    app.command("init")(init)


def init(
    path: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="The new plan file (.yaml or .yml); a folder gets nyttoplan.yaml inside it."),
    ] = DEFAULT_PATH,
    lang: Annotated[str, typer.Option("--lang", help="Language of the comments and placeholders: sv or en.")] = "sv",
    phase: Annotated[
        str,
        typer.Option("--phase", help="identify, specify, plan, realise or follow_up (Swedish names too)."),
    ] = "identify",
) -> int:
    """Write a new benefit plan with a comment above every section, organised around the seven questions."""
    from nytta.cli import EXIT_OK, UsageProblem, check_language
    from nytta.init_plan import plan_id_for, plan_text, schema_reference
    from nytta.model.enums import Phase, parse_enum
    from nytta.write.atomic import replace_file

    check_language(lang)
    try:
        chosen = parse_enum(Phase, phase)
    except ValueError as exc:
        raise UsageProblem(f"--phase: {exc}") from None
    target = _target(path, UsageProblem)
    text = plan_text(
        lang=lang, phase=chosen, plan_id=plan_id_for(target), file_name=target.name, schema=schema_reference(target)
    )
    try:
        replace_file(target, text.encode("utf-8"))
        target.chmod(_new_file_mode())
    except OSError as exc:
        raise UsageProblem(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"Wrote {target} (phase {chosen.value}). Replace the placeholders, then run: nytta check {target}")
    return EXIT_OK


def _target(path: Path, problem: type[Exception]) -> Path:
    """The file to create; refuses an existing file, a missing folder and a name that is not YAML."""
    target = path / DEFAULT_PATH.name if path.is_dir() else path
    if target.exists() or target.is_symlink():
        raise problem(f"{target} already exists; nytta init does not overwrite files")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise problem(f"{target}: a plan file name ends in .yaml or .yml")
    if not target.parent.is_dir():
        raise problem(f"no such folder: {target.parent}")
    return target


def _new_file_mode() -> int:
    """The mode an ordinary new file gets (0o666 less the umask); the atomic write starts at 0o600."""
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
