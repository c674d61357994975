"""Guessing what a published spreadsheet means: where its header is, and what each column holds.

Everything here works on text cells (see :mod:`budgetbench.io.readers`) and returns plain
data; :mod:`budgetbench.io.normalize` acts on it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from budgetbench.core.schema import Phase
from budgetbench.io.mapping import AmountColumn

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
        "revenue source",
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
    "mngt team": Phase.RECOMMENDED,
    "management team": Phase.RECOMMENDED,
    "manager": Phase.RECOMMENDED,
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


_MONEY_STRIP_RE = re.compile(r"[\s$,\u00a0€£]")
_DASHES = {"-", "–", "—", "−", "--"}


#: Largest amount read as money (a quadrillion dollars, a hundred times the largest national
#: budget); a bigger number, or infinity, is a broken cell, read as empty with a warning.
MAX_AMOUNT = 1e15

#: ``1.234,56`` / ``12,5`` / ``1.234.567``: European number forms, unambiguous.
_DECIMAL_COMMA_RE = re.compile(
    r"^[-−+(]?[$€£]?\s*(?:\d{1,3}(?:[.\s\u00a0']\d{3})*|\d+),\d{1,2}\)?-?$"
    r"|^[-−+(]?[$€£]?\s*\d{1,3}(?:\.\d{3}){2,}\)?-?$"
)
#: ``1,234.56`` / ``1,234,567``: the English forms, unambiguous.
_DECIMAL_POINT_RE = re.compile(r"\d,\d{3}\.\d|\d,\d{3},\d{3}")
#: ``1.234``: thousands in a column written the European way, else one point two three four.
_DOT_THOUSANDS_RE = re.compile(r"^[-−+]?\d{1,3}(?:\.\d{3})+$")


def parse_amounts(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Money text -> float64, vectorised.

    Understands ``$1,234.50``, ``(1,234)`` and ``1,234-`` as negatives, dashes as zero, and
    European forms (``1.234,56``) cell by cell; ``1.234`` is read as a thousand and more only
    in a column whose other cells are written the European way. Returns ``(amounts, bad)``:
    ``amounts`` is NaN where the cell is empty or unparseable; ``bad`` is True only where a
    non-empty cell could not be read as an amount (text, infinity, or beyond
    :data:`MAX_AMOUNT`).
    """
    # Most cells are plain numbers: read those directly, and only the rest the slow way.
    fast = pd.to_numeric(values, errors="coerce")
    fast = np.array(fast, dtype="float64")  # a copy: filled in below
    rest = np.isnan(fast) & values.notna().to_numpy()
    full_bad = np.zeros(len(values), dtype=bool)
    if rest.any():
        slow, bad, european = _parse_amounts_slow(values[rest])
        fast[rest] = slow
        full_bad[rest] = bad
        if european:
            dotted = values.astype("string").str.strip().str.fullmatch(_DOT_THOUSANDS_RE)
            dotted = dotted.fillna(False).to_numpy(dtype=bool) & ~rest
            if dotted.any():
                fast[dotted] = pd.to_numeric(
                    values[dotted].astype("string").str.replace(".", "", regex=False)
                ).to_numpy(dtype="float64")
    broken = ~np.isnan(fast) & ~(np.abs(fast) <= MAX_AMOUNT)
    if broken.any():
        fast[broken] = np.nan
        full_bad |= broken
    return fast, full_bad


def _parse_amounts_slow(values: pd.Series) -> tuple[np.ndarray, np.ndarray, bool]:
    s = values.astype("string").str.strip()
    empty = s.isna() | (s == "") | s.str.lower().isin(["n/a", "na", "nan", "none", "null"])
    dash = s.isin(_DASHES)
    comma = s.str.contains(_DECIMAL_COMMA_RE, na=False)
    point = s.str.contains(_DECIMAL_POINT_RE, na=False)
    # European cells: thousands marks out, decimal comma -> point.
    euro = s.where(comma).str.replace(r"[.\s\u00a0']", "", regex=True).str.replace(",", ".")
    s = s.where(~comma, euro)
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
    european = bool(comma.any()) and not bool(point.any())
    return out, bad, european


