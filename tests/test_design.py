"""Design rules the code must keep: the core is free of typer, rich and jinja2."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import CLI_MAIN, modules_loaded

SRC = Path(__file__).resolve().parents[1] / "src" / "nytta"
CORE = ["load", "model", "rules", "compute", "check.py", "config.py", "diagnostics.py"]
FORBIDDEN = {"typer", "click", "rich", "jinja2"}


def _core_files() -> list[Path]:
    files: list[Path] = []
    for part in CORE:
        path = SRC / part
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_modules_do_not_import_ui_libraries() -> None:
    offenders = {str(p.relative_to(SRC)): _imported(p) & FORBIDDEN for p in _core_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_modules_do_not_import_the_cli_or_renderers() -> None:
    for path in _core_files():
        modules = set(_imported_modules(path))
        assert not {m for m in modules if m.startswith(("nytta.cli", "nytta.render"))}, path


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    found |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return found


def test_checking_a_plan_loads_no_ui_library_at_run_time() -> None:
    statements = (
        "import datetime, pathlib\n"
        "from nytta.check import check_paths, CheckOptions\n"
        "check_paths([pathlib.Path(sys.argv[1])], CheckOptions(as_of=datetime.date(2026, 11, 27)))"
    )
    plan = Path(__file__).parent / "data" / "spec" / "bygglov-e-tjanst.yaml"
    assert modules_loaded(statements, {"typer", "click", "rich", "jinja2"}, str(plan)) == []


def test_cli_check_loads_neither_rich_nor_jinja2() -> None:
    plan = Path(__file__).parent / "data" / "spec" / "bygglov-e-tjanst.yaml"
    assert modules_loaded(CLI_MAIN, {"rich", "jinja2"}, "check", str(plan), "-f", "json") == []
