"""The YAML loader: exact positions, parser errors, and safety against hostile input."""

from __future__ import annotations

import datetime as _dt
import time

import pytest

from conftest import SPEC_DIR, run_check
from nytta.load.yaml import LoadError, parse_yaml


def test_positions_of_values_and_keys_are_exact() -> None:
    doc = parse_yaml((SPEC_DIR / "bygglov-e-tjanst.yaml").read_text(encoding="utf-8"))
    assert doc.positions.value(("benefits", 1, "valuation", "unit_value")) == (85, 19)
    assert doc.positions.key(("benefits", 2, "polarity")) == (91, 5)
    assert doc.positions.value(("benefits", 2)) == (88, 5)
    assert doc.positions.key(("costs", 1, "amounts", 2027)) == (114, 111)


def test_missing_path_falls_back_to_the_nearest_ancestor() -> None:
    doc = parse_yaml("a:\n  b: {c: 1}\n")
    assert doc.positions.value(("a", "b", "nothing", "here")) == (2, 6)


def test_scalars_are_typed_like_yaml_1_2() -> None:
    data = parse_yaml("i: 0x1F\nf: 1.5\nd: 2025-01-31\nb: true\nn: null\ns: '2025-01-31'\nno: no\n").data
    assert data == {"i": 31, "f": 1.5, "d": _dt.date(2025, 1, 31), "b": True, "n": None, "s": "2025-01-31", "no": "no"}


def test_merge_keys_are_honoured() -> None:
    data = parse_yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n").data
    assert data["d"] == {"x": 1, "y": 3}


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a: [1, 2\nb: 3\n", 2, 2, "syntax"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "syntax"),
        ("a: !!python/object/apply:os.system ['echo hacked']\n", 1, 4, "unsupported YAML tag"),
        ("a: !custom 1\n", 1, 4, "unsupported YAML tag"),
        ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a'"),
        ("a: &x [*x]\n", 1, 4, "recursive alias"),
    ],
)
def test_bad_yaml_is_a_located_error(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(LoadError) as info:
        parse_yaml(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert words in info.value.message


def test_alias_bomb_is_refused_quickly() -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    with pytest.raises(LoadError, match="alias expansion"):
        parse_yaml("\n".join(rows) + "\n")
    assert time.perf_counter() - started < 5  # a hang guard, not a benchmark


def test_non_utf8_file_is_a_finding(tmp_path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("nytta: 1\nplan: {id: x, title: 'Förskola'}\n".encode("latin-1"))
    [finding] = run_check(path)
    assert (finding.rule, finding.line) == ("yaml-syntax", 2)
    assert "not UTF-8" in finding.message


def test_yaml_syntax_error_reports_the_parsers_line(write_plan) -> None:
    [finding] = run_check(write_plan("nytta: 1\nplan:\n  id: x\n  title: [oops\n"))
    assert finding.rule == "yaml-syntax"
    assert finding.line == 5
