"""The General Fund forecast: base year to the dollar, levers, measures, recessions, scenarios."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from budgetbench.core import forecast as fc
from budgetbench.core import revenue as rv
from budgetbench.core.lens import default_year_phase
from budgetbench.io.loader import load_budget

SAMPLES = Path(__file__).resolve().parents[2] / "sample_budgets"
SYCAMORE = SAMPLES / "sycamore_springs_teaching.csv"
ALDER = SAMPLES / "alder_valley_county_fy26.xlsx"
BAYVIEW = SAMPLES / "bayview_heights_fy26_clean.csv"
SACRAMENTO = "sacramento/City_of_Sacramento_Approved_Budgets.csv"


@pytest.fixture(scope="module")
def sycamore():
    return load_budget(SYCAMORE)


@pytest.fixture(scope="module")
def alder():
    return load_budget(ALDER)


def gf_totals(budget) -> tuple[float, float, dict[str, float]]:
    """The file's own General Fund totals for the default year and phase, summed directly."""
    year, phase = default_year_phase(budget)
    lines = budget.lines
    m = (
        (lines["fiscal_year"] == year)
        & (lines["phase"] == phase)
        & (lines["fund_type"] == "general")
    )
    gf = lines[m]
    revenue = float(gf.loc[gf["direction"] == "revenue", "amount"].sum())
    exp = gf[gf["direction"] == "expense"]
    by_dept = exp.groupby(exp["department"].astype(str))["amount"].sum().to_dict()
    return revenue, float(exp["amount"].sum()), by_dept


def check_base_year(budget) -> fc.Forecast:
    revenue, expense, by_dept = gf_totals(budget)
    f = fc.forecast(budget, fc.Scenario(years=5))
    row = f.table.iloc[0]
    assert round(row["revenue_total"]) == round(revenue)
    assert round(row["expense_total"]) == round(expense)
    assert abs(row["revenue_total"] - revenue) < 0.5
    assert abs(row["expense_total"] - expense) < 0.5
    assert f.base_year.revenue_total == pytest.approx(revenue, abs=0.5)
    # The long tables add up to the totals, every year.
    rev_long = f.revenue.groupby("year")["amount"].sum().to_numpy()
    exp_long = f.expense.groupby("year")["amount"].sum().to_numpy()
    assert rev_long == pytest.approx(f.table["revenue_total"].to_numpy(), abs=0.5)
    assert exp_long == pytest.approx(f.table["expense_total"].to_numpy(), abs=0.5)
    # And the base year by department is the file's.
    dept = f.by_department()[f.base_year.fiscal_year]
    for d, amount in by_dept.items():
        assert dept[d or "(no department)"] == pytest.approx(amount, abs=0.5)
    assert len(f.table) == 6
    return f


@pytest.mark.parametrize("path", [SYCAMORE, ALDER, BAYVIEW], ids=lambda p: p.stem)
def test_base_year_equals_the_general_fund_to_the_dollar(path):
    check_base_year(load_budget(path))


def test_base_year_equals_sacramento_to_the_dollar(realdata):
    path = realdata(SACRAMENTO)
    if not path.exists():
        pytest.skip(f"{path} not found")
    f = check_base_year(load_budget(path))
    assert f.base_year.fiscal_year == 2025
    assert round(f.table.iloc[0]["revenue_total"]) == 673_362_819
    assert round(f.table.iloc[0]["expense_total"]) == 677_718_019


def test_sycamore_structural_gap_and_one_time_money(sycamore):
    f = fc.forecast(sycamore, fc.Scenario(reserve_start=14_500_000))
    base = f.table.iloc[0]
    assert base["structural_gap"] == pytest.approx(2_400_000)
    assert base["revenue_one_time"] == pytest.approx(3_000_000)
    assert base["surplus_deficit"] == pytest.approx(0)
    assert bool(base["one_time_for_ongoing"])
    assert base["one_time_used"] == pytest.approx(2_400_000)
    assert fc.FLAG_ONE_TIME in base["flags"]
    assert base["balanced"] and not base["structurally_balanced"]
    assert base["reserve"] == 14_500_000
    assert base["reserve_months"] == pytest.approx(14.5 / (97.4 / 12))
    assert fc.FLAG_RESERVE_LOW in base["flags"]  # 1.8 months < GFOA's 2
    # The settlement does not come again: from year 1 the gap is a deficit the reserve pays.
    y1 = f.table.iloc[1]
    assert y1["revenue_one_time"] == 0 and y1["expense_one_time"] == 0
    assert 2_000_000 < y1["structural_gap"] < 3_500_000
    assert y1["surplus_deficit"] == pytest.approx(-y1["structural_gap"])
    assert y1["reserve"] == pytest.approx(14_500_000 - y1["structural_gap"])
    assert not y1["balanced"]
    # Retirement grows about 8% a year, as the file's own history says.
    assert f.base_year.retirement_growth == pytest.approx(0.08, abs=0.002)
    assert f.table["retirement"].iloc[1] / f.table["retirement"].iloc[0] == pytest.approx(
        1 + f.base_year.retirement_growth
    )
    text = " ".join(f.sentences())
    assert "$2.4M" in text and "one-time" in text


