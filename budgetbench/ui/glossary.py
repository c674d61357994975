"""The glossary: a searchable window (F1), and glossary terms underlined where text mentions them.

* :func:`linkify` turns plain text into rich text where each glossary term's first mention is
  a dotted-underlined ``<a href="term:<id>">`` link;
* :class:`GlossaryLabel` is a QLabel that does that and shows the term's plain-language
  definition as a tooltip while the pointer is over it (a click opens the glossary there);
  :func:`attach_definitions` gives any rich-text QLabel the same behaviour;
* :class:`GlossaryWindow` lists every term, filtered as you type, with its definition in
  large type; :func:`install_glossary` adds it to a window's Help menu under F1.

The terms are read from ``resources/glossary/<lang>.json`` by :mod:`budgetbench.core.tour`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from budgetbench.core import tour as core_tour
from budgetbench.core.progress import BudgetError
from budgetbench.ui import i18n
from budgetbench.ui.errors import log

#: Where a glossary link points: ``term:<id>``.
SCHEME = "term:"
#: How much larger the glossary window shows a definition than the interface's type.
DEFINITION_SCALE = 1.5


def glossary(lang: str | None = None) -> core_tour.Glossary | None:
    """The glossary in ``lang`` (the interface's language by default); ``None`` if it cannot
    be read (the reason is logged: text is then shown without links)."""
    try:
        return core_tour.load_glossary(lang or i18n.current())
    except BudgetError as exc:
        log.error("glossary not available: %s", exc)
        return None


def linkify(text: str, lang: str | None = None, color: str | None = None) -> str:
    """``text`` as rich text, the first mention of each glossary term a dotted-underlined link
    ``term:<id>`` (in ``color``, a CSS colour, or the link colour when ``None``). Line breaks
    are kept."""
    found = glossary(lang)
    spans = found.mentions(text) if found is not None else []
    style = "text-underline-style: dotted;"
    if color:
        style += f" color: {color};"
    out, at = [], 0
    for start, end, term_id in spans:
        out.append(html.escape(text[at:start]))
        out.append(
            f'<a href="{SCHEME}{term_id}" style="{style}">{html.escape(text[start:end])}</a>'
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def term_of(href: str) -> str:
    """The term id a ``term:<id>`` link points to ("" for any other link)."""
    return href[len(SCHEME) :] if href.startswith(SCHEME) else ""


def definition_html(term_id: str, lang: str | None = None) -> str:
    """A term's name and definition as rich text (for a tooltip), or "" if there is no such term."""
    found = glossary(lang)
    term = found.get(term_id) if found is not None else None
    if term is None:
        return ""
    return (
        f"<p style='white-space: normal'><b>{html.escape(term.term)}</b><br>"
        f"{html.escape(term.definition)}</p>"
    )


class _Definitions(QObject):
    """Shows a glossary link's definition as a tooltip on hover; opens the glossary on a click."""

    def __init__(self, label: QLabel, lang: str | None) -> None:
        super().__init__(label)
        self.label = label
        self.lang = lang
        label.linkHovered.connect(self.hovered)
        label.linkActivated.connect(self.activated)
        self.shown = ""

    def hovered(self, href: str) -> None:
        text = definition_html(term_of(href), self.lang) if href else ""
        self.shown = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self.label)
        else:
            QToolTip.hideText()

    def activated(self, href: str) -> None:
        term_id = term_of(href)
        if not term_id:
            return
        window = self.label.window()
        found = window.findChild(GlossaryWindow) if window is not None else None
        if found is not None:
            found.show_term(term_id)


def attach_definitions(label: QLabel, lang: str | None = None) -> None:
    """Make ``label`` (showing :func:`linkify` text) explain its terms on hover and open the
    glossary window, when the label's window has one, on a click."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    old = label.findChild(_Definitions)
    if old is not None:
        old.lang = lang
        return
    _Definitions(label, lang)


def text_color(widget: QWidget) -> str:
    """The colour ``widget`` draws text in, as ``#rrggbb`` (terms keep it; dots mark them)."""
    return QColor(widget.palette().color(widget.foregroundRole())).name()


