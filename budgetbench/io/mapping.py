"""How a file's columns map onto the canonical table, saved and reused as a named profile.

Detection (:mod:`budgetbench.io.detect`) proposes a :class:`ColumnMapping`; the mapping wizard
lets a person correct it; :mod:`budgetbench.io.normalize` applies it. A confirmed mapping is
stored as a profile keyed by the file's *header signature* (its header labels with digits
masked), so next year's file from the same city, whose headers say FY2026-27 instead of
FY2025-26, is recognised and imported the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from budgetbench.core.schema import COLUMNS, Phase

MAPPING_VERSION = 1

#: Roles a (non-amount) column can play, in the order the wizard lists them: the canonical
#: columns a file states (not the ones the import derives or records).
COLUMN_ROLES: tuple[str, ...] = tuple(
    c
    for c in COLUMNS
    if c not in ("is_transfer", "amount", "line_key", "src_sheet", "src_row", "src_col")
)
IGNORE = "ignore"
AMOUNT = "amount"


@dataclass(frozen=True)
class AmountColumn:
    """A column of money and what it holds.

    ``fiscal_year``/``phase``/``direction``/``fund_*`` set here override what the header says;
    ``None`` means "read it from the header (or the rows, or the file's title)".
    """

    index: int
    label: str = ""
    fiscal_year: int | None = None
    phase: str | None = None
    direction: str | None = None
    fund_code: str | None = None
    fund_name: str | None = None


@dataclass
class SheetMapping:
    """How to read one sheet."""

    sheet: str
    #: 0-based indices (into the sheet's cells) of the header row(s): one, or two stacked.
    header_rows: tuple[int, ...] = (0,)
    #: column index -> role from :data:`COLUMN_ROLES`
    columns: dict[int, str] = field(default_factory=dict)
    amounts: list[AmountColumn] = field(default_factory=list)
    #: multiply every amount by this (1000 for "amounts in thousands")
    unit_scale: float = 1.0
    #: True: revenue is signed negative in the file; False: positive; None: decide from data
    revenue_negative: bool | None = None
    #: values for the whole sheet when no column gives them: fiscal_year, phase, direction
    defaults: dict[str, object] = field(default_factory=dict)

    def role_of(self, index: int) -> str:
        if any(a.index == index for a in self.amounts):
            return AMOUNT
        return self.columns.get(index, IGNORE)

    def column_of(self, role: str) -> int | None:
        for j, r in self.columns.items():
            if role in r.split("+"):
                return j
        return None


@dataclass
class ColumnMapping:
    """The mapping of a whole file: the sheets to import and how."""

    sheets: list[SheetMapping] = field(default_factory=list)
    name: str = ""
    #: detection's confidence in [0, 1]; the app asks the user to check below 0.6
    confidence: float = 1.0
    #: what made detection unsure, in words a user understands
    doubts: list[str] = field(default_factory=list)

    def sheet(self, name: str) -> SheetMapping | None:
        return next((s for s in self.sheets if s.sheet == name), None)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["version"] = MAPPING_VERSION
        for s in d["sheets"]:
            s["columns"] = {str(k): v for k, v in s["columns"].items()}
            s["header_rows"] = list(s["header_rows"])
        return d

    @classmethod
    def from_dict(cls, d: dict) -> ColumnMapping:
        version = int(d.get("version", 1))
        if version > MAPPING_VERSION:
            raise ValueError(f"mapping version {version} is newer than this app understands")
        sheets = []
        for s in d.get("sheets", []):
            sheets.append(
                SheetMapping(
                    sheet=str(s.get("sheet", "")),
                    header_rows=tuple(int(i) for i in s.get("header_rows", [0])),
                    columns={
                        int(k): str(v)
                        for k, v in s.get("columns", {}).items()
                        if all(part in COLUMN_ROLES for part in str(v).split("+"))
                    },
                    amounts=[AmountColumn(**a) for a in s.get("amounts", [])],
                    unit_scale=float(s.get("unit_scale", 1.0)),
                    revenue_negative=s.get("revenue_negative"),
                    defaults=dict(s.get("defaults", {})),
                )
            )
        return cls(
            sheets=sheets,
            name=str(d.get("name", "")),
            confidence=float(d.get("confidence", 1.0)),
            doubts=list(d.get("doubts", [])),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    def fingerprint(self) -> str:
        """Identifies what the mapping does (not its name or confidence): part of cache keys."""
        d = self.to_dict()
        for k in ("name", "confidence", "doubts"):
            d.pop(k, None)
        text = json.dumps(d, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def with_name(self, name: str) -> ColumnMapping:
        return replace(self, name=name)


def validate_role_values(mapping: ColumnMapping) -> None:
    """Raise ``ValueError`` for a mapping no file could satisfy (the wizard calls this)."""
    for s in mapping.sheets:
        roles = [part for v in s.columns.values() for part in v.split("+")]
        dupes = {r for r in roles if roles.count(r) > 1}
        if dupes:
            raise ValueError(f"sheet '{s.sheet}': more than one column is {', '.join(dupes)}")
        if not s.amounts:
            raise ValueError(f"sheet '{s.sheet}': choose at least one column of amounts")
        for a in s.amounts:
            if a.phase is not None and a.phase not in {p.value for p in Phase}:
                raise ValueError(f"'{a.phase}' is not a budget phase")
            if a.direction not in (None, "revenue", "expense"):
                raise ValueError(f"'{a.direction}' is not revenue or expense")


_DIGITS = re.compile(r"\d+")


def header_signature(headers_by_sheet: dict[str, list[str]]) -> str:
    """A file's layout, independent of the years in it: sheet names and header labels,
    normalised, with digits masked."""
    parts = []
    for sheet in sorted(headers_by_sheet):
        labels = [
            _DIGITS.sub("#", " ".join(str(h).split()).lower()) for h in headers_by_sheet[sheet]
        ]
        parts.append(_DIGITS.sub("#", sheet.lower()) + "\x1e" + "\x1f".join(labels))
    return hashlib.sha256("\x1d".join(parts).encode("utf-8")).hexdigest()[:24]


class ProfileStore:
    """Named mappings saved as JSON files, found again by header signature."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        safe = re.sub(r"[^\w\- ]+", "_", name).strip() or "mapping"
        return self.folder / f"{safe}.json"

    def save(self, name: str, mapping: ColumnMapping, signature: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(name)
        data = {"name": name, "signature": signature, "mapping": mapping.with_name(name).to_dict()}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a profile
        return path

    def profiles(self) -> list[tuple[str, str, ColumnMapping]]:
        """``(name, signature, mapping)`` for every readable profile, by name."""
        out = []
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                out.append(
                    (
                        str(data["name"]),
                        str(data["signature"]),
                        ColumnMapping.from_dict(data["mapping"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged profile is skipped, never fatal
        return out

    def find(self, signature: str) -> ColumnMapping | None:
        for _name, sig, mapping in self.profiles():
            if sig == signature:
                return mapping
        return None

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


def default_store() -> ProfileStore:
    from budgetbench import paths

    return ProfileStore(paths.config_dir() / "mappings")
