"""The effect chain (effektkedja) as a diagram: a Mermaid flowchart for Markdown, an inline `<svg>`
for HTML.

This module owns the layout (columns by kind, boxes, arrows) and the escaping of user text for
both targets. The caller decides which nodes and links exist and the words for each kind.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nytta.render.report.svg import (
    BOLD,
    TEXT_COLOUR,
    clean_text,
    fit,
    fits,
    safe_id,
    svg_open,
    text_el,
    text_width,
)

_ORDER = ("intervention", "output", "change", "effect", "benefit", "disbenefit", "goal")
_COLUMN = {"intervention": 0, "output": 1, "change": 2, "effect": 3, "benefit": 4, "disbenefit": 4, "goal": 5}
_OTHER_COLUMN = 6
_SHAPE = {
    "intervention": ("[[", "]]"),
    "output": ("[/", "/]"),
    "change": ("(", ")"),
    "effect": ("([", "])"),
    "benefit": ("{{", "}}"),
    "disbenefit": ("{{", "}}"),
    "goal": ("[(", ")]"),
}
_STYLE = {
    "intervention": ("#e8eef7", "#1f4e9a"),
    "output": ("#eaf3ea", "#2e6b30"),
    "change": ("#fdf1dc", "#8a5a00"),
    "effect": ("#f1eaf7", "#6b3fa0"),
    "benefit": ("#e3f2ef", "#00695c"),
    "disbenefit": ("#fdeaea", "#a61b1b"),
    "goal": ("#eeeeee", "#333333"),
}
_OTHER_STYLE = ("#ffffff", "#595959")
_MERMAID_ESCAPES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}
_WARNING = "\u26a0"

_BOX_WIDTH, _GAP_X, _GAP_Y, _MARGIN = 140.0, 40.0, 14.0, 16.0
_FONT, _LINE, _PAD = 12.0, 15.0, 8.0
_HEAD = 42.0  # two lines of column heading
_BACK = 30.0  # how far below the boxes backward edges run


@dataclass(frozen=True)
class ChainNode:
    """One step of the chain: an intervention, output, change, effect, (dis-)benefit or goal."""

    id: str
    label: str
    kind: str


@dataclass(frozen=True)
class _Box:
    node: ChainNode
    column: int
    x: float
    y: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return 2 * _PAD + _LINE * (len(self.lines) + (self.node.kind == "disbenefit")) - 3

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


# Shared --------------------------------------------------------------------------------------------


def _unique(nodes: list[ChainNode]) -> list[ChainNode]:
    """The nodes with the first of each id."""
    seen: dict[str, ChainNode] = {}
    for node in nodes:
        seen.setdefault(node.id, node)
    return list(seen.values())


def _known_edges(nodes: list[ChainNode], edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Edges between known nodes, each once, in the given order."""
    ids = {node.id for node in nodes}
    return list(dict.fromkeys((a, b) for a, b in edges if a in ids and b in ids))


def _label(node: ChainNode) -> str:
    """The node's label, or its id when the label is blank."""
    return node.label if node.label.strip() else node.id


def _marker_text(kind_labels: dict[str, str]) -> str:
    return f"{_WARNING} {kind_labels.get('disbenefit', 'disbenefit')}"


# Mermaid -------------------------------------------------------------------------------------------


