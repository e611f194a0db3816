"""Keep memory flat while many plans pass through one process.

Loading a plan leaves reference cycles behind (model objects, position maps) that
Python's generational collector only frees in a rare full collection, so a long run's
peak memory grew with the number of plans. ``one_at_a_time`` freezes what is alive when
the run starts (modules, rules, compiled schemas: never garbage) so that a full
collection after each plan only has to look at what that plan allocated — cheap, and
it keeps the peak at that of the largest single plan. Freezing before a process pool
forks also keeps the workers' copies of those objects shared with the parent.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def frozen() -> Iterator[None]:
    """Within the block, what is alive now is left out of garbage collection."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def one_at_a_time(items: Iterable[T]) -> Iterator[T]:
    """Yield ``items``; after each one the caller is done with, free what it left behind.

    What survives (say, a status the caller keeps per plan) is frozen in turn, so each
    collection costs what one plan allocated, not what the run has kept so far."""
    with frozen():
        for item in items:
            yield item
            del item
            gc.collect()
            gc.freeze()
