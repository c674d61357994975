"""The Priorities view: what the room cares about.

Every note (filterable by theme, stance, author and department), the participants, the
dot-vote (each participant places their dots on noted items or on themes, entered by the
trainer or by passing the laptop) and a tally board in big type for the projector, by item,
by theme and by group. The view reads the session and changes it only through the undo stack
it was given (:func:`budgetbench.ui.undo.push`), so every edit can be undone.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core.priorities import (
    STANCES,
    THEME,
    CastVotes,
    Macro,
    RemoveParticipant,
    SetParticipant,
    Target,
    stance_label,
)
from budgetbench.core.progress import BudgetError
from budgetbench.ui.undo import push

if TYPE_CHECKING:
    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

ANY = "__any__"
#: Points of the tally board's text: readable from the back of a room on a projector.
BOARD_PT = 18


class PrioritiesView(QWidget):
    """Signals ``message(str)`` for the status bar (a refused edit, say)."""

    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prioritiesView")
        self.undo_stack = undo_stack
        self._session: Session | None = None
        self._budget: Budget | None = None
        self._line_words: dict[str, tuple[str, str]] | None = None
        self._shown_notes: list[Any] = []
        self._build()
        self.undo_stack.indexChanged.connect(self.refresh)
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.hint = QLabel(
            self.tr(
                "No session is open. Open a budget, then File ▸ New Session… to take notes,"
                " tag themes and run a dot-vote."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Notes and their filters.
        self.tag_filter = self._combo(self.tr("Filter notes by theme"))
        self.stance_filter = self._combo(self.tr("Filter notes by stance"))
        self.author_filter = self._combo(self.tr("Filter notes by author"))
        self.department_filter = QLineEdit(self)
        self.department_filter.setAccessibleName(self.tr("Filter notes by department"))
        self.department_filter.setPlaceholderText(self.tr("Department contains…"))
        self.department_filter.setClearButtonEnabled(True)
        self.department_filter.textChanged.connect(self._fill_notes)
        self.notes_table = QTableWidget(0, 6, self)
        self.notes_table.setAccessibleName(self.tr("Notes"))
        self.notes_table.setHorizontalHeaderLabels(
            [
                self.tr("About"),
                self.tr("Department"),
                self.tr("Note"),
                self.tr("Themes"),
                self.tr("Stance"),
                self.tr("Author"),
            ]
        )
        self.notes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes_table.setWordWrap(True)
        self.notes_table.verticalHeader().hide()
        header = self.notes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(500)  # fit columns to a sample, not 10,000 rows
        self.notes_table.itemSelectionChanged.connect(self._update_buttons)
        self.notes_count = QLabel(self)
        self.delete_note_button = QPushButton(self.tr("&Delete Note"), self)
        self.delete_note_button.setAccessibleName(self.tr("Delete the selected note"))
        self.delete_note_button.clicked.connect(self.delete_selected_note)

        filters = QHBoxLayout()
        for label, w in (
            (self.tr("T&heme:"), self.tag_filter),
            (self.tr("St&ance:"), self.stance_filter),
            (self.tr("A&uthor:"), self.author_filter),
        ):
            lab = QLabel(label, self)
            lab.setBuddy(w)
            filters.addWidget(lab)
            filters.addWidget(w)
        filters.addWidget(self.department_filter, 1)
        notes_box = QGroupBox(self.tr("Notes"), self)
        nl = QVBoxLayout(notes_box)
        nl.addLayout(filters)
        nl.addWidget(self.notes_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.notes_count, 1)
        row.addWidget(self.delete_note_button)
        nl.addLayout(row)

        # Participants.
        self.roster = QTableWidget(0, 3, self)
        self.roster.setAccessibleName(self.tr("Participants"))
        self.roster.setHorizontalHeaderLabels(
            [self.tr("Participant"), self.tr("Group"), self.tr("Dots left")]
        )
        self.roster.verticalHeader().hide()
        self.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.roster.itemSelectionChanged.connect(self._roster_selected)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Participant's name"))
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.group_edit = QLineEdit(self)
        self.group_edit.setAccessibleName(self.tr("Participant's group"))
        self.group_edit.setPlaceholderText(self.tr("Group (optional)"))
        self.add_participant_button = QPushButton(self.tr("Add &Participant"), self)
        self.add_participant_button.clicked.connect(self.add_participant)
        self.name_edit.returnPressed.connect(self.add_participant)
        self.remove_participant_button = QPushButton(self.tr("&Remove"), self)
        self.remove_participant_button.setAccessibleName(
            self.tr("Remove the selected participant and their dots")
        )
        self.remove_participant_button.clicked.connect(self.remove_selected_participant)
        people_box = QGroupBox(self.tr("Participants"), self)
        pl = QVBoxLayout(people_box)
        pl.addWidget(self.roster, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.group_edit, 1)
        add_row.addWidget(self.add_participant_button)
        add_row.addWidget(self.remove_participant_button)
        pl.addLayout(add_row)

        # The dot-vote.
        self.voter_combo = self._combo(self.tr("Who is placing dots"), filter_=False)
        self.voter_combo.currentIndexChanged.connect(self._update_remaining)
        self.dots_spin = QSpinBox(self)
        self.dots_spin.setRange(1, 50)
        self.dots_spin.setValue(5)
        self.dots_spin.setAccessibleName(self.tr("Dots per participant"))
        self.dots_spin.setToolTip(self.tr("How many dots each participant has to place"))
        self.dots_spin.editingFinished.connect(self._dots_edited)
        self.theme_combo = self._combo(self.tr("Theme to place a dot on"), filter_=False)
        self.dot_item_button = QPushButton(self.tr("Dot on the Selected Note's &Item"), self)
        self.dot_item_button.setToolTip(
            self.tr("Place one of this participant's dots on what the selected note is about")
        )
        self.dot_item_button.clicked.connect(self.place_dot_on_selected_item)
        self.dot_theme_button = QPushButton(self.tr("Dot on This T&heme"), self)
        self.dot_theme_button.clicked.connect(self.place_dot_on_theme)
        self.clear_dots_button = QPushButton(self.tr("&Take Back Dots"), self)
        self.clear_dots_button.setAccessibleName(
            self.tr("Take back all of this participant's dots")
        )
        self.clear_dots_button.clicked.connect(self.clear_dots)
        self.remaining_label = QLabel(self)
        self.remaining_label.setAccessibleName(self.tr("Dots left"))
        font = self.remaining_label.font()
        font.setBold(True)
        self.remaining_label.setFont(font)
        vote_box = QGroupBox(self.tr("Dot-Vote"), self)
        form = QFormLayout(vote_box)
        form.addRow(self.tr("&Voter:"), self.voter_combo)
        form.addRow(self.tr("Dots &each:"), self.dots_spin)
        form.addRow("", self.remaining_label)
        form.addRow("", self.dot_item_button)
        theme_row = QHBoxLayout()
        theme_row.addWidget(self.theme_combo, 1)
        theme_row.addWidget(self.dot_theme_button)
        theme_label = QLabel(self.tr("Th&eme:"), vote_box)
        theme_label.setBuddy(self.theme_combo)  # a row of widgets gets no buddy by itself
        form.addRow(theme_label, theme_row)
        form.addRow("", self.clear_dots_button)

        # The tally board.
        self.board = QLabel(self)
        self.board.setObjectName("tallyBoard")
        self.board.setAccessibleName(self.tr("Tally board"))
        self.board.setTextFormat(Qt.TextFormat.RichText)
        self.board.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.board.setWordWrap(True)
        self.board.setStyleSheet(f"QLabel#tallyBoard {{ font-size: {BOARD_PT}pt; padding: 4px; }}")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.board)
        board_box = QGroupBox(self.tr("Tally"), self)
        bl = QVBoxLayout(board_box)
        bl.addWidget(scroll, 1)
        vote_box.setMaximumWidth(420)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(notes_box)
        top.addWidget(people_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        bottom = QWidget(self)
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(vote_box, 0, Qt.AlignmentFlag.AlignTop)
        bottom_layout.addWidget(board_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._top = top
        self.projector_button = QPushButton(self.tr("Show Only the Tall&y"), self)
        self.projector_button.setCheckable(True)
        self.projector_button.setToolTip(
            self.tr("For the projector: hide the notes and participants, keep the tally large")
        )
        self.projector_button.toggled.connect(self.set_tally_only)
        form.addRow("", self.projector_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter, 1)

    def set_tally_only(self, on: bool) -> None:
        """Hide the notes and the roster so the tally fills the view (for the projector)."""
        self._top.setVisible(not on)
        if self.projector_button.isChecked() != on:
            self.projector_button.setChecked(on)

    def _combo(self, accessible: str, *, filter_: bool = True) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if filter_:
            combo.currentIndexChanged.connect(self._fill_notes)
        return combo

    # --- inputs -----------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_refresh_when_shown", False):
            self.refresh()

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.refresh()

    def set_budget(self, budget: Budget | None, report: Any = None) -> None:
        del report
        self._budget = budget
        self._line_words = None
        self.refresh()

    # --- words ------------------------------------------------------------------------------

    def _lines(self) -> dict[str, tuple[str, str]]:
        """``{line_key: (department, words)}`` of the open budget (made when first needed)."""
        if self._line_words is None:
            self._line_words = {}
            if self._budget is not None and len(self._budget):
                df = self._budget.lines.drop_duplicates("line_key")
                cols = [c for c in ("department", "program", "account_name") if c in df.columns]
                for key, *values in zip(
                    df["line_key"].tolist(), *(df[c].tolist() for c in cols), strict=True
                ):
                    parts = dict(zip(cols, values, strict=True))
                    words = " ▸ ".join(str(v) for v in values if v and str(v) != "nan")
                    self._line_words[str(key)] = (str(parts.get("department") or ""), words)
        return self._line_words

    def describe(self, target: Target, anchor: dict | None = None) -> str:
        """A target in words (``Line: Police ▸ Patrol ▸ Overtime``, ``Theme: housing``)."""
        level, key = target
        if level == THEME:
            return self.tr("Theme: {0}").format(key)
        if level == "line":
            words = self._lines().get(key, ("", ""))[1]
            if not words and anchor:
                words = " ▸ ".join(
                    str(anchor[c])
                    for c in ("department", "program", "account_name")
                    if anchor.get(c)
                )
            return self.tr("Line: {0}").format(words or key)
        pattern = {
            "department": self.tr("Department: {0}"),
            "fund": self.tr("Fund: {0}"),
            "program": self.tr("Program: {0}"),
        }.get(level, "{1}: {0}")
        return pattern.format(key, level)

    def _department(self, note) -> str:
        if note.level == "department":
            return note.key
        if note.level == "line":
            return self._lines().get(note.key, (note.anchor.get("department", ""), ""))[0]
        return ""

    # --- showing ----------------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        """Read everything again from the session (after any edit, undo or redo); a tab
        not showing in a shown window reads again when it is next shown."""
        self._refresh_when_shown = self.window().isVisible() and not self.isVisible()
        if self._refresh_when_shown:
            return
        on = self._session is not None
        self.hint.setVisible(not on)
        self.splitter.setVisible(on)
        if not on:
            return
        self._fill_filters()
        self._fill_notes()
        self._fill_roster()
        self._fill_vote()
        self._fill_board()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        was = combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(was)

    def _fill_filters(self) -> None:
        assert self._session is not None
        notes = self._session.annotations()
        tags = list(self._session.tags())
        tags += sorted({t for a in notes for t in a.tags} - set(tags))
        authors = sorted({a.author for a in notes if a.author})
        anything = [(self.tr("Any"), ANY)]
        self._refill(self.tag_filter, anything + [(t, t) for t in tags])
        self._refill(self.stance_filter, anything + [(stance_label(s), s) for s in STANCES])
        self._refill(self.author_filter, anything + [(a, a) for a in authors])
        self._refill(self.theme_combo, [(t, t) for t in tags])

    def filtered_notes(self) -> list:
        """The notes the filters let through, oldest first."""
        if self._session is None:
            return []
        tag, stance = self.tag_filter.currentData(), self.stance_filter.currentData()
        author = self.author_filter.currentData()
        dept = self.department_filter.text().strip().lower()
        return [
            a
            for a in self._session.annotations()
            if (tag in (None, ANY) or tag in a.tags)
            and (stance in (None, ANY) or a.stance == stance)
            and (author in (None, ANY) or a.author == author)
            and (not dept or dept in self._department(a).lower())
        ]

    def _fill_notes(self, *_args) -> None:
        if self._session is None:
            return
        selected = self.selected_note()
        notes = self.filtered_notes()
        self._shown_notes = notes
        table = self.notes_table
        table.setUpdatesEnabled(False)  # one repaint for the whole table, not one per cell
        table.setRowCount(len(notes))
        unplaced = {a.id for a in self._session.unplaced}
        for r, a in enumerate(notes):
            about = self.describe(a.target, dict(a.anchor))
            if a.id in unplaced:
                about = self.tr("{0} (not in this budget)").format(about)
            cells = (
                about,
                self._department(a),
                a.text,
                ", ".join(a.tags),
                stance_label(a.stance) if a.stance else "",
                a.author or "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 2):  # the columns that may be cut short
                    item.setToolTip(text)
                table.setItem(r, c, item)
        table.setUpdatesEnabled(True)
        total = len(self._session.annotations())
        self.notes_count.setText(
            self.tr("{0} of {1} notes").format(len(notes), total)
            if len(notes) != total
            else (self.tr("1 note") if total == 1 else self.tr("{0} notes").format(total))
        )
        if selected is not None:
            ids = [a.id for a in notes]
            if selected.id in ids:
                table.selectRow(ids.index(selected.id))
        # The note itself (the stretching column) keeps at least a third of the table.
        room = max(table.viewport().width(), 600) // 3
        for c in (0, 1, 3, 4, 5):
            table.resizeColumnToContents(c)
            table.setColumnWidth(c, min(table.columnWidth(c), room if c == 0 else room // 2))
        self._update_buttons()

    def _fill_roster(self) -> None:
        assert self._session is not None
        people = self._session.participants()
        used = self._used()
        name = self.selected_participant()
        was = self.roster.blockSignals(True)
        self.roster.setRowCount(len(people))
        for r, p in enumerate(people):
            for c, text in enumerate(
                (
                    p.name,
                    p.group or "",
                    self.tr("{0} of {1}").format(p.dots - used.get(p.name, 0), p.dots),
                )
            ):
                self.roster.setItem(r, c, QTableWidgetItem(text))
            if p.name == name:
                self.roster.selectRow(r)
        self.roster.blockSignals(was)

    def _used(self) -> dict[str, int]:
        used: dict[str, int] = defaultdict(int)
        if self._session is not None:
            for v in self._session.votes():
                used[v.participant] += v.dots
        return used

    def _fill_vote(self) -> None:
        assert self._session is not None
        self._refill(self.voter_combo, [(p.name, p.name) for p in self._session.participants()])
        self.dots_spin.setValue(self._session.dots_per_participant)
        self._update_remaining()

    def _update_remaining(self, *_args) -> None:
        who = self.voter()
        if who is None or self._session is None:
            self.remaining_label.setText(self.tr("Add participants to start the dot-vote"))
        else:
            p = self._session.participant(who)
            left = (p.dots if p else 0) - self._used().get(who, 0)
            self.remaining_label.setText(
                self.tr("{0} has {1} of {2} dots left").format(who, left, p.dots if p else 0)
            )
        self._update_buttons()

    def _fill_board(self) -> None:
        assert self._session is not None
        t = self._session.tally()
        if not t.total:
            self.board.setText(
                self.tr("No dots placed yet. Pick a voter, select a note, place a dot.")
            )
            return

        def rows(counts: dict, words) -> str:
            return "".join(
                f"<tr><td align='right'><b>{n}</b></td><td>&nbsp;{html.escape(words(k))}</td></tr>"
                for k, n in list(counts.items())[:8]
            )

        item_words = self.describe
        cols = [
            (self.tr("By item"), rows(t.by_item, item_words)),
            (self.tr("By theme"), rows(t.by_theme, str)),
        ]
        no_group = self.tr("No group")
        groups = "".join(
            f"<tr><td colspan=2><i>{html.escape(g or no_group)}</i></td></tr>"
            + rows(counts, item_words)
            for g, counts in t.by_group.items()
        )
        cols.append((self.tr("By group"), groups))
        cells = "".join(
            f"<td valign='top' width='33%'><h3>{html.escape(title)}</h3><table>{body}</table></td>"
            for title, body in cols
        )
        placed = self.tr("1 dot placed") if t.total == 1 else self.tr("{0} dots placed")
        board = (
            f"<p>{html.escape(placed.format(t.total))}</p>"
            f"<table width='100%' cellspacing='12'><tr>{cells}</tr></table>"
        )
        self.board.setText(board)

    def board_text(self) -> str:
        """The tally board as plain text (what the room reads)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.board.text())
        return doc.toPlainText()

    def _update_buttons(self, *_args) -> None:
        has_note = self.selected_note() is not None
        voter = self.voter() is not None
        self.delete_note_button.setEnabled(has_note)
        self.dot_item_button.setEnabled(has_note and voter)
        self.dot_theme_button.setEnabled(voter and self.theme_combo.count() > 0)
        self.clear_dots_button.setEnabled(voter)
        self.remove_participant_button.setEnabled(self.selected_participant() is not None)

    # --- selection --------------------------------------------------------------------------

    def selected_note(self):
        rows = {i.row() for i in self.notes_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        r = rows.pop()
        return self._shown_notes[r] if r < len(self._shown_notes) else None

    def select_note(self, annotation_id: int) -> None:
        for r, a in enumerate(self._shown_notes):
            if a.id == annotation_id:
                self.notes_table.selectRow(r)

    def selected_participant(self) -> str | None:
        rows = {i.row() for i in self.roster.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.roster.item(rows.pop(), 0)
        return item.text() if item else None

    def voter(self) -> str | None:
        return self.voter_combo.currentData()

    def _roster_selected(self) -> None:
        name = self.selected_participant()
        if name is not None:
            i = self.voter_combo.findData(name)
            if i >= 0:
                self.voter_combo.setCurrentIndex(i)
        self._update_buttons()

    # --- edits (all through the undo stack) -------------------------------------------------

    def _push(self, command) -> bool:
        if self._session is None:
            return False
        try:
            push(self.undo_stack, self._session, command)
        except (BudgetError, ValueError, KeyError) as exc:
            text = exc.message if isinstance(exc, BudgetError) else str(exc)
            self.message.emit(self.tr("Not done: {0}").format(text))
            return False
        return True

    def delete_selected_note(self) -> None:
        from budgetbench.core.priorities import DeleteAnnotation

        note = self.selected_note()
        if note is not None:
            self._push(DeleteAnnotation(note.id))

    def add_participant(self, name: str | None = None, group: str | None = None) -> None:
        name = " ".join((name if isinstance(name, str) else self.name_edit.text()).split())
        if not name or self._session is None:
            return
        group = group if group is not None else (self.group_edit.text().strip() or None)
        dots = self._session.dots_per_participant
        if self._push(SetParticipant(name, group, dots, text=self.tr("Add participant"))):
            self.name_edit.clear()
            self.voter_combo.setCurrentIndex(max(self.voter_combo.findData(name), 0))

    def remove_selected_participant(self) -> None:
        name = self.selected_participant()
        if name is not None:
            self._push(RemoveParticipant(name))

    def _placements(self, who: str) -> dict[Target, int]:
        assert self._session is not None
        out: dict[Target, int] = defaultdict(int)
        for v in self._session.votes_of(who):
            out[v.target] += v.dots
        return dict(out)

    def place_dot(self, target: Target, dots: int = 1) -> bool:
        """Place ``dots`` more of the current voter's dots on ``target``."""
        who = self.voter()
        if who is None or self._session is None:
            return False
        placements = self._placements(who)
        placements[target] = placements.get(target, 0) + dots
        return self._push(CastVotes(who, placements))

    def place_dot_on_selected_item(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.place_dot(note.target)

    def place_dot_on_theme(self) -> None:
        tag = self.theme_combo.currentData()
        if tag:
            self.place_dot((THEME, tag))

    def clear_dots(self) -> None:
        who = self.voter()
        if who is not None:
            self._push(CastVotes(who, {}, text=self.tr("Take back dots")))

    def _dots_edited(self) -> None:
        self.set_dots_per_participant(self.dots_spin.value())

    def set_dots_per_participant(self, n: int) -> None:
        """Give everyone ``n`` dots (one undo step); new participants get ``n`` too."""
        if self._session is None or n == self._session.dots_per_participant:
            return
        people = self._session.participants()
        used = self._used()
        short = [p.name for p in people if used.get(p.name, 0) > n]
        if short:
            self.message.emit(
                self.tr("Not done: {0} already placed more than {1} dots").format(
                    ", ".join(short), n
                )
            )
            self.dots_spin.setValue(self._session.dots_per_participant)
            return
        try:
            self._session.set_value("dots_per_participant", int(n))
        except BudgetError as exc:
            self.message.emit(self.tr("Not done: {0}").format(exc.message))
            return
        commands = tuple(SetParticipant(p.name, p.group, n) for p in people)
        if commands:
            self._push(Macro(commands, text=self.tr("Change dots per participant")))
        else:
            self.refresh()
