"""Audit a static HTML file in headless Chromium: axe-core (WCAG 2.1 A/AA), console, requests.

Not a test module: the browser tests import it (``from browser import audit_html``).
Chromium is Debian's (/usr/bin/chromium), driven by Playwright's Python package; axe-core
comes from the npm package ``axe-core``. The page is opened from a ``file:`` URL and must
not reach the network: every request that is not ``file:``, ``data:`` or ``about:`` is
blocked and recorded, and the browser resolves no host names at all.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Request, Route

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS_DIR = Path(__file__).resolve().parent
AXE_ENV = "NYTTA_AXE_JS"
CHROMIUM_ENV = "NYTTA_CHROMIUM"
REQUIRE_ENV = "NYTTA_REQUIRE_BROWSER"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
AXE_RELATIVE = Path("node_modules") / "axe-core" / "axe.min.js"

WCAG_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
LOCAL_SCHEMES: tuple[str, ...] = ("file:", "data:", "about:")
VIEWPORT: dict[str, int] = {"width": 1280, "height": 800}
TIMEOUT_MS = 30_000
SNIPPET_CHARS = 300

# The flags keep Chromium quiet on a closed network; the resolver rule makes any host
# lookup fail inside the browser, so even a request that slipped past routing stays local.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations;
}"""


@dataclass(frozen=True)
class Audit:
    """What one page did in the browser and what axe-core found wrong with it."""

    console_errors: list[str]
    page_errors: list[str]
    failed_requests: list[str]
    violations: list[dict[str, Any]]
    screenshot: Path


def find_axe() -> Path | None:
    """axe.min.js: $NYTTA_AXE_JS if set (and nothing else then), else node_modules/ in the repository or tests/."""
    configured = os.environ.get(AXE_ENV)
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    for base in (REPO_ROOT, TESTS_DIR):
        candidate = base / AXE_RELATIVE
        if candidate.is_file():
            return candidate
    return None


def find_chromium() -> Path | None:
    """The Chromium binary: $NYTTA_CHROMIUM if set, else /usr/bin/chromium, else `chromium` on PATH."""
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        path = Path(configured)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    if DEFAULT_CHROMIUM.is_file() and os.access(DEFAULT_CHROMIUM, os.X_OK):
        return DEFAULT_CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def browser_available() -> str | None:
    """Why the browser tests cannot run here (every missing piece, with its fix), or None."""
    reasons: list[str] = []
    if find_chromium() is None:
        where = os.environ.get(CHROMIUM_ENV) or str(DEFAULT_CHROMIUM)
        reasons.append(f"no Chromium binary at {where} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        reasons.append("the Python package playwright is not installed (pip install -e '.[test]')")
    if find_axe() is None:
        if os.environ.get(AXE_ENV):
            reasons.append(f"{AXE_ENV}={os.environ[AXE_ENV]} is not a file")
        else:
            reasons.append(f"axe-core not found (npm install --no-save axe-core@4 in {REPO_ROOT}, or set {AXE_ENV})")
    return "; ".join(reasons) or None


def browser_required() -> bool:
    """True when $NYTTA_REQUIRE_BROWSER is set to anything but "" or "0" (CI sets it)."""
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def require_browser() -> None:
    """Skip the calling test when the browser is missing, or fail it when it is required."""
    reason = browser_available()
    if reason is None:
        return
    if browser_required():
        pytest.fail(f"{REQUIRE_ENV} is set but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser tests need: {reason}")


def is_local(url: str) -> bool:
    """Whether a request stays on this machine without any network: file:, data: or about:."""
    return url.lower().startswith(LOCAL_SCHEMES)


@contextmanager
def chromium_browser() -> Iterator[Browser]:
    """An open headless Chromium (skipped, or failed under NYTTA_REQUIRE_BROWSER, when there is none)."""
    from playwright.sync_api import sync_playwright

    require_browser()
    chromium = find_chromium()
    assert chromium is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def audit_html(path: Path, screenshot: Path) -> Audit:
    """Open `path` from file://, wait for load, run axe-core, write a full-page PNG to `screenshot`."""
    from playwright.sync_api import sync_playwright

    chromium, axe = find_chromium(), find_axe()
    if chromium is None or axe is None:
        raise RuntimeError(browser_available() or "browser unavailable")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            return _audit_in(browser, path.resolve(), screenshot, axe)
        finally:
            browser.close()


def _audit_in(browser: Browser, path: Path, screenshot: Path, axe: Path) -> Audit:
    """The audit proper, in a fresh context of an open browser."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE", service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    # An init script is injected over CDP, so a page's strict Content-Security-Policy
    # (no scripts at all) neither blocks axe nor has to be bypassed for the page itself.
    context.add_init_script(path=axe)
    page = context.new_page()
    console_errors: list[str] = []
    page_errors: list[str] = []
    failed_requests: list[str] = []
    _record(page, console_errors, page_errors, failed_requests)
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE, list(WCAG_TAGS))
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return Audit(
        console_errors=console_errors,
        page_errors=page_errors,
        failed_requests=failed_requests,
        violations=violations,
        screenshot=screenshot,
    )


def _record(page: Page, console_errors: list[str], page_errors: list[str], failed_requests: list[str]) -> None:
    """Collect console errors and uncaught exceptions; block and record non-local requests."""

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    def on_page_error(error: Error) -> None:
        page_errors.append(f"{error.name}: {error.message}" if error.name else error.message)

    def on_route(route: Route) -> None:
        request = route.request
        if is_local(request.url):
            route.continue_()
            return
        _append_once(failed_requests, f"{request.method} {request.url} (external request, blocked)")
        route.abort("blockedbyclient")

    def on_request_failed(request: Request) -> None:
        if is_local(request.url):
            _append_once(failed_requests, f"{request.method} {request.url} ({request.failure or 'failed'})")

    def on_websocket(websocket: Any) -> None:
        _append_once(failed_requests, f"WEBSOCKET {websocket.url} (external request)")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("requestfailed", on_request_failed)
    page.on("websocket", on_websocket)
    page.route("**/*", on_route)


def _append_once(entries: list[str], entry: str) -> None:
    """Append unless already there: Chromium may ask for the same blocked URL twice."""
    if entry not in entries:
        entries.append(entry)


def describe(violations: list[dict[str, Any]]) -> str:
    """axe violations as readable text for an assertion message: rule, impact, help, nodes."""
    if not violations:
        return "no axe violations"
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.extend(_describe_violation(violation))
    return "\n".join(lines)


def _describe_violation(violation: dict[str, Any]) -> list[str]:
    """One rule's lines: its header, then each failing node's target, HTML and summary."""
    impact = violation.get("impact") or "unknown impact"
    lines = [f"- {violation.get('id')} ({impact}): {violation.get('help')}"]
    if violation.get("helpUrl"):
        lines.append(f"  {violation['helpUrl']}")
    for node in violation.get("nodes", []):
        lines.append(f"  * {_target(node.get('target', []))}")
        lines.append(f"    {_snippet(node.get('html', ''))}")
        summary = (node.get("failureSummary") or "").strip()
        if summary:
            lines.extend(f"    {line.strip()}" for line in summary.splitlines() if line.strip())
    return lines


def _target(target: list[Any]) -> str:
    """An axe target: selectors into nested frames, each a string or a shadow-DOM path."""
    parts = [part if isinstance(part, str) else " >>> ".join(map(str, part)) for part in target]
    return " | ".join(parts) or "(no target)"


def _snippet(html: str) -> str:
    """The node's HTML on one line, cut to a readable length."""
    flat = " ".join(html.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"
