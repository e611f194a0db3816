"""Many plans in one run: memory stays flat (what a plan leaves is freed before the next),
and sharing the work over processes changes nothing in the result or its order."""

from __future__ import annotations

import datetime as _dt
import gc
import os
import shutil
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest

import nytta.app.plans as plan_module
from nytta.app.followup import follow_up
from nytta.batch import PARALLEL_FROM, in_order, one_at_a_time, parallel_workers
from nytta.check import CheckOptions, check_paths


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


# -- over the CPU cores: the same result, in the same order, as one process ------------------

PLANS = Path(__file__).parents[1] / "plans"
AS_OF = _dt.date(2026, 11, 27)


def _portfolio(root: Path) -> Path:
    """More files than PARALLEL_FROM: the example plans (with their CSV files) in ten
    folders, plus a plan with a YAML error, one that breaks the schema and a non-plan."""
    for n in range(10):
        folder = root / f"enhet-{n:02d}"
        folder.mkdir(parents=True)
        for source in PLANS.iterdir():
            shutil.copy(source, folder / source.name)
    (root / "enhet-03" / "trasig.yaml").write_text("nytta: 1\nplan: [\n", encoding="utf-8")
    broken = (PLANS / "digitala-vardbesok.yaml").read_text(encoding="utf-8").replace("benefits:", "benefits: 7\nx:", 1)
    (root / "enhet-05" / "fel-form.yaml").write_text(broken, encoding="utf-8")
    (root / "enhet-07" / "annat.yaml").write_text("inte: en plan\n", encoding="utf-8")
    assert len(list(root.rglob("*.yaml"))) > PARALLEL_FROM
    return root


def _with_jobs(monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    monkeypatch.setenv("NYTTA_JOBS", str(jobs))
    assert parallel_workers(PARALLEL_FROM + 1) == jobs


def test_check_in_parallel_equals_check_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _portfolio(tmp_path)
    runs = []
    for jobs in (1, 2):
        _with_jobs(monkeypatch, jobs)
        runs.append(check_paths([root], CheckOptions(as_of=AS_OF)))
    serial, parallel = runs
    assert parallel.result == serial.result and parallel.skipped == serial.skipped
    assert list(serial.result.files) == sorted(serial.result.files)
    rules = {d.rule for d in serial.result.diagnostics}
    assert {"yaml-syntax", "schema"} <= rules
    assert serial.skipped == [(root / "enhet-07" / "annat.yaml").as_posix()]


def test_follow_up_in_parallel_equals_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _portfolio(tmp_path)
    runs = []
    for jobs in (1, 2):
        _with_jobs(monkeypatch, jobs)
        runs.append(list(follow_up([root], AS_OF, summaries=True)))
    serial, parallel = runs
    assert parallel == serial
    unreadable = [f.file for f in serial if f.status is None]
    assert unreadable == [(root / "enhet-03" / "trasig.yaml").as_posix()]  # a schema error only prunes
    readable = [f for f in serial if f.status is not None]
    assert len(readable) == 10 * len(list(PLANS.glob("*.yaml"))) + 1
    assert all(f.summary is not None and f.summary.calc is not None for f in readable)
    assert serial[-1].status is not None and serial[-1].status.file.endswith("enhet-09/forskoleplats-e-tjanst.yaml")


def test_in_order_keeps_the_order_of_the_items(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_jobs(monkeypatch, 2)
    items = list(range(PARALLEL_FROM * 3))
    assert list(in_order(divmod, items, 7)) == [divmod(i, 7) for i in items]


# -- interrupted: the workers go with it -----------------------------------------------------


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c", "parent-only"])
def test_an_interrupted_parallel_check_stops_at_once_with_its_workers(tmp_path: Path, whole_group: bool) -> None:
    root = tmp_path / "portfolj"
    for n in range(4):
        _portfolio(root / f"del-{n}")
    env = {**os.environ, "NYTTA_JOBS": "2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "nytta", "check", str(root)],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while len(workers := _children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) == 2, "the check did not start its workers"
    if whole_group:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        process.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert (process.returncode, err) == (130, "nytta: interrupted\n")
    time.sleep(0.2)
    assert not [pid for pid in workers if _running(pid)]
