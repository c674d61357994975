"""Shared by the tests that check a view in Spanish: which English texts have a Spanish
translation shipped, and which texts a widget shows."""

from __future__ import annotations

from pathlib import Path

from defusedxml import ElementTree
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTabWidget, QWidget

SPANISH = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "es"


def translated_sources(*modules: str) -> set[str]:
    """English source texts of these modules' ``.ts`` files whose Spanish differs from them."""
    out = set()
    for module in modules:
        for msg in ElementTree.parse(SPANISH / f"{module}.ts").getroot().iter("message"):
            source, tr = msg.findtext("source", ""), msg.find("translation")
            if tr is not None and tr.get("type") is None and tr.text and tr.text != source:
                out.add(source)
    return out


def shown_texts(root: QWidget, *, combos: bool = False, tabs: bool = False) -> list[str]:
    """Texts of the visible labels, buttons and actions of ``root`` (and, when asked, the
    items of its visible combo boxes and the names of its visible tabs)."""
    widgets = root.findChildren(QLabel) + root.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets if w.isVisibleTo(root) and w.text()]
    texts += [a.text() for a in root.findChildren(QAction) if a.isVisible() and a.text()]
    if combos:
        for combo in root.findChildren(QComboBox):
            if combo.isVisibleTo(root) and not combo.isEditable():
                texts += [combo.itemText(i) for i in range(combo.count())]
    if tabs:
        for tab in root.findChildren(QTabWidget):
            if tab.isVisibleTo(root):
                texts += [tab.tabText(i) for i in range(tab.count())]
    return texts
