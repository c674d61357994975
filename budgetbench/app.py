"""Entry point: the desktop app by default, and headless sub-commands for staff and scripts.

    budgetbench [FILE]                                  open the app (on the teaching sample)
    budgetbench --screenshot OUT.png [--view data|explore|flows|pensions|tradeoffs|priorities]
                [--select NAME]
                [--size 1280x720] [FILE]
    budgetbench summary FILE [--by col,col] [--json]    totals and the import report
    budgetbench pension --preset NAME [--years N] [--return R] [--json]
                                                        a pension projection, headless
    budgetbench forecast FILE [--years 5] [--scenario NAME] [--reserve R] [--json]
                                                        the General Fund forecast, headless
    budgetbench export SESSION_OR_FILE -o OUT.xlsx|OUT.csv|OUT.pdf
                                                        the annotated workbook, CSV or handout
    --no-cache (app or summary)                         read the file afresh, not from the cache
    budgetbench --version

Exit codes: 0 success, 2 user error (one clear line on stderr), 1 unexpected internal error.
Heavy libraries (Qt, pandas) are imported only by the path that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Sequence

from budgetbench import __version__

#: When this process started running Python code of ours. A launcher that wants the time from
#: its own click (the benchmark) passes its clock in BUDGETBENCH_LAUNCH_TIME (seconds, epoch).
_STARTED = time.time()

USER_ERROR = 2
INTERNAL_ERROR = 1
VIEWS = ("data", "explore", "flows", "pensions", "tradeoffs", "priorities")


class UsageError(Exception):
    """A bad command line: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise UsageError(message)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x720, not {text!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (320x240 to 8000x8000)")
    return w, h


_NO_CACHE_HELP = "read files afresh instead of from the import cache (then refresh the cache)"


def _gui_parser() -> _Parser:
    p = _Parser(
        prog="budgetbench",
        description="Open a budget spreadsheet in the budgetbench workbench.",
        epilog="Sub-command: 'budgetbench summary FILE' prints totals without opening a window.",
    )
    p.add_argument("file", nargs="?", help="budget file to open (default: the teaching sample)")
    p.add_argument("--version", action="version", version=f"budgetbench {__version__}")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    p.add_argument("--view", choices=VIEWS, default="data", help="view to show (default data)")
    p.add_argument(
        "--select",
        metavar="NAME",
        help="select a department or fund in the view: a name ('Police') or column=value "
        "('fund_name=General Fund')",
    )
    p.add_argument("--size", type=_size, default=(1280, 720), help="window size, e.g. 1280x720")
    p.add_argument(
        "--lang", choices=("en", "es"), help="interface language (default: as in Preferences)"
    )
    p.add_argument(
        "--presenter", action="store_true", help="presenter mode (large type, high contrast)"
    )
    p.add_argument(
        "--tour-step",
        type=int,
        metavar="N",
        help="go to step N (1 = the first) of the Budget 101 tour",
    )
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    p.add_argument("--startup-report", action="store_true", help=argparse.SUPPRESS)
    return p


def _summary_parser() -> _Parser:
    from budgetbench.core.schema import COLUMNS

    p = _Parser(
        prog="budgetbench summary",
        description="Print totals of a budget file's line items and the import report.",
    )
    p.add_argument("file", help="budget file (CSV, XLSX, XLS, ODS)")
    p.add_argument(
        "--by",
        default="fiscal_year,phase,direction",
        help="comma-separated canonical columns to group by (default fiscal_year,phase,direction;"
        " empty for the grand total). Columns: " + ", ".join(c for c in COLUMNS if c != "amount"),
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "summary":
            return summary(_summary_parser().parse_args(argv[1:]))
        if argv and argv[0] == "pension":
            return pension(_pension_parser().parse_args(argv[1:]))
        if argv and argv[0] == "forecast":
            return forecast(_forecast_parser().parse_args(argv[1:]))
        if argv and argv[0] == "export":
            return export(_export_parser().parse_args(argv[1:]))
        args = _gui_parser().parse_args(argv)
        if args.file and not os.path.exists(args.file):
            raise UsageError(f"{args.file}: the file does not exist")
        if args.screenshot:
            return screenshot(args)
        return run_gui(args)
    except UsageError as exc:
        print(f"budgetbench: error: {exc}", file=sys.stderr)
        return USER_ERROR
    except _user_errors() as exc:
        print(f"budgetbench: error: {exc}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `budgetbench summary ... | head`: the reader left; not an error
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # never a traceback on the terminal: log it, say where
        return _internal_error(exc)


def _user_errors() -> tuple[type[BaseException], ...]:
    from budgetbench.core.progress import BudgetError

    return (BudgetError,)


def _internal_error(exc: BaseException) -> int:
    import logging

    from budgetbench import paths

    try:
        logging.basicConfig(filename=paths.log_file(), level=logging.INFO)
        logging.getLogger("budgetbench").exception("unexpected error")
        where = f" (details in {paths.log_file()})"
    except OSError:
        where = ""
    print(f"budgetbench: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return INTERNAL_ERROR


# ---- summary --------------------------------------------------------------------------------
def summary(args: argparse.Namespace) -> int:
    from budgetbench.core.schema import COLUMNS
    from budgetbench.io.loader import load_budget

    by = [c.strip() for c in args.by.split(",") if c.strip()]
    unknown = [c for c in by if c not in COLUMNS or c == "amount"]
    if unknown:
        raise UsageError(
            f"--by: unknown column {', '.join(unknown)}; choose from "
            + ", ".join(c for c in COLUMNS if c != "amount")
        )
    if not os.path.exists(args.file):
        raise UsageError(f"{args.file}: the file does not exist")
    budget = load_budget(args.file, use_cache=not args.no_cache)
    report = budget.report
    totals = budget.totals(by)
    if args.json:
        rows = [{k: _plain(v) for k, v in rec.items()} for rec in totals.to_dict(orient="records")]
        out = {"lines": len(budget), "totals": rows, "report": report.to_dict()}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print(f"{budget.name}: {len(budget):,} line items")
    print(_table(totals))
    print()
    print("Import report")
    for line in report.summary_lines():
        print(f"  {line}")
    return 0


def _plain(value):
    """numpy/pandas scalars -> JSON-ready Python values."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def _table(totals) -> str:
    cols = list(totals.columns)
    rows = [
        [f"{v:,.2f}" if c == "amount" else str(v) for c, v in zip(cols, rec, strict=True)]
        for rec in totals.itertuples(index=False)
    ]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    right = [c == "amount" for c in cols]

    def fmt(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if r else cell.ljust(w)
            for cell, w, r in zip(cells, widths, right, strict=True)
        ).rstrip()

    lines = [fmt(cols), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in rows]
    return "\n".join(lines)


# ---- pension --------------------------------------------------------------------------------
_PENSION_COLUMNS = (
    "year",
    "fiscal_year",
    "aal",
    "ava",
    "mva",
    "uaal",
    "funded_ratio_ava",
    "normal_cost",
    "amortization_payment",
    "employee_contribution",
    "employer_contribution",
    "employer_pct_payroll",
)


def _pension_parser() -> _Parser:
    p = _Parser(
        prog="budgetbench pension",
        description="Project a pension plan year by year (assets, liability, contributions).",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--preset", metavar="NAME", help="a shipped plan, e.g. san-jose-federated")
    src.add_argument("--plan", metavar="FILE", help="a plan saved as JSON")
    p.add_argument("--years", type=int, default=30, help="years to project (default 30)")
    p.add_argument(
        "--return",
        dest="ret",
        metavar="R",
        help="earn R every year instead of the assumed return: a percent (5 or 5%%) or a "
        "fraction (0.05)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return p


def _rate(text: str) -> float:
    """'5', '5%' -> 0.05; '0.05' -> 0.05 (values of 1 or more, or with %, are percents)."""
    t = text.strip()
    percent = t.endswith("%")
    try:
        value = float(t.rstrip("%").strip())
    except ValueError:
        raise UsageError(f"--return: {text!r} is not a number") from None
    if value != value or abs(value) == float("inf"):
        raise UsageError(f"--return: {text!r} is not a number")
    if percent or abs(value) >= 1:
        value /= 100.0
    if not -0.99 <= value <= 1.0:
        raise UsageError(f"--return: {text} is out of range (-99% to 100%)")
    return value


def pension(args: argparse.Namespace) -> int:
    from budgetbench.core.pension import Scenario, project
    from budgetbench.io.pension_presets import list_presets, load_plan, load_preset

    if not 1 <= args.years <= 100:
        raise UsageError("--years must be between 1 and 100")
    if args.preset is not None:
        names = list_presets()
        if args.preset not in names:
            raise UsageError(f"unknown preset {args.preset!r}; choose from {', '.join(names)}")
        plan = load_preset(args.preset)
    else:
        plan = load_plan(args.plan)
    if args.ret is None:
        scenario = Scenario(name="assumed return")
    else:
        rate = _rate(args.ret)
        scenario = Scenario(name=f"earn {rate:.2%} every year", returns="constant", rate=rate)
    frame = project(plan, scenario, years=args.years)
    if args.json:
        rows = [{k: _plain(v) for k, v in rec.items()} for rec in frame.to_dict(orient="records")]
        out = {
            "plan": plan.name,
            "units": plan.units,
            "scenario": scenario.name,
            "discount_rate": frame.attrs["discount_rate"],
            "expected_return": frame.attrs["expected_return"],
            "years": args.years,
            "rows": rows,
        }
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print(f"{plan.name} ({plan.units}); {scenario.name}")
    table = frame[list(_PENSION_COLUMNS)].copy()
    for col in ("funded_ratio_ava", "employer_pct_payroll"):
        table[col] = (100 * table[col]).round(1).astype(str) + "%"
    widths = {c: max(len(c), *(len(_cell(v)) for v in table[c])) for c in table.columns}
    print("  ".join(c.rjust(widths[c]) for c in table.columns))
    for rec in table.itertuples(index=False):
        cells = [_cell(v).rjust(widths[c]) for c, v in zip(table.columns, rec, strict=True)]
        print("  ".join(cells))
    return 0


def _cell(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) or (hasattr(value, "dtype") and value.dtype.kind in "iu"):
        return str(int(value))
    return f"{float(value):,.0f}"


# ---- forecast -------------------------------------------------------------------------------
_FORECAST_COLUMNS = (
    "fiscal_year",
    "revenue_ongoing",
    "revenue_one_time",
    "expense_ongoing",
    "expense_one_time",
    "structural_gap",
    "surplus_deficit",
    "reserve",
    "reserve_months",
)


def _forecast_parser() -> _Parser:
    p = _Parser(
        prog="budgetbench forecast",
        description="Forecast a budget's General Fund year by year: revenue, spending, the "
        "structural gap and the reserve.",
    )
    p.add_argument("file", help="budget file (CSV, XLSX, XLS, ODS)")
    p.add_argument("--years", type=int, default=5, help="years to forecast (1-10, default 5)")
    p.add_argument(
        "--scenario",
        metavar="NAME",
        default="baseline",
        help="'baseline' (default) or a recession: 'Great Recession (San José)' "
        "(great-recession), 'COVID (statewide projection)' (covid), 'mild'",
    )
    p.add_argument(
        "--reserve",
        metavar="DOLLARS",
        type=float,
        help="General Fund reserve at the end of the base year (default: two months of "
        "spending, as GFOA suggests, unless the file says)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    return p


def forecast(args: argparse.Namespace) -> int:
    from budgetbench.core import forecast as fc
    from budgetbench.io.loader import load_budget

    if not 1 <= args.years <= fc.MAX_YEARS:
        raise UsageError(f"--years must be between 1 and {fc.MAX_YEARS}")
    try:
        scenario = fc.preset_scenario(args.scenario, years=args.years)
    except KeyError:
        names = ", ".join(repr(n) for n in fc.scenario_presets())
        raise UsageError(f"unknown scenario {args.scenario!r}; choose from {names}") from None
    if args.reserve is not None:
        if args.reserve != args.reserve or abs(args.reserve) == float("inf"):
            raise UsageError("--reserve must be a number of dollars")
        scenario.reserve_start = args.reserve
    if not os.path.exists(args.file):
        raise UsageError(f"{args.file}: the file does not exist")
    budget = load_budget(args.file, use_cache=not args.no_cache)
    result = fc.forecast(budget, scenario)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    base = result.base_year
    print(
        f"{budget.name}: General Fund forecast from FY{base.fiscal_year} ({base.phase}); "
        f"scenario: {scenario.name}"
    )
    table = result.table[list(_FORECAST_COLUMNS)].copy()
    table["reserve_months"] = table["reserve_months"].map(lambda v: f"{v:.1f}")
    widths = {c: max(len(c), *(len(_cell(v)) for v in table[c])) for c in table.columns}
    print("  ".join(c.rjust(widths[c]) for c in table.columns))
    for rec in table.itertuples(index=False):
        cells = [_cell(v).rjust(widths[c]) for c, v in zip(table.columns, rec, strict=True)]
        print("  ".join(cells))
    print()
    for fy, flags in zip(result.table["fiscal_year"], result.table["flags"], strict=True):
        if flags:
            print(f"FY{int(fy)}: {flags}")
    print(result.meter().text)
    for line in result.sentences():
        print(line)
    for note in result.notes:
        print(f"Note: {note}")
    return 0


# ---- export ---------------------------------------------------------------------------------
def _export_parser() -> _Parser:
    p = _Parser(
        prog="budgetbench export",
        description="Export a session (its budget with the room's notes, votes and scenarios) "
        "or a plain budget file: an annotated workbook (.xlsx), CSV files (.csv) or a one-page "
        "handout (.pdf), chosen by the output's suffix.",
    )
    p.add_argument("source", help="a session file (.bbsession) or a budget file")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.xlsx, OUT.csv or OUT.pdf"
    )
    p.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    return p


def export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from budgetbench.io.loader import load_budget
    from budgetbench.io.session import SUFFIX, Session
    from budgetbench.render.export import KINDS, export_file

    out = Path(args.output)
    if out.suffix.lower() not in KINDS:
        raise UsageError(f"{args.output}: the output must end in {', '.join(KINDS)}")
    if not out.parent.is_dir():
        raise UsageError(f"{args.output}: the folder {out.parent} does not exist")
    if not os.path.exists(args.source):
        raise UsageError(f"{args.source}: the file does not exist")
    session = None
    try:
        if args.source.lower().endswith(SUFFIX):
            session = Session.open(args.source)
            source = session.source_path
            beside = Path(args.source).parent / Path(source).name if source else None
            if source and not os.path.exists(source) and beside and beside.is_file():
                source = str(beside)  # the folder was moved or copied to another computer
            if not source or not os.path.exists(source):
                raise UsageError(
                    f"{args.source}: the session's budget file {source or '(none)'} is missing"
                )
            budget = load_budget(source, mapping=session.mapping, use_cache=not args.no_cache)
            session.load_meta(budget)
        else:
            budget = load_budget(args.source, use_cache=not args.no_cache)
        result = export_file(out, budget, session)
    finally:
        if session is not None:
            session.close()
    print(result.message)
    for path in result.paths:
        print(path)
    return 0


# ---- GUI ------------------------------------------------------------------------------------
def _make_app(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("budgetbench")
    app.setApplicationDisplayName("budgetbench")
    app.setOrganizationName("budgetbench")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("budgetbench")  # Linux desktops match it to budgetbench.desktop
    from PySide6.QtGui import QIcon

    from budgetbench import paths

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(paths.resources_dir() / "icons" / f"budgetbench-{size}.png"))
    app.setWindowIcon(icon)
    return app


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    from budgetbench import paths
    from budgetbench.ui import errors

    if args.no_cache:  # every load in this session, including the window's worker
        os.environ["BUDGETBENCH_NO_CACHE"] = "1"
    app = _make_app(sys.argv[:1])
    errors.install()
    from budgetbench.ui import i18n
    from budgetbench.ui.main_window import MainWindow
    from budgetbench.ui.settings import Settings

    settings = Settings()
    i18n.install(app, args.lang or settings.language)
    window = MainWindow(settings=settings)
    window.show()
    if args.presenter:
        window.presenter.enter()
    origin = float(os.environ.get("BUDGETBENCH_LAUNCH_TIME") or _STARTED)
    shown = time.time() - origin
    path = args.file or str(paths.teaching_sample())
    if args.startup_report:

        def report(*_):
            app.processEvents()
            ready = time.time() - origin
            print(json.dumps({"window_shown_s": shown, "interactive_s": ready}), flush=True)
            window.close()
            app.quit()

        window.budget_loaded.connect(report)
        window.load_failed.connect(lambda _m: app.exit(USER_ERROR))
    if args.tour_step:
        step = args.tour_step

        def go_to_step(*_):
            window.budget_loaded.disconnect(go_to_step)
            _tour_step(window, step)

        window.budget_loaded.connect(go_to_step)
    QTimer.singleShot(0, lambda: window.open_file(path))
    return app.exec()


def _tour_step(window, step: int) -> None:
    """``--tour-step N``: show step N (1-based) of the tour."""
    tour = window.tour_panel
    if not 1 <= step <= tour.step_count():
        raise UsageError(f"--tour-step: choose 1 to {tour.step_count()}")
    tour.show()
    tour.go_to(step - 1)


def selection_filters(budget, text: str) -> dict[str, str]:
    """``--select``: ``column=value``, or a name looked up as a department, fund or category."""
    from budgetbench.core.schema import COLUMNS

    if "=" in text:
        column, value = (part.strip() for part in text.split("=", 1))
        if column not in COLUMNS:
            raise UsageError(f"--select: unknown column {column!r}")
        return {column: value}
    for column in ("department", "fund_name", "division", "program", "category"):
        if (budget.lines[column] == text).any():
            return {column: text}
    raise UsageError(f"--select: no department, fund or category is called {text!r}")


def screenshot(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    screen_config = None
    if args.presenter and os.environ["QT_QPA_PLATFORM"] == "offscreen":
        # Full screen in presenter mode: make the virtual screen the size asked for.
        width, height = args.size
        screen = {"name": "projector", "x": 0, "y": 0, "width": width, "height": height}
        screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        fd, screen_config = tempfile.mkstemp(suffix=".json")
        with os.fdopen(fd, "w") as fh:
            json.dump({"screens": [screen]}, fh)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config}"

    from budgetbench import paths
    from budgetbench.io.loader import load_budget

    path = args.file or str(paths.teaching_sample())
    budget = load_budget(path, use_cache=not args.no_cache)
    report = budget.report
    _app = _make_app(sys.argv[:1])  # kept alive until the picture is taken
    from PySide6.QtCore import QEventLoop, QTimer

    from budgetbench.ui import i18n
    from budgetbench.ui.main_window import MainWindow
    from budgetbench.ui.settings import Settings

    i18n.install(_app, args.lang or "en")
    with tempfile.TemporaryDirectory() as tmp:  # a screenshot never touches user settings
        window = MainWindow(settings=Settings(path=Path(tmp) / "settings.ini"))
        window.resize(*args.size)
        window.show()
        window.show_budget(budget, report)
        window.show_view(args.view)
        if args.select:
            window.select_everywhere(selection_filters(budget, args.select))
        if args.tour_step:
            _tour_step(window, args.tour_step)
        if args.presenter:
            window.presenter.enter()
        # Let deferred work (coalesced redraws, lazily built charts) finish before the picture.
        loop = QEventLoop()
        QTimer.singleShot(400, loop.quit)
        loop.exec()
        image = window.grab()
        if not image.save(args.screenshot):
            raise UsageError(f"{args.screenshot}: cannot write the PNG there")
        window.close()
    if screen_config:
        os.unlink(screen_config)
    print(args.screenshot)
    return 0
