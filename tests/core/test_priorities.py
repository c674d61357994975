"""Notes, votes and tallies; undo commands return their inverses; re-anchoring on small cases."""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext
from dataclasses import replace

import pytest

from budgetbench.core.priorities import (
    AddAnnotation,
    Annotation,
    CastVotes,
    EditAnnotation,
    Participant,
    RemoveParticipant,
    SetTags,
    Vote,
    check_target,
    reanchor,
    tally,
)


class MemorySession:
    """The session API the commands use, in memory."""

    def __init__(self):
        self.notes: dict[int, Annotation] = {}
        self._tags = ["housing"]
        self.people: dict[str, Participant] = {}
        self._votes: list[Vote] = []
        self.next_id = 1

    def transaction(self):
        return nullcontext()

    def add_annotation(self, target, text, tags=(), stance=None, author=None):
        a = Annotation(self.next_id, *target, text, tuple(tags), stance, author)
        self.notes[a.id] = a
        self.next_id += 1
        return a.id

    def edit_annotation(self, annotation_id, **changes):
        old = self.notes[annotation_id]
        self.notes[annotation_id] = replace(old, **changes)
        return old

    def delete_annotation(self, annotation_id):
        return self.notes.pop(annotation_id)

    def restore_annotation(self, annotation):
        self.notes[annotation.id] = annotation
        return annotation.id

    def tags(self):
        return list(self._tags)

    def set_tags(self, tags):
        self._tags = list(tags)

    def votes_of(self, participant):
        return [v for v in self._votes if v.participant == participant]

    def cast_votes(self, participant, placements):
        self.people.setdefault(participant, Participant(participant))
        self._votes = [v for v in self._votes if v.participant != participant]
        self._votes += [Vote(participant, *t, d) for t, d in placements.items()]

    def participant(self, name):
        return self.people.get(name)

    def set_participant(self, name, group=None, dots=None):
        self.people[name] = Participant(name, group, 5 if dots is None else dots)

    def remove_participant(self, name):
        del self.people[name]
        self._votes = [v for v in self._votes if v.participant != name]

    def state(self):
        votes = defaultdict(int)
        for v in self._votes:
            votes[(v.participant, v.target)] += v.dots
        return (dict(self.notes), list(self._tags), dict(self.people), dict(votes))


def test_tally_by_item_theme_and_group():
    notes = [
        Annotation(1, "line", "a", "x", tags=("housing", "youth")),
        Annotation(2, "line", "a", "y", tags=("housing",)),
        Annotation(3, "department", "Library", "z", tags=("libraries",)),
    ]
    people = [Participant("ann", "north"), Participant("bo", "south"), Participant("cy")]
    votes = [
        Vote("ann", "line", "a", 3),
        Vote("ann", "theme", "transit", 2),
        Vote("bo", "department", "Library", 4),
        Vote("bo", "line", "a", 1),
        Vote("cy", "theme", "housing", 1),
        Vote("cy", "line", "b", 0),
    ]
    t = tally(votes, notes, people)
    assert t.total == 11
    assert t.by_item == {("line", "a"): 4, ("department", "Library"): 4}
    assert t.by_theme == {"housing": 5, "libraries": 4, "youth": 4, "transit": 2}
    assert t.by_group == {
        "": {("theme", "housing"): 1},
        "north": {("line", "a"): 3, ("theme", "transit"): 2},
        "south": {("department", "Library"): 4, ("line", "a"): 1},
    }
    assert next(iter(t.by_theme)) == "housing"  # most dots first


def test_targets_are_checked():
    assert check_target(["fund", "1010"]) == ("fund", "1010")
    for bad in [("street", "x"), ("line", ""), "line", ("theme", "housing")]:
        with pytest.raises(ValueError):
            check_target(bad)
    assert check_target(("theme", "housing"), allow_theme=True) == ("theme", "housing")


def run_undo_redo(session, command):
    """do, undo, redo as a QUndoStack adapter would; the states match at every step."""
    before = session.state()
    inverse = command.do(session)
    after = session.state()
    assert after != before
    redo = inverse.do(session)
    assert session.state() == before
    redo.do(session)
    assert session.state() == after


def test_every_command_undoes_and_redoes():
    s = MemorySession()
    run_undo_redo(s, AddAnnotation(("line", "k1"), "keep the pool open", ("youth",), "protect"))
    assert s.notes[1].text == "keep the pool open"
    first = AddAnnotation(("fund", "1010"), "why?", stance="question").do(s)
    note_id = first.annotation_id
    run_undo_redo(s, EditAnnotation(note_id, {"text": "why so much?", "tags": ("transit",)}))
    assert s.notes[note_id].tags == ("transit",)
    run_undo_redo(s, first)  # a delete, undone by a restore with the same id
    assert note_id not in s.notes
    run_undo_redo(s, SetTags(("housing", "transit", "youth")))
    run_undo_redo(s, CastVotes("ann", {("line", "k1"): 2, ("theme", "youth"): 3}))
    run_undo_redo(s, CastVotes("ann", {("line", "k1"): 5}))
    run_undo_redo(s, RemoveParticipant("ann"))
    with pytest.raises(ValueError):
        EditAnnotation(1, {"colour": "red"})


LINE = dict(
    direction="expense",
    fund_code="1010",
    fund_name="General Fund",
    department="Library",
    division="Branches",
    program="Branch Services",
    account_code="51111",
    account_name="Civilian: Regular",
    category="Salaries",
)


def test_reanchor_exact_fuzzy_and_unplaced():
    renamed = dict(LINE, program="Branch Services and Outreach")
    other = dict(LINE, account_code="54011", account_name="Office Supplies", category="Supplies")
    gone = dict(LINE, department="Fire", division="Ops", account_name="Apparatus", account_code="9")
    old_labels = {"k1": LINE, "k2": other, "k3": gone}
    new_lines = {"k2": other, "n1": renamed, "n2": dict(LINE, department="Police", division="X")}
    notes = [
        Annotation(1, "line", "k1", "a", anchor=LINE),
        Annotation(2, "line", "k2", "b"),
        Annotation(3, "line", "k3", "c", anchor=gone),
        Annotation(4, "department", "Library", "d"),
        Annotation(5, "department", "Fire Dept", "e"),
        Annotation(6, "line", "k1", "f"),
    ]
    exact, fuzzy, unplaced = reanchor(notes, old_labels, new_lines)
    assert [a.id for a in exact] == [2, 4]
    assert [(m.annotation.id, m.key) for m in fuzzy] == [(1, "n1"), (6, "n1")]
    assert fuzzy[0].moved.key == "n1" and fuzzy[0].moved.anchor["program"] == renamed["program"]
    assert 0.85 <= fuzzy[0].score < 1
    assert [a.id for a in unplaced] == [3, 5]
    # A stricter threshold places nothing fuzzily; nothing is ever lost.
    exact, fuzzy, unplaced = reanchor(notes, old_labels, new_lines, threshold=0.99)
    assert len(exact) + len(fuzzy) + len(unplaced) == len(notes) and not fuzzy


def test_reanchor_never_moves_a_note_onto_a_line_that_already_existed():
    similar = dict(LINE, account_name="Civilian: Regular Overtime")
    notes = [Annotation(1, "line", "k1", "a")]
    result = reanchor(notes, {"k1": LINE, "k9": similar}, {"k9": similar})
    assert result.unplaced == notes and not result.fuzzy
    result = reanchor(notes, {"k1": LINE}, {"k9": similar})
    assert [m.key for m in result.fuzzy] == ["k9"]
