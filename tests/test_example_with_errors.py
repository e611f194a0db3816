"""The plan of common mistakes (docs/exempel/med-fel), as `nytta check` reports it in Swedish
and in English: every mistake found, located and explained.

Owns the golden outputs ``tests/golden/med-fel.{sv,en}.txt``; set NYTTA_UPDATE_GOLDEN=1 to
rewrite them after a deliberate change and read the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT, TESTS, run_cli

EXAMPLE = ROOT / "docs" / "exempel" / "med-fel"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_check_finds_and_explains_every_mistake(lang: str, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    code, out, err = run_cli(["--lang", lang, "check", ".", "--as-of", "2026-11-27"], capsys)
    golden = TESTS / "golden" / f"med-fel.{lang}.txt"
    if os.environ.get("NYTTA_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert (code, err) == (1, "")
    assert out == golden.read_text(encoding="utf-8")


def test_the_example_holds_each_kind_of_mistake(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    """A missing owner, a Swedish key, a misspelt value, a decimal comma quoted and in {…},
    unquoted text with a comma, an impossible date and a misspelt indicator in the CSV."""
    monkeypatch.chdir(EXAMPLE)
    _code, out, _err = run_cli(["--lang", "en", "check", ".", "--as-of", "2026-11-27", "-f", "json"], capsys)
    messages = [(finding["rule"], finding["message"]) for finding in json.loads(out)["findings"]]
    wanted = [
        ("missing-owner", "has no owner"),
        ("schema", "did you mean 'recipients' (nyttomottagare)?"),
        ("schema", "did you mean 'kvalitet'?"),
        ("non-numeric-value", "write 40.5"),
        ("schema", "decimal comma in 'value: 30,5'"),
        ("schema", "text containing a comma inside {…} must be quoted"),
        ("schema", "'2026-02-30' is not a date: February 2026 has 28 days"),
        ("measurements-file", "unknown indicator 'handlaggningstd'; did you mean 'handlaggningstid'?"),
    ]
    missing = [want for want in wanted if not any(rule == want[0] and want[1] in text for rule, text in messages)]
    assert not missing, messages
