"""A multi-year General Fund forecast, its levers, its balance meter and scenario comparison.

The base year is the loaded budget's own General Fund (its default year and phase, see
:func:`budgetbench.core.lens.default_year_phase`) and equals the file to the dollar: revenue
and spending, transfers included. From there, up to ten years ahead:

* revenue by stream, each moved by its driver (:mod:`budgetbench.core.revenue`), plus any
  tax measures, under an optional recession;
* spending by department and by object (salaries, retirement, health, other benefits,
  services, capital, debt, transfers out, contributions to reserves, other), each object with
  its own growth; retirement from a Pensions scenario when one is chosen;
* one-time money (lines marked one-time, use of fund balance) kept apart from ongoing money:
  it is counted in its year and does not recur;
* the structural gap (ongoing spending - ongoing revenue), the surplus or deficit, the
  reserve and how many months of spending it covers against GFOA's two months.

Spending levers per department (± % and ± $) and revenue measures balance it; each lever has a
unit the room understands ("1 library branch open 7 days = $1.4M"). :meth:`Forecast.meter`
gives the Citizen-Budget-style balance position. :func:`compare` spells out how two scenarios
differ. Scenarios serialise to plain dicts for the session file.

Pure numpy/pandas: the base year is prepared once per budget (:func:`base_year`, cached) and a
lever change only re-runs the small per-year arithmetic.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from budgetbench.core.budget import Budget
from budgetbench.core.format import short_money
from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate
from budgetbench.core.lens import Lens, apply_lens, default_year_phase, year_phases
from budgetbench.core.progress import BudgetError
from budgetbench.core.revenue import (
    KIND_LABELS,
    RECESSION_PRESETS,
    Driver,
    Economy,
    Measure,
    Recession,
    kind_label,
    localized,
    map_categories,
    match_kind,
    measure_from_dict,
    recession_preset,
)

#: Most years a forecast runs.
MAX_YEARS = 10
#: GFOA's recommended minimum unrestricted General Fund balance: two months of spending.
GFOA_MONTHS = 2.0
#: Default tolerance of the balance meter: this share of base-year General Fund spending.
TOLERANCE_SHARE = 0.005
#: Retirement growth used when the file holds a single year.
DEFAULT_RETIREMENT_GROWTH = 0.06

#: Spending objects, in display order.
OBJECTS: tuple[str, ...] = (
    "salaries",
    "retirement",
    "health",
    "other_benefits",
    "services",
    "capital",
    "debt",
    "transfers_out",
    "reserves",
    "other",
)
OBJECT_LABELS: dict[str, str] = {
    "salaries": QT_TRANSLATE_NOOP("forecast", "Salaries and wages"),
    "retirement": QT_TRANSLATE_NOOP("forecast", "Retirement (pension)"),
    "health": QT_TRANSLATE_NOOP("forecast", "Health and retiree health"),
    "other_benefits": QT_TRANSLATE_NOOP("forecast", "Other benefits"),
    "services": QT_TRANSLATE_NOOP("forecast", "Services and supplies"),
    "capital": QT_TRANSLATE_NOOP("forecast", "Capital and equipment"),
    "debt": QT_TRANSLATE_NOOP("forecast", "Debt service"),
    "transfers_out": QT_TRANSLATE_NOOP("forecast", "Transfers to other funds"),
    "reserves": QT_TRANSLATE_NOOP("forecast", "Contributions to reserves"),
    "other": QT_TRANSLATE_NOOP("forecast", "Other"),
}

#: Flags a year can carry (the ``flags`` column joins them with "; ").
FLAG_ONE_TIME = "one-time money pays ongoing costs"
FLAG_RESERVE_LOW = "reserve below GFOA's two months"
FLAG_RESERVE_NEGATIVE = "reserve used up"
FLAG_UNBALANCED = "does not balance"

PensionMode = Literal["growth", "dollars"]

#: Patterns naming each spending object, tried in order on the account, then the category.
_OBJECT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("reserves", r"reserve|fund balance"),
    (
        "health",
        r"retiree health|opeb|health (insurance|benefit|plan|care premium)|"
        r"dental (&|and) vision|medical insurance|cafeteria",
    ),
    ("retirement", r"retire|pension|calpers|\bpers\b|\bual\b|normal cost|unfunded liab"),
    (
        "salaries",
        r"salar|wage|overtime|extra help|premium (&|and) differential|differential pay|"
        r"part.?time|vacanc|personnel|employee services|\bpay\b|labor",
    ),
    ("other_benefits", r"oasdi|medicare|social security|workers.? comp|unemployment|benefit"),
    ("debt", r"debt|principal|interest expense|\bbonds?\b|lease revenue|certificates of part"),
    (
        "capital",
        r"capital|fixed asset|structures (&|and) improvements|^equipment$|\bland\b|"
        r"vehicles?$|infrastructure",
    ),
    (
        "services",
        r"service|supplies|contract|utilit|insurance|rent|maint|charges|training|"
        r"office|travel|fuel|software|communication|printing|postage|memberships|food|"
        r"household|clothing|tools|equipment|aid|support|care of persons|contributions to",
    ),
)

#: Units a room understands, by words in a department's name (editable per scenario): the
#: pattern, the unit, its plural and its cost a year. Names are translated where they are used
#: (:func:`default_units`, :func:`unit_plural`).
_UNIT_RULES: tuple[tuple[str, str, str, float], ...] = (
    (
        r"librar",
        QT_TRANSLATE_NOOP("forecast", "library branch open 7 days"),
        QT_TRANSLATE_NOOP("forecast", "library branches open 7 days"),
        1_400_000.0,
    ),
    (
        r"fire",
        QT_TRANSLATE_NOOP("forecast", "fire engine company (14 firefighters)"),
        QT_TRANSLATE_NOOP("forecast", "fire engine companies (14 firefighters each)"),
        2_590_000.0,
    ),
    (
        r"police|sheriff|public safety",
        QT_TRANSLATE_NOOP("forecast", "police officer on patrol (salary and benefits)"),
        QT_TRANSLATE_NOOP("forecast", "police officers on patrol (salary and benefits)"),
        200_000.0,
    ),
    (
        r"park|recreation",
        QT_TRANSLATE_NOOP("forecast", "park maintenance crew (4 workers)"),
        QT_TRANSLATE_NOOP("forecast", "park maintenance crews (4 workers each)"),
        480_000.0,
    ),
    (
        r"public works|street|transport|road",
        QT_TRANSLATE_NOOP("forecast", "road crew (6 workers)"),
        QT_TRANSLATE_NOOP("forecast", "road crews (6 workers each)"),
        720_000.0,
    ),
    (
        r"health|hospital|clinic",
        QT_TRANSLATE_NOOP("forecast", "public health nurse"),
        QT_TRANSLATE_NOOP("forecast", "public health nurses"),
        180_000.0,
    ),
    (
        r"social services|human services|assistance|welfare",
        QT_TRANSLATE_NOOP("forecast", "eligibility worker"),
        QT_TRANSLATE_NOOP("forecast", "eligibility workers"),
        120_000.0,
    ),
    (
        r"probation|correction|jail|detention",
        QT_TRANSLATE_NOOP("forecast", "deputy probation officer"),
        QT_TRANSLATE_NOOP("forecast", "deputy probation officers"),
        170_000.0,
    ),
    (
        r"community development|planning|building|housing",
        QT_TRANSLATE_NOOP("forecast", "planner or inspector"),
        QT_TRANSLATE_NOOP("forecast", "planners or inspectors"),
        160_000.0,
    ),
)
_DEFAULT_UNIT_NAMES = (
    QT_TRANSLATE_NOOP("forecast", "full-time position (salary and benefits)"),
    QT_TRANSLATE_NOOP("forecast", "full-time positions (salary and benefits)"),
)
_DEFAULT_UNIT_COST = 150_000.0


def _fy(year: int) -> str:
    """A fiscal year as the interface writes it: "FY2027"."""
    return translate("forecast", "FY{year}").format(year=year)


def _match_object(name: str) -> str | None:
    text = " ".join(str(name).lower().split())
    if not text:
        return None
    for obj, pattern in _OBJECT_PATTERNS:
        if re.search(pattern, text):
            return obj
    return None


def classify_object(account_name: str, category: str = "", is_transfer: bool = False) -> str:
    """The spending object of a line, by its account and category names."""
    if is_transfer:
        obj = _match_object(account_name) or _match_object(category)
        return obj if obj in ("reserves",) else "transfers_out"
    found = _match_object(account_name) or _match_object(category)
    return found or "other"


def _per_unique(values: pd.Series, fn) -> np.ndarray:
    """``fn`` applied once per distinct value of ``values``, spread back to every row."""
    codes, uniques = pd.factorize(values.astype("string").fillna(""), sort=False)
    mapped = np.array([fn(str(u)) for u in uniques], dtype=object)
    if len(mapped) == 0:
        return np.array([], dtype=object)
    return mapped[codes]


# ---- assumptions and scenarios --------------------------------------------------------------
@dataclass
class Growth:
    """Yearly growth assumptions (fractions).

    ``retirement`` None: the file's own growth of General Fund retirement costs over the years
    it holds (6% if it holds only one). Economy figures drive the revenue drivers.
    """

    salaries: float = 0.03
    retirement: float | None = None
    health: float = 0.055
    other_benefits: float = 0.03
    services: float = 0.025
    capital: float = 0.025
    debt: float = 0.0
    transfers_out: float = 0.025
    other: float = 0.025
    economy: float = 0.04
    inflation: float = 0.025
    market: float = 0.04

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Growth:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: (None if v is None else float(v)) for k, v in spec.items() if k in names})


def _pairs(spec: Mapping[str, Any] | None) -> dict[str, tuple[Any, Any]]:
    return {str(k): (v[0], v[1]) for k, v in (spec or {}).items()}


@dataclass
class Scenario:
    """Everything a room changes: assumptions, levers, measures, a recession.

    * ``levers``: {department: (pct, dollars)} — a change to the department's ongoing
      spending from forecast year ``lever_start``: ``pct`` of its projected spending (-0.05 =
      a 5% cut) plus ``dollars`` a year (negative = a cut), held flat.
    * ``units``: {department: (unit name, unit cost)} — "library branch open 7 days",
      1_400_000: a lever's change is also said in units. Missing departments get
      :func:`default_units`.
    * ``revenue_levers``: {stream: (pct, dollars)} — e.g. a fee increase, ongoing.
    * ``revenue_kinds``: {stream: kind, driver dict or driver} — overrides of the automatic
      mapping (drivers are saved as their dicts).
    * ``measures``: new taxes (:mod:`budgetbench.core.revenue` measures).
    * ``recession``: None, or a :class:`budgetbench.core.revenue.Recession`.
    * ``one_time``: {forecast year: dollars} of one-time money used that year, drawn from the
      reserve (a "use of reserves" line): it balances the year on paper, and is flagged.
    * ``pension_contributions``: {fiscal year: dollars} of General Fund employer
      contributions; they replace the budget's retirement growth: ``pension_mode`` "growth"
      moves the file's retirement lines in proportion to the contributions, "dollars" uses
      them as they are. ``pension_scenario`` names a scenario in
      ``budget.meta["pension_scenarios"]`` to take them from instead.
    * ``reserve_start``: the General Fund reserve at the end of the base year (None: the
      budget's ``meta["gf_reserve"]``, else GFOA's two months of base-year spending, noted).
    * ``tolerance``: how far from balance still counts as balanced, in dollars (None: 0.5%
      of base-year General Fund spending).
    """

    name: str = "baseline"
    years: int = 5
    growth: Growth = field(default_factory=Growth)
    levers: dict[str, tuple[float, float]] = field(default_factory=dict)
    units: dict[str, tuple[str, float]] = field(default_factory=dict)
    revenue_levers: dict[str, tuple[float, float]] = field(default_factory=dict)
    revenue_kinds: dict[str, Any] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    recession: Recession | None = None
    one_time: dict[int, float] = field(default_factory=dict)
    pension_contributions: dict[int, float] | None = None
    pension_mode: PensionMode = "growth"
    pension_scenario: str | None = None
    reserve_start: float | None = None
    tolerance: float | None = None
    lever_start: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (for the session file)."""
        kinds = {
            k: (v.to_dict() if isinstance(v, Driver) else copy.deepcopy(v))
            for k, v in self.revenue_kinds.items()
        }
        return {
            "name": self.name,
            "years": int(self.years),
            "growth": self.growth.to_dict(),
            "levers": {k: [float(v[0]), float(v[1])] for k, v in self.levers.items()},
            "units": {k: [str(v[0]), float(v[1])] for k, v in self.units.items()},
            "revenue_levers": {
                k: [float(v[0]), float(v[1])] for k, v in self.revenue_levers.items()
            },
            "revenue_kinds": kinds,
            "measures": [m.to_dict() for m in self.measures],
            "recession": None if self.recession is None else self.recession.to_dict(),
            "one_time": {str(int(k)): float(v) for k, v in self.one_time.items()},
            "pension_contributions": None
            if self.pension_contributions is None
            else {str(int(k)): float(v) for k, v in self.pension_contributions.items()},
            "pension_mode": self.pension_mode,
            "pension_scenario": self.pension_scenario,
            "reserve_start": None if self.reserve_start is None else float(self.reserve_start),
            "tolerance": None if self.tolerance is None else float(self.tolerance),
            "lever_start": int(self.lever_start),
        }

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Scenario:
        rec = spec.get("recession")
        pc = spec.get("pension_contributions")
        kinds = {k: copy.deepcopy(v) for k, v in (spec.get("revenue_kinds") or {}).items()}
        return cls(
            name=str(spec.get("name", "baseline")),
            years=int(spec.get("years", 5)),
            growth=Growth.from_dict(spec.get("growth") or {}),
            levers={k: (float(a), float(b)) for k, (a, b) in _pairs(spec.get("levers")).items()},
            units={k: (str(a), float(b)) for k, (a, b) in _pairs(spec.get("units")).items()},
            revenue_levers={
                k: (float(a), float(b)) for k, (a, b) in _pairs(spec.get("revenue_levers")).items()
            },
            revenue_kinds=kinds,
            measures=[measure_from_dict(m) for m in spec.get("measures") or []],
            recession=None if not rec else Recession.from_dict(rec),
            one_time={int(k): float(v) for k, v in (spec.get("one_time") or {}).items()},
            pension_contributions=None if pc is None else {int(k): float(v) for k, v in pc.items()},
            pension_mode=spec.get("pension_mode", "growth"),
            pension_scenario=spec.get("pension_scenario"),
            reserve_start=spec.get("reserve_start"),
            tolerance=spec.get("tolerance"),
            lever_start=int(spec.get("lever_start", 1)),
        )

    def with_(self, **changes: Any) -> Scenario:
        """A copy with ``changes`` (levers and measures copied, not shared)."""
        return dataclasses.replace(copy.deepcopy(self), **changes)


