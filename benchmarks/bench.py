"""Measure budgetbench against the quality bars of DESIGN §5, and against a peer where one exists.

    python benchmarks/bench.py            full sizes (1,000,000 lines for the table)
    python benchmarks/bench.py --quick    tiny sizes: checks the harness runs (the tests use it)
    python benchmarks/bench.py --only table

Prints one table: ``name | ours | peer | ratio | target | result``. Each benchmark is a function
returning rows; everything is measured in the same run on generated data. Exit code 1 when a
full run misses a target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    name: str
    ours: float  # seconds
    peer: float | None = None  # seconds, the same job done the usual way
    peer_name: str = ""
    target: float | None = None  # seconds; ours must be at most this
    quick: bool = False

    @property
    def ratio(self) -> float | None:
        return self.ours / self.peer if self.peer else None

    @property
    def result(self) -> str:
        if self.target is None:
            return "-"
        if self.quick:
            return "n/a (quick)"
        return "pass" if self.ours <= self.target else "FAIL"


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


BENCHMARKS: dict[str, Callable[[bool], list[Row]]] = {
    "startup": bench_startup,
    "table": bench_table,
}


def print_table(rows: list[Row]) -> None:
    header = ["name", "ours", "peer", "ratio", "bar", "target", "result"]
    body = []
    for r in rows:
        ratio = r.ratio
        bar = "" if ratio is None else "#" * max(1, min(40, round(ratio * 10)))
        peer = "-" if r.peer is None else f"{_ms(r.peer)} ({r.peer_name})"
        body.append(
            [
                r.name,
                _ms(r.ours),
                peer,
                "-" if ratio is None else f"{ratio:.2f}",
                bar,
                "-" if r.target is None else f"<= {_ms(r.target)}",
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
