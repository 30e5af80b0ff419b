"""The review window's geometry, dock state and splitter positions, kept in QSettings.

Window state only — where things are on this screen; nothing of the review itself
(that lives in the expert's workspace).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

GEOMETRY_KEY, STATE_KEY = "window/geometry", "window/state"
SPLITTER_KEYS = ("window/splitter", "window/right_splitter")
DEFAULT_SIZE = (1360, 820)


class WindowState:
    """Restores and saves `window` and its `splitters` (in `SPLITTER_KEYS` order)."""

    def __init__(self, window: QMainWindow, settings: QSettings | None,
                 splitters: Sequence[QSplitter]) -> None:
        self._window = window
        self._settings = settings
        self._splitters = tuple(zip(SPLITTER_KEYS, splitters, strict=True))

    def restore(self) -> None:
        settings = self._settings
        geometry = settings.value(GEOMETRY_KEY) if settings else None
        if geometry is None or not self._window.restoreGeometry(geometry):
            self._window.resize(*DEFAULT_SIZE)
        if settings is None:
            return
        state = settings.value(STATE_KEY)
        if state is not None:
            self._window.restoreState(state)
        for key, splitter in self._splitters:
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)

    def save(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue(GEOMETRY_KEY, self._window.saveGeometry())
        self._settings.setValue(STATE_KEY, self._window.saveState())
        for key, splitter in self._splitters:
            self._settings.setValue(key, splitter.saveState())
        self._settings.sync()
