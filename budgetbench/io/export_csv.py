"""CSV export: the rows a view shows, and the room's notes, for any spreadsheet or script.

Two files, UTF-8 with a byte-order mark (so Excel reads accents right), comma-separated:

* ``OUT.csv``: the rows, in the given columns (canonical columns under their labels), plus a
  "Community notes" column holding the notes on each row's line when there are any;
* ``OUT-notes.csv``: every note (lines, programs, departments, funds), one per row — written
  when the room made notes.

Text that a spreadsheet would run as a formula gets an apostrophe in front (see
:func:`budgetbench.io.export_xlsx.formula_safe`). Each file is written to a temporary file
beside it and renamed into place, so a failure or cancel leaves no half-written file.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.core.schema import LABELS
from budgetbench.io.export_xlsx import (
    Community,
    LineIndex,
    atomic_write,
    formula_safe,
)

if TYPE_CHECKING:
    import pandas as pd

    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

NOTES_SUFFIX = "-notes"
NOTE_COLUMNS = (
    "Note ID",
    "Level",
    "Key",
    "Target",
    "Note",
    "Themes",
    "Stance",
    "Author",
    "Written",
)


def csv_text(value: object) -> str:
    """A text field as written to the CSV: formula-like text gets a leading apostrophe."""
    text, risky = formula_safe(value)
    return "'" + text if risky else text


def _field(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return "" if not math.isfinite(value) else repr(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _field(value.item())
    try:
        if value != value:  # NaN
            return ""
    except TypeError:  # pandas NA cannot say whether it equals itself
        return ""
    return csv_text(value)


def notes_path(path: str | Path) -> Path:
    """Where :func:`export_csv` writes the notes beside ``path``."""
    p = Path(path)
    return p.with_name(f"{p.stem}{NOTES_SUFFIX}{p.suffix}")


def _write(path: Path, header: Sequence[str], rows, progress: ProgressFn, n: int) -> None:
    def write(fh) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        w = csv.writer(text, lineterminator="\r\n")
        w.writerow([csv_text(h) for h in header])
        step = max(1, n // 50)
        for k, row in enumerate(rows):
            if k % step == 0:
                progress(k / max(1, n), "Writing rows")
            w.writerow([_field(v) for v in row])
        text.flush()
        text.detach()

    try:
        atomic_write(path, write)
    except OSError as exc:
        raise BudgetError(f"cannot write the file: {exc.strerror or exc}", path=str(path)) from exc


def export_csv(
    path: str | Path,
    rows: pd.DataFrame,
    columns: Sequence[str] | None = None,
    community: Community | Session | None = None,
    budget: Budget | None = None,
    *,
    progress: ProgressFn | None = None,
) -> list[Path]:
    """Write ``rows`` (in ``columns``, default all) to ``path`` and the notes beside it.

    ``budget`` names the notes' targets in words. Returns the files written."""
    progress = progress or no_progress
    out = Path(path)
    if out.suffix.lower() != ".csv":
        raise BudgetError("a CSV export is saved as .csv", path=str(out))
    if not out.parent.is_dir():
        raise BudgetError("the folder does not exist", path=str(out))
    if not isinstance(community, Community):
        community = Community.from_session(community)
    cols = list(columns) if columns is not None else list(rows.columns)
    missing = [c for c in cols if c not in rows.columns]
    if missing:
        raise BudgetError(f"no column {', '.join(missing)} to export", path=str(out))
    header = [LABELS.get(c, c) for c in cols]
    notes_on: dict[str, list[str]] = defaultdict(list)
    for a in community.annotations:
        if a.level == "line":
            stance = f"[{a.stance}] " if a.stance else ""
            who = f" — {a.author}" if a.author else ""
            notes_on[a.key].append(f"{stance}{a.text}{who}")
    with_notes = bool(notes_on) and "line_key" in rows.columns
    frame = rows[cols]
    values = frame.itertuples(index=False, name=None)
    if with_notes:
        header.append("Community notes")
        keys = rows["line_key"].astype(str).tolist()
        values = (
            (*row, " | ".join(notes_on.get(k, ())))
            for row, k in zip(frame.itertuples(index=False, name=None), keys, strict=True)
        )
    _write(out, header, values, lambda f, m: progress(0.9 * f, m), len(frame))
    written = [out]
    if community.annotations:
        index = LineIndex.of(budget, community)
        note_rows = (
            (
                a.id,
                a.level,
                a.key,
                index.label(a.level, a.key),
                a.text,
                ", ".join(a.tags),
                a.stance or "",
                a.author or "",
                a.created,
            )
            for a in community.annotations
        )
        target = notes_path(out)
        _write(
            target,
            NOTE_COLUMNS,
            note_rows,
            lambda f, m: progress(0.9 + 0.1 * f, m),
            len(community.annotations),
        )
        written.append(target)
    progress(1.0, "Done")
    return written
