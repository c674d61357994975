"""How published spreadsheets are read: years, phases, directions, money, headers, roles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from budgetbench.io import detect


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("FY13-14", 2014),
        ("FY2025-26", 2026),
        ("FY2025-26 Proposed", 2026),
        ("2023-24", 2024),
        ("2013", 2013),
        ("FY14 Expense", 2014),
        ("Budget 2016", 2016),
        ("FY 1999-00", 2000),
        ("FY2017-18 ", 2018),
        ("14", None),  # a bare two-digit number is not a year
        ("Amount", None),
        ("2019-2021", None),  # a two-year span is not one fiscal year
        ("", None),
    ],
)
def test_fiscal_year(text, year):
    assert detect.parse_fiscal_year(text) == year


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        ("FY2024-25 Adopted", "adopted"),
        ("Approved", "adopted"),
        ("ORIG BUD", "adopted"),
        ("Modified", "amended"),
        ("REVISED BUD", "amended"),
        ("mayor-proposed-13-15", "proposed"),
        ("FY2025-26 Recommended", "recommended"),
        ("2014 ACTUAL", "actual"),
        ("Projection", "estimate"),
        ("Amount", None),
    ],
)
def test_phase(text, phase):
    got = detect.parse_phase(text)
    assert (got.value if got else None) == phase


@pytest.mark.parametrize(
    ("text", "direction", "transfer"),
    [
        ("Expense", "expense", False),
        ("E", "expense", False),
        ("Expenses", "expense", False),
        ("Expenditure", "expense", False),
        ("R", "revenue", False),
        ("Revenues", "revenue", False),
        ("Transfer In", "revenue", True),
        ("Transfer Out", "expense", True),
        ("Use of Fund Balance", "revenue", False),
        ("Something else", None, False),
        (None, None, False),
    ],
)
def test_direction(text, direction, transfer):
    assert detect.parse_direction(text) == (direction, transfer)


def test_money_parsing():
    cells = pd.Series(
        [
            "$1,234.50",
            "(1,234)",
            "1,234-",
            "-",
            "—",
            "",
            None,
            "n/a",
            "12e3",
            " 7\u00a0",
            "abc",
            "$0",
            "793.138.22",
        ],
        dtype=object,
    )
    amounts, bad = detect.parse_amounts(cells)
    expected = [1234.5, -1234, -1234, 0, 0, np.nan, np.nan, np.nan, 12000, 7, np.nan, 0, np.nan]
    np.testing.assert_array_equal(amounts, np.array(expected, dtype=float))
    assert bad.tolist() == [False] * 10 + [True, False, True]


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1,234", True),
        ("(12.5)", True),
        ("$0", True),
        ("-3", True),
        ("-", False),
        ("IP01", False),
        ("2014", True),
        ("1.2.3", False),
        ("", False),
    ],
)
def test_is_number(value, number):
    assert detect.is_number(value) is number


def test_header_row_below_title_rows():
    cells = pd.DataFrame(
        [
            ["CITY OF EXAMPLE", None, None],
            ["Budget detail (dollars)", None, None],
            [None, None, None],
            ["Department", "Fund", "FY2025-26 Adopted"],
            ["Police", "General Fund", "1,000"],
            ["Fire", "General Fund", "2,000"],
        ],
        dtype=object,
    )
    assert detect.find_header_row(cells) == 3


def test_roles_long_table():
    headers = [
        "Budget Year Name",
        "Department",
        "Fund Code",
        "Fund Description",
        "Account Type",
        "Account  Description",
        "Account Category",
        "Amount",
    ]
    body = pd.DataFrame(
        [
            [
                "FY13-14",
                "Mayor",
                "1010",
                "1010 - General Fund",
                "Expense",
                "55113 - Meals",
                "Other",
                "561",
            ]
        ]
        * 3
    )
    body.columns = range(len(headers))
    roles, amounts, unused = detect.guess_roles(headers, body)
    assert roles == {
        "fiscal_year": 0,
        "department": 1,
        "fund_code": 2,
        "fund_name": 3,
        "direction": 4,
        "account_name": 5,
        "category": 6,
    }
    assert [a.index for a in amounts] == [7]
    assert unused == []


def test_roles_wide_table_with_year_columns():
    headers = [
        "Fund",
        "Department",
        "FY14 Expense",
        "FY14 Revenue",
        "FY2025-26 Proposed",
        "Change %",
    ]
    body = pd.DataFrame([["General Fund", "Parks", "10", "20", "30", "5%"]] * 3)
    body.columns = range(len(headers))
    roles, amounts, unused = detect.guess_roles(headers, body)
    assert roles == {"fund_name": 0, "department": 1}
    meanings = [detect.amount_meaning(a.label) for a in amounts]
    assert [(y, d, p and p.value) for y, p, d in meanings] == [
        (2014, "expense", None),
        (2014, "revenue", None),
        (2026, None, "proposed"),
    ]
    assert unused == [5]