#: Alias: the brief's name for the inputs of a forecast.
ForecastInputs = Scenario


# ---- the base year --------------------------------------------------------------------------
@dataclass
class BaseYear:
    """The General Fund of the budget's base year, prepared once and reused by every forecast.

    ``revenue``: one row per revenue stream (``stream``, ``category``, ``kind``,
    ``recurring`` "ongoing"/"one_time", ``is_transfer``, ``from_reserve`` (use of fund
    balance), ``amount``). ``expense``: one row per department x object x recurring
    (``department``, ``object``, ``recurring``, ``is_transfer``, ``to_reserve``, ``amount``).
    ``history``: GF totals by fiscal year (``fiscal_year``, ``phase``, ``revenue``,
    ``expense``, ``retirement``) for the years the file holds.
    """

    fiscal_year: int
    phase: str
    name: str
    revenue: pd.DataFrame
    expense: pd.DataFrame
    revenue_total: float
    expense_total: float
    retirement_growth: float | None
    notes: list[str] = field(default_factory=list)
    history: pd.DataFrame | None = None
    population: int | None = None
    meta: dict = field(default_factory=dict)

    @property
    def departments(self) -> list[str]:
        return list(dict.fromkeys(self.expense["department"].tolist()))

    @property
    def streams(self) -> list[str]:
        return self.revenue["stream"].tolist()

    def revenue_by_stream(self) -> dict[str, float]:
        return dict(zip(self.revenue["stream"], self.revenue["amount"].astype(float), strict=True))

    def department_spending(self) -> dict[str, float]:
        """Base-year ongoing spending a lever acts on, per department (no transfers/reserves)."""
        e = self.expense
        m = (e["recurring"] == "ongoing") & ~e["is_transfer"] & ~e["to_reserve"]
        s = e[m].groupby("department", sort=False)["amount"].sum()
        return {d: float(s.get(d, 0.0)) for d in self.departments}

    @property
    def revenue_ongoing(self) -> float:
        r = self.revenue
        return float(r.loc[r["recurring"] == "ongoing", "amount"].sum())

    @property
    def expense_ongoing(self) -> float:
        e = self.expense
        return float(e.loc[e["recurring"] == "ongoing", "amount"].sum())

    @property
    def structural_gap(self) -> float:
        return self.expense_ongoing - self.revenue_ongoing


