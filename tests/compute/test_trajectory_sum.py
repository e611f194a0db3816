"""The closed-form sum of a curve over days equals adding up its daily values."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given
from hypothesis import strategies as st

from nytta.compute.trajectory import Curve

BASE = _dt.date(2024, 1, 1)


@given(
    offsets=st.lists(st.integers(0, 2000), min_size=1, max_size=6, unique=True),
    values=st.lists(st.floats(-1e4, 1e4), min_size=6, max_size=6),
    start=st.integers(-100, 2100),
    length=st.integers(-3, 800),
)
def test_total_matches_the_daily_sum(offsets: list[int], values: list[float], start: int, length: int) -> None:
    curve = Curve(tuple((BASE + _dt.timedelta(days=d), v) for d, v in zip(sorted(offsets), values)))
    first = BASE + _dt.timedelta(days=start)
    last = first + _dt.timedelta(days=length)
    expected = sum(curve.at(first + _dt.timedelta(days=i)) for i in range(length + 1))
    assert abs(curve.total(first, last) - expected) <= 1e-6 * max(1.0, abs(expected))
