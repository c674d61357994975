"""Where does the money go: the drill-down tree, treemap layout and headlines
(budgetbench.core.explore)."""

from __future__ import annotations

import itertools
import math
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from budgetbench.core import explore as ex
from budgetbench.core import schema
from budgetbench.core.budget import Budget
from budgetbench.core.lens import Lens, apply_lens
from budgetbench.core.query import TableIndex, make_scope
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.io.loader import load_budget

SAMPLES = Path(__file__).resolve().parents[2] / "sample_budgets"


@pytest.fixture(scope="module")
def sycamore() -> Budget:
    return load_budget(SAMPLES / "sycamore_springs_teaching.csv")


@pytest.fixture(scope="module")
def alder() -> Budget:
    return load_budget(SAMPLES / "alder_valley_county_fy26.xlsx")


def small(rows: list[tuple]) -> pd.DataFrame:
    cols = ["fiscal_year", "phase", "direction", "fund_name", "fund_type", "department"]
    cols += ["account_name", "amount"]
    return schema.coerce(pd.DataFrame(rows, columns=cols))


def walk(node: ex.Node):
    yield node
    for child in node.children:
        yield from walk(child)


def label_of(level: str, value) -> str:
    return ex.level_label(level, value)


# --- totals ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", ["sycamore", "alder"])
@pytest.mark.parametrize("direction", ["expense", "revenue"])
def test_totals_at_every_level_equal_the_lines(request, sample, direction):
    budget = request.getfixturevalue(sample)
    lines = apply_lens(budget, Lens()).lines
    root = ex.build_tree(lines, ex.DEFAULT_LEVELS, direction)
    mine = lines[lines["direction"] == direction]
    assert root.amount == pytest.approx(mine["amount"].sum(), abs=0.5)
    assert root.n_lines == len(mine)
    levels = root.tree.levels
    for depth in range(1, len(levels) + 1):
        by = list(levels[:depth])
        expected = mine.groupby(by, observed=True)["amount"].sum()
        nodes = [n for n in walk(root) if n.depth == depth]
        assert len(nodes) == len(expected)
        for n in nodes:
            key = tuple(str(v) for _, v in n.key)
            want = expected.loc[key if depth > 1 else key[0]]
            assert n.amount == pytest.approx(want, abs=0.5), n.key
    for n in walk(root):  # every parent is the sum of its children, to the dollar
        if n.children:
            assert sum(c.amount for c in n.children) == pytest.approx(n.amount, abs=0.5)


@pytest.mark.parametrize("sample", ["sycamore", "alder"])
def test_shares_sum_to_one_hundred_percent(request, sample):
    root = ex.explore(request.getfixturevalue(sample), Lens()).root
    for n in walk(root):
        if n.children and n.amount:
            assert sum(c.share_of_parent for c in n.children) == pytest.approx(1.0)
            assert sum(c.share_of_total for c in n.children) == pytest.approx(n.share_of_total)
    assert root.share_of_total == 1.0 and root.share_of_parent == 1.0


def test_children_are_sorted_largest_first_and_blank_is_not_stated():
    lines = small(
        [
            (2026, "adopted", "expense", "General Fund", "general", "Police", "Pay", 5.0),
            (2026, "adopted", "expense", "General Fund", "general", "", "Pay", 9.0),
            (2026, "adopted", "expense", "General Fund", "general", "Fire", "Pay", 7.0),
            (2026, "adopted", "expense", "Gas Tax", "special_revenue", "Streets", "Pay", 1.0),
        ]
    )
    root = ex.build_tree(lines, ("fund_name", "department"))
    gf = root.children[0]
    assert [c.label for c in gf.children] == [ex.NOT_STATED, "Fire", "Police"]
    assert gf.children[0].value == ""  # the filter still selects the blank lines
    assert [c.row for c in gf.children] == [0, 1, 2]