def test_sycamore_streams_are_mapped_by_name(sycamore):
    base = fc.base_year(sycamore)
    kinds = dict(zip(base.revenue["stream"], base.revenue["kind"], strict=True))
    assert kinds["Property Tax"] == "property"
    assert kinds["Sales Tax"] == "sales"
    assert kinds["Utility users tax"] == "uut"
    assert kinds["Transient occupancy (hotel) tax"] == "tot"
    assert kinds["Business license tax"] == "business"
    assert kinds["Other Revenue"] == "one_time"
    assert kinds["Transfers"] == "transfer_in"
    f = fc.forecast(sycamore)
    assert isinstance(f.drivers["Property Tax"], rv.PropertyTax)


def test_revenue_kind_override(sycamore):
    f = fc.forecast(
        sycamore, fc.Scenario(revenue_kinds={"Sales Tax": {"kind": "other", "rate": 0.0}})
    )
    sales = f.by_stream().loc["Sales Tax"].to_numpy()
    assert sales == pytest.approx([23_613_000] * 6)


def test_levers_move_the_gap_by_their_amounts(sycamore):
    base = fc.forecast(sycamore)
    cut = fc.forecast(sycamore, fc.Scenario(levers={"Police": (0.0, -1_000_000)}))
    diff = (base.table["structural_gap"] - cut.table["structural_gap"]).to_numpy()
    assert diff == pytest.approx([0, 1e6, 1e6, 1e6, 1e6, 1e6])  # the base year stays the file
    pct = fc.forecast(sycamore, fc.Scenario(levers={"Fire": (-0.05, 0.0)}))
    fire = base.by_department().loc["Fire"].to_numpy()
    diff = (base.table["structural_gap"] - pct.table["structural_gap"]).to_numpy()
    assert diff[0] == 0
    assert diff[1:] == pytest.approx(0.05 * fire[1:])
    row = pct.levers.set_index("department").loc["Fire"]
    assert row["change"] == pytest.approx(-0.05 * fire[1])
    assert row["unit_name"].startswith("fire engine company")
    assert row["units"] == pytest.approx(row["change"] / row["unit_cost"])


def test_units_are_editable(sycamore):
    sc = fc.Scenario(
        levers={"Parks, Recreation & Library": (0.0, -1_400_000)},
        units={"Parks, Recreation & Library": ("library branch open 7 days", 700_000)},
    )
    row = (
        fc.forecast(sycamore, sc).levers.set_index("department").loc["Parks, Recreation & Library"]
    )
    assert row["units"] == pytest.approx(-2.0)
    defaults = fc.default_units(["Library", "Police", "City Clerk"])
    assert defaults["Library"][0] == "library branch open 7 days"
    assert defaults["City Clerk"][0].startswith("full-time position")


def test_measures_and_revenue_levers_move_the_gap(sycamore):
    base = fc.forecast(sycamore)
    m = rv.sales_tax_addon(0.0025, 1_600_000_000, name="¼-cent sales tax")
    with_m = fc.forecast(sycamore, fc.Scenario(measures=[m]))
    expected = m.yield_by_year(5, rv.Economy.baseline(5))
    diff = (base.table["structural_gap"] - with_m.table["structural_gap"]).to_numpy()
    assert diff == pytest.approx(expected)
    assert expected[1] == pytest.approx(4_000_000)
    assert with_m.table["measures"].to_numpy() == pytest.approx(expected)
    assert with_m.measures.groupby("year")["amount"].sum().to_numpy() == pytest.approx(expected)
    fee = fc.forecast(sycamore, fc.Scenario(revenue_levers={"Charges for Services": (0.1, 0.0)}))
    charges = base.by_stream().loc["Charges for Services"].to_numpy()
    diff = (base.table["structural_gap"] - fee.table["structural_gap"]).to_numpy()
    assert diff == pytest.approx(np.r_[0.0, 0.1 * charges[1:]])


