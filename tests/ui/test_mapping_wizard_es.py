"""The mapping wizard in Spanish, on the shipped messy proposed-budget workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from spanish_ui import shown_texts, translated_sources

from budgetbench.io import normalize
from budgetbench.io.mapping import ProfileStore
from budgetbench.io.readers import read_sheets
from budgetbench.ui.dialogs.mapping_wizard import MappingWizard

ROOT = Path(__file__).resolve().parents[2]
MESSY = ROOT / "sample_budgets" / "bayview_heights_fy26_proposed_messy.xlsx"


def test_mapping_wizard_speaks_spanish(qtbot, tmp_path, spanish):
    assert QCoreApplication.translate("MappingWizard", "&Import") == "Imp&ortar"
    sheets = read_sheets(MESSY)
    wizard = MappingWizard(
        MESSY,
        sheets,
        normalize.detect_mapping(sheets, MESSY),
        store=ProfileStore(tmp_path / "profiles"),
    )
    qtbot.addWidget(wizard)
    wizard.resize(1280, 720)
    wizard.show()
    qtbot.waitExposed(wizard)

    assert wizard.windowTitle() == f"Asignar las columnas — {MESSY.name}"
    assert wizard.ok_button.text() == "Imp&ortar"
    assert wizard.ok_button.isEnabled()
    assert wizard.include_check.text() == "I&mportar esta hoja"
    assert wizard.units_combo.accessibleName() == "Los montos están en"
    row = wizard.column_row(0)
    roles = [row.role.itemText(i) for i in range(row.role.count())]
    assert roles[:3] == ["No se importa", "Monto (dinero)", "Año fiscal"]
    assert row.role.accessibleName().startswith("Función de la columna A")
    tip = wizard.raw_model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Columna A: ")

    totals = [wizard.totals_table.horizontalHeaderItem(c).text() for c in range(5)]
    assert totals == ["Año", "Fase", "Ingreso / gasto", "Partidas", "Total"]
    phases = {wizard.totals_table.item(r, 1).text() for r in range(wizard.totals_table.rowCount())}
    directions = {
        wizard.totals_table.item(r, 2).text() for r in range(wizard.totals_table.rowCount())
    }
    assert phases <= {"Real", "Adoptado", "Modificado", "Propuesto", "Recomendado", "Estimado"}
    assert directions == {"Ingreso", "Gasto"}
    assert " partidas." in wizard.summary_label.text()

    # The file's own column labels ("Fund", "Dept") are data, shown as they are.
    labels_of_file = {
        wizard.column_row(j).header.text() for j in range(wizard.raw_model.columnCount())
    }
    english = translated_sources("ui.dialogs.mapping_wizard") - labels_of_file
    left = [t for t in shown_texts(wizard) if t in english]
    assert left == [], f"still in English: {left}"

    # No sheet ticked: the wizard says why it cannot import, in Spanish.
    for k in range(wizard.sheet_combo.count()):
        wizard.sheet_combo.setCurrentIndex(k)
        wizard.include_check.setChecked(False)
    assert not wizard.refresh_preview()
    assert not wizard.ok_button.isEnabled()
    assert wizard.error_label.text() == (
        "No se puede importar con esta asignación: "
        "Marque “Importar esta hoja” en al menos una hoja."
    )