def test_uniform_and_empty_levels_are_skipped_and_kept_in_the_filters(sycamore):
    e = ex.explore(sycamore, Lens(general_fund_only=True))
    tree = e.root.tree
    assert tree.levels == ("department", "account_name")
    assert tree.fixed == {
        "fund_type": "general",
        "fund_name": "General Fund",
        "division": "",
        "program": "",
    }
    assert set(tree.empty_levels) == {"division", "program"}
    police = e.root.child("Police")
    assert police is not None
    assert police.filters["fund_name"] == "General Fund"


def test_unknown_levels_are_refused():
    lines = small([(2026, "adopted", "expense", "GF", "general", "A", "B", 1.0)])
    with pytest.raises(ValueError, match="unknown level"):
        ex.build_tree(lines, ("fund", "department"))
    with pytest.raises(ValueError, match="only once"):
        ex.build_tree(lines, ("department", "department"))


# --- comparison --------------------------------------------------------------------------------


def test_comparison_change_and_groups_only_in_one_side():
    now = small(
        [
            (2026, "adopted", "expense", "GF", "general", "Police", "Pay", 110.0),
            (2026, "adopted", "expense", "GF", "general", "Parks", "Pay", 50.0),
            (2026, "adopted", "expense", "GF", "general", "Housing", "Pay", 20.0),
        ]
    )
    before = small(
        [
            (2025, "adopted", "expense", "GF", "general", "Police", "Pay", 100.0),
            (2025, "adopted", "expense", "GF", "general", "Parks", "Pay", 60.0),
            (2025, "adopted", "expense", "GF", "general", "Library", "Pay", 15.0),
        ]
    )
    root = ex.build_tree(now, ("department",), compare_lines=before)
    by = {c.label: c for c in root.children}
    assert set(by) == {"Police", "Parks", "Housing", "Library"}
    assert by["Police"].change == 10 and by["Police"].change_pct == pytest.approx(0.10)
    assert by["Parks"].change == -10 and by["Parks"].change_pct == pytest.approx(-1 / 6)
    assert by["Housing"].compare == 0 and math.isnan(by["Housing"].change_pct)  # new
    assert by["Library"].amount == 0 and by["Library"].change == -15  # gone
    assert by["Library"].n_lines == 0
    assert root.amount == 180 and root.compare == 175 and root.change == 5
    assert [c.label for c in root.children][-1] == "Library"  # zero amounts last
    plain = ex.build_tree(now, ("department",))
    assert math.isnan(plain.compare) and math.isnan(plain.change_pct)


def test_explore_compares_another_year_with_the_same_lens(sycamore):
    e = ex.explore(sycamore, Lens(general_fund_only=True), compare=(2025, "adopted"))
    assert e.compare == (2025, "adopted") and not e.variance_mode
    police = e.root.child("Police")
    assert police.amount == 35_905_000
    assert police.compare == 34_735_000
    assert police.change == 1_170_000
    assert e.title(e.root).startswith("General Fund spending grows 4.6% ($4.3M) from FY2025")


def test_aliases_join_renamed_departments_so_change_is_right():
    lines = small(
        [
            (2026, "adopted", "expense", "GF", "general", "Parks and Recreation", "Pay", 120.0),
            (2025, "adopted", "expense", "GF", "general", "Parks & Rec", "Pay", 100.0),
        ]
    )
    budget = Budget(lines=lines)
    e = ex.explore(budget, Lens(), levels=("department",), compare=(2025, "adopted"))
    assert len(e.root.children) == 2  # without aliases: one new, one gone
    assert ex.alias_suggestions(lines) == [("Parks & Rec", "Parks and Recreation")]
    budget.meta["aliases"] = {"Parks & Rec": "Parks and Recreation"}
    e = ex.explore(budget, Lens(), levels=("department",), compare=(2025, "adopted"))
    (parks,) = e.root.children
    assert parks.change == 20 and parks.change_pct == pytest.approx(0.2)
    # the filters for the Data view match the old name in the file too
    filters = e.line_filters(parks)
    assert filters["department"] == ("Parks & Rec", "Parks and Recreation")


# --- levels ------------------------------------------------------------------------------------


