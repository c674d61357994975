"""Where does the money go? A drill-down tree of a budget's lines, with totals at every level.

:func:`build_tree` groups the lines a lens selects by a chosen order of levels (fund type, fund,
department, division, program, account, or "by object": personnel, retirement, services,
capital, transfers). It is vectorised: one hash grouping and one weighted ``bincount`` per
level over all lines, never a Python loop over lines. The result is held in arrays; the
:class:`Node` objects a view walks are made only when asked for, so a 200,000-line budget
builds its tree in milliseconds.

:func:`explore` is what a view calls: the lens (year and phase, General Fund only, net of
transfers, restricted, per resident, real dollars), an optional comparison (another year or
phase), and the tree, plus what "net of transfers" removed and the filters that select each
node's lines in the line-item table.

:func:`treemap_rects` lays a node's children out as a squarified treemap, and
:func:`headline` writes the sentence a chart's title states ("Police and Fire are 58% of
General Fund spending").
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from budgetbench.core import schema
from budgetbench.core.format import short_money
from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate
from budgetbench.core.lens import Lens, apply_lens

if TYPE_CHECKING:
    from budgetbench.core.budget import Budget

#: Levels a tree can be grouped by, with their names for people. ``object`` is derived from
#: the account and its category (see :func:`object_class`); the others are canonical columns.
LEVELS: dict[str, str] = {
    "fund_type": "Fund type",
    "fund_name": "Fund",
    "department": "Department",
    "division": "Division",
    "program": "Program",
    "object": "Object",
    "category": "Category",
    "account_name": "Account",
}

#: The usual order: fund type, fund, department, division, program, account.
DEFAULT_LEVELS: tuple[str, ...] = (
    "fund_type",
    "fund_name",
    "department",
    "division",
    "program",
    "account_name",
)
#: Department first: who spends it, then from which fund.
DEPARTMENT_LEVELS: tuple[str, ...] = (
    "department",
    "division",
    "program",
    "fund_name",
    "account_name",
)
#: "By object": personnel, retirement, services and supplies, capital, transfers, ...
BY_OBJECT: tuple[str, ...] = ("object", "department", "account_name")

#: Named orders of levels, for a preset menu.
PRESETS: dict[str, tuple[str, ...]] = {
    "fund": DEFAULT_LEVELS,
    "department": DEPARTMENT_LEVELS,
    "object": BY_OBJECT,
}

# The values below stay English (they are keys); labels are translated where they are shown.
NOT_STATED = QT_TRANSLATE_NOOP("explore", "(not stated)")

# What the ``object`` level of a spending tree can be, in the order a budget book lists them.
EXPENSE_OBJECTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("explore", "Personnel"),
    QT_TRANSLATE_NOOP("explore", "Retirement"),
    QT_TRANSLATE_NOOP("explore", "Services & supplies"),
    QT_TRANSLATE_NOOP("explore", "Capital"),
    QT_TRANSLATE_NOOP("explore", "Debt service"),
    QT_TRANSLATE_NOOP("explore", "Transfers"),
    QT_TRANSLATE_NOOP("explore", "Other"),
)
# What the ``object`` level of a revenue tree can be (the kind of source).
REVENUE_OBJECTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("explore", "Taxes"),
    QT_TRANSLATE_NOOP("explore", "Charges & fees"),
    QT_TRANSLATE_NOOP("explore", "Intergovernmental"),
    QT_TRANSLATE_NOOP("explore", "Licenses, permits & fines"),
    QT_TRANSLATE_NOOP("explore", "Interest & rents"),
    QT_TRANSLATE_NOOP("explore", "Fund balance"),
    QT_TRANSLATE_NOOP("explore", "Transfers in"),
    QT_TRANSLATE_NOOP("explore", "Other"),
)

# Fund types as a person would say them (a tile or row of the ``fund_type`` level).
FUND_TYPE_LABELS: dict[str, str] = {
    "general": QT_TRANSLATE_NOOP("explore", "General Fund"),
    "special_revenue": QT_TRANSLATE_NOOP("explore", "Special revenue funds"),
    "capital": QT_TRANSLATE_NOOP("explore", "Capital project funds"),
    "debt_service": QT_TRANSLATE_NOOP("explore", "Debt service funds"),
    "enterprise": QT_TRANSLATE_NOOP("explore", "Enterprise funds"),
    "internal_service": QT_TRANSLATE_NOOP("explore", "Internal service funds"),
    "fiduciary": QT_TRANSLATE_NOOP("explore", "Fiduciary funds"),
    "unknown": QT_TRANSLATE_NOOP("explore", "Funds of unknown type"),
}

# Budget phases as a person would say them after a year ("FY2026 proposed").
PHASE_LABELS: dict[str, str] = {
    "actual": QT_TRANSLATE_NOOP("explore", "actual"),
    "adopted": QT_TRANSLATE_NOOP("explore", "adopted"),
    "amended": QT_TRANSLATE_NOOP("explore", "amended"),
    "proposed": QT_TRANSLATE_NOOP("explore", "proposed"),
    "recommended": QT_TRANSLATE_NOOP("explore", "recommended"),
    "estimate": QT_TRANSLATE_NOOP("explore", "estimate"),
}

# The whole tree's name and its "of ..." form in a sentence, by (direction, General Fund only,
# restricted money): "General Fund spending", "Police are 37% of General Fund spending".
ROOT_SCOPES: dict[tuple[str, bool, str | None], tuple[str, str]] = {
    ("expense", False, None): (
        QT_TRANSLATE_NOOP("explore", "All spending"),
        QT_TRANSLATE_NOOP("explore", "of all spending"),
    ),
    ("expense", True, None): (
        QT_TRANSLATE_NOOP("explore", "General Fund spending"),
        QT_TRANSLATE_NOOP("explore", "of General Fund spending"),
    ),
    ("expense", False, "restricted"): (
        QT_TRANSLATE_NOOP("explore", "Restricted spending"),
        QT_TRANSLATE_NOOP("explore", "of restricted spending"),
    ),
    ("expense", True, "restricted"): (
        QT_TRANSLATE_NOOP("explore", "General Fund restricted spending"),
        QT_TRANSLATE_NOOP("explore", "of General Fund restricted spending"),
    ),
    ("expense", False, "unrestricted"): (
        QT_TRANSLATE_NOOP("explore", "Unrestricted spending"),
        QT_TRANSLATE_NOOP("explore", "of unrestricted spending"),
    ),
    ("expense", True, "unrestricted"): (
        QT_TRANSLATE_NOOP("explore", "General Fund unrestricted spending"),
        QT_TRANSLATE_NOOP("explore", "of General Fund unrestricted spending"),
    ),
    ("revenue", False, None): (
        QT_TRANSLATE_NOOP("explore", "All revenue"),
        QT_TRANSLATE_NOOP("explore", "of all revenue"),
    ),
    ("revenue", True, None): (
        QT_TRANSLATE_NOOP("explore", "General Fund revenue"),
        QT_TRANSLATE_NOOP("explore", "of General Fund revenue"),
    ),
    ("revenue", False, "restricted"): (
        QT_TRANSLATE_NOOP("explore", "Restricted revenue"),
        QT_TRANSLATE_NOOP("explore", "of restricted revenue"),
    ),
    ("revenue", True, "restricted"): (
        QT_TRANSLATE_NOOP("explore", "General Fund restricted revenue"),
        QT_TRANSLATE_NOOP("explore", "of General Fund restricted revenue"),
    ),
    ("revenue", False, "unrestricted"): (
        QT_TRANSLATE_NOOP("explore", "Unrestricted revenue"),
        QT_TRANSLATE_NOOP("explore", "of unrestricted revenue"),
    ),
    ("revenue", True, "unrestricted"): (
        QT_TRANSLATE_NOOP("explore", "General Fund unrestricted revenue"),
        QT_TRANSLATE_NOOP("explore", "of General Fund unrestricted revenue"),
    ),
}

#: The columns whose values together decide a line's object class.
OBJECT_KEY: tuple[str, str, str] = ("is_transfer", "category", "account_name")


# --- object classes ----------------------------------------------------------------------------


def _has(pattern: str, *texts: str) -> bool:
    return any(re.search(pattern, t) for t in texts)


_NON_PERSONNEL = r"non[- ]?personnel"


def object_class(direction: str, is_transfer: bool, category: str, account: str) -> str:
    """The object class of a line ("Personnel", "Retirement", ... or a revenue source kind).

    Decided from the account name where it is specific (retirement, debt), otherwise from
    the category, otherwise from keywords in the account name.
    """
    cat = (category or "").casefold()
    acc = (account or "").casefold()
    if direction == "revenue":
        return _revenue_class(is_transfer, cat, acc)
    if is_transfer or (_has(r"transfer", cat, acc) and not _has(r"intrafund", cat, acc)):
        return "Transfers"
    if _has(r"retire|pension|calpers|\bpers\b|\bual\b|opeb", acc) or _has(r"retire|pension", cat):
        return "Retirement"
    if _has(r"debt service|bond interest|principal|\bbonds?\b", acc) or _has(r"debt", cat):
        return "Debt service"
    if _has(r"capital|fixed asset", cat):
        return "Capital"
    if not _has(_NON_PERSONNEL, cat) and _has(r"salar|wage|personnel|employee|payroll", cat):
        return "Personnel"
    if _has(r"service|suppl|operat|material|contract", cat):
        return "Services & supplies"
    if _has(
        r"salar|wage|overtime|extra help|health insurance|dental|medicare|oasdi|"
        r"workers'? comp|unemployment insurance|vacancy|benefits$",
        acc,
    ):
        return "Personnel"
    if _has(r"capital|improvement|project|resurfacing|rehabilitation|replacement|structures", acc):
        return "Capital"
    if _has(
        r"service|suppl|maintenance|utilit|contract|rent|lease|insurance|charges|training|"
        r"travel|equipment|fuel|office|software|operations",
        acc,
    ):
        return "Services & supplies"
    return "Other"


def _revenue_class(is_transfer: bool, cat: str, acc: str) -> str:
    if is_transfer or _has(r"transfer", cat, acc):
        return "Transfers in"
    for text in (cat, acc):
        if _has(r"fund balance|carryover|carry-over", text):
            return "Fund balance"
        if _has(r"intergovernmental|\bstate\b|federal|grant|realignment", text):
            return "Intergovernmental"
        if _has(r"licen|permit|fine|forfeit|penalt", text):
            return "Licenses, permits & fines"
        if _has(r"use of money|interest|rent|investment", text):
            return "Interest & rents"
        if _has(r"charge|fee|service|patient", text):
            return "Charges & fees"
        if _has(r"tax|franchise|assessment", text):
            return "Taxes"
    return "Other"


# --- the tree ----------------------------------------------------------------------------------


def level_label(level: str, value: Any, *, translated: bool = True) -> str:
    """How a value of a level is shown, in the interface's language (in English when not
    ``translated``): blank as "(not stated)", fund types and object classes in words; other
    values (names in the budget) as they are."""
    say = (lambda t: translate("explore", t)) if translated else (lambda t: t)
    text = "" if value is None else str(value)
    if not text.strip():
        return say(NOT_STATED)
    if level == "fund_type":
        known = FUND_TYPE_LABELS.get(text)
        return say(known) if known else text.replace("_", " ").capitalize()
    if level == "object" and (text in EXPENSE_OBJECTS or text in REVENUE_OBJECTS):
        return say(text)
    return text


def phase_label(phase: str) -> str:
    """A budget phase in the interface's language ("proposed"); unknown phases as they are."""
    known = PHASE_LABELS.get(str(phase))
    return translate("explore", known) if known else str(phase)


