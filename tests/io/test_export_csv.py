"""CSV export: the shown rows and every note, UTF-8 with a BOM, no formula from text."""

from __future__ import annotations

import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetbench.core.budget import Budget
from budgetbench.core.priorities import Annotation
from budgetbench.core.progress import BudgetError, Cancelled
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.io.export_csv import csv_text, export_csv, notes_path
from budgetbench.io.export_xlsx import FORMULA_TRIGGERS, Community


def budget() -> Budget:
    return Budget(lines=synthetic_lines(120, seed=5), name="Tiny")


def read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_rows_in_the_chosen_columns_with_their_notes(tmp_path):
    b = budget()
    rows = b.lines.drop_duplicates("line_key").iloc[[3, 1, 7]]
    key = str(rows["line_key"].iloc[0])
    community = Community(
        annotations=[
            Annotation(1, "line", key, "Keep it", ("youth",), "protect", "Ana", "2025-03-01"),
            Annotation(2, "department", "Parks", '=HYPERLINK("x")', (), "cut", "Bo"),
        ]
    )
    written = export_csv(tmp_path / "view.csv", rows, ["department", "amount"], community, b)
    assert written == [tmp_path / "view.csv", tmp_path / "view-notes.csv"]
    table = read(written[0])
    assert table[0] == ["Department", "Amount", "Community notes"]
    assert [r[0] for r in table[1:]] == rows["department"].tolist()
    assert [float(r[1]) for r in table[1:]] == rows["amount"].tolist()
    assert table[1][2] == "[protect] Keep it — Ana"
    assert table[2][2] == ""
    notes = read(notes_path(written[0]))
    assert notes[0][:5] == ["Note ID", "Level", "Key", "Target", "Note"]
    assert notes[2][4] == '\'=HYPERLINK("x")'
    assert notes[1][5:8] == ["youth", "protect", "Ana"]


def test_without_notes_one_file(tmp_path):
    b = budget()
    written = export_csv(tmp_path / "all.csv", b.lines)
    assert written == [tmp_path / "all.csv"]
    assert len(read(written[0])) == len(b.lines) + 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=30), author=st.text(max_size=10), tag=st.text(max_size=10))
def test_no_field_starts_like_a_formula(tmp_path, text, author, tag):
    b = budget()
    key = str(b.lines["line_key"].iloc[0])
    community = Community(annotations=[Annotation(1, "line", key, text, (tag,), None, author)])
    out = tmp_path / "prop.csv"
    for path in export_csv(out, b.lines.head(3), None, community, b):
        for row in read(path):
            for field in row:
                assert not field.startswith(FORMULA_TRIGGERS), field
    notes = read(notes_path(out))
    assert notes[1][4] == csv_text(text)


def test_a_cancelled_export_leaves_no_file(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    def stop(fraction, message):
        raise Cancelled()

    with pytest.raises(Cancelled):
        export_csv(tmp_path / "x.csv", budget().lines, progress=stop)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(BudgetError, match=r"saved as \.csv"):
        export_csv(tmp_path / "x.txt", budget().lines)
    with pytest.raises(BudgetError, match="no column"):
        export_csv(tmp_path / "x.csv", budget().lines, ["nope"])
