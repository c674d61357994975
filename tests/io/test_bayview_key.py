"""The messy Bayview Heights export imports to exactly its answer key, cell for cell."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from budgetbench.core import schema
from budgetbench.io.loader import load_budget

SAMPLES = Path(__file__).resolve().parents[2] / "sample_budgets"


@pytest.fixture(scope="module")
def imported():
    return load_budget(SAMPLES / "bayview_heights_fy26_proposed_messy.xlsx", use_cache=False)


def answer_key() -> pd.DataFrame:
    key = pd.read_csv(SAMPLES / "bayview_heights_fy26_clean.csv", dtype=str, keep_default_na=False)
    key = key.assign(
        fiscal_year=key.fiscal_year.astype(int),
        amount=key.amount.astype(float),
        src_row=key.src_row.astype(int),
        src_col=key.src_col.astype(int),
        is_transfer=key.is_transfer == "True",
    )
    return schema.coerce(key)


def by_cell(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["src_sheet", "src_row", "src_col"]).reset_index(drop=True)


def test_reproduces_the_answer_key_exactly(imported):
    pd.testing.assert_frame_equal(by_cell(imported.lines), by_cell(answer_key()))


def test_the_report_explains_the_cleanup(imported):
    report = imported.report
    assert report.unit_scale == 1000  # "(amounts in thousands)" in the title
    assert report.sheets == ["Expenditures", "Revenues"]  # not the Positions sheet
    assert report.skipped["repeated header"] >= 2
    assert report.skipped["total or subtotal"] > 40
    # The typed-in subtotal that is off by one ($000) is reported with its cell, and the
    # formula totals above it carry the difference.
    differing = [r for r in report.reconciliations if not r.ok]
    assert differing and all(abs(r.difference) == 1000 for r in differing)
    assert any("Total Non-Personnel" in r.label and "I111" in r.label for r in differing)


def test_department_checksums(imported):
    sums = pd.read_csv(SAMPLES / "bayview_heights_fy26_department_totals.csv")
    lines = imported.lines
    for rec in sums.itertuples():
        got = lines[
            (lines.department == rec.department)
            & (lines.fiscal_year == rec.fiscal_year)
            & (lines.phase == rec.phase)
        ].amount.sum()
        assert got == rec.amount, rec
