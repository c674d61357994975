"""Column mappings: serialisation, fingerprints, header signatures, saved profiles, validation."""

from __future__ import annotations

import json

import pytest

from budgetbench.io.mapping import (
    AMOUNT,
    IGNORE,
    MAPPING_VERSION,
    AmountColumn,
    ColumnMapping,
    ProfileStore,
    SheetMapping,
    header_signature,
    validate_role_values,
)


def sample_mapping() -> ColumnMapping:
    return ColumnMapping(
        sheets=[
            SheetMapping(
                sheet="Expenditures",
                header_rows=(4, 5),
                columns={0: "fund_code+fund_name", 2: "department", 4: "account_name"},
                amounts=[
                    AmountColumn(index=5, label="2023-24 Actual"),
                    AmountColumn(
                        index=6, label="2024-25 Adopted", fiscal_year=2025, phase="adopted"
                    ),
                ],
                unit_scale=1000.0,
                revenue_negative=None,
                defaults={"fiscal_year": 2026, "direction": "expense"},
            ),
            SheetMapping(
                sheet="Revenues",
                columns={1: "account_name"},
                amounts=[
                    AmountColumn(
                        index=2,
                        label="General Fund (010)",
                        direction="revenue",
                        fund_code="010",
                        fund_name="General Fund",
                    )
                ],
                revenue_negative=True,
            ),
        ],
        name="Bayview Heights",
        confidence=0.4,
        doubts=["no fiscal year in the headers"],
    )


# ---- to_dict / from_dict ---------------------------------------------------------------------
def test_round_trip_through_dict_and_json():
    m = sample_mapping()
    again = ColumnMapping.from_dict(m.to_dict())
    assert again == m
    assert isinstance(again.sheets[0].header_rows, tuple)
    assert all(isinstance(k, int) for k in again.sheets[0].columns)
    from_json = ColumnMapping.from_dict(json.loads(m.to_json()))
    assert from_json == m
    assert m.to_dict()["version"] == MAPPING_VERSION


def test_from_dict_defaults_and_unknown_roles():
    m = ColumnMapping.from_dict(
        {"sheets": [{"sheet": "S", "columns": {"0": "department", "1": "not_a_role"}}]}
    )
    s = m.sheets[0]
    assert s.header_rows == (0,)
    assert s.columns == {0: "department"}  # an unknown role is dropped, not imported wrongly
    assert s.amounts == [] and s.unit_scale == 1.0 and s.revenue_negative is None
    assert m.confidence == 1.0 and m.doubts == [] and m.name == ""


def test_from_dict_refuses_a_newer_version():
    with pytest.raises(ValueError, match="newer"):
        ColumnMapping.from_dict({"version": MAPPING_VERSION + 1, "sheets": []})


def test_roles_of_columns():
    s = sample_mapping().sheets[0]
    assert s.role_of(5) == AMOUNT
    assert s.role_of(2) == "department"
    assert s.role_of(3) == IGNORE
    assert s.column_of("department") == 2
    assert s.column_of("fund_name") == 0  # one column, two roles
    assert s.column_of("program") is None
    assert sample_mapping().sheet("Revenues").amounts[0].fund_code == "010"
    assert sample_mapping().sheet("Nope") is None


def test_with_name_is_a_copy():
    m = sample_mapping()
    named = m.with_name("Other")
    assert named.name == "Other" and m.name == "Bayview Heights"


# ---- fingerprint -----------------------------------------------------------------------------
def test_fingerprint_is_stable_and_ignores_name_confidence_and_doubts():
    a, b = sample_mapping(), sample_mapping()
    assert a.fingerprint() == b.fingerprint()
    assert len(a.fingerprint()) == 16
    b.name, b.confidence, b.doubts = "another name", 1.0, []
    assert a.fingerprint() == b.fingerprint()


