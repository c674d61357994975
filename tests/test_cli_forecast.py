"""``budgetbench forecast``: the General Fund forecast printed headless, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "sample_budgets"
SYCAMORE = str(SAMPLES / "sycamore_springs_teaching.csv")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "budgetbench", "forecast", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_table_on_the_teaching_sample():
    out = run(SYCAMORE, "--reserve", "14500000")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "General Fund forecast from FY2026 (proposed); scenario: baseline" in text
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("fiscal_year"))
    rows = lines[header + 1 : header + 7]
    assert [r.split()[0] for r in rows] == [str(y) for y in range(2026, 2032)]
    first = rows[0].split()
    assert first[1:3] == ["95,000,000", "3,000,000"]  # ongoing and one-time revenue
    assert first[5] == "2,400,000"  # the structural gap
    assert first[7] == "14,500,000"
    assert "FY2026: one-time money pays ongoing costs" in text


def test_json_with_a_recession_and_years():
    out = run(SYCAMORE, "--json", "--years", "3", "--scenario", "covid")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["scenario"]["name"] == "COVID (statewide projection)"
    assert data["scenario"]["recession"]["shocks"]["tot"] == [-0.66]
    assert [r["fiscal_year"] for r in data["rows"]] == [2026, 2027, 2028, 2029]
    base = data["rows"][0]
    assert base["revenue_total"] == 98_000_000 and base["expense_total"] == 98_000_000
    assert base["structural_gap"] == pytest.approx(2_400_000)
    assert isinstance(base["one_time_for_ongoing"], bool) and base["one_time_for_ongoing"]
    assert data["meter"]["status"] == "deficit"
    assert data["base_year"]["phase"] == "proposed"
    baseline = json.loads(run(SYCAMORE, "--json", "--years", "3").stdout)
    assert data["rows"][1]["revenue_total"] < baseline["rows"][1]["revenue_total"]


def test_every_named_scenario_runs():
    for name in ("baseline", "Great Recession (San José)", "mild"):
        out = run(SYCAMORE, "--years", "2", "--scenario", name)
        assert out.returncode == 0, out.stderr
        assert f"scenario: {name}" in out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--scenario", "depression"), "unknown scenario 'depression'"),
        (("--years", "11"), "--years must be between 1 and 10"),
        (("--years", "0"), "--years must be between 1 and 10"),
    ],
)
def test_user_errors(args, message):
    out = run(SYCAMORE, *args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file():
    out = run("no-such-budget.csv")
    assert out.returncode == 2
    assert "does not exist" in out.stderr
