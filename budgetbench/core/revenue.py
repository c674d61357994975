"""Revenue drivers, tax-measure calculators and recession scenarios (reference §5).

Three kinds of object, all pure numbers (numpy), no files and no Qt:

* **Drivers** say how one General Fund revenue stream moves year by year: the California
  property tax (Prop 13's 2% cap, turnover resetting to market, new construction, Prop 8
  decline and recapture, a one- or two-year lag), sales tax (growth with an elasticity to the
  economy), hotel tax (rooms x occupancy x average daily rate x rate), business tax, utility
  users tax (low cyclicality), documentary transfer tax (volatile), parcel tax (rate x parcels
  by class, CPI indexing, exemptions), and a plain growth rate for everything else. Each is
  *calibrated* to the base-year amount of the loaded budget, so year 0 equals the file.
  :func:`map_categories` picks a driver for each stream by its name; the choice is editable.
* **Measures** are new taxes a room can put on the ballot: a sales tax add-on, a parcel tax,
  transfer-tax tiers, a hotel-tax rate change. Each gives its yield per year, the cost per
  household and the vote it needs (general tax: majority; special tax: two-thirds).
  :data:`COMPARABLE_MEASURES` lists real measures with their published yields and sources.
* **Recessions** are a shock per revenue type, a duration and a recovery shape; property tax
  follows through the market and its lag. :data:`RECESSION_PRESETS` holds the observed cases.

Arrays returned by ``project``/``yield_by_year`` have ``years + 1`` entries: index 0 is the
base year (the budget's own year), 1..years the forecast years.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import numpy as np

from budgetbench.core.format import short_money
from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate

#: Revenue kinds a driver, a measure or a recession shock refers to.
KINDS: tuple[str, ...] = (
    "property",
    "sales",
    "tot",
    "business",
    "uut",
    "transfer_tax",
    "parcel",
    "franchise",
    "taxes",
    "other",
    "transfer_in",
    "one_time",
)

#: Plain-language names of the kinds (for tables and menus).
KIND_LABELS: dict[str, str] = {
    "property": QT_TRANSLATE_NOOP("revenue", "Property tax"),
    "sales": QT_TRANSLATE_NOOP("revenue", "Sales tax"),
    "tot": QT_TRANSLATE_NOOP("revenue", "Hotel tax (TOT)"),
    "business": QT_TRANSLATE_NOOP("revenue", "Business tax"),
    "uut": QT_TRANSLATE_NOOP("revenue", "Utility users tax"),
    "transfer_tax": QT_TRANSLATE_NOOP("revenue", "Property transfer tax"),
    "parcel": QT_TRANSLATE_NOOP("revenue", "Parcel tax"),
    "franchise": QT_TRANSLATE_NOOP("revenue", "Franchise fees"),
    "taxes": QT_TRANSLATE_NOOP("revenue", "Taxes (several kinds together)"),
    "other": QT_TRANSLATE_NOOP("revenue", "Other revenue (growth rate)"),
    "transfer_in": QT_TRANSLATE_NOOP("revenue", "Transfers in"),
    "one_time": QT_TRANSLATE_NOOP("revenue", "One-time revenue"),
}

#: The name of a recession a room makes up (translated where it is shown, see :func:`localized`).
CUSTOM_RECESSION = QT_TRANSLATE_NOOP("revenue", "your own recession")

RecoveryShape = Literal["linear", "v", "u", "l"]
VoteThreshold = Literal["majority", "two-thirds"]
RECOVERY_SHAPES: tuple[str, ...] = ("linear", "v", "u", "l")


def _pct(value: float) -> str:
    """0.0025 -> "0.25%", -0.175 -> "-17.5%", 0.02 -> "2%" (up to three decimals)."""
    text = f"{100 * value:.3f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text) + "%"


def kind_label(kind: str) -> str:
    """The plain-language name of a revenue ``kind`` in the interface's language."""
    return translate("revenue", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def localized(text: str) -> str:
    """A text of the shipped tables (a recession preset's name, source or note; a comparable
    measure's name, rate, note or vote) in the interface's language. Any other text (a
    name a room typed) comes back as it is."""
    return translate("revenue", text) if text else text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# ---- the economy ----------------------------------------------------------------------------
@dataclass
class Economy:
    """Economic assumptions year by year (arrays of ``years + 1``; index 0 = base year, unused).

    ``growth`` is nominal growth of the local economy (income, spending); ``inflation`` CPI;
    ``market`` the change in property market values. ``shocks`` holds level multipliers by
    revenue kind (1 = no shock), set by :meth:`Recession.apply`. ``trend_growth`` is the
    "normal" nominal growth that elastic drivers compare ``growth`` against.
    """

    years: int
    growth: np.ndarray
    inflation: np.ndarray
    market: np.ndarray
    trend_growth: float = 0.04
    shocks: dict[str, np.ndarray] = field(default_factory=dict)
    #: the market's normal yearly change (what the years before the base year saw)
    market_trend: float | None = None

    @classmethod
    def baseline(
        cls, years: int, growth: float = 0.04, inflation: float = 0.025, market: float = 0.04
    ) -> Economy:
        """Constant growth, inflation and market change every year, no shocks."""
        n = int(years) + 1
        return cls(
            years=int(years),
            growth=np.full(n, float(growth)),
            inflation=np.full(n, float(inflation)),
            market=np.full(n, float(market)),
            trend_growth=float(growth),
            market_trend=float(market),
        )

    def shock(self, kind: str) -> np.ndarray:
        """Level multipliers for revenue ``kind`` (ones when there is no shock)."""
        s = self.shocks.get(kind)
        if s is None:
            return np.ones(self.years + 1)
        return s

    def extended(self, years: int) -> Economy:
        """This economy over ``years`` years (the last year's values carried on)."""
        if years <= self.years:
            return self

        def ext(a: np.ndarray) -> np.ndarray:
            return np.concatenate([a, np.full(years - self.years, a[-1])])

        return Economy(
            years=years,
            growth=ext(self.growth),
            inflation=ext(self.inflation),
            market=ext(self.market),
            trend_growth=self.trend_growth,
            shocks={k: ext(v) for k, v in self.shocks.items()},
            market_trend=self.market_trend,
        )


def _economy(years: int, economy: Economy | None) -> Economy:
    if economy is None:
        return Economy.baseline(years)
    return economy.extended(years)


def _compound(rates: np.ndarray) -> np.ndarray:
    """Index with value 1 at position 0, growing by ``rates[1:]`` (``rates[0]`` ignored)."""
    out = np.empty(len(rates))
    out[0] = 1.0
    out[1:] = np.cumprod(1.0 + rates[1:])
    return out


# ---- drivers --------------------------------------------------------------------------------
@dataclass
class Driver:
    """How one revenue stream moves. Subclasses set ``kind`` and :meth:`index`.

    ``base`` is the base-year amount (set by :meth:`calibrate`); ``project`` returns
    ``base x index x recession shock``, so ``project(...)[0] == base`` exactly.
    """

    kind: ClassVar[str] = "other"
    label: str = ""
    base: float = 0.0

    def calibrate(self, base_amount: float) -> Driver:
        """Set the base-year amount (returns self, for chaining)."""
        self.base = float(base_amount)
        return self

    def index(self, years: int, economy: Economy) -> np.ndarray:
        """Level relative to the base year, ``years + 1`` values, the first exactly 1."""
        return np.ones(years + 1)

    def project(self, years: int, economy: Economy | None = None) -> np.ndarray:
        """Dollars per year, ``years + 1`` values; index 0 is the base year (== ``base``)."""
        econ = _economy(years, economy)
        idx = self.index(years, econ)[: years + 1] * econ.shock(self.kind)[: years + 1]
        out = self.base * idx
        out[0] = self.base  # exactly the file, whatever the shock arrays say
        return out

    def describe(self) -> str:
        """One sentence a room understands ("grows 2.5% a year")."""
        return translate("revenue", "stays at its base-year amount")

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "type": type(self).__name__}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            d[f.name] = [list(x) for x in v] if f.name == "segments" else copy.deepcopy(v)
        return d


