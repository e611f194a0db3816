"""Tests of the report's inline SVG line charts and effect-chain diagrams (SVG and Mermaid)."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import modules_loaded
from nytta.render.report.chain import ChainNode, chain_mermaid, chain_svg
from nytta.render.report.chart import ChartData, ChartText, line_chart, nice_ticks

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "q"'
NBSP = "\u00a0"
KINDS = {
    "intervention": "Insats",
    "output": "Leverans",
    "change": "Förändring",
    "effect": "Effekt",
    "benefit": "Nytta",
    "disbenefit": "Onytta",
    "goal": "Mål",
}


def swedish(value: float) -> str:
    return f"{value:,.1f}".replace(",", NBSP).replace(".", ",").replace("-", "−")


TEXT = ChartText(
    x_axis="Datum",
    y_axis="Handläggningstid",
    baseline="Nollmätning",
    planned="Planerat",
    target="Målvärde",
    actual="Utfall",
    forecast="Prognos",
    as_of="Idag",
    description="Status: risk. Utfall 31 dagar.",
    no_data="Inga mätvärden ännu",
)
DATA = ChartData(
    chart_id="chart-ind-1",
    title="Handläggningstid (dagar)",
    unit="dagar",
    baseline=(date(2024, 1, 15), 42.0),
    planned=[(date(2024, 1, 15), 42.0), (date(2026, 12, 31), 30.0), (date(2027, 12, 31), 21.0)],
    targets=[(date(2026, 12, 31), 30.0), (date(2027, 12, 31), 21.0)],
    actual=[(date(2024, 6, 30), 41.0), (date(2025, 9, 30), 36.0), (date(2026, 9, 30), 31.0)],
    forecast=(date(2027, 12, 31), 26.5),
    as_of=date(2026, 11, 27),
    value_format=swedish,
    date_format=date.isoformat,
)
EMPTY = replace(DATA, baseline=None, planned=[], targets=[], actual=[], forecast=None)

NODES = [
    ChainNode("i1", "Införa e-tjänst", "intervention"),
    ChainNode("o1", "E-tjänst i drift", "output"),
    ChainNode("c1", "Kompletta ansökningar", "change"),
    ChainNode("e1", "Kortare handläggningstid", "effect"),
    ChainNode("b1", "Minskad tid", "benefit"),
    ChainNode("d1", "Sämre service utan digital vana", "disbenefit"),
    ChainNode("g1", "Effektiv kommun", "goal"),
]
EDGES = [("i1", "o1"), ("o1", "c1"), ("c1", "e1"), ("e1", "b1"), ("o1", "d1"), ("b1", "g1")]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{NS}text")]


def ids(root: ET.Element) -> list[str]:
    return [el.attrib["id"] for el in root.iter() if "id" in el.attrib]


def assert_accessible(root: ET.Element, title: str, description: str) -> None:
    assert root.attrib["role"] == "img"
    by_id = {el.attrib["id"]: el for el in root.iter() if "id" in el.attrib}
    title_id, desc_id = root.attrib["aria-labelledby"].split()
    assert by_id[title_id].tag == f"{NS}title" and by_id[title_id].text == title
    assert by_id[desc_id].tag == f"{NS}desc" and by_id[desc_id].text == description
    assert root.find(f"{NS}title") is by_id[title_id]


def assert_self_contained(svg: str) -> None:
    root = parse(svg)
    assert svg.count("http") == 1 and 'xmlns="http://www.w3.org/2000/svg"' in svg
    defined = set(ids(root))
    assert set(re.findall(r"url\(#([A-Za-z0-9_-]+)\)", svg)) <= defined
    assert svg.count("url(") == len(re.findall(r"url\(#", svg))
    tags = {el.tag.removeprefix(NS) for el in root.iter()}
    assert not tags & {"script", "image", "foreignObject", "style", "use", "a"}
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on") or "href" in a]
    assert "@font-face" not in svg
    values = [value.lower() for el in root.iter() for name, value in el.attrib.items() if name != "font-family"]
    assert not [v for v in values if re.search(r"\b(nan|inf)\b", v)]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colours(root: ET.Element) -> set[str]:
    return {el.attrib.get("fill", root.attrib["fill"]) for el in root.iter(f"{NS}text")}


# Line chart --------------------------------------------------------------------------------------


def test_chart_is_an_accessible_svg_that_scales() -> None:
    root = parse(line_chart(DATA, TEXT))
    assert_accessible(root, DATA.title, TEXT.description)
    assert root.attrib["width"] == "100%" and "max-width" in root.attrib["style"]
    assert re.fullmatch(r"0 0 \d+ \d+", root.attrib["viewBox"])
    assert "sans-serif" in root.attrib["font-family"]


def test_chart_draws_every_series_and_a_legend() -> None:
    words = texts(parse(line_chart(DATA, TEXT)))
    for word in ("Nollmätning", "Planerat", "Målvärde", "Utfall", "Prognos", "Idag", "Datum", "Handläggningstid (dagar)"):
        assert word in words
    only_actual = replace(EMPTY, actual=[(date(2025, 1, 1), 3.0), (date(2025, 6, 1), 4.0)])
    words = texts(parse(line_chart(only_actual, TEXT)))
    assert "Utfall" in words and "Planerat" not in words and "Målvärde" not in words


def test_chart_series_differ_without_colour() -> None:
    root = parse(line_chart(DATA, TEXT))
    dashes = {el.attrib.get("stroke-dasharray") for el in root.iter(f"{NS}polyline")}
    assert len(dashes) >= 3  # solid actual, dashed planned, dotted forecast
    assert root.find(f"{NS}circle") is not None  # actual points
    assert root.find(f"{NS}rect") is not None  # baseline square
    assert any(el.attrib.get("d", "").endswith("Z") for el in root.iter(f"{NS}path"))  # target diamonds


def test_chart_text_has_contrast_on_white() -> None:
    for colour in text_colours(parse(line_chart(DATA, TEXT))):
        assert contrast(colour, "#ffffff") >= 4.5, colour


def test_two_charts_on_a_page_have_distinct_ids() -> None:
    first = parse(line_chart(DATA, TEXT))
    second = parse(line_chart(replace(DATA, chart_id="chart-ind-2"), TEXT))
    all_ids = ids(first) + ids(second)
    assert len(all_ids) == len(set(all_ids)) >= 4


def test_chart_ids_are_sanitised_and_stay_distinct() -> None:
    odd = [ids(parse(line_chart(replace(DATA, chart_id=raw), TEXT))) for raw in ("a b", "a-b", '"><x', "")]
    flat = [i for group in odd for i in group]
    assert len(flat) == len(set(flat))
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", i) for i in flat)


def test_hostile_words_in_a_chart_are_escaped() -> None:
    hostile_text = replace(TEXT, actual=HOSTILE, x_axis=HOSTILE, description=HOSTILE)
    svg = line_chart(replace(DATA, title=HOSTILE, unit=HOSTILE, value_format=lambda v: HOSTILE), hostile_text)
    root = parse(svg)
    assert "<script" not in svg
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert root.find(f"{NS}title").text == HOSTILE and root.find(f"{NS}desc").text == HOSTILE
    assert HOSTILE in texts(root)


def test_characters_xml_cannot_hold_are_dropped() -> None:
    odd = "a\x00b\x01c\x1f\ud800d"
    chart = parse(line_chart(replace(DATA, title=odd), replace(TEXT, actual=odd)))
    assert chart.find(f"{NS}title").text == "abcd" and "abcd" in texts(chart)
    chain = parse(chain_svg([ChainNode("x", odd, "effect")], [], KINDS, odd, odd))
    assert "abcd" in texts(chain)
    (line,) = node_lines(chain_mermaid([ChainNode("x", odd, "effect")], [], KINDS))
    assert '"abcd"' in line


def test_chart_references_nothing_outside() -> None:
    assert_self_contained(line_chart(DATA, TEXT))
    assert "url(" not in line_chart(DATA, TEXT)


def y_ticks(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{NS}text") if t.attrib.get("text-anchor") == "end"]


def test_y_ticks_are_nice_and_use_the_value_format() -> None:
    data = replace(EMPTY, actual=[(date(2025, 1, 1), 1000.0), (date(2025, 6, 1), 1234.5), (date(2025, 9, 1), 1300.0)])
    labels = y_ticks(parse(line_chart(data, TEXT)))
    assert 4 <= len(labels) <= 6
    assert all(re.fullmatch(r"−?\d{1,3}(\u00a0\d{3})*,\d", label) for label in labels), labels
    assert any(NBSP in label for label in labels)
    values = [float(label.replace(NBSP, "").replace(",", ".")) for label in labels]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    assert len(steps) == 1
    step = steps.pop()
    assert round(step / 10 ** math.floor(math.log10(step)), 6) in {1, 2, 2.5, 5}
    assert min(values) <= 1000 and max(values) >= 1300


@pytest.mark.parametrize(("lo", "hi"), [(0, 1), (979, 1321), (-5.5, 3.2), (1e12, 1.3e12), (0.001, 0.0013)])
def test_nice_ticks_cover_the_range(lo: float, hi: float) -> None:
    ticks = nice_ticks(lo, hi)
    assert 4 <= len(ticks) <= 6 and ticks[0] <= lo and ticks[-1] >= hi


def x_ticks(svg: str, data: ChartData) -> list[date]:
    found = [date.fromisoformat(t) for t in texts(parse(svg)) if re.fullmatch(r"\d{4}-\d\d-\d\d", t)]
    return [d for d in found if d != data.as_of]


def test_x_ticks_are_years_for_long_spans_and_quarters_for_one_year() -> None:
    years = x_ticks(line_chart(DATA, TEXT), DATA)
    assert len(years) >= 3 and all((d.month, d.day) == (1, 1) for d in years)
    one_year = replace(EMPTY, actual=[(date(2026, 1, 10), 1.0), (date(2026, 12, 20), 2.0)], as_of=date(2026, 6, 1))
    quarters = x_ticks(line_chart(one_year, TEXT), one_year)
    assert len(quarters) >= 3 and all(d.day == 1 and d.month in (1, 4, 7, 10) for d in quarters)


def test_tick_labels_use_the_date_format() -> None:
    svg = line_chart(replace(DATA, date_format=lambda d: f"år {d.year}"), TEXT)
    assert {"år 2025", "år 2026", "år 2027"} <= set(texts(parse(svg)))


DEGENERATE = {
    "no data": EMPTY,
    "one point": replace(EMPTY, actual=[(date(2026, 5, 5), 1234.5)]),
    "equal values": replace(EMPTY, actual=[(date(2025, 1, 1), 7.0), (date(2026, 1, 1), 7.0)], targets=[(date(2027, 1, 1), 7.0)]),
    "all zero": replace(EMPTY, actual=[(date(2025, 1, 1), 0.0), (date(2026, 1, 1), 0.0)]),
    "one-day span": replace(EMPTY, baseline=(DATA.as_of, 3.0), actual=[(DATA.as_of, 4.0)], forecast=(DATA.as_of, 5.0)),
    "negative": replace(EMPTY, actual=[(date(2025, 1, 1), -40.0), (date(2025, 6, 1), -12.5)]),
    "huge": replace(EMPTY, actual=[(date(2025, 1, 1), 1e15), (date(2026, 1, 1), -3e300)], targets=[(date(1, 1, 1), 1e308)]),
    "tiny differences": replace(EMPTY, actual=[(date(2025, 1, 1), 1e17), (date(2025, 2, 1), 1e17 + 16)]),
    "denormal": replace(EMPTY, actual=[(date(2025, 1, 1), 5e-324), (date(2025, 2, 1), 1e-310)]),
    "not a number": replace(EMPTY, actual=[(date(2025, 1, 1), math.nan), (date(2025, 2, 1), math.inf)]),
    "forecast only": replace(EMPTY, forecast=(date(2027, 1, 1), 3.0)),
    "one planned point": replace(EMPTY, planned=[(date(2027, 1, 1), 3.0)]),
    "far future": replace(EMPTY, actual=[(date(9999, 12, 31), 1.0), (date(1, 1, 1), 2.0)]),
}


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_degenerate_charts_are_valid_svg(name: str) -> None:
    svg = line_chart(DEGENERATE[name], TEXT)
    root = parse(svg)
    assert_accessible(root, DATA.title, TEXT.description)
    assert_self_contained(svg)
    assert all(math.isfinite(float(v)) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?", root.attrib["viewBox"]))


POINTS = st.lists(st.tuples(st.dates(), st.floats(allow_nan=True, allow_infinity=True)), max_size=6)


@settings(max_examples=150, deadline=None)
@given(actual=POINTS, targets=POINTS, planned=POINTS, as_of=st.dates())
def test_any_points_give_a_valid_chart(
    actual: list[tuple[date, float]], targets: list[tuple[date, float]], planned: list[tuple[date, float]], as_of: date
) -> None:
    data = replace(
        EMPTY,
        actual=actual,
        targets=targets,
        planned=planned,
        as_of=as_of,
        forecast=actual[0] if actual else None,
        baseline=targets[0] if targets else None,
    )
    svg = line_chart(data, TEXT)
    assert_self_contained(svg)
    assert 4 <= len(y_ticks(parse(svg))) <= 6 or not any(math.isfinite(v) for _, v in actual + targets + planned)


def test_a_chart_without_points_says_so() -> None:
    assert "Inga mätvärden ännu" in texts(parse(line_chart(EMPTY, TEXT)))
    assert "Inga mätvärden ännu" not in texts(parse(line_chart(DATA, TEXT)))


def test_one_day_span_labels_that_day() -> None:
    data = DEGENERATE["one-day span"]
    assert data.as_of.isoformat() in texts(parse(line_chart(data, TEXT)))


# Effect chain as SVG -----------------------------------------------------------------------------


def test_chain_svg_is_accessible_and_self_contained() -> None:
    svg = chain_svg(NODES, EDGES, KINDS, "Effektkedja", "Från insatser till mål.")
    root = parse(svg)
    assert_accessible(root, "Effektkedja", "Från insatser till mål.")
    assert_self_contained(svg)
    words = texts(root)
    assert {"Insats", "Leverans", "Förändring", "Effekt", "Mål", "Nytta / Onytta"} <= set(words)
    assert "Införa e-tjänst" in words


def test_chain_svg_has_an_arrow_per_known_edge() -> None:
    root = parse(chain_svg(NODES, [*EDGES, ("i1", "nowhere"), ("ghost", "g1"), ("i1", "o1")], KINDS, "t", "d"))
    markers = list(root.iter(f"{NS}marker"))
    assert len(markers) == 1
    arrows = [el for el in root.iter(f"{NS}path") if "marker-end" in el.attrib]
    assert len(arrows) == len(EDGES)
    assert {a.attrib["marker-end"] for a in arrows} == {f"url(#{markers[0].attrib['id']})"}


def test_chain_text_has_contrast_on_every_box() -> None:
    root = parse(chain_svg(NODES, EDGES, KINDS, "t", "d"))
    fills = {el.attrib["fill"] for el in root.iter(f"{NS}rect")} | {"#ffffff"}
    for colour in text_colours(root):
        assert all(contrast(colour, fill) >= 4.5 for fill in fills), colour


def test_disbenefits_are_dashed_and_marked_in_words() -> None:
    root = parse(chain_svg(NODES, EDGES, KINDS, "t", "d"))
    dashed = [el for el in root.iter(f"{NS}rect") if "stroke-dasharray" in el.attrib]
    assert len(dashed) == 1
    assert "⚠ Onytta" in texts(root)


def test_empty_columns_collapse() -> None:
    nodes = [ChainNode("i", "Insats A", "intervention"), ChainNode("g", "Mål A", "goal")]
    root = parse(chain_svg(nodes, [("i", "g")], KINDS, "t", "d"))
    words = texts(root)
    assert "Insats" in words and "Mål" in words and "Leverans" not in words and "Effekt" not in words
    width = float(root.attrib["viewBox"].split()[2])
    full = float(parse(chain_svg(NODES, EDGES, KINDS, "t", "d")).attrib["viewBox"].split()[2])
    assert width < full / 2


def test_long_labels_wrap_over_three_lines_at_most() -> None:
    label = "Kortare handläggningstid för bygglov och förhandsbesked i hela kommunen under hela perioden"
    root = parse(chain_svg([ChainNode("e", label, "effect")], [], KINDS, "t", "d"))
    lines = [t for t in texts(root) if t != "Effekt"]
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert " ".join(lines).startswith("Kortare handläggningstid")


def test_hostile_labels_in_the_chain_are_escaped() -> None:
    nodes = [ChainNode("x", HOSTILE, "benefit"), ChainNode("y", "ok", "goal")]
    svg = chain_svg(nodes, [("x", "y")], {**KINDS, "goal": HOSTILE}, HOSTILE, HOSTILE)
    root = parse(svg)
    assert "<script" not in svg and not [el for el in root.iter() if el.tag.endswith("script")]
    assert root.find(f"{NS}title").text == HOSTILE
    assert "".join(texts(root)).count("alert(1)") >= 2


def test_cycles_self_loops_and_lonely_nodes_do_not_raise() -> None:
    nodes = [*NODES, ChainNode("alone", "Ensam", "change"), ChainNode("odd", "Okänd sort", "mystery")]
    edges = [*EDGES, ("g1", "i1"), ("e1", "e1"), ("c1", "alone"), ("alone", "c1"), ("odd", "odd")]
    svg = chain_svg(nodes, edges, KINDS, "t", "d")
    assert_self_contained(svg)
    assert {"Ensam", "Okänd sort", "mystery"} <= set(texts(parse(svg)))
    assert_self_contained(chain_svg([], [], KINDS, "t", "d"))


IDS = st.text(max_size=4)
CHAIN_NODES = st.lists(st.builds(ChainNode, IDS, st.text(max_size=60), st.sampled_from([*KINDS, "other"])), max_size=8)


@settings(max_examples=100, deadline=None)
@given(nodes=CHAIN_NODES, edges=st.lists(st.tuples(IDS, IDS), max_size=12))
def test_any_chain_gives_valid_svg_and_mermaid(nodes: list[ChainNode], edges: list[tuple[str, str]]) -> None:
    assert_self_contained(chain_svg(nodes, edges, KINDS, "t", "d"))
    text = chain_mermaid(nodes, edges, KINDS)
    assert len(node_lines(text)) == len({node.id for node in nodes})
    for line in node_lines(text):
        assert re.fullmatch(r'\s*n_\w*\W*"[^"<>&`\n]+"\W*(:::\w+)?', line), line


def test_two_chains_have_distinct_ids() -> None:
    first = ids(parse(chain_svg(NODES, EDGES, KINDS, "t", "d")))
    second = ids(parse(chain_svg(NODES[:3], EDGES[:2], KINDS, "t", "d")))
    third = ids(parse(chain_svg(NODES, EDGES, KINDS, "t", "d", diagram_id="chain two")))
    assert len(first + second + third) == len(set(first + second + third))


# Effect chain as Mermaid -------------------------------------------------------------------------


def node_lines(text: str) -> list[str]:
    return [line for line in text.splitlines()[1:] if line.strip().startswith("n_") and "-->" not in line]


def test_mermaid_has_one_line_per_node_and_edge() -> None:
    text = chain_mermaid(NODES, [*EDGES, ("i1", "o1"), ("i1", "ghost")], KINDS)
    assert text.splitlines()[0] == "flowchart LR" and "```" not in text
    assert len(node_lines(text)) == len(NODES)
    assert len([line for line in text.splitlines() if "-->" in line]) == len(EDGES)
    assert {f"classDef {kind} " for kind in KINDS} <= {
        line.strip()[: len(f"classDef {k} ")] for line in text.splitlines() for k in KINDS
    }


def test_mermaid_shapes_differ_by_kind() -> None:
    lines = node_lines(chain_mermaid(NODES, EDGES, KINDS))
    shapes = {re.match(r"\s*n_\w+(\W+)\"", line).group(1) for line in lines}
    assert len(shapes) == 6  # benefit and dis-benefit share a shape and differ by class and marker


def test_mermaid_escapes_user_text() -> None:
    text = chain_mermaid([ChainNode('a"b', HOSTILE + " #1 `x`", "effect")], [], KINDS)
    (line,) = node_lines(text)
    label = re.search(r'"(.*)"', line).group(1)
    assert not set(label) & set('"<>&`')
    assert "#lt;script#gt;" in label and "#quot;q#quot;" in label and "#amp;" in label and "#35;1" in label
    assert re.fullmatch(r"\s*n_[A-Za-z0-9_]+\(\[\"[^\"]*\"\]\):::effect", line)


def test_mermaid_ids_are_safe_and_distinct() -> None:
    nodes = [ChainNode("a b", "x", "change"), ChainNode("a_b", "y", "change"), ChainNode("end", "z", "goal")]
    text = chain_mermaid(nodes, [("a b", "a_b"), ("a_b", "end")], KINDS)
    found = [re.match(r"\s*(n_\w+)", line).group(1) for line in node_lines(text)]
    assert len(set(found)) == 3
    assert f"{found[0]} --> {found[1]}" in text and f"{found[1]} --> {found[2]}" in text


def test_mermaid_marks_disbenefits() -> None:
    text = chain_mermaid(NODES, EDGES, KINDS)
    (line,) = [line for line in node_lines(text) if "Sämre service" in line]
    assert line.endswith(":::disbenefit") and "⚠ Onytta" in line
    assert re.search(r"classDef disbenefit .*stroke-dasharray", text)


def test_mermaid_cycle_does_not_raise() -> None:
    text = chain_mermaid(NODES, [*EDGES, ("g1", "i1"), ("e1", "e1")], KINDS)
    assert "n_g1 --> n_i1" in text and "n_e1 --> n_e1" in text


def test_generators_load_no_ui_library() -> None:
    loaded = modules_loaded("import nytta.render.report.chart, nytta.render.report.chain", {"typer", "rich", "jinja2"})
    assert loaded == []
