from __future__ import annotations

import pytest

from budgetbench.core.format import column_letter, format_money, short_money


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1_234_000_000, "$1.2B"),
        (845_300, "$845K"),
        (12.4, "$12"),
        (-3.44e6, "-$3.4M"),
        (0, "$0"),
        (1_153, "$1,153"),
        (10_400, "$10K"),
        (2_000_000, "$2M"),
        (150_000_000, "$150M"),
        (0.25, "$0.25"),
        (999_999, "$1M"),
        (float("nan"), ""),
    ],
)
def test_short_money(value, text):
    assert short_money(value) == text


def test_format_money_and_letters():
    assert format_money(1234567.0) == "$1,234,567"
    assert column_letter(28) == "AB"
