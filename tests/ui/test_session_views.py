"""The session in every view: badges and notes in Explore and Flows, notes added from Flows,
and each view's choices, the aliases and the scenarios coming back when a session reopens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from budgetbench import paths
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.models.tree_model import NAME
from budgetbench.ui.settings import Settings

TOOLTIP = Qt.ItemDataRole.ToolTipRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def _window(qtbot, tmp_path, name="settings.ini"):
    w = MainWindow(settings=Settings(path=tmp_path / name))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    with qtbot.waitSignal(w.budget_loaded, timeout=30_000):
        w.open_file(str(paths.teaching_sample()))
    w.new_session(str(tmp_path / "room.bbsession"))
    yield w
    w.runner.cancel()
    w.runner.wait(5000)


def _add_note(window, target, text):
    from budgetbench.core.priorities import AddAnnotation
    from budgetbench.ui.undo import push

    push(window.undo_stack, window.session, AddAnnotation(target, text))


def _row_of(model, label):
    root = model.index(0, NAME)
    for r in range(model.rowCount(root)):
        index = model.index(r, NAME, root)
        if model.data(index, Qt.ItemDataRole.UserRole) == label:
            return index
    raise AssertionError(f"{label} not in the tree")


def test_explore_marks_noted_groups_and_shows_their_notes(window):
    window.show_view("explore")
    view = window.explore_view
    view.preset_combo.setCurrentIndex(view.preset_combo.findData("department"))
    model = view.tree.model()
    police = _row_of(model, "Police")
    assert model.data(police, BACKGROUND) is None and "✎" not in model.data(police)
    _add_note(window, ("department", "Police"), "Fund the youth diversion pilot")
    police = _row_of(model, "Police")
    assert model.data(police, BACKGROUND) is not None
    assert model.data(police).endswith("✎")  # a mark, not colour alone
    assert "Fund the youth diversion pilot" in model.data(police, TOOLTIP)
    view.select({"department": "Police"})
    window.explore_view.climb_out()
    drawn = [t.get_text() for ax in view._chart.figure.axes for t in ax.texts]
    assert any(t.startswith("✎ Police") for t in drawn)  # the treemap tile too
    window.undo_stack.undo()
    police = _row_of(model, "Police")
    assert model.data(police, BACKGROUND) is None


def test_explore_tooltip_counts_notes_on_lines_inside_a_group(window):
    window.show_view("explore")
    view = window.explore_view
    view.preset_combo.setCurrentIndex(view.preset_combo.findData("department"))
    model = view.tree.model()
    filters = view.line_filters(model.node(_row_of(model, "Police")))
    lines = window.budget.lines
    mask = (lines["department"] == "Police") & (lines["fiscal_year"] == filters["fiscal_year"])
    mask &= (lines["phase"] == filters["phase"]) & (lines["direction"] == "expense")
    row = lines.index[mask][0]
    _add_note(window, ("line", str(lines.at[row, "line_key"])), "Why did overtime double?")
    assert "1 notes on single lines here" in model.data(_row_of(model, "Police"), TOOLTIP)


def test_flows_marks_noted_boxes_and_a_note_can_be_added_there(window):
    window.show_view("flows")
    flows = window.flows_view
    assert not any("✎" in t for t in flows.drawn_labels())
    flows.select({"department": "Police"})
    target, words = window.selected_target()
    assert target == ("department", "Police") and "Police" in words
    window.add_note()
    dialog = window.note_dialog
    dialog.text_edit.setPlainText("Protect the crossing guards")
    dialog.accept()
    [note] = window.session.annotations()
    assert note.target == ("department", "Police")
    assert any(t.startswith("✎ Police") for t in flows.drawn_labels())
    x, y = flows.node_center("Police")
    assert "Protect the crossing guards" in flows.tooltip_at(x, y)


def test_reopening_restores_every_views_state(qtbot, window, tmp_path):
    path = window.session.path
    window.show_view("explore")
    window.explore_view.net_check.setChecked(not window.explore_view.net_check.isChecked())
    window.explore_view.select({"department": "Parks & Recreation"})
    window.show_view("flows")
    window.flows_view.net_check.setChecked(not window.flows_view.net_check.isChecked())
    window.flows_view.select({"department": "Police"})
    window.show_view("data")
    window.data_view._search_edit.setText("overtime")
    window.show_view("priorities")
    explore_net = window.explore_view.net_check.isChecked()
    flows_net = window.flows_view.net_check.isChecked()
    explore_filters = window.explore_view.state_selection()
    window.close()

    again = _window(qtbot, tmp_path)
    with qtbot.waitSignal(again.budget_loaded, timeout=30_000):
        again.open_session(str(path))
    assert again.tabs.currentWidget() is again.priorities_view  # the view left showing
    again.show_view("data")
    assert again.data_view._search_edit.text() == "overtime"
    again.show_view("explore")
    assert again.explore_view.net_check.isChecked() == explore_net
    assert again.explore_view.state_selection() == explore_filters
    again.show_view("flows")
    assert again.flows_view.net_check.isChecked() == flows_net
    assert again.flows_view.selected_filters().get("department") == "Police"
    again.close()


def test_aliases_and_scenarios_are_saved_in_the_session(qtbot, window, tmp_path):
    path = window.session.path
    window.show_view("pensions")
    window.pensions_view.save_current_scenario("Lower returns")
    window.show_view("explore")
    window.explore_view.set_aliases({"Parks": "Parks & Recreation"})
    stored = window.session.get_value("pension_scenarios")
    assert "Lower returns" in stored
    assert window.session.get_value("aliases") == {"Parks": "Parks & Recreation"}
    window.close()

    again = _window(qtbot, tmp_path)
    with qtbot.waitSignal(again.budget_loaded, timeout=30_000):
        again.open_session(str(path))
    again.show_view("pensions")
    assert "Lower returns" in [s["name"] for s in again.pensions_view.scenarios]
    assert again.budget.meta["aliases"] == {"Parks": "Parks & Recreation"}
    again.close()


def test_ten_thousand_notes_open_with_their_badges_in_half_a_second(qtbot, tmp_path):
    import time

    from budgetbench.io.loader import load_budget
    from budgetbench.io.session import Session

    budget = load_budget(paths.teaching_sample())
    keys = list(budget.lines["line_key"].astype(str))
    departments = sorted(set(budget.lines["department"]))
    path = tmp_path / "big.bbsession"
    with Session.create(path, budget) as s:
        s.add_annotations(
            (
                ("line", keys[i % len(keys)]) if i % 2 else ("department", departments[i % 9]),
                f"note {i}",
                ("housing",),
                "protect",
                "table 1",
            )
            for i in range(10_000)
        )
    w = _window(qtbot, tmp_path)
    w.show_budget(budget, None)
    timings = {}
    for view in ("data", "explore", "flows"):
        w.show_view(view)
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            w._open_session_now(str(path))
            qtbot.wait(1)  # the repaint
            best = min(best, time.perf_counter() - started)
            w._close_session()
        timings[view] = best
    model = w.data_view.model
    w._open_session_now(str(path))
    assert model.headerData(0, Qt.Orientation.Vertical).startswith("✎")
    assert max(timings.values()) <= 0.5, timings
    w.close()


def test_notes_come_back_from_an_exported_workbook(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from budgetbench.render.export import export_file

    _add_note(window, ("department", "Police"), "Keep the crossing guards")
    out = tmp_path / "room.xlsx"
    export_file(out, window.budget, window.session)
    other = _window(qtbot, tmp_path, "other.ini")
    with qtbot.waitSignal(other.budget_loaded, timeout=30_000):
        other.open_file(str(paths.teaching_sample()))
    other.new_session(str(tmp_path / "merged.bbsession"))
    with qtbot.waitSignal(other.budget_loaded, timeout=30_000):
        other.open_file(str(out))  # the export opens as a budget, and offers its notes
    box = other.merge_box
    assert box.isVisible() and "room.xlsx" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert [a.text for a in other.session.annotations()] == ["Keep the crossing guards"]
    other.close()