def test_reordering_levels_keeps_the_totals(alder):
    lines = apply_lens(alder, Lens()).lines
    fund_first = ex.build_tree(lines, ex.DEFAULT_LEVELS)
    dept_first = ex.build_tree(lines, ex.DEPARTMENT_LEVELS)
    assert dept_first.tree.levels[0] == "department"
    assert dept_first.amount == pytest.approx(fund_first.amount)
    by_dept: dict[str, float] = {}
    for n in walk(fund_first):
        if n.level == "department":
            by_dept[n.value] = by_dept.get(n.value, 0.0) + n.amount
    assert {c.value: c.amount for c in dept_first.children} == pytest.approx(by_dept)


def test_by_object_preset(sycamore):
    e = ex.explore(sycamore, Lens(general_fund_only=True), levels=ex.BY_OBJECT)
    by = {c.label: c.amount for c in e.root.children}
    assert by["Personnel"] == 54_880_000
    assert by["Retirement"] == 15_680_000  # normal cost and the UAL payment
    assert by["Transfers"] == 5_900_000
    assert list(by) == sorted(by, key=by.get, reverse=True)
    assert ex.headline(e.root) == "Personnel is 56% of General Fund spending"
    rev = ex.explore(sycamore, Lens(), direction="revenue", levels=ex.BY_OBJECT)
    assert rev.root.children[0].label == "Taxes"


@pytest.mark.parametrize(
    ("direction", "transfer", "category", "account", "expected"),
    [
        ("expense", False, "Salaries & Employee Benefits", "Retirement - UAL", "Retirement"),
        ("expense", False, "Salaries & Employee Benefits", "Health Insurance", "Personnel"),
        ("expense", False, "Personnel Services", "CalPERS UAL Payment (citywide)", "Retirement"),
        ("expense", False, "Other Charges", "Benefit Payments", "Other"),
        ("expense", False, "Other Charges", "Bond Interest", "Debt service"),
        ("expense", False, "Non-Personnel", "Capital Outlay", "Capital"),
        ("expense", False, "Non-Personnel", "Professional Services", "Services & supplies"),
        ("expense", False, "Fixed Assets", "Equipment", "Capital"),
        ("expense", True, "Other Charges", "Interfund - Fleet", "Transfers"),
        ("expense", False, "Intrafund Transfers", "Intrafund Reimbursements", "Other"),
        ("revenue", False, "Taxes", "Sales & Use Tax", "Taxes"),
        (
            "revenue",
            False,
            "Licenses, Permits & Franchises",
            "Franchises",
            "Licenses, permits & fines",
        ),
        (
            "revenue",
            False,
            "Intergovernmental Revenue - State",
            "State - Other",
            "Intergovernmental",
        ),
        ("revenue", False, "Other Financing Sources", "Use of Fund Balance", "Fund balance"),
        ("revenue", True, "Other Financing Sources", "Operating Transfer In", "Transfers in"),
        ("revenue", False, "Charges for Services", "Patient Revenue - Medi-Cal", "Charges & fees"),
    ],
)
def test_object_classes(direction, transfer, category, account, expected):
    assert ex.object_class(direction, transfer, category, account) == expected


# --- filters for the Data view -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lens", "direction", "levels"),
    [
        (Lens(), "expense", ex.DEFAULT_LEVELS),
        (Lens(general_fund_only=True, net_of_transfers=True), "expense", ex.DEFAULT_LEVELS),
        (Lens(net_of_transfers=True), "revenue", ex.DEFAULT_LEVELS),
        (Lens(restricted="restricted"), "expense", ex.DEPARTMENT_LEVELS),
        (Lens(fiscal_year=2024, phase="actual"), "expense", ex.BY_OBJECT),
    ],
)
def test_line_filters_select_exactly_the_nodes_lines(alder, lens, direction, levels):
    e = ex.explore(alder, lens, direction, levels)
    index = TableIndex(alder.lines)
    amounts = alder.lines["amount"].to_numpy()
    nodes = [e.root, *e.root.children[:3]]
    nodes += [c for n in nodes[1:] for c in n.children[:2]]
    for node in nodes:
        mask = index.scope_mask(make_scope(e.line_filters(node)))
        assert mask is not None
        assert amounts[mask].sum() == pytest.approx(node.amount, abs=0.5), node
        assert int(mask.sum()) == node.n_lines


