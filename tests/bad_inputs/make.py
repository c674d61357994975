"""A corpus of malformed and hostile budget files, written into a folder on demand.

Budget files reach the app as email attachments and on USB sticks; each case here is one way
such a file can be broken or built to hurt the reader. :data:`CASES` lists them with what the
app must do: refuse with one clear line (``error``, a regular expression the message matches)
or import the file and get it right (``lines`` and ``total``). Everything is generated
(deterministic, in a few seconds; the largest files are 50 MB of text and a 9 MB zip bomb
that unpacks to 3 GB), never committed.

    python tests/bad_inputs/make.py OUTDIR      writes every file into OUTDIR
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# ---- a small valid budget, the base most cases break ------------------------------------------
HEADER = ["Department", "Fund", "Account", "FY2025 Adopted"]
ROWS = [
    ["Police", "General Fund", "Salaries", 1000],
    ["Police", "General Fund", "Overtime", 200],
    ["Fire", "General Fund", "Salaries", 900],
    ["Library", "Library Fund", "Books", 50],
    ["Parks", "General Fund", "Mowing", 75],
]
TOTAL = float(sum(r[3] for r in ROWS))


def csv_text(rows=None, sep: str = ",") -> str:
    rows = [HEADER, *ROWS] if rows is None else rows
    return "".join(sep.join(str(v) for v in r) + "\n" for r in rows)


# ---- xlsx written by hand, so any part can be broken ------------------------------------------
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def col_letter(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref: str, value, style: int | None = None) -> str:
    s = f' s="{style}"' if style is not None else ""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}"{s} t="inlineStr"><is><t>{text}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def labels(i: int, row) -> str:
    """The three label cells (department, fund, account) of a line in row ``i``."""
    return "".join(cell(f"{col_letter(j)}{i}", v) for j, v in enumerate(row[:3], 1))


def sheet_rows(rows, *, start: int = 1, hidden: set[int] = frozenset()) -> str:
    out = []
    for i, row in enumerate(rows, start):
        attr = ' hidden="1"' if i in hidden else ""
        cells = "".join(cell(f"{col_letter(j)}{i}", v) for j, v in enumerate(row, 1))
        out.append(f'<row r="{i}"{attr}>{cells}</row>')
    return "".join(out)


def worksheet(body: str, *, before: str = "", after: str = "", prolog: str = "") -> str:
    return (
        f'{_XML_DECL}{prolog}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">{before}'
        f"<sheetData>{body}</sheetData>{after}</worksheet>"
    )


def xlsx_parts(
    sheets: dict[str, str], *, shared: str | None = None, workbook_extra: str = ""
) -> dict[str, str | bytes]:
    """The parts of a workbook with ``sheets`` (name -> worksheet XML)."""
    overrides = [
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    ]
    rels, entries, parts = [], [], {}
    for k, (name, xml) in enumerate(sheets.items(), 1):
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>'
        )
        entries.append(f'<sheet name="{name}" sheetId="{k}" r:id="rId{k}"/>')
        parts[f"xl/worksheets/sheet{k}.xml"] = xml
    if shared is not None:
        rels.append(
            f'<Relationship Id="rIdS" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        parts["xl/sharedStrings.xml"] = shared
    return {
        "[Content_Types].xml": (
            f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{"".join(overrides)}</Types>'
        ),
        "_rels/.rels": (
            f'{_XML_DECL}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{_XML_DECL}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{"".join(entries)}'
            f"</sheets>{workbook_extra}</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML_DECL}<Relationships xmlns="{_PKG}">{"".join(rels)}</Relationships>'
        ),
        **parts,
    }


def write_zip(path: Path, parts: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_xlsx(path: Path, rows=None, **kwargs) -> None:
    rows = [HEADER, *ROWS] if rows is None else rows
    write_zip(path, xlsx_parts({"Budget": worksheet(sheet_rows(rows))}, **kwargs))


def valid_xlsx_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))}).items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


# ---- a zip entry whose data is a huge run of one chunk, made without inflating it --------------
def _gf2_times(matrix: list[int], vec: int) -> int:
    out, i = 0, 0
    while vec:
        if vec & 1:
            out ^= matrix[i]
        vec >>= 1
        i += 1
    return out


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, m) for m in matrix]


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from crc(A), crc(B) and len(B) (the GF(2) method, as in zlib)."""
    if len2 == 0:
        return crc1
    odd = [0xEDB88320] + [1 << i for i in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _crc_repeat(chunk: bytes, times: int) -> int:
    crc, block, n = 0, zlib.crc32(chunk), len(chunk)
    # Doubling: crc of chunk * 2^k, combined where ``times`` has a bit.
    while times:
        if times & 1:
            crc = crc32_combine(crc, block, n)
        block = crc32_combine(block, block, n)
        n *= 2
        times >>= 1
    return crc


def bomb_entry(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate data of ``head + chunk * times + tail``, its CRC-32 and size, made in
    milliseconds: after a full flush the deflater starts afresh, so the compressed chunk can be
    repeated as it is."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "deflate blocks differ; cannot repeat them"
    last = c.compress(tail) + c.flush()
    data = first + block * times + last
    crc = zlib.crc32(head)
    crc = crc32_combine(crc, _crc_repeat(chunk, times), len(chunk) * times)
    crc = crc32_combine(crc, zlib.crc32(tail), len(tail))
    return data, crc, len(head) + len(chunk) * times + len(tail)


def write_zip_raw(path: Path, entries: list[tuple[str, bytes, int, int]]) -> None:
    """A zip from already-deflated entries ``(name, deflated, crc, size)`` (ZIP64 sizes)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        nb = name.encode()
        big = size >= 0xFFFFFFFF or len(data) >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, size, len(data)) if big else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (len(data), size)
        offset = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 45, 0, 8, 0, 0x5A21, crc, *sizes, len(nb), len(extra)
        )
        out += nb + extra + data
        cextra = struct.pack("<HHQQQ", 1, 24, size, len(data), offset) if big else b""
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            45,
            45,
            0,
            8,
            0,
            0x5A21,
            crc,
            *sizes,
            len(nb),
            len(cextra),
            0,
            0,
            0,
            0,
            0xFFFFFFFF if big else offset,
        )
        central += nb + cextra
    start = len(out)
    out += central
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0
    )
    path.write_bytes(bytes(out))


def zip_entries(parts: dict[str, str | bytes]) -> list[tuple[str, bytes, int, int]]:
    out = []
    for name, data in parts.items():
        raw = data.encode() if isinstance(data, str) else data
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        out.append((name, c.compress(raw) + c.flush(), zlib.crc32(raw), len(raw)))
    return out


def patch_claimed_size(path: Path, name: str, claimed: int) -> None:
    """Make the zip's headers claim ``claimed`` unpacked bytes for entry ``name``."""
    data = bytearray(path.read_bytes())
    nb = name.encode()
    for sig, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack_from("<H", data, i + (26 if sig == b"PK\x03\x04" else 28))[0]
            if data[i + name_at : i + name_at + n] == nb:
                struct.pack_into("<I", data, i + size_at, claimed)
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))


