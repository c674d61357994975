"""The fund-flow graph: conservation at every node, totals equal to the lines to the dollar,
transfers counted once, folding, focus, follow-a-dollar attribution, and the geometry."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetbench.core import flows, schema
from budgetbench.core.budget import Budget
from budgetbench.core.lens import Lens, apply_lens
from budgetbench.io.loader import load_budget

SAMPLES = Path(__file__).resolve().parents[2] / "sample_budgets"
SAMPLE_FILES = (
    "sycamore_springs_teaching.csv",
    "alder_valley_county_fy26.xlsx",
    "bayview_heights_fy26_proposed_messy.xlsx",
)
REAL_FILES = (
    "oakland/FY19-20__adopted.csv",
    "sacramento/City_of_Sacramento_Approved_Budgets.csv",
    "oakland/mayor-proposed-13-15.xlsx",
)
FOUR_LEVELS = ("category", "fund", "department", "program")
_LOADED: dict[str, Budget] = {}


def loaded(path: Path) -> Budget:
    key = str(path)
    if key not in _LOADED:
        _LOADED[key] = load_budget(path, use_cache=False)
    return _LOADED[key]


def sample(name: str) -> Budget:
    return loaded(SAMPLES / name)


def lines_of(rows: list[tuple]) -> pd.DataFrame:
    """Canonical lines from (direction, transfer, fund, category/account, department, amount)."""
    frame = pd.DataFrame(
        [
            {
                "fiscal_year": 2026,
                "phase": "adopted",
                "direction": d,
                "is_transfer": t,
                "fund_name": fund,
                "fund_type": "general" if fund == "General Fund" else "special_revenue",
                "category": cat,
                "account_name": cat,
                "department": dept,
                "amount": float(amount),
            }
            for d, t, fund, cat, dept, amount in rows
        ]
    )
    return schema.coerce(frame)


def check_graph(graph: flows.FlowGraph, lines: pd.DataFrame, netted=None) -> None:
    """Conservation at every node, and the signed totals equal the lines' to the dollar."""
    assert flows.conservation_errors(graph) == []
    revenue = (lines["direction"] == "revenue").to_numpy()
    transfer = lines["is_transfer"].to_numpy()
    amount = lines["amount"].to_numpy()
    totals = graph.totals()
    assert totals["revenue"] == pytest.approx(amount[revenue & ~transfer].sum(), abs=0.5)
    assert totals["spending"] == pytest.approx(amount[~revenue & ~transfer].sum(), abs=0.5)
    assert totals["transfers_in"] == pytest.approx(amount[revenue & transfer].sum(), abs=0.5)
    assert totals["transfers_out"] == pytest.approx(amount[~revenue & transfer].sum(), abs=0.5)
    if netted is not None:
        sign = np.where(netted["direction"] == "revenue", 1.0, -1.0)
        assert totals["netted"] == pytest.approx((netted["amount"] * sign).sum(), abs=0.5)
    # money in = money out, and each fund's gap is exactly its balance links
    inflow, outflow = graph.flows()
    kinds = graph.nodes["kind"].to_numpy()
    fund = kinds == flows.FUND
    assert np.allclose(inflow[fund], outflow[fund], atol=0.5)


def budget_totals(lines: pd.DataFrame, by: str, direction: str) -> dict[str, float]:
    """``Budget.totals`` of the ordinary lines (not transfers, not fund balance)."""
    keep = (lines["direction"] == direction) & ~lines["is_transfer"]
    text = lines["category"].astype(str) + " " + lines["account_name"].astype(str)
    keep &= ~text.str.contains("fund balance|reserve", case=False, regex=True)
    sub = Budget(lines=lines[keep].reset_index(drop=True))
    t = sub.totals([by])
    labels = t[by].astype(str).str.strip().replace("", flows.NOT_STATED)
    return dict(zip(labels, t["amount"], strict=True))