def _mermaid_ids(nodes: list[ChainNode]) -> dict[str, str]:
    """Mermaid-safe ids (`n_` + [A-Za-z0-9_]); distinct ids stay distinct. The ids taken are a
    set, and each base remembers the suffix it got to, so many colliding ids cost no search."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    next_suffix: dict[str, int] = {}
    for node in nodes:
        base = "n_" + re.sub(r"[^A-Za-z0-9_]", "_", node.id)
        candidate, suffix = base, next_suffix.get(base, 2)
        while candidate in taken:
            candidate, suffix = f"{base}_{suffix}", suffix + 1
        next_suffix[base] = suffix
        ids[node.id] = candidate
        taken.add(candidate)
    return ids


def _mermaid_text(text: str) -> str:
    """User text as a quoted Mermaid label: entity codes for anything that could end the label or
    become markup."""
    text = " ".join(clean_text(text).split())
    return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in text) or " "  # Mermaid rejects an empty label


def chain_mermaid(nodes: list[ChainNode], edges: list[tuple[str, str]], kind_labels: dict[str, str]) -> str:
    """A Mermaid `flowchart LR` body (no fences): one line per node, one per edge, one classDef per kind."""
    nodes = _unique(nodes)
    ids = _mermaid_ids(nodes)
    lines = ["flowchart LR"]
    for node in nodes:
        opening, closing = _SHAPE.get(node.kind, ("[", "]"))
        label = f"{_marker_text(kind_labels)}: {_label(node)}" if node.kind == "disbenefit" else _label(node)
        style = f":::{node.kind}" if node.kind in _STYLE else ""
        lines.append(f'    {ids[node.id]}{opening}"{_mermaid_text(label)}"{closing}{style}')
    lines += [f"    {ids[a]} --> {ids[b]}" for a, b in _known_edges(nodes, edges)]
    for kind, (fill, stroke) in _STYLE.items():
        dash = ",stroke-dasharray:5 3" if kind == "disbenefit" else ""
        lines.append(f"    classDef {kind} fill:{fill},stroke:{stroke},color:{TEXT_COLOUR}{dash}")
    return "\n".join(lines) + "\n"


# SVG layout ----------------------------------------------------------------------------------------


def wrap(text: str, size: float, max_width: float, max_lines: int) -> list[str]:
    """`text` over at most `max_lines` lines of `max_width`; an ellipsis ends what does not fit.

    Linear in the text: a long word is cut in one pass, and no line past the one after the
    last is laid out (the ellipsis falls within those two)."""
    lines: list[str] = []
    for word in text.split():
        for piece in _split_long(word, size, max_width):
            if lines and text_width(f"{lines[-1]} {piece}", size) <= max_width:
                lines[-1] = f"{lines[-1]} {piece}"
            elif len(lines) > max_lines:
                break
            else:
                lines.append(piece)
        if len(lines) > max_lines:
            break
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], fit(" ".join(lines[max_lines - 1 :]), size, max_width)]
    return lines or [""]


def _split_long(word: str, size: float, max_width: float) -> Iterator[str]:
    """The word in pieces that each fit in `max_width` (at least one character each)."""
    start = 0
    while len(word) - start > 1:
        end = max(fits(word, size, max_width, start), start + 1)
        if end == len(word):
            break
        yield word[start:end]
        start = end
    yield word[start:]


def _columns(nodes: list[ChainNode], edges: list[tuple[str, str]]) -> list[list[ChainNode]]:
    """Non-empty columns in chain order; within a column, nodes near the mean place of their sources."""
    by_column: dict[int, list[ChainNode]] = {}
    for node in nodes:
        by_column.setdefault(_COLUMN.get(node.kind, _OTHER_COLUMN), []).append(node)
    sources_of: dict[str, list[str]] = {}
    for a, b in edges:
        sources_of.setdefault(b, []).append(a)
    place: dict[str, float] = {}
    columns = []
    for index in sorted(by_column):
        members = by_column[index]
        written = {id(node): float(i) for i, node in enumerate(members)}

        def key(node: ChainNode, written: dict[int, float] = written) -> float:
            sources = [place[a] for a in sources_of.get(node.id, []) if a in place]
            return sum(sources) / len(sources) if sources else written[id(node)]

        members = sorted(members, key=key)
        place.update((node.id, float(i)) for i, node in enumerate(members))
        columns.append(members)
    return columns


def _boxes(columns: list[list[ChainNode]]) -> tuple[list[_Box], float]:
    """Boxes placed column by column, each column centred vertically; returns them and the body height."""
    stacks: list[list[_Box]] = []
    for index, members in enumerate(columns):
        x = _MARGIN + index * (_BOX_WIDTH + _GAP_X)
        stack: list[_Box] = []
        y = 0.0
        for node in members:
            box = _Box(node, index, x, y, tuple(wrap(clean_text(_label(node)), _FONT, _BOX_WIDTH - 2 * _PAD, 3)))
            stack.append(box)
            y += box.height + _GAP_Y
        stacks.append(stack)
    heights = [sum(b.height for b in s) + _GAP_Y * (len(s) - 1) for s in stacks]
    body = max(heights, default=0.0)
    top = _MARGIN + _HEAD
    placed = [_Box(b.node, b.column, b.x, b.y + top + (body - h) / 2, b.lines) for s, h in zip(stacks, heights) for b in s]
    return placed, body


def _heading(members: list[ChainNode], kind_labels: dict[str, str]) -> str:
    kinds = list(dict.fromkeys(node.kind for node in members))
    kinds = sorted(kinds, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
    return " / ".join(kind_labels.get(kind, kind) for kind in kinds)


# SVG drawing ---------------------------------------------------------------------------------------


def _edge(source: _Box, target: _Box, arrow: str, floor: float) -> str:
    """A line from `source` to `target`: forward as a curve between columns, backward through the
    gaps and below the boxes, within a column (and to itself) as a loop on the right."""
    right, y1, y2 = source.x + _BOX_WIDTH, source.middle, target.middle
    if source is target:
        d = _cubic(right, y1 - 6, right + 30, y1 - 24, right + 30, y1 + 24, right, y1 + 6)
    elif target.column > source.column:
        bend = (target.x - right) / 2
        d = _cubic(right, y1, right + bend, y1, target.x - bend, y2, target.x, y2)
    elif target.column < source.column:
        lane, low = target.x - _MARGIN * 0.6, floor + _BACK * 0.6
        d = f"M{right:.1f},{y1:.1f} H{right + _GAP_X * 0.3:.1f} V{low:.1f} H{lane:.1f} V{y2:.1f} H{target.x:.1f}"
    else:
        d = _cubic(right, y1, right + 36, y1, right + 36, y2, right, y2)
    return f'<path d="{d}" fill="none" stroke="#4d4d4d" stroke-width="1.5" stroke-linejoin="round" marker-end="url(#{arrow})"/>'


def _cubic(*xy: float) -> str:
    """A path of one cubic Bézier from four points given as x, y pairs."""
    p = [f"{v:.1f}" for v in xy]
    return f"M{p[0]},{p[1]} C{p[2]},{p[3]} {p[4]},{p[5]} {p[6]},{p[7]}"


def _box(box: _Box, kind_labels: dict[str, str]) -> str:
    """A rounded box in the kind's colours; a dis-benefit is dashed and says so in words."""
    fill, stroke = _STYLE.get(box.node.kind, _OTHER_STYLE)
    disbenefit = box.node.kind == "disbenefit"
    dash = ' stroke-dasharray="6 4"' if disbenefit else ""
    width = 2.5 if box.node.kind == "goal" else 1.5
    rect = (
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{_BOX_WIDTH:.0f}" height="{box.height:.1f}" rx="8" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>'
    )
    parts = [rect]
    centre, y = box.x + _BOX_WIDTH / 2, box.y + _PAD + _FONT - 1
    if disbenefit:
        marker = fit(_marker_text(kind_labels), 11 * BOLD, _BOX_WIDTH - 2 * _PAD)
        parts.append(text_el(centre, y, marker, 11, 'text-anchor="middle" font-weight="bold" fill="#8b1a1a"'))
        y += _LINE
    for line in box.lines:
        parts.append(text_el(centre, y, line, _FONT, 'text-anchor="middle"'))
        y += _LINE
    return "".join(parts)