# ---- an OLE2 compound file (what old .xls and encrypted workbooks are) ------------------------
def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal valid compound file (version 3, 512-byte sectors) holding ``streams``, each
    padded to 4,096 bytes so it lives in ordinary sectors."""
    sector = 512
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    fat = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for data in datas:
        count = len(data) // sector + (len(data) % sector > 0)
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [end]
    assert len(fat) <= sector // 4, "too many sectors for one FAT sector"
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, 1 if names else free, free, end, 0)
    for k, (name, data) in enumerate(zip(names, datas, strict=True)):
        right = k + 2 if k + 1 < len(names) else free
        directory += entry(name, 2, free, right, starts[k], len(data))
    directory = directory.ljust(sector, b"\0")
    assert len(directory) == sector, "too many streams for one directory sector"
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    assert len(header) == sector
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(datas)


# ---- ODS ---------------------------------------------------------------------------------------
_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_content(rows_xml: str) -> str:
    return (
        f'{_XML_DECL}<office:document-content {_ODS_NS} office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="Budget">{rows_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )


def ods_rows(rows) -> str:
    out = []
    for row in rows:
        cells = []
        for v in row:
            if isinstance(v, str):
                cells.append(
                    f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                    "</table:table-cell>"
                )
            else:
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>"
                )
        out.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return "".join(out)


def write_ods(path: Path, content: str) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            f'{_XML_DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
            'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            '"text/xml"/></manifest:manifest>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


# ---- the cases ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BadInput:
    """One file and what the app must do with it."""

    name: str  # the file's name (its suffix is what the app goes by)
    what: str  # what is wrong with it, in a few words
    build: Callable[[Path], None]  # writes the file (or link, folder, pipe) at the given path
    error: str | None = None  # a regex the one-line error matches; None: it imports
    lines: int | None = None  # line items it imports as
    total: float | None = None  # their sum
    seconds: float = 5.0  # the most it may take in the test (a 2-core CI machine)
    check: Callable | None = None  # more to assert of an import: check(budget)
    posix_only: bool = False  # a link, a pipe or a device: not on Windows


CASES: list[BadInput] = []


def case(name: str, what: str, **expect):
    def register(build: Callable[[Path], None]):
        CASES.append(BadInput(name, what, build, **expect))
        return build

    return register


def _text(data: str | bytes) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(data.encode() if isinstance(data, str) else data)

    return build


NO_TABLE = r"no budget table found"

# Text files --------------------------------------------------------------------------------------
case("empty.csv", "no bytes at all", error=r"the file is empty")(_text(b""))
case("blank_lines.csv", "only blank lines and spaces", error=r"no text|no rows|" + NO_TABLE)(
    _text("\n\n   \n\t\n")
)
case("only_header.csv", "a header and nothing under it", error=NO_TABLE)(
    _text(",".join(HEADER) + "\n")
)
case("binary_junk.csv", "random bytes named .csv", error=r"not a text file|binary")(
    _text(random.Random(1).randbytes(20_000))
)
case(
    "high_bytes.csv",
    "random bytes with no NUL or control bytes",
    error=NO_TABLE,
)(_text(bytes(random.Random(2).randrange(0xA0, 0x100) for _ in range(5_000))))
case("web_page.csv", "an HTML page named .csv", error=r"web page")(
    _text("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>")
)
case("page.html.xls", "an HTML table saved as .xls", error=r"web page")(
    _text(
        "<html><head><meta charset=utf-8></head><body><table><tr><td>Police</td><td>1000"
        "</td></tr></table></body></html>"
    )
)
case("excel2003.xls", "an 'XML Spreadsheet 2003' file named .xls", error=r"XML Spreadsheet 2003")(
    _text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "<Worksheet/></Workbook>"
    )
)
case("report.pdf.xlsx", "a PDF named .xlsx", error=r"PDF")(_text(b"%PDF-1.7\n" + b"\0" * 300))
case("notes.docx", "a file type the app does not read", error=r"unsupported file type")(
    _text(b"PK\x03\x04")
)
case(
    "utf16_bom.csv",
    "UTF-16 with a byte-order mark, tab separated (Excel's Unicode text)",
    lines=5,
    total=TOTAL,
)(_text(b"\xff\xfe" + csv_text(sep="\t").encode("utf-16-le")))
case("utf16_no_bom.csv", "UTF-16 without a byte-order mark", lines=5, total=TOTAL)(
    _text(csv_text().encode("utf-16-le"))
)


def _check_mixed(budget) -> None:
    assert set(budget.lines["department"]) == {"Café Services", "Señor Center"}


case(
    "mixed_encodings.csv",
    "UTF-8 lines and Windows-1252 lines in one file",
    lines=2,
    total=300.0,
    check=_check_mixed,
)(
    _text(
        b"Department,Fund,FY2025 Adopted\n"
        + "Café Services,General Fund,100\n".encode()
        + "Señor Center,General Fund,200\n".encode("cp1252")
    )
)
case("nul_bytes.csv", "stray NUL bytes inside an otherwise good CSV", lines=5, total=TOTAL)(
    _text(csv_text().replace("Police", "Pol\0ice").replace("Mowing", "Mow\0ing").encode())
)


def _check_separators(budget) -> None:
    assert sorted(budget.lines["amount"]) == [500.0, 1234.56, 1234.56, 2000.0]


case(
    "decimal_comma_and_point.csv",
    "1.234,56 and 1,234.56 in one column",
    lines=4,
    total=4969.12,
    check=_check_separators,
)(
    _text(
        'Department,Fund,FY2025 Adopted\nPolice,General Fund,"1.234,56"\n'
        'Fire,General Fund,"1,234.56"\nParks,General Fund,"2.000,00"\nLibrary,General Fund,500\n'
    )
)
case("european.csv", "semicolons and decimal commas throughout", lines=3, total=3734.56)(
    _text(
        "Department;Fund;FY2025 Adopted\nPolice;General Fund;1.234,56\n"
        "Fire;General Fund;2.000,00\nParks;General Fund;500\n"
    )
)
case("dates_as_amounts.csv", "dates where the amounts should be", error=NO_TABLE)(
    _text(
        "Department,Fund,FY2025 Adopted\n"
        + "".join(f"Dept {i},General Fund,2024-07-{i:02d}\n" for i in range(1, 9))
    )
)


def _check_finite(budget) -> None:
    import math

    assert all(math.isfinite(a) for a in budget.lines["amount"])
    assert any("not numbers" in w for w in budget.report.warnings)


case(
    "nan_inf_negative.csv",
    "NaN, inf, -inf, 1e309 and negatives among the amounts",
    lines=9,
    total=TOTAL - 250.0 + 75.0,
    check=_check_finite,
)(
    _text(
        csv_text()
        + "Courts,General Fund,Fees,-250\nJail,General Fund,Food,75\nRoads,General Fund,Paving,NaN"
        "\nPort,General Fund,Dredging,inf\nZoo,General Fund,Feed,-inf\nAirport,General Fund,"
        "Fuel,1e309\nDocks,General Fund,Rope,12\nPier,General Fund,Paint,-12\n"
    )
)
case("one_char_million_rows.csv", "1,000,000 rows of one character", error=NO_TABLE, seconds=15)(
    _text(b"x\n" * 1_000_000)
)
case("line_50mb_commas.csv", "one 50 MB line of commas", error=r"columns or more", seconds=10)(
    _text(b"1," * (25 * 2**20))
)
case("line_50mb_text.csv", "one 50 MB line with no separator", error=NO_TABLE, seconds=15)(
    _text(b"A" * (50 * 2**20) + b"\n")
)
case("ten_thousand_columns.csv", "10,000 columns", error=r"10,000 columns")(
    _text(
        ",".join(f"FY{2000 + i % 50} c{i}" for i in range(10_000))
        + "\n"
        + (",".join("1" for _ in range(10_000)) + "\n") * 3
    )
)
case("unclosed_quote.csv", "a quote that never closes", error=r"\S")(
    _text('Department,Fund,FY2025 Adopted\n"Police,General Fund,1000\nFire,General Fund,900\n')
)


def _check_formula_text(budget) -> None:
    assert '=HYPERLINK("http://example.invalid","x")' in set(budget.lines["account_name"])


case(
    "formula_text.csv",
    "a cell of text that looks like a formula",
    lines=2,
    total=1100.0,
    check=_check_formula_text,
)(
    _text(
        "Department,Fund,Account,FY2025 Adopted\n"
        'Police,General Fund,"=HYPERLINK(""http://example.invalid"",""x"")",1000\n'
        "Fire,General Fund,Salaries,100\n"
    )
)
case("deep_headers.csv", "ten title rows stacked over the header", lines=5, total=TOTAL)(
    _text("".join(f"City of Example budget book part {i}\n" for i in range(10)) + csv_text())
)
case("csv_named.xls", "a CSV export saved with an .xls name", lines=5, total=TOTAL)(
    _text(csv_text(sep="\t"))
)

# Paths -----------------------------------------------------------------------------------------
case("a_folder.csv", "a folder named like a budget", error=r"folder")(lambda p: p.mkdir())
case(
    "dangling_link.csv",
    "a link to a file that is gone",
    error=r"does not exist|not there",
    posix_only=True,
)(lambda p: os.symlink(p.with_name("gone.csv"), p))
case(
    "dev_zero.csv",
    "a link to /dev/zero (endless bytes)",
    error=r"not a regular file",
    posix_only=True,
)(lambda p: os.symlink("/dev/zero", p))
case(
    "named_pipe.csv",
    "a named pipe (reading it would wait forever)",
    error=r"not a regular file",
    posix_only=True,
)(lambda p: os.mkfifo(p))

# Workbooks -------------------------------------------------------------------------------------
case("truncated.xlsx", "the first half of a good workbook", error=r"damaged")(
    _text(valid_xlsx_bytes()[: len(valid_xlsx_bytes()) // 2])
)


def _corrupt(path: Path) -> None:
    data = bytearray(valid_xlsx_bytes())
    z = zipfile.ZipFile(__import__("io").BytesIO(bytes(data)))
    info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename)
    for k in range(start + 5, start + info.compress_size - 5, 7):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))


case("corrupt_zip.xlsx", "a workbook whose sheet data is scrambled", error=r"damaged")(_corrupt)
case(
    "malformed_xml.xlsx",
    "sheet XML with tags that do not close",
    error=r"XML is damaged|cannot (open|read)",
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {"Budget": worksheet('<row r="1"><c r="A1"><v>1</v></row><row r="2"><c r="A2"')}
        ),
    )
)
case("encrypted.xlsx", "a password-protected workbook (an OLE2 container)", error=r"password")(
    lambda p: p.write_bytes(
        ole_file(
            {
                "EncryptionInfo": b"\x04\x00\x04\x00" + b"\x40" * 100,
                "EncryptedPackage": random.Random(3).randbytes(3000),
            }
        )
    )
)
case("word_as_xls.xls", "a Word document (OLE2) named .xls", error=r"Word document")(
    lambda p: p.write_bytes(ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 100}))
)
case("docx_as.xlsx", "a Word .docx named .xlsx", error=r"Word document")(
    lambda p: write_zip(p, {"word/document.xml": "<w:document/>", "[Content_Types].xml": "<x/>"})
)
case("plain.zip.xlsx", "a zip archive of photos named .xlsx", error=r"zip archive")(
    lambda p: write_zip(p, {"photo1.jpg": b"\xff\xd8" + b"\0" * 100})
)
case("no_sheets.xlsx", "a workbook with no sheets", error=r"no sheets|" + NO_TABLE)(
    lambda p: write_zip(p, xlsx_parts({}))
)
case("xlsx_named.xls", "an .xlsx workbook saved with an .xls name", lines=5, total=TOTAL)(
    lambda p: p.write_bytes(valid_xlsx_bytes())
)


def _bomb(path: Path) -> None:
    # 3 GB of one cell repeated, in a few kilobytes (honest sizes in the headers).
    chunk = b'<c r="A2"><v>1</v></c>' * 4096
    data, crc, size = bomb_entry(
        worksheet("")[: -len("</sheetData></worksheet>")].encode() + b'<row r="2">',
        chunk,
        3 * 2**30 // len(chunk),
        b"</row></sheetData></worksheet>",
    )
    parts = zip_entries({k: v for k, v in xlsx_parts({"Budget": ""}).items() if "sheet1" not in k})
    write_zip_raw(path, [*parts, ("xl/worksheets/sheet1.xml", data, crc, size)])


case("zip_bomb.xlsx", "a few KB that unpack to 3 GB", error=r"zip bomb")(_bomb)


def _lying_bomb(path: Path) -> None:
    # 400 MB of cells whose header claims 2 KB: the spreadsheet library believes the data.
    chunk = b'<c r="A2"><v>1</v></c>' * 4096
    data, crc, _real_size = bomb_entry(
        worksheet("")[: -len("</sheetData></worksheet>")].encode() + b'<row r="2">',
        chunk,
        400 * 2**20 // len(chunk),
        b"</row></sheetData></worksheet>",
    )
    parts = zip_entries({k: v for k, v in xlsx_parts({"Budget": ""}).items() if "sheet1" not in k})
    write_zip_raw(path, [*parts, ("xl/worksheets/sheet1.xml", data, crc, 2048)])


case("zip_bomb_lying.xlsx", "a zip bomb whose headers claim a small size", error=r"zip bomb")(
    _lying_bomb
)
case("many_parts.xlsx", "20,000 parts in the zip", error=r"zip bomb")(
    lambda p: write_zip(
        p,
        {
            **xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))}),
            **{f"xl/media/x{i}.bin": b"" for i in range(20_000)},
        },
    )
)

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
_XXE = (
    '<!DOCTYPE x [<!ENTITY file SYSTEM "file:///etc/passwd">'
    '<!ENTITY net SYSTEM "http://198.51.100.7/budget.dtd">]>'
)
_SST_HEAD = f'<sst xmlns="{_MAIN}" count="1" uniqueCount="1">'


def _sst_case(prolog: str, text: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        rows = sheet_rows([HEADER, *ROWS]) + '<row r="9"><c r="A9" t="s"><v>0</v></c></row>'
        shared = f"{_XML_DECL}{prolog}{_SST_HEAD}<si><t>{text}</t></si></sst>"
        write_zip(path, xlsx_parts({"Budget": worksheet(rows)}, shared=shared))

    return build


def _sheet_case(prolog: str, text: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        rows = sheet_rows([HEADER, *ROWS]) + sheet_rows([[text]], start=9)
        write_zip(path, xlsx_parts({"Budget": worksheet(rows, prolog=prolog)}))

    return build


ENTITIES = r"declares XML entities"
case("laughs_in_sheet.xlsx", "'billion laughs' entity expansion in the sheet XML", error=ENTITIES)(
    _sheet_case(_LAUGHS, "&lol9;")
)
case("laughs_in_strings.xlsx", "'billion laughs' in the shared strings", error=ENTITIES)(
    _sst_case(_LAUGHS, "&lol9;")
)
case(
    "xxe_in_sheet.xlsx",
    "external entities (a local file, a web address) in the sheet",
    error=ENTITIES,
)(_sheet_case(_XXE, "&file;&net;"))
case("xxe_in_strings.xlsx", "external entities in the shared strings", error=ENTITIES)(
    _sst_case(_XXE, "&file;&net;")
)


def _laughs_in_workbook(path: Path) -> None:
    parts = xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))})
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(_XML_DECL, _XML_DECL + _LAUGHS)
    write_zip(path, parts)


case("laughs_in_workbook.xlsx", "'billion laughs' in workbook.xml", error=ENTITIES)(
    _laughs_in_workbook
)
case(
    "huge_string_count.xlsx",
    "shared strings that claim 4,294,967,295 entries",
    error=r"claims 4,294,967,295",
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {"Budget": worksheet(sheet_rows([HEADER, *ROWS]))},
            shared=f'{_XML_DECL}<sst xmlns="{_MAIN}" count="4294967295" uniqueCount="4294967295">'
            "<si><t>Police</t></si></sst>",
        ),
    )
)
case("far_corner.xlsx", "two cells, in A1 and XFD1048576", error=r"17,179,869,184 cells")(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER, *ROWS])
                    + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
                )
            }
        ),
    )
)
case(
    "far_corner_no_refs.xlsx",
    "cells without places, pushed 20,000 columns out",
    error=r"cells span",
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER, *ROWS])
                    + '<row r="1000000">'
                    + "<c><v>1</v></c>" * 20_000
                    + "</row>"
                )
            }
        ),
    )
)


def _check_last_row(budget) -> None:
    assert budget.report.rows_read >= 1_048_000


case(
    "last_row_used.xlsx",
    "a budget plus one note in row 1,048,576",
    lines=5,
    total=TOTAL,
    seconds=15,
    check=_check_last_row,
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER, *ROWS])
                    + '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>end</t></is></c></row>'
                )
            }
        ),
    )
)
case("ten_thousand_columns.xlsx", "a workbook sheet 10,000 columns wide", error=r"10,000 columns")(
    lambda p: write_xlsx(
        p, [[f"FY{2000 + i % 50} c{i}" for i in range(10_000)], [1] * 10_000, [2] * 10_000]
    )
)


def _check_uncached(budget) -> None:
    assert any("no calculated value" in w for w in budget.report.warnings)


case(
    "formulas_no_values.xlsx",
    "every amount a formula with no saved value",
    error=r"formula cell\(s\) have no calculated values",
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER])
                    + "".join(
                        f'<row r="{i}">{labels(i, r)}<c r="D{i}"><f>{r[3]}*1</f></c></row>'
                        for i, r in enumerate(ROWS, 2)
                    )
                )
            }
        ),
    )
)
case(
    "total_formula_no_value.xlsx",
    "lines with values, a total formula without one",
    lines=5,
    total=TOTAL,
    check=_check_uncached,
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER, *ROWS])
                    + f'<row r="7">{cell("A7", "Total")}<c r="D7"><f>SUM(D2:D6)</f></c></row>'
                )
            }
        ),
    )
)


def _external_link(path: Path) -> None:
    body = sheet_rows([HEADER]) + "".join(
        f'<row r="{i}">{labels(i, r)}<c r="D{i}"><f>[1]Sheet1!D{i}</f><v>{r[3]}</v></c></row>'
        for i, r in enumerate(ROWS, 2)
    )
    parts = xlsx_parts(
        {"Budget": worksheet(body)},
        workbook_extra='<externalReferences><externalReference r:id="rIdX"/></externalReferences>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Id="rIdX" Type="{_REL}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    parts["xl/externalLinks/externalLink1.xml"] = (
        f'{_XML_DECL}<externalLink xmlns="{_MAIN}" xmlns:r="{_REL}"><externalBook r:id="rId1">'
        '<sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>'
    )
    parts["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        f'{_XML_DECL}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/externalLinkPath" Target="http://198.51.100.7/share/other.xlsx" '
        'TargetMode="External"/></Relationships>'
    )
    write_zip(path, parts)


case(
    "external_link.xlsx",
    "amounts linked from another workbook on a server (cached values)",
    lines=5,
    total=TOTAL,
)(_external_link)


def _check_hidden(budget) -> None:
    assert any("rows the workbook hides" in w for w in budget.report.warnings)


case(
    "hidden_rows_only.xlsx", "every line in a hidden row", lines=5, total=TOTAL, check=_check_hidden
)(
    lambda p: write_zip(
        p, xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS], hidden=set(range(2, 7))))})
    )
)
case("all_merged.xlsx", "the whole sheet one merged cell", error=NO_TABLE)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([["City budget"]]),
                    after='<mergeCells count="1"><mergeCell ref="A1:F40"/></mergeCells>',
                )
            }
        ),
    )
)


def _check_merged(budget) -> None:
    assert list(budget.lines["department"]) == ["Police", "Police", "Fire", "Library", "Parks"]


def _merged_departments(path: Path) -> None:
    rows = [list(r) for r in [HEADER, *ROWS]]
    rows[2][0] = None  # Police's second line: its department cell is merged with the one above
    write_zip(
        path,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows(rows),
                    after='<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
                )
            }
        ),
    )


case(
    "merged_departments.xlsx",
    "department cells merged down over their lines",
    lines=5,
    total=TOTAL,
    check=_check_merged,
)(_merged_departments)


def _check_errors(budget) -> None:
    assert any("not numbers" in w for w in budget.report.warnings)


case(
    "error_cells.xlsx",
    "#REF! and #DIV/0! among the amounts",
    lines=3,
    total=1975.0,
    check=_check_errors,
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": worksheet(
                    sheet_rows([HEADER, *ROWS[:1], ROWS[2], ROWS[4]])
                    + f'<row r="5">{cell("A5", "Courts")}{cell("B5", "General Fund")}'
                    '<c r="D5" t="e"><v>#REF!</v></c></row>'
                    f'<row r="6">{cell("A6", "Jail")}{cell("B6", "General Fund")}'
                    '<c r="D6" t="e"><v>#DIV/0!</v></c></row>'
                )
            }
        ),
    )
)
case(
    "prefixed_xml.xlsx",
    "sheet XML written with a namespace prefix (x:c, x:row)",
    lines=5,
    total=TOTAL,
)(
    lambda p: write_zip(
        p,
        xlsx_parts(
            {
                "Budget": (
                    f'{_XML_DECL}<x:worksheet xmlns:x="{_MAIN}"><x:sheetData>'
                    + sheet_rows([HEADER, *ROWS]).replace("<", "<x:").replace("<x:/", "</x:")
                    + "</x:sheetData></x:worksheet>"
                )
            }
        ),
    )
)
case("ods_broken.ods", "an ODS whose content.xml is cut off", error=r"cannot (open|read)")(
    lambda p: write_ods(p, ods_content(ods_rows([HEADER, *ROWS]))[:-300])
)
case(
    "ods_cell_bomb.ods",
    "an ODS row repeated a million times, 16,000 cells wide",
    error=r"claims 16,000,\d{3},000 cells",
)(
    lambda p: write_ods(
        p,
        ods_content(
            ods_rows([HEADER, *ROWS])
            + '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
            'table:number-columns-repeated="16000" office:value-type="float" office:value="1">'
            "<text:p>1</text:p></table:table-cell></table:table-row>"
        ),
    )
)
case("ods_named.xlsx", "an ODS spreadsheet with an .xlsx name", lines=5, total=TOTAL)(
    lambda p: write_ods(p, ods_content(ods_rows([HEADER, *ROWS])))
)


def make_all(folder: str | Path) -> dict[str, Path]:
    """Write every case that this system can make into ``folder``; name -> path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for c in CASES:
        if c.posix_only and os.name != "posix":
            continue
        path = folder / c.name
        c.build(path)
        out[c.name] = path
    return out


if __name__ == "__main__":
    made = make_all(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs_out")
    print(f"{len(made)} files written")
