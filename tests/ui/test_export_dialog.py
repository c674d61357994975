"""File ▸ Export…: the dialog picks a kind and a file, exports on a worker with progress and
Cancel, and says what happened."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from budgetbench.core.budget import Budget
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.io.session import Session
from budgetbench.ui.dialogs.export_dialog import ExportDialog, data_view_rows, run_export


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    return w


@pytest.fixture
def budget():
    return Budget(lines=synthetic_lines(300, seed=11), name="Tiny Town")


@pytest.fixture
def session(tmp_path, budget):
    s = Session.create(tmp_path / "room.bbsession", budget)
    key = str(budget.lines["line_key"].iloc[0])
    s.add_annotation(("line", key), "=Keep this line", ["youth"], "protect", "Ana")
    yield s
    s.close()


def test_export_csv_of_the_shown_rows(qtbot, window, budget, session, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    rows = budget.lines.iloc[:5]
    dialog = run_export(
        window, session, budget, rows=rows, columns=["department", "amount"], directory=str(out_dir)
    )
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    assert "1 note(s)" in dialog.summary_label.text()
    assert dialog.path_edit.text().endswith("Tiny Town-community.xlsx")
    csv_button = dialog.kind_buttons[".csv"]
    on_label = QPoint(12, csv_button.height() // 2)  # a radio button reacts on its label only
    qtbot.mouseClick(csv_button, Qt.MouseButton.LeftButton, pos=on_label)
    assert dialog.path_edit.text().endswith("Tiny Town-community.csv")
    with qtbot.waitSignal(dialog.exported, timeout=20000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert [p.name for p in result.paths] == [
        "Tiny Town-community.csv",
        "Tiny Town-community-notes.csv",
    ]
    with result.paths[0].open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["Department", "Amount", "Community notes"]
    assert len(table) == 6
    assert "Wrote" in window.statusBar().currentMessage()


def test_export_the_workbook_and_the_handout(qtbot, window, budget, session, tmp_path):
    for suffix in (".xlsx", ".pdf"):
        dialog = run_export(window, session, budget, directory=str(tmp_path))
        dialog.set_kind(suffix)
        with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
            dialog.export_button.click()
        path = done.args[0].paths[0]
        assert path.suffix == suffix and path.is_file()
        assert not dialog.isVisible()


def test_cancel_leaves_no_file(qtbot, window, tmp_path):
    big = Budget(lines=synthetic_lines(60_000, seed=2), name="Big")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog = run_export(window, None, big, directory=str(out_dir))
    assert "budget only" in dialog.summary_label.text()
    dialog.set_kind(".xlsx")
    dialog.export_button.click()
    assert dialog.runner.busy and not dialog.path_edit.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=20000)
    dialog.cancel_button.click()
    assert dialog.wait(60000)
    qtbot.waitUntil(lambda: "cancelled" in dialog.status_label.text(), timeout=5000)
    assert list(out_dir.iterdir()) == []
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    dialog.cancel_button.click()  # not running: closes
    assert not dialog.isVisible()


def test_a_failure_is_said_and_the_dialog_stays(qtbot, window, budget, tmp_path):
    dialog = run_export(window, None, budget, directory=str(tmp_path))
    dialog.path_edit.setText(str(tmp_path / "no" / "such" / "out.xlsx"))
    with qtbot.waitSignal(dialog.export_failed, timeout=20000) as failed:
        dialog.export_button.click()
    assert "folder does not exist" in failed.args[0]
    assert dialog.isVisible()
    assert "folder does not exist" in dialog.status_label.text()
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()
    dialog.reject()


def test_nothing_to_export_without_a_budget(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    assert run_export(window, None, None) is None
    assert said and "Open a budget first" in said[0]


def test_rows_and_columns_of_the_data_view(qtbot, budget):
    from budgetbench.core.query import TableIndex
    from budgetbench.ui.models.frame_model import COLUMNS
    from budgetbench.ui.views.data_view import DataView

    view = DataView()
    qtbot.addWidget(view)
    view.set_budget(budget, None, index=TableIndex(budget.lines))
    view.table.setColumnHidden(COLUMNS.index("line_key"), True)
    rows, columns = data_view_rows(view, budget)
    assert len(rows) == len(budget.lines)
    assert "line_key" not in columns and "amount" in columns
