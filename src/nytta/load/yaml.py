"""Safe YAML loading with exact positions.

The document is composed into nodes by ruamel.yaml (the C parser when it is installed,
the pure-Python one otherwise; :mod:`nytta.load.compose` keeps either from nesting deeper
than :data:`MAX_DEPTH`) and turned into plain Python data in one walk that also
records, for every data path, where its key and value start. Only the standard YAML
tags are understood (no Python objects), merge keys are honoured, and alias expansion
is bounded so an alias bomb is an error, not a hang.

What the parser says when it stops is put in plain words (:mod:`nytta.load.syntax`). A
comma inside ``{…}`` that was meant as part of a value (``{value: 0,5}``, ``{note: 1,9 mkr}``)
is read as the text it was meant to be and kept as a :class:`CommaSlip` for the loader to
report.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nytta.i18n import _
from nytta.load.compose import MAX_DEPTH, MAX_NODES, TooDeep, TooManyNodes
from nytta.load.compose import compose as _compose_c
from nytta.load.syntax import plain, reader_problem

Path = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column

#: Alias expansion budget: beyond this many nodes, a document may construct at most
#: ``ALIAS_FACTOR`` times as many nodes as it spells out.
ALIAS_FLOOR = 20_000
ALIAS_FACTOR = 10

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_NULL = "tag:yaml.org,2002:null"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    _NULL,
    "tag:yaml.org,2002:timestamp",
    _STR,
}


class LoadError(Exception):
    """The text is not a YAML document nytta accepts; carries the 1-based position."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class SourceDict(dict[Any, Any]):
    """A mapping constructed from YAML that remembers its data path."""

    __slots__ = ("path",)
    path: Path


