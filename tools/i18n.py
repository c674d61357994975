"""Interface translations: extract, fill, check and compile.

One ``.ts`` file per source module, so modules can be translated independently::

    python tools/i18n.py update [budgetbench/ui/views/data_view.py ...]   # extract (all by default)
    python tools/i18n.py missing [--json] [TS ...]   # messages still without a translation
    python tools/i18n.py apply TS TRANSLATIONS.json  # {"source": "traducción"} or
                                                     # {"context": {"source": "traducción"}}
    python tools/i18n.py build                       # compile every .ts into one .qm

``update`` runs ``pyside6-lupdate`` (it keeps translations already made); ``build`` runs
``pyside6-lrelease`` and writes ``resources/i18n/budgetbench_<lang>.qm``, which is shipped.
Sources are the modules of ``budgetbench/ui`` and ``budgetbench/core`` that call ``tr(`` or
``translate(``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import ElementTree as SafeET

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGS = ("es",)
_CALL = re.compile(r"\btr\(|\btranslate\(")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    out = []
    for sub in ("ui", "core"):
        for path in sorted((ROOT / "budgetbench" / sub).rglob("*.py")):
            if path.name != "i18n.py" and _CALL.search(path.read_text(encoding="utf-8")):
                out.append(path)
    return out


def ts_file(source: Path, lang: str) -> Path:
    rel = source.relative_to(ROOT / "budgetbench").with_suffix("")
    return I18N / lang / (".".join(rel.parts) + ".ts")


def update(files: list[Path], langs=LANGS) -> list[Path]:
    written = []
    for src in files:
        for lang in langs:
            ts = ts_file(src, lang)
            ts.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    str(src),
                    "-ts",
                    str(ts),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    lang,
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            written.append(ts)
    return written


def messages(ts: Path):
    """``(context, source, translation or None)`` for each message of ``ts``."""
    root = SafeET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            text = tr.text if done and tr is not None and tr.text else None
            yield name, msg.findtext("source", ""), text


def missing(paths: list[Path]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ts in paths:
        for ctx, src, text in messages(ts):
            if not text:
                out.setdefault(ctx, {})[src] = ""
    return out


def apply(ts: Path, table: dict) -> int:
    """Fill translations from ``table``; returns how many messages were set."""
    tree = SafeET.parse(ts)
    count = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            src = msg.findtext("source", "")
            scoped = table.get(name)
            value = scoped.get(src) if isinstance(scoped, dict) else None
            if value is None and isinstance(table.get(src), str):
                value = table[src]
            if not value:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = value
            tr.attrib.pop("type", None)
            count += 1
    ET.indent(tree)
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return count


def build(langs=LANGS) -> list[Path]:
    out = []
    for lang in langs:
        files = sorted((I18N / lang).glob("*.ts"))
        if not files:
            continue
        qm = I18N / f"budgetbench_{lang}.qm"
        subprocess.run(
            [_tool("pyside6-lrelease"), *map(str, files), "-qm", str(qm)],
            check=True,
            capture_output=True,
            text=True,
        )
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("update")
    u.add_argument("files", nargs="*", type=Path)
    m = sub.add_parser("missing")
    m.add_argument("ts", nargs="*", type=Path)
    m.add_argument("--json", action="store_true")
    a = sub.add_parser("apply")
    a.add_argument("ts", type=Path)
    a.add_argument("table", type=Path)
    sub.add_parser("build")
    args = p.parse_args(argv)
    if args.cmd == "update":
        files = [f.resolve() for f in args.files] or sources()
        for ts in update(files):
            print(ts.relative_to(ROOT))
    elif args.cmd == "missing":
        found = missing(args.ts or sorted(I18N.glob("*/*.ts")))
        if args.json:
            print(json.dumps(found, ensure_ascii=False, indent=1))
        else:
            for ctx, items in found.items():
                for src in items:
                    print(f"{ctx}: {src!r}")
        return 1 if found else 0
    elif args.cmd == "apply":
        table = json.loads(args.table.read_text(encoding="utf-8"))
        print(f"{apply(args.ts, table)} messages translated in {args.ts.name}")
    elif args.cmd == "build":
        for qm in build():
            print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
