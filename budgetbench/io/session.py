"""The session document: one SQLite file (``*.bbsession``) per training session.

It holds the source budget's path and SHA-256, the column mapping used, the notes, the room's
themes, participants and dot-votes, aliases and the Pensions / Tradeoffs scenarios. SQLite is
the application file format: every call that changes something is one committed transaction
(WAL journal, ``synchronous=FULL``), so there is no separate autosave and a crash loses nothing
that was reported done.

Opening a session against a different budget file (proposed → adopted, next year) keeps each
note on its line by ``line_key``, then by a fuzzy match of the labels
(:func:`budgetbench.core.priorities.reanchor`); what cannot be placed is listed in
``session.unplaced`` for the user to re-attach or drop — it is never deleted.

Only one window or process writes a session at a time: a second open gets a read-only session
(``session.read_only``; ``session.read_only_reason`` says why) whose writes raise
:class:`BudgetError`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from budgetbench.core.priorities import (
    Annotation,
    FuzzyMatch,
    Participant,
    Tally,
    Target,
    Vote,
    check_stance,
    check_target,
    clean_tags,
    default_tags,
    line_labels,
    reanchor,
    tally,
)
from budgetbench.core.progress import BudgetError

if TYPE_CHECKING:
    from budgetbench.core.budget import Budget
    from budgetbench.io.mapping import ColumnMapping

SUFFIX = ".bbsession"
#: Keys of ``budget.meta`` kept in the session (see :meth:`Session.store_meta`).
META_KEYS = ("aliases", "pension_scenarios", "forecast_scenarios")
DEFAULT_DOTS = 5
LAST_SESSION_FILE = "last_session.txt"

#: Schema migrations; ``PRAGMA user_version`` is how many have run.
MIGRATIONS: tuple[str, ...] = (
    # 1: the first layout.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        level TEXT NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        stance TEXT,
        author TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag TEXT NOT NULL
    );
    CREATE TABLE tags (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
    CREATE TABLE participants (
        name TEXT PRIMARY KEY, grp TEXT, dots INTEGER NOT NULL DEFAULT 5
    );
    CREATE TABLE votes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        participant TEXT NOT NULL REFERENCES participants(name)
            ON DELETE CASCADE ON UPDATE CASCADE,
        level TEXT NOT NULL,
        key TEXT NOT NULL,
        dots INTEGER NOT NULL CHECK (dots > 0)
    );
    """,
    # 2: tags and a label snapshot on each note, a key/value store, the source's lines.
    """
    ALTER TABLE annotations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE annotations ADD COLUMN anchor TEXT NOT NULL DEFAULT '{}';
    UPDATE annotations SET tags = (
        SELECT json_group_array(tag) FROM
            (SELECT tag FROM annotation_tags t WHERE t.annotation_id = annotations.id
             ORDER BY t.rowid)
    ) WHERE id IN (SELECT annotation_id FROM annotation_tags);
    DROP TABLE annotation_tags;
    CREATE INDEX annotations_target ON annotations(level, key);
    CREATE INDEX votes_participant ON votes(participant);
    CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE source_lines (key TEXT PRIMARY KEY, labels TEXT NOT NULL) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _app_version() -> str:
    from budgetbench import __version__

    return __version__


# ---- the lock ----------------------------------------------------------------------------------

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class _Lock:
    """An exclusive OS lock on ``<session>.lock`` holding the owner's pid.

    The operating system drops the lock when its process dies, so a lock left by a crash is
    taken over without asking. A second window in the same process is refused too (the lock
    belongs to an open file, not to the process).
    """

    def __init__(self, session_path: Path) -> None:
        self.path = session_path.with_name(session_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> bool:
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                return False
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if not same:  # removed by its previous owner while we waited: lock the new one
                _unlock(fd)
                os.close(fd)
                continue
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode())
            self._fd = fd
            return True
        return False

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None


# ---- the session -------------------------------------------------------------------------------


class Session:
    """An open session document. Create with :meth:`create`, open with :meth:`open`."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, lock: _Lock | None, reason: str = ""
    ) -> None:
        self.path = path
        self._conn = conn
        self._lock = lock
        self._depth = 0
        #: Why the session is read-only ("" when it is writable).
        self.read_only_reason = reason
        #: Notes whose target is not in the budget this session was opened against.
        self.unplaced: list[Annotation] = []
        #: Notes moved onto a similar new target when the session was opened.
        self.reanchored: list[FuzzyMatch] = []
        #: How many notes stayed on their target when the session was opened.
        self.placed_exactly = 0

    # -- opening and closing

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @classmethod
    def create(
        cls,
        path: str | Path,
        budget: Budget,
        mapping: ColumnMapping | None = None,
        *,
        tags: Sequence[str] | None = None,
    ) -> Session:
        """A new session for ``budget`` at ``path`` (which must not exist yet); its themes
        are ``tags`` or the usual starting ones in the interface's language."""
        tags = default_tags() if tags is None else tags
        path = Path(path)
        if path.exists():
            raise BudgetError("a session file already exists there", path=str(path))
        lock = _Lock(path)
        if not lock.acquire():
            raise BudgetError("the session file is in use by another window", path=str(path))
        session = None
        try:
            conn = _connect(path, read_only=False)
            session = cls(path, conn, lock)
            session._migrate()
            with session.transaction():
                session._set_meta(
                    source_path=str(budget.source_path or ""),
                    source_sha256=str(budget.source_sha256 or ""),
                    mapping=mapping.to_json() if mapping is not None else "",
                    created=_now(),
                    app_version=_app_version(),
                    name=str(budget.name or ""),
                )
                session._store_source_lines(budget)
                session.set_tags(tags)
                session.store_meta(budget)
        except BaseException:
            if session is not None:  # e.g. a full disk: let the file go now, not at exit
                with contextlib.suppress(Exception):
                    session._conn.close()
            lock.release()
            raise
        return session

    @classmethod
    def open(cls, path: str | Path, budget: Budget | None = None) -> Session:
        """Open the session at ``path``; with ``budget``, place its notes on that budget's lines.

        When another window or process has it open, the session opens read-only.
        """
        path = Path(path)
        if not path.is_file():
            raise BudgetError("no session file there", path=str(path))
        lock: _Lock | None = _Lock(path)
        reason = ""
        if not lock.acquire():
            holder = lock.holder()
            lock = None
            who = f"process {holder}" if holder and holder != str(os.getpid()) else "another window"
            reason = f"{path.name} is open in {who}; opened read-only"
        try:
            conn = _connect(path, read_only=lock is None)
        except sqlite3.DatabaseError as exc:
            if lock is not None:
                lock.release()
            raise BudgetError(f"not a session file ({exc})", path=str(path)) from exc
        session = cls(path, conn, lock, reason)
        try:
            session._migrate()
            if budget is not None:
                session._place(budget)
        except sqlite3.DatabaseError as exc:
            session.close()
            raise BudgetError(f"not a session file ({exc})", path=str(path)) from exc
        except BaseException:
            session.close()
            raise
        return session

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_as(self, path: str | Path) -> Path:
        """Copy the session to ``path`` atomically (a consistent snapshot written to a temporary
        file beside it, then renamed over it) and continue in the copy."""
        path = Path(path)
        if path.resolve() == self.path.resolve():
            return path
        lock = _Lock(path)
        if not lock.acquire():
            raise BudgetError("that session file is in use by another window", path=str(path))
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self._db.backup(dest)
            finally:
                dest.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            for extra in ("-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(path) + extra).unlink()
            os.replace(tmp, path)
            conn = _connect(path, read_only=self.read_only)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            lock.release()
            raise
        self.close()
        self.path, self._conn = path, conn
        if self.read_only_reason:  # a copy of a read-only session is the user's own
            conn.close()
            self._conn = _connect(path, read_only=False)
            self.read_only_reason = ""
        self._lock = lock
        return path

    # -- transactions

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise BudgetError("the session is closed", path=str(self.path))
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction (nested calls join the outer one)."""
        self._writable()
        db = self._db
        if self._depth:
            self._depth += 1
            try:
                yield db
            finally:
                self._depth -= 1
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            error = _write_error(exc, self.path)
            if error is exc:
                raise
            raise error from exc
        self._depth = 1
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as exc:
            self._depth = 0
            # After a full disk SQLite may have rolled back already; the change is lost
            # either way, and everything committed before it stays.
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            error = _write_error(exc, self.path) if isinstance(exc, sqlite3.Error) else exc
            if error is exc:
                raise
            raise error from exc
        self._depth = 0

    def _writable(self) -> None:
        if self.read_only:
            raise BudgetError(
                self.read_only_reason or "the session is read-only", path=str(self.path)
            )

    def _migrate(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BudgetError(
                f"the session was saved by a newer version of budgetbench (schema {version})",
                path=str(self.path),
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise BudgetError(
                "the session needs upgrading but is open in another window", path=str(self.path)
            )
        with self.transaction():
            for script in MIGRATIONS[version:]:
                for statement in _statements(script):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if version == 0:
                db.execute("INSERT OR IGNORE INTO meta VALUES ('created', ?)", (_now(),))

    # -- meta

    def _set_meta(self, **values: str) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [(k, str(v)) for k, v in values.items()],
            )

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    @property
    def source_path(self) -> str:
        return self.meta().get("source_path", "")

    @property
    def source_sha256(self) -> str:
        return self.meta().get("source_sha256", "")

    @property
    def mapping(self) -> ColumnMapping | None:
        text = self.meta().get("mapping", "")
        if not text:
            return None
        from budgetbench.io.mapping import ColumnMapping

        return ColumnMapping.from_dict(json.loads(text))

    def get_value(self, key: str, default: Any = None) -> Any:
        """A JSON value from the key/value store (view state, scenarios, aliases)."""
        row = self._db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_value(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM kv WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)",
                    (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
                )

    def store_meta(self, budget: Budget) -> None:
        """Save ``budget.meta``'s aliases and Pensions / Tradeoffs scenarios (one transaction)."""
        with self.transaction():
            for key in META_KEYS:
                if key in budget.meta:
                    self.set_value(key, budget.meta[key])

    def load_meta(self, budget: Budget) -> None:
        """Put the saved aliases and scenarios back into ``budget.meta``."""
        for key in META_KEYS:
            value = self.get_value(key)
            if value is not None:
                budget.meta[key] = value

    # -- the source budget's lines, and placing notes on a new budget

    def _store_source_lines(self, budget: Budget) -> None:
        labels = line_labels(budget.lines)
        with self.transaction() as db:
            db.execute("DELETE FROM source_lines")
            db.executemany(
                "INSERT INTO source_lines (key, labels) VALUES (?, ?)",
                ((k, json.dumps(v, ensure_ascii=False)) for k, v in labels.items()),
            )

    def _source_labels(self) -> dict[str, dict[str, str]]:
        return {
            k: json.loads(v) for k, v in self._db.execute("SELECT key, labels FROM source_lines")
        }

    def _place(self, budget: Budget) -> None:
        notes = self.annotations()
        sha = str(budget.source_sha256 or "")
        if sha and sha == self.source_sha256:
            keys = set(budget.lines["line_key"].unique()) if notes else set()
            values = {
                level: set(budget.lines[col].unique()) if notes else set()
                for level, col in (
                    ("department", "department"),
                    ("fund", "fund_code"),
                    ("program", "program"),
                )
            }
            self.unplaced = [
                a
                for a in notes
                if a.key not in (keys if a.level == "line" else values.get(a.level, ()))
            ]
            self.placed_exactly = len(notes) - len(self.unplaced)
            return
        result = reanchor(notes, self._source_labels(), budget.lines)
        self.placed_exactly = len(result.exact)
        self.reanchored = result.fuzzy
        self.unplaced = result.unplaced
        if self.read_only:
            return
        with self.transaction() as db:
            db.executemany(
                "UPDATE annotations SET key = ?, anchor = ? WHERE id = ?",
                [
                    (m.key, json.dumps(dict(m.anchor), ensure_ascii=False), m.annotation.id)
                    for m in result.fuzzy
                ],
            )
            self._set_meta(
                source_path=str(budget.source_path or ""),
                source_sha256=sha,
                name=str(budget.name or ""),
            )
            self._store_source_lines(budget)

    # -- notes

    def _anchor(self, level: str, key: str) -> dict[str, str]:
        if level == "line":
            row = self._db.execute(
                "SELECT labels FROM source_lines WHERE key = ?", (key,)
            ).fetchone()
            return json.loads(row[0]) if row else {}
        return {"fund_code" if level == "fund" else level: key}

    def add_annotation(
        self,
        target: Sequence[str],
        text: str,
        tags: Iterable[str] = (),
        stance: str | None = None,
        author: str | None = None,
    ) -> int:
        """Attach a note to ``target``; returns its id once committed."""
        return self.add_annotations([(target, text, tags, stance, author)])[0]

    def add_annotations(
        self, notes: Iterable[tuple[Sequence[str], str, Iterable[str], str | None, str | None]]
    ) -> list[int]:
        """Attach many notes ``(target, text, tags, stance, author)`` in one transaction."""
        ids: list[int] = []
        created = _now()
        with self.transaction() as db:
            for target, text, tags, stance, author in notes:
                level, key = check_target(target)
                cur = db.execute(
                    "INSERT INTO annotations (level, key, text, stance, author, created, tags,"
                    " anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        level,
                        key,
                        str(text),
                        check_stance(stance),
                        author or None,
                        created,
                        json.dumps(list(clean_tags(tags)), ensure_ascii=False),
                        json.dumps(self._anchor(level, key), ensure_ascii=False),
                    ),
                )
                ids.append(int(cur.lastrowid))
        return ids

    _SELECT = "SELECT id, level, key, text, tags, stance, author, created, anchor FROM annotations"

    @staticmethod
    def _rows(rows: list[tuple]) -> list[Annotation]:
        """Notes from many rows: each distinct tag list and label snapshot is decoded once
        (a room writes thousands of notes on the same few themes and lines)."""
        tags: dict[str, tuple[str, ...]] = {}
        anchors: dict[str, dict[str, str]] = {}
        out = []
        for r in rows:
            t = tags.get(r[4])
            if t is None:
                t = tags[r[4]] = tuple(json.loads(r[4]))
            a = anchors.get(r[8])
            if a is None:
                a = anchors[r[8]] = json.loads(r[8])
            out.append(Annotation(r[0], r[1], r[2], r[3], t, r[5], r[6], r[7], dict(a)))
        return out

    def annotations(self, target: Sequence[str] | None = None) -> list[Annotation]:
        """Every note (or those on ``target``), oldest first."""
        if target is None:
            # The notes change only when this connection's change count or the file's data
            # version (another connection's commit) does: views asking again share one read.
            db = self._db
            version = (db.total_changes, db.execute("PRAGMA data_version").fetchone()[0])
            cached = getattr(self, "_all_notes", None)
            if cached is not None and cached[0] == version:
                return list(cached[1])
            notes = self._rows(db.execute(self._SELECT + " ORDER BY id").fetchall())
            self._all_notes = (version, notes)
            return list(notes)
        rows = self._db.execute(
            self._SELECT + " WHERE level = ? AND key = ? ORDER BY id", tuple(target)
        ).fetchall()
        return self._rows(rows)

    def annotation(self, annotation_id: int) -> Annotation:
        row = self._db.execute(self._SELECT + " WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise KeyError(f"no note with id {annotation_id}")
        return self._rows([row])[0]

    def badge_counts(self) -> dict[Target, int]:
        """Number of notes on each target."""
        rows = self._db.execute("SELECT level, key, count(*) FROM annotations GROUP BY level, key")
        return {(level, key): n for level, key, n in rows}

    def edit_annotation(self, annotation_id: int, **changes: Any) -> Annotation:
        """Change fields of a note (text, tags, stance, author, level, key, anchor); returns the
        note as it was. Moving a note (``level``/``key``) without an ``anchor`` re-snapshots it."""
        with self.transaction() as db:
            old = self.annotation(annotation_id)
            new = {
                "text": old.text,
                "tags": old.tags,
                "stance": old.stance,
                "author": old.author,
                "level": old.level,
                "key": old.key,
                "anchor": old.anchor,
            }
            unknown = set(changes) - set(new)
            if unknown:
                raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a note")
            new.update(changes)
            level, key = check_target((new["level"], new["key"]))
            anchor = new["anchor"]
            if (level, key) != old.target and "anchor" not in changes:
                anchor = self._anchor(level, key)
            db.execute(
                "UPDATE annotations SET text = ?, tags = ?, stance = ?, author = ?, level = ?,"
                " key = ?, anchor = ? WHERE id = ?",
                (
                    str(new["text"]),
                    json.dumps(list(clean_tags(new["tags"])), ensure_ascii=False),
                    check_stance(new["stance"]),
                    new["author"] or None,
                    level,
                    key,
                    json.dumps(dict(anchor), ensure_ascii=False),
                    annotation_id,
                ),
            )
        return old

    def reattach(self, annotation_id: int, target: Sequence[str]) -> Annotation:
        """Move a note (an unplaced one, say) to ``target``; returns it as it was."""
        old = self.edit_annotation(annotation_id, level=target[0], key=target[1])
        self.unplaced = [a for a in self.unplaced if a.id != annotation_id]
        return old

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete a note; returns it (for undo, see :meth:`restore_annotation`)."""
        with self.transaction() as db:
            old = self.annotation(annotation_id)
            db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        self.unplaced = [a for a in self.unplaced if a.id != annotation_id]
        return old

    def restore_annotation(self, annotation: Annotation) -> int:
        """Put back a deleted note with its id, date and anchor."""
        a = annotation
        check_target(a.target)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO annotations (id, level, key, text, stance, author, created, tags,"
                " anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id,
                    a.level,
                    a.key,
                    a.text,
                    check_stance(a.stance),
                    a.author,
                    a.created or _now(),
                    json.dumps(list(clean_tags(a.tags)), ensure_ascii=False),
                    json.dumps(dict(a.anchor), ensure_ascii=False),
                ),
            )
        return a.id

    # -- themes

    def tags(self) -> list[str]:
        """The room's priority themes, in order."""
        return [r[0] for r in self._db.execute("SELECT name FROM tags ORDER BY position")]

    def set_tags(self, tags: Sequence[str]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM tags")
            db.executemany(
                "INSERT INTO tags (name, position) VALUES (?, ?)",
                [(t, i) for i, t in enumerate(clean_tags(tags))],
            )

    # -- participants and dot-votes

    def participants(self) -> list[Participant]:
        return [
            Participant(n, g, d)
            for n, g, d in self._db.execute(
                "SELECT name, grp, dots FROM participants ORDER BY name"
            )
        ]

    def participant(self, name: str) -> Participant | None:
        row = self._db.execute(
            "SELECT name, grp, dots FROM participants WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else Participant(*row)

    @property
    def dots_per_participant(self) -> int:
        return int(self.get_value("dots_per_participant", DEFAULT_DOTS))

    def set_participant(self, name: str, group: str | None = None, dots: int | None = None) -> None:
        """Add a participant or change their group and dots."""
        name = " ".join(str(name).split())
        if not name:
            raise ValueError("a participant needs a name")
        dots = self.dots_per_participant if dots is None else int(dots)
        if dots < 0:
            raise ValueError("a participant cannot have fewer than 0 dots")
        with self.transaction() as db:
            db.execute(
                "INSERT INTO participants (name, grp, dots) VALUES (?, ?, ?) ON CONFLICT(name)"
                " DO UPDATE SET grp = excluded.grp, dots = excluded.dots",
                (name, group or None, dots),
            )

    def remove_participant(self, name: str) -> None:
        """Remove a participant and their dots."""
        with self.transaction() as db:
            db.execute("DELETE FROM participants WHERE name = ?", (name,))

    def cast_votes(
        self,
        participant: str,
        placements: Mapping[Sequence[str], int] | Iterable[tuple[Sequence[str], int]],
        *,
        group: str | None = None,
    ) -> None:
        """Replace ``participant``'s dots with ``placements`` (``{target: dots}``; a target may
        be ``("theme", tag)``). A new participant is added (with ``group``); placing more dots
        than the participant has raises ``ValueError``."""
        items = placements.items() if isinstance(placements, Mapping) else placements
        counted: dict[Target, int] = {}
        for target, dots in items:
            t = check_target(target, allow_theme=True)
            if int(dots) < 0:
                raise ValueError("dots cannot be negative")
            counted[t] = counted.get(t, 0) + int(dots)
        with self.transaction() as db:
            who = self.participant(participant)
            if who is None:
                self.set_participant(participant, group=group)
                who = self.participant(" ".join(str(participant).split()))
                assert who is not None
            elif group is not None and group != who.group:
                self.set_participant(who.name, group=group, dots=who.dots)
            used = sum(counted.values())
            if used > who.dots:
                raise ValueError(f"{who.name} has {who.dots} dots and tried to place {used}")
            db.execute("DELETE FROM votes WHERE participant = ?", (who.name,))
            db.executemany(
                "INSERT INTO votes (participant, level, key, dots) VALUES (?, ?, ?, ?)",
                [(who.name, level, key, d) for (level, key), d in counted.items() if d > 0],
            )

    def votes(self) -> list[Vote]:
        return [
            Vote(*r)
            for r in self._db.execute("SELECT participant, level, key, dots FROM votes ORDER BY id")
        ]

    def votes_of(self, participant: str) -> list[Vote]:
        return [
            Vote(*r)
            for r in self._db.execute(
                "SELECT participant, level, key, dots FROM votes WHERE participant = ? ORDER BY id",
                (participant,),
            )
        ]

    def tally(self) -> Tally:
        """Dots by item, by theme and by group (see :func:`budgetbench.core.priorities.tally`)."""
        return tally(self.votes(), self.annotations(), self.participants())


def _statements(script: str) -> list[str]:
    """The statements of a migration script (none of them contains a ``;`` in a literal)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _write_error(exc: sqlite3.Error, path: Path) -> BaseException:
    """A full disk or a failing write, said so (one line naming the session file); any other
    SQLite error is returned as it is."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
        return BudgetError(
            "the disk is full: the last change could not be saved to the session file "
            "(free some space; everything saved before it is kept)",
            path=str(path),
        )
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in str(exc):
        return BudgetError(
            "the session file could not be written (the disk may be full, removed or "
            "failing); the last change was not saved, everything saved before it is kept",
            path=str(path),
        )
    return exc


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    try:
        return _open_connection(path, read_only=read_only)
    except sqlite3.OperationalError as exc:
        error = _write_error(exc, path)
        if isinstance(error, BudgetError):
            raise error from exc
        raise


def _open_connection(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
    try:
        return _set_up(conn, read_only=read_only)
    except BaseException:
        conn.close()  # a full disk fails the set-up: leave no file open behind
        raise


def _set_up(conn: sqlite3.Connection, *, read_only: bool) -> sqlite3.Connection:
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a file system without mmap
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    # Fail early, with a clear message, on something that is not SQLite at all.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


# ---- "the next start offers the last session" --------------------------------------------------


def _last_file() -> Path:
    from budgetbench.paths import data_dir

    return data_dir() / LAST_SESSION_FILE


def remember_last_session(path: str | Path | None) -> None:
    """Note ``path`` as the session to offer at the next start (``None`` forgets it)."""
    target = _last_file()
    if path is None:
        with contextlib.suppress(OSError):
            target.unlink()
        return
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(str(Path(path).resolve()), encoding="utf-8")
    os.replace(tmp, target)


def last_session_file() -> Path | None:
    """The session noted by :func:`remember_last_session`, if it still exists."""
    try:
        text = _last_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = Path(text) if text else None
    return path if path is not None and path.is_file() else None
