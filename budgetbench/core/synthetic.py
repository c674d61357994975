"""Generated, realistic-looking canonical line items of any size (for benchmarks and tests).

The numbers are invented but shaped like a mid-sized city budget: a General Fund that carries
most of the lines, special revenue, capital, debt service, enterprise and internal service funds,
about thirty departments with divisions and programs, and about two hundred revenue and expense
accounts. Every line appears once per (fiscal year x phase), as an import of a wide sheet would
produce. The same ``n`` and ``seed`` always give the same table.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from budgetbench.core import schema

#: (fiscal year, phase) pairs every line is reported for, in source-column order.
YEAR_PHASES: tuple[tuple[int, str], ...] = tuple(
    (year, phase) for year in (2024, 2025, 2026) for phase in ("adopted", "actual")
)

# --- funds -----------------------------------------------------------------------------------

_FUND_SPECS: tuple[tuple[str, str, int, float], ...] = (
    # (fund type, restricted, how many funds, weight of each)
    ("general", "unrestricted", 1, 15.0),
    ("special_revenue", "restricted", 18, 1.0),
    ("capital", "restricted", 6, 1.0),
    ("debt_service", "restricted", 3, 0.6),
    ("enterprise", "unrestricted", 7, 2.0),
    ("internal_service", "unrestricted", 4, 1.2),
    ("fiduciary", "restricted", 1, 0.4),
)

_FUND_NAMES: dict[str, tuple[str, ...]] = {
    "general": ("General Fund",),
    "special_revenue": (
        "Gas Tax Fund",
        "Measure A Transportation Sales Tax",
        "Housing Successor Fund",
        "Community Development Block Grant",
        "Library Parcel Tax",
        "Parks Maintenance District",
        "Lighting and Landscape District",
        "Asset Forfeiture Fund",
        "Public Art Fund",
        "Affordable Housing Trust",
        "Emergency Medical Services Tax",
        "Opioid Settlement Fund",
        "Air Quality Fund",
        "Traffic Safety Fund",
        "Park Impact Fees",
        "Homeless Housing Assistance Grant",
        "Downtown Business Improvement District",
        "Cannabis Tax Fund",
    ),
    "capital": (
        "Capital Improvement Fund",
        "Streets Capital Fund",
        "Facilities Renewal Fund",
        "Measure B Infrastructure Bond",
        "Storm Drain Capital Fund",
        "Parks Capital Fund",
    ),
    "debt_service": (
        "General Obligation Debt Service",
        "Lease Revenue Bonds Debt Service",
        "Pension Obligation Bonds Debt Service",
    ),
    "enterprise": (
        "Water Utility",
        "Wastewater Utility",
        "Solid Waste and Recycling",
        "Airport",
        "Marina",
        "Golf Courses",
        "Parking Fund",
    ),
    "internal_service": (
        "Fleet Services",
        "Information Technology Services",
        "Risk Management",
        "Workers' Compensation",
    ),
    "fiduciary": ("Retiree Health Trust",),
}

_FUND_CODE_BASE: dict[str, int] = {
    "general": 100,
    "special_revenue": 210,
    "capital": 410,
    "debt_service": 310,
    "enterprise": 510,
    "internal_service": 610,
    "fiduciary": 710,
}

# --- departments -----------------------------------------------------------------------------

_DEPARTMENTS: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    # (department, weight, divisions)
    ("Police", 9.0, ("Patrol", "Investigations", "Support Services", "Communications")),
    ("Fire", 7.0, ("Suppression", "Prevention", "Emergency Medical Services")),
    ("Public Works", 6.0, ("Streets", "Engineering", "Fleet", "Facilities")),
    ("Parks and Recreation", 4.0, ("Parks", "Recreation", "Aquatics")),
    ("Library", 2.5, ("Branches", "Technical Services")),
    ("Housing and Community Development", 2.5, ("Housing", "Neighborhood Services")),
    ("Planning and Building", 2.0, ("Planning", "Building Inspection")),
    ("Transportation", 3.0, ("Traffic Engineering", "Parking", "Transit")),
    ("Water", 3.5, ("Treatment", "Distribution", "Customer Service")),
    ("Wastewater", 2.5, ("Collection", "Treatment Plant")),
    ("Environmental Services", 2.0, ("Solid Waste", "Sustainability")),
    ("Finance", 2.0, ("Accounting", "Budget", "Revenue Collection", "Purchasing")),
    ("Human Resources", 1.5, ("Recruitment", "Benefits", "Labor Relations")),
    ("Information Technology", 2.0, ("Infrastructure", "Applications")),
    ("City Attorney", 1.0, ("Advisory", "Litigation")),
    ("City Clerk", 0.7, ("Records", "Elections")),
    ("City Manager", 1.0, ("Administration", "Communications")),
    ("Mayor and Council", 0.6, ("Council Offices",)),
    ("Economic Development", 1.0, ("Business Services", "Real Estate")),
    ("Airport", 2.0, ("Operations", "Maintenance")),
    ("Human Services", 1.5, ("Aging and Adult Services", "Youth Services")),
    ("Homelessness Response", 1.5, ("Shelter Operations", "Outreach")),
    ("Code Enforcement", 0.8, ("Inspections",)),
    ("Emergency Management", 0.6, ("Preparedness",)),
    ("Animal Services", 0.6, ("Shelter", "Field Services")),
    ("Arts and Culture", 0.5, ("Cultural Affairs",)),
    ("Police Oversight", 0.3, ("Investigations and Audits",)),
    ("Risk Management", 0.6, ("Claims", "Safety")),
    ("Non-Departmental", 1.5, ("Citywide",)),
    ("Debt Management", 0.5, ("Debt Administration",)),
)

_PROGRAM_SUFFIXES: tuple[str, ...] = ("Operations", "Administration", "Grants", "Projects")

# --- accounts --------------------------------------------------------------------------------

_REVENUE_ACCOUNTS: dict[str, tuple[str, ...]] = {
    "Taxes": (
        "Property Tax - Secured",
        "Property Tax - Unsecured",
        "Property Tax in Lieu of VLF",
        "Sales and Use Tax",
        "Transaction and Use Tax",
        "Transient Occupancy Tax",
        "Business License Tax",
        "Utility Users Tax",
        "Real Property Transfer Tax",
        "Franchise Fees",
        "Parcel Tax",
        "Cannabis Business Tax",
    ),
    "Licenses and Permits": (
        "Building Permits",
        "Electrical Permits",
        "Plumbing Permits",
        "Encroachment Permits",
        "Alarm Permits",
        "Animal Licenses",
    ),
    "Intergovernmental": (
        "Federal Grants",
        "State Grants",
        "County Grants",
        "Highway Users Tax",
        "Public Safety Sales Tax",
        "Federal Emergency Reimbursement",
        "State Mandated Cost Reimbursement",
    ),
    "Charges for Services": (
        "Water Sales",
        "Sewer Service Charges",
        "Refuse Collection Fees",
        "Recreation Program Fees",
        "Plan Check Fees",
        "Ambulance Transport Fees",
        "Parking Meter Revenue",
        "Landing Fees",
        "Facility Rentals",
        "Interdepartmental Charges",
        "Development Impact Fees",
        "Library Fees",
    ),
    "Fines and Forfeitures": (
        "Parking Citations",
        "Vehicle Code Fines",
        "Administrative Citations",
        "Asset Forfeiture",
    ),
    "Use of Money and Property": (
        "Interest Income",
        "Rents and Concessions",
        "Lease Revenue",
        "Unrealized Gains and Losses",
    ),
    "Other Revenue": (
        "Donations",
        "Sale of Surplus Property",
        "Settlements",
        "Miscellaneous Revenue",
        "Bond Proceeds",
    ),
    "Transfers In": (
        "Transfer In from General Fund",
        "Transfer In from Special Revenue",
        "Transfer In for Debt Service",
        "Transfer In for Capital Projects",
    ),
}

_EXPENSE_ACCOUNTS: dict[str, tuple[str, ...]] = {
    "Salaries and Wages": (
        "Regular Salaries - Sworn",
        "Regular Salaries - Civilian",
        "Temporary Salaries",
        "Overtime",
        "Holiday Pay",
        "Shift Differential",
        "Vacation Payout",
        "Special Assignment Pay",
        "Standby Pay",
        "Acting Pay",
    ),
    "Benefits": (
        "Pension - Normal Cost",
        "Pension - Unfunded Liability",
        "Health Insurance",
        "Dental Insurance",
        "Vision Insurance",
        "Retiree Health",
        "Workers' Compensation",
        "Medicare",
        "Life Insurance",
        "Unemployment Insurance",
        "Deferred Compensation Match",
        "Long-Term Disability",
    ),
    "Services and Supplies": (
        "Office Supplies",
        "Operating Supplies",
        "Uniforms",
        "Ammunition",
        "Small Tools",
        "Fuel",
        "Chemicals",
        "Books and Periodicals",
        "Software Licenses",
        "Postage",
        "Printing",
        "Professional Services",
        "Contract Services",
        "Legal Services",
        "Consulting",
        "Audit Services",
        "Janitorial Services",
        "Security Services",
        "Electricity",
        "Natural Gas",
        "Water and Sewer",
        "Telephone",
        "Internet Services",
        "Rent and Leases",
        "Equipment Rental",
        "Repairs and Maintenance",
        "Vehicle Maintenance",
        "Building Maintenance",
        "Training",
        "Travel",
        "Memberships and Dues",
        "Advertising",
        "Insurance Premiums",
        "Claims and Judgments",
        "Bank Fees",
        "Community Grants",
        "Rental Assistance",
        "Shelter Contracts",
        "Election Costs",
        "Medical Supplies",
        "Laboratory Services",
        "Tree Trimming",
        "Landscaping",
        "Street Sweeping",
        "Graffiti Abatement",
    ),
    "Internal Service Charges": (
        "Fleet Charges",
        "IT Charges",
        "Risk Management Charges",
        "Facilities Charges",
        "Workers' Compensation Charges",
        "Overhead Allocation",
    ),
    "Capital Outlay": (
        "Land",
        "Buildings",
        "Improvements Other Than Buildings",
        "Vehicles",
        "Fire Apparatus",
        "Computer Equipment",
        "Machinery and Equipment",
        "Street Resurfacing",
        "Sidewalk Repair",
        "Storm Drain Improvements",
        "Park Improvements",
        "Water Main Replacement",
        "Sewer Main Replacement",
        "Traffic Signals",
    ),
    "Debt Service": (
        "Principal",
        "Interest",
        "Fiscal Agent Fees",
        "Bond Issuance Costs",
        "Lease Payments",
    ),
    "Transfers Out": (
        "Transfer Out to General Fund",
        "Transfer Out to Capital Projects",
        "Transfer Out to Debt Service",
        "Transfer Out to Special Revenue",
        "Transfer Out to Enterprise",
    ),
    "Other Expenditures": (
        "Contingency",
        "Reserves Contribution",
        "Payments to Other Agencies",
        "Tax Sharing Payments",
        "Miscellaneous Expenditures",
        "Depreciation",
        "Bad Debt Expense",
        "Refunds",
        "Cost Recovery",
    ),
}

#: Typical size of one line in each account category (median dollars), and its spread.
_CATEGORY_SCALE: dict[str, tuple[float, float]] = {
    "Taxes": (2_500_000.0, 1.4),
    "Licenses and Permits": (150_000.0, 1.0),
    "Intergovernmental": (600_000.0, 1.3),
    "Charges for Services": (400_000.0, 1.4),
    "Fines and Forfeitures": (80_000.0, 1.0),
    "Use of Money and Property": (120_000.0, 1.1),
    "Other Revenue": (50_000.0, 1.2),
    "Transfers In": (900_000.0, 1.2),
    "Salaries and Wages": (650_000.0, 1.2),
    "Benefits": (220_000.0, 1.1),
    "Services and Supplies": (60_000.0, 1.3),
    "Internal Service Charges": (90_000.0, 0.9),
    "Capital Outlay": (400_000.0, 1.5),
    "Debt Service": (500_000.0, 1.0),
    "Transfers Out": (900_000.0, 1.2),
    "Other Expenditures": (70_000.0, 1.3),
}

_CATEGORY_WEIGHT: dict[str, float] = {
    "Taxes": 0.6,
    "Licenses and Permits": 0.5,
    "Intergovernmental": 0.8,
    "Charges for Services": 1.0,
    "Fines and Forfeitures": 0.4,
    "Use of Money and Property": 0.5,
    "Other Revenue": 0.5,
    "Transfers In": 0.4,
    "Salaries and Wages": 4.0,
    "Benefits": 4.0,
    "Services and Supplies": 5.0,
    "Internal Service Charges": 2.0,
    "Capital Outlay": 1.2,
    "Debt Service": 0.4,
    "Transfers Out": 0.4,
    "Other Expenditures": 0.8,
}

_ONE_TIME_CATEGORIES = frozenset({"Capital Outlay"})
_ONE_TIME_ACCOUNTS = frozenset(
    {"Bond Proceeds", "Settlements", "Sale of Surplus Property", "Federal Emergency Reimbursement"}
)
_REDUCTION_ACCOUNTS = frozenset({"Cost Recovery", "Refunds", "Unrealized Gains and Losses"})

#: Largest adopted spending of one fiscal year; bigger tables get smaller lines.
_MAX_YEAR_EXPENSE = 4_000_000_000.0


def _funds() -> pd.DataFrame:
    rows = []
    for ftype, restricted, count, weight in _FUND_SPECS:
        names = _FUND_NAMES[ftype][:count]
        for i, name in enumerate(names):
            code = _FUND_CODE_BASE[ftype] + 10 * i if ftype != "general" else 100
            rows.append((f"{code:04d}", name, ftype, restricted, weight))
    return pd.DataFrame(rows, columns=["fund_code", "fund_name", "fund_type", "restricted", "w"])


def _programs() -> pd.DataFrame:
    rows = []
    for dept, weight, divisions in _DEPARTMENTS:
        for division in divisions:
            suffixes = _PROGRAM_SUFFIXES[: 2 if len(divisions) > 2 else 3]
            for suffix in suffixes:
                rows.append((dept, division, f"{division} {suffix}", weight / len(divisions)))
    return pd.DataFrame(rows, columns=["department", "division", "program", "w"])


def _accounts() -> pd.DataFrame:
    rows = []
    for direction, groups, first in (
        ("revenue", _REVENUE_ACCOUNTS, 40000),
        ("expense", _EXPENSE_ACCOUNTS, 50000),
    ):
        code = first
        for category, names in groups.items():
            code = (code // 1000 + 1) * 1000
            for name in names:
                code += 10
                rows.append(
                    (
                        direction,
                        str(code),
                        name,
                        category,
                        category.startswith("Transfers"),
                        "one_time"
                        if category in _ONE_TIME_CATEGORIES or name in _ONE_TIME_ACCOUNTS
                        else "ongoing",
                        _CATEGORY_WEIGHT[category] / len(names),
                    )
                )
    return pd.DataFrame(
        rows,
        columns=[
            "direction",
            "account_code",
            "account_name",
            "category",
            "is_transfer",
            "recurring",
            "w",
        ],
    )


#: Where revenue is booked: taxes and transfers centrally, fines by the departments that issue them.
_REVENUE_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Taxes": ("Non-Departmental", "Finance"),
    "Licenses and Permits": (
        "Planning and Building",
        "Police",
        "Fire",
        "Animal Services",
        "Public Works",
        "Finance",
    ),
    "Fines and Forfeitures": ("Police", "Transportation", "Code Enforcement", "City Clerk"),
    "Use of Money and Property": ("Non-Departmental", "Finance", "Economic Development"),
    "Transfers In": ("Non-Departmental",),
}
_EXPENSE_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Debt Service": ("Debt Management", "Non-Departmental"),
    "Transfers Out": ("Non-Departmental",),
}
#: Enterprise and internal service funds pay for one department's work.
_FUND_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Water Utility": ("Water",),
    "Wastewater Utility": ("Wastewater",),
    "Solid Waste and Recycling": ("Environmental Services",),
    "Airport": ("Airport",),
    "Marina": ("Parks and Recreation", "Economic Development"),
    "Golf Courses": ("Parks and Recreation",),
    "Parking Fund": ("Transportation",),
    "Fleet Services": ("Public Works",),
    "Information Technology Services": ("Information Technology",),
    "Risk Management": ("Risk Management", "Human Resources"),
    "Workers' Compensation": ("Human Resources", "Risk Management"),
    "Retiree Health Trust": ("Human Resources", "Finance"),
    "General Obligation Debt Service": ("Debt Management",),
    "Lease Revenue Bonds Debt Service": ("Debt Management",),
    "Pension Obligation Bonds Debt Service": ("Debt Management",),
    "Library Parcel Tax": ("Library",),
    "Asset Forfeiture Fund": ("Police",),
    "Housing Successor Fund": ("Housing and Community Development",),
    "Affordable Housing Trust": ("Housing and Community Development",),
    "Community Development Block Grant": ("Housing and Community Development", "Human Services"),
    "Homeless Housing Assistance Grant": ("Homelessness Response",),
    "Parks Maintenance District": ("Parks and Recreation",),
    "Park Impact Fees": ("Parks and Recreation",),
    "Parks Capital Fund": ("Parks and Recreation",),
    "Gas Tax Fund": ("Public Works", "Transportation"),
    "Streets Capital Fund": ("Public Works", "Transportation"),
    "Storm Drain Capital Fund": ("Public Works",),
    "Traffic Safety Fund": ("Transportation", "Police"),
    "Public Art Fund": ("Arts and Culture",),
    "Downtown Business Improvement District": ("Economic Development",),
    "Measure A Transportation Sales Tax": ("Transportation", "Public Works"),
    "Lighting and Landscape District": ("Public Works", "Parks and Recreation"),
    "Opioid Settlement Fund": ("Human Services", "Homelessness Response", "Fire"),
    "Air Quality Fund": ("Environmental Services", "Transportation"),
    "Capital Improvement Fund": ("Public Works", "Parks and Recreation", "Library", "Fire"),
    "Facilities Renewal Fund": ("Public Works",),
    "Measure B Infrastructure Bond": ("Public Works", "Transportation", "Water"),
    "Cannabis Tax Fund": ("Police", "Human Services", "Code Enforcement", "Finance"),
    "Emergency Medical Services Tax": ("Fire",),
}


def _affinity(funds: pd.DataFrame, programs: pd.DataFrame, accounts: pd.DataFrame) -> np.ndarray:
    """Which (fund, program, account) combinations occur: 1 where plausible, 0 where not."""
    dept = programs["department"].to_numpy()
    fund_ok = np.ones((len(funds), len(programs)))
    for i, name in enumerate(funds["fund_name"]):
        if name in _FUND_DEPARTMENTS:
            fund_ok[i] = np.isin(dept, _FUND_DEPARTMENTS[name])
    account_ok = np.ones((len(programs), len(accounts)))
    pairs = zip(accounts["direction"], accounts["category"], strict=True)
    for j, (direction, category) in enumerate(pairs):
        rules = _REVENUE_DEPARTMENTS if direction == "revenue" else _EXPENSE_DEPARTMENTS
        if category in rules:
            account_ok[:, j] = np.isin(dept, rules[category])
    return fund_ok[:, :, None] * account_ok[None, :, :]


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A fast, well-mixed 64-bit hash of unsigned integers (vectorised)."""
    with np.errstate(over="ignore"):
        z = x.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _unique_line_ids(rng: np.random.Generator, probs: np.ndarray, count: int) -> np.ndarray:
    """``count`` distinct ids, a weighted sample by ``probs`` without replacement.

    Efraimidis-Spirakis: the ``count`` smallest of ``-log(u) / p``.
    """
    space = len(probs)
    if count > space:
        raise ValueError(f"cannot make {count:,} distinct lines from {space:,} combinations")
    # Implausible combinations get a tiny weight: drawn (at random) only once the plausible
    # ones run out, which happens only for tables of several hundred thousand lines.
    floor = probs[probs > 0].min() * 1e-6 if (probs > 0).any() else 1.0
    keys = -np.log(rng.random(space)) / np.maximum(probs, floor)
    chosen = np.argpartition(keys, count - 1)[:count] if count < space else np.arange(space)
    return np.sort(chosen)


