"""The evidence strip: the files of one submission side by side, as thumbnails or badges."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ui.evidence.model import THUMB_SIDE


class EvidenceStrip(QListView):
    """The horizontal thumbnail strip; Left/Right and [ ] cycle through the files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceStrip")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE - 24))
        self.setGridSize(QSize(THUMB_SIDE + 20, THUMB_SIDE + 10))
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB_SIDE + 30)

    def step(self, delta: int) -> None:
        count = self.model().rowCount() if self.model() else 0
        if count:
            row = self.currentIndex().row() if self.currentIndex().isValid() else -1
            self.setCurrentIndex(self.model().index((row + delta) % count, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_BracketLeft) and not event.modifiers():
            self.step(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_BracketRight) and not event.modifiers():
            self.step(1)
        else:
            super().keyPressEvent(event)
