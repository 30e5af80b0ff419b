"""Callbacks that outlive their window do nothing: `while_alive(widget, fn)`.

A task started from a page reports back on the GUI thread later; if the organizer has
closed the window meanwhile (WA_DeleteOnClose), the page's C++ side is gone and touching
it would raise inside the event loop.  Wrapped callbacks check first and drop the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """`fn`, called only while `owner` still exists."""
    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)
    return call
