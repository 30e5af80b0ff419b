"""The top-level window the evidence panel lends its viewer area to while full screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget


class FullScreenHost(QWidget):
    """The top-level window the viewer area borrows while full screen."""

    def __init__(self, on_leave: Callable[[], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("evidenceFullScreen")
        self.setWindowTitle(self.tr("佐证材料（按 Esc 返回）"))
        self._on_leave = on_leave
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for keys in ("Esc", "F11"):
            QShortcut(QKeySequence(keys), self, activated=self._on_leave)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window by the window manager must also give the viewer back.
        self._on_leave()
        super().closeEvent(event)
