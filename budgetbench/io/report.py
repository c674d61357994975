"""What an import did to a file: the mapping it chose, what it skipped, and whether it adds up."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Reconciliation:
    """A total printed in the file compared with the sum of the lines that were kept."""

    label: str
    file_total: float
    computed_total: float
    tolerance: float = 0.5

    @property
    def difference(self) -> float:
        return self.computed_total - self.file_total

    @property
    def ok(self) -> bool:
        return abs(self.difference) <= self.tolerance


@dataclass
class ImportReport:
    """Everything a user needs to trust (or question) an import."""

    source: str = ""
    file_format: str = ""
    sheets: list[str] = field(default_factory=list)
    rows_read: int = 0
    lines: int = 0
    #: source column label -> canonical role (``fund_name``, ``amount:2026:adopted``, ...)
    mapping: dict[str, str] = field(default_factory=dict)
    #: reason -> number of source rows skipped for it ("blank", "subtotal", ...)
    skipped: dict[str, int] = field(default_factory=dict)
    unit_scale: float = 1.0
    revenue_sign_flipped: bool = False
    warnings: list[str] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def to_dict(self) -> dict:
        d = asdict(self)
        d["reconciliations"] = [
            {**asdict(r), "difference": r.difference, "ok": r.ok} for r in self.reconciliations
        ]
        return d

    def summary_lines(self) -> list[str]:
        """The report as short plain-text lines (CLI, tooltips, the Data view's report panel)."""
        out = [
            f"Source: {self.source} ({self.file_format})",
            f"Sheets: {', '.join(self.sheets) or '-'}",
            f"Rows read: {self.rows_read:,}; line items kept: {self.lines:,}",
        ]
        if self.skipped:
            parts = ", ".join(f"{n:,} {why}" for why, n in sorted(self.skipped.items()))
            out.append(f"Rows skipped: {parts}")
        if self.unit_scale != 1.0:
            out.append(f"Amounts scaled by {self.unit_scale:g}")
        if self.revenue_sign_flipped:
            out.append("Revenue was signed negative in the file and has been flipped")
        if self.mapping:
            out.append("Columns: " + "; ".join(f"{k} -> {v}" for k, v in self.mapping.items()))
        for r in self.reconciliations:
            mark = "OK" if r.ok else "DIFFERS"
            out.append(
                f"Check {r.label}: file {r.file_total:,.2f}, lines {r.computed_total:,.2f} [{mark}]"
            )
        out.extend(f"Warning: {w}" for w in self.warnings)
        return out