_NUMBER_RE = re.compile(
    r"^[-−+]?\(?[-−]?[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?\)?-?$"
)


def is_number(value: object) -> bool:
    """True when a cell reads as money (``$1,234``, ``(12.5)``, ``-3``, ``1.234,56``); dashes
    are not numbers."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    s = str(value).replace("\u00a0", "").strip()
    if not s or not any(ch.isdigit() for ch in s):
        return False
    return bool(_NUMBER_RE.match(s) or _DECIMAL_COMMA_RE.match(s))


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


_NOT_MONEY_RE = re.compile(
    r"\b(change|chg|pct|percent|variance|var|diff|difference|fte|ftes|positions?|headcount|"
    r"rate|ratio|count|qty|quantity|units?|level|order|id|line|row|no)\b|%"
)
_BY_FUND_RE = re.compile(r"\bfunds?\b|\(\s*[A-Za-z]{0,3}\d[\w.-]*\s*\)\s*$", re.IGNORECASE)
_PAREN_CODE_RE = re.compile(r"^(?P<name>.*?)\s*\(\s*(?P<code>[A-Za-z]{0,3}\d[\w.-]*)\s*\)\s*$")
_LEVEL_RE = re.compile(r"^(level|lvl|tier)\s*(\d+)$")


def amount_meaning(label: str) -> tuple[int | None, Phase | None, str | None]:
    """What an amount column's header says: fiscal year, phase, direction."""
    text = norm_label(label)
    return parse_fiscal_year(text), parse_phase(text), direction_in_label(text)


def by_fund(label: str) -> tuple[str | None, str | None]:
    """``General Fund (010)`` -> ("010", "General Fund"): a wide column holding one fund."""
    s = " ".join(str(label).split())
    m = _PAREN_CODE_RE.match(s)
    if m:
        return m.group("code"), m.group("name").strip() or None
    return None, s


def guess_roles(
    headers: list[str], body: pd.DataFrame
) -> tuple[dict[str, int], list[AmountColumn], list[int]]:
    """Assign canonical roles to columns, from their headers and their contents.

    Returns ``(roles, amount_columns, unused)``: ``roles`` maps a canonical role to a column
    index; amount columns are one ``amount`` column (long tables), several columns whose
    headers carry a fiscal year (wide tables), or one column per fund; ``unused`` lists the
    other columns.
    """
    labels = [norm_label(h) for h in headers]
    numeric = {j: numeric_share(body[j]) for j in range(len(headers))}
    amounts: list[AmountColumn] = []
    roles: dict[str, int] = {}
    taken: set[int] = set()

    # Wide amount columns: a fiscal year in the header and numbers below it.
    for j, label in enumerate(labels):
        if not label or numeric[j] < 0.5 or _NOT_MONEY_RE.search(label):
            continue
        if parse_fiscal_year(label) is None:
            continue
        amounts.append(AmountColumn(index=j, label=str(headers[j])))
        taken.add(j)

    # One column per fund (a revenue-by-fund table): numbers under fund names, no year.
    if not amounts:
        synonyms = {syn for syns in ROLE_SYNONYMS.values() for syn in syns}
        by_fund_cols = [
            j
            for j, label in enumerate(labels)
            if label
            and label not in synonyms
            and numeric[j] >= 0.5
            and not _NOT_MONEY_RE.search(label)
            and not re.search(r"\btotals?\b", label)
            and _BY_FUND_RE.search(str(headers[j]))
        ]
        if len(by_fund_cols) >= 2:
            for j in by_fund_cols:
                code, name = by_fund(str(headers[j]))
                amounts.append(
                    AmountColumn(index=j, label=str(headers[j]), fund_code=code, fund_name=name)
                )
                taken.add(j)

    # Named roles, most specific synonyms first; the exact label beats a partial match.
    for exact in (True, False):
        for role, synonyms in ROLE_SYNONYMS.items():
            if role in roles or (role == "amount" and amounts):
                continue
            if role == "amount" and any(a.fund_name or a.fund_code for a in amounts):
                continue
            for syn in synonyms:
                hit = _match(labels, syn, exact, taken)
                if hit is None:
                    continue
                if role == "amount" and numeric[hit] < 0.5:
                    continue
                if role != "amount" and numeric[hit] > 0.95 and role not in _CODE_ROLES:
                    continue  # a column of numbers is not a name
                if role == "fiscal_year" and not _years_in(body[hit]):
                    continue
                if role == "fund_code" and not _codes_in(body[hit]):
                    continue
                roles[role] = hit
                taken.add(hit)
                break

    # "LEVEL1, LEVEL2, LEVEL3": a hierarchy in columns, outermost first.
    levels = sorted(
        (int(m.group(2)), j)
        for j, label in enumerate(labels)
        if j not in taken and (m := _LEVEL_RE.match(label)) and numeric[j] < 0.5
    )
    if levels:
        targets = ["department", "division", "program"][: max(1, len(levels) - 1)]
        if len(levels) >= 3:
            targets = [*targets[: len(levels) - 1], "account_name"]
        for (_lvl, j), role in zip(levels, targets, strict=False):
            if role not in roles:
                roles[role] = j
                taken.add(j)

    # A "Fund" column holding "1010 - General Fund" or bare codes serves as the fund code too.
    if "fund_name" in roles and "fund_code" not in roles and _codes_in(body[roles["fund_name"]]):
        roles["fund_code"] = roles["fund_name"]
    if "amount" in roles:
        j = roles.pop("amount")
        amounts = [AmountColumn(index=j, label=str(headers[j]))]

    _roles_from_contents(roles, body, taken, numeric, {a.index for a in amounts})
    unused = [j for j in range(len(headers)) if j not in taken and j not in roles.values()]
    return roles, amounts, unused


