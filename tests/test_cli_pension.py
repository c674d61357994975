"""``budgetbench pension``: the projection printed headless, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "budgetbench", "pension", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_projection_of_san_jose_federated():
    out = run("--preset", "san-jose-federated", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["plan"].startswith("San José Federated")
    assert data["units"] == "$K"
    assert data["discount_rate"] == 0.06625
    rows = data["rows"]
    assert len(rows) == 30
    first = rows[0]
    assert first["year"] == 1 and first["fiscal_year"] == 2022
    assert first["aal"] == 4_287_182 and first["ava"] == 2_199_265
    assert first["funded_ratio_ava"] == pytest.approx(0.513, abs=0.001)
    assert 150_000 < first["employer_contribution"] < 300_000
    assert isinstance(first["negative_amortization"], bool)
    assert [r["year"] for r in rows] == list(range(1, 31))


def test_years_and_return():
    base = json.loads(run("--preset", "typical-plan", "--json", "--years", "5").stdout)
    low = json.loads(
        run("--preset", "typical-plan", "--json", "--years", "5", "--return", "5%").stdout
    )
    assert len(base["rows"]) == len(low["rows"]) == 5
    assert low["scenario"] == "earn 5.00% every year"
    assert [r["investment_return"] for r in low["rows"]] == pytest.approx([0.05] * 5)
    assert low["rows"][-1]["employer_contribution"] > base["rows"][-1]["employer_contribution"]
    same = json.loads(
        run("--preset", "typical-plan", "--json", "--years", "5", "--return", "0.05").stdout
    )
    assert same["rows"] == low["rows"]


def test_table_output():
    out = run("--preset", "san-jose-police-fire", "--years", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("San José Police & Fire")
    assert lines[1].split()[:3] == ["year", "fiscal_year", "aal"]
    assert len(lines) == 2 + 3
    assert "5,187,934" in lines[2]
    assert lines[2].rstrip().endswith("%")


def test_unknown_preset_is_one_line_exit_2():
    out = run("--preset", "oakland")
    assert out.returncode == 2
    assert out.stdout == ""
    err = out.stderr.strip()
    assert len(err.splitlines()) == 1
    for name in ("calpers-city", "san-jose-federated", "san-jose-police-fire", "typical-plan"):
        assert name in err


@pytest.mark.parametrize(
    "args",
    [
        ("--preset", "typical-plan", "--return", "lots"),
        ("--preset", "typical-plan", "--years", "0"),
        ("--preset", "typical-plan", "--years", "x"),
        (),
    ],
)
def test_bad_arguments_exit_2(args):
    out = run(*args)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_plan_file(tmp_path):
    from budgetbench.io.pension_presets import load_preset, save_plan

    path = save_plan(load_preset("calpers-city"), tmp_path / "city.json")
    out = run("--plan", str(path), "--json", "--years", "2")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["rows"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    out = run("--plan", str(bad))
    assert out.returncode == 2
    assert "not valid JSON" in out.stderr
