"""The one window: menus, the views, file opening (menu, recent, drag-and-drop) and loading."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from budgetbench import __version__, paths
from budgetbench.core.progress import BudgetError
from budgetbench.io.formats import SUPPORTED_SUFFIXES
from budgetbench.ui.errors import log
from budgetbench.ui.settings import Settings
from budgetbench.ui.views.data_view import DataView
from budgetbench.ui.views.explore_view import ExploreView
from budgetbench.ui.views.flows_view import FlowsView
from budgetbench.ui.views.pensions_view import PensionsView
from budgetbench.ui.views.priorities_view import PrioritiesView
from budgetbench.ui.views.tradeoffs_view import TradeoffsView
from budgetbench.ui.workers import TaskRunner

#: The application's name (a name, the same in every language).
APP_NAME = "budgetbench"


def file_filter() -> str:
    """The open dialog's filter of budget files, in the interface's language."""
    patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
    return QCoreApplication.translate("MainWindow", "Budget files (%1);;All files (*)").replace(
        "%1", patterns
    )


#: Loads shorter than this never show the progress bar (no flicker).
PROGRESS_DELAY_MS = 300
#: Below this detection confidence the window offers to check the column mapping.
UNSURE_BELOW = 0.6
#: A failed load whose message says one of these opens the mapping wizard (map by hand).
NO_TABLE_MESSAGES = ("no budget table found", "no column of amounts")


def _load(path: str, mapping=None):
    """The load job for the worker: read the file and build the table's search index there,
    so the UI thread only swaps models. Imported lazily: the window shows before pandas loads."""

    def job(progress):
        from budgetbench.core.query import TableIndex
        from budgetbench.io.loader import give_back_memory, load_budget

        budget = load_budget(path, mapping=mapping, progress=progress, background_write=True)
        report = budget.report
        progress(0.97, QCoreApplication.translate("MainWindow", "Indexing lines"))
        index = TableIndex(budget.lines)
        give_back_memory()  # what indexing used and dropped, too
        return budget, report, index

    return job


def _read_for_mapping(path: str):
    """The job that prepares the mapping wizard: the file's sheets, and the saved profile that
    fits them (what opening the file uses) or else detection's proposal."""

    def job(progress):
        from budgetbench.io import normalize
        from budgetbench.io.mapping import ColumnMapping, default_store
        from budgetbench.io.readers import read_sheets

        sheets = read_sheets(path, progress)
        progress(0.8, QCoreApplication.translate("MainWindow", "Looking for the table"))
        try:
            mapping = normalize.saved_profile(sheets, default_store())
        except OSError:
            mapping = None
        if mapping is not None:
            return sheets, mapping
        try:
            mapping = normalize.detect_mapping(sheets, path)
        except BudgetError as exc:
            mapping = ColumnMapping(confidence=0.0, doubts=[exc.message])
        progress(1.0, QCoreApplication.translate("MainWindow", "Done"))
        return sheets, mapping

    return job


#: Windows made by a language switch (the first one is kept by whoever made it).
_WINDOWS: list[MainWindow] = []


