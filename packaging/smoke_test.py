"""Run the frozen budgetbench (the folder packaging/build.sh made) and check that it works.

    python packaging/smoke_test.py [--app dist/budgetbench/budgetbench] [--realdata DIR]

With no display (Qt's offscreen platform) and a clean environment (no PYTHONPATH, no virtualenv,
a temporary home for settings and caches), it:

- renders a screenshot of every shipped sample budget, of the teaching budget in each view,
  and of the real published workbooks in ``../shared/realdata/`` (skipped, with a message, when
  that folder is absent), and checks each exits with 0 and writes a picture that is not blank;
- runs ``summary --json`` and checks the JSON: line count, totals, import report; when this
  Python can import budgetbench, the frozen answer must equal the source tree's exactly;
- runs ``pension --json`` on a shipped plan (the bundled resources are found), ``--version``
  (matches pyproject.toml), and a missing file (a one-line error, exit code 2);
- checks the compiled translations are in the bundle, and renders the window in Spanish.

Exit code 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_budgets"
TEACHING = SAMPLES / "sycamore_springs_teaching.csv"
COUNTY = SAMPLES / "alder_valley_county_fy26.xlsx"
SIZE = (1280, 720)
#: A screenshot with fewer distinct colours than this is treated as blank (an empty window has
#: a handful; a filled table's anti-aliased text about 280, charts thousands).
MIN_COLOURS = 150
#: Nor may one colour cover more than this share of the picture.
MAX_ONE_COLOUR = 0.97


def default_app() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / "budgetbench" / "budgetbench-cli.exe"
    if sys.platform == "darwin":
        return ROOT / "dist" / "budgetbench.app" / "Contents" / "MacOS" / "budgetbench"
    return ROOT / "dist" / "budgetbench" / "budgetbench"


def default_realdata() -> Path:
    return Path(os.environ.get("BUDGETBENCH_REALDATA", ROOT.parent / "shared" / "realdata"))


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def clean_env(home: Path) -> dict[str, str]:
    """No Python of ours to lean on, no user folders touched, no display."""
    env = {
        "PATH": "/usr/bin:/bin" if os.name != "nt" else os.environ.get("PATH", ""),
        "HOME": str(home),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "QT_QPA_PLATFORM": "offscreen",
        "BUDGETBENCH_CONFIG_DIR": str(home / "config"),
        "BUDGETBENCH_DATA_DIR": str(home / "data"),
        "BUDGETBENCH_CACHE_DIR": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    for keep in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows cannot start a process without these
        if keep in os.environ:
            env[keep] = os.environ[keep]
    (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def picture_stats(png: Path) -> tuple[tuple[int, int], int, float]:
    """(width, height), number of distinct colours, share of the commonest colour."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull():
        raise ValueError(f"{png.name} is not a readable PNG")
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.bytesPerLine() * h // 4)
    pixels = pixels.reshape(h, image.bytesPerLine() // 4)[:, :w].ravel()
    _values, counts = np.unique(pixels, return_counts=True)
    return (w, h), len(counts), float(counts.max()) / len(pixels)


class Smoke:
    def __init__(self, app: Path, home: Path):
        self.app = app
        self.env = clean_env(home)
        self.cwd = home
        self.failures: list[str] = []
        self.checks = 0

    def run(self, *args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess, float]:
        t = time.perf_counter()
        out = subprocess.run(
            [str(self.app), *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            timeout=timeout,
        )
        return out, time.perf_counter() - t

    def check(self, label: str, ok: bool, detail: str = "", seconds: float | None = None) -> bool:
        self.checks += 1
        took = f" ({seconds:.1f} s)" if seconds is not None else ""
        print(f"{'ok  ' if ok else 'FAIL'} {label}{took}{'' if ok else ': ' + detail}")
        if not ok:
            self.failures.append(label)
        return ok

    # ---- the checks ---------------------------------------------------------------------------
    def screenshot(self, budget: Path | None, view: str = "data") -> None:
        name = budget.name if budget else "(no file: the teaching budget)"
        label = f"screenshot {view}: {name}"
        png = self.cwd / f"shot-{len(self.failures)}-{self.checks}.png"
        args = ["--screenshot", str(png), "--size", f"{SIZE[0]}x{SIZE[1]}", "--view", view]
        out, took = self.run(*args, *([str(budget)] if budget else []))
        if not self.check(label, out.returncode == 0, _tail(out), took):
            return
        if not png.exists():
            self.check(label + " wrote the PNG", False, "no file")
            return
        size, colours, top = picture_stats(png)
        self.check(
            label + f" is a picture ({colours:,} colours)",
            size == SIZE and colours >= MIN_COLOURS and top <= MAX_ONE_COLOUR,
            f"size {size}, {colours} colours, one colour covers {top:.0%}",
        )

    def summary(self, budget: Path) -> None:
        label = f"summary --json: {budget.name}"
        out, took = self.run("summary", str(budget), "--json", "--no-cache")
        if not self.check(label, out.returncode == 0, _tail(out), took):
            return
        try:
            data = json.loads(out.stdout)
        except json.JSONDecodeError as exc:
            self.check(label + " prints JSON", False, str(exc))
            return
        totals = data.get("totals") or []
        shape_ok = (
            isinstance(data.get("lines"), int)
            and data["lines"] > 0
            and len(totals) > 0
            and all({"fiscal_year", "phase", "direction", "amount"} <= set(r) for r in totals)
            and sum(abs(r["amount"] or 0) for r in totals) > 0
            and data.get("report", {}).get("lines") == data["lines"]
        )
        self.check(label + f" has {data.get('lines')} lines and totals", shape_ok, out.stdout[:300])
        source = source_summary(budget, self.env)
        if source is None:
            print(f"skip {label} equals the source tree's (budgetbench is not importable here)")
            return
        same = source["lines"] == data["lines"] and source["totals"] == data["totals"]
        self.check(label + " equals the source tree's", same, "frozen and source answers differ")

    def pension(self) -> None:
        out, took = self.run("pension", "--preset", "san-jose-federated", "--json")
        ok = out.returncode == 0
        if ok:
            try:
                rows = json.loads(out.stdout)["rows"]
                ok = len(rows) == 30 and all(r["aal"] > 0 for r in rows)
            except (json.JSONDecodeError, KeyError, TypeError):
                ok = False
        self.check("pension --preset san-jose-federated --json", ok, _tail(out), took)

    def translations(self) -> None:
        """Every compiled translation of the source tree is in the bundle, byte for byte."""
        bundle = self.app.parents[1] if self.app.parent.name == "MacOS" else self.app.parent
        for qm in sorted((ROOT / "resources").glob("i18n/**/*.qm")):
            data = qm.read_bytes()
            found = any(p.read_bytes() == data for p in bundle.rglob(qm.name))
            self.check(f"the bundle carries {qm.name}", found, "missing or different")

    def spanish(self) -> None:
        """The window in Spanish, when this version of the app has the --lang option."""
        out, _ = self.run("--help")
        if "--lang" not in out.stdout:
            print("skip screenshot in Spanish: this version has no --lang option")
            return
        png = self.cwd / "shot-es.png"
        out, took = self.run("--screenshot", str(png), "--lang", "es", "--view", "explore")
        if self.check("screenshot in Spanish (--lang es)", out.returncode == 0, _tail(out), took):
            size, colours, top = picture_stats(png)
            self.check(
                f"screenshot in Spanish is a picture ({colours:,} colours)",
                size == SIZE and colours >= MIN_COLOURS and top <= MAX_ONE_COLOUR,
                f"size {size}, {colours} colours, one colour covers {top:.0%}",
            )

    def version(self) -> None:
        out, _ = self.run("--version")
        want = f"budgetbench {project_version()}"
        self.check(f"--version says {want!r}", out.stdout.strip() == want, out.stdout.strip())

    def missing_file(self) -> None:
        out, _ = self.run("summary", str(self.cwd / "no-such-budget.xlsx"))
        lines = out.stderr.strip().splitlines()
        self.check(
            "a missing file is one line on stderr, exit code 2",
            out.returncode == 2 and len(lines) == 1 and "no-such-budget.xlsx" in lines[0],
            f"exit {out.returncode}: {out.stderr.strip()[:300]}",
        )


def source_summary(budget: Path, env: dict[str, str]) -> dict | None:
    """The same summary from the source tree, when this Python has budgetbench installed."""
    try:
        import budgetbench  # noqa: F401
    except ImportError:
        return None
    out = subprocess.run(
        [sys.executable, "-m", "budgetbench", "summary", str(budget), "--json", "--no-cache"],
        capture_output=True,
        text=True,
        env={**os.environ, **{k: v for k, v in env.items() if k.startswith("BUDGETBENCH_")}},
        cwd=ROOT,
        timeout=300,
    )
    return json.loads(out.stdout) if out.returncode == 0 else None


def _tail(out: subprocess.CompletedProcess) -> str:
    text = (out.stderr or out.stdout or "").strip()
    return f"exit {out.returncode}: {text[-600:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=default_app(), help="the frozen executable")
    parser.add_argument("--realdata", type=Path, default=default_realdata())
    args = parser.parse_args(argv)
    if not args.app.is_file():
        print(f"smoke_test: {args.app} not found; run packaging/build.sh first", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _qt = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # for reading the PNGs
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="budgetbench-smoke-") as tmp:
        smoke = Smoke(args.app.resolve(), Path(tmp))
        print(f"frozen app: {args.app}")
        smoke.version()
        smoke.missing_file()
        smoke.translations()
        smoke.spanish()
        smoke.screenshot(None)
        for view in ("explore", "flows", "pensions", "tradeoffs"):  # Priorities needs a session
            smoke.screenshot(TEACHING, view)
        for budget in sorted(SAMPLES.glob("*")):
            if budget.suffix.lower() in (".csv", ".xlsx", ".xls", ".ods"):
                smoke.screenshot(budget)
        realdata = sorted(args.realdata.rglob("*.xlsx")) if args.realdata.is_dir() else []
        if realdata:
            for budget in realdata:
                smoke.screenshot(budget)
            smoke.summary(realdata[0])
        else:
            print(f"skip real published workbooks: none found in {args.realdata}")
        smoke.summary(TEACHING)
        smoke.summary(COUNTY)
        smoke.pension()
    took = time.perf_counter() - start
    if smoke.failures:
        print(f"{len(smoke.failures)} of {smoke.checks} checks failed ({took:.0f} s)")
        return 1
    print(f"all {smoke.checks} checks passed ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
