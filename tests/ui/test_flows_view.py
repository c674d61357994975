"""The Flows view, driven through its real widgets: follow a dollar, click to focus, toggles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budgetbench.core import flows
from budgetbench.io.loader import load_budget
from budgetbench.ui.views.flows_view import FlowsView

SAMPLES = Path(__file__).resolve().parents[2] / "sample_budgets"
_BUDGETS: dict[str, object] = {}


def budget(name: str = "sycamore_springs_teaching.csv"):
    if name not in _BUDGETS:
        _BUDGETS[name] = load_budget(SAMPLES / name, use_cache=False)
    return _BUDGETS[name]


@pytest.fixture
def view(qtbot):
    v = FlowsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget())
    settle(v, qtbot)
    return v


def settle(v: FlowsView, qtbot) -> None:
    """Let the canvas take its size (and the debounced redraw run), then draw at it."""
    holder = v.chart_holder
    qtbot.waitUntil(lambda: v.chart.canvas.size() == holder.size(), timeout=2000)
    qtbot.waitUntil(lambda: not v._resize_timer.isActive(), timeout=2000)
    v.redraw()


def press(view: FlowsView, label: str, column: int | None = None) -> None:
    """A left click on a drawn node, as matplotlib delivers it."""
    from matplotlib.backend_bases import MouseButton, MouseEvent

    x, y = view.node_center(label, column)
    canvas = view.chart.canvas
    event = MouseEvent("button_press_event", canvas, x, y, button=MouseButton.LEFT)
    canvas.callbacks.process("button_press_event", event)


def test_the_chart_is_made_with_the_first_budget(qtbot):
    v = FlowsView()
    qtbot.addWidget(v)
    assert v.chart is None  # no matplotlib canvas until there is something to draw
    v.set_budget(budget())
    assert v.chart is not None
    assert v.year_combo.count() == 3
    assert v.year_combo.currentText() == "FY2025-26 proposed"


def test_title_states_the_point_and_the_canvas_is_described(view):
    assert view.title == "The General Fund pays for 59% of department spending"
    assert "FY2025-26 proposed" in view.subtitle and "$156M of revenue" in view.subtitle
    drawn = view.drawn_labels()
    assert view.title in drawn
    assert "Revenue" in drawn and "Funds" in drawn and "Departments" in drawn
    assert any(t.startswith("General Fund\n$98M") for t in drawn)
    assert "transfer between funds (counted once)" in drawn
    description = view.chart.canvas.accessibleDescription()
    assert view.title in description and "General Fund $98M" in description


def test_follow_a_dollar_by_typing_a_department(view, qtbot):
    combo = view.follow_combo
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "Parks, Rec")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    text = view.sentences()
    g = view.full_graph
    expected = flows.follow_dollar(g, g.find("Parks, Recreation & Library")).sentences(max_funds=3)
    assert text == "\n".join(expected)
    assert text.startswith("Of every $1 the Parks, Recreation & Library department spends, ")
    assert "comes from the General Fund, of which" in text
    assert "comes from the Measure P Parks Parcel Tax fund, of which" in text
    # the diagram highlights the attributed paths, and the picked box is bold
    assert view.focus_button.isEnabled()
    assert view._attribution is not None
    assert view._attribution.links.sum() > 0
    assert view.sentence_box.accessibleDescription().startswith("Of every $1")


def test_follow_a_revenue_source_says_where_it_goes(view):
    index = view.follow_combo.findData("0\tProperty Tax")
    assert index >= 0
    view.follow_combo.setCurrentIndex(index)
    view.follow_combo.activated.emit(index)
    assert view.sentences().startswith(
        "Of every $1 of Property Tax, 100¢ goes to the General Fund, which spends it on Police"
    )
    view.clear_follow_button.click()
    assert view.sentences() == ""
    assert view._attribution is None


def test_clicking_a_node_focuses_on_it_and_selects_it(view, qtbot):
    with qtbot.waitSignal(view.node_selected, timeout=2000) as blocker:
        press(view, "Police")
    assert blocker.args == [{"department": "Police"}]
    g = view.graph
    assert g.focused is not None and g.node(g.focused).label == "Police"
    assert "Fire" not in set(g.nodes["label"])
    assert view.title == "Police: $35.9M, and 100% of it is paid by the General Fund"
    assert view.show_all_button.isEnabled()
    # a fund: filters name the fund
    view.show_all_button.click()
    assert view.graph.focused is None
    with qtbot.waitSignal(view.node_selected, timeout=2000) as blocker:
        press(view, "General Fund")
    assert blocker.args == [{"fund_name": "General Fund"}]
    assert view.title == "General Fund: $98M, and 30% of it is Property Tax"


def test_backspace_leaves_the_focus(view, qtbot):
    press(view, "Fire")
    assert view.graph.focused is not None
    view.chart.canvas.setFocus()
    qtbot.waitUntil(lambda: view.chart.canvas.hasFocus(), timeout=2000)
    qtbot.keyClick(view.chart.canvas, Qt.Key.Key_Backspace)
    assert view.graph.focused is None
    assert not view.show_all_button.isEnabled()
    assert view.title == "The General Fund pays for 59% of department spending"


def test_net_of_transfers_changes_the_title_and_labels(view, qtbot):
    before = view.drawn_labels()
    assert not any("netted" in t for t in before)
    qtbot.mouseClick(view.net_check, Qt.MouseButton.LeftButton)
    assert view.net_check.isChecked()
    _, share = view.full_graph.fund_spending_share()
    assert view.title == (
        f"Net of transfers, the General Fund pays for {share * 100:.0f}% of department spending"
    )
    assert "$148M of revenue" in view.subtitle
    assert view.lens_note.text() == (
        "Net of transfers: $18.8M of transfers and $8M of internal-service charges left out."
    )
    after = view.drawn_labels()
    assert any(t.startswith("From other funds (netted)") for t in after)
    assert "between funds, left out of the totals" in after
    assert "transfer between funds (counted once)" not in after
    # the real fund balance story survives netting
    assert any(t.startswith("Use of fund balance $6M") for t in after)
    assert not view.graph.links["kind"].eq(flows.LINK_TRANSFER).any()


def test_hover_shows_amount_and_share(view):
    x, y = view.node_center("General Fund")
    tip = view.tooltip_at(x, y)
    assert tip.startswith("General Fund\n$98,000,000 — ")
    assert "% of all the money flowing in" in tip
    view._on_motion(type("E", (), {"x": x, "y": y})())  # the motion handler does not fail


def test_fold_slider_folds_and_shows_its_value(view):
    view.fold_slider.setValue(0)
    assert view.fold_value.text() == "0.0%"
    assert not (view.graph.nodes["kind"] == flows.OTHER).any()
    view.fold_slider.setValue(100)
    assert view.fold_value.text() == "10.0%"
    others = view.graph.nodes[view.graph.nodes["kind"] == flows.OTHER]
    assert len(others) >= 1
    assert any(t.startswith("Other (") for t in view.drawn_labels())


def test_general_fund_only_and_program_levels(view):
    view.general_fund_check.setChecked(True)
    assert view.title.startswith("Property Tax brings in 30% of the money") or (
        "General Fund" in view.title
    )
    assert set(view.graph.nodes.loc[view.graph.nodes["kind"] == flows.FUND, "label"]) == {
        "General Fund"
    }
    assert view.lens_note.text() == "General Fund only."
    # this sample has no programs or divisions: the deeper level is offered but disabled
    assert not view.levels_combo.model().item(1).isEnabled()


def test_program_level_on_the_county_sample(qtbot):
    v = FlowsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    v.set_budget(budget("alder_valley_county_fy26.xlsx"))
    assert v.levels_combo.model().item(1).isEnabled()
    assert v.levels_combo.itemText(1) == "Revenue ▸ Fund ▸ Department ▸ Division"
    v.levels_combo.setCurrentIndex(1)
    assert v.graph.n_columns == 4
    assert v.graph.levels == ("category", "fund", "department", "division")
    assert flows.conservation_errors(v.graph) == []


def test_year_combo_and_export(view, tmp_path):
    view.year_combo.setCurrentIndex(2)
    assert view.subtitle.startswith("FY2023-24 actual")
    out = tmp_path / "flows.svg"
    view.chart.save(str(out))
    assert out.stat().st_size > 1000


def test_the_county_sample_is_readable_at_projector_size(qtbot):
    v = FlowsView()
    qtbot.addWidget(v)
    v.resize(1024, 768)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget("alder_valley_county_fy26.xlsx"))
    settle(v, qtbot)
    labels = [t for t in v.drawn_labels() if "$" in t]
    # folded by default: a room reads a couple of dozen boxes, not a hundred
    assert 10 <= len(labels) <= 45
    # fiduciary funds (the retirement trust) are not the county's own spending
    assert v.title == "The General Fund pays for 52% of department spending"
