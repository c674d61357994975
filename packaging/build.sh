#!/usr/bin/env bash
# Build the desktop package: dist/budgetbench/ (one folder, runs without Python installed) and
# dist/budgetbench-<version>-<os>-<arch>.tar.gz.
#
#     packaging/build.sh                 use the active virtualenv ($VIRTUAL_ENV)
#     packaging/build.sh path/to/venv    use (or create) that virtualenv
#     packaging/build.sh --no-install    do not pip-install the `package` extra first
#
# Installs budgetbench with its `package` extra (PyInstaller) into the virtualenv, runs
# packaging/budgetbench.spec, adds the Linux desktop entry and installer, and packs the tarball.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
INSTALL=1
VENV=""
for arg in "$@"; do
    case "$arg" in
        --no-install) INSTALL=0 ;;
        -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
        -*) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
        *) VENV=$arg ;;
    esac
done

if [[ -n "$VENV" ]]; then
    if [[ ! -x "$VENV/bin/python" ]]; then
        BASE=$(command -v python3.11 || command -v python3)
        echo "== creating virtualenv $VENV with $($BASE --version)"
        "$BASE" -m venv "$VENV"
    fi
    PY="$VENV/bin/python"
elif [[ -n "${VIRTUAL_ENV:-}" ]]; then
    PY="$VIRTUAL_ENV/bin/python"
else
    echo "build.sh: activate a virtualenv or pass one (packaging/build.sh .venv);" \
        "it will not install into the system Python" >&2
    exit 2
fi

cd "$ROOT"
START=$(date +%s)
if [[ $INSTALL == 1 ]]; then
    echo "== installing budgetbench[package] into $("$PY" -c 'import sys; print(sys.prefix)')"
    "$PY" -m pip install --quiet -e ".[package]"
fi

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
OS=$(uname -s | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m)
NAME="budgetbench-$VERSION-$OS-$ARCH"

echo "== PyInstaller $("$PY" -m PyInstaller --version): budgetbench $VERSION"
rm -rf build/pyinstaller dist/budgetbench "dist/$NAME.tar.gz"
FREEZE_START=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/budgetbench.spec
FREEZE_END=$(date +%s)

if [[ "$OS" == linux ]]; then
    # The desktop entry, its icons and a per-user installer travel inside the folder.
    mkdir -p dist/budgetbench/share/applications
    cp packaging/linux/budgetbench.desktop dist/budgetbench/share/applications/
    for png in resources/icons/budgetbench-*.png; do
        size=${png##*-}
        size=${size%.png}
        mkdir -p "dist/budgetbench/share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "dist/budgetbench/share/icons/hicolor/${size}x${size}/apps/budgetbench.png"
    done
    mkdir -p dist/budgetbench/share/icons/hicolor/scalable/apps
    cp resources/icons/budgetbench.svg dist/budgetbench/share/icons/hicolor/scalable/apps/
    install -m 755 packaging/linux/install.sh dist/budgetbench/install.sh
fi

echo "== packing dist/$NAME.tar.gz"
tar -C dist -czf "dist/$NAME.tar.gz" budgetbench

END=$(date +%s)
echo "== built in $((END - START)) s (PyInstaller $((FREEZE_END - FREEZE_START)) s)"
echo "   folder:  $(du -sh dist/budgetbench | cut -f1)  dist/budgetbench/"
echo "   tarball: $(du -sh "dist/$NAME.tar.gz" | cut -f1)  dist/$NAME.tar.gz"
