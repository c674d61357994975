"""Work off the UI thread: results, errors and cancellation arrive on the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from budgetbench.core.progress import BudgetError
from budgetbench.ui.workers import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.cancel()
    assert r.wait(5000)


def test_result_and_progress_arrive_on_the_ui_thread(qtbot, runner):
    seen = []
    runner.progress.connect(lambda f, m: seen.append((f, m, QThread.currentThread())))

    def work(progress):
        progress(0.5, "half")
        return threading.current_thread().name

    with qtbot.waitSignal(runner.succeeded, timeout=5000) as blocker:
        runner.start(work)
    assert blocker.args[0] != threading.main_thread().name  # it ran elsewhere
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][:2] == (0.5, "half")
    assert seen[0][2] is QThread.currentThread()
    assert not runner.busy


def test_errors_are_delivered_not_raised(qtbot, runner):
    def work(progress):
        raise BudgetError("bad file", path="x.csv")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(work)
    assert str(blocker.args[0]) == "x.csv: bad file"


def test_cancel_stops_at_the_next_progress_call(qtbot, runner):
    reached = threading.Event()
    stopped = threading.Event()

    def work(progress):
        reached.set()
        for i in range(1000):
            time.sleep(0.005)
            try:
                progress(i / 1000, "working")
            except BaseException:
                stopped.set()
                raise
        return "finished"

    results = []
    runner.succeeded.connect(results.append)
    runner.start(work)
    assert reached.wait(5)
    with qtbot.waitSignal(runner.cancelled, timeout=1000):
        runner.cancel()
    assert stopped.wait(5)
    runner.wait(5000)
    qtbot.wait(50)
    assert results == []


def test_a_new_task_replaces_the_running_one(qtbot, runner):
    gate = threading.Event()

    def slow(progress):
        gate.wait(5)
        return "old"

    results = []
    runner.succeeded.connect(results.append)
    runner.start(slow)
    with qtbot.waitSignal(runner.succeeded, timeout=5000):
        runner.start(lambda progress: "new")
    gate.set()
    runner.wait(5000)
    qtbot.wait(50)
    assert results == ["new"]
