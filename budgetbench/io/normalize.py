"""Raw sheets -> the canonical line-item table, with a report of every choice made.

Two steps, so a person can step in between: :func:`detect_mapping` proposes how to read each
sheet (header rows, column roles, units), and :func:`apply_mapping` reads the lines that way.
Reading a sheet means telling line items from everything else a published budget holds —
titles, headings that name the department or object group of the lines under them, repeated
header blocks, footnotes, and total rows. Totals are recognised by their label *and* checked
by arithmetic against the lines above them; every total the file prints is reconciled in the
report, and a total that does not add up is reported, never silently "fixed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from budgetbench.core import schema
from budgetbench.core.format import column_letter
from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.io import detect
from budgetbench.io.mapping import (
    COLUMN_ROLES,
    ColumnMapping,
    ProfileStore,
    SheetMapping,
    default_store,
    header_signature,
)
from budgetbench.io.readers import MAX_COLUMNS, RawSheet
from budgetbench.io.report import ImportReport, Reconciliation

#: Bump when detection or normalisation changes what a file imports as: cached tables made by
#: another version are not reused.
IMPORTER_VERSION = "3.0"

_TOTAL_RE = re.compile(r"^\s*(?:grand\s+|sub-?\s*)?totals?\b|\btotals?\s*$", re.IGNORECASE)
_TOTAL_WORDS_RE = re.compile(r"\b(?:grand|sub-?)?\s*totals?\b|[-–:,]", re.IGNORECASE)
_TRANSFER_RE = re.compile(
    r"\b(?:transfers?\s+(?:in|out|from|to)|interfund|operating\s+transfers?|oper\s+transfers?|"
    r"tsf\s+(?:fm|to))\b",
    re.IGNORECASE,
)
_CODE_NAME_RE = re.compile(r"^\s*([A-Za-z]{0,3}\d[\w.]*)\s+[-–:]\s+(.+?)\s*$")
_FUND_LEGEND_RE = re.compile(r"fund\s+codes?\s*:?(.*)", re.IGNORECASE)
_LEGEND_ITEM_RE = re.compile(r"([A-Za-z]{0,3}\d[\w.]*)\s*[-–=:]?\s*([^;,]+)")
_POSITIONS_RE = re.compile(r"\b(positions?|fte|headcount|staffing|personnel\s+count)\b", re.I)

#: Roles that describe where a line sits; blank cells under a value inherit it (fill down).
_HIERARCHY = (
    "fund_code",
    "fund_name",
    "fund_type",
    "restricted",
    "department",
    "division",
    "program",
    "category",
)
#: Roles whose values are labels (text), as opposed to the year, phase and direction.
_TEXT_ROLES = tuple(r for r in COLUMN_ROLES if r not in ("fiscal_year", "phase", "direction"))

#: Label columns where case, spacing and one-letter typos are noise to even out.
_NOISY_ROLES = ("fund_name", "department", "division", "program", "account_name", "category")

#: Fund types whose money is restricted to a purpose by law, covenant or the voters.
_RESTRICTED_TYPES = {
    "special_revenue",
    "capital",
    "debt_service",
    "enterprise",
    "internal_service",
    "fiduciary",
}
_FUND_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("special revenue", "special_revenue"),
    ("capital", "capital"),
    ("debt", "debt_service"),
    ("enterprise", "enterprise"),
    ("internal service", "internal_service"),
    ("fiduciary", "fiduciary"),
    ("trust", "fiduciary"),
    ("general", "general"),
)


class _NotATable(Exception):
    pass


@dataclass
class SheetTable:
    """One sheet's line items (amounts in dollars, the file's sign) and what was found."""

    sheet: RawSheet
    mapping: SheetMapping
    lines: pd.DataFrame
    rows_read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    described: dict[str, str] = field(default_factory=dict)
    revenue_flipped: bool = False


# ---- headers ---------------------------------------------------------------------------------
def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def sheet_headers(sheet: RawSheet, header_rows: tuple[int, ...]) -> list[str]:
    """The label of every column: one header row, or two stacked (a top row of years over a row
    of phases; a top cell merged across several columns counts for each of them)."""
    cells = sheet.cells
    rows = [r for r in header_rows if 0 <= r < len(cells)]
    out = []
    top_fill = None
    for j in range(cells.shape[1]):
        parts = []
        top = cells.iat[rows[0], j] if rows else None
        lower = cells.iat[rows[1], j] if len(rows) > 1 else None
        if _is_text(top):
            top_fill = top
            parts.append(str(top))
        elif top_fill is not None and _is_text(lower):
            parts.append(str(top_fill))  # a merged top cell spans the columns under it
        else:
            top_fill = None
        # The lower row qualifies a year above it ("2015" over "ORIG BUD"); under a label that
        # is not a year it is data that happens to sit there ("General Fund").
        if _is_text(lower) and (not parts or detect.parse_fiscal_year(parts[0]) is not None):
            parts.append(str(lower))
        label = " ".join(" ".join(parts).replace("\u00a0", " ").split())
        out.append(label or f"Column {column_letter(j + 1)}")
    return out


def _uncached_words(sheet: RawSheet) -> str:
    return (
        f"its {sheet.uncached_formulas:,} formula cell(s) have no calculated values saved in the "
        "file; open it in a spreadsheet program and save it again"
    )


def _numeric_below(cells: pd.DataFrame, row: int, j: int) -> bool:
    return detect.numeric_share(cells.iloc[row + 1 : row + 40, j], limit=25) > 0.6


def _header_rows(cells: pd.DataFrame) -> tuple[int, ...]:
    h = detect.find_header_row(cells)
    if h + 1 < len(cells):
        below = [j for j, v in enumerate(cells.iloc[h + 1]) if _is_text(v)]
        texts = [j for j in below if not detect.is_number(cells.iat[h + 1, j])]
        over_numbers = [j for j in texts if _numeric_below(cells, h + 1, j)]
        if len(texts) == len(below) and len(over_numbers) >= 2:
            return (h, h + 1)
    if h > 0:
        above = [j for j, v in enumerate(cells.iloc[h - 1]) if _is_text(v)]
        years = [j for j in above if detect.parse_fiscal_year(cells.iat[h - 1, j])]
        if len(years) >= 2 and len(years) >= len(above) - 1:
            return (h - 1, h)
    return (h,)


def _context_text(sheet: RawSheet, header_rows: tuple[int, ...], path: Path) -> str:
    top = sheet.cells.iloc[: min(header_rows)]
    title = " ".join(str(v) for v in top.to_numpy().ravel() if _is_text(v))
    return f"{path.stem.replace('_', ' ')} {sheet.name} {title}"


# ---- detection -------------------------------------------------------------------------------
def detect_sheet(sheet: RawSheet, path: str | Path) -> SheetMapping:
    """Propose how to read one sheet. Raises ``_NotATable`` when it holds no budget lines."""
    path = Path(path)
    cells = sheet.cells
    if sheet.problem:
        raise _NotATable(sheet.problem)
    if cells.shape[0] < 2:
        if sheet.uncached_formulas:
            raise _NotATable(_uncached_words(sheet))
        raise _NotATable("fewer than two rows")
    if cells.shape[1] > MAX_COLUMNS:
        raise _NotATable(f"{cells.shape[1]:,} columns (more than {MAX_COLUMNS:,})")
    header_rows = _header_rows(cells)
    headers = sheet_headers(sheet, header_rows)
    body = cells.iloc[max(header_rows) + 1 :]
    context = _context_text(sheet, header_rows, path)
    if _POSITIONS_RE.search(f"{sheet.name} {context}") and not _POSITIONS_RE.search(path.stem):
        raise _NotATable("a table of positions (staff counts), not dollars")
    roles, amounts, _unused = detect.guess_roles(headers, body)
    if not amounts:
        if sheet.uncached_formulas:
            raise _NotATable(f"no column of amounts found: {_uncached_words(sheet)}")
        raise _NotATable("no column of amounts found")
    defaults: dict[str, object] = {}
    year = detect.parse_fiscal_year(context)
    phase = detect.parse_phase(context)
    direction = detect.direction_in_label(f"{sheet.name} {path.stem} {context}")
    if year is not None:
        defaults["fiscal_year"] = year
    if phase is not None:
        defaults["phase"] = phase.value
    if direction is not None:
        defaults["direction"] = direction
    return SheetMapping(
        sheet=sheet.name,
        header_rows=header_rows,
        columns=_columns_of(roles),
        amounts=amounts,
        unit_scale=detect.unit_scale(context + " " + " ".join(headers)),
        defaults=defaults,
    )


def _columns_of(roles: dict[str, int]) -> dict[int, str]:
    """role -> column, turned round; a column with two roles ("100 - General Fund" is the fund
    code and the fund name) gets both, joined by "+"."""
    columns: dict[int, str] = {}
    for role, j in roles.items():
        columns[j] = f"{columns[j]}+{role}" if j in columns else role
    return columns


def detect_mapping(sheets: list[RawSheet], path: str | Path) -> ColumnMapping:
    """Detection's proposal for the whole file, with its confidence and doubts."""
    path = Path(path)
    from budgetbench.io.export_xlsx import added_sheet_names

    proposals: list[SheetMapping] = []
    problems: list[str] = []
    added = added_sheet_names(sheets)  # an export's own sheets: notes, votes, charts
    for sheet in sheets:
        if sheet.hidden or sheet.name in added:
            continue
        try:
            proposals.append(detect_sheet(sheet, path))
        except _NotATable as exc:
            problems.append(f"{sheet.name or path.name}: {exc}")
    mapping = ColumnMapping(sheets=proposals)
    mapping.confidence, mapping.doubts = _confidence(proposals, sheets)
    if not proposals:
        mapping.confidence = 0.0
        mapping.doubts = problems or ["no sheet holds data"]
    return mapping


