"""Guessing what a published spreadsheet means: where its header is, and what each column holds.

Everything here works on text cells (see :mod:`budgetbench.io.readers`) and returns plain
data; :mod:`budgetbench.io.normalize` acts on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from budgetbench.core.schema import Phase

#: Roles a single column can play. ``amount`` columns are described by :class:`AmountColumn`.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "fiscal_year": (
        "fiscal year",
        "fiscal_year",
        "budget year",
        "budget year name",
        "budget_year",
        "fy",
        "year",
    ),
    "phase": ("phase", "version", "budget type", "budget phase", "budget stage", "stage"),
    "direction": (
        "type",
        "account type",
        "expenserevenue",
        "expense revenue",
        "revenue expense",
        "revenue/expense",
        "expense/revenue",
        "direction",
        "rev exp",
    ),
    "fund_code": ("fund code", "fund number", "fund no", "fund id", "fund_code", "fundcode"),
    "fund_name": ("fund name", "fund description", "fund", "funddescription", "fund title"),
    "fund_type": ("fund type", "fund category", "fund_category", "fund class", "fund group"),
    "restricted": ("restricted", "restricted?", "restriction", "restricted/unrestricted"),
    "department": (
        "department",
        "dept",
        "department name",
        "budget unit",
        "agency",
        "operating unit description",
        "operatingunitdescription",
    ),
    "division": (
        "division",
        "agency",
        "division/program",
        "division name",
        "org description",
        "organization",
        "cost center",
    ),
    "program": ("program", "program description", "program name", "programname", "activity"),
    "account_code": (
        "account code",
        "object code",
        "sub-object code",
        "account number",
        "acct",
        "account no",
        "gl account",
    ),
    "account_name": (
        "account description",
        "account name",
        "sub-object name",
        "description",
        "line item",
        "item",
        "account",
        "object description",
    ),
    "category": (
        "account category",
        "category",
        "object",
        "object group",
        "expense category",
        "revenue category",
        "class",
        "function",
    ),
    "recurring": ("ongoing/one-time", "recurring", "one-time", "ongoing", "one time/ongoing"),
    "amount": ("amount", "budget", "total", "value", "dollars", "appropriation"),
}

_PHASE_WORDS: dict[str, Phase] = {
    "actual": Phase.ACTUAL,
    "actuals": Phase.ACTUAL,
    "adopted": Phase.ADOPTED,
    "approved": Phase.ADOPTED,
    "enacted": Phase.ADOPTED,
    "orig bud": Phase.ADOPTED,
    "original": Phase.ADOPTED,
    "amended": Phase.AMENDED,
    "modified": Phase.AMENDED,
    "revised": Phase.AMENDED,
    "adjusted": Phase.AMENDED,
    "proposed": Phase.PROPOSED,
    "recommended": Phase.RECOMMENDED,
    "estimate": Phase.ESTIMATE,
    "estimated": Phase.ESTIMATE,
    "projection": Phase.ESTIMATE,
    "projected": Phase.ESTIMATE,
    "forecast": Phase.ESTIMATE,
}

_YEAR_RE = re.compile(
    r"(?<!\d)(?:FY\s*)?(?P<y1>(?:19|20)\d{2}|\d{2})(?:\s*[-/–]\s*(?P<y2>(?:19|20)?\d{2}))?(?!\d)",
    re.IGNORECASE,
)
_FY_PREFIX_RE = re.compile(r"\bFY\s*\d", re.IGNORECASE)


def norm_label(text: object) -> str:
    """Lower case, single spaces, no surrounding punctuation: how headers are compared."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    s = str(text).replace("\u00a0", " ").replace("_", " ").strip().lower()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" :*.")


