"""Every rule speaks Swedish: its failing example's findings, and `nytta explain`.

Each rule's failing example is checked in English and in Swedish; every finding of the
rule must read differently in Swedish and contain no piece of an English message (the
literal text between the placeholders of any marked message), so a message, a part of
one (a kind of entity, "; did you mean") or a rule's documentation that loses its
translation in the catalogue fails here.
"""

from __future__ import annotations

import functools
import re
import string
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from rule_table import example_findings

from conftest import ROOT, run_cli
from nytta.diagnostics import Diagnostic
from nytta.i18n import set_language
from nytta.rules.catalogue import ORDER
from nytta.rules.examples import apply_fragment
from nytta.rules.registry import all_rules

RULES = all_rules()
CATALOGUE = ROOT / "src" / "nytta" / "locale" / "sv" / "LC_MESSAGES"


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """``speak(lang)`` switches the language; the test starts in English and ends in it."""
    set_language("en")
    yield set_language
    set_language("en")


@functools.cache
def english_pieces() -> tuple[str, ...]:
    """The literal pieces (two words or more) of every message marked in the code."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import catalogue  # scripts/catalogue.py: the same extraction as the catalogue test

    pieces: set[str] = set()
    for item in catalogue.marked():
        for message in item.id if isinstance(item.id, tuple) else (item.id,):
            for literal, *_rest in string.Formatter().parse(message):
                piece = literal.strip(" ;:,.'\"()")
                if len(re.findall(r"[A-Za-z]+", piece)) >= 2:
                    pieces.add(piece)
    return tuple(sorted(pieces))


def _english_in(text: str) -> list[str]:
    return [piece for piece in english_pieces() if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)]


def _findings(rule_id: str, folder: Path) -> list[Diagnostic]:
    found = example_findings(rule_id, apply_fragment(RULES[rule_id].failing), folder)
    return sorted((d for d in found if d.rule == rule_id), key=lambda d: d.sort_key)


@pytest.mark.parametrize("rule_id", ORDER)
def test_the_failing_example_is_reported_in_swedish(rule_id: str, tmp_path: Path, speak) -> None:
    english = _findings(rule_id, tmp_path)
    speak("sv")
    swedish = _findings(rule_id, tmp_path)
    assert english, f"{rule_id}: its failing example reports nothing"
    assert [d.sort_key for d in swedish] == [d.sort_key for d in english]
    for sv, en in zip(swedish, english, strict=True):
        assert sv.message != en.message, f"{rule_id}: still English: {en.message!r}"
        assert not _english_in(sv.message), f"{rule_id}: {sv.message!r} keeps English {_english_in(sv.message)}"


def _swedish_docs() -> Iterator[tuple[str, str]]:
    for path in sorted(CATALOGUE.glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string and not message.fuzzy:
                    yield message.id, message.string


@pytest.mark.parametrize("rule_id", ORDER)
def test_explain_in_swedish_prints_the_swedish_documentation(rule_id: str, capsys, speak) -> None:
    rule = RULES[rule_id]
    swedish = dict(_swedish_docs()).get(rule.doc)
    assert swedish, f"{rule_id}: its documentation has no Swedish translation"
    code, out, err = run_cli(["--lang", "sv", "explain", rule_id], capsys)
    assert (code, err) == (0, "")
    summary = swedish.split("\n", 1)[0]
    assert out.startswith(f"{rule_id} (")
    assert f"\n\n{summary}\n" in out
    assert rule.doc.split("\n", 1)[0] not in out
    assert "Passes:" not in out and "Fails (on the line marked" not in out
    if rule.error_from is not None:
        assert "Severity:" not in out


def test_the_english_pieces_are_found_where_they_are_left() -> None:
    """The guard itself: an English message, or part of one, in a Swedish text is seen."""
    assert _english_in("nyttan 'x' saknar nyttoägare; did you mean 'anna'?") == ["did you mean"]
    assert _english_in("en nyttoägare ska vara a person, men 'x' är ett mål") == ["a person"]
    assert _english_in("nyttan 'kortare-tid' saknar nyttoägare (owner)") == []
