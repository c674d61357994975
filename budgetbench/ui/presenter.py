"""Presenter mode: the window in projector form, and back exactly as it was.

F5 enters (View ▸ Presenter Mode), Esc leaves. While presenting, the window is full screen on
the projector (with two screens the Budget 101 tour panel floats on the other, the laptop's),
type is 1.6× larger, the high-contrast theme is shown, chart lines are thicker, the tour's
current step is a caption bar along the bottom, ← / → (and a clicker's Page Up / Page Down)
step through the tour — or through the views when there is no tour — and holding the spotlight
key (S by default) dims everything but a circle under the pointer.

Leaving restores the window's geometry, maximised or normal state, dock layout, theme, zoom and
type exactly: presenter mode changes nothing that outlives it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from budgetbench.ui.settings import SPOTLIGHT_KEYS
from budgetbench.ui.theme import appearance

#: Type size while presenting, as a factor of the zoom the user chose.
TYPE_SCALE = 1.6
#: Type in charts while presenting (their type is large already, and they must still fit).
CHART_SCALE = 1.35
#: Width of chart lines while presenting, as a factor of their usual width.
LINE_SCALE = 1.75
#: The theme shown while presenting.
PRESENTER_THEME = "high_contrast"
#: How dark the spotlight's mask is (0–255) and its radius as a share of the window's height.
SPOTLIGHT_DIM = 190
SPOTLIGHT_RADIUS = 0.15
#: Keys that step the tour: arrows, and what presentation clickers send.
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)


def choose_screens(screens, current=None, preferred: str = ""):
    """``(projector, laptop)`` among ``screens`` (objects with ``name()``, such as QScreen).

    One screen: ``(that screen, None)``. Several: the projector is the screen named
    ``preferred`` when there is one, else a screen other than ``current`` (the one the window
    is on, taken to be the presenter's); the laptop is ``current``, or when the projector is
    ``current``, the first other screen.
    """
    screens = list(screens)
    if not screens:
        return current, None
    if current not in screens:
        current = screens[0]
    if len(screens) == 1:
        return screens[0], None
    named = [s for s in screens if preferred and s.name() == preferred]
    projector = named[0] if named else next(s for s in screens if s != current)
    laptop = current if current != projector else next(s for s in screens if s != projector)
    return projector, laptop


def _wants_arrows(widget: QWidget | None) -> bool:
    """Widgets where arrow keys move a text cursor or change a value: they keep them."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return True
    return bool(isinstance(widget, QAbstractSlider | QComboBox))


def _takes_text(widget: QWidget | None) -> bool:
    """Widgets letters are typed into: the spotlight key types there instead."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class Spotlight(QWidget):
    """A translucent mask over the whole window with a clear circle under the pointer. It lets
    the mouse through and follows the pointer while it is shown."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("presenterSpotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Pointer spotlight"))
        self.center = QPoint()
        self._timer = QTimer(self)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self.follow_pointer)
        self.hide()

    @property
    def radius(self) -> float:
        return max(48.0, min(self.width(), self.height()) * SPOTLIGHT_RADIUS)

    def show_at_pointer(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.center = self.mapFromGlobal(QCursor.pos())
        self.show()
        self.raise_()
        self._timer.start()

    def hide_spotlight(self) -> None:
        self._timer.stop()
        self.hide()

    def follow_pointer(self) -> None:
        pos = self.mapFromGlobal(QCursor.pos())
        if pos != self.center:
            self.center = pos
            self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.radius
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(self.rect())
        path.addEllipse(QPointF(self.center), r, r)
        painter.fillPath(path, QColor(0, 0, 0, SPOTLIGHT_DIM))
        painter.setPen(QPen(QColor("#F0E442"), max(3.0, r / 30)))  # Okabe–Ito yellow ring
        painter.drawEllipse(QPointF(self.center), r, r)
        painter.end()


class CaptionBar(QFrame):
    """The tour's current step in big type, along the bottom of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterCaption")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("presenterCaptionStep")
        self.text_label = QLabel(self)
        self.text_label.setObjectName("presenterCaptionText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(16)
        layout.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        self.setAccessibleName(self.tr("Tour step"))
        self.scale_font()

    def scale_font(self) -> None:
        base = QApplication.font()
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.35)
        font.setBold(True)
        self.text_label.setFont(font)
        step = QFont(base)
        step.setPointSizeF(base.pointSizeF() * 1.1)
        self.step_label.setFont(step)

    def set_step(self, index: int, count: int, caption: str) -> None:
        self.step_label.setText(self.tr("Step {n} of {count}").format(n=index + 1, count=count))
        self.text_label.setText(caption)
        self.setAccessibleDescription(caption)


class PresenterController(QObject):
    """Enters and leaves presenter mode for ``window`` (a QMainWindow with an optional
    ``tour_panel`` dock and a ``tabs`` QTabWidget). ``entered`` and ``left`` are emitted."""

    entered = Signal()
    left = Signal()

    def __init__(self, window: QMainWindow, settings=None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings if settings is not None else getattr(window, "settings", None)
        self.active = False
        self.caption_bar: CaptionBar | None = None
        self._central: QWidget | None = None
        self.spotlight = Spotlight(window)
        self._saved: dict = {}
        self._tour = None
        self.toggle_action = QAction(self.tr("&Presenter Mode"), window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.toggle_action.setStatusTip(
            self.tr("Full screen on the projector, large type, high contrast; Esc leaves")
        )
        self.toggle_action.triggered.connect(self._toggled)
        window.addAction(self.toggle_action)
        window.installEventFilter(self)

    # ---- the tour the window may have -----------------------------------------------------
    @property
    def tour(self):
        return getattr(self.window, "tour_panel", None)

    @property
    def spotlight_key(self) -> Qt.Key:
        name = self.settings.spotlight_key if self.settings is not None else SPOTLIGHT_KEYS[0]
        return Qt.Key(QKeySequence(name)[0].key())

    # ---- entering and leaving -------------------------------------------------------------
    def _toggled(self, checked: bool) -> None:
        if checked:
            self.enter()
        else:
            self.leave()

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        look = appearance()
        status = w.statusBar() if w.statusBar() is not None else None
        self._saved = {
            "geometry": QByteArray(w.saveGeometry()),
            "normal": QRect(w.normalGeometry()),
            "flags": w.windowState(),
            "docks": QByteArray(w.saveState()),
            "look": look.state(),
            "status": status.isVisible() if status is not None else False,
        }
        self.active = True
        zoom = getattr(w, "zoom_controller", None)
        if zoom is not None:
            zoom.transient = True
        look.type_scale, look.chart_scale = TYPE_SCALE, CHART_SCALE
        look.line_scale, look.forced_theme = LINE_SCALE, PRESENTER_THEME
        look.apply()
        look.changed.connect(self._restyle)
        if status is not None:
            status.hide()
        self._place_on_screens()
        self._show_caption()
        QApplication.instance().installEventFilter(self)
        self.toggle_action.setChecked(True)
        self.entered.emit()

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        saved = self._saved
        QApplication.instance().removeEventFilter(self)
        self.spotlight.hide_spotlight()
        self._hide_caption()
        look = appearance()
        look.changed.disconnect(self._restyle)
        # The type first: dock and window sizes depend on it.
        look.restore(saved["look"])
        if w.statusBar() is not None:
            w.statusBar().setVisible(saved["status"])
        w.setWindowState(Qt.WindowState.WindowNoState)
        w.restoreGeometry(saved["geometry"])
        flags = saved["flags"] & ~Qt.WindowState.WindowActive
        if flags & Qt.WindowState.WindowFullScreen:
            w.showFullScreen()
        elif flags & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        else:
            w.showNormal()
            w.setGeometry(saved["normal"])
        # The docks once the window has its size and the type its size again (both reach
        # the widgets partly through posted events): a dock is never narrower than its
        # contents' minimum, so restored too early it would keep the large type's width.
        QCoreApplication.sendPostedEvents()
        w.restoreState(saved["docks"])
        # and once more when every posted resize and relayout is done
        QTimer.singleShot(0, lambda: self._restore_docks(saved["docks"]))
        zoom = getattr(w, "zoom_controller", None)
        if zoom is not None:
            zoom.transient = False
        self.active = False
        self.toggle_action.setChecked(False)
        self.left.emit()

    def _restore_docks(self, state: QByteArray) -> None:
        if not self.active and self.window.saveState() != state:
            self.window.restoreState(state)

    def _place_on_screens(self) -> None:
        w = self.window
        projector, laptop = choose_screens(
            QGuiApplication.screens(),
            w.screen(),
            self.settings.projector_screen if self.settings is not None else "",
        )
        if projector is not None and projector != w.screen():
            w.setWindowState(Qt.WindowState.WindowNoState)
            area = projector.availableGeometry()
            w.move(area.topLeft() + QPoint(20, 20))
            handle = w.windowHandle()
            if handle is not None:
                handle.setScreen(projector)
        tour = self.tour
        if laptop is not None and tour is not None:
            area = laptop.availableGeometry()
            tour.setFloating(True)
            width = min(max(360, area.width() // 3), area.width() - 40)
            tour.setGeometry(area.x() + 20, area.y() + 40, width, max(240, area.height() - 80))
            tour.show()
            if tour.windowHandle() is not None:
                tour.windowHandle().setScreen(laptop)
        elif tour is not None and not tour.isFloating():
            # One screen: the room sees the view; the step shows as the caption, and ← / →
            # still step through the tour (the dock comes back on leaving).
            tour.hide()
        w.showFullScreen()

    # ---- the caption --------------------------------------------------------------------
    def _show_caption(self) -> None:
        """The caption goes under the window's central widget, in a holder that takes its
        place for the while (the dock layout is left untouched)."""
        tour = self.tour
        w = self.window
        if tour is None or w.centralWidget() is None:
            return
        sizes = self._dock_sizes()
        central = w.takeCentralWidget()
        holder = QWidget()
        holder.setObjectName("presenterHolder")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.caption_bar = CaptionBar(holder)
        layout.addWidget(central, 1)
        layout.addWidget(self.caption_bar, 0)
        w.setCentralWidget(holder)
        central.show()
        self._central = central
        self._tour = tour
        tour.step_changed.connect(self._update_caption)
        self._update_caption()
        # A new central widget makes the window share its width out afresh: the docks keep
        # the widths they had.
        QTimer.singleShot(0, lambda: self._resize_docks(sizes))

    def _dock_sizes(self) -> list[tuple[QDockWidget, Qt.Orientation, int]]:
        w = self.window
        out = []
        for dock in w.findChildren(QDockWidget):
            if dock.isFloating() or not dock.isVisible() or dock.parentWidget() is not w:
                continue
            area = w.dockWidgetArea(dock)
            sideways = area in (
                Qt.DockWidgetArea.LeftDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea,
            )
            if sideways:
                out.append((dock, Qt.Orientation.Horizontal, dock.width()))
            else:
                out.append((dock, Qt.Orientation.Vertical, dock.height()))
        return out

    def _resize_docks(self, sizes) -> None:
        if not self.active:
            return
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            docks = [(d, n) for d, o, n in sizes if o == orientation and not d.isFloating()]
            if docks:
                self.window.resizeDocks([d for d, _ in docks], [n for _, n in docks], orientation)

    def _hide_caption(self) -> None:
        if self._tour is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._tour.step_changed.disconnect(self._update_caption)
            self._tour = None
        if self._central is not None:
            w = self.window
            holder = w.takeCentralWidget()
            w.setCentralWidget(self._central)
            self._central.show()
            self._central = None
            self.caption_bar = None
            if holder is not None:
                holder.deleteLater()

    def _update_caption(self, *_args) -> None:
        tour = self._tour
        if tour is None or self.caption_bar is None:
            return
        self.caption_bar.set_step(tour.current_index(), tour.step_count(), tour.caption())

    def _restyle(self) -> None:
        if self.caption_bar is not None:
            self.caption_bar.scale_font()

    # ---- stepping -----------------------------------------------------------------------
    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        tour = self.tour
        if tour is not None:
            tour.next_step() if direction > 0 else tour.previous_step()
            return
        tabs = getattr(self.window, "tabs", None)
        if tabs is not None and tabs.count():
            index = min(max(tabs.currentIndex() + direction, 0), tabs.count() - 1)
            if index != tabs.currentIndex():
                tabs.setCurrentIndex(index)

    # ---- keys ---------------------------------------------------------------------------
    def _ours(self, obj) -> bool:
        if not isinstance(obj, QWidget):
            return False
        top = obj.window()
        return top is self.window or (self.tour is not None and top is self.tour)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window:
            if kind == QEvent.Type.Close and self.active:
                self.leave()  # the window saves its geometry as it closes: the real one
            elif kind == QEvent.Type.Resize and self.spotlight.isVisible():
                self.spotlight.setGeometry(self.window.rect())
        if not self.active or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not self._ours(obj) or QApplication.activePopupWidget() is not None:
            return False
        return self._key(event, kind == QEvent.Type.KeyPress)

    def _key(self, event: QKeyEvent, pressed: bool) -> bool:
        key = event.key()
        plain = not (
            event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
                | Qt.KeyboardModifier.ShiftModifier
            )
        )
        focus = QApplication.focusWidget()
        if key == self.spotlight_key and plain and not _takes_text(focus):
            if not event.isAutoRepeat():
                if pressed:
                    self.spotlight.show_at_pointer()
                else:
                    self.spotlight.hide_spotlight()
            return True
        if not pressed or not plain:
            return False
        if key == Qt.Key.Key_Escape:
            self.leave()
            return True
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right)
        if key in NEXT_KEYS + PREVIOUS_KEYS and not (key in arrows and _wants_arrows(focus)):
            self._step(1 if key in NEXT_KEYS else -1)
            return True
        return False


def install_presenter(window: QMainWindow, menu=None, settings=None) -> PresenterController:
    """Give ``window`` presenter mode (F5, added to ``menu`` when given). Returns the
    controller, also kept as ``window.presenter``."""
    controller = PresenterController(window, settings)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(controller.toggle_action)
    window.presenter = controller
    return controller
