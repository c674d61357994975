"""The nine real published budgets load, and every check figure in ../shared/realdata/SOURCES.md
comes out of ``budgetbench summary FILE --json`` to the dollar (one test per figure)."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from budgetbench.io.loader import load_budget
from budgetbench.io.normalize import apply_mapping, detect_mapping
from budgetbench.io.readers import read_sheets
from budgetbench.io.report import ImportReport

#: Set by the autouse fixture below from the ``realdata`` fixture (tests/conftest.py).
REALDATA = Path()

BY = "fiscal_year,phase,direction,fund_code,fund_name,department,division,category,account_name"


@cache
def summary(relative: str) -> dict:
    """What staff get from the command line: ``budgetbench summary FILE --json``."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "budgetbench",
            "summary",
            str(REALDATA / relative),
            "--json",
            "--by",
            BY,
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def total(relative: str, **where) -> float:
    rows = summary(relative)["totals"]
    picked = [r for r in rows if all(str(r[k]) == str(v) for k, v in where.items())]
    return round(sum(r["amount"] for r in picked), 2)


@pytest.fixture(autouse=True)
def _need_realdata(realdata):
    """Every test here reads ../shared/realdata (skipped where it is absent)."""
    global REALDATA
    REALDATA = realdata("")


OAK13 = "oakland/mayor-proposed-13-15.xlsx"
OAK19 = "oakland/FY19-20__adopted.csv"
OAKPDF = "oakland/oakland-budget_frompdf.csv"
SAC = "sacramento/City_of_Sacramento_Approved_Budgets.csv"
AVL = "asheville/16-budget_data.csv"
BUN = "buncombe/Budget_Spreadsheets_2016-2014.xlsx"
DC = "dc/budget.csv"
ARL_E = "arlington/expenses.csv"
ARL_R = "arlington/revenues.csv"


@pytest.mark.parametrize("relative", [OAK13, OAK19, OAKPDF, SAC, AVL, BUN, DC, ARL_E, ARL_R])
def test_every_real_file_opens(relative):
    budget = load_budget(REALDATA / relative, use_cache=False)
    assert len(budget) > 0
    assert budget.report.lines == len(budget)
    assert len(budget.source_sha256) == 64


# ---- 1. Oakland FY13-15 proposed, line items -------------------------------------------------
def test_oakland13_line_count():
    assert summary(OAK13)["report"]["rows_read"] == 17_579
    assert summary(OAK13)["lines"] == 17_579  # a line whose text ends in "Total" is a line


@pytest.mark.parametrize(("year", "amount"), [(2014, 1_039_006_929), (2015, 1_060_583_969)])
def test_oakland13_expense(year, amount):
    assert total(OAK13, fiscal_year=year, direction="expense", phase="proposed") == amount


@pytest.mark.parametrize(("year", "amount"), [(2014, 1_052_690_555), (2015, 1_071_696_861)])
def test_oakland13_revenue(year, amount):
    assert total(OAK13, fiscal_year=year, direction="revenue") == amount


@pytest.mark.parametrize(("year", "amount"), [(2014, 430_155_612), (2015, 457_401_684)])
@pytest.mark.parametrize("direction", ["expense", "revenue"])
def test_oakland13_general_purpose_fund_balances(year, amount, direction):
    assert total(OAK13, fiscal_year=year, fund_code="1010", direction=direction) == amount


def test_oakland13_largest_general_purpose_department():
    rows = [
        r
        for r in summary(OAK13)["totals"]
        if r["fiscal_year"] == 2014 and r["fund_code"] == "1010" and r["direction"] == "expense"
    ]
    by_dept: dict[str, float] = {}
    for r in rows:
        by_dept[r["department"]] = by_dept.get(r["department"], 0) + r["amount"]
    top = max(by_dept, key=by_dept.get)
    assert (top, round(by_dept[top])) == ("Police Department", 178_790_549)


# ---- 2. Oakland FY19-20 adopted, flow file ---------------------------------------------------
@pytest.mark.parametrize("direction", ["expense", "revenue"])
def test_oakland19_totals_balance(direction):
    assert total(OAK19, direction=direction) == 1_656_222_651
    assert total(OAK19, direction=direction, fund_code="1010") == 655_127_232


