"""The review window's geometry, dock state and splitter positions, kept in QSettings.

Window state only — where things are on this screen, and whether the rubric shows its
level descriptors; nothing of the review itself (that lives in the expert's workspace).
On a first start the window fits the screen: maximized on a laptop screen smaller than
the default size (1366×768), most of the screen on a larger one (1920×1080).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

GEOMETRY_KEY, STATE_KEY = "window/geometry", "window/state"
SPLITTER_KEYS = ("window/splitter", "window/right_splitter")
DETAILS_KEY = "window/rubric_details"
DEFAULT_SIZE = (1360, 820)
SCREEN_SHARE = 0.9  # of a screen larger than the default size


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
            self.fit_screen()
        if settings is None:
            return
        state = settings.value(STATE_KEY)
        if state is not None:
            self._window.restoreState(state)
        for key, splitter in self._splitters:
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)

    def fit_screen(self) -> None:
        """The first-start size: the default, or the screen's share of what it offers."""
        screen = self._window.screen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or available.width() <= 0:
            self._window.resize(*DEFAULT_SIZE)
            return
        width, height = DEFAULT_SIZE
        if available.width() <= width or available.height() <= height:
            self._window.resize(min(width, available.width()), min(height, available.height()))
            self._window.setWindowState(self._window.windowState()
                                        | Qt.WindowState.WindowMaximized)
            return
        size = (max(width, int(available.width() * SCREEN_SHARE)),
                max(height, int(available.height() * SCREEN_SHARE)))
        self._window.resize(*size)
        self._window.move(available.center().x() - size[0] // 2,
                          available.center().y() - size[1] // 2)

    def follow_rubric(self, panel: Any) -> None:
        """Show `panel`'s descriptors as last chosen, and remember each change."""
        if self._settings is None or not hasattr(panel, "details_toggled"):
            return
        shown = self._settings.value(DETAILS_KEY, True)
        panel.set_details_shown(shown not in (False, "false", "0", 0))
        panel.details_toggled.connect(
            lambda on: self._settings.setValue(DETAILS_KEY, bool(on)))

    def save(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue(GEOMETRY_KEY, self._window.saveGeometry())
        self._settings.setValue(STATE_KEY, self._window.saveState())
        for key, splitter in self._splitters:
            self._settings.setValue(key, splitter.saveState())
        self._settings.sync()


def swap_in(splitter: QSplitter, old: QWidget, build: Callable[[QWidget], QWidget]) -> QWidget:
    """Put `build(splitter)` where `old` is, keeping the splitter's sizes; `old` goes.

    Built in place: a widget moved into the splitter afterwards has every child's style
    resolved twice (~30 ms for the rubric panel at start).
    """
    index, sizes = splitter.indexOf(old), splitter.sizes()
    new = build(splitter)
    splitter.insertWidget(index, new)
    old.hide()
    old.setParent(None)  # out of the splitter, so `sizes` fit again
    old.deleteLater()
    splitter.setSizes(sizes)
    return new
