"""The Data view in Spanish: built on the teaching budget with the Spanish interface installed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.io.loader import load_budget
from budgetbench.ui import i18n
from budgetbench.ui.views.data_view import DataView


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


def test_data_view_speaks_spanish(qtbot, spanish, budget):
    # The compiled translations are loaded (the .qm ships beside the .ts files).
    assert QCoreApplication.translate("DataView", "&Search:") == "&Buscar:"
    view = DataView()
    qtbot.addWidget(view)
    view.set_budget(budget, budget.report)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)

    labels = {label.text() for label in view.findChildren(QLabel)}
    assert {"&Buscar:", "Mí&n. $", "Má&x. $"} <= labels
    assert view.column_button.text() == "&Columnas"
    assert view.report_button.text().startswith("&Informe de importación")
    assert view.search_edit.accessibleName() == "Buscar en todas las columnas de texto"
    assert view.table.accessibleName() == "Partidas del presupuesto"
    assert view.status_label.text().startswith(f"Partidas mostradas: {len(budget):,} de ")

    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert {"Año fiscal", "Fase", "Fondo", "Departamento", "Monto", "Cuenta"} <= set(headers)
    assert "Fund" not in headers and "Amount" not in headers
    menu = [a.text() for a in view.column_menu.actions() if a.text()]
    assert "Mostrar todas las columnas" in menu and "Tipo de fondo" in menu

    # Text composed at run time: an amount that is not one, and the scope chip.
    view.min_edit.setText("lots")
    view.apply_now()
    assert "Mín. $ no es un monto y se ignora" in view.status_label.text()
    assert view.min_edit.toolTip().startswith("No es un monto.")
    view.min_edit.clear()
    view.show_only({"department": ("Police", "Fire")})
    assert view.scope_label.text() == "Mostrando: Police o Fire"
    assert view.scope_clear_button.text() == "✕ Mostrar todas las partidas"

    english = translated_sources("ui.views.data_view", "ui.models.frame_model", "core.schema")
    left = [t for t in shown_texts(view) if t in english]
    assert left == [], f"still in English: {left}"


def test_english_returns_after_spanish(qtbot, qapp, budget):
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    view = DataView()
    qtbot.addWidget(view)
    view.set_budget(budget, budget.report)
    assert view.column_button.text() == "&Columns"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Fiscal year"
