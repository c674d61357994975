"""The Tradeoffs view, driven through its real widgets: a department lever dragged, a tax
measure added, a recession lived through, scenarios saved and compared, against the numbers
the forecast engine gives for the same choices."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QSlider, QStyle, QStyleOptionSlider

from budgetbench.core.budget import Budget
from budgetbench.core.forecast import Scenario, base_year, forecast
from budgetbench.core.format import short_money
from budgetbench.core.revenue import recession_preset, sales_tax_addon
from budgetbench.io.loader import load_budget
from budgetbench.ui.views.tradeoffs_view import CHARTS, META_KEY, TradeoffsView

ROOT = Path(__file__).resolve().parents[2]
SYCAMORE = ROOT / "sample_budgets" / "sycamore_springs_teaching.csv"
ALDER = ROOT / "sample_budgets" / "alder_valley_county_fy26.xlsx"


@pytest.fixture(scope="module")
def sycamore_lines():
    return load_budget(SYCAMORE, use_cache=False).lines


@pytest.fixture(scope="module")
def alder_lines():
    return load_budget(ALDER, use_cache=False).lines


@pytest.fixture
def sycamore(sycamore_lines) -> Budget:
    return Budget(lines=sycamore_lines, name="Sycamore Springs")


def make_view(qtbot, budget: Budget | None, size=(1280, 720)) -> TradeoffsView:
    v = TradeoffsView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget)
    return v


@pytest.fixture
def view(qtbot, sycamore) -> TradeoffsView:
    return make_view(qtbot, sycamore)


def money(text: str) -> float:
    """The first amount in ``text``: "Short $2.8M in FY2027" -> 2_800_000 ("−" is minus)."""
    m = re.search(r"([−-]?)\$([\d,.]+)([KMB]?)", text)
    assert m, text
    value = float(m.group(2).replace(",", "")) * {"": 1, "K": 1e3, "M": 1e6, "B": 1e9}[m.group(3)]
    return -value if m.group(1) else value


def shown_close(text: str, dollars: float) -> bool:
    """``text`` shows ``dollars`` as the view rounds it ($2.8M, $915K)."""
    return short_money(abs(dollars)) in text


def meter_position(view: TradeoffsView) -> float:
    """The meter's verdict as a signed amount: short is negative, to spare positive."""
    text = view.meter.text()
    if text.startswith("Short"):
        return -money(text)
    if "to spare" in text:
        return money(text)
    assert text.startswith("Balanced within"), text
    return 0.0


