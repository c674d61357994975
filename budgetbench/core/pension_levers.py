"""A Pensions scenario's levers (the choices a user moves) and the engine scenario they make.

Pure and light: imported by the Pensions view at start-up and by the export, so the engine
(:mod:`budgetbench.core.pension`, numpy-backed) is imported only when a scenario is built.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from budgetbench.core.pension import Plan, Scenario

#: Random-return runs a scenario makes unless it says otherwise.
DEFAULT_PATHS = 2_000
#: Lever defaults the plan does not give.
FREE_DEFAULTS: dict[str, Any] = {
    "returns": "assumed",
    "shock_year": 3,
    "sd": 0.12,
    "n_paths": DEFAULT_PATHS,
    "discount_meaning": "assumption",
    "employee": "plan",
    "employee_value": 0.5,
}


# ---- levers -> engine --------------------------------------------------------------------
def unit_factor(units: str) -> float | None:
    """Dollars per unit of a plan's money: ``"$K"`` -> 1000; ``None`` when the plan is in
    index units (the typical plan's "liability = 100")."""
    m = re.fullmatch(r"\s*\$\s*([KMB])?\s*", units or "$", flags=re.IGNORECASE)
    if m is None:
        return None
    return {None: 1.0, "K": 1e3, "M": 1e6, "B": 1e9}[m.group(1) and m.group(1).upper()]


def plan_levers(plan: Plan) -> dict[str, Any]:
    """The levers as the plan itself sets them (what "As the plan assumes" means)."""
    expected = plan.discount_rate if plan.expected_return is None else plan.expected_return
    pol, sm = plan.amortization, plan.smoothing
    return {
        **FREE_DEFAULTS,
        "rate": float(expected),
        "discount_rate": float(plan.discount_rate),
        "period": int(pol.period("gain_loss")),
        "method": pol.method,
        "kind": pol.kind,
        "ramp": pol.ramp("investment"),
        "smoothing": sm.kind,
        "smoothing_years": int(sm.years),
        "corridor": sm.corridor is not None,
        "payroll_growth": float(plan.payroll_growth),
        "turnover": float(plan.legacy_turnover),
    }


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-9
        except (TypeError, ValueError):
            return False
    return a == b


def build_scenario(plan: Plan, levers: dict[str, Any], name: str = "scenario") -> Scenario:
    """The engine's :class:`~budgetbench.core.pension.Scenario` for a dict of levers (the
    ``levers`` of a saved scenario). A lever left at the plan's own value leaves the plan
    untouched; unknown or missing levers take the plan's values."""
    import dataclasses

    from budgetbench.core.pension import EmployeeRule, Scenario, Smoothing

    base = plan_levers(plan)
    lv = {**base, **{k: v for k, v in levers.items() if k in base}}
    sc = Scenario(name=name, returns=lv["returns"], seed=0)
    if lv["returns"] == "constant":
        sc.rate = float(lv["rate"])
    elif lv["returns"] == "shock":
        sc.shock_year = int(lv["shock_year"])
    elif lv["returns"] == "stochastic":
        sc.sd = float(lv["sd"])
        sc.n_paths = int(lv["n_paths"])
    if not same(lv["discount_rate"], base["discount_rate"]):
        sc.discount_rate = float(lv["discount_rate"])
        sc.discount_meaning = lv["discount_meaning"]
    pol = plan.amortization
    if any(not same(lv[k], base[k]) for k in ("period", "method", "kind", "ramp")):
        periods = dict(pol.periods)
        ramps = dict(pol.ramps)
        if not same(lv["period"], base["period"]):
            periods["gain_loss"] = periods["investment"] = int(lv["period"])
        if not same(lv["ramp"], base["ramp"]):
            ramps["gain_loss"] = ramps["investment"] = lv["ramp"]
        sc.amortization = dataclasses.replace(
            pol,
            method=lv["method"],
            kind=lv["kind"],
            periods=periods,
            ramps=ramps,
            open_period=int(lv["period"]) if lv["kind"] != "closed" else pol.open_period,
        )
    if any(not same(lv[k], base[k]) for k in ("smoothing", "smoothing_years", "corridor")):
        sm = plan.smoothing
        sc.smoothing = Smoothing(
            kind=lv["smoothing"],
            years=max(int(lv["smoothing_years"]), 1),
            recognition=sm.recognition,
            corridor=(sm.corridor or (0.8, 1.2)) if lv["corridor"] else None,
        )
    if not same(lv["payroll_growth"], base["payroll_growth"]):
        sc.payroll_growth = float(lv["payroll_growth"])
    if not same(lv["turnover"], base["turnover"]):
        sc.legacy_turnover = float(lv["turnover"])
    kind, value = lv["employee"], float(lv["employee_value"])
    if kind == "fixed":
        sc.employee = EmployeeRule("fixed", rate=value)
    elif kind == "share_nc":
        sc.employee = EmployeeRule("share_nc", share=value)
    elif kind == "share_adc":
        sc.employee = EmployeeRule(
            "share_adc", share=value, cap_increase=1 / 300, floor_nc_share=0.5
        )
    return sc
