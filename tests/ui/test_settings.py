from __future__ import annotations

import pytest

from budgetbench.ui.settings import MAX_RECENT, SCHEMA_VERSION, ZOOM_MAX, Settings


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


def test_interface_settings_default_validate_and_persist(tmp_path):
    path = tmp_path / "s.ini"
    s = Settings(path=path)
    assert (s.language, s.theme, s.zoom) == ("", "system", 1.0)
    assert (s.projector_screen, s.spotlight_key) == ("", "S")
    s.language, s.theme, s.zoom = "es", "high_contrast", 1.75
    s.projector_screen, s.spotlight_key = "HDMI-1", "L"
    s.sync()
    again = Settings(path=path)
    assert (again.language, again.theme, again.zoom) == ("es", "high_contrast", 1.75)
    assert (again.projector_screen, again.spotlight_key) == ("HDMI-1", "L")
    again.zoom = 9
    assert again.zoom == ZOOM_MAX
    with pytest.raises(ValueError):
        again.theme = "sepia"
    with pytest.raises(ValueError):
        again.spotlight_key = "Space"


def test_an_older_or_edited_file_opens_with_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text(
        "[General]\nschema_version=1\n[files]\nrecent=[]\n"
        "[ui]\ntheme=sepia\nzoom=huge\nlanguage=klingon\n[presenter]\nspotlight_key=Q\n"
    )
    s = Settings(path=path)
    assert (s.theme, s.zoom, s.language, s.spotlight_key) == ("system", 1.0, "", "S")
    assert s._get("schema_version", int, 0) == SCHEMA_VERSION
