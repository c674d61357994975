"""Progress reporting and cancellation for long-running work, independent of any UI."""

from __future__ import annotations

from collections.abc import Callable

from budgetbench.core.format import column_letter

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

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path, self.sheet, self.row, self.column = path, sheet, row, column
        self.message = message
        where = [f"sheet '{sheet}'" if sheet else "", f"row {row}" if row else ""]
        if column:
            where.append(f"column {column_letter(column)}")
        located = ", ".join(w for w in where if w)
        text = f"{located}: {message}" if located else message
        super().__init__(f"{path}: {text}" if path else text)