_CACHE: dict[tuple[int, int | None, str | None], tuple[pd.DataFrame, BaseYear]] = {}


def base_year(budget: Budget, fiscal_year: int | None = None, phase: str | None = None) -> BaseYear:
    """The General Fund base year of ``budget`` (cached per budget, year and phase)."""
    key = (id(budget.lines), fiscal_year, phase)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is budget.lines and hit[1].meta is budget.meta:
        return hit[1]
    base = _prepare(budget, fiscal_year, phase)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = (budget.lines, base)
    return base


def _revenue_kind(account: str, category: str) -> str:
    acc = match_kind(account) if account.strip() else None
    cat = match_kind(category)
    if acc == "taxes" and cat not in (None, "taxes", "other"):
        return cat
    return acc or cat or "other"


def _prepare(budget: Budget, fiscal_year: int | None, phase: str | None) -> BaseYear:
    if budget.lines.empty:
        raise BudgetError(translate("forecast", "the budget has no lines to forecast"))
    if fiscal_year is None:
        fiscal_year, default_phase = default_year_phase(budget)
        phase = phase or default_phase
    # A fiduciary fund is never the General Fund: including them changes no line and spares
    # the lens's note about leaving them out.
    lens = Lens(
        fiscal_year=fiscal_year, phase=phase, general_fund_only=True, include_fiduciary=True
    )
    res = apply_lens(budget, lens)
    gf = res.lines
    notes: list[str] = []
    if gf.empty:
        raise BudgetError(
            translate(
                "forecast",
                "no General Fund lines in FY{year} ({phase}): mark the General Fund's type as "
                "'general' to forecast it",
            ).format(year=res.fiscal_year, phase=res.phase)
        )
    rev = gf[(gf["direction"] == "revenue").to_numpy()]
    exp = gf[(gf["direction"] == "expense").to_numpy()]
    if rev.empty:
        notes.append(
            translate(
                "forecast",
                "the file has no General Fund revenue for FY{year}: only spending is forecast",
            ).format(year=res.fiscal_year)
        )
    # Revenue streams.
    account = rev["account_name"].astype("string").fillna("")
    category = rev["category"].astype("string").fillna("")
    pair = account + "\x1f" + category
    kind = _per_unique(pair, lambda s: _revenue_kind(*s.split("\x1f", 1)))
    transfer = rev["is_transfer"].to_numpy(dtype=bool)
    once = (rev["recurring"] == "one_time").to_numpy() | (kind == "one_time")
    kind = np.where(transfer & ~once, "transfer_in", np.where(once, "one_time", kind))
    from_reserve = (
        _per_unique(
            account + " " + category,
            lambda s: bool(re.search(r"fund balance|use of reserve", s.lower())),
        ).astype(bool)
        & once
    )
    r = pd.DataFrame(
        {
            "category": category.to_numpy(dtype=object),
            "account": account.to_numpy(dtype=object),
            "kind": kind,
            "recurring": np.where(once, "one_time", "ongoing"),
            "is_transfer": transfer,
            "from_reserve": from_reserve,
            "amount": rev["amount"].to_numpy(dtype=float),
        }
    )
    keys = ["category", "kind", "recurring", "is_transfer", "from_reserve"]
    grouped = r.groupby(keys, sort=False, dropna=False)
    streams = grouped["amount"].sum().reset_index()
    accounts = grouped["account"].agg(lambda a: sorted({x for x in a if x}))
    per_cat = streams.groupby("category", sort=False)["kind"].transform("size").to_numpy()
    ongoing_groups = (
        streams.assign(on=streams["recurring"] == "ongoing")
        .groupby("category", sort=False)["on"]
        .transform("sum")
        .to_numpy()
    )
    names: list[str] = []
    for i, row in enumerate(streams.itertuples(index=False)):
        accts = accounts.iloc[i]
        alone = per_cat[i] == 1 or (row.recurring == "ongoing" and ongoing_groups[i] == 1)
        if alone and row.category:
            name = row.category
        elif len(accts) == 1:
            name = accts[0]
        elif row.category:
            name = f"{row.category}: {KIND_LABELS[row.kind]}"
        else:
            name = KIND_LABELS[row.kind]
        while name in names:
            name = f"{name} ({row.kind})" if f"({row.kind})" not in name else name + "'"
        names.append(name)
    streams.insert(0, "stream", names)
    # Spending by department x object.
    e_acc = exp["account_name"].astype("string").fillna("")
    e_cat = exp["category"].astype("string").fillna("")
    e_transfer = exp["is_transfer"].to_numpy(dtype=bool)
    obj = _per_unique(e_acc + "\x1f" + e_cat, lambda s: classify_object(*s.split("\x1f", 1)))
    obj = np.where(e_transfer & (obj != "reserves"), "transfers_out", obj)
    dept = exp["department"].astype("string").fillna("").to_numpy(dtype=object)
    dept = np.where(dept == "", "(no department)", dept)
    e = pd.DataFrame(
        {
            "department": dept,
            "object": obj,
            "recurring": np.where(
                (exp["recurring"] == "one_time").to_numpy(), "one_time", "ongoing"
            ),
            "is_transfer": e_transfer,
            "to_reserve": obj == "reserves",
            "amount": exp["amount"].to_numpy(dtype=float),
        }
    )
    expense = (
        e.groupby(["department", "object", "recurring", "is_transfer", "to_reserve"], sort=False)[
            "amount"
        ]
        .sum()
        .reset_index()
    )
    unknown = int((gf["recurring"] == "unknown").sum())
    if unknown:
        notes.append(
            translate(
                "forecast",
                "{count} General Fund lines do not say whether they are ongoing or one-time: "
                "they are treated as ongoing",
            ).format(count=f"{unknown:,}")
        )
    history, growth = _history(budget)
    revenue_total = float(rev["amount"].sum())
    expense_total = float(exp["amount"].sum())
    return BaseYear(
        fiscal_year=int(res.fiscal_year),
        phase=str(res.phase),
        name=budget.name,
        revenue=streams,
        expense=expense,
        revenue_total=revenue_total,
        expense_total=expense_total,
        retirement_growth=growth,
        notes=notes + list(res.notes),
        history=history,
        population=budget.population,
        meta=budget.meta,
    )


