"""On a projector the Pensions and Tradeoffs charts get the room: their levers step aside while
presenting (View ▸ Show Levers brings them back) and return as they were on leaving."""

from __future__ import annotations

from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings


def test_levers_step_aside_while_presenting(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    assert w.pensions_view.levers_shown() and w.tradeoffs_view.levers_shown()
    w.presenter.enter()
    assert not w.pensions_view.levers_shown() and not w.tradeoffs_view.levers_shown()
    assert not w.levers_action.isChecked()
    w.levers_action.trigger()  # the trainer wants them after all
    assert w.tradeoffs_view.levers_shown()
    w.presenter.leave()
    assert w.pensions_view.levers_shown() and w.tradeoffs_view.levers_shown()
    w.levers_action.trigger()
    assert not w.pensions_view.levers_shown()
    w.presenter.enter()
    w.presenter.leave()
    assert not w.pensions_view.levers_shown()  # hidden before presenting: still hidden
    w.close()
