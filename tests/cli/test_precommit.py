"""The project's pre-commit hook, run by pre-commit itself on commits in a throwaway git repository.

The hook definition is read from ``.pre-commit-hooks.yaml`` and used as a ``repo: local``
hook with ``language: system`` whose entry runs this interpreter's nytta, so nothing is
installed and no network is needed. Without the pre-commit package the test skips,
unless NYTTA_REQUIRE_BROWSER is set (CI sets it; there it must run).
"""

from __future__ import annotations

import importlib.util
import io
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import ROOT
from nytta.rules.examples import BASE_PLAN

REPO_ROOT = ROOT
HOOKS_FILE = REPO_ROOT / ".pre-commit-hooks.yaml"
CI_DOC = REPO_ROOT / "docs" / "ci.md"
HOOK_ID = "nytta-check"
REQUIRE_ENV = "NYTTA_REQUIRE_BROWSER"
TIMEOUT_S = 300


def _require_pre_commit() -> None:
    """Skip without pre-commit, or fail when CI requires every test to run."""
    if importlib.util.find_spec("pre_commit") is not None:
        return
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{REQUIRE_ENV} is set but pre-commit is not installed (pip install -e '.[test]')", pytrace=False)
    pytest.skip("pre-commit is not installed (pip install -e '.[test]')")


def project_hook() -> dict[str, Any]:
    """The hook as the project publishes it in .pre-commit-hooks.yaml."""
    hooks = YAML(typ="safe").load(HOOKS_FILE.read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == HOOK_ID]
    return dict(hook)


def local_hook() -> dict[str, Any]:
    """The published hook as a local one: same definition, entry run by this interpreter."""
    hook = project_hook()
    command, *arguments = shlex.split(hook["entry"])
    assert command == "nytta", hook["entry"]
    hook["entry"] = shlex.join([sys.executable, "-m", "nytta", *arguments])
    hook["language"] = "system"
    return hook


def _config_text() -> str:
    stream = io.StringIO()
    YAML().dump({"repos": [{"repo": "local", "hooks": [local_hook()]}]}, stream)
    return stream.getvalue()


def _environment(home: Path) -> dict[str, str]:
    """The caller's environment without git or pre-commit settings that could leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "SKIP"}
    env.update(
        HOME=str(home),
        PRE_COMMIT_HOME=str(home / "pre-commit-cache"),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
    )
    return env


def _run(argv: list[str], repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=TIMEOUT_S)


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    added = _run(["git", "add", "-A"], repo, env)
    assert added.returncode == 0, added.stderr
    return _run(["git", "commit", "-m", message], repo, env)


def _commit_count(repo: Path, env: dict[str, str]) -> int:
    result = _run(["git", "rev-list", "--count", "HEAD"], repo, env)
    return int(result.stdout.strip()) if result.returncode == 0 else 0


@pytest.fixture
def hooked_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A new git repository with the hook configured and installed as its pre-commit hook."""
    _require_pre_commit()
    repo = tmp_path / "repo"
    repo.mkdir()
    env = _environment(tmp_path)
    assert _run(["git", "init", "-q"], repo, env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(_config_text(), encoding="utf-8")
    installed = _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, env


def test_the_published_hook_is_defined_as_documented() -> None:
    hook = project_hook()
    assert hook["entry"] == "nytta check --only-plans"
    assert (hook["language"], hook["files"], hook["pass_filenames"], hook["require_serial"]) == (
        "python",
        r"\.(ya?ml)$",
        True,
        True,
    )


def test_the_documented_configurations_use_the_published_hook() -> None:
    hook = project_hook()
    doc = CI_DOC.read_text(encoding="utf-8")
    assert f"      - id: {hook['id']}\n" in doc
    assert f"        entry: {hook['entry']}\n" in doc  # the local-hook variant runs the same command


def test_the_hook_passes_a_valid_plan_and_stops_a_broken_one(hooked_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked_repo
    (repo / "plans").mkdir()
    plan = repo / "plans" / "exempel.yaml"
    plan.write_text(BASE_PLAN, encoding="utf-8")
    (repo / "settings.yaml").write_text("not: a plan\n", encoding="utf-8")  # skipped by --only-plans

    first = _commit(repo, env, "A valid plan")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Passed" in first.stdout + first.stderr

    plan.write_text(BASE_PLAN.replace("    owner: anna\n", "", 1), encoding="utf-8")
    second = _commit(repo, env, "A plan without a benefit owner")
    output = second.stdout + second.stderr
    assert second.returncode != 0, output
    assert "Failed" in output and "missing-owner" in output and "plans/exempel.yaml" in output
    assert _commit_count(repo, env) == 1
