"""File ▸ Export…: choose what to take away from the session and where, then write it in the
background with a progress bar and a Cancel button.

Three kinds (see :mod:`budgetbench.render.export`): the annotated workbook (the city's file
with the room's notes, votes, scenarios and charts added), CSV files (the rows the Data view
shows, and every note), and a one-page handout PDF. The room's work is read from the session
on the UI thread (a SQLite connection stays on the thread that made it); the export itself runs
on a :class:`~budgetbench.ui.workers.TaskRunner` thread.

The window calls :func:`run_export`.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.progress import BudgetError
from budgetbench.ui.workers import TaskRunner

if TYPE_CHECKING:
    import pandas as pd

    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

#: (suffix, label, what it holds, file-dialog filter)
KINDS: tuple[tuple[str, str, str, str], ...] = (
    (
        ".xlsx",
        "Annotated &workbook (.xlsx)",
        "The budget file itself, unchanged, with each note as a comment on its amount, "
        "coloured by stance, and sheets for the notes, votes, scenarios and charts.",
        "Excel workbook (*.xlsx)",
    ),
    (
        ".csv",
        "&CSV files (.csv)",
        "The rows and columns the Data view shows, with their notes, and every note in a "
        "second file.",
        "CSV file (*.csv)",
    ),
    (
        ".pdf",
        "One-page &handout (.pdf)",
        "Where the money comes from and goes, the flows, and the room's top priorities, "
        "on one printable page.",
        "PDF document (*.pdf)",
    ),
)


def data_view_rows(data_view: Any, budget: Budget) -> tuple[pd.DataFrame, list[str]]:
    """The rows the Data view shows (in its order) and its visible columns."""
    from budgetbench.ui.models.frame_model import COLUMNS

    rows = budget.lines.iloc[data_view.model.rows]
    table = data_view.table
    columns = [c for c in COLUMNS if not table.isColumnHidden(COLUMNS.index(c))]
    return rows, columns


class ExportDialog(QDialog):
    """Pick a kind and a file; Export runs it. ``exported(result)`` on success (an
    :class:`~budgetbench.render.export.ExportResult`), ``export_failed(message)`` otherwise."""

    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(
        self,
        budget: Budget,
        session: Session | None = None,
        *,
        rows: pd.DataFrame | None = None,
        columns: Sequence[str] | None = None,
        directory: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from budgetbench.io.export_xlsx import Community

        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.budget = budget
        self.rows, self.columns = rows, list(columns) if columns is not None else None
        # Read now, on this thread: the worker never touches the session's connection.
        self.community = Community.from_session(session)
        self.result = None
        self._directory = directory or (
            str(Path(budget.source_path).parent) if budget.source_path else str(Path.home())
        )
        layout = QVBoxLayout(self)
        notes = len(self.community.annotations)
        who = (
            self.tr("%1 note(s) from this session").replace("%1", f"{notes:,}")
            if session is not None
            else self.tr("No session is open: the export holds the budget only")
        )
        self.summary_label = QLabel(f"<b>{budget.name}</b> · {who}", self)
        layout.addWidget(self.summary_label)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for k, (suffix, label, text, _f) in enumerate(KINDS):
            button = QRadioButton(self.tr(label), self)
            button.setObjectName(f"kind{suffix[1:].upper()}")
            button.setToolTip(self.tr(text))
            self.kind_group.addButton(button, k)
            self.kind_buttons[suffix] = button
            layout.addWidget(button)
            hint = QLabel(self.tr(text), self)
            hint.setWordWrap(True)
            hint.setIndent(24)
            hint.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(hint)
        self.kind_buttons[".xlsx"].setChecked(True)
        self.kind_group.idToggled.connect(self._kind_changed)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        self.browse_button.clicked.connect(self.choose_path)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("exportStatus")
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        layout.addWidget(self.buttons)
        self.runner = TaskRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.path_edit.textChanged.connect(self._update_buttons)
        self._suggest_path()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)

    # ---- choosing ---------------------------------------------------------------------------
    @property
    def suffix(self) -> str:
        return KINDS[max(self.kind_group.checkedId(), 0)][0]

    def set_kind(self, suffix: str) -> None:
        self.kind_buttons[suffix].setChecked(True)

    def _stem(self) -> str:
        base = Path(self.budget.source_path).stem if self.budget.source_path else self.budget.name
        return f"{base or 'budget'}-{'handout' if self.suffix == '.pdf' else 'community'}"

    def _suggest_path(self) -> None:
        self.path_edit.setText(str(Path(self._directory) / f"{self._stem()}{self.suffix}"))

    def _kind_changed(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        text = self.path_edit.text().strip()
        if text:
            p = Path(text)
            stem = p.stem
            for end in ("-community", "-handout"):
                if stem.endswith(end):
                    stem = stem[: -len(end)] + (
                        "-handout" if self.suffix == ".pdf" else "-community"
                    )
            self.path_edit.setText(str(p.with_name(stem + self.suffix)))
        else:
            self._suggest_path()

    def choose_path(self) -> None:
        suffix = self.suffix
        filt = next(f for s, _l, _t, f in KINDS if s == suffix)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text() or self._directory, self.tr(filt)
        )
        if path:
            if Path(path).suffix.lower() != suffix:
                path += suffix
            self.path_edit.setText(path)

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and not self.runner.busy)

    # ---- running ----------------------------------------------------------------------------
    def start(self) -> None:
        """Export to the chosen file on a worker thread."""
        text = self.path_edit.text().strip()
        if not text:
            return
        path = Path(text)
        if path.suffix.lower() != self.suffix:
            path = path.with_name(path.name + self.suffix)
            self.path_edit.setText(str(path))
        # The views may save a scenario into budget.meta while the worker reads it: a copy.
        budget = dataclasses.replace(self.budget, meta=copy.deepcopy(self.budget.meta))
        community, rows, columns = self.community, self.rows, self.columns

        def job(progress):
            from budgetbench.render.export import export_file

            return export_file(
                path, budget, community, rows=rows, columns=columns, progress=progress
            )

        self.status_label.setText(self.tr("Exporting to %1…").replace("%1", path.name))
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        for w in (*self.kind_buttons.values(), self.path_edit, self.browse_button):
            w.setEnabled(False)
        self.runner.start(job)
        self._update_buttons()

    def cancel_or_close(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
        else:
            self.reject()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(round(100 * fraction))
        self.status_label.setText(message)

    def _idle(self) -> None:
        self.progress_bar.hide()
        for w in (*self.kind_buttons.values(), self.path_edit, self.browse_button):
            w.setEnabled(True)
        self._update_buttons()

    def _on_done(self, result) -> None:
        self.result = result
        self._idle()
        self.status_label.setText(result.message)
        self.exported.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, BudgetError):
            message = str(error)
        else:
            from budgetbench import paths
            from budgetbench.ui.errors import log

            log.error("unexpected error while exporting", exc_info=error)
            message = self.tr("The export failed (%1: %2); details are in %3").replace(
                "%1", type(error).__name__
            )
            message = message.replace("%2", str(error)).replace("%3", str(paths.log_file()))
        self.status_label.setText(message)
        self.export_failed.emit(message)

    def _on_cancelled(self) -> None:
        self._idle()
        self.status_label.setText(self.tr("Export cancelled: no file was written."))

    def done(self, result: int) -> None:  # closing the window stops a running export
        if self.runner.busy:
            self.runner.cancel()
        self.runner.wait(10000)
        super().done(result)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the export thread has finished (tests, exit)."""
        return self.runner.wait(msecs)


def run_export(
    window: QWidget,
    session: Session | None,
    budget: Budget | None,
    *,
    rows: pd.DataFrame | None = None,
    columns: Sequence[str] | None = None,
    directory: str = "",
) -> ExportDialog | None:
    """Open the export dialog (non-blocking) for ``budget`` and ``session``; on success the
    window's status bar says what was written. Returns the dialog (None without a budget)."""
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    if budget is None or not len(budget):
        QMessageBox.information(
            window,
            window.tr("Export"),
            window.tr("Open a budget first: there is nothing to export."),
        )
        return None
    dialog = ExportDialog(
        budget, session, rows=rows, columns=columns, directory=directory, parent=window
    )
    if isinstance(window, QMainWindow):
        bar = window.statusBar()
        dialog.exported.connect(lambda result: bar.showMessage(result.message, 10000))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
