"""The room's notes as the views show them: which group a view shows has notes, and which.

A note's target is ``("line", line_key)``, ``("department", name)``, ``("fund", code)`` or
``("program", name)``. Views select groups by canonical-column filters
(``{"department": "Parks"}``, ``{"fund_name": "General Fund"}``); :class:`NoteIndex` maps
such filters to the targets they name, so Explore and Flows mark and explain the same
notes the Data view does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # pandas comes with the first budget, not at start-up
    import pandas as pd

    from budgetbench.core.priorities import Annotation, Target
    from budgetbench.core.query import TableIndex

#: The canonical column that holds each level's note key.
TARGET_COLUMN = {
    "line": "line_key",
    "department": "department",
    "fund": "fund_code",
    "program": "program",
}
#: Filter column → note level, most specific first (a program is inside a department).
_LEVEL_OF = tuple((TARGET_COLUMN[level], level) for level in ("program", "department", "fund"))
MARK = "✎"


class NoteIndex:
    """Notes by target, and the lookup from a view's group filters to its notes."""

    def __init__(
        self,
        annotations: Iterable[Annotation] = (),
        lines: pd.DataFrame | None = None,
        table: TableIndex | None = None,
    ) -> None:
        self.notes: dict[Target, list[str]] = {}
        for a in annotations:
            self.notes.setdefault((a.level, a.key), []).append(a.text)
        self._lines = lines
        self._table = table
        self._codes: dict[str, str] | None = None
        self._line_notes = {k: v for (lv, k), v in self.notes.items() if lv == "line"}

    def __bool__(self) -> bool:
        return bool(self.notes)

    def fund_code(self, name: str) -> str | None:
        """The code of the fund called ``name`` in these lines (found once, when asked)."""
        if self._codes is None:
            self._codes = {}
            if self._lines is not None and len(self._lines):
                pairs = self._lines[["fund_name", "fund_code"]].drop_duplicates()
                for n, c in zip(pairs["fund_name"], pairs["fund_code"], strict=True):
                    if isinstance(n, str) and isinstance(c, str) and n and c:
                        self._codes.setdefault(n, c)
        return self._codes.get(name)

    def target(self, filters: Mapping[str, Any]) -> Target | None:
        """The note target a group's ``filters`` name (its most specific level), or ``None``
        when the group is not one notes can be on (an account, a division, a fund type)."""
        for column, level in _LEVEL_OF:
            value = filters.get(column)
            if isinstance(value, str) and value:
                return (level, value)
        name = filters.get("fund_name")
        if isinstance(name, str) and name:
            code = self.fund_code(name)
            if code:
                return ("fund", code)
        return None

    def direct(self, filters: Mapping[str, Any]) -> list[str]:
        """Notes written on the group itself."""
        if not self.notes:
            return []
        target = self.target(filters)
        return list(self.notes.get(target, ())) if target else []

    def on_lines(self, filters: Mapping[str, Any]) -> int:
        """How many notes are written on single lines inside the group (one lookup over the
        table's codes; called on hover, not for every drawn group)."""
        from budgetbench.core.query import make_scope

        lines, table = self._lines, self._table
        if not self._line_notes or lines is None or table is None or not filters:
            return 0
        mask = table.scope_mask(make_scope(filters))
        if mask is None or len(mask) != len(lines):
            return 0
        keys = lines["line_key"].to_numpy()[mask]
        return sum(len(self._line_notes.get(str(k), ())) for k in set(keys))


def tooltip_notes(notes: list[str], on_lines: int = 0) -> str:
    """The notes part of a hover text ("" when there are none)."""
    parts = [f"{MARK} {text}" for text in notes[:6]]
    if len(notes) > 6:
        parts.append(
            QCoreApplication.translate("Notes", "…and {0} more notes").format(len(notes) - 6)
        )
    if on_lines:
        parts.append(
            QCoreApplication.translate("Notes", "{0} notes on single lines here").format(on_lines)
        )
    return "\n".join(parts)
