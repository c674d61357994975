"""Themes and zoom: the palette, the application font, the charts' resolution and ink."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QMainWindow, QMenu

from budgetbench.ui import charts, theme
from budgetbench.ui.charts import ChartCanvas, ChartStyle, adapt_colour
from budgetbench.ui.settings import Settings


@pytest.fixture
def look(qapp):
    """The application's appearance, put back as it was after the test."""
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


def test_system_theme_follows_contrast_then_colour_scheme():
    dark, light = Qt.ColorScheme.Dark, Qt.ColorScheme.Light
    assert theme.resolve_theme("system", light, high_contrast=True) == "high_contrast"
    assert theme.resolve_theme("system", dark, high_contrast=False) == "dark"
    assert theme.resolve_theme("system", light, high_contrast=False) == "system"
    assert theme.resolve_theme("system", Qt.ColorScheme.Unknown, high_contrast=False) == "system"
    assert theme.resolve_theme("dark", light, high_contrast=True) == "dark"


def test_system_preferences_degrade_to_unknown_and_no_contrast(qapp):
    scheme, contrast = theme.system_preferences()
    assert isinstance(scheme, Qt.ColorScheme)
    assert contrast in (True, False)


def test_theme_switch_changes_the_palette_and_back(qapp, look):
    before = QPalette(qapp.palette())
    assert theme.apply_theme(qapp, "dark") == "dark"
    window = qapp.palette().color(QPalette.ColorRole.Window)
    text = qapp.palette().color(QPalette.ColorRole.WindowText)
    assert window.lightnessF() < 0.25 < 0.85 < text.lightnessF()
    assert charts.chart_style().mode == "dark"

    assert theme.apply_theme(qapp, "high_contrast") == "high_contrast"
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#FFFFFF")
    assert qapp.palette().color(QPalette.ColorRole.WindowText) == QColor("#000000")
    assert "QPushButton" in qapp.styleSheet()
    assert charts.chart_style().mode == "contrast"

    theme.apply_theme(qapp, "light")
    assert qapp.styleSheet() == ""
    assert charts.chart_style().mode == "light"
    with pytest.raises(ValueError):
        theme.apply_theme(qapp, "sepia")
    look.restore(("system", 1.0, 1.0, 1.0, 1.0, None))
    assert qapp.palette() == before


def test_step_zoom_walks_the_steps_within_bounds():
    assert theme.step_zoom(1.0, 1) == 1.1
    assert theme.step_zoom(1.0, -1) == 0.9
    assert theme.step_zoom(1.3, 1) == 1.5
    assert theme.step_zoom(theme.ZOOM_STEPS[-1], 1) == theme.ZOOM_STEPS[-1]
    assert theme.step_zoom(theme.ZOOM_STEPS[0], -1) == theme.ZOOM_STEPS[0]
    assert theme.step_zoom(2.25, 0) == 1.0


def _zoom_window(qtbot, tmp_path):
    window = QMainWindow()
    window.settings = Settings(path=tmp_path / "settings.ini")
    chart = ChartCanvas(window, name="Test chart")
    window.setCentralWidget(chart)
    qtbot.addWidget(window)
    window.resize(640, 480)
    window.show()
    qtbot.waitExposed(window)
    return window, chart


def test_zoom_changes_font_chart_resolution_and_is_saved(qapp, qtbot, tmp_path, look):
    window, chart = _zoom_window(qtbot, tmp_path)
    menu = QMenu(window)
    controller = theme.install_zoom(window, menu)
    assert controller.zoom_in_action in menu.actions()
    base = qapp.font().pointSizeF()
    ratio = chart.canvas.device_pixel_ratio
    assert chart.figure.dpi == pytest.approx(100 * ratio)
    resized = []
    chart.canvas.mpl_connect("resize_event", lambda _e: resized.append(chart.figure.dpi))

    controller.zoom_in_action.trigger()
    controller.zoom_in_action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.25, abs=0.01)
    qapp.processEvents()  # the font reaches widgets partly through posted events
    assert window.font().pointSizeF() == pytest.approx(base * 1.25, abs=0.01)
    assert chart.figure.dpi == pytest.approx(125 * ratio)
    assert resized and resized[-1] == pytest.approx(125 * ratio)  # owners re-lay out
    # the figure still fills the widget
    assert chart.figure.bbox.width == pytest.approx(chart.canvas.width() * ratio, abs=1)
    assert Settings(path=tmp_path / "settings.ini").zoom == pytest.approx(1.25)

    controller.zoom_out_action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.1, abs=0.01)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert chart.figure.dpi == pytest.approx(100 * ratio)
    assert Settings(path=tmp_path / "settings.ini").zoom == 1.0


