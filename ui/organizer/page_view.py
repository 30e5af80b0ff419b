"""A rendered page shown as wide as its column allows (never wider than rendered).

The intake detail renders an original PDF form's pages once; the column beside the
extracted fields is often narrower than a page, and a fixed-size label was cut off on
the right.  `FittedPage` scales the page to the width it is given, keeping its
proportions (height for width), so the whole page is always seen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_WIDTH = 120


class FittedPage(QWidget):
    """One page image, scaled down to the available width."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap.fromImage(image)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        shown = min(width, self._pixmap.width())
        return round(shown * self._pixmap.height() / max(self._pixmap.width(), 1))

    def sizeHint(self) -> QSize:
        return self._pixmap.size()

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, self.heightForWidth(MIN_WIDTH))

    def page_rect(self) -> QRect:
        """Where the page is drawn: the widget's width (at most the page's), top left."""
        width = min(self.width(), self._pixmap.width())
        return QRect(0, 0, width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self.page_rect(), self._pixmap)
        painter.end()
