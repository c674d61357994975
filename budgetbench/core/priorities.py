"""What a room cares about: notes, tags and dot-votes on lines, departments, funds or programs.

Pure Python: no Qt, no files. The session document (:mod:`budgetbench.io.session`) stores these
objects; the Priorities view shows them.

A *target* is a ``(level, key)`` pair: ``("line", line_key)``, ``("department", name)``,
``("fund", fund_code)`` or ``("program", name)``. Dot-votes may also go to a theme:
``("theme", tag)``.

Every edit is a command object with ``do(session) -> inverse``: running the inverse undoes the
edit and returns a command that redoes it. A ``QUndoStack`` adapter in the UI wraps them::

    redo(): self._inverse = self._command.do(session)
    undo(): self._command = self._inverse.do(session)

Commands only call the public session API (``add_annotation``, ``edit_annotation``,
``delete_annotation``, ``restore_annotation``, ``set_tags``, ``votes_of``, ``cast_votes``,
``participant``, ``set_participant``, ``remove_participant``, ``transaction``), so a plain
in-memory object with those methods serves in tests.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, Protocol

from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate
from budgetbench.core.schema import IDENTITY_COLUMNS

#: What a note says should happen to its target.
STANCES: tuple[str, ...] = ("protect", "increase", "cut", "question")

#: Each stance as people say it (English; :func:`stance_label` gives the interface's language).
STANCE_LABELS: dict[str, str] = {
    "protect": QT_TRANSLATE_NOOP("priorities", "Protect it"),
    "increase": QT_TRANSLATE_NOOP("priorities", "Increase it"),
    "cut": QT_TRANSLATE_NOOP("priorities", "Cut it"),
    "question": QT_TRANSLATE_NOOP("priorities", "Question it"),
}

#: Levels a note or a vote can be attached to.
LEVELS: tuple[str, ...] = ("line", "department", "fund", "program")
THEME = "theme"

#: The room's priority themes until someone edits the list (English; :func:`default_tags` gives
#: them in the interface's language).
DEFAULT_TAGS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("priorities", "housing"),
    QT_TRANSLATE_NOOP("priorities", "transit"),
    QT_TRANSLATE_NOOP("priorities", "youth"),
    QT_TRANSLATE_NOOP("priorities", "public safety"),
    QT_TRANSLATE_NOOP("priorities", "libraries"),
)

#: Canonical column holding the key of each non-line level.
LEVEL_COLUMNS: dict[str, str] = {
    "department": "department",
    "fund": "fund_code",
    "program": "program",
}

#: Default similarity (difflib ratio of the normalised labels) for a fuzzy re-anchor.
FUZZY_THRESHOLD = 0.85

Target = tuple[str, str]


def check_target(target: Sequence[str], *, allow_theme: bool = False) -> Target:
    """``target`` as a ``(level, key)`` tuple; ``ValueError`` when it is not one."""
    try:
        level, key = target
    except (TypeError, ValueError):
        raise ValueError(f"a target is a (level, key) pair, not {target!r}") from None
    levels = (*LEVELS, THEME) if allow_theme else LEVELS
    if level not in levels:
        raise ValueError(f"unknown target level {level!r}; expected one of {', '.join(levels)}")
    if not isinstance(key, str) or not key:
        raise ValueError(f"the key of a {level} target must be a non-empty string")
    return (str(level), key)


def stance_label(stance: str) -> str:
    """A stance as the interface says it ("Protect it"); an unknown one as it is."""
    label = STANCE_LABELS.get(stance)
    return translate("priorities", label) if label else stance


def default_tags() -> tuple[str, ...]:
    """The starting themes of a new session, in the interface's language."""
    return clean_tags(translate("priorities", t) for t in DEFAULT_TAGS)


