"""Open a budget file: read it, interpret it, and report what was done."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import threading
import time
from pathlib import Path

from budgetbench.core.budget import Budget
from budgetbench.core.progress import BudgetError, Cancelled, ProgressFn, no_progress
from budgetbench.io.cache import TableCache, cache_key
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
    background_write: bool = False,
) -> Budget:
    """Read ``path`` into a :class:`Budget`; ``budget.report`` says how (an ImportReport).

    ``mapping`` overrides what detection would choose (see :mod:`budgetbench.io.mapping`).
    Raises :class:`BudgetError` (one clear line naming the file) for anything wrong with the
    file, and :class:`Cancelled` when ``progress`` raises it.

    An unchanged file re-opens from the import cache (:mod:`budgetbench.io.cache`;
    ``budget.report.from_cache`` is then True). ``use_cache=False``, or the environment variable
    ``BUDGETBENCH_NO_CACHE`` set to anything but empty or ``0``, forces a fresh read (whose
    result then replaces the cached one). With ``background_write`` the new cache entry is
    written on a thread while the caller goes on (the app does this; see
    :func:`wait_for_cache_writes`).
    """
    return _cached_or_fresh(
        Path(path), mapping, progress or no_progress, use_cache, background_write
    )


def _import(path: Path, *, mapping: ColumnMapping | None, progress: ProgressFn, sha: str) -> Budget:
    """A fresh read of ``path`` (the cache is not involved); ``sha`` is the file's SHA-256."""
    started = time.perf_counter()
    report = ImportReport(source=str(path), file_format=file_format(path))
    try:
        sheets = read_sheets(path, progress)
        progress(0.5, "Interpreting the table")
        lines = normalize(sheets, path, report, progress, mapping=mapping)
        sha = sha or sha256_of(path)
    except (BudgetError, Cancelled):
        raise
    except MemoryError as exc:
        raise BudgetError("the file is too large to open on this computer", path=str(path)) from exc
    except FileNotFoundError as exc:
        raise BudgetError(
            "the file was moved or deleted while it was being read", path=str(path)
        ) from exc
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


# ---- import cache ---------------------------------------------------------------------------
def _cached_or_fresh(
    path: Path,
    mapping: ColumnMapping | None,
    progress: ProgressFn,
    use_cache: bool,
    background_write: bool = False,
) -> Budget:
    """The cached import of ``path`` when the file is unchanged, else a fresh one (then cached).

    The file is hashed once, first: the hash is both the cache key and ``source_sha256``.
    A fresh import is stored only if the file did not change on disk while it was read.
    """
    started = time.perf_counter()
    file_format(path)  # an unsupported file type fails before anything is read
    use_cache = use_cache and os.environ.get("BUDGETBENCH_NO_CACHE", "") in ("", "0")
    if not path.is_file():
        # Missing, a folder, or not a regular file (a pipe or a device such as /dev/zero,
        # which hashing would wait on or read forever): the reader says which, in words.
        return _import(path, mapping=mapping, progress=progress, sha="")
    try:
        before = _stamp(path)
        progress(0.01, "Checking the file")
        sha = sha256_of(path)
    except OSError:  # missing, a folder, unreadable: the reader says so in words
        return _import(path, mapping=mapping, progress=progress, sha="")
    try:
        cache, key = TableCache(), cache_key(sha, mapping)
    except OSError:  # no cache folder can be made: import without one
        cache, key = None, None
    if use_cache and cache is not None and key is not None:
        wait_for_cache_writes(key)
        hit = cache.load(key)
        if hit is not None:
            lines, report_dict, meta = hit
            report = ImportReport.from_dict(report_dict)
            report.source = str(path)
            report.from_cache = True
            report.cached_at = str(meta.get("cached_at", ""))
            for name, value in (meta.get("report_extras") or {}).items():
                if not hasattr(report, name):  # attributes the importer set beyond the fields
                    setattr(report, name, value)
            report.seconds = time.perf_counter() - started
            budget = Budget(
                lines=lines,
                name=path.stem.replace("_", " "),
                source_path=str(path),
                source_sha256=sha,
                meta=dict(meta.get("budget_meta") or {}),
                report=report,
            )
            progress(1.0, "Done")
            return budget
    budget = _import(path, mapping=mapping, progress=progress, sha=sha)
    budget.report.seconds = time.perf_counter() - started
    give_back_memory()
    if cache is not None and key is not None:
        try:
            unchanged = _stamp(path) == before
        except OSError:
            unchanged = False
        if unchanged:
            report_dict = budget.report.to_dict()
            meta = {
                "cached_at": time.strftime("%Y-%m-%d %H:%M"),
                "source_size": before[0],
                "source_mtime_ns": before[1],
                "budget_meta": budget.meta,
                "report_extras": {
                    k: v for k, v in vars(budget.report).items() if k not in report_dict
                },
            }
            if background_write:
                # The app shows the budget while the entry is written (the lines are never
                # modified after import, so the writer may read them freely).
                _write_in_background(cache, key, budget.lines, report_dict, meta)
            else:
                cache.store(key, budget.lines, report_dict, meta)
    return budget


def give_back_memory() -> None:
    """Return the memory an import used and let go of to the system.

    Reading a workbook makes millions of short-lived strings; once the table is built, the
    allocators keep the freed pages for reuse (Arrow's pool, which pandas' text columns use,
    and the C library's heap), so a 1,000,000-line budget would stay at twice its size.
    """
    import gc

    gc.collect()
    with contextlib.suppress(ImportError, AttributeError):
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)


_pending: dict[str, threading.Thread] = {}
_pending_lock = threading.Lock()


def _write_in_background(cache, key: str, lines, report_dict: dict, meta: dict) -> None:
    def write() -> None:
        cache.store(key, lines, report_dict, meta)
        give_back_memory()  # the Arrow copy made for the Parquet file

    thread = threading.Thread(target=write, name=f"cache-{key[:8]}")
    with _pending_lock:
        _pending[key] = thread
    thread.start()  # not a daemon: a command that exits right away still finishes the write


def wait_for_cache_writes(key: str | None = None) -> None:
    """Block until pending cache writes (one key's, or all) are on disk."""
    with _pending_lock:
        threads = [t for k, t in _pending.items() if key is None or k == key]
    for t in threads:
        t.join()
    with _pending_lock:
        for k in [k for k, t in _pending.items() if not t.is_alive()]:
            del _pending[k]


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns
