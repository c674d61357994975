"""Everything that touches files: readers, detection, mapping, normalisation, session, export.

The public entry point is :func:`load_budget`; it is imported lazily so that ``import
budgetbench.io`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from budgetbench.io.loader import load_budget

__all__ = ["load_budget"]


def __getattr__(name: str) -> Any:
    if name == "load_budget":
        from budgetbench.io.loader import load_budget

        return load_budget
    raise AttributeError(name)