def _confidence(proposals: list[SheetMapping], sheets: list[RawSheet]) -> tuple[float, list[str]]:
    by_name = {s.name: s for s in sheets}
    score, doubts = 1.0, []
    for m in proposals:
        where = f"sheet '{m.sheet}'" if m.sheet else "the file"
        sheet = by_name.get(m.sheet)
        headers = sheet_headers(sheet, m.header_rows) if sheet is not None else []
        years = any(detect.parse_fiscal_year(a.label) for a in m.amounts)
        if (
            not years
            and "fiscal_year" not in m.columns.values()
            and "fiscal_year" not in m.defaults
        ):
            score -= 0.4
            doubts.append(f"{where}: no fiscal year in the headers, the rows or the title")
        roles = set(m.columns.values())
        if not roles & {
            "fund_name",
            "fund_code",
            "fund_code+fund_name",
            "department",
            "account_name",
            "category",
            "division",
        }:
            score -= 0.3
            doubts.append(f"{where}: no column was recognised as a fund, department or account")
        if len(m.amounts) > 1 and all(a.label.startswith("Column ") for a in m.amounts):
            score -= 0.2
            doubts.append(f"{where}: the amount columns have no headers")
        if headers and sum(h.startswith("Column ") for h in headers) > len(headers) / 2:
            score -= 0.1
            doubts.append(f"{where}: most columns have no header")
    return max(0.0, score), doubts


# ---- applying a mapping ----------------------------------------------------------------------
def _resolve_roles(m: SheetMapping) -> dict[str, int]:
    roles: dict[str, int] = {}
    for j, role in m.columns.items():
        for r in role.split("+"):
            roles[r] = j
    return roles


