"""The one-way architecture holds: the core and io layers never import Qt or matplotlib."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_cli_summary_does_not_load_qt():
    code = (
        "import sys; from budgetbench.app import main; "
        "main(['summary', 'sample_budgets/sycamore_springs_teaching.csv', '--json']); "
        "sys.stderr.write(str(any(m.startswith(('PySide6', 'matplotlib')) for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.stderr.strip().endswith("False"), out.stderr
