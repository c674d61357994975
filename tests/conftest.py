"""Shared test setup: headless Qt, and every app folder redirected to a temporary one."""

from __future__ import annotations

import os
from pathlib import Path

# Before anything imports Qt: no display is needed to run the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path, monkeypatch):
    """Keep settings, data and caches written by a test inside its own ``tmp_path``."""
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("BUDGETBENCH_CONFIG_DIR", "app-config"),
        ("BUDGETBENCH_DATA_DIR", "app-data"),
        ("BUDGETBENCH_CACHE_DIR", "app-cache"),
        ("APPDATA", "appdata"),
        ("LOCALAPPDATA", "localappdata"),
    ):
        path = tmp_path / "dirs" / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))


#: The real published budgets beside the repository (see ../shared/realdata/SOURCES.md).
REALDATA = Path(
    os.environ.get(
        "BUDGETBENCH_REALDATA", Path(__file__).resolve().parents[2] / "shared" / "realdata"
    )
)
SAMPLES = Path(__file__).resolve().parents[1] / "sample_budgets"


@pytest.fixture
def realdata():
    """Path of a real budget file by its relative name; skips when the folder is absent."""
    if not REALDATA.is_dir():
        pytest.skip(f"real budget files not found at {REALDATA}")

    def get(relative: str) -> Path:
        return REALDATA / relative

    return get


@pytest.fixture
def spanish(qapp):
    """The interface in Spanish for one test; English (and the locale) again after it."""
    from PySide6.QtCore import QLocale

    from budgetbench.ui import i18n

    before = QLocale()
    i18n.install(qapp, "es")
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(before)
