"""A whole session in the window never tries to open a network connection.

Python's ways of connecting are replaced by ones that refuse and record; on Linux the test
also checks that the process holds no internet socket at the end (Qt's own networking would
not go through Python). The session is a list of named steps: add one to :data:`STEPS`.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from budgetbench import paths
from budgetbench.ui.main_window import MainWindow
from budgetbench.ui.settings import Settings

VIEWS = ("data", "explore", "flows", "pensions", "tradeoffs", "priorities")


@pytest.fixture
def attempts(monkeypatch) -> list[str]:
    """Refuse and record every connection, name lookup and datagram sent."""
    tried: list[str] = []

    def refuse(name: str):
        def blocked(*args, **kwargs):
            tried.append(f"{name}{args!r}"[:200])
            raise OSError(f"network use refused in this test: {name}")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return tried


def internet_sockets() -> list[str]:
    """Internet (TCP/UDP, IPv4/IPv6) sockets this process holds open (Linux only)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            rows = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table} {fields[1]} -> {fields[2]}")
    return found


# ---- the session, step by step ------------------------------------------------------------------
def open_teaching_sample(qtbot, window: MainWindow, tmp: Path) -> None:
    with qtbot.waitSignal(window.budget_loaded, timeout=30_000):
        window.open_file(str(paths.teaching_sample()))
    assert window.budget is not None and len(window.budget) > 100


def visit_every_view(qtbot, window: MainWindow, tmp: Path) -> None:
    for name in VIEWS:
        window.show_view(name)
        qtbot.wait(20)
        assert window.tabs.currentWidget() is window.views[name]


def start_a_session(qtbot, window: MainWindow, tmp: Path) -> None:
    window.new_session(str(tmp / "room.bbsession"))
    assert window.session is not None


def add_a_note(qtbot, window: MainWindow, tmp: Path) -> None:
    from budgetbench.core.priorities import AddAnnotation
    from budgetbench.ui.undo import push

    key = str(window.budget.lines["line_key"].iat[0])
    push(window.undo_stack, window.session, AddAnnotation(("line", key), "Keep it open", ()))
    assert [a.text for a in window.session.annotations()] == ["Keep it open"]


def save_the_session(qtbot, window: MainWindow, tmp: Path) -> None:
    window.save_session_as(str(tmp / "saved.bbsession"))
    assert window.session.path == tmp / "saved.bbsession"
    assert (tmp / "saved.bbsession").is_file()


def export_through_the_dialog(qtbot, window: MainWindow, tmp: Path) -> None:
    window.settings.last_directory = str(tmp)
    window.choose_export()  # File ▸ Export…
    dialog = window.export_dialog
    for suffix in (".xlsx", ".pdf"):
        dialog.set_kind(suffix)
        with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
            dialog.export_button.click()
        assert done.args[0].paths[0].is_file()
        if suffix == ".xlsx":
            window.choose_export()
            dialog = window.export_dialog


#: The session, in order: (name, step(qtbot, window, tmp_path)).
STEPS: list[tuple[str, Callable]] = [
    ("open the teaching sample", open_teaching_sample),
    ("visit every view", visit_every_view),
    ("start a session", start_a_session),
    ("add a note", add_a_note),
    ("visit every view with the session", visit_every_view),
    ("save the session", save_the_session),
    ("export the workbook and the handout", export_through_the_dialog),
]


def test_a_full_session_opens_no_network_connection(qtbot, tmp_path, attempts):
    window = MainWindow(settings=Settings(path=tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        for name, step in STEPS:
            step(qtbot, window, tmp_path)
            assert not attempts, f"'{name}' tried the network: {attempts}"
        if sys.platform.startswith("linux"):
            assert internet_sockets() == []
    finally:
        window.runner.cancel()
        window.runner.wait(5000)


def test_the_guard_catches_a_connection(attempts):
    with pytest.raises(OSError, match="refused"):
        socket.create_connection(("198.51.100.7", 80), timeout=0.1)
    with pytest.raises(OSError, match="refused"), socket.socket() as sock:
        sock.connect(("198.51.100.7", 80))
    assert len(attempts) == 2
