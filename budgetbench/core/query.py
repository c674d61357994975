"""Fast search, filter and sort over a canonical line-item table.

A :class:`TableIndex` is built once per table. Each text and category column (and the fiscal
year, searched as text) is factorised into its distinct values, sorted, and one small integer
code per row. A search looks for a word in the few distinct strings only and maps the hits back
to rows with one array lookup per column, so a search of a million lines costs milliseconds.
Sorting a text column is a stable argsort of its codes. The last sort order is kept, so changing
only the filter does not sort again.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from budgetbench.core import schema

if TYPE_CHECKING:
    import pandas as pd

#: Columns a search looks in: every text and category column, and the fiscal year.
SEARCH_COLUMNS: tuple[str, ...] = (
    *(c for c in schema.COLUMNS if c in schema.TEXT_COLUMNS or c in schema.CATEGORIES),
    "fiscal_year",
)

#: Line keys are opaque hashes; a short word like "fee" or "bad" would match many of them by
#: chance, so only words at least this long are looked for in ``line_key``.
MIN_LINE_KEY_WORD = 8

_NUMERIC_COLUMNS = ("fiscal_year", "amount", "src_row", "src_col")
_FACTORISED = tuple(c for c in schema.COLUMNS if c in schema.TEXT_COLUMNS or c in schema.CATEGORIES)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` used for searching and sorting."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def search_terms(text: str) -> tuple[str, ...]:
    """The words (and "quoted phrases") of a search, folded, without repeats, in order."""
    out: list[str] = []
    for phrase, word in _TERM.findall(text or ""):
        term = fold(" ".join(phrase.split()) if phrase else word)
        if term and term not in out:
            out.append(term)
    return tuple(out)


_AMOUNT = re.compile(
    r"^(?P<sign>[-+\u2212]?)\s*\$?\s*(?P<num>(\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)\s*(?P<unit>[kmb]?)$",
    re.IGNORECASE,
)
_UNITS = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9}


def parse_amount(text: str) -> float | None:
    """Parse a dollar amount typed by a person: ``1,000``, ``$2.5M``, ``250k``, ``-1.2b``.

    Blank means no bound and gives ``None``. Anything else that is not an amount raises
    ``ValueError`` with a short message fit to show to the user.
    """
    s = (text or "").strip()
    if not s:
        return None
    s = s.replace("\u00a0", " ")
    negative = False
    if s.startswith("(") and s.endswith(")"):  # accounting style: (1,000) is -1,000
        negative, s = True, s[1:-1].strip()
    m = _AMOUNT.match(s)
    if m is None:
        raise ValueError(f"{text.strip()!r} is not an amount; try 1,000 or 2.5M or 250k")
    value = float(m.group("num").replace(",", "")) * _UNITS[m.group("unit").lower()]
    if m.group("sign") in ("-", "\u2212"):
        negative = not negative
    return -value if negative else value


@dataclass(frozen=True)
class Query:
    """What to show: a search, an amount range (inclusive; ``None`` is open), a scope and a
    sort."""

    search: str = ""
    min_amount: float | None = None
    max_amount: float | None = None
    #: A canonical column name, or ``None`` for the order of the table.
    sort_column: str | None = None
    ascending: bool = True
    #: Only rows matching every ``(column, value)`` (see :meth:`TableIndex.scope_mask`).
    scope: tuple[tuple[Any, Any], ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return search_terms(self.search)

    @property
    def is_filtered(self) -> bool:
        return (
            bool(self.terms)
            or self.min_amount is not None
            or self.max_amount is not None
            or bool(self.scope)
        )


def make_scope(filters: Mapping[Any, Any]) -> tuple[tuple[Any, Any], ...]:
    """A :attr:`Query.scope` from a dict of filters: a list or set of allowed values becomes
    a sorted tuple, so the scope is hashable and equal dicts give equal scopes. A key that
    names several columns stays in its order, and so does each tuple of values for it."""

    def alternatives(value: Any) -> Any:
        if not isinstance(value, (list, tuple, set, frozenset)):
            return value
        items = [tuple(v) if isinstance(v, list) else v for v in value]
        try:
            return tuple(sorted(items))
        except TypeError:
            return tuple(items)

    return tuple(
        (tuple(k) if isinstance(k, list) else k, alternatives(v)) for k, v in filters.items()
    )


class Summary(NamedTuple):
    """Totals over a set of rows, for a status line."""

    count: int
    total: float
    revenue: float
    expense: float
    #: how many distinct fiscal years, phases and directions the rows include
    years: int
    phases: int
    directions: int


def _small_int(codes: np.ndarray, size: int) -> np.ndarray:
    for dt in (np.int8, np.int16, np.int32):
        if size < np.iinfo(dt).max:
            return codes.astype(dt, copy=False)
    return codes.astype(np.int64, copy=False)


class _Haystack:
    """The folded distinct values of several columns, joined into one string to search."""

    def __init__(self, columns: list[tuple[str, list[str]]]) -> None:
        self.columns = [c for c, _ in columns]
        parts: list[str] = []
        starts: list[int] = []
        col_first: list[int] = []
        pos = 0
        for _, entries in columns:
            col_first.append(len(starts))
            for e in entries:
                starts.append(pos)
                parts.append(e)
                pos += len(e) + 1
        starts.append(pos)  # sentinel: where one more entry would start
        col_first.append(len(starts) - 1)
        self.text = "\n".join(parts)
        self.starts = starts
        self.col_first = np.asarray(col_first, dtype=np.int64)

    def find(self, term: str) -> dict[str, np.ndarray]:
        """For each column, the positions of its distinct values that contain ``term``."""
        text, starts = self.text, self.starts
        hits: list[int] = []
        pos = text.find(term)
        while pos != -1:
            entry = bisect_right(starts, pos) - 1
            hits.append(entry)
            pos = text.find(term, starts[entry + 1])
        if not hits:
            return {}
        arr = np.asarray(hits, dtype=np.int64)
        col = np.searchsorted(self.col_first, arr, side="right") - 1
        out: dict[str, np.ndarray] = {}
        for ci in np.unique(col):
            sel = arr[col == ci]
            out[self.columns[ci]] = sel - self.col_first[ci]
        return out


class TableIndex:
    """Per-column arrays of one canonical table, ready for fast search, filter and sort.

    The table is not copied or changed; build a new index for a new table.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [c for c in schema.COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"not a canonical table; missing {', '.join(missing)}")
        self.n = len(frame)
        self.columns: tuple[str, ...] = schema.COLUMNS
        self._values: dict[str, np.ndarray] = {}
        self._codes: dict[str, np.ndarray] = {}
        self._uniques: dict[str, np.ndarray] = {}
        self._folded: dict[str, list[str]] = {}
        for c in _NUMERIC_COLUMNS:
            self._values[c] = frame[c].to_numpy(dtype=np.float64 if c == "amount" else np.int64)
        self._values["is_transfer"] = frame["is_transfer"].to_numpy(dtype=bool)
        for c in _FACTORISED:
            self._factorise(c, frame[c])
        years = self._values["fiscal_year"]
        uniq_years, year_codes = np.unique(years, return_inverse=True)
        self._codes["fiscal_year"] = _small_int(year_codes.reshape(-1), len(uniq_years))
        self._uniques["fiscal_year"] = uniq_years.astype(object)
        self._folded["fiscal_year"] = [f"fy{int(y)}" for y in uniq_years]
        self._all_rows = np.arange(self.n, dtype=np.int64)
        self._all_rows.flags.writeable = False
        self._haystack: _Haystack | None = None
        self._key_haystack: _Haystack | None = None
        self._sort_key: tuple[str, bool] | None = None
        self._sort_perm: np.ndarray | None = None
        self._search_key: tuple[str, ...] | None = None
        self._search_mask: np.ndarray | None = None
        self._code_of: dict[str, dict[Any, int]] = {}
        self._scope_key: tuple | None = None
        self._scope_mask: np.ndarray | None = None

    def forget(self) -> None:
        """Drop the remembered last sort and search (benchmarks time the work, not the cache)."""
        self._sort_key = self._sort_perm = None
        self._search_key = self._search_mask = None
        self._scope_key = self._scope_mask = None

    # --- building --------------------------------------------------------------------------

    def _factorise(self, column: str, series: pd.Series) -> None:
        import pandas as pd  # not at module level: the window imports this module at start-up

        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype("string")
        codes, uniques = pd.factorize(series, sort=True, use_na_sentinel=True)
        uniq = np.asarray(uniques.astype(object), dtype=object)
        folded = [fold(str(u)) for u in uniq]
        # pandas sorts by code point ("Zoo" < "apple"); people expect "apple" < "Zoo".
        # A stable sort on the folded form keeps code-point order among equal folds.
        if any(folded[i] > folded[i + 1] for i in range(len(folded) - 1)):
            order = sorted(range(len(folded)), key=folded.__getitem__)
            rank = np.empty(len(order), dtype=np.int64)
            rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
            uniq = uniq[order]
            folded = [folded[i] for i in order]
            codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], codes)
        size = len(uniq)
        codes = np.where(codes < 0, size, codes)  # missing values sort last and never match
        self._codes[column] = _small_int(codes, size + 1)
        self._uniques[column] = uniq
        if (
            column in schema.CATEGORIES
        ):  # found as stored and as shown: special_revenue/special revenue
            folded = [f if "_" not in f else f"{f}\t{f.replace('_', ' ')}" for f in folded]
        self._folded[column] = folded

    def _haystacks(self) -> tuple[_Haystack, _Haystack]:
        if self._haystack is None or self._key_haystack is None:
            main = [c for c in SEARCH_COLUMNS if c != "line_key"]
            self._haystack = _Haystack([(c, self._folded[c]) for c in main])
            self._key_haystack = _Haystack([("line_key", self._folded["line_key"])])
        return self._haystack, self._key_haystack

    # --- access ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.n

    def codes(self, column: str) -> np.ndarray:
        """Per-row codes into :meth:`uniques` (text, category and fiscal year columns)."""
        return self._codes[column]

    def uniques(self, column: str) -> np.ndarray:
        """The distinct values of a factorised column, in sort order (object array)."""
        return self._uniques[column]

    def is_factorised(self, column: str) -> bool:
        return column in _FACTORISED

    def values(self, column: str) -> np.ndarray:
        """The raw per-row array of a numeric or boolean column."""
        return self._values[column]

    def value(self, column: str, row: int) -> Any:
        """The raw value of one cell, as a plain Python object."""
        if column in _FACTORISED:
            code = int(self._codes[column][row])
            uniq = self._uniques[column]
            return str(uniq[code]) if code < len(uniq) else ""
        return self._values[column][row].item()

    def is_blank(self, column: str) -> bool:
        """True when every row of a text column is empty (or the table has no rows)."""
        if self.n == 0:
            return True
        if column not in _FACTORISED:
            return False
        uniq = self._uniques[column]
        return all(not str(u).strip() for u in uniq)

    # --- query -----------------------------------------------------------------------------

    def _term_mask(self, term: str) -> np.ndarray | None:
        """Rows where ``term`` occurs in any searched column; ``None`` means every row."""
        main, keys = self._haystacks()
        found = main.find(term)
        if len(term) >= MIN_LINE_KEY_WORD:
            found.update(keys.find(term))
        mask: np.ndarray | None = None
        for column, positions in found.items():
            size = len(self._uniques[column])
            if len(positions) == size:
                return None
            hit = np.zeros(size + 1, dtype=bool)
            hit[positions] = True
            rows = hit[self._codes[column]]
            if mask is None:
                mask = rows
            else:
                mask |= rows
        return mask if mask is not None else np.zeros(self.n, dtype=bool)

    def search_mask(self, search: str) -> np.ndarray | None:
        """Rows matching every term of ``search``; ``None`` when nothing is searched for."""
        terms = search_terms(search)
        if not terms:
            return None
        if terms == self._search_key:
            return self._search_mask
        mask: np.ndarray | None = None
        for term in terms:
            m = self._term_mask(term)
            if m is None:
                continue
            if mask is None:
                mask = m
            else:
                mask &= m
            if not mask.any():
                break
        self._search_key, self._search_mask = terms, mask
        return mask

    def sort_order(self, column: str | None, ascending: bool = True) -> np.ndarray:
        """Row positions of the whole table in sorted order (stable: ties keep table order)."""
        if column is None:
            return self._all_rows
        if column not in self.columns:
            raise ValueError(f"unknown column {column!r}")
        key = (column, bool(ascending))
        if key == self._sort_key and self._sort_perm is not None:
            return self._sort_perm
        if column in _FACTORISED:
            k: np.ndarray = self._codes[column]
            if not ascending:
                missing = k == len(self._uniques[column])
                k = -k
                if missing.any():  # missing values sort last in both directions
                    k = np.where(missing, 1, k).astype(k.dtype)
        elif column == "is_transfer":
            k = self._values[column].astype(np.int8)
            if not ascending:
                k = -k
        else:
            k = self._values[column]
            if not ascending:
                k = -k  # NaN stays NaN and sorts last either way
        perm = np.argsort(k, kind="stable").astype(np.int64, copy=False)
        perm.flags.writeable = False
        self._sort_key, self._sort_perm = key, perm
        return perm

    # --- scope ------------------------------------------------------------------------------

    def _key_codes(self, column: str) -> tuple[np.ndarray, int, Any]:
        """Per-row integer codes of ``column``, how many there can be, and a function giving
        the code of a value (-1 when no row has it)."""
        if column not in self.columns or (column in _NUMERIC_COLUMNS and column != "fiscal_year"):
            raise ValueError(f"cannot scope by {column!r}")
        if column == "is_transfer":
            return self._values[column].astype(np.int8), 2, lambda v: int(bool(v))
        lookup = self._code_of.get(column)
        if lookup is None:
            uniq = self._uniques[column]
            if column == "fiscal_year":
                lookup = {int(u): i for i, u in enumerate(uniq)}
            else:
                lookup = {str(u): i for i, u in enumerate(uniq)}
            self._code_of[column] = lookup
        size = len(self._uniques[column]) + 1

        def code(value: Any) -> int:
            try:
                key = int(value) if column == "fiscal_year" else str(value)
            except (TypeError, ValueError):
                return -1
            return lookup.get(key, -1)

        return self._codes[column], size, code

    def _scope_term(self, column: Any, value: Any) -> np.ndarray:
        many = isinstance(value, (tuple, list, set, frozenset))
        if isinstance(column, tuple):  # several columns: rows whose values are one of the tuples
            parts = [self._key_codes(c) for c in column]
            rows = np.zeros(self.n, dtype=np.int64)
            for codes, size, _ in parts:
                rows = rows * size + codes
            wanted = []
            for combo in value if many else (value,):
                codes = [code(v) for (_, _, code), v in zip(parts, combo, strict=True)]
                if min(codes) < 0:
                    continue
                key = 0
                for (_, size, _), c in zip(parts, codes, strict=True):
                    key = key * size + c
                wanted.append(key)
            return np.isin(rows, np.asarray(wanted, dtype=np.int64))
        codes, size, code = self._key_codes(column)
        allowed = np.zeros(size + 1, dtype=bool)
        for v in value if many else (value,):
            c = code(v)
            if c >= 0:
                allowed[c] = True
        return allowed[codes]

    def scope_mask(self, scope: tuple[tuple[Any, Any], ...]) -> np.ndarray | None:
        """Rows matching every ``(column, value)`` of ``scope``; ``None`` for an empty scope.

        A value matches exactly (text as text, fiscal year as a number); a tuple of values
        matches any of them. A tuple of columns matches rows whose values, together, are one
        of the given tuples: ``(("category", "account_name"), (("Salaries", "Overtime"),))``.
        Works on the factorised codes: one array lookup per column.
        """
        if not scope:
            return None
        if scope == self._scope_key:
            return self._scope_mask
        mask = np.ones(self.n, dtype=bool)
        for column, value in scope:
            mask &= self._scope_term(column, value)
        self._scope_key, self._scope_mask = scope, mask
        return mask

    def filter_mask(self, query: Query) -> np.ndarray | None:
        """Rows passing the scope, search and amount range of ``query``; ``None``: all rows."""
        mask = self.search_mask(query.search)
        mask = None if mask is None else mask.copy()
        scope = self.scope_mask(query.scope)
        if scope is not None:
            mask = scope.copy() if mask is None else mask & scope
        amount = self._values["amount"]
        for bound, keep in (
            (query.min_amount, np.greater_equal),
            (query.max_amount, np.less_equal),
        ):
            if bound is None:
                continue
            m = keep(amount, bound)
            if mask is None:
                mask = m
            else:
                mask &= m
        return mask

    def apply(self, query: Query) -> np.ndarray:
        """Row positions (int64) to show for ``query``, in display order. Do not modify it."""
        mask = self.filter_mask(query)
        order = self.sort_order(query.sort_column, query.ascending)
        if mask is None:
            return order
        if query.sort_column is None:
            return np.flatnonzero(mask).astype(np.int64, copy=False)
        return order[mask[order]]

    # --- totals ----------------------------------------------------------------------------

    def sum_amount(self, rows: np.ndarray) -> float:
        """Sum of ``amount`` over ``rows`` (row positions)."""
        return float(self._values["amount"][rows].sum())

    def _distinct(self, column: str, rows: np.ndarray) -> int:
        if len(rows) == 0:
            return 0
        codes = self._codes[column][rows].astype(np.intp, copy=False)
        return int(np.count_nonzero(np.bincount(codes)))

    def summary(self, rows: np.ndarray) -> Summary:
        """Count, total, revenue and expense totals, and how many years and phases ``rows`` span."""
        amount = self._values["amount"][rows]
        direction = self._codes["direction"][rows]
        uniq = [str(u) for u in self._uniques["direction"]]
        totals = {}
        for name in ("revenue", "expense"):
            totals[name] = (
                float(amount[direction == uniq.index(name)].sum()) if name in uniq else 0.0
            )
        return Summary(
            count=len(rows),
            total=float(amount.sum()),
            revenue=totals["revenue"],
            expense=totals["expense"],
            years=self._distinct("fiscal_year", rows),
            phases=self._distinct("phase", rows),
            directions=self._distinct("direction", rows),
        )