# ------------------------------------------------------------------------------------------
# conservation and totals, on the samples and real budgets
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLE_FILES)
@pytest.mark.parametrize("net", [False, True])
@pytest.mark.parametrize("levels", [flows.DEFAULT_LEVELS, FOUR_LEVELS])
def test_samples_conserve_and_match_the_budget_to_the_dollar(name, net, levels):
    budget = sample(name)
    lens = Lens(net_of_transfers=net)
    lines = apply_lens(budget, lens).lines
    netted = None
    if net:
        gross = apply_lens(budget, lens.with_(net_of_transfers=False)).lines
        netted = gross.loc[gross.index.difference(lines.index)]
    graph = flows.build_flows(lines, levels, netted=netted)
    check_graph(graph, lines, netted)
    # the samples have no negative pairs: every department and revenue box is its lines' total
    nodes = graph.nodes
    for column, by, direction in ((2, "department", "expense"), (0, "category", "revenue")):
        expected = budget_totals(lines, by, direction)
        kind = flows.USE if column == 2 else flows.SOURCE
        drawn = nodes[(nodes["column"] == column) & (nodes["kind"] == kind)]
        got = dict(zip(drawn["label"], drawn["value"], strict=True))
        expected = {k: v for k, v in expected.items() if abs(v) > 0}
        assert got.keys() == expected.keys()
        for k, v in expected.items():
            assert got[k] == pytest.approx(v, abs=0.5), k


@pytest.mark.parametrize("relative", REAL_FILES)
@pytest.mark.parametrize("net", [False, True])
def test_real_budgets_conserve_and_match_the_lines_to_the_dollar(realdata, relative, net):
    path = realdata(relative)
    if not path.exists():
        pytest.skip(f"{relative} is not in the real-data folder")
    budget = loaded(path)
    lens = Lens(net_of_transfers=net)
    lines = apply_lens(budget, lens).lines
    netted = None
    if net:
        gross = apply_lens(budget, lens.with_(net_of_transfers=False)).lines
        netted = gross.loc[gross.index.difference(lines.index)]
    for levels in (flows.DEFAULT_LEVELS, FOUR_LEVELS):
        graph = flows.build_flows(lines, levels, netted=netted)
        check_graph(graph, lines, netted)
        folded = flows.fold(graph, 0.02)
        assert flows.conservation_errors(folded) == []
        assert folded.totals()["revenue"] == pytest.approx(graph.totals()["revenue"], abs=0.5)
        assert folded.totals()["spending"] == pytest.approx(graph.totals()["spending"], abs=0.5)


def test_every_year_and_phase_of_a_sample_conserves():
    from budgetbench.core.lens import year_phases

    budget = sample("bayview_heights_fy26_proposed_messy.xlsx")
    for year, phase in year_phases(budget):
        lines = apply_lens(budget, Lens(fiscal_year=year, phase=phase)).lines
        check_graph(flows.build_flows(lines), lines)


# ------------------------------------------------------------------------------------------
# the money model on small, hand-checked budgets
# ------------------------------------------------------------------------------------------


def test_transfers_are_one_band_and_never_double_counted():
    lines = lines_of(
        [
            ("revenue", False, "General Fund", "Property Tax", "", 100),
            ("expense", False, "General Fund", "Salaries", "Police", 80),
            ("expense", True, "General Fund", "Transfer to Capital Fund", "Non-Dept", 20),
            ("revenue", True, "Capital Fund", "Transfer from General Fund", "", 20),
            ("expense", False, "Capital Fund", "Construction", "Public Works", 20),
        ]
    )
    g = flows.build_flows(lines)
    check_graph(g, lines)
    links = g.links
    bands = links[links["kind"] == flows.LINK_TRANSFER]
    assert len(bands) == 1
    (band,) = bands.itertuples()
    assert g.nodes.at[band.source, "label"] == "General Fund"
    assert g.nodes.at[band.target, "label"] == "Capital Fund"
    assert band.value == 20
    # not also revenue of the Capital Fund, nor spending of a department
    assert "Transfers" not in set(g.nodes["label"])
    assert set(g.nodes["kind"]) == {flows.SOURCE, flows.FUND, flows.USE}
    assert g.nodes.set_index("label").at["Capital Fund", "value"] == 20
    assert g.total == 100  # revenue in; the transfer does not add to it
    assert "Non-Dept" not in set(g.nodes["label"])


def test_transfers_pair_by_amount_when_no_side_names_the_other():
    lines = lines_of(
        [
            ("revenue", False, "Fund A", "Tax", "", 50),
            ("expense", True, "Fund A", "Operating Transfers", "Non", 7),
            ("expense", False, "Fund A", "Salaries", "Police", 43),
            ("revenue", True, "Fund B", "Interfund Transfers", "", 7),
            ("revenue", True, "Fund C", "Interfund Transfers", "", 3),
            ("expense", False, "Fund B", "Supplies", "Parks", 7),
            ("expense", False, "Fund C", "Supplies", "Parks", 3),
        ]
    )
    g = flows.build_flows(lines)
    check_graph(g, lines)
    labels = g.nodes["label"].to_numpy()
    pairs = {(labels[r.source], labels[r.target], r.kind, r.value) for r in g.links.itertuples()}
    assert ("Fund A", "Fund B", flows.LINK_TRANSFER, 7.0) in pairs
    # the transfer into Fund C has no partner: it comes from the pseudo-node, once
    assert (flows.TRANSFERS_IN, "Fund C", flows.NORMAL, 3.0) in pairs