def check_stance(stance: str | None) -> str | None:
    if stance is None or stance == "":
        return None
    if stance not in STANCES:
        raise ValueError(f"unknown stance {stance!r}; expected one of {', '.join(STANCES)}")
    return stance


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, lower case, white space collapsed; empty ones and repeats dropped."""
    out: list[str] = []
    for t in tags:
        if isinstance(t, str):
            t = " ".join(t.split()).lower()
            if t and t not in out:
                out.append(t)
    return tuple(out)


@dataclass(frozen=True)
class Annotation:
    """A note on a target. ``anchor`` is a snapshot of the target's labels when it was written
    (for a line, its identity columns) so it can be placed again on a newer budget."""

    id: int
    level: str
    key: str
    text: str
    tags: tuple[str, ...] = ()
    stance: str | None = None
    author: str | None = None
    created: str = ""
    anchor: Mapping[str, str] = field(default_factory=dict)

    @property
    def target(self) -> Target:
        return (self.level, self.key)


@dataclass(frozen=True)
class Participant:
    """Someone in the room (or a table of people voting together) with ``dots`` to place."""

    name: str
    group: str | None = None
    dots: int = 5


@dataclass(frozen=True)
class Vote:
    """``dots`` placed by ``participant`` on a target (an item or ``("theme", tag)``)."""

    participant: str
    level: str
    key: str
    dots: int = 1

    @property
    def target(self) -> Target:
        return (self.level, self.key)


@dataclass(frozen=True)
class Tally:
    """Dots counted by item, by theme and by group (each sorted most dots first)."""

    by_item: dict[Target, int]
    by_theme: dict[str, int]
    by_group: dict[str, dict[Target, int]]
    total: int


def _sorted(counts: Mapping[Any, int]) -> dict:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def tally(
    votes: Iterable[Vote],
    annotations: Iterable[Annotation] = (),
    participants: Iterable[Participant] = (),
) -> Tally:
    """Count dots.

    - ``by_item``: dots on each item (theme votes excluded);
    - ``by_theme``: dots placed on a theme directly, plus the dots on each item counted once for
      every distinct tag of the notes on that item;
    - ``by_group``: per participant group (``""`` for none), dots on each target, themes included.
    """
    group_of = {p.name: p.group or "" for p in participants}
    tags_of: dict[Target, set[str]] = defaultdict(set)
    for a in annotations:
        tags_of[a.target].update(a.tags)
    by_item: dict[Target, int] = defaultdict(int)
    by_theme: dict[str, int] = defaultdict(int)
    by_group: dict[str, dict[Target, int]] = defaultdict(lambda: defaultdict(int))
    total = 0
    for v in votes:
        if v.dots <= 0:
            continue
        total += v.dots
        by_group[group_of.get(v.participant, "")][v.target] += v.dots
        if v.level == THEME:
            by_theme[v.key] += v.dots
        else:
            by_item[v.target] += v.dots
            for tag in tags_of.get(v.target, ()):
                by_theme[tag] += v.dots
    return Tally(
        by_item=_sorted(by_item),
        by_theme=_sorted(by_theme),
        by_group={g: _sorted(c) for g, c in sorted(by_group.items())},
        total=total,
    )


def badge_counts(annotations: Iterable[Annotation]) -> dict[Target, int]:
    """Number of notes on each target (what the views draw as badges)."""
    counts: dict[Target, int] = defaultdict(int)
    for a in annotations:
        counts[a.target] += 1
    return dict(counts)


# ---- undoable commands -------------------------------------------------------------------------


class SessionLike(Protocol):  # pragma: no cover - typing only
    def add_annotation(self, target, text, tags=(), stance=None, author=None) -> int: ...
    def edit_annotation(self, annotation_id: int, **changes) -> Annotation: ...
    def delete_annotation(self, annotation_id: int) -> Annotation: ...
    def restore_annotation(self, annotation: Annotation) -> int: ...
    def tags(self) -> list[str]: ...
    def set_tags(self, tags: Sequence[str]) -> None: ...
    def votes_of(self, participant: str) -> list[Vote]: ...
    def cast_votes(self, participant: str, placements) -> None: ...
    def participant(self, name: str) -> Participant | None: ...
    def set_participant(self, name: str, group=None, dots=None) -> None: ...
    def remove_participant(self, name: str) -> None: ...
    def transaction(self): ...


class Command:
    """An edit. ``do`` applies it to a session and returns the command that undoes it.

    ``text`` names the edit in English (as marked for translation) or already in the
    interface's language; :attr:`label` is what the Undo and Redo menu entries show.
    """

    text: str = ""

    @property
    def label(self) -> str:
        return translate("priorities", self.text) if self.text else ""

    def do(self, session: SessionLike) -> Command:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class AddAnnotation(Command):
    target: Target
    note: str
    tags: tuple[str, ...] = ()
    stance: str | None = None
    author: str | None = None
    text: str = QT_TRANSLATE_NOOP("priorities", "Add note")

    def do(self, session: SessionLike) -> Command:
        new_id = session.add_annotation(
            self.target, self.note, tags=self.tags, stance=self.stance, author=self.author
        )
        return DeleteAnnotation(new_id, text=self.text)


@dataclass
class DeleteAnnotation(Command):
    annotation_id: int
    text: str = QT_TRANSLATE_NOOP("priorities", "Delete note")

    def do(self, session: SessionLike) -> Command:
        old = session.delete_annotation(self.annotation_id)
        return RestoreAnnotation(old, text=self.text)


@dataclass
class RestoreAnnotation(Command):
    """Put a deleted note back, with its id, date and anchor."""

    annotation: Annotation
    text: str = QT_TRANSLATE_NOOP("priorities", "Restore note")

    def do(self, session: SessionLike) -> Command:
        session.restore_annotation(self.annotation)
        return DeleteAnnotation(self.annotation.id, text=self.text)


#: Fields of a note that :class:`EditAnnotation` may change.
EDITABLE = ("text", "tags", "stance", "author", "level", "key", "anchor")


@dataclass
class EditAnnotation(Command):
    """Change some fields of a note (``changes`` maps field names of :data:`EDITABLE`)."""

    annotation_id: int
    changes: dict[str, Any]
    text: str = QT_TRANSLATE_NOOP("priorities", "Edit note")

    def __post_init__(self) -> None:
        unknown = set(self.changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a note")

    def do(self, session: SessionLike) -> Command:
        old = session.edit_annotation(self.annotation_id, **self.changes)
        return EditAnnotation(
            self.annotation_id, {k: getattr(old, k) for k in self.changes}, text=self.text
        )


@dataclass
class SetTags(Command):
    """Replace the room's list of priority themes (notes keep the tags they carry)."""

    tags: tuple[str, ...]
    text: str = QT_TRANSLATE_NOOP("priorities", "Edit themes")

    def do(self, session: SessionLike) -> Command:
        old = tuple(session.tags())
        session.set_tags(self.tags)
        return SetTags(old, text=self.text)


