"""Change control on a real git repository: `nytta diff` and `nytta check --since`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from nytta.rules.examples import BASE_PLAN

MOVED = BASE_PLAN.replace("- {date: 2026-12-31, value: 20}", "- {date: 2026-12-31, value: 25}")
REVISION = "revisions:\n  - {date: 2026-03-01, by: karin, reason: Ny lagstiftning, changes: Målvärde 20 → 25}\n"


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "analytiker@example.se")
    _git(tmp_path, "config", "user.name", "Analytiker")
    (tmp_path / "plan.yaml").write_text(BASE_PLAN, encoding="utf-8")
    _git(tmp_path, "add", "plan.yaml")
    _git(tmp_path, "commit", "-q", "-m", "Godkänd plan")
    return tmp_path


def _commit(repo: Path, text: str) -> None:
    (repo / "plan.yaml").write_text(text, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Ändrad plan")


def test_changed_target_without_revision_fails_at_the_changed_value(repo: Path, capsys) -> None:
    _commit(repo, MOVED)
    code, out, _ = run_cli(["check", str(repo / "plan.yaml"), "--since", "HEAD~1", "-f", "json", "--as-of", "2026-11-27"], capsys)
    findings = json.loads(out)["findings"]
    assert code == 1
    [finding] = [f for f in findings if f["rule"] == "unrecorded-revision"]
    text = "          - {date: 2026-12-31, value: 25}"
    line = MOVED.splitlines().index(text) + 1
    column = text.index("25}") + 1
    assert (finding["line"], finding["column"], finding["path"]) == (line, column, "benefits[0].indicators[0].targets[0].value")
    assert "20 (2026-12-31) → 25 (2026-12-31)" in finding["message"]


def test_changed_target_with_a_revision_entry_passes(repo: Path, capsys) -> None:
    _commit(repo, MOVED + REVISION)
    code, out, _ = run_cli(["check", str(repo / "plan.yaml"), "--since", "HEAD~1", "--as-of", "2026-11-27"], capsys)
    assert code == 0, out


def test_without_since_the_rule_does_not_run(repo: Path, capsys) -> None:
    _commit(repo, MOVED)
    code, _, _ = run_cli(["check", str(repo / "plan.yaml"), "--as-of", "2026-11-27"], capsys)
    assert code == 0


def test_unapproved_plan_may_move_its_goal_posts(repo: Path, capsys) -> None:
    unapproved = BASE_PLAN.replace("  approvals:\n    - {by: karin, role: change_owner, date: 2025-02-01}\n", "").replace(
        "phase: realise", "phase: specify"
    )
    _commit(repo, unapproved)
    _commit(repo, unapproved.replace("value: 20}", "value: 25}"))
    argv = ["check", str(repo / "plan.yaml"), "--since", "HEAD~1", "-f", "json", "--as-of", "2026-11-27"]
    _code, out, _ = run_cli(argv, capsys)
    assert "unrecorded-revision" not in out


def test_diff_against_a_revision(repo: Path, capsys) -> None:
    changed = MOVED.replace("owner: anna", "owner: karin").replace(
        "          - {date: 2026-09-30, value: 25}",
        "          - {date: 2026-09-30, value: 25}\n          - {date: 2026-10-31, value: 24}",
    )
    _commit(repo, changed)
    code, out, _ = run_cli(["diff", str(repo / "plan.yaml"), "--rev", "HEAD~1", "-f", "json"], capsys)
    kinds = [(c["kind"], c["old"], c["new"]) for c in json.loads(out)["changes"]]
    assert code == 0
    assert kinds == [
        ("owner-changed", "anna", "karin"),
        ("target-changed", "20 (2026-12-31)", "25 (2026-12-31)"),
        ("measurements-added", None, "1 (latest 24 (2026-10-31))"),
    ]
    _, text, _ = run_cli(["diff", str(repo / "plan.yaml"), "--rev", "HEAD~1"], capsys)
    assert "target changed: dagar: 20 (2026-12-31) → 25 (2026-12-31)  (needs a revision entry once approved)" in text
    _, markdown, _ = run_cli(["diff", str(repo / "plan.yaml"), "--rev", "HEAD~1", "-f", "md"], capsys)
    assert "| target changed ⚠ | `dagar` | 20 (2026-12-31) → 25 (2026-12-31) |" in markdown


def test_diff_of_two_files_lists_added_and_removed(tmp_path: Path, capsys) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BASE_PLAN, encoding="utf-8")
    new.write_text(
        BASE_PLAN.replace("id: kortare-tid", "id: snabbare-beslut").replace(
            "leads_to: [kortare-tid]", "leads_to: [snabbare-beslut]"
        ),
        encoding="utf-8",
    )
    _code, out, _ = run_cli(["diff", str(old), str(new), "-f", "json"], capsys)
    assert [c["kind"] for c in json.loads(out)["changes"]] == ["benefit-added", "benefit-removed"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--rev", "no-such-rev"], "unknown git revision"),
        ([], "either two plan files"),
    ],
)
def test_diff_that_cannot_run(repo: Path, argv: list[str], words: str, capsys) -> None:
    code, _, err = run_cli(["diff", str(repo / "plan.yaml"), *argv], capsys)
    assert code == 2 and words in err


def test_since_outside_a_repository_exits_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "plan.yaml").write_text(BASE_PLAN, encoding="utf-8")
    code, _, err = run_cli(["check", str(tmp_path / "plan.yaml"), "--since", "HEAD"], capsys)
    assert code == 2 and "not inside a git repository" in err