def test_selection_label(sycamore):
    e = ex.explore(sycamore, Lens(general_fund_only=True))
    police = e.root.child("Police")
    assert e.selection_label(police) == "FY2026 proposed · General Fund spending ▸ Police"


def test_find_and_descend(alder):
    e = ex.explore(alder, Lens())
    found = e.root.find({"department": "Sheriff - Custody", "fiscal_year": 2026})
    assert found.label == "Sheriff - Custody"
    assert found.path[1].level == "fund_type"  # crossed the levels it was not given
    assert e.root.descend(found.key) is found
    assert e.root.find({"department": "No such department"}) is e.root
    assert e.root.tree.by_uid(found.uid) is found


# --- treemap -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(800.0, 450.0), (300.0, 700.0)])
def test_treemap_rects_tile_the_area_in_proportion(alder, width, height):
    root = ex.explore(alder, Lens(general_fund_only=True)).root
    rects = ex.treemap_rects(root, width, height)
    kids = [c for c in root.children if c.amount > 0]
    assert [r[0] for r in rects] == kids
    areas = np.array([w * h for _, _, _, w, h in rects])
    assert areas.sum() == pytest.approx(width * height)
    amounts = np.array([c.amount for c in kids])
    assert areas / areas.sum() == pytest.approx(amounts / amounts.sum())
    for _, x, y, w, h in rects:
        assert x >= -1e-6 and y >= -1e-6 and x + w <= width + 1e-6 and y + h <= height + 1e-6
    for (_, x1, y1, w1, h1), (_, x2, y2, w2, h2) in itertools.combinations(rects, 2):
        overlap_w = min(x1 + w1, x2 + w2) - max(x1, x2)
        overlap_h = min(y1 + h1, y2 + h2) - max(y1, y2)
        assert overlap_w <= 1e-6 or overlap_h <= 1e-6


def test_treemap_leaves_out_negative_and_zero_amounts_and_says_so():
    lines = small(
        [
            (2026, "adopted", "expense", "GF", "general", "Police", "Pay", 100.0),
            (2026, "adopted", "expense", "GF", "general", "Fire", "Pay", 50.0),
            (2026, "adopted", "expense", "GF", "general", "Recoveries", "Pay", -20.0),
            (2026, "adopted", "expense", "GF", "general", "Zero", "Pay", 0.0),
        ]
    )
    root = ex.build_tree(lines, ("department",))
    rects = ex.treemap_rects(root, 100, 100)
    assert [r[0].label for r in rects] == ["Police", "Fire"]
    assert [n.label for n in ex.treemap_excluded(root)] == ["Zero", "Recoveries"]
    note = ex.excluded_note(root)
    assert "Recoveries -$20" in note and "1 at $0" in note
    assert ex.treemap_rects(root, 0, 100) == []


# --- words -------------------------------------------------------------------------------------


def test_headline_states_the_point(sycamore):
    e = ex.explore(sycamore, Lens(general_fund_only=True))
    assert ex.headline(e.root) == "Police and Fire are 58% of General Fund spending"
    police = e.root.child("Police")
    assert ex.headline(police) == "Salaries & benefits are 73% of Police spending"
    leaf = police.children[0]
    assert ex.headline(leaf) == "Salaries & benefits are 73% of Police spending"
    e = ex.explore(sycamore, Lens())
    assert ex.headline(e.root) == "General Fund is 59% of all spending"


def test_headline_when_nothing_dominates_and_for_one_item():
    rows = [
        (2026, "adopted", "expense", "GF", "general", f"Dept {i}", "Pay", 10.0 - i * 0.1)
        for i in range(10)
    ]
    root = ex.build_tree(small(rows), ("department",))
    assert ex.headline(root) == ("All spending is spread out: the largest part, Dept 0, is 10%")
    one = ex.build_tree(small(rows[:1]), ("department", "account_name"), skip_uniform=False)
    assert ex.headline(one) == "Dept 0 is 100% of all spending"


