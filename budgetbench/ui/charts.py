"""matplotlib on a Qt canvas, the same way for every chart: Okabe–Ito colours, titles that state
the point, money on the axes, export to PNG/SVG and copy to the clipboard.

matplotlib is imported when the first chart is made, not when the window opens (start-up
stays fast). PySide6 is imported before matplotlib's Qt backend, so matplotlib binds to it.

Charts are drawn as if on white paper; the interface's theme re-inks them as they are drawn
(:class:`ChartStyle`, :func:`set_chart_style`). On a dark theme the greys are turned over
(black text becomes light, a white background dark, a pale grid stays faint) and pale tints are
darkened, while the Okabe–Ito colours, and text drawn on top of them, keep their colours. The
high-contrast theme makes grey text black and grey lines darker. The same style scales every
chart's resolution (zoom, presenter type) and the width of its lines (presenter mode).
Exported files are always drawn on white, for handouts.
"""

from __future__ import annotations

import colorsys
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QSizePolicy, QVBoxLayout, QWidget

from budgetbench.core.format import short_money

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Okabe & Ito (2008) colour-blind-safe palette. Yellow washes out on projectors: last.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#F0E442",  # yellow
)
#: One accent per direction, everywhere: money coming in, money going out.
REVENUE_COLOUR = "#009E73"
EXPENSE_COLOUR = "#0072B2"
TRANSFER_COLOUR = "#CC79A7"
BALANCE_COLOUR = "#999999"

#: The file type an export is offered as first (the name is the chart's).
PNG_SUFFIX = ".png"
#: Resolution of a chart at zoom 100% (matplotlib's points are 1/72 inch at this many dots).
BASE_DPI = 100.0
#: A colour whose channels differ by less than this is a grey (re-inked by a theme).
GREY_CHROMA = 0.08
#: A coloured fill lighter than this (HLS lightness) is a pale tint (darkened on dark themes).
PALE_LIGHTNESS = 0.82


@dataclass(frozen=True)
class ChartStyle:
    """How charts look under the current theme and zoom.

    ``mode`` is ``"light"`` (drawn as designed), ``"dark"`` (greys turned over between
    ``background`` and ``foreground``) or ``"contrast"`` (grey text black, grey lines darker).
    ``dpi_scale`` multiplies :data:`BASE_DPI` (type and lines grow with it); ``line_scale``
    multiplies the width of plotted lines.
    """

    mode: str = "light"
    background: str = "#FFFFFF"
    foreground: str = "#000000"
    dpi_scale: float = 1.0
    line_scale: float = 1.0

    @property
    def dpi(self) -> float:
        return BASE_DPI * self.dpi_scale

    @property
    def is_plain(self) -> bool:
        """Nothing to re-ink: the chart is drawn exactly as its code says."""
        return self.mode == "light" and self.line_scale == 1.0


PLAIN = ChartStyle()
_style = PLAIN
_canvases: weakref.WeakSet = weakref.WeakSet()


def chart_style() -> ChartStyle:
    return _style


def set_chart_style(style: ChartStyle) -> None:
    """Use ``style`` for every chart; charts on screen are rescaled and redrawn now."""
    global _style
    if style == _style:
        return
    _style = style
    for canvas in list(_canvases):
        try:
            canvas.restyle()
        except RuntimeError:  # its Qt widget is already gone
            _canvases.discard(canvas)


def live_charts() -> list[ChartCanvas]:
    """Every chart widget that exists now (for tests and for redrawing after a change)."""
    return list(_canvases)


def _hex_rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


def adapt_colour(rgba, style: ChartStyle, role: str):
    """The colour ``rgba`` (four floats) as ``style`` shows it. ``role`` is ``"text"``,
    ``"line"`` or ``"fill"``. Colours that are neither grey nor pale are never changed."""
    r, g, b, a = (float(v) for v in rgba)
    if style.mode == "light":
        return (r, g, b, a)
    chroma = max(r, g, b) - min(r, g, b)
    if style.mode == "contrast":
        if chroma >= GREY_CHROMA:
            return (r, g, b, a)
        if role == "text":
            return (0.0, 0.0, 0.0, a)
        if role == "line":
            return (r * 0.75, g * 0.75, b * 0.75, a)
        return (r, g, b, a)
    # dark: turn greys over, between the chart's foreground (for black) and background (white)
    fg, bg = _hex_rgb(style.foreground), _hex_rgb(style.background)
    if chroma < GREY_CHROMA:
        v = (r + g + b) / 3.0
        return (*(f + v * (k - f) for f, k in zip(fg, bg, strict=True)), a)
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if light > PALE_LIGHTNESS:
        lo = sum(bg) / 3.0
        hi = sum(fg) / 3.0
        nr, ng, nb = colorsys.hls_to_rgb(hue, lo + (1.0 - light) * (hi - lo) * 1.6, sat * 0.6)
        return (nr, ng, nb, a)
    return (r, g, b, a)


