"""Every file of the bad-input corpus (tests/bad_inputs/make.py) through ``budgetbench summary``.

Each case is its own test: the command exits 2 with exactly one line on stderr that names the
file and says what is wrong (no traceback), or exits 0 having imported the file correctly
(line count and total asserted). Each run is timed against the case's limit (5 s unless the
case says more; the 50 MB and million-row files get 10-15 s), and nothing may try to open a
network connection. A few of the worst run in a separate process too, to prove the exit code
and to bound peak memory (:data:`PEAK_MB`).

Corpus: 63 files (60 on Windows, which has no links, pipes or /dev/zero): 44 that must be
refused and 19 odd but valid ones that must import. Last measured on the 2-core development
machine: 63 of 63 gave the expected clear error or correct import; the slowest,
``last_row_used.xlsx`` (a sheet of 1,048,576 rows), took about 3 s; the largest peak memory
was about 420 MB (the same file). The test session prints these figures at its end.
"""

from __future__ import annotations

import faulthandler
import json
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bad_inputs.make import CASES, TOTAL, make_all

from budgetbench.app import main

#: Peak resident memory (MB) allowed for the process that opens one of the worst files
#: (measured: about 420 MB for the sheet of 1,048,576 rows, under 220 MB for the rest).
PEAK_MB = 1000

_RESULTS: dict[str, tuple[bool, float]] = {}
_PEAKS: dict[str, float] = {}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_all(tmp_path_factory.mktemp("bad_inputs"))


@pytest.fixture(scope="module", autouse=True)
def _summary(request):
    yield
    if not _RESULTS:
        return
    good = sum(ok for ok, _ in _RESULTS.values())
    slowest = max(_RESULTS, key=lambda k: _RESULTS[k][1])
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    line = (
        f"bad inputs: {good} of {len(_RESULTS)} gave the expected clear error or correct "
        f"import; slowest {slowest} in {_RESULTS[slowest][1]:.2f} s"
    )
    if _PEAKS:
        worst = max(_PEAKS, key=_PEAKS.get)
        line += f"; largest peak memory {worst} {_PEAKS[worst]:.0f} MB"
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


@pytest.fixture
def no_network(monkeypatch):
    """Every way of opening a connection raises, and is recorded."""
    tried: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            tried.append(f"{name}{args[1:] if name == 'connect' else args}")
            raise OSError(f"network use blocked in tests: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return tried


def _cases() -> list:
    out = []
    for c in CASES:
        marks = []
        if c.posix_only and os.name != "posix":
            marks.append(pytest.mark.skip(reason="links, pipes and devices: POSIX only"))
        out.append(pytest.param(c, id=c.name, marks=marks))
    return out


@pytest.mark.parametrize("case", _cases())
def test_bad_input(case, corpus, capsys, no_network):
    path = corpus[case.name]
    # A hang must not stall the run: past the limit (with room for a slow machine), dump the
    # stacks and end the process.
    faulthandler.dump_traceback_later(case.seconds * 4 + 30, exit=True, file=sys.__stderr__)
    started = time.perf_counter()
    try:
        code = main(["summary", str(path), "--no-cache", "--json"])
    finally:
        seconds = time.perf_counter() - started
        faulthandler.cancel_dump_traceback_later()
    out, err = capsys.readouterr()
    _RESULTS[case.name] = (False, seconds)
    assert not no_network, f"{case.name} made the app try the network: {no_network}"
    assert "Traceback" not in err + out
    if case.error is not None:
        lines = err.splitlines()
        assert code == 2, (code, err[-2000:])
        assert len(lines) == 1, lines[:5]
        assert lines[0].startswith("budgetbench: error: ")
        assert case.name in lines[0]
        assert __import__("re").search(case.error, lines[0]), lines[0]
        assert out == ""
    else:
        assert code == 0, err
        result = json.loads(out)
        assert result["lines"] == case.lines
        assert sum(t["amount"] for t in result["totals"]) == pytest.approx(case.total)
        if case.check is not None:
            from budgetbench.io.loader import load_budget

            case.check(load_budget(path))
    assert seconds <= case.seconds, f"{case.name} took {seconds:.2f} s (limit {case.seconds} s)"
    _RESULTS[case.name] = (True, seconds)


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    errors = [c for c in CASES if c.error]
    imports = [c for c in CASES if not c.error]
    assert len(errors) >= 30 and len(imports) >= 10
    assert all(c.lines and c.total is not None for c in imports)
    assert TOTAL == 2225.0


#: The worst files, run as a separate process each: exit code and peak memory.
WORST = [
    "zip_bomb_lying.xlsx",
    "far_corner.xlsx",
    "huge_string_count.xlsx",
    "line_50mb_commas.csv",
    "last_row_used.xlsx",
]

_CHILD = """
import resource, sys
from budgetbench.app import main
code = main(["summary", sys.argv[1], "--no-cache"])
# VmHWM is this program's own peak; ru_maxrss would also count the test process it was
# forked from (Linux keeps that figure across exec).
try:
    with open("/proc/self/status") as fh:
        peak = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak //= 1024 if sys.platform == "darwin" else 1
sys.stderr.write(f"\\nPEAK_KB {peak}\\n")
sys.exit(code)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage")
def test_worst_files_in_a_process_of_their_own(corpus, tmp_path):
    env = {**os.environ, "BUDGETBENCH_NO_CACHE": "1"}
    procs = {}
    started = time.perf_counter()
    for name in WORST:  # two at a time: the machine has two cores
        procs[name] = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(corpus[name])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        if len(procs) % 2 == 0:
            for p in list(procs.values())[-2:]:
                p.wait(timeout=120)
    by_name = {c.name: c for c in CASES}
    for name, proc in procs.items():
        _out, err = proc.communicate(timeout=120)
        lines = [line for line in err.splitlines() if line.strip()]
        peak_kb = int(lines.pop().split()[1])
        expected = 2 if by_name[name].error else 0
        assert proc.returncode == expected, (name, proc.returncode, err[-2000:])
        if expected == 2:
            assert len(lines) == 1 and name in lines[0] and "Traceback" not in err, lines
        assert peak_kb / 1024 <= PEAK_MB, f"{name}: peak {peak_kb / 1024:.0f} MB"
        _PEAKS[name] = peak_kb / 1024
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
    assert time.perf_counter() - started < 90


def test_a_file_deleted_while_it_is_read(tmp_path):
    from budgetbench.core.progress import BudgetError
    from budgetbench.io.loader import load_budget

    path = tmp_path / "vanishing.csv"
    path.write_text("Department,Fund,FY2025 Adopted\nPolice,General Fund,1000\n")

    def progress(fraction, message):
        if message == "Reading file" and path.exists():
            path.unlink()  # another program moved it away just now

    with pytest.raises(BudgetError) as info:
        load_budget(path, progress=progress, use_cache=False)
    text = str(info.value)
    assert "vanishing.csv" in text and "\n" not in text
    assert "moved or deleted" in text or "does not exist" in text
