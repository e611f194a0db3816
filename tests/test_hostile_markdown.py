"""Plan text in every Markdown output reads as written and does nothing else.

``diff -f md`` once put names and texts with newlines into table cells raw: a heading, an
@-mention, a tracking image and a link reached the merge-request comment. One helper
(``nytta.render.markdown_text``) now writes user text for the diff and for the Markdown
reports (and as the templates' filter ``md``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from test_fuzz import base_plan, dump

AS_OF = "2026-11-27"
INJECTION = (
    "karin\n\n# Injected heading\n@octocat please merge ![t](https://evil.example/t.png) "
    "[klick](https://evil.example) <img src=x onerror=alert(1)> | extra cell |\n- list\n1. item\n> quote \x1b[31m\u202e"
)


def assert_inert(markdown: str) -> None:
    """The injected text starts no line, breaks no table, links, shows and mentions nothing."""
    injected_starts = ("# Injected", "@octocat", "![t]", "[klick]", "<img", "| extra", "- list", "1. item", "> quote")
    table: list[int] = []
    for line in [*markdown.splitlines(), ""]:
        assert not line.lstrip().startswith(injected_starts), line
        if line.startswith("|"):
            table.append(len(re.findall(r"(?<!\\)\|", line)))
        elif table:
            assert len(set(table)) == 1, table  # every row of a table has the header's cells
            table = []
    assert re.search(r"@\w", markdown) is None, "a mention"
    assert re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", markdown) is None, "a link or an image"
    assert "<img" not in markdown
    assert "\x1b" not in markdown and "\u202e" not in markdown


def diff_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(dump(base_plan()), encoding="utf-8")
    data = base_plan()
    data["benefits"][0]["owner"] = INJECTION
    data["benefits"][0]["indicators"][0]["measurements"].append({"date": "2026-10-31", "value": INJECTION})
    new.write_text(dump(data), encoding="utf-8")
    code, out, err = run_cli(["--lang", lang, "diff", str(old), str(new), "-f", "md"], capsys)
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_diff_markdown_keeps_plan_text_inert(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown = diff_markdown(tmp_path, capsys, lang)
    assert_inert(markdown)
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(rows) == 4  # header, rule, the owner change, the measurements added
    assert "karin # Injected heading @&#8203;octocat please merge !\\[t\\](https://evil.example/t.png)" in markdown
    assert "&lt;img src=x onerror=alert(1)&gt; \\| extra cell \\|" in markdown


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_markdown_report_keeps_plan_text_inert(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_plan()
    data["plan"]["title"] = INJECTION
    benefit = data["benefits"][0]
    benefit["name"] = INJECTION
    benefit["description"] = INJECTION
    benefit["indicators"][0]["unit"] = INJECTION
    data["chain"][0]["name"] = INJECTION
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    code, out, err = run_cli(["--lang", lang, "report", str(plan), "-f", "md", "--as-of", AS_OF], capsys)
    assert code in (0, 1), err
    body = out.split("```mermaid")[0] + out.split("```", 2)[-1]
    assert_inert(body)
    chain = out.split("```mermaid")[1].split("```")[0]
    assert "\n# Injected" not in chain and "\x1b" not in chain


def test_the_md_filter_escapes_once(tmp_path: Path) -> None:
    from nytta.render.report.environment import environment

    env = environment("md")
    template = env.from_string("{{ value | md }} / {{ value }}")
    shown = template.render(value="a|b\n# c @d")
    assert shown == "a\\|b # c @&#8203;d / a\\|b # c @&#8203;d"
