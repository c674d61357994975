"""The mapping wizard: tell budgetbench what each column of a spreadsheet holds.

It opens when detection was unsure of a file (or could not find its table at all), and from
File ▸ Import with Mapping…. It shows the sheet's raw cells with the header row(s) highlighted,
one role choice per column, the units and sign convention, and a live preview of the first
normalised lines and of the totals they add up to. A confirmed mapping is saved as a named
profile, found again by the file's header signature, so next year's file from the same city
imports in one click.

Everything here works on sheets already in memory: the preview runs on the UI thread,
coalesced so a burst of edits costs one recomputation.
"""

from __future__ import annotations

import copy
import logging
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.format import column_letter, format_money
from budgetbench.core.progress import BudgetError
from budgetbench.core.schema import Direction, Phase
from budgetbench.io import normalize
from budgetbench.io.mapping import (
    AMOUNT,
    COLUMN_ROLES,
    IGNORE,
    AmountColumn,
    ColumnMapping,
    ProfileStore,
    SheetMapping,
    default_store,
    validate_role_values,
)
from budgetbench.io.readers import RawSheet
from budgetbench.io.report import ImportReport
from budgetbench.ui.errors import log

if TYPE_CHECKING:
    import pandas as pd

#: Edits within this many milliseconds are previewed together.
PREVIEW_DELAY_MS = 150
#: Rows of raw cells shown (more when the header row is further down).
RAW_PREVIEW_ROWS = 60
#: Columns listed with a role choice; a sheet wider than this is rare and never a budget table.
MAX_LISTED_COLUMNS = 200
#: Normalised lines shown in the preview.
PREVIEW_LINES = 20
#: The live preview reads at most this many rows of a sheet, so every edit answers at once
#: (the import itself reads them all).
PREVIEW_ROW_LIMIT = 5_000
#: Detection is "unsure" below this confidence.
UNSURE_BELOW = 0.6

#: Columns that hold two things at once, like "100 - General Fund" (code and name).
COMBINED_ROLES: tuple[str, ...] = ("fund_code+fund_name", "account_code+account_name")

#: The year spin box's lowest value stands for "read the year from the header".
_YEAR_FROM_HEADER = 1899

# Okabe–Ito colours. Meaning is never carried by colour alone: the header rows are also bold,
# doubts and errors also say so in words.
_SKY_BLUE = QColor(0x56, 0xB4, 0xE9)
_ORANGE = "#E69F00"
_VERMILLION = "#D55E00"

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

#: Columns of the line preview, in order; empty ones are left out.
_PREVIEW_COLUMNS = (
    "fiscal_year",
    "phase",
    "direction",
    "amount",
    "fund_code",
    "fund_name",
    "department",
    "division",
    "program",
    "account_code",
    "account_name",
    "category",
)


def canonical_role(role: str) -> str:
    """``fund_name+fund_code`` -> ``fund_code+fund_name``: parts in the order of COLUMN_ROLES."""
    parts = [p for p in str(role).split("+") if p]
    order = {r: k for k, r in enumerate(COLUMN_ROLES)}
    parts = sorted(dict.fromkeys(parts), key=lambda p: order.get(p, len(order)))
    return "+".join(parts)


def _columns_from_roles(roles: dict[str, int]) -> dict[int, str]:
    """role -> column (detection's answer) turned round; a column with two roles keeps both."""
    parts: dict[int, list[str]] = {}
    for role, j in roles.items():
        if role in COLUMN_ROLES:
            parts.setdefault(j, []).append(role)
    return {j: canonical_role("+".join(p)) for j, p in sorted(parts.items())}


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if value != value:  # pd.NA and friends
            return ""
    except (TypeError, ValueError):
        return ""
    return str(value)


