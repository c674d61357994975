"""Everything can be reached by keyboard and read by a screen reader: every command in the
menus has a shortcut, and every control in every view has an accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from budgetbench import paths
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QAbstractSlider,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)
#: Parts Qt builds inside a control (a combo box's list, a line edit's clear button).
COMPOSITE = (QComboBox, QLineEdit, QAbstractSpinBox)


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    from budgetbench.io.loader import load_budget

    w = MainWindow(settings=Settings(path=tmp_path_factory.mktemp("a11y") / "settings.ini"))
    w.resize(1280, 720)
    w.show()
    w.show_budget(load_budget(paths.teaching_sample()), None)
    for name in w.views:
        w.show_view(name)
        qapp.processEvents()
    yield w
    w.close()


def _inside_a_control(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _path(widget: QWidget, top: QWidget) -> str:
    parts = []
    while widget is not None and widget is not top:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def test_every_control_has_an_accessible_name(window):
    unnamed = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or isinstance(w, (QScrollBar, QHeaderView)):
            continue
        if w.objectName().startswith("qt_") or _inside_a_control(w):
            continue
        text = w.text().replace("&", "") if isinstance(w, QAbstractButton) else ""
        if not (w.accessibleName().strip() or text.strip()):
            unnamed.append(_path(w, window))
    assert len(window.findChildren(QWidget)) > 300  # every view was built
    assert unnamed == []


def _leaves(menu, path=()):
    for action in menu.actions():
        if action.menu() is not None:
            yield from _leaves(action.menu(), (*path, action.text()))
        elif not action.isSeparator():
            yield path, action


def test_every_menu_command_has_a_shortcut(window):
    missing = [
        " ▸ ".join((*path, a.text()))
        for path, a in _leaves(window.menuBar())
        if a.shortcut().isEmpty() and a is not window.recent_menu.menuAction()
        and not any("Recent" in p for p in path)
    ]  # fmt: skip
    assert missing == []
    shortcuts = [a.shortcut().toString() for _, a in _leaves(window.menuBar())]
    shortcuts = [s for s in shortcuts if s]
    assert len(shortcuts) == len(set(shortcuts)), "two commands share a shortcut"
