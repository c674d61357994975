"""The Data view: every normalised line item in a fast, searchable, sortable table.

It answers "what is in this spreadsheet?": the lines the import kept, a search across every
text column, an amount range, a choice of columns, running totals of what is shown, and the
import report that says what was skipped and whether the file's own totals add up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.format import format_money
from budgetbench.core.query import Query, Summary, TableIndex, make_scope, parse_amount
from budgetbench.ui.models.frame_model import COLUMNS, FrameModel

if TYPE_CHECKING:  # pandas-backed; loaded with the first budget, not at start-up
    from budgetbench.core.budget import Budget
    from budgetbench.io.report import ImportReport

#: Columns most people do not need to read a budget; shown from the Columns menu.
HIDDEN_BY_DEFAULT = frozenset({"line_key", "src_sheet", "src_row", "src_col"})
#: Columns shown first, in this order; the others follow in the table's own order.
FRONT_COLUMNS = (
    "fiscal_year",
    "phase",
    "direction",
    "amount",
    "fund_name",
    "department",
    "division",
    "program",
    "category",
    "account_name",
)
#: Columns always shown at first: without them a line cannot be read.
ALWAYS_SHOWN = frozenset({"fiscal_year", "phase", "direction", "amount"})

#: Keystrokes within this many milliseconds are applied together.
FILTER_DELAY_MS = 120

#: Okabe–Ito vermillion: marks an entry that cannot be used.
_INVALID_STYLE = "QLineEdit { border: 2px solid #D55E00; border-radius: 3px; padding: 1px 2px; }"


class _ColumnMenu(QMenu):
    """A menu of checkable columns that stays open while columns are ticked with the mouse."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class DataView(QWidget):
    """The line items of a budget in a table, with search, amount range and column choice."""

    #: The status line's text, whenever it changes.
    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataView")
        self._budget: Budget | None = None
        self._index: TableIndex | None = None
        self._user_columns: dict[str, bool] = {}
        self._scope: tuple = ()
        self._scope_label = ""
        self._status = ""

        self._model = FrameModel(parent=self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self._apply_filters)

        self._build_controls()
        self._build_scope_chip()
        self._build_table()
        self._build_report()
        self._build_layout()
        self._update_metrics()
        self.set_budget(None)

    # --- building ---------------------------------------------------------------------------

    def _build_controls(self) -> None:
        self._search_edit = QLineEdit(self)
        self._search_edit.setObjectName("searchEdit")
        self._search_edit.setPlaceholderText(self.tr("Search all text columns…"))
        self._search_edit.setClearButtonEnabled(True)
        self._search_edit.setAccessibleName(self.tr("Search all text columns"))
        self._search_edit.setToolTip(
            self.tr(
                "Shows lines that contain every word you type, each in any text column "
                '(fund, department, account, year…). Put a phrase in quotes: "general fund". '
                "Esc clears."
            )
        )
        self._search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self._search_label = QLabel(self.tr("&Search:"), self)
        self._search_label.setBuddy(self._search_edit)

        self._min_edit = self._amount_edit(
            "minEdit",
            self.tr("Minimum amount in dollars"),
            self.tr("Show only lines of at least this amount. Examples: 1,000 · 2.5M · 250k"),
        )
        self._min_label = QLabel(self.tr("Mi&n $"), self)
        self._min_label.setBuddy(self._min_edit)
        self._max_edit = self._amount_edit(
            "maxEdit",
            self.tr("Maximum amount in dollars"),
            self.tr("Show only lines of at most this amount. Examples: 1,000 · 2.5M · 250k"),
        )
        self._max_label = QLabel(self.tr("Ma&x $"), self)
        self._max_label.setBuddy(self._max_edit)

        for edit in (self._search_edit, self._min_edit, self._max_edit):
            edit.textChanged.connect(self._schedule)
            edit.returnPressed.connect(self.apply_now)
            edit.installEventFilter(self)

        self._column_menu = _ColumnMenu(self)
        self._column_actions: dict[str, QAction] = {}
        for column in COLUMNS:
            label = self._model.headerData(COLUMNS.index(column), Qt.Orientation.Horizontal)
            action = QAction(label, self)
            action.setCheckable(True)
            action.setData(column)
            action.toggled.connect(lambda on, c=column: self._column_toggled(c, on))
            self._column_menu.addAction(action)
            self._column_actions[column] = action
        self._column_menu.addSeparator()
        show_all = self._column_menu.addAction(self.tr("Show all columns"))
        show_all.triggered.connect(self._show_all_columns)
        defaults = self._column_menu.addAction(self.tr("Default columns"))
        defaults.triggered.connect(self._default_columns)

        self._column_button = QToolButton(self)
        self._column_button.setObjectName("columnButton")
        self._column_button.setText(self.tr("&Columns"))
        self._column_button.setMenu(self._column_menu)
        self._column_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._column_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._column_button.setAccessibleName(self.tr("Choose columns"))
        self._column_button.setToolTip(self.tr("Choose which columns the table shows"))

    def _amount_edit(self, name: str, accessible: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("any"))
        edit.setClearButtonEnabled(True)
        edit.setAccessibleName(accessible)
        edit.setToolTip(tip)
        edit.setProperty("defaultToolTip", tip)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def _build_scope_chip(self) -> None:
        """The "Showing: Police, FY2026 adopted ✕" chip shown while the table is scoped."""
        chip = QFrame(self)
        chip.setObjectName("scopeChip")
        chip.setStyleSheet(
            "QFrame#scopeChip { border: 2px solid #0072B2; border-left-width: 6px;"
            " border-radius: 4px; }"
        )
        self._scope_text = QLabel(chip)
        self._scope_text.setObjectName("scopeLabel")
        self._scope_text.setTextFormat(Qt.TextFormat.PlainText)
        self._scope_text.setWordWrap(True)
        font = self._scope_text.font()
        font.setBold(True)
        self._scope_text.setFont(font)
        self._scope_clear = QToolButton(chip)
        self._scope_clear.setObjectName("scopeClear")
        self._scope_clear.setText(self.tr("✕ Show all lines"))
        self._scope_clear.setAutoRaise(True)
        self._scope_clear.setAccessibleName(self.tr("Show all lines"))
        self._scope_clear.setToolTip(self.tr("Stop showing only these lines"))
        self._scope_clear.clicked.connect(self.clear_scope)
        row = QHBoxLayout(chip)
        row.setContentsMargins(8, 2, 2, 2)
        row.addWidget(self._scope_text, 1)
        row.addWidget(self._scope_clear)
        chip.setVisible(False)
        self._scope_chip = chip

    def _build_table(self) -> None:
        table = QTableView(self)
        table.setObjectName("dataTable")
        table.setModel(self._model)
        table.setAccessibleName(self.tr("Budget line items"))
        table.setAccessibleDescription(
            self.tr("One row per line item, fiscal year and phase. Click a header to sort.")
        )
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)

        vh = table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        vh.setHighlightSections(True)

        hh = table.horizontalHeader()
        hh.setResizeContentsPrecision(50)
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicatorClearable(True)  # a third click returns to the file's order
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(
            lambda pos: self._column_menu.popup(hh.mapToGlobal(pos))
        )
        table.setSortingEnabled(True)
        # Read a row like a sentence: "2026 adopted expense $1,234,567 General Fund Police ...".
        for column in reversed(FRONT_COLUMNS):
            hh.moveSection(hh.visualIndex(COLUMNS.index(column)), 0)
        self._table = table

        self._hint = QLabel(self)
        self._hint.setObjectName("emptyHint")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        open_keys = QKeySequence(QKeySequence.StandardKey.Open).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self._hint.setText(
            self.tr("Open a budget file (%1) or drop one here.").replace("%1", open_keys)
        )
        self._hint.setAccessibleName(self._hint.text())
        self._hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._hint)
        self._stack.addWidget(self._table)

        self._status_label = QLabel(self)
        self._status_label.setObjectName("statusLabel")
        self._status_label.setWordWrap(True)
        self._status_label.setTextFormat(Qt.TextFormat.PlainText)
        self._status_label.setAccessibleName(self.tr("Table summary"))
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._status_label.setToolTip(
            self.tr(
                "Totals add up every line shown. A budget total needs one fiscal year and one "
                "phase: search for example “2026 adopted”."
            )
        )

    def _build_report(self) -> None:
        self._report_button = QToolButton(self)
        self._report_button.setObjectName("reportButton")
        self._report_button.setCheckable(True)
        self._report_button.setAutoRaise(True)
        self._report_button.setArrowType(Qt.ArrowType.RightArrow)
        self._report_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._report_button.setText(self.tr("Import &report"))
        self._report_button.setAccessibleName(self.tr("Show import report"))
        self._report_button.setToolTip(
            self.tr("What the import read, skipped and checked: do the file's totals add up?")
        )
        self._report_button.toggled.connect(self._report_toggled)

        self._report_text = QPlainTextEdit(self)
        self._report_text.setObjectName("reportText")
        self._report_text.setReadOnly(True)
        self._report_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._report_text.setAccessibleName(self.tr("Import report"))
        self._report_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._report_text.setVisible(False)

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self._search_label)
        controls.addWidget(self._search_edit, 1)
        controls.addSpacing(12)
        controls.addWidget(self._min_label)
        controls.addWidget(self._min_edit)
        controls.addWidget(self._max_label)
        controls.addWidget(self._max_edit)
        controls.addSpacing(12)
        controls.addWidget(self._column_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self._status_label, 1)
        bottom.addWidget(self._report_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self._scope_chip)
        layout.addWidget(self._stack, 1)
        layout.addLayout(bottom)
        layout.addWidget(self._report_text)

        QWidget.setTabOrder(self._search_edit, self._min_edit)
        QWidget.setTabOrder(self._min_edit, self._max_edit)
        QWidget.setTabOrder(self._max_edit, self._column_button)
        QWidget.setTabOrder(self._column_button, self._scope_clear)
        QWidget.setTabOrder(self._column_button, self._table)
        QWidget.setTabOrder(self._table, self._report_button)
        QWidget.setTabOrder(self._report_button, self._report_text)

    # --- public API -------------------------------------------------------------------------

    @property
    def search_edit(self) -> QLineEdit:
        return self._search_edit

    @property
    def min_edit(self) -> QLineEdit:
        return self._min_edit

    @property
    def max_edit(self) -> QLineEdit:
        return self._max_edit

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def status_label(self) -> QLabel:
        return self._status_label

    @property
    def column_button(self) -> QToolButton:
        return self._column_button

    @property
    def column_menu(self) -> QMenu:
        return self._column_menu

    @property
    def report_button(self) -> QToolButton:
        return self._report_button

    @property
    def report_text(self) -> QPlainTextEdit:
        return self._report_text

    @property
    def model(self) -> FrameModel:
        return self._model

    @property
    def status_text(self) -> str:
        return self._status

    @property
    def scope_label(self) -> QLabel:
        """The "Showing: …" label above the table (hidden when every line is shown)."""
        return self._scope_text

    @property
    def scope_clear_button(self) -> QToolButton:
        return self._scope_clear

    @property
    def scope(self) -> tuple:
        """The filters :meth:`show_only` applied, as a :attr:`Query.scope` (``()``: none)."""
        return self._scope

    def show_only(self, filters: dict[str, object], label: str = "") -> None:
        """Show only the lines matching every filter (exact per canonical column; a tuple of
        values matches any of them), with a removable "Showing: <label> ✕" chip above them.

        The search and amount boxes still narrow what is shown; :meth:`clear_scope` (or the
        chip's ✕) shows every line again.
        """
        scope = make_scope(filters)
        if self._index is not None:
            self._index.scope_mask(scope)  # an unknown column raises here, before any change
        self._scope = scope
        self._scope_label = label or _describe_filters(filters)
        self._scope_text.setText(self.tr("Showing: %1").replace("%1", self._scope_label))
        self._scope_text.setAccessibleName(self._scope_text.text())
        self._scope_chip.setVisible(bool(scope))
        self._reapply_scope()

    def clear_scope(self) -> None:
        """Show every line again (the search and amount boxes still apply)."""
        if not self._scope and not self._scope_chip.isVisible():
            return
        self._scope = ()
        self._scope_label = ""
        self._scope_text.setText("")
        self._scope_chip.setVisible(False)
        self._reapply_scope()

    def _reapply_scope(self) -> None:
        self._timer.stop()
        if self._index is None:
            return
        self._model.set_index(self._index, self._current_query())
        self._update_status()

    def column_action(self, column: str) -> QAction:
        """The Columns menu entry that shows or hides ``column``."""
        return self._column_actions[column]

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        self._search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search_edit.selectAll()

    def set_budget(
        self,
        budget: Budget | None,
        report: ImportReport | None = None,
        *,
        index: TableIndex | None = None,
    ) -> None:
        """Show a budget's lines (or the empty state for ``None``) and its import report.

        ``index`` may be given when it was already built (in a worker, for a big table).
        """
        self._timer.stop()
        self._budget = budget
        self._scope = ()
        self._scope_chip.setVisible(False)
        if budget is None:
            self._index = None
            self._model.set_index(None)
            self._stack.setCurrentWidget(self._hint)
        else:
            self._index = index if index is not None else TableIndex(budget.lines)
            self._model.set_index(self._index, self._current_query())
            self._stack.setCurrentWidget(self._table)
        for w in (self._search_edit, self._min_edit, self._max_edit, self._column_button):
            w.setEnabled(budget is not None)
        self._set_report(report)
        self._apply_column_visibility()
        self._update_metrics()
        self._fit_columns()
        self._update_status()

    # --- filtering --------------------------------------------------------------------------

    def _schedule(self) -> None:
        self._timer.start()

    def apply_now(self) -> None:
        self._timer.stop()
        self._apply_filters()

    def _read_amount(self, edit: QLineEdit) -> tuple[float | None, bool]:
        try:
            return parse_amount(edit.text()), True
        except ValueError:
            return None, False

    def _mark(self, edit: QLineEdit, problem: str | None) -> None:
        edit.setProperty("invalid", problem is not None)
        edit.setStyleSheet(_INVALID_STYLE if problem else "")
        edit.setToolTip(problem or edit.property("defaultToolTip"))
        edit.setAccessibleDescription(problem or "")

    def _current_query(self) -> Query:
        low, low_ok = self._read_amount(self._min_edit)
        high, high_ok = self._read_amount(self._max_edit)
        not_amount = self.tr(
            "Not an amount. Type a number such as 1,000, 2.5M or 250k, or leave it blank."
        )
        self._mark(self._min_edit, None if low_ok else not_amount)
        if not high_ok:
            self._mark(self._max_edit, not_amount)
        elif low is not None and high is not None and low > high:
            self._mark(self._max_edit, self.tr("Max $ is below Min $, so no line can match."))
        else:
            self._mark(self._max_edit, None)
        current = self._model.query
        return Query(
            search=self._search_edit.text(),
            min_amount=low,
            max_amount=high,
            sort_column=current.sort_column,
            ascending=current.ascending,
            scope=self._scope,
        )

    def _apply_filters(self) -> None:
        query = self._current_query()
        if self._index is None:
            return
        selection = self._table.selectionModel()
        current = self._table.currentIndex()
        keep = self._model.source_row(current.row()) if current.isValid() else None
        self._model.set_query(query)
        if keep is not None:
            row = self._model.view_row(keep)
            if row is not None:
                target = self._model.index(row, max(current.column(), 0))
                selection.setCurrentIndex(
                    target,
                    selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
                )
                self._table.scrollTo(target)
        self._update_status()

    # --- status -----------------------------------------------------------------------------

    def _update_status(self) -> None:
        if self._index is None:
            text = ""
        else:
            rows = self._model.rows
            text = self._status_for(self._index.summary(rows), self._index.n)
        self._status_label.setText(text)
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)

    def _status_for(self, s: Summary, total_lines: int) -> str:
        showing = (
            self.tr("Showing %1 of 1 line")
            if total_lines == 1
            else self.tr("Showing %1 of %2 lines").replace("%2", f"{total_lines:,}")
        )
        parts = [showing.replace("%1", f"{s.count:,}")]
        query = self._model.query
        if (
            s.count == 0
            and query.scope
            and not (query.terms or query.min_amount is not None or query.max_amount is not None)
        ):
            parts.append(self.tr("No line matches: “✕ Show all lines” shows every line."))
        elif s.count == 0 and query.is_filtered:
            parts.append(self.tr("No line matches: press Esc in the search box to clear it."))
        elif s.directions > 1:
            parts.append(self.tr("Revenue shown: %1").replace("%1", format_money(s.revenue)))
            parts.append(self.tr("Expense shown: %1").replace("%1", format_money(s.expense)))
        else:
            parts.append(self.tr("Total shown: %1").replace("%1", format_money(s.total)))
        for edit, ignored in (
            (self._min_edit, self.tr("Min $ is not an amount and is ignored")),
            (self._max_edit, self.tr("Max $ is not an amount and is ignored")),
        ):
            try:
                parse_amount(edit.text())
            except ValueError:
                parts.append(ignored)
        if s.years > 1 and s.phases > 1:
            parts.append(
                self.tr("adds up %1 years and %2 phases")
                .replace("%1", str(s.years))
                .replace("%2", str(s.phases))
            )
        elif s.years > 1:
            parts.append(self.tr("adds up %1 years").replace("%1", str(s.years)))
        elif s.phases > 1:
            parts.append(self.tr("adds up %1 phases").replace("%1", str(s.phases)))
        return " · ".join(parts)

    # --- columns ----------------------------------------------------------------------------

    def _default_visible(self, column: str) -> bool:
        """Shown at first unless rarely needed, or telling nothing in this budget.

        A column tells nothing when every line leaves it empty (no divisions, no account
        codes), says ``unknown`` (the file has no fund types), or is never a transfer.
        """
        if column in HIDDEN_BY_DEFAULT:
            return False
        if column in ALWAYS_SHOWN or self._index is None or len(self._index) == 0:
            return True
        ix = self._index
        if column == "is_transfer":
            return bool(ix.values(column).any())
        if ix.is_factorised(column):
            values = {str(u).strip() for u in ix.uniques(column)}
            return bool(values - {"", "unknown"})
        return True

    def _apply_column_visibility(self) -> None:
        for column, action in self._column_actions.items():
            visible = self._user_columns.get(column, self._default_visible(column))
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
            self._table.setColumnHidden(COLUMNS.index(column), not visible)
        self._guard_last_column()

    def _guard_last_column(self) -> None:
        checked = [a for a in self._column_actions.values() if a.isChecked()]
        for action in self._column_actions.values():
            action.setEnabled(not (len(checked) == 1 and action.isChecked()))

    def _column_toggled(self, column: str, visible: bool) -> None:
        self._user_columns[column] = visible
        section = COLUMNS.index(column)
        self._table.setColumnHidden(section, not visible)
        if visible and self._table.columnWidth(section) == 0:
            self._table.resizeColumnToContents(section)
        self._guard_last_column()

    def _show_all_columns(self) -> None:
        self._user_columns = dict.fromkeys(COLUMNS, True)
        self._apply_column_visibility()
        self._fit_columns()

    def _default_columns(self) -> None:
        self._user_columns = {}
        self._apply_column_visibility()

    # --- sizes ------------------------------------------------------------------------------

    def _update_metrics(self) -> None:
        """Row height and header width from the current font (fixed heights: fast at 1M rows)."""
        fm = QFontMetrics(self._table.font())
        row = fm.height() + max(6, fm.height() // 2)
        vh = self._table.verticalHeader()
        vh.setMinimumSectionSize(row)
        vh.setDefaultSectionSize(row)
        self._model.set_row_height(row)
        digits = len(str(self._index.n)) if self._index is not None else 1
        # Room for the number and the "✎ " mark of a line with notes.
        vh.setMinimumWidth(
            fm.horizontalAdvance("✎ " + "9" * max(digits, 2)) + fm.averageCharWidth() * 2
        )
        self._search_edit.setMinimumWidth(fm.averageCharWidth() * 16)
        for edit in (self._min_edit, self._max_edit):
            edit.setFixedWidth(fm.horizontalAdvance("$999,999,999") + fm.height() * 2)
        self._report_text.setMaximumHeight(fm.lineSpacing() * 10 + fm.height())
        hint_font = self.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.4)
        self._hint.setFont(hint_font)

    def _fit_columns(self) -> None:
        """Width of each column from its longest value anywhere in the table, within limits.

        Uses the few distinct values of each column, not the rows, so no cell is read.
        """
        if self._index is None:
            return
        fm = QFontMetrics(self._table.font())
        pad = fm.averageCharWidth() * 2
        widest = fm.averageCharWidth() * 30
        hh = self._table.horizontalHeader()
        ix = self._index
        for section, column in enumerate(COLUMNS):
            samples: list[str] = []
            if ix.is_factorised(column):
                uniques = [str(u) for u in ix.uniques(column)]
                uniques.sort(key=len, reverse=True)
                samples = [u.replace("_", " ") for u in uniques[:40]]
            elif len(ix) and column == "amount":
                amounts = ix.values(column)
                lo, hi = float(amounts.min()), float(amounts.max())
                samples = [format_money(lo) + ".00", format_money(hi) + ".00"]
            elif len(ix) and column in ("fiscal_year", "src_row"):
                samples = [str(int(ix.values(column).max()))]
            elif column == "src_col":
                samples = ["WWW"]
            elif column == "is_transfer":
                samples = [self.tr("yes")]
            text = max((fm.horizontalAdvance(t) for t in samples), default=0) + pad
            hh.resizeSection(section, min(widest, max(hh.sectionSizeHint(section), text)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()
            self._fit_columns()

    # --- import report ----------------------------------------------------------------------

    def _set_report(self, report: ImportReport | None) -> None:
        if report is None:
            self._report_text.setPlainText("")
            self._report_button.setChecked(False)
            self._report_button.setVisible(False)
            self._report_button.setText(self.tr("Import &report"))
            return
        self._report_text.setPlainText("\n".join(report.summary_lines()))
        self._report_button.setVisible(True)
        problems = len(report.warnings) + sum(1 for r in report.reconciliations if not r.ok)
        if problems:
            self._report_button.setText(
                self.tr("Import &report (%1 to check)").replace("%1", str(problems))
            )
        else:
            self._report_button.setText(self.tr("Import &report"))

    def _report_toggled(self, shown: bool) -> None:
        self._report_text.setVisible(shown)
        self._report_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._report_button.setAccessibleName(
            self.tr("Hide import report") if shown else self.tr("Show import report")
        )

    # --- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+F as a key, not a QShortcut: a window's own Find action (same key) then wins
        # without an ambiguous-shortcut clash, and a view on its own still has it.
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QLineEdit)
            and watched.text()
        ):
            watched.clear()
            self.apply_now()
            return True
        return super().eventFilter(watched, event)


def _describe_filters(filters: dict) -> str:
    """The values of a scope, for its chip when no label is given: "2026 · adopted · Police"."""
    parts: list[str] = []
    for value in filters.values():
        values = value if isinstance(value, (tuple, list, set, frozenset)) else (value,)
        shown = [str(v) for v in values if not isinstance(v, (tuple, bool))]
        first = shown[:3]
        if not first:
            continue
        if len(first) == 1:
            text = first[0]
        else:
            text = QCoreApplication.translate("DataView", "{0} or {1}").format(
                ", ".join(first[:-1]), first[-1]
            )
        parts.append(text + (" …" if len(shown) > 3 else ""))
    return " · ".join(parts)
