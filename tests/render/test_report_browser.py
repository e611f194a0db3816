"""The HTML reports in a real browser: headless Chromium loads each without errors or
external requests, a screenshot is taken, and axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import audit_html, describe, require_browser
from conftest import ROOT, run_cli

TARGETS = {p.stem: p for p in sorted((ROOT / "plans").glob("*.yaml"))} | {"portfolio": ROOT / "plans"}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_report_is_accessible_in_a_real_browser(name: str, tmp_path: Path, capsys) -> None:
    require_browser()
    html = tmp_path / f"{name}.html"
    code, _, err = run_cli(["report", str(TARGETS[name]), "--as-of", "2026-11-27", "-o", str(html)], capsys)
    assert code == 0, err
    audit = audit_html(html, tmp_path / f"{name}.png")
    assert audit.console_errors == [] and audit.page_errors == []
    assert audit.failed_requests == []
    assert audit.screenshot.stat().st_size > 10_000
    assert audit.violations == [], describe(audit.violations)
