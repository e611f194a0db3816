"""`nytta report`: golden Markdown, self-contained and escaped HTML, templates and the sandbox.

Set NYTTA_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT, SPEC_DIR, TESTS, run_cli

GOLDEN = TESTS / "golden"
PLANS = {
    "bygglov-e-tjanst": SPEC_DIR / "bygglov-e-tjanst.yaml",
    "digitala-vardbesok": ROOT / "plans" / "digitala-vardbesok.yaml",
}
HOSTILE = '<script>alert("x")</script> & "citat" | *fet*'


def _report(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli(["report", *argv, "--as-of", "2026-11-27"], capsys)
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", sorted(PLANS))
def test_markdown_matches_the_golden_file(name: str, lang: str, capsys) -> None:
    text = _report([str(PLANS[name]), "--format", "md", "--lang", lang], capsys)
    text = text.replace(str(SPEC_DIR), "SPEC").replace(str(ROOT), "ROOT")
    golden = GOLDEN / f"{name}.{lang}.md"
    if os.environ.get("NYTTA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_default_language_is_the_plans_own_else_swedish(tmp_path: Path, capsys) -> None:
    english = tmp_path / "plan.yaml"
    english.write_text(
        PLANS["bygglov-e-tjanst"].read_text(encoding="utf-8").replace("language: sv", "language: en"), encoding="utf-8"
    )
    (tmp_path / "bygglov-e-tjanst.measurements.csv").write_bytes((SPEC_DIR / "bygglov-e-tjanst.measurements.csv").read_bytes())
    assert "Summary for the steering group" in _report([str(english), "-f", "md"], capsys)
    assert "Sammanfattning för styrgruppen" in _report([str(PLANS["bygglov-e-tjanst"]), "-f", "md"], capsys)


def test_swedish_numbers_and_terms(capsys) -> None:
    text = _report([str(PLANS["bygglov-e-tjanst"]), "-f", "md"], capsys)
    for words in (
        "Nettonuvärde: **135\u00a0299\u00a0kr**",
        "Nyttoägare",
        "Nyttomottagare",
        "Nollmätning",
        "Målvärde",
        "Nyttokalkyl",
        "Omfördelningsnytta",
        "Effektkedja",
        "Onytta",
        "| 432\u00a0000 |",
        "Nytta/kostnad: 1,10",
    ):
        assert words in text, words
    english = _report([str(PLANS["bygglov-e-tjanst"]), "-f", "md", "--lang", "en"], capsys)
    assert "Net present value: **SEK 135,299**" in english and "Benefit–cost ratio: 1.10" in english


def test_html_is_self_contained(capsys) -> None:
    for argv in ([str(PLANS["bygglov-e-tjanst"])], [str(ROOT / "plans")]):
        html = _report(argv, capsys)
        assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
        assert not re.search(r"<(script|link|img|iframe|object|embed)\b", html)
        assert not re.search(r"(src|href)=\"(?!#)", html), "only in-page links"
        assert not re.search(r"url\((?!#)|@import|https?://(?!www\.w3\.org/2000/svg)", html)


def _hostile_plan(tmp_path: Path) -> Path:
    source = PLANS["bygglov-e-tjanst"].read_text(encoding="utf-8")
    text = (
        source.replace("title: E-tjänst för bygglovsansökan", f"title: '{HOSTILE}'")
        .replace("name: Kortare handläggningstid för bygglov", f"name: '{HOSTILE}'")
        .replace("{id: anna, name: Anna Lind", f"{{id: anna, name: '{HOSTILE}'")
        .replace("name: Bygg och inför e-tjänsten", f"name: '{HOSTILE}'")
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "bygglov-e-tjanst.measurements.csv").write_bytes((SPEC_DIR / "bygglov-e-tjanst.measurements.csv").read_bytes())
    return path


def test_hostile_text_is_rendered_as_text_in_html(tmp_path: Path, capsys) -> None:
    html = _report([str(_hostile_plan(tmp_path))], capsys)
    assert "<script" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&amp; " in html


def test_hostile_text_is_rendered_as_text_in_markdown(tmp_path: Path, capsys) -> None:
    text = _report([str(_hostile_plan(tmp_path)), "-f", "md"], capsys)
    assert "<script" not in text
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; "citat" \\| \\*fet\\*' in text
    mermaid = text.split("```mermaid", 1)[1].split("```", 1)[0]
    assert "<" not in mermaid and "#lt;script#gt;" in mermaid


def test_templates_folder_overrides_by_name(tmp_path: Path, capsys) -> None:
    (tmp_path / "plan.md.j2").write_text("Plan {{ view.title }}: {{ view.status.label }}\n", encoding="utf-8")
    text = _report([str(PLANS["bygglov-e-tjanst"]), "-f", "md", "--templates", str(tmp_path)], capsys)
    assert text == "Plan E-tjänst för bygglovsansökan: Risk för avvikelse\n"
    html = _report([str(PLANS["bygglov-e-tjanst"]), "--templates", str(tmp_path)], capsys)
    assert html.startswith("<!DOCTYPE html>")  # the HTML template was not overridden


@pytest.mark.parametrize(
    "template",
    [
        "{{ view.__class__.__mro__ }}",
        "{{ ''.__class__.__subclasses__() }}",
        "{% include '/etc/passwd' %}",
        "{% include '../../../../etc/passwd' %}",
        "{{ view.text.__init__.__globals__ }}",
    ],
)
def test_user_templates_cannot_reach_files_or_internals(template: str, tmp_path: Path, capsys) -> None:
    (tmp_path / "plan.md.j2").write_text(template, encoding="utf-8")
    code, out, err = run_cli(["report", str(PLANS["bygglov-e-tjanst"]), "-f", "md", "--templates", str(tmp_path)], capsys)
    assert code == 2, out
    assert "root:" not in out and "the report template failed" in err


def test_portfolio_report(capsys) -> None:
    text = _report([str(ROOT / "plans"), "-f", "md"], capsys)
    assert text.count("\n| ") >= 3
    for words in (
        "Portföljrapport",
        "Summa per nyttokategori",
        "Summa per organisation",
        "Yrkesbevisverket",
        "Mätningar de närmaste 30 dagarna och försenade",
        "Miljönytta",
    ):
        assert words in text, words


def test_report_options_that_cannot_run_exit_2(tmp_path: Path, capsys) -> None:
    for argv in (["--format", "pdf"], ["--lang", "de"], ["--templates", str(tmp_path / "nope")]):
        code, _, err = run_cli(["report", str(PLANS["bygglov-e-tjanst"]), *argv], capsys)
        assert code == 2 and err.startswith("nytta: error:")
