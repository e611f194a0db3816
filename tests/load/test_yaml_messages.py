"""What the YAML parser says when it stops, in plain words, at the place to fix, in English and
Swedish, from the C parser and from the pure-Python one."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest

import nytta.load.yaml as yaml_module
from nytta.i18n import set_language
from nytta.load.yaml import LoadError, parse_yaml

CASES = [
    # (name, text, line, column, English, Swedish)
    (
        "tab",
        "a:\n\t- b\n",
        2,
        1,
        "YAML syntax error: a tab character; indent with spaces, not tabs",
        "fel i YAML-syntaxen: ett tabbtecken; gör indrag med mellanslag, inte med tabb",
    ),
    (
        "indentation",
        "a:\n  b: 1\n c: 2\n",
        3,
        2,
        "YAML syntax error: expected a key here; check that this line is indented like the keys above it, "
        "and that nothing follows a closing quotation mark",
        "fel i YAML-syntaxen: här borde en nyckel stå; kontrollera att raden har samma indrag som nycklarna ovanför "
        "och att inget står efter ett avslutande citattecken",
    ),
    (
        "text-after-a-quote",
        'a: "Mål" och mer\n',
        1,
        10,
        "YAML syntax error: expected a key here; check that this line is indented like the keys above it, "
        "and that nothing follows a closing quotation mark",
        "fel i YAML-syntaxen: här borde en nyckel stå; kontrollera att raden har samma indrag som nycklarna ovanför "
        "och att inget står efter ett avslutande citattecken",
    ),
    (
        "unclosed-flow-mapping",
        "a:\n  - {b: 1\nc: 2\n",
        3,
        2,
        "YAML syntax error: expected ',' or '}' here; close the {…} opened on line 2, "
        "and put text that contains ': ' or ',' in quotes",
        "fel i YAML-syntaxen: här borde ',' eller '}' stå; avsluta {…} som börjar på rad 2, "
        "och skriv text som innehåller ': ' eller ',' inom citattecken",
    ),
    (
        "unclosed-flow-sequence",
        "a: [1, 2\nb: 3\n",
        2,
        2,
        "YAML syntax error: expected ',' or ']' here; close the […] opened on line 1, "
        "and put text that contains ': ' or ',' in quotes",
        "fel i YAML-syntaxen: här borde ',' eller ']' stå; avsluta […] som börjar på rad 1, "
        "och skriv text som innehåller ': ' eller ',' inom citattecken",
    ),
    (
        "colon-in-a-value",
        "name: Mål: kortare tid\n",
        1,
        10,
        "YAML syntax error: unexpected ':'; put a value that contains ': ' in quotes, or check the indentation",
        "fel i YAML-syntaxen: ett oväntat ':'; skriv ett värde som innehåller ': ' inom citattecken, eller kontrollera indraget",
    ),
    (
        "unclosed-quote-shown-where-it-opens",
        'a: "abc\nb: 2\n',
        1,
        4,
        'YAML syntax error: the quotation mark " here is never closed; end the text with "',
        'fel i YAML-syntaxen: citattecknet " här avslutas aldrig; avsluta texten med "',
    ),
    (
        "at-sign",
        "owner: @anna\n",
        1,
        8,
        "YAML syntax error: a value cannot start with '@'; put the text in quotes",
        "fel i YAML-syntaxen: ett värde kan inte börja med '@'; skriv texten inom citattecken",
    ),
    (
        "asterisk",
        "note: * viktigt\n",
        1,
        7,
        "YAML syntax error: a value cannot start with '*'; put the text in quotes",
        "fel i YAML-syntaxen: ett värde kan inte börja med '*'; skriv texten inom citattecken",
    ),
    (
        "no-colon-shown-at-its-line",
        "a: 1\nb\nc: 2\n",
        2,
        1,
        "YAML syntax error: this line has no ':' after its key; write key: value",
        "fel i YAML-syntaxen: raden saknar ':' efter nyckeln; skriv nyckel: värde",
    ),
    (
        "backslash",
        'source: "C:\\mapp"\n',
        1,
        12,
        "YAML syntax error: a backslash inside \"…\" must be written \\\\, or put the text in single quotes '…'",
        "fel i YAML-syntaxen: ett omvänt snedstreck inom \"…\" måste skrivas \\\\, eller skriv texten inom enkla citattecken '…'",
    ),
    (
        "second-document",
        "a: 1\n---\nb: 2\n",
        2,
        1,
        "YAML syntax error: '---' starts a second document; a plan file holds one",
        "fel i YAML-syntaxen: '---' inleder ett andra dokument; en planfil innehåller bara ett",
    ),
    (
        "list-after-a-key",
        "goals: - service\n",
        1,
        8,
        "YAML syntax error: a list item ('- ') cannot start here; write the list on the lines below its key, indented",
        "fel i YAML-syntaxen: en listpost ('- ') kan inte börja här; skriv listan på raderna under nyckeln, med indrag",
    ),
    (
        "duplicate-key",
        "a: 1\nb: 2\na: 3\n",
        3,
        1,
        "duplicate key 'a' (first used on line 1)",
        "nyckeln 'a' finns två gånger (först på rad 1)",
    ),
    (
        "unsupported-tag",
        "a: !!binary aGVsbG8=\n",
        1,
        4,
        "unsupported YAML tag !!binary",
        "YAML-taggen !!binary stöds inte",
    ),
]


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each case with the C parser, and with the pure-Python one it falls back to."""
    if request.param == "c":
        yield "c"
        return

    def no_c_parser(_text: str) -> None:
        raise ImportError

    with mock.patch.object(yaml_module, "_compose_c", no_c_parser):
        yield "pure"


def _error(text: str, lang: str = "en") -> tuple[int, int, str]:
    set_language(lang)
    try:
        with pytest.raises(LoadError) as info:
            parse_yaml(text)
    finally:
        set_language("en")
    return (info.value.line, info.value.column, info.value.message)


@pytest.mark.parametrize(("name", "text", "line", "column", "english", "swedish"), CASES, ids=[case[0] for case in CASES])
def test_the_parser_stopping_is_said_plainly(name: str, text: str, line: int, column: int, english: str, swedish: str) -> None:
    assert _error(text) == (line, column, english)
    assert _error(text, "sv") == (line, column, swedish)


@pytest.mark.parametrize(
    "name", ["tab", "indentation", "unclosed-flow-mapping", "colon-in-a-value", "unclosed-quote-shown-where-it-opens"]
)
def test_the_pure_python_parser_says_the_same(name: str, parser: str) -> None:
    _name, text, line, column, english, _swedish = next(case for case in CASES if case[0] == name)
    assert _error(text) == (line, column, english)


def test_a_problem_not_listed_keeps_the_parsers_words() -> None:
    assert _error("%YAML 1.1\n%YAML 1.1\n---\na: 1\n")[2] == "YAML syntax error: found duplicate %YAML directive"


def test_a_key_longer_than_yaml_allows_is_not_said_to_lack_its_colon() -> None:
    line, column, message = _error("a: 1\n" + "k" * 2000 + ": 1\n")
    assert (line, column) == (2, 2001)
    assert message == "YAML syntax error: could not find expected ':' (while scanning a simple key)"


def test_a_control_character() -> None:
    assert _error("a: \x07\n", "sv")[2] == "otillåtet tecken #x0007: styrtecken får inte finnas i filen"
