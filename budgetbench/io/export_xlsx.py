"""The annotated workbook: the city's own file, untouched where the city wrote it, with the
room's work added — a comment and a stance colour on each annotated amount, and the sheets
*Community Priorities*, *Votes*, *Scenarios*, *Charts* and *About*.

An xlsx (or xlsm) source is patched as a zip package rather than loaded and saved by a
spreadsheet library: every part the city wrote is copied unchanged (formulas, styles, column
widths, hidden rows, defined names, pivot caches, pictures), and only these change:

* ``[Content_Types].xml``, ``xl/workbook.xml`` and its relationships: the added sheets;
* ``xl/styles.xml``: fills, fonts and cell formats appended (existing indices keep meaning);
* each annotated sheet: the ``s=`` (style) attribute of annotated cells, and one
  ``<legacyDrawing>`` element pointing at its comments (plus its relationships part).

Any other source (CSV, XLS, ODS) becomes a workbook whose first sheet holds the normalised
lines as an Excel table with money formats; the same added sheets follow.

Text typed in the room is never written as a live formula: see :func:`formula_safe`. Macros of
an xlsm source are not carried over (the output is a plain .xlsx); the About sheet says so.

The added sheets are marked: cell A1 of *About* holds :data:`EXPORT_MARKER` and the row
"Sheets added" lists them (:func:`added_sheet_names` reads it from raw sheets), so an importer
can tell the room's sheets from the budget's. :func:`read_community` reads the notes, themes,
participants and dots back; :func:`merge_community` adds them to a session without
duplicating notes it already holds.

Charts are PNG images made by :mod:`budgetbench.render` and passed in (this layer never draws).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import posixpath
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as _xml_escape

from budgetbench.core.format import column_letter
from budgetbench.core.pension_levers import unit_factor
from budgetbench.core.priorities import (
    LEVELS,
    STANCES,
    THEME,
    Annotation,
    Participant,
    Tally,
    Vote,
    clean_tags,
    tally,
)
from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.core.schema import IDENTITY_COLUMNS, LABELS

if TYPE_CHECKING:
    import pandas as pd

    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

#: Version of the layout of the added sheets (the About sheet states it).
EXPORT_SCHEMA_VERSION = 1
#: Cell A1 of the About sheet: how an export is recognised.
EXPORT_MARKER = "budgetbench export"

SHEET_PRIORITIES = "Community Priorities"
SHEET_VOTES = "Votes"
SHEET_SCENARIOS = "Scenarios"
SHEET_CHARTS = "Charts"
SHEET_ABOUT = "About"
SHEET_LINES = "Budget lines"  # first sheet of a workbook made from a CSV (or XLS, ODS) source
ADDED_SHEETS = (SHEET_PRIORITIES, SHEET_VOTES, SHEET_SCENARIOS, SHEET_CHARTS, SHEET_ABOUT)

#: First characters that make a spreadsheet read text as a formula (or DDE command).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: Fill colour (ARGB) of an annotated cell by the stance of its notes.
STANCE_FILLS: dict[str, str] = {
    "protect": "FFCCE3F3",  # a tint of Okabe–Ito blue
    "increase": "FFCCEDE3",  # bluish green
    "cut": "FFF7D4BF",  # vermillion
    "question": "FFFBF6C5",  # yellow
    "mixed": "FFF0D7E6",  # reddish purple: notes on the cell disagree
    "noted": "FFE4E4E4",  # notes without a stance
}
STANCE_WORDS: dict[str, str] = {
    "protect": "Protect",
    "increase": "Increase",
    "cut": "Cut",
    "question": "Question",
    "mixed": "Mixed views",
    "noted": "Noted (no stance)",
}

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_WORKSHEET = NS_REL + "/worksheet"
REL_COMMENTS = NS_REL + "/comments"
REL_VML = NS_REL + "/vmlDrawing"
REL_DRAWING = NS_REL + "/drawing"
REL_IMAGE = NS_REL + "/image"
REL_TABLE = NS_REL + "/table"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_MAIN_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EMU_PER_PX = 9525


# ---- text that must never become a formula ---------------------------------------------------
def formula_safe(value: object) -> tuple[str, bool]:
    """``value`` as cell text, and whether it must be marked as text.

    Text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is what a
    spreadsheet would run as a formula (or a DDE command) when a person edits or re-saves the
    cell, so it is flagged: the workbook writes such text as an inline string with the
    *quote prefix* style (shown as typed, never evaluated) and the CSV writer puts an
    apostrophe before it. Characters XML cannot hold (control characters other than tab, line
    feed and carriage return) are dropped. ``None`` is the empty string.
    """
    text = "" if value is None else str(value)
    text = _ILLEGAL_XML.sub("", text)
    return text, text.startswith(FORMULA_TRIGGERS)


def _esc(text: str) -> str:
    """Element text for XML: escaped, carriage returns kept (as a character reference)."""
    return _xml_escape(text).replace("\r", "&#13;")


def _attr(text: str) -> str:
    return _xml_escape(_ILLEGAL_XML.sub("", str(text)), {'"': "&quot;", "\n": "&#10;"}).replace(
        "\r", "&#13;"
    )


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


# ---- the room's work --------------------------------------------------------------------------
@dataclass
class Community:
    """What a room made: notes, the theme list, participants and their dots."""

    annotations: list[Annotation] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_session(cls, session: Session | None) -> Community:
        if session is None:
            return cls()
        return cls(
            annotations=session.annotations(),
            participants=session.participants(),
            votes=session.votes(),
            tags=session.tags(),
        )

    def tally(self) -> Tally:
        return tally(self.votes, self.annotations, self.participants)

    def __bool__(self) -> bool:
        return bool(self.annotations or self.participants or self.votes)


class LineIndex:
    """Where the lines a room talked about sit in ``budget.lines`` (row positions) and their
    labels, found in one pass over the table (a budget may hold a million rows)."""

    def __init__(self, budget: Budget | None, keys: Iterable[str] = ()) -> None:
        import numpy as np

        self.budget = budget
        self.rows: dict[str, list[int]] = {}
        self.labels: dict[str, dict[str, str]] = {}
        wanted = list(dict.fromkeys(keys))
        if budget is None or not wanted:
            return
        column = budget.lines["line_key"]
        positions = np.flatnonzero(column.isin(wanted).to_numpy())
        found: dict[str, list[int]] = defaultdict(list)
        for p, k in zip(positions.tolist(), column.to_numpy()[positions].tolist(), strict=True):
            found[str(k)].append(p)
        self.rows = dict(found)
        columns = list(dict.fromkeys((*IDENTITY_COLUMNS, "fund_code")))
        first = [rows[0] for rows in self.rows.values()]
        records = budget.lines.iloc[first][columns].astype(str).to_dict("records")
        self.labels = dict(zip(self.rows, records, strict=True))

    @classmethod
    def of(cls, budget: Budget | None, community: Community) -> LineIndex:
        keys = [a.key for a in community.annotations if a.level == "line"]
        keys += [v.key for v in community.votes if v.level == "line"]
        return cls(budget, keys)

    def label(self, level: str, key: str) -> str:
        return target_label(self.budget, level, key, self.labels.get(key))


def target_label(
    budget: Budget | None, level: str, key: str, labels: Mapping[str, str] | None = None
) -> str:
    """A target in words: a line's department, program and account (from its ``labels``,
    see :class:`LineIndex`); a fund's code and name."""
    if level == THEME:
        return f"Theme: {key}"
    if level == "line":
        if not labels:
            return key
        r = {c: v if v not in ("<NA>", "nan", "None") else "" for c, v in labels.items()}
        parts = [r.get(c, "") for c in ("department", "program", "account_name") if r.get(c)]
        if not parts:
            parts = [r.get(c, "") for c in ("fund_name", "category", "account_code") if r.get(c)]
        fund = r.get("fund_name") or r.get("fund_code") or ""
        text = " · ".join(dict.fromkeys(parts)) or key
        return f"{text} ({fund})" if fund and fund not in parts else text
    if budget is None:
        return key
    if level == "fund":
        lines = budget.lines
        names = lines.loc[lines["fund_code"] == key, "fund_name"]
        name = str(names.iloc[0]) if len(names) else ""
        return f"{key} {name}".strip() if name and name != key else key
    return key


# ---- scenarios: inputs and yearly results ------------------------------------------------------
@dataclass
class ScenarioResult:
    """A saved Pensions or Tradeoffs scenario, recomputed from its inputs."""

    kind: str  # "pension" or "forecast"
    name: str
    inputs: list[tuple[str, str]]
    table: pd.DataFrame  # one row per year, columns labelled for people
    money: tuple[str, ...] = ()
    percent: tuple[str, ...] = ()
    note: str = ""


def _flatten(spec: Mapping[str, Any], skip: Iterable[str] = (), prefix: str = "") -> list:
    rows: list[tuple[str, str]] = []
    for k, v in spec.items():
        if k in skip:
            continue
        label = f"{prefix}{k}".replace("_", " ")
        if isinstance(v, Mapping):
            if v:
                rows.extend(_flatten(v, (), f"{label} › "))
            else:
                rows.append((label, "none"))
        elif isinstance(v, (list, tuple)):
            rows.append((label, ", ".join(_plain_text(x) for x in v) if v else "none"))
        else:
            rows.append((label, _plain_text(v)))
    return rows


def _plain_text(v: Any) -> str:
    if isinstance(v, Mapping):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, float):
        return f"{v:.6g}"
    return "" if v is None else str(v)


def _pension_scenario(plan, levers: Mapping[str, Any], name: str):
    """The engine's pension Scenario for a saved scenario's levers, as the Pensions view
    builds it (random-return runs capped at 1,000 paths: an export draws the median)."""
    from budgetbench.core.pension_levers import build_scenario

    sc = build_scenario(plan, dict(levers), name)
    if sc.returns == "stochastic":
        sc.n_paths = min(int(sc.n_paths), 1000)
    return sc


