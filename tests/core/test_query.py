"""Search, filter and sort of the canonical table (budgetbench.core.query)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetbench.core import schema
from budgetbench.core.query import (
    MIN_LINE_KEY_WORD,
    SEARCH_COLUMNS,
    Query,
    TableIndex,
    fold,
    make_scope,
    parse_amount,
    search_terms,
)


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "fiscal_year": 2026,
        "phase": "adopted",
        "direction": "expense",
        "fund_code": "100",
        "fund_name": "General Fund",
        "fund_type": "general",
        "department": "Police",
        "account_name": "Salaries",
        "amount": 0.0,
    }
    return schema.coerce(pd.DataFrame([{**base, **r} for r in rows]))


@pytest.fixture
def table() -> pd.DataFrame:
    return frame(
        [
            {"department": "Police", "account_name": "Overtime", "amount": 500.0},
            {"department": "Fire", "account_name": "Overtime", "amount": 300.0},
            {"department": "Police", "account_name": "Vehicles", "amount": 1_000.0},
            {
                "department": "Parks",
                "fund_name": "Gas Tax Fund",
                "fund_type": "special_revenue",
                "fund_code": "0210",
                "amount": 300.0,
            },
            {"department": "Library", "direction": "revenue", "amount": 50.0, "fiscal_year": 2025},
            {"department": "police oversight", "account_name": "Audits", "amount": -20.0},
        ]
    )


def shown(index: TableIndex, **kw) -> list[int]:
    return index.apply(Query(**kw)).tolist()


def test_no_query_shows_every_row_in_table_order(table):
    index = TableIndex(table)
    rows = index.apply(Query())
    assert rows.dtype == np.int64
    assert rows.tolist() == list(range(len(table)))


def test_search_is_case_insensitive_substring_in_any_column(table):
    index = TableIndex(table)
    assert shown(index, search="POLICE") == [0, 2, 5]
    assert shown(index, search="overt") == [0, 1]
    assert shown(index, search="gas tax") == [3]  # fund name, two words
    assert shown(index, search="0210") == [3]  # fund code keeps its leading zero


def test_search_words_must_all_match_each_in_any_column(table):
    index = TableIndex(table)
    assert shown(index, search="police overtime") == [0]
    assert shown(index, search="overtime police") == [0]
    assert shown(index, search="police nothing-like-this") == []


def test_quoted_phrase_must_match_as_a_whole(table):
    index = TableIndex(table)
    assert shown(index, search='"police oversight"') == [5]
    assert shown(index, search="police oversight") == [5]
    assert shown(index, search='"fund general"') == []


def test_category_found_as_stored_and_as_shown(table):
    index = TableIndex(table)
    assert shown(index, search="special_revenue") == [3]
    assert shown(index, search='"special revenue"') == [3]
    assert shown(index, search="revenue") == [3, 4]  # fund type, and the direction


def test_fiscal_year_is_searched_as_text(table):
    index = TableIndex(table)
    assert shown(index, search="2025") == [4]
    assert shown(index, search="FY2025") == [4]
    assert shown(index, search="2026 library") == []


def test_search_ignores_accents():
    index = TableIndex(frame([{"department": "Policía"}, {"department": "Bomberos"}]))
    assert shown(index, search="policia") == [0]
    assert shown(index, search="POLICÍA") == [0]


def test_short_words_do_not_match_line_keys_by_chance():
    df = frame([{"line_key": "00fee0bad0c0ffee"}, {"line_key": "1234", "account_name": "Fees"}])
    index = TableIndex(df)
    assert shown(index, search="fee") == [1]
    assert shown(index, search="00fee0bad") == [0]
    assert MIN_LINE_KEY_WORD == 8


def test_blank_search_and_whitespace_mean_no_filter(table):
    index = TableIndex(table)
    assert shown(index, search="   ") == list(range(len(table)))
    assert search_terms('  Police  "general   FUND" police ') == ("police", "general fund")


def test_amount_range_is_inclusive_and_open_ended(table):
    index = TableIndex(table)
    assert shown(index, min_amount=300) == [0, 1, 2, 3]
    assert shown(index, max_amount=300) == [1, 3, 4, 5]
    assert shown(index, min_amount=300, max_amount=500) == [0, 1, 3]
    assert shown(index, min_amount=2000) == []
    assert shown(index, min_amount=500, max_amount=300) == []


def test_sort_numeric_both_ways_with_stable_ties(table):
    index = TableIndex(table)
    assert shown(index, sort_column="amount") == [5, 4, 1, 3, 0, 2]
    # ties (rows 1 and 3, both 300) keep table order in both directions
    assert shown(index, sort_column="amount", ascending=False) == [2, 0, 1, 3, 4, 5]


def test_sort_text_case_insensitively_with_stable_ties(table):
    index = TableIndex(table)
    assert shown(index, sort_column="department") == [1, 4, 3, 0, 2, 5]
    assert shown(index, sort_column="department", ascending=False) == [5, 0, 2, 3, 4, 1]


def test_sort_category_and_bool_and_year(table):
    index = TableIndex(table)
    assert shown(index, sort_column="direction") == [0, 1, 2, 3, 5, 4]
    assert shown(index, sort_column="direction", ascending=False) == [4, 0, 1, 2, 3, 5]
    assert shown(index, sort_column="fund_type") == [0, 1, 2, 4, 5, 3]
    assert shown(index, sort_column="fiscal_year") == [4, 0, 1, 2, 3, 5]
    assert shown(index, sort_column="is_transfer", ascending=False) == [0, 1, 2, 3, 4, 5]


def test_filtering_after_sorting_keeps_the_sort_and_reuses_it(table):
    index = TableIndex(table)
    first = index.apply(Query(sort_column="amount", ascending=False))
    perm = index.sort_order("amount", False)
    rows = index.apply(Query(search="police", sort_column="amount", ascending=False))
    assert rows.tolist() == [2, 0, 5]
    assert index.sort_order("amount", False) is perm  # not sorted again
    assert first.tolist() == [2, 0, 1, 3, 4, 5]


def test_unknown_sort_column_is_an_error(table):
    with pytest.raises(ValueError, match="unknown column"):
        TableIndex(table).apply(Query(sort_column="nope"))


def test_empty_table_and_empty_results():
    index = TableIndex(schema.empty_frame())
    assert len(index) == 0
    assert index.apply(Query()).tolist() == []
    assert index.apply(Query(search="x", sort_column="department")).tolist() == []
    assert index.sum_amount(index.apply(Query())) == 0.0
    assert index.summary(np.empty(0, np.int64)).count == 0
    assert index.is_blank("division")


def test_sum_amount_and_summary(table):
    index = TableIndex(table)
    rows = index.apply(Query(search="police"))
    assert index.sum_amount(rows) == pytest.approx(1_480.0)
    s = index.summary(index.apply(Query()))
    assert s.count == 6
    assert s.revenue == pytest.approx(50.0)
    assert s.expense == pytest.approx(2_080.0)
    assert s.total == pytest.approx(2_130.0)
    assert (s.years, s.phases) == (2, 1)


def test_values_and_blank_columns(table):
    index = TableIndex(table)
    assert index.value("fund_code", 3) == "0210"
    assert index.value("amount", 0) == 500.0
    assert index.value("fiscal_year", 4) == 2025
    assert index.value("is_transfer", 0) is False
    assert index.value("fund_type", 3) == "special_revenue"
    assert index.is_blank("division")
    assert not index.is_blank("department")
    assert not index.is_blank("amount")


def test_not_a_canonical_table():
    with pytest.raises(ValueError, match="missing"):
        TableIndex(pd.DataFrame({"amount": [1.0]}))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("  ", None),
        ("1000", 1000.0),
        ("1,000", 1000.0),
        ("$1,234,567.50", 1234567.5),
        ("1.5M", 1_500_000.0),
        ("250k", 250_000.0),
        ("250 K", 250_000.0),
        ("2b", 2e9),
        ("-5k", -5000.0),
        ("−5k", -5000.0),
        ("(1,000)", -1000.0),
        ("$ 12", 12.0),
        (".5m", 500_000.0),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "1,00", "1.2.3", "5x", "k", "$", "1,0000", "--5"])
def test_parse_amount_rejects_what_is_not_an_amount(text):
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount(text)


def test_fold():
    assert fold("Policía ÁREA") == "policia area"
    assert fold("Straße") == "strasse"


# --- property: apply agrees with a plain pandas implementation -------------------------------

_TEXT = ["Police", "police", "POLICE dept", "Fire", "Policía", "", "Zoo", "apple", "Ápple", "ab"]
_WORDS = ["pol", "ICE", "fire", "a", "ápp", "2025", "fy2026", "special", "revenue", "zz", "p"]
_WORDS += ['"police dept"', "e", "00", "general_fund"]


def _reference(df: pd.DataFrame, q: Query) -> list[int]:
    n = len(df)
    keep = np.ones(n, dtype=bool)
    for term in search_terms(q.search):
        hit = np.zeros(n, dtype=bool)
        for c in SEARCH_COLUMNS:
            if c == "line_key" and len(term) < MIN_LINE_KEY_WORD:
                continue
            for i, v in enumerate(df[c].astype(str)):
                texts = [v, v.replace("_", " ")] if c in schema.CATEGORIES else [v]
                if c == "fiscal_year":
                    texts = [f"fy{v}"]
                if any(term in fold(t) for t in texts):
                    hit[i] = True
        keep &= hit
    if q.min_amount is not None:
        keep &= df["amount"].to_numpy() >= q.min_amount
    if q.max_amount is not None:
        keep &= df["amount"].to_numpy() <= q.max_amount
    rows = [i for i in range(n) if keep[i]]
    if q.sort_column is None:
        return rows
    col = df[q.sort_column]
    if q.sort_column in schema.TEXT_COLUMNS or q.sort_column in schema.CATEGORIES:
        vals = [str(v) for v in col.astype(str)]

        def key(i):
            return (fold(vals[i]), vals[i])
    else:
        vals = col.tolist()

        def key(i):
            return vals[i]

    return sorted(rows, key=key, reverse=not q.ascending)


@st.composite
def frames_and_queries(draw):
    n = draw(st.integers(0, 25))
    text = st.sampled_from(_TEXT)
    rows = []
    for _ in range(n):
        rows.append(
            {
                "fiscal_year": draw(st.sampled_from([2024, 2025, 2026])),
                "phase": draw(st.sampled_from(["adopted", "actual", "proposed"])),
                "direction": draw(st.sampled_from(["revenue", "expense"])),
                "is_transfer": draw(st.booleans()),
                "fund_code": draw(st.sampled_from(["100", "0100", "210", "IP01"])),
                "fund_name": draw(text),
                "fund_type": draw(st.sampled_from(["general", "special_revenue", "unknown"])),
                "department": draw(text),
                "program": draw(text),
                "account_name": draw(text),
                "recurring": draw(st.sampled_from(["ongoing", "one_time"])),
                "amount": draw(st.sampled_from([0.0, -5.0, 1.5, 100.0, 100.0, 2e6, 12.25])),
                "line_key": draw(st.sampled_from(["a1b2c3d4e5f60718", "00ff00ff00ff00ff", ""])),
                "src_row": draw(st.integers(1, 5)),
            }
        )
    df = schema.coerce(pd.DataFrame(rows)) if rows else schema.empty_frame()
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=3))
    bounds = st.one_of(st.none(), st.sampled_from([-10.0, 0.0, 1.5, 100.0, 1e6]))
    q = Query(
        search=" ".join(words),
        min_amount=draw(bounds),
        max_amount=draw(bounds),
        sort_column=draw(st.one_of(st.none(), st.sampled_from(schema.COLUMNS))),
        ascending=draw(st.booleans()),
    )
    return df, q


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames_and_queries())
def test_apply_matches_pandas_reference(case):
    df, q = case
    index = TableIndex(df)
    assert index.apply(q).tolist() == _reference(df, q)
    # the same index answers a second, different query correctly too (caches are keyed)
    q2 = Query(search=q.search, sort_column=q.sort_column, ascending=not q.ascending)
    assert index.apply(q2).tolist() == _reference(df, q2)


# --- scope: the lines of one group (Explore's "Show these lines") -------------------------------


def scoped(index: TableIndex, filters: dict, **kw) -> list[int]:
    return index.apply(Query(scope=make_scope(filters), **kw)).tolist()


def test_scope_matches_every_filter_exactly(table):
    index = TableIndex(table)
    assert scoped(index, {"department": "Police"}) == [0, 2]  # not "police oversight"
    assert scoped(index, {"department": "Police", "account_name": "Overtime"}) == [0]
    assert scoped(index, {"fund_type": "special_revenue"}) == [3]
    assert scoped(index, {"fund_code": "0210"}) == [3]
    assert scoped(index, {"fund_code": "210"}) == []  # codes are text: leading zeros count
    assert scoped(index, {"fiscal_year": 2025}) == [4]
    assert scoped(index, {"fiscal_year": "2026", "direction": "revenue"}) == []
    assert scoped(index, {"department": "Nobody"}) == []
    assert scoped(index, {"is_transfer": False}) == list(range(6))


def test_scope_values_in_a_tuple_match_any_of_them(table):
    index = TableIndex(table)
    assert scoped(index, {"department": ("Fire", "Parks")}) == [1, 3]
    assert scoped(index, {"department": ["Parks", "Fire", "Nobody"]}) == [1, 3]
    assert scoped(index, {"department": ()}) == []


def test_scope_on_several_columns_together(table):
    index = TableIndex(table)
    key = ("department", "account_name")
    pairs = (("Police", "Vehicles"), ("Fire", "Overtime"), ("Fire", "Vehicles"))
    assert scoped(index, {key: pairs}) == [1, 2]
    assert scoped(index, {("is_transfer", "department"): ((False, "Library"),)}) == [4]


def test_scope_combines_with_search_amounts_and_sort(table):
    index = TableIndex(table)
    police = {"department": ("Police", "Fire")}
    assert scoped(index, police, search="overtime") == [0, 1]
    assert scoped(index, police, min_amount=400) == [0, 2]
    assert scoped(index, police, sort_column="amount", ascending=False) == [2, 0, 1]
    assert Query(scope=make_scope(police)).is_filtered
    assert not Query().is_filtered


def test_scope_refuses_columns_it_cannot_match(table):
    index = TableIndex(table)
    with pytest.raises(ValueError, match="cannot scope"):
        index.scope_mask(make_scope({"amount": 500.0}))
    with pytest.raises(ValueError, match="cannot scope"):
        index.scope_mask(make_scope({"no_such_column": 1}))


def test_make_scope_is_hashable_and_order_free_within_a_value():
    a = make_scope({"department": ["Police", "Fire"], ("category", "account_name"): [("b", "a")]})
    b = make_scope({"department": {"Fire", "Police"}, ("category", "account_name"): [("b", "a")]})
    assert a == b and hash(a) == hash(b)
    assert a[1] == (("category", "account_name"), (("b", "a"),))  # inner tuples keep order


def test_scope_of_a_million_rows_is_fast():
    import time

    from budgetbench.core.synthetic import synthetic_lines

    index = TableIndex(synthetic_lines(1_000_000))
    scope = make_scope(
        {"fiscal_year": 2026, "phase": "adopted", "direction": "expense", "department": "Police"}
    )
    index.scope_mask(scope)
    index.forget()
    started = time.perf_counter()
    rows = index.apply(Query(scope=scope))
    assert time.perf_counter() - started < 0.15
    assert len(rows) > 0