def test_a_funds_gap_shows_as_fund_balance_or_reserves():
    lines = lines_of(
        [
            ("revenue", False, "General Fund", "Tax", "", 100),
            ("expense", False, "General Fund", "Salaries", "Police", 120),
            ("revenue", False, "Parks Fund", "Parcel Tax", "", 50),
            ("expense", False, "Parks Fund", "Salaries", "Parks", 40),
        ]
    )
    g = flows.build_flows(lines)
    check_graph(g, lines)
    by_label = g.nodes.set_index("label")
    assert by_label.at[flows.USE_OF_BALANCE, "value"] == 20
    assert by_label.at[flows.TO_RESERVES, "value"] == 10
    assert by_label.at[flows.USE_OF_BALANCE, "kind"] == flows.BALANCE
    assert g.totals()["use_of_fund_balance"] == 20
    assert g.totals()["added_to_reserves"] == 10


def test_budgeted_fund_balance_lines_go_through_the_balance_nodes():
    lines = lines_of(
        [
            ("revenue", False, "General Fund", "Tax", "", 90),
            ("revenue", False, "General Fund", "Use of Fund Balance", "", 10),
            ("expense", False, "General Fund", "Salaries", "Police", 95),
            ("expense", False, "General Fund", "Contribution to General Fund reserve", "Non", 5),
        ]
    )
    g = flows.build_flows(lines)
    check_graph(g, lines)
    by_label = g.nodes.set_index("label")
    assert by_label.at[flows.USE_OF_BALANCE, "value"] == 10
    assert by_label.at[flows.TO_RESERVES, "value"] == 5
    assert "Use of Fund Balance" not in by_label.index
    assert g.totals()["gap"] == 0  # planned, not a computed gap


def test_negative_pairs_are_netted_then_reflected():
    lines = lines_of(
        [
            ("revenue", False, "General Fund", "Tax", "", 100),
            ("expense", False, "General Fund", "Salaries", "Police", 100),
            ("expense", False, "General Fund", "Recoveries", "Police", -10),  # nets
            ("expense", False, "General Fund", "Recoveries", "Non", -5),  # stays negative
            ("revenue", False, "Gas Tax", "Sales Tax", "", -2),  # a refund
            ("revenue", False, "Gas Tax", "Gas Tax", "", 12),
            ("expense", False, "Gas Tax", "Roads", "Public Works", 10),
        ]
    )
    g = flows.build_flows(lines)
    check_graph(g, lines)
    by_label = g.nodes.set_index(["label", "column"])
    assert by_label.at[("Police", 2), "value"] == 90
    assert by_label.at[(flows.CREDITS, 0), "value"] == 5  # the recovery, as money in
    assert by_label.at[(flows.CREDITS, 2), "value"] == 2  # the refund, as money out
    assert (g.links["value"] > 0).all()


def test_blank_labels_are_not_stated_and_codes_name_funds():
    frame = pd.DataFrame(
        {
            "fiscal_year": [2026, 2026],
            "phase": ["adopted"] * 2,
            "direction": ["revenue", "expense"],
            "fund_code": ["1010", "1010"],
            "fund_name": ["", ""],
            "category": ["", "Salaries"],
            "department": ["", "  "],
            "amount": [5.0, 5.0],
        }
    )
    g = flows.build_flows(schema.coerce(frame))
    assert set(g.nodes["label"]) == {flows.NOT_STATED, "Fund 1010"}
    fund = g.find("Fund 1010")
    assert g.node(fund).filters == {"fund_code": "1010"}
    assert g.node(g.find(flows.NOT_STATED, column=2)).filters == {"department": ""}


