"""The desktop package's recipe is whole: spec, version, desktop entry, icons, build scripts.

Fast checks only; building and running the frozen app is `.ci/package`.
"""

from __future__ import annotations

import ast
import configparser
import os
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "budgetbench.spec"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def _pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _spec_function(name: str):
    """One function of the spec, run on its own (the rest needs PyInstaller's build objects)."""
    tree = _spec_tree()
    (node,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    namespace = {"Path": Path, "tomllib": tomllib, "ROOT": ROOT}
    exec(compile(ast.Module(body=[node], type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace[name]


def _spec_constant(name: str):
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned in the spec")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name}: not a PNG"
    return struct.unpack(">II", data[16:24])


def test_spec_compiles_and_builds_every_piece():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    called = {
        n.func.id
        for n in ast.walk(_spec_tree())
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= called


def test_spec_reads_the_version_from_pyproject():
    assert _spec_function("project_version")() == _pyproject()["project"]["version"]


def test_spec_never_ships_tkinter_or_the_test_tools():
    excludes = set(_spec_constant("EXCLUDES"))
    assert {
        "tkinter",
        "_tkinter",
        "pytest",
        "_pytest",
        "hypothesis",
        "pytestqt",
        "ruff",
    } <= excludes
    assert not any(name.startswith(("budgetbench", "PySide6", "pandas")) for name in excludes)


def test_spec_keeps_symbols_and_bundles_data_and_qt_platforms():
    text = SPEC.read_text(encoding="utf-8")
    assert "strip=True" not in text and text.count("strip=False") >= 2
    for needed in ('"offscreen"', '"xcb"', '"sample_budgets"', '"resources"', "mpl-data", ".qm"):
        assert needed in text, needed


def test_package_extra_pins_pyinstaller_to_a_minor_release():
    (req,) = _pyproject()["project"]["optional-dependencies"]["package"]
    name, _, version = req.partition("~=")
    assert name.strip().lower() == "pyinstaller"
    assert len(version.split(".")) == 3  # ~=X.Y.Z: patch releases of that minor only


def test_desktop_entry_has_the_required_keys():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "linux" / "budgetbench.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "budgetbench"
    assert entry["Exec"].split()[0] == "budgetbench" and "%f" in entry["Exec"]
    assert entry["Icon"] == "budgetbench"
    assert entry["Terminal"] == "false"
    for key in ("Categories", "MimeType", "Keywords"):
        assert entry[key].endswith(";"), key
    assert "Education" in entry["Categories"].split(";")
    mime = entry["MimeType"].split(";")
    assert "text/csv" in mime
    assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" in mime


def test_svg_icon_is_square_and_parses():
    root = ET.parse(ICONS / "budgetbench.svg").getroot()
    assert root.tag.endswith("svg")
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_exists_at_each_size(size):
    assert _png_size(ICONS / f"budgetbench-{size}.png") == (size, size)


def test_windows_and_macos_icons_hold_the_renderings():
    ico = (ICONS / "budgetbench.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (ICONS / "budgetbench.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns and b"icp4" in icns  # 512 and 16 pixels


@pytest.mark.parametrize(
    "script",
    [
        ".ci/package",
        "packaging/build.sh",
        "packaging/linux/install.sh",
        "packaging/macos/build_dmg.sh",
    ],
)
def test_build_scripts_are_executable_bash_that_stops_on_errors(script):
    path = ROOT / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text


def test_windows_installer_script_points_at_files_that_exist():
    iss = PACKAGING / "windows" / "budgetbench.iss"
    text = iss.read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in text  # the version is passed in, never written twice
    icon = next(line for line in text.splitlines() if line.startswith("SetupIconFile="))
    relative = icon.split("=", 1)[1].replace("\\", "/")
    assert (iss.parent / relative).resolve().is_file()
