"""The Pensions view: what does a pension assumption cost us?

A plan (a shipped preset, or one typed in from a valuation page) is projected thirty years
with the levers on the left: what the fund really earns (the same rate every year, a crash
and rebound, or thousands of random years), the assumed return and what changing it means,
how shortfalls are paid off, smoothing, payroll growth, new hires and who pays. Four charts
answer "how funded", "what does the city pay", "what is the debt payment made of" (the
mortgage view) and "how likely is trouble" (the fan chart). The crowd-out tab puts the
employer's contribution next to the loaded budget's General Fund revenue and says what the
change against a baseline means in positions and in a unit the room understands. "Projection
honesty" sets two sets of assumptions side by side.

Scenarios are named sets of levers, kept in :attr:`PensionsView.scenarios` and in the
budget's ``meta["pension_scenarios"]`` as plain dicts (see :func:`build_scenario`), so the
session file saves them and the Tradeoffs view can read them.

The view computes nothing itself: :mod:`budgetbench.core.pension` does. numpy, pandas and
matplotlib load when the view is first shown or given a budget, not when the window opens.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core import pension_levers
from budgetbench.core.format import format_money, short_money
from budgetbench.core.i18n import QT_TRANSLATE_NOOP
from budgetbench.core.pension_levers import build_scenario, plan_levers, unit_factor
from budgetbench.core.pension_levers import same as _same
from budgetbench.ui.charts import OKABE_ITO, ChartCanvas, money_axis
from budgetbench.ui.widgets import Card
from budgetbench.ui.workers import TaskRunner

if TYPE_CHECKING:  # numpy/pandas-backed: loaded on first use, not at start-up
    import pandas as pd

    from budgetbench.core.budget import Budget
    from budgetbench.core.pension import Plan

#: Recompute at most this often while a slider is dragged.
THROTTLE_MS = 40
#: Redraw this long after the last resize.
RESIZE_DELAY_MS = 80
#: Random-return runs longer than this (estimated from the last run) go to a worker thread.
INLINE_LIMIT_S = 0.3
#: Years projected.
YEARS = 30
#: Random-return runs offered.
PATH_CHOICES = (1_000, 2_000, 5_000, 10_000)
DEFAULT_PATHS = pension_levers.DEFAULT_PATHS
#: Runs used for a baseline or a comparison column that uses random returns.
SIDE_PATHS = 1_000
#: Used when the budget does not say what a position costs: salary plus benefits.
TYPICAL_COST_PER_FTE = 150_000.0
DEFAULT_UNIT_NAME = QT_TRANSLATE_NOOP("PensionsView", "fire stations")
DEFAULT_UNIT_COST = 4_000_000.0
#: The key in ``Budget.meta`` where scenarios are kept (plain dicts, saved with the session).
META_KEY = "pension_scenarios"

TITLE_PT = 15.0
SUBTITLE_PT = 11.0
LABEL_PT = 12.0
TICK_PT = 11.0
LEGEND_PT = 10.5
LINE_W = 2.8

BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE = OKABE_ITO[:6]
GREY = "#777777"

CHARTS = ("funded", "contrib", "mortgage", "fan", "crowd", "compare")

RETURN_MODES: tuple[tuple[str, str], ...] = (
    ("assumed", QT_TRANSLATE_NOOP("PensionsView", "As assumed, every year")),
    ("constant", QT_TRANSLATE_NOOP("PensionsView", "The same rate every year")),
    ("shock", QT_TRANSLATE_NOOP("PensionsView", "A crash, then a rebound")),
    ("stochastic", QT_TRANSLATE_NOOP("PensionsView", "Random good and bad years")),
)
METHODS: tuple[tuple[str, str], ...] = (
    ("level_percent", QT_TRANSLATE_NOOP("PensionsView", "Rising with payroll (level %)")),
    ("level_dollar", QT_TRANSLATE_NOOP("PensionsView", "Same dollars each year (level $)")),
)
KINDS: tuple[tuple[str, str], ...] = (
    ("closed", QT_TRANSLATE_NOOP("PensionsView", "Closed: each layer has an end")),
    ("open", QT_TRANSLATE_NOOP("PensionsView", "Open: re-stretched every year")),
    ("recalculated", QT_TRANSLATE_NOOP("PensionsView", "Recalculated: one end date")),
)
RAMPS: tuple[tuple[str, str], ...] = (
    ("none", QT_TRANSLATE_NOOP("PensionsView", "Full payments at once")),
    ("up", QT_TRANSLATE_NOOP("PensionsView", "Phased in over 5 years")),
    ("up_down", QT_TRANSLATE_NOOP("PensionsView", "Phased in and out (5 years)")),
)
SMOOTHINGS: tuple[tuple[str, str], ...] = (
    ("none", QT_TRANSLATE_NOOP("PensionsView", "None: the market value")),
    ("recognition", QT_TRANSLATE_NOOP("PensionsView", "Spread over several years")),
    ("corridor", QT_TRANSLATE_NOOP("PensionsView", "Recognize 20% a year")),
)
EMPLOYEE_RULES: tuple[tuple[str, str], ...] = (
    ("plan", QT_TRANSLATE_NOOP("PensionsView", "As the plan's rules say")),
    ("fixed", QT_TRANSLATE_NOOP("PensionsView", "A fixed % of their pay")),
    ("share_nc", QT_TRANSLATE_NOOP("PensionsView", "A share of the normal cost")),
    ("share_adc", QT_TRANSLATE_NOOP("PensionsView", "Half the bill, capped (Measure F)")),
)

#: The shipped presets' own words (each file's ``name``, ``label`` and ``notes``, and the names
#: of its amortization bases), listed so they can be translated; :func:`_preset_text` looks them
#: up. Words not listed (a plan the user typed in, or a preset file changed since) are shown as
#: written.
PRESET_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PensionPresets", "Generic CalPERS-style city (illustrative)"),
    QT_TRANSLATE_NOOP(
        "PensionPresets", "A city in a CalPERS-style pooled plan, scaled to $100M payroll"
    ),
    QT_TRANSLATE_NOOP(
        "PensionPresets",
        "For places without a valuation at hand: a $100M payroll with the liability, asset and "
        "normal-cost ratios of the Boyd-Chen typical public plan, under the CalPERS amortization "
        "policy in force from the June 30 2019 valuations. Replace the figures with your city's "
        "CalPERS valuation.",
    ),
    QT_TRANSLATE_NOOP("PensionPresets", "San José Federated City Employees, Tier 1 (AV2020)"),
    QT_TRANSLATE_NOOP(
        "PensionPresets", "San José Federated (Tier 1 liability, Tier 1 + Tier 2 payroll)"
    ),
    QT_TRANSLATE_NOOP(
        "PensionPresets",
        "Liability, assets and amortization bases are Tier 1's (AV2020). Payroll and normal cost "
        "cover both tiers so the new-hire tier grows. The listed bases sum to $1,355,675K of a "
        "$2,087,917K UAAL; the rest is one more layer, 'Bases not listed', paid over the "
        "gain/loss period. Benefit payments are an estimate (see sources).",
    ),
    QT_TRANSLATE_NOOP("PensionPresets", "San José Police & Fire, Tier 1 (AV2020)"),
    QT_TRANSLATE_NOOP("PensionPresets", "San José Police & Fire (Tier 1)"),
    QT_TRANSLATE_NOOP(
        "PensionPresets",
        "Liability, assets and amortization bases are Tier 1's (AV2020); payroll and normal cost "
        "are Tier 1's AV2019 figures (the newest in the sources). Tier 2 is not modelled. The "
        "listed bases sum to $128,858K of a $1,385,484K UAAL; the rest is one more layer, 'Bases "
        "not listed', paid over the experience period. Benefit payments are an estimate (see "
        "sources).",
    ),
    QT_TRANSLATE_NOOP("PensionPresets", "Typical public plan (Boyd-Chen)"),
    QT_TRANSLATE_NOOP("PensionPresets", "Median US state plan, scaled to a liability of 100"),
    QT_TRANSLATE_NOOP(
        "PensionPresets",
        "The 'typical public plan' of Boyd & Chen's simple pension model: median values in US "
        "state pension plans. Cash flows at the end of the year, each year's shortfall a closed "
        "30-year level-percent layer. The model does not split employee and employer "
        "contributions: the 'employer' column is the whole contribution.",
    ),
    QT_TRANSLATE_NOOP("PensionPresets", "2009 UAL"),
    QT_TRANSLATE_NOOP("PensionPresets", "2011 assumption changes"),
    QT_TRANSLATE_NOOP("PensionPresets", "2012 (gain)/loss"),
    QT_TRANSLATE_NOOP("PensionPresets", "2015 assumption changes"),
    QT_TRANSLATE_NOOP("PensionPresets", "2020 (gain)/loss"),
    QT_TRANSLATE_NOOP("PensionPresets", "2020 assumption change"),
    QT_TRANSLATE_NOOP("PensionPresets", "2009 experience loss"),
    QT_TRANSLATE_NOOP("PensionPresets", "2011 experience gain"),
    QT_TRANSLATE_NOOP("PensionPresets", "2017 assumption change"),
    QT_TRANSLATE_NOOP("PensionPresets", "2019 experience loss"),
    QT_TRANSLATE_NOOP("PensionPresets", "2020 experience loss"),
)
#: What a plan file's ``sources`` keys name (a tier's key is "tiers.<its name>").
SOURCE_LABELS: dict[str, str] = {
    "aal": QT_TRANSLATE_NOOP("PensionsView", "Actuarial liability"),
    "mva": QT_TRANSLATE_NOOP("PensionsView", "Market value of assets"),
    "ava": QT_TRANSLATE_NOOP("PensionsView", "Smoothed value of assets"),
    "tiers": QT_TRANSLATE_NOOP("PensionsView", "Tiers"),
    "bases": QT_TRANSLATE_NOOP("PensionsView", "Amortization bases"),
    "benefits": QT_TRANSLATE_NOOP("PensionsView", "Benefit payments"),
    "benefit_timing": QT_TRANSLATE_NOOP("PensionsView", "When benefits are paid"),
    "discount_rate": QT_TRANSLATE_NOOP("PensionsView", "Assumed return"),
    "payroll_growth": QT_TRANSLATE_NOOP("PensionsView", "Payroll growth"),
    "legacy_turnover": QT_TRANSLATE_NOOP("PensionsView", "New hires replacing older tiers"),
    "amortization": QT_TRANSLATE_NOOP("PensionsView", "Paying off shortfalls"),
    "amortization.periods": QT_TRANSLATE_NOOP("PensionsView", "Payoff periods"),
    "amortization.timing": QT_TRANSLATE_NOOP("PensionsView", "When payments are made"),
    "smoothing": QT_TRANSLATE_NOOP("PensionsView", "Smoothing"),
    "employee": QT_TRANSLATE_NOOP("PensionsView", "What employees pay"),
    "employer_gf_share": QT_TRANSLATE_NOOP("PensionsView", "Share paid by the General Fund"),
}

#: The budget phases, as a chart's subtitle names them ("FY2026 adopted").
PHASE_WORDS: dict[str, str] = {
    "actual": QT_TRANSLATE_NOOP("PensionsView", "actual"),
    "adopted": QT_TRANSLATE_NOOP("PensionsView", "adopted"),
    "amended": QT_TRANSLATE_NOOP("PensionsView", "amended"),
    "proposed": QT_TRANSLATE_NOOP("PensionsView", "proposed"),
    "recommended": QT_TRANSLATE_NOOP("PensionsView", "recommended"),
    "estimate": QT_TRANSLATE_NOOP("PensionsView", "estimate"),
}


def scale_plan(plan: Plan, factor: float, units: str = "$") -> Plan:
    """The plan with every amount multiplied by ``factor`` (rates unchanged)."""
    import dataclasses

    tiers = [dataclasses.replace(t, payroll=t.payroll * factor) for t in plan.tiers]
    bases = [
        dataclasses.replace(
            b, balance=b.balance * factor, payment=None if b.payment is None else b.payment * factor
        )
        for b in plan.bases
    ]
    return dataclasses.replace(
        plan,
        aal=plan.aal * factor,
        mva=plan.mva * factor,
        ava=plan.ava * factor,
        benefits=plan.benefits * factor,
        tiers=tiers,
        bases=bases,
        units=units,
    )


# ---- small widgets -----------------------------------------------------------------------
class _Spin(QDoubleSpinBox):
    """A number box that writes 6.625 and 7, not 6.625 and 7.000: US style in every language,
    like the figures and charts (reading "6.625" with a Spanish locale would give 6625)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def textFromValue(self, value: float) -> str:
        text = f"{value:,.{self.decimals()}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text


