"""Raw sheets -> the canonical line-item table, with a report of every choice made."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from budgetbench.core import schema
from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.io import detect
from budgetbench.io.readers import RawSheet
from budgetbench.io.report import ImportReport, Reconciliation

#: Bump when detection or normalisation changes what a file imports as: cached tables made by
#: another version are not reused.
IMPORTER_VERSION = "3.0"

_TOTAL_RE = re.compile(r"^\s*(?:grand\s+)?totals?\b|\btotals?\s*$", re.IGNORECASE)
_TRANSFER_RE = re.compile(
    r"\b(?:transfers?\s+(?:in|out|from|to)|interfund|operating\s+transfers?|tsf\s+(?:fm|to))\b",
    re.IGNORECASE,
)
_CODE_NAME_RE = re.compile(r"^\s*([A-Za-z]{0,3}\d[\w.]*)\s+[-–:]\s+(.+?)\s*$")

_FUND_TYPE_WORDS: tuple[tuple[str, schema.FundType], ...] = (
    ("special revenue", schema.FundType.SPECIAL_REVENUE),
    ("capital", schema.FundType.CAPITAL),
    ("debt", schema.FundType.DEBT_SERVICE),
    ("enterprise", schema.FundType.ENTERPRISE),
    ("internal service", schema.FundType.INTERNAL_SERVICE),
    ("fiduciary", schema.FundType.FIDUCIARY),
    ("trust", schema.FundType.FIDUCIARY),
    ("general", schema.FundType.GENERAL),
)

#: Fund types whose money is restricted to a purpose by law, covenant or the voters.
_RESTRICTED_TYPES = {
    schema.FundType.SPECIAL_REVENUE,
    schema.FundType.CAPITAL,
    schema.FundType.DEBT_SERVICE,
    schema.FundType.ENTERPRISE,
    schema.FundType.FIDUCIARY,
}


@dataclass
class SheetTable:
    """One sheet's line items before the sheets are combined."""

    sheet: RawSheet
    lines: pd.DataFrame
    skipped: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    rows_read: int = 0


def normalize(
    sheets: list[RawSheet],
    path: str | Path,
    report: ImportReport,
    progress: ProgressFn = no_progress,
    mapping: object | None = None,
) -> pd.DataFrame:
    """Turn the sheets of one file into a canonical table, filling in ``report``."""
    path = Path(path)
    tables: list[SheetTable] = []
    problems: list[str] = []
    for k, sheet in enumerate(sheets):
        progress(0.5 + 0.4 * k / max(1, len(sheets)), f"Interpreting {sheet.name or path.name}")
        if sheet.hidden:
            report.warnings.append(f"hidden sheet '{sheet.name}' was not imported")
            continue
        try:
            table = _sheet_table(sheet, path)
        except _NotATable as exc:
            problems.append(f"{sheet.name or path.name}: {exc}")
            continue
        tables.append(table)
    if not tables:
        why = "; ".join(problems) or "no sheet holds data"
        raise BudgetError(f"no budget table found ({why})", path=str(path))

    # Several sheets often show the same data in different shapes; import the largest one.
    best = max(tables, key=lambda t: len(t.lines))
    others = [t.sheet.name for t in tables if t is not best]
    if others:
        report.warnings.append(
            "imported sheet '"
            + best.sheet.name
            + "'; also found tables on "
            + ", ".join(f"'{n}'" for n in others)
            + " (not imported: often the same figures in another shape)"
        )
    report.sheets = [best.sheet.name] if best.sheet.name else []
    report.rows_read = best.rows_read
    report.mapping = best.mapping
    for why, n in best.skipped.items():
        report.skip(why, n)
    report.warnings.extend(best.warnings)
    report.reconciliations.extend(best.reconciliations)
    lines = best.lines
    if (lines["direction"] == "revenue").any():
        rev = lines["direction"] == "revenue"
        rev_amounts = lines.loc[rev, "amount"]
        if rev_amounts.sum() < 0 and (rev_amounts < 0).mean() > 0.5:
            lines.loc[rev, "amount"] = -rev_amounts
            report.revenue_sign_flipped = True
    out = schema.coerce(lines)
    out["line_key"] = schema.line_keys(out)
    report.lines = len(out)
    return out