def test_closing_the_gap_balances_the_meter(sycamore):
    f = fc.forecast(sycamore)
    meter = f.meter()
    assert meter.year == 1 and meter.status == "deficit" and not meter.balanced
    gap = float(f.table.iloc[1]["structural_gap"])
    closed = fc.forecast(sycamore, fc.Scenario(levers={"Non-Departmental": (0.0, -gap)}))
    meter = closed.meter()
    assert meter.status == "balanced" and meter.balanced
    assert abs(meter.position) < 1
    assert -1 <= meter.fraction <= 1
    assert closed.meter(0).one_time_for_ongoing
    assert "FY2027" in meter.text


def test_one_time_money_for_ongoing_costs_is_flagged(sycamore):
    sc = fc.Scenario(reserve_start=14_500_000, one_time={1: 3_000_000})
    f = fc.forecast(sycamore, sc)
    y1 = f.table.iloc[1]
    assert y1["balanced"]  # balanced on paper ...
    assert bool(y1["one_time_for_ongoing"])  # ... with one-time money
    assert y1["one_time_used"] == pytest.approx(y1["structural_gap"])
    assert fc.FLAG_ONE_TIME in y1["flags"]
    assert f.meter(1).one_time_for_ongoing
    # Drawing on the reserve to balance leaves the reserve where a deficit would have.
    plain = fc.forecast(sycamore, fc.Scenario(reserve_start=14_500_000))
    assert f.table["reserve"].to_numpy() == pytest.approx(plain.table["reserve"].to_numpy())


def test_reserve_defaults_and_meta(sycamore):
    f = fc.forecast(sycamore)
    assert f.table.iloc[0]["reserve_months"] == pytest.approx(2.0)
    assert any("GFOA" in n for n in f.notes)
    sycamore.meta["gf_reserve"] = 14_500_000
    try:
        fc._CACHE.clear()
        assert fc.forecast(sycamore).table.iloc[0]["reserve"] == 14_500_000
    finally:
        del sycamore.meta["gf_reserve"]
        fc._CACHE.clear()


@pytest.mark.parametrize("name", list(rv.RECESSION_PRESETS))
def test_recession_presets_lower_revenue(sycamore, name):
    base = fc.forecast(sycamore)
    hit = fc.forecast(sycamore, fc.preset_scenario(name))
    assert hit.table.iloc[0]["revenue_total"] == base.table.iloc[0]["revenue_total"]
    assert (hit.table["revenue_ongoing"].iloc[1:3] < base.table["revenue_ongoing"].iloc[1:3]).all()
    assert hit.table["structural_gap"].iloc[1] > base.table["structural_gap"].iloc[1]


def test_recession_hits_each_revenue_type_and_property_lags(sycamore):
    base = fc.forecast(sycamore).by_stream()
    covid = fc.forecast(sycamore, fc.preset_scenario("covid")).by_stream()
    tot = "Transient occupancy (hotel) tax"
    assert covid.loc[tot, 2027] / base.loc[tot, 2027] == pytest.approx(0.34)
    assert covid.loc["Sales Tax", 2027] / base.loc["Sales Tax", 2027] == pytest.approx(0.88)
    assert covid.loc["Property Tax"].to_numpy() == pytest.approx(
        base.loc["Property Tax"].to_numpy()
    )
    gr = fc.forecast(sycamore, fc.preset_scenario("great-recession")).by_stream()
    ratio = gr.loc["Property Tax"] / base.loc["Property Tax"]
    assert ratio[2027] == pytest.approx(1.0)  # the lag: no change in the first year
    assert ratio[2028] < 0.99 and ratio[2029] < ratio[2028]
    assert gr.loc["Sales Tax", 2027] / base.loc["Sales Tax", 2027] == pytest.approx(0.857)


