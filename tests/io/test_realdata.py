"""The real published budgets load, and their check figures (SOURCES.md) come out to the dollar."""

from __future__ import annotations

import pytest

from budgetbench.io.loader import load_budget


def total(budget, **where) -> float:
    df = budget.lines
    mask = None
    for col, value in where.items():
        m = df[col].astype(str) == str(value)
        mask = m if mask is None else mask & m
    return round(float(df.loc[mask, "amount"].sum()) if mask is not None else df.amount.sum(), 2)


@pytest.mark.parametrize(
    "relative",
    [
        "oakland/mayor-proposed-13-15.xlsx",
        "oakland/FY19-20__adopted.csv",
        "oakland/oakland-budget_frompdf.csv",
        "sacramento/City_of_Sacramento_Approved_Budgets.csv",
        "asheville/16-budget_data.csv",
        "buncombe/Budget_Spreadsheets_2016-2014.xlsx",
        "dc/budget.csv",
        "arlington/expenses.csv",
        "arlington/revenues.csv",
    ],
)
def test_every_real_file_opens(realdata, relative):
    budget = load_budget(realdata(relative))
    report = budget.report
    assert len(budget) > 0
    assert report.lines == len(budget)
    assert budget.source_sha256 and len(budget.source_sha256) == 64


def test_oakland_fy13_15_line_items(realdata):
    budget = load_budget(realdata("oakland/mayor-proposed-13-15.xlsx"))
    report = budget.report
    assert report.rows_read == 17_579
    assert len(budget) == 17_579  # a line whose description ends in "Total" is still a line
    assert set(budget.lines["phase"].astype(str)) == {"proposed"}  # from the file name
    assert total(budget, fiscal_year=2014, direction="expense") == 1_039_006_929
    assert total(budget, fiscal_year=2015, direction="expense") == 1_060_583_969
    assert total(budget, fiscal_year=2014, direction="revenue") == 1_052_690_555
    assert total(budget, fiscal_year=2015, direction="revenue") == 1_071_696_861
    for year, amount in ((2014, 430_155_612), (2015, 457_401_684)):
        for direction in ("expense", "revenue"):
            assert total(budget, fiscal_year=year, fund_code="1010", direction=direction) == amount
    gpf_2014 = budget.lines.query("fiscal_year == 2014 and fund_code == '1010'")
    police = gpf_2014[gpf_2014.direction == "expense"].groupby("department")["amount"].sum()
    assert police.idxmax() == "Police Department"
    assert round(police.max()) == 178_790_549
    # "1010 - General Fund: General Purpose" is split; the General Fund is known by its name.
    names = set(gpf_2014["fund_name"])
    assert names == {"General Fund: General Purpose"}
    assert set(gpf_2014["fund_type"].astype(str)) == {"general"}


def test_oakland_fy19_20_flow(realdata):
    budget = load_budget(realdata("oakland/FY19-20__adopted.csv"))
    assert len(budget) == 19_456
    assert total(budget, direction="expense") == 1_656_222_651
    assert total(budget, direction="revenue") == 1_656_222_651
    assert total(budget, fund_code="1010", direction="expense") == 655_127_232
    assert total(budget, department="Police Department", direction="expense") == 318_707_837
    assert total(budget, department="Non", direction="expense") == 373_281_863


def test_sacramento_code_drift(realdata):
    budget = load_budget(realdata("sacramento/City_of_Sacramento_Approved_Budgets.csv"))
    assert len(budget) == 7_252  # "Fund Total" rows are lines with a drifted label, kept
    expected = {
        2013: (1_342_149_366, 774_522_141),
        2020: (1_087_942_740, 1_158_640_416),
        2024: (1_361_914_429, 1_434_032_338),
        2025: (1_463_120_733, 1_515_522_014),  # 'Expenses'/'Revenues' instead of E/R
    }
    for year, (expense, revenue) in expected.items():
        assert total(budget, fiscal_year=year, direction="expense") == expense
        assert total(budget, fiscal_year=year, direction="revenue") == revenue
    assert set(budget.lines["phase"].astype(str)) == {"adopted"}  # "Approved" in the name


def test_buncombe_wide_year_direction_columns(realdata):
    budget = load_budget(realdata("buncombe/Budget_Spreadsheets_2016-2014.xlsx"))
    report = budget.report
    assert report.sheets == ["2014-2016 All"]
    assert total(budget, fiscal_year=2014, direction="expense") == 364_235_827
    assert total(budget, fiscal_year=2015, direction="expense") == 399_380_126
    assert total(budget, fiscal_year=2016, direction="expense") == 388_276_594
    assert total(budget, fiscal_year=2016, direction="revenue") == 388_502_301


def test_dc_years_as_columns_with_dollar_zero(realdata):
    budget = load_budget(realdata("dc/budget.csv"))
    report = budget.report
    assert total(budget, fiscal_year=2011) == 9_329_197_449.54
    assert total(budget, fiscal_year=2015) == 11_517_879_740.86
    assert round(total(budget, fiscal_year=2015, fund_name="General Fund")) == 7_690_461_957
    assert not any("not numbers" in w for w in report.warnings)  # "$0" is zero, not junk


def test_asheville_grand_total_reconciles(realdata):
    report = load_budget(realdata("asheville/16-budget_data.csv")).report
    checks = {(r.label, round(r.file_total, 2)) for r in report.reconciliations}
    assert ("grand total, 2014", 9_431_414.47) in checks
    assert all(r.ok for r in report.reconciliations)
    assert report.skipped["total or subtotal"] == 143  # 142 TOTAL rows and the GRAND TOTAL


def test_arlington_reports_the_malformed_number(realdata):
    report = load_budget(realdata("arlington/expenses.csv")).report  # CR-only line endings
    assert any("793.138.22" in w and "I106" in w for w in report.warnings)
