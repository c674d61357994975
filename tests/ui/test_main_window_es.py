"""The main window in Spanish: menus, tabs, status messages and dialogs' words, with the
teaching budget opened through the window as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel
from spanish_ui import translated_sources

from budgetbench import paths
from budgetbench.ui import i18n
from budgetbench.ui.main_window import MainWindow, file_filter
from budgetbench.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path, spanish):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.runner.cancel()
    w.runner.wait(5000)


def test_menus_tabs_and_actions_speak_spanish(qtbot, window):
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    menus = [a.text() for a in window.menuBar().actions()]
    assert {"&Archivo", "&Ver", "&Edición", "Ay&uda"} <= set(menus)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Datos", "&Explorar", "F&lujos", "&Pensiones", "De&cisiones", "P&rioridades"]
    assert window.tabs.accessibleName() == "Vistas"
    assert window.open_action.text() == "&Abrir…"
    assert window.sample_action.text() == "Abrir el ejemplo &didáctico"
    assert window.new_session_action.statusTip().startswith("Empezar un archivo de sesión")
    assert window.add_note_action.text() == "Agregar &nota…"
    assert window.flows_action.statusTip() == "¿De dónde viene y por qué fondo pasa?"
    assert window.progress_bar.accessibleName() == "Progreso de la carga"
    assert window.check_mapping_button.text() == "Revisar la &asignación de columnas…"
    assert file_filter().startswith("Archivos de presupuesto (*.")
    assert file_filter().endswith(";;Todos los archivos (*)")
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == ["No hay archivos recientes"]

    # No action, button or label of the window itself is left in English.
    english = translated_sources("ui.main_window")
    texts = [a.text() for a in window.findChildren(QAction)]
    texts += [a.statusTip() for a in window.findChildren(QAction)]
    texts += [w.text() for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel)]
    texts += tabs + menus
    left = sorted({t for t in texts if t in english})
    assert left == [], f"still in English: {left}"


def test_opening_a_budget_and_showing_lines_in_spanish(qtbot, window):
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(paths.teaching_sample()))
    message = window.statusBar().currentMessage()
    assert message.startswith("Se abrió sycamore_springs_teaching.csv: ") and " partidas en " in (
        message
    )
    window.show_lines_in_data_view(
        {"fiscal_year": 2026, "phase": "proposed", "direction": "expense", "department": "Police"}
    )
    assert window.tabs.currentWidget() is window.data_view
    assert window.data_view.scope_label.text().endswith("Police · AF2026 propuesto gasto")
    window.add_note()
    assert window.statusBar().currentMessage() == (
        "Primero empiece una sesión: Archivo ▸ Nueva sesión…"
    )


def test_english_returns_after_spanish(qtbot, qapp, tmp_path):
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    assert w.menuBar().actions()[0].text() == "&File"
    assert w.tabs.tabText(1) == "&Explore"
    assert file_filter().startswith("Budget files (*.")
