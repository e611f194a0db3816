"""``nytta init``: write a new, commented benefit plan that passes ``nytta check``, creating
the folders it goes in when they are missing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import check_language
from nytta.app.errors import UsageProblem
from nytta.i18n import _

DEFAULT_PATH = Path("nyttoplan.yaml")


@dataclass(frozen=True)
class Options:
    path: Path = DEFAULT_PATH  # a folder gets nyttoplan.yaml inside it
    lang: str = "sv"
    phase: str = "identify"


@dataclass(frozen=True)
class InitResult:
    written: Path
    phase: str


def run(options: Options) -> InitResult:
    from nytta.init_plan import plan_id_for, plan_text, schema_reference
    from nytta.model.enums import Phase, parse_enum
    from nytta.write.atomic import replace_file

    check_language(options.lang)
    try:
        chosen = parse_enum(Phase, options.phase)
    except ValueError as exc:
        raise UsageProblem(_("--phase: {problem}", problem=exc)) from None
    target = _target(options.path)
    text = plan_text(
        lang=options.lang,
        phase=chosen,
        plan_id=plan_id_for(target),
        file_name=target.name,
        schema=schema_reference(target),
    )
    created = _folders(target.parent)
    try:
        replace_file(target, text.encode("utf-8"))
    except OSError as exc:
        for folder in reversed(created):  # leave no empty folder behind
            folder.rmdir()
        raise UsageProblem(_("cannot write {file}: {reason}", file=target, reason=exc.strerror or exc)) from None
    return InitResult(target, chosen.value)


def _target(path: Path) -> Path:
    """The file to create; refuses an existing file and a name that is not YAML."""
    target = path / DEFAULT_PATH.name if path.is_dir() else path
    if target.exists() or target.is_symlink():
        raise UsageProblem(_("{file} already exists; nytta init does not overwrite files", file=target))
    if target.suffix.lower() not in (".yaml", ".yml"):
        if not target.suffix and not target.exists():
            raise UsageProblem(
                _(
                    "{file}: a plan file name ends in .yaml or .yml; for a new folder, name the plan in it: nytta init {example}",
                    file=target,
                    example=(target / DEFAULT_PATH.name).as_posix(),
                )
            )
        raise UsageProblem(_("{file}: a plan file name ends in .yaml or .yml", file=target))
    return target


def _folders(folder: Path) -> list[Path]:
    """Create ``folder`` and the folders above it that are missing; those created, outermost first."""
    missing = [f for f in (folder, *folder.parents) if not f.is_dir()][::-1]
    for index, each in enumerate(missing):
        try:
            each.mkdir()
        except OSError as exc:
            for created in reversed(missing[:index]):
                created.rmdir()
            reason = _("a file of that name is in the way") if isinstance(exc, FileExistsError) else str(exc.strerror or exc)
            raise UsageProblem(_("cannot create the folder {folder}: {reason}", folder=each, reason=reason)) from None
    return missing
