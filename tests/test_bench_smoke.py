"""The benchmark harness runs (tiny sizes) and reports every bar of DESIGN §5 in one table.

The full run is `python benchmarks/bench.py`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402

#: One row (at least) for every figure of DESIGN §5, by the start of its name.
DESIGN_FIGURES = (
    "load: first open",  # vs pandas.read_excel (openpyxl) and vs LibreOffice
    "load: reopen from cache",
    "startup: window shown",
    "startup: teaching sample interactive",
    "table: search",
    "table: sort",
    "flows: re-layout",
    "explore: drill-down",
    "pension: 500 stochastic paths",
    "export:",
    "memory: app with",
)


def test_quick_run_prints_one_table_with_every_design_figure(tmp_path):
    out_json = tmp_path / "bench.json"
    out = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--quick", "--json", str(out_json)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    table, _blank, footer = out.stdout.strip().partition("\n\n")
    header, rule, *rows = table.splitlines()
    assert [h.strip() for h in header.split(" | ")] == list(bench.HEADER)
    assert set(rule) <= {"-", "+"}
    names = [r.split(" | ")[0].strip() for r in rows]
    for figure in DESIGN_FIGURES:
        assert any(n.startswith(figure) for n in names), figure
    assert sum(n.startswith("load: first open") for n in names) == 2  # both peers
    assert "CPUs" in footer

    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["quick"] is True
    assert [r["name"] for r in doc["rows"]] == names
    for row in doc["rows"]:
        # quick runs never judge a bar; a missing peer or measurement says so instead
        assert row["result"] in {"n/a (quick)", "-", "skipped", "pending"}, row
        if row["result"] == "n/a (quick)":
            assert row["ours"] is not None and row["ours"] > 0, row
        if row["ours"] is not None and row["peer"]:
            assert abs(row["ratio"] - row["ours"] / row["peer"]) < 1e-9


def test_a_row_passes_or_fails_against_its_bar():
    fast = bench.Row("x", 0.1, 1.0, "peer", target=0.2, max_ratio=0.15)
    assert fast.result == "pass" and fast.bar == "<= 200.0 ms and <= 0.15 x peer"
    assert bench.Row("x", 0.3, None, "", target=0.2).result == "FAIL"
    assert bench.Row("x", 0.2, 1.0, "peer", max_ratio=0.15).result == "FAIL"
    # "faster than" is strict: a tie fails
    assert bench.Row("x", 1.0, 1.0, "peer", max_ratio=1.0, strict=True).result == "FAIL"
    assert bench.Row("x", 0.99, 1.0, "peer", max_ratio=1.0, strict=True).result == "pass"
    assert bench.Row("x", 500.0, None, "", target=600.0, unit="MB").result == "pass"
    assert bench.Row("x", 0.1, None, "", target=0.2, quick=True).result == "n/a (quick)"
    skipped = bench.Row("x", 1.0, None, "not installed", max_ratio=1.0, status="skipped")
    assert skipped.result == "skipped"
    assert bench.Row("x", None, None, "", max_ratio=1.5, status="pending").result == "pending"
    assert bench.Row("x", 0.5, None, "").result == "-"


def test_a_full_run_exits_1_when_a_bar_fails(monkeypatch, capsys):
    def slow(quick):
        return [bench.Row("slow thing", 2.0, None, "", 1.0, quick)]

    def broken(quick):
        raise RuntimeError("app failed to start")

    monkeypatch.setitem(bench.GROUPS, "slow", slow)
    monkeypatch.setitem(bench.GROUPS, "broken", broken)
    assert bench.main(["--only", "slow"]) == 1
    assert bench.main(["--only", "slow", "--quick"]) == 0
    assert "slow thing" in capsys.readouterr().out
    # a group that cannot run is a row of its own, the others still run, and the exit code is 1
    assert bench.main(["--only", "broken,slow", "--quick"]) == 1
    out = capsys.readouterr().out
    assert "broken: could not be measured" in out and "app failed to start" in out
    assert "slow thing" in out