_CODE_ROLES = {"fund_code", "account_code", "fiscal_year"}


def _roles_from_contents(
    roles: dict[str, int],
    body: pd.DataFrame,
    taken: set[int],
    numeric: dict[int, float],
    amount_cols: set[int],
) -> None:
    """Columns without a telling header: the line text and its code, found by what they hold."""
    free = [
        j
        for j in body.columns
        if j not in taken and j not in roles.values() and j not in amount_cols
    ]
    if "account_name" not in roles:
        best, best_n = None, 0
        for j in free:
            values = body[j].dropna().astype(str).str.strip()
            values = values[values != ""]
            if values.empty or numeric[j] > 0.5:
                continue
            if values.str.contains(r"[A-Za-z]{3}", regex=True).mean() < 0.8:
                continue
            n = values.nunique()
            if n > best_n:
                best, best_n = j, n
        if best is not None and best_n >= 5:
            roles["account_name"] = best
            taken.add(best)
    if "account_code" not in roles and "account_name" in roles:
        left = [j for j in free if j < roles["account_name"] and j not in taken]
        for j in reversed(left):
            if _codes_in(body[j]):
                roles["account_code"] = j
                taken.add(j)
                break


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
    sample = values.dropna().head(400).astype(str)
    sample = sample[sample.str.strip() != ""]
    if sample.empty:
        return False
    return sample.str.match(_CODE_RE).mean() >= 0.8


# ---- context: units, money vocabulary, labels ------------------------------------------------

_THOUSANDS_RE = re.compile(
    r"in\s+thousands|thousands\s+of\s+dollars|\(\s*\$?\s*000'?s?\s*\)|\$\s*000'?s|in\s+\$?000s",
    re.IGNORECASE,
)
_MILLIONS_RE = re.compile(r"in\s+millions|millions\s+of\s+dollars|\(\s*\$?\s*m\s*\)", re.IGNORECASE)


def unit_scale(text: str) -> float:
    """1000 for "(amounts in thousands)", 1e6 for "in millions", else 1."""
    if _MILLIONS_RE.search(text):
        return 1_000_000.0
    if _THOUSANDS_RE.search(text):
        return 1_000.0
    return 1.0


#: Words that name a group of objects or revenue sources, not a part of the organisation.
_OBJECT_GROUP_RE = re.compile(
    r"\b(personnel|non-?personnel|salar|wages|benefits|services\s+(and|&)\s+supplies|"
    r"supplies|operating|capital\s+outlay|equipment|debt\s+service|taxes|intergovernmental|"
    r"charges\s+for|fees|fines|forfeit|licen[cs]es|permits|revenues?|other\s+financing|"
    r"transfers|interest|rents|miscellaneous|expenditures?|expenses?)\b",
    re.IGNORECASE,
)


