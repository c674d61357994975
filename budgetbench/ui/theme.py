"""The interface's look: the theme (light, dark, high contrast, or as the system says) and the
zoom (type and sizes from 80% to 250%), applied to the whole application at run time.

One :class:`Appearance` per application holds what is chosen — the theme, the zoom — and what
presenter mode adds on top for a while (a larger type scale, thicker chart lines, a theme it
forces). :meth:`Appearance.apply` turns that into the application's palette, style, small
stylesheet and font, and into the charts' style (:mod:`budgetbench.ui.charts`). Everything is
recomputed from those few values, so going back to an earlier state gives exactly the earlier
look.

Entry points for the window::

    apply_settings(app, settings)        # at start: the saved theme and zoom
    apply_theme(app, "dark")             # a theme by name (see THEMES)
    zoom = install_zoom(window)          # Ctrl++ / Ctrl+- / Ctrl+0, saved in the settings
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from budgetbench.ui import charts
from budgetbench.ui.settings import THEME_NAMES, ZOOM_MAX, ZOOM_MIN

#: Theme names, in the order they are offered.
THEMES = THEME_NAMES
#: Zoom levels Ctrl++ and Ctrl+- step through.
ZOOM_STEPS = (ZOOM_MIN, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, ZOOM_MAX)


def theme_label(name: str) -> str:
    """The theme's name as the user reads it."""
    return {
        "system": QCoreApplication.translate("Theme", "As the system"),
        "light": QCoreApplication.translate("Theme", "Light"),
        "dark": QCoreApplication.translate("Theme", "Dark"),
        "high_contrast": QCoreApplication.translate("Theme", "High contrast"),
    }[name]


@dataclass(frozen=True)
class Colours:
    """The handful of colours a theme is made of (the rest of the palette derives from them)."""

    window: str
    text: str
    base: str
    alternate: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    tooltip: str
    tooltip_text: str
    placeholder: str
    disabled: str
    border: str


COLOURS = {
    "light": Colours(
        window="#EFEFEF",
        text="#1A1A1A",
        base="#FFFFFF",
        alternate="#F5F5F5",
        button="#E6E6E6",
        highlight="#0072B2",
        highlighted_text="#FFFFFF",
        link="#005A8C",
        tooltip="#FFFFE8",
        tooltip_text="#1A1A1A",
        placeholder="#6B6B6B",
        disabled="#8A8A8A",
        border="#9A9A9A",
    ),
    "dark": Colours(
        window="#2B2B2B",
        text="#EDEDED",
        base="#1E1E1E",
        alternate="#262626",
        button="#383838",
        highlight="#56B4E9",
        highlighted_text="#000000",
        link="#7CC4EE",
        tooltip="#3A3A3A",
        tooltip_text="#F2F2F2",
        placeholder="#A8A8A8",
        disabled="#7E7E7E",
        border="#6E6E6E",
    ),
    # Black on white with strong edges: what a projector in a lit room shows best.
    "high_contrast": Colours(
        window="#FFFFFF",
        text="#000000",
        base="#FFFFFF",
        alternate="#EBEBEB",
        button="#FFFFFF",
        highlight="#00457A",
        highlighted_text="#FFFFFF",
        link="#00457A",
        tooltip="#FFFFFF",
        tooltip_text="#000000",
        placeholder="#4D4D4D",
        disabled="#595959",
        border="#000000",
    ),
}


def resolve_theme(name: str, scheme: Qt.ColorScheme, high_contrast: bool) -> str:
    """The theme actually shown for ``name``: ``system`` becomes ``high_contrast`` when the
    system asks for more contrast, ``dark`` when its colour scheme is dark, and otherwise the
    system's own look (``system``)."""
    if name != "system":
        return name if name in COLOURS else "light"
    if high_contrast:
        return "high_contrast"
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    return "system"


def system_preferences() -> tuple[Qt.ColorScheme, bool]:
    """The desktop's colour scheme and whether it asks for high contrast (Qt 6.5+ and 6.10+;
    unknown and no when this Qt or platform cannot say)."""
    hints = QGuiApplication.styleHints()
    scheme = Qt.ColorScheme.Unknown
    contrast = False
    with contextlib.suppress(AttributeError, RuntimeError):
        scheme = hints.colorScheme()
    with contextlib.suppress(AttributeError, RuntimeError):
        access = hints.accessibility()
        contrast = access.contrastPreference() == Qt.ContrastPreference.HighContrast
    return scheme, contrast


