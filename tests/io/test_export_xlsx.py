"""The annotated workbook: the city's file kept, the room's work added, read back and merged."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from budgetbench.core.budget import Budget
from budgetbench.core.format import column_letter
from budgetbench.core.priorities import Annotation, Participant, Vote
from budgetbench.core.progress import BudgetError, Cancelled
from budgetbench.core.synthetic import synthetic_lines
from budgetbench.io.export_xlsx import (
    ADDED_SHEETS,
    EXPORT_MARKER,
    STANCE_FILLS,
    Community,
    added_sheet_names,
    export_workbook,
    formula_safe,
    is_export,
    merge_community,
    read_community,
)
from budgetbench.io.loader import load_budget
from budgetbench.io.readers import read_sheets
from budgetbench.io.session import Session

OAKLAND = "oakland/mayor-proposed-13-15.xlsx"
#: Parts an export may change; every other part of the source is copied byte for byte.
CHANGED = {
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
}


# ---- formula safety -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "flagged"),
    [
        ("=SUM(A1:A9)", True),
        ("+1", True),
        ("-cmd|' /C calc'!A0", True),
        ("@SUM(1)", True),
        ("\tTab first", True),
        ("\rReturn first", True),
        ("Keep the branch open", False),
        (" =not a formula: starts with a space", False),
        ("", False),
        (None, False),
    ],
)
def test_formula_safe_flags_what_a_spreadsheet_would_run(value, flagged):
    text, risky = formula_safe(value)
    assert risky is flagged
    assert text == ("" if value is None else value)


def test_formula_safe_drops_characters_xml_cannot_hold():
    assert formula_safe("a\x00b\x07c\x1fd\ufffe")[0] == "abcd"
    assert formula_safe("line\nbreak\ttab")[0] == "line\nbreak\ttab"


# ---- a tiny budget (a CSV source: the lines become the workbook's first sheet) ------------------
def tiny_budget(n: int = 24) -> Budget:
    return Budget(lines=synthetic_lines(n, seed=3), name="Tiny")


def sheet_cells(path: Path) -> dict[str, list]:
    book = openpyxl.load_workbook(path)
    try:
        return {ws.title: [c for row in ws.iter_rows() for c in row] for ws in book.worksheets}
    finally:
        book.close()


clean_text = st.text(min_size=1, max_size=40).filter(lambda s: formula_safe(s)[0].strip() != "")
risky_text = st.builds(
    lambda head, rest: head + rest, st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), st.text()
)
any_text = st.one_of(clean_text, risky_text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    note=any_text,
    author=any_text,
    tag=any_text,
    person=any_text,
    group=any_text,
    scenario=any_text,
)
def test_no_text_field_becomes_a_formula(tmp_path, note, author, tag, person, group, scenario):
    budget = tiny_budget()
    budget.meta["pension_scenarios"] = {
        scenario: {"plan": "not-a-plan", "fiscal_years": [2026], "employer_contribution": [1.0]}
    }
    key = str(budget.lines["line_key"].iloc[0])
    community = Community(
        annotations=[Annotation(1, "line", key, note, (tag,), "cut", author, "2025-01-01")],
        participants=[Participant(person, group, 5)],
        votes=[Vote(person, "line", key, 2)],
        tags=[tag],
    )
    out = tmp_path / "safe.xlsx"
    out.unlink(missing_ok=True)
    export_workbook(out, budget, community)
    cells = sheet_cells(out)
    every = [c for cs in cells.values() for c in cs]
    assert not [c.coordinate for c in every if c.data_type == "f"]
    for c in every:
        if isinstance(c.value, str) and formula_safe(c.value)[1]:
            assert c.quotePrefix, f"{c.coordinate}: {c.value!r} is not marked as text"
    values = {c.value for c in every if isinstance(c.value, str)}
    for field in (note, author, person, group):
        assert formula_safe(field)[0] in values
    assert f"Pension scenario: {formula_safe(scenario)[0]}" in values
    priorities = {c.value for c in cells["Community Priorities"] if isinstance(c.value, str)}
    assert formula_safe(tag)[0].strip().lower() in " ".join(priorities).lower() or not tag.strip()


# ---- the real Oakland workbook ------------------------------------------------------------------
@pytest.fixture(scope="module")
def oakland_export(tmp_path_factory):
    """Oakland FY13-15 with notes on 100 lines (and a department), dots, and two scenarios."""
    from conftest import REALDATA

    source = REALDATA / OAKLAND
    if not source.is_file():
        pytest.skip(f"real budget files not found at {REALDATA}")
    tmp = tmp_path_factory.mktemp("oakland")
    with pytest.MonkeyPatch.context() as mp:  # the import cache stays in this test's folder
        mp.setenv("BUDGETBENCH_CACHE_DIR", str(tmp / "cache"))
        yield from _oakland(source, tmp)


def _oakland(source: Path, tmp: Path):
    from budgetbench.core import forecast as fc

    budget = load_budget(source, use_cache=False)
    budget.meta["forecast_scenarios"] = {
        "Mild recession": fc.preset_scenario("mild", years=5).to_dict()
    }
    budget.meta["pension_scenarios"] = {
        "Earn 5%": {
            "plan": "preset:san-jose-federated",
            "plan_name": "San José Federated",
            "levers": {"returns": "constant", "rate": 0.05},
        }
    }
    session = Session.create(tmp / "room.bbsession", budget)
    keys = budget.lines["line_key"].drop_duplicates().tolist()[::150][:100]
    stances = ["protect", "increase", "cut", "question", None]
    session.add_annotations(
        (
            ("line", k),
            f"=Note {i} on this line",
            ("housing",) if i % 2 else ("youth", "libraries"),
            stances[i % 5],
            f"Fellow {i % 4}",
        )
        for i, k in enumerate(keys)
    )
    session.add_annotation(("line", keys[0]), "A second view", (), "cut", "Maria")
    session.add_annotation(("department", "Police Department"), "Ask about overtime", (), None, "")
    session.cast_votes("Ana", {("line", keys[0]): 3, ("theme", "housing"): 2}, group="Table 1")
    session.cast_votes("Bo", {("line", keys[1]): 1}, group="Table 2")
    session.set_participant("Cy", group="Table 2", dots=4)
    session.store_meta(budget)
    out = tmp / "oakland-community.xlsx"
    summary = export_workbook(out, budget, session)
    yield {
        "source": source,
        "out": out,
        "budget": budget,
        "session": session,
        "keys": keys,
        "summary": summary,
        "tmp": tmp,
    }
    session.close()


def _comments(ws) -> dict[str, str]:
    return {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}


def test_every_comment_sits_on_its_lines_amounts(oakland_export):
    budget, session = oakland_export["budget"], oakland_export["session"]
    book = openpyxl.load_workbook(oakland_export["out"])
    ws = book["City_of_Oakland_Proposed_Policy"]
    found = _comments(ws)
    lines = budget.lines
    expected: dict[str, list[str]] = {}
    for a in session.annotations():
        if a.level != "line":
            continue
        rows = lines[lines["line_key"] == a.key]
        assert len(rows), a.key
        for r in rows.itertuples():
            expected.setdefault(f"{column_letter(r.src_col)}{r.src_row}", []).append(a.text)
    assert set(found) == set(expected)
    for ref, texts in expected.items():
        for t in texts:
            assert t in found[ref]
    # the cell with two notes that disagree is coloured "mixed"; others by their stance
    first = lines[lines["line_key"] == oakland_export["keys"][0]].iloc[0]
    ref = f"{column_letter(first.src_col)}{first.src_row}"
    assert ws[ref].fill.fgColor.rgb == STANCE_FILLS["mixed"]
    assert "Maria" in found[ref]
    book.close()


@pytest.mark.slow
def test_the_citys_sheet_is_unchanged_where_the_room_wrote_nothing(oakland_export):
    source, out = oakland_export["source"], oakland_export["out"]
    annotated = set(_comments(openpyxl.load_workbook(out)["City_of_Oakland_Proposed_Policy"]))
    a = openpyxl.load_workbook(source, read_only=True)
    b = openpyxl.load_workbook(out, read_only=True)
    wa, wb = a.worksheets[0], b.worksheets[0]
    compared = 0
    for ra, rb in zip(wa.iter_rows(), wb.iter_rows(), strict=True):
        for ca, cb in zip(ra, rb, strict=True):
            assert ca.value == cb.value
            if ca.coordinate in annotated:
                assert cb.fill.fgColor.rgb in STANCE_FILLS.values()
                assert cb.number_format == ca.number_format
                assert cb.font == ca.font
                continue
            assert (cb.number_format, cb.font, cb.fill) == (ca.number_format, ca.font, ca.fill)
            compared += 1
    assert compared > 250_000
    a.close()
    b.close()


def test_every_other_part_is_copied_byte_for_byte(oakland_export):
    with (
        zipfile.ZipFile(oakland_export["source"]) as a,
        zipfile.ZipFile(oakland_export["out"]) as b,
    ):
        names_b = set(b.namelist())
        for name in a.namelist():
            assert name in names_b
            if name in CHANGED or name == "xl/worksheets/sheet1.xml":
                continue
            assert a.read(name) == b.read(name), name
        # the sheet differs only by the style of annotated cells and the comments' drawing
        sa, sb = a.read("xl/worksheets/sheet1.xml"), b.read("xl/worksheets/sheet1.xml")
        assert sb.count(b"<legacyDrawing ") == 1
        stripped = re.sub(rb"<legacyDrawing [^>]*/>", b"", sb)
        assert re.sub(rb' s="\d+"', b"", stripped) == re.sub(rb' s="\d+"', b"", sa)
        # every style the city defined keeps its index: ours are appended
        styles_a, styles_b = a.read("xl/styles.xml").decode(), b.read("xl/styles.xml").decode()
        xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles_a, re.S).group(1)
        assert xfs in styles_b


def test_added_sheets_hold_what_the_session_holds(oakland_export):
    session, out = oakland_export["session"], oakland_export["out"]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["City_of_Oakland_Proposed_Policy", *ADDED_SHEETS]
    pri = book["Community Priorities"]
    rows = [r for r in pri.iter_rows(min_row=6, values_only=True) if r[0] is not None]
    notes = session.annotations()
    assert [(r[1], r[2], r[4], r[6] or None, r[7] or None) for r in rows] == [
        (a.level, a.key, a.text, a.stance, a.author) for a in notes
    ]
    # a hyperlink to the source cell of each line note; none for the department note
    links = {c.row: c.hyperlink.location for c in pri["J"] if c.hyperlink}
    assert len(links) == sum(1 for a in notes if a.level == "line")
    loc = links[6]
    assert loc.startswith("'City_of_Oakland_Proposed_Policy'!O")
    votes = [r for r in book["Votes"].iter_rows(values_only=True)]
    by_item = votes[votes.index(("By item", None, None, None, None, None, None)) + 2]
    assert by_item[1:4] == ("line", oakland_export["keys"][0], 3)
    start = votes.index(("By theme", None, None, None, None, None, None)) + 2
    themes = {}
    for v in votes[start:]:
        if v[0] is None:
            break
        themes[v[0]] = v[1]
    assert themes == dict(session.tally().by_theme) and themes["housing"] == 3
    scen = [r[0] for r in book["Scenarios"].iter_rows(values_only=True) if r[0]]
    assert "Pension scenario: Earn 5%" in scen
    assert "General Fund forecast: Mild recession" in scen
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert about[EXPORT_MARKER]
    assert about["Source SHA-256"] == oakland_export["budget"].source_sha256
    assert about["Source file"] == "mayor-proposed-13-15.xlsx"
    assert json.loads(about["Sheets added"]) == list(ADDED_SHEETS)
    assert about["Export schema version"] == 1
    book.close()


def test_round_trip_loads_the_same_lines_and_merges_the_rooms_work(oakland_export, tmp_path):
    out, budget, session = (
        oakland_export["out"],
        oakland_export["budget"],
        oakland_export["session"],
    )
    assert is_export(out) and not is_export(oakland_export["source"])
    again = load_budget(out, use_cache=False)
    cols = [c for c in budget.lines.columns]
    assert again.lines[cols].equals(budget.lines[cols])
    assert added_sheet_names(read_sheets(out)) == frozenset(ADDED_SHEETS)
    community = read_community(out)
    fresh = Session.create(tmp_path / "merged.bbsession", again)
    try:
        report = merge_community(fresh, community)
        assert report.notes_added == len(session.annotations())
        key = lambda a: (a.level, a.key, a.text, a.stance, a.author, a.tags, a.created)  # noqa: E731
        assert sorted(map(key, fresh.annotations())) == sorted(map(key, session.annotations()))
        assert fresh.participants() == session.participants()
        assert sorted(fresh.votes(), key=repr) == sorted(session.votes(), key=repr)
        assert fresh.tally() == session.tally()
        # a second fellow's file with the same notes adds nothing twice
        second = merge_community(fresh, read_community(out))
        assert (second.notes_added, second.notes_already_there) == (0, len(session.annotations()))
        assert len(fresh.annotations()) == len(session.annotations())
    finally:
        fresh.close()


def test_a_failed_or_cancelled_export_leaves_no_file(oakland_export, tmp_path):
    budget, session = oakland_export["budget"], oakland_export["session"]
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "stopped.xlsx"
    calls = []

    def progress(fraction, message):
        calls.append(fraction)
        if fraction > 0.5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_workbook(out, budget, session, progress=progress)
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        export_workbook(out, budget, session, progress=progress)
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["stopped.xlsx"]
    with pytest.raises(BudgetError, match="folder does not exist"):
        export_workbook(tmp_path / "no" / "x.xlsx", budget, session)
    with pytest.raises(BudgetError, match="replace the budget file"):
        export_workbook(oakland_export["source"], budget, session)


# ---- other sources -----------------------------------------------------------------------------
def test_a_csv_source_becomes_a_table_with_money_formats(tmp_path):
    src = tmp_path / "city.csv"
    src.write_text(
        "Department,Account,FY2025 Adopted\n"
        "Library,Salaries,1000\n=Parks,Trees,250.5\nFire,Trucks,99\n",
        encoding="utf-8",
    )
    budget = load_budget(src, use_cache=False)
    key = budget.lines["line_key"].iloc[1]
    community = Community(annotations=[Annotation(1, "line", key, "Trees!", (), "increase")])
    out = tmp_path / "city.xlsx"
    export_workbook(out, budget, community)
    book = openpyxl.load_workbook(out)
    ws = book["Budget lines"]
    assert [t for t in ws.tables] == ["BudgetLines"]
    header = [c.value for c in ws[1]]
    amount = header.index("Amount") + 1
    assert ws.cell(2, amount).number_format == '"$"#,##0;-"$"#,##0'
    assert [ws.cell(r, amount).value for r in range(2, 5)] == budget.lines["amount"].tolist()
    dept = header.index("Department") + 1
    parks = ws.cell(3, dept)
    assert parks.value == "=Parks" and parks.data_type == "s" and parks.quotePrefix
    commented = [c.coordinate for row in ws.iter_rows() for c in row if c.comment]
    assert commented == [f"{column_letter(amount)}3"]
    assert ws.cell(3, amount).fill.fgColor.rgb == STANCE_FILLS["increase"]
    book.close()
    again = load_budget(out, use_cache=False)
    cols = ["fiscal_year", "direction", "department", "account_name", "amount", "line_key"]
    assert again.lines[cols].astype(str).equals(budget.lines[cols].astype(str))


def _workbook_with_comment(path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Budget"
    ws.append(["Department", "Account", "FY2025 Adopted"])
    ws.append(["Library", "Salaries", 1000])
    ws.append(["Parks", "Trees", 250])
    ws["C2"].comment = Comment("The city's own remark", "Finance")
    ws["C3"].font = Font(bold=True, color="FF0000FF")
    ws["C3"].fill = PatternFill("solid", fgColor="FFFF0000")
    ws["C3"].number_format = "#,##0.00"
    ws.column_dimensions["A"].width = 31
    ws.row_dimensions[3].hidden = True
    book.save(path)


def test_existing_comments_and_formats_are_kept(tmp_path):
    src = tmp_path / "city.xlsx"
    _workbook_with_comment(src)
    budget = load_budget(src, use_cache=False)
    keys = budget.lines["line_key"].tolist()
    community = Community(
        annotations=[
            Annotation(1, "line", keys[0], "Protect this", (), "protect", "Ana"),
            Annotation(2, "line", keys[1], "Cut this", (), "cut", "Bo"),
        ]
    )
    out = tmp_path / "out.xlsx"
    export_workbook(out, budget, community)
    book = openpyxl.load_workbook(out)
    ws = book["Budget"]
    assert "The city's own remark" in ws["C2"].comment.text
    assert "Protect this" in ws["C2"].comment.text
    assert "Cut this" in ws["C3"].comment.text
    assert ws["C3"].font.b and ws["C3"].font.color.rgb == "FF0000FF"
    assert ws["C3"].number_format == "#,##0.00"
    assert ws["C3"].fill.fgColor.rgb == STANCE_FILLS["cut"]
    assert ws.column_dimensions["A"].width == 31
    assert ws.row_dimensions[3].hidden
    book.close()


def test_macros_are_left_out_and_the_about_sheet_says_so(tmp_path):
    plain = tmp_path / "plain.xlsx"
    _workbook_with_comment(plain)
    src = tmp_path / "city.xlsm"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Override PartName="/xl/vbaProject.bin" '
                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really VBA")
    budget = load_budget(src, use_cache=False)
    out = tmp_path / "out.xlsx"
    summary = export_workbook(out, budget, Community())
    assert summary.macros_dropped
    with zipfile.ZipFile(out) as z:
        assert "xl/vbaProject.bin" not in z.namelist()
        types = z.read("[Content_Types].xml").decode()
        assert "macroEnabled" not in types and "vbaProject" not in types
        assert "vbaProject" not in z.read("xl/_rels/workbook.xml.rels").decode()
    book = openpyxl.load_workbook(out)
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert "macros" in about["Macros"] and "not carried" in about["Macros"]
    book.close()


def test_a_source_that_already_has_these_sheet_names_keeps_its_own(tmp_path):
    src = tmp_path / "city.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Budget"
    ws.append(["Department", "FY2025 Adopted"])
    ws.append(["Library", 10])
    book.create_sheet("Votes")["A1"] = "the city's votes"
    book.save(src)
    budget = load_budget(src, use_cache=False)
    out = tmp_path / "out.xlsx"
    summary = export_workbook(out, budget, Community())
    assert "Votes (2)" in summary.sheets_added
    again = openpyxl.load_workbook(out)
    assert again["Votes"]["A1"].value == "the city's votes"
    assert again.sheetnames[-4] == "Votes (2)"
    again.close()
    assert read_community(out) == Community()


def test_every_part_is_well_formed_and_registered(oakland_export):
    from xml.etree import ElementTree

    with zipfile.ZipFile(oakland_export["out"]) as z:
        names = z.namelist()
        assert len(names) == len(set(names))
        types = z.read("[Content_Types].xml").decode()
        for name in names:
            if name.endswith((".xml", ".rels", ".vml")):
                ElementTree.fromstring(z.read(name))  # raises on malformed XML
            if name.endswith(".xml") and not name.startswith("docProps/") and "/" in name:
                assert f'PartName="/{name}"' in types, name
        comments = next(n for n in names if re.fullmatch(r"xl/comments\d+\.xml", n))
        refs = re.findall(r'<comment ref="([A-Z]+\d+)"', z.read(comments).decode())
        assert len(refs) == len(set(refs)) == oakland_export["summary"].commented_cells


def test_a_source_changed_since_it_was_opened_is_not_patched(tmp_path):
    src = tmp_path / "city.xlsx"
    _workbook_with_comment(src)
    budget = load_budget(src, use_cache=False)
    book = openpyxl.load_workbook(src)
    book["Budget"].insert_rows(2)
    book.save(src)
    with pytest.raises(BudgetError, match="changed after it was opened"):
        export_workbook(tmp_path / "out.xlsx", budget, Community())
    assert not (tmp_path / "out.xlsx").exists()