class _NotATable(Exception):
    pass


def _sheet_table(sheet: RawSheet, path: Path) -> SheetTable:
    cells = sheet.cells
    if cells.shape[0] < 2 or cells.shape[1] < 1:
        raise _NotATable("fewer than two rows")
    h = detect.find_header_row(cells)
    headers = [_header_text(cells.iat[h, j], j) for j in range(cells.shape[1])]
    body = cells.iloc[h + 1 :]
    roles, amount_cols, _unused = detect.guess_roles(headers, body)
    if not amount_cols:
        raise _NotATable("no column of amounts found")
    table = SheetTable(sheet=sheet, lines=pd.DataFrame(), rows_read=len(body))
    label_cols = [j for j in range(cells.shape[1]) if j not in {a.index for a in amount_cols}]

    text = body.astype("string")
    stripped = text.apply(lambda c: c.str.strip())
    blank = (stripped.isna() | (stripped == "")).all(axis=1).to_numpy()
    labels = stripped[label_cols] if label_cols else stripped.iloc[:, :0]
    # A total row says "total" and leaves label cells empty that ordinary lines fill; a full
    # row whose description happens to end in "Total" is a line (Oakland, Sacramento).
    filled = (labels.notna() & (labels != "")).sum(axis=1).to_numpy()
    amount_cells = stripped[[a.index for a in amount_cols]]
    with_amount = (amount_cells.notna() & (amount_cells != "")).any(axis=1).to_numpy()
    typical = np.median(filled[with_amount]) if with_amount.any() else 0
    says_total = labels.apply(lambda c: c.str.contains(_TOTAL_RE, na=False)).any(axis=1)
    is_total = says_total.to_numpy() & (filled < typical)
    header_again = np.zeros(len(body), dtype=bool)
    for j in label_cols[:3]:
        header_again |= (stripped[j].str.lower() == str(headers[j]).strip().lower()).to_numpy(
            dtype=bool, na_value=False
        )

    # Context found outside the table: file name and the title rows above the header.
    title = " ".join(
        str(v) for v in cells.iloc[:h].to_numpy().ravel() if isinstance(v, str) and v.strip()
    )
    context = f"{path.stem} {sheet.name} {title}"
    default_phase = detect.parse_phase(context)
    default_direction = detect.direction_in_label(f"{sheet.name} {path.stem}")
    default_year = detect.parse_fiscal_year(context)

    # Per-row attributes from the label columns.
    n = len(body)
    year_col = _column_values(stripped, roles.get("fiscal_year"), n)
    years = _map_unique(year_col, detect.parse_fiscal_year) if "fiscal_year" in roles else None
    phases = (
        _map_unique(_column_values(stripped, roles["phase"], n), detect.parse_phase)
        if "phase" in roles
        else None
    )
    dir_text = _column_values(stripped, roles.get("direction"), n)
    parsed_dir = _map_unique(dir_text, detect.parse_direction)
    row_direction = parsed_dir.map(lambda t: t[0] if isinstance(t, tuple) else None)
    row_transfer = parsed_dir.map(lambda t: bool(t[1]) if isinstance(t, tuple) else False)

    base = pd.DataFrame(index=range(n))
    for role in (
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
    ):
        base[role] = _column_values(stripped, roles.get(role), n).fillna("").to_numpy()
    _split_code_name(base, roles, "fund_code", "fund_name")
    _split_code_name(base, roles, "account_code", "account_name")

    table.mapping = {}
    for role, j in roles.items():  # one column may serve two roles: "100 - General Fund"
        label = headers[j]
        table.mapping[label] = (
            f"{table.mapping[label]} + {role}" if label in table.mapping else role
        )
    for a in amount_cols:
        desc = "amount"
        if a.fiscal_year:
            desc += f" FY{a.fiscal_year}"
        if a.phase:
            desc += f" {a.phase}"
        if a.direction:
            desc += f" {a.direction}"
        table.mapping[a.label] = desc

    keep_row = ~(blank | is_total | header_again)
    table.skipped["blank"] = int(blank.sum())
    table.skipped["total or subtotal"] = int((is_total & ~blank).sum())
    table.skipped["repeated header"] = int((header_again & ~blank & ~is_total).sum())

    grand_total = np.zeros(n, dtype=bool)
    if is_total.any():
        grand_total[is_total] = _is_grand_total(labels[is_total])
    pieces = []
    bad_cells: list[str] = []
    any_amount = np.zeros(n, dtype=bool)
    totals_by_col: dict[int, float] = {}
    for a in amount_cols:
        amounts, bad = detect.parse_amounts(body[a.index].reset_index(drop=True))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            bad_cells.append(
                f"{int(bad.sum())} cell(s) in column '{a.label}' are not numbers (first at "
                f"{_cell_ref(sheet, h + 1 + i, a.index)}: {body.iat[i, a.index]!r}); read as empty"
            )
        has = ~np.isnan(amounts)
        any_amount |= has
        grand = is_total & has & grand_total
        if grand.sum() == 1:
            totals_by_col[a.index] = float(amounts[grand][0])
        sel = keep_row & has
        if not sel.any():
            continue
        piece = base.loc[sel].copy()
        piece["amount"] = amounts[sel]
        piece["src_row"] = [sheet.excel_row(h + 1 + i) for i in np.flatnonzero(sel)]
        piece["src_col"] = sheet.excel_col(a.index)
        piece["fiscal_year"] = a.fiscal_year if a.fiscal_year else _pick(years, sel)
        piece["phase"] = a.phase.value if a.phase else _pick(phases, sel)
        piece["direction"] = a.direction or _pick(row_direction, sel)
        piece["is_transfer"] = row_transfer[sel].to_numpy(dtype=bool)
        pieces.append(piece)
    no_amount = keep_row & ~any_amount
    table.skipped["no amount"] = int(no_amount.sum())
    table.warnings.extend(bad_cells)
    table.skipped = {k: v for k, v in table.skipped.items() if v}
    if not pieces:
        raise _NotATable("no rows with amounts")
    lines = pd.concat(pieces, ignore_index=True)

    # Fill what the rows did not say from the file's context, and say so.
    if lines["fiscal_year"].isna().any():
        if default_year is None:
            raise _NotATable(
                "no fiscal year found: give the file a year column or years in its headers"
            )
        lines["fiscal_year"] = lines["fiscal_year"].fillna(default_year)
        table.warnings.append(f"fiscal year not stated on the rows; taken as {default_year}")
    if lines["phase"].isna().any():
        phase = default_phase.value if default_phase else schema.Phase.ADOPTED.value
        lines["phase"] = lines["phase"].fillna(phase)
        if default_phase is None:
            table.warnings.append("budget phase not stated; taken as adopted")
    if lines["direction"].isna().any():
        missing = lines["direction"].isna()
        if "direction" in roles:
            bad_values = sorted(set(dir_text.dropna()) - set(dir_text[row_direction.notna()]))
            table.warnings.append(
                f"{int(missing.sum())} rows have a type that is neither revenue nor expense "
                f"({', '.join(map(repr, bad_values[:5]))}); taken as expense"
            )
        elif default_direction is None:
            table.warnings.append("no revenue/expense column; every line taken as expense")
        lines["direction"] = lines["direction"].fillna(default_direction or "expense")

    lines["fund_type"] = _fund_types(lines)
    lines["restricted"] = _restricted(lines)
    lines["recurring"] = _recurring(lines["recurring"])
    names = lines["category"].astype(str) + " " + lines["account_name"].astype(str)
    lines["is_transfer"] = lines["is_transfer"] | names.str.contains(_TRANSFER_RE, na=False)
    lines["src_sheet"] = sheet.name
    lines["line_key"] = ""
    table.lines = lines

    for j, file_total in totals_by_col.items():
        a = next(a for a in amount_cols if a.index == j)
        kept = lines.loc[lines["src_col"] == sheet.excel_col(j), "amount"].sum()
        table.reconciliations.append(
            Reconciliation(
                label=f"grand total, {a.label}", file_total=file_total, computed_total=float(kept)
            )
        )
    return table


