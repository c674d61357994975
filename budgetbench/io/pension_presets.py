"""Pension plans on disk: the shipped presets and the plans a user types in and saves.

A plan file is JSON::

    {"format": "budgetbench-pension-plan", "schema_version": 1,
     "id": "san-jose-federated",
     "plan": {"name": ..., "aal": ..., "tiers": [...], "bases": [...],
              "amortization": {...}, "smoothing": {...}, "employee": {...},
              "sources": {"aal": "where the figure comes from", ...}}}

Field names are those of :class:`budgetbench.core.pension.Plan` and its parts. Unknown fields
are refused (a typo would otherwise be silently ignored). User plans live in
``paths.config_dir()/"pension_plans"``.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import types
import typing
from pathlib import Path
from typing import Any

from budgetbench import paths
from budgetbench.core.pension import (
    AmortizationBase,
    AmortizationPolicy,
    EmployeeRule,
    Plan,
    Sensitivity,
    Smoothing,
    Tier,
)
from budgetbench.core.progress import BudgetError

FORMAT = "budgetbench-pension-plan"
SCHEMA_VERSION = 1
PRESET_DIR_NAME = "pension_presets"

_NESTED: dict[str, type] = {
    "tiers": Tier,
    "bases": AmortizationBase,
    "amortization": AmortizationPolicy,
    "smoothing": Smoothing,
    "employee": EmployeeRule,
    "sensitivity": Sensitivity,
}
_CHOICES: dict[tuple[type, str], tuple[str, ...]] = {
    (AmortizationPolicy, "method"): ("level_dollar", "level_percent"),
    (AmortizationBase, "method"): ("level_dollar", "level_percent"),
    (AmortizationPolicy, "kind"): ("closed", "open", "recalculated"),
    (AmortizationBase, "ramp"): ("none", "up", "up_down"),
    (Smoothing, "kind"): ("none", "recognition", "corridor"),
    (EmployeeRule, "kind"): ("fixed", "share_nc", "share_adc"),
}


def presets_dir() -> Path:
    """The folder of shipped presets (``resources/pension_presets``)."""
    return paths.resources_dir() / PRESET_DIR_NAME


def user_plans_dir() -> Path:
    """Where a user's own plans are saved (created when missing)."""
    d = paths.config_dir() / "pension_plans"
    d.mkdir(parents=True, exist_ok=True)
    return d


def list_presets() -> list[str]:
    """Names of the shipped presets (``san-jose-federated``, ...), sorted."""
    d = presets_dir()
    return sorted(p.stem for p in d.glob("*.json")) if d.is_dir() else []


def preset_labels() -> dict[str, str]:
    """Preset name -> the plan's display name."""
    return {name: load_preset(name).name for name in list_presets()}


def load_preset(name: str) -> Plan:
    """A shipped preset by name; a :class:`BudgetError` naming the choices when unknown."""
    names = list_presets()
    if name not in names:
        raise BudgetError(f"unknown pension preset {name!r}; choose from {', '.join(names)}")
    return load_plan(presets_dir() / f"{name}.json")


def list_user_plans() -> list[Path]:
    """The user's saved plan files, sorted by name."""
    return sorted(user_plans_dir().glob("*.json"))


def slug(text: str) -> str:
    """A file-name-safe form of a plan name."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "plan"


def save_plan(plan: Plan, path: str | Path | None = None, *, plan_id: str | None = None) -> Path:
    """Write ``plan`` as JSON (to the user plans folder when ``path`` is None); return the path.

    The file is written to a temporary name and renamed, so a crash never leaves half a file."""
    target = Path(path) if path is not None else user_plans_dir() / f"{slug(plan.name)}.json"
    doc = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "id": plan_id or target.stem,
        "plan": plan_to_dict(plan),
    }
    text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        raise BudgetError(f"cannot save the plan: {exc.strerror or exc}", path=str(target)) from exc
    return target


def load_plan(path: str | Path) -> Plan:
    """Read a plan file; every problem is a one-line :class:`BudgetError` naming the file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BudgetError("the plan file does not exist", path=str(p)) from None
    except UnicodeDecodeError:
        raise BudgetError("not a text (UTF-8 JSON) file", path=str(p)) from None
    except OSError as exc:
        raise BudgetError(f"cannot read the plan file: {exc.strerror or exc}", path=str(p)) from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BudgetError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=str(p)
        ) from None
    return plan_from_document(doc, where=str(p))


def plan_from_document(doc: Any, where: str | None = None) -> Plan:
    """A plan from a parsed plan file (checks the format marker and schema version)."""
    if not isinstance(doc, dict):
        raise BudgetError("a plan file must hold a JSON object", path=where)
    if doc.get("format") != FORMAT:
        raise BudgetError(f'not a budgetbench pension plan (no "format": "{FORMAT}")', path=where)
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BudgetError("the plan file has no schema_version", path=where)
    if version > SCHEMA_VERSION:
        raise BudgetError(
            f"the plan file is schema version {version}; this budgetbench reads up to "
            f"{SCHEMA_VERSION} (a newer version wrote it)",
            path=where,
        )
    if "plan" not in doc:
        raise BudgetError('the plan file has no "plan" object', path=where)
    return plan_from_dict(doc["plan"], where=where)


