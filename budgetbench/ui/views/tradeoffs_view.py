"""The Tradeoffs view: what does a tax measure raise, a recession take, and what has to give?

The loaded budget's General Fund is forecast five to ten years ahead by
:mod:`budgetbench.core.forecast`. A side panel holds the choices, one tab each: the levers (a
slider of ± % per department with the dollar change and the same change in a unit the room
understands, "−$1.4M ≈ 1 library branch open 7 days"; the revenue streams with their driver
assumptions; growth assumptions; the use of one-time money), a tax measure calculator (yield,
cost per household, the vote it needs, real measures to compare with), a recession picker and
the pension path saved in the Pensions view. Beside it: the gap between ongoing revenue and
ongoing spending year by year, the reserve against GFOA's two months of spending, two saved
scenarios side by side, and a balance meter (drawn here) that says in words whether the chosen
year balances within the tolerance.

Scenarios are named sets of choices saved in ``budget.meta["forecast_scenarios"]`` as the
engine's plain dicts (so the session file keeps them).

The forecast's numbers all come from the engine; the view only proposes starting inputs for
the calculator (the taxable sales behind this budget's sales tax, say). numpy, pandas and
matplotlib load when the view is first given a budget, not when the window opens. A lever
change recomputes once per :data:`THROTTLE_MS`, and the visible chart is redrawn by painting
its moving parts over a saved background rather than rebuilding the figure.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import math
import re
import textwrap
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.format import format_money, short_money, spoken_money
from budgetbench.ui import i18n
from budgetbench.ui.charts import EXPENSE_COLOUR, OKABE_ITO, REVENUE_COLOUR, ChartCanvas, money_axis
from budgetbench.ui.views.pensions_view import Lever
from budgetbench.ui.widgets import Card

if TYPE_CHECKING:  # numpy/pandas-backed: loaded on first use, not at start-up
    from budgetbench.core.budget import Budget
    from budgetbench.core.forecast import BaseYear, Comparison, Forecast, Meter, Scenario
    from budgetbench.core.revenue import Measure, Recession

#: Recompute at most this often while a lever is dragged (single-shot timer).
THROTTLE_MS = 35
#: Redraw this long after the last resize.
RESIZE_DELAY_MS = 80
#: Where saved scenarios live in ``Budget.meta`` (plain dicts, saved with the session).
META_KEY = "forecast_scenarios"
#: Where the Pensions view keeps its scenarios.
PENSION_META_KEY = "pension_scenarios"
#: Department levers run from −LEVER_RANGE % to +LEVER_RANGE % in LEVER_STEP % steps.
LEVER_RANGE = 25.0
LEVER_STEP = 0.5
#: Years a forecast may run (the engine allows 1..10; a room looks 5 to 10 ahead).
MIN_YEARS, MAX_YEARS = 5, 10
#: California's local sales tax (Bradley-Burns) is 1% of taxable sales: a city's sales tax
#: revenue ÷ 1% estimates the taxable sales a district add-on would apply to.
LOCAL_SALES_RATE = 0.01
#: Used only to guess households when the file gives no population: taxable sales a year per
#: resident (a rough California figure) and people per household.
SALES_PER_RESIDENT = 22_000.0
PEOPLE_PER_HOUSEHOLD = 2.8

TITLE_PT = 15.0
SUBTITLE_PT = 11.0
LABEL_PT = 12.0
TICK_PT = 11.0
LEGEND_PT = 10.5
VALUE_PT = 10.5
LINE_W = 2.8

BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE = OKABE_ITO[:6]
GREY = "#777777"
DEFICIT_FILL = "#F6D3BF"
SURPLUS_FILL = "#CDEBDF"
FLAG_BG = "#FFF1D0"
FLAG_BORDER = "#E69F00"

CHARTS = ("gap", "reserve", "compare")
#: Data of the menu items that are not a saved scenario or a preset.
NOW_KEY = "now"
CUSTOM_KEY = "custom"

#: Measure kinds offered by the calculator.
MEASURE_KINDS: tuple[tuple[str, str], ...] = (
    ("sales_tax_addon", QT_TRANSLATE_NOOP("TradeoffsView", "Sales tax add-on")),
    ("parcel_tax", QT_TRANSLATE_NOOP("TradeoffsView", "Parcel tax")),
    ("transfer_tax", QT_TRANSLATE_NOOP("TradeoffsView", "Property transfer tax tiers")),
    ("tot_rate", QT_TRANSLATE_NOOP("TradeoffsView", "Hotel tax (TOT) rate change")),
)
SALES_RATES: tuple[tuple[float, str], ...] = (
    (0.00125, QT_TRANSLATE_NOOP("TradeoffsView", "⅛ cent (0.125%)")),
    (0.0025, QT_TRANSLATE_NOOP("TradeoffsView", "¼ cent (0.25%)")),
    (0.005, QT_TRANSLATE_NOOP("TradeoffsView", "½ cent (0.5%)")),
    (0.01, QT_TRANSLATE_NOOP("TradeoffsView", "1 cent (1%)")),
)
#: Revenue kinds a recession can shock, and the property market (row "market").
SHOCK_ROWS: tuple[tuple[str, str], ...] = (
    ("sales", QT_TRANSLATE_NOOP("TradeoffsView", "Sales tax")),
    ("tot", QT_TRANSLATE_NOOP("TradeoffsView", "Hotel tax (TOT)")),
    ("business", QT_TRANSLATE_NOOP("TradeoffsView", "Business tax")),
    ("uut", QT_TRANSLATE_NOOP("TradeoffsView", "Utility users tax")),
    ("transfer_tax", QT_TRANSLATE_NOOP("TradeoffsView", "Property transfer tax")),
    ("franchise", QT_TRANSLATE_NOOP("TradeoffsView", "Franchise fees")),
    ("taxes", QT_TRANSLATE_NOOP("TradeoffsView", "Other taxes")),
    ("other", QT_TRANSLATE_NOOP("TradeoffsView", "Fees, charges, grants")),
    ("market", QT_TRANSLATE_NOOP("TradeoffsView", "Home values")),
)
SHOCK_YEARS = 3
RECOVERY_SHAPES: tuple[tuple[str, str], ...] = (
    ("linear", QT_TRANSLATE_NOOP("TradeoffsView", "Evenly, over the recovery years")),
    ("v", QT_TRANSLATE_NOOP("TradeoffsView", "V: straight back the next year")),
    ("u", QT_TRANSLATE_NOOP("TradeoffsView", "U: a year at the bottom, then evenly")),
    ("l", QT_TRANSLATE_NOOP("TradeoffsView", "L: never comes back")),
)
REVENUE_KIND_ORDER = (
    "property",
    "sales",
    "tot",
    "business",
    "uut",
    "transfer_tax",
    "parcel",
    "franchise",
    "taxes",
    "other",
    "transfer_in",
    "one_time",
)


# ---- small widgets -------------------------------------------------------------------------
class _Collapsible(QWidget):
    """A heading button that shows and hides what is under it (keyboard: Space)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(title)
        font = self.button.font()
        font.setBold(True)
        self.button.setFont(font)
        self.body = body
        body.setParent(self)
        body.setVisible(False)
        self.button.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(body)

    def _toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)

    def set_open(self, on: bool) -> None:
        self.button.setChecked(on)


class BalanceMeter(QWidget):
    """A Citizen-Budget-style balance meter: a horizontal scale from "short" to "to spare",
    the tolerance band in the middle, a needle at the chosen year's ongoing balance, and the
    verdict in words above it ("Short $2.8M in FY2027"). Colour is never the only cue: a
    tick or a cross, hatching for a shortfall, and the words say it too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceMeter")
        self.setAccessibleName(self.tr("Balance meter"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._meter: Meter | None = None
        self._headline = ""
        self._one_time = False

    def text(self) -> str:
        """The verdict as shown: "Short $2.8M in FY2027", "Balanced within $490K in FY2027"."""
        return self._headline

    @property
    def meter(self) -> Meter | None:
        return self._meter

    def set_meter(self, meter: Meter | None, headline: str, description: str) -> None:
        self._meter = meter
        self._headline = headline
        self._one_time = bool(meter is not None and meter.one_time_for_ongoing)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def _big_font(self, width: float | None = None) -> QFont:
        """The verdict's type: 1.6 times the widget's, smaller if the words would not fit."""
        font = QFont(self.font())
        font.setBold(True)
        for factor in (1.6, 1.4, 1.2, 1.0):
            font.setPointSizeF(self.font().pointSizeF() * factor)
            if (
                width is None
                or QFontMetricsF(font, self).horizontalAdvance(self._headline) <= width
            ):
                break
        return font

    def sizeHint(self) -> QSize:
        big = self.fontMetrics().height() * 1.6
        return QSize(420, int(big + self.fontMetrics().height() * 4.2 + 14))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        del event
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = self.palette().color(QPalette.ColorRole.WindowText)
        fm = self.fontMetrics()
        r = QRectF(self.rect()).adjusted(4, 3, -4, -3)
        line_h = _line_height(self._big_font(), self)
        big = self._big_font(r.width() - line_h - 8)
        m = self._meter
        # Verdict: a badge (tick or cross) and the words.
        badge = QRectF(r.left(), r.top() + 2, line_h - 4, line_h - 4)
        if m is None:
            p.setFont(big)
            p.setPen(fg)
            p.drawText(r.adjusted(0, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, self._headline)
            p.end()
            return
        ok = m.balanced
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(GREEN if ok else VERMILLION))
        p.drawRoundedRect(badge, 4, 4)
        p.setPen(QPen(QColor("#FFFFFF"), max(2.0, badge.width() / 8)))
        if ok:
            p.drawPolyline(
                QPolygonF(
                    [
                        QPointF(badge.left() + badge.width() * 0.22, badge.center().y()),
                        QPointF(badge.left() + badge.width() * 0.42, badge.bottom() - 5),
                        QPointF(badge.right() - badge.width() * 0.2, badge.top() + 5),
                    ]
                )
            )
        else:
            k = badge.width() * 0.27
            p.drawLine(badge.topLeft() + QPointF(k, k), badge.bottomRight() - QPointF(k, k))
            p.drawLine(
                QPointF(badge.right() - k, badge.top() + k),
                QPointF(badge.left() + k, badge.bottom() - k),
            )
        p.setFont(big)
        p.setPen(fg)
        text_rect = QRectF(badge.right() + 8, r.top(), r.width() - badge.width() - 8, line_h)
        p.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            _elide(big, self, self._headline, text_rect.width()),
        )
        # The scale.
        p.setFont(self.font())
        top = r.top() + line_h + 6
        bar_h = max(fm.height() * 1.7, 22.0)
        bar = QRectF(r.left(), top, r.width(), bar_h)
        mid = bar.center().x()
        half = bar.width() / 2
        scale = m.scale if m.scale > 0 else 1.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(DEFICIT_FILL))
        p.drawRect(QRectF(bar.left(), bar.top(), half, bar_h))
        p.setBrush(QColor(SURPLUS_FILL))
        p.drawRect(QRectF(mid, bar.top(), half, bar_h))
        tol_w = min(half, half * m.tolerance / scale)
        band = QRectF(mid - tol_w, bar.top(), 2 * tol_w, bar_h)
        p.setBrush(QColor(GREEN).lighter(135))
        p.drawRect(band)
        # From zero to the needle: how far off, hatched when short.
        x = mid + half * max(-1.0, min(1.0, m.fraction))
        fill = QRectF(min(x, mid), bar.top() + bar_h * 0.25, abs(x - mid), bar_h * 0.5)
        if fill.width() > 0.5:
            colour = QColor(VERMILLION if m.position < -m.tolerance else GREEN)
            p.setBrush(colour)
            p.drawRect(fill)
            if m.position < -m.tolerance:
                p.setBrush(QBrush(QColor("#FFFFFF"), Qt.BrushStyle.BDiagPattern))
                p.drawRect(fill)
        p.setPen(QPen(fg, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(bar)
        p.drawLine(QPointF(mid, bar.top()), QPointF(mid, bar.bottom()))
        # Needle.
        p.setPen(QPen(fg, 3))
        p.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        tri = 7.0
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(x - tri, bar.top() - 3 - tri),
                    QPointF(x + tri, bar.top() - 3 - tri),
                    QPointF(x, bar.top() - 2),
                ]
            )
        )
        # Scale labels.
        p.setPen(fg)
        p.setFont(self.font())
        label_rect = QRectF(r.left(), bar.bottom() + 3, r.width(), fm.height() + 2)
        left = _sub(self.tr("◀ short %1"), short_money(scale))
        right = _sub(self.tr("%1 to spare ▶"), short_money(scale))
        centre = _sub(self.tr("balanced ±%1"), short_money(m.tolerance))
        widths = [fm.horizontalAdvance(t) for t in (left, right, centre)]
        if max(widths[0], widths[1]) * 2 + widths[2] + 24 > r.width():
            left, right = self.tr("◀ short"), self.tr("to spare ▶")  # no room for amounts
        p.drawText(label_rect, int(Qt.AlignmentFlag.AlignLeft), left)
        p.drawText(label_rect, int(Qt.AlignmentFlag.AlignRight), right)
        p.drawText(label_rect, int(Qt.AlignmentFlag.AlignHCenter), centre)
        if self._one_time:
            flag_rect = QRectF(r.left(), label_rect.bottom() + 1, r.width(), fm.height() + 2)
            font = QFont(self.font())
            font.setBold(True)
            p.setFont(font)
            p.drawText(
                flag_rect,
                int(Qt.AlignmentFlag.AlignHCenter),
                self.tr("⚠ This year leans on one-time money"),
            )
        p.end()


def _line_height(font: QFont, widget: QWidget) -> float:
    return QFontMetricsF(font, widget).height() + 2


def _elide(font: QFont, widget: QWidget, text: str, width: float) -> str:
    return QFontMetricsF(font, widget).elidedText(text, Qt.TextElideMode.ElideRight, width)


class _Combo(QComboBox):
    """A menu that can be narrower than its longest item (set before any size is asked)."""

    def __init__(self, parent: QWidget | None = None, chars: int = 8) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)


class _FitStack(QStackedWidget):
    """A stack as tall as the page it shows (not as its tallest page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


def _fit_table(table: QTableWidget, rows: int | None = None) -> None:
    """Make ``table`` exactly as tall as its rows (it sits in a scrolling page)."""
    n = table.rowCount() if rows is None else rows
    table.resizeRowsToContents()
    h = sum(table.rowHeight(r) for r in range(min(n, table.rowCount())))
    h += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    if table.horizontalScrollBar().isVisible():
        h += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(h)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)


class _ShortMoneySpin(QDoubleSpinBox):
    """Dollars shown and typed short: "±$490K", "±$14M" (``value()`` is in dollars); the
    arrows step by about a tenth of the amount."""

    def __init__(self, parent: QWidget | None = None, lead: str = "") -> None:
        super().__init__(parent)
        self._lead = lead
        self.setDecimals(0)
        self.setRange(0.0, 1e11)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def _strip(self, text: str) -> str:
        return text.replace(self._lead, "").replace("±", "").strip()

    def textFromValue(self, value: float) -> str:
        return self._lead + short_money(value)

    def valueFromText(self, text: str) -> float:
        return float(_parse_number(self._strip(text)) or 0.0)

    def validate(self, text: str, pos: int):
        t = self._strip(text)
        if _parse_number(t) is not None:
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())