# ---- raw cells ---------------------------------------------------------------------------------
class RawCellsModel(QAbstractTableModel):
    """The first rows of a sheet as the spreadsheet shows them, header row(s) highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sheet: RawSheet | None = None
        self._cells: list[list[str]] = []
        self._columns = 0
        self._header_rows: tuple[int, ...] = ()
        self._column_titles: dict[int, str] = {}
        self._amount_columns: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)
        self._header_fill = QColor(_SKY_BLUE)
        self._header_fill.setAlpha(110)
        self._header_text = QColor("#000000")

    # -- content --
    def set_sheet(self, sheet: RawSheet | None, rows: int, columns: int) -> None:
        self.beginResetModel()
        self._sheet = sheet
        if sheet is None:
            self._cells, self._columns = [], 0
        else:
            block = sheet.cells.iloc[:rows, :columns]
            self._cells = [[_cell_text(v) for v in row] for row in block.itertuples(index=False)]
            self._columns = block.shape[1]
        self.endResetModel()

    @property
    def shown_rows(self) -> int:
        return len(self._cells)

    def set_header_rows(self, rows: tuple[int, ...]) -> None:
        self._header_rows = tuple(rows)
        if self._cells:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._cells) - 1, max(0, self._columns - 1))
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._cells) - 1)

    def set_column_titles(self, titles: dict[int, str], amounts: set[int]) -> None:
        """``titles``: column -> what it is mapped to (shown under the column letter)."""
        self._column_titles = dict(titles)
        self._amount_columns = set(amounts)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)
            self.dataChanged.emit(
                self.index(0, 0), self.index(max(0, len(self._cells) - 1), self._columns - 1)
            )

    def letter(self, column: int) -> str:
        if self._sheet is None:
            return column_letter(column + 1)
        return column_letter(self._sheet.excel_col(column))

    def excel_row(self, row: int) -> int:
        return self._sheet.excel_row(row) if self._sheet is not None else row + 1

    # -- Qt model API --
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        i, j = index.row(), index.column()
        if role == _DISPLAY:
            text = self._cells[i][j]
            return text if len(text) <= 120 else text[:119] + "…"
        in_header = i in self._header_rows
        if role == _FONT:
            return self._bold if in_header else None
        if role == _BACKGROUND:
            return self._header_fill if in_header else None
        if role == _FOREGROUND:
            if in_header:
                return self._header_text
            if self._header_rows and i < min(self._header_rows):
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == _ALIGN:
            return _RIGHT if j in self._amount_columns else None
        if role == _TOOLTIP:
            text = self._cells[i][j]
            return text if len(text) > 24 else None
        if role == _ACCESSIBLE:
            text = self._cells[i][j]
            where = f"{self.letter(j)}{self.excel_row(i)}"
            if in_header:
                return self.tr("header cell {0}: {1}").format(where, text)
            return f"{where}: {text}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section >= self._columns:
                return None
            title = self._column_titles.get(section, "")
            if role == _DISPLAY:
                return f"{self.letter(section)}\n{title}" if title else self.letter(section)
            if role in (_TOOLTIP, _ACCESSIBLE):
                return self.tr("Column {0}: {1}").format(
                    self.letter(section), title or self.tr("not imported")
                )
            if role == _FONT and title:
                return self._bold
            return None
        if section >= len(self._cells):
            return None
        if role == _DISPLAY:
            return str(self.excel_row(section))
        if role == _FONT and section in self._header_rows:
            return self._bold
        if role in (_TOOLTIP, _ACCESSIBLE) and section in self._header_rows:
            return self.tr("Row {0}: header row").format(self.excel_row(section))
        return None


# ---- small widgets -----------------------------------------------------------------------------
class _QuietComboBox(QComboBox):
    """A combo box that ignores the mouse wheel unless it has focus (the list scrolls instead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _QuietSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


@dataclass
class ColumnRow:
    """The widgets that describe one source column."""

    index: int
    letter: QLabel
    header: QLabel
    role: QComboBox
    extras: QWidget
    year: QSpinBox
    phase: QComboBox
    direction: QComboBox


# ---- the wizard --------------------------------------------------------------------------------
class MappingWizard(QDialog):
    """Edit a :class:`ColumnMapping` for the sheets of one file, with a live preview.

    ``mapping`` is detection's proposal (it may be empty when detection found no table).
    After ``exec()``/``open()`` ends in *accepted*, :meth:`mapping` is the confirmed mapping,
    and, if "Save as a profile" was ticked, it was saved to ``store`` (the user's profile
    folder by default) under the file's header signature.
    """

    #: emitted after every preview recomputation (valid or not)
    preview_updated = Signal()

    def __init__(
        self,
        path: str | Path,
        sheets: list[RawSheet],
        mapping: ColumnMapping,
        parent: QWidget | None = None,
        store: ProfileStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = Path(path)
        self._sheets = list(sheets)
        self._proposal = copy.deepcopy(mapping)
        self._store = store
        self._names = [s.name for s in self._sheets]
        self._states: dict[str, SheetMapping] = {}
        #: proposed sheets left unticked because they repeat another sheet's figures
        self._repeats: list[str] = []
        for sm in self._proposal.sheets:
            if sm.sheet in self._names and sm.sheet not in self._states:
                state = copy.deepcopy(sm)
                state.columns = {j: canonical_role(r) for j, r in sorted(state.columns.items())}
                self._states[sm.sheet] = state
        #: overrides of an amount column, kept while its role is switched away and back
        self._amount_memory: dict[tuple[str, int], AmountColumn] = {}
        # The preview reads the part of each sheet the wizard shows and lets the user map.
        self._preview_sheets = [
            s
            if len(s.cells) <= PREVIEW_ROW_LIMIT and s.cells.shape[1] <= MAX_LISTED_COLUMNS
            else RawSheet(
                name=s.name,
                cells=s.cells.iloc[:PREVIEW_ROW_LIMIT, :MAX_LISTED_COLUMNS],
                row_offset=s.row_offset,
                col_offset=s.col_offset,
                hidden=s.hidden,
            )
            for s in self._sheets
        ]
        self._included = self._default_inclusion()
        if not self._included and self._sheets:
            # Nothing proposed: start from the first visible sheet, to be mapped by hand.
            first = next((s for s in self._sheets if not s.hidden), self._sheets[0])
            self._included.add(first.name)
        self._current = 0
        self._rows: list[ColumnRow] = []
        self._stretch_row = 0
        self._headers: list[str] = []
        #: results of the last preview: the lines (None when invalid) and the error shown
        self.preview_lines: pd.DataFrame | None = None
        self.preview_report: ImportReport | None = None
        self.preview_error = ""
        #: where the profile was saved on accept (None when not saved), and why it failed
        self.saved_profile: Path | None = None
        self.save_error = ""

        self._role_names = self._make_role_names()
        self.setObjectName("MappingWizard")
        self.setWindowTitle(self.tr("Map the columns — {0}").format(self._path.name))
        self.setAccessibleName(self.tr("Column mapping for {0}").format(self._path.name))
        self.setSizeGripEnabled(True)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self._build()
        start = next((k for k, n in enumerate(self._names) if n in self._included), 0)
        self.sheet_combo.setCurrentIndex(start)
        self._show_sheet(start)
        self._size_to_screen()
        self.refresh_preview()

    # ---- vocabulary -------------------------------------------------------------------------
    def _make_role_names(self) -> dict[str, str]:
        return {
            IGNORE: self.tr("Not imported"),
            AMOUNT: self.tr("Amount (money)"),
            "fiscal_year": self.tr("Fiscal year"),
            "phase": self.tr("Budget phase (actual, adopted…)"),
            "direction": self.tr("Revenue or expense"),
            "fund_code": self.tr("Fund code"),
            "fund_name": self.tr("Fund name"),
            "fund_type": self.tr("Fund type"),
            "restricted": self.tr("Restricted or not"),
            "department": self.tr("Department"),
            "division": self.tr("Division"),
            "program": self.tr("Program"),
            "account_code": self.tr("Account code"),
            "account_name": self.tr("Account name"),
            "category": self.tr("Category"),
            "recurring": self.tr("Ongoing or one-time"),
            "fund_code+fund_name": self.tr("Fund code and name"),
            "account_code+account_name": self.tr("Account code and name"),
        }

    def _role_name(self, role: str) -> str:
        if role in self._role_names:
            return self._role_names[role]
        return " + ".join(self._role_names.get(p, p) for p in role.split("+"))

    def _short_role_name(self, role: str) -> str:
        short = {
            AMOUNT: self.tr("Amount"),
            "phase": self.tr("Phase"),
            "direction": self.tr("Rev/Exp"),
            "restricted": self.tr("Restricted"),
            "recurring": self.tr("Ongoing/one-time"),
            "fund_code+fund_name": self.tr("Fund code + name"),
            "account_code+account_name": self.tr("Account code + name"),
        }
        if role in short:
            return short[role]
        if "+" in role:
            return " + ".join(self._short_role_name(p) for p in role.split("+"))
        return self._role_names.get(role, role)

    def _phase_names(self) -> dict[str, str]:
        return {
            Phase.ACTUAL.value: self.tr("Actual"),
            Phase.ADOPTED.value: self.tr("Adopted"),
            Phase.AMENDED.value: self.tr("Amended"),
            Phase.PROPOSED.value: self.tr("Proposed"),
            Phase.RECOMMENDED.value: self.tr("Recommended"),
            Phase.ESTIMATE.value: self.tr("Estimate"),
        }

    # ---- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.setSpacing(6)

        intro = QLabel(
            self.tr(
                "Tell budgetbench what each column holds. The preview at the bottom shows the "
                "line items and totals the import will produce."
            ),
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)

        self.doubts_box = QLabel(self)
        self.doubts_box.setObjectName("doubtsBox")
        self.doubts_box.setWordWrap(True)
        self.doubts_box.setTextFormat(Qt.TextFormat.PlainText)
        self.doubts_box.setStyleSheet(
            f"QLabel#doubtsBox {{ border: 2px solid {_ORANGE}; border-left-width: 6px;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.doubts_box.setAccessibleName(self.tr("What detection was unsure about"))
        self.doubts_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.doubts_box)
        self._fill_doubts()

        outer.addLayout(self._build_options())

        self.main_split = QSplitter(Qt.Orientation.Vertical, self)
        self.main_split.setChildrenCollapsible(False)
        top = QSplitter(Qt.Orientation.Horizontal, self.main_split)
        top.setChildrenCollapsible(False)
        top.addWidget(self._build_raw_panel())
        top.addWidget(self._build_columns_panel())
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        self.top_split = top
        self.main_split.addWidget(top)
        self.main_split.addWidget(self._build_preview_panel())
        self.main_split.setStretchFactor(0, 3)
        self.main_split.setStretchFactor(1, 2)
        outer.addWidget(self.main_split, 1)

        outer.addLayout(self._build_footer())

    def _build_options(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_combo = QComboBox(self)
        for k, sheet in enumerate(self._sheets):
            name = sheet.name or self._path.name
            if sheet.hidden:
                name = self.tr("{0} (hidden)").format(name)
            self.sheet_combo.addItem(name, k)
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.setToolTip(self.tr("The sheet shown and mapped below"))
        self.sheet_combo.setEnabled(len(self._sheets) > 1)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.setMinimumContentsLength(12)
        sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_chosen)

        self.include_check = QCheckBox(self.tr("I&mport this sheet"), self)
        self.include_check.setAccessibleName(self.tr("Import this sheet"))
        self.include_check.setToolTip(
            self.tr("Untick sheets that repeat the same figures in another shape")
        )
        self.include_check.toggled.connect(self._on_include_toggled)

        header_label = QLabel(self.tr("&Header row:"), self)
        self.header_spin = _QuietSpinBox(self)
        self.header_spin.setAccessibleName(self.tr("Header row, numbered as in the spreadsheet"))
        self.header_spin.setToolTip(
            self.tr("The row that holds the column labels, numbered as the spreadsheet shows it")
        )
        header_label.setBuddy(self.header_spin)
        self.header_spin.valueChanged.connect(self._on_header_rows_changed)

        second_label = QLabel(self.tr("S&econd header row:"), self)
        self.second_spin = _QuietSpinBox(self)
        self.second_spin.setSpecialValueText(self.tr("none"))
        self.second_spin.setAccessibleName(self.tr("Second header row (optional)"))
        self.second_spin.setToolTip(
            self.tr(
                "Some files label their columns on two rows, such as a year above and "
                "“Adopted” below; choose the second row here"
            )
        )
        second_label.setBuddy(self.second_spin)
        self.second_spin.valueChanged.connect(self._on_header_rows_changed)

        units_label = QLabel(self.tr("&Amounts are in:"), self)
        self.units_combo = QComboBox(self)
        self.units_combo.addItem(self.tr("dollars"), 1.0)
        self.units_combo.addItem(self.tr("thousands of dollars"), 1000.0)
        self.units_combo.addItem(self.tr("millions of dollars"), 1_000_000.0)
        self.units_combo.setAccessibleName(self.tr("Amounts are in"))
        units_label.setBuddy(self.units_combo)
        self.units_combo.currentIndexChanged.connect(self._on_units_changed)

        sign_label = QLabel(self.tr("&Revenue is shown as:"), self)
        self.sign_combo = QComboBox(self)
        self.sign_combo.addItem(self.tr("positive numbers"), False)
        self.sign_combo.addItem(self.tr("negative numbers (flip them)"), True)
        self.sign_combo.addItem(self.tr("decide from the numbers"), None)
        self.sign_combo.setAccessibleName(self.tr("Revenue is shown as"))
        sign_label.setBuddy(self.sign_combo)
        self.sign_combo.currentIndexChanged.connect(self._on_sign_changed)

        grid.addWidget(sheet_label, 0, 0)
        grid.addWidget(self.sheet_combo, 0, 1)
        grid.addWidget(self.include_check, 0, 2)
        grid.addWidget(header_label, 0, 4)
        grid.addWidget(self.header_spin, 0, 5)
        grid.addWidget(second_label, 0, 6)
        grid.addWidget(self.second_spin, 0, 7)
        grid.addWidget(units_label, 1, 0)
        grid.addWidget(self.units_combo, 1, 1)
        grid.addWidget(sign_label, 1, 4)
        grid.addWidget(self.sign_combo, 1, 5, 1, 3)
        grid.setColumnMinimumWidth(3, 16)
        grid.setColumnStretch(8, 1)
        return grid

    def _build_raw_panel(self) -> QWidget:
        panel = QWidget(self)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        label = QLabel(self.tr("Sheet &cells (header rows in blue and bold):"), panel)
        self.raw_model = RawCellsModel(self)
        self.raw_view = QTableView(panel)
        self.raw_view.setModel(self.raw_model)
        self.raw_view.setAccessibleName(self.tr("The sheet's cells"))
        self.raw_view.setAccessibleDescription(
            self.tr(
                "The first rows of the sheet as the spreadsheet shows them; the header rows "
                "are highlighted and bold; each column title says what it is mapped to"
            )
        )
        self.raw_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raw_view.setTabKeyNavigation(False)
        self.raw_view.setWordWrap(False)
        self.raw_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.raw_view.verticalHeader().setDefaultSectionSize(
            self.raw_view.fontMetrics().height() + 6
        )
        self.raw_view.horizontalHeader().setResizeContentsPrecision(RAW_PREVIEW_ROWS)
        self.raw_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.raw_view.selectionModel().currentColumnChanged.connect(self._on_raw_column)
        label.setBuddy(self.raw_view)
        box.addWidget(label)
        box.addWidget(self.raw_view, 1)
        return panel

    def _build_columns_panel(self) -> QWidget:
        panel = QWidget(self)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        head = QHBoxLayout()
        label = QLabel(self.tr("What each col&umn holds:"), panel)
        self.guess_button = QPushButton(self.tr("&Guess from Header"), panel)
        self.guess_button.setAccessibleName(self.tr("Guess the roles from the header row"))
        self.guess_button.setToolTip(
            self.tr("Choose every column's role again from the labels in the header row")
        )
        self.guess_button.setAutoDefault(False)
        self.guess_button.clicked.connect(self.guess_roles)
        head.addWidget(label, 1)
        head.addWidget(self.guess_button)
        box.addLayout(head)

        self.columns_area = QScrollArea(panel)
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setAccessibleName(self.tr("Column roles"))
        self.columns_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.columns_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._columns_host = QWidget(self.columns_area)
        self._columns_grid = QGridLayout(self._columns_host)
        self._columns_grid.setContentsMargins(4, 4, 4, 4)
        self._columns_grid.setHorizontalSpacing(6)
        self._columns_grid.setVerticalSpacing(3)
        self._columns_grid.setColumnStretch(1, 1)
        self.columns_area.setWidget(self._columns_host)
        self._columns_label = label  # its buddy is the first column's role (set per sheet)
        self.columns_note = QLabel(panel)
        self.columns_note.setWordWrap(True)
        self.columns_note.hide()
        box.addWidget(self.columns_area, 1)
        box.addWidget(self.columns_note)
        panel.setMinimumWidth(330)
        return panel

    def _build_preview_panel(self) -> QWidget:
        panel = QWidget(self)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(3)
        title = QLabel(self.tr("Preview of the import"), panel)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        self.summary_label = QLabel(panel)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Import summary"))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(panel)
        self.error_label.setObjectName("mappingError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(
            f"QLabel#mappingError {{ border: 2px solid {_VERMILLION}; border-radius: 3px;"
            " padding: 4px 8px; font-weight: bold; }"
        )
        self.error_label.setAccessibleName(self.tr("Why this mapping cannot be imported"))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        tables = QSplitter(Qt.Orientation.Horizontal, panel)
        tables.setChildrenCollapsible(False)
        lines_box = QWidget(tables)
        lv = QVBoxLayout(lines_box)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(2)
        lines_label = QLabel(self.tr("&Lines (the first {0}):").format(PREVIEW_LINES), lines_box)
        self.lines_table = self._make_table(lines_box)
        self.lines_table.setAccessibleName(self.tr("The first imported line items"))
        lines_label.setBuddy(self.lines_table)
        lv.addWidget(lines_label)
        lv.addWidget(self.lines_table, 1)

        totals_box = QWidget(tables)
        tv = QVBoxLayout(totals_box)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.setSpacing(2)
        totals_label = QLabel(self.tr("&Totals by year, phase and type:"), totals_box)
        self.totals_table = self._make_table(totals_box)
        self.totals_table.setAccessibleName(self.tr("Totals by fiscal year, phase and direction"))
        totals_label.setBuddy(self.totals_table)
        tv.addWidget(totals_label)
        tv.addWidget(self.totals_table, 1)
        tables.addWidget(lines_box)
        tables.addWidget(totals_box)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)

        box.addWidget(title)
        box.addWidget(self.summary_label)
        box.addWidget(self.error_label)
        box.addWidget(tables, 1)
        return panel

    def _make_table(self, parent: QWidget) -> QTableWidget:
        table = QTableWidget(parent)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        return table

    def _build_footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_check = QCheckBox(self.tr("Save as a &profile named:"), self)
        self.save_check.setChecked(True)
        self.save_check.setAccessibleName(self.tr("Save this mapping as a profile"))
        self.save_check.setToolTip(
            self.tr(
                "Files with the same column labels (next year's file from the same place) "
                "will then import this way without asking"
            )
        )
        self.profile_name = QLineEdit(self._proposal.name or self._path.stem, self)
        self.profile_name.setAccessibleName(self.tr("Profile name"))
        self.profile_name.setMinimumWidth(220)
        self.save_check.toggled.connect(self.profile_name.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import"))
        self.ok_button.setAccessibleName(self.tr("Import with this mapping"))
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.save_check)
        row.addWidget(self.profile_name, 1)
        row.addSpacing(16)
        row.addWidget(self.buttons)
        return row

    def _size_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1100, 760)
            return
        avail = screen.availableGeometry()
        self.resize(min(1200, int(avail.width() * 0.95)), min(820, int(avail.height() * 0.92)))

    def _fill_doubts(self) -> None:
        doubts = [str(d) for d in self._proposal.doubts if str(d).strip()]
        unsure = self._proposal.confidence < UNSURE_BELOW
        repeats = [
            self.tr(
                "sheet “{0}” is not ticked: it seems to repeat figures of the ticked sheets"
            ).format(name)
            for name in self._repeats
        ]
        if not (doubts or unsure or repeats):
            self.doubts_box.hide()
            return
        if not self._proposal.sheets:
            head = self.tr("budgetbench could not find the table in this file by itself:")
        elif doubts or unsure:
            head = self.tr("Please check the columns; detection was unsure about this file:")
        else:
            head = self.tr("Please check:")
        if unsure and not doubts and self._proposal.sheets:
            doubts = [self.tr("the column labels did not match the usual names")]
        lines = [head] + [f"• {d}" for d in doubts + repeats]
        self.doubts_box.setText("\n".join(lines))
        self.doubts_box.show()

    # ---- the current sheet ------------------------------------------------------------------
    @property
    def current_sheet(self) -> RawSheet:
        return self._sheets[self._current]

    def _state(self, k: int) -> SheetMapping:
        """The mapping of sheet ``k``, guessed from its cells the first time it is shown."""
        sheet = self._sheets[k]
        state = self._states.get(sheet.name)
        if state is None:
            state = self._guess_sheet(sheet)
            self._states[sheet.name] = state
        return state

    def _guess_sheet(self, sheet: RawSheet) -> SheetMapping:
        from budgetbench.io import detect

        try:
            state = normalize.detect_sheet(sheet, self._path)
            state.columns = {j: canonical_role(r) for j, r in sorted(state.columns.items())}
            return state
        except Exception:  # not a table by itself: start from its most header-like row
            cells = sheet.cells.iloc[:, :MAX_LISTED_COLUMNS]
            h = detect.find_header_row(cells) if len(cells) else 0
            state = SheetMapping(sheet=sheet.name, header_rows=(h,))
            self._guess_into(state, sheet)
            return state

    def _default_inclusion(self) -> set[str]:
        """The proposed sheets an automatic import would read: the largest, and each other one
        that adds years, phases or directions (others repeat the same figures in another
        shape)."""
        proposed = [n for n in self._names if n in self._states]
        if len(proposed) <= 1:
            return set(proposed)
        found = []
        for name in proposed:
            try:
                lines = normalize.apply_mapping(
                    self._preview_sheets,
                    ColumnMapping(sheets=[self._states[name]]),
                    self._path,
                    ImportReport(),
                )
            except Exception:
                continue
            keys = set(zip(lines["fiscal_year"], lines["phase"], lines["direction"], strict=True))
            found.append((len(lines), name, keys))
        if not found:
            return set(proposed)
        chosen: set[str] = set()
        covered: set = set()
        for _n, name, keys in sorted(found, key=lambda t: -t[0]):
            if keys & covered:
                self._repeats.append(name)
                continue
            chosen.add(name)
            covered |= keys
        return chosen or {proposed[0]}

    def _guess_into(self, state: SheetMapping, sheet: RawSheet) -> None:
        from budgetbench.io import detect

        # Only the columns the wizard lists can be mapped.
        headers = self._sheet_headers(sheet, state.header_rows)[:MAX_LISTED_COLUMNS]
        body = sheet.cells.iloc[max(state.header_rows) + 1 :, :MAX_LISTED_COLUMNS]
        try:
            roles, amounts, _unused = detect.guess_roles(headers, body)
        except Exception as exc:  # a guess that fails leaves the columns for the user to set
            log.log(logging.WARNING, "guessing column roles failed: %s", exc)
            roles, amounts = {}, []
        state.columns = _columns_from_roles(roles)
        state.amounts = [
            AmountColumn(
                index=a.index,
                label=str(a.label),
                fiscal_year=a.fiscal_year,
                phase=getattr(a.phase, "value", a.phase),
                direction=a.direction,
                fund_code=getattr(a, "fund_code", None),
                fund_name=getattr(a, "fund_name", None),
            )
            for a in amounts
        ]

    def _sheet_headers(self, sheet: RawSheet, header_rows: tuple[int, ...]) -> list[str]:
        try:
            return [str(h) for h in normalize.sheet_headers(sheet, tuple(header_rows))]
        except Exception as exc:
            log.log(logging.WARNING, "reading the header labels failed: %s", exc)
            return [
                self.tr("Column {0}").format(column_letter(sheet.excel_col(j)))
                for j in range(sheet.cells.shape[1])
            ]

    def _on_sheet_chosen(self, k: int) -> None:
        if 0 <= k < len(self._sheets) and k != self._current:
            self._show_sheet(k)

    def _show_sheet(self, k: int) -> None:
        self._current = k
        sheet = self._sheets[k]
        state = self._state(k)
        n = len(sheet.cells)
        first, last = sheet.excel_row(0), sheet.excel_row(max(0, n - 1))
        for w in (self.include_check, self.header_spin, self.second_spin):
            w.blockSignals(True)
        self.include_check.setChecked(sheet.name in self._included)
        self.include_check.setVisible(len(self._sheets) > 1)
        self.header_spin.setRange(first, max(first, last))
        self.second_spin.setRange(first - 1, max(first, last))
        self.header_spin.setValue(sheet.excel_row(state.header_rows[0]))
        second = state.header_rows[1] if len(state.header_rows) > 1 else None
        self.second_spin.setValue(sheet.excel_row(second) if second is not None else first - 1)
        for w in (self.include_check, self.header_spin, self.second_spin):
            w.blockSignals(False)
        self._show_units(state)
        self._reload_raw_cells(reset=True)
        self._rebuild_column_rows()
        self._update_column_titles()

    def _show_units(self, state: SheetMapping) -> None:
        self.units_combo.blockSignals(True)
        k = self.units_combo.findData(float(state.unit_scale))
        if k < 0:
            self.units_combo.addItem(
                self.tr("× {0:g} (as saved)").format(state.unit_scale), float(state.unit_scale)
            )
            k = self.units_combo.count() - 1
        self.units_combo.setCurrentIndex(k)
        self.units_combo.blockSignals(False)
        self.sign_combo.blockSignals(True)
        for i in range(self.sign_combo.count()):
            if self.sign_combo.itemData(i) is state.revenue_negative:
                self.sign_combo.setCurrentIndex(i)
                break
        self.sign_combo.blockSignals(False)

    def _reload_raw_cells(self, reset: bool = False) -> None:
        sheet = self.current_sheet
        state = self._state(self._current)
        rows = min(len(sheet.cells), max(RAW_PREVIEW_ROWS, max(state.header_rows) + 21))
        columns = min(sheet.cells.shape[1], MAX_LISTED_COLUMNS)
        if reset or rows > self.raw_model.shown_rows:
            self.raw_model.set_sheet(sheet, rows, columns)
            self.raw_model.set_header_rows(state.header_rows)
            self._update_column_titles()
            header = self.raw_view.horizontalHeader()
            self.raw_view.resizeColumnsToContents()
            for j in range(columns):
                header.resizeSection(j, max(48, min(header.sectionSize(j), 220)))
        else:
            self.raw_model.set_header_rows(state.header_rows)
        self.raw_view.scrollTo(
            self.raw_model.index(max(0, state.header_rows[0] - 2), 0),
            QAbstractItemView.ScrollHint.PositionAtTop,
        )

    # ---- the column list --------------------------------------------------------------------
    def _rebuild_column_rows(self) -> None:
        grid = self._columns_grid
        for row in self._rows:
            for w in (row.letter, row.header, row.role, row.extras):
                grid.removeWidget(w)
                w.deleteLater()
        self._rows = []
        sheet = self.current_sheet
        state = self._state(self._current)
        self._headers = self._sheet_headers(sheet, state.header_rows)
        width = min(sheet.cells.shape[1], MAX_LISTED_COLUMNS)
        if sheet.cells.shape[1] > MAX_LISTED_COLUMNS:
            self.columns_note.setText(
                self.tr("Only the first {0} of {1} columns are listed.").format(
                    MAX_LISTED_COLUMNS, sheet.cells.shape[1]
                )
            )
            self.columns_note.show()
        else:
            self.columns_note.hide()
        phases = self._phase_names()
        host = self._columns_host
        for j in range(width):
            letter_text = column_letter(sheet.excel_col(j))
            header_text = self._headers[j] if j < len(self._headers) else ""
            letter = QLabel(letter_text, host)
            font = letter.font()
            font.setBold(True)
            letter.setFont(font)
            letter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            header = QLabel(host)
            header.setMinimumWidth(60)
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

            role = _QuietComboBox(host)
            role.addItem(self._role_names[IGNORE], IGNORE)
            role.addItem(self._role_names[AMOUNT], AMOUNT)
            for r in (*COLUMN_ROLES, *COMBINED_ROLES):
                role.addItem(self._role_names[r], r)
            role.setProperty("column", j)
            role.installEventFilter(self)
            # Room for the longer role names ("Código y nombre del fondo" in Spanish).
            role.setMinimumContentsLength(22)
            role.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )

            extras = QWidget(host)
            ex = QHBoxLayout(extras)
            ex.setContentsMargins(0, 0, 0, 4)
            ex.setSpacing(4)
            year = _QuietSpinBox(extras)
            year.setRange(_YEAR_FROM_HEADER, 2100)
            year.setSpecialValueText(self.tr("FY: header"))
            phase = _QuietComboBox(extras)
            phase.addItem(self.tr("Phase: header"), None)
            for value, name in phases.items():
                phase.addItem(name, value)
            direction = _QuietComboBox(extras)
            direction.addItem(self.tr("Rev/exp: rows"), None)
            direction.addItem(self.tr("Revenue"), Direction.REVENUE.value)
            direction.addItem(self.tr("Expense"), Direction.EXPENSE.value)
            for w in (year, phase, direction):
                w.setProperty("column", j)
                w.installEventFilter(self)
                w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            for combo in (phase, direction):
                combo.setMinimumContentsLength(7)
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
            ex.addWidget(year, 2)
            ex.addWidget(phase, 3)
            ex.addWidget(direction, 3)

            row = ColumnRow(j, letter, header, role, extras, year, phase, direction)
            self._set_row_header(row, header_text)
            self._show_row_role(row, state)
            role.currentIndexChanged.connect(lambda _k, r=row: self._on_role_chosen(r))
            year.valueChanged.connect(lambda _v, r=row: self._on_override_changed(r))
            phase.currentIndexChanged.connect(lambda _k, r=row: self._on_override_changed(r))
            direction.currentIndexChanged.connect(lambda _k, r=row: self._on_override_changed(r))

            grid.addWidget(letter, 2 * j, 0)
            grid.addWidget(header, 2 * j, 1)
            grid.addWidget(role, 2 * j, 2)
            grid.addWidget(extras, 2 * j + 1, 1, 1, 2)
            self._rows.append(row)
        grid.setRowStretch(self._stretch_row, 0)
        self._stretch_row = 2 * width + 1
        grid.setRowStretch(self._stretch_row, 1)
        self._columns_label.setBuddy(self._rows[0].role if self._rows else self.columns_area)
        self._update_column_titles()

    def _set_row_header(self, row: ColumnRow, text: str) -> None:
        letter = row.letter.text()
        shown = text if len(text) <= 40 else text[:39] + "…"
        row.header.setText(shown)
        row.header.setToolTip(self.tr("Column {0}: “{1}”").format(letter, text))
        row.role.setAccessibleName(self.tr("Role of column {0}, “{1}”").format(letter, text))
        row.role.setToolTip(self.tr("What column {0} (“{1}”) holds").format(letter, text))
        row.year.setAccessibleName(self.tr("Fiscal year of column {0}").format(letter))
        row.year.setToolTip(
            self.tr("The fiscal year of the amounts in column {0} (the year it ends)").format(
                letter
            )
        )
        row.phase.setAccessibleName(self.tr("Budget phase of column {0}").format(letter))
        row.phase.setToolTip(self.tr("Actual, adopted, proposed… for column {0}").format(letter))
        row.direction.setAccessibleName(self.tr("Revenue or expense, column {0}").format(letter))
        row.direction.setToolTip(
            self.tr("Whether column {0} holds revenue or spending").format(letter)
        )

    def _show_row_role(self, row: ColumnRow, state: SheetMapping) -> None:
        widgets = (row.role, row.year, row.phase, row.direction)
        for w in widgets:
            w.blockSignals(True)
        current = state.role_of(row.index)
        k = row.role.findData(current)
        if k < 0:  # an unusual combination (from a saved profile): offer it as it is
            row.role.addItem(self._role_name(current), current)
            k = row.role.count() - 1
        row.role.setCurrentIndex(k)
        amount = next((a for a in state.amounts if a.index == row.index), None)
        row.extras.setVisible(amount is not None)
        if amount is not None:
            row.year.setValue(amount.fiscal_year or _YEAR_FROM_HEADER)
            row.phase.setCurrentIndex(max(0, row.phase.findData(amount.phase)))
            row.direction.setCurrentIndex(max(0, row.direction.findData(amount.direction)))
        for w in widgets:
            w.blockSignals(False)

    def _update_column_titles(self) -> None:
        state = self._state(self._current)
        titles = {j: self._short_role_name(r) for j, r in state.columns.items()}
        for a in state.amounts:
            parts = [self._short_role_name(AMOUNT)]
            if a.fiscal_year:
                parts.append(str(a.fiscal_year))
            if a.phase:
                parts.append(self._phase_names().get(a.phase, a.phase))
            titles[a.index] = " ".join(parts)
        self.raw_model.set_column_titles(titles, {a.index for a in state.amounts})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            j = watched.property("column")
            if isinstance(j, int) and 0 <= j < self.raw_model.columnCount():
                state = self._state(self._current)
                self.raw_view.scrollTo(
                    self.raw_model.index(min(state.header_rows), j),
                    QAbstractItemView.ScrollHint.EnsureVisible,
                )
                self.raw_view.selectColumn(j)
        return super().eventFilter(watched, event)

    def column_row(self, column: int) -> ColumnRow:
        """The widgets of ``column`` (0-based) of the current sheet."""
        return self._rows[column]

    def _on_raw_column(self, current: QModelIndex, _previous: QModelIndex) -> None:
        j = current.column()
        if 0 <= j < len(self._rows):
            self.columns_area.ensureWidgetVisible(self._rows[j].role, 10, 30)

    # ---- edits ------------------------------------------------------------------------------
    def _on_role_chosen(self, row: ColumnRow) -> None:
        self.set_role(row.index, row.role.currentData())

    def set_role(self, column: int, role: str) -> None:
        """Give ``column`` of the current sheet the role ``role`` (``amount``, ``ignore``, …)."""
        sheet = self.current_sheet
        state = self._state(self._current)
        old = next((a for a in state.amounts if a.index == column), None)
        if old is not None:
            self._amount_memory[(sheet.name, column)] = old
        state.amounts = [a for a in state.amounts if a.index != column]
        state.columns.pop(column, None)
        if role == AMOUNT:
            label = self._headers[column] if column < len(self._headers) else ""
            kept = self._amount_memory.get((sheet.name, column))
            amount = replace(kept, label=label) if kept else AmountColumn(index=column, label=label)
            state.amounts = sorted([*state.amounts, amount], key=lambda a: a.index)
        elif role and role != IGNORE:
            state.columns[column] = canonical_role(role)
            state.columns = dict(sorted(state.columns.items()))
        if column < len(self._rows):
            self._show_row_role(self._rows[column], state)
        self._update_column_titles()
        self._schedule_preview()

    def _on_override_changed(self, row: ColumnRow) -> None:
        state = self._state(self._current)
        for k, a in enumerate(state.amounts):
            if a.index != row.index:
                continue
            year = row.year.value()
            if year == _YEAR_FROM_HEADER + 1 and a.fiscal_year is None:
                # Stepping up from "from header" lands on the header's year, not on 1900.
                from budgetbench.io import detect

                guess = detect.parse_fiscal_year(self._headers[row.index]) or 2026
                row.year.blockSignals(True)
                row.year.setValue(guess)
                row.year.blockSignals(False)
                year = guess
            state.amounts[k] = replace(
                a,
                fiscal_year=None if year == _YEAR_FROM_HEADER else year,
                phase=row.phase.currentData(),
                direction=row.direction.currentData(),
            )
        self._update_column_titles()
        self._schedule_preview()

    def _on_header_rows_changed(self) -> None:
        sheet = self.current_sheet
        state = self._state(self._current)
        first = self.header_spin.value() - 1 - sheet.row_offset
        rows = [first]
        if self.second_spin.value() >= self.second_spin.minimum() + 1:
            second = self.second_spin.value() - 1 - sheet.row_offset
            if second != first:
                rows.append(second)
        state.header_rows = tuple(sorted(rows))
        self._headers = self._sheet_headers(sheet, state.header_rows)
        state.amounts = [
            replace(a, label=self._headers[a.index] if a.index < len(self._headers) else a.label)
            for a in state.amounts
        ]
        for row in self._rows:
            self._set_row_header(row, self._headers[row.index])
        self._reload_raw_cells()
        self._schedule_preview()

    def guess_roles(self) -> None:
        """Choose every column's role again from the current header row(s)."""
        state = self._state(self._current)
        self._guess_into(state, self.current_sheet)
        for row in self._rows:
            self._show_row_role(row, state)
        self._update_column_titles()
        self._schedule_preview()

    def _on_include_toggled(self, checked: bool) -> None:
        name = self.current_sheet.name
        if checked:
            self._included.add(name)
        else:
            self._included.discard(name)
        self._schedule_preview()

    def _on_units_changed(self) -> None:
        self._state(self._current).unit_scale = float(self.units_combo.currentData())
        self._schedule_preview()

    def _on_sign_changed(self) -> None:
        self._state(self._current).revenue_negative = self.sign_combo.currentData()
        self._schedule_preview()

    # ---- the result -------------------------------------------------------------------------
    def mapping(self) -> ColumnMapping:
        """The mapping as edited: the ticked sheets, in workbook order."""
        sheets = [
            copy.deepcopy(self._states[name])
            for name in self._names
            if name in self._included and name in self._states
        ]
        for sm in sheets:
            sm.columns = dict(sorted(sm.columns.items()))
        name = self.profile_name.text().strip() or self._path.stem
        return ColumnMapping(sheets=sheets, name=name, confidence=1.0, doubts=[])

    def signature(self) -> str:
        """The header signature the profile is saved under: the file's headers read the way
        the confirmed mapping reads them. A file whose headers read the same way (years
        aside) is imported with the profile when it is opened."""
        return normalize.mapping_signature(self._sheets, self.mapping())

    # ---- preview ----------------------------------------------------------------------------
    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> bool:
        """Recompute the preview now; True when the mapping imports (OK is enabled)."""
        self._preview_timer.stop()
        mapping = self.mapping()
        lines = None
        report = ImportReport(source=str(self._path))
        error = ""
        try:
            if not mapping.sheets:
                raise ValueError(self.tr("Tick “Import this sheet” for at least one sheet."))
            validate_role_values(mapping)
            lines = normalize.apply_mapping(self._preview_sheets, mapping, self._path, report)
            if lines is None or len(lines) == 0:
                raise ValueError(
                    self.tr("No line items with amounts were found under the header row.")
                )
        except BudgetError as exc:
            error = exc.message
        except ValueError as exc:
            error = str(exc)
        except Exception as exc:  # never a traceback in the dialog; the log has the details
            log.log(logging.WARNING, "mapping preview failed for %s", self._path, exc_info=exc)
            error = self.tr("This mapping cannot be read ({0}).").format(exc)
        if error:
            lines = None
            error = error[:1].upper() + error[1:]
            if "fiscal year" in error.lower():
                error += " " + self.tr(
                    "(You can type the year in the “FY” box under an amount column.)"
                )
        self.preview_lines, self.preview_report, self.preview_error = lines, report, error
        self._show_preview(lines, report, error)
        self.ok_button.setEnabled(not error)
        self.preview_updated.emit()
        return not error

    def _show_preview(self, lines: pd.DataFrame | None, report: ImportReport, error: str) -> None:
        if error or lines is None:
            self.error_label.setText(self.tr("This mapping cannot be imported: {0}").format(error))
            self.error_label.show()
            self.summary_label.clear()
            self.summary_label.hide()
            for table in (self.lines_table, self.totals_table):
                table.clearContents()
                table.setRowCount(0)
            return
        self.error_label.hide()
        self.error_label.clear()
        self.summary_label.setText(self._summary_text(lines, report))
        self.summary_label.show()
        self._fill_lines(lines)
        self._fill_totals(lines)

    def _summary_text(self, lines: pd.DataFrame, report: ImportReport) -> str:
        parts = [self.tr("{0} line items.").format(f"{len(lines):,}")]
        if report.skipped:
            skipped = ", ".join(f"{n:,} {why}" for why, n in sorted(report.skipped.items()))
            parts.append(self.tr("Rows left out: {0}.").format(skipped))
        truncated = [
            s for s in self._sheets if len(s.cells) > PREVIEW_ROW_LIMIT and s.name in self._included
        ]
        if truncated:
            parts.append(
                self.tr(
                    "To stay quick, the preview and its totals read only the first {0} rows "
                    "of a sheet; the import reads them all."
                ).format(f"{PREVIEW_ROW_LIMIT:,}")
            )
        if report.revenue_sign_flipped:
            parts.append(self.tr("Revenue was negative in the file and is shown positive."))
        if report.warnings:
            parts.append(self.tr("Note: {0}").format(report.warnings[0]))
            if len(report.warnings) == 2:
                parts.append(self.tr("(and 1 more note)"))
            elif len(report.warnings) > 2:
                parts.append(self.tr("(and {0} more notes)").format(len(report.warnings) - 1))
        self.summary_label.setToolTip("\n".join(report.warnings))
        return " ".join(parts)

    def _fill_lines(self, lines: pd.DataFrame) -> None:
        head = lines.head(PREVIEW_LINES)
        columns = [
            c
            for c in _PREVIEW_COLUMNS
            if c in head.columns
            and (c == "amount" or head[c].astype("string").fillna("").str.strip().ne("").any())
        ]
        show_src = {"src_row", "src_col"} <= set(head.columns)
        labels = [self._column_label(c) for c in columns]
        if show_src:
            labels.append(self.tr("From cell"))
        words = {
            "phase": self._phase_names(),
            "direction": {"revenue": self.tr("Revenue"), "expense": self.tr("Expense")},
        }
        table = self.lines_table
        table.clearContents()
        table.setColumnCount(len(labels))
        table.setHorizontalHeaderLabels(labels)
        table.setRowCount(len(head))
        for i in range(len(head)):
            for k, c in enumerate(columns):
                value = head[c].iat[i]
                if c == "amount":
                    item = QTableWidgetItem(format_money(float(value)))
                    item.setTextAlignment(_RIGHT)
                else:
                    text = _cell_text(value)
                    item = QTableWidgetItem(words.get(c, {}).get(text, text))
                    if c == "fiscal_year":
                        item.setTextAlignment(_RIGHT)
                table.setItem(i, k, item)
            if show_src:
                ref = f"{column_letter(int(head['src_col'].iat[i]))}{int(head['src_row'].iat[i])}"
                sheet = _cell_text(head["src_sheet"].iat[i]) if "src_sheet" in head else ""
                table.setItem(i, len(columns), QTableWidgetItem(f"{sheet}!{ref}" if sheet else ref))
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for k in range(table.columnCount()):
            header.resizeSection(k, min(header.sectionSize(k), 200))

    def _fill_totals(self, lines: pd.DataFrame) -> None:
        grouped = (
            lines.groupby(["fiscal_year", "phase", "direction"], observed=True, sort=True)["amount"]
            .agg(["size", "sum"])
            .reset_index()
        )
        table = self.totals_table
        table.clearContents()
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Year"),
                self.tr("Phase"),
                self.tr("Revenue / expense"),
                self.tr("Lines"),
                self.tr("Total"),
            ]
        )
        table.setRowCount(len(grouped))
        phases = self._phase_names()
        directions = {"revenue": self.tr("Revenue"), "expense": self.tr("Expense")}
        for i, rec in enumerate(grouped.itertuples(index=False)):
            year, phase, direction, size, total = rec
            cells = [
                (_cell_text(year), True),
                (phases.get(str(phase), str(phase)), False),
                (directions.get(str(direction), str(direction)), False),
                (f"{int(size):,}", True),
                (format_money(float(total)), True),
            ]
            for k, (text, right) in enumerate(cells):
                item = QTableWidgetItem(text)
                if right:
                    item.setTextAlignment(_RIGHT)
                table.setItem(i, k, item)
        table.resizeColumnsToContents()

    def _column_label(self, column: str) -> str:
        labels = {
            "fiscal_year": self.tr("Year"),
            "phase": self.tr("Phase"),
            "direction": self.tr("Rev/Exp"),
            "amount": self.tr("Amount"),
            "fund_code": self.tr("Fund code"),
            "fund_name": self.tr("Fund"),
            "department": self.tr("Department"),
            "division": self.tr("Division"),
            "program": self.tr("Program"),
            "account_code": self.tr("Account code"),
            "account_name": self.tr("Account"),
            "category": self.tr("Category"),
        }
        return labels.get(column, column)

    def totals(self) -> dict[tuple[int, str, str], float]:
        """The preview's totals by (fiscal year, phase, direction); empty when invalid."""
        lines = self.preview_lines
        if lines is None:
            return {}
        grouped = lines.groupby(["fiscal_year", "phase", "direction"], observed=True)["amount"]
        return {(int(y), str(p), str(d)): float(v) for (y, p, d), v in grouped.sum().items()}

    # ---- closing ----------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.refresh_preview():
            return  # the error label says why
        self.saved_profile, self.save_error = None, ""
        if self.save_check.isChecked():
            name = self.profile_name.text().strip() or self._path.stem
            try:
                store = self._store if self._store is not None else default_store()
                self.saved_profile = store.save(name, self.mapping(), self.signature())
            except (OSError, ValueError) as exc:  # the import goes ahead; the profile is lost
                log.log(logging.WARNING, "could not save mapping profile %r: %s", name, exc)
                self.save_error = str(exc)
        super().accept()

    def done(self, result: int) -> None:
        self._preview_timer.stop()
        super().done(result)
