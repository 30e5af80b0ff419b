"""The photo viewer: fit to window, zoom (buttons, keys, Ctrl+wheel), 100 %, pan by dragging.

A `QGraphicsView` with one pixmap item: zoom is the view transform, so zooming never
re-decodes the image, and dragging pans through the scroll bars (ScrollHandDrag).  It
shows image previews (`ImagePayload`, decoded off the GUI thread: `ui.evidence.viewers`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from app.model import PacketFile

ZOOM_STEP = 1.25
MIN_SCALE = 0.02
MAX_SCALE = 16.0


class ImageViewer(QGraphicsView):
    """Shows one image; `zoom_changed(scale)` reports the effective scale (1.0 = 100 %)."""

    zoom_changed = Signal(float)
    status = Signal(str)  # size and scale, for the status bar
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self._fit = True
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#eef0f3"))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.zoom_changed.connect(self._report_zoom)

    # --- content ------------------------------------------------------------------------
    def show_payload(self, image: QImage, _pf: PacketFile) -> None:
        self.set_image(image)
        self.shown.emit()

    def release(self) -> None:
        self.clear()

    def set_image(self, image: QImage) -> None:
        """Show `image` fitted to the window (GUI thread: converts to a pixmap)."""
        self._item.setPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._item.boundingRect())
        self.fit_to_window()

    def clear(self) -> None:
        self._item.setPixmap(QPixmap())

    @property
    def image_size(self) -> tuple[int, int]:
        size = self._item.pixmap().size()
        return size.width(), size.height()

    def _report_zoom(self, scale: float) -> None:
        width, height = self.image_size
        self.status.emit(f"{width}×{height} · {round(scale * 100)}%")

    # --- zoom ---------------------------------------------------------------------------
    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    @property
    def zoom_level(self) -> float:
        return self.scale_factor

    @property
    def fitted(self) -> bool:
        return self._fit

    def fit_to_window(self) -> None:
        self._fit = True
        self._apply_fit()

    def _apply_fit(self) -> None:
        if self._item.pixmap().isNull():
            return
        self.resetTransform()
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        # Never blow a small image up beyond 100 % just to fill the window: it would blur.
        if self.scale_factor > 1.0:
            self.resetTransform()
        self.zoom_changed.emit(self.scale_factor)

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        """100 %: one image pixel per device-independent pixel."""
        self._fit = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def _zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor * factor))
        if target == self.scale_factor:
            return
        self._fit = False
        self.scale(target / self.scale_factor, target / self.scale_factor)
        self.zoom_changed.emit(self.scale_factor)

    # --- events -------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self._zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self._apply_fit()
