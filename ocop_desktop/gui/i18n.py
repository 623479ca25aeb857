"""Installs the translators: Vietnamese by default, English (the source language) on request."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ocop_desktop.domain.language import set_display_language
from ocop_desktop.paths import resources_dir

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Load every area's .qm for ``language`` plus Qt's own strings (dialog buttons …).

    Qt ships no Vietnamese qtbase translation, so resources/translations/qtbase_vi.ts (hand
    written) provides the button texts; Qt's own file is still used where one exists.
    """
    installed: list[QTranslator] = []
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    # The core's labels and messages follow the window (official documents stay Vietnamese).
    set_display_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "en":
        return installed  # the source strings are English
    folder = resources_dir() / "translations"
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(
        QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
