"""The evidence strip: the files of one submission side by side, as thumbnails or badges.

Its height follows the font: a CJK system font's lines are taller than the fallback's,
and a fixed height clipped the names under the thumbnails.  A long name is elided in
the middle (its extension stays visible); the full name is the item's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.evidence.model import THUMB_SIDE

NAME_LINES = 1
ICON_SIZE = QSize(THUMB_SIDE, THUMB_SIDE - 24)
TYPICAL_NAME = "工单截图照片.jpg"  # width sample only, never shown
GRID_GAP = 4  # between neighbouring cells
SCROLL_BAR = 12  # the horizontal scroll bar's height (resources/styles/app.qss)


class _GridItems(QStyledItemDelegate):
    """Every item fills its grid cell.  Left to itself, an icon-mode item was as wide as
    its thumbnail, so a name was elided to the picture's width (a portrait PDF page:
    "群众感…pdf") however wide the cell."""

    def __init__(self, strip: QListView) -> None:
        super().__init__(strip)
        self._strip = strip

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self._strip.gridSize() - QSize(GRID_GAP, GRID_GAP)


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
        self.setIconSize(ICON_SIZE)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setWordWrap(False)  # one line, elided in the middle, as wide as the cell
        self.setItemDelegate(_GridItems(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Grid and strip tall enough for the icon and `NAME_LINES` lines of its name."""
        metrics = self.fontMetrics()
        names = metrics.lineSpacing() * NAME_LINES
        # Wide enough for a usual name ("工单截图1.jpg") in this font: a CJK system font
        # elided it to "工单截…jpg" in a grid sized for the thumbnail alone.
        width = max(THUMB_SIDE + 20, metrics.horizontalAdvance(TYPICAL_NAME) + 16)
        grid = QSize(width, ICON_SIZE.height() + names + 16)
        self.setGridSize(grid)
        self.setFixedHeight(grid.height() + 2 * self.frameWidth() + SCROLL_BAR + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()

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