def apply_sheet(sheet: RawSheet, m: SheetMapping, path: str | Path) -> SheetTable:
    """Read one sheet's lines the way ``m`` says."""
    path = Path(path)
    cells = sheet.cells
    hdr_end = max(m.header_rows)
    headers = sheet_headers(sheet, m.header_rows)
    body = cells.iloc[hdr_end + 1 :].reset_index(drop=True)
    n = len(body)
    roles = _resolve_roles(m)
    amount_idx = [a.index for a in m.amounts if a.index < cells.shape[1]]
    if not amount_idx:
        raise BudgetError(f"sheet '{sheet.name}': no column of amounts", path=str(path))
    label_cols = [j for j in range(cells.shape[1]) if j not in amount_idx]
    table = SheetTable(sheet=sheet, mapping=m, lines=pd.DataFrame(), rows_read=n)

    text = body.astype("string").apply(lambda c: c.str.replace("\u00a0", " ").str.strip())
    empty = text.isna() | (text == "")
    blank = empty.all(axis=1).to_numpy()
    labels = text[label_cols]
    label_filled = (~empty[label_cols]).sum(axis=1).to_numpy()

    # Rows that repeat the header (a report pasted page by page).
    header_again = np.zeros(n, dtype=bool)
    for r in m.header_rows:
        want = {
            j: str(cells.iat[r, j]).strip().lower()
            for j in range(cells.shape[1])
            if _is_text(cells.iat[r, j])
        }
        if len(want) < 2:
            continue
        hits = sum(
            (text[j].str.lower() == v).to_numpy(dtype=bool, na_value=False) for j, v in want.items()
        )
        header_again |= hits >= max(2, 0.6 * len(want))

    # Amounts, in the file's units and sign.
    raw = np.full((n, len(amount_idx)), np.nan)
    for k, j in enumerate(amount_idx):
        values, bad = detect.parse_amounts(body[j])
        values = np.where(header_again, np.nan, values)
        bad &= ~header_again
        raw[:, k] = values
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            table.warnings.append(
                f"{int(bad.sum())} cell(s) in column '{headers[j]}' are not numbers (first at "
                f"{_cell_ref(sheet, hdr_end + 1 + i, j)}: {body.iat[i, j]!r}); read as empty"
            )
    has_amount = ~np.isnan(raw).all(axis=1)

    # Title lines above the header, repeated further down (each page of a printed report).
    titles = {
        " ".join(str(v).split()).lower()
        for v in cells.iloc[: min(m.header_rows)].to_numpy().ravel()
        if _is_text(v)
    }
    if titles:
        nonempty = ~empty
        in_titles = text.apply(
            lambda c: c.str.replace(r"\s+", " ", regex=True).str.lower().isin(titles)
        ).fillna(False)
        header_again |= ((in_titles | ~nonempty).all(axis=1) & nonempty.any(axis=1)).to_numpy()

    says_total = _any_cell(labels, _TOTAL_RE.search) & ~header_again
    letters = _any_cell(labels, re.compile(r"[A-Za-z]{3}").search)
    heading = ~has_amount & ~blank & ~says_total & ~header_again & (label_filled <= 2) & letters
    if has_amount.any():  # notes under the last line are not headings of anything
        heading[int(np.flatnonzero(has_amount)[-1]) + 1 :] = False
    typical = (
        np.median(label_filled[has_amount & ~says_total]) if (has_amount & ~says_total).any() else 0
    )
    candidates = says_total & has_amount

    is_total, recon = _find_totals(
        raw,
        has_amount,
        candidates,
        heading,
        label_filled,
        typical,
        labels,
        body,
        m,
        headers,
        amount_idx,
        sheet,
        hdr_end,
    )
    table.reconciliations = recon
    line = has_amount & ~is_total & ~header_again

    table.skipped = {
        "blank": int(blank.sum()),
        "total or subtotal": int(is_total.sum()),
        "repeated header": int((header_again & ~blank).sum()),
        "heading (its text is given to the lines under it)": int(heading.sum()),
        "no amount": int((~has_amount & ~blank & ~heading & ~header_again).sum()),
    }
    table.skipped = {k: v for k, v in table.skipped.items() if v}
    if not line.any():
        raise _NotATable(
            _uncached_words(sheet) if sheet.uncached_formulas else "no rows with amounts"
        )
    if sheet.uncached_formulas:
        table.warnings.append(
            f"{sheet.uncached_formulas:,} formula cell(s) have no calculated value saved in the "
            "file and read as empty (open the file in a spreadsheet program and save it again)"
        )

    # Label values per row: the column where there is one, else what the headings above say.
    values = pd.DataFrame(index=range(n))
    for role in _TEXT_ROLES:
        j = roles.get(role)
        col = text[j] if j is not None else pd.Series(pd.NA, index=range(n), dtype="string")
        values[role] = col.reset_index(drop=True)
    _split_code_name(values, roles, "fund_code", "fund_name")
    _split_code_name(values, roles, "account_code", "account_name")
    _fill_down(values, line, roles)
    heading_texts = _apply_headings(values, heading, labels, line)
    _funds_from_totals(values, is_total, labels, raw, line)
    _fund_legend(values, sheet)
    for role in _TEXT_ROLES:
        values[role] = _clean(values[role])
        if role in _NOISY_ROLES:
            fixes = detect.canonical_variants(values[role][line], extra=heading_texts)
            if fixes:
                values[role] = values[role].replace(fixes)

    # Long form: one row per line x amount column.
    years = _row_values(text, roles.get("fiscal_year"), detect.parse_fiscal_year)
    phases = _row_values(
        text, roles.get("phase"), lambda v: p.value if (p := detect.parse_phase(v)) else None
    )
    dirs = _row_values(text, roles.get("direction"), detect.parse_direction)
    if dirs is None:
        dirs = np.full(n, None, dtype=object)
    row_dir = np.array([d[0] if isinstance(d, tuple) else None for d in dirs], dtype=object)
    row_tr = np.array([bool(d[1]) if isinstance(d, tuple) else False for d in dirs], dtype=bool)
    pieces = []
    rows_idx = np.flatnonzero(line)
    for k, a in enumerate([a for a in m.amounts if a.index in amount_idx]):
        amounts = raw[rows_idx, k]
        keep = ~np.isnan(amounts)
        if not keep.any():
            continue
        sel = rows_idx[keep]
        # The header in this file, not the label saved with a profile: next year's file says
        # FY2026-27 where last year's said FY2025-26.
        year, phase, direction = detect.amount_meaning(headers[a.index])
        piece = values.iloc[sel].copy()
        piece["amount"] = raw[sel, k] * m.unit_scale
        piece["src_row"] = sel + hdr_end + 2 + sheet.row_offset  # 1-based, as Excel shows
        piece["src_col"] = sheet.excel_col(a.index)
        piece["fiscal_year"] = a.fiscal_year or year or _or_none(years, sel)
        piece["phase"] = a.phase or (phase.value if phase else None) or _or_none(phases, sel)
        piece["direction"] = a.direction or direction or row_dir[sel]
        piece["is_transfer"] = row_tr[sel]
        if a.fund_code or a.fund_name:
            if a.fund_code:
                piece["fund_code"] = a.fund_code
            if a.fund_name:
                piece["fund_name"] = a.fund_name
        pieces.append(piece)
    lines = pd.concat(pieces, ignore_index=True)
    _fill_defaults(
        lines,
        m,
        table,
        roles,
        dir_text=text[roles["direction"]] if "direction" in roles else None,
        row_dir=row_dir,
    )
    lines["src_sheet"] = sheet.name
    table.lines = lines
    table.warnings.extend(_hidden_notes(sheet, m, headers, line, hdr_end))
    table.described = {headers[j]: role for j, role in m.columns.items()}
    for a in m.amounts:
        year, phase, direction = detect.amount_meaning(headers[a.index])
        bits = ["amount"]
        if a.fund_name or a.fund_code:
            bits.append(f"fund {a.fund_code or a.fund_name}")
        if a.fiscal_year or year:
            bits.append(f"FY{a.fiscal_year or year}")
        if a.phase or phase:
            bits.append(str(a.phase or phase.value))
        if a.direction or direction:
            bits.append(str(a.direction or direction))
        table.described[a.label] = " ".join(bits)
    return table


