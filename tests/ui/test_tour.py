"""The Budget 101 tour panel in a real window: every step shown in both languages, what a budget
lacks, keyboard stepping, a trainer's own copy and "Add this view as a step"."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip

from budgetbench import paths
from budgetbench.core import tour as core_tour
from budgetbench.core.lens import default_year_phase
from budgetbench.io.loader import load_budget
from budgetbench.ui import tour_panel
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings
from budgetbench.ui.tour_panel import TourPanel, capture_action

LENS_DEFAULTS = {"general_fund_only": False, "net_of_transfers": False, "restricted": None}


@pytest.fixture(scope="module")
def sample():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.tour_panel.set_language("en")  # installed by the window
    w.tour_panel.show()  # the trainer opens the tour (it starts closed)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    yield w
    w.runner.cancel()
    w.runner.wait(5000)
    w.pensions_view.wait_idle(5000)


def show(window, budget) -> None:
    window.show_budget(budget, budget.report)


def current_view(window) -> str:
    return next(k for k, v in window.views.items() if v is window.tabs.currentWidget())


def check_step_took_effect(window, step: core_tour.Step) -> None:
    """What the window shows is what ``step``'s action says, read back from the widgets."""
    action = step.action
    assert current_view(window) == action["view"], step.id
    got = capture_action(window)
    want_select = tour_panel.resolve_select(action.get("select"), window.budget)
    for key, value in want_select.items():
        assert got["select"].get(key) == value, (step.id, key, got)
    view = action["view"]
    if view == "explore":
        ev = window.explore_view
        assert got["lens"] == {**LENS_DEFAULTS, **action.get("lens", {})}, step.id
        assert got["group_by"] == action.get("group_by", "fund"), step.id
        assert got.get("compare") == action.get("compare"), step.id
        node = ev.current_node
        assert node is not None
        for key, value in want_select.items():
            if key != "direction":
                assert node.filters.get(key) == value, (step.id, node.filters)
        assert ev.direction == want_select.get("direction", "expense")
        if action.get("compare") is None:
            assert ev.year_combo.currentData() == default_year_phase(window.budget)
        lens = ev.exploration.lens  # what the tree was computed with
        assert lens.restricted == action.get("lens", {}).get("restricted")
        assert lens.general_fund_only == action.get("lens", {}).get("general_fund_only", False)
    elif view == "flows":
        fv = window.flows_view
        assert got["lens"] == {
            "general_fund_only": False,
            "net_of_transfers": False,
            **action.get("lens", {}),
        }
        assert fv.net_check.isChecked() == action.get("lens", {}).get("net_of_transfers", False)
        follow = tour_panel.resolve_select(action.get("follow"), window.budget)
        for key, value in follow.items():
            assert got["follow"].get(key) == value, (step.id, got)
        if follow:
            assert any(str(v) in fv.sentences() for v in follow.values()), fv.sentences()
        if not action.get("select"):
            assert not fv.show_all_button.isEnabled()  # not focused on a box
    elif view == "pensions":
        pv = window.pensions_view
        assert pv.plan_combo.currentData() == f"preset:{action['pension_preset']}"
        assert got["chart"] == action["chart"]
        assert got["pension_returns"] == action["pension_returns"]
    elif view == "tradeoffs":
        tv = window.tradeoffs_view
        assert got["scenario"] == action["scenario"], step.id
        assert got["chart"] == action["chart"] and got["panel"] == action["panel"]
        assert tv.side_tabs.currentIndex() == core_tour.PANELS.index(action["panel"])
    elif view == "data":
        dv = window.data_view
        assert dict(dv.scope) == want_select
        assert dv.search_edit.text() == action.get("search", dv.search_edit.text())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_walk_the_whole_tour_on_the_teaching_sample(qtbot, window, sample, lang):
    panel: TourPanel = window.tour_panel
    panel.set_language(lang)
    show(window, sample)
    steps = core_tour.load_tour(lang).steps
    assert panel.step_count() == len(steps) >= 20
    seen = []
    panel.step_changed.connect(seen.append)
    panel.go_to(0)
    for i, step in enumerate(steps):
        if i:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        assert panel.current_index() == i
        assert panel.current_step().id == step.id
        assert panel.title_label.text() == step.title
        assert panel.caption() == f"{step.title} — {step.question}"
        assert panel.last_problems == [], (step.id, panel.last_problems)
        check_step_took_effect(window, step)
        if step.id == "fund-fiduciary":  # the teaching sample has no pension trust
            assert "fiduciary" in panel.lacks_text() or "fiduciario" in panel.lacks_text()
            assert not panel.sample_button.isVisible()  # it is the teaching sample already
        else:
            assert panel.lacks_text() == "", (step.id, panel.lacks_text())
    assert seen == list(range(len(steps)))
    assert not panel.next_button.isEnabled()
    panel.next_step()  # past the end: stays on the last step
    assert panel.current_index() == len(steps) - 1


