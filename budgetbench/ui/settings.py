"""Typed access to the user's settings (window geometry, recent files, last folder, the
interface's language, theme and zoom, and presenter mode's choices).

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

#: Themes offered (``system`` follows the desktop's colour scheme and contrast setting).
THEME_NAMES = ("system", "light", "dark", "high_contrast")
#: Zoom is a factor of the normal type size, kept within these bounds.
ZOOM_MIN, ZOOM_MAX = 0.8, 2.5
#: Keys presenter mode's pointer spotlight may be held on (letters no view binds alone).
SPOTLIGHT_KEYS = ("S", "L", "Z")


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

    # The interface. Keys added within schema version 1: a file without them reads defaults.
    @property
    def language(self) -> str:
        """The interface language code ("en", "es"); empty means follow the system's."""
        value = self._get("ui/language", str, "")
        return value if value in ("", "en", "es") else ""

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value)

    @property
    def theme(self) -> str:
        value = self._get("ui/theme", str, "system")
        return value if value in THEME_NAMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEME_NAMES:
            raise ValueError(f"unknown theme {value!r}")
        self._q.setValue("ui/theme", value)

    @property
    def zoom(self) -> float:
        """The type size as a factor of normal (1.0), within ``ZOOM_MIN``…``ZOOM_MAX``."""
        try:  # read as text: Qt turns text that is not a number into 0
            value = float(self._get("ui/zoom", str, "1.0"))
        except (TypeError, ValueError):
            return 1.0
        if value != value:  # NaN
            return 1.0
        return min(ZOOM_MAX, max(ZOOM_MIN, value))

    @zoom.setter
    def zoom(self, value: float) -> None:
        self._q.setValue("ui/zoom", round(min(ZOOM_MAX, max(ZOOM_MIN, float(value))), 3))

    @property
    def projector_screen(self) -> str:
        """The name of the screen presenter mode goes full screen on; empty: choose one."""
        return self._get("presenter/screen", str, "")

    @projector_screen.setter
    def projector_screen(self, value: str) -> None:
        self._q.setValue("presenter/screen", value)

    @property
    def spotlight_key(self) -> str:
        value = self._get("presenter/spotlight_key", str, SPOTLIGHT_KEYS[0])
        return value if value in SPOTLIGHT_KEYS else SPOTLIGHT_KEYS[0]

    @spotlight_key.setter
    def spotlight_key(self, value: str) -> None:
        if value not in SPOTLIGHT_KEYS:
            raise ValueError(f"unknown spotlight key {value!r}")
        self._q.setValue("presenter/spotlight_key", value)