def _hidden_notes(
    sheet: RawSheet, m: SheetMapping, headers: list[str], line: np.ndarray, hdr_end: int
) -> list[str]:
    """Say which columns and line rows the workbook hides: a reader of the printed sheet
    never sees them, and they change the totals."""
    notes = []
    if sheet.hidden_cols:
        parts = []
        for j in sorted(sheet.hidden_cols):
            label = headers[j] if j < len(headers) else ""
            used = m.role_of(j)
            what = "not imported" if used == "ignore" else f"read as {used}"
            named = "" if label.startswith("Column ") else f" '{label}'"
            parts.append(f"{column_letter(sheet.excel_col(j))}{named} ({what})")
        notes.append("hidden columns in the workbook: " + ", ".join(parts))
    hidden_lines = [r - hdr_end - 1 for r in sheet.hidden_rows if r > hdr_end]
    hidden_lines = [i for i in hidden_lines if i < len(line) and line[i]]
    if hidden_lines:
        first = sheet.excel_row(hdr_end + 1 + min(hidden_lines))
        notes.append(
            f"{len(hidden_lines)} line(s) sit in rows the workbook hides (first: row {first}); "
            "they are included, as the spreadsheet's own totals include them"
        )
    return notes


def _or_none(values: np.ndarray | None, sel: np.ndarray):
    if values is None:
        return None
    return values[sel]


def _row_values(text: pd.DataFrame, j: int | None, fn) -> np.ndarray | None:
    """``fn`` of each row's cell in column ``j``, computed once per distinct value."""
    if j is None:
        return None
    col = text[j]
    lookup = {u: fn(u) for u in col.dropna().unique()}
    out = np.empty(len(col), dtype=object)  # filled one by one: values may be tuples
    for i, v in enumerate(col):
        out[i] = lookup.get(v) if isinstance(v, str) else None
    return out


def _fill_defaults(lines, m, table, roles, dir_text, row_dir) -> None:
    """What the rows did not say, from the sheet's context, said in a warning."""
    if lines["fiscal_year"].isna().any():
        year = m.defaults.get("fiscal_year")
        if year is None:
            raise _NotATable(
                "no fiscal year found: give the file a year column or years in its headers"
            )
        lines["fiscal_year"] = lines["fiscal_year"].fillna(year)
        table.warnings.append(f"fiscal year not stated on the rows; taken as {year} from the title")
    if lines["phase"].isna().any():
        phase = m.defaults.get("phase")
        lines["phase"] = lines["phase"].fillna(phase or schema.Phase.ADOPTED.value)
        if phase is None:
            table.warnings.append("budget phase not stated; taken as adopted")
    if lines["direction"].isna().any():
        missing = lines["direction"].isna()
        default = m.defaults.get("direction")
        if default is None and "direction" not in roles:
            inferred = _direction_from_accounts(lines, m)
            if inferred is not None:
                lines.loc[missing, "direction"] = inferred[missing]
                table.warnings.append(inferred.attrs["why"])
                missing = lines["direction"].isna()
        if missing.any():
            if "direction" in roles and dir_text is not None:
                bad = sorted(
                    {
                        v
                        for v, d in zip(dir_text, row_dir, strict=False)
                        if isinstance(v, str) and d is None
                    }
                )
                table.warnings.append(
                    f"{int(missing.sum())} rows have a type that is neither revenue nor expense "
                    f"({', '.join(map(repr, bad[:5]))}); taken as expense"
                )
            elif default is None:
                table.warnings.append("no revenue/expense column; every line taken as expense")
            lines.loc[missing, "direction"] = default or "expense"
    # Revenue signed negative in the file (reports that net to zero) -> positive.
    rev = (lines["direction"] == "revenue").to_numpy()
    flip = m.revenue_negative
    if flip is None and rev.any():
        amounts = lines.loc[rev, "amount"]
        amounts = amounts[amounts != 0]
        flip = bool(len(amounts) and amounts.sum() < 0 and (amounts < 0).mean() > 0.5)
    if flip and rev.any():
        lines.loc[rev, "amount"] = -lines.loc[rev, "amount"]
        table.revenue_flipped = True


