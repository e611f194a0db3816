"""Memory stays flat across many plans: cycles a plan leaves are freed before the next."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from nytta.load.oneatatime import one_at_a_time
import nytta.load.plan as plan_module


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cyclic_garbage_of_one_item_is_freed_before_the_next() -> None:
    gc.disable()  # only the explicit collection may free the cycle
    try:
        refs: list[weakref.ref[Cycle]] = []
        for index in one_at_a_time(range(3)):
            if refs:
                assert refs[-1]() is None, f"item {index - 1}'s cycle is still alive"
            refs.append(weakref.ref(Cycle()))
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0  # the run leaves nothing frozen behind


def test_what_the_caller_keeps_survives() -> None:
    kept = [Cycle() for _ in one_at_a_time(range(5))]
    gc.collect()
    assert all(k.me is k for k in kept)


def test_a_plan_is_freed_before_the_next_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    plans = sorted(Path(__file__).parents[1].joinpath("plans").glob("*.yaml"))
    assert len(plans) >= 2
    seen: list[weakref.ref[object]] = []
    real_load = plan_module.load_plan

    def load_plan(*args: object, **kwargs: object) -> object:
        if seen:
            assert seen[-1]() is None, "the previous plan is still in memory"
        return real_load(*args, **kwargs)

    monkeypatch.setattr(plan_module, "load_plan", load_plan)
    gc.disable()
    try:
        for doc in plan_module.iter_plans(plans, []):
            seen.append(weakref.ref(doc))
            del doc
    finally:
        gc.enable()
    assert len(seen) == len(plans)