@dataclass
class GrowthRate(Driver):
    """Everything else: a fixed growth rate a year."""

    kind: ClassVar[str] = "other"
    rate: float = 0.025

    def index(self, years: int, economy: Economy) -> np.ndarray:
        return (1.0 + self.rate) ** np.arange(years + 1, dtype=float)

    def describe(self) -> str:
        return translate("revenue", "grows {rate} a year").format(rate=_pct(self.rate))


@dataclass
class OneTime(Driver):
    """Money that comes once: the base year only, nothing after."""

    kind: ClassVar[str] = "one_time"

    def index(self, years: int, economy: Economy) -> np.ndarray:
        out = np.zeros(years + 1)
        out[0] = 1.0
        return out

    def describe(self) -> str:
        return translate("revenue", "one-time: comes in the base year only")


@dataclass
class TransfersIn(Driver):
    """Transfers from other funds: a fixed growth rate (default flat)."""

    kind: ClassVar[str] = "transfer_in"
    rate: float = 0.0

    def index(self, years: int, economy: Economy) -> np.ndarray:
        return (1.0 + self.rate) ** np.arange(years + 1, dtype=float)

    def describe(self) -> str:
        if self.rate == 0:
            return translate("revenue", "a transfer from another fund, held flat")
        return translate("revenue", "a transfer from another fund, growing {rate} a year").format(
            rate=_pct(self.rate)
        )


@dataclass
class ElasticTax(Driver):
    """Grows at ``trend`` plus ``elasticity`` x (economy growth - the economy's trend growth)."""

    kind: ClassVar[str] = "taxes"
    trend: float = 0.03
    elasticity: float = 1.0

    def growth_rates(self, years: int, economy: Economy) -> np.ndarray:
        g = economy.growth[: years + 1]
        return self.trend + self.elasticity * (g - economy.trend_growth)

    def index(self, years: int, economy: Economy) -> np.ndarray:
        return _compound(self.growth_rates(years, economy))

    def describe(self) -> str:
        return translate(
            "revenue",
            "grows {rate} a year in a normal economy and moves {times}x as much as the "
            "economy when it speeds up or slows down",
        ).format(rate=_pct(self.trend), times=f"{self.elasticity:g}")


@dataclass
class SalesTax(ElasticTax):
    """Sales and use tax: base x rate, growing with an elasticity to the economy (Yin: 1.3)."""

    kind: ClassVar[str] = "sales"
    trend: float = 0.03
    elasticity: float = 1.3


@dataclass
class BusinessTax(ElasticTax):
    """Business license tax: counts and gross receipts, moderately cyclical."""

    kind: ClassVar[str] = "business"
    trend: float = 0.025
    elasticity: float = 0.8


@dataclass
class UtilityUsersTax(ElasticTax):
    """Utility users tax: rate x utility bills; prices and usage, hardly the cycle."""

    kind: ClassVar[str] = "uut"
    trend: float = 0.02
    elasticity: float = 0.2


@dataclass
class FranchiseFees(ElasticTax):
    """Franchise fees (cable, refuse, power): follow utility revenue, low cyclicality."""

    kind: ClassVar[str] = "franchise"
    trend: float = 0.025
    elasticity: float = 0.3


@dataclass
class TransferTax(ElasticTax):
    """Documentary/real property transfer tax: sales volume x price, the most volatile."""

    kind: ClassVar[str] = "transfer_tax"
    trend: float = 0.03
    elasticity: float = 2.5


@dataclass
class TransientOccupancyTax(Driver):
    """Hotel tax: rooms x occupancy x average daily rate x 365 x rate (reference §5.2).

    Rooms grow by ``room_growth``; the daily rate by inflation plus ``elasticity`` x the
    economy's deviation from trend. The physical figures are scaled so the base year equals
    the file; ``rate`` matters for a rate change (:class:`TotRateChange`).
    """

    kind: ClassVar[str] = "tot"
    rooms: float = 1_000.0
    occupancy: float = 0.72
    adr: float = 180.0
    rate: float = 0.10
    room_growth: float = 0.01
    elasticity: float = 1.5

    def room_revenue(self) -> float:
        """Taxable room revenue a year implied by the physical figures."""
        return self.rooms * self.occupancy * self.adr * 365.0

    def model_amount(self) -> float:
        """Tax a year from the physical figures alone (before calibration)."""
        return self.room_revenue() * self.rate

    def calibrated_room_revenue(self) -> float:
        """Taxable room revenue implied by the calibrated base amount and the rate."""
        return self.base / self.rate if self.rate else 0.0

    def index(self, years: int, economy: Economy) -> np.ndarray:
        t = np.arange(years + 1, dtype=float)
        rooms = (1.0 + self.room_growth) ** t
        adr_growth = economy.inflation[: years + 1] + self.elasticity * (
            economy.growth[: years + 1] - economy.trend_growth
        )
        return rooms * _compound(adr_growth)

    def describe(self) -> str:
        return translate(
            "revenue",
            "rooms x occupancy x daily rate x {rate}: rooms grow {growth} a year, rates with "
            "prices and the economy",
        ).format(rate=_pct(self.rate), growth=_pct(self.room_growth))