def _direction_from_accounts(lines: pd.DataFrame, m: SheetMapping) -> pd.Series | None:
    """In a report that signs revenue negative and has no revenue/expense column, the account
    codes' leading digit tells the two apart: groups that sum negative are revenue."""
    codes = lines["account_code"].astype("string").str.strip().str[:1]
    if codes.isna().all() or (codes == "").all() or m.revenue_negative is False:
        return None
    net = lines["amount"].groupby(codes).sum()
    negative = sorted(d for d, v in net.items() if v < 0 and d)
    positive = sorted(d for d, v in net.items() if v > 0 and d)
    nonzero = lines["amount"][lines["amount"] != 0]
    if not negative or not positive or nonzero.empty or (nonzero < 0).mean() < 0.1:
        return None
    out = pd.Series(
        np.where(codes.isin(negative), "revenue", "expense"), index=lines.index, dtype=object
    )
    out.attrs["why"] = (
        "no revenue/expense column; amounts are signed (revenue negative): accounts starting "
        f"with {', '.join(negative)} sum negative and are read as revenue, accounts starting "
        f"with {', '.join(positive)} as expense"
    )
    return out


# ---- totals ----------------------------------------------------------------------------------
def _any_cell(frame: pd.DataFrame, test) -> np.ndarray:
    """Rows where ``test`` is true of some cell, testing each distinct value once."""
    out = np.zeros(len(frame), dtype=bool)
    for col in frame.columns:
        codes, uniques = pd.factorize(frame[col], use_na_sentinel=True)
        hits = np.array([bool(test(str(u))) for u in uniques] + [False], dtype=bool)
        out |= hits[codes]
    return out


def _name_of_total(labels_row: pd.Series) -> str:
    text = " ".join(v for v in labels_row.dropna() if v)
    name = _TOTAL_WORDS_RE.sub(" ", text)
    return " ".join(name.split()).strip(" .*").lower()


def _find_totals(
    raw,
    has_amount,
    candidates,
    heading,
    label_filled,
    typical,
    labels,
    body,
    m,
    headers,
    amount_idx,
    sheet,
    hdr_end,
):
    """Decide which total-looking rows are totals, and reconcile each with the lines above.

    A row that says "total" is a total when it is sparser than a line (label cells left
    empty), or when it equals the sum of a block of lines above it (exactly; or within $1 or
    0.1% if its name is the name of that block). Blocks start after a previous total or a
    heading, or at the top.
    """
    n = len(raw)
    filled = np.nan_to_num(raw)
    is_total = np.zeros(n, dtype=bool)
    line_now = has_amount & ~candidates
    cum = np.vstack([np.zeros(raw.shape[1]), np.cumsum(filled * line_now[:, None], axis=0)])
    extra_lines: list[int] = []  # total-looking rows that turned out to be lines
    boundaries = [-1] + [int(i) for i in np.flatnonzero(heading)]
    recon: list[Reconciliation] = []
    for r in np.flatnonzero(candidates):
        target = filled[r]
        name = _name_of_total(labels.iloc[r])
        best = None  # (exact, maxdiff, start)
        for b in sorted((b for b in boundaries if b < r), reverse=True):
            block = cum[r] - cum[b + 1]
            for c in extra_lines:
                if b < c < r:
                    block = block + filled[c]
            count = int(line_now[b + 1 : r].sum()) + sum(1 for c in extra_lines if b < c < r)
            if count == 0:
                if np.any(target != 0):
                    continue
                block = np.zeros_like(target)  # a zero total over rows with no amounts
            diff = np.abs(block - target)
            worst = float(diff.max())
            exact = worst <= 0.005 + 1e-9 * float(np.abs(target).max())
            if best is None or (exact and not best[0]) or (exact == best[0] and worst < best[1]):
                best = (exact, worst, b, block)
            if exact:
                break
        sparse = label_filled[r] < typical
        close = best is not None and best[1] <= max(1.0, 0.001 * float(np.abs(target).max()))
        names_block = bool(name) and best is not None and _names_block(name, labels, best[2], r)
        if sparse or (best is not None and best[0]) or (close and (names_block or not name)):
            is_total[r] = True
            boundaries.append(int(r))
            if best is not None:
                label = _total_label(labels.iloc[r])
                for k, j in enumerate(amount_idx):
                    recon.append(
                        Reconciliation(
                            label=f"{label} — {headers[j]} "
                            f"({_cell_ref(sheet, hdr_end + 1 + r, j)})",
                            file_total=float(target[k]) * m.unit_scale,
                            computed_total=float(best[3][k]) * m.unit_scale,
                            tolerance=0.5 * m.unit_scale if m.unit_scale > 1 else 0.5,
                        )
                    )
        else:
            extra_lines.append(int(r))
    return is_total, recon


def _total_label(row: pd.Series) -> str:
    """How a total row names itself: the cell that says "total", with the name beside it
    when that cell says nothing else ("TOTAL" | "General Fund")."""
    cells = [" ".join(v.split()) for v in row.dropna() if re.search("[A-Za-z]", v)]
    said = [v for v in cells if _TOTAL_RE.search(v)]
    if said and any(_name_of_total(pd.Series([v])) for v in said):
        return said[0]
    return " ".join(cells) or "total"


