"""A table model over a canonical line-item table, fast at a million rows.

The model never copies the table. It shows ``rows[i]`` of a
:class:`~budgetbench.core.query.TableIndex` (the positions :meth:`TableIndex.apply` returns for
the current query), and reads every cell from
per-column numpy arrays, so scrolling costs only the cells on screen. Sorting is a numpy argsort
in the index, never a call back into :meth:`data` per comparison.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from budgetbench.core import schema
from budgetbench.core.format import column_letter, format_money, spoken_money
from budgetbench.core.query import Query, TableIndex
from budgetbench.ui.notes import TARGET_COLUMN

COLUMNS: tuple[str, ...] = schema.COLUMNS

#: Columns whose values are numbers: right-aligned, like a spreadsheet.
NUMERIC_COLUMNS = frozenset({"fiscal_year", "amount", "src_row", "src_col"})

#: Qt draws rows at ``y = row * height`` in 32-bit ints; more rows than this overflow.
QT_MAX_COORDINATE = 2**31 - 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_INITIAL_SORT = int(Qt.ItemDataRole.InitialSortOrderRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_CELL_ROLES = frozenset({_DISPLAY, _USER, _ALIGN, _ACCESSIBLE, _TOOLTIP, _BACKGROUND})
#: Light Okabe–Ito sky blue: a row the room has written a note on.
_NOTED = QColor(0x56, 0xB4, 0xE9, 70)
#: Which canonical column a note's target level names.

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

#: Text longer than this also comes as a tooltip, since the column may cut it short.
_TOOLTIP_CHARS = 24


class FrameModel(QAbstractTableModel):
    """Read-only model of a :class:`TableIndex`, showing the rows a :class:`Query` selects."""

    def __init__(self, index: TableIndex | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index: TableIndex | None = None
        self._notes: dict[tuple[str, str], list[str]] = {}
        self._query = Query()
        self._rows: np.ndarray = np.empty(0, dtype=np.int64)
        self._row_cap = QT_MAX_COORDINATE // 24
        self._cells: list[Any] = []
        self._labels = [schema.column_label(c) for c in COLUMNS]
        self._tips = self._column_tips()
        if index is not None:
            self.set_index(index)

    # --- what is shown ---------------------------------------------------------------------

    @property
    def table_index(self) -> TableIndex | None:
        return self._index

    @property
    def query(self) -> Query:
        return self._query

    @property
    def rows(self) -> np.ndarray:
        """Row positions in the table of the rows shown, in display order (read-only)."""
        return self._rows

    def set_index(self, index: TableIndex | None, query: Query | None = None) -> None:
        """Show another table (or none), keeping the query unless one is given."""
        self.beginResetModel()
        self._index = index
        if query is not None:
            self._query = query
        self._build_cells()
        self._rows = self._apply(self._query)
        self.endResetModel()

    def set_query(self, query: Query) -> None:
        """Show the rows ``query`` selects. A change of sort alone keeps the selection."""
        if query == self._query:
            return
        same_filter = (query.terms, query.min_amount, query.max_amount) == (
            self._query.terms,
            self._query.min_amount,
            self._query.max_amount,
        )
        if same_filter:
            self._relayout(query)
            return
        self.beginResetModel()
        self._query = query
        self._rows = self._apply(query)
        self.endResetModel()

    def set_row_height(self, pixels: int) -> None:
        """Cap the row count so that ``rows x pixels`` fits Qt's 32-bit view coordinates."""
        cap = QT_MAX_COORDINATE // max(1, int(pixels))
        if cap == self._row_cap:
            return
        self.beginResetModel()
        self._row_cap = cap
        self.endResetModel()

    @property
    def is_capped(self) -> bool:
        """True when more rows match than a view can scroll to (tens of millions)."""
        return len(self._rows) > self._row_cap

    def source_row(self, view_row: int) -> int:
        """The table position of the line shown at ``view_row``."""
        return int(self._rows[view_row])

    def view_row(self, source_row: int) -> int | None:
        """Where the table's line ``source_row`` is shown, or ``None`` if it is filtered out."""
        hits = np.flatnonzero(self._rows[: self.rowCount()] == source_row)
        return int(hits[0]) if len(hits) else None

    def _apply(self, query: Query) -> np.ndarray:
        if self._index is None:
            return np.empty(0, dtype=np.int64)
        return self._index.apply(query)

    def _relayout(self, query: Query) -> None:
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._query = query
        self._rows = self._apply(query)
        persistent = self.persistentIndexList()
        if persistent and self._index is not None:
            where = np.full(self._index.n, -1, dtype=np.int64)
            where[self._rows] = np.arange(len(self._rows), dtype=np.int64)
            cap = self.rowCount()
            moved = []
            for p in persistent:
                row = p.row()
                new = int(where[old_rows[row]]) if 0 <= row < len(old_rows) else -1
                ok = 0 <= new < cap
                moved.append(self.index(new, p.column()) if ok else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return min(len(self._rows), self._row_cap)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _CELL_ROLES or self._index is None:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(COLUMNS)):
            return None
        if role == _ALIGN:
            return _RIGHT if COLUMNS[col] in NUMERIC_COLUMNS else _LEFT
        src = int(self._rows[row])
        if role == _DISPLAY:
            return self._cells[col][0](src)
        if role == _USER:
            return self._index.value(COLUMNS[col], src)
        if role == _ACCESSIBLE:
            return self._cells[col][1](src)
        if role == _BACKGROUND:
            return _NOTED if self._notes and self.notes_for(src) else None
        # tooltip: the room's notes on the line, else the full text of a narrow cell
        if self._notes:
            notes = self.notes_for(src)
            if notes:
                return "\n".join(f"• {n}" for n in notes)
        if COLUMNS[col] in NUMERIC_COLUMNS:
            return None
        text = self._cells[col][0](src)
        return text if len(text) > _TOOLTIP_CHARS else None

    def set_notes(self, notes: dict[tuple[str, str], list[str]]) -> None:
        """The room's notes by target (``("line", key)``, ``("department", name)``, ...):
        noted rows are tinted and their notes shown on hover."""
        self._notes = {t: list(v) for t, v in notes.items() if t[0] in TARGET_COLUMN and v}
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, len(COLUMNS) - 1),
                [_BACKGROUND, _TOOLTIP],
            )

    def notes_for(self, src: int) -> list[str]:
        """Notes on a source row: on the line itself, its department, fund or program."""
        if self._index is None or not self._notes:
            return []
        out: list[str] = []
        for level, column in TARGET_COLUMN.items():
            value = self._index.value(column, src)
            out.extend(self._notes.get((level, str(value)), ()))
        return out

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            if role == _DISPLAY:
                return self._labels[section]
            if role == _TOOLTIP:
                return self._tips.get(COLUMNS[section])
            if role == _INITIAL_SORT:  # the first click on Amount shows the biggest lines
                if COLUMNS[section] == "amount":
                    return Qt.SortOrder.DescendingOrder
                return Qt.SortOrder.AscendingOrder
            return None
        if not 0 <= section < self.rowCount():
            return None
        src = int(self._rows[section])
        noted = bool(self._notes) and bool(self.notes_for(src))
        if role == _DISPLAY:  # a mark, not only a tint, on lines with notes
            return f"✎ {src + 1}" if noted else str(src + 1)
        if role == _TOOLTIP:
            text = self.tr("Line %1 of the imported table").replace("%1", f"{src + 1:,}")
            if noted:
                text += "\n" + "\n".join(f"• {n}" for n in self.notes_for(src))
            return text
        if role == _ALIGN:
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (or, for ``column < 0``, return to the table's own order)."""
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else None
        ascending = order == Qt.SortOrder.AscendingOrder
        query = replace(self._query, sort_column=name, ascending=ascending)
        if query != self._query:
            self._relayout(query)

    # --- cell formatting -------------------------------------------------------------------

    def _build_cells(self) -> None:
        """One (display, accessible) pair of functions per column, reading numpy arrays."""
        self._cells = []
        ix = self._index
        if ix is None:
            return
        yes, no = self.tr("yes"), self.tr("no")
        blank = self.tr("blank")
        for column in COLUMNS:
            if ix.is_factorised(column):
                codes = ix.codes(column)
                shown = [str(u) for u in ix.uniques(column)]
                if column in schema.CATEGORIES:
                    shown = [u.replace("_", " ") for u in shown]
                table = np.asarray([*shown, ""], dtype=object)  # last slot: missing value
                spoken = np.asarray([s or blank for s in table], dtype=object)
                self._cells.append(
                    (
                        lambda r, t=table, c=codes: t[c[r]],
                        lambda r, t=spoken, c=codes: t[c[r]],
                    )
                )
            elif column == "amount":
                v = ix.values(column)
                self._cells.append(
                    (lambda r, v=v: format_money(v[r]), lambda r, v=v: spoken_money(float(v[r])))
                )
            elif column == "is_transfer":
                v = ix.values(column)
                self._cells.append(
                    (lambda r, v=v: yes if v[r] else "", lambda r, v=v: yes if v[r] else no)
                )
            elif column == "src_col":
                v = ix.values(column)
                letter = lambda r, v=v: column_letter(int(v[r]))  # noqa: E731
                self._cells.append((letter, letter))
            elif column == "src_row":
                v = ix.values(column)
                fmt = self._row_number
                self._cells.append((lambda r, v=v, f=fmt: f(v[r]), lambda r, v=v, f=fmt: f(v[r])))
            else:  # fiscal_year
                v = ix.values(column)
                self._cells.append((lambda r, v=v: str(v[r]), lambda r, v=v: str(v[r])))

    @staticmethod
    def _row_number(value: Any) -> str:
        n = int(value)
        return str(n) if n > 0 else ""

    def _column_tips(self) -> dict[str, str]:
        return {
            "fiscal_year": self.tr("The year the fiscal year ends: FY2025-26 is shown as 2026."),
            "phase": self.tr(
                "Which version of the numbers: actual (what happened), adopted (what the "
                "council approved), amended, proposed, recommended or estimate."
            ),
            "direction": self.tr("Revenue comes in; expense goes out."),
            "is_transfer": self.tr(
                "Money moved from one of the government's funds to another. Counted once as "
                "spending and once as revenue, so totals “net of transfers” leave it out."
            ),
            "fund_code": self.tr("The fund's number in the budget. Leading zeros are kept."),
            "fund_name": self.tr(
                "The fund: a separate pot of money with its own rules, like a bank account."
            ),
            "fund_type": self.tr(
                "What kind of fund: the General Fund pays for most services; special revenue, "
                "capital, debt service, enterprise, internal service and fiduciary funds are "
                "limited to their purpose."
            ),
            "restricted": self.tr(
                "Restricted money can only be spent on what a law, grant or voter measure says."
            ),
            "department": self.tr("The department that spends or collects the money."),
            "division": self.tr("A part of the department."),
            "program": self.tr("A service or activity within the department."),
            "account_code": self.tr("The number of the revenue or expense account."),
            "account_name": self.tr("What the money is for (expense) or where it comes from."),
            "category": self.tr("The group the account belongs to, such as Salaries or Taxes."),
            "recurring": self.tr(
                "Ongoing money repeats every year; one-time money does not, so it should not pay "
                "for ongoing costs."
            ),
            "amount": self.tr(
                "Dollars. Revenue and expense are both positive; reductions are negative."
            ),
            "line_key": self.tr(
                "A stable identifier of the line, the same across years, phases and re-imports."
            ),
            "src_sheet": self.tr("The sheet of the file the amount was read from."),
            "src_row": self.tr("The row of the file the amount was read from, as Excel shows it."),
            "src_col": self.tr("The column of the file the amount was read from."),
        }
