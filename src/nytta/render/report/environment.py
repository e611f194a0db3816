"""The Jinja environments of the reports: sandboxed, escaping by default, templates by name.

Templates are found in `--templates DIR` first (any of them may be overridden by name),
then in the templates shipped with nytta. Every environment is sandboxed and bounded (see
:mod:`~nytta.render.report.sandbox`), so a template cannot reach Python internals nor run
without end, and the loader refuses a template whose real path leaves its folder. HTML
output is autoescaped; Markdown output escapes every value that is not already markup
(:func:`~nytta.render.markdown_text.md_text`, also the filter ``md``), so that no plan text
can become a heading, a link, an image, a mention, a table cell break or raw HTML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

import nytta
from nytta.render.markdown_text import md_text
from nytta.render.report.markdown import tidy_markdown
from nytta.render.report.sandbox import BoundedEnvironment, ContainedLoader

_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def builtin_templates() -> Path:
    """The shipped templates: inside the installed package, or at the top of a source tree."""
    package = Path(nytta.__file__).resolve().parent
    for candidate in (package / "templates", package.parents[1] / "templates"):
        if (candidate / "plan.html.j2").is_file():
            return candidate
    raise FileNotFoundError("the report templates are not installed with nytta")


def md_escape(value: Any) -> Any:
    """Plain text made safe for GitHub/GitLab Markdown (tables included); markup passes."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return md_text(value)


def md_filter(value: Any) -> Markup:
    """The filter ``md``: a value escaped for Markdown once (markup passes), so that the
    environment's own escaping leaves it as it is."""
    return Markup(md_escape(value))


def nobreak(value: Any) -> Markup:
    """Text for HTML (escaped) in which no date (YYYY-MM-DD) is broken across lines at its hyphens."""
    escaped = str(markupsafe_escape(value))
    return Markup(_ISO_DATE.sub(lambda m: f'<span class="nowrap">{m[0]}</span>', escaped))


def environment(kind: str, user_templates: Path | None = None) -> BoundedEnvironment:
    """The environment for ``kind`` ("html" or "md"), with fresh budgets for one rendering."""
    folders = [str(user_templates)] if user_templates else []
    loader = ContainedLoader([*folders, str(builtin_templates())])
    if kind == "html":
        env = BoundedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters["nobreak"] = nobreak
        return env
    env = BoundedEnvironment(
        loader=loader,
        autoescape=False,
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_filter
    return env


def render(name: str, kind: str, user_templates: Path | None = None, **context: Any) -> str:
    """Render the template ``name`` (e.g. ``plan.html.j2``) with ``context``."""
    text = environment(kind, user_templates).get_template(name).render(**context)
    return tidy_markdown(text) if kind == "md" else text
