"""The mapping wizard as a user drives it, and the window's ways into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from budgetbench.io import normalize
from budgetbench.io.loader import load_budget
from budgetbench.io.mapping import ColumnMapping, ProfileStore, SheetMapping
from budgetbench.io.readers import read_sheets
from budgetbench.ui.dialogs.mapping_wizard import MappingWizard
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings

MESSY = (
    Path(__file__).resolve().parents[2]
    / "sample_budgets"
    / ("bayview_heights_fy26_proposed_messy.xlsx")
)

SMALL_CSV = (
    "Fund,Department,Account,FY2024-25 Actual,FY2025-26 Adopted\n"
    "General Fund,Police,Salaries,90,100\n"
    "General Fund,Police,Overtime,15,20\n"
    "General Fund,Fire,Salaries,70,80\n"
    "Parks Fund,Parks,Supplies,4,5\n"
)


@pytest.fixture
def small_csv(tmp_path):
    path = tmp_path / "springfield_budget.csv"
    path.write_text(SMALL_CSV, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    return ProfileStore(tmp_path / "profiles")


def make_wizard(qtbot, path, store, mapping=None) -> MappingWizard:
    sheets = read_sheets(path)
    if mapping is None:
        mapping = normalize.detect_mapping(sheets, path)
    wizard = MappingWizard(path, sheets, mapping, store=store)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def edit(qtbot, wizard, action) -> None:
    """Do ``action`` and wait for the (coalesced) live preview that follows it."""
    with qtbot.waitSignal(wizard.preview_updated, timeout=5000):
        action()


def choose(combo: QComboBox, data) -> None:
    k = combo.findData(data)
    assert k >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(k)


def column_of(wizard: MappingWizard, header_text: str) -> int:
    for j in range(wizard.raw_model.columnCount()):
        if header_text.lower() in wizard.column_row(j).header.toolTip().lower():
            return j
    raise AssertionError(f"no column headed {header_text!r}")


# ---- the small CSV ---------------------------------------------------------------------------
def test_preview_follows_roles_and_units(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    assert w.ok_button.isEnabled()
    assert w.error_label.isHidden()
    assert w.totals() == {(2025, "actual", "expense"): 179.0, (2026, "adopted", "expense"): 205.0}
    assert w.lines_table.rowCount() == 8
    assert w.totals_table.rowCount() == 2

    edit(qtbot, w, lambda: choose(w.units_combo, 1000.0))
    assert w.totals() == {
        (2025, "actual", "expense"): 179_000.0,
        (2026, "adopted", "expense"): 205_000.0,
    }
    assert "$205,000" in [
        w.totals_table.item(i, 4).text() for i in range(w.totals_table.rowCount())
    ]

    # The actual column is not imported any more: only the adopted year is left.
    edit(qtbot, w, lambda: choose(w.column_row(3).role, "ignore"))
    assert w.totals() == {(2026, "adopted", "expense"): 205_000.0}
    assert "ignore" not in w.raw_model.headerData(3, Qt.Orientation.Horizontal)

    # An override: the adopted column holds revenue.
    edit(qtbot, w, lambda: choose(w.column_row(4).direction, "revenue"))
    assert w.totals() == {(2026, "adopted", "revenue"): 205_000.0}
    assert not w.column_row(3).extras.isVisibleTo(w)
    assert w.column_row(4).extras.isVisibleTo(w)

    # Department no longer imported: the preview's lines say nothing of it.
    edit(qtbot, w, lambda: choose(w.column_row(1).role, "ignore"))
    assert set(w.preview_lines["department"]) == {""}
    m = w.mapping()
    assert m.sheets[0].columns == {0: "fund_name", 2: "account_name"}
    assert [a.index for a in m.sheets[0].amounts] == [4]
    assert m.sheets[0].unit_scale == 1000.0
    assert m.confidence == 1.0 and m.doubts == []


def test_edits_in_a_burst_are_previewed_once(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    seen = []
    w.preview_updated.connect(lambda: seen.append(1))
    choose(w.units_combo, 1000.0)
    choose(w.units_combo, 1_000_000.0)
    choose(w.sign_combo, True)
    assert seen == []  # nothing is recomputed while the edits keep coming
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=3000)
    qtbot.wait(300)
    assert len(seen) == 1
    assert w.totals()[(2026, "adopted", "expense")] == 205_000_000.0


def test_header_row_and_guess(qtbot, tmp_path, store):
    path = tmp_path / "titled.csv"
    path.write_text(
        "City of Springfield,,,,\nProposed budget (amounts in dollars),,,,\n,,,,\n" + SMALL_CSV,
        encoding="utf-8",
    )
    sheets = read_sheets(path)
    wrong = ColumnMapping(sheets=[SheetMapping(sheet="", header_rows=(0,))], confidence=0.2)
    w = make_wizard(qtbot, path, store, mapping=wrong)
    assert not w.ok_button.isEnabled()
    assert w.error_label.isVisibleTo(w)
    assert w.header_spin.value() == 1  # 1-based, as the spreadsheet shows it
    assert w.doubts_box.isVisibleTo(w)

    edit(qtbot, w, lambda: w.header_spin.setValue(4))
    assert w.mapping().sheets[0].header_rows == (3,)
    assert "Fund" in w.column_row(0).header.text()
    bold = w.raw_model.data(w.raw_model.index(3, 0), Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    assert w.raw_model.data(w.raw_model.index(3, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert w.raw_model.data(w.raw_model.index(4, 0), Qt.ItemDataRole.BackgroundRole) is None

    edit(qtbot, w, lambda: qtbot.mouseClick(w.guess_button, Qt.MouseButton.LeftButton))
    assert w.ok_button.isEnabled(), w.preview_error
    assert w.totals()[(2026, "adopted", "expense")] == 205.0
    assert w.column_row(1).role.currentData() == "department"

    # A second header row: the stacked labels are read together.
    edit(qtbot, w, lambda: w.second_spin.setValue(5))
    assert w.mapping().sheets[0].header_rows == (3, 4)
    edit(qtbot, w, lambda: w.second_spin.setValue(w.second_spin.minimum()))
    assert w.mapping().sheets[0].header_rows == (3,)
    assert sheets[0].cells.shape == w.current_sheet.cells.shape


def test_an_invalid_mapping_says_why_and_disables_ok(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    edit(qtbot, w, lambda: choose(w.column_row(3).role, "ignore"))
    edit(qtbot, w, lambda: choose(w.column_row(4).role, "ignore"))
    assert w.error_label.isVisibleTo(w)
    assert "amount" in w.error_label.text().lower()
    assert "Traceback" not in w.error_label.text()
    assert not w.ok_button.isEnabled()
    assert w.totals() == {} and w.lines_table.rowCount() == 0
    qtbot.keyClick(w, Qt.Key.Key_Return)  # Enter does not accept an invalid mapping
    assert w.isVisible() and w.result() != QDialog.DialogCode.Accepted

    edit(qtbot, w, lambda: choose(w.column_row(4).role, "amount"))
    edit(qtbot, w, lambda: choose(w.column_row(2).role, "department"))
    assert "more than one column" in w.error_label.text()
    assert not w.ok_button.isEnabled()
    edit(qtbot, w, lambda: choose(w.column_row(2).role, "account_name"))
    assert w.ok_button.isEnabled() and w.error_label.isHidden()


def test_a_missing_year_is_an_error_until_it_is_given(qtbot, tmp_path, store):
    path = tmp_path / "plain.csv"
    path.write_text("Dept,Spending plan\nPolice,100\nFire,80\nParks,5\n", encoding="utf-8")
    w = make_wizard(qtbot, path, store)  # detection found no table here
    assert w.doubts_box.isVisibleTo(w)
    assert "amount" in w.doubts_box.text().lower()
    edit(qtbot, w, lambda: choose(w.column_row(1).role, "amount"))
    assert not w.ok_button.isEnabled()
    assert "year" in w.error_label.text().lower()
    edit(qtbot, w, lambda: w.column_row(1).year.setValue(2026))
    assert w.ok_button.isEnabled(), w.preview_error
    assert w.totals() == {(2026, "adopted", "expense"): 185.0}


def test_saving_a_profile_finds_next_years_file(qtbot, tmp_path, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    edit(qtbot, w, lambda: choose(w.units_combo, 1000.0))
    assert w.save_check.isChecked()
    assert w.profile_name.text() == "springfield_budget"
    w.profile_name.setText("Springfield")
    qtbot.mouseClick(w.ok_button, Qt.MouseButton.LeftButton)
    assert w.result() == QDialog.DialogCode.Accepted
    assert w.saved_profile is not None and w.saved_profile.is_file()
    assert w.saved_profile.parent == store.folder

    found = store.find(w.signature())
    assert found is not None and found.name == "Springfield"
    assert found.fingerprint() == w.mapping().fingerprint()

    # Next year's file: same layout, years moved on. The profile fits it, and reads it.
    path = next_years_file(tmp_path)
    sheets = read_sheets(path)
    again = normalize.saved_profile(sheets, store)
    assert again is not None and again.name == "Springfield"
    assert again.fingerprint() == w.mapping().fingerprint()
    budget = load_budget(path, mapping=again, use_cache=False)
    assert budget.lines["amount"].sum() == pytest.approx(1000 * (179 + 205))
    assert set(budget.lines["fiscal_year"]) == {2026, 2027}
    # A file of another layout does not.
    assert normalize.saved_profile(read_sheets(MESSY), store) is None


def next_years_file(tmp_path) -> Path:
    path = tmp_path / "springfield_budget_next.csv"
    path.write_text(
        SMALL_CSV.replace("FY2025-26", "FY2026-27").replace("FY2024-25", "FY2025-26"),
        encoding="utf-8",
    )
    return path


def test_the_confirmed_mapping_loads_as_previewed(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    edit(qtbot, w, lambda: choose(w.column_row(3).role, "ignore"))
    previewed = w.totals()
    budget = load_budget(small_csv, mapping=w.mapping(), use_cache=False)
    got = budget.lines.groupby(["fiscal_year", "phase", "direction"], observed=True)["amount"]
    assert {(int(y), str(p), str(d)): float(v) for (y, p, d), v in got.sum().items()} == previewed


def test_not_saving_a_profile(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    qtbot.mouseClick(w.save_check, Qt.MouseButton.LeftButton)
    assert not w.save_check.isChecked() and not w.profile_name.isEnabled()
    qtbot.keyClick(w, Qt.Key.Key_Return)  # Enter = Import
    assert w.result() == QDialog.DialogCode.Accepted
    assert w.saved_profile is None and store.profiles() == []


def test_escape_cancels(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    edit(qtbot, w, lambda: choose(w.units_combo, 1000.0))
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.isVisible()
    assert w.result() == QDialog.DialogCode.Rejected
    assert store.profiles() == []


def test_every_control_is_named_and_reachable(qtbot, small_csv, store):
    w = make_wizard(qtbot, small_csv, store)
    controls = [
        c
        for c in w.findChildren(QWidget)
        if isinstance(c, QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit | QTableView)
        and c.isVisibleTo(w)
        and c.isEnabled()
        and c.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(c.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert len(controls) > 15
    unnamed = [type(c).__name__ + ":" + c.objectName() for c in controls if not c.accessibleName()]
    assert unnamed == []
    for label in w.findChildren(QLabel):
        if "&" in label.text() and label.isVisibleTo(w):
            assert label.buddy() is not None, label.text()

    # Tab walks through every control and comes back.
    w.activateWindow()
    w.header_spin.setFocus()
    qtbot.waitUntil(lambda: w.focusWidget() is not None)
    reached = set()
    for _ in range(len(controls) * 3):
        qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Tab)
        f = w.focusWidget()
        reached.add(f.parent() if isinstance(f.parent(), QAbstractSpinBox | QComboBox) else f)
    missing = [type(c).__name__ + " " + c.accessibleName() for c in controls if c not in reached]
    assert missing == []


# ---- the messy workbook ----------------------------------------------------------------------
def test_messy_workbook(qtbot, store):
    w = make_wizard(qtbot, MESSY, store)
    assert w.sheet_combo.count() == 3 and w.sheet_combo.isEnabled()
    assert w.current_sheet.name == "Expenditures"
    assert w.include_check.isChecked()
    # Two header rows (years over phases), as the spreadsheet numbers them.
    assert (w.header_spin.value(), w.second_spin.value()) == (5, 6)
    assert w.units_combo.currentData() == 1000.0
    for i in (4, 5):
        font = w.raw_model.data(w.raw_model.index(i, 0), Qt.ItemDataRole.FontRole)
        assert font is not None and font.bold()
    assert w.ok_button.isEnabled(), w.preview_error

    # Untouched, the wizard imports what opening the file imports.
    auto = load_budget(MESSY, use_cache=False).lines
    grouped = auto.groupby(["fiscal_year", "phase", "direction"], observed=True)["amount"].sum()
    assert w.totals() == pytest.approx(
        {(int(y), str(p), str(d)): float(v) for (y, p, d), v in grouped.items()}
    )
    before = w.totals()
    expense_26 = before[(2026, "proposed", "expense")]

    # Amounts in dollars, not thousands: every expense total is 1000 times smaller.
    edit(qtbot, w, lambda: choose(w.units_combo, 1.0))
    assert w.totals()[(2026, "proposed", "expense")] == pytest.approx(expense_26 / 1000)
    edit(qtbot, w, lambda: choose(w.units_combo, 1000.0))

    # The revenue sheet: a "Total All Funds" column would count every dollar twice.
    w.sheet_combo.setCurrentIndex(w.sheet_combo.findText("Revenues"))
    assert w.current_sheet.name == "Revenues"
    j = column_of(w, "Total All Funds")
    edit(qtbot, w, lambda: choose(w.column_row(j).role, "amount"))
    col = w.current_sheet.excel_col(j)
    lines = w.preview_lines
    revenue = w.totals()[(2026, "proposed", "revenue")]
    in_total_column = lines.loc[lines["src_col"] == col, "amount"].sum()
    assert in_total_column > 0
    edit(qtbot, w, lambda: choose(w.column_row(j).role, "ignore"))
    assert w.totals()[(2026, "proposed", "revenue")] == pytest.approx(revenue - in_total_column)

    # Leaving the revenue sheet out leaves only expenses.
    edit(qtbot, w, lambda: qtbot.mouseClick(w.include_check, Qt.MouseButton.LeftButton))
    assert {d for (_y, _p, d) in w.totals()} == {"expense"}
    assert [s.sheet for s in w.mapping().sheets] == ["Expenditures"]


# ---- the window ------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.mapping_wizard is not None:
        w.mapping_wizard.close()
    for runner in (w.runner, w.mapping_runner):
        runner.cancel()
        runner.wait(5000)


def test_import_with_mapping_from_the_file_menu(qtbot, window, monkeypatch, small_csv):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(small_csv), ""))
    assert window.import_mapping_action.shortcut().toString() == "Ctrl+Shift+O"
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as opened:
        window.import_mapping_action.trigger()
    wizard = opened.args[0]
    assert wizard is window.mapping_wizard and wizard.isVisible()
    edit(qtbot, wizard, lambda: choose(wizard.column_row(3).role, "ignore"))
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        qtbot.mouseClick(wizard.ok_button, Qt.MouseButton.LeftButton)
    assert len(window.budget) == 4
    assert set(window.budget.lines["fiscal_year"]) == {2026}
    assert window.settings.recent_files[0] == str(small_csv.resolve())
    assert not window.check_mapping_button.isVisibleTo(window)
    assert wizard.saved_profile is not None and wizard.saved_profile.is_file()

    # Next year's file from the same place opens the same way, in one step.
    next_year = next_years_file(small_csv.parent)
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(next_year))
    assert len(window.budget) == 4  # the actual column is still left out
    assert set(window.budget.lines["fiscal_year"]) == {2027}
    assert any("saved column mapping" in w for w in window.report.warnings)

    # Checking its mapping again starts from the saved profile, under its name.
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as opened:
        window.open_mapping_wizard(str(next_year))
    again = opened.args[0]
    assert again.profile_name.text() == wizard.profile_name.text()
    assert again.column_row(3).role.currentData() == "ignore"
    assert again.doubts_box.isHidden()


def test_a_file_without_a_table_opens_the_wizard(qtbot, window, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("Dept,Spending plan\nPolice,100\nFire,80\nParks,5\n", encoding="utf-8")
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as opened:
        window.open_file(str(path))
    assert window.error_box is None  # the wizard instead of a dead end
    wizard = opened.args[0]
    assert "could not find the table" in wizard.doubts_box.text()
    assert "no column of amounts" in wizard.doubts_box.text()
    edit(qtbot, wizard, lambda: choose(wizard.column_row(1).role, "amount"))
    edit(qtbot, wizard, lambda: wizard.column_row(1).year.setValue(2026))
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert window.budget.lines["amount"].sum() == 185.0


def test_cancelling_the_wizard_keeps_the_budget(qtbot, window, small_csv, tmp_path):
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(small_csv))
    before = window.budget
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as opened:
        window.open_mapping_wizard(str(small_csv))
    qtbot.keyClick(opened.args[0], Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert window.budget is before and not window.runner.busy


def test_an_unsure_import_offers_to_check_the_mapping(qtbot, window, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "two_lists_fy2026.xlsx"
    book = Workbook()
    first = book.active
    first.title = "Revenues"
    second = book.create_sheet("Expenses")
    for sheet in (first, second):
        sheet.append(["Code", "FY2025-26 Adopted"])
        for k in range(1, 6):
            sheet.append([f"C{k}", 100 * k])
    book.save(path)

    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(path))
    assert window.report.confidence < 0.6, window.report.confidence
    assert window.check_mapping_button.isVisibleTo(window)
    assert window.unsure_label.toolTip()
    assert window.mapping_wizard is None  # offered, never forced
    with qtbot.waitSignal(window.mapping_wizard_opened, timeout=30_000) as opened:
        qtbot.mouseClick(window.check_mapping_button, Qt.MouseButton.LeftButton)
    assert not window.check_mapping_button.isVisibleTo(window)
    assert opened.args[0].doubts_box.isVisibleTo(opened.args[0])


def test_a_damaged_file_still_gets_the_error_dialog(qtbot, window, monkeypatch, tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 this zip is truncated")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    with qtbot.waitSignal(window.load_failed, timeout=30_000):
        window.import_mapping_action.trigger()
    assert window.mapping_wizard is None
    assert window.error_box is not None and window.error_box.isVisible()
    assert "broken.xlsx" in window.error_box.text()
    window.error_box.close()
