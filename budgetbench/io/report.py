"""What an import did to a file: the mapping it chose, what it skipped, and whether it adds up."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


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
    #: how sure detection was of the column mapping, in [0, 1]; the app offers to check below 0.6
    confidence: float = 1.0
    #: what made detection unsure, in words a user understands
    doubts: list[str] = field(default_factory=list)
    #: True when the table came from the import cache (the file is unchanged since ``cached_at``)
    from_cache: bool = False
    #: when the cached table was made, local time "YYYY-MM-DD HH:MM" ("" when not from the cache)
    cached_at: str = ""

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def to_dict(self) -> dict:
        d = asdict(self)
        d["reconciliations"] = [
            {**asdict(r), "difference": r.difference, "ok": r.ok} for r in self.reconciliations
        ]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> ImportReport:
        """The inverse of :meth:`to_dict`; keys this version does not know are ignored."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in d.items() if k in known and k != "reconciliations"}
        for k in ("sheets", "warnings"):
            kwargs[k] = list(kwargs.get(k, []))
        for k in ("mapping", "skipped"):
            kwargs[k] = dict(kwargs.get(k, {}))
        report = cls(**kwargs)
        rec_fields = {f.name for f in fields(Reconciliation)}
        report.reconciliations = [
            Reconciliation(**{k: v for k, v in r.items() if k in rec_fields})
            for r in d.get("reconciliations", [])
        ]
        return report

    def summary_lines(self) -> list[str]:
        """The report as short plain-text lines (CLI, tooltips, the Data view's report panel)."""
        out = [
            f"Source: {self.source} ({self.file_format})",
            f"Sheets: {', '.join(self.sheets) or '-'}",
            f"Rows read: {self.rows_read:,}; line items kept: {self.lines:,}",
        ]
        if self.from_cache:
            since = self.cached_at or "it was imported"
            out.insert(1, f"Read from cache (file unchanged since {since})")
        if self.skipped:
            parts = ", ".join(f"{n:,} {why}" for why, n in sorted(self.skipped.items()))
            out.append(f"Rows skipped: {parts}")
        if self.unit_scale != 1.0:
            out.append(f"Amounts scaled by {self.unit_scale:g}")
        if self.revenue_sign_flipped:
            out.append("Revenue was signed negative in the file and has been flipped")
        if self.mapping:
            out.append("Columns: " + "; ".join(f"{k} -> {v}" for k, v in self.mapping.items()))
        if self.reconciliations:
            bad = [r for r in self.reconciliations if not r.ok]
            out.append(
                f"Totals printed in the file: {len(self.reconciliations):,} checked against "
                f"their lines, {len(self.reconciliations) - len(bad):,} add up"
            )
            for r in bad[:20]:
                out.append(
                    f"  differs: {r.label}: file {r.file_total:,.2f}, lines "
                    f"{r.computed_total:,.2f} (difference {r.difference:+,.2f})"
                )
            if len(bad) > 20:
                out.append(f"  ... and {len(bad) - 20:,} more")
        out.extend(f"Warning: {w}" for w in self.warnings)
        return out