def choose(qtbot, combo, data) -> None:
    """Pick an item as a user would: focus the combo and step to it with the keyboard."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def drag_slider(qtbot, slider: QSlider, dx: int) -> None:
    """Press on the slider's handle, move it ``dx`` pixels and let go."""
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    handle = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider
    )
    start = handle.center()
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(slider, QPoint(start.x() + dx * step // 5, start.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + dx, start.y()))


def engine(budget: Budget, **changes) -> object:
    """The engine's forecast for the choices the view starts from, with ``changes``."""
    base = base_year(budget)
    tol = round(0.005 * base.expense_total, -3)
    return forecast(base, Scenario(tolerance=tol, **changes))


# ---- start-up and the empty state ------------------------------------------------------------
def test_start_up_loads_neither_matplotlib_nor_pandas():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from budgetbench.ui.views.tradeoffs_view import TradeoffsView\n"
        "v = TradeoffsView()\n"
        "v.set_budget(None)\n"
        "heavy = {'matplotlib', 'pandas', 'numpy'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("[]"), out.stdout


def test_without_a_budget_the_view_says_to_open_one(qtbot):
    v = make_view(qtbot, None)
    assert v.empty_label.isVisible()
    assert "Open a budget" in v.empty_label.text()
    assert v.forecast_result is None
    assert v.chart("gap") is None  # no chart made (nor matplotlib loaded) for nothing


# ---- the base year and the meter -------------------------------------------------------------
def test_base_year_gap_and_meter_match_the_engine(view, sycamore):
    base = base_year(sycamore)
    assert base.structural_gap == pytest.approx(2_400_000)  # the file's own story
    card = view.cards["base"]
    assert "FY2026" in card.caption.text()
    assert money(card.value.text()) == pytest.approx(base.structural_gap, abs=50_000)

    fc = engine(sycamore)
    gap_next = float(fc.table["structural_gap"].iloc[1])
    assert money(view.cards["next"].value.text()) == pytest.approx(gap_next, abs=50_000)
    assert view.meter.text() == f"Short {short_money(gap_next)} in FY2027"
    assert not view.meter.meter.balanced
    assert "$490K" in view.tolerance_spin.text()  # 0.5% of the General Fund's spending
    # The chart's title states the point, in the engine's numbers.
    title = view.chart_title("gap")
    assert title.startswith(f"A {short_money(gap_next)} gap in FY2027")
    assert "unless something gives" in title
    assert view.chart("gap").accessibleDescription().startswith(title)
    assert "GFOA" in view.chart_title("reserve")


def test_one_time_money_flag_for_the_settlement(view, sycamore):
    # Sycamore closes its $2.4M FY2026 gap with a $3M one-time settlement.
    assert view.one_time_flagged
    flag = view.one_time_flag
    assert flag.isVisible()
    assert "One-time money pays ongoing costs in FY2026" in flag.text()
    assert "$2.4M" in flag.text()
    assert "one-time" in view.cards["base"].detail.text()
    choose_year = view.year_combo.findData(0)
    view.year_combo.setCurrentIndex(choose_year)
    assert view.meter.meter.one_time_for_ongoing
    assert "one-time money pays ongoing costs" in view.meter.accessibleDescription()

    # Drawing on reserves every forecast year: flagged in those years too.
    view.one_time_spin.setValue(3.0)  # $3M a year
    view.recompute()
    assert "FY2027" in flag.text() and "FY2031" in flag.text()


# ---- levers ----------------------------------------------------------------------------------
def test_dragging_a_department_lever_moves_the_gap_and_the_meter(qtbot, view, sycamore):
    police = view.lever("Police")
    slider = police.lever.slider
    assert slider.accessibleName().startswith("Police")
    assert slider.singleStep() == 1 and slider.pageStep() == 10  # 0.5 and 5 points
    before = meter_position(view)

    drag_slider(qtbot, slider, -60)
    pct = police.lever.value()
    assert pct < 0
    assert view._timer.isActive()  # throttled: computed once when the drag settles
    qtbot.waitUntil(lambda: meter_position(view) != before, timeout=3000)
    fc = engine(sycamore, levers={"Police": (pct, 0.0)})
    assert meter_position(view) == pytest.approx(
        -float(fc.table["structural_gap"].iloc[1]), abs=5e4
    )

    # Exactly 5% with the keyboard: back to zero, then one page down.
    police.lever.set_value(0.0)
    view.recompute()
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert police.lever.value() == pytest.approx(-0.05)
    qtbot.waitUntil(lambda: not view._timer.isActive(), timeout=3000)
    calm = engine(sycamore)
    fc = engine(sycamore, levers={"Police": (-0.05, 0.0)})
    change = float(fc.levers.set_index("department").loc["Police", "change"])
    police_next = float(calm.by_department().loc["Police"].iloc[1])
    assert change == pytest.approx(-0.05 * police_next, rel=0.02)  # 5% of next year's Police
    gap = float(fc.table["structural_gap"].iloc[1])
    calm_gap = float(calm.table["structural_gap"].iloc[1])
    assert gap == pytest.approx(calm_gap + change, abs=1.0)  # the gap shrinks by the cut
    assert meter_position(view) == pytest.approx(-gap, abs=5e4)
    assert meter_position(view) - before == pytest.approx(-change, abs=1e5)
    assert shown_close(view.meter.text(), gap)
    assert money(view.cards["next"].value.text()) == pytest.approx(abs(gap), abs=5e4)
    # The change said in dollars and in a unit the room pictures.
    text = police.change.text()
    assert text.startswith("−" + short_money(abs(change)))
    officers = abs(change) / 200_000  # the default unit: an officer's salary and benefits
    shown = f"{officers:,.0f}" if officers >= 10 else f"{officers:.1f}".removesuffix(".0")
    assert f"≈ {shown} police officers on patrol" in text


def test_units_dialog_changes_the_unit_and_adds_a_dollar_lever(qtbot, view, sycamore):
    view.set_lever("Parks, Recreation & Library", -0.10)
    assert "library branches open 7 days" in view.lever("Parks, Recreation & Library").change.text()
    dialog = view.open_units_dialog()
    table = dialog.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Fire")
    table.item(row, 1).setText("fire station open all year")
    table.item(row, 2).setText("4M")
    table.item(row, 3).setText("-2,000,000")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    fire = view.lever("Fire").change.text()
    assert fire.startswith("−$2M a year")
    assert "≈ 0.5 fire stations open all year" in fire
    sc = view.scenario()
    assert sc.levers["Fire"] == (0.0, -2_000_000.0)
    assert sc.units["Fire"] == ("fire station open all year", 4_000_000.0)


# ---- a tax measure ---------------------------------------------------------------------------
def test_adding_a_quarter_cent_sales_tax(qtbot, view, sycamore):
    view.side_tabs.setCurrentIndex(1)
    choose(qtbot, view.measure_kind, "sales_tax_addon")
    choose(qtbot, view.sales_rate, 0.0025)
    # The taxable base: this budget's sales tax over the 1% local rate.
    sales = float(base_year(sycamore).revenue.set_index("stream").loc["Sales Tax", "amount"])
    assert view.sales_base.dollars() == pytest.approx(sales / 0.01, rel=1e-4)
    expected = sales_tax_addon(0.0025, view.sales_base.dollars()).annual_yield(1)
    assert money(view.measure_yield.text()) == pytest.approx(expected, rel=0.02)
    assert "FY2027" in view.measure_yield.text()
    assert "majority" in view.measure_threshold.text()
    households = view.households_spin.value()
    assert money(view.measure_household.text()) == pytest.approx(expected / households, abs=1)
    view.measure_special.setChecked(True)
    assert "two-thirds" in view.measure_threshold.text()
    view.measure_special.setChecked(False)
    assert view.comparables.rowCount() >= 3
    assert "Measure B" in view.comparables.item(0, 0).text()
    assert "Source:" in view.comparables.item(0, 0).text()

    before = meter_position(view)
    qtbot.mouseClick(view.add_measure_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in view.measures] == ["¼-cent sales tax"]
    assert view.measure_list.count() == 1
    m = view.measures[0]
    fc = engine(sycamore, measures=[m])
    gap = float(fc.table["structural_gap"].iloc[1])
    assert meter_position(view) == pytest.approx(-gap, abs=5e4)
    assert meter_position(view) - before == pytest.approx(expected, abs=1.5e5)  # gap shrinks
    assert view.meter.text().startswith("Balanced")
    assert view.meter.meter.balanced


# ---- a recession ------------------------------------------------------------------------------
def test_the_great_recession_takes_revenue_and_the_meter_shows_short(qtbot, view, sycamore):
    calm = view.forecast_result.table["revenue_ongoing"].to_numpy()
    view.side_tabs.setCurrentIndex(2)
    choose(qtbot, view.recession_combo, "preset:Great Recession (San José)")
    qtbot.waitUntil(lambda: view.forecast_result.scenario.recession is not None, timeout=3000)
    rec = view.forecast_result.scenario.recession
    assert rec.to_dict() == recession_preset("Great Recession (San José)").to_dict()
    assert "sales tax -17.5%" in view.recession_text.text()
    assert "mercurynews.com" in view.recession_sources.text()
    hit = view.forecast_result.table["revenue_ongoing"].to_numpy()
    assert (hit[1:] < calm[1:]).all()  # revenue falls every forecast year
    fc = engine(sycamore, recession=recession_preset("Great Recession (San José)"))
    gap = float(fc.table["structural_gap"].iloc[1])
    assert view.meter.text() == f"Short {short_money(gap)} in FY2027"
    assert gap > 2_900_000  # worse than the calm year's $2.8M
    # Pairing it with the pension crash keeps the preset (and says where its cost comes from).
    view.pension_shock_check.setChecked(True)
    view.recompute()
    assert view.recession_combo.currentData() == "preset:Great Recession (San José)"
    assert view.forecast_result.scenario.recession.pension_shock
    # Editing a shock makes it the room's own recession.
    view.shock_table.item(0, 0).setText("-30")
    view.recompute()
    assert view.recession_combo.currentData() == "custom"
    assert view.forecast_result.scenario.recession.shocks["sales"][0] == pytest.approx(-0.30)


# ---- the pension path ------------------------------------------------------------------------
def test_a_saved_pensions_scenario_drives_retirement(qtbot, view, sycamore):
    calm = view.forecast_result.table["retirement"].to_numpy()
    years = list(range(2026, 2037))
    sycamore.meta["pension_scenarios"] = {
        "Crash": {
            "name": "Crash",
            "fiscal_years": years,
            "employer_gf": [1e7 * 1.2**i for i in range(11)],
        }
    }
    view.refresh_pension_scenarios()
    view.side_tabs.setCurrentIndex(3)
    choose(qtbot, view.pension_combo, "Crash")
    qtbot.waitUntil(lambda: view.forecast_result.scenario.pension_scenario == "Crash", timeout=3000)
    ret = view.forecast_result.table["retirement"].to_numpy()
    assert ret[0] == pytest.approx(calm[0])
    assert ret[1] / ret[0] == pytest.approx(1.2)  # in step with the scenario's payments
    assert "Crash" in view.pension_text.text()


# ---- scenarios -------------------------------------------------------------------------------
def test_scenarios_are_saved_and_compared(qtbot, view, sycamore):
    view.name_edit.setText("Status quo")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    view.set_lever("Police", -0.05)
    view.side_tabs.setCurrentIndex(1)
    view.add_measure()
    view.name_edit.setText("Cuts and a tax")
    view.save_scenario()

    stored = sycamore.meta[META_KEY]
    assert list(stored) == ["Status quo", "Cuts and a tax"]
    json.dumps(stored)  # plain dicts, ready for the session file
    again = Scenario.from_dict(stored["Cuts and a tax"])
    assert again.levers["Police"] == (-0.05, 0.0)
    assert [m.name for m in again.measures] == ["¼-cent sales tax"]

    # The two latest are set side by side.
    assert view.compare_a.currentData() == "saved:Status quo"
    assert view.compare_b.currentData() == "saved:Cuts and a tax"
    view.tabs.setCurrentIndex(CHARTS.index("compare"))
    qtbot.waitUntil(lambda: view.chart("compare").isVisible())
    words = view.compare_text.text()
    assert "In FY2031, “Cuts and a tax” has" in words
    assert "smaller" in words
    assert "Police spends" in words
    assert "adds ¼-cent sales tax" in words
    assert view.chart_title("compare").startswith("“Cuts and a tax” leaves a")
    metrics = [view.compare_table.item(r, 0).text() for r in range(view.compare_table.rowCount())]
    assert {"Structural gap", "Reserve", "Revenue", "Spending"} <= set(metrics)

    # Loading the first one puts every lever back.
    view.load_scenario("Status quo")
    assert view.lever("Police").lever.value() == 0
    assert view.measures == []


def test_years_run_from_five_to_ten(qtbot, view):
    assert (view.years_spin.minimum(), view.years_spin.maximum()) == (5, 10)
    view.years_spin.setValue(10)
    qtbot.waitUntil(lambda: len(view.forecast_result.table) == 11, timeout=3000)
    assert view.year_combo.count() == 11
    assert "FY2036" in view.cards["last"].caption.text()
    assert "FY2036" in view.chart_title("gap")


# ---- speed -----------------------------------------------------------------------------------
def test_a_lever_move_recomputes_and_redraws_within_50_ms_on_alder(qtbot, alder_lines):
    alder = Budget(lines=alder_lines, name="Alder Valley County")
    v = make_view(qtbot, alder)
    assert v.chart("gap").isVisible()
    lever = v.lever("Sheriff - Enforcement").lever
    times = []
    for i in range(8):
        lever.set_value(-0.005 * (i % 2 + 1))  # one slider step there and back, as a drag does
        started = time.perf_counter()
        v.recompute()  # the forecast, every figure, and the chart drawn on screen
        times.append((time.perf_counter() - started) * 1000)
    assert "gap" not in v._dirty
    assert min(times[-3:]) <= 50.0, times
