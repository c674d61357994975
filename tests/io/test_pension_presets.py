"""Pension plans on disk: the four shipped presets, their sources, and user plan files."""

from __future__ import annotations

import dataclasses
import json

import pytest

from budgetbench import paths
from budgetbench.core.pension import EmployeeRule, project
from budgetbench.core.progress import BudgetError
from budgetbench.io.pension_presets import (
    FORMAT,
    SCHEMA_VERSION,
    list_presets,
    list_user_plans,
    load_plan,
    load_preset,
    plan_from_dict,
    plan_to_dict,
    preset_labels,
    presets_dir,
    save_plan,
    user_plans_dir,
)

PRESETS = ["calpers-city", "san-jose-federated", "san-jose-police-fire", "typical-plan"]


def test_four_presets_ship():
    assert list_presets() == PRESETS
    labels = preset_labels()
    assert labels["san-jose-federated"].startswith("San José Federated")
    assert labels["typical-plan"].startswith("Typical public plan")


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_figure_has_a_source(name):
    plan = load_preset(name)
    for key in ("aal", "mva", "ava", "benefits", "discount_rate", "payroll_growth"):
        assert plan.sources.get(key), f"{name}: no source for {key}"
    assert any(k.startswith("tiers") for k in plan.sources)
    assert any(k.startswith("amortization") for k in plan.sources)
    if plan.bases:
        assert plan.sources.get("bases")
    assert all(isinstance(v, str) and len(v) > 10 for v in plan.sources.values())
    doc = json.loads((presets_dir() / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["schema_version"] == SCHEMA_VERSION
    assert doc["id"] == name


def test_san_jose_federated_figures():
    plan = load_preset("san-jose-federated")
    assert (plan.aal, plan.ava, plan.mva) == (4_287_182, 2_199_265, 2_108_520)
    assert [(t.name, t.payroll, t.nc_rate) for t in plan.tiers] == [
        ("Tier 1", 143_411, 0.2496),
        ("Tier 2", 168_259, 0.1486),
    ]
    assert plan.discount_rate == 0.06625
    assert plan.amortization.growth == 0.0275
    assert plan.amortization.timing == 1.0
    assert plan.amortization.periods["gain_loss"] == 20
    assert plan.amortization.periods["assumption"] == 25
    assert [(b.balance, b.years) for b in plan.bases] == [
        (752_667, 19),
        (167_596, 16),
        (101_611, 12),
        (201_965, 20),
        (97_371, 20),
        (34_465, 25),
    ]
    assert plan.units == "$K"


def test_san_jose_police_fire_figures():
    plan = load_preset("san-jose-police-fire")
    assert (plan.aal, plan.ava, plan.mva) == (5_187_934, 3_802_450, 3_653_869)
    assert plan.discount_rate == 0.06625
    assert plan.amortization.growth == 0.0225
    assert plan.amortization.timing == 1.0
    assert plan.amortization.periods["gain_loss"] == 15
    assert plan.amortization.periods["assumption"] == 20
    assert [(b.balance, b.years) for b in plan.bases] == [
        (136_241, 6),
        (-165_787, 6),
        (-127_875, 17),
        (140_017, 14),
        (72_979, 15),
        (73_283, 20),
    ]


def test_calpers_city_and_typical_plan_policies():
    cal = load_preset("calpers-city")
    assert cal.amortization.method == "level_dollar"
    assert cal.amortization.periods["investment"] == 20
    assert cal.amortization.ramp("investment") == "up"
    assert cal.amortization.ramp("gain_loss") == "none"
    typ = load_preset("typical-plan")
    assert (typ.aal, typ.mva, typ.payroll, typ.benefits) == (100, 78, 19, 5.13)
    assert typ.payroll_growth == 0.04 and typ.tiers[0].nc_rate == 0.12


def test_unknown_preset_names_the_choices():
    with pytest.raises(BudgetError, match="san-jose-federated") as err:
        load_preset("oakland")
    assert "oakland" in str(err.value)


def test_round_trip_and_user_folder():
    plan = load_preset("san-jose-federated")
    mine = dataclasses.replace(plan, name="My City Plan", employee=EmployeeRule("fixed", 0.09))
    path = save_plan(mine)
    assert path.parent == paths.config_dir() / "pension_plans" == user_plans_dir()
    assert path.name == "my-city-plan.json"
    assert list_user_plans() == [path]
    back = load_plan(path)
    assert back == mine
    assert project(back).equals(project(mine))
    assert plan_from_dict(plan_to_dict(mine)) == mine


def test_save_to_a_chosen_path(tmp_path):
    plan = load_preset("typical-plan")
    target = save_plan(plan, tmp_path / "sub" / "typ.json")
    assert target.exists() and not (tmp_path / "sub" / "typ.json.tmp").exists()
    assert load_plan(target) == plan


def _doc(**plan_changes) -> dict:
    plan = plan_to_dict(load_preset("typical-plan"))
    plan.update(plan_changes)
    return {"format": FORMAT, "schema_version": 1, "plan": plan}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"plan": {}}', "not a budgetbench pension plan"),
        (json.dumps({"format": FORMAT, "plan": {}}), "no schema_version"),
        (json.dumps({"format": FORMAT, "schema_version": 99, "plan": {}}), "schema version 99"),
        (json.dumps({"format": FORMAT, "schema_version": 1}), 'no "plan"'),
        (json.dumps(_doc(aal="lots")), "plan.aal: must be a number"),
        (json.dumps(_doc(aal=-5)), "plan.aal: must be positive"),
        (json.dumps(_doc(colour="red")), "unknown field 'colour'"),
        (json.dumps(_doc(tiers=[])), "at least one tier"),
        (json.dumps(_doc(tiers=[{"name": "x", "payroll": 1}])), "nc_rate: is missing"),
        (json.dumps(_doc(smoothing={"kind": "magic"})), "must be one of none, recognition"),
        (
            json.dumps(_doc(amortization={"periods": {"gain_loss": 0}})),
            "must be at least 1 year",
        ),
        (json.dumps(_doc(amortization={"ramps": {"investment": "sideways"}})), "up_down"),
        (json.dumps(_doc(smoothing={"corridor": [0.8]})), "two numbers"),
        (json.dumps(_doc(discount_rate=7)), "must be a fraction"),
        (json.dumps(_doc(bases=[{"name": "b", "balance": 1, "years": 2.5}])), "whole number"),
    ],
)
def test_bad_plan_files_are_clear_errors(tmp_path, text, message):
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BudgetError) as err:
        load_plan(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(BudgetError, match="does not exist"):
        load_plan(tmp_path / "nope.json")
    bad = tmp_path / "bin.json"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BudgetError, match="not a text"):
        load_plan(bad)
