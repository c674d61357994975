"""What each view shows — its choices and selection — as plain JSON, kept in the session.

A view's state is the values of the controls it holds as attributes (check boxes, radio
buttons, combo boxes, sliders, spin boxes, search fields), in the order the view made them,
plus, for the views that select a group, that group's filters. Restoring sets the controls
the same way a user would (so the view recomputes as it does for a user) and then selects
the group again. Controls that no longer exist or no longer offer a saved choice are skipped.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

_PLAIN = (str, int, float, bool)


_KINDS = (QAbstractButton, QComboBox, QAbstractSlider, QSpinBox, QDoubleSpinBox)


def _controls(view: QWidget):
    for name, w in list(vars(view).items()):
        if not isinstance(w, QWidget) or w.parent() is None:
            continue
        if isinstance(w, _KINDS) or (isinstance(w, QLineEdit) and not w.isReadOnly()):
            yield name, w


def capture(view: QWidget) -> dict[str, Any]:
    """The state of ``view``'s controls (and selection, where it has one)."""
    out: dict[str, Any] = {}
    for name, w in _controls(view):
        if isinstance(w, (QCheckBox, QRadioButton)) or (
            isinstance(w, QAbstractButton) and w.isCheckable()
        ):
            out[name] = {"checked": w.isChecked()}
        elif isinstance(w, QComboBox):
            if w.currentIndex() >= 0:
                data = w.currentData()
                item: dict[str, Any] = {"text": w.currentText()}
                if isinstance(data, _PLAIN):
                    item["data"] = data
                out[name] = item
        elif isinstance(w, (QAbstractSlider, QAbstractSpinBox)):
            out[name] = {"value": w.value()}
        elif isinstance(w, QLineEdit):
            out[name] = {"text": w.text()}
    selection = getattr(view, "state_selection", None)
    if callable(selection):
        picked = selection()
        if picked:
            out["__selection__"] = picked
    return out


def restore(view: QWidget, state: dict[str, Any]) -> None:
    """Set ``view``'s controls to ``state`` (see :func:`capture`); unknown names are skipped."""
    if not isinstance(state, dict):
        return
    for name, w in _controls(view):
        item = state.get(name)
        if not isinstance(item, dict) or not w.isEnabled():
            continue
        with contextlib.suppress(TypeError, ValueError, OverflowError):
            if isinstance(w, QAbstractButton) and "checked" in item:
                if w.isCheckable() and w.isChecked() != bool(item["checked"]):
                    if isinstance(w, QRadioButton) and not item["checked"]:
                        continue  # a radio button is unchecked by checking another
                    w.setChecked(bool(item["checked"]))
            elif isinstance(w, QComboBox):
                index = w.findData(item["data"]) if "data" in item else -1
                if index < 0:
                    index = w.findText(str(item.get("text", "")))
                if index >= 0 and index != w.currentIndex():
                    w.setCurrentIndex(index)
                elif index < 0 and w.isEditable() and item.get("text"):
                    w.setEditText(str(item["text"]))
            elif isinstance(w, (QAbstractSlider, QSpinBox, QDoubleSpinBox)) and "value" in item:
                value = item["value"]
                w.setValue(int(value) if isinstance(w, (QAbstractSlider, QSpinBox)) else value)
            elif isinstance(w, QLineEdit) and "text" in item and w.text() != item["text"]:
                w.setText(str(item["text"]))
    picked = state.get("__selection__")
    select = getattr(view, "restore_selection", None)
    if picked and callable(select):
        select(picked)
