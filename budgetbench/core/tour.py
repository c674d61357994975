"""The Budget 101 tour and the glossary: their text files, a trainer's own copy, and whether
the budget that is open has what a step shows.

Each language has its own files, shipped in ``resources/tour/<lang>.json`` and
``resources/glossary/<lang>.json``. A trainer may keep an edited copy of the tour in the user
data folder (``<data>/tour/<lang>.json``): its order wins, a step it names by a shipped id
takes the shipped step's fields it leaves out, and a step it does not name is left out only
if the copy was made when that step already shipped (so steps added by a later version still
appear, after the shipped step they follow).

A step's *action* says declaratively what to show::

    {"view": "flows", "select": {"fund": "General Fund"}, "lens": {"net_of_transfers": true}}

(the vocabulary is :data:`ACTION_KEYS`), and its *needs* what the budget must hold for the
step to show something (:data:`NEEDS`). Nothing here imports Qt: the tour panel applies
actions; this module only reads, checks, merges and writes.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from budgetbench import paths
from budgetbench.core.i18n import translate
from budgetbench.core.progress import BudgetError

if TYPE_CHECKING:
    from budgetbench.core.budget import Budget

TOUR_FORMAT = "budgetbench-tour"
GLOSSARY_FORMAT = "budgetbench-glossary"
SCHEMA_VERSION = 1
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

#: The window's views a step can open.
VIEWS = ("data", "explore", "flows", "pensions", "tradeoffs", "priorities")
#: Text fields every step has (a trainer's step may leave out ``explanation``).
TEXT_FIELDS = ("title", "explanation", "question")
#: Every field of a step, in the order a file lists them.
STEP_FIELDS = ("id", *TEXT_FIELDS, "action", "needs", "sources")

#: What a step's ``select`` (and ``follow``) may name: canonical columns, ``fund`` (a fund's
#: name or code) and ``object`` (Explore's "by object" classes: Personnel, Taxes, ...).
SELECT_KEYS = (
    "fund",
    "fund_name",
    "fund_code",
    "fund_type",
    "department",
    "division",
    "program",
    "category",
    "account_name",
    "object",
    "direction",
)
LENS_KEYS = {"general_fund_only": bool, "net_of_transfers": bool, "restricted": str}
RESTRICTED_VALUES = ("restricted", "unrestricted")
GROUP_BY = ("fund", "department", "object")
COMPARE = ("budget_vs_actual", "previous")
RETURN_MODES = ("assumed", "constant", "shock", "stochastic")
#: Chart tabs a step can bring forward, per view.
CHARTS = {
    "pensions": ("funded", "contrib", "mortgage", "fan", "crowd", "compare"),
    "tradeoffs": ("gap", "reserve", "compare"),
}
#: Side panels of the Tradeoffs view.
PANELS = ("levers", "taxes", "recession", "pensions")
#: Keys of an action and the views they apply to.
ACTION_KEYS: dict[str, tuple[str, ...]] = {
    "view": VIEWS,
    "select": ("data", "explore", "flows"),
    "follow": ("flows",),
    "lens": ("explore", "flows"),
    "group_by": ("explore",),
    "compare": ("explore",),
    "search": ("data",),
    "pension_preset": ("pensions",),
    "pension_returns": ("pensions",),
    "scenario": ("tradeoffs",),
    "chart": ("pensions", "tradeoffs"),
    "panel": ("tradeoffs",),
}
FUND_TYPES = (
    "general",
    "special_revenue",
    "capital",
    "debt_service",
    "enterprise",
    "internal_service",
    "fiduciary",
)
#: Needs a step may list; ``fund_type:<type>`` and ``pension_preset:<name>`` take a value.
NEEDS = (
    "revenue",
    "expense",
    "several_funds",
    "departments",
    "transfers",
    "restricted",
    "recurring",
    "actuals",
    "several_phases",
    "fund_type:",
    "pension_preset:",
)


def _lacks_text(need: str) -> str:
    """What a budget lacks when it does not meet ``need``, as a phrase (translated)."""
    kind, _, value = need.partition(":")
    phrases = {
        "revenue": translate("tour", "revenue lines (money coming in)"),
        "expense": translate("tour", "spending lines"),
        "several_funds": translate("tour", "more than one fund"),
        "departments": translate("tour", "departments"),
        "transfers": translate("tour", "transfers between funds"),
        "restricted": translate("tour", "lines marked restricted or unrestricted"),
        "recurring": translate("tour", "lines marked one-time or ongoing"),
        "actuals": translate("tour", "actual figures beside a budget"),
        "several_phases": translate("tour", "more than one year or phase"),
    }
    if kind == "fund_type":
        return fund_type_phrase(value)
    if kind == "pension_preset":
        return translate("tour", "the pension plan “{name}”").format(name=value)
    return phrases.get(kind, need)


def fund_type_phrase(fund_type: str) -> str:
    """ "a special revenue fund", ... (translated)."""
    phrases = {
        "general": translate("tour", "a General Fund"),
        "special_revenue": translate("tour", "a special revenue fund"),
        "capital": translate("tour", "a capital projects fund"),
        "debt_service": translate("tour", "a debt service fund"),
        "enterprise": translate("tour", "an enterprise fund"),
        "internal_service": translate("tour", "an internal service fund"),
        "fiduciary": translate("tour", "a fiduciary fund (such as a pension trust)"),
    }
    return phrases.get(fund_type, fund_type)


def _value_phrase(key: str, value: str) -> str:
    """What a budget lacks when a step selects ``key`` = ``value`` and it has none."""
    if key == "fund_type":
        return fund_type_phrase(value)
    frames = {
        "fund": translate("tour", "a fund “{value}”"),
        "fund_name": translate("tour", "a fund “{value}”"),
        "fund_code": translate("tour", "a fund numbered “{value}”"),
        "department": translate("tour", "a department “{value}”"),
        "division": translate("tour", "a division “{value}”"),
        "program": translate("tour", "a program “{value}”"),
        "category": translate("tour", "a category “{value}”"),
        "account_name": translate("tour", "an account “{value}”"),
        "direction": translate("tour", "lines of direction “{value}”"),
    }
    return frames.get(key, "{value}").format(value=value)


# ------------------------------------------------------------------------------------------
# Steps
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of the tour."""

    id: str
    title: str
    explanation: str
    question: str
    action: dict = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def view(self) -> str:
        return str(self.action.get("view", ""))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "explanation": self.explanation,
            "question": self.question,
            "action": _plain(self.action),
            "needs": list(self.needs),
            "sources": list(self.sources),
        }


