"""``nytta init``: write a new, commented benefit plan that passes ``nytta check``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nytta.app.common import check_language
from nytta.app.errors import UsageProblem

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
        raise UsageProblem(f"--phase: {exc}") from None
    target = _target(options.path)
    text = plan_text(
        lang=options.lang,
        phase=chosen,
        plan_id=plan_id_for(target),
        file_name=target.name,
        schema=schema_reference(target),
    )
    try:
        replace_file(target, text.encode("utf-8"))
    except OSError as exc:
        raise UsageProblem(f"cannot write {target}: {exc.strerror or exc}") from None
    return InitResult(target, chosen.value)


def _target(path: Path) -> Path:
    """The file to create; refuses an existing file, a missing folder and a name that is not YAML."""
    target = path / DEFAULT_PATH.name if path.is_dir() else path
    if target.exists() or target.is_symlink():
        raise UsageProblem(f"{target} already exists; nytta init does not overwrite files")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageProblem(f"{target}: a plan file name ends in .yaml or .yml")
    if not target.parent.is_dir():
        raise UsageProblem(f"no such folder: {target.parent}")
    return target