class Lever(QWidget):
    """A slider and a number box that move together, under a plain-words label whose
    tooltip names and explains the technical term. ``value()`` is a fraction for percent
    levers (6.625% -> 0.06625)."""

    changed = Signal()

    def __init__(
        self,
        text: str,
        tip: str,
        lo: float,
        hi: float,
        step: float,
        *,
        decimals: int = 2,
        suffix: str = "%",
        percent: bool = True,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._percent = percent
        self._lo, self._step = lo, step
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setToolTip(tip)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName(f"{name}Slider" if name else "")
        self.spin = _Spin(self)
        self.spin.setObjectName(f"{name}Spin" if name else "")
        self.spin.setDecimals(decimals)
        self.spin.setSuffix(suffix)
        self.spin.setKeyboardTracking(False)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.set_range(lo, hi, step)
        plain = text.replace("&", "")
        for w in (self.slider, self.spin):
            w.setToolTip(tip)
            w.setAccessibleName(plain)
        self.spin.setAccessibleDescription(self.tr("Type a value"))
        self.label.setBuddy(self.slider)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        grid.addWidget(self.label, 0, 0, 1, 2)
        grid.addWidget(self.slider, 1, 0)
        grid.addWidget(self.spin, 1, 1)
        grid.setColumnStretch(0, 1)

    def set_range(self, lo: float, hi: float, step: float) -> None:
        value = self.spin.value()
        self._lo, self._step = lo, step
        was = (self.slider.blockSignals(True), self.spin.blockSignals(True))
        self.slider.setRange(0, round((hi - lo) / step))
        self.slider.setSingleStep(1)
        self.slider.setPageStep(max(1, round(self.slider.maximum() / 10)))
        self.spin.setRange(lo, hi)
        self.spin.setSingleStep(step)
        widest = f"{max(abs(lo), abs(hi)):.{self.spin.decimals()}f}{self.spin.suffix()}"
        self.spin.setMinimumWidth(self.spin.fontMetrics().horizontalAdvance(widest) + 34)
        self.spin.setValue(min(max(value, lo), hi))
        self.slider.setValue(round((self.spin.value() - lo) / step))
        self.slider.blockSignals(was[0])
        self.spin.blockSignals(was[1])

    def value(self) -> float:
        v = float(self.spin.value())
        return round(v / 100.0, 10) if self._percent else v

    def set_value(self, value: float) -> None:
        """Set without emitting ``changed``."""
        shown = value * 100.0 if self._percent else value
        was = (self.slider.blockSignals(True), self.spin.blockSignals(True))
        self.spin.setValue(shown)
        self.slider.setValue(round((self.spin.value() - self._lo) / self._step))
        self.slider.blockSignals(was[0])
        self.spin.blockSignals(was[1])

    def _slider_moved(self, pos: int) -> None:
        was = self.spin.blockSignals(True)
        self.spin.setValue(self._lo + pos * self._step)
        self.spin.blockSignals(was)
        self.changed.emit()

    def _spin_changed(self, value: float) -> None:
        was = self.slider.blockSignals(True)
        self.slider.setValue(round((value - self._lo) / self._step))
        self.slider.blockSignals(was)
        self.changed.emit()


# ---- the "Your plan" form ----------------------------------------------------------------
class PlanDialog(QDialog):
    """Type one valuation page's numbers; Save writes them as a plan file (``save_plan``)."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Your plan"))
        intro = QLabel(
            self.tr(
                "Copy these from the summary page of your plan's actuarial valuation. Leave "
                "benefit payments at 0 to estimate them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self.tr("Our city's plan"), self)
        self.name_edit.setObjectName("planName")
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(2024)
        self.units_combo = QComboBox(self)
        self.units_combo.setObjectName("planUnits")
        for units, label in (
            ("$K", self.tr("thousands of dollars")),
            ("$M", self.tr("millions of dollars")),
            ("$", self.tr("dollars")),
        ):
            self.units_combo.addItem(label, userData=units)

        def money(name: str) -> QDoubleSpinBox:
            spin = _Spin(self)
            spin.setObjectName(name)
            spin.setRange(0, 1e13)
            spin.setDecimals(0)
            spin.setGroupSeparatorShown(True)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            return spin

        def pct(name: str, value: float, hi: float = 100.0) -> QDoubleSpinBox:
            spin = _Spin(self)
            spin.setObjectName(name)
            spin.setRange(0, hi)
            spin.setDecimals(3)
            spin.setSuffix("%")
            spin.setValue(value)
            return spin

        self.aal_spin = money("planAal")
        self.mva_spin = money("planMva")
        self.ava_spin = money("planAva")
        self.payroll_spin = money("planPayroll")
        self.benefits_spin = money("planBenefits")
        self.nc_spin = pct("planNormalCost", 15.0, 200.0)
        self.ee_spin = pct("planEmployeeRate", 7.0)
        self.rate_spin = pct("planDiscountRate", 6.75, 15.0)
        self.growth_spin = pct("planPayrollGrowth", 3.0, 15.0)
        self.period_spin = QSpinBox(self)
        self.period_spin.setObjectName("planPeriod")
        self.period_spin.setRange(1, 40)
        self.period_spin.setValue(20)
        self.method_combo = QComboBox(self)
        for key, label in METHODS:
            self.method_combo.addItem(
                QCoreApplication.translate("PensionsView", label), userData=key
            )
        self.gf_spin = pct("planGfShare", 100.0)

        form = QFormLayout()
        rows = (
            (self.tr("Plan &name:"), self.name_edit, ""),
            (self.tr("&Valuation year:"), self.year_spin, ""),
            (self.tr("Amounts in:"), self.units_combo, ""),
            (
                self.tr("Actuarial &liability:"),
                self.aal_spin,
                self.tr("Actuarial accrued liability (AAL): today's value of benefits earned"),
            ),
            (self.tr("&Market value of assets:"), self.mva_spin, ""),
            (
                self.tr("Actuarial (&smoothed) value of assets:"),
                self.ava_spin,
                self.tr("Leave 0 if the valuation does not smooth: the market value is used"),
            ),
            (self.tr("Covered &payroll:"), self.payroll_spin, ""),
            (
                self.tr("N&ormal cost:"),
                self.nc_spin,
                self.tr("Total normal cost (employer + employee) as a share of payroll"),
            ),
            (self.tr("&Employees pay:"), self.ee_spin, self.tr("Employee rate, share of pay")),
            (
                self.tr("&Benefit payments (first year):"),
                self.benefits_spin,
                self.tr("0: estimated so the liability grows with payroll"),
            ),
            (self.tr("Assumed &return:"), self.rate_spin, self.tr("Discount rate")),
            (self.tr("Payroll &growth:"), self.growth_spin, ""),
            (self.tr("Years to pay off shor&tfalls:"), self.period_spin, ""),
            (self.tr("Pa&yments:"), self.method_combo, ""),
            (
                self.tr("Share paid by the &General Fund:"),
                self.gf_spin,
                self.tr("The rest is paid by enterprise and special funds"),
            ),
        )
        for text, widget, tip in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            if tip:
                widget.setToolTip(tip)
                label.setToolTip(tip)
            form.addRow(label, widget)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("planError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B03A00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.path: Path | None = None

    def plan(self) -> Plan:
        from budgetbench.core.pension import (
            AmortizationPolicy,
            EmployeeRule,
            Plan,
            Tier,
            steady_state_benefits,
        )

        aal, mva = self.aal_spin.value(), self.mva_spin.value()
        ava = self.ava_spin.value() or mva
        payroll = self.payroll_spin.value()
        nc = self.nc_spin.value() / 100
        rate, growth = self.rate_spin.value() / 100, self.growth_spin.value() / 100
        n = self.period_spin.value()
        source = self.tr("typed in from the %1 actuarial valuation").replace(
            "%1", str(self.year_spin.value())
        )
        sources = {
            k: source for k in ("aal", "mva", "ava", "tiers", "discount_rate", "payroll_growth")
        }
        benefits = self.benefits_spin.value()
        if benefits <= 0:
            benefits = steady_state_benefits(aal, nc * payroll, rate, growth)
            sources["benefits"] = self.tr(
                "estimated: the payments that keep the liability growing with payroll"
            )
        else:
            sources["benefits"] = source
        return Plan(
            name=self.name_edit.text().strip() or self.tr("Our city's plan"),
            aal=aal,
            mva=mva,
            ava=ava,
            tiers=[Tier("All members", payroll, nc, open_to_new_hires=True)],
            benefits=benefits,
            discount_rate=rate,
            payroll_growth=growth,
            amortization=AmortizationPolicy(
                method=self.method_combo.currentData(),
                periods={"gain_loss": n, "investment": n, "assumption": n, "initial": n},
            ),
            employee=EmployeeRule("fixed", rate=self.ee_spin.value() / 100),
            employer_gf_share=self.gf_spin.value() / 100,
            valuation_year=self.year_spin.value(),
            units=self.units_combo.currentData(),
            sources=sources,
        )

    def _field_labels(self) -> dict[str, str]:
        """The plan file's field names, as this form calls them (for error messages)."""
        return {
            "plan.aal": self.tr("Actuarial liability"),
            "plan.mva": self.tr("Market value of assets"),
            "plan.tiers[0].nc_rate": self.tr("Normal cost"),
            "plan.tiers": self.tr("Covered payroll"),
            "plan.benefits": self.tr("Benefit payments"),
            "plan.discount_rate": self.tr("Assumed return"),
            "plan.payroll_growth": self.tr("Payroll growth"),
        }

    def save(self) -> None:
        from budgetbench.core.progress import BudgetError
        from budgetbench.io.pension_presets import plan_from_dict, plan_to_dict, save_plan

        try:
            plan = self.plan()
            plan_from_dict(plan_to_dict(plan))  # the same checks as reading it back
            self.path = save_plan(plan)
        except (BudgetError, ValueError, ZeroDivisionError) as exc:
            text = str(exc)
            for field, label in self._field_labels().items():
                text = text.replace(field + ":", label + ":")
            self.error_label.setText(text)
            return
        self.saved.emit(str(self.path))
        self.accept()


# ---- the view ----------------------------------------------------------------------------
class PensionsView(QWidget):
    """What does a pension assumption cost us: levers, four charts, crowd-out, comparison.

    Signals ``scenarios_changed(list)`` (the saved scenarios, as plain dicts) whenever one is
    saved or removed.
    """

    scenarios_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pensionsView")
        self._budget: Budget | None = None
        self._ready = False
        self._plans: dict[str, Plan] = {}
        self._plan_key = ""
        self._plan: Plan | None = None  # as the engine sees it (sized to the budget if asked)
        self._factor: float | None = 1.0  # dollars per unit of the engine plan's money
        self._levers_defaults: dict[str, Any] = {}
        self._syncing = False
        self._frame: pd.DataFrame | None = None  # deterministic (or the expected path)
        self._stoch: pd.DataFrame | None = None  # random-return runs (medians, percentiles)
        self._stoch_key = ""
        self._layers: pd.DataFrame | None = None
        self._base_frame: pd.DataFrame | None = None
        self._crowd: pd.DataFrame | None = None
        self._figures: dict[str, Any] = {}
        self._titles: dict[str, str] = dict.fromkeys(CHARTS, "")
        self._charts: dict[str, ChartCanvas] = {}
        self._dirty: set[str] = set(CHARTS)
        self._cache: dict[str, pd.DataFrame] = {}
        self._sec_per_path: float | None = None
        self._size_user_set = False
        self._gf: dict[str, Any] = {}
        self._cost_per_fte_source = ""
        self._last_plan_index = 0
        self.scenarios: list[dict[str, Any]] = []
        self.last_compute_ms = 0.0
        self.plan_dialog: PlanDialog | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self.recompute)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._redraw_visible)
        self.runner = TaskRunner(self)
        self.runner.succeeded.connect(self._stoch_done)
        self.runner.failed.connect(self._stoch_failed)

        self._build_levers()
        self._build_top()
        self._build_tabs()
        self._build_layout()

    # --- building ---------------------------------------------------------------------------
    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        return label

    def _combo(self, name: str, items, label: str, tip: str) -> tuple[QComboBox, QLabel]:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for key, text in items:
            combo.addItem(self.tr(text), userData=key)
        combo.setAccessibleName(label.replace("&", "").rstrip(":"))
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(self._lever_changed)
        text = QLabel(label, self)
        text.setBuddy(combo)
        text.setToolTip(tip)
        text.setWordWrap(True)
        return combo, text

    def _build_levers(self) -> None:
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("planCombo")
        self.plan_combo.setAccessibleName(self.tr("Pension plan"))
        self.plan_combo.setToolTip(
            self.tr("A plan as its actuarial valuation describes it, or your own (Your plan…)")
        )
        self.plan_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_combo.setMinimumContentsLength(16)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self._plan_label = QLabel(self.tr("Pla&n:"), self)
        self._plan_label.setBuddy(self.plan_combo)
        self.plan_note = QLabel(self)
        self.plan_note.setObjectName("planNote")
        self.plan_note.setWordWrap(True)
        self.plan_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.plan_note.setTextFormat(Qt.TextFormat.PlainText)

        # what the fund earns
        self.returns_combo, self._returns_label = self._combo(
            "returnsCombo",
            RETURN_MODES,
            self.tr("What the fund ea&rns:"),
            self.tr(
                "<b>Actual return path.</b> What the fund's investments really earn, year by "
                "year. When they earn less than assumed, the shortfall is added to the "
                "unfunded liability and paid off over the following years."
            ),
        )
        self.return_lever = Lever(
            self.tr("Earns each &year"),
            self.tr(
                "<b>Actual return.</b> The fund earns this every year. Below the assumed "
                "return, each year's shortfall becomes a new debt layer the city pays off."
            ),
            0.0,
            12.0,
            0.25,
            decimals=3,
            name="returnLever",
            parent=self,
        )
        self.shock_lever = Lever(
            self.tr("Crash comes in projection year"),
            self.tr(
                "<b>Stress test (Pew style).</b> The fund loses 24% in this year, then earns "
                "12% for three years, then its assumed return again."
            ),
            1,
            25,
            1,
            decimals=0,
            suffix="",
            percent=False,
            name="shockLever",
            parent=self,
        )
        self.sd_lever = Lever(
            self.tr("How much returns swing (± a year)"),
            self.tr(
                "<b>Standard deviation of returns.</b> How far a typical year lands from the "
                "average. 12% is usual for a pension fund. The average is set so the compound "
                "return equals the assumed return (arithmetic = geometric + sd²/2)."
            ),
            2.0,
            25.0,
            0.5,
            decimals=1,
            name="sdLever",
            parent=self,
        )
        self.paths_combo = QComboBox(self)
        self.paths_combo.setObjectName("pathsCombo")
        for n in PATH_CHOICES:
            self.paths_combo.addItem(self.tr("%1 runs").replace("%1", f"{n:,}"), userData=n)
        self.paths_combo.setCurrentIndex(PATH_CHOICES.index(DEFAULT_PATHS))
        self.paths_combo.setAccessibleName(self.tr("Number of random runs"))
        self.paths_combo.setToolTip(
            self.tr(
                "<b>Stochastic runs.</b> Each run draws 30 random years; more runs, steadier odds"
            )
        )
        self.paths_combo.currentIndexChanged.connect(self._lever_changed)

        # what the plan assumes
        self.discount_lever = Lever(
            self.tr("&The plan assumes it will earn (discount rate)"),
            self.tr(
                "<b>Assumed return / discount rate.</b> The return the plan counts on. It is "
                "also the rate that turns future benefits into today's liability: a lower "
                "rate means a bigger liability and bigger payments."
            ),
            3.0,
            9.0,
            0.125,
            decimals=3,
            name="discountLever",
            parent=self,
        )
        self.meaning_assumption = QRadioButton(
            self.tr("Change the assumption (fund expects it)"), self
        )
        self.meaning_assumption.setObjectName("meaningAssumption")
        self.meaning_assumption.setToolTip(
            self.tr(
                "<b>Reading B: a new assumption.</b> The liability is re-priced at the new rate "
                "and the fund is expected to earn the new rate too."
            )
        )
        self.meaning_revalue = QRadioButton(self.tr("Only re-price the promises"), self)
        self.meaning_revalue.setObjectName("meaningRevalue")
        self.meaning_revalue.setToolTip(
            self.tr(
                "<b>Reading A: revaluation (GASB style).</b> The same benefits are discounted at "
                "the new rate; the fund's expected earnings do not change."
            )
        )
        self.meaning_assumption.setChecked(True)
        self._meaning_group = QButtonGroup(self)
        self._meaning_group.addButton(self.meaning_assumption)
        self._meaning_group.addButton(self.meaning_revalue)
        self.meaning_assumption.toggled.connect(self._lever_changed)
        for b in (self.meaning_assumption, self.meaning_revalue):
            b.setAccessibleName(b.text())

        # paying off the debt
        self.period_lever = Lever(
            self.tr("Years to pay off each new shortfall"),
            self.tr(
                "<b>Amortization period.</b> Like a mortgage term: each year's gain or loss is "
                "paid off over this many years. Longer means smaller payments and more "
                "interest."
            ),
            5,
            40,
            1,
            decimals=0,
            suffix=self.tr(" yrs"),
            percent=False,
            name="periodLever",
            parent=self,
        )
        self.method_combo, self._method_label = self._combo(
            "methodCombo",
            METHODS,
            self.tr("Payments:"),
            self.tr(
                "<b>Level dollar vs level percent of payroll.</b> Level percent payments start "
                "lower and grow with payroll, so early payments may not cover the interest."
            ),
        )
        self.kind_combo, self._kind_label = self._combo(
            "kindCombo",
            KINDS,
            self.tr("Schedule:"),
            self.tr(
                "<b>Closed vs open amortization.</b> Closed: every layer has its own end date. "
                "Open: the whole unfunded liability is re-spread over the same number of years "
                "every year, so it is never paid off."
            ),
        )
        self.ramp_combo, self._ramp_label = self._combo(
            "rampCombo",
            RAMPS,
            self.tr("Phase-&in:"),
            self.tr(
                "<b>Ramp.</b> New layers start at 20% of their payment and reach 100% in year "
                "five (CalPERS style); the debt grows while the ramp is low."
            ),
        )

        # smoothing
        self.smoothing_combo, self._smoothing_label = self._combo(
            "smoothingCombo",
            SMOOTHINGS,
            self.tr("Smoothing:"),
            self.tr(
                "<b>Asset smoothing (actuarial value of assets).</b> Good and bad years are "
                "recognized a bit at a time, so contributions move gently. The market value "
                "is what the fund would fetch today."
            ),
        )
        self.smoothing_lever = Lever(
            self.tr("Spread over"),
            self.tr("<b>Smoothing period.</b> Years over which each year's gain or loss counts"),
            1,
            10,
            1,
            decimals=0,
            suffix=self.tr(" yrs"),
            percent=False,
            name="smoothingLever",
            parent=self,
        )
        self.corridor_check = QCheckBox(self.tr("Stay within 80–120% of market value"), self)
        self.corridor_check.setObjectName("corridorCheck")
        self.corridor_check.setToolTip(
            self.tr(
                "<b>Corridor.</b> The smoothed value may not stray further from the market value"
            )
        )
        self.corridor_check.setAccessibleName(self.tr("Corridor, 80 to 120% of market value"))
        self.corridor_check.toggled.connect(self._lever_changed)

        # workforce
        self.growth_lever = Lever(
            self.tr("Payroll &grows each year"),
            self.tr(
                "<b>Payroll growth.</b> Raises and hiring. Normal cost and level-percent "
                "payments grow with payroll."
            ),
            0.0,
            6.0,
            0.25,
            decimals=2,
            name="growthLever",
            parent=self,
        )
        self.turnover_lever = Lever(
            self.tr("Older-tier staff replaced by new hires each year"),
            self.tr(
                "<b>New-hire share (tiers).</b> Each year this share of the older tier's payroll "
                "retires or leaves and is replaced by new hires in the newer, cheaper tier."
            ),
            0.0,
            20.0,
            0.5,
            decimals=1,
            name="turnoverLever",
            parent=self,
        )
        self.new_hire_label = QLabel(self)
        self.new_hire_label.setObjectName("newHireLabel")
        self.new_hire_label.setWordWrap(True)
        self.new_hire_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        # who pays
        self.employee_combo, self._employee_label = self._combo(
            "employeeCombo",
            EMPLOYEE_RULES,
            self.tr("Employees pay:"),
            self.tr(
                "<b>Employee cost sharing.</b> What members pay; the employer pays the rest. "
                "Measure F (San José, 2016): new members pay half the whole bill, rising at "
                "most 0.33% of pay a year, never less than half the normal cost."
            ),
        )
        self.employee_lever = Lever(
            self.tr("Their share"),
            self.tr(
                "<b>Normal cost</b> is the cost of benefits earned this year; the <b>whole "
                "bill</b> (ADC) adds the payment on the unfunded liability."
            ),
            0.0,
            100.0,
            1.0,
            decimals=1,
            name="employeeLever",
            parent=self,
        )

        for lever in (
            self.return_lever,
            self.shock_lever,
            self.sd_lever,
            self.discount_lever,
            self.period_lever,
            self.smoothing_lever,
            self.growth_lever,
            self.turnover_lever,
            self.employee_lever,
        ):
            lever.changed.connect(self._lever_changed)

    def _build_top(self) -> None:
        self.scenario_edit = QLineEdit(self)
        self.scenario_edit.setObjectName("scenarioName")
        self.scenario_edit.setPlaceholderText(self.tr("Name these levers…"))
        self.scenario_edit.setAccessibleName(self.tr("Scenario name"))
        self.scenario_edit.setToolTip(self.tr("A name for the current levers, e.g. “5% returns”"))
        self.scenario_edit.returnPressed.connect(lambda: self.save_current_scenario())
        self.save_button = QPushButton(self.tr("&Save scenario"), self)
        self.save_button.setObjectName("saveScenarioButton")
        self.save_button.setAccessibleName(self.tr("Save the levers as a scenario"))
        self.save_button.setToolTip(
            self.tr("Keep these levers under the name typed (saved with the session)")
        )
        self.save_button.clicked.connect(lambda: self.save_current_scenario())
        self.load_button = QToolButton(self)
        self.load_button.setObjectName("loadScenarioButton")
        self.load_button.setText(self.tr("Scenarios ▾"))
        self.load_button.setAccessibleName(self.tr("Load a saved scenario"))
        self.load_button.setToolTip(self.tr("Put a saved scenario's levers back"))
        self.load_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._load_menu = QMenu(self.load_button)
        self.load_button.setMenu(self._load_menu)
        self.baseline_combo = QComboBox(self)
        self.baseline_combo.setObjectName("baselineCombo")
        self.baseline_combo.setAccessibleName(self.tr("Baseline scenario"))
        self.baseline_combo.setToolTip(
            self.tr("What the change is measured against: the plan's own assumptions or a scenario")
        )
        self.baseline_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.baseline_combo.setMinimumContentsLength(14)
        self.baseline_combo.currentIndexChanged.connect(self._baseline_changed)
        self._baseline_label = QLabel(self.tr("&Baseline:"), self)
        self._baseline_label.setBuddy(self.baseline_combo)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setPrefix(self.tr("FY"))
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setAccessibleName(self.tr("Fiscal year to look at"))
        self.year_spin.setToolTip(self.tr("The year the figures and chart titles talk about"))
        self.year_spin.valueChanged.connect(self._lever_changed)
        self._year_label = QLabel(self.tr("Look &at:"), self)
        self._year_label.setBuddy(self.year_spin)

        self.cards = {key: Card(f"{key}Card", self) for key in ("now", "later", "funded", "crowd")}
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("negativeAmortizationWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setVisible(False)
        self.warning_label.setStyleSheet(
            "QLabel#negativeAmortizationWarning { border-style: solid; border-color: #D55E00;"
            " border-width: 0px 0px 0px 6px; padding-left: 6px; font-weight: bold; }"
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pensionTabs")
        self.tabs.setAccessibleName(self.tr("Pension charts"))
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QVBoxLayout] = {}
        names = {
            "funded": self.tr("F&unded"),
            "contrib": self.tr("&What the city pays"),
            "mortgage": self.tr("&Mortgage view"),
            "fan": self.tr("Ris&k"),
            "crowd": self.tr("&Crowd-out"),
            "compare": self.tr("Pro&jection honesty"),
        }
        for key in CHARTS:
            page = QWidget(self)
            page.setObjectName(f"{key}Page")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(4, 4, 4, 4)
            self._pages[key] = page
            self._holders[key] = layout
            self.tabs.addTab(page, names[key])
        self.tabs.currentChanged.connect(self._tab_changed)

        # contributions: dollars or % of payroll
        self.dollars_radio = QRadioButton(self.tr("In dollars"), self)
        self.dollars_radio.setObjectName("dollarsRadio")
        self.percent_radio = QRadioButton(self.tr("As % of payroll"), self)
        self.percent_radio.setObjectName("percentRadio")
        self.dollars_radio.setChecked(True)
        self._show_group = QButtonGroup(self)
        for b in (self.dollars_radio, self.percent_radio):
            b.setAccessibleName(
                self.tr("Show the employer contribution %1").replace("%1", b.text())
            )
            self._show_group.addButton(b)
        self.dollars_radio.toggled.connect(lambda _on: self._mark_and_draw("contrib"))
        row = QHBoxLayout()
        row.addWidget(self.dollars_radio)
        row.addWidget(self.percent_radio)
        row.addStretch(1)
        self._holders["contrib"].addLayout(row)

        # mortgage view warning inside its page too
        self.mortgage_note = QLabel(self)
        self.mortgage_note.setObjectName("mortgageNote")
        self.mortgage_note.setWordWrap(True)
        self.mortgage_note.setText(
            self.tr(
                "Bars: what each layer of the debt costs that year. Black line: interest on "
                "the unfunded liability. A bar above the line pays down the debt; below it, "
                "the debt grows."
            )
        )
        self._holders["mortgage"].addWidget(self.mortgage_note)

        # risk: which figure the fan shows
        self.fan_combo = QComboBox(self)
        self.fan_combo.setObjectName("fanCombo")
        self.fan_combo.addItem(self.tr("Funded ratio (market value)"), userData="funded")
        self.fan_combo.addItem(self.tr("Employer contribution, % of payroll"), userData="rate")
        self.fan_combo.setAccessibleName(self.tr("Figure the fan chart shows"))
        self.fan_combo.currentIndexChanged.connect(lambda _i: self._mark_and_draw("fan"))
        self.fan_button = QPushButton(self.tr("Try random years"), self)
        self.fan_button.setObjectName("fanButton")
        self.fan_button.setAccessibleName(self.tr("Switch to random good and bad years"))
        self.fan_button.clicked.connect(lambda: self.set_return_mode("stochastic"))
        row = QHBoxLayout()
        show = QLabel(self.tr("Show:"), self)
        show.setBuddy(self.fan_combo)
        row.addWidget(show)
        row.addWidget(self.fan_combo)
        row.addStretch(1)
        row.addWidget(self.fan_button)
        self._holders["fan"].addLayout(row)

        # crowd-out inputs and results
        self.gf_share_spin = _Spin(self)
        self.gf_share_spin.setObjectName("gfShareSpin")
        self.gf_share_spin.setRange(0, 100)
        self.gf_share_spin.setDecimals(1)
        self.gf_share_spin.setSuffix("%")
        self.gf_share_spin.setValue(100)
        self.gf_share_spin.setKeyboardTracking(False)
        self.gf_share_spin.setAccessibleName(
            self.tr("Share of the contribution the General Fund pays")
        )
        self.gf_share_spin.setToolTip(
            self.tr(
                "Enterprise and special funds pay for their own staff; the General Fund the rest"
            )
        )
        self.fte_spin = _Spin(self)
        self.fte_spin.setObjectName("fteCostSpin")
        self.fte_spin.setRange(1_000, 10_000_000)
        self.fte_spin.setDecimals(0)
        self.fte_spin.setSingleStep(5_000)
        self.fte_spin.setPrefix("$")
        self.fte_spin.setGroupSeparatorShown(True)
        self.fte_spin.setKeyboardTracking(False)
        self.fte_spin.setValue(TYPICAL_COST_PER_FTE)
        self.fte_spin.setAccessibleName(
            self.tr("Cost of one full-time position, salary and benefits")
        )
        self.fte_source = QLabel(self)
        self.fte_source.setObjectName("fteSource")
        self.fte_source.setWordWrap(True)
        self.fte_source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.unit_edit = QLineEdit(self.tr(DEFAULT_UNIT_NAME), self)
        self.unit_edit.setObjectName("unitName")
        self.unit_edit.setAccessibleName(self.tr("Name of a unit of service"))
        self.unit_edit.setToolTip(
            self.tr("Something the room can picture: fire stations, libraries…")
        )
        self.unit_spin = _Spin(self)
        self.unit_spin.setObjectName("unitCostSpin")
        self.unit_spin.setRange(1_000, 1e10)
        self.unit_spin.setDecimals(0)
        self.unit_spin.setSingleStep(100_000)
        self.unit_spin.setPrefix("$")
        self.unit_spin.setGroupSeparatorShown(True)
        self.unit_spin.setKeyboardTracking(False)
        self.unit_spin.setValue(DEFAULT_UNIT_COST)
        self.unit_spin.setAccessibleName(self.tr("Yearly cost of one unit"))
        self.unit_spin.setToolTip(
            self.tr("A one-engine fire station: about 14 firefighters at $185,000 (San José, 2011)")
        )
        self.revenue_spin = _Spin(self)
        self.revenue_spin.setObjectName("revenueGrowthSpin")
        self.revenue_spin.setRange(-10, 15)
        self.revenue_spin.setDecimals(2)
        self.revenue_spin.setSingleStep(0.25)
        self.revenue_spin.setSuffix("%")
        self.revenue_spin.setValue(3.0)
        self.revenue_spin.setKeyboardTracking(False)
        self.revenue_spin.setAccessibleName(self.tr("General Fund revenue growth a year"))
        self.revenue_spin.setToolTip(
            self.tr("Revenue in other years: this budget's, grown (or shrunk) at this rate a year")
        )
        self.size_check = QCheckBox(self.tr("Size the plan to this budget's payroll"), self)
        self.size_check.setObjectName("sizeCheck")
        self.size_check.setToolTip(
            self.tr(
                "Scale every amount of the plan so its payroll equals this budget's General "
                "Fund salaries and benefits; rates stay the same"
            )
        )
        self.size_check.setAccessibleName(self.size_check.text())
        self.size_check.toggled.connect(self._size_toggled)
        for w in (self.gf_share_spin, self.fte_spin, self.unit_spin, self.revenue_spin):
            w.valueChanged.connect(self._crowd_inputs_changed)
        self.unit_edit.textChanged.connect(self._crowd_inputs_changed)

        self.crowd_result = QLabel(self)
        self.crowd_result.setObjectName("crowdResult")
        self.crowd_result.setWordWrap(True)
        self.crowd_result.setTextFormat(Qt.TextFormat.PlainText)
        self.crowd_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.crowd_result.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.crowd_result.setFont(font)
        self.crowd_result.setAccessibleName(self.tr("What this crowds out"))

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(3)

        def add(r: int, c: int, text: str, w: QWidget) -> None:
            label = QLabel(text, self)
            label.setBuddy(w)
            form.addWidget(label, r, c)
            form.addWidget(w, r, c + 1)

        add(0, 0, self.tr("General Fund pays:"), self.gf_share_spin)
        add(0, 2, self.tr("Revenue grows:"), self.revenue_spin)
        add(1, 0, self.tr("One p&osition costs:"), self.fte_spin)
        add(2, 0, self.tr("Also count in:"), self.unit_edit)
        add(2, 2, self.tr("costing, each:"), self.unit_spin)
        form.addWidget(self.fte_source, 1, 2, 1, 3)
        form.addWidget(self.size_check, 3, 0, 1, 5)
        form.setColumnStretch(4, 1)
        chars = self.fontMetrics().averageCharWidth()
        for w in (self.gf_share_spin, self.revenue_spin):
            w.setMinimumWidth(chars * 10)
        for w in (self.fte_spin, self.unit_spin, self.unit_edit):
            w.setMinimumWidth(chars * 16)
        unit_text = self.unit_edit.fontMetrics().horizontalAdvance(self.unit_edit.text())
        self.unit_edit.setMinimumWidth(max(chars * 16, unit_text + chars * 3))
        crowd = self._holders["crowd"]
        crowd.addLayout(form)
        crowd.addWidget(self.crowd_result)

        # projection honesty
        self.compare_a = QComboBox(self)
        self.compare_a.setObjectName("compareA")
        self.compare_a.setAccessibleName(self.tr("Left assumptions"))
        self.compare_b = QComboBox(self)
        self.compare_b.setObjectName("compareB")
        self.compare_b.setAccessibleName(self.tr("Right assumptions"))
        for c in (self.compare_a, self.compare_b):
            c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            c.setMinimumContentsLength(14)
            c.currentIndexChanged.connect(lambda _i: self._mark_and_draw("compare"))
        row = QHBoxLayout()
        a_label = QLabel(self.tr("Left:"), self)
        a_label.setBuddy(self.compare_a)
        b_label = QLabel(self.tr("Right:"), self)
        b_label.setBuddy(self.compare_b)
        row.addWidget(a_label)
        row.addWidget(self.compare_a, 1)
        row.addWidget(b_label)
        row.addWidget(self.compare_b, 1)
        self.compare_table = QTableWidget(0, 3, self)
        self.compare_table.setObjectName("compareTable")
        self.compare_table.setAccessibleName(
            self.tr("Key figures under the two sets of assumptions")
        )
        self.compare_table.verticalHeader().setVisible(True)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.honesty_note = QLabel(
            self.tr(
                "In 2012 three forecasts of San José's retirement costs for FY2015-16 were "
                "$320M (the retirement boards' actuary), $401M (the city's bond documents) and "
                "$650M (the mayor; the State Auditor called it “unsupported and likely "
                "overstated”). Same plans, different assumptions (California State Auditor, "
                "report 2012-106)."
            ),
            self,
        )
        self.honesty_note.setObjectName("honestyNote")
        self.honesty_note.setWordWrap(True)
        self.honesty_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        compare = self._holders["compare"]
        compare.addLayout(row)
        compare.addWidget(self.honesty_note)
        self.compare_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        compare.addWidget(self.compare_table)

    def _build_layout(self) -> None:
        panel = QWidget(self)
        panel.setObjectName("pensionLevers")
        form = QVBoxLayout(panel)
        form.setContentsMargins(6, 6, 6, 6)
        form.setSpacing(4)
        form.addWidget(self._plan_label)
        form.addWidget(self.plan_combo)
        form.addWidget(self.plan_note)

        def section(text: str) -> None:
            form.addSpacing(6)
            line = QFrame(panel)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            form.addWidget(line)
            form.addWidget(self._heading(text))

        section(self.tr("What the fund earns"))
        form.addWidget(self._returns_label)
        form.addWidget(self.returns_combo)
        form.addWidget(self.return_lever)
        form.addWidget(self.shock_lever)
        form.addWidget(self.sd_lever)
        form.addWidget(self.paths_combo)
        section(self.tr("What the plan assumes"))
        form.addWidget(self.discount_lever)
        form.addWidget(self.meaning_assumption)
        form.addWidget(self.meaning_revalue)
        section(self.tr("Paying off the unfunded liability"))
        form.addWidget(self.period_lever)
        for label, combo in (
            (self._method_label, self.method_combo),
            (self._kind_label, self.kind_combo),
            (self._ramp_label, self.ramp_combo),
        ):
            form.addWidget(label)
            form.addWidget(combo)
        section(self.tr("Smoothing good and bad years"))
        form.addWidget(self.smoothing_combo)
        form.addWidget(self.smoothing_lever)
        form.addWidget(self.corridor_check)
        section(self.tr("Workforce"))
        form.addWidget(self.growth_lever)
        form.addWidget(self.turnover_lever)
        form.addWidget(self.new_hire_label)
        section(self.tr("Who pays"))
        form.addWidget(self._employee_label)
        form.addWidget(self.employee_combo)
        form.addWidget(self.employee_lever)
        form.addStretch(1)
        self._smoothing_label.hide()  # the section heading says it

        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("pensionLeversScroll")
        self._scroll.setWidget(panel)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._panel = panel

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.scenario_edit, 2)
        top.addWidget(self.save_button)
        top.addWidget(self.load_button)
        top.addSpacing(8)
        top.addWidget(self._baseline_label)
        top.addWidget(self.baseline_combo, 2)
        top.addSpacing(8)
        top.addWidget(self._year_label)
        top.addWidget(self.year_spin)

        cards = QHBoxLayout()
        cards.setSpacing(6)
        for key in ("now", "later", "funded", "crowd"):
            cards.addWidget(self.cards[key], 1)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        right.addLayout(top)
        right.addLayout(cards)
        right.addWidget(self.warning_label)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.status_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._scroll)
        layout.addLayout(right, 1)
        self._update_metrics()

        chain: list[QWidget] = [
            self.plan_combo,
            self.returns_combo,
            self.return_lever.slider,
            self.return_lever.spin,
            self.shock_lever.slider,
            self.shock_lever.spin,
            self.sd_lever.slider,
            self.sd_lever.spin,
            self.paths_combo,
            self.discount_lever.slider,
            self.discount_lever.spin,
            self.meaning_assumption,
            self.meaning_revalue,
            self.period_lever.slider,
            self.period_lever.spin,
            self.method_combo,
            self.kind_combo,
            self.ramp_combo,
            self.smoothing_combo,
            self.smoothing_lever.slider,
            self.smoothing_lever.spin,
            self.corridor_check,
            self.growth_lever.slider,
            self.growth_lever.spin,
            self.turnover_lever.slider,
            self.turnover_lever.spin,
            self.employee_combo,
            self.employee_lever.slider,
            self.employee_lever.spin,
            self.scenario_edit,
            self.save_button,
            self.load_button,
            self.baseline_combo,
            self.year_spin,
            *(self.cards[k] for k in ("now", "later", "funded", "crowd")),
            self.tabs,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _update_metrics(self) -> None:
        fm = self.fontMetrics()
        # never narrower than the levers need: a check box or radio button cannot wrap, and
        # its text is longer in some languages
        width = max(fm.averageCharWidth() * 38, 280, self._panel.minimumSizeHint().width())
        self._scroll.setFixedWidth(width + self._scroll.verticalScrollBar().sizeHint().width())
        for card in self.cards.values():
            card.setMinimumWidth(fm.averageCharWidth() * 14)

    # --- public API -------------------------------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        """The plan as projected (sized to the budget when that is ticked)."""
        return self._plan

    @property
    def frame(self) -> pd.DataFrame | None:
        """The projection shown: medians of the random runs in that mode, else the path."""
        if self.levers().get("returns") == "stochastic" and self._stoch is not None:
            return self._stoch
        return self._frame

    @property
    def stochastic_frame(self) -> pd.DataFrame | None:
        return self._stoch

    @property
    def crowd_out_frame(self) -> pd.DataFrame | None:
        """:func:`~budgetbench.core.pension.crowd_out` of the General Fund's share, in $."""
        return self._crowd

    @property
    def figures(self) -> dict[str, Any]:
        """The key figures shown (raw numbers, dollars): ``year``, ``employer_now``,
        ``employer_year``, ``funded_year``, ``share``, ``change``, ``fte``, ``units``,
        ``cost_per_fte``, ``unit_cost``, ``unit_name``, ``gf_revenue``..."""
        return dict(self._figures)

    @property
    def busy(self) -> bool:
        """Random runs are being computed in the background."""
        return self.runner.busy

    def chart(self, key: str) -> ChartCanvas | None:
        """The canvas of a chart: one of ``CHARTS``."""
        return self._charts.get(key)

    def chart_title(self, key: str) -> str:
        """The title (the point) of a chart, as drawn or about to be drawn."""
        return self._titles.get(key, "")

    def set_levers_shown(self, shown: bool) -> None:
        """Show or hide the levers beside the charts (hidden on a projector, so the charts
        fill the screen; the levers still work from the tour)."""
        self._scroll.setVisible(shown)

    def levers_shown(self) -> bool:
        return not self._scroll.isHidden()

    def set_budget(self, budget: Budget | None, report: Any = None) -> None:
        """Use ``budget``'s General Fund for the crowd-out (``None``: no budget).

        Scenarios already in ``budget.meta["pension_scenarios"]`` are loaded; those made
        before a budget was open are added to it."""
        del report
        self._budget = budget
        self._gf = {}
        self._size_user_set = False
        if budget is not None and len(budget):
            stored = budget.meta.setdefault(META_KEY, {})
            if isinstance(stored, dict):
                have = {s["name"] for s in self.scenarios}
                for name, spec in stored.items():
                    if isinstance(spec, dict) and name not in have:
                        self.scenarios.append({**spec, "name": name})
                for spec in self.scenarios:
                    stored.setdefault(spec["name"], spec)
        if budget is None and not self._ready:
            return
        self._ensure_ready()
        self._read_budget()
        self._refresh_scenario_lists()
        self.recompute()

    def levers(self) -> dict[str, Any]:
        """The current levers as a plain dict (what a saved scenario stores)."""
        if not self._ready:
            return {}
        return {
            "returns": self.returns_combo.currentData(),
            "rate": self.return_lever.value(),
            "shock_year": int(self.shock_lever.value()),
            "sd": self.sd_lever.value(),
            "n_paths": int(self.paths_combo.currentData()),
            "discount_rate": self.discount_lever.value(),
            "discount_meaning": "assumption" if self.meaning_assumption.isChecked() else "revalue",
            "period": int(self.period_lever.value()),
            "method": self.method_combo.currentData(),
            "kind": self.kind_combo.currentData(),
            "ramp": self.ramp_combo.currentData(),
            "smoothing": self.smoothing_combo.currentData(),
            "smoothing_years": int(self.smoothing_lever.value()),
            "corridor": self.corridor_check.isChecked(),
            "payroll_growth": self.growth_lever.value(),
            "turnover": self.turnover_lever.value(),
            "employee": self.employee_combo.currentData(),
            "employee_value": self.employee_lever.value(),
        }

    def set_levers(self, levers: dict[str, Any]) -> None:
        """Move the levers to ``levers`` (missing ones: the plan's values) and recompute."""
        self._ensure_ready()
        self._set_lever_widgets({**self._levers_defaults, **levers})
        self.recompute()

    def set_return_mode(self, mode: str) -> None:
        """ "assumed", "constant", "shock" or "stochastic"."""
        self._ensure_ready()
        self.returns_combo.setCurrentIndex(self.returns_combo.findData(mode))
        self.recompute()

    def select_plan(self, key: str) -> None:
        """Show a plan: ``"preset:<name>"`` (e.g. ``preset:san-jose-federated``) or
        ``"file:<path>"``."""
        self._ensure_ready()
        i = self.plan_combo.findData(key)
        if i < 0 and key.startswith("file:"):
            self._add_plan_item(key)
            i = self.plan_combo.findData(key)
        if i < 0:
            raise KeyError(key)
        self.plan_combo.setCurrentIndex(i)

    def save_current_scenario(self, name: str | None = None) -> dict[str, Any] | None:
        """Keep the current levers as a named scenario (replacing one of the same name)."""
        if not self._ready or self._plan is None:
            return None
        name = (name or self.scenario_edit.text()).strip()
        if not name:
            name = self._phrase(self.levers()).strip() or self.tr("Scenario")
            name = name[:1].upper() + name[1:]
        frame = self.frame
        spec: dict[str, Any] = {
            "name": name,
            "plan": self._plan_key,
            "plan_name": self._plan_title(),
            "levers": self.levers(),
            "saved": time.strftime("%Y-%m-%d %H:%M"),
        }
        if frame is not None:
            factor = self._factor or 1.0
            gf = self.gf_share_spin.value() / 100
            spec.update(
                units="$" if self._factor else self._plan.units,
                sized_to_budget=self.size_check.isChecked(),
                fiscal_years=[int(v) for v in frame["fiscal_year"]],
                employer_contribution=[float(v) * factor for v in frame["employer_contribution"]],
                employer_gf=[float(v) * factor * gf for v in frame["employer_contribution"]],
                employer_pct_payroll=[float(v) for v in frame["employer_pct_payroll"]],
                funded_ratio=[float(v) for v in frame["funded_ratio_ava"]],
            )
        self.scenarios = [s for s in self.scenarios if s["name"] != name] + [spec]
        if self._budget is not None:
            self._budget.meta.setdefault(META_KEY, {})[name] = spec
        self.scenario_edit.clear()
        self._refresh_scenario_lists()
        self.status_label.setText(self.tr("Saved scenario “%1”").replace("%1", name))
        self.scenarios_changed.emit(list(self.scenarios))
        return spec

    def remove_scenario(self, name: str) -> None:
        self.scenarios = [s for s in self.scenarios if s["name"] != name]
        if self._budget is not None:
            self._budget.meta.get(META_KEY, {}).pop(name, None)
        self._refresh_scenario_lists()
        self.scenarios_changed.emit(list(self.scenarios))
        self.recompute()

    def set_baseline(self, name: str | None) -> None:
        """Measure changes against the saved scenario ``name`` (None: the plan's own)."""
        self._ensure_ready()
        target = f"saved:{name}" if name else "plan"
        i = self.baseline_combo.findData(target)
        self.baseline_combo.setCurrentIndex(max(i, 0))

    def load_scenario(self, name: str) -> None:
        spec = next((s for s in self.scenarios if s["name"] == name), None)
        if spec is None:
            return
        key = spec.get("plan", self._plan_key)
        if key != self._plan_key and self.plan_combo.findData(key) >= 0:
            self.select_plan(key)
        self.set_levers(spec.get("levers", {}))

    def open_plan_dialog(self) -> PlanDialog:
        """The "Your plan…" form (non-blocking); Save adds the plan and shows it."""
        dialog = PlanDialog(self)
        dialog.saved.connect(lambda path: self.select_plan(f"file:{path}"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "plan_dialog", None))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def draw_all(self) -> None:
        """Draw every chart now (for export and tests; the view draws the visible one)."""
        for key in CHARTS:
            self._draw(key)

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until background work has finished (used at exit)."""
        return self.runner.wait(msecs)

    # --- readiness ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._ready:
            self._ensure_ready()
            self._read_budget()
            self.recompute()
        elif self._dirty:
            self._redraw_visible()

    def _ensure_ready(self) -> None:
        """Load the plans and make the charts (the first time the view is needed)."""
        if self._ready:
            return
        from budgetbench.core.progress import BudgetError
        from budgetbench.io.pension_presets import list_presets, list_user_plans, load_preset

        self._syncing = True
        try:
            self.plan_combo.clear()
            for name in list_presets():
                try:
                    plan = load_preset(name)
                except BudgetError as exc:
                    self.status_label.setText(str(exc))
                    continue
                self._plans[f"preset:{name}"] = plan
                label = _preset_text(plan.label or plan.name)
                self.plan_combo.addItem(_short(label), userData=f"preset:{name}")
                self.plan_combo.setItemData(
                    self.plan_combo.count() - 1,
                    label,
                    Qt.ItemDataRole.ToolTipRole,
                )
            for path in list_user_plans():
                self._add_plan_item(f"file:{path}")
            self.plan_combo.insertSeparator(self.plan_combo.count())
            self.plan_combo.addItem(self.tr("Your plan…"), userData="new")
            i = self.plan_combo.findData("preset:san-jose-federated")
            self.plan_combo.setCurrentIndex(max(i, 0))
            self._last_plan_index = self.plan_combo.currentIndex()
        finally:
            self._syncing = False
        for key in CHARTS:
            chart = ChartCanvas(self._pages[key], name=self._chart_name(key))
            chart.setObjectName(f"{key}Chart")
            chart.canvas.setMinimumHeight(self.fontMetrics().height() * 8)
            chart.canvas.mpl_connect("resize_event", lambda _e: self._resize_timer.start())
            self._charts[key] = chart
            if key == "mortgage":
                self._holders[key].insertWidget(0, chart, 1)
            else:
                self._holders[key].addWidget(chart, 1)
        self._ready = True
        self._refresh_scenario_lists()
        self._load_plan(self.plan_combo.currentData())

    def _chart_name(self, key: str) -> str:
        return {
            "funded": self.tr("Funded ratio"),
            "contrib": self.tr("Employer contribution"),
            "mortgage": self.tr("Mortgage view of the unfunded liability"),
            "fan": self.tr("Range of outcomes"),
            "crowd": self.tr("Share of General Fund revenue"),
            "compare": self.tr("Two sets of assumptions"),
        }[key]

    def _add_plan_item(self, key: str) -> None:
        from budgetbench.core.progress import BudgetError
        from budgetbench.io.pension_presets import load_plan

        if self.plan_combo.findData(key) >= 0:
            return
        try:
            plan = load_plan(key.removeprefix("file:"))
        except BudgetError as exc:
            self.status_label.setText(str(exc))
            return
        self._plans[key] = plan
        at = self.plan_combo.findData("new")
        label = self.tr("%1 (yours)").replace("%1", plan.name)
        if at < 0:
            self.plan_combo.addItem(label, userData=key)
        else:
            was = self.plan_combo.blockSignals(True)
            self.plan_combo.insertItem(at - 1, label, userData=key)  # before the separator
            self.plan_combo.blockSignals(was)

    # --- the plan -----------------------------------------------------------------------------
    def _plan_chosen(self, index: int) -> None:
        if self._syncing or not self._ready:
            return
        key = self.plan_combo.itemData(index)
        if key == "new":
            self._syncing = True
            self.plan_combo.setCurrentIndex(self._last_plan_index)
            self._syncing = False
            self.open_plan_dialog()
            return
        self._last_plan_index = index
        self._load_plan(key)
        self.recompute()

    def _load_plan(self, key: str) -> None:
        plan = self._plans.get(key)
        if plan is None:
            return
        self._plan_key = key
        self._cache.clear()
        self._stoch = None
        self._stoch_key = ""
        self._size_user_set = False
        self._apply_plan_to_levers(keep_crowd=False)

    def _raw_plan(self) -> Plan | None:
        return self._plans.get(self._plan_key)

    def _plan_title(self) -> str:
        plan = self._raw_plan()
        return "" if plan is None else (plan.label or plan.name)

    def _engine_plan(self, raw: Plan) -> tuple[Plan, float | None]:
        """The plan as projected, and dollars per unit of its money."""
        factor = unit_factor(raw.units)
        payroll = self._gf.get("payroll") or 0.0
        if self.size_check.isChecked() and payroll > 0 and raw.payroll > 0:
            scale = payroll / (raw.payroll * (factor or 1.0))
            return scale_plan(raw, scale * (factor or 1.0)), 1.0
        return raw, factor

    def _apply_plan_to_levers(self, keep_crowd: bool) -> None:
        raw = self._raw_plan()
        if raw is None:
            return
        self._syncing = True
        try:
            if not keep_crowd:
                self.gf_share_spin.setValue(raw.employer_gf_share * 100)
                self.revenue_spin.setValue(raw.payroll_growth * 100)
            can_size = bool(self._gf.get("payroll"))
            self.size_check.setEnabled(can_size)
            if not can_size:
                self.size_check.setChecked(False)
            elif not self._size_user_set:
                self.size_check.setChecked(self._should_size(raw))
            self._plan, self._factor = self._engine_plan(raw)
            self._levers_defaults = plan_levers(raw)
            if not keep_crowd:
                self._set_lever_widgets(self._levers_defaults)
            first = raw.first_fiscal_year or raw.valuation_year + 1
            keep_year = self.year_spin.value()
            self.year_spin.setRange(first, first + YEARS - 1)
            if not keep_crowd or not first <= keep_year < first + YEARS:
                self.year_spin.setValue(first + 9)
            has_tiers = any(t.open_to_new_hires for t in raw.tiers) and any(
                not t.open_to_new_hires for t in raw.tiers
            )
            self.turnover_lever.setEnabled(has_tiers)
            if not has_tiers:
                self.turnover_lever.slider.setToolTip(
                    self.tr("This plan has one tier: there is no newer tier to move to")
                )
            self._update_plan_note(raw)
        finally:
            self._syncing = False
        self._update_enabled()

    def _should_size(self, raw: Plan) -> bool:
        """Size a plan to the budget unless it plausibly is the budget's own: a shipped preset
        whose payroll is more than twice (or under half) the budget's, or index units."""
        factor = unit_factor(raw.units)
        payroll = self._gf.get("payroll") or 0.0
        if factor is None:
            return True
        if not self._plan_key.startswith("preset:") or payroll <= 0:
            return False
        ratio = raw.payroll * factor / payroll
        return ratio > 2.0 or ratio < 0.5

    def _update_plan_note(self, raw: Plan) -> None:
        factor = unit_factor(raw.units)
        money = (lambda v: short_money(v * factor)) if factor else (lambda v: f"{v:,.1f}")
        bits = [
            self.tr("Valuation %1").replace("%1", str(raw.valuation_year)),
            self.tr("liability %1").replace("%1", money(raw.aal)),
            self.tr("assets %1").replace("%1", money(raw.mva)),
            self.tr("payroll %1").replace("%1", money(raw.payroll)),
        ]
        text = " · ".join(bits)
        if factor is None:
            text += "\n" + self.tr("Index units (liability = 100), not dollars")
        if self.size_check.isChecked() and self._plan is not raw:
            text += "\n" + self.tr("Sized to this budget's payroll: %1").replace(
                "%1", short_money(self._gf.get("payroll", 0.0))
            )
        self.plan_note.setText(text)
        notes = _preset_text(raw.notes)
        sources = "\n".join(f"{self._source_label(k)}: {v}" for k, v in raw.sources.items())
        self.plan_note.setToolTip("\n\n".join(t for t in (notes, sources) if t))
        self.plan_combo.setToolTip(_preset_text(raw.name) + ("\n" + notes if notes else ""))

    def _source_label(self, key: str) -> str:
        """A plan file's ``sources`` key in words: "aal" -> "Actuarial liability"."""
        if key in SOURCE_LABELS:
            return self.tr(SOURCE_LABELS[key])
        tier, _, part = key.removeprefix("tiers.").partition(".")
        if key.startswith("tiers.") and part in ("", "employee"):
            text = self.tr("Tier “%1”") if not part else self.tr("Tier “%1”: what employees pay")
            return text.replace("%1", tier)
        return key

    def _set_lever_widgets(self, lv: dict[str, Any]) -> None:
        was, self._syncing = self._syncing, True
        try:
            for combo, key in (
                (self.returns_combo, "returns"),
                (self.method_combo, "method"),
                (self.kind_combo, "kind"),
                (self.ramp_combo, "ramp"),
                (self.smoothing_combo, "smoothing"),
                (self.employee_combo, "employee"),
            ):
                i = combo.findData(lv.get(key))
                combo.setCurrentIndex(max(i, 0))
            i = self.paths_combo.findData(int(lv.get("n_paths", DEFAULT_PATHS)))
            self.paths_combo.setCurrentIndex(max(i, 0))
            self.return_lever.set_value(lv["rate"])
            self.shock_lever.set_value(lv["shock_year"])
            self.sd_lever.set_value(lv["sd"])
            self.discount_lever.set_value(lv["discount_rate"])
            if lv.get("discount_meaning") == "revalue":
                self.meaning_revalue.setChecked(True)
            else:
                self.meaning_assumption.setChecked(True)
            self.period_lever.set_value(lv["period"])
            self.smoothing_lever.set_value(lv["smoothing_years"])
            self.corridor_check.setChecked(bool(lv["corridor"]))
            self.growth_lever.set_value(lv["payroll_growth"])
            self.turnover_lever.set_value(lv["turnover"])
            self._employee_range()
            self.employee_lever.set_value(lv["employee_value"])
        finally:
            self._syncing = was
        self._update_enabled()

    def _employee_range(self) -> None:
        if self.employee_combo.currentData() == "fixed":
            self.employee_lever.label.setText(self.tr("Their rate, share of pay"))
            self.employee_lever.set_range(0.0, 25.0, 0.25)
        else:
            self.employee_lever.label.setText(self.tr("Their share"))
            self.employee_lever.set_range(0.0, 100.0, 1.0)

    def _update_enabled(self) -> None:
        mode = self.returns_combo.currentData()
        self.return_lever.setVisible(mode == "constant")
        self.shock_lever.setVisible(mode == "shock")
        self.sd_lever.setVisible(mode == "stochastic")
        self.paths_combo.setVisible(mode == "stochastic")
        self.smoothing_lever.setEnabled(self.smoothing_combo.currentData() == "recognition")
        self.corridor_check.setEnabled(self.smoothing_combo.currentData() != "none")
        self.employee_lever.setEnabled(self.employee_combo.currentData() != "plan")
        self.ramp_combo.setEnabled(self.kind_combo.currentData() == "closed")
        self.period_lever.label.setText(
            self.tr("Years to pay off each new shortfall")
            if self.kind_combo.currentData() == "closed"
            else self.tr("Years the whole debt is spread over")
        )
        self.fan_button.setVisible(mode != "stochastic")

    # --- budget -------------------------------------------------------------------------------
    def _read_budget(self) -> None:
        """General Fund revenue and payroll of the loaded budget, and what a position costs."""
        self._gf = {}
        budget = self._budget
        cost, source = (
            TYPICAL_COST_PER_FTE,
            self.tr(
                "Typical figure, an assumption: this budget does not say how many positions "
                "it pays for"
            ),
        )
        if budget is not None and len(budget):
            from budgetbench.core.explore import object_class
            from budgetbench.core.lens import Lens, apply_lens

            res = apply_lens(budget, Lens(general_fund_only=True))
            lines = res.lines
            transfer = lines["is_transfer"].to_numpy(dtype=bool)
            revenue = (lines["direction"] == "revenue").to_numpy() & ~transfer
            expense = (lines["direction"] == "expense").to_numpy() & ~transfer
            keys = lines.loc[expense, ["category", "account_name"]].astype("string").fillna("")
            personnel = [
                object_class("expense", False, c, a) == "Personnel"
                for c, a in keys.itertuples(index=False)
            ]
            payroll = float(lines.loc[expense, "amount"][personnel].sum()) if personnel else 0.0
            self._gf = {
                "revenue": float(lines.loc[revenue, "amount"].sum()),
                "payroll": max(payroll, 0.0),
                "year": res.fiscal_year,
                "phase": res.phase,
                "name": budget.name,
            }
            meta = budget.meta
            fte = _number(meta.get("fte") or meta.get("fte_count") or meta.get("positions"))
            given = _number(meta.get("cost_per_fte"))
            if given and given > 0:
                cost, source = given, self.tr("From this budget: its cost per position")
            elif fte and fte > 0 and payroll > 0:
                cost = payroll / fte
                source = (
                    self.tr("From this budget: %1 General Fund salaries and benefits ÷ %2 FTE")
                    .replace("%1", short_money(payroll))
                    .replace("%2", f"{fte:,.1f}")
                )
        self._syncing = True
        self.fte_spin.setValue(cost)
        self._syncing = False
        self._cost_per_fte_source = source
        self.fte_source.setText(source)
        self.fte_source.setToolTip(source)
        raw = self._raw_plan()
        if raw is not None:
            self._apply_plan_to_levers(keep_crowd=True)

    # --- reacting -----------------------------------------------------------------------------
    def _lever_changed(self, *_args) -> None:
        if self._syncing or not self._ready:
            return
        if self.sender() is self.employee_combo:
            self._syncing = True
            self._employee_range()
            self._syncing = False
        self._update_enabled()
        if not self._timer.isActive():  # throttle: at most one recompute per interval
            self._timer.start()

    def _crowd_inputs_changed(self, *_args) -> None:
        if self._syncing or not self._ready:
            return
        if not self._timer.isActive():
            self._timer.start()

    def _size_toggled(self, _on: bool) -> None:
        if self._syncing or not self._ready:
            return
        self._size_user_set = True
        raw = self._raw_plan()
        if raw is not None:
            self._plan, self._factor = self._engine_plan(raw)
            self._update_plan_note(raw)
        self._cache.clear()
        self._stoch = None
        self._stoch_key = ""
        self.recompute()

    def _baseline_changed(self, _index: int) -> None:
        if not self._syncing and self._ready:
            self.recompute()

    def _tab_changed(self, _index: int) -> None:
        self._redraw_visible()

    def _mark_and_draw(self, key: str) -> None:
        self._dirty.add(key)
        if self._ready and self._current_key() == key:
            self._draw(key)

    def _current_key(self) -> str:
        return CHARTS[self.tabs.currentIndex()] if self.tabs.currentIndex() >= 0 else ""

    def _redraw_visible(self) -> None:
        key = self._current_key()
        if self._ready and self.isVisible() and key:
            self._draw(key)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_metrics()
            for card in self.cards.values():
                card.scale_font(self.font())

    # --- computing ----------------------------------------------------------------------------
    def _pid(self, key: str | None = None) -> str:
        """A stable name for a plan as projected (its key, and the payroll it is sized to)."""
        sized = self._gf.get("payroll") if self.size_check.isChecked() else 0
        return f"{key or self._plan_key}|{sized or 0}"

    def _project(self, pid: str, plan: Plan, levers: dict[str, Any], paths: int | None = None):
        """A cached projection of ``plan`` (named ``pid``) under ``levers`` (random runs
        capped at ``paths``)."""
        from budgetbench.core.pension import project

        lv = dict(levers)
        if lv.get("returns") == "stochastic" and paths is not None:
            lv["n_paths"] = min(int(lv.get("n_paths", paths)), paths)
        key = json.dumps([pid, lv], sort_keys=True, default=str)
        frame = self._cache.get(key)
        if frame is None:
            frame = project(plan, build_scenario(plan, lv), years=YEARS)
            if len(self._cache) > 24:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = frame
        return frame

    def recompute(self) -> None:
        """Project the plan under the levers; update figures, titles and the visible chart."""
        self._timer.stop()
        if not self._ready or self._plan is None:
            return
        from budgetbench.core.pension import layers

        started = time.perf_counter()
        plan, lv = self._plan, self.levers()
        stochastic = lv["returns"] == "stochastic"
        det = {**lv, "returns": "assumed"} if stochastic else lv
        try:
            self._frame = self._project(self._pid(), plan, det)
            self._layers = layers(plan, build_scenario(plan, det), years=YEARS)
        except (ValueError, ZeroDivisionError) as exc:
            self.status_label.setText(self.tr("Cannot project: %1").replace("%1", str(exc)))
            return
        if stochastic:
            self._run_stochastic(plan, lv)
        else:
            self.runner.cancel()
            self._stoch_key = ""
        self._base_frame = self._baseline_frame()
        self._update_results()
        self.last_compute_ms = (time.perf_counter() - started) * 1000

    def _run_stochastic(self, plan: Plan, lv: dict[str, Any]) -> None:
        from budgetbench.core.pension import project

        key = json.dumps([self._pid(), lv], sort_keys=True, default=str)
        if key == self._stoch_key and (self._stoch is not None or self.runner.busy):
            return
        self._stoch_key = key
        n = int(lv["n_paths"])
        scenario = build_scenario(plan, lv)
        estimate = None if self._sec_per_path is None else self._sec_per_path * n
        if estimate is not None and estimate <= INLINE_LIMIT_S:
            self.runner.cancel()
            t0 = time.perf_counter()
            self._stoch = project(plan, scenario, years=YEARS)
            self._sec_per_path = (time.perf_counter() - t0) / n
            return

        def work(_progress, plan=plan, scenario=scenario, key=key, n=n):
            t0 = time.perf_counter()
            frame = project(plan, scenario, years=YEARS)
            return key, frame, (time.perf_counter() - t0) / n

        self.status_label.setText(
            self.tr("Running %1 random 30-year runs…").replace("%1", f"{n:,}")
        )
        self.runner.start(work)

    def _stoch_done(self, result) -> None:
        key, frame, per_path = result
        self._sec_per_path = per_path
        if key != self._stoch_key:
            return
        self._stoch = frame
        self.status_label.setText("")
        self._update_results()

    def _stoch_failed(self, error) -> None:
        self._stoch_key = ""
        self.status_label.setText(self.tr("Random runs failed: %1").replace("%1", str(error)))

    def _spec_frame(self, spec: dict[str, Any]):
        """The projection of a saved scenario (on its own plan), or None."""
        key = spec.get("plan", self._plan_key)
        raw = self._plans.get(key)
        if raw is None and isinstance(key, str) and key.startswith("file:"):
            self._add_plan_item(key)
            raw = self._plans.get(key)
        if raw is None:
            return None
        plan = self._plan if key == self._plan_key else self._engine_plan(raw)[0]
        if plan is None:
            return None
        try:
            return self._project(
                self._pid(key), plan, {**plan_levers(raw), **spec.get("levers", {})}, SIDE_PATHS
            )
        except (ValueError, ZeroDivisionError):
            return None

    def _baseline(self) -> tuple[str, dict[str, Any] | None]:
        data = self.baseline_combo.currentData()
        if isinstance(data, str) and data.startswith("saved:"):
            spec = next((s for s in self.scenarios if s["name"] == data[6:]), None)
            if spec is not None:
                return spec["name"], spec
        return self.tr("As the plan assumes"), None

    def _baseline_frame(self):
        _name, spec = self._baseline()
        if spec is None:
            return self._project(self._pid(), self._plan, self._levers_defaults)
        return self._spec_frame(spec)

    def _money(self, value: float) -> str:
        if value != value:
            return "–"
        if self._factor is None:
            return f"{value:,.1f}"
        return short_money(value * self._factor)

    def _dollars(self, series) -> Any:
        return series * (self._factor or 1.0)

    # --- results ------------------------------------------------------------------------------
    def _phrase(self, lv: dict[str, Any]) -> str:
        """How the levers read in a title: "At 5% returns", "With a crash in FY2024"..."""
        mode = lv.get("returns")
        first = int(self._frame["fiscal_year"].iloc[0]) if self._frame is not None else 0
        assumed = lv.get("discount_rate", 0.0)
        changed = bool(self._levers_defaults) and not _same(
            assumed, self._levers_defaults["discount_rate"]
        )
        if mode == "constant":
            text = (
                self.tr("At %1 returns, assuming %2") if changed else self.tr("At %1 returns")
            ).replace("%1", _pct(lv["rate"], 2))
        elif mode == "shock":
            text = (
                self.tr("With a crash in FY%1, assuming %2")
                if changed
                else self.tr("With a crash in FY%1")
            ).replace("%1", str(first + int(lv["shock_year"]) - 1))
        elif mode == "stochastic":
            text = (
                self.tr("With random returns, assuming %2")
                if changed
                else self.tr("With random returns")
            )
        elif changed:
            text = self.tr("Assuming and earning %2")
        else:
            text = self.tr("If the fund earns its %2")
        return text.replace("%2", _pct(assumed, 3))

    def _row(self, frame, year: int):
        rows = frame.index[frame["fiscal_year"] == year]
        return frame.loc[rows[0]] if len(rows) else frame.iloc[-1]

    def _update_results(self) -> None:
        frame = self.frame
        if frame is None:
            return
        import numpy as np

        from budgetbench.core.pension import crowd_out

        lv = self.levers()
        year = self.year_spin.value()
        first = frame.iloc[0]
        at = self._row(frame, year)
        fy0 = int(first["fiscal_year"])
        pay0, pay_y = float(first["employer_contribution"]), float(at["employer_contribution"])
        base_name, _spec = self._baseline()

        # crowd-out (dollars, the General Fund's share)
        gf = self.gf_share_spin.value() / 100
        years = frame["fiscal_year"].to_numpy()
        contrib = frame["employer_contribution"].to_numpy() * (self._factor or 1.0) * gf
        base = None
        base_year = float("nan")
        if self._base_frame is not None:
            b = self._base_frame.set_index("fiscal_year")["employer_contribution"]
            base = b.reindex(years).to_numpy() * (self._factor or 1.0) * gf
            base_year = float(b.get(year, float("nan"))) * (self._factor or 1.0)
        revenue = np.full(len(years), np.nan)
        if self._gf.get("revenue"):
            growth = self.revenue_spin.value() / 100
            revenue = self._gf["revenue"] * (1 + growth) ** (years - self._gf["year"])
        import pandas as pd

        self._crowd = crowd_out(
            pd.Series(contrib, index=years),
            revenue,
            cost_per_fte=max(self.fte_spin.value(), 1.0),
            unit_cost=max(self.unit_spin.value(), 1.0),
            baseline=base,
            unit_name=self.unit_edit.text().strip() or self.tr(DEFAULT_UNIT_NAME),
        )
        crow = self._crowd.loc[self._crowd["year"] == year]
        crow = crow.iloc[0] if len(crow) else self._crowd.iloc[-1]
        self._figures = {
            "year": year,
            "first_year": fy0,
            "employer_now": pay0 * (self._factor or 1.0),
            "employer_year": pay_y * (self._factor or 1.0),
            "pct_payroll_now": float(first["employer_pct_payroll"]),
            "pct_payroll_year": float(at["employer_pct_payroll"]),
            "funded_now": float(first["funded_ratio_ava"]),
            "funded_year": float(at["funded_ratio_ava"]),
            "funded_mva_year": float(at["funded_ratio_mva"]),
            "gf_contribution": float(crow["contribution"]),
            "gf_revenue": float(crow["gf_revenue"]),
            "share": float(crow["share_of_gf"]),
            "share_now": float(self._crowd["share_of_gf"].iloc[0]),
            "baseline": float(crow["baseline"]),
            "baseline_name": base_name,
            "baseline_employer_year": base_year,
            "change": float(crow["change"]),
            "fte": float(crow["fte_equivalent"]),
            "units": float(crow["units_equivalent"]),
            "cost_per_fte": max(self.fte_spin.value(), 1.0),
            "cost_per_fte_source": self._cost_per_fte_source,
            "unit_cost": max(self.unit_spin.value(), 1.0),
            "unit_name": str(crow["unit_name"]),
            "negative_years": [
                int(y)
                for y in self._frame["fiscal_year"].to_numpy()[
                    self._frame["negative_amortization"].to_numpy()
                ]
            ],
        }
        if "prob_ever_below_60" in frame.columns:
            self._figures["prob_below_60"] = float(at["prob_funded_below_60"])
            self._figures["prob_ever_below_60"] = float(at["prob_ever_below_60"])
            self._figures["starts_below_60"] = bool(first["funded_ratio_mva"] < 0.6)
        self._update_cards(lv)
        self._update_texts(lv)
        self._dirty = set(CHARTS)
        self._redraw_visible()

    def _update_cards(self, lv: dict[str, Any]) -> None:
        f = self._figures
        fy0, year = f["first_year"], f["year"]
        pct_now, pct_y = f["pct_payroll_now"], f["pct_payroll_year"]
        dollars = self._factor is not None
        now = short_money(f["employer_now"]) if dollars else f"{f['employer_now']:,.1f}"
        later = short_money(f["employer_year"]) if dollars else f"{f['employer_year']:,.1f}"
        median = lv["returns"] == "stochastic"
        self.cards["now"].set(
            self.tr("City pays in FY%1").replace("%1", str(fy0)),
            now,
            self.tr("%1 of payroll").replace("%1", _pct(pct_now, 1)),
            spoken=format_money(f["employer_now"]) if dollars else now,
        )
        change = f["employer_year"] / f["employer_now"] - 1 if f["employer_now"] else float("nan")
        self.cards["later"].set(
            (
                self.tr("City pays in FY%1 (median)") if median else self.tr("City pays in FY%1")
            ).replace("%1", str(year)),
            later,
            self.tr("%1 of payroll · %2 vs FY%3")
            .replace("%1", _pct(pct_y, 1))
            .replace("%2", _signed_pct(change))
            .replace("%3", str(fy0)),
            spoken=format_money(f["employer_year"]) if dollars else later,
        )
        self.cards["funded"].set(
            (self.tr("Funded in FY%1 (median)") if median else self.tr("Funded in FY%1")).replace(
                "%1", str(year)
            ),
            _pct(f["funded_year"], 0),
            self.tr("now %1 · market value %2")
            .replace("%1", _pct(f["funded_now"], 0))
            .replace("%2", _pct(f["funded_mva_year"], 0)),
        )
        card = self.cards["crowd"]
        if not self._gf:
            card.set(
                self.tr("General Fund"),
                self.tr("No budget"),
                self.tr("Open a budget to see what this crowds out"),
            )
        elif not self._gf.get("revenue"):
            card.set(
                self.tr("General Fund"),
                "–",
                self.tr("This budget has no General Fund revenue lines"),
            )
        else:
            card.set(
                self.tr("Share of General Fund revenue, FY%1").replace("%1", str(year)),
                _pct(f["share"], 1),
                self._change_line(short=True),
            )

    def _change_line(self, short: bool = False) -> str:
        f = self._figures
        change = f["change"]
        if change != change:
            return ""
        if abs(change) < 0.5:
            return self.tr("same as “%1”").replace("%1", f["baseline_name"])
        money = short_money(abs(change)) if short else format_money(round(abs(change)))
        sign = "+" if change > 0 else "−"
        if short:
            return (
                self.tr("%1%2 vs baseline = %3 positions")
                .replace("%1", sign)
                .replace("%2", money)
                .replace("%3", ("+" if change > 0 else "−") + _count(abs(f["fte"])))
            )
        return money

    def _update_texts(self, lv: dict[str, Any]) -> None:
        f = self._figures
        frame = self.frame
        assert frame is not None
        # new hires
        share = self._frame["new_hire_share"] if self._frame is not None else None
        if share is not None and self.turnover_lever.isEnabled():
            row = self._row(self._frame, f["year"])
            self.new_hire_label.setText(
                self.tr("New-tier members: %1 of payroll now, %2 by FY%3")
                .replace("%1", _pct(float(share.iloc[0]), 0))
                .replace("%2", _pct(float(row["new_hire_share"]), 0))
                .replace("%3", str(f["year"]))
            )
            self.new_hire_label.show()
        else:
            self.new_hire_label.hide()
        # negative amortization
        neg = f["negative_years"]
        if neg:
            self.warning_label.setText(
                self.tr(
                    "⚠ Payments don't cover the interest in %1 of %2 years (FY%3–FY%4): the "
                    "unfunded liability grows even while the city pays."
                )
                .replace("%1", str(len(neg)))
                .replace("%2", str(len(frame)))
                .replace("%3", str(neg[0]))
                .replace("%4", str(neg[-1]))
            )
        self.warning_label.setVisible(bool(neg))
        # crowd-out result text
        unit = f["unit_name"]
        lines: list[str] = []
        year = f["year"]
        if self._gf.get("revenue"):
            lines.append(
                self.tr("FY%1: the General Fund pays %2 of %3 revenue: %4.")
                .replace("%1", str(year))
                .replace("%2", format_money(round(f["gf_contribution"])))
                .replace("%3", format_money(round(f["gf_revenue"])))
                .replace("%4", _pct(f["share"], 1))
            )
        elif not self._gf:
            lines.append(self.tr("Open a budget to see what this crowds out."))
        else:
            lines.append(self.tr("This budget has no General Fund revenue lines."))
        change = f["change"]
        if change == change and abs(change) >= 0.5:
            against = (
                self.tr("Against “%1”: %2 more a year in FY%3")
                if change > 0
                else self.tr("Against “%1”: %2 less a year in FY%3")
            )
            lines.append(
                against.replace("%2", format_money(round(abs(change))))
                .replace("%3", str(year))
                .replace("%1", f["baseline_name"])
            )
            lines.append(
                self.tr("= %1 full-time positions at %2 each")
                .replace("%1", _count(abs(f["fte"])))
                .replace("%2", format_money(round(f["cost_per_fte"])))
            )
            lines.append(
                self.tr("= %1 %2 at %3 each")
                .replace("%1", _count(abs(f["units"])))
                .replace("%2", unit)
                .replace("%3", format_money(round(f["unit_cost"])))
            )
        elif change == change:
            lines.append(
                self.tr("Same cost as “%1” in FY%2: change a lever, or pick another baseline.")
                .replace("%1", f["baseline_name"])
                .replace("%2", str(year))
            )
        else:
            lines.append(self.tr("The baseline does not reach FY%1.").replace("%1", str(year)))
        if self._factor is None:
            lines.append(
                self.tr(
                    "This plan is in index units (liability = 100): open a budget and size "
                    "the plan to it for dollars."
                )
            )
        self.crowd_result.setText("\n".join(lines))
        self.crowd_result.setAccessibleDescription(" ".join(lines))
        self._make_titles(lv)

    def _make_titles(self, lv: dict[str, Any]) -> None:
        f = self._figures
        frame = self.frame
        assert frame is not None
        phrase = self._phrase(lv)
        year, fy0 = f["year"], f["first_year"]
        base_name = f["baseline_name"]
        # funded
        full = frame.loc[frame["funded_ratio_ava"] >= 0.995, "fiscal_year"]
        funded = (
            self.tr("%1 the plan is %2 funded by FY%3 (%4 now); fully funded in FY%5")
            if len(full)
            else self.tr("%1 the plan is %2 funded by FY%3 (%4 now)")
        )
        self._titles["funded"] = (
            funded.replace("%2", _pct(f["funded_year"], 0))
            .replace("%3", str(year))
            .replace("%4", _pct(f["funded_now"], 0))
            .replace("%5", str(int(full.iloc[0])) if len(full) else "")
            .replace("%1", phrase)
        )
        # contributions
        diff = f["employer_year"] - f["baseline_employer_year"]
        if diff == diff and abs(diff) >= 0.005 * max(abs(f["employer_year"]), 1e-9):
            text = (
                self.tr("%1 the city pays %2 more in FY%3 than under “%4”")
                if diff > 0
                else self.tr("%1 the city pays %2 less in FY%3 than under “%4”")
            )
            self._titles["contrib"] = (
                text.replace("%2", self._money_d(abs(diff)))
                .replace("%3", str(year))
                .replace("%1", phrase)
                .replace("%4", base_name)
            )
        else:
            self._titles["contrib"] = (
                self.tr("%1 the city pays %2 in FY%3 and %4 in FY%5 (%6 of payroll)")
                .replace("%1", phrase)
                .replace("%2", self._money_d(f["employer_now"]))
                .replace("%3", str(fy0))
                .replace("%4", self._money_d(f["employer_year"]))
                .replace("%5", str(year))
                .replace("%6", _pct(f["pct_payroll_year"], 0))
            )
        # mortgage
        neg = f["negative_years"]
        det = self._frame
        assert det is not None
        if neg:
            last_fy = int(det["fiscal_year"].iloc[-1])
            text = (
                self.tr(
                    "Payments don't cover the interest in %1 of %2 years: the debt still "
                    "grows in FY%3"
                )
                if neg[-1] == last_fy
                else self.tr(
                    "Payments don't cover the interest in %1 of %2 years: the debt grows until FY%3"
                )
            )
            self._titles["mortgage"] = (
                text.replace("%1", str(len(neg)))
                .replace("%2", str(len(det)))
                .replace("%3", str(neg[-1] if neg[-1] == last_fy else neg[-1] + 1))
            )
        else:
            uaal = det["uaal"].to_numpy()
            left = float(det["uaal_funding"].iloc[-1])
            paid = det.loc[det["uaal"] <= 0.005 * abs(uaal[0]), "fiscal_year"]
            if len(paid):
                self._titles["mortgage"] = self.tr(
                    "Every year's payment covers its interest; the debt is paid off by FY%1"
                ).replace("%1", str(int(paid.iloc[0])))
            else:
                self._titles["mortgage"] = (
                    self.tr("Every payment covers its interest; %1 of debt is left in FY%2")
                    .replace("%1", self._money(left))
                    .replace("%2", str(int(det["fiscal_year"].iloc[-1])))
                )
        # fan
        if "prob_below_60" in f:
            if f["starts_below_60"]:  # "falls below" would be no news: it starts there
                text = self.tr("%1 the plan is still below 60% funded in FY%2")
                p = f["prob_below_60"]
            else:
                text = self.tr("%1 the plan falls below 60% funded at some point by FY%2")
                p = f["prob_ever_below_60"]
            f["prob_title"] = p
            self._figures["prob_title"] = p
            self._titles["fan"] = text.replace("%1", _odds(p)).replace("%2", str(year))
        else:
            self._titles["fan"] = self.tr(
                "Choose random good and bad years to see the range of outcomes"
            )
        # crowd
        if self._gf.get("revenue"):
            self._titles["crowd"] = (
                self.tr("Pensions take %1 of General Fund revenue in FY%2 and %3 by FY%4")
                .replace("%1", _pct(f["share_now"], 1))
                .replace("%2", str(fy0))
                .replace("%3", _pct(f["share"], 1))
                .replace("%4", str(year))
            )
        else:
            self._titles["crowd"] = (
                self.tr("Open a budget to see what share of its General Fund this takes")
                if not self._gf
                else self.tr("This budget has no General Fund revenue lines to compare with")
            )

    def _phase_word(self, phase: str) -> str:
        """A budget phase ("adopted") in the interface's language; others as written."""
        return self.tr(PHASE_WORDS[phase]) if phase in PHASE_WORDS else phase

    def _money_d(self, dollars: float) -> str:
        """Dollars (already multiplied by the unit factor) as short money."""
        if self._factor is None:
            return f"{dollars:,.1f}"
        return short_money(dollars)

    # --- scenario lists -----------------------------------------------------------------------
    def _refresh_scenario_lists(self) -> None:
        if not self._ready:
            return
        self._syncing = True
        try:
            keep = self.baseline_combo.currentData()
            self.baseline_combo.clear()
            self.baseline_combo.addItem(self.tr("As the plan assumes"), userData="plan")
            for spec in self.scenarios:
                self.baseline_combo.addItem(spec["name"], userData=f"saved:{spec['name']}")
            i = self.baseline_combo.findData(keep) if keep else 0
            self.baseline_combo.setCurrentIndex(max(i, 0))
            self._load_menu.clear()
            for spec in self.scenarios:
                action = self._load_menu.addAction(spec["name"])
                action.triggered.connect(lambda _c=False, n=spec["name"]: self.load_scenario(n))
            if self.scenarios:
                remove = self._load_menu.addMenu(self.tr("Remove"))
                for spec in self.scenarios:
                    action = remove.addAction(spec["name"])
                    action.triggered.connect(
                        lambda _c=False, n=spec["name"]: self.remove_scenario(n)
                    )
            self._load_menu.setEnabled(bool(self.scenarios))
            self.load_button.setEnabled(bool(self.scenarios))
            choices: list[tuple[str, Any]] = [
                (self.tr("These levers"), "current"),
                (self.tr("As the plan assumes"), "plan"),
                (self.tr("Example: returns 1.5 points below the assumption"), "low"),
                (self.tr("Example: assumption cut by 1 point"), "cut"),
                (self.tr("Example: a crash in the second year"), "crash"),
            ] + [(s["name"], f"saved:{s['name']}") for s in self.scenarios]
            for combo, default in ((self.compare_a, "plan"), (self.compare_b, "cut")):
                keep = combo.currentData() or default
                combo.clear()
                for text, data in choices:
                    combo.addItem(text, userData=data)
                i = combo.findData(keep)
                combo.setCurrentIndex(i if i >= 0 else combo.findData(default))
        finally:
            self._syncing = False

    def _compare_side(self, data) -> tuple[str, Any, dict[str, Any]] | None:
        """(label, frame, levers) of a comparison choice."""
        if not data or self._plan is None:
            return None
        base = self._levers_defaults
        kind = data
        if kind == "current":
            return self.tr("These levers"), self.frame, self.levers()
        if kind == "plan":
            return (
                self.tr("As the plan assumes"),
                self._project(self._pid(), self._plan, base),
                base,
            )
        if kind == "low":
            lv = {**base, "returns": "constant", "rate": base["rate"] - 0.015}
            return (
                self.tr("Returns 1.5 points lower"),
                self._project(self._pid(), self._plan, lv),
                lv,
            )
        if kind == "cut":
            lv = {**base, "discount_rate": base["discount_rate"] - 0.01}
            return self.tr("Assumption cut 1 point"), self._project(self._pid(), self._plan, lv), lv
        if kind == "crash":
            lv = {**base, "returns": "shock", "shock_year": 2}
            return self.tr("Crash in year two"), self._project(self._pid(), self._plan, lv), lv
        spec = next((s for s in self.scenarios if f"saved:{s['name']}" == data), None)
        if spec is None:
            return None
        return spec["name"], self._spec_frame(spec), spec.get("levers", {})

    # --- drawing ------------------------------------------------------------------------------
    def _draw(self, key: str) -> None:
        chart = self._charts.get(key)
        if chart is None or self.frame is None or not chart.isVisible():
            return  # stays dirty: drawn when its tab is shown
        self._dirty.discard(key)
        fig = chart.figure
        fig.clear()
        getattr(self, f"_draw_{key}")(chart)
        chart.draw()

    def _title(
        self, chart: ChartCanvas, ax, title: str, subtitle: str = "", side: float = 0.0
    ) -> None:
        """The chart's point as its title (wrapped to the width), and a subtitle over the
        axes (``side``: pixels taken right of the axes, by a legend)."""
        fig = chart.figure
        width = max(float(fig.bbox.width), 200.0)
        fig.suptitle(
            _fit(fig, title, TITLE_PT, width - 16, bold=True),
            fontsize=TITLE_PT,
            fontweight="bold",
            x=0.01,
            ha="left",
            color="#111111",
            parse_math=False,
        )
        if subtitle and ax is not None:
            ax.set_title(
                _fit(fig, subtitle, SUBTITLE_PT, width - 110 - side),
                loc="left",
                fontsize=SUBTITLE_PT,
                color="#444444",
                parse_math=False,
            )
        chart.set_description(f"{title}. {subtitle}".strip())

    def _style(self, ax, ylabel: str = "") -> None:
        ax.tick_params(labelsize=TICK_PT)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
        if ylabel:  # on two lines when the axes are too short for it (titles take room)
            fig = ax.figure
            height = float(fig.bbox.height)
            room = max(height - 150.0, height * 0.55, 120.0)
            ax.set_ylabel(_fit(fig, ylabel, LABEL_PT, room), fontsize=LABEL_PT)
        ax.xaxis.set_major_locator(_year_locator())

    def _mark_year(self, ax) -> None:
        ax.axvline(self._figures["year"], color="#BBBBBB", linewidth=1.2, linestyle=":", zorder=0)

    def _draw_funded(self, chart: ChartCanvas) -> None:
        from matplotlib.ticker import PercentFormatter

        frame = self.frame
        assert frame is not None
        ax = chart.figure.add_subplot(111)
        x = frame["fiscal_year"].to_numpy()
        if "funded_ratio_ava_p25" in frame.columns:
            ax.fill_between(
                x,
                frame["funded_ratio_ava_p25"],
                frame["funded_ratio_ava_p75"],
                color=BLUE,
                alpha=0.15,
                linewidth=0,
                label=self.tr("Middle half of the random runs"),
            )
        ax.plot(
            x,
            frame["funded_ratio_ava"],
            color=BLUE,
            lw=LINE_W,
            label=self.tr("Smoothed (actuarial) value"),
        )
        ax.plot(
            x,
            frame["funded_ratio_mva"],
            color=ORANGE,
            lw=LINE_W,
            linestyle="--",
            label=self.tr("Market value"),
        )
        base = self._base_frame
        if base is not None and not base["funded_ratio_ava"].equals(frame["funded_ratio_ava"]):
            ax.plot(
                base["fiscal_year"],
                base["funded_ratio_ava"],
                color=GREY,
                lw=2,
                linestyle=":",
                label=_esc(self.tr("Baseline: %1").replace("%1", self._figures["baseline_name"])),
            )
        ax.axhline(1.0, color="#999999", linewidth=1)
        ax.axhline(0.6, color=VERMILLION, linewidth=1.2, linestyle=(0, (4, 3)))
        ax.text(
            x[0],
            0.6,
            self.tr(" 60%: a warning line"),
            color=VERMILLION,
            va="bottom",
            fontsize=LEGEND_PT,
        )
        self._mark_year(ax)
        top = max(
            1.1, float(frame[["funded_ratio_ava", "funded_ratio_mva"]].to_numpy().max()) + 0.05
        )
        ax.set_ylim(0, top)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self._style(ax, self.tr("Assets ÷ liability"))
        ax.legend(fontsize=LEGEND_PT, loc="lower right", frameon=False)
        self._title(
            chart,
            ax,
            self._titles["funded"],
            self.tr("Funded ratio: the assets the plan holds for each dollar of benefits earned"),
        )

    def _draw_contrib(self, chart: ChartCanvas) -> None:
        from matplotlib.ticker import PercentFormatter

        frame = self.frame
        assert frame is not None
        ax = chart.figure.add_subplot(111)
        x = frame["fiscal_year"].to_numpy()
        as_pct = self.percent_radio.isChecked()
        col = "employer_pct_payroll" if as_pct else "employer_contribution"
        scale = 1.0 if as_pct else (self._factor or 1.0)
        y = frame[col].to_numpy() * scale
        colours = [BLUE if yr != self._figures["year"] else "#004A75" for yr in x]
        ax.bar(x, y, color=colours, width=0.75, label=self.tr("This scenario"))
        if f"{col}_p25" in frame.columns:
            ax.fill_between(
                x,
                frame[f"{col}_p5"] * scale,
                frame[f"{col}_p95"] * scale,
                color=ORANGE,
                alpha=0.18,
                linewidth=0,
                step="mid",
                label=self.tr("9 in 10 random runs"),
            )
        base = self._base_frame
        top = float(y.max())
        if base is not None:
            by = base[col].to_numpy() * scale
            if not (len(by) == len(y) and abs(by - y).max() < 1e-9 * max(abs(y).max(), 1)):
                top = max(top, float(by.max()))  # the baseline stays inside the chart
                ax.step(
                    base["fiscal_year"],
                    by,
                    where="mid",
                    color="#222222",
                    lw=2.2,
                    linestyle="--",
                    label=_esc(
                        self.tr("Baseline: %1").replace("%1", self._figures["baseline_name"])
                    ),
                )
        for yr in {int(x[0]), self._figures["year"]}:
            i = int(yr - x[0])
            if 0 <= i < len(y):
                label = _pct(y[i], 0) if as_pct else self._money_d(y[i])
                ax.annotate(
                    label,
                    (x[i], y[i]),
                    xytext=(0, 4),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=LABEL_PT,
                    fontweight="bold",
                )
        if as_pct:
            ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            self._style(ax, self.tr("Employer contribution, % of payroll"))
        else:
            if self._factor is not None:
                money_axis(ax)
            self._style(ax, self.tr("Employer contribution a year"))
        ax.set_ylim(0, max(top * 1.15, 1e-9))
        ax.legend(fontsize=LEGEND_PT, loc="upper right", frameon=False)
        sub = (
            self.tr(
                "Normal cost plus the payment on the unfunded liability, less what employees pay"
                " · bars: median of the random runs"
            )
            if self.levers()["returns"] == "stochastic"
            else self.tr(
                "Normal cost plus the payment on the unfunded liability, less what employees pay"
            )
        )
        self._title(chart, ax, self._titles["contrib"], sub)

    def _draw_mortgage(self, chart: ChartCanvas) -> None:
        det, lay = self._frame, self._layers
        assert det is not None and lay is not None
        ax = chart.figure.add_subplot(111)
        x = det["fiscal_year"].to_numpy()
        factor = self._factor or 1.0
        groups = _layer_groups(lay, int(x[0]))
        colours = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION)
        pos_bottom = [0.0] * len(x)
        neg_bottom = [0.0] * len(x)
        for (name, values), colour in zip(groups, itertools.cycle(colours), strict=False):
            v = [float(values.get(int(yr), 0.0)) * factor for yr in x]
            bottoms = [pos_bottom[i] if v[i] >= 0 else neg_bottom[i] for i in range(len(x))]
            ax.bar(x, v, bottom=bottoms, color=colour, width=0.8, label=_esc(name), linewidth=0)
            for i, val in enumerate(v):
                if val >= 0:
                    pos_bottom[i] += val
                else:
                    neg_bottom[i] += val
        interest = det["interest_part"].to_numpy() * factor
        ax.plot(x, interest, color="#000000", lw=LINE_W, label=self.tr("Interest on the debt"))
        neg = det["negative_amortization"].to_numpy()
        first_span = True
        for i, bad in enumerate(neg):
            if bad:
                ax.axvspan(
                    x[i] - 0.5,
                    x[i] + 0.5,
                    color=VERMILLION,
                    alpha=0.12,
                    linewidth=0,
                    label=self.tr("Payment below interest") if first_span else None,
                )
                first_span = False
        if self._factor is not None:
            money_axis(ax)
        ax.axhline(0, color="#999999", linewidth=1)
        self._style(ax, self.tr("Payment on the unfunded liability a year"))
        side = 0.0
        if chart.figure.bbox.width >= 900:  # room for the legend beside the bars
            legend = ax.legend(
                fontsize=LEGEND_PT, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False
            )
            side = legend.get_window_extent(chart.figure.canvas.get_renderer()).width
        else:
            ax.legend(
                fontsize=LEGEND_PT,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.08),
                ncols=2,
                frameon=False,
            )
        sub = (
            self.tr(
                "Each colour is a layer of debt with its own payoff schedule · the path where "
                "the fund earns its assumed return"
            )
            if self.levers()["returns"] == "stochastic"
            else self.tr("Each colour is a layer of debt with its own payoff schedule")
        )
        self._title(chart, ax, self._titles["mortgage"], sub, side=side)
        self.mortgage_note.setStyleSheet(
            "QLabel#mortgageNote { color: #B03A00; font-weight: bold; }" if neg.any() else ""
        )

    def _draw_fan(self, chart: ChartCanvas) -> None:
        from matplotlib.ticker import PercentFormatter

        ax = chart.figure.add_subplot(111)
        stoch = self._stoch if self.levers()["returns"] == "stochastic" else None
        if stoch is None:
            ax.set_axis_off()
            ax.text(
                0.5,
                0.5,
                self.tr(
                    "Switch “What the fund earns” to random good and bad years\n"
                    "to see how wide the range of outcomes is."
                ),
                ha="center",
                va="center",
                fontsize=LABEL_PT + 1,
                color="#444444",
                transform=ax.transAxes,
            )
            self._title(chart, None, self._titles["fan"])
            return
        x = stoch["fiscal_year"].to_numpy()
        what = self.fan_combo.currentData()
        col = "funded_ratio_mva" if what == "funded" else "employer_pct_payroll"
        ax.fill_between(
            x,
            stoch[f"{col}_p5"],
            stoch[f"{col}_p95"],
            color=BLUE,
            alpha=0.18,
            linewidth=0,
            label=self.tr("9 in 10 runs (5th–95th percentile)"),
        )
        ax.fill_between(
            x,
            stoch[f"{col}_p25"],
            stoch[f"{col}_p75"],
            color=BLUE,
            alpha=0.38,
            linewidth=0,
            label=self.tr("Middle half (25th–75th)"),
        )
        ax.plot(x, stoch[f"{col}_p50"], color="#003B5C", lw=LINE_W, label=self.tr("Median run"))
        if what == "funded":
            ax.axhline(
                0.6,
                color=VERMILLION,
                linewidth=1.6,
                linestyle=(0, (4, 3)),
                label=self.tr("60% funded"),
            )
            ax.axhline(1.0, color="#999999", linewidth=1)
            ax.set_ylim(0, max(1.2, float(stoch[f"{col}_p95"].max()) * 1.05))
            ylabel = self.tr("Market value ÷ liability")
        else:
            ax.set_ylim(0, float(stoch[f"{col}_p95"].max()) * 1.1)
            ylabel = self.tr("Employer contribution, % of payroll")
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self._style(ax, ylabel)
        ax.legend(fontsize=LEGEND_PT, loc="upper left", frameon=False)
        lv = self.levers()
        n = int(stoch["n_paths"].iloc[0])
        expected = (
            self._plan.expected_return
            if self._plan.expected_return is not None
            else self._plan.discount_rate
        )
        sub = (
            self.tr("%1 random runs · compound average %2, swings ±%3 a year")
            .replace("%1", f"{n:,}")
            .replace("%2", _pct(self._expected(lv, expected), 3))
            .replace("%3", _pct(lv["sd"], 1))
        )
        self._title(chart, ax, self._titles["fan"], sub)

    def _expected(self, lv: dict[str, Any], plan_expected: float) -> float:
        base = self._levers_defaults
        if lv["discount_meaning"] == "assumption" and base:
            return plan_expected + lv["discount_rate"] - base["discount_rate"]
        return plan_expected

    def _draw_crowd(self, chart: ChartCanvas) -> None:
        from matplotlib.ticker import PercentFormatter

        ax = chart.figure.add_subplot(111)
        crowd = self._crowd
        if crowd is None:
            ax.set_axis_off()
            self._title(chart, None, self._titles["crowd"])
            return
        if not self._gf.get("revenue"):  # no revenue to divide by: the dollars, and the change
            x = crowd["year"].to_numpy()
            ax.plot(x, crowd["contribution"], color=BLUE, lw=LINE_W, label=self.tr("This scenario"))
            if (abs(crowd["change"]) > 0.5).any():
                ax.plot(
                    x,
                    crowd["baseline"],
                    color="#222222",
                    lw=2,
                    linestyle="--",
                    label=_esc(
                        self.tr("Baseline: %1").replace("%1", self._figures["baseline_name"])
                    ),
                )
                ax.fill_between(
                    x, crowd["baseline"], crowd["contribution"], color=VERMILLION, alpha=0.15
                )
            self._mark_year(ax)
            if self._factor is not None:
                money_axis(ax)
            ax.set_ylim(0, float(crowd[["contribution", "baseline"]].max().max()) * 1.15)
            self._style(ax, self.tr("Paid by the General Fund a year"))
            ax.legend(fontsize=LEGEND_PT, loc="lower left", frameon=False)
            self._title(
                chart,
                ax,
                self._titles["crowd"],
                self.tr("The General Fund's share of the employer contribution"),
            )
            return
        x = crowd["year"].to_numpy()
        ax.plot(x, crowd["share_of_gf"], color=BLUE, lw=LINE_W, label=self.tr("This scenario"))
        base_share = crowd["baseline"] / crowd["gf_revenue"]
        if (abs(crowd["change"]) > 0.5).any():
            ax.plot(
                x,
                base_share,
                color="#222222",
                lw=2,
                linestyle="--",
                label=_esc(self.tr("Baseline: %1").replace("%1", self._figures["baseline_name"])),
            )
            ax.fill_between(
                x, base_share, crowd["share_of_gf"], color=VERMILLION, alpha=0.15, linewidth=0
            )
        self._mark_year(ax)
        f = self._figures
        ax.annotate(
            _pct(f["share"], 1),
            (f["year"], f["share"]),
            xytext=(6, 6),
            textcoords="offset points",
            fontsize=LABEL_PT,
            fontweight="bold",
        )
        ax.set_ylim(0, max(float(crowd["share_of_gf"].max()), float(base_share.max())) * 1.2)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self._style(ax, self.tr("Share of General Fund revenue"))
        ax.legend(fontsize=LEGEND_PT, loc="upper right", frameon=False)
        sub = (
            self.tr(
                "This budget's General Fund revenue %1 (FY%2 %3), growing %4 a year · the "
                "General Fund pays %5 of the contribution"
            )
            .replace("%1", short_money(self._gf["revenue"]))
            .replace("%2", str(self._gf["year"]))
            .replace("%4", _pct(self.revenue_spin.value() / 100, 2))
            .replace("%5", _pct(self.gf_share_spin.value() / 100, 0))
            .replace("%3", self._phase_word(str(self._gf["phase"])))
        )
        self._title(chart, ax, self._titles["crowd"], sub)

    def _draw_compare(self, chart: ChartCanvas) -> None:
        a = self._compare_side(self.compare_a.currentData())
        b = self._compare_side(self.compare_b.currentData())
        ax = chart.figure.add_subplot(111)
        self._fill_compare_table(a, b)
        if a is None or b is None or a[1] is None or b[1] is None:
            ax.set_axis_off()
            self._titles["compare"] = self.tr("Pick two sets of assumptions")
            self._title(chart, None, self._titles["compare"])
            return
        factor = self._factor or 1.0
        year = self._figures["year"]
        for (name, frame, _lv), colour, style in ((a, BLUE, "-"), (b, VERMILLION, "--")):
            ax.plot(
                frame["fiscal_year"],
                frame["employer_contribution"] * factor,
                color=colour,
                lw=LINE_W,
                linestyle=style,
                label=_esc(name),
            )
        fa = a[1].set_index("fiscal_year")["employer_contribution"] * factor
        fb = b[1].set_index("fiscal_year")["employer_contribution"] * factor
        common = fa.index.intersection(fb.index)
        ax.fill_between(
            common, fa.loc[common], fb.loc[common], color="#999999", alpha=0.15, linewidth=0
        )
        va, vb = float(fa.get(year, float("nan"))), float(fb.get(year, float("nan")))
        for v, colour in ((va, BLUE), (vb, VERMILLION)):
            if v == v:
                ax.annotate(
                    self._money_d(v),
                    (year, v),
                    xytext=(6, 0),
                    textcoords="offset points",
                    color=colour,
                    fontsize=LABEL_PT,
                    fontweight="bold",
                    va="center",
                )
        self._mark_year(ax)
        if self._factor is not None:
            money_axis(ax)
        ax.set_ylim(0, max(float(fa.max()), float(fb.max())) * 1.15)
        self._style(ax, self.tr("Employer contribution a year"))
        ax.legend(fontsize=LEGEND_PT, loc="lower left", frameon=False)
        ratio = vb / va if va else float("nan")
        if ratio == ratio and abs(ratio - 1) >= 0.01:
            title = (
                self.tr(
                    "Same plan, two sets of assumptions: %1 vs %2 a year in FY%3 (the right is "
                    "%4 higher)"
                )
                if ratio > 1
                else self.tr(
                    "Same plan, two sets of assumptions: %1 vs %2 a year in FY%3 (the right is "
                    "%4 lower)"
                )
            )
        else:
            title = self.tr("Same plan, two sets of assumptions: %1 vs %2 a year in FY%3")
        title = (
            title.replace("%1", self._money_d(va))
            .replace("%2", self._money_d(vb))
            .replace("%3", str(year))
            .replace("%4", _pct(abs(ratio - 1), 0))
        )
        self._titles["compare"] = title
        self._title(chart, ax, title)

    def _fill_compare_table(self, a, b) -> None:
        table = self.compare_table
        year = self._figures.get("year", 0)
        sides = [a, b]

        def value_at(frame, col: str):
            if frame is None:
                return float("nan")
            return float(self._row(frame, year)[col]) if len(frame) else float("nan")

        def describe_returns(lv: dict[str, Any]) -> str:
            mode = lv.get("returns", "assumed")
            if mode == "constant":
                return self.tr("%1 every year").replace("%1", _pct(lv.get("rate", 0), 2))
            if mode == "shock":
                return self.tr("crash in year %1").replace("%1", str(lv.get("shock_year", 3)))
            if mode == "stochastic":
                return self.tr("random, ±%1").replace("%1", _pct(lv.get("sd", 0.12), 0))
            return self.tr("as assumed")

        factor = self._factor or 1.0
        first = self._figures.get("first_year", year)
        specs = [
            (
                self.tr("Assumed return"),
                lambda s: _pct(
                    s[2].get("discount_rate", self._levers_defaults.get("discount_rate", 0)), 3
                ),
                None,
            ),
            (self.tr("The fund earns"), lambda s: describe_returns(s[2]), None),
            (
                self.tr("Payoff period"),
                lambda s: self.tr("%1 years").replace(
                    "%1", str(s[2].get("period", self._levers_defaults.get("period", "")))
                ),
                None,
            ),
            (
                self.tr("City pays, FY%1").replace("%1", str(first)),
                None,
                "employer_contribution_first",
            ),
            (self.tr("City pays, FY%1").replace("%1", str(year)), None, "employer_contribution"),
            (
                self.tr("Total FY%1–FY%2").replace("%1", str(first)).replace("%2", str(year)),
                None,
                "total",
            ),
            (self.tr("Funded, FY%1").replace("%1", str(year)), None, "funded_ratio_ava"),
        ]
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [self.tr("Left"), self.tr("Right"), self.tr("Right − left")]
        )
        for c, side in enumerate(sides):
            header = table.horizontalHeaderItem(c)
            if header is not None and side is not None:
                header.setToolTip(side[0])
        table.setRowCount(len(specs))
        for r, (label, text_fn, col) in enumerate(specs):
            table.setVerticalHeaderItem(r, QTableWidgetItem(label))
            values: list[float] = []
            for c, side in enumerate(sides):
                if side is None or side[1] is None:
                    table.setItem(r, c, QTableWidgetItem("–"))
                    values.append(float("nan"))
                    continue
                frame = side[1]
                if text_fn is not None:
                    table.setItem(r, c, QTableWidgetItem(text_fn(side)))
                    continue
                if col == "employer_contribution_first":
                    v = float(frame["employer_contribution"].iloc[0]) * factor
                elif col == "total":
                    v = (
                        float(
                            frame.loc[frame["fiscal_year"] <= year, "employer_contribution"].sum()
                        )
                        * factor
                    )
                else:
                    v = value_at(frame, col)
                    if col == "employer_contribution":
                        v *= factor
                values.append(v)
                shown = _pct(v, 0) if col == "funded_ratio_ava" else self._money_d(v)
                item = QTableWidgetItem(shown)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{v:.4f}" if col == "funded_ratio_ava" else format_money(v),
                )
                table.setItem(r, c, item)
            if len(values) == 2 and all(v == v for v in values):
                d = values[1] - values[0]
                if col == "funded_ratio_ava":
                    shown = self.tr("%1 points").replace("%1", f"{d * 100:+.0f}")
                else:
                    shown = ("+" if d >= 0 else "−") + self._money_d(abs(d))
                item = QTableWidgetItem(shown)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, 2, item)
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(table.rowCount())))