def test_pension_contributions_replace_retirement_growth(sycamore):
    base = fc.forecast(sycamore)
    r0 = base.table["retirement"].iloc[0]
    contributions = {2026 + k: 100.0 * 1.10**k for k in range(6)}
    f = fc.forecast(sycamore, fc.Scenario(pension_contributions=contributions))
    assert f.table["retirement"].iloc[0] == pytest.approx(r0)
    assert f.table["retirement"].to_numpy() == pytest.approx(r0 * 1.10 ** np.arange(6))
    # The rest of spending is untouched.
    other = f.table["expense_total"] - f.table["retirement"]
    assert other.to_numpy() == pytest.approx(
        (base.table["expense_total"] - base.table["retirement"]).to_numpy()
    )
    dollars = {2026 + k: 20e6 for k in range(6)}
    f = fc.forecast(sycamore, fc.Scenario(pension_contributions=dollars, pension_mode="dollars"))
    assert f.table["retirement"].iloc[0] == pytest.approx(r0)  # the base year is the file
    assert f.table["retirement"].iloc[1:].to_numpy() == pytest.approx([20e6] * 5)


def test_pension_scenario_from_the_pensions_view(sycamore):
    spec = {
        "name": "crash",
        "fiscal_years": [2026, 2027, 2028, 2029, 2030, 2031, 2032],
        "employer_contribution": [200.0] * 7,
        "employer_gf": [100.0, 105.0, 110.0, 120.0, 130.0, 140.0, 150.0],
    }
    assert fc.contributions_from_pension_scenario(spec)[2029] == 120.0
    sycamore.meta["pension_scenarios"] = {"crash": spec}
    try:
        fc._CACHE.clear()
        f = fc.forecast(sycamore, fc.Scenario(pension_scenario="crash"))
        r = f.table["retirement"].to_numpy()
        assert r / r[0] == pytest.approx([1.0, 1.05, 1.10, 1.20, 1.30, 1.40])
        missing = fc.forecast(sycamore, fc.Scenario(pension_scenario="nope"))
        assert any("nope" in n for n in missing.notes)
    finally:
        del sycamore.meta["pension_scenarios"]
        fc._CACHE.clear()


def test_scenario_dict_round_trip():
    sc = fc.Scenario(
        name="Close the gap",
        years=7,
        growth=fc.Growth(salaries=0.035, retirement=0.07),
        levers={"Police": (-0.02, -250_000.0)},
        units={"Police": ("patrol officer", 210_000.0)},
        revenue_levers={"Charges for Services": (0.05, 0.0)},
        revenue_kinds={"Sales Tax": "other", "Interest & Rents": {"kind": "other", "rate": 0.0}},
        measures=[
            rv.sales_tax_addon(0.0025, 1.6e9, name="¼ cent"),
            rv.parcel_tax({"sf": 30.0}, {"sf": 1000.0}, name="library"),
            rv.transfer_tax(rv.MEASURE_E_TIERS, [(3e6, 10)], name="E"),
        ],
        recession=rv.recession_preset("covid"),
        one_time={2: 1_000_000.0},
        pension_contributions={2026: 1.0, 2027: 1.1},
        reserve_start=14_500_000.0,
        tolerance=100_000.0,
        lever_start=2,
    )
    spec = json.loads(json.dumps(sc.to_dict()))
    again = fc.Scenario.from_dict(spec)
    assert again == sc
    assert again.to_dict() == spec
    assert fc.Scenario.from_dict(fc.Scenario().to_dict()) == fc.Scenario()


def test_compare_spells_out_the_difference(sycamore):
    a = fc.forecast(sycamore, fc.Scenario(name="Baseline", reserve_start=14.5e6))
    b = fc.forecast(
        sycamore,
        fc.Scenario(
            name="Cuts and a tax",
            reserve_start=14.5e6,
            levers={"Police": (0.0, -1_000_000.0)},
            measures=[rv.sales_tax_addon(0.0025, 1.6e9, name="a ¼-cent sales tax")],
        ),
    )
    table, sentences = fc.compare(a, b)
    gap = table[table["key"] == "structural_gap"].set_index("fiscal_year")
    assert gap.loc[2026, "difference"] == pytest.approx(0)
    assert gap.loc[2027, "difference"] == pytest.approx(-1e6 - 4e6)
    assert "Spending: Police" in set(table["metric"])
    assert "Revenue: Sales tax" in set(table["metric"])
    text = " ".join(sentences)
    assert "“Cuts and a tax”" in text and "“Baseline”" in text
    assert "smaller" in text
    assert "Police spends $1M less" in text
    assert "a ¼-cent sales tax" in text and "majority vote" in text
    assert "reserve ends FY2031" in text
    same = fc.compare(a, fc.forecast(sycamore, fc.Scenario(name="Copy", reserve_start=14.5e6)))
    assert same.sentences == ["“Copy” and “Baseline” give the same forecast."]
    rec = fc.compare(a, fc.forecast(sycamore, fc.preset_scenario("covid")))
    assert any("COVID" in s for s in rec.sentences)


