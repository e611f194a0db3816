"""The layering of ``src/nytta``, enforced over every module: which part may import which.

Data flows one way: cli → app → {check, compute, render, write} → {rules, load, model,
results, diagnostics}. Every import counts — at the top, inside functions and under
``TYPE_CHECKING`` — so a renderer cannot reach back into the stages even for a type.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "nytta"

#: What every part may import: the language it speaks to people (nytta.i18n).
WORDS = {"i18n"}
BASE = {"diagnostics", "model", "load", "results", *WORDS}
#: Each part of the package and the parts it may import (itself always).
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "__main__": {"cli"},
    "cli": {"", "app", "render", "results", "write", "config", *BASE},
    "app": {"check", "compute", "render", "write", "rules", "config", "batch", "init_plan", *BASE},
    "check": {"rules", "batch", *BASE},
    "compute": set(BASE),
    "render": {"", "rules", *BASE},
    "write": {"check", *BASE},
    "rules": set(BASE),
    "init_plan": {"model", *WORDS},
    "config": {"diagnostics", *WORDS},
    "batch": set(WORDS),
    "results": {"diagnostics", "model", "load", *WORDS},
    "load": {"model", "diagnostics", *WORDS},
    "model": {"diagnostics", *WORDS},
    "diagnostics": set(WORDS),
    "i18n": set(),
}
#: Named in the design, so spelled out even where the table above already says so.
FORBIDDEN = [
    ("render", "check"),
    ("render", "compute"),
    ("render", "app"),
    ("rules", "compute"),
    ("load", "batch"),
    *((part, "cli") for part in ALLOWED if part not in ("cli", "__main__")),
]


def part_of(module: str) -> str:
    """``nytta.render.report.view`` → ``render``; ``nytta`` itself → ``""``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else ""


def module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" and len(relative.parts) > 2 else relative.parts
    return ".".join(parts)


def nytta_imports(path: Path) -> set[str]:
    """Every ``nytta`` module the file imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "nytta" or name.startswith("nytta.")}


def violations(imports: dict[str, set[str]]) -> list[str]:
    """``importer → imported`` for each import the table does not allow."""
    found = []
    for importer, imported in sorted(imports.items()):
        own = part_of(importer) or "__init__"
        for target in sorted(imported):
            other = part_of(target)
            if other != own and other not in ALLOWED[own]:
                found.append(f"{importer} → {target}")
    return found


def package_imports() -> dict[str, set[str]]:
    return {module_name(path): nytta_imports(path) for path in sorted(SRC.rglob("*.py"))}


def test_every_part_of_the_package_is_in_the_table() -> None:
    parts = {part_of(name) or "__init__" for name in package_imports()}
    assert parts <= set(ALLOWED), parts - set(ALLOWED)


def test_every_import_follows_the_layers() -> None:
    assert violations(package_imports()) == []


@pytest.mark.parametrize(("importer", "imported"), FORBIDDEN)
def test_forbidden_imports_are_caught(importer: str, imported: str) -> None:
    assert violations({f"nytta.{importer}.x": {f"nytta.{imported}.y"}}) == [f"nytta.{importer}.x → nytta.{imported}.y"]


def test_an_import_the_table_allows_passes() -> None:
    assert violations({"nytta.render.status_text": {"nytta.results.status", "nytta.model.plan"}}) == []