def palette_for(theme: str) -> QPalette:
    """The full palette of one of :data:`COLOURS`' themes."""
    c = COLOURS[theme]
    p = QPalette()
    text, window, button = QColor(c.text), QColor(c.window), QColor(c.button)
    dark = window.lightnessF() < 0.5
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: QColor(c.base),
        QPalette.ColorRole.AlternateBase: QColor(c.alternate),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#FFFFFF" if not dark else "#000000"),
        QPalette.ColorRole.Highlight: QColor(c.highlight),
        QPalette.ColorRole.HighlightedText: QColor(c.highlighted_text),
        QPalette.ColorRole.Link: QColor(c.link),
        QPalette.ColorRole.LinkVisited: QColor(c.link),
        QPalette.ColorRole.ToolTipBase: QColor(c.tooltip),
        QPalette.ColorRole.ToolTipText: QColor(c.tooltip_text),
        QPalette.ColorRole.PlaceholderText: QColor(c.placeholder),
        QPalette.ColorRole.Light: button.lighter(150 if not dark else 130),
        QPalette.ColorRole.Midlight: button.lighter(115),
        QPalette.ColorRole.Mid: QColor(c.border),
        QPalette.ColorRole.Dark: QColor(c.border).darker(130) if not dark else QColor("#141414"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Accent: QColor(c.highlight),
    }
    for role, colour in roles.items():
        p.setColor(QPalette.ColorGroup.All, role, colour)
    disabled = QColor(c.disabled)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(c.border))
    return p


def _px(value: float, scale: float) -> int:
    return max(1, round(value * scale))


def stylesheet_for(theme: str, scale: float, palette: QPalette) -> str:
    """The application stylesheet, for the high-contrast theme only: strong edges and a thick
    focus frame; its sizes grow with ``scale``. Other themes need none (the
    palette is enough), and a style sheet makes every change of type size slow: Qt then
    re-polishes each widget."""
    if theme != "high_contrast":
        return ""
    pal = {
        "text": palette.color(QPalette.ColorRole.WindowText).name(),
        "tip": palette.color(QPalette.ColorRole.ToolTipBase).name(),
        "tip_text": palette.color(QPalette.ColorRole.ToolTipText).name(),
        "mid": palette.color(QPalette.ColorRole.Mid).name(),
        "highlight": palette.color(QPalette.ColorRole.Highlight).name(),
        "base": palette.color(QPalette.ColorRole.Base).name(),
        "disabled": palette.color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
        ).name(),
    }
    rules = [
        "QToolTip {{ color: {tip_text}; background-color: {tip}; border: {b1}px solid {mid};"
        " padding: {pad}px; }}",
        # (spin boxes keep the style's frame: a border rule would hide their arrows)
        "QLineEdit, QPlainTextEdit, QTextEdit"
        " {{ border: {b2}px solid {text}; background-color: {base}; padding: {pad}px; }}",
        "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,"
        " QAbstractItemView:focus {{ border: {b3}px solid {highlight}; }}",
        "QAbstractItemView {{ border: {b2}px solid {text}; }}",
        # (tool buttons and indicators keep the style's look: a border rule there hides
        # their arrows and check marks)
        "QPushButton {{ border: {b2}px solid {text}; border-radius: {r}px;"
        " padding: {pad}px {pad2}px; background-color: {base}; color: {text}; }}",
        "QPushButton:focus {{ border: {b3}px solid {highlight}; }}",
        "QPushButton:pressed, QPushButton:checked {{ background-color: {text}; color: {base}; }}",
        "QPushButton:disabled {{ color: {disabled}; border: {b1}px dashed {disabled}; }}",
        "QTabBar::tab:selected {{ text-decoration: underline; }}",
    ]
    sizes = {
        "b1": _px(1, scale),
        "b2": _px(2, scale),
        "b3": _px(3, scale),
        "r": _px(3, scale),
        "pad": _px(2, scale),
        "pad2": _px(8, scale),
    }
    return "\n".join(rule.format(**pal, **sizes) for rule in rules)


