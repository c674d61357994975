"""Measure budgetbench against every quality bar of DESIGN §5, each beside its peer, in one run.

    python benchmarks/bench.py                   full sizes: a 200,000-line workbook to open, a
                                                 1,000,000-line table to search and sort, the
                                                 app's memory with 1,000,000 lines loaded
    python benchmarks/bench.py --quick           tiny sizes: checks the harness runs (the tests
                                                 use it); bars are shown but not judged
    python benchmarks/bench.py --json OUT.json   also write the table as JSON
    python benchmarks/bench.py --only load,table one or more groups

Prints one table, ``name | ours | peer | ratio | bar | result``. Every figure is measured in
this run, on generated data (generated workbooks are kept in ``benchmarks/out/`` and reused),
as the median of several runs. ``result`` is pass / FAIL against the bar, "skipped" when the
peer is not installed (LibreOffice), "pending" when a measurement is not there yet, "ERROR"
when a group could not run (the others still do). Exit code 1 when a full run fails a bar, or
when any group could not run. Timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent


@dataclass
class Row:
    name: str
    ours: float | None  # in ``unit``; None when not measured (pending)
    peer: float | None = None  # the same job done the usual way, in ``unit``
    peer_name: str = ""  # also shown alone when there is no peer figure ("not installed")
    target: float | None = None  # bar: ours must be at most this
    quick: bool = False
    max_ratio: float | None = None  # bar: ours must be at most (or below) this times the peer
    strict: bool = False  # the ratio bar is "below", not "at most"
    unit: str = "s"  # "s" (seconds) or "MB" (megabytes)
    status: str = ""  # "skipped", "pending" or "ERROR": no judgement; says why in peer_name

    @property
    def ratio(self) -> float | None:
        return self.ours / self.peer if self.ours is not None and self.peer else None

    @property
    def bar(self) -> str:
        parts = [] if self.target is None else [f"<= {self.fmt(self.target)}"]
        if self.max_ratio is not None:
            parts.append(f"{'<' if self.strict else '<='} {self.max_ratio:g} x peer")
        return " and ".join(parts) or "-"

    @property
    def result(self) -> str:
        if self.status:
            return self.status
        if self.target is None and self.max_ratio is None:
            return "-"
        if self.quick:
            return "n/a (quick)"
        ok = self.ours is not None
        if ok and self.target is not None:
            ok = self.ours <= self.target
        if ok and self.max_ratio is not None:
            ratio = self.ratio
            ok = ratio is not None and (
                ratio < self.max_ratio if self.strict else ratio <= self.max_ratio
            )
        return "pass" if ok else "FAIL"

    def fmt(self, value: float | None) -> str:
        if value is None:
            return "-"
        if self.unit == "MB":
            return f"{value:,.0f} MB"
        return _ms(value)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "ours": self.ours,
            "peer": self.peer,
            "peer_name": self.peer_name,
            "unit": self.unit,
            "ratio": self.ratio,
            "bar": self.bar,
            "target": self.target,
            "max_ratio": self.max_ratio,
            "result": self.result,
        }


def median_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall-clock seconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def _env(tmp: str) -> dict[str, str]:
    """The environment of an app process: offscreen, every folder of its own inside ``tmp``."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["BUDGETBENCH_CONFIG_DIR"] = os.path.join(tmp, "config")
    env["BUDGETBENCH_DATA_DIR"] = os.path.join(tmp, "data")
    env["BUDGETBENCH_CACHE_DIR"] = os.path.join(tmp, "cache")
    env.pop("BUDGETBENCH_NO_CACHE", None)
    return env


# ---- startup --------------------------------------------------------------------------------
_EMPTY_WINDOW = (
    "import time; t=time.perf_counter();"
    "from PySide6.QtWidgets import QApplication, QMainWindow;"
    "a=QApplication([]); w=QMainWindow(); w.resize(1280,800); w.show(); a.processEvents();"
    "print(time.perf_counter()-t)"
)


