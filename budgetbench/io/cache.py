"""The import cache: a normalised table saved as Parquet, so an unchanged file re-opens at once.

An entry is keyed by what decides the imported table (:func:`cache_key`):

* the SHA-256 of the file's bytes (not its name, path or modification time: a copy or a
  renamed file is still a hit, one changed byte is a miss);
* :data:`budgetbench.io.normalize.IMPORTER_VERSION`, so a new importer never reuses tables an
  older one made;
* the explicit :class:`~budgetbench.io.mapping.ColumnMapping`'s ``fingerprint()`` when the caller
  gave one, otherwise ``auto`` plus a digest of every saved mapping profile (saving, changing or
  deleting a profile can change what automatic import does, so it invalidates "auto" entries).

Each entry is one file, ``<key>.parquet``, in :func:`budgetbench.paths.cache_dir` (set
``BUDGETBENCH_CACHE_DIR`` to move it). The import report and metadata travel in the Parquet
schema metadata, so an entry is complete or absent: it is written to a temporary file in the
same folder and moved into place with ``os.replace``. A cache entry that cannot be read
(truncated, damaged, written by an incompatible version) is deleted and treated as a miss,
never reported as an error; a cache that cannot be written is skipped silently.

The folder is capped at :data:`MAX_BYTES` (1 GB): after each store, entries are deleted least
recently used first (a hit refreshes an entry's modification time) until the rest fit. The
whole folder can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbench.core import schema
from budgetbench.io.mapping import ColumnMapping, ProfileStore, default_store
from budgetbench.io.normalize import IMPORTER_VERSION

if TYPE_CHECKING:
    import pandas as pd

#: Largest total size of the cache folder, in bytes.
MAX_BYTES = 1 << 30
#: Version of the entry layout (the metadata below); entries of another layout are misses.
LAYOUT_VERSION = 1
_META_KEY = b"budgetbench.cache"
_SUFFIX = ".parquet"
#: Temporary files older than this (seconds) are left over from a crash and are removed.
_STALE_TMP_SECONDS = 3600.0

log = logging.getLogger(__name__)


def profiles_digest(store: ProfileStore | None = None) -> str:
    """A digest of every saved mapping profile (names and contents); changes when any does."""
    store = store or default_store()
    digest = hashlib.sha256()
    folder = store.folder
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # the profile store skips unreadable profiles too
            digest.update(path.name.encode("utf-8") + b"\x1f" + data + b"\x1e")
    return digest.hexdigest()[:16]


def cache_key(
    file_sha256: str,
    mapping: ColumnMapping | None = None,
    profiles: ProfileStore | None = None,
) -> str:
    """The cache key of a file's import: file hash, importer version, and mapping (see above)."""
    how = f"mapping:{mapping.fingerprint()}" if mapping is not None else None
    if how is None:
        how = f"auto:{profiles_digest(profiles)}"
    text = "\x1f".join((file_sha256, IMPORTER_VERSION, how))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TableCache:
    """Canonical tables with their import report and metadata, stored by :func:`cache_key`."""

    def __init__(self, folder: str | Path | None = None, max_bytes: int = MAX_BYTES) -> None:
        if folder is None:
            from budgetbench import paths

            folder = paths.cache_dir()
        self.folder = Path(folder)
        self.max_bytes = int(max_bytes)

    def path_of(self, key: str) -> Path:
        return self.folder / f"{key}{_SUFFIX}"

    # ---- reading ----------------------------------------------------------------------------
    def load(self, key: str) -> tuple[pd.DataFrame, dict, dict] | None:
        """``(lines, report_dict, meta)`` stored under ``key``, or None (absent or unreadable)."""
        import pyarrow.parquet as pq

        path = self.path_of(key)
        try:
            table = pq.read_table(path, memory_map=True)
        except FileNotFoundError:
            return None
        except Exception as exc:  # any unreadable entry is a miss, and is removed
            self._discard(path, exc)
            return None
        try:
            info = json.loads((table.schema.metadata or {})[_META_KEY])
            if info.get("layout") != LAYOUT_VERSION or info.get("key") != key:
                raise ValueError("entry of another layout or key")
            lines = _canonical(table.to_pandas())
            report, meta = dict(info["report"]), dict(info["meta"])
        except Exception as exc:
            self._discard(path, exc)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return lines, report, meta

    # ---- writing ----------------------------------------------------------------------------
    def store(self, key: str, lines: pd.DataFrame, report_dict: dict, meta: dict) -> Path | None:
        """Save a canonical table under ``key``; returns its path, or None when it was not saved.

        Never raises for a cache problem (full disk, read-only folder): the cache is optional.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema.validate(lines)  # a programming error, not a cache problem: let it raise
        info = {"layout": LAYOUT_VERSION, "key": key, "report": report_dict, "meta": meta}
        blob = json.dumps(info, ensure_ascii=False, default=str).encode("utf-8")
        path = self.path_of(key)
        tmp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            table = pa.Table.from_pandas(lines, preserve_index=False)
            table = table.replace_schema_metadata(
                {**(table.schema.metadata or {}), _META_KEY: blob}
            )
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pq.write_table(table, fh, compression="lz4")
            os.replace(tmp, path)
            tmp = None
        except Exception as exc:  # the cache must never break an import
            log.info("import cache: not stored (%s: %s)", type(exc).__name__, exc)
            return None
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        self.prune(keep=path)
        return path

    # ---- housekeeping -----------------------------------------------------------------------
    def entries(self) -> list[tuple[Path, int, float]]:
        """``(path, bytes, modified)`` of every entry, least recently used first."""
        out = []
        try:
            candidates = list(self.folder.glob(f"*{_SUFFIX}"))
        except OSError:
            return out
        for p in candidates:
            try:
                st = p.stat()
            except OSError:
                continue
            out.append((p, st.st_size, st.st_mtime))
        out.sort(key=lambda e: e[2])
        return out

    def size_bytes(self) -> int:
        return sum(size for _p, size, _m in self.entries())

    def prune(self, keep: Path | None = None) -> None:
        """Delete least recently used entries until the folder fits :attr:`max_bytes`."""
        now = time.time()
        with contextlib.suppress(OSError):
            for tmp in list(self.folder.glob("*.tmp")):
                with contextlib.suppress(OSError):
                    if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                        tmp.unlink(missing_ok=True)
        entries = self.entries()
        total = sum(size for _p, size, _m in entries)
        # The entry just stored goes last (it is the newest anyway), and only if it alone is
        # larger than the cap.
        entries.sort(key=lambda e: e[0] == keep)
        for p, size, _m in entries:
            if total <= self.max_bytes:
                break
            try:
                p.unlink(missing_ok=True)
                total -= size
            except OSError:
                continue

    def clear(self) -> None:
        for p, _size, _m in self.entries():
            p.unlink(missing_ok=True)

    def _discard(self, path: Path, exc: BaseException) -> None:
        log.info("import cache: unreadable entry %s removed (%s)", path.name, exc)
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _canonical(df: pd.DataFrame) -> pd.DataFrame:
    """The table read back with exactly the canonical dtypes (coerced only if needed)."""
    try:
        schema.validate(df)
        return df
    except ValueError:
        pass
    df = schema.coerce(df)
    schema.validate(df)
    return df