def _spread_font(app: QApplication) -> None:
    """Make every widget that has no font of its own take its parent's again. Qt skips the
    widgets a style sheet has touched when the application font changes."""

    def walk(widget: QWidget, inherited: QFont) -> None:
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and widget.font() != inherited:
            widget.setFont(QFont())  # nothing set: everything resolves from the parent again
        own = widget.font()
        for child in widget.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            walk(child, own if not child.isWindow() else app.font())

    for top in app.topLevelWidgets():
        walk(top, app.font())


class Appearance(QObject):
    """The application's theme and zoom, and presenter mode's additions. Emits ``changed``
    after each :meth:`apply`."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.base_font = QFont(app.font())
        self.base_style = app.style().name()
        self.theme = "system"
        self.zoom = 1.0
        #: presenter mode: type size factor, chart type factor, chart line width factor,
        #: and the theme shown instead of the chosen one
        self.type_scale = 1.0
        self.chart_scale = 1.0
        self.line_scale = 1.0
        self.forced_theme: str | None = None
        self.shown_theme = "system"
        self._first = True
        hints = QGuiApplication.styleHints()
        with contextlib.suppress(AttributeError, RuntimeError):
            hints.colorSchemeChanged.connect(self._system_changed)
        with contextlib.suppress(AttributeError, RuntimeError):
            self._access = hints.accessibility()
            self._access.contrastPreferenceChanged.connect(self._system_changed)

    # ---- what is chosen -------------------------------------------------------------------
    @property
    def scale(self) -> float:
        """The factor the type and sizes are drawn at: zoom × presenter type scale."""
        return self.zoom * self.type_scale

    def state(self) -> tuple:
        """Everything :meth:`apply` depends on (saved and given back by presenter mode)."""
        return (
            self.theme,
            self.zoom,
            self.type_scale,
            self.chart_scale,
            self.line_scale,
            self.forced_theme,
        )

    def restore(self, state: tuple) -> None:
        (
            self.theme,
            self.zoom,
            self.type_scale,
            self.chart_scale,
            self.line_scale,
            self.forced_theme,
        ) = state
        self.apply()

    def set_theme(self, name: str) -> str:
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.theme = name
        return self.apply()

    def set_zoom(self, level: float) -> float:
        self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, float(level)))
        self.apply()
        return self.zoom

    def _system_changed(self, *_args) -> None:
        if (self.forced_theme or self.theme) == "system":
            self.apply()

    # ---- applying -------------------------------------------------------------------------
    def apply(self) -> str:
        """Make the application look as chosen; returns the theme shown."""
        app = self.app
        scheme, contrast = system_preferences()
        shown = resolve_theme(self.forced_theme or self.theme, scheme, contrast)
        style = self.base_style if shown == "system" else "fusion"
        if app.style().name() != style:
            app.setStyle(style)
        # An empty palette hands every colour back to the platform.
        if shown != self.shown_theme or self._first:
            app.setPalette(QPalette() if shown == "system" else palette_for(shown))
            self._first = False
        palette = app.palette()
        font = QFont(self.base_font)
        if self.base_font.pointSizeF() > 0:
            font.setPointSizeF(round(self.base_font.pointSizeF() * self.scale, 2))
        else:
            font.setPixelSize(max(6, round(self.base_font.pixelSize() * self.scale)))
        sheet = stylesheet_for(shown, self.scale, palette)
        if app.font() != font:
            # A new application font does not reach widgets under a style sheet: take the
            # sheet off while the font changes, let the change reach every widget (it is
            # partly posted), and put the sheet back after.
            had_sheet = bool(app.styleSheet())
            if had_sheet:
                app.setStyleSheet("")
                QCoreApplication.sendPostedEvents()
            app.setFont(font)
            QCoreApplication.sendPostedEvents()
            if had_sheet or sheet:
                _spread_font(app)
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        self.shown_theme = shown
        charts.set_chart_style(self.chart_style(shown, palette))
        self.changed.emit()
        return shown

    def chart_style(self, shown: str, palette: QPalette) -> charts.ChartStyle:
        base = palette.color(QPalette.ColorRole.Base)
        if shown == "high_contrast":
            mode = "contrast"
        elif base.lightnessF() < 0.5:
            mode = "dark"
        else:
            mode = "light"
        return charts.ChartStyle(
            mode=mode,
            background=base.name() if mode == "dark" else "#FFFFFF",
            foreground=palette.color(QPalette.ColorRole.Text).name()
            if mode == "dark"
            else "#000000",
            dpi_scale=self.zoom * self.chart_scale,
            line_scale=self.line_scale,
        )


_appearance: Appearance | None = None


def appearance(app: QApplication | None = None) -> Appearance:
    """The application's :class:`Appearance` (made on first use)."""
    global _appearance
    app = app or QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    if _appearance is None or _appearance.app is not app:
        _appearance = Appearance(app)
    return _appearance


