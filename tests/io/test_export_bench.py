"""The export benchmark runs at tiny sizes (the full run: python benchmarks/bench_export.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_export.py"


def test_measure_quick_returns_both_timings():
    spec = importlib.util.spec_from_file_location("bench_export", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.measure(quick=True)
    assert set(result) == {"ours", "peer"}
    assert all(isinstance(v, float) and 0 < v < 120 for v in result.values())
