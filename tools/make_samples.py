"""Write the sample budgets shipped in ``sample_budgets/``.

Three fictional places, each built for one lesson:

* **Sycamore Springs** (city, ~60 lines, CSV): the 90-minute Budget 101 session.
* **Alder Valley County** (county, ~5,000 lines, xlsx): a realistic file to explore and pivot.
* **Bayview Heights** (city, xlsx): a messy printed-style export to clean up, shipped with an
  answer key and department checksums.

The places are fictional; magnitudes follow the shapes of published California city and county
budgets. Everything is deterministic (fixed seeds, fixed workbook timestamps, no clock reads),
so running the script again reproduces the shipped files::

    python tools/make_samples.py              # regenerate sample_budgets/
    python tools/make_samples.py --out DIR    # write somewhere else

Importable: ``sycamore_canonical()``, ``alder_canonical()`` and ``bayview_canonical()`` return
each sample as a canonical table (:mod:`budgetbench.core.schema`); ``write_all(out_dir)``
writes every file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import io
import math
import random
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

from budgetbench.core import schema

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "sample_budgets"

SYCAMORE_CSV = "sycamore_springs_teaching.csv"
ALDER_XLSX = "alder_valley_county_fy26.xlsx"
BAYVIEW_XLSX = "bayview_heights_fy26_proposed_messy.xlsx"
BAYVIEW_CLEAN_CSV = "bayview_heights_fy26_clean.csv"
BAYVIEW_TOTALS_CSV = "bayview_heights_fy26_department_totals.csv"

WORKBOOK_CREATOR = "budgetbench sample generator"
#: Stored as the workbooks' created/modified time and as every zip entry's timestamp.
WORKBOOK_TIMESTAMP = dt.datetime(2025, 5, 2, 9, 0, 0)

# --------------------------------------------------------------------------------------------
# Labels shared by the Sycamore and Alder layouts and their canonical meaning
# --------------------------------------------------------------------------------------------

TYPE_DIRECTION = {
    "Revenue": "revenue",
    "Transfer In": "revenue",
    "Use of Fund Balance": "revenue",
    "Expense": "expense",
    "Transfer Out": "expense",
}
TRANSFER_TYPES = frozenset({"Transfer In", "Transfer Out"})
FUND_TYPE_CODES = {
    "General": "general",
    "Special Revenue": "special_revenue",
    "Capital Projects": "capital",
    "Debt Service": "debt_service",
    "Enterprise": "enterprise",
    "Internal Service": "internal_service",
    "Fiduciary": "fiduciary",
}
RECURRING_CODES = {"Ongoing": "ongoing", "One-time": "one_time"}
RESTRICTED_CODES = {"Restricted": "restricted", "Unrestricted": "unrestricted"}
#: Order of line types inside a fund: sources first, then uses.
TYPE_ORDER = ("Revenue", "Transfer In", "Use of Fund Balance", "Expense", "Transfer Out")


# --------------------------------------------------------------------------------------------
# Small shared helpers
# --------------------------------------------------------------------------------------------


class _Rand:
    """Seeded randomness built only on ``random.Random.random()``, whose stream is stable
    across Python versions (unlike ``choice``/``sample``)."""

    def __init__(self, seed: int) -> None:
        self._r = random.Random(seed)

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) * self._r.random()

    def chance(self, p: float) -> bool:
        return self._r.random() < p

    def pick(self, seq: Sequence):
        return seq[min(int(self._r.random() * len(seq)), len(seq) - 1)]

    def noise(self, spread: float) -> float:
        """A multiplicative factor around 1 (log-normal with sigma ``spread``)."""
        u1 = max(self._r.random(), 1e-12)
        u2 = self._r.random()
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        return math.exp(spread * z)


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split the integer ``total`` in proportion to ``weights`` into integers that add up
    exactly (largest remainder). Zero weights get zero."""
    s = float(sum(weights))
    if total == 0 or s <= 0:
        return [0] * len(weights)
    sign = 1 if total > 0 else -1
    total = abs(total)
    raw = [total * w / s for w in weights]
    out = [math.floor(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return [sign * x for x in out]


def _canonical(records: list[dict]) -> pd.DataFrame:
    df = schema.coerce(pd.DataFrame.from_records(records))
    df["line_key"] = schema.line_keys(df)  # the same identity the importer gives a line
    return df


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _money(x: float) -> str:
    """Whole dollars as plain digits (cents only if a value has them)."""
    return str(round(x)) if float(x).is_integer() else f"{x:.2f}"


def _save_workbook(
    wb: openpyxl.Workbook, path: Path, cached: Mapping[str, Mapping[str, float]] = {}
) -> None:
    """Save ``wb`` with fixed metadata and zip timestamps; give formulas their cached values.

    openpyxl cannot store a formula's last computed value, so readers that do not calculate
    (pandas, calamine) would see empty totals. ``cached[sheet][cell]`` supplies those values;
    they are written into the sheet XML the way a spreadsheet program would.
    """
    wb.properties.creator = WORKBOOK_CREATOR
    wb.properties.lastModifiedBy = WORKBOOK_CREATOR
    wb.properties.created = WORKBOOK_TIMESTAMP
    wb.properties.modified = WORKBOOK_TIMESTAMP
    wb.calculation.fullCalcOnLoad = False
    buf = io.BytesIO()
    wb.save(buf)
    sheet_parts = {
        f"xl/worksheets/sheet{i}.xml": ws.title for i, ws in enumerate(wb.worksheets, start=1)
    }
    stamp = WORKBOOK_TIMESTAMP.timetuple()[:6]
    with (
        zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            title = sheet_parts.get(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the clock while saving; put ours back.
                wb.properties.modified = WORKBOOK_TIMESTAMP
                data = tostring(wb.properties.to_tree())
            elif title is not None:
                data = _fill_formula_cache(data, cached.get(title, {}), title)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)


def _fill_formula_cache(xml: bytes, values: Mapping[str, float], sheet: str) -> bytes:
    pattern = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v ?/>')

    def fill(m: re.Match) -> bytes:
        ref = m.group(1).decode()
        if ref not in values:
            raise ValueError(f"no cached value for formula {sheet}!{ref}")
        v = values[ref]
        text = str(int(v)) if float(v).is_integer() else repr(float(v))
        return b'<c r="%s"%s><f>%s</f><v>%s</v>' % (
            m.group(1),
            m.group(2),
            m.group(3),
            text.encode(),
        )

    return pattern.sub(fill, xml)


# ============================================================================================
# 1. Sycamore Springs: small teaching city (CSV, ~60 lines)
# ============================================================================================

SYC_COLUMNS = (
    "Line",
    "Fund",
    "Fund Type",
    "Restricted?",
    "Department",
    "Type",
    "Category",
    "Description",
    "FY2023-24 Actual",
    "FY2024-25 Adopted",
    "FY2025-26 Proposed",
    "Ongoing/One-time",
    "Teaching note",
)
#: (column label, fiscal_year, phase) of the three amount columns.
SYC_AMOUNTS = (
    ("FY2023-24 Actual", 2024, "actual"),
    ("FY2024-25 Adopted", 2025, "adopted"),
    ("FY2025-26 Proposed", 2026, "proposed"),
)

#: code -> (name, fund type, restriction)
SYC_FUNDS = {
    "100": ("General Fund", "General", "Unrestricted"),
    "210": ("Gas Tax", "Special Revenue", "Restricted"),
    "220": ("Measure P Parks Parcel Tax", "Special Revenue", "Restricted"),
    "410": ("Capital Improvement Fund", "Capital Projects", "Restricted"),
    "510": ("Sewer Enterprise Fund", "Enterprise", "Restricted"),
    "610": ("Fleet & IT Internal Service Fund", "Internal Service", "Restricted"),
    "710": ("Debt Service Fund", "Debt Service", "Restricted"),
}

# The built-in story (FY2025-26 Proposed unless said otherwise).
SYC_GF_TOTAL = 98_000_000  # GF sources = GF uses
SYC_SETTLEMENT = 3_000_000  # one-time legal settlement (GF revenue)
SYC_STRUCTURAL_GAP = 2_400_000  # ongoing GF uses minus ongoing GF sources
SYC_RESERVE_CONTRIBUTION = SYC_SETTLEMENT - SYC_STRUCTURAL_GAP  # the rest goes to the reserve
SYC_GF_RESERVE = 14_500_000  # GF reserve after the contribution
SYC_GFOA_RESERVE_SHARE = 0.167  # GFOA: two months of spending
SYC_PERSONNEL_SHARE = 0.72  # salaries + retirement, share of GF uses
SYC_RETIREMENT_SHARE = 0.16  # retirement (normal cost + UAL), share of GF uses
SYC_UAL_PAYMENT = 9_200_000  # CalPERS unfunded-liability payment (larger than normal cost)
SYC_SALARY_SAVINGS = -1_200_000  # budgeted vacancy savings (a negative line)
SYC_SALARY_GROWTH = 0.03
SYC_RETIREMENT_GROWTH = 0.08
SYC_SALES_TAX_FY24_ADOPTED = 23_600_000  # the FY2023-24 adopted estimate (not a file column)
SYC_SALES_TAX_SHORTFALL = 0.06  # FY2023-24 actual came in this far below it
SYC_ALL_FUNDS_GROSS = 165_400_000  # all uses, every fund
SYC_ALL_FUNDS_NET = 148_000_000  # less transfers out and internal-service-fund spending

#: GF departments: (name, share of department budgets %, personnel share, normal-cost rate).
SYC_GF_DEPARTMENTS = (
    ("City Council", 0.7, 0.55, 0.08),
    ("City Manager & Clerk", 3.0, 0.80, 0.09),
    ("City Attorney", 1.9, 0.70, 0.09),
    ("Finance & HR", 3.6, 0.75, 0.09),
    ("Police", 43.0, 0.84, 0.15),
    ("Fire", 24.5, 0.84, 0.15),
    ("Public Works", 7.5, 0.45, 0.09),
    ("Parks, Recreation & Library", 9.5, 0.55, 0.09),
    ("Community Development", 6.3, 0.70, 0.09),
)
SYC_DEPARTMENT_NOTES = {
    ("Police", "Salaries"): "Police and Fire together are over half of GF spending",
    ("Police", "Retirement"): "Retirement grows 8% a year while salaries grow 3%",
    ("Fire", "Retirement"): "Safety pension rates are higher than other employees'",
    ("City Council", "Services & Supplies"): "A community priority can be traded here",
}

#: GF taxes and fees: (department, category, description, share %, growth, FY24 vs trend, note).
SYC_GF_REVENUES = (
    (
        "Non-Departmental",
        "Property Tax",
        "Secured & unsecured property tax",
        24,
        0.045,
        1.00,
        "The city keeps about 21 cents of each property-tax dollar",
    ),
    ("Non-Departmental", "Property Tax", "Property tax in lieu of VLF", 6, 0.045, 1.00, ""),
    ("Non-Departmental", "Sales Tax", "Sales & use tax (1% local share)", 24, 0.035, 1.00, ""),
    (
        "Non-Departmental",
        "Other Taxes",
        "Utility users tax",
        7,
        0.02,
        1.01,
        "General tax: majority vote, any purpose",
    ),
    ("Non-Departmental", "Other Taxes", "Transient occupancy (hotel) tax", 5, 0.04, 1.03, ""),
    ("Non-Departmental", "Other Taxes", "Business license tax", 3, 0.02, 1.00, ""),
    (
        "Non-Departmental",
        "Franchise Fees",
        "Franchise fees (cable, refuse, power)",
        5,
        0.02,
        1.0,
        "",
    ),
    (
        "Non-Departmental",
        "Charges for Services",
        "Recreation, ambulance & plan check fees",
        11,
        0.03,
        0.98,
        "",
    ),
    ("Community Development", "Licenses & Permits", "Building & other permits", 5, 0.02, 1.04, ""),
    ("Police", "Fines & Forfeitures", "Parking & code enforcement fines", 1, 0.0, 0.97, ""),
    ("Non-Departmental", "Interest & Rents", "Investment earnings & rents", 2, 0.05, 1.10, ""),
)
SYC_SALES_TAX_NOTE = "FY23-24 came in 6% below the $23.6M adopted estimate"

#: Interfund transfers: (from fund, from dept, to fund, to dept, FY24/FY25/FY26, note).
SYC_TRANSFERS = (
    (
        "100",
        "Non-Departmental",
        "410",
        "Public Works",
        (3_000_000, 3_500_000, 4_000_000),
        "Counted again when the project is built: net it out",
    ),
    (
        "100",
        "Non-Departmental",
        "710",
        "Non-Departmental",
        (1_900_000, 1_900_000, 1_900_000),
        "",
    ),
    (
        "510",
        "Public Works",
        "100",
        "Non-Departmental",
        (3_300_000, 3_400_000, 3_500_000),
        "Sewer pays the GF for shared services (overhead)",
    ),
)

#: Everything outside GF taxes, departments and transfers:
#: (fund, department, type, category, description, FY24/FY25/FY26, ongoing?, note).
SYC_OTHER_LINES = (
    (
        "210",
        "Public Works",
        "Revenue",
        "Intergovernmental",
        "Highway users tax (state gas tax)",
        (2_380_000, 2_450_000, 2_500_000),
        "Ongoing",
        "Restricted: streets and roads only",
    ),
    (
        "210",
        "Public Works",
        "Revenue",
        "Intergovernmental",
        "Road maintenance & rehabilitation (SB 1)",
        (1_390_000, 1_450_000, 1_500_000),
        "Ongoing",
        "",
    ),
    (
        "210",
        "Public Works",
        "Expense",
        "Services & Supplies",
        "Street maintenance & pavement repair",
        (3_610_000, 3_900_000, 4_000_000),
        "Ongoing",
        "",
    ),
    (
        "220",
        "Parks, Recreation & Library",
        "Revenue",
        "Special Taxes",
        "Measure P parcel tax ($118 per parcel)",
        (2_940_000, 2_970_000, 3_000_000),
        "Ongoing",
        "Special tax (2/3 vote): parks only, cannot pay for police",
    ),
    (
        "220",
        "Parks, Recreation & Library",
        "Expense",
        "Services & Supplies",
        "Park maintenance, trails & lighting",
        (2_760_000, 2_970_000, 3_000_000),
        "Ongoing",
        "",
    ),
    (
        "410",
        "Public Works",
        "Revenue",
        "Intergovernmental",
        "State & federal capital grants",
        (8_200_000, 11_000_000, 13_500_000),
        "One-time",
        "Grants pay for a project once; they do not recur",
    ),
    (
        "410",
        "Public Works",
        "Use of Fund Balance",
        "Fund Balance",
        "Carryover of unspent project funds",
        (2_100_000, 4_500_000, 6_000_000),
        "One-time",
        "Money saved in earlier years, spent once",
    ),
    (
        "410",
        "Public Works",
        "Expense",
        "Capital Outlay",
        "Street & bridge projects",
        (8_400_000, 11_600_000, 14_000_000),
        "One-time",
        "",
    ),
    (
        "410",
        "Public Works",
        "Expense",
        "Capital Outlay",
        "Park & facility projects",
        (4_300_000, 7_400_000, 9_500_000),
        "One-time",
        "",
    ),
    (
        "510",
        "Public Works",
        "Revenue",
        "Charges for Services",
        "Sewer service charges",
        (25_100_000, 26_100_000, 27_000_000),
        "Ongoing",
        "Prop 218 fee: a rate increase needs a protest hearing",
    ),
    (
        "510",
        "Public Works",
        "Expense",
        "Salaries",
        "Sewer salaries & benefits",
        (5_700_000, 5_950_000, 6_200_000),
        "Ongoing",
        "",
    ),
    (
        "510",
        "Public Works",
        "Expense",
        "Services & Supplies",
        "Treatment, operations & internal charges",
        (10_100_000, 10_500_000, 10_800_000),
        "Ongoing",
        "",
    ),
    (
        "510",
        "Public Works",
        "Expense",
        "Capital Outlay",
        "Sewer main rehabilitation",
        (5_200_000, 6_300_000, 6_500_000),
        "Ongoing",
        "",
    ),
    (
        "610",
        "Finance & HR",
        "Revenue",
        "Charges for Services",
        "Charges to city departments (summarized)",
        (7_500_000, 7_800_000, 8_000_000),
        "Ongoing",
        "Already inside department budgets: net it out",
    ),
    (
        "610",
        "Finance & HR",
        "Expense",
        "Services & Supplies",
        "Fleet & IT operations",
        (5_200_000, 5_600_000, 5_800_000),
        "Ongoing",
        "",
    ),
    (
        "610",
        "Finance & HR",
        "Expense",
        "Capital Outlay",
        "Vehicle & computer replacement",
        (1_900_000, 2_200_000, 2_200_000),
        "Ongoing",
        "",
    ),
    (
        "710",
        "Non-Departmental",
        "Expense",
        "Debt Service",
        "Lease revenue bonds - Fire Station 3",
        (1_900_000, 1_900_000, 1_900_000),
        "Ongoing",
        "Fixed payment until the bonds are repaid in 2041",
    ),
)


@dataclass(frozen=True)
class SycLine:
    fund: str
    department: str
    type: str
    category: str
    description: str
    amounts: tuple[int, int, int]
    recurring: str = "Ongoing"
    note: str = ""


def _back(amount: int, growth: float, years: int, factor: float = 1.0, unit: int = 1000) -> int:
    """``amount`` taken ``years`` back at ``growth`` a year, times ``factor``, rounded."""
    return round(amount / (1 + growth) ** years * factor / unit) * unit


def _syc_gf_revenues() -> list[SycLine]:
    transfers_in = sum(t[4][2] for t in SYC_TRANSFERS if t[2] == "100")
    taxes_and_fees = SYC_GF_TOTAL - SYC_SETTLEMENT - transfers_in
    shares = [r[3] for r in SYC_GF_REVENUES]
    fy26 = [x * 1000 for x in allocate(taxes_and_fees // 1000, shares)]
    lines = []
    for (dept, cat, desc, _share, growth, fy24_ratio, note), amount in zip(
        SYC_GF_REVENUES, fy26, strict=True
    ):
        fy25 = _back(amount, growth, 1)
        fy24 = _back(fy25, growth, 1, fy24_ratio)
        if cat == "Sales Tax":
            fy24 = round(SYC_SALES_TAX_FY24_ADOPTED * (1 - SYC_SALES_TAX_SHORTFALL))
            note = SYC_SALES_TAX_NOTE
        lines.append(SycLine("100", dept, "Revenue", cat, desc, (fy24, fy25, amount), note=note))
    lines.append(
        SycLine(
            "100",
            "City Attorney",
            "Revenue",
            "Other Revenue",
            "Legal settlement (one-time)",
            (0, 0, SYC_SETTLEMENT),
            "One-time",
            "One-time money: closes the $2.4M gap this year only",
        )
    )
    return lines


def _syc_gf_departments() -> list[SycLine]:
    transfers_out = sum(t[4][2] for t in SYC_TRANSFERS if t[0] == "100")
    pool = (
        SYC_GF_TOTAL
        - transfers_out
        - SYC_RESERVE_CONTRIBUTION
        - SYC_UAL_PAYMENT
        - SYC_SALARY_SAVINGS
    )
    personnel_total = round(SYC_PERSONNEL_SHARE * SYC_GF_TOTAL) - SYC_UAL_PAYMENT
    personnel_total -= SYC_SALARY_SAVINGS
    normal_cost_total = round(SYC_RETIREMENT_SHARE * SYC_GF_TOTAL) - SYC_UAL_PAYMENT
    k = 1000
    dept_total = allocate(pool // k, [d[1] for d in SYC_GF_DEPARTMENTS])
    personnel = allocate(
        personnel_total // k,
        [t * d[2] for t, d in zip(dept_total, SYC_GF_DEPARTMENTS, strict=True)],
    )
    normal_cost = allocate(
        normal_cost_total // k,
        [p * d[3] for p, d in zip(personnel, SYC_GF_DEPARTMENTS, strict=True)],
    )
    lines = []
    for i, (name, *_rest) in enumerate(SYC_GF_DEPARTMENTS):
        salaries = (personnel[i] - normal_cost[i]) * k
        retirement = normal_cost[i] * k
        supplies = (dept_total[i] - personnel[i]) * k
        # (category, description, FY26 amount, annual growth, FY24 actual vs trend)
        rows = (
            ("Salaries", "Salaries & benefits", salaries, SYC_SALARY_GROWTH, 1.0),
            (
                "Retirement",
                "Retirement - CalPERS normal cost",
                retirement,
                SYC_RETIREMENT_GROWTH,
                1.0,
            ),
            ("Services & Supplies", "Services, supplies & internal charges", supplies, 0.025, 0.96),
        )
        for cat, desc, amount, growth, fy24_ratio in rows:
            fy25 = _back(amount, growth, 1)
            fy24 = _back(amount, growth, 2, fy24_ratio)
            note = SYC_DEPARTMENT_NOTES.get((name, cat), "")
            lines.append(
                SycLine("100", name, "Expense", cat, desc, (fy24, fy25, amount), note=note)
            )
    return lines


def _syc_gf_nondepartmental() -> list[SycLine]:
    ual = SYC_UAL_PAYMENT
    return [
        SycLine(
            "100",
            "Non-Departmental",
            "Expense",
            "Retirement",
            "CalPERS unfunded liability (UAL) payment",
            (_back(ual, SYC_RETIREMENT_GROWTH, 2), _back(ual, SYC_RETIREMENT_GROWTH, 1), ual),
            note="Pays down past pension shortfalls; larger than this year's normal cost",
        ),
        SycLine(
            "100",
            "Non-Departmental",
            "Expense",
            "Salaries",
            "Budgeted vacancy savings (citywide)",
            (0, -1_100_000, SYC_SALARY_SAVINGS),
            note="Negative: assumes some positions stay vacant part of the year",
        ),
        SycLine(
            "100",
            "Non-Departmental",
            "Expense",
            "Fund Balance",
            "Contribution to General Fund reserve",
            (0, 0, SYC_RESERVE_CONTRIBUTION),
            "One-time",
            "Brings the reserve to $14.5M (14.8% of GF; GFOA suggests 16.7%)",
        ),
    ]


def _syc_transfers() -> list[SycLine]:
    lines = []
    for src, src_dept, dst, dst_dept, amounts, note in SYC_TRANSFERS:
        to_name, from_name = SYC_FUNDS[dst][0], SYC_FUNDS[src][0]
        lines.append(
            SycLine(
                src,
                src_dept,
                "Transfer Out",
                "Transfers",
                f"Transfer to {to_name}",
                amounts,
                note=note,
            )
        )
        lines.append(
            SycLine(
                dst, dst_dept, "Transfer In", "Transfers", f"Transfer from {from_name}", amounts
            )
        )
    return lines


@functools.cache
def sycamore_lines() -> tuple[SycLine, ...]:
    """The teaching city's line items in file order (by fund, sources before uses)."""
    lines = _syc_gf_revenues() + _syc_gf_departments() + _syc_gf_nondepartmental()
    lines += _syc_transfers()
    lines += [SycLine(*row) for row in SYC_OTHER_LINES]
    fund_rank = {code: i for i, code in enumerate(SYC_FUNDS)}
    # Stable sort keeps the department order inside the General Fund's expenses.
    return tuple(sorted(lines, key=lambda ln: (fund_rank[ln.fund], TYPE_ORDER.index(ln.type))))


def _syc_rows() -> list[list[object]]:
    rows = []
    for n, ln in enumerate(sycamore_lines(), start=1):
        name, ftype, restricted = SYC_FUNDS[ln.fund]
        rows.append(
            [
                n,
                f"{ln.fund} - {name}",
                ftype,
                restricted,
                ln.department,
                ln.type,
                ln.category,
                ln.description,
                *ln.amounts,
                ln.recurring,
                ln.note,
            ]
        )
    return rows


def sycamore_canonical() -> pd.DataFrame:
    """Sycamore Springs as a canonical table (one row per line x amount column)."""
    records = []
    first_amount_col = SYC_COLUMNS.index(SYC_AMOUNTS[0][0]) + 1
    for n, ln in enumerate(sycamore_lines(), start=1):
        name, ftype, restricted = SYC_FUNDS[ln.fund]
        for j, (_label, year, phase) in enumerate(SYC_AMOUNTS):
            records.append(
                {
                    "fiscal_year": year,
                    "phase": phase,
                    "direction": TYPE_DIRECTION[ln.type],
                    "is_transfer": ln.type in TRANSFER_TYPES,
                    "fund_code": ln.fund,
                    "fund_name": name,
                    "fund_type": FUND_TYPE_CODES[ftype],
                    "restricted": RESTRICTED_CODES[restricted],
                    "department": ln.department,
                    "account_name": ln.description,
                    "category": ln.category,
                    "recurring": RECURRING_CODES[ln.recurring],
                    "amount": float(ln.amounts[j]),
                    "src_sheet": "",
                    "src_row": n + 1,
                    "src_col": first_amount_col + j,
                }
            )
    return _canonical(records)


def write_sycamore(out_dir: Path) -> Path:
    path = out_dir / SYCAMORE_CSV
    _write_csv(path, SYC_COLUMNS, _syc_rows())
    return path


# ============================================================================================
# 2. Alder Valley County: realistic mid-size county (xlsx, ~5,000 lines)
# ============================================================================================

ALDER_COLUMNS = (
    "Fund Code",
    "Fund Name",
    "Fund Type",
    "Function",
    "Budget Unit Code",
    "Budget Unit",
    "Division/Program",
    "Type",
    "Object",
    "Sub-object Code",
    "Sub-object Name",
    "FY2023-24 Actual",
    "FY2024-25 Adopted",
    "FY2025-26 Recommended",
    "Ongoing/One-time",
    "Mandated?",
    "Note",
)
ALDER_AMOUNTS = (
    ("FY2023-24 Actual", 2024, "actual"),
    ("FY2024-25 Adopted", 2025, "adopted"),
    ("FY2025-26 Recommended", 2026, "recommended"),
)
ALDER_SHEET = "Line Items"
ALDER_SEED = 20250602

# Story and calibration targets (FY2025-26 Recommended, non-fiduciary funds).
ALDER_TOTAL = 5_200_000_000  # gross uses, all funds
ALDER_GF_TOTAL = 2_800_000_000  # General Fund uses = sources
ALDER_HOSPITAL_SUBSIDY = 250_000_000  # GF -> hospital enterprise transfer
ALDER_STRUCTURAL_GAP = 110_000_000  # ongoing GF uses over ongoing sources, before solutions
ALDER_VACANCY_SAVINGS = -40_000_000  # eliminating funded vacant positions (ongoing)
ALDER_VACANT_FTE_ELIMINATED = 300
ALDER_ONE_TIME_FUND_BALANCE = 70_000_000  # closes the rest of the gap
ALDER_CONTINGENCY = 40_000_000
ALDER_RESERVE_PROVISION = 10_000_000
ALDER_FTE = 13_000  # FY2025-26 positions
ALDER_MEDICAID_SCENARIO = -150_000_000  # the "federal Medicaid cut" teaching scenario

GENERAL = "General"
PROTECTION = "Public Protection"
WAYS = "Public Ways & Facilities"
HEALTH = "Health & Sanitation"
ASSISTANCE = "Public Assistance"
EDUCATION = "Education"
RECREATION = "Recreation & Cultural Services"
DEBT = "Debt Service"

#: code -> (name, fund type label). Fiduciary funds are memo only (not in county totals).
ALDER_FUNDS = {
    "0001": ("General Fund", "General"),
    "0020": ("Road Fund", "Special Revenue"),
    "0025": ("County Library Fund", "Special Revenue"),
    "0030": ("1991 Realignment - Health", "Special Revenue"),
    "0031": ("1991 Realignment - Mental Health", "Special Revenue"),
    "0032": ("1991 Realignment - Social Services", "Special Revenue"),
    "0035": ("2011 Realignment - Community Corrections", "Special Revenue"),
    "0036": ("2011 Realignment - Behavioral Health", "Special Revenue"),
    "0040": ("Mental Health Services Act", "Special Revenue"),
    "0045": ("Prop 172 Public Safety", "Special Revenue"),
    "0050": ("Child Support Services", "Special Revenue"),
    "0055": ("Workforce Development", "Special Revenue"),
    "0060": ("CDBG/HOME Housing Grants", "Special Revenue"),
    "0065": ("Tobacco Settlement", "Special Revenue"),
    "0070": ("Asset Forfeiture", "Special Revenue"),
    "0075": ("Recorder Modernization", "Special Revenue"),
    "0080": ("Courthouse Construction", "Special Revenue"),
    "0085": ("Criminal Justice Facility", "Special Revenue"),
    "0088": ("Emergency Medical Services (Maddy)", "Special Revenue"),
    "0090": ("County Fire Protection District", "Special Revenue"),
    "0092": ("Park Development", "Special Revenue"),
    "0094": ("Housing Trust", "Special Revenue"),
    "0096": ("Juvenile Justice Crime Prevention", "Special Revenue"),
    "0098": ("Public Health Emergency Preparedness", "Special Revenue"),
    "0101": ("CSA 1 - Alder Heights Lighting", "Special Revenue"),
    "0102": ("CSA 2 - Mill Creek Roads", "Special Revenue"),
    "0103": ("CSA 3 - Valley Oaks Lighting", "Special Revenue"),
    "0104": ("CSA 4 - Foothill Drainage", "Special Revenue"),
    "0105": ("CSA 5 - Riverbend Parks", "Special Revenue"),
    "0106": ("CSA 6 - North County Lighting", "Special Revenue"),
    "0150": ("Capital Improvements", "Capital Projects"),
    "0155": ("Jail Construction", "Capital Projects"),
    "0170": ("Lease Revenue Bonds", "Debt Service"),
    "0175": ("Pension Obligation Bonds", "Debt Service"),
    "0200": ("County Hospital System", "Enterprise"),
    "0210": ("Airports", "Enterprise"),
    "0220": ("Solid Waste", "Enterprise"),
    "0300": ("Fleet Services", "Internal Service"),
    "0310": ("Information Services", "Internal Service"),
    "0320": ("Risk Management & Workers' Compensation", "Internal Service"),
    "0330": ("Employee Health Benefits", "Internal Service"),
    "0340": ("Facilities Maintenance", "Internal Service"),
    "0400": ("Retirement Trust", "Fiduciary"),
    "0410": ("Investment Pool", "Fiduciary"),
}

#: Share of a special or enterprise fund's uses paid from its own fund balance (one-time).
ALDER_FUND_BALANCE_USE = {
    "0020": 0.05,
    "0025": 0.03,
    "0040": 0.06,
    "0060": 0.02,
    "0070": 0.10,
    "0090": 0.02,
    "0092": 0.15,
    "0094": 0.08,
    "0150": 0.25,
    "0155": 0.30,
    "0210": 0.03,
}

# Sub-objects: code -> (object, name). Expense codes 5xxx, revenue 4xxx, fund balance 3xxx.
SEB = "Salaries & Employee Benefits"
SS = "Services & Supplies"
OC = "Other Charges"
FA = "Fixed Assets"
OFU = "Other Financing Uses"
IFT = "Intrafund Transfers"
CONT = "Appropriation for Contingencies"
PROV = "Provisions for Reserves"
ALDER_EXPENSE_OBJECTS = {
    "5110": (SEB, "Permanent Salaries"),
    "5120": (SEB, "Extra Help"),
    "5130": (SEB, "Overtime"),
    "5140": (SEB, "Premium & Differential Pay"),
    "5150": (SEB, "Retirement - Normal Cost"),
    "5151": (SEB, "Retirement - UAL"),
    "5160": (SEB, "OASDI/Medicare"),
    "5170": (SEB, "Health Insurance"),
    "5175": (SEB, "Dental & Vision"),
    "5180": (SEB, "Workers' Compensation"),
    "5185": (SEB, "Retiree Health - Pay-Go"),
    "5186": (SEB, "OPEB Prefunding"),
    "5190": (SEB, "Unemployment Insurance"),
    "5199": (SEB, "Salary Savings - Eliminated Vacant Positions"),
    "5210": (SS, "Office Expense"),
    "5211": (SS, "Postage"),
    "5212": (SS, "Printing & Reproduction"),
    "5215": (SS, "Communications"),
    "5220": (SS, "Professional & Specialized Services"),
    "5221": (SS, "Legal Services"),
    "5222": (SS, "Medical Services Contracts"),
    "5223": (SS, "Data Processing Services"),
    "5225": (SS, "Contracted Services - Community Providers"),
    "5226": (SS, "Security Services"),
    "5230": (SS, "Rents & Leases - Buildings"),
    "5235": (SS, "Rents & Leases - Equipment"),
    "5240": (SS, "Maintenance - Equipment"),
    "5245": (SS, "Maintenance - Structures"),
    "5250": (SS, "Utilities"),
    "5251": (SS, "Fuel"),
    "5255": (SS, "Household Expense"),
    "5260": (SS, "Clothing & Personal Supplies"),
    "5265": (SS, "Medical, Dental & Lab Supplies"),
    "5266": (SS, "Pharmaceuticals"),
    "5270": (SS, "Food"),
    "5271": (SS, "Small Tools & Instruments"),
    "5275": (SS, "Training & Travel"),
    "5276": (SS, "Mileage Reimbursement"),
    "5280": (SS, "Special Departmental Expense"),
    "5281": (SS, "Minor Equipment"),
    "5285": (SS, "Software & Licenses"),
    "5286": (SS, "Computer Equipment Under $5,000"),
    "5290": (SS, "Memberships & Publications"),
    "5291": (SS, "Advertising & Legal Notices"),
    "5295": (SS, "Insurance"),
    "5296": (SS, "Bank & Credit Card Fees"),
    "5298": (SS, "Laundry Services"),
    "5310": (OC, "Aid Payments"),
    "5320": (OC, "Support & Care of Persons"),
    "5331": (OC, "Interfund - Information Services"),
    "5332": (OC, "Interfund - Fleet"),
    "5333": (OC, "Interfund - Facilities Maintenance"),
    "5334": (OC, "Interfund - Risk Management"),
    "5340": (OC, "Contributions to Other Agencies"),
    "5350": (OC, "Self-Insurance Claims"),
    "5360": (OC, "Bond Principal"),
    "5365": (OC, "Bond Interest"),
    "5370": (OC, "Trustee & Administrative Fees"),
    "5380": (OC, "Benefit Payments"),
    "5385": (OC, "Refunds of Member Contributions"),
    "5390": (OC, "Distributions to Pool Participants"),
    "5410": (FA, "Structures & Improvements"),
    "5420": (FA, "Equipment"),
    "5510": (OFU, "Operating Transfer Out"),
    "5520": (OFU, "POB Debt Service Transfer"),
    "5610": (IFT, "Intrafund Reimbursements"),
    "5810": (CONT, "Appropriation for Contingencies"),
    "5910": (PROV, "Provisions for Reserves"),
}
TAX = "Taxes"
LIC = "Licenses, Permits & Franchises"
FINE = "Fines, Forfeitures & Penalties"
MONEY = "Use of Money & Property"
STATE = "Intergovernmental Revenue - State"
FED = "Intergovernmental Revenue - Federal"
CHG = "Charges for Services"
MISC = "Miscellaneous Revenue"
OFS = "Other Financing Sources"
FB = "Fund Balance"
ALDER_REVENUE_OBJECTS = {
    "3910": (FB, "Use of Fund Balance"),
    "4010": (TAX, "Property Taxes - Current Secured"),
    "4015": (TAX, "Property Taxes - Current Unsecured"),
    "4020": (TAX, "Property Tax In-Lieu of VLF"),
    "4025": (TAX, "Property Taxes - Supplemental"),
    "4028": (TAX, "Excess ERAF Distribution (One-Time)"),
    "4030": (TAX, "Sales & Use Tax"),
    "4035": (TAX, "Local Sales Tax Measure (General)"),
    "4040": (TAX, "Transient Occupancy Tax"),
    "4045": (TAX, "Property Transfer Tax"),
    "4050": (TAX, "Special Assessments"),
    "4110": (LIC, "Franchises"),
    "4120": (LIC, "Construction Permits"),
    "4130": (LIC, "Other Licenses & Permits"),
    "4210": (FINE, "Vehicle Code Fines"),
    "4220": (FINE, "Other Court Fines"),
    "4230": (FINE, "Penalties & Costs on Delinquent Taxes"),
    "4240": (FINE, "Asset Forfeitures"),
    "4310": (MONEY, "Interest"),
    "4320": (MONEY, "Rents & Concessions"),
    "4410": (STATE, "State - Public Assistance Administration"),
    "4415": (STATE, "State - Public Assistance Programs"),
    "4420": (STATE, "State - Health Programs"),
    "4425": (STATE, "State - Mental Health"),
    "4430": (STATE, "State - 1991 Realignment"),
    "4435": (STATE, "State - 2011 Realignment"),
    "4440": (STATE, "State - Prop 172 Public Safety Sales Tax"),
    "4445": (STATE, "State - Highway Users Tax"),
    "4450": (STATE, "State - Other"),
    "4455": (STATE, "State - Mental Health Services Act"),
    "4460": (STATE, "State - Road Maintenance & Rehabilitation (SB 1)"),
    "4465": (STATE, "State - One-Time Grants"),
    "4510": (FED, "Federal - Public Assistance Administration"),
    "4515": (FED, "Federal - Public Assistance Programs"),
    "4520": (FED, "Federal - Health"),
    "4525": (FED, "Federal - Medi-Cal Administrative Activities"),
    "4530": (FED, "Federal - Other Grants"),
    "4535": (FED, "Federal - CDBG/HOME"),
    "4540": (FED, "Federal - Workforce Innovation (WIOA)"),
    "4545": (FED, "Federal - Child Support (Title IV-D)"),
    "4610": (CHG, "Assessment & Tax Collection Fees"),
    "4620": (CHG, "Election Services"),
    "4630": (CHG, "Legal Services"),
    "4640": (CHG, "Recording Fees"),
    "4650": (CHG, "Planning & Engineering Services"),
    "4660": (CHG, "Health Fees"),
    "4670": (CHG, "Patient Revenue - Medi-Cal"),
    "4671": (CHG, "Patient Revenue - Medicare"),
    "4672": (CHG, "Patient Revenue - Commercial"),
    "4673": (CHG, "Patient Revenue - Self-Pay & Other"),
    "4680": (CHG, "Charges to County Departments"),
    "4685": (CHG, "Sanitation & Landfill Fees"),
    "4690": (CHG, "Airport Fees"),
    "4695": (CHG, "Other Charges for Services"),
    "4710": (MISC, "Tobacco Settlement"),
    "4760": (MISC, "Employer Contributions"),
    "4765": (MISC, "Member Contributions"),
    "4770": (MISC, "Investment Earnings"),
    "4790": (MISC, "Miscellaneous"),
    "4795": (MISC, "Litigation Settlement (One-Time)"),
    "4810": (OFS, "Operating Transfer In"),
}

#: Salaries & benefits: sub-object -> (base weight, FY26/FY25 growth, kept when optional?).
ALDER_PERSONNEL = {
    "5110": (0.52, 1.12, 1.0),
    "5120": (0.025, 1.03, 0.55),
    "5130": (0.035, 1.04, 0.75),
    "5140": (0.02, 1.06, 0.6),
    "5150": (0.085, 1.08, 1.0),
    "5151": (0.085, 1.16, 1.0),
    "5160": (0.045, 1.095, 1.0),
    "5170": (0.10, 1.13, 1.0),
    "5175": (0.012, 1.06, 1.0),
    "5180": (0.025, 1.05, 1.0),
    "5185": (0.015, 1.06, 0.8),
    "5186": (0.008, 1.0, 0.6),
    "5190": (0.002, 1.0, 0.5),
}
#: Services & supplies: sub-object -> (base weight, chance it appears in a division).
ALDER_SUPPLIES = {
    "5210": (0.06, 1.0),
    "5211": (0.005, 0.6),
    "5212": (0.01, 0.65),
    "5215": (0.04, 1.0),
    "5220": (0.22, 1.0),
    "5221": (0.02, 0.3),
    "5222": (0.08, 0.25),
    "5223": (0.03, 0.5),
    "5225": (0.15, 0.45),
    "5226": (0.02, 0.3),
    "5230": (0.06, 0.6),
    "5235": (0.02, 0.55),
    "5240": (0.04, 0.75),
    "5245": (0.04, 0.55),
    "5250": (0.05, 0.6),
    "5251": (0.02, 0.4),
    "5255": (0.02, 0.45),
    "5260": (0.01, 0.4),
    "5265": (0.03, 0.35),
    "5266": (0.03, 0.2),
    "5270": (0.02, 0.3),
    "5271": (0.005, 0.45),
    "5275": (0.02, 1.0),
    "5276": (0.005, 0.8),
    "5280": (0.08, 1.0),
    "5281": (0.01, 0.7),
    "5285": (0.04, 0.85),
    "5286": (0.01, 0.75),
    "5290": (0.01, 0.7),
    "5291": (0.003, 0.35),
    "5295": (0.01, 0.4),
    "5296": (0.002, 0.3),
    "5298": (0.004, 0.25),
}
#: Interfund (internal service) charges: sub-object -> (share of ISF charges, ISF fund).
ALDER_ISF_CHARGES = {
    "5331": (0.45, "0310"),
    "5332": (0.15, "0300"),
    "5333": (0.25, "0340"),
    "5334": (0.15, "0320"),
}
#: Personnel sub-objects billed by an internal service fund.
ALDER_ISF_PERSONNEL = {"5180": "0320", "5175": "0330"}
ALDER_ISF_RATE = 0.035  # share of an operating division's budget charged by ISFs
#: What each internal service fund spends its charges on: fund -> ((sub-object, weight),).
ALDER_ISF_SPENDING = {
    "0300": (
        ("5110", 0.3),
        ("5150", 0.05),
        ("5151", 0.05),
        ("5160", 0.03),
        ("5170", 0.06),
        ("5240", 0.25),
        ("5251", 0.16),
        ("5420", 0.1),
    ),
    "0310": (
        ("5110", 0.38),
        ("5150", 0.06),
        ("5151", 0.06),
        ("5160", 0.03),
        ("5170", 0.07),
        ("5220", 0.15),
        ("5285", 0.2),
        ("5215", 0.05),
    ),
    "0320": (
        ("5110", 0.1),
        ("5150", 0.015),
        ("5151", 0.015),
        ("5170", 0.02),
        ("5220", 0.1),
        ("5295", 0.2),
        ("5350", 0.55),
    ),
    "0330": (("5110", 0.03), ("5150", 0.005), ("5151", 0.005), ("5220", 0.06), ("5350", 0.9)),
    "0340": (
        ("5110", 0.35),
        ("5150", 0.05),
        ("5151", 0.05),
        ("5160", 0.03),
        ("5170", 0.07),
        ("5245", 0.3),
        ("5250", 0.1),
        ("5255", 0.05),
    ),
}
#: Debt service spending: sub-object -> share.
ALDER_DEBT_SPENDING = (("5360", 0.62), ("5365", 0.36), ("5370", 0.02))

GF = "0001"
#: Budget units: code -> (name, function, FY26 operating budget $M before calibration,
#: mandated?, personnel share, GF program revenue as a share of GF spending,
#: aid payments / support and care share).
ALDER_UNITS = {
    "1010": ("Board of Supervisors", GENERAL, 14, False, 0.75, 0.0, 0.0),
    "1020": ("County Executive", GENERAL, 45, False, 0.7, 0.2, 0.0),
    "1030": ("Clerk of the Board", GENERAL, 8, False, 0.72, 0.3, 0.0),
    "1040": ("County Counsel", GENERAL, 40, True, 0.85, 0.45, 0.0),
    "1050": ("Assessor", GENERAL, 42, True, 0.82, 0.15, 0.0),
    "1060": ("Auditor-Controller/Finance", GENERAL, 38, True, 0.78, 0.4, 0.0),
    "1070": ("Treasurer-Tax Collector", GENERAL, 22, True, 0.6, 0.6, 0.0),
    "1075": ("Clerk-Recorder", GENERAL, 20, True, 0.7, 0.8, 0.0),
    "1080": ("Registrar of Voters", GENERAL, 30, True, 0.45, 0.35, 0.0),
    "1090": ("Employee Services", GENERAL, 40, False, 0.75, 0.3, 0.0),
    "1100": ("Technology Services", GENERAL, 10, False, 0.6, 0.0, 0.0),
    "1110": ("Special Programs & Reserves", GENERAL, 20, False, 0.0, 0.0, 0.0),
    "1120": ("Appropriation for Contingencies", GENERAL, 0, False, 0.0, 0.0, 0.0),
    "2010": ("Sheriff - Enforcement", PROTECTION, 230, True, 0.84, 0.32, 0.0),
    "2020": ("Sheriff - Custody", PROTECTION, 300, True, 0.82, 0.22, 0.0),
    "2030": ("District Attorney", PROTECTION, 120, True, 0.86, 0.38, 0.0),
    "2040": ("Public Defender", PROTECTION, 85, True, 0.88, 0.05, 0.0),
    "2050": ("Probation", PROTECTION, 150, True, 0.8, 0.36, 0.05),
    "2060": ("Pretrial Services", PROTECTION, 22, True, 0.85, 0.2, 0.0),
    "2070": ("Medical Examiner-Coroner", PROTECTION, 16, True, 0.75, 0.15, 0.0),
    "2080": ("Community Corrections (AB 109)", PROTECTION, 45, True, 0.35, 0.0, 0.2),
    "2090": ("Agriculture & Environmental Management", PROTECTION, 20, False, 0.78, 0.6, 0.0),
    "2100": ("Planning & Development", PROTECTION, 30, False, 0.75, 0.8, 0.0),
    "2110": ("County Fire Protection District", PROTECTION, 75, False, 0.85, 0.0, 0.0),
    "3010": ("Roads & Airports", WAYS, 120, False, 0.4, 0.0, 0.0),
    "3020": ("Facilities & Fleet", WAYS, 15, False, 0.5, 0.5, 0.0),
    "3030": ("Capital Programs", WAYS, 110, False, 0.05, 0.0, 0.0),
    "4010": ("Public Health", HEALTH, 240, True, 0.65, 0.78, 0.08),
    "4020": ("Behavioral Health", HEALTH, 560, True, 0.45, 0.9, 0.3),
    "4030": ("Custody Health", HEALTH, 90, True, 0.75, 0.3, 0.0),
    "4040": ("County Hospital & Clinics", HEALTH, 1000, False, 0.58, 0.0, 0.0),
    "4050": ("Environmental Health", HEALTH, 30, True, 0.8, 0.85, 0.0),
    "4060": ("Solid Waste", HEALTH, 50, False, 0.4, 0.0, 0.0),
    "4070": ("Emergency Medical Services", HEALTH, 14, False, 0.6, 0.5, 0.3),
    "5010": ("Social Services Agency", ASSISTANCE, 520, True, 0.55, 0.93, 0.3),
    "5020": ("In-Home Supportive Services", ASSISTANCE, 200, True, 0.08, 0.8, 0.75),
    "5030": ("Child Support Services", ASSISTANCE, 55, True, 0.8, 0.0, 0.0),
    "5040": ("Office of Supportive Housing", ASSISTANCE, 90, False, 0.2, 0.5, 0.5),
    "5050": ("Veterans Services", ASSISTANCE, 5, False, 0.8, 0.4, 0.0),
    "5060": ("Workforce Development", ASSISTANCE, 26, False, 0.45, 0.0, 0.35),
    "6010": ("County Library", EDUCATION, 45, False, 0.65, 0.0, 0.0),
    "6020": ("Parks & Recreation", RECREATION, 75, False, 0.6, 0.35, 0.0),
    "7010": ("Debt Service", DEBT, 0, True, 0.0, 0.0, 0.0),
}
#: Divisions/programs: unit -> ((name, fund, share of the unit's budget[, kind]),).
#: Kinds: op (operating, the default), pass (restricted revenue passed on by transfer),
#: debt, capital, isf (internal service), small (CSA), fiduciary, gpr (general-purpose
#: revenue), reserve, contingency.
ALDER_DIVISIONS = {
    "1010": (("Supervisorial Districts", GF, 0.8), ("Board Operations", GF, 0.2)),
    "1020": (
        ("Executive Office", GF, 0.35),
        ("Budget & Analysis", GF, 0.2),
        ("Intergovernmental Affairs", GF, 0.1),
        ("Emergency Management", GF, 0.35),
    ),
    "1030": (("Board Clerk Services", GF, 0.7), ("Assessment Appeals", GF, 0.3)),
    "1040": (
        ("Litigation", GF, 0.4),
        ("Advisory", GF, 0.35),
        ("Child Welfare Legal Services", GF, 0.25),
    ),
    "1050": (
        ("Real Property", GF, 0.55),
        ("Business Personal Property", GF, 0.25),
        ("Assessment Standards", GF, 0.2),
    ),
    "1060": (
        ("General Accounting", GF, 0.35),
        ("Payroll", GF, 0.2),
        ("Property Tax Accounting", GF, 0.25),
        ("Internal Audit", GF, 0.2),
    ),
    "1070": (
        ("Tax Collection", GF, 0.6),
        ("Treasury & Investments", GF, 0.4),
        ("Investment Pool (memo)", "0410", 0.0, "fiduciary"),
    ),
    "1075": (
        ("Recording", GF, 0.5),
        ("Vital Records", GF, 0.25),
        ("Recorder Modernization", "0075", 0.25),
    ),
    "1080": (("Election Operations", GF, 0.7), ("Voter Services", GF, 0.3)),
    "1090": (
        ("Human Resources", GF, 0.55),
        ("Labor Relations", GF, 0.15),
        ("Equal Opportunity", GF, 0.3),
        ("Risk Management", "0320", 0.4, "isf"),
        ("Workers' Compensation", "0320", 0.6, "isf"),
        ("Employee Benefits", "0330", 1.0, "isf"),
        ("Retirement Trust (memo)", "0400", 0.0, "fiduciary"),
    ),
    "1100": (
        ("Technology Planning", GF, 1.0),
        ("Infrastructure & Operations", "0310", 0.45, "isf"),
        ("Enterprise Applications", "0310", 0.35, "isf"),
        ("Cybersecurity", "0310", 0.2, "isf"),
    ),
    "1110": (
        ("Countywide Obligations", GF, 1.0),
        ("General Purpose Revenue", GF, 0.0, "gpr"),
        ("Reserves", GF, 0.0, "reserve"),
    ),
    "1120": (("Contingencies", GF, 0.0, "contingency"),),
    "2010": (
        ("Patrol", GF, 0.45),
        ("Investigations", GF, 0.2),
        ("Court Security", GF, 0.2),
        ("Sheriff Administration", GF, 0.15),
        ("Asset Forfeiture Programs", "0070", 0.02),
        ("Prop 172 Pass-Through", "0045", 0.0, "pass"),
    ),
    "2020": (
        ("Main Jail", GF, 0.45),
        ("North Valley Facility", GF, 0.3),
        ("Inmate Programs", GF, 0.1),
        ("Custody Administration", GF, 0.15),
        ("Criminal Justice Facility Fund", "0085", 0.0, "pass"),
    ),
    "2030": (
        ("Prosecution", GF, 0.6),
        ("Bureau of Investigation", GF, 0.25),
        ("Victim Services", GF, 0.15),
    ),
    "2040": (
        ("Felony Defense", GF, 0.55),
        ("Misdemeanor & Juvenile Defense", GF, 0.3),
        ("Alternate Defender", GF, 0.15),
    ),
    "2050": (
        ("Adult Supervision", GF, 0.4),
        ("Juvenile Hall", GF, 0.3),
        ("Juvenile Supervision", GF, 0.2),
        ("Probation Administration", GF, 0.1),
        ("Juvenile Crime Prevention Programs", "0096", 0.08),
    ),
    "2060": (("Pretrial Assessment", GF, 0.6), ("Pretrial Supervision", GF, 0.4)),
    "2070": (("Forensic Pathology", GF, 0.7), ("Coroner Investigations", GF, 0.3)),
    "2080": (
        ("Realignment Pass-Through", "0035", 0.0, "pass"),
        ("Reentry Services", "0035", 0.55),
        ("Treatment Contracts", "0035", 0.45),
    ),
    "2090": (
        ("Agricultural Commissioner", GF, 0.45),
        ("Weights & Measures", GF, 0.2),
        ("Hazardous Materials", GF, 0.35),
    ),
    "2100": (
        ("Planning", GF, 0.4),
        ("Building Inspection", GF, 0.45),
        ("Land Development Engineering", GF, 0.15),
    ),
    "2110": (
        ("Fire Suppression", "0090", 0.7),
        ("Fire Prevention", "0090", 0.15),
        ("Fire Administration", "0090", 0.15),
    ),
    "3010": (
        ("Road Maintenance", "0020", 0.45),
        ("Traffic Engineering", "0020", 0.1),
        ("Road Capital Projects", "0020", 0.2, "capital"),
        ("Airports", "0210", 0.15),
        ("CSA 1 - Alder Heights Lighting", "0101", 0.015, "small"),
        ("CSA 2 - Mill Creek Roads", "0102", 0.025, "small"),
        ("CSA 3 - Valley Oaks Lighting", "0103", 0.01, "small"),
        ("CSA 4 - Foothill Drainage", "0104", 0.02, "small"),
        ("CSA 5 - Riverbend Parks", "0105", 0.02, "small"),
        ("CSA 6 - North County Lighting", "0106", 0.01, "small"),
    ),
    "3020": (
        ("Real Estate & Leasing", GF, 1.0),
        ("Fleet Services", "0300", 0.35, "isf"),
        ("Facilities Maintenance", "0340", 0.65, "isf"),
        ("Courthouse Facilities", "0080", 0.5),
    ),
    "3030": (
        ("Capital Improvements", "0150", 0.65, "capital"),
        ("Jail Construction", "0155", 0.35, "capital"),
    ),
    "4010": (
        ("Disease Control", GF, 0.3),
        ("Maternal & Child Health", GF, 0.25),
        ("Public Health Laboratory", GF, 0.1),
        ("Health Administration", GF, 0.15),
        ("Indigent Health Programs", "0030", 0.12),
        ("Tobacco Prevention", "0065", 0.03),
        ("Emergency Preparedness", "0098", 0.05),
    ),
    "4020": (
        ("Adult Mental Health", GF, 0.3),
        ("Children's Mental Health", GF, 0.2),
        ("Substance Use Treatment", GF, 0.15),
        ("Mental Health Realignment Programs", "0031", 0.1),
        ("MHSA Community Services & Supports", "0040", 0.12),
        ("MHSA Prevention & Early Intervention", "0040", 0.05),
        ("Behavioral Health Realignment Programs", "0036", 0.08),
    ),
    "4030": (("Jail Medical Services", GF, 0.65), ("Jail Mental Health", GF, 0.35)),
    "4040": (
        ("Inpatient - Medical/Surgical", "0200", 0.22),
        ("Inpatient - Critical Care", "0200", 0.1),
        ("Inpatient - Psychiatric", "0200", 0.06),
        ("Emergency Services", "0200", 0.12),
        ("Primary Care Clinics", "0200", 0.12),
        ("Specialty Clinics", "0200", 0.08),
        ("Pharmacy", "0200", 0.1),
        ("Laboratory & Imaging", "0200", 0.08),
        ("Patient Business Services", "0200", 0.04),
        ("Hospital Administration", "0200", 0.08),
    ),
    "4050": (("Consumer Protection", GF, 0.6), ("Land & Water Protection", GF, 0.4)),
    "4060": (("Landfill Operations", "0220", 0.7), ("Recycling & Waste Reduction", "0220", 0.3)),
    "4070": (("EMS Agency", GF, 0.6), ("Maddy Emergency Medical Fund", "0088", 0.4)),
    "5010": (
        ("CalWORKs", GF, 0.22),
        ("CalFresh Administration", GF, 0.12),
        ("Medi-Cal Eligibility", GF, 0.1),
        ("Child Welfare Services", GF, 0.18),
        ("Foster Care", GF, 0.14),
        ("Adult Protective Services", GF, 0.06),
        ("General Assistance", GF, 0.1),
        ("Agency Administration", GF, 0.08),
        ("Social Services Realignment Pass-Through", "0032", 0.0, "pass"),
    ),
    "5020": (
        ("IHSS Provider Payments", GF, 0.8),
        ("IHSS Administration", GF, 0.12),
        ("IHSS Public Authority", GF, 0.08),
    ),
    "5030": (("Case Management", "0050", 0.7), ("Legal & Establishment", "0050", 0.3)),
    "5040": (
        ("Permanent Supportive Housing", GF, 0.45),
        ("Emergency Shelter", GF, 0.25),
        ("CDBG & HOME Grants", "0060", 0.2),
        ("Housing Trust", "0094", 0.1),
    ),
    "5050": (("Veterans Benefits Counseling", GF, 1.0),),
    "5060": (("Adult & Dislocated Worker", "0055", 0.65), ("Youth Programs", "0055", 0.35)),
    "6010": (
        ("Branch Services", "0025", 0.6),
        ("Collections", "0025", 0.2),
        ("Library Administration", "0025", 0.2),
    ),
    "6020": (
        ("Park Operations", GF, 0.55),
        ("Natural Resources", GF, 0.2),
        ("Recreation Programs", GF, 0.15),
        ("Park Development", "0092", 0.15, "capital"),
    ),
    "7010": (
        ("Lease Revenue Bonds", "0170", 0.0, "debt"),
        ("Pension Obligation Bonds", "0175", 0.0, "debt"),
    ),
}
#: General Fund program revenue of a unit: unit -> ((sub-object, weight),).
ALDER_PROGRAM_REVENUE = {
    "1020": (("4530", 0.5), ("4450", 0.3), ("4695", 0.2)),
    "1030": (("4695", 0.7), ("4790", 0.3)),
    "1040": (("4630", 0.8), ("4790", 0.2)),
    "1050": (("4610", 0.8), ("4695", 0.2)),
    "1060": (("4610", 0.6), ("4695", 0.4)),
    "1070": (("4610", 0.5), ("4230", 0.3), ("4310", 0.2)),
    "1075": (("4640", 0.85), ("4130", 0.15)),
    "1080": (("4620", 0.8), ("4450", 0.2)),
    "1090": (("4695", 1.0),),
    "2010": (("4450", 0.3), ("4695", 0.4), ("4210", 0.15), ("4530", 0.15)),
    "2020": (("4450", 0.5), ("4695", 0.3), ("4530", 0.2)),
    "2030": (("4450", 0.45), ("4530", 0.35), ("4220", 0.2)),
    "2040": (("4450", 0.6), ("4695", 0.4)),
    "2050": (("4450", 0.6), ("4530", 0.25), ("4695", 0.15)),
    "2060": (("4450", 1.0),),
    "2070": (("4695", 1.0),),
    "2090": (("4450", 0.4), ("4130", 0.35), ("4695", 0.25)),
    "2100": (("4120", 0.55), ("4650", 0.45)),
    "3020": (("4320", 1.0),),
    "4010": (("4420", 0.35), ("4520", 0.3), ("4660", 0.2), ("4525", 0.15)),
    "4020": (("4425", 0.4), ("4520", 0.45), ("4525", 0.15)),
    "4030": (("4420", 0.6), ("4520", 0.4)),
    "4050": (("4660", 0.7), ("4130", 0.3)),
    "4070": (("4695", 0.6), ("4450", 0.4)),
    "5010": (("4410", 0.18), ("4415", 0.22), ("4510", 0.28), ("4515", 0.32)),
    "5020": (("4415", 0.55), ("4515", 0.45)),
    "5040": (("4450", 0.5), ("4530", 0.5)),
    "5050": (("4450", 1.0),),
    "6020": (("4320", 0.5), ("4695", 0.5)),
}


@dataclass(frozen=True)
class BudgetUnit:
    code: str
    name: str
    function: str
    budget: float  # FY2025-26 operating budget, $M (relative size before calibration)
    mandated: bool
    personnel: float  # share of operating budget for salaries & benefits
    offset: float  # GF program revenue as a share of GF operating budget
    other: float  # share in aid payments / support and care of persons
    divisions: tuple[tuple, ...]  # (name, fund, share[, kind])
    revenue: tuple[tuple[str, float], ...]  # GF program-revenue profile


ALDER_BUDGET_UNITS = tuple(
    BudgetUnit(
        code, *facts[:6], facts[6], ALDER_DIVISIONS[code], ALDER_PROGRAM_REVENUE.get(code, ())
    )
    for code, facts in ALDER_UNITS.items()
)

#: Revenue profiles of special, enterprise and capital funds: fund -> ((sub-object, weight),).
ALDER_FUND_REVENUE = {
    "0020": (("4445", 0.45), ("4460", 0.3), ("4530", 0.15), ("4650", 0.1)),
    "0025": (("4010", 0.8), ("4015", 0.05), ("4695", 0.1), ("4310", 0.05)),
    "0030": (("4430", 0.9), ("4310", 0.1)),
    "0031": (("4430", 0.95), ("4310", 0.05)),
    "0032": (("4430", 0.97), ("4310", 0.03)),
    "0035": (("4435", 0.97), ("4310", 0.03)),
    "0036": (("4435", 0.97), ("4310", 0.03)),
    "0040": (("4455", 0.93), ("4310", 0.07)),
    "0045": (("4440", 0.99), ("4310", 0.01)),
    "0050": (("4545", 0.66), ("4450", 0.34)),
    "0055": (("4540", 0.9), ("4450", 0.1)),
    "0060": (("4535", 0.85), ("4790", 0.15)),
    "0065": (("4710", 0.95), ("4310", 0.05)),
    "0070": (("4240", 0.9), ("4310", 0.1)),
    "0075": (("4640", 0.95), ("4310", 0.05)),
    "0080": (("4220", 0.9), ("4310", 0.1)),
    "0085": (("4220", 0.9), ("4310", 0.1)),
    "0088": (("4220", 0.8), ("4210", 0.2)),
    "0090": (("4010", 0.75), ("4015", 0.05), ("4695", 0.15), ("4450", 0.05)),
    "0092": (("4650", 0.6), ("4310", 0.1), ("4530", 0.3)),
    "0094": (("4790", 0.6), ("4450", 0.4)),
    "0096": (("4450", 1.0),),
    "0098": (("4520", 0.7), ("4420", 0.3)),
    "0101": (("4050", 0.9), ("4310", 0.1)),
    "0102": (("4050", 0.9), ("4310", 0.1)),
    "0103": (("4050", 0.9), ("4310", 0.1)),
    "0104": (("4050", 0.9), ("4310", 0.1)),
    "0105": (("4050", 0.9), ("4310", 0.1)),
    "0106": (("4050", 0.9), ("4310", 0.1)),
    "0150": (("4465", 0.5), ("4530", 0.3), ("4310", 0.05), ("4790", 0.15)),
    "0155": (("4465", 0.9), ("4310", 0.1)),
    "0200": (
        ("4670", 0.56),
        ("4671", 0.2),
        ("4672", 0.12),
        ("4673", 0.02),
        ("4520", 0.06),
        ("4420", 0.04),
    ),
    "0210": (("4690", 0.85), ("4320", 0.15)),
    "0220": (("4685", 0.95), ("4310", 0.05)),
}
#: General-purpose (discretionary) GF revenue: sub-object -> weight.
ALDER_GENERAL_REVENUE = (
    ("4010", 0.45),
    ("4015", 0.03),
    ("4020", 0.22),
    ("4025", 0.02),
    ("4030", 0.03),
    ("4035", 0.17),
    ("4040", 0.005),
    ("4045", 0.02),
    ("4110", 0.01),
    ("4230", 0.01),
    ("4310", 0.035),
)
#: One-time GF revenue lines that pay for the GF's one-time spending.
ALDER_ONE_TIME_REVENUE = (("4028", 0.5), ("4795", 0.2), ("4465", 0.3))

#: Interfund transfers: (from fund, from BU, to fund, to BU, FY26 $M, note).
ALDER_TRANSFERS = (
    ("0001", "1110", "0200", "4040", 250, "General Fund subsidy to the hospital system"),
    ("0001", "1110", "0150", "3030", 35, ""),
    ("0001", "1110", "0175", "7010", 90, "Pays the pension obligation bonds"),
    ("0001", "1110", "0170", "7010", 40, ""),
    ("0001", "1110", "0155", "3030", 15, ""),
    ("0045", "2010", "0001", "2010", 60, "Prop 172: public safety only"),
    ("0045", "2010", "0001", "2030", 20, "Prop 172: public safety only"),
    ("0045", "2010", "0001", "2050", 12, "Prop 172: public safety only"),
    ("0032", "5010", "0001", "5010", 60, "Realignment: restricted to social services"),
    ("0035", "2080", "0001", "2050", 30, "AB 109 realignment"),
    ("0035", "2080", "0001", "2020", 25, "AB 109 realignment"),
    ("0065", "4010", "0001", "4010", 10, ""),
    ("0080", "3020", "0170", "7010", 6, ""),
    ("0085", "2020", "0170", "7010", 8, ""),
    ("0200", "4040", "0170", "7010", 20, ""),
)
#: GF budget units that take the vacant-position eliminations: BU -> weight.
ALDER_VACANCY_UNITS = {
    "2020": 0.22,
    "5010": 0.2,
    "2010": 0.15,
    "4020": 0.1,
    "2050": 0.1,
    "4010": 0.08,
    "1050": 0.05,
    "2040": 0.05,
    "6020": 0.05,
}
ALDER_NOTES = {
    "vacancy": "Eliminates funded vacant positions (300 FTE countywide; ongoing solution)",
    "fund_balance_gf": "One-time fund balance closes the rest of the structural gap",
    "medi_cal": "Scenario: a federal Medicaid cut would remove about $150M",
    "sales_measure": "General tax (majority vote); a hospital-only tax would need two-thirds",
    "fiduciary": "Memo only: held for others, not part of county totals",
    "contingency": "Set aside for the unexpected during the year",
    "intrafund": "Negative: costs billed to other General Fund departments",
    "ual": "UAL: paying down past pension shortfalls",
    "isf": "Charges to departments, already counted in their budgets",
}

#: Classifications for the Positions sheet: generic ones and those of a function or BU.
ALDER_GENERIC_CLASSES = (
    "Department Director",
    "Deputy Director",
    "Program Manager",
    "Management Analyst",
    "Senior Accountant",
    "Account Clerk II",
    "Office Specialist III",
    "Executive Assistant",
    "Information Systems Analyst",
    "Administrative Services Manager",
)
ALDER_CLASSES = {
    GENERAL: (
        "Accountant II",
        "Auditor-Appraiser",
        "Human Resources Analyst",
        "Legal Secretary",
        "Payroll Specialist",
        "Election Coordinator",
        "Appraiser II",
        "Attorney IV",
        "Network Engineer",
        "Budget Analyst",
        "Tax Collection Specialist",
        "Recorder Technician",
        "Buyer II",
        "Benefits Analyst",
    ),
    PROTECTION: (
        "Deputy Sheriff",
        "Sheriff's Sergeant",
        "Correctional Officer",
        "Correctional Sergeant",
        "Deputy District Attorney III",
        "Deputy Public Defender III",
        "Deputy Probation Officer II",
        "Group Counselor II",
        "Criminal Investigator",
        "Victim Advocate",
        "Coroner Investigator",
        "Agricultural Inspector",
        "Building Inspector",
        "Planner III",
        "Firefighter/Paramedic",
        "Fire Captain",
        "Dispatcher II",
        "Legal Clerk",
        "Pretrial Services Officer",
    ),
    WAYS: (
        "Road Maintenance Worker",
        "Civil Engineer",
        "Engineering Technician",
        "Fleet Mechanic",
        "Building Maintenance Worker",
        "Electrician",
        "Airport Operations Specialist",
        "Project Manager",
        "Custodian",
        "Equipment Operator",
    ),
    HEALTH: (
        "Registered Nurse II",
        "Physician",
        "Nurse Practitioner",
        "Medical Assistant",
        "Pharmacist",
        "Clinical Laboratory Scientist",
        "Public Health Nurse",
        "Epidemiologist",
        "Mental Health Clinician",
        "Psychiatrist",
        "Substance Use Counselor",
        "Environmental Health Specialist",
        "Hospital Services Assistant",
        "Patient Business Services Clerk",
        "Respiratory Therapist",
        "Radiologic Technologist",
        "Health Educator",
        "Licensed Vocational Nurse",
        "Social Worker (Medical)",
        "Landfill Equipment Operator",
    ),
    ASSISTANCE: (
        "Social Worker II",
        "Social Worker III",
        "Eligibility Worker II",
        "Eligibility Supervisor",
        "Employment Counselor",
        "Child Support Specialist",
        "Social Services Program Manager",
        "Housing Specialist",
        "Veterans Services Representative",
        "Social Work Supervisor",
        "Public Authority Specialist",
    ),
    EDUCATION: ("Librarian II", "Library Assistant", "Library Page", "Literacy Coordinator"),
    RECREATION: ("Park Ranger", "Park Maintenance Worker", "Recreation Leader", "Naturalist"),
    DEBT: (),
}


@dataclass(frozen=True)
class AlderDivision:
    bu: BudgetUnit
    name: str
    fund: str
    budget: float  # FY2025-26 operating budget before calibration, dollars
    weight: float  # share inside its fund (internal service, debt)
    kind: str


@dataclass
class AlderLine:
    fund: str
    bu: BudgetUnit
    division: str
    type: str
    code: str
    name: str
    amounts: list[int]
    recurring: str = "Ongoing"
    note: str = ""
    growth: float = 1.03  # FY26 over FY25
    execution: float = 1.0  # FY24 actual over the FY25 budget taken back one year
    weight: float = 0.0  # share key of lines sized from what pays for them (ISF, debt)

    @property
    def direction(self) -> str:
        return TYPE_DIRECTION[self.type]

    @property
    def object(self) -> str:
        return _alder_object(self.code)[0]


def _alder_object(code: str) -> tuple[str, str]:
    return (ALDER_EXPENSE_OBJECTS if code.startswith("5") else ALDER_REVENUE_OBJECTS)[code]


#: Kinds of division that carry a share of their unit's operating budget.
_BUDGETED_KINDS = ("op", "capital", "small")


def _alder_divisions() -> list[AlderDivision]:
    out = []
    for bu in ALDER_BUDGET_UNITS:
        spec = [(d[0], d[1], d[2], d[3] if len(d) > 3 else "op") for d in bu.divisions]
        total = sum(w for _n, _f, w, kind in spec if kind in _BUDGETED_KINDS)
        for name, fund, w, kind in spec:
            budget = bu.budget * 1e6 * w / total if kind in _BUDGETED_KINDS and total else 0.0
            out.append(AlderDivision(bu, name, fund, budget, w, kind))
    return out


class _AlderBuilder:
    """Alder Valley's lines for one calibration ``scale`` of the non-General-Fund budgets.

    Every random draw happens in the same order whatever the scale, so calibrating only
    changes amounts, never which lines exist.
    """

    def __init__(self, scale: float) -> None:
        self.rnd = _Rand(ALDER_SEED)
        self.scale = scale
        self.divisions = _alder_divisions()
        self.lines: list[AlderLine] = []

    def add(self, div: AlderDivision, type_: str, code: str, fy26: int = 0, **kw) -> AlderLine:
        kw.setdefault("name", _alder_object(code)[1])
        ln = AlderLine(div.fund, div.bu, div.name, type_, code, amounts=[0, 0, int(fy26)], **kw)
        self.lines.append(ln)
        return ln

    def division(self, bu_code: str, fund: str, kind: str | None = None) -> AlderDivision:
        return next(
            d
            for d in self.divisions
            if d.bu.code == bu_code and d.fund == fund and (kind is None or d.kind == kind)
        )

    def build(self) -> list[AlderLine]:
        self.spending()
        self.vacancy_savings()
        self.transfers()
        self.derived_spending()
        self.fiduciary()
        self.revenue()
        self.earlier_years()
        self.balance()
        return self.lines

    # -- uses ---------------------------------------------------------------------------------
    def spending(self) -> None:
        gf_fixed = (
            sum(t[4] for t in ALDER_TRANSFERS if t[0] == GF) * 1_000_000
            + ALDER_CONTINGENCY
            + ALDER_RESERVE_PROVISION
            + ALDER_VACANCY_SAVINGS
        )
        gf_ops = [d for d in self.divisions if d.fund == GF and d.kind in _BUDGETED_KINDS]
        gf_targets = dict(
            zip(
                [id(d) for d in gf_ops],
                allocate(ALDER_GF_TOTAL - gf_fixed, [d.budget for d in gf_ops]),
                strict=True,
            )
        )
        for d in self.divisions:
            if d.kind in _BUDGETED_KINDS:
                self.operating(d, gf_targets.get(id(d), round(d.budget * self.scale)))
            elif d.kind == "contingency":
                self.add(d, "Expense", "5810", ALDER_CONTINGENCY, note=ALDER_NOTES["contingency"])
            elif d.kind == "reserve":
                self.add(d, "Expense", "5910", ALDER_RESERVE_PROVISION, recurring="One-time")

    def operating(self, d: AlderDivision, target: int) -> None:
        """Spread one division's budget over sub-objects, group by group."""
        rnd, bu, kind = self.rnd, d.bu, d.kind
        big = bu.budget > 20
        personnel = bu.personnel if kind == "op" else 0.0
        other = bu.other if kind == "op" else 0.0
        fixed = rnd.uniform(0.05, 0.35) if kind == "capital" else rnd.uniform(0.005, 0.03)
        has_fixed = kind == "capital" or rnd.chance(0.45)
        isf = 0.0 if kind == "small" else ALDER_ISF_RATE * (0.55 if bu.budget > 1000 else 1.0)
        intrafund = rnd.uniform(0.02, 0.08) if d.fund == GF and rnd.chance(0.15) else 0.0
        group_totals = {
            "personnel": round(personnel * target),
            "isf": round(isf * target),
            "other": round(other * target),
            "fixed": round(fixed * target) if has_fixed else 0,
            "intrafund": -round(intrafund * target),
        }
        group_totals["supplies"] = target - sum(group_totals.values())
        # (code, weight, group, growth, execution)
        plan: list[tuple[str, float, str, float, float]] = []
        if personnel:
            for code, (w, growth, keep) in ALDER_PERSONNEL.items():
                if keep >= 1.0 or rnd.chance(keep if big else keep * 0.7):
                    boost = 3.0 if code == "5130" and bu.function == PROTECTION else 1.0
                    plan.append((code, w * boost * rnd.noise(0.15), "personnel", growth, 0.97))
        for code, (w, p) in ALDER_SUPPLIES.items():
            keep = rnd.chance(p * 0.3 if kind == "small" else p)
            if keep or (kind == "small" and code in ("5245", "5250")):
                plan.append((code, w * rnd.noise(0.5), "supplies", 1.03, rnd.uniform(0.85, 1.0)))
        if not any(p[2] == "supplies" for p in plan):
            plan.append(("5220", 1.0, "supplies", 1.03, 0.95))
        if isf:
            for code, (w, _fund) in ALDER_ISF_CHARGES.items():
                plan.append((code, w * rnd.noise(0.2), "isf", 1.04, 1.0))
        if other:
            codes = ("5310", "5320") if bu.function == ASSISTANCE else ("5320", "5340")
            for code in codes:
                plan.append((code, rnd.uniform(0.3, 1.0), "other", 1.04, rnd.uniform(0.9, 1.0)))
        if has_fixed:
            codes = ("5410", "5420") if kind == "capital" else (rnd.pick(("5410", "5420")),)
            for code in codes:
                plan.append((code, rnd.uniform(0.3, 1.0), "fixed", 1.0, rnd.uniform(0.4, 1.1)))
        if intrafund:
            plan.append(("5610", 1.0, "intrafund", 1.03, 1.0))
        # About one line in ten carries no money in any year; real files keep such lines.
        empty = {i for i, p in enumerate(plan) if p[2] == "supplies" and rnd.chance(0.2)}
        one_time = {i for i, p in enumerate(plan) if p[2] == "supplies" and rnd.chance(0.04)}
        growth_noise = [rnd.noise(0.02) for _ in plan]
        for group, total in group_totals.items():
            idx = [i for i, p in enumerate(plan) if p[2] == group]
            if not idx:
                continue
            weights = [0.0 if i in empty else plan[i][1] for i in idx]
            if not any(weights):
                weights = [plan[i][1] for i in idx]
            for i, amount in zip(idx, allocate(total, weights), strict=True):
                code, _w, grp, growth, execution = plan[i]
                once = grp == "fixed" or kind == "capital" or i in one_time
                self.add(
                    d,
                    "Expense",
                    code,
                    amount,
                    recurring="One-time" if once else "Ongoing",
                    growth=growth * growth_noise[i],
                    execution=execution,
                    note=ALDER_NOTES["intrafund"] if code == "5610" else "",
                )

    def vacancy_savings(self) -> None:
        amounts = allocate(ALDER_VACANCY_SAVINGS, list(ALDER_VACANCY_UNITS.values()))
        for bu_code, amount in zip(ALDER_VACANCY_UNITS, amounts, strict=True):
            self.add(
                self.division(bu_code, GF), "Expense", "5199", amount, note=ALDER_NOTES["vacancy"]
            )

    def transfers(self) -> None:
        for src, src_bu, dst, dst_bu, amount_m, note in ALDER_TRANSFERS:
            out_div, in_div = self.division(src_bu, src), self.division(dst_bu, dst)
            target = in_div.bu.name if dst == GF else ALDER_FUNDS[dst][0]
            code = "5520" if dst == "0175" else "5510"
            name = _alder_object(code)[1] + ("" if code == "5520" else f" - {target}")
            amount = amount_m * 1_000_000
            self.add(out_div, "Transfer Out", code, amount, name=name, note=note, growth=1.04)
            self.add(
                in_div,
                "Transfer In",
                "4810",
                amount,
                name=f"{_alder_object('4810')[1]} - {ALDER_FUNDS[src][0]}",
                growth=1.04,
            )

    def derived_spending(self) -> None:
        """Internal-service and debt-service lines; sized later from what pays for them."""
        for d in self.divisions:
            if d.kind == "isf":
                for code, w in ALDER_ISF_SPENDING[d.fund]:
                    self.add(d, "Expense", code, weight=w * d.weight * self.rnd.noise(0.2))
            elif d.kind == "debt":
                for code, w in ALDER_DEBT_SPENDING:
                    self.add(d, "Expense", code, weight=w)

    def fiduciary(self) -> None:
        employer = sum(ln.amounts[2] for ln in self.lines if ln.code in ("5150", "5151"))
        rows = {
            "0400": (
                ("Revenue", "4760", employer),
                ("Revenue", "4765", round(employer * 0.42)),
                ("Revenue", "4770", round(employer * 0.85)),
                ("Expense", "5380", round(employer * 1.55)),
                ("Expense", "5385", round(employer * 0.03)),
                ("Expense", "5220", round(employer * 0.02)),
            ),
            "0410": (
                ("Revenue", "4770", 210_000_000),
                ("Expense", "5390", 206_500_000),
                ("Expense", "5220", 3_500_000),
            ),
        }
        for d in self.divisions:
            if d.kind == "fiduciary":
                for type_, code, amount in rows[d.fund]:
                    self.add(d, type_, code, amount, note=ALDER_NOTES["fiduciary"], growth=1.05)

    # -- sources ------------------------------------------------------------------------------
    def revenue(self) -> None:
        rnd = self.rnd
        spent: dict[int, int] = defaultdict(int)
        for ln in self.lines:
            if ln.direction == "expense":
                spent[id(self.division_of(ln))] += ln.amounts[2]
        self.program_revenue(spent)
        self.fund_revenue(spent)
        for d in self.divisions:
            if d.kind == "isf" and d is self.division(d.bu.code, d.fund, "isf"):
                self.add(d, "Revenue", "4680", note=ALDER_NOTES["isf"])
        gpr = self.division("1110", GF, "gpr")
        one_time_uses = sum(
            ln.amounts[2]
            for ln in self.lines
            if ln.fund == GF and ln.direction == "expense" and ln.recurring == "One-time"
        )
        weights = [w for _c, w in ALDER_ONE_TIME_REVENUE]
        for (code, _w), amount in zip(
            ALDER_ONE_TIME_REVENUE, allocate(one_time_uses, weights), strict=True
        ):
            self.add(
                gpr, "Revenue", code, amount, recurring="One-time", growth=rnd.uniform(0.6, 1.6)
            )
        self.add(
            gpr,
            "Use of Fund Balance",
            "3910",
            ALDER_ONE_TIME_FUND_BALANCE,
            recurring="One-time",
            note=ALDER_NOTES["fund_balance_gf"],
        )
        for code, w in ALDER_GENERAL_REVENUE:
            note = ALDER_NOTES["sales_measure"] if code == "4035" else ""
            self.add(
                gpr, "Revenue", code, round(w * 1e9), growth=1.045 * rnd.noise(0.02), note=note
            )

    def division_of(self, ln: AlderLine) -> AlderDivision:
        return next(d for d in self.divisions if d.bu is ln.bu and d.name == ln.division)

    def program_revenue(self, spent: Mapping[int, int]) -> None:
        """General Fund departments' own revenue (grants, fees, state and federal aid)."""
        rnd = self.rnd
        for d in self.divisions:
            if d.fund != GF or d.kind != "op" or not d.bu.offset:
                continue
            total = round(spent[id(d)] * d.bu.offset * rnd.noise(0.08))
            weights = [
                w * rnd.noise(0.3) if (i == 0 or rnd.chance(0.85)) else 0.0
                for i, (_c, w) in enumerate(d.bu.revenue)
            ]
            growth = [1.04 * rnd.noise(0.03) for _ in weights]
            for (code, _w), amount, g in zip(
                d.bu.revenue, allocate(total, weights), growth, strict=True
            ):
                self.add(d, "Revenue", code, amount, growth=g)

    def fund_revenue(self, spent: Mapping[int, int]) -> None:
        """Special, enterprise and capital funds: placeholders, rescaled in ``balance``."""
        rnd = self.rnd
        for fund, profile in ALDER_FUND_REVENUE.items():
            divs = [d for d in self.divisions if d.fund == fund and d.kind != "isf"]
            for d in divs:
                part = max(spent[id(d)], 1)
                for code, w in profile:
                    amount = round(w * part * rnd.noise(0.1))
                    note = ALDER_NOTES["medi_cal"] if code == "4670" else ""
                    self.add(d, "Revenue", code, amount, growth=1.04 * rnd.noise(0.03), note=note)
            share = ALDER_FUND_BALANCE_USE.get(fund)
            if share:
                uses = sum(spent[id(d)] for d in divs)
                self.add(
                    divs[0],
                    "Use of Fund Balance",
                    "3910",
                    round(uses * share),
                    recurring="One-time",
                    growth=rnd.uniform(0.7, 1.3),
                )

    # -- earlier years and balancing ----------------------------------------------------------
    def earlier_years(self) -> None:
        """FY25 adopted and FY24 actual from each line's growth and execution."""
        rnd = self.rnd
        for ln in self.lines:
            execution = ln.execution if ln.direction == "expense" else rnd.uniform(0.97, 1.04)
            if ln.code == "5199":
                continue  # the eliminations are new this year
            if ln.fund == GF and ln.code == "3910":
                ln.amounts[:2] = [0, 45_000_000]
            elif ln.fund == GF and ln.recurring == "One-time" and ln.direction == "revenue":
                ln.amounts[:2] = [
                    round(ln.amounts[2] * ln.growth * 0.8),
                    round(ln.amounts[2] * ln.growth),
                ]
            else:
                fy25 = round(ln.amounts[2] / ln.growth)
                back = 1.05 if ln.code.startswith("51") else 1.03
                if ln.type in TRANSFER_TYPES:
                    execution = 1.0
                ln.amounts[:2] = [round(fy25 / back * execution), fy25]
        transfers = [ln for ln in self.lines if ln.type in TRANSFER_TYPES]
        for out_line, in_line in zip(transfers[::2], transfers[1::2], strict=True):
            in_line.amounts = list(out_line.amounts)

    def balance(self) -> None:
        """Make each fund's sources equal its uses in every year (FY24 actuals end ahead)."""
        charges: dict[tuple[str, int], int] = defaultdict(int)
        for ln in self.lines:
            isf = ALDER_ISF_CHARGES.get(ln.code, (0, ALDER_ISF_PERSONNEL.get(ln.code)))[1]
            if isf and ln.fund not in ("0400", "0410"):
                for y in range(3):
                    charges[(isf, y)] += ln.amounts[y]
        by_fund: dict[str, list[AlderLine]] = defaultdict(list)
        for ln in self.lines:
            by_fund[ln.fund].append(ln)
        for fund, lines in by_fund.items():
            ftype = ALDER_FUNDS[fund][1]
            expense = [ln for ln in lines if ln.type == "Expense"]
            surplus = self.rnd.uniform(1.0, 1.025)
            for y in range(3):
                if ftype == "Fiduciary":
                    continue
                if ftype == "Internal Service":
                    income = next(ln for ln in lines if ln.code == "4680")
                    income.amounts[y] = charges[(fund, y)]
                    _rescale(expense, y, income.amounts[y], by_weight=True)
                elif ftype == "Debt Service":
                    tin = sum(ln.amounts[y] for ln in lines if ln.type == "Transfer In")
                    _rescale(expense, y, tin, by_weight=True)
                else:
                    uses = sum(ln.amounts[y] for ln in lines if ln.direction == "expense")
                    target = round(uses * surplus) if y == 0 else uses
                    free = [ln for ln in lines if _adjustable(ln)]
                    fixed = sum(ln.amounts[y] for ln in lines if ln.direction == "revenue") - sum(
                        ln.amounts[y] for ln in free
                    )
                    if target < fixed:
                        raise ValueError(f"fund {fund}: fixed sources exceed uses in year {y}")
                    _rescale(free, y, target - fixed)


def _adjustable(ln: AlderLine) -> bool:
    """Revenue lines that absorb the difference when a fund is balanced."""
    if ln.type != "Revenue":
        return False
    if ln.fund == GF:  # only the General Fund's general-purpose (discretionary) revenue
        return ln.bu.code == "1110" and ln.recurring == "Ongoing"
    return True


def _rescale(lines: list[AlderLine], y: int, total: int, by_weight: bool = False) -> None:
    weights = [ln.weight if by_weight else max(ln.amounts[y], 0) for ln in lines]
    if not any(weights):
        weights = [1.0] * len(lines)
    for ln, amount in zip(lines, allocate(total, weights), strict=True):
        ln.amounts[y] = amount


def _alder_build(scale: float) -> list[AlderLine]:
    return _AlderBuilder(scale).build()


def _gross(lines: Iterable[AlderLine], y: int = 2) -> int:
    return sum(
        ln.amounts[y]
        for ln in lines
        if ln.direction == "expense" and ALDER_FUNDS[ln.fund][1] != "Fiduciary"
    )


@functools.cache
def alder_lines() -> tuple[AlderLine, ...]:
    """Alder Valley's line items in file order, calibrated so the county totals
    ``ALDER_TOTAL`` (non-General-Fund budgets scale; the General Fund is exact)."""
    lo, hi = 1.0, 1.2
    g_lo, g_hi = _gross(_alder_build(lo)), _gross(_alder_build(hi))
    scale = lo + (hi - lo) * (ALDER_TOTAL - g_lo) / (g_hi - g_lo)
    lines = _alder_build(scale)
    ual = next(ln for ln in lines if ln.code == "5151" and ln.bu.code == "2010")
    ual.note = ALDER_NOTES["ual"]
    bu_rank = {bu.code: i for i, bu in enumerate(ALDER_BUDGET_UNITS)}
    div_rank = {(bu.code, d[0]): i for bu in ALDER_BUDGET_UNITS for i, d in enumerate(bu.divisions)}
    type_rank = {
        "Expense": 0,
        "Transfer Out": 1,
        "Revenue": 2,
        "Transfer In": 3,
        "Use of Fund Balance": 4,
    }
    return tuple(
        sorted(
            lines,
            key=lambda ln: (
                bu_rank[ln.bu.code],
                div_rank[(ln.bu.code, ln.division)],
                type_rank[ln.type],
                ln.code,
                ln.name,
            ),
        )
    )


def _alder_rows() -> list[list[object]]:
    rows = []
    for ln in alder_lines():
        name, ftype = ALDER_FUNDS[ln.fund]
        rows.append(
            [
                ln.fund,
                name,
                ftype,
                ln.bu.function,
                ln.bu.code,
                ln.bu.name,
                ln.division,
                ln.type,
                ln.object,
                ln.code,
                ln.name,
                *ln.amounts,
                ln.recurring,
                "Yes" if ln.bu.mandated else "No",
                ln.note,
            ]
        )
    return rows


def alder_canonical() -> pd.DataFrame:
    """Alder Valley County as a canonical table (one row per line x amount column)."""
    first_amount_col = ALDER_COLUMNS.index(ALDER_AMOUNTS[0][0]) + 1
    records = []
    for n, ln in enumerate(alder_lines(), start=2):
        name, ftype = ALDER_FUNDS[ln.fund]
        for j, (_label, year, phase) in enumerate(ALDER_AMOUNTS):
            records.append(
                {
                    "fiscal_year": year,
                    "phase": phase,
                    "direction": ln.direction,
                    "is_transfer": ln.type in TRANSFER_TYPES,
                    "fund_code": ln.fund,
                    "fund_name": name,
                    "fund_type": FUND_TYPE_CODES[ftype],
                    "department": ln.bu.name,
                    "division": ln.division,
                    "account_code": ln.code,
                    "account_name": ln.name,
                    "category": ln.object,
                    "recurring": RECURRING_CODES[ln.recurring],
                    "amount": float(ln.amounts[j]),
                    "src_sheet": ALDER_SHEET,
                    "src_row": n,
                    "src_col": first_amount_col + j,
                }
            )
    return _canonical(records)


def alder_positions() -> list[tuple[str, str, float, float]]:
    """(budget unit, classification, FTE FY24-25, FTE FY25-26): ``ALDER_FTE`` positions in
    FY2025-26, after eliminating ``ALDER_VACANT_FTE_ELIMINATED`` funded vacancies."""
    rnd = _Rand(ALDER_SEED + 1)
    pay: dict[str, int] = defaultdict(int)
    for ln in alder_lines():
        if ln.code == "5110" and ALDER_FUNDS[ln.fund][1] != "Fiduciary":
            pay[ln.bu.code] += ln.amounts[2]
    units = [bu for bu in ALDER_BUDGET_UNITS if pay[bu.code] > 0]
    halves = allocate(ALDER_FTE * 2, [pay[bu.code] for bu in units])
    cut = allocate(
        ALDER_VACANT_FTE_ELIMINATED * 2, [ALDER_VACANCY_UNITS.get(bu.code, 0) for bu in units]
    )
    rows = []
    for bu, fy26, eliminated in zip(units, halves, cut, strict=True):
        pool = ALDER_CLASSES[bu.function] + ALDER_GENERIC_CLASSES
        keys = [rnd.uniform(0, 1) for _ in pool]
        classes = [c for _k, c in sorted(zip(keys, pool, strict=True))][:15]
        weights = [rnd.uniform(0.2, 1.0) * (4 if i < 3 else 1) for i in range(len(classes))]
        now = allocate(fy26, weights)
        gone = allocate(eliminated, weights)
        for c, n26, g in zip(classes, now, gone, strict=True):
            rows.append((bu.name, c, (n26 + g) / 2, n26 / 2))
    return rows


ALDER_ABOUT = (
    "County of Alder Valley - FY 2025-26 Recommended Budget: line-item detail",
    "A fictional county. Names are invented; magnitudes follow published California county "
    "budgets.",
    "Amounts are whole dollars. One row per fund, budget unit, division/program and sub-object.",
    "Type separates sources (Revenue, Transfer In, Use of Fund Balance) from uses (Expense, "
    "Transfer Out).",
    "Negative amounts are reimbursements and savings that reduce spending.",
    "Transfers and internal-service charges are counted twice in a gross total; net them out.",
    "Funds 0400 and 0410 are fiduciary: memo only, not part of county totals.",
    "Positions: budgeted full-time equivalents by budget unit and classification.",
)


def write_alder(out_dir: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = ALDER_SHEET
    ws.append(ALDER_COLUMNS)
    for row in _alder_rows():
        ws.append(row)
    amount_cols = [ALDER_COLUMNS.index(a[0]) + 1 for a in ALDER_AMOUNTS]
    for col in amount_cols:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "#,##0"
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = (8, 34, 15, 24, 9, 30, 34, 18, 30, 9, 40, 16, 16, 16, 12, 10, 40)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ALDER_COLUMNS))}{ws.max_row}"

    pos = wb.create_sheet("Positions")
    pos.append(("Budget Unit", "Classification", "FTE FY24-25", "FTE FY25-26"))
    for row in alder_positions():
        pos.append(row)
    for cell in pos[1]:
        cell.font = Font(bold=True)
    for col, w in zip("ABCD", (36, 34, 12, 12), strict=True):
        pos.column_dimensions[col].width = w
    pos.freeze_panes = "A2"

    about = wb.create_sheet("About")
    for line in ALDER_ABOUT:
        about.append((line,))
    about["A1"].font = Font(bold=True)
    about.column_dimensions["A"].width = 100

    path = out_dir / ALDER_XLSX
    _save_workbook(wb, path)
    return path


# ============================================================================================
# 3. Bayview Heights: a messy printed-style export for the cleanup lesson (xlsx + answer key)
# ============================================================================================

BAY_SEED = 20250502
BAY_EXPENDITURES = "Expenditures"
BAY_REVENUES = "Revenues"
BAY_POSITIONS_SHEET = "Positions"
BAY_TITLE = (
    "CITY OF BAYVIEW HEIGHTS",
    "FY 2025-26 PROPOSED OPERATING BUDGET",
    "Expenditure Detail by Department (amounts in thousands)",
)
BAY_UNIT = 1000  # the file is in thousands of dollars
#: Amount columns of the Expenditures sheet: (column, fiscal_year, phase).
BAY_AMOUNTS = (
    (6, 2024, "actual"),
    (7, 2025, "adopted"),
    (8, 2025, "amended"),
    (9, 2026, "proposed"),
)
BAY_LAST_COL = 11  # K: the printed area is A:K; L is a hidden helper column

#: code -> (name, canonical fund type, restricted)
BAY_FUNDS = {
    "010": ("General Fund", "general", "unrestricted"),
    "021": ("Gas Tax Fund", "special_revenue", "restricted"),
    "025": ("Library Parcel Tax Fund", "special_revenue", "restricted"),
    "032": ("Housing & Community Development Grants", "special_revenue", "restricted"),
    "041": ("Capital Projects Fund", "capital", "restricted"),
    "052": ("Sewer Utility Fund", "enterprise", "restricted"),
    "061": ("Fleet & Technology Services Fund", "internal_service", "restricted"),
    "071": ("Debt Service Fund", "debt_service", "restricted"),
}

PERSONNEL = "Personnel Services"
NON_PERSONNEL = "Non-Personnel"
#: code -> (clean name, group, weight inside its group, FY26 over FY25 growth)
BAY_ACCOUNTS = {
    "0510": ("Regular Salaries", PERSONNEL, 0.60, 1.035),
    "0515": ("Part-time Salaries", PERSONNEL, 0.04, 1.03),
    "0520": ("Overtime", PERSONNEL, 0.07, 1.02),
    "0530": ("Retirement - CalPERS", PERSONNEL, 0.14, 1.08),
    "0531": ("CalPERS UAL Payment (citywide)", PERSONNEL, 0.0, 1.09),
    "0535": ("Health Insurance", PERSONNEL, 0.09, 1.06),
    "0540": ("Medicare & Other Benefits", PERSONNEL, 0.03, 1.03),
    "0545": ("Workers' Compensation", PERSONNEL, 0.02, 1.04),
    "0550": ("Retiree Health", PERSONNEL, 0.02, 1.05),
    "0610": ("Office Supplies", NON_PERSONNEL, 0.05, 1.02),
    "0620": ("Professional Services", NON_PERSONNEL, 0.20, 1.03),
    "0625": ("Contract Services", NON_PERSONNEL, 0.18, 1.03),
    "0626": ("Contract Services - Administration", NON_PERSONNEL, 0.15, 1.03),
    "0630": ("Utilities", NON_PERSONNEL, 0.10, 1.04),
    "0640": ("Training & Travel", NON_PERSONNEL, 0.03, 1.02),
    "0650": ("Equipment Maintenance", NON_PERSONNEL, 0.06, 1.03),
    "0660": ("Fleet Charges", NON_PERSONNEL, 0.08, 1.03),
    "0670": ("Technology Charges", NON_PERSONNEL, 0.08, 1.04),
    "0680": ("Liability Insurance", NON_PERSONNEL, 0.07, 1.06),
    "0690": ("Grant Match", NON_PERSONNEL, 0.06, 1.0),
    "0695": ("Special Department Supplies", NON_PERSONNEL, 0.06, 1.02),
    "0710": ("Reimbursements & Recoveries", NON_PERSONNEL, 0.0, 1.03),
    "0720": ("Transfer to Capital Projects Fund", NON_PERSONNEL, 0.0, 1.0),
    "0721": ("Transfer to Debt Service Fund", NON_PERSONNEL, 0.0, 1.0),
    "0810": ("Capital Outlay", NON_PERSONNEL, 0.08, 1.0),
    "0820": ("Debt Service - Principal", NON_PERSONNEL, 0.0, 1.04),
    "0821": ("Debt Service - Interest", NON_PERSONNEL, 0.0, 0.96),
    "0830": ("Street Resurfacing Program", NON_PERSONNEL, 0.0, 1.1),
    "0831": ("Facility Improvements", NON_PERSONNEL, 0.0, 0.9),
    "0832": ("Park Improvements", NON_PERSONNEL, 0.0, 1.2),
}
BAY_CORE = ("0510", "0530", "0535", "0540", "0610", "0620", "0640", "0670")
#: Optional accounts and the chance a department's fund block carries each.
BAY_OPTIONAL = {
    "0515": 0.4,
    "0520": 0.3,
    "0545": 0.5,
    "0550": 0.25,
    "0625": 0.55,
    "0630": 0.4,
    "0650": 0.35,
    "0660": 0.4,
    "0680": 0.25,
    "0690": 0.1,
    "0695": 0.4,
    "0710": 0.25,
    "0810": 0.2,
}
#: Minor accounts that may be new this year, unfunded next year, or empty in every year.
BAY_MAY_CHANGE = frozenset({"0515", "0545", "0550", "0625", "0630", "0650", "0680", "0695", "0810"})
BAY_TRANSFERS = frozenset({"0720", "0721"})
BAY_FOOTNOTE_MARKS = {"0520": "Overtime¹", "0690": "Grant Match (a)"}


@dataclass(frozen=True)
class BayDepartment:
    name: str  # as in the answer key
    printed: str  # as printed in the merged Dept column
    header: str  # the group header row
    total: str  # the department total row
    org: str  # GL org code prefix (hidden column B)
    parts: tuple[tuple[str, int, float], ...]  # (fund, FY26 $000s, personnel share)
    always: tuple[str, ...] = ()  # accounts every fund block of the department carries


#: Departments in printed order: name -> (GL org code, group header as printed).
BAY_DEPARTMENT_HEADERS = {
    "City Council": ("1010", "CITY COUNCIL"),
    "City Manager": ("1020", "CITY MANAGER'S OFFICE"),
    "City Clerk": ("1030", "CITY CLERK"),
    "City Attorney": ("1040", "CITY ATTORNEY"),
    "Finance": ("1050", "FINANCE DEPARTMENT"),
    "Human Resources": ("1060", "HUMAN RESOURCES"),
    "Information Technology": ("1070", "INFORMATION TECHNOLOGY"),
    "Police": ("2010", "POLICE DEPARTMENT"),
    "Fire": ("2020", "FIRE DEPARTMENT"),
    "Public Works": ("3010", "PUBLIC WORKS  DEPARTMENT"),
    "Parks & Recreation": ("4010", "PARKS & RECREATION"),
    "Library": ("4020", "LIBRARY"),
    "Community Development": ("5010", "COMMUNITY DEVELOPMENT"),
    "Economic Development & Housing": ("5020", "ECONOMIC DEVELOPMENT & HOUSING"),
    "Non-Departmental": ("9010", "NON-DEPARTMENTAL"),
}
#: What each department spends, by fund: name -> ((fund, FY26 $000s, personnel share),).
BAY_DEPARTMENT_BUDGETS = {
    "City Council": (("010", 640, 0.55),),
    "City Manager": (("010", 2900, 0.75),),
    "City Clerk": (("010", 950, 0.65),),
    "City Attorney": (("010", 2100, 0.7),),
    "Finance": (("010", 4300, 0.72),),
    "Human Resources": (("010", 1900, 0.68),),
    "Information Technology": (("061", 3600, 0.45),),
    "Police": (("010", 33500, 0.85), ("032", 900, 0.6)),
    "Fire": (("010", 21500, 0.86),),
    "Public Works": (
        ("010", 6800, 0.5),
        ("021", 3200, 0.4),
        ("052", 14800, 0.35),
        ("061", 2600, 0.4),
    ),
    "Parks & Recreation": (("010", 7600, 0.55),),
    "Library": (("010", 2300, 0.62), ("025", 1500, 0.5)),
    "Community Development": (("010", 5200, 0.72), ("032", 700, 0.3)),
    "Economic Development & Housing": (("010", 900, 0.6), ("032", 1800, 0.25)),
}
#: Accounts that every fund block of a department carries.
BAY_DEPARTMENT_ACCOUNTS = {
    "City Manager": ("0626",),
    "Finance": ("0625", "0650"),
    "Police": ("0520", "0660"),
    "Fire": ("0520", "0660"),
    "Public Works": ("0630", "0660"),
    "Parks & Recreation": ("0515",),
    "Economic Development & Housing": ("0690",),
}
#: Label noise in the department column and on total rows.
BAY_PRINTED_NAMES = {"Parks & Recreation": "Parks & recreation"}
BAY_TOTAL_LABELS = {
    "Public Works": "TOTAL PUBLIC WORKS",
    "Parks & Recreation": "TOTAL PARKS & REC.",
    "Economic Development & Housing": "TOTAL ECONOMIC DEV. & HOUSING",
}
BAY_DEPARTMENTS = tuple(
    BayDepartment(
        name,
        BAY_PRINTED_NAMES.get(name, name),
        header,
        BAY_TOTAL_LABELS.get(name, f"TOTAL {header}"),
        org,
        BAY_DEPARTMENT_BUDGETS.get(name, ()),
        BAY_DEPARTMENT_ACCOUNTS.get(name, ()),
    )
    for name, (org, header) in BAY_DEPARTMENT_HEADERS.items()
)

#: Non-Departmental lines: (fund, account, FY26 $000s).
BAY_NON_DEPARTMENTAL = (
    ("010", "0531", 5200),
    ("010", "0550", 1400),
    ("010", "0620", 380),
    ("010", "0680", 1650),
    ("010", "0710", -2400),
    ("010", "0720", 3000),
    ("010", "0721", 2200),
    ("041", "0830", 4200),
    ("041", "0831", 1800),
    ("041", "0832", 900),
    ("071", "0820", 1500),
    ("071", "0821", 700),
)
#: The second printed page starts here; from here on the sheet was pasted from a PDF: values
#: (not formulas) in the totals, and many numbers stored as text.
BAY_PAGE_BREAK = "Fire"
#: The one subtotal typed in by hand: (department, group, amount column), off by one ($000).
BAY_TYPED_SUBTOTAL = ("Finance", NON_PERSONNEL, 9)
BAY_TYPED_SUBTOTAL_ERROR = 1
#: Label noise copied from real files: (department, account) -> printed description.
BAY_LABEL_NOISE = {
    ("Finance", "0535"): " Health Insurance",
    ("Parks & Recreation", "0515"): "Part-time  Salaries",
    ("City Manager", "0626"): "Contract Services - Adminstration",
    ("Police", "0610"): "OFFICE SUPPLIES",
    ("Library", "0610"): "office supplies",
    ("Public Works", "0630"): "Utilities   ",
}
BAY_FOOTNOTES = (
    "* Modified budget includes mid-year amendments approved through March 2025.",
    "¹ Overtime includes reimbursable overtime for special events.",
    "(a) Grant match is the City's required share of state and federal grants.",
    "Amounts are in thousands of dollars; totals may not add due to rounding.",
    "Fund codes: " + "; ".join(f"{c} {v[0]}" for c, v in BAY_FUNDS.items()) + ".",
)
BAY_FOOTER = "Source: Budget Office, printed 05/02/2025"

#: Revenues sheet: (group, account, source, {fund: weight}); "fixed" = set from transfers.
BAY_REVENUE_SOURCES = (
    ("TAXES", "4010", "Property Tax", {"010": 30}),
    ("TAXES", "4020", "Sales Tax", {"010": 22}),
    ("TAXES", "4030", "Utility Users Tax", {"010": 8}),
    ("TAXES", "4040", "Transient Occupancy Tax", {"010": 5}),
    ("TAXES", "4050", "Business License Tax", {"010": 3}),
    ("TAXES", "4060", "Library Parcel Tax", {"025": 95}),
    ("TAXES", "4070", "Franchise Fees", {"010": 5}),
    ("INTERGOVERNMENTAL", "4310", "Highway Users Tax", {"021": 60}),
    ("INTERGOVERNMENTAL", "4320", "SB 1 Road Maintenance", {"021": 38}),
    ("INTERGOVERNMENTAL", "4330", "CDBG & Housing Grants", {"032": 70}),
    ("INTERGOVERNMENTAL", "4340", "Public Safety Grants", {"032": 28}),
    ("INTERGOVERNMENTAL", "4350", "State & Federal Capital Grants", {"041": 40}),
    ("CHARGES FOR SERVICES", "4410", "Recreation Fees", {"010": 3}),
    ("CHARGES FOR SERVICES", "4420", "Plan Check & Permit Fees", {"010": 6}),
    ("CHARGES FOR SERVICES", "4430", "Ambulance Fees", {"010": 4}),
    ("CHARGES FOR SERVICES", "4440", "Sewer Service Charges", {"052": 96}),
    ("CHARGES FOR SERVICES", "4450", "Internal Service Charges", {"061": 97}),
    ("OTHER REVENUE", "4510", "Fines & Forfeitures", {"010": 1}),
    (
        "OTHER REVENUE",
        "4520",
        "Interest Earnings",
        {"010": 2, "021": 2, "025": 5, "032": 2, "052": 2, "061": 3},
    ),
    ("OTHER REVENUE", "4530", "Rents & Concessions", {"010": 1}),
    ("OTHER FINANCING SOURCES", "4910", "Transfers In", {"041": "fixed", "071": "fixed"}),
    ("OTHER FINANCING SOURCES", "4920", "Use of Fund Balance", {"041": 20, "052": 2}),
)
BAY_REVENUE_TRANSFERS = {"041": "0720", "071": "0721"}  # fund receiving -> GF account paying

BAY_POSITIONS = (
    ("City Council", "Council Member", 5.0, 5.0),
    ("City Council", "Council Aide", 1.5, 1.5),
    ("City Manager", "City Manager", 1.0, 1.0),
    ("City Manager", "Assistant City Manager", 1.0, 1.0),
    ("City Manager", "Management Analyst", 3.0, 3.5),
    ("City Manager", "Executive Assistant", 1.75, 1.75),
    ("City Clerk", "City Clerk", 1.0, 1.0),
    ("City Clerk", "Deputy City Clerk", 2.5, 2.5),
    ("City Attorney", "City Attorney", 1.0, 1.0),
    ("City Attorney", "Deputy City Attorney", 3.0, 3.0),
    ("City Attorney", "Legal Secretary", 1.5, 1.5),
    ("Finance", "Finance Director", 1.0, 1.0),
    ("Finance", "Accountant", 6.0, 6.0),
    ("Finance", "Account Clerk", 4.75, 4.5),
    ("Human Resources", "HR Analyst", 4.0, 4.0),
    ("Human Resources", "HR Technician", 2.5, 2.0),
    ("Information Technology", "Systems Analyst", 7.0, 7.0),
    ("Information Technology", "IT Technician", 4.5, 5.0),
    ("Police", "Police Officer", 92.0, 94.0),
    ("Police", "Police Sergeant", 16.0, 16.0),
    ("Police", "Dispatcher", 18.5, 18.5),
    ("Police", "Community Service Officer", 11.75, 12.25),
    ("Fire", "Firefighter/Paramedic", 54.0, 54.0),
    ("Fire", "Fire Captain", 15.0, 15.0),
    ("Fire", "Fire Inspector", 3.5, 3.0),
    ("Public Works", "Maintenance Worker", 38.0, 38.5),
    ("Public Works", "Civil Engineer", 6.0, 6.0),
    ("Public Works", "Fleet Mechanic", 7.0, 7.0),
    ("Parks & Recreation", "Recreation Coordinator", 8.5, 8.75),
    ("Parks & Recreation", "Recreation Leader (part-time)", 22.25, 22.75),
    ("Parks & Recreation", "Park Maintenance Worker", 14.0, 14.0),
    ("Library", "Librarian", 6.75, 7.0),
    ("Library", "Library Assistant", 9.5, 9.5),
    ("Community Development", "Planner", 7.0, 7.0),
    ("Community Development", "Building Inspector", 8.0, 8.5),
    ("Economic Development & Housing", "Housing Specialist", 3.5, 4.0),
)


@dataclass(frozen=True)
class BayLine:
    department: BayDepartment
    fund: str
    org: str
    code: str
    label: str  # the printed description
    amounts: tuple[int, int, int, int]  # $000s: actual 24, adopted 25, modified 25, proposed 26

    @property
    def name(self) -> str:
        """The label a careful cleanup gives: case and spacing evened out, footnote marks gone;
        a misspelling stays as printed (nothing in the file says how it should be spelled)."""
        printed = " ".join(self.label.split())
        if (
            self.label == BAY_LABEL_NOISE.get((self.department.name, self.code))
            and printed.casefold() != BAY_ACCOUNTS[self.code][0].casefold()
        ):
            return printed
        return BAY_ACCOUNTS[self.code][0]

    @property
    def group(self) -> str:
        return BAY_ACCOUNTS[self.code][1]


def _bay_years(rnd: _Rand, code: str, fy26: int, steady: bool) -> tuple[int, int, int, int]:
    """Actual 24, adopted 25, modified 25 and proposed 26 for one line ($000s)."""
    _name, group, _w, growth = BAY_ACCOUNTS[code]
    draws = [rnd.uniform(0, 1) for _ in range(5)]  # same number of draws for every line
    g = growth * (0.98 + 0.04 * draws[0])
    ex = (0.95 + 0.06 * draws[1]) if group == PERSONNEL else (0.88 + 0.15 * draws[1])
    sign = -1 if fy26 < 0 else 1
    pr26 = abs(fy26)
    ad25 = round(pr26 / g)
    act24 = round(ad25 / 1.03 * ex)
    mod25 = round(ad25 * (1.02 + 0.13 * draws[3])) if draws[2] < 0.12 else ad25
    if not steady and code in BAY_MAY_CHANGE:
        if draws[4] < 0.04:  # new this year (some added mid-year)
            act24, ad25 = 0, 0
            mod25 = round(pr26 * 0.5) if draws[3] < 0.5 else 0
        elif draws[4] < 0.07:  # not funded next year
            pr26 = 0
        elif draws[4] < 0.09:  # kept in the chart of accounts, no money in any year
            act24 = ad25 = mod25 = pr26 = 0
    return (sign * act24, sign * ad25, sign * mod25, sign * pr26)


def _bay_block(rnd: _Rand, dept: BayDepartment, n: int, fund: str, total: int, pshare: float):
    """The lines of department ``dept`` paid from ``fund`` (its ``n``-th fund block)."""
    org = f"{dept.org}{n}"
    codes = list(BAY_CORE)
    codes += [c for c, p in BAY_OPTIONAL.items() if rnd.chance(p) or c in dept.always]
    codes += [c for c in dept.always if c not in codes]
    personnel = [c for c in codes if BAY_ACCOUNTS[c][1] == PERSONNEL]
    others = [c for c in codes if BAY_ACCOUNTS[c][1] == NON_PERSONNEL and c != "0710"]
    p_total = round(total * pshare)
    np_total = total - p_total
    recovery = round(np_total * rnd.uniform(0.04, 0.1)) if "0710" in codes else 0
    amounts = dict(
        zip(
            personnel,
            allocate(p_total, [BAY_ACCOUNTS[c][2] * rnd.noise(0.15) for c in personnel]),
            strict=True,
        )
    )
    amounts |= dict(
        zip(
            others,
            allocate(np_total + recovery, [BAY_ACCOUNTS[c][2] * rnd.noise(0.4) for c in others]),
            strict=True,
        )
    )
    if recovery:
        amounts["0710"] = -recovery
    lines = []
    for code in sorted(amounts):
        label = BAY_FOOTNOTE_MARKS.get(code, BAY_ACCOUNTS[code][0])
        label = BAY_LABEL_NOISE.get((dept.name, code), label) if n == 1 else label
        years = _bay_years(rnd, code, amounts[code], steady=False)
        lines.append(BayLine(dept, fund, org, code, label, years))
    return lines


@functools.cache
def bayview_lines() -> tuple[BayLine, ...]:
    """Bayview Heights' expenditure lines in printed order."""
    rnd = _Rand(BAY_SEED)
    lines: list[BayLine] = []
    for dept in BAY_DEPARTMENTS:
        for n, (fund, total, pshare) in enumerate(dept.parts, start=1):
            lines += _bay_block(rnd, dept, n, fund, total, pshare)
        if dept.name == "Non-Departmental":
            for fund, code, fy26 in BAY_NON_DEPARTMENTAL:
                n = 1 + list(BAY_FUNDS).index(fund)
                years = _bay_years(rnd, code, fy26, steady=True)
                lines.append(
                    BayLine(dept, fund, f"{dept.org}{n}", code, BAY_ACCOUNTS[code][0], years)
                )
    # Printed order: department, then Personnel before Non-Personnel, then fund and account.
    rank = {d.name: i for i, d in enumerate(BAY_DEPARTMENTS)}
    return tuple(
        sorted(
            lines,
            key=lambda ln: (rank[ln.department.name], ln.group != PERSONNEL, ln.fund, ln.code),
        )
    )


def bayview_revenues() -> list[tuple[str, str, str, dict[str, int]]]:
    """Revenue sources with FY26 proposed $000s by fund; each fund's sources equal its uses."""
    uses: dict[str, int] = defaultdict(int)
    for ln in bayview_lines():
        uses[ln.fund] += ln.amounts[3]
    paid = {
        fund: sum(ln.amounts[3] for ln in bayview_lines() if ln.code == code)
        for fund, code in BAY_REVENUE_TRANSFERS.items()
    }
    cells: dict[tuple[str, str], int] = {}
    for fund in BAY_FUNDS:
        entries = [
            (code, w)
            for _g, code, _n, by_fund in BAY_REVENUE_SOURCES
            for f, w in by_fund.items()
            if f == fund
        ]
        weighted = [(code, w) for code, w in entries if w != "fixed"]
        fixed = paid.get(fund, 0)
        for code, w in entries:
            if w == "fixed":
                cells[(code, fund)] = fixed
        if uses[fund] - fixed < 0:
            raise ValueError(f"fund {fund}: transfers in exceed its uses")
        for (code, _w), amount in zip(
            weighted, allocate(uses[fund] - fixed, [w for _c, w in weighted]), strict=True
        ):
            cells[(code, fund)] = amount
    return [
        (group, code, name, {f: cells[(code, f)] for f in BAY_FUNDS if (code, f) in cells})
        for group, code, name, _by_fund in BAY_REVENUE_SOURCES
    ]


BAY_NUMBER_FORMAT = '#,##0;(#,##0);"–"'
BAY_PERCENT_FORMAT = "0.0%"
BAY_REVENUE_GROUPS = {
    "TAXES": "Taxes",
    "INTERGOVERNMENTAL": "Intergovernmental",
    "CHARGES FOR SERVICES": "Charges for Services",
    "OTHER REVENUE": "Other Revenue",
    "OTHER FINANCING SOURCES": "Other Financing Sources",
}
_BOLD = Font(bold=True)
_RIGHT = Alignment(horizontal="right")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _bay_title(ws, row: int, lines: Sequence[str] = BAY_TITLE) -> int:
    for i, text in enumerate(lines):
        cell = ws.cell(row + i, 1, text)
        cell.font = Font(bold=True, size=14 if i == 0 else 12)
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row + i, end_row=row + i, start_column=1, end_column=BAY_LAST_COL)
    return row + len(lines)


def _bay_header(ws, row: int) -> int:
    """The two-row header: years above versions, 'Change from Adopted' over $ and %."""
    for col, text in enumerate(("Fund", "GL Org code", "Dept", "Acct", "Description"), start=1):
        ws.cell(row, col, text)
        ws.merge_cells(start_row=row, end_row=row + 1, start_column=col, end_column=col)
    years = ("2023-24", "2024-25", "2024-25", "2025-26", "Change from Adopted")
    versions = ("Actual", "Adopted", "Modified*", "Proposed", "$", "%")
    for col, text in enumerate(years, start=6):
        ws.cell(row, col, text)
    ws.merge_cells(start_row=row, end_row=row, start_column=10, end_column=11)
    for col, text in enumerate(versions, start=6):
        ws.cell(row + 1, col, text)
    for r in (row, row + 1):
        for col in range(1, BAY_LAST_COL + 1):
            ws.cell(r, col).font = _BOLD
            ws.cell(r, col).alignment = _CENTER
    return row + 2


def _bay_amount(cell, value: int, pasted: bool, u: float) -> None:
    """One amount cell in one of the ways real exports write numbers."""
    if value == 0:
        if u < 0.8:
            cell.value = "–" if u < 0.45 else "—"
            cell.alignment = _RIGHT
            return
    elif pasted and value < 0 and u < 0.8:
        cell.value = f"({-value:,})"
        cell.alignment = _RIGHT
        return
    elif pasted and value > 0 and u < 0.45:
        cell.value = f"{value:,}" + ("\u00a0" if u > 0.38 else "")
        cell.alignment = _RIGHT
        return
    cell.value = value
    cell.number_format = BAY_NUMBER_FORMAT


def _pct(change: int, base: int) -> float | str:
    return round(change / base, 4) if base else "n/a"


def _bay_change(ws, row: int, adopted: int, proposed: int) -> None:
    ws.cell(row, 10, proposed - adopted).number_format = BAY_NUMBER_FORMAT
    pct = ws.cell(row, 11, _pct(proposed - adopted, adopted))
    if isinstance(pct.value, str):
        pct.alignment = _RIGHT
    else:
        pct.number_format = BAY_PERCENT_FORMAT


@dataclass
class _BayLayout:
    """The Expenditures sheet as it is written: cached formula values and answer-key rows."""

    ws: object
    rnd: _Rand
    cached: dict[str, float] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    row: int = 1

    def total_row(self, label_col: int, label: str, values: list[int], formulas: list[str] | None):
        """A subtotal or total: amounts F:I, $ change J, % change K."""
        ws, r = self.ws, self.row
        ws.cell(r, label_col, label).font = _BOLD
        change = values[3] - values[1]
        for col, value in zip(range(6, 11), [*values, change], strict=True):
            cell = ws.cell(r, col)
            cell.number_format = BAY_NUMBER_FORMAT
            cell.font = _BOLD
            if formulas:
                cell.value = "=" + formulas[col - 6]
                self.cached[cell.coordinate] = value
            else:
                cell.value = value
        pct = ws.cell(r, 11, _pct(change, values[1]))
        pct.font = _BOLD
        if not isinstance(pct.value, str):
            pct.number_format = BAY_PERCENT_FORMAT
        self.row += 1

    def line_row(self, ln: BayLine, pasted: bool) -> None:
        ws, r = self.ws, self.row
        ws.cell(r, 1, ln.fund)
        ws.cell(r, 2, ln.org)
        code = ws.cell(r, 4, ln.code)
        code.quotePrefix = True  # typed as '0510 so the leading zero stays
        ws.cell(r, 5, ln.label)
        for (col, year, phase), value in zip(BAY_AMOUNTS, ln.amounts, strict=True):
            _bay_amount(ws.cell(r, col), value, pasted, self.rnd.uniform(0, 1))
            self.records.append(_bay_record(ln, year, phase, value, BAY_EXPENDITURES, r, col))
        _bay_change(ws, r, ln.amounts[1], ln.amounts[3])
        ws.cell(r, 12, f"{ln.fund}-{ln.org}-{ln.code}")
        self.row += 1

    def department(self, dept: BayDepartment, lines: list[BayLine], pasted: bool) -> int:
        """One department block; returns the row of its TOTAL line."""
        ws = self.ws
        ws.cell(self.row, 1, dept.header).font = _BOLD
        self.row += 1
        subtotals: list[tuple[int, list[int]]] = []
        first_line = 0
        for group in (PERSONNEL, NON_PERSONNEL):
            ws.cell(self.row, 5, group).font = Font(bold=True, italic=True)
            self.row += 1
            start = self.row
            first_line = first_line or start
            members = [ln for ln in lines if ln.group == group]
            for ln in members:
                self.line_row(ln, pasted)
            values = [sum(ln.amounts[k] for ln in members) for k in range(4)]
            typed = (dept.name, group) == BAY_TYPED_SUBTOTAL[:2]
            if typed:
                k = BAY_TYPED_SUBTOTAL[2] - 6
                values[k] += BAY_TYPED_SUBTOTAL_ERROR
            formulas = None
            if not (pasted or typed):
                end = self.row - 1
                formulas = [f"SUM({c}{start}:{c}{end})" for c in "FGHIJ"]
            subtotals.append((self.row, values))
            self.total_row(5, f"Total {group}", values, formulas)
            self.row += group == PERSONNEL  # a spacer row before Non-Personnel
        last_line = subtotals[-1][0] - 1
        ws.cell(first_line, 3, dept.printed).alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=first_line, end_row=last_line, start_column=3, end_column=3)
        values = [sum(v[k] for _r, v in subtotals) for k in range(4)]
        formulas = None if pasted else ["+".join(f"{c}{r}" for r, _v in subtotals) for c in "FGHIJ"]
        total_row = self.row
        self.total_row(1, dept.total, values, formulas)
        return total_row


def _bay_record(ln: BayLine, year: int, phase: str, value: int, sheet: str, row: int, col: int):
    name, ftype, restricted = BAY_FUNDS[ln.fund]
    return {
        "fiscal_year": year,
        "phase": phase,
        "direction": "expense",
        "is_transfer": ln.code in BAY_TRANSFERS,
        "fund_code": ln.fund,
        "fund_name": name,
        "fund_type": ftype,
        "restricted": restricted,
        "department": ln.department.name,
        "account_code": ln.code,
        "account_name": ln.name,
        "category": ln.group,
        "amount": float(value * BAY_UNIT),
        "src_sheet": sheet,
        "src_row": row,
        "src_col": col,
    }


def _bay_expenditures(ws) -> _BayLayout:
    layout = _BayLayout(ws, _Rand(BAY_SEED + 1))
    layout.row = _bay_title(ws, 1) + 1
    layout.row = _bay_header(ws, layout.row)
    lines = bayview_lines()
    pasted = False
    totals: list[int] = []
    for dept in BAY_DEPARTMENTS:
        if dept.name == BAY_PAGE_BREAK:  # the header block repeats, as on a printed page
            layout.row = _bay_title(ws, layout.row) + 1
            layout.row = _bay_header(ws, layout.row)
            pasted = True
        block = [ln for ln in lines if ln.department is dept]
        totals.append(layout.department(dept, block, pasted))
        layout.row += 2  # spacer rows between departments
    values = [0, 0, 0, 0]
    for r in totals:
        for k in range(4):
            values[k] += _cached_or_value(ws, layout, r, 6 + k)
    formulas = ["+".join(f"{c}{r}" for r in totals) for c in "FGHIJ"]
    layout.total_row(1, "GRAND TOTAL - ALL DEPARTMENTS", values, formulas)
    layout.row += 1
    for note in BAY_FOOTNOTES:
        ws.cell(layout.row, 1, note).font = Font(italic=True, size=9)
        layout.row += 1
    layout.row += 1
    ws.cell(layout.row, 1, BAY_FOOTER).font = Font(size=9)
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["L"].hidden = True
    for col, width in zip(
        "ABCDEFGHIJKL", (7, 10, 16, 7, 38, 11, 11, 11, 11, 10, 8, 18), strict=True
    ):
        ws.column_dimensions[col].width = width
    ws.oddFooter.left.text = BAY_FOOTER
    ws.oddFooter.right.text = "Page &P of &N"
    return layout


def _cached_or_value(ws, layout: _BayLayout, row: int, col: int) -> int:
    cell = ws.cell(row, col)
    return layout.cached.get(cell.coordinate, cell.value)


def _bay_revenue_sheet(ws) -> tuple[list[dict], dict[str, float]]:
    records: list[dict] = []
    cached: dict[str, float] = {}
    title = (BAY_TITLE[0], "FY 2025-26 Proposed Revenues by Fund", "(amounts in thousands)")
    row = _bay_title(ws, 1, title) + 1
    funds = list(BAY_FUNDS)
    header = ["Acct", "Revenue Source"]
    header += [f"{BAY_FUNDS[f][0]} ({f})" for f in funds] + ["Total All Funds"]
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row, col, text)
        cell.font = _BOLD
        cell.alignment = _CENTER
    row += 1
    first = row
    group = None
    for grp, code, name, cells in bayview_revenues():
        if grp != group:
            if group is not None:
                row += 1
            ws.cell(row, 2, grp).font = _BOLD
            row += 1
            group = grp
        ws.cell(row, 1, code).quotePrefix = True
        ws.cell(row, 2, name)
        for j, fund in enumerate(funds):
            if fund not in cells:
                continue
            col = 3 + j
            ws.cell(row, col, cells[fund]).number_format = BAY_NUMBER_FORMAT
            fname, ftype, restricted = BAY_FUNDS[fund]
            records.append(
                {
                    "fiscal_year": 2026,
                    "phase": "proposed",
                    "direction": "revenue",
                    "is_transfer": code == "4910",
                    "fund_code": fund,
                    "fund_name": fname,
                    "fund_type": ftype,
                    "restricted": restricted,
                    "account_code": code,
                    "account_name": name,
                    "category": BAY_REVENUE_GROUPS[grp],
                    "amount": float(cells[fund] * BAY_UNIT),
                    "src_sheet": BAY_REVENUES,
                    "src_row": row,
                    "src_col": col,
                }
            )
        total = ws.cell(
            row, 3 + len(funds), f"=SUM(C{row}:{get_column_letter(2 + len(funds))}{row})"
        )
        total.number_format = BAY_NUMBER_FORMAT
        cached[total.coordinate] = sum(cells.values())
        row += 1
    row += 1
    ws.cell(row, 2, "TOTAL REVENUES").font = _BOLD
    for col in range(3, 4 + len(funds)):
        letter = get_column_letter(col)
        cell = ws.cell(row, col, f"=SUM({letter}{first}:{letter}{row - 2})")
        cell.number_format = BAY_NUMBER_FORMAT
        cell.font = _BOLD
        if col < 3 + len(funds):
            cached[cell.coordinate] = sum(
                r["amount"] / BAY_UNIT for r in records if r["src_col"] == col
            )
        else:
            cached[cell.coordinate] = sum(r["amount"] / BAY_UNIT for r in records)
    ws.column_dimensions["A"].width = 7
    ws.column_dimensions["B"].width = 30
    for col in range(3, 4 + len(funds)):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.row_dimensions[5].height = 45
    return records, cached


def _bay_positions_sheet(ws) -> dict[str, float]:
    ws.cell(1, 1, "CITY OF BAYVIEW HEIGHTS - Authorized Positions (FTE)").font = _BOLD
    header = ("Department", "Position", "2024-25 Adopted", "2025-26 Proposed")
    for col, text in enumerate(header, start=1):
        ws.cell(3, col, text).font = _BOLD
    row = 4
    for dept, position, fte25, fte26 in BAY_POSITIONS:
        ws.cell(row, 1, dept)
        ws.cell(row, 2, position)
        ws.cell(row, 3, fte25).number_format = "0.00"
        ws.cell(row, 4, fte26).number_format = "0.00"
        row += 1
    ws.cell(row, 1, "Total FTE").font = _BOLD
    cached = {}
    for col, letter in ((3, "C"), (4, "D")):
        cell = ws.cell(row, col, f"=SUM({letter}4:{letter}{row - 1})")
        cell.number_format = "0.00"
        cell.font = _BOLD
        cached[cell.coordinate] = sum(p[col - 1] for p in BAY_POSITIONS)
    for col, width in zip("ABCD", (32, 32, 16, 16), strict=True):
        ws.column_dimensions[col].width = width
    return cached


def _bay_workbook() -> tuple[openpyxl.Workbook, dict[str, dict[str, float]], list[dict]]:
    wb = openpyxl.Workbook()
    exp = wb.active
    exp.title = BAY_EXPENDITURES
    layout = _bay_expenditures(exp)
    revenue_records, revenue_cache = _bay_revenue_sheet(wb.create_sheet(BAY_REVENUES))
    positions_cache = _bay_positions_sheet(wb.create_sheet(BAY_POSITIONS_SHEET))
    cached = {
        BAY_EXPENDITURES: layout.cached,
        BAY_REVENUES: revenue_cache,
        BAY_POSITIONS_SHEET: positions_cache,
    }
    return wb, cached, layout.records + revenue_records


def bayview_canonical() -> pd.DataFrame:
    """The answer key of the messy Bayview Heights workbook, as a canonical table."""
    return _canonical(_bay_workbook()[2])


def bayview_department_totals(key: pd.DataFrame) -> pd.DataFrame:
    """Expense checksums by department, fiscal year and phase (dollars), in printed order."""
    exp = key[key["direction"] == "expense"]
    out = (
        exp.groupby(["department", "fiscal_year", "phase"], observed=True)["amount"]
        .sum()
        .reset_index()
    )
    out["phase"] = out["phase"].astype("string")
    dept_rank = {d.name: i for i, d in enumerate(BAY_DEPARTMENTS)}
    phase_rank = {p: i for i, (_c, _y, p) in enumerate(BAY_AMOUNTS)}
    order = [
        (dept_rank[d], y, phase_rank[p])
        for d, y, p in zip(out["department"], out["fiscal_year"], out["phase"], strict=True)
    ]
    out = out.iloc[sorted(range(len(out)), key=order.__getitem__)]
    return out.reset_index(drop=True)


def _frame_rows(df: pd.DataFrame) -> Iterable[list[object]]:
    for rec in df.itertuples(index=False):
        yield [_money(v) if c == "amount" else str(v) for c, v in zip(df.columns, rec, strict=True)]


def write_bayview(out_dir: Path) -> list[Path]:
    wb, cached, records = _bay_workbook()
    messy = out_dir / BAYVIEW_XLSX
    _save_workbook(wb, messy, cached)
    key = _canonical(records)
    clean = out_dir / BAYVIEW_CLEAN_CSV
    _write_csv(clean, schema.COLUMNS, _frame_rows(key))
    totals = out_dir / BAYVIEW_TOTALS_CSV
    _write_csv(
        totals,
        ("department", "fiscal_year", "phase", "amount"),
        _frame_rows(bayview_department_totals(key)),
    )
    return [messy, clean, totals]


# ============================================================================================
# Entry points
# ============================================================================================


def write_all(out_dir: str | Path = DEFAULT_OUT) -> list[Path]:
    """Write every sample file into ``out_dir`` (created if needed); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return [write_sycamore(out), write_alder(out), *write_bayview(out)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
