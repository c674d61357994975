"""Reading published layouts, one difficulty at a time, on small files written here."""

from __future__ import annotations

import openpyxl
import pytest

from budgetbench.io.loader import load_budget


def csv(tmp_path, text: str, name: str = "budget.csv"):
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return load_budget(path, use_cache=False)


def amounts(budget, **where):
    df = budget.lines
    for col, value in where.items():
        df = df[df[col].astype(str) == str(value)]
    return sorted(df["amount"].tolist())


def test_two_row_header_years_over_phases(tmp_path):
    b = csv(
        tmp_path,
        """
Account,2024,2025,2025
,ACTUAL,ORIG BUD,REVISED BUD
Salaries,100,110,120
Supplies,10,11,12
""",
    )
    got = set(zip(b.lines.fiscal_year, b.lines.phase.astype(str), strict=True))
    assert got == {(2024, "actual"), (2025, "adopted"), (2025, "amended")}


def test_headings_name_department_and_division(tmp_path):
    b = csv(
        tmp_path,
        """
Code,Description,FY2026 Adopted
POLICE DEPARTMENT,,
Patrol Division,,
5100,Salaries,100
5200,Supplies,10
Investigations,,
5100,Salaries,50
""",
    )
    assert list(b.lines.department) == ["Police Department"] * 3
    assert list(b.lines.division) == ["Patrol Division", "Patrol Division", "Investigations"]


def test_object_group_headings_become_the_category(tmp_path):
    b = csv(
        tmp_path,
        """
Code,Description,FY2026 Adopted
Personnel Services,,
5100,Salaries,100
Non-Personnel,,
6100,Supplies,10
""",
    )
    assert list(b.lines.category) == ["Personnel Services", "Non-Personnel"]


def test_totals_by_label_and_arithmetic_are_excluded_and_reconciled(tmp_path):
    b = csv(
        tmp_path,
        """
Department,Account,FY2026 Adopted
Parks,Salaries,100
Parks,Supplies,20
Parks,Parks Total,120
Library,Grand Total of Overdue Fines,7
Library,Books,30
,GRAND TOTAL,157
""",
    )
    # "Parks Total" adds up the lines above it; "Grand Total of Overdue Fines" is a line.
    assert sorted(b.lines.account_name) == [
        "Books",
        "Grand Total of Overdue Fines",
        "Salaries",
        "Supplies",
    ]
    assert b.lines.amount.sum() == 157
    assert all(r.ok for r in b.report.reconciliations)
    assert len(b.report.reconciliations) == 2


def test_a_wrong_total_is_reported_not_fixed(tmp_path):
    b = csv(
        tmp_path,
        """
Department,Account,FY2026 Adopted
Parks,Salaries,100
Parks,Supplies,20
Parks,Parks Total,121
""",
    )
    assert b.lines.amount.sum() == 120
    (bad,) = [r for r in b.report.reconciliations if not r.ok]
    assert (bad.file_total, bad.computed_total) == (121, 120)
    assert any("differs from the sum of its lines by $1.00" in w for w in b.report.warnings)


def test_units_parentheses_dashes_and_text_numbers(tmp_path):
    b = csv(
        tmp_path,
        """
City of Example
(amounts in thousands)
Department,Account,FY2026 Proposed
Police,Salaries,"1,200"
Police,Recoveries,(15)
Police,Overtime¹,—
""",
    )
    assert b.report.unit_scale == 1000
    assert amounts(b) == [-15_000, 0, 1_200_000]
    assert "Overtime" in set(b.lines.account_name)  # footnote mark removed


def test_revenue_signed_negative_is_flipped(tmp_path):
    b = csv(
        tmp_path,
        """
Type,Account,FY2026 Adopted
Revenue,Property Tax,-500
Revenue,Sales Tax,-300
Expense,Salaries,800
""",
    )
    assert b.report.revenue_sign_flipped
    assert amounts(b, direction="revenue") == [300, 500]


def test_revenue_by_fund_table(tmp_path):
    path = tmp_path / "revenues.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Revenues"
    ws.append(["FY 2025-26 Proposed Revenues by Fund"])
    ws.append([])
    ws.append(["Acct", "Revenue Source", "General Fund (010)", "Gas Tax Fund (021)", "Total"])
    ws.append(["4010", "Property Tax", 300, None, 300])
    ws.append(["4310", "Highway Users Tax", None, 20, 20])
    wb.save(path)
    b = load_budget(path, use_cache=False)
    got = set(zip(b.lines.fund_code, b.lines.fund_name, b.lines.amount, strict=True))
    assert got == {("010", "General Fund", 300), ("021", "Gas Tax Fund", 20)}
    assert set(b.lines.direction.astype(str)) == {"revenue"}
    assert set(b.lines.fiscal_year) == {2026}
    assert set(b.lines.phase.astype(str)) == {"proposed"}
    assert set(b.lines.fund_type.astype(str)) == {"general", "special_revenue"}


def test_merged_or_blank_hierarchy_cells_fill_down(tmp_path):
    b = csv(
        tmp_path,
        """
Fund,Department,Account,FY2026 Adopted
General Fund,Police,Salaries,100
,,Supplies,10
,Fire,Salaries,50
""",
    )
    assert list(b.lines.department) == ["Police", "Police", "Fire"]
    assert set(b.lines.fund_name) == {"General Fund"}


def test_label_case_noise_is_evened_out(tmp_path):
    b = csv(
        tmp_path,
        """
Department,Account,FY2026 Adopted
Parks & Recreation,Salaries,1
Parks & Recreation,Supplies,2
Parks & recreation,Utilities,3
""",
    )
    assert set(b.lines.department) == {"Parks & Recreation"}


def test_duplicate_labels_in_one_year_get_an_ordinal_line_key(tmp_path):
    b = csv(
        tmp_path,
        """
Department,Account,FY2026 Adopted,FY2025 Actual
Police,Overtime,10,9
Police,Overtime,20,19
""",
    )
    keys = b.lines.sort_values(["fiscal_year", "src_row"]).line_key.tolist()
    assert keys[0] + "-2" == keys[1]  # FY2025: second line of the same labels
    assert keys[2] == keys[0] and keys[3] == keys[1]  # stable across years
    assert b.lines.line_key.nunique() == 2


@pytest.mark.parametrize("sign", ["R/E", "Revenues/Expenses"])
def test_direction_codes_drift(tmp_path, sign):
    rev, exp = sign.split("/")
    b = csv(
        tmp_path,
        f"""
Fiscal_Year,Department,Amount,ExpenseRevenue
2024,Parks,5,{rev}
2024,Parks,7,{exp}
""",
    )
    assert dict(zip(b.lines.direction.astype(str), b.lines.amount, strict=True)) == {
        "revenue": 5,
        "expense": 7,
    }