def test_a_budget_with_one_fund_says_what_it_lacks(qtbot, window, tmp_path):
    path = tmp_path / "one_fund.csv"
    path.write_text(
        "Fund,Department,Type,Category,Description,FY2024-25 Adopted\n"
        "100 - General Fund,Police,Expense,Salaries,Police salaries,5000000\n"
        "100 - General Fund,Fire,Expense,Salaries,Fire salaries,3000000\n"
        "100 - General Fund,Non-Departmental,Revenue,Property Tax,Property tax,6000000\n",
        encoding="utf-8",
    )
    show(window, load_budget(path))
    panel = window.tour_panel
    index = next(i for i, s in enumerate(panel.steps) if s.id == "transfers")
    panel.go_to(index)
    text = panel.lacks_text()
    assert text.startswith("This budget lacks transfers between funds and more than one fund")
    assert panel.lacks_label.isVisible() and panel.sample_button.isVisible()
    assert panel.explanation_label.isVisible()  # the explanation is still shown
    assert "count" in panel.explanation_label.text() and "twice" in panel.explanation_label.text()
    assert current_view(window) == "flows"  # the view still opens

    panel.go_to(next(i for i, s in enumerate(panel.steps) if s.id == "fund-general"))
    assert panel.lacks_text() == ""
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        panel.sample_button.click()  # the offer is real: the teaching sample opens
    assert "sycamore" in window.budget.source_path


def test_without_a_budget_the_panel_says_so_and_still_opens_the_view(window):
    panel = window.tour_panel
    panel.go_to(2)
    assert "No budget is open" in panel.lacks_text()
    assert current_view(window) == panel.current_step().view


def test_keyboard_steps_the_tour(qtbot, window, sample):
    show(window, sample)
    panel = window.tour_panel
    panel.go_to(0)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.current_index() == 1
    panel.step_list.setFocus()
    qtbot.keyClick(panel.step_list, Qt.Key.Key_Down)  # the list moves and shows the step
    assert panel.current_index() == 2
    assert current_view(window) == panel.steps[2].view
    qtbot.keyClick(panel.step_list, Qt.Key.Key_PageUp)
    assert panel.current_index() == 1
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert panel.current_index() == 0
    with pytest.raises(IndexError):
        panel.go_to(panel.step_count())


def test_glossary_terms_are_marked_and_explained_on_hover(qtbot, window):
    panel = window.tour_panel
    index = next(i for i, s in enumerate(panel.steps) if s.id == "fund-general")
    panel.go_to(index)
    html = panel.explanation_label.text()
    assert 'href="term:general-fund"' in html and "text-underline-style: dotted" in html
    panel.explanation_label.linkHovered.emit("term:general-fund")
    assert "main pot" in QToolTip.text()
    panel.explanation_label.linkHovered.emit("")
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_set_language_keeps_the_step_and_reads_the_other_file(window, sample):
    show(window, sample)
    panel = window.tour_panel
    panel.go_to(3)
    step_id = panel.current_step().id
    panel.set_language("es")
    assert panel.current_step().id == step_id
    assert panel.title_label.text() == "El Fondo General"
    assert 'href="term:general-fund"' in panel.explanation_label.text()
    panel.explanation_label.linkHovered.emit("term:general-fund")
    assert "bolsa principal" in QToolTip.text()