class _MoneySpin(QDoubleSpinBox):
    """Dollars in millions: "$2,360.5M". ``dollars()`` / ``set_dollars()`` in dollars."""

    def __init__(self, parent: QWidget | None = None, top: float = 1e6) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(0.0, top)
        self.setPrefix("$")
        self.setSuffix("M")
        self.setGroupSeparatorShown(True)
        self.setKeyboardTracking(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def textFromValue(self, value: float) -> str:
        text = f"{value:,.2f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def dollars(self) -> float:
        return float(self.value()) * 1e6

    def set_dollars(self, value: float) -> None:
        self.setValue(float(value) / 1e6)


class _PctSpin(QDoubleSpinBox):
    """A percentage: the box shows 3.5%; ``fraction()`` is 0.035."""

    def __init__(self, lo: float, hi: float, step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(3)
        self.setRange(lo, hi)
        self.setSingleStep(step)
        self.setSuffix("%")
        self.setKeyboardTracking(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def textFromValue(self, value: float) -> str:
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    def fraction(self) -> float:
        return round(float(self.value()) / 100.0, 8)

    def set_fraction(self, value: float) -> None:
        self.setValue(float(value) * 100.0)


class UnitsDialog(QDialog):
    """What one unit of each department is, what it costs, and a lever in dollars a year.

    ``rows``: (department, unit name, unit cost, dollars a year). :meth:`values` returns the
    edited rows by department."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("UnitsDialog", "Department"),
        QT_TRANSLATE_NOOP("UnitsDialog", "One unit is…"),
        QT_TRANSLATE_NOOP("UnitsDialog", "Cost of one unit"),
        QT_TRANSLATE_NOOP("UnitsDialog", "Add (+) or cut (−) $ a year"),
    )

    def __init__(
        self,
        rows: list[tuple[str, str, float, float]],
        defaults: dict[str, tuple[str, float]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitsDialog")
        self.setWindowTitle(self.tr("Units and dollar levers"))
        self._defaults = defaults
        intro = QLabel(
            self.tr(
                "Say each change in something the room can picture: a unit and what one "
                "costs a year. The last column adds or cuts a fixed amount a year, on top of "
                "the percentage on the slider. Money can be typed as 1.4M or 1,400,000."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(self.COLUMNS), self)
        self.table.setObjectName("unitsTable")
        self.table.setAccessibleName(self.tr("Units and dollar levers by department"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("UnitsDialog", c) for c in self.COLUMNS]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        for i, (dept, name, cost, dollars) in enumerate(rows):
            item = QTableWidgetItem(dept)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, QTableWidgetItem(name))
            self.table.setItem(i, 2, _money_item(cost))
            self.table.setItem(i, 3, _money_item(dollars, signed=True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(
            self.tr("Default units")
        )
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def restore_defaults(self) -> None:
        for i in range(self.table.rowCount()):
            dept = self.table.item(i, 0).text()
            name, cost = self._defaults.get(dept, ("", 0.0))
            self.table.item(i, 1).setText(name)
            self.table.item(i, 2).setText(format_money(cost))

    def values(self) -> dict[str, tuple[str, float, float]]:
        out = {}
        for i in range(self.table.rowCount()):
            dept = self.table.item(i, 0).text()
            name = self.table.item(i, 1).text().strip()
            cost = _parse_money(self.table.item(i, 2).text())
            dollars = _parse_money(self.table.item(i, 3).text())
            d_name, d_cost = self._defaults.get(dept, ("", 0.0))
            out[dept] = (
                name or d_name,
                cost if cost is not None and cost > 0 else d_cost,
                dollars or 0.0,
            )
        return out


class _DeptLever(QWidget):
    """A department's lever: its name and base, a ± % slider, and the change said in dollars
    and in the department's unit."""

    def __init__(self, dept: str, base: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dept = dept
        self.base = base
        self.setObjectName("deptLever")
        text = f"{dept.replace('&', '&&')} · {short_money(base)}"
        tip = self.tr(
            "Change %1's ongoing spending by a percentage, from the first forecast year on "
            "(base-year ongoing spending: %2)."
        )
        self.lever = Lever(
            text,
            _sub(tip, dept, format_money(base)),
            -LEVER_RANGE,
            LEVER_RANGE,
            LEVER_STEP,
            decimals=1,
            name="dept",
            parent=self,
        )
        self.lever.slider.setAccessibleName(_sub(self.tr("%1: change in spending"), dept))
        self.lever.spin.setAccessibleName(_sub(self.tr("%1: change in spending, %"), dept))
        self.change = QLabel(self)
        self.change.setObjectName("deptChange")
        self.change.setWordWrap(True)
        self.change.setTextFormat(Qt.TextFormat.PlainText)
        self.change.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.lever)
        layout.addWidget(self.change)

    def set_change(self, text: str, changed: bool) -> None:
        if self.change.text() != text:
            self.change.setText(text)
            self.change.setForegroundRole(
                QPalette.ColorRole.WindowText if changed else QPalette.ColorRole.PlaceholderText
            )
            self.lever.slider.setAccessibleDescription(text)


class _StreamRow(QWidget):
    """A revenue stream: its amount, the driver that moves it (editable), its growth and a
    ± % change (a fee increase, say)."""

    def __init__(self, stream: str, kind: str, amount: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.stream = stream
        self.default_kind = kind
        self.setObjectName("streamRow")
        title = QLabel(f"{stream} · {short_money(amount)}", self)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.kind = _Combo(self, 10)
        self.kind.setAccessibleName(_sub(self.tr("%1: how it moves"), stream))
        from budgetbench.core.revenue import kind_label

        for k in REVENUE_KIND_ORDER:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        self.growth = _PctSpin(-10.0, 20.0, 0.25, self)
        self.growth.setAccessibleName(_sub(self.tr("%1: growth a year"), stream))
        self.growth.setToolTip(self.tr("Growth a year in a normal economy"))
        self.change = _PctSpin(-50.0, 100.0, 1.0, self)
        self.change.setAccessibleName(_sub(self.tr("%1: raise or cut"), stream))
        self.change.setToolTip(
            self.tr("Raise or lower this stream from the first forecast year (a fee change)")
        )
        self.describe = QLabel(self)
        self.describe.setWordWrap(True)
        self.describe.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 6)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(1)
        grid.addWidget(title, 0, 0, 1, 4)
        grid.addWidget(self.kind, 1, 0, 1, 4)
        g_label = QLabel(self.tr("Grows a year"), self)
        g_label.setBuddy(self.growth)
        c_label = QLabel(self.tr("Raise or cut"), self)
        c_label.setBuddy(self.change)
        grid.addWidget(g_label, 2, 0)
        grid.addWidget(self.growth, 2, 1)
        grid.addWidget(c_label, 3, 0)
        grid.addWidget(self.change, 3, 1)
        grid.addWidget(self.describe, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.growth_field: str | None = None
        self.set_kind_defaults(kind)

    def set_kind_defaults(self, kind: str) -> None:
        """Show the default growth of ``kind``'s driver (or none when it has no single rate)."""
        from budgetbench.core.revenue import default_driver

        d = default_driver(kind, self.stream)
        field = "trend" if hasattr(d, "trend") else "rate" if hasattr(d, "rate") else None
        if type(d).__name__ == "TransientOccupancyTax":
            field = None  # its "rate" is the tax rate, not growth
        self.growth_field = field
        was = self.growth.blockSignals(True)
        self.growth.set_fraction(float(getattr(d, field)) if field else 0.0)
        self.growth.blockSignals(was)
        self.growth.setEnabled(field is not None)
        self._default_growth = self.growth.fraction()

    def override(self) -> Any:
        """What ``Scenario.revenue_kinds`` needs for this stream (None: the automatic mapping)."""
        kind = self.kind.currentData()
        g = self.growth.fraction()
        if self.growth_field and abs(g - self._default_growth) > 1e-12:
            from budgetbench.core.revenue import default_driver

            spec = default_driver(kind, self.stream).to_dict()
            spec[self.growth_field] = g
            spec.pop("base", None)
            return spec
        if kind != self.default_kind:
            return kind
        return None


# ---- the view ------------------------------------------------------------------------------
class TradeoffsView(QWidget):
    """What a tax measure raises, a recession takes, and what has to give.

    Signals ``scenarios_changed(dict)`` (the saved scenarios by name, as plain dicts) whenever
    one is saved or removed.
    """

    scenarios_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tradeoffsView")
        # US budget data: every number box shows and reads "1,400,000.5" in any language, as
        # the dollar amounts around it are written (the children inherit the locale).
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self._budget: Budget | None = None
        self._base: BaseYear | None = None
        self._fc: Forecast | None = None
        self._ready = False
        self._syncing = False
        self._levers: dict[str, _DeptLever] = {}
        self._streams: dict[str, _StreamRow] = {}
        self._units: dict[str, tuple[str, float]] = {}
        self._default_units: dict[str, tuple[str, float]] = {}
        self._dollars: dict[str, float] = {}
        self._measures: list[Measure] = []
        self._households_note = ""
        self._charts: dict[str, ChartCanvas] = {}
        self._art: dict[str, dict[str, Any]] = {}
        self._titles: dict[str, str] = dict.fromkeys(CHARTS, "")
        self._dirty: set[str] = set(CHARTS)
        self._comparison: Comparison | None = None
        self._compare_pair: tuple[Forecast, Forecast] | None = None
        self._saved_fc: dict[str, tuple[dict, Forecast]] = {}
        self._recession_source: Recession | None = None
        self.last_compute_ms = 0.0
        self.last_draw_ms = 0.0
        self.units_dialog: UnitsDialog | None = None
        self._syncing_calc = False
        self._sales_note = self._tot_note = self._parcel_note = self._transfer_note = ""
        self._scaled: list[tuple[QWidget, float, bool]] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self.recompute)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(lambda: self._redraw_visible(full=True))

        self._build()

    # --- building ---------------------------------------------------------------------------
    def _scale(self, widget: QWidget, factor: float, bold: bool = False) -> None:
        """Give ``widget`` type ``factor`` times the view's (kept in step when it changes)."""
        self._scaled.append((widget, factor, bold))
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * factor)
        font.setBold(bold)
        widget.setFont(font)

    def _heading(self, text: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(text, parent or self)
        self._scale(label, 1.1, bold=True)
        label.setWordWrap(True)
        return label

    def _note(self, parent: QWidget | None = None, name: str = "") -> QLabel:
        label = QLabel(parent or self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if name:
            label.setObjectName(name)
        return label

    def _fy(self, year: int | str) -> str:
        """A fiscal year as the interface writes it: "FY2027"."""
        return self.tr("FY%1").replace("%1", str(year))

    def _pct_spin(self, name: str, lo: float, hi: float, step: float, value: float) -> _PctSpin:
        spin = _PctSpin(lo, hi, step, self)
        spin.setObjectName(name)
        spin.setValue(value)
        spin.valueChanged.connect(self._changed)
        return spin

    def _build(self) -> None:
        self._stack = QStackedWidget(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("tradeoffsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._scale(self.empty_label, 1.4)
        self.empty_label.setMargin(24)
        self.empty_label.setText(self._empty_text())
        self.empty_label.setAccessibleName(self.tr("No budget open"))
        self._stack.addWidget(self.empty_label)
        self._main = QWidget(self)
        self._stack.addWidget(self._main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._build_top()
        self._build_levers()
        self._build_centre()
        self._build_side()

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self._main)
        self._splitter.setObjectName("tradeoffsSplitter")
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self.side_tabs)
        self._splitter.addWidget(self._centre)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        main = QVBoxLayout(self._main)
        main.setContentsMargins(4, 4, 4, 4)
        main.setSpacing(4)
        main.addLayout(self._top)
        main.addWidget(self._splitter, 1)
        self._update_metrics()
        self._set_tab_order()

    def _empty_text(self, reason: str = "") -> str:
        text = self.tr(
            "Open a budget (File ▸ Open…) to forecast its General Fund: next year and the next "
            "five, a tax measure, a recession, and what has to give."
        )
        return f"{reason}\n\n{text}" if reason else text

    def _build_top(self) -> None:
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("scenarioName")
        self.name_edit.setPlaceholderText(self.tr("Name this scenario"))
        self.name_edit.setAccessibleName(self.tr("Scenario name"))
        self.name_edit.returnPressed.connect(lambda: self.save_scenario())
        self.save_button = QPushButton(self.tr("&Save scenario"), self)
        self.save_button.setObjectName("saveScenario")
        self.save_button.setToolTip(self.tr("Keep these choices under the name typed on the left"))
        self.save_button.clicked.connect(lambda: self.save_scenario())
        self.saved_combo = QComboBox(self)
        self.saved_combo.setObjectName("savedScenarios")
        self.saved_combo.setAccessibleName(self.tr("Saved scenarios"))
        self.saved_combo.setMinimumContentsLength(6)
        self.saved_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        saved_label = QLabel(self.tr("Sa&ved:"), self)
        saved_label.setBuddy(self.saved_combo)
        self.load_button = QPushButton(self.tr("L&oad"), self)
        self.load_button.setObjectName("loadScenario")
        self.load_button.clicked.connect(
            lambda: self.load_scenario(self.saved_combo.currentData() or "")
        )
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteScenario")
        self.delete_button.clicked.connect(
            lambda: self.remove_scenario(self.saved_combo.currentData() or "")
        )
        self.years_spin = QSpinBox(self)
        self.years_spin.setObjectName("yearsSpin")
        self.years_spin.setRange(MIN_YEARS, MAX_YEARS)
        self.years_spin.setValue(5)
        self.years_spin.setSuffix(self.tr(" years"))
        self.years_spin.setAccessibleName(self.tr("Years to forecast"))
        self.years_spin.valueChanged.connect(self._years_changed)
        years_label = QLabel(self.tr("&Forecast:"), self)
        years_label.setBuddy(self.years_spin)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("meterYear")
        self.year_combo.setAccessibleName(self.tr("Year the balance meter shows"))
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        year_label = QLabel(self.tr("&Meter year:"), self)
        year_label.setBuddy(self.year_combo)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.name_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)
        top.addWidget(self.name_edit, 1)
        top.addWidget(self.save_button)
        top.addSpacing(6)
        top.addWidget(saved_label)
        top.addWidget(self.saved_combo, 1)
        top.addWidget(self.load_button)
        top.addWidget(self.delete_button)
        top.addSpacing(10)
        top.addWidget(years_label)
        top.addWidget(self.years_spin)
        top.addSpacing(6)
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        self._top = top

    def _build_levers(self) -> None:
        panel = QWidget(self)
        panel.setObjectName("tradeoffsLevers")
        form = QVBoxLayout(panel)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._heading(self.tr("What has to give: spending"), panel))
        intro = self._note(panel)
        intro.setText(
            self.tr(
                "Each department's ongoing spending, from the first forecast year. Drag a "
                "slider (Page Up/Down: 5 points)."
            )
        )
        form.addWidget(intro)
        buttons = QHBoxLayout()
        self.units_button = QPushButton(self.tr("&Units and $ levers…"), panel)
        self.units_button.setObjectName("unitsButton")
        self.units_button.setToolTip(
            self.tr("Edit what one unit of each department is and costs; add or cut dollars a year")
        )
        self.units_button.clicked.connect(self.open_units_dialog)
        self.reset_button = QPushButton(self.tr("Reset levers"), panel)
        self.reset_button.setObjectName("resetLevers")
        self.reset_button.clicked.connect(self.reset_levers)
        buttons.addWidget(self.units_button)
        buttons.addWidget(self.reset_button)
        form.addLayout(buttons)
        self._lever_box = QVBoxLayout()
        self._lever_box.setSpacing(2)
        form.addLayout(self._lever_box)

        # One-time money.
        line = QFrame(panel)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        form.addWidget(line)
        form.addWidget(self._heading(self.tr("One-time money"), panel))
        self.one_time_spin = _MoneySpin(panel, top=1e5)
        self.one_time_spin.setObjectName("oneTimeSpin")
        self.one_time_spin.setAccessibleName(self.tr("Reserves used each forecast year"))
        self.one_time_spin.setSingleStep(0.5)
        self.one_time_spin.valueChanged.connect(self._changed)
        one_label = QLabel(self.tr("Use reserves each year:"), panel)
        one_label.setBuddy(self.one_time_spin)
        row = QHBoxLayout()
        row.addWidget(one_label)
        row.addWidget(self.one_time_spin, 1)
        form.addLayout(row)
        one_note = self._note(panel)
        one_note.setText(
            self.tr(
                "Balances each year on paper, but the reserve pays and the gap stays: the meter "
                "flags one-time money paying ongoing costs."
            )
        )
        form.addWidget(one_note)

        # Revenue streams and their drivers (collapsible).
        streams = QWidget(panel)
        self._stream_box = QVBoxLayout(streams)
        self._stream_box.setContentsMargins(12, 0, 0, 0)
        self._stream_box.setSpacing(2)
        self.streams_section = _Collapsible(self.tr("Revenue and how it grows"), streams, panel)
        self.streams_section.setObjectName("streamsSection")
        form.addWidget(self.streams_section)

        # Growth assumptions (collapsible).
        growth = QWidget(panel)
        gform = _form(growth)
        gform.setContentsMargins(12, 0, 0, 0)
        gform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.economy_spin = self._pct_spin("economySpin", -5, 15, 0.25, 4.0)
        self.inflation_spin = self._pct_spin("inflationSpin", -2, 15, 0.25, 2.5)
        self.market_spin = self._pct_spin("marketSpin", -20, 20, 0.5, 4.0)
        self.salary_spin = self._pct_spin("salarySpin", -5, 15, 0.25, 3.0)
        self.health_spin = self._pct_spin("healthSpin", -5, 20, 0.25, 5.5)
        self.other_cost_spin = self._pct_spin("otherCostSpin", -5, 15, 0.25, 2.5)
        self.retirement_spin = self._pct_spin("retirementSpin", -5.25, 20, 0.25, -5.25)
        self.retirement_spin.setSpecialValueText(self.tr("as the file"))
        self.retirement_spin.setToolTip(self.tr("Lowest value: the trend of the file's own years"))
        self.reserve_spin = _MoneySpin(growth, top=1e6)
        self.reserve_spin.setObjectName("reserveSpin")
        self.reserve_spin.setMinimum(-0.01)
        self.reserve_spin.setSpecialValueText(self.tr("assumed"))
        self.reserve_spin.setToolTip(
            self.tr(
                "The General Fund reserve at the end of the budget year. Lowest value: the file's "
                "own figure, or GFOA's two months of spending when it gives none."
            )
        )
        self.reserve_spin.setValue(-0.01)
        self.reserve_spin.valueChanged.connect(self._changed)
        for text, w in (
            (self.tr("Local economy grows"), self.economy_spin),
            (self.tr("Prices rise"), self.inflation_spin),
            (self.tr("Home values change"), self.market_spin),
            (self.tr("Salaries grow"), self.salary_spin),
            (self.tr("Health costs grow"), self.health_spin),
            (self.tr("Pension costs grow"), self.retirement_spin),
            (self.tr("Other costs grow"), self.other_cost_spin),
            (self.tr("Reserve at the start"), self.reserve_spin),
        ):
            w.setAccessibleName(text)
            w.setParent(growth)
            gform.addRow(text, w)
        self.growth_section = _Collapsible(self.tr("Growth assumptions"), growth, panel)
        self.growth_section.setObjectName("growthSection")
        form.addWidget(self.growth_section)
        form.addStretch(1)

        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("tradeoffsLeversScroll")
        self._scroll.setWidget(panel)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._panel = panel

    def _build_centre(self) -> None:
        centre = QWidget(self)
        centre.setObjectName("tradeoffsCentre")
        self.cards = {
            k: Card(f"{k}Card", centre, value_scale=1.6)
            for k in ("base", "next", "last", "reserve")
        }
        cards = QGridLayout()
        cards.setSpacing(4)
        for i, key in enumerate(("base", "next", "last", "reserve")):
            cards.addWidget(self.cards[key], 0, i)
            cards.setColumnStretch(i, 1)
        self._cards_grid = cards

        self.tabs = QTabWidget(centre)
        self.tabs.setObjectName("tradeoffsTabs")
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QVBoxLayout] = {}
        names = {
            "gap": self.tr("&Gap, year by year"),
            "reserve": self.tr("Rese&rves"),
            "compare": self.tr("&Compare scenarios"),
        }
        for key in CHARTS:
            page = QWidget(self.tabs)
            page.setObjectName(f"{key}Page")
            holder = QVBoxLayout(page)
            holder.setContentsMargins(2, 2, 2, 2)
            self._pages[key] = page
            self._holders[key] = holder
            self.tabs.addTab(page, names[key])
        self._build_compare_controls()
        self.tabs.currentChanged.connect(lambda _i: self._redraw_visible())

        self.meter = BalanceMeter(centre)
        self.tolerance_spin = _ShortMoneySpin(centre, lead="±")
        self.tolerance_spin.setObjectName("toleranceSpin")
        self.tolerance_spin.setAccessibleName(self.tr("Tolerance: how close counts as balanced"))
        self.tolerance_spin.setToolTip(
            self.tr(
                "How far from balance still counts as balanced (Citizen Budget's maximum imbalance)"
            )
        )
        self.tolerance_spin.valueChanged.connect(self._changed)
        tol_label = QLabel(self.tr("Balanced &within"), centre)
        tol_label.setBuddy(self.tolerance_spin)
        self.meter_detail = self._note(centre, "meterDetail")
        self.one_time_flag = QLabel(centre)
        self.one_time_flag.setObjectName("oneTimeFlag")
        self.one_time_flag.setWordWrap(True)
        self.one_time_flag.setTextFormat(Qt.TextFormat.PlainText)
        self.one_time_flag.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.one_time_flag.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.one_time_flagged = False
        self._set_flag_style(False)
        self.status_label = self._note(centre, "tradeoffsStatus")
        for label in (self.status_label, self.meter_detail):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        meter_row = QHBoxLayout()
        meter_row.setSpacing(8)
        meter_row.addWidget(self.meter, 1)
        tol_box = QVBoxLayout()
        tol_box.addStretch(1)
        tol_box.addWidget(tol_label)
        tol_box.addWidget(self.tolerance_spin)
        tol_box.addStretch(1)
        meter_row.addLayout(tol_box)

        layout = QVBoxLayout(centre)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(meter_row)
        layout.addWidget(self.meter_detail)
        layout.addWidget(self.one_time_flag)
        layout.addWidget(self.status_label)
        self._centre = centre

    def _build_compare_controls(self) -> None:
        page = self._pages["compare"]
        self.compare_a = QComboBox(page)
        self.compare_a.setObjectName("compareA")
        self.compare_a.setAccessibleName(self.tr("First scenario to compare"))
        self.compare_b = QComboBox(page)
        self.compare_b.setObjectName("compareB")
        self.compare_b.setAccessibleName(self.tr("Second scenario to compare"))
        self.compare_year = QComboBox(page)
        self.compare_year.setObjectName("compareYear")
        self.compare_year.setAccessibleName(self.tr("Year the comparison table shows"))
        for combo in (self.compare_a, self.compare_b):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._compare_changed)
        self.compare_year.currentIndexChanged.connect(self._fill_compare_table)
        row = QHBoxLayout()
        a_label = QLabel(self.tr("A:"), page)
        a_label.setBuddy(self.compare_a)
        b_label = QLabel(self.tr("against &B:"), page)
        b_label.setBuddy(self.compare_b)
        y_label = QLabel(self.tr("in"), page)
        y_label.setBuddy(self.compare_year)
        row.addWidget(a_label)
        row.addWidget(self.compare_a, 1)
        row.addWidget(b_label)
        row.addWidget(self.compare_b, 1)
        row.addWidget(y_label)
        row.addWidget(self.compare_year)
        self.compare_text = QLabel(page)
        self.compare_text.setObjectName("compareText")
        self.compare_text.setWordWrap(True)
        self.compare_text.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.compare_text.setAccessibleName(self.tr("The difference, in words"))
        self.compare_table = QTableWidget(0, 4, page)
        self.compare_table.setObjectName("compareTable")
        self.compare_table.setAccessibleName(self.tr("The two scenarios side by side"))
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.compare_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self._compare_split = QSplitter(Qt.Orientation.Vertical, page)
        self._compare_split.setChildrenCollapsible(False)
        self.compare_tabs = QTabWidget(self._compare_split)
        self.compare_tabs.setObjectName("compareTabs")
        self.compare_tabs.setDocumentMode(True)
        words = QScrollArea(self.compare_tabs)
        words.setWidget(self.compare_text)
        words.setWidgetResizable(True)
        words.setFrameShape(QFrame.Shape.NoFrame)
        words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.compare_tabs.addTab(words, self.tr("In wor&ds"))
        self.compare_tabs.addTab(self.compare_table, self.tr("&Numbers side by side"))
        self.compare_tabs.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self._compare_lower = self.compare_tabs
        holder = self._holders["compare"]
        holder.addLayout(row)
        holder.addWidget(self._compare_split, 1)

    def _build_side(self) -> None:
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("tradeoffsSide")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.setUsesScrollButtons(True)
        self.side_tabs.addTab(self._scroll, self.tr("&Levers"))
        self.side_tabs.addTab(self._build_measure_page(), self.tr("&Taxes"))
        self.side_tabs.addTab(self._build_recession_page(), self.tr("Rec&ession"))
        self.side_tabs.addTab(self._build_pension_page(), self.tr("&Pensions"))
        self.side_tabs.setTabToolTip(0, self.tr("Spending levers, revenue and growth assumptions"))
        self.side_tabs.setTabToolTip(1, self.tr("A tax measure: what it raises and the vote"))
        self.side_tabs.setTabToolTip(2, self.tr("Live through a recession"))
        self.side_tabs.setTabToolTip(3, self.tr("The pension path from the Pensions view"))

    def _scroll_page(self, inner: QWidget, name: str) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setObjectName(name)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def _build_measure_page(self) -> QWidget:
        page = QWidget(self)
        form = QVBoxLayout(page)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._heading(self.tr("What would a tax measure raise?"), page))
        self.measure_kind = _Combo(page)
        self.measure_kind.setObjectName("measureKind")
        self.measure_kind.setAccessibleName(self.tr("Kind of tax measure"))
        for key, text in MEASURE_KINDS:
            self.measure_kind.addItem(_view_tr(text), key)
        self.measure_kind.currentIndexChanged.connect(self._measure_kind_changed)
        form.addWidget(self.measure_kind)

        self.measure_stack = _FitStack(page)
        # Sales tax add-on.
        sales = QWidget(self.measure_stack)
        sf = QFormLayout(sales)
        sf.setContentsMargins(0, 0, 0, 0)
        sf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sales_rate = _Combo(sales)
        self.sales_rate.setObjectName("salesRate")
        for rate, text in SALES_RATES:
            self.sales_rate.addItem(_view_tr(text), rate)
        self.sales_rate.setCurrentIndex(1)
        self.sales_rate.setAccessibleName(self.tr("Sales tax rate added"))
        self.sales_base = _MoneySpin(sales, top=1e7)
        self.sales_base.setObjectName("salesBase")
        self.sales_base.setAccessibleName(self.tr("Taxable sales a year"))
        sf.addRow(self.tr("Rate added"), self.sales_rate)
        sf.addRow(self.tr("Taxable sales a year"), self.sales_base)
        self.measure_stack.addWidget(sales)
        # Parcel tax.
        parcel = QWidget(self.measure_stack)
        pl = QVBoxLayout(parcel)
        pl.setContentsMargins(0, 0, 0, 0)
        self.parcel_table = QTableWidget(3, 4, parcel)
        self.parcel_table.setObjectName("parcelTable")
        self.parcel_table.setAccessibleName(self.tr("Parcel tax rate and parcels by class"))
        self.parcel_table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("$ a parcel a year"), self.tr("Parcels"), self.tr("Exempt")]
        )
        self.parcel_table.verticalHeader().setVisible(False)
        self.parcel_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.parcel_table.horizontalHeader().setStretchLastSection(True)
        self.parcel_cpi = QCheckBox(self.tr("Rate rises with inflation"), parcel)
        self.parcel_cpi.setChecked(True)
        pl.addWidget(self.parcel_table)
        pl.addWidget(self.parcel_cpi)
        self.measure_stack.addWidget(parcel)
        # Transfer tax tiers.
        transfer = QWidget(self.measure_stack)
        tl = QVBoxLayout(transfer)
        tl.setContentsMargins(0, 0, 0, 0)
        self.tier_table = QTableWidget(0, 3, transfer)
        self.tier_table.setObjectName("tierTable")
        self.tier_table.setAccessibleName(self.tr("Transfer tax tiers"))
        self.tier_table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Up to"), self.tr("Rate %")]
        )
        self.tier_table.verticalHeader().setVisible(False)
        self.tier_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sales_table = QTableWidget(0, 2, transfer)
        self.sales_table.setObjectName("transferSalesTable")
        self.sales_table.setAccessibleName(self.tr("Property sales a year by price"))
        self.sales_table.setHorizontalHeaderLabels([self.tr("Sale price"), self.tr("Sales a year")])
        self.sales_table.verticalHeader().setVisible(False)
        self.sales_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.transfer_marginal = QCheckBox(
            self.tr("Each slice of the price pays its own tier"), transfer
        )
        self.transfer_marginal.setToolTip(
            self.tr(
                "Off (as San José's Measure E): the tier a price falls in taxes the whole "
                "price. On: like income tax brackets."
            )
        )
        tiers_label = QLabel(self.tr("Tiers (San José Measure E to start):"), transfer)
        tiers_label.setWordWrap(True)
        tl.addWidget(tiers_label)
        tl.addWidget(self.tier_table)
        tl.addWidget(QLabel(self.tr("Sales a year by price:"), transfer))
        tl.addWidget(self.sales_table)
        tl.addWidget(self.transfer_marginal)
        self.measure_stack.addWidget(transfer)
        # Hotel tax rate.
        tot = QWidget(self.measure_stack)
        tf = QFormLayout(tot)
        tf.setContentsMargins(0, 0, 0, 0)
        tf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tot_current = _PctSpin(0, 30, 0.5, tot)
        self.tot_current.setObjectName("totCurrent")
        self.tot_current.setValue(10.0)
        self.tot_new = _PctSpin(0, 30, 0.5, tot)
        self.tot_new.setObjectName("totNew")
        self.tot_new.setValue(12.0)
        self.tot_rooms = _MoneySpin(tot, top=1e6)
        self.tot_rooms.setObjectName("totRoomRevenue")
        for text, w in (
            (self.tr("Rate now"), self.tot_current),
            (self.tr("New rate"), self.tot_new),
            (self.tr("Room rent a year"), self.tot_rooms),
        ):
            w.setAccessibleName(text)
            tf.addRow(text, w)
        self.measure_stack.addWidget(tot)
        form.addWidget(self.measure_stack)
        self.measure_base_note = self._note(page, "measureBaseNote")
        form.addWidget(self.measure_base_note)

        common = _form()
        common.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.measure_special = QCheckBox(self.tr("Earmarked: a special tax"), page)
        self.measure_special.setToolTip(
            self.tr(
                "Money earmarked for a purpose is a special tax and needs two-thirds of the vote"
            )
        )
        self.measure_special.setObjectName("measureSpecial")
        self.measure_start = _Combo(page)
        self.measure_start.setObjectName("measureStart")
        self.measure_start.setAccessibleName(self.tr("First year the measure collects"))
        self.measure_sunset = QSpinBox(page)
        self.measure_sunset.setObjectName("measureSunset")
        self.measure_sunset.setRange(0, 40)
        self.measure_sunset.setSpecialValueText(self.tr("no end"))
        self.measure_sunset.setSuffix(self.tr(" years"))
        self.measure_sunset.setAccessibleName(self.tr("Years the measure lasts"))
        self.households_spin = QSpinBox(page)
        self.households_spin.setObjectName("householdsSpin")
        self.households_spin.setRange(1, 20_000_000)
        self.households_spin.setGroupSeparatorShown(True)
        self.households_spin.setSingleStep(1000)
        self.households_spin.setKeyboardTracking(False)
        self.households_spin.setAccessibleName(self.tr("Households"))
        self.measure_name = QLineEdit(page)
        self.measure_name.setObjectName("measureName")
        self.measure_name.setAccessibleName(self.tr("Name of the measure"))
        common.addRow(self.measure_special)
        common.addRow(self.tr("Starts"), self.measure_start)
        common.addRow(self.tr("Lasts"), self.measure_sunset)
        common.addRow(self.tr("Households"), self.households_spin)
        common.addRow(self.tr("Name"), self.measure_name)
        form.addLayout(common)

        self.measure_yield = QLabel(page)
        self.measure_yield.setObjectName("measureYield")
        self.measure_yield.setWordWrap(True)
        self.measure_yield.setTextFormat(Qt.TextFormat.PlainText)
        self._scale(self.measure_yield, 1.25, bold=True)
        self.measure_yield.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.measure_years = self._note(page, "measureYears")
        self.measure_household = QLabel(page)
        self.measure_household.setObjectName("measureHousehold")
        self.measure_household.setWordWrap(True)
        self.measure_threshold = QLabel(page)
        self.measure_threshold.setObjectName("measureThreshold")
        self.measure_threshold.setWordWrap(True)
        tf2 = self.measure_threshold.font()
        tf2.setBold(True)
        self.measure_threshold.setFont(tf2)
        for w in (self.measure_yield, self.measure_years, self.measure_household):
            form.addWidget(w)
        form.addWidget(self.measure_threshold)
        self.add_measure_button = QPushButton(self.tr("&Add to this scenario"), page)
        self.add_measure_button.setObjectName("addMeasure")
        self.add_measure_button.clicked.connect(self.add_measure)
        form.addWidget(self.add_measure_button)
        form.addWidget(QLabel(self.tr("In this scenario:"), page))
        self.measure_list = QListWidget(page)
        self.measure_list.setObjectName("measureList")
        self.measure_list.setAccessibleName(self.tr("Tax measures in this scenario"))
        self.measure_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.measure_list.setWordWrap(True)
        self.measure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.measure_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        form.addWidget(self.measure_list)
        self.remove_measure_button = QPushButton(self.tr("Remove the selected measure"), page)
        self.remove_measure_button.setObjectName("removeMeasure")
        self.remove_measure_button.clicked.connect(self._remove_selected_measure)
        form.addWidget(self.remove_measure_button)

        form.addWidget(self._heading(self.tr("Real measures to compare with"), page))
        self.comparables = QTableWidget(0, 2, page)
        self.comparables.setObjectName("comparablesTable")
        self.comparables.setAccessibleName(self.tr("Comparable real measures, with their sources"))
        self.comparables.setHorizontalHeaderLabels(
            [self.tr("Measure, rate and source"), self.tr("Yield")]
        )
        self.comparables.verticalHeader().setVisible(False)
        self.comparables.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparables.setWordWrap(True)
        self.comparables.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparables.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.comparables.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_a: _fit_table(self.comparables))
        form.addWidget(self.comparables)
        self.comparables_note = self._note(page, "comparablesNote")
        form.addWidget(self.comparables_note)
        form.addStretch(1)

        for w in (self.sales_base, self.tot_current, self.tot_new, self.tot_rooms):
            w.valueChanged.connect(self._calculator_changed)
        for w in (self.sales_rate, self.measure_start):
            w.currentIndexChanged.connect(self._calculator_changed)
        for w in (self.measure_sunset, self.households_spin):
            w.valueChanged.connect(self._calculator_changed)
        for w in (self.parcel_cpi, self.measure_special, self.transfer_marginal):
            w.toggled.connect(self._calculator_changed)
        for t in (self.parcel_table, self.tier_table, self.sales_table):
            t.itemChanged.connect(self._calculator_changed)
        self.measure_name.textEdited.connect(self._calculator_changed)
        return self._scroll_page(page, "measurePage")

    def _build_recession_page(self) -> QWidget:
        page = QWidget(self)
        form = QVBoxLayout(page)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._heading(self.tr("Live through a recession"), page))
        self.recession_combo = _Combo(page)
        self.recession_combo.setObjectName("recessionCombo")
        self.recession_combo.setAccessibleName(self.tr("Recession"))
        self.recession_combo.addItem(self.tr("None: a normal economy"), "")
        # Presets are listed when first needed.
        self.recession_combo.addItem(self.tr("Your own…"), CUSTOM_KEY)
        self.recession_combo.currentIndexChanged.connect(self._recession_chosen)
        form.addWidget(self.recession_combo)
        self.recession_text = QLabel(page)
        self.recession_text.setObjectName("recessionText")
        self.recession_text.setWordWrap(True)
        self.recession_text.setTextFormat(Qt.TextFormat.PlainText)
        form.addWidget(self.recession_text)
        drop = QLabel(
            self.tr("How far each kind of revenue falls below normal, in %, each year:"), page
        )
        drop.setWordWrap(True)
        form.addWidget(drop)
        self.shock_table = QTableWidget(len(SHOCK_ROWS), SHOCK_YEARS, page)
        self.shock_table.setObjectName("shockTable")
        self.shock_table.setAccessibleName(self.tr("Drop by revenue type and year of the downturn"))
        self.shock_table.setVerticalHeaderLabels([_view_tr(t) for _k, t in SHOCK_ROWS])
        market_row = self.shock_table.verticalHeaderItem(len(SHOCK_ROWS) - 1)
        market_row.setToolTip(
            self.tr("Property tax follows home values through Prop 8, a year or so later")
        )
        self.shock_table.setHorizontalHeaderLabels(
            [self.tr("Year %1").replace("%1", str(i + 1)) for i in range(SHOCK_YEARS)]
        )
        self.shock_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.shock_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.shock_table.verticalHeader().setMaximumWidth(
            self.fontMetrics().averageCharWidth() * 22
        )
        self.shock_table.setWordWrap(True)
        for r in range(len(SHOCK_ROWS)):
            for c in range(SHOCK_YEARS):
                item = QTableWidgetItem("0")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.shock_table.setItem(r, c, item)
        self.shock_table.itemChanged.connect(self._recession_edited)
        form.addWidget(self.shock_table)
        rf = _form()
        rf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recession_duration = QSpinBox(page)
        self.recession_duration.setObjectName("recessionDuration")
        self.recession_duration.setRange(1, SHOCK_YEARS)
        self.recession_duration.setValue(2)
        self.recession_duration.setSuffix(self.tr(" years"))
        self.recession_start = _Combo(page)
        self.recession_start.setObjectName("recessionStart")
        self.recession_shape = _Combo(page)
        self.recession_shape.setObjectName("recessionShape")
        for key, text in RECOVERY_SHAPES:
            self.recession_shape.addItem(_view_tr(text), key)
        self.recession_recovery = QSpinBox(page)
        self.recession_recovery.setObjectName("recessionRecovery")
        self.recession_recovery.setRange(1, 8)
        self.recession_recovery.setValue(3)
        self.recession_recovery.setSuffix(self.tr(" years"))
        for text, w in (
            (self.tr("Lasts"), self.recession_duration),
            (self.tr("Starts in"), self.recession_start),
            (self.tr("Recovery"), self.recession_shape),
            (self.tr("Recovery takes"), self.recession_recovery),
        ):
            w.setAccessibleName(self.tr("Recession: %1").replace("%1", text.lower()))
            rf.addRow(text, w)
        form.addLayout(rf)
        self.recession_duration.valueChanged.connect(self._recession_edited)
        self.recession_recovery.valueChanged.connect(self._recession_edited)
        self.recession_start.currentIndexChanged.connect(self._recession_timing)
        self.recession_shape.currentIndexChanged.connect(self._recession_edited)
        self.pension_shock_check = QCheckBox(self.tr("Pair with a pension fund crash"), page)
        self.pension_shock_check.setToolTip(
            self.tr(
                "The fund's assets fall 24% the year the recession starts, then earn 12% for "
                "3 years"
            )
        )
        self.pension_shock_check.setObjectName("pensionShock")
        self.pension_shock_check.toggled.connect(self._recession_timing)
        form.addWidget(self.pension_shock_check)
        self.pension_shock_note = self._note(page, "pensionShockNote")
        self.pension_shock_note.setText(
            self.tr(
                "The fund's assets fall 24% the year the recession starts, then earn 12% for three "
                "years. Its cost to the General Fund comes from the Pensions view: save a scenario "
                "there with “A crash, then a rebound” and pick it on the Pensions tab."
            )
        )
        form.addWidget(self.pension_shock_note)
        self.recession_sources = self._note(page, "recessionSources")
        self.recession_sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addWidget(self.recession_sources)
        form.addStretch(1)
        self._set_shock_columns()
        return self._scroll_page(page, "recessionPage")

    def _build_pension_page(self) -> QWidget:
        page = QWidget(self)
        form = QVBoxLayout(page)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._heading(self.tr("Absorb the pension path"), page))
        self.pension_combo = _Combo(page)
        self.pension_combo.setObjectName("pensionCombo")
        self.pension_combo.setAccessibleName(self.tr("Pension path"))
        self.pension_combo.currentIndexChanged.connect(self._changed)
        form.addWidget(self.pension_combo)
        self.pension_growth = QRadioButton(self.tr("Follow the scenario's growth"), page)
        self.pension_growth.setToolTip(
            self.tr(
                "This budget's pension lines rise and fall in step with the scenario's payments"
            )
        )
        self.pension_growth.setObjectName("pensionGrowth")
        self.pension_dollars = QRadioButton(self.tr("Use the scenario's dollars"), page)
        self.pension_dollars.setToolTip(
            self.tr(
                "Use the scenario's General Fund payments as they are (when it was sized to "
                "this budget)"
            )
        )
        self.pension_dollars.setObjectName("pensionDollars")
        self.pension_growth.setChecked(True)
        self.pension_growth.toggled.connect(self._changed)
        form.addWidget(self.pension_growth)
        form.addWidget(self.pension_dollars)
        self.pension_text = QLabel(page)
        self.pension_text.setObjectName("pensionText")
        self.pension_text.setWordWrap(True)
        self.pension_text.setTextFormat(Qt.TextFormat.PlainText)
        form.addWidget(self.pension_text)
        form.addStretch(1)
        return self._scroll_page(page, "pensionPage")

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit,
            self.save_button,
            self.saved_combo,
            self.load_button,
            self.delete_button,
            self.years_spin,
            self.year_combo,
            self.side_tabs,
            *(self.cards[k] for k in ("base", "next", "last", "reserve")),
            self.tabs,
            self.meter,
            self.tolerance_spin,
            self.one_time_flag,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _update_metrics(self) -> None:
        fm = self.fontMetrics()
        scroll = self._scroll.verticalScrollBar().sizeHint().width()
        # Wide enough for every tab's name (longer in some languages than in English).
        tabs = self.side_tabs.tabBar().sizeHint().width() + 4
        left = max(fm.averageCharWidth() * 40, 290, tabs - scroll)
        self.side_tabs.setMinimumWidth(left + scroll)
        self.side_tabs.setMaximumWidth(int(left * 1.6) + scroll)
        self._splitter.setSizes([left + scroll, max(self.width() - left - scroll, 400)])
        line = fm.lineSpacing()
        big = QFontMetricsF(self.cards["base"].value.font()).lineSpacing()
        for card in self.cards.values():
            card.setMinimumWidth(fm.averageCharWidth() * 12)
            # Fixed: a changed figure never resizes the chart under it.
            card.setFixedHeight(int(4 * line + big + 12))
        self.meter_detail.setFixedHeight(2 * line + 2)
        self.one_time_flag.setFixedHeight(2 * line + 10)
        self.status_label.setFixedHeight(2 * line + 2)
        self.meter.updateGeometry()

    # --- public API -------------------------------------------------------------------------
    @property
    def budget(self) -> Budget | None:
        return self._budget

    @property
    def forecast_result(self) -> Forecast | None:
        """The forecast shown."""
        return self._fc

    @property
    def base(self) -> BaseYear | None:
        return self._base

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    @property
    def measures(self) -> list[Measure]:
        """The tax measures in the current scenario."""
        return list(self._measures)

    @property
    def saved(self) -> dict[str, dict[str, Any]]:
        """Saved scenarios by name (plain dicts, as stored in the budget's metadata)."""
        if self._budget is None:
            return {}
        stored = self._budget.meta.get(META_KEY)
        return stored if isinstance(stored, dict) else {}

    def chart(self, key: str) -> ChartCanvas | None:
        return self._charts.get(key)

    def chart_title(self, key: str) -> str:
        """The title (the point) of a chart, as drawn or about to be drawn."""
        return self._titles.get(key, "")

    def lever(self, department: str) -> _DeptLever:
        return self._levers[department]

    def stream_row(self, stream: str) -> _StreamRow:
        return self._streams[stream]

    def set_levers_shown(self, shown: bool) -> None:
        """Show or hide the levers beside the charts (hidden on a projector, so the charts
        and the balance meter fill the screen; the levers still work from the tour)."""
        self.side_tabs.setVisible(shown)

    def levers_shown(self) -> bool:
        return not self.side_tabs.isHidden()

    def set_budget(self, budget: Budget | None, report: Any = None) -> None:
        """Forecast ``budget``'s General Fund (``None``: the empty state with a hint)."""
        del report
        self._budget = budget
        self._base = None
        self._fc = None
        self._timer.stop()
        if budget is None or not len(budget):
            self.empty_label.setText(self._empty_text())
            self._stack.setCurrentWidget(self.empty_label)
            return
        self._ensure_ready()
        from budgetbench.core.forecast import base_year
        from budgetbench.core.progress import BudgetError

        try:
            self._base = base_year(budget)
        except (BudgetError, ValueError, KeyError) as exc:
            self.empty_label.setText(
                self._empty_text(
                    self.tr("This budget cannot be forecast: %1").replace("%1", str(exc))
                )
            )
            self._stack.setCurrentWidget(self.empty_label)
            return
        self._stack.setCurrentWidget(self._main)
        self._syncing = True
        try:
            self._setup_for_budget()
        finally:
            self._syncing = False
        self._art.clear()
        self._dirty = set(CHARTS)
        self.recompute()

    def scenario(self, name: str | None = None) -> Scenario:
        """The scenario the widgets describe."""
        from budgetbench.core.forecast import Growth, Scenario

        years = int(self.years_spin.value())
        other = self.other_cost_spin.fraction()
        retire = (
            None
            if self.retirement_spin.value() <= self.retirement_spin.minimum()
            else (self.retirement_spin.fraction())
        )
        growth = Growth(
            salaries=self.salary_spin.fraction(),
            retirement=retire,
            health=self.health_spin.fraction(),
            services=other,
            capital=other,
            transfers_out=other,
            other=other,
            economy=self.economy_spin.fraction(),
            inflation=self.inflation_spin.fraction(),
            market=self.market_spin.fraction(),
        )
        levers = {}
        for dept, row in self._levers.items():
            pct = row.lever.value()
            dollars = self._dollars.get(dept, 0.0)
            if pct or dollars:
                levers[dept] = (pct, dollars)
        units = {d: u for d, u in self._units.items() if self._default_units.get(d) != u}
        revenue_levers = {}
        kinds: dict[str, Any] = {}
        for stream, row in self._streams.items():
            change = row.change.fraction()
            if change:
                revenue_levers[stream] = (change, 0.0)
            o = row.override()
            if o is not None:
                kinds[stream] = o
        once = self.one_time_spin.dollars()
        one_time = {y: once for y in range(1, years + 1)} if once > 0 else {}
        pension = self.pension_combo.currentData() or None
        reserve = None
        if self.reserve_spin.value() > self.reserve_spin.minimum():
            reserve = self.reserve_spin.dollars()
        return Scenario(
            name=name if name is not None else (self.name_edit.text().strip() or self.tr("Now")),
            years=years,
            growth=growth,
            levers=levers,
            units=units,
            revenue_levers=revenue_levers,
            revenue_kinds=kinds,
            measures=list(self._measures),
            recession=self._recession_from_widgets(),
            one_time=one_time,
            pension_scenario=pension,
            pension_mode="dollars" if self.pension_dollars.isChecked() else "growth",
            reserve_start=reserve,
            tolerance=float(self.tolerance_spin.value()),
        )

    def set_scenario(self, sc: Scenario) -> None:
        """Move every widget to ``sc`` and recompute."""
        if self._base is None:
            return
        self._syncing = True
        try:
            self.years_spin.setValue(max(MIN_YEARS, min(MAX_YEARS, int(sc.years))))
            self._fill_year_combos()
            g = sc.growth
            for spin, v in (
                (self.economy_spin, g.economy),
                (self.inflation_spin, g.inflation),
                (self.market_spin, g.market),
                (self.salary_spin, g.salaries),
                (self.health_spin, g.health),
                (self.other_cost_spin, g.services),
            ):
                spin.set_fraction(v)
            if g.retirement is None:
                self.retirement_spin.setValue(self.retirement_spin.minimum())
            else:
                self.retirement_spin.set_fraction(g.retirement)
            self._dollars = {}
            for dept, row in self._levers.items():
                pct, dollars = sc.levers.get(dept, (0.0, 0.0))
                row.lever.set_value(float(pct))
                if dollars:
                    self._dollars[dept] = float(dollars)
            self._units = dict(self._default_units)
            self._units.update({k: (str(v[0]), float(v[1])) for k, v in sc.units.items()})
            for stream, row in self._streams.items():
                o = sc.revenue_kinds.get(stream)
                kind = row.default_kind
                growth_value = None
                if isinstance(o, str):
                    kind = o
                elif isinstance(o, dict):
                    kind = str(o.get("kind", kind))
                row.kind.setCurrentIndex(max(row.kind.findData(kind), 0))
                row.set_kind_defaults(kind)
                if isinstance(o, dict) and row.growth_field and row.growth_field in o:
                    growth_value = float(o[row.growth_field])
                    row.growth.set_fraction(growth_value)
                row.change.set_fraction(float(sc.revenue_levers.get(stream, (0.0, 0.0))[0]))
            self._measures = list(sc.measures)
            self._set_recession_widgets(sc.recession)
            once = max(sc.one_time.values()) if sc.one_time else 0.0
            self.one_time_spin.set_dollars(once)
            i = self.pension_combo.findData(sc.pension_scenario or "")
            self.pension_combo.setCurrentIndex(max(i, 0))
            (
                self.pension_dollars if sc.pension_mode == "dollars" else self.pension_growth
            ).setChecked(True)
            if sc.reserve_start is None:
                self.reserve_spin.setValue(self.reserve_spin.minimum())
            else:
                self.reserve_spin.set_dollars(float(sc.reserve_start))
            if sc.tolerance is not None:
                self.tolerance_spin.setValue(float(sc.tolerance))
            self._refresh_measure_list()
        finally:
            self._syncing = False
        self._art.clear()
        self.recompute()

    def set_lever(self, department: str, pct: float, dollars: float | None = None) -> None:
        """Set a department's lever (a fraction, −0.05 = a 5% cut) and recompute at once."""
        self._levers[department].lever.set_value(pct)
        if dollars is not None:
            self._dollars[department] = float(dollars)
        self.recompute()

    def reset_levers(self) -> None:
        """Every department, stream and one-time lever back to no change."""
        self._syncing = True
        try:
            for row in self._levers.values():
                row.lever.set_value(0.0)
            for row in self._streams.values():
                row.change.setValue(0.0)
            self._dollars.clear()
            self.one_time_spin.setValue(0.0)
        finally:
            self._syncing = False
        self.recompute()

    def set_recession(self, name: str | None) -> None:
        """Pick a recession preset by its name (None: no recession) and recompute."""
        key = _preset_key(name) if name else ""
        i = self.recession_combo.findData(key)
        if i < 0:
            raise KeyError(name)
        self.recession_combo.setCurrentIndex(i)
        self.recompute()

    def save_scenario(self, name: str | None = None) -> dict[str, Any] | None:
        """Keep the current choices under ``name`` (replacing one of the same name)."""
        if self._budget is None or self._base is None:
            return None
        name = (name if name is not None else self.name_edit.text()).strip()
        if not name:
            n = len(self.saved) + 1
            name = self.tr("Scenario %1").replace("%1", str(n))
            while name in self.saved:
                n += 1
                name = self.tr("Scenario %1").replace("%1", str(n))
        spec = self.scenario(name).to_dict()
        stored = self._budget.meta.setdefault(META_KEY, {})
        stored[name] = spec
        self._saved_fc.pop(name, None)
        self.name_edit.setText(name)
        self._refresh_saved(select=name)
        names = list(stored)
        if len(names) >= 2:
            self.compare_scenarios(names[-2], names[-1], show=False)
        self.status_label.setText(self.tr("Saved scenario “%1”").replace("%1", name))
        self.scenarios_changed.emit(dict(stored))
        return spec

    def load_scenario(self, name: str) -> None:
        from budgetbench.core.forecast import Scenario

        spec = self.saved.get(name)
        if not spec:
            return
        self.name_edit.setText(name)
        self.set_scenario(Scenario.from_dict(spec))

    def remove_scenario(self, name: str) -> None:
        if not name or name not in self.saved:
            return
        self.saved.pop(name, None)
        self._saved_fc.pop(name, None)
        self._refresh_saved()
        if self._budget is not None:
            self.scenarios_changed.emit(dict(self.saved))

    def compare_scenarios(self, a: str, b: str, show: bool = True) -> Comparison | None:
        """Compare saved scenarios ``a`` and ``b`` ("" or "now": the current levers)."""
        self._syncing = True
        try:
            for combo, key in ((self.compare_a, a), (self.compare_b, b)):
                data = _saved_key(key) if key and key != NOW_KEY else NOW_KEY
                combo.setCurrentIndex(max(combo.findData(data), 0))
        finally:
            self._syncing = False
        if show:
            self.tabs.setCurrentIndex(CHARTS.index("compare"))
        self._update_compare()
        return self._comparison

    def refresh_pension_scenarios(self) -> None:
        """Re-read the Pensions view's saved scenarios (connect to its ``scenarios_changed``)."""
        if self._budget is None:
            return
        current = self.pension_combo.currentData()
        self._syncing = True
        try:
            self._fill_pension_combo()
            i = self.pension_combo.findData(current or "")
            self.pension_combo.setCurrentIndex(max(i, 0))
        finally:
            self._syncing = False
        if (self.pension_combo.currentData() or "") != (current or ""):
            self.recompute()

    def open_units_dialog(self) -> UnitsDialog | None:
        """The units and dollar levers table (non-blocking); OK applies it."""
        if self._base is None:
            return None
        rows = []
        for dept in self._levers:
            name, cost = self._units.get(dept, self._default_units.get(dept, ("", 0.0)))
            rows.append((dept, name, cost, self._dollars.get(dept, 0.0)))
        dialog = UnitsDialog(rows, dict(self._default_units), self)
        dialog.accepted.connect(lambda: self.apply_units(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "units_dialog", None))
        self.units_dialog = dialog
        dialog.open()
        return dialog

    def apply_units(self, values: dict[str, tuple[str, float, float]]) -> None:
        for dept, (name, cost, dollars) in values.items():
            self._units[dept] = (name, float(cost))
            if dollars:
                self._dollars[dept] = float(dollars)
            else:
                self._dollars.pop(dept, None)
        self.recompute()

    def current_measure(self) -> Measure | None:
        """The measure the calculator describes (not yet added)."""
        if self._base is None:
            return None
        from budgetbench.core import revenue as rv

        kind = self.measure_kind.currentData()
        special = self.measure_special.isChecked()
        start = int(self.measure_start.currentData() or 1)
        sunset = int(self.measure_sunset.value()) or None
        common = {"special": special, "start": start, "sunset": sunset}
        if kind == "sales_tax_addon":
            m: Measure = rv.sales_tax_addon(
                float(self.sales_rate.currentData()), self.sales_base.dollars(), **common
            )
        elif kind == "parcel_tax":
            rates, parcels, exempt = {}, {}, {}
            for r in range(self.parcel_table.rowCount()):
                cls = _cell(self.parcel_table, r, 0) or self.tr("class %1").replace(
                    "%1", str(r + 1)
                )
                rates[cls] = _parse_money(_cell(self.parcel_table, r, 1)) or 0.0
                parcels[cls] = _parse_number(_cell(self.parcel_table, r, 2)) or 0.0
                exempt[cls] = _parse_number(_cell(self.parcel_table, r, 3)) or 0.0
            m = rv.parcel_tax(
                rates,
                parcels,
                cpi=self.inflation_spin.fraction(),
                exemptions=exempt,
                cpi_indexed=self.parcel_cpi.isChecked(),
                **common,
            )
        elif kind == "transfer_tax":
            tiers = []
            for r in range(self.tier_table.rowCount()):
                lo = _parse_money(_cell(self.tier_table, r, 0)) or 0.0
                hi_text = _cell(self.tier_table, r, 1)
                hi = (
                    _parse_money(hi_text) if hi_text.strip() not in ("", "—", "-", "none") else None
                )
                rate = (_parse_number(_cell(self.tier_table, r, 2)) or 0.0) / 100.0
                tiers.append((lo, hi, rate))
            sales = []
            for r in range(self.sales_table.rowCount()):
                price = _parse_money(_cell(self.sales_table, r, 0)) or 0.0
                count = _parse_number(_cell(self.sales_table, r, 1)) or 0.0
                if price > 0 and count > 0:
                    sales.append((price, count))
            m = rv.transfer_tax(tiers, sales, marginal=self.transfer_marginal.isChecked(), **common)
        else:
            m = rv.tot_rate(
                self.tot_new.fraction(),
                self.tot_current.fraction(),
                self.tot_rooms.dollars(),
                **common,
            )
        m.name = self.measure_name.text().strip() or self._auto_measure_name(m)
        return m

    def add_measure(self) -> Measure | None:
        """Add the calculator's measure to the scenario and recompute."""
        m = self.current_measure()
        if m is None:
            return None
        names = {x.name for x in self._measures}
        base_name, n = m.name, 2
        while m.name in names:
            m.name = f"{base_name} ({n})"
            n += 1
        self._measures.append(m)
        self.measure_name.clear()
        self._refresh_measure_list()
        self.recompute()
        return m

    def remove_measure(self, index: int) -> None:
        if 0 <= index < len(self._measures):
            del self._measures[index]
            self._refresh_measure_list()
            self.recompute()

    def set_panel_visible(self, on: bool) -> None:
        """Show or hide the side panel (levers, measure, recession, pensions): on a projector
        with large type, hiding it gives the chart and the meter the room."""
        self.side_tabs.setVisible(on)
        self._art.clear()
        self._mark_dirty()
        QTimer.singleShot(0, lambda: self._redraw_visible(full=True))

    def draw_all(self) -> None:
        """Draw every chart now (for export and tests; the view draws the visible one)."""
        for key in CHARTS:
            self._draw(key, full=True)

    # --- readiness ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._budget is not None and self._ready:
            self.refresh_pension_scenarios()
            if self._dirty:
                self._redraw_visible()

    def _ensure_ready(self) -> None:
        """Make the charts and list the recession presets (the first time the view is given a
        budget: the engine and matplotlib load then, not when the window opens)."""
        if self._ready:
            return
        from budgetbench.core.revenue import RECESSION_PRESETS

        was = self.recession_combo.blockSignals(True)
        from budgetbench.core.revenue import localized

        for i, name in enumerate(RECESSION_PRESETS):
            text = self.tr("Mild (an assumption)") if name == "mild" else localized(name)
            self.recession_combo.insertItem(1 + i, text, _preset_key(name))
        self.recession_combo.blockSignals(was)
        names = {
            "gap": self.tr("Structural gap by year"),
            "reserve": self.tr("Reserve against GFOA's two months"),
            "compare": self.tr("Two scenarios compared"),
        }
        for key in CHARTS:
            parent = self._compare_split if key == "compare" else self._pages[key]
            chart = ChartCanvas(parent, name=names[key])
            chart.setObjectName(f"{key}Chart")
            lines = 7 if key == "compare" else 10
            chart.canvas.setMinimumHeight(self.fontMetrics().height() * lines)
            chart.canvas.mpl_connect("resize_event", lambda _e: self._resize_timer.start())
            self._charts[key] = chart
            if key == "compare":
                self._compare_split.addWidget(chart)
                self._compare_split.addWidget(self._compare_lower)
                self._compare_split.setStretchFactor(0, 3)
                self._compare_split.setStretchFactor(1, 2)
            else:
                self._holders[key].addWidget(chart, 1)
        self._ready = True

    def _setup_for_budget(self) -> None:
        """Levers, revenue rows, calculator defaults and saved scenarios for a new budget."""
        from budgetbench.core.forecast import TOLERANCE_SHARE, default_units

        base = self._base
        assert base is not None and self._budget is not None
        # Department levers, the biggest first.
        for row in self._levers.values():
            row.setParent(None)
            row.deleteLater()
        self._levers = {}
        spending = base.department_spending()
        for dept, amount in sorted(spending.items(), key=lambda kv: -kv[1]):
            if amount <= 0:
                continue
            row = _DeptLever(dept, amount, self._panel)
            row.lever.changed.connect(self._changed)
            self._lever_box.addWidget(row)
            self._levers[dept] = row
        self._default_units = default_units(list(self._levers))
        self._units = dict(self._default_units)
        self._dollars = {}
        # Revenue streams.
        for row in self._streams.values():
            row.setParent(None)
            row.deleteLater()
        self._streams = {}
        rv = base.revenue
        for stream, kind, amount in zip(rv["stream"], rv["kind"], rv["amount"], strict=True):
            row = _StreamRow(str(stream), str(kind), float(amount), self._panel)
            row.kind.currentIndexChanged.connect(lambda _i, r=row: self._stream_kind_changed(r))
            row.growth.valueChanged.connect(self._changed)
            row.change.valueChanged.connect(self._changed)
            self._stream_box.addWidget(row)
            self._streams[str(stream)] = row
        # Assumptions back to their defaults.
        for spin, v in (
            (self.economy_spin, 4.0),
            (self.inflation_spin, 2.5),
            (self.market_spin, 4.0),
            (self.salary_spin, 3.0),
            (self.health_spin, 5.5),
            (self.other_cost_spin, 2.5),
        ):
            spin.setValue(v)
        self.retirement_spin.setValue(self.retirement_spin.minimum())
        reserve = self._budget.meta.get("gf_reserve")
        if reserve is None:
            self.reserve_spin.setValue(self.reserve_spin.minimum())
        else:
            self.reserve_spin.set_dollars(float(reserve))
        self.tolerance_spin.setValue(round(TOLERANCE_SHARE * base.expense_total, -3))
        self.one_time_spin.setValue(0.0)
        self.years_spin.setValue(5)
        self._fill_year_combos()
        self.year_combo.setCurrentIndex(1)
        self._measures = []
        self._refresh_measure_list()
        self._setup_calculator()
        self.recession_combo.setCurrentIndex(0)
        self._set_recession_widgets(None)
        self._fill_pension_combo()
        self.pension_combo.setCurrentIndex(0)
        self.pension_growth.setChecked(True)
        self.name_edit.clear()
        self._saved_fc.clear()
        self._comparison = None
        self._refresh_saved()

    def _fill_year_combos(self) -> None:
        if self._base is None:
            return
        y0 = self._base.fiscal_year
        years = int(self.years_spin.value())
        keep = self.year_combo.currentIndex()
        keep_start = self.measure_start.currentIndex()
        keep_rec = self.recession_start.currentIndex()
        keep_cmp = self.compare_year.currentData()
        for combo in (self.year_combo, self.measure_start, self.recession_start, self.compare_year):
            was = combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(was)
        was = self.year_combo.blockSignals(True)
        self.year_combo.addItem(self.tr("FY%1 (this budget)").replace("%1", str(y0)), 0)
        for t in range(1, years + 1):
            label = self.tr("FY%1 (next year)") if t == 1 else self.tr("FY%1")
            self.year_combo.addItem(label.replace("%1", str(y0 + t)), t)
        self.year_combo.setCurrentIndex(min(max(keep, 0), years) if keep >= 0 else 1)
        self.year_combo.blockSignals(was)
        for combo, kept in ((self.measure_start, keep_start), (self.recession_start, keep_rec)):
            was = combo.blockSignals(True)
            for t in range(1, years + 1):
                combo.addItem(self._fy(y0 + t), t)
            combo.setCurrentIndex(min(max(kept, 0), years - 1))
            combo.blockSignals(was)
        was = self.compare_year.blockSignals(True)
        for t in range(0, years + 1):
            self.compare_year.addItem(self._fy(y0 + t), y0 + t)
        i = self.compare_year.findData(keep_cmp) if keep_cmp is not None else -1
        self.compare_year.setCurrentIndex(i if i >= 0 else years)
        self.compare_year.blockSignals(was)

    def _fill_pension_combo(self) -> None:
        was = self.pension_combo.blockSignals(True)
        self.pension_combo.clear()
        self.pension_combo.addItem(self.tr("None: this budget's own pension trend"), "")
        specs = (self._budget.meta.get(PENSION_META_KEY) if self._budget else None) or {}
        if isinstance(specs, dict):
            for name in specs:
                self.pension_combo.addItem(
                    self.tr("Pensions scenario: %1").replace("%1", str(name)), str(name)
                )
        self.pension_combo.blockSignals(was)

    def _refresh_saved(self, select: str | None = None) -> None:
        names = list(self.saved)
        current = select or self.saved_combo.currentData()
        was = self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        for n in names:
            self.saved_combo.addItem(n, n)
        i = self.saved_combo.findData(current) if current else -1
        self.saved_combo.setCurrentIndex(i if i >= 0 else self.saved_combo.count() - 1)
        self.saved_combo.blockSignals(was)
        has = bool(names)
        self.load_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if not has:
            self.saved_combo.setPlaceholderText(self.tr("none yet"))
        ca, cb = self.compare_a.currentData(), self.compare_b.currentData()
        for combo, keep in ((self.compare_a, ca), (self.compare_b, cb)):
            was = combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Now (the levers as they are)"), NOW_KEY)
            for n in names:
                combo.addItem(n, _saved_key(n))
            i = combo.findData(keep) if keep else -1
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(was)

    # --- the calculator ---------------------------------------------------------------------
    def _setup_calculator(self) -> None:
        """Defaults for the calculator from this budget: taxable sales, room rent, households."""
        base = self._base
        budget = self._budget
        assert base is not None and budget is not None
        rv = base.revenue
        ongoing = rv["recurring"] == "ongoing"

        def kind_total(kind: str) -> float:
            return float(rv.loc[ongoing & (rv["kind"] == kind), "amount"].sum())

        sales = kind_total("sales")
        tot = kind_total("tot")
        pop = budget.population or budget.meta.get("population")
        households = budget.meta.get("households")
        if households:
            hh, note = float(households), self.tr("households: from the file")
        elif pop:
            hh = float(pop) / PEOPLE_PER_HOUSEHOLD
            note = (
                self.tr("households: population %1 ÷ %2 people a household")
                .replace("%1", f"{int(pop):,}")
                .replace("%2", f"{PEOPLE_PER_HOUSEHOLD:g}")
            )
        elif sales > 0:
            hh = sales / LOCAL_SALES_RATE / SALES_PER_RESIDENT / PEOPLE_PER_HOUSEHOLD
            note = (
                self.tr(
                    "households: a rough guess from sales tax (about %1 of taxable sales a "
                    "resident, %2 people a household); type the real count"
                )
                .replace("%1", short_money(SALES_PER_RESIDENT))
                .replace("%2", f"{PEOPLE_PER_HOUSEHOLD:g}")
            )
        else:
            hh = 30_000.0
            note = self.tr("households: the file does not say; type the real count")
        self._households_note = note
        self._syncing_calc = True
        try:
            self.households_spin.setValue(max(1, round(hh / 100) * 100))
            self.sales_base.set_dollars(sales / LOCAL_SALES_RATE if sales > 0 else 0.0)
            self._sales_note = (
                self.tr(
                    "Taxable sales: this budget's sales tax (%1) ÷ the 1% local rate. A district "
                    "add-on's base can differ; type a better figure if you have one."
                ).replace("%1", short_money(sales))
                if sales > 0
                else self.tr("This budget has no sales tax line: type the taxable sales a year.")
            )
            self.tot_current.setValue(10.0)
            self.tot_new.setValue(12.0)
            self.tot_rooms.set_dollars(tot / 0.10 if tot > 0 else 0.0)
            self._tot_note = (
                self.tr("Room rent: this budget's hotel tax (%1) ÷ the rate now.").replace(
                    "%1", short_money(tot)
                )
                if tot > 0
                else self.tr("This budget has no hotel tax line: type the room rent a year.")
            )
            f = hh / 30_000.0
            self.parcel_table.blockSignals(True)
            for r, (cls, rate, parcels, exempt) in enumerate(
                (
                    (self.tr("Single-family home"), 100.0, hh * 0.55, hh * 0.05),
                    (self.tr("Apartment building"), 200.0, hh * 0.04, 0.0),
                    (self.tr("Business parcel"), 300.0, hh * 0.05, 0.0),
                )
            ):
                self.parcel_table.setItem(r, 0, QTableWidgetItem(cls))
                self.parcel_table.setItem(r, 1, _money_item(rate))
                self.parcel_table.setItem(r, 2, _number_item(round(parcels)))
                self.parcel_table.setItem(r, 3, _number_item(round(exempt)))
            self.parcel_table.blockSignals(False)
            _fit_table(self.parcel_table)
            from budgetbench.core.revenue import MEASURE_E_TIERS

            self.tier_table.blockSignals(True)
            self.tier_table.setRowCount(len(MEASURE_E_TIERS))
            for r, t in enumerate(MEASURE_E_TIERS):
                self.tier_table.setItem(r, 0, _money_item(t.lower))
                self.tier_table.setItem(
                    r, 1, QTableWidgetItem("—" if t.upper is None else format_money(t.upper))
                )
                self.tier_table.setItem(r, 2, _number_item(round(t.rate * 100, 4)))
            self.tier_table.blockSignals(False)
            _fit_table(self.tier_table)
            self.sales_table.blockSignals(True)
            profile = ((1_500_000, 700), (3_000_000, 60), (7_000_000, 15), (15_000_000, 5))
            profile += ((40_000_000, 1),)
            self.sales_table.setRowCount(len(profile))
            for r, (price, n) in enumerate(profile):
                self.sales_table.setItem(r, 0, _money_item(price))
                self.sales_table.setItem(r, 1, _number_item(max(1, round(n * f))))
            self.sales_table.blockSignals(False)
            _fit_table(self.sales_table)
            self._transfer_note = self.tr(
                "Sales a year: a rough profile scaled to the households; type the assessor's "
                "figures for a real estimate."
            )
            self._parcel_note = self.tr(
                "Parcels: a rough split of the households; type the assessor's counts."
            )
            self.measure_name.clear()
        finally:
            self._syncing_calc = False
        self._measure_kind_changed()

    def _auto_measure_name(self, m: Measure) -> str:
        kind = type(m).__name__
        if kind == "SalesTaxAddon":
            from budgetbench.core.revenue import sales_tax_name

            return sales_tax_name(m.rate)
        if kind == "ParcelTaxMeasure":
            first = next(iter(m.rates.values()), 0.0)
            return self.tr("Parcel tax (%1 a home)").replace("%1", format_money(first))
        if kind == "TransferTaxMeasure":
            rates = [t.rate for t in m.tiers if t.rate > 0]
            if rates:
                return (
                    self.tr("Transfer tax tiers (%1–%2)")
                    .replace("%1", _pct(min(rates), 2))
                    .replace("%2", _pct(max(rates), 2))
                )
            return self.tr("Transfer tax tiers")
        return (
            self.tr("Hotel tax %1 → %2")
            .replace("%1", _pct(m.current_rate))
            .replace("%2", _pct(m.new_rate))
        )

    def _measure_kind_changed(self, *_args) -> None:
        kind = self.measure_kind.currentData()
        self.measure_stack.setCurrentIndex(max(self.measure_kind.currentIndex(), 0))
        was = self.measure_special.blockSignals(True)
        self.measure_special.setChecked(kind == "parcel_tax")
        self.measure_special.blockSignals(was)
        notes = {
            "sales_tax_addon": getattr(self, "_sales_note", ""),
            "parcel_tax": getattr(self, "_parcel_note", ""),
            "transfer_tax": getattr(self, "_transfer_note", ""),
            "tot_rate": getattr(self, "_tot_note", ""),
        }
        self.measure_base_note.setText(notes.get(kind, ""))
        self._fill_comparables(kind)
        self._update_calculator()

    def _calculator_changed(self, *_args) -> None:
        if getattr(self, "_syncing_calc", False):
            return
        self._update_calculator()

    def _economy(self, sc: Scenario):
        """The economy the forecast runs in (the same construction as the engine's)."""
        from budgetbench.core.revenue import Economy

        g = sc.growth
        econ = Economy.baseline(sc.years, g.economy, g.inflation, g.market)
        if sc.recession is not None:
            econ = sc.recession.apply(econ)
        return econ

    def _update_calculator(self) -> None:
        if self._base is None:
            return
        try:
            m = self.current_measure()
        except (ValueError, TypeError) as exc:
            self.measure_yield.setText(self.tr("Cannot work it out: %1").replace("%1", str(exc)))
            return
        if m is None:
            return
        sc = self._fc.scenario if self._fc is not None else self.scenario()
        econ = self._economy(sc)
        y = m.yield_by_year(sc.years, econ)
        y0 = self._base.fiscal_year
        first = int(max(m.start, 1))
        first_yield = float(y[first]) if first < len(y) else 0.0
        self.measure_yield.setText(
            self.tr("Raises about %1 a year (FY%2)")
            .replace("%1", short_money(first_yield))
            .replace("%2", str(y0 + first))
        )
        self.measure_yield.setAccessibleName(self.tr("Yield a year"))
        self.measure_yield.setAccessibleDescription(spoken_money(round(first_yield)))
        parts = [
            f"{self._fy(y0 + t)}: {short_money(float(y[t]))}" for t in range(1, len(y)) if y[t]
        ]
        self.measure_years.setText(
            self.tr("By year: %1").replace("%1", " · ".join(parts))
            if parts
            else self.tr("Raises nothing")
        )
        hh = float(self.households_spin.value())
        per = first_yield / hh if hh > 0 else float("nan")
        who = {
            "sales_tax_addon": self.tr(" (shoppers from elsewhere and businesses pay part of it)"),
            "tot_rate": self.tr(" (hotel guests pay it, mostly visitors)"),
            "transfer_tax": self.tr(" (paid only on sales in the taxed tiers)"),
        }.get(m.kind, "")
        if not self.measure_name.text():
            self.measure_name.setPlaceholderText(m.name)
        self.measure_household.setText(
            self.tr("About %1 a household a year, spread over %2 households%3. %4.")
            .replace("%1", format_money(round(per)) if per == per else "–")
            .replace("%2", f"{int(hh):,}")
            .replace("%3", who)
            .replace("%4", self._households_note[:1].upper() + self._households_note[1:])
        )
        if m.vote_threshold == "two-thirds":
            self.measure_threshold.setText(
                self.tr(
                    "Needs two-thirds of the vote: a special tax (money earmarked for a purpose)"
                )
            )
        else:
            self.measure_threshold.setText(
                self.tr("Needs a simple majority: a general tax (money for any purpose)")
            )

    def _fill_comparables(self, kind: str) -> None:
        from budgetbench.core.revenue import COMPARABLE_MEASURES, localized

        rows = [c for c in COMPARABLE_MEASURES if c.kind == kind]
        if rows:
            self.comparables_note.setText(
                self.tr("Published yields; hover a row for the quote and the vote.")
            )
        else:
            rows = list(COMPARABLE_MEASURES)
            self.comparables_note.setText(
                self.tr("No measure of this kind is in the table: all measures are shown.")
            )
        self.comparables.setRowCount(len(rows))
        for r, c in enumerate(rows):
            if c.yield_low == c.yield_high:
                yld = short_money(c.yield_low)
            else:
                yld = f"{short_money(c.yield_low)}–{short_money(c.yield_high)}"
            name, rate, note, vote = (localized(x) for x in (c.name, c.rate, c.note, c.vote))
            tip = "\n".join((name, rate, note, vote, c.source))
            rate = f"{rate}; {vote}" if vote else rate
            what = "\n".join((name, rate, _sub(self.tr("Source: %1"), c.source)))
            for col, text in enumerate((what, yld)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                align = Qt.AlignmentFlag.AlignRight if col else Qt.AlignmentFlag.AlignLeft
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignTop)
                self.comparables.setItem(r, col, item)
        _fit_table(self.comparables)

    def _refresh_measure_list(self) -> None:
        self.measure_list.clear()
        for m in self._measures:
            text = f"{m.name}: {m.tax_type}, {m.vote_text}"
            item = QListWidgetItem(text)
            item.setToolTip(m.describe())
            self.measure_list.addItem(item)
        self.remove_measure_button.setEnabled(bool(self._measures))

    def _remove_selected_measure(self) -> None:
        self.remove_measure(self.measure_list.currentRow())

    # --- the recession ------------------------------------------------------------------------
    def _set_shock_columns(self) -> None:
        n = int(self.recession_duration.value())
        for c in range(SHOCK_YEARS):
            self.shock_table.setColumnHidden(c, c >= n)
        rows_h = sum(self.shock_table.rowHeight(r) for r in range(self.shock_table.rowCount()))
        self.shock_table.setMinimumHeight(rows_h + self.shock_table.horizontalHeader().height() + 6)

    def _recession_chosen(self, _index: int) -> None:
        if self._syncing:
            return
        key = self.recession_combo.currentData() or ""
        if key.startswith("preset:"):
            from budgetbench.core.revenue import recession_preset

            self._set_recession_widgets(recession_preset(key.split(":", 1)[1]), keep_combo=True)
        elif key == "":
            self._set_recession_widgets(None, keep_combo=True)
        else:
            self._describe_recession()
        self._changed()

    def _recession_edited(self, *_args) -> None:
        """The shocks, length or recovery changed: it is the room's own recession now."""
        if self._syncing:
            return
        self._set_shock_columns()
        if (self.recession_combo.currentData() or "") != CUSTOM_KEY:
            i = self.recession_combo.findData(CUSTOM_KEY)
            was = self.recession_combo.blockSignals(True)
            self.recession_combo.setCurrentIndex(i)
            self.recession_combo.blockSignals(was)
            self._recession_source = None
        self._describe_recession()
        self._changed()

    def _recession_timing(self, *_args) -> None:
        """When it starts, or the paired pension crash: the same recession, moved."""
        if self._syncing:
            return
        self._describe_recession()
        self._changed()

    def _set_recession_widgets(self, rec: Recession | None, keep_combo: bool = False) -> None:
        was_sync = self._syncing
        self._syncing = True
        try:
            self._recession_source = rec
            if not keep_combo:
                if rec is None:
                    key = ""
                else:
                    from budgetbench.core.revenue import RECESSION_PRESETS

                    preset = RECESSION_PRESETS.get(rec.name)
                    same = (
                        preset is not None
                        and {
                            **preset.to_dict(),
                            "start": rec.start,
                            "pension_shock": rec.pension_shock,
                        }
                        == rec.to_dict()
                    )
                    key = _preset_key(rec.name) if same else CUSTOM_KEY
                self.recession_combo.setCurrentIndex(max(self.recession_combo.findData(key), 0))
            self.shock_table.blockSignals(True)
            for r, (kind, _label) in enumerate(SHOCK_ROWS):
                spec: Any = 0.0
                if rec is not None:
                    spec = rec.market if kind == "market" else rec.shocks.get(kind, 0.0)
                values = (
                    [float(spec)] * SHOCK_YEARS if isinstance(spec, int | float) else list(spec)
                )
                for c in range(SHOCK_YEARS):
                    v = values[c] if c < len(values) else 0.0
                    self.shock_table.item(r, c).setText(_pct_text(v))
            self.shock_table.blockSignals(False)
            if rec is not None:
                lengths = [
                    len(v) for v in [*rec.shocks.values(), rec.market] if isinstance(v, list)
                ]
                duration = max(lengths) if lengths else int(rec.duration)
                self.recession_duration.setValue(max(1, min(SHOCK_YEARS, duration or 1)))
                self.recession_start.setCurrentIndex(max(0, int(rec.start) - 1))
                i = self.recession_shape.findData(rec.recovery)
                self.recession_shape.setCurrentIndex(max(i, 0))
                self.recession_recovery.setValue(int(rec.recovery_years))
                self.pension_shock_check.setChecked(bool(rec.pension_shock))
            else:
                self.pension_shock_check.setChecked(False)
            self._set_shock_columns()
        finally:
            self._syncing = was_sync
        self._describe_recession()

    def _recession_from_widgets(self) -> Recession | None:
        key = self.recession_combo.currentData() or ""
        if key == "":
            return None
        from budgetbench.core.revenue import Recession

        n = int(self.recession_duration.value())
        shocks: dict[str, Any] = {}
        market: list[float] = []
        for r, (kind, _label) in enumerate(SHOCK_ROWS):
            values = []
            for c in range(n):
                v = _parse_number(self.shock_table.item(r, c).text())
                values.append((v or 0.0) / 100.0)
            if kind == "market":
                market = values if any(values) else []
            elif any(values):
                shocks[kind] = values
        start = int(self.recession_start.currentData() or 1)
        src = self._recession_source
        if src is not None and key.startswith("preset:"):
            # The preset as shipped (its name, sources and notes), moved to the chosen year.
            return dataclasses.replace(
                copy.deepcopy(src), start=start, pension_shock=self.pension_shock_check.isChecked()
            )
        from budgetbench.core.revenue import CUSTOM_RECESSION

        return Recession(
            name=CUSTOM_RECESSION,
            shocks=shocks,
            duration=n,
            recovery=self.recession_shape.currentData() or "linear",
            recovery_years=int(self.recession_recovery.value()),
            market=market,
            start=start,
            pension_shock=self.pension_shock_check.isChecked(),
        )

    def _describe_recession(self) -> None:
        rec = self._recession_from_widgets()
        if rec is None:
            self.recession_text.setText(self.tr("No recession: the economy grows as assumed."))
            self.recession_sources.setText("")
            return
        from budgetbench.core.revenue import localized

        self.recession_text.setText(rec.describe())
        lines = []
        if rec.source:
            lines.append(self.tr("Based on: %1").replace("%1", localized(rec.source)))
        if rec.note:
            lines.append(localized(rec.note))
        labels = {k: _view_tr(t) for k, t in SHOCK_ROWS}
        for k, s in rec.sources.items():
            lines.append(f"{labels.get(k, k)}: {localized(s)}")
        if not lines:
            lines.append(self.tr("Your own figures: every one is an assumption."))
        self.recession_sources.setText("\n".join(lines))

    # --- reacting -----------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        if self._syncing or self._base is None:
            return
        self._timer.start()

    def _stream_kind_changed(self, row: _StreamRow) -> None:
        if self._syncing:
            return
        row.set_kind_defaults(row.kind.currentData())
        self._changed()

    def _years_changed(self, _value: int) -> None:
        if self._syncing or self._base is None:
            return
        self._fill_year_combos()
        self._art.clear()
        self._changed()

    def _year_chosen(self, _index: int) -> None:
        if self._syncing or self._fc is None:
            return
        self._update_meter()
        self._mark_dirty()
        self._redraw_visible()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()
            for card in self.cards.values():
                card.scale_font(self.font())
            self._flag_font()
            for widget, factor, bold in self._scaled:
                font = QFont(self.font())
                font.setPointSizeF(self.font().pointSizeF() * factor)
                font.setBold(bold)
                widget.setFont(font)
            self._art.clear()
            self._mark_dirty()

    # --- computing ----------------------------------------------------------------------------
    def recompute(self) -> None:
        """Forecast the scenario the widgets describe; update figures and the visible chart."""
        self._timer.stop()
        if self._base is None:
            return
        from budgetbench.core.forecast import forecast
        from budgetbench.core.progress import BudgetError

        started = time.perf_counter()
        try:
            self._fc = forecast(self._base, self.scenario())
        except (ValueError, KeyError, BudgetError) as exc:
            self.status_label.setText(self.tr("Cannot forecast: %1").replace("%1", str(exc)))
            return
        self._update_results()
        self._mark_dirty()
        if self._compare_uses_now() and self._current_key() == "compare":
            self._update_compare(draw=False)
        self._redraw_visible()
        self.last_compute_ms = (time.perf_counter() - started) * 1000

    def _mark_dirty(self) -> None:
        self._dirty = set(CHARTS)

    def _selected_year(self) -> int:
        n = len(self._fc.table) - 1 if self._fc is not None else 1
        t = self.year_combo.currentData()
        return min(int(t if t is not None else 1), n)

    def _update_results(self) -> None:
        fc = self._fc
        assert fc is not None
        t = fc.table
        tol = fc.tolerance
        n = len(t) - 1
        gaps = t["structural_gap"].to_numpy(dtype=float)
        fys = [int(v) for v in t["fiscal_year"]]

        def gap_card(key: str, i: int, caption: str, spare: str) -> None:
            """``caption`` names the gap; ``spare`` the money to spare when there is some."""
            g = float(gaps[i])
            caption = _sub(caption, fys[i], i)
            if g > tol:
                value, spoken = short_money(g), spoken_money(round(g))
                detail = self.tr("ongoing spending above revenue")
            elif g < -tol:
                value, spoken = short_money(-g), spoken_money(round(-g))
                caption = _sub(spare, fys[i], i)
                detail = self.tr("ongoing revenue above spending")
            else:
                value, spoken = self.tr("None"), self.tr("no gap")
                detail = self.tr("within %1 of balance").replace("%1", short_money(tol))
            if bool(t["one_time_for_ongoing"].iloc[i]):
                detail = self.tr("%1 one-time money covers it").replace(
                    "%1", short_money(float(t["one_time_used"].iloc[i]))
                )
            self.cards[key].set(caption, value, detail, spoken)

        gap_card(
            "base", 0, self.tr("Gap, FY%1 (this budget)"), self.tr("To spare, FY%1 (this budget)")
        )
        if n >= 1:
            gap_card(
                "next", 1, self.tr("Gap, FY%1 (next year)"), self.tr("To spare, FY%1 (next year)")
            )
        gap_card("last", n, self.tr("Gap, FY%1 (year %2)"), self.tr("To spare, FY%1 (year %2)"))
        reserve = float(t["reserve"].iloc[n])
        months = float(t["reserve_months"].iloc[n])
        self.cards["reserve"].set(
            self.tr("Reserve, end of FY%1").replace("%1", str(fys[n])),
            _signed_money(reserve) if reserve < 0 else short_money(reserve),
            self.tr("%1 months of spending; GFOA: at least 2").replace(
                "%1", f"{months:.1f}".replace("-", "−")
            ),
            spoken_money(round(reserve)),
        )
        self._update_meter()
        # One-time flag, over the whole forecast.
        flagged = t[t["one_time_for_ongoing"]]
        if len(flagged):
            parts = [
                f"{self._fy(int(r.fiscal_year))} ({short_money(float(r.one_time_used))})"
                for r in flagged.itertuples()
            ]
            text = self.tr(
                "⚠ One-time money pays ongoing costs in %1: the gap comes back when it runs out."
            )
            text = text.replace("%1", ", ".join(parts))
            name = self.tr("Warning: one-time money")
        else:
            text = self.tr("✓ No one-time money pays ongoing costs in any year shown.")
            name = self.tr("One-time money")
        if self.one_time_flag.text() != text:
            self.one_time_flag.setText(text)
            self.one_time_flag.setToolTip(text)
            self.one_time_flag.setAccessibleName(name)
            self.one_time_flag.setAccessibleDescription(text)
        self._set_flag_style(bool(len(flagged)))
        # Lever rows.
        units_of = {}
        for row in fc.levers.itertuples(index=False):
            units_of[row.department] = (float(row.change), str(row.unit_name), float(row.unit_cost))
        first_fy = fys[min(max(fc.scenario.lever_start, 1), n)]
        for dept, lever in self._levers.items():
            change, unit, cost = units_of.get(dept, (0.0, "", 0.0))
            if abs(change) < 0.5:
                lever.set_change(self.tr("No change"), False)
                continue
            text = (
                self.tr("%1 a year from FY%2")
                .replace("%1", _signed_money(change))
                .replace("%2", str(first_fy))
            )
            if cost > 0 and unit:
                text += f" ≈ {_units_phrase(abs(change) / cost, unit)}"
            lever.set_change(text, True)
        for stream, row in self._streams.items():
            d = fc.drivers.get(stream)
            text = d.describe() if d is not None else ""
            if row.describe.text() != text:
                row.describe.setText(text)
        self._update_measure_yields()
        self._update_pension_text()
        notes = " · ".join(fc.notes)
        if self.status_label.text() != notes:
            self.status_label.setText(notes)
            self.status_label.setToolTip(notes)
        self._update_calculator()
        self._make_titles()

    def _set_flag_style(self, on: bool) -> None:
        """The one-time warning: amber and bold when it applies, quiet when it does not."""
        if on == self.one_time_flagged and self.one_time_flag.styleSheet():
            return
        self.one_time_flagged = on
        if on:
            style = (
                f"QLabel#oneTimeFlag {{ background: {FLAG_BG}; color: #222222; "
                f"border: 2px solid {FLAG_BORDER}; border-radius: 4px; padding: 2px 6px; }}"
            )
        else:
            style = (
                "QLabel#oneTimeFlag { border: 1px solid palette(mid); border-radius: 4px; "
                "padding: 2px 6px; }"
            )
        self.one_time_flag.setStyleSheet(style)
        self._flag_font()

    def _flag_font(self) -> None:
        font = QFont(self.font())
        font.setBold(self.one_time_flagged)
        self.one_time_flag.setFont(font)

    def _update_meter(self) -> None:
        fc = self._fc
        if fc is None:
            return
        y = self._selected_year()
        m = fc.meter(y)
        fy = str(m.fiscal_year)
        if m.status == "deficit":
            headline = self.tr("Short %1 in FY%2").replace("%1", short_money(-m.position))
        elif m.status == "surplus":
            headline = self.tr("Balanced, %1 to spare in FY%2").replace(
                "%1", short_money(m.position)
            )
        else:
            headline = self.tr("Balanced within %1 in FY%2").replace("%1", short_money(m.tolerance))
        headline = headline.replace("%2", fy)
        self.meter.set_meter(m, headline, f"{headline}. {m.text}.")
        bottom = m.surplus_deficit
        detail = m.text
        if abs(bottom - m.position) > 0.5:
            if bottom < 0:
                more = self.tr("%1. Counting one-time money, the year ends %2 short")
            else:
                more = self.tr("%1. Counting one-time money, the year ends %2 over")
            detail = _sub(more, m.text, short_money(abs(bottom)))
        if self.meter_detail.text() != detail + ".":
            self.meter_detail.setText(detail + ".")
            self.meter_detail.setToolTip(detail + ".")

    def _update_measure_yields(self) -> None:
        fc = self._fc
        if fc is None or not self._measures:
            return
        mt = fc.measures
        last = int(fc.table["fiscal_year"].iloc[-1])
        for i, m in enumerate(self._measures):
            item = self.measure_list.item(i)
            if item is None:
                continue
            sel = mt[(mt["measure"] == m.name) & (mt["fiscal_year"] == last)]
            amount = float(sel["amount"].sum()) if len(sel) else 0.0
            text = _sub(
                self.tr("%1: %2 in FY%3, %4"), m.name, short_money(amount), last, m.vote_text
            )
            if item.text() != text:
                item.setText(text)

    def _update_pension_text(self) -> None:
        fc = self._fc
        if fc is None:
            return
        t = fc.table
        ret = t["retirement"].to_numpy(dtype=float)
        fys = [int(v) for v in t["fiscal_year"]]
        name = self.pension_combo.currentData() or ""
        if self.pension_combo.count() <= 1:
            head = self.tr(
                "No Pensions scenario is saved yet. In the Pensions view, set the levers and "
                "save a scenario; it appears here."
            )
        elif not name:
            head = self.tr("Pension costs grow at this budget's own trend.")
        else:
            head = self.tr("Pension costs follow the Pensions scenario “%1”.").replace("%1", name)
        body = (
            self.tr("General Fund pension costs: %1 in FY%2, %3 in FY%4.")
            .replace("%1", short_money(ret[0]))
            .replace("%2", str(fys[0]))
            .replace("%3", short_money(ret[-1]))
            .replace("%4", str(fys[-1]))
        )
        extra = [n[:1].upper() + n[1:] for n in fc.pension_notes]
        self.pension_text.setText("\n\n".join([head, body, *extra]))

    # --- titles -------------------------------------------------------------------------------
    def _make_titles(self) -> None:
        fc = self._fc
        assert fc is not None
        t = fc.table
        tol = fc.tolerance
        gaps = t["structural_gap"].to_numpy(dtype=float)[1:]
        fys = [int(v) for v in t["fiscal_year"]][1:]
        if not len(gaps):
            self._titles["gap"] = ""
            return
        over = gaps > tol
        first, last = float(gaps[0]), float(gaps[-1])
        fy1, fyn = fys[0], fys[-1]
        if over.all():
            lo, hi = float(gaps.min()), float(gaps.max())
            if hi - lo <= 0.1 * hi:
                title = _sub(
                    self.tr("A %1 gap every year until FY%2 unless something gives"),
                    short_money(float(gaps.mean())),
                    fyn,
                )
            elif last > first:
                title = _sub(
                    self.tr("A %1 gap in FY%2 grows to %3 by FY%4 unless something gives"),
                    short_money(first),
                    fy1,
                    short_money(last),
                    fyn,
                )
            else:
                title = _sub(
                    self.tr("A %1 gap in FY%2 narrows to %3 by FY%4 but does not close"),
                    short_money(first),
                    fy1,
                    short_money(last),
                    fyn,
                )
        elif not over.any():
            if (gaps < -tol).all():
                title = _sub(
                    self.tr(
                        "Ongoing revenue covers ongoing spending every year to FY%1, %2 to spare"
                    ),
                    fyn,
                    short_money(-last),
                )
            else:
                title = _sub(
                    self.tr("Balanced every year to FY%1: ongoing revenue covers ongoing spending"),
                    fyn,
                )
        elif over[-1] and not over[0]:
            title = _sub(
                self.tr("Balanced until FY%1, then a gap opens: %2 by FY%3"),
                fys[_first_true(over)] - 1,
                short_money(last),
                fyn,
            )
        elif over[-1]:
            title = _sub(
                self.tr("The gap closes, then comes back: %1 by FY%2"), short_money(last), fyn
            )
        else:
            closes = fys[len(over) - _first_true(over[::-1])]
            peak = int(gaps.argmax())
            if over[0]:
                title = _sub(
                    self.tr("A %1 gap in FY%2 closes by FY%3"), short_money(first), fy1, closes
                )
            else:
                title = _sub(
                    self.tr("A gap opens in FY%1, up to %2 in FY%3, and closes by FY%4"),
                    fys[_first_true(over)],
                    short_money(float(gaps[peak])),
                    fys[peak],
                    closes,
                )
        self._titles["gap"] = title

        res = t["reserve"].to_numpy(dtype=float)[1:]
        months = t["reserve_months"].to_numpy(dtype=float)[1:]
        low = months < 2 - 1e-9
        if (res < 0).any():
            gone = fys[_first_true(res < 0)]
            below = fys[_first_true(low)]
            if below < gone:
                rt = _sub(
                    self.tr(
                        "The reserve falls below GFOA's two months in FY%1 and runs out in FY%2"
                    ),
                    below,
                    gone,
                )
            else:
                rt = _sub(self.tr("The reserve runs out in FY%1"), gone)
        elif low.any():
            rt = _sub(
                self.tr(
                    "The reserve falls below GFOA's two months of spending in FY%1: %2 by FY%3"
                ),
                fys[_first_true(low)],
                _sub(self.tr("%1 months"), f"{months[-1]:.1f}"),
                fyn,
            )
        else:
            rt = _sub(
                self.tr("The reserve stays above GFOA's two months of spending through FY%1"), fyn
            )
        self._titles["reserve"] = rt

    # --- drawing ------------------------------------------------------------------------------
    def _current_key(self) -> str:
        i = self.tabs.currentIndex()
        return CHARTS[i] if 0 <= i < len(CHARTS) else ""

    def _redraw_visible(self, full: bool = False) -> None:
        key = self._current_key()
        if self._ready and self.isVisible() and key:
            if key == "compare" and "compare" in self._dirty:
                self._update_compare(draw=False)
            self._draw(key, full=full)

    def _draw(self, key: str, full: bool = False) -> None:
        chart = self._charts.get(key)
        if chart is None or self._fc is None or not chart.isVisible():
            return  # stays dirty: drawn when its tab is shown
        started = time.perf_counter()
        self._dirty.discard(key)
        if key == "compare":
            self._draw_compare(chart)
        else:
            getattr(self, f"_draw_{key}")(chart, full)
        self.last_draw_ms = (time.perf_counter() - started) * 1000

    def _fig_size_key(self, chart: ChartCanvas) -> tuple[int, int]:
        return int(chart.figure.bbox.width), int(chart.figure.bbox.height)

    def _suptitle(self, chart: ChartCanvas, title: str) -> str:
        fig = chart.figure
        width = max(float(fig.bbox.width), 200.0)
        return _fit(fig, title, TITLE_PT, width - 16, bold=True)

    def _year_ticks(self, ax, years: list[int], chart: ChartCanvas, share: float = 1.0) -> None:
        """Fiscal years on the x axis: "FY2027", or "FY27" when they are crowded (``share``:
        the part of the figure's width the axes get)."""
        ax.set_xticks(years)
        per_year = float(chart.figure.bbox.width) * share / max(len(years), 1)
        short = per_year < 78
        ax.set_xticklabels([self._fy(f"{v % 100:02d}" if short else v) for v in years])

    def _style(self, ax) -> None:
        ax.tick_params(labelsize=TICK_PT)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)

    def _value_pt(self, chart: ChartCanvas, n: int) -> float:
        """Bar labels shrink a little when the years are crowded."""
        per_year = float(chart.figure.bbox.width) / max(n, 1)
        return VALUE_PT if per_year >= 70 else max(8.0, VALUE_PT * per_year / 70)

    def _draw_gap(self, chart: ChartCanvas, full: bool) -> None:
        import numpy as np
        from matplotlib.patches import Patch

        fc = self._fc
        assert fc is not None
        t = fc.table
        x = t["fiscal_year"].to_numpy(dtype=float)
        rev = t["revenue_ongoing"].to_numpy(dtype=float)
        exp = t["expense_ongoing"].to_numpy(dtype=float)
        tot = t["revenue_total"].to_numpy(dtype=float)
        bal = rev - exp
        tol = fc.tolerance
        sel = self._selected_year()
        has_once = bool((np.abs(tot - rev) > 0.5).any())
        fig = chart.figure
        title = self._suptitle(chart, self._titles["gap"])
        key = (len(x), self._fig_size_key(chart), _title_lines(title), has_once)
        art = self._art.get("gap")
        relayout = full or art is None or art["key"] != key
        if relayout:
            fig.clear()
            ax1, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
            l_rev = ax1.plot(
                x,
                rev,
                color=REVENUE_COLOUR,
                lw=LINE_W,
                marker="o",
                ms=6,
                label=self.tr("Ongoing revenue"),
            )[0]
            l_exp = ax1.plot(
                x,
                exp,
                color=EXPENSE_COLOUR,
                lw=LINE_W,
                ls="--",
                marker="s",
                ms=6,
                label=self.tr("Ongoing spending"),
            )[0]
            l_tot = ax1.plot(
                x,
                tot,
                color="#333333",
                lw=0,
                marker="^",
                ms=8,
                label=self.tr("With one-time money"),
            )[0]
            gap_patch = Patch(
                facecolor=VERMILLION,
                alpha=0.3,
                hatch="///",
                edgecolor=VERMILLION,
                label=self.tr("Structural gap"),
            )
            band_patch = Patch(
                facecolor=GREEN, alpha=0.3, label=_esc(_sub(self.tr("Balanced: within ±%1"), "$0"))
            )
            handles = [l_rev, l_exp, gap_patch, band_patch] + ([l_tot] if has_once else [])
            wide = float(fig.bbox.width) > 820
            legend = fig.legend(
                handles=handles,
                loc="outside lower center",
                ncols=3 if wide else 2,
                fontsize=LEGEND_PT,
                frameon=False,
                handlelength=2.2,
                columnspacing=1.2,
            )
            money_axis(ax1)
            self._style(ax1)
            ax1.set_ylabel(_esc(self.tr("Ongoing money")), fontsize=LABEL_PT)
            bars = list(ax2.bar(x, bal, width=0.6, color=GREEN, edgecolor="#333333", linewidth=0.6))
            band = ax2.axhspan(-tol, tol, color=GREEN, alpha=0.18, lw=0)
            ax2.axhline(0, color="#555555", lw=1)
            pt = self._value_pt(chart, len(x))
            labels = [
                ax2.text(xi, 0, "", ha="center", fontsize=pt, color="#222222", parse_math=False)
                for xi in x
            ]
            ax2.set_ylabel(_esc(self.tr("Balance")), fontsize=LABEL_PT)
            money_axis(ax2)
            self._style(ax2)
            self._year_ticks(ax2, [int(v) for v in x], chart)
            sup = fig.suptitle(
                "\n".join(["Xg"] * _title_lines(title)),  # room for the title, set below
                fontsize=TITLE_PT,
                fontweight="bold",
                x=0.01,
                ha="left",
                color="#111111",
                parse_math=False,
            )
            art = {
                "key": key,
                "ax1": ax1,
                "ax2": ax2,
                "rev": l_rev,
                "exp": l_exp,
                "tot": l_tot,
                "fills": [],
                "bars": bars,
                "band": band,
                "legend": legend,
                "labels": labels,
                "sup": sup,
            }
            self._art["gap"] = art
        ax1, ax2 = art["ax1"], art["ax2"]
        art["rev"].set_ydata(rev)
        art["exp"].set_ydata(exp)
        art["tot"].set_ydata(np.where(np.abs(tot - rev) > 0.5, tot, np.nan))
        art["tot"].set_visible(has_once)
        for f in art["fills"]:
            f.remove()
        art["fills"] = [
            ax1.fill_between(
                x,
                rev,
                exp,
                where=exp > rev,
                interpolate=True,
                color=VERMILLION,
                alpha=0.25,
                hatch="///",
                edgecolor=VERMILLION,
                lw=0,
            ),
            ax1.fill_between(
                x, rev, exp, where=rev >= exp, interpolate=True, color=GREEN, alpha=0.15, lw=0
            ),
        ]
        lim1 = _limits(
            None if relayout else art.get("lim1"),
            float(min(rev.min(), exp.min(), tot.min())),
            float(max(rev.max(), exp.max(), tot.max())),
            below=0.08,
            above=0.08,
        )
        lo2, hi2 = min(float(bal.min()), -tol), max(float(bal.max()), tol)
        lim2 = _limits(None if relayout else art.get("lim2"), lo2, hi2, below=0.4, above=0.3)
        changed = lim1 != art.get("lim1") or lim2 != art.get("lim2")
        if changed:
            ax1.set_ylim(*lim1)
            ax2.set_ylim(*lim2)
            art["lim1"], art["lim2"] = lim1, lim2
        step = (lim2[1] - lim2[0]) * 0.03
        for i, (b, rect, label) in enumerate(zip(bal, art["bars"], art["labels"], strict=True)):
            rect.set_height(b)
            short = b < -tol
            rect.set_facecolor(VERMILLION if short else GREEN)
            rect.set_hatch("///" if short else "")
            rect.set_linewidth(2.6 if i == sel else 0.6)
            rect.set_edgecolor("#000000" if i == sel else "#333333")
            label.set_text(_signed_money(b))
            label.set_y(b + step if b >= 0 else b - step)
            label.set_va("bottom" if b >= 0 else "top")
        art["band"].set_y(-tol)
        art["band"].set_height(2 * tol)
        if tol != art.get("tol"):  # the legend says the tolerance: redraw it with the rest
            art["tol"] = tol
            band_label = art["legend"].get_texts()[3]
            band_label.set_text(_esc(_sub(self.tr("Balanced: within ±%1"), short_money(tol))))
            changed = True
        art["sup"].set_text(title)
        chart.set_description(f"{self._titles['gap']}. " + " ".join(fc.sentences()))
        dynamic = [
            *art["fills"],
            art["rev"],
            art["exp"],
            art["tot"],
            art["band"],
            *art["bars"],
            *art["labels"],
            art["sup"],
        ]
        self._render(chart, art, dynamic, relayout or changed, relayout)

    def _draw_reserve(self, chart: ChartCanvas, full: bool) -> None:
        from matplotlib.patches import Patch

        fc = self._fc
        assert fc is not None
        t = fc.table
        x = t["fiscal_year"].to_numpy(dtype=float)
        res = t["reserve"].to_numpy(dtype=float)
        target = t["reserve_target"].to_numpy(dtype=float)
        months = t["reserve_months"].to_numpy(dtype=float)
        sel = self._selected_year()
        fig = chart.figure
        title = self._suptitle(chart, self._titles["reserve"])
        key = (len(x), self._fig_size_key(chart), _title_lines(title))
        art = self._art.get("reserve")
        relayout = full or art is None or art["key"] != key
        if relayout:
            fig.clear()
            ax = fig.add_subplot(111)
            bars = list(ax.bar(x, res, width=0.6, color=BLUE, edgecolor="#333333", lw=0.6))
            line = ax.plot(
                x,
                target,
                color="#000000",
                lw=2.2,
                ls="--",
                marker="_",
                ms=18,
                label=self.tr("GFOA minimum: two months of spending"),
            )[0]
            ax.axhline(0, color="#555555", lw=1)
            pt = self._value_pt(chart, len(x))
            labels = [
                ax.text(xi, 0, "", ha="center", fontsize=pt, color="#222222", parse_math=False)
                for xi in x
            ]
            handles = [
                Patch(facecolor=BLUE, edgecolor="#333333", label=self.tr("Reserve at year end")),
                Patch(
                    facecolor=VERMILLION,
                    hatch="///",
                    edgecolor="#333333",
                    label=self.tr("Below GFOA's minimum"),
                ),
                line,
            ]
            fig.legend(
                handles=handles,
                loc="outside lower center",
                ncols=3 if float(fig.bbox.width) > 820 else 2,
                fontsize=LEGEND_PT,
                frameon=False,
            )
            money_axis(ax)
            self._style(ax)
            ax.set_ylabel(_esc(self.tr("Reserve (labels: months)")), fontsize=LABEL_PT)
            self._year_ticks(ax, [int(v) for v in x], chart)
            sup = fig.suptitle(
                "\n".join(["Xg"] * _title_lines(title)),  # room for the title, set below
                fontsize=TITLE_PT,
                fontweight="bold",
                x=0.01,
                ha="left",
                color="#111111",
                parse_math=False,
            )
            art = {"key": key, "ax": ax, "bars": bars, "line": line, "labels": labels, "sup": sup}
            self._art["reserve"] = art
        ax = art["ax"]
        art["line"].set_ydata(target)
        lo = min(float(res.min()), 0.0)
        hi = max(float(res.max()), float(target.max()), 1.0)
        lim = _limits(None if relayout else art.get("lim"), lo, hi, below=0.08, above=0.12)
        changed = lim != art.get("lim")
        if changed:
            ax.set_ylim(*lim)
            art["lim"] = lim
        step = (lim[1] - lim[0]) * 0.015
        for i, (r, rect, label, mo) in enumerate(
            zip(res, art["bars"], art["labels"], months, strict=True)
        ):
            rect.set_height(r)
            low = mo < 2 - 1e-9
            rect.set_facecolor(VERMILLION if low else BLUE)
            rect.set_hatch("///" if low else "")
            rect.set_linewidth(2.6 if i == sel else 0.6)
            rect.set_edgecolor("#000000" if i == sel else "#333333")
            label.set_text(_sub(self.tr("%1 mo"), f"{mo:.1f}") if mo == mo else "")
            label.set_y(r + step if r >= 0 else r - step)
            label.set_va("bottom" if r >= 0 else "top")
        art["sup"].set_text(title)
        chart.set_description(
            f"{self._titles['reserve']}. "
            + "; ".join(
                _sub(self.tr("%1: %2 (%3 months)"), self._fy(int(fy)), short_money(r), f"{m:.1f}")
                for fy, r, m in zip(x, res, months, strict=True)
            )
        )
        dynamic = [*art["bars"], art["line"], *art["labels"], art["sup"]]
        self._render(chart, art, dynamic, relayout or changed, relayout)

    def _render(
        self, chart: ChartCanvas, art: dict[str, Any], dynamic: list, full: bool, layout: bool
    ) -> None:
        """Draw a chart. ``full``: everything (and keep what does not move as a background);
        otherwise paint the background back and draw only the ``dynamic`` artists on it.
        ``layout``: lay the figure out first (constrained), then freeze that layout."""
        fig, canvas = chart.figure, chart.canvas
        if full or art.get("bg") is None:
            if layout:
                sup = art.get("sup")
                real = sup.get_text() if sup is not None else ""
                if sup is not None:  # lay out for the lines kept, not this title's
                    sup.set_text("\n".join(["Xg"] * art["key"][2]))
                fig.set_layout_engine("constrained")
                fig.get_layout_engine().execute(fig)
                fig.set_layout_engine("none")
                if sup is not None:
                    sup.set_text(real)
            shown = [a.get_visible() for a in dynamic]
            for a in dynamic:
                a.set_visible(False)
            canvas.draw()
            art["bg"] = canvas.copy_from_bbox(fig.bbox)
            for a, v in zip(dynamic, shown, strict=True):
                a.set_visible(v)
        else:
            canvas.restore_region(art["bg"])
        for a in dynamic:
            if a.get_visible():
                fig.draw_artist(a)
        canvas.blit(fig.bbox)

    # --- comparing ----------------------------------------------------------------------------
    def _compare_uses_now(self) -> bool:
        return NOW_KEY in (self.compare_a.currentData(), self.compare_b.currentData())

    def _compare_changed(self, _index: int) -> None:
        if self._syncing:
            return
        self._update_compare()

    def _forecast_for(self, key: str) -> Forecast | None:
        from budgetbench.core.forecast import Scenario, forecast

        if key == NOW_KEY or not key:
            return self._fc
        name = key.split(":", 1)[1]
        spec = self.saved.get(name)
        if spec is None or self._base is None:
            return None
        hit = self._saved_fc.get(name)
        if hit is not None and hit[0] is spec:
            return hit[1]
        fc = forecast(self._base, Scenario.from_dict({**spec, "name": name}))
        self._saved_fc[name] = (spec, fc)
        return fc

    def _update_compare(self, draw: bool = True) -> None:
        from budgetbench.core.forecast import compare

        a_key = self.compare_a.currentData() or NOW_KEY
        b_key = self.compare_b.currentData() or NOW_KEY
        fa, fb = self._forecast_for(a_key), self._forecast_for(b_key)
        if fa is None or fb is None:
            self._comparison = None
            self._compare_pair = None
            self.compare_text.setText(self.tr("Save a scenario to compare it with another."))
            self.compare_table.setRowCount(0)
            return
        if a_key == b_key:
            self._comparison = None
            self._compare_pair = (fa, fb)
            self.compare_text.setText(
                self.tr(
                    "Pick two different scenarios. Save the levers as they are to compare them."
                )
            )
            self.compare_table.setRowCount(0)
        else:
            self._comparison = compare(fa, fb)
            self._compare_pair = (fa, fb)
            said = _meaningful(self._comparison)
            self.compare_text.setText("\n".join(f"• {x}" for x in said))
            self.compare_text.setAccessibleDescription(self.compare_text.text())
            self._fill_compare_table()
        self._dirty.add("compare")
        if draw and self._current_key() == "compare":
            self._draw("compare")

    def _fill_compare_table(self, *_args) -> None:
        cmp = self._comparison
        if cmp is None:
            return
        fy = self.compare_year.currentData()
        tab = cmp.table
        years = sorted(int(v) for v in tab["fiscal_year"].unique())
        if fy not in years:
            fy = years[-1]
        rows = tab[tab["fiscal_year"] == fy]
        self.compare_table.setHorizontalHeaderLabels(
            [
                self.tr("FY%1").replace("%1", str(fy)),
                cmp.a,
                cmp.b,
                self.tr("B − A"),
            ]
        )
        self.compare_table.setRowCount(len(rows))
        for r, row in enumerate(rows.itertuples(index=False)):
            months = row.key == "reserve_months"

            def fmt(v: float, signed: bool = False, months=months) -> str:
                if v != v:
                    return "–"
                if months:
                    return f"{v:+.1f}" if signed else f"{v:.1f}"
                text = format_money(v)
                return ("+" + text) if signed and v > 0 else text.replace("-", "−")

            values = (row.metric, fmt(row.a), fmt(row.b), fmt(row.difference, True))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.compare_table.setItem(r, c, item)

    def _compare_title(self) -> str:
        cmp, pair = self._comparison, self._compare_pair
        if cmp is None or pair is None:
            return self.tr("Save two scenarios to compare them")
        fa, fb = pair
        ta = fa.table.set_index("fiscal_year")
        tb = fb.table.set_index("fiscal_year")
        years = [y for y in ta.index if y in tb.index]
        last = years[-1]
        ga, gb = float(ta.loc[last, "structural_gap"]), float(tb.loc[last, "structural_gap"])
        d = gb - ga
        if abs(d) <= max(fa.tolerance, fb.tolerance) * 0.1:
            return (
                self.tr("“%1” and “%2” leave the same gap in FY%3")
                .replace("%1", cmp.b)
                .replace("%2", cmp.a)
                .replace("%3", str(last))
            )
        if d < 0:
            text = self.tr("“%1” leaves a %2 smaller gap in FY%3 than “%4”")
        else:
            text = self.tr("“%1” leaves a %2 larger gap in FY%3 than “%4”")
        return _sub(text, cmp.b, short_money(abs(d)), last, cmp.a)

    def _draw_compare(self, chart: ChartCanvas) -> None:
        fig = chart.figure
        fig.clear()
        fig.set_layout_engine("constrained")
        title = self._compare_title()
        self._titles["compare"] = title
        pair = self._compare_pair
        if pair is None or self._comparison is None:
            fig.suptitle(
                self._suptitle(chart, title),
                fontsize=TITLE_PT,
                fontweight="bold",
                x=0.01,
                ha="left",
                parse_math=False,
            )
            chart.set_description(title)
            chart.canvas.draw()
            return
        fa, fb = pair
        cmp = self._comparison
        ax1, ax2 = fig.subplots(1, 2)
        for fc, colour, ls, marker, name in (
            (fa, BLUE, "-", "o", cmp.a),
            (fb, ORANGE, "--", "s", cmp.b),
        ):
            t = fc.table
            x = t["fiscal_year"].to_numpy()
            ax1.plot(
                x,
                t["structural_gap"],
                color=colour,
                ls=ls,
                marker=marker,
                lw=LINE_W,
                label=_esc(name),
            )
            ax2.plot(
                x, t["reserve"], color=colour, ls=ls, marker=marker, lw=LINE_W, label=_esc(name)
            )
        tb = fb.table
        ax2.plot(
            tb["fiscal_year"],
            tb["reserve_target"],
            color="#000000",
            ls=":",
            lw=1.6,
            label=_esc(self.tr("GFOA two months (%1)").replace("%1", cmp.b)),
        )
        ax1.axhline(0, color="#555555", lw=1)
        ax2.axhline(0, color="#555555", lw=1)
        ax1.set_title(
            _esc(self.tr("Structural gap (above 0: short)")), loc="left", fontsize=SUBTITLE_PT
        )
        ax2.set_title(_esc(self.tr("Reserve at year end")), loc="left", fontsize=SUBTITLE_PT)
        for ax in (ax1, ax2):
            money_axis(ax)
            self._style(ax)
            years = sorted(set(fa.table["fiscal_year"]) | set(fb.table["fiscal_year"]))
            self._year_ticks(ax, [int(v) for v in years], chart, share=0.45)
            if float(fig.bbox.width) * 0.45 / max(len(years), 1) < 42:
                for lab in ax.get_xticklabels():
                    lab.set_rotation(45)
        handles, labels = ax2.get_legend_handles_labels()
        fig.legend(
            handles,
            labels,
            loc="outside lower center",
            ncols=3 if float(fig.bbox.width) > 820 else 2,
            fontsize=LEGEND_PT,
            frameon=False,
        )
        fig.suptitle(
            self._suptitle(chart, title),
            fontsize=TITLE_PT,
            fontweight="bold",
            x=0.01,
            ha="left",
            color="#111111",
            parse_math=False,
        )
        chart.set_description(f"{title}. " + " ".join(_meaningful(cmp)))
        chart.canvas.draw()


