"""A Qt item model over an Explore tree (:mod:`budgetbench.core.explore`).

The model shows one top row, the whole selection ("General Fund spending"), with its groups
below it. It never copies the tree: an index carries its node's ``uid``, and children are
read from the tree's arrays when a branch is first expanded. Sorting reorders each branch's
children (a few hundred at most), never the whole tree at once.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from budgetbench.core.format import format_money, spoken_money
from budgetbench.ui.notes import MARK, tooltip_notes

if TYPE_CHECKING:  # pandas-backed; imported with the first budget, not at start-up
    from budgetbench.core.explore import Node


class NoteLookup(Protocol):
    def direct(self, node: Node) -> list[str]: ...
    def on_lines(self, node: Node) -> int: ...


NAME, AMOUNT, SHARE_PARENT, SHARE_TOTAL, CHANGE, CHANGE_PCT = range(6)
COLUMN_COUNT = 6

_DISPLAY = Qt.ItemDataRole.DisplayRole
_USER = Qt.ItemDataRole.UserRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FONT = Qt.ItemDataRole.FontRole
_INITIAL_SORT = Qt.ItemDataRole.InitialSortOrderRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ROLES = frozenset(
    {_DISPLAY, _USER, _ALIGN, _ACCESSIBLE, _TOOLTIP, _DECORATION, _FONT, _BACKGROUND}
)
#: The tint of groups the room has written notes on (the Data view uses the same).
NOTE_TINT = QColor(255, 236, 170)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def pct(fraction: float, digits: int = 1) -> str:
    """A share: 37.2%; "–" when there is none (a parent of zero)."""
    if fraction != fraction or math.isinf(fraction):
        return "–"
    return f"{fraction * 100:.{digits}f}%"


def signed_money(value: float) -> str:
    """+$1,200 / -$3,400 / $0: a change, with its sign always shown."""
    if value != value:
        return ""
    text = format_money(abs(value))
    if text == "$0":
        return text
    return f"+{text}" if value > 0 else f"-{text}"


def signed_pct(value: float) -> str:
    if value != value or math.isinf(value):
        return ""
    return f"+{value * 100:.1f}%" if value > 0 else f"{value * 100:.1f}%"


class TreeModel(QAbstractItemModel):
    """Read-only model of an Explore tree: name, amount, shares and (when comparing) change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root: Node | None = None
        self._sort_column = AMOUNT
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._kids: dict[int, list[Node]] = {}
        self._rows: dict[int, int] = {}
        self._colours: dict[int, str] = {}
        self._notes: NoteLookup | None = None
        self._compare_label = ""
        self._headers = [
            self.tr("Name"),
            self.tr("Amount"),
            self.tr("% of parent"),
            self.tr("% of total"),
            self.tr("Change"),
            self.tr("Change %"),
        ]
        self._bold = QFont()
        self._bold.setBold(True)

    # --- what is shown ---------------------------------------------------------------------

    @property
    def root(self) -> Node | None:
        return self._root

    def set_root(self, root: Node | None, compare_label: str = "") -> None:
        self.beginResetModel()
        self._root = root
        self._kids.clear()
        self._rows.clear()
        self._colours.clear()
        self._compare_label = compare_label
        if root is not None:
            self._rows[root.uid] = 0
        self.endResetModel()

    def bold_font(self, base: QFont) -> QFont:
        """``base`` in bold: how the top row (the total) is drawn."""
        font = QFont(base)
        font.setBold(True)
        return font

    def set_colours(self, colours: dict[int, str]) -> None:
        """Swatch colours by node uid (the treemap's tiles), shown beside their names."""
        if colours == self._colours:
            return
        old = set(self._colours) | set(colours)
        self._colours = dict(colours)
        for uid in old:
            index = self.index_of_uid(uid)
            if index.isValid():
                self.dataChanged.emit(index, index, [_DECORATION])

    def set_notes(self, lookup: NoteLookup | None) -> None:
        """Where the room's notes are (``lookup.direct(node)`` lists a group's own notes,
        ``lookup.on_lines(node)`` counts notes on its lines): noted groups are tinted, marked
        with ✎ and their notes shown on hover."""
        self._notes = lookup
        if self._root is not None:
            self.dataChanged.emit(
                self.index_of(self._root), self.index_of(self._root, COLUMN_COUNT - 1)
            )

    def notes(self, node: Node) -> list[str]:
        return self._notes.direct(node) if self._notes is not None and node.depth else []

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        if not index.isValid() or self._root is None:
            return None
        return self._root.tree.by_uid(int(index.internalId()))

    def index_of(self, node: Node | None, column: int = 0) -> QModelIndex:
        """The index showing ``node`` (its branches are made on the way down)."""
        if node is None or self._root is None or node.tree is not self._root.tree:
            return QModelIndex()
        for ancestor in node.path[:-1]:
            self._children(ancestor)
        row = self._rows.get(node.uid)
        if row is None:
            return QModelIndex()
        return self.createIndex(row, column, node.uid)

    def index_of_uid(self, uid: int) -> QModelIndex:
        row = self._rows.get(uid)
        if row is None or self._root is None:
            return QModelIndex()
        return self.createIndex(row, 0, uid)

    def _children(self, node: Node) -> list[Node]:
        kids = self._kids.get(node.uid)
        if kids is None:
            kids = self._sorted(node.children)
            self._kids[node.uid] = kids
            for row, child in enumerate(kids):
                self._rows[child.uid] = row
        return kids

    def _sorted(self, nodes: list[Node]) -> list[Node]:
        column, order = self._sort_column, self._sort_order
        if column == AMOUNT and order == Qt.SortOrder.DescendingOrder:
            return list(nodes)  # the tree's own order
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == NAME:
            return sorted(nodes, key=lambda n: n.label.casefold(), reverse=reverse)

        def key(n: Node) -> tuple[int, float]:
            value = self._number(n, column)
            missing = value != value
            # missing values last in both orders
            return (1 if missing else 0, 0.0 if missing else (-value if reverse else value))

        return sorted(nodes, key=key)

    @staticmethod
    def _number(node: Node, column: int) -> float:
        if column == AMOUNT:
            return node.amount
        if column == SHARE_PARENT:
            return node.share_of_parent
        if column == SHARE_TOTAL:
            return node.share_of_total
        if column == CHANGE:
            return node.change
        if column == CHANGE_PCT:
            return node.change_pct
        return math.nan

    # --- Qt model interface ----------------------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if self._root is None or not (0 <= column < COLUMN_COUNT) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(0, column, self._root.uid) if row == 0 else QModelIndex()
        node = self.node(parent)
        if node is None:
            return QModelIndex()
        kids = self._children(node)
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row].uid)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of_uid(node.parent.uid)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if self._root is None:
            return 0
        if not parent.isValid():
            return 1
        if parent.column() > 0:
            return 0
        node = self.node(parent)
        return node.child_count if node is not None else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == _ALIGN:
            return _LEFT if section == NAME else _RIGHT
        if role == _INITIAL_SORT:
            return Qt.SortOrder.AscendingOrder if section == NAME else Qt.SortOrder.DescendingOrder
        if role == _TOOLTIP:
            if section in (CHANGE, CHANGE_PCT) and self._compare_label:
                return self.tr("This amount minus %1's").replace("%1", self._compare_label)
            return {
                AMOUNT: self.tr("Dollars in this group, in the units chosen at the left"),
                SHARE_PARENT: self.tr("Share of the group above it"),
                SHARE_TOTAL: self.tr("Share of everything shown"),
                CHANGE: self.tr("This amount minus the comparison's"),
                CHANGE_PCT: self.tr("Change as a share of the comparison"),
            }.get(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ROLES:
            return None
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == _ALIGN:
            return _LEFT if col == NAME else _RIGHT
        if role == _FONT:
            return self._bold if node.depth == 0 else None
        if role == _BACKGROUND:
            return NOTE_TINT if self.notes(node) else None
        if role == _DECORATION:
            colour = self._colours.get(node.uid) if col == NAME else None
            return QColor(colour) if colour else None
        if role == _USER:
            return node.label if col == NAME else self._number(node, col)
        if role == _TOOLTIP:
            if col != NAME:
                return None
            lines = (
                self.tr("1 line")
                if node.n_lines == 1
                else self.tr("%1 lines").replace("%1", f"{node.n_lines:,}")
            )
            tip = f"{node.label}\n{format_money(node.amount)} · {lines}"
            if self._notes is not None and node.depth:
                extra = tooltip_notes(self.notes(node), self._notes.on_lines(node))
                tip += "\n" + extra if extra else ""
            return tip
        if role == _ACCESSIBLE:
            if col == NAME:
                return node.label
            if col in (AMOUNT, CHANGE):
                value = self._number(node, col)
                return spoken_money(value) if value == value else self.tr("no comparison")
        return self._text(node, col)

    def _text(self, node: Node, col: int) -> str:
        if col == NAME:
            count = len(self.notes(node))
            if count:
                return f"{node.label}  {MARK}{count if count > 1 else ''}"
            return node.label
        if col == AMOUNT:
            return format_money(node.amount)
        if col == SHARE_PARENT:
            return pct(node.share_of_parent)
        if col == SHARE_TOTAL:
            return pct(node.share_of_total)
        if col == CHANGE:
            return signed_money(node.change) if node.tree.has_compare else ""
        if col == CHANGE_PCT:
            if not node.tree.has_compare:
                return ""
            if node.compare == 0 and node.amount != 0:
                return self.tr("new")
            return signed_pct(node.change_pct)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        nodes = [(p.column(), self.node(p)) for p in persistent]
        self._sort_column, self._sort_order = column, order
        self._kids.clear()
        self._rows.clear()
        if self._root is not None:
            self._rows[self._root.uid] = 0
        moved = [self.index_of(n, c) if n is not None else QModelIndex() for c, n in nodes]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
