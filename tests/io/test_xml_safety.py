"""XML from workbooks is never parsed unsafely, and hostile packages are refused quickly.

openpyxl (used to write exports) parses XML through defusedxml when it is installed;
everything budgetbench reads from a workbook's XML itself goes through defusedxml or a
byte scan, and the package check refuses entity declarations, zip bombs and oversized
sheets before the spreadsheet library unpacks anything.
"""

from __future__ import annotations

import ast
import time
import zipfile
from pathlib import Path

import pytest
from bad_inputs.make import (
    _LAUGHS,
    _XML_DECL,
    _XXE,
    HEADER,
    ROWS,
    sheet_rows,
    worksheet,
    write_zip,
    xlsx_parts,
)

from budgetbench.core.progress import BudgetError
from budgetbench.io import readers
from budgetbench.io.loader import load_budget

IO_PACKAGE = Path(readers.__file__).parent


def test_openpyxl_parses_with_defusedxml():
    import openpyxl
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.fromstring.__module__.startswith("defusedxml")


def laughs_workbook(path: Path, where: str) -> Path:
    parts = xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))})
    parts[where] = parts[where].replace(_XML_DECL, _XML_DECL + _LAUGHS)
    write_zip(path, parts)
    return path


def test_openpyxl_refuses_entity_expansion(tmp_path):
    import openpyxl
    from defusedxml import DefusedXmlException

    path = laughs_workbook(tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml")
    started = time.perf_counter()
    with pytest.raises(ValueError) as info:  # openpyxl wraps defusedxml's refusal
        openpyxl.load_workbook(path)
    assert time.perf_counter() - started < 2
    chain, error = [], info.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert any(isinstance(e, DefusedXmlException) for e in chain), chain


def test_our_own_workbook_parse_is_defused(tmp_path):
    """Even without the package check in front, reading sheet names from a workbook.xml full
    of entities expands nothing: it is given up at once."""
    path = laughs_workbook(tmp_path / "laughs.xlsx", "xl/workbook.xml")
    started = time.perf_counter()
    assert readers._sheet_parts(path) == {}
    assert time.perf_counter() - started < 1


def test_io_never_imports_an_unsafe_xml_parser():
    unsafe = {"xml.etree", "xml.dom", "xml.sax", "lxml", "xml.parsers.expat"}
    harmless = {"xml.sax.saxutils"}  # escaping text for writing; parses nothing
    for source in IO_PACKAGE.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in set(names) - harmless:
                assert not any(name == u or name.startswith(u + ".") for u in unsafe), (
                    f"{source.name} imports {name}"
                )


@pytest.mark.parametrize(
    "part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
)
@pytest.mark.parametrize("prolog", [_LAUGHS, _XXE], ids=["billion-laughs", "external-entity"])
def test_entity_declarations_are_refused_quickly(tmp_path, part, prolog):
    parts = xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))})
    parts[part] = parts[part].replace(_XML_DECL, _XML_DECL + prolog)
    path = tmp_path / "entities.xlsx"
    write_zip(path, parts)
    started = time.perf_counter()
    with pytest.raises(BudgetError, match="declares XML entities") as info:
        load_budget(path, use_cache=False)
    assert time.perf_counter() - started < 2
    assert part in str(info.value) and "root:" not in str(info.value)


def small_workbook(tmp_path: Path, extra: dict | None = None) -> Path:
    path = tmp_path / "book.xlsx"
    write_zip(
        path, {**xlsx_parts({"Budget": worksheet(sheet_rows([HEADER, *ROWS]))}), **(extra or {})}
    )
    return path


def test_package_limits_have_clear_messages(tmp_path, monkeypatch):
    path = small_workbook(tmp_path, {f"xl/media/{i}.bin": b"" for i in range(30)})
    monkeypatch.setattr(readers, "MAX_ZIP_ENTRIES", 20)
    with pytest.raises(BudgetError, match=r"in 35 parts; .*zip bomb"):
        readers.read_sheets(path)
    monkeypatch.setattr(readers, "MAX_ZIP_ENTRIES", 10_000)
    monkeypatch.setattr(readers, "MAX_INFLATED_BYTES", 1000)
    with pytest.raises(BudgetError, match=r"would unpack to .*zip bomb"):
        readers.read_sheets(path)


def test_a_part_larger_than_it_claims_is_refused_before_the_library_reads_it(tmp_path):
    from bad_inputs.make import patch_claimed_size

    rows = sheet_rows([HEADER, *ROWS]) + sheet_rows([["x", "y", "z", 1]] * 2000, start=10)
    path = tmp_path / "liar.xlsx"
    write_zip(path, xlsx_parts({"Budget": worksheet(rows)}))
    patch_claimed_size(path, "xl/worksheets/sheet1.xml", 1000)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    with pytest.raises(BudgetError, match=r"unpacks to more than it claims"):
        readers.read_sheets(path)


def test_a_sheet_too_large_to_hold_is_left_out_and_the_others_read(tmp_path, monkeypatch):
    body = sheet_rows([HEADER, *ROWS])
    far = body + '<row r="5000"><c r="Z5000"><v>1</v></c></row>'
    path = tmp_path / "two.xlsx"
    write_zip(path, xlsx_parts({"Budget": worksheet(body), "Notes": worksheet(far)}))
    monkeypatch.setattr(readers, "MAX_CELLS", 100_000)  # Notes spans 5,000 x 26 = 130,000
    sheets = readers.read_sheets(path)
    assert [s.name for s in sheets] == ["Budget", "Notes"]
    assert sheets[0].cells.shape == (6, 4) and not sheets[0].problem
    assert "5,000 rows x 26 columns" in sheets[1].problem and sheets[1].cells.empty
    budget = load_budget(path, use_cache=False)
    assert len(budget) == len(ROWS)
    assert any("Notes" in w for w in budget.report.warnings)
