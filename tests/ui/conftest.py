"""Fixtures of the interface tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from budgetbench.ui import i18n


@pytest.fixture
def spanish(qapp):
    """The interface in Spanish for one test; English (and the locale) again after it."""
    before = QLocale()
    i18n.install(qapp, "es")
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(before)
