"""The Pensions view, driven through its real widgets: presets, levers, random runs,
scenarios and the crowd-out against a loaded budget."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSlider

from budgetbench.core.budget import Budget
from budgetbench.core.format import format_money
from budgetbench.io.loader import load_budget
from budgetbench.ui.views import pensions_view
from budgetbench.ui.views.pensions_view import CHARTS, PensionsView, build_scenario

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_budgets" / "sycamore_springs_teaching.csv"


@pytest.fixture(scope="module")
def sycamore_lines():
    return load_budget(SAMPLE, use_cache=False).lines


@pytest.fixture
def sycamore(sycamore_lines) -> Budget:
    return Budget(lines=sycamore_lines, name="Sycamore Springs")


@pytest.fixture
def view(qtbot):
    v = PensionsView()
    qtbot.addWidget(v)
    v.resize(1024, 768)
    v.show()
    qtbot.waitExposed(v)
    v.select_plan("preset:san-jose-federated")
    yield v
    v.runner.cancel()
    v.wait_idle()


def money(text: str) -> float:
    """ "$45.4M" -> 45_400_000; "$1,234" -> 1234."""
    m = re.search(r"([−-]?)\$([\d,.]+)([KMB]?)", text)
    assert m, text
    value = float(m.group(2).replace(",", "")) * {"": 1, "K": 1e3, "M": 1e6, "B": 1e9}[m.group(3)]
    return -value if m.group(1) else value


def choose(qtbot, combo, data) -> None:
    """Pick an item as a user would: focus the combo and step to it with the keyboard."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def later_figure(view: PensionsView) -> float:
    return money(view.cards["later"].value.text())


def show_tab(qtbot, view: PensionsView, key: str) -> None:
    view.tabs.setCurrentIndex(CHARTS.index(key))
    qtbot.waitUntil(lambda: view.chart(key).isVisible())
    view.draw_all()


def test_start_up_loads_neither_matplotlib_nor_pandas():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from budgetbench.ui.views.pensions_view import PensionsView\n"
        "v = PensionsView()\n"
        "v.set_budget(None)\n"
        "heavy = {'matplotlib', 'pandas', 'numpy'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("[]"), out.stdout


def test_presets_are_offered_and_each_projects(qtbot, view):
    keys = [view.plan_combo.itemData(i) for i in range(view.plan_combo.count())]
    for name in ("calpers-city", "san-jose-federated", "san-jose-police-fire", "typical-plan"):
        assert f"preset:{name}" in keys
    assert "new" in keys  # "Your plan…"
    seen = set()
    for name in ("calpers-city", "san-jose-police-fire", "san-jose-federated"):
        choose(qtbot, view.plan_combo, f"preset:{name}")
        assert view.plan is not None
        assert "Valuation" in view.plan_note.text()
        seen.add(view.cards["now"].value.text())
        assert view.cards["now"].value.text().startswith("$")
    assert len(seen) == 3
    # San José's valuation is 2020, first contribution in FY2022
    assert view.cards["now"].caption.text().endswith("FY2022")


def test_lower_return_raises_the_employer_contribution(qtbot, view):
    choose(qtbot, view.returns_combo, "constant")
    qtbot.waitUntil(lambda: view.return_lever.isVisible())
    slider = view.return_lever.slider
    assert isinstance(slider, QSlider) and slider.accessibleName()
    qtbot.waitUntil(lambda: not view._timer.isActive())
    start = later_figure(view)
    assert view.return_lever.value() == pytest.approx(0.06625, abs=0.002)

    slider.setFocus()
    for _ in range(3):  # three page steps down: about 3.6 points lower
        qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    # throttled: nothing is computed per key press, the timer does it once
    assert view._timer.isActive()
    qtbot.waitUntil(lambda: later_figure(view) != start, timeout=3000)
    lower = later_figure(view)
    assert view.return_lever.value() < 0.04
    assert lower > start
    assert view.chart_title("contrib").startswith("At ")
    assert "more" in view.chart_title("contrib")  # than under the plan's own assumptions

    for _ in range(6):
        qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: later_figure(view) < start, timeout=3000)
    assert view.return_lever.value() > 0.09

    # the number box moves the slider and recomputes too
    view.return_lever.spin.setValue(5.0)
    qtbot.waitUntil(lambda: abs(view.return_lever.value() - 0.05) < 1e-9)
    assert slider.value() == round(5.0 / 0.25)


