"""Numbers as people read them (``render.numbers``): a value that rounds to zero carries no
sign, in every renderer that shows numbers through this module."""

from __future__ import annotations

import pytest

from nytta.render.numbers import NBSP, money, number


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "shown"),
    [
        (-0.4, "sv", 0, "0"),
        (-0.004, "sv", 2, "0,00"),
        (-0.0125, "sv", 1, "0,0"),
        (-0.0, "en", 0, "0"),
        (-0.6, "sv", 0, "−1"),
        (-0.06, "sv", 2, "−0,06"),
        (-1234.5, "sv", 1, f"−1{NBSP}234,5"),
    ],
)
def test_a_value_that_rounds_to_zero_has_no_sign(value: float, lang: str, decimals: int, shown: str) -> None:
    assert number(value, lang, decimals) == shown


def test_money_to_the_ore() -> None:
    assert money(413.0823, "sv", "SEK", 2) == f"413,08{NBSP}kr"
    assert money(413.0823, "en", "SEK", 2) == "SEK 413.08"
    assert money(-0.4, "sv") == f"0{NBSP}kr"
