"""What every SVG picture of the reports shares: the root element with its accessible name,
ids that are safe in XML, escaped text, and a generous estimate of how wide text is.

The line charts (`chart`), bar charts (`bars`) and the effect chain (`chain`) draw with these,
so that no picture depends on anything outside itself and no word reaches it unescaped.
"""

from __future__ import annotations

import hashlib
import math
import re
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1a1a1a"
BOLD = 1.2  # bold text is up to this much wider
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_id(raw: str, prefix: str) -> str:
    """An XML id from `raw`: only [A-Za-z0-9_-], starting with a letter; changed ids get a hash
    suffix so that two raw ids that clean to the same text stay distinct."""
    clean = re.sub(r"[^A-Za-z0-9_-]", "-", raw)
    digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:6] if clean != raw or not clean else ""
    head = "" if clean[:1].isalpha() else prefix
    return "-".join(part for part in (head, clean.strip("-"), digest) if part)


def text_width(text: str, size: float) -> float:
    """A generous estimate of the rendered width of `text` in a sans-serif system font."""
    return sum(size * _char_em(ch) for ch in text)


def _char_em(ch: str) -> float:
    if ch in "iljtfrI.,:;!|'’ ()[]":
        return 0.34
    if ch in "mwMW@%…—" or ord(ch) > 0x2000:
        return 0.95
    return 0.7 if ch.isupper() else 0.58


def fit(text: str, size: float, max_width: float) -> str:
    """`text` cut with an ellipsis so that it fits in `max_width`: the longest start of it
    that fits with the ellipsis, found in one pass over the characters up to the cut."""
    if fits(text, size, max_width) == len(text):
        return text
    ellipsis = size * _char_em("…")
    width, cut = 0.0, 0
    for ch in text:
        if width + size * _char_em(ch) + ellipsis > max_width:
            break
        width += size * _char_em(ch)
        cut += 1
    return text[:cut].rstrip() + "…"


def fits(text: str, size: float, max_width: float, start: int = 0) -> int:
    """Where the longest piece of `text` from `start` that fits in `max_width` ends; its
    widths are summed in the order ``text_width`` sums them, and the loop stops at the cut."""
    width, end = 0.0, start
    for end in range(start, len(text)):
        width += size * _char_em(text[end])
        if width > max_width:
            return end
    return len(text)


def svg_open(svg_id: str, width: float, height: float, title: str, description: str) -> str:
    """The root element with its accessible name and description."""
    return (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 {math.ceil(width)} {math.ceil(height)}" width="100%" '
        f'style="max-width:{math.ceil(width)}px;height:auto" role="img" '
        f'aria-labelledby="{svg_id}-title {svg_id}-desc" font-family="{escape(FONT_FAMILY)}" '
        f'fill="{TEXT_COLOUR}"><title id="{svg_id}-title">{xml_text(title)}</title>'
        f'<desc id="{svg_id}-desc">{xml_text(description)}</desc>'
    )


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 and UTF-8 cannot hold (controls, lone surrogates)."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """`text` cleaned and escaped for XML."""
    return escape(clean_text(text))


def text_el(x: float, y: float, text: str, size: float, extra: str = "") -> str:
    """One escaped `<text>` element."""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" {extra}>{xml_text(text)}</text>'