@pytest.mark.parametrize(
    ("category", "all_funds", "general_purpose"),
    [
        ("Sworn Retirement", 83_387_594, 79_218_787),
        ("Civilian Retirement", 95_462_433, 37_891_850),
        ("Sworn Fringe Benefits", 64_527_201, 61_483_289),
        ("Civilian Fringe Benefits", 83_196_121, 32_923_781),
    ],
)
def test_oakland19_pension_categories(category, all_funds, general_purpose):
    assert total(OAK19, direction="expense", category=category) == all_funds
    assert total(OAK19, direction="expense", category=category, fund_code="1010") == (
        general_purpose
    )


@pytest.mark.parametrize(
    ("category", "amount"),
    [
        ("Property Tax", 215_020_345),
        ("Business License Tax", 99_673_792),
        ("Real Estate Transfer Tax", 82_873_970),
    ],
)
def test_oakland19_general_purpose_revenue(category, amount):
    assert total(OAK19, direction="revenue", fund_code="1010", category=category) == amount


@pytest.mark.parametrize(
    ("department", "amount"),
    [
        ("Police Department", 318_707_837),
        ("Fire Department", 173_776_390),
        ("Mayor", 4_239_274),
        ("Oakland Public Library", 42_163_604),
        ("Human Services", 105_003_112),
        ("Non", 373_281_863),
    ],
)
def test_oakland19_department_totals(department, amount):
    assert total(OAK19, direction="expense", department=department) == amount


# ---- 3. Oakland budget-book transcription: 23 of 24 departments match -------------------------
def test_oakland_budget_book_matches_flow_file_but_one():
    book = {
        r["department"]: r["amount"] for r in summary(OAKPDF)["totals"] if r["fiscal_year"] == 2020
    }
    assert len(book) == 24
    aliases = {"Non-Departmental": "Non"}  # the flow file truncates this name
    mismatches = {
        dept: (amount, total(OAK19, direction="expense", department=aliases.get(dept, dept)))
        for dept, amount in book.items()
        if round(amount) != total(OAK19, direction="expense", department=aliases.get(dept, dept))
    }
    # The transcription's Race & Equity figure is the General Purpose Fund's, not all funds'.
    assert mismatches == {"Race & Equity": (637_915, 737_915)}
    assert total(OAK19, direction="expense", department="Race & Equity", fund_code="1010") == (
        637_915
    )


# ---- 4. Sacramento FY2013-2025 ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("year", "expense", "revenue", "gf_expense", "gf_revenue"),
    [
        (2013, 1_342_149_366, 774_522_141, 367_178_877, 369_260_399),
        (2020, 1_087_942_740, 1_158_640_416, 493_479_525, 511_698_473),
        (2024, 1_361_914_429, 1_434_032_338, 616_729_230, 635_695_282),
        (2025, 1_463_120_733, 1_515_522_014, 677_718_019, 673_362_819),  # Expenses/Revenues
    ],
)
def test_sacramento_years(year, expense, revenue, gf_expense, gf_revenue):
    assert total(SAC, fiscal_year=year, direction="expense") == expense
    assert total(SAC, fiscal_year=year, direction="revenue") == revenue
    assert total(SAC, fiscal_year=year, direction="expense", fund_name="General Fund") == gf_expense
    assert total(SAC, fiscal_year=year, direction="revenue", fund_name="General Fund") == gf_revenue


def test_sacramento_drifting_labels_are_lines_not_totals():
    assert summary(SAC)["lines"] == 7_252
    assert summary(SAC)["report"]["skipped"].get("total or subtotal", 0) == 0
    assert {r["phase"] for r in summary(SAC)["totals"]} == {"adopted"}  # "Approved"


# ---- 5. Asheville: a printed report saved as CSV ---------------------------------------------
def _reconciled(relative: str, label_start: str) -> dict[str, tuple[float, float]]:
    return {
        r["label"].split(" — ")[1].split(" (")[0]: (r["file_total"], r["computed_total"])
        for r in summary(relative)["report"]["reconciliations"]
        if r["label"].startswith(label_start)
    }


