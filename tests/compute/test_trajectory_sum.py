"""The closed-form sum of a curve over days equals adding up its daily values."""

from __future__ import annotations

import datetime as _dt
import itertools
from fractions import Fraction

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


def exact_at(curve: Curve, day: _dt.date) -> Fraction:
    """The curve's value on ``day`` as an exact fraction of its float points."""
    points = [(d, Fraction(v)) for d, v in curve.points]
    if day <= points[0][0]:
        return points[0][1]
    if day >= points[-1][0]:
        return points[-1][1]
    (d0, v0), (d1, v1) = next((a, b) for a, b in itertools.pairwise(points) if a[0] <= day < b[0])
    return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days


@given(
    offsets=st.lists(st.integers(0, 2000), min_size=1, max_size=6, unique=True),
    values=st.lists(st.floats(-1e4, 1e4), min_size=6, max_size=6),
    start=st.integers(-100, 2100),
    length=st.integers(-3, 800),
    offset=st.one_of(st.floats(-1e4, 1e4), st.just(20.2)),
)
def test_exact_sum_is_the_exact_sum_of_the_daily_differences(
    offsets: list[int], values: list[float], start: int, length: int, offset: float
) -> None:
    curve = Curve(tuple((BASE + _dt.timedelta(days=d), v) for d, v in zip(sorted(offsets), values)))
    first = BASE + _dt.timedelta(days=start)
    days = [first + _dt.timedelta(days=i) for i in range(length + 1)]
    assert curve.exact_sum(first, first + _dt.timedelta(days=length), offset) == sum(
        (exact_at(curve, day) - Fraction(offset) for day in days), Fraction(0)
    )


def test_a_stretch_at_the_offset_sums_to_exactly_zero() -> None:
    # 2022 of bug 2: baseline 20.2 held from 2022-10-01 to the delmål 20.2 on 2022-12-31
    curve = Curve(
        (
            (_dt.date(2021, 12, 31), 20.2),
            (_dt.date(2022, 10, 1), 20.2),
            (_dt.date(2022, 12, 31), 20.2),
            (_dt.date(2023, 12, 31), 10.1),
        )
    )
    assert curve.exact_sum(_dt.date(2022, 10, 1), _dt.date(2022, 12, 31), 20.2) == 0
