"""The tornado chart of a nyttokalkyl's sensitivity analysis, a self-contained inline `<svg>`.

One horizontal bar per ranged input, the largest swing on top: each bar runs from the net
present value with that input at its low value to the one with it at its high value, every
other input likely, around a vertical line at the likely net present value. The part of a
bar towards the input's low value is solid, the part towards its high value light with a
dark edge, so the chart reads in greyscale. Each input's name stands on a line of its own
above its bar, so no name is cut short before it must be; both ends of a bar carry their
amount, and the axis below gives the scale. The caller decides every number, word and format
and shows the same figures in a table beside the chart; this module only lays them out and
escapes every word (see `svg`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from nytta.render.report.chart import nice_ticks
from nytta.render.report.svg import BOLD, fit, safe_id, svg_open, text_el, text_width, xml_text

WIDTH = 640
_LABEL_SIZE, _VALUE_SIZE, _TICK_SIZE = 12.0, 11.0, 10.0
_LABEL_LINE, _BAR, _GAP = 17.0, 16.0, 10.0
#: The width a name may take on a line: a margin on the estimate, as some fonts (DejaVu
#: Sans) are wider than it.
_NAME_WIDTH = (WIDTH - 16) * 0.9
_LOW, _HIGH_FILL, _HIGH_EDGE = "#1f4e9a", "#f6dcc4", "#8a4200"
_INK, _MUTED, _GRID = "#1a1a1a", "#333333", "#d9d9d9"
_LIMIT = 1e300
_HALO = 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'


@dataclass(frozen=True)
class TornadoBar:
    """One ranged input: its name and the net present value with it at low and at high."""

    label: str
    npv_low: float
    npv_high: float
    detail: str = ""  # which of the input's fields, kept whole after " – " when the name is cut

    @property
    def full(self) -> str:
        return f"{self.label} – {self.detail}" if self.detail else self.label


@dataclass(frozen=True)
class TornadoText:
    """The chart's words in the report's language."""

    title: str
    description: str
    low: str  # the legend of the part towards the input's low value
    high: str  # … and towards its high value
    centre: str  # the label of the likely value's line, with the amount in it
    axis: str  # the axis' title (what the amounts are, in which currency)


def tornado_chart(
    chart_id: str, text: TornadoText, bars: Sequence[TornadoBar], centre: float, value_format: Callable[[float], str]
) -> str:
    """The chart, bars in the order given (the caller puts the largest swing first)."""
    svg_id = safe_id(chart_id, "tornado")
    centre = _drawable(centre, 0.0)
    bars = [replace(b, npv_low=_drawable(b.npv_low, centre), npv_high=_drawable(b.npv_high, centre)) for b in bars]
    values = [centre, *(b.npv_low for b in bars), *(b.npv_high for b in bars)]
    lo, hi = min(values), max(values)
    if hi - lo < max(abs(lo), abs(hi), 1.0) * 1e-9:
        pad = max(abs(lo) * 0.1, 1.0)
        lo, hi = lo - pad, hi + pad
    ticks = nice_ticks(lo, hi)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    widest = min(max(text_width(value_format(v), _VALUE_SIZE) for v in values), WIDTH / 4)
    left, right = 8 + widest + 8, WIDTH - 8 - widest - 8

    def x(value: float) -> float:
        return left + (value - lo) / (hi - lo) * (right - left)

    legend_y, top = 16.0, 58.0
    names = [_lines(bar, _NAME_WIDTH) for bar in bars]
    heights = [len(lines) * _LABEL_LINE + _BAR + _GAP for lines in names]
    bottom = top + sum(heights)
    parts = [_legend(text, legend_y)]
    parts += _grid(ticks, x, top - 6, bottom, value_format, text.axis)
    centre_x = x(centre)
    centre_label = text.centre
    half = text_width(centre_label, _LABEL_SIZE) * BOLD / 2
    label_x = min(max(centre_x, 8 + half), WIDTH - 8 - half)
    parts.append(text_el(label_x, top - 12, centre_label, _LABEL_SIZE, f'text-anchor="middle" font-weight="bold" {_HALO}'))
    # The likely line lies under the names (each on a white ground) and is drawn
    # again over each bar, so that it shows where the bar's two parts meet.
    parts.append(_line(centre_x, top - 6, bottom, 'class="likely"'))
    row_top = top
    for rank, (bar, lines, height) in enumerate(zip(bars, names, heights), start=1):
        parts.append(_bar(rank, bar, lines, row_top, x, centre_x, value_format))
        bar_top = row_top + len(lines) * _LABEL_LINE
        parts.append(_line(centre_x, bar_top - 3, bar_top + _BAR + 3))
        row_top += height
    height = bottom + 44
    return svg_open(svg_id, WIDTH, height, text.title, text.description) + "".join(parts) + "</svg>"


def _drawable(value: float, instead: float) -> float:
    """A value the chart can place: not a number is ``instead``, beyond ±1e300 is ±1e300 (so
    that spans stay finite)."""
    if math.isnan(value):
        return instead
    return max(-_LIMIT, min(_LIMIT, value))


def _line(x: float, top: float, bottom: float, extra: str = "") -> str:
    return f'<line {extra} x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="{_INK}" stroke-width="2"/>'


def _bar(
    rank: int,
    bar: TornadoBar,
    lines: Sequence[str],
    y: float,
    x: Callable[[float], float],
    centre_x: float,
    value_format: Callable[[float], str],
) -> str:
    """One input's group: its name (on one or two lines), the two parts of its bar and the
    amount at each end."""
    low_x, high_x = x(bar.npv_low), x(bar.npv_high)
    bar_top = y + len(lines) * _LABEL_LINE
    shown = " ".join(lines)
    widest = max(text_width(line, _LABEL_SIZE) for line in lines)
    spans = "".join(
        f'<tspan x="8" dy="{0 if index == 0 else _LABEL_LINE:g}">{xml_text(line)}{" " if index < len(lines) - 1 else ""}</tspan>'
        for index, line in enumerate(lines)
    )
    parts = [
        f'<g class="bar" data-rank="{rank}">',
        f"<title>{xml_text(bar.full)}</title>" if shown != bar.full else "",
        _ground(5, y + 1, widest + 6, len(lines) * _LABEL_LINE - 1),
        f'<text class="label" x="8" y="{y + _LABEL_SIZE:.1f}" font-size="{_LABEL_SIZE:g}">{spans}</text>',
        _part(centre_x, low_x, bar_top, _LOW, _LOW, "low"),
        _part(centre_x, high_x, bar_top, _HIGH_FILL, _HIGH_EDGE, "high"),
    ]
    middle = bar_top + _BAR / 2 + 4
    left_value, right_value = sorted((bar.npv_low, bar.npv_high))
    ends = [(left_value, "end", -5.0), (right_value, "start", 5.0)] if left_value != right_value else [(left_value, "start", 5.0)]
    for value, anchor, shift in ends:
        edge = min(x(value), centre_x) if anchor == "end" else max(x(value), centre_x)
        parts.append(text_el(edge + shift, middle, value_format(value), _VALUE_SIZE, f'text-anchor="{anchor}" fill="{_INK}"'))
    parts.append("</g>")
    return "".join(parts)


def _lines(bar: TornadoBar, width: float) -> list[str]:
    """The bar's name and field on one line, else on two broken between words; a name too
    long for two lines is cut with an ellipsis before its field, which stays whole."""
    full = bar.full
    if text_width(full, _LABEL_SIZE) <= width:
        return [full]
    words = full.split(" ")
    first: list[str] = []
    while words and text_width(" ".join([*first, words[0]]), _LABEL_SIZE) <= width:
        first.append(words.pop(0))
    if not first:  # one word wider than the line
        return [fit(full, _LABEL_SIZE, width)]
    rest = " ".join(words)
    if text_width(rest, _LABEL_SIZE) <= width:
        return [" ".join(first), rest]
    tail = f" – {bar.detail}" if bar.detail else ""
    name_rest = rest[: len(rest) - len(tail)] if tail and rest.endswith(tail) else rest
    room = width - text_width(tail, _LABEL_SIZE) if tail and rest.endswith(tail) else width
    if room < width / 3:
        return [" ".join(first), fit(rest, _LABEL_SIZE, width)]
    return [" ".join(first), fit(name_rest, _LABEL_SIZE, room) + (tail if rest.endswith(tail) else "")]


def _ground(x: float, y: float, width: float, height: float) -> str:
    """White under a name, so that no line of the chart runs through it."""
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>'


def _part(centre_x: float, end_x: float, top: float, fill: str, edge: str, kind: str) -> str:
    """The part of a bar from the likely line to one end (nothing when that end is the line)."""
    start, width = min(centre_x, end_x), abs(end_x - centre_x)
    if width < 0.5:
        return ""
    return (
        f'<rect class="{kind}" x="{start:.1f}" y="{top:.1f}" width="{width:.1f}" height="{_BAR:.1f}" '
        f'fill="{fill}" stroke="{edge}" stroke-width="1.2"/>'
    )


def _grid(
    ticks: Sequence[float], x: Callable[[float], float], top: float, bottom: float, fmt: Callable[[float], str], title: str
) -> list[str]:
    """Light vertical lines at the ticks, the axis line, the amounts under it (as many as fit
    without touching) and the axis' title."""
    labels = [fmt(t) for t in ticks]
    step = 1
    while step < len(ticks) and any(
        x(ticks[i + step]) - x(ticks[i]) < (text_width(labels[i], _TICK_SIZE) + text_width(labels[i + step], _TICK_SIZE)) / 2 + 8
        for i in range(0, len(ticks) - step, step)
    ):
        step += 1
    parts = [
        f'<line x1="{x(t):.1f}" y1="{top:.1f}" x2="{x(t):.1f}" y2="{bottom:.1f}" stroke="{_GRID}" stroke-width="1"/>'
        for t in ticks
    ]
    first, last = x(ticks[0]), x(ticks[-1])
    parts.append(
        f'<line x1="{first:.1f}" y1="{bottom:.1f}" x2="{last:.1f}" y2="{bottom:.1f}" stroke="{_MUTED}" stroke-width="1"/>'
    )
    for index in range(0, len(ticks), step):
        tick_x = x(ticks[index])
        parts.append(f'<line x1="{tick_x:.1f}" y1="{bottom:.1f}" x2="{tick_x:.1f}" y2="{bottom + 4:.1f}" stroke="{_MUTED}"/>')
        parts.append(text_el(tick_x, bottom + 16, labels[index], _TICK_SIZE, f'text-anchor="middle" fill="{_MUTED}"'))
    middle = (x(ticks[0]) + x(ticks[-1])) / 2
    parts.append(text_el(middle, bottom + 34, fit(title, _TICK_SIZE + 1, WIDTH - 16), _TICK_SIZE + 1, 'text-anchor="middle"'))
    return parts


def _legend(text: TornadoText, y: float) -> str:
    parts, x = [], 8.0
    for words, fill, edge in ((text.low, _LOW, _LOW), (text.high, _HIGH_FILL, _HIGH_EDGE)):
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="18" height="12" fill="{fill}" stroke="{edge}" stroke-width="1.2"/>'
        )
        shown = fit(words, _VALUE_SIZE, WIDTH / 2 - 40)
        parts.append(text_el(x + 24, y, shown, _VALUE_SIZE))
        x += 24 + text_width(shown, _VALUE_SIZE) + 18
    return "".join(parts)
