"""Presenter mode: full screen, large type, high contrast, the tour's caption and keys, the
spotlight, and leaving restores the window exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from budgetbench.ui import charts, presenter, theme
from budgetbench.ui.charts import ChartCanvas
from budgetbench.ui.settings import Settings


class FakeTour(QDockWidget):
    """The tour panel's interface, with three steps."""

    step_changed = Signal(int)
    CAPTIONS = ("Money comes in", "Funds hold it", "Departments spend it")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tourPanel")
        self.setWidget(QLabel("tour", self))
        self.index = 0

    def step_count(self) -> int:
        return len(self.CAPTIONS)

    def current_index(self) -> int:
        return self.index

    def go_to(self, index: int) -> None:
        self.index = index
        self.step_changed.emit(index)

    def next_step(self) -> None:
        self.go_to(min(self.index + 1, self.step_count() - 1))

    def previous_step(self) -> None:
        self.go_to(max(self.index - 1, 0))

    def caption(self) -> str:
        return self.CAPTIONS[self.index]


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


def _window(qtbot, tmp_path, tour=True):
    window = QMainWindow()
    window.setObjectName("presenterTestWindow")
    window.settings = Settings(path=tmp_path / "settings.ini")
    window.tabs = QTabWidget(window)
    page = QWidget()
    window.search = QLineEdit(page)
    window.search.setAccessibleName("search")
    window.chart = ChartCanvas(page, name="Chart")
    layout = QVBoxLayout(page)
    layout.addWidget(window.search)
    layout.addWidget(window.chart)
    window.tabs.addTab(page, "one")
    window.tabs.addTab(QLabel("two"), "two")
    window.tabs.addTab(QLabel("three"), "three")
    window.setCentralWidget(window.tabs)
    side = QDockWidget(window)
    side.setObjectName("sideDock")
    side.setWidget(QLabel("side"))
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, side)
    window.tour_panel = FakeTour(window) if tour else None
    if tour:
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.tour_panel)
    window.statusBar().showMessage("ready")
    qtbot.addWidget(window)
    theme.install_zoom(window)
    controller = presenter.install_presenter(window, QMenu(window))
    window.setGeometry(QRect(40, 50, 700, 500))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window, controller


def _snapshot(window, qapp):
    return {
        "geometry": QRect(window.geometry()),
        "normal": QRect(window.normalGeometry()),
        "state": window.windowState() & ~Qt.WindowState.WindowActive,
        "docks": QByteArray(window.saveState()),
        "font": qapp.font().toString(),
        "window_font": window.font().pointSizeF(),
        "palette": QPalette(qapp.palette()),
        "sheet": qapp.styleSheet(),
        "chart": charts.chart_style(),
        "status": window.statusBar().isVisible(),
        "tour_floating": window.tour_panel.isFloating() if window.tour_panel else None,
    }


