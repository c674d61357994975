"""Measure budgetbench against the quality bars of DESIGN §5, and against a peer where one exists.

    python benchmarks/bench.py            full sizes (1,000,000 lines for the table, a
                                          200,000-line workbook for load)
    python benchmarks/bench.py --quick    tiny sizes: checks the harness runs (the tests use it)
    python benchmarks/bench.py --only table

Prints one table: ``name | ours | peer | ratio | target | result``. Each benchmark is a function
returning rows; everything is measured in the same run on generated data (generated workbooks
are kept in ``benchmarks/out/`` and reused). Exit code 1 when a full run misses a target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    name: str
    ours: float  # in ``unit``
    peer: float | None = None  # the same job done the usual way, in ``unit``
    peer_name: str = ""  # also shown alone when there is no peer figure ("not installed")
    target: float | None = None  # ours must be at most this
    quick: bool = False
    max_ratio: float | None = None  # ours must be at most this times the peer
    unit: str = "s"  # "s" (seconds) or "MB" (megabytes)

    @property
    def ratio(self) -> float | None:
        return self.ours / self.peer if self.peer else None

    @property
    def limit(self) -> float | None:
        """The figure ours must not exceed: the target, or max_ratio x peer (the lower of both)."""
        limits = [] if self.target is None else [self.target]
        if self.max_ratio is not None and self.peer:
            limits.append(self.max_ratio * self.peer)
        return min(limits) if limits else None

    @property
    def result(self) -> str:
        if self.limit is None:
            return "-"
        if self.quick:
            return "n/a (quick)"
        return "pass" if self.ours <= self.limit else "FAIL"

    def fmt(self, value: float | None) -> str:
        if value is None:
            return "-"
        if self.unit == "MB":
            return f"{value:,.0f} MB"
        return _ms(value)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


# ---- startup --------------------------------------------------------------------------------
def _env(tmp: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["BUDGETBENCH_CONFIG_DIR"] = os.path.join(tmp, "config")
    env["BUDGETBENCH_DATA_DIR"] = os.path.join(tmp, "data")
    env["BUDGETBENCH_CACHE_DIR"] = os.path.join(tmp, "cache")
    return env


_EMPTY_WINDOW = (
    "import time; t=time.perf_counter();"
    "from PySide6.QtWidgets import QApplication, QMainWindow;"
    "a=QApplication([]); w=QMainWindow(); w.resize(1280,800); w.show(); a.processEvents();"
    "print(time.perf_counter()-t)"
)


def bench_startup(quick: bool) -> list[Row]:
    """Launch the app in a fresh process: time to window shown, and to the sample being usable."""
    shown, ready, bare = [], [], []
    runs = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        for _ in range(runs):
            env["BUDGETBENCH_LAUNCH_TIME"] = repr(time.time())  # the app times from here
            out = subprocess.run(
                [sys.executable, "-m", "budgetbench", "--startup-report"],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
                cwd=ROOT,
            )
            if out.returncode != 0:
                raise RuntimeError(f"app failed to start: {out.stderr.strip()}")
            data = json.loads(out.stdout.strip().splitlines()[-1])
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
    return [
        Row("startup: window shown", min(shown), min(bare), "empty PySide6 window", 0.6, quick),
        Row("startup: teaching sample interactive", min(ready), None, "", 2.0, quick),
    ]


# ---- table ----------------------------------------------------------------------------------
def bench_table(quick: bool) -> list[Row]:
    """Filter and sort a large canonical table through the Data view's index and model."""
    import numpy as np

    from budgetbench.core import schema
    from budgetbench.core.query import Query, TableIndex
    from budgetbench.core.synthetic import synthetic_lines

    n = 20_000 if quick else 1_000_000
    frame = synthetic_lines(n, seed=1)
    text_cols = [c for c in schema.TEXT_COLUMNS if c != "line_key"]
    index = TableIndex(frame)
    word = str(frame["department"].iloc[n // 2]).split()[0].lower()

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
    rows = [
        Row(
            f"table: search {n:,} lines",
            best_of(search),
            best_of(peer_filter, 1),
            "pandas str.contains",
            0.150,
            quick,
        ),
        Row(
            f"table: amount range {n:,} lines",
            best_of(amount_range),
            best_of(lambda: frame[frame["amount"].between(1_000.0, 50_000.0)]),
            "pandas between",
            0.150,
            quick,
        ),
        Row(
            f"table: sort {n:,} lines by department",
            best_of(sort_dept),
            best_of(lambda: frame.sort_values("department", ascending=False, kind="stable"), 1),
            "pandas sort_values",
            0.500,
            quick,
        ),
        Row(
            f"table: sort {n:,} lines by amount",
            best_of(sort_amount),
            best_of(lambda: frame.sort_values("amount", kind="stable"), 1),
            "pandas sort_values",
            0.500,
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

    rows = [
        Row(
            f"view: search + repaint, {len(frame):,} lines",
            best_of(type_search),
            None,
            "",
            0.150,
            quick,
        ),
        Row(
            f"view: header-click sort + repaint, {len(frame):,} lines",
            best_of(click_sort) / 2,
            None,
            "",
            0.500,
            quick,
        ),
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
    zeros kept) and three fiscal-year columns. Deterministic for ``n_lines`` and ``seed``.
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


def _libreoffice_convert(exe: str, path: Path) -> float:
    """Seconds for LibreOffice's own headless conversion of ``path`` to CSV."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()  # a private profile: no lock on the user's
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv"]
        cmd += ["--outdir", tmp, str(path)]
        subprocess.run(cmd, capture_output=True, timeout=600, check=True)  # warm-up run
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, timeout=600, check=True)
        elapsed = time.perf_counter() - t
        if not Path(tmp, path.stem + ".csv").exists():
            raise RuntimeError("LibreOffice did not write the CSV")
        return elapsed


_PEAK_MEMORY = """
import json, os, resource, sys
from budgetbench.io.loader import load_budget

def status(field):  # Linux: bytes of VmRSS / VmHWM (peak), None elsewhere
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None

def maxrss():
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb if sys.platform == "darwin" else kb * 1024

load_budget(sys.argv[2])  # a tiny workbook first: code loaded lazily is not the table's memory
try:  # Linux: restart the peak (VmHWM) from the current size
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before, peak_of = status("VmRSS"), lambda: status("VmHWM")
except OSError:
    before, peak_of = maxrss(), maxrss
budget = load_budget(sys.argv[1])
peak = peak_of() - before
table = int(budget.lines.memory_usage(deep=True).sum())
print(json.dumps({"peak": peak, "table": table}))
"""


def _peak_memory(path: Path) -> tuple[float, float]:
    """(peak memory added by a first open, size of the loaded table), in MB, fresh process."""
    warm_up = wide_workbook(50)
    with tempfile.TemporaryDirectory() as tmp, _app_dirs(tmp):
        out = subprocess.run(
            [sys.executable, "-c", _PEAK_MEMORY, str(path), str(warm_up)],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
            env=dict(os.environ),
        )
    if out.returncode != 0:
        raise RuntimeError(f"memory probe failed: {out.stderr.strip()}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["peak"] / 1e6, data["table"] / 1e6


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
        first = min(firsts)
        with _app_dirs(os.path.join(tmp, f"run{runs - 1}")):  # the last run's cache is filled
            again = load_budget(path)
            if not again.report.from_cache or not again.lines.equals(budget.lines):
                raise RuntimeError("re-open was not served from the cache, or differs")
            reopen = best_of(lambda: load_budget(path), 1 if quick else 5)
            entry = TableCache().path_of(cache_key(budget.source_sha256))
            parquet = best_of(lambda: pd.read_parquet(entry), 1 if quick else 5)
    openpyxl = best_of(lambda: pd.read_excel(path, engine="openpyxl"), 1)
    exe = _soffice()
    office = _libreoffice_convert(exe, path) if exe else None
    peak, table = _peak_memory(path)
    return [
        Row(
            f"load: first open {label}",
            first,
            openpyxl,
            "pandas.read_excel openpyxl",
            quick=quick,
            max_ratio=0.15,
        ),
        Row(
            "load: vs LibreOffice convert-to csv",
            first,
            office,
            "soffice --convert-to csv" if exe else "LibreOffice not installed",
            quick=quick,
            max_ratio=1.0 if exe else None,
        ),
        Row("load: reopen from cache", reopen, parquet, "pandas.read_parquet", 0.1, quick),
        Row(
            f"load: peak memory (table {table:,.0f} MB)",
            peak,
            None,
            "",
            4 * table,
            quick,
            unit="MB",
        ),
    ]


def bench_flows(quick: bool) -> list[Row]:
    """Re-layout after a click or toggle (county sample) and the Explore tree (large budget)."""
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

    def tree():
        ex.explore(big, Lens(net_of_transfers=True), "expense", ex.DEFAULT_LEVELS)

    n = len(big.lines)
    return [
        Row("flows: re-layout after a toggle (county)", best_of(toggle), None, "", 0.050, quick),
        Row("flows: re-layout after a click (county)", best_of(click), None, "", 0.050, quick),
        Row(f"explore: tree recompute, {n:,} lines", best_of(tree), None, "", 0.100, quick),
    ]


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
            "pension: deterministic projection, 30 years", best_of(one, 20), None, "", 0.005, quick
        ),
        Row(
            f"pension: {paths:,} stochastic paths x 30 years", best_of(many), None, "", 0.300, quick
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
            "forecast: lever change recompute (county)", best_of(lever, 20), None, "", 0.050, quick
        ),
        Row(
            "forecast: first run with the base year (county)", best_of(first), None, "", None, quick
        ),
    ]


BENCHMARKS: dict[str, Callable[[bool], list[Row]]] = {
    "startup": bench_startup,
    "table": bench_table,
    "load": bench_load,
    "flows": bench_flows,
    "pension": bench_pension,
    "forecast": bench_forecast,
}


def print_table(rows: list[Row]) -> None:
    header = ["name", "ours", "peer", "ratio", "bar", "target", "result"]
    body = []
    for r in rows:
        ratio = r.ratio
        bar = "" if ratio is None else "#" * max(1, min(40, round(ratio * 10)))
        peer = f"{r.fmt(r.peer)} ({r.peer_name})" if r.peer is not None else r.peer_name or "-"
        target = "-" if r.limit is None else f"<= {r.fmt(r.limit)}"
        if r.max_ratio is not None and r.peer:
            target += f" ({r.max_ratio:g} x peer)"
        body.append(
            [
                r.name,
                r.fmt(r.ours),
                peer,
                "-" if ratio is None else f"{ratio:.2f}",
                bar,
                target,
                r.result,
            ]
        )
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(header)]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for b in body:
        print(" | ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes; targets not enforced")
    parser.add_argument("--only", default="", help="comma-separated: " + ", ".join(BENCHMARKS))
    args = parser.parse_args(argv)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()] or list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    rows: list[Row] = []
    for name in chosen:
        rows.extend(BENCHMARKS[name](args.quick))
    print_table(rows)
    return 1 if any(r.result == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
