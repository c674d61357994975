"""The toggles every view shares: one year and phase, General Fund only, net of transfers,
restricted money, per resident, inflation."""

from __future__ import annotations

import pandas as pd
import pytest

from budgetbench.core import schema
from budgetbench.core.budget import Budget
from budgetbench.core.lens import Lens, apply_lens, default_year_phase, year_phases
from budgetbench.io.resources import cpi_u


def budget() -> Budget:
    rows = [
        # year, phase, direction, transfer, fund, type, restricted, dept, amount
        (
            2026,
            "adopted",
            "expense",
            False,
            "General Fund",
            "general",
            "unrestricted",
            "Police",
            60,
        ),
        (2026, "adopted", "expense", True, "General Fund", "general", "unrestricted", "Non", 10),
        (2026, "adopted", "revenue", False, "General Fund", "general", "unrestricted", "", 70),
        (2026, "adopted", "revenue", True, "Capital", "capital", "restricted", "", 10),
        (2026, "adopted", "expense", False, "Capital", "capital", "restricted", "Parks", 10),
        (2026, "adopted", "revenue", False, "Fleet", "internal_service", "restricted", "", 5),
        (2026, "adopted", "expense", False, "Fleet", "internal_service", "restricted", "PW", 5),
        (2025, "actual", "expense", False, "General Fund", "general", "unrestricted", "Police", 50),
    ]
    cols = [
        "fiscal_year",
        "phase",
        "direction",
        "is_transfer",
        "fund_name",
        "fund_type",
        "restricted",
        "department",
        "amount",
    ]
    return Budget(lines=schema.coerce(pd.DataFrame(rows, columns=cols)), population=1000)


def total(result, **where) -> float:
    df = result.lines
    for k, v in where.items():
        df = df[df[k].astype(str) == v]
    return float(df.amount.sum())


def test_default_is_the_newest_budget_phase():
    assert default_year_phase(budget()) == (2026, "adopted")
    assert year_phases(budget()) == [(2026, "adopted"), (2025, "actual")]


def test_general_fund_only_and_restricted():
    b = budget()
    assert total(apply_lens(b, Lens(general_fund_only=True)), direction="expense") == 70
    assert total(apply_lens(b, Lens(restricted="restricted")), direction="revenue") == 15


def test_net_of_transfers_states_what_it_removed():
    r = apply_lens(budget(), Lens(net_of_transfers=True))
    # 60 + 10 (capital); the 10 transfer out and the fleet fund's 5 (paid by charges) are gone
    assert total(r, direction="expense") == 70
    assert total(r, direction="revenue") == 70  # transfer in and fleet charges gone
    assert (r.transfers_removed, r.internal_charges_removed) == (20, 5)


def test_per_resident_and_real_dollars():
    b = budget()
    r = apply_lens(b, Lens(fiscal_year=2025, per_resident=True))
    assert r.phase == "actual"
    assert total(r) == pytest.approx(0.05)
    cpi = cpi_u()
    r = apply_lens(b, Lens(fiscal_year=2025, real_dollars_year=2024), cpi=cpi)
    assert total(r) == pytest.approx(50)  # 2025 is past the table: priced like 2024
    assert any("no price index for 2025" in n for n in r.notes)
    r = apply_lens(b, Lens(fiscal_year=2025), cpi=cpi)
    assert total(r) == 50


def test_aliases_join_renamed_departments():
    b = budget()
    b.meta["aliases"] = {"Non": "Non-Departmental"}
    r = apply_lens(b, Lens())
    assert "Non-Departmental" in set(r.lines.department)


def test_cpi_table_is_shipped_and_sane():
    cpi = cpi_u()
    assert cpi[2008] == pytest.approx(215.303)
    assert all(cpi[y] < cpi[y + 1] for y in range(2010, 2024))


def test_fiduciary_funds_are_left_out_unless_asked():
    b = budget()
    extra = schema.coerce(
        pd.DataFrame(
            {
                "fiscal_year": [2026],
                "phase": ["adopted"],
                "direction": ["expense"],
                "fund_name": ["Retirement Trust"],
                "fund_type": ["fiduciary"],
                "amount": [1000.0],
            }
        )
    )
    b = Budget(lines=pd.concat([b.lines, extra], ignore_index=True))
    r = apply_lens(b, Lens())
    assert "Retirement Trust" not in set(r.lines.fund_name)
    assert r.fiduciary_removed == 1000
    assert any("fiduciary funds" in n for n in r.notes)
    assert "Retirement Trust" in set(apply_lens(b, Lens(include_fiduciary=True)).lines.fund_name)