@dataclass
class ParcelTax(Driver):
    """An existing parcel tax: Σ rate by class x (parcels - exempt), indexed to CPI if allowed."""

    kind: ClassVar[str] = "parcel"
    rates: dict[str, float] = field(default_factory=dict)
    parcels: dict[str, float] = field(default_factory=dict)
    exemptions: dict[str, float] = field(default_factory=dict)
    cpi_indexed: bool = True
    parcel_growth: float = 0.005

    def model_amount(self, year: int = 0, cpi: float = 0.0) -> float:
        """Σ rate x (parcels - exempt) for ``year`` years after the base (before calibration)."""
        grow = (1.0 + self.parcel_growth) ** year
        price = (1.0 + cpi) ** year if self.cpi_indexed else 1.0
        return sum(
            self.rates.get(c, 0.0) * price * max(n * grow - self.exemptions.get(c, 0.0), 0.0)
            for c, n in self.parcels.items()
        )

    def index(self, years: int, economy: Economy) -> np.ndarray:
        price = _compound(economy.inflation[: years + 1]) if self.cpi_indexed else 1.0
        t = np.arange(years + 1, dtype=float)
        if not self.parcels or not self.rates:
            return (1.0 + self.parcel_growth) ** t * price
        grow = (1.0 + self.parcel_growth) ** t
        taxed = np.zeros(years + 1)
        for c, n in self.parcels.items():
            exempt = self.exemptions.get(c, 0.0)
            taxed += self.rates.get(c, 0.0) * np.maximum(n * grow - exempt, 0.0)
        return taxed / taxed[0] * price if taxed[0] else price * np.ones(years + 1)

    def describe(self) -> str:
        if self.cpi_indexed:
            return translate("revenue", "a rate per parcel, indexed to inflation")
        return translate("revenue", "a rate per parcel, not indexed")


@dataclass
class PropertyTax(Driver):
    """California property tax on the assessed roll (reference §5.2).

    The roll is split in ``segments`` (share of assessed value, market value / assessed
    value) — e.g. recent buyers near market, long-held homes far below it. Each year, per
    segment:

    * the trended (Prop 13) base grows by min(CCPI, ``cap``) — ``ccpi`` None means inflation;
    * a share ``turnover`` changes hands and is reassessed at market;
    * new construction adds ``new_construction`` of the roll at market;
    * the enrolled value is the lower of the trended base and the market (Prop 8); when the
      market recovers it is recaptured up to the trended base, never above it.

    Revenue follows the roll ``lag`` years late (lien date January 1, fiscal year from July).
    ``prior_market`` is the market change assumed for the years before the base year the lag
    reaches back to (None: the economy's ``market_trend``).
    """

    kind: ClassVar[str] = "property"
    segments: tuple[tuple[float, float], ...] = ((0.3, 1.05), (0.4, 1.3), (0.3, 1.8))
    cap: float = 0.02
    ccpi: float | None = None
    turnover: float = 0.05
    new_construction: float = 0.01
    lag: int = 1
    prior_market: float | None = None

    def roll(self, years: int, market_growth: Sequence[float] | np.ndarray, ccpi=None) -> dict:
        """The roll without the lag: arrays ``assessed``, ``trended``, ``market`` (base = 1).

        ``market_growth`` has ``years + 1`` values; index 0 is ignored. ``ccpi`` is the
        California CPI: a number or ``years + 1`` values (None: this driver's ``ccpi``, else 2%).
        Also ``by_segment``: the assessed value of each segment, shape (segments, years + 1).
        """
        seg = np.asarray(self.segments, dtype=float).reshape(-1, 2)
        share = seg[:, 0] / seg[:, 0].sum()
        ratio = seg[:, 1]
        g = np.asarray(market_growth, dtype=float)
        if ccpi is None:
            ccpi = self.cap if self.ccpi is None else self.ccpi
        c = np.broadcast_to(np.asarray(ccpi, dtype=float), (years + 1,))
        factor = 1.0 + np.minimum(c, self.cap)
        trended = share.copy()
        market = share * ratio
        assessed = np.minimum(trended, market)
        by_seg = np.empty((len(share), years + 1))
        by_seg[:, 0] = assessed
        tr = np.empty(years + 1)
        mk = np.empty(years + 1)
        tr[0], mk[0] = trended.sum(), market.sum()
        tau, nc = self.turnover, self.new_construction
        for t in range(1, years + 1):
            new = nc * assessed  # built this year, enrolled at its cost (= market)
            market = market * (1.0 + g[t]) + new
            trended = (1.0 - tau) * trended * factor[t] + tau * market + (1.0 - tau) * new
            assessed = np.minimum(trended, market)
            by_seg[:, t] = assessed
            tr[t], mk[t] = trended.sum(), market.sum()
        return {"assessed": by_seg.sum(axis=0), "trended": tr, "market": mk, "by_segment": by_seg}

    def index(self, years: int, economy: Economy) -> np.ndarray:
        lag = max(int(self.lag), 0)
        prior = self.prior_market
        if prior is None:
            prior = economy.market_trend
        if prior is None:
            prior = float(economy.market[1]) if years >= 1 else 0.04
        # The roll of forecast year t reflects the market of year t - lag; the years the lag
        # reaches back before the base year grow at ``prior``.
        g = np.full(years + 1, float(prior))
        if years - lag >= 1:
            g[lag + 1 :] = economy.market[1 : years + 1 - lag]
        ccpi = economy.inflation[: years + 1] if self.ccpi is None else self.ccpi
        return self.roll(years, g, ccpi)["assessed"]

    def describe(self) -> str:
        if self.lag == 1:
            text = translate(
                "revenue",
                "the assessed roll: up to {cap} a year on homes that do not sell, {turnover} "
                "sold and reassessed at market each year, {new} new construction; revenue "
                "follows the market 1 year late",
            )
        else:
            text = translate(
                "revenue",
                "the assessed roll: up to {cap} a year on homes that do not sell, {turnover} "
                "sold and reassessed at market each year, {new} new construction; revenue "
                "follows the market {lag} years late",
            )
        return text.format(
            cap=_pct(self.cap),
            turnover=_pct(self.turnover),
            new=_pct(self.new_construction),
            lag=self.lag,
        )


#: Patterns naming each kind, tried in order (the first match wins).
_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("one_time", r"fund balance|use of reserves?|carry.?over|one.?time"),
    ("transfer_tax", r"transfer tax|documentary|conveyance|real property transfer"),
    ("transfer_in", r"transfers? (in\b|from)|from other funds|operating transfer"),
    ("tot", r"transient|occupancy|hotel|\btot\b|lodging"),
    ("uut", r"utility users?|\buut\b|utility tax"),
    ("business", r"business (license|tax)|gross receipts|\bbusiness\b.*\btax"),
    ("parcel", r"parcel tax|special tax|\bparcel\b"),
    ("sales", r"sales|use tax|bradley|transaction"),
    (
        "property",
        r"property tax|secured|unsecured|supplemental|\bvlf\b|in.?lieu|\bad valorem\b|"
        r"\berfa?f\b|homeowners",
    ),
    ("other", r"permits?\b|licen[cs]es?\b"),
    ("franchise", r"franchise"),
    ("other", r"penalt|fine|delinquent|collection fee|fees?\b|charges?"),
    ("taxes", r"\btax(es)?\b"),
)


def match_kind(name: str) -> str | None:
    """The kind ``name`` names, or None when no pattern matches it."""
    text = " ".join(str(name).lower().split())
    for kind, pattern in _KIND_PATTERNS:
        if re.search(pattern, text):
            return kind
    return None


