"""Translation hook for text the core composes (headlines, chart titles, phrases).

The core never imports Qt, so it calls :func:`translate` with a context and an English source
text; the UI installs Qt's translator behind it (:func:`set_translator`), the command line
leaves it as the identity. ``pyside6-lupdate`` extracts ``translate("context", "text")`` calls,
so core strings live in the same ``.ts`` files as the UI's (see ``tools/i18n.py``).

Placeholders are ``str.format`` fields, filled after translation::

    translate("explore", "{name} spends {amount}").format(name=..., amount=...)
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the current language (English when no translator is installed)."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def set_translator(func: Callable[[str, str], str] | None) -> None:
    """Install (or with ``None`` remove) the function that looks translations up."""
    global _translator
    _translator = func


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (module-level tables).

    Translate it where it is shown: ``translate(context, text)``.
    """
    return text
