"""The last line of defence: log unexpected errors to a file and tell the user plainly."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from budgetbench import paths

log = logging.getLogger("budgetbench")


def setup_logging() -> None:
    target = str(paths.log_file())
    for h in list(log.handlers):
        if isinstance(h, logging.FileHandler):
            if h.baseFilename == target:
                return
            log.removeHandler(h)  # the data folder moved (tests redirect it)
            h.close()
    try:
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback and show a dialog; the app keeps running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", text)
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            raise RuntimeError("no application")

        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog",
                "budgetbench hit an unexpected problem. Your open budget is unchanged; "
                "you can keep working.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog", "{error}\n\nDetails were saved to {path}"
            ).format(error=f"{kind.__name__}: {value}", path=paths.log_file())
        )
        box.setDetailedText(text)
        box.exec()
    except Exception:  # no GUI available: fall back to stderr
        sys.__excepthook__(kind, value, tb)


def install() -> None:
    setup_logging()
    sys.excepthook = excepthook