def synthetic_lines(n: int, seed: int = 0) -> pd.DataFrame:
    """A canonical line-item table with exactly ``n`` rows (deterministic for ``seed``)."""
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return schema.empty_frame()
    rng = np.random.default_rng(seed)
    funds, programs, accounts = _funds(), _programs(), _accounts()
    nprog, na = len(programs), len(accounts)

    # A line is (fund, program, account); most lines are in the General Fund and in the
    # personnel and operating accounts, as in a real budget.
    wf = funds["w"].to_numpy() / funds["w"].sum()
    wp = programs["w"].to_numpy() / programs["w"].sum()
    wa = accounts["w"].to_numpy() / accounts["w"].sum()
    probs = wf[:, None, None] * wp[None, :, None] * wa[None, None, :]
    probs *= _affinity(funds, programs, accounts)
    probs = probs.ravel()
    n_lines = math.ceil(n / len(YEAR_PHASES))
    ids = _unique_line_ids(rng, probs / probs.sum(), n_lines)
    fi, rest = np.divmod(ids, nprog * na)
    pi, ai = np.divmod(rest, na)

    # Order lines as a sheet would list them: revenue first, then by fund, department, account.
    acc_dir = accounts["direction"].to_numpy()
    order = np.lexsort((ai, pi, fi, acc_dir[ai] == "expense"))
    fi, pi, ai = fi[order], pi[order], ai[order]

    n_yp = len(YEAR_PHASES)
    line = np.repeat(np.arange(n_lines), n_yp)[:n]
    slot = np.tile(np.arange(n_yp), n_lines)[:n]
    fi_r, pi_r, ai_r = fi[line], pi[line], ai[line]

    # Amounts: a base size per line, growing ~3% a year; actuals land near the adopted figure.
    cats = accounts["category"].to_numpy()
    median = np.array([_CATEGORY_SCALE[c][0] for c in cats])
    spread = np.array([_CATEGORY_SCALE[c][1] for c in cats])
    base = median[ai] * np.exp(rng.normal(0.0, 1.0, n_lines) * spread[ai])
    base = np.where(base > 5_000, np.round(base, -3), np.round(base, -1))
    years = np.array([y for y, _ in YEAR_PHASES])
    is_actual = np.array([p == "actual" for _, p in YEAR_PHASES])
    growth = 1.03 ** (years[slot] - years.min()) * np.exp(rng.normal(0.0, 0.04, n))
    amount = base[line] * growth
    actual_factor = rng.normal(0.97, 0.05, n)
    amount = np.where(is_actual[slot], np.round(amount * actual_factor, 2), np.round(amount, -2))
    names = accounts["account_name"].to_numpy()
    reduces = np.array([name in _REDUCTION_ACCOUNTS for name in names])
    amount = np.where(reduces[ai_r], -np.abs(amount), amount)
    if n > 20:  # a few zero-budget lines, as real files have
        amount[rng.random(n) < 0.01] = 0.0
    # Keep a big table's totals at the size of a large county's budget, not a nation's.
    is_exp = (acc_dir == "expense")[ai_r]
    first = slot == 0
    spent = float(amount[first & is_exp].sum())
    factor = np.ones(n)
    if spent > _MAX_YEAR_EXPENSE:
        factor *= _MAX_YEAR_EXPENSE / spent
        spent = _MAX_YEAR_EXPENSE
    raised = float(amount[first & ~is_exp].sum()) * float(factor[0])
    if raised > 0 and spent > 0:  # a balanced budget: revenue close to spending
        factor[~is_exp] *= 0.99 * spent / raised
    scaled = amount * factor
    amount = np.where(is_actual[slot], np.round(scaled, 2), np.round(scaled))

    # Source position: two sheets, one row per line, one column per (year, phase).
    is_exp_line = acc_dir[ai] == "expense"
    sheet_row = np.empty(n_lines, dtype=np.int64)
    n_rev = int((~is_exp_line).sum())
    sheet_row[~is_exp_line] = np.arange(n_rev) + 5
    sheet_row[is_exp_line] = np.arange(n_lines - n_rev) + 5

    key_hash = _splitmix64(ids[order].astype(np.uint64) ^ np.uint64(seed))
    keys = [f"{int(k):016x}" for k in key_hash]

    def text(values, idx: np.ndarray) -> pd.Series:
        # Build string columns by index from their few distinct values (fast, no per-row objects).
        strings = pd.array(np.asarray(values, dtype=object), dtype=pd.StringDtype())
        return pd.Series(strings.take(idx), copy=False)

    phases = [p for _, p in YEAR_PHASES]
    out = pd.DataFrame(
        {
            "fiscal_year": years[slot],
            "phase": text(phases, slot),
            "direction": text(accounts["direction"], ai_r),
            "is_transfer": accounts["is_transfer"].to_numpy(dtype=bool)[ai_r],
            "fund_code": text(funds["fund_code"], fi_r),
            "fund_name": text(funds["fund_name"], fi_r),
            "fund_type": text(funds["fund_type"], fi_r),
            "restricted": text(funds["restricted"], fi_r),
            "department": text(programs["department"], pi_r),
            "division": text(programs["division"], pi_r),
            "program": text(programs["program"], pi_r),
            "account_code": text(accounts["account_code"], ai_r),
            "account_name": text(accounts["account_name"], ai_r),
            "category": text(accounts["category"], ai_r),
            "recurring": text(accounts["recurring"], ai_r),
            "amount": amount,
            "line_key": text(keys, line),
            "src_sheet": text(["Revenue", "Expenditures"], is_exp.astype(np.int64)),
            "src_row": sheet_row[line],
            "src_col": (slot + 6).astype(np.int64),
        }
    )
    return schema.coerce(out)