def _general_fund_payroll(budget: Budget) -> float:
    """General Fund personnel spending of the budget's default year (what a plan is sized to)."""
    from budgetbench.core.explore import object_class
    from budgetbench.core.lens import Lens, apply_lens

    if not len(budget):
        return 0.0
    lines = apply_lens(budget, Lens(general_fund_only=True)).lines
    expense = (lines["direction"] == "expense").to_numpy() & ~lines["is_transfer"].to_numpy(
        dtype=bool
    )
    sub = lines.loc[expense, ["category", "account_name", "amount"]]
    keys = sub[["category", "account_name"]].astype("string").fillna("")
    personnel = [
        object_class("expense", False, c, a) == "Personnel" for c, a in keys.itertuples(index=False)
    ]
    return max(float(sub["amount"][personnel].sum()) if personnel else 0.0, 0.0)


def _pension_result(budget: Budget, name: str, spec: Mapping[str, Any]) -> ScenarioResult:
    import pandas as pd

    from budgetbench.core.pension import project
    from budgetbench.io.pension_presets import load_plan, load_preset

    key = str(spec.get("plan", ""))
    inputs = [("Plan", str(spec.get("plan_name") or key))]
    inputs += [(f"Lever: {k}", v) for k, v in _flatten(spec.get("levers") or {})]
    if spec.get("saved"):
        inputs.append(("Saved", str(spec["saved"])))
    money = ("Employer contribution", "Paid by the General Fund", "Unfunded liability")
    percent = ("Funded ratio", "Employer rate of payroll")
    note = ""
    try:
        if key.startswith("preset:"):
            plan = load_preset(key[len("preset:") :])
        elif key.startswith("file:"):
            plan = load_plan(key[len("file:") :])
        else:
            raise BudgetError(f"the plan {key!r} is not one budgetbench knows")
        frame = project(plan, _pension_scenario(plan, spec.get("levers") or {}, name), years=30)
        factor = unit_factor(plan.units)
        scale = factor or 1.0
        if spec.get("sized_to_budget"):
            payroll = _general_fund_payroll(budget)
            if payroll > 0 and plan.payroll > 0:
                scale = payroll / plan.payroll  # the projection scales with the plan's money
        saved_c, saved_gf = spec.get("employer_contribution"), spec.get("employer_gf")
        if saved_c and saved_gf and float(saved_c[0]):
            gf_share = float(saved_gf[0]) / float(saved_c[0])
        else:
            gf_share = float(plan.employer_gf_share)
        contribution = frame["employer_contribution"].to_numpy(dtype=float) * scale
        table = pd.DataFrame(
            {
                "Fiscal year": frame["fiscal_year"].astype(int).to_numpy(),
                "Funded ratio": frame["funded_ratio_ava"].to_numpy(dtype=float),
                "Employer contribution": contribution,
                "Paid by the General Fund": contribution * gf_share,
                "Employer rate of payroll": frame["employer_pct_payroll"].to_numpy(dtype=float),
                "Unfunded liability": frame["uaal"].to_numpy(dtype=float) * scale,
            }
        )
        if factor is None and not spec.get("sized_to_budget"):
            note = "The plan is in index units (liability = 100), not dollars."
            money = ()
    except (BudgetError, ValueError, KeyError, TypeError, ZeroDivisionError) as exc:
        years = spec.get("fiscal_years") or []
        note = f"Could not recompute ({exc}); the figures are as saved."
        cols = {
            "Fiscal year": years,
            "Funded ratio": spec.get("funded_ratio"),
            "Employer contribution": spec.get("employer_contribution"),
            "Paid by the General Fund": spec.get("employer_gf"),
            "Employer rate of payroll": spec.get("employer_pct_payroll"),
        }
        table = pd.DataFrame({k: v for k, v in cols.items() if v and len(v) == len(years)})
    return ScenarioResult("pension", name, inputs, table, money, percent, note)


def _forecast_result(budget: Budget, name: str, spec: Mapping[str, Any]) -> ScenarioResult:
    import pandas as pd

    from budgetbench.core import forecast as fc

    inputs = _flatten(spec, skip=("name",))
    money_cols = {
        "revenue_total": "Revenue",
        "expense_total": "Spending",
        "structural_gap": "Structural gap",
        "surplus_deficit": "Surplus or deficit",
        "reserve": "Reserve",
    }
    try:
        result = fc.forecast(budget, fc.Scenario.from_dict({**spec, "name": name}))
        t = result.table
        table = pd.DataFrame({"Fiscal year": t["fiscal_year"].astype(int).to_numpy()})
        for col, label in money_cols.items():
            table[label] = t[col].to_numpy(dtype=float)
        table["Months of reserve"] = t["reserve_months"].to_numpy(dtype=float)
        table["Flags"] = [str(f or "") for f in t["flags"]]
        note = " ".join(result.notes)
    except (BudgetError, ValueError, KeyError, TypeError, ZeroDivisionError) as exc:
        table = pd.DataFrame({"Fiscal year": []})
        note = f"Could not recompute this scenario on this budget ({exc})."
    return ScenarioResult("forecast", name, inputs, table, tuple(money_cols.values()), (), note)


def scenario_results(budget: Budget) -> list[ScenarioResult]:
    """Every pension and forecast scenario saved in ``budget.meta``, recomputed (core only)."""
    out: list[ScenarioResult] = []
    for meta_key, fn in (
        ("pension_scenarios", _pension_result),
        ("forecast_scenarios", _forecast_result),
    ):
        specs = budget.meta.get(meta_key) or {}
        if not isinstance(specs, Mapping):
            continue
        for name, spec in specs.items():
            if isinstance(spec, Mapping):
                out.append(fn(budget, str(name), spec))
    return out


# ---- charts ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChartImage:
    """A PNG for the Charts sheet, with the title that states its point."""

    title: str
    png: bytes
    width_px: int
    height_px: int


# ---- styles ------------------------------------------------------------------------------------
_STYLE_KEYS = (
    "text",
    "wrap",
    "header",
    "title",
    "subtitle",
    "money",
    "int",
    "pct",
    "decimal",
    "year",
    "link",
    *(f"legend_{s}" for s in STANCE_FILLS),
)
_MONEY_FORMAT = '"$"#,##0;-"$"#,##0'


def _root_prefix(xml: str, local: str) -> str:
    m = re.search(rf"<(\w+:)?{local}\b", xml)
    return (m.group(1) or "") if m else ""


def _append_items(
    xml: str, p: str, tag: str, items: list[str], order: Sequence[str]
) -> tuple[str, int]:
    """Append ``items`` to the ``<tag>`` collection of styles.xml; returns (xml, first index).

    A missing collection is created in its place in the schema's order (``order``)."""
    m = re.search(rf"<{p}{tag}\b([^>]*?)(/?)>", xml)
    if m is None:
        start = len(xml) - len(f"</{p}styleSheet>")
        for later in order[order.index(tag) + 1 :]:
            mm = re.search(rf"<{p}{later}\b", xml)
            if mm:
                start = mm.start()
                break
        else:
            start = xml.rindex(f"</{p}styleSheet>")
        block = f'<{p}{tag} count="{len(items)}">{"".join(items)}</{p}{tag}>'
        return xml[:start] + block + xml[start:], 0
    if m.group(2) == "/":
        existing = 0
        body_end = m.end()
        new = f'<{p}{tag} count="{len(items)}">{"".join(items)}</{p}{tag}>'
        return xml[: m.start()] + new + xml[body_end:], existing
    close = xml.index(f"</{p}{tag}>", m.end())
    child = {
        "fonts": "font",
        "fills": "fill",
        "cellXfs": "xf",
        "numFmts": "numFmt",
        "borders": "border",
    }[tag]
    existing = len(re.findall(rf"<{p}{child}\b", xml[m.end() : close]))
    head = re.sub(r'\scount="\d*"', "", m.group(1))
    new_head = f'<{p}{tag}{head} count="{existing + len(items)}">'
    return xml[: m.start()] + new_head + xml[m.end() : close] + "".join(items) + xml[
        close:
    ], existing


_STYLE_ORDER = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)