class GlossaryLabel(QLabel):
    """A label whose glossary terms are underlined with dots and explained on hover.

    ``label.set_glossary_text("Police and Fire are 64% of the General Fund")`` — the text is
    plain; "General Fund" becomes a link whose definition shows as a tooltip. ``plain_text()``
    gives the text back (for accessibility and tests).
    """

    def __init__(self, text: str = "", lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._lang = lang
        self._plain = ""
        self.setWordWrap(True)
        attach_definitions(self, lang)
        if text:
            self.set_glossary_text(text)

    def set_glossary_text(self, text: str) -> None:
        self._plain = text
        self.setText(linkify(text, self._lang, text_color(self)))
        self.setAccessibleName(text)

    def plain_text(self) -> str:
        return self._plain

    def set_language(self, lang: str | None) -> None:
        self._lang = lang
        attach_definitions(self, lang)
        self.set_glossary_text(self._plain)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._plain:
            self.setText(linkify(self._plain, self._lang, text_color(self)))


class GlossaryWindow(QDialog):
    """Every glossary term, filtered as you type (names and definitions), the chosen
    definition in large type with links to related terms. Not modal: it can stay open beside
    the window."""

    term_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryWindow")
        self.setWindowTitle(self.tr("Glossary"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self._lang = lang or i18n.current()
        self._current = ""
        #: Help ▸ Glossary (F1), set by :func:`install_glossary`
        self.toggle_action: QAction | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("glossarySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Type to find a term or a word in a definition")
        )
        self.search_edit.setAccessibleName(self.tr("Search the glossary"))
        self.search_edit.textChanged.connect(self.set_filter)
        self.search_edit.installEventFilter(self)
        find = QLabel(self.tr("&Find:"), self)
        find.setBuddy(self.search_edit)

        self.term_list = QListWidget(self)
        self.term_list.setObjectName("glossaryTerms")
        self.term_list.setAccessibleName(self.tr("Glossary terms"))
        self.term_list.currentItemChanged.connect(self._item_changed)

        self.definition_view = QTextBrowser(self)
        self.definition_view.setObjectName("glossaryDefinition")
        self.definition_view.setAccessibleName(self.tr("Definition"))
        self.definition_view.setOpenLinks(False)
        self.definition_view.anchorClicked.connect(
            lambda url: self.show_term(term_of(url.toString()))
        )
        self._scale_definition()

        self.count_label = QLabel(self)
        self.count_label.setObjectName("glossaryCount")

        top = QHBoxLayout()
        top.addWidget(find)
        top.addWidget(self.search_edit, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.term_list)
        splitter.addWidget(self.definition_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        self.resize(820, 520)
        self.set_filter("")

    # --- public API -------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        """Show the glossary in ``lang`` (keeps the term shown and the search)."""
        self._lang = lang
        self.set_filter(self.search_edit.text())
        if self._current:
            self.show_term(self._current)

    def visible_terms(self) -> list[str]:
        """The ids of the terms listed now, in order."""
        return [
            self.term_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.term_list.count())
        ]

    def current_term(self) -> str:
        return self._current

    def set_filter(self, text: str) -> None:
        """List the terms whose name or definition has every word of ``text``."""
        if self.search_edit.text() != text:
            self.search_edit.setText(text)  # comes back here through textChanged
            return
        found = glossary(self._lang)
        terms = found.search(text) if found is not None else []
        keep = self._current
        self.term_list.blockSignals(True)
        self.term_list.clear()
        for term in terms:
            item = QListWidgetItem(term.term, self.term_list)
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setToolTip(term.definition)
        self.term_list.blockSignals(False)
        total = len(found) if found is not None else 0
        if text.strip():
            self.count_label.setText(
                self.tr("{shown} of {total} terms match “{text}”").format(
                    shown=len(terms), total=total, text=text.strip()
                )
            )
        else:
            self.count_label.setText(self.tr("{total} terms").format(total=total))
        ids = self.visible_terms()
        if keep in ids:
            self._select(keep)
        elif ids:
            self._select(ids[0])
        else:
            self._current = ""
            self.definition_view.setHtml(
                "<p>{}</p>".format(html.escape(self.tr("No term matches. Try fewer letters.")))
            )

    def show_term(self, term_id: str) -> None:
        """Show (and open the window on) the term ``term_id``; the search is cleared when it
        hides the term."""
        found = glossary(self._lang)
        if found is None or found.get(term_id) is None:
            return
        if term_id not in self.visible_terms():
            self.search_edit.clear()
        self._select(term_id)
        self.show()
        self.raise_()
        self.activateWindow()

    def definition_text(self) -> str:
        """What the definition pane says, as plain text."""
        return self.definition_view.toPlainText()

    # --- internals --------------------------------------------------------------------------
    def _select(self, term_id: str) -> None:
        for i in range(self.term_list.count()):
            item = self.term_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == term_id:
                if self.term_list.currentItem() is not item:
                    self.term_list.setCurrentItem(item)  # shows it through currentItemChanged
                else:
                    self._render(term_id)
                self.term_list.scrollToItem(item)
                return

    def _item_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self._render(current.data(Qt.ItemDataRole.UserRole))

    def _render(self, term_id: str) -> None:
        found = glossary(self._lang)
        term = found.get(term_id) if found is not None else None
        if term is None:
            return
        self._current = term_id
        parts = [
            f"<h2>{html.escape(term.term)}</h2>",
            f"<p>{html.escape(term.definition)}</p>",
        ]
        related = [found.get(t) for t in term.see_also]
        links = [
            f'<a href="{SCHEME}{t.id}">{html.escape(t.term)}</a>' for t in related if t is not None
        ]
        if links:
            parts.append(
                "<p><i>{}</i> {}</p>".format(html.escape(self.tr("See also:")), " · ".join(links))
            )
        self.definition_view.setHtml("".join(parts))
        self.definition_view.setAccessibleDescription(f"{term.term}: {term.definition}")
        self.term_shown.emit(term_id)

    def _scale_definition(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * DEFINITION_SCALE)
        self.definition_view.setFont(font)
        listed = QFont(self.font())
        listed.setPointSizeF(listed.pointSizeF() * 1.2)
        self.term_list.setFont(listed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_definition()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up, Down, Page Up and Page Down in the search box move through the list.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QApplication.sendEvent(self.term_list, event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.term_list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        # Typing a letter anywhere in the window goes to the search box.
        text = event.text()
        if text and text.isprintable() and not self.search_edit.hasFocus():
            self.search_edit.setFocus()
            self.search_edit.insert(text)
            return
        super().keyPressEvent(event)


def _help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu: its last menu (made when it has none)."""
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    if menus:
        return menus[-1]
    return window.menuBar().addMenu(QCoreApplication.translate("GlossaryWindow", "&Help"))


def install_glossary(window: QMainWindow) -> GlossaryWindow:
    """Add Help ▸ Glossary (F1) to ``window``; returns the (hidden) glossary window."""
    dialog = GlossaryWindow(window)
    action = QAction(QCoreApplication.translate("GlossaryWindow", "&Glossary"), window)
    action.setObjectName("glossaryAction")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    action.setStatusTip(
        QCoreApplication.translate("GlossaryWindow", "Budget words in plain language, searchable")
    )

    def toggle() -> None:
        if dialog.isVisible() and dialog.isActiveWindow():
            dialog.hide()
        else:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            dialog.search_edit.setFocus()

    action.triggered.connect(toggle)
    window.addAction(action)
    menu = _help_menu(window)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)
    dialog.toggle_action = action
    return dialog


# ---- glossary terms in chart titles ---------------------------------------------------------
def underline_terms(figure, artist, lang: str | None = None) -> list[tuple[tuple, str]]:
    """Underline (dotted) the glossary terms in a chart title drawn by matplotlib (``artist``, a
    left-aligned ``Text`` of ``figure``) and return where each is, as ``((x0, y0, x1, y1),
    term_id)`` in display pixels from the bottom left, for :func:`show_definitions_on_hover`."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import IdentityTransform

    found = glossary(lang)
    text = artist.get_text()
    if found is None or not text:
        return []
    renderer = figure.canvas.get_renderer()
    box = artist.get_window_extent(renderer)
    line_height = box.height / (text.count("\n") + 1)
    props = artist.get_fontproperties()

    def width(part: str) -> float:
        return renderer.get_text_width_height_descent(part, props, ismath=False)[0] if part else 0

    regions = []
    for start, end, term_id in found.mentions(text):
        if "\n" in text[start:end]:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        x0 = box.x0 + width(text[line_start:start])
        x1 = x0 + width(text[start:end])
        top = box.y1 - text.count("\n", 0, start) * line_height
        bottom = top - line_height
        figure.add_artist(
            Line2D(
                [x0, x1],
                [bottom + 1, bottom + 1],
                transform=IdentityTransform(),
                linestyle=(0, (1, 2)),
                linewidth=max(1.0, props.get_size_in_points() / 12),
                color=artist.get_color(),
            )
        )
        regions.append(((x0, bottom, x1, top), term_id))
    return regions


def show_definitions_on_hover(canvas, regions: list[tuple[tuple, str]], lang=None) -> None:
    """Give ``canvas`` (a matplotlib Qt canvas) the definition of the glossary term under the
    pointer as its tooltip (``regions`` from :func:`underline_terms`, replacing earlier ones)."""
    canvas._glossary_regions = (regions, lang)
    if getattr(canvas, "_glossary_hover", None) is not None:
        return

    def moved(event) -> None:
        found, language = canvas._glossary_regions
        term = next(
            (
                t
                for (x0, y0, x1, y1), t in found
                if event.x is not None and x0 <= event.x <= x1 and y0 <= event.y <= y1
            ),
            "",
        )
        tip = definition_html(term, language) if term else ""
        if canvas.toolTip() != tip:
            canvas.setToolTip(tip)

    canvas._glossary_hover = canvas.mpl_connect("motion_notify_event", moved)
