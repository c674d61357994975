"""Charts and the handout for exports: drawn headless (Agg), titles that state the point,
scenarios recomputed from their saved inputs."""

from __future__ import annotations

import re
import struct

import pytest

from budgetbench import paths
from budgetbench.core import forecast as fc
from budgetbench.core.priorities import Annotation, Participant, Vote
from budgetbench.core.progress import BudgetError, Cancelled
from budgetbench.io.export_xlsx import Community, scenario_results
from budgetbench.io.loader import load_budget
from budgetbench.render.charts import chart_images
from budgetbench.render.handout import write_handout


@pytest.fixture
def sample():
    budget = load_budget(paths.teaching_sample(), use_cache=False)
    budget.meta["forecast_scenarios"] = {
        "Great Recession": fc.preset_scenario("great-recession", years=5).to_dict()
    }
    budget.meta["pension_scenarios"] = {
        "Earn 5%": {
            "plan": "preset:san-jose-federated",
            "levers": {"returns": "constant", "rate": 0.05},
            "sized_to_budget": True,
        },
        "Gone": {
            "plan": "file:nowhere/plan.json",
            "levers": {},
            "fiscal_years": [2026, 2027],
            "employer_contribution": [10.0, 11.0],
        },
    }
    return budget


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def test_scenarios_are_recomputed_from_their_inputs(sample):
    results = {r.name: r for r in scenario_results(sample)}
    recession = results["Great Recession"]
    expected = fc.forecast(sample, fc.preset_scenario("great-recession", years=5)).table
    assert recession.table["Fiscal year"].tolist() == expected["fiscal_year"].tolist()
    assert recession.table["Structural gap"].tolist() == pytest.approx(
        expected["structural_gap"].tolist()
    )
    pension = results["Earn 5%"]
    assert len(pension.table) == 30 and not pension.note
    assert ("Lever: returns", "constant") in pension.inputs
    # a lower return than assumed: the city pays more as the years go on
    pay = pension.table["Employer contribution"].to_numpy()
    assert pay[-1] > pay[0] > 0
    gone = results["Gone"]
    assert "Could not recompute" in gone.note
    assert gone.table["Employer contribution"].tolist() == [10.0, 11.0]


def test_chart_images_state_their_point(sample):
    seen = []
    images = chart_images(sample, scenario_results(sample), progress=lambda f, m: seen.append(f))
    titles = [i.title for i in images]
    assert len(images) == 6
    assert titles[0].startswith("Where $") and "through the funds" in titles[0]
    assert re.search(r"is \d+% of spending", titles[3])
    assert re.search(r"brings in \d+% of revenue", titles[2])
    assert titles[4].startswith("What the city pays into the pension plan")
    assert titles[5].startswith("The General Fund's structural gap")
    for image in images:
        assert png_size(image.png) == (image.width_px, image.height_px)
    assert seen[-1] == 1.0


def test_handout_is_one_page(sample, tmp_path):
    key = str(sample.lines["line_key"].iloc[0])
    community = Community(
        annotations=[Annotation(1, "line", key, "Keep", ("parks",), "protect", "Ana")],
        participants=[Participant("Ana", None, 5)],
        votes=[Vote("Ana", "line", key, 4)],
    )
    out = write_handout(tmp_path / "handout.pdf", sample, community)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and (float(box.group(1)), float(box.group(2))) == pytest.approx((595.44, 792.0))


def test_handout_errors_and_cancel(sample, tmp_path):
    with pytest.raises(BudgetError, match="saved as"):
        write_handout(tmp_path / "x.png", sample)

    def stop(fraction, message):
        if fraction > 0.5:
            raise Cancelled()

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(Cancelled):
        write_handout(out_dir / "h.pdf", sample, progress=stop)
    assert list(out_dir.iterdir()) == []