class _Styles:
    """Cell formats appended to a workbook's styles.xml: the added sheets' own, and a stance
    fill on top of each annotated cell's existing format."""

    def __init__(self, xml: str) -> None:
        self.xml = xml
        self.p = _root_prefix(xml, "styleSheet")
        self.index: dict[tuple[str, bool], int] = {}
        self._clones: dict[tuple[int, str], int] = {}
        self._pending_clones: list[tuple[int, str]] = []
        self._fill_ids: dict[str, int] = {}
        self._fonts: dict[str, int] = {}
        self._numfmts: dict[str, int] = {}

    def _xf_bodies(self) -> list[str]:
        p = self.p
        m = re.search(rf"<{p}cellXfs\b[^>]*?(/?)>", self.xml)
        if m is None or m.group(1) == "/":
            return []
        close = self.xml.index(f"</{p}cellXfs>", m.end())
        body = self.xml[m.end() : close]
        return re.findall(rf"<{p}xf\b[^>]*/>|<{p}xf\b.*?</{p}xf>", body, flags=re.S)

    def prepare(self, annotated_styles: Iterable[tuple[int, str]]) -> None:
        p = self.p
        # number formats
        m = re.findall(rf'<{p}numFmt\b[^>]*numFmtId="(\d+)"', self.xml)
        next_id = max([163, *(int(v) for v in m)]) + 1
        self._numfmts = {"money": next_id, "int": 3, "pct": 10, "decimal": 2}
        self.xml, _ = _append_items(
            self.xml,
            p,
            "numFmts",
            [f'<{p}numFmt numFmtId="{next_id}" formatCode="{_attr(_MONEY_FORMAT)}"/>'],
            _STYLE_ORDER,
        )
        # fonts: bold, title, subtitle, link
        fonts = [
            f'<{p}font><{p}b/><{p}sz val="11"/><{p}name val="Calibri"/></{p}font>',
            f'<{p}font><{p}b/><{p}sz val="15"/><{p}name val="Calibri"/></{p}font>',
            f'<{p}font><{p}b/><{p}sz val="12"/><{p}color rgb="FF0072B2"/>'
            f'<{p}name val="Calibri"/></{p}font>',
            f'<{p}font><{p}u/><{p}sz val="11"/><{p}color rgb="FF0563C1"/>'
            f'<{p}name val="Calibri"/></{p}font>',
        ]
        if not re.search(rf"<{p}fonts\b", self.xml):
            fonts.insert(0, f'<{p}font><{p}sz val="11"/><{p}name val="Calibri"/></{p}font>')
        self.xml, first = _append_items(self.xml, p, "fonts", fonts, _STYLE_ORDER)
        if len(fonts) == 5:
            first += 1
        self._fonts = {"bold": first, "title": first + 1, "subtitle": first + 2, "link": first + 3}
        # fills: the header grey and one per stance
        fills = [
            f'<{p}fill><{p}patternFill patternType="solid"><{p}fgColor rgb="{c}"/>'
            f'<{p}bgColor indexed="64"/></{p}patternFill></{p}fill>'
            for c in ("FFE7E6E6", *STANCE_FILLS.values())
        ]
        if not re.search(rf"<{p}fills\b", self.xml):  # fills 0 and 1 are reserved
            fills[:0] = [
                f'<{p}fill><{p}patternFill patternType="none"/></{p}fill>',
                f'<{p}fill><{p}patternFill patternType="gray125"/></{p}fill>',
            ]
        self.xml, first = _append_items(self.xml, p, "fills", fills, _STYLE_ORDER)
        if len(fills) == len(STANCE_FILLS) + 3:
            first += 2
        header_fill = first
        self._fill_ids = {s: first + 1 + i for i, s in enumerate(STANCE_FILLS)}
        if not re.search(rf"<{p}borders\b", self.xml):
            self.xml, _ = _append_items(self.xml, p, "borders", [f"<{p}border/>"], _STYLE_ORDER)
        # cell formats for the added sheets, each plain and quote-prefixed
        specs: dict[str, tuple[int, int, int, str]] = {  # numFmt, font, fill, alignment
            "text": (0, 0, 0, '<{p}alignment vertical="top"/>'),
            "wrap": (0, 0, 0, '<{p}alignment vertical="top" wrapText="1"/>'),
            "header": (
                0,
                self._fonts["bold"],
                header_fill,
                '<{p}alignment vertical="top" wrapText="1"/>',
            ),
            "title": (0, self._fonts["title"], 0, ""),
            "subtitle": (0, self._fonts["subtitle"], 0, ""),
            "money": (self._numfmts["money"], 0, 0, '<{p}alignment vertical="top"/>'),
            "int": (3, 0, 0, '<{p}alignment vertical="top"/>'),
            "pct": (10, 0, 0, '<{p}alignment vertical="top"/>'),
            "decimal": (2, 0, 0, '<{p}alignment vertical="top"/>'),
            "year": (1, 0, 0, '<{p}alignment vertical="top" horizontal="left"/>'),
            "link": (0, self._fonts["link"], 0, '<{p}alignment vertical="top"/>'),
        }
        for s in STANCE_FILLS:
            specs[f"legend_{s}"] = (0, 0, self._fill_ids[s], "")
        existing = len(self._xf_bodies()) if re.search(rf"<{p}cellXfs\b", self.xml) else 0
        xfs: list[str] = []
        if not existing:  # a styles part without cell formats: add the default one first
            xfs.append(f'<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')
        pos = existing + len(xfs)
        for key in _STYLE_KEYS:
            num, font, fill, align = specs[key]
            for quoted in (False, True):
                attrs = (
                    f'numFmtId="{num}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
                    + (' applyNumberFormat="1"' if num else "")
                    + (' applyFont="1"' if font else "")
                    + (' applyFill="1"' if fill else "")
                    + (' applyAlignment="1"' if align else "")
                    + (' quotePrefix="1"' if quoted else "")
                )
                inner = align.format(p=p)
                xfs.append(f"<{p}xf {attrs}>{inner}</{p}xf>" if inner else f"<{p}xf {attrs}/>")
                self.index[(key, quoted)] = pos
                pos += 1
        # an annotated cell keeps its own format, with the stance fill on top
        bodies = self._xf_bodies()
        for orig, stance in sorted(set(annotated_styles)):
            body = bodies[orig] if 0 <= orig < len(bodies) else f"<{p}xf/>"
            xfs.append(self._with_fill(body, self._fill_ids[stance]))
            self._clones[(orig, stance)] = pos
            pos += 1
        self.xml, _ = _append_items(self.xml, p, "cellXfs", xfs, _STYLE_ORDER)

    def _with_fill(self, body: str, fill: int) -> str:
        m = re.match(r"<(\w+:)?xf\b([^>]*?)(/?)>", body)
        assert m is not None
        attrs = re.sub(r'\s(fillId|applyFill)="[^"]*"', "", m.group(2))
        for name, default in (("numFmtId", "0"), ("fontId", "0"), ("borderId", "0")):
            if f'{name}="' not in attrs:
                attrs += f' {name}="{default}"'
        attrs += f' fillId="{fill}" applyFill="1"'
        return f"<{m.group(1) or ''}xf{attrs}{m.group(3)}>" + body[m.end() :]

    def cell(self, key: str, quoted: bool = False) -> int:
        return self.index[(key, quoted)]

    def annotated(self, orig: int, stance: str) -> int:
        return self._clones[(orig, stance)]


# ---- writing a sheet's XML ------------------------------------------------------------------
@dataclass
class _Cell:
    value: Any
    style: str = "text"
    link: str | None = None  # an internal hyperlink: "'Sheet'!A1"


class _SheetWriter:
    """A small worksheet: rows of cells, column widths, frozen header, links, a drawing."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.rows: list[str] = []
        self.links: list[tuple[str, str, str]] = []
        self.widths: dict[int, float] = {}
        self.freeze_row = 0
        self.max_col = 1
        self.drawing_rid: str | None = None
        self.table_rid: str | None = None
        self.merges: list[str] = []
        self.heights: dict[int, float] = {}

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def add(self, *cells: Any, height: float | None = None) -> int:
        """Append a row; each cell is a value, a :class:`_Cell` or None. Returns its number."""
        r = len(self.rows) + 1
        parts: list[str] = []
        for j, cell in enumerate(cells, start=1):
            if cell is None:
                continue
            if not isinstance(cell, _Cell):
                cell = _Cell(cell, "money" if isinstance(cell, float) else "text")
            ref = f"{column_letter(j)}{r}"
            parts.append(self._cell_xml(ref, cell))
            if cell.link:
                self.links.append((ref, cell.link, str(cell.value)))
            self.max_col = max(self.max_col, j)
        attrs = f' ht="{height}" customHeight="1"' if height else ""
        self.rows.append(f'<row r="{r}"{attrs}>{"".join(parts)}</row>')
        return r

    def _cell_xml(self, ref: str, cell: _Cell) -> str:
        v = cell.value
        if isinstance(v, bool):
            return f'<c r="{ref}" s="{self.styles.cell("text")}" t="b"><v>{int(v)}</v></c>'
        if isinstance(v, int | float) and not isinstance(v, bool):
            if isinstance(v, float) and not math.isfinite(v):
                return f'<c r="{ref}" s="{self.styles.cell("text")}"/>'
            if cell.style in _NUMBER_STYLES:
                style = cell.style
            else:
                style = "int" if isinstance(v, int) else "decimal"
            num = repr(float(v)) if isinstance(v, float) else str(int(v))
            return f'<c r="{ref}" s="{self.styles.cell(style)}"><v>{num}</v></c>'
        text, quoted = formula_safe(v)
        s = self.styles.cell(cell.style if cell.style in _TEXT_STYLES else "text", quoted)
        body = f'<is><t xml:space="preserve">{_esc(text)}</t></is>'
        return f'<c r="{ref}" s="{s}" t="inlineStr">{body}</c>'

    def xml(self, tab_colour: str = "FF0072B2") -> str:
        last = f"{column_letter(self.max_col)}{max(1, len(self.rows))}"
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">',
            f'<sheetPr><tabColor rgb="{tab_colour}"/></sheetPr>',
            f'<dimension ref="A1:{last}"/>',
        ]
        if self.freeze_row:
            out.append(
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="'
                f'{self.freeze_row}" topLeftCell="A{self.freeze_row + 1}" activePane="bottomLeft"'
                ' state="frozen"/></sheetView></sheetViews>'
            )
        else:
            out.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
        out.append('<sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            cols = "".join(
                f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
                for j, w in sorted(self.widths.items())
            )
            out.append(f"<cols>{cols}</cols>")
        out.append("<sheetData>")
        out.extend(self.rows)
        out.append("</sheetData>")
        if self.merges:
            out.append(
                f'<mergeCells count="{len(self.merges)}">'
                + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges)
                + "</mergeCells>"
            )
        if self.links:
            out.append("<hyperlinks>")
            for ref, location, display in self.links:
                out.append(
                    f'<hyperlink ref="{ref}" location="{_attr(location)}" '
                    f'display="{_attr(formula_safe(display)[0][:250])}"/>'
                )
            out.append("</hyperlinks>")
        out.append(
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3"'
            ' footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        )
        if self.drawing_rid:
            out.append(f'<drawing r:id="{self.drawing_rid}"/>')
        if self.table_rid:
            out.append(f'<tableParts count="1"><tablePart r:id="{self.table_rid}"/></tableParts>')
        out.append("</worksheet>")
        return "".join(out)


_NUMBER_STYLES = frozenset({"money", "int", "pct", "decimal", "year"})
_TEXT_STYLES = frozenset({"text", "wrap", "header", "title", "subtitle", "link"}) | {
    f"legend_{s}" for s in STANCE_FILLS
}


# ---- the package --------------------------------------------------------------------------------
class _Package:
    """An xlsx zip: parts read on demand, changed parts kept in memory, new parts added."""

    def __init__(self, source: zipfile.ZipFile) -> None:
        self.zip = source
        self.infos = {i.filename: i for i in source.infolist() if not i.is_dir()}
        self.changed: dict[str, bytes] = {}
        self.added: dict[str, bytes] = {}
        self.dropped: set[str] = set()

    def names(self) -> set[str]:
        return (set(self.infos) | set(self.added)) - self.dropped

    def read(self, name: str) -> bytes:
        if name in self.changed:
            return self.changed[name]
        if name in self.added:
            return self.added[name]
        return self.zip.read(self.infos[name])

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")

    def put(self, name: str, data: bytes | str) -> None:
        blob = data.encode("utf-8") if isinstance(data, str) else data
        if name in self.infos:
            self.changed[name] = blob
        else:
            self.added[name] = blob

    def free_name(self, pattern: str) -> str:
        names = {n.lower() for n in self.names()}
        k = 1
        while pattern.format(k).lower() in names:
            k += 1
        return pattern.format(k)

    def write(self, fh, progress: ProgressFn, lo: float, hi: float) -> None:
        names = [n for n in self.infos if n not in self.dropped]
        total = len(names) + len(self.added)
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as out:
            # [Content_Types].xml first, as Office writes it.
            order = sorted(names, key=lambda n: n != "[Content_Types].xml")
            for k, name in enumerate(order):
                progress(lo + (hi - lo) * k / max(1, total), "Writing the workbook")
                info = self.infos[name]
                if name in self.changed:
                    data = self.changed[name]
                    out.writestr(
                        _new_info(name, info.date_time), data, compresslevel=_level(len(data))
                    )
                else:
                    _copy_part(self.zip, info, out)
            for name, data in self.added.items():
                out.writestr(_new_info(name), data, compresslevel=_level(len(data)))


def _new_info(name: str, date_time: tuple | None = None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time or datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


#: Parts larger than this (uncompressed) are deflated faster and a little less tightly.
_BIG_PART = 8 * 2**20


def _level(size: int) -> int:
    return 3 if size > _BIG_PART else 6


def _copy_part(src: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """Copy one part unchanged: its bytes are the city's."""
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.external_attr = info.external_attr
    stored = info.compress_type == zipfile.ZIP_STORED
    new.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    out.writestr(new, src.read(info), compresslevel=None if stored else _level(info.file_size))