def parse_fiscal_year(text: object) -> int | None:
    """``FY13-14`` -> 2014, ``FY2025-26`` -> 2026, ``2023-24`` -> 2024, ``2013`` -> 2013.

    A bare two-digit number counts only with an ``FY`` prefix.
    """
    s = "" if text is None else str(text).strip()
    if not s:
        return None
    m = _YEAR_RE.search(s)
    if not m:
        return None
    y1, y2 = m.group("y1"), m.group("y2")
    if len(y1) == 2 and not _FY_PREFIX_RE.search(s):
        return None
    start = int(y1) if len(y1) == 4 else 2000 + int(y1)
    if y2 is None:
        return start
    end = int(y2) if len(y2) == 4 else (start // 100) * 100 + int(y2)
    if end < start:
        end += 100
    return end if end - start == 1 else None


def parse_phase(text: object) -> Phase | None:
    s = norm_label(text)
    for word, phase in _PHASE_WORDS.items():
        if re.search(rf"\b{re.escape(word)}\b", s):
            return phase
    return None


def parse_direction(text: object) -> tuple[str | None, bool]:
    """Direction and whether the value marks a transfer, from labels like ``Transfer Out``."""
    s = norm_label(text)
    if not s:
        return None, False
    transfer = "transfer" in s or s.startswith("tsf")
    if s in ("r", "rev") or s.startswith(("revenue", "receipt", "income", "source")):
        return "revenue", transfer
    if s in ("e", "exp") or s.startswith(("expense", "expenditure", "spending", "appropriation")):
        return "expense", transfer
    if transfer:
        return ("revenue" if re.search(r"\bin\b", s) else "expense"), True
    if "fund balance" in s or s.startswith("use of"):
        return "revenue", False
    if s.startswith(("use", "cost")):
        return "expense", False
    return None, False


def direction_in_label(text: object) -> str | None:
    s = norm_label(text)
    if re.search(r"\b(revenue|revenues|receipts|income)\b", s):
        return "revenue"
    if re.search(r"\b(expense|expenses|expenditures?|spending|appropriations?)\b", s):
        return "expense"
    return None


@dataclass(frozen=True)
class AmountColumn:
    """A column of dollar amounts and what its header says about them."""

    index: int
    label: str
    fiscal_year: int | None = None
    phase: Phase | None = None
    direction: str | None = None


_MONEY_STRIP_RE = re.compile(r"[\s$,\u00a0€£]")
_DASHES = {"-", "–", "—", "−", "--"}


def parse_amounts(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Money text -> float64, vectorised.

    Understands ``$1,234.50``, ``(1,234)`` and ``1,234-`` as negatives, dashes as zero.
    Returns ``(amounts, bad)``: ``amounts`` is NaN where the cell is empty or unparseable;
    ``bad`` is True only where a non-empty cell could not be read as a number.
    """
    s = values.astype("string").str.strip()
    empty = s.isna() | (s == "") | s.str.lower().isin(["n/a", "na", "nan", "none", "null"])
    dash = s.isin(_DASHES)
    t = s.str.replace(_MONEY_STRIP_RE, "", regex=True)
    neg_paren = t.str.startswith("(") & t.str.endswith(")")
    t = t.where(~neg_paren, t.str.slice(1, -1))
    neg_trail = t.str.endswith("-") & (t.str.len() > 1)
    t = t.where(~neg_trail, t.str.slice(0, -1))
    t = t.str.replace("−", "-", regex=False)
    num = pd.to_numeric(t.where(~(empty | dash)), errors="coerce").astype("float64")
    num = num.where(~(neg_paren | neg_trail), -num)
    num = num.where(~dash, 0.0)
    out = num.to_numpy(dtype="float64", na_value=np.nan)
    bad = (np.isnan(out) & ~(empty | dash).to_numpy(dtype=bool, na_value=True)).astype(bool)
    return out, bad


_NUMBER_RE = re.compile(
    r"^[-−+]?\(?[-−]?[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?\)?-?$"
)


def is_number(value: object) -> bool:
    """True when a cell reads as money (``$1,234``, ``(12.5)``, ``-3``); dashes are not numbers."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    s = str(value).replace("\u00a0", "").strip()
    return bool(s) and any(ch.isdigit() for ch in s) and bool(_NUMBER_RE.match(s))


def numeric_share(values: pd.Series, limit: int = 200) -> float:
    """Share of the first ``limit`` non-empty cells that read as money."""
    s = [v for v in values.head(limit * 5).dropna() if str(v).strip()][:limit]
    if not s:
        return 0.0
    return sum(map(is_number, s)) / len(s)


def find_header_row(cells: pd.DataFrame, scan: int = 40) -> int:
    """Index of the row most likely to hold the column labels.

    A header row is mostly non-numeric text, is about as wide as the table under it, and
    the rows under it hold numbers in some of its columns.
    """
    top = cells.head(scan)
    if top.empty:
        return 0
    rows = [[v for v in r if isinstance(v, str) and v.strip()] for r in top.itertuples(False)]
    width = [len(r) for r in rows]
    max_width = max(width)
    below_numeric: dict[tuple[int, int], float] = {}
    best, best_score = 0, -1.0
    for i, row in enumerate(rows):
        if width[i] < max(2, 0.5 * max_width):
            continue
        texts = sum(1 for v in row if _looks_like_label(v))
        if texts < 0.6 * len(row):
            continue
        filled_cols = [j for j, v in enumerate(top.iloc[i]) if isinstance(v, str) and v.strip()]
        numeric_cols = 0
        for j in filled_cols:
            key = (i, j)
            if key not in below_numeric:
                below_numeric[key] = numeric_share(cells.iloc[i + 1 : i + 21, j], limit=20)
            numeric_cols += below_numeric[key] > 0.6
        score = texts + 2 * numeric_cols + 0.01 * (scan - i)
        if numeric_cols == 0:
            score -= 5
        if score > best_score:
            best, best_score = i, score
    return best


def _looks_like_label(value: object) -> bool:
    s = str(value).strip()
    if not s:
        return False
    if parse_fiscal_year(s) is not None:
        return True  # "2014", "FY2025-26 Proposed": year headers of a wide table
    return not is_number(s)


def guess_roles(
    headers: list[str], body: pd.DataFrame
) -> tuple[dict[str, int], list[AmountColumn], list[int]]:
    """Assign canonical roles to columns.

    Returns ``(roles, amount_columns, unused)``: ``roles`` maps a canonical role to a column
    index; amount columns are either one ``amount`` column (long tables) or several columns
    whose headers carry a fiscal year (wide tables); ``unused`` lists the other columns.
    """
    labels = [norm_label(h) for h in headers]
    numeric = {j: numeric_share(body[j].head(500)) for j in range(len(headers))}
    amounts: list[AmountColumn] = []
    roles: dict[str, int] = {}
    taken: set[int] = set()

    # Wide amount columns: a fiscal year in the header and numbers below it.
    for j, label in enumerate(labels):
        if not label or numeric[j] < 0.5:
            continue
        year = parse_fiscal_year(label)
        if year is None:
            continue
        if re.search(r"\b(change|pct|percent|%|variance|diff)", label):
            continue
        amounts.append(
            AmountColumn(
                index=j,
                label=str(headers[j]),
                fiscal_year=year,
                phase=parse_phase(label),
                direction=direction_in_label(label),
            )
        )
        taken.add(j)

    # Named roles, most specific synonyms first; the exact label beats a partial match.
    for exact in (True, False):
        for role, synonyms in ROLE_SYNONYMS.items():
            if role in roles or (role == "amount" and amounts):
                continue
            for syn in synonyms:
                hit = _match(labels, syn, exact, taken)
                if hit is None:
                    continue
                if role == "amount" and numeric[hit] < 0.5:
                    continue
                if role in ("fiscal_year",) and not _years_in(body[hit]):
                    continue
                if role == "fund_code" and not _codes_in(body[hit]):
                    continue
                roles[role] = hit
                taken.add(hit)
                break

    # A "Fund" column holding "1010 - General Fund" or bare codes serves as the fund code too.
    if "fund_name" in roles and "fund_code" not in roles and _codes_in(body[roles["fund_name"]]):
        roles["fund_code"] = roles["fund_name"]
    if "amount" in roles:
        j = roles.pop("amount")
        amounts = [AmountColumn(index=j, label=str(headers[j]))]
    unused = [j for j in range(len(headers)) if j not in taken and j not in roles.values()]
    return roles, amounts, unused


def _match(labels: list[str], syn: str, exact: bool, taken: set[int]) -> int | None:
    for j, label in enumerate(labels):
        if j in taken or not label:
            continue
        if exact and label == syn:
            return j
        if not exact and re.search(rf"(^|\W){re.escape(syn)}($|\W)", label):
            return j
    return None


def _years_in(values: pd.Series) -> bool:
    sample = values.dropna().head(200)
    if sample.empty:
        return False
    hits = sum(parse_fiscal_year(v) is not None for v in sample)
    return hits >= 0.8 * len(sample)


_CODE_RE = re.compile(r"^\s*[A-Za-z]{0,3}\d[\w.]*(\s+[-–:]\s+.*)?\s*$")


def _codes_in(values: pd.Series) -> bool:
    sample = values.dropna().head(200).astype(str)
    if sample.empty:
        return False
    return sample.str.match(_CODE_RE).mean() >= 0.8