@dataclass
class Tour:
    """The steps in one language, and where they were read from."""

    lang: str
    steps: list[Step]
    #: the trainer's copy the steps came from, or ``None`` for the shipped tour
    user_file: Path | None = None
    #: why a trainer's copy could not be used (the shipped tour is shown instead), or ""
    problem: str = ""

    def index_of(self, step_id: str) -> int:
        """The position of the step ``step_id``, or -1."""
        return next((i for i, s in enumerate(self.steps) if s.id == step_id), -1)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def normalise_language(lang: str | None) -> str:
    code = (lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def shipped_tour_path(lang: str) -> Path:
    return paths.resources_dir() / "tour" / f"{normalise_language(lang)}.json"


def user_tour_path(lang: str) -> Path:
    """Where a trainer's copy of the tour lives (it may not exist)."""
    return paths.data_dir() / "tour" / f"{normalise_language(lang)}.json"


def glossary_path(lang: str) -> Path:
    return paths.resources_dir() / "glossary" / f"{normalise_language(lang)}.json"


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BudgetError("the file does not exist", path=str(path)) from None
    except OSError as exc:
        raise BudgetError(f"cannot be read ({exc.strerror or exc})", path=str(path)) from None
    except UnicodeDecodeError:
        raise BudgetError("is not UTF-8 text", path=str(path)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BudgetError(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            path=str(path),
        ) from None


def _fail(where: str, message: str) -> BudgetError:
    return BudgetError(f"{where}: {message}")


def _check_document(doc: Any, expected: str, where: str, list_key: str) -> list:
    if isinstance(doc, list):  # a bare list of steps is accepted from a trainer
        return doc
    if not isinstance(doc, dict):
        raise _fail(where, f"expected an object with a “{list_key}” list")
    fmt = doc.get("format", expected)
    if fmt != expected:
        raise _fail(where, f"is a “{fmt}” file, not a “{expected}” file")
    version = doc.get("version", SCHEMA_VERSION)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise _fail(where, f"was written by a newer version of budgetbench (version {version})")
    items = doc.get(list_key)
    if not isinstance(items, (list, dict)):
        raise _fail(where, f"has no “{list_key}” list")
    return items


def _text(value: Any, where: str, name: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(where, f"“{name}” must be a non-empty text")
    return value.strip()


def validate_action(action: Any, where: str) -> dict:
    """``action`` checked against the vocabulary (:data:`ACTION_KEYS`); returns a copy."""
    if not isinstance(action, dict):
        raise _fail(where, '“action” must be an object such as {"view": "explore"}')
    view = action.get("view")
    if view not in VIEWS:
        raise _fail(where, f"“view” must be one of {', '.join(VIEWS)} (not {view!r})")
    out: dict[str, Any] = {"view": view}
    for key, value in action.items():
        if key == "view":
            continue
        if key not in ACTION_KEYS:
            raise _fail(where, f"unknown action key “{key}” (known: {', '.join(ACTION_KEYS)})")
        if view not in ACTION_KEYS[key]:
            raise _fail(where, f"“{key}” does not apply to the {view} view")
        out[key] = _check_action_value(key, value, view, where)
    return out


def _check_action_value(key: str, value: Any, view: str, where: str) -> Any:
    def one_of(allowed: Sequence[str], *, optional: bool = False) -> Any:
        if (value is None and optional) or value in allowed:
            return value
        raise _fail(where, f"“{key}” must be one of {', '.join(allowed)} (not {value!r})")

    if key in ("select", "follow"):
        if not isinstance(value, dict):
            raise _fail(where, f'“{key}” must be an object such as {{"department": "Police"}}')
        for k, v in value.items():
            if k not in SELECT_KEYS:
                raise _fail(where, f"“{key}” cannot name “{k}” (known: {', '.join(SELECT_KEYS)})")
            if not isinstance(v, str) or not v.strip():
                raise _fail(where, f"“{key}.{k}” must be a non-empty text")
            if k == "fund_type" and v not in FUND_TYPES:
                raise _fail(where, f"“{key}.fund_type” must be one of {', '.join(FUND_TYPES)}")
            if k == "direction" and v not in ("revenue", "expense"):
                raise _fail(where, f"“{key}.direction” must be revenue or expense")
        return dict(value)
    if key == "lens":
        if not isinstance(value, dict):
            raise _fail(where, '“lens” must be an object such as {"net_of_transfers": true}')
        for k, v in value.items():
            if k not in LENS_KEYS:
                raise _fail(where, f"“lens” cannot set “{k}” (known: {', '.join(LENS_KEYS)})")
            if k == "restricted":
                if v is not None and v not in RESTRICTED_VALUES:
                    raise _fail(where, "“lens.restricted” must be restricted, unrestricted or null")
            elif not isinstance(v, bool):
                raise _fail(where, f"“lens.{k}” must be true or false")
        return dict(value)
    if key == "group_by":
        return one_of(GROUP_BY)
    if key == "compare":
        return one_of(COMPARE, optional=True)
    if key == "pension_returns":
        return one_of(RETURN_MODES)
    if key == "chart":
        return one_of(CHARTS[view])
    if key == "panel":
        return one_of(PANELS)
    if key == "scenario":
        if value is None or (isinstance(value, str) and value.strip()):
            return value
        raise _fail(where, "“scenario” must be a recession preset's name or null")
    # search, pension_preset
    if not isinstance(value, str):
        raise _fail(where, f"“{key}” must be a text")
    return value


def validate_needs(needs: Any, where: str) -> tuple[str, ...]:
    if needs is None:
        return ()
    if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
        raise _fail(where, '“needs” must be a list of texts such as ["transfers"]')
    for need in needs:
        kind, colon, value = need.partition(":")
        if colon:
            if f"{kind}:" not in NEEDS or not value:
                raise _fail(where, f"unknown need “{need}” (known: {', '.join(NEEDS)})")
            if kind == "fund_type" and value not in FUND_TYPES:
                raise _fail(where, f"“{need}”: fund types are {', '.join(FUND_TYPES)}")
        elif need not in NEEDS:
            raise _fail(where, f"unknown need “{need}” (known: {', '.join(NEEDS)})")
    return tuple(needs)


def _sources(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise _fail(where, "“sources” must be a list of texts")
    return tuple(s.strip() for s in value if s.strip())


def parse_step(data: Any, where: str, base: Step | None = None) -> Step:
    """A step from its JSON object; fields it leaves out come from ``base`` (a shipped step)."""
    if not isinstance(data, dict):
        raise _fail(where, "each step must be an object")
    step_id = data.get("id", base.id if base else None)
    if not isinstance(step_id, str) or not re.fullmatch(r"[A-Za-z0-9][\w.-]*", step_id):
        raise _fail(where, "“id” must be a short name of letters, digits and dashes")
    where = f"{where} (step “{step_id}”)"
    unknown = sorted(set(data) - set(STEP_FIELDS))
    if unknown:
        raise _fail(where, f"unknown field “{unknown[0]}” (fields: {', '.join(STEP_FIELDS)})")

    def get(name: str, default: Any) -> Any:
        return data[name] if name in data else (getattr(base, name) if base else default)

    title = _text(get("title", None), where, "title")
    explanation = _text(get("explanation", ""), where, "explanation", required=False)
    question = _text(get("question", None), where, "question")
    action = get("action", None)
    action = validate_action(action if action is not None else {}, where)
    needs = get("needs", ())
    needs = validate_needs(list(needs) if isinstance(needs, tuple) else needs, where)
    sources = get("sources", ())
    sources = _sources(list(sources) if isinstance(sources, tuple) else sources, where)
    return Step(step_id, title, explanation, question, action, needs, sources)


def parse_steps(doc: Any, where: str) -> list[Step]:
    """The steps of a tour document (checked; ids must be unique)."""
    items = _check_document(doc, TOUR_FORMAT, where, "steps")
    if not isinstance(items, list):
        raise _fail(where, "“steps” must be a list")
    steps = [parse_step(item, f"{where}, step {i}") for i, item in enumerate(items, start=1)]
    _check_unique(steps, where)
    return steps


def _check_unique(steps: Iterable[Step], where: str) -> None:
    seen: set[str] = set()
    for step in steps:
        if step.id in seen:
            raise _fail(where, f"two steps have the id “{step.id}”")
        seen.add(step.id)


def merge_steps(shipped: Sequence[Step], user_doc: Any, where: str) -> list[Step]:
    """A trainer's copy (a tour document) merged over the shipped steps (see the module doc).

    ``shipped_ids`` in the copy lists the shipped steps it was made from; a shipped step not
    in that list is newer than the copy and is inserted after the shipped step before it.
    """
    items = _check_document(user_doc, TOUR_FORMAT, where, "steps")
    if not isinstance(items, list):
        raise _fail(where, "“steps” must be a list")
    by_id = {s.id: s for s in shipped}
    steps: list[Step] = []
    for i, item in enumerate(items, start=1):
        base = by_id.get(item.get("id")) if isinstance(item, dict) else None
        steps.append(parse_step(item, f"{where}, step {i}", base))
    _check_unique(steps, where)
    known = None
    if isinstance(user_doc, dict) and "shipped_ids" in user_doc:
        known = user_doc["shipped_ids"]
        if not isinstance(known, list) or not all(isinstance(k, str) for k in known):
            raise _fail(where, "“shipped_ids” must be a list of step ids")
    if known is None:
        return steps
    have = {s.id for s in steps}
    for pos, step in enumerate(shipped):
        if step.id in known or step.id in have:
            continue
        at = 0  # after the nearest shipped step before it that the copy still has
        for earlier in reversed(shipped[:pos]):
            found = next((i for i, s in enumerate(steps) if s.id == earlier.id), -1)
            if found >= 0:
                at = found + 1
                break
        steps.insert(at, step)
        have.add(step.id)
    return steps


def load_shipped_steps(lang: str) -> list[Step]:
    path = shipped_tour_path(lang)
    return parse_steps(_read_json(path), str(path))


def load_tour(lang: str, *, use_user_copy: bool = True) -> Tour:
    """The tour in ``lang``: the trainer's copy merged over the shipped steps when there is one.

    A copy that cannot be used is reported in :attr:`Tour.problem` and the shipped steps are
    returned; a broken shipped file raises :class:`BudgetError`.
    """
    lang = normalise_language(lang)
    shipped = load_shipped_steps(lang)
    user = user_tour_path(lang)
    if not use_user_copy or not user.is_file():
        return Tour(lang, shipped)
    try:
        steps = merge_steps(shipped, _read_json(user), str(user))
    except BudgetError as exc:
        return Tour(lang, shipped, problem=str(exc))
    if not steps:
        return Tour(lang, shipped, problem=f"{user}: the file has no steps")
    return Tour(lang, steps, user_file=user)


def tour_document(steps: Sequence[Step], lang: str, shipped_ids: Sequence[str]) -> dict:
    return {
        "format": TOUR_FORMAT,
        "version": SCHEMA_VERSION,
        "language": normalise_language(lang),
        "shipped_ids": list(shipped_ids),
        "steps": [s.to_dict() for s in steps],
    }


def write_json(path: Path, doc: Any) -> None:
    """Write ``doc`` to ``path`` atomically (a crash leaves the old file or the new one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_user_copy(lang: str) -> Path:
    """The trainer's copy of the tour, made from the tour shown now if there is none yet."""
    path = user_tour_path(lang)
    if path.is_file():
        return path
    shipped = load_shipped_steps(lang)
    try:
        write_json(path, tour_document(shipped, lang, [s.id for s in shipped]))
    except OSError as exc:
        raise BudgetError(f"cannot be written ({exc.strerror or exc})", path=str(path)) from None
    return path


def append_step(lang: str, step: Step) -> Path:
    """Add ``step`` at the end of the trainer's copy (made first if needed)."""
    path = ensure_user_copy(lang)
    tour = load_tour(lang)
    if tour.problem:
        raise BudgetError(tour.problem)
    if tour.index_of(step.id) >= 0:
        raise BudgetError(f"a step with the id “{step.id}” is already in the tour", path=str(path))
    doc = _read_json(path)
    shipped_ids = doc.get("shipped_ids") if isinstance(doc, dict) else None
    if not isinstance(shipped_ids, list):
        shipped_ids = [s.id for s in load_shipped_steps(lang)]
    try:
        write_json(path, tour_document([*tour.steps, step], lang, shipped_ids))
    except OSError as exc:
        raise BudgetError(f"cannot be written ({exc.strerror or exc})", path=str(path)) from None
    return path


def new_step_id(title: str, existing: Iterable[str]) -> str:
    """A short id from ``title`` not among ``existing`` ("My step" → "my-step", "my-step-2")."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or "step"
    taken = set(existing)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# ------------------------------------------------------------------------------------------
# Needs
# ------------------------------------------------------------------------------------------


def _column_values(lines, column: str) -> set[str]:
    values = lines[column].astype("string").fillna("").str.strip()
    return {str(v) for v in values.unique() if str(v)}


def _meets(need: str, budget: Budget, pension_presets: Iterable[str] | None) -> bool:
    lines = budget.lines
    kind, _, value = need.partition(":")
    if kind in ("revenue", "expense"):
        return bool((lines["direction"] == kind).any())
    if kind == "several_funds":
        names = (
            lines["fund_name"].astype("string").fillna("")
            + "|"
            + lines["fund_code"].astype("string").fillna("")
        )
        return names.nunique() > 1
    if kind == "departments":
        return len(_column_values(lines, "department")) > 1
    if kind == "transfers":
        return bool(lines["is_transfer"].any())
    if kind == "restricted":
        found = {str(v) for v in lines["restricted"].unique()}
        return {"restricted", "unrestricted"} <= found
    if kind == "recurring":
        found = {str(v) for v in lines["recurring"].unique()}
        return {"ongoing", "one_time"} <= found
    if kind == "actuals":
        phases = {str(v) for v in lines["phase"].unique()}
        return "actual" in phases and len(phases) > 1
    if kind == "several_phases":
        return len(lines[["fiscal_year", "phase"]].drop_duplicates()) > 1
    if kind == "fund_type":
        return bool((lines["fund_type"] == value).any())
    if kind == "pension_preset":
        return pension_presets is None or value in set(pension_presets)
    return True


def _selection_present(key: str, value: str, budget: Budget) -> bool:
    lines = budget.lines
    if key == "object":  # Explore's derived classes: every budget can be grouped by them
        return True
    if key == "fund":
        return value in _column_values(lines, "fund_name") or value in _column_values(
            lines, "fund_code"
        )
    if key in ("fund_type", "direction"):
        return bool((lines[key] == value).any())
    return value in _column_values(lines, key)


def missing_needs(
    step: Step, budget: Budget | None, *, pension_presets: Iterable[str] | None = None
) -> list[str]:
    """What ``budget`` lacks for ``step``, as phrases ("transfers between funds"); [] if none.

    Besides the step's ``needs``, every value its action selects or follows must be in the
    budget. ``pension_presets``: the plan names available (``None``: not checked).
    """
    if budget is None:
        return []
    out: list[str] = []
    for need in step.needs:
        if not _meets(need, budget, pension_presets):
            out.append(_lacks_text(need))
    preset = step.action.get("pension_preset")
    if preset and pension_presets is not None and preset not in set(pension_presets):
        phrase = _lacks_text(f"pension_preset:{preset}")
        if phrase not in out:
            out.append(phrase)
    for key in ("select", "follow"):
        for k, v in (step.action.get(key) or {}).items():
            if not _selection_present(k, v, budget):
                phrase = _value_phrase(k, v)
                if phrase not in out:
                    out.append(phrase)
    return out


# ------------------------------------------------------------------------------------------
# Glossary
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A glossary entry: its name, a plain-language definition, related terms, and the words
    that count as a mention of it in running text (``forms``; the name by default)."""

    id: str
    term: str
    definition: str
    see_also: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()

    @property
    def mentions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.term, *self.forms)))


@dataclass
class Glossary:
    lang: str
    terms: dict[str, Term]
    _pattern: re.Pattern | None = field(default=None, repr=False)
    _by_form: dict[str, str] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def search(self, text: str) -> list[Term]:
        """Terms whose name, forms or definition contain every word of ``text`` (any case and
        accents), those whose name matches first."""
        words = _fold(text).split()
        if not words:
            return sorted(self.terms.values(), key=lambda t: _fold(t.term))
        named, defined = [], []
        for t in self.terms.values():
            name = _fold(" ".join(t.mentions))
            body = name + " " + _fold(t.definition)
            if all(w in name for w in words):
                named.append(t)
            elif all(w in body for w in words):
                defined.append(t)
        key = lambda t: (not _fold(t.term).startswith(words[0]), _fold(t.term))  # noqa: E731
        return sorted(named, key=key) + sorted(defined, key=key)

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, term_id)`` of the first mention of each term in ``text``, in order;
        longer names win over the shorter ones inside them ("General Fund" over "Fund")."""
        if self._pattern is None:
            forms = sorted(
                {f for t in self.terms.values() for f in t.mentions if f.strip()},
                key=lambda f: (-len(f), f),
            )
            self._by_form = {}
            for t in self.terms.values():
                for f in t.mentions:
                    self._by_form.setdefault(f.casefold(), t.id)
            body = "|".join(re.escape(f) for f in forms) or r"(?!)"
            self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        out, seen = [], set()
        for m in self._pattern.finditer(text):
            term_id = self._by_form.get(m.group(0).casefold())
            if term_id is None or term_id in seen:
                continue
            seen.add(term_id)
            out.append((m.start(), m.end(), term_id))
        return out


def _fold(text: str) -> str:
    """Lower case without accents, for searching ("José" → "jose")."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def parse_glossary(doc: Any, where: str, lang: str = DEFAULT_LANGUAGE) -> Glossary:
    items = _check_document(doc, GLOSSARY_FORMAT, where, "terms")
    if not isinstance(items, dict):
        raise _fail(where, "“terms” must be an object of term id → entry")
    terms: dict[str, Term] = {}
    for term_id, entry in items.items():
        at = f"{where} (term “{term_id}”)"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", term_id):
            raise _fail(at, "a term id is lower-case letters, digits and dashes")
        if not isinstance(entry, dict):
            raise _fail(at, "each term must be an object with “term” and “definition”")
        unknown = sorted(set(entry) - {"term", "definition", "see_also", "forms"})
        if unknown:
            raise _fail(at, f"unknown field “{unknown[0]}”")
        see = entry.get("see_also", [])
        forms = entry.get("forms", [])
        for name, value in (("see_also", see), ("forms", forms)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _fail(at, f"“{name}” must be a list of texts")
        terms[term_id] = Term(
            term_id,
            _text(entry.get("term"), at, "term"),
            _text(entry.get("definition"), at, "definition"),
            tuple(see),
            tuple(forms),
        )
    for t in terms.values():
        for other in t.see_also:
            if other not in terms:
                raise _fail(f"{where} (term “{t.id}”)", f"“see_also” names no term “{other}”")
    return Glossary(normalise_language(lang), terms)


_GLOSSARIES: dict[str, Glossary] = {}


def load_glossary(lang: str) -> Glossary:
    """The shipped glossary in ``lang`` (read once)."""
    lang = normalise_language(lang)
    if lang not in _GLOSSARIES:
        path = glossary_path(lang)
        _GLOSSARIES[lang] = parse_glossary(_read_json(path), str(path), lang)
    return _GLOSSARIES[lang]
