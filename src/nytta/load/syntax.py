"""What the YAML parser says when it stops, in plain words: what went wrong and what to write.

The parser's words (``did not find expected key``, ``mapping values are not allowed in this
context``) are matched and replaced with a message an analyst can act on; a problem not
listed keeps the parser's own words. A few problems are better shown where they begin (an
unclosed quotation mark, a key without ``:``) than where the parser noticed them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml.error import MarkedYAMLError

from nytta.i18n import _

Position = tuple[int, int]  # 1-based line and column


def plain(exc: MarkedYAMLError, lines: list[str]) -> tuple[str, Position]:
    """The message for a parser error and the position it belongs at."""
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context or ""
    stopped = _position(exc.problem_mark or exc.context_mark)
    began = _position(exc.context_mark or exc.problem_mark)
    for words, within, at_start, say in _PLAIN:
        if words.search(problem) and (within is None or within.search(context)):
            if say is _no_colon and ":" in _line(lines, began[0]):
                continue  # it has one, but after a key longer than YAML allows (1024 characters)
            where = began if at_start else stopped
            return say(_char(lines, where), began[0]), where
    if exc.context and exc.problem:
        problem = f"{exc.problem} ({exc.context})"
    return _("YAML syntax error: {problem}", problem=problem), stopped


def reader_problem(text: str) -> str:
    """A character the YAML reader refuses (a control character), or its own first line."""
    match = re.search(r"#x([0-9a-fA-F]+)", text)
    if match and "characters are not allowed" in text:
        return _("unacceptable character #x{code}: control characters are not allowed", code=match.group(1))
    return text.strip().splitlines()[0]


def _position(mark: object) -> Position:
    if mark is None:
        return (1, 1)
    return (getattr(mark, "line", 0) + 1, getattr(mark, "column", 0) + 1)


def _line(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _char(lines: list[str], where: Position) -> str:
    line, column = where
    text = _line(lines, line)
    return text[column - 1] if 0 < column <= len(text) else ""


def _cannot_start(char: str, _line: int) -> str:
    if char == "\t":
        return _tab(char, _line)
    return _("YAML syntax error: a value cannot start with '{char}'; put the text in quotes", char=char)


def _tab(_char: str, _line: int) -> str:
    return _("YAML syntax error: a tab character; indent with spaces, not tabs")


def _alias(char: str, line: int) -> str:
    return _cannot_start(char or "*", line)


def _undefined_alias(_char: str, _line: int) -> str:
    return _(
        "YAML syntax error: '*' refers to an anchor (&name) that does not exist; "
        "to write text that starts with '*', put it in quotes"
    )


def _key_expected(_char: str, _line: int) -> str:
    return _(
        "YAML syntax error: expected a key here; check that this line is indented like the keys above it, "
        "and that nothing follows a closing quotation mark"
    )


def _item_expected(_char: str, _line: int) -> str:
    return _("YAML syntax error: expected a list item ('- ') here; check the indentation of this line")


def _flow_mapping(_char: str, line: int) -> str:
    return _(
        "YAML syntax error: expected ',' or '}}' here; close the {{…}} opened on line {line}, "
        "and put text that contains ': ' or ',' in quotes",
        line=line,
    )


def _flow_sequence(_char: str, line: int) -> str:
    return _(
        "YAML syntax error: expected ',' or ']' here; close the […] opened on line {line}, "
        "and put text that contains ': ' or ',' in quotes",
        line=line,
    )


def _colon(_char: str, _line: int) -> str:
    return _("YAML syntax error: unexpected ':'; put a value that contains ': ' in quotes, or check the indentation")


def _flow_colon(_char: str, _line: int) -> str:
    return _("YAML syntax error: a ':' inside {…} or […] must be followed by a space, or the text put in quotes")


def _unclosed_quote(char: str, _line: int) -> str:
    return _("YAML syntax error: the quotation mark {char} here is never closed; end the text with {char}", char=char)


def _no_colon(_char: str, _line: int) -> str:
    return _("YAML syntax error: this line has no ':' after its key; write key: value")


def _escape(_char: str, _line: int) -> str:
    return _("YAML syntax error: a backslash inside \"…\" must be written \\\\, or put the text in single quotes '…'")


def _second_document(_char: str, _line: int) -> str:
    return _("YAML syntax error: '---' starts a second document; a plan file holds one")


def _list_here(_char: str, _line: int) -> str:
    return _("YAML syntax error: a list item ('- ') cannot start here; write the list on the lines below its key, indented")


def _tag(char: str, line: int) -> str:
    return _cannot_start(char or "!", line)


#: (the parser's words, the construct it was in or None for any, show it where the construct
#: began rather than where the parser stopped, the message). Both parsers' wordings are
#: matched (libyaml's "did not find expected key", ruamel's "expected <block end>").
_PLAIN: list[tuple[re.Pattern[str], re.Pattern[str] | None, bool, Callable[[str, int], str]]] = [
    (re.compile(r"tab character"), None, False, _tab),
    (re.compile(r"cannot start any token"), None, False, _cannot_start),
    (re.compile(r"expected alphabetic or numeric character"), re.compile(r"alias|anchor"), True, _alias),
    (re.compile(r"undefined alias"), None, False, _undefined_alias),
    (re.compile(r"undefined tag handle"), None, False, _tag),
    (re.compile(r"expected key|expected <block end>"), None, False, _key_expected),
    (re.compile(r"expected '-' indicator"), None, False, _item_expected),
    (re.compile(r"expected ',' or '\}'"), None, False, _flow_mapping),
    (re.compile(r"expected ',' or '\]'"), None, False, _flow_sequence),
    (re.compile(r"mapping values are not allowed"), None, False, _colon),
    (re.compile(r"found unexpected ':'"), None, False, _flow_colon),
    (re.compile(r"unexpected end of stream"), re.compile(r"quoted scalar"), True, _unclosed_quote),
    (re.compile(r"could not find expected ':'"), re.compile(r"simple key"), True, _no_colon),
    (re.compile(r"unknown escape character"), None, False, _escape),
    (re.compile(r"another document"), None, False, _second_document),
    (re.compile(r"sequence entries are not allowed"), None, False, _list_here),
]
