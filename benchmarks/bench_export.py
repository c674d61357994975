"""Annotated export against a plain openpyxl write of the same table (DESIGN §5: ≤ 1.5×).

    python benchmarks/bench_export.py            200,000-line workbook, 1,000 notes
    python benchmarks/bench_export.py --quick    tiny sizes (the smoke test uses it)

``measure(quick)`` returns ``{"ours": seconds, "peer": seconds}``, each the median of several
runs, measured in one process on the same generated workbook:

* ours: ``budgetbench.render.export.export_file`` to an .xlsx — the whole annotated export a
  user gets: the city's workbook copied part by part, 1,000 notes as comments with stance
  fills, the added sheets, and the charts drawn and embedded. The budget is already loaded and
  the session already open (as in the app, where File ▸ Export… runs on an open budget).
* peer: ``openpyxl.Workbook(write_only=True)`` writing the same rows (header and values, made
  ready beforehand) and saving — the plainest way to write that table with openpyxl.

The workbook is the published-style wide budget ``benchmarks/bench.py`` uses (made from
:func:`budgetbench.core.synthetic.synthetic_lines`, kept in ``benchmarks/out/`` and reused).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SEED = 7
#: Column headers of the wide workbook, and the synthetic (fiscal year, phase) each holds.
AMOUNTS = (
    ("FY2023-24 Actual", (2024, "actual")),
    ("FY2024-25 Adopted", (2025, "adopted")),
    ("FY2025-26 Proposed", (2026, "adopted")),
)
HEADER = ("Fund", "Department", "Program", "Account", "Description", *(h for h, _ in AMOUNTS))


def table_rows(n_lines: int, seed: int = SEED) -> list[list]:
    """Header and rows of the wide table: codes as text, three fiscal-year amount columns."""
    from budgetbench.core.synthetic import YEAR_PHASES, synthetic_lines

    k = len(YEAR_PHASES)
    frame = synthetic_lines(n_lines * k, seed=seed)  # each line's k (year, phase) rows in a run
    amounts = frame["amount"].to_numpy().reshape(n_lines, k)
    first = frame.iloc[::k]
    labels = [
        first[c].astype(str).tolist()
        for c in ("fund_code", "department", "program", "account_code", "account_name")
    ]
    money = [amounts[:, YEAR_PHASES.index(yp)].tolist() for _h, yp in AMOUNTS]
    return [list(HEADER), *(list(r) for r in zip(*labels, *money, strict=True))]


def write_plain(rows: list[list], path: Path) -> None:
    """The peer: a plain openpyxl write of the table."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Budget")
    for row in rows:
        sheet.append(row)
    book.save(path)


def workbook(n_lines: int, rows: list[list] | None = None) -> Path:
    """The wide workbook of ``n_lines`` lines (the one ``benchmarks/bench.py`` loads; made
    once, then reused)."""
    path = OUT / f"wide-v1-{n_lines}-s{SEED}.xlsx"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.xlsx")
        write_plain(rows or table_rows(n_lines), tmp)
        os.replace(tmp, path)
    return path


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(quick: bool = False) -> dict:
    """``{"ours": seconds, "peer": seconds}``: medians of several runs (one run each when
    ``quick``, on 2,000 lines with 20 notes; else 200,000 lines with 1,000 notes)."""
    from budgetbench.core.priorities import STANCES
    from budgetbench.io.loader import load_budget
    from budgetbench.io.session import Session
    from budgetbench.render.export import export_file

    n_lines, n_notes, repeat = (2_000, 20, 1) if quick else (200_000, 1_000, 3)
    rows = table_rows(n_lines)
    source = workbook(n_lines, rows)
    with tempfile.TemporaryDirectory() as tmp:
        saved = os.environ.get("BUDGETBENCH_CACHE_DIR")
        os.environ["BUDGETBENCH_CACHE_DIR"] = str(Path(tmp) / "cache")  # no entry left behind
        try:
            budget = load_budget(source, use_cache=False)
        finally:
            if saved is None:
                del os.environ["BUDGETBENCH_CACHE_DIR"]
            else:
                os.environ["BUDGETBENCH_CACHE_DIR"] = saved
        keys = budget.lines["line_key"].drop_duplicates().tolist()
        step = max(1, len(keys) // n_notes)
        session = Session.create(Path(tmp) / "bench.bbsession", budget)
        try:
            session.add_annotations(
                (
                    ("line", keys[(k * step) % len(keys)]),
                    f"Note {k}: what this line pays for",
                    ("housing",) if k % 2 else ("youth", "transit"),
                    STANCES[k % len(STANCES)],
                    f"Fellow {k % 12}",
                )
                for k in range(n_notes)
            )
            session.cast_votes("Fellow 1", {("line", keys[0]): 3, ("theme", "housing"): 2})
            ours = _median(lambda: export_file(Path(tmp) / "ours.xlsx", budget, session), repeat)
        finally:
            session.close()
        peer = _median(lambda: write_plain(rows, Path(tmp) / "peer.xlsx"), repeat)
    return {"ours": ours, "peer": peer}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="tiny sizes: checks the harness runs")
    args = p.parse_args(argv)
    m = measure(args.quick)
    ratio = m["ours"] / m["peer"]
    size = "2,000 lines, 20 notes" if args.quick else "200,000 lines, 1,000 notes"
    print(
        f"annotated export ({size}): ours {m['ours']:.2f} s, plain openpyxl write "
        f"{m['peer']:.2f} s, ratio {ratio:.2f} (target ≤ 1.5)"
    )
    return 0 if args.quick or ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