def test_random_years_fan_chart_states_a_probability(qtbot, view, monkeypatch):
    monkeypatch.setattr(pensions_view, "INLINE_LIMIT_S", 0.0)  # always in the background
    choose(qtbot, view.returns_combo, "stochastic")
    qtbot.waitUntil(lambda: view.stochastic_frame is not None and not view.busy, timeout=10000)
    show_tab(qtbot, view, "fan")
    title = view.chart_title("fan")
    assert re.search(r"\(\d+%\)|\d+% chance|under 1%|over 99%", title), title
    assert "60% funded" in title
    drawn = view.chart("fan").figure._suptitle.get_text().replace("\n", " ")
    assert drawn == title
    assert "60% funded" in view.chart("fan").accessibleDescription()
    # the probability stated is the engine's
    p = view.figures["prob_title"]
    assert f"{p * 100:.0f}%" in title or p < 0.01 or p > 0.99

    # latest wins: two quick changes, only the last one's result is shown
    view.set_levers({"returns": "stochastic", "sd": 0.08, "n_paths": 1000})
    view.set_levers({"returns": "stochastic", "sd": 0.18, "n_paths": 1000})
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    qtbot.waitUntil(lambda: int(view.stochastic_frame["n_paths"].iloc[0]) == 1000)
    from budgetbench.core.pension import project

    lv = view.levers()
    assert lv["sd"] == pytest.approx(0.18)
    expected = project(view.plan, build_scenario(view.plan, lv))
    got = view.stochastic_frame
    assert got["funded_ratio_mva_p95"].to_numpy() == pytest.approx(
        expected["funded_ratio_mva_p95"].to_numpy()
    )


def test_random_years_run_inline_when_fast(qtbot, view, monkeypatch):
    monkeypatch.setattr(pensions_view, "INLINE_LIMIT_S", 60.0)
    view._sec_per_path = 1e-6  # measured earlier: fast
    view.set_return_mode("stochastic")
    assert not view.busy
    assert view.stochastic_frame is not None
    assert view.cards["later"].caption.text().endswith("(median)")


def test_scenario_baseline_and_crowd_out_in_dollars_and_positions(qtbot, view, sycamore):
    view.set_budget(sycamore)
    view.scenario_edit.setFocus()
    qtbot.keyClicks(view.scenario_edit, "Plan as assumed")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert [s["name"] for s in view.scenarios] == ["Plan as assumed"]
    stored = sycamore.meta["pension_scenarios"]["Plan as assumed"]
    json.dumps(stored)  # plain data: the session file can store it
    assert stored["levers"]["returns"] == "assumed"
    assert len(stored["employer_gf"]) == 30

    choose(qtbot, view.baseline_combo, "saved:Plan as assumed")
    view.set_levers({"returns": "constant", "rate": 0.05})
    show_tab(qtbot, view, "crowd")
    text = view.crowd_result.text()
    m_change = re.search(r"(\$[\d,]+) more a year in FY(\d{4})", text)
    m_fte = re.search(r"= ([\d,.]+) full-time positions at (\$[\d,]+) each", text)
    m_unit = re.search(r"= ([\d,.]+) fire stations at (\$[\d,]+) each", text)
    assert m_change and m_fte and m_unit, text
    change, cost = money(m_change.group(1)), money(m_fte.group(2))
    fte = float(m_fte.group(1).replace(",", ""))
    assert change > 0
    assert cost == pytest.approx(150_000)  # the budget gives no position count
    assert fte == pytest.approx(change / cost, abs=0.06 if fte < 10 else 0.6)
    assert float(m_unit.group(1)) == pytest.approx(change / 4_000_000, abs=0.06)
    assert "assumption" in view.fte_source.text().lower()
    assert "positions" in view.cards["crowd"].detail.text()
    assert "“Plan as assumed”" in view.chart_title("contrib")

    # an edited cost per position changes the count, not the dollars
    view.fte_spin.setValue(100_000)
    qtbot.waitUntil(lambda: "at $100,000 each" in view.crowd_result.text(), timeout=3000)
    text = view.crowd_result.text()
    fte = float(re.search(r"= ([\d,.]+) full-time", text).group(1).replace(",", ""))
    assert money(re.search(r"(\$[\d,]+) more a year", text).group(1)) == pytest.approx(change)
    assert fte == pytest.approx(change / 100_000, abs=0.06 if fte < 10 else 0.6)

    # a named unit of the room's choosing
    view.unit_edit.setText("library branches")
    view.unit_spin.setValue(2_000_000)
    qtbot.waitUntil(lambda: "library branches at $2,000,000" in view.crowd_result.text())


