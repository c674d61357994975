"""File -> raw sheets: every cell as text, positioned as the spreadsheet shows it.

Nothing here interprets the budget; it only gets the cells out of the file faithfully
(codes keep their leading zeros) and says clearly when it cannot.

Files come from email attachments and USB sticks, so nothing in one is trusted: the file's
real kind is read from its first bytes (a CSV saved as ``.xls`` is read as text, a web page
is refused), and a workbook's zip package is checked before the spreadsheet library sees it
(see :func:`_check_package`): entry count, unpacked size (really unpacked, not as the zip
claims), XML entity declarations, and how many cells each sheet would span.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from budgetbench.core.progress import BudgetError, Cancelled, ProgressFn, no_progress
from budgetbench.io.formats import EXCEL_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES

#: Largest file opened (bytes). Budgets are far smaller; a bigger file is refused with a clear
#: message before it is read, rather than exhausting the laptop's memory.
MAX_FILE_BYTES = 300 * 1024 * 1024
#: Most columns one table may have: beyond it the file is not a budget table.
MAX_COLUMNS = 2_000
#: Most cells (rows x columns of its used range) a workbook sheet may span. The spreadsheet
#: library holds a sheet as one dense block, so two cells far apart (A1 and XFD1048576) would
#: ask for billions of cells; such a sheet is left out instead.
MAX_CELLS = 30_000_000
#: Most parts in a workbook's zip package.
MAX_ZIP_ENTRIES = 10_000
#: Largest total size a workbook's parts may unpack to; a small file that unpacks to more is a
#: "zip bomb", refused before the spreadsheet library unpacks anything.
MAX_INFLATED_BYTES = 2 * 1024**3

_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
    #: Why the sheet's cells were not read (too large to hold); "" when they were
    problem: str = ""
    #: Formula cells the file holds without a calculated value (they read as empty)
    uncached_formulas: int = 0

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
        if path.is_symlink():
            raise BudgetError("the file is a link to something that is not there", path=str(path))
        raise BudgetError("the file does not exist", path=str(path))
    if path.is_dir():
        raise BudgetError("this is a folder, not a budget file", path=str(path))
    if not path.is_file():
        raise BudgetError(
            "this is not a regular file (a device, pipe or socket); save the budget as a file",
            path=str(path),
        )
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
    kind = content_kind(path)
    if kind == "html":
        raise BudgetError(
            "cannot open it: this is a web page (HTML) saved with a spreadsheet name; open it "
            "in a spreadsheet program and save it as .xlsx or .csv",
            path=str(path),
        )
    if kind == "xml2003":
        raise BudgetError(
            "cannot open it: this is an 'XML Spreadsheet 2003' file; open it in a spreadsheet "
            "program and save it as .xlsx",
            path=str(path),
        )
    if kind == "pdf":
        raise BudgetError("this is a PDF document, not a spreadsheet", path=str(path))
    if kind in ("zip", "ole"):
        return _read_excel(path, fmt, kind, progress)
    if fmt in ("csv", "tsv") or (fmt == "xls" and kind == "text"):
        # A CSV or tab-separated export saved with an .xls name is common: read it as text.
        # (An .xlsx, .xlsb or .ods is always a zip package; text with such a name is damaged.)
        return [_read_text(path, progress)]
    if fmt in ("xlsx", "xlsm", "xlsb", "ods"):
        raise BudgetError("the file is damaged or is not really an Excel workbook", path=str(path))
    raise BudgetError(
        "the file is damaged or is not really a spreadsheet (it holds binary data)",
        path=str(path),
    )


def content_kind(path: Path) -> str:
    """What the file's first bytes say it is: ``zip``, ``ole`` (an OLE2 compound file: old
    ``.xls`` or an encrypted workbook), ``html``, ``xml2003``, ``pdf``, ``text`` or
    ``binary``."""
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    lead = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lead.startswith((b"<!doctype html", b"<html")) or (
        lead.startswith(b"<") and re.search(rb"<(html|table|body)\b", lead)
    ):
        return "html"
    if lead.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in lead:
        return "xml2003"
    if _utf16_without_bom(head) or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    return "binary" if _mostly_binary(head) else "text"


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (plain text saved as UTF-16)."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _mostly_binary(head: bytes) -> bool:
    """More than 1 % NUL bytes (and more than 8), or more than 5 % other control bytes: not
    a text file."""
    if not head:
        return False
    nul = head.count(0)
    control = len(head) - len(head.translate(None, _CONTROL)) - nul
    return nul > max(8, 0.01 * len(head)) or control > 0.05 * len(head)


# ---- text files ------------------------------------------------------------------------------
def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode-error handler: bytes that are not UTF-8 are read as Windows-1252 (Latin-1 for
    the five bytes it leaves undefined), so a file mixing the two reads right line by line."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad)
    return text, error.end


codecs.register_error("budgetbench-cp1252", _cp1252_bytes)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="budgetbench-cp1252")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace")
    return data.decode("utf-8", errors="budgetbench-cp1252")


def _sniff_delimiter(sample: str, default: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return default


#: Characters read of a text file to guess its width before reading it all.
_WIDTH_SAMPLE = 200_000


def _read_text(path: Path, progress: ProgressFn) -> RawSheet:
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data[:8192])
    if not utf16 and b"\x00" in data:
        if _mostly_binary(data[:65536]):
            raise BudgetError("this is not a text file (it holds binary data)", path=str(path))
        data = data.replace(b"\x00", b"")  # a few stray NUL bytes in a text export
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise BudgetError(
            "this is a web page saved with a spreadsheet name, not a CSV file", path=str(path)
        )
    text = _decode(data)
    del data
    # Classic Mac files end lines with CR only; make every line ending a newline.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BudgetError("the file holds no text (only blank lines)", path=str(path))
    progress(0.1, "Parsing text")
    delimiter = _sniff_delimiter(text[:20000], "\t" if path.suffix.lower() == ".tsv" else ",")
    # Title lines above the table have fewer fields than the table: name enough columns for
    # the widest row, first guessed from the top of the file, then counted in full if needed.
    width = _widest(text[:_WIDTH_SAMPLE], delimiter)
    _check_width(path, width, partial=len(text) > _WIDTH_SAMPLE)
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
                _check_width(path, width, partial=False)
                continue
            raise BudgetError(f"cannot be read as a table: {_short(exc)}", path=str(path)) from exc
    assert cells is not None
    if cells.empty:
        raise BudgetError("the file has no rows", path=str(path))
    cells.columns = range(cells.shape[1])
    return RawSheet(name="", cells=cells)


def _check_width(path: Path, width: int, *, partial: bool) -> None:
    if width > MAX_COLUMNS:
        more = " or more" if partial else ""
        raise BudgetError(
            f"a row of the file has {width:,} columns{more}; budgetbench reads tables of up to "
            f"{MAX_COLUMNS:,} columns",
            path=str(path),
        )


def _widest(text: str, delimiter: str) -> int:
    """The largest number of fields on any row of ``text``."""
    try:
        return max((len(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)), default=1)
    except csv.Error:  # a field longer than the csv module allows: count separators instead
        return max((line.count(delimiter) + 1 for line in text.split("\n")), default=1)


# ---- workbooks -------------------------------------------------------------------------------
def _read_excel(path: Path, fmt: str, kind: str, progress: ProgressFn) -> list[RawSheet]:
    import fastexcel

    actual = _ole_kind(path) if kind == "ole" else _zip_kind(path)
    family = {"xlsm": "xlsx"}.get(fmt, fmt)
    scans: dict[str, _SheetScan] = {}
    parts: dict[str, str] = {}
    if actual in ("xlsx", "ods", "xlsb"):
        scans = _check_package(path)
        if actual == "xlsx":
            parts = _sheet_parts(path)
    # The spreadsheet library picks its reader by the file's name; a workbook with another
    # kind's name (an .xlsx saved as .xls) is handed over as bytes, read by content.
    source: str | bytes = str(path) if actual == family else path.read_bytes()
    try:
        reader = fastexcel.read_excel(source)
        names = list(reader.sheet_names)
    except Exception as exc:  # fastexcel raises its own types for every format problem
        raise BudgetError(f"cannot open the workbook: {_explain(exc)}", path=str(path)) from exc
    if not names:
        raise BudgetError("the workbook has no sheets", path=str(path))
    sheets: list[RawSheet] = []
    for k, name in enumerate(names):
        progress(0.05 + 0.45 * k / max(1, len(names)), f"Reading sheet {name}")
        scan = scans.get(parts.get(name, ""), _SheetScan())
        if scan.problem:
            sheets.append(RawSheet(name=name, cells=pd.DataFrame(), problem=scan.problem))
            continue
        try:
            sheet = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0)
            batch, errors = sheet.to_arrow_with_errors()
            cells = batch.to_pandas()
            _show_cell_errors(cells, errors)
            col_offset = min((c.absolute_index for c in sheet.selected_columns), default=0)
            hidden = sheet.visible != "visible"
        except Cancelled:
            raise
        except Exception as exc:
            raise BudgetError(
                f"cannot read sheet '{name}': {_explain(exc)}", path=str(path)
            ) from exc
        cells.columns = range(cells.shape[1])
        sheets.append(
            RawSheet(
                name=name,
                cells=cells,
                col_offset=col_offset,
                hidden=hidden,
                hidden_rows=frozenset(r - 1 for r in scan.hidden_rows if 0 < r <= len(cells)),
                hidden_cols=frozenset(
                    c - 1 - col_offset
                    for c in scan.hidden_cols
                    if 0 <= c - 1 - col_offset < cells.shape[1]
                ),
                uncached_formulas=scan.uncached_formulas,
            )
        )
    if all(s.problem for s in sheets):
        first = sheets[0]
        raise BudgetError(f"sheet '{first.name}': {first.problem}", path=str(path))
    return sheets


_ERROR_TEXT = {
    "Div0": "#DIV/0!",
    "NA": "#N/A",
    "Name": "#NAME?",
    "Null": "#NULL!",
    "Num": "#NUM!",
    "Ref": "#REF!",
    "Value": "#VALUE!",
    "GettingData": "#GETTING_DATA",
}
_ERROR_KIND_RE = re.compile(r"Error\((\w+)\)")


def _show_cell_errors(cells: pd.DataFrame, errors) -> None:
    """Cells holding a spreadsheet error (``#REF!``) come back empty from the library; put the
    error's text in them, so a broken amount is reported rather than silently skipped."""
    for error in list(getattr(errors, "errors", []))[:100_000]:
        r, c = error.offset_position
        if 0 <= r < cells.shape[0] and 0 <= c < cells.shape[1] and pd.isna(cells.iat[r, c]):
            m = _ERROR_KIND_RE.search(str(error.detail))
            cells.iat[r, c] = _ERROR_TEXT.get(m.group(1), "#ERROR!") if m else "#ERROR!"


def _ole_kind(path: Path) -> str:
    """An OLE2 compound file: ``xls`` (Excel 97-2003), else a clear refusal."""
    data = path.read_bytes()

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        raise BudgetError(
            "the workbook is password-protected (encrypted); save an unprotected copy",
            path=str(path),
        )
    if has("Workbook") or has("Book"):
        return "xls"
    if has("WordDocument"):
        raise BudgetError("this is a Word document, not a spreadsheet", path=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise BudgetError(
            "the workbook is password-protected (encrypted); save an unprotected copy",
            path=str(path),
        )
    raise BudgetError("the file is damaged or is not really an Excel workbook", path=str(path))


def _zip_kind(path: Path) -> str:
    """A zip package: ``xlsx``, ``xlsb`` or ``ods``, else a clear refusal."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise BudgetError(
            "the file is damaged or is not really an Excel workbook (its zip package cannot be "
            "read)",
            path=str(path),
        ) from exc
    except NotImplementedError as exc:
        raise BudgetError(f"the workbook cannot be unpacked ({exc})", path=str(path)) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if b"opendocument.spreadsheet" in mimetype or "content.xml" in names:
        return "ods"
    if "word/document.xml" in names:
        raise BudgetError("this is a Word document, not a spreadsheet", path=str(path))
    if any(n.startswith("ppt/") for n in names):
        raise BudgetError("this is a PowerPoint presentation, not a spreadsheet", path=str(path))
    raise BudgetError(
        "this is a zip archive, not a workbook (it has no workbook inside)"
        if names
        else "the workbook is empty (a zip package with nothing in it)",
        path=str(path),
    )


_CALAMINE_CELL_LIMIT_RE = re.compile(r"Cell limit exceeded \((\d+) cells requested, max (\d+)\)")


def _explain(exc: Exception) -> str:
    """The spreadsheet library's error, in words a user can act on."""
    text = str(exc)
    m = _CALAMINE_CELL_LIMIT_RE.search(text)
    if m:
        return (
            f"a sheet claims {int(m.group(1)):,} cells, more than the {int(m.group(2)):,} "
            "budgetbench reads (a damaged or hostile file)"
        )
    low = text.lower()
    if "password" in low or "encrypt" in low:
        return "it is password-protected (encrypted); save an unprotected copy"
    if "invalid ole" in low or "cfb error" in low:
        return "the file is damaged or is not really an Excel workbook"
    if "xml error" in low:
        detail = text.split("Xml error:")[-1].strip().splitlines()[0][:120]
        return f"its XML is damaged ({detail})"
    return _short(exc)


# ---- the zip package -------------------------------------------------------------------------
@dataclass
class _SheetScan:
    """What one worksheet part's XML says, found by scanning it (not by parsing it)."""

    problem: str = ""
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    uncached_formulas: int = 0


class _LargerThanClaimed(Exception):
    pass


def _bomb(path: Path, detail: str) -> BudgetError:
    return BudgetError(
        f"{detail}; it is not a budget workbook (possibly a 'zip bomb'), so it was not opened",
        path=str(path),
    )


def _check_package(path: Path) -> dict[str, _SheetScan]:
    """Check a workbook's zip package before the spreadsheet library unpacks it.

    Refuses (:class:`BudgetError`) a package with more than :data:`MAX_ZIP_ENTRIES` parts,
    that claims to unpack to more than :data:`MAX_INFLATED_BYTES`, whose XML parts unpack to
    more than they claim (the library believes the data, not the claim), or that declares XML
    entities (``<!DOCTYPE``/``<!ENTITY``: spreadsheet programs never write them; they are how
    "billion laughs" and external-entity attacks work). Returns, per worksheet part, its
    hidden rows and columns, its formulas without values, and a ``problem`` when it would span
    more than :data:`MAX_CELLS` cells.
    """
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            claimed = sum(i.file_size for i in infos)
            if len(infos) > MAX_ZIP_ENTRIES or claimed > MAX_INFLATED_BYTES:
                raise _bomb(
                    path,
                    f"the workbook would unpack to {claimed / 2**30:,.1f} GB in "
                    f"{len(infos):,} parts",
                )
            out: dict[str, _SheetScan] = {}
            with path.open("rb") as fh:
                for info in infos:
                    if not info.filename.lower().endswith((".xml", ".rels")):
                        continue
                    scan = _scan_part(path, z, fh, info)
                    if scan is not None:
                        out[info.filename] = scan
            return out
    except _LargerThanClaimed as exc:
        raise _bomb(path, f"the workbook's part '{exc}' unpacks to more than it claims") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise BudgetError(
            f"the workbook is damaged (its zip package cannot be unpacked: {_short(exc)})",
            path=str(path),
        ) from exc


def _inflate(z: zipfile.ZipFile, fh, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The unpacked bytes of one part, in pieces, read from the raw data (so a part whose data
    unpacks to more than its header claims is caught, as :mod:`zipfile` would stop early)."""
    if info.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED) or info.flag_bits & 1:
        with z.open(info) as part:
            while block := part.read(_CHUNK):
                yield block
        return
    fh.seek(info.header_offset)
    head = fh.read(30)
    if len(head) < 30 or not head.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile(f"no local header for {info.filename}")
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    left, produced = info.compress_size, 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0:
        raw = fh.read(min(_CHUNK, left))
        if not raw:
            raise EOFError(f"{info.filename} is cut short")
        left -= len(raw)
        pending = raw
        while pending:
            if inflater is None:
                out, pending = pending, b""
            else:
                out = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise _LargerThanClaimed(info.filename)
            if out:
                yield out
            if inflater is not None and inflater.eof:
                return


_DOCTYPE_RE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_RE = re.compile(rb"<(\w+:)?(worksheet|sst)[\s>]")
#: The shared-string table's size, which the library allocates before reading a string
#: (``count`` is how often strings are used, and may well exceed the part's size).
_SST_COUNT_RE = re.compile(rb'\buniqueCount\s*=\s*["\'](\d+)')
_COL_RE = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ROW_RE = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_ATTR_RE = re.compile(rb'\b(min|max|r|hidden)="([^"]*)"')
_UNCACHED_RE = re.compile(rb"</f>\s*</c>")
_UNCACHED_SHORT_RE = re.compile(rb"<f\b[^>]*/>\s*</c>")
_HIDDEN_RE = re.compile(rb'hidden="')
#: Hidden rows and formulas without values are looked for in the first 20 MB of a sheet's XML
_NOTE_SCAN_LIMIT = 20 * 2**20


def _scan_part(path: Path, z, fh, info: zipfile.ZipInfo) -> _SheetScan | None:
    """Unpack one XML part (checking its size), refuse entity declarations, and scan a
    worksheet for its extent, hidden rows and columns and formulas without values."""
    pieces = _inflate(z, fh, info)
    first = next(pieces, b"")
    head = first[:65536]
    if _DOCTYPE_RE.search(head):
        raise BudgetError(
            f"the workbook's part '{info.filename}' declares XML entities (<!DOCTYPE>), which "
            "spreadsheet programs never write; it was not opened",
            path=str(path),
        )
    root = _ROOT_RE.search(head)
    if root is None or root.group(2) == b"sst":
        if root is not None:
            m = _SST_COUNT_RE.search(head[root.start() : root.start() + 400])
            claimed = int(m.group(1)) if m else 0
            if claimed > info.file_size // 5 + 1000:
                raise _bomb(
                    path,
                    f"the workbook's list of texts claims {claimed:,} different entries in "
                    f"{info.file_size:,} bytes",
                )
        for _ in pieces:  # unpacked to the end: its size is checked
            pass
        return None
    extent = _Extent(root.group(1) or b"")
    scan = _SheetScan()
    carry, seen = b"", 0
    for piece in _chain(first, pieces):
        buf = carry + piece
        cut = buf.rfind(b">") + 1
        segment, carry = buf[:cut], buf[cut:]
        extent.feed(segment)
        seen += len(segment)
        if seen <= _NOTE_SCAN_LIMIT:  # notes (hidden parts, formulas) from report-sized sheets
            if _HIDDEN_RE.search(segment):
                _hidden(segment, scan)
            scan.uncached_formulas += len(_UNCACHED_RE.findall(segment))
            scan.uncached_formulas += len(_UNCACHED_SHORT_RE.findall(segment))
    rows, cols = extent.bounds()
    if rows * cols > MAX_CELLS and extent.plain:
        # The fast search only bounds plain pieces; read every cell before refusing.
        extent = _Extent(extent.prefix, exact=True)
        carry = b""
        for piece in _inflate(z, fh, info):
            buf = carry + piece
            cut = buf.rfind(b">") + 1
            extent.feed(buf[:cut])
            carry = buf[cut:]
        rows, cols = extent.bounds()
    if rows * cols > MAX_CELLS:
        scan.problem = (
            f"the sheet's cells span {rows:,} rows x {cols:,} columns "
            f"({rows * cols:,} cells; budgetbench reads sheets of up to {MAX_CELLS:,}), so it "
            "was left out"
        )
    return scan


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _hidden(segment: bytes, scan: _SheetScan) -> None:
    for tag in _COL_RE.findall(segment):
        a = dict(_ATTR_RE.findall(tag))
        if a.get(b"hidden") in (b"1", b"true"):
            try:
                lo, hi = int(a.get(b"min", 0)), int(a.get(b"max", 0))
            except ValueError:
                continue
            scan.hidden_cols.update(range(lo, min(hi, lo + MAX_COLUMNS) + 1))
    for tag in _ROW_RE.findall(segment):
        a = dict(_ATTR_RE.findall(tag))
        if a.get(b"hidden") in (b"1", b"true") and a.get(b"r", b"").isdigit():
            scan.hidden_rows.add(int(a[b"r"]))


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


class _Extent:
    """The rows and columns a worksheet's cells span, found by scanning its XML.

    Every spreadsheet program writes a cell's place first: ``<c r="B12" ...>``. A piece of
    the XML whose cells all sit in columns A-Z and rows below 1,000,000 (a plain table) is
    passed by one fast search: such cells span at most 26 x 999,999 cells, within
    :data:`MAX_CELLS`. Any other piece (or every piece, when ``exact``) is read cell by
    cell. The library places a cell without ``r`` after the one before it (and a row without
    ``r`` after the row before), so each such cell may add a column, and each row a row.
    """

    def __init__(self, prefix: bytes, *, exact: bool = False) -> None:
        tag = re.escape(b"<" + prefix + b"c")
        self.prefix, self.exact = prefix, exact
        self._unusual = re.compile(tag + rb"(?=[\s/>])(?!\s+r=\"[A-Za-z]\d{1,6}\")")
        self._cell = re.compile(tag + rb"(?=[\s/>])")
        self._ref = re.compile(tag + rb"\s[^>]*?\br\s*=\s*[\"']([A-Za-z]+)(\d+)")
        row = re.escape(b"<" + prefix + b"row")
        self._row = re.compile(row + rb"(?=[\s/>])")
        self._row_ref = re.compile(row + rb"\s[^>]*?\br\s*=\s*[\"'](\d+)")
        self._row_tag = b"<" + prefix + b"row"
        self.plain = False
        self.max_row = self.max_col = self.refless = self.rows = 0
        self._open_row = 0  # the number of the last row opened in the pieces before

    def feed(self, segment: bytes) -> None:
        open_row = self._open_row
        last = segment.rfind(self._row_tag)
        if last >= 0:
            m = self._row_ref.match(segment, last)
            self._open_row = int(m.group(1)) if m else self._open_row + 1
        if not self.exact and not self._unusual.search(segment):
            self.plain = self.plain or bool(self._cell.search(segment))
            return
        refs = self._ref.findall(segment)
        if refs:
            self.max_row = max(self.max_row, max(int(d) for _, d in refs))
            self.max_col = max(self.max_col, max(_col_number(c) for c in {c for c, _ in refs}))
        refless = len(self._cell.findall(segment)) - len(refs)
        if refless > 0:
            # Placed by the library: in the row its row tag names (or the next one), one
            # column after another.
            numbers = [int(r) for r in self._row_ref.findall(segment)]
            self.max_row = max(self.max_row, open_row, *numbers)
            self.refless += refless
            self.rows += len(self._row.findall(segment))

    def bounds(self) -> tuple[int, int]:
        rows, cols = self.max_row, self.max_col
        if self.plain:
            rows, cols = max(rows, 999_999), max(cols, 26)
        if self.refless:
            rows, cols = rows + self.rows, cols + self.refless
        return rows, cols


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> its worksheet part in the package (``xl/worksheets/sheet1.xml``).

    Parsed with defusedxml (the package check has already refused entity declarations)."""
    from defusedxml import ElementTree

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    out: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as z:
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            for sheet in book.iterfind("m:sheets/m:sheet", ns):
                target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "").lstrip("/")
                out[sheet.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, OSError):
        return {}  # hidden parts are a note, never a reason to refuse a file
    return out


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
