"""The reports on screen and on paper, in headless Chromium (see tests/browser.py).

- the portfolio fits a 1 280 px window: the page is no wider than the window;
- printed (print media, the width of an A4 portrait page's content box) every table of every
  report ends inside the page;
- the spec example's plan report prints on at most five A4 pages;
- every page of folder output (the index and each plan's report) has no axe violation,
  loads nothing it cannot find, and its links between pages work from file://.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser import audit_html, chromium_browser, describe, require_browser
from conftest import ROOT, SPEC_DIR, run_cli
from nytta.app import report as command

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AS_OF = _dt.date(2026, 11, 27)
PLANS = ROOT / "plans"
SPEC = SPEC_DIR / "bygglov-e-tjanst.yaml"
REVISED = ROOT / "tests" / "data" / "report" / "sankt-malvarde.yaml"
WINDOW = {"width": 1280, "height": 800}
#: The page box of templates/_base.html.j2: A4 portrait, 13 mm side margins.
PAGE_RULE = "@page { size: A4 portrait; margin: 14mm 13mm; }"
A4_CONTENT_PX = int((210 - 2 * 13) / 25.4 * 96)  # 695 CSS px
MAX_PLAN_PAGES = 5

TABLE_EDGES = """() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('table')).map((table) => {
        const box = table.getBoundingClientRect();
        const caption = table.caption ? table.caption.textContent.trim() : table.rows[0].textContent.trim();
        return {caption: caption, left: box.left, right: box.right, width: width};
    });
}"""


def _open(browser: Browser, path: Path, viewport: dict[str, int], media: str = "screen") -> Page:
    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    page.emulate_media(media=media)  # type: ignore[arg-type]
    page.goto(path.resolve().as_uri(), wait_until="load")
    return page


def _widths(page: Page) -> tuple[int, int]:
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return int(scroll), int(client)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example portfolio written as a folder: index.html and one report per plan."""
    target = tmp_path_factory.mktemp("folder") / "rapport"
    result = command.run(command.Options((PLANS,), AS_OF, "sv", folder=target))
    assert len(result.written) == 4
    return target


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The portfolio as one page, the spec example's and the revised plan's reports."""
    out = tmp_path_factory.mktemp("single")
    written = {}
    for name, source in (("portfolio", PLANS), ("spec", SPEC), ("revised", REVISED)):
        target = out / f"{name}.html"
        options = command.Options((source,), AS_OF, "sv")
        _write(options, target)
        written[name] = target
    return written


def _write(options: command.Options, target: Path) -> None:
    from nytta.render.registry import RENDERERS, RenderOptions

    report = command.run(options).report
    assert report is not None
    target.write_text(str(RENDERERS["report"]["html"](report, RenderOptions())), encoding="utf-8")


def test_the_page_rule_is_a4_portrait_with_the_margins_assumed_here() -> None:
    assert PAGE_RULE in (ROOT / "templates" / "_base.html.j2").read_text(encoding="utf-8")


@pytest.mark.parametrize("page_name", ["index.html", "single"])
def test_the_portfolio_fits_a_1280_px_window(page_name: str, folder: Path, single: dict[str, Path]) -> None:
    path = folder / page_name if page_name != "single" else single["portfolio"]
    with chromium_browser() as browser:
        page = _open(browser, path, WINDOW)
        assert _widths(page) == (1280, 1280)
        edges = page.evaluate(TABLE_EDGES)
    assert edges and all(edge["right"] <= edge["width"] for edge in edges), edges


def _pages(folder: Path, single: dict[str, Path]) -> list[Path]:
    return [*sorted(folder.glob("*.html")), *single.values()]


def test_every_table_fits_an_a4_page_in_print(folder: Path, single: dict[str, Path]) -> None:
    clipped: list[tuple[str, dict[str, Any]]] = []
    with chromium_browser() as browser:
        for path in _pages(folder, single):
            page = _open(browser, path, {"width": A4_CONTENT_PX, "height": 1000}, media="print")
            scroll, client = _widths(page)
            assert client == A4_CONTENT_PX and scroll <= client, (path.name, scroll)
            edges = page.evaluate(TABLE_EDGES)
            clipped += [(path.name, e) for e in edges if e["left"] < 0 or e["right"] > e["width"] + 0.5]
            page.close()
    assert clipped == [], clipped


def _pdf_pages(browser: Browser, path: Path) -> int:
    page = _open(browser, path, WINDOW, media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_spec_examples_plan_report_prints_on_at_most_five_pages(single: dict[str, Path]) -> None:
    with chromium_browser() as browser:
        counts = {name: _pdf_pages(browser, single[name]) for name in ("spec", "revised")}
    assert all(1 <= n <= MAX_PLAN_PAGES for n in counts.values()), counts


@pytest.mark.parametrize(
    "name", ["index.html", "automatiserad-arendehantering.html", "digitala-vardbesok.html", "forskoleplats-e-tjanst.html"]
)
def test_every_page_of_a_folder_is_accessible(name: str, folder: Path, tmp_path: Path) -> None:
    require_browser()
    audit = audit_html(folder / name, tmp_path / f"{name}.png")
    assert audit.console_errors == [] and audit.page_errors == [] and audit.failed_requests == []
    assert audit.violations == [], describe(audit.violations)


def test_the_revised_plans_report_is_accessible(single: dict[str, Path], tmp_path: Path) -> None:
    require_browser()
    audit = audit_html(single["revised"], tmp_path / "revised.png")
    assert audit.violations == [], describe(audit.violations)


def test_links_between_the_pages_work_from_file_urls(folder: Path) -> None:
    with chromium_browser() as browser:
        page = _open(browser, folder / "index.html", WINDOW)
        page.click("a.plan-link >> nth=1")
        page.wait_for_load_state("load")
        assert page.url == (folder / "digitala-vardbesok.html").resolve().as_uri()
        assert page.title().startswith("Digitala vårdbesök i primärvården")
        page.click("nav.crumbs a")
        page.wait_for_load_state("load")
        assert page.url == (folder / "index.html").resolve().as_uri()


def test_the_cli_writes_a_single_portfolio_page_for_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nytta-rapport.html"
    code, _, err = run_cli(["report", str(PLANS), "--as-of", AS_OF.isoformat(), "-o", str(target)], capsys)
    assert code == 0, err
    with chromium_browser() as browser:
        page = _open(browser, target, WINDOW)
        assert _widths(page) == (1280, 1280)
