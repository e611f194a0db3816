"""Plan text made safe for GitHub and GitLab Markdown: one helper for every Markdown output.

A name, a note or a reference may hold a newline followed by ``# heading``, a ``|`` that
ends a table cell, ``![](https://…)`` (an image that reports who read the page), a link,
raw HTML or ``@someone`` (a notification in a merge-request comment). :func:`md_text`
writes such text so that it reads as written and does none of that: white space (line
breaks included) becomes one space, control characters become visible escapes, ``&``,
``<`` and ``>`` become entities, Markdown's inline characters get a backslash, a line
start that would begin a heading, quote, list or numbered item is escaped, and ``@`` before
a name gets a zero-width space (written ``&#8203;``), as bots that quote user text do.
:func:`md_code` is the same for text shown in a code span.
"""

from __future__ import annotations

import html
import re

from nytta.render.visible import visible

_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029\x85]+")  # not the no-break space that keeps numbers whole
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(?:([#>+=-])|(\d+)([.)])(?=\s|$))")
_MENTION = re.compile(r"@(?=\w)")


def md_text(value: object) -> str:
    """``value`` as text for Markdown, table cells included: shown as written, never markup."""
    text = html.escape(visible(_WHITESPACE.sub(" ", str(value)).strip()), quote=False)
    text = _MENTION.sub("@&#8203;", _INLINE.sub(r"\\\1", text))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def md_code(value: object) -> str:
    """``value`` for a code span in a table cell (`` `…` ``): on one line, its ``|`` escaped;
    text with a backtick, which would end the span, is written with :func:`md_text`."""
    text = visible(_WHITESPACE.sub(" ", str(value)).strip())
    if "`" in text:
        return md_text(value)
    return "`" + text.replace("|", "\\|") + "`"