# ---- dataclass <-> dict ---------------------------------------------------------------------
def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """A JSON-ready dict of the plan (tuples become lists)."""
    return _plain(dataclasses.asdict(plan))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise BudgetError("a plan figure is not a finite number")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def plan_from_dict(data: Any, where: str | None = None) -> Plan:
    """A :class:`Plan` from a dict, checking every field; raises :class:`BudgetError`."""
    plan = _build(Plan, data, "plan", where)
    _check_plan(plan, where)
    return plan


def _fail(where: str | None, field: str, message: str) -> BudgetError:
    return BudgetError(f"{field}: {message}", path=where)


def _build(cls: type, data: Any, name: str, where: str | None):
    if not isinstance(data, dict):
        raise _fail(where, name, "must be a JSON object")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise _fail(
            where,
            name,
            f"unknown field {unknown[0]!r} (known: {', '.join(fields)})",
        )
    kwargs: dict[str, Any] = {}
    for key, f in fields.items():
        label = f"{name}.{key}"
        if key not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _fail(where, label, "is missing")
            continue
        kwargs[key] = _convert(cls, key, hints[key], data[key], label, where)
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise _fail(where, name, str(exc)) from None


def _convert(cls: type, key: str, hint: Any, value: Any, label: str, where: str | None):
    if key in _NESTED:
        sub = _NESTED[key]
        if value is None and _optional(hint):
            return None
        if key in ("tiers", "bases"):
            if not isinstance(value, list):
                raise _fail(where, label, "must be a list")
            return [_build(sub, v, f"{label}[{n}]", where) for n, v in enumerate(value)]
        return _build(sub, value, label, where)
    if value is None:
        if _optional(hint):
            return None
        raise _fail(where, label, "must not be null")
    base = _base_type(hint)
    choices = _CHOICES.get((cls, key))
    if choices is not None:
        if value not in choices:
            raise _fail(where, label, f"must be one of {', '.join(choices)}, not {value!r}")
        return value
    if base is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(where, label, f"must be a number, not {value!r}")
        if not math.isfinite(value):
            raise _fail(where, label, "must be a finite number")
        return float(value)
    if base is int:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise _fail(where, label, f"must be a whole number, not {value!r}")
        return int(value)
    if base is bool:
        if not isinstance(value, bool):
            raise _fail(where, label, f"must be true or false, not {value!r}")
        return value
    if base is str:
        if not isinstance(value, str):
            raise _fail(where, label, f"must be text, not {value!r}")
        return value
    if base is tuple:  # smoothing corridor (lo, hi)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            raise _fail(where, label, "must be a list of two numbers, e.g. [0.8, 1.2]")
        return (float(value[0]), float(value[1]))
    if base is dict:
        if not isinstance(value, dict):
            raise _fail(where, label, "must be a JSON object")
        args = typing.get_args(_strip_optional(hint))
        vtype = _base_type(args[1]) if len(args) == 2 else None
        out = {}
        for k, v in value.items():
            if vtype is int:
                out[k] = _convert(cls, "_", int, v, f"{label}.{k}", where)
            elif vtype is str:
                if key == "ramps" and v not in ("none", "up", "up_down"):
                    raise _fail(where, f"{label}.{k}", "must be one of none, up, up_down")
                out[k] = _convert(cls, "_", str, v, f"{label}.{k}", where)
            else:
                out[k] = v
        return out
    return value


def _optional(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _strip_optional(hint: Any) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return hint


def _base_type(hint: Any) -> Any:
    h = _strip_optional(hint)
    origin = typing.get_origin(h)
    if origin is typing.Literal:
        return str
    if origin in (dict, tuple, list):
        return origin
    return h


def _check_plan(plan: Plan, where: str | None) -> None:
    def need(ok: bool, field: str, message: str) -> None:
        if not ok:
            raise _fail(where, f"plan.{field}", message)

    need(bool(plan.tiers), "tiers", "give at least one tier (its payroll and normal-cost rate)")
    for n, t in enumerate(plan.tiers):
        need(t.payroll >= 0, f"tiers[{n}].payroll", "must not be negative")
        need(0 <= t.nc_rate < 2, f"tiers[{n}].nc_rate", "must be a fraction of pay, e.g. 0.15")
    need(plan.payroll > 0, "tiers", "the total payroll must be positive")
    need(plan.aal > 0, "aal", "must be positive")
    need(plan.mva >= 0 and plan.ava >= 0, "mva", "assets must not be negative")
    need(plan.benefits >= 0, "benefits", "must not be negative")
    need(-0.5 < plan.discount_rate < 0.5, "discount_rate", "must be a fraction, e.g. 0.07")
    need(-0.5 < plan.payroll_growth < 0.5, "payroll_growth", "must be a fraction, e.g. 0.03")
    need(0 <= plan.benefit_timing <= 1, "benefit_timing", "must be between 0 and 1")
    need(0 <= plan.legacy_turnover < 1, "legacy_turnover", "must be between 0 and 1")
    need(0 <= plan.amortization.timing <= 1, "amortization.timing", "must be 0, 0.5 or 1")
    for src, n in plan.amortization.periods.items():
        need(n >= 1, f"amortization.periods.{src}", "must be at least 1 year")
    for n, b in enumerate(plan.bases):
        need(b.years >= 1, f"bases[{n}].years", "must be at least 1 payment")
        need(b.age >= 0, f"bases[{n}].age", "must not be negative")
    need(plan.smoothing.years >= 1, "smoothing.years", "must be at least 1")