# ---- helpers -----------------------------------------------------------------------------
def _form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose rows put the field under a label too long to sit beside it (labels are
    longer in some languages, and the side panel is narrow)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _view_tr(text: str) -> str:
    """A text of this module's tables (marked with ``QT_TRANSLATE_NOOP``) as shown."""
    return QCoreApplication.translate("TradeoffsView", text)


def _preset_key(name: str) -> str:
    """The recession menu's data for a preset."""
    return "preset:" + name


def _saved_key(name: str) -> str:
    """The comparison menus' data for a saved scenario."""
    return "saved:" + name


def _limits(
    current: tuple[float, float] | None, lo: float, hi: float, below: float, above: float
) -> tuple[float, float]:
    """Axis limits for data from ``lo`` to ``hi`` with room below and above, kept as they are
    while the data still fits them well (so a small lever move does not redraw the axes)."""
    span = max(hi - lo, abs(hi) * 0.02, abs(lo) * 0.02, 1.0)
    want = (lo - span * below, hi + span * above)
    if current is not None:
        a, b = current
        if a <= want[0] and want[1] <= b and (want[1] - want[0]) >= 0.5 * (b - a):
            return current
    extra = (want[1] - want[0]) * 0.08
    return (want[0] - extra, want[1] + extra)


def _meaningful(cmp: Comparison) -> list[str]:
    """The comparison's sentences without departments whose spending moved by a rounding
    amount (under $1,000 and under 0.1%): a room reads those as changes that were made."""
    tab = cmp.table
    dept = tab[tab["key"].astype(str).str.startswith("department:")]
    tiny = set()
    for key, rows in dept.groupby("key", sort=False):
        diff = rows["difference"].abs().to_numpy(dtype=float)
        base = rows["a"].abs().to_numpy(dtype=float)
        if ((diff < 1000.0) | (diff < 0.001 * base)).all():
            tiny.add(str(key))
    keys = cmp.sentence_keys or [""] * len(cmp.sentences)
    return [x for x, k in zip(cmp.sentences, keys, strict=True) if k not in tiny]