def _names_block(name: str, labels: pd.DataFrame, start: int, end: int) -> bool:
    """True when a label in rows (start, end] or the heading at ``start`` begins with ``name``."""
    lo = max(start, 0)
    block = labels.iloc[lo:end]
    for col in block.columns:
        for v in block[col].dropna().unique():
            v = str(v).lower()
            if v.startswith(name[:22]) or (len(v) >= 4 and name.startswith(v)):
                return True
    return False


# ---- labels ----------------------------------------------------------------------------------
def _apply_headings(
    values: pd.DataFrame, heading: np.ndarray, labels: pd.DataFrame, line: np.ndarray
) -> list[str]:
    """Headings name the department, division or object group of the lines under them.
    Returns the headings' texts."""
    rows = np.flatnonzero(heading)
    if len(rows) == 0:
        return []
    texts = {}
    for r in rows:
        cells = [v for v in labels.iloc[r].dropna() if re.search(r"[A-Za-z]{3}", v)]
        texts[r] = detect.heading_case(max(cells, key=len)) if cells else ""
    group = {r for r, t in texts.items() if detect.is_object_group(t)}
    org = [r for r in rows if r not in group and texts[r]]
    # Consecutive org headings nest: in a run of k, the last is the deepest.
    runs, current = [], []
    for r in org:
        if current and not _only_gaps(current[-1], r, heading, line):
            runs.append(current)
            current = []
        current.append(r)
    if current:
        runs.append(current)
    depth = max((len(run) for run in runs), default=0)
    role_for_level = ["department", "division", "program"][: max(depth, 1)]
    level_of = {}
    for run in runs:
        for i, r in enumerate(run):
            level_of[r] = min(depth - len(run) + i, len(role_for_level) - 1)
    for level, role in enumerate(role_for_level):
        col = pd.Series(pd.NA, index=values.index, dtype="string")
        for r in org:
            if level_of[r] == level:
                col.iat[r] = texts[r]
            elif level_of[r] < level:
                col.iat[r] = ""  # a shallower heading ends the deeper one
        col = col.ffill()
        have = values[role].fillna("") != ""
        values[role] = values[role].where(have, col)
    if group:
        col = pd.Series(pd.NA, index=values.index, dtype="string")
        for r in rows:
            col.iat[r] = (
                texts[r] if r in group else ("" if r in level_of and level_of[r] == 0 else pd.NA)
            )
        col = col.ffill()
        have = values["category"].fillna("") != ""
        values["category"] = values["category"].where(have, col)
    return [t for t in texts.values() if t]


def _only_gaps(a: int, b: int, heading: np.ndarray, line: np.ndarray) -> bool:
    """True when rows between headings ``a`` and ``b`` hold no line (blank or notes only)."""
    return not line[a + 1 : b].any()


def _fill_down(values: pd.DataFrame, line: np.ndarray, roles: dict[str, int]) -> None:
    """Hierarchy cells left blank where they repeat the line above (merged or grouped cells)."""
    for role in _HIERARCHY:
        if role not in roles:
            continue
        col = values[role].where(line)  # only lines pass their labels down
        blank = col.isna() | (col == "")
        if not (blank & line).any() or blank[line].all():
            continue
        filled = col.mask(col == "").ffill()
        values[role] = values[role].where(~(blank & line), filled)


def _funds_from_totals(values, is_total, labels, raw, line) -> None:
    """Reports that name a fund only in its closing total ("TOTAL,Water Services Fund")."""
    if (values["fund_name"].fillna("") != "").any() or (values["fund_code"].fillna("") != "").any():
        return
    start = 0
    for r in np.flatnonzero(is_total):
        name = detect.clean_label(
            " ".join(v for v in labels.iloc[r].dropna() if re.search("[A-Za-z]", v))
        )
        name = re.sub(r"^\s*(grand\s+)?totals?\b[\s,:-]*", "", name, flags=re.I).strip()
        if re.search(r"\bfun(d)?s?$", name, re.IGNORECASE):
            if not name.lower().endswith(("fund", "funds")):
                name = re.sub(r"\bfun$", "Fund", name, flags=re.I)
            block = np.zeros(len(values), dtype=bool)
            block[start:r] = True
            values.loc[block & line, "fund_name"] = name
            start = r + 1


def _fund_legend(values: pd.DataFrame, sheet: RawSheet) -> None:
    """A note such as "Fund codes: 010 General Fund; 021 Gas Tax Fund" names coded funds."""
    codes = values["fund_code"].fillna("")
    if (codes == "").all():
        return
    legend: dict[str, str] = {}
    for v in sheet.cells.to_numpy().ravel():
        if not _is_text(v):
            continue
        m = _FUND_LEGEND_RE.search(v)
        if not m:
            continue
        for item in re.split(r"[;|]", m.group(1)):
            im = _LEGEND_ITEM_RE.search(item.strip())
            if im:
                legend[im.group(1)] = detect.clean_label(im.group(2)).rstrip(" .")
    if not legend:
        return
    names = values["fund_name"].fillna("")
    fill = (names == "") & codes.isin(list(legend))
    values.loc[fill, "fund_name"] = codes[fill].map(legend)


def _clean(col: pd.Series) -> pd.Series:
    """:func:`detect.clean_label` on every value, computed once per distinct value."""
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    cleaned = np.array([detect.clean_label(u) for u in uniques] + [""], dtype=object)
    return pd.Series(cleaned[codes], index=col.index, dtype="string")


