"""Numbers as people read them, in Swedish (`1 234 567 kr`, `0,91`, `91 %`) or English
(`SEK 1,234,567`, `0.91`, `91%`)."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value: float | None, lang: str = "en", decimals: int = 0) -> str:
    """Grouped thousands and the language's decimal mark; an em dash for nothing. A value
    that rounds to zero has no sign (−0,004 to two places is 0,00, not −0,00)."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−", 1) if text.startswith("-") else text


def measure(value: float | None, lang: str = "en") -> str:
    """A measured value: as many decimals as it has (up to 2), without trailing zeros."""
    if value is None:
        return "–"
    decimals = 0 if float(value).is_integer() else (1 if round(value, 1) == round(value, 2) else 2)
    return number(value, lang, decimals)


def money(value: float | None, lang: str = "en", currency: str = "SEK", decimals: int = 0) -> str:
    """Whole currency units (or ``decimals`` places, 2 for öre): `1 234 567 kr` in Swedish,
    `SEK 1,234,567` in English."""
    if value is None:
        return "–"
    if lang == "sv":
        unit = "kr" if currency == "SEK" else currency
        return f"{number(value, lang, decimals)}{NBSP}{unit}"
    return f"{currency} {number(value, lang, decimals)}"


def ratio(value: float | None, lang: str = "en") -> str:
    return number(value, lang, 2)


def percent(value: float | None, lang: str = "en") -> str:
    """A share as a whole percentage: `91 %` in Swedish, `91%` in English."""
    if value is None:
        return "–"
    return f"{number(value * 100, lang)}{NBSP}%" if lang == "sv" else f"{number(value * 100, lang)}%"
