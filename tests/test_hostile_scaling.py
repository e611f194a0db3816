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
