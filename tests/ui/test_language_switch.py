"""Switching the interface language takes effect at once: a window in the new language takes
over the budget, the session and the view that was showing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from budgetbench import paths
from budgetbench.ui import i18n
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings


def test_switching_to_spanish_and_back_keeps_the_work(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.budget_loaded, timeout=30_000):
        w.open_file(str(paths.teaching_sample()))
    w.new_session(str(tmp_path / "room.bbsession"))
    w.show_view("flows")
    budget = w.budget
    try:
        es = w.switch_language("es")
        qtbot.addWidget(es)
        assert not w.isVisible() and es.isVisible()
        assert es.tabs.tabText(0) == "&Datos"
        assert es.menuBar().actions()[0].text() == "&Archivo"
        assert es.budget is budget and es.session is not None
        assert es.session.path == tmp_path / "room.bbsession"
        assert es.tabs.currentWidget() is es.flows_view
        en = es.switch_language("en")
        qtbot.addWidget(en)
        assert en.tabs.tabText(0) == "&Data" and en.session is not None
    finally:
        i18n.install(QApplication.instance(), "en")
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
