"""Text a person reads on a terminal or in a CI log, made safe to show.

What a plan, a measurements file or a file name says is shown, never obeyed. Control
characters in it would be: ESC starts terminal sequences (colour, window title, hyperlinks,
erasing), BEL rings, CR and backspace overwrite what was shown, NUL and the C1 controls do
what the terminal makes of them, and the bidirectional controls (U+202E and its kin)
reorder the text around them. :func:`visible` writes each as an escape (``\\x1b``,
``\\u202e``, ``\\n``) that can be read; tab stays, and so does every other character.

A value that fills megabytes is shown cut (:func:`clipped`): a table or a line for a person
need not hold it whole, and laying it out would cost more than the rest of the output.

Under GitHub Actions a line of the log that starts with ``::`` is a workflow command
(``::error``, ``::add-mask``, ``::stop-commands``); :func:`defused` writes those two colons
as ``%3A%3A`` in every line nytta prints there, except the annotations it means as commands.
"""

from __future__ import annotations

import os
import re

#: C0 controls but tab, DEL, the C1 controls, the bidirectional marks, embeddings,
#: overrides and isolates, and the Unicode line and paragraph separators.
_HIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same but CR and LF, for text whose line breaks a format escapes its own way.
_HIDDEN_BUT_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}
#: A line the Actions runner reads as a command: ``::`` after white space (it trims that).
_COMMAND = re.compile(r"^([^\S\n]*)::", re.MULTILINE)
#: The most of one value a line or a table cell for a person shows (``--format json`` has it all).
MAX_SHOWN = 200


def visible(text: str, *, keep_breaks: bool = False) -> str:
    """``text`` with every control and direction character written as an escape (CR and LF
    kept with ``keep_breaks``, for a format that escapes them itself)."""
    hidden = _HIDDEN_BUT_BREAKS if keep_breaks else _HIDDEN
    if hidden.search(text) is None:
        return text
    return hidden.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clipped(text: str, limit: int = MAX_SHOWN) -> str:
    """``text``, or its first ``limit - 1`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markup(text: str, limit: int = MAX_SHOWN) -> str:
    """User text for rich's markup: cut, made visible, and with its ``[…]`` not read as tags."""
    from rich.markup import escape

    return escape(visible(clipped(text, limit)))


def defused(text: str) -> str:
    """``text`` with no line the GitHub Actions runner would take for a workflow command."""
    if "::" not in text:
        return text
    return _COMMAND.sub(r"\1%3A%3A", text)


def under_actions() -> bool:
    """Whether nytta runs as a step of a GitHub Actions workflow, whose log reads commands."""
    return os.environ.get("GITHUB_ACTIONS") == "true"
