"""Undo and redo for the session's edits: a ``QUndoCommand`` around a pure command.

The commands (:mod:`budgetbench.core.priorities`) know nothing of Qt: ``do(session)`` applies an
edit and returns the command that reverses it. :class:`SessionCommand` keeps that inverse so
the stack can run it, and swaps again on the way back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from budgetbench.core.priorities import Command


class SessionCommand(QUndoCommand):
    """``redo`` runs the command and keeps its inverse; ``undo`` runs the inverse.

    With ``done=True`` the command has already run once (see :func:`push`) and the first
    ``redo`` (the one ``QUndoStack.push`` makes) only records that."""

    def __init__(self, session: Any, command: Command, inverse: Command | None = None) -> None:
        super().__init__(command.label)  # the edit's name, as the Edit menu shows it
        self.session = session
        self.command = command
        self._inverse = inverse
        self._skip_redo = inverse is not None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._inverse = self.command.do(self.session)

    def undo(self) -> None:
        assert self._inverse is not None
        self.command = self._inverse.do(self.session)
        self._inverse = None


def push(stack: QUndoStack, session: Any, command: Command) -> SessionCommand:
    """Run ``command`` on ``session`` and put it on ``stack``.

    The edit runs before the push, so a refused edit (too many dots, a read-only session)
    raises here and leaves the stack as it was."""
    inverse = command.do(session)
    undo_command = SessionCommand(session, command, inverse)
    stack.push(undo_command)
    return undo_command