@dataclass
class Positions:
    """Where each data path's value (and, for mapping entries, key) starts."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)

    def value(self, path: Path) -> Position:
        """Position of the value at ``path``, or of its nearest located ancestor."""
        return self._nearest(self.values, path)

    def key(self, path: Path) -> Position:
        """Position of the key of ``path`` (its value's position for list items)."""
        if path in self.keys:
            return self.keys[path]
        return self.value(path)

    @staticmethod
    def _nearest(table: dict[Path, Position], path: Path) -> Position:
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return table.get((), (1, 1))


@dataclass(frozen=True, slots=True)
class CommaSlip:
    """A value inside ``{…}`` that a comma cut in two (``{value: 0,5}`` is ``value: 0`` and a
    key ``5`` to YAML); it is read as ``text``, the whole value as written."""

    path: Path
    text: str
    position: Position


@dataclass
class YamlDocument:
    """Plain data of one YAML document plus its position map, source lines and comma slips."""

    data: Any
    positions: Positions
    lines: list[str]
    slips: list[CommaSlip] = field(default_factory=list)

    def line_text(self, line: int) -> str | None:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML text into a :class:`YamlDocument`; raise :class:`LoadError` if it is not one.

    The garbage collector is paused meanwhile: composing and building only create objects
    that stay alive until the end, so its passes would find nothing, yet with Python's
    default thresholds they took three quarters of the time on a large document
    (composing 1.7 million nodes: 11.5 s with them, 2.7 s without).
    """
    lines = text.splitlines()
    with _collector_paused():
        node = _compose(text, lines)
        builder = _Builder(lines)
        data = builder.build(node, ()) if node is not None else None
    return YamlDocument(data, builder.positions, lines, builder.slips)


@contextmanager
def _collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compose(text: str, lines: list[str]) -> Node | None:
    """The node graph, from the C parser when installed, else from the pure-Python one."""
    try:
        try:
            return _compose_c(text)
        except ImportError:
            from ruamel.yaml import YAML

            node: Node | None = YAML(typ="safe", pure=True).compose(text)
            return node
    except RecursionError:
        raise LoadError(_nests_too_deep()) from None
    except TooDeep as exc:
        raise LoadError(_nests_too_deep(), exc.line, exc.column) from None
    except TooManyNodes:
        raise LoadError(_too_many_nodes()) from None
    except MarkedYAMLError as exc:
        message, (line, column) = plain(exc, lines)
        raise LoadError(message, line, column) from None
    except YAMLError as exc:
        raise LoadError(reader_problem(str(exc)), *_unacceptable(text)) from None


#: A character the YAML reader refuses: YAML allows tab, the line breaks and printable text.
_UNACCEPTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _unacceptable(text: str) -> Position:
    """Where the first character the reader refuses is (1, 1 when there is none)."""
    found = _UNACCEPTABLE.search(text)
    if found is None:
        return (1, 1)
    start = found.start()
    return (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start))


def _too_many_nodes() -> str:
    return _(
        "the document holds more than {count} values, far more than a plan needs; "
        "keep long measurement series in a measurements file (plan.measurements_file)",
        count=format(MAX_NODES, ",").replace(",", " "),
    )


def _nests_too_deep() -> str:
    return _("the document nests deeper than {depth} levels", depth=MAX_DEPTH)


def _position(node: Node) -> Position:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """One walk over the node graph: constructs data and records positions."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.positions = Positions()
        self._seen: set[int] = set()
        self._built = 0
        self._stack: set[int] = set()
        self.slips: list[CommaSlip] = []

    def build(self, node: Node, path: Path) -> Any:
        self._count(node)
        if len(path) > MAX_DEPTH:
            raise LoadError(_nests_too_deep(), *_position(node))
        self.positions.values.setdefault(path, _position(node))
        if isinstance(node, ScalarNode):
            return _scalar(node)
        key = id(node)
        if key in self._stack:
            raise LoadError(_("recursive alias: an anchor (&name) is used inside itself (*name)"), *_position(node))
        self._stack.add(key)
        try:
            if isinstance(node, SequenceNode):
                self._check_tag(node, _SEQ)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                self._check_tag(node, _MAP)
                return self._mapping(node, path)
        finally:
            self._stack.discard(key)
        raise LoadError(_("unsupported YAML node"), *_position(node))  # pragma: no cover

    def _count(self, node: Node) -> None:
        self._built += 1
        self._seen.add(id(node))
        if len(self._seen) > MAX_NODES:  # composed without the C parser, which stops sooner
            raise LoadError(_too_many_nodes(), *_position(node))
        if self._built > ALIAS_FLOOR and self._built > ALIAS_FACTOR * len(self._seen):
            raise LoadError(
                _(
                    "too much alias expansion: the document's aliases (*name) expand to more than {factor} times its size",
                    factor=ALIAS_FACTOR,
                ),
                *_position(node),
            )

    @staticmethod
    def _check_tag(node: Node, expected: str) -> None:
        if str(node.tag) != expected:
            raise LoadError(_unsupported_tag(node), *_position(node))

    def _mapping(self, node: MappingNode, path: Path) -> SourceDict:
        result = SourceDict()
        result.path = path
        first_seen: dict[Any, Position] = {}
        merged: dict[Any, Any] = {}
        entries = node.value
        index = 0
        while index < len(entries):
            key_node, value_node = entries[index]
            cut = _comma_cut(entries, index, self.lines) if node.flow_style else 0
            if str(key_node.tag) == _MERGE:
                merged.update(self._merge_source(value_node, path))
                index += 1
                continue
            key = self._key(key_node)
            if key in first_seen:
                line, column = self._written_key(node, index)
                raise LoadError(
                    _("duplicate key {key} (first used on line {line})", key=repr(key), line=first_seen[key][0]), line, column
                )
            first_seen[key] = _position(key_node)
            self.positions.keys[(*path, key)] = _position(key_node)
            if cut:
                result[key] = self._slip(value_node, entries[index + cut][0], (*path, key))
            else:
                result[key] = self.build(value_node, (*path, key))
            index += 1 + cut
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _slip(self, value: ScalarNode, last: ScalarNode, path: Path) -> str:
        """The value a comma cut in two, read as the text written from ``value`` to ``last``."""
        self._count(value)
        self.positions.values.setdefault(path, _position(value))
        text = self._span(value, last)
        self.slips.append(CommaSlip(path, text, _position(value)))
        return text

    def _span(self, first: Node, last: Node) -> str:
        start, end = first.start_mark, last.end_mark
        if not 0 <= start.line <= end.line < len(self.lines):
            return f"{first.value},{last.value}"
        if start.line == end.line:
            return str(self.lines[start.line][start.column : end.column])
        pieces = [
            self.lines[start.line][start.column :],
            *self.lines[start.line + 1 : end.line],
            self.lines[end.line][: end.column],
        ]
        return " ".join(piece.strip() for piece in pieces)

    def _written_key(self, node: MappingNode, index: int) -> Position:
        """Where the key of entry ``index`` is written. A key written as an alias (``*k``)
        is the anchored node itself, whose mark is the anchor's; then the alias is the
        last ``*`` outside comments between the previous entry and this entry's value."""
        key_node, value_node = node.value[index]
        after = node.value[index - 1][1].end_mark if index else node.start_mark
        start, end = (after.line, after.column), (value_node.start_mark.line, value_node.start_mark.column)
        if (key_node.start_mark.line, key_node.start_mark.column) >= start or end <= start:
            return _position(key_node)
        found = None
        for line in range(start[0], min(end[0], len(self.lines) - 1) + 1):
            text = self.lines[line][: end[1] if line == end[0] else None]
            text = _COMMENT.sub("", text)
            first = start[1] if line == start[0] else 0
            star = text.rfind("*", first)
            if star >= 0:
                found = (line + 1, star + 1)
        return found or _position(key_node)

    def _merge_source(self, node: Node, path: Path) -> dict[Any, Any]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        merged: dict[Any, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, MappingNode):
                raise LoadError(_("a merge key (<<) must refer to a mapping"), *_position(source))
            merged.update(self._mapping(source, path))
        return merged

    def _key(self, node: Node) -> Any:
        if not isinstance(node, ScalarNode):
            raise LoadError(_("a mapping key must be a plain value"), *_position(node))
        key = _scalar(node)
        if isinstance(key, float) or key is None:
            return str(node.value)
        return key


def _comma_cut(entries: list[tuple[Node, Node]], index: int, lines: list[str]) -> int:
    """How many entries after ``index`` of a ``{…}`` are the rest of entry ``index``'s value,
    cut off by commas: keys without ``:`` or value that follow a plain value (``{value: 0,5}``
    is ``value: 0`` and a key ``5``; ``{note: 1,9 mkr}`` is ``note: 1`` and a key ``9 mkr``)."""
    value = entries[index][1]
    if not _plain(value) or value.value == "":
        return 0
    cut = 0
    for following in range(index + 1, len(entries)):  # no slice: this runs for every entry
        key_node, value_node = entries[following]
        if not (_scalar_key(key_node) and _nothing_after(key_node, value_node, lines)):
            break
        cut += 1
    return cut


def _plain(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.anchor is None


def _scalar_key(node: Node) -> bool:
    return isinstance(node, ScalarNode) and str(node.tag) != _MERGE and node.anchor is None


def _nothing_after(key: Node, value: Node, lines: list[str]) -> bool:
    """A key written without ``:`` (its value an empty null, with only blanks after the key)."""
    if not (isinstance(value, ScalarNode) and str(value.tag) == _NULL and value.value == "" and not value.style):
        return False
    end, start = key.end_mark, value.start_mark
    if start.line != end.line or not 0 <= end.line < len(lines):
        return (start.line, start.column) == (end.line, end.column)
    return not lines[end.line][end.column : start.column].strip()


#: A comment: ``#`` at the start of a line or after white space, to the end of the line.
_COMMENT = re.compile(r"(?:^|(?<=\s))#.*$")


def _unsupported_tag(node: Node) -> str:
    return _("unsupported YAML tag {tag}", tag=_tag_name(node))


def _tag_name(node: Node) -> str:
    tag = str(node.tag)
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _scalar(node: ScalarNode) -> Any:
    tag = str(node.tag)
    if tag not in _SCALAR_TAGS:
        raise LoadError(_unsupported_tag(node), *_position(node))
    value: str = node.value
    if tag == _STR:
        return value
    try:
        return _CONVERTERS[tag](value)
    except (ValueError, OverflowError):
        return value


#: Integers longer than this stay text: Python cannot print an integer of more than 4300
#: decimal digits (about 14 300 bits), and every message that shows the value would fail.
MAX_INT_BITS = 14_000


def _to_int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if body.startswith("0o"):
        value = int(body[2:], 8)
    elif body.startswith("0x"):
        value = int(body[2:], 16)
    elif len(body) > 4300:
        raise ValueError("integer too long")
    else:
        value = int(body, 10)
    if value.bit_length() > MAX_INT_BITS:  # 0x and 0o literals are not limited by Python
        raise ValueError("integer too long")
    return sign * value


def _to_float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)


def _to_bool(text: str) -> bool:
    return text.lower() in ("true", "yes", "on", "y")


def _to_timestamp(text: str) -> _dt.date | _dt.datetime:
    text = text.strip()
    if len(text) == 10:
        return _dt.date.fromisoformat(text)
    normalised = text.replace("t", "T").replace(" ", "T", 1).replace("z", "Z")
    return _dt.datetime.fromisoformat(normalised.replace("Z", "+00:00"))


_CONVERTERS = {
    "tag:yaml.org,2002:int": _to_int,
    "tag:yaml.org,2002:float": _to_float,
    "tag:yaml.org,2002:bool": _to_bool,
    "tag:yaml.org,2002:null": lambda _text: None,
    "tag:yaml.org,2002:timestamp": _to_timestamp,
}