@pytest.mark.parametrize(
    "change",
    [
        lambda m: setattr(m.sheets[0], "unit_scale", 1.0),
        lambda m: setattr(m.sheets[0], "header_rows", (4,)),
        lambda m: m.sheets[0].columns.update({2: "division"}),
        lambda m: m.sheets[0].columns.update({3: "program"}),
        lambda m: setattr(m.sheets[1], "revenue_negative", False),
        lambda m: m.sheets[0].amounts.__setitem__(
            0, AmountColumn(index=5, label="2023-24 Actual", fiscal_year=2024)
        ),
        lambda m: m.sheets[0].amounts.pop(),
        lambda m: m.sheets.pop(),
        lambda m: m.sheets[0].defaults.update({"phase": "proposed"}),
    ],
)
def test_fingerprint_changes_with_what_the_mapping_does(change):
    m = sample_mapping()
    before = m.fingerprint()
    change(m)
    assert m.fingerprint() != before


# ---- header signature ------------------------------------------------------------------------
def test_header_signature_ignores_years_case_and_spacing():
    this_year = {"Expenditures": ["Fund", "Dept", "FY2024-25 Adopted", "FY2025-26 Proposed"]}
    next_year = {"EXPENDITURES": ["fund", " Dept ", "FY2025-26 Adopted", "FY2026-27  Proposed"]}
    assert header_signature(this_year) == header_signature(next_year)
    sheet_year = {"Budget 2025": ["Fund", "Amount"]}
    assert header_signature(sheet_year) == header_signature({"Budget 2026": ["Fund", "Amount"]})


def test_header_signature_is_sensitive_to_the_layout():
    base = {"S": ["Fund", "Dept", "FY2025 Adopted"]}
    sig = header_signature(base)
    assert sig == header_signature({"S": ["Fund", "Dept", "FY2025 Adopted"]})
    assert sig != header_signature({"S": ["Fund", "Department", "FY2025 Adopted"]})
    assert sig != header_signature({"S": ["Dept", "Fund", "FY2025 Adopted"]})
    assert sig != header_signature({"S": ["Fund", "Dept"]})
    assert sig != header_signature({"T": ["Fund", "Dept", "FY2025 Adopted"]})
    assert sig != header_signature({**base, "Other": ["A"]})


def test_header_signature_does_not_depend_on_sheet_order():
    a = {"Revenues": ["Acct", "Amount"], "Expenses": ["Dept", "Amount"]}
    b = {"Expenses": ["Dept", "Amount"], "Revenues": ["Acct", "Amount"]}
    assert header_signature(a) == header_signature(b)


# ---- profile store ---------------------------------------------------------------------------
def test_store_save_find_delete(tmp_path):
    store = ProfileStore(tmp_path / "profiles")
    assert store.profiles() == []  # the folder does not exist yet
    m = sample_mapping()
    path = store.save("Bayview Heights", m, "sig-1")
    assert path.is_file() and path.parent == tmp_path / "profiles"
    assert not list((tmp_path / "profiles").glob("*.tmp"))  # written atomically
    found = store.find("sig-1")
    assert found is not None
    assert found.name == "Bayview Heights"
    assert found.fingerprint() == m.fingerprint()
    assert store.find("sig-2") is None

    store.save("Alder Valley", sample_mapping(), "sig-2")
    assert [name for name, _sig, _m in store.profiles()] == ["Alder Valley", "Bayview Heights"]
    store.delete("Bayview Heights")
    assert store.find("sig-1") is None
    assert store.find("sig-2") is not None
    store.delete("never saved")  # no error


def test_store_save_replaces_a_profile_of_the_same_name(tmp_path):
    store = ProfileStore(tmp_path)
    store.save("City", sample_mapping(), "old")
    changed = sample_mapping()
    changed.sheets[0].unit_scale = 1.0
    store.save("City", changed, "new")
    assert len(store.profiles()) == 1
    assert store.find("old") is None
    assert store.find("new").sheets[0].unit_scale == 1.0


