"""The command palette (Ctrl+K): every menu command, filtered as you type, run by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from budgetbench.ui.command_palette import (
    collect_commands,
    fuzzy_score,
    plain_text,
)
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.palette_popup = w.command_palette  # installed by the window
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    yield w
    w.runner.cancel()
    w.runner.wait(5000)


def open_palette(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.palette_popup
    assert palette.isVisible() and palette.search_edit.hasFocus()
    return palette


def test_fuzzy_score_wants_the_letters_in_order():
    assert fuzzy_score("ots", "Open Teaching Sample") is not None
    assert fuzzy_score("sto", "Open Teaching Sample") is None
    # word starts and runs of letters beat scattered letters
    assert fuzzy_score("flo", "Flows") > fuzzy_score("flo", "Show Log File Location")
    assert fuzzy_score("ots", "Open Teaching Sample") > fuzzy_score("ots", "Notes")
    assert fuzzy_score("", "anything") == 0.0


def test_plain_text_drops_mnemonics():
    assert plain_text("&Open…") == "Open…"
    assert plain_text("Fish && &Chips\tCtrl+F") == "Fish & Chips"


def test_every_menu_command_is_listed_with_its_menu_and_shortcut(window):
    commands = collect_commands(window)
    by_text = {c.text: c for c in commands}
    assert by_text["Open Teaching Sample"].path == "File"
    assert by_text["Open Teaching Sample"].shortcut == "Ctrl+Shift+T"
    assert by_text["Explore"].path == "View" and by_text["Explore"].shortcut == "Ctrl+2"
    # submenus, recursively: the recent-files menu says it is empty
    assert by_text["No recent files"].path == "File ▸ Open Recent"
    assert not by_text["No recent files"].enabled
    assert "Command Palette…" not in by_text  # not itself
    menu_actions = sum(
        1
        for top in window.menuBar().actions()
        for a in top.menu().actions()
        if not a.isSeparator() and a.menu() is None and a.isVisible()
    )
    assert len(commands) >= menu_actions - 1


def test_type_filters_and_enter_runs_the_best_match(qtbot, window):
    palette = open_palette(qtbot, window)
    everything = len(palette.shown_commands())
    qtbot.keyClicks(palette.search_edit, "ots")
    shown = palette.shown_commands()
    assert 0 < len(shown) < everything
    assert shown[0].text == "Open Teaching Sample"
    assert palette.current_command() is shown[0]
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.budget is not None and "sycamore" in window.budget.source_path


def test_arrow_keys_move_and_escape_closes(qtbot, window):
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.search_edit, "view")
    shown = palette.shown_commands()
    assert len(shown) >= 3
    first = palette.current_command()
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)
    assert palette.current_command() is shown[shown.index(first) + 1]
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Up)
    assert palette.current_command() is first
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_a_view_command_runs_from_the_palette(qtbot, window):
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.search_edit, "flows")
    assert palette.current_command().action is window.flows_action
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Enter)
    assert window.tabs.currentWidget() is window.flows_view


def test_disabled_commands_are_greyed_and_do_not_run(qtbot, window):
    assert not window.save_session_action.isEnabled()  # no session is open
    ran = []
    window.save_session_action.triggered.connect(lambda *a: ran.append(1))
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.search_edit, "save session as")
    command = palette.current_command()
    assert command.action is window.save_session_action and not command.enabled
    item = palette.list.currentItem()
    assert item.foreground(0).color() != palette.list.palette().text().color()
    assert "Not available" in item.toolTip(0)
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)
    assert ran == [] and palette.isVisible()
    assert "not available" in palette.hint_label.text()


def test_nothing_matches(qtbot, window):
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.search_edit, "zzqqxx")
    assert palette.shown_commands() == []
    assert "No command matches" in palette.hint_label.text()
    assert palette.run_current() is False


def test_the_palette_is_in_the_view_menu(window):
    action = window.palette_popup.toggle_action
    assert action.shortcut().toString() == "Ctrl+K"
    assert window.data_action.associatedObjects()[0] in action.associatedObjects()
