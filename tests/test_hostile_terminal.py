"""What a plan says reaches a terminal or a CI log shown, never obeyed.

Titles, units, references, measurement rows and file names may hold ESC and OSC sequences,
BEL, NUL, C1 controls and bidirectional overrides. In every human format (check text and
its echoed source lines, status, calc and diff text) and on stderr they are written as
escapes (``\\x1b``, ``\\u202e``); rich's markup in them stays text. Under GitHub Actions no
line nytta prints, on stdout or stderr, is a workflow command unless it means one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from test_fuzz import base_plan, dump

AS_OF = "2026-11-27"
#: A window title, a bell, a screen erase, NUL, a C1 CSI, a right-to-left override, DEL.
EVIL = "\x1b]0;pwned\x07\x1b[2J\x00\x9b31m\u202egnp.exe\x7f"
#: Every character a terminal or a bidi-aware viewer would act on (newline is structure).
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def assert_shown_not_obeyed(text: str) -> None:
    found = HIDDEN.findall(text)
    assert not found, (found[:5], text[:2000])


def hostile_plan(folder: Path) -> Path:
    data = base_plan()
    data["plan"]["title"] = f"Plan {EVIL} [link=https://evil.example]klick[/link] [/]"
    benefit = data["benefits"][0]
    benefit["name"] = f"Nytta {EVIL}"
    benefit["owner"] = f"okänd{EVIL}"  # an unknown person: check quotes the reference
    indicator = benefit["indicators"][0]
    indicator["unit"] = f"dagar{EVIL}"
    indicator["measurements"].append({"date": "2026-10-31", "value": f"text{EVIL}"})
    data["plan"]["currency"] = f"SEK{EVIL}"
    plan = folder / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("check", "--verbose"),
        ("status",),
        ("calc",),
    ],
)
def test_control_characters_in_a_plan_are_shown_as_escapes(
    command: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = hostile_plan(tmp_path)
    code, out, err = run_cli([*command, str(plan), "--as-of", AS_OF], capsys)
    assert code in (0, 1), err
    assert_shown_not_obeyed(out)
    assert_shown_not_obeyed(err)
    assert "\\x1b" in out or "\\u202e" in out


def test_the_plans_words_are_not_read_as_rich_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = hostile_plan(tmp_path)
    _, out, err = run_cli(["status", str(plan), "--as-of", AS_OF], capsys)
    assert "[link=https://evil.example]klick[/link] [/]" in out, err


def test_the_echoed_source_line_shows_raw_controls_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The YAML reader refuses a raw ESC; the finding is where it is, and echoes its line."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("nytta: 1\nplan: {title: \x1b]0;pwned\x07 \u202eabc}\n", encoding="utf-8")
    code, out, _ = run_cli(["check", str(plan)], capsys)
    assert code == 1
    assert_shown_not_obeyed(out)
    lines = out.splitlines()
    assert lines[0].startswith(f"{plan}:2:15: error yaml-syntax unacceptable character #x001b")
    assert lines[1] == "    plan: {title: \\x1b]0;pwned\\x07 \\u202eabc}"
    assert lines[2] == "    " + " " * 14 + "^"  # under the escape that stands for the ESC


def test_controls_in_measurement_rows_are_shown_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_plan()
    data["plan"]["measurements_file"] = "m.csv"
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    row = "dagar,2026-10-31,\x1b[31m12\x07,\x1b]8;;https://evil.example\x1b\\\\kalla\u202e,not\x00e\n"
    (tmp_path / "m.csv").write_bytes(("indicator,date,value,source,note\n" + row).encode("utf-8"))
    for command in (("check",), ("status",)):
        code, out, err = run_cli([*command, str(plan), "--as-of", AS_OF], capsys)
        assert code in (0, 1), err
        assert_shown_not_obeyed(out)
        assert_shown_not_obeyed(err)


def test_diff_text_shows_controls_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(dump(base_plan()), encoding="utf-8")
    new = hostile_plan(tmp_path)
    data = base_plan()
    data["benefits"].append({**data["benefits"][0], "id": "ny", "name": f"Ny {EVIL}"})
    data["benefits"][0]["indicators"][0]["baseline"]["value"] = 41
    new.write_text(dump(data), encoding="utf-8")
    code, out, err = run_cli(["diff", str(old), str(new)], capsys)
    assert code == 0, err
    assert "baseline changed" in out
    assert_shown_not_obeyed(out)


# -- file names, on stderr and under GitHub Actions -------------------------------------------

INJECTED = "x\n::error file=a.yaml,line=1::injected\n::add-mask::y"


def command_lines(text: str) -> list[str]:
    """The lines the Actions runner would read as workflow commands."""
    return [line for line in text.splitlines() if line.strip().startswith("::")]


@pytest.fixture
def folder_with_hostile_names(tmp_path: Path) -> Path:
    (tmp_path / f"{INJECTED}.yaml").write_text("name: not a plan\n", encoding="utf-8")
    name = EVIL.replace("\x00", "").replace("/", "")  # what a file name can hold
    (tmp_path / f"::warning::{name}.yaml").write_text("nytta: 1\nplan: [\n", encoding="utf-8")
    return tmp_path


def test_file_names_on_stderr_are_one_line_each(folder_with_hostile_names: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "--verbose", str(folder_with_hostile_names)], capsys)
    assert code == 1
    assert_shown_not_obeyed(out + err)
    [skipped] = err.splitlines()
    assert skipped.startswith("skipped (not a plan): ") and "x\\n::error" in skipped


def test_no_line_is_a_workflow_command_under_actions(
    folder_with_hostile_names: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(folder_with_hostile_names)
    names = sorted(path.name for path in folder_with_hostile_names.iterdir())
    _, out, err = run_cli(["check", "--verbose", "--format", "text", *names], capsys)
    assert command_lines(out) == [] and command_lines(err) == [], (out, err)
    assert out.startswith("%3A%3Awarning::\\x1b]0;pwned")
    _, out, err = run_cli(["status", *names], capsys)
    assert command_lines(out) == [] and command_lines(err) == [], (out, err)
    assert "nytta: skipped" in err


def test_the_github_format_keeps_its_annotations(
    folder_with_hostile_names: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under Actions ``check`` writes annotations, one per finding, each one line, and
    what they quote is shown, not obeyed."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run_cli(["check", str(folder_with_hostile_names)], capsys)
    [annotation] = command_lines(out)
    assert annotation.startswith("::error file=") and "%0A%3A%3Aerror" not in annotation
    assert len(out.splitlines()) == 1
    assert_shown_not_obeyed(out)  # the file name's ESC and BEL, written as escapes
    assert "\\x1b]0;pwned\\x07" in annotation


def test_the_junit_report_of_a_hostile_plan_is_well_formed_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """XML 1.0 cannot hold ESC or NUL: a report with them raw was no report at all."""
    import xml.etree.ElementTree as ET

    plan = hostile_plan(tmp_path)
    code, out, _ = run_cli(["check", str(plan), "--format", "junit", "--as-of", AS_OF], capsys)
    assert code == 1
    failures = ET.fromstring(out).iter("failure")
    assert any("\\x1b]0;pwned" in (failure.get("message") or "") for failure in failures)
