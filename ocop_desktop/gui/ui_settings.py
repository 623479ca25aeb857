"""Per-computer preferences of the desktop program, declared in one place (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from ocop_desktop.gui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class UiSettings:
    """Typed access to the few things remembered between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("ui/window_state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("ui/window_state", value)

    def sync(self) -> None:
        self._s.sync()
