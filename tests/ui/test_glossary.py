"""The glossary window (F1), its search, and glossary terms underlined in labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QToolTip

from budgetbench import paths
from budgetbench.core.tour import load_glossary
from budgetbench.ui.glossary import GlossaryLabel, GlossaryWindow, definition_html, linkify
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings


@pytest.fixture
def glossary(qtbot):
    w = GlossaryWindow(lang="en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_typing_filters_terms_and_definitions(qtbot, glossary):
    total = len(load_glossary("en"))
    assert len(glossary.visible_terms()) == total
    qtbot.keyClicks(glossary.search_edit, "reserve")
    shown = glossary.visible_terms()
    assert shown[0] == "reserve"  # its name matches: first
    assert "encumbrance" in shown  # its definition says "reserved"
    assert len(shown) < total
    assert glossary.current_term() == "reserve"
    assert "two months" in glossary.definition_text()
    assert f"of {total} terms" in glossary.count_label.text()

    glossary.search_edit.clear()
    qtbot.keyClicks(glossary.search_edit, "retirees")  # a word only definitions have
    shown = glossary.visible_terms()
    assert {"fiduciary-fund", "defined-benefit-pension"} <= set(shown)
    assert "reserve" not in shown

    glossary.search_edit.clear()
    qtbot.keyClicks(glossary.search_edit, "qqqq")
    assert glossary.visible_terms() == []
    assert "No term matches" in glossary.definition_text()


def test_arrow_keys_in_the_search_box_move_through_the_list(qtbot, glossary):
    qtbot.keyClicks(glossary.search_edit, "fund")
    first, second = glossary.visible_terms()[:2]
    assert glossary.current_term() == first
    qtbot.keyClick(glossary.search_edit, Qt.Key.Key_Down)
    assert glossary.current_term() == second
    assert glossary.search_edit.hasFocus()


def test_see_also_links_and_show_term(glossary):
    glossary.show_term("general-fund")
    assert glossary.current_term() == "general-fund"
    html = glossary.definition_view.toHtml()
    assert "term:restricted-money" in html
    glossary.definition_view.anchorClicked.emit(QUrl("term:restricted-money"))
    assert glossary.current_term() == "restricted-money"
    # a term hidden by the search is shown by clearing it
    glossary.search_edit.setText("sewer")
    glossary.show_term("opeb")
    assert glossary.search_edit.text() == "" and glossary.current_term() == "opeb"


def test_definitions_are_shown_large(glossary):
    assert glossary.definition_view.font().pointSizeF() >= 1.4 * glossary.font().pointSizeF()


def test_spanish_glossary(glossary):
    glossary.set_language("es")
    glossary.search_edit.setText("jubilacion")  # without the accent
    assert "personnel-costs" in glossary.visible_terms()
    shown = load_glossary("es").get(glossary.current_term())
    assert shown.definition in glossary.definition_text()
    assert "Costos de personal" in [
        glossary.term_list.item(i).text() for i in range(glossary.term_list.count())
    ]


def test_f1_opens_the_glossary_from_the_help_menu(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "s.ini"))
    qtbot.addWidget(w)
    dialog = w.glossary_window  # installed by the window
    w.show()
    qtbot.waitExposed(w)
    w.windowHandle().requestActivate()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    help_menu = [a.menu() for a in w.menuBar().actions() if a.menu() is not None][-1]
    assert dialog.toggle_action in help_menu.actions()
    assert not dialog.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert dialog.isVisible()
    assert dialog.findChild(type(dialog.search_edit), "glossarySearch") is dialog.search_edit


def test_linkify_marks_terms_and_escapes_text():
    html = linkify("Fees <b>&</b> the General Fund\nnext line", "en")
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html
    assert '<a href="term:general-fund"' in html and ">General Fund</a>" in html
    assert "<br>" in html
    assert linkify("nothing to see", "en") == "nothing to see"


def test_glossary_label_explains_on_hover(qtbot):
    label = GlossaryLabel("Police and Fire are 64% of the General Fund", "en")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert label.plain_text() == "Police and Fire are 64% of the General Fund"
    assert "term:general-fund" in label.text()
    label.linkHovered.emit("term:general-fund")
    assert "main pot" in QToolTip.text()
    label.set_language("es")
    label.linkHovered.emit("term:general-fund")
    assert "bolsa principal" in QToolTip.text()


def test_chart_titles_underline_glossary_terms_and_define_them_on_hover(qtbot, tmp_path):
    from budgetbench.io.loader import load_budget

    w = MainWindow(settings=Settings(path=tmp_path / "t.ini"))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.show_budget(load_budget(paths.teaching_sample()), None)
    w.show_view("explore")
    w.explore_view.select({"fund_name": "General Fund"})
    canvas = w.explore_view._chart.canvas
    regions, _lang = canvas._glossary_regions
    terms = [term for _box, term in regions]
    assert terms, "the title names a glossary term"
    (x0, y0, x1, y1), term = regions[0]
    from matplotlib.lines import Line2D

    dotted = [a for a in w.explore_view._chart.figure.artists if isinstance(a, Line2D)]
    assert len(dotted) >= len(regions)  # each term is underlined
    from matplotlib.backend_bases import MouseEvent

    MouseEvent("motion_notify_event", canvas, (x0 + x1) / 2, (y0 + y1) / 2)._process()
    assert definition_html(term) and canvas.toolTip() == definition_html(term)
    MouseEvent("motion_notify_event", canvas, 5, 5)._process()
    assert canvas.toolTip() == ""
    w.close()
