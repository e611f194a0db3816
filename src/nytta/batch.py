"""Run a function over many plan files: in file order, one plan in memory at a time,
shared out over the CPU cores when there are enough files to pay for it.

Memory: loading a plan leaves reference cycles behind (model objects, position maps) that
Python's generational collector only frees in a rare full collection, so a long run's
peak grew with the number of plans. Here what is alive when the run starts (modules,
rules, compiled schemas: never garbage) is frozen, and a collection after each plan only
has to look at what that plan allocated — cheap, and the peak stays that of the largest
single plan. What the caller keeps per plan is frozen in turn, so the cost per plan does
not grow with the run. Freezing before the pool forks also keeps the workers' copies of
those objects shared with the parent.
"""

from __future__ import annotations

import functools
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: From this many files on, the work is shared out over the CPU cores (it pays from here).
PARALLEL_FROM = 24
#: Files handed to a worker at a time.
CHUNK = 4


@contextmanager
def frozen() -> Iterator[None]:
    """Within the block, what is alive now is left out of garbage collection."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def one_at_a_time(items: Iterable[T]) -> Iterator[T]:
    """Yield ``items``; after each one the caller is done with, free what it left behind."""
    with frozen():
        for item in items:
            yield item
            del item
            gc.collect()
            gc.freeze()


def in_order(function: Callable[..., R], items: list[T], *args: Any) -> Iterator[R]:
    """``function(item, *args)`` for each item, yielded in the items' order.

    With enough items, forked worker processes compute them (``function`` and the
    arguments must be picklable, and so must the results); ``NYTTA_JOBS`` sets how many.
    The workers ignore Ctrl-C, and the parent takes it only between results (raising
    KeyboardInterrupt there); when the run stops early for any reason (an interrupt, an
    error, the caller no longer wanting results) the workers are stopped at once.
    """
    workers = parallel_workers(len(items))
    if workers <= 1:
        yield from (function(item, *args) for item in one_at_a_time(items))
        return
    import multiprocessing

    with frozen(), _interrupts_deferred() as interrupted:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts)
        try:
            chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
            results = pool.imap(functools.partial(_collected, function, args), chunks)
            while True:
                try:
                    chunk = results.next(timeout=0.05)
                except multiprocessing.TimeoutError:
                    chunk = []
                except StopIteration:
                    break
                if interrupted():
                    raise KeyboardInterrupt
                yield from chunk
        except BaseException:
            pool.terminate()
            raise
        else:
            pool.close()
        finally:
            pool.join()


@contextmanager
def _interrupts_deferred() -> Iterator[Callable[[], bool]]:
    """Within the block Ctrl-C only sets a flag, which ``in_order`` reads between results:
    an interrupt that lands inside the pool's own locking can leave it unable to stop."""
    received: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous in (signal.SIG_IGN, None):
        yield lambda: False
        return
    signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield lambda: bool(received)
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _collected(function: Callable[..., R], args: tuple[Any, ...], chunk: list[Any]) -> list[R]:
    """``function(item, *args)`` for each item of a chunk in a worker, which frees what each
    plan left behind (it inherits the parent's frozen objects, so a collection looks at
    the plan's only)."""
    results = []
    for item in chunk:
        results.append(function(item, *args))
        gc.collect()
    return results


def parallel_workers(files: int) -> int:
    """How many processes to use for ``files`` files (`NYTTA_JOBS` overrides; 1 = none)."""
    if sys.platform == "win32":  # workers are forked, and Windows cannot fork
        return 1
    configured = os.environ.get("NYTTA_JOBS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured) if files > 1 else 1
    if files < PARALLEL_FROM or sys.platform == "darwin":  # forking there is only safe when asked for
        return 1
    return min(os.cpu_count() or 1, 8)