def test_add_this_view_as_a_step_round_trip(qtbot, window, sample):
    show(window, sample)
    panel = window.tour_panel
    before = panel.step_count()
    window.show_view("explore")
    ev = window.explore_view
    ev.net_check.setChecked(True)
    ev.select({"fund_name": "Measure P Parks Parcel Tax"})
    panel.actions_by_name["addStep"].trigger()
    dialog = panel.add_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a title and a question are needed
    qtbot.keyClicks(dialog.title_edit, "Parks live on a parcel tax")
    qtbot.keyClicks(dialog.question_edit, "What happens to the parks if Measure P expires?")
    assert "Measure P Parks Parcel Tax" in dialog.summary_label.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    assert panel.step_count() == before + 1
    assert panel.current_index() == before
    step = panel.current_step()
    assert step.id == "parks-live-on-a-parcel-tax"
    assert step.action["view"] == "explore"
    assert step.action["select"]["fund_name"] == "Measure P Parks Parcel Tax"
    assert step.action["lens"]["net_of_transfers"] is True
    assert "transfers" in step.needs
    saved = json.loads(core_tour.user_tour_path("en").read_text(encoding="utf-8"))
    assert saved["steps"][-1]["title"] == "Parks live on a parcel tax"

    # elsewhere, then back: the step shows the same view, selection and toggles again
    panel.go_to(0)
    assert not ev.net_check.isChecked()
    panel.go_to(before)
    assert current_view(window) == "explore"
    assert ev.net_check.isChecked()
    assert ev.current_node.filters.get("fund_name") == "Measure P Parks Parcel Tax"
    # and a fresh window reads it from the user data folder
    other = TourPanel(window, "en")
    assert other.steps[-1].id == step.id


def test_open_the_tour_file_edit_it_and_see_the_change(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel = window.tour_panel
    panel.actions_by_name["edit"].trigger()
    path = core_tour.user_tour_path("en")
    assert path.is_file() and opened and opened[0].toLocalFile() == str(path.parent)
    assert str(path) in window.statusBar().currentMessage()

    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["steps"] = [doc["steps"][-1], *doc["steps"][1:-1]]  # last step first; drop the first
    doc["steps"][0]["title"] = "Start with the room"
    path.write_text(json.dumps(doc), encoding="utf-8")
    qtbot.waitUntil(lambda: panel.steps[0].title == "Start with the room", timeout=5000)
    assert panel.steps[0].id == "community-priorities"
    assert "what-is-a-budget" not in [s.id for s in panel.steps]

    path.write_text("{ not json", encoding="utf-8")
    qtbot.waitUntil(lambda: panel.problem_label.isVisibleTo(panel), timeout=5000)
    assert "not valid JSON" in panel.problem_label.text()
    assert panel.steps[0].id == "what-is-a-budget"  # the shipped tour, meanwhile


def test_the_panel_docks_beside_a_view_at_1280_by_720(qtbot, window, sample, tmp_path):
    show(window, sample)
    panel = window.tour_panel
    panel.go_to(next(i for i, s in enumerate(panel.steps) if s.id == "transfers"))
    qtbot.wait(200)
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
    assert 220 <= panel.width() <= 520
    assert window.centralWidget().width() >= 700
    for w in (panel.title_label, panel.explanation_label, panel.question_label):
        assert w.isVisible() and w.width() <= panel.width()
    assert panel.next_button.isVisible() and panel.previous_button.isVisible()
    image = window.grab()
    assert image.width() >= 1280 and image.save(str(tmp_path / "tour.png"))


def test_a_flows_step_selects_a_fund_by_name_or_code(window, sample):
    show(window, sample)
    for fund in ("General Fund", "100"):
        problems = tour_panel.apply_action(
            window,
            {"view": "flows", "select": {"fund": fund}, "lens": {"net_of_transfers": True}},
        )
        assert problems == []
        fv = window.flows_view
        assert fv.net_check.isChecked() and fv.show_all_button.isEnabled()  # focused
        assert capture_action(window)["select"] == {"fund_name": "General Fund"}
    tour_panel.apply_action(window, {"view": "flows"})
    assert not window.flows_view.net_check.isChecked()
    assert not window.flows_view.show_all_button.isEnabled()


def test_the_tour_starts_closed_and_opens_from_its_menu(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "closed.ini"))
    qtbot.addWidget(w)
    w.show()
    assert not w.tour_panel.isVisible()  # the views keep their width until it is asked for
    w.tour_panel.toggleViewAction().trigger()
    assert w.tour_panel.isVisible()
    w.close()
