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


# ---- sessions: notes, undo, dot-votes -------------------------------------------------------


def _note_on_selected_data_row(qtbot, window, text="Keep the branch open", tags=("libraries",)):
    window.show_view("data")
    table = window.data_view.table
    table.setCurrentIndex(window.data_view.model.index(0, 0))
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.note_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.target_label.text().startswith("Line: ")
    dialog.text_edit.setPlainText(text)
    dialog.set_checked(tags)
    dialog.author_edit.setText("Table 3")
    dialog.accept()
    return dialog


def test_session_note_undo_redo_votes_save_as_and_reopen(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.new_session(str(tmp_path / "room.bbsession"))
    assert window.session is not None
    assert "room" in window.windowTitle()

    _note_on_selected_data_row(qtbot, window, tags=("libraries", "reading"))
    key = str(window.budget.lines["line_key"].iat[window.data_view.model.source_row(0)])
    notes = window.session.annotations()
    assert [(a.target, a.text, a.tags, a.author) for a in notes] == [
        (("line", key), "Keep the branch open", ("libraries", "reading"), "Table 3")
    ]
    assert "reading" in window.session.tags()  # the added theme joined the room's list
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    view = window.priorities_view
    assert window.tabs.currentWidget() is view
    assert view.notes_table.rowCount() == 1
    assert view.notes_table.item(0, 2).text() == "Keep the branch open"

    window.undo_action.trigger()
    assert window.session.annotations() == [] and view.notes_table.rowCount() == 0
    assert "reading" not in window.session.tags()
    window.redo_action.trigger()
    assert len(window.session.annotations()) == 1 and view.notes_table.rowCount() == 1

    view.add_participant("Ana", group="Northside")
    view.select_note(window.session.annotations()[0].id)
    view.place_dot_on_selected_item()
    view.place_dot_on_selected_item()
    assert "2 dots placed" in view.board_text()
    assert "libraries" in view.board_text() and "Northside" in view.board_text()

    # The author is remembered for the next note.
    window.show_view("data")
    window.add_note()
    assert window.note_dialog.author_edit.text() == "Table 3"
    window.note_dialog.reject()

    copy = tmp_path / "copy.bbsession"
    window.save_session_as(str(copy))
    assert window.session.path == copy and "copy" in window.windowTitle()
    window.show_view("priorities")
    window._close_session()
    assert view.hint.isVisible()

    window.open_session(str(copy))
    assert window.session is not None and window.session.path == copy
    assert view.notes_table.rowCount() == 1
    assert window.tabs.currentWidget() is view  # the view that was showing comes back
    assert "2 dots placed" in view.board_text()
    assert window.undo_stack.count() == 0


def test_add_note_without_selection_picks_a_department(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.add_note()
    assert window.note_dialog is None and "New Session" in window.statusBar().currentMessage()
    window.new_session(str(tmp_path / "s.bbsession"))
    window.show_view("pensions")
    window.add_note()
    dialog = window.note_dialog
    assert dialog.target_combo.count() > 1
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findText("Police"))
    dialog.text_edit.setPlainText("Overtime?")
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("question"))
    dialog.accept()
    [note] = window.session.annotations()
    assert note.target == ("department", "Police") and note.stance == "question"


def test_explore_selection_is_what_a_note_is_about(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.new_session(str(tmp_path / "s.bbsession"))
    window.show_view("explore")
    window.explore_view.select({"department": "Police"})
    target, words = window.selected_target()
    assert target == ("department", "Police") and words == "Department: Police"


def test_opening_a_session_loads_its_budget(qtbot, window, tmp_path, realdata):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.new_session(str(tmp_path / "s.bbsession"))
    window._close_session()
    open_and_wait(qtbot, window, realdata("dc/budget.csv"))
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_session(str(tmp_path / "s.bbsession"))
    assert "sycamore" in window.budget.name.lower()
    assert window.session is not None


def test_after_a_crash_the_next_start_offers_the_last_session(qtbot, tmp_path):
    from budgetbench.io.loader import load_budget
    from budgetbench.io.session import Session, remember_last_session

    path = tmp_path / "crashed.bbsession"
    Session.create(path, load_budget(paths.teaching_sample())).close()
    remember_last_session(path)
    (tmp_path / "crashed.bbsession.open").touch()  # left behind: the window never closed
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    assert w.last_session_button.isVisible()
    assert "crashed.bbsession" in w.last_session_label.text()
    with qtbot.waitSignal(w.budget_loaded, timeout=30_000):
        w.last_session_button.click()
    assert w.session is not None and w.session.path == path
    assert not w.last_session_button.isVisible()
    w.close()  # a clean exit: no offer next time
    assert not (tmp_path / "crashed.bbsession.open").exists()
    again = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert not again.last_session_label.text()


def test_noted_lines_are_tinted_and_show_their_notes(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, paths.teaching_sample())
    window.new_session(str(tmp_path / "room.bbsession"))
    model = window.data_view.model
    background = Qt.ItemDataRole.BackgroundRole
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, 0), background) is None
    _note_on_selected_data_row(qtbot, window, text="Keep the branch open")
    assert model.data(model.index(0, 0), background) is not None
    assert "Keep the branch open" in model.data(model.index(0, 3), tooltip)
    assert model.data(model.index(1, 0), background) is None
    window.undo_stack.undo()
    assert model.data(model.index(0, 0), background) is None  # the badge follows undo
    window.undo_stack.redo()
    assert model.data(model.index(0, 0), background) is not None
    assert model.headerData(0, Qt.Orientation.Vertical).startswith("✎")  # not colour alone
