#!/usr/bin/env bash
# Build the macOS app and disk image: dist/budgetbench.app and
# dist/budgetbench-<version>-macos-<arch>.dmg (arm64 on Apple silicon, x86_64 on Intel).
#
#     packaging/macos/build_dmg.sh [path/to/venv]       (default .venv; created if missing)
#
# Needs Python 3.11 from python.org or Homebrew and the Xcode command line tools. The app is
# signed ad hoc (PyInstaller does this), not with a Developer ID: on first start, right-click
# the app and choose Open. Set BUDGETBENCH_SIGN_IDENTITY="Developer ID Application: ..." to sign
# it with your own certificate instead (notarising is then `xcrun notarytool submit`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
[[ "$(uname -s)" == Darwin ]] || { echo "build_dmg.sh: run this on macOS" >&2; exit 2; }
VENV=${1:-.venv}

packaging/build.sh "$VENV"  # the spec's BUNDLE step writes dist/budgetbench.app on macOS

VERSION=$("$VENV/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
DMG="dist/budgetbench-$VERSION-macos-$(uname -m).dmg"

if [[ -n "${BUDGETBENCH_SIGN_IDENTITY:-}" ]]; then
    codesign --force --deep --options runtime --timestamp \
        --sign "$BUDGETBENCH_SIGN_IDENTITY" dist/budgetbench.app
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R dist/budgetbench.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "budgetbench $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -ov "$DMG"

"$VENV/bin/python" packaging/smoke_test.py --app dist/budgetbench.app/Contents/MacOS/budgetbench
echo "Disk image: $DMG"
