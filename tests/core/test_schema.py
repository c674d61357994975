"""The canonical table's contract: columns, dtypes, and coercion of partial frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from budgetbench.core import schema
from budgetbench.core.budget import Budget


def partial(**extra):
    base = {
        "fiscal_year": [2026, 2026],
        "phase": ["Adopted", "adopted"],
        "direction": ["revenue", "expense"],
        "amount": [1.5, 2],
    }
    base.update(extra)
    return pd.DataFrame(base)


def test_coerce_fills_missing_columns_with_canonical_defaults():
    df = schema.coerce(partial())
    schema.validate(df)
    assert list(df.columns) == list(schema.COLUMNS)
    assert df["fund_code"].tolist() == ["", ""]
    assert df["restricted"].astype(str).tolist() == ["unknown", "unknown"]
    assert df["phase"].astype(str).tolist() == ["adopted", "adopted"]
    assert not df["is_transfer"].any()


def test_missing_transfer_flags_are_false_not_true():
    df = schema.coerce(partial(is_transfer=[np.nan, True]))
    assert df["is_transfer"].tolist() == [False, True]


def test_codes_stay_text():
    df = schema.coerce(partial(fund_code=["0100", "IP01"]))
    assert df["fund_code"].tolist() == ["0100", "IP01"]


def test_bad_category_value_is_an_error():
    with pytest.raises(ValueError, match="not a valid direction"):
        schema.coerce(partial(direction=["revenue", "spending"]))


def test_phase_and_direction_are_required():
    with pytest.raises(ValueError, match="phase"):
        schema.coerce(partial().drop(columns="phase"))


def test_budget_totals_by_any_column():
    b = Budget(lines=schema.coerce(partial(fund_name=["General Fund", "Parks"])))
    assert b.totals().amount.tolist() == [3.5]
    t = b.totals(["direction"])
    assert dict(zip(t.direction, t.amount, strict=True)) == {"revenue": 1.5, "expense": 2.0}
    with pytest.raises(ValueError, match="cannot group by nope"):
        b.totals(["nope"])
    assert b.fiscal_years == [2026]


def test_budget_rejects_a_non_canonical_frame():
    with pytest.raises(ValueError, match="columns differ"):
        Budget(lines=partial())
