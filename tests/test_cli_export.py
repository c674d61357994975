"""``budgetbench export``: a session or a plain budget file to a workbook, CSV or handout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from budgetbench.io.export_xlsx import read_community
from budgetbench.io.loader import load_budget
from budgetbench.io.session import Session

SAMPLES = Path(__file__).resolve().parents[1] / "sample_budgets"
SYCAMORE = SAMPLES / "sycamore_springs_teaching.csv"
ALDER = SAMPLES / "alder_valley_county_fy26.xlsx"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "budgetbench", "export", *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def session_file(tmp_path):
    budget = load_budget(ALDER, use_cache=False)
    path = tmp_path / "room.bbsession"
    key = str(budget.lines["line_key"].iloc[0])
    with Session.create(path, budget) as s:
        s.add_annotation(("line", key), "Keep this", ["youth"], "protect", "Ana")
        s.add_annotation(("department", str(budget.lines["department"].iloc[0])), "Why?")
        s.cast_votes("Ana", {("line", key): 2}, group="Table 1")
    return path


def test_a_session_exports_the_annotated_workbook(session_file, tmp_path):
    out = tmp_path / "room.xlsx"
    done = run(str(session_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == str(out)
    assert "2 notes" in done.stdout
    community = read_community(out)
    assert [a.text for a in community.annotations] == ["Keep this", "Why?"]
    assert [(v.participant, v.dots) for v in community.votes] == [("Ana", 2)]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] != "Budget lines"  # the county's own workbook, annotated
    assert len(book["Charts"]._images) >= 4  # the flows, the treemap, revenue, spending
    book.close()


def test_export_never_loads_qt(tmp_path):
    code = (
        "import sys; from budgetbench.app import main; "
        f"main(['export', {str(SYCAMORE)!r}, '-o', {str(tmp_path / 'h.pdf')!r}]); "
        "sys.stderr.write(str(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert out.stderr.strip().endswith("False"), out.stderr
    assert (tmp_path / "h.pdf").is_file()


def test_a_session_exports_csv_and_handout(session_file, tmp_path):
    done = run(str(session_file), "-o", str(tmp_path / "rows.csv"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "rows.csv").is_file() and (tmp_path / "rows-notes.csv").is_file()
    done = run(str(session_file), "-o", str(tmp_path / "handout.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF")


def test_a_plain_budget_file_exports_without_notes(tmp_path):
    out = tmp_path / "plain.xlsx"
    done = run(str(SYCAMORE), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "0 notes" in done.stdout
    assert read_community(out).annotations == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv", "-o", "x.xlsx"], "missing.csv: the file does not exist"),
        ([str(SYCAMORE), "-o", "out.docx"], "the output must end in .xlsx, .csv, .pdf"),
        ([str(SYCAMORE), "-o", "no/such/folder/out.pdf"], "does not exist"),
        ([str(SYCAMORE)], "required: -o/--output"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(args, message, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "budgetbench", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".*tmp")) == []


def test_a_session_whose_budget_is_gone(tmp_path):
    src = tmp_path / "city.csv"
    src.write_bytes(SYCAMORE.read_bytes())
    budget = load_budget(src, use_cache=False)
    with Session.create(tmp_path / "room.bbsession", budget):
        pass
    src.unlink()
    done = run(str(tmp_path / "room.bbsession"), "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2
    assert "the session's budget file" in done.stderr and "is missing" in done.stderr


def test_a_session_finds_its_budget_beside_it_after_a_move(tmp_path):
    first, moved = tmp_path / "laptop", tmp_path / "office"
    first.mkdir()
    moved.mkdir()
    src = first / "city.csv"
    src.write_bytes(SYCAMORE.read_bytes())
    with Session.create(first / "room.bbsession", load_budget(src, use_cache=False)):
        pass
    for name in ("city.csv", "room.bbsession"):
        (moved / name).write_bytes((first / name).read_bytes())
    src.unlink()
    done = run(str(moved / "room.bbsession"), "-o", str(moved / "h.pdf"))
    assert done.returncode == 0, done.stderr
