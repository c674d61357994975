"""Unexpected errors are logged to a file and shown in a dialog; the app keeps running."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from budgetbench import paths
from budgetbench.ui import errors


def test_excepthook_logs_and_shows_a_dialog(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    errors.setup_logging()
    try:
        raise ValueError("something odd")
    except ValueError:
        errors.excepthook(*sys.exc_info())
    for handler in errors.log.handlers:
        handler.flush()
    text = paths.log_file().read_text()
    assert "ValueError: something odd" in text
    assert "Traceback" in text
    (box,) = shown
    assert "unexpected problem" in box.text()
    assert "something odd" in box.informativeText()
    assert str(paths.log_file()) in box.informativeText()


def test_install_sets_the_hook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install()
    assert sys.excepthook is errors.excepthook
