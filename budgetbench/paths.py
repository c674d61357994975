"""Where the app keeps its files: settings, logs, caches, and the shipped sample budgets.

No Qt here: the command line uses it too. Every location can be redirected with an
environment variable (tests point them at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "budgetbench"
TEACHING_SAMPLE = "sycamore_springs_teaching.csv"


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    import platformdirs

    return _dir("BUDGETBENCH_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    import platformdirs

    return _dir("BUDGETBENCH_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where imported tables are cached (see :mod:`budgetbench.io.cache`); safe to delete."""
    import platformdirs

    return _dir("BUDGETBENCH_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return data_dir() / "budgetbench.log"


def samples_dir() -> Path:
    """The folder of shipped sample budgets (source tree, installed copy, or frozen bundle)."""
    here = Path(__file__).resolve().parent
    candidates = [
        here.parent / "sample_budgets",  # source tree / editable install
        Path(getattr(sys, "_MEIPASS", here)) / "sample_budgets",  # frozen bundle
        Path(sys.prefix) / "share" / APP_NAME / "sample_budgets",
    ]
    for c in candidates:
        if (c / TEACHING_SAMPLE).exists():
            return c
    return candidates[0]


def teaching_sample() -> Path:
    return samples_dir() / TEACHING_SAMPLE


def resources_dir() -> Path:
    """The folder of shipped resources (data tables, themes, tour text)."""
    here = Path(__file__).resolve().parent
    for c in (
        here.parent / "resources",
        Path(getattr(sys, "_MEIPASS", here)) / "resources",
        Path(sys.prefix) / "share" / APP_NAME / "resources",
    ):
        if c.is_dir():
            return c
    return here.parent / "resources"
