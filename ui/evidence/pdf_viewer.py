"""The PDF viewer: one page at a time, page n / N, prev/next, zoom; pages rendered off-thread.

Pages are rendered by PyMuPDF in the runner at the zoom the expert chose (times the
screen's pixel ratio, so text is sharp on HiDPI) and kept in a `PageCache` shared by the
panel: bounded by count and bytes, keyed (file sha256, page, zoom), so going back a page
or returning to a submission is instant and memory stays bounded over 300 submissions.
After a page is shown the next one is rendered ahead, so "next page" is usually a cache hit.

A document opens at the zoom the expert last chose in this viewer (after 适合 once, the
next PDFs open at the zoom that fitted), else at 100 %; the look-ahead renders page 1 at that zoom.
Not "fit to the column" by default: below 100 % MuPDF keeps the scans it draws at a
reduced size as well, and the render worker grew by ~30 MB over 300 submissions
(bench/RESULTS.md), past the memory target.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.evidence.kinds import PdfPayload
from app.model import PacketFile
from ui.evidence.decoding import error_text, page_image
from ui.plain_text import plain_labels
from ui.task_runner import LOOK_AHEAD, WANTED_NOW, TaskRunner

ZOOM_LEVELS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
DEFAULT_ZOOM = 1.0
PageKey = tuple[str, int, float]


class PageCache:
    """An LRU of rendered pages, bounded by page count and total bytes."""

    def __init__(self, max_items: int = 12, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.max_items = max_items
        self.max_bytes = max_bytes
        self._items: OrderedDict[PageKey, QImage] = OrderedDict()
        self._bytes = 0

    def get(self, key: PageKey) -> QImage | None:
        image = self._items.get(key)
        if image is not None:
            self._items.move_to_end(key)
        return image

    def put(self, key: PageKey, image: QImage) -> None:
        if key in self._items:
            self._bytes -= self._items.pop(key).sizeInBytes()
        self._items[key] = image
        self._bytes += image.sizeInBytes()
        # Evict oldest first; the page just added always stays, even if alone it is too big.
        while len(self._items) > 1 and (len(self._items) > self.max_items
                                        or self._bytes > self.max_bytes):
            _key, old = self._items.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0


class PdfViewer(QWidget):
    """Page navigation bar above a scrollable page; `status(str)` describes the position."""

    status = Signal(str)
    page_shown = Signal(int)  # a rendered page is on screen (tests and bench/bench_review.py)
    shown = Signal()  # the same, for the panel: the file is on screen

    def __init__(self, runner: TaskRunner, cache: PageCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache = cache
        self._data = b""
        self._sha = ""
        self._count = 0
        self._page = 0
        self._zoom = DEFAULT_ZOOM
        self._chosen_zoom: float | None = None  # the expert's last choice, kept for the next PDF
        self._error: str | None = None
        self._build()
        self._update_controls()

    def _build(self) -> None:
        self.prev_button = self._button("‹", self.tr("上一页"), self.previous_page)
        self.next_button = self._button("›", self.tr("下一页"), self.next_page)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pdfPageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(110)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addStretch(1)
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._scene.addItem(self._item)
        self.view = QGraphicsView(self._scene, self)
        self.view.setObjectName("pdfPageView")
        self.view.setBackgroundBrush(QColor("#e4e7eb"))
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.message = QLabel(self)
        self.message.setObjectName("pdfMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        plain_labels(self.message)  # errors may quote the file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- document -----------------------------------------------------------------------
    def show_payload(self, payload: PdfPayload, pf: PacketFile) -> None:
        self.set_document(payload.data, pf.sha256, payload.page_count)

    def release(self) -> None:
        self.clear()

    def set_document(self, data: bytes, sha256: str, page_count: int) -> None:
        """Show page 1 of the PDF `data` (already checked to open, `page_count` ≥ 1)."""
        self._data, self._sha, self._count = data, sha256, page_count
        self._page = 0
        self._zoom = self.opening_zoom()
        self._item.setPixmap(QPixmap())
        self._request()

    def clear(self) -> None:
        """Drop the document bytes (the cache keeps rendered pages, bounded)."""
        self._data, self._sha, self._count, self._page = b"", "", 0, 0
        self._item.setPixmap(QPixmap())
        self._update_controls()

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return self._count

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def zoom_level(self) -> float:
        return self._zoom

    def go_to_page(self, index: int) -> None:
        if self._count and 0 <= index < self._count and index != self._page:
            self._page = index
            self._request()

    def next_page(self) -> None:
        self.go_to_page(self._page + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._page - 1)

    def opening_zoom(self) -> float:
        """The zoom a document opens with (see the module docstring)."""
        return DEFAULT_ZOOM if self._chosen_zoom is None else self._chosen_zoom

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_LEVELS if z > self._zoom), self._zoom))

    def zoom_out(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOM_LEVELS) if z < self._zoom), self._zoom))

    def reset_zoom(self) -> None:
        self._set_zoom(DEFAULT_ZOOM)

    def fit_to_window(self) -> None:
        """The largest preset zoom at which the page width fits the view."""
        image = self._item.pixmap()
        if image.isNull():
            return
        page_width = image.width() / image.devicePixelRatio() / self._zoom
        fitting = [z for z in ZOOM_LEVELS if page_width * z <= self.view.viewport().width()]
        self._set_zoom(fitting[-1] if fitting else ZOOM_LEVELS[0])

    def _set_zoom(self, zoom: float) -> None:
        if self._count:
            self._chosen_zoom = zoom
        if zoom != self._zoom and self._count:
            self._zoom = zoom
            self._request()

    # --- rendering ----------------------------------------------------------------------
    def _key(self, page: int) -> PageKey:
        return (self._sha, page, round(self._zoom * self._ratio(), 3))

    def _ratio(self) -> float:
        return max(1.0, self.devicePixelRatioF())

    def _request(self) -> None:
        self._error = None
        self._update_controls()
        key = self._key(self._page)
        cached = self._cache.get(key)
        if cached is not None:
            self._show(key, cached)
            return
        self._render(key, self._page)

    def first_page_key(self, sha256: str) -> PageKey:
        """The cache key of page 1 of a document, at the zoom it opens with."""
        return (sha256, 0, round(self.opening_zoom() * self._ratio(), 3))

    def _render(self, key: PageKey, page: int, *, prefetch: bool = False) -> None:
        self._runner.run(page_image, self._data, page, key[2],
                         on_done=lambda image: self._rendered(key, image, prefetch),
                         on_error=lambda err: self._failed(key, err, prefetch),
                         priority=LOOK_AHEAD if prefetch else WANTED_NOW)

    def _rendered(self, key: PageKey, image: QImage, prefetch: bool) -> None:
        self._cache.put(key, image)
        if not prefetch and key == self._key(self._page) and self._sha:
            self._show(key, image)

    def _failed(self, key: PageKey, err: BaseException, prefetch: bool) -> None:
        if prefetch or key != self._key(self._page):
            return  # a failed look-ahead is reported when (if) the expert gets there
        self._error = error_text(err)
        self._item.setPixmap(QPixmap())
        self._update_controls()

    def _show(self, key: PageKey, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self._ratio())
        self._item.setPixmap(pixmap)
        self._scene.setSceneRect(self._item.boundingRect())
        self._update_controls()
        self.page_shown.emit(key[1])
        self.shown.emit()
        following = self._page + 1
        if following < self._count and self._key(following) not in self._cache:
            self._render(self._key(following), following, prefetch=True)

    def _update_controls(self) -> None:
        has_doc = self._count > 0
        self.prev_button.setEnabled(has_doc and self._page > 0)
        self.next_button.setEnabled(has_doc and self._page + 1 < self._count)
        text = (self.tr("第 {0} / {1} 页").replace("{0}", str(self._page + 1))
                .replace("{1}", str(self._count))) if has_doc else ""
        self.page_label.setText(text)
        self.message.setVisible(self._error is not None)
        self.message.setText(self._error or "")
        if has_doc:
            self.status.emit(f"{text} · {round(self._zoom * 100)}%")