def test_share_of_the_general_fund_of_the_loaded_budget(qtbot, view, sycamore):
    from budgetbench.core.lens import default_year_phase

    view.set_budget(sycamore)
    lines = sycamore.lines
    year, phase = default_year_phase(sycamore)
    gf_revenue = lines.loc[
        (lines["fiscal_year"] == year)
        & (lines["phase"] == phase)
        & (lines["fund_type"] == "general")
        & (lines["direction"] == "revenue")
        & ~lines["is_transfer"],
        "amount",
    ].sum()
    assert view._gf["revenue"] == pytest.approx(gf_revenue)
    f = view.figures
    card = view.cards["crowd"]
    assert "General Fund revenue" in card.caption.text()
    assert card.value.text().endswith("%")
    assert float(card.value.text().rstrip("%")) == pytest.approx(f["share"] * 100, abs=0.06)
    assert f["share"] == pytest.approx(f["gf_contribution"] / f["gf_revenue"])
    # San José's plan is five times this city's payroll: it is sized to the budget, and says so
    assert view.size_check.isChecked()
    assert "Sized to this budget" in view.plan_note.text()
    assert 0.2 < f["share"] < 0.8
    show_tab(qtbot, view, "crowd")
    assert view.chart_title("crowd").startswith("Pensions take")
    assert format_money(round(f["gf_revenue"])) in view.crowd_result.text()
    # unsized, the contribution is San José's own, far above this small city's revenue
    view.size_check.setChecked(False)
    assert view.figures["share"] > 1.0
    assert view.cards["now"].value.text() == "$200M"


def test_works_with_no_budget(qtbot, view, sycamore):
    assert view.cards["crowd"].value.text() == "No budget"
    assert "Open a budget" in view.cards["crowd"].detail.text()
    show_tab(qtbot, view, "crowd")
    assert view.chart_title("crowd").startswith("Open a budget to see what share")
    assert "Open a budget to see what this crowds out." in view.crowd_result.text()
    # the change against a baseline still reads in dollars and positions
    view.save_current_scenario("As is")
    view.set_baseline("As is")
    view.set_levers({"returns": "constant", "rate": 0.04})
    assert "full-time positions at $150,000 each" in view.crowd_result.text()
    # with a budget and then without it again
    view.set_budget(sycamore)
    assert view.cards["crowd"].value.text().endswith("%")
    assert "As is" in sycamore.meta["pension_scenarios"]  # made before: kept with the budget
    view.set_budget(None)
    assert view.cards["crowd"].value.text() == "No budget"
    assert not view.size_check.isEnabled()


def test_scenarios_saved_with_a_session_come_back(qtbot, view, sycamore):
    sycamore.meta["pension_scenarios"] = {
        "Cautious": {
            "name": "Cautious",
            "plan": "preset:san-jose-federated",
            "levers": {"returns": "constant", "rate": 0.05, "period": 15},
        }
    }
    view.set_budget(sycamore)
    assert view.baseline_combo.findData("saved:Cautious") >= 0
    assert view.compare_b.findData("saved:Cautious") >= 0
    view.load_scenario("Cautious")
    lv = view.levers()
    assert lv["returns"] == "constant" and lv["rate"] == pytest.approx(0.05)
    assert lv["period"] == 15