def test_change_headline_and_variance():
    now = small([(2024, "actual", "expense", "GF", "general", "Police", "Pay", 95.0)])
    now = pd.concat(
        [now, small([(2024, "actual", "expense", "GF", "general", "Fire", "Pay", 50.0)])]
    )
    budget_lines = small(
        [
            (2024, "adopted", "expense", "GF", "general", "Police", "Pay", 100.0),
            (2024, "adopted", "expense", "GF", "general", "Fire", "Pay", 50.0),
        ]
    )
    budget = Budget(lines=schema.coerce(pd.concat([now, budget_lines])))
    e = ex.explore(budget, Lens(fiscal_year=2024, phase="actual"), compare=(2024, "adopted"))
    assert e.variance_mode
    assert e.title(e.root) == (
        "All spending: actual was 3.3% ($5) under budget; Police ran $5 under"
    )
    v = ex.variance(100, 95, "expense")
    assert (v.amount, v.favourable) == (-5, True)
    assert ex.variance(100, 105, "revenue").favourable is True
    assert ex.variance(100, 100).words() == "actual matched the budget"


def test_budget_vs_actual_pairs():
    yps = [(2026, "proposed"), (2025, "adopted"), (2025, "actual"), (2024, "actual")]
    assert ex.budget_vs_actual(yps) == ((2025, "adopted"), (2025, "actual"))
    assert ex.actual_comparison(yps) == ((2025, "actual"), (2025, "adopted"), True)
    sycamore_like = [(2026, "proposed"), (2025, "adopted"), (2024, "actual")]
    assert ex.budget_vs_actual(sycamore_like) is None
    assert ex.actual_comparison(sycamore_like) == ((2025, "adopted"), (2024, "actual"), False)
    assert ex.actual_comparison([(2026, "adopted")]) is None
    amended = [(2025, "adopted"), (2025, "amended"), (2025, "actual")]
    assert ex.budget_vs_actual(amended) == ((2025, "amended"), (2025, "actual"))


def test_net_of_transfers_states_what_it_removed_from_this_direction(sycamore):
    spend = ex.explore(sycamore, Lens(general_fund_only=True, net_of_transfers=True))
    assert spend.root.amount == 92_100_000
    assert (spend.transfers_removed, spend.internal_charges_removed) == (5_900_000, 0)
    rev = ex.explore(sycamore, Lens(net_of_transfers=True), direction="revenue")
    assert rev.root.amount == 148_000_000
    assert (rev.transfers_removed, rev.internal_charges_removed) == (9_400_000, 8_000_000)


def test_per_resident_and_real_dollars_scale_the_tree(sycamore):
    budget = Budget(lines=sycamore.lines, population=85_000)
    e = ex.explore(budget, Lens(general_fund_only=True, per_resident=True))
    assert e.root.amount == pytest.approx(98_000_000 / 85_000)
    assert e.root.child("Police").share_of_parent == pytest.approx(35_905_000 / 98_000_000)


# --- speed -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big() -> pd.DataFrame:
    return synthetic_lines(200_000)


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def test_a_200k_line_budget_builds_its_tree_in_100_ms(big):
    root = ex.build_tree(big, ex.DEFAULT_LEVELS)
    assert len(root.tree) > 20_000  # every (fund, department, division, program, account)
    assert root.amount == pytest.approx(big.loc[big["direction"] == "expense", "amount"].sum())
    assert best_of(3, lambda: ex.build_tree(big, ex.DEFAULT_LEVELS)) <= 0.100
    assert best_of(3, lambda: ex.build_tree(big, ex.BY_OBJECT)) <= 0.100


def test_a_200k_line_budget_compares_two_years_in_100_ms(big):
    year = big["fiscal_year"].to_numpy()
    adopted = (big["phase"] == "adopted").to_numpy()
    now, before = big[(year == 2026) & adopted], big[(year == 2025) & adopted]
    assert best_of(3, lambda: ex.build_tree(now, ex.DEFAULT_LEVELS, compare_lines=before)) <= 0.1
