"""The window's own Ctrl shortcuts win over a text field's: Ctrl+E exports, always.

On X11 a line edit claims Emacs-style keys (Ctrl+E "end of line", Ctrl+F, Ctrl+R …)
before the window's shortcuts are looked at, so with the cursor in the search box or a
score field Ctrl+E did nothing at all.  `WindowKeysFirst` declines that claim for the
keys the window's actions hold (Ctrl with a letter or digit; the text fields keep Home,
End, the arrows and everything else).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget


class WindowKeysFirst(QObject):
    """An event filter for text fields: the window's Ctrl+letter/digit keys pass through."""

    def __init__(self, actions: Callable[[], Iterable[QAction]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions = actions  # asked each time: the criterion keys follow the rubric

    def _window_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                != Qt.KeyboardModifier.ControlModifier:
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(action.isEnabled() and pressed in action.shortcuts()
                   for action in self._actions())

    def watch(self, root: QWidget) -> None:
        """Every text field in `root` (and `root` itself, if it is one)."""
        kinds = (QLineEdit, QPlainTextEdit, QAbstractSpinBox)
        fields = [root] if isinstance(root, kinds) else []
        for kind in kinds:
            fields += root.findChildren(kind)
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._window_key(event):
            event.ignore()  # not the field's: the window's shortcut runs
            return True
        return super().eventFilter(watched, event)