@pytest.mark.parametrize(
    ("column", "amount"),
    [
        ("2014 ACTUAL", 9_431_414.47),
        ("2015 ACTUAL", 9_354_446.31),
        ("2015 PROJECTION", 4_132_872.57),
        ("2015 ORIG BUD", 0),
        ("2015 REVISED BUD", 0),
        ("2016 Mngt Team", 0),
    ],
)
def test_asheville_lines_sum_to_grand_total(column, amount):
    file_total, lines = _reconciled(AVL, "GRAND TOTAL")[column]
    assert round(file_total, 2) == amount
    assert round(lines, 2) == amount


@pytest.mark.parametrize(
    ("column", "amount"),
    [
        ("2014 ACTUAL", 7_798_359.91),
        ("2015 ACTUAL", 8_555_625.59),
        ("2015 PROJECTION", 3_052_559.97),
        ("2016 Mngt Team", 0),
    ],
)
def test_asheville_general_fund_sums_to_its_total(column, amount):
    file_total, lines = _reconciled(AVL, "TOTAL General Fund")[column]
    assert round(file_total, 2) == round(lines, 2) == amount


def test_asheville_structure():
    report = summary(AVL)["report"]
    assert summary(AVL)["lines"] == 5_031 * 6
    assert report["skipped"]["total or subtotal"] == 143  # 142 TOTAL rows and GRAND TOTAL
    assert all(r["ok"] for r in report["reconciliations"])
    funds = {
        "Water Services Fund",
        "Parking Services Fund",
        "Civic Center Fund",
        "Mass Transit Fund",
        "Health Insurance Fund",
    }
    checked = {r["label"].split(" — ")[0].removeprefix("TOTAL ") for r in report["reconciliations"]}
    assert funds <= checked


@pytest.mark.parametrize("direction", ["expense", "revenue"])
def test_asheville_general_fund_recommended(direction):
    # Revenue is signed negative in the report; objects 5xxxxx-8xxxxx are expenditures.
    assert (
        total(
            AVL,
            fiscal_year=2016,
            phase="recommended",
            fund_name="General Fund",
            direction=direction,
        )
        == 103_098_627
    )


# ---- 6. Buncombe County: six sheets, the same figures ---------------------------------------
@pytest.mark.parametrize(
    ("year", "expense", "revenue"),
    [
        (2014, 364_235_827, 364_235_826),
        (2015, 399_380_126, 399_380_127),
        (2016, 388_276_594, 388_502_301),
    ],
)
def test_buncombe_years(year, expense, revenue):
    assert total(BUN, fiscal_year=year, direction="expense") == expense
    assert total(BUN, fiscal_year=year, direction="revenue") == revenue


@pytest.mark.parametrize(
    ("year", "amount"), [(2014, 210_164_766), (2015, 219_334_835), (2016, 226_352_058)]
)
def test_buncombe_general_fund_revenue(year, amount):
    assert total(BUN, fiscal_year=year, direction="revenue", category="General Fund") == amount


def test_buncombe_ad_valorem_tax():
    assert total(BUN, fiscal_year=2016, direction="revenue", department="Ad Valorem Tax") == (
        175_598_725
    )


def test_buncombe_every_sheet_agrees():
    path = REALDATA / BUN
    sheets = read_sheets(path)
    proposal = detect_mapping(sheets, path)
    assert len(proposal.sheets) == 6
    results = {}
    for sm in proposal.sheets:
        one = type(proposal)(sheets=[sm])
        lines = apply_mapping(sheets, one, path, ImportReport())
        totals = lines.groupby(["fiscal_year", "direction"], observed=True)["amount"].sum()
        results[sm.sheet] = {k: round(v) for k, v in totals.items()}
    every = results.pop("2014-2016 All")
    assert results.pop("2014-2016 Revenue") == {k: v for k, v in every.items() if k[1] == "revenue"}
    assert results.pop("2014-2016 Expense") == {k: v for k, v in every.items() if k[1] == "expense"}
    for name, got in results.items():  # "2016 All", ...
        year = int(name[:4])
        assert got == {k: v for k, v in every.items() if k[0] == year}, name


