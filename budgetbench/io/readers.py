"""File -> raw sheets: every cell as text, positioned as the spreadsheet shows it.

Nothing here interprets the budget; it only gets the cells out of the file faithfully
(codes keep their leading zeros) and says clearly when it cannot.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from budgetbench.core.progress import BudgetError, Cancelled, ProgressFn, no_progress
from budgetbench.io.formats import EXCEL_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES

#: Largest file opened (bytes). Budgets are far smaller; a bigger file is refused with a clear
#: message before it is read, rather than exhausting the laptop's memory.
MAX_FILE_BYTES = 300 * 1024 * 1024

#: Encodings tried in order for text files without a byte-order mark.
_ENCODINGS = ("utf-8", "cp1252", "latin-1")


@dataclass
class RawSheet:
    """The cells of one sheet as strings (missing cells are ``None``/NaN).

    ``cells.iloc[i, j]`` is the cell at spreadsheet row ``i + 1 + row_offset`` and column
    ``j + 1 + col_offset`` (1-based, as Excel shows them).
    """

    name: str
    cells: pd.DataFrame
    row_offset: int = 0
    col_offset: int = 0
    hidden: bool = False
    #: 0-based indices into ``cells`` of rows and columns the workbook hides
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()

    def excel_row(self, i: int) -> int:
        return i + 1 + self.row_offset

    def excel_col(self, j: int) -> int:
        return j + 1 + self.col_offset


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return suffix.lstrip(".")
    if suffix in TEXT_SUFFIXES:
        return "csv" if suffix != ".tsv" else "tsv"
    raise BudgetError(
        f"unsupported file type '{suffix or '(none)'}'; open a spreadsheet "
        f"({', '.join(sorted(SUPPORTED_SUFFIXES))})",
        path=str(path),
    )


def read_sheets(path: str | Path, progress: ProgressFn = no_progress) -> list[RawSheet]:
    """Read every sheet of ``path`` as text cells. Raises :class:`BudgetError` for bad files."""
    path = Path(path)
    if not path.exists():
        raise BudgetError("the file does not exist", path=str(path))
    if path.is_dir():
        raise BudgetError("this is a folder, not a budget file", path=str(path))
    fmt = file_format(path)
    size = path.stat().st_size
    if size == 0:
        raise BudgetError("the file is empty", path=str(path))
    if size > MAX_FILE_BYTES:
        raise BudgetError(
            f"the file is {size / 2**20:,.0f} MB; budgetbench opens files up to "
            f"{MAX_FILE_BYTES // 2**20:,} MB (save the budget's line items alone as a smaller "
            "file)",
            path=str(path),
        )
    progress(0.02, "Reading file")
    if fmt in ("csv", "tsv"):
        return [_read_text(path, progress)]
    return _read_excel(path, fmt, progress)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in _ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _sniff_delimiter(sample: str, default: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return default


def _read_text(path: Path, progress: ProgressFn) -> RawSheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BudgetError("this is not a text file (it holds binary data)", path=str(path))
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise BudgetError(
            "this is a web page saved with a spreadsheet name, not a CSV file", path=str(path)
        )
    text = _decode(data)
    # Classic Mac files end lines with CR only; make every line ending a newline.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    progress(0.1, "Parsing text")
    delimiter = _sniff_delimiter(text[:20000], "\t" if path.suffix.lower() == ".tsv" else ",")
    # Title lines above the table have fewer fields than the table: name enough columns for
    # the widest row, first guessed from the top of the file, then counted in full if needed.
    width = _widest(text[:200_000], delimiter)
    cells = None
    for attempt in range(2):
        try:
            cells = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                header=None,
                names=range(width),
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                engine="c",
            )
            break
        except (pd.errors.ParserError, ValueError) as exc:
            if attempt == 0 and "Expected" in str(exc):
                width = _widest(text, delimiter)
                continue
            raise BudgetError(f"cannot be read as a table: {_short(exc)}", path=str(path)) from exc
    assert cells is not None
    if cells.empty:
        raise BudgetError("the file has no rows", path=str(path))
    cells.columns = range(cells.shape[1])
    return RawSheet(name="", cells=cells)


def _widest(text: str, delimiter: str) -> int:
    """The largest number of fields on any row of ``text``."""
    return max((len(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)), default=1)


def _read_excel(path: Path, fmt: str, progress: ProgressFn) -> list[RawSheet]:
    import fastexcel

    if fmt in ("xlsx", "xlsm") and not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise BudgetError(
                "the workbook is password-protected (encrypted); save an unprotected copy",
                path=str(path),
            )
        raise BudgetError("the file is damaged or is not really an Excel workbook", path=str(path))
    if fmt in ("xlsx", "xlsm", "ods"):
        _check_zip(path)
    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except Exception as exc:  # fastexcel raises its own types for every format problem
        raise BudgetError(f"cannot open the workbook: {_short(exc)}", path=str(path)) from exc
    hidden_parts = _hidden_rows_and_cols(path) if fmt in ("xlsx", "xlsm") else {}
    sheets: list[RawSheet] = []
    for k, name in enumerate(names):
        progress(0.05 + 0.45 * k / max(1, len(names)), f"Reading sheet {name}")
        try:
            sheet = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0)
            cells = sheet.to_pandas()
            col_offset = min((c.absolute_index for c in sheet.selected_columns), default=0)
            hidden = sheet.visible != "visible"
        except Cancelled:
            raise
        except Exception as exc:
            raise BudgetError(f"cannot read sheet '{name}': {_short(exc)}", path=str(path)) from exc
        cells.columns = range(cells.shape[1])
        rows, cols = hidden_parts.get(name, (set(), set()))
        sheets.append(
            RawSheet(
                name=name,
                cells=cells,
                col_offset=col_offset,
                hidden=hidden,
                hidden_rows=frozenset(r - 1 for r in rows if 0 < r <= len(cells)),
                hidden_cols=frozenset(
                    c - 1 - col_offset for c in cols if 0 <= c - 1 - col_offset < cells.shape[1]
                ),
            )
        )
    return sheets


#: Largest total size a workbook's parts may inflate to; a small file that claims more is a
#: "zip bomb", refused before anything is unpacked.
MAX_INFLATED_BYTES = 2 * 1024**3
_ROW_SCAN_LIMIT = 20 * 2**20
_COL_RE = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ROW_RE = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_ATTR_RE = re.compile(rb'\b(min|max|r|hidden)="([^"]*)"')


def _check_zip(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    inflated = sum(i.file_size for i in infos)
    if len(infos) > 10_000 or inflated > MAX_INFLATED_BYTES:
        raise BudgetError(
            f"the workbook would unpack to {inflated / 2**30:,.1f} GB in {len(infos):,} parts; "
            "it is not a budget workbook (possibly a 'zip bomb'), so it was not opened",
            path=str(path),
        )


def _hidden_rows_and_cols(path: Path) -> dict[str, tuple[set[int], set[int]]]:
    """Rows and columns each sheet hides (1-based), read from the sheet XML without parsing it
    all: budgets hide helper columns and detail rows, and a learner should know."""
    from defusedxml import ElementTree

    out: dict[str, tuple[set[int], set[int]]] = {}
    try:
        with zipfile.ZipFile(path) as z:
            ns = {
                "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            }
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            for sheet in book.iterfind("m:sheets/m:sheet", ns):
                rid = sheet.get(f"{{{ns['r']}}}id")
                target = targets.get(rid, "").lstrip("/")
                part = target if target.startswith("xl/") else f"xl/{target}"
                if part not in z.namelist():
                    continue
                # Column widths and hidden columns come first in a sheet's XML; rows are read
                # for hidden ones only in sheets of printed-report size (a large export is a
                # plain table, and scanning it would slow every first open).
                size = z.getinfo(part).file_size
                with z.open(part) as fh:
                    xml = fh.read(size if size <= _ROW_SCAN_LIMIT else 256 * 1024)
                rows, cols = set(), set()
                for tag in _COL_RE.findall(xml):
                    a = dict(_ATTR_RE.findall(tag))
                    if a.get(b"hidden") in (b"1", b"true"):
                        cols.update(range(int(a.get(b"min", 0)), int(a.get(b"max", 0)) + 1))
                if size <= _ROW_SCAN_LIMIT and b'hidden="' in xml:
                    for tag in _ROW_RE.findall(xml):
                        a = dict(_ATTR_RE.findall(tag))
                        if a.get(b"hidden") in (b"1", b"true") and b"r" in a:
                            rows.add(int(a[b"r"]))
                out[sheet.get("name", "")] = (rows, cols)
    except (KeyError, ValueError, zipfile.BadZipFile, OSError):
        return {}  # hidden parts are a note, never a reason to refuse a file
    return out


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
