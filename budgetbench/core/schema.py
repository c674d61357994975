"""The canonical line-item table every import becomes (DESIGN §3).

One row per (line x fiscal year x phase). Codes stay strings. Revenue and expense are both
positive; reductions (recoveries, reimbursements) are negative.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd


class Phase(StrEnum):
    ACTUAL = "actual"
    ADOPTED = "adopted"
    AMENDED = "amended"
    PROPOSED = "proposed"
    RECOMMENDED = "recommended"
    ESTIMATE = "estimate"


class Direction(StrEnum):
    REVENUE = "revenue"
    EXPENSE = "expense"


class FundType(StrEnum):
    GENERAL = "general"
    SPECIAL_REVENUE = "special_revenue"
    CAPITAL = "capital"
    DEBT_SERVICE = "debt_service"
    ENTERPRISE = "enterprise"
    INTERNAL_SERVICE = "internal_service"
    FIDUCIARY = "fiduciary"
    UNKNOWN = "unknown"


class Restricted(StrEnum):
    UNRESTRICTED = "unrestricted"
    RESTRICTED = "restricted"
    UNKNOWN = "unknown"


class Recurring(StrEnum):
    ONGOING = "ongoing"
    ONE_TIME = "one_time"
    UNKNOWN = "unknown"


CATEGORIES: dict[str, type[StrEnum]] = {
    "phase": Phase,
    "direction": Direction,
    "fund_type": FundType,
    "restricted": Restricted,
    "recurring": Recurring,
}

TEXT_COLUMNS: tuple[str, ...] = (
    "fund_code",
    "fund_name",
    "department",
    "division",
    "program",
    "account_code",
    "account_name",
    "category",
    "line_key",
    "src_sheet",
)

#: Column order of the canonical table.
COLUMNS: tuple[str, ...] = (
    "fiscal_year",
    "phase",
    "direction",
    "is_transfer",
    "fund_code",
    "fund_name",
    "fund_type",
    "restricted",
    "department",
    "division",
    "program",
    "account_code",
    "account_name",
    "category",
    "recurring",
    "amount",
    "line_key",
    "src_sheet",
    "src_row",
    "src_col",
)

#: Human labels for the columns (used by the CLI and, translated, by the UI).
LABELS: dict[str, str] = {
    "fiscal_year": "Fiscal year",
    "phase": "Phase",
    "direction": "Direction",
    "is_transfer": "Transfer",
    "fund_code": "Fund code",
    "fund_name": "Fund",
    "fund_type": "Fund type",
    "restricted": "Restricted",
    "department": "Department",
    "division": "Division",
    "program": "Program",
    "account_code": "Account code",
    "account_name": "Account",
    "category": "Category",
    "recurring": "Recurring",
    "amount": "Amount",
    "line_key": "Line key",
    "src_sheet": "Source sheet",
    "src_row": "Source row",
    "src_col": "Source column",
}

#: Columns whose values identify a line across years and phases (hashed into ``line_key``).
IDENTITY_COLUMNS: tuple[str, ...] = (
    "direction",
    "fund_code",
    "fund_name",
    "department",
    "division",
    "program",
    "account_code",
    "account_name",
    "category",
)


def category_dtype(column: str) -> pd.CategoricalDtype:
    return pd.CategoricalDtype([m.value for m in CATEGORIES[column]], ordered=False)


def dtype_of(column: str):
    if column in CATEGORIES:
        return category_dtype(column)
    if column == "fiscal_year":
        return np.dtype("int64")
    if column in ("src_row", "src_col"):
        return np.dtype("int64")
    if column == "amount":
        return np.dtype("float64")
    if column == "is_transfer":
        return np.dtype("bool")
    return pd.StringDtype()


def empty_frame() -> pd.DataFrame:
    """A canonical table with no rows."""
    return pd.DataFrame({c: pd.Series([], dtype=dtype_of(c)) for c in COLUMNS})


def coerce(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly the canonical columns, in order, with canonical dtypes.

    Missing text columns become empty strings, missing categories ``unknown`` (or raise for
    ``phase``/``direction``, which have no unknown), missing ``is_transfer`` False.
    """
    out = {}
    n = len(df)
    for c in COLUMNS:
        if c in df.columns:
            s = df[c]
        elif c in TEXT_COLUMNS:
            s = pd.Series([""] * n, index=df.index)
        elif c in ("restricted", "fund_type", "recurring"):
            s = pd.Series(["unknown"] * n, index=df.index)
        elif c == "is_transfer":
            s = pd.Series(np.zeros(n, dtype=bool), index=df.index)
        elif c in ("src_row", "src_col"):
            s = pd.Series(np.zeros(n, dtype=np.int64), index=df.index)
        else:
            raise ValueError(f"canonical column {c!r} is missing")
        dt = dtype_of(c)
        if c in TEXT_COLUMNS:
            s = s.astype("string").fillna("")
        elif c in CATEGORIES:
            s = s.astype("string").str.lower().astype(dt)
            if s.isna().any():
                bad = df[c][s.isna()].iloc[0] if c in df.columns else None
                raise ValueError(f"value {bad!r} is not a valid {c}")
        else:
            s = s.astype(dt)
        out[c] = s
    return pd.DataFrame(out).reset_index(drop=True)


def validate(df: pd.DataFrame) -> None:
    """Raise ``ValueError`` if ``df`` is not a canonical table."""
    if tuple(df.columns) != COLUMNS:
        raise ValueError(f"columns differ from the canonical ones: {list(df.columns)}")
    for c in COLUMNS:
        want = dtype_of(c)
        if str(df[c].dtype) != str(want):
            raise ValueError(f"column {c!r} has dtype {df[c].dtype}, expected {want}")
