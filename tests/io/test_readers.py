"""Getting cells out of files faithfully, and saying clearly when a file can't be read."""

from __future__ import annotations

import openpyxl
import pytest

from budgetbench.core.progress import BudgetError
from budgetbench.io.loader import load_budget
from budgetbench.io.readers import read_sheets


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_csv_variants_read_the_same(tmp_path):
    rows = ["Fund;Department;FY2025-26 Adopted", "0100;Café;1.000", "0200;Parks;2.000"]
    semicolon_cp1252 = write(tmp_path, "a.csv", "\r\n".join(rows).encode("cp1252"))
    comma_text = "\r".join(r.replace(";", ",").replace(".000", "000") for r in rows)
    comma_cr_bom = write(tmp_path, "b.csv", b"\xef\xbb\xbf" + comma_text.encode("utf-8"))
    tab = write(tmp_path, "c.tsv", "\n".join(r.replace(";", "\t") for r in rows).encode())
    for path in (semicolon_cp1252, comma_cr_bom, tab):
        (sheet,) = read_sheets(path)
        assert sheet.cells.iat[0, 0] == "Fund"
        assert sheet.cells.iat[1, 0] == "0100"  # leading zeros kept
        assert sheet.cells.iat[1, 1] == "Café"


def test_xlsx_cells_keep_their_position_and_codes(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FY2026 Adopted"  # the year and phase are only in the sheet name
    ws["C3"], ws["D3"], ws["E3"] = "Fund Code", "Department", "Amount"
    ws["C4"], ws["D4"], ws["E4"] = "0001", "Police", 1500.5
    ws["C5"], ws["D5"], ws["E5"] = "0002", "Fire", 2500
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    budget = load_budget(path)
    report = budget.report
    lines = budget.lines
    assert list(lines["fund_code"]) == ["0001", "0002"]
    assert list(lines["src_row"]) == [4, 5]
    assert set(lines["src_col"]) == {5}
    assert set(lines["src_sheet"]) == {"FY2026 Adopted"}
    assert set(lines["fiscal_year"]) == {2026}
    assert any("taken as 2026" in w for w in report.warnings)
    assert lines["amount"].sum() == 4000.5


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.csv", b"", "empty"),
        ("junk.csv", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("page.xls", b"<!DOCTYPE html><html><table></table></html>", "cannot open"),
        ("page.csv", b"<html><body>hi</body></html>", "web page"),
        ("broken.xlsx", b"PK\x03\x04\x14\x00 truncated", "damaged"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password"),
        ("notes.docx", b"whatever", "unsupported file type"),
        ("words.csv", b"just,some\nwords,here\n", "no column of amounts"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path, name, data, needle):
    path = write(tmp_path, name, data)
    with pytest.raises(BudgetError) as info:
        load_budget(path)
    message = str(info.value)
    assert needle in message
    assert name in message
    assert "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(BudgetError, match="does not exist"):
        load_budget(tmp_path / "nope.csv")
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    with pytest.raises(BudgetError, match="folder"):
        load_budget(folder)


def test_only_a_header(tmp_path):
    path = write(tmp_path, "header.csv", b"Fund,Department,FY2025-26 Adopted\n")
    with pytest.raises(BudgetError, match="no budget table found"):
        load_budget(path)


def test_ten_thousand_columns(tmp_path):
    header = ",".join(f"FY{2000 + i % 50} c{i}" for i in range(10_000))
    row = ",".join("1" for _ in range(10_000))
    path = write(tmp_path, "wide.csv", f"{header}\n{row}\n{row}\n".encode())
    with pytest.raises(BudgetError, match="10,000 columns"):
        load_budget(path)


def test_files_over_the_limit_are_refused_before_reading(tmp_path, monkeypatch):
    from budgetbench.io import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024)
    path = write(tmp_path, "big.csv", b"Fund,FY2026 Adopted\n" + b"General,1\n" * 200)
    with pytest.raises(BudgetError, match="opens files up to"):
        load_budget(path)


def test_error_names_file_sheet_row_and_column():
    error = BudgetError(
        "text where a number belongs", path="b.xlsx", sheet="Detail", row=12, column=28
    )
    assert str(error) == "b.xlsx: sheet 'Detail', row 12, column AB: text where a number belongs"
    assert (error.sheet, error.row, error.column) == ("Detail", 12, 28)


def test_hidden_columns_and_rows_are_reported(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Department", "Helper", "FY2026 Adopted"])
    ws.append(["Police", "x", 100])
    ws.append(["Fire", "y", 50])
    ws.column_dimensions["B"].hidden = True
    ws.row_dimensions[3].hidden = True
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    report = load_budget(path).report
    assert "hidden columns in the workbook: B 'Helper' (not imported)" in report.warnings
    assert any(
        "1 line(s) sit in rows the workbook hides (first: row 3)" in w for w in report.warnings
    )


def test_zip_bombs_are_refused_before_unpacking(tmp_path, monkeypatch):
    from budgetbench.io import readers

    wb = openpyxl.Workbook()
    wb.active.append(["Department", "FY2026 Adopted"])
    wb.active.append(["Police", 1])
    path = tmp_path / "bomb.xlsx"
    wb.save(path)
    monkeypatch.setattr(readers, "MAX_INFLATED_BYTES", 100)
    with pytest.raises(BudgetError, match="zip bomb"):
        load_budget(path, use_cache=False)
