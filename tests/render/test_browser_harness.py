"""The browser harness itself (tests/browser.py) on small static pages.

An accessible page must pass axe's WCAG 2.1 A/AA rules cleanly, an inaccessible one must
not, and console errors, uncaught exceptions and external requests must be recorded.
Without Chromium, Playwright or axe-core these tests skip, unless NYTTA_REQUIRE_BROWSER is
set (as in CI): then they fail with what is missing.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from browser import VIEWPORT, Audit, audit_html, describe, require_browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LOW_CONTRAST_FG = "#d2d2d2"  # on white: 1.51:1, far below AA's 4.5:1

ACCESSIBLE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nyttoplan: e-tjänst för bygglov</title>
<style>
  body { font-family: sans-serif; color: #1a1a1a; background: #ffffff; margin: 2rem; }
  th, td { border: 1px solid #595959; padding: .25rem .5rem; text-align: left; }
</style>
</head>
<body>
<main>
  <h1>Nyttoplan: e-tjänst för bygglov</h1>
  <h2>Nyttor</h2>
  <table>
    <caption>Indikatorer med utgångsläge och mål</caption>
    <thead>
      <tr><th scope="col">Indikator</th><th scope="col">Utgångsläge</th><th scope="col">Mål</th></tr>
    </thead>
    <tbody>
      <tr><th scope="row">Handläggningstid (dagar)</th><td>40,5</td><td>20</td></tr>
      <tr><th scope="row">Kompletteringar (andel)</th><td>62 %</td><td>30 %</td></tr>
    </tbody>
  </table>
  <h2>Utfall</h2>
  <svg role="img" width="200" height="60" viewBox="0 0 200 60" aria-labelledby="utfall-titel">
    <title id="utfall-titel">Handläggningstiden har minskat från 40,5 till 26 dagar</title>
    <rect x="0" y="10" width="160" height="18" fill="#1f4e79"></rect>
    <rect x="0" y="34" width="103" height="18" fill="#2e7d32"></rect>
  </svg>
</main>
</body>
</html>
"""

INACCESSIBLE = f"""<!doctype html>
<html>
<head><meta charset="utf-8"><title>Otillgänglig</title></head>
<body style="background: #ffffff">
<h1>Rapport</h1>
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='20'/%3E">
<p style="color: {LOW_CONTRAST_FG}">Den här texten är nästan osynlig.</p>
</body>
</html>
"""


def page(body: str, head: str = "") -> str:
    """A minimal valid page around `body`."""
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title>'
        f"{head}</head><body><main><h1>Test</h1>{body}</main></body></html>"
    )


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an #rrggbb colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def audit(tmp_path: Path) -> Callable[[str], Audit]:
    """Write HTML to a file in tmp_path and audit it (skips or fails if there is no browser)."""
    require_browser()

    def run(html: str, name: str = "page") -> Audit:
        source = tmp_path / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        return audit_html(source, tmp_path / "shots" / f"{name}.png")

    return run


def test_low_contrast_fixture_is_about_one_and_a_half_to_one() -> None:
    ratio = (1.0 + 0.05) / (relative_luminance(LOW_CONTRAST_FG) + 0.05)
    assert 1.45 < ratio < 1.55


def test_accessible_page_has_no_violations_and_renders(audit: Callable[[str], Audit]) -> None:
    result = audit(ACCESSIBLE, "accessible")
    assert result.violations == [], describe(result.violations)
    assert result.console_errors == []
    assert result.page_errors == []
    assert result.failed_requests == []
    assert result.screenshot.is_file()
    width, height = png_size(result.screenshot)
    assert width == VIEWPORT["width"] and height >= VIEWPORT["height"]
    assert result.screenshot.stat().st_size > 1000


def test_inaccessible_page_reports_missing_alt_low_contrast_and_lang(audit: Callable[[str], Audit]) -> None:
    result = audit(INACCESSIBLE, "inaccessible")
    rules = {violation["id"] for violation in result.violations}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= rules, describe(result.violations)
    text = describe(result.violations)
    assert "image-alt (critical)" in text
    assert "<img src=" in text and "* img" in text


def test_full_page_screenshot_covers_a_long_page(audit: Callable[[str], Audit]) -> None:
    result = audit(page('<div style="height: 3000px">Lång sida</div>'), "long")
    _, height = png_size(result.screenshot)
    assert height >= 3000


def test_console_error_is_recorded(audit: Callable[[str], Audit]) -> None:
    result = audit(page('<script>console.error("x")</script>'), "console")
    assert result.console_errors == ["x"]
    assert result.page_errors == []


def test_uncaught_exception_is_recorded(audit: Callable[[str], Audit]) -> None:
    result = audit(page('<script>throw new TypeError("trasig")</script>'), "exception")
    assert result.page_errors == ["TypeError: trasig"]


def test_external_request_is_blocked_and_recorded(audit: Callable[[str], Audit]) -> None:
    result = audit(page('<img src="https://example.com/x.png" alt="x">'), "external")
    assert any("https://example.com/x.png" in request for request in result.failed_requests), result.failed_requests


def test_missing_local_file_is_recorded(audit: Callable[[str], Audit]) -> None:
    result = audit(page('<img src="saknas.png" alt="saknas">'), "missing")
    assert any(request.endswith("saknas.png (net::ERR_FILE_NOT_FOUND)") for request in result.failed_requests), (
        result.failed_requests
    )


def test_strict_content_security_policy_does_not_stop_the_audit(audit: Callable[[str], Audit]) -> None:
    csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    result = audit(page(f'<p style="color: {LOW_CONTRAST_FG}">Svag text</p>', head=csp), "csp")
    assert "color-contrast" in {violation["id"] for violation in result.violations}, describe(result.violations)
    assert result.console_errors == []


def test_describe_formats_rule_impact_help_targets_and_html() -> None:
    violations = [
        {
            "id": "image-alt",
            "impact": "critical",
            "help": "Images must have alternative text",
            "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/image-alt",
            "nodes": [
                {
                    "target": ["main > img"],
                    "html": '<img src="a.png">',
                    "failureSummary": "Fix any of the following:\n  Element does not have an alt attribute",
                },
                {"target": [["#host", "img"]], "html": "<img>"},
            ],
        }
    ]
    text = describe(violations)
    assert text.splitlines()[:2] == ["1 axe violation(s):", "- image-alt (critical): Images must have alternative text"]
    assert '  * main > img\n    <img src="a.png">\n    Fix any of the following:' in text
    assert "* #host >>> img" in text
    assert describe([]) == "no axe violations"