# ---- helpers -----------------------------------------------------------------------------
def _short(label: str) -> str:
    """A plan's name for the menu: "San José Federated (Tier 1 ...)" -> "San José Federated"."""
    cut = re.split(r" \(|, ", label, maxsplit=1)[0].strip()
    return cut if len(cut) >= 8 else label


def _preset_text(text: str) -> str:
    """A shipped preset's name, label or notes in the interface's language (see
    :data:`PRESET_TEXTS`)."""
    return QCoreApplication.translate("PensionPresets", text) if text else text


def _number(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _pct(fraction: float, decimals: int = 1) -> str:
    if fraction != fraction or math.isinf(fraction):
        return "–"
    text = f"{fraction * 100:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def _signed_pct(fraction: float) -> str:
    if fraction != fraction or math.isinf(fraction):
        return "–"
    return ("+" if fraction >= 0 else "−") + _pct(abs(fraction), 0)


def _count(value: float) -> str:
    if value != value:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}"


def _odds(p: float) -> str:
    """A probability a room reads: "A 1 in 4 chance (26%)", "Almost no chance (under 1%)"."""
    if p != p:
        return "–"
    if p < 0.01:
        return QCoreApplication.translate("PensionsView", "Almost no chance (under 1%)")
    if p > 0.99:
        return QCoreApplication.translate("PensionsView", "A near-certain chance (over 99%)")
    pct = f"{p * 100:.0f}%"
    if p <= 0.5 and round(1 / p) >= 2:
        return (
            QCoreApplication.translate("PensionsView", "A 1 in %1 chance (%2)")
            .replace("%1", str(round(1 / p)))
            .replace("%2", pct)
        )
    return QCoreApplication.translate("PensionsView", "A %1 chance").replace("%1", pct)