def _history(budget: Budget) -> tuple[pd.DataFrame, float | None]:
    """GF totals per fiscal year (its most budget-like phase) and retirement's yearly growth."""
    lines = budget.lines
    gf = (lines["fund_type"] == "general").to_numpy() & ~(
        lines["fund_type"] == "fiduciary"
    ).to_numpy()
    chosen: dict[int, str] = {}
    for y, p in year_phases(budget):
        chosen.setdefault(y, p)
    rows = []
    sub = lines[gf]
    if sub.empty:
        return pd.DataFrame(
            columns=["fiscal_year", "phase", "revenue", "expense", "retirement"]
        ), None
    is_exp = (sub["direction"] == "expense").to_numpy()
    obj = _per_unique(
        sub["account_name"].astype("string").fillna("")
        + "\x1f"
        + sub["category"].astype("string").fillna(""),
        lambda s: classify_object(*s.split("\x1f", 1)),
    )
    retire = is_exp & (obj == "retirement") & ~sub["is_transfer"].to_numpy(dtype=bool)
    fy = sub["fiscal_year"].to_numpy()
    ph = sub["phase"].astype(str).to_numpy()
    amt = sub["amount"].to_numpy(dtype=float)
    for y in sorted(chosen):
        m = (fy == y) & (ph == chosen[y])
        rows.append(
            {
                "fiscal_year": int(y),
                "phase": chosen[y],
                "revenue": float(amt[m & ~is_exp].sum()),
                "expense": float(amt[m & is_exp].sum()),
                "retirement": float(amt[m & retire].sum()),
            }
        )
    hist = pd.DataFrame(rows)
    have = hist[hist["retirement"] > 0]
    growth = None
    if len(have) >= 2:
        first, last = have.iloc[0], have.iloc[-1]
        span = int(last["fiscal_year"]) - int(first["fiscal_year"])
        if span > 0:
            growth = (last["retirement"] / first["retirement"]) ** (1.0 / span) - 1.0
            growth = float(np.clip(growth, -0.05, 0.15))
    return hist, growth


# ---- results --------------------------------------------------------------------------------
@dataclass
class Meter:
    """A Citizen-Budget-style balance meter for one forecast year.

    ``position`` = ongoing revenue - ongoing spending (negative: a structural gap);
    ``status`` "balanced" when |position| <= ``tolerance``, else "deficit" or "surplus";
    ``balanced`` is True unless it is a deficit. ``fraction`` is position / scale clipped to
    [-1, 1] for drawing the needle. ``one_time_for_ongoing`` says one-time money (or the
    reserve) pays ongoing costs.
    """

    year: int
    fiscal_year: int
    position: float
    tolerance: float
    status: Literal["balanced", "deficit", "surplus"]
    balanced: bool
    one_time_for_ongoing: bool
    surplus_deficit: float
    scale: float
    fraction: float
    text: str


