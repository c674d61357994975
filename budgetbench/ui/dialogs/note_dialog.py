"""Add a note: what it is about (in words), the text, the room's themes, a stance, who says so."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.priorities import STANCE_LABELS, STANCES, Target, clean_tags, stance_label

#: Stances for people (English), in the order of :data:`STANCES`; shown via ``stance_label``.
STANCE_NAMES: dict[str, str] = STANCE_LABELS


class NoteDialog(QDialog):
    """Collects a note. ``target`` is fixed (shown as ``target_text``) or, when ``choices``
    (``[(words, target)]``) is given, picked from a list."""

    def __init__(
        self,
        target: Target | None,
        target_text: str,
        themes: Sequence[str],
        *,
        author: str = "",
        choices: Sequence[tuple[str, Target]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Add a Note"))
        self._target = target
        self._themes = list(themes)

        self.target_label = QLabel(target_text, self)
        self.target_label.setWordWrap(True)
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.target_label.font()
        font.setBold(True)
        self.target_label.setFont(font)
        self.target_combo = QComboBox(self)
        self.target_combo.setAccessibleName(self.tr("What the note is about"))
        for words, t in choices:
            self.target_combo.addItem(words, t)
        self.target_combo.setVisible(bool(choices))

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Note"))
        self.text_edit.setPlaceholderText(self.tr("What does the room say about it?"))
        self.text_edit.setTabChangesFocus(True)

        self.tags_list = QListWidget(self)
        self.tags_list.setAccessibleName(self.tr("Themes"))
        self.tags_list.setToolTip(self.tr("Tick the room's priority themes this note is about"))
        for tag in self._themes:
            self._add_tag_item(tag, checked=False)
        self.new_tag_edit = QLineEdit(self)
        self.new_tag_edit.setAccessibleName(self.tr("New theme"))
        self.new_tag_edit.setPlaceholderText(self.tr("Add a theme, e.g. parks"))
        self.add_tag_button = QPushButton(self.tr("Add &Theme"), self)
        self.add_tag_button.setAccessibleName(self.tr("Add the theme to the room's list"))
        self.add_tag_button.clicked.connect(self.add_theme)
        self.new_tag_edit.returnPressed.connect(self.add_theme)

        self.stance_combo = QComboBox(self)
        self.stance_combo.setAccessibleName(self.tr("Stance"))
        self.stance_combo.addItem(self.tr("No stance"), None)
        for s in STANCES:
            self.stance_combo.addItem(stance_label(s), s)

        self.author_edit = QLineEdit(author, self)
        self.author_edit.setAccessibleName(self.tr("Author or group"))
        self.author_edit.setPlaceholderText(self.tr("Who says so (a name or a table)"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add Note"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update_ok)

        tag_row = QHBoxLayout()
        tag_row.addWidget(self.new_tag_edit, 1)
        tag_row.addWidget(self.add_tag_button)
        tags_box = QVBoxLayout()
        tags_box.addWidget(self.tags_list)
        tags_box.addLayout(tag_row)
        form = QFormLayout()
        form.addRow(self.tr("About:"), self.target_label)
        if choices:
            form.addRow(self.tr("&Department:"), self.target_combo)
        form.addRow(self.tr("&Note:"), self.text_edit)
        themes_label = QLabel(self.tr("T&hemes:"), self)
        themes_label.setBuddy(self.tags_list)  # a row holding a layout gets no buddy by itself
        form.addRow(themes_label, tags_box)
        form.addRow(self.tr("&Stance:"), self.stance_combo)
        form.addRow(self.tr("&Author:"), self.author_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, 520)
        self._update_ok()
        self.text_edit.setFocus()

    def _add_tag_item(self, tag: str, *, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(tag, self.tags_list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    def add_theme(self, name: str | None = None) -> None:
        """Add a theme to the list (ticked); an existing one is just ticked."""
        tags = clean_tags([name if isinstance(name, str) else self.new_tag_edit.text()])
        self.new_tag_edit.clear()
        if not tags:
            return
        tag = tags[0]
        for i in range(self.tags_list.count()):
            if self.tags_list.item(i).text() == tag:
                self.tags_list.item(i).setCheckState(Qt.CheckState.Checked)
                return
        self._themes.append(tag)
        self._add_tag_item(tag, checked=True)

    def set_checked(self, tags: Sequence[str]) -> None:
        for tag in tags:
            self.add_theme(tag)

    # --- what was entered

    def target(self) -> Target | None:
        if self.target_combo.count():
            return self.target_combo.currentData()
        return self._target

    def note(self) -> str:
        return self.text_edit.toPlainText().strip()

    def tags(self) -> tuple[str, ...]:
        return tuple(
            self.tags_list.item(i).text()
            for i in range(self.tags_list.count())
            if self.tags_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def themes(self) -> tuple[str, ...]:
        """The room's themes, with any added here."""
        return tuple(self._themes)

    def stance(self) -> str | None:
        return self.stance_combo.currentData()

    def author(self) -> str | None:
        return " ".join(self.author_edit.text().split()) or None
