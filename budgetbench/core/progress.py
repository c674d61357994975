"""Progress reporting and cancellation for long-running work, independent of any UI."""

from __future__ import annotations

from collections.abc import Callable

#: ``progress(fraction, message)``; fraction in [0, 1]. May raise :class:`Cancelled`.
ProgressFn = Callable[[float, str], None]


class Cancelled(Exception):
    """The user asked to stop the work in progress."""


def no_progress(fraction: float, message: str) -> None:
    """A progress callback that does nothing."""


class BudgetError(Exception):
    """A problem with the user's input that the user can act on.

    ``str(error)`` is one clear line, fit to show in a dialog or on stderr.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
        self.message = message