def test_saved_zoom_is_applied_when_installed(qapp, qtbot, tmp_path, look):
    Settings(path=tmp_path / "settings.ini").zoom = 1.5
    window, chart = _zoom_window(qtbot, tmp_path)
    base = qapp.font().pointSizeF()
    theme.install_zoom(window)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.01)
    assert chart.figure.dpi == pytest.approx(150 * chart.canvas.device_pixel_ratio)


def test_dark_style_turns_greys_over_and_keeps_okabe_ito():
    dark = ChartStyle(mode="dark", background="#1E1E1E", foreground="#EDEDED")
    assert adapt_colour((0, 0, 0, 1), dark, "text") == pytest.approx(
        (0.929, 0.929, 0.929, 1), abs=0.01
    )
    assert adapt_colour((1, 1, 1, 1), dark, "fill") == pytest.approx(
        (0.118, 0.118, 0.118, 1), abs=0.01
    )
    blue = QColor(charts.OKABE_ITO[0])
    rgba = (blue.redF(), blue.greenF(), blue.blueF(), 1.0)
    assert adapt_colour(rgba, dark, "fill") == rgba
    pale = adapt_colour((0.96, 0.83, 0.75, 1), dark, "fill")  # a pale orange tint
    assert sum(pale[:3]) / 3 < 0.4
    contrast = ChartStyle(mode="contrast")
    assert adapt_colour((0.4, 0.4, 0.4, 1), contrast, "text") == (0, 0, 0, 1)
    assert adapt_colour((0.8, 0.8, 0.8, 1), contrast, "line")[0] == pytest.approx(0.6)


def test_chart_is_reinked_as_drawn_and_restored(qtbot, look):
    from matplotlib.colors import to_hex

    chart = ChartCanvas(name="Ink")
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    ax = chart.figure.add_subplot(111)
    (line,) = ax.plot([0, 1], [0, 1], color="#000000", linewidth=2.0)
    ax.bar([0.5], [0.8], width=0.6, color=charts.OKABE_ITO[1])
    on_fill = ax.text(0.5, 0.4, "on orange", color="#000000", ha="center")
    loose = ax.text(0.05, 0.9, "on paper", color="#333333")
    title = chart.figure.suptitle("Title", color="#111111")

    charts.set_chart_style(ChartStyle(mode="dark", background="#1E1E1E", foreground="#EDEDED"))
    chart.canvas.draw()
    assert to_hex(chart.figure.patch.get_facecolor()) == "#1e1e1e"
    assert QColor(to_hex(title.get_color())).lightnessF() > 0.8
    assert QColor(to_hex(loose.get_color())).lightnessF() > 0.6
    assert QColor(to_hex(line.get_color())).lightnessF() > 0.8
    assert to_hex(on_fill.get_color()) == "#000000"  # drawn on an Okabe–Ito fill: kept

    charts.set_chart_style(ChartStyle(line_scale=2.0))
    chart.canvas.draw()
    assert to_hex(title.get_color()) == "#111111"
    assert to_hex(loose.get_color()) == "#333333"
    assert to_hex(chart.figure.patch.get_facecolor()) == "#ffffff"
    assert line.get_linewidth() == pytest.approx(4.0)

    charts.set_chart_style(charts.PLAIN)
    chart.canvas.draw()
    assert line.get_linewidth() == pytest.approx(2.0)
    # a colour the chart's code sets after re-inking is taken as the new original
    charts.set_chart_style(ChartStyle(mode="contrast"))
    chart.canvas.draw()
    loose.set_color("#0072B2")
    chart.canvas.draw()
    assert to_hex(loose.get_color()) == "#0072b2"


def test_export_is_drawn_on_white_in_a_dark_theme(qtbot, tmp_path, look):
    chart = ChartCanvas(name="Export")
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    chart.show()
    ax = chart.figure.add_subplot(111)
    ax.plot([0, 1], [1, 0])
    charts.set_chart_style(ChartStyle(mode="dark", background="#1E1E1E", foreground="#EDEDED"))
    chart.canvas.draw()
    out = tmp_path / "chart.png"
    chart.save(str(out))
    image = QImage(str(out))
    assert image.pixelColor(2, 2) == QColor("#FFFFFF")
    assert chart.figure.patch.get_facecolor()[0] < 0.2  # the screen stays dark


def test_hidden_chart_restyles_when_shown(qtbot, look, qapp):
    chart = ChartCanvas(name="Hidden")
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    charts.set_chart_style(ChartStyle(dpi_scale=2.0))
    assert chart.figure.dpi == pytest.approx(100)  # not on screen: nothing done yet
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.figure.dpi == pytest.approx(200 * chart.canvas.device_pixel_ratio)
    assert chart in charts.live_charts()
