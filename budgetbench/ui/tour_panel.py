"""The Budget 101 tour: a side panel that walks a room through the concepts in teaching order.

Each step says one idea in plain words, ends with a question the learner can now ask at a
budget hearing, and opens the view and selection that shows it on the budget that is open
(the teaching sample by default). When that budget lacks what a step shows, the panel says
so and still gives the explanation. Glossary terms in the text are underlined with dots and
explained on hover.

The steps are data (``resources/tour/<lang>.json``, read by :mod:`budgetbench.core.tour`).
A trainer edits a copy in the user data folder (Tour ▸ Open Tour File for Editing), which
the panel reloads as it is saved, or adds the view on screen as a new step (Tour ▸ Add This
View as a Step…).

:func:`apply_action` carries out a step's action on a window; :func:`capture_action` reads
the same vocabulary back from what the window shows.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from budgetbench import paths
from budgetbench.core import tour as core_tour
from budgetbench.core.progress import BudgetError
from budgetbench.ui import i18n
from budgetbench.ui.errors import log
from budgetbench.ui.glossary import attach_definitions, linkify, text_color

#: Explore's groupings by the tour's names for them.
GROUPINGS = {
    "fund": ("fund_type", "fund_name", "department", "division", "program", "account_name"),
    "department": ("department", "division", "program", "fund_name", "account_name"),
    "object": ("object", "department", "account_name"),
}
#: Select keys that are canonical columns (the Data view can filter by them).
COLUMNS = (
    "fund_name",
    "fund_code",
    "fund_type",
    "department",
    "division",
    "program",
    "category",
    "account_name",
    "direction",
)


# ------------------------------------------------------------------------------------------
# Carrying out an action, and reading one back
# ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet(*widgets):
    """Change widgets without each change recomputing a view (the caller recomputes once)."""
    before = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, was in zip(widgets, before, strict=True):
            w.blockSignals(was)


def _set_combo_data(combo, value) -> bool:
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


def resolve_select(filters: dict, budget) -> dict:
    """A step's ``select`` in canonical columns: ``fund`` becomes ``fund_name`` (a fund named
    so, or the name of the fund with that code)."""
    out = {}
    for key, value in (filters or {}).items():
        if key == "fund" and budget is not None:
            lines = budget.lines
            names = lines["fund_name"].astype("string").fillna("").str.strip()
            if (names == value).any():
                out["fund_name"] = value
            else:
                codes = lines["fund_code"].astype("string").fillna("").str.strip()
                match = names[codes == value]
                out["fund_name"] = str(match.iat[0]) if len(match) else value
        else:
            out[key] = value
    return out


def apply_action(window: QMainWindow, action: dict) -> list[str]:
    """Show what ``action`` describes in ``window`` (a MainWindow). Returns the problems met
    (empty when everything was shown). Unset lens toggles go back to off, an unset grouping
    to by fund, an unset comparison to none, so each step shows the same whatever came before.
    """
    view = action.get("view", "explore")
    window.show_view(view)
    if window.budget is None:
        return []
    apply = {
        "data": _apply_data,
        "explore": _apply_explore,
        "flows": _apply_flows,
        "pensions": _apply_pensions,
        "tradeoffs": _apply_tradeoffs,
    }.get(view)
    return apply(window, action) if apply is not None else []


def _apply_data(window, action) -> list[str]:
    dv = window.data_view
    select = resolve_select(action.get("select"), window.budget)
    filters = {k: v for k, v in select.items() if k in COLUMNS}
    problems = []
    if len(filters) < len(select):
        problems.append(
            QCoreApplication.translate("TourPanel", "The Data view cannot narrow by “{0}”.").format(
                ", ".join(k for k in select if k not in COLUMNS)
            )
        )
    if filters:
        dv.show_only(filters)
    else:
        dv.clear_scope()
    if "search" in action:
        dv.search_edit.setText(str(action["search"] or ""))
        dv.apply_now()
    return problems


def _apply_explore(window, action) -> list[str]:
    from budgetbench.core.lens import default_year_phase, year_phases

    ev = window.explore_view
    if ev.exploration is None:
        return []
    lens = action.get("lens") or {}
    with _quiet(ev.gf_check, ev.net_check, ev.restricted_combo, ev.compare_combo):
        ev.gf_check.setChecked(bool(lens.get("general_fund_only", False)))
        ev.net_check.setChecked(bool(lens.get("net_of_transfers", False)))
        _set_combo_data(ev.restricted_combo, lens.get("restricted"))
        ev.compare_combo.setCurrentIndex(0)
    levels = GROUPINGS[action.get("group_by", "fund")]
    if tuple(ev.levels) != levels:
        ev.set_levels(levels)
    else:
        ev.recompute()
    budget = window.budget
    select = resolve_select(action.get("select"), budget)
    direction = select.get("direction", "expense")
    compare = action.get("compare")
    if compare == "budget_vs_actual":
        ev.budget_vs_actual()
        ev.select({**select, "direction": direction})
        return []
    year, phase = default_year_phase(budget)
    ev.select({**select, "fiscal_year": year, "phase": phase, "direction": direction})
    node = ev.current_node
    if node is not None and node.parent is not None and node.has_children:
        ev.drill_into(node)  # a group of one (the General Fund type) opens on its parts
    if compare == "previous":
        pairs = year_phases(budget)
        at = pairs.index((year, phase))
        if at + 1 < len(pairs):
            _set_combo_data(ev.compare_combo, pairs[at + 1])  # recomputes, keeps the group
    return []


def _find_flow_node(graph, filters: dict):
    if graph is None:
        return None
    for node in graph.nodes.itertuples():
        have = node.filters or {}
        if filters and all(have.get(k) == v for k, v in filters.items()):
            return node
    return None


def _apply_flows(window, action) -> list[str]:
    fv = window.flows_view
    lens = action.get("lens") or {}
    want = (
        bool(lens.get("general_fund_only", False)),
        bool(lens.get("net_of_transfers", False)),
        0 if fv.year_combo.count() else -1,
    )
    have = (
        fv.general_fund_check.isChecked(),
        fv.net_check.isChecked(),
        fv.year_combo.currentIndex(),
    )
    if want != have:  # redrawing a Sankey is the slow part: only when something changed
        with _quiet(fv.general_fund_check, fv.net_check, fv.year_combo):
            fv.general_fund_check.setChecked(want[0])
            fv.net_check.setChecked(want[1])
            fv.year_combo.setCurrentIndex(want[2])
        fv.refresh()
    if fv.clear_follow_button.isEnabled():  # enabled while a dollar is followed
        fv.clear_follow()
    fv.show_all()
    budget = window.budget
    select = resolve_select(action.get("select"), budget)
    if select:
        fv.select(select)
    follow = resolve_select(action.get("follow"), budget)
    if follow:
        node = _find_flow_node(fv.full_graph, follow)
        if node is not None:
            fv.follow(int(node.column), str(node.label))
    return []


def _apply_pensions(window, action) -> list[str]:
    from budgetbench.ui.views.pensions_view import CHARTS

    pv = window.pensions_view
    problems = []
    preset = action.get("pension_preset")
    if preset:
        try:
            pv.select_plan(f"preset:{preset}")
        except KeyError:
            problems.append(
                QCoreApplication.translate(
                    "TourPanel", "No pension plan “{0}” is installed."
                ).format(preset)
            )
    mode = action.get("pension_returns")
    if mode:
        pv.set_return_mode(mode)
    chart = action.get("chart")
    if chart in CHARTS:
        pv.tabs.setCurrentIndex(CHARTS.index(chart))
    return problems


def _apply_tradeoffs(window, action) -> list[str]:
    from budgetbench.ui.views.tradeoffs_view import CHARTS

    tv = window.tradeoffs_view
    problems = []
    if "scenario" in action and tv.budget is not None:
        try:
            tv.set_recession(action["scenario"])
        except KeyError:
            problems.append(
                QCoreApplication.translate("TourPanel", "No recession “{0}” is offered.").format(
                    action["scenario"]
                )
            )
    chart = action.get("chart")
    if chart in CHARTS:
        tv.tabs.setCurrentIndex(CHARTS.index(chart))
    panel = action.get("panel")
    if panel in core_tour.PANELS and panel is not None:
        tv.side_tabs.setCurrentIndex(core_tour.PANELS.index(panel))
    return []


def current_view_name(window: QMainWindow) -> str:
    return next(k for k, v in window.views.items() if v is window.tabs.currentWidget())


def _select_from(filters: dict) -> dict:
    return {
        k: v
        for k, v in (filters or {}).items()
        if k in core_tour.SELECT_KEYS and isinstance(v, str) and v
    }


def capture_action(window: QMainWindow) -> dict:
    """The view on screen, its selection and its toggles, in the tour's action vocabulary
    (what "Add this view as a step" stores, and what a step's action reads back as)."""
    view = current_view_name(window)
    action: dict[str, Any] = {"view": view}
    if view == "explore":
        ev = window.explore_view
        node = ev.current_node
        select = _select_from(node.filters if node is not None else {})
        select["direction"] = ev.direction
        action["select"] = select
        action["group_by"] = next(
            (k for k, v in GROUPINGS.items() if v == tuple(ev.levels)), "fund"
        )
        action["lens"] = {
            "general_fund_only": ev.gf_check.isChecked(),
            "net_of_transfers": ev.net_check.isChecked(),
            "restricted": ev.restricted_combo.currentData(),
        }
        compare = ev.compare_combo.currentData()
        if compare:
            shown = ev.year_combo.currentData() or (None, None)
            phases = {str(compare[1]), str(shown[1])}
            action["compare"] = "budget_vs_actual" if "actual" in phases else "previous"
    elif view == "flows":
        fv = window.flows_view
        action["lens"] = {
            "general_fund_only": fv.general_fund_check.isChecked(),
            "net_of_transfers": fv.net_check.isChecked(),
        }
        focus = getattr(fv, "focus_filters", None)
        if callable(focus):
            select = _select_from(focus())
        else:  # until FlowsView says what it is focused on, read its focus key
            select = _select_from(_flow_filters(fv.full_graph, getattr(fv, "_focus_key", None)))
        action["select"] = select
        follow = _select_from(_flow_filters(fv.full_graph, getattr(fv, "_follow_key", None)))
        if follow:
            action["follow"] = follow
    elif view == "pensions":
        from budgetbench.ui.views.pensions_view import CHARTS

        pv = window.pensions_view
        key = pv.plan_combo.currentData() if hasattr(pv, "plan_combo") else None
        if isinstance(key, str) and key.startswith("preset:"):
            action["pension_preset"] = key.split(":", 1)[1]
        mode = pv.levers().get("returns")
        if mode in core_tour.RETURN_MODES:
            action["pension_returns"] = mode
        action["chart"] = CHARTS[pv.tabs.currentIndex()]
    elif view == "tradeoffs":
        from budgetbench.ui.views.tradeoffs_view import CHARTS

        tv = window.tradeoffs_view
        key = tv.recession_combo.currentData() or ""
        if key.startswith("preset:"):
            action["scenario"] = key.split(":", 1)[1]
        elif key == "":
            action["scenario"] = None
        action["chart"] = CHARTS[tv.tabs.currentIndex()]
        action["panel"] = core_tour.PANELS[tv.side_tabs.currentIndex()]
    elif view == "data":
        dv = window.data_view
        select = {}
        for key, value in dv.scope:
            if key in COLUMNS and isinstance(value, str):
                select[key] = value
        if select:
            action["select"] = select
        action["search"] = dv.search_edit.text()
    return action


def _flow_filters(graph, key) -> dict:
    if graph is None or not key:
        return {}
    node = graph.find_key(*key)
    if node is None:
        return {}
    return dict(graph.node(node).filters or {})


# ------------------------------------------------------------------------------------------
# The panel
# ------------------------------------------------------------------------------------------


class AddStepDialog(QDialog):
    """Asks a title and a question (and optionally an explanation) for a new step."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addStepDialog")
        self.setWindowTitle(self.tr("Add This View as a Step"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("stepTitleEdit")
        self.title_edit.setAccessibleName(self.tr("Title of the step"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Our parks depend on one parcel tax"))
        self.question_edit = QLineEdit(self)
        self.question_edit.setObjectName("stepQuestionEdit")
        self.question_edit.setAccessibleName(self.tr("Question to ask at a budget hearing"))
        self.question_edit.setPlaceholderText(
            self.tr("e.g. What happens to the parks if it expires?")
        )
        self.explanation_edit = QPlainTextEdit(self)
        self.explanation_edit.setObjectName("stepExplanationEdit")
        self.explanation_edit.setAccessibleName(self.tr("Explanation (optional)"))
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.summary_label = QLabel(summary, self)
        self.summary_label.setObjectName("stepSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Question:"), self.question_edit)
        form.addRow(self.tr("&Explanation:"), self.explanation_edit)
        form.addRow(self.tr("Shows:"), self.summary_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.title_edit, self.question_edit):
            edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(560, self.sizeHint().height())

    def _update_ok(self) -> None:
        ok = bool(self.title_edit.text().strip() and self.question_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def describe_action(action: dict) -> str:
    """A short account of an action for people ("Explore ▸ fund type: capital · net of
    transfers")."""
    names = {
        "data": QCoreApplication.translate("TourPanel", "Data"),
        "explore": QCoreApplication.translate("TourPanel", "Explore"),
        "flows": QCoreApplication.translate("TourPanel", "Flows"),
        "pensions": QCoreApplication.translate("TourPanel", "Pensions"),
        "tradeoffs": QCoreApplication.translate("TourPanel", "Tradeoffs"),
        "priorities": QCoreApplication.translate("TourPanel", "Priorities"),
    }
    parts = [names.get(action.get("view", ""), action.get("view", ""))]
    picks = {**(action.get("select") or {}), **(action.get("follow") or {})}
    picked = [str(v) for k, v in picks.items() if k != "direction"]
    if picked:
        parts.append(" / ".join(picked))
    lens = action.get("lens") or {}
    if lens.get("general_fund_only"):
        parts.append(QCoreApplication.translate("TourPanel", "General Fund only"))
    if lens.get("net_of_transfers"):
        parts.append(QCoreApplication.translate("TourPanel", "net of transfers"))
    if lens.get("restricted") == "unrestricted":
        parts.append(QCoreApplication.translate("TourPanel", "unrestricted money only"))
    elif lens.get("restricted") == "restricted":
        parts.append(QCoreApplication.translate("TourPanel", "restricted money only"))
    if action.get("pension_preset"):
        parts.append(action["pension_preset"])
    if action.get("scenario"):
        parts.append(action["scenario"])
    return " · ".join(parts)


class TourPanel(QDockWidget):
    """The Budget 101 tour, docked beside the views.

    ``step_changed(int)`` is emitted after :meth:`go_to` showed a step (its index).
    """

    step_changed = Signal(int)

    def __init__(self, window: QMainWindow, lang: str | None = None) -> None:
        super().__init__(window)
        self.setObjectName("tourDock")
        self.setWindowTitle(self.tr("Budget 101 Tour"))
        self.setAccessibleName(self.tr("Budget 101 tour"))
        self._window = window
        self._lang = core_tour.normalise_language(lang or i18n.current())
        self._tour = core_tour.Tour(self._lang, [])
        self._index = 0
        self._syncing = False
        self.last_problems: list[str] = []
        self.add_dialog: AddStepDialog | None = None
        #: menu commands, made by :func:`install_tour`
        self.actions_by_name: dict[str, QAction] = {}
        self._build()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._file_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)
        shown = getattr(window, "budget_shown", None) or getattr(window, "budget_loaded", None)
        if shown is not None:  # any budget the window shows, loaded or handed to it
            shown.connect(self._budget_changed)
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        body.setObjectName("tourBody")

        self.problem_label = QLabel(body)
        self.problem_label.setObjectName("tourProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setVisible(False)
        self.problem_label.setStyleSheet(
            "QLabel#tourProblem { border-style: solid; border-color: #D55E00;"
            " border-width: 0px 0px 0px 5px; padding-left: 6px; }"
        )

        self.step_list = QListWidget(body)
        self.step_list.setObjectName("tourSteps")
        self.step_list.setAccessibleName(self.tr("Tour steps"))
        self.step_list.setWordWrap(True)
        self.step_list.currentRowChanged.connect(self._row_chosen)

        self.position_label = QLabel(body)
        self.position_label.setObjectName("tourPosition")
        self.position_label.setWordWrap(True)

        self.title_label = QLabel(body)
        self.title_label.setObjectName("tourTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)

        self.lacks_label = QLabel(body)
        self.lacks_label.setObjectName("tourLacks")
        self.lacks_label.setWordWrap(True)
        self.lacks_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lacks_label.setStyleSheet(
            "QLabel#tourLacks { border-style: solid; border-color: #E69F00;"
            " border-width: 0px 0px 0px 5px; padding-left: 6px; }"
        )
        self.sample_button = QPushButton(self.tr("Open the &Teaching Sample"), body)
        self.sample_button.setObjectName("tourSampleButton")
        self.sample_button.setAccessibleName(self.tr("Open the teaching sample"))
        self.sample_button.clicked.connect(self._open_sample)
        self._lacks_box = QWidget(body)
        lacks = QVBoxLayout(self._lacks_box)
        lacks.setContentsMargins(0, 0, 0, 0)
        lacks.addWidget(self.lacks_label)
        lacks.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._lacks_box.setVisible(False)

        self.explanation_label = QLabel(body)
        self.explanation_label.setObjectName("tourExplanation")
        self.explanation_label.setWordWrap(True)
        attach_definitions(self.explanation_label, self._lang)

        self.ask_label = QLabel(self.tr("Now you can ask at a budget hearing:"), body)
        self.ask_label.setObjectName("tourAsk")
        self.ask_label.setWordWrap(True)
        self.question_label = QLabel(body)
        self.question_label.setObjectName("tourQuestion")
        self.question_label.setWordWrap(True)
        attach_definitions(self.question_label, self._lang)
        self.question_frame = QFrame(body)
        self.question_frame.setObjectName("tourQuestionFrame")
        self.question_frame.setStyleSheet(
            "QFrame#tourQuestionFrame { border-style: solid; border-color: #0072B2;"
            " border-width: 0px 0px 0px 5px; }"
        )
        qbox = QVBoxLayout(self.question_frame)
        qbox.setContentsMargins(8, 2, 2, 2)
        qbox.addWidget(self.ask_label)
        qbox.addWidget(self.question_label)

        self.sources_button = QToolButton(body)
        self.sources_button.setObjectName("tourSourcesButton")
        self.sources_button.setCheckable(True)
        self.sources_button.setAutoRaise(True)
        self.sources_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sources_button.setArrowType(Qt.ArrowType.RightArrow)
        self.sources_button.setAccessibleName(self.tr("Show the sources"))
        self.sources_label = QLabel(body)
        self.sources_label.setObjectName("tourSources")
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources_label.setVisible(False)
        self.sources_button.toggled.connect(self._sources_toggled)

        detail = QWidget(body)
        detail.setObjectName("tourDetail")
        dbox = QVBoxLayout(detail)
        dbox.setContentsMargins(6, 6, 6, 6)
        dbox.setSpacing(8)
        dbox.addWidget(self.position_label)
        dbox.addWidget(self.title_label)
        dbox.addWidget(self._lacks_box)
        dbox.addWidget(self.explanation_label)
        dbox.addWidget(self.question_frame)
        dbox.addWidget(self.sources_button, 0, Qt.AlignmentFlag.AlignLeft)
        dbox.addWidget(self.sources_label)
        dbox.addStretch(1)
        self.detail_scroll = QScrollArea(body)
        self.detail_scroll.setObjectName("tourDetailScroll")
        self.detail_scroll.setWidget(detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.previous_button = QPushButton(self.tr("◀ &Previous"), body)
        self.previous_button.setObjectName("tourPrevious")
        self.previous_button.setAccessibleName(self.tr("Previous step"))
        self.previous_button.clicked.connect(self.previous_step)
        self.show_button = QPushButton(self.tr("&Show"), body)
        self.show_button.setObjectName("tourShow")
        self.show_button.setAccessibleName(self.tr("Show this step again"))
        self.show_button.setToolTip(self.tr("Open this step's view and selection again"))
        self.show_button.clicked.connect(lambda: self.go_to(self._index))
        self.next_button = QPushButton(self.tr("&Next ▶"), body)
        self.next_button.setObjectName("tourNext")
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.clicked.connect(self.next_step)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.show_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        self.splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.splitter.setObjectName("tourSplitter")
        self.splitter.addWidget(self.step_list)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(nav)
        self.setWidget(body)
        self._scale_fonts()

        # Inside the panel: Page Down / Page Up (what a presentation clicker sends) step.
        for key, slot in (
            (Qt.Key.Key_PageDown, self.next_step),
            (Qt.Key.Key_PageUp, self.previous_step),
        ):
            shortcut = QShortcut(QKeySequence(key), body)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _scale_fonts(self) -> None:
        base = self.font()
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.35)
        title.setBold(True)
        self.title_label.setFont(title)
        body = QFont(base)
        body.setPointSizeF(base.pointSizeF() * 1.1)
        self.explanation_label.setFont(body)
        question = QFont(base)
        question.setPointSizeF(base.pointSizeF() * 1.15)
        question.setBold(True)
        self.question_label.setFont(question)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        self.sources_label.setFont(small)
        self.ask_label.setFont(small)

    # --- public API -----------------------------------------------------------------------
    def step_count(self) -> int:
        return len(self._tour.steps)

    def current_index(self) -> int:
        return self._index

    @property
    def steps(self) -> list[core_tour.Step]:
        return list(self._tour.steps)

    @property
    def tour(self) -> core_tour.Tour:
        return self._tour

    @property
    def language(self) -> str:
        return self._lang

    def current_step(self) -> core_tour.Step | None:
        steps = self._tour.steps
        return steps[self._index] if 0 <= self._index < len(steps) else None

    def go_to(self, index: int) -> None:
        """Show step ``index`` (0-based) and carry out its action in the window."""
        if not 0 <= index < self.step_count():
            raise IndexError(f"the tour has {self.step_count()} steps; there is no step {index}")
        self._index = index
        self._show_step()
        step = self._tour.steps[index]
        try:
            self.last_problems = apply_action(self._window, step.action)
        except Exception as exc:  # a view refused: the step's text still stands
            log.error("tour step %s could not be shown", step.id, exc_info=exc)
            self.last_problems = [self.tr("This step could not be shown in full: {0}").format(exc)]
        self._update_lacks()
        self.step_changed.emit(index)

    def next_step(self) -> None:
        if self._index + 1 < self.step_count():
            self.go_to(self._index + 1)

    def previous_step(self) -> None:
        if self._index > 0:
            self.go_to(self._index - 1)

    def caption(self) -> str:
        """The current step as one line of plain text: "title — question"."""
        step = self.current_step()
        return f"{step.title} — {step.question}" if step is not None else ""

    def set_language(self, lang: str) -> None:
        """Read the steps (and the glossary the text links to) in ``lang``; the step shown
        stays the same one."""
        self._lang = core_tour.normalise_language(lang)
        attach_definitions(self.explanation_label, self._lang)
        attach_definitions(self.question_label, self._lang)
        self.reload()

    def lacking(self) -> list[str]:
        """What the open budget lacks for the current step (phrases), [] if nothing."""
        step = self.current_step()
        if step is None:
            return []
        return core_tour.missing_needs(
            step, self._window.budget, pension_presets=_pension_presets()
        )

    def lacks_text(self) -> str:
        return self.lacks_label.text() if self._lacks_box.isVisibleTo(self) else ""

    def reload(self) -> None:
        """Read the tour again (the trainer's copy over the shipped steps), keeping the step
        shown when it still exists."""
        keep = self.current_step().id if self.current_step() is not None else None
        try:
            self._tour = core_tour.load_tour(self._lang)
        except BudgetError as exc:
            log.error("tour not available: %s", exc)
            self._tour = core_tour.Tour(self._lang, [], problem=str(exc))
        problem = self._tour.problem
        if problem:
            self.problem_label.setText(
                self.tr(
                    "Your tour file could not be used, so the shipped tour is shown: {0}"
                ).format(problem)
            )
        self.problem_label.setVisible(bool(problem))
        self._fill_list()
        index = self._tour.index_of(keep) if keep else -1
        self._index = index if index >= 0 else min(self._index, max(self.step_count() - 1, 0))
        self._show_step()
        self._update_lacks()
        self._watch()

    def open_for_editing(self) -> str:
        """Copy the tour to the user data folder (if it is not there yet), show that folder,
        and return the file's path. The panel reloads whenever the file is saved."""
        try:
            path = core_tour.ensure_user_copy(self._lang)
        except BudgetError as exc:
            self._message(str(exc))
            return ""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        self._message(
            self.tr("Tour file: {0}. Edit it and save; the tour reloads by itself.").format(path)
        )
        self.reload()
        return str(path)

    def add_current_view_as_step(
        self, title: str, question: str, explanation: str = ""
    ) -> core_tour.Step | None:
        """Store what the window shows now as a new last step of the trainer's copy, and go
        to it. Returns the step (``None`` if it could not be saved; the panel says why)."""
        title, question = title.strip(), question.strip()
        if not title or not question:
            return None
        action = capture_action(self._window)
        needs = []
        if self._window.budget is not None:
            needs = [n for n in _needs_for(action) if n]
        step = core_tour.Step(
            id=core_tour.new_step_id(title, (s.id for s in self._tour.steps)),
            title=title,
            explanation=explanation.strip(),
            question=question,
            action=core_tour.validate_action(action, "the new step"),
            needs=tuple(needs),
        )
        try:
            core_tour.append_step(self._lang, step)
        except BudgetError as exc:
            self._message(str(exc))
            return None
        self.reload()
        self.go_to(self._tour.index_of(step.id))
        self._message(self.tr("Step “{0}” added at the end of the tour").format(title))
        return step

    def ask_for_new_step(self) -> AddStepDialog:
        """The dialog that asks a title and question for the view on screen (non-blocking)."""
        if self.add_dialog is not None:
            self.add_dialog.close()
            self.add_dialog.deleteLater()
        dialog = AddStepDialog(describe_action(capture_action(self._window)), self._window)
        dialog.accepted.connect(
            lambda d=dialog: self.add_current_view_as_step(
                d.title_edit.text(), d.question_edit.text(), d.explanation_edit.toPlainText()
            )
        )
        self.add_dialog = dialog
        dialog.open()
        return dialog

    # --- internals ------------------------------------------------------------------------
    def _fill_list(self) -> None:
        self._syncing = True
        try:
            self.step_list.clear()
            for i, step in enumerate(self._tour.steps, start=1):
                item = QListWidgetItem(f"{i}. {step.title}", self.step_list)
                item.setData(Qt.ItemDataRole.UserRole, step.id)
                item.setToolTip(step.question)
        finally:
            self._syncing = False

    def _row_chosen(self, row: int) -> None:
        if not self._syncing and 0 <= row < self.step_count() and row != self._index:
            self.go_to(row)

    def _show_step(self) -> None:
        step = self.current_step()
        self._syncing = True
        try:
            self.step_list.setCurrentRow(self._index if step is not None else -1)
        finally:
            self._syncing = False
        count = self.step_count()
        self.previous_button.setEnabled(step is not None and self._index > 0)
        self.next_button.setEnabled(step is not None and self._index + 1 < count)
        self.show_button.setEnabled(step is not None)
        if step is None:
            self.position_label.setText(self.tr("The tour has no steps"))
            for label in (self.title_label, self.explanation_label, self.question_label):
                label.clear()
            self.question_frame.setVisible(False)
            self.sources_button.setVisible(False)
            self.sources_label.setVisible(False)
            return
        self.position_label.setText(
            self.tr("Step {n} of {count}").format(n=self._index + 1, count=count)
        )
        self.title_label.setText(step.title)
        color = text_color(self.explanation_label)
        self.explanation_label.setText(linkify(step.explanation, self._lang, color))
        self.explanation_label.setAccessibleName(step.explanation)
        self.explanation_label.setVisible(bool(step.explanation))
        self.question_label.setText(linkify(step.question, self._lang, color))
        self.question_label.setAccessibleName(step.question)
        self.question_frame.setVisible(True)
        self.sources_button.setText(self.tr("Sources ({0})").format(len(step.sources)))
        self.sources_button.setVisible(bool(step.sources))
        self.sources_label.setText("\n".join(f"• {s}" for s in step.sources))
        self.sources_label.setVisible(bool(step.sources) and self.sources_button.isChecked())
        self.detail_scroll.verticalScrollBar().setValue(0)

    def _sources_toggled(self, on: bool) -> None:
        self.sources_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        step = self.current_step()
        self.sources_label.setVisible(on and step is not None and bool(step.sources))

    def _update_lacks(self) -> None:
        step = self.current_step()
        messages = []
        if step is not None and self._window.budget is None:
            messages.append(
                self.tr(
                    "No budget is open. Open one, or the teaching sample, to see this step on "
                    "real figures."
                )
            )
        elif step is not None:
            missing = self.lacking()
            if missing:
                messages.append(
                    self.tr(
                        "This budget lacks {0}, so this step cannot show it here. The "
                        "explanation below still holds."
                    ).format(_join(missing))
                )
        messages.extend(self.last_problems if step is not None else [])
        self.lacks_label.setText("\n".join(messages))
        self._lacks_box.setVisible(bool(messages))
        sample = getattr(self._window, "sample_action", None)
        budget = self._window.budget
        is_sample = budget is not None and _same_file(budget.source_path, paths.teaching_sample())
        self.sample_button.setVisible(sample is not None and bool(messages) and not is_sample)

    def _budget_changed(self, *_args) -> None:
        self.last_problems = []
        self._update_lacks()

    def _open_sample(self) -> None:
        sample = getattr(self._window, "sample_action", None)
        if sample is not None:
            sample.trigger()

    def _message(self, text: str) -> None:
        bar = self._window.statusBar() if hasattr(self._window, "statusBar") else None
        if bar is not None:
            bar.showMessage(text, 15000)

    def _watch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        path = core_tour.user_tour_path(self._lang)
        if path.parent.is_dir():
            self._watcher.addPath(str(path.parent))
        if path.is_file():
            self._watcher.addPath(str(path))

    def _file_changed(self, _path: str) -> None:
        self._reload_timer.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.PaletteChange):
            self._scale_fonts()
            if self.current_step() is not None:
                self._show_step()


def _same_file(a, b) -> bool:
    try:
        return bool(a) and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    last = QCoreApplication.translate("TourPanel", "{0} and {1}")
    return last.format(", ".join(phrases[:-1]), phrases[-1])


def _needs_for(action: dict) -> list[str]:
    """Needs implied by a captured action (the values it selects are checked anyway)."""
    needs = []
    if (action.get("lens") or {}).get("net_of_transfers"):
        needs.append("transfers")
    if (action.get("lens") or {}).get("restricted"):
        needs.append("restricted")
    if action.get("compare") == "budget_vs_actual":
        needs.append("actuals")
    elif action.get("compare"):
        needs.append("several_phases")
    if action.get("pension_preset"):
        needs.append(f"pension_preset:{action['pension_preset']}")
    if action.get("view") == "tradeoffs":
        needs.append("fund_type:general")
    return needs


def _pension_presets() -> list[str] | None:
    try:
        from budgetbench.io.pension_presets import list_presets

        return list_presets()
    except (OSError, BudgetError):
        return None


def _menu_after_view(window: QMainWindow, title: str) -> QMenu:
    """A new top-level menu placed before the last one (Help)."""
    bar = window.menuBar()
    menus = [a for a in bar.actions() if a.menu() is not None]
    menu = QMenu(title, bar)
    if menus:
        bar.insertMenu(menus[-1], menu)
    else:
        bar.addMenu(menu)
    return menu


def install_tour(window: QMainWindow, lang: str | None = None) -> TourPanel:
    """Dock the tour panel on the right of ``window`` and add its Tour menu. Returns the panel
    (keep it as ``window.tour_panel``: presenter mode looks for it there)."""
    panel = TourPanel(window, lang)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    # Closed until asked for (Tour menu, Ctrl+Shift+B, a step): the views keep their width.
    # A window that had it open opens with it again (the saved window state).
    panel.hide()
    menu = _menu_after_view(window, QCoreApplication.translate("TourPanel", "T&our"))
    toggle = panel.toggleViewAction()
    toggle.setText(QCoreApplication.translate("TourPanel", "Budget 101 &Tour Panel"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+B"))
    toggle.setStatusTip(QCoreApplication.translate("TourPanel", "Show or hide the Budget 101 tour"))
    window.addAction(toggle)
    menu.addAction(toggle)
    menu.addSeparator()

    def add(name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, window)
        action.setObjectName(f"tour{name[:1].upper()}{name[1:]}Action")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        window.addAction(action)
        menu.addAction(action)
        panel.actions_by_name[name] = action
        return action

    def stepping(slot):
        def run() -> None:
            panel.show()
            panel.raise_()
            slot()

        return run

    add(
        "next",
        QCoreApplication.translate("TourPanel", "&Next Step"),
        stepping(panel.next_step),
        "Alt+Right",
        QCoreApplication.translate("TourPanel", "Go to the next step of the tour and show it"),
    )
    add(
        "previous",
        QCoreApplication.translate("TourPanel", "&Previous Step"),
        stepping(panel.previous_step),
        "Alt+Left",
        QCoreApplication.translate("TourPanel", "Go back one step"),
    )
    add(
        "show",
        QCoreApplication.translate("TourPanel", "&Show This Step Again"),
        stepping(lambda: panel.go_to(panel.current_index()) if panel.step_count() else None),
        "Ctrl+Alt+T",
        QCoreApplication.translate("TourPanel", "Open the current step's view and selection again"),
    )
    menu.addSeparator()
    add(
        "addStep",
        QCoreApplication.translate("TourPanel", "&Add This View as a Step…"),
        panel.ask_for_new_step,
        "Ctrl+Alt+A",
        QCoreApplication.translate(
            "TourPanel", "Keep the view on screen and its selection as a new step of your tour"
        ),
    )
    add(
        "edit",
        QCoreApplication.translate("TourPanel", "&Open Tour File for Editing"),
        panel.open_for_editing,
        "Ctrl+Alt+E",
        QCoreApplication.translate(
            "TourPanel", "Copy the tour to your data folder and show it, to edit or reorder steps"
        ),
    )
    add(
        "reload",
        QCoreApplication.translate("TourPanel", "&Reload Tour File"),
        panel.reload,
        "Ctrl+Alt+L",
        QCoreApplication.translate("TourPanel", "Read your tour file again"),
    )
    return panel
