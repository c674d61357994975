"""The Priorities view and the note dialog in Spanish, driven on the teaching budget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.core.priorities import AddAnnotation, default_tags, stance_label
from budgetbench.io.loader import load_budget
from budgetbench.io.session import Session
from budgetbench.ui.dialogs.note_dialog import NoteDialog
from budgetbench.ui.undo import push
from budgetbench.ui.views.priorities_view import PrioritiesView


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def room(qtbot, tmp_path, budget, spanish):
    session = Session.create(tmp_path / "sala.bbsession", budget)
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


def test_priorities_view_speaks_spanish(room, budget):
    view, session, stack = room
    assert QCoreApplication.translate("PrioritiesView", "Tally") == "Conteo"
    key = str(budget.lines["line_key"].iat[0])
    push(stack, session, AddAnnotation(("line", key), "Mantener", ("vivienda",), "protect", "Ana"))
    push(stack, session, AddAnnotation(("department", "Police"), "¿Por qué?", (), "question"))
    # The undo entry comes from the pure core's command, translated for the Edit menu.
    assert stack.undoText() == "Añadir nota"

    headers = [view.notes_table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Sobre", "Departamento", "Nota", "Temas", "Postura", "Autor"]
    about = [view.notes_table.item(r, 0).text() for r in range(2)]
    assert about[0].startswith("Partida: ") and about[1] == "Departamento: Police"
    stances = [view.notes_table.item(r, 4).text() for r in range(2)]
    assert stances == ["Protegerlo", "Cuestionarlo"]
    assert view.notes_count.text() == "2 notas"
    filters = [view.stance_filter.itemText(i) for i in range(view.stance_filter.count())]
    assert filters == ["Cualquiera", "Protegerlo", "Aumentarlo", "Recortarlo", "Cuestionarlo"]

    view.add_participant("Ana", "Norte")
    assert stack.undoText() == "Añadir participante"
    view.select_note(session.annotations()[1].id)
    view.place_dot_on_selected_item()
    assert stack.undoText() == "Colocar puntos"
    assert view.remaining_label.text() == "A Ana le quedan 4 de 5 puntos"
    assert view.roster.item(0, 2).text() == "4 de 5"
    board = view.board_text()
    assert "1 punto colocado" in board and "Por elemento" in board and "Por grupo" in board
    assert "Departamento: Police" in board

    messages = []
    view.message.connect(messages.append)
    view.set_dots_per_participant(0)  # fewer than Ana has placed: refused, in Spanish
    assert messages and messages[0].startswith("No se hizo: Ana ya colocó más de 0 puntos")

    english = translated_sources("ui.views.priorities_view", "core.priorities")
    left = [t for t in shown_texts(view) if t in english]
    assert left == [], f"still in English: {left}"


def test_note_dialog_and_core_words_speak_spanish(qtbot, spanish):
    assert stance_label("cut") == "Recortarlo"
    assert default_tags() == (
        "vivienda",
        "transporte público",
        "juventud",
        "seguridad pública",
        "bibliotecas",
    )
    dialog = NoteDialog(("department", "Police"), "Departamento: Police", default_tags())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Añadir una nota"
    assert dialog.ok_button.text() == "Añadir nota"
    stances = [dialog.stance_combo.itemText(i) for i in range(dialog.stance_combo.count())]
    assert stances == ["Sin postura", "Protegerlo", "Aumentarlo", "Recortarlo", "Cuestionarlo"]
    assert dialog.tags_list.accessibleName() == "Temas"
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"&Nota:", "T&emas:", "&Postura:", "&Autor:"} <= labels
    english = translated_sources("ui.dialogs.note_dialog", "core.priorities")
    left = [t for t in shown_texts(dialog) if t in english]
    assert left == [], f"still in English: {left}"


def test_core_words_are_english_without_a_translator():
    assert stance_label("cut") == "Cut it"
    assert default_tags()[0] == "housing"
