"""The main window as a user drives it: open, recent files, drag-and-drop, errors, cancel."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from budgetbench import paths
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.runner.cancel()
    w.runner.wait(5000)


def open_and_wait(qtbot, window, path):
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(path))


def test_opens_the_teaching_sample(qtbot, window):
    open_and_wait(qtbot, window, paths.teaching_sample())
    assert window.budget is not None and len(window.budget) > 100
    assert "sycamore" in window.windowTitle().lower()
    assert window.data_view.model.rowCount() == len(window.budget)
    assert "Showing" in window.data_view.status_label.text()


def test_open_via_file_dialog_and_recent_menu(qtbot, window, monkeypatch, realdata):
    dc = realdata("dc/budget.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(dc), ""))
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.budget.source_path == str(dc)
    assert window.settings.recent_files[0] == str(dc.resolve())

    open_and_wait(qtbot, window, paths.teaching_sample())
    window._fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if a.toolTip() == str(dc.resolve())]
    assert actions, [a.text() for a in window.recent_menu.actions()]
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        actions[0].trigger()
    assert window.budget.source_path == str(dc.resolve())


def test_drop_a_file_on_the_window(qtbot, window, realdata):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(realdata("dc/budget.csv")))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.dropEvent(event)
    assert window.budget.name == "budget"


def test_a_bad_file_shows_a_dialog_and_keeps_the_budget(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, paths.teaching_sample())
    before = window.budget
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 this zip is truncated")
    with qtbot.waitSignal(window.load_failed, timeout=30_000) as blocker:
        window.open_file(str(bad))
    assert "damaged" in blocker.args[0] or "cannot open" in blocker.args[0]
    box = window.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "broken.xlsx" in box.text()
    assert "Traceback" not in box.informativeText()
    assert "stays open" in box.informativeText()
    box.close()
    assert window.budget is before
    assert window.data_view.model.rowCount() == len(before)


def test_cancel_keeps_the_previous_budget(qtbot, window, tmp_path, realdata):
    open_and_wait(qtbot, window, paths.teaching_sample())
    before = window.budget
    big = tmp_path / "copy.xlsx"
    shutil.copy(realdata("oakland/mayor-proposed-13-15.xlsx"), big)
    with qtbot.waitSignal(window.runner.cancelled, timeout=5_000):
        window.open_file(str(big))
        window.cancel_button.click()
    assert window.budget is before
    assert not window.runner.busy
    window.runner.wait(30_000)
    qtbot.wait(50)
    assert window.budget is before  # the cancelled load's late result was dropped


def test_window_stays_responsive_while_loading(qtbot, window, realdata):
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    open_and_wait(qtbot, window, realdata("oakland/mayor-proposed-13-15.xlsx"))
    timer.stop()
    assert len(ticks) >= 5  # the event loop kept running during the load


def test_geometry_is_remembered(qtbot, tmp_path):
    settings = Settings(path=tmp_path / "s.ini")
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.resize(760, 540)  # the offscreen screen is 800x600
    w.show()
    qtbot.waitExposed(w)
    w.close()
    again = MainWindow(settings=Settings(path=tmp_path / "s.ini"))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 540)


def test_views_are_tabs_brought_up_to_date_when_shown(qtbot, window):
    open_and_wait(qtbot, window, paths.teaching_sample())
    assert window.tabs.currentWidget() is window.data_view
    assert window._stale == {"explore", "flows", "pensions", "tradeoffs"}  # nothing drawn unseen
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.explore_view
    assert "explore" not in window._stale
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.flows_view
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.pensions_view
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.tradeoffs_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.data_view


def test_explore_lines_open_in_the_data_view(qtbot, window):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.show_view("explore")
    window.explore_view.show_lines.emit({"department": "Police", "fiscal_year": 2026})
    assert window.tabs.currentWidget() is window.data_view
    model = window.data_view.model
    assert 0 < model.rowCount() < len(window.budget)
    assert "Police" in window.data_view._scope_text.text()


def test_a_flows_node_is_selected_in_explore(qtbot, window):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.show_view("flows")
    window.flows_view.node_selected.emit({"department": "Police"})
    assert "Police" in window.explore_view.selection_label()