def _startup_report(env: dict[str, str], *args: str) -> dict:
    """Launch the app with ``--startup-report``: seconds to window shown and to interactive."""
    env["BUDGETBENCH_LAUNCH_TIME"] = repr(time.time())  # the app times from here
    out = subprocess.run(
        [sys.executable, "-m", "budgetbench", "--startup-report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise RuntimeError(f"app failed to start: {out.stderr.strip()}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_startup(quick: bool) -> list[Row]:
    """Launch the app in a fresh process: time to window shown, and to the sample being usable."""
    shown, ready, bare = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        for _ in range(1 if quick else 5):
            data = _startup_report(env)
            shown.append(data["window_shown_s"])
            ready.append(data["interactive_s"])
            t = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", _EMPTY_WINDOW],
                env=env,
                check=True,
                capture_output=True,
                timeout=120,
            )
            bare.append(time.perf_counter() - t)
    med = statistics.median
    return [
        Row("startup: window shown", med(shown), med(bare), "empty PySide6 window", 0.6, quick),
        Row("startup: teaching sample interactive", med(ready), None, "", 2.0, quick),
    ]


# ---- table ----------------------------------------------------------------------------------
def bench_table(quick: bool) -> list[Row]:
    """Filter, search and sort a large canonical table through the Data view's index and view."""
    import numpy as np

    from budgetbench.core import schema
    from budgetbench.core.query import Query, TableIndex
    from budgetbench.core.synthetic import synthetic_lines

    n = 20_000 if quick else 1_000_000
    frame = synthetic_lines(n, seed=1)
    text_cols = [c for c in schema.TEXT_COLUMNS if c != "line_key"]
    index = TableIndex(frame)
    word = str(frame["department"].iloc[n // 2]).split()[0].lower()
    peer_runs = 1 if quick else 3

    def fresh(fn):
        def run():
            index.forget()  # time the work, not the index's memory of the last answer
            return fn()

        return run

    def peer_filter():  # what a straightforward pandas app does
        mask = np.zeros(len(frame), dtype=bool)
        for c in text_cols:
            mask |= frame[c].str.contains(word, case=False, regex=False).to_numpy()
        return frame[mask]

    search = fresh(lambda: index.apply(Query(search=word)))
    amount_range = fresh(lambda: index.apply(Query(min_amount=1_000.0, max_amount=50_000.0)))
    sort_dept = fresh(lambda: index.sort_order("department", ascending=False))
    sort_amount = fresh(lambda: index.sort_order("amount", ascending=True))
    lines = f"{n:,} lines"
    rows = [
        Row(
            f"table: search {lines}",
            median_of(search),
            median_of(peer_filter, peer_runs),
            "pandas str.contains",
            0.150,
            quick,
        ),
        Row(
            f"table: amount range {lines}",
            median_of(amount_range),
            median_of(lambda: frame[frame["amount"].between(1_000.0, 50_000.0)], peer_runs),
            "pandas between",
            0.150,
            quick,
        ),
        Row(
            f"table: sort {lines} by department",
            median_of(sort_dept),
            median_of(
                lambda: frame.sort_values("department", ascending=False, kind="stable"), peer_runs
            ),
            "pandas sort_values",
            0.150,
            quick,
        ),
        Row(
            f"table: sort {lines} by amount",
            median_of(sort_amount),
            median_of(lambda: frame.sort_values("amount", kind="stable"), peer_runs),
            "pandas sort_values",
            0.150,
            quick,
        ),
    ]
    rows.extend(_bench_view(frame, index, word, quick))
    return rows


def _bench_view(frame, index, word: str, quick: bool) -> list[Row]:
    """The same work as the user triggers it in the Data view: model update and repaint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from budgetbench.core.budget import Budget
    from budgetbench.ui.views.data_view import DataView

    app = QApplication.instance() or QApplication([])
    view = DataView()
    view.resize(1280, 720)
    view.show()
    view.set_budget(Budget(lines=frame), index=index)
    app.processEvents()
    column = list(frame.columns).index("department")

    def type_search():
        index.forget()
        view.search_edit.setText(word)
        view.apply_now()
        view.table.viewport().repaint()

    def click_sort():
        index.forget()
        view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        view.table.viewport().repaint()
        view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        view.table.viewport().repaint()

    view.search_edit.setText("")
    view.apply_now()
    bar = view.table.verticalScrollBar()
    spots = iter(range(10**9))

    def scroll():  # a jump to a far place in the table: only the visible rows are computed
        bar.setValue((next(spots) * 7919 * 97) % max(1, bar.maximum()))
        view.table.viewport().repaint()

    lines = f"{len(frame):,} lines"
    rows = [
        Row(f"view: search + repaint, {lines}", median_of(type_search), None, "", 0.150, quick),
        Row(
            f"view: header-click sort + repaint, {lines}",
            median_of(click_sort) / 2,
            None,
            "",
            0.150,
            quick,
        ),
        Row(f"view: scroll jump + repaint, {lines}", median_of(scroll, 9), None, "", 0.050, quick),
    ]
    view.close()
    return rows


# ---- load -----------------------------------------------------------------------------------
OUT = ROOT / "benchmarks" / "out"
LOAD_SEED = 7
#: The wide workbook's amount columns: header, and the synthetic (fiscal year, phase) they hold.
_WIDE_AMOUNTS = (
    ("FY2023-24 Actual", (2024, "actual")),
    ("FY2024-25 Adopted", (2025, "adopted")),
    ("FY2025-26 Proposed", (2026, "adopted")),
)
_WIDE_HEADER = (
    "Fund",
    "Department",
    "Program",
    "Account",
    "Description",
    *(h for h, _ in _WIDE_AMOUNTS),
)


def wide_workbook(n_lines: int, seed: int = LOAD_SEED) -> Path:
    """A published-style wide budget workbook of ``n_lines`` lines (made once, then reused).

    One sheet: fund, department, program, account code, description (codes are text, leading
    zeros kept) and three fiscal-year columns, so each line becomes three canonical rows.
    Deterministic for ``n_lines`` and ``seed``.
    """
    from openpyxl import Workbook

    from budgetbench.core.synthetic import YEAR_PHASES, synthetic_lines

    path = OUT / f"wide-v1-{n_lines}-s{seed}.xlsx"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    k = len(YEAR_PHASES)
    frame = synthetic_lines(n_lines * k, seed=seed)  # each line's k (year, phase) rows in a run
    amounts = frame["amount"].to_numpy().reshape(n_lines, k)
    first = frame.iloc[::k]
    labels = [
        first[c].astype(str).tolist()
        for c in ("fund_code", "department", "program", "account_code", "account_name")
    ]
    money = [amounts[:, YEAR_PHASES.index(yp)].tolist() for _h, yp in _WIDE_AMOUNTS]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Budget")
    sheet.append(list(_WIDE_HEADER))
    for row in zip(*labels, *money, strict=True):
        sheet.append(row)
    tmp = path.with_suffix(".tmp.xlsx")
    book.save(tmp)
    os.replace(tmp, path)
    return path


@contextmanager
def _app_dirs(tmp: str):
    """Point the app's cache and settings folders at ``tmp`` (no saved mapping profiles)."""
    names = ("BUDGETBENCH_CACHE_DIR", "BUDGETBENCH_CONFIG_DIR", "BUDGETBENCH_NO_CACHE")
    saved = {n: os.environ.get(n) for n in names}
    os.environ["BUDGETBENCH_CACHE_DIR"] = os.path.join(tmp, "cache")
    os.environ["BUDGETBENCH_CONFIG_DIR"] = os.path.join(tmp, "config")
    os.environ.pop("BUDGETBENCH_NO_CACHE", None)
    try:
        yield
    finally:
        for n, v in saved.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _libreoffice_convert(exe: str, path: Path, runs: int) -> float:
    """Median seconds of LibreOffice's own headless conversion of ``path`` to CSV."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()  # a private profile: no lock on the user's
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv"]
        cmd += ["--outdir", tmp, str(path)]
        if runs > 1:  # a warm-up run first: the peer is timed at its best, as ours is
            subprocess.run(cmd, capture_output=True, timeout=600, check=True)
        took = median_of(
            lambda: subprocess.run(cmd, capture_output=True, timeout=600, check=True), runs
        )
        if not Path(tmp, path.stem + ".csv").exists():
            raise RuntimeError("LibreOffice did not write the CSV")
        return took


def bench_load(quick: bool) -> list[Row]:
    """First open of a wide xlsx (normalised and ready) and re-open of it from the cache."""
    import pandas as pd

    from budgetbench.io.cache import TableCache, cache_key
    from budgetbench.io.loader import load_budget, wait_for_cache_writes

    n = 2_000 if quick else 200_000
    path = wide_workbook(n)
    label = f"{n:,}-line xlsx"
    runs = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        firsts = []
        for k in range(runs):  # each run a true first open: an empty cache folder
            with _app_dirs(os.path.join(tmp, f"run{k}")):
                t = time.perf_counter()
                # As the app opens a file: ready when the table is, the cache written beside.
                budget = load_budget(path, background_write=True)
                firsts.append(time.perf_counter() - t)
                wait_for_cache_writes()  # untimed: the entry must be whole before re-opening
                if budget.report.from_cache:
                    raise RuntimeError("a first open was served from the cache")
        if len(budget) != 3 * n:
            raise RuntimeError(f"{path.name}: {len(budget):,} lines read, {3 * n:,} written")
        first = statistics.median(firsts)
        with _app_dirs(os.path.join(tmp, f"run{runs - 1}")):  # the last run's cache is filled
            again = load_budget(path)
            if not again.report.from_cache or not again.lines.equals(budget.lines):
                raise RuntimeError("re-open was not served from the cache, or differs")
            reopen = median_of(lambda: load_budget(path), 1 if quick else 5)
            entry = TableCache().path_of(cache_key(budget.source_sha256))
            parquet = median_of(lambda: pd.read_parquet(entry), 1 if quick else 5)
    openpyxl = median_of(lambda: pd.read_excel(path, engine="openpyxl"), runs)
    exe = _soffice()
    office = _libreoffice_convert(exe, path, runs) if exe else None
    return [
        Row(
            f"load: first open {label} vs pandas",
            first,
            openpyxl,
            "pandas.read_excel openpyxl",
            quick=quick,
            max_ratio=0.15,
        ),
        Row(
            f"load: first open {label} vs LibreOffice",
            first,
            office,
            "soffice --convert-to csv" if exe else "LibreOffice (soffice) not installed",
            quick=quick,
            max_ratio=1.0,
            strict=True,
            status="" if exe else "skipped",
        ),
        Row("load: reopen from cache", reopen, parquet, "pandas.read_parquet", 0.1, quick),
    ]


# ---- memory ---------------------------------------------------------------------------------
#: Run ``BODY`` (the app's own entry point, or an empty window) in this fresh process, then print
#: its resident-memory high-water mark. Measured from inside: a child's rusage on Linux also
#: counts the memory of the parent it was forked from.
_PEAK_RSS = """
import json, resource, sys

def status(field):
    try:
        with open("/proc/self/status") as fh:  # Linux: VmHWM / VmRSS, kB
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None

def high_water_mark():
    found = status("VmHWM")
    if found is not None:
        return found
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb if sys.platform == "darwin" else kb * 1024

code = 0
if sys.argv[1] == "app":
    from budgetbench.app import main
    code = main(sys.argv[2:])
else:
    exec(sys.argv[2])
# Resident now: the app has shown the budget and is idle, the lines still loaded.
resident = status("VmRSS") or high_water_mark()
print(json.dumps({"peak_rss": high_water_mark(), "rss": resident, "exit": code}), flush=True)
sys.exit(code)
"""


def _memory(env: dict[str, str], *args: str) -> tuple[float, float]:
    """Megabytes resident at the end, and at the peak, of a fresh process (see ``_PEAK_RSS``)."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise RuntimeError(f"memory probe failed ({out.returncode}): {out.stderr.strip()}")
    found = json.loads(out.stdout.strip().splitlines()[-1])
    return found["rss"] / 1e6, found["peak_rss"] / 1e6


def bench_memory(quick: bool) -> list[Row]:
    """The app opening a workbook of 1,000,000 lines, until it is interactive: peak resident."""
    rows = 2_000 if quick else 333_334  # three amount columns: three canonical lines a row
    path = wide_workbook(rows)
    with tempfile.TemporaryDirectory() as tmp:  # an empty cache: a true first open
        env = _env(tmp)
        env["BUDGETBENCH_LAUNCH_TIME"] = repr(time.time())
        app, app_peak = _memory(env, "app", "--startup-report", str(path))
        empty, empty_peak = _memory(env, "code", _EMPTY_WINDOW)
    return [
        Row(
            f"memory: app with {3 * rows:,} lines loaded (resident)",
            app,
            empty,
            "empty PySide6 window",
            600.0,
            quick,
            unit="MB",
        ),
        Row(  # the import's passing high-water mark: reported, not a bar of DESIGN §5
            f"memory: peak while importing {3 * rows:,} lines",
            app_peak,
            empty_peak,
            "empty PySide6 window",
            None,
            quick,
            unit="MB",
        ),
    ]


# ---- flows and explore ----------------------------------------------------------------------
def bench_flows(quick: bool) -> list[Row]:
    """Re-layout after a click or toggle (county sample); drill-down and tree (large budget)."""
    from budgetbench.core import explore as ex
    from budgetbench.core import flows
    from budgetbench.core.budget import Budget
    from budgetbench.core.lens import Lens, apply_lens
    from budgetbench.core.synthetic import synthetic_lines
    from budgetbench.io.loader import load_budget

    county = load_budget(ROOT / "sample_budgets" / "alder_valley_county_fy26.xlsx")
    lines = apply_lens(county, Lens()).lines
    net = Lens(net_of_transfers=True)

    def toggle():  # a toggle: new lens, new graph, folded, laid out
        graph = flows.build_flows(apply_lens(county, net).lines)
        flows.layout(flows.fold(graph, 0.02), 1200, 700)

    graph = flows.build_flows(lines)
    biggest = int(graph.nodes["value"].idxmax())

    def click():  # a click: focus on a node and lay out again
        flows.layout(flows.focus(graph, biggest), 1200, 700)

    big = Budget(lines=synthetic_lines(20_000 if quick else 200_000, seed=2))
    n = len(big.lines)

    def tree():
        return ex.explore(big, Lens(net_of_transfers=True), "expense", ex.DEFAULT_LEVELS)

    exploration = tree()
    # A click down the tree: the biggest group at each level, three levels deep.
    path, node = [], exploration.root
    while node.children and len(path) < 3:
        node = max(node.children, key=lambda c: c.amount)
        path.append(node)
    steps = iter(range(10**9))

    def drill():  # what the view asks of the core for one click: tiles, words, line filters
        node = path[next(steps) % len(path)]
        ex.treemap_rects(node, 1000, 560)
        ex.excluded_note(node)
        exploration.title(node)
        exploration.line_filters(node)

    return [
        Row("flows: re-layout after a toggle (county)", median_of(toggle), None, "", 0.050, quick),
        Row("flows: re-layout after a click (county)", median_of(click), None, "", 0.050, quick),
        Row(f"explore: drill-down click, {n:,} lines", median_of(drill, 9), None, "", 0.050, quick),
        Row(f"explore: tree after a toggle, {n:,} lines", median_of(tree), None, "", 0.100, quick),
    ]


# ---- pension and forecast -------------------------------------------------------------------
def bench_pension(quick: bool) -> list[Row]:
    """One deterministic projection of a shipped plan, and the stochastic run of DESIGN §5."""
    from budgetbench.core.pension import Scenario, project
    from budgetbench.io.pension_presets import load_preset

    plan = load_preset("san-jose-federated")
    paths = 500 if quick else 10_000
    stochastic = Scenario(returns="stochastic", n_paths=paths, seed=1)
    project(plan, stochastic, years=30)  # warm-up (imports, first allocations)

    def one():
        project(plan, years=30)

    def many():
        project(plan, stochastic, years=30)

    return [
        Row(
            f"pension: {paths:,} stochastic paths x 30 years",
            median_of(many),
            None,
            "",
            0.300,
            quick,
        ),
        Row(
            "pension: deterministic projection, 30 years",
            median_of(one, 21),
            None,
            "",
            0.005,
            quick,
        ),
    ]


def bench_forecast(quick: bool) -> list[Row]:
    """A lever change on the county sample: the General Fund forecast recomputed (5 years)."""
    from budgetbench.core import forecast as fc
    from budgetbench.io.loader import load_budget

    county = load_budget(ROOT / "sample_budgets" / "alder_valley_county_fy26.xlsx")

    def first():  # opening the Tradeoffs view: the base year prepared, then the forecast
        fc._CACHE.clear()
        fc.forecast(county, fc.Scenario(years=5)).meter()

    base = fc.base_year(county)
    dept = base.departments[0]
    steps = iter(range(10**9))

    def lever():  # a slider moved: new lever, new forecast, the meter read again
        pct = -0.001 * (next(steps) % 50)
        fc.forecast(base, fc.Scenario(years=5, levers={dept: (pct, 0.0)})).meter()

    lever()  # warm-up
    return [
        Row(
            "forecast: lever change recompute (county)",
            median_of(lever, 21),
            None,
            "",
            0.050,
            quick,
        ),
        Row(
            "forecast: first run with the base year (county)",
            median_of(first),
            None,
            "",
            None,
            quick,
        ),
    ]


# ---- export ---------------------------------------------------------------------------------
EXPORT_MODULE = "bench_export"


def bench_export(quick: bool) -> list[Row]:
    """The annotated export against a plain openpyxl write of the same table (bench_export.py).

    ``benchmarks/bench_export.py`` provides ``measure(quick: bool = False) -> dict`` returning
    ``{"ours": seconds, "peer": seconds}`` (and optionally ``"lines"``); until it exists the
    row says "pending".
    """
    name = "export: annotated workbook vs plain openpyxl"
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    if importlib.util.find_spec(EXPORT_MODULE) is None:
        return [
            Row(
                name,
                None,
                None,
                f"benchmarks/{EXPORT_MODULE}.py not written yet",
                quick=quick,
                max_ratio=1.5,
                status="pending",
            )
        ]
    result = importlib.import_module(EXPORT_MODULE).measure(quick=quick)
    if result.get("lines"):
        name = f"export: annotated {int(result['lines']):,}-line workbook vs plain openpyxl"
    return [
        Row(
            name,
            float(result["ours"]),
            float(result["peer"]),
            "openpyxl write-only",
            quick=quick,
            max_ratio=1.5,
        )
    ]


GROUPS: dict[str, Callable[[bool], list[Row]]] = {
    "load": bench_load,
    "startup": bench_startup,
    "table": bench_table,
    "flows": bench_flows,
    "pension": bench_pension,
    "forecast": bench_forecast,
    "export": bench_export,
    "memory": bench_memory,
}


# ---- output ---------------------------------------------------------------------------------
HEADER = ("name", "ours", "peer", "ratio", "bar", "result")


def table_lines(rows: list[Row]) -> list[str]:
    body = []
    for r in rows:
        ratio = r.ratio
        peer = f"{r.fmt(r.peer)} ({r.peer_name})" if r.peer is not None else r.peer_name or "-"
        body.append(
            [r.name, r.fmt(r.ours), peer, "-" if ratio is None else f"{ratio:.2f}", r.bar, r.result]
        )
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(HEADER)]
    out = [" | ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True)).rstrip()]
    out.append("-+-".join("-" * w for w in widths))
    out += [" | ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)).rstrip() for b in body]
    return out


def machine() -> dict:
    info = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    if hasattr(os, "getloadavg"):
        info["load_average"] = [round(v, 2) for v in os.getloadavg()]
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes; bars are not judged")
    parser.add_argument("--only", default="", help="comma-separated: " + ", ".join(GROUPS))
    parser.add_argument("--json", metavar="OUT", type=Path, help="also write the table as JSON")
    args = parser.parse_args(argv)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()] or list(GROUPS)
    unknown = set(chosen) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    started = time.time()
    load_before = machine().get("load_average")
    rows: list[Row] = []
    for name in chosen:
        try:
            rows.extend(GROUPS[name](args.quick))
        except Exception as exc:  # one broken group must not hide the others' figures
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:120]
            rows.append(Row(f"{name}: could not be measured", None, None, message, status="ERROR"))
    print("\n".join(table_lines(rows)))
    took = time.time() - started
    info = {**machine(), "load_average_before": load_before, "seconds": round(took, 1)}
    load = f", load average {load_before} before, {info.get('load_average')} after"
    print(
        f"\n{info['cpus']} CPUs, Python {info['python']}{load if load_before else ''}; {took:.0f} s"
    )
    failed = [r.name for r in rows if r.result == "FAIL"]
    broken = [r.name for r in rows if r.result == "ERROR"]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        doc = {"quick": args.quick, "machine": info, "rows": [r.as_dict() for r in rows]}
        args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return 1 if broken or (failed and not args.quick) else 0


if __name__ == "__main__":
    sys.exit(main())
