"""Finding plan files: explicit files as given, directories searched recursively."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nytta.i18n import _

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to read: where it is, how to show it, and whether the user named it."""

    path: Path
    display: str
    explicit: bool


class MissingPath(Exception):
    """A path given on the command line does not exist."""


def discover(paths: list[Path]) -> list[Candidate]:
    """Files to read, in a stable order; directories are searched for *.yaml / *.yml."""
    found: list[Candidate | None] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if _wanted(p, given))
            found.extend(_once(Candidate(p, p.as_posix(), False), seen) for p in files)
        elif given.exists():
            found.append(_once(Candidate(given, given.as_posix(), True), seen))
        else:
            raise MissingPath(_("no such file or directory: {path}", path=given))
    return [c for c in found if c is not None]


def _wanted(path: Path, root: Path) -> bool:
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        return False
    parts = path.relative_to(root).parts
    return not any(part.startswith(".") or part == "node_modules" for part in parts[:-1])


def _once(candidate: Candidate, seen: set[Path]) -> Candidate | None:
    key = candidate.path.resolve()
    if key in seen:
        return None
    seen.add(key)
    return candidate
