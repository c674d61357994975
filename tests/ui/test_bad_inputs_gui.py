"""Bad files opened in the window: a clear dialog, and the budget that was open stays open."""

from __future__ import annotations

import os

import pytest
from bad_inputs.make import CASES
from PySide6.QtWidgets import QMessageBox

from budgetbench import paths
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings

#: Files the window must refuse with an error dialog.
REFUSED = [
    "truncated.xlsx",
    "encrypted.xlsx",
    "zip_bomb_lying.xlsx",
    "laughs_in_sheet.xlsx",
    "far_corner.xlsx",
    "huge_string_count.xlsx",
    "binary_junk.csv",
    "page.html.xls",
]
if os.name == "posix":
    REFUSED.append("dev_zero.csv")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_gui")
    wanted = {*REFUSED, "only_header.csv"}
    out = {}
    for case in CASES:
        if case.name in wanted:
            case.build(folder / case.name)
            out[case.name] = folder / case.name
    return out


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.budget_loaded, timeout=30_000):
        w.open_file(str(paths.teaching_sample()))
    yield w
    w.runner.cancel()
    w.runner.wait(5000)
    w.mapping_runner.cancel()
    w.mapping_runner.wait(5000)


def test_each_bad_file_shows_a_dialog_and_keeps_the_budget(qtbot, window, files):
    before = window.budget
    rows = window.data_view.model.rowCount()
    for name in REFUSED:
        with qtbot.waitSignal(window.load_failed, timeout=30_000) as blocker:
            window.open_file(str(files[name]))
        message = blocker.args[0]
        assert message and "\n" not in message, (name, message)
        box = window.error_box
        assert isinstance(box, QMessageBox) and box.isVisible(), name
        assert name in box.text()
        assert "Traceback" not in box.informativeText()
        assert "stays open" in box.informativeText()
        box.close()
        assert window.budget is before, name
        assert window.data_view.model.rowCount() == rows
        assert not window.runner.busy
    assert "sycamore" in window.windowTitle().lower()


def test_a_file_with_no_table_offers_the_mapping_wizard_and_keeps_the_budget(qtbot, window, files):
    before = window.budget
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as blocker:
        window.open_file(str(files["only_header.csv"]))
    wizard = blocker.args[0]
    assert wizard.isVisible()
    assert window.budget is before
    wizard.reject()
    assert window.budget is before
    assert window.data_view.model.rowCount() == len(before)
