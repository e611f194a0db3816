"""The nyttokalkyl of a plan with ranges, in headless Chromium (see tests/browser.py).

The report of ``plans/automatiserad-arendehantering.yaml`` (its estimates have ranges):
axe-core finds no WCAG 2.1 A/AA violation; the tornado chart has one bar per row of the
sensitivity analysis that ``nytta calc --format json`` gives, in its order (largest swing
first, each bar as wide as its swing in proportion); no two texts of the chart overlap and
none leaves it, and the chart fits the page, on a wide screen, a phone and printed on A4. A screenshot of the
chart is written beside the test's files, and also to $NYTTA_SCREENSHOTS if that is set.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser import audit_html, chromium_browser, describe, require_browser
from conftest import PLANS
from nytta.app import report as command
from nytta.compute.calc import calculate
from nytta.load.plan import load_plan
from nytta.render.calc_json import calc_json
from nytta.render.registry import RENDERERS, RenderOptions

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PLAN = PLANS / "automatiserad-arendehantering.yaml"
AS_OF = _dt.date(2026, 11, 27)
A4_CONTENT_PX = int((210 - 2 * 13) / 25.4 * 96)  # the print width of templates/_base.html.j2
SCREENSHOTS_ENV = "NYTTA_SCREENSHOTS"

#: Each bar of the tornado chart in the page: its name (from the text), and where its parts are.
BARS = """() => Array.from(document.querySelectorAll('figure.tornado svg g.bar')).map((bar) => {
    const boxes = Array.from(bar.querySelectorAll('rect.low, rect.high')).map((r) => r.getBoundingClientRect());
    return {
        rank: Number(bar.dataset.rank),
        label: bar.querySelector('text.label').textContent,
        title: bar.querySelector('title') ? bar.querySelector('title').textContent : null,
        left: Math.min(...boxes.map((b) => b.left)),
        right: Math.max(...boxes.map((b) => b.right)),
        top: Math.min(...boxes.map((b) => b.top)),
    };
})"""

#: Every text of the chart, with its box, and the chart's box.
TEXTS = """() => {
    const svg = document.querySelector('figure.tornado svg');
    const box = svg.getBoundingClientRect();
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => {
        const b = t.getBoundingClientRect();
        return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
    });
    return {svg: {left: box.left, right: box.right, top: box.top, bottom: box.bottom}, texts: texts};
}"""


def _open(browser: Browser, path: Path, width: int, media: str = "screen") -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=2)
    page.emulate_media(media=media)  # type: ignore[arg-type]
    page.goto(path.resolve().as_uri(), wait_until="load")
    return page


@pytest.fixture(scope="module")
def sensitivity() -> list[dict[str, Any]]:
    """The plan's sensitivity rows as ``nytta calc --format json`` gives them, largest swing first."""
    doc = load_plan(PLAN, PLAN.name)
    assert doc is not None
    rows: list[dict[str, Any]] = calc_json(calculate(doc, AS_OF))["sensitivity"]
    return rows


@pytest.fixture(scope="module", params=["sv", "en"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The plan's HTML report in Swedish and in English, written to a file."""
    lang: str = request.param
    target = tmp_path_factory.mktemp(f"calc-{lang}") / f"automatiserad-arendehantering.{lang}.html"
    result = command.run(command.Options((PLAN,), AS_OF, lang))
    assert result.report is not None
    target.write_text(str(RENDERERS["report"]["html"](result.report, RenderOptions())), encoding="utf-8")
    return lang, target


def test_the_plan_has_ranges_to_show(sensitivity: list[dict[str, Any]]) -> None:
    assert len(sensitivity) >= 2
    swings = [row["swing"] for row in sensitivity]
    assert swings == sorted(swings, reverse=True)


def test_the_ranged_report_is_accessible(report: tuple[str, Path], tmp_path: Path) -> None:
    require_browser()
    lang, path = report
    audit = audit_html(path, tmp_path / f"report-{lang}.png")
    assert audit.console_errors == [] and audit.page_errors == [] and audit.failed_requests == []
    assert audit.violations == [], describe(audit.violations)


def test_the_tornado_chart_has_a_bar_per_sensitivity_row_in_swing_order(
    report: tuple[str, Path], sensitivity: list[dict[str, Any]], tmp_path: Path
) -> None:
    lang, path = report
    with chromium_browser() as browser:
        page = _open(browser, path, 1280)
        figure = page.locator("figure.tornado")
        assert figure.count() == 1
        assert page.locator("figure.tornado svg[role=img]").get_attribute("aria-labelledby")
        shot = tmp_path / f"tornado-{lang}.png"
        figure.screenshot(path=str(shot))
        bars = page.evaluate(BARS)
        table = page.eval_on_selector_all("table.sensitivity tbody th", "cells => cells.map((c) => c.textContent)")
        page.close()
    _keep(shot)
    assert shot.stat().st_size > 5_000
    assert [bar["rank"] for bar in bars] == list(range(1, len(sensitivity) + 1))
    # in the order of the sensitivity analysis, each named like its row of the table
    assert len(bars) == len(sensitivity) == len(table)
    for bar, row, name in zip(bars, sensitivity, table):
        assert (bar["title"] or bar["label"]) == name and name.startswith(row["name"]), (bar, row)
    # top to bottom, each bar as wide as its swing in proportion
    assert [bar["top"] for bar in bars] == sorted(bar["top"] for bar in bars)
    widths = [bar["right"] - bar["left"] for bar in bars]
    scale = widths[0] / sensitivity[0]["swing"]
    for width, row in zip(widths, sensitivity):
        assert width == pytest.approx(row["swing"] * scale, rel=0.02, abs=1.0)


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )


@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (A4_CONTENT_PX, "print"), (390, "screen")])
def test_no_text_of_the_chart_overlaps_another_or_leaves_it(report: tuple[str, Path], width: int, media: str) -> None:
    _, path = report
    with chromium_browser() as browser:
        page = _open(browser, path, width, media)
        found = page.evaluate(TEXTS)
        client = page.evaluate("document.documentElement.clientWidth")
        page.close()
    box, texts = found["svg"], found["texts"]
    assert box["left"] >= 0 and box["right"] <= client, (box, client)
    assert texts
    outside = [t["text"] for t in texts if t["left"] < box["left"] - 0.5 or t["right"] > box["right"] + 0.5]
    assert outside == []
    clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if _overlap(a, b)]
    assert clashes == []


def _keep(shot: Path) -> None:
    folder = os.environ.get(SCREENSHOTS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)
