"""YAML text → node graph, with the nesting bounded before it can overflow the C stack.

The C parser's own composer recurses in C once per level of nesting and has no limit: some
25 000 levels (``[`` written 25 000 times, 25 KB) overflow an 8 MB stack and kill the process
before Python can see a thing. So a document goes to that composer only when a linear count
proves it shallow: few ``[`` and ``{`` in all, and no line that starts with a long run of
``- ``, ``? `` or ``: `` (block nesting needs indentation or such indicators). Any other
document is composed here from the same parser's events, one level at a time without
recursion, and refused at the first value nested deeper than :data:`MAX_DEPTH`.

Why the count bounds the depth: a flow collection starts at a ``[`` or ``{`` (a mapping of
one pair written in a sequence, ``[a: [b: …]]``, at most one more per ``[``); a block
collection starts at a column where the line's indentation or its leading indicators end,
and the block levels open at any point have distinct columns (one more for a list written
at its key's indentation), so they are at most twice the longest such leading run, plus two.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ruamel.yaml.composer import ComposerError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: No plan nests anywhere near this deep; deeper input is refused before it can recurse.
MAX_DEPTH = 64
#: A realistic plan holds a few thousand values (YAML nodes). Each costs some 700 bytes
#: once loaded, so a file of 64 MiB of ``[0,0,0,…`` would need tens of GB; past this many
#: the document is refused while it is being composed.
MAX_NODES = 500_000
#: The C composer is trusted with documents that provably nest no deeper than about
#: ``2 * (FLOW_BRACKETS + BLOCK_RUN)``: a tenth of what overflows an 8 MB stack, and within
#: the 1–2 MB of a Windows main thread.
FLOW_BRACKETS = 1_000
BLOCK_RUN = 300
_LONG_RUN = re.compile(r"^[ \t?:-]{" + str(BLOCK_RUN) + ",}", re.MULTILINE)

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class TooManyNodes(Exception):
    """Raised while composing once the document exceeds MAX_NODES."""


class TooDeep(Exception):
    """A value nested deeper than MAX_DEPTH; ``line`` and ``column`` are 1-based."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def provably_shallow(text: str) -> bool:
    """Whether a count shows that ``text`` cannot nest deeper than the C composer can take."""
    return text.count("[") + text.count("{") <= FLOW_BRACKETS and _LONG_RUN.search(text) is None


def compose(text: str) -> Node | None:
    """The node graph of the single document in ``text`` (None for an empty stream), from
    the C parser; raise ImportError when it is not installed, and the parser's errors."""
    from ruamel.yaml import cyaml

    # ruamel.yaml.cyaml imports CParser from its C extension but does not export it.
    parser = getattr(cyaml, "CParser", None)
    if parser is None:  # pragma: no cover - depends on the installation
        raise ImportError
    composer = composer_class(parser)(text)
    try:
        if provably_shallow(text):
            node: Node | None = composer.get_single_node()
            return node
        return _EventComposer(composer).single_document()
    finally:
        composer.dispose()


@functools.cache
def composer_class(parser: Any) -> type[Any]:
    """The C parser with a resolver that looks each plain scalar up in YAML 1.2's table once
    and hands out one shared tag object per tag (ruamel's own re-derives both per scalar)."""
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    table = VersionedResolver(version=(1, 2)).versioned_resolver
    shared: dict[str, Tag] = {}

    def tag(name: str) -> Tag:
        if name not in shared:
            shared[name] = Tag(suffix=name)
        return shared[name]

    defaults = {ScalarNode: tag(_STR), SequenceNode: tag(_SEQ), MappingNode: tag(_MAP)}

    # The base is the C parser class, known only at run time (and untyped).
    class _Composer(parser, VersionedResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            self.nodes_composed = 0
            parser.__init__(self, stream)
            VersionedResolver.__init__(self, version=(1, 2), loadumper=self)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:  # once per node composed
            self.nodes_composed += 1
            if self.nodes_composed > MAX_NODES:
                raise TooManyNodes
            if kind is ScalarNode and implicit[0]:
                for name, regexp in table.get(value[:1], []) + table.get(None, []):
                    if regexp.match(value):
                        return tag(name)
            return defaults[kind]

    return _Composer


class _EventComposer:
    """Builds the same nodes as the C composer from the parser's events (which, like it,
    leaves ``anchor`` unset), keeping the open collections on a list instead of the call
    stack, so depth costs memory, not stack."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.anchors: dict[str, Node] = {}
        #: The open collections, each with the key read for the value still to come.
        self.open: list[tuple[Node, list[Node]]] = []

    def single_document(self) -> Node | None:
        parser = self.parser
        parser.get_event()  # stream start
        if isinstance(parser.peek_event(), StreamEndEvent):
            return None
        parser.get_event()  # document start
        root = self._tree()
        parser.get_event()  # document end
        if not isinstance(parser.peek_event(), StreamEndEvent):
            event = parser.get_event()
            raise ComposerError(
                "expected a single document in the stream", root.start_mark, "but found another document", event.start_mark
            )
        return root

    def _tree(self) -> Node:
        while True:
            event = self.parser.get_event()
            if isinstance(event, CollectionEndEvent):
                node, _pending = self.open.pop()
                node.end_mark = event.end_mark
            else:
                started = self._start(event)
                if started is None:
                    continue
                node = started
            if not self.open:
                return node
            self._add(node)

    def _start(self, event: Any) -> Node | None:
        """The node an event gives, or None when it opened a collection (now on ``open``)."""
        if isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                raise ComposerError(None, None, "found undefined alias", event.start_mark)
            return self.anchors[event.anchor]
        if len(self.open) > MAX_DEPTH:
            raise TooDeep(event.start_mark.line + 1, event.start_mark.column + 1)
        node = self._node(event)
        if event.anchor is not None:
            if event.anchor in self.anchors:
                first = self.anchors[event.anchor].start_mark
                raise ComposerError("found duplicate anchor; first occurrence", first, "second occurrence", event.start_mark)
            self.anchors[event.anchor] = node
        if isinstance(node, ScalarNode):
            return node
        self.open.append((node, []))
        return None

    def _node(self, event: Any) -> Node:
        tag = event.tag
        if isinstance(event, ScalarEvent):
            if tag is None or tag == "!":
                tag = self.parser.resolve(ScalarNode, event.value, event.implicit)
            return ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
        assert isinstance(event, SequenceStartEvent | MappingStartEvent)
        if tag is None or tag == "!":
            tag = self.parser.resolve(kind, None, event.implicit)
        return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)

    def _add(self, node: Node) -> None:
        parent, pending = self.open[-1]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif pending:
            parent.value.append((pending.pop(), node))
        else:
            pending.append(node)