def _split_code_name(values: pd.DataFrame, roles: dict[str, int], code: str, name: str) -> None:
    """``1010 - General Fund`` in one column -> code ``1010`` and name ``General Fund``."""
    source = name if name in roles else code
    if source not in roles:
        return
    # Once per distinct label: a 200,000-line table repeats a few hundred fund names.
    codes, uniques = pd.factorize(values[source], use_na_sentinel=True)
    found = pd.Series(uniques, dtype="string").str.extract(_CODE_NAME_RE)
    pick = np.where(codes >= 0, codes, len(uniques))
    first = np.append(found[0].to_numpy(dtype=object, na_value=None), None)[pick]
    second = np.append(found[1].to_numpy(dtype=object, na_value=None), None)[pick]
    parts = pd.DataFrame({0: first, 1: second}, index=values.index)
    has = parts[0].notna()
    shared = roles.get(code) == roles.get(name)
    if has.any():
        if shared or code not in roles:
            values.loc[has, code] = parts.loc[has, 0]
        if shared or name not in roles or source == name:
            values.loc[has, name] = parts.loc[has, 1]
    if shared:
        bare = ~has & values[code].str.fullmatch(r"[A-Za-z]{0,3}\d[\w.]*").fillna(False)
        values.loc[bare, name] = ""


def _cell_ref(sheet: RawSheet, i: int, j: int) -> str:
    ref = f"{column_letter(sheet.excel_col(j))}{sheet.excel_row(i)}"
    return f"'{sheet.name}'!{ref}" if sheet.name else ref


# ---- the whole file --------------------------------------------------------------------------
def _fund_types(lines: pd.DataFrame) -> np.ndarray:
    """The stated fund type where there is one, else one recognised from the fund's name."""
    stated = lines["fund_type"].str.lower()
    out = np.full(len(lines), schema.FundType.UNKNOWN.value, dtype=object)
    names = lines["fund_name"].fillna("")
    lookup = {u: detect.fund_type_from_name(u) for u in names.unique()}
    from_name = names.map(lookup)
    out[from_name.notna().to_numpy()] = from_name[from_name.notna()].to_numpy()
    decided = np.zeros(len(lines), dtype=bool)
    for word, ftype in _FUND_TYPE_WORDS:  # first match wins: "special revenue" before "general"
        hit = stated.str.contains(rf"\b{word}", na=False).to_numpy() & ~decided
        out[hit] = ftype
        decided |= hit
    return out


def _restricted(lines: pd.DataFrame) -> np.ndarray:
    stated = lines["restricted"].str.lower().str.strip()
    out = np.full(len(lines), schema.Restricted.UNKNOWN.value, dtype=object)
    ftype = lines["fund_type"].astype(str)
    out[(ftype == "general").to_numpy()] = "unrestricted"
    out[ftype.isin(list(_RESTRICTED_TYPES)).to_numpy()] = "restricted"
    out[stated.str.startswith("restricted", na=False).to_numpy()] = "restricted"
    out[stated.str.match(r"(un|not|no\b)", na=False).to_numpy()] = "unrestricted"
    return out


def _recurring(values: pd.Series) -> np.ndarray:
    s = values.str.lower().str.replace(r"[\s_-]+", "", regex=True)
    out = np.full(len(values), schema.Recurring.UNKNOWN.value, dtype=object)
    out[s.str.startswith(("ongoing", "recurring"), na=False).to_numpy()] = "ongoing"
    out[s.str.startswith(("onetime", "nonrecurring"), na=False).to_numpy()] = "one_time"
    return out


_DERIVED_FROM = ["fund_name", "fund_type", "restricted", "recurring", "category", "account_name"]


def _finish(lines: pd.DataFrame) -> pd.DataFrame:
    # Fund type, restriction, recurrence and transfers follow from labels that repeat on
    # thousands of lines: work them out once per distinct combination of those labels.
    labels = lines[_DERIVED_FROM].astype("string").fillna("")
    group = labels.groupby(_DERIVED_FROM, sort=False, observed=True).ngroup().to_numpy()
    distinct = labels.drop_duplicates().reset_index(drop=True)
    distinct["fund_type"] = _fund_types(distinct)
    distinct["restricted"] = _restricted(distinct)
    distinct["recurring"] = _recurring(distinct["recurring"])
    names = distinct["category"] + " " + distinct["account_name"]
    transfer = names.str.contains(_TRANSFER_RE, na=False).to_numpy(dtype=bool)
    for col in ("fund_type", "restricted", "recurring"):
        lines[col] = np.asarray(distinct[col], dtype=object)[group]
    lines["is_transfer"] = lines["is_transfer"].astype(bool).to_numpy() | transfer[group]
    out = schema.coerce(lines)
    keys = schema.line_keys(out)
    # The same labels twice in one year and phase are two lines: number the repeats.
    ordinal = (
        out.assign(line_key=keys)
        .groupby(["fiscal_year", "phase", "line_key"], observed=True, sort=False)
        .cumcount()
    )
    repeat = ordinal.to_numpy() > 0
    if repeat.any():
        keys = keys.copy()
        keys[repeat] = keys[repeat] + "-" + (ordinal[repeat] + 1).astype(str)
    out["line_key"] = keys.astype("string")
    return out


def apply_mapping(
    sheets: list[RawSheet], mapping: ColumnMapping, path: str | Path, report: ImportReport
) -> pd.DataFrame:
    """Read the sheets ``mapping`` names, the way it says; fill in ``report``."""
    path = Path(path)
    by_name = {s.name: s for s in sheets}
    tables = []
    for sm in mapping.sheets:
        sheet = by_name.get(sm.sheet)
        if sheet is None:
            raise BudgetError(f"the file has no sheet '{sm.sheet}'", path=str(path))
        try:
            tables.append(apply_sheet(sheet, sm, path))
        except _NotATable as exc:
            raise BudgetError(f"sheet '{sm.sheet or path.name}': {exc}", path=str(path)) from exc
    return _combine(tables, report, path)


