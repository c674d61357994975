"""Typed access to the user's settings (window geometry, recent files, last folder).

QSettings with INI files hands back strings for everything unless told the type; every value
here goes through one typed getter with a default, and the file carries a schema version.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from budgetbench import paths

SCHEMA_VERSION = 1
MAX_RECENT = 10


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        path = path or paths.config_dir() / "settings.ini"
        self._q = QSettings(str(path), QSettings.Format.IniFormat)
        if self._get("schema_version", int, 0) < SCHEMA_VERSION:
            self._migrate()

    def _get(self, key: str, kind: type, default):
        value = self._q.value(key, default, type=kind)
        return default if value is None else value

    def _migrate(self) -> None:
        # Version 1 is the first; later versions convert older keys here.
        self._q.setValue("schema_version", SCHEMA_VERSION)

    def sync(self) -> None:
        self._q.sync()

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    # Window geometry and state, as Qt serialises them.
    @property
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    # Recent files, newest first, stored as JSON so paths with commas survive.
    @property
    def recent_files(self) -> list[str]:
        raw = self._get("files/recent", str, "[]")
        try:
            items = json.loads(raw)
        except ValueError:
            return []
        return [p for p in items if isinstance(p, str)][:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, items: list[str]) -> None:
        self._q.setValue("files/recent", json.dumps(list(items)[:MAX_RECENT]))

    def add_recent(self, path: str) -> list[str]:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_files if p != path]
        self.recent_files = items
        return self.recent_files

    def remove_recent(self, path: str) -> list[str]:
        self.recent_files = [p for p in self.recent_files if p != path]
        return self.recent_files

    @property
    def last_directory(self) -> str:
        return self._get("files/last_directory", str, str(Path.home()))

    @last_directory.setter
    def last_directory(self, value: str) -> None:
        self._q.setValue("files/last_directory", value)
