"""The Data view, driven through its real widgets."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from budgetbench.core import schema
from budgetbench.core.budget import Budget
from budgetbench.core.query import Query, TableIndex
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.io.report import ImportReport, Reconciliation
from budgetbench.ui.models.frame_model import COLUMNS, FrameModel
from budgetbench.ui.views.data_view import DataView


def lines() -> pd.DataFrame:
    rows = []
    for year in (2025, 2026):
        for dept, account, amount in (
            ("Police", "Overtime", 1_500_000.0),
            ("Police", "Vehicles", 250_000.0),
            ("Fire", "Overtime", 900_000.0),
            ("Parks and Recreation", "Seasonal Staff", 75_000.5),
            ("Library", "Books", 40_000.0),
        ):
            rows.append(
                {
                    "fiscal_year": year,
                    "phase": "adopted",
                    "direction": "expense",
                    "fund_code": "0100",
                    "fund_name": "General Fund",
                    "fund_type": "general",
                    "department": dept,
                    "account_name": account,
                    "amount": amount + (year - 2025) * 1000,
                }
            )
    rows.append(
        {
            "fiscal_year": 2026,
            "phase": "adopted",
            "direction": "revenue",
            "fund_code": "0100",
            "fund_name": "General Fund",
            "fund_type": "general",
            "department": "Finance",
            "account_name": "Property Tax",
            "amount": 3_000_000.0,
        }
    )
    return schema.coerce(pd.DataFrame(rows))


@pytest.fixture
def report() -> ImportReport:
    return ImportReport(
        source="sample.xlsx",
        file_format="xlsx",
        sheets=["Budget"],
        rows_read=14,
        lines=11,
        skipped={"subtotal": 3},
        warnings=["Column 'Notes' was ignored"],
        reconciliations=[Reconciliation("Total expense", 5_531_001.0, 5_531_001.0)],
    )


@pytest.fixture
def view(qtbot, report) -> DataView:
    v = DataView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.set_budget(Budget(lines=lines()), report)
    v.show()
    qtbot.waitExposed(v)
    return v


def visible_rows(view: DataView) -> int:
    return view.table.model().rowCount()


def column_values(view: DataView, column: str) -> list:
    model = view.table.model()
    c = COLUMNS.index(column)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_shows_every_line_with_totals(view):
    assert visible_rows(view) == 11
    text = view.status_label.text()
    assert "Showing 11 of 11 lines" in text
    assert "Revenue shown: $3,000,000" in text
    assert "Expense shown: $5,535,001" in text
    assert "adds up 2 years" in text


def test_typing_a_search_filters_and_updates_the_status(view, qtbot):
    with qtbot.waitSignal(view.status_changed, timeout=2000) as signal:
        qtbot.keyClicks(view.search_edit, "police")
    qtbot.waitUntil(lambda: visible_rows(view) == 4)
    assert "Showing 4 of 11 lines" in view.status_label.text()
    assert "Total shown: $3,502,000" in view.status_label.text()
    assert signal.args[0] == view.status_label.text()

    qtbot.keyClicks(view.search_edit, " overtime 2026")
    qtbot.waitUntil(lambda: visible_rows(view) == 1)
    assert view.status_label.text().startswith("Showing 1 of 11 lines · Total shown: $1,501,000")
    assert "adds up" not in view.status_label.text()


def test_keystrokes_are_coalesced(view, qtbot, monkeypatch):
    calls = []
    original = view.model.set_query
    monkeypatch.setattr(view.model, "set_query", lambda q: (calls.append(q), original(q)))
    qtbot.keyClicks(view.search_edit, "overtime")
    qtbot.waitUntil(lambda: visible_rows(view) == 4)
    assert len(calls) <= 2  # not one per keystroke


def test_escape_clears_the_search(view, qtbot):
    qtbot.keyClicks(view.search_edit, "library")
    qtbot.waitUntil(lambda: visible_rows(view) == 2)
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    assert visible_rows(view) == 11  # at once, no waiting for the timer
    assert "Showing 11 of 11" in view.status_label.text()


def test_ctrl_f_focuses_the_search(view, qtbot):
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search_edit.hasFocus)


def test_ctrl_f_leaves_a_window_find_action_unambiguous(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    view = DataView()
    window.setCentralWidget(view)
    found = []
    action = QAction("Find", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    action.triggered.connect(lambda: found.append(True))
    window.addAction(action)
    view.set_budget(Budget(lines=lines()))
    window.show()
    qtbot.waitExposed(window)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert found == [True]


def test_no_match_says_so(view, qtbot):
    qtbot.keyClicks(view.search_edit, "nothing-like-this")
    qtbot.waitUntil(lambda: visible_rows(view) == 0)
    assert "Showing 0 of 11 lines" in view.status_label.text()
    assert "Esc" in view.status_label.text()


def test_min_amount(view, qtbot):
    qtbot.keyClicks(view.min_edit, "1M")
    qtbot.waitUntil(lambda: visible_rows(view) == 3)
    assert sorted(column_values(view, "amount")) == ["$1,500,000", "$1,501,000", "$3,000,000"]
    view.max_edit.setText("1,500,500")
    qtbot.waitUntil(lambda: visible_rows(view) == 1)
    assert column_values(view, "amount") == ["$1,500,000"]


def test_amount_with_cents_and_k(view, qtbot):
    qtbot.keyClicks(view.min_edit, "75k")
    qtbot.keyClicks(view.max_edit, "76.1K")
    qtbot.waitUntil(lambda: visible_rows(view) == 2)
    assert column_values(view, "amount") == ["$75,000.50", "$76,000.50"]


def test_invalid_amount_is_marked_not_raised(view, qtbot):
    qtbot.keyClicks(view.min_edit, "lots")
    qtbot.waitUntil(lambda: view.min_edit.property("invalid") is True)
    assert "Not an amount" in view.min_edit.toolTip()
    assert view.min_edit.styleSheet()  # the red border
    assert visible_rows(view) == 11  # the bad bound is ignored
    assert "Min $ is not an amount" in view.status_label.text()
    view.min_edit.clear()
    qtbot.waitUntil(lambda: view.min_edit.property("invalid") is False)
    assert view.min_edit.styleSheet() == ""
    assert "Not an amount" not in view.min_edit.toolTip()


def test_min_above_max_is_flagged(view, qtbot):
    view.min_edit.setText("2M")
    view.max_edit.setText("1M")
    qtbot.waitUntil(lambda: view.max_edit.property("invalid") is True)
    assert visible_rows(view) == 0
    assert "below" in view.max_edit.toolTip()


def test_column_chooser_hides_and_shows_columns(view, qtbot):
    menu = view.column_menu
    section = COLUMNS.index("fund_code")
    assert not view.table.isColumnHidden(section)
    assert view.table.isColumnHidden(COLUMNS.index("line_key"))  # hidden by default
    assert view.table.isColumnHidden(COLUMNS.index("division"))  # every line leaves it empty
    action = view.column_action("fund_code")
    clicked = []

    def click_in_open_menu():
        qtbot.waitUntil(menu.isVisible)
        rect = menu.actionGeometry(action)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())
        clicked.append(menu.isVisible())  # the menu stays open to tick more columns
        menu.close()

    QTimer.singleShot(0, click_in_open_menu)
    qtbot.mouseClick(view.column_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(clicked))
    assert clicked == [True]
    assert not action.isChecked()
    assert view.table.isColumnHidden(section)

    action.trigger()
    assert not view.table.isColumnHidden(section)


def test_last_visible_column_cannot_be_hidden(view):
    for column in COLUMNS:
        if column != "amount" and view.column_action(column).isChecked():
            view.column_action(column).trigger()
    assert not view.column_action("amount").isEnabled()
    assert not view.table.isColumnHidden(COLUMNS.index("amount"))


def test_clicking_a_header_sorts(view, qtbot):
    header = view.table.horizontalHeader()
    section = COLUMNS.index("amount")
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    point = QPoint(x, header.height() // 2)
    # amounts sort largest first on the first click: "where does the money go?"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert column_values(view, "amount")[0] == "$3,000,000"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert column_values(view, "amount")[0] == "$40,000"
    # a third click returns to the file's order
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.model.rows.tolist() == list(range(11))


def test_sort_then_search_keeps_the_sort(view, qtbot):
    view.table.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(view.search_edit, "overtime")
    qtbot.waitUntil(lambda: visible_rows(view) == 4)
    assert column_values(view, "amount") == ["$1,501,000", "$1,500,000", "$901,000", "$900,000"]


def test_current_line_survives_filtering(view, qtbot):
    view.table.selectRow(2)  # Fire overtime 2025
    qtbot.keyClicks(view.search_edit, "overtime")
    qtbot.waitUntil(lambda: visible_rows(view) == 4)
    current = view.table.currentIndex()
    assert current.isValid()
    assert view.model.source_row(current.row()) == 2


def test_import_report_panel(view, qtbot, report):
    assert not view.report_text.isVisible()
    assert "1 to check" in view.report_button.text()
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert view.report_text.isVisible()
    assert view.report_text.isReadOnly()
    assert view.report_text.toPlainText().splitlines() == report.summary_lines()
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert not view.report_text.isVisible()


def test_empty_state(qtbot):
    v = DataView()
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    assert v.table.model().rowCount() == 0
    assert not v.table.isVisible()
    hints = [w for w in v.findChildren(QLabel) if w.isVisible() and "drop one here" in w.text()]
    assert len(hints) == 1
    assert hints[0].text().startswith("Open a budget file (Ctrl+O)")
    assert not v.search_edit.isEnabled()
    assert not v.report_button.isVisible()
    assert v.status_label.text() == ""

    v.set_budget(Budget(lines=lines()))
    assert v.table.isVisible() and not hints[0].isVisible()
    assert v.search_edit.isEnabled()
    v.set_budget(None)
    assert v.table.model().rowCount() == 0 and hints[0].isVisible()


def test_accessible_names_buddies_and_tab_order(view):
    for w in (view.search_edit, view.min_edit, view.max_edit, view.column_button, view.table):
        assert w.accessibleName(), w
    buddies = {label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    assert {view.search_edit, view.min_edit, view.max_edit} <= buddies
    labels = [label.text() for label in view.findChildren(QLabel) if label.buddy()]
    assert all("&" in t for t in labels)
    order = [view.search_edit]
    while len(order) < 5:
        order.append(order[-1].nextInFocusChain())
        while not order[-1].focusPolicy() & Qt.FocusPolicy.TabFocus:
            order[-1] = order[-1].nextInFocusChain()
    assert order == [
        view.search_edit,
        view.min_edit,
        view.max_edit,
        view.column_button,
        view.table,
    ]


def test_fixed_row_heights_follow_the_font(view, qtbot):
    header = view.table.verticalHeader()
    assert header.sectionResizeMode(0) == header.ResizeMode.Fixed
    before = header.defaultSectionSize()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    assert header.defaultSectionSize() > before * 1.3


# --- a million lines ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def million() -> tuple[pd.DataFrame, TableIndex]:
    frame = synthetic_lines(1_000_000, seed=1)
    return frame, TableIndex(frame)


def best_of_3(make_query, index: TableIndex) -> float:
    times = []
    for i in range(3):
        index.apply(make_query(i + 100))  # something else first: no cached answer
        start = time.perf_counter()
        index.apply(make_query(i))
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.slow
def test_search_and_sort_a_million_lines_fast(million):
    _, index = million
    searches = ["police", "general fund 2026 adopted", "e", '"capital improvement" streets']
    for words in searches:
        took = best_of_3(lambda i, w=words: Query(search=w if i < 100 else f"x{i}"), index)
        assert took < 0.150, f"search {words!r} took {took * 1000:.0f} ms"
    took = best_of_3(lambda i: Query(min_amount=1000.0, max_amount=50_000.0 + i), index)
    assert took < 0.150, f"amount range took {took * 1000:.0f} ms"
    for column in ("amount", "department", "line_key", "fiscal_year"):
        took = best_of_3(lambda i, c=column: Query(sort_column=c, ascending=i < 100), index)
        assert took < 0.500, f"sort by {column} took {took * 1000:.0f} ms"
    # filtering a sorted table reuses the sort
    index.apply(Query(sort_column="amount"))
    took = best_of_3(
        lambda i: Query(search="police" if i < 100 else "fire", sort_column="amount"), index
    )
    assert took < 0.150


@pytest.mark.slow
def test_showing_a_million_lines_reads_only_visible_cells(million, qtbot, monkeypatch):
    frame, index = million
    cells: set[tuple[int, int]] = set()
    original = FrameModel.data

    def counting(self, idx, role=Qt.ItemDataRole.DisplayRole):
        cells.add((idx.row(), idx.column()))
        return original(self, idx, role)

    monkeypatch.setattr(FrameModel, "data", counting)
    v = DataView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    start = time.perf_counter()
    v.set_budget(Budget(lines=frame), index=index)
    v.show()
    qtbot.waitExposed(v)
    qtbot.wait(50)
    shown = time.perf_counter() - start
    assert v.table.model().rowCount() == 1_000_000
    assert 0 < len(cells) < 1_000, len(cells)
    assert max(r for r, _ in cells) < 100
    assert shown < 1.0

    cells.clear()
    v.table.scrollToBottom()
    qtbot.wait(50)
    assert 0 < len(cells) < 1_000
    assert min(r for r, _ in cells) > 999_000

    cells.clear()
    v.search_edit.setText("police overtime")
    qtbot.waitUntil(lambda: v.table.model().rowCount() < 1_000_000)
    assert len(cells) < 1_000
    assert "Showing" in v.status_label.text()


# --- show only one group's lines (from the Explore view) ----------------------------------------


def test_show_only_scopes_the_table_and_shows_a_removable_chip(view, qtbot):
    assert not view.scope_label.isVisibleTo(view)
    view.show_only(
        {"fiscal_year": 2026, "phase": "adopted", "department": "Police"}, "FY2026 · Police"
    )
    assert visible_rows(view) == 2
    assert set(column_values(view, "department")) == {"Police"}
    assert set(column_values(view, "fiscal_year")) == {"2026"}
    assert view.scope_label.isVisibleTo(view)
    assert view.scope_label.text() == "Showing: FY2026 · Police"
    assert view.scope_clear_button.accessibleName() == "Show all lines"
    assert "Showing 2 of 11 lines" in view.status_label.text()
    assert "Total shown: $1,752,000" in view.status_label.text()

    # the search still narrows within the scope
    qtbot.keyClicks(view.search_edit, "overtime")
    qtbot.waitUntil(lambda: visible_rows(view) == 1)

    qtbot.mouseClick(view.scope_clear_button, Qt.MouseButton.LeftButton)
    assert not view.scope_label.isVisibleTo(view)
    assert view.scope == ()
    assert visible_rows(view) == 4  # the search for "overtime" remains
    view.search_edit.clear()
    view.apply_now()
    assert visible_rows(view) == 11


def test_show_only_accepts_any_of_several_values_and_describes_itself(view):
    view.show_only({"department": ("Fire", "Library"), "fiscal_year": 2025})
    assert visible_rows(view) == 2
    assert view.scope_label.text() == "Showing: Fire or Library · 2025"
    view.clear_scope()
    assert visible_rows(view) == 11


def test_show_only_that_matches_nothing_says_so(view):
    view.show_only({"department": "Nobody"}, "Nobody")
    assert visible_rows(view) == 0
    assert "No line matches" in view.status_label.text()


def test_a_new_budget_clears_the_scope(view, report):
    view.show_only({"department": "Police"}, "Police")
    view.set_budget(Budget(lines=lines()), report)
    assert view.scope == ()
    assert not view.scope_label.isVisibleTo(view)
    assert visible_rows(view) == 11


def test_scope_survives_sorting(view, qtbot):
    view.show_only({"department": "Police"}, "Police")
    header = view.table.horizontalHeader()
    section = COLUMNS.index("amount")
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(section) + 5, header.height() // 2),
    )
    assert visible_rows(view) == 4
    assert set(column_values(view, "department")) == {"Police"}
