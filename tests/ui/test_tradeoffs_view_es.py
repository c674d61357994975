"""The Tradeoffs view in Spanish: the teaching budget forecast with the Spanish interface
installed. The words the view draws itself, the sentences the forecast engine composes and the
names of the shipped recession presets and comparable measures all come out in Spanish; the
money stays in US dollars, and the number boxes read numbers the US way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.core.budget import Budget
from budgetbench.core.format import short_money
from budgetbench.io.loader import load_budget
from budgetbench.ui import i18n
from budgetbench.ui.views.tradeoffs_view import CHARTS, TradeoffsView

MODULES = ("ui.views.tradeoffs_view", "core.forecast", "core.revenue")


@pytest.fixture(scope="module")
def lines():
    return load_budget(paths.teaching_sample(), use_cache=False).lines


@pytest.fixture
def view(qtbot, spanish, lines) -> TradeoffsView:
    v = TradeoffsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    # A budget object of its own: the forecast's base year (and its notes) is made afresh.
    v.set_budget(Budget(lines=lines, name="Sycamore Springs"))
    return v


def test_the_tradeoffs_view_speaks_spanish(qtbot, view):
    assert QCoreApplication.translate("TradeoffsView", "&Save scenario") == "&Guardar escenario"
    tabs = [view.side_tabs.tabText(i) for i in range(view.side_tabs.count())]
    assert tabs == ["A&justes", "&Impuestos", "Rec&esión", "&Pensiones"]
    assert [view.tabs.tabText(i) for i in range(len(CHARTS))] == [
        "Brec&ha, año por año",
        "Rese&rvas",
        "&Comparar escenarios",
    ]
    assert view.years_spin.suffix() == " años"
    assert view.name_edit.placeholderText() == "Nombre para este escenario"
    tolerance = view.tolerance_spin.accessibleName()
    assert tolerance == "Tolerancia: qué tan cerca cuenta como equilibrado"

    # The figures, the meter and the chart titles: composed at run time, in Spanish.
    gap = float(view.forecast_result.table["structural_gap"].iloc[1])
    assert view.meter.text() == f"Faltan {short_money(gap)} en el AF2027"
    assert view.cards["next"].caption.text() == "Brecha, AF2027 (próximo año)"
    assert view.chart_title("gap").startswith(f"Una brecha de {short_money(gap)} en el AF2027")
    assert "GFOA" in view.chart_title("reserve") and "reserva" in view.chart_title("reserve")
    assert view.meter_detail.text().startswith("AF2027: el gasto recurrente supera")
    assert "dinero único" in view.one_time_flag.text()
    assert "reserva del Fondo General" in view.status_label.text()  # the engine's own note
    police = view.lever("Police")
    assert police.change.text() == "Sin cambio"
    view.set_lever("Police", -0.05)
    assert "policías de patrulla (sueldo y prestaciones)" in police.change.text()
    assert " al año desde el AF2027" in police.change.text()
    # A unit the room types itself is counted, not given an English plural.
    view.apply_units({"Fire": ("estación de bomberos", 4_000_000.0, -2_000_000.0)})
    assert view.lever("Fire").change.text().endswith("≈ 0.5 × “estación de bomberos”")

    # The chart's axis: fiscal years as the Spanish interface writes them.
    ticks = [t.get_text() for t in view.chart("gap").figure.axes[1].get_xticklabels()]
    assert ticks[0] in ("AF2026", "AF26") and all(t.startswith("AF") for t in ticks)

    english = translated_sources(*MODULES)
    left = [t for t in shown_texts(view, tabs=True) if t in english]
    assert left == [], f"still in English: {left}"


def test_taxes_and_recessions_in_spanish(qtbot, view):
    view.side_tabs.setCurrentIndex(1)
    kinds = [view.measure_kind.itemText(i) for i in range(view.measure_kind.count())]
    assert kinds[0] == "Recargo al impuesto sobre las ventas"
    assert view.measure_yield.text().startswith("Recauda unos $")
    assert view.measure_threshold.text().startswith("Necesita mayoría simple")
    assert view.comparables.horizontalHeaderItem(0).text() == "Medida, tasa y fuente"
    first = view.comparables.item(0, 0).text()
    assert first.startswith("Medida B de San José (junio de 2016)")
    assert "Fuente: ballotpedia.org" in first  # sources are addresses: never translated
    measure = view.add_measure()
    assert measure.name == "Impuesto sobre las ventas de ¼ de centavo"
    assert "mayoría simple" in view.measure_list.item(0).text()

    view.side_tabs.setCurrentIndex(2)
    view.set_recession("Great Recession (San José)")
    assert view.recession_combo.currentText() == "Gran Recesión (San José)"
    described = view.recession_text.text()
    assert described.startswith("Gran Recesión (San José): impuesto sobre las ventas -17.5%")
    assert "se recupera de manera pareja en 4 años" in described
    assert "supuesto (el impuesto hotelero es el más cíclico" in view.recession_sources.text()
    rows = [view.shock_table.verticalHeaderItem(r).text() for r in range(3)]
    assert rows == ["Imp. sobre las ventas", "Imp. hotelero (TOT)", "Imp. a los negocios"]

    # The scenario kept the preset's own (English) name: it is data, translated where shown.
    assert view.forecast_result.scenario.recession.name == "Great Recession (San José)"


def test_comparing_scenarios_in_spanish(qtbot, view):
    view.name_edit.setText("Base")
    view.save_scenario()
    view.set_lever("Police", -0.05)
    view.name_edit.setText("Recortes")
    view.save_scenario()
    view.tabs.setCurrentIndex(CHARTS.index("compare"))
    qtbot.waitUntil(lambda: view.chart("compare").isVisible())
    words = view.compare_text.text()
    assert "En el AF2031, “Recortes” tiene" in words
    assert "Police gasta" in words and "en “Recortes”" in words
    assert view.chart_title("compare").startswith("“Recortes” deja una brecha")
    metrics = [view.compare_table.item(r, 0).text() for r in range(view.compare_table.rowCount())]
    assert {"Brecha estructural", "Reserva", "Ingresos", "Gasto", "Gasto: Police"} <= set(metrics)
    assert view.compare_table.horizontalHeaderItem(0).text() == "AF2031"


def test_number_boxes_read_us_numbers_in_spanish(qtbot, view):
    # Spanish text, but "1.5" is one and a half (as the dollar amounts are written).
    spin = view.one_time_spin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "1.5")
    spin.interpretText()
    assert spin.dollars() == pytest.approx(1_500_000)
    view.households_spin.setValue(38_300)
    assert view.households_spin.text() == "38,300"


def test_english_comes_back(qtbot, qapp, lines):
    before = QLocale()
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    QLocale.setDefault(before)
    v = TradeoffsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    v.set_budget(Budget(lines=lines, name="Sycamore Springs"))
    assert v.side_tabs.tabText(0) == "&Levers"
    assert v.meter.text().startswith("Short ")
    assert v.chart_title("gap").startswith("A ")
    assert v.lever("Police").change.text() == "No change"