def _title_lines(title: str) -> int:
    """Lines kept for a chart title: two at least, so most lever moves need no new layout."""
    return max(2, title.count("\n") + 1)


def _first_true(values) -> int:
    """Index of the first true value (0 when there is none)."""
    for i, v in enumerate(values):
        if bool(v):
            return i
    return 0


def _sub(text: str, *values: Any) -> str:
    """Qt-style placeholders: ``_sub("%1 in FY%2", a, b)``, filled in one pass (a value that
    holds "%2" stays as it is)."""

    def fill(mo: re.Match) -> str:
        i = int(mo.group(1))
        return str(values[i - 1]) if 1 <= i <= len(values) else mo.group(0)

    return re.sub(r"%(\d+)", fill, text)


def _signed_money(value: float) -> str:
    """ "+$1.2M" / "−$845K" (a true minus sign)."""
    if value != value:
        return "–"
    text = short_money(abs(value))
    if abs(value) < 0.5:
        return text
    return ("+" if value > 0 else "−") + text


def _pct(fraction: float, decimals: int = 2) -> str:
    text = f"{fraction * 100:.{decimals}f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _pct_text(fraction: float) -> str:
    """A shock for the table: −0.143 -> "-14.3"."""
    v = round(fraction * 100, 2)
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


#: English plurals of the last word of a unit a room types (other languages: "2 × unit").
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}
_TAILS = (" open ", " on ", " of ", " for ", " with ", " per ", " at ", " (")


