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
