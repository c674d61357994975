from __future__ import annotations

from budgetbench.ui.settings import MAX_RECENT, SCHEMA_VERSION, Settings


def test_recent_files_newest_first_unique_and_capped(tmp_path):
    s = Settings(path=tmp_path / "s.ini")
    assert s.recent_files == []
    files = [tmp_path / f"b{i}.csv" for i in range(MAX_RECENT + 3)]
    for f in files:
        s.add_recent(str(f))
    s.add_recent(str(files[0]))
    recent = Settings(path=tmp_path / "s.ini").recent_files
    assert recent[0] == str(files[0].resolve())
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_paths_with_commas_survive(tmp_path):
    s = Settings(path=tmp_path / "s.ini")
    s.add_recent(str(tmp_path / "Budget, FY26, final.xlsx"))
    s.sync()
    assert Settings(path=tmp_path / "s.ini").recent_files[0].endswith("Budget, FY26, final.xlsx")


def test_corrupt_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[files]\nrecent=not json\n")
    s = Settings(path=path)
    assert s.recent_files == []
    assert s._get("schema_version", int, 0) == SCHEMA_VERSION