def _rels_path(part: str) -> str:
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def _rel_target(from_part: str, to_part: str) -> str:
    return posixpath.relpath(to_part, posixpath.dirname(from_part))


def _resolve(from_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_part), target))


_REL_RE = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)/?>")
_ATTR_RE = re.compile(r'(\w+(?::\w+)?)="([^"]*)"')


def _relationships(pkg: _Package, part: str) -> list[dict[str, str]]:
    path = _rels_path(part)
    if path not in pkg.names():
        return []
    return [dict(_ATTR_RE.findall(m.group(1))) for m in _REL_RE.finditer(pkg.text(path))]


def _add_relationships(pkg: _Package, part: str, rels: list[tuple[str, str, str]]) -> list[str]:
    """Add ``(type, target part, '')`` relationships to ``part``; returns their ids."""
    path = _rels_path(part)
    if path in pkg.names():
        xml = pkg.text(path)
    else:
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PKG_REL}"></Relationships>'
        )
    used = set(re.findall(r'\bId="([^"]*)"', xml))
    ids: list[str] = []
    items: list[str] = []
    k = 1
    for rel_type, target, _ in rels:
        while f"rIdBB{k}" in used:
            k += 1
        rid = f"rIdBB{k}"
        used.add(rid)
        ids.append(rid)
        items.append(
            f'<Relationship Id="{rid}" Type="{rel_type}" '
            f'Target="{_attr(_rel_target(part, target))}"/>'
        )
    m = re.search(r"</(\w+:)?Relationships>", xml)
    if m is None:  # an empty element <Relationships .../>
        xml = re.sub(r"<((?:\w+:)?Relationships\b[^>]*?)/>", r"<\1></Relationships>", xml, count=1)
        m = re.search(r"</(\w+:)?Relationships>", xml)
        assert m is not None
    p = m.group(1) or ""
    items = [i.replace("<Relationship ", f"<{p}Relationship ") for i in items]
    pkg.put(path, xml[: m.start()] + "".join(items) + xml[m.start() :])
    return ids


class _ContentTypes:
    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        self.xml = pkg.text("[Content_Types].xml")

    def default(self, ext: str, ctype: str) -> None:
        if re.search(rf'Extension="{ext}"', self.xml, flags=re.I):
            return
        self._insert(f'<Default Extension="{ext}" ContentType="{ctype}"/>')

    def override(self, part: str, ctype: str) -> None:
        self._insert(f'<Override PartName="/{part}" ContentType="{ctype}"/>')

    def drop(self, part: str) -> None:
        self.xml = re.sub(
            rf'<(\w+:)?Override\b[^>]*PartName="/{re.escape(part)}"[^>]*/>', "", self.xml
        )

    def retype(self, old: str, new: str) -> None:
        self.xml = self.xml.replace(f'ContentType="{old}"', f'ContentType="{new}"')

    def _insert(self, item: str) -> None:
        i = self.xml.rindex("</")
        self.xml = self.xml[:i] + item + self.xml[i:]

    def save(self) -> None:
        self.pkg.put("[Content_Types].xml", self.xml)


def _workbook_part(pkg: _Package) -> str:
    for rel in _relationships(pkg, ""):
        if rel.get("Type", "").endswith("/officeDocument"):
            return _resolve("", rel.get("Target", "xl/workbook.xml"))
    return "xl/workbook.xml"


def _sheet_parts(pkg: _Package, workbook: str) -> dict[str, str]:
    """``{sheet name: part}`` of the workbook's worksheets, in tab order."""
    rels = {r.get("Id"): r for r in _relationships(pkg, workbook)}
    xml = pkg.text(workbook)
    out: dict[str, str] = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", xml):
        attrs = dict(_ATTR_RE.findall(m.group(1)))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
        rel = rels.get(rid)
        if rel is None or not rel.get("Type", "").endswith("/worksheet"):
            continue
        name = _unescape_attr(attrs.get("name", ""))
        out[name] = _resolve(workbook, rel.get("Target", ""))
    return out


def _unescape_attr(text: str) -> str:
    from xml.sax.saxutils import unescape

    return unescape(text, {"&quot;": '"', "&apos;": "'"})


# ---- annotated cells: styles, comments, VML -----------------------------------------------------
@dataclass
class _CellNote:
    row: int  # 1-based
    col: int  # 1-based
    text: str
    stance: str  # a key of STANCE_FILLS


def _cell_stance(notes: Sequence[Annotation]) -> str:
    stances = {a.stance for a in notes if a.stance}
    if not stances:
        return "noted"
    return stances.pop() if len(stances) == 1 else "mixed"


def _comment_text(notes: Sequence[Annotation]) -> str:
    parts = [f"Community notes ({len(notes)})"]
    for a in notes:
        head = f"[{a.stance}] " if a.stance else ""
        who = f" — {a.author}" if a.author else ""
        tags = f" #{' #'.join(a.tags)}" if a.tags else ""
        parts.append(f"• {head}{a.text}{who}{tags}")
    authors = sorted({a.author for a in notes if a.author})
    if authors:
        parts.append("By: " + ", ".join(authors))
    return _ILLEGAL_XML.sub("", "\n".join(parts))


_CELL_TAG_RE = re.compile(rb"<(\w+:)?c\b[^>]*>")


def _patch_cells(
    data: bytes, cells: Sequence[_CellNote]
) -> tuple[bytes, dict[tuple[int, int], int]]:
    """Find each annotated cell in a sheet's XML; returns the XML with a placeholder style on
    each (``s="\x00k\x00"``, filled in once styles exist) and each cell's original style."""
    edits: list[tuple[int, int, bytes]] = []
    originals: dict[tuple[int, int], int] = {}
    cursor = data.find(b"<sheetData") if b"<sheetData" in data else 0
    if cursor < 0:
        cursor = 0
    for k, c in enumerate(sorted(cells, key=lambda c: (c.row, c.col))):
        needle = f' r="{column_letter(c.col)}{c.row}"'.encode()
        pos = data.find(needle, cursor)
        if pos < 0:
            pos = data.find(needle)  # cells out of order: search from the top once
        if pos < 0:
            continue  # an empty cell the file does not hold: the comment still shows
        start = data.rfind(b"<", 0, pos)
        m = _CELL_TAG_RE.match(data, start)
        if m is None or m.end() <= pos:
            continue
        tag = m.group(0)
        sm = re.search(rb'\ss="(\d+)"', tag)
        originals[(c.row, c.col)] = int(sm.group(1)) if sm else 0
        placeholder = f' s="\x00{k}\x00"'.encode()
        if sm:
            new_tag = tag[: sm.start()] + placeholder + tag[sm.end() :]
        else:
            cut = len(tag) - (2 if tag.endswith(b"/>") else 1)
            new_tag = tag[:cut] + placeholder + tag[cut:]
        edits.append((m.start(), m.end(), new_tag))
        cursor = m.end()
    edits.sort()
    out, last = [], 0
    for s, e, rep in edits:
        out.append(data[last:s])
        out.append(rep)
        last = e
    out.append(data[last:])
    return b"".join(out), originals


_LEGACY_AFTER = (
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
)


def _insert_legacy_drawing(data: bytes, rid: str) -> bytes:
    root = re.search(rb"<(\w+:)?worksheet\b", data)
    p = (root.group(1) or b"") if root else b""
    element = f'<{p.decode()}legacyDrawing xmlns:r="{NS_REL}" r:id="{rid}"/>'.encode()
    tail_start = data.rfind(b"</" + p + b"sheetData>")
    if tail_start < 0:
        tail_start = 0
    for name in _LEGACY_AFTER:
        pos = data.find(b"<" + p + name.encode(), tail_start)
        if pos >= 0 and data[pos + len(p) + 1 + len(name) : pos + len(p) + 2 + len(name)] in (
            b" ",
            b">",
            b"/",
        ):
            return data[:pos] + element + data[pos:]
    end = data.rfind(b"</" + p + b"worksheet>")
    return data[:end] + element + data[end:]


