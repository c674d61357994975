"""Edit ▸ Preferences: the interface language, theme and zoom, and presenter mode's projector
screen and spotlight key.

The theme and zoom are applied when the dialog is accepted. A new language needs the window
rebuilt: the dialog stores it and emits ``language_changed(code)`` for the window to do so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from budgetbench.ui import i18n
from budgetbench.ui.settings import SPOTLIGHT_KEYS, Settings
from budgetbench.ui.theme import THEMES, ZOOM_STEPS, appearance, apply_zoom, theme_label


class PreferencesDialog(QDialog):
    """Reads its starting values from ``settings`` and writes them back on OK."""

    language_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None, window=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._window = window if window is not None else parent
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))

        self.language_combo = QComboBox(self)
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        self._language = settings.language or i18n.current()
        self._select(self.language_combo, self._language)

        self.theme_combo = QComboBox(self)
        for name in THEMES:
            self.theme_combo.addItem(theme_label(name), name)
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self._select(self.theme_combo, settings.theme)

        self.zoom_combo = QComboBox(self)
        for level in ZOOM_STEPS:
            self.zoom_combo.addItem(self.tr("{percent}%").format(percent=round(level * 100)), level)
        self.zoom_combo.setAccessibleName(self.tr("Zoom"))
        current_zoom = settings.zoom
        nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - current_zoom))
        self.zoom_combo.setCurrentIndex(nearest)

        self.screen_combo = QComboBox(self)
        self.screen_combo.addItem(self.tr("Automatic: a screen the window is not on"), "")
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            self.screen_combo.addItem(
                self.tr("{name} ({width} × {height})").format(
                    name=screen.name() or self.tr("unnamed screen"),
                    width=size.width(),
                    height=size.height(),
                ),
                screen.name(),
            )
        saved_screen = settings.projector_screen
        if saved_screen and self.screen_combo.findData(saved_screen) < 0:
            self.screen_combo.addItem(
                self.tr("{name} (not connected)").format(name=saved_screen), saved_screen
            )
        self._select(self.screen_combo, saved_screen)
        self.screen_combo.setAccessibleName(self.tr("Projector screen"))
        self.screen_combo.setToolTip(
            self.tr("Presenter mode goes full screen here; the tour panel stays on the other")
        )

        self.spotlight_combo = QComboBox(self)
        for key in SPOTLIGHT_KEYS:
            self.spotlight_combo.addItem(self.tr("Hold {key}").format(key=key), key)
        self._select(self.spotlight_combo, settings.spotlight_key)
        self.spotlight_combo.setAccessibleName(self.tr("Pointer spotlight key"))
        self.spotlight_combo.setToolTip(
            self.tr("In presenter mode, hold this key to dim all but a circle around the pointer")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(*self._label(self.tr("&Language:"), self.language_combo))
        form.addRow(*self._label(self.tr("&Theme:"), self.theme_combo))
        form.addRow(*self._label(self.tr("&Zoom:"), self.zoom_combo))
        form.addRow(*self._label(self.tr("&Projector screen:"), self.screen_combo))
        form.addRow(*self._label(self.tr("&Spotlight key:"), self.spotlight_combo))
        self.language_note = QLabel(
            self.tr("A new language takes effect when the window is rebuilt."), self
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(self.chosen_language != self._language)
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("Save the preferences"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Close without saving"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.language_note)
        layout.addWidget(self.buttons)

    def _label(self, text: str, buddy: QWidget):
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label, buddy

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    # ---- what is chosen -------------------------------------------------------------------
    @property
    def chosen_language(self) -> str:
        return self.language_combo.currentData()

    def values(self) -> dict:
        return {
            "language": self.chosen_language,
            "theme": self.theme_combo.currentData(),
            "zoom": float(self.zoom_combo.currentData()),
            "projector_screen": self.screen_combo.currentData(),
            "spotlight_key": self.spotlight_combo.currentData(),
        }

    def accept(self) -> None:
        self.apply()
        super().accept()

    def apply(self) -> None:
        """Write the choices to the settings; show the theme and zoom now; emit
        ``language_changed`` when the language is a new one."""
        v = self.values()
        s = self.settings
        s.theme = v["theme"]
        s.projector_screen = v["projector_screen"]
        s.spotlight_key = v["spotlight_key"]
        look = appearance()
        presenting = getattr(getattr(self._window, "presenter", None), "active", False)
        zoom = getattr(self._window, "zoom_controller", None)
        if not presenting:  # presenter mode shows its own theme and scale until it ends
            if look.theme != v["theme"]:
                look.set_theme(v["theme"])
            if zoom is not None:
                zoom.set_level(v["zoom"])
            else:
                apply_zoom(QApplication.instance(), v["zoom"])
        s.zoom = v["zoom"]
        if v["language"] != self._language:
            s.language = v["language"]
            s.sync()
            self._language = v["language"]
            self.language_changed.emit(v["language"])
        else:
            s.sync()


def install_preferences(window, menu=None, on_language=None) -> QAction:
    """An Edit ▸ Preferences… action (Ctrl+,) for ``window`` (which has ``settings``) that
    opens the dialog; ``on_language(code)`` is called when a new language is chosen."""
    action = QAction(QCoreApplication.translate("PreferencesDialog", "Pr&eferences…"), window)
    keys = [QKeySequence("Ctrl+,")]
    keys += [
        k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) if k != keys[0]
    ]
    action.setShortcuts(keys)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip(
        QCoreApplication.translate(
            "PreferencesDialog", "Language, theme, zoom, and presenter mode's screen and keys"
        )
    )

    def open_dialog() -> None:
        dialog = PreferencesDialog(window.settings, window)
        if on_language is not None:
            dialog.language_changed.connect(on_language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.preferences_dialog = dialog
        dialog.open()

    action.triggered.connect(open_dialog)
    window.addAction(action)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(action)
    return action