# ---- 7. District of Columbia -----------------------------------------------------------------
@pytest.mark.parametrize(("year", "amount"), [(2011, 9_329_197_449.54), (2015, 11_517_879_740.86)])
def test_dc_all_rows(year, amount):
    assert total(DC, fiscal_year=year) == amount


@pytest.mark.parametrize(("year", "amount"), [(2011, 6_066_513_192), (2015, 7_690_461_957)])
def test_dc_general_fund(year, amount):
    assert round(total(DC, fiscal_year=year, fund_name="General Fund")) == amount


@pytest.mark.parametrize(("year", "amount"), [(2011, 127_200_000), (2015, 111_330_000)])
def test_dc_police_fire_retirement(year, amount):
    agency = "Police Officers' and Fire Fighters' Retirement System"
    assert total(DC, fiscal_year=year, fund_name="General Fund", division=agency) == amount


def test_dc_metropolitan_police():
    assert (
        round(
            total(
                DC,
                fiscal_year=2015,
                fund_name="General Fund",
                division="Metropolitan Police Department",
            )
        )
        == 484_869_964
    )


def test_dc_dollar_zero_strings_are_zero():
    assert not any("not numbers" in w for w in summary(DC)["report"]["warnings"])


# ---- 8./9. Arlington: a hierarchy with subtotal rows, CR line endings ------------------------
@pytest.mark.parametrize(
    ("year", "amount"),
    [
        (2008, 110_964_156.70),
        (2012, 119_144_929.00),
        (2013, 124_539_020.60),
        (2014, 129_384_906.90),
        (2018, 143_670_934.40),
    ],
)
def test_arlington_appropriations_total(year, amount):
    assert abs(total(ARL_E, fiscal_year=year) - amount) <= 0.05 + 1e-6
    file_total, lines = _reconciled(ARL_E, "APPROPRIATIONS TOTAL")[str(year)]
    assert round(file_total, 2) == amount and abs(lines - amount) <= 0.05 + 1e-6


@pytest.mark.parametrize(
    ("year", "amount"), [(2008, 6_687_134), (2014, 8_160_032), (2018, 10_301_852)]
)
def test_arlington_pensions(year, amount):
    assert total(ARL_E, fiscal_year=year, department="Pensions") == amount


def test_arlington_malformed_number_reported_and_counted_as_zero():
    warnings = summary(ARL_E)["report"]["warnings"]
    assert any("793.138.22" in w and "I106" in w for w in warnings)
    assert all(r["ok"] for r in summary(ARL_E)["report"]["reconciliations"])


@pytest.mark.parametrize(
    ("year", "amount"),
    [
        (2008, 107_410_442),
        (2012, 116_396_018),
        (2013, 120_317_258),
        (2014, 126_860_672),
        (2018, 141_765_436.8),
    ],
)
def test_arlington_revenues_total_carries_the_source_error(year, amount):
    file_total, lines = _reconciled(ARL_R, "REVENUES TOTAL")[str(year)]
    assert round(file_total, 2) == amount
    assert abs((file_total - lines) - year) <= 0.05  # the year cell was inside the SUM
    assert abs(total(ARL_R, fiscal_year=year) - (amount - year)) <= 0.05


@pytest.mark.parametrize(("year", "amount"), [(2008, 73_280_620), (2018, 106_671_470)])
def test_arlington_property_taxes_total(year, amount):
    file_total, _ = _reconciled(ARL_R, "Property Taxes Total")[str(year)]
    assert file_total == amount


def test_arlington_wrong_subtotal_is_reported_not_fixed():
    report = summary(ARL_R)["report"]
    wrong = _reconciled(ARL_R, "General Property Taxes Total")
    assert wrong["2008"] == (65_540_846, 65_538_838)
    assert any("General Property Taxes Total" in w and "differs" in w for w in report["warnings"])