def _headings(columns: list[list[ChainNode]], kind_labels: dict[str, str]) -> str:
    """The column headings, over at most two lines each."""
    parts = []
    for index, members in enumerate(columns):
        centre = _MARGIN + index * (_BOX_WIDTH + _GAP_X) + _BOX_WIDTH / 2
        lines = wrap(_heading(members, kind_labels), 12 * BOLD, _BOX_WIDTH + _GAP_X - 8, 2)
        for row, line in enumerate(lines):
            parts.append(text_el(centre, _MARGIN + 12 + row * 16, line, 12, 'text-anchor="middle" font-weight="bold"'))
    return "".join(parts)


def _arrow_defs(arrow: str) -> str:
    return (
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
        f'markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0 L10,5 L0,10 Z" fill="#4d4d4d"/>'
        f"</marker></defs>"
    )


def chain_svg(
    nodes: list[ChainNode],
    edges: list[tuple[str, str]],
    kind_labels: dict[str, str],
    title: str,
    description: str,
    *,
    diagram_id: str | None = None,
) -> str:
    """The chain as an inline `<svg>`: a column per kind, boxes with wrapped labels, arrows between them.

    `diagram_id` prefixes the element ids; without it one is derived from the content.
    """
    nodes = _unique(nodes)
    edges = _known_edges(nodes, edges)
    svg_id = safe_id(diagram_id or "chain-" + _digest(nodes, edges, title), "chain")
    arrow = f"{svg_id}-arrow"
    columns = _columns(nodes, edges)
    boxes, body = _boxes(columns)
    by_id = {box.node.id: box for box in boxes}
    looped = any(by_id[b].column <= by_id[a].column for a, b in edges)
    backward = any(by_id[b].column < by_id[a].column for a, b in edges)
    width = 2 * _MARGIN + len(columns) * _BOX_WIDTH + max(len(columns) - 1, 0) * _GAP_X + 28 * looped
    floor = _MARGIN + _HEAD + body
    height = floor + _MARGIN + 8 + _BACK * backward
    return (
        svg_open(svg_id, width, height, title, description)
        + _arrow_defs(arrow)
        + _headings(columns, kind_labels)
        + "".join(_edge(by_id[a], by_id[b], arrow, floor) for a, b in edges)
        + "".join(_box(box, kind_labels) for box in boxes)
        + "</svg>"
    )


def _digest(nodes: list[ChainNode], edges: list[tuple[str, str]], title: str) -> str:
    text = repr(([(n.id, n.label, n.kind) for n in nodes], edges, title))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
