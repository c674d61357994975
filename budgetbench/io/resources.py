"""Reading the data tables shipped in ``resources/data``."""

from __future__ import annotations

import csv
from functools import cache

from budgetbench import paths


@cache
def cpi_u() -> dict[int, float]:
    """CPI-U annual averages by year (U.S. BLS series CUUR0000SA0), for inflation adjustment."""
    path = paths.resources_dir() / "data" / "cpi_u_us_city_average.csv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {int(r["year"]): float(r["cpi_u"]) for r in rows}


def _json(name: str) -> dict:
    import json

    path = paths.resources_dir() / "data" / name
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def comparable_measures() -> list:
    """Real tax measures and their published yields, each with its source (reference §5.3).

    A list of :class:`budgetbench.core.revenue.Comparable`, read from
    ``resources/data/comparable_measures.json``.
    """
    from budgetbench.core.revenue import Comparable

    return [Comparable.from_dict(m) for m in _json("comparable_measures.json")["measures"]]


def recession_presets() -> dict:
    """Recession presets by name (:class:`budgetbench.core.revenue.Recession`), read from
    ``resources/data/recessions.json``; each shock keeps its source."""
    from budgetbench.core.revenue import Recession

    return {p["name"]: Recession.from_dict(p) for p in _json("recessions.json")["presets"]}