def test_net_of_transfers_draws_what_it_left_out_instead_of_fund_balance():
    budget = sample("sycamore_springs_teaching.csv")
    gross = apply_lens(budget, Lens()).lines
    net = apply_lens(budget, Lens(net_of_transfers=True)).lines
    netted = gross.loc[gross.index.difference(net.index)]
    honest = flows.build_flows(net, netted=netted)
    check_graph(honest, net, netted)
    by_label = honest.nodes.set_index("label")
    # the sample's story: $6.0M carryover into capital, $0.6M to the General Fund reserve
    assert by_label.at[flows.USE_OF_BALANCE, "value"] == pytest.approx(6_000_000)
    assert by_label.at[flows.TO_RESERVES, "value"] == pytest.approx(600_000)
    assert honest.totals()["revenue"] == pytest.approx(148_000_000)  # README: $148.0M net
    naive = flows.build_flows(net)
    assert naive.nodes.set_index("label").at[flows.USE_OF_BALANCE, "value"] > 6_000_000


# ------------------------------------------------------------------------------------------
# fold, focus
# ------------------------------------------------------------------------------------------


def test_fold_threshold_folds_small_nodes_into_other():
    budget = sample("alder_valley_county_fy26.xlsx")
    lines = apply_lens(budget, Lens()).lines
    full = flows.build_flows(lines)
    folded = flows.build_flows(lines, fold_below=0.02)
    assert len(folded.nodes) < len(full.nodes)
    assert flows.conservation_errors(folded) == []
    threshold = 0.02 * full.total
    kinds = folded.nodes["kind"].to_numpy()
    values = folded.nodes["value"].to_numpy()
    ordinary = np.isin(kinds, (flows.SOURCE, flows.FUND, flows.USE))
    assert (values[ordinary] >= threshold - 0.5).all()
    others = folded.nodes[kinds == flows.OTHER]
    assert len(others) >= 2
    for row in others.itertuples():
        assert row.label == f"Other ({len(row.members)})"
        assert len(row.members) >= 2
    assert folded.total == pytest.approx(full.total, abs=0.5)
    # fold 0 changes nothing; a node asked to stay stays
    assert len(flows.fold(full, 0.0).nodes) == len(full.nodes)
    small = full.nodes[full.nodes["kind"] == flows.USE].sort_values("value").iloc[0]
    kept = flows.fold(full, 0.02, keep=[(int(small["column"]), small["label"])])
    assert kept.find_key(int(small["column"]), small["label"]) is not None


def test_focus_keeps_only_flows_through_the_node():
    budget = sample("sycamore_springs_teaching.csv")
    g = flows.build_flows(apply_lens(budget, Lens()).lines)
    police = g.find("Police")
    f = flows.focus(g, police)
    assert flows.conservation_errors(f) == []
    assert f.node(f.focused).label == "Police"
    assert f.node(f.focused).value == pytest.approx(g.node(police).value)
    labels = set(f.nodes["label"])
    assert "Fire" not in labels and "Public Works" not in labels
    assert "General Fund" in labels and "Property Tax" in labels
    # the Sewer fund is upstream through its transfer into the General Fund: Police's share
    _, gf_out = g.flows()
    share = g.node(police).value / gf_out[g.find("General Fund")]
    sewer = f.node(f.find("Sewer Enterprise Fund"))
    assert sewer.value == pytest.approx(3_500_000 * share)
    # the whole flow is Police's: money in equals Police's budget
    assert f.total == pytest.approx(g.node(police).value)
    # a source: everything downstream of it, proportionally
    tax = flows.focus(g, g.find("Property Tax"))
    assert flows.conservation_errors(tax) == []
    assert tax.total == pytest.approx(g.node(g.find("Property Tax")).value)


# ------------------------------------------------------------------------------------------
# follow a dollar
# ------------------------------------------------------------------------------------------


def parks_budget(transfer: float = 0.0) -> pd.DataFrame:
    rows = [
        ("revenue", False, "General Fund", "Property Tax", "", 60),
        ("revenue", False, "General Fund", "Sales Tax", "", 40),
        ("expense", False, "General Fund", "Salaries", "Police", 50),
        ("expense", False, "General Fund", "Salaries", "Parks", 50 - transfer),
        ("revenue", False, "Parks Fund", "Parcel Tax", "", 30),
        ("revenue", False, "Parks Fund", "Grants", "", 10),
        ("expense", False, "Parks Fund", "Salaries", "Parks", 40 + transfer),
    ]
    if transfer:
        rows += [
            ("expense", True, "General Fund", "Transfer to Parks Fund", "Non", transfer),
            ("revenue", True, "Parks Fund", "Transfer from General Fund", "", transfer),
        ]
    return lines_of(rows)


