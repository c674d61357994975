"""Pension projection engine: assets, liability, layered amortization, and the General Fund.

Pure numpy/pandas (no Qt, no plotting), vectorised over return paths. The formulas are the ones
of the pension reference (``pension-revenue.md`` §2):

* year ``t`` runs from one valuation date to the next; benefits arrive at ``Plan.benefit_timing``
  (½ = mid-year) and contributions at the amortization timing ``t`` (0, ½ or 1 year after the
  valuation date);
* MVA_{t+1} = MVA_t (1+r_t) + C_t (1+r_t)^{1-t} - B_t (1+r_t)^{1-tb};
* AAL_{t+1} = AAL_t (1+i) + NC_t (1+i)^{1-t} - B_t (1+i)^{1-tb} (+ assumption changes);
* each amortization layer: P = B (1+i)^t / ä, ä = Σ_{j<n} w_j ((1+g)/(1+i))^j (w = ramp weights),
  B_{k,t+1} = B_{k,t} (1+i) - P_{k,t} (1+i)^{1-t};
* each year's gain or loss (UAAL minus the sum of the rolled layers) becomes a new layer.

Money is in whatever unit the plan is entered in (the shipped presets use $ thousands, see
``Plan.units``). Rates are fractions (0.06625, not 6.625).

The names the engine gives the layers it makes ("2024 gain/loss") and the messages about
problems in a plan's own figures go through :func:`budgetbench.core.i18n.translate` (context
"pension"), so they follow the interface's language; English when nothing is installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from budgetbench.core.i18n import translate

ReturnsMode = Literal["assumed", "constant", "shock", "stochastic", "path"]
DiscountMeaning = Literal["revalue", "assumption"]
AmortMethod = Literal["level_dollar", "level_percent"]
AmortType = Literal["closed", "open", "recalculated"]
Ramp = Literal["none", "up", "up_down"]
SmoothingKind = Literal["none", "recognition", "corridor"]
EmployeeKind = Literal["fixed", "share_nc", "share_adc"]

#: Sources of an amortization layer (keys of ``AmortizationPolicy.periods`` / ``ramps``).
SOURCES = ("gain_loss", "investment", "assumption", "benefit", "initial", "other")

#: The Pew-style stress path: -24% then three years of +12% (reference §1.5).
PEW_SHOCK = (-0.24, 0.12, 0.12, 0.12)

#: Percentiles reported for stochastic runs.
PERCENTILES = (5, 25, 50, 75, 95)


# ---- inputs ---------------------------------------------------------------------------------
@dataclass
class Tier:
    """A benefit tier: its payroll at the valuation date and its total normal-cost rate.

    ``open_to_new_hires``: new hires join this tier. Closed (legacy) tiers lose
    ``Plan.legacy_turnover`` of their payroll share each year to the open tier, so the new-hire
    share of payroll grows each year and the blended NC rate drifts toward the new tier's.
    """

    name: str
    payroll: float
    nc_rate: float  # total normal cost (employer + employee), fraction of this tier's payroll
    open_to_new_hires: bool = False
    ee_rate: float | None = None  # employee rate of pay under a "fixed" rule (None: rule's rate)
    employee: EmployeeRule | None = None  # this tier's own rule (None: the plan's)


@dataclass
class AmortizationBase:
    """One layer of the unfunded liability, as a valuation's amortization table lists it.

    ``years`` is the number of payments left. ``method``/``growth``/``ramp`` None means the
    plan's policy. ``age`` is the number of payments already made (matters for ramps only).
    ``payment`` is the valuation's published first payment, kept for display and checks.
    """

    name: str
    balance: float
    years: int
    source: str = "gain_loss"  # one of SOURCES
    method: AmortMethod | None = None
    growth: float | None = None
    ramp: Ramp | None = None
    age: int = 0
    payment: float | None = None


@dataclass
class AmortizationPolicy:
    """How the unfunded liability is paid off.

    * ``method``: level dollar (g = 0) or level percent of payroll (g = ``growth``, or the
      plan's payroll growth when None).
    * ``timing``: when a year's contributions are paid, in years after the valuation date
      (0 start, 0.5 through the year, 1 one year later as San José does).
    * ``kind``: "closed" (each year's gain/loss a new layer, each layer paid off over its own
      period), "open" (the whole UAAL re-amortized every year over ``open_period``: never
      reaches zero), "recalculated" (the whole UAAL re-amortized every year over a period that
      starts at ``open_period`` and falls by one a year, down to ``min_period``).
    * ``periods``: years for new layers by source; ``ramps``: ramp for new layers by source
      ("up": 20/40/60/80/100% over the first five years; "up_down": also mirrored in the last
      five, the pre-2019 CalPERS policy).
    """

    method: AmortMethod = "level_percent"
    growth: float | None = None
    timing: float = 0.5
    kind: AmortType = "closed"
    periods: dict[str, int] = field(
        default_factory=lambda: {"gain_loss": 20, "investment": 20, "assumption": 20}
    )
    ramps: dict[str, Ramp] = field(default_factory=dict)
    open_period: int = 30
    min_period: int = 1
    rescale_bases: bool = False  # scale listed bases to the UAAL (else: the gap is a new layer)

    def period(self, source: str) -> int:
        return int(self.periods.get(source, self.periods.get("gain_loss", 20)))

    def ramp(self, source: str) -> Ramp:
        return self.ramps.get(source, "none")


@dataclass
class Smoothing:
    """Actuarial value of assets (§2.2).

    * "none": AVA = MVA.
    * "recognition": each year's asset gain/loss (actual minus expected income) recognized over
      ``years`` years (AVA = MVA - Σ (1 - k/n) G_{t-k+1}).
    * "corridor": AVA_{t+1} = ExpAVA + ``recognition`` (MVA - ExpAVA) (FRS: 20%).
    ``corridor`` (lo, hi) clips the AVA to that share of MVA in either smoothed method (None: no
    corridor).
    """

    kind: SmoothingKind = "recognition"
    years: int = 5
    recognition: float = 0.2
    corridor: tuple[float, float] | None = None


@dataclass
class EmployeeRule:
    """Who pays what (§2.5): the employee's contribution; the employer pays the rest of the ADC.

    * "fixed": ``rate`` of payroll (or each tier's ``ee_rate``);
    * "share_nc": ``share`` of the normal cost;
    * "share_adc": ``share`` of the whole ADC, its rate of pay rising at most ``cap_increase``
      a year (e.g. 1/3 of 1% of payroll) and never below ``floor_nc_share`` of the normal cost
      (San José Measure F: 50% of ADC, cap 0.33% of pay, floor 50% of NC). ``rate`` is then
      the rate paid the year before the projection (0: no cap in the first year). Applied to
      one tier, the ADC is the tier's normal cost plus its payroll share of the amortization.
    """

    kind: EmployeeKind = "fixed"
    rate: float = 0.0
    share: float = 0.5
    cap_increase: float | None = None
    floor_nc_share: float | None = None


@dataclass
class Sensitivity:
    """A GASB 67/68 ±1% table: total pension liability (or NPL plus ``fiduciary_net_position``)
    at the current rate and one point either side. Calibrates duration and convexity (§2.8)."""

    rate: float
    tpl: float
    tpl_minus_1: float
    tpl_plus_1: float

    @classmethod
    def from_npl(
        cls, rate: float, npl: float, npl_minus_1: float, npl_plus_1: float, fnp: float
    ) -> Sensitivity:
        """From net pension liabilities and the fiduciary net position (TPL = NPL + FNP)."""
        return cls(rate, npl + fnp, npl_minus_1 + fnp, npl_plus_1 + fnp)


@dataclass
class Plan:
    """A pension plan at one valuation date, as a Budget 101 room would type it in.

    Money in ``units`` (the presets: "$K"). ``benefits`` is the first year's benefit payments;
    they grow at ``benefit_growth`` (None: the payroll growth). Benefits are not tied to the
    liability: when a valuation does not give them, :func:`steady_state_benefits` gives the
    figure that keeps the liability growing with payroll; far larger benefits drain the
    liability within the projection. ``employer_gf_share`` is the share of the employer
    contribution paid from the General Fund (for crowd-out). ``sources`` names where each figure
    comes from (key: the field name, or "bases", "tiers.<name>", ...).
    """

    name: str
    aal: float
    mva: float
    ava: float
    tiers: list[Tier]
    benefits: float
    discount_rate: float = 0.07
    expected_return: float | None = None  # None: the discount rate
    payroll_growth: float = 0.03
    benefit_growth: float | None = None  # None: the payroll growth
    legacy_turnover: float = 0.05
    benefit_timing: float = 0.5
    amortization: AmortizationPolicy = field(default_factory=AmortizationPolicy)
    bases: list[AmortizationBase] = field(default_factory=list)
    smoothing: Smoothing = field(default_factory=lambda: Smoothing("none"))
    employee: EmployeeRule = field(default_factory=EmployeeRule)
    admin_expense: float = 0.0  # fraction of payroll, paid by the employer on top of the ADC
    sensitivity: Sensitivity | None = None
    duration: float | None = None  # AAL duration when there is no sensitivity table
    convexity: float | None = None
    nc_duration: float = 20.0  # % change in NC per point of discount rate (rough rule, §2.8)
    employer_gf_share: float = 1.0
    valuation_year: int = 2020
    first_fiscal_year: int | None = None  # fiscal year of the first contribution (label only)
    units: str = "$"
    label: str = ""
    notes: str = ""
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def payroll(self) -> float:
        return float(sum(t.payroll for t in self.tiers))

    @property
    def uaal(self) -> float:
        return self.aal - self.ava


@dataclass
class Scenario:
    """What-if settings applied to a plan. None fields keep the plan's own values.

    Returns ("returns"):
    * "assumed": the fund earns its expected return every year;
    * "constant": it earns ``rate`` every year ("earn X% every year");
    * "shock": expected return, then ``shock`` (default -24%, +12% x3) starting in year
      ``shock_year`` (1 = the first projection year), then expected again;
    * "path": ``return_path`` year by year (the expected return after it ends);
    * "stochastic": ``n_paths`` i.i.d. normal returns with arithmetic ``mean`` (None: the
      expected geometric return + sd²/2, see :func:`arithmetic_mean`) and ``sd``; ``seed``.

    Discount rate: ``discount_rate`` with ``discount_meaning``
    * "revalue" (Reading A, GASB style): the same benefits re-discounted at the new rate; the
      liability, NC and funded ratios move; assets and the expected return do not. The change
      in AAL is an assumption-change layer funded on the new rate.
    * "assumption" (Reading B): as revalue, and the expected return moves with the rate.
    """

    name: str = "baseline"
    returns: ReturnsMode = "assumed"
    rate: float | None = None
    shock_year: int = 3
    shock: tuple[float, ...] = PEW_SHOCK
    return_path: Sequence[float] | None = None
    mean: float | None = None
    sd: float = 0.12
    n_paths: int = 1000
    seed: int | None = 0
    discount_rate: float | None = None
    discount_meaning: DiscountMeaning = "assumption"
    employee: EmployeeRule | None = None
    employer_cap: float | None = None  # max employer rate of payroll
    employer_fixed_rate: float | None = None  # statutory: employer pays this rate of payroll
    non_negative: bool = True  # the employer contribution never goes below zero
    smoothing: Smoothing | None = None
    amortization: AmortizationPolicy | None = None
    payroll_growth: float | None = None
    legacy_turnover: float | None = None
    new_tier_nc_rate: float | None = None  # override of the open tier's NC rate
    percentile_columns: tuple[str, ...] = (
        "funded_ratio_ava",
        "funded_ratio_mva",
        "employer_contribution",
        "employer_pct_payroll",
    )


# ---- helpers ------------------------------------------------------------------------------
def ramp_weights(n: int, ramp: Ramp = "none") -> np.ndarray:
    """Payment weights of a layer of ``n`` payments: 1s, or 0.2..1 up (and down) ramps."""
    j = np.arange(max(int(n), 0), dtype=float)
    w = np.ones_like(j)
    if ramp in ("up", "up_down"):
        w = np.minimum(w, (j + 1.0) / 5.0)
    if ramp == "up_down":
        w = np.minimum(w, (n - j) / 5.0)
    return w


def _suffix_factors(
    rate: float, n: int, growth: float, timing: float, ramp: Ramp, length: int, age0: int = 0
) -> np.ndarray:
    """Payment per unit of balance at each age ``age0 .. age0 + length - 1`` of a layer of
    ``n`` payments in all: f_a = w_a (1+i)^t / Σ_{j>=a} w_j q^{j-a}; 0 once paid off."""
    out = np.zeros(length)
    if n <= 0:
        return out
    w = ramp_weights(n, ramp)
    q = (1.0 + growth) / (1.0 + rate)
    s = np.empty(n)
    acc = 0.0
    for j in range(n - 1, -1, -1):  # S_a = w_a + q S_{a+1}
        acc = w[j] + q * acc
        s[j] = acc
    f = w * (1.0 + rate) ** timing / s
    ages = age0 + np.arange(length)
    ok = (ages >= 0) & (ages < n)
    out[ok] = f[ages[ok]]
    return out


def annuity_factor(
    rate: float, periods: int, growth: float = 0.0, timing: float = 0.0, ramp: Ramp = "none"
) -> float:
    """ä such that first payment = balance / ä: Σ_{j<n} w_j q^j / (1+i)^t, q = (1+g)/(1+i).

    With ``timing`` 0.5 and g = 3.25% this is FRS's published amortization factor (V5)."""
    if periods <= 0:
        raise ValueError(translate("pension", "an amortization layer needs at least one payment"))
    w = ramp_weights(periods, ramp)
    q = (1.0 + growth) / (1.0 + rate)
    return float(np.sum(w * q ** np.arange(periods)) / (1.0 + rate) ** timing)


def amortization_payment(
    balance: float, rate: float, periods: int, growth: float = 0.0, timing: float = 0.0
) -> float:
    """First payment of a layer (reference §2.6): balance (1+i)^t / ä, ä = (1 - q^n)/(1 - q).

    ``growth`` 0 is level dollar; the payroll growth is level percent of pay. ``timing``: when
    the payment is made, in years after the valuation date (0, 0.5, 1). Payment j is
    P (1+g)^j. ``amortization_payment(100, 0.07, 15, 0.03)`` payments sum to 159.72 (V11).
    """
    if periods <= 0:
        raise ValueError(translate("pension", "an amortization layer needs at least one payment"))
    q = (1.0 + growth) / (1.0 + rate)
    a = float(periods) if abs(1.0 - q) < 1e-12 else (1.0 - q**periods) / (1.0 - q)
    return float(balance * (1.0 + rate) ** timing / a)


def amortization_schedule(
    balance: float,
    rate: float,
    periods: int,
    growth: float = 0.0,
    timing: float = 0.0,
    ramp: Ramp = "none",
) -> pd.DataFrame:
    """The full schedule of one layer: columns ``year`` (0-based), ``balance`` (at the start of
    the year), ``payment``, ``interest``, ``principal``."""
    f = _suffix_factors(rate, periods, growth, timing, ramp, periods)
    grow = (1.0 + rate) ** (1.0 - timing)
    bal = np.empty(periods)
    pay = np.empty(periods)
    b = float(balance)
    for j in range(periods):
        bal[j] = b
        pay[j] = b * f[j]
        b = b * (1.0 + rate) - pay[j] * grow
    interest = rate * bal - pay * (grow - 1.0)
    return pd.DataFrame(
        {
            "year": np.arange(periods),
            "balance": bal,
            "payment": pay,
            "interest": interest,
            "principal": pay - interest,
        }
    )


def arithmetic_mean(geometric: float, sd: float) -> float:
    """Arithmetic mean return for a geometric (compound) one: g + sd²/2 (6.625% -> 7.345%)."""
    return geometric + sd * sd / 2.0


def geometric_mean(arithmetic: float, sd: float) -> float:
    """Geometric (compound) mean return for an arithmetic one: a - sd²/2."""
    return arithmetic - sd * sd / 2.0


def duration_convexity(sensitivity: Sensitivity) -> tuple[float, float]:
    """Effective duration and convexity from a ±1% table (§2.8): D = (L₋ - L₊)/(2 L₀ 0.01),
    C = (L₋ + L₊ - 2 L₀)/(L₀ 0.01²). Texas TRS FY2024: 12.28 and 230 (V1)."""
    s = sensitivity
    if s.tpl <= 0:
        raise ValueError(translate("pension", "the liability at the current rate must be positive"))
    d = (s.tpl_minus_1 - s.tpl_plus_1) / (2.0 * s.tpl * 0.01)
    c = (s.tpl_minus_1 + s.tpl_plus_1 - 2.0 * s.tpl) / (s.tpl * 0.0001)
    return float(d), float(c)


def revalue(liability: float, delta: float, duration: float, convexity: float = 0.0) -> float:
    """The liability at a rate ``delta`` higher: L (1 - D Δ + ½ C Δ²)."""
    return float(liability * (1.0 - duration * delta + 0.5 * convexity * delta * delta))


def steady_state_benefits(
    aal: float,
    normal_cost: float,
    rate: float,
    growth: float,
    timing: float = 0.5,
    benefit_timing: float = 0.5,
) -> float:
    """First-year benefit payments that make the liability grow at ``growth`` (a plan in
    steady state): AAL (1+g) = AAL (1+i) + NC (1+i)^(1-t) - B (1+i)^(1-tb), solved for B.

    For a plan typed in without its benefit payments; the presets say where they use it."""
    grow_b = (1.0 + rate) ** (1.0 - benefit_timing)
    return float((aal * (rate - growth) + normal_cost * (1.0 + rate) ** (1.0 - timing)) / grow_b)


#: Duration used when a plan has neither a ±1% table nor a duration of its own.
DEFAULT_DURATION = 12.0
#: Convexity / duration² when only a duration is known (Texas TRS: 230 / 12.28² ≈ 1.5).
CONVEXITY_PER_D2 = 1.5


def plan_duration(plan: Plan) -> tuple[float, float]:
    """(duration, convexity) of the plan's AAL: from its sensitivity table, else its
    ``duration``/``convexity``, else a rough default (12, 1.5 D²: Texas TRS' ratio)."""
    if plan.sensitivity is not None:
        return duration_convexity(plan.sensitivity)
    d = DEFAULT_DURATION if plan.duration is None else float(plan.duration)
    c = CONVEXITY_PER_D2 * d * d if plan.convexity is None else float(plan.convexity)
    return d, c


# ---- projection ---------------------------------------------------------------------------
@dataclass
class _Layer:
    name: str
    source: str
    balance: float
    factors: np.ndarray  # payment per unit of balance, by projection year


@dataclass
class _Setup:
    years: int
    i: float  # valuation (discount) rate used for funding
    expected: float  # the assumed asset return ("assumed" mode)
    t: float  # contribution timing
    tb: float  # benefit timing
    aal0: float
    mva0: float
    ava0: float
    payroll: np.ndarray  # (Y,)
    tier_payroll: np.ndarray  # (K, Y)
    tier_nc_rate: np.ndarray  # (K,)
    new_hire_share: np.ndarray  # (Y,)
    benefits: np.ndarray  # (Y,)
    policy: AmortizationPolicy
    smoothing: Smoothing
    rules: list[tuple[EmployeeRule, float | None]]  # per tier: rule, fixed rate override
    admin: float
    employer_cap: float | None
    employer_fixed: float | None
    non_negative: bool
    layers: list[_Layer]
    new_types: list[tuple[str, str, np.ndarray]]  # (source, name "{year} ...", factors by age)
    first_fy: int


def _growth_for(method: AmortMethod, growth: float | None, plan_growth: float) -> float:
    if method == "level_dollar":
        return 0.0
    return plan_growth if growth is None else float(growth)


def _setup(plan: Plan, sc: Scenario, years: int) -> _Setup:
    if years < 1:
        raise ValueError(translate("pension", "years must be at least 1"))
    if not plan.tiers:
        raise ValueError(
            translate("pension", "a plan needs at least one tier (payroll and normal-cost rate)")
        )
    policy = sc.amortization or plan.amortization
    t = float(policy.timing)
    if not 0.0 <= t <= 1.0:
        raise ValueError(translate("pension", "amortization timing must be between 0 and 1 year"))
    g_pay = plan.payroll_growth if sc.payroll_growth is None else sc.payroll_growth
    turnover = plan.legacy_turnover if sc.legacy_turnover is None else sc.legacy_turnover
    i0 = plan.discount_rate
    expected0 = i0 if plan.expected_return is None else plan.expected_return
    i = i0 if sc.discount_rate is None else float(sc.discount_rate)
    delta = i - i0
    expected = expected0 + delta if sc.discount_meaning == "assumption" else expected0

    # payroll by tier: legacy (closed) tiers lose `turnover` of their share a year to open ones
    y = np.arange(years)
    payroll = plan.payroll * (1.0 + g_pay) ** y
    base = np.array([tr.payroll for tr in plan.tiers], dtype=float)
    share0 = base / base.sum() if base.sum() > 0 else np.full(len(base), 1.0 / len(base))
    is_open = np.array([tr.open_to_new_hires for tr in plan.tiers])
    shares = np.repeat(share0[:, None], years, axis=1)
    if is_open.any() and (~is_open).any():
        keep = (1.0 - turnover) ** y
        shares[~is_open] = share0[~is_open, None] * keep
        moved = share0[~is_open].sum() * (1.0 - keep)
        open_w = share0[is_open] / share0[is_open].sum() if share0[is_open].sum() > 0 else None
        if open_w is None:
            open_w = np.full(is_open.sum(), 1.0 / is_open.sum())
        shares[is_open] = share0[is_open, None] + open_w[:, None] * moved
    tier_payroll = shares * payroll
    nc_rate = np.array([tr.nc_rate for tr in plan.tiers], dtype=float)
    if sc.new_tier_nc_rate is not None:
        nc_rate = np.where(is_open, sc.new_tier_nc_rate, nc_rate)
    if delta:
        nc_rate = nc_rate * float(np.exp(-plan.nc_duration * delta))
    new_hire_share = shares[is_open].sum(axis=0) if is_open.any() else np.zeros(years)
    g_ben = g_pay if plan.benefit_growth is None else plan.benefit_growth
    benefits = plan.benefits * (1.0 + g_ben) ** y

    # starting liability (revalued at a new rate) and starting layers
    aal0 = plan.aal
    if delta:
        d, c = plan_duration(plan)
        aal0 = revalue(plan.aal, delta, d, c)
    uaal0 = aal0 - plan.ava
    layers: list[_Layer] = []

    def fac(n: int, method: AmortMethod, growth: float | None, ramp: Ramp, age: int = 0):
        g = _growth_for(method, growth, g_pay if policy.growth is None else policy.growth)
        return _suffix_factors(i, n, g, t, ramp, years, age0=age)

    amort_kind = policy.kind
    if amort_kind == "closed":
        listed = sum(b.balance for b in plan.bases)
        target = plan.aal - plan.ava  # bases describe the plan's own valuation
        scale = target / listed if (policy.rescale_bases and listed) else 1.0
        for b in plan.bases:
            method = b.method or policy.method
            ramp = b.ramp or "none"
            layers.append(
                _Layer(
                    b.name,
                    b.source,
                    b.balance * scale,
                    fac(b.age + b.years, method, b.growth, ramp, b.age),
                )
            )
        gap = target - listed * scale
        if abs(gap) > 1e-9 * max(abs(plan.aal), 1.0):
            src = "initial"
            name = (
                translate("pension", "Unfunded liability at the start")
                if not plan.bases
                else translate("pension", "Bases not listed")
            )
            layers.append(
                _Layer(
                    name,
                    src,
                    gap,
                    fac(policy.period(src), policy.method, None, policy.ramp(src)),
                )
            )
        if delta:
            src = "assumption"
            layers.append(
                _Layer(
                    translate("pension", "Discount rate {old} -> {new}").format(
                        old=f"{i0:.3%}", new=f"{i:.3%}"
                    ),
                    src,
                    aal0 - plan.aal,
                    fac(policy.period(src), policy.method, None, policy.ramp(src)),
                )
            )
    else:
        layers.append(
            _Layer(translate("pension", "Unfunded liability"), "initial", uaal0, np.zeros(years))
        )
        n0 = max(int(policy.open_period), 1)
        g = _growth_for(policy.method, None, g_pay if policy.growth is None else policy.growth)
        for k in range(years):
            n = n0 if amort_kind == "open" else max(n0 - k, int(policy.min_period), 1)
            layers[0].factors[k] = _suffix_factors(i, n, g, t, "none", 1)[0]

    # the kinds of layer created each year (closed only): one, or investment + other
    new_types: list[tuple[str, str, np.ndarray]] = []
    if amort_kind == "closed":
        spec = {s: (policy.period(s), policy.ramp(s)) for s in ("investment", "gain_loss")}
        g = _growth_for(policy.method, None, g_pay if policy.growth is None else policy.growth)
        gain_loss = translate("pension", "{year} gain/loss")
        for src, label in (
            ("investment", translate("pension", "{year} investment gain/loss")),
            ("gain_loss", gain_loss),
        ):
            n, ramp = spec[src]
            new_types.append((src, label, _suffix_factors(i, n, g, t, ramp, years + 1)))
        if spec["investment"] == spec["gain_loss"]:
            new_types = [("gain_loss", gain_loss, new_types[1][2])]

    rules: list[tuple[EmployeeRule, float | None]] = []
    for tr in plan.tiers:
        if sc.employee is not None:
            rules.append((sc.employee, None))
        else:
            rules.append((tr.employee or plan.employee, tr.ee_rate))
    smoothing = sc.smoothing or plan.smoothing
    if smoothing.kind == "recognition" and smoothing.years < 1:
        raise ValueError(translate("pension", "smoothing years must be at least 1"))
    first_fy = plan.first_fiscal_year or plan.valuation_year + 1
    return _Setup(
        years=years,
        i=i,
        expected=expected,
        t=t,
        tb=float(plan.benefit_timing),
        aal0=aal0,
        mva0=plan.mva,
        ava0=plan.ava,
        payroll=payroll,
        tier_payroll=tier_payroll,
        tier_nc_rate=nc_rate,
        new_hire_share=new_hire_share,
        benefits=benefits,
        policy=policy,
        smoothing=smoothing,
        rules=rules,
        admin=plan.admin_expense,
        employer_cap=sc.employer_cap,
        employer_fixed=sc.employer_fixed_rate,
        non_negative=sc.non_negative,
        layers=layers,
        new_types=new_types,
        first_fy=first_fy,
    )


def _returns(st: _Setup, sc: Scenario) -> np.ndarray:
    """Return matrix (n_paths, years)."""
    y = st.years
    mode = sc.returns
    if mode == "stochastic":
        n = int(sc.n_paths)
        if n < 1:
            raise ValueError("n_paths must be at least 1")
        mean = _stochastic_mean(st, sc)
        rng = np.random.default_rng(sc.seed)
        r = rng.normal(mean, sc.sd, size=(n, y))
    else:
        r = np.full((1, y), st.expected)
        if mode == "constant":
            if sc.rate is None:
                raise ValueError('returns "constant" needs a rate')
            r[:] = sc.rate
        elif mode == "shock":
            k0 = max(int(sc.shock_year), 1) - 1
            for k, v in enumerate(sc.shock):
                if k0 + k < y:
                    r[0, k0 + k] = v
        elif mode == "path":
            path = list(sc.return_path or [])
            m = min(len(path), y)
            r[0, :m] = path[:m]
        elif mode != "assumed":
            raise ValueError(f"unknown returns mode {mode!r}")
    return np.maximum(r, -0.99)


def _simulate(st: _Setup, r: np.ndarray, keep_layers: bool) -> dict:
    P, Y = r.shape
    i, t, tb = st.i, st.t, st.tb
    gi_c, gi_b = (1.0 + i) ** (1.0 - t), (1.0 + i) ** (1.0 - tb)
    n_init = len(st.layers)
    n_types = len(st.new_types)
    L = n_init + n_types * max(Y - 1, 0)
    # factor matrix (layer, year)
    F = np.zeros((L, Y))
    names = [lay.name for lay in st.layers]
    sources = [lay.source for lay in st.layers]
    for k, lay in enumerate(st.layers):
        F[k] = lay.factors
    for y in range(Y - 1):  # layers created at the end of year y, paid from year y+1
        for m, (src, label, f) in enumerate(st.new_types):
            row = n_init + n_types * y + m
            F[row, y + 1 :] = f[: Y - y - 1]
            names.append(label.format(year=st.first_fy + y))
            sources.append(src)
    bal = np.zeros((P, L))
    bal[:, :n_init] = [lay.balance for lay in st.layers]
    single = st.policy.kind != "closed"

    nc_tier = st.tier_nc_rate[:, None] * st.tier_payroll  # (K, Y)
    nc = nc_tier.sum(axis=0)
    aal = np.empty(Y + 1)
    aal[0] = st.aal0
    for y in range(Y):
        aal[y + 1] = aal[y] * (1.0 + i) + nc[y] * gi_c - st.benefits[y] * gi_b

    out = {
        name: np.empty((P, Y))
        for name in (
            "mva",
            "ava",
            "amortization_payment",
            "employee_contribution",
            "employer_fund",
            "layers_total",
            "gain_loss",
            "mva_end",
            "ava_end",
        )
    }
    lay_bal = np.zeros((P, L, Y)) if keep_layers else None
    lay_pay = np.zeros((P, L, Y)) if keep_layers else None
    mva = np.full(P, st.mva0)
    ava = np.full(P, st.ava0)
    sm = st.smoothing
    n_s = max(int(sm.years), 1)
    defer_w = np.array([1.0 - (k + 1) / n_s for k in range(n_s - 1)])  # latest first
    g_hist = np.zeros((P, max(n_s - 1, 1)))  # latest first
    d0 = st.mva0 - st.ava0  # initial deferred gain (negative: loss)
    prev_rate = [None] * len(st.rules)
    for y in range(Y):
        active = L if single else n_init + n_types * y
        b = bal[:, :active]
        pay = b * F[:active, y]
        amort = pay.sum(axis=1)
        out["layers_total"][:, y] = b.sum(axis=1)
        if keep_layers:
            lay_bal[:, :active, y] = b
            lay_pay[:, :active, y] = pay
        adc = nc[y] + amort
        pr = st.payroll[y]
        # employee contributions, tier by tier
        ee = np.zeros(P)
        for k, (rule, tier_rate) in enumerate(st.rules):
            tp = st.tier_payroll[k, y]
            if rule.kind == "fixed":
                ee += (rule.rate if tier_rate is None else tier_rate) * tp
            elif rule.kind == "share_nc":
                ee += rule.share * nc_tier[k, y]
            elif rule.kind == "share_adc":
                if tp <= 0:
                    continue
                rate = rule.share * (st.tier_nc_rate[k] + amort / pr)
                if rule.cap_increase is not None:
                    prev = prev_rate[k]
                    if prev is None and rule.rate > 0:
                        prev = np.full(P, rule.rate)
                    if prev is not None:
                        rate = np.minimum(rate, prev + rule.cap_increase)
                if rule.floor_nc_share is not None:
                    rate = np.maximum(rate, rule.floor_nc_share * st.tier_nc_rate[k])
                prev_rate[k] = rate
                ee += rate * tp
            else:
                raise ValueError(f"unknown employee rule {rule.kind!r}")
        er = adc - ee
        if st.employer_fixed is not None:
            er = np.full(P, st.employer_fixed * pr)
        if st.employer_cap is not None:
            er = np.minimum(er, st.employer_cap * pr)
        if st.non_negative:
            er = np.maximum(er, 0.0)
        cf = ee + er
        ben = st.benefits[y]
        ry = r[:, y]
        mva_end = mva * (1.0 + ry) + cf * (1.0 + ry) ** (1.0 - t) - ben * (1.0 + ry) ** (1.0 - tb)
        flows_i = cf * gi_c - ben * gi_b
        gain = mva_end - (mva * (1.0 + i) + flows_i)
        exp_ava = ava * (1.0 + i) + flows_i
        if sm.kind == "none":
            ava_end = mva_end
        elif sm.kind == "recognition":
            if n_s > 1:
                g_hist[:, 1:] = g_hist[:, :-1]
                g_hist[:, 0] = gain
                deferred = g_hist[:, : n_s - 1] @ defer_w
                deferred = deferred + d0 * max(0.0, 1.0 - (y + 1) / (n_s - 1))
            else:
                deferred = 0.0
            ava_end = mva_end - deferred
        elif sm.kind == "corridor":
            ava_end = exp_ava + sm.recognition * (mva_end - exp_ava)
        else:
            raise ValueError(f"unknown smoothing {sm.kind!r}")
        if sm.corridor is not None and sm.kind != "none":
            lo, hi = sm.corridor
            ava_end = np.clip(ava_end, lo * mva_end, hi * mva_end)
        uaal_end = aal[y + 1] - ava_end
        out["mva"][:, y] = mva
        out["ava"][:, y] = ava
        out["amortization_payment"][:, y] = amort
        out["employee_contribution"][:, y] = ee
        out["employer_fund"][:, y] = er
        out["mva_end"][:, y] = mva_end
        out["ava_end"][:, y] = ava_end
        if single:
            bal[:, 0] = uaal_end
            out["gain_loss"][:, y] = uaal_end - (b[:, 0] * (1.0 + i) - amort * gi_c)
        else:
            b *= 1.0 + i
            b -= pay * gi_c
            resid = uaal_end - b.sum(axis=1)
            out["gain_loss"][:, y] = resid
            if y < Y - 1:
                base = n_init + n_types * y
                if n_types == 1:
                    bal[:, base] = resid
                else:
                    inv = exp_ava - ava_end
                    bal[:, base] = inv
                    bal[:, base + 1] = resid - inv
        mva, ava = mva_end, ava_end
    out["aal"] = np.broadcast_to(aal[:Y], (P, Y))
    out["aal_end"] = np.broadcast_to(aal[1:], (P, Y))
    out["normal_cost"] = np.broadcast_to(nc, (P, Y))
    out["investment_return"] = r
    if keep_layers:
        out["layer_balance"] = lay_bal
        out["layer_payment"] = lay_pay
    out["layer_names"] = names
    out["layer_sources"] = sources
    return out


def _columns(st: _Setup, raw: dict) -> dict[str, np.ndarray]:
    """The documented columns, (n_paths, years) each, from the simulation arrays."""
    P, Y = raw["mva"].shape
    i, t = st.i, st.t
    pay = np.broadcast_to(st.payroll, (P, Y))
    aal, mva, ava = raw["aal"], raw["mva"], raw["ava"]
    amort = raw["amortization_payment"]
    nc = raw["normal_cost"]
    ee = raw["employee_contribution"]
    er = raw["employer_fund"] + st.admin * pay
    uaal = aal - ava
    interest = i * uaal - amort * ((1.0 + i) ** (1.0 - t) - 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cols = {
            "year": np.broadcast_to(np.arange(1, Y + 1), (P, Y)),
            "fiscal_year": np.broadcast_to(st.first_fy + np.arange(Y), (P, Y)),
            "payroll": pay,
            "aal": aal,
            "ava": ava,
            "mva": mva,
            "uaal": uaal,
            "uaal_mva": aal - mva,
            "funded_ratio_ava": ava / aal,
            "funded_ratio_mva": mva / aal,
            "nc_rate": nc / pay,
            "normal_cost": nc,
            "new_hire_share": np.broadcast_to(st.new_hire_share, (P, Y)),
            "benefits": np.broadcast_to(st.benefits, (P, Y)),
            "amortization_payment": amort,
            "adc": nc + amort,
            "employee_contribution": ee,
            "employer_contribution": er,
            "employer_pct_payroll": er / pay,
            "employee_pct_payroll": ee / pay,
            "total_contribution": ee + er,
            "fund_contribution": ee + raw["employer_fund"],
            "interest_part": interest,
            "principal_part": amort - interest,
            "negative_amortization": (uaal > 1e-9 * np.abs(aal)) & (amort < interest),
            "investment_return": raw["investment_return"],
            "gain_loss": raw["gain_loss"],
            "aal_funding": aal,
            "uaal_funding": uaal,
            "layers_total": raw["layers_total"],
            "aal_end": raw["aal_end"],
            "mva_end": raw["mva_end"],
            "ava_end": raw["ava_end"],
        }
    return cols


def _attrs(st: _Setup, sc: Scenario, plan: Plan) -> dict:
    return {
        "plan": plan.name,
        "scenario": sc.name,
        "units": plan.units,
        "discount_rate": st.i,
        "expected_return": st.expected,
        "timing": st.t,
        "benefit_timing": st.tb,
        "admin_expense": st.admin,
        "returns": sc.returns,
        **(
            {
                "return_mean_arithmetic": _stochastic_mean(st, sc),
                "return_mean_geometric": geometric_mean(_stochastic_mean(st, sc), sc.sd),
                "return_sd": sc.sd,
                "n_paths": int(sc.n_paths),
                "seed": sc.seed,
            }
            if sc.returns == "stochastic"
            else {}
        ),
    }


def _stochastic_mean(st: _Setup, sc: Scenario) -> float:
    return arithmetic_mean(st.expected, sc.sd) if sc.mean is None else float(sc.mean)


#: Above this many layer-array elements (paths x layers x years) project_paths leaves the
#: per-layer arrays out unless asked.
_LAYER_ELEMENTS = 5_000_000


def project_paths(
    plan: Plan,
    scenario: Scenario | None = None,
    years: int = 30,
    keep_layers: bool | None = None,
) -> dict:
    """The raw projection arrays, shape (n_paths, years) each, keyed by the column names of
    :func:`project` (plus ``layer_balance`` and ``layer_payment``, (n_paths, n_layers, years),
    and ``layer_names``, ``layer_sources``; ``attrs`` as :func:`project`'s ``frame.attrs``).

    ``keep_layers`` None keeps the per-layer arrays only when they are small (they are paths x
    layers x years); False leaves them out, True always keeps them."""
    sc = scenario or Scenario()
    st = _setup(plan, sc, years)
    r = _returns(st, sc)
    if keep_layers is None:
        n_layers = len(st.layers) + len(st.new_types) * years
        keep_layers = r.shape[0] * n_layers * years <= _LAYER_ELEMENTS
    raw = _simulate(st, r, keep_layers=keep_layers)
    out: dict = dict(_columns(st, raw))
    keys = ("layer_names", "layer_sources")
    if keep_layers:
        keys = ("layer_balance", "layer_payment", *keys)
    for key in keys:
        out[key] = raw[key]
    out["attrs"] = _attrs(st, sc, plan)
    return out


def project(plan: Plan, scenario: Scenario | None = None, years: int = 30) -> pd.DataFrame:
    """Project the plan ``years`` years forward; one row per year.

    Columns (money in the plan's units; rates as fractions; values at the start of each year
    unless said):

    ``year`` (1..years), ``fiscal_year`` (first fiscal year + year - 1), ``payroll``, ``aal``,
    ``ava``, ``mva``, ``uaal`` (aal - ava), ``uaal_mva`` (aal - mva), ``funded_ratio_ava``,
    ``funded_ratio_mva``, ``nc_rate`` (blended), ``normal_cost``, ``new_hire_share`` (of
    payroll), ``benefits``, ``amortization_payment`` (Σ layer payments), ``adc`` (normal cost +
    amortization), ``employee_contribution``, ``employer_contribution`` (incl. admin expense),
    ``employer_pct_payroll``, ``employee_pct_payroll``, ``total_contribution``,
    ``fund_contribution`` (what reaches the fund: total less the admin expense),
    ``interest_part`` (interest on the UAAL over the year, net of interest on the payment),
    ``principal_part`` (amortization payment - interest_part), ``negative_amortization`` (bool:
    payment below interest), ``investment_return`` (the year's return; median when
    stochastic), ``gain_loss`` (the new layer created at the end of the year),
    ``aal_funding`` and ``uaal_funding`` (the liability the contributions are set on: equals
    aal/uaal), ``layers_total`` (Σ layer balances; equals uaal_funding every year),
    ``aal_end``, ``mva_end``, ``ava_end`` (end-of-year values, = next row's start values).

    Stochastic runs: the columns hold medians across paths, and for each name in
    ``scenario.percentile_columns`` there are ``<name>_p5``, ``_p25``, ``_p50``, ``_p75``,
    ``_p95``; plus ``prob_funded_below_60`` and ``prob_funded_below_40`` (share of paths whose
    MVA funded ratio is below 60% / 40% that year), ``prob_ever_below_60`` (by that year), and
    ``n_paths``. ``negative_amortization`` is then "more than half the paths".

    ``frame.attrs`` holds the plan and scenario names, ``units``, ``discount_rate``,
    ``expected_return``, ``timing`` and ``benefit_timing``.
    """
    sc = scenario or Scenario()
    st = _setup(plan, sc, years)
    r = _returns(st, sc)
    raw = _simulate(st, r, keep_layers=False)
    cols = _columns(st, raw)
    if r.shape[0] == 1:
        frame = pd.DataFrame({k: np.asarray(v[0]) for k, v in cols.items()})
    else:
        data: dict[str, np.ndarray] = {}
        for k, v in cols.items():
            if k == "negative_amortization":
                data[k] = v.mean(axis=0) > 0.5
            elif k in ("year", "fiscal_year"):
                data[k] = np.asarray(v[0])
            else:
                data[k] = np.median(v, axis=0)
        for k in sc.percentile_columns:
            pct = np.percentile(cols[k], PERCENTILES, axis=0)
            for p, row in zip(PERCENTILES, pct, strict=True):
                data[f"{k}_p{p}"] = row
        fr = cols["funded_ratio_mva"]
        data["prob_funded_below_60"] = (fr < 0.6).mean(axis=0)
        data["prob_funded_below_40"] = (fr < 0.4).mean(axis=0)
        data["prob_ever_below_60"] = np.maximum.accumulate(fr < 0.6, axis=1).mean(axis=0)
        data["n_paths"] = np.full(years, r.shape[0])
        frame = pd.DataFrame(data)
    for k in ("year", "fiscal_year"):
        frame[k] = frame[k].astype(int)
    frame["negative_amortization"] = frame["negative_amortization"].astype(bool)
    frame.attrs.update(_attrs(st, sc, plan))
    return frame


def layers(plan: Plan, scenario: Scenario | None = None, years: int = 30) -> pd.DataFrame:
    """Per-layer payments over time, for the "mortgage view" stack chart. Long format, one row
    per (layer, year) with a non-zero balance or payment: ``layer`` (name, e.g.
    "2009 UAL" or "2023 gain/loss"), ``source``, ``year``, ``fiscal_year``, ``balance`` (start
    of year), ``payment``, ``interest``, ``principal``. Stochastic runs: the layers of the
    median path (the path whose final market funded ratio is the median), so they add up to
    that path's UAAL; ``frame.attrs["path"]`` is its index."""
    sc = scenario or Scenario()
    st = _setup(plan, sc, years)
    r = _returns(st, sc)
    path = 0
    if r.shape[0] > 1:
        final = _simulate(st, r, keep_layers=False)
        fr = final["mva_end"][:, -1] / final["aal_end"][0, -1]
        path = int(np.argsort(fr)[len(fr) // 2])
    raw = _simulate(st, r[path : path + 1], keep_layers=True)
    bal, pay = raw["layer_balance"][0], raw["layer_payment"][0]
    L, Y = bal.shape
    interest = st.i * bal - pay * ((1.0 + st.i) ** (1.0 - st.t) - 1.0)
    li, yi = np.meshgrid(np.arange(L), np.arange(Y), indexing="ij")
    names = np.asarray(raw["layer_names"], dtype=object)
    sources = np.asarray(raw["layer_sources"], dtype=object)
    scale = max(abs(plan.aal), 1.0) * 1e-12
    keep = ((np.abs(bal) > scale) | (np.abs(pay) > scale)).ravel()
    frame = pd.DataFrame(
        {
            "layer": names[li.ravel()],
            "source": sources[li.ravel()],
            "year": yi.ravel() + 1,
            "fiscal_year": st.first_fy + yi.ravel(),
            "balance": bal.ravel(),
            "payment": pay.ravel(),
            "interest": interest.ravel(),
            "principal": (pay - interest).ravel(),
        }
    )[keep]
    frame = frame.reset_index(drop=True)
    frame.attrs.update(_attrs(st, sc, plan))
    frame.attrs["path"] = path
    return frame


def identity_errors(frame: pd.DataFrame | dict) -> dict[str, float]:
    """Largest relative break of each identity in a :func:`project` frame (deterministic) or a
    :func:`project_paths` result (every path): the asset and liability roll-forwards (end =
    next start), UAAL = AAL - AVA, UAAL = Σ layers, ADC = NC + amortization, EE + ER = total
    contribution. All ~1e-12 when the engine is right (relative to the AAL)."""
    if isinstance(frame, pd.DataFrame):
        if "n_paths" in frame.columns:
            raise ValueError("identities hold path by path: pass project_paths(...) instead")
        attrs = frame.attrs
        c = {k: np.asarray(frame[k], dtype=float)[None, :] for k in frame.columns}
    else:
        attrs = frame["attrs"]
        c = {
            k: np.asarray(v, dtype=float)
            for k, v in frame.items()
            if isinstance(v, np.ndarray) and v.ndim == 2
        }
    i, t, tb = attrs["discount_rate"], attrs["timing"], attrs["benefit_timing"]
    r = c["investment_return"]
    scale = np.abs(c["aal"]).max()
    mva_roll = (
        c["mva"] * (1 + r)
        + c["fund_contribution"] * (1 + r) ** (1 - t)
        - c["benefits"] * (1 + r) ** (1 - tb)
    )
    aal_roll = (
        c["aal"] * (1 + i)
        + c["normal_cost"] * (1 + i) ** (1 - t)
        - c["benefits"] * (1 + i) ** (1 - tb)
    )

    def worst(a: np.ndarray) -> float:
        return float(np.max(np.abs(a)) / scale) if a.size else 0.0

    return {
        "mva_rollforward": worst(c["mva_end"] - mva_roll),
        "aal_rollforward": worst(c["aal_end"] - aal_roll),
        "mva_continuity": worst(c["mva_end"][:, :-1] - c["mva"][:, 1:]),
        "ava_continuity": worst(c["ava_end"][:, :-1] - c["ava"][:, 1:]),
        "aal_continuity": worst(c["aal_end"][:, :-1] - c["aal"][:, 1:]),
        "uaal": worst(c["uaal"] - (c["aal"] - c["ava"])),
        "uaal_layers": worst(c["uaal_funding"] - c["layers_total"]),
        "adc": worst(c["adc"] - c["normal_cost"] - c["amortization_payment"]),
        "contributions": worst(
            c["total_contribution"] - c["employee_contribution"] - c["employer_contribution"]
        ),
    }


# ---- the General Fund -----------------------------------------------------------------------
def _series(values, n: int | None = None, index=None) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.astype(float)
    if np.ndim(values) == 0:
        return pd.Series(np.full(n or 1, float(values)), index=index)
    return pd.Series(np.asarray(values, dtype=float), index=index)


#: San José council blog (reference §2.10): $185,000 per firefighter, 14 per one-engine station.
FIREFIGHTERS_PER_STATION = 14


def crowd_out(
    contribution_by_year: Sequence[float] | pd.Series,
    general_fund_revenue: Sequence[float] | pd.Series | float,
    cost_per_fte: float = 185_000.0,
    unit_cost: float | None = None,
    baseline: Sequence[float] | pd.Series | float | None = None,
    unit_name: str = "fire stations",
) -> pd.DataFrame:
    """Employer pension contributions next to General Fund revenue (§2.10).

    ``contribution_by_year`` is the GF-paid contribution per year (same units as revenue);
    ``general_fund_revenue`` a series or a constant; ``baseline`` what the contribution would
    be otherwise (default: the first year's contribution, held flat). ``unit_cost`` is the cost
    of one "unit" a room understands (default 14 firefighters x ``cost_per_fte``: a one-engine
    fire station, reference §2.10).

    Columns: ``year`` (index position + 1, or the series index), ``contribution``,
    ``gf_revenue``, ``share_of_gf`` (fraction), ``baseline``, ``change`` (contribution -
    baseline), ``fte_equivalent`` (change / cost_per_fte), ``units_equivalent`` (change /
    unit_cost), ``unit_name``.
    """
    contrib = _series(contribution_by_year)
    n = len(contrib)
    if n == 0:
        raise ValueError("no contributions given")
    if isinstance(contribution_by_year, pd.Series):
        years = np.asarray(contribution_by_year.index)
    else:
        years = np.arange(1, n + 1)
    contrib = pd.Series(contrib.to_numpy(), index=range(n))
    revenue = pd.Series(_series(general_fund_revenue, n).to_numpy(), index=range(n))
    if len(revenue) != n:
        raise ValueError("contributions and revenue need the same number of years")
    if baseline is None:
        base = pd.Series(np.full(n, contrib.iloc[0]), index=range(n))
    else:
        base = pd.Series(_series(baseline, n).to_numpy(), index=range(n))
        if len(base) != n:
            raise ValueError("contributions and baseline need the same number of years")
    if cost_per_fte <= 0:
        raise ValueError("the cost per FTE must be positive")
    unit = FIREFIGHTERS_PER_STATION * cost_per_fte if unit_cost is None else float(unit_cost)
    if unit <= 0:
        raise ValueError("the unit cost must be positive")
    change = contrib - base
    with np.errstate(divide="ignore", invalid="ignore"):
        share = contrib.to_numpy() / revenue.to_numpy()
    return pd.DataFrame(
        {
            "year": years,
            "contribution": contrib.to_numpy(),
            "gf_revenue": revenue.to_numpy(),
            "share_of_gf": share,
            "baseline": base.to_numpy(),
            "change": change.to_numpy(),
            "fte_equivalent": change.to_numpy() / cost_per_fte,
            "units_equivalent": change.to_numpy() / unit,
            "unit_name": unit_name,
        }
    )
