"""The command palette (Ctrl+K): every menu command, found by typing a few of its letters.

It lists each action reachable from the window's menu bar, with the menu it lives in and its
shortcut, filters them as you type (the letters in order, not necessarily together: "ots"
finds "Open Teaching Sample"), best matches first. ↑ ↓ move, Enter runs the command, Esc
closes. Commands that cannot run now are shown greyed and are not run.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: Separator between the levels of a menu path.
PATH_SEPARATOR = " ▸ "
#: Rows shown before the list scrolls.
VISIBLE_ROWS = 12


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marks ("&Open…" → "Open…", "&&" → "&") or tab part."""
    text = text.split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


@dataclass
class Command:
    action: QAction
    text: str
    path: str
    shortcut: str

    @property
    def enabled(self) -> bool:
        return self.action.isEnabled()


def collect_commands(window: QMainWindow) -> list[Command]:
    """Every action of ``window``'s menu bar, submenus included, in menu order.

    Menus are told they are about to show first, so menus filled on demand (recent files) are
    current. Separators, invisible actions and the palette's own command are left out.
    """
    out: list[Command] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: list[str]) -> None:
        menu.aboutToShow.emit()
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            sub = action.menu()
            if sub is not None:
                walk(sub, [*path, plain_text(sub.title() or action.text())])
                continue
            if id(action) in seen or action.property("commandPaletteSelf"):
                continue
            text = plain_text(action.text())
            if not text.strip():
                continue
            seen.add(id(action))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            out.append(Command(action, text, PATH_SEPARATOR.join(path), shortcut))

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and top.isVisible():
            walk(menu, [plain_text(menu.title() or top.text())])
    return out


def fuzzy_score(query: str, text: str) -> float | None:
    """How well ``query``'s letters, in order, match ``text`` (higher is better), or ``None``
    when they do not all appear in order. Matches at the start of a word and runs of
    consecutive letters count most; a match at the very start counts extra."""
    q = "".join(query.casefold().split())
    if not q:
        return 0.0
    t = text.casefold()
    # Best over every starting point of the first letter: a greedy scan from each.
    best = None
    start = t.find(q[0])
    while start >= 0:
        score, pos, prev = 0.0, start, -2
        ok = True
        for ch in q:
            while pos < len(t) and t[pos] != ch:
                pos += 1
            if pos >= len(t):
                ok = False
                break
            boundary = pos == 0 or not t[pos - 1].isalnum()
            score += 1.0
            if boundary:
                score += 3.0
            if pos == prev + 1:
                score += 2.0
            elif prev >= 0:
                score -= min(pos - prev - 1, 10) * 0.1
            if pos == 0:
                score += 2.0
            prev = pos
            pos += 1
        if not ok:
            break
        score -= len(t) * 0.01  # between equals, the shorter name
        best = score if best is None else max(best, score)
        start = t.find(q[0], start + 1)
    return best


def rank(commands: list[Command], query: str) -> list[Command]:
    """``commands`` that match ``query`` (by name, or failing that by menu path and name),
    best first; enabled ones before greyed ones of the same score."""
    scored = []
    for order, c in enumerate(commands):
        s = fuzzy_score(query, c.text)
        if s is None:
            s = fuzzy_score(query, f"{c.path} {c.text}")
            if s is None:
                continue
            s -= 5.0  # a match through the menu's name ranks below a match of the name itself
        scored.append((-s, not c.enabled, order, c))
    scored.sort(key=lambda x: x[:3])
    return [c for *_, c in scored]