def root_scope(direction: str, general_fund_only: bool = False, restricted: str | None = None):
    """The whole tree's name and its "of ..." form, in the interface's language."""
    gf = bool(general_fund_only)
    found = ROOT_SCOPES.get((direction, gf, restricted)) or ROOT_SCOPES.get((direction, gf, None))
    if found is None:
        raise ValueError(f"direction must be 'expense' or 'revenue', not {direction!r}")
    name, of = found
    return translate("explore", name), translate("explore", of)


class _Level:
    """One level's per-row codes (current lines, then comparison lines) and its values."""

    __slots__ = ("codes", "members", "name", "uniques")

    def __init__(self, name: str, codes: np.ndarray, uniques: np.ndarray) -> None:
        self.name = name
        self.codes = codes
        self.uniques = uniques
        #: for ``object``: class -> the (is_transfer, category, account_name) triples in it
        self.members: dict[str, tuple[tuple[bool, str, str], ...]] = {}


def _as_values(uniques) -> np.ndarray:
    values = np.asarray(uniques, dtype=object)
    return np.array(["" if (v is None or v is pd.NA or v != v) else v for v in values], object)


def _factorize(columns: Sequence[pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of several series in one shared set of values (missing becomes "")."""
    parts: list[np.ndarray] = []
    uniques: list[np.ndarray] = []
    for s in columns:
        codes, values = pd.factorize(s, use_na_sentinel=True)
        values = _as_values(values)
        if (codes < 0).any():
            values = np.append(values, "")
            codes = np.where(codes < 0, len(values) - 1, codes)
        parts.append(codes.astype(np.int64, copy=False))
        uniques.append(values)
    if len(columns) == 1:
        merged = pd.Index(uniques[0]).unique()
    else:
        merged = pd.Index(np.concatenate(uniques)).unique()
    out = [merged.get_indexer(pd.Index(u))[c] for c, u in zip(parts, uniques, strict=True)]
    return np.concatenate(out) if out else np.empty(0, np.int64), np.asarray(merged, object)


def _object_level(direction: str, frames: Sequence[tuple[pd.DataFrame, np.ndarray]]) -> _Level:
    """The derived ``object`` level: classified once per distinct (transfer, category, account)."""
    cat_codes, cat_values = _factorize([f["category"][m] for f, m in frames])
    acc_codes, acc_values = _factorize([f["account_name"][m] for f, m in frames])
    transfer = np.concatenate([f["is_transfer"].to_numpy(dtype=bool)[m] for f, m in frames])
    key = (transfer.astype(np.int64) * len(cat_values) + cat_codes) * max(
        len(acc_values), 1
    ) + acc_codes
    combo, combos = pd.factorize(key)
    combos = np.asarray(combos, dtype=np.int64)
    classes = EXPENSE_OBJECTS if direction == "expense" else REVENUE_OBJECTS
    position = {c: i for i, c in enumerate(classes)}
    combo_class = np.empty(len(combos), dtype=np.int64)
    members: dict[str, list[tuple[bool, str, str]]] = {}
    for i, k in enumerate(combos):
        rest, a = divmod(int(k), max(len(acc_values), 1))
        t, c = divmod(rest, len(cat_values))
        triple = (bool(t), str(cat_values[c]), str(acc_values[a]))
        name = object_class(direction, *triple)
        combo_class[i] = position[name]
        members.setdefault(name, []).append(triple)
    level = _Level("object", combo_class[combo], np.asarray(classes, dtype=object))
    level.members = {k: tuple(sorted(v)) for k, v in members.items()}
    return level


@dataclass
class Tree:
    """A grouped budget, held in arrays per depth. Reach it through its :attr:`root` node."""

    #: the levels grouped by, top down (levels where every line had the same value are skipped)
    levels: tuple[str, ...]
    direction: str
    #: levels skipped because every line had one value, and that value
    fixed: dict[str, Any]
    #: levels asked for that hold nothing at all in these lines (every value blank)
    empty_levels: tuple[str, ...]
    has_compare: bool
    root_label: str
    _values: list[np.ndarray] = field(repr=False)  # per level: its distinct values
    _members: list[dict] = field(repr=False)  # per level: object-class members
    _code: list[np.ndarray] = field(repr=False)  # per depth: each group's value code
    _parent: list[np.ndarray] = field(repr=False)  # per depth: each group's parent group
    _amount: list[np.ndarray] = field(repr=False)
    _compare: list[np.ndarray] = field(repr=False)
    _count: list[np.ndarray] = field(repr=False)
    _order: list[np.ndarray] = field(repr=False)  # per depth: groups by parent, amount desc
    _start: list[np.ndarray] = field(repr=False)  # per depth: where a parent's children start
    _stop: list[np.ndarray] = field(repr=False)
    _rank: list[np.ndarray] = field(repr=False)  # per depth: a group's place among siblings
    _offset: list[int] = field(repr=False)  # per depth: first uid
    _nodes: dict[int, Node] = field(default_factory=dict, repr=False)
    #: the root's "of ..." form in a sentence ("of General Fund spending")
    root_of: str = ""

    @property
    def root(self) -> Node:
        return self.node(0, 0)

    @property
    def depth(self) -> int:
        return len(self.levels)

    def size(self, depth: int) -> int:
        """How many nodes there are at ``depth`` (0 is the root)."""
        return len(self._amount[depth])

    def __len__(self) -> int:
        return sum(self.size(d) for d in range(self.depth + 1))

    def node(self, depth: int, gid: int) -> Node:
        uid = self._offset[depth] + gid
        node = self._nodes.get(uid)
        if node is None:
            node = Node(self, depth, gid)
            self._nodes[uid] = node
        return node

    def by_uid(self, uid: int) -> Node:
        """The node with this :attr:`Node.uid`."""
        depth = int(np.searchsorted(self._offset, uid, side="right")) - 1
        return self.node(depth, uid - self._offset[depth])


class Node:
    """One group of lines: the root (everything), a fund, a department, an account...

    Amounts are in the lens's units (dollars, per resident, real dollars). Children are
    sorted by amount, largest first, and made when first asked for.
    """

    __slots__ = ("_children", "depth", "gid", "tree")

    def __init__(self, tree: Tree, depth: int, gid: int) -> None:
        self.tree = tree
        self.depth = depth
        self.gid = gid
        self._children: list[Node] | None = None

    # identity
    @property
    def uid(self) -> int:
        """A number naming this node uniquely within its tree (for Qt model indexes)."""
        return self.tree._offset[self.depth] + self.gid

    @property
    def level(self) -> str | None:
        """The level this node is a value of (``None`` for the root)."""
        return None if self.depth == 0 else self.tree.levels[self.depth - 1]

    @property
    def value(self) -> Any:
        """The value of its level the node's lines share ("" when not stated)."""
        if self.depth == 0:
            return None
        return self.tree._values[self.depth - 1][self.tree._code[self.depth][self.gid]]

    @property
    def label(self) -> str:
        if self.depth == 0:
            return self.tree.root_label
        return level_label(self.level or "", self.value)

    @property
    def plain_label(self) -> str:
        """:attr:`label` in English, whatever the interface's language (the fund type
        "General Fund" and a fund named "General Fund" have the same one)."""
        if self.depth == 0:
            return self.tree.root_label
        return level_label(self.level or "", self.value, translated=False)

    # amounts
    @property
    def amount(self) -> float:
        return float(self.tree._amount[self.depth][self.gid])

    @property
    def compare(self) -> float:
        """The comparison's amount (``nan`` when there is no comparison)."""
        if not self.tree.has_compare:
            return math.nan
        return float(self.tree._compare[self.depth][self.gid])

    @property
    def change(self) -> float:
        """Amount minus the comparison's amount."""
        return self.amount - self.compare

    @property
    def change_pct(self) -> float:
        """Change as a fraction of the comparison (``nan`` when that was zero: new)."""
        base = self.compare
        if not base or base != base:
            return math.nan
        return self.change / abs(base)

    @property
    def n_lines(self) -> int:
        """How many lines (of the selection, not the comparison) make up the node."""
        return int(self.tree._count[self.depth][self.gid])

    @property
    def share_of_parent(self) -> float:
        parent = self.parent
        if parent is None:
            return 1.0
        return _share(self.amount, parent.amount)

    @property
    def share_of_total(self) -> float:
        return _share(self.amount, self.tree.root.amount)

    # structure
    @property
    def parent(self) -> Node | None:
        if self.depth == 0:
            return None
        return self.tree.node(self.depth - 1, int(self.tree._parent[self.depth][self.gid]))

    @property
    def child_count(self) -> int:
        if self.depth >= self.tree.depth:
            return 0
        t = self.tree
        return int(t._stop[self.depth + 1][self.gid] - t._start[self.depth + 1][self.gid])

    @property
    def has_children(self) -> bool:
        return self.child_count > 0

    @property
    def is_leaf(self) -> bool:
        return self.depth >= self.tree.depth

    @property
    def children(self) -> list[Node]:
        if self._children is None:
            if self.depth >= self.tree.depth:
                self._children = []
            else:
                t, d = self.tree, self.depth + 1
                gids = t._order[d][t._start[d][self.gid] : t._stop[d][self.gid]]
                self._children = [t.node(d, int(g)) for g in gids]
        return self._children

    @property
    def row(self) -> int:
        """Place among its siblings, largest first (0 for the root)."""
        if self.depth == 0:
            return 0
        return int(self.tree._rank[self.depth][self.gid])

    @property
    def path(self) -> list[Node]:
        """The nodes from the root down to this one."""
        out: list[Node] = []
        node: Node | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

    @property
    def key(self) -> tuple[tuple[str, Any], ...]:
        """(level, value) from the top down: names the node across recomputed trees."""
        return tuple((n.level or "", n.value) for n in self.path[1:])

    @property
    def filters(self) -> dict[str, Any]:
        """Level values that select this node's lines (after aliases; see ``line_filters``)."""
        out: dict[str, Any] = dict(self.tree.fixed)
        for n in self.path[1:]:
            out[n.level or ""] = n.value
        return out

    def child(self, value: Any) -> Node | None:
        """The child whose level value is ``value`` (or one of ``value``, if a tuple)."""
        wanted = set(value) if isinstance(value, (tuple, list, set, frozenset)) else {value}
        for c in self.children:
            if c.value in wanted:
                return c
        return None

    def descend(self, key: Iterable[tuple[str, Any]]) -> Node:
        """The deepest node reached by following ``key`` (see :attr:`key`) from here."""
        node = self
        for level, value in key:
            if node.is_leaf or self.tree.levels[node.depth] != level:
                break
            nxt = node.child(value)
            if nxt is None:
                break
            node = nxt
        return node

    def find(self, filters: Mapping[str, Any]) -> Node:
        """The deepest node below this one whose path matches ``filters`` (by level).

        Levels ``filters`` does not name are crossed by trying each child, largest first
        (so ``{"department": "Police"}`` finds Police in the largest fund that has it).
        """
        wanted = {k: v for k, v in filters.items() if k in self.tree.levels}
        found = _find(self, wanted)
        return found if found is not None else self

    def __repr__(self) -> str:
        return f"Node({self.label!r}, {self.amount:,.2f}, depth={self.depth})"


def _share(part: float, whole: float) -> float:
    return part / whole if whole else math.nan


def _matches(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, (tuple, list, set, frozenset)):
        return value in wanted
    return value == wanted


def _find(node: Node, wanted: dict[str, Any]) -> Node | None:
    levels = node.tree.levels
    deeper = [lv for lv in levels[node.depth :] if lv in wanted]
    if not deeper:
        return node
    if node.is_leaf:
        return None
    level = levels[node.depth]
    if level in wanted:
        for c in node.children:
            if _matches(c.value, wanted[level]):
                return _find(c, wanted)
        return None
    for c in node.children:
        hit = _find(c, wanted)
        if hit is not None:
            return hit
    return None


def build_tree(
    lines: pd.DataFrame,
    levels: Sequence[str] = DEFAULT_LEVELS,
    direction: str = "expense",
    compare_lines: pd.DataFrame | None = None,
    *,
    skip_uniform: bool = True,
    root_label: str | None = None,
    root_of: str | None = None,
) -> Node:
    """Group ``lines`` of one ``direction`` by ``levels``, top down; returns the root node.

    Every node carries its amount, share of its parent and of the total, and (when
    ``compare_lines`` are given, e.g. last year's) the comparison's amount and the change.
    Groups found only in the comparison appear with an amount of zero. Levels where every
    line has one value (a General Fund-only tree's fund) are skipped when ``skip_uniform``,
    and that value is kept in :attr:`Node.filters`.
    """
    unknown = [lv for lv in levels if lv not in LEVELS]
    if unknown:
        raise ValueError(f"unknown level {unknown[0]!r}; choose from {', '.join(LEVELS)}")
    if len(set(levels)) != len(levels):
        raise ValueError("a level can be used only once")
    if direction not in ("expense", "revenue"):
        raise ValueError(f"direction must be 'expense' or 'revenue', not {direction!r}")
    frames: list[tuple[pd.DataFrame, np.ndarray]] = [
        (lines, (lines["direction"] == direction).to_numpy(dtype=bool))
    ]
    if compare_lines is not None:
        frames.append(
            (compare_lines, (compare_lines["direction"] == direction).to_numpy(dtype=bool))
        )
    n_cur = int(frames[0][1].sum())
    amount = np.concatenate([f["amount"].to_numpy(dtype=np.float64)[m] for f, m in frames])
    n = len(amount)
    weights_cur = amount.copy()
    weights_cur[n_cur:] = 0.0
    weights_cmp = amount.copy()
    weights_cmp[:n_cur] = 0.0
    is_cur = np.zeros(n, dtype=np.float64)
    is_cur[:n_cur] = 1.0

    used: list[_Level] = []
    last_uniform: _Level | None = None
    fixed: dict[str, Any] = {}
    empty: list[str] = []
    for name in levels:
        if name == "object":
            level = _object_level(direction, frames)
        else:
            codes, uniques = _factorize([f[name][m] for f, m in frames])
            level = _Level(name, codes, uniques)
        present = np.flatnonzero(np.bincount(level.codes, minlength=len(level.uniques)))
        if skip_uniform and len(present) <= 1:
            value = level.uniques[present[0]] if len(present) else ""
            if not str(value).strip():
                empty.append(name)
            else:
                last_uniform = level
            fixed[name] = value
            continue
        used.append(level)
    if not used and last_uniform is not None:  # one group in all: show it rather than nothing
        used.append(last_uniform)
        del fixed[last_uniform.name]

    gid = np.zeros(n, dtype=np.int64)
    code_l = [np.zeros(1, np.int64)]
    parent_l = [np.full(1, -1, np.int64)]
    amount_l = [np.array([weights_cur.sum()])]
    compare_l = [np.array([weights_cmp.sum()])]
    count_l = [np.array([n_cur], dtype=np.int64)]
    for level in used:
        size = max(len(level.uniques), 1)
        key = gid * size + level.codes
        gid, keys = pd.factorize(key)
        gid = gid.astype(np.int64, copy=False)
        keys = np.asarray(keys, dtype=np.int64)
        ng = len(keys)
        parent_l.append(keys // size)
        code_l.append(keys % size)
        amount_l.append(np.bincount(gid, weights=weights_cur, minlength=ng))
        compare_l.append(np.bincount(gid, weights=weights_cmp, minlength=ng))
        count_l.append(np.bincount(gid, weights=is_cur, minlength=ng).astype(np.int64))

    order_l: list[np.ndarray] = [np.zeros(1, np.int64)]
    start_l: list[np.ndarray] = [np.zeros(1, np.int64)]
    stop_l: list[np.ndarray] = [np.ones(1, np.int64)]
    rank_l: list[np.ndarray] = [np.zeros(1, np.int64)]
    for d in range(1, len(used) + 1):
        parent = parent_l[d]
        order = np.lexsort((-compare_l[d], -amount_l[d], parent))
        sorted_parent = parent[order]
        n_parents = len(amount_l[d - 1])
        start = np.searchsorted(sorted_parent, np.arange(n_parents), side="left")
        stop = np.searchsorted(sorted_parent, np.arange(n_parents), side="right")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order)) - start[sorted_parent]
        order_l.append(order)
        start_l.append(start)
        stop_l.append(stop)
        rank_l.append(rank)
    offsets = np.concatenate([[0], np.cumsum([len(a) for a in amount_l])]).tolist()

    if root_label is None:
        root_label, default_of = root_scope(direction)
        root_of = root_of or default_of
    if not root_of:
        root_of = translate("explore", "of {scope}").format(
            scope=root_label[:1].lower() + root_label[1:]
        )
    tree = Tree(
        levels=tuple(lv.name for lv in used),
        direction=direction,
        fixed=fixed,
        empty_levels=tuple(empty),
        has_compare=compare_lines is not None,
        root_label=root_label,
        _values=[lv.uniques for lv in used],
        _members=[lv.members for lv in used],
        _code=code_l,
        _parent=parent_l,
        _amount=amount_l,
        _compare=compare_l,
        _count=count_l,
        _order=order_l,
        _start=start_l,
        _stop=stop_l,
        _rank=rank_l,
        _offset=offsets,
        root_of=root_of,
    )
    return tree.root


def object_members(node: Node, level_index: int) -> tuple[tuple[bool, str, str], ...]:
    """The (is_transfer, category, account_name) triples of an ``object`` node's class."""
    return node.tree._members[level_index].get(node.value, ())


# --- treemap -----------------------------------------------------------------------------------


def treemap_rects(
    node: Node, width: float, height: float
) -> list[tuple[Node, float, float, float, float]]:
    """A squarified treemap of ``node``'s children in a ``width`` × ``height`` box.

    Returns ``(child, x, y, w, h)``, largest first, with areas proportional to amounts. A
    treemap cannot draw a negative or zero amount: those children are left out (see
    :func:`treemap_excluded`, which says which).
    """
    import squarify

    kids = [c for c in node.children if c.amount > 0 and math.isfinite(c.amount)]
    if not kids or width <= 0 or height <= 0:
        return []
    values = [c.amount for c in kids]
    sizes = squarify.normalize_sizes(values, width, height)
    rects = squarify.squarify(sizes, 0.0, 0.0, width, height)
    return [(c, r["x"], r["y"], r["dx"], r["dy"]) for c, r in zip(kids, rects, strict=True)]


def treemap_excluded(node: Node) -> list[Node]:
    """Children a treemap cannot draw: zero or negative amounts (reductions, recoveries)."""
    return [c for c in node.children if not (c.amount > 0 and math.isfinite(c.amount))]


def excluded_note(node: Node) -> str:
    """A sentence naming what the treemap leaves out, or "" when it draws everything."""
    left_out = [c for c in treemap_excluded(node) if c.amount != 0 or c.compare]
    zero = [c for c in treemap_excluded(node) if c.amount == 0]
    negative = [c for c in left_out if c.amount < 0]
    parts: list[str] = []
    if negative:
        named = ", ".join(f"{c.label} {short_money(c.amount)}" for c in negative[:3])
        if len(negative) > 3:
            text = translate("explore", "Not drawn (negative): {items} and {n} more")
        else:
            text = translate("explore", "Not drawn (negative): {items}")
        parts.append(text.format(items=named, n=len(negative) - 3))
    if zero:
        parts.append(translate("explore", "{n} at $0 not drawn").format(n=len(zero)))
    return "; ".join(parts)


# --- words -------------------------------------------------------------------------------------


def pct(fraction: float, digits: int = 0) -> str:
    """A share as people say it: 58%, 0.4% -> "<1%", nan -> "–"."""
    if fraction != fraction or math.isinf(fraction):
        return "–"
    value = fraction * 100
    if 0 < abs(value) < 0.5 and digits == 0:
        return "<1%" if value > 0 else "-<1%"
    return f"{value:.{digits}f}%"


def _plural(name: str) -> bool:
    last = name.split()[-1].casefold() if name.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _join(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return translate("explore", "{names} and {last}").format(
        names=", ".join(names[:-1]), last=names[-1]
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _scope_texts(node: Node) -> tuple[str, str]:
    """The (name, "of ..." form) templates of what ``node``'s amount is."""
    spending = node.tree.direction == "expense"
    if node.level == "fund_name":
        if spending:
            return (
                QT_TRANSLATE_NOOP("explore", "Spending from the {label}"),
                QT_TRANSLATE_NOOP("explore", "of spending from the {label}"),
            )
        return (
            QT_TRANSLATE_NOOP("explore", "Revenue from the {label}"),
            QT_TRANSLATE_NOOP("explore", "of revenue from the {label}"),
        )
    if node.level == "fund_type":
        if spending:
            return (
                QT_TRANSLATE_NOOP("explore", "Spending from {label}"),
                QT_TRANSLATE_NOOP("explore", "of spending from {label}"),
            )
        return (
            QT_TRANSLATE_NOOP("explore", "Revenue from {label}"),
            QT_TRANSLATE_NOOP("explore", "of revenue from {label}"),
        )
    if spending and node.level in ("object", "category", "account_name"):
        return (
            QT_TRANSLATE_NOOP("explore", "Spending on {label}"),
            QT_TRANSLATE_NOOP("explore", "of spending on {label}"),
        )
    if spending:
        return (
            QT_TRANSLATE_NOOP("explore", "{label} spending"),
            QT_TRANSLATE_NOOP("explore", "of {label} spending"),
        )
    return (
        QT_TRANSLATE_NOOP("explore", "{label} revenue"),
        QT_TRANSLATE_NOOP("explore", "of {label} revenue"),
    )


def scope_name(node: Node) -> str:
    """What a node's amount is, as a name: "General Fund spending", "Police spending",
    "Spending on Personnel" (in the interface's language)."""
    if node.depth == 0:
        return node.tree.root_label
    name, _ = _scope_texts(node)
    return _cap(translate("explore", name).format(label=node.label))


def scope_of(node: Node) -> str:
    """The "of ..." form of :func:`scope_name` that ends a share: "of Police spending"."""
    if node.depth == 0:
        return node.tree.root_of
    _, of = _scope_texts(node)
    return translate("explore", of).format(label=node.label)


def _share_sentence(names: Sequence[str], share: str, of: str, plural: bool) -> str:
    if plural:
        text = translate("explore", "{names} are {share} {of_scope}")
    else:
        text = translate("explore", "{names} is {share} {of_scope}")
    return text.format(names=_join(names), share=share, of_scope=of)


def headline(node: Node, total: float | None = None) -> str:
    """The point of a chart of ``node``'s children, as a title: "Police and Fire are 58% of
    General Fund spending", or "Spending is spread out: ..." when no few parts dominate.

    ``total`` is what shares are of (``node.amount`` unless given). For a node without
    children, its own share of its parent.
    """
    if node.is_leaf or not node.children:
        parent = node.parent
        if parent is None:
            return f"{node.label}: {short_money(node.amount)}"
        share = _share(node.amount, parent.amount if total is None else total)
        return _cap(
            _share_sentence([node.label], pct(share), scope_of(parent), _plural(node.label))
        )
    whole = node.amount if total is None else total
    scope = scope_name(node)
    if not whole or whole <= 0:
        return f"{scope}: {short_money(whole or 0.0)}"
    kids = [c for c in node.children if c.amount > 0]
    if not kids:
        return f"{scope}: {short_money(whole)}"
    for k in (1, 2, 3):
        top = kids[:k]
        share = sum(c.amount for c in top) / whole
        if share >= 0.5:
            names = [c.label for c in top]
            plural = k > 1 or _plural(names[0])
            return _cap(_share_sentence(names, pct(share), scope_of(node), plural))
    first = kids[0]
    return translate(
        "explore", "{scope} is spread out: the largest part, {label}, is {share}"
    ).format(scope=scope, label=first.label, share=pct(first.amount / whole))


def change_headline(node: Node, compare_label: str, *, variance_mode: bool = False) -> str:
    """The point of a comparison: "General Fund spending grows 4.2% ($3.9M) from FY2025
    adopted; Police adds the most (+$2.1M)". In ``variance_mode`` (actual against the
    budget of the same year) it is said as over or under budget.
    """
    if not node.tree.has_compare:
        return headline(node)
    scope = scope_name(node)
    if variance_mode:
        v = variance(node.compare, node.amount, node.tree.direction)
        text = f"{scope}: {v.words()}"
    else:
        ch, p = node.change, node.change_pct
        if abs(ch) < 0.5:
            text = translate("explore", "{scope} is the same as in {compare}")
        elif ch > 0:
            text = translate("explore", "{scope} grows {size} from {compare}")
        else:
            text = translate("explore", "{scope} falls {size} from {compare}")
        size = f"{pct(abs(p), 1)} ({short_money(abs(ch))})" if p == p else short_money(abs(ch))
        text = text.format(scope=scope, size=size, compare=compare_label)
    movers = [c for c in node.children if abs(c.change) >= 0.5]
    if movers and len(node.children) > 1:
        top = max(movers, key=lambda c: abs(c.change))
        up, plural = top.change > 0, _plural(top.label)
        if variance_mode:
            if up:
                more = translate("explore", "; {label} ran {amount} over")
            else:
                more = translate("explore", "; {label} ran {amount} under")
            amount = short_money(abs(top.change))
        else:
            if up and plural:
                more = translate("explore", "; {label} add the most ({amount})")
            elif up:
                more = translate("explore", "; {label} adds the most ({amount})")
            elif plural:
                more = translate("explore", "; {label} cut the most ({amount})")
            else:
                more = translate("explore", "; {label} cuts the most ({amount})")
            amount = ("+" if up else "-") + short_money(abs(top.change))
        text += more.format(label=top.label, amount=amount)
    return text


def describe(node: Node, limit: int = 6) -> str:
    """The treemap in words, for screen readers: "Police $36M (37%), Fire ... and 8 more"."""
    kids = node.children
    parts = [f"{c.label} {short_money(c.amount)} ({pct(c.share_of_parent)})" for c in kids[:limit]]
    more = ""
    if len(kids) > limit:
        more = translate("explore", ", and {n} more").format(n=len(kids) - limit)
    head = f"{node.label}, {short_money(node.amount)}"
    return f"{head}: " + ", ".join(parts) + more if parts else head


# --- budget vs actual --------------------------------------------------------------------------

#: Which budget an actual is measured against, best first: the final (amended) budget.
BUDGET_PHASES: tuple[str, ...] = ("amended", "adopted", "estimate", "recommended", "proposed")


@dataclass(frozen=True)
class Variance:
    """An actual against its budget. ``amount`` is actual minus budget."""

    budget: float
    actual: float
    direction: str

    @property
    def amount(self) -> float:
        return self.actual - self.budget

    @property
    def pct(self) -> float:
        return self.amount / abs(self.budget) if self.budget else math.nan

    @property
    def favourable(self) -> bool | None:
        """Spending under budget, or revenue over it; ``None`` when exactly on budget."""
        if abs(self.amount) < 0.5:
            return None
        return (self.amount < 0) if self.direction == "expense" else (self.amount > 0)

    def words(self) -> str:
        """ "actual was 3.1% ($4.2M) under budget", or "actual matched the budget"."""
        if abs(self.amount) < 0.5:
            return translate("explore", "actual matched the budget")
        size = short_money(abs(self.amount))
        if self.pct == self.pct:
            size = f"{pct(abs(self.pct), 1)} ({size})"
        if self.amount < 0:
            return translate("explore", "actual was {size} under budget").format(size=size)
        return translate("explore", "actual was {size} over budget").format(size=size)


def variance(budget: float, actual: float, direction: str = "expense") -> Variance:
    """Budget-versus-actual variance of one amount (see :class:`Variance`)."""
    return Variance(float(budget), float(actual), direction)


def budget_vs_actual(
    year_phases: Sequence[tuple[int, str]], year: int | None = None
) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """The (budget, actual) year-phases to compare: ``year``'s if it has both, else the
    newest year that has an actual and a budget. ``None`` when no year has both."""
    by_year: dict[int, set[str]] = {}
    for y, p in year_phases:
        by_year.setdefault(int(y), set()).add(str(p))
    years = sorted(by_year, reverse=True)
    if year is not None and year in by_year:
        years = [year] + [y for y in years if y != year]
    for y in years:
        phases = by_year[y]
        if "actual" not in phases:
            continue
        for p in BUDGET_PHASES:
            if p in phases:
                return (y, p), (y, "actual")
    return None


def actual_comparison(
    year_phases: Sequence[tuple[int, str]], year: int | None = None
) -> tuple[tuple[int, str], tuple[int, str], bool] | None:
    """What a "Budget vs actual" button shows: ``(shown, compared with, is_variance)``.

    When a year has both an actual and a budget, the actual is shown against that budget
    (the change is the variance). Otherwise the newest actual is compared with the budget of
    the nearest later year (last year's actual against this year's budget), or ``None``.
    """
    pair = budget_vs_actual(year_phases, year)
    if pair is not None:
        budget, actual = pair
        return actual, budget, True
    actual_years = sorted({int(y) for y, p in year_phases if p == "actual"}, reverse=True)
    budgets = [(int(y), str(p)) for y, p in year_phases if p in BUDGET_PHASES]
    for ya in actual_years:
        later = [b for b in budgets if b[0] > ya]
        if later:
            nearest = min(b[0] for b in later)
            phases = [p for y, p in later if y == nearest]
            best = next((p for p in BUDGET_PHASES if p in phases), phases[0])
            return (nearest, best), (ya, "actual"), False
    return None


def year_phase_label(year: int, phase: str) -> str:
    """ "FY2026 proposed", in the interface's language."""
    return translate("explore", "FY{year} {phase}").format(year=year, phase=phase_label(phase))


# --- aliases -----------------------------------------------------------------------------------


def alias_suggestions(lines: pd.DataFrame, column: str = "department") -> list[tuple[str, str]]:
    """Likely renames: a name that stops appearing in later years, and a similar name that
    starts appearing then (``[("Parks & Rec", "Parks and Recreation")]``)."""
    pairs = lines[[column, "fiscal_year"]].astype({column: str}).drop_duplicates()
    years: dict[str, set[int]] = {}
    for name, year in pairs.itertuples(index=False):
        if str(name).strip():
            years.setdefault(str(name), set()).add(int(year))
    if not years:
        return []
    out: list[tuple[str, str]] = []
    taken: set[str] = set()
    for old, old_years in sorted(years.items()):
        last = max(old_years)
        best, best_ratio = None, 0.0
        for new, new_years in years.items():
            if new == old or new in taken or min(new_years) <= last or new_years & old_years:
                continue
            ratio = difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio()
            words_old = set(re.findall(r"\w+", old.casefold()))
            words_new = set(re.findall(r"\w+", new.casefold()))
            if words_old and words_new and (words_old <= words_new or words_new <= words_old):
                ratio = max(ratio, 0.8)
            if ratio > best_ratio:
                best, best_ratio = new, ratio
        if best is not None and best_ratio >= 0.6:
            out.append((old, best))
            taken.add(best)
    return out


# --- one call for a view -----------------------------------------------------------------------


@dataclass
class Exploration:
    """What the Explore view shows: the tree, and the facts its labels state."""

    root: Node
    lens: Lens
    direction: str
    fiscal_year: int
    phase: str
    compare: tuple[int, str] | None
    #: actual against the same year's budget (the change column is the variance)
    variance_mode: bool
    #: removed by "net of transfers" from this direction, in the units shown
    transfers_removed: float
    internal_charges_removed: float
    notes: list[str]
    aliases: dict[str, str]
    scale: float
    population: int | None

    @property
    def year_phase(self) -> tuple[int, str]:
        return self.fiscal_year, self.phase

    @property
    def label(self) -> str:
        return year_phase_label(self.fiscal_year, self.phase)

    @property
    def compare_label(self) -> str:
        return year_phase_label(*self.compare) if self.compare else ""

    def title(self, node: Node) -> str:
        """The chart title for ``node``: its share point, or its change point when comparing."""
        if self.compare and not node.is_leaf and node.children:
            return change_headline(node, self.compare_label, variance_mode=self.variance_mode)
        return headline(node)

    def line_filters(self, node: Node) -> dict[str, Any]:
        """Canonical-column filters that select exactly ``node``'s lines in the budget's table.

        A value is one value or a tuple of allowed values; a key may be a tuple of columns
        (the ``object`` level: allowed (is_transfer, category, account_name) triples).
        Departments joined by aliases match every name joined into them.
        """
        out: dict[Any, Any] = {
            "fiscal_year": self.fiscal_year,
            "phase": self.phase,
            "direction": self.direction,
        }
        fund_types = {str(m) for m in schema.FundType}
        if self.lens.general_fund_only:
            fund_types &= {"general"}
        if self.lens.net_of_transfers:  # as core.lens: transfers and internal service funds go
            out["is_transfer"] = False
            fund_types.discard("internal_service")
        if not self.lens.include_fiduciary:
            fund_types.discard("fiduciary")
        if fund_types != {str(m) for m in schema.FundType}:
            out["fund_type"] = (
                next(iter(fund_types)) if len(fund_types) == 1 else tuple(sorted(fund_types))
            )
        if self.lens.restricted is not None:
            out["restricted"] = self.lens.restricted
        tree = node.tree
        pairs: list[tuple[str, Any, int | None]] = [(k, v, None) for k, v in tree.fixed.items()]
        pairs += [(n.level or "", n.value, n.depth - 1) for n in node.path[1:]]
        for level, value, index in pairs:
            if level == "object":
                if index is None:
                    continue  # a uniform object class: every line is in it already
                out[OBJECT_KEY] = tree._members[index].get(value, ())
            elif level == "department" and self.aliases:
                # every name in the file that the aliases turn into this one
                names = sorted(
                    r for r in {str(value), *self.aliases} if self.aliases.get(r, r) == value
                )
                out[level] = names[0] if len(names) == 1 else tuple(names)
            else:
                out[level] = value
        return out

    def selection_label(self, node: Node) -> str:
        """A short name for ``node``'s lines: "FY2026 proposed · General Fund ▸ Police"."""
        crumbs = " ▸ ".join(n.label for n in node.path)
        return f"{self.label} · {crumbs}"


def explore(
    budget: Budget,
    lens: Lens,
    direction: str = "expense",
    levels: Sequence[str] = DEFAULT_LEVELS,
    compare: tuple[int, str] | None = None,
    cpi: dict[int, float] | None = None,
) -> Exploration:
    """Apply ``lens`` (and the same lens to the ``compare`` year-phase) and build the tree."""
    result = apply_lens(budget, lens, cpi=cpi)
    transfers = charges = 0.0
    if lens.net_of_transfers:
        gross = apply_lens(budget, lens.with_(net_of_transfers=False), cpi=cpi).lines
        gross = gross[(gross["direction"] == direction).to_numpy(dtype=bool)]
        removed = gross[~gross.index.isin(result.lines.index)]
        is_transfer = removed["is_transfer"].to_numpy(dtype=bool)
        amounts = removed["amount"].to_numpy(dtype=np.float64)
        transfers = float(amounts[is_transfer].sum())
        charges = float(amounts[~is_transfer].sum())
    compare_lines = None
    notes = list(result.notes)
    if compare is not None:
        other = apply_lens(
            budget, lens.with_(fiscal_year=int(compare[0]), phase=str(compare[1])), cpi=cpi
        )
        compare_lines = other.lines
        notes += [n for n in other.notes if n not in notes]
    variance_mode = bool(
        compare
        and int(compare[0]) == result.fiscal_year
        and result.phase == "actual"
        and str(compare[1]) != "actual"
    )
    root_label, root_of = root_scope(direction, lens.general_fund_only, lens.restricted)
    root = build_tree(
        result.lines, levels, direction, compare_lines, root_label=root_label, root_of=root_of
    )
    return Exploration(
        root=root,
        lens=lens,
        direction=direction,
        fiscal_year=result.fiscal_year,
        phase=result.phase,
        compare=(int(compare[0]), str(compare[1])) if compare else None,
        variance_mode=variance_mode,
        transfers_removed=transfers,
        internal_charges_removed=charges,
        notes=notes,
        aliases=dict(budget.meta.get("aliases", {}) or {}),
        scale=result.scale,
        population=budget.population,
    )
