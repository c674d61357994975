"""FrameModel: a Qt table model over a TableIndex."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from budgetbench.core import schema
from budgetbench.core.query import Query, TableIndex
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.ui.models.frame_model import (
    COLUMNS,
    QT_MAX_COORDINATE,
    FrameModel,
    column_letter,
    format_money,
    spoken_money,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
USER = Qt.ItemDataRole.UserRole


def col(name: str) -> int:
    return COLUMNS.index(name)


@pytest.fixture
def small() -> pd.DataFrame:
    rows = [
        {
            "fiscal_year": 2026,
            "phase": "adopted",
            "direction": "expense",
            "is_transfer": False,
            "fund_code": "0100",
            "fund_name": "General Fund",
            "fund_type": "general",
            "department": "Police",
            "account_name": "Overtime",
            "amount": 1_234_567.0,
            "src_row": 12,
            "src_col": 5,
        },
        {
            "fiscal_year": 2025,
            "phase": "actual",
            "direction": "expense",
            "is_transfer": True,
            "fund_code": "0210",
            "fund_name": "Gas Tax Fund",
            "fund_type": "special_revenue",
            "department": "Public Works",
            "account_name": "Transfer Out to General Fund",
            "amount": -12.5,
            "src_row": 13,
            "src_col": 28,
        },
        {
            "fiscal_year": 2026,
            "phase": "adopted",
            "direction": "revenue",
            "is_transfer": False,
            "fund_code": "0100",
            "fund_name": "General Fund",
            "fund_type": "general",
            "department": "Finance",
            "account_name": "Property Tax - Secured and Unsecured Combined",
            "amount": 50_000.0,
            "src_row": 0,  # unknown
            "src_col": 0,
        },
    ]
    return schema.coerce(pd.DataFrame(rows))


def text(model: FrameModel, row: int, column: str, role=DISPLAY):
    return model.data(model.index(row, col(column)), role)


def test_model_passes_qt_model_tester(qtmodeltester, small):
    model = FrameModel(TableIndex(small))
    qtmodeltester.check(model)
    model.sort(col("amount"), Qt.SortOrder.DescendingOrder)
    model.set_query(Query(search="general"))
    qtmodeltester.check(model)


def test_model_tester_on_empty_table_and_no_table(qtmodeltester):
    qtmodeltester.check(FrameModel(TableIndex(schema.empty_frame())))
    model = FrameModel()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_model_tester_on_generated_lines(qtmodeltester):
    qtmodeltester.check(FrameModel(TableIndex(synthetic_lines(300))))


def test_display_formats(small):
    model = FrameModel(TableIndex(small))
    assert model.rowCount() == 3
    assert model.columnCount() == len(schema.COLUMNS)
    assert text(model, 0, "amount") == "$1,234,567"
    assert text(model, 1, "amount") == "-$12.50"
    assert text(model, 0, "fiscal_year") == "2026"
    assert text(model, 0, "is_transfer") == ""
    assert text(model, 1, "is_transfer") == "yes"
    assert text(model, 1, "fund_type") == "special revenue"
    assert text(model, 0, "fund_code") == "0100"
    assert text(model, 0, "src_col") == "E"
    assert text(model, 1, "src_col") == "AB"
    assert text(model, 2, "src_row") == ""  # unknown source cell
    assert text(model, 0, "division") == ""


def test_raw_values_alignment_and_accessible_text(small):
    model = FrameModel(TableIndex(small))
    assert text(model, 1, "amount", USER) == -12.5
    assert text(model, 1, "fund_type", USER) == "special_revenue"
    assert text(model, 1, "is_transfer", USER) is True
    assert text(model, 0, "fiscal_year", USER) == 2026
    right = text(model, 0, "amount", Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    left = text(model, 0, "department", Qt.ItemDataRole.TextAlignmentRole)
    assert not left & Qt.AlignmentFlag.AlignRight
    assert text(model, 0, "amount", Qt.ItemDataRole.AccessibleTextRole) == "1234567 dollars"
    assert text(model, 1, "amount", Qt.ItemDataRole.AccessibleTextRole) == "-12.50 dollars"
    assert text(model, 0, "is_transfer", Qt.ItemDataRole.AccessibleTextRole) == "no"
    assert text(model, 0, "division", Qt.ItemDataRole.AccessibleTextRole) == "blank"
    long_name = "Property Tax - Secured and Unsecured Combined"
    assert text(model, 2, "account_name", Qt.ItemDataRole.ToolTipRole) == long_name
    assert text(model, 0, "account_name", Qt.ItemDataRole.ToolTipRole) is None
    assert text(model, 0, "amount", Qt.ItemDataRole.DecorationRole) is None  # unknown role


def test_headers(small):
    model = FrameModel(TableIndex(small))
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(i, horizontal) for i in range(len(COLUMNS))] == [
        schema.LABELS[c] for c in COLUMNS
    ]
    tip = model.headerData(col("fiscal_year"), horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "ends" in tip and "2026" in tip
    assert model.headerData(99, horizontal) is None
    model.sort(col("amount"), Qt.SortOrder.AscendingOrder)
    # the vertical header numbers each line by its place in the whole table (1-based)
    assert [model.headerData(i, Qt.Orientation.Vertical) for i in range(3)] == ["2", "3", "1"]


def test_sort_by_model_sort(small):
    model = FrameModel(TableIndex(small))
    model.sort(col("amount"), Qt.SortOrder.DescendingOrder)
    assert [text(model, r, "amount") for r in range(3)] == ["$1,234,567", "$50,000", "-$12.50"]
    model.sort(col("department"), Qt.SortOrder.AscendingOrder)
    assert [text(model, r, "department") for r in range(3)] == ["Finance", "Police", "Public Works"]
    model.sort(-1, Qt.SortOrder.AscendingOrder)  # back to the table's order
    assert model.rows.tolist() == [0, 1, 2]


def test_sort_keeps_persistent_indexes_on_their_line(small, qtbot):
    model = FrameModel(TableIndex(small))
    tracked = QPersistentModelIndex(model.index(0, col("department")))  # Police
    with qtbot.waitSignals([model.layoutAboutToBeChanged, model.layoutChanged]):
        model.sort(col("amount"), Qt.SortOrder.AscendingOrder)
    assert tracked.row() == 2
    assert model.data(model.index(tracked.row(), tracked.column())) == "Police"


def test_set_query_filters_then_keeps_sort(small, qtbot):
    model = FrameModel(TableIndex(small))
    model.sort(col("amount"), Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(model.modelReset):
        model.set_query(Query(search="fund", sort_column="amount"))
    assert [text(model, r, "amount") for r in range(model.rowCount())] == [
        "-$12.50",
        "$50,000",
        "$1,234,567",
    ]
    model.set_query(Query(search="0100", sort_column="amount"))
    assert [text(model, r, "department") for r in range(model.rowCount())] == [
        "Finance",
        "Police",
    ]
    assert model.view_row(0) == 1
    assert model.view_row(1) is None
    assert model.source_row(0) == 2


def test_row_count_is_capped_for_qt_coordinates(small):
    model = FrameModel(TableIndex(small))
    model.set_row_height(QT_MAX_COORDINATE // 2)
    assert model.rowCount() == 2
    assert model.is_capped
    model.set_row_height(30)
    assert model.rowCount() == 3


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1_234_567.0, "$1,234,567"),
        (-12.5, "-$12.50"),
        (0.0, "$0"),
        (-0.0, "$0"),
        (0.004, "$0"),
        (1_039_006_929.0, "$1,039,006,929"),
        (999.999, "$1,000"),
        (float("nan"), ""),
    ],
)
def test_format_money(value, shown):
    assert format_money(value) == shown


def test_spoken_money_and_column_letters():
    assert spoken_money(1_234_567.0) == "1234567 dollars"
    assert spoken_money(-12.5) == "-12.50 dollars"
    assert [column_letter(n) for n in (0, 1, 26, 27, 52, 703)] == ["", "A", "Z", "AA", "AZ", "AAA"]
