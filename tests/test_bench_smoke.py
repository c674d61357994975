"""The benchmark harness runs (tiny sizes); the full run is `python benchmarks/bench.py`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_quick_prints_every_row():
    out = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    header, _rule, *rows = out.stdout.strip().splitlines()
    assert header.split(" | ")[0].strip() == "name"
    names = [r.split(" | ")[0].strip() for r in rows]
    assert "startup: window shown" in names
    assert "startup: teaching sample interactive" in names
    assert any(n.startswith("table: search") for n in names)
    assert any(n.startswith("table: sort") for n in names)
    assert any(n.startswith("flows: re-layout") for n in names)
    assert any(n.startswith("explore: tree") for n in names)
    assert "load: first open 2,000-line xlsx" in names
    assert "load: vs LibreOffice convert-to csv" in names
    assert "load: reopen from cache" in names
    assert any(n.startswith("load: peak memory") for n in names)
    assert all(r.rstrip().endswith(("n/a (quick)", "-")) for r in rows)
