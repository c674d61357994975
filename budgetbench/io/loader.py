"""Open a budget file: read it, interpret it, and report what was done."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from budgetbench.core.budget import Budget
from budgetbench.core.progress import BudgetError, Cancelled, ProgressFn, no_progress
from budgetbench.io.mapping import ColumnMapping
from budgetbench.io.normalize import normalize
from budgetbench.io.readers import file_format, read_sheets
from budgetbench.io.report import ImportReport


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def load_budget(
    path: str | Path,
    *,
    mapping: ColumnMapping | None = None,
    progress: ProgressFn | None = None,
    use_cache: bool = True,
) -> Budget:
    """Read ``path`` into a :class:`Budget`; ``budget.report`` says how (an ImportReport).

    ``mapping`` overrides what detection would choose (see :mod:`budgetbench.io.mapping`).
    Raises :class:`BudgetError` (one clear line naming the file) for anything wrong with the
    file, and :class:`Cancelled` when ``progress`` raises it.
    """
    progress = progress or no_progress
    started = time.perf_counter()
    path = Path(path)
    report = ImportReport(source=str(path), file_format=file_format(path))
    try:
        sheets = read_sheets(path, progress)
        progress(0.5, "Interpreting the table")
        lines = normalize(sheets, path, report, progress, mapping=mapping)
        progress(0.95, "Checking the file")
        sha = sha256_of(path)
    except (BudgetError, Cancelled):
        raise
    except MemoryError as exc:
        raise BudgetError("the file is too large to open on this computer", path=str(path)) from exc
    except OSError as exc:
        raise BudgetError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from exc
    report.seconds = time.perf_counter() - started
    budget = Budget(
        lines=lines,
        name=path.stem.replace("_", " "),
        source_path=str(path),
        source_sha256=sha,
        report=report,
    )
    progress(1.0, "Done")
    return budget