def apply_theme(app: QApplication, name: str) -> str:
    """Show the theme ``name`` (one of :data:`THEMES`); returns the theme now shown."""
    return appearance(app).set_theme(name)


def apply_zoom(app: QApplication, level: float) -> float:
    """Draw type and sizes at ``level`` (1.0 is normal); returns the level, kept in bounds."""
    return appearance(app).set_zoom(level)


def apply_settings(app: QApplication, settings) -> str:
    """The saved theme and zoom, applied at once (call before the window is shown)."""
    look = appearance(app)
    look.theme = settings.theme
    look.zoom = settings.zoom
    return look.apply()


def step_zoom(level: float, direction: int) -> float:
    """The next zoom step up (``direction`` > 0) or down (< 0) from ``level``; 1.0 for 0."""
    if direction == 0:
        return 1.0
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > level + 1e-6), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < level - 1e-6), ZOOM_STEPS[0])


class ZoomController(QObject):
    """Zoom In, Zoom Out and Actual Size for a window, saved in its settings as they change."""

    zoom_changed = Signal(float)

    def __init__(self, window: QWidget, settings=None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings if settings is not None else getattr(window, "settings", None)
        #: while set (presenter mode), changes are not saved
        self.transient = False
        self.zoom_in_action = self._action(
            self.tr("Zoom &In"),
            (QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")),
            lambda: self.step(1),
            self.tr("Larger type and charts"),
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &Out"),
            (QKeySequence.StandardKey.ZoomOut,),
            lambda: self.step(-1),
            self.tr("Smaller type and charts"),
        )
        self.reset_action = self._action(
            self.tr("&Actual Size"),
            (QKeySequence("Ctrl+0"),),
            lambda: self.step(0),
            self.tr("Type and charts at their normal size"),
        )
        self.actions = (self.zoom_in_action, self.zoom_out_action, self.reset_action)
        self._update_actions()

    def _action(self, text: str, keys, slot, tip: str) -> QAction:
        action = QAction(text, self.window)
        shortcuts: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                shortcuts += QKeySequence.keyBindings(key)
            else:
                shortcuts.append(key)
        unique: list[QKeySequence] = []
        for key in shortcuts:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        action.setShortcuts(unique)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @property
    def level(self) -> float:
        return appearance().zoom

    def step(self, direction: int) -> float:
        return self.set_level(step_zoom(self.level, direction))

    def set_level(self, level: float) -> float:
        level = apply_zoom(QApplication.instance(), level)
        if self.settings is not None and not self.transient:
            self.settings.zoom = level
        self._update_actions()
        self.zoom_changed.emit(level)
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(
                self.tr("Zoom {percent}%").format(percent=round(level * 100)), 3000
            )
        return level

    def _update_actions(self) -> None:
        level = self.level
        self.zoom_in_action.setEnabled(level < ZOOM_STEPS[-1] - 1e-6)
        self.zoom_out_action.setEnabled(level > ZOOM_STEPS[0] + 1e-6)


def install_zoom(window: QWidget, menu=None, settings=None) -> ZoomController:
    """Give ``window`` the zoom shortcuts (added to ``menu`` when given); the saved zoom is
    applied now. Returns the controller (kept as ``window.zoom_controller``)."""
    settings = settings if settings is not None else getattr(window, "settings", None)
    look = appearance()
    if settings is not None and abs(look.zoom - settings.zoom) > 1e-6:
        look.set_zoom(settings.zoom)
    controller = ZoomController(window, settings)
    if menu is not None:
        menu.addSeparator()
        for action in controller.actions:
            menu.addAction(action)
    window.zoom_controller = controller
    return controller
