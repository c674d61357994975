"""The Preferences dialog writes the settings, applies the theme and zoom, reports a language."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu

from budgetbench.ui import charts, theme
from budgetbench.ui.dialogs.preferences import PreferencesDialog, install_preferences
from budgetbench.ui.settings import Settings


@pytest.fixture
def look(qapp):
    font, style, sheet = qapp.font(), qapp.style().name(), qapp.styleSheet()
    theme._appearance = None
    appearance = theme.appearance(qapp)
    yield appearance
    appearance.restore(("system", 1.0, 1.0, 1.0, 1.0, None))
    theme._appearance = None
    charts.set_chart_style(charts.PLAIN)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(QPalette())
    qapp.setFont(font)


def _choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_dialog_writes_settings_and_applies_theme_and_zoom(qapp, qtbot, tmp_path, look):
    settings = Settings(path=tmp_path / "settings.ini")
    settings.language = "en"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    for combo in dialog.findChildren(QComboBox):
        assert combo.accessibleName()
    assert dialog.theme_combo.currentData() == "system"
    assert dialog.zoom_combo.currentData() == 1.0
    assert dialog.screen_combo.currentData() == ""
    assert dialog.spotlight_combo.currentData() == "S"
    base = qapp.font().pointSizeF()

    _choose(dialog.theme_combo, "dark")
    _choose(dialog.zoom_combo, 1.5)
    _choose(dialog.screen_combo, qapp.primaryScreen().name())
    _choose(dialog.spotlight_combo, "Z")
    with qtbot.assertNotEmitted(dialog.language_changed):
        dialog.accept()

    saved = Settings(path=tmp_path / "settings.ini")
    assert saved.theme == "dark"
    assert saved.zoom == 1.5
    assert saved.projector_screen == qapp.primaryScreen().name()
    assert saved.spotlight_key == "Z"
    assert saved.language == "en"
    assert look.shown_theme == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.25
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.01)


def test_a_new_language_is_stored_and_reported(qtbot, tmp_path, look):
    settings = Settings(path=tmp_path / "settings.ini")
    settings.language = "en"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_note.isVisible()
    _choose(dialog.language_combo, "es")
    assert dialog.language_note.isVisible()
    with qtbot.waitSignal(dialog.language_changed) as signal:
        dialog.accept()
    assert signal.args == ["es"]
    assert Settings(path=tmp_path / "settings.ini").language == "es"


def test_cancel_changes_nothing(qtbot, tmp_path, look):
    settings = Settings(path=tmp_path / "settings.ini")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    _choose(dialog.theme_combo, "high_contrast")
    dialog.reject()
    assert Settings(path=tmp_path / "settings.ini").theme == "system"
    assert look.shown_theme != "high_contrast"


def test_a_saved_screen_that_is_gone_is_still_shown(qtbot, tmp_path, look):
    settings = Settings(path=tmp_path / "settings.ini")
    settings.projector_screen = "HDMI-9"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.screen_combo.currentData() == "HDMI-9"
    assert "HDMI-9" in dialog.screen_combo.currentText()


def test_menu_action_opens_the_dialog_with_ctrl_comma(qtbot, tmp_path, look):
    window = QMainWindow()
    window.settings = Settings(path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    menu = QMenu(window)
    chosen = []
    action = install_preferences(window, menu, on_language=chosen.append)
    assert action in menu.actions()
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    action.trigger()
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    _choose(dialog.language_combo, "es" if dialog.chosen_language == "en" else "en")
    dialog.accept()
    assert chosen and chosen[0] in ("en", "es")
