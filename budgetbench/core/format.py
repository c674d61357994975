"""How numbers are written for people: money in tables and charts, spreadsheet column names."""

from __future__ import annotations

from budgetbench.core.i18n import translate


def format_money(value: float) -> str:
    """Full dollars with thousands separators; cents only when there are any.

    >>> format_money(1234567.0), format_money(-12.5), format_money(0.004)
    ('$1,234,567', '-$12.50', '$0')
    """
    if value != value:  # NaN
        return ""
    cents = round(abs(value) * 100)
    dollars, rest = divmod(cents, 100)
    text = f"${dollars:,}" if rest == 0 else f"${dollars:,}.{rest:02d}"
    return f"-{text}" if value < 0 and cents else text


def short_money(value: float) -> str:
    """Money for charts: ``$1.2B``, ``$845K``, ``$12``, ``-$3.4M``.

    >>> short_money(1_234_000_000), short_money(845_300), short_money(1_153), short_money(-3.44e6)
    ('$1.2B', '$845K', '$1,153', '-$3.4M')
    """
    if value != value:
        return ""
    sign = "-" if value < 0 else ""
    v = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        scaled = v / size
        digits = 0 if suffix == "K" or scaled >= 100 else 1
        # 999,999 is "$1M", not "$1000K"; below $10,000 the dollars are shown in full.
        if round(scaled, digits) >= 1 and (suffix != "K" or v >= 9_999.5):
            text = f"{scaled:.{digits}f}"
            return f"{sign}${text.removesuffix('.0')}{suffix}"
    return f"{sign}${v:,.0f}" if v >= 1 or v == 0 else f"{sign}${v:.2f}"


def spoken_money(value: float) -> str:
    """The unformatted amount with its unit, for screen readers: ``1234567 dollars``.

    The unit is in the interface's language ("1234567 dólares"); the digits stay plain so a
    screen reader says the number in its own language.
    """
    if value != value:
        return ""
    amount = str(int(value)) if float(value).is_integer() else f"{value:.2f}"
    return translate("format", "{amount} dollars").format(amount=amount)


def column_letter(number: int) -> str:
    """A spreadsheet's name for a 1-based column number: 1 -> A, 27 -> AA; 0 -> ''."""
    letters = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters
