"""Every export kind opens in LibreOffice (headless): the workbooks and the CSV files convert
to PDF, and the handout is a one-page PDF.

Skipped, with the reason, only where LibreOffice is not installed and ``CI`` is not set; on CI
a missing ``soffice`` is a failure (``.ci/run`` installs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import openpyxl
import pytest

from budgetbench.core.priorities import Annotation, Participant, Vote
from budgetbench.io.export_xlsx import Community
from budgetbench.io.loader import load_budget
from budgetbench.render.export import export_file


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run installs it on CI")
        pytest.skip("LibreOffice (soffice) is not installed: the exports were not opened in it")
    return exe


def community_for(budget) -> Community:
    keys = budget.lines["line_key"].drop_duplicates().tolist()
    return Community(
        annotations=[
            Annotation(1, "line", keys[0], "=Keep it open", ("libraries",), "protect", "Ana"),
            Annotation(2, "line", keys[-1], "Why so much?", (), "question", "@Bo"),
            Annotation(3, "department", "Fire", "+Fund the station", (), "increase", "Cy"),
        ],
        participants=[Participant("Ana", "Table 1", 5), Participant("-Bo", None, 5)],
        votes=[Vote("Ana", "line", keys[0], 3), Vote("-Bo", "theme", "libraries", 2)],
        tags=["libraries"],
    )


def test_every_export_kind_opens_in_libreoffice(tmp_path):
    exe = soffice()
    src = tmp_path / "city.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Adopted Budget"
    ws.append(["Fund", "Department", "Account", "FY2025 Adopted"])
    for k, (dept, account, amount) in enumerate(
        [("Fire", "Salaries", 900_000), ("Library", "Books", 50_000), ("Parks", "Trees", 75_000)]
    ):
        ws.append(["General Fund", dept, account, amount])
        ws.cell(k + 2, 4).number_format = "#,##0"
    ws.append(["General Fund", "Revenue", "Property Tax", 1_100_000])
    book.save(src)
    csv_src = tmp_path / "city.csv"
    csv_src.write_text(
        "Department,Account,FY2025 Adopted\nFire,Salaries,900\nLibrary,Books,50\n", encoding="utf-8"
    )
    outputs = []
    for source, name in ((src, "from-xlsx.xlsx"), (csv_src, "from-csv.xlsx")):
        budget = load_budget(source, use_cache=False)
        outputs += export_file(tmp_path / name, budget, community_for(budget)).paths
    budget = load_budget(src, use_cache=False)
    outputs += export_file(tmp_path / "rows.csv", budget, community_for(budget)).paths
    handout = export_file(tmp_path / "handout.pdf", budget, community_for(budget)).paths[0]
    assert [p.name for p in outputs] == [
        "from-xlsx.xlsx",
        "from-csv.xlsx",
        "rows.csv",
        "rows-notes.csv",
    ]
    converted = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    run = subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(converted),
            *map(str, outputs),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr
    for p in outputs:
        pdf = converted / f"{p.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {p.name}: {run.stdout} {run.stderr}"
        assert pdf.read_bytes().startswith(b"%PDF")
    data = handout.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
