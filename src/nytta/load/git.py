"""Plan versions from git: ``git show REV:path`` for the plan and its measurements file."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from nytta.i18n import _
from nytta.load.plan import PlanDocument, load_plan, repository_root


class GitError(Exception):
    """A version could not be read from git; the message says why."""


def load_at_revision(plan_path: Path, revision: str, workdir: Path) -> PlanDocument | None:
    """The plan (and its measurements file) as committed at ``revision``; None if it did not exist.

    The files are written into ``workdir`` under their paths relative to the repository root.
    """
    folder = plan_path.resolve().parent
    root = repository_root(folder)
    if root is None:
        raise GitError(_("{path} is not inside a git repository", path=plan_path))
    relative = plan_path.resolve().relative_to(root)
    text = _git_show(root, revision, relative)
    if text is None:
        return None
    target = workdir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text)
    doc = load_plan(target, plan_path.as_posix())
    measurements = doc.plan.plan.measurements_file if doc is not None and doc.plan is not None else None
    if measurements:
        csv_relative = relative.parent / measurements
        csv_text = _git_show(root, revision, Path(*csv_relative.parts))
        if csv_text is not None:
            (workdir / csv_relative).parent.mkdir(parents=True, exist_ok=True)
            (workdir / csv_relative).write_bytes(csv_text)
            doc = load_plan(target, plan_path.as_posix())
    return doc


def _git_show(root: Path, revision: str, relative: Path) -> bytes | None:
    check = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if check.returncode != 0:
        raise GitError(_("unknown git revision '{revision}'", revision=revision))
    shown = _git(root, "show", f"{revision}:{relative.as_posix()}")
    return shown.stdout if shown.returncode == 0 else None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(_("git could not run: {reason}", reason=exc)) from None


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="nytta-rev-")
