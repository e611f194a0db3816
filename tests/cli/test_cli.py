"""The command line end to end, in-process: outputs, exit codes, options and configuration."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import DATA, SPEC_DIR, run_cli
from nytta.rules.examples import BASE_PLAN
from nytta.rules.registry import all_rules

BROKEN = BASE_PLAN.replace("    owner: anna\n", "").replace(
    "- {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}",
    "- {id: e-tjanst, type: intervention, name: Inför e-tjänst}",
)


def test_spec_example_checks_without_errors(capsys) -> None:
    code, out, _ = run_cli(["check", str(SPEC_DIR / "bygglov-e-tjanst.yaml"), "--as-of", "2026-11-27"], capsys)
    assert code == 0
    # the quality benefit 'kortare-handlaggning' has no size; 'mer-administration' is reached by no chain node
    assert "warning missing-size benefit 'kortare-handlaggning'" in out
    assert out.endswith("0 errors, 2 warnings in 1 file\n")


def test_text_output_shows_location_source_and_summary(write_plan, capsys) -> None:
    path = write_plan(BROKEN)
    code, out, _ = run_cli(["check", str(path), "--as-of", "2026-11-27"], capsys)
    assert code == 1
    line = BROKEN.splitlines().index("  - id: kortare-tid") + 1
    assert f"{path.as_posix()}:{line}:5: error missing-owner benefit 'kortare-tid' has no owner (nyttoägare)" in out
    assert "      - id: kortare-tid\n        ^" in out
    assert out.endswith("1 error, 2 warnings in 1 file\n")
    assert "\x1b[" not in out


def test_json_output_is_the_contract(write_plan, capsys) -> None:
    path = write_plan(BROKEN)
    code, out, _ = run_cli(["check", str(path), "--format", "json", "--as-of", "2026-11-27"], capsys)
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"version", "files", "errors", "warnings", "findings"}
    assert (data["version"], data["files"], data["errors"], data["warnings"]) == (1, 1, 1, 2)
    first = next(f for f in data["findings"] if f["rule"] == "missing-owner")
    assert set(first) == {"file", "line", "column", "rule", "severity", "message", "path"}
    assert (first["severity"], first["path"], first["column"]) == ("error", "benefits[0]", 5)


def test_sarif_output_validates_against_the_schema(write_plan, capsys) -> None:
    _code, out, _ = run_cli(["check", str(write_plan(BROKEN)), "--format", "sarif"], capsys)
    sarif = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules) == sorted(all_rules())
    owner = next(r for r in rules if r["id"] == "missing-owner")
    assert owner["shortDescription"]["text"] == "A benefit has no owner (nyttoägare)."
    assert "line organisation" in owner["fullDescription"]["text"]


def test_github_format_is_chosen_under_github_actions(write_plan, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run_cli(["check", str(write_plan(BROKEN))], capsys)
    assert out.splitlines()[0].startswith("::warning file=")
    assert "::error file=" in out
    assert "title=missing-owner::" in out


def test_output_file(write_plan, tmp_path, capsys) -> None:
    target = tmp_path / "report.xml"
    code, out, _ = run_cli(["check", str(write_plan(BROKEN)), "--format", "junit", "-o", str(target)], capsys)
    assert (code, out) == (1, "")
    assert "<failure" in target.read_text(encoding="utf-8")


def test_select_ignore_and_strict(write_plan, capsys) -> None:
    path = str(write_plan(BROKEN))
    code, out, _ = run_cli(["check", path, "--ignore", "missing-owner", "-f", "json"], capsys)
    assert (code, json.loads(out)["errors"]) == (0, 0)
    code, out, _ = run_cli(["check", path, "--ignore", "missing-owner", "--strict", "-f", "json"], capsys)
    assert code == 1
    code, out, _ = run_cli(["check", path, "--select", "orphan-intervention", "-f", "json"], capsys)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["orphan-intervention"]


def test_config_changes_severity_and_turns_rules_off(write_plan, tmp_path, capsys, monkeypatch) -> None:
    path = str(write_plan(BROKEN))
    (tmp_path / "nytta.toml").write_text('[rules]\nmissing-owner = "warning"\norphan-intervention = "off"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", path, "-f", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert {(f["rule"], f["severity"]) for f in data["findings"]} == {
        ("missing-owner", "warning"),
        ("unreached-benefit", "warning"),
    }


def test_inline_ignore_comment(write_plan, capsys) -> None:
    text = BROKEN.replace("  - id: kortare-tid\n", "  - id: kortare-tid  # nytta: ignore[missing-owner, other]\n")
    code, out, _ = run_cli(["check", str(write_plan(text)), "-f", "json"], capsys)
    assert code == 0
    assert "missing-owner" not in out


def test_phase_makes_a_rule_a_warning(write_plan, capsys) -> None:
    text = BASE_PLAN.replace("phase: realise", "phase: specify").replace("        method: Median per kvartal\n", "")
    code, out, _ = run_cli(["check", str(write_plan(text)), "-f", "json"], capsys)
    [finding] = json.loads(out)["findings"]
    assert (code, finding["rule"], finding["severity"]) == (0, "indicator-incomplete", "warning")


def test_directory_is_searched_recursively_and_non_plans_skipped(tmp_path, capsys) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "plan.yml").write_text(BASE_PLAN, encoding="utf-8")
    (tmp_path / "a" / "other.yaml").write_text("just: config\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, err = run_cli(["check", str(tmp_path), "-v", "--as-of", "2026-11-27"], capsys)
    assert code == 0
    assert out == "No problems found in 1 file.\n"
    assert "skipped (not a plan):" in err and "other.yaml" in err


def test_explicit_non_plan_file_is_an_error(tmp_path, capsys) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("just: config\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(path)], capsys)
    assert code == 1 and "not-a-plan" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "does-not-exist.yaml"],
        ["check", "--format", "xml", "."],
        ["check", "--as-of", "27/11/2026", "."],
        ["check", "--select", "missing-ownr", "."],
        ["check", "--config", "nope.toml", "."],
        ["check", "--no-such-option", "."],
        ["explain", "no-such-rule"],
        ["frobnicate"],
    ],
)
def test_cannot_run_means_one_line_on_stderr_and_exit_2(argv: list[str], capsys) -> None:
    code, out, err = run_cli(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("nytta: error: ") and err.count("\n") == 1


def test_unreadable_config_exits_2(tmp_path, capsys) -> None:
    config = tmp_path / "nytta.toml"
    config.write_text("[rules\n", encoding="utf-8")
    code, _, err = run_cli(["check", "--config", str(config), str(tmp_path)], capsys)
    assert code == 2 and "not valid TOML" in err


def test_rules_and_explain(capsys) -> None:
    code, out, _ = run_cli(["rules"], capsys)
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == list(all_rules())
    assert "missing-baseline" in out and "warning before specify" in out
    code, out, _ = run_cli(["explain", "target-direction"], capsys)
    assert code == 0 and "dis-benefit" in out and "# <-" in out


def test_version_and_module_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "nytta", "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout.strip()) == (0, "nytta 0.1.0")


def test_only_plans_skips_named_files_that_are_not_plans(tmp_path, capsys) -> None:
    other = tmp_path / "config.yaml"
    other.write_text("just: config\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE_PLAN, encoding="utf-8")
    code, out, _ = run_cli(["check", "--only-plans", str(other), str(plan), "--as-of", "2026-11-27"], capsys)
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_commands_are_registered_once_however_often_main_runs(capsys) -> None:
    from nytta.cli import app

    for _ in range(3):
        run_cli(["--version"], capsys)
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert len(names) == len(set(names))