def _same(a, b) -> bool:
    import numpy as np

    try:
        return bool(np.array_equal(np.asarray(a, dtype=float), np.asarray(b, dtype=float)))
    except (TypeError, ValueError):
        return a is b


def _original(artist, prop: str, current):
    """What the chart's code set ``prop`` to: remembered when it was first re-inked, and taken
    anew when the code has changed it since."""
    seen = artist.__dict__.get("_bb_ink", {}).get(prop)
    return seen[0] if seen is not None and _same(current, seen[1]) else current


def _reink(artist, prop: str, current, fresh) -> None:
    """Set ``prop`` of ``artist`` to ``fresh(original)``."""
    original = _original(artist, prop, current)
    value = fresh(original)
    if not _same(value, current):
        getattr(artist, f"set_{prop}")(value)
    artist.__dict__.setdefault("_bb_ink", {})[prop] = (original, value)


def _colours(style: ChartStyle, role: str):
    from matplotlib.colors import to_rgba, to_rgba_array

    def one(colour):
        if isinstance(colour, str) and colour in ("none", "auto", "face", "inherit"):
            return colour
        return adapt_colour(to_rgba(colour), style, role)

    def many(colours):
        arr = to_rgba_array(colours)
        if len(arr) == 0:
            return arr
        return [adapt_colour(row, style, role) for row in arr]

    return one, many


def _kept_colours(fig, style: ChartStyle) -> dict:
    """Per axes, the window boxes of coloured fills that keep their colour under ``style``:
    text placed on one of them was coloured for that fill and keeps its colour too."""
    from matplotlib.colors import to_rgba

    kept: dict = {}
    if style.mode != "dark":
        return kept
    for ax in fig.axes:
        boxes = []
        for patch in ax.patches:
            face = to_rgba(_original(patch, "facecolor", patch.get_facecolor()))
            if face[3] < 0.5 or adapt_colour(face, style, "fill") != tuple(face):
                continue
            boxes.append((patch, patch.get_window_extent()))
        kept[ax] = boxes
    return kept


def _on_kept_fill(text, kept: dict) -> bool:
    boxes = kept.get(text.axes)
    if not boxes:
        return False
    x, y = text.get_transform().transform(text.get_unitless_position())
    for patch, box in boxes:
        if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 and patch.contains_point((x, y)):
            return True
    return False


