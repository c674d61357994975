"""One entry point for every export: the annotated workbook, the CSV files, the handout PDF.

:func:`export_file` picks the kind by the suffix of the path (``.xlsx``, ``.csv``, ``.pdf``),
reports progress (and stops when the callback raises
:class:`~budgetbench.core.progress.Cancelled`), and writes nothing partial: each file appears
only when complete. The window runs it on a worker thread; ``budgetbench export`` runs it
directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.io.export_xlsx import Community

if TYPE_CHECKING:
    import pandas as pd

    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

#: Suffix -> what it exports, in words (for file dialogs and messages).
KINDS: dict[str, str] = {
    ".xlsx": "Annotated workbook",
    ".csv": "CSV (rows and notes)",
    ".pdf": "One-page handout",
}


@dataclass
class ExportResult:
    """The files written, and a sentence saying what is in them."""

    paths: list[Path] = field(default_factory=list)
    message: str = ""


def _part(progress: ProgressFn, lo: float, hi: float) -> ProgressFn:
    return lambda f, m: progress(lo + (hi - lo) * max(0.0, min(1.0, f)), m)


def export_file(
    path: str | Path,
    budget: Budget,
    session: Session | Community | None = None,
    *,
    rows: pd.DataFrame | None = None,
    columns: Sequence[str] | None = None,
    progress: ProgressFn | None = None,
) -> ExportResult:
    """Export ``budget`` and the room's work (``session``, or None for none) to ``path``.

    ``rows``/``columns``: what a CSV export holds (default: every line, every column).
    Raises :class:`BudgetError` for a path it cannot write or a suffix it does not know.
    """
    progress = progress or no_progress
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in KINDS:
        raise BudgetError(
            f"cannot export to '{suffix or '(no suffix)'}'; choose .xlsx, .csv or .pdf",
            path=str(out),
        )
    community = session if isinstance(session, Community) else Community.from_session(session)
    if suffix == ".xlsx":
        from budgetbench.io.export_xlsx import export_workbook, scenario_results
        from budgetbench.render.charts import chart_images

        progress(0.0, "Recomputing the saved scenarios")
        scenarios = scenario_results(budget)
        images = chart_images(budget, scenarios, progress=_part(progress, 0.02, 0.3))
        summary = export_workbook(
            out,
            budget,
            community,
            images=images,
            scenarios=scenarios,
            progress=_part(progress, 0.3, 1.0),
        )
        bits = [f"{summary.notes} note{'s' if summary.notes != 1 else ''}"]
        bits.append(f"{summary.commented_cells:,} commented cells")
        if summary.macros_dropped:
            bits.append("macros left out")
        return ExportResult([out], f"Wrote {out.name}: " + ", ".join(bits))
    if suffix == ".csv":
        from budgetbench.io.export_csv import export_csv

        table = budget.lines if rows is None else rows
        written = export_csv(out, table, columns, community, budget, progress=progress)
        names = " and ".join(p.name for p in written)
        return ExportResult(written, f"Wrote {names}: {len(table):,} rows")
    from budgetbench.render.handout import write_handout

    write_handout(out, budget, community, progress=progress)
    return ExportResult([out], f"Wrote the handout {out.name}")