@dataclass
class Forecast:
    """The result of :func:`forecast`.

    ``table``: one row per year (``year`` 0 = base year .. N, ``fiscal_year``), columns
    ``revenue_ongoing``, ``revenue_one_time``, ``measures`` (part of ongoing revenue),
    ``revenue_total``, ``expense_ongoing``, ``expense_one_time``, ``expense_total``,
    ``levers`` (their effect on spending, part of ``expense_ongoing``), ``retirement``,
    ``structural_gap`` (ongoing spending - ongoing revenue; positive is a gap),
    ``surplus_deficit`` (total revenue - total spending), ``to_reserve``, ``from_reserve``,
    ``reserve`` (end of year), ``reserve_months`` (reserve / a month of spending),
    ``gfoa_months`` (2), ``reserve_target`` (two months of spending), ``balanced``,
    ``structurally_balanced``, ``one_time_for_ongoing`` (bool), ``one_time_used`` (dollars
    of one-time money paying ongoing costs), ``flags`` (text).

    Long sub-tables: ``revenue`` (year, fiscal_year, stream, kind, recurring, amount —
    streams after revenue levers, then measures, then the scenario's one-time money; they
    add up to ``revenue_total``), ``expense`` (year, fiscal_year, department, object,
    recurring, amount — after levers; they add up to ``expense_total``), ``measures`` (year,
    fiscal_year, measure, kind, amount), ``levers`` (one row per department: base, pct,
    dollars, change in the first lever year, unit name, unit cost, units).
    """

    scenario: Scenario
    base_year: BaseYear
    table: pd.DataFrame
    revenue: pd.DataFrame
    expense: pd.DataFrame
    measures: pd.DataFrame
    levers: pd.DataFrame
    drivers: dict[str, Driver]
    tolerance: float
    notes: list[str] = field(default_factory=list)
    #: the notes about the pension path (a missing Pensions scenario, years held...)
    pension_notes: list[str] = field(default_factory=list)

    @property
    def fiscal_years(self) -> list[int]:
        return [int(v) for v in self.table["fiscal_year"]]

    def meter(self, year: int | None = None) -> Meter:
        """The balance meter for forecast ``year`` (None: the first forecast year)."""
        n = len(self.table) - 1
        y = (1 if n >= 1 else 0) if year is None else int(year)
        if not 0 <= y <= n:
            raise ValueError(f"year must be between 0 and {n}")
        row = self.table.iloc[y]
        pos = -float(row["structural_gap"])
        tol = self.tolerance
        status: Literal["balanced", "deficit", "surplus"]
        if abs(pos) <= tol:
            status = "balanced"
        elif pos < 0:
            status = "deficit"
        else:
            status = "surplus"
        scale = max(abs(pos), 10 * tol, 1.0)
        scale = max(scale, 0.05 * float(row["expense_ongoing"]))
        fy = int(row["fiscal_year"])
        if status == "balanced":
            text = translate(
                "forecast", "FY{year}: ongoing revenue covers ongoing spending (within {tolerance})"
            )
        elif status == "deficit":
            text = translate(
                "forecast",
                "FY{year}: ongoing spending exceeds ongoing revenue by {amount}; close it to "
                "within {tolerance} to balance",
            )
        else:
            text = translate(
                "forecast", "FY{year}: ongoing revenue exceeds ongoing spending by {amount}"
            )
        text = text.format(year=fy, amount=short_money(abs(pos)), tolerance=short_money(tol))
        if bool(row["one_time_for_ongoing"]):
            text = translate(
                "forecast", "{meter}; {amount} of one-time money pays ongoing costs"
            ).format(meter=text, amount=short_money(float(row["one_time_used"])))
        return Meter(
            year=y,
            fiscal_year=fy,
            position=pos,
            tolerance=tol,
            status=status,
            balanced=status != "deficit",
            one_time_for_ongoing=bool(row["one_time_for_ongoing"]),
            surplus_deficit=float(row["surplus_deficit"]),
            scale=scale,
            fraction=float(np.clip(pos / scale, -1.0, 1.0)),
            text=text,
        )

    def _wide(self, frame: pd.DataFrame, by: str) -> pd.DataFrame:
        order = list(dict.fromkeys(frame[by].tolist()))
        out = frame.pivot_table(
            index=by, columns="fiscal_year", values="amount", aggfunc="sum", sort=False
        )
        out = out.reindex(order).fillna(0.0)
        out.columns = [int(c) for c in out.columns]
        return out

    def by_stream(self) -> pd.DataFrame:
        """Revenue wide: one row per stream (and measure), one column per fiscal year."""
        return self._wide(self.revenue, "stream")

    def by_department(self) -> pd.DataFrame:
        """Spending wide: one row per department, one column per fiscal year."""
        return self._wide(self.expense, "department")

    def by_object(self) -> pd.DataFrame:
        """Spending wide: one row per object, one column per fiscal year."""
        wide = self._wide(self.expense, "object")
        return wide.reindex([o for o in OBJECTS if o in wide.index])

    def sentences(self) -> list[str]:
        """What the forecast says, in a few plain sentences."""
        t = self.table
        b = t.iloc[0]
        out = []
        gap0 = float(b["structural_gap"])
        fy0 = int(b["fiscal_year"])
        if gap0 > self.tolerance:
            if b["one_time_for_ongoing"]:
                s = translate(
                    "forecast",
                    "In FY{year} ongoing spending ({spending}) exceeds ongoing revenue "
                    "({revenue}) by {gap}: a structural gap, covered with {once} of one-time "
                    "money.",
                )
            else:
                s = translate(
                    "forecast",
                    "In FY{year} ongoing spending ({spending}) exceeds ongoing revenue "
                    "({revenue}) by {gap}: a structural gap.",
                )
            out.append(
                s.format(
                    year=fy0,
                    spending=short_money(b["expense_ongoing"]),
                    revenue=short_money(b["revenue_ongoing"]),
                    gap=short_money(gap0),
                    once=short_money(b["one_time_used"]),
                )
            )
        else:
            out.append(
                translate(
                    "forecast", "In FY{year} ongoing revenue covers ongoing spending."
                ).format(year=fy0)
            )
        last = t.iloc[-1]
        fyn = int(last["fiscal_year"])
        if len(t) > 1:
            gap = float(last["structural_gap"])
            if gap > self.tolerance:
                s = translate("forecast", "By FY{year} the structural gap is {amount} a year.")
            elif gap < -self.tolerance:
                s = translate(
                    "forecast", "By FY{year} ongoing revenue exceeds ongoing spending by {amount}."
                )
            else:
                s = translate("forecast", "By FY{year} the budget is structurally balanced.")
            out.append(s.format(year=fyn, amount=short_money(abs(gap))))
            out.append(
                translate(
                    "forecast",
                    "The reserve ends FY{year} at {amount}, {months} months of spending (GFOA "
                    "suggests at least {gfoa}).",
                ).format(
                    year=fyn,
                    amount=short_money(last["reserve"]),
                    months=f"{float(last['reserve_months']):.1f}",
                    gfoa=f"{GFOA_MONTHS:g}",
                )
            )
        flagged = [int(v) for v in t.loc[t["one_time_for_ongoing"], "fiscal_year"]]
        if flagged:
            out.append(
                translate("forecast", "One-time money pays ongoing costs in {years}.").format(
                    years=", ".join(_fy(y) for y in flagged)
                )
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: scenario, base year, rows, meter, notes."""
        b = self.base_year
        rows = []
        for rec in self.table.to_dict(orient="records"):
            rows.append({k: _plain(v) for k, v in rec.items()})
        return {
            "budget": b.name,
            "scenario": self.scenario.to_dict(),
            "base_year": {
                "fiscal_year": b.fiscal_year,
                "phase": b.phase,
                "revenue_total": b.revenue_total,
                "expense_total": b.expense_total,
                "revenue_ongoing": b.revenue_ongoing,
                "expense_ongoing": b.expense_ongoing,
                "structural_gap": b.structural_gap,
            },
            "tolerance": self.tolerance,
            "rows": rows,
            "revenue_by_stream": _wide_records(self.by_stream(), "stream"),
            "expense_by_department": _wide_records(self.by_department(), "department"),
            "drivers": {k: d.describe() for k, d in self.drivers.items()},
            "meter": dataclasses.asdict(self.meter()) if len(self.table) > 1 else None,
            "sentences": self.sentences(),
            "notes": list(self.notes),
        }


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _wide_records(wide: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    return [
        {key: str(idx), **{str(c): float(v) for c, v in row.items()}}
        for idx, row in wide.iterrows()
    ]


@dataclass
class Comparison:
    """Two forecasts side by side: ``table`` (fiscal_year, metric, a, b, difference) and
    ``sentences`` spelling out the difference. Unpacks as ``table, sentences``."""

    a: str
    b: str
    table: pd.DataFrame
    sentences: list[str]
    #: what each sentence is about: "gap", "reserve", "department:<name>", "measure:<name>"...
    sentence_keys: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.table, self.sentences))


# ---- the forecast ---------------------------------------------------------------------------
def _object_growth(growth: Growth, obj: str, retirement: float) -> float:
    if obj == "retirement":
        return retirement
    if obj == "reserves":
        return 0.0
    return float(getattr(growth, obj, growth.other))


def _pension_path(
    contributions: Mapping[int, float], fiscal_years: np.ndarray, notes: list[str]
) -> np.ndarray:
    """Contributions per forecast year (index 0 = base year), filled where the scenario ends."""
    items = sorted((int(k), float(v)) for k, v in contributions.items())
    if not items:
        raise ValueError(translate("forecast", "the pension scenario has no contributions"))
    known = dict(items)
    n = len(fiscal_years)
    if not any(int(fy) in known for fy in fiscal_years):
        notes.append(
            translate(
                "forecast",
                "the pension scenario's years do not overlap the forecast: its first year is "
                "taken as the base year",
            )
        )
        values = [v for _, v in items]
        out = np.array([values[min(i, len(values) - 1)] for i in range(n)], dtype=float)
        return out
    out = np.full(n, np.nan)
    for i, fy in enumerate(fiscal_years):
        if int(fy) in known:
            out[i] = known[int(fy)]
    first = int(np.argmax(~np.isnan(out)))
    out[:first] = out[first]
    held = 0
    for i in range(first + 1, n):
        if np.isnan(out[i]):
            out[i] = out[i - 1]
            held += 1
    if held:
        if held == 1:
            text = translate(
                "forecast",
                "the pension scenario ends before the forecast: its last contribution is held "
                "for 1 year",
            )
        else:
            text = translate(
                "forecast",
                "the pension scenario ends before the forecast: its last contribution is held "
                "for {n} years",
            )
        notes.append(text.format(n=held))
    return out


def contributions_from_pension_scenario(spec: Mapping[str, Any]) -> dict[int, float]:
    """{fiscal year: General Fund employer contribution} from a Pensions-view scenario dict
    (``fiscal_years`` with ``employer_gf``, else ``employer_contribution``)."""
    years = spec.get("fiscal_years")
    values = spec.get("employer_gf") or spec.get("employer_contribution")
    if not years or not values:
        raise ValueError(
            translate(
                "forecast", "the pension scenario “{name}” holds no contributions by year"
            ).format(name=spec.get("name", ""))
        )
    return {int(y): float(v) for y, v in zip(years, values, strict=False)}


def forecast(budget: Budget | BaseYear, scenario: Scenario | None = None) -> Forecast:
    """Run ``scenario`` (default: the baseline) on ``budget`` or a prepared :class:`BaseYear`."""
    base = budget if isinstance(budget, BaseYear) else base_year(budget)
    sc = scenario or Scenario()
    Y = int(sc.years)
    if not 1 <= Y <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}")
    notes: list[str] = list(base.notes)
    pension_notes: list[str] = []  # also in ``notes``, at the end
    t = np.arange(Y + 1)
    fiscal_years = base.fiscal_year + t
    live = t >= max(int(sc.lever_start), 1)
    g = sc.growth
    economy = Economy.baseline(Y, g.economy, g.inflation, g.market)
    if sc.recession is not None:
        economy = sc.recession.apply(economy)
        if sc.recession.pension_shock:
            pension_notes.append(
                translate(
                    "forecast",
                    "paired with the pension asset shock (-24% then 3 x 12%) in year {year}: "
                    "choose a Pensions scenario with that crash for its cost",
                ).format(year=sc.recession.start)
            )

    # Revenue.
    rv = base.revenue
    kinds = dict(zip(rv["stream"], rv["kind"], strict=True))
    kinds.update(sc.revenue_kinds)
    drivers = map_categories(base.revenue_by_stream(), overrides=kinds)
    n_s = len(rv)
    R = np.empty((n_s, Y + 1))
    for i, d in enumerate(drivers.values()):
        R[i] = d.project(Y, economy)
    rec = rv["recurring"].to_numpy()
    # A stream the user re-maps to one-time (or away from it) changes its class.
    stream_once = np.array([d.kind == "one_time" for d in drivers.values()], dtype=bool)
    rec = np.where(stream_once, "one_time", np.where(rec == "one_time", "ongoing", rec))
    ongoing_s = rec == "ongoing"
    for stream, (pct, dollars) in sc.revenue_levers.items():
        if stream not in kinds:
            notes.append(
                translate(
                    "forecast", "no revenue stream is called “{name}”: its lever is ignored"
                ).format(name=stream)
            )
            continue
        i = rv.index[rv["stream"] == stream][0]
        R[i] = np.where(live, R[i] * (1.0 + float(pct)) + float(dollars), R[i])
    from_reserve_s = rv["from_reserve"].to_numpy(dtype=bool)
    # Measures.
    M = np.zeros((len(sc.measures), Y + 1))
    for j, m in enumerate(sc.measures):
        M[j] = m.yield_by_year(Y, economy)
    extra_once = np.array([float(sc.one_time.get(int(y), 0.0)) for y in t])
    extra_once[0] = 0.0

    # Spending.
    ex = base.expense
    n_e = len(ex)
    obj = ex["object"].to_numpy()
    e_once = (ex["recurring"] == "one_time").to_numpy()
    amount = ex["amount"].to_numpy(dtype=float)
    retirement_rate = g.retirement
    if retirement_rate is None:
        retirement_rate = (
            base.retirement_growth
            if base.retirement_growth is not None
            else DEFAULT_RETIREMENT_GROWTH
        )
    idx = {o: (1.0 + _object_growth(g, o, retirement_rate)) ** t.astype(float) for o in set(obj)}
    E = np.empty((n_e, Y + 1))
    for o, path in idx.items():
        rows = obj == o
        E[rows] = amount[rows, None] * path[None, :]
    E[e_once, 1:] = 0.0
    contributions = sc.pension_contributions
    if contributions is None and sc.pension_scenario:
        spec = (base.meta.get("pension_scenarios") or {}).get(sc.pension_scenario)
        if spec is None:
            pension_notes.append(
                translate("forecast", "no Pensions scenario is called “{name}”").format(
                    name=sc.pension_scenario
                )
            )
        else:
            contributions = contributions_from_pension_scenario(spec)
    retire_rows = (obj == "retirement") & ~e_once
    if contributions:
        path = _pension_path(contributions, fiscal_years, pension_notes)
        r0 = amount[retire_rows]
        if sc.pension_mode == "dollars":
            total0 = r0.sum()
            share = r0 / total0 if total0 else np.full(len(r0), 1.0 / max(len(r0), 1))
            E[retire_rows, 1:] = share[:, None] * path[None, 1:]
        else:
            if path[0] == 0:
                raise ValueError(
                    translate("forecast", "the pension scenario's first contribution is zero")
                )
            E[retire_rows, 1:] = r0[:, None] * (path[None, 1:] / path[0])
        if not retire_rows.any():
            pension_notes.append(
                translate(
                    "forecast",
                    "the budget has no General Fund retirement lines to follow the pension "
                    "scenario",
                )
            )
    base_E = E.copy()
    # Department levers.
    dept = ex["department"].to_numpy()
    lever_target = (
        ~e_once & ~ex["is_transfer"].to_numpy(dtype=bool) & ~ex["to_reserve"].to_numpy(dtype=bool)
    )
    known_depts = set(dept.tolist())
    extra_rows: list[tuple[str, np.ndarray]] = []
    for d, (pct, dollars) in sc.levers.items():
        pct, dollars = float(pct), float(dollars)
        if pct == 0.0 and dollars == 0.0:
            continue
        rows = (dept == d) & lever_target
        if d not in known_depts:
            notes.append(
                translate(
                    "forecast", "no department is called “{name}”: its lever adds a new line"
                ).format(name=d)
            )
        if rows.any():
            weights = np.clip(amount[rows], 0.0, None)
            share = (
                weights / weights.sum()
                if weights.sum() > 0
                else np.full(rows.sum(), 1.0 / rows.sum())
            )
            E[rows] = np.where(
                live[None, :],
                E[rows] * (1.0 + pct) + dollars * share[:, None],
                E[rows],
            )
        else:
            extra_rows.append((d, np.where(live, dollars, 0.0)))
    lever_effect = E - base_E

    # Totals.
    rev_ongoing = R[ongoing_s].sum(axis=0) + M.sum(axis=0)
    rev_once = R[~ongoing_s].sum(axis=0) + extra_once
    extra = np.array([v for _, v in extra_rows]).reshape(len(extra_rows), Y + 1)
    exp_ongoing = E[~e_once].sum(axis=0) + extra.sum(axis=0)
    exp_once = E[e_once].sum(axis=0)
    rev_total = rev_ongoing + rev_once
    exp_total = exp_ongoing + exp_once
    to_reserve = E[ex["to_reserve"].to_numpy(dtype=bool)].sum(axis=0)
    from_reserve = R[from_reserve_s].sum(axis=0) + extra_once
    surplus = rev_total - exp_total
    gap = exp_ongoing - rev_ongoing
    tol = float(sc.tolerance) if sc.tolerance is not None else TOLERANCE_SHARE * base.expense_total
    tol = max(tol, 0.0)
    # Reserve.
    if sc.reserve_start is not None:
        reserve0 = float(sc.reserve_start)
    elif base.meta.get("gf_reserve") is not None:
        reserve0 = float(base.meta["gf_reserve"])
    else:
        reserve0 = GFOA_MONTHS / 12.0 * float(exp_ongoing[0])
        notes.append(
            translate(
                "forecast",
                "the file does not give the General Fund reserve: it is assumed at GFOA's two "
                "months of spending ({amount}); set it to see the real picture",
            ).format(amount=short_money(reserve0))
        )
    change = surplus + to_reserve - from_reserve
    change[0] = 0.0
    reserve = reserve0 + np.cumsum(change)
    month = exp_ongoing / 12.0
    with np.errstate(divide="ignore", invalid="ignore"):
        months = np.where(month > 0, reserve / month, np.nan)
    net_once = rev_once - (exp_once - to_reserve)
    one_time_used = np.minimum(np.clip(gap, 0.0, None), np.clip(net_once, 0.0, None))
    one_time_flag = (gap > tol) & (one_time_used > 0)
    balanced = surplus >= -tol
    structurally = gap <= tol
    flags = []
    for i in range(Y + 1):
        f = []
        if one_time_flag[i]:
            f.append(FLAG_ONE_TIME)
        if not balanced[i]:
            f.append(FLAG_UNBALANCED)
        if reserve[i] < 0:
            f.append(FLAG_RESERVE_NEGATIVE)
        elif months[i] < GFOA_MONTHS - 1e-9:
            f.append(FLAG_RESERVE_LOW)
        flags.append("; ".join(f))
    table = pd.DataFrame(
        {
            "year": t,
            "fiscal_year": fiscal_years,
            "revenue_ongoing": rev_ongoing,
            "revenue_one_time": rev_once,
            "measures": M.sum(axis=0),
            "revenue_total": rev_total,
            "expense_ongoing": exp_ongoing,
            "expense_one_time": exp_once,
            "expense_total": exp_total,
            "levers": lever_effect.sum(axis=0) + extra.sum(axis=0),
            "retirement": E[obj == "retirement"].sum(axis=0),
            "structural_gap": gap,
            "surplus_deficit": surplus,
            "to_reserve": to_reserve,
            "from_reserve": from_reserve,
            "reserve": reserve,
            "reserve_months": months,
            "gfoa_months": np.full(Y + 1, GFOA_MONTHS),
            "reserve_target": GFOA_MONTHS * month,
            "balanced": balanced,
            "structurally_balanced": structurally,
            "one_time_for_ongoing": one_time_flag,
            "one_time_used": one_time_used,
            "flags": flags,
        }
    )
    # Long tables.
    s_names = rv["stream"].to_numpy(dtype=object)
    s_kinds = np.array([d.kind for d in drivers.values()], dtype=object)
    labels = [s_names]
    kinds_l = [s_kinds]
    recs = [rec.astype(object)]
    blocks = [R]
    if len(sc.measures):
        labels.append(np.array([m.name or m.kind for m in sc.measures], dtype=object))
        kinds_l.append(np.array([m.revenue_kind for m in sc.measures], dtype=object))
        recs.append(np.full(len(sc.measures), "ongoing", dtype=object))
        blocks.append(M)
    if extra_once.any():
        labels.append(np.array(["One-time money (use of reserves)"], dtype=object))
        kinds_l.append(np.array(["one_time"], dtype=object))
        recs.append(np.array(["one_time"], dtype=object))
        blocks.append(extra_once[None, :])
    revenue = _long(
        fiscal_years,
        {
            "stream": np.concatenate(labels),
            "kind": np.concatenate(kinds_l),
            "recurring": np.concatenate(recs),
        },
        np.vstack(blocks),
    )
    e_cols = {
        "department": dept.astype(object),
        "object": obj.astype(object),
        "recurring": ex["recurring"].to_numpy(dtype=object),
    }
    e_block = E
    if extra_rows:
        e_cols = {
            "department": np.concatenate([e_cols["department"], [d for d, _ in extra_rows]]),
            "object": np.concatenate([e_cols["object"], ["other"] * len(extra_rows)]),
            "recurring": np.concatenate([e_cols["recurring"], ["ongoing"] * len(extra_rows)]),
        }
        e_block = np.vstack([E, extra])
    expense = _long(fiscal_years, e_cols, e_block)
    measures = _long(
        fiscal_years,
        {
            "measure": np.array([m.name or m.kind for m in sc.measures], dtype=object),
            "kind": np.array([m.kind for m in sc.measures], dtype=object),
        },
        M,
    )
    levers = _lever_table(base, sc, lever_effect, dept, extra_rows, live)
    return Forecast(
        scenario=sc,
        base_year=base,
        table=table,
        revenue=revenue,
        expense=expense,
        measures=measures,
        levers=levers,
        drivers=drivers,
        tolerance=tol,
        notes=notes + pension_notes,
        pension_notes=pension_notes,
    )


def _long(fiscal_years: np.ndarray, cols: dict[str, np.ndarray], block: np.ndarray) -> pd.DataFrame:
    n, m = block.shape[0], len(fiscal_years)
    years = np.tile(np.arange(m), n)
    data: dict[str, Any] = {"year": years, "fiscal_year": np.tile(fiscal_years, n)}
    for k, v in cols.items():
        data[k] = np.repeat(np.asarray(v, dtype=object), m)
    data["amount"] = block.reshape(-1) if n else np.zeros(0)
    return pd.DataFrame(data)


def _lever_table(
    base: BaseYear,
    sc: Scenario,
    effect: np.ndarray,
    dept: np.ndarray,
    extra_rows: list[tuple[str, np.ndarray]],
    live: np.ndarray,
) -> pd.DataFrame:
    spending = base.department_spending()
    names = list(spending) + [d for d, _ in extra_rows if d not in spending]
    units = default_units(names)
    units.update({k: (str(v[0]), float(v[1])) for k, v in sc.units.items()})
    first = int(np.argmax(live)) if live.any() else 0
    rows = []
    extra = dict(extra_rows)
    for d in names:
        pct, dollars = sc.levers.get(d, (0.0, 0.0))
        change = float(effect[dept == d, first].sum()) if d in spending else 0.0
        if d in extra:
            change += float(extra[d][first])
        name, cost = units.get(d, _default_unit())
        rows.append(
            {
                "department": d,
                "base": spending.get(d, 0.0),
                "pct": float(pct),
                "dollars": float(dollars),
                "change": change,
                "unit_name": name,
                "unit_cost": cost,
                "units": change / cost if cost else float("nan"),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "department",
            "base",
            "pct",
            "dollars",
            "change",
            "unit_name",
            "unit_cost",
            "units",
        ],
    )


def _default_unit() -> tuple[str, float]:
    return translate("forecast", _DEFAULT_UNIT_NAMES[0]), _DEFAULT_UNIT_COST


def default_units(departments: Sequence[str]) -> dict[str, tuple[str, float]]:
    """A unit a room understands for each department, by its name (editable); the unit's
    name is in the interface's language."""
    out = {}
    for d in departments:
        text = str(d).lower()
        for pattern, name, _plural, cost in _UNIT_RULES:
            if re.search(pattern, text):
                out[d] = (translate("forecast", name), cost)
                break
        else:
            out[d] = _default_unit()
    return out


def unit_plural(unit: str) -> str | None:
    """The plural of one of the default units (in English or in the interface's language:
    "library branch open 7 days" -> "library branches open 7 days"); None for a unit a room
    typed itself."""
    for singular, plural in (
        *((name, plural) for _p, name, plural, _c in _UNIT_RULES),
        _DEFAULT_UNIT_NAMES,
    ):
        if unit == singular:
            return plural
        if unit == translate("forecast", singular):
            return translate("forecast", plural)
    return None


# ---- comparison -----------------------------------------------------------------------------
_METRICS: tuple[tuple[str, str], ...] = (
    ("revenue_total", QT_TRANSLATE_NOOP("forecast", "Revenue")),
    ("expense_total", QT_TRANSLATE_NOOP("forecast", "Spending")),
    ("structural_gap", QT_TRANSLATE_NOOP("forecast", "Structural gap")),
    ("surplus_deficit", QT_TRANSLATE_NOOP("forecast", "Surplus or deficit")),
    ("reserve", QT_TRANSLATE_NOOP("forecast", "Reserve")),
    ("reserve_months", QT_TRANSLATE_NOOP("forecast", "Reserve, months of spending")),
    ("measures", QT_TRANSLATE_NOOP("forecast", "New tax measures")),
    ("levers", QT_TRANSLATE_NOOP("forecast", "Spending levers")),
)


def compare(a: Forecast, b: Forecast) -> Comparison:
    """How forecast ``b`` differs from ``a``, in a table and in sentences (the ``metric``
    column and the sentences in the interface's language; ``key`` names the row)."""
    na, nb = a.scenario.name or "A", b.scenario.name or "B"
    if na == nb:
        na, nb = f"{na} (A)", f"{nb} (B)"
    ta = a.table.set_index("fiscal_year")
    tb = b.table.set_index("fiscal_year")
    years = [y for y in ta.index if y in tb.index]
    frames = []
    for col, label in _METRICS:
        va = ta.loc[years, col].to_numpy(dtype=float)
        vb = tb.loc[years, col].to_numpy(dtype=float)
        frames.append(
            pd.DataFrame(
                {
                    "fiscal_year": years,
                    "metric": translate("forecast", label),
                    "key": col,
                    "a": va,
                    "b": vb,
                    "difference": vb - va,
                }
            )
        )
    da, db = a.by_department(), b.by_department()
    depts = list(dict.fromkeys([*da.index, *db.index]))
    da = da.reindex(index=depts, columns=years).fillna(0.0)
    db = db.reindex(index=depts, columns=years).fillna(0.0)
    diff = db - da
    moved = [d for d in depts if np.abs(diff.loc[d].to_numpy()).max() > 0.5]
    for d in moved:
        frames.append(
            pd.DataFrame(
                {
                    "fiscal_year": years,
                    "metric": translate("forecast", "Spending: {department}").format(department=d),
                    "key": f"department:{d}",
                    "a": da.loc[d].to_numpy(),
                    "b": db.loc[d].to_numpy(),
                    "difference": diff.loc[d].to_numpy(),
                }
            )
        )
    ra = a.revenue.groupby(["kind", "fiscal_year"])["amount"].sum().unstack().reindex(columns=years)
    rb = b.revenue.groupby(["kind", "fiscal_year"])["amount"].sum().unstack().reindex(columns=years)
    kinds = list(dict.fromkeys([*ra.index, *rb.index]))
    ra, rb = ra.reindex(kinds).fillna(0.0), rb.reindex(kinds).fillna(0.0)
    for k in kinds:
        dv = rb.loc[k].to_numpy() - ra.loc[k].to_numpy()
        if np.abs(dv).max() > 0.5:
            frames.append(
                pd.DataFrame(
                    {
                        "fiscal_year": years,
                        "metric": translate("forecast", "Revenue: {kind}").format(
                            kind=kind_label(k)
                        ),
                        "key": f"revenue:{k}",
                        "a": ra.loc[k].to_numpy(),
                        "b": rb.loc[k].to_numpy(),
                        "difference": dv,
                    }
                )
            )
    table = pd.concat(frames, ignore_index=True)
    said = _compare_sentences(a, b, na, nb, years, diff.loc[moved] if moved else None)
    return Comparison(
        a=na,
        b=nb,
        table=table,
        sentences=[text for _key, text in said],
        sentence_keys=[key for key, _text in said],
    )


def _compare_sentences(
    a: Forecast, b: Forecast, na: str, nb: str, years: list[int], dept_diff: pd.DataFrame | None
) -> list[tuple[str, str]]:
    """(key, sentence) pairs; the key says what a sentence is about ("gap", "reserve",
    "department:<name>", "measure:<name>", "recession", "one_time", "balanced", "same")."""
    out: list[tuple[str, str]] = []
    if not years:
        return [("none", translate("forecast", "The two forecasts share no fiscal year."))]
    ta = a.table.set_index("fiscal_year").loc[years]
    tb = b.table.set_index("fiscal_year").loc[years]
    last = years[-1]
    ga, gb = float(ta.loc[last, "structural_gap"]), float(tb.loc[last, "structural_gap"])
    tol = max(a.tolerance, b.tolerance, 0.5)
    same = all(
        np.allclose(ta[c].to_numpy(dtype=float), tb[c].to_numpy(dtype=float), atol=0.5)
        for c in ("revenue_total", "expense_total", "reserve")
    )
    if same:
        text = translate("forecast", "“{b}” and “{a}” give the same forecast.")
        return [("same", text.format(a=na, b=nb))]

    def gap_text(g: float) -> str:
        if g > tol:
            return translate("forecast", "a structural gap of {amount}").format(
                amount=short_money(g)
            )
        if g < -tol:
            return translate("forecast", "a structural surplus of {amount}").format(
                amount=short_money(-g)
            )
        return translate("forecast", "no structural gap")

    d = gb - ga
    if abs(d) <= 0.5:
        s = translate("forecast", "In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”.")
    elif d < 0:
        s = translate(
            "forecast",
            "In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”: {amount} smaller.",
        )
    else:
        s = translate(
            "forecast",
            "In FY{year}, “{b}” has {gap_b}, against {gap_a} in “{a}”: {amount} larger.",
        )
    out.append(
        (
            "gap",
            s.format(
                year=last,
                a=na,
                b=nb,
                gap_a=gap_text(ga),
                gap_b=gap_text(gb),
                amount=short_money(abs(d)),
            ),
        )
    )
    ra, rb = float(ta.loc[last, "reserve"]), float(tb.loc[last, "reserve"])
    if abs(rb - ra) > 0.5:
        if rb > ra:
            s = translate(
                "forecast",
                "The reserve ends FY{year} at {amount} ({months} months of spending) in “{b}”, "
                "{difference} more than in “{a}” ({other}).",
            )
        else:
            s = translate(
                "forecast",
                "The reserve ends FY{year} at {amount} ({months} months of spending) in “{b}”, "
                "{difference} less than in “{a}” ({other}).",
            )
        out.append(
            (
                "reserve",
                s.format(
                    year=last,
                    amount=short_money(rb),
                    months=f"{float(tb.loc[last, 'reserve_months']):.1f}",
                    b=nb,
                    difference=short_money(abs(rb - ra)),
                    a=na,
                    other=short_money(ra),
                ),
            )
        )
    fy = years[1] if len(years) > 1 else years[0]
    if dept_diff is not None and len(dept_diff):
        col = dept_diff[fy] if fy in dept_diff.columns else dept_diff.iloc[:, -1]
        top = col.abs().sort_values(ascending=False).index[:4]
        units = b.levers.set_index("department") if len(b.levers) else None
        for dep in top:
            v = float(col[dep])
            if abs(v) <= 0.5:
                continue
            base = float(a.by_department().loc[dep, fy]) if dep in a.by_department().index else 0.0
            if v < 0:
                s = translate(
                    "forecast", "{department} spends {amount} less in FY{year}{pct} in “{b}”"
                )
            else:
                s = translate(
                    "forecast", "{department} spends {amount} more in FY{year}{pct} in “{b}”"
                )
            s = s.format(
                department=dep,
                amount=short_money(abs(v)),
                year=fy,
                pct=f" ({100 * v / base:+.1f}%)" if base else "",
                b=nb,
            )
            if units is not None and dep in units.index:
                cost = float(units.loc[dep, "unit_cost"])
                if cost > 0:
                    s = translate("forecast", "{sentence}, about {count} × “{unit}”").format(
                        sentence=s,
                        count=f"{abs(v) / cost:.1f}",
                        unit=units.loc[dep, "unit_name"],
                    )
            out.append((f"department:{dep}", s + "."))
    ma = {m.name or m.kind for m in a.scenario.measures}
    for m in b.scenario.measures:
        label = m.name or m.kind
        if label in ma:
            continue
        y = b.measures.loc[
            (b.measures["measure"] == label) & (b.measures["fiscal_year"] == last), "amount"
        ]
        amount = float(y.sum()) if len(y) else 0.0
        text = translate(
            "forecast", "“{b}” adds {measure}: {amount} in FY{year} ({tax_type}, {vote})."
        ).format(
            b=nb,
            measure=label,
            amount=short_money(amount),
            year=last,
            tax_type=m.tax_type,
            vote=m.vote_text,
        )
        out.append((f"measure:{label}", text))
    rec_a, rec_b = a.scenario.recession, b.scenario.recession
    if (rec_b is not None) and (rec_a is None or rec_a.name != rec_b.name):
        dr = (tb["revenue_total"] - ta["revenue_total"]).to_numpy(dtype=float)
        worst = int(np.argmin(dr))
        text = translate(
            "forecast",
            "“{b}” includes the {recession} recession: revenue is {amount} lower in FY{year} "
            "than in “{a}”.",
        ).format(
            b=nb,
            recession=localized(rec_b.name),
            amount=short_money(-dr[worst]),
            year=years[worst],
            a=na,
        )
        out.append(("recession", text))
    ya = [y for y in years if bool(ta.loc[y, "one_time_for_ongoing"])]
    yb = [y for y in years if bool(tb.loc[y, "one_time_for_ongoing"])]
    if ya != yb:
        if yb:
            text = translate(
                "forecast", "“{b}” uses one-time money for ongoing costs in {years}."
            ).format(b=nb, years=", ".join(_fy(y) for y in yb))
        else:
            text = translate("forecast", "“{b}” never uses one-time money for ongoing costs.")
            text = text.format(b=nb)
        out.append(("one_time", text))
    bal_a = int(ta["structurally_balanced"].iloc[1:].sum())
    bal_b = int(tb["structurally_balanced"].iloc[1:].sum())
    if bal_a != bal_b:
        n = len(years) - 1
        text = translate(
            "forecast",
            "“{b}” is structurally balanced in {count_b} of {n} forecast years; “{a}” in "
            "{count_a}.",
        ).format(b=nb, count_b=bal_b, n=n, a=na, count_a=bal_a)
        out.append(("balanced", text))
    return out


# ---- presets --------------------------------------------------------------------------------
def scenario_presets() -> list[str]:
    """Names ``--scenario`` accepts: "baseline" and the recession presets."""
    return ["baseline", *RECESSION_PRESETS]


def preset_scenario(name: str, years: int = 5) -> Scenario:
    """ "baseline", or a scenario with the recession preset ``name``."""
    if " ".join(str(name).split()).lower() in ("baseline", "base", ""):
        return Scenario(name="baseline", years=years)
    rec = recession_preset(name)
    return Scenario(name=rec.name, years=years, recession=rec)
