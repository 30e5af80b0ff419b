"""The review window's 最近打开 menu: recently opened packets, kept in QSettings.

Window state, not review state: which packets this user opened lately and the folder of
the last one, so the file dialog starts there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

RECENT_KEY = "recent/packets"
LAST_DIR_KEY = "ui/last_packet_dir"
RECENT_MAX = 8


class RecentPackets:
    """The list in `settings` and the `menu` showing it; a click calls `open_path`."""

    def __init__(self, settings: QSettings | None, menu: QMenu,
                 open_path: Callable[[Path], None]) -> None:
        self._settings = settings
        self._menu = menu
        self._open_path = open_path
        self._rebuild()

    def paths(self) -> list[str]:
        """Most recent first, as absolute paths."""
        if self._settings is None:
            return []
        value = self._settings.value(RECENT_KEY) or []
        items = [value] if isinstance(value, str) else list(value)
        return [str(v) for v in items if v][:RECENT_MAX]

    def last_folder(self) -> str:
        return str(self._settings.value(LAST_DIR_KEY, "")) if self._settings else ""

    def remember(self, path: Path) -> None:
        if self._settings is None:
            return
        text = str(path.resolve())
        items = [text, *(p for p in self.paths() if p != text)][:RECENT_MAX]
        self._settings.setValue(RECENT_KEY, items)
        self._settings.setValue(LAST_DIR_KEY, str(path.parent))
        self._rebuild()

    def _rebuild(self) -> None:
        self._menu.clear()
        items = self.paths()
        for text in items:
            action = QAction(Path(text).name, self._menu)
            action.setToolTip(text)
            action.triggered.connect(lambda _c=False, p=text: self._open_path(Path(p)))
            self._menu.addAction(action)
        self._menu.setEnabled(bool(items))
