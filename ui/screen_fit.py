"""A window's first-start size that never exceeds the screen it opens on.

A fixed default (the workbench's 1440×900) on a 1366×768 laptop put the window's right
edge and status bar off screen, with no way to reach them but dragging the title bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def fit_first_size(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width × height, or, on a screen smaller than that, fill it."""
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else None
    if available is None or available.width() <= 0 or (
            available.width() > width and available.height() > height):
        window.resize(width, height)
        return
    window.resize(min(width, available.width()), min(height, available.height()))
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