def _plural(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def _units_phrase(count: float, unit: str) -> str:
    """ "1.5 library branches open 7 days", "1 fire engine company (14 firefighters)". The
    default units have their plural in the interface's language; a unit a room typed is made
    plural by English rules in English, and said as "2.5 × “unit”" in other languages."""
    from budgetbench.core.forecast import unit_plural

    shown = f"{count:,.0f}" if count >= 10 else f"{count:.1f}".removesuffix(".0")
    if shown == "1":
        return f"1 {unit}"
    plural = unit_plural(unit)
    if plural is not None:
        return f"{shown} {plural}"
    if i18n.current() != "en":
        return f"{shown} × “{unit}”"
    cut = len(unit)
    for tail in _TAILS:
        i = unit.find(tail)
        if 0 < i < cut:
            cut = i
    head, rest = unit[:cut], unit[cut:]
    parts = head.split(" or ")
    parts = [re.sub(r"(\w+)$", lambda mo: _plural(mo.group(1)), p) for p in parts]
    return f"{shown} {' or '.join(parts)}{rest}"


def _parse_number(text: str) -> float | None:
    t = str(text).strip().replace(",", "").replace("%", "").replace("−", "-").replace("$", "")
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()").strip()
    if not t:
        return None
    mult = 1.0
    if t[-1:].upper() in ("K", "M", "B"):
        mult = {"K": 1e3, "M": 1e6, "B": 1e9}[t[-1].upper()]
        t = t[:-1]
    try:
        v = float(t) * mult
    except ValueError:
        return None
    if not math.isfinite(v):
        return None
    return -v if neg else v


def _parse_money(text: str) -> float | None:
    return _parse_number(text)


def _money_item(value: float, signed: bool = False) -> QTableWidgetItem:
    text = format_money(value)
    if signed and value > 0:
        text = "+" + text
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _number_item(value: float) -> QTableWidgetItem:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""


def _fit(fig, text: str, size: float, room: float, bold: bool = False) -> str:
    """``text`` wrapped onto as many lines as it needs to be no wider than ``room`` pixels."""
    renderer = fig.canvas.get_renderer()
    probe = fig.text(
        0, 0, text, fontsize=size, fontweight="bold" if bold else "normal", parse_math=False
    )
    shown, chars = text, len(text)
    try:
        for _ in range(8):
            width = probe.get_window_extent(renderer).width
            if width <= room or chars <= 16:
                break
            chars = max(16, min(chars - 1, int(chars * room / width)))
            shown = "\n".join(textwrap.wrap(text, chars)) or text
            probe.set_text(shown)
    finally:
        probe.remove()
    return shown


def _esc(text: str) -> str:
    """A label matplotlib shows as written (a "$" does not start mathematics)."""
    return text.replace("$", r"\$")


__all__ = ["BalanceMeter", "TradeoffsView", "UnitsDialog"]
