"""Sessions on a full disk: a clear error, and nothing that was saved is lost.

A writer process adds notes one by one, printing each note's id once it is committed, until
a write fails. Two ways of running out of room:

* a real, small file system (a 1 MB tmpfs), where the system can mount one (Linux, as root);
  skipped elsewhere;
* everywhere on POSIX: a file-size limit on the writer process (``RLIMIT_FSIZE``), so every
  write past it fails with EFBIG, as a full disk fails a write with ENOSPC.

Then the writer must have stopped on a :class:`BudgetError` saying the disk is full (or the
session file could not be written) and naming the file, every note it reported is in the file
when it is opened again, and SQLite's integrity check passes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file-size limits")

WRITER = r"""
import os, resource, signal, sys
sys.path.insert(0, sys.argv[3])
from test_session import small_budget
from budgetbench.core.progress import BudgetError
from budgetbench.io.session import Session

path, limit = sys.argv[1], int(sys.argv[2])
if not os.path.exists(path):
    Session.create(path, small_budget()).close()
if limit:
    # Writes past the limit fail with EFBIG instead of ending the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
s = Session.open(path)
text = "a note long enough to fill a small disk quickly " * 40
for i in range(100_000):
    try:
        n = s.add_annotation(("fund", "1010"), f"{i} {text}")
    except BudgetError as exc:
        print("ERROR", str(exc).replace("\n", " "), flush=True)
        try:  # the next change fails the same way, and reading still works
            s.add_annotation(("fund", "1010"), "once more")
        except BudgetError:
            pass
        print("READ", len(s.annotations()), flush=True)
        s.close()
        sys.exit(3)
    print(n, flush=True)
print("NEVER FULL", flush=True)
"""


def run_writer(path: Path, limit: int = 0) -> tuple[list[int], str, int, str]:
    here = str(Path(__file__).parent)
    proc = subprocess.run(
        [sys.executable, "-c", WRITER, str(path), str(limit), here],
        capture_output=True,
        text=True,
        timeout=120,
    )
    ids, error, read = [], "", -1
    for line in proc.stdout.splitlines():
        if line.isdigit():
            ids.append(int(line))
        elif line.startswith("ERROR "):
            error = line[6:]
        elif line.startswith("READ "):
            read = int(line[5:])
    return ids, error, read, proc.stderr


def assert_intact(path: Path, ids: list[int]) -> None:
    from budgetbench.io.session import Session

    with Session.open(path) as s:
        stored = {a.id for a in s.annotations()}
    assert set(ids) <= stored, sorted(set(ids) - stored)[:10]
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def assert_clear_error(error: str, path: Path, stderr: str) -> None:
    assert error, f"the writer never saw a clear error; stderr: {stderr[-2000:]}"
    assert path.name in error
    assert "disk is full" in error or "could not be written" in error
    assert "Traceback" not in stderr


def test_a_file_size_limit_fails_writes_clearly_and_loses_nothing(tmp_path):
    path = tmp_path / "limited.bbsession"
    from test_session import small_budget

    from budgetbench.io.session import Session

    Session.create(path, small_budget()).close()
    limit = path.stat().st_size + 300 * 1024
    ids, error, read, stderr = run_writer(path, limit)
    assert len(ids) >= 5, stderr[-2000:]
    assert_clear_error(error, path, stderr)
    assert read >= len(ids)
    assert_intact(path, ids)
    # With room again the session takes notes as before.
    with Session.open(path) as s:
        note = s.add_annotation(("fund", "1010"), "after the disk was freed")
        assert s.annotation(note).text == "after the disk was freed"


@contextlib.contextmanager
def small_filesystem(size: str = "1m"):
    """A tmpfs of ``size`` mounted on a new folder, or skip when mounting is not allowed."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs Linux and root")
    mount = Path(f"/tmp/budgetbench-full-{uuid.uuid4().hex[:8]}")
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        import gc

        gc.collect()  # a connection left for the collector would keep the mount busy
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        with contextlib.suppress(OSError):
            mount.rmdir()


def test_a_real_full_disk_fails_writes_clearly_and_loses_nothing(tmp_path):
    with small_filesystem("1m") as disk:
        path = disk / "room.bbsession"
        ids, error, read, stderr = run_writer(path)
        assert len(ids) >= 5, stderr[-2000:]
        assert_clear_error(error, path, stderr)
        assert read >= len(ids)
        copy = tmp_path / "room.bbsession"  # checked where there is room for the checkpoint
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{path}{suffix}").exists():
                shutil.copy(f"{path}{suffix}", f"{copy}{suffix}")
        assert_intact(copy, ids)


def test_creating_a_session_on_a_full_disk_says_so(tmp_path):
    from test_session import small_budget

    from budgetbench.core.progress import BudgetError
    from budgetbench.io.session import Session

    with small_filesystem("64k") as disk:
        (disk / "filler").write_bytes(b"\0" * (64 * 1024 - 4096))
        with pytest.raises(BudgetError) as info:
            Session.create(disk / "new.bbsession", small_budget())
    text = str(info.value)
    assert "new.bbsession" in text and "\n" not in text
    assert "disk is full" in text or "could not be written" in text