def _header_text(value: object, j: int) -> str:
    s = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    s = re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()
    return s or f"Column {_letters(j + 1)}"


def _letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _cell_ref(sheet: RawSheet, i: int, j: int) -> str:
    ref = f"{_letters(sheet.excel_col(j))}{sheet.excel_row(i)}"
    return f"'{sheet.name}'!{ref}" if sheet.name else f"row {sheet.excel_row(i)}, column {ref}"


def _column_values(frame: pd.DataFrame, j: int | None, n: int) -> pd.Series:
    if j is None:
        return pd.Series([pd.NA] * n, dtype="string")
    s = frame[j].reset_index(drop=True)
    return s.str.replace(r"\s+", " ", regex=True)


def _map_unique(values: pd.Series, fn) -> pd.Series:
    """``values.map(fn)`` computed once per distinct value (labels repeat a lot)."""
    uniques = values.dropna().unique()
    lookup = {u: fn(u) for u in uniques}
    return pd.Series([lookup.get(v) if v is not pd.NA else None for v in values], dtype=object)


def _pick(values: pd.Series | None, sel: np.ndarray) -> np.ndarray:
    if values is None:
        return np.full(int(sel.sum()), None, dtype=object)
    return values[sel].to_numpy(dtype=object)


def _is_grand_total(labels: pd.DataFrame) -> np.ndarray:
    joined = labels.fillna("").agg(" ".join, axis=1).str.strip().str.lower()
    return joined.str.fullmatch(r"(grand\s+)?totals?|.*grand total.*|\w+ total").to_numpy()


