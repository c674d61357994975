"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 releases a reference to None on every ``QTimer.start()`` and
static ``processEvents()`` call, and to True/False on every ``Signal.emit``; after some tens
of thousands of calls (an afternoon of typing in the search box) the interpreter aborts with
"deallocating None". The project pins a release without the bug; this test catches a bump
that brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


class _Emitter(QObject):
    changed = Signal(object)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_calls_do_not_leak_references_to_singletons(qapp):
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setInterval(60_000)
    emitter = _Emitter()
    emitter.changed.connect(lambda value: None)
    QCoreApplication.processEvents()
    before = _counts()
    for _ in range(2_000):
        timer.start()
        QCoreApplication.processEvents()
        emitter.changed.emit(1)
    timer.stop()
    after = _counts()
    # Allow a little noise from objects freed meanwhile; the bug loses thousands.
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
