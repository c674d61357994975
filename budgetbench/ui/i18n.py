"""The interface language: English (the source) or Spanish, loaded from compiled ``.qm`` files.

``install(app, "es")`` loads Qt's own strings for the language (standard buttons and dialogs)
and the app's ``resources/i18n/budgetbench_<lang>.qm``, and routes the core's
:func:`budgetbench.core.i18n.translate` through Qt. Switching back to English removes them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from budgetbench import paths
from budgetbench.core import i18n as core_i18n

#: Languages the interface is offered in: code → name in that language.
LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT = "en"

_installed: list[QTranslator] = []


def qm_file(lang: str):
    return paths.resources_dir() / "i18n" / f"budgetbench_{lang}.qm"


def normalise(lang: str | None) -> str:
    """A supported language code from ``lang`` ("es_MX" → "es"); English when unknown."""
    code = (lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT


def current() -> str:
    return normalise(QLocale().name())


def install(app: QCoreApplication, lang: str | None) -> str:
    """Switch the interface to ``lang``; returns the language now in use."""
    lang = normalise(lang)
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    if lang != DEFAULT:
        qt = QTranslator(app)
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        ours = QTranslator(app)
        if ours.load(str(qm_file(lang))):
            app.installTranslator(ours)
            _installed.append(ours)
    core_i18n.set_translator(QCoreApplication.translate if _installed else None)
    return lang
