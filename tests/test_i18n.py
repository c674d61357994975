"""Every interface string has its Spanish translation, and the shipped ``.qm`` is current.

Two checks: (1) no user-visible text in ``budgetbench/ui`` is passed to Qt as a bare literal
(it must go through ``tr()`` / ``translate()``), and (2) extracting the strings again from
each module finds none without a Spanish translation.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

#: Qt calls whose string arguments the user sees.
SHOWN = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle",
    "setPlaceholderText", "setTitle", "setSubTitle", "setLabelText", "addTab", "insertTab",
    "setTabText", "setTabToolTip", "addMenu", "addAction", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QToolButton", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "information", "warning", "critical",
    "question", "setAccessibleName", "setAccessibleDescription", "showMessage", "addItem",
    "addItems", "insertItem", "setItemText", "addRow", "setSpecialValueText", "QMessageBox",
    "setInformativeText", "setDetailedText", "setButtonText", "QDockWidget", "QMenu",
    "setCheckBoxText", "getText", "getItem", "getInt", "getDouble", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "QWizardPage", "setFormat",
}  # fmt: skip
_WORDS = re.compile(r"[A-Za-z]{2,}")
UI_FILES = sorted(p for p in (ROOT / "budgetbench" / "ui").rglob("*.py") if p.name != "i18n.py")


def _bare_texts(node: ast.AST):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _WORDS.search(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        if any(_WORDS.search(v.value) for v in node.values if isinstance(v, ast.Constant)):
            yield node
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            yield from _bare_texts(elt)
    elif isinstance(node, ast.BinOp):
        yield from _bare_texts(node.left)
        yield from _bare_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _bare_texts(node.body)
        yield from _bare_texts(node.orelse)


def untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in SHOWN:
            continue
        owner = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in ("log", "logger", "logging"):
            continue  # log.warning(...) is for the log file, not the user
        args = list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title")]
        for arg in args:
            for bad in _bare_texts(arg):
                found.append(f"{path.name}:{bad.lineno}: {name}({ast.unparse(bad)[:60]})")
    return found


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_text_goes_through_tr(path):
    assert untranslated_literals(path) == []


@pytest.fixture(scope="module")
def lupdate():
    try:
        return i18n._tool("pyside6-lupdate")
    except SystemExit as exc:  # pragma: no cover - PySide6 always ships it
        pytest.fail(str(exc))


@pytest.mark.parametrize("source", i18n.sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_has_a_spanish_translation(source, tmp_path, lupdate, monkeypatch):
    shipped = i18n.ts_file(source, "es")
    assert shipped.exists(), f"no translation file {shipped.relative_to(ROOT)}"
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    (tmp_path / "es").mkdir()
    shutil.copy(shipped, i18n.ts_file(source, "es"))
    [fresh] = i18n.update([source], langs=("es",))
    missing = i18n.missing([fresh])
    assert missing == {}, f"untranslated in {source.name}: {missing}"


def test_shipped_qm_matches_the_ts_files(tmp_path, monkeypatch):
    shipped = i18n.I18N / "budgetbench_es.qm"
    assert shipped.exists(), "run: python tools/i18n.py build"
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    shutil.copytree(shipped.parent / "es", tmp_path / "es")
    [built] = i18n.build()
    assert built.read_bytes() == shipped.read_bytes(), "run: python tools/i18n.py build"
