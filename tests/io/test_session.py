"""The session document: round trip, durability, migrations, locking, crash safety, re-anchoring."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pandas as pd
import pytest

from budgetbench.core import schema
from budgetbench.core.budget import Budget
from budgetbench.core.priorities import AddAnnotation, CastVotes
from budgetbench.core.progress import BudgetError
from budgetbench.io import session as session_module
from budgetbench.io.session import (
    SCHEMA_VERSION,
    Session,
    last_session_file,
    remember_last_session,
)


def small_budget(sha="a" * 64, program="Branch Services") -> Budget:
    rows = [
        dict(department="Library", program=program, account_name="Salaries", amount=100.0),
        dict(department="Library", program=program, account_name="Books", amount=50.0),
        dict(department="Fire", program="Suppression", account_name="Salaries", amount=900.0),
    ]
    df = pd.DataFrame(rows)
    df["fiscal_year"] = 2025
    df["phase"] = "adopted"
    df["direction"] = "expense"
    df["fund_code"] = "1010"
    df["fund_name"] = "General Fund"
    df["line_key"] = ""
    df = schema.coerce(df)
    df["line_key"] = schema.line_keys(df)
    return Budget(df, name="Springfield", source_path="/x/budget.csv", source_sha256=sha)


def keys(budget):
    return list(budget.lines["line_key"])


def test_round_trip_and_every_write_is_durable(tmp_path):
    b = small_budget()
    b.meta["aliases"] = {"Fire": "Fire Department"}
    b.meta["pension_scenarios"] = [{"name": "base", "discount": 0.07}]
    path = tmp_path / "room.bbsession"
    s = Session.create(path, b)
    k0, k1, _ = keys(b)
    first = s.add_annotation(
        ("line", k0), "protect staffing", tags=("Libraries ",), stance="protect"
    )
    second = s.add_annotation(
        ("department", "Fire"), "why overtime?", stance="question", author="t2"
    )
    s.edit_annotation(second, tags=("public safety",))
    s.set_tags(["housing", "libraries"])
    s.cast_votes("ann", {("line", k0): 2, ("theme", "housing"): 1}, group="north")
    s.cast_votes("bo", [(("department", "Fire"), 3)])
    s.set_value("view", {"tab": "explore"})
    with pytest.raises(ValueError):
        s.cast_votes("bo", {("line", k1): 6})  # only 5 dots
    with pytest.raises(ValueError):
        s.add_annotation(("line", k1), "x", stance="maybe")
    s.close()  # nothing to save: everything above is committed already

    s = Session.open(path)
    notes = s.annotations()
    assert [a.id for a in notes] == [first, second]
    assert notes[0].tags == ("libraries",) and notes[0].stance == "protect"
    assert notes[0].anchor["department"] == "Library"
    assert notes[1].tags == ("public safety",) and notes[1].author == "t2"
    assert s.tags() == ["housing", "libraries"]
    assert s.badge_counts() == {("line", k0): 1, ("department", "Fire"): 1}
    t = s.tally()
    assert t.by_item == {("department", "Fire"): 3, ("line", k0): 2}
    assert t.by_theme == {"public safety": 3, "libraries": 2, "housing": 1}
    assert t.by_group["north"] == {("line", k0): 2, ("theme", "housing"): 1}
    assert s.source_sha256 == "a" * 64 and s.source_path == "/x/budget.csv"
    assert s.get_value("view") == {"tab": "explore"}
    fresh = small_budget()
    s.load_meta(fresh)
    assert fresh.meta["aliases"] == {"Fire": "Fire Department"}
    assert fresh.meta["pension_scenarios"][0]["discount"] == 0.07
    s.close()


def test_commands_through_a_real_session(tmp_path):
    b = small_budget()
    s = Session.create(tmp_path / "a.bbsession", b)
    k0 = keys(b)[0]
    undo = AddAnnotation(("line", k0), "note", ("youth",)).do(s)
    redo = undo.do(s)
    assert s.annotations() == []
    redo.do(s)
    assert [a.text for a in s.annotations()] == ["note"]
    undo_votes = CastVotes("cy", {("line", k0): 4}).do(s)
    assert s.tally().total == 4
    undo_votes.do(s)
    assert s.tally().total == 0 and s.participant("cy") is None
    s.close()


def test_second_open_is_read_only(tmp_path):
    path = tmp_path / "a.bbsession"
    s = Session.create(path, small_budget())
    note = s.add_annotation(("fund", "1010"), "hi")
    other = Session.open(path)  # a second window in this process
    assert other.read_only and "read-only" in other.read_only_reason
    assert [a.id for a in other.annotations()] == [note]
    with pytest.raises(BudgetError, match="read-only"):
        other.add_annotation(("fund", "1010"), "lost?")
    # Another process gets the same answer, and the file is intact afterwards.
    code = (
        "import sys; from budgetbench.io.session import Session;"
        "s = Session.open(sys.argv[1]); print(s.read_only, len(s.annotations()))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert out.stdout.split() == ["True", "1"], out.stderr
    other.close()
    s.add_annotation(("fund", "1010"), "still writable")
    s.close()
    again = Session.open(path)  # the lock was released: writable again
    assert not again.read_only
    assert len(again.annotations()) == 2
    again.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_save_as_is_a_complete_copy_and_continues_there(tmp_path):
    s = Session.create(tmp_path / "a.bbsession", small_budget())
    s.add_annotation(("fund", "1010"), "one")
    dest = tmp_path / "copy.bbsession"
    dest.write_bytes(b"an older file that gets replaced")
    s.save_as(dest)
    s.add_annotation(("fund", "1010"), "two")
    s.close()
    with Session.open(tmp_path / "a.bbsession") as a, Session.open(dest) as c:
        assert [n.text for n in a.annotations()] == ["one"]
        assert [n.text for n in c.annotations()] == ["one", "two"]
    assert not list(tmp_path.glob("*.tmp"))


def test_version_1_file_migrates(tmp_path):
    path = tmp_path / "old.bbsession"
    db = sqlite3.connect(path)
    db.executescript(session_module.MIGRATIONS[0])
    db.executescript(
        """
        INSERT INTO meta VALUES ('source_sha256', 'abc'), ('source_path', 'old.csv');
        INSERT INTO annotations (level, key, text, stance, author, created)
            VALUES ('department', 'Library', 'open Sundays', 'increase', 'north', '2020-01-01');
        INSERT INTO annotation_tags VALUES (1, 'libraries'), (1, 'youth');
        INSERT INTO tags VALUES ('libraries', 0);
        INSERT INTO participants VALUES ('ann', 'north', 5);
        INSERT INTO votes (participant, level, key, dots)
            VALUES ('ann', 'department', 'Library', 2);
        PRAGMA user_version = 1;
        """
    )
    db.close()
    with Session.open(path) as s:
        (note,) = s.annotations()
        assert note.tags == ("libraries", "youth") and note.stance == "increase"
        assert s.tally().by_item == {("department", "Library"): 2}
        s.set_value("view", [1])
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    newer = tmp_path / "newer.bbsession"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(BudgetError, match="newer version"):
        Session.open(newer)
    junk = tmp_path / "junk.bbsession"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(BudgetError, match="not a session file"):
        Session.open(junk)


def test_last_session_is_remembered(tmp_path):
    assert last_session_file() is None
    path = tmp_path / "a.bbsession"
    Session.create(path, small_budget()).close()
    remember_last_session(path)
    assert last_session_file() == path.resolve()
    remember_last_session(None)
    assert last_session_file() is None


WRITER = """
import sys
from budgetbench.io.session import Session
s = Session.open(sys.argv[1])
for i in range(100000):
    n = s.add_annotation(("fund", "1010"), f"note {i}")
    print(n, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_loses_nothing_that_was_reported(tmp_path):
    path = tmp_path / "crash.bbsession"
    Session.create(path, small_budget()).close()
    rng = random.Random(20240601)
    started = time.perf_counter()
    for _ in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        reported = [int(proc.stdout.readline())]  # started writing
        deadline = time.perf_counter() + rng.uniform(0.0, 0.15)
        while time.perf_counter() < deadline:
            reported.append(int(proc.stdout.readline()))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for line in proc.stdout.read().split():  # committed before the kill, still buffered
            if line.strip().isdigit():
                reported.append(int(line))
        proc.stdout.close()
        with Session.open(path) as s:  # the dead writer's lock is taken over
            assert not s.read_only
            stored = {a.id for a in s.annotations()}
        assert set(reported) <= stored
    assert time.perf_counter() - started < 20


def test_ten_thousand_notes_open_and_show_badges_fast(tmp_path):
    b = small_budget()
    path = tmp_path / "big.bbsession"
    s = Session.create(path, b)
    ks = keys(b)
    s.add_annotations(
        (("line", ks[i % 3]), f"note {i}", ("housing", "youth"), "protect", "t1")
        for i in range(10_000)
    )
    s.close()
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        with Session.open(path, b) as s:
            notes = s.annotations()
            badges = s.badge_counts()
        best = min(best, time.perf_counter() - t)
    assert len(notes) == 10_000 and sum(badges.values()) == 10_000
    assert best <= 0.5, best


def test_reanchor_on_open_with_a_new_budget(tmp_path):
    old = small_budget()
    new = small_budget(sha="b" * 64, program="Branch Services & Outreach")
    path = tmp_path / "a.bbsession"
    s = Session.create(path, old)
    k_lib, _, k_fire = keys(old)
    s.add_annotation(("line", k_lib), "a")
    s.add_annotation(("line", k_fire), "b")
    s.add_annotation(("program", "Gone Program"), "c")
    s.close()
    s = Session.open(path, new)
    assert s.placed_exactly == 1 and len(s.reanchored) == 1 and len(s.unplaced) == 1
    assert s.reanchored[0].key == keys(new)[0]
    (lost,) = s.unplaced
    s.reattach(lost.id, ("program", "Suppression"))
    assert s.unplaced == [] and len(s.annotations()) == 3
    s.close()


def test_oakland_fy14_notes_reanchor_onto_fy15(tmp_path, realdata):
    from budgetbench.io.loader import load_budget

    full = load_budget(realdata("oakland/mayor-proposed-13-15.xlsx"))
    lines = full.lines
    fy14 = lines[lines["fiscal_year"] == 2014].reset_index(drop=True)
    fy15 = lines[lines["fiscal_year"] == 2015].reset_index(drop=True)
    old = Budget(fy14, source_path=full.source_path, source_sha256="fy14")
    new = Budget(fy15, source_path=full.source_path, source_sha256="fy15")
    path = tmp_path / "oak.bbsession"
    s = Session.create(path, old)
    # A note on every FY13-14 line: 8,816 lines, 8,722 of which are in FY14-15 too.
    s.add_annotations((("line", k), "note", (), None, None) for k in fy14["line_key"].unique())
    s.close()
    with Session.open(path, new) as s:
        # Measured: 8,722 stay on their line, 12 move to a line whose labels changed slightly
        # (mostly "0000 - Undetermined Program" given a real program), 82 are left unplaced.
        assert (s.placed_exactly, len(s.reanchored), len(s.unplaced)) == (8722, 12, 82)
        assert all(m.score >= 0.85 for m in s.reanchored)
        assert len(s.annotations()) == 8816  # nothing dropped