def is_object_group(text: str) -> bool:
    return bool(_OBJECT_GROUP_RE.search(text))


#: Fund types recognised from a fund's name, most specific first.
FUND_NAME_TYPES: tuple[tuple[str, str], ...] = (
    (r"\bgeneral\s+(fund|purpose)\b", "general"),
    (
        r"\binternal\s+service|\bfleet\b|technology\s+services|information\s+services|"
        r"\brisk\b|self[- ]insurance|workers'?\s+comp|employee\s+(health|benefits)|"
        r"facilities\s+maintenance",
        "internal_service",
    ),
    (r"\bcapital\b|\bconstruction\b|\bcip\b", "capital"),
    (r"\bdebt\b|\bbonds?\b", "debt_service"),
    (
        r"\benterprise\b|\bsewer|\bwater\b|\bstormwater|\butility\b|\bairports?\b|"
        r"\bgolf\b|\btransit\b|\bparking\b|solid\s+waste|\bhospital|\bharbor|\bport\b|"
        r"civic\s+center",
        "enterprise",
    ),
    (
        r"\btrust\b|\bfiduciary|\bpension\b|retirement\s+(trust|system)|investment\s+pool|"
        r"\bagency\s+fund",
        "fiduciary",
    ),
    (
        r"special\s+revenue|\bgrants?\b|\btax\b|\bmeasure\b|\bparcel|\bgas\s+tax|"
        r"\blibrary\b|\bassessment|\blighting|\blandscap|\brealignment|\bprop(osition)?\s*\d+|"
        r"\bcdbg\b|\bhome\b|\bforfeiture|\bhousing\b|\broad\s+fund|\bmhsa\b",
        "special_revenue",
    ),
)


def fund_type_from_name(name: str) -> str | None:
    for pattern, ftype in FUND_NAME_TYPES:
        if re.search(pattern, name, re.IGNORECASE):
            return ftype
    return None


_FOOTNOTE_RE = re.compile(r"(\s*[¹²³⁴⁵⁶⁷⁸⁹⁰†‡*]+|\s+\([a-z]\))+$")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def _title_score(label: str) -> int:
    """How name-like a label's capitals are: words starting upper case, not all upper case."""
    return sum(1 for w in label.split() if w[:1].isupper() and not (len(w) > 1 and w.isupper()))


def canonical_variants(values: pd.Series, extra: list[str] | None = None) -> dict[str, str]:
    """Label noise -> one spelling: ``Parks & recreation`` and ``PARKS & RECREATION`` ->
    ``Parks & Recreation``. Of the spellings of a label that differ only in case or spacing,
    the most name-like (words capitalised) wins, then the most used; ``extra`` (the sheet's
    headings) count as spellings. Misspellings are left as printed: nothing in a file says
    how a word should be spelled."""
    counts = values[values.fillna("") != ""].value_counts()
    if counts.empty:
        return {}
    pool = dict(counts.items())
    for text in extra or ():
        pool.setdefault(text, 0)
    groups: dict[str, list[str]] = {}
    for label in pool:
        groups.setdefault(" ".join(str(label).casefold().split()), []).append(label)
    out: dict[str, str] = {}
    for labels in groups.values():
        if len(labels) < 2:
            continue
        best = max(labels, key=lambda lab: (_title_score(lab), pool[lab]))
        out.update({lab: best for lab in labels if lab != best and pool[lab] > 0})
    return out


def clean_label(text: str) -> str:
    """One space between words, no footnote markers, and ALL-CAPS headings in title case."""
    s = " ".join(str(text).replace("\u00a0", " ").split())
    s = _FOOTNOTE_RE.sub("", s)
    return s


def heading_case(text: str) -> str:
    """``CHARGES FOR SERVICES`` -> ``Charges for Services``; mixed-case text is kept."""
    s = clean_label(text)
    if not s or not s.isupper():
        return s
    words = s.lower().split(" ")
    return " ".join(
        w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