class CommandPalette(QFrame):
    """A search box over the window's commands, shown at the top of the window (Ctrl+K)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("commandPalette")
        self._window = window
        self._commands: list[Command] = []
        #: View ▸ Command Palette… (Ctrl+K), set by :func:`install_command_palette`
        self.toggle_action: QAction | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Command palette"))

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("commandSearch")
        self.search_edit.setPlaceholderText(self.tr("Type a command: letters in order, e.g. “ots”"))
        self.search_edit.setAccessibleName(self.tr("Find a command"))
        self.search_edit.textChanged.connect(self._refilter)
        self.search_edit.installEventFilter(self)
        big = QFont(self.search_edit.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.search_edit.setFont(big)

        self.list = QTreeWidget(self)
        self.list.setObjectName("commandList")
        self.list.setAccessibleName(self.tr("Commands"))
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Command"), self.tr("Menu"), self.tr("Shortcut")])
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemActivated.connect(lambda item, _col: self._run(item))
        self.list.itemClicked.connect(lambda item, _col: self._run(item))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("commandHint")
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint_label)
        self.hide()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)

    # --- public API -------------------------------------------------------------------------
    def open_palette(self) -> None:
        """Show the palette with every command, the search box empty and focused."""
        self._commands = collect_commands(self._window)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._refilter("")
        self._place()
        self.show()
        self.raise_()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_palette(self) -> None:
        if self.isVisible():
            self.hide()
            self._window.activateWindow()

    def shown_commands(self) -> list[Command]:
        """The commands listed now, in order."""
        return [
            self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(self.list.topLevelItemCount())
        ]

    def current_command(self) -> Command | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def run_current(self) -> bool:
        """Run the highlighted command (closing the palette); False when it cannot run."""
        item = self.list.currentItem()
        return self._run(item) if item is not None else False

    # --- internals --------------------------------------------------------------------------
    def _refilter(self, text: str) -> None:
        commands = rank(self._commands, text)
        self.list.clear()
        disabled = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        first_enabled = None
        for c in commands:
            name = c.text
            if c.action.isCheckable():
                name = ("☑ " if c.action.isChecked() else "☐ ") + name
            item = QTreeWidgetItem([name, c.path, c.shortcut])
            item.setData(0, Qt.ItemDataRole.UserRole, c)
            tip = c.action.statusTip() or c.action.toolTip()
            if not c.enabled:
                for col in range(3):
                    item.setForeground(col, disabled)
                tip = self.tr("Not available now") + (f" — {tip}" if tip else "")
            for col in range(3):
                item.setToolTip(col, tip)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, f"{c.path}, {c.shortcut}")
            self.list.addTopLevelItem(item)
            if first_enabled is None and c.enabled:
                first_enabled = item
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(first_enabled or self.list.topLevelItem(0))
        n = len(commands)
        if not n:
            self.hint_label.setText(self.tr("No command matches “{0}”").format(text))
        else:
            self.hint_label.setText(
                self.tr("{0} commands · ↑ ↓ to choose · Enter to run · Esc to close").format(n)
            )

    def _move(self, step: int) -> None:
        count = self.list.topLevelItemCount()
        if not count:
            return
        row = (
            self.list.indexOfTopLevelItem(self.list.currentItem())
            if self.list.currentItem()
            else -1
        )
        row = min(max(row + step, 0), count - 1)
        self.list.setCurrentItem(self.list.topLevelItem(row))

    def _run(self, item: QTreeWidgetItem | None) -> bool:
        if item is None:
            return False
        command: Command = item.data(0, Qt.ItemDataRole.UserRole)
        if not command.enabled:
            self.hint_label.setText(self.tr("“{0}” is not available now").format(command.text))
            return False
        self.close_palette()
        command.action.trigger()
        return True

    def _place(self) -> None:
        w = self._window
        top = w.menuBar().geometry().bottom() + 8 if w.menuBar().isVisible() else 8
        width = min(max(int(w.width() * 0.6), 420), w.width() - 16)
        row = (
            self.list.sizeHintForRow(0)
            if self.list.topLevelItemCount()
            else self.fontMetrics().height() + 6
        )
        height = (
            self.search_edit.sizeHint().height()
            + row * VISIBLE_ROWS
            + self.hint_label.sizeHint().height()
            + 40
        )
        height = min(height, w.height() - top - 8)
        self.setGeometry((w.width() - width) // 2, top, width, height)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and not self.isAncestorOf(new) and new is not self:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            moves = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: VISIBLE_ROWS - 1,
                Qt.Key.Key_PageUp: -(VISIBLE_ROWS - 1),
            }
            if key in moves:
                self._move(moves[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_palette()
                return True
        return super().eventFilter(watched, event)


def _view_menu(window: QMainWindow) -> QMenu | None:
    """The menu that holds the window's Data view command (its View menu), if any."""
    data_action = getattr(window, "data_action", None)
    if data_action is None:
        return None
    for obj in data_action.associatedObjects():
        if isinstance(obj, QMenu):
            return obj
    return None


def install_command_palette(window: QMainWindow) -> CommandPalette:
    """Add View ▸ Command Palette… (Ctrl+K) to ``window``; returns the palette (hidden)."""
    palette = CommandPalette(window)
    action = QAction(QCoreApplication.translate("CommandPalette", "&Command Palette…"), window)
    action.setObjectName("commandPaletteAction")
    action.setProperty("commandPaletteSelf", True)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setStatusTip(
        QCoreApplication.translate("CommandPalette", "Find any command by typing part of its name")
    )
    action.triggered.connect(palette.open_palette)
    window.addAction(action)
    menu = _view_menu(window)
    if menu is None:
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        menu = (
            menus[-1]
            if menus
            else window.menuBar().addMenu(QCoreApplication.translate("CommandPalette", "&View"))
        )
    menu.addSeparator()
    menu.addAction(action)
    palette.toggle_action = action
    return palette
