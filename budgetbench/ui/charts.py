"""matplotlib on a Qt canvas, the same way for every chart: Okabe–Ito colours, titles that state
the point, money on the axes, export to PNG/SVG and copy to the clipboard.

matplotlib is imported when the first chart is made, not when the window opens (start-up
stays fast). PySide6 is imported before matplotlib's Qt backend, so matplotlib binds to it.
"""

from __future__ import annotations

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
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure: Figure = Figure(figsize=(8, 5), dpi=100, layout="constrained")
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

    def set_description(self, text: str) -> None:
        self.setAccessibleDescription(text)
        self.canvas.setAccessibleDescription(text)
        self.setToolTip(text)

    def draw(self) -> None:
        self.canvas.draw()

    def save(self, path: str) -> None:
        """Write the chart as PNG or SVG (by the file's extension), at print resolution."""
        self.figure.savefig(path, dpi=200 if not path.lower().endswith(".svg") else "figure")

    def export_dialog(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart"),
            f"{self._name}.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.save(path)
        return path or None

    def copy_to_clipboard(self) -> None:
        QApplication.clipboard().setImage(self.canvas.grab().toImage())
