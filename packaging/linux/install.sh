#!/usr/bin/env bash
# Install the unpacked budgetbench folder for the current user (no administrator rights needed):
#
#     tar xzf budgetbench-<version>-linux-x86_64.tar.gz && budgetbench/install.sh
#
# copies the folder to ~/.local/opt/budgetbench, links ~/.local/bin/budgetbench to it, and adds
# the menu entry and icons under ~/.local/share. `install.sh --uninstall` removes them again.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/budgetbench
BIN=$HOME/.local/bin

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -rf "$OPT"
    rm -f "$BIN/budgetbench" "$DATA/applications/budgetbench.desktop"
    find "$DATA/icons/hicolor" -name budgetbench.png -delete 2>/dev/null || true
    rm -f "$DATA/icons/hicolor/scalable/apps/budgetbench.svg"
    echo "budgetbench removed"
    exit 0
fi

if [[ ! -x "$HERE/budgetbench" ]]; then
    echo "install.sh: run it from the unpacked budgetbench folder" >&2
    exit 2
fi

mkdir -p "$OPT" "$BIN" "$DATA/applications"
if [[ "$HERE" != "$OPT" ]]; then
    rm -rf "$OPT"
    cp -a "$HERE" "$OPT"
fi
ln -sf "$OPT/budgetbench" "$BIN/budgetbench"
cp -r "$OPT/share/icons" "$DATA/"
sed -e "s|^Exec=.*|Exec=$OPT/budgetbench %f|" -e "s|^TryExec=.*|TryExec=$OPT/budgetbench|" \
    "$OPT/share/applications/budgetbench.desktop" >"$DATA/applications/budgetbench.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "budgetbench installed in $OPT; start it from the applications menu or with: $BIN/budgetbench"
