"""Run slow work off the UI thread, with progress and cancel, delivering results on the UI thread.

The work is a plain function ``fn(progress) -> result`` from the core or io layer. The runner
owns the signal objects (they live on the UI thread), so nothing Qt is created or destroyed on
the worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from budgetbench.core.progress import Cancelled, ProgressFn


class _TaskSignals(QObject):
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn = fn
        self.signals = signals
        self.cancel_event = threading.Event()

    def run(self) -> None:
        def progress(fraction: float, message: str) -> None:
            if self.cancel_event.is_set():
                raise Cancelled()
            self.signals.progress.emit(float(fraction), message)

        try:
            result = self.fn(progress)
        except BaseException as exc:  # delivered to the UI thread, never lost
            self.signals.failed.emit(exc)
        else:
            if self.cancel_event.is_set():
                self.signals.failed.emit(Cancelled())
            else:
                self.signals.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs one task at a time; starting a new one cancels the one in progress.

    Signals carry results of the current task only: a cancelled task's late result is dropped.
    """

    started = Signal()
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._current: _Task | None = None

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, fn: Callable[[ProgressFn], Any]) -> None:
        self.cancel()
        signals = _TaskSignals(self)
        task = _Task(fn, signals)
        signals.progress.connect(lambda f, m, t=task: self._on_progress(t, f, m))
        signals.succeeded.connect(lambda r, t=task: self._on_done(t, r, None))
        signals.failed.connect(lambda e, t=task: self._on_done(t, None, e))
        self._current = task
        self.started.emit()
        self._pool.start(task)

    def cancel(self) -> None:
        task, self._current = self._current, None
        if task is not None:
            task.cancel_event.set()
            self.cancelled.emit()
            self.finished.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (used at exit and in tests)."""
        return self._pool.waitForDone(msecs)

    def _on_progress(self, task: _Task, fraction: float, message: str) -> None:
        if task is self._current:
            self.progress.emit(fraction, message)

    def _on_done(self, task: _Task, result: Any, error: BaseException | None) -> None:
        task.signals.deleteLater()
        if task is not self._current:
            return
        self._current = None
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.finished.emit()