def test_years_and_wide_views(alder):
    f = fc.forecast(alder, fc.Scenario(years=10))
    assert len(f.table) == 11 and f.fiscal_years[-1] == 2036
    assert f.by_object().index[0] == "salaries"
    assert f.by_object()[2026].sum() == pytest.approx(f.table.iloc[0]["expense_total"])
    data = json.loads(json.dumps(f.to_dict()))
    assert data["base_year"]["fiscal_year"] == 2026 and len(data["rows"]) == 11
    assert data["base_year"]["structural_gap"] == pytest.approx(70_000_000)
    with pytest.raises(ValueError):
        fc.forecast(alder, fc.Scenario(years=11))


def test_county_one_time_money_and_reserves(alder):
    f = fc.forecast(alder)
    base = f.table.iloc[0]
    # $70M of fund balance and other one-time money cover a $70M structural gap.
    assert base["structural_gap"] == pytest.approx(70_000_000)
    assert base["from_reserve"] == pytest.approx(70_000_000)
    assert base["to_reserve"] == pytest.approx(10_000_000)
    assert bool(base["one_time_for_ongoing"])


def test_lever_change_recomputes_fast_on_the_county(alder):
    base = fc.base_year(alder)
    dept = base.departments[0]
    fc.forecast(base, fc.Scenario(levers={dept: (-0.01, 0.0)}))
    start = time.perf_counter()
    for k in range(10):
        fc.forecast(base, fc.Scenario(levers={dept: (-0.001 * k, 0.0)})).meter()
    assert (time.perf_counter() - start) / 10 < 0.05


# ---- the interface's language ----------------------------------------------------------------
@pytest.fixture
def marked():
    """A stand-in translation: every text the engine shows comes back «marked», so what went
    through translation (and what stayed data) can be told apart."""
    from budgetbench.core.i18n import set_translator

    fc._CACHE.clear()
    set_translator(lambda _context, text: f"«{text}»")
    yield
    set_translator(None)
    fc._CACHE.clear()


def test_shown_text_is_translated_and_data_is_not(sycamore, marked):
    f = fc.forecast(sycamore, fc.Scenario(name="B", levers={"Police": (-0.05, 0.0)}))
    assert f.meter().text.startswith("«FY2027: ongoing spending exceeds")
    assert all(s.startswith("«") and s.endswith("»") for s in f.sentences())
    assert any("General Fund reserve" in n and n.startswith("«") for n in f.notes)
    # Names that are keys stay as they are: streams, departments, flags.
    assert "Sales Tax" in f.base_year.streams and "Police" in f.base_year.departments
    assert fc.FLAG_ONE_TIME in f.table.iloc[0]["flags"]
    levers = f.levers.set_index("department")
    assert levers.loc["Police", "unit_name"] == "«police officer on patrol (salary and benefits)»"

    cmp = fc.compare(fc.forecast(sycamore, fc.Scenario(name="A")), f)
    assert "«Spending: Police»" in set(cmp.table["metric"])
    assert "department:Police" in set(cmp.table["key"])
    said = dict(zip(cmp.sentence_keys, cmp.sentences, strict=True))
    assert said["gap"].startswith("«In FY2031, “B” has «a structural gap of")
    assert "Police spends" in said["department:Police"]


def test_pension_notes_are_kept_apart(sycamore):
    fc._CACHE.clear()
    f = fc.forecast(sycamore, fc.Scenario(pension_scenario="nope"))
    assert len(f.pension_notes) == 1 and "nope" in f.pension_notes[0]
    assert f.pension_notes[0] in f.notes
    assert fc.forecast(sycamore).pension_notes == []


def test_default_units_have_plurals(marked):
    assert fc.unit_plural("library branch open 7 days") == "library branches open 7 days"
    shown = fc.default_units(["Library"])["Library"][0]
    assert shown == "«library branch open 7 days»"
    assert fc.unit_plural(shown) == "«library branches open 7 days»"
    assert fc.unit_plural("fire station open all year") is None