def test_enter_and_leave_restore_the_window_exactly(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    window.resizeDocks([window.tour_panel], [180], Qt.Orientation.Horizontal)
    qapp.processEvents()
    before = _snapshot(window, qapp)
    base = qapp.font().pointSizeF()

    controller.enter()
    qapp.processEvents()
    assert controller.active and controller.toggle_action.isChecked()
    assert window.isFullScreen()
    assert qapp.font().pointSizeF() == pytest.approx(base * presenter.TYPE_SCALE, abs=0.01)
    assert window.font().pointSizeF() == pytest.approx(base * presenter.TYPE_SCALE, abs=0.01)
    assert look.shown_theme == "high_contrast"
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert charts.chart_style().line_scale == presenter.LINE_SCALE
    assert window.chart.figure.dpi > before["chart"].dpi
    assert not window.statusBar().isVisible()
    assert controller.caption_bar.text_label.text() == "Money comes in"
    assert controller.caption_bar.isVisible()

    controller.leave()
    qapp.processEvents()
    after = _snapshot(window, qapp)
    assert not controller.active and not controller.toggle_action.isChecked()
    assert controller.caption_bar is None
    for key, value in before.items():
        assert after[key] == value, key


def test_a_maximised_window_comes_back_maximised(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    qtbot.wait(50)  # the docks settle into the larger window
    geometry, docks = QRect(window.geometry()), QByteArray(window.saveState())
    controller.enter()
    assert window.isFullScreen()
    controller.leave()
    qtbot.waitUntil(window.isMaximized)
    assert not window.isFullScreen()
    qtbot.waitUntil(lambda: window.geometry() == geometry)
    qtbot.waitUntil(lambda: window.saveState() == docks)


def test_f5_enters_and_escape_leaves(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    window.tabs.setFocus()
    qtbot.keyClick(window.tabs, Qt.Key.Key_F5)
    assert controller.active
    qtbot.keyClick(window.tabs, Qt.Key.Key_Escape)
    assert not controller.active
    assert not window.isFullScreen()
    # Escape does nothing of presenter mode's when it is not on
    qtbot.keyClick(window.tabs, Qt.Key.Key_Escape)
    assert not controller.active


def test_arrows_and_clicker_keys_step_the_tour(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    tour = window.tour_panel
    controller.enter()
    window.tabs.setFocus()
    qtbot.keyClick(window.tabs, Qt.Key.Key_Right)
    assert tour.current_index() == 1
    assert controller.caption_bar.text_label.text() == "Funds hold it"
    assert controller.caption_bar.step_label.text() == "Step 2 of 3"
    qtbot.keyClick(window.tabs, Qt.Key.Key_PageDown)
    assert tour.current_index() == 2
    qtbot.keyClick(window.tabs, Qt.Key.Key_Left)
    qtbot.keyClick(window.tabs, Qt.Key.Key_PageUp)
    assert tour.current_index() == 0
    assert window.tabs.currentIndex() == 0  # the tour moved, not the tabs
    # arrows in a text field move its cursor, not the tour
    window.search.setText("abc")
    window.search.setFocus()
    window.search.setCursorPosition(0)
    qtbot.keyClick(window.search, Qt.Key.Key_Right)
    assert tour.current_index() == 0
    assert window.search.cursorPosition() == 1
    controller.leave()
    qtbot.keyClick(window.tabs, Qt.Key.Key_Right)
    assert tour.current_index() == 0  # not presenting: arrows are the widgets' own


def test_without_a_tour_arrows_switch_views_and_there_is_no_caption(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path, tour=False)
    controller.enter()
    assert controller.caption_bar is None
    window.tabs.setFocus()
    qtbot.keyClick(window.tabs, Qt.Key.Key_Right)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window.tabs, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.tabs, Qt.Key.Key_PageDown)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(window.tabs, Qt.Key.Key_Left)
    assert window.tabs.currentIndex() == 1
    controller.leave()


def test_spotlight_shows_while_the_key_is_held(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    controller.enter()
    spot = controller.spotlight
    window.tabs.setFocus()
    qtbot.keyPress(window.tabs, Qt.Key.Key_S)
    assert spot.isVisible()
    assert spot.geometry() == window.rect()
    image = spot.grab().toImage()
    far = (spot.width() - 2, spot.height() - 2) if spot.center.x() < spot.width() / 2 else (1, 1)
    assert image.pixelColor(*far).alpha() >= presenter.SPOTLIGHT_DIM - 1  # dimmed
    centre = spot.rect().intersected(spot.rect()).center()
    spot.center = centre
    assert spot.grab().toImage().pixelColor(centre).alpha() == 0  # clear under the pointer
    qtbot.keyRelease(window.tabs, Qt.Key.Key_S)
    assert not spot.isVisible()
    # in a text field the key types
    window.search.clear()
    window.search.setFocus()
    qtbot.keyClicks(window.search, "s")
    assert not spot.isVisible()
    assert window.search.text() == "s"
    # another key chosen in the preferences
    window.settings.spotlight_key = "L"
    window.tabs.setFocus()
    qtbot.keyPress(window.tabs, Qt.Key.Key_S)
    assert not spot.isVisible()
    qtbot.keyPress(window.tabs, Qt.Key.Key_L)
    assert spot.isVisible()
    qtbot.keyRelease(window.tabs, Qt.Key.Key_L)
    assert not spot.isVisible()
    controller.leave()


def test_closing_while_presenting_saves_the_real_geometry(qapp, qtbot, tmp_path, look):
    window, controller = _window(qtbot, tmp_path)
    geometry = QRect(window.geometry())
    seen = []
    controller.enter()
    original_close = window.closeEvent

    def close_event(event):
        seen.append(QRect(window.geometry()))
        original_close(event)

    window.closeEvent = close_event
    window.close()
    assert not controller.active
    assert seen == [geometry]


class _Screen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_choose_screens():
    laptop, projector, other = _Screen("eDP-1"), _Screen("HDMI-1"), _Screen("DP-2")
    assert presenter.choose_screens([laptop], laptop) == (laptop, None)
    assert presenter.choose_screens([laptop, projector], laptop) == (projector, laptop)
    # the window already on the projector: the other screen is the laptop's
    assert presenter.choose_screens([laptop, projector], projector) == (laptop, projector)
    # a screen named in the preferences wins, wherever the window is
    assert presenter.choose_screens([laptop, projector, other], laptop, "DP-2") == (other, laptop)
    assert presenter.choose_screens([laptop, projector], projector, "HDMI-1") == (projector, laptop)
    # a named screen that is not connected: chosen as if none were named
    assert presenter.choose_screens([laptop, projector], laptop, "VGA-9") == (projector, laptop)
    assert presenter.choose_screens([], None) == (None, None)
