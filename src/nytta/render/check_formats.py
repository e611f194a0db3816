"""The registry of ``nytta check --format`` renderers: format name to rendering function."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from nytta.diagnostics import CheckResult, RuleInfo
from nytta.render.github import render_github
from nytta.render.gitlab import render_gitlab
from nytta.render.json_out import render_json
from nytta.render.junit import render_junit
from nytta.render.sarif import render_sarif
from nytta.render.text import render_text

CheckRenderer = Callable[[CheckResult, Mapping[str, RuleInfo]], str]

CHECK_RENDERERS: dict[str, CheckRenderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "gitlab": render_gitlab,
    "junit": render_junit,
}
