"""The Flows view: where the money comes from, and through which fund.

A Sankey diagram — revenue → fund → department (→ program) — drawn from the geometry that
:mod:`budgetbench.core.flows` computes. Transfers between funds are hatched loops under the
fund column, counted once; a fund's gap shows as "Use of fund balance" or "Added to
reserves". Hover for amounts, click a box to focus on the money through it, and "Follow a
dollar" to read, in cents, which funds and revenues pay for a department (or where a revenue
ends up).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.format import format_money, short_money
from budgetbench.ui.charts import (
    BALANCE_COLOUR,
    EXPENSE_COLOUR,
    REVENUE_COLOUR,
    TRANSFER_COLOUR,
    ChartCanvas,
)
from budgetbench.ui.notes import MARK, NoteIndex, tooltip_notes

if TYPE_CHECKING:  # pandas-backed; loaded with the first budget, not at start-up
    import numpy as np

    from budgetbench.core.budget import Budget
    from budgetbench.core.flows import Attribution, FlowGraph, SankeyGeometry

#: Fold flows under this share of the total by default (a room reads ~15 boxes per column).
DEFAULT_FOLD_PERCENT = 2.0
#: The slider works in tenths of a percent, up to 10%.
FOLD_SLIDER_MAX = 100
CREDIT_COLOUR = "#D55E00"
FUND_FACE = "#F4F4F4"
TEXT_COLOUR = "#1A1A1A"
#: Outline of boxes the room has written notes on (Okabe–Ito orange).
NOTED_EDGE = "#E69F00"
#: Point sizes on the chart (pixels = points × dpi / 72).
TITLE_PT = 15
SUBTITLE_PT = 10.5
LABEL_PT = 10.5
HEADER_PT = 11
#: Longest label drawn, in characters (the full name is in the tooltip).
MAX_LABEL_CHARS = 26


def fiscal_year_label(year: int, phase: str) -> str:
    """``FY2025-26 proposed`` for the fiscal year ending in 2026 (in the interface's language)."""
    from budgetbench.core.explore import phase_label

    return QCoreApplication.translate("FlowsView", "FY{start}-{end} {phase}").format(
        start=year - 1, end=str(year)[-2:], phase=phase_label(phase)
    )


def geo_gap(geo) -> float:
    """The vertical gap between nodes in ``geo``'s busiest column."""
    by_col: dict[int, list] = {}
    for b in geo.nodes:
        by_col.setdefault(b.column, []).append(b)
    gaps = [
        nxt.y0 - cur.y1
        for boxes in by_col.values()
        for cur, nxt in itertools.pairwise(boxes)
        if nxt.y0 > cur.y1
    ]
    return min(gaps) if gaps else 0.0


def _fit_width(artist, room: float, smallest: float) -> None:
    """Shrink a figure text towards ``smallest`` points until it is no wider than ``room``
    pixels; if it still is, cut it short with an ellipsis."""
    renderer = artist.figure.canvas.get_renderer()
    size = artist.get_fontsize()
    while artist.get_window_extent(renderer).width > room and size > smallest:
        size -= 0.5
        artist.set_fontsize(size)
    text = artist.get_text()
    if artist.get_window_extent(renderer).width <= room:
        return
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        artist.set_text(text[:mid].rstrip() + "…")
        if artist.get_window_extent(renderer).width <= room:
            lo = mid
        else:
            hi = mid - 1
    artist.set_text(text[:lo].rstrip() + "…")


def _key(column: int, label: str) -> str:
    """A node's (column, label) as a combo box item's data."""
    return f"{column}\t{label}"


class _Fit:
    """Labels fitted to a width and height, measured with the figure's own renderer."""

    def __init__(self, figure, points: float, weight: str = "normal") -> None:
        from matplotlib.font_manager import FontProperties

        self._renderer = figure.canvas.get_renderer()
        self._prop = FontProperties(size=points, weight=weight)
        self._cache: dict[str, float] = {}
        self.line = points * figure.dpi / 72.0 * 1.22

    def width(self, text: str) -> float:
        if text not in self._cache:
            w, _, _ = self._renderer.get_text_width_height_descent(text, self._prop, ismath=False)
            self._cache[text] = float(w)
        return self._cache[text]

    def cut(self, text: str, width: float) -> str:
        """``text``, shortened with an ellipsis until it fits ``width`` ("" if nothing does)."""
        if self.width(text) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with its ellipsis
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + "…") <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…" if lo >= 3 else ""

    def wrap(self, words: list[str], width: float, lines: int) -> list[str]:
        """``words`` in at most ``lines`` lines of ``width`` (the last one cut if need be)."""
        words = list(words)
        out: list[str] = []
        while words and len(out) < lines - 1:
            current = words.pop(0)
            while words and self.width(f"{current} {words[0]}") <= width:
                current = f"{current} {words.pop(0)}"
            out.append(self.cut(current, width))
        if words:
            out.append(self.cut(" ".join(words), width))
        return [line for line in out if line]

    def label(self, name: str, money: str, width: float, height: float) -> str:
        """The name and amount in the room there is: two or more lines, one line, or ""."""
        lines = min(int(height // self.line), 4)
        if lines < 1:
            return ""
        if lines >= 2:
            body = self.wrap(name.split(), width, lines - 1)
            together = self.wrap([*name.split(), money], width, lines)
            fits = together and together[-1].endswith(money) and "…" not in "".join(together)
            if fits and any("…" in b for b in body):  # the money shares a line, no cut
                return "\n".join(together)
            if body:
                return "\n".join([*body, money])
        single = f"{name} {money}"
        if self.width(single) <= width:
            return single
        cut = self.cut(name, width - self.width(f" {money}"))
        if len(cut) >= 12:
            return f"{cut} {money}"
        return self.cut(name, width)  # a narrow box: the name reads better than "Soc… $4M"


class FlowsView(QWidget):
    """Sankey of the budget's money: revenue → fund → department (→ program)."""

    #: canonical-column filters of a clicked node, e.g. ``{"department": "Parks"}`` (lists for
    #: an "Other (n)" node), for the window to select it in Explore
    node_selected = Signal(dict)
    #: the text a status bar can show (what is drawn, or what the pointer is over)
    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Flows"))
        self._budget: Budget | None = None
        self.chart: ChartCanvas | None = None
        self._lens_result = None
        self._full: FlowGraph | None = None
        self._graph: FlowGraph | None = None
        self._geometry: SankeyGeometry | None = None
        self._attribution: Attribution | None = None
        self._highlight: np.ndarray | None = None
        self._picked: int | None = None
        self._notes: NoteIndex | None = None
        self._focus_key: tuple[int, str] | None = None
        self._follow_key: tuple[int, str] | None = None
        self._title = ""
        self._subtitle = ""
        self._hover: str = ""
        self._levels: tuple[str, ...] = ("category", "fund", "department")
        self._build()

    # ---------------------------------------------------------------------------------
    # widgets
    # ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName(self.tr("Fiscal year and phase"))
        self.year_combo.setToolTip(self.tr("Which budget to show: a fiscal year and its phase"))
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year_combo)

        self.levels_combo = QComboBox(self)
        self.levels_combo.setAccessibleName(self.tr("Levels shown"))
        self.levels_combo.addItem(self.tr("Revenue ▸ Fund ▸ Department"))
        self.levels_combo.addItem(self.tr("Revenue ▸ Fund ▸ Department ▸ Program"))
        levels_label = QLabel(self.tr("&Show:"), self)
        levels_label.setBuddy(self.levels_combo)

        self.general_fund_check = QCheckBox(self.tr("&General Fund only"), self)
        self.general_fund_check.setToolTip(
            self.tr("Only the General Fund: the money the council can spend on anything")
        )
        self.net_check = QCheckBox(self.tr("&Net of transfers"), self)
        self.net_check.setToolTip(
            self.tr(
                "Leave out transfers between funds and internal-service charges, "
                "so no dollar is counted twice"
            )
        )

        self.fold_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.fold_slider.setRange(0, FOLD_SLIDER_MAX)
        self.fold_slider.setSingleStep(1)
        self.fold_slider.setPageStep(10)
        self.fold_slider.setValue(int(DEFAULT_FOLD_PERCENT * 10))
        self.fold_slider.setAccessibleName(self.tr("Fold small flows into Other"))
        self.fold_slider.setToolTip(
            self.tr("Boxes smaller than this share of all the money fold into “Other (n)”")
        )
        self.fold_slider.setMinimumWidth(110)
        self.fold_value = QLabel(self)
        self.fold_value.setMinimumWidth(self.fold_value.fontMetrics().horizontalAdvance("10.0%"))
        fold_label = QLabel(self.tr("&Fold under:"), self)
        fold_label.setBuddy(self.fold_slider)

        self.show_all_button = QPushButton(self.tr("Show &all"), self)
        self.show_all_button.setToolTip(self.tr("Leave the focus and show every flow (Backspace)"))
        self.show_all_button.setEnabled(False)

        self.lens_note = QLabel(self)
        self.lens_note.setWordWrap(True)
        self.lens_note.setAccessibleName(self.tr("What the toggles removed"))

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(8)
        top.addWidget(levels_label)
        top.addWidget(self.levels_combo)
        top.addSpacing(8)
        top.addWidget(self.general_fund_check)
        top.addWidget(self.net_check)
        top.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(fold_label)
        second.addWidget(self.fold_slider)
        second.addWidget(self.fold_value)
        second.addSpacing(8)
        second.addWidget(self.lens_note, 1)
        second.addWidget(self.show_all_button)

        self.placeholder = QLabel(
            self.tr("Open a budget to see where its money comes from and where it goes."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_holder = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_layout.addWidget(self.placeholder)

        # Follow a dollar
        self.follow_combo = QComboBox(self)
        self.follow_combo.setEditable(True)
        self.follow_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.follow_combo.setMinimumContentsLength(24)
        self.follow_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.follow_combo.setAccessibleName(self.tr("Follow a dollar of"))
        self.follow_combo.lineEdit().setPlaceholderText(
            self.tr("Type a department, program, fund or revenue…")
        )
        completer = QCompleter(self.follow_combo.model(), self.follow_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.follow_combo.setCompleter(completer)
        follow_label = QLabel(self.tr("F&ollow a dollar:"), self)
        follow_label.setBuddy(self.follow_combo)
        bold = follow_label.font()
        bold.setBold(True)
        follow_label.setFont(bold)
        self.focus_button = QPushButton(self.tr("Fo&cus on it"), self)
        self.focus_button.setToolTip(self.tr("Show only the money through the chosen box"))
        self.clear_follow_button = QPushButton(self.tr("C&lear"), self)
        for b in (self.focus_button, self.clear_follow_button):
            b.setEnabled(False)
        self.sentence_box = QTextBrowser(self)
        self.sentence_box.setAccessibleName(self.tr("Follow a dollar, in words"))
        self.sentence_box.setOpenLinks(False)
        font = QFont(self.sentence_box.font())
        font.setPointSizeF(max(13.0, font.pointSizeF() * 1.3))
        self.sentence_box.setFont(font)
        self.sentence_box.setPlaceholderText(
            self.tr(
                "Pick a department: which funds and revenues pay for it, in cents of each "
                "dollar. Pick a revenue: where it goes."
            )
        )
        follow_row = QHBoxLayout()
        follow_row.addWidget(follow_label)
        follow_row.addWidget(self.follow_combo, 1)
        follow_row.addWidget(self.focus_button)
        follow_row.addWidget(self.clear_follow_button)
        follow_panel = QWidget(self)
        follow_layout = QVBoxLayout(follow_panel)
        follow_layout.setContentsMargins(0, 4, 0, 0)
        follow_layout.addLayout(follow_row)
        follow_layout.addWidget(self.sentence_box, 1)
        line = self.sentence_box.fontMetrics().lineSpacing()
        self.sentence_box.setMinimumHeight(line * 2 + 12)
        self.sentence_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._sentence_height = line * 4 + 14
        follow_panel.setMaximumHeight(line * 9)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(follow_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([10_000, self._sentence_height + 40])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)

        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.levels_combo.currentIndexChanged.connect(self.refresh)
        self.general_fund_check.toggled.connect(self.refresh)
        self.net_check.toggled.connect(self.refresh)
        self.fold_slider.valueChanged.connect(self._fold_changed)
        self.show_all_button.clicked.connect(self.show_all)
        self.follow_combo.activated.connect(self._follow_activated)
        completer.activated[str].connect(self._follow_text)
        self.follow_combo.lineEdit().returnPressed.connect(
            lambda: self._follow_text(self.follow_combo.currentText())
        )
        self.focus_button.clicked.connect(self._focus_followed)
        self.clear_follow_button.clicked.connect(self.clear_follow)
        self._show_all_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Backspace), self)
        self._show_all_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_all_shortcut.activated.connect(self.show_all)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(60)
        self._resize_timer.timeout.connect(self._redraw)
        self._update_fold_label()
        self.setTabOrder(self.year_combo, self.levels_combo)
        self.setTabOrder(self.levels_combo, self.general_fund_check)
        self.setTabOrder(self.general_fund_check, self.net_check)
        self.setTabOrder(self.net_check, self.fold_slider)
        self.setTabOrder(self.fold_slider, self.show_all_button)
        self.setTabOrder(self.show_all_button, self.follow_combo)
        self.setTabOrder(self.follow_combo, self.focus_button)
        self.setTabOrder(self.focus_button, self.clear_follow_button)
        self.setTabOrder(self.clear_follow_button, self.sentence_box)

    def _ensure_chart(self) -> ChartCanvas:
        if self.chart is None:
            self.chart = ChartCanvas(self.chart_holder, name=self.tr("Money flows"))
            self.chart_layout.removeWidget(self.placeholder)
            self.placeholder.hide()
            self.chart_layout.addWidget(self.chart)
            self.chart_layout.activate()  # sized now, so the first drawing is at its real size
            canvas = self.chart.canvas
            canvas.setMouseTracking(True)
            canvas.mpl_connect("motion_notify_event", self._on_motion)
            canvas.mpl_connect("button_press_event", self._on_press)
            canvas.mpl_connect("resize_event", lambda _e: self._resize_timer.start())
            self.setTabOrder(self.clear_follow_button, self.chart.canvas)
        return self.chart

    # ---------------------------------------------------------------------------------
    # public API
    # ---------------------------------------------------------------------------------
    def set_budget(self, budget: Budget | None, report=None) -> None:
        """Show ``budget`` (``report``, the import report, is not used here)."""
        del report
        self._budget = budget
        self._focus_key = None
        self._follow_key = None
        self._attribution = None
        if budget is None or len(budget) == 0:
            self._full = self._graph = None
            self.year_combo.clear()
            if self.chart is not None:
                self.chart.figure.clear()
                self.chart.draw()
            return
        from budgetbench.core.lens import year_phases

        self._ensure_chart()
        for w in (self.year_combo, self.levels_combo):
            w.blockSignals(True)
        self.year_combo.clear()
        for year, phase in year_phases(budget):
            self.year_combo.addItem(fiscal_year_label(year, phase), (year, phase))
        self.year_combo.setCurrentIndex(0)
        detail = self._detail_level(budget)
        self.levels_combo.model().item(1).setEnabled(detail is not None)
        if detail == "division":
            self.levels_combo.setItemText(1, self.tr("Revenue ▸ Fund ▸ Department ▸ Division"))
        else:
            self.levels_combo.setItemText(1, self.tr("Revenue ▸ Fund ▸ Department ▸ Program"))
        if detail is None:
            self.levels_combo.setCurrentIndex(0)
        self._detail = detail
        for w in (self.year_combo, self.levels_combo):
            w.blockSignals(False)
        self.refresh()

    @staticmethod
    def _detail_level(budget: Budget) -> str | None:
        for column in ("program", "division"):
            values = budget.lines[column].astype("string").fillna("").str.strip()
            if (values != "").any():
                return column
        return None

    @property
    def graph(self) -> FlowGraph | None:
        """The graph drawn (folded, and focused when a box was clicked)."""
        return self._graph

    @property
    def full_graph(self) -> FlowGraph | None:
        """The unfolded graph of the current year, phase and toggles."""
        return self._full

    @property
    def geometry_(self) -> SankeyGeometry | None:
        return self._geometry

    @property
    def title(self) -> str:
        return self._title

    @property
    def subtitle(self) -> str:
        return self._subtitle

    def sentences(self) -> str:
        return self.sentence_box.toPlainText()

    def refresh(self) -> None:
        """Re-read the lens (year, phase, toggles) and redraw."""
        if self._budget is None or len(self._budget) == 0:
            return
        from budgetbench.core.flows import build_flows
        from budgetbench.core.lens import Lens, apply_lens

        year, phase = self.year_combo.currentData() or (None, None)
        lens = Lens(
            fiscal_year=year,
            phase=phase,
            general_fund_only=self.general_fund_check.isChecked(),
            net_of_transfers=self.net_check.isChecked(),
        )
        result = apply_lens(self._budget, lens)
        self._lens_result = result
        levels = ["category", "fund", "department"]
        if self.levels_combo.currentIndex() == 1 and self._detail:
            levels.append(self._detail)
        self._levels = tuple(levels)
        netted = None
        if lens.net_of_transfers:  # what netting left out, so funds still balance honestly
            gross = apply_lens(self._budget, lens.with_(net_of_transfers=False)).lines
            netted = gross.loc[gross.index.difference(result.lines.index)]
        self._full = (
            build_flows(result.lines, self._levels, netted=netted) if len(result.lines) else None
        )
        self._update_lens_note()
        self._fill_follow_combo()
        if self._full is None:
            self._focus_key = None
        self._redisplay()

    def show_all(self) -> None:
        """Leave the focus."""
        if self._focus_key is None:
            return
        self._focus_key = None
        self._redisplay()

    def focus_on(self, column: int, label: str) -> None:
        """Focus the diagram on the node (column, label) and announce its filters."""
        self._focus_key = (int(column), str(label))
        self._redisplay()
        if self._graph is not None:
            node = self._graph.find_key(column, label)
            if node is not None:
                filters = self._graph.node(node).filters
                if filters:
                    self.node_selected.emit(filters)

    def select(self, filters: dict) -> None:
        """Focus on the node whose lines ``filters`` select (``{"department": "Parks"}``), as
        another view asks; nothing is announced back."""
        if self._graph is None:
            return
        for node in self._graph.nodes.itertuples():
            have = node.filters or {}
            if filters and all(have.get(k) == v for k, v in filters.items()):
                self._focus_key = (int(node.column), str(node.label))
                self._redisplay()
                return

    def follow(self, column: int, label: str) -> None:
        """Follow a dollar of the node (column, label): highlight its paths, say it in words."""
        self._follow_key = (int(column), str(label))
        index = self.follow_combo.findData(_key(int(column), str(label)))
        if index >= 0:
            self.follow_combo.blockSignals(True)
            self.follow_combo.setCurrentIndex(index)
            self.follow_combo.blockSignals(False)
        self.focus_button.setEnabled(True)
        self.clear_follow_button.setEnabled(True)
        self._redisplay()

    def clear_follow(self) -> None:
        self._follow_key = None
        self.follow_combo.setCurrentIndex(-1)
        self.follow_combo.setEditText("")
        self.focus_button.setEnabled(False)
        self.clear_follow_button.setEnabled(False)
        self.sentence_box.clear()
        self._redisplay()

    def node_center(self, label: str, column: int | None = None) -> tuple[float, float]:
        """Display coordinates (matplotlib's, origin bottom-left) of a drawn node's centre."""
        g, geo = self._graph, self._geometry
        if g is None or geo is None or self.chart is None:
            raise LookupError("nothing is drawn")
        node = g.find(label, column=column)
        cx, cy = geo.by_id[node].center
        ax = self.chart.figure.axes[0]
        x, y = ax.transData.transform((cx, cy))
        return float(x), float(y)

    def tooltip_at(self, x: float, y: float) -> str:
        """The tooltip text at display coordinates (x, y), or ""."""
        if self._geometry is None or self.chart is None or not self.chart.figure.axes:
            return ""
        ax = self.chart.figure.axes[0]
        gx, gy = ax.transData.inverted().transform((x, y))
        node = self._geometry.node_at(gx, gy)
        if node is not None:
            return self._node_tip(node)
        link = self._geometry.band_at(gx, gy)
        if link is not None:
            return self._link_tip(link)
        return ""

    def drawn_labels(self) -> list[str]:
        """Every text drawn on the chart (title, headings, node labels, legend)."""
        if self.chart is None:
            return []
        texts = [t.get_text() for t in self.chart.figure.texts]
        for ax in self.chart.figure.axes:
            texts += [t.get_text() for t in ax.texts]
            legend = ax.get_legend()
            if legend is not None:
                texts += [t.get_text() for t in legend.get_texts()]
        return texts

    # ---------------------------------------------------------------------------------
    # state → picture
    # ---------------------------------------------------------------------------------
    def _fold_changed(self) -> None:
        self._update_fold_label()
        self._redisplay()

    def _update_fold_label(self) -> None:
        self.fold_value.setText(
            self.tr("%1%").replace("%1", f"{self.fold_slider.value() / 10:.1f}")
        )
        self.fold_slider.setAccessibleDescription(self.fold_value.text())

    def _update_lens_note(self) -> None:
        r = self._lens_result
        parts = []
        if r is None:
            self.lens_note.setText("")
            return
        if self.net_check.isChecked():
            removed = [
                text.replace("%1", short_money(amount))
                for text, amount in (
                    (self.tr("%1 of transfers"), r.transfers_removed),
                    (self.tr("%1 of internal-service charges"), r.internal_charges_removed),
                )
                if abs(amount) >= 0.5
            ]
            if removed:
                parts.append(
                    self.tr("Net of transfers: %1 left out.").replace(
                        "%1", self.tr(" and ").join(removed)
                    )
                )
            else:
                parts.append(self.tr("Net of transfers: there were none to leave out."))
        if self.general_fund_check.isChecked():
            parts.append(self.tr("General Fund only."))
        self.lens_note.setText(" ".join(parts))

    def _display_label(self, node: int, graph: FlowGraph | None = None) -> str:
        """The node's name as shown: pseudo-nodes and "Other (n)" in the interface's language."""
        from budgetbench.core import flows

        return flows.display_label(graph or self._graph, node)

    def _level_title(self, level: str) -> str:
        return {
            "category": self.tr("Revenue"),
            "fund": self.tr("Funds"),
            "department": self.tr("Departments"),
            "program": self.tr("Programs"),
            "division": self.tr("Divisions"),
        }.get(level, level)

    def _level_kind(self, level: str) -> str:
        """What one box of a column is, for the follow-a-dollar list ("Parks (department)")."""
        return {
            "category": self.tr("revenue"),
            "fund": self.tr("fund"),
            "department": self.tr("department"),
            "program": self.tr("program"),
            "division": self.tr("division"),
        }.get(level, level)

    def _fill_follow_combo(self) -> None:
        from budgetbench.core import flows

        combo = self.follow_combo
        combo.blockSignals(True)
        combo.clear()
        g = self._full
        if g is not None:
            nodes = g.nodes.sort_values(["column", "value"], ascending=[True, False])
            rows = []
            for node_id, row in nodes.iterrows():  # one entry per node: tens, not lines
                if row["kind"] not in (flows.SOURCE, flows.FUND, flows.USE, flows.BALANCE):
                    continue
                col = int(row["column"])
                what = self._level_kind(g.levels[col])
                if row["kind"] == flows.BALANCE:
                    what = self.tr("fund balance")
                text = self.tr("%1 (%2)").replace("%2", what)
                rows.append(
                    (text.replace("%1", self._display_label(node_id, g)), (col, str(row["label"])))
                )
            # departments first: the question a room asks most
            order = {flows.FUND_COLUMN + 1: 0, 0: 1, flows.FUND_COLUMN: 2}
            rows.sort(key=lambda r: (order.get(r[1][0], 3), r[0].lower()))
            for text, (col, label) in rows:
                combo.addItem(text, _key(col, label))
        combo.setCurrentIndex(-1)
        if self._follow_key is not None:
            index = combo.findData(_key(*self._follow_key))
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                self._follow_key = None
        combo.blockSignals(False)
        self.focus_button.setEnabled(self._follow_key is not None)
        self.clear_follow_button.setEnabled(self._follow_key is not None)

    def _follow_activated(self, index: int) -> None:
        data = self.follow_combo.itemData(index)
        if data:
            column, label = data.split("\t", 1)
            self.follow(int(column), label)

    def _follow_text(self, text: str) -> None:
        index = self.follow_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self.follow_combo.findText(text, Qt.MatchFlag.MatchStartsWith)
        if index < 0:
            index = self.follow_combo.findText(text, Qt.MatchFlag.MatchContains)
        if index >= 0:
            self._follow_activated(index)

    def _focus_followed(self) -> None:
        if self._follow_key is not None:
            self.focus_on(*self._follow_key)

    def _redisplay(self) -> None:
        """Fold, focus and follow on the current graph, then lay out and draw."""
        from budgetbench.core import flows

        full = self._full
        if full is None:
            self._graph = None
            self._geometry = None
            self._title = self.tr("No lines for this year and phase")
            self._subtitle = ""
            self._draw()
            return
        keep = [k for k in (self._focus_key, self._follow_key) if k is not None]
        graph = flows.fold(full, self.fold_slider.value() / 1000.0, keep=keep)
        if self._focus_key is not None:
            node = graph.find_key(*self._focus_key)
            if node is None:
                self._focus_key = None
            else:
                graph = flows.focus(graph, node)
        self._graph = graph
        self.show_all_button.setEnabled(self._focus_key is not None)
        self._attribution = None
        self._highlight = None
        self._picked = None
        if self._follow_key is not None:
            self._show_sentences()
            node = full.find_key(*self._follow_key)
            if node is not None:
                # attributed on the unfolded graph (as the words are), drawn on the folded one
                self._attribution = flows.follow_dollar(full, node)
                self._highlight = flows.carry(self._attribution.links, full, graph)
                self._picked = graph.find_key(*self._follow_key)
        self._title, self._subtitle = self._titles()
        self._draw()

    def _show_sentences(self) -> None:
        """The words come from the unfolded graph, so they name real funds and revenues."""
        from budgetbench.core import flows

        if self._follow_key is None or self._full is None:
            self.sentence_box.clear()
            return
        node = self._full.find_key(*self._follow_key)
        if node is None:
            self.sentence_box.clear()
            return
        attribution = flows.follow_dollar(self._full, node)
        lines = attribution.sentences(max_funds=3)
        if not lines:
            lines = [self.tr("No money flows through this box in the budget shown.")]
        self.sentence_box.setPlainText("\n".join(lines))
        self.sentence_box.setAccessibleDescription(" ".join(lines))

    def _titles(self) -> tuple[str, str]:
        """A title that states the point, and a subtitle saying what is shown."""
        from budgetbench.core import flows

        g = self._graph
        r = self._lens_result
        year_phase = fiscal_year_label(r.fiscal_year, r.phase) if r is not None else ""
        scope = (
            self.tr("General Fund only")
            if self.general_fund_check.isChecked()
            else self.tr("all funds")
        )
        if self.net_check.isChecked():
            scope += self.tr(", net of transfers")
        total = short_money(self._full.totals()["revenue"]) if self._full is not None else ""
        subtitle = self.tr("%1 · %2 · %3 of revenue · hover for amounts, click a box to focus")
        subtitle = subtitle.replace("%1", year_phase).replace("%2", scope).replace("%3", total)
        if g is None:
            return self.tr("No lines for this year and phase"), subtitle
        if g.focused is not None:
            return self._focus_title(g, g.focused), subtitle
        full = self._full
        fund, share = full.fund_spending_share()
        funds = int((full.nodes["kind"] == flows.FUND).sum())
        net = self.net_check.isChecked()
        if fund is not None and funds >= 2:
            who = flows.node_phrase(full, fund)
            if net:
                text = self.tr("Net of transfers, %1 pays for %2% of department spending")
            else:
                text = self.tr("%1 pays for %2% of department spending")
            text = text.replace("%1", who).replace("%2", f"{share * 100:.0f}")
        else:
            text = self._single_fund_title(full, net)
        return text[:1].upper() + text[1:], subtitle

    def _single_fund_title(self, g: FlowGraph, net: bool = False) -> str:
        import numpy as np

        from budgetbench.core import flows

        cols = g.nodes["column"].to_numpy()
        kinds = g.nodes["kind"].to_numpy()
        values = g.nodes["value"].to_numpy()
        src = np.flatnonzero((cols == 0) & (kinds == flows.SOURCE))
        if len(src) == 0:
            if net:
                return self.tr("Net of transfers, where the money goes")
            return self.tr("Where the money goes")
        best = src[int(np.argmax(values[src]))]
        share = values[best] / max(g.total, 1e-9)
        if net:
            text = self.tr("Net of transfers, %1 brings in %2% of the money")
        else:
            text = self.tr("%1 brings in %2% of the money")
        return text.replace("%1", self._display_label(int(best), g)).replace(
            "%2", f"{share * 100:.0f}"
        )

    def _focus_title(self, g: FlowGraph, node: int) -> str:
        from budgetbench.core import flows

        a = flows.follow_dollar(g, node)
        label = self._display_label(node, g)
        value = float(g.nodes.at[node, "value"])
        if a.direction == "to":
            funds = a.funds()
            if funds:
                fund, amount = funds[0]
                text = self.tr("%1: %2, and %3% of it goes to %4")
                return (
                    text.replace("%1", label)
                    .replace("%2", short_money(value))
                    .replace("%3", f"{amount / value * 100:.0f}")
                    .replace("%4", a.who(fund))
                )
        elif a.direction == "from":
            funds = a.funds()
            if funds:
                fund, amount = funds[0]
                text = self.tr("%1: %2, and %3% of it is paid by %4")
                return (
                    text.replace("%1", label)
                    .replace("%2", short_money(value))
                    .replace("%3", f"{amount / value * 100:.0f}")
                    .replace("%4", a.who(fund))
                )
        else:
            ins = a.fund_inflows(node)
            if ins:
                _, src, share = ins[0]
                text = self.tr("%1: %2, and %3% of it is %4")
                return (
                    text.replace("%1", label)
                    .replace("%2", short_money(value))
                    .replace("%3", f"{share * 100:.0f}")
                    .replace("%4", self._display_label(src, g))
                )
        return self.tr("%1: %2").replace("%1", label).replace("%2", short_money(value))

    # ---------------------------------------------------------------------------------
    # drawing
    # ---------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Draw again at the canvas's current size (done by itself after a resize)."""
        if self._graph is not None:
            self._draw()

    _redraw = redraw

    def _draw(self) -> None:
        import numpy as np

        if self.chart is None:
            return
        from budgetbench.core import flows

        fig = self.chart.figure
        canvas = self.chart.canvas
        ratio = float(getattr(canvas, "device_pixel_ratio", 1.0) or 1.0)
        if canvas.width() > 50 and canvas.height() > 50:  # the widget's size, not a stale one
            fig.set_size_inches(
                canvas.width() * ratio / fig.dpi, canvas.height() * ratio / fig.dpi, forward=False
            )
        fig.set_layout_engine("none")
        fig.clear()
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        width, height = float(fig.bbox.width), float(fig.bbox.height)
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        px = fig.dpi / 72.0
        title_px, sub_px, label_px, head_px = (
            TITLE_PT * px,
            SUBTITLE_PT * px,
            LABEL_PT * px,
            HEADER_PT * px,
        )
        title = fig.text(
            0.012,
            1 - 6 / height,
            self._title,
            fontsize=TITLE_PT,
            fontweight="bold",
            va="top",
            color=TEXT_COLOUR,
        )
        subtitle = fig.text(
            0.012,
            1 - (10 + title_px * 1.25) / height,
            self._subtitle,
            fontsize=SUBTITLE_PT,
            va="top",
            color="#444444",
        )
        room = width * (1 - 2 * 0.012)
        _fit_width(title, room, TITLE_PT - 3)  # a longer language: smaller type, then "…"
        _fit_width(subtitle, room, SUBTITLE_PT - 2)
        from budgetbench.ui.glossary import show_definitions_on_hover, underline_terms

        show_definitions_on_hover(self.chart.canvas, underline_terms(fig, title))
        g = self._graph
        if g is None or len(g) == 0:
            self._geometry = None
            self.chart.set_description(self._title)
            self.chart.draw()
            return
        top = 14 + title_px * 1.25 + sub_px * 1.3 + head_px * 1.6
        bottom = label_px * 2.2  # the legend
        fit = _Fit(fig, LABEL_PT)
        cols = g.nodes["column"].to_numpy()
        values = g.nodes["value"].to_numpy()
        labels = [
            f"{MARK} {self._display_label(i, g)}"
            if self._node_notes(i, g)
            else self._display_label(i, g)
            for i in range(len(g))
        ]
        last = g.n_columns - 1

        def margin(col: int) -> float:
            ids = np.flatnonzero(cols == col)
            widest = max(
                (
                    fit.width(f"{labels[i][:MAX_LABEL_CHARS]} {short_money(float(values[i]))}")
                    for i in ids
                ),
                default=60.0,
            )
            return min(0.25 * width, max(60.0, widest + 24))

        left, right = margin(0), margin(last)
        geo = flows.layout(
            g,
            width,
            height,
            gap=max(6.0, label_px * 0.5),
            margins=(left, right, top, bottom),
            min_height=1.5,
        )
        self._geometry = geo
        self._draw_bands(ax, g, geo)
        self._draw_nodes(ax, g, geo, labels, fit)
        for x0, x1, level in geo.columns:
            col_idx = [c[2] for c in geo.columns].index(level)
            ha = "right" if col_idx == 0 else ("left" if col_idx == last else "center")
            x = x1 if col_idx == 0 else (x0 if col_idx == last else (x0 + x1) / 2)
            ax.text(
                x,
                top - head_px * 0.6,
                self._level_title(level),
                fontsize=HEADER_PT,
                fontweight="bold",
                ha=ha,
                va="bottom",
                color="#333333",
            )
        self._draw_legend(ax, g)
        self.chart.set_description(self._description(g))
        self.chart.draw()

    def _band_style(self, g: FlowGraph, band) -> tuple[str, str | None, str]:
        """(colour, hatch, style key) of a band: by kind first, then by side of the funds."""
        from budgetbench.core import flows

        if band.kind == flows.LINK_TRANSFER:
            return TRANSFER_COLOUR, "//", "transfer"
        if band.kind == flows.LINK_BALANCE:
            return BALANCE_COLOUR, "..", "balance"
        if band.kind == flows.LINK_CREDIT:
            return CREDIT_COLOUR, "xx", "credit"
        kinds = g.nodes["kind"].to_numpy()
        if kinds[band.source] == flows.TRANSFER or kinds[band.target] == flows.TRANSFER:
            return TRANSFER_COLOUR, "//", "transfer"
        cols = g.nodes["column"].to_numpy()
        if cols[band.source] < flows.FUND_COLUMN:
            return REVENUE_COLOUR, None, "revenue"
        return EXPENSE_COLOUR, None, "spending"

    def _band_path(self, band, thickness: float | None = None):
        import numpy as np
        from matplotlib.path import Path

        if band.is_loop:
            return Path(band.polygon(thickness=thickness), closed=True)
        top, bottom = band.control_points(thickness)
        verts = np.vstack([top, bottom[::-1], top[:1]])
        codes = [
            Path.MOVETO,
            Path.CURVE4,
            Path.CURVE4,
            Path.CURVE4,
            Path.LINETO,
            Path.CURVE4,
            Path.CURVE4,
            Path.CURVE4,
            Path.CLOSEPOLY,
        ]
        return Path(verts, codes)

    def _draw_bands(self, ax, g: FlowGraph, geo: SankeyGeometry) -> None:
        from matplotlib.collections import PathCollection

        highlight = self._highlight
        groups: dict[str, tuple[list, str, str | None]] = {}
        hi_groups: dict[str, tuple[list, str, str | None]] = {}
        for band in geo.bands:
            colour, hatch, key = self._band_style(g, band)
            groups.setdefault(key, ([], colour, hatch))[0].append(self._band_path(band))
            if highlight is not None and highlight[band.link] > 1e-9:
                t = highlight[band.link] * geo.scale
                path = self._band_path(band, t)
                hi_groups.setdefault(key, ([], colour, hatch))[0].append(path)
        base_alpha = 0.14 if highlight is not None else 0.42
        for key, (paths, colour, hatch) in groups.items():
            coll = PathCollection(
                paths,
                facecolor=colour,
                edgecolor=colour if hatch else "none",
                alpha=base_alpha if key != "transfer" else base_alpha * 0.8,
                linewidth=0.0 if not hatch else 0.6,
                hatch=hatch,
                zorder=1,
            )
            if key == "transfer":
                coll.set_linestyle("--")
            ax.add_collection(coll)
        for paths, colour, hatch in hi_groups.values():
            ax.add_collection(
                PathCollection(
                    paths,
                    facecolor=colour,
                    edgecolor=TEXT_COLOUR,
                    alpha=0.8,
                    linewidth=0.4,
                    hatch=hatch,
                    zorder=2,
                )
            )
        # label transfer loops that are thick enough to carry text
        px = self.chart.figure.dpi / 72.0
        for band in geo.bands:
            if band.is_loop and band.label_at is not None and band.thickness >= (LABEL_PT - 2) * px:
                ax.text(
                    band.label_at[0],
                    band.label_at[1],
                    self.tr("transfer %1").replace("%1", short_money(band.value)),
                    fontsize=LABEL_PT - 1.5,
                    ha="center",
                    va="center",
                    color=TEXT_COLOUR,
                    zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                )

    def _node_colour(self, g: FlowGraph, node: int) -> str:
        from budgetbench.core import flows

        kind = g.nodes.at[node, "kind"]
        col = int(g.nodes.at[node, "column"])
        if kind == flows.BALANCE:
            return BALANCE_COLOUR
        if kind == flows.TRANSFER:
            return TRANSFER_COLOUR
        if kind == flows.CREDIT:
            return CREDIT_COLOUR
        if col < flows.FUND_COLUMN:
            return REVENUE_COLOUR
        return EXPENSE_COLOUR

    def _draw_nodes(self, ax, g: FlowGraph, geo: SankeyGeometry, labels, fit: _Fit):
        from matplotlib.patches import Rectangle

        from budgetbench.core import flows

        focused = g.focused
        picked = self._picked
        small = _Fit(self.chart.figure, LABEL_PT - 1.5)
        edge_labels: dict[int, list] = {}
        for box in geo.nodes:
            node = box.id
            kind = g.nodes.at[node, "kind"]
            inside = box.label_side == "inside"
            colour = self._node_colour(g, node)
            face = FUND_FACE if inside and kind in (flows.FUND, flows.USE, flows.OTHER) else colour
            hatch = {flows.BALANCE: "..", flows.TRANSFER: "//", flows.CREDIT: "xx"}.get(kind)
            if kind == flows.OTHER and not inside:
                face = "#BBBBBB"
            edge = TEXT_COLOUR if inside else "none"
            width = 0.8
            if node in (focused, picked):
                edge, width = "#000000", 2.4
            elif self._node_notes(node, g):
                edge, width = NOTED_EDGE, 2.4
            ax.add_patch(
                Rectangle(
                    (box.x0, box.y0),
                    box.x1 - box.x0,
                    max(box.height, 1.0),
                    facecolor=face if not (inside and hatch) else "white",
                    edgecolor=edge if hatch is None or inside else colour,
                    linewidth=width,
                    hatch=hatch,
                    zorder=3,
                )
            )
            money = short_money(float(g.nodes.at[node, "value"]))
            weight = "bold" if node in (focused, picked) else "normal"
            if not inside:
                edge_labels.setdefault(box.column, []).append((box, labels[node], money, weight))
                continue
            text = fit.label(labels[node], money, box.label_width, box.height)
            font = LABEL_PT
            back = None
            if not text:  # a thin box: one small line, on a patch of the box's colour
                text = small.label(labels[node], money, box.label_width, small.line)
                font = LABEL_PT - 1.5
                back = {"boxstyle": "square,pad=0.05", "fc": FUND_FACE, "ec": "none"}
                if box.height + geo_gap(geo) < small.line * 0.95:
                    text = ""
            if text:
                ax.text(
                    box.label_x,
                    box.label_y,
                    text,
                    fontsize=font,
                    ha="left",
                    va="center",
                    color=TEXT_COLOUR,
                    fontweight=weight,
                    linespacing=1.05,
                    zorder=6,
                    clip_on=False,
                    bbox=back,
                )
        lo = min(b.y0 for b in geo.nodes)
        hi = max(b.y1 for b in geo.nodes)
        for boxes in edge_labels.values():
            self._draw_edge_labels(ax, boxes, fit, lo, hi)

    def _draw_edge_labels(self, ax, boxes, fit: _Fit, lo: float, hi: float) -> None:
        """Labels beside an edge column, spread apart where nodes are thin (with a leader)."""
        from budgetbench.core.flows import spread_labels

        room = hi - lo
        items = []
        for box, name, money, weight in boxes:
            two = box.height >= fit.line * 2.1
            text = fit.label(name, money, box.label_width - 12, fit.line * (2 if two else 1))
            if text:
                lines = text.count("\n") + 1
                items.append([box, text, lines * fit.line, weight])
        # the biggest boxes keep their labels when not all fit
        items.sort(key=lambda it: -it[0].height)
        while items and sum(it[2] for it in items) + 2 * len(items) > room:
            items.pop()
        if not items:
            return
        centers = spread_labels(
            [it[0].label_y for it in items], [it[2] for it in items], lo, hi, pad=2.0
        )
        for (box, text, _h, weight), y in zip(items, centers, strict=True):
            left = box.label_side == "outside-left"
            edge = box.x0 if left else box.x1
            moved = abs(y - box.label_y) > fit.line * 0.3
            x = edge + (-12 if left else 12) if moved else box.label_x
            if moved:
                ax.plot(
                    [edge + (-1 if left else 1), x + (2 if left else -2)],
                    [box.label_y, y],
                    color="#777777",
                    linewidth=0.8,
                    zorder=5,
                    solid_capstyle="round",
                )
            ax.text(
                x,
                y,
                text,
                fontsize=LABEL_PT,
                ha="right" if left else "left",
                va="center",
                color=TEXT_COLOUR,
                fontweight=weight,
                linespacing=1.05,
                zorder=6,
                clip_on=False,
            )

    def _draw_legend(self, ax, g: FlowGraph) -> None:
        from matplotlib.patches import Patch

        from budgetbench.core import flows

        kinds = set(g.links["kind"])
        handles = [
            Patch(facecolor=REVENUE_COLOUR, alpha=0.6, label=self.tr("revenue into a fund")),
            Patch(facecolor=EXPENSE_COLOUR, alpha=0.6, label=self.tr("spending by a fund")),
        ]
        labels = set(g.nodes["label"])
        netted = bool(labels & {flows.NETTED_IN, flows.NETTED_OUT})
        paired = flows.LINK_TRANSFER in kinds or bool(
            labels & {flows.TRANSFERS_IN, flows.TRANSFERS_OUT}
        )
        for shown, text in (
            (paired, self.tr("transfer between funds (counted once)")),
            (netted, self.tr("between funds, left out of the totals")),
        ):
            if shown:
                handles.append(
                    Patch(
                        facecolor=TRANSFER_COLOUR,
                        alpha=0.5,
                        hatch="//",
                        edgecolor=TRANSFER_COLOUR,
                        label=text,
                    )
                )
        if flows.LINK_BALANCE in kinds:
            handles.append(
                Patch(
                    facecolor=BALANCE_COLOUR,
                    alpha=0.5,
                    hatch="..",
                    edgecolor=BALANCE_COLOUR,
                    label=self.tr("fund balance / reserves"),
                )
            )
        if flows.LINK_CREDIT in kinds:
            handles.append(
                Patch(
                    facecolor=CREDIT_COLOUR,
                    alpha=0.5,
                    hatch="xx",
                    edgecolor=CREDIT_COLOUR,
                    label=self.tr("negative amounts (recoveries, credits)"),
                )
            )
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 0.0),
            ncols=len(handles),
            frameon=False,
            fontsize=LABEL_PT - 1,
            handlelength=1.6,
            columnspacing=1.2,
            borderaxespad=0.3,
        )

    def _description(self, g: FlowGraph) -> str:
        """The chart in words, for screen readers."""
        import numpy as np

        from budgetbench.core import flows

        cols = g.nodes["column"].to_numpy()
        kinds = g.nodes["kind"].to_numpy()
        values = g.nodes["value"].to_numpy()
        parts = [self._title + "."]
        for col in range(g.n_columns):
            ids = np.flatnonzero(
                (cols == col) & np.isin(kinds, (flows.SOURCE, flows.FUND, flows.USE, flows.OTHER))
            )
            if len(ids) == 0:
                continue
            ids = ids[np.argsort(-values[ids])][:3]
            largest = ", ".join(
                f"{self._display_label(int(i), g)} {short_money(float(values[i]))}" for i in ids
            )
            parts.append(
                self.tr("%1: %2 boxes; largest %3.")
                .replace("%1", self._level_title(g.levels[col]))
                .replace("%2", str(int((cols == col).sum())))
                .replace("%3", largest)
            )
        return " ".join(parts)

    # ---------------------------------------------------------------------------------
    # pointer
    # ---------------------------------------------------------------------------------
    def _share_of(self, node: int) -> tuple[float, str]:
        from budgetbench.core import flows

        g = self._graph
        col = int(g.nodes.at[node, "column"])
        value = float(g.nodes.at[node, "value"])
        if col == flows.FUND_COLUMN:
            return value / max(g.total, 1e-9), self.tr("all the money flowing in")
        total = float(g.nodes["value"].to_numpy()[g.nodes["column"].to_numpy() == col].sum())
        return value / max(total, 1e-9), self.tr("this column")

    def _node_tip(self, node: int) -> str:
        from budgetbench.core import flows

        g = self._graph
        label = self._display_label(node, g)
        value = float(g.nodes.at[node, "value"])
        share, of = self._share_of(node)
        text = self.tr("%1\n%2 — %3% of %4").replace("%1", label)
        text = (
            text.replace("%2", format_money(value))
            .replace("%3", f"{share * 100:.1f}")
            .replace("%4", of)
        )
        members = g.nodes.at[node, "members"]
        if g.nodes.at[node, "kind"] == flows.OTHER and members:
            shown = ", ".join(flows.shown_label(str(m)) for m in members[:8])
            text += "\n" + shown + (" …" if len(members) > 8 else "")
        filters = g.nodes.at[node, "filters"]
        if self._notes and filters:
            extra = tooltip_notes(self._notes.direct(filters), self._notes.on_lines(filters))
            text += "\n" + extra if extra else ""
        return text

    def _node_notes(self, node: int, graph: FlowGraph | None = None) -> list[str]:
        """The room's notes on the box ``node`` itself (a department, program or fund)."""
        if not self._notes:
            return []
        filters = (graph or self._graph).nodes.at[node, "filters"]
        return self._notes.direct(filters) if filters else []

    def set_notes(self, index: NoteIndex | None) -> None:
        """Mark the boxes the room has written notes on; their notes show on hover."""
        self._notes = index
        self._redraw_when_shown = not self.isVisible()
        if self.isVisible() and self._graph is not None:
            self._redisplay()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_redraw_when_shown", False):
            self._redraw_when_shown = False
            if self._graph is not None:
                self._redisplay()

    def state_selection(self) -> dict:
        """The box in focus and the one followed, as JSON (for the session's view state)."""
        out = {}
        if self._focus_key is not None:
            out["focus"] = list(self._focus_key)
        if self._follow_key is not None:
            out["follow"] = list(self._follow_key)
        return out

    def restore_selection(self, state: dict) -> None:
        if self._graph is None or not isinstance(state, dict):
            return
        for key, act in (("focus", self.focus_on), ("follow", self.follow)):
            value = state.get(key)
            if isinstance(value, list) and len(value) == 2:
                column, label = value
                if self._graph.find_key(int(column), str(label)) is not None:
                    act(int(column), str(label))

    def selected_filters(self) -> dict:
        """The filters of the box in focus or followed (``{}`` when none is)."""
        g = self._graph
        key = self._focus_key or self._follow_key
        if g is None or key is None:
            return {}
        node = g.find_key(*key)
        if node is None:
            return {}
        return dict(g.nodes.at[node, "filters"] or {})

    def _link_tip(self, link: int) -> str:
        from budgetbench.core import flows

        g = self._graph
        row = g.links.loc[link]
        s, t, v = int(row["source"]), int(row["target"]), float(row["value"])
        inflow, outflow = g.flows()
        src, tgt = self._display_label(s, g), self._display_label(t, g)
        if row["kind"] == flows.LINK_TRANSFER:
            text = self.tr("Transfer from %1 to %2\n%3 (counted once)")
        else:
            text = self.tr("%1 → %2\n%3")
        text = text.replace("%1", src).replace("%2", tgt).replace("%3", format_money(v))
        share = self.tr("\n%1% of what %2 pays out; %3% of what %4 takes in")
        return text + share.replace("%1", f"{v / max(outflow[s], 1e-9) * 100:.1f}").replace(
            "%2", src
        ).replace("%3", f"{v / max(inflow[t], 1e-9) * 100:.1f}").replace("%4", tgt)

    def _on_motion(self, event) -> None:
        if self._geometry is None or event.x is None:
            return
        text = self.tooltip_at(event.x, event.y)
        if text == self._hover:
            return
        self._hover = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self.chart.canvas)
            self.status_changed.emit(text.replace("\n", " — "))
        else:
            QToolTip.hideText()

    def _on_press(self, event) -> None:
        if self._geometry is None or event.x is None or self.chart is None:
            return
        ax = self.chart.figure.axes[0]
        gx, gy = ax.transData.inverted().transform((event.x, event.y))
        node = self._geometry.node_at(gx, gy)
        if node is None:
            return
        col = int(self._graph.nodes.at[node, "column"])
        label = str(self._graph.nodes.at[node, "label"])
        if self._graph.focused == node:  # a second click on the focused box leaves the focus
            self.show_all()
            return
        self.focus_on(col, label)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.chart is not None:
            self._resize_timer.start()

    def sizeHint(self):
        hint = super().sizeHint()
        return hint.expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self):
        size = super().minimumSizeHint()
        size.setHeight(max(size.height(), 420))
        return size
