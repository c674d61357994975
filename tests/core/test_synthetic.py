"""Generated canonical line items (budgetbench.core.synthetic)."""

from __future__ import annotations

import pytest

from budgetbench.core import schema
from budgetbench.core.synthetic import YEAR_PHASES, synthetic_lines


@pytest.mark.parametrize("n", [0, 1, 7, 600, 5_000])
def test_exactly_n_canonical_rows(n):
    df = synthetic_lines(n)
    schema.validate(df)
    assert len(df) == n


def test_deterministic_per_seed():
    a, b, c = synthetic_lines(2_000), synthetic_lines(2_000), synthetic_lines(2_000, seed=1)
    assert a.equals(b)
    assert not a.equals(c)


def test_looks_like_a_city_budget():
    df = synthetic_lines(30_000)
    assert 35 <= df["fund_name"].nunique() <= 45
    assert 25 <= df["department"].nunique() <= 30
    assert 150 <= df["account_name"].nunique() <= 220
    assert set(zip(df["fiscal_year"], df["phase"], strict=True)) == set(YEAR_PHASES)
    assert set(df["direction"]) == {"revenue", "expense"}
    # one amount per line, fiscal year and phase
    assert not df.duplicated(["line_key", "fiscal_year", "phase"]).any()
    # codes keep their leading zeros
    assert "0100" in set(df["fund_code"])
    # taxes are booked centrally, and an enterprise fund pays for its own department
    assert set(df.loc[df["category"] == "Taxes", "department"]) <= {"Finance", "Non-Departmental"}
    assert set(df.loc[df["fund_name"] == "Water Utility", "department"]) <= {"Water"}
    # transfers are flagged, a few lines are reductions
    assert df.loc[df["is_transfer"], "category"].str.startswith("Transfers").all()
    assert 0 < (df["amount"] < 0).mean() < 0.05
    # revenue and spending of a year and phase are of the same size
    totals = df.groupby(["fiscal_year", "phase", "direction"], observed=True)["amount"].sum()
    ratio = totals.xs("revenue", level="direction") / totals.xs("expense", level="direction")
    assert ratio.between(0.8, 1.25).all()


def test_negative_size_is_an_error():
    with pytest.raises(ValueError):
        synthetic_lines(-1)