def guess_kind(name: str) -> str:
    """The driver kind a revenue stream's name suggests ("Transient occupancy tax" -> "tot")."""
    return match_kind(name) or "other"


_DRIVER_TYPES: dict[str, type[Driver]] = {
    "property": PropertyTax,
    "sales": SalesTax,
    "tot": TransientOccupancyTax,
    "business": BusinessTax,
    "uut": UtilityUsersTax,
    "transfer_tax": TransferTax,
    "parcel": ParcelTax,
    "franchise": FranchiseFees,
    "taxes": ElasticTax,
    "other": GrowthRate,
    "transfer_in": TransfersIn,
    "one_time": OneTime,
}
_DRIVERS_BY_NAME: dict[str, type[Driver]] = {
    t.__name__: t
    for t in (*_DRIVER_TYPES.values(), Driver, ElasticTax, GrowthRate, TransfersIn, OneTime)
}


def default_driver(kind: str, label: str = "") -> Driver:
    """A driver of ``kind`` with the default assumptions."""
    if kind not in _DRIVER_TYPES:
        raise ValueError(f"unknown revenue kind {kind!r}; choose from {', '.join(KINDS)}")
    return _DRIVER_TYPES[kind](label=label)


def map_categories(
    gf_revenue_by_category: Mapping[str, float],
    overrides: Mapping[str, str | Driver | Mapping[str, Any]] | None = None,
    one_time: Sequence[str] = (),
) -> dict[str, Driver]:
    """A calibrated driver for each revenue stream, chosen by name (editable).

    ``overrides`` maps a stream to a kind, a ready driver or a driver dict; streams in
    ``one_time`` become :class:`OneTime`. Each driver's base equals the given amount.
    """
    overrides = overrides or {}
    once = set(one_time)
    out: dict[str, Driver] = {}
    for name, amount in gf_revenue_by_category.items():
        o = overrides.get(name)
        if isinstance(o, Driver):
            d = copy.deepcopy(o)
            d.label = d.label or name
        elif isinstance(o, Mapping):
            d = driver_from_dict(o)
            d.label = d.label or name
        elif isinstance(o, str):
            d = default_driver(o, name)
        elif name in once:
            d = OneTime(label=name)
        else:
            d = default_driver(guess_kind(name), name)
        out[name] = d.calibrate(float(amount))
    return out