def test_follow_a_dollar_matches_a_hand_computed_example():
    g = flows.build_flows(parks_budget())
    a = flows.follow_dollar(g, g.find("Parks"))
    assert a.direction == "from"
    funds = {g.node(i).label: amount for i, amount in a.funds()}
    assert funds == pytest.approx({"General Fund": 50, "Parks Fund": 40})
    assert sum(funds.values()) == pytest.approx(g.node(g.find("Parks")).value)
    origins = {g.node(i).label: amount for i, amount in a.origins()}
    assert origins == pytest.approx(
        {"Property Tax": 30, "Sales Tax": 20, "Parcel Tax": 30, "Grants": 10}
    )
    # 50/90 = 55.6¢ → 56¢ (of which 60% property tax = 33.6 → 34¢, sales 22¢); 44¢ → 33¢ + 11¢
    assert a.sentences() == [
        "Of every $1 the Parks department spends, 56¢ comes from the General Fund, "
        "of which 34¢ is Property Tax and 22¢ Sales Tax.",
        "44¢ comes from the Parks Fund, of which 33¢ is Parcel Tax and 11¢ Grants.",
    ]


def test_follow_a_dollar_through_a_transfer_and_back():
    g = flows.build_flows(parks_budget(transfer=20))
    assert flows.conservation_errors(g) == []
    parks = flows.follow_dollar(g, g.find("Parks"))
    origins = {g.node(i).label: amount for i, amount in parks.origins()}
    # GF pays 30 directly and 20 through the Parks Fund: its $50 is 60/40 property/sales
    assert origins == pytest.approx(
        {"Property Tax": 30, "Sales Tax": 20, "Parcel Tax": 30, "Grants": 10}
    )
    assert sum(origins.values()) == pytest.approx(90)
    text = " ".join(parks.sentences())
    assert "transferred from the General Fund" in text
    assert "Traced back through transfers" in text
    # the reverse: where property tax ends up
    tax = flows.follow_dollar(g, g.find("Property Tax"))
    assert tax.direction == "to"
    ends = {g.node(i).label: amount for i, amount in tax.destinations()}
    assert ends == pytest.approx({"Police": 30, "Parks": 30})
    first = tax.sentences()[0]
    assert first.startswith("Of every $1 of Property Tax, 100¢ goes to the General Fund")
    assert "Police (50¢)" in first and "Parks (30¢)" in first


def test_follow_a_dollar_cents_add_up_to_one_dollar_on_real_shapes():
    budget = sample("alder_valley_county_fy26.xlsx")
    g = flows.build_flows(apply_lens(budget, Lens()).lines)
    uses = g.nodes.index[(g.nodes["kind"] == flows.USE).to_numpy()]
    for node in uses:
        a = flows.follow_dollar(g, int(node))
        value = g.node(int(node)).value
        assert sum(x for _, x in a.funds()) == pytest.approx(value, rel=1e-9)
        assert sum(x for _, x in a.origins()) == pytest.approx(value, rel=1e-9)
        text = " ".join(a.sentences(max_funds=10))
        fund_cents = [int(c) for c in re.findall(r"(\d+)¢ comes from", text)]
        rest = re.findall(r"The other (\d+)¢", text)
        assert sum(fund_cents) + sum(int(c) for c in rest) == 100


@given(st.lists(st.floats(min_value=0.0, max_value=1e9), min_size=1, max_size=12))
def test_cents_always_add_up(amounts):
    c = flows.cents(amounts)
    if sum(amounts) > 0:
        assert sum(c) == 100
        assert all(x >= 0 for x in c)
    else:
        assert c == [0] * len(amounts)


# ------------------------------------------------------------------------------------------
# geometry
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_layout_is_sane(name):
    budget = sample(name)
    g = flows.build_flows(apply_lens(budget, Lens()).lines, FOUR_LEVELS, fold_below=0.01)
    width, height = 1000.0, 600.0
    geo = flows.layout(g, width, height, gap=6.0)
    assert len(geo.nodes) == len(g.nodes)
    assert len(geo.bands) == len(g.links)
    values = g.nodes["value"].to_numpy()
    by_col: dict[int, list] = {}
    for box in geo.nodes:
        by_col.setdefault(box.column, []).append(box)
        # heights proportional to money
        assert box.height == pytest.approx(values[box.id] * geo.scale, abs=1e-6)
        assert 0 <= box.x0 < box.x1 <= width
        assert 0 <= box.y0 <= box.y1 <= height
    for boxes in by_col.values():  # no overlaps in a column, in order
        for a, b in itertools.pairwise(boxes):
            assert b.y0 >= a.y1 + 6.0 - 1e-6
    for band in geo.bands:
        s, t = geo.by_id[band.source], geo.by_id[band.target]
        # a band leaves within its source's edge and arrives within its target's
        assert s.y0 - 1e-6 <= band.y0 and band.y0 + band.thickness <= s.y1 + 1e-6
        assert t.y0 - 1e-6 <= band.y1 and band.y1 + band.thickness <= t.y1 + 1e-6
        assert band.thickness == pytest.approx(band.value * geo.scale)
        poly = band.polygon()
        assert poly.shape[1] == 2
        assert np.isfinite(poly).all()
        assert poly[:, 1].max() <= height + 1e-6
    if geo.lane is not None:  # transfer loops run below the funds
        fund_bottom = max(b.y1 for b in by_col[flows.FUND_COLUMN])
        assert geo.lane[1] >= fund_bottom - 1e-6