@dataclass
class CastVotes(Command):
    """Replace a participant's dots with ``placements`` (``{target: dots}``)."""

    participant: str
    placements: dict[Target, int]
    text: str = QT_TRANSLATE_NOOP("priorities", "Place dots")

    def do(self, session: SessionLike) -> Command:
        new_participant = session.participant(self.participant) is None
        old: dict[Target, int] = defaultdict(int)
        for v in session.votes_of(self.participant):
            old[v.target] += v.dots
        session.cast_votes(self.participant, self.placements)
        if new_participant:
            return RemoveParticipant(self.participant, text=self.text)
        return CastVotes(self.participant, dict(old), text=self.text)


@dataclass
class SetParticipant(Command):
    """Add a participant, or change the group or dots of one."""

    name: str
    group: str | None = None
    dots: int = 5
    text: str = QT_TRANSLATE_NOOP("priorities", "Edit participant")

    def do(self, session: SessionLike) -> Command:
        old = session.participant(self.name)
        session.set_participant(self.name, group=self.group, dots=self.dots)
        if old is None:
            return RemoveParticipant(self.name, text=self.text)
        return SetParticipant(old.name, old.group, old.dots, text=self.text)


@dataclass
class RemoveParticipant(Command):
    """Remove a participant and their dots (undo brings both back)."""

    name: str
    text: str = QT_TRANSLATE_NOOP("priorities", "Remove participant")

    def do(self, session: SessionLike) -> Command:
        old = session.participant(self.name)
        if old is None:
            raise KeyError(
                translate("priorities", "no participant named “{name}”").format(name=self.name)
            )
        placements: dict[Target, int] = defaultdict(int)
        for v in session.votes_of(self.name):
            placements[v.target] += v.dots
        session.remove_participant(self.name)
        return Macro(
            (
                SetParticipant(old.name, old.group, old.dots),
                CastVotes(old.name, dict(placements)),
            ),
            text=self.text,
        )


@dataclass
class Macro(Command):
    """Several commands as one edit (one transaction, one undo step)."""

    commands: tuple[Command, ...]
    text: str = QT_TRANSLATE_NOOP("priorities", "Edit")

    def do(self, session: SessionLike) -> Command:
        inverses: list[Command] = []
        with session.transaction():
            for c in self.commands:
                inverses.append(c.do(session))
        return Macro(tuple(reversed(inverses)), text=self.text)


# ---- re-anchoring ------------------------------------------------------------------------------


def identity_label(labels: Mapping[str, Any]) -> str:
    """A line's identity labels normalised as for ``line_key`` (trimmed, lower case, white space
    collapsed), joined in :data:`IDENTITY_COLUMNS` order: the text fuzzy matching compares."""
    return " | ".join(" ".join(str(labels.get(c) or "").split()).lower() for c in IDENTITY_COLUMNS)


def _norm(value: Any) -> str:
    return " ".join(str(value or "").split()).lower()


@dataclass(frozen=True)
class FuzzyMatch:
    """A note whose target is gone, placed on the most similar new target."""

    annotation: Annotation
    key: str
    anchor: Mapping[str, str]
    score: float

    @property
    def moved(self) -> Annotation:
        return replace(self.annotation, key=self.key, anchor=dict(self.anchor))


class Reanchored(NamedTuple):
    exact: list[Annotation]
    fuzzy: list[FuzzyMatch]
    unplaced: list[Annotation]


