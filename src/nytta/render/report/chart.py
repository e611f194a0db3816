"""Indicator line charts for steering-group reports, each one self-contained inline `<svg>`.

This module owns the layout of a chart (axes, ticks, series, legend); every word in it is
escaped by the helpers of `svg`. The caller decides all numbers, dates, words and formats;
nothing here computes a domain value. The markup needs no script, font or file from outside
and reads in greyscale: series differ by dash pattern and marker shape as well as by colour.
A target as it was before a revision is a hollow, dashed diamond joined to its revised value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from nytta.render.report.svg import BOLD, fit, safe_id, svg_open, text_el, text_width

Point = tuple[date, float]

WIDTH = 520
_TOP, _PLOT_HEIGHT, _RIGHT = 46, 170, 24
_LIMIT = 1e300  # values beyond are drawn at it and values below its inverse at 0, so spans stay finite
_AXIS, _GRID = "#333333", "#d9d9d9"
_COLOUR = {
    "actual": "#1f4e9a",
    "forecast": "#1f4e9a",
    "planned": "#00695c",
    "target": "#a34e00",
    "original": "#a34e00",
    "baseline": "#333333",
    "as_of": "#595959",
}
_DASH = {"planned": "7 4", "forecast": "2 3", "original": "3 3"}
_DAY_STEPS, _MONTH_STEPS = (1, 2, 7, 14), (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000)


@dataclass(frozen=True)
class ChartData:
    """What to draw, already decided by the caller."""

    chart_id: str
    title: str
    unit: str
    baseline: Point | None
    planned: list[Point]
    targets: list[Point]
    actual: list[Point]
    forecast: Point | None
    as_of: date
    value_format: Callable[[float], str]
    date_format: Callable[[date], str]
    original_targets: list[Point] = field(default_factory=list)  # targets as first planned, before a revision
    bounds: tuple[float | None, float | None] = (None, None)  # the values the indicator can take


@dataclass(frozen=True)
class ChartText:
    """The chart's words in the report's language."""

    x_axis: str
    y_axis: str
    baseline: str
    planned: str
    target: str
    actual: str
    forecast: str
    as_of: str
    description: str
    no_data: str
    original: str = ""  # the legend word for original targets


@dataclass(frozen=True)
class _Frame:
    left: float
    top: float
    width: float
    height: float
    day_lo: int
    day_hi: int
    y_lo: float
    y_hi: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def x(self, day: date) -> float:
        return self.left + (day.toordinal() - self.day_lo) / (self.day_hi - self.day_lo) * self.width

    def y(self, value: float) -> float:
        return self.top + (self.y_hi - _clip(value)) / ((self.y_hi - self.y_lo) or 1.0) * self.height


# Scales ------------------------------------------------------------------------------------------


def _clip(value: float) -> float:
    return 0.0 if abs(value) < 1 / _LIMIT else max(-_LIMIT, min(_LIMIT, value))


def _finite(points: Iterable[Point | None]) -> list[Point]:
    """The drawable points, by date: without gaps and non-finite values, huge values clipped."""
    return sorted((p[0], _clip(p[1])) for p in points if p is not None and math.isfinite(p[1]))


def nice_ticks(lo: float, hi: float) -> list[float]:
    """Four to six round, evenly spaced values covering `lo`..`hi` (lo < hi)."""
    exponent = math.floor(math.log10((hi - lo) / 5))
    steps = [m * 10.0**e for e in (exponent - 1, exponent, exponent + 1) for m in (1, 2, 2.5, 5)]
    spans = [(math.floor(lo / s + 1e-9), math.ceil(hi / s - 1e-9), s) for s in steps]
    fitting = [span for span in spans if 4 <= span[1] - span[0] + 1 <= 6]
    first, last, step = fitting[0] if fitting else min(spans, key=lambda s: abs(s[1] - s[0] - 4))
    digits = max(0, 1 - math.floor(math.log10(step)))
    return [round(i * step, digits) for i in range(first, last + 1)]


def _value_range(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    scale = max(abs(lo), abs(hi))
    pad = (hi - lo) * 0.07 if hi - lo > scale * 1e-9 else (scale * 0.1 or 1.0)
    if lo >= 0:
        return max(0.0, lo - pad), hi + pad
    if hi <= 0:
        return lo - pad, min(0.0, hi + pad)
    return lo - pad, hi + pad


def _bounded_range(values: list[float], bounds: tuple[float | None, float | None]) -> tuple[float, float]:
    """The padded value range, its padding kept inside ``bounds`` (a value drawn beyond a bound
    still shows)."""
    lo, hi = _value_range(values)
    lower, upper = bounds
    if lower is not None:
        lo = max(lo, min(lower, *values))
    if upper is not None:
        hi = min(hi, max(upper, *values))
    return (lo, hi) if hi > lo else _value_range(values)


def _y_scale(values: list[float], bounds: tuple[float | None, float | None]) -> tuple[list[float], float, float]:
    """The value ticks and the axis's ends: round ticks covering the values, the axis cut at
    a bound that no value lies beyond (no axis below 0 for days, none above 100 for a %)."""
    ticks = nice_ticks(*_bounded_range(values, bounds))
    lower, upper = bounds
    lo = ticks[0] if lower is None else max(ticks[0], min(lower, *values))
    hi = ticks[-1] if upper is None else min(ticks[-1], max(upper, *values))
    kept = [t for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]
    return (kept, lo, hi) if hi > lo and kept else (ticks, ticks[0], ticks[-1])


def _day_range(days: list[int]) -> tuple[int, int]:
    lo, hi = min(days), max(days)
    pad = max(1, round((hi - lo) * 0.03))
    return max(1, lo - pad), min(date.max.toordinal(), hi + pad)


def _candidate_ticks(lo: int, hi: int, step: int, months: bool) -> list[date]:
    if not months:
        return [date.fromordinal(d) for d in range(lo + (1 - lo) % step, hi + 1, step)]
    start = date.fromordinal(lo)
    index = start.year * 12 + start.month - 1 + (start.day > 1)
    index = -(-index // step) * step
    ticks = []
    while index // 12 <= 9999 and (tick := date(index // 12, index % 12 + 1, 1)).toordinal() <= hi:
        ticks.append(tick)
        index += step
    return ticks


def _date_ticks(frame: _Frame, fmt: Callable[[date], str]) -> list[date]:
    span = frame.day_hi - frame.day_lo
    options = [(s, False) for s in _DAY_STEPS] + [(s, True) for s in _MONTH_STEPS]
    for step, months in options:
        if span / (step * (30.4 if months else 1)) > 40:
            continue
        ticks = _candidate_ticks(frame.day_lo, frame.day_hi, step, months)
        widest = max((text_width(fmt(t), 11) for t in ticks), default=0.0)
        if all(frame.x(b) - frame.x(a) >= widest + 12 for a, b in pairwise(ticks)):
            return ticks
    return [date.fromordinal((frame.day_lo + frame.day_hi) // 2)]


# Drawing -----------------------------------------------------------------------------------------


def _marker(kind: str, x: float, y: float) -> str:
    colour = _COLOUR[kind]
    if kind == "original":
        return (
            f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} '
            f'L{x - 6:.1f},{y:.1f} Z" fill="#ffffff" stroke="{colour}" stroke-width="1.5" stroke-dasharray="{_DASH[kind]}"/>'
        )
    if kind == "target":
        return (
            f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} '
            f'L{x - 6:.1f},{y:.1f} Z" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
        )
    if kind == "baseline":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
    if kind == "forecast":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'


def _line(kind: str, coords: list[tuple[float, float]]) -> str:
    dash = f' stroke-dasharray="{_DASH[kind]}"' if kind in _DASH else ""
    width = 2.5 if kind == "actual" else 2
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    return (
        f'<polyline points="{points}" fill="none" stroke="{_COLOUR[kind]}" stroke-width="{width}"'
        f'{dash} stroke-linejoin="round" stroke-linecap="butt"/>'
    )


def _series(frame: _Frame, data: ChartData) -> str:
    def xy(point: Point) -> tuple[float, float]:
        return frame.x(point[0]), frame.y(point[1])

    planned, actual, targets = _finite(data.planned), _finite(data.actual), _finite(data.targets)
    parts = []
    if len(planned) == 1:
        x, y = xy(planned[0])
        parts.append(_line("planned", [(x - 8, y), (x + 8, y)]))
    elif planned:
        parts.append(_line("planned", [xy(p) for p in planned]))
    if len(actual) > 1:
        parts.append(_line("actual", [xy(p) for p in actual]))
    forecast = _finite([data.forecast])
    if forecast and actual:
        parts.append(_line("forecast", [xy(actual[-1]), xy(forecast[0])]))
    parts += _originals(frame, data, targets)
    parts += [_marker("target", *xy(p)) for p in targets]
    parts += [_marker("actual", *xy(p)) for p in actual]
    parts += [_marker("forecast", *xy(p)) for p in forecast]
    parts += [_marker("baseline", *xy(p)) for p in _finite([data.baseline])]
    return "".join(parts)


def _originals(frame: _Frame, data: ChartData, targets: list[Point]) -> list[str]:
    """Each original target as a dashed, hollow diamond, joined by a dashed line to its revised value."""
    parts = []
    for day, value in _finite(data.original_targets):
        x, y = frame.x(day), frame.y(value)
        parts += [_line("original", [(x, y), (x, frame.y(revised))]) for when, revised in targets if when == day]
        parts.append(_marker("original", x, y))
    return parts


def _as_of(frame: _Frame, data: ChartData) -> str:
    """The as-of date as a vertical line, labelled above the plot."""
    x, label = frame.x(data.as_of), data.date_format(data.as_of)
    return (
        f'<line x1="{x:.1f}" y1="{frame.top - 4:.1f}" x2="{x:.1f}" y2="{frame.bottom:.1f}" '
        f'stroke="{_COLOUR["as_of"]}" stroke-width="1.25"/>' + _centred(x, frame.top - 8, label)
    )


def _y_axis(frame: _Frame, ticks: list[float], data: ChartData) -> str:
    """Grid lines and tick labels for the values."""
    right = frame.left + frame.width
    return "".join(
        f'<line x1="{frame.left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="{_GRID}" stroke-width="1"/>'
        + text_el(frame.left - 6, y + 4, data.value_format(tick), 11, 'text-anchor="end" fill="#333333"')
        for tick, y in ((tick, frame.y(tick)) for tick in ticks)
    )


def _x_axis(frame: _Frame, ticks: list[date], data: ChartData) -> str:
    """Tick marks and labels for the dates; labels at the edges are kept inside the picture."""
    parts = []
    for tick in ticks:
        x, label = frame.x(tick), data.date_format(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{frame.bottom:.1f}" x2="{x:.1f}" y2="{frame.bottom + 5:.1f}" '
            f'stroke="{_AXIS}" stroke-width="1"/>' + _centred(x, frame.bottom + 18, label)
        )
    return "".join(parts)


def _centred(x: float, y: float, label: str) -> str:
    half = text_width(label, 11) / 2
    return text_el(min(max(x, half + 2), WIDTH - half - 2), y, label, 11, 'text-anchor="middle" fill="#333333"')


def _frame_lines(frame: _Frame, text: ChartText, unit: str) -> str:
    """The two axis lines and the axis titles."""
    middle = frame.top + frame.height / 2
    right = frame.left + frame.width
    return (
        f'<path d="M{frame.left:.1f},{frame.top:.1f} V{frame.bottom:.1f} H{right:.1f}" fill="none" '
        f'stroke="{_AXIS}" stroke-width="1.25"/>'
        + text_el(frame.left + frame.width / 2, frame.bottom + 38, fit(text.x_axis, 12, frame.width), 12, 'text-anchor="middle"')
        + text_el(
            16,
            middle,
            fit(_y_title(text.y_axis, unit), 12, frame.height),
            12,
            f'text-anchor="middle" transform="rotate(-90 16 {middle:.1f})"',
        )
    )


def _y_title(axis: str, unit: str) -> str:
    """The axis word with the unit appended, once: the caller may already pass the unit as the word."""
    axis, unit = axis.strip(), unit.strip()
    if not unit or unit == axis:
        return axis
    return f"{axis} ({unit})" if axis else unit


def _legend_sample(kind: str, x: float, y: float) -> str:
    if kind == "as_of":
        return (
            f'<line x1="{x + 12:.1f}" y1="{y - 7:.1f}" x2="{x + 12:.1f}" y2="{y + 7:.1f}" '
            f'stroke="{_COLOUR[kind]}" stroke-width="1.25"/>'
        )
    line = _line(kind, [(x, y), (x + 24, y)]) if kind in ("planned", "actual", "forecast", "original") else ""
    return line + ("" if kind == "planned" else _marker(kind, x + 12, y))


def _legend(items: list[tuple[str, str]], top: float) -> tuple[str, int]:
    """The legend in rows from `top`; returns the markup and the number of rows."""
    parts, x, y, rows = [], 16.0, top, 1
    for kind, text in items:
        label = fit(text, 12, WIDTH - 64)
        width = 30 + text_width(label, 12)
        if x > 16 and x + width > WIDTH - 8:
            x, y, rows = 16.0, y + 20, rows + 1
        parts.append(_legend_sample(kind, x, y) + text_el(x + 30, y + 4, label, 12))
        x += width + 18
    return "".join(parts), rows


def _legend_items(data: ChartData, text: ChartText) -> list[tuple[str, str]]:
    """A legend entry for each series with something drawn, and the as-of line."""
    series: dict[str, list[Point | None]] = {
        "baseline": [data.baseline],
        "planned": [*data.planned],
        "target": [*data.targets],
        "original": [*data.original_targets],
        "actual": [*data.actual],
        "forecast": [data.forecast],
    }
    shown = [(kind, str(getattr(text, kind))) for kind, points in series.items() if _finite(points)]
    return [*shown, ("as_of", text.as_of)]


def line_chart(data: ChartData, text: ChartText) -> str:
    """One `<svg>` line chart of an indicator: planned, targets, actual, forecast and the as-of date."""
    svg_id = safe_id(data.chart_id, "chart")
    points = _finite([*data.planned, *data.targets, *data.original_targets, *data.actual, data.baseline, data.forecast])
    y_ticks, y_lo, y_hi = _y_scale([v for _, v in points], data.bounds) if points else ([], 0.0, 1.0)
    widest = max((text_width(data.value_format(t), 11) for t in y_ticks), default=0.0)
    left = 36 + min(widest, WIDTH / 3)
    day_lo, day_hi = _day_range([d.toordinal() for d, _ in points] + [data.as_of.toordinal()])
    frame = _Frame(left, _TOP, WIDTH - left - _RIGHT, _PLOT_HEIGHT, day_lo, day_hi, y_lo, y_hi)
    body = [text_el(8, 20, fit(data.title, 14 * BOLD, WIDTH - 16), 14, 'font-weight="bold"')]
    if points:
        legend, rows = _legend(_legend_items(data, text), frame.bottom + 62)
        body += [
            _y_axis(frame, y_ticks, data),
            _as_of(frame, data),
            _frame_lines(frame, text, data.unit),
            _x_axis(frame, _date_ticks(frame, data.date_format), data),
            _series(frame, data),
            legend,
        ]
        height = frame.bottom + 62 + (rows - 1) * 20 + 14
    else:
        body += [
            _frame_lines(frame, text, data.unit),
            text_el(frame.left + frame.width / 2, frame.top + frame.height / 2, text.no_data, 13, 'text-anchor="middle"'),
        ]
        height = frame.bottom + 50
    return svg_open(svg_id, WIDTH, height, data.title, text.description) + "".join(body) + "</svg>"
