"""Small widgets the views share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Card(QFrame):
    """One key figure: a caption, a big value and a line of detail (read out as one item)."""

    def __init__(self, name: str, parent: QWidget | None = None, value_scale: float = 1.75) -> None:
        super().__init__(parent)
        self._value_scale = value_scale
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setObjectName(f"{name}Value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel(self)
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.scale_font(self.font())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def scale_font(self, base: QFont) -> None:
        """The value in big bold type, ``value_scale`` times ``base`` (follows presenter mode)."""
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * self._value_scale)
        font.setBold(True)
        self.value.setFont(font)

    def set(self, caption: str, value: str, detail: str = "", spoken: str = "") -> None:
        # Unchanged text is not set again: a label set anew re-lays out its parent.
        for label, text in ((self.caption, caption), (self.value, value), (self.detail, detail)):
            if label.text() != text:
                label.setText(text)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(caption)
        self.setAccessibleDescription(" ".join(t for t in (spoken or value, detail) if t))