def driver_from_dict(spec: Mapping[str, Any]) -> Driver:
    spec = dict(spec)
    cls = _DRIVERS_BY_NAME.get(str(spec.pop("type", "")))
    kind = spec.pop("kind", None)
    if cls is None:
        if kind not in _DRIVER_TYPES:
            raise ValueError(f"unknown driver {spec!r}")
        cls = _DRIVER_TYPES[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    kw = {k: v for k, v in spec.items() if k in names}
    if "segments" in kw:
        kw["segments"] = tuple(tuple(float(x) for x in s) for s in kw["segments"])
    return cls(**kw)


# ---- measures -------------------------------------------------------------------------------
@dataclass
class Measure:
    """A new tax on the ballot. ``special`` (money earmarked) needs two-thirds, else majority.

    Yields start in forecast year ``start`` (1 = the first year after the base year) and stop
    after ``sunset`` years if given. ``revenue_kind`` says which recession shock it shares.
    Amounts a measure is given (a taxable base, room revenue, parcels, sales) are those of
    the first forecast year; later years grow from there.
    """

    kind: ClassVar[str] = "measure"
    revenue_kind: ClassVar[str] = "other"
    name: str = ""
    special: bool = False
    start: int = 1
    sunset: int | None = None

    @property
    def vote_threshold(self) -> VoteThreshold:
        return "two-thirds" if self.special else "majority"

    @property
    def tax_type(self) -> str:
        """ "special tax" (earmarked) or "general tax", in the interface's language."""
        if self.special:
            return translate("revenue", "special tax")
        return translate("revenue", "general tax")

    @property
    def vote_text(self) -> str:
        """The vote it needs in words: "two-thirds vote" or "majority vote" (translated)."""
        if self.special:
            return translate("revenue", "two-thirds vote")
        return translate("revenue", "majority vote")

    def _first_year(self) -> float:
        """Yield in the first forecast year, before growth and shocks."""
        return 0.0

    def _growth(self, years: int, economy: Economy) -> np.ndarray:
        """Growth of the yield from year 1 (index 1 = 1), ``years + 1`` values."""
        return np.ones(years + 1)

    def _path(self, years: int, economy: Economy | None) -> np.ndarray:
        econ = _economy(max(years, 1), economy)
        g = self._growth(max(years, 1), econ)
        level = g / g[1]
        out = self._first_year() * level * econ.shock(self.revenue_kind)[: len(level)]
        out[0] = 0.0
        return out[: years + 1]

    def annual_yield(self, year: int = 1, economy: Economy | None = None) -> float:
        """Dollars raised in forecast year ``year`` if the measure were in force."""
        year = max(int(year), 1)
        return float(self._path(year, economy)[year])

    def yield_by_year(self, years: int, economy: Economy | None = None) -> np.ndarray:
        """Dollars per year, ``years + 1`` values (index 0, the base year, is 0)."""
        out = self._path(years, economy)
        t = np.arange(years + 1)
        live = t >= max(self.start, 1)
        if self.sunset is not None:
            live &= t < max(self.start, 1) + self.sunset
        return np.where(live, out, 0.0)

    def cost_per_household(self, households: float, year: int = 1) -> float:
        """Average yearly cost per household (the yield spread over all households)."""
        if not households or households <= 0:
            raise ValueError("the number of households must be positive")
        return self.annual_yield(year) / float(households)

    def describe(self) -> str:
        return translate("revenue", "{name}: about {amount} a year ({tax_type}: {vote})").format(
            name=self.name or self.kind,
            amount=short_money(self.annual_yield(1)),
            tax_type=self.tax_type,
            vote=self.vote_text,
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.name == "tiers":
                v = [[t.lower, t.upper, t.rate] for t in v]
            elif f.name == "sales":
                v = [list(s) for s in v]
            d[f.name] = copy.deepcopy(v)
        return d


@dataclass
class SalesTaxAddon(Measure):
    """A district sales tax add-on: rate x taxable base (¼ cent on $16B = $40M)."""

    kind: ClassVar[str] = "sales_tax_addon"
    revenue_kind: ClassVar[str] = "sales"
    rate: float = 0.0025
    taxable_base: float = 0.0
    growth: float = 0.03
    elasticity: float = 1.3

    def _first_year(self) -> float:
        return self.rate * self.taxable_base

    def _growth(self, years: int, economy: Economy) -> np.ndarray:
        g = self.growth + self.elasticity * (economy.growth[: years + 1] - economy.trend_growth)
        return _compound(g)

    def describe(self) -> str:
        return translate(
            "revenue",
            "{name}: {rate} on {base} of taxable sales = {amount} a year ({tax_type}: {vote})",
        ).format(
            name=self.name or sales_tax_name(self.rate, article=True),
            rate=_pct(self.rate),
            base=short_money(self.taxable_base),
            amount=short_money(self.annual_yield(1)),
            tax_type=self.tax_type,
            vote=self.vote_text,
        )


@dataclass
class ParcelTaxMeasure(Measure):
    """A parcel tax: Σ rate by class x (parcels - exempt), indexed to CPI (special: ⅔ vote)."""

    kind: ClassVar[str] = "parcel_tax"
    revenue_kind: ClassVar[str] = "parcel"
    special: bool = True
    rates: dict[str, float] = field(default_factory=dict)
    parcels: dict[str, float] = field(default_factory=dict)
    exemptions: dict[str, float] = field(default_factory=dict)
    cpi: float = 0.025
    cpi_indexed: bool = True

    def rate_for(self, parcel_class: str, year: int = 1) -> float:
        """The rate on one parcel of ``parcel_class`` in year ``year`` (after indexing)."""
        base = self.rates.get(parcel_class, 0.0)
        return base * ((1.0 + self.cpi) ** (max(year, 1) - 1) if self.cpi_indexed else 1.0)

    def taxed_parcels(self) -> dict[str, float]:
        return {
            c: max(n - self.exemptions.get(c, 0.0), 0.0)
            for c, n in self.parcels.items()
            if c in self.rates
        }

    def _first_year(self) -> float:
        return sum(self.rates[c] * n for c, n in self.taxed_parcels().items())

    def _growth(self, years: int, economy: Economy) -> np.ndarray:
        if not self.cpi_indexed:
            return np.ones(years + 1)
        return (1.0 + self.cpi) ** np.arange(years + 1, dtype=float)


@dataclass(frozen=True)
class Tier:
    """A transfer-tax tier: ``rate`` on prices from ``lower`` up to ``upper`` (None: no top)."""

    lower: float
    upper: float | None
    rate: float


@dataclass
class TransferTaxMeasure(Measure):
    """Transfer-tax tiers on sales: Σ_tiers rate x value of the transfers in the tier.

    ``sales`` lists (price, number of sales a year). With ``marginal`` False (San José
    Measure E) the tier a price falls in taxes the whole price; with True each slice of the
    price pays its own tier's rate. ``index_thresholds`` raises the tier bounds with CPI.
    """

    kind: ClassVar[str] = "transfer_tax"
    revenue_kind: ClassVar[str] = "transfer_tax"
    tiers: tuple[Tier, ...] = ()
    sales: tuple[tuple[float, float], ...] = ()
    marginal: bool = False
    growth: float = 0.03
    elasticity: float = 2.5
    cpi: float = 0.025
    index_thresholds: bool = False

    def _bounds(self, year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        k = (1.0 + self.cpi) ** (max(year, 1) - 1) if self.index_thresholds else 1.0
        lo = np.array([t.lower for t in self.tiers], dtype=float) * k
        hi = np.array([np.inf if t.upper is None else t.upper for t in self.tiers]) * k
        rate = np.array([t.rate for t in self.tiers], dtype=float)
        return lo, hi, rate

    def _tax(self, prices: np.ndarray, year: int) -> np.ndarray:
        if not self.tiers:
            return np.zeros_like(prices)
        lo, hi, rate = self._bounds(year)
        p = prices[:, None]
        if self.marginal:
            slices = np.clip(np.minimum(p, hi) - lo, 0.0, None)
            return (slices * rate).sum(axis=1)
        inside = (p >= lo) & (p < hi)
        return (inside * rate).sum(axis=1) * prices

    def tax_on(self, price: float, year: int = 1) -> float:
        """Tax on one sale at ``price``."""
        return float(self._tax(np.array([float(price)]), year)[0])

    def by_tier(self, year: int = 1) -> list[dict[str, float]]:
        """Per tier: sales, their value and the tax, in year ``year`` (before growth)."""
        lo, hi, rate = self._bounds(year)
        prices = np.array([p for p, _ in self.sales], dtype=float)
        counts = np.array([n for _, n in self.sales], dtype=float)
        rows = []
        for i in range(len(lo)):
            inside = (prices >= lo[i]) & (prices < hi[i])
            value = float((prices * counts)[inside].sum())
            if self.marginal:
                part = np.clip(np.minimum(prices, hi[i]) - lo[i], 0.0, None)
                tax = float((part * counts).sum() * rate[i])
            else:
                tax = value * rate[i]
            rows.append(
                {
                    "lower": float(lo[i]),
                    "upper": float(hi[i]),
                    "rate": float(rate[i]),
                    "sales": float(counts[inside].sum()),
                    "value": value,
                    "tax": tax,
                }
            )
        return rows

    def _first_year(self) -> float:
        if not self.sales:
            return 0.0
        prices = np.array([p for p, _ in self.sales], dtype=float)
        counts = np.array([n for _, n in self.sales], dtype=float)
        return float((self._tax(prices, 1) * counts).sum())

    def _path(self, years: int, economy: Economy | None) -> np.ndarray:
        # Prices grow, so sales climb into higher tiers: tax each year's prices afresh.
        econ = _economy(max(years, 1), economy)
        n = max(years, 1)
        g = self.growth + self.elasticity * (econ.growth[: n + 1] - econ.trend_growth)
        level = _compound(g)
        level = level / level[1]
        out = np.zeros(n + 1)
        if self.sales:
            prices = np.array([p for p, _ in self.sales], dtype=float)
            counts = np.array([c for _, c in self.sales], dtype=float)
            for t in range(1, n + 1):
                out[t] = float((self._tax(prices * level[t], t) * counts).sum())
        out *= econ.shock(self.revenue_kind)[: n + 1]
        out[0] = 0.0
        return out[: years + 1]


@dataclass
class TotRateChange(Measure):
    """A hotel-tax rate change: (new rate - current rate) x taxable room revenue."""

    kind: ClassVar[str] = "tot_rate"
    revenue_kind: ClassVar[str] = "tot"
    current_rate: float = 0.10
    new_rate: float = 0.12
    room_revenue: float = 0.0
    growth: float = 0.03
    elasticity: float = 1.5

    def _first_year(self) -> float:
        return (self.new_rate - self.current_rate) * self.room_revenue

    def _growth(self, years: int, economy: Economy) -> np.ndarray:
        g = self.growth + self.elasticity * (economy.growth[: years + 1] - economy.trend_growth)
        return _compound(g)


#: Names of the usual add-on rates (by cents on the dollar), with and without an article.
_SALES_TAX_NAMES: dict[float, tuple[str, str]] = {
    0.125: (
        QT_TRANSLATE_NOOP("revenue", "⅛-cent sales tax"),
        QT_TRANSLATE_NOOP("revenue", "A ⅛-cent sales tax"),
    ),
    0.25: (
        QT_TRANSLATE_NOOP("revenue", "¼-cent sales tax"),
        QT_TRANSLATE_NOOP("revenue", "A ¼-cent sales tax"),
    ),
    0.5: (
        QT_TRANSLATE_NOOP("revenue", "½-cent sales tax"),
        QT_TRANSLATE_NOOP("revenue", "A ½-cent sales tax"),
    ),
    1.0: (
        QT_TRANSLATE_NOOP("revenue", "1-cent sales tax"),
        QT_TRANSLATE_NOOP("revenue", "A 1-cent sales tax"),
    ),
}


def sales_tax_name(rate: float, article: bool = False) -> str:
    """ "¼-cent sales tax" for a rate of 0.0025 ("A ¼-cent sales tax" with ``article``), in
    the interface's language."""
    cents = round(float(rate) * 100, 4)
    known = _SALES_TAX_NAMES.get(cents)
    if known is not None:
        return translate("revenue", known[1 if article else 0])
    if article:
        text = translate("revenue", "A {cents}-cent sales tax")
    else:
        text = translate("revenue", "{cents}-cent sales tax")
    return text.format(cents=f"{cents:g}")


def sales_tax_addon(rate: float, taxable_base: float, **kw: Any) -> SalesTaxAddon:
    """A ¼-cent (0.0025) or ⅛-cent (0.00125) add-on on ``taxable_base`` dollars of sales."""
    return SalesTaxAddon(rate=rate, taxable_base=taxable_base, **kw)


def parcel_tax(
    rates: Mapping[str, float],
    parcels: Mapping[str, float],
    cpi: float = 0.025,
    exemptions: Mapping[str, float] | None = None,
    **kw: Any,
) -> ParcelTaxMeasure:
    """A parcel tax with a rate and a parcel count per class, CPI indexing, exemptions."""
    return ParcelTaxMeasure(
        rates=dict(rates), parcels=dict(parcels), cpi=cpi, exemptions=dict(exemptions or {}), **kw
    )


def transfer_tax(
    tiers: Sequence[Tier | tuple[float, float | None, float]],
    sales: Sequence[tuple[float, float]],
    **kw: Any,
) -> TransferTaxMeasure:
    """Transfer-tax tiers (lower, upper, rate) applied to ``sales`` (price, count a year)."""
    return TransferTaxMeasure(
        tiers=tuple(t if isinstance(t, Tier) else Tier(*t) for t in tiers),
        sales=tuple((float(p), float(n)) for p, n in sales),
        **kw,
    )


def tot_rate(new_rate: float, current_rate: float, room_revenue: float, **kw: Any) -> TotRateChange:
    """A hotel-tax rate change on ``room_revenue`` dollars of taxable room rent a year."""
    return TotRateChange(
        new_rate=new_rate, current_rate=current_rate, room_revenue=room_revenue, **kw
    )


_MEASURE_TYPES: dict[str, type[Measure]] = {
    m.kind: m for m in (SalesTaxAddon, ParcelTaxMeasure, TransferTaxMeasure, TotRateChange)
}


def measure_from_dict(spec: Mapping[str, Any]) -> Measure:
    spec = dict(spec)
    kind = spec.pop("kind", None)
    cls = _MEASURE_TYPES.get(str(kind))
    if cls is None:
        raise ValueError(
            f"unknown measure kind {kind!r}; choose from {', '.join(sorted(_MEASURE_TYPES))}"
        )
    names = {f.name for f in dataclasses.fields(cls)}
    kw = {k: v for k, v in spec.items() if k in names}
    if "tiers" in kw:
        kw["tiers"] = tuple(
            Tier(float(t[0]), None if t[1] is None else float(t[1]), float(t[2]))
            if not isinstance(t, Mapping)
            else Tier(float(t["lower"]), t.get("upper"), float(t["rate"]))
            for t in kw["tiers"]
        )
    if "sales" in kw:
        kw["sales"] = tuple((float(p), float(n)) for p, n in kw["sales"])
    return cls(**kw)


#: San José Measure E (March 2020) tiers: exempt under $2M, 0.75% to $5M, 1% to $10M, 1.5% above.
MEASURE_E_TIERS: tuple[Tier, ...] = (
    Tier(0.0, 2_000_000.0, 0.0),
    Tier(2_000_000.0, 5_000_000.0, 0.0075),
    Tier(5_000_000.0, 10_000_000.0, 0.01),
    Tier(10_000_000.0, None, 0.015),
)


@dataclass(frozen=True)
class Comparable:
    """A real measure and what it raised (or was said to raise), with its source (§5.3)."""

    name: str
    kind: str
    rate: str
    yield_low: float
    yield_high: float
    note: str
    source: str
    vote: str = ""

    @property
    def yield_mid(self) -> float:
        return (self.yield_low + self.yield_high) / 2

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Comparable:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in spec.items() if k in names})


#: Real California measures and their yields (reference §5.3); the same table ships in
#: ``resources/data/comparable_measures.json``.
COMPARABLE_MEASURES: tuple[Comparable, ...] = (
    Comparable(
        name=QT_TRANSLATE_NOOP(
            "revenue", "San José Measure B (June 2016), general sales tax, 15 years"
        ),
        kind="sales_tax_addon",
        rate=QT_TRANSLATE_NOOP("revenue", "+0.25% (8.75% to 9%)"),
        yield_low=38_000_000.0,
        yield_high=40_000_000.0,
        note=QT_TRANSLATE_NOOP(
            "revenue",
            '"about $38 million per year" (officials); ballot: "about $40 million annually"; '
            "passed with 61.41%",
        ),
        source="ballotpedia.org/San_Jose,_California,_General_Sales_Tax,_Measure_B_(June_2016); "
        "spur.org/news/2016-04-06/",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP(
            "revenue", "Santa Clara County Measure A (Nov 2012), sales tax, 10 years"
        ),
        kind="sales_tax_addon",
        rate="+0.125%",
        yield_low=45_800_000.0,
        yield_high=49_900_000.0,
        note=QT_TRANSLATE_NOOP(
            "revenue",
            '"$498.6 million over 10 years ... $49.9 million annual ... about $82 a year for '
            'each of ... 604,204 households"; Ballotpedia: $458M over 10 years; passed with 56.61%',
        ),
        source="svtaxpayers.org/santa-clara-county-voters-embrace-measure-a-; ballotpedia.org",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP(
            "revenue", "City of Santa Clara Measure J (2024 continuation), sales tax"
        ),
        kind="sales_tax_addon",
        rate="0.25%",
        yield_low=7_000_000.0,
        yield_high=7_000_000.0,
        note=QT_TRANSLATE_NOOP("revenue", '"approximately $7,000,000 annually"'),
        source="californiachoices.org/santa-clara-measure-j-2024",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP(
            "revenue", "San José quarter-cent sales tax (2013 and 2014 estimates)"
        ),
        kind="sales_tax_addon",
        rate="+0.25%",
        yield_low=32_000_000.0,
        yield_high=34_000_000.0,
        note=QT_TRANSLATE_NOOP(
            "revenue",
            '"up to $32 million a year" (2013 options); "about $34 million" (2014 polling)',
        ),
        source="mercurynews.com/2013/03/05/san-jose-road-taxes-three-possible-measures/; "
        "sanjoseinside.com/news/city-to-start-polling-for-new-tax-measures",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP("revenue", "San José half-cent sales tax proposal (2012)"),
        kind="sales_tax_addon",
        rate="+0.5%",
        yield_low=56_000_000.0,
        yield_high=64_000_000.0,
        note=QT_TRANSLATE_NOOP("revenue", '"$56 million to $64 million"'),
        source="mercurynews.com/2012/07/25/see-how-san-joses-taxes-add-up/",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP("revenue", "San José library parcel tax (renewed June 2014)"),
        kind="parcel_tax",
        rate=QT_TRANSLATE_NOOP(
            "revenue", "$25 per single-family home in 2004, $29.84 after inflation adjustment"
        ),
        yield_low=8_000_000.0,
        yield_high=8_000_000.0,
        note=QT_TRANSLATE_NOOP(
            "revenue",
            '"about eight million dollars per year", about 22% of the library budget; '
            "renewed with 81.47%",
        ),
        source="ballotpedia.org/City_of_San_Jose_Library_Parcel_Tax,_Measure_B_(June_2014); "
        "sanjoseinside.com/news/city-considers-library-tax-extension/",
        vote=QT_TRANSLATE_NOOP("revenue", "two-thirds (special tax)"),
    ),
    Comparable(
        name=QT_TRANSLATE_NOOP(
            "revenue", "San José Measure E (March 2020), real property transfer tax"
        ),
        kind="transfer_tax",
        rate=QT_TRANSLATE_NOOP(
            "revenue", "tiered: 0.75% ($2M-$5M), 1.0% ($5M-$10M), 1.5% (over $10M)"
        ),
        yield_low=40_000_000.0,
        yield_high=70_000_000.0,
        note=QT_TRANSLATE_NOOP(
            "revenue",
            'ballot: "approximately $70,000,000 annually"; first year "closer to $40 million" '
            "(expected $30M); FY2024-25 about $50M (derived from the 5% admin share of $2.5M); "
            "passed with 53.46%",
        ),
        source="votersedge.org (Measure E); siliconvalleyathome.org/resource-map/"
        "measure-e-in-san-jose/; sanjoseca.gov (measure-e-real-property-transfer-tax)",
        vote=QT_TRANSLATE_NOOP("revenue", "majority (general tax)"),
    ),
)


def comparables_for(kind: str) -> list[Comparable]:
    """The comparable measures of a measure kind (all of them for an unknown kind)."""
    found = [c for c in COMPARABLE_MEASURES if c.kind == kind]
    return found or list(COMPARABLE_MEASURES)


# ---- recessions -----------------------------------------------------------------------------
@dataclass
class Recession:
    """A downturn: a shock per revenue type, a duration and a recovery shape.

    ``shocks`` maps a revenue kind to its deviation below the baseline during the downturn:
    a number (the same each year of ``duration``) or a list, one per year (e.g. sales
    ``[-0.143, -0.175]``). After the downturn the level returns to the baseline over
    ``recovery_years``: "linear" (evenly), "v" (at once), "u" (one more year at the bottom,
    then evenly), "l" (never: the loss is permanent). ``market`` is the property market's
    level below its baseline, given the same way; property tax follows it through Prop 8 and
    its lag rather than through ``shocks``. ``start`` is the forecast year the downturn begins.
    ``pension_shock`` pairs it with the pension asset shock (-24% then 3 x 12%) the same year.
    ``sources`` says where each kind's figure comes from.
    """

    name: str = QT_TRANSLATE_NOOP("revenue", "recession")
    shocks: dict[str, float | list[float]] = field(default_factory=dict)
    duration: int = 2
    recovery: RecoveryShape = "linear"
    recovery_years: int = 3
    market: float | list[float] = 0.0
    start: int = 1
    pension_shock: bool = False
    source: str = ""
    note: str = ""
    sources: dict[str, str] = field(default_factory=dict)

    def deviation(self, spec: float | Sequence[float], years: int) -> np.ndarray:
        """Level deviation from the baseline, ``years + 1`` values (index 0 = 0)."""
        if isinstance(spec, int | float):
            down = [float(spec)] * max(int(self.duration), 1)
        else:
            down = [float(v) for v in spec]
        if self.recovery not in RECOVERY_SHAPES:
            raise ValueError(f"unknown recovery shape {self.recovery!r}")
        path = list(down)
        last = down[-1] if down else 0.0
        n = max(int(self.recovery_years), 1)
        if self.recovery == "l":
            path += [last] * (years + 1)
        elif self.recovery == "u":
            path += [last] + [last * (1 - k / n) for k in range(1, n + 1)]
        elif self.recovery == "linear":
            path += [last * (1 - k / n) for k in range(1, n + 1)]
        else:  # "v": back at once
            path += [0.0]
        out = np.zeros(years + 1)
        s = max(int(self.start), 1)
        for i, v in enumerate(path):
            if s + i <= years:
                out[s + i] = v
        return out

    def factors(self, years: int) -> dict[str, np.ndarray]:
        """Level multipliers by revenue kind, ``years + 1`` values (index 0 = base year = 1)."""
        return {k: 1.0 + self.deviation(v, years) for k, v in self.shocks.items()}

    def market_level(self, years: int) -> np.ndarray:
        """Property market level relative to its baseline (1 = no shock)."""
        return 1.0 + self.deviation(self.market, years)

    def apply(self, economy: Economy) -> Economy:
        """A copy of ``economy`` with this downturn's shocks and market path."""
        y = economy.years
        shocks = dict(economy.shocks)
        for k, f in self.factors(y).items():
            shocks[k] = shocks[k] * f if k in shocks else f
        level = self.market_level(y)
        market = economy.market.copy()
        market[1:] = (1.0 + economy.market[1:]) * level[1:] / level[:-1] - 1.0
        return dataclasses.replace(economy, market=market, shocks=shocks)

    def pension_scenario_kwargs(self) -> dict[str, Any]:
        """Arguments for ``core.pension.Scenario`` giving the paired asset shock (or {})."""
        if not self.pension_shock:
            return {}
        return {"returns": "shock", "shock_year": max(int(self.start), 1)}

    def describe(self) -> str:
        """The downturn in one line, in the interface's language: "Great Recession (San
        José): sales tax -17.5%, ...; from year 1, recovers evenly over 4 years"."""
        parts = []
        for k, v in self.shocks.items():
            worst = min([v] if isinstance(v, int | float) else v or [0.0])
            parts.append(f"{_lower_first(kind_label(k))} {_pct(worst)}")
        if self.market:
            m = self.market
            worst = min([m] if isinstance(m, int | float) else m or [0.0])
            parts.append(
                translate(
                    "revenue", "home values {change} (property tax follows with its lag)"
                ).format(change=_pct(worst))
            )
        shape = {
            "linear": translate("revenue", "recovers evenly over {n} years"),
            "v": translate("revenue", "bounces straight back"),
            "u": translate("revenue", "stays down a year, then recovers over {n} years"),
            "l": translate("revenue", "never recovers"),
        }[self.recovery].format(n=self.recovery_years)
        return translate("revenue", "{name}: {shocks}; from year {start}, {recovery}").format(
            name=localized(self.name),
            shocks=", ".join(parts),
            start=self.start,
            recovery=shape,
        )

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Recession:
        names = {f.name for f in dataclasses.fields(cls)}
        kw = {k: copy.deepcopy(v) for k, v in spec.items() if k in names}
        shocks = kw.get("shocks", {})
        # The shipped file gives each shock as {"path": [...], "source": ..., "basis": ...}.
        if any(isinstance(v, Mapping) for v in shocks.values()):
            sources = dict(kw.get("sources", {}))
            flat = {}
            for k, v in shocks.items():
                if isinstance(v, Mapping):
                    flat[k] = v["path"]
                    if v.get("source"):
                        sources.setdefault(k, str(v["source"]))
                else:
                    flat[k] = v
            kw["shocks"], kw["sources"] = flat, sources
        if isinstance(kw.get("market"), Mapping):
            m = kw["market"]
            kw.setdefault("sources", {})
            if m.get("source"):
                kw["sources"].setdefault("market", str(m["source"]))
            kw["market"] = m["path"]
        return cls(**kw)


_BSA = "bsa.ca.gov/local_high_risk/covid-19/impact"

#: Presets by name: "Great Recession (San José)", "COVID (statewide projection)", "mild".
#: The same presets ship in ``resources/data/recessions.json``. Names, sources and notes are
#: the English originals (the file's values); :meth:`Recession.shown` translates them.
RECESSION_PRESETS: dict[str, Recession] = {
    "Great Recession (San José)": Recession(
        name=QT_TRANSLATE_NOOP("revenue", "Great Recession (San José)"),
        shocks={
            "sales": [-0.143, -0.175],
            "tot": [-0.15, -0.2],
            "transfer_tax": [-0.3, -0.4],
            "business": [-0.05, -0.08],
            "taxes": [-0.06, -0.08],
            "uut": [0.0, -0.01],
        },
        duration=2,
        recovery="linear",
        recovery_years=4,
        market=[-0.18, -0.30],
        start=1,
        source=QT_TRANSLATE_NOOP(
            "revenue",
            "San José sales tax FY2008 $154M, FY2009 $132M, FY2010 $127M "
            "(-14.3%, -17.5%); Santa Clara County roll +0.61% then -2.43%",
        ),
        note=QT_TRANSLATE_NOOP(
            "revenue",
            "Sales follow San José's observed drop. The market path is chosen so the "
            "default property-tax roll grows about 0.6% and then falls about 2.5%, as Santa "
            "Clara County's did (+0.61%, then -2.43% on average). Hotel, transfer, business and "
            "utility-users figures are assumptions scaled from the sales drop by how cyclical "
            "each tax is.",
        ),
        sources={
            "sales": QT_TRANSLATE_NOOP(
                "revenue", "mercurynews.com/2012/07/25/see-how-san-joses-taxes-add-up/ (observed)"
            ),
            "market": QT_TRANSLATE_NOOP(
                "revenue",
                "issuu.com/sccassessor/docs/annual_report_2008-09/4; "
                "abc7news.com/archive/7532388/ "
                "(roll +0.61% then -2.43%; market path derived to match)",
            ),
            "tot": QT_TRANSLATE_NOOP(
                "revenue", "assumption (hotel tax is the most cyclical, reference §5.2)"
            ),
            "transfer_tax": QT_TRANSLATE_NOOP(
                "revenue", "assumption (volume and price fall together, reference §5.2)"
            ),
            "business": QT_TRANSLATE_NOOP("revenue", "assumption"),
            "taxes": QT_TRANSLATE_NOOP("revenue", "assumption (mix of taxes)"),
            "uut": QT_TRANSLATE_NOOP("revenue", "assumption (low cyclicality, reference §5.2)"),
        },
    ),
    "COVID (statewide projection)": Recession(
        name=QT_TRANSLATE_NOOP("revenue", "COVID (statewide projection)"),
        shocks={
            "tot": [-0.66],
            "sales": [-0.12],
            "business": [-0.07],
            "uut": [-0.0115],
            "taxes": [-0.05],
        },
        duration=1,
        recovery="linear",
        recovery_years=2,
        market=[],
        start=1,
        source=QT_TRANSLATE_NOOP(
            "revenue",
            "California State Auditor: hotel taxes -66%, sales and use -12%, business "
            "license -7% through FY2020-21 (bsa.ca.gov/local_high_risk/covid-19/impact)",
        ),
        note=QT_TRANSLATE_NOOP(
            "revenue",
            "Property values did not fall. Los Angeles projected utility users tax -1.15%. "
            "The mixed-taxes figure is an assumption.",
        ),
        sources={
            "tot": _BSA,
            "sales": _BSA,
            "business": _BSA,
            "uut": QT_TRANSLATE_NOOP(
                "revenue", "cao.lacity.gov/budget20-21/ProposedBudget/ (Los Angeles UUT -1.15%)"
            ),
            "taxes": QT_TRANSLATE_NOOP("revenue", "assumption (mix of taxes)"),
        },
    ),
    "mild": Recession(
        name=QT_TRANSLATE_NOOP("revenue", "mild"),
        shocks={
            "sales": [-0.05],
            "tot": [-0.08],
            "transfer_tax": [-0.15],
            "business": [-0.03],
            "taxes": [-0.025],
        },
        duration=1,
        recovery="linear",
        recovery_years=2,
        market=[-0.05],
        start=1,
        source=QT_TRANSLATE_NOOP(
            "revenue", "assumption: about a third of the Great Recession's sales drop"
        ),
        note=QT_TRANSLATE_NOOP(
            "revenue",
            "A short, shallow downturn for comparison; every figure is an assumption.",
        ),
        sources={
            k: QT_TRANSLATE_NOOP("revenue", "assumption")
            for k in ("sales", "tot", "transfer_tax", "business", "taxes")
        },
    ),
}

_PRESET_ALIASES: dict[str, str] = {
    "great recession": "Great Recession (San José)",
    "great-recession": "Great Recession (San José)",
    "great_recession": "Great Recession (San José)",
    "gr": "Great Recession (San José)",
    "covid": "COVID (statewide projection)",
    "covid-19": "COVID (statewide projection)",
    "mild": "mild",
}


def recession_preset(name: str) -> Recession:
    """A copy of the preset ``name`` (case-insensitive; also "great-recession", "covid")."""
    key = " ".join(str(name).split()).lower()
    for preset in RECESSION_PRESETS:
        if preset.lower() == key:
            return copy.deepcopy(RECESSION_PRESETS[preset])
    if key in _PRESET_ALIASES:
        return copy.deepcopy(RECESSION_PRESETS[_PRESET_ALIASES[key]])
    raise KeyError(f"unknown recession {name!r}; choose from {', '.join(RECESSION_PRESETS)}")