def test_hit_tests_find_nodes_and_bands():
    g = flows.build_flows(parks_budget(transfer=20))
    geo = flows.layout(g, 800, 500)
    for box in geo.nodes:
        assert geo.node_at(*box.center) == box.id
    for band in geo.bands:
        if band.is_loop or band.thickness < 2:
            continue
        xm = (band.x0 + band.x1) / 2
        ym = (band.y0 + band.y1) / 2 + band.thickness / 2
        assert geo.band_at(xm, ym) == band.link
    assert any(b.is_loop for b in geo.bands)  # the transfer is a loop under the funds
    assert geo.node_at(-50, -50) is None


def test_spread_labels_do_not_overlap_and_stay_inside():
    centers = [10, 11, 12, 13, 90, 91, 200]
    heights = [10] * 7
    out = flows.spread_labels(centers, heights, 0, 150, pad=2)
    order = np.argsort(out)
    tops = out[order] - 5
    assert (np.diff(tops) >= 12 - 1e-9).all()
    assert tops[0] >= 0 and tops[-1] + 10 <= 150 + 1e-9
    assert out[4] == pytest.approx(90, abs=25)


def test_layout_of_the_county_sample_takes_at_most_50_ms():
    budget = sample("alder_valley_county_fy26.xlsx")
    lines = apply_lens(budget, Lens()).lines
    flows.layout(flows.build_flows(lines, fold_below=0.02), 1200, 700)  # warm up
    best_build = best_refold = best_focus = np.inf
    for _ in range(3):
        t0 = time.perf_counter()
        full = flows.build_flows(lines)
        graph = flows.fold(full, 0.02)
        flows.layout(graph, 1200, 700)
        t1 = time.perf_counter()
        refolded = flows.fold(full, 0.05)
        flows.layout(refolded, 1200, 700)
        t2 = time.perf_counter()
        focused = flows.focus(graph, graph.find("General Fund"))
        flows.layout(focused, 1200, 700)
        t3 = time.perf_counter()
        best_build = min(best_build, t1 - t0)
        best_refold = min(best_refold, t2 - t1)
        best_focus = min(best_focus, t3 - t2)
    assert best_build <= 0.050, f"build + layout took {best_build * 1000:.1f} ms"
    assert best_refold <= 0.050, f"fold + layout took {best_refold * 1000:.1f} ms"
    assert best_focus <= 0.050, f"focus + layout took {best_focus * 1000:.1f} ms"


def test_carry_draws_the_unfolded_attribution_on_the_folded_graph():
    budget = sample("alder_valley_county_fy26.xlsx")
    full = flows.build_flows(apply_lens(budget, Lens()).lines)
    key = (2, "Social Services Agency")
    a = flows.follow_dollar(full, full.find_key(*key))
    folded = flows.fold(full, 0.02, keep=[key])
    h = flows.carry(a.links, full, folded)
    value = full.node(full.find_key(*key)).value
    cols = folded.nodes["column"].to_numpy()
    s = folded.links["source"].to_numpy()
    t = folded.links["target"].to_numpy()
    assert h[t == folded.find_key(*key)].sum() == pytest.approx(value)
    assert h[cols[s] == 0].sum() == pytest.approx(value)  # every cent traced to a source
    # folding makes "Other" both send to and receive from the General Fund; the highlight
    # does not follow that artificial loop
    gf = folded.find("General Fund")
    out_of_gf = (s == gf) & (folded.links["kind"].to_numpy() == flows.LINK_TRANSFER)
    assert h[out_of_gf].sum() == 0