class MainWindow(QMainWindow):
    """Signals ``budget_loaded(budget, report)`` after a file opened and ``load_failed(str)``."""

    budget_loaded = Signal(object, object)
    #: a budget is showing (after a load, or handed over by ``show_budget``)
    budget_shown = Signal(object)
    load_failed = Signal(str)
    #: the interface language changed: this window handed over to the new one given
    language_switched = Signal(object)
    #: the column-mapping wizard was opened (it is shown non-blocking; see ``mapping_wizard``)
    mapping_wizard_opened = Signal(object)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        from budgetbench.ui import theme

        theme.apply_settings(QApplication.instance(), self.settings)
        self.budget = None
        self.report = None
        self._loading_path: str | None = None
        self._loading_mapping = None
        self._load_started = 0.0
        self._mapping_path: str | None = None
        self._mapping_reason = ""
        self.mapping_wizard = None
        self.error_box = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.setMinimumSize(640, 480)

        # The views, one tab each. Explore and Flows are brought up to date when first shown
        # after a load (so opening a file never waits for charts it does not show).
        self.data_view = DataView(self)
        self.explore_view = ExploreView(self)
        self.flows_view = FlowsView(self)
        self.pensions_view = PensionsView(self)
        self.tradeoffs_view = TradeoffsView(self)
        self.undo_stack = QUndoStack(self)
        # Every edit, undo and redo may add or remove a note: keep the badges current.
        self.undo_stack.indexChanged.connect(self._show_note_badges)
        self.session = None
        self.note_dialog = None
        self.session_box = None
        self._pending_session: str | None = None
        self.priorities_view = PrioritiesView(self.undo_stack, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Views"))
        self.views = {
            "data": self.data_view,
            "explore": self.explore_view,
            "flows": self.flows_view,
            "pensions": self.pensions_view,
            "tradeoffs": self.tradeoffs_view,
            "priorities": self.priorities_view,
        }
        for name, title in (
            ("data", self.tr("&Data")),
            ("explore", self.tr("&Explore")),
            ("flows", self.tr("F&lows")),
            ("pensions", self.tr("&Pensions")),
            ("tradeoffs", self.tr("&Tradeoffs")),
            ("priorities", self.tr("P&riorities")),
        ):
            self.tabs.addTab(self.views[name], title)
        self.setCentralWidget(self.tabs)
        self._stale: set[str] = set()
        self.tabs.currentChanged.connect(self._refresh_current_view)
        self.explore_view.show_lines.connect(self.show_lines_in_data_view)
        self.flows_view.node_selected.connect(self.select_in_explore)
        self.pensions_view.scenarios_changed.connect(self.tradeoffs_view.refresh_pension_scenarios)
        # What the room builds on the budget is saved in the session as it changes.
        self.pensions_view.scenarios_changed.connect(self._store_meta)
        self.tradeoffs_view.scenarios_changed.connect(self._store_meta)
        self.explore_view.aliases_changed.connect(self._store_meta)
        # Each view's choices and selection, saved a moment after they change.
        self._pending_state: dict[str, dict] = {}
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(1500)
        self._state_timer.timeout.connect(self._save_view_states)
        self.explore_view.selection_changed.connect(lambda *_: self._state_timer.start())
        self.flows_view.node_selected.connect(lambda *_: self._state_timer.start())

        self.runner = TaskRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_loaded)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.finished.connect(self._hide_progress)

        # Reading a file for the mapping wizard runs beside (not instead of) a load.
        self.mapping_runner = TaskRunner(self)
        self.mapping_runner.progress.connect(self._on_progress)
        self.mapping_runner.succeeded.connect(self._on_mapping_read)
        self.mapping_runner.failed.connect(self._on_mapping_read_failed)
        self.mapping_runner.cancelled.connect(self._on_cancelled)
        self.mapping_runner.finished.connect(self._hide_progress)

        self._build_status_bar()
        self._build_menus()
        self._build_teaching()
        self._restore_geometry()
        self._build_session_notice()
        self.priorities_view.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.budget_loaded.connect(self._open_pending_session)
        self._offer_last_session()

    def show_levers(self, shown: bool) -> None:
        """View ▸ Show Levers: the Pensions and Tradeoffs lever panels."""
        self.pensions_view.set_levers_shown(shown)
        self.tradeoffs_view.set_levers_shown(shown)
        if self.levers_action.isChecked() != shown:
            self.levers_action.setChecked(shown)

    def _present_levers(self, leaving: bool) -> None:
        if not leaving:
            self._levers_before_presenting = self.levers_action.isChecked()
            self.show_levers(False)
        else:
            self.show_levers(getattr(self, "_levers_before_presenting", True))

    # ---- the interface language ----------------------------------------------------------
    def switch_language(self, code: str) -> MainWindow:
        """Show the interface in ``code`` ("en", "es") now: a new window in that language takes
        over this one's place, budget and session (Qt widgets keep the words they were made
        with, so the window is made again rather than the app restarted)."""
        from budgetbench.ui import i18n

        app = QApplication.instance()
        i18n.install(app, code)
        new = MainWindow(settings=self.settings)
        new.restoreGeometry(self.saveGeometry())
        view = self._current_view_name()
        session = str(self.session.path) if self.session is not None else None
        budget, report = self.budget, self.report
        new.show()
        self.close()  # saves this window's view state into the session and lets it go
        if budget is not None:
            new.show_budget(budget, report)
            new._loading_mapping = self._loading_mapping
        if session is not None:
            new._open_session_now(session)
        else:
            new.show_view(view)
        _WINDOWS[:] = [new]  # the window in use is kept alive here, not by its maker
        self.language_switched.emit(new)
        return new

    # ---- building -----------------------------------------------------------------------
    def _build_teaching(self) -> None:
        """The Budget 101 tour (a dock), the glossary (F1) and the command palette (Ctrl+K)."""
        from budgetbench.ui.command_palette import install_command_palette
        from budgetbench.ui.glossary import install_glossary
        from budgetbench.ui.tour_panel import install_tour

        self.glossary_window = install_glossary(self)
        self.tour_panel = install_tour(self)
        self.command_palette = install_command_palette(self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(220)
        self.progress_bar.setAccessibleName(self.tr("Loading progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            bar.addPermanentWidget(w)
            w.hide()
        # Offered after a load detection was unsure of: never a dialog that interrupts.
        self.unsure_label = QLabel(self)
        self.unsure_label.setObjectName("unsureLabel")
        self.unsure_label.setStyleSheet(
            "QLabel#unsureLabel { border: 2px solid #E69F00; border-left-width: 6px;"
            " border-radius: 3px; padding: 1px 6px; font-weight: bold; }"
        )
        self.unsure_label.setAccessibleName(self.tr("Detection was unsure of the columns"))
        self.check_mapping_button = QPushButton(self.tr("Check the Column &Mapping…"), self)
        self.check_mapping_button.setAccessibleName(self.tr("Check the column mapping"))
        self.check_mapping_button.setToolTip(
            self.tr("See how each column was read, correct it, and save it for files like this")
        )
        self.check_mapping_button.clicked.connect(self.check_current_mapping)
        self.dismiss_unsure_button = QToolButton(self)
        self.dismiss_unsure_button.setText("✕")
        self.dismiss_unsure_button.setAutoRaise(True)
        self.dismiss_unsure_button.setAccessibleName(self.tr("Dismiss the column mapping notice"))
        self.dismiss_unsure_button.setToolTip(self.tr("Dismiss"))
        self.dismiss_unsure_button.clicked.connect(self.hide_unsure_notice)
        for w in (self.unsure_label, self.check_mapping_button, self.dismiss_unsure_button):
            bar.addPermanentWidget(w)
            w.hide()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._show_progress)

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(
            self.tr("&Open…"),
            self.choose_file,
            QKeySequence.StandardKey.Open,
            self.tr("Open a budget spreadsheet (CSV, Excel, OpenDocument)"),
        )
        menu.addAction(self.open_action)
        self.import_mapping_action = self._action(
            self.tr("Import with &Mapping…"),
            self.choose_file_to_map,
            "Ctrl+Shift+O",
            self.tr("Open a budget and say yourself what each of its columns holds"),
        )
        menu.addAction(self.import_mapping_action)
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.sample_action = self._action(
            self.tr("Open &Teaching Sample"),
            lambda: self.open_file(str(paths.teaching_sample())),
            "Ctrl+Shift+T",
            self.tr("Open the Sycamore Springs teaching budget"),
        )
        menu.addAction(self.sample_action)
        self._build_session_menus(menu)
        menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        menu.addAction(self.quit_action)

        view = self.menuBar().addMenu(self.tr("&View"))
        self.data_action = self._action(
            self.tr("&Data"), self.show_data_view, "Ctrl+1", self.tr("Every line item, searchable")
        )
        view.addAction(self.data_action)
        self.explore_action = self._action(
            self.tr("&Explore"),
            lambda: self.show_view("explore"),
            "Ctrl+2",
            self.tr("Where does the money go? Drill down from funds to accounts"),
        )
        view.addAction(self.explore_action)
        self.flows_action = self._action(
            self.tr("F&lows"),
            lambda: self.show_view("flows"),
            "Ctrl+3",
            self.tr("Where does it come from, and through which fund?"),
        )
        view.addAction(self.flows_action)
        self.pensions_action = self._action(
            self.tr("&Pensions"),
            lambda: self.show_view("pensions"),
            "Ctrl+4",
            self.tr("What does a pension assumption cost, and what does it crowd out?"),
        )
        view.addAction(self.pensions_action)
        self.tradeoffs_action = self._action(
            self.tr("&Tradeoffs"),
            lambda: self.show_view("tradeoffs"),
            "Ctrl+5",
            self.tr("The next five years of the General Fund: measures, recessions, balancing"),
        )
        view.addAction(self.tradeoffs_action)
        self.priorities_action = self._action(
            self.tr("P&riorities"),
            lambda: self.show_view("priorities"),
            "Ctrl+6",
            self.tr("The room's notes, themes and dot-vote"),
        )
        view.addAction(self.priorities_action)
        view.addSeparator()
        self.find_action = self._action(
            self.tr("&Find in Lines"), self.data_view_search, QKeySequence.StandardKey.Find
        )
        view.addAction(self.find_action)
        view.addSeparator()
        from budgetbench.ui import theme
        from budgetbench.ui.presenter import install_presenter

        theme.install_zoom(self, view)
        self.levers_action = self._action(
            self.tr("Show &Levers"),
            self.show_levers,
            "Ctrl+Shift+L",
            self.tr("Show or hide the levers beside the Pensions and Tradeoffs charts"),
        )
        self.levers_action.setCheckable(True)
        self.levers_action.setChecked(True)
        view.addAction(self.levers_action)
        presenter = install_presenter(self, view)
        # On a projector the charts need the room: the levers step aside while presenting.
        presenter.entered.connect(lambda: self._present_levers(False))
        presenter.left.connect(lambda: self._present_levers(True))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&About budgetbench"), self.show_about, "Ctrl+Alt+I")
        )
        help_menu.addAction(
            self._action(self.tr("Show &Log File Location"), self.show_log_location, "Ctrl+Alt+G")
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for i, path in enumerate(recent, start=1):
            label = f"&{i} {Path(path).name}" if i < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_file(p))
        if recent:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear Recent Files"))
            clear.triggered.connect(self._clear_recent)
        else:
            none = self.recent_menu.addAction(self.tr("No recent files"))
            none.setEnabled(False)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self._fill_recent_menu()

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    # ---- actions ------------------------------------------------------------------------
    def show_data_view(self) -> None:
        self.show_view("data")
        self.data_view.table.setFocus()

    def show_view(self, name: str) -> None:
        """Bring one of the views (``data``, ``explore``, ``flows``) to the front."""
        self.tabs.setCurrentWidget(self.views[name])
        self._refresh_current_view()

    def _refresh_current_view(self, *_args) -> None:
        name = next(k for k, v in self.views.items() if v is self.tabs.currentWidget())
        self._refresh_view(name)

    def show_lines_in_data_view(self, filters: dict) -> None:
        """Explore's "show these lines": the Data view, narrowed to a node's line items."""

        def shown(value) -> str:
            return " / ".join(map(str, value)) if isinstance(value, tuple | list) else str(value)

        parts = [
            shown(v)
            for k, v in filters.items()
            if k not in ("fiscal_year", "phase", "direction", "is_transfer", "fund_type")
            and not isinstance(k, tuple)
        ]
        year, phase = filters.get("fiscal_year"), filters.get("phase")
        when = ""
        if year is not None and phase is not None:
            from budgetbench.core.explore import year_phase_label

            when = year_phase_label(int(year), str(phase))
        elif year is not None:
            when = self.tr("FY%1").replace("%1", str(year))
        direction = {"expense": self.tr("spending"), "revenue": self.tr("revenue")}
        when = " ".join(w for w in (when, direction.get(filters.get("direction"), "")) if w)
        label = " ▸ ".join(parts) or self.tr("All lines")
        if when:
            label += " · " + when
        self.show_view("data")
        self.data_view.show_only(filters, label)

    def select_everywhere(self, filters: dict) -> None:
        """Select a node (e.g. ``{"department": "Police"}``) in the view that is showing."""
        current = next(k for k, v in self.views.items() if v is self.tabs.currentWidget())
        if current == "explore":
            self.explore_view.select(filters)
        elif current == "flows":
            self.flows_view.select(filters)
        else:
            label = " ▸ ".join(str(v) for v in filters.values())
            self.data_view.show_only(filters, label)

    def select_in_explore(self, filters: dict) -> None:
        """A node clicked in Flows, selected in Explore (which stays where it is until shown)."""
        self._refresh_view("explore")
        self.explore_view.select(filters)

    def _refresh_view(self, name: str) -> None:
        if self.budget is None:
            return
        if name in self._stale:
            self._stale.discard(name)
            self.views[name].set_budget(self.budget, self.report)
        state = self._pending_state.pop(name, None)
        if state:  # as the session left it
            from budgetbench.ui import view_state

            view_state.restore(self.views[name], state)

    def data_view_search(self) -> None:
        self.data_view.focus_search()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a budget"), self.settings.last_directory, file_filter()
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str, mapping=None) -> None:
        """Start loading ``path`` in the background; the current budget stays until it succeeds.

        ``mapping`` (a :class:`~budgetbench.io.mapping.ColumnMapping`) says how to read the
        columns; without one, detection (or a saved profile) decides."""
        self._loading_path = str(path)
        self._loading_mapping = mapping
        self._load_started = time.perf_counter()
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Opening {0}…").format(Path(path).name))
        self._progress_timer.start(PROGRESS_DELAY_MS)
        self.statusBar().showMessage(self.tr("Opening {0}…").format(Path(path).name))
        self.runner.start(_load(str(path), mapping))

    def choose_file_to_map(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a budget with a mapping"),
            self.settings.last_directory,
            file_filter(),
        )
        if path:
            self.open_mapping_wizard(path)

    def check_current_mapping(self) -> None:
        """Open the mapping wizard on the budget that is open."""
        if self.budget is not None and self.budget.source_path:
            self.open_mapping_wizard(self.budget.source_path)

    def open_mapping_wizard(self, path: str, reason: str = "") -> None:
        """Read ``path`` in the background, then show the mapping wizard on it (non-blocking).

        ``reason`` (why the wizard is needed, in words) heads the wizard's list of doubts.
        On *Import*, the file loads with the confirmed mapping through :meth:`open_file`."""
        self.hide_unsure_notice()
        self._mapping_path = str(path)
        self._mapping_reason = reason
        self._load_started = time.perf_counter()
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Reading {0}…").format(Path(path).name))
        self._progress_timer.start(PROGRESS_DELAY_MS)
        self.statusBar().showMessage(self.tr("Reading {0}…").format(Path(path).name))
        self.mapping_runner.start(_read_for_mapping(str(path)))

    def hide_unsure_notice(self) -> None:
        for w in (self.unsure_label, self.check_mapping_button, self.dismiss_unsure_button):
            w.hide()

    def _show_unsure_notice(self, report) -> None:
        doubts = [str(d) for d in getattr(report, "doubts", []) or []]
        self.unsure_label.setText(self.tr("Detection was unsure of this file's columns"))
        self.unsure_label.setToolTip("\n".join(doubts) or self.tr("Detection was unsure"))
        for w in (self.unsure_label, self.check_mapping_button, self.dismiss_unsure_button):
            w.show()

    def cancel_loading(self) -> None:
        self.runner.cancel()
        self.mapping_runner.cancel()

    def show_budget(self, budget, report, index=None) -> None:
        """Show an already-loaded budget (used after loading and by ``--screenshot``)."""
        self.budget, self.report = budget, report
        self.data_view.set_budget(budget, report, index=index)
        self._stale = {"explore", "flows", "pensions", "tradeoffs"}
        self.priorities_view.set_budget(budget, report)  # cheap: words for lines come lazily
        self._refresh_current_view()
        self.setWindowFilePath(budget.source_path)
        self._update_title()
        if self.session is not None:
            self._show_note_badges()
        self.budget_shown.emit(budget)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About budgetbench"),
            self.tr(
                "<h3>budgetbench {0}</h3><p>An offline workbench for learning how a city or "
                "county budget works: where the money comes from, which fund holds it, and "
                "who spends it.</p>"
            ).format(__version__),
        )

    def show_log_location(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Log file"),
            self.tr("Problems are recorded in:\n{0}").format(paths.log_file()),
        )

    # ---- loading callbacks --------------------------------------------------------------
    def _show_progress(self) -> None:
        if self.runner.busy or self.mapping_runner.busy:
            for w in (self.progress_label, self.progress_bar, self.cancel_button):
                w.show()

    def _hide_progress(self) -> None:
        if self.runner.busy or self.mapping_runner.busy:
            return
        self._progress_timer.stop()
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.hide()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(round(100 * fraction))
        self.progress_label.setText(message)

    def _on_loaded(self, result) -> None:
        budget, report, index = result
        path = self._loading_path or budget.source_path
        self.show_budget(budget, report, index)
        if self._loading_mapping is None and getattr(report, "confidence", 1.0) < UNSURE_BELOW:
            self._show_unsure_notice(report)
        else:
            self.hide_unsure_notice()
        self.settings.add_recent(path)
        self.settings.last_directory = str(Path(path).parent)
        seconds = time.perf_counter() - self._load_started
        self.statusBar().showMessage(
            self.tr("Opened {0}: {1} line items in {2:.1f} s").format(
                Path(path).name, f"{len(budget):,}", seconds
            ),
            10000,
        )
        self.budget_loaded.emit(budget, report)
        self._offer_merge(path)

    def _on_failed(self, error: BaseException) -> None:
        path = self._loading_path or ""
        if isinstance(error, BudgetError):
            message = error.message
        else:
            log.error("unexpected error opening %s", path, exc_info=error)
            message = self.tr("an unexpected error occurred ({0}: {1}); details are in {2}").format(
                type(error).__name__, error, paths.log_file()
            )
        self.statusBar().showMessage(self.tr("Could not open {0}").format(Path(path).name), 10000)
        if isinstance(error, BudgetError) and "does not exist" in message:
            self.settings.remove_recent(str(Path(path).resolve()))
        self.load_failed.emit(message)
        no_table = isinstance(error, BudgetError) and any(m in message for m in NO_TABLE_MESSAGES)
        if "have no calculated values" in message:
            no_table = False  # pointing at the table would not help: the values are missing
        if no_table and self._loading_mapping is None:
            # Detection could not find the table: let the user point at it instead.
            self.statusBar().showMessage(
                self.tr("No table found in {0}: map its columns by hand").format(Path(path).name),
                10000,
            )
            self.open_mapping_wizard(path, reason=message)
            return
        self._show_error(path, message)

    def _show_error(self, path: str, message: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not open the budget"))
        box.setText(self.tr("<b>{0}</b> could not be opened.").format(Path(path).name))
        box.setInformativeText(
            message[:1].upper()
            + message[1:]
            + ("." if not message.endswith(".") else "")
            + "\n\n"
            + (self.tr("The budget that was open stays open.") if self.budget is not None else "")
        )
        box.setDetailedText(path)
        box.open()
        self.error_box = box

    def _on_mapping_read(self, result) -> None:
        from budgetbench.ui.dialogs.mapping_wizard import MappingWizard

        sheets, mapping = result
        path = self._mapping_path or ""
        self.statusBar().clearMessage()
        reason = self._mapping_reason
        if reason and not any(str(d) in reason for d in mapping.doubts):
            mapping.doubts = [reason, *mapping.doubts]
        if self.mapping_wizard is not None:
            self.mapping_wizard.close()
            self.mapping_wizard.deleteLater()
        wizard = MappingWizard(path, sheets, mapping, parent=self)
        wizard.finished.connect(lambda result, w=wizard, p=path: self._on_wizard_done(w, p, result))
        self.mapping_wizard = wizard
        wizard.open()
        self.mapping_wizard_opened.emit(wizard)

    def _on_wizard_done(self, wizard, path: str, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Import with mapping cancelled"), 5000)
            return
        if wizard.save_error:
            self.statusBar().showMessage(
                self.tr("The mapping could not be saved as a profile: {0}").format(
                    wizard.save_error
                ),
                10000,
            )
        self.open_file(path, mapping=wizard.mapping())

    def _on_mapping_read_failed(self, error: BaseException) -> None:
        path = self._mapping_path or ""
        if isinstance(error, BudgetError):
            message = error.message
        else:
            log.error("unexpected error reading %s", path, exc_info=error)
            message = self.tr("an unexpected error occurred ({0}: {1}); details are in {2}").format(
                type(error).__name__, error, paths.log_file()
            )
        self.statusBar().showMessage(self.tr("Could not open {0}").format(Path(path).name), 10000)
        self.load_failed.emit(message)
        self._show_error(path, message)

    def _on_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Opening cancelled"), 5000)

    # ---- drag and drop ------------------------------------------------------------------
    @staticmethod
    def _dropped_file(mime) -> str | None:
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_file(path)

    # ---- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.mapping_runner.cancel()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.runner.wait(5000)
        self.mapping_runner.wait(5000)
        self.pensions_view.wait_idle(5000)  # a stochastic run may be on a worker thread
        self._close_session()
        super().closeEvent(event)

    # ---- sessions: notes, themes, dot-votes --------------------------------------------
    def _build_session_menus(self, file_menu) -> None:
        file_menu.addSeparator()
        self.new_session_action = self._action(
            self.tr("&New Session…"),
            self.choose_new_session,
            "Ctrl+Alt+N",
            self.tr("Start a session file for the open budget: notes, themes, dot-votes"),
        )
        self.open_session_action = self._action(
            self.tr("Open &Session…"),
            self.choose_session,
            "Ctrl+Alt+O",
            self.tr("Open a session file and the budget it was made for"),
        )
        self.save_session_action = self._action(
            self.tr("Save Session &As…"),
            self.choose_save_session_as,
            "Ctrl+Shift+S",
            self.tr("Copy the session to a new file and continue in the copy"),
        )
        for a in (self.new_session_action, self.open_session_action, self.save_session_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        self.export_action = self._action(
            self.tr("&Export…"),
            self.choose_export,
            "Ctrl+E",
            self.tr("Save the budget with the room's notes and votes: workbook, CSV or handout"),
        )
        self.merge_export_action = self._action(
            self.tr("&Merge Notes from an Export…"),
            self.choose_export_to_merge,
            "Ctrl+Alt+M",
            self.tr("Add the notes and votes of an exported workbook to this session"),
        )
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.merge_export_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for a in (self.undo_action, self.redo_action):
            self.addAction(a)
            edit.addAction(a)
        edit.addSeparator()
        self.add_note_action = self._action(
            self.tr("Add &Note…"),
            self.add_note,
            "Ctrl+Shift+N",
            self.tr("Note what the room says about the selected line, department or fund"),
        )
        edit.addAction(self.add_note_action)
        edit.addSeparator()
        from budgetbench.ui.dialogs.preferences import install_preferences

        self.preferences_action = install_preferences(self, edit, on_language=self.switch_language)
        self._update_session_actions()

    def _build_session_notice(self) -> None:
        """The offer to reopen the last session after a crash: never a dialog."""
        bar = self.statusBar()
        self.last_session_label = QLabel(self)
        self.last_session_button = QPushButton(self.tr("Re&open Session"), self)
        self.last_session_button.setAccessibleName(self.tr("Reopen the last session"))
        self.dismiss_last_session_button = QToolButton(self)
        self.dismiss_last_session_button.setText("✕")
        self.dismiss_last_session_button.setAutoRaise(True)
        self.dismiss_last_session_button.setAccessibleName(self.tr("Dismiss the offer"))
        self.dismiss_last_session_button.clicked.connect(self.hide_last_session_notice)
        self._last_session_path = ""
        self.last_session_button.clicked.connect(lambda: self.open_session(self._last_session_path))
        for w in (
            self.last_session_label,
            self.last_session_button,
            self.dismiss_last_session_button,
        ):
            bar.addPermanentWidget(w)
            w.hide()
        self.tabs.currentChanged.connect(self._remember_view)

    def hide_last_session_notice(self) -> None:
        for w in (
            self.last_session_label,
            self.last_session_button,
            self.dismiss_last_session_button,
        ):
            w.hide()

    @staticmethod
    def _marker(path) -> Path:
        """Present while a session is open in a window; left behind when the app died."""
        path = Path(path)
        return path.with_name(path.name + ".open")

    def _offer_last_session(self) -> None:
        from budgetbench.io.session import last_session_file

        last = last_session_file()
        if last is None or not self._marker(last).exists():
            return
        self.last_session_label.setText(
            self.tr("budgetbench did not close cleanly. Reopen {0}?").format(last.name)
        )
        self.last_session_label.setToolTip(str(last))
        self._last_session_path = str(last)
        for w in (
            self.last_session_label,
            self.last_session_button,
            self.dismiss_last_session_button,
        ):
            w.show()

    def _update_session_actions(self) -> None:
        on = self.session is not None
        self.save_session_action.setEnabled(on)
        self.add_note_action.setEnabled(on)

    def _update_title(self) -> None:
        parts = []
        if self.session is not None:
            parts.append(Path(self.session.path).stem)
        if self.budget is not None:
            parts.append(self.budget.name or Path(self.budget.source_path).name)
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))

    def _set_session(self, session) -> None:
        from budgetbench.io.session import remember_last_session

        self._close_session()
        self.session = session
        self.undo_stack.clear()
        self.priorities_view.set_session(session)
        if session is not None:
            remember_last_session(session.path)
            if not session.read_only:
                self._marker(session.path).touch()
            if session.read_only_reason:
                self.statusBar().showMessage(session.read_only_reason, 10000)
            if self.budget is not None:
                # The session's aliases and scenarios: views showing the budget read them again.
                from budgetbench.io.session import META_KEYS

                before = {k: self.budget.meta.get(k) for k in META_KEYS}
                session.load_meta(self.budget)
                if any(self.budget.meta.get(k) != v for k, v in before.items()):
                    self._stale |= {"explore", "flows", "pensions", "tradeoffs"}
            saved = session.get_value("ui/view_state") or {}
            self._pending_state = {
                k: v for k, v in saved.items() if k in self.views and isinstance(v, dict)
            }
            view = session.get_value("ui/current_view")
            self.show_view(view if view in self.views else self._current_view_name())
        self.hide_last_session_notice()
        self._update_session_actions()
        self._update_title()
        self._show_note_badges()

    def _show_note_badges(self, *_args) -> None:
        """Mark what the room has written notes on in every view (a tint and ✎ on lines,
        groups and boxes), with the notes on hover."""
        from budgetbench.ui.notes import NoteIndex

        index = NoteIndex()
        if self.session is not None:
            lines = self.budget.lines if self.budget is not None else None
            table = self.data_view.model.table_index
            index = NoteIndex(self.session.annotations(), lines, table)
        self.data_view.model.set_notes(index.notes)
        self.explore_view.set_notes(index or None)
        self.flows_view.set_notes(index or None)

    def _close_session(self) -> None:
        if self.session is None:
            return
        self._state_timer.stop()
        self._save_view_states()
        session, self.session = self.session, None
        self._pending_state = {}
        self.priorities_view.set_session(None)
        self.undo_stack.clear()
        self._show_note_badges()
        if not session.read_only:
            self._marker(session.path).unlink(missing_ok=True)
        session.close()

    def _current_view_name(self) -> str:
        return next(k for k, v in self.views.items() if v is self.tabs.currentWidget())

    def _remember_view(self, *_args) -> None:
        if self.session is None or self.session.read_only:
            return
        with contextlib.suppress(BudgetError):
            self.session.set_value("ui/current_view", self._current_view_name())
        self._save_view_states()

    def _save_view_states(self) -> None:
        """Keep every view's choices and selection in the session (views not shown since the
        session opened keep the state they were saved with)."""
        from budgetbench.ui import view_state

        if self.session is None or self.session.read_only or self.budget is None:
            return
        states = dict(self._pending_state)
        for name, view in self.views.items():
            if name not in self._stale and name not in self._pending_state:
                states[name] = view_state.capture(view)
        with contextlib.suppress(BudgetError):
            self.session.set_value("ui/view_state", states)

    def _store_meta(self, *_args) -> None:
        """Save the aliases and the Pensions / Tradeoffs scenarios with the session."""
        if self.session is None or self.session.read_only or self.budget is None:
            return
        try:
            self.session.store_meta(self.budget)
        except BudgetError as exc:
            self._session_error(str(self.session.path), exc)

    def _ask_session_path(self, title: str) -> str:
        from budgetbench.io.session import SUFFIX

        path, _ = QFileDialog.getSaveFileName(
            self,
            title,
            self.settings.last_directory,
            self.tr("Sessions (*%1)").replace("%1", SUFFIX),
        )
        if path and not path.endswith(SUFFIX):
            path += SUFFIX
        return path

    def choose_new_session(self) -> None:
        if self.budget is None:
            self.statusBar().showMessage(self.tr("Open a budget first, then start a session"))
            return
        path = self._ask_session_path(self.tr("New session"))
        if path:
            self.new_session(path)

    def new_session(self, path: str) -> None:
        """Start a session file at ``path`` for the open budget."""
        from budgetbench.io.session import Session

        if self.budget is None:
            return
        try:
            session = Session.create(path, self.budget, self._loading_mapping)
        except (BudgetError, OSError) as exc:
            self._session_error(path, exc)
            return
        self._set_session(session)
        self.statusBar().showMessage(
            self.tr("Session {0} started: every note is saved as you go").format(Path(path).name),
            10000,
        )

    def choose_session(self) -> None:
        from budgetbench.io.session import SUFFIX

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a session"),
            self.settings.last_directory,
            self.tr("Sessions (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if path:
            self.open_session(path)

    def open_session(self, path: str) -> None:
        """Open a session; when it was made for another budget file that exists, load that
        file first (the session opens when it has loaded)."""
        from budgetbench.io.session import Session

        self.hide_last_session_notice()
        try:
            peek = Session.open(path)
            source, mapping = peek.source_path, peek.mapping
            peek.close()
        except (BudgetError, OSError) as exc:
            self._session_error(path, exc)
            return
        same = self.budget is not None and (
            not source or Path(source).resolve() == Path(self.budget.source_path).resolve()
        )
        if not same and source and Path(source).is_file():
            self._pending_session = str(path)
            self.open_file(source, mapping=mapping)
            return
        self._open_session_now(str(path))

    def _open_pending_session(self, *_args) -> None:
        path, self._pending_session = self._pending_session, None
        if path:
            self._open_session_now(path)

    def _open_session_now(self, path: str) -> None:
        from budgetbench.io.session import Session

        if self.session is not None and Path(self.session.path).resolve() == Path(path).resolve():
            self._close_session()
        try:
            session = Session.open(path, self.budget)
        except (BudgetError, OSError) as exc:
            self._session_error(path, exc)
            return
        self._set_session(session)
        n = len(session.annotations())
        self.statusBar().showMessage(
            self.tr("Opened session {0}: {1} notes").format(Path(path).name, n), 10000
        )
        if session.unplaced or session.reanchored:
            self._show_unplaced(session)

    def _show_unplaced(self, session) -> None:
        lines = [
            f"• {self.priorities_view.describe(a.target, dict(a.anchor))}: {a.text}"
            for a in session.unplaced[:20]
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Notes to check"))
        text = []
        if session.reanchored:
            text.append(
                self.tr("{0} notes moved to a similar line of this budget.").format(
                    len(session.reanchored)
                )
            )
        if session.unplaced:
            text.append(
                self.tr(
                    "{0} notes are about items this budget does not have. They are kept and"
                    " listed in Priorities."
                ).format(len(session.unplaced))
            )
        box.setText(" ".join(text))
        if lines:
            box.setDetailedText("\n".join(lines))
        box.open()
        self.session_box = box

    def choose_save_session_as(self) -> None:
        if self.session is None:
            return
        path = self._ask_session_path(self.tr("Save session as"))
        if path:
            self.save_session_as(path)

    def save_session_as(self, path: str) -> None:
        """Copy the session to ``path`` (atomically) and continue in the copy."""
        from budgetbench.io.session import remember_last_session

        if self.session is None:
            return
        old = Path(self.session.path)
        try:
            self.session.save_as(path)
        except (BudgetError, OSError) as exc:
            self._session_error(path, exc)
            return
        if Path(path).resolve() != old.resolve():
            self._marker(old).unlink(missing_ok=True)
            self._marker(path).touch()
            remember_last_session(path)
        self.priorities_view.set_session(self.session)
        self._update_title()
        self.statusBar().showMessage(self.tr("Session saved as {0}").format(Path(path).name), 10000)

    def _session_error(self, path: str, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, BudgetError) else str(exc)
        self.statusBar().showMessage(
            self.tr("Session {0}: {1}").format(Path(path).name, message), 15000
        )

    # ---- export, and notes back from an export -----------------------------------------
    def choose_export(self) -> None:
        """File ▸ Export…: the city's workbook with the room's work, a CSV or a handout."""
        from budgetbench.ui.dialogs.export_dialog import data_view_rows, run_export

        if self.budget is None:
            self.statusBar().showMessage(self.tr("Open a budget first, then export it"), 10000)
            return
        rows = columns = None
        if len(self.budget):
            rows, columns = data_view_rows(self.data_view, self.budget)
        self.export_dialog = run_export(
            self,
            self.session,
            self.budget,
            rows=rows,
            columns=columns,
            directory=self.settings.last_directory,
        )

    def choose_export_to_merge(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Merge notes from"),
            self.settings.last_directory,
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.merge_exported_notes(path)

    def merge_exported_notes(self, path: str) -> None:
        """Add the notes and votes written in an exported workbook to the open session."""
        from budgetbench.io.export_xlsx import merge_community, read_community

        if self.session is None:
            self.statusBar().showMessage(
                self.tr("Start or open a session first: File ▸ New Session…"), 10000
            )
            return
        try:
            report = merge_community(self.session, read_community(path))
        except (BudgetError, OSError) as exc:
            self._session_error(path, exc)
            return
        self.undo_stack.clear()  # a merge is not one undoable step
        self.priorities_view.set_session(self.session)
        self._show_note_badges()
        self.statusBar().showMessage(
            self.tr("Merged {0}: {1}").format(Path(path).name, report.sentence()), 10000
        )

    def _offer_merge(self, path: str) -> None:
        """An exported workbook was opened: offer to bring the room's notes in (no dialog
        that waits; the question sits beside the window until answered)."""
        from budgetbench.io.export_xlsx import is_export

        try:
            exported = is_export(path)
        except (BudgetError, OSError):
            return
        if not exported:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("The room's notes"))
        if self.session is None:
            box.setText(
                self.tr(
                    "{0} holds a room's notes and votes. Start a session (File ▸ New "
                    "Session…) and then File ▸ Merge Notes from an Export to add them."
                ).format(Path(path).name)
            )
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setText(
                self.tr("{0} holds a room's notes and votes. Add them to this session?").format(
                    Path(path).name
                )
            )
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            yes = box.button(QMessageBox.StandardButton.Yes)
            box.buttonClicked.connect(
                lambda button: self.merge_exported_notes(path) if button is yes else None
            )
        self.merge_box = box
        box.open()

    # ---- adding a note -----------------------------------------------------------------
    def selected_target(self):
        """``(target, words)`` for what is selected in the view that is showing, or ``None``."""
        current = next(k for k, v in self.views.items() if v is self.tabs.currentWidget())
        if self.budget is None:
            return None
        if current == "data":
            index = self.data_view.table.currentIndex()
            if not index.isValid():
                return None
            row = self.data_view.model.source_row(index.row())
            key = str(self.budget.lines["line_key"].iat[row])
            return ("line", key), self.priorities_view.describe(("line", key))
        if current in ("explore", "flows"):
            from budgetbench.ui.notes import NoteIndex

            if current == "explore":
                filters = self.explore_view.line_filters()
            else:
                filters = self.flows_view.selected_filters()
            target = NoteIndex(lines=self.budget.lines).target(filters)
            if target is not None:
                return target, self.priorities_view.describe(target)
        return None

    def add_note(self) -> None:
        """Open the note dialog on the selection (non-blocking; see ``note_dialog``)."""
        from budgetbench.ui.dialogs.note_dialog import NoteDialog

        if self.session is None or self.budget is None:
            self.statusBar().showMessage(
                self.tr("Start a session first: File ▸ New Session…"), 10000
            )
            return
        picked = self.selected_target()
        choices = []
        if picked is None:
            departments = sorted({str(d) for d in self.budget.lines["department"].unique() if d})
            choices = [(d, ("department", d)) for d in departments]
            target, words = None, self.tr("A department (nothing is selected in this view)")
        else:
            target, words = picked
        if self.note_dialog is not None:
            self.note_dialog.close()
            self.note_dialog.deleteLater()
        dialog = NoteDialog(
            target,
            words,
            self.session.tags(),
            author=str(self.session.get_value("ui/last_author", "") or ""),
            choices=choices,
            parent=self,
        )
        dialog.accepted.connect(lambda d=dialog: self._note_accepted(d))
        self.note_dialog = dialog
        dialog.open()

    def _note_accepted(self, dialog) -> None:
        from budgetbench.core.priorities import AddAnnotation, Macro, SetTags
        from budgetbench.ui.undo import push

        target = dialog.target()
        if self.session is None or target is None or not dialog.note():
            return
        add = AddAnnotation(target, dialog.note(), dialog.tags(), dialog.stance(), dialog.author())
        command = add
        if tuple(dialog.themes()) != tuple(self.session.tags()):
            command = Macro((SetTags(dialog.themes()), add), text=add.text)
        try:
            push(self.undo_stack, self.session, command)
            self.session.set_value("ui/last_author", dialog.author())
        except (BudgetError, ValueError) as exc:
            self._session_error(str(self.session.path), exc)
            return
        self.statusBar().showMessage(self.tr("Note added (Ctrl+Z undoes it)"), 5000)
