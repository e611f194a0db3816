"""The tornado chart alone (render/report/tornado.py): its layout from given figures.

Bars in the order given, each from the NPV at low to the NPV at high split at the likely
line; an input that moves nothing has no bar but its amount; a long name is cut before its
field, which stays whole, and the whole name is the bar's tooltip; every word is escaped;
the axis' amounts are formatted by the caller (Swedish here) and do not touch.
"""

from __future__ import annotations

import itertools
import math
import re

import pytest

from nytta.render.report.formatting import Formatter
from nytta.render.report.svg import text_width
from nytta.render.report.tornado import WIDTH, TornadoBar, TornadoText, tornado_chart

WORDS = TornadoText(
    "Titel", "Beskrivning", "Uppskattningen lägst", "Uppskattningen högst", "Troligt −400 000 kr", "Nettonuvärde (SEK)"
)
LONG = ("En nytta vars namn är så långt att det inte ryms på två rader i diagrammet hur brett det än är " * 2).strip()


def _chart(bars: list[TornadoBar], centre: float = -400_000.0) -> str:
    return tornado_chart("tornado-test", WORDS, bars, centre, Formatter("sv").amount)


def _groups(svg: str) -> list[str]:
    return re.findall(r'<g class="bar" data-rank="\d+">.*?</g>', svg)


def _lines(group: str) -> list[str]:
    """A bar's name as shown: its lines, each a tspan (the first ends in the space between them)."""
    return re.findall(r"<tspan[^>]*>([^<]*)</tspan>", group)


def test_bars_in_the_order_given_split_at_the_likely_line() -> None:
    svg = _chart(
        [
            TornadoBar("Andel", -2_500_000.0, 1_200_000.0, "andel som beror på förändringen"),
            TornadoBar("Licens", 300_000.0, -1_900_000.0, "belopp"),
        ]
    )
    first, second = _groups(svg)
    assert 'data-rank="1"' in first and _lines(first) == ["Andel – andel som beror på förändringen"]
    (centre,) = (float(x) for x in re.findall(r'<line class="likely" x1="([0-9.]+)"', svg))

    def part(group: str, kind: str) -> tuple[float, float]:
        x, width = re.findall(rf'<rect class="{kind}" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"', group)[0]
        return float(x), float(x) + float(width)

    # a benefit's input: low to the left of the line; a cost's: low to the right
    assert part(first, "low")[1] == pytest.approx(centre, abs=0.15) == part(first, "high")[0]
    assert part(second, "high")[1] == pytest.approx(centre, abs=0.15) == part(second, "low")[0]
    # lengths in proportion: 2 100 000 and 1 600 000 from −400 000 for the first bar
    low, high = part(first, "low"), part(first, "high")
    assert (low[1] - low[0]) / (high[1] - high[0]) == pytest.approx(2_100_000 / 1_600_000, rel=0.01)
    assert "−2\u00a0500\u00a0000" in first and "1\u00a0200\u00a0000" in first


def test_an_input_that_moves_nothing_has_no_bar_but_its_amount() -> None:
    (group,) = _groups(_chart([TornadoBar("Ingen effekt", -400_000.0, -400_000.0, "volym")]))
    assert "<rect class=" not in group and group.count("−400\u00a0000") == 1


def test_a_long_name_is_cut_before_its_field_and_kept_whole_in_the_tooltip() -> None:
    (group,) = _groups(_chart([TornadoBar(LONG, -1.0, 1.0, "andel som beror på förändringen")], 0.0))
    lines = _lines(group)
    assert len(lines) == 2 and lines[1].endswith("… – andel som beror på förändringen")
    assert all(text_width(line.strip(), 12) <= WIDTH - 16 for line in lines)
    assert LONG.startswith(lines[0])
    assert f"<title>{LONG} – andel som beror på förändringen</title>" in group


def test_a_name_that_fits_on_two_lines_is_broken_between_words_and_not_cut() -> None:
    name = "Handläggartid flyttas från registerkontroller till förstagångsärenden i hela myndigheten"
    (group,) = _groups(_chart([TornadoBar(name, -1.0, 1.0, "andel som beror på förändringen")], 0.0))
    lines = _lines(group)
    assert len(lines) == 2 and "".join(lines) == f"{name} – andel som beror på förändringen"
    assert "<title>" not in group and "…" not in group
    # the bar stands below both lines
    (bar_y,) = re.findall(r'<rect class="low" x="[0-9.]+" y="([0-9.]+)"', group)
    (text_y,) = re.findall(r'<text class="label" x="8" y="([0-9.]+)"', group)
    assert float(bar_y) > float(text_y) + 17


def test_every_word_is_escaped() -> None:
    svg = _chart([TornadoBar('<script>alert("x")</script> & co', -1.0, 1.0, "<b>fält</b>")], 0.0)
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co – &lt;b&gt;fält&lt;/b&gt;" in svg


def test_the_axis_amounts_do_not_touch() -> None:
    svg = _chart([TornadoBar("A", -123_456_789.0, 987_654_321.0, "belopp")], 0.0)
    ticks = re.findall(r'<text x="([0-9.]+)" y="[0-9.]+" font-size="10" text-anchor="middle"[^>]*>([^<]*)<', svg)
    assert len(ticks) >= 2
    for (x1, a), (x2, b) in itertools.pairwise(ticks):
        assert float(x2) - float(x1) >= (text_width(a, 10) + text_width(b, 10)) / 2
    assert all(re.fullmatch(r"−?\d{1,3}(\u00a0\d{3})*", amount) for _, amount in ticks)


@pytest.mark.parametrize(
    ("low", "high", "centre"),
    [(-1e300, 1e300, 0.0), (-math.inf, math.inf, 0.0), (math.nan, 1.0, 0.0), (1e-300, 2e-300, 1.5e-300), (5.0, 5.0, 5.0)],
)
def test_figures_at_the_edges_of_floats_still_draw(low: float, high: float, centre: float) -> None:
    svg = _chart([TornadoBar("A", low, high, "volym")], centre)
    assert svg.endswith("</svg>") and len(_groups(svg)) == 1
    assert not re.search(r"nan|inf", svg, re.IGNORECASE)


def test_a_chart_without_bars_is_only_its_axis_and_line() -> None:
    svg = _chart([], 5.0)
    assert _groups(svg) == [] and '<line class="likely"' in svg
