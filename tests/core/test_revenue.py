"""Revenue drivers, tax measures and recessions, against hand-worked cases (reference §5)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from budgetbench.core import revenue as rv
from budgetbench.core.revenue import (
    MEASURE_E_TIERS,
    Economy,
    PropertyTax,
    Recession,
    Tier,
)


def one_segment(ratio: float, **kw) -> PropertyTax:
    """A roll made of one kind of parcel, worth ``ratio`` x its assessed value on the market."""
    kw.setdefault("turnover", 0.0)
    kw.setdefault("new_construction", 0.0)
    kw.setdefault("lag", 0)
    return PropertyTax(segments=((1.0, ratio),), **kw)


# ---- property tax: Prop 13, turnover, Prop 8, lag ---------------------------------------------
def test_cap_binds_when_market_and_cpi_run_ahead():
    # Market +6%, CCPI 3%: a home that does not sell is enrolled at +2%, then +2% again.
    roll = one_segment(1.5).roll(2, [0.0, 0.06, 0.06], ccpi=0.03)
    assert roll["assessed"] == pytest.approx([1.0, 1.02, 1.0404])
    assert roll["market"] == pytest.approx([1.5, 1.59, 1.6854])


def test_cpi_below_the_cap_is_the_limit():
    roll = one_segment(1.5).roll(1, [0.0, 0.06], ccpi=0.01)
    assert roll["assessed"][1] == pytest.approx(1.01)


def test_sale_resets_to_market():
    # Every parcel sells: the roll jumps to the market value (1.5 x), whatever the cap.
    assert one_segment(1.5, turnover=1.0).roll(1, [0.0, 0.0], 0.03)["assessed"][1] == 1.5
    # One in ten sells: 0.9 x 1.02 (capped) + 0.1 x 1.5 (market) = 1.068.
    roll = one_segment(1.5, turnover=0.1).roll(1, [0.0, 0.0], 0.03)
    assert roll["assessed"][1] == pytest.approx(0.9 * 1.02 + 0.1 * 1.5)


def test_new_construction_adds_at_market():
    roll = one_segment(1.5, new_construction=0.01).roll(1, [0.0, 0.0], 0.03)
    assert roll["assessed"][1] == pytest.approx(1.02 + 0.01)


def test_prop8_decline_then_recapture_up_to_the_trended_base():
    # Bought at market (ratio 1). Market -10%: enrolled at market, 0.9. The trended base keeps
    # growing 2% a year underneath (1.02, 1.0404). Market +20%: 0.9 x 1.2 = 1.08 > 1.0404, so
    # the roll is recaptured to the trended base only — +15.6% in one year, beyond the 2% cap.
    roll = one_segment(1.0).roll(3, [0.0, -0.10, 0.20, 0.05], ccpi=0.03)
    assert roll["assessed"] == pytest.approx([1.0, 0.9, 1.0404, 1.061208])
    assert roll["trended"] == pytest.approx([1.0, 1.02, 1.0404, 1.061208])
    assert roll["assessed"][2] / roll["assessed"][1] - 1 == pytest.approx(0.156, abs=0.001)


def test_prop8_partial_recovery_stays_at_market():
    roll = one_segment(1.0).roll(2, [0.0, -0.10, 0.10], ccpi=0.03)
    assert roll["assessed"] == pytest.approx([1.0, 0.9, 0.99])


def test_prop13_cushion_long_held_homes_do_not_fall():
    # Homes worth twice their assessed value: a 10% market drop changes nothing.
    roll = one_segment(2.0).roll(1, [0.0, -0.10], ccpi=0.03)
    assert roll["assessed"][1] == pytest.approx(1.02)


def test_lag_delays_the_market():
    econ = Economy.baseline(4, market=0.0, inflation=0.03)
    econ.market[1] = -0.10  # the market falls 10% in the first forecast year
    now = one_segment(1.0, lag=0, prior_market=0.05).calibrate(100).project(4, econ)
    late = one_segment(1.0, lag=1, prior_market=0.05).calibrate(100).project(4, econ)
    later = one_segment(1.0, lag=2, prior_market=0.05).calibrate(100).project(4, econ)
    assert now == pytest.approx([100, 90, 90, 90, 90])
    # One year late: year 1 still sees the pre-crash market (+2% capped), year 2 the drop.
    assert late == pytest.approx([100, 102, 94.5, 94.5, 94.5])
    assert later == pytest.approx([100, 102, 104.04, 99.225, 99.225])


def test_property_calibrates_to_the_base_year():
    d = PropertyTax().calibrate(23_613_000)
    out = d.project(5, Economy.baseline(5))
    assert out[0] == 23_613_000
    assert np.all(np.diff(out) > 0)
    growth = out[1:] / out[:-1] - 1
    assert np.all((growth > 0.02) & (growth < 0.08))  # more than the cap, thanks to turnover


# ---- other drivers --------------------------------------------------------------------------
def test_sales_tax_elasticity_to_the_economy():
    econ = Economy.baseline(2)
    d = rv.SalesTax(trend=0.03, elasticity=1.3).calibrate(100.0)
    assert d.project(2, econ) == pytest.approx([100, 103, 106.09])
    econ.growth[1] = 0.0  # the economy stalls: 4 points below trend
    assert d.project(2, econ)[1] == pytest.approx(100 * (1 + 0.03 - 1.3 * 0.04))


def test_uut_barely_moves_with_the_cycle():
    econ = Economy.baseline(1, growth=0.04)
    econ.growth[1] = -0.04
    uut = rv.UtilityUsersTax().calibrate(100.0).project(1, econ)[1]
    sales = rv.SalesTax().calibrate(100.0).project(1, econ)[1]
    assert 98 < uut < 100.5
    assert sales < 93


def test_tot_is_rooms_times_occupancy_times_rate():
    d = rv.TransientOccupancyTax(rooms=500, occupancy=0.7, adr=200.0, rate=0.12)
    assert d.room_revenue() == pytest.approx(500 * 0.7 * 200 * 365)
    assert d.model_amount() == pytest.approx(500 * 0.7 * 200 * 365 * 0.12)
    d.calibrate(4_919_000)
    out = d.project(1, Economy.baseline(1, inflation=0.02))
    assert out[0] == 4_919_000
    assert out[1] == pytest.approx(4_919_000 * 1.01 * 1.02)  # rooms +1%, rates +2%
    assert d.calibrated_room_revenue() == pytest.approx(4_919_000 / 0.12)


def test_parcel_tax_driver_cpi_and_exemptions():
    d = rv.ParcelTax(
        rates={"single_family": 30.0, "commercial": 100.0},
        parcels={"single_family": 1000, "commercial": 100},
        exemptions={"single_family": 200},
        parcel_growth=0.0,
    )
    assert d.model_amount() == 30 * 800 + 100 * 100
    assert d.model_amount(1, cpi=0.03) == pytest.approx((30 * 800 + 100 * 100) * 1.03)
    out = d.calibrate(34_000).project(2, Economy.baseline(2, inflation=0.03))
    assert out == pytest.approx([34_000, 34_000 * 1.03, 34_000 * 1.03**2])


def test_growth_one_time_and_transfers():
    e = Economy.baseline(3)
    assert rv.GrowthRate(rate=0.1).calibrate(100).project(3, e) == pytest.approx(
        [100, 110, 121, 133.1]
    )
    assert rv.OneTime().calibrate(3e6).project(3, e).tolist() == [3e6, 0, 0, 0]
    assert rv.TransfersIn().calibrate(5).project(2, e).tolist() == [5, 5, 5]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Secured & unsecured property tax", "property"),
        ("Property tax in lieu of VLF", "property"),
        ("Property Taxes - Supplemental", "property"),
        ("Sales & use tax (1% local share)", "sales"),
        ("Local Sales Tax Measure (General)", "sales"),
        ("Transient occupancy (hotel) tax", "tot"),
        ("Business license tax", "business"),
        ("Utility users tax", "uut"),
        ("Property Transfer Tax", "transfer_tax"),
        ("Documentary transfer tax", "transfer_tax"),
        ("Library parcel tax", "parcel"),
        ("Franchise fees (cable, refuse, power)", "franchise"),
        ("Use of Fund Balance", "one_time"),
        ("Transfer from Sewer Enterprise Fund", "transfer_in"),
        ("Charges for Services", "other"),
        ("Penalties & Costs on Delinquent Taxes", "other"),
        ("Construction Permits", "other"),
        ("Taxes", "taxes"),
        ("Investment earnings & rents", "other"),
    ],
)
def test_guess_kind_by_name(name, kind):
    assert rv.guess_kind(name) == kind


def test_map_categories_calibrates_and_is_editable():
    amounts = {"Property Tax": 29_516_000.0, "Sales Tax": 23_613_000.0, "Settlement": 3e6}
    drivers = rv.map_categories(amounts, overrides={"Sales Tax": "other"}, one_time=["Settlement"])
    assert isinstance(drivers["Property Tax"], PropertyTax)
    assert isinstance(drivers["Sales Tax"], rv.GrowthRate)
    assert isinstance(drivers["Settlement"], rv.OneTime)
    econ = Economy.baseline(5)
    for name, d in drivers.items():
        assert d.project(5, econ)[0] == amounts[name]  # the base year is the file
    again = rv.driver_from_dict(drivers["Property Tax"].to_dict())
    assert again == drivers["Property Tax"]


# ---- measures -------------------------------------------------------------------------------
def test_quarter_cent_on_16_billion_is_40_million():
    m = rv.sales_tax_addon(0.0025, 16_000_000_000)
    assert m.annual_yield(1) == pytest.approx(40_000_000)
    assert m.vote_threshold == "majority"
    eighth = rv.sales_tax_addon(0.00125, 40_000_000_000)  # the county ⅛ cent, §5.3
    assert eighth.annual_yield(1) == pytest.approx(50_000_000)
    # Santa Clara County Measure A: $49.9M over 604,204 households = about $82 a year.
    county = rv.sales_tax_addon(0.00125, 49_900_000 / 0.00125)
    assert county.cost_per_household(604_204) == pytest.approx(82.6, abs=0.1)


def test_measure_yield_by_year_start_sunset_and_growth():
    m = rv.sales_tax_addon(0.0025, 16e9, start=2, sunset=2, growth=0.03)
    y = m.yield_by_year(5, Economy.baseline(5))
    assert y[0] == 0 and y[1] == 0
    assert y[2] == pytest.approx(40e6 * 1.03)  # the base has grown a year by the start
    assert y[3] == pytest.approx(40e6 * 1.03**2)
    assert y[4] == 0 and y[5] == 0


def test_measure_shares_the_recession_shock():
    m = rv.sales_tax_addon(0.0025, 16e9)
    econ = rv.recession_preset("covid").apply(Economy.baseline(3))
    y = m.yield_by_year(3, econ)
    assert y[1] == pytest.approx(40e6 * 0.88)


def test_transfer_tax_tiers_whole_value_like_measure_e():
    m = rv.transfer_tax(
        MEASURE_E_TIERS,
        sales=[(1_500_000, 100), (3_000_000, 10), (8_000_000, 2), (20_000_000, 1)],
    )
    assert m.tax_on(1_999_999) == 0
    assert m.tax_on(3_000_000) == pytest.approx(22_500)  # 0.75% of the whole price
    assert m.tax_on(5_000_000) == pytest.approx(50_000)  # $5M is in the 1% tier
    assert m.tax_on(20_000_000) == pytest.approx(300_000)
    expected = 10 * 22_500 + 2 * 80_000 + 1 * 300_000
    assert m.annual_yield(1) == pytest.approx(expected)
    tiers = m.by_tier()
    assert [t["tax"] for t in tiers] == pytest.approx([0, 225_000, 160_000, 300_000])
    assert [t["sales"] for t in tiers] == [100, 10, 2, 1]
    assert m.vote_threshold == "majority"


def test_transfer_tax_marginal_tiers():
    m = rv.transfer_tax(MEASURE_E_TIERS, sales=[(12_000_000, 1)], marginal=True)
    # 0 on the first $2M, 0.75% of $3M, 1% of $5M, 1.5% of $2M.
    assert m.tax_on(12_000_000) == pytest.approx(22_500 + 50_000 + 30_000)


def test_transfer_tax_indexed_threshold():
    m = rv.transfer_tax(
        [Tier(0, 2_000_000, 0.0), Tier(2_000_000, None, 0.01)],
        sales=[(2_100_000, 1)],
        index_thresholds=True,
        cpi=0.10,
    )
    assert m.tax_on(2_100_000, year=1) == pytest.approx(21_000)
    assert m.tax_on(2_100_000, year=2) == 0  # the exemption rose to $2.2M


def test_parcel_tax_cpi_and_exemptions():
    m = rv.parcel_tax(
        rates={"single_family": 29.84, "multifamily_unit": 14.92},
        parcels={"single_family": 200_000, "multifamily_unit": 100_000},
        cpi=0.03,
        exemptions={"single_family": 10_000},
    )
    first = 29.84 * 190_000 + 14.92 * 100_000
    assert m.annual_yield(1) == pytest.approx(first)
    assert m.annual_yield(3) == pytest.approx(first * 1.03**2)
    assert m.rate_for("single_family", 2) == pytest.approx(29.84 * 1.03)
    assert m.vote_threshold == "two-thirds"
    m.cpi_indexed = False
    assert m.annual_yield(3) == pytest.approx(first)


def test_tot_rate_change():
    m = rv.tot_rate(new_rate=0.14, current_rate=0.12, room_revenue=50_000_000)
    assert m.annual_yield(1) == pytest.approx(1_000_000)
    assert m.cost_per_household(20_000) == pytest.approx(50)


@pytest.mark.parametrize(
    ("measure", "threshold"),
    [
        (rv.sales_tax_addon(0.0025, 1e9), "majority"),
        (rv.sales_tax_addon(0.0025, 1e9, special=True), "two-thirds"),
        (rv.parcel_tax({"a": 1}, {"a": 1}), "two-thirds"),
        (rv.transfer_tax(MEASURE_E_TIERS, []), "majority"),
        (rv.tot_rate(0.12, 0.1, 1e6), "majority"),
    ],
)
def test_vote_thresholds(measure, threshold):
    assert measure.vote_threshold == threshold


@pytest.mark.parametrize(
    "measure",
    [
        rv.sales_tax_addon(0.0025, 16e9, name="¼ cent"),
        rv.parcel_tax({"sf": 30.0}, {"sf": 1000}, exemptions={"sf": 10}, name="library"),
        rv.transfer_tax(MEASURE_E_TIERS, [(3e6, 5)], name="E"),
        rv.tot_rate(0.14, 0.12, 5e7, start=2, sunset=3),
    ],
)
def test_measure_dict_round_trip(measure):
    spec = json.loads(json.dumps(measure.to_dict()))
    again = rv.measure_from_dict(spec)
    assert again == measure
    assert again.annual_yield(1) == measure.annual_yield(1)


def test_comparable_measures_carry_their_sources():
    names = " ".join(c.name for c in rv.COMPARABLE_MEASURES)
    for needle in ("Measure B (June 2016)", "County Measure A", "library parcel", "Measure E"):
        assert needle in names
    for c in rv.COMPARABLE_MEASURES:
        assert c.source and c.yield_low <= c.yield_high
    b2016 = next(c for c in rv.COMPARABLE_MEASURES if "June 2016" in c.name)
    assert (b2016.yield_low, b2016.yield_high) == (38e6, 40e6)
    e = next(c for c in rv.COMPARABLE_MEASURES if "Measure E" in c.name)
    assert (e.yield_low, e.yield_high) == (40e6, 70e6)
    lib = rv.comparables_for("parcel_tax")
    assert len(lib) == 1 and lib[0].yield_mid == 8e6
    assert "two-thirds" in lib[0].vote


# ---- recessions -----------------------------------------------------------------------------
def test_recession_shapes():
    r = Recession(shocks={"sales": -0.2}, duration=2, recovery="linear", recovery_years=2)
    assert r.factors(6)["sales"] == pytest.approx([1, 0.8, 0.8, 0.9, 1, 1, 1])
    r.recovery = "v"
    assert r.factors(4)["sales"] == pytest.approx([1, 0.8, 0.8, 1, 1])
    r.recovery = "u"
    assert r.factors(6)["sales"] == pytest.approx([1, 0.8, 0.8, 0.8, 0.9, 1, 1])
    r.recovery = "l"
    assert r.factors(4)["sales"] == pytest.approx([1, 0.8, 0.8, 0.8, 0.8])
    r = Recession(shocks={"tot": [-0.66]}, start=2, recovery="v")
    assert r.factors(3)["tot"] == pytest.approx([1, 1, 0.34, 1])


def test_great_recession_preset_matches_the_observations():
    r = rv.recession_preset("Great Recession (San José)")
    assert r.factors(4)["sales"][1:3] == pytest.approx([1 - 0.143, 1 - 0.175])
    assert "mercurynews" in r.sources["sales"]
    # Property tax follows the market a year late: the roll still grows, then falls ~2.4%
    # (Santa Clara County: +0.61%, then -2.43% on average).
    pt = PropertyTax().calibrate(1.0)
    x = pt.project(5, r.apply(Economy.baseline(5)))
    yoy = x[1:] / x[:-1] - 1
    base = pt.project(5, Economy.baseline(5))
    assert yoy[0] == pytest.approx(base[1] - 1)  # year 1: the lag, no change yet
    assert 0.0 < yoy[1] < 0.015
    assert -0.035 < yoy[2] < -0.015


def test_covid_preset_is_the_state_auditor_projection():
    r = rv.recession_preset("covid")
    f = r.factors(3)
    assert f["tot"][1] == pytest.approx(0.34)
    assert f["sales"][1] == pytest.approx(0.88)
    assert f["business"][1] == pytest.approx(0.93)
    assert "bsa.ca.gov" in r.sources["tot"]
    pt = PropertyTax().calibrate(1.0)
    assert pt.project(3, r.apply(Economy.baseline(3))) == pytest.approx(
        pt.project(3, Economy.baseline(3))
    )


def test_recession_presets_and_pension_pairing():
    assert set(rv.RECESSION_PRESETS) == {
        "Great Recession (San José)",
        "COVID (statewide projection)",
        "mild",
    }
    with pytest.raises(KeyError):
        rv.recession_preset("depression")
    r = rv.recession_preset("mild")
    assert r.pension_scenario_kwargs() == {}
    r.pension_shock, r.start = True, 2
    assert r.pension_scenario_kwargs() == {"returns": "shock", "shock_year": 2}
    again = Recession.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again == r


def test_shipped_json_matches_the_presets_and_comparables():
    from budgetbench.io.resources import comparable_measures, recession_presets

    assert recession_presets() == rv.RECESSION_PRESETS
    assert tuple(comparable_measures()) == rv.COMPARABLE_MEASURES


# ---- the interface's language ----------------------------------------------------------------
def test_names_and_votes_in_words():
    assert rv.sales_tax_name(0.0025) == "¼-cent sales tax"
    assert rv.sales_tax_name(0.00125, article=True) == "A ⅛-cent sales tax"
    assert rv.sales_tax_name(0.003) == "0.3-cent sales tax"
    addon = rv.sales_tax_addon(0.0025, 1.6e9)
    assert addon.describe().startswith("A ¼-cent sales tax: 0.25% on $1.6B of taxable sales")
    assert addon.vote_text == "majority vote" and addon.tax_type == "general tax"
    parcel = rv.parcel_tax({"sf": 30.0}, {"sf": 1000.0})
    assert parcel.vote_text == "two-thirds vote" and parcel.vote_threshold == "two-thirds"
    assert rv.kind_label("tot") == "Hotel tax (TOT)" and rv.kind_label("nope") == "nope"


def test_shipped_tables_are_translated_where_shown():
    from budgetbench.core.i18n import set_translator

    covid = rv.recession_preset("covid")
    set_translator(lambda _context, text: f"«{text}»")
    try:
        assert rv.localized(covid.name) == "«COVID (statewide projection)»"
        assert rv.localized("") == ""
        described = covid.describe()
        assert described.startswith("««COVID (statewide projection)»: «Hotel tax (TOT)» -66%")
        assert rv.recession_preset("covid") == covid  # the preset itself is unchanged
        assert rv.Recession(name=rv.CUSTOM_RECESSION).describe().startswith("««your own")
    finally:
        set_translator(None)
    assert covid.describe().startswith("COVID (statewide projection): hotel tax (TOT) -66%")