def _comments_xml(notes: Sequence[_CellNote]) -> str:
    items = "".join(
        f'<comment ref="{column_letter(n.col)}{n.row}" authorId="0"><text><r><rPr><sz val="9"/>'
        f'<rFont val="Tahoma"/></rPr><t xml:space="preserve">{_esc(n.text)}</t></r></text>'
        "</comment>"
        for n in notes
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<comments xmlns="{NS_MAIN}"><authors><author>Community notes</author></authors>'
        f"<commentList>{items}</commentList></comments>"
    )


def _vml_xml(notes: Sequence[_CellNote], first_block: int) -> str:
    blocks = len(notes) // 1024 + 1
    data = ",".join(str(first_block + b) for b in range(blocks))
    shapes = []
    for k, n in enumerate(notes):
        sid = 1024 * first_block + 1 + k
        r0, c0 = n.row - 1, n.col - 1
        anchor = f"{c0 + 1}, 15, {max(r0 - 1, 0)}, 10, {c0 + 4}, 15, {max(r0 - 1, 0) + 6}, 4"
        shapes.append(
            f'<v:shape id="_x0000_s{sid}" type="#_x0000_t202" style="position:absolute;'
            "margin-left:80pt;margin-top:2pt;width:220pt;height:110pt;z-index:"
            f'{k + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"></div></v:textbox>'
            '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f"<x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{r0}</x:Row><x:Column>{c0}</x:Column></x:ClientData></v:shape>"
        )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{data}"/></o:shapelayout>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        + "".join(shapes)
        + "</xml>"
    )


def _merge_comments(pkg: _Package, comments_part: str, vml_part: str | None, notes, block: int):
    """A sheet that already has comments: add ours to its parts (text appended to a cell that
    already carries a comment)."""
    xml = pkg.text(comments_part)
    p = _root_prefix(xml, "comments")
    n_authors = len(re.findall(rf"<{p}author\b", xml))
    if re.search(rf"</{p}authors>", xml):
        xml = xml.replace(
            f"</{p}authors>", f"<{p}author>Community notes</{p}author></{p}authors>", 1
        )
    have = set(re.findall(rf'<{p}comment\b[^>]*\bref="([A-Z]+\d+)"', xml))
    fresh = []
    for n in notes:
        ref = f"{column_letter(n.col)}{n.row}"
        run = f'<{p}r><{p}t xml:space="preserve">{_esc(chr(10) + n.text)}</{p}t></{p}r>'
        if ref in have:
            pat = re.compile(rf'(<{p}comment\b[^>]*\bref="{ref}"[^>]*>.*?)(</{p}text>)', re.S)
            xml = pat.sub(lambda m, run=run: m.group(1) + run + m.group(2), xml, count=1)
        else:
            fresh.append(n)
            xml = xml.replace(
                f"</{p}commentList>",
                f'<{p}comment ref="{ref}" authorId="{n_authors}"><{p}text>{run}</{p}text>'
                f"</{p}comment></{p}commentList>",
                1,
            )
    pkg.put(comments_part, xml)
    if vml_part and fresh:
        vml = pkg.text(vml_part)
        ours = _vml_xml(fresh, block)
        shapes = ours[ours.index("<v:shape ") : ours.rindex("</xml>")]
        extra = ",".join(str(block + b) for b in range(len(fresh) // 1024 + 1))
        vml = re.sub(
            r'(<o:idmap\b[^>]*\bdata=")([^"]*)"',
            lambda m: f'{m.group(1)}{m.group(2)},{extra}"',
            vml,
            count=1,
        )
        i = vml.rindex("</xml>")
        pkg.put(vml_part, vml[:i] + shapes + vml[i:])


# ---- the added sheets -----------------------------------------------------------------------
_PRIORITY_HEADER = (
    "Note ID",
    "Level",
    "Key",
    "Target",
    "Note",
    "Themes",
    "Stance",
    "Author",
    "Written",
    "Source cell",
)
_VOTES_RAW_TITLE = "Every dot placed"
_VOTES_RAW_HEADER = ("Participant", "Group", "Dots to place", "Level", "Key", "Item", "Dots")


def _priorities_sheet(st: _Styles, index: LineIndex, community: Community, cell_of) -> _SheetWriter:
    w = _SheetWriter(st)
    w.add(_Cell("Community Priorities: the room's notes", "title"), height=22)
    w.add(
        _Cell(
            "One row per note, on a line, program, department or fund. A line's notes are also "
            "comments on its amounts in the budget sheet, coloured by stance:",
            "text",
        )
    )
    w.add(*(_Cell(STANCE_WORDS[s], f"legend_{s}") for s in STANCE_FILLS))
    w.add()
    header = [*_PRIORITY_HEADER, *(LABELS[c] for c in IDENTITY_COLUMNS)]
    w.add(*(_Cell(h, "header") for h in header), height=30)
    w.freeze_row = 5
    for a in community.annotations:
        rows = index.rows.get(a.key, []) if a.level == "line" else []
        where = cell_of(rows[0]) if rows else None
        anchor = dict(a.anchor or {})
        if rows:
            known = index.labels[a.key]
            anchor = {c: known.get(c, "") for c in IDENTITY_COLUMNS}
        w.add(
            _Cell(int(a.id), "int"),
            _Cell(a.level),
            _Cell(a.key),
            _Cell(index.label(a.level, a.key), "wrap"),
            _Cell(a.text, "wrap"),
            _Cell(", ".join(a.tags)),
            _Cell(a.stance or ""),
            _Cell(a.author or ""),
            _Cell(a.created or ""),
            _Cell(where, "link", link=where) if where else None,
            *(_Cell(anchor.get(c, "")) for c in IDENTITY_COLUMNS),
        )
    for j, width in enumerate((8, 11, 18, 40, 60, 22, 11, 16, 20, 26), start=1):
        w.widths[j] = width
    for j in range(len(_PRIORITY_HEADER) + 1, len(header) + 1):
        w.widths[j] = 16
    return w


def _votes_sheet(st: _Styles, index: LineIndex, community: Community) -> _SheetWriter:
    w = _SheetWriter(st)
    t = community.tally()
    label = index.label

    w.add(_Cell("Votes: where the room put its dots", "title"), height=22)
    people = len(community.participants)
    w.add(_Cell(f"{t.total:,} dots placed by {people:,} participant{'s' if people != 1 else ''}."))
    w.add()
    w.add(_Cell("By item", "subtitle"))
    w.add(*(_Cell(h, "header") for h in ("Item", "Level", "Key", "Dots")))
    for (level, key), dots in t.by_item.items():
        w.add(_Cell(label(level, key), "wrap"), _Cell(level), _Cell(key), _Cell(dots, "int"))
    w.add()
    w.add(_Cell("By theme", "subtitle"))
    w.add(*(_Cell(h, "header") for h in ("Theme", "Dots")))
    for theme, dots in t.by_theme.items():
        w.add(_Cell(theme), _Cell(dots, "int"))
    w.add()
    w.add(_Cell("By group", "subtitle"))
    w.add(*(_Cell(h, "header") for h in ("Group", "Item", "Level", "Key", "Dots")))
    for group, counts in t.by_group.items():
        for (level, key), dots in counts.items():
            w.add(
                _Cell(group or "(no group)"),
                _Cell(label(level, key), "wrap"),
                _Cell(level),
                _Cell(key),
                _Cell(dots, "int"),
            )
    w.add()
    w.add(_Cell(_VOTES_RAW_TITLE, "subtitle"))
    w.add(*(_Cell(h, "header") for h in _VOTES_RAW_HEADER))
    placed: dict[str, list[Vote]] = defaultdict(list)
    for v in community.votes:
        placed[v.participant].append(v)
    for p in community.participants:
        mine = placed.pop(p.name, [])
        if not mine:
            w.add(_Cell(p.name), _Cell(p.group or ""), _Cell(int(p.dots), "int"))
        for v in mine:
            w.add(
                _Cell(p.name),
                _Cell(p.group or ""),
                _Cell(int(p.dots), "int"),
                _Cell(v.level),
                _Cell(v.key),
                _Cell(label(v.level, v.key), "wrap"),
                _Cell(int(v.dots), "int"),
            )
    for widthj, width in enumerate((34, 40, 14, 18, 40, 40, 8), start=1):
        w.widths[widthj] = width
    return w


def _scenarios_sheet(st: _Styles, results: Sequence[ScenarioResult]) -> _SheetWriter:
    w = _SheetWriter(st)
    w.add(_Cell("Scenarios: the what-ifs the room saved", "title"), height=22)
    if not results:
        w.add(_Cell("No Pensions or Tradeoffs scenario was saved in this session."))
    for res in results:
        w.add()
        kind = "Pension scenario" if res.kind == "pension" else "General Fund forecast"
        w.add(_Cell(f"{kind}: {res.name}", "subtitle"))
        w.add(_Cell("Inputs", "header"), _Cell("Value", "header"))
        for label, value in res.inputs:
            w.add(_Cell(label), _Cell(value, "wrap"))
        if res.note:
            w.add(_Cell("Note"), _Cell(res.note, "wrap"))
        if len(res.table.columns):
            w.add(_Cell("Year by year", "header"))
            w.add(*(_Cell(str(c), "header") for c in res.table.columns))
            for rec in res.table.itertuples(index=False):
                cells = []
                for col, v in zip(res.table.columns, rec, strict=True):
                    if isinstance(v, str):
                        cells.append(_Cell(v, "wrap"))
                    elif col == "Fiscal year":
                        cells.append(_Cell(int(v), "year") if v == v else None)
                    elif col in res.percent:
                        cells.append(_Cell(float(v), "pct"))
                    elif col in res.money:
                        cells.append(_Cell(float(v), "money"))
                    else:
                        cells.append(_Cell(float(v), "decimal"))
                w.add(*cells)
    for j, width in enumerate((34, 30, 22, 22, 22, 22, 18, 40), start=1):
        w.widths[j] = width
    return w


def _charts_sheet(st: _Styles, images: Sequence[ChartImage]) -> tuple[_SheetWriter, list[int]]:
    """The sheet, and the row (0-based) where each image's top-left corner goes."""
    w = _SheetWriter(st)
    w.add(_Cell("Charts", "title"), height=22)
    anchors: list[int] = []
    if not images:
        w.add(_Cell("No charts were drawn for this export."))
    row = 2
    for img in images:
        while w.row_count < row:
            w.add()
        w.add(_Cell(img.title, "subtitle"))
        anchors.append(row + 1)
        rows_needed = math.ceil(img.height_px / 20.0) + 2
        row += 1 + rows_needed
    w.widths[1] = 12
    return w, anchors


def _drawing_xml(images: Sequence[ChartImage], rows: Sequence[int], rids: Sequence[str]) -> str:
    items = []
    for k, (img, row, rid) in enumerate(zip(images, rows, rids, strict=True)):
        cx, cy = img.width_px * _EMU_PER_PX, img.height_px * _EMU_PER_PX
        items.append(
            f"<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
            f'<xdr:ext cx="{cx}" cy="{cy}"/><xdr:pic><xdr:nvPicPr>'
            f'<xdr:cNvPr id="{k + 2}" name="Chart {k + 1}" descr="{_attr(img.title)}"/>'
            '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>'
            f'<xdr:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
            "<xdr:clientData/></xdr:oneCellAnchor>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        f' xmlns:r="{NS_REL}">' + "".join(items) + "</xdr:wsDr>"
    )


def _about_sheet(st: _Styles, rows: Sequence[tuple[str, Any]]) -> _SheetWriter:
    w = _SheetWriter(st)
    w.add(_Cell(EXPORT_MARKER, "title"), _Cell("This workbook was written by budgetbench.", "text"))
    w.add()
    for label, value in rows:
        w.add(_Cell(label, "header"), _Cell(value, "wrap") if isinstance(value, str) else value)
    w.widths[1] = 30
    w.widths[2] = 90
    return w


def added_sheet_names(sheets: Sequence[Any]) -> frozenset[str]:
    """The names of the sheets an export added, from raw sheets (``io.readers.RawSheet``):
    empty when no sheet carries :data:`EXPORT_MARKER` in A1 with a "Sheets added" row.

    An importer skips these so an exported workbook loads the same lines as its source."""
    for sheet in sheets:
        cells = getattr(sheet, "cells", None)
        if cells is None or cells.shape[0] < 2 or cells.shape[1] < 2:
            continue
        if getattr(sheet, "row_offset", 0) or getattr(sheet, "col_offset", 0):
            continue
        if str(cells.iat[0, 0]).strip() != EXPORT_MARKER:
            continue
        for i in range(min(cells.shape[0], 60)):
            if str(cells.iat[i, 0]).strip() == "Sheets added":
                try:
                    names = json.loads(str(cells.iat[i, 1]))
                except (json.JSONDecodeError, TypeError):
                    return frozenset()
                return frozenset(str(n) for n in names if isinstance(n, str))
    return frozenset()


# ---- the lines as a table (a source that is not an xlsx) -------------------------------------
_LINE_COLUMNS = (
    "fiscal_year",
    "phase",
    "direction",
    "fund_code",
    "fund_name",
    "fund_type",
    "department",
    "division",
    "program",
    "account_code",
    "account_name",
    "category",
    "recurring",
    "is_transfer",
    "amount",
    "line_key",
)


def _base_package(budget: Budget, progress: ProgressFn) -> bytes:
    """A minimal workbook whose one sheet holds the normalised lines as an Excel table.

    Its styles.xml has the default formats and a money format (index 1)."""
    lines = budget.lines
    cols = list(_LINE_COLUMNS)
    n = len(lines)
    head = "".join(
        f'<c r="{column_letter(j)}1" s="2" t="inlineStr"><is><t>{_esc(LABELS[c])}</t></is></c>'
        for j, c in enumerate(cols, start=1)
    )
    chunks = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
        f'<dimension ref="A1:{column_letter(len(cols))}{n + 1}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" '
        'topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>'
        + "".join(
            f'<col min="{j}" max="{j}" width="{16 if c != "amount" else 18}" customWidth="1"/>'
            for j, c in enumerate(cols, start=1)
        )
        + f'</cols><sheetData><row r="1">{head}</row>'
    ]
    values = {
        c: lines[c].astype(str).tolist()
        if c not in ("amount", "fiscal_year", "is_transfer")
        else lines[c].tolist()
        for c in cols
    }
    letters = [column_letter(j) for j in range(1, len(cols) + 1)]
    text_cache: dict[str, str] = {}

    def text_cell(ref: str, v: str) -> str:
        body = text_cache.get(v)
        if body is None:
            t, quoted = formula_safe(v)
            s = 3 if quoted else 0
            body = f'" s="{s}" t="inlineStr"><is><t xml:space="preserve">{_esc(t)}</t></is></c>'
            if len(text_cache) < 200_000:
                text_cache[v] = body
        return f'<c r="{ref}{body}'

    step = max(1, n // 20)
    for i in range(n):
        if i % step == 0:
            progress(0.05 + 0.25 * i / max(1, n), "Writing the lines")
        r = i + 2
        cells = []
        for j, c in enumerate(cols):
            v = values[c][i]
            ref = f"{letters[j]}{r}"
            if c == "amount":
                f = float(v)
                cells.append(f'<c r="{ref}" s="1"><v>{f!r}</v></c>' if math.isfinite(f) else "")
            elif c == "fiscal_year":
                cells.append(f'<c r="{ref}"><v>{int(v)}</v></c>')
            elif c == "is_transfer":
                cells.append(f'<c r="{ref}" t="b"><v>{int(bool(v))}</v></c>')
            elif v:
                cells.append(text_cell(ref, v))
        chunks.append(f'<row r="{r}">{"".join(cells)}</row>')
    chunks.append(
        '</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" '
        'header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
        "</worksheet>"
    )
    ref = f"A1:{column_letter(len(cols))}{max(n, 1) + 1}"
    table = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<table xmlns="{NS_MAIN}" id="1" name="BudgetLines" displayName="BudgetLines" '
        f'ref="{ref}" totalsRowShown="0"><autoFilter ref="{ref}"/>'
        f'<tableColumns count="{len(cols)}">'
        + "".join(
            f'<tableColumn id="{j}" name="{_attr(LABELS[c])}"/>' for j, c in enumerate(cols, 1)
        )
        + '</tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" '
        'showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<styleSheet xmlns="{NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
        f'formatCode="{_attr(_MONEY_FORMAT)}"/></numFmts><fonts count="2"><font><sz val="11"/>'
        '<name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
        '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
        'xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" '
        'applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" '
        'quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
        'builtinId="0"/></cellStyles></styleSheet>'
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CT_MAIN}"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT_WORKSHEET}"/>'
            f'<Override PartName="/xl/tables/table1.xml" ContentType="{CT_TABLE}"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
            'package.core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>'
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_esc(formula_safe(budget.name)[0])}</dc:title>"
            "<dc:creator>budgetbench</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{_now_utc()}</dcterms:created>'
            "</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><bookViews><workbookView/>'
            f'</bookViews><sheets><sheet name="{SHEET_LINES}" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL_WORKSHEET}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{NS_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": "".join(chunks),
        "xl/worksheets/_rels/sheet1.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" Type="{REL_TABLE}" '
            'Target="../tables/table1.xml"/></Relationships>'
        ),
        "xl/tables/table1.xml": table,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in parts.items():
            z.writestr(_new_info(name), text.encode("utf-8"))
    return buf.getvalue()


