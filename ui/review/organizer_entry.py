"""The review window's ways into the organizer's half, built on first use.

Both launchers import QtCharts, the results and the import code, which an expert who never
opens them should not pay for at start-up; so they are created the first time the menu
asks for them and kept for the window's life.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


class OrganizerEntry:
    """The organizer window launcher and the workbench launcher of one review window
    (`passphrases` gives the session's packet passphrases when the launcher is built)."""

    def __init__(self, window: QWidget, runner: Any, writer: Any, settings: Any,
                 passphrases: Callable[[], Any]) -> None:
        self._window, self._runner, self._writer = window, runner, writer
        self._settings, self._passphrases = settings, passphrases
        self._launcher: Any = None
        self._workbench: Any = None

    def launcher(self) -> Any:
        """The organizer window for a packet (import and results)."""
        if self._launcher is None:
            from ui.organizer.launch import OrganizerLauncher

            self._launcher = OrganizerLauncher(self._window, self._runner, self._settings,
                                               passphrases=self._passphrases())
        return self._launcher

    def workbench(self) -> Any:
        """The workbench for a whole round, on an organizer project folder."""
        if self._workbench is None:
            from ui.organizer.home_launch import WorkbenchLauncher

            self._workbench = WorkbenchLauncher(self._window, self._runner, self._writer,
                                                self._settings)
        return self._workbench
