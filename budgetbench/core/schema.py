"""The canonical line-item table every import becomes (DESIGN §3).

pandas is imported inside the functions that need it: the window imports these names while it
starts, before any budget is loaded.

One row per (line x fiscal year x phase). Codes stay strings. Revenue and expense are both
positive; reductions (recoveries, reimbursements) are negative.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
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

#: Human labels for the columns, in English (the CLI prints them); the UI shows
#: :func:`column_label`, which translates them.
LABELS: dict[str, str] = {
    "fiscal_year": QT_TRANSLATE_NOOP("schema", "Fiscal year"),
    "phase": QT_TRANSLATE_NOOP("schema", "Phase"),
    "direction": QT_TRANSLATE_NOOP("schema", "Direction"),
    "is_transfer": QT_TRANSLATE_NOOP("schema", "Transfer"),
    "fund_code": QT_TRANSLATE_NOOP("schema", "Fund code"),
    "fund_name": QT_TRANSLATE_NOOP("schema", "Fund"),
    "fund_type": QT_TRANSLATE_NOOP("schema", "Fund type"),
    "restricted": QT_TRANSLATE_NOOP("schema", "Restricted"),
    "department": QT_TRANSLATE_NOOP("schema", "Department"),
    "division": QT_TRANSLATE_NOOP("schema", "Division"),
    "program": QT_TRANSLATE_NOOP("schema", "Program"),
    "account_code": QT_TRANSLATE_NOOP("schema", "Account code"),
    "account_name": QT_TRANSLATE_NOOP("schema", "Account"),
    "category": QT_TRANSLATE_NOOP("schema", "Category"),
    "recurring": QT_TRANSLATE_NOOP("schema", "Recurring"),
    "amount": QT_TRANSLATE_NOOP("schema", "Amount"),
    "line_key": QT_TRANSLATE_NOOP("schema", "Line key"),
    "src_sheet": QT_TRANSLATE_NOOP("schema", "Source sheet"),
    "src_row": QT_TRANSLATE_NOOP("schema", "Source row"),
    "src_col": QT_TRANSLATE_NOOP("schema", "Source column"),
}


def column_label(column: str) -> str:
    """The label of a canonical column in the interface's language ("Fund type")."""
    label = LABELS.get(column)
    return translate("schema", label) if label else column


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
    import pandas as pd

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
    import pandas as pd

    return pd.StringDtype()


def empty_frame() -> pd.DataFrame:
    """A canonical table with no rows."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype=dtype_of(c)) for c in COLUMNS})


def coerce(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly the canonical columns, in order, with canonical dtypes.

    Missing text columns become empty strings, missing categories ``unknown`` (or raise for
    ``phase``/``direction``, which have no unknown), missing ``is_transfer`` False.
    """
    import pandas as pd

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
        if s.dtype == dt and not (c in TEXT_COLUMNS and s.hasnans):
            pass  # already canonical: nothing to convert
        elif c in TEXT_COLUMNS:
            s = s.astype("string").fillna("")
        elif c in CATEGORIES:
            # Lower-cased and checked once per distinct value, not once per row.
            codes, uniques = pd.factorize(s, use_na_sentinel=True)
            lowered = [str(u).lower() for u in uniques]
            wanted = list(dt.categories)
            if (codes < 0).any():
                raise ValueError(f"value None is not a valid {c}")
            for u in lowered:
                if u not in wanted:
                    raise ValueError(f"value {u!r} is not a valid {c}")
            remap = np.array([wanted.index(u) for u in lowered], dtype=np.int64)
            s = pd.Series(pd.Categorical.from_codes(remap[codes], dtype=dt), index=s.index, name=c)
        elif c == "is_transfer":
            s = s.fillna(False).astype(bool)
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


def line_keys(df: pd.DataFrame) -> pd.Series:
    """Stable identity of each line across years, phases and re-imports.

    The first 16 hex digits of the SHA-1 of the line's identity labels (``IDENTITY_COLUMNS``,
    trimmed, lower case, runs of white space as one space, joined by U+001F) — never amounts
    or row numbers. Computed once per distinct line, so large tables stay fast.
    """
    import pandas as pd

    codes, labels = [], []
    for c in IDENTITY_COLUMNS:
        col = df[c].astype("string").fillna("") if c in df.columns else pd.Series([""] * len(df))
        k, uniques = pd.factorize(col, sort=False)
        codes.append(k)
        labels.append([" ".join(str(u).split()).lower() for u in uniques])
    if len(df) == 0:
        return pd.Series([], index=df.index, dtype="string")
    # One integer per row naming its combination of labels (mixed radix), then one hash per
    # distinct combination: a million rows hold only thousands of distinct lines.
    sizes = [len(lab) + 1 for lab in labels]
    if float(np.prod(np.array(sizes, dtype=float))) < 2**62:
        combined = np.zeros(len(df), dtype=np.int64)
        for k, size in zip(codes, sizes, strict=True):
            combined = combined * size + k
        inverse, _ = pd.factorize(combined, sort=False)
        _, first_rows = np.unique(inverse, return_index=True)  # codes follow first appearance
    else:  # absurdly many distinct labels: fall back to comparing whole rows
        _, first_rows, inverse = np.unique(
            np.column_stack(codes), axis=0, return_index=True, return_inverse=True
        )
    # The identity text of each distinct line, joined column by column (vectorised), then
    # hashed once per distinct line.
    parts = [
        pd.Series(np.asarray(labels[j], dtype=object)[codes[j][first_rows]], dtype=object)
        for j in range(len(codes))
    ]
    joined = parts[0].str.cat(parts[1:], sep="\x1f") if len(parts) > 1 else parts[0]
    sha1 = hashlib.sha1
    keys = np.array([sha1(t.encode("utf-8")).hexdigest()[:16] for t in joined], dtype=object)
    return pd.Series(keys[inverse.reshape(-1)], index=df.index, dtype="string")