def line_labels(lines: Any) -> dict[str, dict[str, str]]:
    """``{line_key: {identity column: label}}`` of a canonical table (one entry per line)."""
    if isinstance(lines, Mapping):
        return {str(k): dict(v or {}) for k, v in lines.items()}
    if len(lines) == 0:
        return {}
    df = lines.drop_duplicates("line_key")
    cols = [c for c in IDENTITY_COLUMNS if c in df.columns]
    values = [df[c].astype(str).tolist() for c in cols]
    return {
        str(k): dict(zip(cols, row, strict=True))
        for k, row in zip(df["line_key"].tolist(), zip(*values, strict=True), strict=True)
    }


def _best_matches(
    wanted: Mapping[str, str], pool: Mapping[str, str], threshold: float
) -> dict[str, tuple[str, float]]:
    """One-to-one, best score first: ``{old key: (new key, score)}`` for texts ≥ ``threshold``."""
    scored: list[tuple[float, str, str]] = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    for old_key, old_text in wanted.items():
        matcher.set_seq2(old_text)
        for new_key, new_text in pool.items():
            matcher.set_seq1(new_text)
            if (
                matcher.real_quick_ratio() >= threshold
                and matcher.quick_ratio() >= threshold
                and (score := matcher.ratio()) >= threshold
            ):
                scored.append((score, old_key, new_key))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    out: dict[str, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, old_key, new_key in scored:
        if old_key not in out and new_key not in taken:
            out[old_key] = (new_key, score)
            taken.add(new_key)
    return out


def reanchor(
    annotations: Iterable[Annotation],
    old_labels_by_key: Mapping[str, Mapping[str, str] | None],
    new_lines: Any,
    *,
    threshold: float = FUZZY_THRESHOLD,
) -> Reanchored:
    """Place notes written on an older budget onto ``new_lines`` (a canonical table, or
    ``{line_key: labels}``).

    A note stays where its key still exists (``exact``). Otherwise its target's labels — from
    ``old_labels_by_key``, else the note's own ``anchor`` — are compared (difflib ratio of
    :func:`identity_label`) with the targets that are new in ``new_lines``: those whose key is
    not among the old ones (``old_labels_by_key`` should list every old line when known, so a
    note never lands on a line that was already there). Best pairs first, each old target onto
    at most one new one, at ``threshold`` or above (``fuzzy``). The rest are ``unplaced``: the
    caller lists them for the user to re-attach or drop.
    """
    annotations = list(annotations)
    new_by_key = line_labels(new_lines)
    new_values: dict[str, set[str]] = {}
    if not isinstance(new_lines, Mapping):
        for level, col in LEVEL_COLUMNS.items():
            if col in new_lines.columns:
                new_values[level] = {str(v) for v in new_lines[col].unique() if str(v)}
    else:
        for level, col in LEVEL_COLUMNS.items():
            new_values[level] = {v[col] for v in new_by_key.values() if v.get(col)}

    exact: list[Annotation] = []
    missing: list[Annotation] = []
    for a in annotations:
        present = a.key in new_by_key if a.level == "line" else a.key in new_values.get(a.level, ())
        (exact if present else missing).append(a)

    moves: dict[tuple[str, str], tuple[str, float]] = {}
    # Lines: compare identity labels with the lines that are new.
    wanted_lines: dict[str, str] = {}
    for a in missing:
        if a.level == "line" and a.key not in wanted_lines:
            labels = old_labels_by_key.get(a.key) or a.anchor
            if labels:
                wanted_lines[a.key] = identity_label(labels)
    if wanted_lines:
        old_keys = set(old_labels_by_key) | {a.key for a in annotations if a.level == "line"}
        pool = {k: identity_label(v) for k, v in new_by_key.items() if k not in old_keys}
        for old_key, hit in _best_matches(wanted_lines, pool, threshold).items():
            moves[("line", old_key)] = hit
    # Departments, funds, programs: compare the names.
    for level in LEVEL_COLUMNS:
        wanted = {a.key: _norm(a.key) for a in missing if a.level == level}
        if not wanted:
            continue
        used = {a.key for a in annotations if a.level == level}
        pool = {v: _norm(v) for v in new_values.get(level, ()) if v not in used}
        for old_key, hit in _best_matches(wanted, pool, threshold).items():
            moves[(level, old_key)] = hit

    fuzzy: list[FuzzyMatch] = []
    unplaced: list[Annotation] = []
    for a in missing:
        hit = moves.get(a.target)
        if hit is None:
            unplaced.append(a)
            continue
        new_key, score = hit
        anchor = new_by_key[new_key] if a.level == "line" else {LEVEL_COLUMNS[a.level]: new_key}
        fuzzy.append(FuzzyMatch(a, new_key, anchor, round(score, 4)))
    return Reanchored(exact, fuzzy, unplaced)