def _now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- the export -------------------------------------------------------------------------------
@dataclass
class ExportSummary:
    """What an export wrote (for the message shown after it)."""

    path: Path
    notes: int = 0
    commented_cells: int = 0
    sheets_added: tuple[str, ...] = ()
    macros_dropped: bool = False
    notes_without_cell: int = 0


def _free_sheet_name(wanted: str, taken: set[str]) -> str:
    lower = {t.lower() for t in taken}
    name, k = wanted, 2
    while name.lower() in lower:
        name = f"{wanted} ({k})"
        k += 1
    return name


def atomic_write(path: Path, write, suffix: str = ".tmp") -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, then rename it over ``path``;
    on any failure (or :class:`Cancelled`) no file is left behind."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{suffix}")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def export_workbook(
    path: str | Path,
    budget: Budget,
    community: Community | Session | None = None,
    *,
    images: Sequence[ChartImage] = (),
    scenarios: Sequence[ScenarioResult] | None = None,
    mapping_text: str = "",
    progress: ProgressFn | None = None,
) -> ExportSummary:
    """Write the annotated workbook to ``path`` (an .xlsx).

    ``community`` is the room's work (a :class:`Community`, an open session, or None for a
    plain export). ``images`` are the Charts sheet's PNGs (see :mod:`budgetbench.render`);
    ``scenarios`` default to :func:`scenario_results` of ``budget``. ``progress`` may raise
    :class:`Cancelled`; the file appears only when complete.
    """
    out = Path(path)
    progress = progress or no_progress
    if out.suffix.lower() != ".xlsx":
        raise BudgetError("an annotated workbook is saved as .xlsx", path=str(out))
    if not out.parent.is_dir():
        raise BudgetError("the folder does not exist", path=str(out))
    if not isinstance(community, Community):
        community = Community.from_session(community)
    progress(0.0, "Preparing the export")
    source = Path(budget.source_path) if budget.source_path else None
    suffix = source.suffix.lower() if source else ""
    patch_source = source is not None and suffix in (".xlsx", ".xlsm") and source.is_file()
    if source is not None and source.is_file() and out.resolve() == source.resolve():
        raise BudgetError(
            "choose another name: the export would replace the budget file itself", path=str(out)
        )
    if scenarios is None:
        scenarios = scenario_results(budget)
    if patch_source:
        assert source is not None
        if budget.source_sha256:
            from budgetbench.io.loader import sha256_of

            if sha256_of(source) != budget.source_sha256:
                raise BudgetError(
                    "the budget file changed after it was opened; open it again, then export",
                    path=str(source),
                )
        try:
            src_zip = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BudgetError(f"cannot read the source workbook: {exc}", path=str(source)) from exc
    else:
        src_zip = zipfile.ZipFile(io.BytesIO(_base_package(budget, progress)))
    with src_zip:
        pkg = _Package(src_zip)
        summary = ExportSummary(path=out, notes=len(community.annotations))
        _build(
            pkg, budget, community, images, scenarios, mapping_text, patch_source, summary, progress
        )
        progress(0.35, "Writing the workbook")
        try:
            atomic_write(out, lambda fh: pkg.write(fh, progress, 0.35, 0.99))
        except OSError as exc:
            raise BudgetError(
                f"cannot write the workbook: {exc.strerror or exc}", path=str(out)
            ) from exc
    progress(1.0, "Done")
    return summary