def _fit(fig, text: str, size: float, room: float, bold: bool = False) -> str:
    """``text`` wrapped onto as many lines as it needs to be no wider than ``room`` pixels
    (measured, not guessed: bold type on a projector is wide)."""
    renderer = fig.canvas.get_renderer()
    probe = fig.text(
        0, 0, text, fontsize=size, fontweight="bold" if bold else "normal", parse_math=False
    )
    shown, chars = text, len(text)
    try:
        for _ in range(8):
            width = probe.get_window_extent(renderer).width
            if width <= room or chars <= 16:
                break
            chars = max(16, min(chars - 1, int(chars * room / width)))
            shown = "\n".join(textwrap.wrap(text, chars)) or text
            probe.set_text(shown)
    finally:
        probe.remove()
    return shown


def _esc(text: str) -> str:
    """A label matplotlib shows as written (a "$" does not start mathematics)."""
    return text.replace("$", r"\$")


def _year_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=8, integer=True)


def _layer_groups(lay, first_year: int) -> list[tuple[str, dict[int, float]]]:
    """The mortgage view's series: the biggest starting layers by name, the rest together,
    and all layers made by later gains and losses together."""
    if lay is None or lay.empty:
        return []
    starts = lay.groupby("layer", sort=False)["year"].min()
    initial = [name for name, y in starts.items() if y == 1]
    later = [name for name, y in starts.items() if y > 1]
    totals = (
        lay[lay["layer"].isin(initial)]
        .groupby("layer")["payment"]
        .apply(lambda s: float(s.abs().sum()))
    )
    named = list(totals.sort_values(ascending=False).index[:4])
    rest = [n for n in initial if n not in named]
    out: list[tuple[str, dict[int, float]]] = []

    def series(names: list[str]) -> dict[int, float]:
        part = lay[lay["layer"].isin(names)]
        return {int(k): float(v) for k, v in part.groupby("fiscal_year")["payment"].sum().items()}

    for name in named:
        out.append((_preset_text(str(name)), series([name])))
    if rest:
        out.append((QCoreApplication.translate("PensionsView", "Other older layers"), series(rest)))
    if later:
        out.append(
            (
                QCoreApplication.translate(
                    "PensionsView", "New gains and losses since FY%1"
                ).replace("%1", str(first_year)),
                series(later),
            )
        )
    return out


__all__ = [
    "Lever",
    "PensionsView",
    "PlanDialog",
    "build_scenario",
    "plan_levers",
    "scale_plan",
    "unit_factor",
]
