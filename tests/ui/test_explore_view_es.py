"""The Explore view in Spanish: the teaching budget with the Spanish interface installed.

The words the view shows itself, the names of fund types and object classes, the headlines and
comparisons the core composes and the treemap's words all come out in Spanish; department and
fund names from the budget stay as they are, and amounts stay in US dollars."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.io.loader import load_budget
from budgetbench.ui import i18n
from budgetbench.ui.views.explore_view import ExploreView

MODULES = ("ui.views.explore_view", "core.explore")


def figure_texts(view: ExploreView) -> list[str]:
    """Every piece of text drawn on the treemap (title, subtitle, notes, tile labels)."""
    fig = view.chart.figure
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
    return [t for t in out if t]


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def view(qtbot, budget):
    v = ExploreView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget)
    return v


def test_explore_view_speaks_spanish(qtbot, spanish, view):
    assert QCoreApplication.translate("ExploreView", "&Budget:") == "&Presupuesto:"
    labels = {label.text() for label in view.findChildren(QLabel)}
    assert {"&Presupuesto:", "Co&mparar con:", "Agr&upar por:", "&Dinero:"} <= labels
    assert view.year_combo.currentText() == "AF2026 propuesto"
    assert view.compare_combo.itemText(0) == "Sin comparación"
    assert view.compare_combo.itemText(1) == "AF2025 adoptado"
    assert view.spending_radio.text() == "&Gasto" and view.revenue_radio.text() == "&Ingresos"
    assert view.gf_check.text() == "&Solo Fondo General"
    assert view.net_check.text() == "&Neto de transferencias"
    assert view.preset_combo.itemText(0) == "Fondo ▸ Departamento ▸ Cuenta"
    assert view.restricted_combo.itemText(1) == "Solo no restringido"
    levels = [view.levels_list.item(i).text() for i in range(view.levels_list.count())]
    assert {"Tipo de fondo", "Departamento", "Objeto de gasto (personal, jubilación…)"} <= set(
        levels
    )
    # "In [2025] dollars" reads "En dólares de [2025]": nothing is left after the year box.
    assert view.real_check.text() == "&En dólares de"
    assert not view._dollars_label.isVisibleTo(view)
    assert view.empty_levels_label.text() == "No hay en este presupuesto: División, Programa"

    # Accessible names of widgets without text of their own.
    assert view.year_combo.accessibleName() == "Año fiscal y fase que se muestran"
    assert view.tree.accessibleName() == "Árbol del presupuesto"
    assert view.population_spin.accessibleName() == "Población"
    assert view.real_year_spin.accessibleName() == "Dólares del año"

    # Names the core gives groups, and the sentences it composes.
    root = view.exploration.root
    assert root.label == "Todo el gasto"
    assert [c.label for c in root.children][:2] == ["Fondo General", "Fondos empresariales"]
    assert view.breadcrumbs == ["Todo el gasto"]
    assert view.chart_title == "Fondo General es el 59% de todo el gasto"
    assert view.summary_label.text() == "Todo el gasto: $165,400,000 · 43 partidas"
    drawn = figure_texts(view)
    assert "AF2026 propuesto · total $165M" in drawn
    assert "Mapa de árbol. Fondo General es el 59% de todo el gasto." in (
        view.chart.canvas.accessibleDescription()
    )

    english = translated_sources(*MODULES)
    left = [t for t in shown_texts(view, combos=True) + drawn if t in english]
    assert left == [], f"still in English: {left}"

    # The fund type "Fondo General" holding only the fund "General Fund" is one breadcrumb.
    view.select({"fund_name": "General Fund"})
    assert view.breadcrumbs == ["Todo el gasto", "General Fund"]
    assert view.chart_title == "Police y Fire son el 58% del gasto del General Fund"


def test_comparisons_and_object_classes_in_spanish(qtbot, spanish, view):
    view.compare_combo.setCurrentIndex(1)  # AF2025 adoptado
    title = view.chart_title
    assert title.startswith("Todo el gasto: sube 6.4% ($10M) respecto al AF2025 adoptado")
    assert "; el mayor aumento es Fondos de proyectos de capital (+$4.5M)" in view.chart_title
    assert "frente al AF2025 adoptado" in view.summary_label.text()
    drawn = figure_texts(view)
    assert any(t.startswith("azul: creció · rojo anaranjado: bajó") for t in drawn)

    view.gf_check.setChecked(True)
    view.net_check.setChecked(True)
    assert view.exploration.root.label == "Gasto del Fondo General"
    removed = "Se quitaron $5.9M de transferencias y $0 de cargos internos"
    assert view.removed_label.text() == removed
    assert view.chart_title.startswith("Gasto del Fondo General: sube ")

    view.compare_combo.setCurrentIndex(0)
    view.set_levels(("object", "department", "account_name"))
    names = [c.label for c in view.exploration.root.children]
    assert names[:2] == ["Personal", "Servicios y suministros"]
    assert view.chart_title.endswith(" del gasto del Fondo General")
    view.revenue_radio.setChecked(True)
    assert view.exploration.root.label == "Ingresos del Fondo General"
    assert "Impuestos" in [c.label for c in view.exploration.root.children]
    english = translated_sources(*MODULES)
    assert [t for t in shown_texts(view, combos=True) + figure_texts(view) if t in english] == []


def test_population_is_typed_the_us_way_in_spanish(qtbot, spanish, view):
    spin = view.population_spin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "85,000")
    spin.interpretText()
    assert spin.value() == 85_000
    assert spin.text() == "85,000"
    view.per_resident_check.setChecked(True)
    view.recompute()
    assert view.summary_label.text().startswith("Todo el gasto: $1,945.88 por habitante · ")


def test_english_returns_after_spanish(qtbot, qapp, budget):
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    view = ExploreView()
    qtbot.addWidget(view)
    view.set_budget(budget)
    assert view.year_combo.currentText() == "FY2026 proposed"
    assert view.real_check.text() == "&In" and view._dollars_label.text() == "dollars"
    assert view.exploration.root.label == "All spending"
    assert view.chart_title == "General Fund is 59% of all spending"
