"""Bar charts for the portfolio report, each one self-contained inline `<svg>`.

Horizontal bars compare categories (statuses, plans), with one bar per series in each
category; columns show a value per year. The caller decides every number, label and
format; this module only lays them out and escapes every word (see `chart`). Series differ
by fill pattern as well as colour, and every bar carries its value in text, so the charts
read in greyscale and without the axis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nytta.render.report.svg import fit, safe_id, svg_open, text_el, text_width

WIDTH = 520
_ROW, _BAR_GAP, _TOP, _LABEL_SIZE, _VALUE_SIZE = 22.0, 4.0, 34.0, 12.0, 11.0
_INK, _MUTED, _TRACK = "#1a1a1a", "#333333", "#d9d9d9"


@dataclass(frozen=True)
class Series:
    """One kind of bar: its name in the legend, its fill, and whether it is drawn hollow."""

    name: str
    colour: str
    hollow: bool = False


@dataclass(frozen=True)
class BarData:
    """Categories (labels) with one value per series each; ``colours`` per category overrides a series' colour."""

    chart_id: str
    title: str
    description: str
    labels: Sequence[str]
    series: Sequence[Series]
    values: Sequence[Sequence[float]]  # [category][series]
    value_format: Callable[[float], str]
    colours: Sequence[str] = ()


def bar_chart(data: BarData) -> str:
    """Horizontal bars: a row per category with a bar per series, the value at the bar's end.

    Labels stand left of their bars when they all fit in a third of the width, else on a
    line of their own above them, so that no label is cut.
    """
    svg_id = safe_id(data.chart_id, "bars")
    widest_label = max((text_width(label, _LABEL_SIZE) for label in data.labels), default=0.0)
    beside = widest_label + 16 <= WIDTH * 0.36
    widest_value = max((text_width(data.value_format(v), _VALUE_SIZE) for row in data.values for v in row), default=0.0)
    left, right = (16 + widest_label if beside else 8.0), WIDTH - 8 - widest_value - 6
    top = _TOP + (24 if len(data.series) > 1 else 0)
    label_line = 0.0 if beside else _ROW
    group = label_line + _ROW * len(data.series) + 8
    highest = max((v for row in data.values for v in row), default=0.0)
    parts = [text_el(8, 20, fit(data.title, 14 * 1.2, WIDTH - 16), 14, 'font-weight="bold"')]
    if len(data.series) > 1:
        parts.append(_legend(data.series, _TOP + 12))
    for index, label in enumerate(data.labels):
        y = top + index * group
        label_y = y + (_ROW * len(data.series)) / 2 + 4 if beside else y + _ROW - 7
        parts.append(text_el(8, label_y, fit(label, _LABEL_SIZE, (left if beside else WIDTH) - 16), _LABEL_SIZE))
        for number, series in enumerate(data.series):
            value, bar_top = data.values[index][number], y + label_line + number * _ROW
            colour = data.colours[index] if data.colours else series.colour
            width = (right - left) * _share(value, highest)
            parts.append(_bar(left, bar_top + _BAR_GAP / 2, width, _ROW - _BAR_GAP, colour, series.hollow))
            parts.append(_value(left, right, highest, value, bar_top, data.value_format))
    if beside:
        parts.append(_axis(left, top - 4, top + len(data.labels) * group - 4))
    height = top + len(data.labels) * group + 8
    return svg_open(svg_id, WIDTH, height, data.title, data.description) + "".join(parts) + "</svg>"


def column_chart(
    chart_id: str, title: str, description: str, points: Sequence[tuple[str, float]], value_format: Callable[[float], str]
) -> str:
    """Columns: one per labelled value (a year), the value above each column."""
    svg_id = safe_id(chart_id, "columns")
    top, bottom = 52.0, 200.0
    highest = max((v for _, v in points), default=0.0)
    slot = (WIDTH - 16) / max(len(points), 1)
    width = min(slot * 0.6, 64.0)
    parts = [text_el(8, 20, fit(title, 14 * 1.2, WIDTH - 16), 14, 'font-weight="bold"')]
    for index, (label, value) in enumerate(points):
        middle = 8 + slot * index + slot / 2
        height = (bottom - top) * _share(value, highest)
        parts.append(
            f'<rect x="{middle - width / 2:.1f}" y="{bottom - height:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" fill="#1f4e9a"/>'
        )
        shown = fit(value_format(value), _VALUE_SIZE, slot - 2)
        parts.append(text_el(middle, bottom - height - 5, shown, _VALUE_SIZE, f'text-anchor="middle" fill="{_MUTED}"'))
        parts.append(text_el(middle, bottom + 16, fit(label, _LABEL_SIZE, slot - 2), _LABEL_SIZE, 'text-anchor="middle"'))
    parts.append(f'<line x1="8" y1="{bottom:.1f}" x2="{WIDTH - 8}" y2="{bottom:.1f}" stroke="{_MUTED}" stroke-width="1"/>')
    return svg_open(svg_id, WIDTH, bottom + 26, title, description) + "".join(parts) + "</svg>"


def _share(value: float, highest: float) -> float:
    return max(0.0, value) / highest if highest > 0 else 0.0


def _bar(x: float, top: float, width: float, height: float, colour: str, hollow: bool) -> str:
    fill = "#ffffff" if hollow else colour
    return (
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{max(width, 1.0):.1f}" height="{height:.1f}" '
        f'fill="{fill}" stroke="{colour}" stroke-width="1.5"/>'
    )


def _value(left: float, right: float, highest: float, value: float, y: float, fmt: Callable[[float], str]) -> str:
    x = left + (right - left) * _share(value, highest) + 5
    return text_el(x, y + _ROW / 2 + 4, fmt(value), _VALUE_SIZE, f'fill="{_INK}"')


def _axis(x: float, top: float, bottom: float) -> str:
    return f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="{_MUTED}" stroke-width="1"/>'


def _legend(series: Sequence[Series], y: float) -> str:
    parts, x = [], 8.0
    for item in series:
        parts.append(_bar(x, y - 13, 18, 12, item.colour, item.hollow))
        parts.append(text_el(x + 24, y - 2, item.name, 12))
        x += 24 + text_width(item.name, 12) + 18
    return "".join(parts)
