"""The Priorities view as a trainer drives it: notes and filters, roster, dot-vote, tally."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from budgetbench import paths
from budgetbench.core.priorities import AddAnnotation
from budgetbench.io.loader import load_budget
from budgetbench.io.session import Session
from budgetbench.ui.undo import push
from budgetbench.ui.views.priorities_view import PrioritiesView


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def setup(qtbot, tmp_path, budget):
    session = Session.create(tmp_path / "room.bbsession", budget)
    stack = QUndoStack()
    view = PrioritiesView(stack)
    qtbot.addWidget(view)
    view.set_budget(budget)
    view.set_session(session)
    view.resize(1280, 720)
    view.show()
    yield view, session, stack
    stack.clear()
    session.close()


def _line(budget, i=0):
    return str(budget.lines["line_key"].iat[i])


def _cells(view, column):
    return [view.notes_table.item(r, column).text() for r in range(view.notes_table.rowCount())]


def test_without_a_session_it_says_how_to_start(qtbot):
    view = PrioritiesView(QUndoStack())
    qtbot.addWidget(view)
    view.show()
    assert view.hint.isVisible() and "New Session" in view.hint.text()
    assert not view.splitter.isVisible()


def test_notes_show_in_words_and_filter(setup, budget):
    view, session, stack = setup
    key = _line(budget)
    dept = str(budget.lines["department"].iat[0])
    push(stack, session, AddAnnotation(("line", key), "Keep it", ("housing",), "protect", "Ana"))
    push(
        stack,
        session,
        AddAnnotation(
            ("department", "Police"), "Why so much?", ("public safety",), "question", "Table 2"
        ),
    )
    assert view.notes_table.rowCount() == 2
    about = _cells(view, 0)
    assert about[0].startswith("Line: ") and key not in about[0]
    assert about[1] == "Department: Police"
    assert _cells(view, 1) == [dept, "Police"]

    view.tag_filter.setCurrentIndex(view.tag_filter.findData("housing"))
    assert _cells(view, 2) == ["Keep it"]
    view.tag_filter.setCurrentIndex(0)
    view.stance_filter.setCurrentIndex(view.stance_filter.findData("question"))
    assert _cells(view, 2) == ["Why so much?"]
    view.stance_filter.setCurrentIndex(0)
    view.author_filter.setCurrentIndex(view.author_filter.findData("Ana"))
    assert _cells(view, 2) == ["Keep it"]
    view.author_filter.setCurrentIndex(0)
    view.department_filter.setText("poli")
    assert _cells(view, 2) == ["Why so much?"]
    assert "1 of 2" in view.notes_count.text()

    view.department_filter.clear()
    view.select_note(session.annotations()[1].id)
    view.delete_note_button.click()
    assert len(session.annotations()) == 1
    stack.undo()
    assert len(session.annotations()) == 2 and view.notes_table.rowCount() == 2


def test_roster_dot_vote_and_live_tally(setup, budget):
    view, session, stack = setup
    push(stack, session, AddAnnotation(("department", "Parks"), "More hours", ("youth",)))
    view.name_edit.setText("Ana")
    view.group_edit.setText("Northside")
    view.add_participant_button.click()
    view.add_participant("Ben")
    assert [p.name for p in session.participants()] == ["Ana", "Ben"]
    assert view.roster.rowCount() == 2
    assert "No dots placed yet" in view.board_text()

    view.voter_combo.setCurrentIndex(view.voter_combo.findData("Ana"))
    view.select_note(session.annotations()[0].id)
    view.dot_item_button.click()
    view.dot_item_button.click()
    view.theme_combo.setCurrentIndex(view.theme_combo.findData("transit"))
    view.dot_theme_button.click()
    assert "Ana has 2 of 5 dots left" in view.remaining_label.text()
    text = view.board_text()
    assert "3 dots placed" in text
    assert "Department: Parks" in text and "Northside" in text
    t = session.tally()
    assert t.by_item == {("department", "Parks"): 2}
    assert t.by_theme == {"youth": 2, "transit": 1}

    stack.undo()  # the theme dot
    assert session.tally().total == 2 and "2 dots placed" in view.board_text()
    stack.redo()
    assert session.tally().total == 3

    # More dots than one has: refused, said, nothing changes.
    messages = []
    view.message.connect(messages.append)
    for _ in range(3):
        view.place_dot(("theme", "housing"))
    assert session.tally().total == 5 and messages and "Not done" in messages[0]

    view.set_dots_per_participant(8)
    assert {p.dots for p in session.participants()} == {8}
    view.roster.selectRow(0)
    view.remove_participant_button.click()
    assert [p.name for p in session.participants()] == ["Ben"]
    assert session.tally().total == 0
    stack.undo()
    assert session.tally().total == 5


def test_renders_readably_at_projector_size(setup, budget, tmp_path):
    view, session, stack = setup
    push(stack, session, AddAnnotation(("line", _line(budget)), "Keep it", ("housing",)))
    view.add_participant("Ana")
    view.select_note(session.annotations()[0].id)
    view.place_dot_on_selected_item()
    image = view.grab()
    assert image.width() == 1280
    assert image.save(str(tmp_path / "priorities.png"))


def test_tally_only_hides_the_rest_for_the_projector(setup):
    view, _session, _stack = setup
    view.projector_button.click()
    assert not view._top.isVisible() and view.board.isVisible()
    view.set_tally_only(False)
    assert view._top.isVisible() and not view.projector_button.isChecked()