def test_store_names_are_safe_file_names(tmp_path):
    store = ProfileStore(tmp_path / "p")
    path = store.save("../../evil/name: FY26?", sample_mapping(), "sig")
    assert path.parent == tmp_path / "p"
    assert store.profiles()[0][0] == "../../evil/name: FY26?"


def test_store_skips_damaged_profiles(tmp_path):
    store = ProfileStore(tmp_path)
    store.save("Good", sample_mapping(), "sig")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "incomplete.json").write_text(json.dumps({"name": "x"}), encoding="utf-8")
    (tmp_path / "future.json").write_text(
        json.dumps({"name": "f", "signature": "sig", "mapping": {"version": 99}}),
        encoding="utf-8",
    )
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    assert [name for name, _s, _m in store.profiles()] == ["Good"]
    assert store.find("sig").name == "Good"


# ---- validation ------------------------------------------------------------------------------
def test_a_sound_mapping_validates():
    validate_role_values(sample_mapping())


def test_validation_needs_an_amount_column():
    m = ColumnMapping(sheets=[SheetMapping(sheet="S", columns={0: "department"})])
    with pytest.raises(ValueError, match="at least one column of amounts"):
        validate_role_values(m)


@pytest.mark.parametrize(
    ("columns", "dupe"),
    [
        ({0: "department", 1: "department"}, "department"),
        ({0: "fund_code+fund_name", 1: "fund_name"}, "fund_name"),
    ],
)
def test_validation_refuses_two_columns_with_one_role(columns, dupe):
    m = ColumnMapping(
        sheets=[SheetMapping(sheet="S", columns=columns, amounts=[AmountColumn(index=5)])]
    )
    with pytest.raises(ValueError, match=f"more than one column is {dupe}"):
        validate_role_values(m)


def test_validation_refuses_unknown_phase_and_direction():
    bad_phase = ColumnMapping(
        sheets=[SheetMapping(sheet="S", amounts=[AmountColumn(index=1, phase="guessed")])]
    )
    with pytest.raises(ValueError, match="not a budget phase"):
        validate_role_values(bad_phase)
    bad_direction = ColumnMapping(
        sheets=[SheetMapping(sheet="S", amounts=[AmountColumn(index=1, direction="income")])]
    )
    with pytest.raises(ValueError, match="not revenue or expense"):
        validate_role_values(bad_direction)


def test_a_saved_profile_is_applied_to_next_years_file(tmp_path):
    """A confirmed mapping saved as a profile reads next year's file from the same city,
    whose headers name the next fiscal year, without being asked again."""
    from budgetbench.io.mapping import ProfileStore
    from budgetbench.io.normalize import detect_mapping, mapping_signature, normalize
    from budgetbench.io.readers import read_sheets
    from budgetbench.io.report import ImportReport

    this_year = tmp_path / "city_fy26.csv"
    this_year.write_text("Dept,Obj,FY2025-26 Adopted\nPolice,Salaries,100\nFire,Salaries,50\n")
    sheets = read_sheets(this_year)
    mapping = detect_mapping(sheets, this_year)
    mapping.sheets[0].columns = {0: "department", 1: "category"}  # the user's correction
    store = ProfileStore(tmp_path / "profiles")
    store.save("Our city", mapping, mapping_signature(sheets, mapping))

    next_year = tmp_path / "city_fy27.csv"
    next_year.write_text("Dept,Obj,FY2026-27 Adopted\nPolice,Salaries,110\nParks,Supplies,5\n")
    report = ImportReport()
    lines = normalize(read_sheets(next_year), next_year, report, profiles=store)
    assert "read with the saved column mapping 'Our city'" in report.warnings
    assert set(lines["fiscal_year"]) == {2027}  # the new file's header, not the profile's
    assert list(lines["category"]) == ["Salaries", "Supplies"]

    other = tmp_path / "other.csv"
    other.write_text("Agency,Amount,Year\nA,1,2026\n")
    report = ImportReport()
    normalize(read_sheets(other), other, report, profiles=store)
    assert not any("saved column mapping" in w for w in report.warnings)
