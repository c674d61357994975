"""The Explore view: where does the money go?

A drill-down tree (fund type, fund, department, division, program, account, or by object)
with amounts, shares and a comparison, beside a treemap of the group in focus. Clicking a
tile drills in; breadcrumbs climb out; the tree and the treemap follow each other. The
toggles at the left are the shared lens (:mod:`budgetbench.core.lens`): one year and phase,
General Fund only, net of transfers, restricted money, per resident, real dollars. "Show
these lines" asks the window to open the Data view on the selected group's line items.

The view computes nothing itself: :func:`budgetbench.core.explore.explore` does. pandas and
matplotlib load with the first budget, not when the window opens.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.format import format_money, short_money
from budgetbench.core.i18n import QT_TRANSLATE_NOOP
from budgetbench.ui.charts import OKABE_ITO, ChartCanvas
from budgetbench.ui.models.tree_model import (
    AMOUNT,
    CHANGE,
    CHANGE_PCT,
    COLUMN_COUNT,
    NAME,
    SHARE_PARENT,
    SHARE_TOTAL,
    TreeModel,
)
from budgetbench.ui.notes import MARK, NoteIndex, tooltip_notes

if TYPE_CHECKING:  # pandas-backed: loaded with the first budget, not at start-up
    from budgetbench.core.budget import Budget
    from budgetbench.core.explore import Exploration, Node

# Level names for people (the same as ``core.explore.LEVELS``, here so that start-up does
# not import pandas), in English; shown through :func:`level_name`.
LEVEL_NAMES: dict[str, str] = {
    "fund_type": QT_TRANSLATE_NOOP("ExploreView", "Fund type"),
    "fund_name": QT_TRANSLATE_NOOP("ExploreView", "Fund"),
    "department": QT_TRANSLATE_NOOP("ExploreView", "Department"),
    "division": QT_TRANSLATE_NOOP("ExploreView", "Division"),
    "program": QT_TRANSLATE_NOOP("ExploreView", "Program"),
    "object": QT_TRANSLATE_NOOP("ExploreView", "Object (personnel, retirement…)"),
    "category": QT_TRANSLATE_NOOP("ExploreView", "Category"),
    "account_name": QT_TRANSLATE_NOOP("ExploreView", "Account"),
}
# The preset orders of levels (see ``core.explore.PRESETS``), by key, with their names.
PRESET_NAMES: tuple[tuple[str, str], ...] = (
    ("fund", QT_TRANSLATE_NOOP("ExploreView", "Fund ▸ Department ▸ Account")),
    ("department", QT_TRANSLATE_NOOP("ExploreView", "Department ▸ Fund ▸ Account")),
    ("object", QT_TRANSLATE_NOOP("ExploreView", "By object (personnel, retirement…)")),
)
#: The preset combo box's entry for an order of levels of one's own.
CUSTOM = "custom"
#: The money toggle's choices (``Lens.restricted``).
RESTRICTED, UNRESTRICTED = "restricted", "unrestricted"
#: Amounts and counts are written the US way in every language (like the money).
US_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def level_name(level: str) -> str:
    """A level's name in the interface's language ("Department")."""
    name = LEVEL_NAMES.get(level)
    return QCoreApplication.translate("ExploreView", name) if name else level


PRESET_LEVELS: dict[str, tuple[str, ...]] = {
    "fund": ("fund_type", "fund_name", "department", "division", "program", "account_name"),
    "department": ("department", "division", "program", "fund_name", "account_name"),
    "object": ("object", "department", "account_name"),
}

#: Tile colours without a comparison: Okabe–Ito without black and yellow (both read badly
#: as large areas on a projector).
TILE_COLOURS = tuple(c for c in OKABE_ITO if c not in ("#000000", "#F0E442"))
GREW = "#0072B2"  # Okabe–Ito blue
SHRANK = "#D55E00"  # Okabe–Ito vermillion
SAME = "#BBBBBB"
SELECTED_EDGE = "#000000"
#: Outline of tiles the room has written notes on (Okabe–Ito orange).
NOTED_EDGE = "#E69F00"

#: Recompute this long after the last change of a number box (typing "85000" is 5 changes).
SPIN_DELAY_MS = 250
#: Redraw the treemap this long after the last resize.
RESIZE_DELAY_MS = 60

TITLE_PT = 16.0
SUBTITLE_PT = 11.5
LABEL_PT = 12.0
SMALL_LABEL_PT = 10.0
NOTE_PT = 10.0


def _mix(colour: str, white: float) -> str:
    """``colour`` mixed with ``white`` parts of white (0: unchanged, 1: white)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * white) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (WCAG contrast ratio)."""
    lum = _luminance(fill)
    return "#FFFFFF" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else "#000000"


class _ViewNotes:
    """The notes of Explore's groups: a group's filters name its note target."""

    def __init__(self, view: ExploreView, index: NoteIndex) -> None:
        self._view, self._index = view, index

    def direct(self, node: Node) -> list[str]:
        return self._index.direct(self._view.line_filters(node))

    def on_lines(self, node: Node) -> int:
        return self._index.on_lines(self._view.line_filters(node))


class AliasDialog(QDialog):
    """Edit the table of renamed departments: old name → the name it is joined under."""

    def __init__(
        self,
        aliases: dict[str, str],
        names: list[str],
        suggestions: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aliasDialog")
        self.setWindowTitle(self.tr("Renamed departments"))
        self._suggestions = suggestions
        intro = QLabel(
            self.tr(
                "A department renamed between years is counted as one when its old name is "
                "listed here with its new name, so year-over-year change is right. The table "
                "is saved with the session."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("aliasTable")
        self.table.setHorizontalHeaderLabels([self.tr("Old name"), self.tr("Joined under")])
        self.table.setAccessibleName(self.tr("Renamed departments: old name and new name"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for old, new in sorted(aliases.items()):
            self.add_row(old, new)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setAccessibleName(self.tr("Add a renamed department"))
        self.add_button.clicked.connect(lambda: self.add_row("", ""))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected rename"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.suggest_button = QPushButton(self.tr("&Suggest"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest likely renames"))
        self.suggest_button.setToolTip(
            self.tr("Names that stop in one year while a similar name starts the next")
        )
        self.suggest_button.setEnabled(bool(suggestions))
        self.suggest_button.clicked.connect(self.add_suggestions)
        if names:
            self.table.setToolTip(
                self.tr("Names in this budget: %1").replace("%1", ", ".join(names))
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def add_row(self, old: str, new: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(old))
        self.table.setItem(row, 1, QTableWidgetItem(new))
        if not old:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)

    def add_suggestions(self) -> None:
        have = set(self.aliases())
        for old, new in self._suggestions:
            if old not in have:
                self.add_row(old, new)

    def aliases(self) -> dict[str, str]:
        """The table as ``{old: new}``; rows missing a name, or naming itself, are skipped."""
        out: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            old_item, new_item = self.table.item(row, 0), self.table.item(row, 1)
            old = old_item.text().strip() if old_item else ""
            new = new_item.text().strip() if new_item else ""
            if old and new and old != new:
                out[old] = new
        return out


class ExploreView(QWidget):
    """Where does the money go: a drill-down tree and a treemap that follow each other.

    Signals ``selection_changed(dict)`` (the selected group's line filters, whenever it
    changes) and ``show_lines(dict)`` (the same filters, when the user asks to see the lines:
    every canonical column they constrain, plus ``fiscal_year`` and ``phase``).
    """

    selection_changed = Signal(dict)
    show_lines = Signal(dict)
    #: the renamed-departments table changed (kept with the budget, saved in the session)
    aliases_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exploreView")
        self._budget: Budget | None = None
        self._exploration: Exploration | None = None
        self._current: Node | None = None
        self._focus: Node | None = None
        self._levels: tuple[str, ...] = PRESET_LEVELS["fund"]
        self._year_phases: list[tuple[int, str]] = []
        self._cpi: dict[int, float] = {}
        self._syncing = False
        self._tiles: list[tuple[Any, float, float, float, float]] = []
        self._tile_colours: dict[int, str] = {}
        self._hover_uid: int | None = None
        self._ax = None
        self._chart: ChartCanvas | None = None
        self._notes: NoteIndex | None = None
        self._crumbs: list[QToolButton] = []
        self.last_compute_ms = 0.0
        self.alias_dialog: AliasDialog | None = None

        self._spin_timer = QTimer(self)
        self._spin_timer.setSingleShot(True)
        self._spin_timer.setInterval(SPIN_DELAY_MS)
        self._spin_timer.timeout.connect(self.recompute)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._draw)

        self._model = TreeModel(self)
        self._build_panel()
        self._build_main()
        self._build_layout()
        self._set_enabled(False)

    # --- building ---------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _build_panel(self) -> None:
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName(self.tr("Fiscal year and phase shown"))
        self.year_combo.setToolTip(self.tr("Which budget: the fiscal year (its end) and phase"))
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self._year_label = QLabel(self.tr("&Budget:"), self)
        self._year_label.setBuddy(self.year_combo)

        self.compare_combo = QComboBox(self)
        self.compare_combo.setObjectName("compareCombo")
        self.compare_combo.setAccessibleName(self.tr("Compare with"))
        self.compare_combo.setToolTip(
            self.tr("Another year or phase: the tree adds the change in dollars and percent")
        )
        self.compare_combo.currentIndexChanged.connect(self._compare_changed)
        self._compare_label = QLabel(self.tr("Co&mpare with:"), self)
        self._compare_label.setBuddy(self.compare_combo)

        self.variance_button = QPushButton(self.tr("Budget vs &actual"), self)
        self.variance_button.setObjectName("varianceButton")
        self.variance_button.setAccessibleName(self.tr("Compare budget with actual"))
        self.variance_button.clicked.connect(self.budget_vs_actual)

        self.spending_radio = QRadioButton(self.tr("S&pending"), self)
        self.spending_radio.setObjectName("spendingRadio")
        self.spending_radio.setAccessibleName(self.tr("Show spending"))
        self.revenue_radio = QRadioButton(self.tr("Re&venue"), self)
        self.revenue_radio.setObjectName("revenueRadio")
        self.revenue_radio.setAccessibleName(self.tr("Show revenue"))
        self.spending_radio.setChecked(True)
        self._direction_group = QButtonGroup(self)
        self._direction_group.addButton(self.spending_radio)
        self._direction_group.addButton(self.revenue_radio)
        self.spending_radio.toggled.connect(self._changed)

        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("presetCombo")
        self.preset_combo.setAccessibleName(self.tr("Group by"))
        for key, name in PRESET_NAMES:
            self.preset_combo.addItem(QCoreApplication.translate("ExploreView", name), key)
        self.preset_combo.addItem(self.tr("Custom order"), CUSTOM)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self._preset_label = QLabel(self.tr("&Group by:"), self)
        self._preset_label.setBuddy(self.preset_combo)

        self.levels_button = QToolButton(self)
        self.levels_button.setObjectName("levelsButton")
        self.levels_button.setText(self.tr("Levels…"))
        self.levels_button.setCheckable(True)
        self.levels_button.setAccessibleName(self.tr("Choose and reorder the levels"))
        self.levels_button.setToolTip(self.tr("Tick the levels to use; move them up or down"))
        self.levels_list = QListWidget(self)
        self.levels_list.setObjectName("levelsList")
        self.levels_list.setAccessibleName(self.tr("Levels of the tree, top first"))
        self.levels_list.itemChanged.connect(self._levels_edited)
        self.levels_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.levels_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.level_up = QToolButton(self)
        self.level_up.setText("▲")
        self.level_up.setAccessibleName(self.tr("Move level up"))
        self.level_up.setToolTip(self.tr("Move the selected level up"))
        self.level_up.clicked.connect(lambda: self._move_level(-1))
        self.level_down = QToolButton(self)
        self.level_down.setText("▼")
        self.level_down.setAccessibleName(self.tr("Move level down"))
        self.level_down.setToolTip(self.tr("Move the selected level down"))
        self.level_down.clicked.connect(lambda: self._move_level(1))
        self._levels_box = QWidget(self)
        box = QHBoxLayout(self._levels_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.levels_list, 1)
        arrows = QVBoxLayout()
        arrows.addWidget(self.level_up)
        arrows.addWidget(self.level_down)
        arrows.addStretch(1)
        box.addLayout(arrows)
        self._levels_box.setVisible(False)
        self.levels_button.toggled.connect(self._levels_box.setVisible)
        self.empty_levels_label = QLabel(self)
        self.empty_levels_label.setObjectName("emptyLevelsLabel")
        self.empty_levels_label.setWordWrap(True)
        self.empty_levels_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._fill_levels_list(self._levels)

        self.gf_check = QCheckBox(self.tr("&General Fund only"), self)
        self.gf_check.setObjectName("gfCheck")
        self.gf_check.setAccessibleName(self.tr("General Fund only"))
        self.gf_check.setToolTip(
            self.tr("The General Fund is the money the council can spend on anything")
        )
        self.gf_check.toggled.connect(self._changed)
        self.net_check = QCheckBox(self.tr("&Net of transfers"), self)
        self.net_check.setObjectName("netCheck")
        self.net_check.setAccessibleName(self.tr("Net of transfers"))
        self.net_check.setToolTip(
            self.tr(
                "Leave out money moved between funds, and charges of internal service funds, "
                "so that no dollar is counted twice"
            )
        )
        self.net_check.toggled.connect(self._changed)
        self.removed_label = QLabel(self)
        self.removed_label.setObjectName("removedLabel")
        self.removed_label.setWordWrap(True)
        self.removed_label.setAccessibleName(self.tr("Amounts removed by net of transfers"))
        self.removed_label.setVisible(False)

        self.restricted_combo = QComboBox(self)
        self.restricted_combo.setObjectName("restrictedCombo")
        self.restricted_combo.setAccessibleName(self.tr("Restricted or unrestricted money"))
        self.restricted_combo.setToolTip(
            self.tr("Restricted money may be spent only on what a law, grant or voter measure says")
        )
        self.restricted_combo.addItem(self.tr("All money"), None)
        self.restricted_combo.addItem(self.tr("Unrestricted only"), UNRESTRICTED)
        self.restricted_combo.addItem(self.tr("Restricted only"), RESTRICTED)
        self.restricted_combo.currentIndexChanged.connect(self._changed)
        self._restricted_label = QLabel(self.tr("Mone&y:"), self)
        self._restricted_label.setBuddy(self.restricted_combo)

        self.per_resident_check = QCheckBox(self.tr("Per &resident"), self)
        self.per_resident_check.setObjectName("perResidentCheck")
        self.per_resident_check.setAccessibleName(self.tr("Per resident"))
        self.per_resident_check.setToolTip(self.tr("Divide every amount by the population"))
        self.per_resident_check.toggled.connect(self._per_resident_toggled)
        self.population_spin = QSpinBox(self)
        self.population_spin.setObjectName("populationSpin")
        self.population_spin.setRange(0, 50_000_000)
        self.population_spin.setSingleStep(1000)
        self.population_spin.setGroupSeparatorShown(True)
        self.population_spin.setLocale(US_LOCALE)
        self.population_spin.setSpecialValueText(self.tr("not set"))
        self.population_spin.setAccessibleName(self.tr("Population"))
        self.population_spin.setToolTip(
            self.tr("Residents served by this budget (saved with the budget)")
        )
        self.population_spin.valueChanged.connect(self._population_changed)
        self._population_label = QLabel(self.tr("P&opulation:"), self)
        self._population_label.setBuddy(self.population_spin)

        # "In [2025] dollars": the words before and after the year box, from one phrase.
        before, _, after = self.tr("&In %1 dollars").partition("%1")
        self.real_check = QCheckBox(before.strip(), self)
        self.real_check.setObjectName("realCheck")
        self.real_check.setAccessibleName(self.tr("Adjust for inflation"))
        self.real_check.toggled.connect(self._changed)
        self.real_year_spin = QSpinBox(self)
        self.real_year_spin.setObjectName("realYearSpin")
        self.real_year_spin.setAccessibleName(self.tr("Dollars of the year"))
        self.real_year_spin.setRange(2000, 2100)
        self.real_year_spin.setLocale(US_LOCALE)
        self.real_year_spin.valueChanged.connect(self._real_year_changed)
        self._dollars_label = QLabel(after.strip(), self)
        self._dollars_label.setVisible(bool(after.strip()))
        self.cpi_source_label = QLabel(
            self.tr("Prices: CPI-U, U.S. city average (Bureau of Labor Statistics)"), self
        )
        self.cpi_source_label.setObjectName("cpiSourceLabel")
        self.cpi_source_label.setWordWrap(True)
        self.cpi_source_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        tip = self.tr(
            "Express every year's amounts in one year's prices, so a change is a real change"
        )
        for w in (self.real_check, self.real_year_spin):
            w.setToolTip(tip)

        self.aliases_button = QPushButton(self.tr("Renamed &departments…"), self)
        self.aliases_button.setObjectName("aliasesButton")
        self.aliases_button.setAccessibleName(self.tr("Edit renamed departments (aliases)"))
        self.aliases_button.setToolTip(
            self.tr("Join a department renamed between years, so year-over-year change is right")
        )
        self.aliases_button.clicked.connect(self.open_aliases)

        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("notesLabel")
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setVisible(False)
        self.notes_label.setStyleSheet(
            "QLabel#notesLabel { border-style: solid; border-color: #E69F00;"
            " border-width: 0px 0px 0px 5px; padding-left: 6px; }"
        )

    def _build_main(self) -> None:
        self.up_button = QToolButton(self)
        self.up_button.setObjectName("upButton")
        self.up_button.setText(self.tr("▲ Up"))
        self.up_button.setAccessibleName(self.tr("Up one level"))
        self.up_button.setToolTip(self.tr("Climb out one level (Backspace)"))
        self.up_button.clicked.connect(self.climb_out)
        self._crumb_bar = QWidget(self)
        self._crumb_layout = QHBoxLayout(self._crumb_bar)
        self._crumb_layout.setContentsMargins(0, 0, 0, 0)
        self._crumb_layout.setSpacing(2)
        self._crumb_bar.setAccessibleName(self.tr("Breadcrumbs"))
        self.show_lines_button = QPushButton(self.tr("Show these &lines"), self)
        self.show_lines_button.setObjectName("showLinesButton")
        self.show_lines_button.setAccessibleName(self.tr("Show these line items in the Data view"))
        self.show_lines_button.setToolTip(
            self.tr(
                "Open the Data view on the line items of the selected group (or double-click it)"
            )
        )
        self.show_lines_button.clicked.connect(self.request_lines)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Selected group and its total"))
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary_label.setFont(font)

        self.tree = QTreeView(self)
        self.tree.setObjectName("exploreTree")
        self.tree.setModel(self._model)
        self.tree.setAccessibleName(self.tr("Budget tree"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Groups of the budget with amount and shares. Enter drills in, Backspace "
                "climbs out, double-click shows the lines."
            )
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(1, COLUMN_COUNT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(AMOUNT, Qt.SortOrder.DescendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree.doubleClicked.connect(self._tree_double_clicked)
        self.tree.installEventFilter(self)

        self._chart_holder = QStackedWidget(self)
        self._chart_hint = QLabel(self.tr("Open a budget to see where its money goes."), self)
        self._chart_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._chart_hint.setWordWrap(True)
        self._chart_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint_font = self._chart_hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.4)
        self._chart_hint.setFont(hint_font)
        self._chart_holder.addWidget(self._chart_hint)
        self._chart_holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _build_layout(self) -> None:
        panel = QWidget(self)
        panel.setObjectName("explorePanel")
        form = QVBoxLayout(panel)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._year_label)
        form.addWidget(self.year_combo)
        form.addWidget(self._compare_label)
        form.addWidget(self.compare_combo)
        form.addWidget(self.variance_button)
        form.addSpacing(8)
        direction = QHBoxLayout()
        direction.addWidget(self.spending_radio)
        direction.addWidget(self.revenue_radio)
        direction.addStretch(1)
        form.addLayout(direction)
        form.addSpacing(4)
        group = QHBoxLayout()
        group.addWidget(self._preset_label)
        group.addStretch(1)
        group.addWidget(self.levels_button)
        form.addLayout(group)
        form.addWidget(self.preset_combo)
        form.addWidget(self._levels_box)
        form.addWidget(self.empty_levels_label)
        form.addSpacing(8)
        line = QFrame(panel)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        form.addWidget(line)
        form.addWidget(self.gf_check)
        form.addWidget(self.net_check)
        form.addWidget(self.removed_label)
        money = QHBoxLayout()
        money.addWidget(self._restricted_label)
        money.addWidget(self.restricted_combo, 1)
        form.addLayout(money)
        form.addWidget(self.per_resident_check)
        population = QHBoxLayout()
        population.addSpacing(18)
        population.addWidget(self._population_label)
        population.addWidget(self.population_spin, 1)
        form.addLayout(population)
        real = QHBoxLayout()
        real.addWidget(self.real_check)
        real.addWidget(self.real_year_spin)
        real.addWidget(self._dollars_label)
        real.addStretch(1)
        form.addLayout(real)
        form.addWidget(self.cpi_source_label)
        form.addSpacing(8)
        form.addWidget(self.aliases_button)
        form.addWidget(self.notes_label)
        form.addStretch(1)

        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("explorePanelScroll")
        self._scroll.setWidget(panel)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._panel = panel

        crumbs = QHBoxLayout()
        crumbs.addWidget(self.up_button)
        crumbs.addWidget(self._crumb_bar, 1)
        crumbs.addWidget(self.show_lines_button)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("exploreSplitter")
        self.splitter.addWidget(self._chart_holder)
        self.splitter.addWidget(self.tree)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(crumbs)
        right.addWidget(self.summary_label)
        right.addWidget(self.splitter, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._scroll)
        layout.addLayout(right, 1)
        self._update_metrics()

        chain = [
            self.year_combo,
            self.compare_combo,
            self.variance_button,
            self.spending_radio,
            self.revenue_radio,
            self.levels_button,
            self.preset_combo,
            self.levels_list,
            self.level_up,
            self.level_down,
            self.gf_check,
            self.net_check,
            self.restricted_combo,
            self.per_resident_check,
            self.population_spin,
            self.real_check,
            self.real_year_spin,
            self.aliases_button,
            self.up_button,
            self.show_lines_button,
            self.tree,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _update_metrics(self) -> None:
        fm = self.fontMetrics()
        self._panel.adjustSize()
        width = max(self._panel.minimumSizeHint().width(), fm.averageCharWidth() * 32, 240)
        self._scroll.setFixedWidth(width + self._scroll.verticalScrollBar().sizeHint().width())
        self._fit_columns()
        self.tree.header().setMinimumSectionSize(fm.averageCharWidth() * 6)
        self.tree.setMinimumHeight(fm.height() * 6)

    def _fit_columns(self) -> None:
        """Money columns as wide as the largest amount shown needs; shares as their header."""
        fm = self.tree.fontMetrics()
        pad = fm.averageCharWidth() * 3
        root = self._exploration.root if self._exploration is not None else None
        widest = "$999,999,999"
        change = "+$99,999,999"
        if root is not None:
            widest = max(widest, format_money(root.amount), key=len)
            if root.tree.has_compare:
                change = max(change, "+" + format_money(abs(root.change)), key=len)
        header = self.tree.header()
        bold = QFontMetrics(self._model.bold_font(self.tree.font()))
        header.resizeSection(AMOUNT, bold.horizontalAdvance(widest) + pad)
        header.resizeSection(CHANGE, bold.horizontalAdvance(change) + pad)
        for col, sample in (
            (SHARE_PARENT, self.tr("% of parent")),
            (SHARE_TOTAL, self.tr("% of total")),
            (CHANGE_PCT, self.tr("Change %")),
        ):
            header.resizeSection(
                col, max(fm.horizontalAdvance(sample), bold.horizontalAdvance("100.0%")) + pad
            )

    # --- public API -------------------------------------------------------------------------

    @property
    def model(self) -> TreeModel:
        return self._model

    @property
    def chart(self) -> ChartCanvas | None:
        """The treemap's canvas (made with the first budget)."""
        return self._chart

    @property
    def exploration(self) -> Exploration | None:
        return self._exploration

    @property
    def current_node(self) -> Node | None:
        """The selected group: the tree's current row, the treemap's focus or highlight."""
        return self._current

    @property
    def focus_node(self) -> Node | None:
        """The group whose parts the treemap shows."""
        return self._focus

    @property
    def levels(self) -> tuple[str, ...]:
        return self._levels

    @property
    def breadcrumbs(self) -> list[str]:
        """The breadcrumb labels, top first."""
        return [b.property("crumbLabel") for b in self._crumbs]

    @property
    def breadcrumb_buttons(self) -> list[QToolButton]:
        return list(self._crumbs)

    @property
    def treemap_tiles(self) -> list[tuple[Any, float, float, float, float]]:
        """``(node, x, y, w, h)`` of the drawn tiles, in the treemap's data coordinates."""
        return list(self._tiles)

    @property
    def chart_title(self) -> str:
        return self._title_text

    def set_budget(self, budget: Budget | None, report: Any = None) -> None:
        """Show ``budget`` (or the empty state for ``None``); ``report`` is not used here."""
        del report
        self._budget = budget
        self._current = self._focus = None
        if budget is None or len(budget) == 0:
            self._exploration = None
            self._model.set_root(None)
            self._chart_holder.setCurrentWidget(self._chart_hint)
            self._set_enabled(False)
            self._rebuild_crumbs()
            self.summary_label.setText("")
            return
        from budgetbench.core.lens import default_year_phase, year_phases
        from budgetbench.io.resources import cpi_u

        self._ensure_chart()
        self._cpi = cpi_u()
        self._year_phases = year_phases(budget)
        default = default_year_phase(budget)
        self._syncing = True
        try:
            self.year_combo.clear()
            for y, p in self._year_phases:
                self.year_combo.addItem(self._yp_label(y, p), (y, p))
            self.year_combo.setCurrentIndex(self._year_phases.index(default))
            self._fill_compare()
            self.population_spin.setValue(int(budget.population or 0))
            years = sorted(self._cpi)
            self.real_year_spin.setRange(years[0], years[-1])
            self.real_year_spin.setValue(years[-1])
        finally:
            self._syncing = False
        self._update_variance_button()
        self._set_enabled(True)
        self.recompute()

    def select(self, filters: dict) -> None:
        """Select the group matching ``filters`` (level columns; ``fiscal_year``, ``phase``
        and ``direction`` switch the year and direction too). The deepest match wins."""
        if self._exploration is None:
            return
        changed = False
        year, phase = filters.get("fiscal_year"), filters.get("phase")
        if year is not None and phase is not None and (int(year), str(phase)) in self._year_phases:
            idx = self._year_phases.index((int(year), str(phase)))
            if idx != self.year_combo.currentIndex():
                self._syncing = True
                self.year_combo.setCurrentIndex(idx)
                self._fill_compare()
                self._syncing = False
                changed = True
        direction = filters.get("direction")
        if direction in ("expense", "revenue") and direction != self.direction:
            self._syncing = True
            (self.spending_radio if direction == "expense" else self.revenue_radio).setChecked(True)
            self._syncing = False
            changed = True
        if changed:
            self.recompute()
        assert self._exploration is not None
        self._set_current(self._exploration.root.find(filters))

    def selection_label(self) -> str:
        """A short name for the selected group's lines, for the Data view's chip."""
        if self._exploration is None or self._current is None:
            return ""
        return self._exploration.selection_label(self._current)

    def line_filters(self, node: Node | None = None) -> dict:
        """The canonical-column filters that select ``node``'s (default: the selected) lines."""
        node = node or self._current
        if self._exploration is None or node is None:
            return {}
        return self._exploration.line_filters(node)

    def request_lines(self) -> None:
        """Ask for the selected group's line items (``show_lines``)."""
        filters = self.line_filters()
        if filters:
            self.show_lines.emit(filters)

    def drill_into(self, node: Node) -> None:
        """Make ``node`` the selection (its parts fill the treemap). A group with a single
        part is passed through, so one click never shows a treemap of one tile."""
        while node.child_count == 1 and node.children[0].has_children:
            node = node.children[0]
        self._set_current(node)

    def climb_out(self) -> None:
        """Select the group above the current one (Backspace)."""
        node = self._current
        if node is None:
            return
        if node.has_children or node.parent is None:
            target = node.parent
        else:  # a leaf is shown inside its parent's treemap: climb above that
            target = node.parent.parent if node.parent is not None else None
        while target is not None and target.parent is not None and target.child_count == 1:
            target = target.parent
        if target is not None:
            self._set_current(target)

    @property
    def direction(self) -> str:
        return "expense" if self.spending_radio.isChecked() else "revenue"

    def set_levels(self, levels: tuple[str, ...] | list[str]) -> None:
        """Group by ``levels``, top first (names from ``core.explore.LEVELS``)."""
        levels = tuple(levels)
        if not levels:
            return
        self._levels = levels
        self._syncing = True
        preset = next((k for k, v in PRESET_LEVELS.items() if v == levels), CUSTOM)
        self.preset_combo.setCurrentIndex(_find_data(self.preset_combo, preset))
        self._fill_levels_list(levels)
        self._syncing = False
        self.recompute()

    def budget_vs_actual(self) -> None:
        """One click: the actual against the same year's budget (the change is the variance),
        or, when no year has both, last year's actual against the next budget."""
        from budgetbench.core.explore import actual_comparison

        year = self.year_combo.currentData()
        pick = actual_comparison(self._year_phases, year[0] if year else None)
        if pick is None:
            return
        shown, against, _ = pick
        self._syncing = True
        self.year_combo.setCurrentIndex(self._year_phases.index(shown))
        self._fill_compare()
        self.compare_combo.setCurrentIndex(max(0, _find_data(self.compare_combo, against)))
        self._syncing = False
        self.recompute()

    def open_aliases(self) -> AliasDialog | None:
        """Open the renamed-departments table (non-blocking); OK applies it."""
        if self._budget is None:
            return None
        from budgetbench.core.explore import alias_suggestions

        lines = self._budget.lines
        names = sorted({str(v) for v in lines["department"].unique() if str(v).strip()})
        aliases = dict(self._budget.meta.get("aliases", {}) or {})
        dialog = AliasDialog(aliases, names, alias_suggestions(lines), self)
        dialog.accepted.connect(lambda: self.set_aliases(dialog.aliases()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: setattr(self, "alias_dialog", None))
        self.alias_dialog = dialog
        dialog.open()
        return dialog

    def set_notes(self, index: NoteIndex | None) -> None:
        """Mark the groups the room has written notes on (tree rows and treemap tiles)."""
        self._notes = index
        self._model.set_notes(_ViewNotes(self, index) if index else None)
        self.tree.viewport().update()
        self._redraw_when_shown = not self.isVisible()
        if self.isVisible() and self._exploration is not None and self._chart is not None:
            self._draw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_redraw_when_shown", False):
            self._redraw_when_shown = False
            if self._exploration is not None and self._chart is not None:
                self._draw()

    def set_aliases(self, aliases: dict[str, str]) -> None:
        """Store the renamed-departments table with the budget and recompute."""
        if self._budget is None:
            return
        self._budget.meta["aliases"] = dict(aliases)
        self._update_aliases_button()
        self.recompute()
        self.aliases_changed.emit(dict(aliases))

    def state_selection(self) -> dict:
        """The selected group's filters, as JSON (for the session's view state)."""
        return {
            k: v
            for k, v in self.line_filters().items()
            if isinstance(k, str) and isinstance(v, str | int | float | bool)
        }

    def restore_selection(self, filters: dict) -> None:
        if isinstance(filters, dict):
            self.select(filters)

    # --- computing --------------------------------------------------------------------------

    def _lens(self):
        from budgetbench.core.lens import Lens

        year, phase = self.year_combo.currentData() or (None, None)
        return Lens(
            fiscal_year=year,
            phase=phase,
            general_fund_only=self.gf_check.isChecked(),
            net_of_transfers=self.net_check.isChecked(),
            restricted=self.restricted_combo.currentData(),
            per_resident=self.per_resident_check.isChecked(),
            real_dollars_year=self.real_year_spin.value() if self.real_check.isChecked() else None,
        )

    def recompute(self) -> None:
        """Rebuild the tree for the current toggles, keeping the selected group if it exists."""
        self._spin_timer.stop()
        if self._budget is None or self.year_combo.count() == 0:
            return
        import time

        from budgetbench.core.explore import explore

        key = self._current.key if self._current is not None else ()
        old_levels = self._current.tree.levels if self._current is not None else ()
        old_filters = self._current.filters if self._current is not None else {}
        compare = self.compare_combo.currentData()
        started = time.perf_counter()
        self._exploration = explore(
            self._budget,
            self._lens(),
            self.direction,
            self._levels,
            compare=tuple(compare) if compare else None,
            cpi=self._cpi,
        )
        self.last_compute_ms = (time.perf_counter() - started) * 1000
        ex = self._exploration
        root = ex.root
        self._model.set_root(root, ex.compare_label)
        has_compare = ex.compare is not None
        self.tree.setColumnHidden(CHANGE, not has_compare)
        self.tree.setColumnHidden(CHANGE_PCT, not has_compare)
        self._fit_columns()
        if root.tree.levels == old_levels:
            node = root.descend(key)
        else:
            node = root.find(old_filters) if old_filters else root
        self._update_labels()
        self._current = None
        self._set_current(node, force=True)

    def _update_labels(self) -> None:
        ex = self._exploration
        if ex is None:
            return
        if ex.lens.net_of_transfers:
            text = (
                self.tr("%1 of transfers and %2 of internal charges removed")
                .replace("%1", _money(ex.transfers_removed))
                .replace("%2", _money(ex.internal_charges_removed))
            )
            self.removed_label.setText(text)
            self.removed_label.setToolTip(
                self.tr("Removed from %1: transfers %2, internal-service charges %3")
                .replace("%1", ex.root.label)
                .replace("%2", format_money(ex.transfers_removed))
                .replace("%3", format_money(ex.internal_charges_removed))
            )
            self.removed_label.setAccessibleDescription(self.removed_label.toolTip())
        self.removed_label.setVisible(ex.lens.net_of_transfers)
        notes = list(ex.notes)
        self.notes_label.setText("\n".join(n[:1].upper() + n[1:] for n in notes))
        self.notes_label.setVisible(bool(notes))
        empty = [level_name(lv) for lv in ex.root.tree.empty_levels]
        self.empty_levels_label.setText(
            self.tr("Not in this budget: %1").replace("%1", ", ".join(empty)) if empty else ""
        )
        self.empty_levels_label.setVisible(bool(empty))

    # --- selection --------------------------------------------------------------------------

    def _set_current(self, node: Node | None, *, force: bool = False) -> None:
        if node is None or (node is self._current and not force):
            return
        self._current = node
        focus = node if node.has_children or node.parent is None else node.parent
        self._focus = focus
        self._syncing = True
        try:
            index = self._model.index_of(node)
            for ancestor in node.path[:-1]:
                self.tree.expand(self._model.index_of(ancestor))
            if node.has_children:
                self.tree.expand(index)
            selection = self.tree.selectionModel()
            selection.setCurrentIndex(
                index,
                selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
        finally:
            self._syncing = False
        self._rebuild_crumbs()
        self._update_summary()
        self._draw()
        self.selection_changed.emit(self.line_filters())

    def _tree_current_changed(self, current, _previous) -> None:
        if self._syncing:
            return
        node = self._model.node(current)
        if node is not None:
            self._set_current(node)

    def _tree_double_clicked(self, index) -> None:
        node = self._model.node(index)
        if node is not None:
            self._set_current(node)
            self.request_lines()

    def _rebuild_crumbs(self) -> None:
        for w in self._crumbs:
            w.hide()
            w.deleteLater()
        while self._crumb_layout.count():
            item = self._crumb_layout.takeAt(0)
            widget = item.widget()
            if widget is not None and widget not in self._crumbs:
                widget.hide()
                widget.deleteLater()
        self._crumbs = []
        node = self._current
        self.up_button.setEnabled(node is not None and node.parent is not None)
        if node is None:
            return
        fm = self.fontMetrics()
        # "General Fund" (the fund type) holding only "General Fund" (the fund) is one crumb
        full = node.path
        path = [
            n
            for k, n in enumerate(full)
            if k + 1 >= len(full)
            or not (n.child_count == 1 and full[k + 1].plain_label == n.plain_label)
        ]
        longest = max(fm.averageCharWidth() * 26, 140)
        for i, n in enumerate(path):
            if i:
                sep = QLabel("▸", self._crumb_bar)
                sep.setAccessibleName("")
                self._crumb_layout.addWidget(sep)
            button = QToolButton(self._crumb_bar)
            button.setAutoRaise(True)
            button.setProperty("crumbLabel", n.label)
            room = longest * 2 if i == len(path) - 1 else longest
            text = fm.elidedText(n.label, Qt.TextElideMode.ElideRight, room)
            button.setText(text.replace("&", "&&"))
            button.setToolTip(f"{n.label}: {format_money(n.amount)}")
            last = i == len(path) - 1
            button.setAccessibleName(
                self.tr("%1 (selected)").replace("%1", n.label)
                if last
                else self.tr("Go up to %1").replace("%1", n.label)
            )
            if last:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            button.clicked.connect(lambda _=False, target=n: self._set_current(target))
            self._crumb_layout.addWidget(button)
            self._crumbs.append(button)
        self._crumb_layout.addStretch(1)

    def _update_summary(self) -> None:
        ex, node = self._exploration, self._current
        if ex is None or node is None:
            self.summary_label.setText("")
            return
        unit = ""
        if ex.lens.per_resident and ex.population:
            unit = " " + self.tr("per resident")
        if ex.lens.real_dollars_year is not None:
            unit += " " + self.tr("(%1 dollars)").replace("%1", str(ex.lens.real_dollars_year))
        parts = [f"{node.label}: {format_money(node.amount)}{unit}"]
        above = node.parent
        while above is not None and above.parent is not None and above.child_count == 1:
            above = above.parent  # "General Fund" (type) holding only "General Fund" (fund)
        if above is not None:
            share = node.amount / above.amount if above.amount else math.nan
            parts.append(self.tr("%1 of %2").replace("%1", _pct(share)).replace("%2", above.label))
        if ex.compare is not None:
            ch = node.change
            sign = "+" if ch > 0 else ("-" if ch < 0 else "")
            parts.append(
                self.tr("%1 vs %2")
                .replace("%1", f"{sign}{format_money(abs(ch))}")
                .replace("%2", ex.compare_label)
            )
        lines = self.tr("%1 lines").replace("%1", f"{node.n_lines:,}")
        parts.append(lines)
        self.summary_label.setText(" · ".join(parts))

    # --- the treemap ------------------------------------------------------------------------

    def _ensure_chart(self) -> None:
        if self._chart is not None:
            self._chart_holder.setCurrentWidget(self._chart)
            return
        chart = ChartCanvas(self._chart_holder, name=self.tr("Where the money goes"))
        chart.setObjectName("exploreTreemap")
        chart.canvas.mpl_connect("button_press_event", self._on_press)
        chart.canvas.mpl_connect("motion_notify_event", self._on_motion)
        chart.canvas.mpl_connect("resize_event", lambda _e: self._resize_timer.start())
        chart.canvas.installEventFilter(self)
        chart.canvas.setMinimumHeight(self.fontMetrics().height() * 10)
        self._chart_holder.addWidget(chart)
        self._chart_holder.setCurrentWidget(chart)
        self._chart = chart
        self.splitter.setSizes([3000, 2000])
        QWidget.setTabOrder(self.show_lines_button, chart.canvas)
        QWidget.setTabOrder(chart.canvas, self.tree)

    _title_text = ""

    def _tile_fills(self, focus: Node) -> dict[int, str]:
        ex = self._exploration
        fills: dict[int, str] = {}
        for i, child in enumerate(focus.children):
            if ex is None or ex.compare is None:
                fills[child.uid] = TILE_COLOURS[i % len(TILE_COLOURS)]
                continue
            change, p = child.change, child.change_pct
            if abs(change) < 0.5:
                fills[child.uid] = SAME
                continue
            up = change > 0
            if ex.variance_mode:  # favourable: spending under budget, revenue over it
                good = (not up) if ex.direction == "expense" else up
                base = GREW if good else SHRANK
            else:
                base = GREW if up else SHRANK
            size = abs(p) if p == p else 1.0
            fills[child.uid] = _mix(base, 0.6 if size < 0.02 else 0.3 if size < 0.10 else 0.0)
        return fills

    def _legend(self) -> str:
        ex = self._exploration
        if ex is None or ex.compare is None:
            return ""
        if ex.variance_mode:
            return self.tr("blue: better than budget · orange-red: worse · darker: bigger gap")
        return self.tr("blue: grew · orange-red: shrank · darker: bigger change · grey: same")

    def _subtitle(self, focus: Node) -> str:
        ex = self._exploration
        assert ex is not None
        lens = ex.lens
        bits = [ex.label]
        if lens.net_of_transfers:
            bits.append(self.tr("net of transfers"))
        if lens.per_resident and ex.population:
            bits.append(self.tr("per resident (%1)").replace("%1", f"{ex.population:,}"))
        if lens.real_dollars_year is not None:
            bits.append(self.tr("in %1 dollars").replace("%1", str(lens.real_dollars_year)))
        bits.append(self.tr("total %1").replace("%1", _money(focus.amount)))
        if ex.compare is not None:
            bits.append(self.tr("vs %1").replace("%1", ex.compare_label))
        return " · ".join(bits)

    def _draw(self) -> None:
        chart, ex = self._chart, self._exploration
        if chart is None or ex is None or self._focus is None:
            return
        from matplotlib.patches import Rectangle

        from budgetbench.core.explore import excluded_note, headline, treemap_rects

        focus, current = self._focus, self._current
        fig = chart.figure
        fig.clear()
        fig.set_layout_engine("none")
        width_px, height_px = float(fig.bbox.width), float(fig.bbox.height)
        if width_px < 20 or height_px < 20:
            return
        px = fig.dpi / 72.0  # pixels per point
        pad = 6 * px

        title = ex.title(focus) if current is focus else headline(current)
        self._title_text = title
        renderer = fig.canvas.get_renderer()
        room = width_px - 2 * pad
        top = pad
        title_artist, used = _fitted_text(
            fig, renderer, title, (pad, top), room, TITLE_PT, 12.0, bold=True, colour="#000000"
        )
        from budgetbench.ui.glossary import show_definitions_on_hover, underline_terms

        show_definitions_on_hover(chart.canvas, underline_terms(fig, title_artist))
        top += used + 2 * px
        _, used = _fitted_text(
            fig, renderer, self._subtitle(focus), (pad, top), room, SUBTITLE_PT, 9.0
        )
        top += used + 4 * px
        notes = [excluded_note(focus), self._legend()]
        if ex.lens.real_dollars_year is not None:
            notes.append(self.tr("Prices: CPI-U, U.S. Bureau of Labor Statistics"))
        note = " · ".join(n for n in notes if n)
        bottom = pad
        if note:
            _, used = _fitted_text(
                fig, renderer, note, (pad, pad), room, NOTE_PT, 8.0, anchor="bottom"
            )
            bottom += used + 2 * px
        ax_w = max(width_px - 2 * pad, 10.0)
        ax_h = max(height_px - top - bottom, 10.0)
        ax = fig.add_axes((pad / width_px, bottom / height_px, ax_w / width_px, ax_h / height_px))
        ax.set_xlim(0, ax_w)
        ax.set_ylim(0, ax_h)
        ax.set_axis_off()
        self._ax = ax

        fills = self._tile_fills(focus)
        self._tile_colours = fills
        self._model.set_colours(fills)
        tiles = []
        for node, x, y, w, h in treemap_rects(focus, ax_w, ax_h):
            y_top = ax_h - y - h  # largest tile at the top left
            tiles.append((node, x, y_top, w, h))
            fill = fills.get(node.uid, TILE_COLOURS[0])
            selected = node is current and current is not focus
            noted = bool(self._model.notes(node))
            edge = SELECTED_EDGE if selected else NOTED_EDGE if noted else "#FFFFFF"
            ax.add_patch(
                Rectangle(
                    (x, y_top),
                    w,
                    h,
                    facecolor=fill,
                    edgecolor=edge,
                    linewidth=4.0 if selected else 3.0 if noted else 1.5,
                    zorder=3 if selected or noted else 2,
                )
            )
            self._label_tile(ax, node, x, y_top, w, h, fill, px)
        self._tiles = tiles
        if not tiles:
            ax.text(
                ax_w / 2,
                ax_h / 2,
                self.tr("Nothing to draw: no positive amounts here"),
                ha="center",
                va="center",
                fontsize=LABEL_PT,
                color="#333333",
                parse_math=False,
            )
        chart.set_description(self._describe(focus, title))
        chart.draw()

    def _label_tile(self, ax, node: Node, x, y, w, h, fill: str, px: float) -> None:
        ex = self._exploration
        colour = text_colour(fill)
        amount = _money(node.amount)
        if ex is not None and ex.compare is not None:
            p = node.change_pct
            if node.compare == 0 and node.amount:
                extra = self.tr("new")
            elif p == p:
                extra = f"{p * 100:+.0f}%" if abs(p) >= 0.005 else "±0%"
            else:
                extra = ""
        else:
            extra = _pct(node.share_of_parent)
        money_line = f"{amount} · {extra}" if extra else amount
        name = f"{MARK} {node.label}" if self._model.notes(node) else node.label
        best = None
        for pt in (LABEL_PT, SMALL_LABEL_PT):
            fit = _fit_label(name, amount, money_line, w, h, pt * px, px)
            if fit is None:
                continue
            lines, cut = fit
            best = (pt, lines)
            if not cut:
                break
        if best is not None:
            pt, lines = best
            ax.text(
                x + 4 * px,
                y + h - 3 * px,
                "\n".join(lines),
                fontsize=pt,
                color=colour,
                va="top",
                ha="left",
                linespacing=1.1,
                zorder=4,
                clip_on=True,
                parse_math=False,
            )

    def _describe(self, focus: Node, title: str) -> str:
        from budgetbench.core.explore import describe

        return self.tr("Treemap. %1. %2").replace("%1", title).replace("%2", describe(focus))

    def tile_at(self, x: float, y: float) -> Node | None:
        """The node drawn at data coordinates (x, y) of the treemap, if any."""
        for node, tx, ty, tw, th in self._tiles:
            if tx <= x <= tx + tw and ty <= y <= ty + th:
                return node
        return None

    def tile_center(self, node: Node) -> QPoint | None:
        """Where ``node``'s tile is, in the canvas widget's coordinates (for clicks)."""
        if self._ax is None or self._chart is None:
            return None
        for n, x, y, w, h in self._tiles:
            if n is node:
                dx, dy = self._ax.transData.transform((x + w / 2, y + h / 2))
                canvas = self._chart.canvas
                ratio = canvas.device_pixel_ratio or 1.0
                return QPoint(round(dx / ratio), round(canvas.height() - dy / ratio))
        return None

    def _on_press(self, event) -> None:
        if event.inaxes is not self._ax or event.xdata is None or event.button != 1:
            return
        node = self.tile_at(event.xdata, event.ydata)
        if node is None:
            return
        if node.has_children:
            self.drill_into(node)
        else:
            self._set_current(node)

    def _on_motion(self, event) -> None:
        if event.inaxes is not self._ax or event.xdata is None or self._chart is None:
            if self._hover_uid is not None:
                QToolTip.hideText()
                self._hover_uid = None
            return
        node = self.tile_at(event.xdata, event.ydata)
        uid = node.uid if node is not None else None
        if uid == self._hover_uid:
            return
        self._hover_uid = uid
        if node is None:
            QToolTip.hideText()
            return
        text = f"{node.label}\n{format_money(node.amount)} · {_pct(node.share_of_parent)}"
        if node.tree.has_compare:
            text += "\n" + self.tr("change: %1").replace("%1", format_money(node.change))
        if node.has_children:
            text += "\n" + self.tr("Click to look inside")
        notes = self._model.notes(node)
        if notes:
            text += "\n" + tooltip_notes(notes)
        canvas = self._chart.canvas
        pos = canvas.mapToGlobal(QPoint(int(event.x), int(canvas.height() - event.y)))
        QToolTip.showText(pos, text, canvas)

    # --- toggles ----------------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.year_combo,
            self.compare_combo,
            self.spending_radio,
            self.revenue_radio,
            self.preset_combo,
            self.levels_button,
            self.gf_check,
            self.net_check,
            self.restricted_combo,
            self.per_resident_check,
            self.population_spin,
            self.real_check,
            self.real_year_spin,
            self.aliases_button,
            self.show_lines_button,
            self.tree,
        ):
            w.setEnabled(on)
        if not on:
            self.variance_button.setEnabled(False)
            self.up_button.setEnabled(False)

    @staticmethod
    def _yp_label(year: int, phase: str) -> str:
        from budgetbench.core.explore import year_phase_label

        return year_phase_label(year, phase)

    def _fill_compare(self) -> None:
        current = self.year_combo.currentData()
        keep = self.compare_combo.currentData()
        was = self._syncing
        self._syncing = True
        self.compare_combo.clear()
        self.compare_combo.addItem(self.tr("No comparison"), None)
        for y, p in self._year_phases:
            if (y, p) != current:
                self.compare_combo.addItem(self._yp_label(y, p), (y, p))
        if keep is not None and tuple(keep) != current:
            self.compare_combo.setCurrentIndex(max(0, _find_data(self.compare_combo, keep)))
        self._syncing = was

    def _update_variance_button(self) -> None:
        from budgetbench.core.explore import actual_comparison

        year = self.year_combo.currentData()
        pick = actual_comparison(self._year_phases, year[0] if year else None)
        self.variance_button.setEnabled(pick is not None)
        if pick is None:
            self.variance_button.setToolTip(self.tr("This budget has no actuals to compare with"))
            return
        shown, against, same_year = pick
        if same_year:
            tip = self.tr("Show %1 against %2: the change is the variance")
        else:
            tip = self.tr(
                "No year has both a budget and an actual: show %1 against %2 (last year's "
                "actual against the next budget)"
            )
        self.variance_button.setToolTip(
            tip.replace("%1", self._yp_label(*shown)).replace("%2", self._yp_label(*against))
        )

    def _update_aliases_button(self) -> None:
        count = len(self._budget.meta.get("aliases", {}) or {}) if self._budget else 0
        text = self.tr("Renamed &departments…")
        if count:
            text = self.tr("Renamed &departments (%1)…").replace("%1", str(count))
        self.aliases_button.setText(text)

    def _changed(self, *_args) -> None:
        if not self._syncing:
            self.recompute()

    def _year_changed(self, _index: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self._fill_compare()
        self._syncing = False
        self._update_variance_button()
        self.recompute()

    def _compare_changed(self, _index: int) -> None:
        if not self._syncing:
            self.recompute()

    def _per_resident_toggled(self, on: bool) -> None:
        if on and not self.population_spin.value():
            self.population_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def _population_changed(self, value: int) -> None:
        if self._syncing or self._budget is None:
            return
        self._budget.population = int(value) or None
        if self.per_resident_check.isChecked():
            self._spin_timer.start()

    def _real_year_changed(self, _value: int) -> None:
        if not self._syncing and self.real_check.isChecked():
            self._spin_timer.start()

    def _preset_changed(self, _index: int) -> None:
        if self._syncing:
            return
        key = self.preset_combo.currentData()
        if key in PRESET_LEVELS:
            self._levels = PRESET_LEVELS[key]
            self._syncing = True
            self._fill_levels_list(self._levels)
            self._syncing = False
            self.recompute()
        else:
            self.levels_button.setChecked(True)

    def _fill_levels_list(self, levels: tuple[str, ...]) -> None:
        was = self.levels_list.blockSignals(True)
        self.levels_list.clear()
        for name in (*levels, *(lv for lv in LEVEL_NAMES if lv not in levels)):
            item = QListWidgetItem(level_name(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if name in levels else Qt.CheckState.Unchecked)
            self.levels_list.addItem(item)
        self.levels_list.blockSignals(was)
        rows = self.levels_list.sizeHintForRow(0) * self.levels_list.count()
        self.levels_list.setFixedHeight(rows + 2 * self.levels_list.frameWidth() + 2)

    def _list_levels(self) -> tuple[str, ...]:
        out = []
        for i in range(self.levels_list.count()):
            item = self.levels_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    def _levels_edited(self, *_args) -> None:
        levels = self._list_levels()
        if not levels or levels == self._levels:
            return
        self._levels = levels
        preset = next((k for k, v in PRESET_LEVELS.items() if v == levels), CUSTOM)
        self._syncing = True
        self.preset_combo.setCurrentIndex(_find_data(self.preset_combo, preset))
        self._syncing = False
        self.recompute()

    def _move_level(self, step: int) -> None:
        row = self.levels_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.levels_list.count():
            return
        was = self.levels_list.blockSignals(True)
        item = self.levels_list.takeItem(row)
        self.levels_list.insertItem(target, item)
        self.levels_list.setCurrentRow(target)
        self.levels_list.blockSignals(was)
        self._levels_edited()

    # --- keyboard and events ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Backspace:
                self.climb_out()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                node = self._current
                if watched is self.tree:
                    node = self._model.node(self.tree.currentIndex()) or node
                if node is not None:
                    if node.has_children:
                        self.drill_into(node)
                        self.tree.expand(self._model.index_of(self._current))
                    else:
                        self.request_lines()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()


def _fitted_text(
    fig,
    renderer,
    text: str,
    at: tuple[float, float],
    room: float,
    size: float,
    smallest: float,
    *,
    bold: bool = False,
    colour: str = "#333333",
    anchor: str = "top",
):
    """Write ``text`` at ``at`` (pixels from the top left, or bottom left for ``anchor``
    "bottom"), shrinking it towards ``smallest`` points and then wrapping it onto two lines
    until it is no wider than ``room`` pixels. Returns the text and its height in pixels."""
    width, height = fig.bbox.width, fig.bbox.height
    x, y = at
    artist = fig.text(
        x / width,
        (1 - y / height) if anchor == "top" else y / height,
        text,
        fontsize=size,
        fontweight="bold" if bold else "normal",
        va=anchor,
        ha="left",
        color=colour,
        parse_math=False,
    )
    first = size

    def wrapped(chars: int) -> str:
        lines = textwrap.wrap(text, chars)
        shown = lines[:2]
        if len(lines) > 2:
            shown[-1] = shown[-1][: max(chars - 1, 1)] + "…"
        return "\n".join(shown)

    extent = artist.get_window_extent(renderer)
    # one line, a little smaller if need be; then two lines rather than tiny type
    while extent.width > room and size > max(smallest, first - 2):
        size -= 0.5
        artist.set_fontsize(size)
        extent = artist.get_window_extent(renderer)
    while extent.width > room:
        chars = len(text)
        for _ in range(10):
            if extent.width <= room or chars <= 10:
                break
            chars = max(10, min(chars - 1, int(chars * room / extent.width)))
            artist.set_text(wrapped(chars))
            extent = artist.get_window_extent(renderer)
        if extent.width <= room or size <= smallest:
            break
        size -= 0.5
        artist.set_fontsize(size)
        artist.set_text(text)
        extent = artist.get_window_extent(renderer)
    return artist, float(extent.height)


def _fit_label(
    name: str, amount: str, money_line: str, w: float, h: float, size: float, px: float
) -> tuple[list[str], bool] | None:
    """The lines of a tile's label at a font of ``size`` pixels, and whether the name had to
    be cut short; ``None`` when nothing readable fits."""
    char_w, line_h = 0.62 * size, 1.22 * size
    chars = int((w - 6 * px) / char_w)
    rows = int((h - 4 * px) / line_h)
    if chars < 4 or rows < 1:
        return None
    name_rows = max(rows - 1, 1) if rows > 1 else 1
    wrapped = textwrap.wrap(name, chars, break_long_words=False) or [name]
    cut = len(wrapped) > name_rows or any(len(t) > chars for t in wrapped)
    if cut:
        kept = wrapped[:name_rows]
        while len(kept) > 1 and len(kept[-1].rstrip(" ,&-")) < 3:
            kept.pop()
        last = kept[-1][: chars - 1].rstrip(" ,&-")
        if len(last) < 3:
            return None
        kept[-1] = last + "…"
        if any(len(t) > chars for t in kept):  # a word wider than the tile: one short line
            kept = [kept[0][: chars - 1].rstrip(" ,&-") + "…"]
            if len(kept[0]) < 4:
                return None
        wrapped = kept
    lines = list(wrapped)
    if rows > len(wrapped):
        lines.append(money_line if len(money_line) <= chars else amount)
    elif len(wrapped) == 1 and len(wrapped[0]) + len(amount) + 1 <= chars:
        lines = [f"{wrapped[0]} {amount}"]
    return lines, cut


def _money(value: float) -> str:
    """Money for the chart: $1.2M and $845K, but $1,153 and $6.87 below ten thousand (per
    resident amounts), where "$1K" would say too little."""
    if value != value:
        return ""
    if abs(value) >= 10_000:
        return short_money(value)
    if abs(value) >= 10 or value == 0:
        return f"-${abs(value):,.0f}" if value < 0 else f"${value:,.0f}"
    return f"-${abs(value):.2f}" if value < 0 else f"${value:.2f}"


def _find_data(combo: QComboBox, value: Any) -> int:
    """The row of ``combo`` whose data equals ``value``, or -1."""
    for row in range(combo.count()):
        if combo.itemData(row) == value:
            return row
    return -1


def _pct(fraction: float) -> str:
    if fraction != fraction or math.isinf(fraction):
        return "–"
    value = fraction * 100
    if 0 < abs(value) < 0.5:
        return "<1%"
    return f"{value:.0f}%"


__all__ = ["AliasDialog", "ExploreView", "level_name", "text_colour"]
