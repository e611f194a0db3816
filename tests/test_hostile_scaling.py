"""Cost in proportion to the input: hostile shapes that once took minutes and gigabytes.

Each test builds its input here (nothing large is committed) and holds the work to a bound
that a super-linear cost would break: the size of the output, the number of findings, or
the time against the same shape at a quarter of the size. ``benchmarks/hostile_scaling.py``
prints the growth of each shape over ×1, ×4 and ×16.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from test_fuzz import base_plan, dump

AS_OF = "2026-11-27"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def assert_linear(cost: Callable[[int], object], size: int) -> None:
    """Four times the input takes well under sixteen times as long (the best of two runs)."""
    small = min(timed(lambda: cost(size)) for _ in range(2))
    large = min(timed(lambda: cost(4 * size)) for _ in range(2))
    assert large < 10 * max(small, 0.05), (small, large)


# -- chain-cycle on a dense graph ------------------------------------------------------------


def dense_chain(nodes: int) -> str:
    """Every chain node leads to every other: one strongly connected component."""
    ids = [f"n{i}" for i in range(nodes)]
    lines = [f"  - {{id: {node}, type: change, name: N, leads_to: [{', '.join(ids)}]}}" for node in ids]
    return "chain:\n" + "\n".join(lines) + "\n"


def test_a_dense_chain_is_one_cycle_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("nytta: 1\nplan: {id: p, title: T, phase: identify}\n" + dense_chain(300), encoding="utf-8")
    started = time.perf_counter()
    _, out, err = run_cli(["check", str(plan), "--format", "json", "--select", "chain-cycle"], capsys)
    assert time.perf_counter() - started < 30, err
    [finding] = json.loads(out)["findings"]
    assert finding["message"] == "the links form a cycle: n0 → n0"


def test_chain_cycle_grows_linearly_with_the_links() -> None:
    from nytta.rules.graph import components

    def cost(size: int) -> None:
        nodes = [f"n{i}" for i in range(size)]
        graph = {node: [(other, ()) for other in nodes[:50]] + [(nodes[(i + 1) % size], ())] for i, node in enumerate(nodes)}
        assert len(set(components(graph).values())) == 1

    assert_linear(cost, 2000)


def test_separate_cycles_are_a_finding_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_plan()
    data["chain"] = [
        {"id": "a", "type": "change", "name": "A", "leads_to": ["b"]},
        {"id": "b", "type": "change", "name": "B", "leads_to": ["a", "c"]},
        {"id": "c", "type": "change", "name": "C", "leads_to": ["d"]},
        {"id": "d", "type": "change", "name": "D", "leads_to": ["c", "a"]},
        {"id": "e", "type": "change", "name": "E", "leads_to": ["f"]},
        {"id": "f", "type": "change", "name": "F", "leads_to": ["e"]},
    ]
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    _, out, _ = run_cli(["check", str(plan), "--format", "json", "--select", "chain-cycle"], capsys)
    messages = [finding["message"] for finding in json.loads(out)["findings"]]
    assert messages == ["the links form a cycle: a → b → a", "the links form a cycle: e → f → e"]


# -- check's text output ---------------------------------------------------------------------


def keys_on_one_line(count: int) -> str:
    """A plan whose first line holds ``count`` unknown keys: as many findings on that line."""
    keys = ", ".join(f"unknown_key_{i}: 1" for i in range(count))
    return "{nytta: 1, plan: {id: p, title: T, phase: identify}, " + keys + "}\n"


def test_text_output_shows_200_findings_a_file_and_counts_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(keys_on_one_line(3000), encoding="utf-8")
    _, out, _ = run_cli(["check", str(plan)], capsys)
    assert len(out) < 200 * 400, len(out)  # was 3 000 copies of a 60 KB line
    lines = out.splitlines()
    _, shown = run_cli(["check", str(plan), "--format", "json"], capsys)[:2]
    count = len(json.loads(shown)["findings"])
    assert count > 3000
    rest = count - 200
    assert lines[-2] == f"{plan}: {rest} more findings not shown (schema ×{rest}); --format json lists every finding"
    assert max(len(line) for line in lines) < 400


def test_a_long_source_line_is_echoed_around_the_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    filler = "x" * 100_000
    plan.write_text("nytta: 1\nplan: {id: p, title: " + filler + ", phase: identify, ¤: 1}\n", encoding="utf-8")
    _, out, _ = run_cli(["check", str(plan), "--select", "schema"], capsys)
    head, source, caret = out.splitlines()[-4:-1]
    assert "unknown key '¤'" in head
    assert source.startswith("    …") and source.endswith("…") is False and len(source) < 200
    assert source[len(caret) - 1] == "¤"


def test_check_text_is_linear_in_findings_on_one_line(tmp_path: Path) -> None:
    from nytta.check import CheckOptions, check_paths
    from nytta.render.text import render_text

    def cost(count: int) -> None:
        plan = tmp_path / f"plan{count}.yaml"
        plan.write_text(keys_on_one_line(count), encoding="utf-8")
        run = check_paths([plan], CheckOptions(as_of=date(2026, 11, 27)))
        render_text(run.result, {})

    assert_linear(cost, 3000)


# -- measurement files -----------------------------------------------------------------------


def test_a_csv_header_of_100_000_columns_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_plan()
    data["plan"]["measurements_file"] = "m.csv"
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    header = "indicator,date,value," + ",".join(f"c{i}" for i in range(100_000))
    (tmp_path / "m.csv").write_text(header + "\ndagar,2026-10-31,3" + ",x" * 100_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    _, out, err = run_cli(["check", str(plan), "--format", "json", "--as-of", AS_OF], capsys)
    assert time.perf_counter() - started < 20, err
    found = [f for f in json.loads(out)["findings"] if f["file"].endswith("m.csv")]
    assert len(found) == 1 and "the header has 100003 columns" in found[0]["message"], found[:3]
    assert (found[0]["line"], found[0]["column"]) == (1, header.index(",c61,") + 2)


def test_repeated_csv_columns_are_found_in_linear_time() -> None:
    from nytta.load.csv import MAX_COLUMNS, read_measurements

    header = ",".join(["indicator", "date", "value"] + ["note"] * (MAX_COLUMNS - 3))
    table = read_measurements(header + "\n")
    assert len(table.problems) == MAX_COLUMNS - 4


# -- the report: fitting text, laying out the chain ------------------------------------------


def _old_fit(text: str, size: float, max_width: float) -> str:
    from nytta.render.report.svg import text_width

    if text_width(text, size) <= max_width:
        return text
    while text and text_width(text + "…", size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _old_split_long(word: str, size: float, max_width: float) -> list[str]:
    from nytta.render.report.svg import text_width

    pieces = []
    while len(word) > 1 and text_width(word, size) > max_width:
        cut = len(word) - 1
        while cut > 1 and text_width(word[:cut], size) > max_width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _old_wrap(text: str, size: float, max_width: float, max_lines: int) -> list[str]:
    from nytta.render.report.svg import text_width

    words = [piece for word in text.split() for piece in _old_split_long(word, size, max_width)]
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _old_fit(" ".join(lines[max_lines - 1 :]), size, max_width)]
    return lines or [""]


WORDS = ["Inför", "e-tjänst", "MMMMWWWW", "illi", "…", "Ärendehanteringssystemets", "a", "x" * 40, "漢字漢字", "!"]


@pytest.mark.parametrize("seed", range(40))
def test_fitting_and_wrapping_give_what_they_gave(seed: int) -> None:
    """The linear versions lay out exactly as the quadratic ones did."""
    import random

    from nytta.render.report.chain import wrap
    from nytta.render.report.svg import fit

    chance = random.Random(seed)
    text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(0, 30)))
    size, width, lines = chance.choice([11.0, 12.0, 14.4]), chance.choice([8.0, 40.0, 124.0, 172.0]), chance.randint(1, 3)
    assert fit(text, size, width) == _old_fit(text, size, width)
    assert wrap(text, size, width, lines) == _old_wrap(text, size, width, lines)


def test_a_long_word_in_a_name_is_fitted_in_linear_time() -> None:
    from nytta.render.report.chain import wrap
    from nytta.render.report.svg import fit

    assert_linear(lambda size: (wrap("W" * size, 12.0, 124.0, 3), fit("W " * size, 12.0, 124.0)), 20_000)


def chain_nodes(count: int, colliding: bool = False) -> tuple[list[object], list[tuple[str, str]]]:
    from nytta.render.report.chain import ChainNode

    kinds = ["intervention", "output", "change", "effect", "benefit", "goal"]
    names = [f"a{'-_.'[i % 3]}{i // 3}" if colliding else f"n{i}" for i in range(count)]
    nodes = [ChainNode(name, f"Steg {i}", kinds[i % len(kinds)]) for i, name in enumerate(names)]
    edges = [(names[i], names[i + 1]) for i in range(count - 1)]
    return nodes, edges


def test_a_long_chain_is_laid_out_in_linear_time() -> None:
    from nytta.render.report.chain import chain_mermaid, chain_svg

    def cost(count: int) -> None:
        nodes, edges = chain_nodes(count)
        chain_svg(nodes, edges, {}, "Kedja", "")  # type: ignore[arg-type]
        chain_mermaid(*chain_nodes(count, colliding=True), {})  # type: ignore[arg-type]

    assert_linear(cost, 2000)


def test_colliding_mermaid_ids_stay_distinct() -> None:
    from nytta.render.report.chain import _mermaid_ids

    nodes, _ = chain_nodes(300, colliding=True)
    ids = _mermaid_ids(nodes)  # type: ignore[arg-type]
    assert len(set(ids.values())) == 300
    assert ids["a-0"] == "n_a_0" and ids["a_0"] == "n_a_0_2" and ids["a.0"] == "n_a_0_3"


# -- status and the report with a value of megabytes ------------------------------------------


def test_a_unit_of_megabytes_is_shown_cut(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_plan()
    data["benefits"][0]["indicators"][0]["unit"] = "dagar " * 400_000
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump(data), encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run_cli(["status", str(plan), "--as-of", AS_OF], capsys)
    assert code in (0, 1), err
    assert len(out) < 20_000
    code, out, err = run_cli(["report", str(plan), "--as-of", AS_OF, "-f", "md"], capsys)
    assert code in (0, 1), err
    assert time.perf_counter() - started < 60
