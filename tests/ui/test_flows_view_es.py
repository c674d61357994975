"""The Flows view in Spanish: the teaching budget's Sankey with the Spanish interface installed.

The view's own words, the names of the pseudo-boxes (fund balance, reserves, netted transfers),
the titles and the follow-a-dollar sentences the core composes all come out in Spanish; fund,
department and revenue names from the budget stay as they are, in US dollars and cents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.core import flows
from budgetbench.io.loader import load_budget
from budgetbench.ui import i18n
from budgetbench.ui.views.flows_view import FlowsView

MODULES = ("ui.views.flows_view", "core.flows")


def drawn_words(view: FlowsView) -> list[str]:
    """The chart's texts, each line of a label on its own (without its amount)."""
    out = []
    for text in view.drawn_labels():
        for line in text.split("\n"):
            out.append(line.rsplit(" $", 1)[0] if " $" in line else line)
    return out


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def view(qtbot, budget):
    v = FlowsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget)
    holder = v.chart_holder
    qtbot.waitUntil(lambda: v.chart.canvas.size() == holder.size(), timeout=2000)
    qtbot.waitUntil(lambda: not v._resize_timer.isActive(), timeout=2000)
    v.redraw()
    return v


def test_flows_view_speaks_spanish(qtbot, spanish, view):
    assert QCoreApplication.translate("FlowsView", "&Year:") == "&Año:"
    labels = {label.text() for label in view.findChildren(QLabel)}
    assert {"&Año:", "&Mostrar:", "A&grupar bajo:", "S&eguir un dólar:"} <= labels
    assert view.year_combo.currentText() == "AF2025-26 propuesto"
    assert view.levels_combo.itemText(0) == "Ingresos ▸ Fondo ▸ Departamento"
    assert view.general_fund_check.text() == "&Solo Fondo General"
    assert view.show_all_button.text() == "Mostrar &todo"
    assert view.fold_slider.accessibleName() == "Agrupar los flujos pequeños en Otros"
    assert view.follow_combo.accessibleName() == "Seguir un dólar de"
    assert view.chart.canvas.accessibleName() == "Flujos de dinero"

    assert view.title == "El General Fund paga el 59% del gasto de los departamentos"
    assert view.subtitle.startswith("AF2025-26 propuesto · todos los fondos · $156M de ingresos")
    drawn = drawn_words(view)
    assert {"Ingresos", "Fondos", "Departamentos", "Uso del saldo del fondo"} <= set(drawn)
    assert "transferencia entre fondos (contada una vez)" in drawn
    assert any(t.startswith("Otros (") for t in drawn)
    description = view.chart.canvas.accessibleDescription()
    assert "Departamentos: " in description and " cajas; las mayores: " in description

    # The follow-a-dollar list names what each entry is.
    items = [view.follow_combo.itemText(i) for i in range(view.follow_combo.count())]
    assert "Police (departamento)" in items and "General Fund (fondo)" in items
    assert "Property Tax (ingreso)" in items

    english = translated_sources(*MODULES)
    left = [t for t in shown_texts(view, combos=True) + drawn if t in english]
    assert left == [], f"still in English: {left}"


def test_follow_a_dollar_in_spanish_cents(qtbot, spanish, view):
    g = view.full_graph
    view.follow(flows.FUND_COLUMN + 1, "Police")
    text = view.sentences()
    assert text.startswith("De cada $1 que gasta el departamento de Police, el General Fund ")
    assert text.split(", de los cuales")[0].endswith("aporta 100¢")
    assert ", de los cuales " in text and " son Property Tax" in text and "otras fuentes" in text
    # The words are the core's, in the same cents as in English.
    assert text.split("\n") == flows.follow_dollar(g, g.find("Police")).sentences(max_funds=3)

    view.follow(0, "Property Tax")
    text = view.sentences()
    assert text.startswith("De cada $1 de Property Tax, el General Fund recibe ")
    assert ", y los gasta en Police (" in text and "otros usos" in text

    view.follow(flows.FUND_COLUMN, "General Fund")
    first, second = view.sentences().split("\n")
    assert first.startswith("De cada $1 que entra en el General Fund, ")
    assert second.startswith("De cada $1 que paga, ") and " van a Police" in second

    view.focus_on(flows.FUND_COLUMN + 1, "Police")
    assert view.title.startswith("Police: $35.9M, y el General Fund paga el ")
    x, y = view.node_center("Police")
    assert "% de esta columna" in view.tooltip_at(x, y)


def test_netted_boxes_and_titles_in_spanish(qtbot, spanish, view):
    view.net_check.setChecked(True)
    view.redraw()
    assert view.title.startswith("Neto de transferencias, el General Fund paga el ")
    assert view.lens_note.text() == (
        "Neto de transferencias: quedan fuera $18.8M de transferencias y $8M de cargos de "
        "servicios internos."
    )
    drawn = drawn_words(view)
    assert "De otros fondos (neto)" in drawn
    assert "entre fondos, fuera de los totales" in drawn
    view.general_fund_check.setChecked(True)
    assert view.lens_note.text().endswith(" Solo Fondo General.")
    english = translated_sources(*MODULES)
    assert [t for t in shown_texts(view, combos=True) + drawn_words(view) if t in english] == []


def test_english_returns_after_spanish(qtbot, qapp, budget):
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    view = FlowsView()
    qtbot.addWidget(view)
    view.set_budget(budget)
    assert view.year_combo.currentText() == "FY2025-26 proposed"
    assert view.title == "The General Fund pays for 59% of department spending"
    view.follow(flows.FUND_COLUMN + 1, "Police")
    assert view.sentences().startswith("Of every $1 the Police department spends, ")