def test_payments_below_interest_are_flagged(qtbot, view):
    choose(qtbot, view.kind_combo, "open")
    choose(qtbot, view.method_combo, "level_percent")
    view.period_lever.spin.setValue(30)
    qtbot.waitUntil(lambda: view.warning_label.isVisible(), timeout=3000)
    assert "don't cover the interest" in view.warning_label.text()
    show_tab(qtbot, view, "mortgage")
    assert "don't cover the interest" in view.chart_title("mortgage")
    assert view.figures["negative_years"]
    ax = view.chart("mortgage").figure.axes[0]
    assert any("Interest" in t.get_text() for t in ax.get_legend().get_texts())
    # closed 20-year layers pay more than the interest
    choose(qtbot, view.kind_combo, "closed")
    view.period_lever.spin.setValue(20)
    qtbot.waitUntil(lambda: not view.warning_label.isVisible(), timeout=3000)


def test_two_assumption_sets_side_by_side(qtbot, view):
    show_tab(qtbot, view, "compare")
    choose(qtbot, view.compare_a, "plan")
    choose(qtbot, view.compare_b, "cut")
    view.draw_all()
    table = view.compare_table
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}
    r = rows["Assumed return"]
    assert table.item(r, 0).text() == "6.625%" and table.item(r, 1).text() == "5.625%"
    pay = next(k for k in rows if k.startswith("City pays, FY2031"))
    left, right = money(table.item(rows[pay], 0).text()), money(table.item(rows[pay], 1).text())
    assert right > left  # a lower assumed return costs more
    title = view.chart_title("compare")
    assert "two sets of assumptions" in title and "$" in title
    ax = view.chart("compare").figure.axes[0]
    assert len([ln for ln in ax.get_lines() if len(ln.get_xdata()) > 2]) == 2
    assert "$320M" in view.honesty_note.text() and "$650M" in view.honesty_note.text()


def test_your_plan_form_saves_a_plan(qtbot, view, tmp_path):
    index = view.plan_combo.findData("new")
    view.plan_combo.setCurrentIndex(index)
    dialog = view.plan_dialog
    assert dialog is not None and dialog.isVisible()
    assert view.plan_combo.currentData() == "preset:san-jose-federated"  # until saved
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing typed yet
    assert dialog.isVisible()
    assert "payroll must be positive" in dialog.error_label.text()
    assert "plan." not in dialog.error_label.text()  # the form's words, not the file's
    dialog.name_edit.setText("Oakdale Miscellaneous")
    dialog.aal_spin.setValue(500_000)
    dialog.mva_spin.setValue(350_000)
    dialog.payroll_spin.setValue(80_000)
    dialog.nc_spin.setValue(14)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.plan_dialog is None)
    key = view.plan_combo.currentData()
    assert key.startswith("file:") and Path(key[5:]).is_file()
    assert "Oakdale Miscellaneous" in view.plan_combo.currentText()
    assert view.plan.aal == 500_000 and view.plan.units == "$K"
    assert view.cards["funded"].detail.text().startswith("now 70%")


def test_levers_are_labelled_and_reachable_by_keyboard(qtbot, view):
    sliders = view.findChildren(QSlider)
    assert len(sliders) >= 8
    for s in sliders:
        assert s.accessibleName(), s.objectName()
        assert s.toolTip(), s.objectName()
        assert s.focusPolicy() & Qt.FocusPolicy.TabFocus
    # the glossary term is in the tooltip, in plain words on the label
    assert "discount rate" in view.discount_lever.slider.toolTip().lower()
    assert "amortization period" in view.period_lever.slider.toolTip().lower()
    # Tab walks from the plan menu through the levers
    view.plan_combo.setFocus()
    seen = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert view.returns_combo in seen and view.discount_lever.slider in seen
    for key in CHARTS:
        show_tab(qtbot, view, key)
        chart = view.chart(key)
        assert chart.accessibleName()
        assert chart.accessibleDescription(), key


def test_remove_scenario_from_menu_and_bigger_type(qtbot, view, sycamore):
    view.set_budget(sycamore)
    view.save_current_scenario("Keep")
    view.save_current_scenario("Drop")
    menu = view.load_button.menu()
    remove = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in remove.actions() if a.text() == "Drop").trigger()
    assert [s["name"] for s in view.scenarios] == ["Keep"]
    assert list(sycamore.meta["pension_scenarios"]) == ["Keep"]
    assert view.baseline_combo.findData("saved:Drop") < 0
    # presenter mode enlarges the type: the key figures follow
    before = view.cards["now"].value.font().pointSizeF()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    assert view.cards["now"].value.font().pointSizeF() == pytest.approx(before * 1.6, rel=0.05)