def _combine(tables: list[SheetTable], report: ImportReport, path: Path) -> pd.DataFrame:
    report.sheets = [t.sheet.name for t in tables if t.sheet.name]
    report.rows_read = sum(t.rows_read for t in tables)
    for t in tables:
        prefix = f"{t.sheet.name}: " if len(tables) > 1 else ""
        for k, v in t.described.items():
            report.mapping[f"{prefix}{k}"] = v
        for why, count in t.skipped.items():
            report.skip(why, count)
        report.warnings.extend(f"{prefix}{w}" for w in t.warnings)
        report.reconciliations.extend(t.reconciliations)
        report.unit_scale = max(report.unit_scale, t.mapping.unit_scale)
        report.revenue_sign_flipped |= t.revenue_flipped
    differing: dict[str, list] = {}
    for r in report.reconciliations:
        if not r.ok:
            differing.setdefault(r.label.split(" — ")[0], []).append(r)
    for label, recs in differing.items():
        diffs = sorted(abs(r.difference) for r in recs)
        size = (
            f"${diffs[0]:,.2f}"
            if diffs[0] == diffs[-1]
            else f"${diffs[0]:,.2f} to ${diffs[-1]:,.2f}"
        )
        report.warnings.append(
            f"the file's total '{label}' differs from the sum of its lines by {size} "
            f"({len(recs)} column{'s' if len(recs) > 1 else ''}); the lines are kept as they are"
        )
    lines = pd.concat([t.lines for t in tables], ignore_index=True)
    out = _finish(lines)
    report.lines = len(out)
    return out


def mapping_signature(sheets: list[RawSheet], mapping: ColumnMapping) -> str:
    """The header signature of ``sheets`` read the way ``mapping`` reads them (header rows)."""
    by_name = {s.name: s for s in sheets}
    headers = {
        sm.sheet: sheet_headers(by_name[sm.sheet], tuple(sm.header_rows))
        for sm in mapping.sheets
        if sm.sheet in by_name
    }
    return header_signature(headers)


def saved_profile(sheets: list[RawSheet], store: ProfileStore) -> ColumnMapping | None:
    """A saved mapping that fits this file: read its way, the file has the saved headers
    (years masked, so next year's file from the same city fits too)."""
    names = {s.name for s in sheets}
    for _name, signature, profile in store.profiles():
        fits = profile.sheets and all(s.sheet in names for s in profile.sheets)
        if fits and mapping_signature(sheets, profile) == signature:
            return profile
    return None


def normalize(
    sheets: list[RawSheet],
    path: str | Path,
    report: ImportReport,
    progress: ProgressFn = no_progress,
    mapping: ColumnMapping | None = None,
    profiles: ProfileStore | None = None,
) -> pd.DataFrame:
    """Turn the sheets of one file into a canonical table, filling in ``report``.

    With no ``mapping``, detection chooses; several sheets holding the same figures in other
    shapes (a workbook with an "All" sheet and per-year sheets) are imported once.
    """
    path = Path(path)
    if mapping is None:
        try:
            mapping = saved_profile(sheets, profiles or default_store())
        except OSError:
            mapping = None
        if mapping is not None:
            report.warnings.append(f"read with the saved column mapping '{mapping.name}'")
    if mapping is not None:
        progress(0.6, "Applying the column mapping")
        return apply_mapping(sheets, mapping, path, report)
    proposal = detect_mapping(sheets, path)
    report.confidence = proposal.confidence
    report.doubts = list(proposal.doubts)
    tables, problems = [], []
    by_name = {s.name: s for s in sheets}
    for k, sm in enumerate(proposal.sheets):
        progress(0.5 + 0.4 * k / max(1, len(proposal.sheets)), f"Reading {sm.sheet or path.name}")
        try:
            tables.append(apply_sheet(by_name[sm.sheet], sm, path))
        except _NotATable as exc:
            problems.append(f"{sm.sheet or path.name}: {exc}")
    if not tables:
        why = "; ".join(proposal.doubts + problems) or "no sheet holds data"
        raise BudgetError(f"no budget table found ({why})", path=str(path))
    chosen, left_out = _choose_sheets(tables)
    if left_out:
        report.warnings.append(
            "not imported, because they repeat figures already read from "
            + ", ".join(f"'{t.sheet.name}'" for t in chosen)
            + ": "
            + ", ".join(f"'{t.sheet.name}'" for t in left_out)
        )
    from budgetbench.io.export_xlsx import added_sheet_names

    added = added_sheet_names(sheets)  # an export's own sheets are not missing any lines
    skipped_sheets = [
        s.name
        for s in sheets
        if s.name and s.name not in {t.sheet.name for t in tables} and s.name not in added
    ]
    if skipped_sheets and len(sheets) > 1:
        report.warnings.append(
            "sheets without budget lines: " + ", ".join(f"'{n}'" for n in skipped_sheets)
        )
    return _combine(chosen, report, path)


def _choose_sheets(tables: list[SheetTable]) -> tuple[list[SheetTable], list[SheetTable]]:
    """The largest sheet, plus every other sheet that adds years, phases or directions it lacks."""
    if len(tables) == 1:
        return tables, []
    chosen, left_out, covered = [], [], set()
    for t in sorted(tables, key=lambda t: len(t.lines), reverse=True):
        distinct = t.lines[["fiscal_year", "phase", "direction"]].astype(str).drop_duplicates()
        keys = set(distinct.itertuples(index=False, name=None))
        if keys & covered:
            left_out.append(t)
            continue
        chosen.append(t)
        covered |= keys
    chosen.sort(key=lambda t: tables.index(t))
    return chosen, left_out


def with_sheet(mapping: ColumnMapping, sheet: SheetMapping) -> ColumnMapping:
    """A copy of ``mapping`` with ``sheet``'s entry replaced (the wizard edits one at a time)."""
    sheets = [sheet if s.sheet == sheet.sheet else s for s in mapping.sheets]
    return replace(mapping, sheets=sheets)
