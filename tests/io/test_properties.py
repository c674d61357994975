"""Property tests of detection and normalisation on generated budget tables.

Random tables (header words, title rows, "(amounts in thousands)", departments with
subtotal rows and a grand total, signs, number styles) must import with every line kept,
every total left out, and the sum of the imported amounts equal to the sum of the generated
lines times the unit. Nothing may raise anything but :class:`BudgetError`.

Examples per run: :data:`TABLE_EXAMPLES` + :data:`NUMBER_EXAMPLES` = 200 (about 10 s on the
2-core development machine).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetbench.core.progress import BudgetError
from budgetbench.io.detect import parse_amounts
from budgetbench.io.loader import load_budget

TABLE_EXAMPLES = 100
NUMBER_EXAMPLES = 100

DEPARTMENTS = ["Police", "Fire", "Library", "Parks", "Public Works", "Planning", "Courts"]
ACCOUNTS = [
    "Salaries",
    "Overtime",
    "Benefits",
    "Supplies",
    "Contracts",
    "Utilities",
    "Equipment",
    "Training",
    "Rent",
    "Fuel",
]
PHASES = ["Adopted", "Proposed", "Actual", "Amended"]


def money(value: int, style: str) -> str:
    """``value`` written the way published budgets write it."""
    if style == "plain":
        return str(value)
    body = f"{abs(value):,}"
    if style == "dollar":
        body = f"${body}"
    if value >= 0:
        return body
    return {"paren": f"({body})", "trail": f"{body}-"}.get(style, f"-{body}")


@st.composite
def tables(draw):
    n_depts = draw(st.integers(1, 4))
    depts = draw(st.permutations(DEPARTMENTS))[:n_depts]
    blocks = []
    for dept in depts:
        n = draw(st.integers(1, 5))
        accounts = draw(st.permutations(ACCOUNTS))[:n]
        amounts = draw(
            st.lists(st.integers(-2_000_000, 5_000_000), min_size=n, max_size=n).filter(
                lambda xs: any(x != 0 for x in xs)
            )
        )
        blocks.append((dept, list(zip(accounts, amounts, strict=True))))
    return {
        "blocks": blocks,
        "dept_header": draw(st.sampled_from(["Department", "Dept", "Agency", "DEPARTMENT"])),
        "account_header": draw(st.sampled_from(["Account", "Description", "Line Item"])),
        "year": draw(st.integers(2010, 2030)),
        "phase": draw(st.sampled_from(PHASES)),
        "thousands": draw(st.booleans()),
        "title": draw(st.booleans()),
        "subtotals": draw(st.booleans()),
        "grand_total": draw(st.booleans()),
        "style": draw(st.sampled_from(["plain", "comma", "dollar", "paren", "trail"])),
        "sep": draw(st.sampled_from([",", ";", "\t"])),
    }


def render(t: dict) -> tuple[str, int, float]:
    """CSV text, the number of lines, and their sum in dollars."""
    sep = t["sep"]

    def row(*cells: str) -> str:
        return sep.join(f'"{c}"' if sep in c or '"' in c else c for c in cells) + "\n"

    out = []
    if t["title"] or t["thousands"]:
        unit = " (amounts in thousands)" if t["thousands"] else ""
        out.append(row(f"City of Example operating budget{unit}", "", ""))
        out.append(row("", "", ""))
    out.append(row(t["dept_header"], t["account_header"], f"FY{t['year']} {t['phase']}"))
    lines, grand = 0, 0
    for dept, items in t["blocks"]:
        for account, amount in items:
            out.append(row(dept, account, money(amount, t["style"])))
            lines += 1
        subtotal = sum(a for _, a in items)
        grand += subtotal
        if t["subtotals"]:
            out.append(row(f"Total {dept}", "", money(subtotal, t["style"])))
    if t["grand_total"]:
        out.append(row("Grand Total", "", money(grand, t["style"])))
    scale = 1000.0 if t["thousands"] else 1.0
    return "".join(out), lines, grand * scale


@settings(
    max_examples=TABLE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tables())
def test_generated_tables_keep_every_line_and_no_total(table):
    text, n_lines, total = render(table)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.csv"
        path.write_text(text, encoding="utf-8")
        try:
            budget = load_budget(path, use_cache=False)
        except BudgetError as exc:  # a clear refusal is allowed, and must be one line
            assert "\n" not in str(exc)
            pytest.fail(f"a well-formed table was refused: {exc}\n{text}")
    lines = budget.lines
    assert len(lines) == n_lines, text
    assert float(lines["amount"].sum()) == pytest.approx(total, abs=1e-6), text
    assert not lines["department"].str.contains("Total", case=False).any(), text
    assert set(lines["fiscal_year"]) == {table["year"]}
    assert set(lines["phase"].astype(str)) == {table["phase"].lower()}
    if table["subtotals"] or table["grand_total"]:
        # The file's own totals are reconciled, and they add up.
        assert budget.report.reconciliations
        assert all(r.ok for r in budget.report.reconciliations), text


NUMBER_STYLES = ["plain", "comma", "dollar", "paren", "trail", "minus", "european"]


def written(value: float, style: str) -> str:
    cents = f"{abs(value):,.2f}"
    if style == "european":
        cents = cents.replace(",", "_").replace(".", ",").replace("_", ".")
        return f"-{cents}" if value < 0 else cents
    if style == "plain":
        return f"{value:.2f}"
    return money(1 if value >= 0 else -1, style).replace("1", cents, 1)


@settings(max_examples=NUMBER_EXAMPLES, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-(10**11), 10**11).map(lambda c: c / 100), st.sampled_from(NUMBER_STYLES)
        ),
        min_size=1,
        max_size=30,
    )
)
def test_amounts_in_any_published_style_read_exactly(cells):
    values = pd.Series([written(v, s) for v, s in cells], dtype=object)
    amounts, bad = parse_amounts(values)
    assert not bad.any(), list(values)
    for got, (want, style) in zip(amounts, cells, strict=True):
        assert got == pytest.approx(want, abs=0.005), (style, want, got)
