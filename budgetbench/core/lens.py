"""What a trainer toggles before looking: one year and phase, General Fund only or all funds,
net of transfers, restricted or not, per resident, in today's dollars.

Every view (Explore, Flows, later Tradeoffs) asks :func:`apply_lens` for its lines, so the
toggles mean the same thing everywhere and the amounts a toggle removes are stated.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from budgetbench.core.budget import Budget
from budgetbench.core.format import format_money
from budgetbench.core.i18n import translate


@dataclass(frozen=True)
class Lens:
    """A choice of lines and units. ``None`` for year/phase means "the budget's default"."""

    fiscal_year: int | None = None
    phase: str | None = None
    general_fund_only: bool = False
    #: drop interfund transfers and internal-service charges, so nothing is counted twice
    net_of_transfers: bool = False
    #: "restricted", "unrestricted", or None for both
    restricted: str | None = None
    per_resident: bool = False
    #: express amounts in this year's prices (CPI-U), or None for the budget's own dollars
    real_dollars_year: int | None = None
    #: fiduciary funds hold money for others (a retirement trust, an investment pool): they
    #: are shown for the record, not counted in the government's own budget
    include_fiduciary: bool = False

    def with_(self, **changes) -> Lens:
        return replace(self, **changes)


@dataclass
class LensResult:
    """The lines a lens selects, and what it did to get them (for the views to say)."""

    lines: pd.DataFrame
    fiscal_year: int
    phase: str
    #: amounts removed by "net of transfers": interfund transfers, internal-service charges
    transfers_removed: float = 0.0
    internal_charges_removed: float = 0.0
    #: spending and income of fiduciary funds left out (money held for others)
    fiduciary_removed: float = 0.0
    #: the factor amounts were multiplied by (per resident, inflation), 1 if none
    scale: float = 1.0
    notes: list[str] = field(default_factory=list)


#: Phases in the order a learner would pick one by default (the newest plan first).
_PHASE_PREFERENCE = ("adopted", "proposed", "recommended", "amended", "estimate", "actual")


def default_year_phase(budget: Budget) -> tuple[int, str]:
    """The newest fiscal year, and its most "budget-like" phase (adopted before actual)."""
    lines = budget.lines
    if lines.empty:
        raise ValueError("the budget has no lines")
    year = int(lines["fiscal_year"].max())
    phases = {str(p) for p in lines.loc[lines["fiscal_year"] == year, "phase"].unique()}
    phase = next(p for p in (*_PHASE_PREFERENCE, *sorted(phases)) if p in phases)
    return year, phase


def year_phases(budget: Budget) -> list[tuple[int, str]]:
    """Every (fiscal year, phase) the budget holds, newest first."""
    pairs = budget.lines[["fiscal_year", "phase"]].astype({"phase": str}).drop_duplicates()
    order = {p: i for i, p in enumerate(_PHASE_PREFERENCE)}
    return sorted(
        ((int(y), str(p)) for y, p in pairs.itertuples(index=False)),
        key=lambda yp: (-yp[0], order.get(yp[1], 99)),
    )


def apply_aliases(lines: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    """Departments renamed across years, joined under one name (``{"Non": "Non-Departmental"}``)."""
    if not aliases:
        return lines
    out = lines.copy()
    out["department"] = out["department"].replace(aliases).astype("string")
    return out


def apply_lens(budget: Budget, lens: Lens, cpi: dict[int, float] | None = None) -> LensResult:
    """The lines ``lens`` selects, with amounts in the units it asks for."""
    lines = budget.lines
    if lens.fiscal_year is None:
        year, phase = default_year_phase(budget)
        phase = lens.phase or phase
    else:
        year, phase = lens.fiscal_year, lens.phase
    mask = (lines["fiscal_year"] == year).to_numpy().copy()  # narrowed in place below
    if phase is None:  # a year was chosen without a phase: its most budget-like one
        phases = {str(p) for p in lines.loc[mask, "phase"].unique()}
        phase = next((p for p in _PHASE_PREFERENCE if p in phases), next(iter(phases), "adopted"))
    mask &= (lines["phase"] == phase).to_numpy()
    result = LensResult(lines=lines, fiscal_year=year, phase=phase)
    if not lens.include_fiduciary:
        fiduciary = (lines["fund_type"] == "fiduciary").to_numpy()
        if (mask & fiduciary).any():
            spent = mask & fiduciary & (lines["direction"] == "expense").to_numpy()
            result.fiduciary_removed = float(lines.loc[spent, "amount"].sum())
            result.notes.append(
                translate(
                    "lens",
                    "fiduciary funds (money held for others, such as a retirement trust) are "
                    "not counted: {amount} of their spending is left out",
                ).format(amount=format_money(result.fiduciary_removed))
            )
            mask &= ~fiduciary
    if lens.general_fund_only:
        mask &= (lines["fund_type"] == "general").to_numpy()
    if lens.restricted is not None:
        mask &= (lines["restricted"] == lens.restricted).to_numpy()
    if lens.net_of_transfers:
        transfer = lines["is_transfer"].to_numpy(dtype=bool)
        # An internal service fund (fleet, IT) is paid by charges in the departments' budgets:
        # its income and its spending are the departments' spending counted a second time.
        internal = (lines["fund_type"] == "internal_service").to_numpy() & ~transfer
        charges = internal & (lines["direction"] == "revenue").to_numpy()
        result.transfers_removed = float(lines.loc[mask & transfer, "amount"].sum())
        result.internal_charges_removed = float(lines.loc[mask & charges, "amount"].sum())
        mask &= ~(transfer | internal)
    selected = apply_aliases(lines.loc[mask], budget.meta.get("aliases", {}))
    scale = 1.0
    if lens.real_dollars_year is not None and cpi:
        scale *= inflation_factor(cpi, year, lens.real_dollars_year, result.notes)
    if lens.per_resident:
        if not budget.population:
            result.notes.append(
                translate("lens", "no population is set for this budget: amounts are totals")
            )
        else:
            scale /= budget.population
    if scale != 1.0:
        selected = selected.copy()
        selected["amount"] = selected["amount"].to_numpy() * scale
    result.lines = selected
    result.scale = scale
    return result


def inflation_factor(
    cpi: dict[int, float], from_year: int, to_year: int, notes: list[str]
) -> float:
    """Multiply ``from_year`` dollars by this to get ``to_year`` dollars (CPI-U annual averages).

    Years past the table are priced like its last year, and a note says so.
    """
    last = max(cpi)
    first = min(cpi)
    for y in (from_year, to_year):
        if y > last:
            notes.append(
                translate(
                    "lens", "no price index for {year} yet: {year} is priced like {last}"
                ).format(year=y, last=last)
            )
        elif y < first:
            notes.append(
                translate(
                    "lens", "no price index before {first}: {year} is priced like {first}"
                ).format(year=y, first=first)
            )
    a = cpi[int(np.clip(from_year, first, last))]
    b = cpi[int(np.clip(to_year, first, last))]
    return b / a