def reink_figure(fig, style: ChartStyle | None = None) -> None:
    """Apply ``style`` (the current one by default) to every artist of ``fig``, undoing what
    an earlier style did first. Cheap when nothing needs re-inking."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    style = style or _style
    if style.is_plain and not fig.__dict__.get("_bb_inked", False):
        return
    fig._bb_inked = not style.is_plain
    text_one, _ = _colours(style, "text")
    line_one, line_many = _colours(style, "line")
    fill_one, fill_many = _colours(style, "fill")
    kept = _kept_colours(fig, style)
    grid = {  # grid lines keep their width; ticks not made yet are not made here
        id(tick.gridline)
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for ticks in (axis.__dict__.get("majorTicks", ()), axis.__dict__.get("minorTicks", ()))
        for tick in ticks
    }
    scale = style.line_scale
    for artist in fig.findobj(include_self=False):
        if isinstance(artist, Text):
            if kept and _on_kept_fill(artist, kept):
                _reink(artist, "color", artist.get_color(), lambda c: c)
            else:
                _reink(artist, "color", artist.get_color(), text_one)
            box = artist.get_bbox_patch()
            if box is not None:
                _reink(box, "facecolor", box.get_facecolor(), fill_one)
                _reink(box, "edgecolor", box.get_edgecolor(), line_one)
        elif isinstance(artist, Line2D):
            _reink(artist, "color", artist.get_color(), line_one)
            _reink(artist, "markeredgecolor", artist.get_markeredgecolor(), line_one)
            _reink(artist, "markerfacecolor", artist.get_markerfacecolor(), fill_one)
            if id(artist) not in grid:
                _reink(artist, "linewidth", artist.get_linewidth(), lambda w: w * scale)
        elif isinstance(artist, Patch):
            _reink(artist, "facecolor", artist.get_facecolor(), fill_one)
            _reink(artist, "edgecolor", artist.get_edgecolor(), line_one)
        elif isinstance(artist, Collection):
            _reink(artist, "facecolor", artist.get_facecolor(), fill_many)
            _reink(artist, "edgecolor", artist.get_edgecolor(), line_many)
    _reink(fig.patch, "facecolor", fig.patch.get_facecolor(), fill_one)


_figure_class = None


def _themed_figure_class():
    """A matplotlib Figure that re-inks itself in the current chart style as it draws."""
    global _figure_class
    if _figure_class is None:
        from matplotlib.figure import Figure

        class ThemedFigure(Figure):
            #: a style to draw in instead of the current one (exports draw on white)
            style_override: ChartStyle | None = None

            def draw(self, renderer):
                reink_figure(self, self.style_override)
                super().draw(renderer)

        _figure_class = ThemedFigure
    return _figure_class


def money_axis(ax: Axes, axis: str = "y") -> None:
    """Label an axis in short money: $1.2M, $845K."""
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda v, _pos: short_money(v))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


class ChartCanvas(QWidget):
    """A matplotlib figure in a widget, with Export and Copy actions (and their shortcuts).

    Subclasses or owners draw on :attr:`figure` and call :meth:`draw`. ``description`` is read
    to screen readers: say what the chart shows, in words.
    """

    def __init__(self, parent: QWidget | None = None, name: str = "Chart") -> None:
        super().__init__(parent)
        import matplotlib

        matplotlib.use("QtAgg", force=False)
        from cycler import cycler
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        matplotlib.rcParams["axes.prop_cycle"] = cycler(color=list(OKABE_ITO))
        figure_class = _themed_figure_class()
        self.figure: Figure = figure_class(figsize=(8, 5), dpi=_style.dpi, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.setAccessibleName(name)
        self.canvas.setAccessibleName(name)
        self._name = name

        self.export_action = QAction(self.tr("Export Chart…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(self.export_dialog)
        self.copy_action = QAction(self.tr("Copy Chart"), self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        for action in (self.export_action, self.copy_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._restyle_pending = False
        _canvases.add(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._restyle_pending:
            self.restyle()

    def restyle(self) -> None:
        """Follow the current :func:`chart_style`: a new resolution resizes the figure (its
        owner's ``resize_event`` handlers run, as after a resize), and the chart is redrawn.
        A chart not on screen does this when it is next shown."""
        from matplotlib.backend_bases import ResizeEvent

        if not self.isVisible():
            self._restyle_pending = True
            return
        self._restyle_pending = False
        fig, canvas = self.figure, self.canvas
        dpi = _style.dpi
        if getattr(fig, "_original_dpi", None) != dpi:
            fig._original_dpi = dpi
            ratio = canvas.device_pixel_ratio or 1.0
            fig._set_dpi(dpi * ratio, forward=False)
            w, h = canvas.width() * ratio, canvas.height() * ratio
            if w > 0 and h > 0:
                fig.set_size_inches(w / fig.dpi, h / fig.dpi, forward=False)
            ResizeEvent("resize_event", canvas)._process()
        canvas.draw_idle()

    def set_description(self, text: str) -> None:
        self.setAccessibleDescription(text)
        self.canvas.setAccessibleDescription(text)
        self.setToolTip(text)

    def draw(self) -> None:
        self.canvas.draw()

    def save(self, path: str) -> None:
        """Write the chart as PNG or SVG (by the file's extension), at print resolution, on
        white whatever the theme (exports go into handouts)."""
        fig = self.figure
        fig.style_override = PLAIN
        try:
            fig.savefig(
                path,
                dpi=200 if not path.lower().endswith(".svg") else "figure",
                facecolor="#FFFFFF",
            )
        finally:
            fig.style_override = None
            self.canvas.draw_idle()

    def export_dialog(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart"),
            self._name + PNG_SUFFIX,
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.save(path)
        return path or None

    def copy_to_clipboard(self) -> None:
        QApplication.clipboard().setImage(self.canvas.grab().toImage())