def _split_code_name(base: pd.DataFrame, roles: dict[str, int], code: str, name: str) -> None:
    """``1010 - General Fund`` in one column -> code ``1010`` and name ``General Fund``."""
    source = name if name in roles else code
    if source not in roles:
        return
    parts = base[source].str.extract(_CODE_NAME_RE)
    has = parts[0].notna()
    if not has.any():
        return
    if roles.get(code) == roles.get(name) or code not in roles:
        base.loc[has, code] = parts.loc[has, 0]
    if roles.get(code) == roles.get(name) or name not in roles or source == name:
        base.loc[has, name] = parts.loc[has, 1]
    if roles.get(code) == roles.get(name):
        # A bare code with no name: keep it as the code and leave the name empty.
        bare = ~has & base[code].str.fullmatch(r"[A-Za-z]{0,3}\d[\w.]*")
        base.loc[bare, name] = ""


def _fund_types(lines: pd.DataFrame) -> np.ndarray:
    """The stated fund type where there is one, else "general" for a General Fund by name."""
    stated = lines["fund_type"].str.lower()
    out = np.full(len(lines), schema.FundType.UNKNOWN.value, dtype=object)
    general_name = lines["fund_name"].str.contains(
        r"\bgeneral (?:fund|purpose)\b", case=False, na=False
    )
    out[general_name.to_numpy()] = schema.FundType.GENERAL.value
    decided = np.zeros(len(lines), dtype=bool)
    for word, ftype in _FUND_TYPE_WORDS:  # first match wins: "special revenue" before "general"
        hit = stated.str.contains(rf"\b{word}", na=False).to_numpy() & ~decided
        out[hit] = ftype.value
        decided |= hit
    return out


def _restricted(lines: pd.DataFrame) -> np.ndarray:
    stated = lines["restricted"].str.lower().str.strip()
    out = np.full(len(lines), schema.Restricted.UNKNOWN.value, dtype=object)
    ftype = lines["fund_type"].astype(str)
    out[(ftype == schema.FundType.GENERAL.value).to_numpy()] = "unrestricted"
    out[ftype.isin([t.value for t in _RESTRICTED_TYPES]).to_numpy()] = "restricted"
    out[stated.str.startswith("restricted", na=False).to_numpy()] = "restricted"
    out[stated.str.match(r"(un|not|no\b)", na=False).to_numpy()] = "unrestricted"
    return out


def _recurring(values: pd.Series) -> np.ndarray:
    s = values.str.lower().str.replace(r"[\s_-]+", "", regex=True)
    out = np.full(len(values), schema.Recurring.UNKNOWN.value, dtype=object)
    out[s.str.startswith(("ongoing", "recurring"), na=False).to_numpy()] = "ongoing"
    out[s.str.startswith(("onetime", "nonrecurring"), na=False).to_numpy()] = "one_time"
    return out
