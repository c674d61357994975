"""A loaded budget: the canonical line-item table plus what is known about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from budgetbench.core import schema


@dataclass
class Budget:
    """Line items in canonical form (see :mod:`budgetbench.core.schema`) and metadata."""

    lines: pd.DataFrame
    name: str = ""
    source_path: str = ""
    source_sha256: str = ""
    population: int | None = None
    meta: dict = field(default_factory=dict)
    #: How the lines were read from the file (an ``io.report.ImportReport``), when they were.
    report: Any = None

    def __post_init__(self) -> None:
        schema.validate(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def fiscal_years(self) -> list[int]:
        return sorted(int(y) for y in self.lines["fiscal_year"].unique())

    def totals(self, by: Sequence[str] = ()) -> pd.DataFrame:
        """Sum of ``amount`` grouped by canonical columns, one row per group, sorted by the keys.

        With no ``by``, one row holding the grand total.
        """
        by = list(by)
        unknown = [c for c in by if c not in schema.COLUMNS or c == "amount"]
        if unknown:
            raise ValueError(
                f"cannot group by {', '.join(unknown)}; choose from "
                + ", ".join(c for c in schema.COLUMNS if c != "amount")
            )
        if not by:
            return pd.DataFrame({"amount": [float(self.lines["amount"].sum())]})
        out = (
            self.lines.groupby(by, observed=True, sort=True, dropna=False)["amount"]
            .sum()
            .reset_index()
        )
        for c in by:
            if isinstance(out[c].dtype, pd.CategoricalDtype):
                out[c] = out[c].astype("string")
        return out