def _build(pkg, budget, community, images, scenarios, mapping_text, patched, summary, progress):
    workbook = _workbook_part(pkg)
    ct = _ContentTypes(pkg)
    sheets = _sheet_parts(pkg, workbook)
    # Macros stay behind: the export is a plain .xlsx.
    macros = [
        n for n in pkg.names() if re.search(r"vbaProject|vbaData|vbaProjectSignature", n, re.I)
    ]
    if macros or CT_MAIN_MACRO in ct.xml:
        summary.macros_dropped = True
        for n in macros:
            pkg.dropped.add(n)
            ct.drop(n)
        ct.retype(CT_MAIN_MACRO, CT_MAIN)
        rels_path = _rels_path(workbook)
        if rels_path in pkg.names():
            xml = pkg.text(rels_path)
            xml = re.sub(r"<(\w+:)?Relationship\b[^>]*vbaProject[^>]*/>", "", xml)
            pkg.put(rels_path, xml)
    # Where each line's amount sits, and which cells get which notes.
    lines = budget.lines
    if patched:
        sheet_names = lines["src_sheet"].astype(str).to_numpy()
        rows = lines["src_row"].to_numpy()
        cols = lines["src_col"].to_numpy()
        only_sheet = next(iter(sheets)) if len(sheets) == 1 else None

        def cell_at(i: int) -> tuple[str, int, int] | None:
            name = sheet_names[i] or only_sheet
            if not name or name not in sheets or rows[i] <= 0 or cols[i] <= 0:
                return None
            return name, int(rows[i]), int(cols[i])
    else:
        amount_col = _LINE_COLUMNS.index("amount") + 1

        def cell_at(i: int) -> tuple[str, int, int] | None:
            return SHEET_LINES, i + 2, amount_col

    def cell_ref(i: int) -> str | None:
        where = cell_at(i)
        if where is None:
            return None
        return f"{_quote_sheet(where[0])}!{column_letter(where[2])}{where[1]}"

    index = LineIndex.of(budget, community)
    by_cell: dict[tuple[str, int, int], list[Annotation]] = defaultdict(list)
    for a in community.annotations:
        if a.level != "line":
            continue
        rows_of = index.rows.get(a.key, [])
        if not rows_of:
            summary.notes_without_cell += 1
        for i in rows_of:
            where = cell_at(i)
            if where is not None:
                by_cell[where].append(a)
    per_sheet: dict[str, list[_CellNote]] = defaultdict(list)
    for (name, r, c), notes in by_cell.items():
        per_sheet[name].append(_CellNote(r, c, _comment_text(notes), _cell_stance(notes)))
    summary.commented_cells = len(by_cell)
    progress(0.05, "Marking the annotated cells")
    # Sheet XML: placeholders on annotated cells, and their original formats.
    patched_xml: dict[str, tuple[bytes, dict, list[_CellNote]]] = {}
    for k, (name, notes) in enumerate(per_sheet.items()):
        progress(0.05 + 0.2 * k / max(1, len(per_sheet)), f"Annotating sheet {name}")
        part = sheets[name]
        data, originals = _patch_cells(pkg.read(part), notes)
        patched_xml[part] = (data, originals, sorted(notes, key=lambda n: (n.row, n.col)))
    # Styles
    styles_part = None
    for rel in _relationships(pkg, workbook):
        if rel.get("Type", "").endswith("/styles"):
            styles_part = _resolve(workbook, rel.get("Target", ""))
    if styles_part is None or styles_part not in pkg.names():
        styles_part = posixpath.join(posixpath.dirname(workbook), "styles.xml")
        pkg.put(
            styles_part,
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{NS_MAIN}"></styleSheet>',
        )
        _add_relationships(pkg, workbook, [(NS_REL + "/styles", styles_part, "")])
        ct.override(
            styles_part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
        )
    st = _Styles(pkg.text(styles_part))
    pairs = []
    for _data, originals, notes in patched_xml.values():
        for n in notes:
            if (n.row, n.col) in originals:
                pairs.append((originals[(n.row, n.col)], n.stance))
    st.prepare(pairs)
    pkg.put(styles_part, st.xml)
    # Comments, VML, and the final style of each annotated cell.
    block = 1
    for part, (data, originals, notes) in patched_xml.items():
        order = sorted(notes, key=lambda n: (n.row, n.col))
        placeholder_style = {}
        for k, n in enumerate(order):
            if (n.row, n.col) in originals:
                placeholder_style[k] = st.annotated(originals[(n.row, n.col)], n.stance)
        data = re.sub(
            rb' s="\x00(\d+)\x00"',
            lambda m, ps=placeholder_style: f' s="{ps[int(m.group(1))]}"'.encode(),
            data,
        )
        existing = {r.get("Type", ""): r for r in _relationships(pkg, part)}
        old_comments = existing.get(REL_COMMENTS)
        old_vml = existing.get(REL_VML)
        if old_comments is not None:
            vml_part = _resolve(part, old_vml["Target"]) if old_vml else None
            _merge_comments(
                pkg, _resolve(part, old_comments["Target"]), vml_part, order, 100 + block
            )
            block += len(order) // 1024 + 1
        else:
            comments = pkg.free_name("xl/comments{}.xml")
            pkg.put(comments, _comments_xml(order))
            ct.override(comments, CT_COMMENTS)
            if old_vml is None:
                vml = pkg.free_name("xl/drawings/vmlDrawing{}.vml")
                pkg.put(vml, _vml_xml(order, 100 + block))
                block += len(order) // 1024 + 1
                ct.default("vml", CT_VML)
                _rid_c, rid_v = _add_relationships(
                    pkg, part, [(REL_COMMENTS, comments, ""), (REL_VML, vml, "")]
                )
                data = _insert_legacy_drawing(data, rid_v)
            else:  # a VML part (e.g. form controls) without comments: add our shapes to it
                vml = _resolve(part, old_vml["Target"])
                text = pkg.text(vml)
                ours = _vml_xml(order, 100 + block)
                shapes = ours[ours.index("<v:shapetype ") : ours.rindex("</xml>")]
                i = text.rindex("</xml>")
                pkg.put(vml, text[:i] + shapes + text[i:])
                block += len(order) // 1024 + 1
                _add_relationships(pkg, part, [(REL_COMMENTS, comments, "")])
        pkg.put(part, data)
    # The added sheets
    progress(0.25, "Writing the room's sheets")
    taken = set(sheets)
    names = {}
    for wanted in ADDED_SHEETS:
        names[wanted] = _free_sheet_name(wanted, taken)
        taken.add(names[wanted])
    summary.sheets_added = tuple(names[s] for s in ADDED_SHEETS)
    writers: dict[str, _SheetWriter] = {}
    writers[SHEET_PRIORITIES] = _priorities_sheet(st, index, community, cell_ref)
    writers[SHEET_VOTES] = _votes_sheet(st, index, community)
    writers[SHEET_SCENARIOS] = _scenarios_sheet(st, scenarios)
    charts, anchors = _charts_sheet(st, images)
    writers[SHEET_CHARTS] = charts
    source_name = Path(budget.source_path).name if budget.source_path else budget.name
    report = budget.report
    mapping = mapping_text or (
        json.dumps(getattr(report, "mapping", {}) or {}, ensure_ascii=False, sort_keys=True)
        if report is not None
        else ""
    )
    t = community.tally()
    about_rows: list[tuple[str, Any]] = [
        ("Source file", source_name),
        ("Source SHA-256", budget.source_sha256 or ""),
        (
            "Source format",
            getattr(report, "file_format", "")
            or (source_name.rsplit(".", 1)[-1] if "." in source_name else ""),
        ),
        (
            "Sheets from the source",
            json.dumps(list(sheets) if patched else [SHEET_LINES], ensure_ascii=False),
        ),
        ("Sheets added", json.dumps(list(summary.sheets_added), ensure_ascii=False)),
        ("Column mapping", mapping),
        ("Lines", _Cell(len(budget.lines), "int")),
        ("Notes", _Cell(len(community.annotations), "int")),
        ("Participants", _Cell(len(community.participants), "int")),
        ("Dots placed", _Cell(t.total, "int")),
        ("Themes", json.dumps(list(community.tags), ensure_ascii=False)),
        (
            "Stance colours",
            "; ".join(f"{STANCE_WORDS[s]} #{STANCE_FILLS[s][2:]}" for s in STANCE_FILLS),
        ),
        (
            "Macros",
            "The source workbook held macros (VBA); they were not carried into this .xlsx."
            if summary.macros_dropped
            else "None (an export never carries macros).",
        ),
        (
            "Source cells",
            "The source's sheets are unchanged except for comments and a fill colour on "
            "annotated amounts."
            if patched
            else "The source was not an Excel workbook: its lines are on the sheet "
            f"'{SHEET_LINES}'.",
        ),
        ("Text safety", "Text typed in the room is stored as text, never as a formula."),
        ("App version", _app_version()),
        ("Exported (UTC)", _now_utc()),
        ("Export schema version", _Cell(EXPORT_SCHEMA_VERSION, "int")),
    ]
    writers[SHEET_ABOUT] = _about_sheet(st, about_rows)
    pkg.put(styles_part, st.xml)
    # Images and their drawing
    if images:
        media = []
        for img in images:
            name = pkg.free_name("xl/media/bbchart{}.png")
            pkg.put(name, img.png)
            media.append(name)
        ct.default("png", "image/png")
        drawing = pkg.free_name("xl/drawings/drawing{}.xml")
        rids = _add_relationships(pkg, drawing, [(REL_IMAGE, m, "") for m in media])
        pkg.put(drawing, _drawing_xml(images, anchors, rids))
        ct.override(drawing, CT_DRAWING)
    else:
        drawing = None
    # Register the sheets in the workbook
    wb_xml = pkg.text(workbook)
    p = _root_prefix(wb_xml, "workbook")
    sheet_ids = [int(v) for v in re.findall(r'<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"', wb_xml)]
    next_id = max(sheet_ids, default=0) + 1
    new_sheet_elems = []
    tab_colours = {
        SHEET_PRIORITIES: "FF0072B2",
        SHEET_VOTES: "FFE69F00",
        SHEET_SCENARIOS: "FF009E73",
        SHEET_CHARTS: "FFCC79A7",
        SHEET_ABOUT: "FF777777",
    }
    for key in ADDED_SHEETS:
        part = pkg.free_name("xl/worksheets/sheet{}.xml")
        writer = writers[key]
        if key == SHEET_CHARTS and drawing is not None:
            writer.drawing_rid = _add_relationships(pkg, part, [(REL_DRAWING, drawing, "")])[0]
        pkg.put(part, writer.xml(tab_colours[key]))
        ct.override(part, CT_WORKSHEET)
        rid = _add_relationships(pkg, workbook, [(REL_WORKSHEET, part, "")])[0]
        new_sheet_elems.append(
            f'<{p}sheet xmlns:r="{NS_REL}" name="{_attr(names[key])}" sheetId="{next_id}" '
            f'r:id="{rid}"/>'
        )
        next_id += 1
    wb_xml = pkg.text(workbook)
    close = re.search(rf"</{p}sheets>", wb_xml)
    if close is None:
        raise BudgetError("the workbook lists no sheets", path=str(budget.source_path))
    wb_xml = wb_xml[: close.start()] + "".join(new_sheet_elems) + wb_xml[close.start() :]
    pkg.put(workbook, wb_xml)
    ct.save()


def _app_version() -> str:
    from budgetbench import __version__

    return __version__


# ---- reading an export back ---------------------------------------------------------------------
def is_export(path: str | Path) -> bool:
    """Whether ``path`` is a workbook written by :func:`export_workbook` (cheap: reads the
    About sheet's first cell only)."""
    try:
        with zipfile.ZipFile(path) as z:
            pkg = _Package(z)
            wb = _workbook_part(pkg)
            for name, part in _sheet_parts(pkg, wb).items():
                if not name.startswith(SHEET_ABOUT) or part not in pkg.names():
                    continue
                with z.open(part) as fh:
                    head = fh.read(4096).decode("utf-8", errors="replace")
                if f">{EXPORT_MARKER}<" in head:
                    return True
    except (zipfile.BadZipFile, OSError, KeyError, UnicodeDecodeError):
        return False
    return False


def read_community(path: str | Path) -> Community:
    """The notes, themes, participants and dots of an exported workbook.

    Raises :class:`BudgetError` when ``path`` is not an export."""
    from openpyxl import load_workbook

    path = Path(path)
    if not is_export(path):
        raise BudgetError("not a workbook exported by budgetbench (no About sheet)", path=str(path))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise BudgetError(f"cannot read the workbook: {exc}", path=str(path)) from exc
    try:
        about = _find_about(book)
        info = {}
        added: list[str] = []
        for row in about.iter_rows(values_only=True):
            if row and row[0] is not None and len(row) > 1:
                info[str(row[0])] = row[1]
        with contextlib.suppress(json.JSONDecodeError, TypeError):
            added = [str(n) for n in json.loads(str(info.get("Sheets added") or "[]"))]
        names = (
            dict(zip(ADDED_SHEETS, added, strict=False)) if len(added) == len(ADDED_SHEETS) else {}
        )
        tags: list[str] = []
        with contextlib.suppress(json.JSONDecodeError, TypeError):
            tags = [str(t) for t in json.loads(str(info.get("Themes") or "[]"))]
        notes = _read_notes(book[names.get(SHEET_PRIORITIES, SHEET_PRIORITIES)])
        participants, votes = _read_votes(book[names.get(SHEET_VOTES, SHEET_VOTES)])
    except KeyError as exc:
        raise BudgetError(f"the export lacks a sheet ({exc})", path=str(path)) from exc
    finally:
        book.close()
    return Community(annotations=notes, participants=participants, votes=votes, tags=tags)


def _find_about(book):
    for ws in book.worksheets:
        first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None)
        if first and first[0] == EXPORT_MARKER:
            return ws
    raise KeyError(SHEET_ABOUT)


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def _read_notes(ws) -> list[Annotation]:
    header: list[str] | None = None
    out: list[Annotation] = []
    labels = {LABELS[c]: c for c in IDENTITY_COLUMNS}
    for row in ws.iter_rows(values_only=True):
        if header is None:
            if row and row[0] == _PRIORITY_HEADER[0] and _s(row[1]) == _PRIORITY_HEADER[1]:
                header = [_s(v) for v in row]
            continue
        rec = {h: v for h, v in zip(header, row, strict=False)}
        level, key = _s(rec.get("Level")), _s(rec.get("Key"))
        if level not in LEVELS or not key:
            continue
        stance = _s(rec.get("Stance")) or None
        anchor = {
            c: _s(rec.get(label)) for label, c in labels.items() if rec.get(label) is not None
        }
        try:
            nid = int(rec.get("Note ID") or 0)
        except (TypeError, ValueError):
            nid = 0
        out.append(
            Annotation(
                id=nid,
                level=level,
                key=key,
                text=_s(rec.get("Note")),
                tags=clean_tags(_s(rec.get("Themes")).split(",")),
                stance=stance if stance in STANCES else None,
                author=_s(rec.get("Author")) or None,
                created=_s(rec.get("Written")),
                anchor=anchor if level == "line" else {},
            )
        )
    return out


def _read_votes(ws) -> tuple[list[Participant], list[Vote]]:
    in_raw, header = False, None
    people: dict[str, Participant] = {}
    votes: list[Vote] = []
    for row in ws.iter_rows(values_only=True):
        if not in_raw:
            in_raw = bool(row) and row[0] == _VOTES_RAW_TITLE
            continue
        if header is None:
            header = [_s(v) for v in row]
            continue
        rec = dict(zip(header, row, strict=False))
        name = _s(rec.get("Participant")).strip()
        if not name:
            continue
        try:
            dots_total = int(rec.get("Dots to place") or 0)
        except (TypeError, ValueError):
            dots_total = 0
        people.setdefault(name, Participant(name, _s(rec.get("Group")) or None, dots_total))
        level, key = _s(rec.get("Level")), _s(rec.get("Key"))
        try:
            dots = int(rec.get("Dots") or 0)
        except (TypeError, ValueError):
            dots = 0
        if level in (*LEVELS, THEME) and key and dots > 0:
            votes.append(Vote(name, level, key, dots))
    return list(people.values()), votes


@dataclass
class MergeReport:
    notes_added: int = 0
    notes_already_there: int = 0
    participants_added: int = 0
    participants_updated: int = 0
    themes_added: int = 0

    def sentence(self) -> str:
        return (
            f"{self.notes_added} note{'s' if self.notes_added != 1 else ''} added "
            f"({self.notes_already_there} already there), "
            f"{self.participants_added} participant{'s' if self.participants_added != 1 else ''} "
            f"added, {self.participants_updated} updated, {self.themes_added} theme"
            f"{'s' if self.themes_added != 1 else ''} added"
        )


def _note_identity(a: Annotation) -> tuple:
    return (
        a.level,
        a.key,
        " ".join(a.text.split()),
        a.stance or "",
        (a.author or "").strip(),
        tuple(sorted(clean_tags(a.tags))),
    )


def merge_community(session: Session, community: Community) -> MergeReport:
    """Add ``community`` (e.g. :func:`read_community` of a fellow's export) to ``session`` in
    one transaction.

    A note identical to one the session holds (same target, text, stance, author and themes)
    is not added again, so merging the same file twice changes nothing. Themes are added to
    the room's list. A participant new to the session is added with their dots; one already
    there takes the imported group and dots, and their dots are replaced by the imported ones
    when the file placed any.
    """
    from dataclasses import replace

    report = MergeReport()
    have = {_note_identity(a) for a in session.annotations()}
    with session.transaction():
        for a in community.annotations:
            ident = _note_identity(a)
            if ident in have:
                report.notes_already_there += 1
                continue
            have.add(ident)
            session.restore_annotation(replace(a, id=None))  # type: ignore[arg-type]
            report.notes_added += 1
        tags = session.tags()
        extra = [t for t in clean_tags(community.tags) if t not in tags]
        used = [t for a in community.annotations for t in a.tags]
        extra += [t for t in clean_tags(used) if t not in tags and t not in extra]
        if extra:
            session.set_tags([*tags, *extra])
            report.themes_added = len(extra)
        placed: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
        for v in community.votes:
            d = placed[v.participant]
            d[v.target] = d.get(v.target, 0) + v.dots
        for p in community.participants:
            old = session.participant(p.name)
            need = sum(placed.get(p.name, {}).values())
            dots = max(int(p.dots), need)
            if old is None:
                report.participants_added += 1
            elif (old.group or None, old.dots) != (p.group or None, dots):
                report.participants_updated += 1
            session.set_participant(p.name, group=p.group, dots=dots)
            if p.name in placed:
                session.cast_votes(p.name, placed[p.name])
    return report
